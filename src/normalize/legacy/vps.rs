//! VPS, the encoding of the Vietnamese Professionals Society (VPSKeys).
//!
//! All 134 precomposed letters: 0x80..=0xFF plus fourteen capitals in the C0
//! positions 0x02..=0x06, 0x10..=0x15, 0x19, 0x1C and 0x1D. 0x91/0x92 are
//! the curly single quotes.

use super::single_byte::Table;

/// Bytes 0x80..=0xFF.
const HIGH: [char; 128] = [
    '\u{00C0}', '\u{1EA2}', '\u{00C3}', '\u{1EA4}', '\u{1EA6}', '\u{1EA8}', '\u{1ECD}', '\u{1ED7}',
    '\u{0102}', '\u{1EBF}', '\u{1EC1}', '\u{1EC3}', '\u{1EC7}', '\u{1EAE}', '\u{1EB0}',
    '\u{1EB2}', // 0x80
    '\u{1EBE}', '\u{2018}', '\u{2019}', '\u{1EC0}', '\u{1EC2}', '\u{1EC4}', '\u{1ED0}', '\u{1ED2}',
    '\u{1ED4}', '\u{1ED6}', '\u{00FD}', '\u{1EF7}', '\u{1EF5}', '\u{1EDA}', '\u{1EDC}',
    '\u{1EDE}', // 0x90
    '\u{00A0}', '\u{1EAF}', '\u{1EB1}', '\u{1EB3}', '\u{1EB5}', '\u{1EB7}', '\u{1EE0}', '\u{1EDB}',
    '\u{00D9}', '\u{1EDD}', '\u{1EDF}', '\u{1EE1}', '\u{0168}', '\u{1EE8}', '\u{1EE3}',
    '\u{1EEA}', // 0xA0
    '\u{1ED5}', '\u{1EEC}', '\u{1EF2}', '\u{1EF8}', '\u{00CD}', '\u{00CC}', '\u{1ED9}', '\u{1EC8}',
    '\u{0128}', '\u{00D3}', '\u{1EED}', '\u{1EEF}', '\u{00D2}', '\u{1ECE}', '\u{00D5}',
    '\u{1EF1}', // 0xB0
    '\u{1EA7}', '\u{00C1}', '\u{00C2}', '\u{1EA5}', '\u{1EA9}', '\u{1EAB}', '\u{1EAD}', '\u{0111}',
    '\u{1EBB}', '\u{00C9}', '\u{00CA}', '\u{1EB9}', '\u{1EC9}', '\u{1EC5}', '\u{1ECB}',
    '\u{1EF9}', // 0xC0
    '\u{01AF}', '\u{1EE6}', '\u{1ED3}', '\u{1ED1}', '\u{00D4}', '\u{1ECF}', '\u{01A1}', '\u{00C8}',
    '\u{1EEB}', '\u{1EE9}', '\u{00DA}', '\u{0169}', '\u{01B0}', '\u{00DD}', '\u{1EBA}',
    '\u{00DF}', // 0xD0
    '\u{00E0}', '\u{00E1}', '\u{00E2}', '\u{00E3}', '\u{1EA3}', '\u{1EA1}', '\u{0103}', '\u{00E7}',
    '\u{00E8}', '\u{00E9}', '\u{00EA}', '\u{1EBD}', '\u{00EC}', '\u{00ED}', '\u{00EE}',
    '\u{0129}', // 0xE0
    '\u{1EB4}', '\u{0110}', '\u{00F2}', '\u{00F3}', '\u{00F4}', '\u{00F5}', '\u{00F6}', '\u{01A0}',
    '\u{1EE5}', '\u{00F9}', '\u{00FA}', '\u{1EE7}', '\u{00FC}', '\u{1EF6}', '\u{1EBC}',
    '\u{1EF3}', // 0xF0
];
/// C0 positions that hold letters instead of control codes.
const C0: &[(u8, char)] = &[
    (0x02, '\u{1EA0}'),
    (0x03, '\u{1EAC}'),
    (0x04, '\u{1EB6}'),
    (0x05, '\u{1EB8}'),
    (0x06, '\u{1EC6}'),
    (0x10, '\u{1ECA}'),
    (0x11, '\u{1ECC}'),
    (0x12, '\u{1ED8}'),
    (0x13, '\u{1EE2}'),
    (0x14, '\u{1EE4}'),
    (0x15, '\u{1EF0}'),
    (0x19, '\u{1EF4}'),
    (0x1C, '\u{1EAA}'),
    (0x1D, '\u{1EEE}'),
];

/// The decode table.
pub(super) static TABLE: Table = Table::new(&HIGH, C0);
