//! `agrivn eval normalize`: the normalization conformance cases.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use agrivn::normalize::{Encoding, Normalizer, ToneStyle, fold, strip_diacritics};
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use serde_json::Value;

use crate::input;

#[derive(Deserialize)]
struct Case {
    id: String,
    class: String,
    op: String,
    #[serde(default)]
    options: HashMap<String, Value>,
    input: String,
    expected: String,
}

pub fn run(path: &Path) -> Result<i32> {
    let text = input::read_to_string(path)?;
    let mut per_class: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: Case =
            serde_json::from_str(line).with_context(|| format!("{}:{}", path.display(), i + 1))?;
        let place = || format!("{}:{}", path.display(), i + 1);
        let mut b = Normalizer::builder();
        for (k, v) in &case.options {
            match (k.as_str(), v) {
                ("tone_style", Value::String(s)) => {
                    b = b.tone_style(s.parse::<ToneStyle>().with_context(place)?)
                }
                ("html", Value::Bool(x)) => b = b.html(*x),
                ("repair", Value::Bool(x)) => b = b.repair(*x),
                ("source_encoding", Value::String(s)) => {
                    b = b.source_encoding(s.parse::<Encoding>().with_context(place)?)
                }
                _ => bail!("{}:{}: unknown option {k}", path.display(), i + 1),
            }
        }
        let got = match case.op.as_str() {
            "normalize" => b.build().normalize(&case.input).into_owned(),
            "strip_diacritics" => strip_diacritics(&case.input).into_owned(),
            "fold" => fold(&case.input),
            op => bail!("{}:{}: unknown op {op}", path.display(), i + 1),
        };
        let entry = per_class.entry(case.class.clone()).or_default();
        entry.1 += 1;
        if got == case.expected {
            entry.0 += 1;
        } else {
            failures.push(format!(
                "{} ({}): input {:?} expected {:?} got {:?}",
                case.id, case.op, case.input, case.expected, got
            ));
        }
    }
    if per_class.is_empty() {
        bail!("{}: no cases", path.display());
    }
    let (mut pass, mut total) = (0, 0);
    for (class, (p, t)) in &per_class {
        println!("{class:<24} {p:>4}/{t:<4}");
        pass += p;
        total += t;
    }
    println!("{:<24} {pass:>4}/{total:<4}", "all");
    for f in &failures {
        println!("FAIL {f}");
    }
    Ok(if failures.is_empty() { 0 } else { 1 })
}
