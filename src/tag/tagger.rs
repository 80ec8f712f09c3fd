//! The tagger: matches the taxonomy's phrases in an article's title and text
//! and turns the matches into agricultural relevance and topic scores.

use std::sync::Arc;

use super::matcher::{Matcher, Owner};
use super::taxonomy::Taxonomy;
use super::{Evidence, Field, Tags, TopicTag};
use crate::dict::SyllableIds;
use crate::normalize::Normalizer;
use crate::pool::{Idle, Lender};
use crate::segment::{Scratch, Segmenter, Span, Token, TokenKind, segment_normalized, syl_flag};

/// Thresholds and weights of the tagger.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TagOptions {
    /// Agricultural relevance threshold; the taxonomy's when `None`.
    pub agri_threshold: Option<f32>,
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

#[derive(Debug, Clone)]
struct Inner {
    taxonomy: Taxonomy,
    matcher: Arc<Matcher>,
    segmenter: Segmenter,
    normalizer: Normalizer,
    options: TagOptions,
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
        TagWorker {
            inner: Arc::clone(&self.inner),
            scratch: Scratch::default(),
            tokens: Vec::new(),
            syls: Vec::new(),
            phrase_ids: SyllableIds::default(),
            folded_phrase_ids: SyllableIds::default(),
            hits: Vec::new(),
            context_seen: vec![false; self.inner.matcher.n_contexts],
            sentence_contexts: Vec::new(),
            uncertain_contexts: Vec::new(),
            counts: vec![0; self.inner.matcher.groups.len()],
            sentence: 0,
            sentence_key: (FNV_OFFSET, 0),
            sentence_keys: Vec::new(),
            repeated: Vec::new(),
            sentence_order: Vec::new(),
            topical: Vec::new(),
        }
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

    fn reusable(&self, worker: &TagWorker) -> bool {
        worker.tokens.capacity() <= KEEP_TOKENS && worker.hits.capacity() <= KEEP_TOKENS
    }
}

/// A worker that has read an article of more tokens, or found more matches
/// in one, than this (about a megabyte of text; news articles have a few
/// thousand tokens) is not kept idle.
const KEEP_TOKENS: usize = 1 << 18;

#[cfg(feature = "embedded-data")]
impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

#[derive(Debug, Clone, Copy)]
struct Syl {
    /// Syllable key id (folded when the article is matched folded).
    key: u32,
    start: u32,
    end: u32,
    /// Syllable range of the name token this syllable is in, if any.
    name: Option<(u32, u32)>,
    capitalized: bool,
    sentence_start: bool,
    sentence: u32,
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    group: usize,
    field: Field,
    span: Span,
    factor: f32,
    sentence: u32,
}

/// A tagger with its own scratch buffers.
#[derive(Debug)]
pub struct TagWorker {
    inner: Arc<Inner>,
    scratch: Scratch,
    tokens: Vec<Token>,
    syls: Vec<Syl>,
    /// Syllable keys mapped to the accented and the folded phrase tries.
    phrase_ids: SyllableIds,
    folded_phrase_ids: SyllableIds,
    hits: Vec<Hit>,
    context_seen: Vec<bool>,
    /// (sentence, context id) of every context phrase met.
    sentence_contexts: Vec<(u32, u32)>,
    /// (sentence, context id) of every context phrase that text without
    /// diacritics may hold (its folded spelling has other readings).
    uncertain_contexts: Vec<(u32, u32)>,
    counts: Vec<u32>,
    sentence: u32,
    /// Hash and syllable count of the sentence being scanned.
    sentence_key: (u64, u32),
    /// Hash and syllable count of every sentence scanned, by sentence id.
    sentence_keys: Vec<(u64, u32)>,
    /// Sentences that repeat an earlier one word for word (a caption a
    /// web page prints twice): their matches count once.
    repeated: Vec<bool>,
    /// Scratch: ids of the sentences sorted by their key.
    sentence_order: Vec<u32>,
    topical: Vec<(usize, u32, f32, f32)>,
}

/// Whether `text` is written without diacritics (then phrases match
/// folded); `None` when it has too few letters to tell.
fn lacks_diacritics(text: &str) -> Option<bool> {
    let mut letters = 0usize;
    let mut marked = 0usize;
    for c in text.chars().take(5000) {
        if c.is_ascii_alphabetic() {
            letters += 1;
        } else if matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF | 0x300..=0x36F) {
            // Latin letters with marks, and combining marks (NFD text).
            letters += 1;
            marked += 1;
        }
    }
    (letters >= 20).then_some((marked as f32) < 0.01 * letters as f32)
}

impl TagWorker {
    /// Tag an article given its title and text.
    pub fn tag(&mut self, title: &str, text: &str) -> Tags {
        self.hits.clear();
        self.sentence = 0;
        self.sentence_key = (FNV_OFFSET, 0);
        self.sentence_keys.clear();
        self.context_seen.iter_mut().for_each(|c| *c = false);
        self.sentence_contexts.clear();
        self.uncertain_contexts.clear();
        let inner = Arc::clone(&self.inner);
        let title = inner.normalizer.normalize_with_offsets(title);
        let text = inner.normalizer.normalize_with_offsets(text);
        // Judged after normalizing (HTML references or mojibake the
        // normalizer decodes are letters with diacritics), and for each
        // field: a feed may strip the title's marks and keep the text's.
        let (title_folded, text_folded) = match (lacks_diacritics(&title.text), lacks_diacritics(&text.text))
        {
            (Some(a), Some(b)) => (a, b),
            (Some(a), None) => (a, a),
            (None, Some(b)) => (b, b),
            (None, None) => (false, false),
        };
        self.scan(&inner, Field::Title, &title, title_folded);
        self.scan(&inner, Field::Text, &text, text_folded);
        self.find_repeated();
        self.score()
    }

    fn scan(&mut self, inner: &Inner, field: Field, norm: &crate::normalize::Normalized<'_>, folded: bool) {
        let text: &str = &norm.text;
        self.tokens.clear();
        segment_normalized(text, &inner.segmenter, &mut self.scratch, &mut self.tokens);
        let lead_end = lead_end(text);
        self.syls.clear();
        // Segmentation started this text's generation of syllable ids.
        let generation = self.scratch.syllables.generation();
        self.phrase_ids.sync(generation);
        self.folded_phrase_ids.sync(generation);
        // The syllables the segmenter keyed, in text order.
        let mut keyed = 0;
        let mut sentence_start = true;
        let tokens = std::mem::take(&mut self.tokens);
        for t in &tokens {
            let wordlike = matches!(
                t.kind,
                TokenKind::Word
                    | TokenKind::Name
                    | TokenKind::Abbreviation
                    | TokenKind::Unit
                    | TokenKind::Number
            );
            if !wordlike {
                // A dash between words ("sáng – xanh – sạch – đẹp") joins
                // them as the phrase written with spaces would.
                if t.kind == TokenKind::Punct && is_dash(&text[t.span]) && !self.syls.is_empty() {
                    continue;
                }
                self.match_run(inner, field, norm, folded, lead_end);
                self.syls.clear();
                if t.kind == TokenKind::Punct {
                    let p = &text[t.span];
                    if matches!(p, "." | "!" | "?" | ":" | "…" | "..." | "\"" | "“" | "”") {
                        sentence_start = true;
                    }
                    if matches!(p, "." | "!" | "?" | "…" | "...") {
                        self.end_sentence();
                    }
                }
                continue;
            }
            let first = self.syls.len() as u32;
            let mut pos = t.span.start;
            for syl in text[t.span].split(' ') {
                let start = pos;
                let end = pos + syl.len();
                pos = end + 1;
                if syl.is_empty() {
                    continue;
                }
                let known = &self.scratch.text_syls;
                while keyed < known.len() && known[keyed].0 < start {
                    keyed += 1;
                }
                let y = match known.get(keyed) {
                    Some(&(s, y)) if s == start => y,
                    // Not keyed by the segmenter (a magnitude word after
                    // a number, a unit): key it now.
                    _ => self.scratch.syllables.get(syl),
                };
                self.syls.push(Syl {
                    key: if folded {
                        self.scratch.syllables.folded(y.key)
                    } else {
                        y.key
                    },
                    start: start as u32,
                    end: end as u32,
                    name: None,
                    capitalized: y.is(syl_flag::CAPITALIZED),
                    sentence_start,
                    sentence: self.sentence,
                });
                sentence_start = false;
                // The key's content hash, not its id: the syllable table
                // may start a new generation between title and text.
                let (h, n) = &mut self.sentence_key;
                *h = (*h ^ self.scratch.syllables.hash(y.key)).wrapping_mul(FNV_PRIME);
                *n += 1;
            }
            let last = self.syls.len() as u32;
            if t.kind == TokenKind::Name {
                for s in &mut self.syls[first as usize..] {
                    s.name = Some((first, last));
                }
            }
        }
        self.tokens = tokens;
        self.match_run(inner, field, norm, folded, lead_end);
        self.syls.clear();
        self.end_sentence();
    }

    fn end_sentence(&mut self) {
        self.sentence_keys
            .push(std::mem::replace(&mut self.sentence_key, (FNV_OFFSET, 0)));
        self.sentence += 1;
    }

    /// Marks the sentences of some length that repeat an earlier one.
    fn find_repeated(&mut self) {
        const SHORTEST: u32 = 5;
        self.repeated.clear();
        self.repeated.resize(self.sentence_keys.len(), false);
        let order = &mut self.sentence_order;
        order.clear();
        order.extend(
            (0..self.sentence_keys.len() as u32).filter(|&i| self.sentence_keys[i as usize].1 >= SHORTEST),
        );
        order.sort_unstable_by_key(|&i| (self.sentence_keys[i as usize], i));
        for w in order.windows(2) {
            if self.sentence_keys[w[0] as usize] == self.sentence_keys[w[1] as usize] {
                self.repeated[w[1] as usize] = true;
            }
        }
    }

    fn match_run(
        &mut self,
        inner: &Inner,
        field: Field,
        norm: &crate::normalize::Normalized<'_>,
        folded: bool,
        lead_end: usize,
    ) {
        let opts = &inner.options;
        let matcher = &inner.matcher;
        let n = self.syls.len();
        let mut i = 0;
        while i < n {
            let syls = &self.syls;
            let mut best: Option<(usize, usize)> = None;
            let context_seen = &mut self.context_seen;
            let sentence_contexts = &mut self.sentence_contexts;
            let uncertain_contexts = &mut self.uncertain_contexts;
            let ids = if folded {
                &mut self.folded_phrase_ids
            } else {
                &mut self.phrase_ids
            };
            let syllables = &self.scratch.syllables;
            matcher.prefixes(
                ids,
                syllables,
                syls[i..].iter().map(|s| s.key),
                folded,
                |len, g, fold| {
                    let group = &matcher.groups[g];
                    // Spelled like other words without diacritics, unless
                    // its neighbours make a dictionary word of it.
                    let ambiguous = fold.is_some_and(|f| {
                        let syllable = |k: usize| syls.get(k).map(|s| syllables.key(s.key));
                        !matcher.settled(f, i.checked_sub(1).and_then(syllable), syllable(i + len))
                    });
                    if let Some(c) = group.context_id {
                        if ambiguous {
                            uncertain_contexts.push((syls[i].sentence, c));
                        } else {
                            context_seen[c as usize] = true;
                            sentence_contexts.push((syls[i].sentence, c));
                        }
                    }
                    if (group.entries.is_empty() || ambiguous) && !group.mask {
                        return;
                    }
                    let a = &syls[i];
                    let b = &syls[i + len - 1];
                    // Never cut through a proper name.
                    if a.name.is_some_and(|(s, _)| s as usize != i)
                        || b.name.is_some_and(|(_, e)| e as usize != i + len)
                    {
                        return;
                    }
                    // Inside a sentence, words that are all capitalized are a
                    // name (the surname Ngô, the district Tam Nông), unless
                    // the phrase is written so.
                    if !group.cased && !a.sentence_start && syls[i..i + len].iter().all(|y| y.capitalized) {
                        return;
                    }
                    if best.is_none_or(|(l, _)| len >= l) {
                        best = Some((len, g));
                    }
                },
            );
            match best {
                Some((len, g)) => {
                    let start = syls[i].start as usize;
                    let end = syls[i + len - 1].end as usize;
                    let factor = match field {
                        Field::Title if norm.text.len() > opts.headline_max_bytes => opts.lead_weight,
                        Field::Title => opts.title_weight,
                        Field::Text if start < lead_end => opts.lead_weight,
                        Field::Text if start >= opts.tail_start => opts.tail_weight,
                        Field::Text => 1.0,
                    };
                    let (s, e) = norm.map.span_to_original(start, end);
                    if !matcher.groups[g].mask {
                        self.hits.push(Hit {
                            group: g,
                            field,
                            span: Span { start: s, end: e },
                            factor,
                            sentence: syls[i].sentence,
                        });
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
    }

    fn score(&mut self) -> Tags {
        let inner = &self.inner;
        let opts = &inner.options;
        let matcher = &inner.matcher;
        let tax = &inner.taxonomy;
        let mut topic_scores = vec![0.0f32; tax.topics.len()];
        let mut topic_mass = vec![0.0f32; tax.topics.len()];
        let mut agri = 0.0f32;
        self.topical.clear();
        // Each topic's matches with their contribution; the phrase text is
        // copied only for the few kept as evidence of a topic given.
        let mut evidence: Vec<Vec<(f32, &str, Field, Span)>> = vec![Vec::new(); tax.topics.len()];
        self.counts.iter_mut().for_each(|c| *c = 0);
        self.sentence_contexts.sort_unstable();
        self.sentence_contexts.dedup();
        self.uncertain_contexts.sort_unstable();
        self.uncertain_contexts.dedup();
        let contexts = &self.sentence_contexts;
        let uncertain = &self.uncertain_contexts;
        let in_sentence = |sentence: u32, ids: &[u32]| {
            ids.iter()
                .any(|&c| contexts.binary_search(&(sentence, c)).is_ok())
        };
        let maybe_in_sentence = |sentence: u32, ids: &[u32]| {
            in_sentence(sentence, ids)
                || ids
                    .iter()
                    .any(|&c| uncertain.binary_search(&(sentence, c)).is_ok())
        };
        for h in &self.hits {
            if self.repeated[h.sentence as usize] {
                continue;
            }
            self.counts[h.group] += 1;
            let k = self.counts[h.group] as f32;
            for e in &matcher.groups[h.group].entries {
                if !e.context.is_empty() && !e.context.iter().any(|&c| self.context_seen[c as usize]) {
                    continue;
                }
                if maybe_in_sentence(h.sentence, &e.unless) {
                    continue;
                }
                let contribution = e.weight * h.factor / k;
                // What it adds to the relevance, directly or through its topic.
                let relevance = if e.relevance { contribution } else { 0.0 };
                match e.owner {
                    Owner::Agri => agri += relevance,
                    Owner::Topic(t) => {
                        topic_mass[t] += relevance;
                        // Outside the sentences it needs, or next to the
                        // words that rule it out, the phrase still shows
                        // the article is agricultural, but is not evidence
                        // of the topic.
                        if (!e.only_with.is_empty() && !in_sentence(h.sentence, &e.only_with))
                            || maybe_in_sentence(h.sentence, &e.not_with)
                        {
                            continue;
                        }
                        self.topical.push((t, h.sentence, e.weight, h.factor));
                        if contribution > 0.0 {
                            evidence[t].push((contribution, &e.text, h.field, h.span));
                        }
                    }
                }
            }
        }
        // Topics that are agricultural by nature (crops, fisheries…) add
        // to the relevance; topics that are not (storms, incomes, policy)
        // can at most double what the others found.
        let mut supporting = 0.0f32;
        for (t, topic) in tax.topics.iter().enumerate() {
            let c = topic.agri_weight * topic_mass[t].max(0.0);
            if topic.agri_weight >= opts.supporting_below {
                agri += c;
            } else {
                supporting += c;
            }
        }
        agri += supporting.min(agri.max(0.0));
        // A topic's score: each sentence (the title is one) adds the weight
        // of its matches up to a cap, times its position factor; so a topic
        // named in the headline or lead, or running through several
        // sentences, scores, and one passing mention does not.
        self.topical.sort_by_key(|a| (a.0, a.1));
        let mut k = 0;
        while k < self.topical.len() {
            let (t, sentence, _, factor) = self.topical[k];
            let mut sum = 0.0;
            while k < self.topical.len() && self.topical[k].0 == t && self.topical[k].1 == sentence {
                sum += self.topical[k].2;
                k += 1;
            }
            topic_scores[t] += sum.min(opts.sentence_cap) * factor;
        }
        let agri_threshold = opts.agri_threshold.unwrap_or(tax.agri.threshold);
        let is_agri = agri >= agri_threshold;
        let mut topics = Vec::new();
        if is_agri {
            let best = topic_scores.iter().cloned().fold(0.0f32, f32::max);
            for (t, topic) in tax.topics.iter().enumerate() {
                let s = topic_scores[t];
                let threshold = topic.threshold.unwrap_or(opts.topic_threshold);
                if s >= threshold && s >= opts.relative_threshold * best {
                    let mut ev = std::mem::take(&mut evidence[t]);
                    ev.sort_by(|a, b| b.0.total_cmp(&a.0));
                    ev.truncate(opts.max_evidence);
                    topics.push(TopicTag {
                        id: topic.id.clone(),
                        score: round2(s),
                        evidence: ev
                            .into_iter()
                            .map(|(_, phrase, field, span)| Evidence {
                                phrase: phrase.to_string(),
                                field,
                                span,
                            })
                            .collect(),
                    });
                }
            }
            topics.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        }
        Tags {
            agri: is_agri,
            agri_score: round2(agri),
            topics,
        }
    }
}

fn round2(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

/// FNV-1a, over the content hashes of a sentence's syllables.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x100_0000_01b3;

/// A dash standing between words.
fn is_dash(p: &str) -> bool {
    matches!(p, "-" | "‐" | "‑" | "‒" | "–" | "—" | "−")
}

/// End of the lead: the first sentence (at least 80 bytes, at most 400).
fn lead_end(text: &str) -> usize {
    let limit = floor_char(text, 400);
    let from = floor_char(text, 80.min(limit));
    text[from..limit]
        .find(". ")
        .or_else(|| text[from..limit].find('\n'))
        .map_or(limit, |k| from + k + 1)
}

fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(all(test, feature = "embedded-data"))]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_key_depends_on_its_words_not_on_what_was_tagged_before() {
        let text = "Nông dân thu hoạch lúa hè thu trên cánh đồng lớn.";
        let keys = |worker: &mut TagWorker| {
            worker.tag("", text);
            worker.sentence_keys.clone()
        };
        let tagger = Tagger::new();
        let fresh = keys(&mut tagger.worker());
        // Another article first: the same words get other syllable ids.
        let mut used = tagger.worker();
        used.tag(
            "Giá cà phê hôm nay",
            "Thương lái thu mua cà phê nhân xô ở Tây Nguyên.",
        );
        assert_eq!(keys(&mut used), fresh);
    }

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
        let huge = "Nông dân thu hoạch lúa. ".repeat(KEEP_TOKENS / 2);
        assert!(tagger.tag("Lúa", &huge).agri);
        assert_eq!(tagger.idle().len(), 0);
        tagger.tag("Lúa", "Nông dân thu hoạch lúa.");
        assert_eq!(tagger.idle().len(), 1);
    }
}
