//! Compact JSON for records, written by hand.
//!
//! A record is mostly long strings (the body, the removed lines, evidence), and the generic
//! serializer tests every byte of them against its escape table and walks its map machinery for
//! every field. This writer finds the bytes that need escaping eight at a time and writes keys as
//! constants. Its output is byte for byte what `serde_json::to_string` gives for the same record;
//! the tests hold it to that on varied records, and every writer below destructures its struct
//! without `..`, so a field added to a record does not compile until it is written here too.

use crate::{Document, Event, Fact, Location, Participant, Person, RemovalReason, Removed, Span};

impl Document {
    /// The record as one line of compact JSON, identical to `serde_json::to_string(self)`.
    pub fn to_json(&self) -> String {
        // Room for the strings and the fixed text around them, so the buffer is not regrown.
        let strings = self.body.len()
            + self
                .removed
                .iter()
                .map(|r| r.text.len() + 64)
                .sum::<usize>()
            + self.persons.len() * 160
            + self
                .events
                .iter()
                .map(|e| e.evidence.len() + 320)
                .sum::<usize>()
            + self
                .facts
                .iter()
                .map(|f| f.evidence.len() + 200)
                .sum::<usize>();
        let mut out = String::with_capacity(strings + self.source.len() + 512);
        self.write_json(&mut out);
        out
    }

    /// Appends the record as compact JSON to `out`.
    pub fn write_json(&self, out: &mut String) {
        let Document {
            source,
            title,
            published,
            outlet,
            author,
            url,
            language,
            fetched,
            dateline,
            body,
            persons,
            events,
            facts,
            removed,
            encoding,
            warnings,
            error,
        } = self;
        out.push_str("{\"source\":");
        string(out, source);
        out.push_str(",\"title\":");
        opt_string(out, title.as_deref());
        out.push_str(",\"published\":");
        opt_string(out, published.as_deref());
        out.push_str(",\"outlet\":");
        opt_string(out, outlet.as_deref());
        out.push_str(",\"author\":");
        opt_string(out, author.as_deref());
        optional(out, ",\"url\":", url.as_deref());
        optional(out, ",\"language\":", language.as_deref());
        optional(out, ",\"fetched\":", fetched.as_deref());
        optional(out, ",\"dateline\":", dateline.as_deref());
        out.push_str(",\"body\":");
        string(out, body);
        out.push_str(",\"persons\":");
        list(out, persons, person);
        out.push_str(",\"events\":");
        list(out, events, event);
        out.push_str(",\"facts\":");
        list(out, facts, fact);
        out.push_str(",\"removed\":");
        list(out, removed, removal);
        optional(out, ",\"encoding\":", encoding.as_deref());
        if !warnings.is_empty() {
            out.push_str(",\"warnings\":");
            strings(out, warnings);
        }
        optional(out, ",\"error\":", error.as_deref());
        out.push('}');
    }
}

impl RemovalReason {
    /// The reason's name in records (`share_prompt`, `related_story`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            RemovalReason::Title => "title",
            RemovalReason::Menu => "menu",
            RemovalReason::SharePrompt => "share_prompt",
            RemovalReason::RelatedHeader => "related_header",
            RemovalReason::RelatedStory => "related_story",
            RemovalReason::Caption => "caption",
            RemovalReason::ImageFile => "image_file",
            RemovalReason::Duplicate => "duplicate",
            RemovalReason::OutletTag => "outlet_tag",
            RemovalReason::Byline => "byline",
            RemovalReason::Dateline => "dateline",
            RemovalReason::Timestamp => "timestamp",
            RemovalReason::Footer => "footer",
            RemovalReason::AfterEndMark => "after_end_mark",
            RemovalReason::OutletBoilerplate => "outlet_boilerplate",
            RemovalReason::Empty => "empty",
        }
    }
}

fn list<T>(out: &mut String, items: &[T], mut write: impl FnMut(&mut String, &T)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

fn person(out: &mut String, p: &Person) {
    let Person {
        name,
        country,
        roles,
        aliases,
        mentions,
    } = p;
    out.push_str("{\"name\":");
    string(out, name);
    out.push_str(",\"country\":");
    opt_string(out, country.as_deref());
    out.push_str(",\"roles\":");
    strings(out, roles);
    if !aliases.is_empty() {
        out.push_str(",\"aliases\":");
        strings(out, aliases);
    }
    if !mentions.is_empty() {
        out.push_str(",\"mentions\":");
        list(out, mentions, |o, s| span(o, *s));
    }
    out.push('}');
}

fn event(out: &mut String, e: &Event) {
    let Event {
        kind,
        date,
        location,
        participants,
        evidence,
        evidence_span,
        cameo,
        plover,
    } = e;
    out.push_str("{\"type\":");
    string(out, kind);
    out.push_str(",\"date\":");
    opt_string(out, date.as_deref());
    out.push_str(",\"location\":");
    match location {
        Some(l) => place(out, l),
        None => out.push_str("null"),
    }
    out.push_str(",\"participants\":");
    list(out, participants, participant);
    out.push_str(",\"evidence\":");
    string(out, evidence);
    if let Some(s) = evidence_span {
        out.push_str(",\"evidence_span\":");
        span(out, *s);
    }
    optional(out, ",\"cameo\":", cameo.as_deref());
    optional(out, ",\"plover\":", plover.as_deref());
    out.push('}');
}

fn place(out: &mut String, l: &Location) {
    let Location { name, country } = l;
    out.push_str("{\"name\":");
    opt_string(out, name.as_deref());
    out.push_str(",\"country\":");
    opt_string(out, country.as_deref());
    out.push('}');
}

fn participant(out: &mut String, p: &Participant) {
    let Participant {
        name,
        country,
        role,
    } = p;
    out.push_str("{\"name\":");
    opt_string(out, name.as_deref());
    out.push_str(",\"country\":");
    opt_string(out, country.as_deref());
    out.push_str(",\"role\":");
    opt_string(out, role.as_deref());
    out.push('}');
}

fn fact(out: &mut String, f: &Fact) {
    let Fact {
        kind,
        countries,
        date,
        level,
        amount,
        currency,
        subject,
        rank,
        donor,
        evidence,
        evidence_span,
    } = f;
    out.push_str("{\"kind\":");
    string(out, kind);
    out.push_str(",\"countries\":");
    strings(out, countries);
    optional(out, ",\"date\":", date.as_deref());
    optional(out, ",\"level\":", level.as_deref());
    if let Some(a) = amount {
        out.push_str(",\"amount\":");
        float(out, *a);
    }
    optional(out, ",\"currency\":", currency.as_deref());
    optional(out, ",\"subject\":", subject.as_deref());
    if let Some(r) = rank {
        out.push_str(",\"rank\":");
        out.push_str(itoa::Buffer::new().format(*r));
    }
    optional(out, ",\"donor\":", donor.as_deref());
    out.push_str(",\"evidence\":");
    string(out, evidence);
    if let Some(s) = evidence_span {
        out.push_str(",\"evidence_span\":");
        span(out, *s);
    }
    out.push('}');
}

fn removal(out: &mut String, r: &Removed) {
    let Removed {
        reason,
        text,
        span: at,
    } = r;
    out.push_str("{\"reason\":\"");
    out.push_str(reason.as_str());
    out.push_str("\",\"text\":");
    string(out, text);
    out.push_str(",\"span\":");
    span(out, *at);
    out.push('}');
}

fn span(out: &mut String, s: Span) {
    let Span { start, end } = s;
    let mut digits = itoa::Buffer::new();
    out.push_str("{\"start\":");
    out.push_str(digits.format(start));
    out.push_str(",\"end\":");
    out.push_str(digits.format(end));
    out.push('}');
}

/// A number as JSON writes it: amounts are rare, so the generic serializer formats them, which
/// keeps the float format (shortest round trip, `null` for non-finite values) its own.
fn float(out: &mut String, x: f64) {
    match serde_json::to_string(&x) {
        Ok(number) => out.push_str(&number),
        Err(_) => out.push_str("null"),
    }
}

/// `,"key":"value"` when there is a value, nothing when there is none (the fields serde skips
/// when they are `None`).
fn optional(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        out.push_str(key);
        string(out, v);
    }
}

fn strings(out: &mut String, items: &[String]) {
    list(out, items, |o, s| string(o, s));
}

fn opt_string(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.push_str("null"),
    }
}

/// Bytes JSON requires escaped: control characters, the quote and the backslash.
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Whether any byte of the eight in `w` needs escaping. Each test sets the high bit of a byte's
/// lane exactly when the byte matches: `b < 0x20` for bytes without their own high bit, and
/// equality by subtracting one from the lanes of `w ^ pattern`, which is zero only where the
/// byte equals the pattern. Lanes whose byte has the high bit set never match (they are UTF-8
/// continuation or lead bytes), and borrows only run from a matching lane upward, so a word with
/// no match yields zero.
fn word_needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = w.wrapping_sub(ONES * 0x20);
    let quote = (w ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES);
    let slash = (w ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
    (low | quote | slash) & !w & HIGH != 0
}

/// `s` as a JSON string, quotes included, escaped as `serde_json` escapes.
fn string(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push('"');
    let mut run = 0; // start of the bytes not yet copied
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            if !word_needs_escape(u64::from_le_bytes(w)) {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        if needs_escape(b) {
            // `i` holds an ASCII byte, so it and `run` (one past an earlier one) are char
            // boundaries.
            out.push_str(&s[run..i]);
            escape(out, b);
            run = i + 1;
        }
        i += 1;
    }
    out.push_str(&s[run..]);
    out.push('"');
}

fn escape(out: &mut String, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match b {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0C => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
            return;
        }
    };
    out.push('\\');
    out.push(char::from(short));
}

#[cfg(test)]
mod tests {
    use super::*;

    const REASONS: [RemovalReason; 16] = [
        RemovalReason::Title,
        RemovalReason::Menu,
        RemovalReason::SharePrompt,
        RemovalReason::RelatedHeader,
        RemovalReason::RelatedStory,
        RemovalReason::Caption,
        RemovalReason::ImageFile,
        RemovalReason::Duplicate,
        RemovalReason::OutletTag,
        RemovalReason::Byline,
        RemovalReason::Dateline,
        RemovalReason::Timestamp,
        RemovalReason::Footer,
        RemovalReason::AfterEndMark,
        RemovalReason::OutletBoilerplate,
        RemovalReason::Empty,
    ];

    /// Strings that exercise every escape, every position of an escape within a word of eight,
    /// and multi-byte characters whose bytes look like nothing JSON escapes.
    fn tricky() -> Vec<String> {
        let mut v: Vec<String> = [
            "",
            "a",
            "Bùi Thanh Sơn hội đàm với Ngoại trưởng Peru",
            "\"quoted\" and back\\slash",
            "tab\there\nline\r\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "Đại sứ “Nguyễn” – ‘x’ … 😀 ¢ € ﷽",
            "0123456789abcdef0123456789",
            "\\\\\\\\\\\\\\\\\\",
            "\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{b}\u{e}\u{f}\u{10}\u{1a}\u{1b}",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for special in ['"', '\\', '\n', '\u{1}', '\u{1f}', 'ơ', ' ', '~', '\u{80}'] {
            for pos in 0..17 {
                let mut s: String = "x".repeat(pos);
                s.push(special);
                s.push_str(&"y".repeat(17 - pos));
                v.push(s);
            }
        }
        // Every byte value that can stand alone in UTF-8, and in an eight-byte run.
        for c in (0u32..0x80).filter_map(char::from_u32) {
            v.push(c.to_string());
            v.push(format!("abcdefg{c}hijklmn"));
        }
        v
    }

    fn sample(s: &str, n: usize) -> Document {
        let span = Span::new(n, n + s.len());
        Document {
            source: format!("{s}#{n}"),
            title: Some(s.to_string()),
            published: n.is_multiple_of(2).then(|| "2024-11-14".to_string()),
            outlet: n.is_multiple_of(3).then(|| s.to_string()),
            author: None,
            url: n.is_multiple_of(5).then(|| format!("https://x.vn/{s}")),
            language: n.is_multiple_of(4).then(|| "vi".to_string()),
            fetched: n
                .is_multiple_of(7)
                .then(|| "2024-11-14T03:00:00Z".to_string()),
            dateline: (n % 2 == 1).then(|| "Lima, Peru".to_string()),
            body: format!("{s}\n\n{s}"),
            persons: vec![
                Person {
                    name: s.to_string(),
                    country: Some("VN".into()),
                    roles: vec![s.to_string(), "Thủ tướng".into()],
                    aliases: if n.is_multiple_of(2) {
                        vec![s.to_string()]
                    } else {
                        vec![]
                    },
                    mentions: if n.is_multiple_of(3) {
                        vec![span, span]
                    } else {
                        vec![]
                    },
                },
                Person::default(),
            ],
            events: vec![
                Event {
                    kind: "TALKS".into(),
                    date: Some("2024-11".into()),
                    location: Some(Location {
                        name: Some(s.to_string()),
                        country: None,
                    }),
                    participants: vec![
                        Participant {
                            name: Some(s.to_string()),
                            country: Some("PE".into()),
                            role: None,
                        },
                        Participant::default(),
                    ],
                    evidence: s.to_string(),
                    evidence_span: Some(span),
                    cameo: Some("0431".into()),
                    plover: n.is_multiple_of(2).then(|| "CONSULT".to_string()),
                },
                Event::default(),
            ],
            facts: vec![
                Fact {
                    kind: "aid".into(),
                    countries: vec!["JP".into(), "VN".into()],
                    date: Some("1973-09-21".into()),
                    level: Some(s.to_string()),
                    amount: Some([0.0, 1.5, 4.3e9, 1e21, 123_456.789, -0.0, f64::NAN, 2e-7][n % 8]),
                    currency: Some("USD".into()),
                    subject: Some("JP".into()),
                    rank: Some(u32::try_from(n).unwrap_or(u32::MAX)),
                    donor: Some(s.to_string()),
                    evidence: s.to_string(),
                    evidence_span: (n % 2 == 1).then_some(span),
                },
                Fact::default(),
            ],
            removed: REASONS
                .iter()
                .map(|&reason| Removed {
                    reason,
                    text: s.to_string(),
                    span,
                })
                .collect(),
            encoding: n.is_multiple_of(2).then(|| "windows-1258".to_string()),
            warnings: if n % 3 == 1 {
                vec![s.to_string(), String::new()]
            } else {
                vec![]
            },
            error: (n % 4 == 3).then(|| s.to_string()),
        }
    }

    #[test]
    fn records_are_written_as_serde_json_writes_them() {
        for (n, s) in tricky().iter().enumerate() {
            let doc = sample(s, n);
            let want = serde_json::to_string(&doc).unwrap_or_default();
            assert_eq!(doc.to_json(), want, "record {n} from {s:?}");
            let empty = Document::default();
            assert_eq!(
                empty.to_json(),
                serde_json::to_string(&empty).unwrap_or_default()
            );
        }
    }

    #[test]
    fn reasons_are_named_as_serde_names_them() {
        for r in REASONS {
            let want = serde_json::to_string(&r).unwrap_or_default();
            assert_eq!(format!("\"{}\"", r.as_str()), want);
        }
    }

    #[test]
    fn the_word_test_agrees_with_the_byte_test() {
        // Every byte value in every lane, against backgrounds of plain, high and escaped bytes.
        for background in [
            b'a',
            0x80,
            0xFF,
            b'"',
            0x1F,
            b' ',
            0x7F,
            b'\\' + 1,
            b'"' - 1,
        ] {
            for lane in 0..8 {
                for b in 0..=255u8 {
                    let mut w = [background; 8];
                    w[lane] = b;
                    let want = w.iter().any(|&x| needs_escape(x));
                    assert_eq!(word_needs_escape(u64::from_le_bytes(w)), want, "{w:?}");
                }
            }
        }
    }
}
