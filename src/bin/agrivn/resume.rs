//! `agrivn tag --resume OUTPUT`: continue an interrupted run. Output is in
//! input order, so the id on the last complete line of OUTPUT says where the
//! run stopped; a partly written last line is cut off, the input is skipped
//! up to and including that id, and tagging goes on, appending to OUTPUT.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::Value;

/// Bytes read from the end of OUTPUT to find its last line.
const TAIL: u64 = 1 << 20;

/// What an interrupted run left in its output.
pub struct Written {
    /// The id (field `id_field`) of its last complete line (`None` when
    /// the file is missing or empty).
    pub last_id: Option<Value>,
    /// Its complete lines.
    pub lines: u64,
    /// The file, opened for appending.
    pub file: File,
}

/// Cut a partial last line off `path` and say what it holds.
pub fn prepare(path: &Path, id_field: &str) -> Result<Written> {
    let mut f = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)
        .with_context(|| format!("cannot open {} to resume", path.display()))?;
    let len = f.metadata()?.len();
    let start = len.saturating_sub(TAIL);
    f.seek(SeekFrom::Start(start))?;
    let mut tail = Vec::new();
    f.read_to_end(&mut tail)?;
    // Keep everything up to the last line break.
    let keep = tail.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    if keep == 0 && start > 0 {
        bail!(
            "{}: no line break in its last {TAIL} bytes; cannot resume",
            path.display()
        );
    }
    if (keep as u64) < tail.len() as u64 {
        eprintln!(
            "agrivn: {}: cut off a partly written last line ({} bytes)",
            path.display(),
            tail.len() - keep
        );
        f.set_len(start + keep as u64)?;
    }
    f.seek(SeekFrom::End(0))?;
    let complete = &tail[..keep];
    let last = complete[..complete.len().saturating_sub(1)]
        .rsplit(|&b| b == b'\n')
        .next()
        .filter(|l| !l.is_empty());
    let id = match last {
        None => None,
        Some(line) => match serde_json::from_slice::<Value>(line) {
            Ok(Value::Object(o)) => match o.get(id_field) {
                Some(id) => Some(id.clone()),
                None => bail!(
                    "{}: the last line has no field {id_field:?}; cannot resume",
                    path.display()
                ),
            },
            _ => bail!(
                "{}: the last line is not a JSON object; cannot resume",
                path.display()
            ),
        },
    };
    let lines = count_lines(&mut f).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(Written {
        last_id: id,
        lines,
        file: f,
    })
}

/// The line breaks of `f` (read from its start), leaving it positioned at
/// its end.
fn count_lines(f: &mut File) -> std::io::Result<u64> {
    f.seek(SeekFrom::Start(0))?;
    let mut buf = vec![0u8; 1 << 20];
    let mut lines = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            return Ok(lines);
        }
        lines += buf[..n].iter().filter(|&&b| b == b'\n').count() as u64;
    }
}

/// The id (field `id_field`) of an input line, if it has one. A line in a legacy encoding is
/// not UTF-8 (and VISCII or VPS put letters on control bytes), but its
/// JSON syntax and an ASCII id read the same once the other bytes are
/// replaced.
pub fn id_of(line: &[u8], id_field: &str) -> Option<Value> {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let object = |v| match v {
        Ok(Value::Object(mut o)) => o.remove(id_field),
        _ => None,
    };
    object(serde_json::from_slice::<Value>(line)).or_else(|| {
        let cleaned: Vec<u8> = line.iter().map(|&b| if b < 0x20 { b' ' } else { b }).collect();
        object(serde_json::from_str::<Value>(&String::from_utf8_lossy(&cleaned)))
    })
}
