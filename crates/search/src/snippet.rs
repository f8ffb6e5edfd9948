//! Snippets: a window of an article's body around its best match, with the matched words.
//!
//! Matching is folded, as in the index, so the query word `son` highlights "Sơn". The window
//! holds at most [`SNIPPET_CHARS`] characters of the body, starts and ends on word boundaries
//! (a single word longer than the window is cut on a character boundary), and is chosen to
//! hold the most distinct query words, then the most matches, the earliest such window first;
//! a little text before the first match is kept for context, and the punctuation closing the
//! last word. Line breaks and tabs become
//! spaces (one byte for one byte), and "…" marks text cut on either side.

use crate::analysis::words;
use biennien_text::{fold, is_alphanumeric};

/// The most characters of the body a snippet shows (not counting the "…" marks and the
/// punctuation that closes its last word).
pub const SNIPPET_CHARS: usize = 200;
/// How many characters before the first match a snippet keeps, at most.
const LEAD_CHARS: usize = 40;
/// How many characters of punctuation after the last word a snippet keeps, at most.
const CLOSING_CHARS: usize = 3;
const ELLIPSIS: &str = "…";

/// A word of the body: byte and character offsets of both ends, and the index of the query
/// term it matches.
#[derive(Debug, Clone, Copy)]
struct BodyWord {
    start: usize,
    end: usize,
    start_char: usize,
    end_char: usize,
    term: Option<usize>,
}

/// The snippet of `body` for the folded query `terms`, and the byte ranges of the matched
/// words in it.
pub(crate) fn snippet(body: &str, terms: &[String]) -> (String, Vec<(usize, usize)>) {
    let list = body_words(body, terms);
    let Some(first) = list.first() else {
        return (String::new(), Vec::new());
    };
    let anchor = best_window(&list, terms.len()).unwrap_or(0);
    // Lead-in: start at the earliest word within LEAD_CHARS before the anchor.
    let mut from = anchor;
    while from > 0 && list[anchor].start_char - list[from - 1].start_char <= LEAD_CHARS {
        from -= 1;
    }
    let to = last_fitting(&list, from);
    if to == list.len() - 1 {
        // The window reaches the end: use the room left for more text before it.
        while from > 0 && list[to].end_char - list[from - 1].start_char <= SNIPPET_CHARS {
            from -= 1;
        }
    }
    let start = list[from].start;
    let end = if list[to].end_char - list[from].start_char <= SNIPPET_CHARS {
        // Keep the punctuation that closes the last word ("sứ." or "Nam,").
        let closing: usize = body[list[to].end..]
            .chars()
            .take_while(|&c| !c.is_whitespace() && !is_alphanumeric(c))
            .take(CLOSING_CHARS)
            .map(char::len_utf8)
            .sum();
        list[to].end + closing
    } else {
        // One word longer than the window: cut it on a character boundary.
        body[start..]
            .char_indices()
            .nth(SNIPPET_CHARS)
            .map_or(body.len(), |(at, _)| start + at)
    };
    let mut text = String::with_capacity(end - start + 2 * ELLIPSIS.len());
    if start > first.start {
        text.push_str(ELLIPSIS);
    }
    let shift = text.len();
    text.extend(body[start..end].chars().map(|c| {
        if matches!(c, '\n' | '\r' | '\t') {
            ' '
        } else {
            c
        }
    }));
    if list.last().is_some_and(|w| end < w.end) {
        text.push_str(ELLIPSIS);
    }
    let highlights = list[from..=to]
        .iter()
        .filter(|w| w.term.is_some() && w.end <= end)
        .map(|w| (w.start - start + shift, w.end - start + shift))
        .collect();
    (text, highlights)
}

/// The words of `body` with their offsets and the query term each matches.
fn body_words(body: &str, terms: &[String]) -> Vec<BodyWord> {
    let mut list = Vec::new();
    let (mut at, mut chars) = (0, 0);
    for (start, end) in words(body) {
        let start_char = chars + body[at..start].chars().count();
        let end_char = start_char + body[start..end].chars().count();
        (at, chars) = (end, end_char);
        let folded = fold(&body[start..end]);
        let term = terms.iter().position(|t| *t == folded);
        list.push(BodyWord {
            start,
            end,
            start_char,
            end_char,
            term,
        });
    }
    list
}

/// The index of the last word from `from` on that ends within [`SNIPPET_CHARS`] of the start
/// of word `from` (`from` itself when even that one is too long).
fn last_fitting(list: &[BodyWord], from: usize) -> usize {
    let limit = list[from].start_char + SNIPPET_CHARS;
    let fitting = list[from..].partition_point(|w| w.end_char <= limit);
    from + fitting.saturating_sub(1)
}

/// The matched word that starts the best window: most distinct terms, then most matches,
/// then earliest; `None` when no word matches.
fn best_window(list: &[BodyWord], term_count: usize) -> Option<usize> {
    let mut best: Option<(usize, usize, usize)> = None;
    let mut seen = vec![false; term_count];
    for (i, word) in list.iter().enumerate() {
        if word.term.is_none() {
            continue;
        }
        seen.iter_mut().for_each(|s| *s = false);
        let mut matches = 0;
        for w in &list[i..=last_fitting(list, i)] {
            if let Some(t) = w.term {
                seen[t] = true;
                matches += 1;
            }
        }
        let distinct = seen.iter().filter(|&&s| s).count();
        if best.is_none_or(|(d, m, _)| (distinct, matches) > (d, m)) {
            best = Some((distinct, matches, i));
        }
    }
    best.map(|(_, _, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders a snippet with its highlights in brackets.
    fn render(body: &str, query: &[&str]) -> String {
        let terms: Vec<String> = query.iter().map(|q| fold(q)).collect();
        let (text, highlights) = snippet(body, &terms);
        let mut out = String::new();
        let mut at = 0;
        for (s, e) in highlights {
            out.push_str(&text[at..s]);
            out.push('[');
            out.push_str(&text[s..e]);
            out.push(']');
            at = e;
        }
        out.push_str(&text[at..]);
        out
    }

    fn check(body: &str, query: &[&str], expected: &str) {
        assert_eq!(render(body, query), expected, "{body:?} {query:?}");
    }

    #[test]
    fn short_bodies_show_whole() {
        check(
            "Ông Bùi Thanh Sơn tiếp Đại sứ.",
            &["son"],
            "Ông Bùi Thanh [Sơn] tiếp Đại sứ.",
        );
        check(
            "Ông Bùi Thanh Sơn\ntiếp Đại sứ.",
            &["bui", "dai"],
            "Ông [Bùi] Thanh Sơn tiếp [Đại] sứ.",
        );
        check("Không khớp gì cả.", &["son"], "Không khớp gì cả.");
        check("", &["son"], "");
        check("  ", &["son"], "");
    }

    #[test]
    fn long_bodies_are_cut_around_the_best_match() {
        let filler = "lorem ipsum dolor ".repeat(30);
        let body = format!("{filler}Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm. {filler}");
        let got = render(&body, &["son", "ngoai"]);
        assert!(got.starts_with("…"), "{got}");
        assert!(got.ends_with("…"), "{got}");
        assert!(
            got.contains("[Ngoại] giao Bùi Thanh [Sơn] hội đàm."),
            "{got}"
        );
        // The lead-in keeps some context before the first match, starting on a word.
        assert!(
            got.starts_with("…lorem ") || got.starts_with("…ipsum ") || got.starts_with("…dolor ")
        );
    }

    #[test]
    fn the_window_with_most_distinct_words_wins() {
        let filler = "lorem ipsum dolor ".repeat(30);
        let body = format!("son son son {filler} son ngoai giao {filler}");
        let got = render(&body, &["son", "ngoai", "giao"]);
        assert!(got.contains("[son] [ngoai] [giao]"), "{got}");
    }

    #[test]
    fn end_of_body_fills_the_window_backwards() {
        let body = format!("{} cuối cùng là Sơn.", "từ ".repeat(100));
        let (text, _) = snippet(&body, &["son".to_string()]);
        assert!(text.starts_with("…"));
        assert!(!text.ends_with("…"));
        assert!(text.ends_with("Sơn."), "{text}");
        assert!(text.chars().count() > SNIPPET_CHARS - 5, "{text}");
    }

    #[test]
    fn an_overlong_word_is_cut_on_a_char_boundary() {
        let body = format!("{} Sơn", "ơ".repeat(500));
        let (text, highlights) = snippet(&body, &["o".to_string()]);
        assert_eq!(text.chars().count(), SNIPPET_CHARS + 1);
        assert!(text.ends_with("…"));
        assert!(highlights.is_empty());
    }

    /// Invariants over generated bodies: the snippet is short, highlights are in order, on
    /// char boundaries, inside the snippet, and each highlights a word that folds to a term.
    #[test]
    fn invariants_on_generated_bodies() {
        let vocabulary = [
            "Sơn",
            "son",
            "hòa",
            "HOÀ",
            "bình",
            "x",
            "\n",
            ", ",
            "đường",
            "Ω",
            "ẞ",
            "—",
        ];
        let terms: Vec<String> = ["son", "hoa", "duong"]
            .iter()
            .map(|t| t.to_string())
            .collect();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..300 {
            let mut body = String::new();
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let len = (state >> 33) % 200;
            for _ in 0..len {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                body.push_str(vocabulary[((state >> 33) % vocabulary.len() as u64) as usize]);
                if (state >> 20).is_multiple_of(3) {
                    body.push(' ');
                }
            }
            let (text, highlights) = snippet(&body, &terms);
            assert!(
                text.chars().count() <= SNIPPET_CHARS + 2 + CLOSING_CHARS,
                "{body:?}"
            );
            let mut last = 0;
            for &(s, e) in &highlights {
                assert!(
                    last <= s && s < e && e <= text.len(),
                    "{body:?} {highlights:?}"
                );
                assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
                assert!(
                    terms.contains(&fold(&text[s..e])),
                    "{body:?} {:?}",
                    &text[s..e]
                );
                last = e;
            }
        }
    }
}
