//! Named persons: recognition from title, country and name patterns, in-article coreference,
//! canonical names and the country each person acts for.
//!
//! A name is a run of capitalized words (with the particles of foreign names) that the reference
//! data does not claim as a country, place, organization or title. A run is a person when a title
//! or a form of address stands before it, when it is a known office holder, or when it refers back
//! to a person already named. The country comes from the title phrase ("Tổng thống Peru …",
//! "Đại sứ Việt Nam tại …"), from the reference table of office holders, or, for titles of the
//! Vietnamese state and Vietnamese name shapes, is Vietnam.

use std::sync::OnceLock;

use biennien_gazetteer::OfficeHolder;
use biennien_text::{fold, hash::FastSet};

use crate::mapped::lower_char;
use crate::tags::{starting_in, Tag, TagKind};

/// Particles that may sit inside a foreign name in lower case.
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "das", "do", "dos", "del", "di", "la", "le", "bin",
    "binti", "al", "el", "ibn", "y", "zu", "ter", "af",
];

/// Common Vietnamese family names, folded.
const VN_SURNAMES: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "luong", "to", "truong", "dinh", "mai", "cao", "luu", "doan",
    "vuong", "trinh", "ton", "ha", "thai", "la", "chu", "nong", "lam", "kieu", "quach", "tu",
    "dao", "ta", "trieu", "phung", "khuc", "giang", "lai", "lo", "thach", "au", "van", "tong",
    "kha", "khong", "dieu", "bach", "lieu", "nghiem", "nham", "quan", "son", "tieu", "uong",
];

/// Words that begin the name of an institution inside a title phrase ("Bộ trưởng Bộ Công
/// Thương …"): a person's name starts after them. Lower-cased, with diacritics.
const INSTITUTION_WORDS: &[&str] = &[
    "bộ",
    "ủy",
    "ban",
    "văn",
    "hội",
    "quốc",
    "chính",
    "đảng",
    "trung",
    "thành",
    "tỉnh",
    "tập",
    "ngân",
    "đại",
    "viện",
    "cục",
    "vụ",
    "sở",
    "tổng",
    "liên",
    "thượng",
    "hạ",
    "nghị",
    "quân",
    "học",
    "phòng",
    "mặt",
    "công",
    "tổ",
    "hãng",
    "trường",
    "báo",
    "tòa",
    "kinh",
    "tài",
    "ngoại",
    "nội",
    "tư",
    "y",
    "giáo",
    "nông",
    "lao",
    "xây",
    "giao",
    "thông",
    "khoa",
    "an",
    "quốc phòng",
];

/// Words that always head an institution's name when capitalized at the start of a run.
const INSTITUTION_HEADS: &[&str] = &[
    "bộ",
    "ủy",
    "ban",
    "văn",
    "hội",
    "cục",
    "vụ",
    "sở",
    "viện",
    "tổng",
    "học",
    "quốc",
    "trung",
    "đảng",
    "liên",
    "thượng",
    "hạ",
    "tòa",
    "ngân",
    "mặt",
];

/// Capitalized nouns that end a name when the next word completes them ("… Lương Cường Huân
/// chương …"): the first word with diacritics, lower-cased, and the possible second words.
const NOUN_AFTER_NAME: &[(&str, &[&str])] = &[
    ("huân", &["chương"]),
    ("huy", &["chương", "hiệu"]),
    ("bằng", &["khen"]),
    ("kỷ", &["niệm"]),
    ("giấy", &["khen", "chứng"]),
    ("danh", &["hiệu"]),
    ("tuyên", &["bố"]),
    ("hiệp", &["định", "ước", "hội"]),
    ("bản", &["ghi", "thỏa"]),
    ("thỏa", &["thuận"]),
    ("nghị", &["định", "quyết"]),
    ("giải", &["thưởng"]),
    ("đoàn", &["đại", "công"]),
    ("nhà", &["nước", "khách", "hát"]),
    ("lễ", &["đón", "ký", "trao", "kỷ"]),
    ("điện", &["mừng", "chúc"]),
    ("thư", &["chúc", "mừng"]),
    ("công", &["hàm", "ước"]),
];

/// Whether `word` lower-cased is `lower`, without building the lower-case copy.
fn lower_eq(word: &str, lower: &str) -> bool {
    word.len() == lower.len() && word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

fn starts_noun(word: &str, next: Option<&str>) -> bool {
    // Compared char by char rather than through `to_lowercase` copies: this runs for every
    // capitalized word inside a run, and the lists hold no letter whose lower case depends on
    // its place in the word (Greek sigma).
    let lower_is = |w: &str, l: &str| w.chars().flat_map(char::to_lowercase).eq(l.chars());
    let Some(next) = next else {
        return false;
    };
    // Only a word whose first letter, lower-cased, opens one of the nouns can be one: most
    // words of a name are passed over here, before being lower-cased.
    let opens_noun = word.chars().next().is_some_and(|c| {
        let first = lower_char(c);
        NOUN_AFTER_NAME.iter().any(|(a, _)| a.starts_with(first))
    });
    if !opens_noun {
        return false;
    }
    // The word is lower-cased once, into a buffer, and compared whole with each noun.
    let mut buf = [0; 32];
    if let Some(lower) = lower_in(word, &mut buf) {
        return NOUN_AFTER_NAME
            .iter()
            .any(|(a, bs)| *a == lower && bs.iter().any(|b| lower_is(next, b)));
    }
    // Only the nouns that begin with the word's first letter, lower-cased, can be it.
    let Some(first) = word.chars().flat_map(char::to_lowercase).next() else {
        return false;
    };
    NOUN_AFTER_NAME.iter().any(|(a, bs)| {
        a.starts_with(first) && lower_is(word, a) && bs.iter().any(|b| lower_is(next, b))
    })
}

/// First parts of compound given names, written with a spaced dash in Vietnamese news
/// ("Jean - Claude", "Hans - Peter").
const COMPOUND_GIVEN: &[&str] = &[
    "Jean", "Marie", "Anne", "Hans", "Karl", "Pierre", "Louis", "José", "Jose", "María", "Maria",
    "Ana", "Juan", "Klaus", "Franz", "Paul", "Ernst", "Heinz", "Jan", "Mohammad", "Abdul",
];

/// Portfolios written after a title, lower-cased ("Thứ trưởng hải quân").
const PORTFOLIOS: &[&str] = &[
    "ngoại giao",
    "quốc phòng",
    "hải quân",
    "lục quân",
    "không quân",
    "tài chính",
    "thương mại",
    "công thương",
    "công an",
    "nội vụ",
    "tư pháp",
    "y tế",
    "giáo dục",
    "kinh tế",
    "năng lượng",
    "nông nghiệp",
    "giao thông",
    "xây dựng",
    "văn hóa",
    "du lịch",
    "lao động",
    "an ninh",
    "ngoại thương",
    "môi trường",
];

/// Each of [`PORTFOLIOS`] with its last word, split once rather than at every step of every
/// title chain.
fn portfolios() -> &'static [(&'static str, &'static str)] {
    static SPLIT: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    SPLIT.get_or_init(|| {
        PORTFOLIOS
            .iter()
            .map(|&p| (p, p.rsplit(' ').next().unwrap_or(p)))
            .collect()
    })
}

/// The distinct last words of [`PORTFOLIOS`], sorted, each with the set of portfolios (bit `i`
/// for the `i`-th) that end with it: a word lower-cased once is looked up here instead of being
/// compared with every portfolio.
fn portfolio_ends() -> &'static [(&'static str, u32)] {
    static ENDS: OnceLock<Vec<(&'static str, u32)>> = OnceLock::new();
    ENDS.get_or_init(|| {
        let mut ends: Vec<(&'static str, u32)> = Vec::new();
        for (i, &(_, last)) in portfolios().iter().enumerate() {
            match ends.iter_mut().find(|(w, _)| *w == last) {
                Some((_, set)) => *set |= 1 << i,
                None => ends.push((last, 1 << i)),
            }
        }
        ends.sort_unstable();
        ends
    })
}

/// A word read in a title chain, lower-cased once to be compared with several lower-case words
/// as [`lower_eq`] compares them; a word [`lower_in`] cannot lower-case into its buffer is
/// compared through [`lower_eq`] itself.
enum LowerWord<'w, 'b> {
    Lowered(&'w str, &'b str),
    Plain(&'w str),
}

impl<'w, 'b> LowerWord<'w, 'b> {
    fn new(word: &'w str, buf: &'b mut [u8; 32]) -> Self {
        match lower_in(word, buf) {
            Some(lower) => LowerWord::Lowered(word, lower),
            None => LowerWord::Plain(word),
        }
    }

    /// Whether `lower_eq(word, lower)`.
    fn is(&self, lower: &str) -> bool {
        match *self {
            LowerWord::Lowered(word, l) => word.len() == lower.len() && l == lower,
            LowerWord::Plain(word) => lower_eq(word, lower),
        }
    }

    /// The set of [`PORTFOLIOS`] (bit `i` for the `i`-th) whose last word the word is.
    fn portfolios_ending(&self) -> u32 {
        match *self {
            LowerWord::Lowered(word, l) => {
                let ends = portfolio_ends();
                ends.binary_search_by(|(w, _)| (*w).cmp(l))
                    .ok()
                    .and_then(|i| ends.get(i))
                    .filter(|(w, _)| w.len() == word.len())
                    .map_or(0, |&(_, set)| set)
            }
            LowerWord::Plain(word) => portfolios()
                .iter()
                .enumerate()
                .filter(|(_, &(_, last))| lower_eq(word, last))
                .fold(0, |set, (i, _)| set | 1 << i),
        }
    }
}

/// Words that may join the parts of a title phrase read backwards from a name.
const CONNECTORS: &[&str] = &[
    "ở", "tại", "kiêm", "nhiệm", "cộng", "hòa", "nước", "vương", "quốc", "liên", "bang", "dân",
    "chủ", "nhân", "của",
];

/// A token of a sentence: a whitespace-separated word with surrounding punctuation trimmed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
    /// Punctuation after the word closes a phrase (",", ".", ";", ":", ")").
    pub closes: bool,
    /// Punctuation before the word opens a phrase ("(", quote).
    pub opens: bool,
}

/// Tokens of `text[start..end]`, offsets absolute.
#[cfg(test)]
pub(crate) fn tokens(text: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    tokens_into(text, start, end, &mut out);
    out
}

/// Fills `out` with the tokens of `text[start..end]`, offsets absolute; a buffer kept from one
/// sentence to the next spares growing a new one for each.
fn tokens_into<'t>(text: &'t str, start: usize, end: usize, out: &mut Vec<Token<'t>>) {
    // Most sentences hold no white space outside ASCII: theirs is then found eight bytes at a
    // time, in one pass over the words.
    let s = text.get(start..end).unwrap_or("");
    if has_wide_space(s) {
        tokens_read_with(
            text,
            (start, end),
            |s| split_whitespace_chars(s, true),
            trim_to_core,
            out,
        );
    } else {
        tokens_narrow(text, start, s, out);
    }
}

/// [`tokens_read_with`] for a sentence `s` (starting at `start` in `text`) whose only white
/// space is ASCII: the words are walked in one loop, each ending at the next white-space byte.
fn tokens_narrow<'t>(text: &'t str, start: usize, s: &'t str, out: &mut Vec<Token<'t>>) {
    out.clear();
    let bytes = s.as_bytes();
    let white = |b: u8| matches!(b, b' ' | b'\t'..=b'\r');
    // The piece of `s` from `at` to the next white space, as the split would give it.
    let piece_at = |at: usize| -> &'t str {
        let rest = s.get(at..).unwrap_or("");
        let len = first_ascii_whitespace(rest.as_bytes()).unwrap_or(rest.len());
        rest.get(..len).unwrap_or("")
    };
    let mut pos = 0;
    while let Some(&b) = bytes.get(pos) {
        if white(b) {
            pos += 1;
            continue;
        }
        let word = piece_at(pos);
        let wstart = pos;
        pos += word.len() + 1;
        // Most words begin and end with a letter or digit: nothing to trim, no punctuation
        // around them, no dash.
        if b.is_ascii_alphanumeric() && ends_alphanumeric(word) {
            out.push(Token {
                start: start + wstart,
                end: start + wstart + word.len(),
                text: word,
                closes: false,
                opens: false,
            });
            continue;
        }
        let (lead, core) = trim_to_core(word);
        if matches!(word, "-" | "–") {
            let next = piece_at(pos);
            if join_spaced_dash(text, start, pos, next, out) {
                pos += next.len() + 1;
                continue;
            }
        }
        push_token(out, start + wstart, word, lead, core);
    }
}

/// [`tokens_into`] with the ways to split the text at white space and to trim a word to its
/// letters and digits (the length trimmed before, and what is left) given.
fn tokens_read_with<'t, W: Iterator<Item = &'t str>>(
    text: &'t str,
    (start, end): (usize, usize),
    split: impl Fn(&'t str) -> W,
    trim: impl Fn(&'t str) -> (usize, &'t str),
    out: &mut Vec<Token<'t>>,
) {
    out.clear();
    let s = text.get(start..end).unwrap_or("");
    let mut pos = 0;
    let mut words = split(s);
    while let Some(word) = words.next() {
        let wstart = pos;
        pos += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        let (lead, core) = trim(word);
        if matches!(word, "-" | "–") {
            let next = split(s.get(pos..).unwrap_or("")).next().unwrap_or("");
            if join_spaced_dash(text, start, pos, next, out) {
                pos += next.len() + 1;
                words.next();
                continue;
            }
        }
        push_token(out, start + wstart, word, lead, core);
    }
}

/// Whether the last character of `word` is a letter or digit; an ASCII one is read without
/// decoding.
#[inline]
fn ends_alphanumeric(word: &str) -> bool {
    edge_is_alphanumeric(word.as_bytes().last(), || word.chars().next_back())
}

/// At a spaced dash, whose next piece `next` starts `pos` bytes into the sentence starting at
/// `start`: joins that piece to the last token when they are the parts of one name, and tells
/// whether it did.
fn join_spaced_dash<'t>(
    text: &'t str,
    start: usize,
    pos: usize,
    next: &'t str,
    out: &mut [Token<'t>],
) -> bool {
    // "Prayuth Chan - ocha", "Kang Kyung - hwa": a spaced hyphen before a lower-case part
    // joins the parts of one name.
    // The part may carry the punctuation that ends the phrase: "Kyung - hwa,".
    let part = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    let part_tail = &next[part.len()..];
    // "Jean - Claude Juncker": the first part of a compound given name before a capitalized
    // second part.
    let compound = out.last().is_some_and(|l| {
        !l.closes
            && COMPOUND_GIVEN.contains(&l.text)
            && part.chars().next().is_some_and(char::is_uppercase)
            && part.chars().all(char::is_alphabetic)
            && !has_vietnamese_letters(part)
    });
    let Some(last) = out.last_mut().filter(|l| {
        capitalized(l.text)
            && !l.closes
            && (compound || part.chars().next().is_some_and(char::is_lowercase))
            && (compound
                || part.chars().all(|c| c.is_ascii_alphabetic())
                    && (2..=5).contains(&part.chars().count()))
    }) else {
        return false;
    };
    let joined_end = start + pos + part.len();
    last.end = joined_end;
    last.text = text.get(last.start..joined_end).unwrap_or(last.text);
    last.closes = part_tail.contains([',', ';', ':', ')', '"', '?', '!', '.']);
    true
}

/// Adds the token of `word`, which starts at `at`, `lead` bytes before its trimmed `core`: or,
/// when nothing is left of it, marks the phrase before it closed.
#[inline(always)]
fn push_token<'t>(out: &mut Vec<Token<'t>>, at: usize, word: &'t str, lead: usize, core: &'t str) {
    if core.is_empty() {
        // A dash or other lone punctuation closes the phrase before it.
        if let Some(last) = out.last_mut() {
            last.closes = true;
        }
        return;
    }
    // Keep a final period of an initial ("D.A.") inside the word.
    let tail = &word[lead + core.len()..];
    out.push(Token {
        start: at + lead,
        end: at + lead + core.len(),
        text: core,
        closes: !tail.is_empty()
            && (tail.contains([',', ';', ':', ')', '"', '?', '!'])
                || (tail.starts_with('.') && !is_initial(core))),
        opens: lead > 0 && word[..lead].contains(['(', '"', '\'']),
    });
}

/// The pieces of `s` between white-space characters, each white-space character ending one,
/// exactly as `s.split(char::is_whitespace)` gives them; the text is read without decoding the
/// letters. `wide` tells whether `s` may hold white space outside ASCII (see
/// [`has_wide_space`]).
fn split_whitespace_chars(s: &str, wide: bool) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let piece = rest?;
        let found = if wide {
            first_whitespace(piece)
        } else {
            first_ascii_whitespace(piece.as_bytes()).map(|at| (at, 1))
        };
        match found {
            Some((at, len)) => {
                rest = piece.get(at + len..);
                piece.get(..at)
            }
            None => {
                rest = None;
                Some(piece)
            }
        }
    })
}

/// The bytes that open the white-space characters outside ASCII but U+1680 (see
/// [`first_whitespace`]), searched for at once.
fn wide_space_leads(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes)
}

/// Whether `s` holds a white-space character outside ASCII.
fn has_wide_space(s: &str) -> bool {
    static OGHAM_SPACE: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let ogham = OGHAM_SPACE.get_or_init(|| memchr::memmem::Finder::new("\u{1680}"));
    wide_space_leads(s.as_bytes()).any(|at| {
        s.get(at..)
            .and_then(|c| c.chars().next())
            .is_some_and(char::is_whitespace)
    }) || ogham.find(s.as_bytes()).is_some()
}

/// The offset of the first ASCII white-space byte of `bytes` (space, tab, line feed, vertical
/// tab, form feed, carriage return). Eight bytes are read at once: those below 0x21 are found
/// by a subtraction whose borrows cannot reach below the first of them, and are then told
/// apart from the other control characters.
#[inline]
fn first_ascii_whitespace(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x21; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let white = |b: u8| matches!(b, b' ' | b'\t'..=b'\r');
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let low = x.wrapping_sub(ONES) & !x & HIGH;
        if low == 0 {
            at += 8;
            continue;
        }
        let i = at + (low.trailing_zeros() / 8) as usize;
        if bytes.get(i).copied().is_some_and(white) {
            return Some(i);
        }
        at = i + 1;
    }
    bytes
        .get(at..)
        .and_then(|rest| rest.iter().position(|&b| white(b)))
        .map(|i| at + i)
}

/// The byte offset and length of the first white-space character of `s`. Outside ASCII only
/// characters whose first byte is 0xC2, 0xE1, 0xE2 or 0xE3 can be white space (U+0085, U+00A0,
/// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000). Of those, 0xE1 opens most
/// Vietnamese letters with tone marks, and only U+1680 (bytes E1 9A 80) among its characters
/// is white space: its next bytes say so without decoding. Every other byte, continuation
/// bytes included, is passed over one at a time.
#[inline]
fn first_whitespace(s: &str) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        match b {
            b' ' | b'\t'..=b'\r' => return Some((at, 1)),
            0xE1 => {
                if bytes.get(at + 1..at + 3) == Some(&[0x9A, 0x80]) {
                    return Some((at, 3));
                }
                at += 3;
            }
            0xC2 | 0xE2 | 0xE3 => {
                let len = if b == 0xC2 { 2 } else { 3 };
                if s.get(at..at + len)
                    .and_then(|c| c.chars().next())
                    .is_some_and(char::is_whitespace)
                {
                    return Some((at, len));
                }
                at += len;
            }
            _ => at += 1,
        }
    }
    None
}

/// The length of what leads `word` before its first letter or digit, and the word with what
/// leads and trails it so trimmed. A word that begins or ends with a letter or digit, as most
/// do, has nothing to trim at that end: its first and last characters are read alone, the
/// ASCII ones without decoding.
#[inline]
fn trim_to_core(word: &str) -> (usize, &str) {
    let not_alphanumeric = |c: char| !biennien_text::is_alphanumeric(c);
    let rest = if edge_is_alphanumeric(word.as_bytes().first(), || word.chars().next()) {
        word
    } else {
        word.trim_start_matches(not_alphanumeric)
    };
    let core = if ends_alphanumeric(rest) {
        rest
    } else {
        rest.trim_end_matches(not_alphanumeric)
    };
    (word.len() - rest.len(), core)
}

/// Whether the character at one end of a word, whose outermost byte is `byte`, is a letter or
/// digit: an ASCII byte is read alone, any other character is decoded by `char_at_end`.
#[inline]
fn edge_is_alphanumeric(byte: Option<&u8>, char_at_end: impl FnOnce() -> Option<char>) -> bool {
    match byte {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => char_at_end().is_some_and(biennien_text::is_alphanumeric),
        None => false,
    }
}

fn is_initial(core: &str) -> bool {
    let letters = core
        .chars()
        .filter(|&c| biennien_text::is_alphabetic(c))
        .count();
    letters <= 3 && core.chars().next().is_some_and(char::is_uppercase) && core.contains('.')
        || letters == 1 && core.chars().all(|c| c.is_uppercase())
}

/// A word that may be part of a name: capitalized, or an article joined to a capitalized part
/// ("al-Faisal", "el-Sisi", "bin-Salman").
#[inline(always)]
fn name_word(t: &str) -> bool {
    match t.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => true,
        // Any other ASCII byte opens no capital: only a joined article can make the word one.
        Some(b) if b.is_ascii() => joined_article(t),
        _ => capitalized(t) || joined_article(t),
    }
}

/// Whether `t` is an article joined to a capitalized part ("al-Faisal"); the dash is looked for
/// among the first bytes before the word is split.
#[inline]
fn joined_article(t: &str) -> bool {
    // The articles are one, two, three or five letters long: the dash after one is the second,
    // third, fourth or sixth byte.
    let b = t.as_bytes();
    t.len() > 3
        && (b[1] == b'-' || b[2] == b'-' || b[3] == b'-' || b.get(5) == Some(&b'-'))
        && t.split_once('-').is_some_and(|(article, rest)| {
            (PARTICLES.contains(&article) || ARABIC_ARTICLES.contains(&article))
                && capitalized(rest)
        })
}

/// Forms of the Arabic article as it is joined to the next word.
const ARABIC_ARTICLES: &[&str] = &["ad", "as", "ash", "at", "ar", "an", "az", "ul", "ud"];

/// Whether the word at `pos` may continue a name after a particle: untagged, or a word of
/// address that is also a name ("Sultan").
fn after_particle(tags: &[Tag], pos: usize) -> bool {
    tag_at(tags, pos).is_none_or(|t| matches!(t.kind, TagKind::Honorific))
}

#[inline]
fn capitalized(t: &str) -> bool {
    match t.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => t.chars().next().is_some_and(char::is_uppercase),
    }
}

/// One person of the article.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonEntry {
    /// Canonical name: the fullest form the article uses.
    pub name: String,
    /// Country acted for.
    pub country: Option<String>,
    /// Roles, in order of first mention.
    pub roles: Vec<String>,
    /// Other forms the article uses.
    pub aliases: Vec<String>,
    /// Spans of every mention.
    pub mentions: Vec<(usize, usize)>,
}

/// A mention of a person, or of an office whose holder the text does not name.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte offset of the mention (the name, or the title phrase for an unnamed holder).
    pub start: usize,
    /// One past its end.
    pub end: usize,
    /// Index into the persons list, or `None` for an unnamed office holder.
    pub person: Option<usize>,
    /// Role given at this mention.
    pub role: Option<String>,
    /// Country given at this mention.
    pub country: Option<String>,
}

/// What precedes a name: the title chain, read backwards from the name.
#[derive(Debug, Default, Clone)]
struct Lead {
    roles: Vec<String>,
    country: Option<String>,
    /// Country of the posting in "Đại sứ X tại Y".
    vietnamese_title: bool,
    honorific: bool,
    /// The title is an office of an international organization ("Tổng thư ký Liên hợp quốc"):
    /// its holder acts for no country.
    international: bool,
    start: Option<usize>,
}

/// The persons of a text and all their mentions, in text order.
#[derive(Debug, Default)]
pub struct Persons {
    /// Persons, in order of first mention.
    pub list: Vec<PersonEntry>,
    /// Mentions, in text order.
    pub mentions: Vec<Mention>,
}

/// The tags lying inside `[start, end)`.
fn tags_in(tags: &[Tag], start: usize, end: usize) -> impl Iterator<Item = &Tag> {
    starting_in(tags, start, end, |t| t.start)
        .iter()
        .filter(move |t| t.end <= end)
}

/// The tags of the sentence `[start, end)`: those starting in it, and the one before them when
/// it reaches into it. Asked about places inside the sentence, [`tag_at`] and [`starting_in`]
/// answer from them as from all the tags of the text, searching fewer.
fn sentence_tags(tags: &[Tag], start: usize, end: usize) -> &[Tag] {
    let mut lo = tags.partition_point(|t| t.start < start);
    if lo > 0 && tags[lo - 1].end > start {
        lo -= 1;
    }
    let hi = lo + tags[lo..].partition_point(|t| t.start < end);
    &tags[lo..hi]
}

fn tag_at(tags: &[Tag], pos: usize) -> Option<&Tag> {
    // Tags do not overlap: the last one starting at or before `pos` is the only candidate.
    let i = tags.partition_point(|t| t.start <= pos);
    tags[..i].last().filter(|t| pos < t.end)
}

/// Reads the title chain that ends right before byte `at` (ignoring spaces and commas).
fn lead_before(text: &str, tags: &[Tag], at: usize, floor: usize) -> Lead {
    let mut lead = Lead::default();
    let mut pos = at;
    let mut steps = 0;
    loop {
        steps += 1;
        if steps > 12 {
            break;
        }
        let before = text.get(floor..pos).unwrap_or("");
        let trimmed = before.trim_end_matches([' ', ',']);
        let comma = before[trimmed.len()..].contains(',');
        // "Tổng Giám đốc Tổ chức Y tế thế giới (WHO) Tedros …": an organization's acronym in
        // brackets stands inside the title phrase.
        if !comma {
            if let Some(open) = bracketed_acronym(trimmed) {
                pos = floor + open;
                continue;
            }
        }
        let end = floor + trimmed.len();
        let Some(t) = starting_in(tags, floor, end, |t| t.start)
            .iter()
            .rev()
            .find(|t| t.end == end)
        else {
            // Words that join a posting to the title: "Đại sứ Việt Nam tại Brazil kiêm nhiệm
            // Cộng hòa Peru". The country nearest the title is the one acted for.
            let word_start = trimmed.rfind(char::is_whitespace).map_or(0, |i| i + 1);
            let word = &trimmed[word_start..];
            // "Thứ trưởng hải quân Thomas Modly", "trợ lý bộ trưởng ngoại giao Lê Đức Căng": a
            // portfolio in lower case after the title.
            // The word is lower-cased once, for the portfolios and the connectors both.
            let mut buf = [0; 32];
            let lowered = (!comma && (lead.start.is_none() || lead.roles.is_empty()))
                .then(|| LowerWord::new(word, &mut buf));
            let ending = match (&lowered, lead.start) {
                (Some(l), None) => l.portfolios_ending(),
                _ => 0,
            };
            if ending != 0 {
                if let Some(p) = portfolios().iter().enumerate().find_map(|(i, &(p, _))| {
                    let n = p.len();
                    (ending & 1 << i != 0
                        && trimmed.len() > n
                        && trimmed.is_char_boundary(trimmed.len() - n)
                        && lower_eq(&trimmed[trimmed.len() - n..], p)
                        && trimmed[..trimmed.len() - n].ends_with(' '))
                    .then_some(p)
                }) {
                    let at = floor + trimmed.len() - p.len();
                    let title_before = starting_in(tags, floor, at, |t| t.start)
                        .iter()
                        .rev()
                        .find(|t| t.end <= at)
                        .is_some_and(|t| {
                            matches!(t.kind, TagKind::Title { .. })
                                && text.get(t.end..at).is_some_and(|g| g.trim().is_empty())
                        });
                    if title_before {
                        pos = at;
                        continue;
                    }
                }
            }
            if let Some(l) = lowered.filter(|l| {
                lead.start.is_some() && lead.roles.is_empty() && CONNECTORS.iter().any(|c| l.is(c))
            }) {
                if ["tại", "ở", "kiêm", "nhiệm"].iter().any(|c| l.is(c)) {
                    lead.country = None;
                }
                pos = floor + word_start;
                continue;
            }
            break;
        };
        if comma && !matches!(t.kind, TagKind::Title { .. }) {
            break;
        }
        match &t.kind {
            TagKind::Title { role, vietnamese } => {
                lead.roles.insert(0, role.clone());
                lead.vietnamese_title |= *vietnamese;
                lead.start = Some(t.start);
            }
            TagKind::Country { code, .. } => {
                // The country nearest the title: keep overwriting while reading backwards.
                lead.country = Some(code.clone());
                lead.start = Some(t.start);
            }
            TagKind::Organization { country } => {
                if lead.country.is_none() {
                    lead.country = country.clone();
                    // An organization of no country in the title phrase makes the title one of
                    // that organization, unless a country is named too.
                    lead.international = country.is_none();
                }
                lead.start = Some(t.start);
            }
            TagKind::Honorific => {
                lead.honorific = true;
                lead.start = Some(t.start);
            }
            // "Bí thư Thành ủy Hà Nội …", "Phát ngôn viên Nhà Trắng …": a place inside a title
            // phrase, which says the country when nothing nearer does.
            TagKind::Place { country, .. } if !lead.roles.is_empty() || lead.start.is_none() => {
                // "Đại sứ … ở Bangkok": a posting's place is not the holder's country.
                let before = text[..t.start].trim_end();
                let posting = after_locative(before, &["tại", "ở"]);
                if lead.country.is_none() && !posting {
                    lead.country = Some(country.clone());
                }
                lead.start = Some(t.start);
            }
            TagKind::Place { .. } | TagKind::Region => break,
        }
        pos = t.start;
    }
    // "Bộ trưởng Kinh tế và Tài chính Maroc …": a title a few words of portfolio before the
    // country.
    if lead.roles.is_empty() {
        if let Some(from) = lead.start.filter(|_| lead.country.is_some()) {
            let title = starting_in(tags, floor, from, |t| t.start)
                .iter()
                .rev()
                .find(|t| {
                    t.end <= from
                        && t.start >= floor
                        && matches!(t.kind, TagKind::Title { .. })
                        && text.get(t.end..from).is_some_and(|gap| {
                            !gap.contains([',', '.', ';', ':', '(', ')'])
                                && (gap.split_whitespace().count() <= 6
                                    || gap.split_whitespace().count() <= 10
                                        && institution_name(gap))
                        })
                });
            if let Some(Tag {
                kind: TagKind::Title { role, vietnamese },
                start,
                ..
            }) = title
            {
                lead.roles.push(role.clone());
                lead.vietnamese_title |= *vietnamese;
                lead.start = Some(*start);
            }
        }
    }
    lead.international &= lead.country.is_none() && !lead.roles.is_empty();
    lead
}

/// Where the bracketed acronym ending `before` opens ("… (WHO)" gives the offset of "("), when
/// `before` ends with one: two to eight letters or digits, upper-case, nothing else.
fn bracketed_acronym(before: &str) -> Option<usize> {
    let inner = before.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let word = &inner[open + 1..];
    let letters = word.chars().filter(|c| c.is_alphanumeric()).count();
    let acronym = (2..=8).contains(&letters)
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '&'));
    // "(cấp Bộ trưởng)", "(hàm Đại sứ)": a rank beside the title.
    let rank = ["cấp ", "hàm "].iter().any(|p| word.starts_with(p))
        && word.split_whitespace().count() <= 4;
    (acronym || rank).then_some(open)
}

/// Whether `gap` reads as an institution's name written in title case ("Ủy ban Cải cách và
/// Phát triển", "Tổng Cục Hợp tác Phát triển Quốc tế"): every lower-case word continues a
/// capitalized one or joins two parts.
fn institution_name(gap: &str) -> bool {
    let mut previous_capitalized = false;
    for w in gap.split_whitespace() {
        let cap = capitalized(w);
        if !cap && !previous_capitalized && !matches!(w, "và" | "các") {
            return false;
        }
        previous_capitalized = cap;
    }
    true
}

/// Whether `words` have the shape of a Vietnamese personal name.
pub(crate) fn vietnamese_shape(words: &[&str]) -> bool {
    // The tests that copy a word (folding, lower-casing) come after those that only read it.
    (2..=4).contains(&words.len())
        && words.iter().all(|w| syllable_shaped(w))
        && words.first().is_some_and(|w| folds_to_surname(w))
        // An ASCII word folds to its lower case: only the others can carry a diacritic.
        && words
            .iter()
            .any(|w| !w.is_ascii() && folds_apart_from_lower_case(w))
}

/// `word` folded as by [`fold`], written into `buf` instead of a string of its own, when it
/// fits there.
fn fold_in<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let mut n = 0;
    for c in biennien_text::fold_chars(word) {
        let len = c.len_utf8();
        c.encode_utf8(buf.get_mut(n..n + len)?);
        n += len;
    }
    std::str::from_utf8(buf.get(..n)?).ok()
}

/// `word` lower-cased as by `str::to_lowercase`, written into `buf`, when it fits there and
/// holds no capital sigma (the only letter whose lower case depends on its place in the word).
fn lower_in<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    if word.contains('Σ') {
        return None;
    }
    let mut n = 0;
    let mut put = |c: char| -> Option<()> {
        let len = c.len_utf8();
        c.encode_utf8(buf.get_mut(n..n + len)?);
        n += len;
        Some(())
    };
    for c in word.chars() {
        match lower_letter(c) {
            Some(l) => put(l)?,
            None => {
                for l in c.to_lowercase() {
                    put(l)?;
                }
            }
        }
    }
    std::str::from_utf8(buf.get(..n)?).ok()
}

/// `word` lower-cased as by `str::to_lowercase`: in `buf` when [`lower_in`] can write it there.
fn lower_cow<'b>(word: &str, buf: &'b mut [u8; 32]) -> std::borrow::Cow<'b, str> {
    match lower_in(word, buf) {
        Some(lower) => std::borrow::Cow::Borrowed(lower),
        None => std::borrow::Cow::Owned(word.to_lowercase()),
    }
}

/// The lower case of `c` when it is one character and `c` is among the letters Vietnamese and
/// most European names are written with (ASCII, Latin-1, the paired letters of Latin
/// Extended-A, `Ơ`, `Ư` and Latin Extended Additional), found from its code without the
/// table search of `char::to_lowercase`; `None` for any other character.
#[inline]
fn lower_letter(c: char) -> Option<char> {
    let code = u32::from(c);
    let lower = match code {
        0..=0x7F => return Some(c.to_ascii_lowercase()),
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        0x80..=0xFF => code,
        0x100..=0x12F | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => code | 1,
        0x1A0 | 0x1A1 => 0x1A1,
        0x1AF | 0x1B0 => 0x1B0,
        _ => return None,
    };
    char::from_u32(lower)
}

/// Whether `word` folds to one of [`VN_SURNAMES`].
fn folds_to_surname(word: &str) -> bool {
    let mut buf = [0; 32];
    let is_surname = |folded: &str| surnames_sorted().binary_search(&folded).is_ok();
    match fold_in(word, &mut buf) {
        Some(folded) => is_surname(folded),
        None => is_surname(&fold(word)),
    }
}

/// [`VN_SURNAMES`] sorted, for a binary search instead of a comparison with each.
fn surnames_sorted() -> &'static [&'static str] {
    static SORTED: OnceLock<Vec<&'static str>> = OnceLock::new();
    SORTED.get_or_init(|| {
        let mut sorted = VN_SURNAMES.to_vec();
        sorted.sort_unstable();
        sorted
    })
}

/// Whether the fold of `word` differs from its lower case (it carries a diacritic or `đ`),
/// compared character by character.
fn folds_apart_from_lower_case(word: &str) -> bool {
    if word.contains('Σ') {
        return fold(word) != word.to_lowercase();
    }
    let mut folded = biennien_text::fold_chars(word);
    for c in word.chars() {
        match lower_letter(c) {
            Some(l) => {
                if folded.next() != Some(l) {
                    return true;
                }
            }
            None => {
                for l in c.to_lowercase() {
                    if folded.next() != Some(l) {
                        return true;
                    }
                }
            }
        }
    }
    folded.next().is_some()
}

/// Whether `word` has the shape of a capitalized syllable: one to seven letters, the first
/// upper-case and no other.
fn syllable_shaped(word: &str) -> bool {
    let mut count = 0;
    for (i, c) in word.chars().enumerate() {
        let upper = c.is_uppercase();
        if upper != (i == 0) || !biennien_text::is_alphabetic(c) || i >= 7 {
            return false;
        }
        count = i + 1;
    }
    count > 0
}

/// Edit distance, for typos of a name ("Winston Peter" for "Winston Peters").
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn words_of(name: &str) -> Vec<String> {
    name.split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// Whether `fold(text) == folded`, read without building the fold of `text`.
fn folds_to(text: &str, folded: &str) -> bool {
    biennien_text::fold_chars(text).eq(folded.chars())
}

/// Whether the words `a` are, one by one, the words `b`.
fn same_words(a: &[String], b: &[&str]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// A person's names as [`Persons::resolve`] compares them: the folded words of the name, joined
/// and sorted, and each alias's folded words joined. Kept beside the list and renewed when a
/// person's names change, so that a candidate name is not compared by folding every name of
/// the article again.
#[derive(Debug, Clone)]
struct NameKey {
    words: Vec<String>,
    joined: String,
    sorted: Vec<String>,
    aliases: Vec<String>,
}

impl NameKey {
    fn of(p: &PersonEntry) -> Self {
        let words = words_of(&p.name);
        let joined = words.join(" ");
        let mut sorted = words.clone();
        sorted.sort();
        NameKey {
            words,
            joined,
            sorted,
            aliases: p.aliases.iter().map(|a| words_of(a).join(" ")).collect(),
        }
    }
}

/// Makes `keys[i]` the key of `list[i]` after that person's names changed or it was added.
fn renew_key(keys: &mut Vec<NameKey>, list: &[PersonEntry], i: usize) {
    let Some(p) = list.get(i) else { return };
    match keys.get_mut(i) {
        Some(k) => *k = NameKey::of(p),
        None => keys.push(NameKey::of(p)),
    }
}

impl Persons {
    /// Finds the person an existing short, reordered or misspelled form refers to; `keys` are
    /// the keys of the persons of the list, in its order.
    fn resolve(&self, keys: &[NameKey], words: &[&str]) -> Option<usize> {
        // Every way below of finding the person compares with a key: with no person named yet
        // there is nothing to fold.
        if keys.is_empty() {
            return None;
        }
        // A joined token keeps its spaced dash ("Chan - ocha"): split on both. The words are
        // folded once, into one string, each then a slice of it.
        let mut folded: Vec<u8> = Vec::with_capacity(64);
        let mut bounds: Vec<(usize, usize)> = Vec::with_capacity(words.len() + 2);
        for w in words
            .iter()
            .flat_map(|w| w.split(|c: char| c == '-' || c == '–' || c.is_whitespace()))
            .filter(|w| !w.is_empty())
        {
            if !bounds.is_empty() {
                folded.push(b' ');
            }
            let from = folded.len();
            biennien_text::fold_bytes_into(w, &mut folded);
            bounds.push((from, folded.len()));
        }
        let Ok(joined) = std::str::from_utf8(&folded) else {
            return None;
        };
        let f: Vec<&str> = bounds
            .iter()
            .map(|&(a, b)| joined.get(a..b).unwrap_or(""))
            .collect();
        // Exact, or the same words in another order ("Takeshi Iwaya" for "Iwaya Takeshi"), which
        // needs two words at least.
        let sorted = (f.len() >= 2).then(|| {
            let mut sorted = f.clone();
            sorted.sort_unstable();
            sorted
        });
        for (i, k) in keys.iter().enumerate() {
            if k.joined == joined || k.aliases.iter().any(|a| a == joined) {
                return Some(i);
            }
            if sorted.as_ref().is_some_and(|s| same_words(&k.sorted, s)) {
                return Some(i);
            }
        }
        // A part of a fuller name: "Blinken", "ông Tập", "Bộ trưởng Wong", "Modi".
        if f.len() <= 2 {
            let mut hits = keys
                .iter()
                .enumerate()
                .filter(|(_, k)| {
                    let pw = &k.words;
                    pw.len() > f.len()
                        && (same_words(&pw[pw.len() - f.len()..], &f)
                            || same_words(&pw[..f.len()], &f)
                            || (f.len() == 1 && pw.iter().any(|w| w == f[0]))
                            // "Díaz-Canel" in "Miguel Díaz-Canel Bermúdez".
                            || (f.len() == 2 && pw.windows(2).any(|w| same_words(w, &f))))
                })
                // One word keeps its tone marks: "Trong" (in) opening a sentence is not
                // "Trọng" of "Nguyễn Phú Trọng". Asked only of the few persons whose name holds
                // the word, folded.
                .filter(|&(i, _)| match words {
                    [w] => self.list.get(i).is_none_or(|p| {
                        let mut wbuf = [0; 32];
                        let w = lower_cow(w, &mut wbuf);
                        p.name.split([' ', '-']).all(|n| {
                            let mut nbuf = [0; 32];
                            let n = lower_cow(n, &mut nbuf);
                            n == w
                                || !has_vietnamese_letters(&n)
                                || !biennien_text::fold_chars(&n).eq(biennien_text::fold_chars(&w))
                        })
                    }),
                    _ => true,
                })
                .map(|(i, _)| i);
            if let Some(first) = hits.next() {
                let mut more = hits.peekable();
                if more.peek().is_none() {
                    return Some(first);
                }
                // Prefer the one whose last word it is.
                let last_word = |i: usize| {
                    keys.get(i).and_then(|k| k.words.last()).map(String::as_str)
                        == f.last().copied()
                };
                return std::iter::once(first).chain(more).find(|&i| last_word(i));
            }
        }
        // A fuller form of a person first named by one word ("Kritenbrink", then "Daniel
        // Kritenbrink").
        if f.len() >= 2 {
            let mut hits = keys.iter().enumerate().filter(|(_, k)| {
                k.words.len() == 1 && k.words.first().map(String::as_str) == f.last().copied()
            });
            if let (Some((i, _)), None) = (hits.next(), hits.next()) {
                return Some(i);
            }
        }
        // A misspelling of one word of a full name of the same length.
        if f.len() >= 2 {
            for (i, k) in keys.iter().enumerate() {
                let pw = &k.words;
                if pw.len() != f.len() {
                    continue;
                }
                // One word differs, by two edits at most; the distance is measured only then.
                let mut differing = pw.iter().zip(&f).filter(|(a, b)| a.as_str() != **b);
                if let (Some((a, b)), None) = (differing.next(), differing.next()) {
                    if pw.iter().map(String::len).sum::<usize>() >= 8 && edit_distance(a, b) <= 2 {
                        return Some(i);
                    }
                }
            }
        }
        None
    }
}

/// A run of capitalized words: a candidate name. Its words are the tokens `from..to` of the
/// sentence, whose texts and ends are read there rather than copied into lists of the run's own.
#[derive(Debug, Clone)]
struct Run {
    start: usize,
    end: usize,
    from: usize,
    to: usize,
}

impl Run {
    /// The number of words.
    fn len(&self) -> usize {
        self.to - self.from
    }
}

/// Fills `out` with the capitalized runs of one sentence that no tag covers; `toks` is a
/// buffer for the sentence's tokens, which the runs index.
fn runs<'t>(
    text: &'t str,
    tags: &[Tag],
    start: usize,
    end: usize,
    toks: &mut Vec<Token<'t>>,
    out: &mut Vec<Run>,
) {
    out.clear();
    tokens_into(text, start, end, toks);
    let toks: &[Token<'t>] = toks;
    let mut cur: Option<Run> = None;
    let flush = |cur: &mut Option<Run>, out: &mut Vec<Run>| {
        if let Some(mut r) = cur.take() {
            // No particle at either end.
            while r.to > r.from && toks.get(r.to - 1).is_some_and(|w| !name_word(w.text)) {
                r.to -= 1;
            }
            if let Some(last) = toks.get(r.from..r.to).and_then(<[Token]>::last) {
                r.end = last.end;
                out.push(r);
            }
        }
    };
    for (k, t) in toks.iter().enumerate() {
        let cap = name_word(t.text);
        // Most words are lower-case prose outside any run: nothing starts or ends there.
        if !cap && cur.is_none() {
            continue;
        }
        // Particles may follow one another ("Ursula von der Leyen"); the chain must end in a
        // capitalized word.
        let particle = !cap
            && PARTICLES.contains(&t.text)
            && toks[k + 1..]
                .iter()
                .take(3)
                .find(|n| !PARTICLES.contains(&n.text))
                .is_some_and(|n| name_word(n.text) && after_particle(tags, n.start));
        if !(cap || particle) {
            flush(&mut cur, out);
            continue;
        }
        if cap && cur.is_some() && starts_noun(t.text, toks.get(k + 1).map(|n| n.text)) {
            flush(&mut cur, out);
            continue;
        }
        let tagged = claimed_by_tag(tags, toks, k, cur.as_ref());
        if tagged || t.opens && cur.is_some() {
            flush(&mut cur, out);
            if tagged {
                continue;
            }
        }
        match cur.as_mut() {
            Some(r) => {
                r.end = t.end;
                r.to = k + 1;
            }
            None => {
                cur = Some(Run {
                    start: t.start,
                    end: t.end,
                    from: k,
                    to: k + 1,
                })
            }
        }
        if t.closes {
            flush(&mut cur, out);
        }
    }
    flush(&mut cur, out);
}

/// Whether the tag under word `k` of `toks` keeps it out of a name, `run` being the name read
/// so far.
fn claimed_by_tag(tags: &[Tag], toks: &[Token<'_>], k: usize, run: Option<&Run>) -> bool {
    let t = &toks[k];
    let Some(tag) = tag_at(tags, t.start) else {
        return false;
    };
    // An ambiguous country name ("Nhật" in "Phạm Nhật Vượng") may be part of a name, but not at
    // its head before a foreign name ("Bộ Chỉ huy Hậu cần Mỹ Benjamin Griffin").
    let ambiguous = matches!(
        tag.kind,
        TagKind::Country {
            ambiguous: true,
            ..
        }
    );
    if ambiguous
        && !(run.is_none()
            && toks.get(k + 1).is_some_and(|n| {
                capitalized(n.text) && !has_vietnamese_letters(n.text) && !folds_to_surname(n.text)
            }))
    {
        return false;
    }
    let whole_place =
        matches!(tag.kind, TagKind::Place { .. }) && tag.start == t.start && tag.end == t.end;
    // A one-word place name right after a title phrase and before more capitalized words is a
    // given name ("Đại sứ Cuba tại Việt Nam Orlando Hernández Guillén").
    if run.is_none()
        && k > 0
        && whole_place
        && tag_at(tags, toks[k - 1].start)
            .is_some_and(|p| matches!(p.kind, TagKind::Country { .. } | TagKind::Title { .. }))
        && toks
            .get(k + 1)
            .is_some_and(|n| !t.closes && capitalized(n.text) && tag_at(tags, n.start).is_none())
    {
        return false;
    }
    // A one-word place name right after a name's words continues it ("Albert Rosario", "Bành Lệ
    // Viên"), unless the place is what the sentence goes on about.
    if k > 0
        && run.is_some_and(|r| r.len() <= 3)
        && !toks[k - 1].closes
        && tag_at(tags, toks[k - 1].start).is_none()
        && whole_place
    {
        return false;
    }
    // After a particle a word of address is a name ("Bandar bin Sultan").
    !(k > 0
        && run.is_some()
        && PARTICLES.contains(&toks[k - 1].text)
        && after_particle(tags, t.start))
}

/// Drops the institution words at the head of a run that follows a title ("Bộ Công Thương
/// Nguyễn Hồng Diên" → "Nguyễn Hồng Diên"). Returns the index of the first name word, and
/// whether all of `words` have [`vietnamese_shape`] (asked on the way, and the answer for the
/// name itself when it starts at the first word).
fn name_start(words: &[&str]) -> (usize, bool) {
    if words.len() <= 1 {
        // One word has no Vietnamese name's shape.
        return (0, false);
    }
    let shaped = vietnamese_shape(words);
    (name_start_shaped(words, shaped), shaped)
}

/// [`name_start`] given whether `words` have [`vietnamese_shape`], for two words or more.
fn name_start_shaped(words: &[&str], shaped: bool) -> usize {
    let mut buf = [0; 32];
    let lowered;
    let first: &str = match lower_in(words[0], &mut buf) {
        Some(first) => first,
        None => {
            lowered = words[0].to_lowercase();
            &lowered
        }
    };
    // "Tổng Cục …" folds like the surname "Tống": an institution's head word is no surname.
    if shaped && !INSTITUTION_HEADS.contains(&first) {
        return 0;
    }
    // An agency's acronym before a name: "ITAR-TASS Sergei Mikhailov".
    let acronym = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let lead = words.iter().take_while(|w| acronym(w)).count();
    if lead > 0 && words.len() - lead >= 2 {
        return lead;
    }
    // A company's or brand's name before a full Vietnamese name: "Vingroup Phạm Nhật Vượng".
    if words.len() >= 4 && !folds_to_surname(words[0]) {
        let tail = &words[words.len() - 3..];
        if vietnamese_shape(tail)
            && tail.iter().any(|w| has_vietnamese_letters(w))
            && !words[..words.len() - 3]
                .iter()
                .any(|w| has_vietnamese_letters(w))
        {
            return words.len() - 3;
        }
    }
    if !INSTITUTION_WORDS.contains(&first) {
        return 0;
    }
    // The last Vietnamese-shaped tail of two to four words.
    for k in 1..words.len() {
        if vietnamese_shape(&words[k..]) {
            return k;
        }
    }
    // No name after it: the whole run names an institution ("Bộ Công Thương"), unless its first
    // word only sometimes heads one ("Tập Cận Bình").
    if INSTITUTION_HEADS.contains(&first) {
        words.len()
    } else {
        0
    }
}

/// The office given beside a name, after it ("bà Lydia Samarbakhsh, Ủy viên … Đảng Cộng sản
/// Pháp") or before it ("Tổng lãnh sự Nga tại San Francisco, ông Sergei Petrov"): the country
/// and role of that phrase.
fn apposition(
    text: &str,
    tags: &[Tag],
    name_end: usize,
    sentence_end: usize,
    sentence_start: usize,
    lead_start: usize,
) -> (Option<String>, Option<String>) {
    let after = text.get(name_end..sentence_end).unwrap_or("");
    if after.trim_start().starts_with(',') {
        let stop = after[1..]
            .find([',', ';', '(', ')'])
            .map_or(sentence_end, |i| name_end + 1 + i)
            .min(name_end + 160);
        if let Some(found) = title_and_country(text, tags, name_end, stop) {
            return found;
        }
    }
    let before = text.get(sentence_start..lead_start).unwrap_or("");
    if before.trim_end().ends_with(',') {
        let end = sentence_start + before.trim_end().len() - 1;
        let start = before[..end - sentence_start]
            .rfind([',', ';', '('])
            .map_or(sentence_start, |i| sentence_start + i + 1)
            .max(end.saturating_sub(160));
        if let Some(found) = title_and_country(text, tags, start, end) {
            return found;
        }
    }
    (None, None)
}

/// Words that end a title phrase: what follows them is no longer the holder's office but what
/// the holder does or where ("Tổng Bí thư CPI sang thăm … Việt Nam").
const PHRASE_BREAKERS: &[&str] = &[
    "sang", "thăm", "làm", "đã", "sẽ", "đang", "vừa", "tới", "đến", "tại", "ở", "cho", "với", "về",
    "khi", "là", "được", "gặp", "tiếp", "nói", "dẫn", "theo", "trong", "trước", "sau", "cùng",
    "đàm",
];

/// A title followed, within the span, by a country, a national organization or a place of
/// the country's government ("Phát ngôn viên Nhà Trắng"; not a posting "tại Bangkok").
fn title_and_country(
    text: &str,
    tags: &[Tag],
    start: usize,
    end: usize,
) -> Option<(Option<String>, Option<String>)> {
    let inside: Vec<&Tag> = tags_in(tags, start, end).collect();
    // The first title whose phrase names a country.
    inside.iter().enumerate().find_map(|(k, title)| {
        let TagKind::Title { role, .. } = &title.kind else {
            return None;
        };
        let country = inside.iter().skip(k + 1).find_map(|t| {
            // The country belongs to the title phrase: only an institution's name stands
            // between them ("Tổng Bí thư CPI sang thăm … tại Việt Nam" names no country of the
            // holder).
            let gap = text.get(title.end..t.start).unwrap_or("x");
            let in_phrase = !gap.contains([',', ';', ':', '(', ')'])
                && gap.split_whitespace().count() <= 10
                && !gap
                    .split_whitespace()
                    .any(|w| PHRASE_BREAKERS.iter().any(|b| lower_eq(w, b)));
            let before = text.get(..t.start).unwrap_or("").trim_end();
            if !in_phrase || after_locative(before, &["tại", "ở", "đến", "tới", "sang"]) {
                return None;
            }
            placed_country(&t.kind).map(str::to_string)
        })?;
        Some((Some(country), Some(role.clone())))
    })
}

/// Recognizes the persons of `text` (a body), sentence by sentence.
pub fn recognize(text: &str, sentences: &[(usize, usize)], tags: &[Tag]) -> Persons {
    let mut persons = Persons::default();
    let mut keys: Vec<NameKey> = Vec::new();
    // Persons named as officers of an international organization.
    let mut international_officers: Vec<usize> = Vec::new();
    // Buffers kept from one sentence, and one run, to the next.
    let mut toks = Vec::new();
    let mut found = Vec::new();
    let mut run_words: Vec<&str> = Vec::new();
    for &(s_start, s_end) in sentences {
        // Few sentences give a title's remit: the others are not searched for it before each
        // name.
        let remit_here = text.get(s_start..s_end).is_some_and(holds_remit);
        let stags = sentence_tags(tags, s_start, s_end);
        // Unnamed office holders: a title followed by a country and no name.
        runs(text, stags, s_start, s_end, &mut toks, &mut found);
        for run in &found {
            run_words.clear();
            run_words.extend(
                toks.get(run.from..run.to)
                    .unwrap_or(&[])
                    .iter()
                    .map(|t| t.text),
            );
            let (skip, run_shaped) = name_start(&run_words);
            let words: &[&str] = &run_words[skip..];
            if words.is_empty() {
                continue;
            }
            // Whether the name has a Vietnamese name's shape, asked at most once.
            let shape = std::cell::OnceCell::new();
            let shaped = || {
                *shape.get_or_init(|| {
                    if skip == 0 {
                        run_shaped
                    } else {
                        vietnamese_shape(words)
                    }
                })
            };
            // Where the name starts in the text.
            let name_from = if skip == 0 {
                run.start
            } else {
                text.get(run.start..run.end)
                    .and_then(|s| s.find(words[0]))
                    .map_or(run.start, |i| run.start + i)
            };
            let remit = remit_here
                .then(|| remit_clause(text, tags, s_start, run.start))
                .flatten();
            let lead = if let Some(at) = remit {
                // "Đặc phái viên Mỹ phụ trách vấn đề Venezuela Elliott Abrams": the title phrase
                // ends before the remit.
                let mut l = lead_before(text, stags, at, s_start);
                if l.start.is_none() {
                    l = lead_before(text, stags, run.start, s_start);
                } else if l.country.is_none() && !l.international {
                    // "… phụ trách châu Á của Bộ Ngoại giao Brazil": a country the remit says
                    // the office belongs to.
                    l.country = owner_in_remit(text, tags, at, run.start);
                }
                l
            } else if skip == 0 {
                lead_before(text, stags, run.start, s_start)
            } else {
                let mut l = lead_before(text, stags, run.start, s_start);
                l.start = l.start.or(Some(run.start));
                l
            };
            let mut name = words.join(" ");
            // Most names have no dash: skip the two copying replacements for them.
            if name.contains(['-', '–']) {
                name = name.replace(" - ", "-").replace(" – ", "-");
            }
            let known = person_alias(&name);
            let titled = !lead.roles.is_empty() || lead.honorific;
            let existing = persons.resolve(&keys, words);
            // "ông Trump", "Tổng thống Putin": a surname alone after a title or a word of
            // address is the one known office holder of that surname whose country the text
            // names.
            let known = known.or_else(|| match words {
                [word]
                    if titled
                        && existing.is_none()
                        && lead.country.is_none()
                        && lone_surname(word, text.get(run.end..s_end).unwrap_or("")) =>
                {
                    holder_named_anywhere(word, tags)
                }
                _ => None,
            });
            let is_person = existing.is_some()
                || known.is_some()
                || (titled
                    && (words.len() >= 2
                        || lead.roles.len() + usize::from(lead.honorific) >= 1
                            && words.len() == 1
                            && known.is_some()))
                || (titled && words.len() == 1 && lead.country.is_some())
                // A full Vietnamese name needs no title: "Lê Thanh Thiện đã làm đơn kháng cáo".
                || (words.len() >= 3
                    && shaped()
                    && words.iter().any(|w| has_vietnamese_letters(w))
                    && !INSTITUTION_WORDS.iter().any(|i| lower_eq(words[0], i))
                    && !alone_on_line(text, name_from, run.end));
            if !is_person || words.len() > 6 || after_place_noun(text, s_start, name_from) {
                continue;
            }
            let (apposition_country, apposition_role) = apposition(
                text,
                tags,
                run.end,
                s_end,
                s_start,
                lead.start.unwrap_or(name_from),
            );
            // An officer of an international organization acts for no country, whatever office
            // of a state the same person held before.
            // The office the title names, when the reference data knows this holder in it:
            // "Chủ tịch Hội đồng châu Âu Donald Tusk" acts for the European Union, not for the
            // state he led before.
            let office_term = known.and_then(|_| {
                biennien_gazetteer::gazetteer()
                    .person_terms(&name)
                    .into_iter()
                    .rev()
                    .find(|h| lead.roles.iter().any(|r| r == h.role))
            });
            let international =
                lead.international || office_term.is_some_and(|h| h.country.is_none());
            let country = if international {
                None
            } else {
                lead.country
                    .clone()
                    .or_else(|| known.and_then(|k| k.country.map(str::to_string)))
                    .or(apposition_country)
                    .or_else(|| {
                        delegation_country(text, tags, s_start, lead.start.unwrap_or(name_from))
                    })
                    .or_else(|| affiliation_country(text, tags, run.end, s_end))
                    .or_else(|| {
                        // A title of Vietnam's state gives Vietnam to a name that may be
                        // Vietnamese, not to "Thứ trưởng hải quân Thomas Modly".
                        let foreign = !shaped() && !words.iter().any(|w| has_vietnamese_letters(w));
                        (lead.vietnamese_title && !foreign || shaped()).then(|| "VN".to_string())
                    })
            };
            let role = lead.roles.last().cloned().or(apposition_role);
            // The person, and whether its names changed (a new person's have).
            let (idx, renamed) = match existing {
                Some(i) => {
                    let p = &mut persons.list[i];
                    // The key holds the folded words of the person's name.
                    let canonical_words = &keys[i].words;
                    let this = words_of(&name);
                    let mut renamed = false;
                    if this.len() > canonical_words.len() && this.ends_with(canonical_words) {
                        // A fuller form appears later: it becomes canonical.
                        let old = std::mem::replace(&mut p.name, name.clone());
                        p.aliases.push(old);
                        renamed = true;
                    } else if words.len() >= 2 && {
                        // The name is folded once; the person's names are compared with it
                        // character by character, without folded copies.
                        let folded = fold(&name);
                        !folds_to(&p.name, &folded)
                            && !p.aliases.iter().any(|a| folds_to(a, &folded))
                    } {
                        p.aliases.push(name.clone());
                        renamed = true;
                    }
                    if p.country.is_none() {
                        p.country = country.clone();
                    }
                    (i, renamed)
                }
                None => {
                    // A single word is a person only right after a title and a country
                    // ("Tổng thống Nga Putin"); the reference data may then know the full name.
                    let surname_of = match (words, &lead.country) {
                        ([word], Some(code))
                            if known.is_none()
                                && !lead.roles.is_empty()
                                && lone_surname(word, text.get(run.end..s_end).unwrap_or("")) =>
                        {
                            Some(holder_by_surname(Some(code), word))
                        }
                        _ => None,
                    };
                    if words.len() == 1 && known.is_none() && surname_of.is_none() {
                        // A single word that refers to nobody named: an unnamed title holder
                        // is not made from it.
                        continue;
                    }
                    let known = known.or(surname_of.flatten());
                    // A full name as the article spells it stays the name ("Prayuth Chan-ocha"),
                    // with the reference spelling beside it; initials and single words take the
                    // reference name ("D.A. Medvedev").
                    let spelled_out = words.len() >= 2
                        && words
                            .iter()
                            .all(|w| !w.contains('.') && w.chars().count() >= 2);
                    let reference = known.map(|k| k.name.to_string());
                    let canonical = match &reference {
                        Some(r) if !spelled_out => r.clone(),
                        _ => name.clone(),
                    };
                    let mut aliases = Vec::new();
                    for other in [Some(name.clone()), reference].into_iter().flatten() {
                        let folded = fold(&other);
                        if !folds_to(&canonical, &folded)
                            && !aliases.iter().any(|a: &String| folds_to(a, &folded))
                        {
                            aliases.push(other);
                        }
                    }
                    persons.list.push(PersonEntry {
                        name: canonical,
                        country: country.clone(),
                        roles: Vec::new(),
                        aliases,
                        mentions: Vec::new(),
                    });
                    (persons.list.len() - 1, true)
                }
            };
            if international {
                international_officers.push(idx);
            }
            if renamed {
                renew_key(&mut keys, &persons.list, idx);
            }
            let p = &mut persons.list[idx];
            for r in &lead.roles {
                if !p.roles.contains(r) {
                    p.roles.push(r.clone());
                }
            }
            p.mentions.push((name_from, run.end));
            persons.mentions.push(Mention {
                start: lead.start.unwrap_or(name_from),
                end: run.end,
                person: Some(idx),
                role,
                country,
            });
        }
        unnamed_holders(text, tags, s_start, s_end, &mut persons);
    }
    bare_titles(text, tags, &mut persons);
    foreigners_of_the_story(tags, &mut persons, &international_officers);
    persons.mentions.sort_by_key(|m| m.start);
    persons
}

/// The known office holder named `name`, as the reference data's own look-up finds it; names
/// whose key cannot be one of a holder's (see [`key_last_word`]) are not looked up.
fn person_alias(name: &str) -> Option<&'static OfficeHolder> {
    let mut buf = [0; 64];
    if key_last_word(name, &mut buf).is_some_and(|w| !holder_key_words().contains(w)) {
        return None;
    }
    biennien_gazetteer::gazetteer().person_alias(name)
}

/// The last word of the reference data's look-up key of `name` (its characters folded, NULs
/// dropped, every run of other characters than letters and digits a break) when that word
/// and the break before it fold to ASCII: `None` when they do not, or when the key is empty,
/// or when the word does not fit `buf`.
fn key_last_word<'b>(name: &str, buf: &'b mut [u8; 64]) -> Option<&'b str> {
    let mut n = buf.len();
    for c in name.chars().rev() {
        let f = biennien_text::fold_char(c);
        if f == '\0' {
            continue;
        }
        if !f.is_ascii() {
            return None;
        }
        if f.is_ascii_alphanumeric() {
            n = n.checked_sub(1)?;
            *buf.get_mut(n)? = f as u8;
        } else if n < buf.len() {
            break;
        }
    }
    if n == buf.len() {
        return None;
    }
    std::str::from_utf8(buf.get(n..)?).ok()
}

/// Every word that can end the look-up key of a known office holder's name or alias: the
/// [`key_last_word`] of each, or, for a name it gives none for, every run of ASCII letters and
/// digits among its folded characters (which holds the key's last word whenever that word is
/// ASCII, as a name's [`key_last_word`] is).
fn holder_key_words() -> &'static FastSet<String> {
    static WORDS: OnceLock<FastSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = FastSet::default();
        for h in biennien_gazetteer::gazetteer().office_holders_all() {
            for name in std::iter::once(&h.name).chain(h.aliases.iter()) {
                let mut buf = [0; 64];
                if let Some(w) = key_last_word(name, &mut buf) {
                    words.insert(w.to_string());
                    continue;
                }
                let mut run = String::new();
                for f in name.chars().map(biennien_text::fold_char) {
                    if f == '\0' {
                        continue;
                    }
                    if f.is_ascii_alphanumeric() {
                        run.push(f);
                    } else if !run.is_empty() {
                        words.insert(std::mem::take(&mut run));
                    }
                }
                if !run.is_empty() {
                    words.insert(run);
                }
            }
        }
        words
    })
}

/// Lower-case nouns after which a capitalized run names a place ("vùng Thái Bình Dương",
/// "tỉnh Thái Bình", "đảo Phú Quốc").
const PLACE_NOUNS: &[&str] = &[
    "phường",
    "xã",
    "làng",
    "trường",
    "chùa",
    "đền",
    "cầu",
    "lăng",
    "nhà",
    "tượng",
    "giải",
    "quỹ",
    "tàu",
    "viên",
    "hồ",
    "bến",
    "học",
    "THPT",
    "THCS",
    "vùng",
    "khu",
    "vực",
    "miền",
    "tỉnh",
    "huyện",
    "quận",
    "phố",
    "bang",
    "đảo",
    "biển",
    "vịnh",
    "sông",
    "núi",
    "đường",
    "cảng",
    "sân",
    "bay",
];

/// Whether `[start, end)` stands alone on its line, or ends the body, but for a bracketed note:
/// a byline ("Hoàng Anh Tuấn (TTXVN)"), not a person of the story.
fn alone_on_line(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before = text[line_start..start].trim();
    let after = text[end..line_end].trim();
    let note_only = after.is_empty() || after.starts_with('(') && after.ends_with(')');
    // Or the very last words of the body, after the story's last sentence.
    let last = note_only && text[line_end..].trim().is_empty();
    before.is_empty() && (note_only || after == ".") || last
}

/// Whether the word right before `at` is one of [`PLACE_NOUNS`], in lower case.
fn after_place_noun(text: &str, s_start: usize, at: usize) -> bool {
    let before = text.get(s_start..at).unwrap_or("").trim_end();
    let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
    PLACE_NOUNS.contains(&word)
}

/// The words that open a title's remit ("Đặc phái viên … phụ trách …").
const REMIT: &str = "phụ trách";

/// A searcher for [`REMIT`] from the end, built once: a fresh one for every candidate name
/// would cost more than the search.
fn remit_finder() -> &'static memchr::memmem::FinderRev<'static> {
    static FINDER: OnceLock<memchr::memmem::FinderRev<'static>> = OnceLock::new();
    FINDER.get_or_init(|| memchr::memmem::FinderRev::new(REMIT))
}

/// Whether `sentence` holds [`REMIT`] anywhere: when it does not, [`remit_clause`] finds none
/// before any of its words.
fn holds_remit(sentence: &str) -> bool {
    static FINDER: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    FINDER
        .get_or_init(|| memchr::memmem::Finder::new(REMIT))
        .find(sentence.as_bytes())
        .is_some()
}

/// Where a title's remit clause starts when one stands right before `at`: "phụ trách" and a few
/// words with no title or punctuation in them ("… phụ trách các vấn đề nhân đạo Valerie Amos").
fn remit_clause(text: &str, tags: &[Tag], s_start: usize, at: usize) -> Option<usize> {
    let before = text.get(s_start..at)?;
    let from = before.floor_char_boundary(before.len().saturating_sub(90));
    let k = from + remit_finder().rfind(&before.as_bytes()[from..])?;
    let clause = &before[k + REMIT.len()..];
    let plain = !clause.contains([',', '.', ';', ':', '(', ')', '"'])
        && clause
            .split_whitespace()
            .filter(|w| !matches!(*w, "-" | "–"))
            .count()
            <= 10
        && tags_in(tags, s_start + k, at)
            .all(|t| !matches!(t.kind, TagKind::Title { .. } | TagKind::Honorific));
    plain.then_some(s_start + k)
}

/// The country named after "của" in a remit clause `[start, end)`, directly or through a
/// national institution.
fn owner_in_remit(text: &str, tags: &[Tag], start: usize, end: usize) -> Option<String> {
    let k = start + text.get(start..end)?.rfind(" của ")?;
    tags_in(tags, k, end).find_map(|t| named_country(&t.kind).map(str::to_string))
}

/// Words that open a description of who a person is, after the name: a nationality
/// ("người Indonesia", "công dân Triều Tiên") or an affiliation ("chuyên gia … thuộc …",
/// "giáo sư của đại học … tại Seoul").
const DESCRIPTORS: &[&str] = &[
    "người",
    "công dân",
    "cư dân",
    "chuyên gia",
    "giáo sư",
    "phó giáo sư",
    "nhà nghiên cứu",
    "nhà phân tích",
    "học giả",
    "giảng viên",
    "luật sư",
    "nhà báo",
    "phóng viên",
    "của",
    "thuộc",
];

/// The descriptor among [`DESCRIPTORS`] that opens `rest`, in any case, followed by a space or
/// a comma.
fn descriptor_opening(rest: &str) -> Option<&'static str> {
    // Only a text whose first letter, lower-cased, opens a descriptor can open with one: the
    // others are not lower-cased.
    let first = rest.chars().next()?;
    let first = lower_char(first);
    if !DESCRIPTORS.iter().any(|d| d.starts_with(first)) {
        return None;
    }
    let mut buf = [0; 32];
    let lower = lower_cow(rest.get(..rest.floor_char_boundary(24))?, &mut buf);
    DESCRIPTORS
        .iter()
        .find(|d| lower.starts_with(*d) && lower[d.len()..].starts_with([' ', ',']))
        .copied()
}

/// The country of the description right after a name (`[name_end, sentence_end)`): a
/// nationality, or the country where the person's institution is ("… ở Mỹ", "… (Singapore)",
/// "… tại Seoul"). A country the person studies ("chuyên gia về Nga") is not it.
fn affiliation_country(
    text: &str,
    tags: &[Tag],
    name_end: usize,
    sentence_end: usize,
) -> Option<String> {
    let after = text.get(name_end..sentence_end)?;
    let rest = after.trim_start_matches([',', ' ']);
    let descriptor = descriptor_opening(rest)?;
    let start = name_end + (after.len() - rest.len());
    // The description is read up to 200 bytes on, within the sentence.
    let end = (start + 200).min(sentence_end);
    let end = text.floor_char_boundary(end);
    let nationality = matches!(descriptor, "người" | "công dân" | "cư dân");
    tags_in(tags, start, end).find_map(|t| {
        let code = placed_country(&t.kind)?;
        let before = text.get(start..t.start)?.trim_end();
        if nationality {
            // "người Indonesia": the country right after the word.
            return (t.start - start <= descriptor.len() + 1).then(|| code.to_string());
        }
        let located = after_locative(before, &["ở", "tại"])
            || before.ends_with('(')
            || matches!(t.kind, TagKind::Organization { .. });
        located.then(|| code.to_string())
    })
}

/// Gives the story's one foreign country to the foreign-named persons the text places nowhere
/// else: residents, experts and lawyers quoted in a story set in that country ("ông Viktor
/// Glushko, một người dân 60 tuổi" in a report from Saint Petersburg). The country must
/// dominate the story's country and place names: at least three of them and twice as many as
/// any other foreign country.
fn foreigners_of_the_story(tags: &[Tag], persons: &mut Persons, international: &[usize]) {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for t in tags {
        let Some(code) = placed_country(&t.kind) else {
            continue;
        };
        if code == "VN" {
            continue;
        }
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some((_, n)) => *n += 1,
            None => counts.push((code, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let dominant = match counts.as_slice() {
        [(code, n), rest @ ..] if *n >= 3 && rest.first().is_none_or(|(_, m)| *n >= 2 * m) => {
            code.to_string()
        }
        _ => return,
    };
    for (i, p) in persons.list.iter_mut().enumerate() {
        // Sino-Vietnamese readings of Chinese names ("Bành Lệ Viên") count as foreign when the
        // surname is not a Vietnamese one. The name's shape is read only for a person with no
        // country.
        let foreign = || {
            let words: Vec<&str> = p.name.split_whitespace().collect();
            !vietnamese_shape(&words)
        };
        if p.country.is_none() && !international.contains(&i) && foreign() {
            p.country = Some(dominant.clone());
        }
    }
}

/// The country a tag names outright: an unambiguous country name, or a national organization.
fn named_country(kind: &TagKind) -> Option<&str> {
    match kind {
        TagKind::Country {
            code,
            ambiguous: false,
        } => Some(code),
        TagKind::Organization { country: Some(c) } => Some(c),
        _ => None,
    }
}

/// The country a tag names or places: [`named_country`], or the country of a city.
fn placed_country(kind: &TagKind) -> Option<&str> {
    match kind {
        TagKind::Place { country, .. } => Some(country),
        other => named_country(other),
    }
}

/// Whether `before` (the text up to a tag, trimmed) ends with one of `words` as a word: the tag
/// is then a posting or a destination, not the holder's country ("… tại Bangkok").
fn after_locative(before: &str, words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| before.strip_suffix(w).is_some_and(|b| b.ends_with(' ')))
}

/// The country of the delegation a name heads: "đoàn đại biểu Đảng Cộng sản Pháp do bà X
/// dẫn đầu", "đoàn Quốc hội Lào do ông Y làm trưởng đoàn".
fn delegation_country(text: &str, tags: &[Tag], s_start: usize, at: usize) -> Option<String> {
    let before = text.get(s_start..at)?.trim_end();
    let lower_do = before.strip_suffix(" do")?;
    // The delegation word, not too far back.
    let from = lower_do.len().saturating_sub(200);
    let window = lower_do.get(from..).unwrap_or(lower_do);
    let k = window.rfind("đoàn")?;
    let start = s_start + from + k;
    let end = s_start + lower_do.len();
    tags_in(tags, start, end).find_map(|t| named_country(&t.kind).map(str::to_string))
}

/// Letters only Vietnamese writes: a syllable, not a foreign surname ("Thống" in "Đảng Nước Nga
/// Thống nhất").
fn has_vietnamese_letters(word: &str) -> bool {
    const ONLY_VIETNAMESE: &str = "ăâđêôơưảạẻẹỉịỏọủụỷỵẳặẩậểệổộởợửựẫẵễỗỡữĩũỹằầềồờừắấếốớứỳ";
    // Every letter of the list is outside ASCII, and so is the lower case of any letter that
    // is: an ASCII word or letter is never one.
    !word.is_ascii()
        && word
            .chars()
            .flat_map(char::to_lowercase)
            .any(|c| !c.is_ascii() && ONLY_VIETNAMESE.contains(c))
}

/// Whether a single capitalized `word`, followed by `rest` of its sentence, may be a foreign
/// surname standing alone: letters only, not a Vietnamese syllable, not an acronym, and not
/// the first word of a longer name.
fn lone_surname(word: &str, rest: &str) -> bool {
    word.chars().all(char::is_alphabetic)
        && !has_vietnamese_letters(word)
        && word.chars().skip(1).any(char::is_lowercase)
        && !rest.trim_start().starts_with(char::is_uppercase)
}

/// The one known office holder whose name ends with `surname`, of `country` when one is given,
/// if exactly one person fits.
fn holder_by_surname(country: Option<&str>, surname: &str) -> Option<&'static OfficeHolder> {
    let key = fold(surname);
    let mut found: Option<&'static OfficeHolder> = None;
    for &(_, h) in holders_of_surname(&key) {
        if country.is_some_and(|c| h.country != Some(c)) {
            continue;
        }
        match found {
            Some(f) if f.name != h.name => return None,
            _ => found = Some(h),
        }
    }
    found
}

/// The known office holders whose name's last word folds to `key`, each beside that word, in
/// the order of the reference table.
fn holders_of_surname(key: &str) -> &'static [(String, &'static OfficeHolder)] {
    let index = surname_index();
    let lo = index.partition_point(|(k, _)| k.as_str() < key);
    let hi = index.partition_point(|(k, _)| k.as_str() <= key);
    &index[lo..hi.max(lo)]
}

/// Each office holder with its name's last word folded, sorted by that word, the holders of a
/// word in the order of the reference table. Folding every holder's name for every lone
/// surname would cost far more than the table, built once.
fn surname_index() -> &'static [(String, &'static OfficeHolder)] {
    static INDEX: OnceLock<Vec<(String, &'static OfficeHolder)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: Vec<(String, &'static OfficeHolder)> = biennien_gazetteer::gazetteer()
            .office_holders_all()
            .iter()
            .map(|h| (fold(h.name.rsplit([' ', '-']).next().unwrap_or("")), h))
            .collect();
        // A stable sort keeps the table's order among the holders of one surname.
        index.sort_by(|a, b| a.0.cmp(&b.0));
        index
    })
}

/// The one known office holder, of any country, whose name ends with `surname`, when the text
/// names that holder's country (`tags`) and it is not Vietnam.
fn holder_named_anywhere(surname: &str, tags: &[Tag]) -> Option<&'static OfficeHolder> {
    let found = holder_by_surname(None, surname)?;
    // Vietnamese leaders are called by their given name, which many share.
    let country = found.country.filter(|c| *c != "VN")?;
    tags.iter()
        .any(|t| matches!(&t.kind, TagKind::Country { code, .. } if code == country))
        .then_some(found)
}

/// Verbs of saying, folded: what follows a speaker.
const SPEECH: &[&str] = &[
    "cho rang",
    "cho biet",
    "cho hay",
    "nhan dinh",
    "khang dinh",
    "nhan manh",
    "danh gia",
    "bay to",
    "nhac lai",
    "de nghi",
    "mong muon",
    "thong bao",
    "chia se",
    "noi",
    "phat bieu",
    "tuyen bo",
    "cam on",
    "chuc mung",
    "hoan nghenh",
    "tin tuong",
    "dong y",
    "nhat tri",
];

/// A title standing alone for a person named before: "Chủ tịch nước đã hội đàm với …",
/// "Tổng Bí thư, Chủ tịch nước đã hội kiến …". It refers to the one person of the article who
/// holds that office (the Vietnamese one, for an office of Vietnam's state, when there are
/// several). Plural and former holders ("hai Thủ tướng", "cựu Thủ tướng") refer to nobody.
fn bare_titles(text: &str, tags: &[Tag], persons: &mut Persons) {
    let mut spans: Vec<(usize, usize)> =
        persons.mentions.iter().map(|m| (m.start, m.end)).collect();
    spans.sort_unstable();
    let covered = |a: usize, b: usize| {
        let i = spans.partition_point(|&(s, _)| s <= a);
        spans[..i].iter().any(|&(_, e)| b <= e)
    };
    let titles: Vec<(usize, &Tag)> = tags
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.kind, TagKind::Title { .. }))
        .collect();
    let mut found: Vec<Mention> = Vec::new();
    let mut k = 0;
    while k < titles.len() {
        // A chain of titles joined by commas ends at its last title.
        let first = k;
        while k + 1 < titles.len()
            && titles[k + 1].0 == titles[k].0 + 1
            && text
                .get(titles[k].1.end..titles[k + 1].1.start)
                .is_some_and(|gap| gap.trim() == ",")
        {
            k += 1;
        }
        let (start, last) = (titles[first].1.start, titles[k].1);
        k += 1;
        let TagKind::Title { role, vietnamese } = &last.kind else {
            continue;
        };
        // Only a capitalized title names one holder; "ngoại trưởng ta" is a common noun.
        let capital = text[start..].chars().next().is_some_and(char::is_uppercase);
        if !capital || covered(start, last.end) {
            continue;
        }
        // What follows must not be a name, a country or an organization.
        let after = text.get(last.end..).unwrap_or("").trim_start();
        if after
            .chars()
            .next()
            .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            continue;
        }
        // The one holder the title may refer to, looked for before the words around it are
        // folded.
        let holders: Vec<usize> = (0..persons.list.len())
            .filter(|&i| {
                let p = &persons.list[i];
                p.roles.iter().any(|r| r == role) && p.mentions.iter().any(|&(s, _)| s < start)
            })
            .collect();
        let vietnamese_holders: Vec<usize> = holders
            .iter()
            .copied()
            .filter(|&i| persons.list[i].country.as_deref() == Some("VN"))
            .collect();
        let pick = match (holders.as_slice(), vietnamese_holders.as_slice()) {
            ([one], _) => Some(*one),
            (_, [one]) if *vietnamese => Some(*one),
            _ => None,
        };
        let Some(i) = pick else { continue };
        // A speaker is not a party: "Đại sứ cho hay …", "Phó Thủ tướng cho rằng …".
        let said = fold(&after[..after.floor_char_boundary(40)]);
        let said = ["cung ", "da ", "con ", "van "]
            .iter()
            .fold(said.as_str(), |s, w| s.strip_prefix(w).unwrap_or(s));
        if SPEECH.iter().any(|w| said.starts_with(w)) {
            continue;
        }
        let before = fold(&text[text.floor_char_boundary(start.saturating_sub(24))..start]);
        let word_before = before
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .unwrap_or("");
        if [
            "hai", "cac", "nhung", "cuu", "nguyen", "vi", "dong", "pho", "tan",
        ]
        .contains(&word_before)
        {
            continue;
        }
        found.push(Mention {
            start,
            end: last.end,
            person: Some(i),
            role: Some(role.clone()),
            country: persons.list[i].country.clone(),
        });
    }
    for m in found {
        if let Some(i) = m.person {
            persons.list[i].mentions.push((m.start, m.end));
            persons.list[i].mentions.sort_unstable();
        }
        persons.mentions.push(m);
    }
}

/// Title + country phrases with no name after them: "Tổng thống Peru", "Đại sứ Saudi Arabia tại
/// Việt Nam". They resolve to the named holder when the article names one.
fn unnamed_holders(text: &str, tags: &[Tag], s_start: usize, s_end: usize, persons: &mut Persons) {
    let mut in_sentence = tags_in(tags, s_start, s_end).peekable();
    while let Some(t) = in_sentence.next() {
        let TagKind::Title { role, .. } = &t.kind else {
            continue;
        };
        let Some(&next) = in_sentence.peek() else {
            continue;
        };
        let TagKind::Country { code, .. } = &next.kind else {
            continue;
        };
        let gap = text.get(t.end..next.start).unwrap_or("x");
        if !gap.trim().is_empty() {
            continue;
        }
        // Already the lead of a named mention?
        if persons
            .mentions
            .iter()
            .any(|m| m.start <= t.start && t.end <= m.end)
        {
            continue;
        }
        let person = persons.list.iter().position(|p| {
            p.country.as_deref() == Some(code.as_str()) && p.roles.iter().any(|r| r == role)
        });
        if let Some(i) = person {
            persons.list[i].mentions.push((t.start, next.end));
        }
        persons.mentions.push(Mention {
            start: t.start,
            end: next.end,
            person,
            role: Some(role.clone()),
            country: Some(code.clone()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_name_shapes() {
        assert!(vietnamese_shape(&["Bùi", "Thanh", "Sơn"]));
        assert!(vietnamese_shape(&["Tô", "Lâm"]));
        assert!(!vietnamese_shape(&["Antony", "Blinken"]));
        assert!(!vietnamese_shape(&["Hoa", "Kỳ"]));
    }

    /// A run as the first form of [`runs`] kept it, each word copied.
    #[derive(Debug, PartialEq)]
    struct FirstRun {
        start: usize,
        end: usize,
        words: Vec<String>,
        ends: Vec<usize>,
    }

    /// [`runs`] as first written, reading the tags of every word before asking whether it can
    /// be part of a name at all: the form the faster one must agree with.
    fn runs_as_first_written(text: &str, tags: &[Tag], start: usize, end: usize) -> Vec<FirstRun> {
        let toks = tokens(text, start, end);
        let mut out = Vec::new();
        let mut cur: Option<FirstRun> = None;
        let flush = |cur: &mut Option<FirstRun>, out: &mut Vec<FirstRun>| {
            if let Some(mut r) = cur.take() {
                // No particle at either end.
                while r.words.last().is_some_and(|w| !name_word(w)) {
                    r.words.pop();
                    r.ends.pop();
                }
                if let Some(&end) = r.ends.last() {
                    r.end = end;
                    out.push(r);
                }
            }
        };
        for (k, t) in toks.iter().enumerate() {
            // An ambiguous country name ("Nhật" in "Phạm Nhật Vượng") may be part of a name, but
            // not at its head before a foreign name ("Bộ Chỉ huy Hậu cần Mỹ Benjamin Griffin").
            let tagged = tag_at(tags, t.start).is_some_and(|tag| {
                let ambiguous = matches!(
                    tag.kind,
                    TagKind::Country {
                        ambiguous: true,
                        ..
                    }
                );
                !ambiguous
                    || cur.is_none()
                        && toks.get(k + 1).is_some_and(|n| {
                            capitalized(n.text)
                                && !has_vietnamese_letters(n.text)
                                && !VN_SURNAMES.contains(&fold(n.text).as_str())
                        })
            });
            // A one-word place name right after a title phrase and before more capitalized words
            // is a given name ("Đại sứ Cuba tại Việt Nam Orlando Hernández Guillén").
            let tagged = tagged
                && !(cur.is_none()
                    && k > 0
                    && tag_at(tags, t.start).is_some_and(|tag| {
                        matches!(tag.kind, TagKind::Place { .. })
                            && tag.start == t.start
                            && tag.end == t.end
                            && tag_at(tags, toks[k - 1].start).is_some_and(|p| {
                                matches!(p.kind, TagKind::Country { .. } | TagKind::Title { .. })
                            })
                    })
                    && toks.get(k + 1).is_some_and(|n| {
                        !t.closes && capitalized(n.text) && tag_at(tags, n.start).is_none()
                    }));
            // A one-word place name right after a name's words continues it ("Albert Rosario",
            // "Bành Lệ Viên"), unless the place is what the sentence goes on about.
            let tagged = tagged
                && !(k > 0
                    && cur.as_ref().is_some_and(|r| r.words.len() <= 3)
                    && !toks[k - 1].closes
                    && tag_at(tags, toks[k - 1].start).is_none()
                    && tag_at(tags, t.start).is_some_and(|tag| {
                        matches!(tag.kind, TagKind::Place { .. })
                            && tag.start == t.start
                            && tag.end == t.end
                    }));
            // After a particle a word of address is a name ("Bandar bin Sultan").
            let tagged = tagged
                && !(k > 0
                    && PARTICLES.contains(&toks[k - 1].text)
                    && cur.is_some()
                    && after_particle(tags, t.start));
            let cap = name_word(t.text);
            if cap && cur.is_some() && starts_noun(t.text, toks.get(k + 1).map(|n| n.text)) {
                flush(&mut cur, &mut out);
                continue;
            }
            // Particles may follow one another ("Ursula von der Leyen"); the chain must end in a
            // capitalized word.
            let particle = !cap
                && cur.is_some()
                && PARTICLES.contains(&t.text)
                && toks[k + 1..]
                    .iter()
                    .take(3)
                    .find(|n| !PARTICLES.contains(&n.text))
                    .is_some_and(|n| name_word(n.text) && after_particle(tags, n.start));
            if tagged || !(cap || particle) || t.opens && cur.is_some() {
                flush(&mut cur, &mut out);
                if tagged || !(cap || particle) {
                    continue;
                }
            }
            match cur.as_mut() {
                Some(r) => {
                    r.end = t.end;
                    r.words.push(t.text.to_string());
                    r.ends.push(t.end);
                }
                None => {
                    cur = Some(FirstRun {
                        start: t.start,
                        end: t.end,
                        words: vec![t.text.to_string()],
                        ends: vec![t.end],
                    })
                }
            }
            if t.closes {
                flush(&mut cur, &mut out);
            }
        }
        flush(&mut cur, &mut out);
        out
    }

    /// Sentences with names, particles, places after titles, ambiguous country names and
    /// nouns that end a name, beside the bodies of the sample articles.
    const RUN_SAMPLES: &str =
        "Thủ tướng Phạm Minh Chính tiếp Đại sứ Hungary tại Việt Nam Bálint Sándor. \
        Đại sứ Cuba tại Việt Nam Orlando Hernández Guillén cho biết. \
        Bà Ursula von der Leyen và ông Bandar bin Sultan đã gặp Tổng thống Nga Putin. \
        Bộ Chỉ huy Hậu cần Mỹ Benjamin Griffin, ông Phạm Nhật Vượng và Bành Lệ Viên. \
        Chủ tịch nước Lương Cường Huân chương Lao động (TTXVN) trao cho Jean - Claude Juncker. \
        Thủ tướng Prayuth Chan - ocha gặp Kang Kyung - hwa, al-Faisal và el-Sisi ở Bangkok. \
        Ông Albert Rosario nói: \"Việt Nam\" là đối tác; Tập Cận Bình và D.A. Medvedev.";

    #[test]
    fn runs_agree_with_their_first_form() {
        let mut bodies = vec![RUN_SAMPLES.to_string()];
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/sample/articles");
        if let Ok(entries) = std::fs::read_dir(dir) {
            for entry in entries.flatten() {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    bodies.push(text);
                }
            }
        }
        let mut compared = 0;
        for body in &bodies {
            let tags = crate::tags::tag(body);
            for s in crate::sentences::split(body) {
                let (mut toks, mut found) = (Vec::new(), Vec::new());
                runs(body, &tags, s.start, s.end, &mut toks, &mut found);
                let fast: Vec<FirstRun> = found
                    .iter()
                    .map(|r| FirstRun {
                        start: r.start,
                        end: r.end,
                        words: toks[r.from..r.to]
                            .iter()
                            .map(|t| t.text.to_string())
                            .collect(),
                        ends: toks[r.from..r.to].iter().map(|t| t.end).collect(),
                    })
                    .collect();
                let first = runs_as_first_written(body, &tags, s.start, s.end);
                compared += first.len();
                assert_eq!(fast, first, "{:?}", &body[s.start..s.end]);
            }
        }
        assert!(compared > 20, "{compared}");
    }

    #[test]
    fn sentence_tags_answer_as_all_tags() {
        let mut bodies = vec![RUN_SAMPLES.to_string()];
        bodies.extend(TOKEN_SAMPLES.iter().map(|t| t.to_string()));
        let mut found = 0;
        for body in &bodies {
            let tags = crate::tags::tag(body);
            let mut spans: Vec<(usize, usize)> = crate::sentences::split(body)
                .iter()
                .map(|s| (s.start, s.end))
                .collect();
            // Spans that start or end inside a tag.
            spans.extend(tags.iter().map(|t| (t.start + 1, t.end + 3)));
            spans.extend(tags.iter().map(|t| (t.start.saturating_sub(2), t.end - 1)));
            for (a, b) in spans {
                let b = b.min(body.len());
                let own = sentence_tags(&tags, a, b);
                for pos in a..b {
                    let expected = tag_at(&tags, pos).map(|t| (t.start, t.end));
                    assert_eq!(tag_at(own, pos).map(|t| (t.start, t.end)), expected);
                    found += usize::from(expected.is_some());
                    for to in pos..=b {
                        let all: Vec<usize> = starting_in(&tags, pos, to, |t| t.start)
                            .iter()
                            .map(|t| t.start)
                            .collect();
                        let mine: Vec<usize> = starting_in(own, pos, to, |t| t.start)
                            .iter()
                            .map(|t| t.start)
                            .collect();
                        assert_eq!(mine, all);
                    }
                }
            }
        }
        assert!(found > 100, "{found}");
    }

    /// [`tokens`] as first written, splitting with the standard library and trimming each word
    /// from both ends: the form the faster one must agree with.
    fn tokens_as_first_written(text: &str, start: usize, end: usize) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        tokens_read_with(
            text,
            (start, end),
            |s| s.split(char::is_whitespace),
            |word| {
                let not_alphanumeric = |c: char| !biennien_text::is_alphanumeric(c);
                let lead = word.len() - word.trim_start_matches(not_alphanumeric).len();
                (lead, word.trim_matches(not_alphanumeric))
            },
            &mut out,
        );
        out
    }

    fn token_fields(toks: &[Token<'_>]) -> Vec<(usize, usize, String, bool, bool)> {
        toks.iter()
            .map(|t| (t.start, t.end, t.text.to_string(), t.closes, t.opens))
            .collect()
    }

    /// Texts with every kind of white space, punctuation around words, spaced dashes, initials
    /// and letters outside ASCII at either end of a word.
    const TOKEN_SAMPLES: &[&str] = &[
        "ông D.A. Medvedev, Thủ tướng",
        "Thủ tướng Prayuth Chan - ocha và Kang Kyung - hwa - Bộ trưởng",
        "Jean - Claude Juncker (EU) nói: \"Được\"; ổn.",
        "a\u{a0}b\u{3000}c\u{1680}d\u{2009}e\u{85}f\u{2028}g\u{202f}h\u{205f}i\tj\nk\rl\u{b}m\u{c}n",
        "  hai  khoảng trắng ",
        "",
        " ",
        "-",
        "Ab -",
        "«Việt Nam» – “Hà Nội” … (TTXVN) 12/3, 4.5%",
        "ĐẶNG Thị Ngọc Thịnh; Nguyễn Xuân Phúc! Ơn? Ưng.",
        "\u{1e9e}ẞ Σοφία ΣΑΣ İzmir Ärger Łukasz 東京 😀smile😀",
        "x\u{a0}- y\u{a0}-\u{a0}z Kim Jong - un,",
        "Kim -  un Ab - Cd Jean - Claude Juncker, Hans - Peter - x Ab -\tcd Ab – cd –",
        "9a a9 ạb bạ (Ab) \"Đà\" 'x' D.A. Ư. x.y. 3,5 - – — … ... , ; Z",
        "Ab - cd.",
    ];

    #[test]
    fn whitespace_outside_ascii_starts_with_the_bytes_looked_at() {
        let mut found = 0;
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            if c.is_whitespace() {
                let mut buf = [0; 4];
                let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(matches!(lead, 0xC2 | 0xE1 | 0xE2 | 0xE3), "{c:?}");
                found += 1;
            }
        }
        assert!(found > 10, "{found}");
    }

    #[test]
    fn whitespace_split_agrees_with_the_standard_library() {
        for text in TOKEN_SAMPLES {
            let std: Vec<&str> = text.split(char::is_whitespace).collect();
            let fast: Vec<&str> = split_whitespace_chars(text, true).collect();
            assert_eq!(fast, std, "{text:?}");
            let wide = has_wide_space(text);
            let fast: Vec<&str> = split_whitespace_chars(text, wide).collect();
            assert_eq!(fast, std, "{text:?}");
        }
    }

    #[test]
    fn wide_space_is_found_as_by_decoding() {
        let mut wide = 0;
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            let text = format!("ab{c}cd");
            let expected = c.is_whitespace();
            assert_eq!(has_wide_space(&text), expected, "{c:?}");
            wide += usize::from(expected);
        }
        assert!(wide > 10, "{wide}");
        for text in TOKEN_SAMPLES {
            let expected = text.chars().any(|c| !c.is_ascii() && c.is_whitespace());
            assert_eq!(has_wide_space(text), expected, "{text:?}");
        }
    }

    #[test]
    fn ascii_whitespace_is_found_as_by_a_plain_search() {
        // Every byte below 0x80 at every place of a text longer than one read of eight,
        // among letters, marks outside ASCII and other control characters.
        let fillers = [
            "abcdefghijklmnopqrst",
            "ạ\u{1}ễ\u{1f}đ!\u{0}Ư\u{7f}xyzĐặng~",
            "\u{20}\u{21}",
        ];
        for filler in fillers {
            let base = filler.as_bytes();
            for b in 0u8..0x80 {
                for at in 0..base.len() {
                    let mut bytes = base.to_vec();
                    bytes.insert(at, b);
                    let plain = bytes
                        .iter()
                        .position(|&b| matches!(b, b' ' | b'\t'..=b'\r'));
                    assert_eq!(first_ascii_whitespace(&bytes), plain, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn tokens_agree_with_their_first_form() {
        let mut texts: Vec<String> = TOKEN_SAMPLES.iter().map(|t| t.to_string()).collect();
        texts.push(RUN_SAMPLES.to_string());
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/sample/articles");
        if let Ok(entries) = std::fs::read_dir(dir) {
            for entry in entries.flatten() {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    texts.push(text);
                }
            }
        }
        for text in &texts {
            // The whole text, and spans that start and end inside it.
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let step = (bounds.len() / 7).max(1);
            let mut spans = vec![(0, text.len())];
            for (i, &a) in bounds.iter().enumerate().step_by(step) {
                spans.push((a, bounds[(i + 3 * step).min(bounds.len() - 1)]));
            }
            for (a, b) in spans {
                assert_eq!(
                    token_fields(&tokens(text, a, b)),
                    token_fields(&tokens_as_first_written(text, a, b)),
                    "{:?}",
                    &text[a..b]
                );
            }
        }
    }

    /// Words of every kind the name tests meet: Vietnamese syllables with and without marks,
    /// foreign names, acronyms, particles, the nouns that end a name, digits, odd case.
    const WORD_POOL: &[&str] = &[
        "Bùi",
        "Thanh",
        "Sơn",
        "Tô",
        "Lâm",
        "Nguyễn",
        "Phú",
        "Trọng",
        "Trong",
        "Hoa",
        "Kỳ",
        "Antony",
        "Blinken",
        "Le",
        "Van",
        "Ho",
        "Tong",
        "Tổng",
        "Cục",
        "Huân",
        "chương",
        "HUÂN",
        "Chương",
        "Huy",
        "hiệu",
        "Bằng",
        "khen",
        "Kỷ",
        "niệm",
        "\u{212A}ỷ",
        "Nhà",
        "nước",
        "Lễ",
        "đón",
        "Điện",
        "mừng",
        "Công",
        "hàm",
        "Đoàn",
        "đại",
        "NATO",
        "ITAR-TASS",
        "al-Faisal",
        "D.A",
        "Medvedev",
        "X",
        "Ab",
        "Abcdefg",
        "Abcdefgh",
        "Ơn",
        "Ưng",
        "Đặng",
        "ĐẶNG",
        "Σοφία",
        "ΣΑΣ",
        "İzmir",
        "Ärger",
        "Łukasz",
        "Phạm3",
        "",
        "a",
        "von",
        "Nhật",
        "Vượng",
        "Lương",
        "Cường",
        "Thủ",
        "tướng",
    ];

    fn vietnamese_shape_as_first_written(words: &[&str]) -> bool {
        (2..=4).contains(&words.len())
            && words
                .first()
                .is_some_and(|w| VN_SURNAMES.contains(&fold(w).as_str()))
            && words.iter().all(|w| {
                capitalized(w)
                    && w.chars().all(char::is_alphabetic)
                    && w.chars().count() <= 7
                    && !w.chars().skip(1).any(char::is_uppercase)
            })
            && words.iter().any(|w| fold(w) != w.to_lowercase())
    }

    fn has_vietnamese_letters_as_first_written(word: &str) -> bool {
        const ONLY_VIETNAMESE: &str = "ăâđêôơưảạẻẹỉịỏọủụỷỵẳặẩậểệổộởợửựẫẵễỗỡữĩũỹằầềồờừắấếốớứỳ";
        word.chars()
            .flat_map(char::to_lowercase)
            .any(|c| ONLY_VIETNAMESE.contains(c))
    }

    fn starts_noun_as_first_written(word: &str, next: Option<&str>) -> bool {
        let lower_is = |w: &str, l: &str| w.chars().flat_map(char::to_lowercase).eq(l.chars());
        NOUN_AFTER_NAME.iter().any(|(a, bs)| {
            lower_is(word, a) && next.is_some_and(|n| bs.iter().any(|b| lower_is(n, b)))
        })
    }

    #[test]
    fn folds_and_lower_cases_in_a_buffer_agree_with_the_copying_ones() {
        let long = "Abcdefghijklmnopqrstuvwxyzabcdefgh";
        let mut fitted = 0;
        for w in WORD_POOL
            .iter()
            .copied()
            .chain([long, "ẞ", "Σ", "ΑΣ", "İİİİİİİİİİİİİİİ"])
        {
            let mut buf = [0; 32];
            if let Some(f) = fold_in(w, &mut buf) {
                assert_eq!(f, fold(w), "{w:?}");
                fitted += 1;
            }
            let mut buf = [0; 32];
            if let Some(l) = lower_in(w, &mut buf) {
                assert_eq!(l, w.to_lowercase(), "{w:?}");
            }
            assert_eq!(
                folds_to_surname(w),
                VN_SURNAMES.contains(&fold(w).as_str()),
                "{w:?}"
            );
            assert_eq!(
                folds_apart_from_lower_case(w),
                fold(w) != w.to_lowercase(),
                "{w:?}"
            );
        }
        assert!(fitted > 20, "{fitted}");
        assert!(fold_in(long, &mut [0; 32]).is_none());
        assert!(lower_in("ΑΣ", &mut [0; 32]).is_none());
    }

    #[test]
    fn name_tests_agree_with_their_first_form() {
        let mut shapes = 0;
        let mut nouns = 0;
        for &a in WORD_POOL {
            assert_eq!(
                has_vietnamese_letters(a),
                has_vietnamese_letters_as_first_written(a),
                "{a:?}"
            );
            assert_eq!(starts_noun(a, None), starts_noun_as_first_written(a, None));
            for &b in WORD_POOL {
                let fast = starts_noun(a, Some(b));
                assert_eq!(
                    fast,
                    starts_noun_as_first_written(a, Some(b)),
                    "{a:?} {b:?}"
                );
                nouns += usize::from(fast);
                let pair = [a, b];
                let fast = vietnamese_shape(&pair);
                assert_eq!(fast, vietnamese_shape_as_first_written(&pair), "{pair:?}");
                shapes += usize::from(fast);
                for &c in &WORD_POOL[..24] {
                    let triple = [a, b, c];
                    assert_eq!(
                        vietnamese_shape(&triple),
                        vietnamese_shape_as_first_written(&triple),
                        "{triple:?}"
                    );
                }
            }
        }
        // Both answers occur, so a test that always said no would fail.
        assert!(shapes > 10 && nouns > 5, "{shapes} {nouns}");
        for words in [&[][..], &["Bùi"], &["Bùi", "Thanh", "Sơn", "Tô", "Lâm"]] {
            assert_eq!(
                vietnamese_shape(words),
                vietnamese_shape_as_first_written(words)
            );
        }
    }

    /// The holders of a surname, read by folding every holder's name as the index replaces.
    fn holders_by_scan(key: &str) -> Vec<&'static str> {
        biennien_gazetteer::gazetteer()
            .office_holders_all()
            .iter()
            .filter(|h| fold(h.name.rsplit([' ', '-']).next().unwrap_or("")) == key)
            .map(|h| h.name)
            .collect()
    }

    #[test]
    fn surname_index_agrees_with_a_scan_of_the_holders() {
        let holders = biennien_gazetteer::gazetteer().office_holders_all();
        assert!(!holders.is_empty());
        let mut keys: Vec<String> = holders
            .iter()
            .map(|h| fold(h.name.rsplit([' ', '-']).next().unwrap_or("")))
            .collect();
        keys.extend(["", "zzzz", "a", "nguyen", "putin", "trump", "xi"].map(String::from));
        let mut several = 0;
        for key in &keys {
            let indexed: Vec<&str> = holders_of_surname(key)
                .iter()
                .map(|(_, h)| h.name)
                .collect();
            let scanned = holders_by_scan(key);
            several += usize::from(scanned.len() > 1);
            assert_eq!(indexed, scanned, "{key:?}");
        }
        // Some surnames are shared, so the order among holders of one surname is tested too.
        assert!(several > 0);
    }

    /// [`name_word`] as first written, asking for a capital before anything else.
    fn name_word_as_first_written(t: &str) -> bool {
        t.chars().next().is_some_and(char::is_uppercase)
            || t.len() > 3
                && t.as_bytes()[..t.len().min(6)].contains(&b'-')
                && t.split_once('-').is_some_and(|(article, rest)| {
                    (PARTICLES.contains(&article) || ARABIC_ARTICLES.contains(&article))
                        && rest.chars().next().is_some_and(char::is_uppercase)
                })
    }

    #[test]
    fn name_words_agree_with_their_first_form() {
        let words = [
            "",
            "a",
            "A",
            "al-Faisal",
            "el-Sisi",
            "bin-Salman",
            "ad-Din",
            "al-faisal",
            "xy-Zed",
            "Nguyễn",
            "nguyễn",
            "Đặng",
            "đặng",
            "Ưng",
            "ưng",
            "Ánh",
            "ánh",
            "Σοφία",
            "σοφία",
            "İzmir",
            "ẞ",
            "1990",
            "-Abc",
            "de-",
            "de-Gaulle",
            "von-Der",
            "al-Đức",
            "(Nam",
            "東京",
            "ul-Haq",
            "ash-Sharif",
            "as-Ẩn",
            "d'Estaing",
            "O'Neil",
            "Chan - ocha",
            "binti-Aziz",
            "abcd-Xyz",
            "abcde-Xyz",
            "y-Zed",
            "ibn-Saud",
            "a-b-Cd",
            "ter-Horst",
            "de-gaulle",
        ];
        let mut named = 0;
        for w in words {
            assert_eq!(name_word(w), name_word_as_first_written(w), "{w:?}");
            named += usize::from(name_word(w));
        }
        assert!(named > 10, "{named}");
    }

    #[test]
    fn remit_is_looked_for_only_where_the_sentence_holds_it() {
        let body = format!(
            "{RUN_SAMPLES} Đặc phái viên Mỹ phụ trách vấn đề Venezuela Elliott Abrams nói. \
             Ông Nguyễn Văn A, phụ trách châu Á của Bộ Ngoại giao Brazil, đến."
        );
        let tags = crate::tags::tag(&body);
        let mut found = 0;
        for s in crate::sentences::split(&body) {
            let holds = holds_remit(&body[s.start..s.end]);
            assert_eq!(holds, body[s.start..s.end].contains(REMIT));
            for at in (s.start..=s.end).filter(|&i| body.is_char_boundary(i)) {
                let remit = remit_clause(&body, &tags, s.start, at);
                assert!(holds || remit.is_none(), "{at}");
                found += usize::from(remit.is_some());
            }
        }
        assert!(found > 0);
    }

    #[test]
    fn letters_lower_case_as_by_the_standard_library() {
        let mut found = 0;
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            if let Some(l) = lower_letter(c) {
                let mut std = c.to_lowercase();
                assert_eq!((std.next(), std.next()), (Some(l), None), "{c:?}");
                found += 1;
            }
        }
        assert!(found > 500, "{found}");
        for w in WORD_POOL
            .iter()
            .chain(["ΣΑΣ", "İzmir", "ẞ", "\u{212A}elvin"].iter())
        {
            let mut buf = [0; 32];
            if let Some(l) = lower_in(w, &mut buf) {
                assert_eq!(l, w.to_lowercase(), "{w:?}");
            }
        }
    }

    #[test]
    fn words_fold_into_a_buffer_as_alone() {
        for w in WORD_POOL
            .iter()
            .chain(["", "A\u{301}nh", "x\0y", "ĐẶNG", "Œuvre", "東京", "ẞ"].iter())
        {
            let mut out = b"x ".to_vec();
            biennien_text::fold_bytes_into(w, &mut out);
            assert_eq!(out, format!("x {}", fold(w)).into_bytes(), "{w:?}");
        }
    }

    #[test]
    fn holders_are_looked_up_as_by_the_reference_data() {
        let g = biennien_gazetteer::gazetteer();
        let mut names: Vec<String> = Vec::new();
        for h in g.office_holders_all() {
            for name in std::iter::once(&h.name).chain(h.aliases.iter()) {
                names.push(name.to_string());
                names.push(name.to_uppercase());
                names.push(format!("{name}."));
                names.push(format!("({name})"));
                names.push(name.replace(' ', " - "));
                names.push(name.replace(' ', "–"));
                if let Some((_, last)) = name.rsplit_once(' ') {
                    names.push(last.to_string());
                    names.push(format!("Ông {last}"));
                }
            }
        }
        names.extend(WORD_POOL.iter().map(|w| w.to_string()));
        names.extend(
            [
                "Bộ Ngoại giao",
                "Trong",
                "Hà Nội",
                "x\0",
                "",
                "...",
                "Tập Cận Bình / 习近平",
            ]
            .iter()
            .map(|w| w.to_string()),
        );
        let mut known = 0;
        for name in &names {
            let expected = g.person_alias(name).map(|h| h.name);
            assert_eq!(person_alias(name).map(|h| h.name), expected, "{name:?}");
            known += usize::from(expected.is_some());
        }
        assert!(known > 100, "{known}");
        // The last word of the key, where one is given, is that of the reference data's key.
        for name in &names {
            let mut buf = [0; 64];
            if let Some(w) = key_last_word(name, &mut buf) {
                let words: Vec<String> = fold(name)
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect();
                assert_eq!(words.last().map(String::as_str), Some(w), "{name:?}");
            }
        }
    }

    #[test]
    fn title_chain_words_compare_as_lower_eq() {
        let mut pool: Vec<String> = WORD_POOL.iter().map(|w| w.to_string()).collect();
        for (_, last) in portfolios() {
            pool.push(last.to_string());
            pool.push(last.to_uppercase());
            pool.push(capitalize(last));
        }
        for c in CONNECTORS {
            pool.push(c.to_string());
            pool.push(c.to_uppercase());
        }
        pool.extend(
            [
                "TẠI",
                "Ở",
                "\u{212A}iêm",
                "Σ",
                "ΑΣ",
                "quânn",
                "quâ",
                "Abcdefghijklmnopqrstuvwxyzabcdefgh",
            ]
            .map(String::from),
        );
        let mut hits = 0;
        for w in &pool {
            let mut buf = [0; 32];
            let lowered = LowerWord::new(w, &mut buf);
            for l in portfolios()
                .iter()
                .map(|(_, last)| *last)
                .chain(CONNECTORS.iter().copied())
            {
                assert_eq!(lowered.is(l), lower_eq(w, l), "{w:?} {l:?}");
                hits += usize::from(lowered.is(l));
            }
            let by_each = portfolios()
                .iter()
                .enumerate()
                .filter(|(_, (_, last))| lower_eq(w, last))
                .fold(0u32, |set, (i, _)| set | 1 << i);
            assert_eq!(lowered.portfolios_ending(), by_each, "{w:?}");
        }
        assert!(hits > 40, "{hits}");
    }

    fn capitalize(w: &str) -> String {
        let mut cs = w.chars();
        cs.next()
            .map(|c| c.to_uppercase().chain(cs).collect())
            .unwrap_or_default()
    }

    #[test]
    fn name_start_tells_the_shape_of_the_run() {
        let mut shaped = 0;
        for &a in WORD_POOL {
            for &b in &WORD_POOL[..30] {
                for words in [&[a][..], &[a, b], &[a, b, "Sơn"], &["Bộ", a, b]] {
                    let (_, shape) = name_start(words);
                    assert_eq!(shape, vietnamese_shape(words), "{words:?}");
                    shaped += usize::from(shape);
                }
            }
        }
        assert!(shaped > 10, "{shaped}");
    }

    #[test]
    fn folded_names_compare_as_their_folds() {
        let names = [
            "Nguyễn Phú Trọng",
            "nguyen phu trong",
            "Đặng",
            "dang",
            "Prayuth Chan-ocha",
            "prayuth chan-ocha",
            "ẞ",
            "ss",
            "İzmir",
            "Σοφία",
            "a\u{0}b",
            "ab",
            "",
            "Ánh",
        ];
        let mut same = 0;
        for a in names {
            for b in names {
                let fb = fold(b);
                assert_eq!(folds_to(a, &fb), fold(a) == fb, "{a:?} {b:?}");
                same += usize::from(folds_to(a, &fb));
            }
        }
        assert!(same > names.len(), "{same}");
    }

    #[test]
    fn descriptors_are_found_as_by_lower_casing_the_text() {
        fn first_form(rest: &str) -> Option<&'static str> {
            let lower = rest.get(..rest.floor_char_boundary(24))?.to_lowercase();
            DESCRIPTORS
                .iter()
                .find(|d| lower.starts_with(*d) && lower[d.len()..].starts_with([' ', ',']))
                .copied()
        }
        let mut texts: Vec<String> = Vec::new();
        for d in DESCRIPTORS {
            for tail in [
                " Indonesia",
                ",",
                "",
                "x Nga",
                " của Bộ Ngoại giao Brazil tại Seoul",
            ] {
                texts.push(format!("{d}{tail}"));
                texts.push(format!("{}{tail}", d.to_uppercase()));
                texts.push(format!("{}{tail}", capitalize(d)));
            }
        }
        texts.extend(WORD_POOL.iter().map(|w| format!("{w} Nga")));
        texts.extend(
            [
                "",
                " người",
                "Σ người",
                "İ người",
                "\u{212A}hông",
                "1 người",
                "đang nói",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for t in &texts {
            assert_eq!(descriptor_opening(t), first_form(t), "{t:?}");
            found += usize::from(descriptor_opening(t).is_some());
        }
        assert!(found > 30, "{found}");
    }

    #[test]
    fn lower_case_into_a_buffer_or_a_copy_is_the_lower_case() {
        for w in WORD_POOL
            .iter()
            .copied()
            .chain(["Σ", "ΑΣ", "İİİİİİİİİİİİİİİİİİİİ", ""])
        {
            let mut buf = [0; 32];
            assert_eq!(lower_cow(w, &mut buf), w.to_lowercase(), "{w:?}");
        }
    }

    #[test]
    fn typo_distance() {
        assert_eq!(edit_distance("peter", "peters"), 1);
        assert_eq!(edit_distance("melani", "melanie"), 1);
    }

    #[test]
    fn tokens_keep_initials_and_close_on_commas() {
        let text = "ông D.A. Medvedev, Thủ tướng";
        let t = tokens(text, 0, text.len());
        let words: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(words, vec!["ông", "D.A", "Medvedev", "Thủ", "tướng"]);
        assert!(t[2].closes);
        assert!(!t[1].closes);
        // A dash at the very end is no join.
        assert_eq!(tokens("Ab -", 0, 4).len(), 1);
        // A spaced hyphen before a lower-case part joins one name; a dash between phrases does not.
        let text = "Thủ tướng Prayuth Chan - ocha và Kang Kyung - hwa - Bộ trưởng";
        let words: Vec<&str> = tokens(text, 0, text.len()).iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            vec![
                "Thủ",
                "tướng",
                "Prayuth",
                "Chan - ocha",
                "và",
                "Kang",
                "Kyung - hwa",
                "Bộ",
                "trưởng"
            ]
        );
    }
}
