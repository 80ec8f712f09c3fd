//! The files `agrivn tag` reads for the paths it is given: a file as it is,
//! a folder walked for article files in name order.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The files to read for `paths` (stdin, `-`, when there are none), and
/// whether every folder could be read. A folder or entry that cannot be
/// read is reported on stderr and the walk goes on. A folder reached again
/// through a symbolic link (a link to a parent would loop) is walked once,
/// and a file reached twice (named twice, or named and in a folder named)
/// is read once.
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
        } else if p.as_os_str() == "-" {
            walk.files.push(p.clone());
        } else {
            // A file named again, or within a folder named too, is read
            // once; one that cannot be found is left for the reader to
            // report.
            let again = std::fs::canonicalize(p).is_ok_and(|c| !walk.seen.insert(c));
            if again {
                eprintln!("agrivn: {} is read once, where it was met first", p.display());
            } else {
                walk.files.push(p.clone());
            }
        }
    }
    (walk.files, walk.all_read)
}

/// Whether `p` is read as a text file (one article) rather than JSON Lines:
/// `*.txt`, or `*.txt.gz`.
pub fn is_text_file(p: &Path) -> bool {
    let name = file_name(p);
    name.ends_with(b".txt") || name.ends_with(b".txt.gz")
}

/// The bytes of a path's file name, which need not be UTF-8.
fn file_name(p: &Path) -> &[u8] {
    p.file_name().map_or(&[], |n| n.as_encoded_bytes())
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
    let name = file_name(p);
    name.ends_with(b".jsonl") || name.ends_with(b".jsonl.gz") || is_text_file(p)
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
    #[cfg(unix)]
    fn a_file_is_read_once_and_its_name_need_not_be_utf8() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join(OsStr::from_bytes(b"b\xff.jsonl"));
        let text = dir.path().join(OsStr::from_bytes(b"c\xe9.txt"));
        let a = dir.path().join("a.jsonl");
        for p in [&odd, &text, &a] {
            std::fs::write(p, "{}\n").unwrap();
        }
        assert!(is_text_file(&text));
        let (files, _) = article_files(&[dir.path().to_path_buf(), a.clone(), a.clone()]);
        assert_eq!(files, [a, odd, text]);
    }

    #[test]
    fn no_path_is_stdin_and_a_file_is_itself() {
        assert_eq!(article_files(&[]).0, [PathBuf::from("-")]);
        let given = [PathBuf::from("missing.jsonl")];
        assert_eq!(article_files(&given), (given.to_vec(), true));
    }
}
