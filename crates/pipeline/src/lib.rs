//! The pure core of biennien: one raw article in, one document record out.
//!
//! ```text
//! bytes ──decode──▶ text ──normalize──▶ normalized text ──clean──▶ title, metadata, body, cuts
//!                     ▲                      │ offset map                      │
//!                     └──────────────────────┴──── spans of cuts mapped back ◀─┘
//! ```
//!
//! A web page (HTML markup) first goes through `biennien-html`, which finds the article in the
//! page and reads its metadata; the article's text then takes the same path as plain text, with
//! the page's title, date and outlet as hints. For pages, the spans of `removed` point into that
//! article text, not into the markup.
//!
//! No files, no clock, no database: the caller reads inputs and writes records. Messy input is
//! normal input: a document that cannot be processed still gives a record, with `error` set.

use std::collections::HashSet;

use biennien_clean::{clean, Hints};
use biennien_decode::{decode, Encoding};
use biennien_extract::{extract, Meta};
use biennien_input::{Content, InputError, RawDoc};
use biennien_record::{Document, Removed, Span};
use biennien_text::normalize;

/// Turns one raw article into its document record.
pub fn process(raw: &RawDoc) -> Document {
    process_with(raw, None)
}

/// How the pipeline is set up beyond its defaults.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings<'a> {
    /// Lines the corpus learned are its outlets' templates, to remove
    /// (keys of `biennien_corpus::boilerplate::line_key`).
    pub boilerplate: Option<&'a HashSet<u64>>,
    /// Bounds on what one web page may cost; a page beyond them gives a record with `error`.
    pub page_limits: biennien_html::Limits,
}

/// As [`process`], also removing the lines the corpus learned are its outlet's template
/// (keys of `biennien_corpus::boilerplate::line_key`).
pub fn process_with(raw: &RawDoc, boilerplate: Option<&HashSet<u64>>) -> Document {
    process_set(
        raw,
        &Settings {
            boilerplate,
            ..Settings::default()
        },
    )
}

/// As [`process`], set up by `settings`.
pub fn process_set(raw: &RawDoc, settings: &Settings<'_>) -> Document {
    let boilerplate = settings.boilerplate;
    let mut doc = Document {
        source: raw.source.clone(),
        ..Document::default()
    };
    let text = match &raw.content {
        Content::Text(t) => t.clone(),
        Content::Bytes(b) => match decode(b) {
            Ok(d) => {
                if d.encoding != Encoding::Utf8 {
                    doc.encoding = Some(d.encoding.name().to_string());
                }
                if d.replaced > 0 {
                    doc.warnings.push(format!(
                        "{} byte sequence(s) could not be decoded and were replaced by U+FFFD",
                        d.replaced
                    ));
                }
                d.text
            }
            Err(e) => {
                doc.error = Some(format!("{}: {e}", raw.source));
                return doc;
            }
        },
        Content::Html(html) => {
            let page = biennien_html::extract_str(html, &settings.page_limits);
            return process_page(doc, page, raw, boilerplate);
        }
        Content::Markup { bytes, charset } => {
            let opts = biennien_html::Options {
                charset: charset.as_deref(),
                limits: settings.page_limits,
            };
            let page = biennien_html::extract(bytes, &opts);
            return process_page(doc, page, raw, boilerplate);
        }
    };
    let hints = Hints {
        title: raw.title.as_deref(),
        published: raw.published.as_deref(),
        outlet: raw.outlet.as_deref(),
        boilerplate,
    };
    process_text(&mut doc, &text, &hints);
    doc.url = raw.url.clone();
    doc.fetched = raw.fetched.clone();
    doc
}

/// Cleans the article found in a web page. What came with the input wins over what the page
/// says of itself; what the page says wins over what the cleaner reads from the text.
fn process_page(
    mut doc: Document,
    page: Result<biennien_html::Page, biennien_html::HtmlError>,
    raw: &RawDoc,
    boilerplate: Option<&HashSet<u64>>,
) -> Document {
    let page = match page {
        Ok(p) => p,
        Err(e) => {
            doc.error = Some(format!("{}: {e}", raw.source));
            return doc;
        }
    };
    if page.encoding != "utf-8" {
        doc.encoding = Some(page.encoding.to_string());
    }
    let title = raw.title.as_deref().or(page.meta.title.as_deref());
    let published = raw.published.as_deref().or(page.meta.published.as_deref());
    let outlet = raw.outlet.as_deref().or(page.meta.outlet.as_deref());
    let hints = Hints {
        title,
        published,
        outlet,
        boilerplate,
    };
    process_text(&mut doc, &page.text, &hints);
    if let Some(t) = title {
        doc.title = Some(t.to_string());
    }
    if page.meta.author.is_some() {
        doc.author = page.meta.author.clone();
    }
    if let Some(o) = outlet {
        doc.outlet = Some(o.to_string());
    }
    if doc.published.is_none() {
        doc.published = published.map(str::to_string);
    }
    doc.url = page.meta.canonical.clone().or_else(|| raw.url.clone());
    doc.language = page.meta.language.clone();
    doc.fetched = raw.fetched.clone();
    if doc.body.trim().is_empty() {
        doc.warnings
            .push("the page holds no article text the cleaner kept".to_string());
    }
    doc
}

/// Cleans decoded `text` into `doc`.
fn process_text(doc: &mut Document, text: &str, hints: &Hints<'_>) {
    let norm = normalize(text);
    let cleaned = clean(&norm.text, hints);
    doc.body = cleaned.body(&norm.text);
    doc.removed = cleaned
        .cuts
        .iter()
        .map(|c| {
            let (start, end) = norm.map.span_to_original(c.span.start, c.span.end);
            Removed {
                reason: c.reason,
                text: norm
                    .text
                    .get(c.span.start..c.span.end)
                    .unwrap_or("")
                    .to_string(),
                span: Span::new(start, end),
            }
        })
        .collect();
    doc.title = cleaned.title;
    doc.published = cleaned.published;
    doc.outlet = cleaned.outlet;
    doc.author = cleaned.author;
    doc.dateline = cleaned.dateline;
    let found = extract(
        &doc.body,
        &Meta {
            title: doc.title.as_deref(),
            published: doc.published.as_deref(),
        },
    );
    doc.persons = found.persons;
    doc.events = found.events;
    doc.facts = found.facts;
}

/// The record of an input that could not be read at all.
pub fn failed(err: &InputError) -> Document {
    Document {
        source: err.source_name().to_string(),
        error: Some(err.to_string()),
        ..Document::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(content: Content) -> RawDoc {
        RawDoc {
            source: "test.txt".into(),
            content,
            title: None,
            published: None,
            outlet: None,
            url: None,
            fetched: None,
        }
    }

    #[test]
    fn binary_bytes_give_an_error_record_not_a_panic() {
        let doc = process(&raw(Content::Bytes(vec![
            0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 0,
        ])));
        assert!(
            doc.error.as_deref().is_some_and(|e| e.contains("test.txt")),
            "{doc:?}"
        );
        assert!(doc.body.is_empty());
    }

    #[test]
    fn legacy_bytes_are_decoded_and_reported() {
        // "Hà Nội" in Windows-1258: base letters followed by combining tone marks.
        let mut bytes = b"Th\xF4ng c\xE1o\n\nH\xE0 N\xF4\xF2i ti\xEA\xF2p \xF0o\xE0n. ".to_vec();
        bytes.extend(
            b"Hai b\xEAn trao \xF0\xF4\xDEi v\xEA\xF2 h\xF4\xF2p t\xE1c kinh t\xEA\xEC.".iter(),
        );
        let doc = process(&raw(Content::Bytes(bytes)));
        assert_eq!(doc.encoding.as_deref(), Some("windows-1258"), "{doc:?}");
        assert!(doc.body.contains("Hà Nội"), "{}", doc.body);
    }

    #[test]
    fn removed_spans_point_into_the_input() {
        let text = "Trang chủ\nThời sự\nThế giới\nKinh tế\n\nChiều 2/5, Bộ trưởng Ngoại giao Bùi \
                    Thanh Sơn đã hội đàm với Bộ trưởng Ngoại giao Peru tại Lima.\n\nTin liên quan\n\
                    Một tin khác về ngoại giao";
        let doc = process(&raw(Content::Text(text.to_string())));
        assert!(!doc.removed.is_empty());
        for r in &doc.removed {
            let original = &text[r.span.start..r.span.end];
            assert_eq!(original.trim(), r.text.trim(), "{r:?}");
        }
        assert!(doc.body.starts_with("Chiều 2/5"), "{}", doc.body);
    }
}
