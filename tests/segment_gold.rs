//! Word-segmentation accuracy on the UD Vietnamese corpora in ../shared:
//! the figures a user of the segmenter relies on, and their robustness to
//! decomposed Unicode and lower-case input.

#![cfg(feature = "embedded-data")]

mod common;

use agrivn::dict::Dictionary;
use agrivn::segment::{SegmentModel, Segmenter, TrainOptions, train};
use unicode_normalization::UnicodeNormalization;

/// F1 of word spans over a gold file, the input transformed by `f`.
fn f1(rel: &str, f: impl Fn(&str) -> String) -> Option<f64> {
    f1_with(&Segmenter::new(), rel, f)
}

/// The same with `seg`.
fn f1_with(seg: &Segmenter, rel: &str, f: impl Fn(&str) -> String) -> Option<f64> {
    let path = common::shared(rel)?;
    let gold = std::fs::read_to_string(path).expect("gold file is readable");
    let mut w = seg.worker();
    let (mut tp, mut n_sys, mut n_gold) = (0usize, 0usize, 0usize);
    let mut out = String::new();
    for line in gold.lines() {
        let raw = f(&line.replace('_', " "));
        out.clear();
        w.segment_to_line(&raw, &mut out);
        let (gs, g) = common::spans(line);
        let (ss, s) = common::spans(&out);
        assert_eq!(gs, ss, "segmentation must keep every syllable: {line}");
        tp += g.intersection(&s).count();
        n_gold += g.len();
        n_sys += s.len();
    }
    let p = tp as f64 / n_sys as f64;
    let r = tp as f64 / n_gold as f64;
    Some(2.0 * p * r / (p + r))
}

#[test]
fn vtb_test_f1_reaches_target() {
    let Some(f) = f1("corpora/ud-vtb/test.gold", str::to_string) else {
        return;
    };
    eprintln!("ud-vtb test F1 {f:.4}");
    assert!(f >= 0.978, "F1 {f:.4} below the measured 0.9789");
}

#[test]
fn nfd_input_scores_like_nfc() {
    let Some(nfc) = f1("corpora/ud-vtb/test.gold", str::to_string) else {
        return;
    };
    let nfd = f1("corpora/ud-vtb/test.gold", |s| s.nfd().collect()).expect("same file");
    assert_eq!(nfc, nfd);
}

#[test]
fn lower_case_input_loses_little() {
    let Some(cased) = f1("corpora/ud-vtb/test.gold", str::to_string) else {
        return;
    };
    let lower = f1("corpora/ud-vtb/test.gold", str::to_lowercase).expect("same file");
    eprintln!("ud-vtb test F1 {cased:.4}, lower case {lower:.4}");
    assert!(cased - lower <= 0.003, "lower case loses {:.4}", cased - lower);
}

#[test]
fn tuecl_test_segments_every_syllable() {
    let Some(f) = f1("corpora/ud-tuecl/test.gold", str::to_string) else {
        return;
    };
    eprintln!("ud-tuecl test F1 {f:.4}");
    assert!(f >= 0.905, "F1 {f:.4}");
}

#[test]
fn learned_weights_beat_dictionary_scores_alone() {
    let alone = Segmenter::with_model(Dictionary::embedded(), None);
    let Some(without) = f1_with(&alone, "corpora/ud-vtb/test.gold", str::to_string) else {
        return;
    };
    let with = f1("corpora/ud-vtb/test.gold", str::to_string).expect("same file");
    let lower_without = f1_with(&alone, "corpora/ud-vtb/test.gold", str::to_lowercase).expect("same file");
    let lower_with = f1("corpora/ud-vtb/test.gold", str::to_lowercase).expect("same file");
    eprintln!(
        "F1 without weights {without:.4} (lower {lower_without:.4}), with {with:.4} (lower {lower_with:.4})"
    );
    assert!(with > without + 0.002, "weights add {:.4}", with - without);
    assert!(lower_with > lower_without + 0.002);
}

#[test]
fn embedded_weights_are_what_training_on_vtb_gives() {
    let (Some(train_path), Some(dev_path)) = (
        common::shared("corpora/ud-vtb/train.gold"),
        common::shared("corpora/ud-vtb/dev.gold"),
    ) else {
        return;
    };
    let text =
        std::fs::read_to_string(train_path).unwrap() + "\n" + &std::fs::read_to_string(dev_path).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let seg = Segmenter::with_model(Dictionary::embedded(), None);
    let (model, report) = train(&seg, &lines, &TrainOptions::default()).unwrap();
    assert!(report.mistakes.last() < report.mistakes.first(), "{report:?}");
    assert!(
        model.to_bytes() == include_bytes!("../data/model/segment.bin"),
        "data/model/segment.bin is stale: regenerate it with the command in data/model/README.md"
    );
    let embedded = SegmentModel::embedded();
    assert_eq!(embedded.to_bytes(), model.to_bytes());
}
