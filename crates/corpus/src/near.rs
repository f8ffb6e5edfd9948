//! Near-duplicate articles: reposts and lightly edited copies of the same text.
//!
//! An article is reduced to the set of its word 3-shingles (every run of three consecutive
//! folded words), and two articles are near-duplicates when those sets overlap a lot: their
//! Jaccard similarity (shared shingles over all shingles) is at least [`NEAR_DUPLICATE`]. The
//! sets are summarized by a MinHash [`Signature`]: for each of [`N`] fixed hash functions, the
//! smallest hash over the shingles. Two signatures agree on a slot with probability equal to
//! the Jaccard similarity, so the share of equal slots estimates it ([`similarity`]).
//!
//! To find candidates without comparing every pair, the signature is cut into [`BANDS`] bands
//! of [`ROWS`] slots, and each band is hashed to a key ([`band_keys`]). The store indexes the
//! keys; articles that share any key are candidates, and only candidates are compared.
//!
//! Everything is fixed arithmetic: the shingle hash is FNV-1a over the folded bytes, the
//! [`N`] hash functions are a SplitMix64 finalizer applied after an exclusive or with seeds
//! drawn from a SplitMix64 sequence with a fixed start, and band keys come from blake3. A
//! signature stored today compares correctly with one computed on another machine later.

use crate::ids::hash64;

/// Number of hash functions, and slots, of a signature.
pub const N: usize = 64;

/// Number of bands [`band_keys`] cuts a signature into.
pub const BANDS: usize = 16;

/// Slots per band: `BANDS * ROWS == N`.
pub const ROWS: usize = N / BANDS;

/// Bodies with fewer words than this have no signature: too short to judge.
pub const MIN_WORDS: usize = 8;

/// Estimated Jaccard similarity of 3-shingles from which two articles are near-duplicates.
///
/// Editing one word changes at most three shingles, so a repost of a 300-word article with a
/// new title line and five words edited keeps a similarity near 0.9; two articles written
/// separately about the same meeting share names and formulas but few runs of three words,
/// and stay well under 0.5. With 64 slots the estimate has a standard error of about 0.05 at
/// 0.8, so 0.8 sits two standard errors under the reposts and far above separate reports.
pub const NEAR_DUPLICATE: f64 = 0.8;

/// The MinHash signature of a body: for each of the [`N`] hash functions, the smallest value
/// it takes over the body's shingles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature(pub [u32; N]);

/// The signature of `body`, or `None` when it has fewer than [`MIN_WORDS`] words.
///
/// Words are runs of alphanumeric characters of the folded body, so case, tone marks and
/// punctuation make no difference. Shingles run across paragraph breaks: reordering the
/// paragraphs changes only the few shingles that straddle a break.
pub fn signature(body: &str) -> Option<Signature> {
    let words = crate::folded_words(body);
    if words.len() < MIN_WORDS {
        return None;
    }
    let seeds = seeds();
    let mut slots = [u32::MAX; N];
    for shingle in words.windows(3) {
        let base = shingle_hash(shingle);
        for (slot, seed) in slots.iter_mut().zip(seeds.iter()) {
            // The high half of the mixed value: the best-mixed bits.
            let value = (mix(base ^ seed) >> 32) as u32;
            *slot = (*slot).min(value);
        }
    }
    Some(Signature(slots))
}

/// The estimated Jaccard similarity of the shingle sets behind `a` and `b`: the share of
/// slots on which they agree, in `[0, 1]`.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    let equal = a.0.iter().zip(b.0.iter()).filter(|(x, y)| x == y).count();
    equal as f64 / N as f64
}

/// The locality-sensitive keys of `sig`: one per band of [`ROWS`] slots, [`BANDS`] in all.
///
/// Two articles are candidates when they share a key. With 16 bands of 4 rows, a pair of
/// similarity `s` becomes a candidate with probability `1 - (1 - s^4)^16`: the curve rises
/// around `(1/16)^(1/4) = 0.5`, the threshold this banding targets, and is above 0.999 at
/// [`NEAR_DUPLICATE`], so near-duplicates are almost never missed while unrelated articles
/// (similarity near 0) are almost never compared.
///
/// Each key holds its band number in bits 56 to 59 and 56 bits of the band's hash below, so a
/// key of one band never equals a key of another, and every key is below `2^60`: it fits a
/// signed 64-bit integer column as a non-negative value.
pub fn band_keys(sig: &Signature) -> Vec<u64> {
    const LOW: u64 = (1 << 56) - 1;
    sig.0
        .chunks_exact(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let bytes: Vec<u8> = rows.iter().flat_map(|r| r.to_le_bytes()).collect();
            ((band as u64) << 56) | (hash64("biennien near band", &bytes) & LOW)
        })
        .collect()
}

/// The signature as [`N`] little-endian 32-bit values, for storage.
pub fn to_bytes(sig: &Signature) -> Vec<u8> {
    sig.0.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// The signature stored by [`to_bytes`], or `None` when `bytes` is not `4 * N` bytes long.
pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
    if bytes.len() != 4 * N {
        return None;
    }
    let mut slots = [0u32; N];
    for (slot, chunk) in slots.iter_mut().zip(bytes.chunks_exact(4)) {
        let mut word = [0u8; 4];
        word.copy_from_slice(chunk);
        *slot = u32::from_le_bytes(word);
    }
    Some(Signature(slots))
}

/// FNV-1a over the words of a shingle, each followed by the byte 0xFF (never part of UTF-8),
/// so the word boundaries are part of the hash.
fn shingle_hash(words: &[String]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    for word in words {
        for &b in word.as_bytes().iter().chain(std::iter::once(&0xFF)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
    }
    h
}

/// The SplitMix64 finalizer: a bijection of 64-bit integers that spreads every input bit.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The seeds of the [`N`] hash functions: a SplitMix64 sequence from a fixed start.
fn seeds() -> [u64; N] {
    let mut state = hash64("biennien near seeds", b"");
    let mut out = [0u64; N];
    for seed in out.iter_mut() {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        *seed = mix(state);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An article written for these tests, four paragraphs.
    const ARTICLE: &str =
        "Chiều 13/11, tại Lima, Thủ tướng Phạm Minh Chính đã có cuộc gặp với Tổng thống \
Peru Dina Boluarte nhân dịp tham dự Tuần lễ Cấp cao APEC năm 2024. Hai bên bày tỏ vui mừng \
trước những bước phát triển tích cực của quan hệ hữu nghị truyền thống giữa hai nước trong \
thời gian qua.

Thủ tướng cảm ơn Chính phủ và nhân dân Peru đã dành cho đoàn đại biểu Việt Nam sự đón tiếp \
trọng thị, chu đáo. Thủ tướng đề nghị hai bên tiếp tục tăng cường trao đổi đoàn các cấp, \
nhất là cấp cao, và sớm tổ chức kỳ họp tiếp theo của Ủy ban hỗn hợp về hợp tác kinh tế.

Tổng thống Dina Boluarte khẳng định Peru coi trọng quan hệ với Việt Nam, mong muốn mở rộng \
hợp tác trong các lĩnh vực thương mại, đầu tư, nông nghiệp, khai khoáng và giáo dục. Hai nhà \
lãnh đạo nhất trí phối hợp chặt chẽ tại các diễn đàn đa phương, nhất là trong khuôn khổ APEC \
và Liên hợp quốc.

Nhân dịp này, hai bên cũng trao đổi về tình hình khu vực và quốc tế cùng quan tâm, khẳng định \
tầm quan trọng của việc duy trì hòa bình, ổn định và thượng tôn pháp luật quốc tế, giải quyết \
các tranh chấp bằng biện pháp hòa bình.";

    /// The same meeting reported separately, in other words.
    const OTHER_REPORT: &str = "Nhân chuyến công tác tại Peru để dự Hội nghị các nhà lãnh đạo \
kinh tế APEC, ngày 13 tháng 11 Thủ tướng Chính phủ Phạm Minh Chính gặp Tổng thống nước chủ nhà \
Dina Boluarte. Tại cuộc gặp, lãnh đạo hai nước đánh giá quan hệ song phương đang phát triển tốt \
đẹp và thống nhất thúc đẩy thương mại, đầu tư cũng như hợp tác nông nghiệp.

Người đứng đầu Chính phủ Việt Nam mời Tổng thống Peru sớm thăm Việt Nam; Tổng thống Boluarte \
vui vẻ nhận lời. Hai bên cũng nhất trí ủng hộ lẫn nhau trên các diễn đàn quốc tế như Liên hợp \
quốc và APEC, đồng thời trao đổi về tình hình Biển Đông.";

    fn sig(body: &str) -> Signature {
        match signature(body) {
            Some(s) => s,
            None => unreachable!("test body too short: {body}"),
        }
    }

    fn sim(a: &str, b: &str) -> f64 {
        similarity(&sig(a), &sig(b))
    }

    #[test]
    fn identical_bodies_are_identical() {
        assert_eq!(sim(ARTICLE, ARTICLE), 1.0);
        // Case, tone marks and punctuation do not count.
        let plain = biennien_text::fold(ARTICLE).replace(',', " ");
        assert_eq!(sim(ARTICLE, &plain), 1.0);
    }

    #[test]
    fn repost_with_new_title_and_edits_is_near_duplicate() {
        let repost = format!(
            "Thủ tướng gặp Tổng thống Peru bên lề APEC\n\n{}",
            ARTICLE
                .replace("Chiều 13/11", "Chiều ngày 13/11")
                .replace("trọng thị, chu đáo", "nồng hậu")
                .replace("giáo dục", "giáo dục đào tạo")
        );
        let s = sim(ARTICLE, &repost);
        assert!(s >= NEAR_DUPLICATE, "similarity {s}");
        assert!(s < 1.0, "similarity {s}");
    }

    #[test]
    fn separate_reports_of_one_meeting_are_not() {
        let s = sim(ARTICLE, OTHER_REPORT);
        assert!(s < 0.3, "similarity {s}");
    }

    #[test]
    fn reordered_paragraphs_stay_near() {
        let paragraphs: Vec<&str> = ARTICLE.split("\n\n").collect();
        let reordered = [paragraphs[2], paragraphs[0], paragraphs[3], paragraphs[1]].join("\n\n");
        let s = sim(ARTICLE, &reordered);
        assert!(s >= NEAR_DUPLICATE, "similarity {s}");
    }

    #[test]
    fn short_bodies_have_no_signature() {
        let check = |body: &str, expected: bool| {
            assert_eq!(signature(body).is_some(), expected, "{body:?}");
        };
        check("", false);
        check("Hà Nội, ngày 13/11/2024.", false);
        check("một hai ba bốn năm sáu bảy", false);
        check("một hai ba bốn năm sáu bảy tám", true);
    }

    #[test]
    fn signature_is_stable() {
        // Changing the hash functions would make stored signatures useless: this pins them.
        let s = sig("một hai ba bốn năm sáu bảy tám");
        let again = sig("Một, hai, ba, bốn, năm, sáu, bảy, tám.");
        assert_eq!(s, again);
        assert_eq!(s.0[..2], [353_068_452, 98_955_348]);
    }

    #[test]
    fn bytes_round_trip() {
        let s = sig(ARTICLE);
        let bytes = to_bytes(&s);
        assert_eq!(bytes.len(), 4 * N);
        assert_eq!(from_bytes(&bytes), Some(s));
        assert_eq!(from_bytes(&bytes[1..]), None);
        assert_eq!(from_bytes(&[]), None);
    }

    #[test]
    fn band_keys_separate_bands_and_find_reposts() {
        let a = band_keys(&sig(ARTICLE));
        assert_eq!(a.len(), BANDS);
        for (band, key) in a.iter().enumerate() {
            assert_eq!(key >> 56, band as u64);
        }
        let repost = ARTICLE.replace("giáo dục", "y tế");
        let b = band_keys(&sig(&repost));
        assert!(a.iter().zip(&b).any(|(x, y)| x == y));
        let c = band_keys(&sig(OTHER_REPORT));
        assert!(a.iter().zip(&c).all(|(x, y)| x != y));
    }

    proptest! {
        #[test]
        fn similarity_is_symmetric_and_bounded(a in "([a-e]{1,2} ){8,40}", b in "([a-e]{1,2} ){8,40}") {
            let (sa, sb) = (sig(&a), sig(&b));
            let ab = similarity(&sa, &sb);
            prop_assert_eq!(ab, similarity(&sb, &sa));
            prop_assert!((0.0..=1.0).contains(&ab));
            prop_assert_eq!(similarity(&sa, &sa), 1.0);
        }
    }
}
