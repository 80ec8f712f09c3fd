//! The tagger: the shared model (taxonomy, phrase matcher, segmenter,
//! normalizer, options) and the pool of warm workers that tag with it.
//! A worker scans an article (`worker.rs`), matching each run of words
//! (`run.rs`), and scores what it matched (`score.rs`).

use std::sync::Arc;

use super::Tags;
use super::matcher::Matcher;
use super::taxonomy::Taxonomy;
use super::worker::TagWorker;
use crate::normalize::Normalizer;
use crate::pool::{Idle, Lender};
use crate::segment::Segmenter;

/// Thresholds and weights of the tagger.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TagOptions {
    /// Agricultural relevance threshold; the taxonomy's when `None`.
    pub agri_threshold: Option<f32>,
    /// A text of at most this many bytes (a headline and a one-sentence
    /// lead, as news digests publish) is short: its headline and lead are
    /// all the evidence it can show.
    pub short_text_bytes: usize,
    /// A short text's article needs this fraction of the relevance threshold.
    pub short_agri_factor: f32,
    /// Score a topic needs, unless the taxonomy sets one for it.
    pub topic_threshold: f32,
    /// A topic also needs this fraction of the best topic's score.
    pub relative_threshold: f32,
    /// Weight of a match in the title.
    pub title_weight: f32,
    /// Longest title, in bytes, that weighs as a headline. Some archives
    /// put the lead sentence in the title field (40 words and more); its
    /// matches weigh as the lead's.
    pub headline_max_bytes: usize,
    /// Weight of a match in the lead (the first sentence of the text).
    pub lead_weight: f32,
    /// Weight of a match in the tail of a long text (after `tail_start` bytes).
    pub tail_weight: f32,
    /// Where the tail of a text starts, in bytes.
    pub tail_start: usize,
    /// Most evidence items kept per topic.
    pub max_evidence: usize,
    /// Most weight one sentence adds to a topic.
    pub sentence_cap: f32,
    /// Topics whose `agri_weight` is below this are not agricultural by
    /// nature (storms, incomes, policy): together they add to the
    /// relevance at most as much as the agricultural phrases and the other
    /// topics found.
    pub supporting_below: f32,
}

impl Default for TagOptions {
    fn default() -> Self {
        TagOptions {
            agri_threshold: None,
            short_text_bytes: 500,
            short_agri_factor: 0.7,
            topic_threshold: 5.0,
            relative_threshold: 0.1,
            title_weight: 3.0,
            headline_max_bytes: 250,
            lead_weight: 2.0,
            tail_weight: 0.5,
            tail_start: 3000,
            max_evidence: 5,
            sentence_cap: 3.0,
            supporting_below: 0.5,
        }
    }
}

/// Tags articles. Cheap to clone (an `Arc` inside), `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Tagger {
    inner: Arc<Inner>,
    /// Warm workers not in use, shared by the clones.
    idle: Arc<Idle<TagWorker>>,
}

/// What every worker of a tagger reads: immutable, shared.
#[derive(Debug, Clone)]
pub(super) struct Inner {
    pub(super) taxonomy: Taxonomy,
    pub(super) matcher: Arc<Matcher>,
    pub(super) segmenter: Segmenter,
    pub(super) normalizer: Normalizer,
    pub(super) options: TagOptions,
}

impl Tagger {
    /// A tagger with the embedded taxonomy and dictionary.
    #[cfg(feature = "embedded-data")]
    pub fn new() -> Tagger {
        Tagger::with_taxonomy(Taxonomy::embedded(), Segmenter::new(), TagOptions::default())
    }

    /// A tagger over `taxonomy`, segmenting with `segmenter`.
    pub fn with_taxonomy(taxonomy: Taxonomy, segmenter: Segmenter, options: TagOptions) -> Tagger {
        let matcher = Arc::new(Matcher::new(&taxonomy, segmenter.dictionary()));
        Tagger {
            inner: Arc::new(Inner {
                taxonomy,
                matcher,
                segmenter,
                normalizer: Normalizer::new(),
                options,
            }),
            idle: Arc::default(),
        }
    }

    /// The same tagger, reading titles and texts through `normalizer`:
    /// one that repairs mojibake or decodes HTML character references, for
    /// text scraped without care. Evidence spans still point into the
    /// caller's text. (The default normalizer only normalizes.)
    ///
    /// ```
    /// # #[cfg(feature = "embedded-data")] {
    /// use agrivn::normalize::Normalizer;
    /// use agrivn::tag::Tagger;
    ///
    /// let tagger = Tagger::new().with_normalizer(Normalizer::builder().repair(true).build());
    /// // UTF-8 read as Windows-1252 on its way here.
    /// let title = "GiÃ¡ lÃºa tÄƒng, thÆ°Æ¡ng lÃ¡i Ä‘á»• xÃ´ mua lÃºa";
    /// let text = "GiÃ¡ lÃºa hÃ´m nay tÄƒng 500 Ä‘á»“ng/kg. NÃ´ng dÃ¢n pháº¥n khá»Ÿi vÃ¬ Ä‘Æ°á»£c giÃ¡.";
    /// let tags = tagger.tag(title, text);
    /// assert!(tags.agri);
    /// let prices = tags.topics.iter().find(|t| t.id == "prices").expect("prices");
    /// let first = &prices.evidence[0];
    /// assert_eq!(&title[first.span.start..first.span.end], "GiÃ¡ lÃºa");
    /// # }
    /// ```
    pub fn with_normalizer(self, normalizer: Normalizer) -> Tagger {
        let mut inner = Arc::unwrap_or_clone(self.inner);
        inner.normalizer = normalizer;
        // A pool of its own: the workers of the other read text their way.
        Tagger {
            inner: Arc::new(inner),
            idle: Arc::default(),
        }
    }

    /// The taxonomy.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.inner.taxonomy
    }

    /// The options.
    pub fn options(&self) -> &TagOptions {
        &self.inner.options
    }

    /// A worker with its own scratch buffers (one per thread), for a caller
    /// that keeps it; [`tag`](Self::tag) borrows one from a pool instead.
    pub fn worker(&self) -> TagWorker {
        TagWorker::new(Arc::clone(&self.inner))
    }

    /// Tag an article given its title and text, with a warm worker
    /// borrowed from the tagger's pool (shared by its clones; a worker made
    /// for each call would tag news articles about half as fast).
    pub fn tag(&self, title: &str, text: &str) -> Tags {
        self.lend().worker().tag(title, text)
    }
}

impl Lender for Tagger {
    type Worker = TagWorker;

    fn fresh(&self) -> TagWorker {
        self.worker()
    }

    fn idle(&self) -> &Idle<TagWorker> {
        &self.idle
    }

    fn held(worker: &TagWorker) -> usize {
        worker.buffer_len()
    }
}

#[cfg(feature = "embedded-data")]
impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

#[cfg(all(test, feature = "embedded-data"))]
mod tests {
    use super::*;

    #[test]
    fn clones_share_warm_workers_and_another_normalizer_gets_its_own() {
        let tagger = Tagger::new();
        tagger.tag("Giá lúa tăng", "Thương lái thu mua lúa.");
        assert_eq!(tagger.idle().len(), 1);
        let clone = tagger.clone();
        clone.tag("Giá lúa tăng", "Thương lái thu mua lúa.");
        assert_eq!(tagger.idle().len(), 1);
        // Its workers read text through another normalizer.
        let repairing = clone.with_normalizer(Normalizer::builder().repair(true).build());
        assert_eq!(repairing.idle().len(), 0);
    }

    #[test]
    fn a_worker_that_read_a_huge_article_is_not_kept() {
        let tagger = Tagger::new();
        let huge = "Nông dân thu hoạch lúa. ".repeat(crate::pool::KEEP_ENTRIES / 2);
        assert!(tagger.tag("Lúa", &huge).agri);
        assert_eq!(tagger.idle().len(), 0);
        tagger.tag("Lúa", "Nông dân thu hoạch lúa.");
        assert_eq!(tagger.idle().len(), 1);
    }
}
