//! A run of words (the syllables between two punctuation marks) matched
//! against the taxonomy's phrases: the longest phrase at each syllable,
//! the context phrases met on the way, masks, and, in text written without
//! diacritics, the phrases its neighbours settle.

use super::Field;
use super::tagger::Inner;
use super::worker::{Hit, Place, TagWorker};
use crate::segment::Span;

impl TagWorker {
    /// Matches the run of syllables the worker holds (`syls`), in the
    /// window `place`: records its hits and the context phrases it holds.
    pub(super) fn match_run(&mut self, inner: &Inner, place: &Place<'_, '_>) {
        let folded = place.folded;
        let matcher = &inner.matcher;
        let n = self.syls.len();
        self.run_matches.clear();
        self.run_doubtful.clear();
        if folded {
            self.readings.start(n);
        }
        let mut i = 0;
        while i < n {
            let syls = &self.syls;
            let mut best: Option<(usize, usize)> = None;
            // The longest phrase here that text without diacritics may
            // not hold (see `settle_by_neighbours`).
            let mut doubtful: Option<(usize, usize)> = None;
            let found_contexts = &mut self.found_contexts;
            found_contexts.clear();
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
                    if group.context_id.is_some() {
                        found_contexts.push((g, ambiguous));
                    }
                    if group.entries.is_empty() && !group.mask {
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
                    let slot = if ambiguous && !group.mask {
                        &mut doubtful
                    } else {
                        &mut best
                    };
                    if slot.is_none_or(|(l, _)| len >= l) {
                        *slot = Some((len, g));
                    }
                },
            );
            // Words a mask hides ("heo" in "heo quay") are no context.
            if !best.is_some_and(|(_, g)| matcher.groups[g].mask) {
                let sentence = self.syls[i].sentence;
                for &(g, ambiguous) in &self.found_contexts {
                    // Nor is a word the phrase matched here spells otherwise:
                    // "gia" of "gia cam" (gia cầm) is no "giá".
                    if ambiguous && best.is_some_and(|(_, b)| !matcher.begins_with(b, g)) {
                        continue;
                    }
                    let Some(c) = matcher.groups[g].context_id else {
                        continue;
                    };
                    if ambiguous {
                        self.uncertain_contexts.push((sentence, c));
                    } else {
                        self.context_seen[c as usize] = true;
                        self.sentence_contexts.push((sentence, c));
                    }
                }
            }
            match best {
                Some((len, g)) => {
                    if !matcher.groups[g].mask {
                        self.push_hit(inner, place, (i, i + len, g));
                    }
                    self.run_matches.push((i, i + len, g));
                    i += len;
                }
                None => {
                    if let Some((len, g)) = doubtful {
                        self.run_doubtful.push((i, i + len, g));
                    }
                    i += 1;
                }
            }
        }
        if !self.run_doubtful.is_empty() {
            self.settle_by_neighbours(inner, place);
        }
    }

    /// Records a match of group `g` over syllables `from..to` of the run.
    fn push_hit(&mut self, inner: &Inner, place: &Place<'_, '_>, (from, to, g): (usize, usize, usize)) {
        let opts = &inner.options;
        let start = self.syls[from].start as usize;
        let end = self.syls[to - 1].end as usize;
        let factor = match place.field {
            Field::Title if place.long_title => opts.lead_weight,
            Field::Title => opts.title_weight,
            Field::Text if start < place.lead_end => opts.lead_weight,
            // Past the first window, where the offset of the caller's text
            // stands for the normalized one.
            Field::Text if place.offset + start >= opts.tail_start => opts.tail_weight,
            Field::Text => 1.0,
        };
        let (s, e) = place.norm.map.span_to_original(start, end);
        self.hits.push(Hit {
            group: g,
            field: place.field,
            span: Span {
                start: place.offset + s,
                end: place.offset + e,
            },
            factor,
            sentence: self.syls[from].sentence,
        });
    }

    /// Text without diacritics: a phrase whose spelling has other readings
    /// ("trong" for "trồng") is read as the phrase when it stands right
    /// next to a phrase of the same topic that has none ("trong ca phe":
    /// "trồng cà phê"), and overlaps no phrase or mask matched.
    fn settle_by_neighbours(&mut self, inner: &Inner, place: &Place<'_, '_>) {
        let matcher = &inner.matcher;
        let mut settled_to = 0;
        for k in 0..self.run_doubtful.len() {
            let (from, to, g) = self.run_doubtful[k];
            let overlaps = |&(s, e, _): &(usize, usize, usize)| s < to && from < e;
            let beside = |&(s, e, h): &(usize, usize, usize)| {
                (e == from || s == to) && !matcher.groups[h].mask && matcher.share_topic(g, h)
            };
            if from < settled_to
                || self.run_matches.iter().any(overlaps)
                || !self.run_matches.iter().any(beside)
            {
                continue;
            }
            // Unless the words around read it as another word ("quan trong"
            // is "quan trọng": its "trong" is not "trồng").
            let syls = &self.syls;
            let key = |k: usize| syls[k].key;
            if self
                .readings
                .reads_otherwise(matcher.folding(), &self.scratch.syllables, key, g, from)
            {
                continue;
            }
            settled_to = to;
            if let Some(c) = matcher.groups[g].context_id {
                self.context_seen[c as usize] = true;
                self.sentence_contexts.push((self.syls[from].sentence, c));
            }
            self.push_hit(inner, place, (from, to, g));
        }
    }
}
