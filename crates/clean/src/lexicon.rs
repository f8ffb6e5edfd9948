//! The phrase lists of page templates, read once from `data/boilerplate.tsv`.
//!
//! Phrases are stored folded (see [`biennien_text::fold`]), so that a header written without
//! diacritics or in capitals still matches.

use std::sync::LazyLock;

use biennien_text::{fold, is_alphanumeric};

use crate::hash::{FastMap as HashMap, FastSet as HashSet};

const DATA: &str = include_str!("../data/boilerplate.tsv");

/// The phrase lists, by kind.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    related_header: HashSet<String>,
    related_prefix: Phrases,
    share: Phrases,
    share_label: HashSet<String>,
    footer: Phrases,
    menu_word: HashSet<String>,
    /// Menu labels as plain words (dashes dropped), to read labels written one after another.
    menu_phrase: HashSet<String>,
    /// The most words in one menu label.
    menu_word_max: usize,
    /// For each first word of a menu label (as plain words), the most words of such a label.
    menu_first: HashMap<String, usize>,
    byline_label: HashSet<String>,
}

/// Phrases that open a line, grouped by their first word so that a line is compared only with
/// the phrases that can match it (a page has hundreds of lines, the lexicon hundreds of phrases).
#[derive(Debug, Default)]
struct Phrases {
    by_first_word: HashMap<String, Vec<String>>,
}

/// The first run of letters and digits of a folded text.
fn first_word(folded: &str) -> &str {
    // Folded text is nearly all ASCII: read bytes while they are, characters otherwise.
    let bytes = folded.as_bytes();
    let start = bytes
        .iter()
        .position(|&b| !b.is_ascii() || b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len());
    if bytes.get(start).is_some_and(|b| !b.is_ascii()) {
        return first_word_chars(folded);
    }
    let len = bytes[start..]
        .iter()
        .position(|&b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len() - start);
    if bytes.get(start + len).is_some_and(|b| !b.is_ascii()) {
        return first_word_chars(folded);
    }
    &folded[start..start + len]
}

/// [`first_word`] read character by character.
fn first_word_chars(folded: &str) -> &str {
    folded
        .trim_start_matches(|c: char| !is_alphanumeric(c))
        .split(|c: char| !is_alphanumeric(c))
        .next()
        .unwrap_or("")
}

impl Phrases {
    fn push(&mut self, phrase: String) {
        self.by_first_word
            .entry(first_word(&phrase).to_string())
            .or_default()
            .push(phrase);
    }

    /// Longest phrases first, so that the most specific one decides.
    fn sort(&mut self) {
        for list in self.by_first_word.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
    }

    /// The phrases that share the folded line's first word.
    fn candidates(&self, folded: &str) -> std::slice::Iter<'_, String> {
        self.by_first_word
            .get(first_word(folded))
            .map_or([].iter(), |v| v.iter())
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(DATA));

/// The lexicon built into the crate.
pub(crate) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Folds and trims the decorations a header may carry: trailing colon, arrows, dots.
pub(crate) fn fold_label(line: &str) -> String {
    trim_label(&fold(line)).to_string()
}

/// A folded label without the punctuation and arrows around it.
pub(crate) fn trim_label(folded: &str) -> &str {
    folded.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ':' | '»' | '›' | '>' | '<' | '«' | '.' | '…' | '-' | '|' | '*' | '#' | '+' | '•'
            )
    })
}

/// The first 128 bytes of a folded line (cut at a character boundary): enough for any template
/// phrase and what follows it, so that long paragraphs are not scanned whole.
fn head(line: &str) -> &str {
    // Bytes, not characters: folded text is nearly all ASCII.
    const BYTES: usize = 128;
    let mut end = line.len().min(BYTES);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    &line[..end]
}

/// The words of a folded label, without the dashes between them.
fn label_words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–'))
        .filter(|w| !w.is_empty())
}

fn starts_with_phrase(folded: &str, phrase: &str) -> bool {
    if !folded.starts_with(phrase) {
        return false;
    }
    // The phrase must end at a word boundary.
    match folded[phrase.len()..].chars().next() {
        None => true,
        Some(c) => !is_alphanumeric(c) || !phrase.chars().last().is_some_and(char::is_alphanumeric),
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
                "share_label" => {
                    lex.share_label.insert(folded);
                }
                "footer" => lex.footer.push(folded),
                "menu_word" => {
                    let plain = label_words(&folded).collect::<Vec<_>>();
                    lex.menu_word_max = lex.menu_word_max.max(plain.len());
                    if let Some(first) = plain.first() {
                        let most = lex.menu_first.entry((*first).to_string()).or_default();
                        *most = (*most).max(plain.len());
                    }
                    lex.menu_phrase.insert(plain.join(" "));
                    lex.menu_word.insert(folded);
                }
                "byline_label" => {
                    lex.byline_label.insert(folded);
                }
                _ => {}
            }
        }
        for list in [&mut lex.related_prefix, &mut lex.share, &mut lex.footer] {
            list.sort();
        }
        lex
    }

    /// Whether the whole line (given folded) is a header of a block of other stories.
    pub(crate) fn is_related_header(&self, folded: &str) -> bool {
        if folded.len() > 120 || folded.chars().count() > 40 {
            return false;
        }
        self.related_header.contains(trim_label(folded))
    }

    /// Whether the line is a single teaser introduced by a phrase and a colon ("Xem thêm: …").
    pub(crate) fn is_related_prefixed(&self, folded: &str) -> bool {
        // ">> Xem thêm: …": arrows and bullets may stand before the phrase.
        let f = head(folded).trim_start_matches(|c: char| !is_alphanumeric(c));
        self.related_prefix.candidates(f).any(|p| {
            starts_with_phrase(f, p)
                && f[p.len()..]
                    .trim_start()
                    .starts_with([':', '>', '»', '-', '|'])
        })
    }

    /// Whether the line is a share, follow, print or navigation prompt.
    pub(crate) fn is_share(&self, folded: &str, words: usize) -> bool {
        if words > 10 {
            return false;
        }
        let f = trim_label(folded);
        self.share_label.contains(f) || self.share.candidates(f).any(|p| starts_with_phrase(f, p))
    }

    /// Whether the line is page furniture: copyright, contacts, licence, tags.
    pub(crate) fn is_footer(&self, line: &str, folded: &str, words: usize) -> bool {
        if line.contains('©') {
            return true;
        }
        let f = head(folded).trim_start_matches(|c: char| !is_alphanumeric(c));
        self.footer.candidates(f).any(|p| {
            starts_with_phrase(f, p)
                && (words <= 15 || p.ends_with(':') || f[p.len()..].trim_start().starts_with(':'))
        })
    }

    /// Whether the text is one navigation label ("Thời sự", "Trang chủ", "Bà Rịa - Vũng Tàu").
    pub(crate) fn is_menu_word(&self, item: &str) -> bool {
        self.menu_word.contains(&fold_label(item))
    }

    /// Reads a line (given folded) as navigation labels written one after another without
    /// separators ("Trang chủ Tin tức Chính trị Quốc phòng an ninh Quốc tế"): at each word the
    /// longest label that starts there is taken. Returns the number of labels found and the
    /// number of words no label covers; reading stops once a fifth of the words are left
    /// uncovered, as the line is no menu then.
    pub(crate) fn menu_labels(&self, folded: &str) -> (usize, usize) {
        let words: Vec<&str> = label_words(folded).collect();
        let (mut labels, mut uncovered, mut i) = (0, 0, 0);
        let mut phrase = String::new();
        while i < words.len() {
            // Only labels that start with this word can match, and none longer than the
            // longest of them.
            let most = self
                .menu_first
                .get(words[i])
                .map_or(0, |&m| m.min(words.len() - i));
            let longest = (1..=most).rev().find(|&n| {
                phrase.clear();
                for (k, w) in words[i..i + n].iter().enumerate() {
                    if k > 0 {
                        phrase.push(' ');
                    }
                    phrase.push_str(w);
                }
                self.menu_phrase.contains(&phrase)
            });
            match longest {
                Some(n) => {
                    labels += 1;
                    i += n;
                }
                None => {
                    uncovered += 1;
                    i += 1;
                    if uncovered * 5 > words.len() {
                        break;
                    }
                }
            }
        }
        (labels, uncovered)
    }

    /// Whether the text is a byline's label: "Bài và ảnh", "Bài", "Thực hiện".
    pub(crate) fn is_byline_label(&self, head: &str) -> bool {
        let f = fold(head);
        self.byline_label.contains(f.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Lexicon {
        /// Labels one after another as read before labels were looked up by their first word:
        /// the reference [`Lexicon::menu_labels`] must agree with.
        pub(crate) fn menu_labels_reference(&self, line: &str) -> (usize, usize) {
            let folded = fold(line);
            let words: Vec<&str> = label_words(&folded).collect();
            let (mut labels, mut uncovered, mut i) = (0, 0, 0);
            while i < words.len() {
                let longest = (1..=self.menu_word_max.min(words.len() - i))
                    .rev()
                    .find(|&n| self.menu_phrase.contains(&words[i..i + n].join(" ")));
                match longest {
                    Some(n) => {
                        labels += 1;
                        i += n;
                    }
                    None => {
                        uncovered += 1;
                        i += 1;
                        if uncovered * 5 > words.len() {
                            break;
                        }
                    }
                }
            }
            (labels, uncovered)
        }
    }

    #[test]
    fn menu_labels_one_after_another() {
        let lex = lexicon();
        let labels = |line: &str| lex.menu_labels(&fold(line));
        assert_eq!(
            labels("Trang chủ Tin tức Chính trị Quốc phòng an ninh Quốc tế Bạn đọc"),
            (6, 0)
        );
        assert_eq!(labels("Bà Rịa - Vũng Tàu Bạc Liêu"), (2, 0));
        // Reading stops at the second uncovered word of nine.
        let (found, uncovered) = labels("Kinh tế Việt Nam tăng trưởng trong quý ba");
        assert_eq!((found, uncovered), (1, 2));
        assert!(lex.is_menu_word("Bà Rịa - Vũng Tàu"));
        assert!(lex.is_menu_word("• Thừa Thiên Huế"));
        assert!(!lex.is_menu_word("Thu Hằng"));
    }

    #[test]
    fn menu_labels_agree_with_the_reference() {
        let lex = lexicon();
        // Every label of the lexicon, alone, after a word no label starts with, and in pairs.
        let mut lines: Vec<String> = lex.menu_phrase.iter().cloned().collect();
        lines.sort();
        let pairs: Vec<String> = lines.windows(2).map(|w| w.join(" ")).collect();
        let odd: Vec<String> = lines.iter().map(|l| format!("zzz {l} qqq")).collect();
        lines.extend(pairs);
        lines.extend(odd);
        lines.extend(
            [
                "Trang chủ Tin tức Chính trị Quốc phòng an ninh Quốc tế Bạn đọc",
                "Bà Rịa - Vũng Tàu Bạc Liêu",
                "Kinh tế Việt Nam tăng trưởng trong quý ba",
                "Thời sự – Thế giới – Kinh tế – Văn hóa",
                "",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for line in &lines {
            let got = lex.menu_labels(&fold(line));
            assert_eq!(got, lex.menu_labels_reference(line), "{line:?}");
            found += got.0;
        }
        assert!(found > lines.len() / 2, "{found}");
    }

    #[test]
    fn first_word_agrees_with_reading_characters() {
        for s in [
            "",
            " ",
            ">> xem them: a",
            "tin lien quan",
            "  ",
            "...",
            "ab",
            "a-b",
            "«xem»",
            "ωμεγα 1",
            ">> ωμ",
            "x中文 y",
            "中文",
            "» doc them",
            "12/3 x",
            "a\u{301}b",
        ] {
            assert_eq!(first_word(s), first_word_chars(s), "{s:?}");
        }
    }

    #[test]
    fn prompts_and_links() {
        let lex = lexicon();
        let prefixed = |line: &str| lex.is_related_prefixed(&fold(line));
        assert!(prefixed(">> Xem thêm: Hội chợ hàng Việt Nam tại Busan"));
        assert!(prefixed("» Đọc thêm: Hai nước ký bản ghi nhớ"));
        assert!(!prefixed("Xem thêm các hoạt động của đoàn trong tuần"));
        assert!(lex.is_share(&fold("Lưu"), 1));
        assert!(!lex.is_share(&fold("Lưu ý: đoàn làm việc trong tuần tới"), 7));
        assert!(lex.is_related_header(&fold("Tin liên quan:")));
        assert!(lex.is_footer("Bản quyền thuộc về báo", &fold("Bản quyền thuộc về báo"), 5));
        assert!(lex.is_byline_label("Bài và ảnh"));
        assert!(lex.is_byline_label("Bài, ảnh"));
        assert!(!lex.is_byline_label("Kết quả"));
    }
}
