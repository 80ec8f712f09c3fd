//! Training the segmenter's learned weights ([`SegmentModel`]) on
//! word-segmented text, with an averaged structured perceptron: decode each
//! sentence with the current weights, and where the best path differs from
//! the gold words, add the gold path's features and subtract the predicted
//! path's. Every sentence is also seen in lower case, so that the weights
//! learn what capitals no longer show.

use super::lattice::{PathWord, Scratch, best_path, key_run, name_at, run_end};
use super::model::{Candidate, SegmentModel, features};
use super::pretokenize::{Piece, pretokenize};
use super::syllables::flag;
use super::{Segmenter, TokenKind};
use crate::dict::{NONE, ROOT};
use crate::{Error, ErrorKind, Result};

/// Options of [`train`].
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the sentences.
    pub epochs: usize,
    /// Size of one perceptron update.
    pub rate: f32,
    /// Also train on a lower-cased copy of every sentence.
    pub lowercase_copies: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 5,
            rate: 0.1,
            lowercase_copies: true,
        }
    }
}

/// What a training run saw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrainReport {
    /// Runs of syllables trained on (per epoch).
    pub runs: usize,
    /// Runs left out because a gold word is not a candidate of the lattice.
    pub unreachable: usize,
    /// Runs whose best path was wrong, per epoch.
    pub mistakes: Vec<usize>,
}

/// Train weights for `segmenter`'s dictionary on gold sentences: one
/// sentence a line, words separated by spaces, syllables of a word joined by
/// `_` (the format of word-segmented corpora).
///
/// ```
/// use agrivn::dict::Dictionary;
/// use agrivn::segment::{Segmenter, TrainOptions, train};
///
/// // A dictionary that does not know "tôm hùm" (lobster).
/// let dict = Dictionary::from_words(["hợp tác xã"]).unwrap();
/// let plain = Segmenter::with_model(dict.clone(), None);
/// let gold = ["Hợp_tác_xã nuôi tôm_hùm", "giá tôm_hùm tăng"];
/// let (model, report) = train(&plain, &gold, &TrainOptions::default()).unwrap();
/// assert_eq!(report.unreachable, 0);
///
/// let text = "Giá tôm hùm giảm";
/// let words = |seg: &Segmenter| -> Vec<String> {
///     seg.segment(text).iter().map(|t| text[t.span].to_string()).collect()
/// };
/// assert!(!words(&plain).contains(&"tôm hùm".to_string()));
/// let trained = Segmenter::with_model(dict, Some(model));
/// assert!(words(&trained).contains(&"tôm hùm".to_string()));
/// ```
///
/// # Errors
/// [`ErrorKind::InvalidOption`](crate::ErrorKind::InvalidOption) when the
/// rate is not a positive number, there are no epochs, or the weights grow
/// past what an `f32` holds (a rate far too large): such weights could not
/// be read back.
pub fn train(
    segmenter: &Segmenter,
    gold: &[&str],
    opts: &TrainOptions,
) -> Result<(SegmentModel, TrainReport)> {
    let invalid = |message: String| Err(Error::new(ErrorKind::InvalidOption, message));
    if !(opts.rate.is_finite() && opts.rate > 0.0) {
        return invalid(format!("training rate {}: expected a positive number", opts.rate));
    }
    if opts.epochs == 0 {
        return invalid("training needs at least one epoch".to_string());
    }
    let (examples, unreachable) = examples(segmenter, gold, opts.lowercase_copies);
    let size = SegmentModel::table_size();
    let mut model = SegmentModel::zero();
    // Averaging: total[i] accumulates step × update, so that the average
    // of the weights over all steps is w - total / steps.
    let mut total = vec![0.0f64; size];
    let mut step = 1.0f64;
    let mut report = TrainReport {
        runs: examples.len(),
        unreachable,
        ..TrainReport::default()
    };
    let dict = segmenter.dictionary();
    let mut s = Scratch::default();
    let mut pieces = Vec::new();
    for _ in 0..opts.epochs {
        let mut mistakes = 0;
        for ex in &examples {
            s.begin();
            pretokenize(&ex.text, &mut pieces);
            let run = &pieces[ex.run.0..ex.run.1];
            key_run(&ex.text, run, dict, &mut s);
            best_path(run, dict, Some(&model), &mut s);
            if !same_segmentation(&s.path, &ex.gold) {
                mistakes += 1;
                let hashes = s.hashes.clone();
                let mut update = |words: &[PathWord], sign: f32| {
                    for w in words {
                        features(&hashes, w.a, w.b, w.kind, |i| {
                            model.add(i, sign * opts.rate);
                            total[i] += step * f64::from(sign * opts.rate);
                        });
                    }
                };
                let predicted = s.path.clone();
                update(&ex.gold, 1.0);
                update(&predicted, -1.0);
                model.refresh();
            }
            step += 1.0;
        }
        report.mistakes.push(mistakes);
    }
    let averaged: Vec<f32> = (0..size)
        .map(|i| {
            let w = f64::from(model.weight(i)) - total[i] / step;
            if w.abs() < 1e-4 { 0.0 } else { w as f32 }
        })
        .collect();
    if averaged.iter().any(|w| !w.is_finite()) {
        return invalid(format!(
            "training rate {}: the weights grew past what they can hold",
            opts.rate
        ));
    }
    Ok((SegmentModel::from_weights(averaged), report))
}

fn same_segmentation(a: &[PathWord], b: &[PathWord]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.a == y.a && x.b == y.b && x.kind == y.kind)
}

/// One run of syllables of a gold sentence and its gold path.
struct Example {
    text: String,
    /// The run's pieces in the pre-tokenized text.
    run: (usize, usize),
    gold: Vec<PathWord>,
}

/// The runs of the gold sentences that can be learned from, and how many
/// could not.
fn examples(segmenter: &Segmenter, gold: &[&str], lowercase: bool) -> (Vec<Example>, usize) {
    let dict = segmenter.dictionary();
    let trie = dict.trie();
    let normalizer = crate::Normalizer::new();
    let mut out = Vec::new();
    let mut unreachable = 0;
    let mut s = Scratch::default();
    let mut pieces: Vec<Piece> = Vec::new();
    for line in gold {
        let variants: &[bool] = if lowercase { &[false, true] } else { &[false] };
        for &lower in variants {
            let mut text = String::new();
            let mut bounds = Vec::new();
            for (i, w) in line.split_whitespace().enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                let start = text.len();
                let w = w.replace('_', " ");
                text.push_str(&if lower { w.to_lowercase() } else { w });
                bounds.push((start, text.len()));
            }
            if normalizer.normalize(&text) != text.as_str() {
                continue;
            }
            s.begin();
            pretokenize(&text, &mut pieces);
            let mut i = 0;
            while i < pieces.len() {
                if pieces[i].kind != TokenKind::Word {
                    i += 1;
                    continue;
                }
                let j = run_end(&pieces, i);
                let run = &pieces[i..j];
                key_run(&text, run, dict, &mut s);
                match gold_path(run, &bounds, &s, trie) {
                    Some(gold) => out.push(Example {
                        text: text.clone(),
                        run: (i, j),
                        gold,
                    }),
                    None => unreachable += 1,
                }
                i = j;
            }
        }
    }
    (out, unreachable)
}

/// The gold words of a run as a lattice path, or `None` when a gold word
/// crosses the run's edge or is no candidate of the lattice.
fn gold_path(
    run: &[Piece],
    bounds: &[(usize, usize)],
    s: &Scratch,
    trie: &crate::dict::SyllableTrie,
) -> Option<Vec<PathWord>> {
    let first = bounds.iter().position(|&(st, _)| st == run[0].start)?;
    let any_capital = s.syls.iter().any(|y| y.is(flag::UPPER));
    let mut path = Vec::new();
    let mut a = 0;
    for &(start, end) in &bounds[first..] {
        if a == run.len() {
            break;
        }
        if run[a].start != start {
            return None;
        }
        let b = a + run[a..].iter().position(|p| p.end == end)? + 1;
        // The word's dictionary id, walking the trie.
        let mut node = ROOT;
        for k in a..b {
            node = trie.child(node, s.trie_syls[k]);
            if node == NONE {
                break;
            }
        }
        let id = if node == NONE { None } else { trie.value(node) };
        let kind = match (b - a, id) {
            (1, Some(_)) => Candidate::KnownSyllable,
            (1, None) => Candidate::UnknownSyllable,
            (_, Some(_)) => Candidate::DictWord,
            (n, None) => match name_at(&s.syls, run, a, any_capital, true) {
                Some((end, kind)) if end == b => kind,
                _ if n == 2 => Candidate::UnknownPair,
                _ => return None,
            },
        };
        path.push(PathWord {
            a,
            b,
            id: id.map_or(0, |i| u64::from(i) + 1),
            kind,
        });
        a = b;
    }
    (a == run.len()).then_some(path)
}
