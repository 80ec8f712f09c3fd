//! Every phrase of the embedded taxonomy that, written without diacritics,
//! reads as other words in most of its occurrences in real news is declared
//! ambiguous in its `[folding]` section, and nothing else is declared there.
//!
//! The dictionary finds single words spelled alike without diacritics
//! ("trồng" and "trong"); a run of words it cannot see: "giã cào"
//! (trawling) folds to "gia cao", which news text means as "giá cao" (a
//! high price). This test reads ../shared/articles/news.jsonl with the
//! diacritics stripped, matches the taxonomy's phrases of two syllables or
//! more as the tagger does (longest first, never across punctuation), and
//! compares each match with the text as published.

#![cfg(feature = "embedded-data")]

mod common;

use std::collections::{HashMap, HashSet};

use agrivn::normalize::{push_key, strip_diacritics};
use agrivn::tag::Taxonomy;
use unicode_normalization::UnicodeNormalization;

/// A phrase must be declared when it reads as other words at least this
/// often, and this many times as often as it reads as itself.
const MIN_OTHER: usize = 3;
const RATIO: usize = 3;

/// The key of a word: lower case, classic tone place.
fn key(word: &str) -> String {
    let mut k = String::new();
    push_key(&word.nfc().collect::<String>(), &mut k);
    k
}

/// Every phrase text of the taxonomy: phrases, their word lists, masks.
fn phrases(tax: &Taxonomy) -> HashSet<String> {
    let mut all = HashSet::new();
    let topic_phrases = tax.topics.iter().flat_map(|t| &t.phrases);
    for p in tax.agri.phrases.iter().chain(topic_phrases) {
        all.insert(p.text.clone());
        let lists = [&p.context, &p.unless, &p.only_with, &p.not_with];
        all.extend(lists.into_iter().flatten().cloned());
    }
    all.extend(tax.mask.phrases.iter().cloned());
    all
}

fn keys_of(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(key).collect()
}

#[test]
fn phrases_that_fold_to_commoner_words_are_declared_ambiguous() {
    let Some(path) = common::shared("articles/news.jsonl") else {
        return;
    };
    let tax = Taxonomy::embedded();
    // Folded phrase (syllable keys) → its accented spellings.
    let mut by_fold: HashMap<Vec<String>, HashSet<Vec<String>>> = HashMap::new();
    for p in phrases(&tax) {
        let k = keys_of(&p);
        if k.len() >= 2 {
            let f = k.iter().map(|s| strip_diacritics(s).into_owned()).collect();
            by_fold.entry(f).or_default().insert(k);
        }
    }
    let prefixes: HashSet<&[String]> = by_fold
        .keys()
        .flat_map(|f| (1..=f.len()).map(move |n| &f[..n]))
        .collect();
    let longest = by_fold.keys().map(Vec::len).max().unwrap_or(0);
    // (same, other) readings of each folded phrase.
    let mut counts: HashMap<&Vec<String>, (usize, usize)> = HashMap::new();
    let text = std::fs::read_to_string(&path).expect("news.jsonl readable");
    for line in text.lines() {
        let a: serde_json::Value = serde_json::from_str(line).expect("an article");
        let field = |k: &str| a[k].as_str().unwrap_or("").to_string();
        for field in [field("title"), field("text")] {
            // Runs of words between punctuation, as the tagger matches.
            for run in field.split(|c: char| !(c.is_alphanumeric() || c.is_whitespace())) {
                let words: Vec<String> = run.split_whitespace().map(key).collect();
                let folded: Vec<String> = words.iter().map(|w| strip_diacritics(w).into_owned()).collect();
                let mut i = 0;
                while i < words.len() {
                    let mut best = None;
                    for n in 1..=longest.min(words.len() - i) {
                        let f = &folded[i..i + n];
                        if !prefixes.contains(f) {
                            break;
                        }
                        if let Some((f, _)) = by_fold.get_key_value(f) {
                            best = Some((n, f));
                        }
                    }
                    match best {
                        Some((n, f)) => {
                            let c = counts.entry(f).or_default();
                            if by_fold[f].contains(&words[i..i + n]) {
                                c.0 += 1;
                            } else {
                                c.1 += 1;
                            }
                            i += n;
                        }
                        None => i += 1,
                    }
                }
            }
        }
    }
    let declared: HashSet<Vec<String>> = tax
        .folding
        .ambiguous
        .iter()
        .map(|p| {
            keys_of(p)
                .iter()
                .map(|s| strip_diacritics(s).into_owned())
                .collect()
        })
        .collect();
    let mut missing: Vec<String> = counts
        .iter()
        .filter(|(f, (same, other))| *other >= MIN_OTHER && *other >= RATIO * same && !declared.contains(**f))
        .map(|(f, (same, other))| format!("{} (as itself {same}, as other words {other})", f.join(" ")))
        .collect();
    missing.sort();
    assert!(
        missing.is_empty(),
        "add to [folding] ambiguous in data/taxonomy.toml: {missing:?}"
    );
}

#[test]
fn a_declared_ambiguous_phrase_is_a_phrase_of_the_taxonomy() {
    let tax = Taxonomy::embedded();
    let known: HashSet<Vec<String>> = phrases(&tax).iter().map(|p| keys_of(p)).collect();
    for p in &tax.folding.ambiguous {
        assert!(
            known.contains(&keys_of(p)),
            "{p:?} is not a phrase of the taxonomy"
        );
    }
}
