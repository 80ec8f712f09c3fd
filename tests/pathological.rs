//! Pathological inputs finish, without panicking, and keep every byte:
//! a line without spaces, a flood of combining marks, deep JSON, huge lines.
//! (No timing assertions: the work is linear by construction; see the
//! README for measured times.)

#![cfg(feature = "embedded-data")]

use agrivn::normalize::Normalizer;
use agrivn::pipeline::{Line, LineReader, Pipeline, RecordErrorKind};
use agrivn::segment::Segmenter;

#[test]
fn a_long_line_without_spaces_is_one_token() {
    let text = "nôngthôn".repeat(100_000);
    let tokens = Segmenter::new().segment(&text);
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0].span.end, text.len());
}

#[test]
fn a_flood_of_combining_marks_keeps_its_base() {
    let text = format!("a{}", "\u{301}".repeat(200_000));
    let out = Normalizer::new().normalize(&text);
    assert!(out.starts_with('á'));
    let again = Normalizer::new().normalize(&out);
    assert_eq!(out, again);
}

#[test]
fn deeply_nested_json_is_rejected_not_crashed() {
    let deep = format!("{{\"text\":{}1{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let line = Line {
        number: 1,
        len: deep.len(),
        bytes: deep.into_bytes(),
        truncated: false,
        ..Default::default()
    };
    let out = Pipeline::new().tag_lines(&[line]);
    assert_eq!(out[0].as_ref().unwrap_err().kind, RecordErrorKind::InvalidJson);
}

#[test]
fn a_line_over_the_limit_is_skipped_unbuffered_and_rejected() {
    let big = format!(
        "{{\"text\":\"{}\"}}\n{{\"text\":\"lúa\"}}\n",
        "x".repeat(3_000_000)
    );
    let mut reader = LineReader::new(big.as_bytes(), 1 << 20);
    let lines = vec![
        reader.next_line().unwrap().unwrap(),
        reader.next_line().unwrap().unwrap(),
    ];
    assert!(lines[0].truncated && lines[0].bytes.is_empty());
    let out = Pipeline::new().max_record_bytes(1 << 20).tag_lines(&lines);
    assert_eq!(out[0].as_ref().unwrap_err().kind, RecordErrorKind::TooLarge);
    assert!(out[1].is_ok());
}
