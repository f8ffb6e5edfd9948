//! Whether bytes are a web page, told by how they begin.

/// Whether bytes begin like an HTML document: after byte order marks, white space and
/// comments, a doctype, `<html>`, `<head>`, or an XML prologue followed by `<html>` (XHTML).
/// A page saved without an `.html` name, or with stray NUL bytes that make it look binary, is
/// still known as one.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    for _ in 0..8 {
        while let Some(after) = rest.strip_prefix(b"\xEF\xBB\xBF") {
            rest = after;
        }
        let start = rest
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        rest = &rest[start..];
        if rest.starts_with(b"<!--") {
            match memchr::memmem::find(rest, b"-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return false,
            }
            continue;
        }
        let starts = |prefix: &[u8]| {
            rest.get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        };
        return starts(b"<!doctype html")
            || starts(b"<html")
            || starts(b"<head")
            || (starts(b"<?xml")
                && rest[..rest.len().min(512)]
                    .windows(5)
                    .any(|w| w.eq_ignore_ascii_case(b"<html")));
    }
    false
}
