//! Recognizing UTF-16 without a byte order mark.
//!
//! Vietnamese text is mostly ASCII letters and spaces, and the rest sits in U+00C0–U+01B0 and
//! U+1EA0–U+1EF9. In UTF-16 that makes most code units `00 xx` with `xx` printable: the zero
//! bytes line up at odd offsets (little-endian) or even offsets (big-endian). Binary data has
//! its zeros scattered. At least 70% of the units must be such text units.

/// How many leading bytes are looked at.
const SAMPLE: usize = 64 * 1024;

/// Fewest code units for a guess.
const MIN_UNITS: usize = 4;

/// Whether `b` is the low byte of a text-like code unit `00 b`.
fn text_like(b: u8) -> bool {
    matches!(b, 0x09 | 0x0A | 0x0C | 0x0D | 0x20..=0x7E | 0xA0..=0xFF)
}

/// The UTF-16 encoding `bytes` are in, if their NUL bytes follow the UTF-16 pattern.
pub(crate) fn sniff(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = bytes.get(..SAMPLE).unwrap_or(bytes);
    let mut units = 0usize;
    let mut le = 0usize;
    let mut be = 0usize;
    for pair in sample.chunks_exact(2) {
        if let [a, b] = *pair {
            units += 1;
            if b == 0 && text_like(a) {
                le += 1;
            }
            if a == 0 && text_like(b) {
                be += 1;
            }
        }
    }
    // Most units are `00 xx` text, and the other reading is clearly worse.
    if units < MIN_UNITS {
        None
    } else if le * 10 >= units * 7 && le > be.saturating_mul(4) {
        Some(encoding_rs::UTF_16LE)
    } else if be * 10 >= units * 7 && be > le.saturating_mul(4) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}
