//! Outputs checked before anything is read: a file written that is also an
//! input (`--rejects archive.jsonl archive.jsonl`, or stdout appended to an
//! input) would destroy the input, or grow it while it is read.

use std::fs::Metadata;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

/// Refuse to run when one of `outputs` (an option's name and its file) is
/// one of the `inputs` files or another output, or stdout is an input, when
/// the output goes there.
pub fn check(inputs: &[PathBuf], outputs: &[(&str, &Path)], to_stdout: bool) -> Result<()> {
    let stdout = if to_stdout { stdout_metadata() } else { None };
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
    for input in inputs.iter().filter(|p| p.as_os_str() != "-") {
        let Some(meta) = std::fs::metadata(input).ok().filter(Metadata::is_file) else {
            continue;
        };
        if let Some((option, output, _)) = existing.iter().find(|e| same_file(&e.2, &meta)) {
            bail!(
                "{option} {}: this is the input file {}, which writing it would destroy",
                output.display(),
                input.display()
            );
        }
        if stdout.as_ref().is_some_and(|o| same_file(o, &meta)) {
            bail!(
                "the output is the input file {}, which writing it would destroy",
                input.display()
            );
        }
    }
    Ok(())
}

/// What stdout is, when it is a regular file.
fn stdout_metadata() -> Option<Metadata> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let fd = std::io::stdout().as_fd().try_clone_to_owned().ok()?;
        std::fs::File::from(fd).metadata().ok().filter(Metadata::is_file)
    }
    #[cfg(not(unix))]
    {
        None
    }
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
