//! Normalization to NFC that touches only the characters that need it.
//!
//! NFC acts locally: text can be cut before any *stable* character (a starter that NFC leaves
//! alone and that never combines with what precedes it: combining class 0 and
//! `NFC_Quick_Check=Yes`), and the pieces normalized on their own. So [`nfc`] copies runs of
//! stable characters through and normalizes only each *cluster*: a stable character together
//! with the unstable characters after it (combining marks, characters NFC may change). Text
//! that is already NFC comes back as it is, without a copy.

use std::iter;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// `text` in NFC: the same as `text.nfc().collect()`, without copying when it already is.
pub(crate) fn nfc(text: String) -> String {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    // Bytes of `text` already written to `out` (or known to need no change).
    let mut done = 0;
    let mut cluster = String::new();
    let mut i = 0;
    while let Some(at) = next_suspect(bytes, i) {
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        if stable(c) {
            i = at + c.len_utf8();
            continue;
        }
        // Every character from `done` up to `at` is stable: the cluster starts at the one just
        // before `at` (or at `at` itself at the start of the text).
        let start = text
            .get(..at)
            .and_then(|head| head.char_indices().next_back())
            .map_or(at, |(s, _)| s)
            .max(done);
        let mut end = at + c.len_utf8();
        while let Some(d) = text.get(end..).and_then(|rest| rest.chars().next()) {
            if stable(d) {
                break;
            }
            end += d.len_utf8();
        }
        let piece = text.get(start..end).unwrap_or_default();
        cluster.clear();
        match compose_all(piece) {
            Some(c) => cluster.push(c),
            None => cluster.extend(piece.nfc()),
        }
        if cluster != piece {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
            o.push_str(text.get(done..start).unwrap_or_default());
            o.push_str(&cluster);
            done = end;
        }
        i = end;
    }
    match out {
        None => text,
        Some(mut o) => {
            o.push_str(text.get(done..).unwrap_or_default());
            o
        }
    }
}

/// The position of the next byte from `from` on that may start an unstable character: a lead
/// byte of U+0300 or above (`0xCC` and up) that does not start a character of Latin Extended
/// Additional (U+1E00–U+1EFF, precomposed Vietnamese) or of U+2002–U+20BF (punctuation,
/// super- and subscripts, currency), all of which are stable.
fn next_suspect(bytes: &[u8], from: usize) -> Option<usize> {
    let surely_stable = |lead: usize| {
        matches!(
            (bytes.get(lead), bytes.get(lead + 1), bytes.get(lead + 2)),
            (Some(0xE1), Some(0xB8..=0xBB), _)
                | (Some(0xE2), Some(0x80), Some(0x82..))
                | (Some(0xE2), Some(0x81 | 0x82), _)
        )
    };
    let rest = bytes.get(from..)?;
    let mut words = rest.chunks_exact(8);
    let mut at = from;
    for word in words.by_ref() {
        let mut leads = high_leads(word);
        while leads != 0 {
            let lead = at + (leads.trailing_zeros() / 8) as usize;
            if !surely_stable(lead) {
                return Some(lead);
            }
            leads &= leads - 1;
        }
        at += 8;
    }
    for (i, &b) in words.remainder().iter().enumerate() {
        if b >= 0xCC && !surely_stable(at + i) {
            return Some(at + i);
        }
    }
    None
}

/// For eight bytes, the top bit of each byte of 0xCC or above (a lead byte of U+0300 and
/// above), all others clear: computed on the eight at once. Other lengths give 0.
fn high_leads(word: &[u8]) -> u64 {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const SHIFT: u64 = 0x3434_3434_3434_3434;
    let Ok(w) = <[u8; 8]>::try_from(word) else {
        return 0;
    };
    let w = u64::from_le_bytes(w);
    // A byte is at least 0xCC when its top bit is set and its low seven bits are at least
    // 0x4C, that is when they reach 0x80 once 0x34 is added (which never carries further).
    ((w & LOW) + SHIFT) & w & HIGH
}

/// NFC of a cluster whose characters compose pairwise, from the first on, into one character:
/// that character (it is canonically equivalent to the cluster, and a composite is NFC).
/// `None` when some pair does not compose.
fn compose_all(cluster: &str) -> Option<char> {
    let mut chars = cluster.chars();
    let mut acc = chars.next()?;
    let mut steps = 0;
    for c in chars {
        acc = unicode_normalization::char::compose(acc, c)?;
        steps += 1;
    }
    (steps > 0).then_some(acc)
}

/// Whether `c` is a starter that NFC leaves alone and that never combines with what precedes
/// it (combining class 0 and `NFC_Quick_Check=Yes`): a safe place to cut text for NFC.
fn stable(c: char) -> bool {
    let u = u32::from(c);
    if u < 0x300 || (0x1E00..=0x1EFF).contains(&u) {
        return true;
    }
    if u <= 0x36F {
        // Combining diacritical marks; U+034F COMBINING GRAPHEME JOINER alone is a starter.
        return u == 0x34F;
    }
    canonical_combining_class(c) == 0 && is_nfc_quick(iter::once(c)) == IsNormalized::Yes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(s: &str) -> String {
        s.nfc().collect()
    }

    #[test]
    fn stable_matches_the_unicode_tables() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let want = canonical_combining_class(c) == 0
                && is_nfc_quick(iter::once(c)) == IsNormalized::Yes;
            assert_eq!(stable(c), want, "{c:?}");
        }
    }

    #[test]
    fn high_leads_marks_the_bytes_from_0xcc() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut word = [b'a'; 8];
                word[at] = b;
                let want = if b >= 0xCC { 0x80u64 << (8 * at) } else { 0 };
                assert_eq!(high_leads(&word), want, "{b:#x} at {at}");
            }
        }
        assert_eq!(high_leads(&[0xFF; 8]), 0x8080_8080_8080_8080);
    }

    #[test]
    fn next_suspect_finds_the_first_unstable_lead() {
        let text = "Hà Nội ngày “mới” — ệ ư 100€ e\u{302} x\u{301}";
        let bytes = text.as_bytes();
        for from in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let want = text[from..]
                .char_indices()
                .map(|(i, c)| (i + from, c))
                .find(|&(_, c)| {
                    let u = u32::from(c);
                    u >= 0x300 && !(0x1E00..0x1F00).contains(&u) && !(0x2002..0x20C0).contains(&u)
                })
                .map(|(i, _)| i);
            assert_eq!(next_suspect(bytes, from), want, "from {from}");
        }
    }

    #[test]
    fn skipped_leads_are_stable() {
        for c in (0x1E00..0x1F00)
            .chain(0x2002..0x20C0)
            .filter_map(char::from_u32)
        {
            let s = c.to_string();
            assert_eq!(next_suspect(s.as_bytes(), 0), None, "{c:?}");
            assert!(stable(c), "{c:?}");
        }
        for s in [
            "\u{300}", "\u{2000}", "\u{2001}", "\u{1F71}", "\u{2126}", "日",
        ] {
            assert_eq!(next_suspect(s.as_bytes(), 0), Some(0), "{s:?}");
        }
    }

    #[test]
    fn every_character_after_a_letter_and_before_one() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            for s in [format!("a{c}b"), format!("{c}"), format!("ê{c}\u{323}")] {
                assert_eq!(nfc(s.clone()), full(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn composing_pairwise_agrees_with_full_normalization() {
        let bases = [
            "a", "e", "o", "u", "y", "ê", "ơ", "ư", "ă", "ẹ", "Ư", "\u{1100}", "\u{AC00}",
        ];
        let marks = [
            "\u{300}", "\u{301}", "\u{302}", "\u{303}", "\u{306}", "\u{309}", "\u{31B}", "\u{323}",
            "\u{1161}", "\u{11A8}",
        ];
        let mut composed = 0;
        for b in bases {
            for m1 in marks {
                for m2 in marks.iter().chain([&""]) {
                    let s = format!("{b}{m1}{m2}");
                    if let Some(c) = compose_all(&s) {
                        composed += 1;
                        assert_eq!(c.to_string(), full(&s), "{s:?}");
                    }
                }
            }
        }
        assert!(composed > 20, "{composed}");
        assert_eq!(compose_all("a"), None);
        assert_eq!(compose_all("ê\u{323}"), None);
    }

    #[test]
    fn decomposed_vietnamese_and_other_scripts() {
        for s in [
            "",
            "Vie\u{302}\u{323}t Nam",
            "Vi\u{EA}\u{323}t Nam",
            "\u{301}a",
            "a\u{301}\u{301}",
            "Nguye\u{302}\u{303}n Phu\u{301} Tro\u{323}ng",
            "\u{1100}\u{1161}\u{11A8} \u{AC00}\u{11A8}",
            "\u{212B} \u{2126} \u{1F71} \u{0344}",
            "o\u{31B}\u{301} u\u{31B}\u{300} a\u{306}\u{303}",
            "Hà Nội — “x” 100€ ™",
        ] {
            assert_eq!(nfc(s.to_string()), full(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn same_as_full_normalization(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "e", "o", "u", "A", "ê", "ơ", "ư", "Ư", "ệ", "\u{300}", "\u{301}",
                    "\u{302}", "\u{303}", "\u{306}", "\u{309}", "\u{31B}", "\u{323}", "\u{34F}",
                    "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}", "\u{212B}", "\u{0F73}",
                    "\u{1F71}", " ", "\n", "—", "“", "日",
                ]),
                0..40,
            ),
        ) {
            let s = pieces.concat();
            proptest::prop_assert_eq!(nfc(s.clone()), full(&s));
        }
    }
}
