//! Case-folded copies of a body, made once per article and sliced per sentence.
//!
//! Events read sentences lower-cased and facts read them folded; both maps are character by
//! character, so the copy of a sentence is the slice of the body's copy between the images of
//! the sentence's bounds. Making the copy once per article instead of once per sentence (and
//! per module) saves a pass and two allocations for every sentence.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use biennien_text::fold_with_offsets;

/// A copy of a text with, for each of its bytes and one past its end, the byte offset in the
/// text of the character it came from (non-decreasing; the last entry is the text's length).
#[derive(Debug, Clone, Default)]
pub struct Mapped {
    text: String,
    map: Vec<usize>,
}

impl Mapped {
    /// `text` with each character lower-cased to the first character of its lower case.
    pub fn lower(text: &str) -> Self {
        lower_same_length(text).unwrap_or_else(|| lower_by_char(text))
    }

    /// `text` folded by [`biennien_text::fold`] (lower case, no diacritics).
    pub fn fold(text: &str) -> Self {
        let (text, map) = fold_with_offsets(text);
        Mapped { text, map }
    }

    /// The whole copy.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// For each byte of the copy and one past its end, the byte offset in the text of the
    /// character it came from.
    pub fn map(&self) -> &[usize] {
        &self.map
    }

    /// The copy of `text[start..end]` (bounds on char boundaries), with its map: one entry per
    /// byte and one past its end, which is the offset of the first character kept at or after
    /// `end`.
    pub fn span(&self, start: usize, end: usize) -> (&str, &[usize]) {
        let lo = self.at(start);
        let hi = self.at(end).max(lo);
        match (self.text.get(lo..hi), self.map.get(lo..=hi)) {
            (Some(t), Some(m)) => (t, m),
            _ => ("", &[]),
        }
    }

    /// The byte offset in the copy of the text's byte offset `offset` (a char boundary).
    pub fn at(&self, offset: usize) -> usize {
        self.map.partition_point(|&o| o < offset)
    }

    /// The copy of `text[start..end]`.
    pub fn str(&self, start: usize, end: usize) -> &str {
        self.span(start, end).0
    }
}

/// [`Mapped::lower`] when every character's lower case has its UTF-8 length (all Vietnamese
/// text): the copy is the text with the changed characters replaced and ASCII lower-cased in
/// one pass, and the map is the identity but for the continuation bytes of each non-ASCII
/// character. `None` when some character's lower case has another length.
fn lower_same_length(text: &str) -> Option<Mapped> {
    let bytes = text.as_bytes();
    let table = lower_table();
    let mut out = String::with_capacity(text.len());
    let mut map: Vec<usize> = (0..text.len() + 1).collect();
    let mut copied = 0;
    let mut at = next_non_ascii(bytes, 0);
    while at < bytes.len() {
        // The character at `at`, decoded from its bytes for the two- and three-byte forms
        // (every Vietnamese letter), by the standard decoder otherwise.
        let (c, len) = match *bytes.get(at..)? {
            [b0 @ 0xC0..=0xDF, b1, ..] => (
                char::from_u32((u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F))?,
                2,
            ),
            [b0 @ 0xE0..=0xEF, b1, b2, ..] => (
                char::from_u32(
                    (u32::from(b0 & 0x0F) << 12)
                        | (u32::from(b1 & 0x3F) << 6)
                        | u32::from(b2 & 0x3F),
                )?,
                3,
            ),
            _ => {
                let c = text.get(at..)?.chars().next()?;
                (c, c.len_utf8())
            }
        };
        if let Some(m) = map.get_mut(at + 1..at + len) {
            m.fill(at);
        }
        let l = table
            .get(c as usize)
            .copied()
            .unwrap_or_else(|| lower_char(c));
        if l != c {
            if l.len_utf8() != len {
                return None;
            }
            out.push_str(text.get(copied..at).unwrap_or_default());
            out.push(l);
            copied = at + len;
        }
        at = next_non_ascii(bytes, at + len);
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    out.make_ascii_lowercase();
    Some(Mapped { text: out, map })
}

/// [`Mapped::lower`] character by character, for any text.
fn lower_by_char(text: &str) -> Mapped {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII bytes without decoding a character.
        if b < 0x80 {
            out.push(char::from(b.to_ascii_lowercase()));
            map.push(i);
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let l = lower_char(c);
        map.extend(std::iter::repeat_n(i, l.len_utf8()));
        out.push(l);
        i += c.len_utf8();
    }
    map.push(text.len());
    Mapped { text: out, map }
}

/// The offset of the first byte at or after `from` that is not ASCII (`bytes.len()` if none),
/// testing eight bytes at a time.
fn next_non_ascii(bytes: &[u8], mut from: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(word) = bytes.get(from..from + 8) {
        let mut w = [0; 8];
        w.copy_from_slice(word);
        let high = u64::from_le_bytes(w) & HIGH;
        if high != 0 {
            return from + (high.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    let rest = bytes.get(from..).unwrap_or_default();
    from + rest.iter().position(|&b| b >= 0x80).unwrap_or(rest.len())
}

/// The first character of the lower case of `c`. Characters below U+2000 (every Vietnamese
/// letter among them) are looked up in a table made once from `char::to_lowercase`, which is
/// a search of Unicode's case tables for each character.
pub(crate) fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    lower_table()
        .get(c as usize)
        .copied()
        .unwrap_or_else(|| first_lower(c))
}

/// The first character of the lower case of `c`, from Unicode's case tables.
fn first_lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// [`first_lower`] of every character below U+2000, made once.
fn lower_table() -> &'static [char] {
    const TABLED: u32 = 0x2000;
    static TABLE: OnceLock<Vec<char>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..TABLED)
            .map(|u| char::from_u32(u).map_or('\0', first_lower))
            .collect()
    })
}

/// How common each byte is in lower-cased and folded Vietnamese news text, on a log scale
/// (0: never seen, 255: the space). Only used to pick which byte of a needle to look for.
#[rustfmt::skip]
const BYTE_RANK: [u8; 256] = [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 188, 0, 0, 115, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    255, 0, 108, 0, 0, 1, 0, 0, 108, 108, 0, 64, 165, 146, 160, 142,
    149, 145, 156, 119, 106, 117, 100, 105, 92, 119, 129, 95, 0, 0, 42, 0,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 106, 0, 0, 83,
    0, 224, 173, 209, 183, 192, 83, 212, 228, 223, 72, 166, 179, 190, 236, 213,
    186, 159, 182, 172, 222, 208, 184, 102, 117, 163, 102, 14, 107, 14, 0, 0,
    141, 114, 0, 136, 51, 89, 0, 154, 0, 36, 0, 134, 0, 101, 0, 47,
    42, 173, 38, 88, 1, 114, 1, 75, 84, 135, 0, 139, 56, 110, 0, 117,
    169, 180, 135, 155, 65, 128, 76, 143, 1, 139, 129, 95, 103, 138, 1, 111,
    158, 118, 93, 126, 122, 66, 0, 108, 1, 99, 187, 210, 0, 86, 0, 138,
    0, 0, 165, 199, 172, 47, 165, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 219, 142, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
];

/// The index of the byte of `needle` least common in text (the first of equals), `None` for
/// an empty needle.
fn rarest_byte(needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let (mut at, mut rank) = (0, BYTE_RANK[usize::from(first)]);
    for (i, &b) in rest.iter().enumerate() {
        let r = BYTE_RANK[usize::from(b)];
        if r < rank {
            (at, rank) = (i + 1, r);
        }
    }
    Some(at)
}

/// The byte offset of the first occurrence of `needle` in `hay`, like `hay.find(needle)`.
///
/// For a sentence-long `hay` the standard search costs more to set up (a two-way searcher per
/// call) than to run; here the byte of `needle` least common in text is looked for with
/// `memchr` and each hit compared in place. Hits come left to right, and so do the starts
/// they give.
pub(crate) fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(k) = rarest_byte(n) else {
        return Some(0);
    };
    if n.len() > h.len() {
        return None;
    }
    let b = n[k];
    // A match of UTF-8 `needle` in UTF-8 `hay` starts on a char boundary, as with `find`.
    memchr::memchr_iter(b, h.get(k..h.len() - (n.len() - 1 - k)).unwrap_or_default())
        .find(|&s| h.get(s..).is_some_and(|rest| rest.starts_with(n)))
}

/// The starts of the non-overlapping occurrences of `needle` in `hay`, left to right, as
/// `str::match_indices` gives them, without building a searcher on each call: these run for
/// every sentence, and most of the needles are short. `needle` must not be empty.
pub(crate) fn match_starts<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        if needle.is_empty() {
            return None;
        }
        let at = from + find_str(hay.get(from..)?, needle)?;
        from = at + needle.len();
        Some(at)
    })
}

/// Whether `needle` occurs in `hay`, like `hay.contains(needle)` (see [`find_str`]).
pub(crate) fn has(hay: &str, needle: &str) -> bool {
    find_str(hay, needle).is_some()
}

/// A fixed set of phrases, found together in one pass over a whole text: cheaper than one
/// substring search per phrase and sentence, whose set-up costs more than the search.
#[derive(Debug)]
pub(crate) struct Phrases {
    /// Leftmost-first search of every phrase: from any point, where the next occurrence of
    /// any phrase starts. `None` when it could not be built or a phrase is empty.
    first: Option<AhoCorasick>,
    /// For each byte, the indices of the phrases that start with it.
    by_first: Vec<Vec<usize>>,
    phrases: Vec<String>,
}

impl Phrases {
    /// The set of `phrases`.
    pub(crate) fn new<I, S>(phrases: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let phrases: Vec<String> = phrases.into_iter().map(Into::into).collect();
        let mut by_first: Vec<Vec<usize>> = vec![Vec::new(); 256];
        let mut all_start = true;
        for (k, p) in phrases.iter().enumerate() {
            match p
                .as_bytes()
                .first()
                .and_then(|&b| by_first.get_mut(usize::from(b)))
            {
                Some(list) => list.push(k),
                None => all_start = false,
            }
        }
        let first = if all_start {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(&phrases)
                .ok()
        } else {
            None
        };
        Phrases {
            first,
            by_first,
            phrases,
        }
    }

    /// Every occurrence of every phrase in `hay`, overlapping ones included, as byte spans
    /// with the index of the phrase found there, sorted by start (then end, then index).
    ///
    /// A leftmost search from a point finds the first place at or after it where some phrase
    /// starts; the phrases that start there are read off in place, and the search goes on
    /// from the next byte. The search skips the (many) stretches where no phrase starts with
    /// a prefilter, which a search for overlapping matches cannot use.
    pub(crate) fn occurrences_of(&self, hay: &str) -> Vec<(usize, usize, usize)> {
        let Some(ac) = &self.first else {
            return self.occurrences_by_phrase(hay);
        };
        let h = hay.as_bytes();
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        let mut from = 0;
        while from < h.len() {
            let input = aho_corasick::Input::new(h).span(from..h.len());
            let Some(m) = ac.find(input) else {
                break;
            };
            let at = m.start();
            let rest = h.get(at..).unwrap_or_default();
            let starting = rest
                .first()
                .and_then(|&b| self.by_first.get(usize::from(b)))
                .map_or(&[][..], Vec::as_slice);
            let before = out.len();
            for &k in starting {
                if let Some(p) = self.phrases.get(k) {
                    if rest.starts_with(p.as_bytes()) {
                        out.push((at, at + p.len(), k));
                    }
                }
            }
            if let Some(found) = out.get_mut(before..) {
                found.sort_unstable();
            }
            from = at + 1;
        }
        out
    }

    /// [`Phrases::occurrences_of`] phrase by phrase, for any set of phrases.
    fn occurrences_by_phrase(&self, hay: &str) -> Vec<(usize, usize, usize)> {
        let h = hay.as_bytes();
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        for (k, p) in self.phrases.iter().enumerate() {
            let p = p.as_bytes();
            for at in 0..=h.len().saturating_sub(p.len()) {
                if h.get(at..).is_some_and(|rest| rest.starts_with(p)) {
                    out.push((at, at + p.len(), k));
                }
            }
        }
        out.sort_unstable();
        out
    }
}

/// The occurrences (see [`Phrases::occurrences_of`]) that lie within `[start, end)`.
pub(crate) fn within(
    spans: &[(usize, usize, usize)],
    start: usize,
    end: usize,
) -> impl Iterator<Item = &(usize, usize, usize)> {
    let from = spans.partition_point(|&(s, _, _)| s < start);
    spans
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(move |&&(s, _, _)| s < end)
        .filter(move |&&(_, e, _)| e <= end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_equal_copies_of_the_span() {
        let text = "Đà Nẵng, THỤY Sĩ. Ông A\u{301}nh đến.";
        let lower = Mapped::lower(text);
        let folded = Mapped::fold(text);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &s in &bounds {
            for &e in bounds.iter().filter(|&&e| e >= s) {
                let part = &text[s..e];
                let l: String = part
                    .chars()
                    .map(|c| c.to_lowercase().next().unwrap_or(c))
                    .collect();
                assert_eq!(lower.str(s, e), l);
                assert_eq!(folded.str(s, e), biennien_text::fold(part));
                let (t, m) = lower.span(s, e);
                assert_eq!(m.len(), t.len() + 1);
                assert_eq!(m.last().copied(), Some(e));
            }
        }
    }

    #[test]
    fn lower_in_one_pass_is_lower_by_char() {
        let texts = [
            "",
            "abc",
            "ĐÀ NẴNG, Thụy Sĩ: Ông Nguyễn Xuân Phúc gặp TT Obama (2016).",
            "Ủy ban nhân dân tỉnh Hòa Bình ĐƯỢC THÀNH LẬP năm 1886",
            "Müller, Ångström, ÆØÅ, Σίσυφος ΟΔΥΣΣΕΥΣ, Москва МОСКВА",
            "combining: A\u{301}nh o\u{323}\u{302} and 12345678901234567 ascii run \u{0}",
            "一二三 中文 ß ẞ Ǆ ǅ ǆ",
            "long ascii run without any accent at all, only letters",
            "emoji 😀 and 𝐀 (four bytes), ⅠⅡ Ⓐ Ｚ ＡＢＣ (three bytes past U+2000)",
        ];
        for (k, text) in texts.into_iter().enumerate() {
            let fast = lower_same_length(text);
            let slow = lower_by_char(text);
            // All but the text with `ẞ` (whose lower case `ß` is shorter) take the one pass.
            assert_eq!(fast.is_some(), k != 6, "{text:?}");
            if let Some(fast) = fast {
                assert_eq!(
                    (fast.text(), fast.map()),
                    (slow.text(), slow.map()),
                    "{text:?}"
                );
            }
            let any = Mapped::lower(text);
            assert_eq!(
                (any.text(), any.map()),
                (slow.text(), slow.map()),
                "{text:?}"
            );
        }
        // Lower cases of another length take the path by character.
        for text in ["İstanbul", "ȺB", "\u{212A}elvin"] {
            assert!(lower_same_length(text).is_none(), "{text:?}");
            let any = Mapped::lower(text);
            let slow = lower_by_char(text);
            assert_eq!(
                (any.text(), any.map()),
                (slow.text(), slow.map()),
                "{text:?}"
            );
        }
        // Every character below U+3000 next to ASCII on both sides.
        for c in (0..0x3000).filter_map(char::from_u32) {
            let text = format!("Ab{c}Cd{c}{c}xYz");
            let slow = lower_by_char(&text);
            if let Some(fast) = lower_same_length(&text) {
                assert_eq!(
                    (fast.text(), fast.map()),
                    (slow.text(), slow.map()),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn next_non_ascii_finds_the_first_high_byte() {
        let text = "abcdefghijklmnopqrstuvwxyzé0123456789ĐABCDEFGHIJ";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() {
            let want = (from..bytes.len())
                .find(|&i| bytes[i] >= 0x80)
                .unwrap_or(bytes.len());
            assert_eq!(next_non_ascii(bytes, from), want, "{from}");
        }
    }

    #[test]
    fn the_lower_case_table_is_char_to_lowercase() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(lower_char(c), c.to_lowercase().next().unwrap_or(c), "{c:?}");
        }
    }

    #[test]
    fn match_starts_are_match_indices() {
        let hay = " tang tang  tặng tang, ở tại ở  tai ";
        for needle in [" tang ", "tang", " ", "  ", "ở ", "tại ", "ng t", "x", "a"] {
            let want: Vec<usize> = hay.match_indices(needle).map(|(i, _)| i).collect();
            let got: Vec<usize> = match_starts(hay, needle).collect();
            assert_eq!(got, want, "{needle:?}");
        }
        assert_eq!(match_starts(hay, "").count(), 0);
    }

    #[test]
    fn find_str_finds_like_find() {
        let hay = "đã hỗ trợ  tăng, ho tro tang ";
        for needle in [
            "", " ", "  ", "tang", " tang ", "ho tro", "trợ", "đã", "x", " ,", "g ",
        ] {
            assert_eq!(find_str(hay, needle), hay.find(needle), "{needle:?}");
            assert_eq!(has(hay, needle), hay.contains(needle), "{needle:?}");
        }
        assert_eq!(find_str("", "a"), None);
        assert_eq!(find_str("", ""), Some(0));
    }

    #[test]
    fn rarest_byte_is_the_first_of_the_least_common() {
        for needle in [
            "",
            " ",
            "thiết lập quan hệ",
            "kỷ niệm",
            "  tang ",
            "qq",
            "aaa",
            "ẞ x",
        ] {
            let n = needle.as_bytes();
            let want = (0..n.len()).min_by_key(|&i| (BYTE_RANK[usize::from(n[i])], i));
            assert_eq!(rarest_byte(n), want, "{needle:?}");
        }
        assert_eq!(rarest_byte(b"thiet lap quan he"), Some(10));
    }

    #[test]
    fn find_str_finds_every_substring_like_find() {
        let hays = [
            "Thủ tướng Nguyễn Xuân Phúc tiếp Đại sứ Hungary ngày 12/3/2019, kỷ niệm 70 năm.",
            "thiết lập quan hệ ngoại giao; kỷ niệm  kỷ niệm cùng ngày, cùng ngày",
            "kim ngach thuong mai hai chieu dat 1,5 ty usd (qqq) zzz xx",
            "aaaa abab ababab Müller ÆØÅ Москва 一二三 ẞ",
            "",
        ];
        for hay in hays {
            let bounds: Vec<usize> = (0..=hay.len())
                .filter(|&i| hay.is_char_boundary(i))
                .collect();
            for &s in &bounds {
                for &e in bounds.iter().filter(|&&e| e >= s && e - s <= 24) {
                    // Every piece of the text, and pieces of other texts.
                    for needle in [&hay[s..e], "kỷ niệm", "qz", "ẞ ", " x", "ababab"] {
                        assert_eq!(
                            find_str(hay, needle),
                            hay.find(needle),
                            "{hay:?} {needle:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn phrases_are_found_overlapping() {
        let p = Phrases::new([" tang ", " ho tro ", "ho"]);
        let hay = "da ho tro va tang ";
        let found = p.occurrences_of(hay);
        assert_eq!(found, vec![(2, 10, 1), (3, 5, 2), (12, 18, 0)]);
        assert_eq!(within(&found, 3, 6).collect::<Vec<_>>(), vec![&(3, 5, 2)]);
        assert_eq!(within(&found, 4, 17).count(), 0);
        assert_eq!(within(&found, 0, 18).count(), 3);
    }

    #[test]
    fn phrases_found_by_leftmost_search_are_all_occurrences() {
        // Phrases inside, overlapping, prefixing and repeating one another, a repeated phrase
        // and non-ASCII ones; every hay is checked against the phrase-by-phrase search.
        let sets: [&[&str]; 4] = [
            &[
                "thiet lap quan he",
                "lap quan he ngoai giao",
                "quan he",
                "he",
            ],
            &[" tang ", " ho tro ", "ho", "o t", "ho tro", "ho"],
            &["aa", "aaa", "a", "ba"],
            &["đối tác", "tác chiến", "ác", "đ"],
        ];
        let hays = [
            "",
            "a",
            "aaaa baaa ab",
            "thiet lap quan he ngoai giao va lap quan he; he he",
            "da ho tro va tang ho tro ho tro tang ",
            "đối tác chiến lược, đối tác; tác chiến đđ",
            "x thiet lap quan hx ho trx aaab",
        ];
        for set in sets {
            let p = Phrases::new(set.iter().copied());
            assert!(p.first.is_some());
            for hay in hays {
                let want = p.occurrences_by_phrase(hay);
                assert_eq!(p.occurrences_of(hay), want, "{set:?} {hay:?}");
            }
        }
        // Each occurrence the slow search gives is real, and a set with an empty phrase falls
        // back to it.
        let p = Phrases::new(["he", "e"]);
        assert_eq!(
            p.occurrences_by_phrase("hehe"),
            vec![(0, 2, 0), (1, 2, 1), (2, 4, 0), (3, 4, 1)]
        );
        let p = Phrases::new(["", "ab"]);
        assert!(p.first.is_none());
        assert_eq!(p.occurrences_of("ab").len(), 4);
    }
}
