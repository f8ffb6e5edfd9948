//! The phrase lists of page templates, read once from `data/boilerplate.tsv`.
//!
//! Phrases are stored folded (see [`biennien_text::fold`]), so that a header written without
//! diacritics or in capitals still matches.

use std::sync::LazyLock;

use biennien_text::{fold, fold_chars, is_alphanumeric};

use biennien_text::hash::{FastMap as HashMap, FastSet as HashSet};

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
    /// The first words (see [`first_word`]) of the related headers, related prefixes and
    /// footer phrases: a line whose folded first word is none of them is none of these.
    openers: HashSet<String>,
    /// The first words of the share phrases and labels, likewise.
    share_openers: HashSet<String>,
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

/// The bytes of a folded line that the prefix tests look at.
const HEAD_BYTES: usize = 128;

/// The first word (see [`first_word`]) of the head (see [`head`]) of the fold of `line`, read
/// character by character from the start of `line` without folding the rest of it: `None`
/// when the word does not end within the head. `buf` receives the word.
pub(crate) fn folded_first_word<'b>(line: &str, buf: &'b mut String) -> Option<&'b str> {
    buf.clear();
    // Bytes of the fold read so far.
    let mut at = 0;
    // ASCII bytes fold to themselves in lower case (NUL to nothing): read byte by byte while
    // they last, then character by character.
    let bytes = line.as_bytes();
    let ascii = bytes
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(bytes.len());
    for &b in &bytes[..ascii] {
        if b == 0 {
            continue;
        }
        let alnum = b.is_ascii_alphanumeric();
        if !alnum && !buf.is_empty() {
            return Some(buf.as_str());
        }
        at += 1;
        if at > HEAD_BYTES {
            return None;
        }
        if alnum {
            buf.push(char::from(b.to_ascii_lowercase()));
        }
    }
    for c in fold_chars(&line[ascii..]) {
        let alnum = is_alphanumeric(c);
        if !alnum && !buf.is_empty() {
            break;
        }
        at += c.len_utf8();
        if at > HEAD_BYTES {
            return None;
        }
        if alnum {
            buf.push(c);
        }
    }
    Some(buf.as_str())
}

/// The first 128 bytes of a folded line (cut at a character boundary): enough for any template
/// phrase and what follows it, so that long paragraphs are not scanned whole.
fn head(line: &str) -> &str {
    // Bytes, not characters: folded text is nearly all ASCII.
    let mut end = line.len().min(HEAD_BYTES);
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
                    lex.openers.insert(first_word(&folded).to_string());
                    lex.related_header.insert(folded);
                }
                "related_prefix" => lex.related_prefix.push(folded),
                "share" => lex.share.push(folded),
                "share_label" => {
                    lex.share_openers.insert(first_word(&folded).to_string());
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
        for list in [&lex.related_prefix, &lex.footer] {
            lex.openers.extend(list.by_first_word.keys().cloned());
        }
        lex.share_openers
            .extend(lex.share.by_first_word.keys().cloned());
        lex
    }

    /// Whether a line whose folded first word (see [`folded_first_word`]) is `word` may be a
    /// related header ([`Lexicon::is_related_header`]), a related link
    /// ([`Lexicon::is_related_prefixed`]) or a footer phrase ([`Lexicon::is_footer`] without
    /// the copyright sign): when not, none of these tests can hold.
    pub(crate) fn may_open(&self, word: &str) -> bool {
        self.openers.contains(word)
    }

    /// Whether a line whose folded first word (see [`folded_first_word`]) is `word` may be a
    /// share prompt ([`Lexicon::is_share`]): when not, it is none.
    pub(crate) fn may_open_share(&self, word: &str) -> bool {
        self.share_openers.contains(word)
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

    /// Lines for the tests of first words: phrases of every kind as written, in capitals,
    /// after arrows, with text after them, and lines the phrases must not match.
    fn phrase_lines() -> Vec<String> {
        let lex = lexicon();
        let mut phrases: Vec<String> = lex.related_header.iter().cloned().collect();
        for list in [&lex.related_prefix, &lex.footer, &lex.share] {
            phrases.extend(list.by_first_word.values().flatten().cloned());
        }
        phrases.sort();
        let mut lines = Vec::new();
        for p in &phrases {
            lines.push(p.clone());
            lines.push(p.to_uppercase());
            lines.push(format!(">> {p}: Hội chợ hàng Việt Nam"));
            lines.push(format!("{p} là một"));
            lines.push(format!("{p}x"));
        }
        lines.extend(
            [
                "Tin liên quan",
                "TIN LIÊN QUAN:",
                "» Đọc thêm: Hai nước ký bản ghi nhớ",
                "© 2023 Thời báo Ngoại giao",
                "Bản quyền thuộc về báo",
                "Hai bên nhất trí tăng cường hợp tác.",
                "",
                "...",
                "» » »",
                "\u{301}\u{301}Tin liên quan",
                "\0Xem thêm: x",
                "ΩΜΕΓΑ 1",
                "中文 Tin",
            ]
            .map(String::from),
        );
        // Words that end before, at and after the head's last byte.
        for pad in [120, 123, 124, 125, 126, 127, 128] {
            lines.push(format!("{}Xem thêm: x", "-".repeat(pad)));
            lines.push(format!("{}xem", "·".repeat(pad / 2)));
            lines.push("ạ".repeat(pad));
        }
        lines.push("a".repeat(200));
        lines
    }

    #[test]
    fn folded_first_words_agree_with_folding_the_line() {
        let mut buf = String::new();
        let mut seen = [0, 0];
        for line in phrase_lines() {
            let folded = fold(&line);
            let f = head(&folded).trim_start_matches(|c: char| !is_alphanumeric(c));
            let want = first_word(f);
            match folded_first_word(&line, &mut buf) {
                Some(w) => {
                    assert_eq!(w, want, "{line:?}");
                    seen[0] += 1;
                }
                // Only when the word runs past the head.
                None => {
                    let start = folded.find(is_alphanumeric).unwrap_or(folded.len());
                    let end = start + first_word_chars(&folded[start..]).len();
                    assert!(end > HEAD_BYTES, "{line:?}");
                    seen[1] += 1;
                }
            }
        }
        assert!(seen[0] > 20 && seen[1] > 0, "{seen:?}");
    }

    #[test]
    fn lines_that_open_no_phrase_match_none() {
        let lex = lexicon();
        let mut buf = String::new();
        let mut seen = [0, 0];
        for line in phrase_lines() {
            let folded = fold(&line);
            let any = lex.is_related_header(&folded)
                || lex.is_related_prefixed(&folded)
                || (!line.contains('©') && lex.is_footer(&line, &folded, 3));
            let first = folded_first_word(&line, &mut buf);
            let opens = first.is_none_or(|w| lex.may_open(w));
            assert!(opens || !any, "{line:?}");
            seen[usize::from(any)] += 1;
            let share = lex.is_share(&folded, 3);
            let opens_share = first.is_none_or(|w| lex.may_open_share(w));
            assert!(opens_share || !share, "{line:?}");
            seen[usize::from(share)] += 1;
        }
        assert!(seen[0] > 20 && seen[1] > 20, "{seen:?}");
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
