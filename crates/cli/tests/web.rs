//! Web pages and web archives, run as a user runs them: `extract` and `ingest` on `.html`,
//! `.html.gz`, JSON records carrying `"html"`, and `.warc.gz` archives.

// Test code: a failed expectation is the report.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod common;

use common::run;

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::Value;

fn pages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../html/tests/pages")
}

fn page(name: &str) -> Vec<u8> {
    std::fs::read(pages().join(name)).expect("test page")
}

fn expected(name: &str) -> Value {
    let text = std::fs::read_to_string(pages().join(name)).expect("expected record");
    serde_json::from_str(&text).expect("json")
}

fn records(jsonl: &str) -> Vec<Value> {
    jsonl
        .lines()
        .map(|l| serde_json::from_str(l).expect("record"))
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// One WARC record, as a gzip member of its own (as crawlers write `.warc.gz`).
fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut rec = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{}>\r\n\
         WARC-Date: 2024-11-15T03:04:05Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    rec.extend_from_slice(block);
    rec.extend_from_slice(b"\r\n\r\n");
    gzip(&rec)
}

fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

fn chunked(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in body.chunks(700) {
        out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

const HTTP_MSG: &str = "application/http; msgtype=response";

/// An archive of nine records: three pages (plain, chunked and gzip-coded, windows-1258), and
/// six that are not: crawl information, a request, an image, a missing page, metadata, and a
/// last record cut short.
fn archive(dir: &Path) -> PathBuf {
    let mut out = Vec::new();
    out.extend(warc_record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: test\r\n",
    ));
    out.extend(warc_record(
        "request",
        "https://www.vietnamplus.vn/a.vnp",
        "application/http; msgtype=request",
        b"GET /a.vnp HTTP/1.1\r\nHost: www.vietnamplus.vn\r\n\r\n",
    ));
    let vnp = page("05-vietnamplus-viet-nam-australia.html");
    out.extend(warc_record(
        "response",
        "https://www.vietnamplus.vn/a.vnp",
        HTTP_MSG,
        &http("200 OK", "Content-Type: text/html; charset=utf-8\r\n", &vnp),
    ));
    let bcp = page("07-baochinhphu-viet-nam-malaysia.html");
    out.extend(warc_record(
        "response",
        "https://baochinhphu.vn/b.htm",
        HTTP_MSG,
        &http(
            "200 OK",
            "Content-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
            &chunked(&gzip(&bcp)),
        ),
    ));
    out.extend(warc_record(
        "response",
        "https://www.vietnamplus.vn/photo.jpg",
        HTTP_MSG,
        &http(
            "200 OK",
            "Content-Type: image/jpeg\r\n",
            b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00",
        ),
    ));
    out.extend(warc_record(
        "response",
        "https://www.vietnamplus.vn/gone.vnp",
        HTTP_MSG,
        &http(
            "404 Not Found",
            "Content-Type: text/html\r\n",
            b"<html><body><p>Not found</p></body></html>",
        ),
    ));
    let hnm = page("17-hanoimoi-viet-lao-50-nam.html");
    out.extend(warc_record(
        "response",
        "http://hanoimoi.com.vn/c.htm",
        HTTP_MSG,
        &http(
            "200 OK",
            "Content-Type: text/html; charset=windows-1258\r\n",
            &hnm,
        ),
    ));
    out.extend(warc_record(
        "metadata",
        "http://hanoimoi.com.vn/c.htm",
        "application/warc-fields",
        b"fetchTimeMs: 120\r\n",
    ));
    // The last record declares more bytes than the archive holds.
    let cut = http("200 OK", "Content-Type: text/html\r\n", &vnp);
    let mut rec = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-11-15T03:04:05Z\r\n\
         WARC-Target-URI: https://www.vietnamplus.vn/cut.vnp\r\nContent-Type: {HTTP_MSG}\r\n\
         Content-Length: {}\r\n\r\n",
        cut.len()
    )
    .into_bytes();
    rec.extend_from_slice(&cut[..cut.len() / 2]);
    out.extend(gzip(&rec));
    let path = dir.join("crawl.warc.gz");
    std::fs::write(&path, out).unwrap();
    path
}

#[test]
fn a_web_archive_is_ingested_with_every_record_accounted_for() {
    let tmp = tempfile::tempdir().unwrap();
    let warc = archive(tmp.path());
    let data = tmp.path().join("data");
    let report = tmp.path().join("report.tsv");
    let d = data.to_str().unwrap();
    run(&[
        "ingest",
        warc.to_str().unwrap(),
        "--data",
        d,
        "--quiet",
        "--report",
        report.to_str().unwrap(),
    ]);
    let lines = std::fs::read_to_string(&report).unwrap();
    let rows: Vec<&str> = lines.lines().skip(1).collect();
    assert_eq!(rows.len(), 9, "one line per record:\n{lines}");
    let stored = rows.iter().filter(|r| r.starts_with("stored\t")).count();
    let refused: Vec<&&str> = rows.iter().filter(|r| r.starts_with("refused\t")).collect();
    assert_eq!((stored, refused.len()), (3, 6), "{lines}");
    for why in [
        "warcinfo record",
        "request record",
        "image/jpeg",
        "HTTP status 404",
        "metadata record",
        "truncated",
    ] {
        assert!(
            refused.iter().any(|r| r.contains(why)),
            "no record refused for {why:?}:\n{lines}"
        );
    }

    let docs = records(&run(&[
        "export",
        "--data",
        d,
        "--what",
        "documents",
        "--format",
        "jsonl",
    ]));
    assert_eq!(
        docs.len(),
        3,
        "{:#?}",
        docs.iter()
            .map(|d| (d["source"].clone(), d["title"].clone()))
            .collect::<Vec<_>>()
    );
    for (name, url) in [
        (
            "05-vietnamplus-viet-nam-australia.expected.json",
            "https://www.vietnamplus.vn/a.vnp",
        ),
        (
            "07-baochinhphu-viet-nam-malaysia.expected.json",
            "https://baochinhphu.vn/b.htm",
        ),
        (
            "17-hanoimoi-viet-lao-50-nam.expected.json",
            "http://hanoimoi.com.vn/c.htm",
        ),
    ] {
        let want = expected(name);
        let doc = docs
            .iter()
            .find(|d| d["title"] == want["title"])
            .unwrap_or_else(|| panic!("no document titled {}", want["title"]));
        // The canonical URL the page gives, or else the URL it was fetched from.
        let expect_url = want["canonical"].as_str().unwrap_or(url);
        assert_eq!(doc["url"], expect_url, "{name}");
        assert_eq!(doc["fetched"], "2024-11-15T03:04:05Z", "{name}");
        assert!(
            doc["published"].as_str().is_some_and(|p| want["published"]
                .as_str()
                .is_some_and(|w| w.starts_with(&p[..10]))),
            "{name}: {}",
            doc["published"]
        );
        let first = want["body"][1].as_str().unwrap();
        let probe: String = first.chars().take(60).collect();
        assert!(
            doc["body"].as_str().unwrap().contains(&probe),
            "{name}: body lacks {probe:?}"
        );
        let found =
            doc["events"].as_array().unwrap().len() + doc["facts"].as_array().unwrap().len();
        assert!(found > 0, "{name}: neither event nor fact read");
    }
    let hnm = docs
        .iter()
        .find(|d| d["url"].as_str().unwrap_or("").contains("hanoimoi"))
        .unwrap();
    assert_eq!(hnm["encoding"], "windows-1258");
}

#[test]
fn pages_plain_gzipped_and_in_json_records_give_the_same_article() {
    let tmp = tempfile::tempdir().unwrap();
    let name = "02-tuoitre-amm57-asean";
    let html = page(&format!("{name}.html"));
    let plain = tmp.path().join("page.html");
    std::fs::write(&plain, &html).unwrap();
    let gz = tmp.path().join("page.html.gz");
    std::fs::write(&gz, gzip(&html)).unwrap();
    // Saved without a telling name: the bytes say it is a page.
    let bare = tmp.path().join("page");
    std::fs::write(&bare, &html).unwrap();
    let jsonl = tmp.path().join("pages.jsonl");
    let record = serde_json::json!({
        "source": "tuoitre.jsonl",
        "html": String::from_utf8(html.clone()).unwrap(),
    });
    std::fs::write(&jsonl, format!("{record}\n")).unwrap();

    let want = expected(&format!("{name}.expected.json"));
    let mut bodies = Vec::new();
    for input in [&plain, &gz, &bare, &jsonl] {
        let docs = records(&run(&["extract", input.to_str().unwrap()]));
        assert_eq!(docs.len(), 1);
        let doc = &docs[0];
        assert!(doc["error"].is_null(), "{input:?}: {}", doc["error"]);
        assert_eq!(doc["title"], want["title"], "{input:?}");
        assert_eq!(doc["author"], want["author"], "{input:?}");
        assert_eq!(doc["language"], "vi", "{input:?}");
        let body = doc["body"].as_str().unwrap().to_string();
        for a in want["absent"].as_array().unwrap() {
            assert!(!body.contains(a.as_str().unwrap()), "{input:?}: {a}");
        }
        bodies.push(body);
    }
    assert!(bodies.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn a_page_over_the_limits_is_refused_with_its_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let deep = tmp.path().join("deep.html");
    std::fs::write(
        &deep,
        format!(
            "<html><body>{}<p>x</p></body></html>",
            "<div>".repeat(5_000)
        ),
    )
    .unwrap();
    let docs = records(&run(&["extract", deep.to_str().unwrap()]));
    let err = docs[0]["error"].as_str().unwrap_or("");
    assert!(
        err.contains("deep") && err.contains("nests elements"),
        "{err}"
    );
}

#[test]
fn page_limits_are_set_on_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("page.html");
    std::fs::write(&path, page("01-vnexpress-hoi-dam-nhat-ban.html")).unwrap();
    let p = path.to_str().unwrap();
    let small = records(&run(&["extract", p, "--max-page-bytes", "1000"]));
    let err = small[0]["error"].as_str().unwrap_or("");
    assert!(err.contains("over the limit of 1000"), "{err}");
    let few = records(&run(&["extract", p, "--max-page-nodes", "50"]));
    assert!(
        few[0]["error"]
            .as_str()
            .unwrap_or("")
            .contains("more than 50 nodes"),
        "{}",
        few[0]["error"]
    );
    let fine = records(&run(&["extract", p]));
    assert!(fine[0]["error"].is_null());
}
