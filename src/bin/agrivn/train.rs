//! `agrivn train segment`: learn the segmenter's weights from gold text.

use std::path::PathBuf;

use agrivn::segment::{Segmenter, TrainOptions, train};
use anyhow::{Context, Result, bail};

use crate::input;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Train the segmenter's learned weights on word-segmented text (one
    /// sentence a line, syllables of a word joined by `_`).
    Segment {
        /// Gold files (repeat for several).
        #[arg(long, required = true)]
        gold: Vec<PathBuf>,
        /// Where to write the weights.
        #[arg(long)]
        out: PathBuf,
        /// A word list to add to the embedded dictionary (then use the same
        /// list when segmenting with these weights).
        #[arg(long)]
        user_dict: Option<PathBuf>,
        /// Passes over the data.
        #[arg(long, default_value_t = TrainOptions::default().epochs)]
        epochs: usize,
        /// Size of one update.
        #[arg(long, default_value_t = TrainOptions::default().rate)]
        rate: f32,
        /// Do not also train on lower-cased copies of the sentences.
        #[arg(long)]
        no_lowercase: bool,
    },
}

pub fn run(cmd: Command) -> Result<i32> {
    let Command::Segment {
        gold,
        out,
        user_dict,
        epochs,
        rate,
        no_lowercase,
    } = cmd;
    let inputs: Vec<PathBuf> = gold.iter().chain(&user_dict).cloned().collect();
    crate::clobber::check(&inputs, &[("--out", &out)], false)?;
    let mut text = String::new();
    for g in &gold {
        let read = input::read_to_string(g)?;
        // A word with an empty syllable ("__", "_nông", "dân_") is a
        // mistake in the gold, which training would learn from.
        for (k, line) in read.lines().enumerate() {
            if let Some(word) = line
                .split_whitespace()
                .find(|w| *w != "_" && w.split('_').any(str::is_empty))
            {
                bail!(
                    "{}:{}: the word {word:?} has an empty syllable (syllables are joined by one `_`)",
                    g.display(),
                    k + 1
                );
            }
        }
        text.push_str(&read);
        text.push('\n');
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        bail!("no sentences in the gold files");
    }
    let seg: Segmenter = crate::segment::segmenter(user_dict.as_ref(), Some(&PathBuf::from("none")))?;
    let opts = TrainOptions {
        epochs,
        rate,
        lowercase_copies: !no_lowercase,
    };
    let (model, report) =
        train(&seg, &lines, &opts).with_context(|| format!("--rate {rate}, --epochs {epochs}"))?;
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "{} sentences, {} runs of syllables ({} left out: a gold word no rule can propose), \
         mistakes per epoch {:?}; {} bytes written to {}",
        lines.len(),
        report.runs,
        report.unreachable,
        report.mistakes,
        bytes.len(),
        out.display()
    );
    Ok(0)
}
