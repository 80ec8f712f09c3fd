//! `agrivn segment`: text lines in, segmented lines out.

use std::path::PathBuf;

use agrivn::dict::Dictionary;
use agrivn::pipeline::LineReader;
use agrivn::segment::Segmenter;
use anyhow::Result;
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
}

#[derive(Serialize)]
struct JsonToken<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: agrivn::segment::TokenKind,
}

pub fn segmenter(user_dict: Option<&PathBuf>) -> Result<Segmenter> {
    Ok(match user_dict {
        Some(p) => Segmenter::with_dictionary(Dictionary::embedded().merge(&Dictionary::load(p)?)?),
        None => Segmenter::new(),
    })
}

pub fn run(args: Args) -> Result<i32> {
    let seg = segmenter(args.user_dict.as_ref())?;
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
