//! `biennien extract`: records on standard output, in input order.

use std::io::{self, BufWriter, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::process::ExitCode;

use anyhow::{Context, Result};
use biennien_input::{read_all, Item};
use biennien_pipeline::{failed, process_set, Settings};
use biennien_record::Document;
use rayon::prelude::*;

/// Arguments of `extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories or `-` (standard input, JSON Lines).
    #[arg(value_name = "INPUT", default_value = "-")]
    inputs: Vec<String>,
    /// Write records to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// Leave the list of removed pieces out of the records.
    #[arg(long)]
    no_removed: bool,
    /// Indent the JSON (one record then spans several lines).
    #[arg(long)]
    pretty: bool,
    #[command(flatten)]
    pub limits: PageLimits,
}

/// Bounds on what one web page may cost; a page beyond them is refused with its reason.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct PageLimits {
    /// Largest web page read, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = biennien_html::Limits::default().max_bytes)]
    pub max_page_bytes: usize,
    /// Most elements and text runs built for one web page.
    #[arg(long, value_name = "N", default_value_t = biennien_html::Limits::default().max_nodes)]
    pub max_page_nodes: usize,
    /// Deepest nesting of elements accepted in a web page.
    #[arg(long, value_name = "N", default_value_t = biennien_html::Limits::default().max_depth)]
    pub max_page_depth: usize,
}

impl Default for PageLimits {
    fn default() -> Self {
        let d = biennien_html::Limits::default();
        PageLimits {
            max_page_bytes: d.max_bytes,
            max_page_nodes: d.max_nodes,
            max_page_depth: d.max_depth,
        }
    }
}

impl PageLimits {
    /// The limits as the page extractor takes them.
    pub fn to_html(self) -> biennien_html::Limits {
        biennien_html::Limits {
            max_bytes: self.max_page_bytes,
            max_nodes: self.max_page_nodes,
            max_depth: self.max_page_depth,
        }
    }
}

/// Articles processed together in parallel; output stays in input order.
const BATCH: usize = 256;

/// Processes one input item; a panic in the pipeline still gives a record with an error.
pub fn record_of(item: &Item, limits: PageLimits) -> Document {
    let settings = Settings {
        page_limits: limits.to_html(),
        ..Settings::default()
    };
    match item {
        Err(e) => failed(e),
        Ok(raw) => {
            catch_unwind(AssertUnwindSafe(|| process_set(raw, &settings))).unwrap_or_else(|_| {
                Document {
                    source: raw.source.clone(),
                    error: Some(format!(
                        "{}: internal error while processing; please report it",
                        raw.source
                    )),
                    ..Document::default()
                }
            })
        }
    }
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let sink: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::new(sink);
    let mut batch: Vec<Item> = Vec::with_capacity(BATCH);
    let mut failures = 0usize;
    let mut write_err: Option<io::Error> = None;
    let mut flush = |batch: &mut Vec<Item>, out: &mut BufWriter<Box<dyn Write>>| {
        let lines: Vec<(bool, String)> = batch
            .par_iter()
            .map(|item| {
                let mut doc = record_of(item, args.limits);
                if args.no_removed {
                    doc.removed.clear();
                }
                let json = if args.pretty {
                    serde_json::to_string_pretty(&doc)
                } else {
                    Ok(doc.to_json())
                };
                (
                    doc.error.is_some(),
                    json.unwrap_or_else(|e| {
                        format!("{{\"error\":\"cannot serialize record: {e}\"}}")
                    }),
                )
            })
            .collect();
        batch.clear();
        for (bad, line) in lines {
            failures += usize::from(bad);
            if write_err.is_none() {
                if let Err(e) = writeln!(out, "{line}") {
                    write_err = Some(e);
                }
            }
        }
    };
    read_all(&args.inputs, &mut |item| {
        batch.push(item);
        if batch.len() >= BATCH {
            flush(&mut batch, &mut out);
        }
    });
    flush(&mut batch, &mut out);
    if let Some(e) = write_err {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e).context("cannot write records");
    }
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            return Err(e).context("cannot write records")
        }
        _ => {}
    }
    if failures > 0 {
        eprintln!("biennien: {failures} input(s) could not be processed; their records carry an \"error\" field");
    }
    Ok(ExitCode::SUCCESS)
}
