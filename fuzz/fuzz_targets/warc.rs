//! Fuzzes WARC reading: any bytes, plain or gzip, must give records and errors that keep the
//! reader's promises, never a panic; and the same bytes gzip-compressed must read the same.

#![no_main]

use std::io::Write;

use biennien_warc::{Limits, Reader, Record, WarcError};
use flate2::write::GzEncoder;
use flate2::Compression;
use libfuzzer_sys::fuzz_target;

/// Small limits, so that inputs reach them.
const LIMITS: Limits = Limits {
    max_record_bytes: 64 * 1024,
    max_body_bytes: 128 * 1024,
    max_header_bytes: 2048,
};

/// Reads `data` and checks every item: numbered 1, 2, 3, …; offsets strictly increasing;
/// errors naming their record and offset; an error that ends the archive only last; nothing
/// beyond the limits.
fn read(data: &[u8]) -> Vec<Result<Record, WarcError>> {
    let items: Vec<_> = Reader::new(data, LIMITS).collect();
    let mut last_offset = None;
    for (i, item) in items.iter().enumerate() {
        let (index, offset) = match item {
            Ok(r) => (r.index, r.offset),
            Err(e) => (e.record(), e.offset()),
        };
        assert_eq!(index, i + 1, "item numbered {index} in place {}", i + 1);
        if let Some(last) = last_offset {
            assert!(offset > last, "item {index} at {offset}, after {last}");
        }
        last_offset = Some(offset);
        match item {
            Ok(r) => {
                assert!(r.block.len() as u64 <= LIMITS.max_record_bytes);
                if let Some(http) = &r.http {
                    assert!(r.block.is_empty(), "http record keeps its block");
                    assert!(http.body.len() as u64 <= LIMITS.max_body_bytes);
                }
                let (payload, mime, charset) = r.payload();
                let html = r.is_html();
                if mime == Some("text/html") {
                    assert!(html);
                }
                if let Some(m) = mime {
                    assert_eq!(m, m.to_ascii_lowercase());
                }
                if let Some(c) = charset {
                    assert_eq!(c, c.to_ascii_lowercase());
                }
                let _ = payload.len();
            }
            Err(e) => {
                let message = e.to_string();
                assert!(message.starts_with(&format!("record {index} at byte {offset}: ")));
                if e.ends_archive() {
                    assert_eq!(i + 1, items.len(), "items after: {message}");
                }
            }
        }
    }
    items
}

fuzz_target!(|data: &[u8]| {
    let plain = read(data);
    // As one gzip member the same stream reads the same, unless it was gzip already.
    if !data.starts_with(&[0x1f, 0x8b]) {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
        if encoder.write_all(data).is_ok() {
            if let Ok(member) = encoder.finish() {
                assert_eq!(read(&member), plain, "gzip reads differently");
            }
        }
    }
});
