//! Normalizer: every option on arbitrary text.
//!
//! Properties: no panic; `normalize` and `normalize_with_offsets` agree;
//! the default normalizer (and each tone style alone) is idempotent;
//! every offset maps inside the input, on a char boundary; spans map to
//! ordered ranges inside the input; `strip_diacritics` leaves no combining
//! mark and no đ/Đ; `fold` gives trimmed, single-spaced alphanumeric words.
#![no_main]

use agrivn::normalize::{Encoding, Normalizer, ToneStyle, fold, strip_diacritics};
use libfuzzer_sys::fuzz_target;

const STYLES: [ToneStyle; 3] = [ToneStyle::Preserve, ToneStyle::MainVowel, ToneStyle::Classic];

fn check_offsets(n: &Normalizer, what: &str, input: &str) {
    let r = n.normalize_with_offsets(input);
    let plain = n.normalize(input);
    assert_eq!(r.text, plain, "{what}: normalize_with_offsets and normalize disagree");
    let out: &str = &r.text;
    let mut bounds: Vec<usize> = out.char_indices().map(|(i, _)| i).collect();
    bounds.push(out.len());
    for &o in &bounds {
        let g = r.map.to_original(o);
        assert!(g <= input.len(), "{what}: out {o} maps to {g} > input len {}", input.len());
        assert!(input.is_char_boundary(g), "{what}: out {o} maps to {g}, not a char boundary");
    }
    // Consecutive char spans and the whole text.
    for w in bounds.windows(2) {
        let (s, e) = r.map.span_to_original(w[0], w[1]);
        assert!(s <= e && e <= input.len(), "{what}: span {w:?} -> {s}..{e}");
        let _ = &input[s..e];
    }
    let (s, e) = r.map.span_to_original(0, out.len());
    assert!(s <= e && e <= input.len(), "{what}: whole span -> {s}..{e}");
    // Past the end maps to the end of the original (or inside it).
    assert!(r.map.to_original(out.len() + 7) <= input.len());
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let input: &str = &input;

    // Default normalizer: idempotent.
    let n = Normalizer::new();
    let once = n.normalize(input);
    let twice = n.normalize(&once);
    assert_eq!(once, twice, "default normalizer is not idempotent");
    check_offsets(&n, "default", input);

    // Each tone style alone: idempotent as well (the module doc promises it).
    for style in STYLES {
        let n = Normalizer::builder().tone_style(style).build();
        let once = n.normalize(input);
        let twice = n.normalize(&once);
        assert_eq!(once, twice, "tone style {style:?} is not idempotent");
        check_offsets(&n, "tone style", input);
    }

    // HTML references, repair, and both.
    for (html, repair) in [(true, false), (false, true), (true, true)] {
        let n = Normalizer::builder().html(html).repair(repair).build();
        check_offsets(&n, if html { "html" } else { "repair" }, input);
    }

    // Every legacy source encoding (Windows-1252 view), alone and with all
    // the other options.
    for enc in Encoding::ALL {
        let n = Normalizer::builder().source_encoding(enc).build();
        check_offsets(&n, enc.name(), input);
    }
    let style = STYLES[data.first().map_or(0, |&b| usize::from(b) % 3)];
    let enc = Encoding::ALL[data.last().map_or(0, |&b| usize::from(b) % Encoding::ALL.len())];
    let n = Normalizer::builder()
        .source_encoding(enc)
        .html(true)
        .repair(true)
        .tone_style(style)
        .build();
    check_offsets(&n, "all options", input);

    // Search keys.
    let stripped = strip_diacritics(input);
    assert!(
        !stripped
            .chars()
            .any(|c| ('\u{300}'..='\u{36F}').contains(&c) || c == 'đ' || c == 'Đ'),
        "strip_diacritics left a mark or đ: {stripped:?}"
    );
    let folded = fold(input);
    assert!(!folded.starts_with(' ') && !folded.ends_with(' ') && !folded.contains("  "));
    assert!(
        folded.chars().all(|c| c == ' ' || c.is_alphanumeric()),
        "fold kept a non-alphanumeric char: {folded:?}"
    );
});
