//! Warm workers a tagger lends to its callers.
//!
//! A worker keeps what it learned from the articles it tagged (syllables
//! interned, dictionary and phrase ids looked up), so a fresh one tags its
//! first articles about twice as slowly as a warm one. [`Tagger::tag`] and
//! the pieces of a parallel batch borrow a worker from the tagger's pool
//! and give it back when done: a program that tags one article at a time
//! gets warm workers, and a batch makes about one worker per thread however
//! finely it is split. The pool holds workers, never the tagger, so
//! dropping the tagger frees them.

use std::fmt;
use std::sync::{Mutex, PoisonError};

use super::{TagWorker, Tagger};

/// Most idle workers a pool keeps; more are dropped when given back (a
/// burst of concurrent callers does not leave its workers behind).
const MOST_IDLE: usize = 64;

/// Workers not in use, shared by a tagger and its clones.
#[derive(Default)]
pub(super) struct Idle {
    workers: Mutex<Vec<TagWorker>>,
}

impl Idle {
    fn take(&self) -> Option<TagWorker> {
        self.workers.lock().unwrap_or_else(PoisonError::into_inner).pop()
    }

    fn put(&self, worker: TagWorker) {
        let mut workers = self.workers.lock().unwrap_or_else(PoisonError::into_inner);
        if workers.len() < MOST_IDLE {
            workers.push(worker);
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.workers.lock().unwrap_or_else(PoisonError::into_inner).len()
    }
}

impl fmt::Debug for Idle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let idle = self.workers.lock().map_or(0, |w| w.len());
        f.debug_struct("Idle").field("workers", &idle).finish()
    }
}

/// A worker borrowed from a tagger's pool, given back when dropped. A
/// caller that borrows while all are busy (another thread, or a piece of a
/// batch run inside another) gets a new one, never a shared one.
pub(crate) struct Lent<'t> {
    tagger: &'t Tagger,
    worker: Option<TagWorker>,
}

impl<'t> Lent<'t> {
    pub(super) fn from(tagger: &'t Tagger, idle: &Idle) -> Self {
        Lent {
            tagger,
            worker: Some(idle.take().unwrap_or_else(|| tagger.worker())),
        }
    }

    pub(crate) fn worker(&mut self) -> &mut TagWorker {
        self.worker.get_or_insert_with(|| self.tagger.worker())
    }
}

impl Drop for Lent<'_> {
    fn drop(&mut self) {
        if let Some(worker) = self.worker.take() {
            self.tagger.idle().put(worker);
        }
    }
}

#[cfg(all(test, feature = "embedded-data"))]
mod tests {
    use super::*;

    #[test]
    fn a_returned_worker_is_lent_again_and_a_busy_one_is_not() {
        let tagger = Tagger::new();
        let mut first = tagger.lend();
        first.worker().tag("Giá lúa tăng", "Thương lái thu mua lúa.");
        let second = tagger.lend();
        assert_eq!(tagger.idle().len(), 0);
        drop(first);
        drop(second);
        assert_eq!(tagger.idle().len(), 2);
        let _again = tagger.lend();
        assert_eq!(tagger.idle().len(), 1);
        // A clone shares the pool; a tagger with another normalizer does not
        // (its workers read text another way).
        assert_eq!(tagger.clone().idle().len(), 1);
        let other = tagger
            .clone()
            .with_normalizer(crate::normalize::Normalizer::new());
        assert_eq!(other.idle().len(), 0);
    }

    #[test]
    fn the_pool_keeps_a_bounded_number_of_idle_workers() {
        let tagger = Tagger::new();
        let many: Vec<_> = (0..MOST_IDLE + 5).map(|_| tagger.lend()).collect();
        drop(many);
        assert_eq!(tagger.idle().len(), MOST_IDLE);
    }
}
