//! The phrase lists of page templates, read once from `data/boilerplate.tsv`.
//!
//! Phrases are stored folded (see [`biennien_text::fold`]), so that a header written without
//! diacritics or in capitals still matches.

use std::collections::HashSet;
use std::sync::LazyLock;

use biennien_text::fold;

const DATA: &str = include_str!("../data/boilerplate.tsv");

/// The phrase lists, by kind.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    related_header: HashSet<String>,
    related_prefix: Vec<String>,
    share: Vec<String>,
    footer: Vec<String>,
    menu_word: HashSet<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(DATA));

/// The lexicon built into the crate.
pub(crate) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Folds and trims the decorations a header may carry: trailing colon, arrows, dots.
pub(crate) fn fold_label(line: &str) -> String {
    let f = fold(line);
    f.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ':' | '»' | '›' | '>' | '<' | '«' | '.' | '…' | '-' | '|' | '*' | '#' | '+' | '•'
            )
    })
    .to_string()
}

/// The first characters of a line: enough for any template phrase and what follows it, so that
/// long paragraphs are not folded whole only to test their first words.
fn head(line: &str) -> &str {
    const CHARS: usize = 96;
    match line.char_indices().nth(CHARS) {
        Some((i, _)) => &line[..i],
        None => line,
    }
}

fn starts_with_phrase(folded: &str, phrase: &str) -> bool {
    if !folded.starts_with(phrase) {
        return false;
    }
    // The phrase must end at a word boundary.
    match folded[phrase.len()..].chars().next() {
        None => true,
        Some(c) => {
            !c.is_alphanumeric() || !phrase.chars().last().is_some_and(char::is_alphanumeric)
        }
    }
}

impl Lexicon {
    /// Parses the tab-separated data: `kind<TAB>phrase`, `#` comments.
    pub(crate) fn parse(data: &str) -> Self {
        let mut lex = Lexicon::default();
        for line in data.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((kind, phrase)) = line.split_once('\t') else {
                continue;
            };
            let folded = fold(phrase.trim());
            match kind {
                "related_header" => {
                    lex.related_header.insert(folded);
                }
                "related_prefix" => lex.related_prefix.push(folded),
                "share" => lex.share.push(folded),
                "footer" => lex.footer.push(folded),
                "menu_word" => {
                    lex.menu_word.insert(folded);
                }
                _ => {}
            }
        }
        // Longest phrases first, so that the most specific one decides.
        for list in [&mut lex.related_prefix, &mut lex.share, &mut lex.footer] {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        lex
    }

    /// Whether the whole line is a header of a block of other stories.
    pub(crate) fn is_related_header(&self, line: &str) -> bool {
        if line.chars().count() > 40 {
            return false;
        }
        self.related_header.contains(&fold_label(line))
    }

    /// Whether the line is a single teaser introduced by a phrase and a colon ("Xem thêm: …").
        pub(crate) fn is_related_prefixed(&self, line: &str) -> bool {
        let f = fold(head(line));
        self.related_prefix.iter().any(|p| {
            starts_with_phrase(&f, p)
                && f[p.len()..]
                    .trim_start()
                    .starts_with([':', '>', '»', '-', '|'])
        })
    }

    /// Whether the line is a share, follow, print or navigation prompt.
    pub(crate) fn is_share(&self, line: &str, words: usize) -> bool {
        if words > 10 {
            return false;
        }
        let f = fold_label(line);
        self.share.iter().any(|p| starts_with_phrase(&f, p))
    }

    /// Whether the line is page furniture: copyright, contacts, licence, tags.
    pub(crate) fn is_footer(&self, line: &str, words: usize) -> bool {
        if line.contains('©') {
            return true;
        }
                let f = fold(head(line));
        let f = f.trim_start_matches(|c: char| !c.is_alphanumeric());
        self.footer.iter().any(|p| {
            starts_with_phrase(f, p)
                && (words <= 15 || p.ends_with(':') || f[p.len()..].trim_start().starts_with(':'))
        })
    }

    /// Whether the text is one navigation label ("Thời sự", "Trang chủ").
    pub(crate) fn is_menu_word(&self, item: &str) -> bool {
        self.menu_word.contains(&fold_label(item))
    }
}
