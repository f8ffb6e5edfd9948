//! Metadata read off the text: time stamps, outlet tags, bylines and datelines.

use std::sync::LazyLock;

use biennien_text::{fold, fold_chars};
use regex::Regex;

#[allow(clippy::expect_used)] // the patterns are literals, checked by the tests
fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid built-in pattern")
}

static DATE_DMY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?-u:\b)"));
static DATE_YMD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?-u:\b)",
    )
});
static TIME: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?-u:\b)(\d{1,2})\s*[:hH]\s*(\d{2})(?:\s*:\s*\d{2})?(?-u:\b)"));
/// "ngày 7 tháng 11 năm 2019", "12 tháng 5, năm 2023": a date written out in words.
static DATE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s*năm\s+(\d{4})(?-u:\b)")
});
static ZONE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\(?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?"));

/// Words that may stand around a date in a time stamp line.
const STAMP_WORDS: &[&str] = &[
    "thu",
    "hai",
    "ba",
    "tu",
    "nam",
    "sau",
    "bay",
    "chu",
    "nhat",
    "cn",
    "t2",
    "t3",
    "t4",
    "t5",
    "t6",
    "t7",
    "cap",
    "dang",
    "ngay",
    "luc",
    "gio",
    "date",
    "published",
    "updated",
    "update",
    "posted",
    "am",
    "pm",
    "sa",
    "ch",
    "bai",
    "viet",
    "xuat",
    "ban",
    "thoi",
    "gian",
    "gmt",
    "utc",
];

/// Words that show a prefix is a page's stamp, not the start of a sentence.
const STAMP_MARKERS: &[&str] = &[
    "date",
    "cap",
    "dang",
    "published",
    "updated",
    "posted",
    "thu",
    "chu",
    "luc",
];

/// A date and time read from a stamp, as ISO 8601 at the precision given.
fn iso(y: u32, m: u32, d: Option<u32>, time: Option<(u32, u32)>) -> Option<String> {
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    let Some(d) = d else {
        return Some(format!("{y:04}-{m:02}"));
    };
    if !(1..=31).contains(&d) {
        return None;
    }
    match time {
        Some((h, min)) if h < 24 && min < 60 => {
            Some(format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}"))
        }
        _ => Some(format!("{y:04}-{m:02}-{d:02}")),
    }
}

fn num(s: Option<regex::Match<'_>>) -> Option<u32> {
    s.and_then(|m| m.as_str().parse().ok())
}

/// Reads a line that is nothing but a publication stamp ("15/11/2024 17:51", "Thứ Năm,
/// 14/11/2024 09:30 (GMT+7)", "date 2024-10", "Thứ Năm, ngày 7 tháng 11 năm 2019") and returns
/// it as ISO 8601.
pub(crate) fn stamp_line(line: &str) -> Option<String> {
    // Every stamp has a digit: most lines are ruled out without running a pattern.
    if line.len() > 80 || !has_year(line.as_bytes()) || !may_be_stamp_words(line) {
        return None;
    }
    let mut date = None;
    // Each match found is blanked out where it was found, without searching again.
    let mut rest = if names_zone(line) {
        ZONE.replace_all(line, " ").into_owned()
    } else {
        line.to_string()
    };
    if let Some(c) = DATE_DMY.captures(&rest) {
        let (d, m, y) = (num(c.get(1)), num(c.get(2)), num(c.get(3)));
        if let (Some(d), Some(m), Some(y)) = (d, m, y) {
            date = Some((y, m, Some(d)));
        }
        let whole = c.get(0).map(|m| m.range());
        drop(c);
        blank(&mut rest, whole);
    } else if let Some(c) = DATE_YMD.captures(&rest) {
        let (y, m, d) = (num(c.get(1)), num(c.get(2)), num(c.get(3)));
        let time = num(c.get(4)).zip(num(c.get(5)));
        let whole = c.get(0).map(|m| m.range());
        drop(c);
        if let (Some(y), Some(m)) = (y, m) {
            let out = iso(y, m, d, time);
            blank(&mut rest, whole);
            return only_stamp_words(&rest).then_some(out).flatten();
        }
    } else if let Some(c) = DATE_WORDS.captures(&rest) {
        let (d, m, y) = (num(c.get(1)), num(c.get(2)), num(c.get(3)));
        if let (Some(d), Some(m), Some(y)) = (d, m, y) {
            date = Some((y, m, Some(d)));
        }
        let whole = c.get(0).map(|m| m.range());
        drop(c);
        blank(&mut rest, whole);
    }
    let (y, m, d) = date?;
    let (time, whole) = match TIME.captures(&rest) {
        Some(c) => (
            num(c.get(1)).zip(num(c.get(2))),
            c.get(0).map(|m| m.range()),
        ),
        None => (None, None),
    };
    blank(&mut rest, whole);
    if !only_stamp_words(&rest) {
        return None;
    }
    iso(y, m, d, time)
}

/// A necessary condition for [`stamp_line`], tested without patterns or folding: every word
/// of ASCII letters alone is a stamp word (in any case), or one a pattern may take away.
///
/// A word here is a run of bytes between ASCII bytes that are neither letters, digits nor NUL
/// (which folding drops). Such a word of ASCII letters folds to itself in lower case and stays
/// a whole word of the folded line, unless a pattern's match takes it (or part of it) away:
/// only [`ZONE`] can ("GMT", "UTC", also inside a word), [`TIME`] ("9 h 30", the "h" alone),
/// while the date patterns take letters only next to digits or letters outside ASCII.
/// Words with digits or other characters are left to [`stamp_line`] itself.
fn may_be_stamp_words(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes
        .split(|&b| b.is_ascii() && !b.is_ascii_alphanumeric() && b != 0)
        .filter(|w| !w.is_empty() && w.iter().all(u8::is_ascii_alphabetic))
        .all(|w| {
            w.eq_ignore_ascii_case(b"h")
                || STAMP_WORDS
                    .iter()
                    .any(|s| w.eq_ignore_ascii_case(s.as_bytes()))
                || w.windows(3)
                    .any(|x| x.eq_ignore_ascii_case(b"gmt") || x.eq_ignore_ascii_case(b"utc"))
        })
}

/// Replaces the byte range `whole` of `text` (a match found in it) by a space.
fn blank(text: &mut String, whole: Option<std::ops::Range<usize>>) {
    if let Some(r) =
        whole.filter(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
    {
        text.replace_range(r, " ");
    }
}

/// Whether `line` may hold a time zone: "GMT" or "UTC" in any case (no other character
/// folds to these letters), which [`ZONE`] needs.
fn names_zone(line: &str) -> bool {
    line.as_bytes()
        .windows(3)
        .any(|w| w.eq_ignore_ascii_case(b"gmt") || w.eq_ignore_ascii_case(b"utc"))
}

fn only_stamp_words(rest: &str) -> bool {
    fold(rest)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| STAMP_WORDS.contains(&w))
}

/// Finds a stamp standing at the start of a line before other text ("date 2024-10 Thứ trưởng
/// …"): returns the ISO date and the byte length of the prefix.
/// Whether four digits stand in a row: every stamp names its year in full, so most lines are
/// ruled out without running a pattern.
pub(crate) fn has_year(bytes: &[u8]) -> bool {
    // Four digits at i, i + 1, i + 2, i + 3, tested at every i without branches (the compiler
    // vectorizes it): lines are short, and most have no year.
    let n = bytes.len().saturating_sub(3);
    let (Some(a), Some(b), Some(c), Some(d)) = (
        bytes.get(..n),
        bytes.get(1..n + 1),
        bytes.get(2..n + 2),
        bytes.get(3..n + 3),
    ) else {
        return false;
    };
    a.iter()
        .zip(b)
        .zip(c)
        .zip(d)
        .fold(false, |seen, (((&a, &b), &c), &d)| {
            seen | (a.is_ascii_digit()
                & b.is_ascii_digit()
                & c.is_ascii_digit()
                & d.is_ascii_digit())
        })
}

pub(crate) fn stamp_prefix(line: &str) -> Option<(String, usize)> {
    if !has_year(&line.as_bytes()[..line.len().min(80)]) {
        return None;
    }
    // Only heads that hold a year and fit in a stamp line can be stamps (see [`stamp_line`]).
    let year_end = line
        .as_bytes()
        .windows(4)
        .position(|w| w.iter().all(u8::is_ascii_digit))
        .map_or(usize::MAX, |at| at + 4);
    let mut best = None;
    for (i, _) in line
        .char_indices()
        .filter(|&(i, c)| c == ' ' && i > 0)
        .take(10)
    {
        if i > 80 {
            break;
        }
        if i < year_end {
            continue;
        }
        if let Some(date) = stamp_before(line, i) {
            best = Some((date, i));
        }
    }
    best
}

/// The date of the stamp that `line[..at]` is, when the text after it opens a sentence (an
/// upper-case letter or a bracket) and the head is marked as a stamp by a time or a marker
/// word.
fn stamp_before(line: &str, at: usize) -> Option<String> {
    let head = line.get(..at)?;
    let tail = line.get(at..)?.trim_start();
    if !tail
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '(')
    {
        return None;
    }
    let date = stamp_line(head)?;
    let marked = TIME.is_match(head)
        || fold(head)
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| STAMP_MARKERS.contains(&w));
    marked.then_some(date)
}

static TAG_PAREN: LazyLock<Regex> = LazyLock::new(|| re(r"^\(([^()\n]+)\)\s*(?:[-–—:]+\s*|\s)"));
/// "Hà Nội (TTXVN) -", "Maputo, 25/6 (TTXVN) -": an agency dateline, with or without the day.
static TAG_PLACE_PAREN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^([\p{Lu}][\p{L} .'’]+?)(?:\s*,\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?)?\s*\(([^()\n]+)\)\s*[-–—:]+\s*",
    )
});
static TAG_WORD: LazyLock<Regex> = LazyLock::new(|| re(r"^([\p{Lu}][\p{L}\d.+/]+)\s*[-–—]+\s+"));
static TAG_WORD_DOT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^([\p{Lu}][\p{L}\d+/]*\.(?i:vn|com|net|org|com\.vn))\s*[.:]\s+"));

/// An outlet tag at the start of a lead, as `(outlet, dateline, tag length in bytes)`.
pub(crate) fn outlet_tag_prefix(line: &str) -> Option<(String, Option<String>, usize)> {
    // Lengths are checked after matching: bounded repeats of Unicode classes make patterns
    // slow to build. The bracket holds 2 to 40 characters, the place 2 to 31, a word 2 to 25.
    let within = |c: &regex::Captures<'_>, group: usize, max: usize| {
        c.get(group)
            .is_some_and(|m| (2..=max).contains(&m.as_str().chars().count()))
    };
    // What each pattern needs before it is run: an opening bracket first or anywhere, a
    // capital first, a dash ("-", or the lead byte of "–" and "—"), a full stop.
    let bytes = line.as_bytes();
    let paren_first = line.starts_with('(');
    let paren = paren_first || memchr::memchr(b'(', bytes).is_some();
    let capital = line.chars().next().is_some_and(char::is_uppercase);
    let dash = memchr::memchr2(b'-', 0xE2, bytes).is_some();
    let stop = memchr::memchr(b'.', bytes).is_some();
    if let Some(c) = paren_first
        .then(|| TAG_PAREN.captures(line))
        .flatten()
        .filter(|c| within(c, 1, 40))
    {
        let inner = c.get(1)?.as_str().trim();
        // "(Dân trí) -": a short capitalized name in brackets, then a dash, opens a lead.
        let dashed = c.get(0)?.as_str().contains(['-', '–', '—']);
        let short_name = inner.split_whitespace().count() <= 3
            && inner.chars().next().is_some_and(char::is_uppercase)
            && !inner.chars().any(|ch| ch.is_ascii_digit());
        if (looks_like_outlet(inner) || dashed && short_name) && !is_dateline_text(inner) {
            return Some((inner.to_string(), None, c.get(0)?.end()));
        }
    }
    if let Some(c) = (capital && paren)
        .then(|| TAG_PLACE_PAREN.captures(line))
        .flatten()
        .filter(|c| within(c, 1, 31) && within(c, 2, 40))
    {
        let place = c.get(1)?.as_str().trim();
        let inner = c.get(2)?.as_str().trim();
        if looks_like_outlet(inner) && place.split_whitespace().count() <= 4 {
            return Some((inner.to_string(), Some(place.to_string()), c.get(0)?.end()));
        }
    }
    for (pattern, max, possible) in [
        (&*TAG_WORD, 25, capital && dash),
        (&*TAG_WORD_DOT, usize::MAX, capital && stop),
    ] {
        if !possible {
            continue;
        }
        if let Some(c) = pattern.captures(line).filter(|c| within(c, 1, max)) {
            let word = c.get(1)?.as_str();
            if is_acronym(word) || is_domain(word) {
                return Some((
                    word.trim_end_matches('.').to_string(),
                    None,
                    c.get(0)?.end(),
                ));
            }
        }
    }
    None
}

/// A line that only names the source: "(TTXVN/Vietnam+)", "Theo baoquocte.vn", "Nguồn: VOV".
/// A source line that also names a writer ("Theo Nguyễn Hoàng (TTXVN)") is a [`credit`].
pub(crate) fn outlet_line(line: &str) -> Option<String> {
    // A bracket or the lead word of a source line ("Theo", "Nguồn") opens it.
    if !line.trim_start().starts_with(['(', 'T', 't', 'N', 'n']) {
        return None;
    }
    outlet_line_read(line)
}

/// [`outlet_line`] read without first looking at how the line starts.
fn outlet_line_read(line: &str) -> Option<String> {
    let t = line.trim().trim_end_matches('.').trim();
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        let inner = inner.trim();
        if looks_like_outlet(inner) && !is_dateline_text(inner) && !inner.contains('(') {
            return Some(inner.to_string());
        }
        return None;
    }
    let name = strip_source_lead(t)?;
    let words = name.split_whitespace().count();
    let named = name.chars().next().is_some_and(char::is_uppercase)
        || name.split_whitespace().next().is_some_and(is_domain);
    ((1..=5).contains(&words)
        && named
        && looks_like_outlet(name)
        && name_and_outlet(name).is_none())
    .then(|| name.to_string())
}

/// A source line: "Nguồn: VOV", "Theo baoquocte.vn", and with the writer's name,
/// "Theo Nguyễn Hoàng (TTXVN)".
pub(crate) fn source_line(line: &str) -> Option<Credit> {
    // The lead word of a source line ("Theo", "Nguồn") opens it.
    if !line.trim_start().starts_with(['T', 't', 'N', 'n']) {
        return None;
    }
    source_line_read(line)
}

/// [`source_line`] read without first looking at how the line starts.
fn source_line_read(line: &str) -> Option<Credit> {
    let t = line.trim().trim_end_matches('.').trim();
    let rest = strip_source_lead(t)?;
    if let Some((author, outlet)) = name_and_outlet(rest) {
        return Some(Credit {
            author: Some(author),
            outlet: Some(outlet),
        });
    }
    outlet_line(t).map(|o| Credit {
        author: None,
        outlet: Some(o),
    })
}

/// The outlet named by a copyright line: "© 2023 Thời báo Ngoại giao. Giấy phép số …" gives
/// "Thời báo Ngoại giao".
pub(crate) fn copyright_outlet(line: &str) -> Option<String> {
    let at = line.find('©')?;
    let rest = line[at + '©'.len_utf8()..].trim_start_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '–' | ',')
    });
    let name = rest
        .split(['.', ',', '|', ';', '(', '–'])
        .next()
        .unwrap_or("")
        .split(" - ")
        .next()
        .unwrap_or("")
        .trim();
    let n = name.split_whitespace().count();
    let f = fold(name);
    let named = name.chars().next().is_some_and(char::is_uppercase)
        && !f.starts_with("ban quyen")
        && !f.starts_with("copyright");
    (named && (1..=6).contains(&n)).then(|| name.to_string())
}

/// The text after the lead word of a source line ("Theo …", "Nguồn: …").
fn strip_source_lead(t: &str) -> Option<&str> {
    // "Theo", "Nguồn": a short first word, seen before anything is folded.
    if !t.starts_with(['T', 't', 'N', 'n']) {
        return None;
    }
    let end = t.find(|c: char| c.is_whitespace() || c == ':')?;
    if end > 8 {
        return None;
    }
    // Compared character by character: most lines start with other words ("Trong", "Ngày").
    let lead = &t[..end];
    // The first two letters tell the two words apart, and most other words from both.
    let mut folded = fold_chars(lead);
    let is_lead = match (folded.next(), folded.next()) {
        (Some('t'), Some('h')) => folded.eq("eo".chars()),
        (Some('n'), Some('g')) => folded.eq("uon".chars()),
        _ => false,
    };
    if !is_lead {
        return None;
    }
    let rest = t[end..].trim_start().trim_start_matches(':').trim();
    (!rest.is_empty()).then_some(rest)
}

/// A lone agency or site name, as it stands on the line after the end mark: "TTXVN", "VOV.VN".
pub(crate) fn agency_line(line: &str) -> Option<String> {
    let t = line.trim().trim_end_matches('.').trim();
    let single = !t.is_empty() && !t.contains(char::is_whitespace) && t.chars().count() <= 30;
    (single && (is_acronym(t) || is_domain(t))).then(|| t.to_string())
}

/// The outlet named in a follow prompt: "Theo dõi Báo Quốc tế trên Google News" gives
/// "Báo Quốc tế", "Theo dõi Baoquocte.vn trên Zalo" gives "Baoquocte.vn".
pub(crate) fn follow_prompt_outlet(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 4 || fold(words[0]) != "theo" || fold(words[1]) != "doi" {
        return None;
    }
    let on = words.iter().position(|w| fold(w) == "tren")?;
    let name = words.get(2..on)?;
    let platform = on + 1..words.len();
    let named = name
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) || is_domain(w));
    // The platform may be an icon, missing from the text: "Theo dõi Baoquocte.vn trên".
    (named && name.len() <= 5 && platform.len() <= 3).then(|| name.join(" "))
}

/// Whether a short text names a news outlet or agency rather than saying something.
pub(crate) fn looks_like_outlet(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    if s.ends_with(['.', ',', ';']) && !is_domain(s.trim_end_matches('.')) {
        return false;
    }
    words.iter().any(|w| is_acronym(w) || is_domain(w))
        || (words.len() <= 3
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase)))
}

/// Upper-case agency names: TTXVN, VOV, NLĐO, TTXVN/Vietnam+, PV.
pub(crate) fn is_acronym(w: &str) -> bool {
    let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.'));
    let first = w.split(['/', '+', '-']).next().unwrap_or("");
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && first
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// Domain-like names: Chinhphu.vn, VOV.VN, baoquocte.vn, vnexpress.net.
pub(crate) fn is_domain(w: &str) -> bool {
    // Every suffix has a full stop, which lower-casing neither makes nor removes.
    if !w.contains('.') {
        return false;
    }
    let lower = w.to_lowercase();
    let lower = lower.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ':'));
    lower.chars().next().is_some_and(char::is_alphanumeric)
        && [".vn", ".com", ".net", ".org", ".info", ".gov"]
            .iter()
            .any(|tld| {
                // A suffix cannot overlap itself, so its matches are all its occurrences.
                lower.ends_with(tld)
                    || lower.match_indices(tld).any(|(i, _)| {
                        matches!(lower.as_bytes().get(i + tld.len()), Some(b'/' | b'.'))
                    })
            })
}

fn is_dateline_text(inner: &str) -> bool {
    let f = fold(inner);
    f.starts_with("tu ")
        || f.starts_with("tai ")
        || f.starts_with("phong vien")
        || f.starts_with("pv ")
}

/// A dateline on a line of its own: "(từ thủ đô Lima, Peru)". Returns the place.
pub(crate) fn dateline_line(line: &str) -> Option<String> {
    let inner = line.trim().strip_prefix('(')?.strip_suffix(')')?.trim();
    if inner.contains(['(', ')']) || inner.split_whitespace().count() > 9 {
        return None;
    }
    let f = fold(inner);
    for lead in ["tu thu do ", "tu ", "tai thu do ", "tai "] {
        if f.starts_with(lead) {
            let cut = inner
                .char_indices()
                .nth(lead.chars().count())
                .map_or(inner.len(), |(i, _)| i);
            return Some(inner[cut..].trim().to_string());
        }
    }
    None
}

/// A dateline without brackets, as it stands under a title: "Từ Washington, D.C., Hoa Kỳ",
/// "Từ thủ đô Lima, Peru". Every word of the place is capitalized. Returns the place.
pub(crate) fn bare_dateline(line: &str) -> Option<String> {
    let t = line.trim();
    let rest = t.strip_prefix("Từ ")?.trim_start();
    let mut words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || t.ends_with([':', ';', '!', '?', ',']) {
        return None;
    }
    // "thủ đô Lima", "thành phố New York": the place's kind, then its name.
    let mut place = rest;
    if words.len() > 2 {
        let kind = fold(&format!("{} {}", words[0], words[1]));
        if kind == "thu do" || kind == "thanh pho" {
            words.drain(..2);
            let cut = rest.find(words[0]).unwrap_or(0);
            place = &rest[cut..];
        }
    }
    // "D.C." may end the place; a full stop after a word ends a sentence.
    let last = words.last().copied().unwrap_or("");
    if last.ends_with('.') && last.matches('.').count() < 2 {
        return None;
    }
    let capitalized = words.iter().all(|w| {
        w.trim_start_matches(['(', '"'])
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    });
    capitalized.then(|| place.trim_end_matches(',').trim().to_string())
}

/// Who a story is credited to: its writer, its outlet, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Credit {
    pub author: Option<String>,
    pub outlet: Option<String>,
}

/// A credit line: a byline ("Minh Ngọc", "Bài và ảnh: Thu Hà", "NHÓM PV", "HOÀI THU"), with
/// the outlet when the line names one ("Thu Hằng/VOV.VN", "Đỗ Sinh (TTXVN/Vietnam+)",
/// "Theo Nguyễn Hoàng (TTXVN)"). Upper-case names are given in title case.
pub(crate) fn credit(line: &str) -> Option<Credit> {
    let t = line.trim().trim_end_matches('.').trim();
    // Names, a label and an outlet: a credit is short, a paragraph is ruled out at once.
    if t.is_empty() || t.len() > 240 {
        return None;
    }
    if let Some(rest) = strip_source_lead(t) {
        // "Theo Nguyễn Hoàng (TTXVN)": the name is a writer's only beside an outlet.
        let (author, outlet) = name_and_outlet(rest)?;
        return Some(Credit {
            author: Some(author),
            outlet: Some(outlet),
        });
    }
    let t = strip_byline_label(t);
    if let Some((author, outlet)) = name_and_outlet(t) {
        return Some(Credit {
            author: Some(author),
            outlet: Some(outlet),
        });
    }
    byline_names(t).map(|author| Credit {
        author: Some(author),
        outlet: None,
    })
}

/// The writer's name on a byline line. See [`credit`].
pub(crate) fn byline(line: &str) -> Option<String> {
    credit(line).and_then(|c| c.author)
}

/// The text after a byline label: "Bài và ảnh: Thu Hà" gives "Thu Hà". The labels are the
/// `byline_label` phrases of the template vocabulary.
fn strip_byline_label(t: &str) -> &str {
    let Some(colon) = t.find(':') else {
        return t;
    };
    if crate::lexicon::lexicon().is_byline_label(&t[..colon]) {
        t[colon + 1..].trim()
    } else {
        t
    }
}

/// A writer's name with the outlet after it: "Đỗ Sinh (TTXVN/Vietnam+)", "Thu Hằng/VOV.VN",
/// "Hoàng Long/VOV-Hiroshima" (the outlet is "VOV").
fn name_and_outlet(t: &str) -> Option<(String, String)> {
    let (name, outlet) = if let Some(open) = t.rfind('(') {
        let inner = t[open + 1..].strip_suffix(')')?.trim();
        if !looks_like_outlet(inner) || is_dateline_text(inner) {
            return None;
        }
        (t[..open].trim(), inner)
    } else {
        let slash = t.find('/')?;
        let after = t[slash + 1..].trim();
        let agency = after.split(['-', '–']).next().unwrap_or(after).trim();
        if !(is_acronym(agency) || is_domain(agency)) || agency.contains(char::is_whitespace) {
            return None;
        }
        (t[..slash].trim(), agency)
    };
    let name = byline_names(name)?;
    Some((name, outlet.to_string()))
}

/// Role words that make a short line a byline: "Nhóm PV", "PV", "Phóng viên".
const BYLINE_ROLES: &[&str] = &[
    "pv",
    "nhom pv",
    "nhom phong vien",
    "phong vien",
    "ctv",
    "btv",
    "nhom tac gia",
];

/// The names of a byline: one or more writers or a reporter group, nothing else.
fn byline_names(line: &str) -> Option<String> {
    let mut t = line.trim().trim_end_matches('.').trim();
    // "Nguyễn Hằng (từ Paris)": drop the dateline part.
    if let Some(open) = t.find('(') {
        if t.ends_with(')') && dateline_line(&t[open..]).is_some() {
            t = t[..open].trim();
        }
    }
    // Compared character by character: most texts differ from every role at once.
    if BYLINE_ROLES.iter().any(|r| fold_chars(t).eq(r.chars())) {
        return Some(title_case(t));
    }
    if t.is_empty() || t.chars().count() > 60 || t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = t
        .split([',', '-', '–', '&'])
        .flat_map(split_and)
        .map(str::trim)
        .collect();
    if parts.len() > 4 {
        return None;
    }
    let all_names = parts.iter().all(|p| {
        // The shape first: it needs no folding.
        if is_person_name_shape(p) {
            return true;
        }
        let f = fold(p);
        BYLINE_ROLES.iter().any(|r| {
            f.strip_prefix(r)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
    });
    all_names.then(|| title_case(t))
}

/// " và " ("and"), searched for with a prebuilt search.
static AND: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(" và "));

/// The pieces of `text` between the words " và ", as `text.split(" và ")` gives them.
fn split_and(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match AND.find(r.as_bytes()) {
            Some(at) => {
                rest = r.get(at + " và ".len()..);
                r.get(..at)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// An all-capitals name in title case ("HOÀI THU" gives "Hoài Thu"); role acronyms ("PV")
/// and names already in mixed case stay as written.
fn title_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            if BYLINE_ROLES.contains(&fold(w).as_str()) {
                return w.to_string();
            }
            let mut cs = w.chars();
            match cs.next() {
                Some(first) => first.to_string() + &cs.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Place and institution words that are capitalized like names but are not bylines.
const NOT_NAMES: &[&str] = &[
    "viet nam",
    "ha noi",
    "trung quoc",
    "hoa ky",
    "nhat ban",
    "han quoc",
    "lien hop quoc",
    "thanh pho",
    "ho chi minh",
    "bo ngoai giao",
    "chinh phu",
    "quoc hoi",
    "thu tuong",
    "chu tich",
    "tong thong",
    "bo truong",
    "dai su",
    "asean",
    "apec",
];

// One bit for each word in the sets of [`names_a_place`].
const _: () = assert!(NOT_NAMES.len() <= 32);

/// Two to five capitalized words of letters only: the shape of a (Vietnamese) name, written
/// either in title case ("Thu Hằng") or in capitals ("THU HẰNG").
pub(crate) fn is_person_name_shape(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let short_words = words
        .iter()
        .all(|w| w.chars().all(char::is_alphabetic) && w.chars().count() <= 8);
    let title_case = words.iter().all(|w| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
    });
    let capitals = words.iter().all(|w| w.chars().all(char::is_uppercase));
    // The shape first: most texts fail it, and the list of places is searched only after.
    if !(short_words && (title_case || capitals)) {
        return false;
    }
    let f = fold(s);
    !names_a_place(&f)
}

/// Whether the folded text `f` holds one of [`NOT_NAMES`]: at each byte, only the words that
/// start with that byte are compared.
fn names_a_place(f: &str) -> bool {
    /// For each byte, the words of [`NOT_NAMES`] that start with it, as a bit set.
    static BY_FIRST: LazyLock<[u32; 256]> = LazyLock::new(|| {
        let mut by_first = [0u32; 256];
        for (k, n) in NOT_NAMES.iter().enumerate() {
            if let Some(&b) = n.as_bytes().first() {
                by_first[usize::from(b)] |= 1 << k;
            }
        }
        by_first
    });
    let bytes = f.as_bytes();
    bytes.iter().enumerate().any(|(at, &b)| {
        let mut set = BY_FIRST[usize::from(b)];
        while set != 0 {
            let k = set.trailing_zeros() as usize;
            set &= set - 1;
            if NOT_NAMES
                .get(k)
                .is_some_and(|n| bytes[at..].starts_with(n.as_bytes()))
            {
                return true;
            }
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of the kinds the metadata readers meet.
    fn meta_lines() -> Vec<String> {
        let mut lines: Vec<String> = [
            "Theo baoquocte.vn",
            "theo TTXVN",
            "THEO VOV",
            "Theo Nguyễn Hoàng (TTXVN)",
            "Theo Thu Hằng/VOV-Hiroshima",
            "Theo đó, hai bên nhất trí tăng cường hợp tác.",
            "Nguồn: VOV",
            "NGUỒN: Reuters.",
            "nguon: afp",
            "Nguồn vốn ODA được ưu tiên",
            "Ngày 14/11, hai bên hội đàm",
            "Thứ trưởng Hà Kim Ngọc",
            "Trong khuôn khổ chuyến thăm",
            "Tŀeo x",
            "Thẹo: x",
            "Ṭheo VOV",
            "(TTXVN/Vietnam+)",
            "(từ thủ đô Lima, Peru)",
            "(Ảnh: TTXVN)",
            " (TTXVN)",
            "  Theo VOV ",
            "\u{a0}Theo VOV",
            "...",
            "",
            "T",
            "Theo",
            "Theo:",
            "Nguồn:   Dân trí",
            "Minh Ngọc",
            "Đỗ Sinh (TTXVN/Vietnam+)",
            "Thu Hằng/VOV.VN",
            "HOÀI THU",
            "Minh Anh và Thu Hà",
            "Minh Anh và Hà Nội",
            "Nhóm PV",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        lines.push(format!("Theo {}", "Nguyễn Văn A ".repeat(20)));
        lines
    }

    #[test]
    fn source_and_outlet_lines_agree_with_reading_every_line() {
        let mut found = [0, 0];
        for line in meta_lines() {
            let outlet = outlet_line_read(&line);
            found[0] += usize::from(outlet.is_some());
            assert_eq!(outlet_line(&line), outlet, "{line:?}");
            let source = source_line_read(&line);
            found[1] += usize::from(source.is_some());
            assert_eq!(source_line(&line), source, "{line:?}");
        }
        assert!(found[0] > 4 && found[1] > 4, "{found:?}");
    }

    #[test]
    fn source_leads_agree_with_comparing_whole_words() {
        fn reference(t: &str) -> Option<&str> {
            if !t.starts_with(['T', 't', 'N', 'n']) {
                return None;
            }
            let end = t.find(|c: char| c.is_whitespace() || c == ':')?;
            if end > 8 {
                return None;
            }
            let lead = &t[..end];
            if !fold_chars(lead).eq("theo".chars()) && !fold_chars(lead).eq("nguon".chars()) {
                return None;
            }
            let rest = t[end..].trim_start().trim_start_matches(':').trim();
            (!rest.is_empty()).then_some(rest)
        }
        let mut found = 0;
        for line in meta_lines() {
            let want = reference(&line);
            found += usize::from(want.is_some());
            assert_eq!(strip_source_lead(&line), want, "{line:?}");
        }
        assert!(found > 5, "{found}");
    }

    #[test]
    fn and_splits_as_split_does() {
        for text in [
            "",
            " và ",
            "Minh Anh và Thu Hà",
            "a và b và c",
            " và  và ",
            "và",
            "x vàvà y",
            "Thu Hà và",
            " và Thu Hà",
        ] {
            let got: Vec<&str> = split_and(text).collect();
            let want: Vec<&str> = text.split(" và ").collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn places_are_found_as_contains_finds_them() {
        let mut seen = [0, 0];
        let mut texts: Vec<String> = NOT_NAMES
            .iter()
            .flat_map(|n| {
                [
                    n.to_string(),
                    format!("x{n}"),
                    format!("{n} y"),
                    n[1..].to_string(),
                ]
            })
            .collect();
        texts.extend(
            [
                "",
                "thu hang",
                "nguyen van a",
                "ha no",
                "ha noii",
                "aseanx",
                "tha noi",
            ]
            .map(String::from),
        );
        for f in &texts {
            let want = NOT_NAMES.iter().any(|n| f.contains(n));
            assert_eq!(names_a_place(f), want, "{f:?}");
            seen[usize::from(want)] += 1;
        }
        assert!(seen[0] > 5 && seen[1] > 5, "{seen:?}");
    }

    /// Stamp prefixes read by trying every head, as before heads without a year or too long
    /// for a stamp were passed over.
    fn stamp_prefix_reference(line: &str) -> Option<(String, usize)> {
        if !has_year(&line.as_bytes()[..line.len().min(80)]) {
            return None;
        }
        let mut best = None;
        for (i, _) in line
            .char_indices()
            .filter(|&(i, c)| c == ' ' && i > 0)
            .take(10)
        {
            if let Some(date) = stamp_before(line, i) {
                best = Some((date, i));
            }
        }
        best
    }

    #[test]
    fn stamp_prefixes_agree_with_the_reference() {
        let lines = [
            "date 2024-10 Thứ trưởng Ngoại giao Hà Kim Ngọc. (Ảnh: TTXVN phát)",
            "14/11/1994 là ngày thiết lập quan hệ ngoại giao",
            "Cập nhật: 08:15 ngày 03/10/2023 Hai bên",
            "Thứ Năm, 14/11/2024 09:30 (GMT+7) Thủ tướng",
            "Thứ Năm, 14/11/2024 09:30 Thủ tướng Phạm Minh Chính",
            "Đăng lúc 9h30 ngày 2/5/2024 Bộ trưởng",
            "15/11/2024 17:51 Chủ tịch nước",
            "Ngày 12 tháng 5 năm 2023 Hai bên",
            "a b c d e f g h i j 2024 Hai",
            "Thứ Năm, ngày 7 tháng 11 năm 2019 09:30 Thủ tướng tiếp Đại sứ",
            "Thứ Năm, ngày 7 tháng 11 năm 2019 lúc 09:30 giờ địa phương Thủ tướng tiếp",
            "2024 Hai bên",
            "",
            "12/3/2024",
        ];
        let mut found = 0;
        for line in lines {
            let want = stamp_prefix_reference(line);
            found += usize::from(want.is_some());
            assert_eq!(stamp_prefix(line), want, "{line:?}");
        }
        assert!(found > 3, "{found}");
    }

    #[test]
    fn has_year_finds_four_digits_in_a_row() {
        let reference = |bytes: &[u8]| bytes.windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
        for s in [
            "",
            "1",
            "123",
            "1234",
            "a1234",
            "12a34",
            "123 4567",
            "Ngày 2/5/2024",
            "năm 20 24",
            "số 0123456789",
            "x١٢٣٤",
            "Thứ Năm, 14/11/2024 09:30 (GMT+7)",
            "12/3/45 678",
        ] {
            assert_eq!(has_year(s.as_bytes()), reference(s.as_bytes()), "{s:?}");
            let long = format!("{}{s}{}", "ạ".repeat(30), "b".repeat(21));
            assert_eq!(
                has_year(long.as_bytes()),
                reference(long.as_bytes()),
                "{long:?}"
            );
        }
    }

    #[test]
    fn domains_agree_with_the_reference() {
        let reference = |w: &str| {
            let lower = w.to_lowercase();
            let lower = lower.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ':'));
            [".vn", ".com", ".net", ".org", ".info", ".gov"]
                .iter()
                .any(|tld| {
                    lower.ends_with(tld)
                        || lower.contains(&format!("{tld}/"))
                        || lower.contains(&format!("{tld}."))
                })
                && lower.chars().next().is_some_and(char::is_alphanumeric)
        };
        let mut seen = [0, 0];
        for w in [
            "Chinhphu.vn",
            "VOV.VN",
            "baoquocte.vn",
            "vnexpress.net",
            "(Dân trí.com)",
            "TTXVN",
            "a.vn/b",
            "a.com.vn",
            "a.vnx",
            "x.gov.",
            ".vn",
            "(.vn)",
            "Ả.VN",
            "\u{212A}.vn",
            "a.informal",
            "a.info",
            "tin.org,",
            "example.COM:",
            "",
            ".",
            "vn",
            "a.v n",
        ] {
            let want = reference(w);
            assert_eq!(is_domain(w), want, "{w:?}");
            seen[usize::from(want)] += 1;
        }
        assert!(seen[0] > 3 && seen[1] > 3, "{seen:?}");
    }

    /// Stamps read by replacing each pattern's match with a second search, as before matches
    /// were blanked where they were found: the reference [`stamp_line`] must agree with.
    fn stamp_line_reference(line: &str) -> Option<String> {
        if line.len() > 80 || !has_year(line.as_bytes()) {
            return None;
        }
        let mut date = None;
        let mut rest = ZONE.replace_all(line, " ").into_owned();
        if let Some(c) = DATE_DMY.captures(&rest) {
            let (d, m, y) = (num(c.get(1)), num(c.get(2)), num(c.get(3)));
            if let (Some(d), Some(m), Some(y)) = (d, m, y) {
                date = Some((y, m, Some(d)));
            }
            rest = DATE_DMY.replace(&rest, " ").into_owned();
        } else if let Some(c) = DATE_YMD.captures(&rest) {
            let (y, m, d) = (num(c.get(1)), num(c.get(2)), num(c.get(3)));
            let time = num(c.get(4)).zip(num(c.get(5)));
            if let (Some(y), Some(m)) = (y, m) {
                let out = iso(y, m, d, time);
                rest = DATE_YMD.replace(&rest, " ").into_owned();
                return only_stamp_words(&rest).then_some(out).flatten();
            }
        } else if let Some(c) = DATE_WORDS.captures(&rest) {
            let (d, m, y) = (num(c.get(1)), num(c.get(2)), num(c.get(3)));
            if let (Some(d), Some(m), Some(y)) = (d, m, y) {
                date = Some((y, m, Some(d)));
            }
            rest = DATE_WORDS.replace(&rest, " ").into_owned();
        }
        let (y, m, d) = date?;
        let time = TIME
            .captures(&rest)
            .and_then(|c| num(c.get(1)).zip(num(c.get(2))));
        let rest = TIME.replace(&rest, " ");
        if !only_stamp_words(&rest) {
            return None;
        }
        iso(y, m, d, time)
    }

    #[test]
    fn stamps_agree_with_the_reference() {
        let lines = [
            "15/11/2024 17:51",
            "Thứ Năm, 14/11/2024 09:30 (GMT+7)",
            "Thứ Năm, 14/11/2024 09:30 (gmt+7)",
            "14/11/2024 09:30 UTC+07:00",
            "Thứ Năm, 14/11/2024 09:30 (GMT)",
            "date 2024-10",
            "2024-10-05 08:15 cập nhật",
            "Cập nhật: 08:15 ngày 03/10/2023",
            "14:20 | 05/06/2022",
            "Thứ bảy, 6/7/2024, 06:00 (GMT+7)",
            "2023-03-05T10:20:00+07:00",
            "Ngày 14/11, hai bên hội đàm",
            "14/11/1994 là ngày thiết lập quan hệ",
            "45/13/2024",
            "Thứ Năm, ngày 7 tháng 11 năm 2019",
            "Ngày 12 tháng 5 năm 2023",
            "ngày 3 tháng 9, năm 2021 08:30",
            "Ngày 12 tháng 5 năm 2023, hai bên đã ký bản ghi nhớ",
            "Ngày 40 tháng 5 năm 2023",
            "Đăng lúc 9h30 ngày 2/5/2024",
            "2024",
            "Gmtx 12/12/2024",
        ];
        let mut found = 0;
        for line in lines {
            let want = stamp_line_reference(line);
            found += usize::from(want.is_some());
            assert_eq!(stamp_line(line), want, "{line:?}");
        }
        assert!(found > 8, "{found}");
    }

    #[test]
    fn stamp_word_test_lets_every_stamp_through() {
        // Lines put together from pieces of stamps and of prose, so that words of every kind
        // stand next to dates, times and zones.
        let pieces = [
            "15/11/2024",
            "17:51",
            "9 h 30",
            "9 H 30",
            "9h30",
            "2024-10-05T08:15Z",
            "date 2024-10",
            "(GMT+7)",
            "xGMT+7",
            "amUTC-07:00",
            "Thứ Năm,",
            "THU",
            "Nam",
            "ngày 7 tháng 11 năm 2019",
            "thungày 7 tháng 11 năm 2019",
            "Cập nhật:",
            "Updated",
            "PM",
            "th\0u",
            "hai bên hội đàm",
            "Việt Nam và Lào",
            "tin",
            "h",
            "x",
            "",
        ];
        let mut found = 0;
        let mut rejected = 0;
        for a in pieces {
            for b in pieces {
                for c in ["", "12/12/2024", "2023-03-05", "ngày 3 tháng 9 năm 2021"] {
                    for line in [
                        format!("{a} {b} {c}"),
                        format!("{c} {a}{b}"),
                        format!("{b}, {c} {a}"),
                    ] {
                        let want = stamp_line_reference(&line);
                        found += usize::from(want.is_some());
                        rejected += usize::from(!may_be_stamp_words(&line));
                        assert!(want.is_none() || may_be_stamp_words(&line), "{line:?}");
                        assert_eq!(stamp_line(&line), want, "{line:?}");
                    }
                }
            }
        }
        assert!(found > 100 && rejected > 100, "{found} {rejected}");
        // The test reads ASCII as folding does.
        for b in 0..0x80u8 {
            let c = char::from(b).to_string();
            let f = fold(&c);
            if b.is_ascii_alphabetic() {
                assert_eq!(f, c.to_ascii_lowercase());
            } else if !b.is_ascii_digit() && b != 0 {
                assert!(
                    !f.is_empty() && !f.chars().any(char::is_alphanumeric),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn stamps() {
        assert_eq!(
            stamp_line("15/11/2024 17:51").as_deref(),
            Some("2024-11-15T17:51")
        );
        assert_eq!(
            stamp_line("Thứ Năm, 14/11/2024 09:30 (GMT+7)").as_deref(),
            Some("2024-11-14T09:30")
        );
        assert_eq!(stamp_line("date 2024-10").as_deref(), Some("2024-10"));
        assert_eq!(
            stamp_line("Cập nhật: 08:15 ngày 03/10/2023").as_deref(),
            Some("2023-10-03T08:15")
        );
        assert_eq!(
            stamp_line("14:20 | 05/06/2022").as_deref(),
            Some("2022-06-05T14:20")
        );
        assert_eq!(
            stamp_line("Thứ bảy, 6/7/2024, 06:00 (GMT+7)").as_deref(),
            Some("2024-07-06T06:00")
        );
        assert_eq!(
            stamp_line("2023-03-05T10:20:00+07:00").as_deref(),
            Some("2023-03-05T10:20")
        );
        assert_eq!(stamp_line("Ngày 14/11, hai bên hội đàm"), None);
        assert_eq!(stamp_line("14/11/1994 là ngày thiết lập quan hệ"), None);
        assert_eq!(stamp_line("45/13/2024"), None);
    }

    #[test]
    fn stamps_in_words() {
        assert_eq!(
            stamp_line("Thứ Năm, ngày 7 tháng 11 năm 2019").as_deref(),
            Some("2019-11-07")
        );
        assert_eq!(
            stamp_line("Ngày 12 tháng 5 năm 2023").as_deref(),
            Some("2023-05-12")
        );
        assert_eq!(
            stamp_line("ngày 3 tháng 9, năm 2021 08:30").as_deref(),
            Some("2021-09-03T08:30")
        );
        // A sentence that opens with a date is the story's.
        assert_eq!(
            stamp_line("Ngày 12 tháng 5 năm 2023, hai bên đã ký bản ghi nhớ"),
            None
        );
        assert_eq!(stamp_line("Ngày 40 tháng 5 năm 2023"), None);
    }

    #[test]
    fn stamp_prefixes() {
        let line = "date 2024-10 Thứ trưởng Ngoại giao Hà Kim Ngọc. (Ảnh: TTXVN phát)";
        let (d, n) = stamp_prefix(line).unwrap();
        assert_eq!(d, "2024-10");
        assert!(line[n..].trim_start().starts_with("Thứ trưởng"));
        assert_eq!(
            stamp_prefix("14/11/1994 là ngày thiết lập quan hệ ngoại giao"),
            None
        );
    }

    /// Outlet tags read by running every pattern, as before the patterns were skipped when the
    /// line lacks what they need: the reference [`outlet_tag_prefix`] must agree with.
    fn outlet_tag_prefix_reference(line: &str) -> Option<(String, Option<String>, usize)> {
        let within = |c: &regex::Captures<'_>, group: usize, max: usize| {
            c.get(group)
                .is_some_and(|m| (2..=max).contains(&m.as_str().chars().count()))
        };
        if let Some(c) = TAG_PAREN.captures(line).filter(|c| within(c, 1, 40)) {
            let inner = c.get(1)?.as_str().trim();
            let dashed = c.get(0)?.as_str().contains(['-', '–', '—']);
            let short_name = inner.split_whitespace().count() <= 3
                && inner.chars().next().is_some_and(char::is_uppercase)
                && !inner.chars().any(|ch| ch.is_ascii_digit());
            if (looks_like_outlet(inner) || dashed && short_name) && !is_dateline_text(inner) {
                return Some((inner.to_string(), None, c.get(0)?.end()));
            }
        }
        if let Some(c) = TAG_PLACE_PAREN
            .captures(line)
            .filter(|c| within(c, 1, 31) && within(c, 2, 40))
        {
            let place = c.get(1)?.as_str().trim();
            let inner = c.get(2)?.as_str().trim();
            if looks_like_outlet(inner) && place.split_whitespace().count() <= 4 {
                return Some((inner.to_string(), Some(place.to_string()), c.get(0)?.end()));
            }
        }
        for (pattern, max) in [(&*TAG_WORD, 25), (&*TAG_WORD_DOT, usize::MAX)] {
            if let Some(c) = pattern.captures(line).filter(|c| within(c, 1, max)) {
                let word = c.get(1)?.as_str();
                if is_acronym(word) || is_domain(word) {
                    return Some((
                        word.trim_end_matches('.').to_string(),
                        None,
                        c.get(0)?.end(),
                    ));
                }
            }
        }
        None
    }

    #[test]
    fn outlet_tags_agree_with_the_reference() {
        let lines = [
            "(Chinhphu.vn) - Ngày 14/11, nhân dịp",
            "(Dân trí) - Sáng 5/6",
            "(Dân trí) Sáng 5/6",
            "(từ Paris) - Sáng 5/6",
            "Hà Nội (TTXVN) - Sáng nay",
            "Maputo, 25/6 (TTXVN) - Tối 25/6, tại thủ đô Maputo",
            "Hà Nội, 22/2/2024 (TTXVN) - Chiều 22/2",
            "Hà Nội (TTXVN): Sáng nay",
            "VOV.VN - Chiều 5/6",
            "TTO - Sáng 5/6",
            "TTO – Sáng 5/6",
            "TTO — Sáng 5/6",
            "NLĐO-Sáng",
            "Chinhphu.vn: Sáng 5/6",
            "Baoquocte.com.vn. Sáng 5/6",
            "Ngày 25/6 (giờ địa phương), hai bên đã hội đàm",
            "Việt Nam - Peru nhất trí",
            "ASEAN-Nhật Bản nhất trí",
            "chiều 5/6 (TTXVN) - x",
            "",
            "(",
            "Ả (TTXVN) - x",
        ];
        let mut found = 0;
        for line in lines {
            let want = outlet_tag_prefix_reference(line);
            found += usize::from(want.is_some());
            assert_eq!(outlet_tag_prefix(line), want, "{line:?}");
        }
        assert!(found > 5, "{found}");
    }

    #[test]
    fn outlet_tags() {
        let (o, d, n) = outlet_tag_prefix("(Chinhphu.vn) - Ngày 14/11, nhân dịp").unwrap();
        assert_eq!(
            (o.as_str(), d, &"(Chinhphu.vn) - Ngày 14/11, nhân dịp"[n..]),
            ("Chinhphu.vn", None, "Ngày 14/11, nhân dịp")
        );
        let (o, d, _) = outlet_tag_prefix("Hà Nội (TTXVN) - Sáng nay").unwrap();
        assert_eq!((o.as_str(), d.as_deref()), ("TTXVN", Some("Hà Nội")));
        assert_eq!(
            outlet_tag_prefix("VOV.VN - Chiều 5/6")
                .map(|t| t.0)
                .as_deref(),
            Some("VOV.VN")
        );
        assert_eq!(
            outlet_tag_prefix("TTO - Sáng 5/6").map(|t| t.0).as_deref(),
            Some("TTO")
        );
        assert_eq!(
            outlet_tag_prefix("(Dân trí) - Sáng 5/6")
                .map(|t| t.0)
                .as_deref(),
            Some("Dân trí")
        );
        let line = "Maputo, 25/6 (TTXVN) - Tối 25/6, tại thủ đô Maputo";
        let (o, d, n) = outlet_tag_prefix(line).unwrap();
        assert_eq!(
            (o.as_str(), d.as_deref(), &line[n..]),
            ("TTXVN", Some("Maputo"), "Tối 25/6, tại thủ đô Maputo")
        );
        let (o, d, _) = outlet_tag_prefix("Hà Nội, 22/2/2024 (TTXVN) - Chiều 22/2").unwrap();
        assert_eq!((o.as_str(), d.as_deref()), ("TTXVN", Some("Hà Nội")));
        assert_eq!(
            outlet_tag_prefix("Ngày 25/6 (giờ địa phương), hai bên đã hội đàm"),
            None
        );
        assert_eq!(outlet_tag_prefix("Việt Nam - Peru nhất trí"), None);
        assert_eq!(outlet_tag_prefix("ASEAN-Nhật Bản nhất trí"), None);
    }

    #[test]
    fn outlet_lines() {
        assert_eq!(
            outlet_line("(TTXVN/Vietnam+)").as_deref(),
            Some("TTXVN/Vietnam+")
        );
        assert_eq!(
            outlet_line("Theo baoquocte.vn").as_deref(),
            Some("baoquocte.vn")
        );
        assert_eq!(outlet_line("(từ thủ đô Lima, Peru)"), None);
        assert_eq!(
            outlet_line("Theo đó, hai bên nhất trí tăng cường hợp tác."),
            None
        );
    }

    #[test]
    fn bylines_and_datelines() {
        assert_eq!(byline("Minh Ngọc").as_deref(), Some("Minh Ngọc"));
        assert_eq!(byline("Tuấn Anh").as_deref(), Some("Tuấn Anh"));
        assert_eq!(
            byline("Minh Anh - Thu Hà").as_deref(),
            Some("Minh Anh - Thu Hà")
        );
        assert_eq!(
            byline("Nguyễn Hằng (từ Paris)").as_deref(),
            Some("Nguyễn Hằng")
        );
        assert_eq!(byline("Nhóm PV").as_deref(), Some("Nhóm PV"));
        assert_eq!(byline("Việt Nam"), None);
        assert_eq!(byline("Thúc đẩy hợp tác kinh tế"), None);
        assert_eq!(
            dateline_line("(từ thủ đô Lima, Peru)").as_deref(),
            Some("Lima, Peru")
        );
        assert_eq!(dateline_line("(Ảnh: TTXVN)"), None);
    }

    fn credit_of(line: &str) -> Option<(Option<String>, Option<String>)> {
        credit(line).map(|c| (c.author, c.outlet))
    }

    fn some(
        author: Option<&str>,
        outlet: Option<&str>,
    ) -> Option<(Option<String>, Option<String>)> {
        Some((author.map(str::to_string), outlet.map(str::to_string)))
    }

    #[test]
    fn credits() {
        assert_eq!(credit_of("Bài và ảnh: Thu Hà"), some(Some("Thu Hà"), None));
        assert_eq!(
            credit_of("Bài, ảnh: Minh Châu"),
            some(Some("Minh Châu"), None)
        );
        assert_eq!(
            credit_of("Theo Nguyễn Hoàng (TTXVN)"),
            some(Some("Nguyễn Hoàng"), Some("TTXVN"))
        );
        assert_eq!(
            credit_of("Đỗ Sinh (TTXVN/Vietnam+)"),
            some(Some("Đỗ Sinh"), Some("TTXVN/Vietnam+"))
        );
        assert_eq!(
            credit_of("Thu Hằng/VOV.VN"),
            some(Some("Thu Hằng"), Some("VOV.VN"))
        );
        assert_eq!(
            credit_of("Hoàng Long/VOV-Hiroshima"),
            some(Some("Hoàng Long"), Some("VOV"))
        );
        assert_eq!(credit_of("HOÀI THU"), some(Some("Hoài Thu"), None));
        assert_eq!(credit_of("NHÓM PV"), some(Some("Nhóm PV"), None));
        // Sentences, headings, labels that are not a byline's, and prompts are no credits.
        assert_eq!(credit_of("Theo Bộ trưởng, hai bên đã nhất trí"), None);
        assert_eq!(credit_of("Theo Minh Châu"), None);
        assert_eq!(credit_of("Kết quả: hai bên ký ba văn kiện"), None);
        assert_eq!(credit_of("KẾT QUẢ HỘI ĐÀM VÀ CÁC BƯỚC TIẾP THEO"), None);
        assert_eq!(credit_of("Theo dõi Báo Quốc tế trên Google News"), None);
        assert_eq!(credit_of("Việt Nam/ASEAN"), None);
    }

    #[test]
    fn source_lines() {
        let outlet_of = |l: &str| source_line(l).and_then(|c| c.outlet);
        assert_eq!(outlet_of("Nguồn: VOV").as_deref(), Some("VOV"));
        assert_eq!(
            outlet_of("Theo baoquocte.vn").as_deref(),
            Some("baoquocte.vn")
        );
        assert_eq!(
            source_line("Theo Nguyễn Hoàng (TTXVN)").and_then(|c| c.author),
            Some("Nguyễn Hoàng".to_string())
        );
        assert_eq!(outlet_of("Theo đó, hai bên nhất trí."), None);
        assert_eq!(outlet_of("Nguồn vốn ODA được ưu tiên"), None);
    }

    #[test]
    fn outlets_named_by_the_page() {
        assert_eq!(
            follow_prompt_outlet("Theo dõi Thời báo Ngoại giao trên Google News").as_deref(),
            Some("Thời báo Ngoại giao")
        );
        assert_eq!(
            follow_prompt_outlet("Theo dõi Baoquocte.vn trên").as_deref(),
            Some("Baoquocte.vn")
        );
        assert_eq!(
            follow_prompt_outlet("Theo dõi sát diễn biến trên biển"),
            None
        );
        assert_eq!(agency_line("TTXVN").as_deref(), Some("TTXVN"));
        assert_eq!(agency_line("VOV.VN.").as_deref(), Some("VOV.VN"));
        assert_eq!(agency_line("Hết"), None);
        assert_eq!(agency_line("TTXVN đưa tin"), None);
        assert_eq!(
            copyright_outlet("© 2023 Thời báo Ngoại giao. Giấy phép số 45/GP-BTTTT.").as_deref(),
            Some("Thời báo Ngoại giao")
        );
        assert_eq!(
            copyright_outlet("© Đài Tiếng nói Việt Nam. Mọi hình thức sao chép phải ghi rõ nguồn.")
                .as_deref(),
            Some("Đài Tiếng nói Việt Nam")
        );
        assert_eq!(copyright_outlet("© Bản quyền thuộc về tòa soạn."), None);
        assert_eq!(copyright_outlet("Giấy phép số 45/GP-BTTTT"), None);
    }

    #[test]
    fn bare_datelines() {
        assert_eq!(
            bare_dateline("Từ Washington, D.C., Hoa Kỳ").as_deref(),
            Some("Washington, D.C., Hoa Kỳ")
        );
        assert_eq!(
            bare_dateline("Từ thủ đô Lima, Peru").as_deref(),
            Some("Lima, Peru")
        );
        assert_eq!(
            bare_dateline("Từ năm 2020, hai nước đã trao đổi đoàn"),
            None
        );
        assert_eq!(bare_dateline("Từ Hà Nội đến Paris"), None);
        assert_eq!(bare_dateline("Từ Hà Nội."), None);
        assert_eq!(bare_dateline("(từ thủ đô Lima, Peru)"), None);
    }
}
