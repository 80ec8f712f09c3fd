//! Opt-in repair of text damaged on its way to the caller: UTF-8 read as
//! Windows-1252 (to a fixpoint), lookalikes of đ/Đ, and spacing accents
//! typed as tone marks.

use super::legacy;
use super::offsets::OffsetMap;

/// Rounds of mojibake repair; double-encoded text needs two.
const MAX_ROUNDS: usize = 4;

/// Repair `s`; `None` when nothing changed. With `want_map`, the map from
/// the repaired text back to `s` says where each char came from (a letter
/// from the chars its UTF-8 bytes were read as), else it is an identity.
pub(crate) fn repair(s: &str, want_map: bool) -> Option<(String, OffsetMap)> {
    let mut text: Option<(String, OffsetMap)> = None;
    let mut entries = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let cur = text.as_ref().map_or(s, |(t, _)| t.as_str());
        entries.clear();
        let Some(fixed) = legacy::repair_mojibake_mapped(cur, want_map.then_some(&mut entries)) else {
            break;
        };
        let map = if want_map {
            OffsetMap::from_entries(std::mem::take(&mut entries), fixed.len(), cur.len())
        } else {
            OffsetMap::identity(fixed.len())
        };
        text = Some(match text {
            Some((_, before)) if want_map => (fixed, map.then(&before)),
            _ => (fixed, map),
        });
    }
    let cur = text.as_ref().map_or(s, |(t, _)| t.as_str());
    if let Some(fixed) = repair_letters(cur) {
        // Each letter is replaced by one of the same length: offsets stay.
        text = Some(match text {
            Some((_, map)) => (fixed, map),
            None => (fixed, OffsetMap::identity(s.len())),
        });
    }
    text
}

fn is_vowel_like(c: char) -> bool {
    let mut base = c;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if base == c {
            base = d
        }
    });
    matches!(base.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// ð/Ð/Ɖ/ɖ to đ/Đ, and a spacing accent right after a vowel to the
/// combining tone mark it stands for.
fn repair_letters(s: &str) -> Option<String> {
    let needs = s.chars().any(|c| {
        matches!(
            c,
            'ð' | 'Ð' | 'Ɖ' | 'ɖ' | '\u{2CA}' | '\u{2CB}' | '\u{2C0}' | '\u{B4}' | '\u{2DC}' | '\u{342}'
        )
    });
    if !needs {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let after_vowel = prev.is_some_and(|p| is_vowel_like(p) || super::chars::is_mark(p));
        let r = match c {
            'ð' | 'ɖ' => 'đ',
            'Ð' | 'Ɖ' => 'Đ',
            '\u{2CA}' | '\u{B4}' if after_vowel => '\u{301}',
            '\u{2CB}' if after_vowel => '\u{300}',
            '\u{2C0}' if after_vowel => '\u{309}',
            '\u{2DC}' | '\u{342}' if after_vowel => '\u{303}',
            _ => c,
        };
        debug_assert_eq!(r.len_utf8(), c.len_utf8());
        out.push(r);
        prev = Some(r);
    }
    Some(out)
}
