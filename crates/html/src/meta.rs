//! What a page says about itself: JSON-LD, Open Graph and `article:*` meta tags, `<time>`,
//! `<link rel=canonical>`, `<html lang>`, `<title>`, and, when none gives a date, the date line
//! readers see.

use html5ever::local_name;
use serde_json::Value;

use crate::dom::{Data, Dom};

/// What a page says about its article, each field from the best source that gave it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Meta {
    /// Headline, without the site name.
    pub title: Option<String>,
    /// Publication date or date-time, ISO 8601 at minute precision, local time as written.
    pub published: Option<String>,
    /// Last modification, as `published`.
    pub modified: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// The outlet, as the page names itself.
    pub outlet: Option<String>,
    /// Primary language subtag ("vi").
    pub language: Option<String>,
    /// Canonical URL.
    pub canonical: Option<String>,
    /// The page's own summary.
    pub description: Option<String>,
}

/// Sources in the order they are trusted; lower wins.
#[derive(Debug, Default)]
struct Found {
    ld: Meta,
    tags: Meta,
    time: Option<String>,
    time_pub: Option<String>,
}

/// Reads the page's metadata.
pub(crate) fn read(dom: &Dom) -> Meta {
    let mut f = Found::default();
    let mut title_tag = None;
    let mut h1 = None;
    let mut language = None;
    let mut canonical = None;
    for (id, node) in dom.nodes.iter().enumerate() {
        let Data::Element { name, .. } = &node.data else {
            continue;
        };
        match *name {
            local_name!("html") => {
                if language.is_none() {
                    language = node.attr("lang").or(node.attr("xml:lang")).and_then(lang);
                }
            }
            local_name!("title") => {
                if title_tag.is_none() {
                    title_tag = nonempty(&text_of(dom, id));
                }
            }
            local_name!("h1") => {
                if h1.is_none() {
                    h1 = nonempty(&text_of(dom, id));
                }
            }
            local_name!("link") => {
                let rel = node.attr("rel").unwrap_or("").to_ascii_lowercase();
                if canonical.is_none() && rel.split_whitespace().any(|r| r == "canonical") {
                    canonical = node.attr("href").and_then(nonempty);
                }
            }
            local_name!("meta") => meta_tag(
                node.attr("property")
                    .or(node.attr("name"))
                    .or(node.attr("itemprop")),
                node.attr("content"),
                node.attr("http-equiv"),
                &mut f.tags,
            ),
            local_name!("script") => {
                let ty = node.attr("type").unwrap_or("").to_ascii_lowercase();
                if ty.contains("ld+json") {
                    json_ld(&text_of(dom, id), &mut f.ld);
                }
            }
            local_name!("time") => {
                if let Some(dt) = node.attr("datetime").and_then(normalize_date) {
                    if node.attr("pubdate").is_some()
                        || node.attr("itemprop") == Some("datePublished")
                    {
                        f.time_pub.get_or_insert(dt);
                    } else {
                        f.time.get_or_insert(dt);
                    }
                }
            }
            _ => {}
        }
    }
    let (ld, tags) = (f.ld, f.tags);
    let need_date = ld.published.is_none() && tags.published.is_none() && f.time_pub.is_none();
    let (byline, seen_date) = visible(dom, ld.author.is_none() && tags.author.is_none(), need_date);
    let title = ld
        .title
        .or(tags.title)
        .or(h1)
        .or_else(|| title_tag.as_deref().map(|t| shown_part(dom, t)));
    Meta {
        title: title.map(|t| collapse(&t)),
        published: ld
            .published
            .or(tags.published)
            .or(f.time_pub)
            .or(seen_date)
            .or(f.time),
        modified: ld.modified.or(tags.modified),
        author: ld.author.or(tags.author).or(byline),
        outlet: ld.outlet.or(tags.outlet),
        language: language.or(tags.language),
        canonical: canonical.or(tags.canonical),
        description: ld.description.or(tags.description),
    }
}

/// The byline and the date line readers see, from elements whose class or id names them, outside
/// comment threads.
fn visible(dom: &Dom, want_byline: bool, want_date: bool) -> (Option<String>, Option<String>) {
    let (mut byline, mut date) = (None, None);
    let mut day_only: Option<String> = None;
    if !want_byline && !want_date {
        return (None, None);
    }
    for (id, node) in dom.nodes.iter().enumerate() {
        if byline.is_some() == want_byline && date.is_some() == want_date {
            break;
        }
        let Data::Element { .. } = &node.data else {
            continue;
        };
        let class = node.attr("class").unwrap_or("");
        let ident = node.attr("id").unwrap_or("");
        let names_author = node.attr("itemprop") == Some("author")
            || node.attr("rel") == Some("author")
            || crate::words::byline(class, ident);
        let names_date = crate::words::dateline(class, ident);
        if !(names_author && want_byline && byline.is_none()
            || names_date && want_date && date.is_none())
        {
            continue;
        }
        if in_comments(dom, id) {
            continue;
        }
        let text = text_of(dom, id);
        if names_author && want_byline && byline.is_none() {
            let name = clean_byline(&text);
            if (2..=60).contains(&name.chars().count()) && !name.chars().any(|c| c.is_ascii_digit())
            {
                byline = Some(name);
            }
        }
        if names_date && want_date && date.is_none() {
            // A date with its time is a publication line; a bare date may be the site's
            // "today" in the header, so it is kept only until a dated time turns up.
            if let Some((day, time)) = find_day_first(&text) {
                match time {
                    Some(t) => date = Some(format!("{day}T{t}")),
                    None => {
                        day_only.get_or_insert(day);
                    }
                }
            }
        }
    }
    (byline, date.or(day_only))
}

/// Whether an element sits in a comment thread.
fn in_comments(dom: &Dom, id: usize) -> bool {
    let mut at = id;
    for _ in 0..12 {
        let Some(node) = dom.nodes.get(at) else {
            return false;
        };
        if crate::words::comments(
            node.attr("class").unwrap_or(""),
            node.attr("id").unwrap_or(""),
        ) {
            return true;
        }
        at = node.parent;
    }
    false
}

/// A byline without its lead-in ("Bài và ảnh:", "By", "Theo").
fn clean_byline(text: &str) -> String {
    let mut t = text.trim();
    for prefix in [
        "Bài và ảnh:",
        "Bài, ảnh:",
        "Bài:",
        "Tác giả:",
        "By ",
        "by ",
        "Theo ",
    ] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim();
        }
    }
    t.trim_matches(|c: char| c == '-' || c == '|' || c == '·' || c.is_whitespace())
        .to_string()
}

/// One `<meta>` tag.
fn meta_tag(key: Option<&str>, content: Option<&str>, equiv: Option<&str>, m: &mut Meta) {
    let Some(content) = content.and_then(nonempty) else {
        return;
    };
    if let Some(e) = equiv {
        if e.eq_ignore_ascii_case("content-language") && m.language.is_none() {
            m.language = lang(&content);
        }
        return;
    }
    let Some(key) = key else {
        return;
    };
    let key = key.to_ascii_lowercase();
    match key.as_str() {
        "og:title" | "twitter:title" | "dc.title" => set(&mut m.title, content),
        "article:published_time"
        | "og:published_time"
        | "article:published"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "publish_date"
        | "dc.date.issued"
        | "dc.date"
        | "date"
        | "sailthru.date"
        | "parsely-pub-date"
        | "article.published"
        | "dcterms.created"
        | "created"
        | "itemprop:datepublished"
            if m.published.is_none() =>
        {
            m.published = normalize_date(&content);
        }
        "article:modified_time"
        | "og:updated_time"
        | "datemodified"
        | "lastmod"
        | "dcterms.modified"
            if m.modified.is_none() =>
        {
            m.modified = normalize_date(&content);
        }
        "author" | "article:author" | "dc.creator" | "sailthru.author" | "parsely-author"
            if !content.starts_with("http") =>
        {
            set(&mut m.author, content);
        }
        "og:site_name" | "application-name" | "publisher" | "dc.publisher" => {
            set(&mut m.outlet, content)
        }
        "og:locale" | "language" | "dc.language" if m.language.is_none() => {
            m.language = lang(&content);
        }
        "og:url" => set(&mut m.canonical, content),
        "description" | "og:description" | "twitter:description" => {
            set(&mut m.description, content)
        }
        _ => {}
    }
}

fn set(slot: &mut Option<String>, v: String) {
    if slot.is_none() {
        *slot = Some(collapse(&v));
    }
}

/// Reads one JSON-LD script.
fn json_ld(text: &str, m: &mut Meta) {
    let Ok(v) = serde_json::from_str::<Value>(text.trim()) else {
        return;
    };
    let mut stack = vec![&v];
    let mut best: Option<&Value> = None;
    let mut budget = 10_000;
    while let Some(v) = stack.pop() {
        budget -= 1;
        if budget == 0 {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
                if is_article(o.get("@type")) && best.is_none() {
                    best = Some(v);
                }
            }
            _ => {}
        }
    }
    let Some(Value::Object(a)) = best else {
        return;
    };
    if m.title.is_none() {
        m.title = a.get("headline").or(a.get("name")).and_then(string);
    }
    if m.published.is_none() {
        m.published = a
            .get("datePublished")
            .and_then(string)
            .and_then(|s| normalize_date(&s));
    }
    if m.modified.is_none() {
        m.modified = a
            .get("dateModified")
            .and_then(string)
            .and_then(|s| normalize_date(&s));
    }
    if m.author.is_none() {
        m.author = a.get("author").and_then(names);
    }
    if m.outlet.is_none() {
        m.outlet = a.get("publisher").and_then(names);
    }
    if m.description.is_none() {
        m.description = a.get("description").and_then(string);
    }
    if m.language.is_none() {
        m.language = a.get("inLanguage").and_then(string).and_then(|l| lang(&l));
    }
}

fn is_article(ty: Option<&Value>) -> bool {
    let one = |s: &str| {
        matches!(
            s,
            "NewsArticle"
                | "Article"
                | "ReportageNewsArticle"
                | "AnalysisNewsArticle"
                | "BlogPosting"
                | "OpinionNewsArticle"
                | "LiveBlogPosting"
                | "Report"
                | "ScholarlyArticle"
                | "TechArticle"
        )
    };
    match ty {
        Some(Value::String(s)) => one(s),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(one)),
        _ => None::<()>.is_some(),
    }
}

fn string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => nonempty(s).map(|s| collapse(&s)),
        Value::Array(a) => a.first().and_then(string),
        _ => None,
    }
}

/// The name or names of a person or organization value.
fn names(v: &Value) -> Option<String> {
    let one = |v: &Value| match v {
        Value::String(s) => nonempty(s).filter(|s| !s.starts_with("http")),
        Value::Object(o) => o.get("name").and_then(string),
        _ => None,
    };
    match v {
        Value::Array(a) => {
            let all: Vec<String> = a.iter().filter_map(one).collect();
            (!all.is_empty()).then(|| all.join(", "))
        }
        v => one(v),
    }
    .map(|s| collapse(&s))
}

/// The primary language subtag, lowercased: "vi" of "vi-VN" or "vi_VN".
fn lang(s: &str) -> Option<String> {
    let primary: String = s.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() >= 2 && primary.len() <= 3 && primary.chars().all(|c| c.is_ascii_alphabetic()))
        .then_some(primary)
}

/// The text of an element, whitespace collapsed.
pub(crate) fn text_of(dom: &Dom, id: usize) -> String {
    let mut out = String::new();
    let mut stack = vec![id];
    while let Some(at) = stack.pop() {
        match &dom.nodes[at].data {
            Data::Text(t) => {
                out.push_str(t);
                out.push(' ');
            }
            _ => {
                let start = stack.len();
                stack.extend(dom.children(at));
                stack[start..].reverse();
            }
        }
    }
    collapse(&out)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn nonempty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// The part of a title tag the page also shows as a heading or a line of its own, else the
/// title tag without its site-name suffix.
fn shown_part(dom: &Dom, title: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for sep in [" | ", " - ", " – ", " — ", " :: ", " » "] {
        if let Some((head, tail)) = title.split_once(sep) {
            parts.push(head.trim());
            parts.push(tail.trim());
        }
        if let Some((head, tail)) = title.rsplit_once(sep) {
            parts.push(head.trim());
            parts.push(tail.trim());
        }
    }
    parts.retain(|p| p.chars().count() >= 15);
    if !parts.is_empty() {
        let keys: Vec<String> = parts.iter().map(|p| fold(p)).collect();
        for (id, node) in dom.nodes.iter().enumerate() {
            if let Data::Text(t) = &node.data {
                if t.len() > 400 || t.trim().len() < 15 {
                    continue;
                }
                let k = fold(t);
                if let Some(i) = keys.iter().position(|key| *key == k) {
                    let _ = id;
                    return parts[i].to_string();
                }
            }
        }
    }
    strip_site_suffix(title)
}

/// Lowercased text without spaces and punctuation, to compare titles with what the page shows.
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A title tag without its site name: "Headline | Outlet" gives "Headline".
fn strip_site_suffix(t: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " » "] {
        if let Some(at) = t.rfind(sep) {
            let head = &t[..at];
            if head.chars().count() >= 15 {
                return head.trim().to_string();
            }
        }
    }
    t.trim().to_string()
}

/// A date or date-time as ISO 8601 at minute precision, local time as written:
/// "2024-11-14T15:30:00+07:00" and "14/11/2024 15:30" give "2024-11-14T15:30".
pub fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    // ISO: YYYY-MM-DD[(T| )HH:MM…]
    if s.len() >= 10 && s.is_char_boundary(10) {
        let (d, rest) = s.split_at(10);
        let parts: Vec<&str> = d.split('-').collect();
        if parts.len() == 3 && parts[0].len() == 4 && parts.iter().all(|p| digits(p)) {
            let date = valid_date(parts[0], parts[1], parts[2])?;
            let rest = rest.trim_start_matches(['T', ' ']);
            return Some(match time_prefix(rest) {
                Some(t) => format!("{date}T{t}"),
                None => date,
            });
        }
    }
    // Day first: DD/MM/YYYY [HH:MM] or HH:MM DD/MM/YYYY.
    let (day, time) = find_day_first(s)?;
    Some(match time {
        Some(t) => format!("{day}T{t}"),
        None => day,
    })
}

fn valid_date(y: &str, m: &str, d: &str) -> Option<String> {
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// "HH:MM" at the start of `s`.
fn time_prefix(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let two = |i: usize| -> Option<u32> {
        let (x, y) = (*b.get(i)?, *b.get(i + 1)?);
        (x.is_ascii_digit() && y.is_ascii_digit())
            .then(|| u32::from(x - b'0') * 10 + u32::from(y - b'0'))
    };
    let (h, m) = if b.get(1) == Some(&b':') {
        (u32::from(b.first()?.checked_sub(b'0')?), two(2)?)
    } else {
        if b.get(2) != Some(&b':') && b.get(2) != Some(&b'h') {
            return None;
        }
        (two(0)?, two(3)?)
    };
    (h < 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// The first day-first date in `s`, with a time written right before or after it.
pub(crate) fn find_day_first(s: &str) -> Option<(String, Option<String>)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            if let Some((date, end)) = day_first_at(s, i) {
                let after = s[end..].trim_start_matches([' ', ',', '-', '|', '–']);
                let time = time_prefix(after).or_else(|| time_before(&s[..i]));
                return Some((date, time));
            }
        }
        i += 1;
    }
    None
}

/// A "D/M/YYYY" (or with '-' or '.') date starting at byte `i`, and where it ends.
fn day_first_at(s: &str, i: usize) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let mut parts = [0usize; 3];
    let mut lens = [0usize; 3];
    let mut at = i;
    let mut sep = 0u8;
    for k in 0..3 {
        let start = at;
        while at < b.len() && b[at].is_ascii_digit() && at - start < 4 {
            at += 1;
        }
        lens[k] = at - start;
        parts[k] = s.get(start..at)?.parse().ok()?;
        if k < 2 {
            let c = *b.get(at)?;
            if !matches!(c, b'/' | b'-' | b'.') || (sep != 0 && c != sep) {
                return None;
            }
            sep = c;
            at += 1;
        }
    }
    if lens[0] > 2 || lens[1] > 2 || lens[2] != 4 || b.get(at).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let date = valid_date(
        &parts[2].to_string(),
        &parts[1].to_string(),
        &parts[0].to_string(),
    )?;
    Some((date, at))
}

/// A time "HH:MM" ending `s` (before a date), allowing a separator.
fn time_before(s: &str) -> Option<String> {
    let t = s.trim_end_matches([' ', ',', '-', '|', '–']);
    let t = t.strip_suffix("ngày").map_or(t, str::trim_end);
    let start = t.len().checked_sub(5)?;
    if !t.is_char_boundary(start) {
        return None;
    }
    time_prefix(&t[start..]).or_else(|| {
        let start = t.len().checked_sub(4)?;
        t.is_char_boundary(start)
            .then(|| time_prefix(&t[start..]))?
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_normalized() {
        assert_eq!(
            normalize_date("2024-11-14T15:30:00+07:00").as_deref(),
            Some("2024-11-14T15:30")
        );
        assert_eq!(normalize_date("2024-11-14").as_deref(), Some("2024-11-14"));
        assert_eq!(
            normalize_date("2024-11-14 08:05:00").as_deref(),
            Some("2024-11-14T08:05")
        );
        assert_eq!(
            normalize_date("14/11/2024 15:30").as_deref(),
            Some("2024-11-14T15:30")
        );
        assert_eq!(
            normalize_date("Thứ Năm, 14/11/2024 - 15:30 (GMT+7)").as_deref(),
            Some("2024-11-14T15:30")
        );
        assert_eq!(
            normalize_date("10:05 ngày 3/2/2023").as_deref(),
            Some("2023-02-03T10:05")
        );
        assert_eq!(normalize_date("2024-13-40"), None);
        assert_eq!(normalize_date("hôm qua"), None);
    }

    #[test]
    fn titles_lose_the_site_name() {
        assert_eq!(
            strip_site_suffix("Thủ tướng hội đàm với Thủ tướng Nhật Bản | Báo Thanh Niên"),
            "Thủ tướng hội đàm với Thủ tướng Nhật Bản"
        );
        assert_eq!(strip_site_suffix("Ngắn - Báo"), "Ngắn - Báo");
    }
}
