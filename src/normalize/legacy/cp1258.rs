//! Windows-1258 (Microsoft's Vietnamese code page).
//!
//! Latin-1 based: the precomposed shape letters Ă Ơ Ư Đ ă ơ ư đ and the
//! five combining tone marks (0xCC grave, 0xD2 hook, 0xDE tilde, 0xEC
//! acute, 0xF2 dot below) replace some Latin-1 letters. A toned letter is
//! written as a base letter (possibly precomposed with its shape mark)
//! followed by a combining tone mark, unless Latin-1 has it precomposed.
//! The nine undefined bytes decode to the C1 controls of the same value.

use super::letters;
use super::single_byte::Table;

/// Bytes 0x80..=0xFF.
const HIGH: [char; 128] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{008A}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{008E}',
    '\u{008F}', // 0x80
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{009A}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{009E}',
    '\u{0178}', // 0x90
    '\u{00A0}', '\u{00A1}', '\u{00A2}', '\u{00A3}', '\u{00A4}', '\u{00A5}', '\u{00A6}', '\u{00A7}',
    '\u{00A8}', '\u{00A9}', '\u{00AA}', '\u{00AB}', '\u{00AC}', '\u{00AD}', '\u{00AE}',
    '\u{00AF}', // 0xA0
    '\u{00B0}', '\u{00B1}', '\u{00B2}', '\u{00B3}', '\u{00B4}', '\u{00B5}', '\u{00B6}', '\u{00B7}',
    '\u{00B8}', '\u{00B9}', '\u{00BA}', '\u{00BB}', '\u{00BC}', '\u{00BD}', '\u{00BE}',
    '\u{00BF}', // 0xB0
    '\u{00C0}', '\u{00C1}', '\u{00C2}', '\u{0102}', '\u{00C4}', '\u{00C5}', '\u{00C6}', '\u{00C7}',
    '\u{00C8}', '\u{00C9}', '\u{00CA}', '\u{00CB}', '\u{0300}', '\u{00CD}', '\u{00CE}',
    '\u{00CF}', // 0xC0
    '\u{0110}', '\u{00D1}', '\u{0309}', '\u{00D3}', '\u{00D4}', '\u{01A0}', '\u{00D6}', '\u{00D7}',
    '\u{00D8}', '\u{00D9}', '\u{00DA}', '\u{00DB}', '\u{00DC}', '\u{01AF}', '\u{0303}',
    '\u{00DF}', // 0xD0
    '\u{00E0}', '\u{00E1}', '\u{00E2}', '\u{0103}', '\u{00E4}', '\u{00E5}', '\u{00E6}', '\u{00E7}',
    '\u{00E8}', '\u{00E9}', '\u{00EA}', '\u{00EB}', '\u{0301}', '\u{00ED}', '\u{00EE}',
    '\u{00EF}', // 0xE0
    '\u{0111}', '\u{00F1}', '\u{0323}', '\u{00F3}', '\u{00F4}', '\u{01A1}', '\u{00F6}', '\u{00F7}',
    '\u{00F8}', '\u{00F9}', '\u{00FA}', '\u{00FB}', '\u{00FC}', '\u{01B0}', '\u{20AB}',
    '\u{00FF}', // 0xF0
];

/// The decode table.
pub(super) static TABLE: Table = Table::new(&HIGH, &[]);

/// Encode NFC `text`; `None` if a char cannot be written.
pub(super) fn encode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 4);
    for c in text.chars() {
        if let Some(b) = TABLE.byte_of(c) {
            out.push(b);
            continue;
        }
        // base (with shape) + combining tone
        let v = letters::vowel(c)?;
        let base = letters::vowel_char(v.group, letters::Tone::None, v.upper);
        out.push(TABLE.byte_of(base)?);
        out.push(TABLE.byte_of(v.tone.combining()?)?);
    }
    Some(out)
}
