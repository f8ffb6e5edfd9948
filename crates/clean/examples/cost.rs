//! Times the cleaner on a one-line page and on a long page, to tell fixed costs from per-line
//! costs: `cargo run --release -p biennien-clean --example cost`.

use std::time::Instant;

use biennien_clean::{clean, Hints};

fn main() {
    let short = "Một câu ngắn.";
    let para = "Chiều 2/5, tại Paris, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã có cuộc gặp với Bộ trưởng Ngoại giao Peru, hai bên nhất trí thúc đẩy hợp tác kinh tế, thương mại và đầu tư trong thời gian tới. ";
    let long: String = (0..40).map(|i| format!("{para}{i}\n\n")).collect();
    let only = std::env::args().nth(1);
    for (name, page) in [("one line", short.to_string()), ("40 paragraphs", long)] {
        if only.as_deref().is_some_and(|o| !name.starts_with(o)) {
            continue;
        }
        let n = 20_000;
        let start = Instant::now();
        for _ in 0..n {
            std::hint::black_box(clean(&page, &Hints::default()));
        }
        let per = start.elapsed() / n;
        let mbs = page.len() as f64 / per.as_secs_f64() / 1e6;
        println!(
            "{name:14} {:>8.1} µs per page, {mbs:.1} MB/s",
            per.as_secs_f64() * 1e6
        );
    }
}
