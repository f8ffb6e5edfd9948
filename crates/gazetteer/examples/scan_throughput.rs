//! Measures how fast `Gazetteer::scan` reads text.
//!
//! Usage: `cargo run --release -p biennien-gazetteer --example scan_throughput -- FILE...`
//! (for instance the seed articles in `../shared/seeds/`). Each file is scanned repeatedly
//! until about 50 MB have been read; prints throughput and hit counts.

use std::time::Instant;

use biennien_gazetteer::{gazetteer, Entry};

fn main() {
    let texts: Vec<String> = std::env::args()
        .skip(1)
        .filter_map(|path| match std::fs::read(&path) {
            Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                None
            }
        })
        .collect();
    let total: usize = texts.iter().map(String::len).sum();
    if total == 0 {
        eprintln!("usage: scan_throughput FILE...");
        return;
    }
    let loading = Instant::now();
    let g = gazetteer();
    println!("loaded the gazetteer in {:.0?}", loading.elapsed());
    let rounds = (50_000_000 / total).max(1);
    let started = Instant::now();
    let mut hits = 0usize;
    let mut countries = 0usize;
    for _ in 0..rounds {
        for t in &texts {
            let found = g.scan(t);
            hits += found.len();
            countries += found
                .iter()
                .filter(|h| matches!(h.entry, Entry::Country { .. }))
                .count();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let mb = (total * rounds) as f64 / 1e6;
    println!(
        "{mb:.1} MB in {secs:.2} s: {:.1} MB/s; {} hits per round ({} countries)",
        mb / secs,
        hits / rounds,
        countries / rounds
    );
}
