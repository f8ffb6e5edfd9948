//! The Vietnamese page set (`tests/pages/`): pages written in the shape of Vietnamese news sites,
//! each with the record expected of it. Metadata must match exactly; the body must hold every
//! expected block and none of the page's furniture.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn pages() -> Vec<(PathBuf, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".src.html") || !(name.ends_with(".html") || name.ends_with(".html.gz")) {
            continue;
        }
        let stem = name.trim_end_matches(".gz").trim_end_matches(".html");
        out.push((path.clone(), dir.join(format!("{stem}.expected.json"))));
    }
    out.sort();
    out
}

fn read_page(path: &Path) -> Vec<u8> {
    let raw = fs::read(path).unwrap();
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .unwrap();
        out
    } else {
        raw
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn the_set_is_large_enough() {
    assert!(pages().len() >= 20, "{} pages", pages().len());
}

#[test]
fn vietnamese_pages_give_their_expected_records() {
    let mut failures = Vec::new();
    let (mut found, mut wanted) = (0usize, 0usize);
    let (mut kept_words, mut all_words) = (0usize, 0usize);
    for (page, expected) in pages() {
        let name = page.file_name().unwrap().to_string_lossy().to_string();
        let want: Value = serde_json::from_str(&fs::read_to_string(&expected).unwrap()).unwrap();
        let got = match biennien_html::extract(&read_page(&page), &Default::default()) {
            Ok(p) => p,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let fields = [
            ("title", got.meta.title.clone()),
            ("published", got.meta.published.clone()),
            ("author", got.meta.author.clone()),
            ("outlet", got.meta.outlet.clone()),
            ("language", got.meta.language.clone()),
            ("canonical", got.meta.canonical.clone()),
        ];
        for (key, value) in fields {
            let w = want[key].as_str().map(str::to_string);
            if w != value {
                failures.push(format!("{name}: {key}: want {w:?}, got {value:?}"));
            }
        }
        let enc = want["encoding"].as_str().unwrap_or("").to_ascii_lowercase();
        if enc != got.encoding {
            failures.push(format!(
                "{name}: encoding: want {enc}, got {}",
                got.encoding
            ));
        }
        let lines: Vec<String> = got.text.lines().map(collapse).collect();
        let body: Vec<String> = want["body"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| collapse(b.as_str().unwrap()))
            .collect();
        let mut missing = 0;
        for b in &body {
            wanted += 1;
            if lines.iter().any(|l| l == b) {
                found += 1;
            } else {
                missing += 1;
                failures.push(format!("{name}: body block missing: {b}"));
            }
        }
        let _ = missing;
        let text = collapse(&got.text);
        for a in want["absent"].as_array().unwrap() {
            let a = collapse(a.as_str().unwrap());
            if text.contains(&a) {
                failures.push(format!("{name}: furniture in body: {a}"));
            }
        }
        // Precision in words: how much of the output is expected text.
        let expected_words: std::collections::HashSet<String> =
            body.iter().flat_map(|b| words(b)).collect();
        for w in words(&got.text) {
            all_words += 1;
            if expected_words.contains(&w) {
                kept_words += 1;
            }
        }
    }
    eprintln!(
        "blocks found {found}/{wanted}; output words that are article words {kept_words}/{all_words}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
