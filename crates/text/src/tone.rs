//! Tone-mark placement: one canonical spelling for the syllables written two ways.
//!
//! In open syllables with the nuclei `oa`, `oe` and `uy` Vietnamese has two conventions for
//! where the tone mark goes: the *old* one on the first vowel (`hòa`, `khỏe`, `thủy`, `Ủy`) and
//! the *new* one on the second (`hoà`, `khoẻ`, `thuỷ`, `Uỷ`). Biên niên canonicalizes **to the
//! old style**, which most Vietnamese newspapers and the gold data use.
//!
//! The rewrite applies only when the syllable is exactly *initial + (o|u) + (a|e|y)* with the
//! tone on the last vowel and nothing after it:
//!
//! - the initial is empty or a Vietnamese initial consonant other than `q`/`qu` and `gi`
//!   (`quý`, `quả`, `quỳnh` keep their mark: the `u` of `qu` is part of the consonant);
//! - only the pairs `oa`, `oe`, `uy` move (`của`, `mùa` already carry the mark on the first
//!   vowel; `uê` as in `thuế` keeps it on `ê` in both conventions);
//! - a final consonant or vowel blocks the move (`hoàng`, `toàn`, `hoạch`, `khuyến`, `thuyền`,
//!   `ngoài` are spelled the same in both conventions).
//!
//! Case is kept letter by letter (`HOÀ` → `HÒA`, `Thuỷ` → `Thủy`).

/// Tones in table order: acute, grave, hook above, tilde, dot below.
type Tones = [char; 5];

/// The toned forms of the vowels involved, lowercase then uppercase.
const TONED: [(char, Tones); 10] = [
    ('a', ['á', 'à', 'ả', 'ã', 'ạ']),
    ('e', ['é', 'è', 'ẻ', 'ẽ', 'ẹ']),
    ('y', ['ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ']),
    ('o', ['ó', 'ò', 'ỏ', 'õ', 'ọ']),
    ('u', ['ú', 'ù', 'ủ', 'ũ', 'ụ']),
    ('A', ['Á', 'À', 'Ả', 'Ã', 'Ạ']),
    ('E', ['É', 'È', 'Ẻ', 'Ẽ', 'Ẹ']),
    ('Y', ['Ý', 'Ỳ', 'Ỷ', 'Ỹ', 'Ỵ']),
    ('O', ['Ó', 'Ò', 'Ỏ', 'Õ', 'Ọ']),
    ('U', ['Ú', 'Ù', 'Ủ', 'Ũ', 'Ụ']),
];

/// Splits a toned `a`, `e` or `y` (either case) into its plain letter and tone index.
fn split_toned_aey(c: char) -> Option<(char, usize)> {
    TONED
        .iter()
        .filter(|(base, _)| matches!(base, 'a' | 'e' | 'y' | 'A' | 'E' | 'Y'))
        .find_map(|(base, tones)| tones.iter().position(|&t| t == c).map(|i| (*base, i)))
}

/// Whether `c` is a toned `a`, `e` or `y` (either case): a cheap pre-check for scanners.
pub(crate) fn is_toned_aey(c: char) -> bool {
    matches!(
        c,
        'á' | 'à'
            | 'ả'
            | 'ã'
            | 'ạ'
            | 'é'
            | 'è'
            | 'ẻ'
            | 'ẽ'
            | 'ẹ'
            | 'ý'
            | 'ỳ'
            | 'ỷ'
            | 'ỹ'
            | 'ỵ'
            | 'Á'
            | 'À'
            | 'Ả'
            | 'Ã'
            | 'Ạ'
            | 'É'
            | 'È'
            | 'Ẻ'
            | 'Ẽ'
            | 'Ẹ'
            | 'Ý'
            | 'Ỳ'
            | 'Ỷ'
            | 'Ỹ'
            | 'Ỵ'
    )
}

/// `base` (a plain `o` or `u`, either case) carrying tone `tone`.
fn with_tone(base: char, tone: usize) -> Option<char> {
    TONED
        .iter()
        .find(|(b, _)| *b == base)
        .and_then(|(_, tones)| tones.get(tone).copied())
}

/// Whether `initial` (the letters before the nucleus) is a Vietnamese initial consonant that
/// lets the tone move: empty, or one of b c ch d đ g gh h k kh l m n ng ngh nh p ph r s t th tr
/// v x (case-insensitive). `q` and `gi` are left out on purpose.
fn initial_allows_move(initial: &[char]) -> bool {
    if initial.len() > 3 {
        return false;
    }
    let mut key = [0u8; 3];
    for (k, &c) in key.iter_mut().zip(initial) {
        *k = match c {
            'đ' | 'Đ' => b'D',
            c if c.is_ascii_alphabetic() => c.to_ascii_lowercase() as u8,
            _ => return false,
        };
    }
    matches!(
        &key[..initial.len()],
        b"" | b"b"
            | b"c"
            | b"ch"
            | b"d"
            | b"D"
            | b"g"
            | b"gh"
            | b"h"
            | b"k"
            | b"kh"
            | b"l"
            | b"m"
            | b"n"
            | b"ng"
            | b"ngh"
            | b"nh"
            | b"p"
            | b"ph"
            | b"r"
            | b"s"
            | b"t"
            | b"th"
            | b"tr"
            | b"v"
            | b"x"
    )
}

/// Given the letters of one syllable, returns the new last two letters when the tone mark
/// must move from the second vowel to the first (`["t","h","u","ỷ"]` → `['ủ', 'y']`), or
/// `None` when the syllable stays as it is.
pub(crate) fn retone(syllable: &[char]) -> Option<[char; 2]> {
    let n = syllable.len();
    let (&last, rest) = syllable.split_last()?;
    let (&first, initial) = rest.split_last()?;
    debug_assert_eq!(initial.len() + 2, n);
    let (second, tone) = split_toned_aey(last)?;
    let pair_ok = match first {
        'o' | 'O' => matches!(second, 'a' | 'e' | 'A' | 'E'),
        'u' | 'U' => matches!(second, 'y' | 'Y'),
        _ => false,
    };
    if !pair_ok || !initial_allows_move(initial) {
        return None;
    }
    Some([with_tone(first, tone)?, second])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(word: &str, expected: &str) {
        let chars: Vec<char> = word.chars().collect();
        let got: String = match retone(&chars) {
            Some(last2) => chars[..chars.len() - 2].iter().chain(&last2).collect(),
            None => word.to_string(),
        };
        assert_eq!(got, expected, "{word}");
    }

    #[test]
    fn moves_to_first_vowel() {
        check("hoà", "hòa");
        check("hoè", "hòe");
        check("thuỷ", "thủy");
        check("Uỷ", "Ủy");
        check("khoẻ", "khỏe");
        check("Hoà", "Hòa");
        check("Thuỳ", "Thùy");
        check("oà", "òa");
        check("Oà", "Òa");
        check("THUỶ", "THỦY");
        check("HOÀ", "HÒA");
        check("hOà", "hÒa");
        check("Nguỵ", "Ngụy");
        check("đoá", "đóa");
        check("xoã", "xõa");
        check("toạ", "tọa");
    }

    #[test]
    fn keeps_mark() {
        for w in [
            "quý", "quỳnh", "quả", "quyết", "hoàng", "toàn", "khuyến", "thuyền", "hoạch", "giữa",
            "gìn", "của", "mùa", "thuế", "hòa", "thủy", "Ủy", "ngoài", "hoa", "Quỳ", "QUÝ", "a",
            "à", "chloé", "giuỳ",
        ] {
            check(w, w);
        }
    }

    #[test]
    fn toned_pre_check_matches_split() {
        for (_, tones) in TONED {
            for t in tones {
                assert_eq!(is_toned_aey(t), split_toned_aey(t).is_some(), "{t}");
            }
        }
    }
}
