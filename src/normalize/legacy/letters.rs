//! Vietnamese letters and syllables: the 12 vowel letters × 6 tones, and a
//! validator for written syllables (initial consonant + rhyme + tone) used
//! by the VIQR and Telex transforms and by encoding detection.

use std::sync::OnceLock;

/// The six tones; `None` is thanh ngang (no mark).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub(crate) enum Tone {
    None,
    Grave,
    Acute,
    Hook,
    Tilde,
    Dot,
}

impl Tone {
    /// All tones in table order.
    pub(crate) const ALL: [Tone; 6] = [
        Tone::None,
        Tone::Grave,
        Tone::Acute,
        Tone::Hook,
        Tone::Tilde,
        Tone::Dot,
    ];

    fn index(self) -> usize {
        match self {
            Tone::None => 0,
            Tone::Grave => 1,
            Tone::Acute => 2,
            Tone::Hook => 3,
            Tone::Tilde => 4,
            Tone::Dot => 5,
        }
    }

    /// The combining mark of the tone.
    pub(crate) fn combining(self) -> Option<char> {
        match self {
            Tone::None => None,
            Tone::Grave => Some('\u{300}'),
            Tone::Acute => Some('\u{301}'),
            Tone::Hook => Some('\u{309}'),
            Tone::Tilde => Some('\u{303}'),
            Tone::Dot => Some('\u{323}'),
        }
    }
}

/// Vowel letter groups (row index of [`VOWELS_LOWER`]).
pub(crate) const G_A: u8 = 0;
pub(crate) const G_A_BREVE: u8 = 1;
pub(crate) const G_A_CIRC: u8 = 2;
pub(crate) const G_E: u8 = 3;
pub(crate) const G_E_CIRC: u8 = 4;
pub(crate) const G_I: u8 = 5;
pub(crate) const G_O: u8 = 6;
pub(crate) const G_O_CIRC: u8 = 7;
pub(crate) const G_O_HORN: u8 = 8;
pub(crate) const G_U: u8 = 9;
pub(crate) const G_U_HORN: u8 = 10;
pub(crate) const G_Y: u8 = 11;

/// Lowercase vowels: rows a ă â e ê i o ô ơ u ư y, columns in
/// [`Tone::ALL`] order (none, grave, acute, hook, tilde, dot).
pub(crate) const VOWELS_LOWER: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

/// Uppercase counterpart of [`VOWELS_LOWER`].
pub(crate) const VOWELS_UPPER: [[char; 6]; 12] = [
    ['A', 'À', 'Á', 'Ả', 'Ã', 'Ạ'],
    ['Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ'],
    ['Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ'],
    ['E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'],
    ['Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ'],
    ['I', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị'],
    ['O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'],
    ['Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ'],
    ['Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ'],
    ['U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'],
    ['Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự'],
    ['Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'],
];

/// Shape mark of a vowel group.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Shape {
    None,
    Breve,
    Circumflex,
    Horn,
}

/// The ASCII base letter of each group.
pub(crate) const GROUP_ASCII: [u8; 12] = *b"aaaeeiooouuy";

/// The shape mark of each group.
pub(crate) const GROUP_SHAPE: [Shape; 12] = [
    Shape::None,
    Shape::Breve,
    Shape::Circumflex,
    Shape::None,
    Shape::Circumflex,
    Shape::None,
    Shape::None,
    Shape::Circumflex,
    Shape::Horn,
    Shape::None,
    Shape::Horn,
    Shape::None,
];

/// A vowel letter split into group, tone and case.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Vowel {
    pub(crate) group: u8,
    pub(crate) tone: Tone,
    pub(crate) upper: bool,
}

/// The vowel letter of `group` with `tone`.
pub(crate) fn vowel_char(group: u8, tone: Tone, upper: bool) -> char {
    let row = usize::from(group.min(G_Y));
    if upper {
        VOWELS_UPPER[row][tone.index()]
    } else {
        VOWELS_LOWER[row][tone.index()]
    }
}

/// Vowel letters live in U+00C0..=U+01BF and U+1EA0..=U+1EFF; both
/// blocks are indexed directly.
struct VowelIndex {
    latin: [Option<Vowel>; 0x100],
    extended: [Option<Vowel>; 0x60],
}

fn vowel_index() -> &'static VowelIndex {
    static INDEX: OnceLock<VowelIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut ix = VowelIndex {
            latin: [None; 0x100],
            extended: [None; 0x60],
        };
        for (upper, rows) in [(false, &VOWELS_LOWER), (true, &VOWELS_UPPER)] {
            for (g, row) in rows.iter().enumerate() {
                for (t, &c) in row.iter().enumerate() {
                    let v = Vowel {
                        group: u8::try_from(g).unwrap_or(G_A),
                        tone: Tone::ALL[t],
                        upper,
                    };
                    let u = u32::from(c) as usize;
                    if (0xC0..0x1C0).contains(&u) {
                        ix.latin[u - 0xC0] = Some(v);
                    } else if (0x1EA0..0x1F00).contains(&u) {
                        ix.extended[u - 0x1EA0] = Some(v);
                    }
                }
            }
        }
        ix
    })
}

/// Split a (precomposed) vowel letter; `None` for anything else.
pub(crate) fn vowel(c: char) -> Option<Vowel> {
    if c.is_ascii() {
        let lower = c.to_ascii_lowercase();
        let group = match lower {
            'a' => G_A,
            'e' => G_E,
            'i' => G_I,
            'o' => G_O,
            'u' => G_U,
            'y' => G_Y,
            _ => return None,
        };
        return Some(Vowel {
            group,
            tone: Tone::None,
            upper: c.is_ascii_uppercase(),
        });
    }
    let u = u32::from(c) as usize;
    let ix = vowel_index();
    match u {
        0xC0..=0x1BF => ix.latin[u - 0xC0],
        0x1EA0..=0x1EFF => ix.extended[u - 0x1EA0],
        _ => None,
    }
}

/// The group of a toneless lowercase vowel char.
fn group_of(c: char) -> Option<u8> {
    vowel(c)
        .filter(|v| !v.upper && v.tone == Tone::None)
        .map(|v| v.group)
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

fn is_shaped(c: char) -> bool {
    matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

/// Whether `chars[i..]` starts an ASCII spelling of đ/Đ: `dd`, `Dd` or `dD`
/// at the start of a word, `DD` anywhere (abbreviations such as HĐQT). In
/// a run of an odd number of `D`s the first one is a plain D
/// (`GDDDT` = GDĐT).
pub(crate) fn starts_dd(chars: &[char], i: usize, at_start: bool) -> bool {
    match (chars.get(i), chars.get(i + 1)) {
        (Some('D'), Some('D')) => {
            // bounded look-ahead keeps long runs linear
            let run = chars[i..].iter().take(32).take_while(|&&c| c == 'D').count();
            run % 2 == 0
        }
        (Some('D'), Some('d')) | (Some('d'), Some('d' | 'D')) => at_start,
        _ => false,
    }
}

/// Longest syllable handled (`nghiêng` has 7 letters).
pub(crate) const MAX_LETTERS: usize = 8;

/// Every rhyme (vowel cluster + final) of standard orthography, toneless,
/// plus `ak`/`ăk` of Central Highlands names (Đắk Lắk).
/// Rhymes starting with `y` other than `y` itself follow `qu` (quýt,
/// quỳnh, quyên) or stand alone (yên, yêu).
const RHYMES: &[&str] = &[
    "a", "ac", "ach", "ai", "ak", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", //
    "ăc", "ăk", "ăm", "ăn", "ăng", "ăp", "ăt", //
    "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây", //
    "e", "ec", "em", "en", "eng", "eo", "ep", "et", //
    "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu", //
    "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu", //
    "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu", //
    "o", "oc", "oi", "om", "on", "ong", "op", "ot", //
    "oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay", //
    "oăc", "oăm", "oăn", "oăng", "oăt", //
    "oe", "oen", "oeo", "oet", "ooc", "oong", //
    "ô", "ôc", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", //
    "ơ", "ơi", "ơm", "ơn", "ơp", "ơt", //
    "u", "ua", "uân", "uâng", "uât", "uây", "uc", "uê", "uêch", "uên", "uênh", "ui", "um", "un", "ung", "uơ",
    "up", "ut", //
    "uy", "uya", "uych", "uyên", "uyêt", "uyn", "uynh", "uyp", "uyt", "uyu", //
    "uôc", "uôi", "uôm", "uôn", "uông", "uôt", //
    "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu", //
    "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu", //
    "y", "ych", "yêm", "yên", "yêng", "yêt", "yêu", "yn", "ynh", "yp", "yt",
];

/// 5-bit code of a letter that can occur in a word.
fn letter_code(c: char) -> Option<u32> {
    let code = match c {
        'a'..='e' => u32::from(c) - u32::from('a') + 1,
        'g'..='i' => u32::from(c) - u32::from('g') + 6,
        'k'..='v' => u32::from(c) - u32::from('k') + 9,
        'x' => 21,
        'y' => 22,
        'ă' => 23,
        'â' => 24,
        'đ' => 25,
        'ê' => 26,
        'ô' => 27,
        'ơ' => 28,
        'ư' => 29,
        _ => return None,
    };
    Some(code)
}

/// A rhyme of up to 6 letters packed into a `u32`.
fn rhyme_key(rhyme: impl Iterator<Item = char>) -> Option<u32> {
    let mut key = 0u32;
    for (i, c) in rhyme.enumerate() {
        if i >= 6 {
            return None;
        }
        key = (key << 5) | letter_code(c)?;
    }
    Some(key)
}

fn rhyme_keys() -> &'static [u32] {
    static KEYS: OnceLock<Vec<u32>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys: Vec<u32> = RHYMES.iter().filter_map(|r| rhyme_key(r.chars())).collect();
        keys.sort_unstable();
        keys
    })
}

fn rhyme_ok(rhyme: &[char]) -> bool {
    match rhyme_key(rhyme.iter().copied()) {
        Some(k) => rhyme_keys().binary_search(&k).is_ok(),
        None => false,
    }
}

fn eq(letters: &[char], s: &str) -> bool {
    letters.iter().copied().eq(s.chars())
}

fn initial_rhyme_ok(initial: &[char], rhyme: &[char]) -> bool {
    let Some(&first) = rhyme.first() else {
        return false;
    };
    let front = matches!(first, 'i' | 'e' | 'ê' | 'y');
    if first == 'y' && rhyme.len() > 1 {
        // yên, yêu stand alone; quýt, quỳnh, quyên follow qu
        let ye = rhyme.get(1) == Some(&'ê');
        if !(eq(initial, "qu") || (ye && initial.is_empty())) {
            return false;
        }
    }
    if rhyme.len() > 1 && first == 'i' && rhyme[1] == 'ê' && initial.is_empty() {
        return false; // written yê
    }
    match initial.len() {
        0 => true,
        // k also stands before a, o, u in names (Bắc Kạn, Mê Kông)
        _ if eq(initial, "gh") || eq(initial, "ngh") => front,
        _ if eq(initial, "c") || eq(initial, "ng") => !front,
        _ if eq(initial, "g") => !matches!(first, 'e' | 'ê' | 'y'),
        _ if eq(initial, "qu") => first != 'u',
        _ => true,
    }
}

fn checked_tone_ok(rhyme: &[char], tone: Tone) -> bool {
    let closed = match rhyme.last() {
        Some('c' | 'k' | 'p' | 't') => true,
        Some('h') => rhyme.len() >= 2 && rhyme[rhyme.len() - 2] == 'c',
        _ => false,
    };
    !closed || matches!(tone, Tone::Acute | Tone::Dot)
}

/// Where a tone may go in `rhyme`: (preferred index, other accepted index).
/// The preferred one follows the main-vowel rule (QĐ 1989/2018: hoà, thuỷ);
/// the classic rule (hòa, thủy) differs only in open oa/oe/uy and is the
/// accepted alternative there.
fn tone_slots(rhyme: &[char]) -> Option<(usize, Option<usize>)> {
    let nv = rhyme.iter().take_while(|&&c| is_vowel(c)).count();
    if nv == 0 {
        return None;
    }
    let cluster = &rhyme[..nv];
    let has_coda = nv < rhyme.len();
    if let Some(p) = cluster.iter().rposition(|&c| is_shaped(c)) {
        return Some((p, None));
    }
    if nv == 1 {
        return Some((0, None));
    }
    if eq(cluster, "oa") || eq(cluster, "oe") || eq(cluster, "uy") {
        return Some(if has_coda { (1, None) } else { (1, Some(0)) });
    }
    if eq(cluster, "oo") || nv >= 3 {
        return Some((1, None));
    }
    Some((0, None))
}

/// A word broken into toneless lowercase letters, case flags and tone.
struct Letters {
    chars: [char; MAX_LETTERS],
    upper: [bool; MAX_LETTERS],
    len: usize,
    tone: Tone,
    tone_at: usize,
}

fn split_word(word: &str) -> Option<Letters> {
    let mut l = Letters {
        chars: ['\0'; MAX_LETTERS],
        upper: [false; MAX_LETTERS],
        len: 0,
        tone: Tone::None,
        tone_at: usize::MAX,
    };
    for c in word.chars() {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            // a combining mark on the previous letter (decomposed input)
            let prev = l.len.checked_sub(1)?;
            let shaped = match (c, l.chars[prev]) {
                ('\u{302}', 'a') => 'â',
                ('\u{302}', 'e') => 'ê',
                ('\u{302}', 'o') => 'ô',
                ('\u{306}', 'a') => 'ă',
                ('\u{31b}', 'o') => 'ơ',
                ('\u{31b}', 'u') => 'ư',
                (_, prev_char) => {
                    let tone = match c {
                        '\u{300}' => Tone::Grave,
                        '\u{301}' => Tone::Acute,
                        '\u{309}' => Tone::Hook,
                        '\u{303}' => Tone::Tilde,
                        '\u{323}' => Tone::Dot,
                        _ => return None,
                    };
                    if l.tone != Tone::None || !is_vowel(prev_char) {
                        return None;
                    }
                    l.tone = tone;
                    l.tone_at = prev;
                    continue;
                }
            };
            l.chars[prev] = shaped;
            continue;
        }
        if l.len == MAX_LETTERS {
            return None;
        }
        let (base, upper) = if let Some(v) = vowel(c) {
            if v.tone != Tone::None {
                if l.tone != Tone::None {
                    return None;
                }
                l.tone = v.tone;
                l.tone_at = l.len;
            }
            (VOWELS_LOWER[usize::from(v.group)][0], v.upper)
        } else if c.is_ascii_alphabetic() {
            (c.to_ascii_lowercase(), c.is_ascii_uppercase())
        } else if c == 'đ' || c == 'Đ' {
            ('đ', c == 'Đ')
        } else {
            return None;
        };
        l.chars[l.len] = base;
        l.upper[l.len] = upper;
        l.len += 1;
    }
    Some(l)
}

fn case_ok(upper: &[bool]) -> bool {
    match upper.split_first() {
        None => false,
        Some((_, rest)) => upper.iter().all(|&u| u) || rest.iter().all(|&u| !u),
    }
}

/// Initial-consonant lengths that `letters` may start with, longest first,
/// ending with 0 (no initial). The initials are b c ch d đ g gh gi h k kh
/// l m n ng ngh nh p ph qu r s t th tr v x.
fn initial_lengths(letters: &[char]) -> impl Iterator<Item = usize> {
    let at = |i: usize| letters.get(i).copied().unwrap_or('\0');
    let mut lens = [0usize; 4];
    let mut n = 0;
    let mut add = |len: usize| {
        lens[n] = len;
        n += 1;
    };
    match (at(0), at(1)) {
        ('n', 'g') => {
            if at(2) == 'h' {
                add(3);
            }
            add(2);
            add(1);
        }
        ('n', 'h') | ('k', 'h') | ('p', 'h') | ('c', 'h') => {
            add(2);
            add(1);
        }
        ('g', 'h' | 'i') | ('t', 'h' | 'r') => {
            add(2);
            add(1);
        }
        ('q', 'u') => add(2),
        (
            'b' | 'c' | 'd' | 'đ' | 'g' | 'h' | 'k' | 'l' | 'm' | 'n' | 'p' | 'r' | 's' | 't' | 'v' | 'x',
            _,
        ) => add(1),
        _ => {}
    }
    add(0);
    lens.into_iter().take(n)
}

/// Whether `word` (letters only; precomposed or with combining marks in
/// any order) is a well-formed Vietnamese syllable: a known initial and
/// rhyme that go together, at most one tone, on a vowel where the classic
/// or the main-vowel rule puts it, a checked final (c ch k p t) only with
/// sắc or nặng, and a sane case pattern (lower, UPPER or Capitalized).
pub(crate) fn is_syllable(word: &str) -> bool {
    syllable_key(word).is_some()
}

/// For a word that [`is_syllable`], a number that identifies it
/// regardless of case and of composition (precomposed or decomposed):
/// the letters packed 5 bits each, the tone and its position.
pub(crate) fn syllable_key(word: &str) -> Option<u64> {
    let l = split_word(word)?;
    if !case_ok(&l.upper[..l.len]) || !valid_parts(&l) {
        return None;
    }
    let mut key = 0u64;
    for &c in &l.chars[..l.len] {
        key = (key << 5) | u64::from(letter_code(c)?);
    }
    let tone = Tone::ALL.iter().position(|&t| t == l.tone).unwrap_or(0);
    let at = if l.tone == Tone::None { 0 } else { l.tone_at + 1 };
    Some((key << 7) | ((tone as u64) << 4) | at as u64)
}

fn valid_parts(l: &Letters) -> bool {
    let letters = &l.chars[..l.len];
    for k in initial_lengths(letters) {
        let rhyme = &letters[k..];
        if rhyme.is_empty() || !rhyme_ok(rhyme) || !initial_rhyme_ok(&letters[..k], rhyme) {
            continue;
        }
        if !checked_tone_ok(rhyme, l.tone) {
            continue;
        }
        if l.tone != Tone::None {
            if l.tone_at < k {
                continue;
            }
            let p = l.tone_at - k;
            match tone_slots(rhyme) {
                Some((a, b)) if a == p || b == Some(p) => {}
                _ => continue,
            }
        }
        return true;
    }
    false
}

/// Build a syllable from toneless lowercase `letters` (ASCII letters, đ and
/// the shaped vowels), their case flags and a tone, putting the tone where
/// the main-vowel rule puts it. `None` if the letters do not form a
/// syllable ([`is_syllable`] rules).
pub(crate) fn compose(letters: &[char], upper: &[bool], tone: Tone) -> Option<String> {
    if letters.is_empty() || letters.len() > MAX_LETTERS || letters.len() != upper.len() {
        return None;
    }
    if !case_ok(upper) {
        return None;
    }
    for k in initial_lengths(letters) {
        let rhyme = &letters[k..];
        if rhyme.is_empty() || !rhyme_ok(rhyme) || !initial_rhyme_ok(&letters[..k], rhyme) {
            continue;
        }
        if !checked_tone_ok(rhyme, tone) {
            continue;
        }
        let at = match tone {
            Tone::None => usize::MAX,
            _ => match tone_slots(rhyme) {
                Some((p, _)) => k + p,
                None => continue,
            },
        };
        let mut out = String::with_capacity(letters.len() * 3);
        for (i, (&c, &up)) in letters.iter().zip(upper).enumerate() {
            if let Some(g) = group_of(c) {
                let t = if i == at { tone } else { Tone::None };
                out.push(vowel_char(g, t, up));
            } else if c == 'đ' {
                out.push(if up { 'Đ' } else { 'đ' });
            } else if up {
                out.push(c.to_ascii_uppercase());
            } else {
                out.push(c);
            }
        }
        return Some(out);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn vowel_table_matches_unicode_decomposition() {
        let shape_mark = [None, Some('\u{306}'), Some('\u{302}'), Some('\u{31b}')];
        for (upper, rows) in [(false, &VOWELS_LOWER), (true, &VOWELS_UPPER)] {
            for (g, row) in rows.iter().enumerate() {
                for (t, &c) in row.iter().enumerate() {
                    let mut want = String::new();
                    let base = char::from(GROUP_ASCII[g]);
                    want.push(if upper { base.to_ascii_uppercase() } else { base });
                    let s = match GROUP_SHAPE[g] {
                        Shape::None => 0,
                        Shape::Breve => 1,
                        Shape::Circumflex => 2,
                        Shape::Horn => 3,
                    };
                    want.extend(shape_mark[s]);
                    want.extend(Tone::ALL[t].combining());
                    let want: String = want.nfc().collect();
                    assert_eq!(c.to_string(), want, "row {g} col {t}");
                    let v = vowel(c).unwrap();
                    assert_eq!((usize::from(v.group), v.tone, v.upper), (g, Tone::ALL[t], upper));
                    assert_eq!(vowel_char(v.group, v.tone, v.upper), c);
                }
            }
        }
    }

    #[test]
    fn every_rhyme_has_a_key() {
        assert_eq!(rhyme_keys().len(), RHYMES.len());
    }

    #[test]
    fn accepts_well_formed_syllables() {
        let good = [
            "a",
            "ở",
            "nghiêng",
            "khuếch",
            "Đắk",
            "người",
            "Đường",
            "NƯỚC",
            "quý",
            "quýt",
            "quỳnh",
            "quyền",
            "gì",
            "giữ",
            "giếng",
            "yêu",
            "yên",
            "hoà",
            "hòa",
            "thuỷ",
            "thủy",
            "khoẻ",
            "khỏe",
            "hoàn",
            "toán",
            "khuỷu",
            "ngoài",
            "xoáy",
            "thuở",
            "Huế",
            "thuyền",
            "xoong",
            "kỹ",
            "ký",
            "Kạn",
            "Kông",
            "ghi",
            "nghe",
            "cà",
            "phê",
            "lợn",
            "hơi",
            "Ăn",
            "tháp",
            "học",
            "mạch",
            "suýt",
            "huỳnh",
            "tuấn",
            "quốc",
            "gạo",
            "ng\u{1b0}\u{1a1}\u{300}i",
            "ngu\u{31b}o\u{31b}\u{300}i",
            "o\u{323}\u{302}",
            "o\u{302}\u{323}",
            "Ho\u{61}\u{300}",
        ];
        for w in good {
            assert!(is_syllable(w), "{w}");
        }
    }

    #[test]
    fn rejects_malformed_words() {
        let bad = [
            "",
            "ng",
            "ghà",
            "mủa\u{301}",
            "muả",
            "hóà",
            "tháng\u{301}",
            "thàp",
            "học\u{300}",
            "cê",
            "ghá",
            "ngi",
            "nGƯời",
            "aù",
            "hôïp",
            "taùc",
            "iên",
            "gyêu",
            "hello",
            "vivre",
            "quúy",
            "wa",
            "Ẵi",
            "ßỏ",
            "hoá\u{300}",
            "nhưnng",
            "\u{301}a",
            "u\u{302}",
            "b\u{301}a",
            "ô\u{302}",
            "a\u{301}\u{300}",
        ];
        for w in bad {
            let w: String = w.nfc().collect();
            assert!(!is_syllable(&w), "{w}");
        }
    }

    #[test]
    fn compose_places_tone_on_main_vowel() {
        let cases = [
            ("nguoi", [false; 5].as_slice(), Tone::None, None),
            ("ngươi", &[false; 5], Tone::Grave, Some("người")),
            ("hoa", &[true, false, false], Tone::Grave, Some("Hoà")),
            ("hoan", &[false; 4], Tone::Grave, Some("hoàn")),
            ("thuy", &[false; 4], Tone::Hook, Some("thuỷ")),
            ("mua", &[false; 3], Tone::Hook, Some("mủa")),
            ("quy", &[false; 3], Tone::Acute, Some("quý")),
            ("gia", &[false; 3], Tone::Grave, Some("già")),
            ("gin", &[false; 3], Tone::Grave, Some("gìn")),
            ("đăk", &[true, false, false], Tone::Acute, Some("Đắk")),
            ("tiêng", &[false; 5], Tone::Acute, Some("tiếng")),
            ("hop", &[false; 3], Tone::Grave, None),
            ("thư", &[false; 3], Tone::None, Some("thư")),
        ];
        for (letters, upper, tone, want) in cases {
            let letters: Vec<char> = letters.chars().collect();
            assert_eq!(compose(&letters, upper, tone).as_deref(), want, "{letters:?}");
        }
    }
}
