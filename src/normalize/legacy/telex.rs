//! Raw Telex keystrokes (text typed with a Vietnamese input method switched
//! off) back to Vietnamese.
//!
//! Per word (a run of ASCII letters): `dd` = đ at the start (`DD` anywhere
//! in an all-caps abbreviation: `HDDQT` = HĐQT); `aa` â, `ee`
//! ê, `oo` ô (a tripled letter is the literal double, `xooong` = xoong);
//! `aw` ă, `ow` ơ, `uw` ư, `uow`/`uwow` ươ, `w` on its own ư; a final
//! `s f r x j` is the tone (sắc huyền hỏi ngã nặng) and a final `z`
//! removes it. A tone key typed between the vowels and the final consonant
//! is accepted too (`lowjn`, `tieesng`). The tone is placed on the vowel the main-vowel rule
//! (QĐ 1989/2018) gives. A word is converted only if the result is a
//! well-formed Vietnamese syllable, so English words and numbers stay.

use super::letters::{self, Tone};

/// Word counts gathered while decoding (for detection).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Stats {
    /// ASCII words seen.
    pub(super) words: usize,
    /// Words converted to a syllable with marks.
    pub(super) hits: usize,
}

fn tone_key(c: char) -> Option<Tone> {
    match c {
        's' => Some(Tone::Acute),
        'f' => Some(Tone::Grave),
        'r' => Some(Tone::Hook),
        'x' => Some(Tone::Tilde),
        'j' => Some(Tone::Dot),
        _ => None,
    }
}

/// Position of a tone key typed between the vowels and a final consonant
/// (`lowjn` = lợn).
fn inner_tone_key(lower: &[char]) -> Option<usize> {
    let first_vowel = lower
        .iter()
        .position(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w'))?;
    let p = (first_vowel + 1..lower.len()).find(|&p| tone_key(lower[p]).is_some())?;
    let tail: String = lower[p + 1..].iter().collect();
    matches!(
        tail.as_str(),
        "c" | "ch" | "k" | "m" | "n" | "ng" | "nh" | "p" | "t"
    )
    .then_some(p)
}

/// Longest word considered (`nghieeengx` and the like fit easily).
const MAX_WORD: usize = 16;

/// Convert one word of Telex keys; `None` if it is not Telex.
fn decode_word(word: &[char]) -> Option<String> {
    let n = word.len();
    if n == 0 || n > MAX_WORD {
        return None;
    }
    let mut lower: Vec<char> = word.iter().map(|c| c.to_ascii_lowercase()).collect();
    let mut word: Vec<char> = word.to_vec();
    let mut end = n;
    let mut tone = Tone::None;
    let mut removed = false;
    if n >= 2 {
        if let Some(t) = tone_key(lower[n - 1]) {
            tone = t;
            end -= 1;
        } else if lower[n - 1] == 'z' {
            removed = true;
            end -= 1;
        } else if let Some(p) = inner_tone_key(&lower) {
            // tone typed right after the vowel: "lowjn", "tieesng"
            tone = tone_key(lower[p]).unwrap_or(Tone::None);
            lower.remove(p);
            word.remove(p);
            end -= 1;
        }
    }
    let mut out: Vec<char> = Vec::with_capacity(end);
    let mut upper: Vec<bool> = Vec::with_capacity(end);
    let mut shaped = false;
    let mut i = 0;
    while i < end {
        let c = lower[i];
        let up = word[i].is_ascii_uppercase();
        // dd at the start, DD anywhere (HDDQT = HĐQT)
        if letters::starts_dd(&word[..end], i, i == 0) {
            out.push('đ');
            upper.push(up);
            shaped = true;
            i += 2;
            continue;
        }
        let next = if i + 1 < end { Some(lower[i + 1]) } else { None };
        let next2 = if i + 2 < end { Some(lower[i + 2]) } else { None };
        match (c, next) {
            ('a' | 'e' | 'o', Some(m)) if m == c => {
                if next2 == Some(c) {
                    // tripled: the literal double letter
                    out.extend([c, c]);
                    upper.extend([up, word[i + 1].is_ascii_uppercase()]);
                    i += 3;
                } else {
                    out.push(match c {
                        'a' => 'â',
                        'e' => 'ê',
                        _ => 'ô',
                    });
                    upper.push(up);
                    i += 2;
                }
                shaped = true;
            }
            ('a', Some('w')) => {
                out.push('ă');
                upper.push(up);
                shaped = true;
                i += 2;
            }
            ('o', Some('w')) => {
                if out.last() == Some(&'u') {
                    if let Some(l) = out.last_mut() {
                        *l = 'ư';
                    }
                }
                out.push('ơ');
                upper.push(up);
                shaped = true;
                i += 2;
            }
            ('u', Some('w')) => {
                out.push('ư');
                upper.push(up);
                shaped = true;
                i += 2;
            }
            ('w', _) => {
                out.push('ư');
                upper.push(up);
                shaped = true;
                i += 1;
            }
            _ => {
                out.push(c);
                upper.push(up);
                i += 1;
            }
        }
    }
    // "uwo" + final: the IME completes ươ
    for j in 1..out.len().saturating_sub(1) {
        if out[j - 1] == 'ư' && out[j] == 'o' {
            out[j] = 'ơ';
        }
    }
    if tone == Tone::None && !shaped {
        return None;
    }
    if removed && !shaped {
        return None;
    }
    if out.is_empty() || out.len() > letters::MAX_LETTERS {
        return None;
    }
    letters::compose(&out, &upper, tone)
}

/// An all-caps abbreviation typed with `DD` for Đ (`HDDQT`, `BDDS`): the
/// letters with each DD read as Đ, nothing else changed.
fn decode_abbreviation(word: &[char]) -> Option<String> {
    if word.len() < 2 || word.len() > MAX_WORD || !word.iter().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    if word.iter().any(|c| matches!(c, 'A' | 'E' | 'O' | 'W')) {
        return None;
    }
    let mut out = String::with_capacity(word.len() + 1);
    let mut found = false;
    let mut i = 0;
    while i < word.len() {
        if letters::starts_dd(word, i, i == 0) {
            out.push('Đ');
            found = true;
            i += 2;
        } else {
            out.push(word[i]);
            i += 1;
        }
    }
    found.then_some(out)
}

/// Decode Telex text.
pub(super) fn decode(text: &str) -> String {
    decode_with_stats(text).0
}

/// Decode Telex text and count the words that were converted.
pub(super) fn decode_with_stats(text: &str) -> (String, Stats) {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut out = String::with_capacity(text.len());
    let mut stats = Stats::default();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        let at_boundary = i == 0 || !chars[i - 1].is_alphanumeric();
        if !c.is_ascii_alphabetic() || !at_boundary {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        while i < n && chars[i].is_ascii_alphabetic() {
            i += 1;
        }
        // a word glued to digits or other letters is not a syllable
        if i < n && chars[i].is_alphanumeric() {
            out.extend(&chars[start..i]);
            continue;
        }
        stats.words += 1;
        let word = &chars[start..i];
        match decode_word(word).or_else(|| decode_abbreviation(word)) {
            Some(w) => {
                stats.hits += 1;
                out.push_str(&w);
            }
            None => out.extend(&chars[start..i]),
        }
    }
    (out, stats)
}

/// Encode NFC `text` as Telex keystrokes (tone key at the end of each
/// word); `None` if it has a non-ASCII char that is not a Vietnamese letter
/// or a word with two tones.
pub(super) fn encode(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + text.len() / 3);
    let mut word: Vec<char> = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        let c = chars.next();
        let is_letter =
            c.is_some_and(|c| c.is_ascii_alphabetic() || c == 'đ' || c == 'Đ' || letters::vowel(c).is_some());
        if is_letter {
            word.extend(c);
            continue;
        }
        if !word.is_empty() {
            encode_word(&word, &mut out)?;
            word.clear();
        }
        match c {
            None => break,
            Some(c) if c.is_ascii() => out.push(c),
            Some(_) => return None,
        }
    }
    Some(out)
}

fn encode_word(word: &[char], out: &mut String) -> Option<()> {
    if word.iter().all(|c| c.is_ascii()) {
        out.extend(word);
        return Some(());
    }
    let all_upper = word.len() > 1 && word.iter().all(|c| !c.is_lowercase());
    let mut tone = Tone::None;
    for &c in word {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        if c == 'đ' || c == 'Đ' {
            out.push_str(if c == 'Đ' { "DD" } else { "dd" });
            continue;
        }
        let v = letters::vowel(c)?;
        let base = char::from(letters::GROUP_ASCII[usize::from(v.group)]);
        let base = if v.upper { base.to_ascii_uppercase() } else { base };
        out.push(base);
        match letters::GROUP_SHAPE[usize::from(v.group)] {
            letters::Shape::None => {}
            letters::Shape::Circumflex => out.push(base),
            letters::Shape::Breve | letters::Shape::Horn => {
                out.push(if v.upper { 'W' } else { 'w' });
            }
        }
        if v.tone != Tone::None {
            if tone != Tone::None {
                return None;
            }
            tone = v.tone;
        }
    }
    let key = match tone {
        Tone::None => None,
        Tone::Acute => Some('s'),
        Tone::Grave => Some('f'),
        Tone::Hook => Some('r'),
        Tone::Tilde => Some('x'),
        Tone::Dot => Some('j'),
    };
    if let Some(k) = key {
        out.push(if all_upper { k.to_ascii_uppercase() } else { k });
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_own_examples() {
        let cases = [
            ("Vieetj Nam", "Việt Nam"),
            ("DDawks Lawks", "Đắk Lắk"),
            ("nguwoif nuoioi", "người nuoioi"),
            ("tw nhw", "tư như"),
            ("duwowngf", "dường"),
            ("giaos luas tawng", "giáo lúa tăng"),
            ("hoaf thuyr", "hoà thuỷ"),
            ("the iPhone was 50 kg", "the iPhone ứa 50 kg"),
            ("xooong", "xoong"),
            ("lowjn tieesng", "lợn tiếng"),
            ("baz", "baz"),
            ("NUWOWCS", "NƯỚC"),
            ("Google Facebook COVID", "Google Facebook COVID"),
            ("a1s", "a1s"),
            ("w", "ư"),
            ("HDDQT GD&DDT DDHDDCDD GDDDT BDDS", "HĐQT GD&ĐT ĐHĐCĐ GDĐT BĐS"),
        ];
        for (input, want) in cases {
            assert_eq!(decode(input), want, "{input}");
        }
    }

    #[test]
    fn encode_round_trips_syllables() {
        let words = [
            "người",
            "Đường",
            "NƯỚC",
            "hoà",
            "thuỷ",
            "khuỷu",
            "quyết",
            "giếng",
            "Ăn",
            "ở",
            "xã",
            "Việt",
            "Hà",
            "Nội",
        ];
        for w in words {
            let keys = encode(w).unwrap();
            assert!(keys.is_ascii(), "{keys}");
            assert_eq!(decode(&keys), w, "{keys}");
        }
        assert_eq!(encode("nông thôn mới").as_deref(), Some("noong thoon mowis"));
        assert_eq!(encode("“x”"), None);
    }

    #[test]
    fn counts_converted_words() {
        let (_, s) = decode_with_stats("Giaos lowjn howi tawng 5%");
        assert_eq!((s.words, s.hits), (4, 4));
        let (_, s) = decode_with_stats("price of pork rises");
        assert_eq!(s.words, 4);
        assert!(s.hits <= 1);
    }
}
