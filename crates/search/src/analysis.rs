//! Words and their two indexed forms, shared by the index, the query and the snippet.
//!
//! A word is a maximal run of alphanumeric characters ([`biennien_text::is_alphanumeric`]);
//! a combining mark continues the word it follows, so decomposed text splits where its
//! composed form would. Each word is indexed twice: **folded** (no case, no diacritics,
//! `đ` → `d`, so "Sơn", "son" and "SON" are one term) and **exact** (lowercased, diacritics
//! kept as given, so "hòa" and "hoà" stay apart). Keys (person names, outlets) are the
//! folded words of a whole value joined by single spaces, indexed as one term.

use biennien_text::{fold, fold_char, is_alphanumeric};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Name under which the folding word tokenizer is registered.
pub(crate) const FOLDED: &str = "biennien_folded";
/// Name under which the lower-casing word tokenizer is registered.
pub(crate) const EXACT: &str = "biennien_exact";
/// Name under which the whole-value key tokenizer is registered.
pub(crate) const KEY: &str = "biennien_key";

/// Whether `c` belongs to a word: alphanumeric, or a combining mark (which folds to nothing).
fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) || (c != '\0' && fold_char(c) == '\0')
}

/// The byte ranges of the words of `text`, in order.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (at, c) = chars.next()?;
            if is_alphanumeric(c) {
                break at;
            }
        };
        let mut end = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if !is_word_char(c) {
                end = at;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// The exact form of a word: lowercased, diacritics kept.
pub(crate) fn exact(word: &str) -> String {
    word.to_lowercase()
}

/// The key of a whole value (a person's name, an outlet): its folded words joined by single
/// spaces; empty when the value has no word.
pub fn key(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for (start, end) in words(value) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&fold(&value[start..end]));
    }
    out
}

/// How a [`WordTokenizer`] turns text into terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// One term per word, folded.
    Folded,
    /// One term per word, lowercased.
    Exact,
    /// One term for the whole text: its [`key`].
    Key,
}

/// The tokenizer of the text fields, in one of three [`Mode`]s.
#[derive(Debug, Clone)]
pub(crate) struct WordTokenizer(pub(crate) Mode);

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream {
        let tokens = match self.0 {
            Mode::Key => {
                let key = key(text);
                if key.is_empty() {
                    Vec::new()
                } else {
                    vec![token(0, text.len(), 0, key)]
                }
            }
            Mode::Folded | Mode::Exact => words(text)
                .enumerate()
                .map(|(position, (start, end))| {
                    let word = &text[start..end];
                    let form = if self.0 == Mode::Folded {
                        fold(word)
                    } else {
                        exact(word)
                    };
                    token(start, end, position, form)
                })
                .collect(),
        };
        WordStream {
            tokens: tokens.into_iter(),
            current: Token::default(),
        }
    }
}

fn token(offset_from: usize, offset_to: usize, position: usize, text: String) -> Token {
    Token {
        offset_from,
        offset_to,
        position,
        text,
        position_length: 1,
    }
}

/// The tokens of one text, computed up front (texts are articles: small).
#[derive(Debug)]
pub(crate) struct WordStream {
    tokens: std::vec::IntoIter<Token>,
    current: Token,
}

impl TokenStream for WordStream {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(token) => {
                self.current = token;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(mode: Mode, text: &str, expected: &[&str]) {
        let mut tokenizer = WordTokenizer(mode);
        let mut stream = tokenizer.token_stream(text);
        let mut got = Vec::new();
        while let Some(token) = stream.next() {
            assert_eq!(&text[token.offset_from..token.offset_to].is_empty(), &false);
            got.push(token.text.clone());
        }
        assert_eq!(got, expected, "{mode:?} {text:?}");
    }

    #[test]
    fn tokenizers() {
        check(
            Mode::Folded,
            "Bùi Thanh Sơn, Bộ trưởng",
            &["bui", "thanh", "son", "bo", "truong"],
        );
        check(Mode::Folded, "Đà Nẵng—2024", &["da", "nang", "2024"]);
        check(
            Mode::Folded,
            "hòa bình / hoà bình",
            &["hoa", "binh", "hoa", "binh"],
        );
        check(
            Mode::Exact,
            "Hòa Bình / hoà bình",
            &["hòa", "bình", "hoà", "bình"],
        );
        check(Mode::Exact, "ĐÀ NẴNG", &["đà", "nẵng"]);
        // Decomposed marks stay inside their word.
        check(Mode::Folded, "So\u{31b}n Ha\u{300}", &["son", "ha"]);
        check(Mode::Key, "  Bùi  Thanh-Sơn ", &["bui thanh son"]);
        check(Mode::Key, "Báo Quốc tế", &["bao quoc te"]);
        check(Mode::Key, " -- ", &[]);
        check(Mode::Folded, "", &[]);
        check(Mode::Folded, "\"+-:()", &[]);
    }

    /// The exact and folded tokenizers see the same words, and each folded term is the fold of
    /// the exact one, so a document matching the exact form always matches the folded one.
    #[test]
    fn exact_terms_fold_to_folded_terms() {
        let pieces = [
            "Sơn", "ĐẠI", "hoà", "İ", "ẞ", "Ω", "x1", " ", "-", "\u{301}", "e\u{301}", "Ð", "ǅ",
        ];
        let mut state: u64 = 7;
        for _ in 0..500 {
            let mut text = String::new();
            for _ in 0..12 {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[((state >> 33) % pieces.len() as u64) as usize]);
            }
            let terms = |mode| {
                let mut tokenizer = WordTokenizer(mode);
                let mut stream = tokenizer.token_stream(&text);
                let mut out = Vec::new();
                while let Some(token) = stream.next() {
                    out.push((
                        token.position,
                        token.offset_from,
                        token.offset_to,
                        token.text.clone(),
                    ));
                }
                out
            };
            let (exact, folded) = (terms(Mode::Exact), terms(Mode::Folded));
            assert_eq!(exact.len(), folded.len(), "{text:?}");
            for (e, f) in exact.iter().zip(&folded) {
                assert_eq!((e.0, e.1, e.2), (f.0, f.1, f.2), "{text:?}");
                assert_eq!(fold(&e.3), f.3, "{text:?}");
                assert!(!f.3.is_empty(), "{text:?}");
            }
        }
    }

    #[test]
    fn positions_count_words() {
        let mut tokenizer = WordTokenizer(Mode::Folded);
        let mut stream = tokenizer.token_stream("a, b. c");
        let mut positions = Vec::new();
        while let Some(token) = stream.next() {
            positions.push((token.position, token.offset_from, token.offset_to));
        }
        assert_eq!(positions, [(0, 0, 1), (1, 3, 4), (2, 6, 7)]);
    }
}
