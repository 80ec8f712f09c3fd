//! A tagger's worker: reads an article's title and text through the
//! normalizer and the segmenter, a window of at most 256 KiB at a time
//! and sentence by sentence, and records every phrase of the taxonomy it
//! matches, with its sentence and position factor. Each run of words is
//! matched in `run.rs`; what the matches add up to is `score.rs`.

use std::sync::Arc;

use super::folding::RunReadings;
use super::matcher::syllable_parts;
use super::tagger::Inner;
use super::{Field, Tags};
use crate::dict::SyllableIds;
use crate::normalize::{Normalized, Normalizer, without_dropped_end};
use crate::segment::window::{Windows, floor_char};
use crate::segment::{Scratch, Span, Token, TokenKind, segment_normalized, syl_flag};

#[derive(Debug, Clone, Copy)]
pub(super) struct Syl {
    /// Syllable key id (folded when the article is matched folded).
    pub(super) key: u32,
    pub(super) start: u32,
    pub(super) end: u32,
    /// Syllable range of the name token this syllable is in, if any.
    pub(super) name: Option<(u32, u32)>,
    pub(super) capitalized: bool,
    pub(super) sentence_start: bool,
    pub(super) sentence: u32,
}

/// One match of a phrase group (the taxonomy's entries with the same words).
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub(super) group: usize,
    pub(super) field: Field,
    /// Where it is in the caller's title or text.
    pub(super) span: Span,
    /// Weight of its position: headline and lead count more than the tail.
    pub(super) factor: f32,
    pub(super) sentence: u32,
}

/// The window of a field being scanned, and what a match's position
/// factor and span depend on.
pub(super) struct Place<'n, 'a> {
    pub(super) field: Field,
    /// The window, normalized.
    pub(super) norm: &'n Normalized<'a>,
    /// Where the window starts in the caller's title or text.
    pub(super) offset: usize,
    /// How many of its first bytes end the window before.
    context: usize,
    /// End of the lead in `norm`; 0 past the first window.
    pub(super) lead_end: usize,
    /// A title too long to be a headline.
    pub(super) long_title: bool,
    /// Whether phrases match folded (text without diacritics).
    pub(super) folded: bool,
}

/// What scanning a field found out about its text.
struct Scanned {
    /// Bytes of its normalized text.
    bytes: usize,
    /// Whether normalization left it as it was.
    identity: bool,
}

impl Scanned {
    fn add(&mut self, norm: &Normalized<'_>) {
        self.bytes += norm.text.len();
        self.identity &= norm.map.is_identity();
    }
}

/// A tagger with its own scratch buffers.
#[derive(Debug)]
pub struct TagWorker {
    pub(super) inner: Arc<Inner>,
    pub(super) scratch: Scratch,
    tokens: Vec<Token>,
    pub(super) syls: Vec<Syl>,
    /// Syllable keys mapped to the accented and the folded phrase tries.
    pub(super) phrase_ids: SyllableIds,
    pub(super) folded_phrase_ids: SyllableIds,
    /// The readings of the run being matched, when it is written without
    /// diacritics.
    pub(super) readings: RunReadings,
    /// Every match of the article, in reading order.
    pub(super) hits: Vec<Hit>,
    /// Which context phrases the article holds, by context id.
    pub(super) context_seen: Vec<bool>,
    /// (sentence, context id) of every context phrase met.
    pub(super) sentence_contexts: Vec<(u32, u32)>,
    /// Scratch: phrases and masks matched in the run of words being
    /// scanned, and the phrases that text without diacritics may not hold,
    /// as (first syllable, end syllable, group).
    pub(super) run_matches: Vec<(usize, usize, usize)>,
    pub(super) run_doubtful: Vec<(usize, usize, usize)>,
    /// Scratch: the groups of the context phrases found at one syllable,
    /// and whether their folded spelling has other readings.
    pub(super) found_contexts: Vec<(usize, bool)>,
    /// (sentence, context id) of every context phrase that text without
    /// diacritics may hold (its folded spelling has other readings).
    pub(super) uncertain_contexts: Vec<(u32, u32)>,
    /// Scratch: matches of each phrase group counted so far (the k-th
    /// match of a phrase weighs 1/k).
    pub(super) counts: Vec<u32>,
    sentence: u32,
    /// Hash and syllable count of the sentence being scanned.
    sentence_key: (u64, u32),
    /// Hash and syllable count of every sentence scanned, by sentence id.
    sentence_keys: Vec<(u64, u32)>,
    /// Sentences that repeat an earlier one word for word (a caption a
    /// web page prints twice): their matches count once.
    pub(super) repeated: Vec<bool>,
    /// Scratch: ids of the sentences sorted by their key.
    sentence_order: Vec<u32>,
    /// Scratch: (topic, sentence, weight, position factor) of every match
    /// that is evidence of a topic.
    pub(super) topical: Vec<(usize, u32, f32, f32)>,
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
    pub(super) fn new(inner: Arc<Inner>) -> TagWorker {
        let n_contexts = inner.matcher.n_contexts;
        let n_groups = inner.matcher.groups.len();
        TagWorker {
            inner,
            scratch: Scratch::default(),
            tokens: Vec::new(),
            syls: Vec::new(),
            phrase_ids: SyllableIds::default(),
            folded_phrase_ids: SyllableIds::default(),
            readings: RunReadings::default(),
            hits: Vec::new(),
            context_seen: vec![false; n_contexts],
            sentence_contexts: Vec::new(),
            uncertain_contexts: Vec::new(),
            found_contexts: Vec::new(),
            run_matches: Vec::new(),
            run_doubtful: Vec::new(),
            counts: vec![0; n_groups],
            sentence: 0,
            sentence_key: (FNV_OFFSET, 0),
            sentence_keys: Vec::new(),
            repeated: Vec::new(),
            sentence_order: Vec::new(),
            topical: Vec::new(),
        }
    }

    /// Entries its largest buffer has room for: a worker that read a huge
    /// article holds that much memory until it is dropped.
    pub(super) fn buffer_len(&self) -> usize {
        self.tokens.capacity().max(self.hits.capacity())
    }

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
        let mut title_windows = Windows::new(title);
        let mut text_windows = Windows::new(text);
        let title_first = first_window(&inner.normalizer, &mut title_windows, title);
        let text_first = first_window(&inner.normalizer, &mut text_windows, text);
        // Judged after normalizing (HTML references or mojibake the
        // normalizer decodes are letters with diacritics), on the first
        // window of each field: a feed may strip the title's marks and
        // keep the text's.
        let judge = |n: &Option<Normalized<'_>>| n.as_ref().and_then(|n| lacks_diacritics(&n.text));
        let (title_folded, text_folded) = match (judge(&title_first), judge(&text_first)) {
            (Some(a), Some(b)) => (a, b),
            (Some(a), None) => (a, a),
            (None, Some(b)) => (b, b),
            (None, None) => (false, false),
        };
        let title_scan = self.scan(
            &inner,
            Field::Title,
            title,
            title_first,
            title_windows,
            title_folded,
        );
        let title_hits = self.hits.len();
        let text_scan = self.scan(&inner, Field::Text, text, text_first, text_windows, text_folded);
        // A phrase before spaces normalization dropped ends where it ends
        // in the caller's text.
        let all_hits = self.hits.len();
        for (hits, given, scanned) in [
            (0..title_hits, title, &title_scan),
            (title_hits..all_hits, text, &text_scan),
        ] {
            if !scanned.identity {
                for h in &mut self.hits[hits] {
                    h.span.end = without_dropped_end(given, h.span.start, h.span.end);
                }
            }
        }
        self.find_repeated();
        self.score(text_scan.bytes)
    }

    /// Scans a field window by window (a window is at most 256 KiB, so the
    /// normalized copy, its tokens and the segmenter's scratch stay bounded
    /// however long the article), given its first window normalized.
    fn scan(
        &mut self,
        inner: &Inner,
        field: Field,
        given: &str,
        first: Option<Normalized<'_>>,
        mut windows: Windows<'_>,
        folded: bool,
    ) -> Scanned {
        let mut scanned = Scanned {
            bytes: 0,
            identity: true,
        };
        if let Some(first) = first {
            let long_title = first.text.len() > inner.options.headline_max_bytes;
            let mut sentence_start = true;
            scanned.add(&first);
            let place = Place {
                field,
                norm: &first,
                offset: 0,
                context: 0,
                lead_end: lead_end(&first.text),
                long_title,
                folded,
            };
            self.scan_window(inner, &place, &mut sentence_start);
            while let Some((start, end, context)) = windows.next_window() {
                let norm = inner.normalizer.normalize_with_offsets(&given[start..end]);
                scanned.add(&norm);
                let place = Place {
                    field,
                    norm: &norm,
                    offset: start,
                    context,
                    lead_end: 0,
                    long_title,
                    folded,
                };
                self.scan_window(inner, &place, &mut sentence_start);
            }
        }
        self.end_sentence();
        scanned
    }

    /// Scans one window: segments it, keys its syllables and matches each
    /// run of words. A run is matched at the latest where its window ends,
    /// as the next window's segmentation may key syllables anew.
    fn scan_window(&mut self, inner: &Inner, place: &Place<'_, '_>, sentence_start: &mut bool) {
        let text: &str = &place.norm.text;
        self.tokens.clear();
        segment_normalized(text, &inner.segmenter, &mut self.scratch, &mut self.tokens);
        self.syls.clear();
        // Segmentation started this text's generation of syllable ids.
        let generation = self.scratch.syllables.generation();
        self.phrase_ids.sync(generation);
        self.folded_phrase_ids.sync(generation);
        self.readings.sync(generation);
        // The syllables the segmenter keyed, in text order.
        let mut keyed = 0;
        let tokens = std::mem::take(&mut self.tokens);
        // The window's first bytes end the window before (its full stop),
        // which was read there.
        let mut in_context = place.context > 0;
        for t in &tokens {
            if in_context {
                if place.norm.map.span_to_original(t.span.start, t.span.end).0 < place.context {
                    continue;
                }
                in_context = false;
            }
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
                self.match_run(inner, place);
                self.syls.clear();
                if t.kind == TokenKind::Punct {
                    let p = &text[t.span];
                    if matches!(p, "." | "!" | "?" | ":" | "…" | "..." | "\"" | "“" | "”") {
                        *sentence_start = true;
                    }
                    if matches!(p, "." | "!" | "?" | "…" | "...") {
                        self.end_sentence();
                    }
                }
                continue;
            }
            let first = self.syls.len() as u32;
            let mut pos = t.span.start;
            for word in text[t.span].split(' ') {
                let word_start = pos;
                pos += word.len() + 1;
                if word.is_empty() {
                    continue;
                }
                if !word.contains(['-', '_']) {
                    let span = (word_start, word_start + word.len());
                    self.push_syllable(word, span, true, &mut keyed, place.folded, *sentence_start);
                    *sentence_start = false;
                    continue;
                }
                // The segmenter keyed a hyphenated word ("cao-su", or
                // "nông_dân" from another segmenter) whole; its parts are
                // keyed here.
                for (a, b) in syllable_parts(word) {
                    let span = (word_start + a, word_start + b);
                    self.push_syllable(
                        &word[a..b],
                        span,
                        false,
                        &mut keyed,
                        place.folded,
                        *sentence_start,
                    );
                    *sentence_start = false;
                }
            }
            let last = self.syls.len() as u32;
            if t.kind == TokenKind::Name {
                for s in &mut self.syls[first as usize..] {
                    s.name = Some((first, last));
                }
            }
        }
        self.tokens = tokens;
        self.match_run(inner, place);
        self.syls.clear();
    }

    /// Appends the syllable `syl` at `span` of the text being scanned:
    /// keyed by the segmenter (`known[*keyed]` onwards, in text order) if
    /// `segmented`, else keyed now.
    #[inline]
    fn push_syllable(
        &mut self,
        syl: &str,
        (start, end): (usize, usize),
        segmented: bool,
        keyed: &mut usize,
        folded: bool,
        sentence_start: bool,
    ) {
        let known = &self.scratch.text_syls;
        while *keyed < known.len() && known[*keyed].0 < start {
            *keyed += 1;
        }
        let y = match known.get(*keyed) {
            Some(&(s, y)) if s == start && segmented => y,
            // Not keyed by the segmenter (a magnitude word after a number,
            // a unit, a part of a hyphenated word): key it now.
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
        // The key's content hash, not its id: the syllable table may start
        // a new generation between title and text.
        let (h, n) = &mut self.sentence_key;
        *h = (*h ^ self.scratch.syllables.hash(y.key)).wrapping_mul(FNV_PRIME);
        *n += 1;
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
}

/// The first window of `given`, normalized.
fn first_window<'a>(
    normalizer: &Normalizer,
    windows: &mut Windows<'a>,
    given: &'a str,
) -> Option<Normalized<'a>> {
    windows
        .next_window()
        .map(|(start, end, _)| normalizer.normalize_with_offsets(&given[start..end]))
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

#[cfg(all(test, feature = "embedded-data"))]
mod tests {
    use super::*;
    use crate::tag::Tagger;

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
    fn an_article_longer_than_a_window_keeps_its_evidence_in_the_callers_text() {
        use unicode_normalization::UnicodeNormalization;
        // Three windows of a city's weather, then a cooperative's rice
        // contract written decomposed (NFD), so that normalization shifts
        // every offset.
        let city = "Trời nắng nhẹ, buổi chiều có mây, nhiệt độ cao nhất 30 độ. ";
        let n = 3 * crate::segment::window::WINDOW_BYTES / city.len();
        let farm = "Hợp tác xã Nông nghiệp Tân Phú vừa ký hợp đồng bao tiêu 200 ha lúa với doanh nghiệp. \
                    Thành viên hợp tác xã được cung ứng giống lúa và phân bón. \
                    Hợp tác xã thu mua lúa tươi của nông dân cao hơn giá thị trường.";
        let text = format!("{}{}", city.repeat(n), farm.nfd().collect::<String>());
        let tags = Tagger::new().tag("Tin tổng hợp", &text);
        assert!(tags.agri, "{tags:?}");
        let cooperatives = tags
            .topics
            .iter()
            .find(|t| t.id == "cooperatives")
            .expect("cooperatives");
        let normalizer = crate::normalize::Normalizer::new();
        for e in &cooperatives.evidence {
            assert!(
                e.span.start >= n * city.len(),
                "{e:?} {:?} {}",
                &text[e.span],
                n * city.len()
            );
            assert_eq!(
                normalizer.normalize(&text[e.span]).to_lowercase(),
                e.phrase.to_lowercase(),
                "{e:?}"
            );
        }
    }
}
