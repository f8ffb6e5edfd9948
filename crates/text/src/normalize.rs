//! Lossless normalization: one canonical spelling of the same text, with a map back.
//!
//! The input is cut into *words* (runs of non-white-space characters) and *white space*.
//! A word made only of ordinary characters (no invisible or typographic characters, nothing
//! that NFC would change, no tone mark to move) is copied as one slice; only the other words
//! take the slow path, which maps characters, composes clusters (NFC) and moves tone marks.
//! White space is never copied as it is: each run becomes nothing, one space, one line break
//! or one blank line, so the white-space rules need no second pass.

use std::iter;

use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::offsets::{Builder, OffsetMap};
use crate::tone;

/// Normalized text and the map from its byte offsets back to the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// Maps byte offsets of `text` back to byte offsets of the original.
    pub map: OffsetMap,
}

/// Normalizes `input`: line endings, invisible characters, spaces, NFC, tone-mark placement,
/// quotes and white space, with a map from the output back to `input`.
///
/// See the [crate documentation](crate) for the exact rules. Normalization never fails and is
/// idempotent: `normalize(&normalize(s).text).text == normalize(s).text`. Text that is already
/// normal comes back unchanged with the identity map.
///
/// ```
/// use biennien_text::normalize;
/// let n = normalize("Ủy ban  nhân dân tỉnh Hoà\u{A0}Bình\r\n");
/// assert_eq!(n.text, "Ủy ban nhân dân tỉnh Hòa Bình");
/// // "Hòa" came from "Hoà", one byte further on in the original (two spaces before it).
/// let at = n.text.find("Hòa").unwrap_or_default();
/// assert_eq!(n.map.span_to_original(at, at + "Hòa".len()), (at + 1, at + 1 + "Hoà".len()));
/// ```
pub fn normalize(input: &str) -> Normalized {
    normalize_in_segments(input, SEGMENT)
}

/// Slow-path words are processed in segments of about this many characters.
const SEGMENT: usize = 1024;

/// The longest syllable whose tone mark may move (initial of up to 3 letters, 2 vowels).
const MAX_SYLLABLE: usize = 5;

/// [`normalize`] with a given segment length (tests use tiny ones).
fn normalize_in_segments(input: &str, segment: usize) -> Normalized {
    let mut n = Normalizer::new(input, segment);
    n.run();
    let (text, map) = n.b.finish();
    Normalized { text, map }
}

/// What normalization does with one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Kept as it is, and NFC-stable (a starter nothing combines with backwards).
    Plain,
    /// Horizontal white space: ASCII space, tab and every other `Zs` space.
    Space,
    /// A line break: LF, CR (and CRLF), VT, FF, NEL, U+2028, U+2029.
    Newline,
    /// Invisible: removed.
    Drop,
    /// Replaced by the given character (typographic quotes).
    Map(char),
    /// Kept, but NFC may change it or what precedes it.
    Unstable,
}

/// Classifies one character (see [`Class`]).
#[inline]
fn classify(c: char) -> Class {
    match c {
        ' ' | '\t' => Class::Space,
        '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => Class::Newline,
        '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' => Class::Drop,
        '!'..='~' => Class::Plain,
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Class::Space
        }
        '\u{AD}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => Class::Drop,
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => Class::Map('"'),
        '‘' | '’' | '‚' | '‛' => Class::Map('\''),
        _ if nfc_stable(c) => Class::Plain,
        _ => Class::Unstable,
    }
}

/// Whether `c` is a starter that NFC leaves alone and that never combines with what precedes
/// it (combining class 0 and `NFC_Quick_Check=Yes`): a safe place to cut text for NFC.
fn nfc_stable(c: char) -> bool {
    let u = c as u32;
    // Everything below the combining diacritics, and Latin Extended Additional (precomposed
    // Vietnamese), is stable; checked against the Unicode tables by a test.
    if u < 0x300 || (0x1E00..=0x1EFF).contains(&u) {
        return true;
    }
    if u <= 0x36F {
        // Combining diacritical marks; U+034F COMBINING GRAPHEME JOINER alone is a starter.
        return u == 0x34F;
    }
    canonical_combining_class(c) == 0 && is_nfc_quick(iter::once(c)) == IsNormalized::Yes
}

/// Letters and combining marks: what a syllable is made of, for tone placement.
fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        // Latin letters (Vietnamese among them) and combining diacritical marks.
        0xC0..=0x24F => !matches!(c, '×' | '÷'),
        0x300..=0x36F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic() || is_combining_mark(c),
    }
}

/// NFC of the common decomposed cluster: an ASCII letter followed by combining diacritical
/// marks in canonical order (how decomposed Vietnamese comes). Composes pairwise as the
/// Unicode composition algorithm does, into `out`; returns `false` (leaving `out` unspecified)
/// for any other cluster, which then takes the general NFC path.
fn compose_simple(cluster: &[Item], out: &mut Vec<char>) -> bool {
    let Some((first, marks)) = cluster.split_first() else {
        return false;
    };
    if !first.c.is_ascii_alphabetic() {
        return false;
    }
    let mut starter = first.c;
    let mut last_kept_ccc = 0u8;
    let mut prev_ccc = 0u8;
    let start = out.len();
    out.push(starter);
    for m in marks {
        let u = m.c as u32;
        // Marks that decompose, or the grapheme joiner (a starter), need the general path.
        if !(0x300..=0x36F).contains(&u) || matches!(u, 0x340 | 0x341 | 0x343 | 0x344 | 0x34F) {
            return false;
        }
        let ccc = canonical_combining_class(m.c);
        if ccc == 0 || ccc < prev_ccc {
            return false;
        }
        prev_ccc = ccc;
        // Blocked by a kept mark of the same class (order is canonical, so never a higher one).
        let blocked = last_kept_ccc != 0 && last_kept_ccc >= ccc;
        match unicode_normalization::char::compose(starter, m.c) {
            Some(composed) if !blocked => {
                starter = composed;
                if let Some(slot) = out.get_mut(start) {
                    *slot = composed;
                }
            }
            _ => {
                out.push(m.c);
                last_kept_ccc = ccc;
            }
        }
    }
    true
}

/// The character starting at byte `i` of `bytes` (valid UTF-8, `i` a char boundary) and its
/// length in bytes.
#[inline]
fn decode_at(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let b0 = u32::from(*bytes.get(i)?);
    let cont = |k: usize| bytes.get(i + k).map(|&b| u32::from(b & 0x3F));
    let (u, len) = match b0 {
        0..=0x7F => (b0, 1),
        0xC0..=0xDF => (((b0 & 0x1F) << 6) | cont(1)?, 2),
        0xE0..=0xEF => (((b0 & 0x0F) << 12) | (cont(1)? << 6) | cont(2)?, 3),
        _ => (
            ((b0 & 0x07) << 18) | (cont(1)? << 12) | (cont(2)? << 6) | cont(3)?,
            4,
        ),
    };
    Some((char::from_u32(u)?, len))
}

/// By byte, for [`scan_clean_word`]: the byte can be passed over without a second look.
/// These are ASCII letters other than `o`/`u` (either case), digits and punctuation, lead
/// bytes of U+00C0..=U+02FF (Latin letters, all NFC-stable), and continuation bytes (reached
/// only after such a lead byte or after 0xE1, which the scan checks).
static ORDINARY: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0x21;
    while b < 0x7F {
        t[b] = !matches!(b as u8, b'o' | b'u' | b'O' | b'U');
        b += 1;
    }
    let mut b = 0x80;
    while b <= 0xBF {
        t[b] = true;
        b += 1;
    }
    let mut b = 0xC3;
    while b <= 0xCB {
        t[b] = true;
        b += 1;
    }
    t
};

/// The character at `i` of `bytes` when it is a Latin letter U+00C0..=U+02FF or precomposed
/// Vietnamese U+1E00..=U+1EFF, with its length.
#[inline]
fn decode_latin(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let b0 = *bytes.get(i)?;
    let (u, len) = match b0 {
        0xC3..=0xCB => (
            (u32::from(b0 & 0x1F) << 6) | u32::from(bytes.get(i + 1)? & 0x3F),
            2,
        ),
        0xE1 => {
            let b1 = *bytes.get(i + 1)?;
            if !(0xB8..=0xBB).contains(&b1) {
                return None;
            }
            let u = 0x1000 | (u32::from(b1 & 0x3F) << 6) | u32::from(bytes.get(i + 2)? & 0x3F);
            (u, 3)
        }
        _ => return None,
    };
    Some((char::from_u32(u)?, len))
}

/// The common case of [`Normalizer::scan_word`]: a word of ASCII and Latin or precomposed
/// Vietnamese letters that can be copied as it is. Returns the end of the word starting at
/// `start` when `scan_word` would return it with `clean == true`; `None` when the word
/// holds anything else (then `scan_word` decides).
#[inline]
fn scan_clean_word(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        if ORDINARY[usize::from(b)] {
            i += 1;
            continue;
        }
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => break,
            0xE1 => {
                // Its continuation bytes are ordinary.
                if !matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) {
                    return None;
                }
                i += 1;
            }
            b'o' | b'u' | b'O' | b'U' => {
                let after_q = i > start && matches!(bytes.get(i - 1), Some(b'q' | b'Q'));
                i += 1;
                if after_q || bytes.get(i).is_none_or(|&n| n < 0x80) {
                    continue;
                }
                // A toned a/e/y after the vowel may have to move, unless a letter follows.
                let (c, len) = decode_latin(bytes, i)?;
                i += len;
                if tone::is_toned_aey(c) && !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                    return None;
                }
            }
            _ => return None,
        }
    }
    Some(i)
}

/// One output character of a slow-path word and the input span it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Item {
    c: char,
    s: usize,
    e: usize,
    /// `false`: `c` is exactly `input[s..e]`; `true`: `c` is (part of) a replacement of it.
    replaced: bool,
}

/// The white space seen since the last word.
#[derive(Debug, Default)]
struct Pending {
    newlines: usize,
    /// Input spans of the first two line breaks.
    nl: [(usize, usize); 2],
    /// Input span of the first space.
    space: Option<(usize, usize)>,
}

impl Pending {
    fn space(&mut self, s: usize, e: usize) {
        if self.space.is_none() {
            self.space = Some((s, e));
        }
    }

    fn newline(&mut self, s: usize, e: usize) {
        if let Some(slot) = self.nl.get_mut(self.newlines) {
            *slot = (s, e);
        }
        self.newlines += 1;
    }
}

#[derive(Debug)]
struct Normalizer<'a> {
    input: &'a str,
    b: Builder<'a>,
    ws: Pending,
    /// The slow-path word being normalized, and scratch buffers (reused across words).
    items: Vec<Item>,
    next: Vec<Item>,
    buf: Vec<char>,
    syllable: Vec<char>,
    /// Slow-path words are processed in segments of about this many characters.
    segment: usize,
}

impl<'a> Normalizer<'a> {
    /// A normalizer of `input` with empty buffers.
    fn new(input: &'a str, segment: usize) -> Self {
        Normalizer {
            segment,
            input,
            b: Builder::new(input),
            ws: Pending::default(),
            items: Vec::new(),
            next: Vec::new(),
            buf: Vec::new(),
            syllable: Vec::new(),
        }
    }

    fn run(&mut self) {
        let input = self.input;
        let bytes = input.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b0 = bytes[i];
            if b0 < 0x80 {
                match b0 {
                    b' ' | b'\t' => {
                        self.ws.space(i, i + 1);
                        i += 1;
                        continue;
                    }
                    b'\n' | 0x0B | 0x0C => {
                        self.ws.newline(i, i + 1);
                        i += 1;
                        continue;
                    }
                    b'\r' => {
                        let e = if bytes.get(i + 1) == Some(&b'\n') {
                            i + 2
                        } else {
                            i + 1
                        };
                        self.ws.newline(i, e);
                        i = e;
                        continue;
                    }
                    _ => {}
                }
            } else {
                let Some((c, len)) = decode_at(bytes, i) else {
                    break;
                };
                let e = i + len;
                match classify(c) {
                    Class::Space => {
                        self.ws.space(i, e);
                        i = e;
                        continue;
                    }
                    Class::Newline => {
                        self.ws.newline(i, e);
                        i = e;
                        continue;
                    }
                    _ => {}
                }
            }
            let (mut end, clean) = self.scan_word_quick(i);
            if end <= i {
                // Unreachable (`i` is a char boundary and not white space); never loop forever.
                end = (i + 1..=bytes.len())
                    .find(|&j| input.is_char_boundary(j))
                    .unwrap_or(bytes.len());
            }
            if clean {
                self.flush_ws();
                let end = self.extend_clean(end);
                self.b.copy(i, end);
                i = end;
            } else {
                self.slow_word(i, end);
                i = end;
            }
        }
    }

    /// Extends a clean stretch ending at `end` (just after a clean word) over already-normal
    /// separators (one space, one line break, one blank line) and the clean words after them,
    /// so that normal text is scanned in a tight loop and copied in one piece.
    fn extend_clean(&self, mut end: usize) -> usize {
        let bytes = self.input.as_bytes();
        loop {
            let next = match bytes.get(end..end + 3) {
                Some([b' ', c, _]) | Some([b'\n', c, _]) if *c > b' ' => end + 1,
                Some([b'\n', b'\n', c]) if *c > b' ' => end + 2,
                _ => match bytes.get(end..end + 2) {
                    Some([b' ', c]) | Some([b'\n', c]) if *c > b' ' => end + 1,
                    _ => return end,
                },
            };
            let (word_end, clean) = self.scan_word_quick(next);
            if !clean || word_end <= next {
                return end;
            }
            end = word_end;
        }
    }

    /// [`Self::scan_word`], trying [`scan_clean_word`] first.
    #[inline]
    fn scan_word_quick(&self, start: usize) -> (usize, bool) {
        match scan_clean_word(self.input.as_bytes(), start) {
            Some(end) => (end, true),
            None => self.scan_word(start),
        }
    }

    /// Finds the end of the word starting at `start`, and whether it can be copied as it is.
    /// The word is empty when `start` is white space.
    fn scan_word(&self, start: usize) -> (usize, bool) {
        let input = self.input;
        let bytes = input.as_bytes();
        let mut i = start;
        let mut clean = true;
        // The two previous ASCII bytes (0 after a non-ASCII character), and whether a toned
        // a/e/y just followed an o/u: the tone may have to move if the syllable ends there.
        let (mut prev, mut prev2) = (0u8, 0u8);
        let mut suspect = false;
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if b <= b' ' || b == 0x7F {
                    if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
                        break;
                    }
                    clean = false;
                    i += 1;
                    continue;
                }
                if suspect {
                    suspect = false;
                    clean &= b.is_ascii_alphabetic();
                }
                prev2 = prev;
                prev = b;
                i += 1;
            } else {
                let Some((c, len)) = decode_at(bytes, i) else {
                    break;
                };
                let u = c as u32;
                // Latin letters (all of Vietnamese) are plain: skip the full classification.
                if !((0xC0..=0x2FF).contains(&u) || (0x1E00..=0x1EFF).contains(&u)) {
                    match classify(c) {
                        Class::Space | Class::Newline => break,
                        Class::Plain => {}
                        Class::Drop | Class::Map(_) | Class::Unstable => clean = false,
                    }
                }
                if suspect {
                    suspect = false;
                    clean &= is_letter(c);
                }
                if matches!(prev, b'o' | b'u' | b'O' | b'U')
                    && !matches!(prev2, b'q' | b'Q')
                    && tone::is_toned_aey(c)
                {
                    suspect = true;
                }
                prev2 = prev;
                prev = 0;
                i += len;
            }
        }
        (i, clean && !suspect)
    }

    /// Writes the pending white space before a word: nothing at the start of the text, else a
    /// blank line, a line break or a space.
    fn flush_ws(&mut self) {
        let p = std::mem::take(&mut self.ws);
        if self.b.is_empty() {
            return;
        }
        match p.newlines {
            0 => {
                if let Some((s, e)) = p.space {
                    self.emit_ws(s, e, ' ');
                }
            }
            1 => self.emit_ws(p.nl[0].0, p.nl[0].1, '\n'),
            _ => {
                self.emit_ws(p.nl[0].0, p.nl[0].1, '\n');
                self.emit_ws(p.nl[1].0, p.nl[1].1, '\n');
            }
        }
    }

    /// Writes `ch` for the white-space character at `input[s..e]`: a copy when it is `ch`.
    fn emit_ws(&mut self, s: usize, e: usize, ch: char) {
        if e == s + 1 && self.input.as_bytes().get(s) == Some(&(ch as u8)) {
            self.b.copy(s, e);
        } else {
            self.b.replace(s, e, ch);
        }
    }

    /// Normalizes the word `input[start..end]` character by character.
    ///
    /// A long word is processed in segments of about `segment` characters, so memory stays
    /// bounded. A segment ends only where neither NFC nor tone placement looks across: before
    /// an NFC-stable character, and not inside a syllable unless that run of letters is
    /// already too long to be one (then the next segment knows its first run continues).
    fn slow_word(&mut self, start: usize, end: usize) {
        self.items.clear();
        let Some(word) = self.input.get(start..end) else {
            return;
        };
        // Letters in the current run so far, and whether the segment's first run continues
        // a run from the previous segment.
        let mut run = 0usize;
        let mut continued = false;
        for (off, c) in word.char_indices() {
            let s = start + off;
            let e = s + c.len_utf8();
            let (c, replaced) = match classify(c) {
                Class::Drop => continue,
                Class::Map(m) => (m, true),
                // Space and Newline cannot occur inside a word.
                Class::Plain | Class::Unstable | Class::Space | Class::Newline => (c, false),
            };
            let letter = is_letter(c);
            if self.items.len() >= self.segment && nfc_stable(c) {
                let inside_run = letter && run > 0;
                if !inside_run || run > MAX_SYLLABLE {
                    self.finish_segment(continued);
                    self.items.clear();
                    continued = inside_run;
                }
            }
            run = if letter { run + 1 } else { 0 };
            self.items.push(Item { c, s, e, replaced });
        }
        self.finish_segment(continued);
        self.items.clear();
    }

    /// Composes, retones and writes the segment in `items`. `continued`: its first run of
    /// letters continues a (long) run from the previous segment.
    fn finish_segment(&mut self, continued: bool) {
        if self.items.is_empty() {
            // Only invisible characters: not a word at all.
            return;
        }
        self.compose();
        self.retone(continued);
        self.flush_ws();
        for it in &self.items {
            if it.replaced {
                self.b.replace(it.s, it.e, it.c);
            } else {
                self.b.copy(it.s, it.e);
            }
        }
    }

    /// Applies NFC to `items`, cluster by cluster. A cluster runs from one NFC-stable
    /// character to the next; when NFC changes it, its output replaces the whole cluster.
    fn compose(&mut self) {
        if self.items.iter().all(|it| nfc_stable(it.c)) {
            return;
        }
        self.next.clear();
        let items = &self.items;
        let mut a = 0;
        while a < items.len() {
            let mut b = a + 1;
            while b < items.len() && !nfc_stable(items[b].c) {
                b += 1;
            }
            let cluster = &items[a..b];
            if let [one] = cluster {
                if nfc_stable(one.c) {
                    self.next.push(*one);
                    a = b;
                    continue;
                }
            }
            self.buf.clear();
            if !compose_simple(cluster, &mut self.buf) {
                self.buf.clear();
                self.buf.extend(cluster.iter().map(|it| it.c).nfc());
            }
            if self.buf.iter().copied().eq(cluster.iter().map(|it| it.c)) {
                self.next.extend_from_slice(cluster);
            } else {
                let s = cluster.first().map_or(0, |it| it.s);
                let e = cluster.last().map_or(s, |it| it.e);
                self.next.extend(self.buf.iter().map(|&c| Item {
                    c,
                    s,
                    e,
                    replaced: true,
                }));
            }
            a = b;
        }
        std::mem::swap(&mut self.items, &mut self.next);
    }

    /// Moves tone marks to the canonical (old-style) vowel, syllable by syllable.
    fn retone(&mut self, continued: bool) {
        let items = &mut self.items;
        let mut a = 0;
        while a < items.len() {
            if !is_letter(items[a].c) {
                a += 1;
                continue;
            }
            let mut b = a + 1;
            while b < items.len() && is_letter(items[b].c) {
                b += 1;
            }
            let whole = !(continued && a == 0);
            if whole && (2..=MAX_SYLLABLE).contains(&(b - a)) && tone::is_toned_aey(items[b - 1].c)
            {
                self.syllable.clear();
                self.syllable.extend(items[a..b].iter().map(|it| it.c));
                if let Some([first, second]) = tone::retone(&self.syllable) {
                    let (s, e) = (items[b - 2].s, items[b - 1].e);
                    items[b - 2].c = first;
                    items[b - 1].c = second;
                    // The moved pair replaces the input of both vowels; characters sharing a
                    // replacement with either of them join it, so spans stay monotonic.
                    let mut j = b - 2;
                    while items[j].s >= s {
                        items[j].s = s;
                        items[j].e = e;
                        items[j].replaced = true;
                        if j == 0 {
                            break;
                        }
                        j -= 1;
                    }
                    for it in items[b..].iter_mut().take_while(|it| it.e <= e) {
                        it.s = s;
                        it.e = e;
                        it.replaced = true;
                    }
                    items[b - 1].s = s;
                    items[b - 1].e = e;
                    items[b - 1].replaced = true;
                }
            }
            a = b;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Normalizes `input`, checks the text, and checks that the map is valid.
    fn check(input: &str, expected: &str) -> OffsetMap {
        let n = normalize(input);
        assert_eq!(n.text, expected, "normalize({input:?})");
        let again = normalize(&n.text);
        assert_eq!(again.text, n.text, "not idempotent on {input:?}");
        n.map
    }

    #[test]
    fn classify_stability_matches_unicode_tables() {
        for u in (0..0x300).chain(0x1E00..=0x1EFF) {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(canonical_combining_class(c), 0, "U+{u:04X}");
            assert_eq!(is_nfc_quick(iter::once(c)), IsNormalized::Yes, "U+{u:04X}");
        }
    }

    #[test]
    fn fast_ranges_match_unicode_tables() {
        for u in 0..0x2000 {
            let Some(c) = char::from_u32(u) else { continue };
            let stable = canonical_combining_class(c) == 0
                && is_nfc_quick(iter::once(c)) == IsNormalized::Yes;
            assert_eq!(nfc_stable(c), stable, "U+{u:04X}");
            assert_eq!(
                is_letter(c),
                c.is_alphabetic() || is_combining_mark(c),
                "U+{u:04X}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn segments_do_not_change_the_result(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "ơ", "h", "o", "u", "q", "th", "à", "ỷ", "Ủ", "\u{301}", "\u{323}",
                    "\u{302}", "\u{200B}", "“", "-", ",", "1", " ", "oà", "uỳ", "hoà", "quý",
                ]),
                0..60,
            ),
            segment in 1usize..8,
        ) {
            let s = pieces.concat();
            proptest::prop_assert_eq!(normalize_in_segments(&s, segment), normalize(&s));
        }
    }

    /// `scan_word` of a normalizer over `input`.
    fn full_scan(input: &str, start: usize) -> (usize, bool) {
        Normalizer::new(input, SEGMENT).scan_word(start)
    }

    /// Checks `scan_clean_word` against `scan_word` at every char boundary of `s`; returns
    /// how many words it accepted.
    fn check_clean_scan(s: &str) -> usize {
        let mut accepted = 0;
        for (i, _) in s.char_indices().chain(iter::once((s.len(), ' '))) {
            let full = full_scan(s, i);
            // `None`: anything unusual is left to the full scan.
            if let Some(end) = scan_clean_word(s.as_bytes(), i) {
                assert_eq!((end, true), full, "{s:?} at {i}");
                accepted += 1;
            }
        }
        accepted
    }

    #[test]
    fn clean_word_scan_agrees_with_the_full_scan() {
        for s in [
            "Ủy ban nhân dân thành phố Hà Nội, ngày 12/3/2024.",
            "Bộ trưởng Ngoại giao Việt Nam tiếp Đại sứ Hoa Kỳ tại trụ sở.",
            "hoà hoè thuỷ Uỷ khoẻ HOÀ THUỶ Oà hoà, (Hoà) Hoà-Bình hoà\u{D7} hoàng toàn quý quả",
            "QUÝ Quả quỳnh khuyến thuyền ngoài của thuế Nguỵ Thuỵ\u{301} hoa\u{300}",
            "“Hà Nội” ‘x’ – — … « » a\u{A0}b a\u{200B}b a\u{AD}b \u{FEFF}x",
            "Mr. O'Brien, Müller-Lüdenscheidt, Ærø, Łódź, ɐɔə ʰʷ ˘x oà˘ oàʰ oàɐ",
            "x\u{2C2}y oà\u{2C2} uý\u{2E0} oà7 ué. oý! qoà Qoà qà uà",
            "ĐẠI HỘI ĐẢNG lần thứ XIII; 1.234,5 tỷ đồng (45%) @vnexpress #tag",
            "a\r\nb\tc\u{B}d\u{C}e\u{7F}f\u{1}g \u{85}h \u{2028}i",
            "日本 Москва العربية 𝔸 ℃ ﬁ Å",
            "o\u{300} oa\u{301}\u{323} ằ ẳ Ặ ỹ Ỹ ỵ",
            "",
            "oà",
            "uỷ",
        ] {
            check_clean_scan(s);
        }
        // Ordinary words take the fast path.
        for w in [
            "Bộ",
            "trưởng",
            "Nguyễn",
            "Hoàng,",
            "hòa",
            "quý",
            "QUẢ",
            "Ủy",
            "12/3",
            "(x)",
        ] {
            assert_eq!(scan_clean_word(w.as_bytes(), 0), Some(w.len()), "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn clean_word_scan_agrees_on_any_mix(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "ơ", "h", "o", "u", "q", "Q", "O", "U", "th", "à", "ỷ", "Ủ", "ý", "Ẻ",
                    "\u{301}", "\u{200B}", "“", "-", ",", "1", " ", "\n", "\u{A0}", "×",
                    "ʰ", "\u{2C2}", "ɐ", "ễ", "Đ", "–", "日", "\u{1F600}", "\t", "\u{7}",
                ]),
                0..40,
            ),
        ) {
            check_clean_scan(&pieces.concat());
        }
    }

    #[test]
    fn long_words_are_segmented_safely() {
        let long = "x".repeat(3000);
        for w in [
            format!("{long}hoà"),
            format!("{long},hoà"),
            format!("{long}\u{200B}hoà"),
        ] {
            let n = normalize(&w);
            let expected = if w.contains(',') {
                format!("{long},hòa")
            } else {
                format!("{long}hoà")
            };
            assert_eq!(n.text, expected);
            assert_eq!(normalize_in_segments(&w, 7), n);
        }
    }

    #[test]
    fn decode_matches_std() {
        let s = "aà\u{7FF}\u{800}ậ\u{FFFF}\u{10000}\u{10FFFF}z";
        for (i, c) in s.char_indices() {
            assert_eq!(decode_at(s.as_bytes(), i), Some((c, c.len_utf8())));
        }
        assert_eq!(decode_at(s.as_bytes(), s.len()), None);
    }

    #[test]
    fn line_endings() {
        check("a\r\nb", "a\nb");
        check("a\rb", "a\nb");
        check("a\u{2028}b\u{2029}c", "a\nb\nc");
        check("a\u{C}b", "a\nb");
        check("a\r\n\r\nb", "a\n\nb");
        check("a\r\r\r\n\nb", "a\n\nb");
        let m = check("x\r\ny", "x\ny");
        assert_eq!(m.span_to_original(1, 2), (1, 3));
        assert_eq!(m.span_to_original(2, 3), (3, 4));
    }

    #[test]
    fn invisible_and_control_characters() {
        check("a\u{200B}b", "ab");
        check("\u{FEFF}Hà Nội", "Hà Nội");
        check("Hà\u{FEFF} Nội", "Hà Nội");
        check("cộng\u{AD}hòa", "cộnghòa");
        check(
            "a\u{200C}\u{200D}\u{2060}\u{200E}\u{200F}\u{202A}\u{202E}\u{2066}\u{2069}b",
            "ab",
        );
        check("a\u{0}\u{7}\u{1B}\u{7F}\u{80}\u{9F}b", "ab");
        check("a\n\u{200B}\u{200B}\nb", "a\n\nb");
        check("a \u{200B} b", "a b");
        check("\u{200B}", "");
        let m = check("a\u{200B}b", "ab");
        assert_eq!(m.to_original(1), 4);
        assert_eq!(m.span_to_original(0, 1), (0, 1));
        assert_eq!(m.span_to_original(1, 2), (4, 5));
    }

    #[test]
    fn spaces() {
        check("a\u{A0}b", "a b");
        check("a\tb", "a b");
        check("a\u{2003}\u{202F}\u{205F}\u{3000}b", "a b");
        check("  a   b  ", "a b");
        check("a \t\u{A0} b", "a b");
        let m = check("Hà\u{A0}Nội", "Hà Nội");
        assert_eq!(m.span_to_original(3, 4), (3, 5));
        assert_eq!(m.span_to_original(4, 9), (5, 10));
    }

    #[test]
    fn nfc() {
        check("a\u{323}\u{302}", "ậ");
        check("a\u{302}\u{323}", "ậ");
        check("Vie\u{302}\u{323}t Nam", "Việt Nam");
        check("Nguye\u{302}\u{303}n", "Nguyễn");
        check("o\u{31B}\u{301}", "ớ");
        check("\u{212B}", "Å");
        let m = check("Vie\u{302}\u{323}t", "Việt");
        // "ệ" (3 bytes) maps to the whole cluster "e\u{302}\u{323}" (5 bytes).
        assert_eq!(m.span_to_original(2, 5), (2, 7));
        assert_eq!(m.span_to_original(5, 6), (7, 8));
        assert_eq!(m.to_original(3), 2);
        assert_eq!(m.span_to_original(3, 4), (2, 7));
        // A mark after a removed character still composes with its base.
        check("a\u{200B}\u{300}", "à");
        // A mark with nothing to compose with stays.
        check("\u{301}a", "\u{301}a");
        check("a \u{301}", "a \u{301}");
    }

    #[test]
    fn tone_marks_move_to_old_style() {
        for (from, to) in [
            ("hoà", "hòa"),
            ("hoè", "hòe"),
            ("thuỷ", "thủy"),
            ("Uỷ ban", "Ủy ban"),
            ("khoẻ", "khỏe"),
            ("Hoà Bình", "Hòa Bình"),
            ("Thuỳ", "Thùy"),
            ("oà khóc", "òa khóc"),
            ("Oà", "Òa"),
            ("THUỶ", "THỦY"),
            ("HOÀ", "HÒA"),
            ("(Hoà),", "(Hòa),"),
            ("Hoà-Bình", "Hòa-Bình"),
            ("hoa\u{300}", "hòa"),
            ("ho\u{200B}à", "hòa"),
            ("Nguỵ", "Ngụy"),
        ] {
            check(from, to);
        }
    }

    #[test]
    fn tone_marks_that_stay() {
        for w in [
            "quý",
            "quỳnh",
            "quả",
            "quyết",
            "hoàng",
            "toàn",
            "khuyến",
            "thuyền",
            "hoạch",
            "giữa",
            "gìn",
            "của",
            "thuế",
            "hòa",
            "thủy",
            "Ủy ban",
            "QUÝ",
            "Quảng",
            "ngoài",
            "khoản",
            "hoạt",
            "Thuỵ\u{301}",
        ] {
            let m = check(w, w);
            assert!(m.is_identity(), "{w}");
        }
    }

    #[test]
    fn moved_tone_maps_to_both_vowels() {
        let m = check("Hoà Bình", "Hòa Bình");
        // "ò" and "a" (bytes 1..4 of the output) come from "oà" (bytes 1..4 of the input).
        assert_eq!(m.span_to_original(1, 3), (1, 4));
        assert_eq!(m.span_to_original(3, 4), (1, 4));
        assert_eq!(m.span_to_original(0, 1), (0, 1));
        assert_eq!(m.span_to_original(5, 10), (5, 10));
        let m = check("hoa\u{300} x", "hòa x");
        assert_eq!(m.span_to_original(1, 4), (1, 5));
        assert_eq!(m.span_to_original(5, 6), (6, 7));
    }

    #[test]
    fn quotes_dashes_ellipsis() {
        check(
            "“Hà Nội” ‘x’ „y‟ «z» ‚w‛ 5″",
            "\"Hà Nội\" 'x' \"y\" \"z\" 'w' 5\"",
        );
        check("a – b — c…", "a – b — c…");
        let m = check("“a”", "\"a\"");
        assert_eq!(m.span_to_original(0, 1), (0, 3));
        assert_eq!(m.span_to_original(1, 2), (3, 4));
        assert_eq!(m.span_to_original(2, 3), (4, 7));
    }

    #[test]
    fn white_space_lines_and_paragraphs() {
        check("  a  \n  b  ", "a\nb");
        check("a\n\n\n\nb", "a\n\nb");
        check("a\n \t \n  \nb", "a\n\nb");
        check("\n\n  \na\n\n", "a");
        check("", "");
        check("   \n\t\n ", "");
        check("a\u{200B}\n\u{FEFF}\nb", "a\n\nb");
        let m = check("a\n\n\n\nb", "a\n\nb");
        assert_eq!(m.span_to_original(0, 3), (0, 3));
        assert_eq!(m.to_original(3), 5);
        let m = check("  a", "a");
        assert_eq!(m.span_to_original(0, 1), (2, 3));
        assert_eq!(m.to_original(0), 2);
    }

    #[test]
    fn clean_text_is_identity() {
        for s in [
            "Hello world",
            "Ủy ban nhân dân thành phố Hà Nội\n\nNgày 12/3, ông Nguyễn Văn A cho biết.",
            "a\nb",
            "x",
        ] {
            let n = normalize(s);
            assert_eq!(n.text, s);
            assert_eq!(n.map, OffsetMap::identity(s.len()));
        }
    }
}
