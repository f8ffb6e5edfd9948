//! Fuzzes main-content extraction from web pages: any bytes in, a page or an error out, within
//! the limits, never a panic.

#![no_main]

use biennien_html::{extract, Limits, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte chooses the transport charset and how tight the limits are.
    let Some((&mode, bytes)) = data.split_first() else {
        return;
    };
    let charset = match mode & 3 {
        0 => None,
        1 => Some("windows-1258"),
        2 => Some("utf-8"),
        _ => Some("no-such-charset"),
    };
    let limits = if mode & 4 == 0 {
        Limits::default()
    } else {
        Limits {
            max_bytes: 4096,
            max_nodes: 200,
            max_depth: 16,
        }
    };
    let opts = Options { charset, limits };
    match extract(bytes, &opts) {
        Ok(page) => {
            // Blocks are separated by one blank line and are never empty.
            for block in page.text.split("\n\n") {
                assert!(!block.trim().is_empty() || page.text.is_empty());
            }
            if let Some(date) = &page.meta.published {
                assert!(date.len() == 10 || date.len() == 16, "{date}");
                assert!(date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-', "{date}");
            }
            assert!(bytes.len() <= limits.max_bytes);
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
        }
    }
});
