//! Dates as Vietnamese news writes them, found with their offsets and resolved to ISO 8601 at the
//! precision the text supports.
//!
//! Absolute forms ("14/11/2024", "ngày 14 tháng 11 năm 2024", "tháng 11/2024", "năm 2024"),
//! forms that take their year from an anchor ("Chiều 2/5", "hôm 11/11", "25-27/8") and relative
//! forms ("hôm nay", "sáng nay", "hôm qua", "năm ngoái") are recognized. An anchor is the
//! publication date, or, without one, the year the article's own dated references agree on.

use std::sync::OnceLock;

use regex::Regex;
use regex_automata::{meta, Anchored, Input};

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The year, when known.
    pub year: Option<i32>,
    /// The month (1–12), when known.
    pub month: Option<u32>,
    /// The day of the month, when known.
    pub day: Option<u32>,
}

impl PartialDate {
    /// A date known to the day.
    pub fn ymd(year: i32, month: u32, day: u32) -> Self {
        PartialDate {
            year: Some(year),
            month: Some(month),
            day: Some(day),
        }
    }

    /// Parses the ISO forms `2024`, `2024-11`, `2024-11-15` and `2024-11-15T17:51…`.
    pub fn parse_iso(s: &str) -> Option<Self> {
        let s = s.trim();
        let date = s.split(['T', ' ']).next()?;
        let mut parts = date.split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month = match parts.next() {
            Some(m) => Some(m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(d.parse::<u32>().ok().filter(|d| (1..=31).contains(d))?),
            None => None,
        };
        Some(PartialDate {
            year: Some(year),
            month,
            day,
        })
    }

    /// The ISO 8601 form at the known precision; `None` without a year.
    pub fn iso(&self) -> Option<String> {
        let y = self.year?;
        Some(match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{y:04}-{m:02}"),
            _ => format!("{y:04}"),
        })
    }

    /// Days since an arbitrary epoch, for comparing full dates.
    fn ordinal(&self) -> Option<i64> {
        let (y, m, d) = (self.year?, self.month?, self.day?);
        Some(days_from_civil(y, m, d))
    }

    /// The day `n` days before this one (full dates only).
    pub fn days_before(&self, n: i64) -> Option<Self> {
        let o = self.ordinal()? - n;
        let (y, m, d) = civil_from_days(o);
        Some(PartialDate::ymd(y, m, d))
    }
}

/// Days from 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

fn valid_day(m: u32, d: u32) -> bool {
    (1..=12).contains(&m)
        && (1..=31).contains(&d)
        && !(matches!(m, 4 | 6 | 9 | 11) && d > 30)
        && !(m == 2 && d > 29)
}

/// What a date expression says before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// A calendar date, possibly without its year.
    Date(PartialDate),
    /// So many days before the anchor day ("hôm qua" is 1).
    DaysAgo(i64),
    /// So many years before the anchor year ("năm ngoái" is 1, "năm nay" 0).
    YearsAgo(i32),
    /// So many months before the anchor month ("tháng trước" is 1, "tháng này" 0).
    MonthsAgo(i32),
}

/// A date expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset of the expression's start.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// What it says.
    pub said: Said,
    /// The expression names a span of days or years ("1994-2024", "25-27/8"): this is its start.
    pub range: bool,
}

/// A day, month and year with separators ("14/11/2024", "5.10.2024").
const FULL: &str = r"(?-u:\b)(\d{1,2})\s?[/.\-]\s?(\d{1,2})\s?[/.\-]\s?(\d{4})(?-u:\b)";

/// A day and month after a lead word ("ngày 14/11", "sáng 15-3") or in brackets.
const DAY_MONTH: &str = r"(?i)(?:(?:(?-u:\b)(?:ngày|hôm|sáng|trưa|chiều|tối|khuya|vào|từ|tới|trước|sau|và)|đêm|đến)\s+|\()(\d{1,2})\s?/\s?(\d{1,2})(?-u:\b)|(?:(?-u:\b)(?:ngày|hôm|sáng|trưa|chiều|tối)|đêm)\s+(\d{1,2})-(\d{1,2})(?-u:\b)";

struct Patterns {
    full: meta::Regex,
    day_range: meta::Regex,
    words: Regex,
    day_month: meta::Regex,
    month_year: Regex,
    month: Regex,
    relative: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        Patterns {
            full: anchored_re(FULL),
            day_range: anchored_re(
                r"(?-u:\b)(\d{1,2})\s?(?:-|–|đến|tới)\s?(\d{1,2})\s?[/\-]\s?(\d{1,2})(?:\s?[/\-]\s?(\d{4}))?(?-u:\b)",
            ),
            words: re(r"(?i)(?-u:\b)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)\s*(\d{4}))?(?-u:\b)"),
            day_month: anchored_re(DAY_MONTH),
            month_year: re(r"(?i)(?-u:\b)tháng\s+(\d{1,2})\s?(?:/|-|\s+năm\s+|,\s*)\s?(\d{4})(?-u:\b)"),
            month: re(r"(?i)(?-u:\b)tháng\s+(\d{1,2})(?-u:\b)"),
            relative: re(
                r"(?i)((?-u:\b)(?:hôm nay|sáng nay|trưa nay|chiều nay|tối nay|hôm qua|sáng qua|trưa qua|chiều qua|tối qua|hôm kia|năm ngoái|năm trước|năm nay|tháng trước|tháng này)|đêm nay|đêm qua)(?-u:\b)",
            ),
        }
    })
}

#[allow(clippy::expect_used)] // the patterns are literals, checked by the tests
pub(crate) fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid built-in pattern")
}

/// `pattern` for the searches of [`matches_from`]: the same engine and syntax as [`re`].
#[allow(clippy::expect_used)] // the patterns are literals, checked by the tests
fn anchored_re(pattern: &str) -> meta::Regex {
    meta::Regex::new(pattern).expect("valid built-in pattern")
}

/// The groups of a match, as `regex::Captures` gives them.
trait Groups {
    /// Group `i` as a span of the text and its text.
    fn group(&self, i: usize) -> Option<Group<'_>>;
}

/// One group of a match.
#[derive(Debug, Clone, Copy)]
struct Group<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

impl Group<'_> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl Groups for regex::Captures<'_> {
    fn group(&self, i: usize) -> Option<Group<'_>> {
        self.get(i).map(|m| Group {
            start: m.start(),
            end: m.end(),
            text: m.as_str(),
        })
    }
}

/// A match found by [`matches_from`]: the spans of its groups in `text`.
struct Found<'t> {
    text: &'t str,
    spans: Vec<Option<(usize, usize)>>,
}

impl Groups for Found<'_> {
    fn group(&self, i: usize) -> Option<Group<'_>> {
        let (start, end) = (*self.spans.get(i)?)?;
        Some(Group {
            start,
            end,
            text: self.text.get(start..end)?,
        })
    }
}

fn num<T: std::str::FromStr>(c: &impl Groups, i: usize) -> Option<T> {
    c.group(i).and_then(|m| m.text.parse().ok())
}

/// The matches of `re` in `text`, the same as `captures_iter` gives them, found by trying `re`
/// anchored at each of `starts` in turn instead of searching the whole text. `starts` must
/// hold every position where a match can start: the leftmost match from a position is then
/// the anchored match at the first start after it that has one. The three patterns searched
/// this way need digits, which are rare in prose, so few starts are tried.
fn matches_from<'t>(re: &meta::Regex, text: &'t str, starts: &mut Vec<usize>) -> Vec<Found<'t>> {
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::new();
    let mut caps = re.create_captures();
    let mut from = 0;
    for &s in starts.iter() {
        if s < from || !text.is_char_boundary(s) {
            continue;
        }
        re.search_captures(
            &Input::new(text).range(s..).anchored(Anchored::Yes),
            &mut caps,
        );
        let Some(m) = caps.get_match() else {
            continue;
        };
        // No pattern matches the empty string; one that did would not move on.
        if m.is_empty() {
            continue;
        }
        let spans = (0..caps.group_len())
            .map(|i| caps.get_group(i).map(|g| (g.start, g.end)))
            .collect();
        out.push(Found { text, spans });
        from = m.end();
    }
    out
}

/// By byte: 1 for an ASCII digit, 2 for the first byte of a character outside ASCII that may be
/// a digit; every other byte is passed over without a closer look.
const LOOK: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'0'..=b'9' => 1,
            // Continuation bytes, and the first bytes of U+00C0..U+023F and U+0300..U+037F.
            0x80..=0xBF | 0xC3..=0xC8 | 0xCC | 0xCD => 0,
            0xC0..=0xFF => 2,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// Where a number may start: an ASCII digit after anything but an ASCII digit, or any other
/// character that may be a decimal digit (`\\d` is Unicode's). Letters of the Latin blocks
/// up to U+024F and combining marks (every Vietnamese letter but those of U+1E00..U+1EFF) are
/// no digits and are skipped by their first byte.
///
/// The text is read eight bytes at a time: the bytes [`LOOK`] marks are found with word
/// arithmetic, and only those are looked at one by one.
fn number_starts(text: &str) -> Vec<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const LOW6: u64 = 0x3F3F_3F3F_3F3F_3F3F;
    /// `n` in every byte.
    const fn each(n: u8) -> u64 {
        u64::from_le_bytes([n; 8])
    }
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // ASCII digits: of the bytes below 0x80, those at least 0x30 and below 0x3A (no sum
        // carries into the next byte).
        let low = w & LOW7;
        let digits = (low + each(0x80 - 0x30)) & !(low + each(0x80 - 0x3A)) & !w & HIGH;
        // First bytes of two or more (0xC0 and up), less 0xC3..0xC8, 0xCC and 0xCD: their low
        // six bits are 3..=8 or 12..=13.
        let lead = w & (w << 1) & HIGH;
        let six = w & LOW6;
        let latin = (six + each(0x80 - 3)) & !(six + each(0x80 - 9));
        let marks = (six + each(0x80 - 12)) & !(six + each(0x80 - 14));
        let mut hits = digits | (lead & !(latin | marks) & HIGH);
        while hits != 0 {
            let i = base + (hits.trailing_zeros() / 8) as usize;
            hits &= hits - 1;
            look_at(text, i, &mut out);
        }
        base += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if LOOK[usize::from(b)] != 0 {
            look_at(text, base + i, &mut out);
        }
    }
    out
}

/// Records byte `i` of `text`, one [`LOOK`] marks, when a number starts there.
fn look_at(text: &str, i: usize, out: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b.is_ascii_digit() {
        let after_digit = i
            .checked_sub(1)
            .and_then(|p| bytes.get(p))
            .is_some_and(u8::is_ascii_digit);
        if !after_digit {
            out.push(i);
        }
        return;
    }
    // U+1E00..U+1EFF (E1 B8..BB), the Vietnamese letters, told by their second byte.
    if b == 0xE1
        && bytes
            .get(i + 1)
            .is_some_and(|b1| (0xB8..=0xBB).contains(b1))
    {
        return;
    }
    let c = text.get(i..).and_then(|rest| rest.chars().next());
    if c.is_some_and(|c| !matches!(u32::from(c), 0x1E00..=0x1EFF) && c.is_numeric()) {
        out.push(i);
    }
}

/// Whether two of the nine characters from byte `d` of `text` on are separators of `full`:
/// a match starting there has its second one at the ninth character at the latest.
fn two_separators(text: &str, d: usize) -> bool {
    text.get(d..)
        .unwrap_or("")
        .chars()
        .take(9)
        .filter(|c| matches!(c, '/' | '.' | '-'))
        .nth(1)
        .is_some()
}

/// Whether one of the three characters after the one at `at` is one of `seps`: where the
/// separator after a one- or two-digit number (and an optional space) stands.
fn separator_soon(text: &str, at: usize, seps: &[char]) -> bool {
    text.get(at..)
        .unwrap_or("")
        .chars()
        .skip(1)
        .take(3)
        .any(|c| seps.contains(&c))
}

/// The lead words of `day_month`, in lower case.
const DAY_MONTH_LEADS: &[&str] = &[
    "ngày", "hôm", "sáng", "trưa", "chiều", "tối", "khuya", "vào", "từ", "tới", "trước", "sau",
    "và", "đêm", "đến",
];

/// Whether `c` is the lower-case letter `k` under the simple case folding of `(?i)`: `k`
/// itself, a character whose lower case is `k` alone ("Ồ" for "ồ", the Kelvin sign for "k"),
/// or the long s for "s".
fn same_letter(c: char, k: char) -> bool {
    if c == k {
        return true;
    }
    if k == 's' && c == 'ſ' {
        return true;
    }
    let mut lower = c.to_lowercase();
    lower.next() == Some(k) && lower.next().is_none()
}

/// Where `word` (lower case) ends `hay` under case folding: the byte offset of its start.
fn word_before(hay: &str, word: &str) -> Option<usize> {
    let mut chars = hay.char_indices().rev();
    let mut start = hay.len();
    for k in word.chars().rev() {
        let (i, c) = chars.next()?;
        if !same_letter(c, k) {
            return None;
        }
        start = i;
    }
    Some(start)
}

/// Whether an ASCII word boundary (`(?-u:\b)`) stands at byte `at` of `text`.
fn ascii_boundary(text: &str, at: usize) -> bool {
    let word = |i: Option<usize>| {
        i.and_then(|i| text.as_bytes().get(i))
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
    };
    word(at.checked_sub(1)) != word(Some(at))
}

/// The four ASCII digits at byte `at` of `text` as a number.
fn four_digits(text: &str, at: usize) -> Option<i32> {
    let digits = text.as_bytes().get(at..at + 4)?;
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0, |n, &b| n * 10 + i32::from(b - b'0')))
}

/// Where the white space before byte `d` of `text` begins, when there is some.
fn space_before(text: &str, d: usize) -> Option<usize> {
    let before = text.get(..d)?;
    let trimmed = before.trim_end_matches(char::is_whitespace);
    (trimmed.len() < before.len()).then_some(trimmed.len())
}

/// Whether "tháng" (in any case) stands before white space before one of the numbers: all
/// three patterns with "tháng" need it.
fn months_named(text: &str, numbers: &[usize]) -> bool {
    numbers
        .iter()
        .any(|&d| space_before(text, d).is_some_and(|w| word_before(&text[..w], "tháng").is_some()))
}

/// The years after "năm", "hồi", "cuối", "giữa" or "đầu" and white space ("năm 2024"), as the
/// pattern `(?i)(?:(?-u:\b)(?:năm|hồi|cuối|giữa)|đầu)\s+(\d{4})(?-u:\b)` finds them, less
/// the ones whose digits are not all ASCII (they are no number): the whole match and the year.
/// Every such match starts at one of `numbers` (white space comes before it), and no two can
/// overlap (each ends in its digits and begins with a word).
fn named_years(text: &str, numbers: &[usize]) -> Vec<(std::ops::Range<usize>, i32)> {
    let mut out = Vec::new();
    for &d in numbers {
        let Some(y) = four_digits(text, d).filter(|_| ascii_boundary(text, d + 4)) else {
            continue;
        };
        let Some(w) = space_before(text, d) else {
            continue;
        };
        let word_end = &text[..w];
        let start = ["năm", "hồi", "cuối", "giữa"]
            .iter()
            .filter_map(|k| word_before(word_end, k))
            .find(|&s| ascii_boundary(text, s))
            .or_else(|| word_before(word_end, "đầu"));
        if let Some(start) = start {
            out.push((start..d + 4, y));
        }
    }
    out
}

/// The year spans in brackets ("(1994-2024)"), as the pattern
/// `\((\d{4})\s?[-–]\s?(\d{4})\)` finds them, less the ones whose digits are not all ASCII:
/// the whole match and the two years. Every such match has one of `numbers` right after its
/// bracket.
fn year_spans(text: &str, numbers: &[usize]) -> Vec<(std::ops::Range<usize>, i32, i32)> {
    let one_space = |at: usize| {
        text.get(at..)
            .and_then(|r| r.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(at, |c| at + c.len_utf8())
    };
    let mut out = Vec::new();
    for &d in numbers {
        if d == 0 || text.as_bytes()[d - 1] != b'(' {
            continue;
        }
        let Some(y1) = four_digits(text, d) else {
            continue;
        };
        let at = one_space(d + 4);
        let rest = text.get(at..).unwrap_or("");
        let at = if rest.starts_with('-') {
            at + 1
        } else if rest.starts_with('–') {
            at + '–'.len_utf8()
        } else {
            continue;
        };
        let at = one_space(at);
        let Some(y2) = four_digits(text, at) else {
            continue;
        };
        if text.as_bytes().get(at + 4) == Some(&b')') {
            out.push((d - 1..at + 5, y1, y2));
        }
    }
    out
}

/// Where a match of `day_month` may start, given the numbers of the text: the bracket right
/// before a number, or the start of one of its lead words (in any case) right before the white
/// space before it.
fn day_month_starts(text: &str, numbers: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    for &d in numbers {
        if !separator_soon(text, d, &['/', '-']) {
            continue;
        }
        let before = text.get(..d).unwrap_or("");
        match before.chars().next_back() {
            Some('(') => out.push(d - 1),
            Some(c) if c.is_whitespace() => {
                let word_end = before.trim_end_matches(char::is_whitespace);
                out.extend(
                    DAY_MONTH_LEADS
                        .iter()
                        .filter_map(|w| word_before(word_end, w)),
                );
            }
            _ => {}
        }
    }
    out
}

/// All date expressions of `text`, in text order, without overlaps (longer forms win).
pub fn find(text: &str) -> Vec<DateMention> {
    let p = patterns();
    let mut out: Vec<DateMention> = Vec::new();
    let push = |out: &mut Vec<DateMention>, start: usize, end: usize, said: Said, range: bool| {
        if out.iter().any(|m| m.start < end && start < m.end) {
            return;
        }
        out.push(DateMention {
            start,
            end,
            said,
            range,
        });
    };
    let numbers = number_starts(text);
    let mut starts: Vec<usize> = numbers
        .iter()
        .copied()
        .filter(|&d| separator_soon(text, d, &['/', '.', '-', '–', 'đ', 't']))
        .collect();
    let mut full_starts: Vec<usize> = starts
        .iter()
        .copied()
        .filter(|&d| two_separators(text, d))
        .collect();
    for c in matches_from(&p.day_range, text, &mut starts) {
        let (Some(d1), Some(d2), Some(m)) =
            (num::<u32>(&c, 1), num::<u32>(&c, 2), num::<u32>(&c, 3))
        else {
            continue;
        };
        if !valid_day(m, d1) || !valid_day(m, d2) || d2 <= d1 {
            continue;
        }
        let whole = c.group(0).map_or(0..0, |m| m.range());
        let date = PartialDate {
            year: num(&c, 4),
            month: Some(m),
            day: Some(d1),
        };
        push(&mut out, whole.start, whole.end, Said::Date(date), true);
    }
    for c in matches_from(&p.full, text, &mut full_starts) {
        let (Some(d), Some(m), Some(y)) = (num::<u32>(&c, 1), num::<u32>(&c, 2), num::<i32>(&c, 3))
        else {
            continue;
        };
        if !valid_day(m, d) {
            continue;
        }
        let whole = c.group(0).map_or(0..0, |m| m.range());
        push(
            &mut out,
            whole.start,
            whole.end,
            Said::Date(PartialDate::ymd(y, m, d)),
            false,
        );
    }
    // The three patterns with "tháng" need it before a number; most texts have none.
    let months = months_named(text, &numbers);
    for c in months
        .then(|| p.words.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let (Some(d), Some(m)) = (num::<u32>(&c, 1), num::<u32>(&c, 2)) else {
            continue;
        };
        if !valid_day(m, d) {
            continue;
        }
        let whole = c.get(0).map_or(0..0, |m| m.range());
        let date = PartialDate {
            year: num(&c, 3),
            month: Some(m),
            day: Some(d),
        };
        push(&mut out, whole.start, whole.end, Said::Date(date), false);
    }
    for c in matches_from(&p.day_month, text, &mut day_month_starts(text, &numbers)) {
        // "ngày 14/11" or, after a time-of-day word, "sáng 15-3".
        let (di, mi) = if c.group(1).is_some() { (1, 2) } else { (3, 4) };
        let (Some(d), Some(m)) = (num::<u32>(&c, di), num::<u32>(&c, mi)) else {
            continue;
        };
        let Some(g) = c.group(di) else { continue };
        let end = c.group(mi).map_or(g.end(), |x| x.end());
        // Not a fraction or a longer number: "1/3 dân số", "14/11/2024" handled above.
        if !valid_day(m, d) || text[end..].starts_with(|ch: char| ch == '/' || ch.is_ascii_digit())
        {
            continue;
        }
        let date = PartialDate {
            year: None,
            month: Some(m),
            day: Some(d),
        };
        push(&mut out, g.start(), end, Said::Date(date), false);
    }
    for c in months
        .then(|| p.month_year.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let (Some(m), Some(y)) = (num::<u32>(&c, 1), num::<i32>(&c, 2)) else {
            continue;
        };
        if !(1..=12).contains(&m) {
            continue;
        }
        let whole = c.get(0).map_or(0..0, |m| m.range());
        let date = PartialDate {
            year: Some(y),
            month: Some(m),
            day: None,
        };
        push(&mut out, whole.start, whole.end, Said::Date(date), false);
    }
    for (whole, y1, y2) in year_spans(text, &numbers) {
        if y2 <= y1 {
            continue;
        }
        let date = PartialDate {
            year: Some(y1),
            month: None,
            day: None,
        };
        push(&mut out, whole.start, whole.end, Said::Date(date), true);
    }
    for c in months
        .then(|| p.month.captures_iter(text))
        .into_iter()
        .flatten()
    {
        let Some(m) = num::<u32>(&c, 1).filter(|m| (1..=12).contains(m)) else {
            continue;
        };
        let whole = c.get(0).map_or(0..0, |m| m.range());
        // "tháng 3 năm nay", "tháng 3 vừa qua": the month of the anchor year, resolved later.
        let date = PartialDate {
            year: None,
            month: Some(m),
            day: None,
        };
        push(&mut out, whole.start, whole.end, Said::Date(date), false);
    }
    for (whole, y) in named_years(text, &numbers) {
        if !(1900..=2100).contains(&y) {
            continue;
        }
        let date = PartialDate {
            year: Some(y),
            month: None,
            day: None,
        };
        push(&mut out, whole.start, whole.end, Said::Date(date), false);
    }
    for c in p.relative.captures_iter(text) {
        let Some(g) = c.get(1) else { continue };
        let word = biennien_text::fold(g.as_str());
        let said = match word.as_str() {
            "hom qua" | "sang qua" | "trua qua" | "chieu qua" | "toi qua" | "dem qua" => {
                Said::DaysAgo(1)
            }
            "hom kia" => Said::DaysAgo(2),
            "nam ngoai" | "nam truoc" => Said::YearsAgo(1),
            "nam nay" => Said::YearsAgo(0),
            "thang truoc" => Said::MonthsAgo(1),
            "thang nay" => Said::MonthsAgo(0),
            _ => Said::DaysAgo(0),
        };
        push(&mut out, g.start(), g.end(), said, false);
    }
    out.sort_by_key(|m| m.start);
    out
}

/// Resolves what a mention says against the anchor (the publication date, or a year).
///
/// A day and month without a year take the anchor's year, or the year before when that would put
/// the date more than two months after the anchor (an article of early January about 28/12).
pub fn resolve(said: Said, anchor: Option<PartialDate>) -> Option<PartialDate> {
    match said {
        Said::Date(d) if d.year.is_some() => Some(d),
        Said::Date(d) => {
            let a = anchor?;
            let year = a.year?;
            let mut out = PartialDate {
                year: Some(year),
                ..d
            };
            if let (Some(am), Some(m)) = (a.month, d.month) {
                let (ad, dd) = (a.day.unwrap_or(28), d.day.unwrap_or(1));
                let later_by = (i64::from(m) - i64::from(am)) * 31 + i64::from(dd) - i64::from(ad);
                if later_by > 62 {
                    out.year = Some(year - 1);
                }
            }
            Some(out)
        }
        Said::DaysAgo(n) => {
            let a = anchor?;
            if a.day.is_some() {
                a.days_before(n)
            } else {
                None
            }
        }
        Said::YearsAgo(n) => {
            let y = anchor?.year?;
            Some(PartialDate {
                year: Some(y - n),
                month: None,
                day: None,
            })
        }
        Said::MonthsAgo(n) => {
            let a = anchor?;
            let (y, m) = (a.year?, a.month?);
            let total = y * 12 + m as i32 - 1 - n;
            Some(PartialDate {
                year: Some(total.div_euclid(12)),
                month: Some(total.rem_euclid(12) as u32 + 1),
                day: None,
            })
        }
    }
}

/// The anchor of an article without a publication date: the year it names most often (a dated
/// reference counts double; the later year wins a tie), leaving out targets ("đến năm 2030").
/// `None` when it names no year.
pub fn text_anchor(text: &str, mentions: &[DateMention]) -> Option<PartialDate> {
    let mut years: Vec<i32> = mentions
        .iter()
        .filter_map(|m| match m.said {
            Said::Date(d) if d.month.is_some() => d.year,
            _ => None,
        })
        .collect();
    years.sort_unstable();
    years.dedup();
    // The year named most often is the article's (a dated reference counts double, the later
    // year wins a tie); targets ("đến năm 2030") do not count.
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let re = YEAR.get_or_init(|| re(r"(?-u:\b)(19[5-9]\d|20[0-4]\d)(?-u:\b)"));
    let mut counts: std::collections::HashMap<i32, usize> = std::collections::HashMap::new();
    for c in re.captures_iter(text) {
        let Some(g) = c.get(1) else { continue };
        let from = (0..=g.start().saturating_sub(16))
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        let before = biennien_text::fold(text.get(from..g.start()).unwrap_or(""));
        // The end of a span ("giai đoạn 2015 - 2020", "(1971-2021)") is a term or an anniversary,
        // and a year in a convention's name ("Luật Biển 1982", "UNCLOS 1982") dates the law.
        let wide = (0..=g.start().saturating_sub(48))
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        let wide = biennien_text::fold(text.get(wide..g.start()).unwrap_or(""));
        let clause = wide.rsplit(['.', '\n', ';']).next().unwrap_or("");
        let span_end = {
            let b = before.trim_end();
            let b = b.strip_suffix(['-', '–']).map(str::trim_end).unwrap_or("");
            let digits = b.bytes().rev().take_while(u8::is_ascii_digit).count();
            // An anniversary in brackets ("kỷ niệm 45 năm (1973-2018)") is kept in its year,
            // unless it is still to come.
            let bracketed = text.get(g.end()..).is_some_and(|r| r.starts_with(')'));
            digits == 4
                && (!bracketed
                    || ["sap ", "huong toi ", "chuan bi "]
                        .iter()
                        .any(|w| clause.contains(w)))
        };
        let law = ["luat bien", "unclos", "cong uoc"]
            .iter()
            .any(|w| clause.contains(w));
        let target = span_end
            || law
            || [
                "den nam ",
                "toi nam ",
                "den ",
                "giai doan ",
                "tam nhin ",
                "muc tieu ",
            ]
            .iter()
            .any(|w| before.ends_with(w));
        if let (false, Ok(y)) = (target, g.as_str().parse::<i32>()) {
            *counts.entry(y).or_default() += 1;
        }
    }
    for y in &years {
        *counts.entry(*y).or_default() += 2;
    }
    let named = counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)?;
    // A whole year's figures ("kim ngạch năm 2015 đạt 3,37 tỷ USD") are reported after it.
    let year = closed_years(text)
        .map(|y| y + 1)
        .filter(|&y| y > named)
        .max()
        .unwrap_or(named);
    Some(PartialDate {
        year: Some(year),
        month: None,
        day: None,
    })
}

/// Years whose whole figures a sentence gives: "kim ngạch thương mại năm 2015 đạt 3,37 tỷ
/// USD", "đạt gần 6,5 tỷ USD năm 2017, tăng 7% so với năm 2016". Part of a year ("9 tháng năm
/// 2024", "quý I năm 2024") and forecasts ("dự kiến", "phấn đấu") do not count.
fn closed_years(text: &str) -> impl Iterator<Item = i32> + '_ {
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let re = YEAR.get_or_init(|| re(r"(?i)(?-u:\b)năm (19[5-9]\d|20[0-4]\d)(?-u:\b)"));
    re.captures_iter(text).filter_map(move |c| {
        let g = c.get(1)?;
        let start = text[..g.start()]
            .rfind(['.', '\n', ';'])
            .map_or(0, |i| i + 1);
        let end = text[g.end()..]
            .find(['.', '\n', ';'])
            .map_or(text.len(), |i| g.end() + i);
        let sentence = biennien_text::fold(&text[start..end]);
        let before = biennien_text::fold(&text[start..c.get(0)?.start()]);
        let figure = ["dat ", "kim ngach", "tang ", "giam "]
            .iter()
            .any(|w| sentence.contains(w))
            && ["usd", "dong", "%", "ty ", "trieu "]
                .iter()
                .any(|w| sentence.contains(w));
        let partial = ["thang ", "thang dau ", "quy ", "nua dau ", "nua cuoi "]
            .iter()
            .any(|w| before.trim_end().ends_with(w.trim_end()))
            || [
                "du kien", "phan dau", "muc tieu", "uoc dat", "uoc tinh", " se ", "ke hoach",
            ]
            .iter()
            .any(|w| sentence.contains(w));
        (figure && !partial)
            .then(|| g.as_str().parse().ok())
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Generated texts made of the pieces date patterns are built from.
    fn pieces(words: &'static [&'static str]) -> impl proptest::strategy::Strategy<Value = String> {
        const COMMON: &[&str] = &[
            " ", " ", "  ", "\n", "\u{a0}", "\t", "x", "a", "_", "9", "12", "5", "2024", "1994",
            "20245", "٣", "١٢٣٤", "(", ")", "-", "–", "/", ",", ".", "ſ", "Đ", "ư",
        ];
        let all: Vec<&'static str> = COMMON.iter().chain(words).copied().collect();
        proptest::collection::vec(proptest::sample::select(all), 0..24).prop_map(|v| v.concat())
    }

    const YEAR_WORDS: &[&str] = &[
        "năm", "NĂM", "Năm", "hồi", "HỒI", "cuối", "Cuối", "giữa", "GIỮA", "đầu", "Đầu", "ĐẦU",
        "nam", "xnăm", "đầux",
    ];

    fn named_years_by_regex(text: &str) -> Vec<(std::ops::Range<usize>, i32)> {
        static R: OnceLock<Regex> = OnceLock::new();
        let r =
            R.get_or_init(|| re(r"(?i)(?:(?-u:\b)(?:năm|hồi|cuối|giữa)|đầu)\s+(\d{4})(?-u:\b)"));
        r.captures_iter(text)
            .filter_map(|c| Some((c.get(0)?.range(), num::<i32>(&c, 1)?)))
            .collect()
    }

    fn year_spans_by_regex(text: &str) -> Vec<(std::ops::Range<usize>, i32, i32)> {
        static R: OnceLock<Regex> = OnceLock::new();
        let r = R.get_or_init(|| re(r"\((\d{4})\s?[-–]\s?(\d{4})\)"));
        r.captures_iter(text)
            .filter_map(|c| Some((c.get(0)?.range(), num(&c, 1)?, num(&c, 2)?)))
            .collect()
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        #[test]
        fn named_years_are_the_patterns_matches(text in pieces(YEAR_WORDS)) {
            let numbers = number_starts(&text);
            proptest::prop_assert_eq!(named_years(&text, &numbers), named_years_by_regex(&text));
        }

        #[test]
        fn year_spans_are_the_patterns_matches(text in pieces(&["(2020-2024)", "(1994 – 2024)", "2024 -", "- 2024"])) {
            let numbers = number_starts(&text);
            proptest::prop_assert_eq!(year_spans(&text, &numbers), year_spans_by_regex(&text));
        }

        #[test]
        fn texts_without_a_named_month_have_no_month_matches(
            text in pieces(&["tháng", "THÁNG", "Tháng", "thang", "ngày", "Ngày", "năm", "11"])
        ) {
            let p = patterns();
            let any = p.words.is_match(&text) || p.month_year.is_match(&text) || p.month.is_match(&text);
            if any {
                proptest::prop_assert!(months_named(&text, &number_starts(&text)));
            }
        }

        #[test]
        fn day_month_starts_find_every_match(
            text in proptest::collection::vec(
                (
                    proptest::sample::select(&[
                        "ngày", "Ngày", "NGÀY", "hôm", "sáng", "Sáng", "ſáng", "trưa", "chiều",
                        "Chiều", "tối", "khuya", "\u{212A}huya", "vào", "từ", "tới", "trước", "sau",
                        "ſau", "và", "VÀ", "đêm", "Đêm", "đến", "Đến", "gày", "x", "(", "a(", "9",
                    ][..]),
                    proptest::sample::select(&["", " ", "  ", "\n", "\u{a0}"][..]),
                    proptest::sample::select(&[
                        "1/3", "12/5", "3-4", "1 / 3", "١/3", "25/12/2024", "5/", "7-8x", "32/1",
                        "2", "(3/4)",
                    ][..]),
                    proptest::sample::select(&["", " ", ",", "a", "/", "0"][..]),
                ),
                0..6,
            ).prop_map(|v| v.iter().map(|(a, b, c, d)| format!("{a}{b}{c}{d}")).collect::<String>())
        ) {
            let numbers = number_starts(&text);
            let spans = |c: &dyn Groups| (0..5).map(|i| c.group(i).map(|g| g.range())).collect::<Vec<_>>();
            let fast: Vec<_> = matches_from(&patterns().day_month, &text, &mut day_month_starts(&text, &numbers))
                .iter()
                .map(|c| spans(c))
                .collect();
            static R: OnceLock<Regex> = OnceLock::new();
            let r = R.get_or_init(|| re(DAY_MONTH));
            let plain: Vec<_> = r.captures_iter(&text).map(|c| spans(&c)).collect();
            proptest::prop_assert_eq!(fast, plain);
        }
    }

    proptest::proptest! {
        #[test]
        fn full_starts_find_every_match(
            text in pieces(&["14/11/2024", "12 / 11 / 2024", "12 - 11 .", "5.10.2024", "1 / 2 - 2024", "١/2/2024", "3.37", "/2024", ".", "-", " / "])
        ) {
            let numbers = number_starts(&text);
            let mut starts: Vec<usize> = numbers.iter().copied().filter(|&d| two_separators(&text, d)).collect();
            let spans = |c: &dyn Groups| (0..4).map(|i| c.group(i).map(|g| g.range())).collect::<Vec<_>>();
            let fast: Vec<_> = matches_from(&patterns().full, &text, &mut starts).iter().map(|c| spans(c)).collect();
            static R: OnceLock<Regex> = OnceLock::new();
            let plain: Vec<_> = R.get_or_init(|| re(FULL)).captures_iter(&text).map(|c| spans(&c)).collect();
            proptest::prop_assert_eq!(fast, plain);
        }
    }

    #[test]
    fn same_letter_is_the_patterns_case_folding() {
        // Every block whose letters have case mappings to or from Latin letters: the others
        // map only between letters of their own script.
        let all: String = [
            0..0x3000_u32,
            0xA640..0xAC00,
            0xFB00..0x10000,
            0x10400..0x10500,
        ]
        .into_iter()
        .flatten()
        .filter_map(char::from_u32)
        .collect();
        let mut letters: Vec<char> = DAY_MONTH_LEADS
            .iter()
            .chain(&["tháng", "năm", "hồi", "cuối", "giữa", "đầu"])
            .flat_map(|w| w.chars())
            .collect();
        letters.sort_unstable();
        letters.dedup();
        for k in letters {
            let r = re(&format!("(?i){}", regex::escape(&k.to_string())));
            let by_regex: Vec<char> = r.find_iter(&all).flat_map(|m| m.as_str().chars()).collect();
            let by_fold: Vec<char> = all.chars().filter(|&c| same_letter(c, k)).collect();
            assert_eq!(by_fold, by_regex, "{k}");
        }
    }

    #[test]
    fn year_words_and_spans() {
        let text = "từ năm 2024, cuối 1999 (1994-2024) và đầu 2000; xnăm 2001 NĂM 2002";
        let n = number_starts(text);
        let years: Vec<i32> = named_years(text, &n).into_iter().map(|(_, y)| y).collect();
        assert_eq!(years, vec![2024, 1999, 2000, 2002]);
        assert_eq!(year_spans(text, &n).len(), 1);
        assert!(months_named(
            "ngày 5 Tháng 3",
            &number_starts("ngày 5 Tháng 3")
        ));
        assert!(!months_named(
            "ngày 5 tháng",
            &number_starts("ngày 5 tháng")
        ));
    }

    /// [`number_starts`] one byte at a time.
    fn number_starts_plain(text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if LOOK[usize::from(b)] != 0 {
                look_at(text, i, &mut out);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn number_starts_by_words_are_the_plain_ones(
            text in "([0-9]|[a-zA-Z /:;.,-]|\\PC|[à-ỹ]|Đ|ẽ|ộ|Ự|٣|١٢|²|½|Ⅳ|①|９|၃|០|\u{a0}|“|–){0,40}"
        ) {
            proptest::prop_assert_eq!(number_starts(&text), number_starts_plain(&text));
        }
    }

    #[test]
    fn every_lead_byte_is_read_as_the_table_says() {
        // One character of each first byte, at each place of an eight-byte word.
        let chars: Vec<char> = (0..0x11_0000_u32)
            .step_by(61)
            .filter_map(char::from_u32)
            .chain("0123456789٣²ẽ".chars())
            .collect();
        for shift in 0..8 {
            let text: String = "x".repeat(shift) + &chars.iter().collect::<String>();
            assert_eq!(number_starts(&text), number_starts_plain(&text));
        }
    }

    #[test]
    fn number_starts_are_where_numbers_start() {
        let text = "Ngày 12/3, ông Nguyễn Văn Ất nói: tăng 25% (²) so với năm 2023; \
                    ٣ và ١٢ và Ⅳ, ①, ９９ và x7y88 — Đặng Thị Ẩn ở Huế 1–2";
        let mut want = Vec::new();
        let mut prev_ascii_digit = false;
        for (i, c) in text.char_indices() {
            let starts = if c.is_ascii_digit() {
                !prev_ascii_digit
            } else {
                !c.is_ascii() && c.is_numeric()
            };
            if starts {
                want.push(i);
            }
            prev_ascii_digit = c.is_ascii_digit();
        }
        assert_eq!(number_starts(text), want);
        assert!(want.len() > 10);
    }

    fn first(text: &str, anchor: Option<&str>) -> Option<String> {
        let a = anchor.and_then(PartialDate::parse_iso);
        let m = find(text);
        resolve(m.first()?.said, a)?.iso()
    }

    #[test]
    fn lead_words_beginning_with_d_bar() {
        // "đ" is no ASCII letter: the lead words that begin with it must still be read.
        let anchor = Some("2024-03-10");
        assert_eq!(
            first("Đêm 5/3, đoàn đã tới", anchor).as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            first("kéo dài đến 7/3", anchor).as_deref(),
            Some("2024-03-07")
        );
        assert_eq!(first("vào đầu 2023", None).as_deref(), Some("2023"));
        assert_eq!(first("từ đêm qua", anchor).as_deref(), Some("2024-03-09"));
    }

    #[test]
    fn absolute_forms() {
        assert_eq!(
            first("ngày 14/11/1994", None).as_deref(),
            Some("1994-11-14")
        );
        assert_eq!(first("(5/10/2024)", None).as_deref(), Some("2024-10-05"));
        assert_eq!(
            first("Ngày 12 tháng 5 năm 2023, tại Hà Nội", None).as_deref(),
            Some("2023-05-12")
        );
        assert_eq!(
            first("trong tháng 11/2024", None).as_deref(),
            Some("2024-11")
        );
        assert_eq!(
            first("vào tháng 3 năm 2019", None).as_deref(),
            Some("2019-03")
        );
        assert_eq!(first("từ năm 2007", None).as_deref(), Some("2007"));
        assert_eq!(
            first("kỷ niệm 30 năm (1994-2024)", None).as_deref(),
            Some("1994")
        );
    }

    #[test]
    fn anchored_forms() {
        let a = Some("2024-11-15T17:51");
        assert_eq!(
            first("Chiều 2/5, tại Paris", Some("2024-05-03")).as_deref(),
            Some("2024-05-02")
        );
        assert_eq!(first("hôm 11/11, ông", a).as_deref(), Some("2024-11-11"));
        assert_eq!(
            first("sáng 15-3, hai bên", a).as_deref(),
            Some("2024-03-15")
        );
        assert!(find("từ 2-3 ngày").is_empty());
        assert_eq!(
            first("từ ngày 25-27/8/2024", None).as_deref(),
            Some("2024-08-25")
        );
        assert_eq!(first("ngày 25-27/8", a).as_deref(), Some("2024-08-25"));
        assert_eq!(
            first("Sáng nay, Thủ tướng", a).as_deref(),
            Some("2024-11-15")
        );
        assert_eq!(
            first("Tối qua, Thủ tướng", a).as_deref(),
            Some("2024-11-14")
        );
        assert_eq!(
            first("hôm qua", Some("2024-03-01")).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(first("năm ngoái", a).as_deref(), Some("2023"));
        assert_eq!(
            first("ngày 28/12", Some("2025-01-03")).as_deref(),
            Some("2024-12-28")
        );
        assert_eq!(
            first("tháng trước", Some("2025-01-03")).as_deref(),
            Some("2024-12")
        );
    }

    #[test]
    fn fractions_and_scores_are_not_dates() {
        assert!(find("chiếm 1/3 dân số").is_empty());
        assert!(find("tỷ lệ 3/4").is_empty());
    }

    #[test]
    fn without_an_anchor_the_year_stays_open() {
        assert_eq!(first("Chiều 2/5, tại Paris", None), None);
        let text = "Ngày 3/4/2019 và ngày 5/6/2020";
        assert_eq!(
            text_anchor(text, &find(text))
                .and_then(|d| d.iso())
                .as_deref(),
            Some("2020")
        );
        let text = "Chiều 2/5, tại Paris";
        assert_eq!(text_anchor(text, &find(text)), None);
        // A whole year's trade figure is reported the year after.
        let anchor = |text: &str| text_anchor(text, &find(text)).and_then(|d| d.iso());
        let text =
            "Hội nghị tháng 3/2015 tại Hà Nội. Kim ngạch thương mại năm 2015 đạt 3,37 tỷ USD.";
        assert_eq!(anchor(text).as_deref(), Some("2016"));
        let text = "Tháng 3/2015, kim ngạch 9 tháng năm 2015 đạt 3 tỷ USD.";
        assert_eq!(anchor(text).as_deref(), Some("2015"));
        let text = "Năm 2015, kim ngạch dự kiến đạt 4 tỷ USD. Tháng 3/2015 hai bên gặp nhau.";
        assert_eq!(anchor(text).as_deref(), Some("2015"));
        // Figures of a whole year, however far past the dated references, set a floor.
        let text = "Quan hệ nâng cấp tháng 10/2016. Kim ngạch năm 2019 đạt 2 tỷ USD.";
        assert_eq!(anchor(text).as_deref(), Some("2020"));
        // A visit dated by a range of days is a dated reference.
        let text = "Ông thăm Hà Nội từ ngày 4-6/9/2023. Quan hệ thiết lập ngày 1/2/1990.";
        assert_eq!(anchor(text).as_deref(), Some("2023"));
        // The end of a term, a convention's year and an anniversary still to come do not count.
        let text =
            "Kế hoạch giai đoạn 2016 - 2021 ký năm 2016, tuân thủ Luật Biển 1982 (UNCLOS 1982).";
        assert_eq!(anchor(text).as_deref(), Some("2016"));
        let text = "Năm 2010 hai nước gặp nhau; sắp kỷ niệm 30 năm quan hệ (1995-2025).";
        assert_eq!(anchor(text).as_deref(), Some("2010"));
        let text = "Năm 2012 hai nước gặp nhau; nay kỷ niệm 30 năm quan hệ (1995-2025).";
        assert_eq!(anchor(text).as_deref(), Some("2025"));
        let text = "APEC 2017 tại Đà Nẵng, tầm nhìn đến năm 2030";
        assert_eq!(
            text_anchor(text, &find(text))
                .and_then(|d| d.iso())
                .as_deref(),
            Some("2017")
        );
    }

    #[test]
    fn calendar_arithmetic_round_trips() {
        for (y, m, d) in [(2024, 2, 29), (2000, 1, 1), (1999, 12, 31), (2025, 3, 1)] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
    }
}
