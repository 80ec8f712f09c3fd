//! Properties that hold for any input: nothing panics, spans fall inside the
//! caller's text on char boundaries in order, normalization is idempotent and
//! NFC, a record in a legacy encoding reads back as written, and parallel
//! tagging equals sequential tagging.

#![cfg(feature = "embedded-data")]

use agrivn::normalize::{Encoding, Normalizer, ToneStyle, legacy};
use agrivn::pipeline::{Article, InputEncoding, Pipeline};
use agrivn::segment::{SegmentModel, Segmenter};
use agrivn::tag::Tagger;
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Text that looks like Vietnamese news gone wrong: letters with every mark
/// in any order, spaces of every kind, ignorables, punctuation, digits.
fn messy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("a".to_string()),
        Just("o".to_string()),
        Just("u".to_string()),
        Just("y".to_string()),
        Just("Đ".to_string()),
        Just("ng".to_string()),
        Just("\u{300}".to_string()),
        Just("\u{301}".to_string()),
        Just("\u{302}".to_string()),
        Just("\u{306}".to_string()),
        Just("\u{31B}".to_string()),
        Just("\u{323}".to_string()),
        Just(" ".to_string()),
        Just("\u{A0}".to_string()),
        Just("\u{200B}".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just(".".to_string()),
        Just("/".to_string()),
        Just("60.000".to_string()),
        Just("hòa".to_string()),
        Just("thuỷ".to_string()),
        Just("HTX".to_string()),
        Just("о".to_string()),
        Just("Ａ".to_string()),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Vietnamese words, spaces and punctuation: text every legacy encoding can
/// write.
fn vietnamese() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("Giá"),
        Just("lúa"),
        Just("tăng"),
        Just("ĐỒNG"),
        Just("Tháp"),
        Just("người"),
        Just("nông"),
        Just("dân"),
        Just("KỸ"),
        Just("thuật"),
        Just("Ẵm"),
        Just("ỷ"),
        Just("hợp"),
        Just("tác"),
        Just("xã"),
        Just("quả"),
        Just("bưởi"),
        Just("khuỷu"),
        Just("HTX"),
        Just("2.000"),
        Just("đồng/kg"),
        Just(","),
        Just("."),
        Just("\""),
        Just("\\"),
    ];
    prop::collection::vec(word, 0..30).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn a_record_in_a_named_legacy_encoding_reads_back_as_written(s in vietnamese()) {
        for enc in [Encoding::Vni, Encoding::Tcvn3, Encoding::Viscii, Encoding::Vps, Encoding::Cp1258] {
            let bytes = legacy::encode(&s, enc).expect("Vietnamese text encodes");
            let (text, _) = InputEncoding::Legacy(enc).read(&bytes).expect("a named encoding reads any bytes");
            prop_assert_eq!(text.as_ref(), s.as_str(), "{}", enc);
            // The Windows-1252 view of the same bytes reads back too.
            let view: String = bytes.iter().map(|&b| legacy::cp1252_char(b)).collect();
            let (text, _) = InputEncoding::Legacy(enc).read(view.as_bytes()).expect("reads");
            prop_assert_eq!(text.as_ref(), s.as_str(), "{} view", enc);
        }
    }

    #[test]
    fn normalize_is_idempotent_and_nfc(s in messy()) {
        for style in [ToneStyle::Preserve, ToneStyle::MainVowel, ToneStyle::Classic] {
            let n = Normalizer::builder().tone_style(style).build();
            let once = n.normalize(&s).into_owned();
            let twice = n.normalize(&once).into_owned();
            prop_assert_eq!(&once, &twice);
            let nfc: String = once.nfc().collect();
            prop_assert_eq!(&once, &nfc);
        }
    }

    #[test]
    fn normalize_keeps_every_letter(s in messy()) {
        let n = Normalizer::new();
        let out = n.normalize(&s);
        let letters = |t: &str| t.nfd().filter(|c| c.is_ascii_alphanumeric()).count();
        // Only ignorables and lookalikes may change; ASCII letters and digits stay.
        prop_assert!(letters(&out) >= letters(&s.nfd().collect::<String>()));
    }

    #[test]
    fn offsets_map_inside_the_original(s in messy()) {
        let n = Normalizer::builder().html(true).repair(true).tone_style(ToneStyle::MainVowel).build();
        let r = n.normalize_with_offsets(&s);
        for (i, _) in r.text.char_indices().chain(std::iter::once((r.text.len(), ' '))) {
            let o = r.map.to_original(i);
            prop_assert!(o <= s.len() && s.is_char_boundary(o));
        }
    }

    #[test]
    fn segment_spans_are_ordered_char_boundaries(s in messy()) {
        let tokens = Segmenter::new().segment(&s);
        let mut last = 0;
        for t in &tokens {
            prop_assert!(t.span.start >= last && t.span.start < t.span.end && t.span.end <= s.len());
            prop_assert!(s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end));
            last = t.span.end;
        }
    }

    #[test]
    fn segment_model_files_are_read_or_refused(
        n in 0u32..4,
        body in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        // A header that claims `n` weights, then arbitrary bytes: a model
        // is read or refused with an error, never a panic.
        let mut bytes = b"AGRIVNSM".to_vec();
        bytes.extend_from_slice(&1u32.to_le_bytes());
        bytes.extend_from_slice(&n.to_le_bytes());
        bytes.extend_from_slice(&body);
        if let Ok(model) = SegmentModel::from_bytes(&bytes) {
            prop_assert_eq!(body.len(), 8 * n as usize);
            let seg = Segmenter::with_model(agrivn::dict::Dictionary::empty(), Some(model));
            prop_assert!(!seg.segment("giá lúa tăng").is_empty());
        }
    }

    #[test]
    fn tag_evidence_points_into_the_article(title in messy(), text in messy()) {
        let tags = Tagger::new().tag(&title, &text);
        for t in &tags.topics {
            for e in &t.evidence {
                let field = match e.field { agrivn::tag::Field::Title => &title, agrivn::tag::Field::Text => &text };
                prop_assert!(e.span.end <= field.len() && field.is_char_boundary(e.span.start) && field.is_char_boundary(e.span.end));
            }
        }
        if !tags.agri {
            prop_assert!(tags.topics.is_empty());
        }
    }
}

#[test]
fn parallel_tagging_equals_sequential() {
    let texts = [
        (
            "Giá lúa tăng",
            "Giá lúa hôm nay tăng 200 đồng/kg, thương lái thu mua mạnh.",
        ),
        ("HTX Tân Phú", "Hợp tác xã liên kết sản xuất với doanh nghiệp."),
        ("Bóng đá", "Đội tuyển thắng 2-0, cầu thủ nhận thẻ vàng."),
    ];
    let articles: Vec<Article> = (0..300)
        .map(|i| {
            let (t, x) = texts[i % texts.len()];
            Article::new(i.to_string(), t, format!("{x} {i}"))
        })
        .collect();
    let pipeline = Pipeline::new();
    let parallel = pipeline.tag_batch(&articles);
    let sequential: Vec<_> = articles.iter().map(|a| pipeline.tag(a)).collect();
    assert_eq!(parallel, sequential);
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Normalizer>();
    check::<Segmenter>();
    check::<SegmentModel>();
    check::<agrivn::dict::Dictionary>();
    check::<Tagger>();
    check::<Pipeline>();
    check::<agrivn::tag::Taxonomy>();
    check::<agrivn::segment::Token>();
    check::<agrivn::tag::Tags>();
    check::<agrivn::Error>();
}

#[test]
fn a_warm_worker_tags_and_segments_as_a_fresh_one() {
    let samples: Vec<(String, String)> = include_str!("../data/samples/articles.jsonl")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a sample is a JSON line");
            let field = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            (field("title"), field("text"))
        })
        .collect();
    assert!(samples.len() >= 5);
    let tagger = Tagger::new();
    let seg = Segmenter::new();
    // Twice, in both orders: the pooled workers have read every other
    // article before each one.
    for (title, text) in samples.iter().chain(samples.iter().rev()) {
        assert_eq!(tagger.tag(title, text), tagger.worker().tag(title, text));
        assert_eq!(seg.segment(text), seg.worker().segment(text));
    }
}
