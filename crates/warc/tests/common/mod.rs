//! Writers of WARC records and HTTP responses for the reader's tests, and the checks every
//! reading must pass.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;

use biennien_warc::{Limits, Reader, Record, WarcError};
use flate2::write::{GzEncoder, ZlibEncoder};
use flate2::Compression;

/// One WARC record to write.
#[derive(Debug, Clone)]
pub struct Rec {
    version: String,
    eol: &'static str,
    headers: Vec<(String, String)>,
    block: Vec<u8>,
    content_length: Option<String>,
    separator: String,
}

impl Rec {
    /// A WARC/1.1 record of type `kind`, CRLF line endings, with an id and a date.
    pub fn new(kind: &str, block: impl Into<Vec<u8>>) -> Rec {
        Rec {
            version: "WARC/1.1".to_string(),
            eol: "\r\n",
            headers: vec![
                ("WARC-Type".to_string(), kind.to_string()),
                ("WARC-Date".to_string(), "2024-03-05T08:15:00Z".to_string()),
            ],
            block: block.into(),
            content_length: None,
            separator: "\r\n\r\n".to_string(),
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Rec {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn id(self, n: u32) -> Rec {
        self.header(
            "WARC-Record-ID",
            &format!("<urn:uuid:00000000-0000-4000-8000-{n:012}>"),
        )
    }

    pub fn uri(self, uri: &str) -> Rec {
        self.header("WARC-Target-URI", uri)
    }

    pub fn content_type(self, value: &str) -> Rec {
        self.header("Content-Type", value)
    }

    pub fn version(mut self, version: &str) -> Rec {
        self.version = version.to_string();
        self
    }

    /// Bare LF line endings in the WARC header and separators.
    pub fn lf(mut self) -> Rec {
        self.eol = "\n";
        self.separator = "\n\n".to_string();
        self
    }

    /// A Content-Length written as given instead of the block's length; empty for none.
    pub fn content_length(mut self, value: &str) -> Rec {
        self.content_length = Some(value.to_string());
        self
    }

    /// What follows the block instead of the two line endings.
    pub fn separator(mut self, separator: &str) -> Rec {
        self.separator = separator.to_string();
        self
    }

    pub fn bytes(&self) -> Vec<u8> {
        let eol = self.eol;
        let mut out = format!("{}{eol}", self.version).into_bytes();
        for (name, value) in &self.headers {
            out.extend_from_slice(format!("{name}: {value}{eol}").as_bytes());
        }
        let length = match &self.content_length {
            Some(given) if given.is_empty() => None,
            Some(given) => Some(given.clone()),
            None => Some(self.block.len().to_string()),
        };
        if let Some(length) = length {
            out.extend_from_slice(format!("Content-Length: {length}{eol}").as_bytes());
        }
        out.extend_from_slice(eol.as_bytes());
        out.extend_from_slice(&self.block);
        out.extend_from_slice(self.separator.as_bytes());
        out
    }
}

/// An HTTP response: status line, headers and body, lines ended with `eol`.
pub fn http(eol: &str, status_line: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("{status_line}{eol}").into_bytes();
    for (name, value) in headers {
        out.extend_from_slice(format!("{name}: {value}{eol}").as_bytes());
    }
    out.extend_from_slice(eol.as_bytes());
    out.extend_from_slice(body);
    out
}

/// `data` in chunks of `size` bytes with a final empty chunk and a trailer.
pub fn chunked(data: &[u8], size: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in data.chunks(size) {
        out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\nX-Checksum: none\r\n\r\n");
    out
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

pub fn zlib(data: &[u8]) -> Vec<u8> {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

/// The records one after the other, plain.
pub fn plain(records: &[Vec<u8>]) -> Vec<u8> {
    records.concat()
}

/// The records as a `.warc.gz` writes them: one gzip member each.
pub fn gzipped(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r)).collect()
}

/// Where each record starts when the records are concatenated.
pub fn offsets(records: &[Vec<u8>]) -> Vec<u64> {
    records
        .iter()
        .scan(0u64, |at, r| {
            let start = *at;
            *at += r.len() as u64;
            Some(start)
        })
        .collect()
}

/// Every item of `data`, checked against the reader's promises.
pub fn read_all(data: &[u8], limits: Limits) -> Vec<Result<Record, WarcError>> {
    let items: Vec<_> = Reader::new(data, limits).collect();
    check_items(&items, &limits);
    items
}

/// The promises every reading keeps: items numbered 1, 2, 3, …; offsets strictly increasing
/// (each item consumed input); an error that ends the archive only as the last item; nothing
/// held beyond the limits; an HTTP record keeps no block.
pub fn check_items(items: &[Result<Record, WarcError>], limits: &Limits) {
    let mut last_offset = None;
    for (i, item) in items.iter().enumerate() {
        let (index, offset) = match item {
            Ok(r) => (r.index, r.offset),
            Err(e) => (e.record(), e.offset()),
        };
        assert_eq!(index, i + 1, "item {i} numbered {index}: {item:?}");
        if let Some(last) = last_offset {
            assert!(offset > last, "item {index} at {offset} after {last}");
        }
        last_offset = Some(offset);
        match item {
            Ok(r) => {
                assert!(r.block.len() as u64 <= limits.max_record_bytes);
                if let Some(http) = &r.http {
                    assert!(r.block.is_empty());
                    assert!(http.body.len() as u64 <= limits.max_body_bytes);
                }
                let _ = r.is_html();
                let _ = r.payload();
            }
            Err(e) => {
                let message = e.to_string();
                assert!(
                    message.starts_with(&format!("record {index} at byte {offset}: ")),
                    "{message}"
                );
                if e.ends_archive() {
                    assert_eq!(i + 1, items.len(), "items after {message}");
                }
            }
        }
    }
}

/// The record of an item that must be one.
pub fn ok(item: &Result<Record, WarcError>) -> &Record {
    match item {
        Ok(record) => record,
        Err(e) => panic!("expected a record, got: {e}"),
    }
}

/// The error of an item that must be one.
pub fn err(item: &Result<Record, WarcError>) -> &WarcError {
    match item {
        Ok(record) => panic!("expected an error, got record {record:?}"),
        Err(e) => e,
    }
}

/// A small deterministic generator of pseudo-random bytes (xorshift64*).
pub struct Bytes(u64);

impl Bytes {
    pub fn new(seed: u64) -> Bytes {
        Bytes(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn fill(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next_u64() as u8).collect()
    }
}

pub const HTML: &str = "<!DOCTYPE html>\n<html lang=\"vi\"><head><title>Thủ tướng tiếp Đại sứ \
    Nhật Bản</title></head><body><p>Chiều 27/11, tại Hà Nội, Thủ tướng tiếp Đại sứ Nhật Bản.</p>\
    </body></html>\n";

pub const HTML_GZ: &str = "<html><body><h1>Việt Nam và Nhật Bản nâng cấp quan hệ</h1><p>Hai bên \
    ra Tuyên bố chung.</p><p>Kim ngạch thương mại song phương năm 2022 đạt gần 50 tỷ USD.</p>\
    </body></html>";

pub const HTML_RESOURCE: &str = "  <HTML><body>Tin liên quan</body></HTML>";

/// A JPEG's first bytes, enough to be no text.
pub const JPEG: &[u8] = b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\
    \xFF\xDB\x00\x43\x00<html>\x08\x06\x06\x07\x06\x05\x08\x07\x07\x07\x09\x09";

/// The records of a small crawl: warcinfo, request, HTML response, chunked gzip HTML
/// response, HTML resource, JPEG response and metadata, with line endings `eol` ("\r\n" or
/// "\n") in the WARC and HTTP headers alike.
pub fn crawl(eol: &str) -> Vec<Vec<u8>> {
    let lf = |rec: Rec| if eol == "\n" { rec.lf() } else { rec };
    let info = format!("software: biennien-test{eol}format: WARC File Format 1.1{eol}");
    let request = http(
        eol,
        "GET /tin-tuc/1 HTTP/1.1",
        &[("Host", "baoquocte.vn"), ("Accept-Encoding", "gzip")],
        b"",
    );
    let response = http(
        eol,
        "HTTP/1.1 200 OK",
        &[
            ("Content-Type", "text/html; charset=UTF-8"),
            ("Content-Length", &HTML.len().to_string()),
        ],
        HTML.as_bytes(),
    );
    let gz_response = http(
        eol,
        "HTTP/1.1 200 OK",
        &[
            ("Content-Type", "Text/HTML;charset=\"Windows-1258\""),
            ("Transfer-Encoding", "chunked"),
            ("Content-Encoding", "gzip"),
        ],
        &chunked(&gzip(HTML_GZ.as_bytes()), 40),
    );
    let jpeg = http(
        eol,
        "HTTP/1.1 200 OK",
        &[("Content-Type", "image/jpeg")],
        JPEG,
    );
    let metadata = format!("via: https://baoquocte.vn/{eol}fetchTimeMs: 112{eol}");
    vec![
        lf(Rec::new("warcinfo", info)
            .id(1)
            .content_type("application/warc-fields"))
        .bytes(),
        lf(Rec::new("request", request)
            .id(2)
            .uri("https://baoquocte.vn/tin-tuc/1")
            .content_type("application/http; msgtype=request"))
        .bytes(),
        lf(Rec::new("response", response)
            .id(3)
            .uri("https://baoquocte.vn/tin-tuc/1")
            .content_type("application/http; msgtype=response"))
        .bytes(),
        lf(Rec::new("response", gz_response)
            .id(4)
            .uri("https://baoquocte.vn/tin-tuc/2")
            .content_type("application/http;msgtype=response"))
        .bytes(),
        lf(Rec::new("resource", HTML_RESOURCE)
            .id(5)
            .uri("file:///tin-lien-quan.html")
            .content_type("text/html; charset=utf-8"))
        .bytes(),
        lf(Rec::new("response", jpeg)
            .id(6)
            .uri("https://baoquocte.vn/anh.jpg")
            .content_type("application/http; msgtype=response"))
        .bytes(),
        lf(Rec::new("metadata", metadata)
            .id(7)
            .uri("https://baoquocte.vn/tin-tuc/1")
            .content_type("application/warc-fields"))
        .bytes(),
    ]
}
