//! `biennien export`: events or facts as JSON Lines, CSV, or GDELT 2.0 event rows, streamed.
//!
//! Every value comes from the store's derived views, whose identifiers are derived from content;
//! nothing depends on the clock or on the order articles were ingested in, so two stores built
//! from the same inputs export byte-identical files.

use std::collections::{BTreeSet, HashMap};
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use anyhow::{Context, Result};
use biennien_store::{EventRow, FactRow, Store, StoreError};

use crate::ask::Filters;
use crate::data::{Data, DataArgs};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header line.
    Csv,
    /// The 61 tab-separated columns of the GDELT 2.0 event table (events only).
    Gdelt,
}

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum What {
    /// Merged events.
    Events,
    /// Distinct facts.
    Facts,
    /// The stored document records, in the order they arrived (JSON Lines only; the filters
    /// apply to events and facts).
    Documents,
}

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Events or facts.
    #[arg(long, value_enum, default_value_t = What::Events)]
    what: What,
    #[command(flatten)]
    filters: Filters,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    data: DataArgs,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let mut data = Data::open(&args.data.data, false)?;
    data.catch_up()?;
    let filter = args.filters.to_store()?;
    let sink: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let io_err = |e: io::Error| StoreError::Sink(format!("cannot write the export: {e}"));
    let result = match (args.what, args.format) {
        (What::Facts, Format::Gdelt) => {
            anyhow::bail!("the gdelt format holds events only; export facts as jsonl or csv")
        }
        (What::Documents, Format::Jsonl) => {
            let mut after = 0;
            loop {
                let page = data.store.documents_after(after, 500)?;
                let Some(last) = page.last() else {
                    break Ok(());
                };
                after = last.seq;
                for d in &page {
                    writeln!(out, "{}", d.record.to_json()).map_err(io_err)?;
                }
            }
        }
        (What::Documents, _) => {
            anyhow::bail!("documents export as jsonl only")
        }
        (What::Events, format) => {
            if format == Format::Csv {
                writeln!(out, "{}", EVENT_CSV_HEADER).map_err(io_err)?;
            }
            data.store.events(&filter, &mut |e| {
                let line = match format {
                    Format::Jsonl => {
                        serde_json::to_string(&e).map_err(|x| StoreError::Sink(x.to_string()))?
                    }
                    Format::Csv => event_csv(&e),
                    Format::Gdelt => gdelt_row(&e),
                };
                writeln!(out, "{line}").map_err(io_err)
            })
        }
        (What::Facts, format) => {
            if format == Format::Csv {
                writeln!(out, "{}", FACT_CSV_HEADER).map_err(io_err)?;
            }
            data.store.facts(&filter, &mut |f| {
                let line = match format {
                    Format::Csv => fact_csv(&f),
                    _ => serde_json::to_string(&f).map_err(|x| StoreError::Sink(x.to_string()))?,
                };
                writeln!(out, "{line}").map_err(io_err)
            })
        }
    };
    match result.and_then(|()| out.flush().map_err(io_err)) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(StoreError::Sink(m)) if m.contains("Broken pipe") => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("export failed"),
    }
}

/// One CSV field, quoted when it must be.
fn csv(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

const EVENT_CSV_HEADER: &str = "id,date,type,cameo,plover,location,location_country,participants,countries,articles,stories,sources,evidence";

fn event_csv(e: &EventRow) -> String {
    let participants: Vec<String> = e
        .participants
        .iter()
        .map(|p| {
            format!(
                "{}|{}|{}",
                p.name.as_deref().unwrap_or(""),
                p.country.as_deref().unwrap_or(""),
                p.role.as_deref().unwrap_or("")
            )
        })
        .collect();
    let countries: BTreeSet<&str> = e
        .participants
        .iter()
        .filter_map(|p| p.country.as_deref())
        .collect();
    let sources: Vec<&str> = e.mentions.iter().map(|m| m.source.as_str()).collect();
    let loc = e.location.as_ref();
    [
        e.id.clone(),
        e.date.clone().unwrap_or_default(),
        e.kind.clone(),
        e.cameo.clone().unwrap_or_default(),
        e.plover.clone().unwrap_or_default(),
        loc.and_then(|l| l.name.clone()).unwrap_or_default(),
        loc.and_then(|l| l.country.clone()).unwrap_or_default(),
        participants.join(";"),
        countries.into_iter().collect::<Vec<_>>().join(";"),
        e.mentions.len().to_string(),
        e.stories.to_string(),
        sources.join(";"),
        e.evidence.clone(),
    ]
    .iter()
    .map(|f| csv(f))
    .collect::<Vec<_>>()
    .join(",")
}

const FACT_CSV_HEADER: &str =
    "id,kind,countries,date,level,amount,currency,subject,rank,donor,articles,sources,evidence";

fn fact_csv(f: &FactRow) -> String {
    let x = &f.fact;
    let sources: Vec<&str> = f.mentions.iter().map(|m| m.source.as_str()).collect();
    [
        f.id.clone(),
        x.kind.clone(),
        x.countries.join(";"),
        x.date.clone().unwrap_or_default(),
        x.level.clone().unwrap_or_default(),
        x.amount.map(|a| format!("{a}")).unwrap_or_default(),
        x.currency.clone().unwrap_or_default(),
        x.subject.clone().unwrap_or_default(),
        x.rank.map(|r| r.to_string()).unwrap_or_default(),
        x.donor.clone().unwrap_or_default(),
        f.mentions.len().to_string(),
        sources.join(";"),
        x.evidence.clone(),
    ]
    .iter()
    .map(|v| csv(v))
    .collect::<Vec<_>>()
    .join(",")
}

/// ISO 3166-1 alpha-2 to alpha-3, the codes CAMEO uses for countries.
fn iso3(code: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            include_str!("../data/iso3.tsv")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once('\t'))
                .collect()
        })
        .get(code)
        .copied()
}

/// The digits of a partial ISO date, with zeros for what the date does not say.
fn date_parts(date: Option<&str>) -> (String, String, String, String) {
    let d = date.unwrap_or("");
    let mut it = d.split('T').next().unwrap_or("").split('-');
    let y = it.next().filter(|y| y.len() == 4).unwrap_or("");
    let m = it.next().filter(|m| m.len() == 2).unwrap_or("00");
    let day = it.next().filter(|x| x.len() == 2).unwrap_or("00");
    if y.is_empty() {
        return Default::default();
    }
    let yn: f64 = y.parse().unwrap_or(0.0);
    let mn: f64 = m.parse().unwrap_or(0.0);
    let dn: f64 = day.parse().unwrap_or(0.0);
    let fraction = yn + ((mn - 1.0).max(0.0) * 30.4375 + dn.max(1.0)) / 365.25;
    (
        format!("{y}{m}{day}"),
        format!("{y}{m}"),
        y.to_string(),
        format!("{fraction:.4}"),
    )
}

/// CAMEO's four classes: verbal and material cooperation, verbal and material conflict.
fn quad_class(root: &str) -> &'static str {
    match root.parse::<u32>() {
        Ok(1..=5) => "1",
        Ok(6..=8) => "2",
        Ok(9..=13) => "3",
        Ok(14..=20) => "4",
        _ => "",
    }
}

/// One GDELT 2.0 event row. Columns GDELT fills from its own resources (religion, ethnic and
/// known-group codes, Goldstein scale, tone, coordinates, ADM codes, feature IDs) are empty.
/// Geographic country codes are ISO 3166-1 alpha-2 (GDELT uses FIPS 10-4 there); actor
/// country codes are alpha-3 as in CAMEO.
fn gdelt_row(e: &EventRow) -> String {
    let mut cols: Vec<String> = vec![String::new(); 61];
    // A numeric identifier from the content-derived one.
    let id = u64::from_str_radix(e.id.get(..15).unwrap_or("0"), 16).unwrap_or(0);
    cols[0] = id.to_string();
    let (sqldate, month_year, year, fraction) = date_parts(e.date.as_deref());
    cols[1] = sqldate;
    cols[2] = month_year;
    cols[3] = year;
    cols[4] = fraction;
    for (k, p) in e.participants.iter().take(2).enumerate() {
        let base = 5 + k * 10;
        let code = p.country.as_deref().and_then(iso3).unwrap_or("");
        let typed = p.role.is_some() && !code.is_empty();
        cols[base] = if typed {
            format!("{code}GOV")
        } else {
            code.to_string()
        };
        cols[base + 1] = p
            .name
            .clone()
            .or_else(|| p.role.clone())
            .unwrap_or_default()
            .to_uppercase();
        cols[base + 2] = code.to_string();
        if typed {
            cols[base + 7] = "GOV".into();
        }
    }
    cols[25] = "1".into();
    let cameo = e.cameo.clone().unwrap_or_default();
    cols[26] = cameo.clone();
    cols[27] = cameo.get(..3).unwrap_or(&cameo).to_string();
    cols[28] = cameo.get(..2).unwrap_or(&cameo).to_string();
    cols[29] = quad_class(&cols[28]).to_string();
    let outlets: BTreeSet<&str> = e
        .mentions
        .iter()
        .map(|m| m.outlet.as_deref().unwrap_or(&m.source))
        .collect();
    cols[31] = e.mentions.len().to_string();
    cols[32] = outlets.len().to_string();
    cols[33] = e.mentions.len().to_string();
    // Geography of both actors: their countries.
    for (k, p) in e.participants.iter().take(2).enumerate() {
        let base = 35 + k * 8;
        if let Some(c) = &p.country {
            cols[base] = "1".into();
            cols[base + 1] = crate::ask::country_display(c);
            cols[base + 2] = c.clone();
        }
    }
    if let Some(l) = &e.location {
        let country = l.country.clone().unwrap_or_default();
        let cname = l
            .country
            .as_deref()
            .map(crate::ask::country_display)
            .unwrap_or_default();
        match &l.name {
            Some(n) if !n.is_empty() => {
                cols[51] = "4".into();
                cols[52] = if cname.is_empty() {
                    n.clone()
                } else {
                    format!("{n}, {cname}")
                };
            }
            _ => {
                cols[51] = if country.is_empty() {
                    String::new()
                } else {
                    "1".into()
                };
                cols[52] = cname;
            }
        }
        cols[53] = country;
    }
    // Added: the first publication among the reporting articles, as YYYYMMDDHHMMSS.
    let first = e
        .mentions
        .iter()
        .filter_map(|m| m.published.as_deref())
        .min();
    cols[59] = first.map(timestamp).unwrap_or_default();
    cols[60] = e
        .mentions
        .first()
        .map(|m| m.source.clone())
        .unwrap_or_default();
    cols.iter()
        .map(|c| c.replace(['\t', '\n', '\r'], " "))
        .collect::<Vec<_>>()
        .join("\t")
}

fn timestamp(published: &str) -> String {
    let digits: String = published.chars().filter(char::is_ascii_digit).collect();
    let mut s = digits.chars().take(14).collect::<String>();
    while s.len() < 14 {
        s.push('0');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use biennien_record::{Location, Participant};
    use biennien_store::EventMention;

    fn event() -> EventRow {
        EventRow {
            id: "a1b2c3d4e5f60718".into(),
            kind: "TALKS".into(),
            date: Some("2024-11-13".into()),
            location: Some(Location {
                name: Some("Lima".into()),
                country: Some("PE".into()),
            }),
            participants: vec![
                Participant {
                    name: Some("Lương Cường".into()),
                    country: Some("VN".into()),
                    role: Some("Chủ tịch nước".into()),
                },
                Participant {
                    name: Some("Dina Boluarte".into()),
                    country: Some("PE".into()),
                    role: Some("Tổng thống".into()),
                },
            ],
            cameo: Some("040".into()),
            plover: Some("CONSULT".into()),
            evidence: "Chiều 13/11, hai nhà lãnh đạo hội đàm, nhất trí \"tăng cường\" hợp tác."
                .into(),
            mentions: vec![EventMention {
                doc: "d1".into(),
                source: "https://example.vn/a".into(),
                outlet: Some("VOV".into()),
                published: Some("2024-11-14T08:30".into()),
                evidence: "x".into(),
            }],
            stories: 1,
        }
    }

    #[test]
    fn gdelt_rows_have_61_columns_and_cameo_fields() {
        let row = gdelt_row(&event());
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 61);
        assert_eq!(cols[1], "20241113");
        assert_eq!(cols[2], "202411");
        assert_eq!(cols[3], "2024");
        assert_eq!(cols[5], "VNMGOV");
        assert_eq!(cols[6], "LƯƠNG CƯỜNG");
        assert_eq!(cols[7], "VNM");
        assert_eq!(cols[17], "PER");
        assert_eq!(
            (cols[26], cols[27], cols[28], cols[29]),
            ("040", "040", "04", "1")
        );
        assert_eq!(cols[51], "4");
        assert_eq!(cols[53], "PE");
        assert_eq!(cols[59], "20241114083000");
        assert_eq!(cols[60], "https://example.vn/a");
        assert_eq!(
            cols[0],
            u64::from_str_radix("a1b2c3d4e5f6071", 16)
                .unwrap()
                .to_string()
        );
    }

    #[test]
    fn partial_dates_keep_their_precision() {
        assert_eq!(date_parts(Some("2024-11")).0, "20241100");
        assert_eq!(date_parts(Some("2024")).1, "202400");
        assert_eq!(date_parts(None).0, "");
    }

    #[test]
    fn csv_quotes_what_it_must() {
        let line = event_csv(&event());
        assert!(line.starts_with("a1b2c3d4e5f60718,2024-11-13,TALKS,040,CONSULT,Lima,PE,"));
        assert!(line.ends_with(
            "\"Chiều 13/11, hai nhà lãnh đạo hội đàm, nhất trí \"\"tăng cường\"\" hợp tác.\""
        ));
        assert_eq!(csv("plain"), "plain");
        assert_eq!(csv("a\nb"), "\"a\nb\"");
    }

    #[test]
    fn quad_classes_follow_cameo_roots() {
        assert_eq!(quad_class("04"), "1");
        assert_eq!(quad_class("06"), "2");
        assert_eq!(quad_class("11"), "3");
        assert_eq!(quad_class("19"), "4");
        assert_eq!(quad_class(""), "");
    }

    #[test]
    fn every_gazetteer_country_has_an_alpha3_code() {
        let missing: Vec<&str> = biennien_gazetteer::gazetteer()
            .countries()
            .iter()
            .map(|c| c.code)
            .filter(|c| iso3(c).is_none())
            .collect();
        assert!(missing.is_empty(), "{missing:?}");
    }
}
