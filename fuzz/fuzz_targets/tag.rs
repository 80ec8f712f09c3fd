//! Tagger on an arbitrary title and text (split at the first NUL byte; no
//! NUL: the whole input is the text and the title is empty).
//!
//! Properties: every evidence span lies inside its field (title or text),
//! on char boundaries; scores are finite; no topics unless `agri`.
#![no_main]

use std::sync::LazyLock;

use agrivn::tag::{Field, Tagger};
use libfuzzer_sys::fuzz_target;

static TAGGER: LazyLock<Tagger> = LazyLock::new(Tagger::new);

fuzz_target!(|data: &[u8]| {
    let (title, text) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (&data[..0], data),
    };
    let title = String::from_utf8_lossy(title);
    let text = String::from_utf8_lossy(text);
    let tags = TAGGER.tag(&title, &text);
    assert!(tags.agri_score.is_finite(), "agri_score {}", tags.agri_score);
    assert!(tags.agri || tags.topics.is_empty(), "topics without agri");
    for topic in &tags.topics {
        assert!(topic.score.is_finite());
        for ev in &topic.evidence {
            let field: &str = match ev.field {
                Field::Title => &title,
                Field::Text => &text,
            };
            let (s, e) = (ev.span.start, ev.span.end);
            assert!(
                s <= e && e <= field.len(),
                "{} evidence {:?}: span {s}..{e} outside {:?} field of {} bytes",
                topic.id,
                ev.phrase,
                ev.field,
                field.len()
            );
            assert!(
                field.is_char_boundary(s) && field.is_char_boundary(e),
                "{} evidence {:?}: span {s}..{e} not on char boundaries",
                topic.id,
                ev.phrase
            );
        }
    }
    // The same through a reused worker.
    let mut w = TAGGER.worker();
    let _ = w.tag(&title, &text);
    assert_eq!(w.tag(&title, &text), tags, "reused worker disagrees");
});
