//! Tone-mark placement: the two styles of writing open syllables with the
//! rhymes oa, oe and uy (hòa/hoà, khỏe/khoẻ, thủy/thuỷ).
//!
//! Only these three open rhymes differ between the styles; every other
//! syllable, and every word that is not a Vietnamese syllable, is left alone.
//! This file depends on nothing else in the crate: `build.rs` includes it to
//! write dictionary keys in the same tone style as the segmenter.

use unicode_normalization::char::{compose, decompose_canonical};

/// Where tone marks go in the open rhymes oa, oe and uy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ToneStyle {
    /// Keep the placement the text uses (the default).
    #[default]
    Preserve,
    /// On the main vowel, the second letter (hoà, khoẻ, thuỷ), as Quyết định
    /// 1989/QĐ-BGDĐT (2018) prescribes; Vietnamese software calls it "kiểu mới".
    MainVowel,
    /// On the first letter (hòa, khỏe, thủy), the older typographic habit
    /// most newspapers keep; "kiểu cũ".
    Classic,
}

/// Combining tone marks: grave, acute, tilde, hook above, dot below.
pub(crate) const TONE_MARKS: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

const INITIALS: [&str; 27] = [
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// One letter split into lower-case base, case and tone mark.
#[derive(Clone, Copy)]
struct Letter {
    base: char,
    upper: bool,
    tone: Option<char>,
    shaped: bool,
}

fn split(c: char) -> Option<Letter> {
    let mut base = None;
    let mut tone = None;
    let mut shaped = false;
    let mut ok = true;
    decompose_canonical(c, |d| {
        if base.is_none() {
            base = Some(d);
        } else if TONE_MARKS.contains(&d) && tone.is_none() {
            tone = Some(d);
        } else if matches!(d, '\u{302}' | '\u{306}' | '\u{31B}') {
            shaped = true;
        } else {
            ok = false;
        }
    });
    let b = base?;
    if !ok {
        return None;
    }
    let upper = b.is_uppercase();
    let lower = if b == 'Đ' { 'đ' } else { b.to_ascii_lowercase() };
    if !(lower.is_ascii_lowercase() || lower == 'đ') {
        return None;
    }
    Some(Letter {
        base: lower,
        upper,
        tone,
        shaped,
    })
}

fn rebuild(l: Letter, tone: Option<char>, original: char) -> char {
    let mut c = if l.upper && l.base.is_ascii() {
        l.base.to_ascii_uppercase()
    } else {
        l.base
    };
    if l.shaped {
        // Keep the shape: recompose the original without its tone.
        let mut b = None;
        decompose_canonical(original, |d| {
            b = match b {
                None => Some(d),
                Some(prev) if !TONE_MARKS.contains(&d) => compose(prev, d).or(Some(prev)),
                other => other,
            }
        });
        c = b.unwrap_or(original);
    }
    match tone {
        Some(t) => compose(c, t).unwrap_or(c),
        None => c,
    }
}

/// Restyle one word (a run of letters) in place. Returns true if it changed.
pub(crate) fn restyle_word(word: &mut [char], style: ToneStyle) -> bool {
    if style == ToneStyle::Preserve || word.len() < 2 || word.len() > 7 {
        return false;
    }
    let mut letters = [Letter {
        base: 'a',
        upper: false,
        tone: None,
        shaped: false,
    }; 7];
    for (i, &c) in word.iter().enumerate() {
        match split(c) {
            Some(l) => letters[i] = l,
            None => return false,
        }
    }
    let letters = &letters[..word.len()];
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    // Initial consonant: the longest that matches; gi/qu only before a vowel.
    let mut start = 0;
    for init in INITIALS {
        let n = init.chars().count();
        if n <= letters.len() && init.chars().zip(letters).all(|(a, l)| a == l.base && !l.shaped) {
            if (init == "gi" || init == "qu") && !letters.get(n).is_some_and(|l| is_vowel(l.base)) {
                continue;
            }
            start = n;
            break;
        }
    }
    let rhyme = &letters[start..];
    if rhyme.len() != 2 || rhyme.iter().any(|l| l.shaped) {
        return false;
    }
    if !matches!((rhyme[0].base, rhyme[1].base), ('o', 'a') | ('o', 'e') | ('u', 'y')) {
        return false;
    }
    if letters[..start].iter().any(|l| l.tone.is_some()) {
        return false;
    }
    let tone = match (rhyme[0].tone, rhyme[1].tone) {
        (Some(t), None) | (None, Some(t)) => t,
        _ => return false,
    };
    let target = if style == ToneStyle::MainVowel { 1 } else { 0 };
    if rhyme[target].tone.is_some() {
        return false;
    }
    let (a, b) = (start, start + 1);
    let (wa, wb) = (word[a], word[b]);
    word[a] = rebuild(rhyme[0], (target == 0).then_some(tone), wa);
    word[b] = rebuild(rhyme[1], (target == 1).then_some(tone), wb);
    true
}

/// Restyle every word of `text`; `None` when nothing changed.
pub(crate) fn restyle(text: &str, style: ToneStyle) -> Option<String> {
    if style == ToneStyle::Preserve {
        return None;
    }
    let mut out: Option<String> = None;
    let mut word: Vec<char> = Vec::new();
    let mut word_start = 0;
    let mut copied = 0;
    let flush = |word: &mut Vec<char>, start: usize, end: usize, out: &mut Option<String>, copied: &mut usize| {
        if restyle_word(word, style) {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 8));
            o.push_str(&text[*copied..start]);
            o.extend(word.iter());
            *copied = end;
        }
        word.clear();
    };
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            if word.is_empty() {
                word_start = i;
            }
            word.push(c);
        } else if !word.is_empty() {
            flush(&mut word, word_start, i, &mut out, &mut copied);
        }
    }
    if !word.is_empty() {
        flush(&mut word, word_start, text.len(), &mut out, &mut copied);
    }
    out.map(|mut o| {
        o.push_str(&text[copied..]);
        o
    })
}

/// Append the dictionary key of one syllable to `out`: lower case, tone
/// marks of oa/oe/uy in the classic place, so "HOÀ", "hòa" and "hoà" share
/// one key. `text` must be NFC (see [`crate::normalize::Normalizer`]).
///
/// ```
/// let mut key = String::new();
/// agrivn::normalize::push_key("Hoà", &mut key);
/// assert_eq!(key, "hòa");
/// ```
pub fn push_key(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    let mut buf = ['\0'; 7];
    let mut n = 0;
    for c in text.chars() {
        let l = lower(c);
        if n < buf.len() {
            buf[n] = l;
        }
        n += 1;
    }
    if n <= buf.len() && restyle_word(&mut buf[..n], ToneStyle::Classic) {
        out.extend(buf[..n].iter());
    } else {
        out.extend(text.chars().map(lower));
    }
}

/// Lower case of one char when it is one char (all Vietnamese letters).
#[inline]
fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restyles_only_open_oa_oe_uy() {
        let table = [
            ("hòa", ToneStyle::MainVowel, "hoà"),
            ("hoà", ToneStyle::Classic, "hòa"),
            ("Thủy", ToneStyle::MainVowel, "Thuỷ"),
            ("KHỎE", ToneStyle::MainVowel, "KHOẺ"),
            ("hoàn", ToneStyle::Classic, "hoàn"),
            ("quý", ToneStyle::MainVowel, "quý"),
            ("ngoài", ToneStyle::Classic, "ngoài"),
            ("thuở", ToneStyle::MainVowel, "thuở"),
            ("Xoá", ToneStyle::Classic, "Xóa"),
        ];
        for (input, style, want) in table {
            let got = restyle(input, style).unwrap_or_else(|| input.to_string());
            assert_eq!(got, want, "{input} {style:?}");
        }
    }
}
