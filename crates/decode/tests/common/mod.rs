//! Encoders shared by the decoding tests.

use unicode_normalization::UnicodeNormalization;

/// `text` in windows-1258 as Vietnamese legacy pages write it: base letters (with circumflex,
/// breve or horn) followed by a combining tone mark.
pub fn windows_1258(text: &str) -> Vec<u8> {
    let mut legacy = String::new();
    for c in text.chars() {
        let (marks, tones): (Vec<char>, Vec<char>) = c.to_string().nfd().partition(|&m| {
            !matches!(m, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
        });
        legacy.extend(marks.into_iter().nfc());
        legacy.extend(tones);
    }
    let (bytes, _, had_errors) = encoding_rs::WINDOWS_1258.encode(&legacy);
    assert!(!had_errors, "{text:?} is not encodable in windows-1258");
    bytes.into_owned()
}
