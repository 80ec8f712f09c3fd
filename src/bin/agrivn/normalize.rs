//! `agrivn normalize`: one output line per input line.

use std::io::BufRead;
use std::path::PathBuf;

use agrivn::normalize::{Encoding, Normalizer, ToneStyle, detect, fold, legacy, strip_diacritics};
use agrivn::pipeline::LineReader;
use anyhow::Result;
use clap::ValueEnum;
use serde_json::{Map, Value};

use crate::input::{self, write_line};

#[derive(Clone, Copy, ValueEnum, Default, PartialEq)]
pub enum Format {
    /// Text lines.
    #[default]
    Text,
    /// JSON Lines: the `text` field of each object (other fields kept).
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum, Default)]
enum Style {
    #[default]
    Preserve,
    MainVowel,
    Classic,
}

#[derive(clap::Args)]
pub struct Args {
    /// Input files (stdin when none; `-` is stdin).
    files: Vec<PathBuf>,
    /// Where tone marks go in open oa/oe/uy syllables.
    #[arg(long, value_enum, default_value_t)]
    tone_style: Style,
    /// Decode HTML character references once.
    #[arg(long)]
    html: bool,
    /// Repair mojibake (UTF-8 read as Windows-1252), ð for đ, spacing accents.
    #[arg(long)]
    repair: bool,
    /// Encoding of the input bytes: utf-8, vni, tcvn3, viscii, vps, viqr,
    /// cp1258, telex, or auto (detected per file).
    #[arg(long, default_value = "utf-8")]
    encoding: String,
    /// Remove diacritics after normalizing.
    #[arg(long)]
    strip_diacritics: bool,
    /// Write search keys (lower case, no diacritics, punctuation as spaces).
    #[arg(long)]
    fold: bool,
    /// Input format.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

/// Bytes of a file looked at to detect its encoding.
const DETECT_BYTES: usize = 1 << 16;

pub fn run(args: Args) -> Result<i32> {
    let style = match args.tone_style {
        Style::Preserve => ToneStyle::Preserve,
        Style::MainVowel => ToneStyle::MainVowel,
        Style::Classic => ToneStyle::Classic,
    };
    let fixed: Option<Encoding> = match args.encoding.as_str() {
        "auto" => None,
        name => Some(name.parse()?),
    };
    let normalizer = Normalizer::builder()
        .tone_style(style)
        .html(args.html)
        .repair(args.repair)
        .build();
    let mut out = input::stdout();
    let mut code = 0;
    for inp in input::open_all(&args.files) {
        let mut inp = match inp {
            Ok(i) => i,
            Err(e) => {
                eprintln!("agrivn: {e:#}");
                code = 1;
                continue;
            }
        };
        let enc = match fixed {
            Some(e) => e,
            None => {
                let head = inp.reader.fill_buf()?;
                let d = detect(&head[..head.len().min(DETECT_BYTES)]);
                eprintln!(
                    "agrivn: {}: detected encoding {} (confidence {:.2})",
                    inp.name, d.encoding, d.confidence
                );
                d.encoding
            }
        };
        let mut lines = LineReader::new(inp.reader, usize::MAX);
        while let Some(line) = lines.next_line()? {
            let text = match enc {
                Encoding::Utf8 => input::utf8_line(&line.bytes, &inp.name, line.number),
                e => legacy::decode(&line.bytes, e).into(),
            };
            let result = match args.format {
                Format::Text => apply(&normalizer, &args, &text),
                Format::Jsonl => match jsonl(&normalizer, &args, &text) {
                    Ok(s) => s,
                    Err(msg) => {
                        eprintln!(
                            "agrivn: {}:{}: {msg}; line passed through unchanged",
                            inp.name, line.number
                        );
                        text.into_owned()
                    }
                },
            };
            write_line(&mut out, &result)?;
        }
    }
    std::io::Write::flush(&mut out)?;
    Ok(code)
}

fn apply(n: &Normalizer, args: &Args, text: &str) -> String {
    let norm = n.normalize(text);
    if args.fold {
        fold(&norm)
    } else if args.strip_diacritics {
        strip_diacritics(&norm).into_owned()
    } else {
        norm.into_owned()
    }
}

fn jsonl(n: &Normalizer, args: &Args, line: &str) -> Result<String, String> {
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let mut obj: Map<String, Value> = match serde_json::from_str(line) {
        Ok(Value::Object(m)) => m,
        Ok(_) => return Err("not a JSON object".into()),
        Err(e) => return Err(format!("invalid JSON: {e}")),
    };
    if let Some(Value::String(t)) = obj.get_mut("text") {
        *t = apply(n, args, t);
    }
    serde_json::to_string(&obj).map_err(|e| e.to_string())
}
