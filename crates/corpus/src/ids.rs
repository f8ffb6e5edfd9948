//! Stable identifiers: a document is named by its bytes, an event or a fact by its parts.
//!
//! Both come from blake3, whose output is fixed by its specification, so an identifier
//! computed today equals the one computed on another machine next year.

/// Hex digits of [`content_id`]: 128 bits.
pub const CONTENT_ID_LEN: usize = 32;

/// Hex digits of [`short_id`]: 64 bits.
pub const SHORT_ID_LEN: usize = 16;

/// The identity of a document: 32 lowercase hex digits (the first 128 bits of the blake3 hash)
/// of its raw input bytes. Ingesting the same article again yields the same identifier, so it
/// changes nothing.
///
/// ```
/// use biennien_corpus::ids::content_id;
/// let id = content_id("Hà Nội".as_bytes());
/// assert_eq!(id.len(), 32);
/// assert_eq!(id, content_id("Hà Nội".as_bytes()));
/// assert_ne!(id, content_id("Ha Noi".as_bytes()));
/// ```
pub fn content_id(bytes: &[u8]) -> String {
    let hex = blake3::hash(bytes).to_hex();
    hex[..CONTENT_ID_LEN].to_owned()
}

/// A short identifier for an event or a fact: 16 lowercase hex digits (64 bits) of the blake3
/// hash of a canonical encoding of `parts`.
///
/// Each part is written as its length in bytes (eight bytes, little-endian) followed by its
/// bytes, so the encoding tells `["ab", "c"]` from `["a", "bc"]` and `["a"]` from `["a", ""]`.
pub fn short_id(parts: &[&str]) -> String {
    let hex = blake3::Hasher::new()
        .update(&encode(parts))
        .finalize()
        .to_hex();
    hex[..SHORT_ID_LEN].to_owned()
}

/// A stable 64-bit hash of `bytes` under a `domain` name, so that hashes made for different
/// purposes never coincide by construction: the first eight bytes, little-endian, of blake3
/// in key derivation mode with `domain` as context.
pub(crate) fn hash64(domain: &str, bytes: &[u8]) -> u64 {
    let mut hasher = blake3::Hasher::new_derive_key(domain);
    hasher.update(bytes);
    let mut first = [0u8; 8];
    first.copy_from_slice(&hasher.finalize().as_bytes()[..8]);
    u64::from_le_bytes(first)
}

/// The canonical, length-prefixed encoding of `parts`.
fn encode(parts: &[&str]) -> Vec<u8> {
    let mut out = Vec::with_capacity(parts.iter().map(|p| p.len() + 8).sum());
    for part in parts {
        out.extend_from_slice(&(part.len() as u64).to_le_bytes());
        out.extend_from_slice(part.as_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn is_lower_hex(s: &str) -> bool {
        s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    }

    #[test]
    fn content_id_is_fixed() {
        // The known blake3 hash of the empty input; the identifier is its first half.
        assert_eq!(content_id(b""), "af1349b9f5f9a1a6a0404dea36dcc949");
        assert_eq!(content_id(b"abc"), content_id(b"abc"));
        assert_ne!(content_id(b"abc"), content_id(b"abd"));
    }

    #[test]
    fn short_id_parts_are_length_prefixed() {
        let check = |a: &[&str], b: &[&str]| {
            assert_ne!(short_id(a), short_id(b), "{a:?} and {b:?}");
        };
        check(&["ab", "c"], &["a", "bc"]);
        check(&["a"], &["a", ""]);
        check(&[], &[""]);
        check(&["MEET", "2024-11-13"], &["MEET2024-11-13"]);
        assert_eq!(short_id(&["MEET", "x"]), short_id(&["MEET", "x"]));
    }

    #[test]
    fn hash64_is_separated_by_domain() {
        assert_ne!(hash64("one", b"x"), hash64("two", b"x"));
        assert_eq!(hash64("one", b"x"), hash64("one", b"x"));
    }

    proptest! {
        #[test]
        fn ids_have_their_length_and_alphabet(bytes in proptest::collection::vec(any::<u8>(), 0..64),
                                              parts in proptest::collection::vec(".{0,6}", 0..4)) {
            let id = content_id(&bytes);
            prop_assert_eq!(id.len(), CONTENT_ID_LEN);
            prop_assert!(is_lower_hex(&id));
            let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
            let id = short_id(&parts);
            prop_assert_eq!(id.len(), SHORT_ID_LEN);
            prop_assert!(is_lower_hex(&id));
        }
    }
}
