//! JSON Lines: bytes through `LineReader` (small limit, small odd-sized
//! buffer so lines, CRLF and UTF-8 sequences straddle reads) and
//! `Pipeline::tag_lines`.
//!
//! Properties: the reader yields exactly one line per input line, numbered
//! from 1, with the right length and bytes (CR of CRLF and a leading
//! byte-order mark dropped, and given back by `original`), and `truncated`
//! exactly when the record exceeds the limit; `tag_lines` gives one
//! result per line, a too-long line is rejected as `TooLarge`, every error
//! carries its line's number, and every success is a JSON object with the
//! added fields. The same lines read with `InputEncoding::Auto` give one
//! result per line too, and the strict result wherever they were read as
//! UTF-8.
#![no_main]

use std::io::BufReader;
use std::sync::LazyLock;

use agrivn::normalize::Encoding;
use agrivn::pipeline::{InputEncoding, LineReader, Pipeline, RecordErrorKind};
use libfuzzer_sys::fuzz_target;

const LIMIT: usize = 600;
static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::new().max_record_bytes(LIMIT));
static AUTO: LazyLock<Pipeline> = LazyLock::new(|| PIPELINE.clone().input_encoding(InputEncoding::Auto));

fuzz_target!(|data: &[u8]| {
    let mut reader = LineReader::new(BufReader::with_capacity(37, data), LIMIT);
    let mut lines = Vec::new();
    while let Some(line) = reader.next_line().expect("reading a slice cannot fail") {
        lines.push(line);
    }

    // What the lines should be.
    let mut want: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    if data.is_empty() || data.ends_with(b"\n") {
        want.pop();
    }
    assert_eq!(lines.len(), want.len(), "reader line count");
    for (i, (line, raw)) in lines.iter().zip(&want).enumerate() {
        assert_eq!(line.number, i as u64 + 1);
        // The record: without the CR of CRLF, nor a byte-order mark at the
        // start of the input.
        let body = raw.strip_suffix(b"\r").unwrap_or(raw);
        let body = if i == 0 { body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body) } else { body };
        assert_eq!(line.len, body.len(), "line {}: len", line.number);
        assert_eq!(line.input_len(), raw.len(), "line {}: input_len", line.number);
        assert_eq!(
            line.truncated,
            body.len() > LIMIT,
            "line {}: truncated",
            line.number
        );
        if !line.truncated {
            assert_eq!(line.bytes, body, "line {}: bytes", line.number);
            assert_eq!(&line.original()[..], *raw, "line {}: original", line.number);
        } else {
            assert!(line.bytes.is_empty());
        }
    }

    let results = PIPELINE.tag_lines(&lines);
    assert_eq!(results.len(), lines.len(), "one result per line");
    for (line, r) in lines.iter().zip(&results) {
        match r {
            Ok(out) => {
                assert!(!line.truncated, "line {}: too long but tagged", line.number);
                let v: serde_json::Value = serde_json::from_str(&out.json).expect("output is JSON");
                let obj = v.as_object().expect("output is an object");
                assert!(obj.contains_key("agri") && obj.contains_key("topics"));
                assert!(!out.json.contains('\n'), "output record spans lines");
            }
            Err(e) => {
                assert_eq!(e.line, line.number);
                if line.truncated {
                    assert_eq!(e.kind, RecordErrorKind::TooLarge);
                }
            }
        }
    }

    let auto = AUTO.tag_lines(&lines);
    assert_eq!(auto.len(), lines.len(), "one result per line, detecting");
    for ((line, strict), r) in lines.iter().zip(&results).zip(&auto) {
        match r {
            Ok(out) => {
                assert!(!line.truncated, "line {}: too long but tagged", line.number);
                let v: serde_json::Value = serde_json::from_str(&out.json).expect("output is JSON");
                assert!(v.as_object().is_some_and(|o| o.contains_key("agri")));
                if out.encoding == Encoding::Utf8 {
                    assert_eq!(Some(out), strict.as_ref().ok(), "line {}: read as UTF-8", line.number);
                }
            }
            Err(e) => assert_eq!(e.line, line.number),
        }
    }
});
