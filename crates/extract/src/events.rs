//! Diplomatic events: a trigger word in a sentence, the persons around it, a date and a place.
//!
//! The rules follow the annotation guidelines: the most specific trigger of a sentence decides
//! the type; plans, hopes and scheduled events are not events; the invitation behind a visit is
//! not an INVITE; a visit's participant is the visitor and its place the host country; one event
//! per (type, date, participants).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use biennien_text::is_alphanumeric;

use crate::dates::{self, DateMention, PartialDate, Said};
use crate::mapped::{find_str, has, match_starts};
use crate::persons::{vietnamese_shape, Mention};
use crate::tags::{starting_in, TagKind};
use crate::Context;

/// The nine event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Formal talks.
    Talks,
    /// A meeting, a courtesy call.
    Meet,
    /// A host receives a visitor.
    Receive,
    /// A telephone or video call.
    Call,
    /// A visit abroad.
    Visit,
    /// Political consultations, strategic dialogues, joint committees.
    Consult,
    /// A signing.
    Sign,
    /// An award of an order, medal or title.
    Award,
    /// An invitation to visit, made at a meeting.
    Invite,
}

impl Kind {
    /// The type's name in records.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Talks => "TALKS",
            Kind::Meet => "MEET",
            Kind::Receive => "RECEIVE",
            Kind::Call => "CALL",
            Kind::Visit => "VISIT",
            Kind::Consult => "CONSULT",
            Kind::Sign => "SIGN",
            Kind::Award => "AWARD",
            Kind::Invite => "INVITE",
        }
    }

    /// The CAMEO code.
    pub fn cameo(self) -> &'static str {
        match self {
            Kind::Talks => "046",
            Kind::Meet => "040",
            Kind::Receive => "043",
            Kind::Call => "041",
            Kind::Visit => "042",
            Kind::Consult => "040",
            Kind::Sign => "057",
            Kind::Award => "051",
            Kind::Invite => "036",
        }
    }

    /// The PLOVER event type.
    pub fn plover(self) -> &'static str {
        match self {
            Kind::Talks | Kind::Meet | Kind::Receive | Kind::Call | Kind::Visit | Kind::Consult => {
                "CONSULT"
            }
            Kind::Sign => "AGREE",
            Kind::Award => "SUPPORT",
            Kind::Invite => "CONSULT",
        }
    }
}

/// Trigger phrases, lower-cased with their diacritics (folding would merge "thăm" with
/// "tham", "gặp" with "gấp"), with the type they give. Longer phrases are tried first.
const TRIGGERS: &[(&str, Kind)] = &[
    ("hội đàm trực tuyến", Kind::Talks),
    ("hội đàm", Kind::Talks),
    ("điện đàm", Kind::Call),
    ("trao đổi qua điện thoại", Kind::Call),
    ("nói chuyện qua điện thoại", Kind::Call),
    ("gọi điện", Kind::Call),
    ("hội kiến", Kind::Meet),
    ("tiếp xúc song phương", Kind::Meet),
    ("tiếp xúc", Kind::Meet),
    ("đến chào", Kind::Meet),
    ("chào xã giao", Kind::Meet),
    ("chào từ biệt", Kind::Meet),
    ("cuộc gặp riêng", Kind::Meet),
    ("gặp gỡ", Kind::Meet),
    ("gặp", Kind::Meet),
    ("tham vấn chính trị", Kind::Consult),
    ("tham khảo chính trị", Kind::Consult),
    ("đối thoại chiến lược", Kind::Consult),
    ("ủy ban hỗn hợp", Kind::Consult),
    ("ủy ban liên chính phủ", Kind::Consult),
    ("ký kết", Kind::Sign),
    ("lễ ký", Kind::Sign),
    ("trao văn kiện", Kind::Sign),
    ("tuyên bố chung", Kind::Sign),
    ("ký", Kind::Sign),
    ("trao tặng", Kind::Award),
    ("trao huân chương", Kind::Award),
    ("trao huy chương", Kind::Award),
    ("gắn huân chương", Kind::Award),
    ("tặng huân chương", Kind::Award),
    ("thăm chính thức", Kind::Visit),
    ("thăm cấp nhà nước", Kind::Visit),
    ("thăm làm việc", Kind::Visit),
    ("chuyến thăm", Kind::Visit),
    ("chuyến công tác", Kind::Visit),
    ("công du", Kind::Visit),
    ("thăm", Kind::Visit),
    ("tiếp", Kind::Receive),
    // An envoy presenting credentials is received by the head of state.
    ("trình quốc thư", Kind::Receive),
    // Delivering a leader's invitation at a meeting is the invitation made.
    ("chuyển lời mời", Kind::Invite),
    // Answering an invitation with a visit still to come reports the invitation made ("Đáp lại
    // lời mời thăm Việt Nam của Chủ tịch nước, ông … khẳng định sẽ sớm thăm").
    ("đáp lại lời mời", Kind::Invite),
    ("mời", Kind::Invite),
];

/// Words after "tiếp" that make another word ("tiếp tục", "tiếp nhận").
const NOT_RECEIVE: &[&str] = &[
    "tục", "nhận", "theo", "cận", "thu", "xúc", "sau", "nối", "quản", "tế", "bước", "sức", "vận",
    "thị", "điểm", "liền", "giáp", "ứng", "dân", "tân", "cư", "diễn", "tuyến", "viện", "thêm",
    "đó", "tới", "đến", "nữa", "lời", "cho",
];

/// Words before "tiếp" that make another word ("trực tiếp", "kế tiếp", "đón tiếp").
const NOT_RECEIVE_BEFORE: &[&str] = &[
    "trực", "kế", "gián", "nghênh", "chuyển", "liên", "tiếp", "đón", "tiếp", "giao",
];

/// Words after "thăm" that are not a visit ("thăm dò", "thăm hỏi").
const NOT_VISIT: &[&str] = &["dò", "hỏi", "khám", "viếng", "quan", "nom", "thẳm"];

/// Words of plans and hopes: a sentence where they precede the trigger reports no event.
const PLANS: &[&str] = &[
    "sẽ",
    "dự kiến",
    "sắp",
    "kế hoạch",
    "mong muốn",
    "hy vọng",
    "hi vọng",
    "chuẩn bị",
    "trước thềm",
    "đề nghị",
    "nhất trí",
    "thống nhất",
    "ủng hộ",
    "cam kết",
    "sẵn sàng",
    "nếu",
    "dự định",
    "mong đợi",
    "kỳ vọng",
    "tiến tới",
    "hướng tới",
    "thời gian tới",
    "sắp tới",
    "sớm",
    "mong",
    "đề xuất",
    "tin tưởng",
    "chúc",
    "ngày mai",
    "sáng mai",
    "chiều mai",
    "tối mai",
    "tuần tới",
    "tháng tới",
    "năm tới",
    "tới đây",
];

/// Words after a trigger, in its phrase, that make it a coming event ("chuyến thăm Việt Nam sắp
/// tới của …").
const COMING: &[&str] = &["sắp tới", "tới đây", "sắp diễn ra", "sắp đến"];

/// Words of opinion and recollection: a clause where they precede the trigger speaks about an
/// event rather than reporting it.
const REPORTED: &[&str] = &["cho rằng", "nhấn mạnh", "nhắc lại"];

/// Words of appreciation: they speak about an encounter rather than report it, but presuppose
/// that a visit they are said of is under way ("bày tỏ vui mừng thăm Campuchia").
const APPRECIATED: &[&str] = &[
    "đánh giá cao",
    "bày tỏ vui mừng",
    "vui mừng",
    "cảm ơn",
    "cám ơn",
];

/// Sentence openings that refer back to an encounter already reported ("Tại cuộc gặp", "Sau
/// hội đàm"): they add an event only when it is not known yet.
const BACK_REFERENCES: &[&str] = &[
    "tại cuộc",
    "tại buổi",
    "tại hội",
    "tại lễ",
    "trong cuộc",
    "trong buổi",
    "trong lễ",
    "sau cuộc",
    "sau buổi",
    "sau hội",
    "sau lễ",
    "kết thúc",
    "trước đó",
    "tiếp đó",
    "cũng tại",
    "phát biểu tại",
    "tại phiên",
    "trong các cuộc",
    "tại các cuộc",
    "trước khi",
];

/// An event found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Its type.
    pub kind: Kind,
    /// When.
    pub date: Option<PartialDate>,
    /// Where: the place's name, when one is named.
    pub place: Option<String>,
    /// Where: the country.
    pub country: Option<String>,
    /// Who: mention indices into the persons' mentions.
    pub participants: Vec<Participant>,
    /// The sentence it was read from.
    pub evidence: (usize, usize),
    /// The trigger phrase it was read from, lower-cased.
    pub phrase: &'static str,
}

/// A participant: a named person, or an unnamed office holder of a country.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Participant {
    /// Index into the persons list.
    pub person: Option<usize>,
    /// Country acted for.
    pub country: Option<String>,
    /// Role.
    pub role: Option<String>,
}

/// A trigger occurrence in a folded sentence.
#[derive(Debug, Clone, Copy)]
struct Trigger {
    kind: Kind,
    /// The trigger phrase.
    phrase: &'static str,
    /// Byte offset in the original text.
    at: usize,
    /// Byte offset in the original text of the trigger's end.
    end: usize,
    /// Byte offset in the lower-cased sentence.
    rel: usize,
    /// Byte offset in the lower-cased sentence of the trigger's end.
    rel_end: usize,
}

/// The word after byte `e` and the word before byte `s` of `lower`, without punctuation.
fn neighbours(lower: &str, s: usize, e: usize) -> (&str, &str) {
    let next = lower[e..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !is_alphanumeric(c));
    let prev = lower[..s]
        .split_whitespace()
        .last()
        .unwrap_or("")
        .trim_matches(|c: char| !is_alphanumeric(c));
    (prev, next)
}

/// Whether the trigger `phrase` at `s..e` of the lower-cased sentence is really one.
fn real_trigger(lower: &str, phrase: &str, s: usize, e: usize) -> bool {
    let (prev, next) = neighbours(lower, s, e);
    match phrase {
        "tiếp" => !NOT_RECEIVE.contains(&next) && !NOT_RECEIVE_BEFORE.contains(&prev),
        "thăm" => !NOT_VISIT.contains(&next),
        "gặp" | "gặp gỡ" | "tiếp xúc" => {
            // "gặp khó khăn", "gặp nhiều thách thức"; "gặp gỡ báo giới", "tiếp xúc cử tri".
            let after: Vec<&str> = lower[e..].split_whitespace().take(2).collect();
            let object = match after.as_slice() {
                ["nhiều", w, ..] => *w,
                _ => next,
            };
            !matches!(
                object,
                "khó" | "phải" | "vấn" | "rủi" | "sự" | "thách" | "trở" | "bất" | "hạn"
            ) && !matches!(next, "báo" | "phóng" | "cử" | "kiều")
        }
        "ký" => {
            !matches!(prev, "thư" | "đăng" | "nhật" | "chữ" | "bút" | "phó")
                && !matches!(
                    next,
                    "ức" | "sự" | "hiệu" | "túc" | "giả" | "họa" | "sinh" | "quỹ"
                )
        }
        // "kêu gọi điện …" is a call to do something, not a telephone call.
        "gọi điện" => prev != "kêu",
        "chuyển lời mời" => {
            let after = &lower[e..];
            has(after, " thăm") || has(after, "sang ") || has(after, "dự ")
        }
        "đáp lại lời mời" => {
            let after = &lower[e..];
            (has(after, " thăm") || has(after, "sang ") || has(after, "dự "))
                && (has(after, " sẽ ") || has(after, " sớm "))
                && !has(after, " đã ")
        }
        "mời" => {
            let after = &lower[e..];
            prev != "lời"
                && prev != "khách"
                && prev != "được"
                && (has(after, " thăm") || has(after, "sang ") || has(after, "dự "))
        }
        _ => true,
    }
}

/// The trigger matcher: the leftmost longest of [`TRIGGERS`].
fn matcher() -> Option<&'static AhoCorasick> {
    static MATCHER: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    MATCHER
        .get_or_init(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(TRIGGERS.iter().map(|(p, _)| p))
                .ok()
        })
        .as_ref()
}

/// The trigger phrases found in `text`, left to right without overlapping, as (start, end,
/// index into [`TRIGGERS`]).
fn trigger_matches(text: &str) -> Vec<(usize, usize, usize)> {
    matcher().map_or_else(Vec::new, |ac| {
        ac.find_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect()
    })
}

/// [`trigger_matches`] of `body[lo..hi]` (char boundaries), offsets relative to `lo`, given
/// `found`, the matches of the whole `body`.
///
/// A search goes from each match's end to the next leftmost longest match. When no match of
/// the body crosses `lo`, the body's search passes through `lo` and finds from there what a
/// search of `body[lo..]` finds; when none crosses `hi` either, the matches of the body that
/// start in `[lo, hi)` are those of `body[lo..hi]`. A match crossing either bound means a
/// search of the slice itself.
fn matches_within(
    body: &str,
    found: &[(usize, usize, usize)],
    lo: usize,
    hi: usize,
) -> Vec<(usize, usize, usize)> {
    let i = found.partition_point(|&(s, _, _)| s < lo);
    let j = found.partition_point(|&(s, _, _)| s < hi).max(i);
    let crosses = |k: usize, at: usize| {
        k.checked_sub(1)
            .and_then(|k| found.get(k))
            .is_some_and(|&(_, e, _)| e > at)
    };
    if crosses(i, lo) || crosses(j, hi) {
        return trigger_matches(body.get(lo..hi).unwrap_or(""));
    }
    found
        .get(i..j)
        .unwrap_or_default()
        .iter()
        .map(|&(s, e, k)| (s - lo, e - lo, k))
        .collect()
}

/// The triggers of a sentence. `lower` is the sentence lower-cased, `map` the byte offsets of
/// its bytes in the text, `found` its [`trigger_matches`].
fn triggers(lower: &str, map: &[usize], found: &[(usize, usize, usize)]) -> Vec<Trigger> {
    let mut out: Vec<Trigger> = Vec::new();
    for &(s, e, k) in found {
        let Some(&(phrase, kind)) = TRIGGERS.get(k) else {
            continue;
        };
        let left_ok = !lower[..s].chars().next_back().is_some_and(is_alphanumeric);
        let right_ok = !lower[e..].chars().next().is_some_and(is_alphanumeric);
        if !left_ok || !right_ok || !real_trigger(lower, phrase, s, e) {
            continue;
        }
        let at = map.get(s).copied().unwrap_or(0);
        let end = map.get(e).copied().unwrap_or(at);
        out.push(Trigger {
            kind,
            phrase,
            at,
            end,
            rel: s,
            rel_end: e,
        });
    }
    out
}

/// The words of a lower-cased sentence, each with its byte offset.
fn words_of(lower: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(lower.len() / 4);
    let mut from: Option<usize> = None;
    for (i, c) in lower.char_indices() {
        if is_alphanumeric(c) {
            from.get_or_insert(i);
        } else if let Some(f) = from.take() {
            out.push((f, lower.get(f..i).unwrap_or("")));
        }
    }
    if let Some(f) = from {
        out.push((f, lower.get(f..).unwrap_or("")));
    }
    out
}

/// The words of the clause before byte `rel` of a sentence: from its last ";" on.
fn clause_before<'w, 'a>(
    words: &'w [(usize, &'a str)],
    lower: &str,
    rel: usize,
) -> &'w [(usize, &'a str)] {
    let from = lower
        .get(..rel)
        .and_then(|b| b.rfind(';'))
        .map_or(0, |i| i + 1);
    let lo = words.partition_point(|&(at, _)| at < from);
    let hi = words.partition_point(|&(at, _)| at < rel).max(lo);
    &words[lo..hi]
}

/// Whether the words before a trigger (its clause, see [`clause_before`]) speak of a plan, a
/// hope or the future. `common` tells whether the word at an offset is written in lower case
/// (a capitalized "Thống nhất" is a name's, not an agreement).
fn planned(before: &[(usize, &str)], common: impl Fn(usize) -> bool) -> bool {
    static WORDS: OnceLock<PhraseWords> = OnceLock::new();
    says(before, WORDS.get_or_init(|| phrase_words(PLANS)), common)
}

/// Whether the words before a trigger (its clause) give someone's opinion, recollection or
/// appreciation of it ("đánh giá cao việc … đã chọn Việt Nam là nước đi thăm", "cho rằng chuyến
/// thăm …", "nhắc lại việc … đã mời"): what follows is said of an event, not a report of one,
/// unless the event is dated in its clause (a past event recalled: "nhắc lại cuộc gặp … hôm
/// 9/10"). Appreciation does not make a visit hearsay.
fn reported(before: &[(usize, &str)], kind: Kind, common: impl Fn(usize) -> bool + Copy) -> bool {
    static OPINION: OnceLock<PhraseWords> = OnceLock::new();
    static PRAISE: OnceLock<PhraseWords> = OnceLock::new();
    says(
        before,
        OPINION.get_or_init(|| phrase_words(REPORTED)),
        common,
    ) || kind != Kind::Visit
        && says(
            before,
            PRAISE.get_or_init(|| phrase_words(APPRECIATED)),
            common,
        )
}

/// Whether one of `phrases` is a run of `words`, starting at an offset that `common` accepts.
fn says(words: &[(usize, &str)], phrases: &PhraseWords, common: impl Fn(usize) -> bool) -> bool {
    // A phrase is looked up by its first word.
    words.iter().enumerate().any(|(i, &(at, w))| {
        if !phrases.may_open(w) {
            return false;
        }
        let list = &phrases.sorted;
        let first = list.partition_point(|p| p.first().is_some_and(|f| *f < w));
        let mut candidates = list
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|p| p.first() == Some(&w));
        candidates.any(|p| {
            words.get(i..).is_some_and(|rest| {
                rest.len() >= p.len() && rest.iter().zip(p).all(|((_, a), b)| a == b)
            })
        }) && common(at)
    })
}

/// Whether the phrase after a trigger (up to the next comma) names it as coming.
fn coming(lower_after: &str) -> bool {
    let phrase = lower_after.split([',', ';', '.']).next().unwrap_or("");
    COMING.iter().any(|c| has_words(phrase, c))
}

/// Whether `phrase` occurs in `text` as whole words.
fn has_words(text: &str, phrase: &str) -> bool {
    match_starts(text, phrase).any(|i| {
        !text[..i].chars().next_back().is_some_and(is_alphanumeric)
            && !text[i + phrase.len()..]
                .chars()
                .next()
                .is_some_and(is_alphanumeric)
    })
}

/// Whether a visit named as the occasion of what the sentence reports ("nhân chuyến thăm …",
/// "nhân dịp chuyến thăm …") is one still to come: the clause after the occasion tells what
/// "sẽ" happen on it ("nhân chuyến thăm Việt Nam của Tổng thống …, hai hãng sẽ tổ chức …").
fn occasion_to_come(lower_before: &str, lower_after: &str) -> bool {
    let phrase = lower_before.trim_end();
    let occasion = ["nhân", "nhân dịp"].iter().any(|w| {
        phrase
            .strip_suffix(w)
            .is_some_and(|b| !b.chars().next_back().is_some_and(is_alphanumeric))
    });
    occasion
        && lower_after.split_once(',').is_some_and(|(_, main)| {
            let main = main.split(['.', ';']).next().unwrap_or("");
            has_words(main, "sẽ")
        })
}

/// Whether the trigger names what an anniversary is of ("kỷ niệm 40 năm ký Hiệp định Paris",
/// "kỷ niệm 5 năm chuyến thăm"): the text just before it, within its phrase, is "kỷ niệm …".
fn anniversary(lower_before: &str) -> bool {
    let phrase = lower_before.rsplit([',', ';', '(']).next().unwrap_or("");
    let words: Vec<&str> = phrase.split_whitespace().rev().take(5).collect();
    words.windows(2).any(|w| w == ["niệm", "kỷ"])
}

/// Whether visits are counted rather than told: "6 chuyến thăm", "các chuyến thăm", "nhiều lần
/// đến thăm" speak of many trips, none of them an event.
fn counted(lower_before: &str) -> bool {
    let words: Vec<&str> = lower_before
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .rev()
        .take(3)
        .collect();
    let plural = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit())
            || [
                "nhiều", "các", "những", "mấy", "hai", "ba", "bốn", "loạt", "chuỗi",
            ]
            .contains(&w)
    };
    match words.as_slice() {
        [w, ..] if plural(w) => true,
        ["đến" | "sang" | "tới", "lần", w, ..] => plural(w),
        _ => false,
    }
}

/// Whether the phrase after a visit trigger counts the trips ("đã đến thăm Việt Nam 3 lần",
/// "thăm … nhiều lần"): many trips, none of them an event. An ordinal ("lần thứ hai", "lần
/// đầu") is one trip.
fn counted_after(lower_after: &str) -> bool {
    let phrase = lower_after.split([',', ';', '.']).next().unwrap_or("");
    let words: Vec<&str> = phrase
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|w| {
        w[1] == "lần"
            && (w[0].chars().all(|c| c.is_ascii_digit())
                || ["nhiều", "mấy", "hai", "ba", "bốn", "năm", "vài"].contains(&w[0]))
    })
}

/// Phrases split into words, sorted, with a quick test of the words that may open one.
#[derive(Debug)]
struct PhraseWords {
    sorted: Vec<Vec<&'static str>>,
    /// By first byte of a word: the byte lengths (bit `min(len, 63)`) of the opening words
    /// that begin with that byte. Most words of a clause open no phrase, and this tells so
    /// without a search.
    openers: Vec<u64>,
}

impl PhraseWords {
    fn may_open(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().first() else {
            return false;
        };
        let bits = self.openers.get(usize::from(b)).copied().unwrap_or(0);
        bits & (1u64 << word.len().min(63)) != 0
    }
}

/// The words of each phrase, sorted.
fn phrase_words(phrases: &[&'static str]) -> PhraseWords {
    let mut sorted: Vec<Vec<&'static str>> =
        phrases.iter().map(|p| p.split(' ').collect()).collect();
    sorted.sort();
    let mut openers = vec![0u64; 256];
    for w in sorted.iter().filter_map(|p| p.first()) {
        if let Some(slot) = w
            .as_bytes()
            .first()
            .and_then(|&b| openers.get_mut(usize::from(b)))
        {
            *slot |= 1u64 << w.len().min(63);
        }
    }
    PhraseWords { sorted, openers }
}

/// Words after a visit trigger that open another part of the sentence (what the trip is about,
/// for, with whom): a country named after them is no destination ("thăm … nói chuyện về quan
/// hệ với những đối tác Việt Nam").
const PAST_DESTINATION: &[&str] = &[
    " về ",
    " nhằm ",
    " để ",
    " giữa ",
    " với ",
    " trong bối cảnh",
    " cũng như ",
];

/// The host countries of a visit: the first country or place named after the trigger in its
/// sentence that is not the visitor's own ("thăm chính thức Peru", "chuyến thăm … tới Peru"),
/// followed by the countries joined to it by "và" or a comma ("tới Lào và Campuchia"). A country
/// right after an office is whom its holder acts for ("trên cương vị ngoại trưởng Mỹ").
fn destinations(ctx: &Context<'_>, from: usize, to: usize, home: Option<&str>) -> Vec<String> {
    let to = {
        let (lower, map) = ctx.lower.span(from, to);
        PAST_DESTINATION
            .iter()
            .filter_map(|w| find_str(lower, w))
            .min()
            .and_then(|i| map.get(i).copied())
            .unwrap_or(to)
    };
    let tags = starting_in(ctx.tags, from, to, |t| t.start);
    let after_office = |i: usize| {
        let start = tags[i].start;
        i.checked_sub(1).and_then(|j| tags.get(j)).is_some_and(|p| {
            matches!(p.kind, TagKind::Title { .. })
                && ctx
                    .text
                    .get(p.end..start)
                    .is_some_and(|g| g.trim().is_empty())
        })
    };
    let country_of = |i: usize| -> Option<String> {
        let t = &tags[i];
        if t.end > to || in_mention(ctx, t.start, t.end) || after_office(i) {
            return None;
        }
        match &t.kind {
            // A name that is also a word ("Nga", "Anh") is the country right after the trigger
            // ("thăm chính thức Nga", "chuyến thăm tới Anh").
            TagKind::Country { code, ambiguous } => {
                let gap = ctx.lower.str(from, t.start);
                (!ambiguous
                    || gap.split_whitespace().all(|w| {
                        matches!(
                            w,
                            "tới"
                                | "đến"
                                | "sang"
                                | "tại"
                                | "nước"
                                | "chính"
                                | "thức"
                                | "cấp"
                                | "nhà"
                                | "làm"
                                | "việc"
                                | "hữu"
                                | "nghị"
                                | "cao"
                        )
                    }))
                .then(|| code.clone())
            }
            TagKind::Place { country, .. } => Some(country.clone()),
            _ => None,
        }
    };
    let Some(first) =
        (0..tags.len()).find(|&i| country_of(i).is_some_and(|c| Some(c.as_str()) != home))
    else {
        return Vec::new();
    };
    let mut out: Vec<String> = country_of(first).into_iter().collect();
    let mut last = first;
    for i in first + 1..tags.len() {
        let joined = ctx
            .lower
            .str(tags[last].end, tags[i].start)
            .split(|c: char| !is_alphanumeric(c))
            .filter(|w| !w.is_empty())
            .all(|w| w == "và");
        let Some(c) = country_of(i).filter(|_| joined) else {
            break;
        };
        if Some(c.as_str()) != home && !out.contains(&c) {
            out.push(c);
        }
        last = i;
    }
    out
}

/// Whether `start..end` lies inside a person's mention: a country there is whom the person acts
/// for ("Phó trợ lý Ngoại trưởng Mỹ Patrick Murphy"), not a place.
fn in_mention(ctx: &Context<'_>, start: usize, end: usize) -> bool {
    let m = &ctx.persons.mentions;
    let i = m.partition_point(|x| x.start <= start);
    i.checked_sub(1)
        .and_then(|j| m.get(j))
        .is_some_and(|x| x.person.is_some() && end <= x.end)
}

/// The legs of a trip, as (country, first day): each country or city named after a visit
/// trigger and followed closely by its dates ("Lào từ ngày 11-12/7", "Na Uy ngày 24-26/5",
/// "Qatar (31/10-1/11)").
fn legs(
    ctx: &Context<'_>,
    from: usize,
    to: usize,
    home: Option<&str>,
) -> Vec<(String, PartialDate)> {
    let mut out: Vec<(String, PartialDate)> = Vec::new();
    for t in starting_in(ctx.tags, from, to, |t| t.start) {
        let country = match &t.kind {
            TagKind::Country {
                code,
                ambiguous: false,
            } => code,
            TagKind::Place { country, .. } => country,
            _ => continue,
        };
        if Some(country.as_str()) == home || out.iter().any(|(c, _)| c == country) {
            continue;
        }
        let Some(m) = starting_in(ctx.dates, t.end, (t.end + 32).min(to), |m| m.start).first()
        else {
            continue;
        };
        let gap = biennien_text::fold(ctx.text.get(t.end..m.start).unwrap_or("x"));
        let only_joiners = gap
            .split(|c: char| !is_alphanumeric(c))
            .filter(|w| !w.is_empty())
            .all(|w| matches!(w, "tu" | "ngay" | "trong" | "hai" | "cac"));
        if !only_joiners {
            continue;
        }
        if let Some(d) = dates::resolve(m.said, ctx.anchor).filter(|d| d.day.is_some()) {
            out.push((country.clone(), d));
        }
    }
    out
}

/// Words that may stand between "tại" and the place's name.
const PLACE_WORDS: &[&str] = &[
    "thủ", "đô", "thành", "phố", "tp", "thủ", "phủ", "nước", "đảo", "tỉnh",
];

/// The place of a sentence: "tại <place or country>" (also "ở", "ở thủ đô").
fn place_in(ctx: &Context<'_>, start: usize, end: usize) -> Option<(Option<String>, String)> {
    // Only a place or a country tagged in the sentence can be its place.
    let placed = starting_in(ctx.tags, start, end, |t| t.start)
        .iter()
        .any(|t| t.end <= end && matches!(t.kind, TagKind::Place { .. } | TagKind::Country { .. }));
    if !placed {
        return None;
    }
    place_after_word(ctx, start, end)
}

/// The place of a sentence, looked for after each "tại" and "ở" (see [`place_in`]).
fn place_after_word(
    ctx: &Context<'_>,
    start: usize,
    end: usize,
) -> Option<(Option<String>, String)> {
    let (lower, map) = ctx.lower.span(start, end);
    let mut best = None;
    let at_words = ["tại ", "ở "];
    let found = at_words
        .iter()
        .flat_map(|w| match_starts(lower, w).map(move |i| (i, *w)));
    for (i, w) in found {
        if lower[..i].chars().next_back().is_some_and(is_alphanumeric) {
            continue;
        }
        let at = map.get(i + w.len()).copied().unwrap_or(end);
        let hit = starting_in(ctx.tags, at, end, |t| t.start)
            .iter()
            .find(|t| {
                t.end <= end
                    && ctx.text.get(at..t.start).is_some_and(|gap| {
                        gap.split(|c: char| !is_alphanumeric(c))
                            .filter(|g| !g.is_empty())
                            .all(|g| PLACE_WORDS.contains(&g.to_lowercase().as_str()))
                    })
            });
        match hit.map(|t| &t.kind) {
            Some(TagKind::Place { name, country }) => {
                return Some((Some(name.clone()), country.clone()));
            }
            Some(TagKind::Country { code, .. }) => {
                best.get_or_insert((None, code.clone()));
            }
            _ => {}
        }
    }
    best
}

/// The first date a sentence gives, resolved, with whether it is a day.
fn date_in(ctx: &Context<'_>, start: usize, end: usize) -> Option<(PartialDate, usize)> {
    starting_in(ctx.dates, start, end, |m| m.start)
        .iter()
        .filter(|m| m.end <= end)
        .filter(|m| !(m.range && matches!(m.said, Said::Date(d) if d.day.is_none())))
        .find_map(|m| dates::resolve(m.said, ctx.anchor).map(|d| (d, m.start)))
}

/// Whether the date expression at the text offset `at` names a part of the day ("Chiều
/// 17/12", "tối 3-4"): the way an account dates what happened, never the way a history dates a
/// founding. `lower` is its sentence lower-cased and `map` the offsets of its bytes in the text.
fn part_of_day(lower: &str, map: &[usize], at: usize) -> bool {
    let from = map.partition_point(|&o| o < at);
    let word = lower
        .get(from..)
        .and_then(|l| l.split(|c: char| !c.is_alphabetic()).next());
    matches!(
        word,
        Some("sáng" | "trưa" | "chiều" | "tối" | "đêm" | "khuya")
    )
}

/// Words that make a sentence one about the relation's history.
const HISTORY: [&str; 2] = ["thiết lập quan hệ", "kỷ niệm"];

/// Whether a sentence about the relation's history told its history before the text offset
/// `at`: `lower` is the sentence lower-cased and `map` the offsets of its bytes in the text.
/// A date told ahead of the history ("Chiều 17/12, … nhân dịp … kỷ niệm 50 năm quan hệ …")
/// is the date of what the sentence reports; one told after it is the anniversary's.
fn history_before(lower: &str, map: &[usize], at: usize) -> bool {
    HISTORY.iter().any(|phrase| {
        find_str(lower, phrase)
            .and_then(|i| map.get(i))
            .is_some_and(|&t| t < at)
    })
}

/// A date with at least its month told within a short reach of the trigger at `at..end`.
fn date_near(
    ctx: &Context<'_>,
    start: usize,
    end: usize,
    at: usize,
    t_end: usize,
) -> Option<PartialDate> {
    const REACH: usize = 100;
    starting_in(ctx.dates, start, end, |m| m.start)
        .iter()
        .filter(|m| m.end <= end && !m.range)
        .filter(|m| matches!(m.said, Said::Date(d) if d.month.is_some()))
        .map(|m| {
            let gap = if m.start >= t_end {
                m.start - t_end
            } else {
                at.saturating_sub(m.end)
            };
            (gap, m)
        })
        .filter(|(gap, _)| *gap <= REACH)
        .min_by_key(|(gap, _)| *gap)
        .and_then(|(_, m)| dates::resolve(m.said, ctx.anchor))
}

/// The first day of a visit told in its sentence: a span of days ("từ ngày 10 đến 13/8"), or
/// the arrival just before "bắt đầu" the visit at `at` ("đến Hà Nội tối 11/1, bắt đầu chuyến
/// thăm").
fn visit_start(ctx: &Context<'_>, start: usize, end: usize, at: usize) -> Option<PartialDate> {
    let said: Vec<&DateMention> = starting_in(ctx.dates, start, end, |m| m.start)
        .iter()
        .filter(|m| m.end <= end)
        .collect();
    let span = said
        .iter()
        .find(|m| m.range && matches!(m.said, Said::Date(d) if d.day.is_some()));
    let arrival = || {
        if !ctx.text.get(start..at)?.trim_end().ends_with("bắt đầu") {
            return None;
        }
        said.iter()
            .rev()
            .find(|m| m.end <= at && matches!(m.said, Said::Date(d) if d.day.is_some()))
    };
    span.or_else(arrival)
        .and_then(|m| dates::resolve(m.said, ctx.anchor))
}

/// Whether a date is of the article's time rather than history: within a year of the anchor.
fn current(d: PartialDate, anchor: Option<PartialDate>) -> bool {
    match (d.year, anchor.and_then(|a| a.year)) {
        (Some(y), Some(a)) => y >= a - 1 && y <= a + 1,
        _ => true,
    }
}

/// A participant for a mention; an unnamed office holder becomes the article's one named person
/// of that country when there is exactly one ("người đồng cấp Chile").
fn participant(ctx: &Context<'_>, m: &Mention) -> Participant {
    match m.person {
        // One person listed twice under the same name is one participant.
        Some(i) => Participant {
            person: ctx
                .persons
                .list
                .get(i)
                .and_then(|p| ctx.persons.list.iter().position(|q| q.name == p.name))
                .or(Some(i)),
            country: ctx.persons.list.get(i).and_then(|p| p.country.clone()),
            role: m.role.clone(),
        },
        None => {
            let same: Vec<usize> = ctx
                .persons
                .list
                .iter()
                .enumerate()
                .filter(|(_, p)| p.country.is_some() && p.country == m.country)
                .map(|(i, _)| i)
                .collect();
            // Among several, the one holding the office named ("Ngoại trưởng Mỹ" when the
            // article names the US President and the Secretary of State).
            let holder: Vec<usize> = match &m.role {
                Some(role) if same.len() > 1 => same
                    .iter()
                    .copied()
                    .filter(|&i| {
                        ctx.persons
                            .list
                            .get(i)
                            .is_some_and(|p| p.roles.contains(role))
                    })
                    .collect(),
                _ => same,
            };
            Participant {
                person: (holder.len() == 1).then(|| holder[0]),
                country: m.country.clone(),
                role: m.role.clone(),
            }
        }
    }
}

/// The countries named after "với các" and an office in the plural, up to the clause's end
/// ("với các ngoại trưởng Mỹ, New Zealand và Đại diện cao cấp … của Liên minh châu Âu (EU)"),
/// each with that office, when nobody in the list is named. Empty otherwise.
fn plural_counterparts(
    ctx: &Context<'_>,
    lower: &str,
    map: &[usize],
    rel_end: usize,
    clause_end: usize,
) -> Vec<(String, String)> {
    let after = lower.get(rel_end..).unwrap_or("");
    let Some(i) =
        find_str(after, "với các ").filter(|&i| after[..i].split_whitespace().count() <= 3)
    else {
        return Vec::new();
    };
    let rel = rel_end + i + "với các ".len();
    // The list ends where the clause goes on to something else.
    let tail = &lower[rel..];
    let stop = [";", ", theo", " để ", " nhằm ", ":"]
        .iter()
        .filter_map(|w| find_str(tail, w))
        .min()
        .map_or(lower.len(), |j| rel + j);
    let (Some(&from), Some(&to)) = (map.get(rel), map.get(stop)) else {
        return Vec::new();
    };
    let to = to.min(clause_end);
    let office = starting_in(ctx.tags, from, to, |t| t.start)
        .first()
        .filter(|t| t.start == from)
        .and_then(|t| match &t.kind {
            TagKind::Title { role, .. } => Some(role.clone()),
            _ => None,
        });
    let Some(office) = office else {
        return Vec::new();
    };
    let named = starting_in(&ctx.persons.mentions, from, to, |m| m.start)
        .iter()
        .any(|m| {
            m.person
                .and_then(|p| ctx.persons.list.get(p))
                .and_then(|p| p.name.rsplit(' ').next())
                .is_some_and(|last| {
                    ctx.text
                        .get(m.start..m.end)
                        .is_some_and(|t| t.contains(last))
                })
        });
    if named {
        return Vec::new();
    }
    let mut out: Vec<(String, String)> = Vec::new();
    for t in starting_in(ctx.tags, from, to, |t| t.start) {
        let code = match &t.kind {
            TagKind::Country { code, .. } => code.clone(),
            TagKind::Organization { country: None } => {
                let name = biennien_text::fold(ctx.text.get(t.start..t.end).unwrap_or(""));
                if name == "eu" || name == "lien minh chau au" {
                    "EU".to_string()
                } else {
                    continue;
                }
            }
            _ => continue,
        };
        if !out.iter().any(|(c, _)| *c == code) {
            out.push((code, office.clone()));
        }
    }
    out
}

/// Vietnamese offices named without a name ("Hội đàm giữa Tổng Bí thư, Chủ tịch nước với Tổng
/// thống Mozambique", "Thủ tướng nhắc lại cuộc gặp …") whose holder the article names: mentions
/// of that holder. `named` are the sentence's mentions, which such a title is not part of.
fn bare_titles(ctx: &Context<'_>, start: usize, end: usize, named: &[&Mention]) -> Vec<Mention> {
    starting_in(ctx.tags, start, end, |t| t.start)
        .iter()
        .filter(|t| !named.iter().any(|m| m.start < t.end && t.start < m.end))
        .filter_map(|t| match &t.kind {
            TagKind::Title {
                role,
                vietnamese: true,
            } => {
                let m = Mention {
                    start: t.start,
                    end: t.end,
                    person: None,
                    role: Some(role.clone()),
                    country: Some("VN".to_string()),
                };
                let p = participant(ctx, &m);
                p.person.map(|i| Mention {
                    person: Some(i),
                    ..m
                })
            }
            _ => None,
        })
        .collect()
}

/// Participants of mentions, de-duplicated; an unnamed holder of a country someone named acts
/// for adds nobody.
fn participants(ctx: &Context<'_>, mentions: &[&Mention]) -> Vec<Participant> {
    let mut out: Vec<Participant> = Vec::new();
    for m in mentions {
        let p = participant(ctx, m);
        let dup = out.iter().any(|q| match (q.person, p.person) {
            (Some(a), Some(b)) => a == b,
            (None, None) => q.country == p.country,
            _ => false,
        });
        if !dup {
            out.push(p);
        }
    }
    let named: Vec<Option<String>> = out
        .iter()
        .filter(|p| p.person.is_some())
        .map(|p| p.country.clone())
        .collect();
    out.retain(|p| p.person.is_some() || !named.contains(&p.country));
    out
}

/// Whether all participants are known to act for one and the same country. Vietnam, the
/// country a Vietnamese title gives whoever holds it, is not taken as known for a name without
/// the shape of a Vietnamese one ("Thứ trưởng Khamking Phuilamanyvong").
fn one_country(ctx: &Context<'_>, parts: &[Participant]) -> bool {
    let first = parts.first().and_then(|p| p.country.as_deref());
    let doubtful = |p: &Participant| {
        p.country.as_deref() == Some("VN")
            && p.person
                .and_then(|i| ctx.persons.list.get(i))
                .is_some_and(|x| !vietnamese_shape(&x.name.split_whitespace().collect::<Vec<_>>()))
    };
    first.is_some()
        && parts
            .iter()
            .all(|p| p.country.as_deref() == first && !doubtful(p))
}

fn key(parts: &[Participant]) -> Vec<(Option<usize>, Option<String>)> {
    let mut k: Vec<_> = parts
        .iter()
        .map(|p| (p.person, p.country.clone()))
        .collect();
    k.sort();
    k
}

/// Phrases meaning "both sides" that stand for the participants of the last encounter.
const BOTH: &[&str] = &[
    "hai bên",
    "hai nhà lãnh đạo",
    "hai bộ trưởng",
    "hai thủ tướng",
    "hai người",
    "hai lãnh đạo",
    "hai chủ tịch",
    "hai ngoại trưởng",
    "hai tổng thống",
    "hai đồng chí",
    "hai thứ trưởng",
];

/// Whether a sentence is page furniture the body kept: a photo caption (its line ends with the
/// credit "Ảnh: …", or reads "Nguồn hình ảnh, … Chụp lại hình ảnh, …") or a cut teaser of
/// another story (its line ends in "...").
fn furniture(text: &str, start: usize, end: usize) -> bool {
    let line_start = text
        .get(..start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = text
        .get(end..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| end + i);
    let line = text.get(line_start..line_end).unwrap_or("").trim_end();
    let tail = line
        .char_indices()
        .rev()
        .nth(60)
        .map_or(line, |(i, _)| &line[i..]);
    has(tail, "Ảnh:")
        || has(line, "Chụp lại hình ảnh")
        || line.ends_with("...") && !line.ends_with("....")
        || line.ends_with('…')
}

/// Finds the events of an article.
pub fn find(ctx: &Context<'_>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut last_date: Option<PartialDate> = None;
    // For an event when nothing is dated before it: the article's month, when it was published
    // late enough in it for the few days a report looks back on to lie in it; else its year.
    let year_only = ctx.anchor.map(|a| PartialDate {
        month: a.month.filter(|_| a.day.is_some_and(|d| d > 3)),
        day: None,
        ..a
    });
    let mut last_place: Option<(Option<String>, String)> = None;
    let mut last_parts: Vec<Participant> = Vec::new();
    // Visitors whose trip the article announces as planned or coming.
    let mut planned_visitors: Vec<Option<usize>> = Vec::new();
    // Who arrived where on which day ("tối 12/10, ngay khi đến Hà Nội, Thủ tướng X …").
    let mut arrivals: Vec<(usize, String, PartialDate)> = Vec::new();
    // The triggers are looked for in one pass over the whole body (see [`matches_within`]).
    let body = ctx.lower.text();
    let found = trigger_matches(body);
    for &(s_start, s_end) in ctx.sentences {
        // The sentence lower-cased, as `ctx.lower.span` gives it, and where it lies in `body`.
        let lo = ctx.lower.at(s_start);
        let hi = ctx.lower.at(s_end).max(lo);
        let (lower, map) = match (body.get(lo..hi), ctx.lower.map().get(lo..=hi)) {
            (Some(t), Some(m)) => (t, m),
            _ => ("", &[][..]),
        };
        // A sentence about the relation's history; only asked of a sentence with a date or a
        // trigger, the only ones it changes anything for.
        let mut historic_once: Option<bool> = None;
        let mut historic_of =
            || *historic_once.get_or_insert_with(|| HISTORY.iter().any(|p| has(lower, p)));
        let said_at = date_in(ctx, s_start, s_end);
        let said = said_at.map(|(d, _)| d);
        // In a sentence that names an anniversary or a founding, a date of the story's time
        // told as an account tells one is still the sentence's own.
        let told_now = || {
            said_at.is_some_and(|(d, at)| {
                current(d, ctx.anchor)
                    && (part_of_day(lower, map, at) || !history_before(lower, map, at))
            })
        };
        let mut own_date = said.filter(|_| !historic_of() || told_now());
        // "Cùng ngày", "chiều cùng ngày": the day last told, over a coarser date of its own.
        if last_date.is_some_and(|d| d.day.is_some())
            && own_date.is_none_or(|d| d.day.is_none())
            && has(lower, "cùng ngày")
        {
            own_date = last_date.filter(|d| d.day.is_some()).or(own_date);
        }
        let trig = if lower.is_empty() {
            Vec::new()
        } else {
            triggers(lower, map, &matches_within(body, &found, lo, hi))
        };
        let historic = (own_date.is_some() || !trig.is_empty()) && historic_of() && !told_now();
        // A visit's start told after its encounters ("đến Hà Nội chiều 7/4, bắt đầu chuyến
        // thăm") does not date what follows.
        let visit_only = !trig.is_empty() && trig.iter().all(|t| t.kind == Kind::Visit);
        if let Some(d) = own_date.filter(|d| current(*d, ctx.anchor) && !historic) {
            let earlier_start = visit_only && last_date.is_some_and(|l| l.day.is_some() && d < l);
            // A day recalled from well before the story's ("nhắc lại cuộc gặp … (29/10)").
            let recalled = last_date
                .and_then(|l| l.days_before(31))
                .is_some_and(|l| d.day.is_some() && d < l);
            if (d.day.is_some() || last_date.is_none()) && !earlier_start && !recalled {
                last_date = Some(d);
            }
        }
        let own_place = place_in(ctx, s_start, s_end);
        if own_place.is_some() {
            last_place = own_place.clone();
        }
        if let Some(d) = own_date.filter(|d| d.day.is_some() && !historic) {
            if !furniture(ctx.text, s_start, s_end) {
                let arrived_in = starting_in(ctx.tags, s_start, s_end, |t| t.start)
                    .iter()
                    .find_map(|tg| {
                        let lead = ctx.lower.span(s_start, tg.start).0.trim_end();
                        let arrived = ["đến", "tới", "đến thủ đô", "tới thủ đô"]
                            .iter()
                            .any(|w| has(lead, w) && lead.ends_with(w));
                        match &tg.kind {
                            TagKind::Place { country, .. } if arrived => Some(country.clone()),
                            TagKind::Country { code, .. } if arrived => Some(code.clone()),
                            _ => None,
                        }
                    });
                if let Some(c) = arrived_in {
                    for m in starting_in(&ctx.persons.mentions, s_start, s_end, |m| m.start) {
                        if let Some(p) = m.person {
                            arrivals.push((p, c.clone(), d));
                        }
                    }
                }
            }
        }
        if trig.is_empty() || furniture(ctx.text, s_start, s_end) {
            continue;
        }
        // A back reference is the sentence's opening phrase, up to its first comma.
        let opening_end = BACK_REFERENCES
            .iter()
            .any(|b| lower.starts_with(b))
            .then(|| lower.find(',').and_then(|i| map.get(i).copied()))
            .flatten();
        let mentions: Vec<&Mention> =
            starting_in(&ctx.persons.mentions, s_start, s_end, |m| m.start)
                .iter()
                .filter(|m| m.end <= s_end)
                .collect();
        // Persons after "lời mời của" are the hosts behind a visit, not its participants.
        let invited_by =
            find_str(lower, "lời mời của").map(|i| map.get(i).copied().unwrap_or(s_end));
        let invite_at = trig.iter().find(|t| t.kind == Kind::Invite).map(|t| t.at);
        let words = words_of(lower);
        // Whether the word at an offset of `lower` is written in lower case in the text, or opens
        // the sentence: a capitalized word inside it belongs to a name.
        let common = |i: usize| {
            !lower
                .get(..i)
                .is_some_and(|b| b.chars().any(is_alphanumeric))
                || !map
                    .get(i)
                    .and_then(|&o| ctx.text.get(o..))
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_uppercase)
        };
        for (k, t) in trig.iter().enumerate() {
            if t.kind == Kind::Visit && invite_at.is_some_and(|i| i < t.at) {
                // "mời … thăm Việt Nam": the visit is what is invited to.
                continue;
            }
            // The clause of this trigger: up to the next trigger of another type, or of
            // another word for the same kind of encounter joined on after an object of its own
            // ("gặp Chủ tịch Thượng viện Romania, và chào xã giao Tổng thống …").
            let joined = |a: &Trigger, b: &Trigger| {
                a.kind == b.kind && a.phrase != b.phrase && {
                    let gap = lower.get(a.rel_end..b.rel).unwrap_or("").trim_end();
                    (gap.ends_with(", và") || gap.ends_with(','))
                        && gap.split_whitespace().count() >= 4
                }
            };
            let clause_end = trig
                .iter()
                .skip(k + 1)
                .find(|n| n.kind != t.kind || joined(t, n))
                .map_or(s_end, |n| n.at);
            // The object of the word this one is joined on to is not this one's.
            let object_before = trig[..k]
                .iter()
                .rev()
                .find(|p| joined(p, t))
                .map(|p| (p.end, t.at));
            let before = clause_before(&words, lower, t.rel);
            let recalled_undated = reported(before, t.kind, common) && {
                // A date still to come ("vào tháng 11 tới") does not date what is recalled.
                let coming_date = |m: &DateMention| {
                    let after = ctx.text.get(m.end..).unwrap_or("").trim_start();
                    ["tới", "sắp tới", "tới đây"]
                        .iter()
                        .any(|w| after.starts_with(w))
                };
                !starting_in(ctx.dates, t.at, clause_end, |m| m.start)
                    .iter()
                    .filter(|m| m.end <= clause_end && !coming_date(m))
                    .filter(|m| !(m.range && matches!(m.said, Said::Date(d) if d.day.is_none())))
                    .any(|m| dates::resolve(m.said, ctx.anchor).is_some())
            };
            // What one side agreed or proposed before a comma does not make the invitation
            // delivered after it a plan ("nhất trí …, chuyển lời mời của …").
            let before = if t.phrase == "chuyển lời mời" {
                let comma = lower[..t.rel].rfind(',').map_or(0, |i| i + 1);
                let lo = before.partition_point(|&(at, _)| at < comma);
                &before[lo..]
            } else {
                before
            };
            let plan = planned(before, common)
                || coming(&lower[t.rel..])
                || t.kind == Kind::Visit && occasion_to_come(&lower[..t.rel], &lower[t.rel_end..]);
            if plan && t.kind != Kind::Visit
                || anniversary(&lower[..t.rel])
                || recalled_undated
                || (t.kind == Kind::Visit
                    && (counted(&lower[..t.rel]) || counted_after(&lower[t.rel_end..])))
            {
                continue;
            }
            // Told as having happened, or happening: "đã thăm", "vừa có chuyến thăm", "đang
            // thăm", "trước đó".
            let told_done = before
                .iter()
                .any(|(_, w)| matches!(*w, "đã" | "vừa" | "đang" | "từng" | "trước" | "qua"));
            let clause_start = trig[..k]
                .iter()
                .rev()
                .find(|n| n.kind != t.kind)
                .map_or(s_start, |n| n.end);
            let in_clause: Vec<&Mention> = mentions
                .iter()
                .copied()
                .filter(|m| m.start < clause_end)
                .filter(|m| object_before.is_none_or(|(a, b)| m.start < a || m.start >= b))
                .filter(|m| invited_by.is_none_or(|ib| m.start < ib || t.kind == Kind::Invite))
                .collect();
            let in_clause = if in_clause.iter().any(|m| m.person.is_some()) {
                in_clause
            } else {
                mentions.clone()
            };
            // A date after the publication is a plan; an invitation is dated by the meeting
            // it was made at, not by the event it invites to.
            let future = own_date.is_some_and(|d| {
                ctx.anchor
                    .is_some_and(|a| a.day.is_some() && d.day.is_some() && d > a)
            });
            if future && t.kind != Kind::Invite {
                continue;
            }
            let mut date = if t.kind == Kind::Invite {
                last_date.or(own_date)
            } else {
                own_date.or(last_date)
            }
            .or(year_only);
            // "ngày 22-12-1992 đã ký …", "nhân chuyến thăm … (tháng 6/2013)": in a sentence
            // about the relation's history, the day or month told next to the trigger.
            let near = if historic {
                date_near(ctx, s_start, s_end, t.at, t.end)
            } else {
                None
            };
            date = near.or(date);
            let mut place = own_place.clone().or_else(|| last_place.clone());
            let mut groups: Vec<Vec<Participant>> = Vec::new();
            // The further legs of a trip, told after its first.
            let mut legs_after: Vec<Found> = Vec::new();
            // "hội đàm giữa A và B": the parties are the ones after "giữa".
            let between = lower[t.rel_end..]
                .split_whitespace()
                .next()
                .is_some_and(|w| w == "giữa");
            let parties_from = if between { t.end } else { clause_start };
            match t.kind {
                Kind::Visit => {
                    // The visitor: the persons before the trigger, or the one after "của".
                    let before: Vec<&Mention> = in_clause
                        .iter()
                        .copied()
                        .filter(|m| m.end <= t.at && m.start >= clause_start)
                        .collect();
                    // "chuyến thăm của X": the visitor follows.
                    let noun = lower[t.rel..].starts_with("chuyến");
                    // Its owner is told close by, in the trigger's phrase: a "của" further on
                    // is another noun's ("… công bố món quà của Việt Nam").
                    let owner = find_str(&lower[t.rel..], " của ")
                        .filter(|&i| i < 80 && !lower[t.rel..t.rel + i].contains(','));
                    let owner_follows = noun && owner.is_some();
                    // "đều", "lần lượt" right before the trip: the persons named before it
                    // travelled each on their own.
                    let each = {
                        let lead: Vec<&str> =
                            lower[..t.rel].split_whitespace().rev().take(4).collect();
                        lead.contains(&"đều") || lead.windows(2).any(|w| w == ["lượt", "lần"])
                    } && before.iter().filter(|m| m.person.is_some()).count() >= 2
                        && before.windows(2).all(|w| {
                            // Joined by "và" or a comma, with at most a title between.
                            let gap = ctx.lower.span(w[0].end, w[1].start).0;
                            let words: Vec<&str> = gap.split_whitespace().collect();
                            words.len() <= 6
                                && (words.first().is_some_and(|w| *w == "và")
                                    || gap.trim_start().starts_with(','))
                        });
                    let visitors: Vec<&Mention> = if before.is_empty() || owner_follows {
                        match owner.and_then(|i| map.get(t.rel + i).copied()) {
                            Some(c) => in_clause
                                .iter()
                                .copied()
                                .filter(|m| m.start >= c)
                                .take(1)
                                .collect(),
                            // "Trong khuôn khổ chuyến thăm Lào, ngày 3/8, Bộ trưởng X hội đàm
                            // …": the visitor is the one the sentence goes on about.
                            None if noun => in_clause
                                .iter()
                                .copied()
                                .filter(|m| m.start >= t.end && m.person.is_some())
                                .take(1)
                                .collect(),
                            None => Vec::new(),
                        }
                    } else if each {
                        // "A và B đều có chuyến thăm …": each made a trip of his own.
                        before.into_iter().filter(|m| m.person.is_some()).collect()
                    } else {
                        before.into_iter().rev().take(1).collect()
                    };
                    // "…, ông đã công du Lào": a pronoun as the traveller, with nobody named
                    // in the sentence before it, is the person last named before the sentence.
                    let pronoun = || {
                        let lead: Vec<&str> = lower[..t.rel]
                            .split(|c: char| !is_alphanumeric(c))
                            .filter(|w| !w.is_empty())
                            .rev()
                            .skip_while(|w| {
                                matches!(
                                    *w,
                                    "đã" | "vừa" | "đang" | "cũng" | "có" | "sang" | "đến" | "đi"
                                )
                            })
                            .take(1)
                            .collect();
                        let named_before = mentions
                            .iter()
                            .any(|m| m.start < t.at && m.person.is_some());
                        (matches!(lead.as_slice(), ["ông" | "bà"]) && !named_before)
                            .then(|| {
                                let m = &ctx.persons.mentions;
                                m[..m.partition_point(|x| x.start < s_start)]
                                    .iter()
                                    .rev()
                                    .find(|x| x.person.is_some())
                            })
                            .flatten()
                    };
                    let visitors: Vec<&Mention> = if visitors.is_empty() {
                        pronoun().into_iter().collect()
                    } else {
                        visitors
                    };
                    let visitors: Vec<Participant> = participants(ctx, &visitors)
                        .into_iter()
                        .filter(|p| p.person.is_some())
                        .collect();
                    let home = visitors.first().and_then(|p| p.country.clone());
                    let dests = destinations(ctx, t.end, s_end, home.as_deref());
                    let Some(dest) = dests.first().cloned() else {
                        continue;
                    };
                    let visitors: Vec<Participant> = visitors
                        .into_iter()
                        .filter(|p| p.country.as_deref() != Some(dest.as_str()))
                        .collect();
                    if visitors.is_empty() {
                        continue;
                    }
                    // A visitor whose trip the article announces: his other trips told without
                    // a word of their having happened are part of the plan ("X sẽ thăm Nga …
                    // X sau đó thăm Na Uy và Thụy Điển").
                    let announced = visitors
                        .iter()
                        .any(|v| planned_visitors.contains(&v.person));
                    if plan {
                        planned_visitors.extend(visitors.iter().map(|v| v.person));
                        continue;
                    }
                    // A day told up to the publication's is a report, not the plan.
                    let reported_day = own_date.is_some_and(|d| {
                        d.day.is_some() && ctx.anchor.is_some_and(|a| a.day.is_some() && d <= a)
                    });
                    if announced && !told_done && !reported_day {
                        continue;
                    }
                    place = Some((
                        own_place
                            .as_ref()
                            .filter(|p| p.1 == dest)
                            .and_then(|p| p.0.clone()),
                        dest,
                    ));
                    // "Trong khuôn khổ chuyến thăm …, ngày 3/8, X hội đàm …": the trip frames
                    // what the day is told of; without its first day, it has the month.
                    let framed = noun && {
                        let from = lower[..t.rel].rfind([',', ';']).map_or(0, |i| i + 1);
                        let lead = lower[from..t.rel].trim();
                        ["trong khuôn khổ", "trong", "nhân", "nhân dịp", "dịp"]
                            .iter()
                            .any(|w| lead.ends_with(w))
                    };
                    if own_date.is_none() && near.is_none() || framed {
                        date = date.or(last_date).map(|d| PartialDate { day: None, ..d });
                    }
                    if let Some(d) = visit_start(ctx, s_start, s_end, t.at).filter(|_| !historic) {
                        date = Some(d);
                    }
                    // "thăm Lào từ ngày 11-12/7 và Campuchia từ ngày 12-13/7": one visit per
                    // country, each dated by its own first day.
                    let legs = legs(ctx, t.end, clause_end, home.as_deref());
                    // "tới Lào và Campuchia (11-13/7)": the days told after the last country
                    // are the whole trip's; the first country has its first day, the others
                    // their month.
                    let shared = dests.len() > 1
                        && match legs.as_slice() {
                            [] => true,
                            [(c, _)] => dests.last() == Some(c),
                            _ => false,
                        };
                    let legs = if shared {
                        if let Some((_, d)) = legs.first() {
                            date = Some(*d);
                        }
                        for c in &dests[1..] {
                            legs_after.push(Found {
                                kind: Kind::Visit,
                                date: date.map(|d| PartialDate { day: None, ..d }),
                                place: None,
                                country: Some(c.clone()),
                                participants: visitors.clone(),
                                evidence: (s_start, s_end),
                                phrase: t.phrase,
                            });
                        }
                        Vec::new()
                    } else {
                        legs
                    };
                    if let Some(((first_country, first_date), rest)) = legs.split_first() {
                        for (c, d) in rest {
                            legs_after.push(Found {
                                kind: Kind::Visit,
                                date: Some(*d),
                                place: None,
                                country: Some(c.clone()),
                                participants: visitors.clone(),
                                evidence: (s_start, s_end),
                                phrase: t.phrase,
                            });
                        }
                        if place.as_ref().is_some_and(|p| &p.1 != first_country) {
                            place = Some((None, first_country.clone()));
                        }
                        date = Some(*first_date);
                    }
                    if each {
                        // One trip per traveller, the further legs too.
                        let mut own_legs = Vec::new();
                        for v in &visitors {
                            for l in &legs_after {
                                own_legs.push(Found {
                                    participants: vec![v.clone()],
                                    ..l.clone()
                                });
                            }
                            groups.push(vec![v.clone()]);
                        }
                        legs_after = own_legs;
                    } else {
                        groups.push(visitors);
                    }
                }
                Kind::Receive
                    if lower[t.rel..].starts_with("trình quốc thư") && {
                        // "Đại sứ X trình Quốc thư lên Chủ tịch nước Y": the host follows the
                        // trigger, the envoy is the nearest foreigner to it.
                        let host = mentions
                            .iter()
                            .find(|m| m.start >= t.end && m.person.is_some())
                            .map(|m| participant(ctx, m));
                        let envoy = host.as_ref().and_then(|h| {
                            let foreign = |m: &&&Mention| {
                                m.person.is_some() && participant(ctx, m).country != h.country
                            };
                            let before = mentions
                                .iter()
                                .rev()
                                .filter(|m| m.end <= t.at)
                                .find(foreign);
                            before
                                .or_else(|| {
                                    mentions.iter().filter(|m| m.start >= t.end).find(foreign)
                                })
                                .map(|m| participant(ctx, m))
                        });
                        match (host, envoy) {
                            (Some(h), Some(e)) => {
                                if place.is_none() {
                                    place = h.country.clone().map(|c| (None, c));
                                }
                                groups.push(vec![h, e]);
                                true
                            }
                            _ => false,
                        }
                    } => {}
                _ => {
                    let in_clause: Vec<&Mention> = if between {
                        in_clause
                            .iter()
                            .copied()
                            .filter(|m| m.start >= t.end)
                            .collect()
                    } else {
                        in_clause
                    };
                    let people = participants(ctx, &in_clause);
                    let subjects: Vec<Participant> = {
                        let before: Vec<&Mention> = in_clause
                            .iter()
                            .copied()
                            .filter(|m| m.end <= t.at)
                            .collect();
                        participants(ctx, &before)
                    };
                    let objects: Vec<Participant> = people
                        .iter()
                        .filter(|p| !subjects.contains(p))
                        .cloned()
                        .collect();
                    // "A gặp B, C và D": one encounter per counterpart.
                    let split = matches!(
                        t.kind,
                        Kind::Meet | Kind::Talks | Kind::Call | Kind::Receive
                    ) && !subjects.is_empty()
                        && objects.iter().filter(|p| p.person.is_some()).count() >= 2;
                    // "tiếp xúc với các ngoại trưởng Mỹ, New Zealand và EU": one encounter
                    // per country named after an office in the plural, each counterpart
                    // unnamed.
                    let listed = if matches!(t.kind, Kind::Meet | Kind::Talks | Kind::Call)
                        && !subjects.is_empty()
                    {
                        plural_counterparts(ctx, lower, map, t.rel_end, clause_end)
                    } else {
                        Vec::new()
                    };
                    let own = subjects.first().and_then(|p| p.country.clone());
                    let listed: Vec<(String, String)> = listed
                        .into_iter()
                        .filter(|(c, _)| Some(c) != own.as_ref())
                        .collect();
                    if listed.len() >= 2 {
                        for (c, role) in listed {
                            let mut g = subjects.clone();
                            g.push(Participant {
                                person: None,
                                country: Some(c),
                                role: Some(role),
                            });
                            groups.push(g);
                        }
                    } else if split {
                        for o in &objects {
                            let mut g = subjects.clone();
                            g.push(o.clone());
                            groups.push(g);
                        }
                    } else {
                        groups.push(people);
                    }
                    if t.kind == Kind::Receive && place.is_none() {
                        if let Some(c) = subjects.first().and_then(|p| p.country.clone()) {
                            place = Some((None, c));
                        }
                    }
                }
            }
            // "Ngay sau lễ đón và cuộc gặp riêng, A hội đàm với B": an encounter named in a
            // lead-in phrase, before anyone is named, is between the parties of the sentence.
            let lead_in = {
                let from = lower[..t.rel].rfind(',').map_or(0, |i| i + 1);
                let phrase = lower[from..t.rel].trim_start();
                ["sau ", "ngay sau ", "tiếp sau ", "trước ", "ngay trước "]
                    .iter()
                    .any(|w| phrase.starts_with(w))
                    && !mentions.iter().any(|m| m.start < t.at)
            };
            // "Hai bên đã ký …": both sides, named before the trigger, are the parties of the
            // encounter last told, or of the one the sentence opens on ("Tại cuộc hội đàm, hai
            // bên đã ký …"). Said after it ("cam kết của hai bên"), they are no subject.
            let both = BOTH.iter().any(|b| has(&lower[..t.rel], b));
            let referred = opening_end
                .and_then(|o| trig.iter().find(|r| r.at < o))
                .filter(|r| r.kind != t.kind)
                .and_then(|r| out.iter().rev().find(|e| e.kind == r.kind))
                .map(|e| e.participants.clone());
            let both_parts = referred.unwrap_or_else(|| last_parts.clone());
            for mut people in groups {
                if t.kind != Kind::Visit && people.iter().all(|p| p.person.is_none()) {
                    if both && !both_parts.is_empty() {
                        people = both_parts.clone();
                    } else {
                        continue;
                    }
                }
                let sentence_parties = || {
                    let all = participants(ctx, &mentions);
                    (all.len() >= 2 && !one_country(ctx, &all)).then_some(all)
                };
                if t.kind != Kind::Visit && people.len() < 2 {
                    if both && both_parts.len() >= 2 {
                        people = both_parts.clone();
                    } else if let Some(all) = lead_in.then(sentence_parties).flatten() {
                        people = all;
                    } else if let Some(holder) =
                        bare_titles(ctx, parties_from, clause_end, &mentions)
                            .iter()
                            .map(|m| participant(ctx, m))
                            .find(|h| people.iter().all(|p| p.country != h.country))
                    {
                        // The other side named by a Vietnamese office alone.
                        people.push(holder);
                    } else {
                        // One named actor and a foreign state named in the clause.
                        let own = people.first().and_then(|p| p.country.clone());
                        let other = ctx
                            .tags
                            .iter()
                            .filter(|tg| tg.start >= clause_start && tg.end <= clause_end)
                            .find_map(|tg| match &tg.kind {
                                TagKind::Country {
                                    code,
                                    ambiguous: false,
                                } if Some(code) != own.as_ref() => Some(code.clone()),
                                _ => None,
                            });
                        match other {
                            Some(c) => {
                                let m = Mention {
                                    start: 0,
                                    end: 0,
                                    person: None,
                                    role: None,
                                    country: Some(c),
                                };
                                let mut p = participant(ctx, &m);
                                // A state whose envoy is visiting is met in the visitor.
                                if p.person.is_none() {
                                    p = out
                                        .iter()
                                        .filter(|e| e.kind == Kind::Visit)
                                        .flat_map(|e| &e.participants)
                                        .find(|v| v.person.is_some() && v.country == p.country)
                                        .cloned()
                                        .unwrap_or(p);
                                }
                                people.push(p);
                            }
                            None => continue,
                        }
                    }
                }
                // An invitation told among compatriots ("A chuyển lời mời của B mời …") is
                // made to the foreign side of the encounter last told.
                if t.kind == Kind::Invite && one_country(ctx, &people) {
                    let own = people.first().and_then(|p| p.country.clone());
                    people.extend(
                        last_parts
                            .iter()
                            .filter(|p| p.person.is_some() && p.country != own)
                            .cloned(),
                    );
                }
                if t.kind != Kind::Visit && one_country(ctx, &people) {
                    // Compatriots meeting is no diplomatic event.
                    continue;
                }
                if t.kind != Kind::Visit {
                    last_parts = people.clone();
                }
                let (place_name, country) = match place.clone() {
                    Some((n, c)) => (n, Some(c)),
                    None => (None, None),
                };
                let found = Found {
                    kind: t.kind,
                    date,
                    place: place_name,
                    country,
                    participants: people,
                    evidence: (s_start, s_end),
                    phrase: t.phrase,
                };
                let k = key(&found.participants);
                // A visit to another country of the same trip is another visit.
                let other_leg = |e: &Found| e.kind == Kind::Visit && e.country != found.country;
                let back_reference = opening_end.is_some_and(|o| t.at < o);
                let named: Vec<usize> =
                    found.participants.iter().filter_map(|p| p.person).collect();
                // "Tại cuộc gặp, …" naming nobody refers to the encounter last told, if any.
                let bare_reference = back_reference
                    && !mentions
                        .iter()
                        .any(|m| opening_end.is_some_and(|o| m.start < o));
                let known = bare_reference && out.iter().any(|e| e.kind != Kind::Visit)
                    || out.iter().any(|e| {
                        if back_reference {
                            named
                                .iter()
                                .all(|n| e.participants.iter().any(|p| p.person == Some(*n)))
                        } else {
                            e.kind == found.kind
                                && !other_leg(e)
                                && e.date == found.date
                                && key(&e.participants) == k
                        }
                    });
                // The same encounter told again with a finer date ("hôm nay", then "hôm 1/8").
                let coarser = out.iter_mut().find(|e| {
                    e.kind == found.kind
                        && !other_leg(e)
                        && key(&e.participants) == k
                        && compatible(e.date, found.date)
                        && precision(found.date) > precision(e.date)
                });
                if let Some(e) = coarser {
                    e.date = found.date;
                } else if !known {
                    out.push(found);
                }
            }
            out.append(&mut legs_after);
        }
    }
    let mut out = month_of_activity(drop_restated(drop_unsplit(drop_plain_meetings(
        merge_receptions(merge_visits(out, ctx.anchor)),
    ))));
    // A visit without its first day begins on the day its visitor is told to have arrived in
    // the host country, in the visit's month.
    for v in out
        .iter_mut()
        .filter(|v| v.kind == Kind::Visit && v.date.is_some_and(|d| d.day.is_none()))
    {
        let day = arrivals
            .iter()
            .filter(|(p, c, d)| {
                v.country.as_ref() == Some(c)
                    && compatible(v.date, Some(*d))
                    && v.participants.iter().any(|q| q.person == Some(*p))
            })
            .map(|(_, _, d)| *d)
            .min();
        if day.is_some() {
            v.date = day;
        }
    }
    locate(out)
}

/// A visit known only by its year takes the month of the visitor's earliest encounter told in
/// that year in the host country (or in no country told): its earliest reported activity. An
/// encounter known only by its year on a trip of that year takes the trip's month.
fn month_of_activity(mut events: Vec<Found>) -> Vec<Found> {
    let months: Vec<Option<PartialDate>> = events
        .iter()
        .map(|v| {
            let y = v
                .date
                .filter(|d| v.kind == Kind::Visit && d.month.is_none())?;
            events
                .iter()
                .filter(|e| {
                    e.kind != Kind::Visit
                        && (e.country.is_none() || e.country == v.country)
                        && e.participants.iter().any(|p| {
                            p.person.is_some()
                                && v.participants.iter().any(|q| q.person == p.person)
                        })
                })
                .filter_map(|e| e.date)
                .filter(|d| d.year == y.year && d.month.is_some())
                .min()
                .map(|d| PartialDate { day: None, ..d })
        })
        .collect();
    for (v, m) in events.iter_mut().zip(months) {
        if m.is_some() {
            v.date = m;
        }
    }
    // And the other way: an encounter known only by its year, of someone on the one trip told
    // that year (to the encounter's country, if it has one), has the trip's month.
    let months: Vec<Option<PartialDate>> = events
        .iter()
        .map(|e| {
            let y = e
                .date
                .filter(|d| e.kind != Kind::Visit && d.month.is_none())?;
            let mut trips = events.iter().filter(|v| {
                v.kind == Kind::Visit
                    && (e.country.is_none() || e.country == v.country)
                    && v.date
                        .is_some_and(|d| d.year == y.year && d.month.is_some())
                    && v.participants.iter().any(|q| {
                        q.person.is_some() && e.participants.iter().any(|p| p.person == q.person)
                    })
            });
            match (trips.next(), trips.next()) {
                (Some(v), None) => v.date.map(|d| PartialDate { day: None, ..d }),
                _ => None,
            }
        })
        .collect();
    for (e, m) in events.iter_mut().zip(months) {
        if m.is_some() {
            e.date = m;
        }
    }
    events
}

/// An encounter told once as talks and once with the plain "gặp" ("hai bộ trưởng gặp tại Nhà
/// khách Chính phủ", "gặp … trước khi cùng ngồi xuống hội đàm") is the talks: the most specific
/// word decides. A private meeting ("cuộc gặp riêng"), a courtesy call or an audience is an
/// encounter of its own and stays.
fn drop_plain_meetings(events: Vec<Found>) -> Vec<Found> {
    let plain = |e: &Found| e.kind == Kind::Meet && matches!(e.phrase, "gặp" | "gặp gỡ");
    retain_where(events, |e, all| {
        !plain(e)
            || !all.iter().any(|t| {
                t.kind == Kind::Talks
                    && key(&t.participants) == key(&e.participants)
                    && compatible(t.date, e.date)
            })
    })
}

/// The events `keep` accepts, each judged against all of them, in their order.
fn retain_where(events: Vec<Found>, keep: impl Fn(&Found, &[Found]) -> bool) -> Vec<Found> {
    let mask: Vec<bool> = events.iter().map(|e| keep(e, &events)).collect();
    events
        .into_iter()
        .zip(mask)
        .filter_map(|(e, k)| k.then_some(e))
        .collect()
}

/// "A có các cuộc gặp với B, C và D" gives one encounter per counterpart; an encounter of the
/// same sentence and type whose parties are those of two or more of them together is the list
/// read as one, and goes.
fn drop_unsplit(events: Vec<Found>) -> Vec<Found> {
    let parts =
        |e: &Found| -> Vec<usize> { e.participants.iter().filter_map(|p| p.person).collect() };
    retain_where(events, |e, all| {
        let whole = parts(e);
        let within = all
            .iter()
            .filter(|f| {
                f.kind == e.kind && f.evidence == e.evidence && {
                    let p = parts(f);
                    p.len() < whole.len() && p.len() >= 2 && p.iter().all(|x| whole.contains(x))
                }
            })
            .count();
        within < 2
    })
}

/// Who is on a visit, to which country, from when.
type VisitKey = (Vec<Option<usize>>, Option<String>, Option<PartialDate>);

/// Events without a place take the host country of a visit one of their participants is on.
fn locate(mut events: Vec<Found>) -> Vec<Found> {
    let visits: Vec<VisitKey> = events
        .iter()
        .filter(|e| e.kind == Kind::Visit)
        .map(|e| {
            (
                e.participants.iter().map(|p| p.person).collect(),
                e.country.clone(),
                e.date,
            )
        })
        .collect();
    for e in events.iter_mut().filter(|e| e.country.is_none()) {
        let host = visits.iter().find(|(who, _, date)| {
            e.participants
                .iter()
                .any(|p| p.person.is_some() && who.contains(&p.person))
                && match (date, e.date) {
                    (Some(v), Some(d)) => v.year == d.year && v.month == d.month,
                    _ => true,
                }
        });
        if let Some((_, c, _)) = host {
            e.country = c.clone();
        }
    }
    events
}

/// One visit per visitor and host country: the earliest current date wins.
/// Whether two dates may name the same day: equal, or one a coarser form of the other.
fn compatible(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.year == b.year
                && (a.month.is_none() || b.month.is_none() || a.month == b.month)
                && (a.day.is_none() || b.day.is_none() || a.day == b.day)
        }
        _ => true,
    }
}

/// An encounter told again with part of its parties, the rest given by country only ("Đại sứ X
/// được Nhà nước Việt Nam trao tặng Huân chương" after "Thứ trưởng Y trao tặng Đại sứ X …"), is
/// the fuller one: it goes.
fn drop_restated(events: Vec<Found>) -> Vec<Found> {
    let covered = |part: &Found, whole: &Found| {
        // Two words of one sentence tell two encounters ("gặp Chủ tịch Thượng viện Romania,
        // và chào xã giao Tổng thống …").
        !(part.evidence == whole.evidence && part.phrase != whole.phrase)
            && part.kind == whole.kind
            && compatible(part.date, whole.date)
            && part.participants.len() <= whole.participants.len()
            && part.participants.iter().all(|p| match p.person {
                Some(n) => whole.participants.iter().any(|q| q.person == Some(n)),
                None => whole.participants.iter().any(|q| q.country == p.country),
            })
    };
    retain_where(events, |e, all| {
        let restated = e.participants.iter().any(|p| p.person.is_none())
            && all.iter().any(|w| {
                !std::ptr::eq(w, e) && covered(e, w) && key(&w.participants) != key(&e.participants)
            });
        !restated
    })
}

/// How much of a date is known: nothing, the year, the month, the day.
fn precision(d: Option<PartialDate>) -> usize {
    d.map_or(0, |d| {
        usize::from(d.year.is_some())
            + usize::from(d.month.is_some())
            + usize::from(d.day.is_some())
    })
}

/// A reception told twice, once as "tiếp" and once as "gặp", is one encounter: the meeting
/// stays, with the finer of the two dates.
fn merge_receptions(events: Vec<Found>) -> Vec<Found> {
    let mut out = events;
    let mut i = 0;
    while i < out.len() {
        if out[i].kind != Kind::Receive {
            i += 1;
            continue;
        }
        let k = key(&out[i].participants);
        let twin = out.iter().position(|m| {
            m.kind == Kind::Meet && key(&m.participants) == k && compatible(m.date, out[i].date)
        });
        match twin {
            Some(j) => {
                let r = out.remove(i);
                let j = if j > i { j - 1 } else { j };
                let m = &mut out[j];
                if r.date
                    .is_some_and(|d| m.date.is_none_or(|md| d.day.is_some() && md.day.is_none()))
                {
                    m.date = r.date;
                }
                if m.country.is_none() {
                    m.country = r.country;
                    m.place = m.place.take().or(r.place);
                }
            }
            None => i += 1,
        }
    }
    out
}

fn merge_visits(events: Vec<Found>, anchor: Option<PartialDate>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for e in events {
        if e.kind == Kind::Visit {
            if let Some(v) = out.iter_mut().find(|v| {
                v.kind == Kind::Visit
                    && v.country == e.country
                    && key(&v.participants) == key(&e.participants)
            }) {
                let now = |d: Option<PartialDate>| d.is_some_and(|d| current(d, anchor));
                // A finer form of the same date, an earlier current date, or a current date
                // for a historical one.
                let same = compatible(e.date, v.date);
                if e.date.is_some()
                    && (v.date.is_none()
                        || (same && precision(e.date) > precision(v.date))
                        || (!same && e.date < v.date && now(e.date))
                        || !now(v.date) && now(e.date))
                {
                    v.date = e.date;
                }
                continue;
            }
        }
        out.push(e);
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn every_opening_word_may_open_and_others_mostly_not() {
        for list in [PLANS, REPORTED, APPRECIATED] {
            let words = phrase_words(list);
            for p in &words.sorted {
                let first = p.first().copied().unwrap_or("");
                assert!(words.may_open(first), "{first:?}");
                // The search with the quick test finds every phrase in a clause of its own.
                let clause: Vec<(usize, &str)> = p.iter().map(|w| (0, *w)).collect();
                assert!(says(&clause, &words, |_| true), "{p:?}");
            }
        }
        let plans = phrase_words(PLANS);
        let prose = "đoàn đại biểu đã tới thủ đô và làm việc với các bộ ngành liên quan";
        let opened = prose.split(' ').filter(|w| plans.may_open(w)).count();
        assert!(opened < prose.split(' ').count() / 2, "{opened}");
        assert!(!plans.may_open(""));
    }

    fn kinds(s: &str) -> Vec<Kind> {
        let lower = crate::mapped::Mapped::lower(s);
        let (f, m) = lower.span(0, s.len());
        triggers(f, m, &trigger_matches(f))
            .iter()
            .map(|t| t.kind)
            .collect()
    }

    #[test]
    fn matches_within_are_the_slices_own() {
        let texts = [
            "Thủ tướng hội đàm trực tuyến với Tổng thống. Hai bên ký kết tuyên bố chung; \
             sau đó thăm chính thức Lào, gặp gỡ, tiếp xúc song phương và chuyển lời mời thăm.",
            "hội đàmhội đàm trực tuyếnký kếtký gặp gỡgặp thăm làm việc",
            "ĐIỆN ĐÀM, gọi điện, trao đổi qua điện thoại; nói chuyện qua điện thoại với Obama 2016",
        ];
        let mut read = 0;
        for text in texts {
            let body = crate::mapped::Mapped::lower(text);
            let body = body.text();
            let found = trigger_matches(body);
            let bounds: Vec<usize> = (0..=body.len())
                .filter(|&i| body.is_char_boundary(i))
                .collect();
            for &lo in &bounds {
                for &hi in bounds.iter().filter(|&&hi| hi >= lo) {
                    let want = trigger_matches(&body[lo..hi]);
                    assert_eq!(matches_within(body, &found, lo, hi), want, "{lo} {hi}");
                    let crossed = found
                        .iter()
                        .any(|&(s, e, _)| s < lo && lo < e || s < hi && hi < e);
                    read += usize::from(!crossed && !want.is_empty());
                }
            }
        }
        // Most slices with a trigger are read from the body's matches.
        assert!(read > 1000, "{read}");
    }

    #[test]
    fn trigger_words_and_their_false_friends() {
        assert_eq!(kinds("Thủ tướng tiếp Đại sứ Nhật Bản"), vec![Kind::Receive]);
        assert_eq!(kinds("hai bên tiếp tục hợp tác"), vec![]);
        assert_eq!(kinds("trực tiếp trao đổi"), vec![]);
        assert_eq!(
            kinds("Chủ tịch nước hội đàm với Tổng thống"),
            vec![Kind::Talks]
        );
        assert_eq!(kinds("thăm chính thức Peru"), vec![Kind::Visit]);
        assert_eq!(kinds("thăm hỏi sức khỏe"), vec![]);
        assert_eq!(kinds("theo lời mời của Tổng thống"), vec![]);
        assert_eq!(
            kinds("mời Tổng thống sớm thăm Việt Nam"),
            vec![Kind::Invite, Kind::Visit]
        );
        assert_eq!(kinds("kỳ họp thứ 10"), vec![]);
        assert_eq!(kinds("hai bên đã ký Bản ghi nhớ"), vec![Kind::Sign]);
        assert_eq!(kinds("điện đàm với Thủ tướng"), vec![Kind::Call]);
    }

    /// The sentences of a body and everything events are read with, as `extract` makes them.
    pub(crate) fn with_context<R>(body: &str, f: impl FnOnce(&Context<'_>) -> R) -> R {
        let sents: Vec<(usize, usize)> = crate::sentences::split(body)
            .iter()
            .map(|s| (s.start, s.end))
            .collect();
        let folded = crate::mapped::Mapped::fold(body);
        let lower = crate::mapped::Mapped::lower(body);
        let tags = crate::tags::tag_folded(body, &folded);
        let dates = crate::dates::find(body);
        let persons = crate::persons::recognize(body, &sents, &tags);
        let ctx = Context {
            text: body,
            sentences: &sents,
            tags: &tags,
            persons: &persons,
            dates: &dates,
            anchor: PartialDate::parse_iso("2024-11-20"),
            pair: Some(("JP".to_string(), "VN".to_string())),
            lower: &lower,
            folded: &folded,
        };
        f(&ctx)
    }

    /// Bodies of varied sentences: places, countries, dates, triggers, upper case.
    pub(crate) fn bodies() -> Vec<String> {
        let sentences = [
            "Ngày 14/11/2024, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản Kishida Fumio tại Hà Nội.",
            "Kim ngạch thương mại song phương năm 2023 đạt 3,37 tỷ USD; năm 2022 đạt 150 triệu USD;",
            "năm 2021 đạt 95,8 triệu USD.",
            "Hai nước thiết lập quan hệ ngoại giao ngày 21/9/1973.",
            "Nhật Bản là đối tác thương mại lớn thứ 4 của Việt Nam.",
            "Chính phủ Nhật Bản viện trợ 5 triệu USD cho Việt Nam.",
            "Giá dầu tăng 5 USD ở thị trường Mỹ.",
            "Đại sứ Pháp tặng 100.000 USD cho người dân Lào.",
            "Việt Nam và Ấn Độ là Đối tác chiến lược toàn diện từ năm 2016.",
            "KỶ NIỆM 50 NĂM THIẾT LẬP QUAN HỆ NGOẠI GIAO VIỆT NAM - NHẬT BẢN.",
            "Cùng ngày, Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp Đại sứ Pháp tại Hà Nội.",
            "Tổng thống Mỹ Joe Biden thăm chính thức Việt Nam từ ngày 10-11/9.",
            "Ông nói chuyện ở Đà Nẵng với sinh viên.",
            "TẠI TOKYO, HAI BÊN ĐÃ KÝ BẢN GHI NHỚ.",
            "Chiều 15/11, Chủ tịch nước gặp Tổng thống Peru ở thủ đô Lima.",
            "Hàn Quốc hỗ trợ 2 triệu USD, và Úc tài trợ thêm 1 triệu AUD.",
            "Trao đổi thương mại giữa hai nước tăng 10%.",
            "Ông Smith từng đến thăm Anh nhiều lần.",
        ];
        let n = sentences.len();
        let mut out: Vec<String> = (0..n)
            .map(|k| {
                (0..n)
                    .map(|i| sentences[(i * 7 + k) % n])
                    .collect::<Vec<_>>()
                    .join(if k % 2 == 0 { " " } else { "\n" })
            })
            .collect();
        out.push(sentences.join(" ").to_uppercase());
        out.push(sentences.join("\n\n").to_lowercase());
        out.push(String::new());
        out
    }

    #[test]
    fn a_place_needs_a_place_tagged_in_its_sentence() {
        let mut found = 0;
        for body in bodies() {
            with_context(&body, |ctx| {
                for &(s, e) in ctx.sentences {
                    let want = place_after_word(ctx, s, e);
                    found += usize::from(want.is_some());
                    assert_eq!(place_in(ctx, s, e), want, "{:?}", &body[s..e]);
                }
            });
        }
        assert!(found > 0);
    }

    #[test]
    fn words_are_the_runs_of_letters_and_digits() {
        for body in bodies() {
            let lower = body.to_lowercase();
            let want: Vec<(usize, &str)> = lower
                .split(|c: char| !is_alphanumeric(c))
                .filter(|w| !w.is_empty())
                .map(|w| (w.as_ptr() as usize - lower.as_ptr() as usize, w))
                .collect();
            assert_eq!(words_of(&lower), want);
        }
        assert_eq!(
            words_of("  a-b, 12đ "),
            vec![(2, "a"), (4, "b"), (7, "12đ")]
        );
    }

    #[test]
    fn plans_are_not_events() {
        let any = |_| true;
        let plan = |s: &str| planned(clause_before(&words_of(s), s, s.len()), any);
        assert!(plan("ông sẽ "));
        assert!(plan("thủ tướng dự kiến "));
        assert!(!plan("chiều 2/5, tại paris, bộ trưởng "));
        assert!(!plan("ông sẽ đến; sau đó bộ trưởng "));
    }
}
