//! Inputs that once broke page extraction, each named after what it broke. The first byte is the
//! fuzz target's mode byte: bit 2 set means tight limits.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use biennien_html::{extract, Limits, Options};

fn tight() -> Options<'static> {
    Options {
        charset: None,
        limits: Limits {
            max_bytes: 4096,
            max_nodes: 200,
            max_depth: 16,
        },
    }
}

/// Misnested `<a>` tags past the node limit made the tree builder's adoption agency run off the
/// start of its stack: elements beyond the limit all shared one index and looked like one node.
#[test]
fn misnested_a_past_the_node_limit() {
    let data = include_bytes!("regressions/misnested-a-past-node-limit.bin");
    let page = &data[1..];
    let _ = extract(page, &tight());
    let _ = extract(page, &Options::default());
    let many = format!("<html><body>{}", "<a><p><a><b>x</a>".repeat(500));
    let r = extract(many.as_bytes(), &tight());
    assert!(r.is_err(), "{r:?}");
}
