//! Reference data for reading diplomatic news, and a fast scanner that finds it in text.
//!
//! The data are TSV files in `crates/gazetteer/data/`, embedded at compile time and parsed
//! once, on first use of [`gazetteer()`]. Each file documents its columns in its own `#`
//! comments; in short:
//!
//! | file | one row is | columns |
//! |---|---|---|
//! | `countries.tsv` | a country or territory | `code`, `names`, `capital`, `ambiguous_names` |
//! | `places.tsv` | a city, region or site | `names`, `country`, `kind`, `part_of` |
//! | `organizations.tsv` | an organization, grouping, agreement or party | `id`, `names`, `kind`, `country` |
//! | `titles.tsv` | an office as written | `forms`, `role`, `rank`, `kind`, `requires_country` |
//! | `honorifics.tsv` | a word of address before names | `forms`, `kind` |
//! | `officeholders.tsv` | one term of one person in one office | `name`, `aliases`, `country`, `org`, `role`, `from`, `to`, `note` |
//! | `context.tsv` | a phrase that confirms or blocks a country name | `phrases`, `uses` |
//!
//! Common rules: UTF-8, NFC, Vietnamese tone marks in the old placement (`hòa`, `Thụy`, `Ủy`);
//! lines starting with `#` are comments; the first other line is the header; fields are
//! separated by tabs; lists within a field by `|`, canonical item first; empty trailing
//! optional fields may be left out. Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
//!
//! # Lookups
//!
//! Every lookup by name ([`Gazetteer::country_by_name`], [`Gazetteer::place`],
//! [`Gazetteer::organization`], [`Gazetteer::title`], [`Gazetteer::person_alias`]) matches a
//! whole name, ignoring case, diacritics and punctuation (`D.A. Medvedev` = `d a medvedev`).
//! [`Gazetteer::office_holder`] answers who held an office at a date.
//!
//! # Scanning
//!
//! [`Gazetteer::scan`] finds every entry in a text in one pass over the folded text (see
//! `scan.rs` for the design). Every hit carries byte offsets into the original text. Names that
//! are also ordinary words (`Anh`, `Mỹ`, `Đức`, `Nga`) are reported with `ambiguous: true`
//! unless the context confirms the country.
//!
//! # Invariants
//!
//! Loading never fails and never panics: a malformed row is left out. The unit tests load every
//! file through [`Gazetteer::from_sources`] and require that it reports no [`DataError`].

mod date;

mod keys;
mod model;
mod parse;
mod scan;
mod trie;

use std::fmt;
use std::sync::OnceLock;

pub use date::PartialDate;
pub use model::{
    Country, Honorific, HonorificKind, OfficeHolder, Organization, OrganizationKind, Place,
    PlaceKind, Title, TitleKind,
};
pub use parse::{DataError, Sources};
pub use scan::{Entry, Hit};

use biennien_text::hash::FastMap;
use keys::{exact_key, lookup_key};
use scan::Matcher;

/// The reference data with its indexes. Build it with [`gazetteer()`] (the embedded data,
/// loaded once) or [`Gazetteer::from_sources`].
pub struct Gazetteer {
    countries: Vec<Country>,
    places: Vec<Place>,
    organizations: Vec<Organization>,
    titles: Vec<Title>,
    honorifics: Vec<Honorific>,
    office_holders: Vec<OfficeHolder>,
    country_by_code: FastMap<&'static str, usize>,
    /// Lookup key of a name -> the records with a name of that key, in file order.
    country_by_key: FastMap<String, Vec<usize>>,
    place_by_key: FastMap<String, Vec<usize>>,
    organization_by_key: FastMap<String, Vec<usize>>,
    title_by_key: FastMap<String, Vec<usize>>,
    honorific_by_key: FastMap<String, Vec<usize>>,
    /// Lookup key of a role label -> the label.
    role_by_key: FastMap<String, &'static str>,
    /// Lookup key of a person's name or alias -> rows of the person, in file order.
    person_by_key: FastMap<String, Vec<usize>>,
    matcher: Matcher,
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("countries", &self.countries.len())
            .field("places", &self.places.len())
            .field("organizations", &self.organizations.len())
            .field("titles", &self.titles.len())
            .field("honorifics", &self.honorifics.len())
            .field("office_holders", &self.office_holders.len())
            .field("matcher", &self.matcher)
            .finish()
    }
}

/// The gazetteer of the embedded data files, parsed on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| Gazetteer::from_sources(&Sources::EMBEDDED).0)
}

/// Adds `index` to the records of the lookup key of each of `names`.
fn index_names<'n>(
    map: &mut FastMap<String, Vec<usize>>,
    names: impl IntoIterator<Item = &'n &'static str>,
    index: usize,
) {
    for name in names {
        let rows = map.entry(lookup_key(name)).or_default();
        if !rows.contains(&index) {
            rows.push(index);
        }
    }
}

/// The record named `query`: among those whose names fold like it, the first with a name
/// spelled like it (up to case, tone placement and punctuation), else the first.
fn pick<'a, T>(
    items: &'a [T],
    map: &FastMap<String, Vec<usize>>,
    query: &str,
    names: impl Fn(&T) -> &[&'static str],
) -> Option<&'a T> {
    let rows = map.get(&lookup_key(query))?;
    if let [only] = rows.as_slice() {
        return items.get(*only);
    }
    let exact = exact_key(query);
    rows.iter()
        .filter_map(|&i| items.get(i))
        .find(|item| names(item).iter().any(|n| exact_key(n) == exact))
        .or_else(|| rows.first().and_then(|&i| items.get(i)))
}

impl Gazetteer {
    /// Builds a gazetteer from the text of the data files, with the problems found in them.
    /// Malformed rows are left out; the rest is usable.
    pub fn from_sources(sources: &Sources) -> (Gazetteer, Vec<DataError>) {
        let (data, errors) = parse::read_all(sources);
        let matcher = Matcher::build(&data);
        let mut g = Gazetteer {
            country_by_code: FastMap::default(),
            country_by_key: FastMap::default(),
            place_by_key: FastMap::default(),
            organization_by_key: FastMap::default(),
            title_by_key: FastMap::default(),
            honorific_by_key: FastMap::default(),
            role_by_key: FastMap::default(),
            person_by_key: FastMap::default(),
            matcher,
            countries: data.countries,
            places: data.places,
            organizations: data.organizations,
            titles: data.titles,
            honorifics: data.honorifics,
            office_holders: data.office_holders,
        };
        for (i, c) in g.countries.iter().enumerate() {
            g.country_by_code.insert(c.code, i);
            index_names(&mut g.country_by_key, &c.names, i);
        }
        for (i, p) in g.places.iter().enumerate() {
            index_names(&mut g.place_by_key, &p.names, i);
        }
        for (i, o) in g.organizations.iter().enumerate() {
            index_names(&mut g.organization_by_key, &o.names, i);
            index_names(&mut g.organization_by_key, [&o.id], i);
        }
        for (i, t) in g.titles.iter().enumerate() {
            index_names(&mut g.title_by_key, &t.forms, i);
            g.role_by_key.entry(lookup_key(t.role)).or_insert(t.role);
        }
        for (i, h) in g.honorifics.iter().enumerate() {
            index_names(&mut g.honorific_by_key, &h.forms, i);
        }
        for (i, h) in g.office_holders.iter().enumerate() {
            for name in std::iter::once(&h.name).chain(h.aliases.iter()) {
                let rows = g.person_by_key.entry(lookup_key(name)).or_default();
                if !rows.contains(&i) {
                    rows.push(i);
                }
            }
        }
        (g, errors)
    }

    /// All countries and territories, in file order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// All places: the rows of `places.tsv`, then the capitals of `countries.tsv`.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// All organizations, in file order.
    pub fn organizations(&self) -> &[Organization] {
        &self.organizations
    }

    /// All titles, in file order.
    pub fn titles(&self) -> &[Title] {
        &self.titles
    }

    /// All honorifics, in file order.
    pub fn honorifics(&self) -> &[Honorific] {
        &self.honorifics
    }

    /// All office-holder terms, in file order.
    pub fn office_holders_all(&self) -> &[OfficeHolder] {
        &self.office_holders
    }

    /// The country with ISO 3166-1 alpha-2 `code` (any case).
    pub fn country(&self, code: &str) -> Option<&Country> {
        let i = match self.country_by_code.get(code) {
            Some(&i) => i,
            None => *self
                .country_by_code
                .get(code.to_ascii_uppercase().as_str())?,
        };
        self.countries.get(i)
    }

    /// The country one of whose names is `name` (whole name; case, diacritics and punctuation
    /// ignored). Ambiguous names (`Anh`, `Mỹ`) are found too: the caller knows the context.
    pub fn country_by_name(&self, name: &str) -> Option<&Country> {
        pick(&self.countries, &self.country_by_key, name, |c| &c.names)
    }

    /// The place named `name`: a city, region or site of `places.tsv` or a capital.
    pub fn place(&self, name: &str) -> Option<&Place> {
        pick(&self.places, &self.place_by_key, name, |p| &p.names)
    }

    /// The organization with name, abbreviation or id `name`.
    pub fn organization(&self, name: &str) -> Option<&Organization> {
        pick(&self.organizations, &self.organization_by_key, name, |o| {
            &o.names
        })
    }

    /// The title written `text` (a whole title: `Bộ trưởng Ngoại giao`, `Ngoại trưởng`).
    pub fn title(&self, text: &str) -> Option<&Title> {
        pick(&self.titles, &self.title_by_key, text, |t| &t.forms)
    }

    /// The honorific written `text`.
    pub fn honorific(&self, text: &str) -> Option<&Honorific> {
        pick(&self.honorifics, &self.honorific_by_key, text, |h| &h.forms)
    }

    /// The role label `role` stands for: itself when it is a label, else the label of the
    /// title it is a form of (`Ngoại trưởng` -> `Bộ trưởng Ngoại giao`).
    pub fn role_label(&self, role: &str) -> Option<&'static str> {
        if let Some(&label) = self.role_by_key.get(&lookup_key(role)) {
            return Some(label);
        }
        Some(self.title(role)?.role)
    }

    /// Who held `role` for `scope` at `date`.
    ///
    /// `scope` is a country code (`US`) or an organization id (`un`, `asean`); `role` a role
    /// label or any form of a title. `date` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the term
    /// covering most of that period wins, the later one on a tie (an inauguration day goes to
    /// the incoming holder). Without a date: the current holder (an open term, the latest
    /// begun), or failing that the last one. `None` when nobody is known or the date is not a
    /// date.
    pub fn office_holder(
        &self,
        scope: &str,
        role: &str,
        date: Option<&str>,
    ) -> Option<&OfficeHolder> {
        let terms = self.terms(scope, role);
        match date {
            Some(d) => {
                let date = PartialDate::parse(d)?;
                terms
                    .filter(|h| h.overlap_days(date) > 0)
                    .max_by_key(|h| (h.overlap_days(date), h.from.first_day()))
            }
            None => terms.max_by_key(|h| (h.to.is_none(), h.to, h.from)),
        }
    }

    /// Everyone who held `role` for `scope` on any day of `date` (several deputy prime
    /// ministers at once, say), earliest term first.
    pub fn office_holders(&self, scope: &str, role: &str, date: &str) -> Vec<&OfficeHolder> {
        let Some(date) = PartialDate::parse(date) else {
            return Vec::new();
        };
        let mut found: Vec<&OfficeHolder> =
            self.terms(scope, role).filter(|h| h.covers(date)).collect();
        found.sort_by_key(|h| h.from);
        found
    }

    fn terms<'s>(&'s self, scope: &str, role: &str) -> impl Iterator<Item = &'s OfficeHolder> {
        let label = self.role_label(role);
        let scope = scope.trim().to_string();
        self.office_holders.iter().filter(move |h| {
            Some(h.role) == label
                && (h.country.is_some_and(|c| c.eq_ignore_ascii_case(&scope))
                    || h.org.is_some_and(|o| o.eq_ignore_ascii_case(&scope)))
        })
    }

    /// The known person with canonical name or alias `name` (case, diacritics and
    /// punctuation ignored): the person's latest term.
    pub fn person_alias(&self, name: &str) -> Option<&OfficeHolder> {
        self.person_terms(name).into_iter().last()
    }

    /// Every term of the person with canonical name or alias `name`, earliest first.
    pub fn person_terms(&self, name: &str) -> Vec<&OfficeHolder> {
        let Some(rows) = self.person_by_key.get(&lookup_key(name)) else {
            return Vec::new();
        };
        let mut terms: Vec<&OfficeHolder> = rows
            .iter()
            .filter_map(|&i| self.office_holders.get(i))
            .collect();
        terms.sort_by_key(|h| h.from);
        terms
    }
}

#[cfg(test)]
mod tests;
