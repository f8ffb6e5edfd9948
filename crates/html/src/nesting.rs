//! A cheap look at how deep a page nests, before it is parsed.
//!
//! Building the tree costs time in proportion to the depth of the elements still open at each
//! tag, so a page of a million nested `<div>`s takes minutes to parse. This scan follows start
//! and end tags with a stack of element names, the way a browser would keep them open, and stops
//! as soon as the depth passes the limit. Elements that close themselves (`<p>`, `<li>`, table
//! parts) or never hold content (`<br>`, `<img>`) are not counted; the text of scripts, styles
//! and the like is skipped. An end tag closes the nearest open element of its name among the
//! last few, or nothing, so stray end tags cannot hide depth.

/// Elements that never hold content.
const VOID: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"keygen",
    b"frame",
    b"basefont",
    b"isindex",
];

/// Elements whose end tag may be left out, so that they never nest in themselves.
const SELF_CLOSING: &[&[u8]] = &[
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"tr",
    b"td",
    b"th",
    b"thead",
    b"tbody",
    b"tfoot",
    b"option",
    b"optgroup",
    b"colgroup",
    b"rp",
    b"rt",
    b"html",
    b"head",
    b"body",
    b"caption",
];

/// Elements whose content is text up to their end tag.
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"plaintext",
];

/// How far back an end tag looks for its element.
const LOOK_BACK: usize = 8;

/// The nesting depth reached, if it passes `limit`; `None` when the page stays within it.
pub(crate) fn exceeds(html: &[u8], limit: usize) -> Option<usize> {
    let mut stack: Vec<&[u8]> = Vec::new();
    let mut at = 0;
    while let Some(off) = memchr::memchr(b'<', &html[at..]) {
        let start = at + off + 1;
        let rest = &html[start..];
        if rest.starts_with(b"!--") {
            at = match memchr::memmem::find(&rest[3..], b"-->") {
                Some(end) => start + 3 + end + 3,
                None => return None,
            };
            continue;
        }
        let close = memchr::memchr(b'>', rest).map_or(html.len(), |e| start + e);
        let (is_end, name_from) = match rest.first() {
            Some(b'/') => (true, start + 1),
            Some(c) if c.is_ascii_alphabetic() => (false, start),
            _ => {
                at = start;
                continue;
            }
        };
        let name_len = html[name_from..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        let name = &html[name_from..name_from + name_len];
        let lower = |n: &[u8], list: &[&[u8]]| list.iter().any(|l| l.eq_ignore_ascii_case(n));
        at = close.min(html.len());
        if name.is_empty() {
            continue;
        }
        if is_end {
            let depth = stack.len();
            if let Some(k) = stack
                .iter()
                .rev()
                .take(LOOK_BACK)
                .position(|open| open.eq_ignore_ascii_case(name))
            {
                stack.truncate(depth - k - 1);
            }
            continue;
        }
        if lower(name, RAW_TEXT) {
            // Skip to the matching end tag.
            let mut probe = at;
            loop {
                match memchr::memmem::find(&html[probe..], b"</") {
                    Some(p) => {
                        let tag = probe + p + 2;
                        let end = (tag + name.len()).min(html.len());
                        if html[tag..end].eq_ignore_ascii_case(name) {
                            at = tag;
                            break;
                        }
                        probe = tag;
                    }
                    None => return None,
                }
            }
            continue;
        }
        let self_closed = close > 0 && html.get(close - 1) == Some(&b'/');
        if self_closed || lower(name, VOID) || lower(name, SELF_CLOSING) {
            continue;
        }
        stack.push(name);
        if stack.len() > limit {
            return Some(stack.len());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_caught_before_parsing() {
        let page = format!("<html><body>{}x", "<div>".repeat(5000));
        assert_eq!(exceeds(page.as_bytes(), 1000), Some(1001));
    }

    #[test]
    fn ordinary_pages_pass() {
        let page = format!(
            "<!-- <div><div> --><html><body>{}<script>if (a<b) {{ '<div>'.repeat(9) }}</script>{}",
            "<p>para<br><img src=x>".repeat(5000),
            "<div><span>x</span></div>".repeat(5000)
        );
        assert_eq!(exceeds(page.as_bytes(), 50), None);
        let lists = "<ul><li>a<li>b</ul>".repeat(3000);
        assert_eq!(exceeds(lists.as_bytes(), 50), None);
    }

    #[test]
    fn stray_end_tags_do_not_hide_depth() {
        let page = "<div></span></b></i>".repeat(3000);
        assert!(exceeds(page.as_bytes(), 1000).is_some());
    }

    #[test]
    fn cut_tags_end_the_scan() {
        assert_eq!(exceeds(b"<div><div", 10), None);
        assert_eq!(exceeds(b"<!-- open", 10), None);
        assert_eq!(exceeds(b"<script>never closed", 10), None);
        assert_eq!(exceeds(b"</", 10), None);
        assert_eq!(exceeds(b"<", 10), None);
    }
}
