//! Lossy folding for matching and search: lowercase, no diacritics, `đ` → `d`.
//!
//! Folding maps characters one to one: every input character becomes exactly one output
//! character, except combining marks, which are dropped. So a folded string never has more
//! characters than its input, and [`fold_with_offsets`] can point every output byte back to
//! the input character it came from.
//!
//! ASCII is lowercased in place; the Latin letters (Latin-1, Extended-A/B and Latin Extended
//! Additional, which hold every precomposed Vietnamese letter) go through two lookup tables;
//! anything else takes the general path (first character of the canonical decomposition,
//! lowercased).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds `input` for matching and search: lowercase, every diacritic stripped, `đ`/`Đ` → `d`.
///
/// Each character maps through [`fold_char`]; characters that fold to `'\0'` (combining marks,
/// and NUL itself) are dropped. The output never has more characters than the input. Folding
/// is idempotent: `fold(&fold(s)) == fold(s)`.
///
/// ```
/// use biennien_text::fold;
/// assert_eq!(fold("Bùi Thanh Sơn"), "bui thanh son");
/// assert_eq!(fold("Đà Nẵng"), "da nang");
/// ```
pub fn fold(input: &str) -> String {
    if input.is_ascii() && !input.as_bytes().contains(&0) {
        return input.to_ascii_lowercase();
    }
    fold_by_char(input)
}

/// [`fold`] one character at a time, for any text: for the short texts it is called with,
/// cheaper than setting up the word-at-a-time fold.
fn fold_by_char(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    fold_each(input, |f, _| out.push(f));
    out
}

/// The characters of [`fold`]`(input)`, one by one, without building the string: for
/// comparing a short text with a folded word where an allocation would cost more than the
/// comparison.
///
/// ```
/// use biennien_text::fold_chars;
/// assert!(fold_chars("Nguồn").eq("nguon".chars()));
/// ```
pub fn fold_chars(input: &str) -> impl Iterator<Item = char> + '_ {
    input.chars().map(fold_char).filter(|&c| c != '\0')
}

/// Appends the UTF-8 bytes of the fold of `input` to `out`: the same bytes as
/// `out.extend_from_slice(fold(input).as_bytes())`, without a string of its own, so that many
/// short texts can be folded into one buffer (made a string once, at the end).
///
/// ```
/// use biennien_text::fold_bytes_into;
/// let mut out = b"x ".to_vec();
/// fold_bytes_into("Đà Nẵng", &mut out);
/// assert_eq!(out, b"x da nang");
/// ```
pub fn fold_bytes_into(input: &str, out: &mut Vec<u8>) {
    if input.len() < WORDWISE_FROM {
        // A short text (one word, as a rule) costs less folded directly than through the
        // set-up of the fold eight bytes at a time.
        if input.is_ascii() && !input.as_bytes().contains(&0) {
            out.extend(input.bytes().map(|b| b.to_ascii_lowercase()));
        } else {
            fold_bytes_by_char(input, out);
        }
    } else if input.as_bytes().contains(&0) {
        fold_bytes_by_char(input, out);
    } else {
        fold_in_words::<false>(input, out, &mut Vec::new());
    }
}

/// From this many bytes on, [`fold_bytes_into`] folds eight bytes at a time.
const WORDWISE_FROM: usize = 24;

/// [`fold_bytes_into`] one character at a time, for any text.
fn fold_bytes_by_char(input: &str, out: &mut Vec<u8>) {
    let mut buf = [0; 4];
    fold_each(input, |f, _| {
        out.extend_from_slice(f.encode_utf8(&mut buf).as_bytes());
    });
}

/// Bytes with the high bit set, one per byte of a word.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// One in each byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight ASCII bytes of `word` (read little-endian) lower-cased.
#[inline]
fn ascii_lower_word(word: u64) -> u64 {
    let low = word & !HIGH;
    // The high bit of each byte: at least `A`, and above `Z`. Bytes below 0x80 plus these
    // never carry into the next byte.
    let from_a = low.wrapping_add(ONES * u64::from(0x80 - b'A'));
    let past_z = low.wrapping_add(ONES * u64::from(0x80 - b'Z' - 1));
    let upper = from_a & !past_z & HIGH;
    word | (upper >> 2)
}

/// The last bytes of a text (fewer than eight) as a word, zero-padded, and their number.
#[cold]
fn tail_word(rest: &[u8]) -> (u64, usize) {
    let mut word = [0u8; 8];
    let n = rest.len().min(8);
    if let (Some(dst), Some(src)) = (word.get_mut(..n), rest.get(..n)) {
        dst.copy_from_slice(src);
    }
    (u64::from_le_bytes(word), n)
}

/// Appends the fold of `input` (which must hold no NUL byte) to `out`, and when `MAP`, the
/// offset in `input` of the character each byte comes from to `map`. Runs of ASCII are read
/// and lower-cased eight bytes at a time; the tabled letters are folded from their bytes;
/// other characters go through [`fold_char`].
///
/// The ASCII bytes at the front of each word of eight are written at once (with the word's
/// other bytes, which later writes overwrite), so `out` is given room for the whole input
/// and eight bytes more, and cut to size at the end; `map` grows by the entries it gets.
#[inline]
fn fold_in_words<const MAP: bool>(input: &str, out: &mut Vec<u8>, map: &mut Vec<usize>) {
    let bytes = input.as_bytes();
    let len = bytes.len();
    let out_base = out.len();
    // Room for what is left to fold, plus one word: a character of n bytes folds to at most
    // n bytes but for the general path, which grows the room when it writes more.
    out.resize(out_base + len + 8, 0);
    if MAP {
        map.reserve(len + 1);
    }
    let mut w = 0;
    let mut at = 0;
    while at < len {
        let (word, n) = match bytes.get(at..at + 8) {
            Some(&[b0, b1, b2, b3, b4, b5, b6, b7]) => {
                (u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]), 8)
            }
            _ => tail_word(bytes.get(at..).unwrap_or_default()),
        };
        let high = word & HIGH;
        let ascii = ((high.trailing_zeros() / 8) as usize).min(n);
        if ascii > 0 {
            if let Some(dst) = out.get_mut(out_base + w..out_base + w + 8) {
                dst.copy_from_slice(&ascii_lower_word(word).to_le_bytes());
            }
            if MAP {
                map.extend(at..at + ascii);
            }
            w += ascii;
            at += ascii;
            if ascii == 8 || at >= len {
                continue;
            }
        }
        // `at` starts a character that is not ASCII.
        if let Some((hit, n)) = tabled_fold(bytes, at) {
            if let Some(d) = out.get_mut(out_base + w) {
                *d = hit;
            }
            if MAP {
                map.push(at);
            }
            w += 1;
            at += n;
            continue;
        }
        let Some(c) = input.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let f = fold_char(c);
        let n = c.len_utf8();
        let mut buf = [0; 4];
        let enc: &[u8] = if f == '\0' {
            &[]
        } else {
            f.encode_utf8(&mut buf).as_bytes()
        };
        // Keep room for the rest of the input and one word after this character.
        if enc.len() > n {
            let grow = enc.len() - n;
            out.resize(out.len() + grow, 0);
        }
        if let Some(d) = out.get_mut(out_base + w..out_base + w + enc.len()) {
            d.copy_from_slice(enc);
        }
        if MAP {
            map.extend(std::iter::repeat_n(at, enc.len()));
        }
        w += enc.len();
        at += n;
    }
    out.truncate(out_base + w);
}

/// Walks `input`, calling `emit` with each folded character that is kept and the byte offset of
/// the character it came from. ASCII bytes and the precomposed letters of the tables are folded
/// straight from their bytes; other characters are decoded one at a time.
#[inline]
fn fold_each(input: &str, mut emit: impl FnMut(char, usize)) {
    let bytes = input.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            if b != 0 {
                emit(char::from(b.to_ascii_lowercase()), at);
            }
            at += 1;
            continue;
        }
        // `input` is valid UTF-8: a tabled letter's two or three bytes are read without decoding.
        if let Some((hit, len)) = tabled_fold(bytes, at) {
            emit(char::from(hit), at);
            at += len;
            continue;
        }
        let Some(c) = input.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let f = fold_char(c);
        if f != '\0' {
            emit(f, at);
        }
        at += c.len_utf8();
    }
}

/// Folds one character: lowercase, without diacritics.
///
/// Vietnamese letters fold to their ASCII base letter (`ặ` → `a`, `Ư` → `u`), `đ`, `Đ` and the
/// look-alike `Ð`/`ð` (U+00D0/U+00F0, often typed for `Đ`) to `d`; `Ø`/`ø` → `o`, `Ł`/`ł` → `l`,
/// `ı` → `i`. Other characters fold to the first character of their canonical decomposition,
/// lowercased (first character only: `İ` → `i`).
///
/// **Combining marks fold to `'\0'`** (meaning "drop this"), and so does NUL; [`fold`] and
/// [`fold_with_offsets`] drop every character that folds to `'\0'`.
#[inline]
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    if u < 0x80 {
        return c.to_ascii_lowercase();
    }
    let hit = match u {
        0xC0..=0x24F => LATIN[(u - 0xC0) as usize],
        // Combining diacritical marks (decomposed Vietnamese tones and vowel marks).
        0x300..=0x36F => return '\0',
        0x1E00..=0x1EFF => LATIN_ADDITIONAL[(u - 0x1E00) as usize],
        _ => 0,
    };
    if hit != 0 {
        return char::from(hit);
    }
    fold_general(c)
}

/// Folds `input` like [`fold`], and returns with it, for each byte of the folded string and
/// one past its end, the byte offset in `input` of the character it came from (the last entry
/// is `input.len()`).
///
/// So `offsets.len() == folded.len() + 1`, the offsets are non-decreasing char boundaries of
/// `input`, and a byte span `[a, b)` of the folded string comes from `input[offsets[a]..]`
/// up to the character that produced byte `b - 1`.
pub fn fold_with_offsets(input: &str) -> (String, Vec<usize>) {
    if !input.as_bytes().contains(&0) {
        let mut out = Vec::new();
        let mut map = Vec::new();
        fold_in_words::<true>(input, &mut out, &mut map);
        map.push(input.len());
        if let Ok(out) = String::from_utf8(out) {
            return (out, map);
        }
    }
    fold_with_offsets_by_char(input)
}

/// [`fold_with_offsets`] one character at a time, for any text.
fn fold_with_offsets_by_char(input: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(input.len());
    let mut map = Vec::with_capacity(input.len() + 1);
    fold_each(input, |f, at| {
        out.push(f);
        if f.is_ascii() {
            map.push(at);
        } else {
            map.extend(std::iter::repeat_n(at, f.len_utf8()));
        }
    });
    map.push(input.len());
    (out, map)
}

/// The ASCII fold and byte length of the character starting at `bytes[at]` (the start of a
/// character of valid UTF-8) when it is a letter of U+00C0..=U+024F or U+1E00..=U+1EFF that
/// the tables fold to ASCII; `None` for any other character.
#[inline]
fn tabled_fold(bytes: &[u8], at: usize) -> Option<(u8, usize)> {
    let (u, len) = match *bytes.get(at..)? {
        [b0 @ 0xC3..=0xC9, b1, ..] => ((u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F), 2),
        [0xE1, b1 @ 0xB8..=0xBB, b2, ..] => (
            0x1000 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F),
            3,
        ),
        _ => return None,
    };
    let hit = match u {
        0xC0..=0x24F => LATIN.get((u - 0xC0) as usize),
        0x1E00..=0x1EFF => LATIN_ADDITIONAL.get((u - 0x1E00) as usize),
        _ => None,
    };
    hit.copied().filter(|&h| h != 0).map(|h| (h, len))
}

/// Folds that canonical decomposition does not give (stroked letters).
fn fold_special(c: char) -> Option<char> {
    match c {
        'Đ' | 'đ' | 'Ð' | 'ð' => Some('d'),
        'Ø' | 'ø' => Some('o'),
        'Ł' | 'ł' => Some('l'),
        'ı' => Some('i'),
        _ => None,
    }
}

/// The first character of the canonical decomposition of `c` (`c` itself if it has none).
fn canonical_base(c: char) -> char {
    let mut first = None;
    decompose_canonical(c, |d| {
        if first.is_none() {
            first = Some(d);
        }
    });
    first.unwrap_or(c)
}

/// The general fold: decompose, take the base, lowercase; repeated until nothing changes, so
/// the result is a fixed point (which makes folding idempotent).
pub(crate) fn fold_general(c: char) -> char {
    if let Some(f) = fold_special(c) {
        return f;
    }
    let mut c = c;
    // Each round either returns or changes `c`; a handful of rounds reaches the fixed point.
    for _ in 0..4 {
        if is_combining_mark(c) {
            return '\0';
        }
        let base = canonical_base(c);
        if is_combining_mark(base) {
            return '\0';
        }
        let lower = base.to_lowercase().next().unwrap_or(base);
        if lower == c {
            return c;
        }
        c = fold_special(lower).unwrap_or(lower);
    }
    c
}

/// Folds of U+00C0..=U+024F (Latin-1 letters, Latin Extended-A and -B); 0: not ASCII.
#[rustfmt::skip]
static LATIN: [u8; 400] = [
    b'a', b'a', b'a', b'a', b'a', b'a', 0, b'c', b'e', b'e', b'e', b'e', b'i', b'i', b'i', b'i', // U+00C0
    b'd', b'n', b'o', b'o', b'o', b'o', b'o', 0, b'o', b'u', b'u', b'u', b'u', b'y', 0, 0, // U+00D0
    b'a', b'a', b'a', b'a', b'a', b'a', 0, b'c', b'e', b'e', b'e', b'e', b'i', b'i', b'i', b'i', // U+00E0
    b'd', b'n', b'o', b'o', b'o', b'o', b'o', 0, b'o', b'u', b'u', b'u', b'u', b'y', 0, b'y', // U+00F0
    b'a', b'a', b'a', b'a', b'a', b'a', b'c', b'c', b'c', b'c', b'c', b'c', b'c', b'c', b'd', b'd', // U+0100
    b'd', b'd', b'e', b'e', b'e', b'e', b'e', b'e', b'e', b'e', b'e', b'e', b'g', b'g', b'g', b'g', // U+0110
    b'g', b'g', b'g', b'g', b'h', b'h', 0, 0, b'i', b'i', b'i', b'i', b'i', b'i', b'i', b'i', // U+0120
    b'i', b'i', 0, 0, b'j', b'j', b'k', b'k', 0, b'l', b'l', b'l', b'l', b'l', b'l', 0, // U+0130
    0, b'l', b'l', b'n', b'n', b'n', b'n', b'n', b'n', 0, 0, 0, b'o', b'o', b'o', b'o', // U+0140
    b'o', b'o', 0, 0, b'r', b'r', b'r', b'r', b'r', b'r', b's', b's', b's', b's', b's', b's', // U+0150
    b's', b's', b't', b't', b't', b't', 0, 0, b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', // U+0160
    b'u', b'u', b'u', b'u', b'w', b'w', b'y', b'y', b'y', b'z', b'z', b'z', b'z', b'z', b'z', 0, // U+0170
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // U+0180
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // U+0190
    b'o', b'o', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, b'u', // U+01A0
    b'u', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // U+01B0
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, b'a', b'a', b'i', // U+01C0
    b'i', b'o', b'o', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', 0, b'a', b'a', // U+01D0
    b'a', b'a', 0, 0, 0, 0, b'g', b'g', b'k', b'k', b'o', b'o', b'o', b'o', 0, 0, // U+01E0
    b'j', 0, 0, 0, b'g', b'g', 0, 0, b'n', b'n', b'a', b'a', 0, 0, b'o', b'o', // U+01F0
    b'a', b'a', b'a', b'a', b'e', b'e', b'e', b'e', b'i', b'i', b'i', b'i', b'o', b'o', b'o', b'o', // U+0200
    b'r', b'r', b'r', b'r', b'u', b'u', b'u', b'u', b's', b's', b't', b't', 0, 0, b'h', b'h', // U+0210
    0, 0, 0, 0, 0, 0, b'a', b'a', b'e', b'e', b'o', b'o', b'o', b'o', b'o', b'o', // U+0220
    b'o', b'o', b'y', b'y', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // U+0230
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // U+0240
];
/// Folds of U+1E00..=U+1EFF (Latin Extended Additional, most Vietnamese letters); 0: not ASCII.
#[rustfmt::skip]
static LATIN_ADDITIONAL: [u8; 256] = [
    b'a', b'a', b'b', b'b', b'b', b'b', b'b', b'b', b'c', b'c', b'd', b'd', b'd', b'd', b'd', b'd', // U+1E00
    b'd', b'd', b'd', b'd', b'e', b'e', b'e', b'e', b'e', b'e', b'e', b'e', b'e', b'e', b'f', b'f', // U+1E10
    b'g', b'g', b'h', b'h', b'h', b'h', b'h', b'h', b'h', b'h', b'h', b'h', b'i', b'i', b'i', b'i', // U+1E20
    b'k', b'k', b'k', b'k', b'k', b'k', b'l', b'l', b'l', b'l', b'l', b'l', b'l', b'l', b'm', b'm', // U+1E30
    b'm', b'm', b'm', b'm', b'n', b'n', b'n', b'n', b'n', b'n', b'n', b'n', b'o', b'o', b'o', b'o', // U+1E40
    b'o', b'o', b'o', b'o', b'p', b'p', b'p', b'p', b'r', b'r', b'r', b'r', b'r', b'r', b'r', b'r', // U+1E50
    b's', b's', b's', b's', b's', b's', b's', b's', b's', b's', b't', b't', b't', b't', b't', b't', // U+1E60
    b't', b't', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'v', b'v', b'v', b'v', // U+1E70
    b'w', b'w', b'w', b'w', b'w', b'w', b'w', b'w', b'w', b'w', b'x', b'x', b'x', b'x', b'y', b'y', // U+1E80
    b'z', b'z', b'z', b'z', b'z', b'z', b'h', b't', b'w', b'y', 0, 0, 0, 0, 0, 0, // U+1E90
    b'a', b'a', b'a', b'a', b'a', b'a', b'a', b'a', b'a', b'a', b'a', b'a', b'a', b'a', b'a', b'a', // U+1EA0
    b'a', b'a', b'a', b'a', b'a', b'a', b'a', b'a', b'e', b'e', b'e', b'e', b'e', b'e', b'e', b'e', // U+1EB0
    b'e', b'e', b'e', b'e', b'e', b'e', b'e', b'e', b'i', b'i', b'i', b'i', b'o', b'o', b'o', b'o', // U+1EC0
    b'o', b'o', b'o', b'o', b'o', b'o', b'o', b'o', b'o', b'o', b'o', b'o', b'o', b'o', b'o', b'o', // U+1ED0
    b'o', b'o', b'o', b'o', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', b'u', // U+1EE0
    b'u', b'u', b'y', b'y', b'y', b'y', b'y', b'y', b'y', b'y', 0, 0, 0, 0, 0, 0, // U+1EF0
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_fold_every_character_like_fold_char() {
        for c in (0x80..0x2000).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            let f = fold_char(c);
            let mut want = String::from("a");
            let mut want_map = vec![0];
            if f != '\0' {
                want.push(f);
                want_map.extend(std::iter::repeat_n(1, f.len_utf8()));
            }
            want.push('b');
            want_map.extend([1 + c.len_utf8(), text.len()]);
            assert_eq!(fold_with_offsets(&text), (want, want_map), "{c:?}");
        }
    }

    #[test]
    fn fold_chars_are_the_chars_of_fold() {
        for s in [
            "",
            "ABC def",
            "Bùi Thanh Sơn",
            "a\0B",
            "Ta\u{300}i Ωμέγα 中文 ĐỨC Ⱥ İ",
        ] {
            assert_eq!(fold_chars(s).collect::<String>(), fold(s), "{s:?}");
        }
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let s = format!("A{c}b");
            assert_eq!(fold_chars(&s).collect::<String>(), fold(&s), "{c:?}");
        }
    }

    #[test]
    fn fold_bytes_into_appends_what_fold_gives() {
        for s in [
            "",
            "ABC def",
            "Bùi Thanh Sơn",
            "a\0B",
            "Ta\u{300}i Ωμέγα 中文 ĐỨC Ⱥ İ 😀",
        ] {
            let mut out = b"Kept ".to_vec();
            fold_bytes_into(s, &mut out);
            assert_eq!(out, format!("Kept {}", fold(s)).into_bytes(), "{s:?}");
        }
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let s = format!("A{c}b");
            let mut out = Vec::new();
            fold_bytes_into(&s, &mut out);
            assert_eq!(out, fold(&s).into_bytes(), "{c:?}");
        }
    }

    #[test]
    fn word_at_a_time_folds_like_char_by_char() {
        let texts = [
            "",
            "a",
            "ABCDEFGH",
            "ABCDEFGHI",
            "@[`{ AZaz 09 ~\u{7F}\t\n",
            "Bùi Thanh Sơn gặp Bộ trưởng NGOẠI GIAO Hoa Kỳ tại Hà Nội ngày 12/3/2024.",
            "ĐÀ NẴNG, THỪA THIÊN HUẾ, Thành phố Hồ Chí Minh (TP.HCM)",
            "Ta\u{300}i o\u{323}\u{302} Ωμέγα ΟΔΥΣΣΕΥΣ 中文 Ⱥ İ ẞ 😀 Ǆ \u{212A}\u{2126}",
            "Müller, Ångström, ÆØÅ, Łódź, Москва, Ǆemal, ﬁ ligature",
            "x\u{10FFFF}y\u{FFFD}z",
        ];
        for text in texts {
            // Every alignment of the text against the words of eight bytes.
            for pad in 0..9 {
                let padded = format!("{}{text}", "Q".repeat(pad));
                for cut in (0..=padded.len()).filter(|&i| padded.is_char_boundary(i)) {
                    let s = &padded[..cut];
                    assert_eq!(fold_with_offsets(s), fold_with_offsets_by_char(s), "{s:?}");
                    let mut out = b"Kept ".to_vec();
                    let mut slow = out.clone();
                    fold_bytes_into(s, &mut out);
                    fold_bytes_by_char(s, &mut slow);
                    assert_eq!(out, slow, "{s:?}");
                }
            }
        }
    }

    #[test]
    fn ascii_words_lower_like_to_ascii_lowercase() {
        for b in 0..0x80u8 {
            for at in 0..8 {
                let mut bytes = *b"AzZa@[`{";
                bytes[at] = b;
                let word = u64::from_le_bytes(bytes);
                let want = u64::from_le_bytes(bytes.map(|b| b.to_ascii_lowercase()));
                assert_eq!(ascii_lower_word(word), want, "{b:#x} at {at}");
            }
        }
    }

    #[test]
    fn vietnamese_names() {
        assert_eq!(fold("Bùi Thanh Sơn"), "bui thanh son");
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("ĐỨC"), "duc");
        assert_eq!(fold("Ủy ban"), "uy ban");
        assert_eq!(fold("Nguyễn Phú Trọng"), "nguyen phu trong");
        assert_eq!(fold("HỒ CHÍ MINH"), "ho chi minh");
        assert_eq!(fold("Thừa Thiên Huế"), "thua thien hue");
        assert_eq!(fold("Ð"), "d");
    }

    #[test]
    fn ascii_and_empty() {
        assert_eq!(fold(""), "");
        assert_eq!(fold("ABC def 123!"), "abc def 123!");
        assert_eq!(fold("a\0b"), "ab");
    }

    #[test]
    fn combining_marks_are_dropped() {
        assert_eq!(fold("Ta\u{300}i"), "tai");
        assert_eq!(fold("A\u{323}\u{302}"), "a");
        assert_eq!(fold_char('\u{301}'), '\0');
        assert_eq!(fold_char('\u{31B}'), '\0');
    }

    #[test]
    fn other_scripts() {
        assert_eq!(fold("Ωμέγα"), "ωμεγα");
        assert_eq!(fold("Ĳ"), "ĳ");
        assert_eq!(fold("İ"), "i");
        assert_eq!(fold("中文"), "中文");
    }

    #[test]
    fn every_vietnamese_letter_folds_to_ascii() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        for c in letters
            .chars()
            .chain(letters.chars().flat_map(char::to_uppercase))
        {
            let f = fold_char(c);
            assert!(f.is_ascii_lowercase(), "{c:?} folds to {f:?}");
        }
    }

    #[test]
    fn tables_agree_with_the_general_path() {
        for u in (0xC0..=0x24F).chain(0x1E00..=0x1EFF) {
            let Some(c) = char::from_u32(u) else { continue };
            let general = fold_general(c);
            assert_eq!(fold_char(c), general, "U+{u:04X}");
            let in_table = match u {
                0xC0..=0x24F => LATIN[(u - 0xC0) as usize],
                _ => LATIN_ADDITIONAL[(u - 0x1E00) as usize],
            };
            if in_table == 0 {
                assert!(
                    !general.is_ascii() || general == '\0',
                    "U+{u:04X} missing from table"
                );
            }
        }
    }

    #[test]
    fn combining_block_is_all_marks() {
        for u in 0x300..=0x36F {
            let Some(c) = char::from_u32(u) else { continue };
            assert!(is_combining_mark(c), "U+{u:04X}");
            assert_eq!(fold_general(c), '\0');
        }
    }

    #[test]
    fn offsets() {
        let (f, m) = fold_with_offsets("Đà x");
        assert_eq!(f, "da x");
        assert_eq!(m, vec![0, 2, 4, 5, 6]);
        let (f, m) = fold_with_offsets("AB");
        assert_eq!(f, "ab");
        assert_eq!(m, vec![0, 1, 2]);
        let (f, m) = fold_with_offsets("a\u{301}b");
        assert_eq!(f, "ab");
        assert_eq!(m, vec![0, 3, 4]);
        let (f, m) = fold_with_offsets("");
        assert_eq!(f, "");
        assert_eq!(m, vec![0]);
        let (f, m) = fold_with_offsets("Ωx");
        assert_eq!(f, "ωx");
        assert_eq!(m, vec![0, 0, 2, 3]);
    }
}
