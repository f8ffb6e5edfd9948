//! Decoding tests: bytes in, expected text, encoding and replacement count out, through one
//! `check` helper. Inputs are built with encoders rather than stored as files.

// Test code: a failed expectation is the report.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

mod common;

use common::windows_1258;

use biennien_decode::{decode, decode_with_hint, BinaryKind, DecodeError, Decoded, Encoding};
use unicode_normalization::UnicodeNormalization;

const VI: &str = "Việt Nam là một quốc gia nằm ở phía đông bán đảo Đông Dương. \
                  Thủ đô là Hà Nội, thành phố lớn nhất là Thành phố Hồ Chí Minh.\n\
                  Người dân đón Tết Nguyên Đán với bánh chưng, dưa hành và câu đối đỏ.";

/// Decodes `bytes` with `hint` and compares with the expected outcome.
#[track_caller]
fn check(bytes: &[u8], hint: Option<&str>, text: &str, encoding: Encoding, replaced: usize) {
    let got = decode_with_hint(bytes, hint);
    let want = Decoded {
        text: text.to_string(),
        encoding,
        replaced,
    };
    assert_eq!(got.as_ref().ok(), Some(&want), "got {got:?}");
    if hint.is_none() {
        assert_eq!(decode(bytes).ok(), Some(want));
    }
}

/// Decodes `bytes` and expects a refusal as binary.
#[track_caller]
fn check_binary(bytes: &[u8], offset: usize, kind: BinaryKind) {
    let got = decode(bytes);
    assert!(
        matches!(got, Err(DecodeError::Binary { offset: o, kind: k }) if (o, k) == (offset, kind)),
        "expected binary ({kind} at {offset}), got {got:?}"
    );
}

/// `text` as UTF-16 code units in little- or big-endian bytes, without a byte order mark.
fn utf16(text: &str, little: bool) -> Vec<u8> {
    text.encode_utf16()
        .flat_map(|u| {
            if little {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

/// `bytes` with `prefix` in front.
fn prefixed(prefix: &[u8], bytes: &[u8]) -> Vec<u8> {
    [prefix, bytes].concat()
}

/// `text` double-encoded: its UTF-8 bytes read as windows-1252, written as UTF-8.
fn garble_1252(text: &str) -> String {
    encoding_rs::WINDOWS_1252
        .decode(text.as_bytes())
        .0
        .into_owned()
}

/// `text` double-encoded through Latin-1 (bytes 0x80–0x9F become C1 controls).
fn garble_latin1(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

#[test]
fn empty_input_is_empty_text() {
    check(b"", None, "", Encoding::Utf8, 0);
    check(b"", Some("windows-1258"), "", Encoding::Utf8, 0);
}

#[test]
fn utf8() {
    check(b"plain ASCII", None, "plain ASCII", Encoding::Utf8, 0);
    check(VI.as_bytes(), None, VI, Encoding::Utf8, 0);
    // A hint never overrides valid UTF-8.
    check(VI.as_bytes(), Some("windows-1258"), VI, Encoding::Utf8, 0);
}

#[test]
fn output_is_nfc() {
    let nfd: String = VI.nfd().collect();
    assert_ne!(nfd, VI);
    check(nfd.as_bytes(), None, VI, Encoding::Utf8, 0);
}

#[test]
fn utf8_bom_is_dropped() {
    check(
        &prefixed(b"\xEF\xBB\xBF", VI.as_bytes()),
        None,
        VI,
        Encoding::Utf8Bom,
        0,
    );
    check(b"\xEF\xBB\xBF", None, "", Encoding::Utf8Bom, 0);
}

#[test]
fn utf16_with_bom() {
    check(
        &prefixed(b"\xFF\xFE", &utf16(VI, true)),
        None,
        VI,
        Encoding::Utf16Le,
        0,
    );
    check(
        &prefixed(b"\xFE\xFF", &utf16(VI, false)),
        None,
        VI,
        Encoding::Utf16Be,
        0,
    );
    // An odd trailing byte is one malformed sequence.
    let mut odd = prefixed(b"\xFF\xFE", &utf16("Hà Nội", true));
    odd.push(b'x');
    check(&odd, None, "Hà Nội\u{FFFD}", Encoding::Utf16Le, 1);
}

#[test]
fn utf16_without_bom() {
    check(&utf16(VI, true), None, VI, Encoding::Utf16Le, 0);
    check(&utf16(VI, false), None, VI, Encoding::Utf16Be, 0);
    check(&utf16("Hà Nội", true), None, "Hà Nội", Encoding::Utf16Le, 0);
}

#[test]
fn windows_1258_is_detected() {
    let bytes = windows_1258(VI);
    assert!(std::str::from_utf8(&bytes).is_err());
    assert!(bytes.contains(&0xF2), "dot below is a combining mark");
    check(&bytes, None, VI, Encoding::Windows1258, 0);
    let short = windows_1258("Tin mới nhất hôm nay");
    check(
        &short,
        None,
        "Tin mới nhất hôm nay",
        Encoding::Windows1258,
        0,
    );
}

#[test]
fn hints() {
    let vi = windows_1258(VI);
    check(&vi, Some("windows-1258"), VI, Encoding::Windows1258, 0);
    check(&vi, Some(" CP1258 "), VI, Encoding::Windows1258, 0);
    // Vietnamese pages labelled Latin-1 are windows-1258 all the same.
    check(&vi, Some("iso-8859-1"), VI, Encoding::Windows1258, 0);
    // Labels that cannot be right for these bytes, or name nothing, are ignored.
    check(&vi, Some("utf-8"), VI, Encoding::Windows1258, 0);
    check(&vi, Some("utf-16le"), VI, Encoding::Windows1258, 0);
    check(&vi, Some("no-such-charset"), VI, Encoding::Windows1258, 0);

    let fr = "Crème brûlée à la française, s'il vous plaît";
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(fr);
    check(
        &latin1,
        Some("ISO-8859-1"),
        fr,
        Encoding::Other("windows-1252"),
        0,
    );

    let ja = "日本語のニュース記事です。東京で会議が開かれました。";
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(ja);
    check(
        &sjis,
        Some("shift_jis"),
        ja,
        Encoding::Other("Shift_JIS"),
        0,
    );
}

#[test]
fn other_encodings_fall_back_to_detection() {
    let ru = "Москва — столица России, крупнейший по численности населения город страны. \
              В городе проходит заседание правительства.";
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(ru);
    check(&cp1251, None, ru, Encoding::Other("windows-1251"), 0);
}

#[test]
fn damaged_utf8_is_decoded_with_replacements() {
    // Truncated in the middle of the last character.
    let text = "Phố cổ Hội An đẹp như thơ";
    let cut = text.as_bytes().get(..text.len() - 1).unwrap_or_default();
    check(
        cut,
        None,
        "Phố cổ Hội An đẹp như th\u{FFFD}",
        Encoding::Utf8,
        1,
    );
    // A stray byte in the middle.
    check(
        b"Vi\xE1\xBB\x87t Nam \xFF l\xC3\xA0",
        None,
        "Việt Nam \u{FFFD} là",
        Encoding::Utf8,
        1,
    );
    // Valid UTF-8 wins over a hint even when damaged.
    check(
        b"Vi\xE1\xBB\x87t Nam \xFF l\xC3\xA0",
        Some("windows-1258"),
        "Việt Nam \u{FFFD} là",
        Encoding::Utf8,
        1,
    );
}

#[test]
fn mojibake_is_repaired() {
    assert_eq!(garble_1252("Việt Nam"), "Viá»‡t Nam");
    check(
        garble_1252(VI).as_bytes(),
        None,
        VI,
        Encoding::Utf8Mojibake,
        0,
    );
    check(
        garble_latin1(VI).as_bytes(),
        None,
        VI,
        Encoding::Utf8Mojibake,
        0,
    );
    check(
        garble_1252(&garble_1252(VI)).as_bytes(),
        None,
        VI,
        Encoding::Utf8Mojibake,
        0,
    );
    check(
        garble_1252("Đồng “đô la” tăng 2% — 25.000₫").as_bytes(),
        None,
        "Đồng “đô la” tăng 2% — 25.000₫",
        Encoding::Utf8Mojibake,
        0,
    );
    check(
        prefixed(b"\xEF\xBB\xBF", garble_1252(VI).as_bytes()).as_slice(),
        None,
        VI,
        Encoding::Utf8Mojibake,
        0,
    );
}

#[test]
fn mixed_mojibake_is_repaired_where_it_is() {
    let title = "Hà Nội: giá xăng giảm từ 15 giờ chiều nay";
    let body = "Liên Bộ Công Thương - Tài chính vừa điều chỉnh giá xăng dầu.";
    let text = format!("{}\n{body}", garble_1252(title));
    check(
        text.as_bytes(),
        None,
        &format!("{title}\n{body}"),
        Encoding::Utf8Mojibake,
        0,
    );
}

#[test]
fn genuine_latin_letters_are_not_repaired() {
    for text in [
        "CHÂU ÂU",
        "HỘI NGHỊ THƯỢNG ĐỈNH CHÂU ÂU — ASEAN",
        "Liên minh châu Âu (EU) và “ÂU LẠC”",
        "NGÃ BA HUẾ, NGÃ TƯ SỞ",
        "Giá vàng “NGÃ” ngửa",
        "Ông Ân nói: «Ô tô» © 2024 ± 5°",
        "café crème brûlée",
    ] {
        check(text.as_bytes(), None, text, Encoding::Utf8, 0);
    }
}

#[test]
fn binary_is_refused() {
    check_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 8, BinaryKind::Nul);
    check_binary(
        b"%PDF-1.7\n\x01\x02\x03\x04\x05 stream",
        9,
        BinaryKind::Controls,
    );
    check_binary(b"Hello\0", 5, BinaryKind::Nul);
    check_binary(b"\xEF\xBB\xBFHello\0", 8, BinaryKind::Nul);
    check_binary(
        &prefixed(b"\xFF\xFE", &utf16("abc\0def", true)),
        8,
        BinaryKind::Nul,
    );
    let err = decode(b"abc\0").err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("looks like binary data (NUL byte at offset 3), not text")
    );
}

#[test]
fn a_few_control_bytes_are_text() {
    let text = format!("{VI}\x1b[0m\x08\x7f\x0c");
    check(text.as_bytes(), None, &text, Encoding::Utf8, 0);
}

#[test]
fn encoding_names() {
    for (enc, name) in [
        (Encoding::Utf8, "utf-8"),
        (Encoding::Utf8Bom, "utf-8-bom"),
        (Encoding::Utf16Le, "utf-16le"),
        (Encoding::Utf16Be, "utf-16be"),
        (Encoding::Windows1258, "windows-1258"),
        (Encoding::Utf8Mojibake, "utf-8-mojibake"),
        (Encoding::Other("windows-1252"), "windows-1252"),
    ] {
        assert_eq!(enc.name(), name);
        assert_eq!(enc.to_string(), name);
    }
}
