//! The progress bar of `agrivn tag` on a terminal: bytes of input read
//! (compressed bytes for gzip), with a percentage and the time left when the
//! inputs are files of known size, and the articles tagged. What is said
//! on stderr while the bar shows ([`say`]) is printed above it.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use indicatif::{ProgressBar, ProgressStyle};

/// Records between two updates of the bar.
const EVERY: u64 = 256;

/// The bar on the terminal, while one is shown.
static SHOWN: Mutex<Option<ProgressBar>> = Mutex::new(None);

/// Say `line` on stderr: above the progress bar while one shows (written
/// directly, the bar would overwrite it when it is next drawn), directly
/// otherwise.
pub fn say(line: impl std::fmt::Display) {
    let shown = SHOWN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    match shown.as_ref() {
        Some(bar) => bar.println(line.to_string()),
        None => eprintln!("{line}"),
    }
}

pub struct Progress {
    bar: ProgressBar,
    /// Bytes of the inputs finished.
    done: u64,
    /// Bytes read of the input being read.
    current: Option<Arc<AtomicU64>>,
    records: u64,
}

impl Progress {
    /// A bar on stderr when `show`; `total` is the size of all inputs, when
    /// known (files, not stdin).
    pub fn new(show: bool, total: Option<u64>) -> Self {
        let bar = match (show, total) {
            (false, _) => ProgressBar::hidden(),
            (true, Some(total)) => ProgressBar::new(total).with_style(style(
                "{bar:30} {percent:>3}% {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
            )),
            (true, None) => ProgressBar::new_spinner()
                .with_style(style("{spinner} {bytes} {bytes_per_sec} {elapsed} {msg}")),
        };
        if !bar.is_hidden() {
            *SHOWN.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(bar.clone());
        }
        Progress {
            bar,
            done: 0,
            current: None,
            records: 0,
        }
    }

    /// An input starts; `consumed` counts the bytes read from it.
    pub fn start_input(&mut self, consumed: Arc<AtomicU64>) {
        self.current = Some(consumed);
    }

    /// The input started last is finished.
    pub fn end_input(&mut self) {
        if let Some(c) = self.current.take() {
            self.done += c.load(Ordering::Relaxed);
        }
        self.show();
    }

    /// A whole input of `bytes` (a text file) was read.
    pub fn add_bytes(&mut self, bytes: u64) {
        self.done += bytes;
    }

    /// One more record read.
    pub fn record(&mut self) {
        self.records += 1;
        if self.records % EVERY == 0 {
            self.show();
        }
    }

    pub fn finish(&self) {
        SHOWN
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        self.bar.finish_and_clear();
    }

    fn show(&self) {
        let current = self.current.as_ref().map_or(0, |c| c.load(Ordering::Relaxed));
        self.bar.set_position(self.done + current);
        self.bar.set_message(format!("{} articles", self.records));
    }
}

fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner())
}

/// The size of all `sources` when each is a file (`-` is stdin, of unknown
/// size).
pub fn total_size(sources: &[std::path::PathBuf]) -> Option<u64> {
    sources
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                None
            } else {
                std::fs::metadata(p).ok().filter(|m| m.is_file()).map(|m| m.len())
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_total_is_known_only_for_files() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.jsonl");
        let b = dir.path().join("b.txt");
        std::fs::write(&a, "12345").unwrap();
        std::fs::write(&b, "123").unwrap();
        assert_eq!(total_size(&[a.clone(), b.clone()]), Some(8));
        assert_eq!(total_size(&[a.clone(), "-".into()]), None);
        assert_eq!(total_size(&[a, dir.path().join("missing")]), None);
    }

    #[test]
    fn position_counts_finished_inputs_and_the_current_one() {
        let mut p = Progress::new(false, Some(100));
        let consumed = Arc::new(AtomicU64::new(0));
        p.start_input(Arc::clone(&consumed));
        consumed.store(40, Ordering::Relaxed);
        p.end_input();
        p.add_bytes(10);
        let next = Arc::new(AtomicU64::new(0));
        p.start_input(Arc::clone(&next));
        next.store(5, Ordering::Relaxed);
        for _ in 0..EVERY {
            p.record();
        }
        assert_eq!(p.bar.position(), 55);
        assert_eq!(p.bar.message(), format!("{EVERY} articles"));
    }
}
