//! Word-segmentation accuracy on the UD Vietnamese corpora in ../shared:
//! the figures a user of the segmenter relies on, and their robustness to
//! decomposed Unicode and lower-case input.

#![cfg(feature = "embedded-data")]

mod common;

use agrivn::segment::Segmenter;
use unicode_normalization::UnicodeNormalization;

/// F1 of word spans over a gold file, the input transformed by `f`.
fn f1(rel: &str, f: impl Fn(&str) -> String) -> Option<f64> {
    let path = common::shared(rel)?;
    let gold = std::fs::read_to_string(path).expect("gold file is readable");
    let mut w = Segmenter::new().worker();
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
    assert!(f >= 0.965, "F1 {f:.4} below 0.965");
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
    assert!(cased - lower <= 0.01, "lower case loses {:.4}", cased - lower);
}

#[test]
fn tuecl_test_segments_every_syllable() {
    let Some(f) = f1("corpora/ud-tuecl/test.gold", str::to_string) else {
        return;
    };
    eprintln!("ud-tuecl test F1 {f:.4}");
    assert!(f >= 0.88, "F1 {f:.4}");
}
