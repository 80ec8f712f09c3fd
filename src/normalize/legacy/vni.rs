//! VNI-Windows (the "VNI" fonts of VNI Software, e.g. `VNI-Times`).
//!
//! A Windows-1252 based encoding in which a vowel with marks is written as
//! its ASCII base letter followed by one mark byte, and the mark byte's
//! case follows the base's case:
//!
//! | mark            | lower byte (char)                | upper byte |
//! |-----------------|----------------------------------|------------|
//! | sắc/huyền/hỏi/ngã/nặng | F9 ù, F8 ø, FB û, F5 õ, EF ï | D9 D8 DB D5 CF |
//! | â ê ô + tone    | E2 â, E1 á, E0 à, E5 å, E3 ã, E4 ä | C2 C1 C0 C5 C3 C4 |
//! | ă + tone        | EA ê, E9 é, E8 è, FA ú, FC ü, EB ë | CA C9 C8 DA DC CB |
//!
//! (tone order in the last two rows: none, sắc, huyền, hỏi, ngã, nặng).
//! Some letters have a byte of their own: ơ F4 ô, ư F6 ö, đ F1 ñ (and
//! Ơ D4, Ư D6, Đ D1), í ED, ì EC, ỉ E6 æ, ĩ F3 ó, ị F2 ò, ỵ EE î (capitals
//! CD CC C6 D3 D2 CE). ơ and ư take a following tone byte like a base
//! letter. The decoder emits combining marks for mark bytes.

use super::cp1252;
use super::letters::{self, Tone};

/// The text a VNI byte in 0x80..=0xFF stands for, if it differs from
/// Windows-1252.
fn special(b: u8) -> Option<&'static str> {
    let s = match b {
        // tones after a plain or horned base
        0xF9 | 0xD9 => "\u{301}",
        0xF8 | 0xD8 => "\u{300}",
        0xFB | 0xDB => "\u{309}",
        0xF5 | 0xD5 => "\u{303}",
        0xEF | 0xCF => "\u{323}",
        // circumflex (+ tone)
        0xE2 | 0xC2 => "\u{302}",
        0xE1 | 0xC1 => "\u{302}\u{301}",
        0xE0 | 0xC0 => "\u{302}\u{300}",
        0xE5 | 0xC5 => "\u{302}\u{309}",
        0xE3 | 0xC3 => "\u{302}\u{303}",
        0xE4 | 0xC4 => "\u{302}\u{323}",
        // breve (+ tone)
        0xEA | 0xCA => "\u{306}",
        0xE9 | 0xC9 => "\u{306}\u{301}",
        0xE8 | 0xC8 => "\u{306}\u{300}",
        0xFA | 0xDA => "\u{306}\u{309}",
        0xFC | 0xDC => "\u{306}\u{303}",
        0xEB | 0xCB => "\u{306}\u{323}",
        // letters of their own
        0xED => "í",
        0xEC => "ì",
        0xE6 => "ỉ",
        0xF3 => "ĩ",
        0xF2 => "ị",
        0xEE => "ỵ",
        0xF1 => "đ",
        0xF4 => "ơ",
        0xF6 => "ư",
        0xCD => "Í",
        0xCC => "Ì",
        0xC6 => "Ỉ",
        0xD3 => "Ĩ",
        0xD2 => "Ị",
        0xCE => "Ỵ",
        0xD1 => "Đ",
        0xD4 => "Ơ",
        0xD6 => "Ư",
        _ => return None,
    };
    Some(s)
}

/// Decode VNI bytes (output is decomposed where marks were bytes).
pub(super) fn decode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    for &b in bytes {
        if b < 0x80 {
            out.push(char::from(b));
        } else if let Some(s) = special(b) {
            out.push_str(s);
        } else {
            out.push(cp1252::byte_to_char(b));
        }
    }
    out
}

fn tone_byte(tone: Tone, upper: bool) -> Option<u8> {
    let (lo, up) = match tone {
        Tone::None => return None,
        Tone::Acute => (0xF9, 0xD9),
        Tone::Grave => (0xF8, 0xD8),
        Tone::Hook => (0xFB, 0xDB),
        Tone::Tilde => (0xF5, 0xD5),
        Tone::Dot => (0xEF, 0xCF),
    };
    Some(if upper { up } else { lo })
}

fn circumflex_byte(tone: Tone, upper: bool) -> u8 {
    let (lo, up) = match tone {
        Tone::None => (0xE2, 0xC2),
        Tone::Acute => (0xE1, 0xC1),
        Tone::Grave => (0xE0, 0xC0),
        Tone::Hook => (0xE5, 0xC5),
        Tone::Tilde => (0xE3, 0xC3),
        Tone::Dot => (0xE4, 0xC4),
    };
    if upper { up } else { lo }
}

fn breve_byte(tone: Tone, upper: bool) -> u8 {
    let (lo, up) = match tone {
        Tone::None => (0xEA, 0xCA),
        Tone::Acute => (0xE9, 0xC9),
        Tone::Grave => (0xE8, 0xC8),
        Tone::Hook => (0xFA, 0xDA),
        Tone::Tilde => (0xFC, 0xDC),
        Tone::Dot => (0xEB, 0xCB),
    };
    if upper { up } else { lo }
}

fn i_byte(tone: Tone, upper: bool) -> Option<u8> {
    let (lo, up) = match tone {
        Tone::None => return None,
        Tone::Acute => (0xED, 0xCD),
        Tone::Grave => (0xEC, 0xCC),
        Tone::Hook => (0xE6, 0xC6),
        Tone::Tilde => (0xF3, 0xD3),
        Tone::Dot => (0xF2, 0xD2),
    };
    Some(if upper { up } else { lo })
}

/// Encode NFC `text`; `None` if a char cannot be written.
pub(super) fn encode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 4);
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        match c {
            'đ' => {
                out.push(0xF1);
                continue;
            }
            'Đ' => {
                out.push(0xD1);
                continue;
            }
            _ => {}
        }
        if let Some(v) = letters::vowel(c) {
            let base = letters::GROUP_ASCII[usize::from(v.group)];
            let base = if v.upper { base.to_ascii_uppercase() } else { base };
            match v.group {
                letters::G_I => match i_byte(v.tone, v.upper) {
                    Some(b) => out.push(b),
                    None => out.push(base),
                },
                letters::G_Y if v.tone == Tone::Dot => out.push(if v.upper { 0xCE } else { 0xEE }),
                letters::G_O_HORN | letters::G_U_HORN => {
                    let own = match (v.group == letters::G_O_HORN, v.upper) {
                        (true, false) => 0xF4,
                        (true, true) => 0xD4,
                        (false, false) => 0xF6,
                        (false, true) => 0xD6,
                    };
                    out.push(own);
                    out.extend(tone_byte(v.tone, v.upper));
                }
                letters::G_A_CIRC | letters::G_E_CIRC | letters::G_O_CIRC => {
                    out.push(base);
                    out.push(circumflex_byte(v.tone, v.upper));
                }
                letters::G_A_BREVE => {
                    out.push(base);
                    out.push(breve_byte(v.tone, v.upper));
                }
                _ => {
                    out.push(base);
                    out.extend(tone_byte(v.tone, v.upper));
                }
            }
            continue;
        }
        // any other Windows-1252 char whose byte VNI does not reuse
        let b = cp1252::char_to_byte(c)?;
        if b < 0x80 || special(b).is_some() {
            return None;
        }
        out.push(b);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn every_vowel_round_trips() {
        for rows in [&letters::VOWELS_LOWER, &letters::VOWELS_UPPER] {
            for row in rows.iter() {
                for &c in row {
                    let s = c.to_string();
                    let bytes = encode(&s).unwrap();
                    let back: String = decode(&bytes).nfc().collect();
                    assert_eq!(back, s, "{bytes:02x?}");
                }
            }
        }
    }

    #[test]
    fn byte_sequences() {
        let cases: &[(&str, &[u8])] = &[
            ("ấ", b"a\xe1"),
            ("Ặ", b"A\xcb"),
            ("ợ", b"\xf4\xef"),
            ("Ừ", b"\xd6\xd8"),
            ("ỉ", b"\xe6"),
            ("ỵ", b"\xee"),
            ("ý", b"y\xf9"),
            ("đ€", b"\xf1\x80"),
        ];
        for (text, bytes) in cases {
            assert_eq!(encode(text).as_deref(), Some(*bytes), "{text}");
        }
        // a Latin-1 letter whose byte VNI reuses as a mark cannot be written
        assert_eq!(encode("ä"), None);
        assert_eq!(encode("ă\u{2192}"), None);
    }
}
