//! The normalization conformance cases of ../shared/normalization: every
//! case must pass. Run `agrivn eval normalize --cases …` for the per-class
//! table.

mod common;

use agrivn::normalize::{Encoding, Normalizer, ToneStyle, fold, strip_diacritics};

#[test]
fn every_conformance_case_passes() {
    let Some(path) = common::shared("normalization/cases.jsonl") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("cases readable");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("case is JSON");
        let mut b = Normalizer::builder();
        if let Some(opts) = case["options"].as_object() {
            for (k, v) in opts {
                b = match k.as_str() {
                    "tone_style" => b.tone_style(v.as_str().unwrap().parse::<ToneStyle>().unwrap()),
                    "html" => b.html(v.as_bool().unwrap()),
                    "repair" => b.repair(v.as_bool().unwrap()),
                    "source_encoding" => b.source_encoding(v.as_str().unwrap().parse::<Encoding>().unwrap()),
                    other => panic!("unknown option {other}"),
                };
            }
        }
        let input = case["input"].as_str().unwrap();
        let got = match case["op"].as_str().unwrap() {
            "normalize" => b.build().normalize(input).into_owned(),
            "strip_diacritics" => strip_diacritics(input).into_owned(),
            "fold" => fold(input),
            op => panic!("unknown op {op}"),
        };
        n += 1;
        if got != case["expected"].as_str().unwrap() {
            failures.push(format!("{}: got {got:?}", case["id"]));
        }
    }
    assert!(n > 0);
    assert!(
        failures.is_empty(),
        "{} of {n} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
