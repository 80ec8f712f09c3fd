//! Inputs shared by the subcommands: files, `-` and stdin, read line by line.
//! Gzip-compressed input (`archive.jsonl.gz`, or gzip bytes on stdin) is
//! decompressed as it is read, and UTF-16 input read as UTF-8.

use std::fs::{File, Metadata};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context, Result};

use crate::utf16;

/// A named input: a file or stdin.
pub struct Input {
    pub name: String,
    pub reader: Box<dyn BufRead + Send>,
    /// Whether it is stdin and not a file (a pipe, a terminal): its input
    /// may come slowly.
    pub may_wait: bool,
    /// Bytes read from the file so far (compressed bytes for gzip), for a
    /// progress bar.
    pub consumed: Arc<AtomicU64>,
}

/// A reader that counts the bytes read through it.
struct Counted<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

fn counted<R: Read>(inner: R) -> (BufReader<Counted<R>>, Arc<AtomicU64>) {
    let count = Arc::new(AtomicU64::new(0));
    let reader = Counted {
        inner,
        count: Arc::clone(&count),
    };
    (BufReader::with_capacity(1 << 16, reader), count)
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
    let may_wait = stdin_metadata().is_none();
    let (reader, consumed) = counted(io::stdin());
    let (reader, consumed): (Box<dyn BufRead + Send>, _) = match unwrap_stream(reader, &name) {
        Ok(reader) => (reader, consumed),
        // Reading the first bytes failed: let the first line read report it.
        Err(_) => {
            let (reader, consumed) = counted(io::stdin());
            (Box::new(reader), consumed)
        }
    };
    Input {
        name,
        reader,
        may_wait,
        consumed,
    }
}

pub fn open(path: &Path) -> Result<Input> {
    if path.as_os_str() == "-" {
        return Ok(stdin());
    }
    let f = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let name = path.display().to_string();
    let (reader, consumed) = counted(f);
    let reader = unwrap_stream(reader, &name).with_context(|| format!("cannot read {name}"))?;
    Ok(Input {
        name,
        reader,
        may_wait: false,
        consumed,
    })
}

/// The bytes of `reader` (named `name`) as agrivn reads them: decompressed
/// when they start with the gzip magic number (whatever the file is
/// called), and transcoded to UTF-8 when they are UTF-16
/// ([`utf16::byte_order`]). Concatenated gzip members, as `cat a.gz b.gz` or
/// parallel compressors write them, are read in turn.
fn unwrap_stream<R: BufRead + Send + 'static>(
    mut reader: R,
    name: &str,
) -> io::Result<Box<dyn BufRead + Send>> {
    if head(&mut reader)?.starts_with(&[0x1f, 0x8b]) {
        let gz = flate2::bufread::MultiGzDecoder::new(reader);
        maybe_utf16(BufReader::with_capacity(1 << 16, gz), name)
    } else {
        maybe_utf16(reader, name)
    }
}

fn maybe_utf16<R: BufRead + Send + 'static>(
    mut reader: R,
    name: &str,
) -> io::Result<Box<dyn BufRead + Send>> {
    Ok(match utf16::byte_order(head(&mut reader)?) {
        Some(order) => Box::new(BufReader::with_capacity(
            1 << 16,
            utf16::Utf16Reader::new(reader, order, name),
        )),
        None => Box::new(reader),
    })
}

/// The first buffered bytes of `reader`, not consumed.
fn head<R: BufRead>(reader: &mut R) -> io::Result<&[u8]> {
    loop {
        match reader.fill_buf() {
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    reader.fill_buf()
}

/// Read a whole input (for small inputs such as gold files; `-` is stdin),
/// without a leading byte-order mark, as every input is read (gzip
/// decompressed, UTF-16 as UTF-8); text that is not UTF-8 is an error
/// naming its line.
pub fn read_to_string(path: &Path) -> Result<String> {
    let mut inp = open(path)?;
    let mut bytes = Vec::new();
    inp.reader
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", inp.name))?;
    let mut s = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        anyhow::anyhow!("{}:{line}: not valid UTF-8", inp.name)
    })?;
    if s.starts_with('\u{feff}') {
        s.drain(..'\u{feff}'.len_utf8());
    }
    Ok(s)
}

/// Buffered stdout.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(1 << 16, io::stdout().lock())
}

/// What stdout is, when it is a regular file.
pub fn stdout_metadata() -> Option<Metadata> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        file_metadata(std::io::stdout().as_fd())
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// What stdin is, when it is a regular file (`agrivn tag < archive.jsonl`).
pub fn stdin_metadata() -> Option<Metadata> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        file_metadata(std::io::stdin().as_fd())
    }
    #[cfg(not(unix))]
    {
        None
    }
}

#[cfg(unix)]
fn file_metadata(fd: std::os::fd::BorrowedFd<'_>) -> Option<Metadata> {
    let fd = fd.try_clone_to_owned().ok()?;
    std::fs::File::from(fd).metadata().ok().filter(Metadata::is_file)
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
    match simdutf8::compat::from_utf8(bytes) {
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

/// Say that reading `name` failed after `lines` lines (a truncated gzip
/// file, a failing disk): the file ends there, and the lines before were
/// processed.
pub fn read_failed(name: &str, lines: u64, e: &io::Error) {
    eprintln!("agrivn: cannot read {name} after line {lines}: {e}");
}

/// Write one line to `out`.
pub fn write_line(out: &mut impl Write, s: &str) -> io::Result<()> {
    out.write_all(s.as_bytes())?;
    out.write_all(b"\n")
}
