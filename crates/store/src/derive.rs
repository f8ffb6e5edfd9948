//! The corpus views, derived from the stored documents by pure functions, the same for every
//! backend: merged events, distinct facts, persons with roles over time.

use std::collections::{BTreeMap, HashMap};

use biennien_corpus::ids::short_id;
use biennien_corpus::merge::{merge, Mention};
use biennien_corpus::name_key;
use biennien_record::{Event, Fact, Person};
use serde::{Deserialize, Serialize};

use crate::model::{EventMention, EventRow, FactRow, PersonRow, RoleSpan};

/// What the derived views need of one document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct DocView {
    pub id: String,
    pub source: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub persons: Vec<Person>,
    pub events: Vec<Event>,
    pub facts: Vec<Fact>,
}

/// The part of a record the views read, stored apart from the body so that rebuilding them
/// does not parse every body.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Extracted {
    pub persons: Vec<Person>,
    pub events: Vec<Event>,
    pub facts: Vec<Fact>,
}

/// Groups of near-duplicate documents: each document's group representative (the smallest
/// identifier of its connected component), from the linked pairs.
pub(crate) fn story_groups(pairs: &[(String, String)]) -> HashMap<&str, &str> {
    let mut parent: HashMap<&str, &str> = HashMap::new();
    fn root<'a>(parent: &HashMap<&'a str, &'a str>, mut x: &'a str) -> &'a str {
        while let Some(&p) = parent.get(x) {
            if p == x {
                break;
            }
            x = p;
        }
        x
    }
    for (a, b) in pairs {
        let ra = root(&parent, a);
        let rb = root(&parent, b);
        parent.entry(ra).or_insert(ra);
        parent.entry(rb).or_insert(rb);
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent.insert(hi, lo);
        }
    }
    let keys: Vec<&str> = parent.keys().copied().collect();
    keys.into_iter().map(|k| (k, root(&parent, k))).collect()
}

/// The merged events of `docs`, sorted by date then identifier.
pub(crate) fn events(docs: &[DocView], groups: &HashMap<&str, &str>) -> Vec<EventRow> {
    let by_id: HashMap<&str, &DocView> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let mentions: Vec<Mention<'_>> = docs
        .iter()
        .flat_map(|d| {
            d.events
                .iter()
                .enumerate()
                .map(move |(index, event)| Mention {
                    doc: &d.id,
                    index,
                    event,
                })
        })
        .collect();
    let mut rows: Vec<EventRow> = merge(&mentions)
        .into_iter()
        .map(|m| {
            let mut members: Vec<(&DocView, &Event)> = m
                .members
                .iter()
                .filter_map(|(doc, i)| {
                    let d = by_id.get(doc.as_str())?;
                    Some((*d, d.events.get(*i)?))
                })
                .collect();
            members.sort_by(|a, b| a.0.id.cmp(&b.0.id));
            let first = members.first().map(|(_, e)| *e);
            let mut mentions: Vec<EventMention> = members
                .iter()
                .map(|(d, e)| EventMention {
                    doc: d.id.clone(),
                    source: d.source.clone(),
                    outlet: d.outlet.clone(),
                    published: d.published.clone(),
                    evidence: e.evidence.clone(),
                })
                .collect();
            mentions.sort_by(|a, b| a.source.cmp(&b.source).then(a.doc.cmp(&b.doc)));
            mentions.dedup_by(|a, b| a.doc == b.doc);
            let mut stories: Vec<&str> = members
                .iter()
                .map(|(d, _)| groups.get(d.id.as_str()).copied().unwrap_or(d.id.as_str()))
                .collect();
            stories.sort_unstable();
            stories.dedup();
            EventRow {
                id: m.id,
                kind: m.kind,
                date: m.date,
                location: m.location,
                participants: m.participants,
                cameo: first.and_then(|e| e.cameo.clone()),
                plover: first.and_then(|e| e.plover.clone()),
                evidence: first.map(|e| e.evidence.clone()).unwrap_or_default(),
                mentions,
                stories: stories.len(),
            }
        })
        .collect();
    rows.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    rows
}

/// The identity of a fact: its kind, countries and value, without its evidence.
pub fn fact_key(f: &Fact) -> String {
    let amount = f.amount.map(|a| format!("{a:.0}")).unwrap_or_default();
    let rank = f.rank.map(|r| r.to_string()).unwrap_or_default();
    let mut countries = f.countries.clone();
    countries.sort();
    short_id(&[
        &f.kind,
        &countries.join(","),
        f.date.as_deref().unwrap_or(""),
        f.level.as_deref().unwrap_or(""),
        &amount,
        f.currency.as_deref().unwrap_or(""),
        f.subject.as_deref().unwrap_or(""),
        &rank,
        f.donor.as_deref().unwrap_or(""),
    ])
}

/// The distinct facts of `docs`, sorted by kind then identifier.
pub(crate) fn facts(docs: &[DocView]) -> Vec<FactRow> {
    let mut by_key: BTreeMap<String, Vec<(&DocView, &Fact)>> = BTreeMap::new();
    for d in docs {
        for f in &d.facts {
            by_key.entry(fact_key(f)).or_default().push((d, f));
        }
    }
    fold_coarse_dates(&mut by_key);
    let mut rows: Vec<FactRow> = by_key
        .into_iter()
        .filter_map(|(id, mut members)| {
            // The fact as its most precise statement gives it; ties by document.
            members.sort_by(|a, b| {
                let len = |f: &Fact| f.date.as_deref().map_or(0, str::len);
                len(b.1).cmp(&len(a.1)).then(a.0.id.cmp(&b.0.id))
            });
            let fact = members.first()?.1.clone();
            let mut mentions: Vec<EventMention> = members
                .iter()
                .map(|(d, f)| EventMention {
                    doc: d.id.clone(),
                    source: d.source.clone(),
                    outlet: d.outlet.clone(),
                    published: d.published.clone(),
                    evidence: f.evidence.clone(),
                })
                .collect();
            mentions.sort_by(|a, b| a.source.cmp(&b.source).then(a.doc.cmp(&b.doc)));
            mentions.dedup_by(|a, b| a.doc == b.doc);
            Some(FactRow { id, fact, mentions })
        })
        .collect();
    rows.sort_by(|a, b| a.fact.kind.cmp(&b.fact.kind).then(a.id.cmp(&b.id)));
    rows
}

/// Folds a date-only statement of a fact into the more precise one it agrees with: "relations
/// established in 1994" and "established on 1994-11-14" between the same countries are one fact,
/// when every more precise date of those countries extends the coarse one the same way.
fn fold_coarse_dates(by_key: &mut BTreeMap<String, Vec<(&DocView, &Fact)>>) {
    let dated: Vec<(String, String, String)> = by_key
        .iter()
        .filter_map(|(k, members)| {
            let f = members.first()?.1;
            let date = f.date.clone()?;
            let mut cs = f.countries.clone();
            cs.sort();
            (f.kind == "relations_established").then(|| (k.clone(), cs.join(","), date))
        })
        .collect();
    for (key, countries, date) in &dated {
        let finer: Vec<&(String, String, String)> = dated
            .iter()
            .filter(|(_, c, d)| {
                c == countries
                    && d.len() > date.len()
                    && d.starts_with(date.as_str())
                    && d.as_bytes().get(date.len()) == Some(&b'-')
            })
            .collect();
        let Some(finest) = finer
            .iter()
            .max_by(|a, b| a.2.len().cmp(&b.2.len()).then(b.0.cmp(&a.0)))
        else {
            continue;
        };
        if !finer
            .iter()
            .all(|(_, _, d)| finest.2.starts_with(d.as_str()))
        {
            continue;
        }
        if let Some(moved) = by_key.remove(key) {
            by_key.entry(finest.0.clone()).or_default().extend(moved);
        }
    }
}

/// Persons of `docs`, one per name key, sorted by key.
pub(crate) fn persons(docs: &[DocView]) -> Vec<PersonRow> {
    #[derive(Default)]
    struct Acc<'a> {
        spellings: BTreeMap<&'a str, usize>,
        countries: BTreeMap<&'a str, usize>,
        roles: BTreeMap<&'a str, (Option<String>, Option<String>, usize)>,
        docs: Vec<&'a str>,
    }
    let mut acc: BTreeMap<String, Acc<'_>> = BTreeMap::new();
    for d in docs {
        let day = d
            .published
            .as_deref()
            .map(|p| p.split('T').next().unwrap_or(p).to_string());
        for p in &d.persons {
            let key = name_key(&p.name);
            if key.is_empty() {
                continue;
            }
            let a = acc.entry(key).or_default();
            *a.spellings.entry(&p.name).or_default() += 1;
            for alias in &p.aliases {
                a.spellings.entry(alias).or_default();
            }
            if let Some(c) = &p.country {
                *a.countries.entry(c).or_default() += 1;
            }
            for r in &p.roles {
                let e = a.roles.entry(r).or_insert((None, None, 0));
                if let Some(day) = &day {
                    if e.0.as_ref().is_none_or(|f| day < f) {
                        e.0 = Some(day.clone());
                    }
                    if e.1.as_ref().is_none_or(|t| day > t) {
                        e.1 = Some(day.clone());
                    }
                }
                e.2 += 1;
            }
            a.docs.push(&d.id);
        }
    }
    acc.into_iter()
        .map(|(key, mut a)| {
            let name = most_used(&a.spellings).unwrap_or(&key).to_string();
            let country = most_used(&a.countries).map(str::to_string);
            let aliases = a
                .spellings
                .keys()
                .filter(|s| **s != name)
                .map(|s| s.to_string())
                .collect();
            let mut roles: Vec<RoleSpan> = a
                .roles
                .into_iter()
                .map(|(role, (from, to, n))| RoleSpan {
                    role: role.to_string(),
                    from,
                    to,
                    articles: n,
                })
                .collect();
            roles.sort_by(|x, y| x.from.cmp(&y.from).then(x.role.cmp(&y.role)));
            a.docs.sort_unstable();
            a.docs.dedup();
            PersonRow {
                key,
                name,
                country,
                aliases,
                roles,
                articles: a.docs.len(),
            }
        })
        .collect()
}

/// The most counted key; ties go to the first in order.
fn most_used<'a>(counts: &BTreeMap<&'a str, usize>) -> Option<&'a str> {
    let mut best: Option<(&str, usize)> = None;
    for (k, n) in counts {
        if best.is_none_or(|(_, b)| *n > b) {
            best = Some((k, *n));
        }
    }
    best.map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_groups_join_chains_to_their_smallest_member() {
        let pairs = vec![
            ("b".to_string(), "c".to_string()),
            ("c".to_string(), "d".to_string()),
            ("a".to_string(), "d".to_string()),
            ("x".to_string(), "y".to_string()),
        ];
        let g = story_groups(&pairs);
        for k in ["a", "b", "c", "d"] {
            assert_eq!(g[k], "a", "{k}");
        }
        assert_eq!(g["y"], "x");
        assert_eq!(g["x"], "x");
    }

    #[test]
    fn a_year_of_establishment_joins_the_full_date() {
        let est = |date: &str, cs: [&str; 2]| Fact {
            kind: "relations_established".into(),
            countries: cs.iter().map(|c| c.to_string()).collect(),
            date: Some(date.into()),
            evidence: date.into(),
            ..Fact::default()
        };
        let doc = |id: &str, facts: Vec<Fact>| DocView {
            id: id.into(),
            source: id.into(),
            outlet: None,
            published: None,
            persons: vec![],
            events: vec![],
            facts,
        };
        let docs = vec![
            doc(
                "a",
                vec![est("1994", ["PE", "VN"]), est("1994", ["CL", "VN"])],
            ),
            doc("b", vec![est("1994-11-14", ["VN", "PE"])]),
            doc("c", vec![est("1994-11", ["PE", "VN"])]),
            doc(
                "d",
                vec![
                    est("1994-03-01", ["CL", "VN"]),
                    est("1994-04-01", ["CL", "VN"]),
                ],
            ),
        ];
        let rows = facts(&docs);
        let pe: Vec<_> = rows
            .iter()
            .filter(|r| r.fact.countries.contains(&"PE".to_string()))
            .collect();
        assert_eq!(pe.len(), 1, "{rows:#?}");
        assert_eq!(pe[0].fact.date.as_deref(), Some("1994-11-14"));
        assert_eq!(pe[0].mentions.len(), 3);
        // Two different full dates: the year alone cannot say which, so it stays apart.
        let cl = rows
            .iter()
            .filter(|r| r.fact.countries.contains(&"CL".to_string()))
            .count();
        assert_eq!(cl, 3);
    }

    #[test]
    fn fact_keys_ignore_evidence_and_country_order() {
        let a = Fact {
            kind: "relations_established".into(),
            countries: vec!["VN".into(), "PE".into()],
            date: Some("1994-11-14".into()),
            evidence: "one sentence".into(),
            ..Fact::default()
        };
        let mut b = a.clone();
        b.countries.reverse();
        b.evidence = "another".into();
        assert_eq!(fact_key(&a), fact_key(&b));
        b.date = Some("1994-11-15".into());
        assert_ne!(fact_key(&a), fact_key(&b));
    }
}
