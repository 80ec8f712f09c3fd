//! Helpers shared by the integration tests: where `../shared` is, and a
//! clear skip message when it is missing.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;

use agrivn::normalize::Encoding;
use agrivn::normalize::legacy::encode;

/// `../shared/<rel>` beside the repository, or `None` (with a message on
/// stderr) when the evaluation data is not there.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "SKIPPED: {} is missing (evaluation data lives in ../shared)",
            p.display()
        );
        None
    }
}

/// Syllables (NFC, lower case) and word spans of a line in the format of the
/// word-segmented corpora, as ../shared/tools/seg_score.py reads it.
pub fn spans(line: &str) -> (Vec<String>, std::collections::HashSet<(usize, usize)>) {
    use unicode_normalization::UnicodeNormalization;
    let mut sylls = Vec::new();
    let mut set = std::collections::HashSet::new();
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

/// `text` without the chars `enc` cannot represent (curly quotes in
/// VISCII, for example), and (Telex) without the words it cannot write,
/// such as two syllables glued together ("làgiống" has two tones): what a
/// legacy version of the text can hold. `cache` remembers each char.
pub fn representable(text: &str, enc: Encoding, cache: &mut HashMap<char, bool>) -> String {
    let mut buf = [0u8; 4];
    let chars: String = text
        .chars()
        .filter(|&c| {
            *cache
                .entry(c)
                .or_insert_with(|| encode(c.encode_utf8(&mut buf), enc).is_some())
        })
        .collect();
    if encode(&chars, enc).is_some() {
        return chars;
    }
    chars
        .split_inclusive(char::is_whitespace)
        .filter(|piece| encode(piece, enc).is_some())
        .collect()
}
