//! Extracts the article of every page named on standard input (one path per line) and prints
//! one JSON line per page: `{"path", "text", "title", "published", "error"}`. Pages are read into
//! memory first; only extraction is timed, and the throughput goes to standard error as
//! `pages N seconds S pages/s R`.
//!
//! `cargo run --release -p biennien-html --example html_bench < list.txt > out.jsonl`

use std::io::{self, BufRead, Write};
use std::time::Instant;

fn main() -> io::Result<()> {
    let mut pages = Vec::new();
    for line in io::stdin().lock().lines() {
        let path = line?;
        if path.trim().is_empty() {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        pages.push((path, bytes));
    }
    let opts = biennien_html::Options::default();
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1)
        .max(1);
    let mut results = Vec::with_capacity(pages.len());
    let start = Instant::now();
    for round in 0..rounds {
        for (_, bytes) in &pages {
            let r = biennien_html::extract(bytes, &opts);
            if round == 0 {
                results.push(r);
            }
        }
    }
    let secs = start.elapsed().as_secs_f64() / rounds as f64;
    let mut out = io::BufWriter::new(io::stdout().lock());
    for ((path, _), r) in pages.iter().zip(results) {
        let v = match r {
            Ok(p) => serde_json::json!({
                "path": path, "text": p.text, "title": p.meta.title, "published": p.meta.published,
                "author": p.meta.author, "outlet": p.meta.outlet, "language": p.meta.language,
                "canonical": p.meta.canonical, "encoding": p.encoding,
            }),
            Err(e) => serde_json::json!({"path": path, "text": "", "error": e.to_string()}),
        };
        writeln!(out, "{v}")?;
    }
    out.flush()?;
    eprintln!(
        "pages {} seconds {:.3} pages/s {:.1}",
        pages.len(),
        secs,
        pages.len() as f64 / secs
    );
    Ok(())
}
