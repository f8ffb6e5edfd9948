//! The HTTP response inside a `response` record: status line, headers, de-chunking and
//! content decoding, all bounded by the [`Limits`].

use std::io::{ErrorKind, Read};

use flate2::read::{DeflateDecoder, GzDecoder, ZlibDecoder};

use crate::{HttpResponse, Limits};

/// Why the HTTP response of a record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HttpFault {
    /// The status line or the headers are not HTTP.
    Malformed(String),
    /// A content coding this reader does not decode.
    Unsupported(String),
    /// The coded body does not decode.
    Corrupt { encoding: String, message: String },
    /// The body is (or decodes to) more than the limit.
    TooLarge,
}

/// Reads `block` as an HTTP response.
pub(crate) fn parse_response(block: &[u8], limits: &Limits) -> Result<HttpResponse, HttpFault> {
    let (status_line, mut rest) = split_line(block);
    let mut header_bytes = block.len() - rest.len();
    let too_long = || {
        HttpFault::Malformed(format!(
            "headers longer than {} bytes",
            limits.max_header_bytes
        ))
    };
    if header_bytes > limits.max_header_bytes {
        return Err(too_long());
    }
    let status = parse_status(trim_eol(status_line))?;
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        if rest.is_empty() {
            // Headers without the blank line that ends them: a capture cut short, no body.
            break;
        }
        let (line, after) = split_line(rest);
        header_bytes += rest.len() - after.len();
        if header_bytes > limits.max_header_bytes {
            return Err(too_long());
        }
        rest = after;
        let line = trim_eol(line);
        if is_blank(line) {
            break;
        }
        if matches!(line.first(), Some(b' ' | b'\t')) {
            // An obsolete folded line continues the previous header's value.
            if let Some((_, value)) = headers.last_mut() {
                let more = String::from_utf8_lossy(trim(line));
                if !more.is_empty() {
                    value.push(' ');
                    value.push_str(&more);
                }
            }
            continue;
        }
        // Lines that are no header (no colon) are dropped, as browsers drop them.
        if let Some(colon) = line.iter().position(|&b| b == b':') {
            let name = String::from_utf8_lossy(trim(&line[..colon])).into_owned();
            let value = String::from_utf8_lossy(trim(&line[colon + 1..])).into_owned();
            if !name.is_empty() {
                headers.push((name, value));
            }
        }
    }

    let header = |name: &'static str| values(&headers, name);
    let (content_type, charset) = header("content-type")
        .next()
        .map(parse_content_type)
        .unwrap_or_default();
    let chunked = header("transfer-encoding").any(|v| {
        v.split(',')
            .any(|coding| coding.trim().eq_ignore_ascii_case("chunked"))
    });
    let codings: Vec<String> = header("content-encoding")
        .flat_map(|v| v.split(','))
        .map(|c| c.trim().to_ascii_lowercase())
        .filter(|c| !c.is_empty() && c != "identity")
        .collect();

    let max = limits.max_body_bytes;
    let mut body = if chunked {
        dechunk(rest, max)?
    } else {
        if rest.len() as u64 > max {
            return Err(HttpFault::TooLarge);
        }
        rest.to_vec()
    };
    // Codings are listed in the order they were applied; undo them from the last. An empty
    // body (a revisit, a HEAD, a 304) has nothing to decode.
    for coding in codings.iter().rev() {
        if body.is_empty() {
            break;
        }
        body = decode(&body, coding, max)?;
    }

    Ok(HttpResponse {
        status,
        headers,
        content_type,
        charset,
        body,
    })
}

/// The values of the headers called `name`, in order.
fn values<'a>(headers: &'a [(String, String)], name: &'a str) -> impl Iterator<Item = &'a str> {
    headers
        .iter()
        .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The status code of `HTTP/<version> <code> [reason]`.
fn parse_status(line: &[u8]) -> Result<u16, HttpFault> {
    let bad = || {
        let shown: String = String::from_utf8_lossy(line).chars().take(60).collect();
        HttpFault::Malformed(format!("bad status line {shown:?}"))
    };
    if !line.starts_with(b"HTTP/") {
        return Err(bad());
    }
    let mut words = line
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    let _version = words.next();
    let code = words.next().ok_or_else(bad)?;
    if code.len() != 3 || !code.iter().all(u8::is_ascii_digit) || code[0] == b'0' {
        return Err(bad());
    }
    Ok(code.iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0')))
}

/// Joins the chunks of a chunked body; trailers are dropped.
///
/// Crawls are lenient readers: a body cut short keeps what arrived, and a body whose first line
/// is no chunk size was stored already de-chunked (some crawlers keep the header anyway) and is
/// taken as it is.
fn dechunk(mut rest: &[u8], max: u64) -> Result<Vec<u8>, HttpFault> {
    let whole = rest;
    let mut out = Vec::new();
    let mut first = true;
    while !rest.is_empty() {
        let (line, after) = split_line(rest);
        rest = after;
        let line = trim_eol(line);
        let size_text = trim(line.split(|&b| b == b';').next().unwrap_or_default());
        if size_text.is_empty() {
            // A blank line between chunks, or the CRLF a chunk ends with.
            continue;
        }
        let Some(size) = parse_hex(size_text) else {
            if first {
                if whole.len() as u64 > max {
                    return Err(HttpFault::TooLarge);
                }
                return Ok(whole.to_vec());
            }
            break;
        };
        first = false;
        if size == 0 {
            break;
        }
        let take = usize::try_from(size).map_or(rest.len(), |s| s.min(rest.len()));
        if (out.len() + take) as u64 > max {
            return Err(HttpFault::TooLarge);
        }
        out.extend_from_slice(&rest[..take]);
        rest = &rest[take..];
    }
    Ok(out)
}

/// A chunk size: hexadecimal digits that fit a `u64`.
fn parse_hex(text: &[u8]) -> Option<u64> {
    let digits = match text.iter().position(|&b| b != b'0') {
        Some(i) => &text[i..],
        None => return Some(0).filter(|_| !text.is_empty()),
    };
    if digits.len() > 16 {
        return None;
    }
    digits.iter().try_fold(0u64, |n, &b| {
        let d = char::from(b).to_digit(16)?;
        Some(n << 4 | u64::from(d))
    })
}

/// Undoes one content coding, stopping at `max` output bytes.
fn decode(body: &[u8], coding: &str, max: u64) -> Result<Vec<u8>, HttpFault> {
    match coding {
        "gzip" | "x-gzip" => read_capped(GzDecoder::new(body), coding, max),
        // `deflate` is meant to be zlib, but servers send raw deflate too.
        "deflate" if is_zlib_header(body) => read_capped(ZlibDecoder::new(body), coding, max),
        "deflate" => read_capped(DeflateDecoder::new(body), coding, max),
        other => Err(HttpFault::Unsupported(other.to_string())),
    }
}

/// Whether `data` starts with a zlib header: deflate method and a valid check value.
fn is_zlib_header(data: &[u8]) -> bool {
    match data {
        [cmf, flg, ..] => cmf & 0x0f == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0,
        _ => false,
    }
}

/// Reads `decoder` to its end, or to just past `max` bytes, which is an error. A coded body
/// that ends early (a capture cut short) keeps what it decoded to.
fn read_capped(decoder: impl Read, coding: &str, max: u64) -> Result<Vec<u8>, HttpFault> {
    let mut out = Vec::new();
    match decoder.take(max.saturating_add(1)).read_to_end(&mut out) {
        Ok(_) => {}
        Err(e) if e.kind() == ErrorKind::UnexpectedEof => {}
        Err(e) => {
            return Err(HttpFault::Corrupt {
                encoding: coding.to_string(),
                message: e.to_string(),
            })
        }
    }
    if out.len() as u64 > max {
        return Err(HttpFault::TooLarge);
    }
    Ok(out)
}

/// The media type (lowercase, without parameters) and the `charset` parameter (lowercase,
/// without quotes) of a `Content-Type` value; each `None` when absent or empty.
pub(crate) fn parse_content_type(value: &str) -> (Option<String>, Option<String>) {
    let mime = value
        .split(';')
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    (mime, parameter(value, "charset"))
}

/// The value of parameter `name` of a `Content-Type` value, lowercase and without quotes.
pub(crate) fn parameter(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|param| {
        let (key, val) = param.split_once('=')?;
        if !key.trim().eq_ignore_ascii_case(name) {
            return None;
        }
        let val = val.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        Some(val.to_ascii_lowercase()).filter(|v| !v.is_empty())
    })
}

/// The first line of `data` (with its line ending) and what follows it.
pub(crate) fn split_line(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == b'\n') {
        Some(i) => data.split_at(i + 1),
        None => (data, &[]),
    }
}

/// `line` without its `\n` or `\r\n`.
pub(crate) fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// `bytes` without ASCII whitespace at either end.
pub(crate) fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |i| i + 1);
    &bytes[start..end]
}

/// Whether `line` holds nothing but ASCII whitespace.
pub(crate) fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn chunk_sizes_are_hexadecimal_and_bounded() {
        assert_eq!(parse_hex(b"1a"), Some(26));
        assert_eq!(parse_hex(b"0"), Some(0));
        assert_eq!(parse_hex(b"000"), Some(0));
        assert_eq!(parse_hex(b"00000000000000000010"), Some(16));
        assert_eq!(parse_hex(b"ffffffffffffffff"), Some(u64::MAX));
        assert_eq!(parse_hex(b"10000000000000000"), None);
        assert_eq!(parse_hex(b"1g"), None);
        assert_eq!(parse_hex(b"<html>"), None);
    }

    #[test]
    fn chunked_bodies_join_and_tolerate_what_crawls_store() {
        let max = 1 << 20;
        assert_eq!(
            dechunk(
                b"5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: y\r\n\r\n",
                max
            )
            .unwrap(),
            b"hello world"
        );
        // Bare line feeds.
        assert_eq!(dechunk(b"3\nabc\n0\n\n", max).unwrap(), b"abc");
        // No final chunk, and a last chunk cut short: what arrived is kept.
        assert_eq!(dechunk(b"3\r\nabc\r\n", max).unwrap(), b"abc");
        assert_eq!(dechunk(b"3\r\nabc\r\n10\r\nxy", max).unwrap(), b"abcxy");
        // A later line that is no size ends the body.
        assert_eq!(dechunk(b"3\r\nabc\r\nzz\r\nmore", max).unwrap(), b"abc");
        // A body stored already de-chunked is taken as it is.
        assert_eq!(dechunk(b"<html>x</html>", max).unwrap(), b"<html>x</html>");
        // A huge declared size takes what is there.
        assert_eq!(dechunk(b"ffffffffffffffff\r\nabc", max).unwrap(), b"abc");
        assert_eq!(
            dechunk(b"5\r\nhello\r\n0\r\n\r\n", 4),
            Err(HttpFault::TooLarge)
        );
        assert_eq!(dechunk(b"", max).unwrap(), b"");
    }

    #[test]
    fn content_types_give_lowercase_mime_and_charset() {
        assert_eq!(
            parse_content_type("Text/HTML; Charset=\"UTF-8\""),
            (Some("text/html".into()), Some("utf-8".into()))
        );
        assert_eq!(
            parse_content_type("text/html;charset= 'windows-1258' ;q=1"),
            (Some("text/html".into()), Some("windows-1258".into()))
        );
        assert_eq!(
            parse_content_type("text/plain; charset="),
            (Some("text/plain".into()), None)
        );
        assert_eq!(
            parse_content_type(" ; charset=utf-8"),
            (None, Some("utf-8".into()))
        );
        assert_eq!(
            parameter("application/http; msgtype=Response", "msgtype"),
            Some("response".into())
        );
    }

    #[test]
    fn status_lines() {
        assert_eq!(parse_status(b"HTTP/1.1 200 OK"), Ok(200));
        assert_eq!(parse_status(b"HTTP/1.0 404"), Ok(404));
        assert_eq!(parse_status(b"HTTP/2 301 Moved  Permanently"), Ok(301));
        assert!(parse_status(b"HTTP/1.1 20 OK").is_err());
        assert!(parse_status(b"HTTP/1.1 abc OK").is_err());
        assert!(parse_status(b"HTTP/1.1").is_err());
        assert!(parse_status(b"ICY 200 OK").is_err());
        assert!(parse_status(b"HTTP/1.1 099 x").is_err());
    }

    #[test]
    fn the_header_cap_counts_the_status_line() {
        let limits = Limits {
            max_header_bytes: 20,
            ..Limits::default()
        };
        let fits = parse_response(b"HTTP/1.1 200 OK\r\n\r\nbody", &limits).unwrap();
        assert_eq!((fits.status, fits.body.as_slice()), (200, &b"body"[..]));
        assert_eq!(
            parse_response(b"HTTP/1.1 200 A much longer reason", &limits),
            Err(HttpFault::Malformed("headers longer than 20 bytes".into()))
        );
        assert_eq!(
            parse_response(b"HTTP/1.1 200 OK\r\nA: b\r\n\r\n", &limits),
            Err(HttpFault::Malformed("headers longer than 20 bytes".into()))
        );
    }

    #[test]
    fn folded_and_colonless_header_lines() {
        let response = parse_response(
            b"HTTP/1.1 200 OK\nX-A: one\n  two\nnot a header\n: no name\nContent-Type:\n\nbody",
            &Limits::default(),
        )
        .unwrap();
        assert_eq!(
            response.headers,
            [
                ("X-A".to_string(), "one two".to_string()),
                ("Content-Type".to_string(), String::new())
            ]
        );
        assert_eq!((response.content_type, response.charset), (None, None));
        assert_eq!(response.body, b"body");
    }

    #[test]
    fn zlib_headers() {
        assert!(is_zlib_header(&[0x78, 0x9c]));
        assert!(is_zlib_header(&[0x78, 0x01]));
        assert!(!is_zlib_header(&[0x78, 0x00]));
        assert!(!is_zlib_header(&[0xcb]));
    }
}
