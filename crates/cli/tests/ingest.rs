//! `ingest` and the commands over its data directory, run as a user runs them.
//!
//! The kill test feeds ingest through a pipe and interrupts it with SIGKILL at scattered
//! moments, again and again, then lets a last run finish, and checks that the data directory
//! answers exactly as one built by a single uninterrupted run.

// Test code: a failed expectation is the report.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod common;

use common::{bin, run};

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A JSON Lines corpus from the sample articles: each article in several variants (its
/// digits shifted, so dates and figures differ and the variants are near-duplicates of each
/// other), an exact copy, and records that must be refused.
fn corpus(dir: &Path, variants: usize) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("corpus/sample/articles"))
        .expect("sample articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let path = dir.join("feed.jsonl");
    let mut out = std::fs::File::create(&path).expect("create feed");
    for k in 0..variants {
        for f in &files {
            // Articles in legacy encodings are left to the extraction tests.
            let Ok(text) = std::fs::read_to_string(f) else {
                continue;
            };
            let shifted: String = text
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_digit((d + k as u32) % 10, 10).unwrap_or(c),
                    None => c,
                })
                .collect();
            let rec = serde_json::json!({
                "source": format!("{}#{k}", f.file_name().unwrap_or_default().to_string_lossy()),
                "text": shifted,
            });
            writeln!(out, "{rec}").expect("write feed");
        }
    }
    // An exact copy under another name, a line that is not JSON, a record without text.
    let first = files
        .iter()
        .find_map(|f| std::fs::read_to_string(f).ok())
        .expect("a UTF-8 article");
    writeln!(
        out,
        "{}",
        serde_json::json!({"source": "copy-of-first", "text": first})
    )
    .expect("write feed");
    writeln!(out, "{{not json").expect("write feed");
    writeln!(out, "{}", serde_json::json!({"source": "empty-record"})).expect("write feed");
    path
}

/// Everything the data directory answers, as text: the exports, the counts, and a search.
fn snapshot(data: &Path) -> String {
    let d = data.to_str().expect("path");
    let mut s = String::new();
    s.push_str(&run(&["export", "--data", d, "--format", "jsonl"]));
    s.push_str(&run(&[
        "export", "--data", d, "--what", "facts", "--format", "csv",
    ]));
    s.push_str(&run(&["export", "--data", d, "--format", "gdelt"]));
    let stats: serde_json::Value =
        serde_json::from_str(&run(&["stats", "--data", d, "--json"])).expect("stats json");
    for key in [
        "documents",
        "near_duplicates",
        "events",
        "event_mentions",
        "facts",
        "persons",
        "refused",
    ] {
        s.push_str(&format!("{key}={}\n", stats[key]));
    }
    let hits: serde_json::Value = serde_json::from_str(&run(&[
        "search",
        "--data",
        d,
        "--json",
        "--limit",
        "50",
        "thủ tướng",
    ]))
    .expect("search json");
    let mut ids: Vec<String> = hits
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_str().unwrap_or("").to_string())
        .collect();
    ids.sort();
    s.push_str(&ids.join("\n"));
    s
}

#[test]
fn ingest_is_idempotent_and_accounts_for_every_input() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let feed = corpus(tmp.path(), 1);
    let data = tmp.path().join("data");
    let report = tmp.path().join("report.tsv");
    let d = data.to_str().expect("path");
    run(&[
        "ingest",
        feed.to_str().expect("path"),
        "--data",
        d,
        "--quiet",
        "--report",
        report.to_str().expect("path"),
    ]);
    let lines = std::fs::read_to_string(&report).expect("report");
    let rows: Vec<&str> = lines.lines().skip(1).collect();
    let inputs = std::fs::read_to_string(&feed)
        .expect("feed")
        .lines()
        .count();
    assert_eq!(rows.len(), inputs, "one report line per input");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("duplicate\tcopy-of-first\t")),
        "{lines}"
    );
    assert_eq!(
        rows.iter().filter(|r| r.starts_with("refused\t")).count(),
        2,
        "{lines}"
    );
    let first = snapshot(&data);
    // Again: nothing changes, everything is a duplicate (or refused again).
    run(&[
        "ingest",
        feed.to_str().expect("path"),
        "--data",
        d,
        "--quiet",
        "--report",
        report.to_str().expect("path"),
    ]);
    let again = std::fs::read_to_string(&report).expect("report");
    assert!(
        again
            .lines()
            .skip(1)
            .all(|r| r.starts_with("duplicate\t") || r.starts_with("refused\t")),
        "{again}"
    );
    assert_eq!(snapshot(&data), first);
    assert!(
        first.contains("\"type\":\"MEET\""),
        "the sample corpus has meetings"
    );
    // A filter that is no date is an error that says what to give, not an empty answer.
    let bad = Command::new(bin())
        .args(["events", "--data", d, "--from", "yesterday"])
        .output()
        .expect("events");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a date"));
}

/// Documents stored so far in the data directory `data` (0 before it exists).
fn stored(data: &Path) -> u64 {
    use biennien_store::Store;
    let db = data.join("store.db");
    if !db.exists() {
        return 0;
    }
    biennien_store::SqliteStore::open(&db)
        .and_then(|s| s.last_seq())
        .unwrap_or(0)
}

/// Starts `ingest -` over `data` with its standard input piped, so the test decides how much
/// of the feed the run can see.
fn ingest_from_pipe(data: &str) -> std::process::Child {
    Command::new(bin())
        .args(["ingest", "-", "--data", data, "--quiet", "--batch", "4"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ingest")
}

/// Writes `lines` to the run's standard input; a run already gone is no error here.
fn give(child: &mut std::process::Child, lines: &[String]) {
    if let Some(input) = child.stdin.as_mut() {
        for line in lines {
            if writeln!(input, "{line}").is_err() {
                return;
            }
        }
        let _ = input.flush();
    }
}

/// The whole feed through standard input, run to the end.
fn ingest_all_from_pipe(data: &str, lines: &[String]) {
    let mut child = ingest_from_pipe(data);
    give(&mut child, lines);
    drop(child.stdin.take());
    assert!(child.wait().expect("wait").success(), "ingest failed");
}

#[test]
fn ingest_killed_at_random_moments_ends_as_an_uninterrupted_run() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let feed = corpus(tmp.path(), 4);
    let lines: Vec<String> = std::fs::read_to_string(&feed)
        .expect("feed")
        .lines()
        .map(str::to_string)
        .collect();
    let reference = tmp.path().join("reference");
    ingest_all_from_pipe(reference.to_str().expect("path"), &lines);
    let expected = snapshot(&reference);
    let total = stored(&reference);
    assert!(total > 60, "the feed must need many batches: {total}");

    let data = tmp.path().join("killed");
    let d = data.to_str().expect("path");
    // The feed goes through a pipe, so where a kill lands depends on how much of the feed the
    // run was given, not on how fast this machine is. Kill moments are varied but the same on
    // every run of the test: a small linear congruential sequence picks them.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n.max(1)
    };
    // Runs given the end of the feed may finish before their kill; the wait before those kills
    // shrinks below the time a finished run took, so a fast machine still has them killed in
    // the final indexing.
    let mut end_bound_ms: u64 = 400;
    let mut given = 0usize;
    let mut killed = 0;
    let mut unfinished = 0;
    let mut ends = 0;
    for attempt in 0..200 {
        if killed >= 24 && given == lines.len() && ends >= 4 {
            break;
        }
        let started = Instant::now();
        let mut child = ingest_from_pipe(d);
        if attempt % 6 == 0 {
            // During start-up: opening the store, repairing what the last kill left.
            std::thread::sleep(Duration::from_millis(next(40)));
        } else if attempt % 6 == 5 || given == lines.len() {
            // The feed so far and its end: in the last batch or the final indexing.
            ends += 1;
            give(&mut child, &lines[..given]);
            drop(child.stdin.take());
            std::thread::sleep(Duration::from_millis(next(end_bound_ms)));
        } else {
            // A few more articles than before, killed while working on them or waiting for
            // the rest of a batch.
            given = (given + 1 + next(12) as usize).min(lines.len());
            give(&mut child, &lines[..given]);
            std::thread::sleep(Duration::from_millis(next(40)));
        }
        let running = child.try_wait().expect("poll").is_none();
        if running {
            child.kill().expect("kill -9");
        }
        child.wait().expect("reap");
        if running {
            killed += 1;
            if stored(&data) < total {
                unfinished += 1;
            }
        } else {
            let took = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            end_bound_ms = end_bound_ms.min(took * 3 / 4).max(1);
        }
    }
    assert!(
        killed >= 20,
        "only {killed} runs were killed before they finished"
    );
    assert!(
        unfinished >= 8,
        "only {unfinished} kills left documents unstored"
    );
    ingest_all_from_pipe(d, &lines);
    let got = snapshot(&data);
    assert!(
        got == expected,
        "the interrupted store differs from the uninterrupted one"
    );
}

#[test]
fn lines_an_outlet_repeats_are_learned_and_removed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let feed = tmp.path().join("feed.jsonl");
    let template =
        "Bản tin được thực hiện với sự phối hợp của các phóng viên thường trú ở nước ngoài.";
    let topics = [
        ("Hà Lan", "nông nghiệp công nghệ cao"),
        ("Ba Lan", "năng lượng tái tạo"),
        ("Mông Cổ", "giáo dục đại học"),
        ("Ai Cập", "du lịch văn hóa"),
        ("Chile", "thủy sản xuất khẩu"),
        ("Brazil", "logistics cảng biển"),
        ("Kenya", "y tế cộng đồng"),
        ("Nepal", "thủy điện nhỏ"),
    ];
    let mut out = std::fs::File::create(&feed).expect("feed");
    for (i, (country, field)) in topics.iter().enumerate() {
        let text = format!(
            "Việt Nam và {country} thúc đẩy hợp tác {field}\n\n\
             Sáng {d}/6, tại Hà Nội, đại diện hai nước đã trao đổi về hợp tác {field} và thống nhất nhiều biện pháp cụ thể trong thời gian tới.\n\n\
             {template}\n\n\
             Hai bên đánh giá cao kết quả hợp tác {field} thời gian qua và nhất trí sớm tổ chức kỳ họp tiếp theo của nhóm công tác chung tại {country}.\n",
            d = i + 3
        );
        let rec = serde_json::json!({"source": format!("t{i}"), "outlet": "Báo Thử", "published": "2024-06-10", "text": text});
        writeln!(out, "{rec}").expect("write");
    }
    drop(out);
    let data = tmp.path().join("data");
    let d = data.to_str().expect("path");
    let o = Command::new(bin())
        .args(["ingest", feed.to_str().expect("path"), "--data", d])
        .output()
        .expect("ingest");
    assert!(o.status.success());
    let report = String::from_utf8_lossy(&o.stderr);
    assert!(report.contains("outlet boilerplate learned"), "{report}");
    assert!(report.contains("Báo Thử"), "{report}");
    assert!(report.contains("8 documents cleaned again"), "{report}");
    let hits: serde_json::Value = serde_json::from_str(&run(&[
        "search",
        "--data",
        d,
        "--json",
        "\"phóng viên thường trú\"",
    ]))
    .expect("json");
    assert_eq!(hits.as_array().map(Vec::len), Some(0), "{hits}");
    let hits: serde_json::Value = serde_json::from_str(&run(&[
        "search",
        "--data",
        d,
        "--json",
        "nhóm công tác chung",
    ]))
    .expect("json");
    assert_eq!(hits.as_array().map(Vec::len), Some(8), "{hits}");
    // Asking again learns nothing new and changes nothing.
    let before = snapshot(&data);
    let o = Command::new(bin())
        .args(["ingest", feed.to_str().expect("path"), "--data", d])
        .output()
        .expect("ingest");
    assert!(!String::from_utf8_lossy(&o.stderr).contains("cleaned again"));
    assert_eq!(snapshot(&data), before);
}

#[test]
fn stores_built_in_any_order_export_identical_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let feed = corpus(tmp.path(), 2);
    let lines: Vec<String> = std::fs::read_to_string(&feed)
        .expect("feed")
        .lines()
        .map(str::to_string)
        .collect();
    // The same records reversed, and split in two files ingested one after the other.
    let reversed = tmp.path().join("reversed.jsonl");
    std::fs::write(
        &reversed,
        lines.iter().rev().cloned().collect::<Vec<_>>().join("\n"),
    )
    .expect("write");
    let (first, second) = lines.split_at(lines.len() / 3);
    let part1 = tmp.path().join("part1.jsonl");
    let part2 = tmp.path().join("part2.jsonl");
    std::fs::write(&part1, second.join("\n")).expect("write");
    std::fs::write(&part2, first.join("\n")).expect("write");
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    let c = tmp.path().join("c");
    let p = |x: &Path| x.to_str().expect("path").to_string();
    run(&["ingest", &p(&feed), "--data", &p(&a), "--quiet"]);
    run(&["ingest", &p(&reversed), "--data", &p(&b), "--quiet"]);
    run(&["ingest", &p(&part1), "--data", &p(&c), "--quiet"]);
    run(&["ingest", &p(&part2), "--data", &p(&c), "--quiet"]);
    let expected = snapshot(&a);
    assert!(
        snapshot(&b) == expected,
        "reversed input exports differently"
    );
    assert!(
        snapshot(&c) == expected,
        "input in two runs exports differently"
    );
}

#[test]
fn an_unreadable_search_index_is_rebuilt_from_the_store() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let feed = corpus(tmp.path(), 1);
    let data = tmp.path().join("data");
    let d = data.to_str().expect("path");
    run(&[
        "ingest",
        feed.to_str().expect("path"),
        "--data",
        d,
        "--quiet",
    ]);
    let query = [
        "search",
        "--data",
        d,
        "--json",
        "--limit",
        "50",
        "thủ tướng",
    ];
    let before = run(&query);
    std::fs::write(data.join("index/meta.json"), "not the index").expect("damage the index");
    assert_eq!(run(&query), before);
}
