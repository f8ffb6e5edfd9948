//! Reading archives as crawlers write them, and as they break.

// Test code: a failed expectation is the report.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod common;

use std::io::{self, Read};

use biennien_warc::{Limits, Reader, WarcError};
use common::*;

fn limits() -> Limits {
    Limits::default()
}

#[test]
fn a_crawl_reads_record_by_record_plain_and_gzip() {
    let records = crawl("\r\n");
    let starts = offsets(&records);
    let plain_items = read_all(&plain(&records), limits());
    let gzip_items = read_all(&gzipped(&records), limits());
    assert_eq!(plain_items, gzip_items, "gzip reads as plain");
    assert_eq!(plain_items.len(), 7);
    for (i, item) in plain_items.iter().enumerate() {
        let r = ok(item);
        assert_eq!((r.index, r.offset), (i + 1, starts[i]));
        assert_eq!(r.date.as_deref(), Some("2024-03-05T08:15:00Z"));
        assert_eq!(
            r.record_id.as_deref(),
            Some(format!("<urn:uuid:00000000-0000-4000-8000-{:012}>", i + 1).as_str())
        );
    }
    let kinds: Vec<&str> = plain_items.iter().map(|i| ok(i).kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["warcinfo", "request", "response", "response", "resource", "response", "metadata"]
    );
    let html: Vec<bool> = plain_items.iter().map(|i| ok(i).is_html()).collect();
    assert_eq!(html, [false, false, true, true, true, false, false]);

    let info = ok(&plain_items[0]);
    assert_eq!(info.target_uri, None);
    assert!(info.http.is_none());
    assert_eq!(
        info.payload(),
        (
            &b"software: biennien-test\r\nformat: WARC File Format 1.1\r\n"[..],
            Some("application/warc-fields"),
            None
        )
    );

    // A request is kept as its block: only responses are parsed.
    let request = ok(&plain_items[1]);
    assert!(request.http.is_none());
    assert!(request.block.starts_with(b"GET /tin-tuc/1 HTTP/1.1\r\n"));
    assert_eq!(
        request.content_type.as_deref(),
        Some("application/http; msgtype=request")
    );

    let page = ok(&plain_items[2]);
    assert_eq!(
        page.target_uri.as_deref(),
        Some("https://baoquocte.vn/tin-tuc/1")
    );
    let http = page.http.as_ref().unwrap();
    assert_eq!(http.status, 200);
    assert_eq!(
        http.headers[0],
        (
            "Content-Type".to_string(),
            "text/html; charset=UTF-8".to_string()
        )
    );
    assert!(page.block.is_empty());
    assert_eq!(
        page.payload(),
        (HTML.as_bytes(), Some("text/html"), Some("utf-8"))
    );

    // De-chunked, then un-gzipped; media type and charset lowercased, quotes dropped.
    let coded = ok(&plain_items[3]);
    assert_eq!(
        coded.payload(),
        (HTML_GZ.as_bytes(), Some("text/html"), Some("windows-1258"))
    );

    let resource = ok(&plain_items[4]);
    assert!(resource.http.is_none());
    assert_eq!(
        resource.payload(),
        (HTML_RESOURCE.as_bytes(), Some("text/html"), Some("utf-8"))
    );

    let image = ok(&plain_items[5]);
    assert_eq!(image.payload(), (JPEG, Some("image/jpeg"), None));

    let metadata = ok(&plain_items[6]);
    assert!(metadata.block.starts_with(b"via: https://baoquocte.vn/"));
}

#[test]
fn bare_line_feeds_read_like_crlf() {
    let crlf = read_all(&plain(&crawl("\r\n")), limits());
    let lf = read_all(&gzipped(&crawl("\n")), limits());
    assert_eq!(lf.len(), crlf.len());
    for (a, b) in crlf.iter().zip(&lf) {
        let (a, b) = (ok(a), ok(b));
        assert_eq!(
            (&a.kind, &a.target_uri, &a.record_id),
            (&b.kind, &b.target_uri, &b.record_id)
        );
        assert_eq!(a.is_html(), b.is_html());
        if a.kind == "response" {
            assert_eq!(a.payload(), b.payload());
        }
    }
}

#[test]
fn warc_1_0_with_a_bracketed_uri_and_a_folded_header() {
    let data = b"WARC/1.0\r\nWARC-Type: resource\r\nwarc-target-uri: <http://example.vn/a b>\r\n\
        WARC-Record-ID:\r\n  <urn:uuid:1>\r\nWARC-Warcinfo-ID: <urn:uuid:0>\r\n\t<urn:uuid:9>\r\n\
        content-length:   5  \r\n\r\nhello\r\n\r\n";
    let items = read_all(data, limits());
    let r = ok(&items[0]);
    assert_eq!(r.target_uri.as_deref(), Some("http://example.vn/a b"));
    assert_eq!(r.record_id.as_deref(), Some("<urn:uuid:1>"));
    assert_eq!(r.block, b"hello");
    assert_eq!(r.payload().1, None);
    assert!(!r.is_html());
    assert_eq!(items.len(), 1);
}

#[test]
fn missing_and_extra_blank_lines_between_records_are_tolerated() {
    let a = Rec::new("resource", "one").separator("").bytes();
    let b = Rec::new("resource", "two").separator("\r\n").bytes();
    let c = Rec::new("resource", "three")
        .separator("\r\n\r\n\n\r\n  \r\n")
        .bytes();
    let d = Rec::new("resource", "four").separator("").bytes();
    let mut data = b"\r\n\n".to_vec();
    data.extend(plain(&[a, b, c, d]));
    let items = read_all(&data, limits());
    let blocks: Vec<&[u8]> = items.iter().map(|i| ok(i).block.as_slice()).collect();
    assert_eq!(blocks, [&b"one"[..], b"two", b"three", b"four"]);
}

#[test]
fn a_truncated_final_record_is_an_error_after_all_the_others() {
    let mut records = crawl("\r\n");
    let starts = offsets(&records);
    let last = records.pop().unwrap();
    // Cut the last record inside its block.
    let header_end = last.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4;
    let mut data = plain(&records);
    data.extend_from_slice(&last[..header_end + 10]);
    let items = read_all(&data, limits());
    assert_eq!(items.len(), 7);
    assert!(items[..6].iter().all(Result::is_ok));
    let declared = last.len() - header_end - 4;
    assert_eq!(
        err(&items[6]).to_string(),
        format!(
            "record 7 at byte {}: truncated: content block declares {declared} bytes, 10 present",
            starts[6]
        )
    );
    assert!(err(&items[6]).ends_archive());

    // The same cut, written as a well-formed gzip member: the same error.
    let mut members = gzipped(&records);
    members.extend(gzip(&last[..header_end + 10]));
    assert_eq!(read_all(&members, limits()), items);

    // Cut inside the WARC header.
    let mut data = plain(&records);
    data.extend_from_slice(&last[..20]);
    let items = read_all(&data, limits());
    assert_eq!(
        err(&items[6]).to_string(),
        format!(
            "record 7 at byte {}: truncated: the stream ends inside the warc header",
            starts[6]
        )
    );
}

#[test]
fn a_cut_gzip_file_reports_the_stream_after_the_whole_records() {
    let records = crawl("\r\n");
    let whole = gzipped(&records[..6]);
    let last = gzip(&records[6]);
    // Cut in the member header or the compressed data: the record is lost with the stream. Cut
    // in the checksum trailer: the record decompressed whole and is read, then the stream fails.
    for (cut, whole_records) in [(1, 6), (10, 6), (last.len() / 2, 6), (last.len() - 3, 7)] {
        let mut data = whole.clone();
        data.extend_from_slice(&last[..cut]);
        let items = read_all(&data, limits());
        assert_eq!(items.len(), whole_records + 1, "cut {cut}");
        assert!(
            items[..whole_records].iter().all(Result::is_ok),
            "cut {cut}"
        );
        let e = err(&items[whole_records]);
        assert!(
            matches!(e, WarcError::Gzip { record, .. } if *record == whole_records + 1),
            "cut {cut}: {e}"
        );
        assert!(e.to_string().contains("bad gzip stream"), "{e}");
    }
}

#[test]
fn corrupt_gzip_ends_the_iteration() {
    let records = crawl("\r\n");
    let first = gzip(&records[0]);
    let mut second = gzip(&records[1]);
    for b in &mut second[12..20] {
        *b ^= 0x5a;
    }
    let mut data = first;
    data.extend(second);
    data.extend(gzipped(&records[2..]));
    let items = read_all(&data, limits());
    assert!(items.len() >= 2);
    assert!(ok(&items[0]).kind == "warcinfo");
    let e = err(items.last().unwrap());
    assert!(matches!(e, WarcError::Gzip { .. }), "{e}");

    // Bytes after the last member that are no gzip member.
    let mut data = gzipped(&records);
    data.extend_from_slice(b"\0\0\0\0 trailing junk");
    let items = read_all(&data, limits());
    assert_eq!(items.len(), 8);
    assert!(matches!(err(&items[7]), WarcError::Gzip { record: 8, .. }));
}

#[test]
fn garbage_between_records_is_reported_once_and_skipped() {
    let records = crawl("\r\n");
    let starts = offsets(&records);
    let garbage = b"this is not a record\r\nnor is this: WARC/1.0\r\n\x00\x01\xff binary \
        junk without a line end, WARC/1.0 inside it\r\nWARC/2.0\r\n\r\n";
    let mut data = plain(&records[..3]);
    data.extend_from_slice(garbage);
    data.extend(plain(&records[3..]));
    let items = read_all(&data, limits());
    assert_eq!(items.len(), 8);
    assert_eq!(
        err(&items[3]).to_string(),
        format!(
            "record 4 at byte {}: not a warc record: expected a line starting with WARC/, found \
             \"this is not a record\"",
            starts[3]
        )
    );
    let kinds: Vec<&str> = items
        .iter()
        .filter_map(|i| i.as_ref().ok())
        .map(|r| r.kind.as_str())
        .collect();
    assert_eq!(
        kinds,
        ["warcinfo", "request", "response", "response", "resource", "response", "metadata"]
    );
    // The records after the garbage keep their place in the stream.
    let after = ok(&items[4]);
    assert_eq!(after.index, 5);
    assert_eq!(after.offset, starts[3] + garbage.len() as u64);

    // The same garbage in a gzip member of its own.
    let mut members = gzipped(&records[..3]);
    members.extend(gzip(garbage));
    members.extend(gzipped(&records[3..]));
    assert_eq!(read_all(&members, limits()), items);
}

#[test]
fn a_block_longer_than_its_content_length_says_is_garbage_for_the_next_record() {
    let short = Rec::new("resource", "hello world")
        .content_length("5")
        .bytes();
    let next = Rec::new("metadata", "after").bytes();
    let items = read_all(&plain(&[short, next]), limits());
    assert_eq!(ok(&items[0]).block, b"hello");
    assert!(matches!(
        err(&items[1]),
        WarcError::Malformed { record: 2, .. }
    ));
    assert_eq!(ok(&items[2]).block, b"after");
}

#[test]
fn a_missing_or_bad_content_length_resyncs_to_the_next_record() {
    for (given, reason) in [
        ("", "no Content-Length header".to_string()),
        ("12x", "bad Content-Length \"12x\"".to_string()),
        ("-1", "bad Content-Length \"-1\"".to_string()),
        ("+5", "bad Content-Length \"+5\"".to_string()),
        (
            "99999999999999999999999",
            "bad Content-Length \"99999999999999999999999\"".to_string(),
        ),
    ] {
        let bad = Rec::new("resource", "hello").content_length(given).bytes();
        let good = Rec::new("resource", "fine").bytes();
        let items = read_all(&plain(&[bad.clone(), good]), limits());
        assert_eq!(items.len(), 2, "{given:?}");
        assert_eq!(
            err(&items[0]).to_string(),
            format!("record 1 at byte 0: not a warc record: {reason}")
        );
        let good = ok(&items[1]);
        assert_eq!((good.index, good.offset), (2, bad.len() as u64));
        assert_eq!(good.block, b"fine");
    }
}

#[test]
fn other_warc_versions_and_bad_header_lines_are_refused() {
    for (first, reason) in [
        (
            Rec::new("response", "x").version("WARC/0.18").bytes(),
            "unsupported version line \"WARC/0.18\"",
        ),
        (
            Rec::new("response", "x").version("WARC/1.").bytes(),
            "unsupported version line \"WARC/1.\"",
        ),
        (
            b"WARC/1.0\r\nWARC-Type resource\r\nContent-Length: 1\r\n\r\nx\r\n\r\n".to_vec(),
            "header line without a colon: \"WARC-Type resource\"",
        ),
        (
            b"WARC/1.0\r\n folded: before any header\r\nContent-Length: 1\r\n\r\nx\r\n\r\n"
                .to_vec(),
            "continuation line before any header: \" folded: before any header\"",
        ),
    ] {
        let mut data = first;
        data.extend(Rec::new("resource", "next").bytes());
        let items = read_all(&data, limits());
        assert_eq!(
            err(&items[0]).to_string(),
            format!("record 1 at byte 0: not a warc record: {reason}")
        );
        assert_eq!(ok(&items[1]).block, b"next", "{reason}");
        assert_eq!(items.len(), 2);
    }
}

#[test]
fn a_warc_header_over_the_cap_is_refused_and_skipped() {
    let small = Limits {
        max_header_bytes: 200,
        ..limits()
    };
    let long_uri = format!("https://example.vn/{}", "a".repeat(300));
    let big = Rec::new("resource", "hello").uri(&long_uri).bytes();
    let many = (0..30)
        .fold(Rec::new("resource", "x"), |r, i| {
            r.header(&format!("X-{i}"), "v")
        })
        .bytes();
    let good = Rec::new("resource", "fine").bytes();
    let items = read_all(&plain(&[big, many, good]), small);
    assert_eq!(items.len(), 3);
    for item in &items[..2] {
        assert!(
            err(item)
                .to_string()
                .ends_with("not a warc record: warc header longer than 200 bytes"),
            "{item:?}"
        );
    }
    assert_eq!(ok(&items[2]).block, b"fine");
}

#[test]
fn a_record_over_the_size_cap_is_skipped_and_reported() {
    let small = Limits {
        max_record_bytes: 1000,
        ..limits()
    };
    let big = Rec::new("resource", vec![b'x'; 5000]).bytes();
    let at_cap = Rec::new("resource", vec![b'y'; 1000]).bytes();
    let records = [big.clone(), at_cap, Rec::new("metadata", "after").bytes()];
    for data in [plain(&records), gzipped(&records)] {
        let items = read_all(&data, small);
        assert_eq!(items.len(), 3);
        assert_eq!(
            err(&items[0]).to_string(),
            "record 1 at byte 0: too large: content block declares 5000 bytes, over the limit \
             of 1000"
        );
        assert!(!err(&items[0]).ends_archive());
        assert_eq!(ok(&items[1]).offset, big.len() as u64);
        assert_eq!(ok(&items[1]).block.len(), 1000);
        assert_eq!(ok(&items[2]).block, b"after");
    }

    // A Content-Length far beyond the data is not allocated: the skip stops at the end.
    let huge = Rec::new("resource", "tiny")
        .content_length("18446744073709551615")
        .bytes();
    let items = read_all(&huge, limits());
    assert_eq!(items.len(), 1);
    assert!(matches!(err(&items[0]), WarcError::TooLarge { .. }));
    // Under the cap but beyond the data: truncated, without allocating the declared size.
    let items = read_all(
        &Rec::new("resource", "tiny")
            .content_length("60000000")
            .bytes(),
        limits(),
    );
    assert!(err(&items[0])
        .to_string()
        .ends_with("truncated: content block declares 60000000 bytes, 8 present"));
}

#[test]
fn a_decompression_bomb_stops_at_the_body_cap() {
    let small = Limits {
        max_body_bytes: 1 << 20,
        ..limits()
    };
    let zeros = vec![0u8; 16 << 20];
    let bomb = gzip(&zeros);
    assert!(bomb.len() < 100_000);
    let response = http(
        "\r\n",
        "HTTP/1.1 200 OK",
        &[("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        &bomb,
    );
    let raw = http(
        "\r\n",
        "HTTP/1.1 200 OK",
        &[("Content-Type", "text/plain")],
        &vec![b'a'; (1 << 20) + 1],
    );
    let records = [
        Rec::new("response", response)
            .content_type("application/http; msgtype=response")
            .bytes(),
        Rec::new("response", raw).bytes(),
        Rec::new("resource", "after").bytes(),
    ];
    let items = read_all(&plain(&records), small);
    assert_eq!(items.len(), 3);
    assert_eq!(
        err(&items[0]).to_string(),
        "record 1 at byte 0: http body larger than the limit of 1048576 bytes"
    );
    assert!(matches!(
        err(&items[1]),
        WarcError::BodyTooLarge { record: 2, .. }
    ));
    assert_eq!(ok(&items[2]).block, b"after");
}

fn response_record(headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    Rec::new("response", http("\r\n", "HTTP/1.1 200 OK", headers, body))
        .content_type("application/http; msgtype=response")
        .bytes()
}

#[test]
fn brotli_and_unknown_codings_are_an_error_for_that_record_only() {
    let records = [
        response_record(&[("Content-Encoding", "br")], b"\x1b\x03\x00"),
        response_record(&[("Content-Encoding", "gzip, zstd")], b"data"),
        response_record(&[("Content-Encoding", "identity")], b"<html>plain</html>"),
    ];
    let items = read_all(&plain(&records), limits());
    assert_eq!(
        err(&items[0]).to_string(),
        "record 1 at byte 0: unsupported http content encoding \"br\""
    );
    assert!(matches!(
        err(&items[1]),
        WarcError::UnsupportedEncoding { encoding, .. } if encoding == "zstd"
    ));
    let r = ok(&items[2]);
    assert_eq!(r.payload().0, b"<html>plain</html>");
    assert!(r.is_html(), "sniffed: no Content-Type");
}

#[test]
fn deflate_bodies_as_zlib_and_as_raw_deflate() {
    let page = b"<!doctype html><title>Deflate</title>".repeat(20);
    let zlibbed = zlib(&page);
    // Raw deflate is zlib without its two-byte header and four-byte checksum.
    let raw = zlibbed[2..zlibbed.len() - 4].to_vec();
    let records = [
        response_record(&[("Content-Encoding", "deflate")], &zlibbed),
        response_record(&[("content-encoding", "Deflate")], &raw),
        response_record(&[("Content-Encoding", "x-gzip")], &gzip(&page)),
    ];
    let items = read_all(&plain(&records), limits());
    for item in &items {
        assert_eq!(ok(item).payload().0, page.as_slice());
    }
}

#[test]
fn a_corrupt_coded_body_is_an_error_and_a_cut_one_keeps_what_decoded() {
    let page = "<html><body>Một trang bị cắt ngang giữa chừng</body></html>"
        .repeat(50)
        .into_bytes();
    let coded = gzip(&page);
    let mut corrupt = coded.clone();
    for b in &mut corrupt[10..30] {
        *b = 0xff;
    }
    let records = [
        response_record(&[("Content-Encoding", "gzip")], &corrupt),
        response_record(&[("Content-Encoding", "gzip")], &coded[..coded.len() / 2]),
        response_record(&[("Content-Encoding", "gzip")], b"<html>not gzip</html>"),
    ];
    let items = read_all(&plain(&records), limits());
    assert!(
        err(&items[0])
            .to_string()
            .starts_with("record 1 at byte 0: corrupt gzip http body: "),
        "{:?}",
        items[0]
    );
    let cut = ok(&items[1]).payload().0;
    assert!(!cut.is_empty() && cut.len() < page.len());
    assert!(page.starts_with(cut));
    assert!(matches!(
        err(&items[2]),
        WarcError::CorruptBody { record: 3, .. }
    ));
}

#[test]
fn chunked_bodies_tolerate_what_crawlers_store() {
    let page = b"<html>chunks</html>";
    let mut no_final = chunked(page, 5);
    no_final.truncate(no_final.len() - b"0\r\nX-Checksum: none\r\n\r\n".len());
    let records = [
        response_record(&[("Transfer-Encoding", "chunked")], &chunked(page, 3)),
        response_record(&[("Transfer-Encoding", "chunked")], &no_final),
        // Stored already de-chunked, header kept.
        response_record(&[("Transfer-Encoding", "Chunked")], page),
    ];
    let items = read_all(&plain(&records), limits());
    for item in &items {
        assert_eq!(ok(item).payload().0, page);
    }
}

#[test]
fn a_response_that_is_no_http_is_an_error_naming_why() {
    let small = Limits {
        max_header_bytes: 160,
        ..limits()
    };
    let long_header = "v".repeat(200);
    let records = [
        Rec::new("response", "HTTP/1.1 2OO OK\r\n\r\nbody")
            .content_type("application/http; msgtype=response")
            .bytes(),
        Rec::new("response", "<html>no status line</html>")
            .content_type("application/http; msgtype=response")
            .bytes(),
        response_record(&[("X-Long", &long_header)], b"body"),
        Rec::new("resource", "after").bytes(),
    ];
    let items = read_all(&plain(&records), small);
    assert_eq!(items.len(), 4);
    assert_eq!(
        err(&items[0]).to_string(),
        "record 1 at byte 0: bad http response: bad status line \"HTTP/1.1 2OO OK\""
    );
    assert!(matches!(err(&items[1]), WarcError::Http { record: 2, .. }));
    assert!(err(&items[2])
        .to_string()
        .ends_with("bad http response: headers longer than 160 bytes"));
    assert_eq!(ok(&items[3]).block, b"after");
}

#[test]
fn which_blocks_are_read_as_http_responses() {
    let response = http("\r\n", "HTTP/1.0 404 Not Found", &[], b"gone");
    let records = [
        // application/http without msgtype, starting like a response.
        Rec::new("response", response.clone())
            .content_type("application/http")
            .bytes(),
        // A response record with no Content-Type at all.
        Rec::new("response", response.clone()).bytes(),
        // A request with msgtype=request is not parsed, even if it looked like one.
        Rec::new("request", response.clone())
            .content_type("application/http; msgtype=request")
            .bytes(),
        // A DNS response is no HTTP.
        Rec::new(
            "response",
            "20240305081500\nbaoquocte.vn. 300 IN A 203.0.113.5\n",
        )
        .content_type("text/dns")
        .bytes(),
        // A revisit with the headers only.
        Rec::new(
            "revisit",
            http(
                "\r\n",
                "HTTP/1.1 304 Not Modified",
                &[("Content-Encoding", "gzip")],
                b"",
            ),
        )
        .content_type("application/http; msgtype=response")
        .bytes(),
    ];
    let items = read_all(&plain(&records), limits());
    let statuses: Vec<Option<u16>> = items
        .iter()
        .map(|i| ok(i).http.as_ref().map(|h| h.status))
        .collect();
    assert_eq!(statuses, [Some(404), Some(404), None, None, Some(304)]);
    assert_eq!(ok(&items[0]).payload(), (&b"gone"[..], None, None));
    assert_eq!(ok(&items[3]).payload().1, Some("text/dns"));
    assert!(ok(&items[4]).payload().0.is_empty());
}

#[test]
fn html_by_media_type_or_by_its_first_bytes() {
    let cases: [(Option<&str>, &[u8], bool); 8] = [
        (Some("text/html"), b"not html at all", true),
        (
            Some("application/xhtml+xml; charset=utf-8"),
            b"<?xml?>",
            true,
        ),
        (Some("TEXT/HTML"), b"", true),
        (Some("text/plain"), b"<html>", false),
        (Some("application/octet-stream"), b"<!DOCTYPE html>", false),
        (None, b"\xEF\xBB\xBF\r\n  <!DocType HTML PUBLIC>", true),
        (None, b"<html", true),
        (None, b"<?xml version=\"1.0\"?>", false),
    ];
    for (mime, body, expected) in cases {
        let headers: Vec<(&str, &str)> = mime.iter().map(|m| ("Content-Type", *m)).collect();
        let response = response_record(&headers, body);
        let resource = match mime {
            Some(m) => Rec::new("resource", body).content_type(m),
            None => Rec::new("resource", body),
        }
        .bytes();
        let items = read_all(&plain(&[response, resource]), limits());
        assert_eq!(
            ok(&items[0]).is_html(),
            expected,
            "response {mime:?} {body:?}"
        );
        assert_eq!(
            ok(&items[1]).is_html(),
            expected,
            "resource {mime:?} {body:?}"
        );
    }
}

#[test]
fn an_empty_archive_has_no_records() {
    for data in [&b""[..], b"\r\n\r\n", b"\n", b"   \r\n\t\n"] {
        assert!(read_all(data, limits()).is_empty(), "{data:?}");
    }
    // An empty gzip member.
    assert!(read_all(&gzip(b""), limits()).is_empty());
}

/// A reader that fails after giving `good` bytes.
struct Failing {
    data: Vec<u8>,
    at: usize,
}

impl Read for Failing {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at >= self.data.len() {
            return Err(io::Error::other("disk on fire"));
        }
        let n = buf.len().min(self.data.len() - self.at).min(7);
        buf[..n].copy_from_slice(&self.data[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[test]
fn a_failing_reader_is_reported_once_and_ends_the_iteration() {
    let records = crawl("\r\n");
    let data = plain(&records[..2]);
    let items: Vec<_> = Reader::new(Failing { data, at: 0 }, limits()).collect();
    check_items(&items, &limits());
    assert_eq!(items.len(), 3);
    assert!(items[..2].iter().all(Result::is_ok));
    assert_eq!(
        err(&items[2]).to_string(),
        format!(
            "record 3 at byte {}: cannot read the archive: disk on fire",
            offsets(&records)[2]
        )
    );

    // Failing before the first byte.
    let items: Vec<_> = Reader::new(
        Failing {
            data: Vec::new(),
            at: 0,
        },
        limits(),
    )
    .collect();
    assert_eq!(items.len(), 1);
    assert_eq!(
        err(&items[0]).to_string(),
        "record 1 at byte 0: cannot read the archive: disk on fire"
    );
}

#[test]
fn the_reader_is_a_plain_iterator_over_files_and_slices() {
    let data = plain(&crawl("\r\n"));
    let reader = Reader::new(io::Cursor::new(data), limits());
    assert!(format!("{reader:?}").contains("Reader"));
    let html: Vec<usize> = reader
        .filter_map(Result::ok)
        .filter(|r| r.is_html())
        .map(|r| r.index)
        .collect();
    assert_eq!(html, [3, 4, 5]);
}
