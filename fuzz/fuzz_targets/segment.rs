//! Segmenter on arbitrary text.
//!
//! Properties: every token span lies inside the caller's text, starts and
//! ends on char boundaries, is non-empty, and tokens come in order without
//! overlapping. A reused worker gives the same tokens as a fresh segmenter.
#![no_main]

use std::sync::LazyLock;

use agrivn::segment::Segmenter;
use libfuzzer_sys::fuzz_target;

static SEG: LazyLock<Segmenter> = LazyLock::new(Segmenter::new);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let tokens = SEG.segment(text);
    let mut prev_end = 0usize;
    for (i, t) in tokens.iter().enumerate() {
        let (s, e) = (t.span.start, t.span.end);
        assert!(s <= e, "token {i}: start {s} > end {e}");
        assert!(e <= text.len(), "token {i}: end {e} > len {}", text.len());
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "token {i}: {s}..{e} not on char boundaries"
        );
        assert!(
            s >= prev_end,
            "token {i}: {s}..{e} overlaps or precedes the previous token ending at {prev_end}"
        );
        assert!(s < e, "token {i}: empty span {s}..{e} ({:?})", t.kind);
        prev_end = e;
    }

    let mut w = SEG.worker();
    let again = w.segment(text).to_vec();
    assert_eq!(again, tokens, "worker and segmenter disagree");
    let mut line = String::new();
    w.segment_to_line(text, &mut line);
});
