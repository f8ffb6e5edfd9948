//! Amounts of money as Vietnamese news writes them: "2 tỷ USD", "3,37 tỷ USD", "1.234 triệu
//! USD", "560.000 đô la Canada", "10 triệu nhân dân tệ", "2 nghìn tỷ đồng".

use std::sync::LazyLock;

use biennien_text::{fold, fold_char, is_alphanumeric};
use regex::Regex;

use crate::dates::re;

/// An amount of money found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// Byte offset of the number's start.
    pub start: usize,
    /// Byte offset one past the currency's end.
    pub end: usize,
    /// The amount in units of the currency.
    pub amount: f64,
    /// ISO 4217 code.
    pub currency: &'static str,
}

/// Currency words, folded, longest first within a family, with their ISO code.
const CURRENCIES: &[(&str, &str)] = &[
    ("do la my", "USD"),
    ("do la uc", "AUD"),
    ("do la australia", "AUD"),
    ("do la canada", "CAD"),
    ("do la singapore", "SGD"),
    ("do la new zealand", "NZD"),
    ("do la hong kong", "HKD"),
    ("do la dai loan", "TWD"),
    ("do la", "USD"),
    ("dollar my", "USD"),
    ("dollar uc", "AUD"),
    ("dollar australia", "AUD"),
    ("dollar canada", "CAD"),
    ("dollar singapore", "SGD"),
    ("dollar new zealand", "NZD"),
    ("dollar", "USD"),
    ("dola", "USD"),
    ("usd", "USD"),
    ("us$", "USD"),
    ("aud", "AUD"),
    ("cad", "CAD"),
    ("sgd", "SGD"),
    ("nzd", "NZD"),
    ("eur", "EUR"),
    ("euro", "EUR"),
    ("yen nhat", "JPY"),
    ("yen", "JPY"),
    ("jpy", "JPY"),
    ("nhan dan te", "CNY"),
    ("ndt", "CNY"),
    ("cny", "CNY"),
    ("won", "KRW"),
    ("krw", "KRW"),
    ("bang anh", "GBP"),
    ("gbp", "GBP"),
    ("rup", "RUB"),
    ("ruble", "RUB"),
    ("rub", "RUB"),
    ("rupee", "INR"),
    ("inr", "INR"),
    ("baht", "THB"),
    ("bat", "THB"),
    ("franc thuy si", "CHF"),
    ("chf", "CHF"),
    ("krona", "SEK"),
    ("kip", "LAK"),
    ("riel", "KHR"),
    ("ringgit", "MYR"),
    ("rupiah", "IDR"),
    ("peso", "PHP"),
    ("dong", "VND"),
    ("vnd", "VND"),
];

/// Second syllables that make "đồng" a word other than the currency.
const DONG_COMPOUNDS: &[&str] = &[
    "chi", "thoi", "y", "bao", "nghiep", "minh", "tinh", "hanh", "chu", "doi", "loat", "phuc",
    "bang", "lua", "dang", "nhat", "deu", "tam", "vien", "huong", "ho", "tac", "trinh", "su",
];

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(\d+(?:[.,]\d+)*|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|nửa)\s*(nghìn tỷ|ngàn tỷ|nghìn tỉ|ngàn tỉ|nghìn|ngàn|triệu|tỷ|tỉ|million|billion)?\s+",
    )
});

/// The value of a number written with Vietnamese separators ("1.234.567", "3,37"), or with
/// English ones when they are unambiguous ("1,234,567", "3.37").
pub fn parse_number(s: &str) -> Option<f64> {
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let groups_of_three = |sep: char| s.split(sep).skip(1).all(|g| g.len() == 3);
    let cleaned: String = if dots > 0 && commas > 0 {
        // Both: the last one is the decimal mark.
        let (thousands, decimal) = if s.rfind(',') > s.rfind('.') {
            ('.', ',')
        } else {
            (',', '.')
        };
        s.replace(thousands, "").replace(decimal, ".")
    } else if dots > 0 {
        if dots > 1 || groups_of_three('.') {
            s.replace('.', "")
        } else {
            s.to_string()
        }
    } else if commas > 0 {
        if commas > 1 && groups_of_three(',') {
            s.replace(',', "")
        } else {
            s.replace(',', ".")
        }
    } else {
        s.to_string()
    };
    cleaned.parse().ok()
}

fn multiplier(word: &str) -> f64 {
    match fold(word).as_str() {
        "nghin ty" | "ngan ty" | "nghin ti" | "ngan ti" => 1e12,
        "ty" | "ti" | "billion" => 1e9,
        "trieu" | "million" => 1e6,
        "nghin" | "ngan" => 1e3,
        _ => 1.0,
    }
}

/// The value of a number written as a word ("ba", "nửa").
fn number_word(word: &str) -> Option<f64> {
    const WORDS: &[(&str, f64)] = &[
        ("mot", 1.0),
        ("hai", 2.0),
        ("ba", 3.0),
        ("bon", 4.0),
        ("nam", 5.0),
        ("sau", 6.0),
        ("bay", 7.0),
        ("tam", 8.0),
        ("chin", 9.0),
        ("muoi", 10.0),
        ("nua", 0.5),
    ];
    let w = fold(word);
    WORDS.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// The fold of the first characters of a text, kept on the stack: the place after every
/// number is read, and most of them have no currency after them.
struct Head {
    /// The folded bytes: at most [`HEAD_CHARS`] characters of four bytes.
    buf: [u8; 4 * HEAD_CHARS],
    len: usize,
}

/// How many characters of the text after a number are folded to look for a currency.
const HEAD_CHARS: usize = 24;

impl Head {
    /// The fold of the first [`HEAD_CHARS`] characters of `rest`.
    fn of(rest: &str) -> Self {
        let mut head = Head {
            buf: [0; 4 * HEAD_CHARS],
            len: 0,
        };
        for c in rest.chars().take(HEAD_CHARS) {
            let f = fold_char(c);
            if f == '\0' {
                continue;
            }
            let Some(slot) = head.buf.get_mut(head.len..) else {
                break;
            };
            head.len += f.encode_utf8(slot).len();
        }
        head
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(self.buf.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
}

/// The currency at the start of `rest` with the fold of its first characters.
fn currency_after(rest: &str) -> Option<(Head, &'static (&'static str, &'static str))> {
    let head = Head::of(rest);
    let folded = head.as_str();
    let found = CURRENCIES.iter().find(|(w, _)| {
        folded.starts_with(w) && !folded[w.len()..].starts_with(|c: char| is_alphanumeric(c))
    })?;
    Some((head, found))
}

/// Every amount of money in `text`.
pub fn find(text: &str) -> Vec<Money> {
    let mut out = Vec::new();
    // Most matches are numbers without a currency after them: the groups are read only for
    // those with one. A match starts where the search from its start finds it again.
    for whole in AMOUNT.find_iter(text) {
        // A number in words without a multiplier is the word alone (four letters at most)
        // before the white space; it is no amount.
        let core = whole.as_str().trim_end();
        if !core.starts_with(|c: char| c.is_ascii_digit()) && core.chars().count() < 4 {
            continue;
        }
        let Some((head, (word, code))) = currency_after(&text[whole.end()..]) else {
            continue;
        };
        let Some(c) = AMOUNT.captures_at(text, whole.start()) else {
            continue;
        };
        let (Some(n), Some(whole)) = (c.get(1), c.get(0)) else {
            continue;
        };
        // A number in words counts only before a multiplier: "ba tỷ USD", "nửa triệu euro".
        let value = match (parse_number(n.as_str()), c.get(2)) {
            (Some(v), _) => v,
            (None, Some(_)) if !text[..n.start()].ends_with(is_alphanumeric) => {
                match number_word(n.as_str()) {
                    Some(v) => v,
                    None => continue,
                }
            }
            (None, _) => continue,
        };
        let mult = c.get(2).map_or(1.0, |m| multiplier(m.as_str()));
        let rest = &text[whole.end()..];
        let folded = head.as_str();
        // "đồng" is also the first syllable of many words: "đồng chí", "đồng thời".
        if *code == "VND" && word.starts_with("dong") {
            let next = folded[word.len()..].split_whitespace().next().unwrap_or("");
            // After a multiplier only words for people can follow ("2 triệu đồng bào"):
            // "1.500 tỷ đồng viện trợ" is money.
            let people = ["bao", "chi", "minh", "nghiep", "huong", "doi"];
            let compound = if c.get(2).is_some() {
                people.contains(&next)
            } else {
                DONG_COMPOUNDS.contains(&next)
            };
            if compound {
                continue;
            }
        }
        // Map the folded length back to the original: folding keeps one char per char.
        let chars = word.chars().count();
        let len: usize = rest.chars().take(chars).map(char::len_utf8).sum();
        out.push(Money {
            start: n.start(),
            end: whole.end() + len,
            amount: value * mult,
            currency: code,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::strategy::Strategy;

    /// [`find`] as first written: the groups of every match are read.
    fn find_plain(text: &str) -> Vec<Money> {
        let mut out = Vec::new();
        for c in AMOUNT.captures_iter(text) {
            let (Some(n), Some(whole)) = (c.get(1), c.get(0)) else {
                continue;
            };
            let value = match (parse_number(n.as_str()), c.get(2)) {
                (Some(v), _) => v,
                (None, Some(_)) if !text[..n.start()].ends_with(is_alphanumeric) => {
                    match number_word(n.as_str()) {
                        Some(v) => v,
                        None => continue,
                    }
                }
                (None, _) => continue,
            };
            let mult = c.get(2).map_or(1.0, |m| multiplier(m.as_str()));
            let rest = &text[whole.end()..];
            let head: String = rest.chars().take(24).collect();
            let folded = fold(&head);
            let Some((word, code)) = CURRENCIES.iter().find(|(w, _)| {
                folded.starts_with(w)
                    && !folded[w.len()..].starts_with(|c: char| is_alphanumeric(c))
            }) else {
                continue;
            };
            if *code == "VND" && word.starts_with("dong") {
                let next = folded[word.len()..].split_whitespace().next().unwrap_or("");
                let people = ["bao", "chi", "minh", "nghiep", "huong", "doi"];
                let compound = if c.get(2).is_some() {
                    people.contains(&next)
                } else {
                    DONG_COMPOUNDS.contains(&next)
                };
                if compound {
                    continue;
                }
            }
            let chars = word.chars().count();
            let len: usize = rest.chars().take(chars).map(char::len_utf8).sum();
            out.push(Money {
                start: n.start(),
                end: whole.end() + len,
                amount: value * mult,
                currency: code,
            });
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn find_is_the_plain_find(
            text in proptest::collection::vec(
                proptest::sample::select(&[
                    " ", " ", "  ", "\n", "\u{a0}", "x", "a", ",", ".", "2", "15", "1.234",
                    "3,37", "560.000", "١2", "٣", "ba", "Ba", "BA", "hai", "năm", "Năm", "nửa",
                    "mười", "MƯỜI", "chín", "ſáu", "sáu", "một", "Cuba", "tỷ", "TỶ", "tỉ",
                    "triệu", "nghìn", "ngàn", "nghìn tỷ", "million", "Billion", "USD", "usd",
                    "đô la", "Đô la Mỹ", "đồng", "Đồng", "đồng bào", "đồng chí", "đồng viện",
                    "yên", "euro", "bảng Anh", "bat", "dola", "người",
                ][..]),
                0..16,
            ).prop_map(|v| v.concat())
        ) {
            proptest::prop_assert_eq!(find(&text), find_plain(&text));
        }
    }

    #[test]
    fn attached_multipliers_and_long_number_words() {
        assert_eq!(find("đạt batỷ USD"), find_plain("đạt batỷ USD"));
        assert_eq!(find("đạt batỷ USD").len(), 1);
        assert_eq!(find("mười USD, hai triệu USD").len(), 1);
    }

    fn one(text: &str) -> (f64, &'static str) {
        let m = find(text);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        (m[0].amount, m[0].currency)
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("1.234.567"), Some(1_234_567.0));
        assert_eq!(parse_number("3,37"), Some(3.37));
        assert_eq!(parse_number("560.000"), Some(560_000.0));
        assert_eq!(parse_number("1,234,567"), Some(1_234_567.0));
        assert_eq!(parse_number("3.37"), Some(3.37));
        assert_eq!(parse_number("1.234,5"), Some(1234.5));
    }

    #[test]
    fn amounts() {
        assert_eq!(one("vượt mức 2 tỷ USD trong năm"), (2e9, "USD"));
        assert_eq!(one("đạt 3,37 tỷ USD."), (3.37e9, "USD"));
        assert_eq!(one("đạt 51 tỉ USD."), (5.1e10, "USD"));
        assert_eq!(one("khoảng 1.234 triệu USD"), (1.234e9, "USD"));
        assert_eq!(one("hỗ trợ 560.000 đô la Canada"), (560_000.0, "CAD"));
        assert_eq!(one("trị giá 10 triệu nhân dân tệ"), (1e7, "CNY"));
        assert_eq!(one("gần 15 tỷ đô la"), (1.5e10, "USD"));
        assert_eq!(one("2 nghìn tỷ đồng"), (2e12, "VND"));
        assert_eq!(one("dành 1.500 tỷ đồng viện trợ"), (1.5e12, "VND"));
        assert_eq!(one("100 triệu yên"), (1e8, "JPY"));
        assert_eq!(one("5 triệu đô la Úc"), (5e6, "AUD"));
        assert_eq!(one("1,5 triệu euro"), (1.5e6, "EUR"));
        assert_eq!(one("đạt gần ba tỷ USD"), (3e9, "USD"));
        assert_eq!(one("viện trợ nửa triệu euro"), (5e5, "EUR"));
        assert_eq!(one("hơn một tỷ USD mỗi năm"), (1e9, "USD"));
        assert_eq!(one("5 triệu dollar Canada"), (5e6, "CAD"));
        assert_eq!(one("5 triệu bảng Anh"), (5e6, "GBP"));
        assert!(find("có 50 bang").is_empty());
    }

    #[test]
    fn numbers_without_currency_are_not_money() {
        assert!(find("172 dự án đầu tư").is_empty());
        assert!(find("hơn 2 triệu người dân").is_empty());
        assert!(find("5 đồng chí lãnh đạo").is_empty());
        assert!(find("hơn 2 triệu đồng bào").is_empty());
        assert!(find("3 đồng thời").is_empty());
        assert!(find("năm USD").is_empty());
        assert!(find("hai nước đạt 3 tỷ").is_empty());
    }
}
