//! A fast hash for the short strings the cleaner looks up: template phrases, words and lines
//! of one page. Keys are never attacker-chosen in bulk (a page has a few dozen lines), so a
//! simple multiplicative hash over eight bytes at a time serves better than the default
//! SipHash, which costs several instructions per byte.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Multiplier of the mixing step (odd, with well-spread bits).
const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Hashes eight bytes at a time: rotate, xor, multiply.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in words.by_ref() {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(w);
            self.mix(u64::from_le_bytes(buf));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            for (slot, &b) in buf.iter_mut().zip(rest) {
                *slot = b;
            }
            // The length keeps "a" and "a\0" apart.
            self.mix(u64::from_le_bytes(buf) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.mix(i as u64);
    }

    fn finish(&self) -> u64 {
        // Spread the high bits, which the multiplications fill best, over the low ones that
        // pick a bucket.
        let h = self.0;
        (h ^ (h >> 32)).wrapping_mul(K) ^ (h >> 29)
    }
}

/// Builds [`WordHasher`]s.
pub(crate) type Fast = BuildHasherDefault<WordHasher>;

/// A set with the fast hash.
pub(crate) type FastSet<T> = HashSet<T, Fast>;

/// A map with the fast hash.
pub(crate) type FastMap<K, V> = HashMap<K, V, Fast>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn equal_strings_hash_alike_and_near_ones_apart() {
        let build = Fast::default();
        let words = [
            "",
            "a",
            "a\0",
            "ab",
            "ba",
            "tin lien quan",
            "tin lien quan:",
            "xem them",
            "xem thEm",
            "12345678",
            "123456789",
            "1234567\u{0}",
            "trang chu",
        ];
        let hashes: Vec<u64> = words.iter().map(|w| build.hash_one(w)).collect();
        for (i, a) in hashes.iter().enumerate() {
            assert_eq!(*a, build.hash_one(words[i].to_string()));
            for (j, b) in hashes.iter().enumerate() {
                assert_eq!(i == j, a == b, "{:?} {:?}", words[i], words[j]);
            }
        }
    }

    #[test]
    fn sets_and_maps_behave() {
        let mut set: FastSet<&str> = FastSet::default();
        assert!(set.insert("thời sự"));
        assert!(!set.insert("thời sự"));
        assert!(set.insert("thoi su"));
        let mut map: FastMap<String, usize> = FastMap::default();
        for (i, w) in ["a", "b", "c", "a"].iter().enumerate() {
            map.insert((*w).to_string(), i);
        }
        assert_eq!(map.get("a"), Some(&3));
        assert_eq!(map.len(), 3);
    }
}
