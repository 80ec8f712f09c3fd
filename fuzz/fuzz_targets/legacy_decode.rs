//! Legacy decoders on raw bytes: `decode` for every encoding, `detect`,
//! `decode_cp1252_view` and `repair_mojibake_once`.
//!
//! Properties: no panic (the module doc promises decoders never panic);
//! `detect` gives a confidence in 0..=1; `decode(.., Utf8)` is lossy UTF-8;
//! `decode_cp1252_view(.., Utf8)` is the identity; a repair returns a
//! changed, non-ASCII text.
#![no_main]

use agrivn::normalize::legacy::{self, Encoding};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let lossy = String::from_utf8_lossy(data);
    for enc in Encoding::ALL {
        let text = legacy::decode(data, enc);
        if enc == Encoding::Utf8 {
            assert_eq!(text, lossy);
        }
        let view = legacy::decode_cp1252_view(&lossy, enc);
        if enc == Encoding::Utf8 {
            assert_eq!(view, lossy);
        }
        // Decoding the decoded text again must not panic either.
        let _ = legacy::decode_cp1252_view(&text, enc);
        let _ = legacy::encode(&text, enc);
    }

    let d = legacy::detect(data);
    assert!(
        d.confidence.is_finite() && (0.0..=1.0).contains(&d.confidence),
        "detect confidence out of range: {d:?}"
    );
    let _ = legacy::decode(data, d.encoding);

    // Up to four rounds, as double (or worse) mojibake needs.
    let mut s = lossy.into_owned();
    for _ in 0..4 {
        match legacy::repair_mojibake_once(&s) {
            Some(next) => {
                assert!(next != s, "repair returned its input unchanged");
                assert!(!next.is_ascii(), "repair returned ASCII");
                s = next;
            }
            None => break,
        }
    }
});
