//! The user's query text: words and "quoted phrases", read without ever failing.
//!
//! Words are found exactly as the index finds them ([`crate::analysis`]), so every character
//! that is not part of a word (query syntax such as `+`, `-`, `:`, `(`, a stray quote) only
//! separates words. A quote opens a phrase and the next quote closes it; the words of a phrase
//! left open at the end of the text count as plain words. A phrase of one word is a word.

use crate::analysis::{exact, words};
use biennien_text::fold;

/// One word of a query, in its two indexed forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    /// The folded form, matched against the folded fields.
    pub(crate) folded: String,
    /// The lowercased form, matched against the exact fields.
    pub(crate) exact: String,
}

impl Word {
    fn new(text: &str) -> Word {
        Word {
            folded: fold(text),
            exact: exact(text),
        }
    }

    /// Whether the user typed diacritics (or `đ`), which makes the exact form worth a boost.
    pub(crate) fn has_marks(&self) -> bool {
        self.folded != self.exact
    }
}

/// A part of a query: every part must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    /// One word.
    Word(Word),
    /// Two or more words in a row.
    Phrase(Vec<Word>),
}

/// The parts of a query text, in order; empty when the text has no word.
pub(crate) fn parse(text: &str) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut open_phrase: Option<Vec<Word>> = None;
    let mut rest = text;
    loop {
        let (segment, quote) = match rest.find('"') {
            Some(at) => (&rest[..at], true),
            None => (rest, false),
        };
        let segment_words = words(segment).map(|(s, e)| Word::new(&segment[s..e]));
        match open_phrase.as_mut() {
            Some(phrase) => phrase.extend(segment_words),
            None => parts.extend(segment_words.map(Part::Word)),
        }
        if !quote {
            break;
        }
        rest = &rest[segment.len() + 1..];
        match open_phrase.take() {
            Some(phrase) => parts.push(phrase_part(phrase)),
            None => open_phrase = Some(Vec::new()),
        }
    }
    if let Some(unclosed) = open_phrase {
        parts.extend(unclosed.into_iter().map(Part::Word));
    }
    parts.retain(|p| !matches!(p, Part::Phrase(w) if w.is_empty()));
    parts
}

fn phrase_part(mut words: Vec<Word>) -> Part {
    match words.len() {
        1 => Part::Word(words.remove(0)),
        _ => Part::Phrase(words),
    }
}

/// The folded forms of every word of `parts`, for highlighting.
pub(crate) fn folded_terms(parts: &[Part]) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for part in parts {
        let words = match part {
            Part::Word(w) => std::slice::from_ref(w),
            Part::Phrase(ws) => ws.as_slice(),
        };
        for w in words {
            if !terms.contains(&w.folded) {
                terms.push(w.folded.clone());
            }
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders parts as `word` and `"a b"`, folded, with `*` after a word typed with marks.
    fn render(parts: &[Part]) -> String {
        let word = |w: &Word| format!("{}{}", w.folded, if w.has_marks() { "*" } else { "" });
        parts
            .iter()
            .map(|p| match p {
                Part::Word(w) => word(w),
                Part::Phrase(ws) => {
                    format!("\"{}\"", ws.iter().map(word).collect::<Vec<_>>().join(" "))
                }
            })
            .collect::<Vec<_>>()
            .join(" | ")
    }

    fn check(text: &str, expected: &str) {
        assert_eq!(render(&parse(text)), expected, "{text:?}");
    }

    #[test]
    fn parses() {
        check("bui thanh son", "bui | thanh | son");
        check("Hòa Bình", "hoa* | binh*");
        check("HOA", "hoa");
        check("\"hoa binh\" viet nam", "\"hoa binh\" | viet | nam");
        check("a \"b c\" d \"e f g\"", "a | \"b c\" | d | \"e f g\"");
        check("\"single\"", "single");
        check("\"\" x", "x");
        check(
            "open \"phrase never closed",
            "open | phrase | never | closed",
        );
        check(
            "+a -b c:d (e) f* ~g ^2 [h TO i] {j}",
            "a | b | c | d | e | f | g | 2 | h | to | i | j",
        );
        check("\"", "");
        check("   ", "");
        check("", "");
        check("\"a\"\"b c\"", "a | \"b c\"");
        check("ASEAN-Nhật", "asean | nhat*");
    }

    #[test]
    fn folded_terms_are_distinct() {
        let parts = parse("son \"Sơn La\" la");
        assert_eq!(folded_terms(&parts), ["son", "la"]);
    }
}
