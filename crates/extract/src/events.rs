//! Diplomatic events: a trigger word in a sentence, the persons around it, a date and a place.
//!
//! The rules follow the annotation guidelines: the most specific trigger of a sentence decides
//! the type; plans, hopes and scheduled events are not events; the invitation behind a visit is
//! not an INVITE; a visit's participant is the visitor and its place the host country; one event
//! per (type, date, participants).

use crate::dates::{self, DateMention, PartialDate, Said};
use crate::persons::{Mention, Persons};
use crate::tags::{Tag, TagKind};

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

/// Trigger phrases, folded, with the type they give. Longer phrases are tried first.
const TRIGGERS: &[(&str, Kind)] = &[
    ("hoi dam truc tuyen", Kind::Talks),
    ("hoi dam", Kind::Talks),
    ("dien dam", Kind::Call),
    ("trao doi qua dien thoai", Kind::Call),
    ("dien thoai", Kind::Call),
    ("hoi kien", Kind::Meet),
    ("tiep xuc song phuong", Kind::Meet),
    ("tiep xuc", Kind::Meet),
    ("den chao", Kind::Meet),
    ("chao xa giao", Kind::Meet),
    ("chao tu biet", Kind::Meet),
    ("cuoc gap rieng", Kind::Meet),
    ("gap go", Kind::Meet),
    ("gap", Kind::Meet),
    ("tham van chinh tri", Kind::Consult),
    ("tham khao chinh tri", Kind::Consult),
    ("doi thoai chien luoc", Kind::Consult),
    ("uy ban hon hop", Kind::Consult),
    ("uy ban lien chinh phu", Kind::Consult),
    ("ky ket", Kind::Sign),
    ("le ky", Kind::Sign),
    ("trao van kien", Kind::Sign),
    ("tuyen bo chung", Kind::Sign),
    ("ky", Kind::Sign),
    ("trao tang", Kind::Award),
    ("trao huan chuong", Kind::Award),
    ("trao huy chuong", Kind::Award),
    ("gan huan chuong", Kind::Award),
    ("tham chinh thuc", Kind::Visit),
    ("tham cap nha nuoc", Kind::Visit),
    ("tham lam viec", Kind::Visit),
    ("chuyen tham", Kind::Visit),
    ("chuyen cong tac", Kind::Visit),
    ("cong du", Kind::Visit),
    ("tham", Kind::Visit),
    ("tiep", Kind::Receive),
    ("moi", Kind::Invite),
];

/// Words after "tiếp" that make another word ("tiếp tục", "tiếp nhận").
const NOT_RECEIVE: &[&str] = &[
    "tuc", "nhan", "theo", "can", "thu", "xuc", "don", "sau", "noi", "quan", "te", "buoc", "suc",
    "van", "thi", "diem", "lien", "giap", "ung", "dan", "tan", "cu",
];

/// Words before "tiếp" that make another word ("trực tiếp", "kế tiếp").
const NOT_RECEIVE_BEFORE: &[&str] = &["truc", "ke", "gian", "nghenh", "chuyen", "lien", "tiep"];

/// Words after "thăm" that are not a visit ("thăm dò", "thăm hỏi").
const NOT_VISIT: &[&str] = &["do", "hoi", "kham", "vieng", "quan", "nom"];

/// Words of plans and hopes: a sentence where they precede the trigger reports no event.
const PLANS: &[&str] = &[
    "se",
    "du kien",
    "sap",
    "ke hoach",
    "mong muon",
    "hy vong",
    "hi vong",
    "mong",
    "chuan bi",
    "truoc them",
    "de nghi",
    "nhat tri",
    "cam ket",
    "san sang",
    "neu",
    "se co",
    "du dinh",
    "mong doi",
    "ky vong",
    "tien toi",
    "huong toi",
    "thoi gian toi",
    "sap toi",
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
    /// Byte offset in the original text.
    at: usize,
    /// Byte offset in the original text of the trigger's end.
    end: usize,
}

/// Finds the triggers of a sentence. `folded` is the sentence folded (one char per char), `map`
/// the byte offsets of its chars in the text.
fn triggers(folded: &str, map: &[usize]) -> Vec<Trigger> {
    let bytes = folded.as_bytes();
    let mut out: Vec<Trigger> = Vec::new();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for &(phrase, kind) in TRIGGERS {
        let mut from = 0;
        while let Some(i) = folded[from..].find(phrase) {
            let s = from + i;
            let e = s + phrase.len();
            from = e;
            let left_ok = s == 0 || !bytes[s - 1].is_ascii_alphanumeric();
            let right_ok = e == bytes.len() || !bytes[e].is_ascii_alphanumeric();
            if !left_ok || !right_ok || taken.iter().any(|&(a, b)| a < e && s < b) {
                continue;
            }
            let next_word = folded[e..].split_whitespace().next().unwrap_or("");
            let next_word = next_word.trim_matches(|c: char| !c.is_alphanumeric());
            let prev_word = folded[..s].split_whitespace().last().unwrap_or("");
            match phrase {
                "tiep" => {
                    if NOT_RECEIVE.contains(&next_word) || NOT_RECEIVE_BEFORE.contains(&prev_word) {
                        continue;
                    }
                }
                "tham" => {
                    if NOT_VISIT.contains(&next_word) {
                        continue;
                    }
                }
                "gap" => {
                    if matches!(next_word, "rut" | "kho" | "phai" | "nhieu" | "van")
                        || prev_word == "khan"
                    {
                        continue;
                    }
                }
                "ky" => {
                    // "ký" is a signing only as a verb: not "kỳ họp", "thư ký", "ký giả".
                    if matches!(
                        prev_word,
                        "thu" | "tong" | "nhat" | "dang" | "the" | "hoa" | "chu" | "truong"
                    ) || matches!(
                        next_word,
                        "hop" | "gia" | "vong" | "niem" | "luc" | "nay" | "thuat" | "lan"
                    ) {
                        continue;
                    }
                }
                "moi" => {
                    // An invitation to visit; not "mới", "mọi", "theo lời mời", "nhận lời mời".
                    if !matches!(
                        next_word,
                        "tham"
                            | "sang"
                            | "den"
                            | "toi"
                            | "ong"
                            | "ba"
                            | "ngai"
                            | "thu"
                            | "tong"
                            | "chu"
                            | "pho"
                            | "bo"
                    ) && !folded[e..].contains(" tham ")
                    {
                        continue;
                    }
                    let before = &folded[..s];
                    if before.ends_with("loi ") || before.ends_with("theo ") {
                        continue;
                    }
                }
                _ => {}
            }
            let at = map.get(s).copied().unwrap_or(0);
            let end = map.get(e).copied().unwrap_or(at);
            taken.push((s, e));
            out.push(Trigger { kind, at, end });
        }
    }
    out.sort_by_key(|t| t.at);
    out
}

/// Whether the clause before `at` (from the sentence start or the last comma-separated clause)
/// speaks of a plan, a hope or the future.
fn planned(folded_before: &str) -> bool {
    let clause = folded_before.rsplit([';']).next().unwrap_or(folded_before);
    let words: Vec<&str> = clause
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let joined = format!(" {} ", words.join(" "));
    PLANS.iter().any(|p| joined.contains(&format!(" {p} ")))
}

/// The article-wide context events are read in.
#[derive(Debug)]
pub struct Context<'a> {
    /// The body.
    pub text: &'a str,
    /// Sentences as byte spans.
    pub sentences: &'a [(usize, usize)],
    /// Reference-data tags of the body.
    pub tags: &'a [Tag],
    /// Persons and mentions.
    pub persons: &'a Persons,
    /// Date expressions of the body.
    pub dates: &'a [DateMention],
    /// The anchor dates resolve against.
    pub anchor: Option<PartialDate>,
}

fn fold_span(text: &str, start: usize, end: usize) -> (String, Vec<usize>) {
    let s = text.get(start..end).unwrap_or("");
    let mut folded = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    for (i, c) in s.char_indices() {
        let f = biennien_text::fold_char(c);
        let f = if f == '\0' { ' ' } else { f };
        for _ in 0..f.len_utf8() {
            map.push(start + i);
        }
        folded.push(f);
    }
    map.push(end);
    (folded, map)
}

/// A country named right after a trigger ("thăm chính thức Peru"), or after "tới/sang/đến".
fn destination(ctx: &Context<'_>, from: usize, to: usize) -> Option<String> {
    ctx.tags
        .iter()
        .filter(|t| t.start >= from && t.end <= to)
        .find_map(|t| match &t.kind {
            TagKind::Country { code, .. } if t.start - from < 40 => Some(code.clone()),
            TagKind::Place { country, .. } if t.start - from < 40 => Some(country.clone()),
            _ => None,
        })
}

/// The place of a sentence: "tại <place or country>".
fn place_in(ctx: &Context<'_>, start: usize, end: usize) -> Option<(Option<String>, String)> {
    let (folded, map) = fold_span(ctx.text, start, end);
    let mut best = None;
    let mut from = 0;
    while let Some(i) = folded[from..].find("tai ") {
        let s = from + i;
        from = s + 4;
        if s > 0 && folded.as_bytes()[s - 1].is_ascii_alphanumeric() {
            continue;
        }
        let at = map.get(s + 4).copied().unwrap_or(end);
        // The first place or country tag within a few words.
        let hit = ctx
            .tags
            .iter()
            .find(|t| t.start >= at && t.start < at + 60 && t.end <= end);
        if let Some(t) = hit {
            match &t.kind {
                TagKind::Place { name, country } => {
                    return Some((Some(name.clone()), country.clone()));
                }
                TagKind::Country { code, .. } => {
                    best.get_or_insert((None, code.clone()));
                }
                _ => {}
            }
        }
    }
    best
}

/// The date a sentence gives, resolved; `None` when it gives none.
fn date_in(ctx: &Context<'_>, start: usize, end: usize) -> Option<PartialDate> {
    ctx.dates
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .filter(|m| {
            !matches!(m.said, Said::Date(d) if d.month.is_none() && d.day.is_none()) || !m.range
        })
        .find_map(|m| {
            if m.range && matches!(m.said, Said::Date(d) if d.day.is_none()) {
                return None;
            }
            dates::resolve(m.said, ctx.anchor)
        })
}

/// Participants among the mentions of `[start, end)`, de-duplicated.
fn participants(ctx: &Context<'_>, mentions: &[&Mention]) -> Vec<Participant> {
    let mut out: Vec<Participant> = Vec::new();
    for m in mentions {
        let p = match m.person {
            Some(i) => Participant {
                person: Some(i),
                country: ctx.persons.list.get(i).and_then(|p| p.country.clone()),
                role: m.role.clone(),
            },
            None => Participant {
                person: None,
                country: m.country.clone(),
                role: m.role.clone(),
            },
        };
        let dup = out.iter().any(|q| match (q.person, p.person) {
            (Some(a), Some(b)) => a == b,
            (None, None) => q.country == p.country,
            _ => false,
        });
        if !dup {
            out.push(p);
        }
    }
    // An unnamed holder of a country someone named already acts for adds nobody.
    let named: Vec<Option<String>> = out
        .iter()
        .filter(|p| p.person.is_some())
        .map(|p| p.country.clone())
        .collect();
    out.retain(|p| p.person.is_some() || !named.contains(&p.country));
    out
}

/// Finds the events of an article.
pub fn find(ctx: &Context<'_>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut last_date: Option<PartialDate> = None;
    let mut last_place: Option<(Option<String>, String)> = None;
    let mut last_parts: Vec<Participant> = Vec::new();
    let mut visit_dest: Option<String> = None;
    for &(s_start, s_end) in ctx.sentences {
        let (folded, map) = fold_span(ctx.text, s_start, s_end);
        let own_date = date_in(ctx, s_start, s_end);
        if let Some(d) = own_date {
            if d.day.is_some() || last_date.is_none() {
                last_date = Some(d);
            }
        }
        let own_place = place_in(ctx, s_start, s_end);
        if own_place.is_some() {
            last_place = own_place.clone();
        }
        let trig = triggers(&folded, &map);
        if trig.is_empty() {
            continue;
        }
        let mentions: Vec<&Mention> = ctx
            .persons
            .mentions
            .iter()
            .filter(|m| m.start >= s_start && m.end <= s_end)
            .collect();
        // Persons after "theo lời mời của" / "nhận lời mời của" are hosts of a visit, not
        // participants of it.
        let invited_by = folded
            .find("loi moi cua")
            .map(|i| map.get(i).copied().unwrap_or(s_end));
        for (k, t) in trig.iter().enumerate() {
            let rel = map.iter().position(|&b| b >= t.at).unwrap_or(0);
            if planned(&folded[..rel]) {
                continue;
            }
            // The clause of this trigger: up to the next trigger of another type.
            let clause_end = trig
                .iter()
                .skip(k + 1)
                .find(|n| n.kind != t.kind)
                .map_or(s_end, |n| n.at);
            let mut parts: Vec<&Mention> = mentions
                .iter()
                .copied()
                .filter(|m| m.start < clause_end)
                .filter(|m| invited_by.is_none_or(|ib| m.start < ib || t.kind == Kind::Invite))
                .collect();
            let mut date = own_date.or(last_date);
            let mut place = own_place.clone().or_else(|| last_place.clone());
            match t.kind {
                Kind::Visit => {
                    // The visitor: the persons before the trigger, or after "của".
                    let before: Vec<&Mention> =
                        parts.iter().copied().filter(|m| m.end <= t.at).collect();
                    parts = if before.is_empty() {
                        let cua = folded[rel..]
                            .find(" cua ")
                            .and_then(|i| map.get(rel + i).copied());
                        match cua {
                            Some(c) => parts.into_iter().filter(|m| m.start >= c).take(1).collect(),
                            None => Vec::new(),
                        }
                    } else {
                        before.into_iter().rev().take(2).collect()
                    };
                    let dest = destination(ctx, t.end, clause_end).or_else(|| visit_dest.clone());
                    if let Some(d) = &dest {
                        // A visit to one's own country is not a visit.
                        parts.retain(|m| {
                            m.country.as_deref() != Some(d.as_str())
                                && m.person
                                    .and_then(|i| ctx.persons.list.get(i))
                                    .and_then(|p| p.country.as_deref())
                                    != Some(d.as_str())
                        });
                        place = Some((None, d.clone()));
                        visit_dest = Some(d.clone());
                    }
                    // A visit's date is its first day, or the month of the first activity.
                    if own_date.is_none() {
                        date = last_date.map(|d| PartialDate { day: None, ..d });
                    }
                }
                Kind::Receive => {
                    // The host receives: location is the host's country unless stated.
                    if place.is_none() {
                        if let Some(c) = parts.first().and_then(|m| m.country.clone()) {
                            place = Some((None, c));
                        }
                    }
                }
                _ => {}
            }
            let mut people = participants(ctx, &parts);
            if people.iter().filter(|p| p.person.is_some()).count() == 0 {
                // "Hai bên", "hai nhà lãnh đạo": the participants of the last encounter.
                let both = [
                    "hai ben",
                    "hai nha lanh dao",
                    "hai bo truong",
                    "hai thu tuong",
                    "hai nguoi",
                    "hai lanh dao",
                    "hai chu tich",
                    "hai ngoai truong",
                ];
                if both.iter().any(|b| folded.contains(b)) && !last_parts.is_empty() {
                    people = last_parts.clone();
                } else {
                    continue;
                }
            }
            let distinct_countries = {
                let mut c: Vec<&Option<String>> = people.iter().map(|p| &p.country).collect();
                c.sort();
                c.dedup();
                c.len()
            };
            let needs_two = !matches!(t.kind, Kind::Visit);
            if needs_two && people.len() < 2 {
                // One named actor and a foreign state: the country named in the clause.
                let own = people.first().and_then(|p| p.country.clone());
                let other = ctx
                    .tags
                    .iter()
                    .filter(|tg| tg.start >= s_start && tg.end <= clause_end)
                    .find_map(|tg| match &tg.kind {
                        TagKind::Country { code, .. } if Some(code) != own.as_ref() => {
                            Some(code.clone())
                        }
                        _ => None,
                    });
                match other {
                    Some(c) => people.push(Participant {
                        person: None,
                        country: Some(c),
                        role: None,
                    }),
                    None => continue,
                }
            } else if needs_two && distinct_countries < 2 && people.len() < 2 {
                continue;
            }
            if t.kind != Kind::Visit && people.len() >= 2 {
                last_parts = people.clone();
            }
            let (place_name, country) = match place {
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
            };
            let same = out.iter().any(|e| {
                e.kind == found.kind && e.date == found.date && {
                    let mut a: Vec<_> = e
                        .participants
                        .iter()
                        .map(|p| (p.person, p.country.clone()))
                        .collect();
                    let mut b: Vec<_> = found
                        .participants
                        .iter()
                        .map(|p| (p.person, p.country.clone()))
                        .collect();
                    a.sort();
                    b.sort();
                    a == b
                }
            });
            if !same {
                out.push(found);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<Kind> {
        let (f, m) = fold_span(s, 0, s.len());
        triggers(&f, &m).iter().map(|t| t.kind).collect()
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

    #[test]
    fn plans_are_not_events() {
        assert!(planned("ong se "));
        assert!(planned("thu tuong du kien "));
        assert!(!planned("chieu 2/5, tai paris, bo truong "));
    }
}
