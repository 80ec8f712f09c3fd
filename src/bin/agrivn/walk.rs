//! The files `agrivn tag` reads for the paths it is given: a file as it is,
//! a folder walked for article files in name order.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The files to read for `paths` (stdin, `-`, when there are none), and
/// whether every folder could be read. A folder or entry that cannot be
/// read is reported on stderr and the walk goes on. A folder reached again
/// through a symbolic link (a link to a parent would loop) is walked once,
/// and so is a file reached twice within the folders.
pub fn article_files(paths: &[PathBuf]) -> (Vec<PathBuf>, bool) {
    let mut walk = Walk {
        files: Vec::new(),
        seen: HashSet::new(),
        all_read: true,
    };
    if paths.is_empty() {
        walk.files.push(PathBuf::from("-"));
    }
    for p in paths {
        if p.is_dir() {
            walk.folder(p);
        } else {
            walk.files.push(p.clone());
        }
    }
    (walk.files, walk.all_read)
}

/// Whether `p` is read as a text file (one article) rather than JSON Lines:
/// `*.txt`, or `*.txt.gz`.
pub fn is_text_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".txt") || name.ends_with(".txt.gz")
}

/// The id of a text file's article: its path relative to the folder of
/// `roots` (the paths given) it was found in, or its path as given.
pub fn text_file_id(path: &Path, roots: &[PathBuf]) -> String {
    roots
        .iter()
        .find_map(|r| path.strip_prefix(r).ok().filter(|p| !p.as_os_str().is_empty()))
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Files a folder is read for: `*.jsonl` and `*.txt`, also
/// gzip-compressed (`*.jsonl.gz`, `*.txt.gz`).
fn is_article_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".jsonl") || name.ends_with(".jsonl.gz") || is_text_file(p)
}

struct Walk {
    files: Vec<PathBuf>,
    /// Canonical paths of the folders and files met in folders.
    seen: HashSet<PathBuf>,
    all_read: bool,
}

impl Walk {
    /// Whether `p` is met for the first time (by its canonical path).
    fn first_time(&mut self, p: &Path) -> bool {
        match std::fs::canonicalize(p) {
            Ok(c) => self.seen.insert(c),
            Err(e) => {
                eprintln!("agrivn: cannot read {}: {e}", p.display());
                self.all_read = false;
                false
            }
        }
    }

    fn folder(&mut self, dir: &Path) {
        if !self.first_time(dir) {
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                eprintln!("agrivn: cannot read folder {}: {e}", dir.display());
                self.all_read = false;
                return;
            }
        };
        let mut paths = Vec::new();
        for entry in entries {
            match entry {
                Ok(e) => paths.push(e.path()),
                Err(e) => {
                    eprintln!("agrivn: cannot read an entry of folder {}: {e}", dir.display());
                    self.all_read = false;
                }
            }
        }
        paths.sort();
        for p in paths {
            if p.is_dir() {
                self.folder(&p);
            } else if is_article_file(&p) && self.first_time(&p) {
                self.files.push(p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_to_a_parent_folder_is_not_walked_again() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("d");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("a.jsonl"), "{}\n").unwrap();
        std::fs::write(sub.join("b.txt"), "x").unwrap();
        std::fs::write(sub.join("notes.md"), "x").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("..", sub.join("up")).unwrap();
            std::os::unix::fs::symlink("a.jsonl", sub.join("same.jsonl")).unwrap();
        }
        let (files, all_read) = article_files(&[dir.path().to_path_buf()]);
        assert!(all_read);
        assert_eq!(files, [sub.join("a.jsonl"), sub.join("b.txt")]);
    }

    #[test]
    fn no_path_is_stdin_and_a_file_is_itself() {
        assert_eq!(article_files(&[]).0, [PathBuf::from("-")]);
        let given = [PathBuf::from("missing.jsonl")];
        assert_eq!(article_files(&given), (given.to_vec(), true));
    }
}
