//! Search keys: text without diacritics, and folded keys.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::decompose_canonical;

/// Remove every combining mark (U+0300–U+036F after canonical decomposition)
/// and write đ/Đ as d/D. Other characters, whitespace and punctuation are
/// kept; ₫ and ð are not letters with marks and stay.
///
/// ```
/// assert_eq!(agrivn::normalize::strip_diacritics("Đồng bằng sông Cửu Long"), "Dong bang song Cuu Long");
/// ```
pub fn strip_diacritics(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'đ' => out.push('d'),
            'Đ' => out.push('D'),
            c if c.is_ascii() => out.push(c),
            c => decompose_canonical(c, |d| {
                if !('\u{300}'..='\u{36F}').contains(&d) {
                    out.push(d)
                }
            }),
        }
    }
    Cow::Owned(out.nfc().collect())
}

/// A search key: normalized, lower case, without diacritics, every run of
/// characters that are not letters or digits turned into one space, trimmed.
///
/// ```
/// assert_eq!(agrivn::normalize::fold("GIÁ LỢN HƠI: 50.000₫/kg"), "gia lon hoi 50 000 kg");
/// ```
pub fn fold(text: &str) -> String {
    let normalized = super::Normalizer::new().normalize(text);
    let lower = normalized.to_lowercase();
    let stripped = strip_diacritics(&lower);
    let mut out = String::with_capacity(stripped.len());
    let mut space = false;
    for c in stripped.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}
