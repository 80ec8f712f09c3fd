//! Inputs shared by the subcommands: files, `-` and stdin, read line by line.
//! Gzip-compressed input (`archive.jsonl.gz`, or gzip bytes on stdin) is
//! decompressed as it is read.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// A named input: a file or stdin.
pub struct Input {
    pub name: String,
    pub reader: Box<dyn BufRead + Send>,
}

/// Open the inputs (stdin when the list is empty; `-` is stdin).
pub fn open_all(paths: &[PathBuf]) -> Vec<Result<Input>> {
    if paths.is_empty() {
        return vec![Ok(stdin())];
    }
    paths.iter().map(|p| open(p)).collect()
}

pub fn stdin() -> Input {
    let name = "<stdin>".to_string();
    let reader = BufReader::with_capacity(1 << 16, io::stdin());
    match maybe_gzip(reader) {
        Ok(reader) => Input { name, reader },
        // Reading the first bytes failed: let the first line read report it.
        Err(_) => Input {
            name,
            reader: Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
        },
    }
}

pub fn open(path: &Path) -> Result<Input> {
    if path.as_os_str() == "-" {
        return Ok(stdin());
    }
    let f = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let reader = maybe_gzip(BufReader::with_capacity(1 << 16, f))
        .with_context(|| format!("cannot read {}", path.display()))?;
    Ok(Input {
        name: path.display().to_string(),
        reader,
    })
}

/// The bytes of `reader`, decompressed when they start with the gzip magic
/// number (whatever the file is called). Concatenated gzip members, as
/// `cat a.gz b.gz` or parallel compressors write them, are read in turn.
fn maybe_gzip<R: BufRead + Send + 'static>(mut reader: R) -> io::Result<Box<dyn BufRead + Send>> {
    let head = loop {
        match reader.fill_buf() {
            Ok(b) => break b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    };
    if head.starts_with(&[0x1f, 0x8b]) {
        let gz = flate2::bufread::MultiGzDecoder::new(reader);
        Ok(Box::new(BufReader::with_capacity(1 << 16, gz)))
    } else {
        Ok(Box::new(reader))
    }
}

/// Read a whole input (for small inputs such as gold files), without a
/// leading byte-order mark.
pub fn read_to_string(path: &Path) -> Result<String> {
    let mut s = String::new();
    File::open(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .read_to_string(&mut s)
        .with_context(|| format!("{} is not valid UTF-8", path.display()))?;
    if s.starts_with('\u{feff}') {
        s.drain(..'\u{feff}'.len_utf8());
    }
    Ok(s)
}

/// Buffered stdout.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// Whether an error is a write to a closed pipe.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Decode a line as UTF-8, lossily, warning on stderr with its place.
pub fn utf8_line<'a>(bytes: &'a [u8], name: &str, line: u64) -> std::borrow::Cow<'a, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.into(),
        Err(e) => {
            eprintln!(
                "agrivn: {name}:{line}: invalid UTF-8 at byte {}, decoded lossily",
                e.valid_up_to()
            );
            String::from_utf8_lossy(bytes)
        }
    }
}

/// Write one line to `out`.
pub fn write_line(out: &mut impl Write, s: &str) -> io::Result<()> {
    out.write_all(s.as_bytes())?;
    out.write_all(b"\n")
}
