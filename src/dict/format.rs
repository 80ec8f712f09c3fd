//! The word-list and attribute-table formats, shared by `build.rs` and the
//! library (this file depends on nothing else in the crate).
//!
//! A word list is UTF-8 text, one word a line, syllables separated by spaces,
//! an optional TAB and weight after the word; `#` starts a comment line. The
//! attribute table is the magic `AGRIVNDA`, a format version (u32 LE), the
//! word count (u32 LE), then 8 bytes per word in FST-value order.

/// Magic string at the start of an attribute table.
pub const MAGIC: &[u8; 8] = b"AGRIVNDA";
/// Version of the attribute-table format.
pub const VERSION: u32 = 1;
/// Bytes of the header.
pub const HEADER_LEN: usize = 16;
/// Bytes of one word's record.
pub const RECORD_LEN: usize = 8;

/// Where a word comes from (bit flags).
pub mod source {
    /// The pyvi word list.
    pub const PYVI: u8 = 1;
    /// The underthesea word list.
    pub const UNDERTHESEA: u8 = 2;
    /// The project's agricultural and administrative lexicon.
    pub const AGRI: u8 = 4;
    /// Place names.
    pub const PLACE: u8 = 8;
    /// Abbreviations.
    pub const ABBREV: u8 = 16;
    /// Words a user added at run time.
    pub const USER: u8 = 32;
}

/// The embedded word lists and the source flag of each (read by `build.rs`).
#[allow(dead_code)]
pub const SOURCES: &[(&str, u8)] = &[
    ("pyvi.txt", source::PYVI),
    ("underthesea.txt", source::UNDERTHESEA),
    ("agri.txt", source::AGRI),
    ("places.txt", source::PLACE),
    ("abbrev.txt", source::ABBREV),
    ("pyvi_names.txt", source::PYVI),
];

/// Attributes of one dictionary word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WordInfo {
    /// Weight (a frequency or a given weight; 0 when the sources gave none).
    pub weight: f32,
    /// Bit set of [`source`] flags.
    pub sources: u8,
}

impl WordInfo {
    /// Record that `source` lists this word with `weight`.
    pub fn add_source(&mut self, source: u8, weight: f32) {
        self.sources |= source;
        self.weight = self.weight.max(weight);
    }

    /// The 8-byte record.
    pub fn to_bytes(self) -> [u8; RECORD_LEN] {
        let w = self.weight.to_le_bytes();
        [w[0], w[1], w[2], w[3], self.sources, 0, 0, 0]
    }

    /// Read a record.
    pub fn from_bytes(b: &[u8]) -> WordInfo {
        WordInfo {
            weight: f32::from_le_bytes([b[0], b[1], b[2], b[3]]),
            sources: b[4],
        }
    }
}

/// The header of a table of `n` words.
pub fn header(n: usize) -> Vec<u8> {
    let mut v = Vec::with_capacity(HEADER_LEN + n * RECORD_LEN);
    v.extend_from_slice(MAGIC);
    v.extend_from_slice(&VERSION.to_le_bytes());
    v.extend_from_slice(&(n as u32).to_le_bytes());
    v
}

/// Parse one word-list line into its key and weight; `key_of` appends the
/// key of one syllable. `None` for comments and blank lines.
pub fn parse_line(line: &str, key_of: fn(&str, &mut String)) -> Option<(String, f32)> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let (word, weight) = match line.split_once('\t') {
        Some((w, rest)) => (w, rest.split('\t').next()?.trim().parse().unwrap_or(0.0)),
        None => (line, 0.0),
    };
    let mut key = String::with_capacity(word.len());
    for (i, syl) in word.split_whitespace().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        key_of(syl, &mut key);
    }
    (!key.is_empty()).then_some((key, weight))
}
