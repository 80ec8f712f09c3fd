//! Regression tests for bugs found by fuzzing (see `fuzz/README.md`).
//!
//! Each input is the fuzz target's own input file under `fuzz/regressions/`,
//! so `cargo fuzz run <target> fuzz/regressions/<file>` replays it too; each
//! test decodes it the way its target does and checks the same property.

use agrivn::normalize::Normalizer;

/// The text of a `normalize` target input: the first byte picks an option
/// set, the rest is the text.
fn normalize_input(data: &[u8]) -> String {
    String::from_utf8_lossy(data.get(1..).unwrap_or_default()).into_owned()
}

/// `fullwidth-lookalike`: in "ＸА" (fullwidth X, Cyrillic A) the lookalike
/// test sees no Latin letter, because it runs before fullwidth folding, so
/// the first pass gives "XА" and the second folds the Cyrillic A to "XA".
#[test]
fn normalize_fullwidth_lookalike_is_idempotent() {
    let text = normalize_input(include_bytes!(
        "../fuzz/regressions/normalize-fullwidth-lookalike.bin"
    ));
    let n = Normalizer::new();
    let once = n.normalize(&text);
    let twice = n.normalize(&once);
    assert_eq!(once, twice, "input {text:?}");
}

/// `singleton-lookalike`: U+1FBE GREEK PROSGEGRAMMENI composes (NFC) to
/// U+03B9 ι, a lookalike of i, but only after the lookalike step, so "ch\u{1FBE}"
/// gives "chι" on the first pass and "chi" on the second.
#[test]
fn normalize_singleton_lookalike_is_idempotent() {
    let text = normalize_input(include_bytes!(
        "../fuzz/regressions/normalize-singleton-lookalike.bin"
    ));
    let n = Normalizer::new();
    let once = n.normalize(&text);
    let twice = n.normalize(&once);
    assert_eq!(once, twice, "input {text:?}");
}

/// `starter-mark-reorder`: in "\u{5C7}\u{1B40}" (a Hebrew point, then the
/// Balinese vowel sign U+1B40 = U+1B3E U+1B35, both of combining class 0) the
/// cluster sorts every char after the first by combining class, moving the
/// class-0 vowel signs in front of the point: the output
/// "\u{1B3E}\u{1B35}\u{5C7}" is not NFC and a second pass composes it.
#[test]
fn normalize_starter_mark_reorder_is_nfc_and_idempotent() {
    let text = normalize_input(include_bytes!(
        "../fuzz/regressions/normalize-starter-mark-reorder.bin"
    ));
    let n = Normalizer::new();
    let once = n.normalize(&text);
    assert!(unicode_normalization::is_nfc(&once), "not NFC: {once:?}");
    let twice = n.normalize(&once);
    assert_eq!(once, twice, "input {text:?}");
}

/// `starter-mark-compose`: in "u\u{1B40}" the decomposition U+1B3E U+1B35
/// (two combining marks of class 0) goes into the cluster of "u" as marks and
/// is never composed back, so the output "u\u{1B3E}\u{1B35}" is not NFC.
#[test]
fn normalize_starter_mark_compose_is_nfc_and_idempotent() {
    let text = normalize_input(include_bytes!(
        "../fuzz/regressions/normalize-starter-mark-compose.bin"
    ));
    let n = Normalizer::new();
    let once = n.normalize(&text);
    assert!(unicode_normalization::is_nfc(&once), "not NFC: {once:?}");
    let twice = n.normalize(&once);
    assert_eq!(once, twice, "input {text:?}");
}
