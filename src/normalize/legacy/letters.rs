//! Vietnamese letters and syllables: the 12 vowel letters × 6 tones, and a
//! validator for written syllables (initial consonant + rhyme + tone) used
//! by the VIQR and Telex transforms and by encoding detection.

use std::collections::{HashMap, HashSet};
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

fn vowel_map() -> &'static HashMap<char, Vowel> {
    static MAP: OnceLock<HashMap<char, Vowel>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::with_capacity(144);
        for (upper, rows) in [(false, &VOWELS_LOWER), (true, &VOWELS_UPPER)] {
            for (g, row) in rows.iter().enumerate() {
                for (t, &c) in row.iter().enumerate() {
                    let group = u8::try_from(g).unwrap_or(G_A);
                    m.insert(
                        c,
                        Vowel {
                            group,
                            tone: Tone::ALL[t],
                            upper,
                        },
                    );
                }
            }
        }
        m
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
    vowel_map().get(&c).copied()
}

/// The group of a toneless lowercase vowel char.
fn group_of(c: char) -> Option<u8> {
    vowel(c).filter(|v| !v.upper && v.tone == Tone::None).map(|v| v.group)
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
        (Some('D'), Some('D')) => chars[i..].iter().take_while(|&&c| c == 'D').count() % 2 == 0,
        (Some('D'), Some('d')) | (Some('d'), Some('d' | 'D')) => at_start,
        _ => false,
    }
}

/// Longest syllable handled (`nghiêng` has 7 letters).
pub(crate) const MAX_LETTERS: usize = 8;

const INITIALS: [&str; 27] = [
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

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
    "u", "ua", "uân", "uâng", "uât", "uây", "uc", "uê", "uêch", "uên", "uênh", "ui", "um", "un",
    "ung", "uơ", "up", "ut", //
    "uy", "uya", "uych", "uyên", "uyêt", "uyn", "uynh", "uyp", "uyt", "uyu", //
    "uôc", "uôi", "uôm", "uôn", "uông", "uôt", //
    "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu", //
    "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu", //
    "y", "ych", "yêm", "yên", "yêng", "yêt", "yêu", "yn", "ynh", "yp", "yt",
];

fn rhyme_set() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| RHYMES.iter().copied().collect())
}

fn rhyme_ok(rhyme: &[char]) -> bool {
    let mut buf = [0u8; 4 * MAX_LETTERS];
    let mut len = 0;
    for &c in rhyme {
        if len + c.len_utf8() > buf.len() {
            return false;
        }
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    match std::str::from_utf8(&buf[..len]) {
        Ok(s) => rhyme_set().contains(s),
        Err(_) => false,
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

/// Initial-consonant lengths that `letters` may start with, longest first.
fn initial_lengths(letters: &[char]) -> impl Iterator<Item = usize> + '_ {
    INITIALS
        .iter()
        .filter(|ini| {
            let n = ini.chars().count();
            n <= letters.len() && eq(&letters[..n], ini)
        })
        .map(|ini| ini.chars().count())
        .chain(std::iter::once(0))
}

/// Whether `word` (NFC, letters only) is a well-formed Vietnamese
/// syllable: a known initial and rhyme that go together, at most one tone,
/// on a vowel where the classic or the main-vowel rule puts it, a checked
/// final (c ch p t) only with sắc or nặng, and a sane case pattern
/// (lower, UPPER or Capitalized).
pub(crate) fn is_syllable(word: &str) -> bool {
    let Some(l) = split_word(word) else {
        return false;
    };
    if !case_ok(&l.upper[..l.len]) {
        return false;
    }
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
    fn accepts_well_formed_syllables() {
        let good = [
            "a", "ở", "nghiêng", "khuếch", "Đắk", "người", "Đường", "NƯỚC", "quý", "quýt", "quỳnh",
            "quyền", "gì", "giữ", "giếng", "yêu", "yên", "hoà", "hòa", "thuỷ", "thủy", "khoẻ",
            "khỏe", "hoàn", "toán", "khuỷu", "ngoài", "xoáy", "thuở", "Huế", "thuyền", "xoong",
            "kỹ", "ký", "Kạn", "Kông", "ghi", "nghe", "cà", "phê", "lợn", "hơi", "Ăn", "tháp", "học", "mạch",
            "suýt", "huỳnh", "tuấn", "quốc", "gạo",
        ];
        for w in good {
            assert!(is_syllable(w), "{w}");
        }
    }

    #[test]
    fn rejects_malformed_words() {
        let bad = [
            "", "ng", "ghà", "mủa\u{301}", "muả", "hóà", "tháng\u{301}", "thàp", "học\u{300}",
            "cê", "ghá", "ngi", "nGƯời", "aù", "hôïp", "taùc", "iên", "gyêu",
            "hello", "vivre", "quúy", "wa", "Ẵi", "ßỏ", "hoá\u{300}", "nhưnng",
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
