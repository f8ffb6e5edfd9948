//! Reading what a crawler delivers: files, folders, JSON Lines dumps and standard input.
//!
//! Every input yields a stream of [`Item`]s in input order: either a [`RawDoc`] (the bytes or
//! text of one article with whatever metadata came with it) or an [`InputError`] that names the
//! input and says what is wrong. Nothing is skipped silently: an unreadable file, a JSON line that
//! does not parse or a record without text each becomes an error item, so that the caller can
//! list it with its reason.
//!
//! - A directory is walked recursively in a stable (sorted) order; hidden files are skipped.
//! - `.jsonl`/`.ndjson` files and standard input (`-`) are JSON Lines: one record per line,
//!   `{"text": …, "source"|"url": …, "title"?, "published"?, "outlet"?}`.
//! - `.html`/`.htm`/`.xhtml` files, and any file whose bytes begin like an HTML document, are
//!   web pages: their article is found in the markup later.
//! - `.warc` and `.warc.gz` archives give one item per record: each HTML response is a page
//!   (its target URI and date kept), every other record an error item saying why it is not an
//!   article, so that every record is accounted for.
//! - `.gz` files are decompressed (up to [`MAX_DOC_BYTES`]) and read by the name inside:
//!   `page.html.gz` is a page, `dump.jsonl.gz` JSON Lines.
//! - Any other file is one article whose bytes are decoded later.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

pub use biennien_decode::looks_like_html;
use serde::Deserialize;

/// Largest single input file or JSON line read, in bytes.
pub const MAX_DOC_BYTES: u64 = 64 * 1024 * 1024;

/// One article as read, before decoding.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawDoc {
    /// Where it came from: a path, `path:line` for a JSON line, or the record's own source/url.
    pub source: String,
    /// The article's content.
    pub content: Content,
    /// Title given with the record.
    pub title: Option<String>,
    /// Publication date given with the record.
    pub published: Option<String>,
    /// Outlet given with the record.
    pub outlet: Option<String>,
    /// URL given with the record (a WARC record's target URI).
    pub url: Option<String>,
    /// When the page was fetched (a WARC record's date).
    pub fetched: Option<String>,
}

/// The content of one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Raw bytes of a file, encoding unknown.
    Bytes(Vec<u8>),
    /// Text of a JSON record (already Unicode).
    Text(String),
    /// HTML markup of a JSON record carrying `"html"`.
    Html(String),
    /// The raw bytes of a web page, with the charset its transport declared.
    Markup {
        /// The page's bytes, encoding not yet known.
        bytes: Vec<u8>,
        /// The charset of the HTTP `Content-Type`, when the page came from an archive.
        charset: Option<String>,
    },
}

impl Content {
    /// The content as bytes: the raw bytes of a file, or the UTF-8 of a record's text or markup.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Content::Bytes(b) | Content::Markup { bytes: b, .. } => b,
            Content::Text(t) | Content::Html(t) => t.as_bytes(),
        }
    }
}

impl Default for Content {
    fn default() -> Self {
        Content::Text(String::new())
    }
}

/// Why one input (or one record of it) could not be read.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The file or directory could not be read.
    #[error("{input}: cannot read: {message}")]
    Io {
        /// The input.
        input: String,
        /// What the system said.
        message: String,
    },
    /// A JSON line did not parse.
    #[error("{input}: not a JSON record: {message}")]
    Json {
        /// The input and line.
        input: String,
        /// What the parser said.
        message: String,
    },
    /// A JSON record has neither text nor html.
    #[error("{input}: record has no \"text\" or \"html\" field")]
    NoText {
        /// The input and line.
        input: String,
    },
    /// A file met while walking a directory whose type is not an article's.
    #[error("{input}: skipped: {kind} files are not articles (name the file to read it as text)")]
    NotAnArticle {
        /// The file.
        input: String,
        /// Its extension.
        kind: String,
    },
    /// A record of a web archive that is not an article (a request, an image, a redirect).
    #[error("{input}: skipped: {why}")]
    NotAPage {
        /// The archive and record.
        input: String,
        /// What the record is.
        why: String,
    },
    /// A web archive record that could not be read.
    #[error("{input}: {message}")]
    Archive {
        /// The archive and record.
        input: String,
        /// What is wrong.
        message: String,
    },
    /// The input is larger than [`MAX_DOC_BYTES`].
    #[error("{input}: larger than {limit} bytes; split it or raise the limit")]
    TooLarge {
        /// The input.
        input: String,
        /// The limit in bytes.
        limit: u64,
    },
}

impl InputError {
    /// The input (path, `path:line` or record source) the error is about.
    pub fn source_name(&self) -> &str {
        match self {
            InputError::Io { input, .. }
            | InputError::Json { input, .. }
            | InputError::NoText { input }
            | InputError::NotAnArticle { input, .. }
            | InputError::NotAPage { input, .. }
            | InputError::Archive { input, .. }
            | InputError::TooLarge { input, .. } => input,
        }
    }
}

/// One item of an input stream.
pub type Item = Result<RawDoc, InputError>;

/// A JSON Lines record as crawlers write it.
#[derive(Debug, Deserialize)]
struct Record {
    text: Option<String>,
    html: Option<String>,
    source: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<serde_json::Value>,
    outlet: Option<String>,
}

/// Parses one JSON line of input `origin` (used to name the record when it has no source).
pub fn parse_json_line(line: &str, origin: &str) -> Item {
    let rec: Record = serde_json::from_str(line).map_err(|e| InputError::Json {
        input: origin.to_string(),
        message: e.to_string(),
    })?;
    let source = rec
        .source
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| rec.url.clone())
        .unwrap_or_else(|| origin.to_string());
    let content = match (rec.text, rec.html) {
        (Some(t), _) => Content::Text(t),
        (None, Some(h)) => Content::Html(h),
        (None, None) => return Err(InputError::NoText { input: source }),
    };
    let published = match rec.published {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    Ok(RawDoc {
        source,
        content,
        title: rec.title.filter(|t| !t.trim().is_empty()),
        published,
        outlet: rec.outlet.filter(|o| !o.trim().is_empty()),
        url: rec.url,
        fetched: None,
    })
}

/// Whether a path names a JSON Lines file.
pub fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("jsonl" | "ndjson")
    )
}

/// File extensions read when walking a directory (files without an extension are read too).
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "jsonl", "ndjson", "html", "htm", "xhtml", "shtml", "warc", "gz",
];

/// Whether a file found in a directory walk is read as an article source.
fn is_article_file(path: &Path) -> Result<(), InputError> {
    match path.extension().and_then(|e| e.to_str()) {
        None => Ok(()),
        Some(ext) if ARTICLE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) => Ok(()),
        Some(ext) => Err(InputError::NotAnArticle {
            input: path.display().to_string(),
            kind: format!(".{ext}"),
        }),
    }
}

/// The files an input argument stands for, in stable order, or the error reading it.
pub fn expand(arg: &str) -> Vec<Result<PathBuf, InputError>> {
    let path = Path::new(arg);
    if path.is_dir() {
        let mut out = Vec::new();
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        for entry in walker
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let p = e.into_path();
                    out.push(is_article_file(&p).map(|()| p));
                }
                Ok(_) => {}
                Err(e) => out.push(Err(InputError::Io {
                    input: e
                        .path()
                        .map_or_else(|| arg.to_string(), |p| p.display().to_string()),
                    message: e.to_string(),
                })),
            }
        }
        out
    } else if path.exists() {
        vec![Ok(path.to_path_buf())]
    } else {
        vec![Err(InputError::Io {
            input: arg.to_string(),
            message: "no such file or directory".into(),
        })]
    }
}

/// Reads every record of a JSON Lines stream, calling `sink` for each in order.
pub fn read_jsonl<R: Read>(reader: R, origin: &str, sink: &mut dyn FnMut(Item)) {
    let mut reader = BufReader::new(reader);
    let mut buf = Vec::new();
    let mut n = 0usize;
    loop {
        buf.clear();
        n += 1;
        let name = format!("{origin}:{n}");
        match reader
            .by_ref()
            .take(MAX_DOC_BYTES + 1)
            .read_until(b'\n', &mut buf)
        {
            Ok(0) => return,
            Ok(_) => {}
            Err(e) => {
                sink(Err(InputError::Io {
                    input: name,
                    message: e.to_string(),
                }));
                return;
            }
        }
        if buf.len() as u64 > MAX_DOC_BYTES && !buf.ends_with(b"\n") {
            sink(Err(InputError::TooLarge {
                input: name,
                limit: MAX_DOC_BYTES,
            }));
            // Skip the rest of the oversized line.
            let mut rest = Vec::new();
            if reader.read_until(b'\n', &mut rest).is_err() {
                return;
            }
            continue;
        }
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        sink(parse_json_line(line, &name));
    }
}

/// What a file holds, told by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// JSON Lines records.
    JsonLines,
    /// A web archive.
    Warc,
    /// A web page.
    Page,
    /// One article of text (or a page, if its bytes say so).
    Article,
}

/// What a file holds, and whether it is gzip-compressed (`.gz`).
pub fn file_kind(path: &Path) -> (FileKind, bool) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let (inner, gz) = match name.strip_suffix(".gz") {
        Some(inner) => (inner.to_string(), true),
        None => (name, false),
    };
    let ext = Path::new(&inner)
        .extension()
        .map(|e| e.to_string_lossy().to_string())
        .unwrap_or_default();
    let kind = match ext.as_str() {
        "jsonl" | "ndjson" => FileKind::JsonLines,
        "warc" => FileKind::Warc,
        "html" | "htm" | "xhtml" | "shtml" => FileKind::Page,
        _ => FileKind::Article,
    };
    (kind, gz)
}

/// Reads at most [`MAX_DOC_BYTES`] from `read`, or says the input is too large.
fn read_capped(read: impl Read, source: &str) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    read.take(MAX_DOC_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::Io {
            input: source.to_string(),
            message: e.to_string(),
        })?;
    if bytes.len() as u64 > MAX_DOC_BYTES {
        return Err(InputError::TooLarge {
            input: source.to_string(),
            limit: MAX_DOC_BYTES,
        });
    }
    Ok(bytes)
}

/// Reads one file as a single article or page (decompressing `.gz`).
pub fn read_file(path: &Path) -> Item {
    let source = path.display().to_string();
    let file = File::open(path).map_err(|e| InputError::Io {
        input: source.clone(),
        message: e.to_string(),
    })?;
    let (kind, gz) = file_kind(path);
    let bytes = if gz {
        read_capped(
            flate2::read::MultiGzDecoder::new(BufReader::new(file)),
            &source,
        )
        .map_err(|e| match e {
            InputError::Io { input, message } => InputError::Io {
                input,
                message: format!("not a readable gzip file: {message}"),
            },
            e => e,
        })?
    } else {
        read_capped(file, &source)?
    };
    let content = if kind == FileKind::Page || looks_like_html(&bytes) {
        Content::Markup {
            bytes,
            charset: None,
        }
    } else {
        Content::Bytes(bytes)
    };
    Ok(RawDoc {
        source,
        content,
        ..RawDoc::default()
    })
}

/// Reads a web archive, one item per record: its HTML pages, and for every other record an
/// error item that says what it is.
pub fn read_warc<R: Read>(read: R, origin: &str, sink: &mut dyn FnMut(Item)) {
    let limits = biennien_warc::Limits {
        max_record_bytes: MAX_DOC_BYTES,
        max_body_bytes: MAX_DOC_BYTES,
        ..biennien_warc::Limits::default()
    };
    for item in biennien_warc::Reader::new(BufReader::new(read), limits) {
        match item {
            Err(e) => sink(Err(InputError::Archive {
                input: format!("{origin}#{}", e.record()),
                message: e.to_string(),
            })),
            Ok(rec) => sink(page_of_record(rec, origin)),
        }
    }
}

/// The page a WARC record holds, or why it holds none.
fn page_of_record(rec: biennien_warc::Record, origin: &str) -> Item {
    let input = format!("{origin}#{}", rec.index);
    let kind = if rec.kind.is_empty() {
        "untyped".to_string()
    } else {
        rec.kind.clone()
    };
    let skip = |why: String| {
        Err(InputError::NotAPage {
            input: input.clone(),
            why,
        })
    };
    if !matches!(kind.as_str(), "response" | "resource" | "conversion") {
        return skip(format!("a {kind} record, not a page"));
    }
    if let Some(http) = &rec.http {
        if !(200..300).contains(&http.status) {
            return skip(format!("HTTP status {}", http.status));
        }
    }
    if !rec.is_html() {
        let (_, mime, _) = rec.payload();
        return skip(format!(
            "a {kind} record of {}, not an HTML page",
            mime.unwrap_or("unknown type")
        ));
    }
    let (payload, _, charset) = rec.payload();
    if payload.len() as u64 > MAX_DOC_BYTES {
        return Err(InputError::TooLarge {
            input,
            limit: MAX_DOC_BYTES,
        });
    }
    Ok(RawDoc {
        source: input,
        content: Content::Markup {
            bytes: payload.to_vec(),
            charset: charset.map(str::to_string),
        },
        url: rec.target_uri.clone(),
        fetched: rec.date.clone(),
        ..RawDoc::default()
    })
}

/// Reads all inputs (`-` is standard input), calling `sink` for every item in input order.
pub fn read_all(args: &[String], sink: &mut dyn FnMut(Item)) {
    for arg in args {
        if arg == "-" {
            read_jsonl(io::stdin().lock(), "<stdin>", sink);
            continue;
        }
        for path in expand(arg) {
            let p = match path {
                Err(e) => {
                    sink(Err(e));
                    continue;
                }
                Ok(p) => p,
            };
            let name = p.display().to_string();
            let (kind, gz) = file_kind(&p);
            match kind {
                FileKind::JsonLines | FileKind::Warc => match File::open(&p) {
                    Ok(f) if kind == FileKind::Warc => read_warc(f, &name, sink),
                    Ok(f) if gz => read_jsonl(
                        flate2::read::MultiGzDecoder::new(BufReader::new(f)),
                        &name,
                        sink,
                    ),
                    Ok(f) => read_jsonl(f, &name, sink),
                    Err(e) => sink(Err(InputError::Io {
                        input: name,
                        message: e.to_string(),
                    })),
                },
                FileKind::Page | FileKind::Article => sink(read_file(&p)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_records_keep_metadata() {
        let doc = parse_json_line(
            r#"{"source":"a.txt","text":"Xin chào","published":"2024-03-05","outlet":"vov.vn","title":"T"}"#,
            "in.jsonl:1",
        )
        .unwrap();
        assert_eq!(doc.source, "a.txt");
        assert_eq!(doc.published.as_deref(), Some("2024-03-05"));
        assert_eq!(doc.outlet.as_deref(), Some("vov.vn"));
        assert_eq!(doc.title.as_deref(), Some("T"));
        assert_eq!(doc.content, Content::Text("Xin chào".into()));
    }

    #[test]
    fn url_names_a_record_without_source() {
        let doc = parse_json_line(r#"{"url":"https://x.vn/a","text":"t"}"#, "in:1").unwrap();
        assert_eq!(doc.source, "https://x.vn/a");
    }

    #[test]
    fn bad_records_are_errors_naming_the_line() {
        let e = parse_json_line("{not json", "in.jsonl:7").unwrap_err();
        assert_eq!(e.source_name(), "in.jsonl:7");
        assert!(e.to_string().starts_with("in.jsonl:7: not a JSON record"));
        let e = parse_json_line(r#"{"source":"x"}"#, "in.jsonl:8").unwrap_err();
        assert_eq!(e, InputError::NoText { input: "x".into() });
    }

    #[test]
    fn jsonl_stream_keeps_order_and_reports_every_line() {
        let data = "{\"text\":\"a\"}\n\n{bad\n{\"text\":\"c\"}\n";
        let mut items = Vec::new();
        read_jsonl(data.as_bytes(), "s", &mut |i| items.push(i));
        assert_eq!(items.len(), 3);
        assert!(items[0].is_ok());
        assert_eq!(items[1].as_ref().unwrap_err().source_name(), "s:3");
        assert!(items[2].is_ok());
    }

    #[test]
    fn directories_are_walked_in_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "b").unwrap();
        std::fs::write(dir.path().join("sub/a.txt"), "a").unwrap();
        std::fs::write(dir.path().join(".hidden"), "h").unwrap();
        std::fs::write(dir.path().join("notes.md"), "n").unwrap();
        std::fs::write(
            dir.path().join("c.jsonl"),
            "{\"source\":\"c1\",\"text\":\"c\"}\n",
        )
        .unwrap();
        let mut items = Vec::new();
        read_all(&[dir.path().display().to_string()], &mut |i| items.push(i));
        let names: Vec<String> = items
            .iter()
            .map(|i| match i {
                Ok(d) => d.source.clone(),
                Err(e) => format!("refused {}", e.source_name()),
            })
            .collect();
        assert_eq!(names.len(), 4, "{names:?}");
        assert!(names[0].ends_with("b.txt"));
        assert_eq!(names[1], "c1");
        assert!(names[2].starts_with("refused") && names[2].ends_with("notes.md"));
        assert!(names[3].ends_with("a.txt"));
    }

    #[test]
    fn missing_input_is_reported() {
        let mut items = Vec::new();
        read_all(&["/no/such/path/x".to_string()], &mut |i| items.push(i));
        assert!(matches!(items.as_slice(), [Err(InputError::Io { .. })]));
    }

    #[test]
    fn file_kinds_follow_the_name_inside_gzip() {
        let k = |n: &str| file_kind(Path::new(n));
        assert_eq!(k("a/crawl.warc.gz"), (FileKind::Warc, true));
        assert_eq!(k("crawl.WARC"), (FileKind::Warc, false));
        assert_eq!(k("page.html.gz"), (FileKind::Page, true));
        assert_eq!(k("page.HTM"), (FileKind::Page, false));
        assert_eq!(k("dump.jsonl.gz"), (FileKind::JsonLines, true));
        assert_eq!(k("note.txt"), (FileKind::Article, false));
        assert_eq!(k("README"), (FileKind::Article, false));
    }

    #[test]
    fn pages_are_known_by_their_first_bytes() {
        assert!(looks_like_html(b"\xEF\xBB\xBF  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<!-- saved --> \n<HTML lang=vi>"));
        assert!(looks_like_html(
            b"<?xml version=\"1.0\"?><html xmlns=\"x\">"
        ));
        assert!(!looks_like_html(b"Thu tuong <b>hoi dam</b>"));
        assert!(!looks_like_html(b"<!-- never closed"));
        assert!(!looks_like_html(b""));
    }

    #[test]
    fn a_page_file_is_read_as_markup_and_a_broken_gzip_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("p.txt");
        std::fs::write(&page, "<!doctype html><p>x</p>").unwrap();
        assert!(matches!(
            read_file(&page).unwrap().content,
            Content::Markup { .. }
        ));
        let bad = dir.path().join("p.html.gz");
        std::fs::write(&bad, b"\x1f\x8b not gzip").unwrap();
        let err = read_file(&bad).unwrap_err();
        assert!(err.to_string().contains("gzip"), "{err}");
    }
}
