//! The `[folding]` section of the embedded taxonomy agrees with real news.
//!
//! Every phrase that, written without diacritics, reads as other words in
//! most of its occurrences is declared `ambiguous`, and nothing else is
//! declared there. The dictionary finds single words spelled alike without
//! diacritics ("trồng" and "trong"); a run of words it cannot see: "giã
//! cào" (trawling) folds to "gia cao", which news text means as "giá cao"
//! (a high price).
//!
//! Every phrase declared `plain` (counted as written, although the
//! dictionary spells other words alike: "ngư dân" and "ngu đần") reads as
//! itself in nearly all of its occurrences.
//!
//! The tests read ../shared/articles/news.jsonl with the diacritics
//! stripped, match the phrases as the tagger does (longest first, never
//! across punctuation), and compare each match with the text as published.

#![cfg(feature = "embedded-data")]

mod common;

use std::collections::{HashMap, HashSet};

use agrivn::normalize::{push_key, strip_diacritics};
use agrivn::tag::Taxonomy;
use unicode_normalization::UnicodeNormalization;

/// A phrase must be declared ambiguous when it reads as other words at
/// least this often, and this many times as often as it reads as itself.
const MIN_OTHER: usize = 3;
const RATIO: usize = 3;
/// A phrase declared plain reads as itself at least this often, and this
/// many times as often as it reads as other words.
const PLAIN_MIN_SAME: usize = 8;
const PLAIN_RATIO: usize = 20;

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

/// The folded spelling (syllable keys) of each phrase, with its accented
/// spellings.
type ByFold = HashMap<Vec<String>, HashSet<Vec<String>>>;

fn by_fold<'a>(phrases: impl IntoIterator<Item = &'a String>, min_syllables: usize) -> ByFold {
    let mut by_fold = ByFold::new();
    for p in phrases {
        let k = keys_of(p);
        if k.len() >= min_syllables {
            let f = k.iter().map(|s| strip_diacritics(s).into_owned()).collect();
            by_fold.entry(f).or_default().insert(k);
        }
    }
    by_fold
}

/// How often each folded phrase of `by_fold` occurs in the news text
/// `news` (JSON Lines) as one of its own spellings and as other words.
/// Occurrences that the news itself wrote without diacritics tell nothing
/// and are not counted (unless the phrase has none either).
fn readings<'a>(news: &str, by_fold: &'a ByFold) -> HashMap<&'a Vec<String>, (usize, usize)> {
    let prefixes: HashSet<&[String]> = by_fold
        .keys()
        .flat_map(|f| (1..=f.len()).map(move |n| &f[..n]))
        .collect();
    let longest = by_fold.keys().map(Vec::len).max().unwrap_or(0);
    let mut counts: HashMap<&Vec<String>, (usize, usize)> = HashMap::new();
    for line in news.lines() {
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
                    let Some((n, f)) = best else {
                        i += 1;
                        continue;
                    };
                    let c = counts.entry(f).or_default();
                    if by_fold[f].contains(&words[i..i + n]) {
                        c.0 += 1;
                    } else if words[i..i + n] != folded[i..i + n] {
                        c.1 += 1;
                    }
                    i += n;
                }
            }
        }
    }
    counts
}

/// The folded spellings of `phrases`.
fn folded_set(phrases: &[String]) -> HashSet<Vec<String>> {
    phrases
        .iter()
        .map(|p| {
            keys_of(p)
                .iter()
                .map(|s| strip_diacritics(s).into_owned())
                .collect()
        })
        .collect()
}

/// The news text the declarations are checked against, or `None` (with a
/// message) when ../shared is missing.
fn news() -> Option<String> {
    let path = common::shared("articles/news.jsonl")?;
    Some(std::fs::read_to_string(&path).expect("news.jsonl readable"))
}

/// A folded phrase and how it reads, for a failure message.
fn describe(f: &[String], (same, other): (usize, usize)) -> String {
    format!("{} (as itself {same}, as other words {other})", f.join(" "))
}

#[test]
fn phrases_that_fold_to_commoner_words_are_declared_ambiguous() {
    let Some(news) = news() else {
        return;
    };
    let tax = Taxonomy::embedded();
    let by_fold = by_fold(&phrases(&tax), 2);
    let declared = folded_set(&tax.folding.ambiguous);
    let mut missing: Vec<String> = readings(&news, &by_fold)
        .iter()
        .filter(|(f, (same, other))| *other >= MIN_OTHER && *other >= RATIO * same && !declared.contains(**f))
        .map(|(f, &counts)| describe(f, counts))
        .collect();
    missing.sort();
    assert!(
        missing.is_empty(),
        "add to [folding] ambiguous in data/taxonomy.toml: {missing:?}"
    );
}

#[test]
fn phrases_declared_plain_read_as_themselves_in_news() {
    let Some(news) = news() else {
        return;
    };
    let tax = Taxonomy::embedded();
    let by_fold = by_fold(&tax.folding.plain, 1);
    let counts = readings(&news, &by_fold);
    let mut wrong: Vec<String> = by_fold
        .keys()
        .filter_map(|f| {
            let (same, other) = counts.get(f).copied().unwrap_or_default();
            (same < PLAIN_MIN_SAME || same < PLAIN_RATIO * other).then(|| describe(f, (same, other)))
        })
        .collect();
    wrong.sort();
    assert!(
        wrong.is_empty(),
        "remove from [folding] plain in data/taxonomy.toml: {wrong:?}"
    );
}

#[test]
fn a_declared_phrase_is_a_phrase_of_the_taxonomy_declared_once() {
    let tax = Taxonomy::embedded();
    let known: HashSet<Vec<String>> = phrases(&tax).iter().map(|p| keys_of(p)).collect();
    for p in tax.folding.ambiguous.iter().chain(&tax.folding.plain) {
        assert!(
            known.contains(&keys_of(p)),
            "{p:?} is not a phrase of the taxonomy"
        );
    }
    let ambiguous = folded_set(&tax.folding.ambiguous);
    let plain = folded_set(&tax.folding.plain);
    let both: Vec<_> = plain.intersection(&ambiguous).collect();
    assert!(both.is_empty(), "declared both ambiguous and plain: {both:?}");
}
