//! `agrivn eval`: scores against gold data, so every figure in the README
//! can be reproduced with the project's own tools.

use std::path::PathBuf;

use anyhow::Result;
use unicode_normalization::UnicodeNormalization;

mod normalize;
mod segment;
mod tag;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Run normalization conformance cases; exit status 1 if any fails.
    Normalize {
        /// The cases (JSON Lines: id, class, op, options, input, expected).
        #[arg(long)]
        cases: PathBuf,
    },
    /// Word-segmentation precision, recall and F1 of word spans.
    Segment {
        /// Gold file: one sentence a line, syllables of a word joined by `_`.
        #[arg(long)]
        gold: PathBuf,
        /// Raw input (default: the gold file with `_` as spaces).
        #[arg(long)]
        input: Option<PathBuf>,
        /// Transform the input first, to measure robustness.
        #[arg(long, value_enum)]
        transform: Option<Transform>,
        /// A word list to add to the embedded dictionary.
        #[arg(long)]
        user_dict: Option<PathBuf>,
        /// Learned weights (a file written by `agrivn train segment`, or
        /// `none`; default: the embedded weights).
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Agricultural accuracy and topic F1 against hand labels.
    Tag {
        /// Labels (JSON Lines: id, agri, topics).
        #[arg(long)]
        gold: PathBuf,
        /// Articles, read as `agrivn tag` reads them: JSON Lines files
        /// (gzip too) and folders; stdin when none, `-` is stdin.
        files: Vec<PathBuf>,
        /// Taxonomy file (default: the embedded one).
        #[arg(long)]
        taxonomy: Option<PathBuf>,
        /// List each article whose tags differ from the labels.
        #[arg(long)]
        verbose: bool,
        /// Transform each title and text first, to measure robustness.
        #[arg(long, value_enum, conflicts_with = "predicted")]
        transform: Option<Transform>,
        /// Score these labels (same format as `--gold`) instead of the
        /// tagger's output: the agreement of two annotators.
        #[arg(long, conflicts_with_all = ["files", "taxonomy"])]
        predicted: Option<PathBuf>,
        #[command(flatten)]
        settings: crate::tag::Settings,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Transform {
    /// Unicode NFD.
    Nfd,
    /// Lower case.
    Lower,
    /// Upper case.
    Upper,
    /// Every word capitalized, as some sites write headlines ("Giá Lúa Tăng").
    TitleCase,
    /// Without diacritics (đ as d), as some sites and readers write.
    StripDiacritics,
}

impl Transform {
    /// `text` transformed (`None`: unchanged).
    fn apply(transform: Option<Transform>, text: &str) -> String {
        match transform {
            None => text.to_string(),
            Some(Transform::Nfd) => text.nfd().collect(),
            Some(Transform::Lower) => text.to_lowercase(),
            Some(Transform::Upper) => text.to_uppercase(),
            Some(Transform::TitleCase) => title_case(text),
            Some(Transform::StripDiacritics) => agrivn::normalize::strip_diacritics(text).into_owned(),
        }
    }
}

/// `text` with the first letter of every word in upper case and the others
/// in lower case.
fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = true;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = true;
        }
    }
    out
}

pub fn run(cmd: Command) -> Result<i32> {
    match cmd {
        Command::Normalize { cases } => normalize::run(&cases),
        Command::Segment {
            gold,
            input,
            transform,
            user_dict,
            model,
        } => segment::run(
            &gold,
            input.as_ref(),
            transform,
            user_dict.as_ref(),
            model.as_ref(),
        ),
        Command::Tag {
            gold,
            files,
            taxonomy,
            verbose,
            transform,
            predicted,
            settings,
        } => tag::run(
            &gold,
            &files,
            taxonomy.as_ref(),
            verbose,
            transform,
            predicted.as_ref(),
            &settings,
        ),
    }
}
