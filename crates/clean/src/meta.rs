//! Metadata read off the text: time stamps, outlet tags, bylines and datelines.

use std::sync::LazyLock;

use biennien_text::fold;
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
/// 14/11/2024 09:30 (GMT+7)", "date 2024-10") and returns it as ISO 8601.
pub(crate) fn stamp_line(line: &str) -> Option<String> {
    // Every stamp has a digit: most lines are ruled out without running a pattern.
    if line.len() > 80 || !line.bytes().any(|b| b.is_ascii_digit()) {
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

fn only_stamp_words(rest: &str) -> bool {
    fold(rest)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| STAMP_WORDS.contains(&w))
}

/// Finds a stamp standing at the start of a line before other text ("date 2024-10 Thứ trưởng
/// …"): returns the ISO date and the byte length of the prefix.
pub(crate) fn stamp_prefix(line: &str) -> Option<(String, usize)> {
    if !line.bytes().take(80).any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut best = None;
    for (i, _) in line
        .char_indices()
        .filter(|&(i, c)| c == ' ' && i > 0)
        .take(10)
    {
        let head = &line[..i];
        let tail = line[i..].trim_start();
        if !tail
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '(')
        {
            continue;
        }
        if let Some(date) = stamp_line(head) {
            let folded = fold(head);
            let marked = TIME.is_match(head)
                || folded
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| STAMP_MARKERS.contains(&w));
            if marked {
                best = Some((date, i));
            }
        }
    }
    best
}

static TAG_PAREN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\(([^()\n]{2,40})\)\s*(?:[-–—:]+\s*|\s)"));
static TAG_PLACE_PAREN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^([\p{Lu}][\p{L} .'’]{1,30}?)\s*\(([^()\n]{2,40})\)\s*[-–—:]+\s*"));
static TAG_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(r"^([\p{Lu}][\p{L}\d.+/]{1,24})\s*[-–—]+\s+"));
static TAG_WORD_DOT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^([\p{Lu}][\p{L}\d+/]*\.(?i:vn|com|net|org|com\.vn))\s*[.:]\s+"));

/// An outlet tag at the start of a lead, as `(outlet, dateline, tag length in bytes)`.
pub(crate) fn outlet_tag_prefix(line: &str) -> Option<(String, Option<String>, usize)> {
    if let Some(c) = TAG_PAREN.captures(line) {
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
    if let Some(c) = TAG_PLACE_PAREN.captures(line) {
        let place = c.get(1)?.as_str().trim();
        let inner = c.get(2)?.as_str().trim();
        if looks_like_outlet(inner) && place.split_whitespace().count() <= 4 {
            return Some((inner.to_string(), Some(place.to_string()), c.get(0)?.end()));
        }
    }
    for pattern in [&*TAG_WORD, &*TAG_WORD_DOT] {
        if let Some(c) = pattern.captures(line) {
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
pub(crate) fn outlet_line(line: &str) -> Option<String> {
    let t = line.trim().trim_end_matches('.').trim();
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        let inner = inner.trim();
        if looks_like_outlet(inner) && !is_dateline_text(inner) && !inner.contains('(') {
            return Some(inner.to_string());
        }
        return None;
    }
    let f = fold(t);
    for lead in ["theo ", "nguon:", "nguon :", "nguon "] {
        if let Some(rest) = f.strip_prefix(lead) {
            let start = t.len() - rest.len();
            let name = t.get(start..)?.trim().trim_start_matches(':').trim();
            let words = name.split_whitespace().count();
            if (1..=5).contains(&words) && looks_like_outlet(name) {
                return Some(name.to_string());
            }
        }
    }
    None
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

/// A byline: an author name (or several, or a reporter group) alone on a line. Returns the name.
pub(crate) fn byline(line: &str) -> Option<String> {
    let mut t = line.trim().trim_end_matches('.').trim();
    // "Nguyễn Hằng (từ Paris)": drop the dateline part.
    if let Some(open) = t.find('(') {
        if t.ends_with(')') && dateline_line(&t[open..]).is_some() {
            t = t[..open].trim();
        }
    }
    let t = t
        .strip_prefix("Bài và ảnh:")
        .or_else(|| t.strip_prefix("Bài, ảnh:"))
        .unwrap_or(t)
        .trim();
    let folded = fold(t);
    if BYLINE_ROLES.contains(&folded.as_str()) {
        return Some(t.to_string());
    }
    if t.is_empty() || t.chars().count() > 60 || t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let parts: Vec<&str> = t
        .split([',', '-', '–', '&'])
        .flat_map(|p| p.split(" và "))
        .map(str::trim)
        .collect();
    if parts.len() > 4 {
        return None;
    }
    let all_names = parts.iter().all(|p| {
        let f = fold(p);
        if BYLINE_ROLES
            .iter()
            .any(|r| f == *r || f.starts_with(&format!("{r} ")))
        {
            return true;
        }
        is_person_name_shape(p)
    });
    all_names.then(|| t.to_string())
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

/// Two to five capitalized words of letters only: the shape of a (Vietnamese) name.
pub(crate) fn is_person_name_shape(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let f = fold(s);
    if NOT_NAMES.iter().any(|n| f.contains(n)) {
        return false;
    }
    words.iter().all(|w| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.clone().all(|c| c.is_alphabetic() && c.is_lowercase())
            && w.chars().count() <= 8
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
