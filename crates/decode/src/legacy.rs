//! Choosing and applying a legacy encoding for bytes that are not UTF-8.
//!
//! Vietnamese legacy pages are nearly always windows-1258, which writes most toned vowels as a
//! base letter followed by a combining tone mark: 0xCC (grave), 0xEC (acute), 0xD2 (hook above),
//! 0xDE (tilde), 0xF2 (dot below). Those five bytes after a vowel, together with the letters
//! đ/Đ, ơ/Ơ, ư/Ư, ă/Ă, are a strong signal that no Western text gives. Everything else is left
//! to the caller's hint or to `chardetng`.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding};

/// Windows-1258 bytes of the combining tone marks.
fn is_tone_mark(b: u8) -> bool {
    matches!(b, 0xCC | 0xD2 | 0xDE | 0xEC | 0xF2)
}

/// Windows-1258 bytes of vowels a tone mark can follow.
fn is_vowel(b: u8) -> bool {
    matches!(
        b,
        b'a' | b'e'
            | b'i'
            | b'o'
            | b'u'
            | b'y'
            | b'A'
            | b'E'
            | b'I'
            | b'O'
            | b'U'
            | b'Y'
            | 0xC0..=0xC3
            | 0xC8..=0xCA
            | 0xCD
            | 0xD3..=0xD5
            | 0xD9
            | 0xDA
            | 0xDD
            | 0xE0..=0xE3
            | 0xE8..=0xEA
            | 0xED
            | 0xF3..=0xF5
            | 0xF9
            | 0xFA
            | 0xFD
    )
}

/// Windows-1258 bytes of letters only Vietnamese uses: Ă ă Đ đ Ơ ơ Ư ư.
fn is_vietnamese_letter(b: u8) -> bool {
    matches!(b, 0xC3 | 0xE3 | 0xD0 | 0xF0 | 0xD5 | 0xF5 | 0xDD | 0xFD)
}

/// Windows-1258 (and windows-1252) bytes of letters Vietnamese does not use: Ä Å Æ Ç Ë Î Ï Ñ
/// Ö Ø Û Ü ß and their lower case forms.
fn is_foreign_letter(b: u8) -> bool {
    matches!(
        b,
        0xC4..=0xC7
            | 0xCB
            | 0xCE
            | 0xCF
            | 0xD1
            | 0xD6
            | 0xD8
            | 0xDB
            | 0xDC
            | 0xDF
            | 0xE4..=0xE7
            | 0xEB
            | 0xEE
            | 0xEF
            | 0xF1
            | 0xF6
            | 0xF8
            | 0xFB
            | 0xFC
            | 0xFF
    )
}

/// Whether `bytes` read as windows-1258 look like Vietnamese: tone marks follow vowels, and
/// Vietnamese signals outweigh letters of other languages.
pub(crate) fn looks_windows_1258(bytes: &[u8]) -> bool {
    let mut tones = 0usize;
    let mut letters = 0usize;
    let mut foreign = 0usize;
    let mut prev = 0u8;
    for &b in bytes {
        if is_tone_mark(b) {
            if is_vowel(prev) {
                tones += 1;
            } else {
                foreign += 1;
            }
        } else if is_vietnamese_letter(b) {
            letters += 1;
        } else if is_foreign_letter(b) {
            foreign += 1;
        }
        prev = b;
    }
    tones >= 1 && 2 * tones + letters > 2 * foreign
}

/// The encoding of `bytes` (not UTF-8, no byte order mark), from `hint` or by detection.
pub(crate) fn choose(bytes: &[u8], hint: Option<&str>) -> &'static Encoding {
    if let Some(enc) = hint.and_then(|h| Encoding::for_label(h.trim().as_bytes())) {
        let usable = enc != encoding_rs::UTF_8
            && enc != encoding_rs::UTF_16LE
            && enc != encoding_rs::UTF_16BE
            && enc != encoding_rs::REPLACEMENT;
        if usable {
            if enc == encoding_rs::WINDOWS_1252 && looks_windows_1258(bytes) {
                return encoding_rs::WINDOWS_1258;
            }
            return enc;
        }
    }
    if looks_windows_1258(bytes) {
        return encoding_rs::WINDOWS_1258;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    detector.guess(Some(b"vn"), Utf8Detection::Allow)
}

/// Decodes `bytes` with `enc` (no BOM handling), replacing malformed sequences by U+FFFD and
/// counting them.
pub(crate) fn decode_counting(enc: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut out = String::with_capacity(capacity);
    let mut replaced = 0;
    let mut rest = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        rest = rest.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => return (out, replaced),
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(rest.len())
                    .unwrap_or(rest.len());
                out.reserve(more.max(16));
            }
            DecoderResult::Malformed(_, _) => {
                out.push('\u{FFFD}');
                replaced += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1258_signal() {
        // "Việt Nam" with ê + dot below, "đẹp" with đ and e + dot below.
        assert!(looks_windows_1258(b"Vi\xEA\xF2t Nam \xF0e\xF2p"));
        // French and German in windows-1252.
        assert!(!looks_windows_1258(b"caf\xE9 cr\xE8me br\xFBl\xE9e"));
        assert!(!looks_windows_1258(b"Gr\xFC\xDFe aus K\xF6ln"));
        // Italian: ì and ò after vowels would be tone marks, but nothing else supports it.
        assert!(!looks_windows_1258(
            b"cos\xEC pu\xF2 gi\xE0 perch\xE9 pi\xF9"
        ));
    }

    #[test]
    fn counts_replacements() {
        let (text, replaced) = decode_counting(encoding_rs::UTF_8, b"a\xFFb\xE1\xBB");
        assert_eq!(text, "a\u{FFFD}b\u{FFFD}");
        assert_eq!(replaced, 2);
        let (text, replaced) = decode_counting(encoding_rs::UTF_16LE, b"a\x00b");
        assert_eq!(text, "a\u{FFFD}");
        assert_eq!(replaced, 1);
    }
}
