//! Round trip and detection accuracy of the legacy Vietnamese encodings,
//! measured on real news text: the first 300 articles of
//! `shared/articles/news.jsonl` are encoded into every encoding, decoded
//! back, and the encoding is detected from the bytes of whole articles and
//! of single lines of 40-200 bytes.
//!
//! Run with `cargo test --test legacy_detect -- --nocapture` to see the
//! table. Skips (with a message) when the articles are not there.

mod common;

use std::collections::HashMap;
use std::path::PathBuf;

use agrivn::normalize::legacy::{Encoding, decode, detect, encode};
use unicode_normalization::UnicodeNormalization;

const ARTICLES: usize = 300;
const MIN_ARTICLE_ACCURACY: f64 = 0.95;

fn nfc(s: &str) -> String {
    s.nfc().collect()
}

fn articles_path() -> Option<PathBuf> {
    let rel = "articles/news.jsonl";
    let beside = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    let fixed = PathBuf::from("/work/shared").join(rel);
    [beside, fixed].into_iter().find(|p| p.is_file())
}

fn load_articles() -> Option<Vec<String>> {
    let path = articles_path()?;
    let text = std::fs::read_to_string(&path).ok()?;
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        if out.len() == ARTICLES {
            break;
        }
        let v: serde_json::Value = serde_json::from_str(line).expect("article JSON");
        if let Some(t) = v["text"].as_str() {
            out.push(nfc(t));
        }
    }
    Some(out)
}

/// Move the tone of open oa/oe/uy syllables to the second vowel, so that
/// Telex output (which cannot know the writer's tone style) compares equal.
fn main_vowel_style(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty() {
            out.push_str(&restyle(word));
            word.clear();
        }
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn restyle(word: &str) -> String {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let d: Vec<char> = word.nfd().collect();
    let Some(tone_at) = d.iter().position(|c| TONES.contains(c)) else {
        return word.to_owned();
    };
    let bare: Vec<char> = d.iter().copied().filter(|c| !TONES.contains(c)).collect();
    let lower: String = bare.iter().collect::<String>().to_lowercase();
    let open = ["oa", "oe", "uy"].iter().any(|e| lower.ends_with(e)) && !lower.ends_with("quy");
    if !open || tone_at + 1 >= d.len() {
        return word.to_owned();
    }
    let mut out = bare;
    out.push(d[tone_at]);
    out.into_iter().collect::<String>().nfc().collect()
}

#[derive(Default)]
struct Row {
    articles: usize,
    article_hits: usize,
    article_round_trips: usize,
    words: usize,
    word_round_trips: usize,
    lines: usize,
    line_hits: usize,
    line_equivalent: usize,
    line_ascii: usize,
    line_non_ascii_hits: usize,
    confusions: std::collections::BTreeMap<String, usize>,
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 { 1.0 } else { n as f64 / d as f64 }
}

#[test]
fn legacy_round_trip_and_detection_on_news_articles() {
    let Some(articles) = load_articles() else {
        eprintln!(
            "SKIP legacy_detect: shared/articles/news.jsonl not found (looked beside the crate and in /work/shared)"
        );
        return;
    };
    assert!(!articles.is_empty(), "no articles read");
    let mut rows: Vec<(Encoding, Row)> = Vec::new();
    for enc in Encoding::ALL {
        let mut row = Row::default();
        let mut cache = HashMap::new();
        for article in &articles {
            let text = common::representable(article, enc, &mut cache);
            if text.trim().is_empty() {
                continue;
            }
            let bytes = encode(&text, enc).expect("prepared text encodes");
            row.articles += 1;
            let back = nfc(&decode(&bytes, enc));
            let (want, got) = if enc == Encoding::Telex {
                (main_vowel_style(&text), main_vowel_style(&back))
            } else {
                (text.clone(), back)
            };
            if got == want {
                row.article_round_trips += 1;
            }
            let (ws, gs): (Vec<&str>, Vec<&str>) = (
                want.split_whitespace().collect(),
                got.split_whitespace().collect(),
            );
            row.words += ws.len();
            if ws.len() == gs.len() {
                row.word_round_trips += ws.iter().zip(&gs).filter(|(a, b)| a == b).count();
            }
            let d = detect(&bytes);
            assert!((0.0..=1.0).contains(&d.confidence), "{d:?}");
            if d.encoding == enc {
                row.article_hits += 1;
            } else {
                *row.confusions
                    .entry(format!("article->{}", d.encoding))
                    .or_default() += 1;
            }
            for line in text.lines() {
                let Some(lb) = encode(line, enc) else {
                    continue;
                };
                if !(40..=200).contains(&lb.len()) {
                    continue;
                }
                row.lines += 1;
                let d = detect(&lb);
                let ascii_line = line.is_ascii();
                row.line_ascii += usize::from(ascii_line);
                if d.encoding == enc {
                    row.line_hits += 1;
                    row.line_equivalent += 1;
                    row.line_non_ascii_hits += usize::from(!ascii_line);
                } else {
                    *row.confusions.entry(format!("line->{}", d.encoding)).or_default() += 1;
                    if nfc(&decode(&lb, d.encoding)) == nfc(&decode(&lb, enc)) {
                        row.line_equivalent += 1;
                    }
                }
            }
        }
        rows.push((enc, row));
    }

    eprintln!();
    eprintln!(
        "legacy encodings on {} articles (articles: whole text; lines: 40-200 encoded bytes)",
        articles.len()
    );
    eprintln!(
        "{:<8} {:>5} {:>8} {:>9} {:>9} {:>6} {:>8} {:>9} {:>11}  confusions",
        "encoding",
        "arts",
        "art.acc",
        "art.rtrip",
        "word.rtrip",
        "lines",
        "line.acc",
        "line.eqv",
        "line.nonasc"
    );
    for (enc, r) in &rows {
        let non_ascii_lines = r.lines - r.line_ascii;
        eprintln!(
            "{:<8} {:>5} {:>8.3} {:>9.3} {:>9.4} {:>6} {:>8.3} {:>9.3} {:>11.3}  {:?}",
            enc.name(),
            r.articles,
            pct(r.article_hits, r.articles),
            pct(r.article_round_trips, r.articles),
            pct(r.word_round_trips, r.words),
            r.lines,
            pct(r.line_hits, r.lines),
            pct(r.line_equivalent, r.lines),
            pct(r.line_non_ascii_hits, non_ascii_lines),
            r.confusions,
        );
    }
    eprintln!(
        "line.eqv counts a wrong guess as right when it decodes the line to the same text; \
         line.nonasc is the accuracy on lines with a non-ASCII char"
    );

    for (enc, r) in &rows {
        assert!(r.articles > 0, "{enc}: no article could be encoded");
        let acc = pct(r.article_hits, r.articles);
        assert!(
            acc >= MIN_ARTICLE_ACCURACY,
            "{enc}: article detection accuracy {acc:.3} < {MIN_ARTICLE_ACCURACY}"
        );
        match enc {
            // keystroke and mnemonic text: an ASCII word can read as Telex
            // or VIQR ("as" = á); tone placement is normalized for Telex
            Encoding::Telex | Encoding::Viqr => {
                let wr = pct(r.word_round_trips, r.words);
                assert!(wr >= 0.99, "{enc}: word round trip {wr:.4}");
            }
            _ => assert_eq!(
                r.article_round_trips, r.articles,
                "{enc}: every article must survive encode + decode"
            ),
        }
    }
}
