//! `agrivn segment`: text lines in, segmented lines out.

use std::io::Write;
use std::path::PathBuf;

use agrivn::dict::Dictionary;
use agrivn::pipeline::{CHUNK_BYTES, CHUNK_LINES, Line, LineReader};
use agrivn::segment::{SegmentModel, Segmenter, Worker};
use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;

use crate::input;

/// What `agrivn segment` writes for each text line.
#[derive(Clone, Copy, clap::ValueEnum, Default, PartialEq)]
pub enum Format {
    /// The line's words: syllables of a word joined by `_`, tokens
    /// separated by spaces.
    #[default]
    Text,
    /// A JSON object: the line's tokens, each with its text, byte span and
    /// kind.
    Jsonl,
}

#[derive(clap::Args)]
pub struct Args {
    /// Input files (stdin when none; `-` is stdin).
    files: Vec<PathBuf>,
    /// Output format (the input is text lines either way).
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    /// A word list to add to the embedded dictionary.
    #[arg(long)]
    user_dict: Option<PathBuf>,
    /// Learned weights written by `agrivn train segment`, or `none` for the
    /// dictionary scores alone (default: the embedded weights).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Worker threads (default: all cores). Lines are segmented in
    /// parallel chunks and written in input order.
    #[arg(long)]
    threads: Option<usize>,
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
    crate::clobber::check(&args.files, &[], true)?;
    crate::use_threads(args.threads)?;
    let seg = segmenter(args.user_dict.as_ref(), args.model.as_ref())?;
    let mut out = input::stdout();
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
        let mut chunk: Vec<Line> = Vec::with_capacity(CHUNK_LINES);
        loop {
            let read = lines.read_chunk(&mut chunk, CHUNK_LINES, CHUNK_BYTES);
            // A few pieces per thread, each segmented into one buffer by a
            // warm worker borrowed from the segmenter, written in order.
            let size = chunk.len().div_ceil(rayon::current_num_threads() * 4).max(1);
            let pieces: Vec<(String, Vec<(u64, String)>)> = chunk
                .par_chunks(size)
                .map(|lines| {
                    seg.with_worker(|worker| {
                        let mut text = String::new();
                        let mut warnings = Vec::new();
                        for l in lines {
                            if let Some(w) = segment_line(worker, l, args.format, &mut text) {
                                warnings.push((l.number, w));
                            }
                            text.push('\n');
                        }
                        (text, warnings)
                    })
                })
                .collect();
            for (text, warnings) in pieces {
                for (number, w) in warnings {
                    eprintln!("agrivn: {}:{number}: {w}", inp.name);
                }
                out.write_all(text.as_bytes())?;
            }
            chunk.clear();
            match read {
                Ok(0) => break,
                Ok(_) => {}
                // A read error (a truncated gzip file) ends the file, after
                // the lines read before it are written.
                Err(e) => {
                    input::read_failed(&inp.name, lines.lines_read(), &e);
                    code = 1;
                    break;
                }
            }
        }
    }
    std::io::Write::flush(&mut out)?;
    Ok(code)
}

/// Offsets in a line read lossily (each run of bad bytes as one U+FFFD) to
/// offsets in its bytes: where each valid run and each U+FFFD starts in
/// both, and the ends.
struct ByteOffsets(Vec<(usize, usize)>);

impl ByteOffsets {
    /// For `bytes`; none needed when they are valid UTF-8.
    fn new(bytes: &[u8], lossy: bool) -> ByteOffsets {
        let mut starts = Vec::new();
        if lossy {
            let (mut read, mut at) = (0, 0);
            for chunk in bytes.utf8_chunks() {
                starts.push((read, at));
                read += chunk.valid().len();
                at += chunk.valid().len();
                if !chunk.invalid().is_empty() {
                    starts.push((read, at));
                    read += char::REPLACEMENT_CHARACTER.len_utf8();
                    at += chunk.invalid().len();
                }
            }
            starts.push((read, at));
        }
        ByteOffsets(starts)
    }

    /// The offset in the bytes of char boundary `p` of the lossy reading.
    fn of(&self, p: usize) -> usize {
        let k = self.0.partition_point(|&(read, _)| read <= p);
        match k.checked_sub(1).map(|k| self.0[k]) {
            Some((read, at)) => at + (p - read),
            None => p,
        }
    }
}

/// One line segmented in `format`, appended to `out`; a warning when it was
/// not UTF-8 (it is then decoded lossily; `jsonl` spans still count its
/// bytes).
fn segment_line(worker: &mut Worker, line: &Line, format: Format, out: &mut String) -> Option<String> {
    let (text, warning) = match simdutf8::compat::from_utf8(&line.bytes) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), None),
        Err(e) => (
            String::from_utf8_lossy(&line.bytes),
            Some(format!(
                "invalid UTF-8 at byte {}, decoded lossily",
                e.valid_up_to()
            )),
        ),
    };
    match format {
        Format::Text => worker.segment_to_line(&text, out),
        // Written a window at a time: a huge line's tokens are never all
        // held, nor a JSON value of them.
        Format::Jsonl => {
            let mut json = b"{\"tokens\":[".to_vec();
            let mut first = true;
            let in_line = ByteOffsets::new(&line.bytes, warning.is_some());
            worker.segment_each_window(&text, |tokens| {
                for t in tokens {
                    if !first {
                        json.push(b',');
                    }
                    first = false;
                    let token = JsonToken {
                        text: &text[t.span],
                        start: in_line.of(t.span.start),
                        end: in_line.of(t.span.end),
                        kind: t.kind,
                    };
                    // Writing to a Vec cannot fail.
                    let _ = serde_json::to_writer(&mut json, &token);
                }
            });
            json.extend_from_slice(b"]}");
            out.push_str(&String::from_utf8_lossy(&json));
        }
    }
    warning
}
