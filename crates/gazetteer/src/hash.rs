//! A fast hasher for the gazetteer's internal maps, whose keys are short names and small
//! numbers from the data files (no untrusted keys, so no protection against chosen
//! collisions is needed). Only lookups go through these maps where order matters: nothing
//! the gazetteer answers depends on their iteration order.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// An odd 64-bit multiplier with well-spread bits (the golden ratio).
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// Mixes each word into the state with a rotation, an exclusive or and a multiplication;
/// [`Hasher::finish`] folds the high bits, which the multiplications mix best, into the low
/// ones the tables index by, and mixes once more.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher {
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

/// A hash map with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A hash set with [`FastHasher`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

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
}
