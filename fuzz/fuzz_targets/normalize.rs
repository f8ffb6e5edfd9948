//! Fuzzes text normalization and folding: idempotence, and offsets that stay inside the
//! original text on character boundaries.

#![no_main]

use biennien_text::{fold, normalize};
use libfuzzer_sys::fuzz_target;

/// Most span pairs checked per input.
const MAX_PAIRS: usize = 512;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let n = normalize(s);
    let again = normalize(&n.text);
    assert_eq!(again.text, n.text, "normalize is not idempotent");

    // Folding drops combining marks and maps every other character to one character.
    let folded = fold(s);
    assert!(
        folded.chars().count() <= s.chars().count(),
        "fold made more characters than it was given"
    );
    assert_eq!(fold(&folded), folded, "fold is not idempotent");
    let _ = fold(&n.text);

    // Spans between char boundaries of the normalized text map to spans of the original, in
    // order, on char boundaries. Pairs are drawn with a small generator seeded by the input.
    let bounds: Vec<usize> = n
        .text
        .char_indices()
        .map(|(i, _)| i)
        .chain([n.text.len()])
        .collect();
    let mut seed = data.iter().fold(0x9E37_79B9_7F4A_7C15_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01B3)
    });
    let mut next = |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % (m as u64).max(1)).unwrap_or(0)
    };
    let pairs = bounds.len().min(MAX_PAIRS);
    for k in 0..pairs {
        let (i, j) = if k == 0 {
            (0, bounds.len() - 1)
        } else {
            let i = next(bounds.len());
            let j = next(bounds.len());
            (i.min(j), i.max(j))
        };
        let (a, b) = (bounds[i], bounds[j]);
        let (start, end) = n.map.span_to_original(a, b);
        assert!(
            start <= end && end <= s.len(),
            "span {a}..{b} of the normalized text maps to {start}..{end}, outside 0..{}",
            s.len()
        );
        assert!(
            s.is_char_boundary(start) && s.is_char_boundary(end),
            "span {a}..{b} maps to {start}..{end}, not on char boundaries"
        );
    }
});
