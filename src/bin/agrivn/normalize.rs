//! `agrivn normalize`: one output line per input line. In text lines, a
//! line break inside a line (CR, NEL, U+2028, U+2029) becomes a space.

use std::borrow::Cow;
use std::io::BufRead;
use std::path::PathBuf;

use agrivn::normalize::{Encoding, Normalizer, ToneStyle, detect, fold, strip_diacritics};
use agrivn::pipeline::{InputEncoding, Line, LineReader};
use anyhow::Result;
use clap::ValueEnum;
use serde_json::{Map, Value};

use crate::input::{self, write_line};
use crate::tag::EncodingArg;

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
    /// Encoding of the input: utf-8; vni, tcvn3, viscii, vps or cp1258
    /// (each line decoded from those bytes, or from their Windows-1252
    /// view); viqr or telex (text in those ASCII conventions: the `text`
    /// field alone of JSON Lines); or auto (each line UTF-8 unless a legacy
    /// byte encoding is detected in it; VIQR or Telex when the file's
    /// start clearly is).
    #[arg(long, default_value = "utf-8", value_name = "ENCODING")]
    encoding: EncodingArg,
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

/// Bytes of a file looked at to detect VIQR or Telex.
const DETECT_BYTES: usize = 1 << 16;

/// How sure detection must be to read a file as VIQR or Telex.
const ASCII_CONFIDENCE: f32 = 0.6;

/// How the lines of one input are read.
struct Reading {
    /// How a line's bytes become text.
    bytes: InputEncoding,
    /// With `auto`: how many lines so far were read in each legacy byte
    /// encoding.
    read_in: Vec<(Encoding, usize)>,
    /// The normalizer, which reads VIQR and Telex (ASCII conventions of the
    /// text itself, so in the `text` field alone of JSON Lines).
    normalizer: Normalizer,
}

impl Reading {
    /// How lines in `encoding` are read; `None`: line by line, UTF-8
    /// unless a legacy byte encoding is detected in the line.
    fn new(encoding: Option<Encoding>, args: &Args) -> Reading {
        let style = match args.tone_style {
            Style::Preserve => ToneStyle::Preserve,
            Style::MainVowel => ToneStyle::MainVowel,
            Style::Classic => ToneStyle::Classic,
        };
        let mut normalizer = Normalizer::builder()
            .tone_style(style)
            .html(args.html)
            .repair(args.repair);
        let bytes = match encoding {
            None => InputEncoding::Auto,
            Some(Encoding::Utf8) => InputEncoding::Utf8,
            Some(e @ (Encoding::Viqr | Encoding::Telex)) => {
                normalizer = normalizer.source_encoding(e);
                InputEncoding::Utf8
            }
            // Raw bytes, or the Windows-1252 view of them.
            Some(e) => InputEncoding::Legacy(e),
        };
        Reading {
            bytes,
            read_in: Vec::new(),
            normalizer: normalizer.build(),
        }
    }

    /// The text of a line; one that is not UTF-8 (where no legacy encoding
    /// reads it) is decoded lossily, saying so.
    /// With `auto`, a line detection cannot settle alone (an English title
    /// with one curly quote) is read in the legacy encoding most lines
    /// before it were read in, as `tag` reads it in the encoding of its
    /// chunk.
    fn text<'a>(&mut self, line: &'a Line, name: &str) -> Cow<'a, str> {
        match self.bytes.read(&line.bytes) {
            Ok((text, Encoding::Utf8)) => text,
            Ok((text, enc)) => {
                match self.read_in.iter_mut().find(|(e, _)| *e == enc) {
                    Some((_, n)) => *n += 1,
                    None => self.read_in.push((enc, 1)),
                }
                text
            }
            Err(_) => {
                let most = self.read_in.iter().max_by_key(|&&(_, n)| n).map(|&(e, _)| e);
                let read = most.and_then(|enc| InputEncoding::Legacy(enc).read(&line.bytes).ok());
                match read {
                    Some((text, _)) => text,
                    None => input::utf8_line(&line.bytes, name, line.number),
                }
            }
        }
    }
}

pub fn run(args: Args) -> Result<i32> {
    crate::clobber::check(&args.files, &[], true)?;
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
        let encoding = match args.encoding {
            EncodingArg::Named(e) => Some(e),
            // VIQR and Telex are ASCII, which no line shows by its bytes:
            // they are taken when the file's start clearly is in them.
            // Byte encodings are told line by line, as `tag` does.
            EncodingArg::Auto => {
                let head = inp.reader.fill_buf()?;
                let d = detect(&head[..head.len().min(DETECT_BYTES)]);
                let ascii = matches!(d.encoding, Encoding::Viqr | Encoding::Telex);
                (ascii && d.confidence >= ASCII_CONFIDENCE).then(|| {
                    eprintln!(
                        "agrivn: {}: detected encoding {} (confidence {:.2})",
                        inp.name, d.encoding, d.confidence
                    );
                    d.encoding
                })
            }
        };
        let mut reading = Reading::new(encoding, &args);
        let mut lines = LineReader::new(inp.reader, usize::MAX);
        loop {
            let line = match lines.next_line() {
                Ok(Some(line)) => line,
                Ok(None) => break,
                // A read error (a truncated gzip file) ends the file, after
                // the lines read before it are written.
                Err(e) => {
                    input::read_failed(&inp.name, lines.lines_read(), &e);
                    code = 1;
                    break;
                }
            };
            let text = reading.text(&line, &inp.name);
            let result = match args.format {
                // A line break inside a line (CR, NEL, U+2028) becomes a
                // space: one line out for each line in, with single spaces
                // and none at its ends, as normalized text has (so that
                // normalizing the output again changes nothing).
                Format::Text => {
                    let out = apply(&reading.normalizer, &args, &text);
                    if out.contains('\n') || out.contains("  ") || out.starts_with(' ') || out.ends_with(' ')
                    {
                        out.split([' ', '\n'])
                            .filter(|w| !w.is_empty())
                            .collect::<Vec<_>>()
                            .join(" ")
                    } else {
                        out
                    }
                }
                Format::Jsonl => match jsonl(&reading.normalizer, &args, &text) {
                    Ok(s) => s,
                    // As read, but for a CR inside it, which would end
                    // the line there for many readers.
                    Err(msg) => {
                        eprintln!(
                            "agrivn: {}:{}: {msg}; line written as read",
                            inp.name, line.number
                        );
                        if text.contains('\r') {
                            text.replace('\r', " ")
                        } else {
                            text.into_owned()
                        }
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
    match obj.get_mut("text") {
        Some(Value::String(t)) => *t = apply(n, args, t),
        _ => return Err("no string field \"text\"".into()),
    }
    serde_json::to_string(&obj).map_err(|e| e.to_string())
}
