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
    // Two outputs that are one file would write over each other.
    for (k, (option, path)) in outputs.iter().enumerate() {
        let meta = std::fs::metadata(path).ok();
        for (other, other_path) in &outputs[k + 1..] {
            let same = path == other_path
                || meta
                    .as_ref()
                    .is_some_and(|m| std::fs::metadata(other_path).is_ok_and(|o| same_file(&o, m)));
            if same {
                bail!("{option} and {other} name the same file {}", path.display());
            }
        }
    }
    let files: Vec<(&Path, Metadata)> = inputs
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .filter_map(|p| std::fs::metadata(p).ok().map(|m| (p.as_path(), m)))
        .filter(|(_, m)| m.is_file())
        .collect();
    for (input, meta) in &files {
        for (option, output) in outputs {
            if std::fs::metadata(output).is_ok_and(|o| same_file(&o, meta)) {
                bail!(
                    "{option} {}: this is the input file {}, which writing it would destroy",
                    output.display(),
                    input.display()
                );
            }
        }
        if stdout.as_ref().is_some_and(|o| same_file(o, meta)) {
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
