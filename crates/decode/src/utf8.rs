//! Recognizing UTF-8 with a few bad sequences.
//!
//! Legacy single-byte text almost never forms valid multi-byte UTF-8 sequences by chance (a lead
//! byte 0xC2–0xF4 followed by the right number of bytes 0x80–0xBF), while it fails UTF-8
//! validation at nearly every non-ASCII letter. So the balance of valid multi-byte characters
//! against invalid sequences tells truncated or slightly damaged UTF-8 from another encoding.

/// Counts of a UTF-8 validation pass.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Profile {
    /// Valid multi-byte characters.
    valid: usize,
    /// Invalid sequences (each would become one U+FFFD).
    invalid: usize,
    /// Whether the last invalid sequence is an incomplete character at the very end.
    truncated: bool,
}

/// Validates `bytes` as UTF-8, counting valid non-ASCII characters and invalid sequences.
fn profile(bytes: &[u8]) -> Profile {
    let mut p = Profile::default();
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => {
                p.valid += count_leads(rest);
                return p;
            }
            Err(e) => {
                let good = rest.get(..e.valid_up_to()).unwrap_or_default();
                p.valid += count_leads(good);
                p.invalid += 1;
                match e.error_len() {
                    None => {
                        p.truncated = true;
                        return p;
                    }
                    Some(len) => {
                        rest = rest.get(e.valid_up_to() + len..).unwrap_or_default();
                    }
                }
            }
        }
    }
}

/// Number of multi-byte lead bytes in valid UTF-8 `bytes` (its non-ASCII characters).
fn count_leads(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b >= 0xC0).count()
}

/// Whether invalid UTF-8 `bytes` are still best read as UTF-8 with replacements: only the end
/// is cut short, or bad sequences are rare among valid multi-byte characters.
pub(crate) fn mostly_utf8(bytes: &[u8]) -> bool {
    let p = profile(bytes);
    if p.valid == 0 {
        return false;
    }
    (p.invalid == 1 && p.truncated)
        || (p.invalid <= 2 && p.valid >= 2 * p.invalid)
        || p.invalid.saturating_mul(8) <= p.valid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_valid_and_invalid_sequences() {
        let p = profile("Việt Nam".as_bytes());
        assert_eq!(
            p,
            Profile {
                valid: 1,
                invalid: 0,
                truncated: false
            }
        );
        let p = profile(b"Vi\xE1\xBB\x87t \xFF Na\xE1");
        assert_eq!(
            p,
            Profile {
                valid: 1,
                invalid: 2,
                truncated: true
            }
        );
    }

    #[test]
    fn legacy_text_is_not_mostly_utf8() {
        // "Việt Nam đẹp" in windows-1258: ê + dot below, đ, e + dot below.
        assert!(!mostly_utf8(b"Vi\xEA\xF2t Nam \xF0e\xF2p"));
        assert!(mostly_utf8(
            "Việt Nam đẹp và".as_bytes().get(..20).unwrap_or_default()
        ));
    }
}
