//! Outlet boilerplate: the lines an outlet repeats in every article (menus, footers, prompts).
//!
//! The cleaner recognizes template lines by general vocabulary; what is particular to one
//! outlet is learned from the corpus instead. A [`Learner`] counts, per outlet, how many
//! documents it has seen and in how many of them each line occurs (once per document, by
//! [`line_key`]). A line is learned as the outlet's boilerplate when it occurs in at least
//! [`MIN_DOCS`] documents *and* at least [`MIN_SHARE`] of the outlet's documents: both,
//! so that neither a small outlet nor a sentence two articles happen to share is enough.
//! Lines of fewer than [`MIN_WORDS`] words are not counted: a lone word or number recurs by
//! chance too easily.
//!
//! Counts are sums over documents, so the result does not depend on the order documents are
//! added in; the sample text kept for a line is the lexically smallest of its spellings.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::ids::hash64;

/// Fewest documents of an outlet a line must occur in to be learned.
pub const MIN_DOCS: usize = 5;

/// Smallest share of an outlet's documents a line must occur in to be learned.
pub const MIN_SHARE: f64 = 0.3;

/// Fewest words a line must have to be counted.
pub const MIN_WORDS: usize = 2;

/// A stable key for `line`: a 64-bit blake3-derived hash of its folded text with runs of
/// white space collapsed to one space and the ends trimmed, so lines that differ only in
/// case, tone marks or spacing share a key.
///
/// ```
/// use biennien_corpus::boilerplate::line_key;
/// assert_eq!(line_key("Bản quyền thuộc về  Báo X"), line_key(" bản quyền thuộc về báo x "));
/// assert_ne!(line_key("Bản quyền thuộc về Báo X"), line_key("Bản quyền thuộc về Báo Y"));
/// ```
pub fn line_key(line: &str) -> u64 {
    key_of_folded(&biennien_text::fold(line))
}

/// [`line_key`] of a line already folded.
fn key_of_folded(folded: &str) -> u64 {
    let collapsed: Vec<&str> = folded.split_whitespace().collect();
    hash64("biennien boilerplate line", collapsed.join(" ").as_bytes())
}

/// What one outlet's documents have shown so far.
#[derive(Debug, Clone, Default)]
struct Outlet {
    docs: usize,
    lines: BTreeMap<u64, Line>,
}

/// One line key of an outlet: in how many documents, and a sample of its text.
#[derive(Debug, Clone)]
struct Line {
    docs: usize,
    text: String,
}

/// Counts lines per outlet, document by document, and tells which are boilerplate.
#[derive(Debug, Clone, Default)]
pub struct Learner {
    outlets: BTreeMap<String, Outlet>,
}

/// A line learned as an outlet's boilerplate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Learned {
    /// The outlet.
    pub outlet: String,
    /// The line's [`line_key`].
    pub key: u64,
    /// A spelling of the line (trimmed; the lexically smallest seen).
    pub text: String,
    /// Number of the outlet's documents it occurs in.
    pub docs: usize,
    /// `docs` over the number of the outlet's documents.
    pub share: f64,
}

impl Learner {
    /// A learner that has seen nothing.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one document of `outlet`, given as its lines, and returns the keys of the lines
    /// it counted (the only ones that can be learned), sorted. A line occurring several times
    /// in the document counts once; lines of fewer than [`MIN_WORDS`] words are ignored.
    pub fn add(&mut self, outlet: &str, lines: &[&str]) -> Vec<u64> {
        let stats = self.outlets.entry(outlet.to_owned()).or_default();
        stats.docs += 1;
        let mut seen = BTreeSet::new();
        for line in lines {
            let text = line.trim();
            let folded = biennien_text::fold(text);
            let words = folded
                .split(|c: char| !biennien_text::is_alphanumeric(c))
                .filter(|w| !w.is_empty())
                .count();
            if words < MIN_WORDS {
                continue;
            }
            let key = key_of_folded(&folded);
            if !seen.insert(key) {
                continue;
            }
            stats
                .lines
                .entry(key)
                .and_modify(|l| {
                    l.docs += 1;
                    if text < l.text.as_str() {
                        l.text = text.to_owned();
                    }
                })
                .or_insert_with(|| Line {
                    docs: 1,
                    text: text.to_owned(),
                });
        }
        seen.into_iter().collect()
    }

    /// Number of documents added for `outlet`.
    pub fn docs(&self, outlet: &str) -> usize {
        self.outlets.get(outlet).map_or(0, |o| o.docs)
    }

    /// The lines learned as boilerplate, sorted by outlet and key.
    pub fn learned(&self) -> Vec<Learned> {
        let mut out = Vec::new();
        for (outlet, stats) in &self.outlets {
            for (&key, line) in &stats.lines {
                let share = line.docs as f64 / stats.docs as f64;
                if line.docs >= MIN_DOCS && share >= MIN_SHARE {
                    out.push(Learned {
                        outlet: outlet.clone(),
                        key,
                        text: line.text.clone(),
                        docs: line.docs,
                        share,
                    });
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_returns_the_keys_it_counted() {
        let mut l = Learner::new();
        let keys = l.add(
            "Báo X",
            &[
                "Theo dõi Báo X",
                "Một",
                "theo  dõi báo x",
                "Bản quyền thuộc về Báo X",
            ],
        );
        let mut want = vec![
            line_key("Theo dõi Báo X"),
            line_key("Bản quyền thuộc về Báo X"),
        ];
        want.sort_unstable();
        assert_eq!(keys, want);
    }
    use proptest::prelude::*;

    const FOOTER: &str = "© Bản quyền thuộc về Báo Thời Sự Quốc Tế";
    const MENU: &str = "Trang chủ | Thời sự | Thế giới | Kinh tế";

    /// Document `i` of an outlet: its own sentences, plus the `extra` lines.
    fn doc(i: usize, extra: &[&str]) -> Vec<String> {
        let mut lines = vec![format!("Bài số {i}: hai nước ký thỏa thuận hợp tác mới.")];
        lines.extend(extra.iter().map(|l| (*l).to_owned()));
        lines.push(format!("Đoàn đại biểu thứ {i} đã về nước."));
        lines
    }

    /// Adds `docs` (outlet, lines) and checks the learned (outlet, text) pairs.
    fn check(docs: &[(&str, Vec<String>)], expected: &[(&str, &str)]) {
        let mut learner = Learner::new();
        for (outlet, lines) in docs {
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            learner.add(outlet, &lines);
        }
        let got: Vec<(String, String)> = learner
            .learned()
            .into_iter()
            .map(|l| (l.outlet, l.text))
            .collect();
        let mut want: Vec<(String, String)> = expected
            .iter()
            .map(|(o, t)| ((*o).to_owned(), (*t).to_owned()))
            .collect();
        // Sorted as `learned` sorts: by outlet, then key.
        want.sort_by_key(|(o, t)| (o.clone(), line_key(t)));
        assert_eq!(got, want);
    }

    #[test]
    fn footer_and_menu_of_every_document_are_learned() {
        let docs: Vec<(&str, Vec<String>)> =
            (0..10).map(|i| ("tsqt", doc(i, &[MENU, FOOTER]))).collect();
        check(&docs, &[("tsqt", FOOTER), ("tsqt", MENU)]);
    }

    #[test]
    fn thresholds() {
        // In 2 of 10: not learned.
        let docs: Vec<(&str, Vec<String>)> = (0..10)
            .map(|i| ("tsqt", doc(i, if i < 2 { &[FOOTER] } else { &[] })))
            .collect();
        check(&docs, &[]);
        // In 5 of 20 (25 %): not learned; in 6 of 20 (30 %): learned.
        for (with, expected) in [(5, &[][..]), (6, &[("tsqt", FOOTER)][..])] {
            let docs: Vec<(&str, Vec<String>)> = (0..20)
                .map(|i| ("tsqt", doc(i, if i < with { &[FOOTER] } else { &[] })))
                .collect();
            check(&docs, expected);
        }
        // In all of 4: too few documents.
        let docs: Vec<(&str, Vec<String>)> = (0..4).map(|i| ("tsqt", doc(i, &[FOOTER]))).collect();
        check(&docs, &[]);
        // Two words in every document count; one word does not.
        let docs: Vec<(&str, Vec<String>)> =
            (0..10).map(|i| ("tsqt", doc(i, &["Chia sẻ"]))).collect();
        check(&docs, &[("tsqt", "Chia sẻ")]);
        let docs: Vec<(&str, Vec<String>)> =
            (0..10).map(|i| ("tsqt", doc(i, &["TTXVN"]))).collect();
        check(&docs, &[]);
    }

    #[test]
    fn lines_count_once_per_document_and_spellings_share_a_key() {
        let mut docs: Vec<(&str, Vec<String>)> = (0..4)
            .map(|i| ("tsqt", doc(i, &[FOOTER, FOOTER, FOOTER])))
            .collect();
        check(&docs, &[]);
        docs.push((
            "tsqt",
            doc(4, &["  © BẢN QUYỀN THUỘC VỀ BÁO THỜI SỰ QUỐC TẾ "]),
        ));
        check(
            &docs,
            &[("tsqt", "© BẢN QUYỀN THUỘC VỀ BÁO THỜI SỰ QUỐC TẾ")],
        );
    }

    #[test]
    fn outlets_are_kept_apart() {
        let mut docs: Vec<(&str, Vec<String>)> = Vec::new();
        for i in 0..10 {
            // FOOTER is in 7 documents of the two outlets together, but 4 of big's 7 and 3 of small's.
            let outlet = if i < 7 { "big" } else { "small" };
            let extra: &[&str] = if !(4..7).contains(&i) {
                &[FOOTER]
            } else {
                &[MENU]
            };
            docs.push((outlet, doc(i, extra)));
        }
        docs.extend((0..3).map(|i| ("small", doc(i, &[MENU]))));
        // big: FOOTER in 4 of 7, MENU in 3 of 7; small: FOOTER 3 of 6, MENU 3 of 6.
        check(&docs, &[]);
        docs.extend((0..2).map(|i| ("small", doc(i, &[MENU]))));
        // small: MENU in 5 of 8.
        check(&docs, &[("small", MENU)]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        #[test]
        fn order_does_not_matter(order in Just((0..12usize).collect::<Vec<_>>()).prop_shuffle()) {
            let docs: Vec<(&str, Vec<String>)> = (0..12)
                .map(|i| {
                    let outlet = if i % 3 == 0 { "a" } else { "b" };
                    let footer = if i % 2 == 0 { FOOTER.to_owned() } else { FOOTER.to_uppercase() };
                    (outlet, doc(i % 5, &[&footer, MENU]))
                })
                .collect();
            let learn = |order: &[usize]| {
                let mut learner = Learner::new();
                for &i in order {
                    let lines: Vec<&str> = docs[i].1.iter().map(String::as_str).collect();
                    learner.add(docs[i].0, &lines);
                }
                learner.learned()
            };
            let reference = learn(&(0..12).collect::<Vec<_>>());
            prop_assert!(!reference.is_empty());
            prop_assert_eq!(learn(&order), reference);
        }
    }
}
