//! The bundled sample corpus, article in, expected record out.
//!
//! Every article of `corpus/sample` is run through the pipeline and compared with its expected
//! record in `corpus/sample/gold.jsonl`: the body must agree (word 4-gram F1, as the evaluation
//! scores it), no string of the page template listed as `absent` may leak into the body, and the
//! title, publication date, outlet and author must be the expected ones.

// Test code: a failed expectation is the report.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use biennien_input::{read_all, RawDoc};
use biennien_pipeline::process;
use biennien_text::fold;
use serde_json::Value;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/sample")
}

/// The base name a record is joined to its gold by, as the evaluation does.
fn base_name(source: &str) -> String {
    source
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(source)
        .to_string()
}

/// A gold body, written either as one string or as a list of paragraphs.
fn gold_body(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(a) => a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    }
}

/// Word 4-grams of folded text, as a multiset.
fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let words: Vec<String> = fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut out = HashMap::new();
    if words.len() < 4 {
        if !words.is_empty() {
            *out.entry(words).or_insert(0) += 1;
        }
        return out;
    }
    for w in words.windows(4) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Body F1 of `system` against `gold`.
fn body_f1(gold: &str, system: &str) -> f64 {
    let (g, s) = (shingles(gold), shingles(system));
    let tp: usize = g
        .iter()
        .map(|(k, n)| (*n).min(*s.get(k).unwrap_or(&0)))
        .sum();
    let (ng, ns): (usize, usize) = (g.values().sum(), s.values().sum());
    if ng == 0 && ns == 0 {
        return 1.0;
    }
    let p = if ns == 0 { 0.0 } else { tp as f64 / ns as f64 };
    let r = if ng == 0 { 1.0 } else { tp as f64 / ng as f64 };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn same(gold: &Value, system: Option<&str>) -> bool {
    match gold.as_str() {
        None => system.is_none(),
        Some(g) => system.is_some_and(|s| fold(s) == fold(g)),
    }
}

fn date_ok(gold: &Value, system: Option<&str>) -> bool {
    match gold.as_str() {
        None => system.is_none(),
        Some(g) => system.is_some_and(|s| s.get(..10).unwrap_or(s).starts_with(g)),
    }
}

fn load_docs() -> Vec<RawDoc> {
    let dir = corpus_dir().join("articles");
    let mut docs = Vec::new();
    read_all(&[dir.display().to_string()], &mut |item| match item {
        Ok(doc) => docs.push(doc),
        Err(e) => panic!("sample corpus input refused: {e}"),
    });
    docs
}

fn load_gold() -> HashMap<String, Value> {
    let text =
        std::fs::read_to_string(corpus_dir().join("gold.jsonl")).expect("gold.jsonl readable");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Value>(l).expect("gold line is JSON"))
        .map(|v| {
            let key = v["doc"]
                .as_str()
                .or_else(|| v["source"].as_str())
                .unwrap_or_default();
            (base_name(key), v)
        })
        .collect()
}

#[test]
fn every_sample_article_gives_its_expected_record() {
    let gold = load_gold();
    let docs = load_docs();
    assert!(
        docs.len() >= 30,
        "the sample corpus has at least 30 articles, found {}",
        docs.len()
    );
    let mut failures = Vec::new();
    let names: std::collections::HashSet<String> =
        docs.iter().map(|d| base_name(&d.source)).collect();
    for name in gold.keys().filter(|k| !names.contains(*k)) {
        failures.push(format!("{name}: expected record without an article"));
    }
    let mut f1_sum = 0.0;
    for raw in &docs {
        let name = base_name(&raw.source);
        let Some(g) = gold.get(&name) else {
            failures.push(format!("{name}: no expected record"));
            continue;
        };
        let doc = process(raw);
        assert!(doc.error.is_none(), "{name}: {:?}", doc.error);
        let f1 = body_f1(&gold_body(&g["body"]), &doc.body);
        f1_sum += f1;
        if f1 < 0.9 {
            failures.push(format!("{name}: body F1 {f1:.3}"));
        }
        let body = doc.body.to_lowercase();
        for a in g["absent"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if body.contains(&a.to_lowercase()) {
                failures.push(format!("{name}: leaked {a:?}"));
            }
        }
        if !same(&g["title"], doc.title.as_deref()) {
            failures.push(format!(
                "{name}: title {:?}, expected {}",
                doc.title, g["title"]
            ));
        }
        for (field, got) in [("outlet", &doc.outlet), ("author", &doc.author)] {
            if g.get(field).is_some() && !same(&g[field], got.as_deref()) {
                failures.push(format!("{name}: {field} {got:?}, expected {}", g[field]));
            }
        }
        if !date_ok(&g["published"], doc.published.as_deref()) {
            failures.push(format!(
                "{name}: published {:?}, expected {}",
                doc.published, g["published"]
            ));
        }
    }
    let mean = f1_sum / docs.len() as f64;
    assert!(
        mean >= 0.97,
        "mean body F1 {mean:.3} below 0.97; failures: {failures:#?}"
    );
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
