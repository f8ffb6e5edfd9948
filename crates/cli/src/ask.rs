//! The analyst's questions: `search`, `events`, `relation`, `person`, `stats`, `reindex`.
//! Each prints a readable table, or JSON with `--json`.

use std::collections::BTreeMap;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use biennien_gazetteer::gazetteer;
use biennien_search::SearchQuery;
use biennien_store::{EventFilter, EventRow, FactRow, PersonRow, Store};
use serde::Serialize;

use crate::data::{Data, DataArgs};

/// The filters shared by `search`, `events` and `export`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Filters {
    /// A country that must be involved (ISO code or Vietnamese name); repeat for several.
    #[arg(long = "country", value_name = "COUNTRY")]
    pub countries: Vec<String>,
    /// An event type (TALKS, MEET, RECEIVE, CALL, VISIT, CONSULT, SIGN, AWARD, INVITE);
    /// repeat for several.
    #[arg(long = "type", value_name = "TYPE")]
    pub kinds: Vec<String>,
    /// A person who must take part (any spelling, diacritics optional); repeat for several.
    #[arg(long = "person", value_name = "NAME")]
    pub persons: Vec<String>,
    /// An outlet that must report it; repeat for several.
    #[arg(long = "outlet", value_name = "OUTLET")]
    pub outlets: Vec<String>,
    /// From this date on (inclusive; 2024, 2024-11 or 2024-11-13).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Up to this date (inclusive).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

impl Filters {
    /// The store's filter, with countries resolved to codes.
    pub fn to_store(&self) -> Result<EventFilter> {
        for (flag, value) in [("--from", &self.from), ("--to", &self.to)] {
            if let Some(v) = value {
                if biennien_corpus::dates::period(v).is_none() {
                    bail!("{flag} {v:?} is not a date: give 2024, 2024-11 or 2024-11-13");
                }
            }
        }
        Ok(EventFilter {
            countries: self
                .countries
                .iter()
                .map(|c| country_code(c))
                .collect::<Result<_>>()?,
            kinds: self.kinds.iter().map(|k| k.to_uppercase()).collect(),
            persons: self.persons.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            outlets: self.outlets.clone(),
        })
    }
}

/// The ISO code of a country given by code or by one of its names.
pub fn country_code(given: &str) -> Result<String> {
    let g = gazetteer();
    if let Some(c) = g.country(given.trim()) {
        return Ok(c.code.to_string());
    }
    if let Some(c) = g.country_by_name(given.trim()) {
        return Ok(c.code.to_string());
    }
    bail!("unknown country {given:?}: give its ISO code (VN, PE) or its Vietnamese name (Peru, Hoa Kỳ)")
}

/// The Vietnamese name of the country with ISO code `code` (the code itself when unknown).
pub fn country_display(code: &str) -> String {
    gazetteer()
        .country(code)
        .map_or_else(|| code.to_string(), |c| c.name().to_string())
}

fn print_json<T: Serialize>(value: &T) -> Result<ExitCode> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(ExitCode::SUCCESS)
}

/// Shortens `s` to at most `n` characters, marking the cut.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn who(e: &EventRow) -> String {
    e.participants
        .iter()
        .map(|p| {
            let name = p
                .name
                .clone()
                .or_else(|| p.role.clone())
                .unwrap_or_else(|| "?".into());
            match &p.country {
                Some(c) => format!("{name} ({c})"),
                None => name,
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

// ---- search ---------------------------------------------------------------------------------

/// Arguments of `search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// Words and "quoted phrases"; diacritics and case optional.
    #[arg(value_name = "QUERY")]
    query: String,
    #[command(flatten)]
    filters: Filters,
    /// Most hits shown.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// JSON instead of a table.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    data: DataArgs,
}

impl SearchArgs {
    /// A search for `query` with no filter.
    pub fn new(query: String, data: DataArgs) -> Self {
        SearchArgs {
            query,
            filters: Filters::default(),
            limit: 5,
            json: false,
            data,
        }
    }
}

pub fn search(args: &SearchArgs) -> Result<ExitCode> {
    let mut data = Data::open(&args.data.data, false)?;
    data.catch_up()?;
    let f = args.filters.to_store()?;
    let q = SearchQuery {
        text: args.query.clone(),
        countries: f.countries,
        persons: f.persons,
        event_types: f.kinds,
        outlets: f.outlets,
        from: f.from,
        to: f.to,
        limit: args.limit,
    };
    let hits = data.index.search(&q).context("search failed")?;
    if args.json {
        #[derive(Serialize)]
        struct J<'a> {
            id: &'a str,
            source: Option<String>,
            score: f32,
            title: &'a str,
            outlet: Option<&'a str>,
            published: Option<&'a str>,
            snippet: &'a str,
            highlights: &'a [(usize, usize)],
        }
        let out: Vec<J<'_>> = hits
            .iter()
            .map(|h| J {
                id: &h.id,
                source: data
                    .store
                    .document(&h.id)
                    .ok()
                    .flatten()
                    .map(|d| d.record.source),
                score: h.score,
                title: &h.title,
                outlet: h.outlet.as_deref(),
                published: h.published.as_deref(),
                snippet: &h.snippet,
                highlights: &h.highlights,
            })
            .collect();
        return print_json(&out);
    }
    if hits.is_empty() {
        println!("no article matches {:?}", args.query);
        return Ok(ExitCode::SUCCESS);
    }
    let color = std::io::IsTerminal::is_terminal(&std::io::stdout());
    for (i, h) in hits.iter().enumerate() {
        let source = data
            .store
            .document(&h.id)?
            .map(|d| d.record.source)
            .unwrap_or_default();
        println!(
            "{:>2}. {}  [{} {}]  {:.2}",
            i + 1,
            h.title,
            h.outlet.as_deref().unwrap_or("?"),
            h.published.as_deref().unwrap_or("?"),
            h.score
        );
        println!("    {}", highlight(&h.snippet, &h.highlights, color));
        println!("    {source}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The snippet with its matched words marked: bold on a terminal, «…» otherwise.
fn highlight(snippet: &str, spans: &[(usize, usize)], color: bool) -> String {
    let (open, close) = if color {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("«", "»")
    };
    let mut out = String::new();
    let mut at = 0;
    for &(s, e) in spans {
        if s < at
            || e > snippet.len()
            || !snippet.is_char_boundary(s)
            || !snippet.is_char_boundary(e)
        {
            continue;
        }
        out.push_str(&snippet[at..s]);
        out.push_str(open);
        out.push_str(&snippet[s..e]);
        out.push_str(close);
        at = e;
    }
    out.push_str(&snippet[at..]);
    out.replace('\n', " ")
}

// ---- events ---------------------------------------------------------------------------------

/// Arguments of `events`.
#[derive(Debug, clap::Args)]
pub struct EventsArgs {
    #[command(flatten)]
    filters: Filters,
    /// Most events shown (0: all).
    #[arg(long, default_value_t = 0)]
    limit: usize,
    /// JSON instead of a table.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    data: DataArgs,
}

fn collect_events(data: &Data, f: &EventFilter, limit: usize) -> Result<Vec<EventRow>> {
    let mut out = Vec::new();
    data.store.events(f, &mut |e| {
        if limit == 0 || out.len() < limit {
            out.push(e);
        }
        Ok(())
    })?;
    Ok(out)
}

fn collect_facts(data: &Data, f: &EventFilter) -> Result<Vec<FactRow>> {
    let mut out = Vec::new();
    data.store.facts(f, &mut |x| {
        out.push(x);
        Ok(())
    })?;
    Ok(out)
}

fn print_events(events: &[EventRow]) {
    println!(
        "{:<10}  {:<8}  {:<22}  {:>5}  participants",
        "date", "type", "place", "arts"
    );
    for e in events {
        let place = e
            .location
            .as_ref()
            .map(|l| match (&l.name, &l.country) {
                (Some(n), Some(c)) if !n.is_empty() => format!("{n} ({c})"),
                (Some(n), _) => n.clone(),
                (None, Some(c)) => country_display(c),
                (None, None) => String::new(),
            })
            .unwrap_or_default();
        println!(
            "{:<10}  {:<8}  {:<22}  {:>5}  {}",
            e.date.as_deref().unwrap_or("?"),
            e.kind,
            clip(&place, 22),
            e.mentions.len(),
            who(e)
        );
    }
}

pub fn events(args: &EventsArgs) -> Result<ExitCode> {
    let mut data = Data::open(&args.data.data, false)?;
    data.catch_up()?;
    let events = collect_events(&data, &args.filters.to_store()?, args.limit)?;
    if args.json {
        return print_json(&events);
    }
    if events.is_empty() {
        println!("no events match");
    } else {
        print_events(&events);
        println!("{} event(s)", events.len());
    }
    Ok(ExitCode::SUCCESS)
}

// ---- relation -------------------------------------------------------------------------------

/// Arguments of `relation`.
#[derive(Debug, clap::Args)]
pub struct RelationArgs {
    /// One country (ISO code or Vietnamese name).
    a: String,
    /// The other.
    b: String,
    /// JSON instead of a report.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    data: DataArgs,
}

impl RelationArgs {
    /// The relation of `a` and `b`, as a report.
    pub fn new(a: String, b: String, data: DataArgs) -> Self {
        RelationArgs {
            a,
            b,
            json: false,
            data,
        }
    }
}

/// The profile of one bilateral relation.
#[derive(Debug, Serialize)]
struct Relation {
    countries: [String; 2],
    established: Vec<FactRow>,
    partnership: Vec<FactRow>,
    trade: Vec<FactRow>,
    aid: Vec<FactRow>,
    events: Vec<EventRow>,
    people: Vec<(String, Option<String>, usize)>,
}

pub fn relation(args: &RelationArgs) -> Result<ExitCode> {
    let mut data = Data::open(&args.data.data, false)?;
    data.catch_up()?;
    let a = country_code(&args.a)?;
    let b = country_code(&args.b)?;
    let f = EventFilter {
        countries: vec![a.clone(), b.clone()],
        ..EventFilter::default()
    };
    let facts = collect_facts(&data, &f)?;
    let events = collect_events(&data, &f, 0)?;
    let of = |kinds: &[&str]| -> Vec<FactRow> {
        facts
            .iter()
            .filter(|x| kinds.contains(&x.fact.kind.as_str()))
            .cloned()
            .collect()
    };
    let mut people: BTreeMap<(String, Option<String>), usize> = BTreeMap::new();
    for e in &events {
        for p in &e.participants {
            if let Some(n) = &p.name {
                *people.entry((n.clone(), p.country.clone())).or_default() += 1;
            }
        }
    }
    let mut people: Vec<(String, Option<String>, usize)> =
        people.into_iter().map(|((n, c), k)| (n, c, k)).collect();
    people.sort_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)));
    let mut partnership = of(&["partnership"]);
    // History: by the earliest article stating each level.
    partnership.sort_by(|x, y| first_seen(x).cmp(&first_seen(y)));
    let rel = Relation {
        countries: [a.clone(), b.clone()],
        established: of(&["relations_established"]),
        partnership,
        trade: of(&["trade_volume", "trade_rank"]),
        aid: of(&["aid"]),
        events,
        people,
    };
    if args.json {
        return print_json(&rel);
    }
    println!(
        "{} – {} ({a}–{b})",
        country_display(&a),
        country_display(&b)
    );
    println!();
    section("Relations established", &rel.established, |f| {
        f.fact.date.clone().unwrap_or_else(|| "?".into())
    });
    section("Partnership", &rel.partnership, |f| {
        format!(
            "{} (first stated {})",
            f.fact.level.clone().unwrap_or_default(),
            first_seen(f).unwrap_or("?")
        )
    });
    section("Trade", &rel.trade, |f| match f.fact.kind.as_str() {
        "trade_rank" => format!(
            "{} is trade partner no. {}",
            f.fact.subject.clone().unwrap_or_default(),
            f.fact.rank.unwrap_or(0)
        ),
        _ => format!(
            "{} {}",
            f.fact.amount.map(money).unwrap_or_default(),
            f.fact.currency.clone().unwrap_or_default()
        ),
    });
    section("Aid", &rel.aid, |f| {
        format!(
            "{} gives {} {}",
            f.fact.donor.clone().unwrap_or_default(),
            f.fact.amount.map(money).unwrap_or_default(),
            f.fact.currency.clone().unwrap_or_default()
        )
    });
    println!("Events ({})", rel.events.len());
    if !rel.events.is_empty() {
        print_events(&rel.events);
    }
    println!();
    if !rel.people.is_empty() {
        println!("People involved");
        for (n, c, k) in rel.people.iter().take(15) {
            println!("  {n} ({}) — {k} event(s)", c.as_deref().unwrap_or("?"));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn first_seen(f: &FactRow) -> Option<&str> {
    f.mentions
        .iter()
        .filter_map(|m| m.published.as_deref())
        .min()
}

fn money(x: f64) -> String {
    if x >= 1e9 {
        format!("{:.2} billion", x / 1e9)
    } else if x >= 1e6 {
        format!("{:.2} million", x / 1e6)
    } else {
        format!("{x:.0}")
    }
}

fn section(title: &str, rows: &[FactRow], value: impl Fn(&FactRow) -> String) {
    if rows.is_empty() {
        println!("{title}: nothing found");
        println!();
        return;
    }
    println!("{title}");
    for f in rows {
        println!("  {}", value(f));
        if let Some(m) = f.mentions.first() {
            println!(
                "    “{}” — {} {}",
                clip(&m.evidence, 160),
                m.outlet.as_deref().unwrap_or(&m.source),
                m.published.as_deref().unwrap_or("")
            );
        }
        if f.mentions.len() > 1 {
            println!("    (and {} more article(s))", f.mentions.len() - 1);
        }
    }
    println!();
}

// ---- person ---------------------------------------------------------------------------------

/// Arguments of `person`.
#[derive(Debug, clap::Args)]
pub struct PersonArgs {
    /// Name, or part of it; diacritics optional.
    name: String,
    /// JSON instead of a report.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    data: DataArgs,
}

#[derive(Debug, Serialize)]
struct Profile {
    person: PersonRow,
    counterparts: Vec<(String, Option<String>, usize)>,
    events: Vec<EventRow>,
}

pub fn person(args: &PersonArgs) -> Result<ExitCode> {
    let mut data = Data::open(&args.data.data, false)?;
    data.catch_up()?;
    let found = data.store.persons(&args.name, 10)?;
    let mut profiles = Vec::new();
    for p in found.into_iter().take(if args.json { 10 } else { 3 }) {
        let events = collect_events(
            &data,
            &EventFilter {
                persons: vec![p.name.clone()],
                ..EventFilter::default()
            },
            0,
        )?;
        let mut met: BTreeMap<(String, Option<String>), usize> = BTreeMap::new();
        for e in &events {
            for q in &e.participants {
                if let Some(n) = &q.name {
                    if biennien_text::fold(n) != biennien_text::fold(&p.name) {
                        *met.entry((n.clone(), q.country.clone())).or_default() += 1;
                    }
                }
            }
        }
        let mut counterparts: Vec<_> = met.into_iter().map(|((n, c), k)| (n, c, k)).collect();
        counterparts.sort_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)));
        profiles.push(Profile {
            person: p,
            counterparts,
            events,
        });
    }
    if args.json {
        return print_json(&profiles);
    }
    if profiles.is_empty() {
        println!("no person matches {:?}", args.name);
        return Ok(ExitCode::SUCCESS);
    }
    for pr in &profiles {
        let p = &pr.person;
        println!(
            "{} ({}) — named in {} article(s)",
            p.name,
            p.country.as_deref().unwrap_or("?"),
            p.articles
        );
        if !p.aliases.is_empty() {
            println!("  also written: {}", p.aliases.join("; "));
        }
        println!("  roles:");
        for r in &p.roles {
            println!(
                "    {:<40} {} – {} ({} article(s))",
                r.role,
                r.from.as_deref().unwrap_or("?"),
                r.to.as_deref().unwrap_or("?"),
                r.articles
            );
        }
        if !pr.counterparts.is_empty() {
            println!("  met:");
            for (n, c, k) in pr.counterparts.iter().take(15) {
                println!("    {n} ({}) ×{k}", c.as_deref().unwrap_or("?"));
            }
        }
        if !pr.events.is_empty() {
            println!("  events:");
            print_events(&pr.events);
        }
        println!();
    }
    Ok(ExitCode::SUCCESS)
}

// ---- stats, reindex ---------------------------------------------------------------------------

/// Arguments of `stats` and `reindex`.
#[derive(Debug, clap::Args)]
pub struct PlainArgs {
    /// JSON instead of a table.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    data: DataArgs,
}

impl PlainArgs {
    /// The command as a table.
    pub fn new(data: DataArgs) -> Self {
        PlainArgs { json: false, data }
    }
}

pub fn stats(args: &PlainArgs) -> Result<ExitCode> {
    let mut data = Data::open(&args.data.data, false)?;
    data.catch_up()?;
    let s = data.store.stats()?;
    if args.json {
        return print_json(&s);
    }
    println!("documents        {}", s.documents);
    println!("  near-duplicates {}", s.near_duplicates);
    println!(
        "events           {} (from {} article mentions)",
        s.events, s.event_mentions
    );
    println!("facts            {}", s.facts);
    println!("persons          {}", s.persons);
    println!("inputs refused   {}", s.refused);
    if let Some((a, b)) = &s.published_range {
        println!("published        {a} – {b}");
    }
    if !s.outlets.is_empty() {
        println!("outlets:");
        for (o, n) in s.outlets.iter().take(20) {
            println!("  {o:<30} {n}");
        }
    }
    if !s.event_types.is_empty() {
        println!("event types:");
        for (t, n) in &s.event_types {
            println!("  {t:<30} {n}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn reindex(args: &PlainArgs) -> Result<ExitCode> {
    let mut data = Data::open(&args.data.data, false)?;
    let n = data.reindex()?;
    if args.json {
        return print_json(&serde_json::json!({ "indexed": n }));
    }
    println!(
        "indexed {n} document(s) in {}",
        data.dir.join("index").display()
    );
    Ok(ExitCode::SUCCESS)
}
