//! A fast hasher for internal maps whose keys are short strings and small numbers: names
//! from the reference data, words and lines of one page. Keys are never chosen in bulk by an
//! attacker (a page has a few dozen lines), so no protection against chosen collisions is
//! needed, and a multiplicative hash over eight bytes at a time serves better than the
//! default SipHash, which costs several instructions per byte.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// An odd 64-bit multiplier with well-spread bits (the golden ratio).
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// Mixes each word into the state with a rotation, an exclusive or and a multiplication;
/// [`Hasher::finish`] folds the high bits, which the multiplications mix best, into the low
/// ones the tables index by, and mixes once more.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher {
    state: u64,
}

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.state = (self.state.rotate_left(5) ^ word).wrapping_mul(MULTIPLIER);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            // The length tells `ab` from `ab\0`.
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        let h = (self.state ^ (self.state >> 32)).wrapping_mul(MULTIPLIER);
        h ^ (h >> 32)
    }
}

/// Builds [`FastHasher`]s.
pub type Fast = BuildHasherDefault<FastHasher>;

/// A hash map with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, Fast>;

/// A hash set with [`FastHasher`].
pub type FastSet<K> = HashSet<K, Fast>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash<T: Hash + ?Sized>(value: &T) -> u64 {
        BuildHasherDefault::<FastHasher>::default().hash_one(value)
    }

    #[test]
    fn maps_find_what_the_standard_maps_find() {
        let keys: Vec<String> = [
            "",
            "a",
            "ab",
            "ab\0",
            "hoa ky",
            "hoa kỳ",
            "viet nam",
            "việt nam",
            "abcdefgh",
            "abcdefgh\0",
            "abcdefghi",
            "bộ trưởng ngoại giao",
            "WHO",
            "who",
            "d a medvedev",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain((0..2000).map(|k| format!("name {k}")))
        .collect();
        let mut fast: FastMap<String, usize> = FastMap::default();
        let mut plain: HashMap<String, usize> = HashMap::new();
        for (k, key) in keys.iter().enumerate() {
            fast.entry(key.clone()).or_insert(k);
            plain.entry(key.clone()).or_insert(k);
        }
        assert_eq!(fast.len(), plain.len());
        for key in keys
            .iter()
            .map(String::as_str)
            .chain(["x", "abcdefg", "name 2000", "Hoa ky"])
        {
            assert_eq!(fast.get(key), plain.get(key), "{key:?}");
        }
        let numbers: FastSet<usize> = (0..100).map(|n| n * 7).collect();
        assert!(numbers.contains(&693) && !numbers.contains(&694));
    }

    #[test]
    fn hashes_differ_for_different_keys() {
        // Keys that differ in one byte, in length only, or in a trailing zero byte.
        let keys = [
            "",
            "\0",
            "a",
            "a\0",
            "ab",
            "ba",
            "abcdefgh",
            "abcdefgi",
            "bbcdefgh",
            "abcdefgh\0",
            "abcdefghabcdefgh",
            "abcdefghabcdefgi",
        ];
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                assert_ne!(hash(*a), hash(*b), "{a:?} {b:?}");
            }
        }
        // The low bits, which pick the bucket, spread over names that differ in late bytes.
        let buckets: HashSet<u64> = (0..256)
            .map(|k| hash(format!("abcdefg{}", char::from(k as u8)).as_str()) & 0xff)
            .collect();
        assert!(buckets.len() > 120, "{}", buckets.len());
    }

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
