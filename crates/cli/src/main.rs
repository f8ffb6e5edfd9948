//! `biennien`: the command-line front of the chronicle.

mod bench;
mod extract;

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(&args),
        Command::Bench(args) => bench::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("biennien: {e:#}");
            ExitCode::from(2)
        }
    }
}
