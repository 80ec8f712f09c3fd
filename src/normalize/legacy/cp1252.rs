//! Windows-1252 byte <-> char, as browsers and scrapers decode it
//! (WHATWG Encoding Standard): the five undefined bytes 0x81, 0x8D, 0x8F,
//! 0x90 and 0x9D decode to the C1 controls of the same value.

/// Chars of bytes 0x80..=0x9F; 0xA0..=0xFF are Latin-1.
const C1_AREA: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// The char Windows-1252 gives byte `b`.
pub(crate) fn byte_to_char(b: u8) -> char {
    match b {
        0x80..=0x9F => C1_AREA[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The Windows-1252 byte of `c`, if it has one. Every C1 control
/// (U+0080..=U+009F) maps to its own value, so text decoded as Latin-1 is
/// accepted too.
pub(crate) fn char_to_byte(c: char) -> Option<u8> {
    let u = u32::from(c);
    if u < 0x100 {
        return u8::try_from(u).ok();
    }
    C1_AREA
        .iter()
        .position(|&x| x == c)
        .and_then(|i| u8::try_from(0x80 + i).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_round_trip() {
        for b in 0..=255u8 {
            assert_eq!(char_to_byte(byte_to_char(b)), Some(b), "{b:#x}");
        }
    }

    #[test]
    fn known_positions() {
        let cases = [
            (0x80, '€'),
            (0x85, '…'),
            (0x93, '“'),
            (0x9F, 'Ÿ'),
            (0xA0, '\u{a0}'),
            (0xC3, 'Ã'),
            (0xFF, 'ÿ'),
            (0x81, '\u{81}'),
        ];
        for (b, c) in cases {
            assert_eq!(byte_to_char(b), c);
            assert_eq!(char_to_byte(c), Some(b));
        }
        assert_eq!(char_to_byte('ă'), None);
        assert_eq!(char_to_byte('\u{80}'), Some(0x80));
    }
}
