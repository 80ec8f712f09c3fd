//! `agrivn segment`: text lines in, segmented lines out.

use std::path::PathBuf;

use agrivn::dict::Dictionary;
use agrivn::pipeline::LineReader;
use agrivn::segment::{SegmentModel, Segmenter};
use anyhow::{Context, Result};
use serde::Serialize;

use crate::input::{self, write_line};
use crate::normalize::Format;

#[derive(clap::Args)]
pub struct Args {
    /// Input files (stdin when none; `-` is stdin).
    files: Vec<PathBuf>,
    /// `text`: syllables of a word joined by `_`, tokens by spaces;
    /// `jsonl`: tokens with byte spans and kinds.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// A word list to add to the embedded dictionary.
    #[arg(long)]
    user_dict: Option<PathBuf>,
    /// Learned weights written by `agrivn train segment`, or `none` for the
    /// dictionary scores alone (default: the embedded weights).
    #[arg(long)]
    model: Option<PathBuf>,
}

#[derive(Serialize)]
struct JsonToken<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: agrivn::segment::TokenKind,
}

/// The segmenter the options ask for.
pub fn segmenter(user_dict: Option<&PathBuf>, model: Option<&PathBuf>) -> Result<Segmenter> {
    let dict = match user_dict {
        Some(p) => Dictionary::embedded().merge(&Dictionary::load(p)?)?,
        None => Dictionary::embedded(),
    };
    Ok(match model {
        None => Segmenter::with_dictionary(dict),
        Some(p) if p.as_os_str() == "none" => Segmenter::with_model(dict, None),
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            let model = SegmentModel::from_bytes(&bytes)
                .with_context(|| format!("{} is not a segment model", p.display()))?;
            Segmenter::with_model(dict, Some(model))
        }
    })
}

pub fn run(args: Args) -> Result<i32> {
    let seg = segmenter(args.user_dict.as_ref(), args.model.as_ref())?;
    let mut worker = seg.worker();
    let mut out = input::stdout();
    let mut buf = String::new();
    let mut code = 0;
    for inp in input::open_all(&args.files) {
        let inp = match inp {
            Ok(i) => i,
            Err(e) => {
                eprintln!("agrivn: {e:#}");
                code = 1;
                continue;
            }
        };
        let mut lines = LineReader::new(inp.reader, usize::MAX);
        while let Some(line) = lines.next_line()? {
            let text = input::utf8_line(&line.bytes, &inp.name, line.number);
            buf.clear();
            match args.format {
                Format::Text => worker.segment_to_line(&text, &mut buf),
                Format::Jsonl => {
                    let tokens: Vec<JsonToken> = worker
                        .segment(&text)
                        .iter()
                        .map(|t| JsonToken {
                            text: &text[t.span],
                            start: t.span.start,
                            end: t.span.end,
                            kind: t.kind,
                        })
                        .collect();
                    buf = serde_json::to_string(&serde_json::json!({ "tokens": tokens }))?;
                }
            }
            write_line(&mut out, &buf)?;
        }
    }
    std::io::Write::flush(&mut out)?;
    Ok(code)
}
