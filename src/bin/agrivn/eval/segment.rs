//! `agrivn eval segment`: word-span precision, recall and F1 against a
//! segmented gold file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use unicode_normalization::UnicodeNormalization;

use super::Transform;
use crate::input;

/// Syllables and word spans of a gold-format line.
fn spans(line: &str) -> (Vec<String>, HashSet<(usize, usize)>) {
    let mut sylls = Vec::new();
    let mut set = HashSet::new();
    for w in line.split_whitespace() {
        let start = sylls.len();
        sylls.extend(
            w.split('_')
                .filter(|p| !p.is_empty())
                .map(|p| p.nfc().collect::<String>().to_lowercase()),
        );
        set.insert((start, sylls.len()));
    }
    (sylls, set)
}

pub fn run(
    gold: &Path,
    raw: Option<&PathBuf>,
    transform: Option<Transform>,
    user_dict: Option<&PathBuf>,
    model: Option<&PathBuf>,
) -> Result<i32> {
    let gold_text = input::read_to_string(gold)?;
    let gold_lines: Vec<&str> = gold_text.lines().collect();
    let raw_text = match raw {
        Some(p) => input::read_to_string(p)?,
        None => gold_text.replace('_', " "),
    };
    let raw_lines: Vec<&str> = raw_text.lines().collect();
    if raw_lines.len() != gold_lines.len() {
        bail!(
            "line counts differ: gold {}, input {}",
            gold_lines.len(),
            raw_lines.len()
        );
    }
    let seg = crate::segment::segmenter(user_dict, model)?;
    let mut w = seg.worker();
    let (mut tp, mut n_sys, mut n_gold, mut misaligned) = (0usize, 0usize, 0usize, 0usize);
    let mut bytes = 0usize;
    let mut out = String::new();
    let start = std::time::Instant::now();
    for (g, r) in gold_lines.iter().zip(&raw_lines) {
        let r = Transform::apply(transform, r);
        bytes += r.len();
        out.clear();
        w.segment_to_line(&r, &mut out);
        // The gold syllables as the input was transformed (without
        // diacritics, say), so that they can be compared.
        let (gs, gspans) = spans(&Transform::apply(transform, g));
        let (ss, sspans) = spans(&out);
        n_gold += gspans.len();
        n_sys += sspans.len();
        if gs != ss {
            misaligned += 1;
            if misaligned <= 5 {
                eprintln!("syllables differ from gold:\n  gold {g}\n  got  {out}");
            }
            continue;
        }
        tp += gspans.intersection(&sspans).count();
    }
    let secs = start.elapsed().as_secs_f64();
    let p = tp as f64 / n_sys.max(1) as f64;
    let r = tp as f64 / n_gold.max(1) as f64;
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    println!(
        "sentences {} misaligned {misaligned} words {n_gold}",
        gold_lines.len()
    );
    println!("P {p:.4} R {r:.4} F1 {f:.4}");
    eprintln!(
        "{:.1} MB/s ({} bytes in {:.3} s, one thread)",
        bytes as f64 / secs / 1e6,
        bytes,
        secs
    );
    Ok(0)
}
