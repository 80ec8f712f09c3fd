//! Compiles the word lists under `data/dict/` into an FST map, a table of
//! word attributes and a syllable trie in `OUT_DIR`, embedded by
//! `src/dict/mod.rs`.

use std::collections::BTreeMap;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

#[allow(dead_code)]
#[path = "src/normalize/tone.rs"]
mod tone;

#[allow(dead_code)]
#[path = "src/dict/format.rs"]
mod format;

#[path = "src/dict/trie_format.rs"]
mod trie_format;

fn main() {
    println!("cargo:rerun-if-changed=data/dict");
    println!("cargo:rerun-if-changed=src/dict/format.rs");
    println!("cargo:rerun-if-changed=src/dict/trie_format.rs");
    println!("cargo:rerun-if-changed=src/normalize/tone.rs");
    let out_dir = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    let mut words: BTreeMap<String, format::WordInfo> = BTreeMap::new();
    for (file, source) in format::SOURCES {
        let path = Path::new("data/dict").join(file);
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("cargo:warning=missing word list {}", path.display());
            continue;
        };
        for line in text.lines() {
            let line: String = line.nfc().collect();
            let Some((key, weight)) = format::parse_line(&line, tone::push_key) else {
                continue;
            };
            let info = words.entry(key).or_default();
            info.add_source(*source, weight);
        }
    }
    let mut builder = fst::MapBuilder::memory();
    let mut table = format::header(words.len());
    for (i, (key, info)) in words.iter().enumerate() {
        builder.insert(key, i as u64).expect("keys are sorted and unique");
        table.extend_from_slice(&info.to_bytes());
    }
    let fst = builder.into_inner().expect("in-memory FST");
    std::fs::write(Path::new(&out_dir).join("dict.fst"), fst).expect("write dict.fst");
    std::fs::write(Path::new(&out_dir).join("dict.attrs"), table).expect("write dict.attrs");
    let trie = trie_format::build_trie(words.keys().enumerate().map(|(i, k)| (k.as_str(), i as u64)));
    std::fs::write(Path::new(&out_dir).join("dict.trie"), trie).expect("write dict.trie");
}
