//! The `extract` command end to end: every input gives one record, in input order, and bad
//! input gives a record with an error instead of stopping the run.

// Test code: a failed expectation is the report.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn extract_stdin(input: &str) -> (Vec<Value>, String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_biennien"))
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let records = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    (
        records,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

#[test]
fn one_record_per_line_in_order_with_errors_for_bad_lines() {
    let lines = [
        r#"{"source": "a", "text": "Tiêu đề một\n\nChiều 2/5, tại Hà Nội, Thủ tướng tiếp Đại sứ Nhật Bản."}"#,
        r#"{"source": "b", "text": "#,
        r#"{"source": "c", "title": "Tiêu đề ba", "published": "2024-11-15", "text": "Sáng nay hai bên hội đàm tại Lima."}"#,
        r#"{"source": "d"}"#,
    ];
    let (records, stderr, ok) = extract_stdin(&lines.join("\n"));
    assert!(ok, "{stderr}");
    assert_eq!(records.len(), 4, "{records:#?}");
    assert_eq!(records[0]["source"], "a");
    assert!(records[0]["error"].is_null());
    assert!(records[1]["error"].as_str().is_some(), "{:?}", records[1]);
    assert_eq!(records[2]["source"], "c");
    assert_eq!(records[2]["published"], "2024-11-15");
    assert_eq!(records[2]["title"], "Tiêu đề ba");
    assert!(
        records[3]["error"]
            .as_str()
            .is_some_and(|e| e.contains("text")),
        "{:?}",
        records[3]
    );
    assert!(stderr.contains("2 input(s)"), "{stderr}");
}

#[test]
fn records_carry_every_field_of_the_format() {
    let (records, _, _) = extract_stdin(r#"{"url": "https://example.vn/x", "text": "Một câu."}"#);
    let r = &records[0];
    for key in [
        "source",
        "title",
        "published",
        "outlet",
        "author",
        "body",
        "persons",
        "events",
        "facts",
        "removed",
    ] {
        assert!(r.get(key).is_some(), "missing {key}: {r}");
    }
}
