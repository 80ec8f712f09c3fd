//! Outputs checked before anything is read: a file written that is also an
//! input (`--rejects archive.jsonl archive.jsonl`, or stdout appended to an
//! input) would destroy the input, or grow it while it is read.

use std::fs::Metadata;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::input;

/// Refuse to run when one of `outputs` (an option's name and its file) is
/// one of the `inputs` files (stdin when none is named, or `-`), another
/// output or stdout, or when stdout is an input, when the output goes
/// there.
pub fn check(inputs: &[PathBuf], outputs: &[(&str, &Path)], to_stdout: bool) -> Result<()> {
    let stdout = if to_stdout { input::stdout_metadata() } else { None };
    // Each file looked at once (a folder may hold many inputs).
    let existing: Vec<(&str, &Path, Metadata)> = outputs
        .iter()
        .filter_map(|&(option, path)| std::fs::metadata(path).ok().map(|m| (option, path, m)))
        .collect();
    // Two outputs that are one file would write over each other.
    for (k, (option, path)) in outputs.iter().enumerate() {
        for (other, other_path) in &outputs[k + 1..] {
            let same_file_too = || {
                let meta = |p: &Path| existing.iter().find(|e| e.1 == p).map(|e| &e.2);
                meta(path)
                    .zip(meta(other_path))
                    .is_some_and(|(a, b)| same_file(a, b))
            };
            if path == other_path || same_file_too() {
                bail!("{option} and {other} name the same file {}", path.display());
            }
        }
    }
    if let Some(out) = &stdout {
        if let Some((option, path, _)) = existing.iter().find(|e| same_file(&e.2, out)) {
            bail!(
                "{option} {} is also where stdout goes: the two would write over each other",
                path.display()
            );
        }
    }
    // Stdin is read when no file is named, or as "-".
    let reads_stdin = inputs.is_empty() || inputs.iter().any(|p| p.as_os_str() == "-");
    let stdin = reads_stdin
        .then(input::stdin_metadata)
        .flatten()
        .map(|m| ("the file read on stdin".to_string(), m));
    let files = inputs.iter().filter(|p| p.as_os_str() != "-").filter_map(|p| {
        let meta = std::fs::metadata(p).ok().filter(Metadata::is_file)?;
        Some((format!("the input file {}", p.display()), meta))
    });
    for (input, meta) in stdin.into_iter().chain(files) {
        if let Some((option, output, _)) = existing.iter().find(|e| same_file(&e.2, &meta)) {
            bail!(
                "{option} {}: this is {input}, which writing it would destroy",
                output.display(),
            );
        }
        if stdout.as_ref().is_some_and(|o| same_file(o, &meta)) {
            bail!("the output is {input}, which writing it would destroy");
        }
    }
    Ok(())
}

fn same_file(a: &Metadata, b: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}
