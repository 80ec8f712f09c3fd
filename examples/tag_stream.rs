//! Tag a JSON Lines archive from stdin to stdout, in order and with bounded
//! memory, and report every rejected line on stderr: the core of
//! `agrivn tag` in a program of your own.
//!
//!     cargo run --release --example tag_stream < ../shared/articles/news.jsonl > tagged.jsonl

use std::io::{BufWriter, Write};

use agrivn::pipeline::{InputEncoding, Pipeline};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pipeline = Pipeline::new().input_encoding(InputEncoding::Auto);
    let mut out = BufWriter::new(std::io::stdout().lock());
    let (mut tagged, mut rejected, mut agri) = (0u64, 0u64, 0u64);
    let read = pipeline.tag_reader(std::io::stdin().lock(), |line, result| {
        match result {
            Ok(t) => {
                tagged += 1;
                agri += u64::from(t.tags.agri);
                writeln!(out, "{}", t.json)
                    .map_err(|e| agrivn::Error::new(agrivn::ErrorKind::Io, "stdout").with_source(e))?;
            }
            Err(e) => {
                rejected += 1;
                eprintln!("line {}: rejected: {}", line.number, e.message);
            }
        }
        Ok(())
    })?;
    out.flush()?;
    eprintln!("read {read} tagged {tagged} rejected {rejected} agricultural {agri}");
    Ok(())
}
