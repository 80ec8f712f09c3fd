//! The `agrivn` command-line tool: normalize, segment and tag Vietnamese
//! news text, and evaluate each against gold data.

mod clobber;
mod eval;
mod input;
mod interrupt;
mod normalize;
mod prefetch;
mod progress;
mod resume;
mod segment;
mod summary;
mod tag;
mod train;
mod utf16;
mod walk;

use clap::{Parser, Subcommand};

/// Vietnamese news text: normalize, segment into words, tag agricultural topics.
#[derive(Parser)]
#[command(name = "agrivn", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Normalize text lines (or the `text` field of JSON Lines).
    Normalize(normalize::Args),
    /// Segment text lines into words (syllables of a word joined by `_`).
    Segment(segment::Args),
    /// Tag JSON Lines articles (or a folder of them) with agricultural topics.
    Tag(tag::Args),
    /// Score agrivn against gold data.
    #[command(subcommand)]
    Eval(eval::Command),
    /// Train learned weights from gold data.
    #[command(subcommand)]
    Train(train::Command),
}

/// The most worker threads asked for: each costs its stack and scratch
/// buffers, and thousands take seconds to start.
const MAX_THREADS: usize = 1024;

/// Worker threads for the parallel subcommands (`--threads`; all cores by
/// default).
fn use_threads(n: Option<usize>) -> anyhow::Result<()> {
    use anyhow::Context;
    if let Some(n) = n {
        if n > MAX_THREADS {
            anyhow::bail!("--threads {n}: at most {MAX_THREADS}");
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("cannot start the worker threads")?;
    }
    Ok(())
}

fn main() {
    reset_sigpipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Normalize(a) => normalize::run(a),
        Command::Segment(a) => segment::run(a),
        Command::Tag(a) => tag::run(a),
        Command::Eval(c) => eval::run(c),
        Command::Train(c) => train::run(c),
    };
    match result {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            if input::is_broken_pipe(&e) {
                std::process::exit(0);
            }
            eprintln!("agrivn: error: {e:#}");
            std::process::exit(2);
        }
    }
}

/// When the reader of stdout goes away (`agrivn tag big.jsonl | head`), end
/// quietly as other Unix filters do instead of reporting a write error.
fn reset_sigpipe() {
    #[cfg(unix)]
    {
        // SAFETY: restoring the default disposition of SIGPIPE at start-up,
        // before any thread exists, is what every Unix filter does.
        unsafe {
            libc_signal(13, 0);
        }
    }
}

#[cfg(unix)]
unsafe extern "C" {
    #[link_name = "signal"]
    fn libc_signal(signum: i32, handler: usize) -> usize;
}
