//! `biennien bench`: extraction throughput on one core, stage by stage.
//!
//! Every stage runs over the same articles in the same process, after a baseline pass (UTF-8
//! validation and a line count) whose speed is the yardstick: figures are printed both as MB/s
//! and as the baseline's time divided by the stage's, so runs on noisy machines compare.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use biennien_clean::{clean, Hints};
use biennien_decode::decode;
use biennien_input::{read_all, Content, RawDoc};
use biennien_pipeline::process;
use biennien_text::normalize;

/// Arguments of `bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles to build the workload from (files, directories, JSON Lines).
    #[arg(value_name = "INPUT", default_value = "corpus/sample/articles")]
    inputs: Vec<String>,
    /// Megabytes of input to process in each stage.
    #[arg(long, default_value_t = 50)]
    mb: usize,
    /// Run only the stages whose name starts with this word (decode, normalize, clean,
    /// extract); may be repeated. All stages by default.
    #[arg(long, value_name = "STAGE")]
    only: Vec<String>,
}

/// Replaces every digit `d` by `(d + k) % 10`, so that copies differ in dates and figures.
fn vary(bytes: &[u8], k: usize) -> Vec<u8> {
    let shift = (k % 10) as u8;
    bytes
        .iter()
        .map(|&b| {
            if b.is_ascii_digit() {
                b'0' + (b - b'0' + shift) % 10
            } else {
                b
            }
        })
        .collect()
}

fn workload(args: &Args) -> Result<Vec<RawDoc>> {
    let mut pool: Vec<RawDoc> = Vec::new();
    read_all(&args.inputs, &mut |item| {
        if let Ok(doc) = item {
            let bytes = match doc.content {
                Content::Bytes(b) => b,
                Content::Text(t) | Content::Html(t) => t.into_bytes(),
                markup @ Content::Markup { .. } => {
                    pool.push(RawDoc {
                        content: markup,
                        ..doc
                    });
                    return;
                }
            };
            pool.push(RawDoc {
                content: Content::Bytes(bytes),
                ..doc
            });
        }
    });
    if pool.is_empty() {
        bail!(
            "no readable article in {}; give files or folders of articles",
            args.inputs.join(" ")
        );
    }
    let want = args.mb.max(1) * 1_000_000;
    let mut out = Vec::new();
    let mut total = 0usize;
    let mut k = 0usize;
    while total < want {
        for doc in &pool {
            let Content::Bytes(b) = &doc.content else {
                continue;
            };
            let v = vary(b, k / pool.len().max(1));
            total += v.len();
            out.push(RawDoc {
                source: format!("{}#{k}", doc.source),
                content: Content::Bytes(v),
                ..doc.clone()
            });
            k += 1;
        }
    }
    Ok(out)
}

fn bytes_of(doc: &RawDoc) -> &[u8] {
    doc.content.as_bytes()
}

fn time(docs: &[RawDoc], mut f: impl FnMut(&RawDoc)) -> Duration {
    let start = Instant::now();
    for d in docs {
        f(d);
    }
    start.elapsed()
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let docs = workload(args)?;
    let total: usize = docs.iter().map(|d| bytes_of(d).len()).sum();
    let mb = total as f64 / 1e6;
    let n = docs.len() as f64;
    eprintln!(
        "biennien bench: {} articles, {mb:.1} MB, one core",
        docs.len()
    );

    let baseline = time(&docs, |d| {
        let s = std::str::from_utf8(bytes_of(d)).unwrap_or("");
        black_box(s.lines().count());
    });
    let texts: Vec<String> = docs
        .iter()
        .map(|d| decode(bytes_of(d)).map(|x| x.text).unwrap_or_default())
        .collect();
    let wanted = |name: &str| args.only.is_empty() || args.only.iter().any(|o| name.starts_with(o));
    let mut stages: Vec<(&str, Duration)> = Vec::new();
    if wanted("decode") {
        let t = time(&docs, |d| {
            black_box(decode(bytes_of(d)).ok());
        });
        stages.push(("decode", t));
    }
    if wanted("normalize") {
        let start = Instant::now();
        for t in &texts {
            black_box(normalize(t));
        }
        stages.push(("normalize", start.elapsed()));
    }
    if wanted("clean") {
        let start = Instant::now();
        for t in &texts {
            let norm = normalize(t);
            black_box(clean(&norm.text, &Hints::default()));
        }
        stages.push(("clean (normalize + clean)", start.elapsed()));
    }
    if wanted("extract") {
        let t = time(&docs, |d| {
            let doc = process(d);
            black_box(doc.to_json());
        });
        stages.push(("extract (bytes to JSON record)", t));
    }
    println!(
        "{:<32} {:>10} {:>12} {:>14}",
        "stage", "MB/s", "articles/s", "vs baseline"
    );
    let row = |name: &str, t: Duration| {
        let s = t.as_secs_f64().max(1e-9);
        println!(
            "{:<32} {:>10.1} {:>12.0} {:>13.3}x",
            name,
            mb / s,
            n / s,
            baseline.as_secs_f64() / s
        );
    };
    row("baseline (utf-8 check + lines)", baseline);
    for (name, t) in stages {
        row(name, t);
    }
    Ok(ExitCode::SUCCESS)
}
