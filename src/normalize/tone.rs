//! Tone-mark placement: the two styles of writing open syllables with the
//! rhymes oa, oe and uy (hòa/hoà, khỏe/khoẻ, thủy/thuỷ).
//!
//! Only these three open rhymes differ between the styles; every other
//! syllable, and every word that is not a Vietnamese syllable, is left alone.
//! This file depends on nothing else in the crate: `build.rs` includes it to
//! write dictionary keys in the same tone style as the segmenter.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::decompose_canonical;

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
    let base = match (l.upper, l.base) {
        (true, 'đ') => 'Đ',
        (true, b) => b.to_ascii_uppercase(),
        (false, b) => b,
    };
    let mut shape = None;
    decompose_canonical(original, |d| {
        if matches!(d, '\u{302}' | '\u{306}' | '\u{31B}') {
            shape = Some(d);
        }
    });
    let seq = [Some(base), shape, tone];
    seq.into_iter().flatten().nfc().next().unwrap_or(original)
}

const FINALS: [&str; 8] = ["ch", "ng", "nh", "c", "m", "n", "p", "t"];

/// Vowel clusters of Vietnamese syllables, written with base letters and the
/// shape marks (`^` circumflex, `(` breve, `+` horn) after them.
const CLUSTERS: &[&str] = &[
    "a", "a(", "a^", "e", "e^", "i", "o", "o^", "o+", "u", "u+", "y", "ai", "ao", "au", "ay",
    "a^u", "a^y", "eo", "e^u", "ia", "ie^", "iu", "oa", "oa(", "oe", "oi", "o^i", "o+i", "oo",
    "ua", "ua^", "ue^", "ui", "uo^", "uo+", "uy", "u+a", "u+i", "u+o+", "u+u", "ye^", "oai",
    "oay", "oao", "oeo", "ua^y", "uo^i", "uye^", "uyu", "uya", "u+o+i", "u+o+u", "ie^u", "ye^u",
];

fn shape_code(c: char) -> Option<char> {
    match c {
        '\u{302}' => Some('^'),
        '\u{306}' => Some('('),
        '\u{31B}' => Some('+'),
        _ => None,
    }
}

/// The index (in the cluster) that carries the tone by the rules of
/// TONE_RULE: a shape-marked vowel (the last of two); otherwise the open
/// oa/oe/uy by style; otherwise the last vowel of a closed syllable, the
/// middle of an open triphthong, the first of an open diphthong.
fn tone_index(cluster: &[Letter], closed: bool, style: ToneStyle) -> usize {
    if let Some(i) = cluster.iter().rposition(|l| l.shaped) {
        return i;
    }
    match (cluster.len(), closed) {
        (1, _) => 0,
        (_, true) => cluster.len() - 1,
        (2, false) => {
            let pair = (cluster[0].base, cluster[1].base);
            if matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y')) && style == ToneStyle::MainVowel {
                1
            } else {
                0
            }
        }
        _ => 1,
    }
}

/// Place the tone of one word (a run of letters) by `style`, in place.
/// Words that are not one Vietnamese syllable with one tone are left alone.
/// Returns true if the word changed.
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
    let mut shapes = ['\0'; 7];
    for (i, &c) in word.iter().enumerate() {
        match split(c) {
            Some(l) => letters[i] = l,
            None => return false,
        }
        decompose_canonical(c, |d| {
            if let Some(code) = shape_code(d) {
                shapes[i] = code;
            }
        });
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
    let vowels = letters[start..].iter().take_while(|l| is_vowel(l.base)).count();
    if vowels == 0 {
        return false;
    }
    let end = start + vowels;
    let final_: String = letters[end..].iter().map(|l| l.base).collect();
    if !final_.is_empty() && !FINALS.contains(&final_.as_str()) {
        return false;
    }
    let mut code = String::with_capacity(8);
    for i in start..end {
        code.push(letters[i].base);
        if shapes[i] != '\0' {
            code.push(shapes[i]);
        }
    }
    if !CLUSTERS.contains(&code.as_str()) {
        return false;
    }
    let toned: Vec<usize> = (0..letters.len()).filter(|&i| letters[i].tone.is_some()).collect();
    let [from] = toned.as_slice() else {
        return false;
    };
    let from = *from;
    let tone = letters[from].tone.unwrap_or('\u{301}');
    let to = start + tone_index(&letters[start..end], !final_.is_empty(), style);
    if from == to {
        return false;
    }
    let (wf, wt) = (word[from], word[to]);
    word[from] = rebuild(letters[from], None, wf);
    word[to] = rebuild(letters[to], Some(tone), wt);
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
