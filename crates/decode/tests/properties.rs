//! Properties of decoding: UTF-8 round-trips, mojibake and windows-1258 come back as the
//! original text, and no input makes decoding panic or return text that is not NFC.

// Test code: a failed expectation is the report.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod common;

use common::windows_1258;

use biennien_decode::{decode, decode_with_hint, Encoding};
use proptest::prelude::*;
use unicode_normalization::{is_nfc, UnicodeNormalization};

/// Vietnamese letters (precomposed, both cases), ASCII letters, digits and a little punctuation.
const LETTERS: &str = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọ\
                       ồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ\
                       AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌ\
                       ỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ\
                       fjwzFJWZ0123456789     ,.;:!?()-'\"\n";

/// Combining marks Vietnamese text in NFD is made of.
const MARKS: &str = "\u{300}\u{301}\u{303}\u{309}\u{323}\u{302}\u{306}\u{31B}";

fn letters() -> impl Strategy<Value = String> {
    let chars: Vec<char> = LETTERS.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 0..300).prop_map(|v| v.into_iter().collect())
}

fn letters_and_marks() -> impl Strategy<Value = String> {
    let chars: Vec<char> = LETTERS.chars().chain(MARKS.chars()).collect();
    prop::collection::vec(prop::sample::select(chars), 0..300).prop_map(|v| v.into_iter().collect())
}

/// Bytes biased towards what the decoder branches on: NUL, controls, UTF-8 leads and
/// continuations, windows-1258 tone marks, byte order marks.
fn tricky_bytes() -> impl Strategy<Value = Vec<u8>> {
    let interesting: Vec<u8> = vec![
        0x00, 0x01, 0x0A, 0x1B, 0x20, b'a', b'e', b'o', 0x80, 0x81, 0x90, 0x94, 0x9D, 0xA0, 0xA1,
        0xBB, 0xBF, 0xC2, 0xC3, 0xC4, 0xC6, 0xCC, 0xD2, 0xDE, 0xE1, 0xE2, 0xEC, 0xEF, 0xF0, 0xF2,
        0xF4, 0xFE, 0xFF,
    ];
    prop::collection::vec(
        prop_oneof![any::<u8>(), prop::sample::select(interesting)],
        0..400,
    )
}

proptest! {
    #[test]
    fn utf8_round_trips(s in letters_and_marks()) {
        let d = decode(s.as_bytes());
        let want: String = s.nfc().collect();
        prop_assert_eq!(d.as_ref().map(|d| d.text.as_str()).ok(), Some(want.as_str()));
        prop_assert_eq!(d.as_ref().map(|d| (d.encoding, d.replaced)).ok(), Some((Encoding::Utf8, 0)));
    }

    #[test]
    fn mojibake_round_trips(s in letters()) {
        let garbled = encoding_rs::WINDOWS_1252.decode(s.as_bytes()).0.into_owned();
        let d = decode(garbled.as_bytes());
        prop_assert_eq!(d.as_ref().map(|d| d.text.as_str()).ok(), Some(s.as_str()));
        let want = if s.is_ascii() { Encoding::Utf8 } else { Encoding::Utf8Mojibake };
        prop_assert_eq!(d.as_ref().map(|d| d.encoding).ok(), Some(want));
    }

    #[test]
    fn windows_1258_round_trips_with_hint(s in letters()) {
        let bytes = windows_1258(&s);
        let d = decode_with_hint(&bytes, Some("windows-1258"));
        prop_assert_eq!(d.as_ref().map(|d| d.text.as_str()).ok(), Some(s.as_str()));
    }

    #[test]
    fn utf16_round_trips(s in letters()) {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&bytes);
        prop_assert_eq!(d.as_ref().map(|d| d.text.as_str()).ok(), Some(s.as_str()));
    }

    #[test]
    fn never_panics_and_returns_nfc(bytes in tricky_bytes(), hint in prop::sample::select(
        vec![None, Some("utf-8"), Some("windows-1258"), Some("iso-8859-1"), Some("utf-16"),
             Some("shift_jis"), Some("iso-2022-kr"), Some("x-user-defined"), Some("bogus")]
    )) {
        if let Ok(d) = decode_with_hint(&bytes, hint) {
            prop_assert!(is_nfc(&d.text));
            prop_assert!(d.replaced <= bytes.len());
        }
    }

    #[test]
    fn never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(d) = decode(&bytes) {
            prop_assert!(is_nfc(&d.text));
        }
    }
}
