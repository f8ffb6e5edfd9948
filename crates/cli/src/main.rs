//! `biennien`: the command-line front of the chronicle.

mod ask;
mod bench;
mod bench_ingest;
mod data;
mod demo;
mod export;
mod extract;
mod ingest;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Extraction allocates many short-lived strings and vectors per article; mimalloc serves them
/// from thread-local pages, which costs far less than the system allocator's bins.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A chronicle of diplomacy from Vietnamese news.
#[derive(Debug, Parser)]
#[command(name = "biennien", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Turn raw articles into document records (JSON Lines on standard output).
    ///
    /// Each INPUT is a file, a directory (walked recursively) or `-` for standard input.
    /// `.jsonl` files and standard input hold one JSON record per line:
    /// {"text": …, "source"|"url": …, "title"?, "published"?, "outlet"?}.
    /// Other files are plain text in any common encoding.
    ///
    /// Example: biennien extract corpus/sample/articles > records.jsonl
    Extract(extract::Args),
    /// Measure extraction throughput on one core.
    ///
    /// Builds at least --mb megabytes of articles from the inputs (varying them so that no two
    /// are equal) and times each stage against a baseline pass over the same bytes.
    ///
    /// Example: biennien bench --mb 50 corpus/sample/articles
    Bench(bench::Args),
    /// The tour: ingest the sample corpus into a temporary data directory and show counts, a
    /// relation profile and a search.
    ///
    /// Example: biennien demo
    Demo(demo::Args),
    /// Measure the corpus at scale: ingest a generated feed, then time searches.
    ///
    /// Builds --articles varied articles from the inputs, ingests them on all cores and reports
    /// articles/s, peak memory, data size on disk and search latency (p50, p99).
    ///
    /// Example: biennien bench-ingest --articles 100000 corpus/sample/articles
    BenchIngest(bench_ingest::Args),
    /// Store articles in the data directory: processed in parallel, merged, indexed.
    ///
    /// Takes the inputs `extract` takes. Re-ingesting an article changes nothing; a run that
    /// was interrupted is finished by running it again. Every input is accounted for in the
    /// report: stored, duplicate, near-duplicate of another, or refused with the reason.
    ///
    /// Example: biennien ingest corpus/sample/articles --data ./biennien-data
    Ingest(ingest::Args),
    /// Full-text search of titles and bodies; diacritics and case optional.
    ///
    /// Words must all match; "quoted phrases" match as phrases; exact spellings rank first.
    ///
    /// Example: biennien search "bui thanh son" --country PE --from 2024-11
    Search(ask::SearchArgs),
    /// List events (one per real-world event, with every article that reports it).
    ///
    /// Example: biennien events --country VN --country PE --type TALKS --from 2024
    Events(ask::EventsArgs),
    /// The profile of a bilateral relation: established, partnership, trade, aid, events,
    /// people, with evidence.
    ///
    /// Example: biennien relation VN PE
    Relation(ask::RelationArgs),
    /// A person's roles over time, counterparts met and events.
    ///
    /// Example: biennien person "bui thanh son"
    Person(ask::PersonArgs),
    /// Counts of the corpus: documents, events, facts, persons, outlets.
    ///
    /// Example: biennien stats --json
    Stats(ask::PlainArgs),
    /// Rebuild the search index from the store.
    ///
    /// Example: biennien reindex --data ./biennien-data
    Reindex(ask::PlainArgs),
    /// Export events or facts as JSON Lines, CSV or GDELT 2.0 event rows (streamed).
    ///
    /// Takes the filters of `events`. Identifiers derive from content: two data directories
    /// built from the same inputs export identical files.
    ///
    /// Example: biennien export --format gdelt --country VN --from 2024 > events.tsv
    Export(export::Args),
}

/// A reader that stops reading (`biennien events | head`) ends the command quietly: printing to
/// a closed pipe is the end of the output, not an error.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.contains("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Bench(args) => bench::run(&args),
        Command::Ingest(args) => ingest::run(&args),
        Command::Demo(args) => demo::run(&args),
        Command::BenchIngest(args) => bench_ingest::run(&args),
        Command::Search(args) => ask::search(&args),
        Command::Events(args) => ask::events(&args),
        Command::Relation(args) => ask::relation(&args),
        Command::Person(args) => ask::person(&args),
        Command::Stats(args) => ask::stats(&args),
        Command::Reindex(args) => ask::reindex(&args),
        Command::Export(args) => export::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("biennien: {e:#}");
            ExitCode::from(2)
        }
    }
}
