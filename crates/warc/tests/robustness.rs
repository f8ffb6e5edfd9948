//! No input makes the reader panic, hold more than its limits, loop without reading, or lose
//! count of a record: random bytes, every truncation of an archive, and mutated archives.

// Test code: a failed expectation is the report.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod common;

use biennien_warc::{Limits, WarcError};
use common::*;
use proptest::prelude::*;

/// Limits small enough that the crawl's records hit them.
fn small() -> Limits {
    Limits {
        max_record_bytes: 300,
        max_body_bytes: 150,
        max_header_bytes: 256,
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Bytes::new(7);
    let prefixes: [&[u8]; 5] = [
        b"",
        b"\x1f\x8b",
        b"WARC/1.0\r\n",
        b"WARC/1.1\r\nContent-Length: 40\r\n\r\n",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 60\r\n\r\nHTTP/1.1 200 OK\r\n",
    ];
    for round in 0..400 {
        let len = (rng.next_u64() % 600) as usize;
        let mut data = prefixes[round % prefixes.len()].to_vec();
        data.extend(rng.fill(len));
        read_all(&data, Limits::default());
        read_all(&data, small());
        // The same bytes as a gzip member, and as its prefix.
        let member = gzip(&data);
        read_all(&member, small());
        read_all(&member[..member.len() / 2], small());
    }
}

/// Every truncation of `data` reads without panic and keeps the promises: it reads as the
/// full archive does up to some item, then at most one error follows. Given where each record
/// is whole (its block complete once the cut is there or later), every whole record is among
/// the items read as in the full archive.
fn check_every_truncation(data: &[u8], whole: &[u64], limits: Limits) {
    let full = read_all(data, limits);
    for cut in 0..=data.len() {
        let items = read_all(&data[..cut], limits);
        let same = items.iter().zip(&full).take_while(|(a, b)| a == b).count();
        assert!(items.len() <= same + 1, "cut {cut}: {:?}", &items[same..]);
        if let Some(extra) = items.get(same) {
            assert!(extra.is_err(), "cut {cut}: {extra:?}");
        }
        let complete = whole.iter().filter(|&&end| end <= cut as u64).count();
        assert!(
            same >= complete,
            "cut {cut}: {same} records as in full, {complete} whole"
        );
    }
}

#[test]
fn every_truncation_of_a_plain_archive_is_accounted_for() {
    let records: Vec<Vec<u8>> = crawl("\r\n")
        .into_iter()
        .chain([Rec::new("resource", "").bytes()])
        .collect();
    let data = plain(&records);
    // Where each record's block ends: its length less the two CRLFs after it.
    let whole: Vec<u64> = offsets(&records)
        .iter()
        .zip(&records)
        .map(|(start, r)| start + r.len() as u64 - 4)
        .collect();
    check_every_truncation(&data, &whole, Limits::default());
    check_every_truncation(&data, &[], small());

    // A cut inside a block is reported as truncated, naming what is there.
    let cut = (whole[2] - 3) as usize;
    let items = read_all(&data[..cut], Limits::default());
    assert_eq!(items.len(), 3);
    assert!(matches!(
        items[2],
        Err(WarcError::Truncated { record: 3, .. })
    ));
}

#[test]
fn every_truncation_of_a_gzip_archive_is_accounted_for() {
    let records = crawl("\n");
    let data = gzipped(&records);
    // A record is whole once its member's compressed data is, before the 8-byte trailer (it
    // may be whole a little sooner).
    let whole: Vec<u64> = records
        .iter()
        .scan(0u64, |end, r| {
            *end += gzip(r).len() as u64;
            Some(*end - 8)
        })
        .collect();
    check_every_truncation(&data, &whole, Limits::default());
}

#[test]
fn small_limits_refuse_records_but_never_lose_count() {
    let records = crawl("\r\n");
    let items = read_all(&plain(&records), small());
    assert_eq!(items.len(), records.len());
    let errors = items.iter().filter(|i| i.is_err()).count();
    assert!(errors > 0 && errors < items.len(), "{items:?}");
}

/// A small archive with every kind of record, to be mutated.
fn base() -> Vec<u8> {
    plain(&crawl("\r\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn mutated_archives_keep_the_promises(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
        compress in any::<bool>(),
    ) {
        let mut data = base();
        for (at, byte, how) in edits {
            let i = at.index(data.len());
            match how {
                0 => data[i] = byte,
                1 => data.insert(i, byte),
                _ => {
                    data.remove(i);
                }
            }
        }
        let data = if compress { gzip(&data) } else { data };
        read_all(&data, Limits::default());
        read_all(&data, small());
    }

    #[test]
    fn mutated_gzip_streams_keep_the_promises(
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
    ) {
        let mut data = gzipped(&crawl("\r\n"));
        for (at, byte) in edits {
            let i = at.index(data.len());
            data[i] = byte;
        }
        read_all(&data, Limits::default());
    }

    #[test]
    fn arbitrary_bytes_keep_the_promises(data in prop::collection::vec(any::<u8>(), 0..400)) {
        read_all(&data, small());
    }
}
