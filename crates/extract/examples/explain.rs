//! Prints what extraction sees in a text: tags, dates, persons and their mentions.
//!
//! `cargo run -p biennien-extract --example explain -- "Chủ tịch nước Lương Cường hội đàm …"`

use biennien_extract::{dates, persons, sentences, tags};

fn main() {
    let text: String = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let tags = tags::tag(&text);
    for t in &tags {
        println!(
            "tag   {:>4}..{:<4} {:?} {:?}",
            t.start,
            t.end,
            &text[t.start..t.end],
            t.kind
        );
    }
    for d in dates::find(&text) {
        println!(
            "date  {:>4}..{:<4} {:?} {:?}",
            d.start,
            d.end,
            &text[d.start..d.end],
            d.said
        );
    }
    let sents: Vec<(usize, usize)> = sentences::split(&text)
        .iter()
        .map(|s| (s.start, s.end))
        .collect();
    let p = persons::recognize(&text, &sents, &tags);
    for x in &p.list {
        println!(
            "person {} {:?} {:?} aliases {:?}",
            x.name, x.country, x.roles, x.aliases
        );
    }
    for m in &p.mentions {
        println!("mention {:?} {:?}", &text[m.start..m.end], m);
    }
}
