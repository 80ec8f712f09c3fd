//! Workers lent to the pieces of one parallel batch.
//!
//! A worker keeps what it learned from the articles it tagged (syllables
//! interned, dictionary and phrase ids looked up), so a fresh one tags its
//! first articles about twice as slowly as a warm one. Rayon splits a batch
//! into many more pieces than it has threads, and more still when the work
//! is uneven; a worker made for each piece (`map_init`) spent most of its
//! life warming up, and a batch split coarsely enough to avoid that left one
//! thread alone with the last long articles. Pieces borrow a worker from a
//! pool and give it back when done, so a batch makes about one worker per
//! thread and can still be split finely.

use std::sync::{Mutex, PoisonError};

use crate::tag::{TagWorker, Tagger};

/// Workers not in use, for the pieces of one batch.
pub(crate) struct WorkerPool<'t> {
    tagger: &'t Tagger,
    idle: Mutex<Vec<TagWorker>>,
}

impl<'t> WorkerPool<'t> {
    pub(crate) fn new(tagger: &'t Tagger) -> Self {
        WorkerPool {
            tagger,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// An idle worker, or a new one when all are busy (a piece running
    /// inside another on the same thread gets its own, never a shared one).
    pub(crate) fn lend(&self) -> Lent<'_, 't> {
        let worker = self.idle.lock().unwrap_or_else(PoisonError::into_inner).pop();
        Lent {
            pool: self,
            worker: Some(worker.unwrap_or_else(|| self.tagger.worker())),
        }
    }
}

/// A worker borrowed from a [`WorkerPool`], returned to it when dropped.
pub(crate) struct Lent<'p, 't> {
    pool: &'p WorkerPool<'t>,
    worker: Option<TagWorker>,
}

impl Lent<'_, '_> {
    pub(crate) fn worker(&mut self) -> &mut TagWorker {
        self.worker.get_or_insert_with(|| self.pool.tagger.worker())
    }
}

impl Drop for Lent<'_, '_> {
    fn drop(&mut self) {
        if let Some(w) = self.worker.take() {
            self.pool
                .idle
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(w);
        }
    }
}

#[cfg(all(test, feature = "embedded-data"))]
mod tests {
    use super::*;

    #[test]
    fn a_returned_worker_is_lent_again_and_a_busy_one_is_not() {
        let tagger = Tagger::new();
        let pool = WorkerPool::new(&tagger);
        let mut first = pool.lend();
        first.worker().tag("Giá lúa tăng", "Thương lái thu mua lúa.");
        let second = pool.lend();
        assert_eq!(pool.idle.lock().unwrap().len(), 0);
        drop(first);
        drop(second);
        assert_eq!(pool.idle.lock().unwrap().len(), 2);
        let _again = pool.lend();
        assert_eq!(pool.idle.lock().unwrap().len(), 1);
    }
}
