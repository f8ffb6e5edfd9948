//! Standing facts of a bilateral relation: when relations were established, the partnership
//! level, trade volume, trade rank and aid, each with the sentence it was read from.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use biennien_text::{fold, is_alphanumeric};

use crate::dates::{DateMention, PartialDate, Said};
use crate::mapped::{find_str, has, within, Phrases};
use crate::money;
use crate::tags::{starting_in, TagKind};
use crate::Context;

/// A fact found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// `relations_established`, `partnership`, `trade_volume`, `trade_rank` or `aid`.
    pub kind: &'static str,
    /// The two countries, sorted.
    pub countries: Vec<String>,
    /// Date (relations established).
    pub date: Option<PartialDate>,
    /// Partnership level.
    pub level: Option<&'static str>,
    /// Amount (trade volume, aid).
    pub amount: Option<f64>,
    /// Currency code.
    pub currency: Option<&'static str>,
    /// Subject of a trade rank.
    pub subject: Option<String>,
    /// Rank.
    pub rank: Option<u32>,
    /// Donor of aid.
    pub donor: Option<String>,
    /// The sentence.
    pub evidence: (usize, usize),
}

impl Found {
    fn new(kind: &'static str, countries: Vec<String>, evidence: (usize, usize)) -> Self {
        let mut countries = countries;
        countries.sort();
        countries.dedup();
        Found {
            kind,
            countries,
            date: None,
            level: None,
            amount: None,
            currency: None,
            subject: None,
            rank: None,
            donor: None,
            evidence,
        }
    }
}

/// Countries named in `[start, end)` (by country tags, places, and persons' countries), in order.
fn countries_in(ctx: &Context<'_>, start: usize, end: usize) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for t in starting_in(ctx.tags, start, end, |t| t.start)
        .iter()
        .filter(|t| t.end <= end)
    {
        if let TagKind::Country { code, ambiguous } = &t.kind {
            if !ambiguous
                || country_context(ctx.text, t.start)
                || confirmed_elsewhere(ctx, code, t.start, t.end)
            {
                out.push((t.start, code.clone()));
            }
        }
        // A national party stands for its country ("Đảng Cộng sản Pháp").
        if let TagKind::Organization {
            country: Some(code),
        } = &t.kind
        {
            out.push((t.start, code.clone()));
        }
    }
    for m in starting_in(&ctx.persons.mentions, start, end, |m| m.start)
        .iter()
        .filter(|m| m.end <= end)
    {
        let c = m
            .person
            .and_then(|i| ctx.persons.list.get(i))
            .and_then(|p| p.country.clone())
            .or_else(|| m.country.clone());
        if let Some(c) = c {
            out.push((m.start, c));
        }
    }
    out.sort();
    out
}

/// Whether an ambiguous name of `code` at `[start, end)` reads as the country because the
/// article names that country plainly elsewhere ("Đức hiện là đối tác …" in an article that
/// says "Cộng hòa Liên bang Đức"): capitalized, not part of a person's name, not after an
/// honorific.
fn confirmed_elsewhere(ctx: &Context<'_>, code: &str, start: usize, end: usize) -> bool {
    if !ctx
        .text
        .get(start..end)
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
    {
        return false;
    }
    let in_name = starting_in(&ctx.persons.mentions, start.saturating_sub(64), end, |m| {
        m.start
    })
    .iter()
    .any(|m| m.start <= start && m.end >= end);
    if in_name {
        return false;
    }
    let from = ctx
        .text
        .get(..start)
        .unwrap_or("")
        .char_indices()
        .rev()
        .nth(7)
        .map_or(0, |(i, _)| i);
    let before = fold(ctx.text.get(from..start).unwrap_or(""));
    let honorific = before
        .split_whitespace()
        .last()
        .is_some_and(|w| ["ong", "ba", "anh", "chi", "em", "co", "chu", "bac"].contains(&w));
    if honorific {
        return false;
    }
    ctx.pair
        .as_ref()
        .is_some_and(|(a, b)| a == code || b == code)
        || ctx.tags.iter().any(|t| {
            matches!(&t.kind, TagKind::Country { code: c, ambiguous } if c == code
                && (!ambiguous || country_context(ctx.text, t.start)))
        })
}

/// Whether an ambiguous country name at `at` reads as a country: "Việt Nam - Anh", "nước Anh".
fn country_context(text: &str, at: usize) -> bool {
    let before = fold(text.get(at.saturating_sub(24)..at).unwrap_or(""));
    let b = before.trim_end();
    let capital = text
        .get(at..)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_uppercase);
    b.ends_with('-')
        || (capital && b.ends_with("cua"))
        || b.ends_with("nuoc")
        || b.ends_with("viet")
        || b.ends_with("va")
        || b.ends_with("voi")
}

/// The pair a sentence is about: two distinct countries in it, else one and Vietnam, else the
/// article's main pair when it says "hai nước".
fn pair_of(ctx: &Context<'_>, start: usize, end: usize, folded: &str) -> Option<Vec<String>> {
    let mut cs: Vec<String> = countries_in(ctx, start, end)
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    cs.dedup();
    let mut uniq: Vec<String> = Vec::new();
    for c in cs {
        if !uniq.contains(&c) {
            uniq.push(c);
        }
    }
    match uniq.len() {
        0 => {
            if has(folded, "hai nuoc")
                || has(folded, "song phuong")
                || has(folded, "hai ben")
                || has(folded, "hai chieu")
                || TRADE_WORDS.iter().any(|w| has(folded, w))
            {
                recent_pair(ctx, start)
            } else {
                None
            }
        }
        1 => {
            let only = uniq.remove(0);
            if only == "VN" {
                recent_pair(ctx, start)
            } else {
                Some(vec![only, "VN".to_string()])
            }
        }
        2 => Some(uniq),
        _ => {
            // More than two: Vietnam and the first other one, when Vietnam is among them.
            if uniq.iter().any(|c| c == "VN") {
                let other = uniq.iter().find(|c| *c != "VN")?.clone();
                Some(vec![other, "VN".to_string()])
            } else {
                None
            }
        }
    }
}

/// "Hai nước" refers to the pair of the passage: Vietnam and the last foreign country named in
/// the few sentences before, else the article's main pair.
fn recent_pair(ctx: &Context<'_>, start: usize) -> Option<Vec<String>> {
    let from = start.saturating_sub(600);
    let recent = countries_in(ctx, from, start)
        .into_iter()
        .map(|(_, c)| c)
        .rfind(|c| c != "VN");
    match recent {
        Some(c) => Some(vec![c, "VN".to_string()]),
        None => ctx.pair.clone().map(|(a, b)| vec![a, b]),
    }
}

/// The length of the folded copy of `ctx.text[start..end]` (char boundaries).
fn folded_len(ctx: &Context<'_>, start: usize, end: usize) -> usize {
    ctx.folded.at(end).saturating_sub(ctx.folded.at(start))
}

/// Partnership levels, folded phrase → level, most specific first.
const LEVELS: &[(&str, &str)] = &[
    (
        "doi tac chien luoc toan dien",
        "comprehensive_strategic_partnership",
    ),
    (
        "doi tac hop tac chien luoc toan dien",
        "comprehensive_strategic_partnership",
    ),
    ("doi tac chien luoc", "strategic_partnership"),
    ("doi tac hop tac chien luoc", "strategic_partnership"),
    ("doi tac toan dien", "comprehensive_partnership"),
];

/// What a trade rank is said with.
const RANK_PHRASES: &[&str] = &["doi tac thuong mai lon", "ban hang lon"];

/// What follows "đứng thứ N" when N is a rank among a country's trading partners ("đứng thứ 8
/// trong số các đối tác thương mại của Trung Quốc"); each also marks a sentence to read ranks in.
const STANDING_AMONG: &[&str] = &[
    "trong so cac doi tac thuong mai cua",
    "trong cac doi tac thuong mai cua",
    "trong so nhung doi tac thuong mai cua",
    "trong so cac ban hang cua",
];

const RANK_WORDS: &[(&str, u32)] = &[
    ("nhat", 1),
    ("hai", 2),
    ("ba", 3),
    ("tu", 4),
    ("nam", 5),
    ("sau", 6),
    ("bay", 7),
    ("tam", 8),
    ("chin", 9),
    ("muoi", 10),
];

/// The rank a folded word after "thứ" gives: a numeral ("8") or a number word ("tam").
fn rank_number(word: &str) -> Option<u32> {
    word.parse::<u32>()
        .ok()
        .or_else(|| RANK_WORDS.iter().find(|(k, _)| *k == word).map(|(_, n)| *n))
}

/// The words one of which every fact's sentence has (see `relations`, `partnership`,
/// `trade`, `rank` and `aid`), in the order of [`Group`].
fn fact_words() -> &'static Phrases {
    static P: OnceLock<Phrases> = OnceLock::new();
    P.get_or_init(|| {
        let established = ESTABLISHED.iter().copied();
        let levels = LEVELS.iter().map(|(p, _)| *p);
        let aid = AID_WORDS.iter().map(|w| format!(" {w} "));
        Phrases::new(
            established
                .chain(levels)
                .chain(TRADE_WORDS.iter().copied())
                .chain(RANK_PHRASES.iter().copied())
                .chain(STANDING_AMONG.iter().copied())
                .map(str::to_string)
                .chain(aid),
        )
    })
}

/// The kinds of fact word, each the words one reading of a sentence needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    /// [`ESTABLISHED`], for `relations`.
    Established,
    /// [`LEVELS`], for `partnership`.
    Level,
    /// [`TRADE_WORDS`], for `trade`.
    Trade,
    /// [`RANK_PHRASES`] and [`STANDING_AMONG`], for `rank`.
    Rank,
    /// [`AID_WORDS`] with a space on each side, for `aid`.
    Aid,
}

/// The group of the fact word with index `k` in [`fact_words`], and its index in its group.
fn group_of(k: usize) -> (Group, usize) {
    let sizes = [
        (Group::Established, ESTABLISHED.len()),
        (Group::Level, LEVELS.len()),
        (Group::Trade, TRADE_WORDS.len()),
        (Group::Rank, RANK_PHRASES.len() + STANDING_AMONG.len()),
    ];
    let mut k = k;
    for (g, n) in sizes {
        if k < n {
            return (g, k);
        }
        k -= n;
    }
    (Group::Aid, k)
}

/// What the fact words found in one sentence allow: which readings may find something.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Needs {
    /// A word of relations being established.
    established: bool,
    /// A partnership level.
    level: bool,
    /// Where the first trade word starts in the sentence's folded copy.
    trade_at: Option<usize>,
    /// A trade rank phrase.
    rank: bool,
    /// An aid word that `aid_at` may accept (see [`aid_word_reads`]).
    aid: bool,
}

impl Needs {
    /// Whether the sentence's pair is needed.
    fn pair(&self) -> bool {
        self.established || self.level || self.trade_at.is_some()
    }
}

/// What the fact words `hits` (occurrences in the folded body, see [`Phrases::occurrences_of`])
/// allow in the sentence whose folded copy starts at `base`.
fn needs<'a>(
    ctx: &Context<'_>,
    hits: impl Iterator<Item = &'a (usize, usize, usize)>,
    base: usize,
) -> Needs {
    let mut n = Needs::default();
    for &(at, _, k) in hits {
        match group_of(k) {
            (Group::Established, _) => n.established = true,
            (Group::Level, _) => n.level = true,
            (Group::Trade, _) => {
                let rel = at - base;
                if n.trade_at.is_none_or(|t| rel < t) {
                    n.trade_at = Some(rel);
                }
            }
            (Group::Rank, _) => n.rank = true,
            (Group::Aid, i) => {
                // The word follows the space its phrase opens with.
                n.aid = n.aid
                    || AID_WORDS.get(i).is_some_and(|w| {
                        aid_word_reads(ctx, w, ctx.folded.map().get(at + 1).copied())
                    });
            }
        }
    }
    n
}

/// Finds the facts of an article.
pub fn find(ctx: &Context<'_>) -> Vec<Found> {
    find_with(ctx, true)
}

/// The facts of an article; `gated` leaves out the readings whose words a sentence lacks
/// (see [`needs`]), which find nothing there.
fn find_with(ctx: &Context<'_>, gated: bool) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    // Every fact needs one of its words in the sentence: find them all in one pass over the
    // body, and leave the (many) sentences without any.
    let words = fact_words().occurrences_of(ctx.folded.str(0, ctx.text.len()));
    // The pair of a trade figure whose sentence ended in ";": the list of figures may go on
    // in the next one ("… năm 2022 đạt 150 triệu USD; năm 2023 đạt 95,8 triệu USD").
    let mut listing: Option<Vec<String>> = None;
    for &(s, e) in ctx.sentences {
        let carried = listing.take();
        let base = ctx.folded.at(s);
        let mut hits = within(&words, base, ctx.folded.at(e)).peekable();
        if hits.peek().is_none() {
            if let Some(p) = carried {
                let folded = ctx.folded.str(s, e);
                let before = out.len();
                trade(ctx, (s, e), (folded, 0), &p, &mut out);
                if out.len() > before && folded.trim_end().ends_with(';') {
                    listing = Some(p);
                }
            }
            continue;
        }
        // Each reading needs a word of its own: the others are left out.
        let need = if gated {
            needs(ctx, hits, base)
        } else {
            Needs {
                established: true,
                level: true,
                trade_at: {
                    let folded = ctx.folded.str(s, e);
                    TRADE_WORDS.iter().filter_map(|w| find_str(folded, w)).min()
                },
                rank: true,
                aid: true,
            }
        };
        // The sentence folded, and for each of its bytes the body offset it came from.
        let (folded, map) = ctx.folded.span(s, e);
        let pair = if need.pair() {
            pair_of(ctx, s, e, folded)
        } else {
            None
        };
        if need.established {
            relations(ctx, (s, e), folded, pair.as_ref(), &mut out);
        }
        if let Some(p) = &pair {
            if need.level {
                partnership(folded, p, (s, e), &mut out);
            }
            if let Some(at) = need.trade_at {
                let before = out.len();
                trade(ctx, (s, e), (folded, at), p, &mut out);
                if out.len() > before && folded.trim_end().ends_with(';') {
                    listing = Some(p.clone());
                }
            }
        }
        if need.rank {
            rank(ctx, (s, e), (folded, map), &mut out);
        }
        if need.aid {
            aid(ctx, (s, e), (folded, map), &mut out);
        }
    }
    // One fact per kind, countries and value.
    let mut uniq: Vec<Found> = Vec::new();
    for f in out {
        let dup = uniq.iter().any(|u| {
            u.kind == f.kind
                && u.countries == f.countries
                && u.level == f.level
                && u.subject == f.subject
                && u.rank == f.rank
                && u.donor == f.donor
                && match (u.amount, f.amount) {
                    (Some(a), Some(b)) => (a - b).abs() <= 0.01 * a.abs().max(b.abs()),
                    (None, None) => true,
                    _ => false,
                }
                && (u.kind != "relations_established"
                    || u.date.is_none()
                    || f.date.is_none()
                    || u.date == f.date
                    || u.date.and_then(|d| d.year) == f.date.and_then(|d| d.year))
        });
        if !dup {
            uniq.push(f);
        } else if f.kind == "relations_established" {
            // Keep the more precise date.
            if let Some(u) = uniq
                .iter_mut()
                .find(|u| u.kind == f.kind && u.countries == f.countries)
            {
                if precision(f.date) > precision(u.date) {
                    u.date = f.date;
                }
            }
        }
    }
    // A pair has one framework, its highest: "lập Đối tác toàn diện năm 2009 … nâng lên Đối
    // tác chiến lược" is a strategic partnership.
    let height = |l: Option<&str>| LEVELS.iter().rev().position(|(_, x)| Some(*x) == l);
    let highest: Vec<(Vec<String>, Option<usize>)> = uniq
        .iter()
        .filter(|f| f.kind == "partnership")
        .map(|f| (f.countries.clone(), height(f.level)))
        .collect();
    uniq.retain(|f| {
        f.kind != "partnership"
            || !highest
                .iter()
                .any(|(c, h)| *c == f.countries && *h > height(f.level))
    });
    uniq
}

fn precision(d: Option<PartialDate>) -> u8 {
    match d {
        Some(PartialDate { day: Some(_), .. }) => 3,
        Some(PartialDate { month: Some(_), .. }) => 2,
        Some(PartialDate { year: Some(_), .. }) => 1,
        _ => 0,
    }
}

/// What says relations were established, folded; "thiết lập quan hệ" alone only when no
/// partnership follows ("thiết lập quan hệ Đối tác chiến lược" founds a framework).
const ESTABLISHED: &[&str] = &[
    "thiet lap quan he ngoai giao",
    "lap quan he ngoai giao",
    "chinh thuc hoa quan he ngoai giao",
    "thiet lap quan he",
];

/// Words right before the establishing verb that make it a purpose, a plan or a wish, not a
/// fact ("để thiết lập", "sẽ sớm thiết lập", "tiến tới thiết lập").
const NOT_YET: &[&str] = &[
    "de", "se", "som", "nham", "toi", "muon", "chua", "khong", "hy", "vong", "can", "dinh",
];

/// Where in the folded sentence relations are said to be established, if they are.
fn established_at(folded: &str) -> Option<usize> {
    let at = ESTABLISHED.iter().find_map(|p| {
        let i = find_str(folded, p)?;
        let after = folded[i + p.len()..].trim_start();
        let framework = after.starts_with("doi tac") || after.starts_with("hop tac");
        (*p != "thiet lap quan he" || !framework).then_some(i)
    })?;
    // "lập quan hệ" inside "thiết lập quan hệ": the verb starts at "thiết".
    let at = if folded[..at].ends_with("thiet ") {
        at - "thiet ".len()
    } else {
        at
    };
    let before: Vec<&str> = folded[..at]
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .collect();
    if before.iter().any(|w| NOT_YET.contains(w)) {
        return None;
    }
    Some(at)
}

fn relations(
    ctx: &Context<'_>,
    (s, e): (usize, usize),
    folded: &str,
    pair: Option<&Vec<String>>,
    out: &mut Vec<Found>,
) {
    let Some(at) = established_at(folded) else {
        return;
    };
    let Some(pair) = pair else { return };
    let base = ctx.folded.at(s);
    // Date mentions of the sentence with their folded offsets in it.
    let mentions: Vec<(usize, &DateMention)> = ctx
        .dates
        .iter()
        .filter(|m| m.start >= s && m.end <= e)
        .map(|m| (ctx.folded.at(m.start).saturating_sub(base), m))
        .collect();
    // Nearest to the verb: after it first ("thiết lập quan hệ ngoại giao (ngày 11/1/1969)"),
    // then before it, unless a clause of its own intervenes ("… năm 1934 sau khi X thiết lập").
    let distance = |pos: usize| -> Option<usize> {
        if pos >= at {
            Some(pos - at)
        } else {
            let between = folded.get(pos..at).unwrap_or("");
            if has(between, "sau khi") || has(between, "truoc khi") {
                None
            } else {
                Some(10_000 + at - pos)
            }
        }
    };
    // A year range "(1994-2024)" gives the start: the range nearest the verb.
    let range = mentions
        .iter()
        .filter_map(|&(pos, m)| match m.said {
            Said::Date(d) if m.range && d.day.is_none() && d.year.is_some() => {
                Some((distance(pos)?, d))
            }
            _ => None,
        })
        .min_by_key(|(k, _)| *k)
        .map(|(_, d)| d);
    let dated: Vec<(usize, PartialDate)> = mentions
        .iter()
        .filter(|(_, m)| !m.range)
        .filter_map(|&(pos, m)| match m.said {
            Said::Date(d) if d.year.is_some() => Some((pos, d)),
            _ => None,
        })
        .collect();
    let date = if range.is_some() {
        range
    } else if let Some(n) = anniversary_years(folded, at) {
        // "kỷ niệm N năm … năm 2025": the founding year is the anniversary's year minus N.
        // An anniversary without a year of its own ("năm nay", "sắp tới") gives nothing.
        let year_of_anniversary = dated
            .iter()
            .filter_map(|(_, d)| d.year)
            .chain(bare_years(folded))
            .max();
        year_of_anniversary.map(|y| {
            let founding = y - n;
            let said = dated.iter().find(|(_, d)| d.year == Some(founding));
            // "ngày 14/11" with the founding year known: the day too.
            let day = mentions.iter().find_map(|(_, m)| match m.said {
                Said::Date(d) if d.year.is_none() && d.day.is_some() => Some(d),
                _ => None,
            });
            match (said, day) {
                (Some((_, d)), _) => *d,
                (None, Some(d)) => PartialDate {
                    year: Some(founding),
                    ..d
                },
                (None, None) => PartialDate {
                    year: Some(founding),
                    month: None,
                    day: None,
                },
            }
        })
    } else {
        dated
            .iter()
            .filter_map(|&(pos, d)| Some((distance(pos)?, d)))
            .min_by_key(|(k, _)| *k)
            .map(|(_, d)| d)
    };
    let Some(date) = date else { return };
    if date.year.is_some_and(|y| y < 1900) {
        return;
    }
    let mut f = Found::new("relations_established", pair.clone(), (s, e));
    f.date = Some(date);
    out.push(f);
}

/// The words of a folded text with their byte offsets.
fn words_at(folded: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = folded.char_indices().peekable();
    std::iter::from_fn(move || {
        while rest.next_if(|(_, c)| !is_alphanumeric(*c)).is_some() {}
        let (from, _) = *rest.peek()?;
        let mut to = from;
        while let Some((i, c)) = rest.next_if(|(_, c)| is_alphanumeric(*c)) {
            to = i + c.len_utf8();
        }
        Some((from, folded.get(from..to).unwrap_or("")))
    })
}

/// Years written as bare numbers ("vào 2017", "Năm Giao lưu … 2025").
fn bare_years(folded: &str) -> impl Iterator<Item = i32> + '_ {
    words_at(folded)
        .filter(|(_, w)| w.len() == 4)
        .filter_map(|(_, w)| w.parse::<i32>().ok())
        .filter(|y| (1900..=2100).contains(y))
}

/// "kỷ niệm 30 năm", "30 năm thiết lập": the number of years; of several, the one said
/// nearest before the establishing verb at `at` ("5 năm Đối tác … và 45 năm thiết lập").
fn anniversary_years(folded: &str, at: usize) -> Option<i32> {
    let words: Vec<(usize, &str)> = words_at(folded).collect();
    let mut best: Option<(usize, i32)> = None;
    for (i, &(pos, w)) in words.iter().enumerate() {
        if w != "nam" || i == 0 {
            continue;
        }
        let Ok(n) = words[i - 1].1.parse::<i32>() else {
            continue;
        };
        let near = words[i.saturating_sub(4)..i]
            .iter()
            .any(|(_, w)| *w == "niem")
            || words
                .get(i + 1..(i + 4).min(words.len()))
                .is_some_and(|ws| ws.iter().any(|(_, w)| *w == "thiet" || *w == "ngay"));
        if !near || !(1..=200).contains(&n) {
            continue;
        }
        // Before the verb, the nearer the better; after it, only if none is before.
        let rank = if pos <= at { at - pos } else { 100_000 + pos };
        if best.is_none_or(|(r, _)| rank < r) {
            best = Some((rank, n));
        }
    }
    best.map(|(_, n)| n)
}

fn partnership(folded: &str, pair: &[String], ev: (usize, usize), out: &mut Vec<Found>) {
    for (phrase, level) in LEVELS {
        if let Some(i) = find_str(folded, phrase) {
            let after = &folded[i + phrase.len()..];
            // "Hiệp định Đối tác toàn diện và tiến bộ …" names an agreement, not a relation.
            let before = folded[..i].trim_end();
            if before.ends_with("hiep dinh") || after.trim_start().starts_with("va tien bo") {
                continue;
            }
            // "Đối tác chiến lược toàn diện" contains "Đối tác chiến lược": the longer wins.
            if *level == "strategic_partnership" && after.trim_start().starts_with("toan dien") {
                continue;
            }
            // A partnership of a group ("Đối tác chiến lược ASEAN - Hoa Kỳ"), or the count of
            // a country's partners ("Đối tác toàn diện với 30 nước"), is no pair's level.
            let next: Vec<&str> = after.split_whitespace().take(8).collect();
            let group = ["asean", "eu", "apec", "g7", "g20"];
            if next.first().is_some_and(|w| group.contains(w)) {
                continue;
            }
            if let Some(k) = next.iter().position(|w| *w == "voi") {
                let counted = next.get(k + 1).is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_digit())
                        || ["cac", "nhieu", "hon", "gan", "tren"].contains(w)
                });
                if counted {
                    continue;
                }
            }
            // A sector-specific partnership ("về năng lượng") is not the relation's level.
            if after.trim_start().starts_with("ve ") && !after.trim_start().starts_with("ve viec") {
                continue;
            }
            let mut f = Found::new("partnership", pair.to_vec(), ev);
            f.level = Some(level);
            out.push(f);
            return;
        }
    }
}

const TRADE_WORDS: &[&str] = &[
    "kim ngach thuong mai",
    "thuong mai song phuong",
    "thuong mai hai chieu",
    "trao doi thuong mai",
    "kim ngach xuat nhap khau",
    "kim ngach song phuong",
    "kim ngach trao doi",
    "kim ngach hai chieu",
    "thuong mai giua hai nuoc",
];

const TARGET_WORDS: &[&str] = &[
    "muc tieu",
    "phan dau",
    "huong toi",
    "dua kim ngach",
    "nang kim ngach",
    "tien toi",
    "se dat",
];

/// Words of a clause that make its figure something other than the pair's two-way trade: a
/// one-way flow, investment, aid.
const NOT_TRADE: &[&str] = &["dau tu", "fdi", "oda", "vien tro", "von "];

/// Words for a group of countries or a country's total with the world, which make a sentence
/// naming no foreign country about no pair.
const GROUPS: &[&str] = &[
    "cac nen kinh te",
    "cac nuoc",
    "cac thi truong",
    "thanh vien",
    "asean",
    "apec",
    " eu ",
    "chau au",
    "the gioi",
    "toan cau",
    "ca nuoc",
];

/// The trade figures of the sentence `[s, e)` whose trade words are at `at` in its folded
/// copy (0 for a sentence going on with a list of figures).
fn trade(
    ctx: &Context<'_>,
    (s, e): (usize, usize),
    (folded, at): (&str, usize),
    pair: &[String],
    out: &mut Vec<Found>,
) {
    // A sentence naming no foreign country and speaking of a group ("các nền kinh tế APEC")
    // is about no pair, whatever the passage's pair is.
    if !countries_in(ctx, s, e).iter().any(|(_, c)| c != "VN")
        && GROUPS.iter().any(|w| has(folded, w))
    {
        return;
    }
    // The clause of the trade words: a target said before them ("phấn đấu đưa kim ngạch …
    // lên") holds for the figures after them, but for one said as the present figure in an
    // insert ("đưa kim ngạch, hiện đạt 10 tỷ USD, lên 20 tỷ USD").
    let clause_start = folded[..at].rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let target_in = |stretch: &str| {
        TARGET_WORDS
            .iter()
            .filter_map(|w| find_str(stretch, w))
            .min()
    };
    let mut target = target_in(&folded[clause_start..])
        .map(|i| clause_start + i)
        .filter(|&t| t < at);
    let text = ctx.text.get(s..e).unwrap_or("");
    let mut from = at;
    for m in money::find(text) {
        let before = folded_len(ctx, s, s + m.start);
        if before < at {
            continue;
        }
        // Every figure after the trade words counts ("năm ngoái đạt 3 tỷ USD, 7 tháng đầu năm
        // nay đạt 1,7 tỷ USD") but targets, one-way flows, investment and increments.
        let stretch = folded.get(from..before).unwrap_or("");
        let start_of_stretch = from;
        from = folded_len(ctx, s, s + m.end);
        if let Some(i) = target_in(stretch) {
            target = Some(start_of_stretch + i);
        }
        let last = stretch
            .split(|c: char| !is_alphanumeric(c))
            .filter(|w| !w.is_empty())
            .rfind(|w| !["hon", "gan", "khoang", "tren", "xap", "xi", "muc"].contains(w))
            .unwrap_or("");
        if let Some(t) = target {
            let insert = folded.get(t..before).is_some_and(|x| x.contains(','));
            if !(insert && last == "dat") {
                continue;
            }
        }
        if NOT_TRADE.iter().any(|w| has(stretch, w)) {
            continue;
        }
        let one_way = stretch.match_indices("khau").any(|(i, _)| {
            let head = stretch[..i].trim_end();
            (head.ends_with("xuat") || head.ends_with("nhap"))
                && !head.ends_with("xuat nhap")
                && !head.ends_with("xuat, nhap")
        });
        if one_way || ["tang", "giam", "them"].contains(&last) {
            continue;
        }
        let mut f = Found::new("trade_volume", pair.to_vec(), (s, e));
        f.amount = Some(m.amount);
        f.currency = Some(m.currency);
        out.push(f);
    }
}

fn rank(
    ctx: &Context<'_>,
    (s, e): (usize, usize),
    (folded, map): (&str, &[usize]),
    out: &mut Vec<Found>,
) {
    // "đối tác thương mại lớn thứ 4", "bạn hàng lớn thứ 8" (an export or import market's rank
    // is not the partner's).
    const PHRASES: &[&str] = RANK_PHRASES;
    let map_offset = |folded_pos: usize| map.get(folded_pos).copied().unwrap_or(e);
    let mut hits: Vec<(usize, usize)> = PHRASES
        .iter()
        .flat_map(|p| folded.match_indices(p).map(|(i, m)| (i, m.len())))
        .collect();
    hits.sort_unstable();
    standing(ctx, (s, e), (folded, &map_offset), out);
    // "X là đối tác … lớn thứ 4 của Y và Y là đối tác … lớn nhất của X": each statement runs
    // from the end of the previous one to the start of the next.
    for (k, &(i, len)) in hits.iter().enumerate() {
        let to = hits.get(k + 1).map_or(e, |&(n, _)| map_offset(n));
        if ranked_list(ctx, (s, e), (folded, &map_offset), (i + len, to), out) {
            continue;
        }
        let before = &folded[..i];
        if before.trim_end().ends_with("nhung")
            || before.ends_with("mot trong nhung doi tac thuong mai lon")
        {
            continue;
        }
        let after = &folded[i + len..];
        let words: Vec<&str> = after.split_whitespace().collect();
        let rank = match words.first().copied() {
            Some("nhat") => Some(1),
            Some("thu") => words
                .get(1)
                .and_then(|w| rank_number(w.trim_matches(|c: char| !is_alphanumeric(c)))),
            _ => None,
        };
        let Some(rank) = rank else { continue };
        let from = if k == 0 {
            s
        } else {
            map_offset(hits[k - 1].0 + hits[k - 1].1)
        };
        let split = map_offset(i);
        let subject = countries_in(ctx, from, split)
            .last()
            .map(|(_, c)| c.clone());
        let object = countries_in(ctx, split, to)
            .first()
            .map(|(_, c)| c.clone())
            .unwrap_or_else(|| "VN".to_string());
        let Some(subject) = subject else { continue };
        if subject == object {
            continue;
        }
        let mut f = Found::new("trade_rank", vec![subject.clone(), object], (s, e));
        f.subject = Some(subject);
        f.rank = Some(rank);
        out.push(f);
    }
}

/// "Việt Nam … đứng thứ 8 trong số các đối tác thương mại của Trung Quốc": the rank of the
/// country standing (the last named before "đứng", or the sentence's first other than the
/// partner when "đứng" continues its predicate after "và") among the partner's.
fn standing(
    ctx: &Context<'_>,
    (s, e): (usize, usize),
    (folded, map_offset): (&str, &dyn Fn(usize) -> usize),
    out: &mut Vec<Found>,
) {
    const LEAD: &str = "dung thu ";
    for (i, _) in folded.match_indices(LEAD) {
        let rest = &folded[i + LEAD.len()..];
        let len = rest
            .find(|c: char| !is_alphanumeric(c))
            .unwrap_or(rest.len());
        let Some(rank) = rank_number(&rest[..len]).filter(|&r| r > 0) else {
            continue;
        };
        let tail = rest[len..].trim_start();
        let Some(among) = STANDING_AMONG.iter().find(|p| tail.starts_with(**p)) else {
            continue;
        };
        let object_from = folded.len() - tail.len() + among.len();
        let Some(object) = countries_in(ctx, map_offset(object_from), e)
            .first()
            .map(|(_, c)| c.clone())
        else {
            continue;
        };
        let before = countries_in(ctx, s, map_offset(i));
        let continued = folded[..i].trim_end().ends_with(" va");
        let subject = if continued {
            before.iter().find(|(_, c)| *c != object)
        } else {
            before.last().filter(|(_, c)| *c != object)
        };
        let Some((_, subject)) = subject else {
            continue;
        };
        let mut f = Found::new("trade_rank", vec![subject.clone(), object], (s, e));
        f.subject = Some(subject.clone());
        f.rank = Some(rank);
        out.push(f);
    }
}

/// "Các đối tác thương mại lớn nhất của Việt Nam … lần lượt là: Trung Quốc, Hàn Quốc, Hoa Kỳ
/// và Nhật Bản": the partners listed after "lần lượt là" ("respectively") hold the ranks in the
/// order given. `at` is where the rank phrase ends in `folded` (the sentence `s..e` folded), `to`
/// where its statement ends in the body. Whether the statement was such a list (and its ranks
/// taken).
fn ranked_list(
    ctx: &Context<'_>,
    sentence: (usize, usize),
    (folded, map_offset): (&str, &dyn Fn(usize) -> usize),
    (at, to): (usize, usize),
    out: &mut Vec<Found>,
) -> bool {
    const REACH: usize = 80;
    let after = folded.get(at..).unwrap_or("");
    if !after.trim_start().starts_with("nhat") {
        return false;
    }
    let Some(j) = find_str(after, "lan luot la").filter(|&j| j <= REACH) else {
        return false;
    };
    let list_from = map_offset(at + j + "lan luot la".len());
    if list_from >= to {
        return false;
    }
    let object = countries_in(ctx, map_offset(at), list_from)
        .first()
        .map_or_else(|| "VN".to_string(), |(_, c)| c.clone());
    let listed = listed_countries(ctx, list_from, to);
    if listed.len() < 2 {
        return false;
    }
    for (n, subject) in listed.into_iter().filter(|c| *c != object).enumerate() {
        let mut f = Found::new(
            "trade_rank",
            vec![subject.clone(), object.clone()],
            sentence,
        );
        f.subject = Some(subject);
        f.rank = u32::try_from(n + 1).ok();
        out.push(f);
    }
    true
}

/// The countries named one after another from `from` ("Trung Quốc, Hàn Quốc, Hoa Kỳ và Nhật
/// Bản"), up to the first thing between two names that is no separator.
fn listed_countries(ctx: &Context<'_>, from: usize, to: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut last_end = from;
    for t in starting_in(ctx.tags, from, to, |t| t.start)
        .iter()
        .filter(|t| t.end <= to)
    {
        let TagKind::Country { code, .. } = &t.kind else {
            continue;
        };
        let gap = ctx.text.get(last_end..t.start).unwrap_or("");
        let separators_only = gap
            .split(|c: char| c == ',' || c == ':' || c.is_whitespace())
            .all(|w| w.is_empty() || w == "và");
        if !separators_only {
            break;
        }
        out.push(code.clone());
        last_end = t.end;
    }
    out
}

const AID_WORDS: &[&str] = &[
    "vien tro",
    "ho tro",
    "tai tro",
    "ung ho",
    "tang",
    "khoan vay",
    "khoan tin dung",
    "han muc tin dung",
    "cam ket",
];

/// Where the first aid word of the folded sentence starts; "tang" only as "tặng" (to give),
/// not "tăng" (to rise), which fold alike.
fn aid_at(ctx: &Context<'_>, folded: &str, map: &[usize]) -> Option<usize> {
    first_aid_word(folded, |at, word| {
        aid_word_reads(ctx, word, map.get(at).copied())
    })
}

/// Whether the aid word `word`, folded from the body's text at byte `offset`, is one: every
/// word is, except "tang", which must be written "tặng" (to give), not "tăng" (to rise).
fn aid_word_reads(ctx: &Context<'_>, word: &str, offset: Option<usize>) -> bool {
    word != "tang"
        || offset
            .and_then(|o| ctx.text.get(o..))
            .is_some_and(|t| t.starts_with("tặng") || t.starts_with("Tặng"))
}

/// Where the first aid word of `folded` starts, as a whole word, among the places `accept`
/// (given the offset and the word) takes. Each word's occurrences are tried left to right
/// without overlapping one another, as a search for that word alone would give them.
fn first_aid_word(folded: &str, accept: impl Fn(usize, &str) -> bool) -> Option<usize> {
    static PADDED: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let words = PADDED
        .get_or_init(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(AID_WORDS.iter().map(|w| format!(" {w} ")))
                .ok()
        })
        .as_ref()?;
    let mut resume = [0usize; AID_WORDS.len()];
    let mut found: Option<usize> = None;
    for m in words.find_overlapping_iter(folded) {
        let k = m.pattern().as_usize();
        let (Some(from), Some(word)) = (resume.get_mut(k), AID_WORDS.get(k)) else {
            continue;
        };
        // Occurrences of one word come in order; none after the best so far can beat it.
        if m.start() < *from || found.is_some_and(|f| f <= m.start() + 1) {
            continue;
        }
        *from = m.end();
        if accept(m.start() + 1, word) {
            found = Some(m.start() + 1);
        }
    }
    found
}

/// The last country other than `not` named in the few sentences before `start`.
fn recent_other(ctx: &Context<'_>, start: usize, not: &str) -> Option<String> {
    countries_in(ctx, start.saturating_sub(600), start)
        .into_iter()
        .map(|(_, c)| c)
        .rfind(|c| c != not)
}

fn aid(
    ctx: &Context<'_>,
    (s, e): (usize, usize),
    (folded, map): (&str, &[usize]),
    out: &mut Vec<Found>,
) {
    let Some(at) = aid_at(ctx, folded, map) else {
        return;
    };
    if TRADE_WORDS.iter().any(|w| has(folded, w))
        || has(folded, "dau tu") && !has(folded, "vien tro")
    {
        return;
    }
    let text = ctx.text.get(s..e).unwrap_or("");
    // The amount follows the verb, or stands right before it ("124.000 USD viện trợ từ …",
    // "dự án trị giá 5 triệu USD nhằm hỗ trợ …").
    let Some(m) = money::find(text).into_iter().find(|m| {
        let before = folded_len(ctx, s, s + m.start);
        let through = folded_len(ctx, s, s + m.end);
        let aid_noun = folded[at..].starts_with("vien tro") || folded[at..].starts_with("tai tro");
        let purpose = folded
            .get(through..at)
            .is_some_and(|x| matches!(x.trim(), "nham" | "de"));
        before > at || (aid_noun && through <= at && at - through <= 2) || purpose
    }) else {
        return;
    };
    let absolute = |folded_at: usize| map.get(folded_at).copied().unwrap_or(e);
    let split = absolute(at).min(s + m.start);
    let money_end = s + m.end;
    // The recipient, when named: "… 100.000 USD cho (nhân dân) Philippines", "tặng Quốc hội
    // Campuchia 5 tỷ đồng", "… 5 triệu bảng Anh giúp người dân Philippines".
    let recipient = folded[at..]
        .find(" cho ")
        .map(|i| absolute(at + i + 5))
        .and_then(|from| {
            countries_in(ctx, from, (from + 40).min(e))
                .into_iter()
                .next()
                .map(|(_, c)| c)
        });
    let between = || {
        let from = absolute(at);
        countries_in(ctx, from, (s + m.start).max(from))
            .into_iter()
            .next()
            .map(|(_, c)| c)
    };
    let after = || {
        countries_in(ctx, money_end, e)
            .into_iter()
            .next()
            .map(|(_, c)| c)
    };
    // The donor: the country acting before the aid verb ("viện trợ từ New Zealand": after
    // "từ"); Vietnam gives only when the text names whom it gives to.
    let from_donor = text
        .get(split.saturating_sub(s)..)
        .and_then(|t| t.find(" từ "))
        .map(|i| split + i + " từ ".len())
        .and_then(|from| {
            countries_in(ctx, from, (from + 24).min(e))
                .into_iter()
                .next()
        });
    let named = recipient
        .clone()
        .or_else(between)
        .or_else(|| after().filter(|c| from_donor.as_ref().is_none_or(|(_, d)| d != c)));
    let donor = from_donor.or_else(|| {
        countries_in(ctx, s, split)
            .into_iter()
            .rfind(|(_, c)| Some(c) != named.as_ref() && (c != "VN" || named.is_some()))
    });
    // "Đất nước Bắc Âu này đã viện trợ …": the country of the passage.
    let donor = donor.map(|(at, c)| (Some(at), c)).or_else(|| {
        let head = &folded[..at];
        (has(head, "nuoc") && head.split_whitespace().any(|w| w == "nay"))
            .then(|| recent_other(ctx, s, "VN"))
            .flatten()
            .map(|c| (None, c))
    });
    let Some((donor_at, donor)) = donor.filter(|(_, d)| Some(d) != named.as_ref()) else {
        return;
    };
    // A relief society's pledge is not a state's aid ("Hội Chữ thập đỏ New Zealand").
    if let Some(d) = donor_at {
        let lead = ctx.folded.str(d.saturating_sub(40), d);
        if has(lead, "chu thap do") || has(lead, "phi chinh phu") {
            return;
        }
    }
    let recipient = named
        .or_else(|| recent_other(ctx, s, &donor))
        .unwrap_or_else(|| "VN".to_string());
    let mut f = Found::new("aid", vec![donor.clone(), recipient], (s, e));
    f.donor = Some(donor);
    f.amount = Some(m.amount);
    f.currency = Some(m.currency);
    out.push(f);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first aid word by one search per word, as the words are defined.
    fn first_aid_word_slowly(folded: &str, accept: impl Fn(usize, &str) -> bool) -> Option<usize> {
        AID_WORDS
            .iter()
            .filter_map(|w| {
                let padded = format!(" {w} ");
                folded
                    .match_indices(padded.as_str())
                    .map(|(i, _)| i + 1)
                    .find(|&i| accept(i, w))
            })
            .min()
    }

    #[test]
    fn readings_left_out_find_nothing() {
        let mut found = 0;
        for body in crate::events::tests::bodies() {
            crate::events::tests::with_context(&body, |ctx| {
                let want = find_with(ctx, false);
                found += want.len();
                assert_eq!(find_with(ctx, true), want, "{body:?}");
            });
        }
        assert!(found > 0);
    }

    #[test]
    fn first_aid_word_is_the_first_by_each_word_alone() {
        let sentences = [
            " nhat ban vien tro 5 trieu usd ",
            " ho tro va tang tang qua cho ",
            " tang tang tang ",
            " cam ket ho tro khoan vay ",
            " khong co gi ",
            " han muc tin dung va khoan tin dung ",
            "vien tro ",
            " ung ho  ung ho ",
        ];
        type Rule<'a> = &'a dyn Fn(usize, &str) -> bool;
        let rules: [Rule; 4] = [
            &|_, _| true,
            &|_, w| w != "tang",
            &|at, w| w != "tang" || at % 2 == 0,
            &|at, _| at > 5,
        ];
        for s in sentences {
            for rule in rules {
                assert_eq!(
                    first_aid_word(s, rule),
                    first_aid_word_slowly(s, rule),
                    "{s:?}"
                );
            }
        }
    }
}
