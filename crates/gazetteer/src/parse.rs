//! Reading the TSV data files into records, with every problem reported by file and line.
//!
//! Reading never fails: a malformed row is reported and left out, the rest is kept.

use biennien_text::hash::{FastMap, FastSet};

use crate::date::PartialDate;
use crate::keys::{exact_key, lookup_key};
use crate::model::{
    Country, Honorific, HonorificKind, OfficeHolder, Organization, OrganizationKind, Place,
    PlaceKind, Title, TitleKind,
};

/// The text of the data files a [`crate::Gazetteer`] is built from.
#[derive(Debug, Clone, Copy)]
pub struct Sources {
    /// `countries.tsv`.
    pub countries: &'static str,
    /// `places.tsv`.
    pub places: &'static str,
    /// `organizations.tsv`.
    pub organizations: &'static str,
    /// `titles.tsv`.
    pub titles: &'static str,
    /// `honorifics.tsv`.
    pub honorifics: &'static str,
    /// `officeholders.tsv`.
    pub officeholders: &'static str,
    /// `context.tsv`.
    pub context: &'static str,
}

impl Sources {
    /// The data files shipped in `crates/gazetteer/data/`, embedded at compile time.
    pub const EMBEDDED: Sources = Sources {
        countries: include_str!("../data/countries.tsv"),
        places: include_str!("../data/places.tsv"),
        organizations: include_str!("../data/organizations.tsv"),
        titles: include_str!("../data/titles.tsv"),
        honorifics: include_str!("../data/honorifics.tsv"),
        officeholders: include_str!("../data/officeholders.tsv"),
        context: include_str!("../data/context.tsv"),
    };
}

/// A problem found in a data file: the row is left out (or the duplicate name ignored).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct DataError {
    /// The file name (`countries.tsv`).
    pub file: &'static str,
    /// The 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// How a context phrase helps to read an ambiguous country name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ContextUse {
    /// Right before the name, it confirms the country (`nước Anh`, `tại Đức`).
    Before,
    /// Right after the name, it confirms the country.
    After,
    /// It is scanned as a unit and dropped, so that no name is read inside it (`Trung ương`
    /// is not China, `Đại sứ quán` is not the title `Đại sứ`).
    Block,
}

/// A context phrase (`context.tsv`).
#[derive(Debug, Clone)]
pub(crate) struct ContextPhrase {
    pub forms: Vec<&'static str>,
    pub uses: Vec<ContextUse>,
}

/// Everything read from the data files.
#[derive(Debug, Default)]
pub(crate) struct Data {
    pub countries: Vec<Country>,
    pub places: Vec<Place>,
    pub organizations: Vec<Organization>,
    pub titles: Vec<Title>,
    pub honorifics: Vec<Honorific>,
    pub office_holders: Vec<OfficeHolder>,
    pub context: Vec<ContextPhrase>,
}

struct Row {
    line: usize,
    fields: Vec<&'static str>,
}

impl Row {
    fn get(&self, i: usize) -> Option<&'static str> {
        self.fields.get(i).copied().filter(|f| !f.is_empty())
    }
}

struct Reader<'e> {
    file: &'static str,
    errors: &'e mut Vec<DataError>,
}

impl Reader<'_> {
    fn error(&mut self, line: usize, message: impl Into<String>) {
        self.errors.push(DataError {
            file: self.file,
            line,
            message: message.into(),
        });
    }

    /// The rows of `text`, after checking the header; rows with fewer than `required` or more
    /// than `header.len()` fields, or an empty field among `non_empty`, are reported and
    /// skipped.
    fn rows(
        &mut self,
        text: &'static str,
        header: &[&str],
        required: usize,
        non_empty: &[usize],
    ) -> Vec<Row> {
        let mut rows = Vec::new();
        let mut seen_header = false;
        for (i, line) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&'static str> = line.split('\t').map(str::trim).collect();
            if !seen_header {
                seen_header = true;
                if fields != header {
                    self.error(
                        line_no,
                        format!("header should be `{}`", header.join("<TAB>")),
                    );
                }
                continue;
            }
            if fields.len() < required || fields.len() > header.len() {
                self.error(
                    line_no,
                    format!(
                        "expected {required} to {} fields, found {}",
                        header.len(),
                        fields.len()
                    ),
                );
                continue;
            }
            if let Some(&empty) = non_empty
                .iter()
                .find(|&&i| fields.get(i).is_none_or(|f| f.is_empty()))
            {
                let name = header.get(empty).copied().unwrap_or_default();
                self.error(line_no, format!("empty field `{name}`"));
                continue;
            }
            rows.push(Row {
                line: line_no,
                fields,
            });
        }
        if !seen_header {
            self.error(0, "no header line");
        }
        rows
    }

    /// A `|`-separated list; an empty field gives an empty list, an empty item is an error.
    fn list(&mut self, line: usize, field: Option<&'static str>) -> Option<Vec<&'static str>> {
        let Some(field) = field else {
            return Some(Vec::new());
        };
        let items: Vec<&'static str> = field.split('|').map(str::trim).collect();
        if items.iter().any(|i| i.is_empty()) {
            self.error(line, format!("empty item in list `{field}`"));
            return None;
        }
        let mut seen = FastSet::default();
        for item in &items {
            if !seen.insert(*item) {
                self.error(line, format!("`{item}` listed twice"));
            }
        }
        Some(items)
    }
}

pub(crate) fn read_all(sources: &Sources) -> (Data, Vec<DataError>) {
    let mut errors = Vec::new();
    let mut data = Data::default();
    read_countries(sources.countries, &mut data, &mut errors);
    read_places(sources.places, &mut data, &mut errors);
    read_organizations(sources.organizations, &mut data, &mut errors);
    read_titles(sources.titles, &mut data, &mut errors);
    read_honorifics(sources.honorifics, &mut data, &mut errors);
    read_office_holders(sources.officeholders, &mut data, &mut errors);
    read_context(sources.context, &mut data, &mut errors);
    (data, errors)
}

fn read_countries(text: &'static str, data: &mut Data, errors: &mut Vec<DataError>) {
    let mut r = Reader {
        file: "countries.tsv",
        errors,
    };
    let header = ["code", "names", "capital", "ambiguous_names"];
    let mut codes = FastSet::default();
    // lookup key -> (country code, whether the name is marked ambiguous)
    let mut keys: FastMap<String, (&'static str, bool)> = FastMap::default();
    for row in r.rows(text, &header, 2, &[0, 1]) {
        let code = row.fields[0];
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            r.error(
                row.line,
                format!("`{code}` is not an ISO 3166-1 alpha-2 code"),
            );
            continue;
        }
        if !codes.insert(code) {
            r.error(row.line, format!("code `{code}` listed twice"));
            continue;
        }
        let (Some(names), Some(capital), Some(ambiguous)) = (
            r.list(row.line, row.get(1)),
            r.list(row.line, row.get(2)),
            r.list(row.line, row.get(3)),
        ) else {
            continue;
        };
        for a in &ambiguous {
            if !names.contains(a) {
                r.error(
                    row.line,
                    format!("ambiguous name `{a}` is not among the names"),
                );
            }
        }
        for name in &names {
            let is_ambiguous = ambiguous.contains(name);
            match keys.get(&exact_key(name)) {
                Some(&(other, other_ambiguous)) if other != code => {
                    if !(is_ambiguous && other_ambiguous) {
                        r.error(row.line, format!("name `{name}` is also a name of {other}"));
                    }
                }
                Some(_) => {}
                None => {
                    keys.insert(exact_key(name), (code, is_ambiguous));
                }
            }
        }
        data.countries.push(Country {
            code,
            names,
            capital,
            ambiguous_names: ambiguous,
        });
    }
}

fn read_places(text: &'static str, data: &mut Data, errors: &mut Vec<DataError>) {
    let mut r = Reader {
        file: "places.tsv",
        errors,
    };
    let header = ["names", "country", "kind", "part_of"];
    let codes: FastSet<&str> = data.countries.iter().map(|c| c.code).collect();
    let mut keys: FastMap<String, usize> = FastMap::default();
    let mut part_of_refs = Vec::new();
    for row in r.rows(text, &header, 3, &[0, 2]) {
        let Some(names) = r.list(row.line, row.get(0)) else {
            continue;
        };
        let country = row.get(1);
        let Some(kind) = PlaceKind::parse(row.fields[2]) else {
            r.error(row.line, format!("unknown place kind `{}`", row.fields[2]));
            continue;
        };
        match country {
            Some(c) if !codes.contains(c) => {
                r.error(row.line, format!("unknown country `{c}`"));
                continue;
            }
            None if kind != PlaceKind::Region => {
                r.error(row.line, "only a region may have no country");
                continue;
            }
            _ => {}
        }
        if !claim_names(&mut r, row.line, &names, &mut keys, data.places.len()) {
            continue;
        }
        if let Some(p) = row.get(3) {
            part_of_refs.push((row.line, p));
        }
        data.places.push(Place {
            names,
            country,
            kind,
            part_of: row.get(3),
        });
    }
    // Every capital of countries.tsv is a place too.
    let mut capitals = Vec::new();
    for country in &data.countries {
        if country.capital.is_empty() {
            continue;
        }
        let taken = country
            .capital
            .iter()
            .find(|name| keys.contains_key(&exact_key(name)));
        if let Some(name) = taken {
            r.file = "countries.tsv";
            r.error(
                0,
                format!("capital `{name}` of {} is also in places.tsv", country.code),
            );
            r.file = "places.tsv";
            continue;
        }
        for name in &country.capital {
            keys.insert(exact_key(name), data.places.len() + capitals.len());
        }
        capitals.push(Place {
            names: country.capital.clone(),
            country: Some(country.code),
            kind: PlaceKind::Capital,
            part_of: None,
        });
    }
    data.places.extend(capitals);
    r.file = "places.tsv";
    for (line, p) in part_of_refs {
        if !keys.contains_key(&exact_key(p)) {
            r.error(line, format!("part_of `{p}` is not a place"));
        }
    }
}

/// Registers the exact keys of `names` for record `index`; false (and an error) when one is
/// already taken by another record. Names that only fold alike (`Nha Trang`, `Nhà Trắng`) may
/// belong to different records.
fn claim_names(
    r: &mut Reader<'_>,
    line: usize,
    names: &[&'static str],
    keys: &mut FastMap<String, usize>,
    index: usize,
) -> bool {
    if names.is_empty() {
        r.error(line, "no name");
        return false;
    }
    for name in names {
        let key = exact_key(name);
        if lookup_key(name).is_empty() {
            r.error(line, format!("`{name}` has no letters"));
            return false;
        }
        if keys.get(&key).is_some_and(|&i| i != index) {
            r.error(line, format!("name `{name}` is listed on an earlier row"));
            return false;
        }
    }
    for name in names {
        keys.insert(exact_key(name), index);
    }
    true
}

fn read_organizations(text: &'static str, data: &mut Data, errors: &mut Vec<DataError>) {
    let mut r = Reader {
        file: "organizations.tsv",
        errors,
    };
    let header = ["id", "names", "kind", "country"];
    let codes: FastSet<&str> = data.countries.iter().map(|c| c.code).collect();
    let mut ids = FastSet::default();
    let mut keys = FastMap::default();
    for row in r.rows(text, &header, 3, &[0, 1, 2]) {
        let id = row.fields[0];
        if !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            r.error(
                row.line,
                format!("id `{id}` is not lowercase letters, digits and `-`"),
            );
            continue;
        }
        if !ids.insert(id) {
            r.error(row.line, format!("id `{id}` listed twice"));
            continue;
        }
        let Some(names) = r.list(row.line, row.get(1)) else {
            continue;
        };
        let Some(kind) = OrganizationKind::parse(row.fields[2]) else {
            r.error(
                row.line,
                format!("unknown organization kind `{}`", row.fields[2]),
            );
            continue;
        };
        let country = row.get(3);
        if let Some(c) = country.filter(|c| !codes.contains(c)) {
            r.error(row.line, format!("unknown country `{c}`"));
            continue;
        }
        if kind == OrganizationKind::Party && country.is_none() {
            r.error(row.line, "a party needs its country");
            continue;
        }
        if !claim_names(
            &mut r,
            row.line,
            &names,
            &mut keys,
            data.organizations.len(),
        ) {
            continue;
        }
        data.organizations.push(Organization {
            id,
            names,
            kind,
            country,
        });
    }
}

fn read_titles(text: &'static str, data: &mut Data, errors: &mut Vec<DataError>) {
    let mut r = Reader {
        file: "titles.tsv",
        errors,
    };
    let header = ["forms", "role", "rank", "kind", "requires_country"];
    let mut keys = FastMap::default();
    for row in r.rows(text, &header, 5, &[0, 1, 2, 3, 4]) {
        let Some(forms) = r.list(row.line, row.get(0)) else {
            continue;
        };
        let rank = match row.fields[2].parse::<u8>() {
            Ok(rank @ 1..=5) => rank,
            _ => {
                r.error(row.line, format!("rank `{}` is not 1 to 5", row.fields[2]));
                continue;
            }
        };
        let Some(kind) = TitleKind::parse(row.fields[3]) else {
            r.error(row.line, format!("unknown title kind `{}`", row.fields[3]));
            continue;
        };
        let requires_country = match row.fields[4] {
            "1" => true,
            "0" => false,
            other => {
                r.error(
                    row.line,
                    format!("requires_country `{other}` is not 0 or 1"),
                );
                continue;
            }
        };
        if !claim_names(&mut r, row.line, &forms, &mut keys, data.titles.len()) {
            continue;
        }
        data.titles.push(Title {
            forms,
            role: row.fields[1],
            rank,
            kind,
            requires_country,
        });
    }
}

fn read_honorifics(text: &'static str, data: &mut Data, errors: &mut Vec<DataError>) {
    let mut r = Reader {
        file: "honorifics.tsv",
        errors,
    };
    let header = ["forms", "kind"];
    let title_keys: FastSet<String> = data
        .titles
        .iter()
        .flat_map(|t| t.forms.iter().map(|f| exact_key(f)))
        .collect();
    let mut keys = FastMap::default();
    for row in r.rows(text, &header, 2, &[0, 1]) {
        let Some(forms) = r.list(row.line, row.get(0)) else {
            continue;
        };
        let Some(kind) = HonorificKind::parse(row.fields[1]) else {
            r.error(
                row.line,
                format!("unknown honorific kind `{}`", row.fields[1]),
            );
            continue;
        };
        if let Some(f) = forms.iter().find(|f| title_keys.contains(&exact_key(f))) {
            r.error(row.line, format!("`{f}` is also a title"));
            continue;
        }
        if !claim_names(&mut r, row.line, &forms, &mut keys, data.honorifics.len()) {
            continue;
        }
        data.honorifics.push(Honorific { forms, kind });
    }
}

fn read_office_holders(text: &'static str, data: &mut Data, errors: &mut Vec<DataError>) {
    let mut r = Reader {
        file: "officeholders.tsv",
        errors,
    };
    let header = [
        "name", "aliases", "country", "org", "role", "from", "to", "note",
    ];
    let codes: FastSet<&str> = data.countries.iter().map(|c| c.code).collect();
    let orgs: FastSet<&str> = data.organizations.iter().map(|o| o.id).collect();
    let roles: FastSet<&str> = data.titles.iter().map(|t| t.role).collect();
    // alias lookup key -> canonical name
    let mut people: FastMap<String, &'static str> = FastMap::default();
    for row in r.rows(text, &header, 6, &[0, 4, 5]) {
        let name = row.fields[0];
        let Some(aliases) = r.list(row.line, row.get(1)) else {
            continue;
        };
        let country = row.get(2);
        let org = row.get(3);
        let role = row.fields[4];
        if let Some(c) = country.filter(|c| !codes.contains(c)) {
            r.error(row.line, format!("unknown country `{c}`"));
            continue;
        }
        if let Some(o) = org.filter(|o| !orgs.contains(o)) {
            r.error(row.line, format!("unknown organization `{o}`"));
            continue;
        }
        if country.is_none() && org.is_none() {
            r.error(row.line, "neither a country nor an organization");
            continue;
        }
        if !roles.contains(role) {
            r.error(
                row.line,
                format!("role `{role}` is not a role of titles.tsv"),
            );
            continue;
        }
        let Some(from) = PartialDate::parse(row.fields[5]) else {
            r.error(row.line, format!("from `{}` is not a date", row.fields[5]));
            continue;
        };
        let to = match row.get(6) {
            None => None,
            Some(t) => match PartialDate::parse(t) {
                Some(to) => Some(to),
                None => {
                    r.error(row.line, format!("to `{t}` is not a date"));
                    continue;
                }
            },
        };
        if let Some(to) = to {
            if to.last_day() < from.first_day() {
                r.error(
                    row.line,
                    format!("term ends ({to}) before it begins ({from})"),
                );
                continue;
            }
        }
        let mut clash = None;
        for n in std::iter::once(&name).chain(aliases.iter()) {
            match people.get(&lookup_key(n)) {
                Some(&other) if other != name => clash = Some((*n, other)),
                _ => {}
            }
        }
        if let Some((n, other)) = clash {
            r.error(row.line, format!("`{n}` already names {other}"));
            continue;
        }
        for n in std::iter::once(&name).chain(aliases.iter()) {
            people.insert(lookup_key(n), name);
        }
        data.office_holders.push(OfficeHolder {
            name,
            aliases,
            country,
            org,
            role,
            from,
            to,
            note: row.get(7),
        });
    }
    // Every row of a person carries all the person's aliases.
    let mut merged: FastMap<&'static str, Vec<&'static str>> = FastMap::default();
    for h in &data.office_holders {
        let all = merged.entry(h.name).or_default();
        for a in &h.aliases {
            if !all.contains(a) {
                all.push(a);
            }
        }
    }
    for h in &mut data.office_holders {
        if let Some(all) = merged.get(h.name) {
            h.aliases.clone_from(all);
        }
    }
}

fn read_context(text: &'static str, data: &mut Data, errors: &mut Vec<DataError>) {
    let mut r = Reader {
        file: "context.tsv",
        errors,
    };
    let header = ["phrases", "uses"];
    for row in r.rows(text, &header, 2, &[0, 1]) {
        let Some(forms) = r.list(row.line, row.get(0)) else {
            continue;
        };
        let mut uses = Vec::new();
        for u in row.fields[1].split(',').map(str::trim) {
            uses.push(match u {
                "before" => ContextUse::Before,
                "after" => ContextUse::After,
                "block" => ContextUse::Block,
                other => {
                    r.error(row.line, format!("unknown use `{other}`"));
                    continue;
                }
            });
        }
        if uses.is_empty() {
            continue;
        }
        data.context.push(ContextPhrase { forms, uses });
    }
}
