//! The pure core of biennien: one raw article in, one document record out.
//!
//! ```text
//! bytes ──decode──▶ text ──normalize──▶ normalized text ──clean──▶ title, metadata, body, cuts
//!                     ▲                      │ offset map                      │
//!                     └──────────────────────┴──── spans of cuts mapped back ◀─┘
//! ```
//!
//! No files, no clock, no database: the caller reads inputs and writes records. Messy input is
//! normal input: a document that cannot be processed still gives a record, with `error` set.

use biennien_clean::{clean, Hints};
use biennien_decode::{decode, Encoding};
use biennien_extract::{extract, Meta};
use biennien_input::{Content, InputError, RawDoc};
use biennien_record::{Document, Removed, Span};
use biennien_text::normalize;

/// Turns one raw article into its document record.
pub fn process(raw: &RawDoc) -> Document {
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
        Content::Html(_) => {
            doc.error = Some(format!(
                "{}: html records are not supported by this build",
                raw.source
            ));
            return doc;
        }
    };
    process_text(&mut doc, &text, raw);
    doc
}

/// Cleans decoded `text` into `doc`.
fn process_text(doc: &mut Document, text: &str, raw: &RawDoc) {
    let norm = normalize(text);
    let hints = Hints {
        title: raw.title.as_deref(),
        published: raw.published.as_deref(),
        outlet: raw.outlet.as_deref(),
    };
    let cleaned = clean(&norm.text, &hints);
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
