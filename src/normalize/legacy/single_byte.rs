//! Shared machinery of the one-byte-per-char encodings (TCVN3, VISCII,
//! VPS, Windows-1258): a 256-entry decode table and its inverse.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A one-byte encoding: the chars of bytes 0x80..=0xFF, the C0 bytes that
/// hold letters, and a lazily built inverse.
pub(super) struct Table {
    pub(super) high: &'static [char; 128],
    pub(super) c0: &'static [(u8, char)],
    inverse: OnceLock<HashMap<char, u8>>,
}

impl Table {
    pub(super) const fn new(high: &'static [char; 128], c0: &'static [(u8, char)]) -> Self {
        Table {
            high,
            c0,
            inverse: OnceLock::new(),
        }
    }

    /// The char of byte `b`.
    pub(super) fn char_of(&self, b: u8) -> char {
        if b >= 0x80 {
            return self.high[usize::from(b - 0x80)];
        }
        if b < 0x20 {
            for &(k, c) in self.c0 {
                if k == b {
                    return c;
                }
            }
        }
        char::from(b)
    }

    /// The byte of `c`, if the encoding has it.
    pub(super) fn byte_of(&self, c: char) -> Option<u8> {
        self.inverse
            .get_or_init(|| {
                let mut m = HashMap::with_capacity(256);
                // later bytes never override earlier ones; C0 letters win over
                // the control chars they replace
                for b in (0..=255u8).rev() {
                    m.insert(self.char_of(b), b);
                }
                m
            })
            .get(&c)
            .copied()
    }
}

/// Decode `bytes` with `table`.
pub(super) fn decode(bytes: &[u8], table: &Table) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    for &b in bytes {
        out.push(table.char_of(b));
    }
    out
}

/// Encode NFC `text` with `table`; `None` if a char has no byte.
pub(super) fn encode(text: &str, table: &Table) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let b = table.byte_of(c)?;
        // a control char whose byte the encoding gave to a letter is lost
        if table.char_of(b) != c {
            return None;
        }
        out.push(b);
    }
    Some(out)
}
