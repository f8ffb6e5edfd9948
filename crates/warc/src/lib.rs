//! Reading WARC archives, the files web crawlers store what they fetched in.
//!
//! A [`Reader`] takes any byte stream and yields its records one by one. It handles:
//!
//! - **WARC/1.0 and WARC/1.1** records: a version line, `Name: value` header lines (CRLF or
//!   bare LF line endings, folded continuation lines), a blank line, then exactly
//!   `Content-Length` bytes of content block, then two blank lines (missing or extra blank lines
//!   between records are tolerated).
//! - **Plain and gzip archives**, told apart by the gzip magic bytes `1f 8b` at the start. A
//!   `.warc.gz` file holds one gzip member per record; all members are read in turn. Offsets are
//!   offsets in the decompressed stream.
//! - **HTTP responses**: a record whose Content-Type is `application/http; msgtype=response`,
//!   or a `response` record whose block starts with `HTTP/`, is parsed into an [`HttpResponse`]:
//!   status, headers, the body de-chunked (`Transfer-Encoding: chunked`) and decoded
//!   (`Content-Encoding: gzip`, `x-gzip`, `deflate` as zlib or raw; `br` and other codings are
//!   an error for that record), and the media type and charset of its `Content-Type`.
//!   Crawls store what the wire gave, so the reading is lenient where nothing is lost by it: a
//!   chunked body without its final chunk, or a compressed body cut short, keeps what decoded.
//!
//! # Limits
//!
//! Nothing in the archive is trusted to size an allocation. [`Limits`] caps the content block
//! of a record ([`Limits::max_record_bytes`], 64 MiB by default: a larger record is skipped by
//! reading past it and reported), the HTTP body after de-chunking and decoding
//! ([`Limits::max_body_bytes`], 64 MiB: a decompression bomb stops there and is reported), and
//! each block of WARC or HTTP headers ([`Limits::max_header_bytes`], 64 KiB). Memory stays
//! within a small multiple of these whatever the input.
//!
//! # Errors
//!
//! Every record ends up either as `Ok(`[`Record`]`)` or as an `Err(`[`WarcError`]`)` naming the
//! record number, its byte offset and the reason; the reader never panics and never loops
//! without consuming input. Record numbers count every item yielded, errors included.
//!
//! - Bytes that are not a WARC record header (garbage between records, the rest of a block
//!   longer than its Content-Length said, a header without a valid Content-Length, another
//!   WARC version) are reported once, and reading resumes at the next line starting with
//!   `WARC/1.`.
//! - A record that is too large, or whose HTTP response cannot be read, is reported and reading
//!   goes on with the next record.
//! - A stream that ends inside a record, a corrupt gzip stream or a failing reader is reported
//!   and ends the iteration ([`WarcError::ends_archive`]).
//!
//! ```
//! use biennien_warc::{Limits, Reader};
//!
//! let archive = b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://example.vn/\r\n\
//!     Content-Type: text/html; charset=utf-8\r\nContent-Length: 16\r\n\r\n\
//!     <html>Hi</html>\n\r\n\r\n";
//! let records: Vec<_> = Reader::new(&archive[..], Limits::default()).collect();
//! let record = records[0].as_ref().unwrap();
//! assert!(record.is_html());
//! assert_eq!(record.payload(), (&b"<html>Hi</html>\n"[..], Some("text/html"), Some("utf-8")));
//! ```

mod http;
mod input;
mod reader;

pub use reader::Reader;

/// Bounds on what one record may make the reader hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest WARC content block read, in bytes (default 64 MiB).
    pub max_record_bytes: u64,
    /// Largest HTTP body after de-chunking and content decoding, in bytes (default 64 MiB).
    pub max_body_bytes: u64,
    /// Largest block of WARC headers, and of HTTP headers, in bytes (default 64 KiB).
    pub max_header_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_record_bytes: 64 * 1024 * 1024,
            max_body_bytes: 64 * 1024 * 1024,
            max_header_bytes: 64 * 1024,
        }
    }
}

/// One WARC record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Its number in the archive, from 1, counting error items too.
    pub index: usize,
    /// Byte offset of its version line in the (decompressed) stream.
    pub offset: u64,
    /// The `WARC-Type` as written: `"response"`, `"request"`, `"warcinfo"`, `"resource"`,
    /// `"metadata"`, …; empty when the header is missing.
    pub kind: String,
    /// The `WARC-Target-URI`, without the angle brackets some WARC/1.0 writers put around it.
    pub target_uri: Option<String>,
    /// The `WARC-Date` as written.
    pub date: Option<String>,
    /// The `WARC-Record-ID` as written (usually `<urn:uuid:…>`).
    pub record_id: Option<String>,
    /// The WARC `Content-Type` as written, for example `application/http; msgtype=response`.
    pub content_type: Option<String>,
    /// The HTTP response, when the block is one.
    pub http: Option<HttpResponse>,
    /// The content block when it is not an HTTP response; empty when [`Record::http`] is set.
    pub block: Vec<u8>,
    /// Media type of the WARC `Content-Type`, lowercase, for the payload of a block.
    block_mime: Option<String>,
    /// The `charset` of the WARC `Content-Type`, lowercase.
    block_charset: Option<String>,
}

/// The HTTP response stored in a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The headers in order, names as written, values trimmed (bytes that are not UTF-8 are
    /// replaced).
    pub headers: Vec<(String, String)>,
    /// The media type of the `Content-Type` header, lowercase, without parameters.
    pub content_type: Option<String>,
    /// The `charset` parameter of the `Content-Type` header, lowercase, without quotes.
    pub charset: Option<String>,
    /// The body, de-chunked and content-decoded.
    pub body: Vec<u8>,
}

impl Record {
    /// What the record carries: the HTTP body with the response's media type and charset, or
    /// else the content block with those of the WARC `Content-Type`.
    pub fn payload(&self) -> (&[u8], Option<&str>, Option<&str>) {
        match &self.http {
            Some(http) => (
                &http.body,
                http.content_type.as_deref(),
                http.charset.as_deref(),
            ),
            None => (
                &self.block,
                self.block_mime.as_deref(),
                self.block_charset.as_deref(),
            ),
        }
    }

    /// Whether the payload is an HTML page: its media type is `text/html` or
    /// `application/xhtml+xml`, or, when it has none, it starts (after whitespace and byte
    /// order marks) with `<!doctype html` or `<html`, in any case.
    pub fn is_html(&self) -> bool {
        match self.payload() {
            (_, Some(mime), _) => mime == "text/html" || mime == "application/xhtml+xml",
            (bytes, None, _) => looks_like_html(bytes),
        }
    }
}

/// Whether `bytes` start like an HTML document.
fn looks_like_html(mut bytes: &[u8]) -> bool {
    loop {
        if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
            bytes = rest;
        } else if let Some((first, rest)) = bytes.split_first() {
            if !first.is_ascii_whitespace() {
                break;
            }
            bytes = rest;
        } else {
            return false;
        }
    }
    let starts = |prefix: &[u8]| {
        bytes
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    starts(b"<!doctype html") || starts(b"<html")
}

/// Why a record could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WarcError {
    /// The reader under the archive failed; nothing more is read.
    #[error("record {record} at byte {offset}: cannot read the archive: {message}")]
    Read {
        /// The record number.
        record: usize,
        /// Where the record (or the read) started.
        offset: u64,
        /// What the system said.
        message: String,
    },
    /// The gzip stream is corrupt or cut short; nothing more is read.
    #[error("record {record} at byte {offset}: bad gzip stream: {message}")]
    Gzip {
        /// The record number.
        record: usize,
        /// Where the record (or the read) started, in the decompressed stream.
        offset: u64,
        /// What the decompressor said.
        message: String,
    },
    /// The stream ends inside the record; nothing more is read.
    #[error("record {record} at byte {offset}: truncated: {what}")]
    Truncated {
        /// The record number.
        record: usize,
        /// Where the record started.
        offset: u64,
        /// What is missing, for example `content block declares 5000 bytes, 812 present`.
        what: String,
    },
    /// The bytes here are not a WARC record; reading resumes at the next line starting with
    /// `WARC/1.`.
    #[error("record {record} at byte {offset}: not a warc record: {reason}")]
    Malformed {
        /// The record number.
        record: usize,
        /// Where the bad bytes start.
        offset: u64,
        /// What is wrong.
        reason: String,
    },
    /// The content block is larger than [`Limits::max_record_bytes`]; it was skipped.
    #[error(
        "record {record} at byte {offset}: too large: content block declares {declared} bytes, \
         over the limit of {limit}"
    )]
    TooLarge {
        /// The record number.
        record: usize,
        /// Where the record started.
        offset: u64,
        /// The Content-Length.
        declared: u64,
        /// The limit.
        limit: u64,
    },
    /// The record's HTTP response cannot be read.
    #[error("record {record} at byte {offset}: bad http response: {reason}")]
    Http {
        /// The record number.
        record: usize,
        /// Where the record started.
        offset: u64,
        /// What is wrong.
        reason: String,
    },
    /// The HTTP body uses a content coding that is not supported (such as `br`).
    #[error("record {record} at byte {offset}: unsupported http content encoding {encoding:?}")]
    UnsupportedEncoding {
        /// The record number.
        record: usize,
        /// Where the record started.
        offset: u64,
        /// The coding, lowercase.
        encoding: String,
    },
    /// The HTTP body does not decode.
    #[error("record {record} at byte {offset}: corrupt {encoding} http body: {message}")]
    CorruptBody {
        /// The record number.
        record: usize,
        /// Where the record started.
        offset: u64,
        /// The coding, lowercase.
        encoding: String,
        /// What the decoder said.
        message: String,
    },
    /// The HTTP body is, or decodes to, more than [`Limits::max_body_bytes`].
    #[error("record {record} at byte {offset}: http body larger than the limit of {limit} bytes")]
    BodyTooLarge {
        /// The record number.
        record: usize,
        /// Where the record started.
        offset: u64,
        /// The limit.
        limit: u64,
    },
}

impl WarcError {
    /// The number of the record the error is about.
    pub fn record(&self) -> usize {
        match self {
            WarcError::Read { record, .. }
            | WarcError::Gzip { record, .. }
            | WarcError::Truncated { record, .. }
            | WarcError::Malformed { record, .. }
            | WarcError::TooLarge { record, .. }
            | WarcError::Http { record, .. }
            | WarcError::UnsupportedEncoding { record, .. }
            | WarcError::CorruptBody { record, .. }
            | WarcError::BodyTooLarge { record, .. } => *record,
        }
    }

    /// The byte offset of the record (or of the bad bytes) in the (decompressed) stream.
    pub fn offset(&self) -> u64 {
        match self {
            WarcError::Read { offset, .. }
            | WarcError::Gzip { offset, .. }
            | WarcError::Truncated { offset, .. }
            | WarcError::Malformed { offset, .. }
            | WarcError::TooLarge { offset, .. }
            | WarcError::Http { offset, .. }
            | WarcError::UnsupportedEncoding { offset, .. }
            | WarcError::CorruptBody { offset, .. }
            | WarcError::BodyTooLarge { offset, .. } => *offset,
        }
    }

    /// Whether this error ended the archive: the reader yields nothing after it.
    pub fn ends_archive(&self) -> bool {
        matches!(
            self,
            WarcError::Read { .. } | WarcError::Gzip { .. } | WarcError::Truncated { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_sniffed_after_whitespace_and_byte_order_marks() {
        assert!(looks_like_html(b"<!DOCTYPE html><p>x"));
        assert!(looks_like_html(b"\xEF\xBB\xBF \r\n\t<HTML lang=vi>"));
        assert!(looks_like_html(b"  <!doctype HTML>"));
        assert!(!looks_like_html(b"<?xml version=\"1.0\"?><html>"));
        assert!(!looks_like_html(b"<!doctype"));
        assert!(!looks_like_html(b"\xEF\xBB\xBF  "));
        assert!(!looks_like_html(b""));
        assert!(!looks_like_html(b"\xFF\xD8\xFF\xE0<html>"));
    }
}
