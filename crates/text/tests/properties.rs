//! Invariants of normalization and folding, checked on generated text.

// Test code: a failed expectation is the report.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use biennien_text::{fold, fold_with_offsets, normalize, OffsetMap};
use proptest::prelude::*;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

const LETTERS: &str =
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
const MARKS: [char; 8] = [
    '\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}', '\u{31B}',
];

/// One Vietnamese letter, either case.
fn letter() -> impl Strategy<Value = String> {
    letter_where(|_| true)
}

/// One Vietnamese letter, either case, among those that pass `keep`.
fn letter_where(keep: fn(char) -> bool) -> impl Strategy<Value = String> {
    let letters: Vec<char> = LETTERS.chars().filter(|&c| keep(c)).collect();
    (proptest::sample::select(letters), any::<bool>()).prop_map(|(c, upper)| {
        if upper {
            c.to_uppercase().collect()
        } else {
            c.to_string()
        }
    })
}

/// Pieces of messy Vietnamese text: letters, combining marks, white space of every kind,
/// invisible characters, quotes, and syllables whose tone mark moves or must stay.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => letter(),
        3 => proptest::sample::select(MARKS.to_vec()).prop_map(String::from),
        1 => proptest::sample::select(vec![
            " ", "  ", "\u{A0}", "\t", "\r\n", "\r", "\n", "\n\n\n", "\u{2028}", "\u{C}",
            "\u{200B}", "\u{FEFF}", "\u{AD}", "\u{200E}", "\u{1}", "\u{85}", "\u{3000}",
            "“", "”", "‘", "’", "«", "»", "\"", "'", "-", ",", ".", "…", "–",
        ])
        .prop_map(String::from),
        2 => proptest::sample::select(vec![
            "hoà", "Hoà", "HOÀ", "thuỷ", "Uỷ", "khoẻ", "quý", "quỳnh", "hoàng", "toàn",
            "khuyến", "thuyền", "giữa", "gìn", "hoa\u{300}", "o", "u", "q", "Thuỳ", "oà",
        ])
        .prop_map(String::from),
    ]
}

fn messy() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..40).prop_map(|v| v.into_iter().collect())
}

/// Checks that `map` is a valid map from `output` back to `input`.
fn check_map(input: &str, output: &str, map: &OffsetMap) -> Result<(), TestCaseError> {
    let mut last = 0;
    let boundaries: Vec<usize> = output
        .char_indices()
        .map(|(i, _)| i)
        .chain([output.len()])
        .collect();
    for &i in &boundaries {
        let o = map.to_original(i);
        prop_assert!(o <= input.len(), "offset {i} maps past the end: {o}");
        prop_assert!(
            input.is_char_boundary(o),
            "offset {i} maps inside a char: {o}"
        );
        prop_assert!(o >= last, "offset {i} maps backwards: {o} < {last}");
        last = o;
    }
    for w in boundaries.windows(2) {
        let (s, e) = map.span_to_original(w[0], w[1]);
        prop_assert!(s < e, "char at {} maps to an empty span ({s}, {e})", w[0]);
        prop_assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
        prop_assert!(e <= input.len());
    }
    for &a in &boundaries {
        for &b in boundaries.iter().filter(|&&b| b >= a).take(4) {
            let (s, e) = map.span_to_original(a, b);
            prop_assert!(s <= e && e <= input.len());
            prop_assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
        }
    }
    Ok(())
}

fn check_fold(s: &str) -> Result<(), TestCaseError> {
    let f = fold(s);
    prop_assert_eq!(fold(&f), f.clone(), "fold is not idempotent");
    prop_assert!(f.chars().count() <= s.chars().count());
    for c in f.chars() {
        prop_assert!(c.to_lowercase().eq([c]), "{:?} is not lowercase", c);
        prop_assert!(!is_combining_mark(c), "{:?} is a combining mark", c);
        prop_assert!(c != '\0');
    }
    let (g, map) = fold_with_offsets(s);
    prop_assert_eq!(&g, &f);
    prop_assert_eq!(map.len(), g.len() + 1);
    prop_assert_eq!(map.last().copied(), Some(s.len()));
    prop_assert!(map.windows(2).all(|w| w[0] <= w[1]));
    prop_assert!(map.iter().all(|&o| s.is_char_boundary(o)));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn normalize_is_idempotent_on_messy_text(s in messy()) {
        let once = normalize(&s);
        let twice = normalize(&once.text);
        prop_assert_eq!(&twice.text, &once.text);
        prop_assert!(twice.map.is_identity());
    }

    #[test]
    fn normalize_is_idempotent_on_any_text(s in any_text()) {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once.text).text, once.text);
    }

    #[test]
    fn offsets_are_valid(s in messy()) {
        let n = normalize(&s);
        check_map(&s, &n.text, &n.map)?;
    }

    #[test]
    fn offsets_are_valid_on_any_text(s in any_text()) {
        let n = normalize(&s);
        check_map(&s, &n.text, &n.map)?;
    }

    #[test]
    fn whole_output_maps_to_the_used_input(s in messy()) {
        // What lies outside the original span of the whole output normalizes to nothing.
        let n = normalize(&s);
        let (a, b) = n.map.span_to_original(0, n.text.len());
        prop_assert!(a <= b && b <= s.len());
        prop_assert_eq!(normalize(&s[..a]).text, "");
        prop_assert_eq!(normalize(&s[b..]).text, "");
        if !n.text.is_empty() {
            prop_assert_eq!(normalize(&s[a..b]).text, n.text);
        }
    }

    #[test]
    fn output_is_clean(s in messy()) {
        let t = normalize(&s).text;
        prop_assert!(!t.contains('\r') && !t.contains('\t') && !t.contains("  "));
        prop_assert!(!t.contains("\n\n\n") && !t.contains(" \n") && !t.contains("\n "));
        prop_assert!(!t.starts_with([' ', '\n']) && !t.ends_with([' ', '\n']));
        let stray = t
            .chars()
            .any(|c| matches!(c, '\u{A0}' | '\u{200B}' | '\u{FEFF}' | '\u{AD}' | '“' | '”' | '‘' | '’'));
        prop_assert!(!stray, "stray character in {:?}", t);
        prop_assert!(unicode_normalization::is_nfc(&t));
    }

    #[test]
    fn fold_invariants(s in messy()) {
        check_fold(&s)?;
        for c in fold(&s).chars() {
            prop_assert!(!c.is_uppercase());
        }
    }

    #[test]
    fn fold_invariants_on_any_text(s in any_text()) {
        check_fold(&s)?;
    }

    #[test]
    fn normalization_does_not_change_the_fold_of_words(
        words in proptest::collection::vec(
            proptest::collection::vec(prop_oneof![4 => letter(), 1 => proptest::sample::select(MARKS.to_vec()).prop_map(String::from)], 1..8)
                .prop_map(|v| v.concat()),
            1..6,
        )
    ) {
        let s = words.join(" ");
        prop_assert_eq!(fold(&normalize(&s).text), fold(&s));
    }

    #[test]
    fn nfc_matches_the_reference(
        s in proptest::collection::vec(
            prop_oneof![
                3 => letter_where(|c| !matches!(fold(&c.to_string()).as_str(), "o" | "u")),
                2 => proptest::sample::select(MARKS.to_vec()).prop_map(String::from),
                1 => proptest::sample::select(vec![
                    '\u{308}', '\u{327}', '\u{328}', '\u{340}', '\u{344}', '\u{34F}',
                    '\u{345}', '\u{35C}', '\u{304}', 'α', 'ω', 'Å', '\u{212B}', '\u{1100}',
                    '\u{1161}', '\u{11A8}', '가',
                ]).prop_map(String::from),
            ],
            0..20,
        ).prop_map(|v| v.concat())
    ) {
        // Without o/u there is no tone mark to move, so normalize is exactly NFC.
        let expected: String = s.nfc().collect();
        prop_assert_eq!(normalize(&s).text, expected);
    }

    #[test]
    fn normal_text_is_left_alone(
        paragraphs in proptest::collection::vec(
            proptest::collection::vec(
                proptest::collection::vec(
                    prop_oneof![
                        "[A-Za-z0-9.,;:!?()\"'-]{1,10}",
                        proptest::sample::select(vec![
                            "Hòa", "thủy", "Ủy", "ban", "nhân", "dân", "Hà", "Nội", "quý",
                            "Nguyễn", "Việt", "hoàng", "toàn", "khuyến", "–", "…",
                        ]).prop_map(String::from),
                    ],
                    1..8,
                ).prop_map(|w| w.join(" ")),
                1..4,
            ).prop_map(|l| l.join("\n")),
            0..4,
        )
    ) {
        let s = paragraphs.join("\n\n");
        let n = normalize(&s);
        prop_assert_eq!(&n.text, &s);
        prop_assert_eq!(&n.map, &OffsetMap::identity(s.len()));
        for i in 0..=s.len() {
            prop_assert_eq!(n.map.to_original(i), i);
        }
    }
}
