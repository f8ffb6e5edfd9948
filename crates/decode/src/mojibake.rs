//! Repairing double-encoded UTF-8 ("mojibake").
//!
//! When UTF-8 bytes are read as windows-1252 (or Latin-1) and written out as UTF-8 again, every
//! non-ASCII character becomes two to four characters: a lead character standing for byte
//! 0xC2–0xF4 (`Ã`, `Ä`, `Æ`, `á`, `â`, …) followed by characters standing for bytes 0x80–0xBF
//! (Latin-1 symbols, C1 controls, or windows-1252 punctuation such as `€`, `‡`, `™`). So
//! "Việt Nam" reads "Viá»‡t Nam" and "đ" reads "Ä‘". Mapping such a group back to its bytes and
//! decoding them as UTF-8 gives the character back.
//!
//! Genuine text also holds Latin-1 letters (Vietnamese `Â`, `Ê`, `Ô`, `Ã`…), so a repair needs
//! evidence. The text is cut into segments at line breaks and at characters that no
//! windows-1252 byte stands for (`ệ`, `ư`, `đ`…: genuine text, which mojibake cannot contain).
//! A segment is repaired when it holds groups that decode to plausible characters and few other
//! non-ASCII characters; a segment with a single such group is repaired only when the text has
//! no genuine non-ASCII text elsewhere. "CHÂU ÂU" has no group at all (`Â` followed by `U`), so
//! it is never touched.

/// The byte that `c` stands for when bytes were read as windows-1252 or Latin-1: U+0000–U+00FF
/// stand for themselves (C1 controls are how windows-1252 decoders render its five unassigned
/// bytes), and the 27 windows-1252 punctuation characters for 0x80–0x9F.
fn byte_of(c: char) -> Option<u8> {
    if let Ok(b) = u8::try_from(u32::from(c)) {
        return Some(b);
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// Cheap scan: whether `text` may hold mojibake at all, that is a lead character U+00C2–U+00F4
/// (UTF-8 `C3 82`–`C3 B4`) directly followed by a character whose UTF-8 starts with `C2`, `C5`,
/// `C6`, `CB` or `E2` (how the stand-ins for bytes 0x80–0xBF are encoded).
pub(crate) fn suspect(text: &str) -> bool {
    suspect_bytes(text.as_bytes())
}

/// [`suspect`] on bytes.
fn suspect_bytes(bytes: &[u8]) -> bool {
    // Vietnamese text is full of `C3` leads (à, á, â, ê, ô…), so the three-byte pattern is
    // tested at every position, in blocks, without branches: the compiler vectorizes it.
    const BLOCK: usize = 64;
    let n = bytes.len().saturating_sub(2);
    let (Some(a), Some(b), Some(c)) = (bytes.get(..n), bytes.get(1..n + 1), bytes.get(2..n + 2))
    else {
        return false;
    };
    a.chunks(BLOCK)
        .zip(b.chunks(BLOCK))
        .zip(c.chunks(BLOCK))
        .any(|((a, b), c)| {
            a.iter().zip(b).zip(c).fold(false, |seen, ((&x, &y), &z)| {
                let lead = x == 0xC3;
                let cont = y.wrapping_sub(0x82) <= 0xB4 - 0x82;
                let next = (z == 0xC2) | (z == 0xC5) | (z == 0xC6) | (z == 0xCB) | (z == 0xE2);
                seen | (lead & cont & next)
            })
        })
}

/// Whether `c` is a character Vietnamese news plausibly contains: Latin letters and symbols,
/// combining diacritics, Vietnamese letters, punctuation, currency and letterlike symbols.
fn plausible(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00A0..=0x024F
            | 0x02B0..=0x036F
            | 0x1E00..=0x1EFF
            | 0x2000..=0x206F
            | 0x20A0..=0x20CF
            | 0x2100..=0x214F
    )
}

/// What a group of characters starting with a lead character decodes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    /// A plausible character.
    Good(char),
    /// Another valid character of three or four bytes (CJK, emoji…), repaired along with good
    /// groups but not evidence by itself.
    Other(char),
    /// A C1 control: what a twice double-encoded character gives on the first repair (a
    /// windows-1252 hole read as Latin-1), repaired along with good groups but no evidence.
    Filler(char),
}

/// Reads the group starting with `lead`, `rest` being the text after it: the decoded group and
/// how many bytes of `rest` it takes.
fn read_group(lead: char, rest: &str) -> Option<(Group, usize)> {
    let first = byte_of(lead)?;
    let len = match first {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let mut buf = [first, 0, 0, 0];
    let mut taken = 0;
    let mut chars = rest.chars();
    for slot in buf.iter_mut().take(len).skip(1) {
        let c = chars.next()?;
        let b = byte_of(c)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
        taken += c.len_utf8();
    }
    let decoded = std::str::from_utf8(buf.get(..len)?).ok()?.chars().next()?;
    let code = u32::from(decoded);
    if plausible(decoded) {
        Some((Group::Good(decoded), taken))
    } else if (0x80..=0x9F).contains(&code) {
        Some((Group::Filler(decoded), taken))
    } else if len >= 3
        && !(0xE000..=0xF8FF).contains(&code)
        && !(0xFDD0..=0xFDEF).contains(&code)
        && code & 0xFFFE != 0xFFFE
    {
        Some((Group::Other(decoded), taken))
    } else {
        None
    }
}

/// Counts of one segment.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Stats {
    /// Groups decoding to plausible characters.
    good: usize,
    /// Groups decoding to other valid characters.
    other: usize,
    /// Non-ASCII characters outside any group.
    stray: usize,
}

impl Stats {
    /// Groups of any kind.
    fn groups(self) -> usize {
        self.good + self.other
    }

    /// Whether the segment reads as mojibake: plausible groups and few stray characters.
    fn is_mojibake(self) -> bool {
        self.good >= 1 && self.stray.saturating_mul(4) < self.groups()
    }
}

/// Walks `segment`, counting groups and, when `out` is given, writing the repaired segment.
fn walk(segment: &str, mut out: Option<&mut String>) -> Stats {
    let mut stats = Stats::default();
    // Only non-ASCII characters count: an ASCII segment has nothing to count.
    if out.is_none() && segment.is_ascii() {
        return stats;
    }
    let mut i = 0;
    while let Some(c) = segment.get(i..).and_then(|s| s.chars().next()) {
        i += c.len_utf8();
        let mut emit = c;
        if !c.is_ascii() {
            let rest = segment.get(i..).unwrap_or_default();
            match read_group(c, rest) {
                Some((group, taken)) => {
                    i += taken;
                    emit = match group {
                        Group::Good(d) => {
                            stats.good += 1;
                            d
                        }
                        Group::Other(d) => {
                            stats.other += 1;
                            d
                        }
                        Group::Filler(d) => d,
                    };
                }
                None => stats.stray += 1,
            }
        }
        if let Some(out) = out.as_deref_mut() {
            out.push(emit);
        }
    }
    stats
}

/// One segment of the text: a byte range and its counts.
#[derive(Debug, Clone, Copy)]
struct Segment {
    start: usize,
    end: usize,
    stats: Stats,
}

/// Whether the pattern [`suspect`] looks for starts at byte `i`.
fn pattern_at(bytes: &[u8], i: usize) -> bool {
    matches!(
        bytes.get(i..i + 3),
        Some(&[0xC3, 0x82..=0xB4, 0xC2 | 0xC5 | 0xC6 | 0xCB | 0xE2])
    )
}

/// Whether a segment (see [`repair_once`]) that holds the pattern [`suspect`] looks for reads
/// as mojibake. Only the segments around the pattern's occurrences are found and walked, so
/// genuine text in which the pattern happens to occur ("là”") costs a scan, not a walk.
fn pattern_segment_is_mojibake(text: &str) -> bool {
    const BLOCK: usize = 64;
    let bytes = text.as_bytes();
    let breaks = |c: char| c == '\n' || byte_of(c).is_none();
    let mut walked = 0; // end of the last segment walked
    let mut block = 0;
    while block + 2 < bytes.len() {
        let window = bytes
            .get(block..(block + BLOCK + 2).min(bytes.len()))
            .unwrap_or_default();
        let next = block + BLOCK;
        if !suspect_bytes(window) {
            block = next;
            continue;
        }
        for k in (block.max(walked)..next).filter(|&k| pattern_at(bytes, k)) {
            // The pattern opens with a character U+00C2–U+00F4, which never breaks segments:
            // walk the segment it stands in. Every group opens with the pattern, so a segment
            // reads as mojibake only when it holds a whole one; a segment reached through a
            // pattern that runs past its end gives the same answer as its own patterns would.
            let (Some(head), Some(tail)) = (text.get(..k), text.get(k..)) else {
                continue;
            };
            if k < walked {
                continue;
            }
            let start = head
                .char_indices()
                .rev()
                .find(|&(_, c)| breaks(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let end = tail
                .char_indices()
                .find(|&(_, c)| breaks(c))
                .map_or(text.len(), |(i, _)| k + i);
            if walk(text.get(start..end).unwrap_or_default(), None).is_mojibake() {
                return true;
            }
            walked = end;
        }
        block = next;
    }
    false
}

/// Repairs the mojibake segments of `text` once; `None` when nothing was repaired.
fn repair_once(text: &str) -> Option<String> {
    // Nothing is repaired unless a segment holding the pattern reads as mojibake: the common
    // case, genuine text, is settled without cutting the whole text into segments.
    if !pattern_segment_is_mojibake(text) {
        return None;
    }
    let mut segments = Vec::new();
    // Non-ASCII characters that are plainly not mojibake: outside segments, or in segments
    // that do not read as mojibake.
    let mut genuine = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let stands_for_byte = byte_of(c).is_some();
        if c != '\n' && stands_for_byte {
            continue;
        }
        if !stands_for_byte {
            genuine += 1;
        }
        segments.push(Segment {
            start,
            end: i,
            stats: Stats::default(),
        });
        start = i + c.len_utf8();
    }
    segments.push(Segment {
        start,
        end: text.len(),
        stats: Stats::default(),
    });
    // A segment reads as mojibake only with a plausible group, which starts with the pattern
    // [`suspect`] looks for: segments without it are counted only when some segment repairs.
    let mut any_mojibake = false;
    for seg in &mut segments {
        let text = text.get(seg.start..seg.end).unwrap_or_default();
        if suspect(text) {
            seg.stats = walk(text, None);
            any_mojibake |= seg.stats.is_mojibake();
        }
    }
    if !any_mojibake {
        return None;
    }
    for seg in &mut segments {
        let text = text.get(seg.start..seg.end).unwrap_or_default();
        if !suspect(text) {
            seg.stats = walk(text, None);
        }
    }
    genuine += segments
        .iter()
        .filter(|s| !s.stats.is_mojibake())
        .map(|s| s.stats.stray)
        .sum::<usize>();

    let repairs = |s: &Segment| s.stats.is_mojibake() && (s.stats.groups() >= 2 || genuine == 0);
    if !segments.iter().any(repairs) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for seg in segments.iter().filter(|s| repairs(s)) {
        out.push_str(text.get(done..seg.start).unwrap_or_default());
        walk(
            text.get(seg.start..seg.end).unwrap_or_default(),
            Some(&mut out),
        );
        done = seg.end;
    }
    out.push_str(text.get(done..).unwrap_or_default());
    Some(out)
}

/// Repairs double-encoded UTF-8 in `text`; `None` when there is nothing to repair. Text that was
/// double-encoded twice is repaired twice.
pub(crate) fn repair(text: &str) -> Option<String> {
    let mut fixed: Option<String> = None;
    for _ in 0..3 {
        let current = fixed.as_deref().unwrap_or(text);
        if !suspect(current) {
            break;
        }
        match repair_once(current) {
            Some(next) => fixed = Some(next),
            None => break,
        }
    }
    fixed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` as UTF-8 bytes read as windows-1252, the way mojibake is made.
    fn garble(text: &str) -> String {
        encoding_rs::WINDOWS_1252
            .decode(text.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn garble_makes_the_textbook_mojibake() {
        assert_eq!(garble("Việt Nam"), "Viá»‡t Nam");
        assert_eq!(garble("đá"), "Ä‘Ã¡");
    }

    /// The pattern [`suspect`] looks for, tested position by position.
    fn suspect_slow(text: &str) -> bool {
        let bytes = text.as_bytes();
        (0..bytes.len()).any(|i| {
            matches!(
                (bytes.get(i), bytes.get(i + 1), bytes.get(i + 2)),
                (
                    Some(0xC3),
                    Some(0x82..=0xB4),
                    Some(0xC2 | 0xC5 | 0xC6 | 0xCB | 0xE2)
                )
            )
        })
    }

    #[test]
    fn suspect_agrees_with_a_plain_scan() {
        let genuine = "Đà Nẵng: “Hội nghị” về kinh tế — 100€ ™, CHÂU ÂU, café, Hà…";
        let garbled = garble(genuine);
        let mut cases = vec![String::new(), "Ã".into(), "Ã¡".into(), "Ã‘".into()];
        for text in [genuine, garbled.as_str(), "Hà “x” Ô” ÃŠ Ã\u{7F}"] {
            // Every cut of the text, so that a hit sits at every place of a block and at the end.
            let padded = format!("{}{text}", "x".repeat(60));
            for (i, _) in padded.char_indices() {
                cases.push(padded[i..].to_string());
                cases.push(padded[..i].to_string());
            }
        }
        for text in &cases {
            assert_eq!(suspect(text), suspect_slow(text), "{text:?}");
        }
        assert!(cases.iter().any(|t| suspect(t)));
        assert!(cases.iter().any(|t| !suspect(t)));
    }

    #[test]
    fn suspect_is_cheap_and_right() {
        assert!(suspect("Viá»‡t Nam"));
        assert!(suspect("Ã¡"));
        assert!(!suspect("Việt Nam"));
        assert!(!suspect("CHÂU ÂU"));
        assert!(!suspect("plain ascii"));
    }

    /// Every segment walked, as before segments without the suspect pattern were skipped: the
    /// reference [`repair`] must agree with.
    fn repair_reference(text: &str) -> Option<String> {
        fn once(text: &str) -> Option<String> {
            let mut segments = Vec::new();
            let mut genuine = 0usize;
            let mut start = 0;
            for (i, c) in text.char_indices() {
                let breaks = c == '\n' || byte_of(c).is_none();
                if !breaks {
                    continue;
                }
                if byte_of(c).is_none() {
                    genuine += 1;
                }
                let seg = &text[start..i];
                segments.push((start, i, walk(seg, None)));
                start = i + c.len_utf8();
            }
            segments.push((start, text.len(), walk(&text[start..], None)));
            genuine += segments
                .iter()
                .filter(|s| !s.2.is_mojibake())
                .map(|s| s.2.stray)
                .sum::<usize>();
            let repairs = |s: &(usize, usize, Stats)| {
                s.2.is_mojibake() && (s.2.groups() >= 2 || genuine == 0)
            };
            if !segments.iter().any(repairs) {
                return None;
            }
            let mut out = String::new();
            let mut done = 0;
            for seg in segments.iter().filter(|s| repairs(s)) {
                out.push_str(&text[done..seg.0]);
                walk(&text[seg.0..seg.1], Some(&mut out));
                done = seg.1;
            }
            out.push_str(&text[done..]);
            Some(out)
        }
        let mut fixed: Option<String> = None;
        for _ in 0..3 {
            let current = fixed.as_deref().unwrap_or(text);
            if !suspect(current) {
                break;
            }
            match once(current) {
                Some(next) => fixed = Some(next),
                None => break,
            }
        }
        fixed
    }

    #[test]
    fn repair_agrees_with_walking_every_segment() {
        let texts = [
            "Đà Nẵng: “Hội nghị” về kinh tế — 100€ ™\nThủ tướng phát biểu.",
            "Người dân Hà Nội",
            "Thời sự: Hà Nội mưa lớn",
            "CHÂU ÂU",
            "Giá vàng “NGÃ” ngửa, lên 80 triệu đồng",
            "café crème © 2024 «citation» ± 5°",
            "Hà… và Ô– ôư Ã¡",
            "Ông nói là” của bộ, và é–ơ, ô“x”, Ãƒ‚ ê•",
            "Hội nghị là“ Việt” — đã ký\nlà” Ôƒ",
        ];
        let mut cases: Vec<String> = Vec::new();
        for t in texts {
            cases.push(t.to_string());
            cases.push(garble(t));
            cases.push(garble(&garble(t)));
            cases.push(format!("{} — Việt Nam là một quốc gia", garble(t)));
            cases.push(format!("{}\nViệt Nam ư {}", garble(t), t));
            cases.push(format!("Hà… {} ờ Ã¡", garble(t)));
        }
        let mut repaired = 0;
        for t in &cases {
            let want = repair_reference(t);
            repaired += usize::from(want.is_some());
            assert_eq!(repair(t), want, "{t:?}");
        }
        assert!(repaired > 10 && repaired < cases.len(), "{repaired}");
        // Texts in which the pattern occurs without mojibake are among the cases.
        assert!(cases.iter().any(|t| suspect(t) && repair(t).is_none()));
    }

    /// Every segment cut and the ones holding the pattern walked: what
    /// [`pattern_segment_is_mojibake`] must agree with.
    fn pattern_segment_reference(text: &str) -> bool {
        let mut start = 0;
        let mut segments = Vec::new();
        for (i, c) in text.char_indices() {
            if c == '\n' || byte_of(c).is_none() {
                segments.push(&text[start..i]);
                start = i + c.len_utf8();
            }
        }
        segments.push(&text[start..]);
        segments
            .iter()
            .any(|seg| suspect_slow(seg) && walk(seg, None).is_mojibake())
    }

    #[test]
    fn pattern_segments_agree_with_cutting_every_segment() {
        let pieces = [
            "là” ",
            "Viá»‡t ",
            "Ã¡",
            "ư",
            "\n",
            "é–",
            "Ông ",
            "Ä‘",
            "x",
            "ô“x” ",
            "Ãƒ‚",
            "…",
        ];
        let mut cases = Vec::new();
        // Every sequence of up to three pieces, after padding that moves it across blocks.
        for pad in [0, 1, 61, 62, 63, 64, 65, 127] {
            for a in pieces {
                for b in pieces {
                    for c in pieces {
                        cases.push(format!("{}{a}{b}{c}", "x".repeat(pad)));
                    }
                }
            }
        }
        let mut hits = 0;
        for t in &cases {
            let want = pattern_segment_reference(t);
            hits += usize::from(want);
            assert_eq!(pattern_segment_is_mojibake(t), want, "{t:?}");
        }
        assert!(hits > 100 && hits < cases.len(), "{hits}");
    }

    #[test]
    fn ascii_segments_count_nothing() {
        for seg in ["", "abc", "Viet Nam 2024", "a\u{7F}b"] {
            let mut out = String::new();
            assert_eq!(walk(seg, None), Stats::default(), "{seg:?}");
            assert_eq!(walk(seg, Some(&mut out)), Stats::default(), "{seg:?}");
            assert_eq!(out, seg);
        }
        assert_ne!(walk("Viá»‡t", None), Stats::default());
    }

    #[test]
    fn groups() {
        assert_eq!(read_group('á', "»‡t"), Some((Group::Good('ệ'), 5)));
        assert_eq!(read_group('Ä', "‘i"), Some((Group::Good('đ'), 3)));
        // Â followed by a closing quote is C2 94, a C1 control: no evidence.
        assert_eq!(read_group('Â', "”"), Some((Group::Filler('\u{94}'), 3)));
        // Ô followed by a closing quote is U+0514 (Cyrillic): not plausible in two bytes.
        assert_eq!(read_group('Ô', "”"), None);
        assert_eq!(read_group('Â', "U"), None);
        assert_eq!(read_group('ð', "Ÿ˜€"), Some((Group::Other('😀'), 7)));
    }

    #[test]
    fn repairs_whole_text() {
        let text = "Đà Nẵng: “Hội nghị” về kinh tế — 100€ ™\nThủ tướng phát biểu.";
        assert_eq!(repair(&garble(text)).as_deref(), Some(text));
    }

    #[test]
    fn repairs_twice_garbled_text() {
        let text = "Người dân Hà Nội";
        assert_eq!(repair(&garble(&garble(text))).as_deref(), Some(text));
    }

    #[test]
    fn repairs_mixed_text_segment_by_segment() {
        let text = format!(
            "{} — Việt Nam là một quốc gia",
            garble("Thời sự: Hà Nội mưa lớn")
        );
        assert_eq!(
            repair(&text).as_deref(),
            Some("Thời sự: Hà Nội mưa lớn — Việt Nam là một quốc gia")
        );
    }

    #[test]
    fn leaves_genuine_text_alone() {
        for text in [
            "CHÂU ÂU",
            "Liên minh CHÂU ÂU họp tại Brussels",
            "NGÃ BA “CHÂU” — “Ô” ",
            "Giá vàng “NGÃ” ngửa, lên 80 triệu đồng",
            "café crème © 2024 «citation» ± 5°",
        ] {
            assert_eq!(repair(text), None, "{text}");
        }
    }
}
