//! Letter tests answered without Unicode's table search for the letters of Vietnamese.
//!
//! `char::is_alphabetic` searches Unicode's tables for every character outside ASCII, and
//! Vietnamese text is full of such letters (`ộ`, `ư`, `Đ`). Latin-1 letters, Latin
//! Extended-A and -B and Latin Extended Additional are all letters, so those ranges are
//! answered by their bounds; anything else goes to the standard library.

/// Whether `c` is alphabetic, exactly as `char::is_alphabetic`.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => !matches!(c, '\u{D7}' | '\u{F7}'),
        0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is alphanumeric, exactly as `char::is_alphanumeric`.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xC0..=0x24F => !matches!(c, '\u{D7}' | '\u{F7}'),
        0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_as_the_standard_library() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
