//! Fuzzes byte decoding: any bytes, with and without a charset hint, must give NFC text or a
//! binary refusal, never a panic.

#![no_main]

use biennien_decode::{decode, decode_with_hint, Encoding};
use libfuzzer_sys::fuzz_target;
use unicode_normalization::is_nfc;

/// Hints as pages give them: right, wrong, unusual and unknown labels.
const HINTS: [Option<&str>; 6] = [
    None,
    Some("windows-1258"),
    Some("iso-8859-1"),
    Some("shift_jis"),
    Some("utf-16le"),
    Some("no-such-charset"),
];

fuzz_target!(|data: &[u8]| {
    let plain = decode(data);
    for hint in HINTS {
        let Ok(d) = decode_with_hint(data, hint) else {
            continue;
        };
        assert!(is_nfc(&d.text), "output is not NFC");
        assert!(d.replaced <= data.len(), "more replacements than bytes");
        if hint.is_none() {
            assert_eq!(plain.as_ref().ok(), Some(&d), "decode differs from no hint");
        }
    }
    // Valid UTF-8 is read as UTF-8 (perhaps repaired), whatever the hint, and loses nothing;
    // unless it has NUL bytes (UTF-16 of ASCII text is valid UTF-8) or a byte order mark.
    if let (Ok(_), Ok(d)) = (std::str::from_utf8(data), &plain) {
        if !data.starts_with(b"\xEF\xBB\xBF") && !data.contains(&0) {
            assert!(
                matches!(d.encoding, Encoding::Utf8 | Encoding::Utf8Mojibake),
                "valid UTF-8 read as {:?}",
                d.encoding
            );
            assert_eq!(d.replaced, 0);
            for hint in HINTS {
                assert_eq!(decode_with_hint(data, hint).ok().as_ref(), Some(d));
            }
        }
    }
});
