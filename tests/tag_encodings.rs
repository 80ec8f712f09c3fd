//! Archives in legacy encodings: real articles of
//! `../shared/articles/news.jsonl`, saved as JSON lines in each legacy byte
//! encoding (raw bytes, and the Windows-1252 view a scraper makes of them),
//! are read by `Pipeline` with `InputEncoding::Auto` and must get the tags
//! of the same articles in UTF-8, with nothing rejected.
//!
//! `cargo test --release --test tag_encodings -- --nocapture` prints the
//! table. Skips, saying so, when the articles are missing.

#![cfg(feature = "embedded-data")]

mod common;

use std::collections::HashMap;

use agrivn::normalize::Encoding;
use agrivn::normalize::legacy::{cp1252_char, encode};
use agrivn::pipeline::{InputEncoding, Line, Pipeline};
use serde_json::{Value, json};

const ARTICLES: usize = 400;

const BYTE_ENCODINGS: [Encoding; 5] = [
    Encoding::Vni,
    Encoding::Tcvn3,
    Encoding::Viscii,
    Encoding::Vps,
    Encoding::Cp1258,
];

fn line(number: u64, bytes: Vec<u8>) -> Line {
    Line {
        number,
        len: bytes.len(),
        bytes,
        truncated: false,
        ..Default::default()
    }
}

/// Agri and topic ids of a tagged JSON line, in the order given.
fn tags_of(json: &str) -> (bool, Vec<String>) {
    let v: Value = serde_json::from_str(json).expect("tagged line is JSON");
    let topics = v["topics"]
        .as_array()
        .expect("topics")
        .iter()
        .map(|t| t["id"].as_str().expect("topic id").to_owned())
        .collect();
    (v["agri"].as_bool().expect("agri"), topics)
}

#[test]
fn articles_in_legacy_encodings_are_tagged_as_in_utf8() {
    let Some(path) = common::shared("articles/news.jsonl") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("news.jsonl is readable");
    let articles: Vec<Value> = text
        .lines()
        .step_by(5)
        .take(ARTICLES)
        .map(|l| serde_json::from_str(l).expect("article JSON"))
        .collect();
    let pipeline = Pipeline::new().input_encoding(InputEncoding::Auto);
    println!("encoding  form     lines  decoded as it  same tags  agri articles");
    for enc in BYTE_ENCODINGS {
        let mut cache = HashMap::new();
        let mut utf8_lines = Vec::new();
        let mut raw_lines = Vec::new();
        let mut view_lines = Vec::new();
        for (i, a) in articles.iter().enumerate() {
            let mut field = |k: &str| common::representable(a[k].as_str().unwrap_or(""), enc, &mut cache);
            let obj = json!({"id": a["id"], "title": field("title"), "text": field("text")});
            let utf8 = serde_json::to_string(&obj).expect("serializes");
            let raw = encode(&utf8, enc).expect("representable text encodes");
            let view: String = raw.iter().map(|&b| cp1252_char(b)).collect();
            let n = i as u64 + 1;
            utf8_lines.push(line(n, utf8.into_bytes()));
            raw_lines.push(line(n, raw));
            view_lines.push(line(n, view.into_bytes()));
        }
        let want: Vec<(bool, Vec<String>)> = pipeline
            .tag_lines(&utf8_lines)
            .into_iter()
            .map(|r| {
                let tagged = r.expect("UTF-8 line is tagged");
                assert_eq!(tagged.encoding, Encoding::Utf8, "UTF-8 taken for a legacy view");
                tags_of(&tagged.json)
            })
            .collect();
        let agri = want.iter().filter(|t| t.0).count();
        assert!(agri > 20, "too few agricultural articles to compare: {agri}");
        for (form, lines) in [("raw", &raw_lines), ("cp1252", &view_lines)] {
            let got = pipeline.tag_lines(lines);
            let mut decoded_as = 0;
            let mut same = 0;
            for (i, r) in got.into_iter().enumerate() {
                let tagged = r.unwrap_or_else(|e| panic!("{enc} {form}: line {} rejected: {e}", i + 1));
                // a line of printable ASCII reads the same in every encoding
                let ascii = lines[i].bytes.iter().all(|&b| (0x20..0x80).contains(&b));
                if tagged.encoding == enc || (ascii && tagged.encoding == Encoding::Utf8) {
                    decoded_as += 1;
                } else {
                    println!("  {enc} {form}: line {} read as {}", i + 1, tagged.encoding);
                }
                if tags_of(&tagged.json) == want[i] {
                    same += 1;
                }
            }
            let n = lines.len();
            println!(
                "{:<9} {form:<7} {n:>6}  {decoded_as:>13}  {same:>9}  {agri:>13}",
                enc.name()
            );
            // Detection is per line; a line of a few words may read as
            // another encoding, but never more than 1 in 100.
            assert!(
                decoded_as * 100 >= n * 99,
                "{enc} {form}: {decoded_as}/{n} lines detected"
            );
            assert!(
                same * 100 >= n * 99,
                "{enc} {form}: {same}/{n} lines with the UTF-8 tags"
            );
        }
    }
}

#[test]
fn a_line_detection_cannot_read_takes_the_encoding_of_its_batch() {
    let vietnamese = "Giá cà phê hôm nay tăng mạnh, nông dân Tây Nguyên phấn khởi.";
    let english = "Vietnam’s coffee exports rise";
    let mut lines = Vec::new();
    for (i, (title, text)) in [
        (vietnamese, vietnamese),
        (english, "Exports rose."),
        (vietnamese, vietnamese),
    ]
    .into_iter()
    .enumerate()
    {
        let json = json!({"id": i, "title": title, "text": text}).to_string();
        lines.push(line(i as u64 + 1, encode(&json, Encoding::Vni).expect("encodes")));
    }
    let pipeline = Pipeline::new().input_encoding(InputEncoding::Auto);
    let alone = pipeline.tag_lines(&lines[1..2]);
    assert!(
        alone[0].is_err(),
        "alone, two non-ASCII bytes are not enough to decide"
    );
    let tagged: Vec<_> = pipeline
        .tag_lines(&lines)
        .into_iter()
        .map(|r| r.expect("every line is tagged"))
        .collect();
    assert_eq!(tagged[1].encoding, Encoding::Vni);
    assert!(tagged[1].json.contains(english), "{}", tagged[1].json);
}
