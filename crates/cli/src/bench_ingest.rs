//! `biennien bench-ingest`: the corpus at scale. Builds a feed of many varied articles from a few
//! real ones, ingests it on all cores through the same path as `ingest`, and reports
//! articles/s, peak memory, the size of the data directory and search latency.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use biennien_input::{read_all, Content};
use biennien_search::SearchQuery;

use crate::data::Data;

/// Arguments of `bench-ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles to build the feed from (files, directories, JSON Lines).
    #[arg(value_name = "INPUT", default_value = "corpus/sample/articles")]
    inputs: Vec<String>,
    /// Number of articles in the feed.
    #[arg(long, default_value_t = 100_000)]
    articles: usize,
    /// Data directory to ingest into (must not exist yet); a temporary one by default.
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Times each search query is run.
    #[arg(long, default_value_t = 20)]
    repeat: usize,
}

/// The outlets the generated articles are attributed to.
const OUTLETS: &[&str] = &[
    "VOV",
    "TTXVN",
    "Chinhphu.vn",
    "Báo Quốc tế",
    "Nhân Dân",
    "VnExpress",
    "Tuổi Trẻ",
    "Thanh Niên",
];

/// The fixed queries whose latency is reported.
const QUERIES: &[(&str, &[&str], Option<&str>)] = &[
    ("bui thanh son", &[], None),
    ("Bùi Thanh Sơn", &[], None),
    ("hoa binh", &[], None),
    ("thu tuong", &[], None),
    ("\"quan hệ ngoại giao\"", &[], None),
    ("\"doi tac chien luoc toan dien\"", &[], None),
    ("hội đàm", &["VN"], None),
    ("dau tu thuong mai", &[], Some("2024")),
    ("đại sứ", &["VN", "HU"], None),
    ("hợp tác kinh tế", &[], None),
    ("apec lima", &[], None),
    ("ky ket ban ghi nho", &[], None),
];

/// A small deterministic generator (splitmix64): the feed is the same on every run.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Shifts every digit by `k`, so dates and figures vary.
fn shift_digits(line: &str, k: u32) -> String {
    line.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_digit((d + k) % 10, 10).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// Writes `n` articles built from `pool` to `path`. Each keeps the page of one article (menus,
/// title, credits, short lines) and draws every long paragraph from the whole pool, with its
/// digits shifted at random and now and then a sentence of its own, so that articles differ in
/// names, dates, figures and text as a real feed's do (two articles rarely share more than a
/// paragraph or two).
fn write_feed(pool: &[Vec<String>], n: usize, path: &Path) -> Result<u64> {
    let long: Vec<&str> = pool
        .iter()
        .flat_map(|lines| lines.iter().filter(|l| l.chars().count() > 120))
        .map(String::as_str)
        .collect();
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = BufWriter::new(file);
    let mut mix = Mix(0x5eed);
    let mut bytes = 0u64;
    for k in 0..n {
        let base = &pool[k % pool.len()];
        let mut text = String::new();
        for (i, line) in base.iter().enumerate() {
            let is_long = line.chars().count() > 120;
            if is_long && !long.is_empty() {
                let chosen = long[mix.below(long.len())];
                text.push_str(&shift_digits(chosen, mix.below(10) as u32));
            } else if i == 0 {
                // The first line is often the title: keep its words, vary its figures.
                text.push_str(&shift_digits(line, (k / pool.len()) as u32 % 10));
            } else {
                text.push_str(line);
            }
            text.push('\n');
            if is_long && mix.below(3) == 0 {
                text.push_str(&format!(
                    "Theo số liệu được công bố, bản tin tổng hợp số {k} ghi nhận {} hoạt động đối ngoại trong tháng {}.\n",
                    mix.below(90) + 10,
                    mix.below(12) + 1
                ));
            }
        }
        let day = 1 + mix.below(28);
        let month = 1 + mix.below(12);
        let year = 2012 + mix.below(13);
        let rec = serde_json::json!({
            "source": format!("bench/{k:06}"),
            "outlet": OUTLETS[k % OUTLETS.len()],
            "published": format!("{year}-{month:02}-{day:02}"),
            "text": text,
        });
        let line = rec.to_string();
        bytes += line.len() as u64 + 1;
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(bytes)
}

fn dir_size(dir: &Path) -> u64 {
    let mut total = 0;
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                total += dir_size(&p);
            } else if let Ok(m) = e.metadata() {
                total += m.len();
            }
        }
    }
    total
}

/// The process's peak resident memory in bytes, where the system tells it.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let mut pool: Vec<Vec<String>> = Vec::new();
    read_all(&args.inputs, &mut |item| {
        if let Ok(doc) = item {
            let text = match doc.content {
                Content::Bytes(b) | Content::Markup { bytes: b, .. } => biennien_decode::decode(&b)
                    .map(|d| d.text)
                    .unwrap_or_default(),
                Content::Text(t) | Content::Html(t) => t,
            };
            pool.push(text.lines().map(str::to_string).collect());
        }
    });
    pool.retain(|p| !p.is_empty());
    if pool.is_empty() {
        bail!("no readable article in {}", args.inputs.join(" "));
    }
    let tmp;
    let data_dir = match &args.data {
        Some(d) => {
            if d.exists() {
                bail!(
                    "{}: exists; give a new directory for the benchmark",
                    d.display()
                );
            }
            d.clone()
        }
        None => {
            tmp = std::env::temp_dir().join(format!("biennien-bench-{}", std::process::id()));
            tmp.clone()
        }
    };
    std::fs::create_dir_all(&data_dir)
        .with_context(|| format!("cannot create {}", data_dir.display()))?;
    let feed = data_dir.join("feed.jsonl");
    eprintln!("writing {} articles to {} …", args.articles, feed.display());
    let feed_bytes = write_feed(&pool, args.articles, &feed)?;
    let store_dir = data_dir.join("data");
    let threads = rayon::current_num_threads();
    eprintln!("ingesting on {threads} thread(s) …");
    let started = Instant::now();
    let timing = crate::ingest::ingest_quietly(&[feed.display().to_string()], &store_dir)?;
    let took = started.elapsed();
    let size = dir_size(&store_dir);
    let mut data = Data::open(&store_dir, false)?;
    data.catch_up()?;
    let docs = biennien_store::Store::stats(&data.store)?.documents;
    let mut times: Vec<Duration> = Vec::new();
    let mut per_query: Vec<(String, Duration, usize)> = Vec::new();
    for (text, countries, from) in QUERIES {
        let q = SearchQuery {
            text: text.to_string(),
            countries: countries.iter().map(|c| c.to_string()).collect(),
            from: from.map(str::to_string),
            limit: 10,
            ..SearchQuery::default()
        };
        let mut mine = Vec::new();
        let mut hits = 0;
        for _ in 0..args.repeat.max(1) {
            let t = Instant::now();
            hits = data.index.search(&q)?.len();
            mine.push(t.elapsed());
        }
        mine.sort();
        per_query.push((text.to_string(), percentile(&mine, 0.5), hits));
        times.extend(mine);
    }
    times.sort();
    println!(
        "biennien bench-ingest: {} articles ({:.1} MB of JSON Lines), {threads} thread(s)",
        args.articles,
        feed_bytes as f64 / 1e6
    );
    println!("{:<34} {:>14}", "figure", "value");
    println!("{:<34} {:>14}", "documents stored", docs);
    println!("{:<34} {:>14.1}", "ingest time (s)", took.as_secs_f64());
    println!(
        "{:<34} {:>14.0}",
        "ingest articles/s",
        args.articles as f64 / took.as_secs_f64().max(1e-9)
    );
    for (name, t) in [
        ("  processing and storing (s)", timing.storing),
        ("  boilerplate learning (s)", timing.caught.learning),
        ("  corpus views (s)", timing.caught.views),
        ("  search index (s)", timing.caught.indexing),
    ] {
        println!("{name:<34} {:>14.1}", t.as_secs_f64());
    }
    if let Some(m) = peak_memory() {
        println!("{:<34} {:>14.0}", "peak memory (MB)", m as f64 / 1e6);
    }
    println!("{:<34} {:>14.0}", "data on disk (MB)", size as f64 / 1e6);
    println!(
        "{:<34} {:>14.2}",
        "search p50 (ms)",
        percentile(&times, 0.5).as_secs_f64() * 1e3
    );
    println!(
        "{:<34} {:>14.2}",
        "search p99 (ms)",
        percentile(&times, 0.99).as_secs_f64() * 1e3
    );
    println!();
    println!("{:<40} {:>10} {:>6}", "query", "p50 (ms)", "hits");
    for (q, t, h) in per_query {
        println!("{:<40} {:>10.2} {:>6}", q, t.as_secs_f64() * 1e3, h);
    }
    if args.data.is_none() {
        let _ = std::fs::remove_dir_all(&data_dir);
    }
    Ok(ExitCode::SUCCESS)
}
