//! Character classes the normalizer needs: whitespace, ignorables, line
//! breaks, lookalike letters, fullwidth forms and Vietnamese marks.

/// Combining marks Vietnamese uses for vowel shape (circumflex, breve, horn).
pub(crate) const SHAPE_MARKS: [char; 3] = ['\u{302}', '\u{306}', '\u{31B}'];

/// Line breaks that become `\n` (CR and CRLF are handled by the caller).
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{0B}' | '\u{0C}'
    )
}

/// Horizontal whitespace that becomes one ASCII space (Zs and TAB).
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Default_Ignorable_Code_Point characters (Unicode DerivedCoreProperties),
/// which normalization removes.
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{34F}'
            | '\u{61C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Pictographic characters, between which a ZERO WIDTH JOINER (and after
/// which a variation selector) is part of an emoji and kept.
pub(crate) fn is_pictographic(c: char) -> bool {
    matches!(
        c,
        '\u{2300}'..='\u{23FF}'
            | '\u{2600}'..='\u{27BF}'
            | '\u{2B00}'..='\u{2BFF}'
            | '\u{1F000}'..='\u{1FAFF}'
    )
}

/// Fullwidth ASCII forms fold to ASCII.
pub(crate) fn fullwidth_to_ascii(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        _ => None,
    }
}

/// Cyrillic and Greek letters that look like Latin ones (UTS #39
/// confusables), folded only inside tokens that contain a Latin letter.
pub(crate) fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'һ' => 'h',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ӏ' => 'l',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'Ү' => 'Y',
        'ο' => 'o',
        'ν' => 'v',
        'ι' => 'i',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        _ => return None,
    })
}

/// [`latin_lookalike`] of `c` or of its canonical singleton decomposition
/// (U+1FBE GREEK PROSGEGRAMMENI is U+03B9 ι after NFC).
pub(crate) fn lookalike_of(c: char) -> Option<char> {
    latin_lookalike(c).or_else(|| {
        let mut parts = [None; 2];
        let mut n = 0;
        unicode_normalization::char::decompose_canonical(c, |d| {
            if n < 2 {
                parts[n] = Some(d);
            }
            n += 1;
        });
        match (n, parts[0]) {
            (1, Some(d)) if d != c => latin_lookalike(d),
            _ => None,
        }
    })
}

/// A Latin letter (ASCII, Latin-1, Latin Extended, Vietnamese precomposed).
pub(crate) fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c.is_alphabetic()
}

/// Characters that need no work in already-normalized text: they are NFC by
/// themselves, not whitespace to rewrite, not ignorable, not a lookalike.
/// A conservative test; anything else takes the full path.
#[inline]
pub(crate) fn is_stable(c: char) -> bool {
    let u = c as u32;
    match u {
        0x21..=0x7E => true,
        0xA1..=0x24F => u != 0xAD,
        0x1E00..=0x1EFF => true,
        0x2010..=0x2027 => true,
        0x2030..=0x205E => true,
        0x20A0..=0x20C0 => true,
        // But the Ohm, Kelvin and Angstrom signs, which NFC makes letters.
        0x2100..=0x214F => !matches!(u, 0x2126 | 0x212A | 0x212B),
        0x2190..=0x22FF => true,
        // But the ideographic tone marks, which are combining marks.
        0x3001..=0x303F => !(0x302A..=0x302F).contains(&u),
        // But the voiced and semi-voiced sound marks, which compose.
        0x3041..=0x30FF => !matches!(u, 0x3099 | 0x309A),
        0x4E00..=0x9FFF => true,
        0xAC00..=0xD7A3 => true,
        _ => false,
    }
}

/// Canonical combining class, through unicode-normalization.
#[inline]
pub(crate) fn ccc(c: char) -> u8 {
    unicode_normalization::char::canonical_combining_class(c)
}

/// A combining mark: it attaches to the character before it.
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    ccc(c) != 0 || unicode_normalization::char::is_combining_mark(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn a_stable_char_is_nfc_by_itself_and_no_mark() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_stable(c))
        {
            assert_eq!(c.to_string().nfc().collect::<String>(), c.to_string(), "{c:?}");
            assert!(!is_mark(c), "{c:?}");
        }
    }
}
