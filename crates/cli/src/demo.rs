//! `biennien demo`: the tour for a newcomer. Ingests the bundled sample corpus into a temporary
//! data directory, then shows the counts, the busiest bilateral relation and a search typed
//! without diacritics.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use biennien_store::{EventFilter, Store};

use crate::ask::{self, country_display};
use crate::data::{Data, DataArgs};

/// Arguments of `demo`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles to ingest.
    #[arg(value_name = "INPUT", default_value = "corpus/sample/articles")]
    inputs: Vec<String>,
    /// Build the data directory here and keep it, instead of a temporary one.
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
}

fn heading(s: &str) {
    println!();
    println!("━━ {s}");
    println!();
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let dir = match &args.data {
        Some(d) => d.clone(),
        None => std::env::temp_dir().join(format!("biennien-demo-{}", std::process::id())),
    };
    let data_args = DataArgs { data: dir.clone() };
    heading(&format!(
        "biennien ingest {} --data {}",
        args.inputs.join(" "),
        dir.display()
    ));
    crate::ingest::run(&crate::ingest::Args::new(args.inputs.clone(), dir.clone()))?;

    heading("biennien stats");
    ask::stats(&ask::PlainArgs::new(data_args.clone()))?;

    // The relation with the most events, and its most named person.
    let data = Data::open(&dir, false)?;
    let mut pairs: BTreeMap<(String, String), usize> = BTreeMap::new();
    data.store.events(&EventFilter::default(), &mut |e| {
        let mut cs: Vec<String> = e
            .participants
            .iter()
            .filter_map(|p| p.country.clone())
            .collect();
        cs.sort();
        cs.dedup();
        for i in 0..cs.len() {
            for j in i + 1..cs.len() {
                *pairs.entry((cs[i].clone(), cs[j].clone())).or_default() += 1;
            }
        }
        Ok(())
    })?;
    let busiest = pairs
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| k);
    if let Some((a, b)) = &busiest {
        let (a, b) = if b == "VN" { (b, a) } else { (a, b) };
        heading(&format!(
            "biennien relation {a} {b}    ({} – {})",
            country_display(a),
            country_display(b)
        ));
        ask::relation(&ask::RelationArgs::new(
            a.clone(),
            b.clone(),
            data_args.clone(),
        ))?;
    }
    let person = data
        .store
        .persons("", 1)
        .context("cannot list persons")?
        .into_iter()
        .next();
    if let Some(p) = person {
        let typed = biennien_text::fold(&p.name);
        heading(&format!(
            "biennien search \"{typed}\"    (typed without diacritics)"
        ));
        ask::search(&ask::SearchArgs::new(typed, data_args.clone()))?;
    }
    heading("next");
    println!(
        "  biennien events --data {} --country VN --type TALKS",
        dir.display()
    );
    println!(
        "  biennien person --data {} \"bui thanh son\"",
        dir.display()
    );
    println!(
        "  biennien export --data {} --format gdelt > events.tsv",
        dir.display()
    );
    if args.data.is_none() {
        drop(data);
        let _ = std::fs::remove_dir_all(&dir);
        println!();
        println!("(the temporary data directory was removed; keep one with --data DIR)");
    }
    Ok(ExitCode::SUCCESS)
}
