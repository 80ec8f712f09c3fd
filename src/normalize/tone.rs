//! Tone-mark placement: the two styles of writing open syllables with the
//! rhymes oa, oe and uy (hòa/hoà, khỏe/khoẻ, thủy/thuỷ).
//!
//! Only these three open rhymes differ between the styles. In every other
//! syllable a misplaced mark moves to the one place both styles agree on
//! ("múôn" to "muốn", "hòan" to "hoàn"); a word that is not a Vietnamese
//! syllable (a loan word or a name: "Léon") is left alone.
//! This file depends on nothing else in the crate: `build.rs` includes it to
//! write dictionary keys in the same tone style as the segmenter.

use std::sync::LazyLock;

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

const INITIALS: [&[u8]; 27] = [
    b"ngh", b"ng", b"gh", b"gi", b"kh", b"nh", b"ph", b"th", b"tr", b"ch", b"qu", b"b", b"c", b"d", b"D",
    b"g", b"h", b"k", b"l", b"m", b"n", b"p", b"r", b"s", b"t", b"v", b"x",
];

const FINALS: [&[u8]; 8] = [b"ch", b"ng", b"nh", b"c", b"m", b"n", b"p", b"t"];

/// Vowel clusters of Vietnamese syllables, written with base letters and the
/// shape marks (`^` circumflex, `(` breve, `+` horn) after them.
const CLUSTERS: &[&[u8]] = &[
    b"a", b"a(", b"a^", b"e", b"e^", b"i", b"o", b"o^", b"o+", b"u", b"u+", b"y", b"ai", b"ao", b"au", b"ay",
    b"a^u", b"a^y", b"eo", b"e^u", b"ia", b"ie^", b"iu", b"oa", b"oa(", b"oe", b"oi", b"o^i", b"o+i", b"oo",
    b"ua", b"ua^", b"ue^", b"ui", b"uo^", b"uo+", b"uy", b"u+a", b"u+i", b"u+o+", b"u+u", b"ye^", b"oai",
    b"oay", b"oao", b"oeo", b"ua^y", b"uo^i", b"uye^", b"uyu", b"uya", b"u+o+i", b"u+o+u", b"ie^u", b"ye^u",
];

/// Clusters that end in a glide (ai, ao, au…) or are open diphthongs (ia,
/// ua, ưa, uơ, uya): a final consonant never follows them ("Léon" and
/// "Xiàn" are not Vietnamese syllables).
const OPEN_ONLY: &[&[u8]] = &[
    b"ai", b"ao", b"au", b"ay", b"a^u", b"a^y", b"eo", b"e^u", b"ia", b"iu", b"oi", b"o^i", b"o+i", b"ua",
    b"ui", b"uo+", b"u+a", b"u+i", b"u+u", b"oai", b"oay", b"oao", b"oeo", b"ua^y", b"uo^i", b"uyu", b"uya",
    b"u+o+i", b"u+o+u", b"ie^u", b"ye^u",
];

/// Clusters only found before a final consonant (ă, â, iê, uô, ươ…); the
/// long oo only before ng and c (xoong, moóc).
const CLOSED_ONLY: &[&[u8]] = &[
    b"a(", b"a^", b"oa(", b"ua^", b"ie^", b"ye^", b"uo^", b"u+o+", b"uye^", b"oo",
];

/// Whether a vowel cluster (in the code of [`CLUSTERS`]) may stand before
/// `final_` (empty for an open syllable).
fn fits(cluster: &[u8], final_: &[u8]) -> bool {
    if !CLUSTERS.contains(&cluster) {
        return false;
    }
    if final_.is_empty() {
        return !CLOSED_ONLY.contains(&cluster);
    }
    if cluster == b"oo" {
        return final_ == b"ng" || final_ == b"c";
    }
    !OPEN_ONLY.contains(&cluster)
}

/// Shape marks by code (1 circumflex, 2 breve, 3 horn).
const SHAPES: [char; 4] = ['\0', '\u{302}', '\u{306}', '\u{31B}'];

/// A letter of Vietnamese split into ASCII base (`D` stands for đ), shape
/// code, tone (1-based index into [`TONE_MARKS`]) and case.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Letter {
    base: u8,
    shape: u8,
    tone: u8,
    upper: bool,
}

impl Letter {
    fn is_vowel(self) -> bool {
        matches!(self.base, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
    }
}

/// Letters of U+0000..U+0250 and U+1E00..U+1F00, split once.
static TABLE: LazyLock<Vec<Letter>> = LazyLock::new(|| {
    let mut t = vec![Letter::default(); 0x250 + 0x100];
    for (i, slot) in t.iter_mut().enumerate() {
        let cp = if i < 0x250 {
            i as u32
        } else {
            0x1E00 + (i - 0x250) as u32
        };
        if let Some(c) = char::from_u32(cp) {
            *slot = split_slow(c).unwrap_or_default();
        }
    }
    t
});

fn split_slow(c: char) -> Option<Letter> {
    let mut base = None;
    let mut l = Letter::default();
    let mut ok = true;
    decompose_canonical(c, |d| {
        if base.is_none() {
            base = Some(d);
        } else if let Some(t) = TONE_MARKS.iter().position(|&m| m == d).filter(|_| l.tone == 0) {
            l.tone = t as u8 + 1;
        } else if let Some(s) = SHAPES
            .iter()
            .position(|&m| m == d)
            .filter(|&s| s > 0 && l.shape == 0)
        {
            l.shape = s as u8;
        } else {
            ok = false;
        }
    });
    let b = base?;
    if !ok {
        return None;
    }
    l.upper = b.is_uppercase();
    l.base = match b {
        'đ' | 'Đ' => b'D',
        b if b.is_ascii_alphabetic() => b.to_ascii_lowercase() as u8,
        _ => return None,
    };
    Some(l)
}

#[inline]
fn split(c: char) -> Option<Letter> {
    let cp = c as u32;
    let i = match cp {
        0..=0x24F => cp as usize,
        0x1E00..=0x1EFF => 0x250 + (cp - 0x1E00) as usize,
        _ => return None,
    };
    let l = TABLE[i];
    (l.base != 0).then_some(l)
}

/// The char of a letter with `tone` (0: none).
fn rebuild(l: Letter, tone: u8) -> char {
    let base = match (l.base, l.upper) {
        (b'D', true) => 'Đ',
        (b'D', false) => 'đ',
        (b, true) => b.to_ascii_uppercase() as char,
        (b, false) => b as char,
    };
    let shape = SHAPES[l.shape as usize];
    let tone_mark = TONE_MARKS.get((tone as usize).wrapping_sub(1)).copied();
    // Canonical order: horn (ccc 216), dot below (220), then circumflex and
    // breve (230): ệ = ẹ + circumflex, but ợ = ơ + dot below.
    let mut c = base;
    let marks: [Option<char>; 2] = if tone_mark == Some('\u{323}') && l.shape != 3 {
        [tone_mark, (l.shape > 0).then_some(shape)]
    } else {
        [(l.shape > 0).then_some(shape), tone_mark]
    };
    for m in marks.into_iter().flatten() {
        c = compose(c, m).unwrap_or(c);
    }
    c
}

/// The index (in the cluster) that carries the tone by the rules of
/// TONE_RULE: a shape-marked vowel (the last of two); otherwise the open
/// oa/oe/uy by style; otherwise the last vowel of a closed syllable, the
/// middle of an open triphthong, the first of an open diphthong.
fn tone_index(cluster: &[Letter], closed: bool, style: ToneStyle) -> usize {
    if let Some(i) = cluster.iter().rposition(|l| l.shape > 0) {
        return i;
    }
    match (cluster.len(), closed) {
        (1, _) => 0,
        (_, true) => cluster.len() - 1,
        (2, false) => {
            let pair = (cluster[0].base, cluster[1].base);
            let main_vowel = matches!(pair, (b'o', b'a') | (b'o', b'e') | (b'u', b'y'));
            usize::from(main_vowel && style == ToneStyle::MainVowel)
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
    let mut letters = [Letter::default(); 7];
    let mut vowels = 0;
    let mut tones = 0;
    let mut from = 0;
    for (i, &c) in word.iter().enumerate() {
        let Some(l) = split(c) else { return false };
        letters[i] = l;
        vowels += usize::from(l.is_vowel());
        if l.tone > 0 {
            tones += 1;
            from = i;
        }
    }
    // One vowel carries the tone wherever it is; no tone, nothing to move.
    if vowels < 2 || tones != 1 {
        return false;
    }
    let letters = &letters[..word.len()];
    // Initial consonant: the longest that matches; gi/qu only before a vowel.
    let mut start = 0;
    for init in INITIALS {
        let n = init.len();
        if n <= letters.len()
            && init
                .iter()
                .zip(letters)
                .all(|(&a, l)| a == l.base && l.shape == 0)
        {
            if (init == b"gi" || init == b"qu") && !letters.get(n).is_some_and(|l| l.is_vowel()) {
                continue;
            }
            start = n;
            break;
        }
    }
    let n_vowels = letters[start..].iter().take_while(|l| l.is_vowel()).count();
    if n_vowels == 0 || n_vowels > 3 {
        return false;
    }
    let end = start + n_vowels;
    let mut final_ = [0u8; 7];
    let tail = &letters[end..];
    for (f, l) in final_.iter_mut().zip(tail) {
        *f = l.base;
    }
    let final_ = &final_[..tail.len()];
    if !final_.is_empty() && !FINALS.contains(&final_) {
        return false;
    }
    let mut code = [0u8; 8];
    let mut n = 0;
    for l in &letters[start..end] {
        code[n] = l.base;
        n += 1;
        if l.shape > 0 {
            code[n] = b" ^(+"[l.shape as usize];
            n += 1;
        }
    }
    if !fits(&code[..n], final_) {
        return false;
    }
    let tone = letters[from].tone;
    let to = start + tone_index(&letters[start..end], !final_.is_empty(), style);
    if from == to {
        return false;
    }
    word[from] = rebuild(letters[from], 0);
    word[to] = rebuild(letters[to], tone);
    true
}

/// Letters and the combining marks on them: a word with a stray mark is not
/// a syllable and is left alone.
fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c)
}

/// Restyle every word of `text`; `None` when nothing changed.
pub(crate) fn restyle(text: &str, style: ToneStyle) -> Option<String> {
    if style == ToneStyle::Preserve {
        return None;
    }
    let mut out: Option<String> = None;
    let mut word: Vec<char> = Vec::with_capacity(8);
    let mut copied = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip to the next non-ASCII byte: a word without one has no tone mark.
        let Some(off) = bytes[i..].iter().position(|&b| b >= 0x80) else {
            break;
        };
        let pos = i + off;
        // The word around it: letters before and after.
        let start = text[..pos]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map_or(pos, |(k, _)| k)
            .max(i);
        let end = text[pos..]
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(text.len(), |(k, _)| pos + k);
        if end == pos {
            // A non-letter (punctuation, symbol): move past it.
            i = pos + text[pos..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        word.clear();
        word.extend(text[start..end].chars());
        if restyle_word(&mut word, style) {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 8));
            o.push_str(&text[copied..start]);
            o.extend(word.iter());
            copied = end;
        }
        i = end;
    }
    out.map(|mut o| {
        o.push_str(&text[copied..]);
        o
    })
}

/// Append the dictionary key of one syllable to `out`: lower case, tone
/// marks of oa/oe/uy in the classic place, so "HOÀ", "hòa" and "hoà" share
/// one key; and đ for the letters that stand for it in text typed with the
/// wrong one (ð, Ð, Ɖ, ɖ), which no Vietnamese word holds. `text` must be
/// NFC (see [`crate::normalize::Normalizer`]).
///
/// ```
/// let mut key = String::new();
/// agrivn::normalize::push_key("Hoà", &mut key);
/// assert_eq!(key, "hòa");
/// key.clear();
/// agrivn::normalize::push_key("Ðồng", &mut key);
/// assert_eq!(key, "đồng");
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

/// Lower case of one char when it is one char (all Vietnamese letters);
/// đ for the letters typed in its place.
#[inline]
fn lower(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if matches!(c, 'ð' | 'Ð' | 'Ɖ' | 'ɖ') {
        return 'đ';
    }
    if let Some(l) = split(c) {
        if !l.upper {
            return c;
        }
        // Upper and lower case sit side by side in these blocks.
        let cp = c as u32;
        let lower = match cp {
            0xC0..=0xDE => cp + 0x20,
            0x100..=0x17F | 0x1E00..=0x1EFF if cp % 2 == 0 => cp + 1,
            0x1A0 | 0x1AF => cp + 1,
            _ => 0,
        };
        if let Some(l) = char::from_u32(lower).filter(|_| lower != 0) {
            return l;
        }
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

    #[test]
    fn leaves_alone_words_whose_rhyme_cannot_close_or_stay_open() {
        // A glide or an open diphthong before a final consonant, a vowel
        // that needs one without it: names and loans, not syllables.
        for word in ["Léon", "Dìan", "Bàin", "Seóng", "bìê", "Boò", "Roót"] {
            for style in [ToneStyle::MainVowel, ToneStyle::Classic] {
                assert_eq!(restyle(word, style), None, "{word} {style:?}");
            }
        }
        // Their valid neighbours still move.
        assert_eq!(restyle("bìên", ToneStyle::Classic).as_deref(), Some("biền"));
        assert_eq!(restyle("xòong", ToneStyle::MainVowel).as_deref(), Some("xoòng"));
    }
}
