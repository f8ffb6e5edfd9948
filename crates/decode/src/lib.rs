//! Turning the bytes of a crawled article into text.
//!
//! Crawled Vietnamese news arrives as UTF-8 most of the time, but not always: old pages are in
//! windows-1258 (base letters followed by combining tone marks), some exports are UTF-16, and a
//! fair share of "UTF-8" text is double-encoded: UTF-8 bytes that were once read as
//! windows-1252 and written out again, so that "Việt Nam" reads "Viá»‡t Nam". [`decode`] takes
//! the bytes, works out which of these it has, and returns NFC text with the encoding it found.
//!
//! The decision, in order:
//!
//! 1. Empty input is empty text.
//! 2. A byte order mark decides: UTF-8 (the mark is dropped), UTF-16 LE or BE.
//! 3. NUL bytes mean UTF-16 without a mark when they sit at every other position of mostly
//!    ASCII text, and binary data otherwise. A high share of C0 control bytes (other than tab,
//!    line feed, carriage return and form feed) is binary data too: [`DecodeError::Binary`].
//! 4. Valid UTF-8 is UTF-8. It is then checked for double-encoding with a cheap byte scan, and
//!    repaired where the evidence is clear ([`Encoding::Utf8Mojibake`]).
//! 5. UTF-8 with a few bad sequences (a truncated file, a stray byte) is UTF-8 with the bad
//!    sequences replaced by U+FFFD and counted in [`Decoded::replaced`].
//! 6. Otherwise the caller's hint (an HTTP `charset` or `<meta charset>`) is used when it names
//!    an encoding; text with windows-1258 tone marks after vowels is windows-1258 (also when the
//!    hint says windows-1252 or ISO-8859-1, a common mislabelling); anything else goes to
//!    `chardetng`, told that the text comes from a `.vn` site.
//!
//! Invariants: decoding never panics and never fails on text, whatever the bytes; the only
//! error is [`DecodeError::Binary`]. The returned text is always NFC. Valid UTF-8 without
//! mojibake markers is copied once, checked for NFC and returned, at close to memory speed.

mod binary;
mod legacy;
mod mojibake;
mod nfc;
mod sniff;
mod utf16;
mod utf8;

use std::fmt;

pub use sniff::looks_like_html;

/// The encoding the bytes were found to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 starting with a byte order mark (the mark is not part of the text).
    Utf8Bom,
    /// UTF-16 little-endian, with or without a byte order mark.
    Utf16Le,
    /// UTF-16 big-endian, with or without a byte order mark.
    Utf16Be,
    /// Windows-1258, the Vietnamese Windows code page (tone marks as combining characters).
    Windows1258,
    /// Valid UTF-8 whose text was itself double-encoded UTF-8 (read as windows-1252 or Latin-1
    /// and encoded again); the returned text is the repaired one.
    Utf8Mojibake,
    /// Another encoding, named as `encoding_rs` names it (for example `"windows-1252"`).
    Other(&'static str),
}

impl Encoding {
    /// The encoding's name, as written into records: `"utf-8"`, `"utf-8-bom"`, `"utf-16le"`,
    /// `"utf-16be"`, `"windows-1258"`, `"utf-8-mojibake"` or the `encoding_rs` name.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1258 => "windows-1258",
            Encoding::Utf8Mojibake => "utf-8-mojibake",
            Encoding::Other(name) => name,
        }
    }

    /// The label of an `encoding_rs` encoding.
    fn of(enc: &'static encoding_rs::Encoding) -> Encoding {
        if enc == encoding_rs::UTF_8 {
            Encoding::Utf8
        } else if enc == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else if enc == encoding_rs::UTF_16BE {
            Encoding::Utf16Be
        } else if enc == encoding_rs::WINDOWS_1258 {
            Encoding::Windows1258
        } else {
            Encoding::Other(enc.name())
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Decoded text and how it was obtained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, in Unicode normalization form C.
    pub text: String,
    /// The encoding the bytes were read as.
    pub encoding: Encoding,
    /// How many malformed byte sequences were replaced by U+FFFD.
    pub replaced: usize,
}

/// What made the bytes look like something other than text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryKind {
    /// A NUL byte outside a UTF-16 pattern.
    Nul,
    /// Many C0 control bytes (other than tab, line feed, carriage return, form feed).
    Controls,
}

impl fmt::Display for BinaryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BinaryKind::Nul => "NUL byte",
            BinaryKind::Controls => "control bytes",
        })
    }
}

/// Why bytes could not be decoded as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// The bytes look like binary data (an image, a PDF, a compressed file), not text.
    #[error("looks like binary data ({kind} at offset {offset}), not text")]
    Binary {
        /// The byte offset of the first offending byte.
        offset: usize,
        /// What was found there.
        kind: BinaryKind,
    },
}

/// Decodes `bytes` into NFC text, detecting the encoding.
///
/// Same as [`decode_with_hint`] without a hint.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with_hint(bytes, None)
}

/// Decodes `bytes` into NFC text, using `hint` (a charset label such as `"windows-1258"`, from an
/// HTTP header or a `<meta charset>`) when the bytes carry no byte order mark and are not UTF-8.
///
/// A hint that names no encoding known to `encoding_rs` is ignored, and so are hints of UTF-16
/// (which only a byte order mark or the NUL pattern can establish) and of UTF-8 for bytes that
/// are not UTF-8. A hint of windows-1252 or ISO-8859-1 gives way to windows-1258 when the bytes
/// carry windows-1258 tone marks after vowels.
pub fn decode_with_hint(bytes: &[u8], hint: Option<&str>) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Ok(Decoded {
            text: String::new(),
            encoding: Encoding::Utf8,
            replaced: 0,
        });
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        if enc == encoding_rs::UTF_8 {
            binary::check_bytes(rest, bom_len)?;
            return Ok(from_utf8_bytes(rest, Encoding::Utf8Bom));
        }
        binary::check_utf16(rest, enc == encoding_rs::UTF_16LE, bom_len)?;
        return Ok(finish(
            legacy::decode_counting(enc, rest),
            Encoding::of(enc),
        ));
    }
    if let Some(nul) = memchr::memchr(0, bytes) {
        if let Some(enc) = utf16::sniff(bytes) {
            binary::check_utf16(bytes, enc == encoding_rs::UTF_16LE, 0)?;
            return Ok(finish(
                legacy::decode_counting(enc, bytes),
                Encoding::of(enc),
            ));
        }
        return Err(DecodeError::Binary {
            offset: nul,
            kind: BinaryKind::Nul,
        });
    }
    binary::check_controls(bytes)?;
    if let Some(text) = valid_utf8(bytes) {
        return Ok(from_utf8_text(text.to_owned(), Encoding::Utf8, 0));
    }
    if utf8::mostly_utf8(bytes) {
        return Ok(from_utf8_bytes(bytes, Encoding::Utf8));
    }
    let enc = legacy::choose(bytes, hint);
    if enc == encoding_rs::UTF_8 {
        return Ok(from_utf8_bytes(bytes, Encoding::Utf8));
    }
    Ok(finish(
        legacy::decode_counting(enc, bytes),
        Encoding::of(enc),
    ))
}

/// Decodes bytes that are UTF-8, perhaps with a few bad sequences.
fn from_utf8_bytes(bytes: &[u8], encoding: Encoding) -> Decoded {
    match valid_utf8(bytes) {
        Some(text) => from_utf8_text(text.to_owned(), encoding, 0),
        None => {
            let (text, replaced) = legacy::decode_counting(encoding_rs::UTF_8, bytes);
            from_utf8_text(text, encoding, replaced)
        }
    }
}

/// `bytes` as text when they are valid UTF-8 (checked with vector instructions where the
/// processor has them, several times faster than a byte-wise check on Vietnamese text).
fn valid_utf8(bytes: &[u8]) -> Option<&str> {
    match encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(std::borrow::Cow::Borrowed(text)) => Some(text),
        _ => None,
    }
}

/// Finishes UTF-8 text: repairs double-encoding, then normalizes.
fn from_utf8_text(text: String, encoding: Encoding, replaced: usize) -> Decoded {
    match mojibake::repair(&text) {
        Some(fixed) => finish((fixed, replaced), Encoding::Utf8Mojibake),
        None => finish((text, replaced), encoding),
    }
}

/// Wraps up decoded text, normalizing it to NFC.
fn finish((text, replaced): (String, usize), encoding: Encoding) -> Decoded {
    Decoded {
        text: nfc::nfc(text),
        encoding,
        replaced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_utf8_agrees_with_the_standard_library() {
        let long = "Thủ tướng Phạm Minh Chính tiếp Đại sứ — “Việt Nam” 😀 ".repeat(8);
        let mut cases: Vec<Vec<u8>> = ["", "ascii only", "Hà Nội", long.as_str()]
            .iter()
            .map(|s| s.as_bytes().to_vec())
            .collect();
        for cut in [1, 2, 63, 64, 65, 100, 200] {
            // Cut inside a character, and with a stray byte, at and around block sizes.
            let mut b = long.as_bytes().to_vec();
            b.truncate(cut);
            cases.push(b.clone());
            b.insert(cut / 2, 0xFF);
            cases.push(b);
        }
        cases.push(b"Vi\xEA\xF2t Nam".to_vec());
        cases.push(b"\xED\xA0\x80 surrogate".to_vec());
        cases.push(b"\xC0\xAF overlong".to_vec());
        for b in cases {
            assert_eq!(valid_utf8(&b), std::str::from_utf8(&b).ok(), "{b:?}");
        }
    }
}
