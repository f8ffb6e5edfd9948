//! `biennien ingest`: articles into the data directory, in parallel, resumable, accounted for.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use biennien_corpus::{ids, near};
use biennien_input::{expand, is_jsonl, read_all, Content, Item};
use biennien_store::{Entry, Hints, Incoming, Outcome, Store};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::data::{Data, DataArgs};
use crate::extract::{record_of, PageLimits};

/// Arguments of `ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories or `-` (standard input, JSON Lines), as `extract` takes them.
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<String>,
    #[command(flatten)]
    data: DataArgs,
    /// Also write the full report (one line per input) to this file, as tab-separated values.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
    /// Articles processed and stored together, in one transaction.
    #[arg(long, default_value_t = 256, hide = true)]
    batch: usize,
    #[command(flatten)]
    limits: PageLimits,
}

impl Args {
    /// Ingest `inputs` into `dir` with the defaults of the command line.
    pub fn new(inputs: Vec<String>, dir: PathBuf) -> Self {
        Args {
            inputs,
            data: DataArgs { data: dir },
            report: None,
            quiet: false,
            batch: 256,
            limits: PageLimits::default(),
        }
    }
}

/// The entry of one input: an article with its identifiers, or a refusal.
fn entry_of(item: &Item, limits: PageLimits) -> Entry {
    let doc = record_of(item, limits);
    let raw = match item {
        Ok(raw) => raw,
        Err(_) => {
            return Entry::Refused {
                input: doc.source.clone(),
                reason: doc.error.unwrap_or_default(),
            }
        }
    };
    if let Some(reason) = doc.error.clone() {
        return Entry::Refused {
            input: doc.source,
            reason,
        };
    }
    let bytes = raw.content.as_bytes().to_vec();
    let sig = near::signature(&doc.body);
    Entry::Article(Box::new(Incoming {
        id: ids::content_id(&bytes),
        hints: Hints {
            title: raw.title.clone(),
            published: raw.published.clone(),
            outlet: raw.outlet.clone(),
            url: raw.url.clone(),
            content: match &raw.content {
                Content::Text(_) => Some("text".into()),
                Content::Html(_) => Some("html".into()),
                Content::Markup { .. } => Some("markup".into()),
                Content::Bytes(_) => None,
            },
            charset: match &raw.content {
                Content::Markup { charset, .. } => charset.clone(),
                _ => None,
            },
            fetched: raw.fetched.clone(),
        },
        bands: sig.as_ref().map(near::band_keys).unwrap_or_default(),
        signature: sig.as_ref().map(near::to_bytes),
        record: doc,
        raw: bytes,
    }))
}

/// How many articles the inputs hold, when it can be told without processing them (standard
/// input cannot be counted).
fn count_inputs(inputs: &[String]) -> Option<u64> {
    let mut n = 0u64;
    for arg in inputs {
        if arg == "-" {
            return None;
        }
        for path in expand(arg).into_iter().flatten() {
            let (kind, gz) = biennien_input::file_kind(&path);
            if kind == biennien_input::FileKind::Warc
                || gz && kind == biennien_input::FileKind::JsonLines
            {
                // Records of archives and compressed dumps are known only once read.
                return None;
            }
            if is_jsonl(&path) {
                let bytes = std::fs::read(&path).ok()?;
                n += bytes
                    .split(|&b| b == b'\n')
                    .filter(|l| l.iter().any(|b| !b.is_ascii_whitespace()))
                    .count() as u64;
            } else {
                n += 1;
            }
        }
    }
    Some(n)
}

fn progress(total: Option<u64>, quiet: bool) -> ProgressBar {
    let bar = match total {
        Some(t) => ProgressBar::new(t),
        None => ProgressBar::new_spinner(),
    };
    if quiet || !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
        return bar;
    }
    let template = if total.is_some() {
        "{bar:40} {pos}/{len} articles  {per_sec}  ETA {eta}"
    } else {
        "{spinner} {pos} articles  {per_sec}"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// Counts of a run, for the summary.
#[derive(Debug, Default)]
struct Tally {
    stored: u64,
    duplicate: u64,
    near_duplicate: u64,
    refused: u64,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    ingest(args).map(|_| ExitCode::SUCCESS)
}

/// Where an ingest spent its time.
#[derive(Debug)]
pub struct Timing {
    /// Reading, processing and storing the articles.
    pub storing: std::time::Duration,
    /// Everything after: boilerplate, views, index.
    pub caught: crate::data::CaughtUp,
}

fn ingest(args: &Args) -> Result<Timing> {
    let clock = std::time::Instant::now();
    let mut data = Data::open(&args.data.data, true)?;
    let run_id = run_id();
    let bar = progress(count_inputs(&args.inputs), args.quiet);
    let mut tally = Tally::default();
    let mut lines: Vec<String> = Vec::new();
    let mut failure: Option<anyhow::Error> = None;
    let size = args.batch.max(1);
    let mut batch: Vec<Item> = Vec::with_capacity(size);
    let mut flush = |batch: &mut Vec<Item>, data: &mut Data| -> Result<()> {
        // Content already stored is not processed again.
        let ids: Vec<Option<String>> = batch
            .par_iter()
            .map(|item| {
                item.as_ref()
                    .ok()
                    .map(|raw| ids::content_id(raw.content.as_bytes()))
            })
            .collect();
        let mut known: Vec<bool> = Vec::with_capacity(ids.len());
        for id in &ids {
            known.push(match id {
                Some(id) => data.store.source_of(id)?.is_some(),
                None => false,
            });
        }
        let entries: Vec<Entry> = batch
            .par_iter()
            .zip(ids.par_iter().zip(known.par_iter()))
            .map(|(item, (id, &seen))| match (item, id) {
                (Ok(raw), Some(id)) if seen => Entry::Known {
                    input: raw.source.clone(),
                    id: id.clone(),
                },
                _ => entry_of(item, args.limits),
            })
            .collect();
        let names: Vec<String> = entries
            .iter()
            .map(|e| match e {
                Entry::Article(a) => a.record.source.clone(),
                Entry::Known { input, .. } | Entry::Refused { input, .. } => input.clone(),
            })
            .collect();
        let n = batch.len() as u64;
        batch.clear();
        let outcomes = data
            .store
            .ingest(&run_id, entries)
            .context("cannot store a batch of articles")?;
        for (name, o) in names.iter().zip(&outcomes) {
            let detail = match o {
                Outcome::Stored => {
                    tally.stored += 1;
                    String::new()
                }
                Outcome::Duplicate { of } => {
                    tally.duplicate += 1;
                    format!("same content as {of}")
                }
                Outcome::NearDuplicate { of, similarity } => {
                    tally.near_duplicate += 1;
                    format!("near-duplicate of {of} (similarity {similarity:.2})")
                }
                Outcome::Refused { reason } => {
                    tally.refused += 1;
                    reason.clone()
                }
            };
            lines.push(format!("{}\t{}\t{}", o.status(), name, detail));
        }
        bar.inc(n);
        Ok(())
    };
    read_all(&args.inputs, &mut |item| {
        if failure.is_some() {
            return;
        }
        batch.push(item);
        if batch.len() >= size {
            if let Err(e) = flush(&mut batch, &mut data) {
                failure = Some(e);
            }
        }
    });
    if failure.is_none() {
        if let Err(e) = flush(&mut batch, &mut data) {
            failure = Some(e);
        }
    }
    bar.finish_and_clear();
    if let Some(e) = failure {
        return Err(e.context("ingest stopped; run the same command again to finish it"));
    }
    let storing = clock.elapsed();
    let caught = data
        .catch_up()
        .context("cannot bring the views and the index up to date")?;
    let indexed = caught.indexed;
    if let Some(path) = &args.report {
        let mut f = std::fs::File::create(path)
            .with_context(|| format!("cannot create the report {}", path.display()))?;
        writeln!(f, "status\tinput\tdetail")?;
        for l in &lines {
            writeln!(f, "{l}")?;
        }
    }
    if !args.quiet {
        let stats = data.store.stats()?;
        eprintln!(
            "ingest {run_id}: {} stored, {} duplicate, {} near-duplicate, {} refused; {indexed} indexed",
            tally.stored, tally.duplicate, tally.near_duplicate, tally.refused
        );
        eprintln!(
            "data in {}: {} documents, {} events, {} facts, {} persons",
            data.dir.display(),
            stats.documents,
            stats.events,
            stats.facts,
            stats.persons
        );
        if !caught.learned.is_empty() {
            eprintln!(
                "outlet boilerplate learned from the corpus ({} documents cleaned again):",
                caught.recleaned
            );
            for l in &caught.learned {
                eprintln!(
                    "  {}: {:?} in {} documents ({:.0}%)",
                    l.outlet,
                    l.text,
                    l.docs,
                    l.share * 100.0
                );
            }
        }
        let notable: Vec<&String> = lines
            .iter()
            .filter(|l| !l.starts_with("stored\t"))
            .collect();
        if !notable.is_empty() {
            eprintln!("not stored as new documents:");
            for l in notable {
                eprintln!("  {}", l.replace('\t', "  "));
            }
        }
    }
    Ok(Timing { storing, caught })
}

/// A name for this run in the ingest log: start time and process.
fn run_id() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    format!("{secs}-{}", std::process::id())
}

/// Ingests `inputs` into the data directory `dir` without progress or summary (for benchmarks).
pub fn ingest_quietly(inputs: &[String], dir: &std::path::Path) -> Result<Timing> {
    ingest(&Args {
        inputs: inputs.to_vec(),
        data: DataArgs {
            data: dir.to_path_buf(),
        },
        report: None,
        quiet: true,
        batch: 256,
        limits: PageLimits::default(),
    })
}
