//! Benchmark fixtures: real news text from `../shared/articles/news.jsonl`
//! when it is there, the project's own samples otherwise.

use std::sync::LazyLock;

/// (title, text) of each article.
pub static ARTICLES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/articles/news.jsonl");
    let fallback = concat!(env!("CARGO_MANIFEST_DIR"), "/data/samples/articles.jsonl");
    let text = std::fs::read_to_string(path).unwrap_or_else(|_| {
        eprintln!("benchmarks: {path} is missing; using {fallback}");
        std::fs::read_to_string(fallback).expect("data/samples/articles.jsonl is in the repository")
    });
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let get = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            (get("title"), get("text"))
        })
        .collect()
});

/// All article text joined by newlines (about 7 MB from ../shared).
#[allow(dead_code)]
pub static CORPUS: LazyLock<String> = LazyLock::new(|| {
    let mut s = String::new();
    for (t, x) in ARTICLES.iter() {
        s.push_str(t);
        s.push('\n');
        s.push_str(x);
        s.push('\n');
    }
    s
});
