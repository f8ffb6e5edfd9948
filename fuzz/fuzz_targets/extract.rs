//! Fuzzes the whole core: an article's bytes (or text) in, a record out, with its spans inside
//! the texts they point into.

#![no_main]

use biennien_input::{Content, RawDoc};
use biennien_pipeline::process;
use libfuzzer_sys::fuzz_target;

/// Asserts that the span `start..end` lies in `text` on character boundaries.
fn check_span(start: usize, end: usize, text: &str, what: &str) {
    assert!(start <= end, "{what}: span {start}..{end} is reversed");
    assert!(
        text.get(start..end).is_some(),
        "{what}: span {start}..{end} is not a slice of a text of {} bytes",
        text.len()
    );
}

fuzz_target!(|data: &[u8]| {
    // The first byte chooses how the article arrives and which metadata comes with it.
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    let lossy = String::from_utf8_lossy(bytes);
    let raw = RawDoc {
        source: "fuzz".to_string(),
        content: if mode & 16 != 0 {
            Content::Markup {
                bytes: bytes.to_vec(),
                charset: (mode & 1 != 0).then(|| "windows-1258".to_string()),
            }
        } else if mode & 1 == 0 {
            Content::Bytes(bytes.to_vec())
        } else {
            Content::Text(lossy.to_string())
        },
        title: (mode & 2 != 0).then(|| lossy.lines().next().unwrap_or("").to_string()),
        published: (mode & 4 != 0).then(|| "2024-05-01".to_string()),
        outlet: (mode & 8 != 0).then(|| "VnExpress".to_string()),
        url: None,
        fetched: None,
    };
    let doc = process(&raw);

    // The text the pipeline read: removed spans point into it.
    let input = match &raw.content {
        Content::Bytes(b) => biennien_decode::decode(b).map(|d| d.text).ok(),
        Content::Text(t) => Some(t.clone()),
        Content::Html(_) | Content::Markup { .. } => None,
    };
    if let Some(input) = &input {
        for removed in &doc.removed {
            let span = removed.span;
            assert!(span.start <= span.end, "removed span {span:?} is reversed");
            assert!(
                span.end <= input.len(),
                "removed span {span:?} is past the end of a text of {} bytes",
                input.len()
            );
        }
    } else if let Content::Html(_) = &raw.content {
        assert!(doc.removed.is_empty());
    }

    // Evidence and mentions point into the body.
    for person in &doc.persons {
        for span in &person.mentions {
            check_span(span.start, span.end, &doc.body, "person mention");
        }
    }
    for event in &doc.events {
        if let Some(span) = &event.evidence_span {
            check_span(span.start, span.end, &doc.body, "event evidence");
        }
    }
    for fact in &doc.facts {
        if let Some(span) = &fact.evidence_span {
            check_span(span.start, span.end, &doc.body, "fact evidence");
        }
    }
});
