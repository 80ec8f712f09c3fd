//! Warm workers that a tagger or a segmenter lends to its callers.
//!
//! A worker keeps what it learned from the texts it read (syllables
//! interned, dictionary and phrase ids looked up), so a fresh one is slow:
//! tagging the articles of `news.jsonl` one call each took 2.4 times as
//! long with a worker made per call, segmenting them sentence by sentence
//! 4.4 times. [`Tagger::tag`](crate::tag::Tagger::tag),
//! [`Segmenter::segment`](crate::segment::Segmenter::segment),
//! [`Segmenter::with_worker`](crate::segment::Segmenter::with_worker) and
//! the pieces of a parallel batch borrow a worker from their owner's pool and
//! give it back when done: a program that handles one text at a time gets
//! warm workers, and a batch makes about one worker per thread however
//! finely it is split. The pool holds workers, never its owner, so dropping
//! the owner frees them.

use std::fmt;
use std::sync::{Mutex, PoisonError};

/// Most idle workers a pool keeps; more are dropped when given back (a
/// burst of concurrent callers does not leave its workers behind).
const MOST_IDLE: usize = 64;

/// A worker whose buffers have room for more entries than this (the tokens
/// of about a megabyte of text; a news article has a few thousand) is
/// dropped when given back, or its buffers would hold that memory for good.
pub(crate) const KEEP_ENTRIES: usize = 1 << 18;

/// What lends workers: makes fresh ones and keeps the idle ones.
pub(crate) trait Lender {
    type Worker;
    /// A fresh worker.
    fn fresh(&self) -> Self::Worker;
    /// The idle workers, shared by the lender's clones.
    fn idle(&self) -> &Idle<Self::Worker>;
    /// Entries the largest buffer of `worker` has room for (see
    /// [`KEEP_ENTRIES`]).
    fn held(worker: &Self::Worker) -> usize;

    /// A worker from the pool, given back when the loan is dropped. A
    /// caller that borrows while all are busy (another thread, or a piece
    /// of a batch run inside another) gets a new one, never a shared one.
    fn lend(&self) -> Lent<'_, Self>
    where
        Self: Sized,
    {
        let worker = self.idle().take().unwrap_or_else(|| self.fresh());
        Lent {
            lender: self,
            worker: Some(worker),
        }
    }
}

/// Workers not in use.
pub(crate) struct Idle<W> {
    workers: Mutex<Vec<W>>,
}

impl<W> Default for Idle<W> {
    fn default() -> Self {
        Idle {
            workers: Mutex::new(Vec::new()),
        }
    }
}

impl<W> Idle<W> {
    fn take(&self) -> Option<W> {
        self.workers.lock().unwrap_or_else(PoisonError::into_inner).pop()
    }

    fn put(&self, worker: W) {
        let mut workers = self.workers.lock().unwrap_or_else(PoisonError::into_inner);
        if workers.len() < MOST_IDLE {
            workers.push(worker);
        }
    }

    /// How many workers are idle.
    pub(crate) fn len(&self) -> usize {
        self.workers.lock().unwrap_or_else(PoisonError::into_inner).len()
    }
}

impl<W> fmt::Debug for Idle<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Idle").field("workers", &self.len()).finish()
    }
}

/// A worker borrowed from a [`Lender`]'s pool.
pub(crate) struct Lent<'a, L: Lender> {
    lender: &'a L,
    worker: Option<L::Worker>,
}

impl<L: Lender> Lent<'_, L> {
    pub(crate) fn worker(&mut self) -> &mut L::Worker {
        self.worker.get_or_insert_with(|| self.lender.fresh())
    }
}

impl<L: Lender> Drop for Lent<'_, L> {
    fn drop(&mut self) {
        if let Some(worker) = self.worker.take()
            && L::held(&worker) <= KEEP_ENTRIES
        {
            self.lender.idle().put(worker);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    /// Lends numbered workers.
    #[derive(Default)]
    struct Numbers {
        made: AtomicUsize,
        idle: Idle<usize>,
    }

    impl Lender for Numbers {
        type Worker = usize;
        fn fresh(&self) -> usize {
            self.made.fetch_add(1, Ordering::Relaxed)
        }
        fn idle(&self) -> &Idle<usize> {
            &self.idle
        }
        /// Worker 7 has read a huge text.
        fn held(worker: &usize) -> usize {
            if *worker == 7 { KEEP_ENTRIES + 1 } else { 0 }
        }
    }

    #[test]
    fn a_returned_worker_is_lent_again_and_a_busy_one_is_not() {
        let lender = Numbers::default();
        let mut first = lender.lend();
        let mut second = lender.lend();
        assert_eq!((*first.worker(), *second.worker()), (0, 1));
        drop(first);
        assert_eq!(*lender.lend().worker(), 0);
        drop(second);
        assert_eq!(lender.idle.len(), 2);
        assert_eq!(lender.made.load(Ordering::Relaxed), 2);
    }

    #[test]
    fn the_pool_keeps_a_bounded_number_of_idle_workers() {
        let lender = Numbers::default();
        let many: Vec<_> = (0..MOST_IDLE + 5).map(|_| lender.lend()).collect();
        drop(many);
        assert_eq!(lender.idle.len(), MOST_IDLE);
    }

    #[test]
    fn a_worker_that_is_not_reusable_is_dropped() {
        let lender = Numbers::default();
        let many: Vec<_> = (0..10).map(|_| lender.lend()).collect();
        drop(many);
        assert_eq!(lender.idle.len(), 9);
        let mut lent: Vec<_> = (0..9).map(|_| lender.lend()).collect();
        let mut numbers: Vec<usize> = lent.iter_mut().map(|l| *l.worker()).collect();
        numbers.sort_unstable();
        assert_eq!(numbers, [0, 1, 2, 3, 4, 5, 6, 8, 9]);
    }
}
