//! Persons, diplomatic events and bilateral facts read from the clean body of an article.
//!
//! ```text
//! body ─┬─ sentences ─┐
//!       ├─ tags (gazetteer: countries, places, organizations, titles) ─┐
//!       ├─ dates (resolved against the publication date) ──────────────┤
//!       └──────────────────── persons (names, coreference, countries) ─┴─▶ events, facts
//! ```
//!
//! Everything here is pure: text and metadata in, records out, each item with the sentence it
//! was read from.

pub mod dates;
pub mod events;
pub mod facts;
pub mod mapped;
pub mod money;
pub mod persons;
pub mod sentences;
pub mod tags;

use biennien_record::{Event, Fact, Location, Participant, Person, Span};

use crate::dates::PartialDate;

/// Everything read off one article that events and facts are found in.
#[derive(Debug)]
pub struct Context<'a> {
    /// The body.
    pub text: &'a str,
    /// Sentences as byte spans.
    pub sentences: &'a [(usize, usize)],
    /// Reference-data tags of the body, in text order.
    pub tags: &'a [tags::Tag],
    /// Persons and their mentions.
    pub persons: &'a persons::Persons,
    /// Date expressions of the body.
    pub dates: &'a [dates::DateMention],
    /// The date relative dates resolve against.
    pub anchor: Option<PartialDate>,
    /// The article's main bilateral pair, for sentences that say only "hai nước".
    pub pair: Option<(String, String)>,
    /// The body lower-cased, with its map back to the body.
    pub lower: &'a mapped::Mapped,
    /// The body folded, with its map back to the body.
    pub folded: &'a mapped::Mapped,
}

/// What extraction reads besides the body.
#[derive(Debug, Clone, Copy, Default)]
pub struct Meta<'a> {
    /// The article's title.
    pub title: Option<&'a str>,
    /// Publication date, ISO.
    pub published: Option<&'a str>,
}

/// What extraction finds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    /// Named persons.
    pub persons: Vec<Person>,
    /// Events.
    pub events: Vec<Event>,
    /// Facts.
    pub facts: Vec<Fact>,
}

/// Extracts persons, events and facts from `body`.
pub fn extract(body: &str, meta: &Meta<'_>) -> Extracted {
    let sents: Vec<(usize, usize)> = sentences::split(body)
        .iter()
        .map(|s| (s.start, s.end))
        .collect();
    let folded = mapped::Mapped::fold(body);
    let tags = tags::tag_folded(body, &folded);
    let date_mentions = dates::find(body);
    let anchor = meta
        .published
        .and_then(PartialDate::parse_iso)
        .or_else(|| dates::text_anchor(body, &date_mentions));
    let persons = persons::recognize(body, &sents, &tags);
    let pair = main_pair(&tags, &persons);
    let lower = mapped::Mapped::lower(body);
    let ctx = Context {
        text: body,
        sentences: &sents,
        tags: &tags,
        persons: &persons,
        dates: &date_mentions,
        anchor,
        pair,
        lower: &lower,
        folded: &folded,
    };
    let found_events = events::find(&ctx);
    let found_facts = facts::find(&ctx);
    let person_records: Vec<Person> = persons
        .list
        .iter()
        .map(|p| Person {
            name: p.name.clone(),
            country: p.country.clone(),
            roles: p.roles.clone(),
            aliases: p.aliases.clone(),
            mentions: p.mentions.iter().map(|&(s, e)| Span::new(s, e)).collect(),
        })
        .collect();
    let events = found_events
        .into_iter()
        .map(|e| Event {
            kind: e.kind.name().to_string(),
            date: e.date.and_then(|d| d.iso()),
            location: (e.place.is_some() || e.country.is_some()).then(|| Location {
                name: e.place.clone(),
                country: e.country.clone(),
            }),
            participants: e
                .participants
                .iter()
                .map(|p| Participant {
                    name: p
                        .person
                        .and_then(|i| persons.list.get(i))
                        .map(|x| x.name.clone()),
                    country: p.country.clone(),
                    role: p.role.clone(),
                })
                .collect(),
            evidence: body
                .get(e.evidence.0..e.evidence.1)
                .unwrap_or("")
                .to_string(),
            evidence_span: Some(Span::new(e.evidence.0, e.evidence.1)),
            cameo: Some(e.kind.cameo().to_string()),
            plover: Some(e.kind.plover().to_string()),
        })
        .collect();
    let facts = found_facts
        .into_iter()
        .map(|f| Fact {
            kind: f.kind.to_string(),
            countries: f.countries,
            date: f.date.and_then(|d| d.iso()),
            level: f.level.map(str::to_string),
            amount: f.amount,
            currency: f.currency.map(str::to_string),
            subject: f.subject,
            rank: f.rank,
            donor: f.donor,
            evidence: body
                .get(f.evidence.0..f.evidence.1)
                .unwrap_or("")
                .to_string(),
            evidence_span: Some(Span::new(f.evidence.0, f.evidence.1)),
        })
        .collect();
    Extracted {
        persons: person_records,
        events,
        facts,
    }
}

/// The article's main bilateral pair: Vietnam and the foreign country named most often (by
/// country names and the persons acting for it), or the two most named countries when Vietnam
/// is not among them.
fn main_pair(tags: &[tags::Tag], persons: &persons::Persons) -> Option<(String, String)> {
    // Few countries are named in an article: a list searched in order costs less than hashing
    // each name.
    let mut ranked: Vec<(String, usize)> = Vec::new();
    let mut count = |code: &str| match ranked.iter_mut().find(|(c, _)| c == code) {
        Some((_, n)) => *n += 1,
        None => ranked.push((code.to_string(), 1)),
    };
    for t in tags {
        if let tags::TagKind::Country {
            code,
            ambiguous: false,
        } = &t.kind
        {
            count(code);
        }
    }
    for m in &persons.mentions {
        let c = m
            .person
            .and_then(|i| persons.list.get(i))
            .and_then(|p| p.country.as_deref());
        if let Some(c) = c.or(m.country.as_deref()) {
            count(c);
        }
    }
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let vn = ranked.iter().any(|(c, _)| c == "VN");
    let first_foreign = ranked
        .iter()
        .find(|(c, _)| c != "VN")
        .map(|(c, _)| c.clone())?;
    if vn {
        Some((first_foreign, "VN".to_string()))
    } else {
        let second = ranked
            .iter()
            .map(|(c, _)| c)
            .find(|c| **c != first_foreign)?
            .clone();
        Some((first_foreign, second))
    }
}
