//! Scoring: a worker's matches become the article's agricultural relevance
//! and topic scores, and the evidence kept for each topic given.

use super::matcher::Owner;
use super::worker::TagWorker;
use super::{Evidence, Field, Tags, TopicTag};
use crate::segment::Span;

impl TagWorker {
    /// Relevance and topics from the matches of the article just scanned,
    /// whose normalized text is `text_bytes` long.
    pub(super) fn score(&mut self, text_bytes: usize) -> Tags {
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
        let mut agri_threshold = opts.agri_threshold.unwrap_or(tax.agri.threshold);
        // A headline and a one-sentence lead cannot run through several
        // sentences as a full article does; they decide on less.
        if text_bytes <= opts.short_text_bytes {
            agri_threshold *= opts.short_agri_factor;
        }
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
