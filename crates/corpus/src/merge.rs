//! One event per real-world event: grouping the event mentions read from many articles.
//!
//! Five outlets report the same meeting; the extractor reads one event from each. [`merge`]
//! decides which mentions are the same real-world event and builds one [`Merged`] event for
//! each group. Two mentions are the same event when all of these hold:
//!
//! - they have the same type;
//! - their dates are compatible: equal, or one is the other at a coarser precision
//!   (`2024-11` and `2024-11-13`);
//! - their participants agree: the Jaccard similarity of their participant identities
//!   ([`identity`]) is at least [`MIN_PARTICIPANT_JACCARD`], and when both name people, they
//!   name at least one in common;
//! - when either date is missing, everything else agrees exactly: the same participant
//!   identities and no conflicting location.
//!
//! Mentions without participants never merge: there is nothing to tell them apart.
//!
//! The result depends on the set of mentions only, never on their order. Mentions are sorted
//! by a canonical key, every compatible pair is linked (union-find), and each connected
//! component is one event. Links are not transitive in meaning, so a component may join dates
//! that exclude each other (`11-13` and `11-20` through a month-only or date-less mention): it
//! is then split by its most precise dates, and each mention with a coarser or missing date
//! joins the part it has the most links to, ties to the earliest date.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use biennien_record::{Event, Location, Participant};
use serde::{Deserialize, Serialize};

use crate::ids::short_id;

/// Smallest Jaccard similarity of participant identities for two mentions to be one event.
pub const MIN_PARTICIPANT_JACCARD: f64 = 0.5;

/// One event as one article reports it.
#[derive(Debug, Clone, Copy)]
pub struct Mention<'a> {
    /// Identifier of the document it was read from.
    pub doc: &'a str,
    /// Position of the event in the document's list of events.
    pub index: usize,
    /// The event as extracted.
    pub event: &'a Event,
}

/// One real-world event, built from the mentions that report it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merged {
    /// `short_id([kind, date, participant identities...])`: stable for the same event type,
    /// date and participants. A mention without participants also adds `doc#index`, since
    /// it stays alone.
    pub id: String,
    /// The event type.
    pub kind: String,
    /// The most precise date of the mentions.
    pub date: Option<String>,
    /// The location the most mentions give; ties to the lexically smallest.
    pub location: Option<Location>,
    /// The union of the participants, sorted by identity (named ones first). A named
    /// participant's country and role are the most frequent any mention gives it; an unnamed
    /// one is dropped when a named one has its country and role.
    pub participants: Vec<Participant>,
    /// The mentions, as `(doc, index)`, sorted.
    pub members: Vec<(String, usize)>,
}

/// The identity of a participant, as compared across articles.
///
/// A named participant is `n:` and its folded name, words joined by one space (so case,
/// tone marks, hyphens and spacing do not matter); an unnamed one is `r:`, its country, `:`
/// and its folded role.
///
/// ```
/// use biennien_corpus::merge::identity;
/// use biennien_record::Participant;
/// let named = Participant { name: Some("Kim Jong-un".into()), country: Some("KP".into()), role: None };
/// assert_eq!(identity(&named), "n:kim jong un");
/// let unnamed = Participant { name: None, country: Some("VN".into()), role: Some("Thủ tướng".into()) };
/// assert_eq!(identity(&unnamed), "r:VN:thu tuong");
/// ```
pub fn identity(p: &Participant) -> String {
    let name = p.name.as_deref().map(crate::name_key).unwrap_or_default();
    if name.is_empty() {
        role_identity(p)
    } else {
        format!("n:{name}")
    }
}

/// The unnamed identity of `p`: country and folded role.
fn role_identity(p: &Participant) -> String {
    let role = p
        .role
        .as_deref()
        .map(crate::folded_words)
        .unwrap_or_default();
    format!(
        "r:{}:{}",
        p.country.as_deref().unwrap_or(""),
        role.join(" ")
    )
}

/// Groups `mentions` into one [`Merged`] event per real-world event (see the module doc).
///
/// Every mention is in exactly one merged event. The output is sorted by type, date and
/// identifier, and is the same for any order of `mentions`.
pub fn merge(mentions: &[Mention<'_>]) -> Vec<Merged> {
    let mut prepared: Vec<Prepared<'_>> = mentions.iter().map(Prepared::new).collect();
    prepared.sort_by(|a, b| a.key().cmp(&b.key()));

    let mut out = Vec::new();
    for group in prepared.chunk_by(|a, b| a.mention.event.kind == b.mention.event.kind) {
        let kind = group[0].mention.event.kind.as_str();
        for cluster in clusters(group) {
            let members: Vec<&Prepared<'_>> = cluster.iter().map(|&i| &group[i]).collect();
            out.push(build(kind, &members));
        }
    }
    out.sort_by(|a, b| {
        (&a.kind, &a.date, &a.id, &a.members).cmp(&(&b.kind, &b.date, &b.id, &b.members))
    });
    out
}

/// A mention with what the comparisons need computed once.
struct Prepared<'a> {
    mention: Mention<'a>,
    identities: BTreeSet<String>,
    has_named: bool,
    location: Option<(Vec<String>, String)>,
}

impl<'a> Prepared<'a> {
    fn new(mention: &Mention<'a>) -> Self {
        let identities: BTreeSet<String> =
            mention.event.participants.iter().map(identity).collect();
        let has_named = identities.iter().any(|i| i.starts_with("n:"));
        let location = mention.event.location.as_ref().map(|l| {
            (
                l.name
                    .as_deref()
                    .map(crate::folded_words)
                    .unwrap_or_default(),
                l.country.clone().unwrap_or_default(),
            )
        });
        Prepared {
            mention: *mention,
            identities,
            has_named,
            location,
        }
    }

    fn date(&self) -> Option<&str> {
        self.mention.event.date.as_deref()
    }

    /// The canonical order: type, date, document, index, then participants.
    fn key(&self) -> (&str, Option<&str>, &str, usize, &BTreeSet<String>) {
        (
            &self.mention.event.kind,
            self.date(),
            self.mention.doc,
            self.mention.index,
            &self.identities,
        )
    }
}

/// Whether `short` is `long` at a coarser precision: a proper prefix ending where a date or
/// time part ends.
fn coarser(short: &str, long: &str) -> bool {
    long.len() > short.len()
        && long.starts_with(short)
        && matches!(long.as_bytes().get(short.len()), Some(b'-' | b'T'))
}

/// The strictly coarser forms of a date, finest first, ending with no date at all:
/// "2024-11-13" gives "2024-11", "2024", none; no date gives nothing.
fn coarser_forms(date: Option<&str>) -> Vec<Option<&str>> {
    let Some(d) = date else {
        return Vec::new();
    };
    let mut out: Vec<Option<&str>> = d
        .char_indices()
        .filter(|&(_, c)| c == '-' || c == 'T')
        .map(|(at, _)| Some(&d[..at]))
        .collect();
    out.reverse();
    out.push(None);
    out
}

fn dates_compatible(a: &str, b: &str) -> bool {
    a == b || coarser(a, b) || coarser(b, a)
}

/// Whether two mentions of the same type are the same event.
fn compatible(a: &Prepared<'_>, b: &Prepared<'_>) -> bool {
    if a.identities.is_empty() || b.identities.is_empty() {
        return false;
    }
    let common = a.identities.intersection(&b.identities).count();
    let union = a.identities.len() + b.identities.len() - common;
    if (common as f64) < MIN_PARTICIPANT_JACCARD * union as f64 {
        return false;
    }
    if a.has_named
        && b.has_named
        && !a
            .identities
            .intersection(&b.identities)
            .any(|i| i.starts_with("n:"))
    {
        return false;
    }
    match (a.date(), b.date()) {
        (Some(x), Some(y)) => dates_compatible(x, y),
        _ => {
            let locations_agree = match (&a.location, &b.location) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            a.identities == b.identities && locations_agree
        }
    }
}

/// The clusters of one type's mentions (sorted canonically), as positions in `group`.
fn clusters(group: &[Prepared<'_>]) -> Vec<Vec<usize>> {
    // Only mentions sharing an identity and with compatible dates can be the same event. The
    // mentions are filed by (identity, date); a mention looks for partners under its own date
    // and under each coarser form of it (month, year, none), so every compatible pair is met
    // once, from its more precise side, and mentions of other days are never compared.
    let mut by_key: HashMap<(&str, Option<&str>), Vec<usize>> = HashMap::new();
    for (i, p) in group.iter().enumerate() {
        for id in &p.identities {
            by_key.entry((id.as_str(), p.date())).or_default().push(i);
        }
    }
    let mut links: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); group.len()];
    let mut parent: Vec<usize> = (0..group.len()).collect();
    let mut candidates: Vec<usize> = Vec::new();
    for (i, p) in group.iter().enumerate() {
        candidates.clear();
        let date = p.date();
        for id in &p.identities {
            if let Some(same) = by_key.get(&(id.as_str(), date)) {
                candidates.extend(same.iter().copied().filter(|&j| j > i));
            }
            for coarse in coarser_forms(date) {
                if let Some(list) = by_key.get(&(id.as_str(), coarse)) {
                    candidates.extend(list.iter().copied().filter(|&j| j != i));
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for &j in &candidates {
            if compatible(p, &group[j]) {
                links[i].insert(j);
                links[j].insert(i);
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..group.len() {
        let r = root(&mut parent, i);
        components.entry(r).or_default().push(i);
    }
    components
        .into_values()
        .flat_map(|c| split_by_date(group, &links, c))
        .collect()
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Splits a component whose most precise dates exclude each other, one part per such date.
fn split_by_date(
    group: &[Prepared<'_>],
    links: &[BTreeSet<usize>],
    component: Vec<usize>,
) -> Vec<Vec<usize>> {
    let dates: BTreeSet<&str> = component.iter().filter_map(|&i| group[i].date()).collect();
    let finest: BTreeSet<&str> = dates
        .iter()
        .copied()
        .filter(|d| !dates.iter().any(|e| coarser(d, e)))
        .collect();
    if finest.len() <= 1 {
        return vec![component];
    }
    let mut parts: BTreeMap<&str, Vec<usize>> = finest.iter().map(|&d| (d, Vec::new())).collect();
    let mut rest = Vec::new();
    for &i in &component {
        match group[i].date() {
            Some(d) if finest.contains(d) => parts.entry(d).or_default().push(i),
            _ => rest.push(i),
        }
    }
    // Assigned against the parts as they stand before any coarser mention joins them, so
    // the order of `rest` does not matter.
    let mut joins: Vec<(&str, usize)> = Vec::new();
    for &i in &rest {
        let mut best: Option<(&str, usize)> = None;
        for (&d, members) in &parts {
            if group[i].date().is_some_and(|own| !coarser(own, d)) {
                continue;
            }
            let score = members.iter().filter(|m| links[i].contains(m)).count();
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((d, score));
            }
        }
        if let Some((d, _)) = best {
            joins.push((d, i));
        }
    }
    for (d, i) in joins {
        parts.entry(d).or_default().push(i);
    }
    parts
        .into_values()
        .map(|mut p| {
            p.sort_unstable();
            p
        })
        .collect()
}

/// The most frequent of `items`; ties to the smallest.
fn most_frequent<T: Ord>(items: impl IntoIterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    let mut best: Option<(T, usize)> = None;
    for (item, count) in counts {
        if best.as_ref().is_none_or(|(_, c)| count > *c) {
            best = Some((item, count));
        }
    }
    best.map(|(item, _)| item)
}

/// The merged event of one cluster.
fn build(kind: &str, members: &[&Prepared<'_>]) -> Merged {
    let date = members
        .iter()
        .filter_map(|p| p.date())
        .max_by(|a, b| a.len().cmp(&b.len()).then_with(|| b.cmp(a)))
        .map(str::to_owned);

    let location = most_frequent(
        members
            .iter()
            .filter_map(|p| p.mention.event.location.as_ref())
            .map(|l| (l.name.clone(), l.country.clone())),
    )
    .map(|(name, country)| Location { name, country });

    let mut by_identity: BTreeMap<String, Vec<&Participant>> = BTreeMap::new();
    for p in members {
        for participant in &p.mention.event.participants {
            by_identity
                .entry(identity(participant))
                .or_default()
                .push(participant);
        }
    }
    let merged: BTreeMap<String, Participant> = by_identity
        .into_iter()
        .map(|(id, all)| {
            let participant = Participant {
                name: most_frequent(all.iter().filter_map(|p| p.name.clone())),
                country: most_frequent(all.iter().filter_map(|p| p.country.clone())),
                role: most_frequent(all.iter().filter_map(|p| p.role.clone())),
            };
            (id, participant)
        })
        .collect();
    let named_roles: BTreeSet<String> = merged
        .iter()
        .filter(|(id, _)| id.starts_with("n:"))
        .map(|(_, p)| role_identity(p))
        .collect();
    let merged: BTreeMap<String, Participant> = merged
        .into_iter()
        .filter(|(id, _)| id.starts_with("n:") || !named_roles.contains(id))
        .collect();

    let mut member_keys: Vec<(String, usize)> = members
        .iter()
        .map(|p| (p.mention.doc.to_owned(), p.mention.index))
        .collect();
    member_keys.sort();
    member_keys.dedup();

    let mut parts: Vec<String> = vec![kind.to_owned(), date.clone().unwrap_or_default()];
    parts.extend(merged.keys().cloned());
    if merged.is_empty() {
        parts.extend(member_keys.iter().map(|(d, i)| format!("{d}#{i}")));
    }
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();

    Merged {
        id: short_id(&parts),
        kind: kind.to_owned(),
        date,
        location,
        participants: merged.into_values().collect(),
        members: member_keys,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coarser_forms_of_dates() {
        assert_eq!(
            coarser_forms(Some("2024-11-13")),
            [Some("2024-11"), Some("2024"), None]
        );
        assert_eq!(
            coarser_forms(Some("2024-11-13T08:30")),
            [Some("2024-11-13"), Some("2024-11"), Some("2024"), None]
        );
        assert_eq!(coarser_forms(Some("2024")), [None]);
        assert!(coarser_forms(None).is_empty());
    }
    use proptest::prelude::*;

    fn person(name: &str, country: &str, role: &str) -> Participant {
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        Participant {
            name: opt(name),
            country: opt(country),
            role: opt(role),
        }
    }

    fn event(kind: &str, date: &str, participants: &[Participant]) -> Event {
        Event {
            kind: kind.to_owned(),
            date: (!date.is_empty()).then(|| date.to_owned()),
            participants: participants.to_vec(),
            ..Event::default()
        }
    }

    fn chinh() -> Participant {
        person("Phạm Minh Chính", "VN", "Thủ tướng")
    }

    fn boluarte() -> Participant {
        person("Dina Boluarte", "PE", "Tổng thống")
    }

    /// Merges `(doc, event)` pairs, each event being the document's event 0, and checks the
    /// clusters as lists of document names.
    fn check(input: &[(&str, Event)], expected: &[&[&str]]) -> Vec<Merged> {
        let mentions: Vec<Mention<'_>> = input
            .iter()
            .map(|(doc, event)| Mention {
                doc,
                index: 0,
                event,
            })
            .collect();
        let merged = merge(&mentions);
        let mut got: Vec<Vec<&str>> = merged
            .iter()
            .map(|m| m.members.iter().map(|(d, _)| d.as_str()).collect())
            .collect();
        got.sort();
        let mut want: Vec<Vec<&str>> = expected.iter().map(|c| c.to_vec()).collect();
        want.sort();
        assert_eq!(got, want);
        merged
    }

    fn five_outlets() -> Vec<(&'static str, Event)> {
        let mut lima = event("MEET", "2024-11-13", &[chinh(), boluarte()]);
        lima.location = Some(Location {
            name: Some("Lima".into()),
            country: Some("PE".into()),
        });
        lima.evidence = "Thủ tướng gặp Tổng thống Peru.".into();
        let mut other = lima.clone();
        other.evidence = "Hai nhà lãnh đạo đã gặp nhau tại Lima.".into();
        vec![
            ("a", lima.clone()),
            ("b", other),
            ("c", event("MEET", "2024-11", &[chinh(), boluarte()])),
            (
                "d",
                event(
                    "MEET",
                    "2024-11-13",
                    &[
                        person("PHẠM MINH CHÍNH", "", ""),
                        boluarte(),
                        person("Bùi Thanh Sơn", "VN", "Bộ trưởng Ngoại giao"),
                    ],
                ),
            ),
            (
                "e",
                event(
                    "MEET",
                    "2024-11-13",
                    &[chinh(), person("Dina  Boluarte", "PE", "")],
                ),
            ),
        ]
    }

    #[test]
    fn one_meeting_from_five_outlets() {
        let merged = check(&five_outlets(), &[&["a", "b", "c", "d", "e"]]);
        let m = &merged[0];
        assert_eq!(m.date.as_deref(), Some("2024-11-13"));
        assert_eq!(
            m.participants,
            vec![
                person("Bùi Thanh Sơn", "VN", "Bộ trưởng Ngoại giao"),
                boluarte(),
                chinh(),
            ]
        );
        assert_eq!(
            m.location.as_ref().and_then(|l| l.name.as_deref()),
            Some("Lima")
        );
        assert_eq!(
            m.id,
            short_id(&[
                "MEET",
                "2024-11-13",
                "n:bui thanh son",
                "n:dina boluarte",
                "n:pham minh chinh",
            ])
        );
    }

    #[test]
    fn dates_and_types_keep_events_apart() {
        let two = [chinh(), boluarte()];
        check(
            &[
                ("a", event("MEET", "2024-11-13", &two)),
                ("b", event("MEET", "2024-11-20", &two)),
            ],
            &[&["a"], &["b"]],
        );
        check(
            &[
                ("a", event("MEET", "2024-11-13", &two)),
                ("b", event("TALKS", "2024-11-13", &two)),
            ],
            &[&["a"], &["b"]],
        );
        check(
            &[
                ("a", event("MEET", "2024-11-13", &two)),
                ("b", event("MEET", "2024-12", &two)),
            ],
            &[&["a"], &["b"]],
        );
    }

    #[test]
    fn participants_must_agree() {
        let pm = person("", "VN", "Thủ tướng");
        let fm = person("", "VN", "Bộ trưởng Ngoại giao");
        check(
            &[
                // Half the identities in common, but the named people differ.
                (
                    "a",
                    event("MEET", "2024-11-13", &[boluarte(), pm.clone(), fm.clone()]),
                ),
                (
                    "b",
                    event(
                        "MEET",
                        "2024-11-13",
                        &[person("Xi Jinping", "CN", ""), pm.clone(), fm.clone()],
                    ),
                ),
                // One identity in three: below the Jaccard threshold.
                (
                    "c",
                    event(
                        "MEET",
                        "2024-11-13",
                        &[pm.clone(), person("", "CN", "Chủ tịch")],
                    ),
                ),
                (
                    "d",
                    event("MEET", "2024-11-13", &[fm, person("", "CN", "Chủ tịch")]),
                ),
                // No participants: never merged.
                ("e", event("MEET", "2024-11-13", &[])),
                ("f", event("MEET", "2024-11-13", &[])),
            ],
            &[&["a"], &["b"], &["c"], &["d"], &["e"], &["f"]],
        );
    }

    #[test]
    fn missing_date_needs_everything_else_to_agree() {
        let two = [chinh(), boluarte()];
        let three = [chinh(), boluarte(), person("Bùi Thanh Sơn", "VN", "")];
        check(
            &[
                ("a", event("MEET", "2024-11-13", &two)),
                ("b", event("MEET", "", &two)),
                ("c", event("MEET", "", &three)),
            ],
            &[&["a", "b"], &["c"]],
        );
        let mut elsewhere = event("MEET", "", &two);
        elsewhere.location = Some(Location {
            name: Some("Hà Nội".into()),
            country: Some("VN".into()),
        });
        let mut lima = event("MEET", "2024-11-13", &two);
        lima.location = Some(Location {
            name: Some("Lima".into()),
            country: Some("PE".into()),
        });
        check(&[("a", lima), ("b", elsewhere)], &[&["a"], &["b"]]);
    }

    #[test]
    fn bridged_dates_are_split() {
        let two = [chinh(), boluarte()];
        // The month-only and the date-less mentions link the 13th to the 20th.
        let merged = check(
            &[
                ("a", event("MEET", "2024-11-13", &two)),
                ("b", event("MEET", "2024-11-20", &two)),
                ("c", event("MEET", "2024-11-20", &two)),
                ("m", event("MEET", "2024-11", &two)),
                ("n", event("MEET", "", &two)),
            ],
            // The coarser ones have two links to the 20th and one to the 13th.
            &[&["a"], &["b", "c", "m", "n"]],
        );
        assert_eq!(merged[0].date.as_deref(), Some("2024-11-13"));
        assert_eq!(merged[1].date.as_deref(), Some("2024-11-20"));
        // As many links to each: the earliest date.
        check(
            &[
                ("a", event("MEET", "2024-11-20", &two)),
                ("b", event("MEET", "2024-11-13", &two)),
                ("m", event("MEET", "2024-11", &two)),
            ],
            &[&["a"], &["b", "m"]],
        );
    }

    #[test]
    fn unnamed_participant_is_absorbed_by_named_one() {
        let merged = check(
            &[
                ("a", event("MEET", "2024-11-13", &[chinh(), boluarte()])),
                (
                    "b",
                    event(
                        "MEET",
                        "2024-11-13",
                        &[chinh(), boluarte(), person("", "PE", "Tổng thống")],
                    ),
                ),
            ],
            &[&["a", "b"]],
        );
        assert_eq!(merged[0].participants, vec![boluarte(), chinh()]);
    }

    #[test]
    fn coarser_dates() {
        let check = |a: &str, b: &str, expected: bool| {
            assert_eq!(dates_compatible(a, b), expected, "{a} {b}");
            assert_eq!(dates_compatible(b, a), expected, "{b} {a}");
        };
        check("2024-11-13", "2024-11-13", true);
        check("2024-11", "2024-11-13", true);
        check("2024", "2024-11-13", true);
        check("2024-11-13", "2024-11-13T09:00", true);
        check("2024-1", "2024-11-13", false);
        check("2024-11-13", "2024-11-20", false);
        check("2024-11", "2024-12-01", false);
    }

    fn shuffle_corpus() -> Vec<(String, usize, Event)> {
        let two = [chinh(), boluarte()];
        let mut out: Vec<(String, usize, Event)> = five_outlets()
            .into_iter()
            .map(|(d, e)| (d.to_owned(), 0, e))
            .collect();
        out.push(("f".into(), 1, event("MEET", "2024-11-20", &two)));
        out.push(("g".into(), 0, event("MEET", "2024-11", &two)));
        out.push(("g".into(), 1, event("MEET", "", &two)));
        out.push(("h".into(), 2, event("TALKS", "2024-11-13", &two)));
        out.push(("h".into(), 3, event("SIGN", "", &[])));
        out.push(("i".into(), 0, event("SIGN", "", &[])));
        out
    }

    /// Random mentions: a type of two, a date of five (some coarser than others), and a
    /// subset of four participants.
    fn random_mentions() -> impl Strategy<Value = Vec<(bool, usize, Vec<bool>)>> {
        proptest::collection::vec(
            (
                any::<bool>(),
                0..5usize,
                proptest::collection::vec(any::<bool>(), 4),
            ),
            0..24,
        )
    }

    fn events_of(spec: &[(bool, usize, Vec<bool>)]) -> Vec<Event> {
        const DATES: [&str; 5] = ["", "2024-11", "2024-11-13", "2024-11-20", "2024-12-01"];
        let pool = [
            chinh(),
            boluarte(),
            person("Bùi Thanh Sơn", "VN", ""),
            person("", "PE", "Bộ trưởng Ngoại giao"),
        ];
        spec.iter()
            .map(|(talks, date, who)| {
                let people: Vec<Participant> = pool
                    .iter()
                    .zip(who)
                    .filter(|(_, &w)| w)
                    .map(|(p, _)| p.clone())
                    .collect();
                event(if *talks { "TALKS" } else { "MEET" }, DATES[*date], &people)
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn merged_events_partition_the_mentions_and_keep_dates_apart(spec in random_mentions(),
                                                                     seed in any::<u64>()) {
            let events = events_of(&spec);
            let docs: Vec<String> = (0..events.len()).map(|i| format!("d{i:02}")).collect();
            let mut mentions: Vec<Mention<'_>> = events
                .iter()
                .zip(&docs)
                .map(|(event, doc)| Mention { doc, index: 0, event })
                .collect();
            let merged = merge(&mentions);
            let mut all: Vec<&str> = merged
                .iter()
                .flat_map(|m| m.members.iter().map(|(d, _)| d.as_str()))
                .collect();
            all.sort_unstable();
            prop_assert_eq!(all, docs.iter().map(String::as_str).collect::<Vec<_>>());
            for m in &merged {
                let dates: Vec<&str> = m
                    .members
                    .iter()
                    .filter_map(|(d, _)| mentions.iter().find(|x| x.doc == d))
                    .filter_map(|x| x.event.date.as_deref())
                    .collect();
                for a in &dates {
                    prop_assert!(m.date.as_deref().is_some_and(|d| dates_compatible(a, d)));
                    for b in &dates {
                        prop_assert!(dates_compatible(a, b), "{} and {} in {:?}", a, b, m);
                    }
                }
            }
            // A rotation and a reversal, chosen by the seed, give the same events.
            let len = mentions.len().max(1);
            mentions.rotate_left(seed as usize % len);
            if seed % 2 == 0 {
                mentions.reverse();
            }
            prop_assert_eq!(merge(&mentions), merged);
        }


        #[test]
        fn order_does_not_matter(order in Just((0..11usize).collect::<Vec<_>>()).prop_shuffle()) {
            let corpus = shuffle_corpus();
            let mentions = |idx: &[usize]| -> Vec<Mention<'_>> {
                idx.iter()
                    .map(|&i| Mention { doc: &corpus[i].0, index: corpus[i].1, event: &corpus[i].2 })
                    .collect()
            };
            let reference = merge(&mentions(&(0..11).collect::<Vec<_>>()));
            let total: usize = reference.iter().map(|m| m.members.len()).sum();
            prop_assert_eq!(total, 11);
            prop_assert_eq!(merge(&mentions(&order)), reference);
        }
    }
}
