//! The record-by-record reading of the archive.

use std::fmt;
use std::io::{self, ErrorKind, Read};

use crate::http::{self, HttpFault};
use crate::input::Input;
use crate::{Limits, Record, WarcError};

/// Reads the records of a WARC archive, plain or gzip-compressed.
///
/// An iterator of `Result<Record, WarcError>`; see the crate documentation for what ends up
/// where. Buffer the reader (or not): it reads through its own buffer.
pub struct Reader<R: Read> {
    state: State<R>,
    limits: Limits,
    /// The number the next item gets.
    next_index: usize,
    /// Whether the last item was a malformed header, so that lines are skipped up to the next
    /// one starting with `WARC/1.`.
    resync: bool,
}

enum State<R: Read> {
    /// Not looked at yet: the gzip detection reads, so it waits for the first item.
    New(R),
    Open(Box<Input<R>>),
    Done,
}

impl<R: Read> fmt::Debug for Reader<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match &self.state {
            State::New(_) => "new",
            State::Open(input) if input.is_gzip() => "reading gzip",
            State::Open(_) => "reading",
            State::Done => "done",
        };
        f.debug_struct("Reader")
            .field("state", &state)
            .field("limits", &self.limits)
            .field("next_index", &self.next_index)
            .finish()
    }
}

impl<R: Read> Reader<R> {
    /// A reader of the archive in `read`, bounded by `limits`.
    pub fn new(read: R, limits: Limits) -> Self {
        Reader {
            state: State::New(read),
            limits,
            next_index: 1,
            resync: false,
        }
    }
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Result<Record, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        let index = self.next_index;
        if let State::New(_) = self.state {
            let State::New(read) = std::mem::replace(&mut self.state, State::Done) else {
                return None;
            };
            match Input::open(read) {
                Ok(input) => self.state = State::Open(Box::new(input)),
                Err(e) => {
                    self.next_index += 1;
                    return Some(Err(stream_error(false, index, 0, &e)));
                }
            }
        }
        let State::Open(input) = &mut self.state else {
            return None;
        };
        let step = read_record(input, &self.limits, &mut self.resync, index);
        match step {
            None => {
                self.state = State::Done;
                None
            }
            Some(item) => {
                self.next_index += 1;
                if item.as_ref().is_err_and(WarcError::ends_archive) {
                    self.state = State::Done;
                }
                Some(item)
            }
        }
    }
}

/// What one call to [`read_record`] found: an item, or `None` at the end of the stream
/// between records.
type Step = Option<Result<Record, WarcError>>;

/// The error for a failing read: the gzip decoder's complaint or the reader's own.
fn stream_error(gzip: bool, record: usize, offset: u64, e: &io::Error) -> WarcError {
    let message = e.to_string();
    let from_decoder = matches!(
        e.kind(),
        ErrorKind::InvalidInput | ErrorKind::InvalidData | ErrorKind::UnexpectedEof
    );
    if gzip && from_decoder {
        WarcError::Gzip {
            record,
            offset,
            message,
        }
    } else {
        WarcError::Read {
            record,
            offset,
            message,
        }
    }
}

/// At most this much of a bad line is quoted in an error.
const QUOTED: usize = 40;

/// `bytes` as printable text for an error message, cut to [`QUOTED`] bytes.
fn quote(bytes: &[u8]) -> String {
    let shown = &bytes[..bytes.len().min(QUOTED)];
    format!("{:?}", String::from_utf8_lossy(shown))
}

/// Reads the next record, or the next error, from `input`.
fn read_record<R: Read>(
    input: &mut Input<R>,
    limits: &Limits,
    resync: &mut bool,
    index: usize,
) -> Step {
    let gzip = input.is_gzip();
    let max_header = limits.max_header_bytes;
    // Room to see a version line even under a tiny header limit.
    let keep = max_header.max(QUOTED);
    let mut line = Vec::new();

    // The version line, past blank lines (the separators after the previous record) and, after
    // a malformed record, past everything up to the next line that starts a record.
    let (start, first) = loop {
        line.clear();
        let at = input.pos();
        let read = match input.read_line(&mut line, keep) {
            Ok(read) => read,
            Err(e) => return Some(Err(stream_error(gzip, index, at, &e))),
        };
        if read.len == 0 {
            return None;
        }
        if http::is_blank(&line) && !read.cut {
            continue;
        }
        if *resync && !line.starts_with(b"WARC/1.") {
            continue;
        }
        break (at, read);
    };
    *resync = false;
    let malformed = |resync: &mut bool, reason: String| {
        *resync = true;
        Some(Err(WarcError::Malformed {
            record: index,
            offset: start,
            reason,
        }))
    };

    let version = http::trim(&line);
    if !version.starts_with(b"WARC/") {
        return malformed(
            resync,
            format!(
                "expected a line starting with WARC/, found {}",
                quote(version)
            ),
        );
    }
    let number = &version[b"WARC/".len()..];
    let supported = number
        .strip_prefix(b"1.")
        .is_some_and(|minor| !minor.is_empty() && minor.iter().all(u8::is_ascii_digit));
    if !supported || first.cut {
        return malformed(
            resync,
            format!("unsupported version line {}", quote(version)),
        );
    }

    // The header lines, up to the blank line that ends them.
    let mut used = first.len;
    let mut fields: Vec<(String, Vec<u8>)> = Vec::new();
    loop {
        line.clear();
        let room = usize::try_from((max_header as u64).saturating_sub(used)).unwrap_or(usize::MAX);
        let read = match input.read_line(&mut line, room) {
            Ok(read) => read,
            Err(e) => return Some(Err(stream_error(gzip, index, start, &e))),
        };
        if read.len == 0 {
            return Some(Err(WarcError::Truncated {
                record: index,
                offset: start,
                what: "the stream ends inside the warc header".to_string(),
            }));
        }
        used += read.len;
        if read.cut || used > max_header as u64 {
            return malformed(
                resync,
                format!("warc header longer than {max_header} bytes"),
            );
        }
        let content = http::trim_eol(&line);
        if http::is_blank(content) {
            break;
        }
        if matches!(content.first(), Some(b' ' | b'\t')) {
            // A continuation line: more of the previous header's value.
            let Some((_, value)) = fields.last_mut() else {
                return malformed(
                    resync,
                    format!("continuation line before any header: {}", quote(content)),
                );
            };
            if !value.is_empty() {
                value.push(b' ');
            }
            value.extend_from_slice(http::trim(content));
            continue;
        }
        let Some(colon) = content.iter().position(|&b| b == b':') else {
            return malformed(
                resync,
                format!("header line without a colon: {}", quote(content)),
            );
        };
        let name = String::from_utf8_lossy(http::trim(&content[..colon])).into_owned();
        fields.push((name, http::trim(&content[colon + 1..]).to_vec()));
    }
    let field = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
    };

    let Some(length) = field("content-length") else {
        return malformed(resync, "no Content-Length header".to_string());
    };
    let declared = match length.parse::<u64>() {
        Ok(n) if length.bytes().all(|b| b.is_ascii_digit()) => n,
        _ => {
            return malformed(
                resync,
                format!("bad Content-Length {}", quote(length.as_bytes())),
            )
        }
    };

    if declared > limits.max_record_bytes {
        if let Err(e) = input.skip(declared) {
            return Some(Err(stream_error(gzip, index, start, &e)));
        }
        return Some(Err(WarcError::TooLarge {
            record: index,
            offset: start,
            declared,
            limit: limits.max_record_bytes,
        }));
    }
    let mut block = Vec::new();
    let present = match input.read_block(declared, &mut block) {
        Ok(n) => n,
        Err(e) => return Some(Err(stream_error(gzip, index, start, &e))),
    };
    if present < declared {
        return Some(Err(WarcError::Truncated {
            record: index,
            offset: start,
            what: format!("content block declares {declared} bytes, {present} present"),
        }));
    }

    let kind = field("warc-type").unwrap_or_default();
    let content_type = field("content-type");
    let (block_mime, block_charset) = content_type
        .as_deref()
        .map(http::parse_content_type)
        .unwrap_or_default();
    let is_response = match block_mime.as_deref() {
        Some("application/http") => {
            match content_type
                .as_deref()
                .and_then(|ct| http::parameter(ct, "msgtype"))
            {
                Some(msgtype) => msgtype == "response",
                None => block.starts_with(b"HTTP/"),
            }
        }
        _ => false,
    } || (kind == "response" && block.starts_with(b"HTTP/"));

    let http = if is_response {
        match http::parse_response(&block, limits) {
            Ok(response) => {
                block = Vec::new();
                Some(response)
            }
            Err(fault) => return Some(Err(http_error(fault, index, start, limits))),
        }
    } else {
        None
    };

    Some(Ok(Record {
        index,
        offset: start,
        kind,
        target_uri: field("warc-target-uri").map(|uri| {
            match uri.strip_prefix('<').and_then(|u| u.strip_suffix('>')) {
                Some(inner) => inner.to_string(),
                None => uri,
            }
        }),
        date: field("warc-date"),
        record_id: field("warc-record-id"),
        content_type,
        http,
        block,
        block_mime,
        block_charset,
    }))
}

fn http_error(fault: HttpFault, record: usize, offset: u64, limits: &Limits) -> WarcError {
    match fault {
        HttpFault::Malformed(reason) => WarcError::Http {
            record,
            offset,
            reason,
        },
        HttpFault::Unsupported(encoding) => WarcError::UnsupportedEncoding {
            record,
            offset,
            encoding,
        },
        HttpFault::Corrupt { encoding, message } => WarcError::CorruptBody {
            record,
            offset,
            encoding,
            message,
        },
        HttpFault::TooLarge => WarcError::BodyTooLarge {
            record,
            offset,
            limit: limits.max_body_bytes,
        },
    }
}
