//! A per-thread table of the syllables seen in running text.
//!
//! Running text repeats a few thousand syllables. Computing a syllable's
//! dictionary key (lower case, classic tone place) and its folded key, and
//! looking them up, is the main cost of segmenting; the table does it once
//! per distinct surface form and hands out small ids, with which the
//! dictionary's syllable trie is walked (see `crate::dict::SyllableIds`).

use rustc_hash::FxHashMap;

use super::model::key_hash;
use crate::normalize::{push_key, strip_diacritics};

/// What the table knows about one surface syllable (what depends on its
/// key alone, [`Syllables::folded`] and [`Syllables::hash`], is kept by key
/// so that the surface table stays small).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Syl {
    /// Id of the dictionary key ("Nông" and "nông" share it).
    pub key: u32,
    /// [`flag`] bits.
    pub flags: u8,
}

/// Bits of [`Syl::flags`].
pub(crate) mod flag {
    /// Starts with a capital and has a lower-case letter ("Giang", not "HTX").
    pub const CAPITALIZED: u8 = 1;
    /// Has an upper-case letter.
    pub const UPPER: u8 = 2;
    /// A common surname ("nguyễn").
    pub const SURNAME: u8 = 4;
    /// A common middle name ("văn", "thị").
    pub const MIDDLE_NAME: u8 = 8;
}

impl Syl {
    /// Whether the syllable has flag `f`.
    #[inline]
    pub fn is(self, f: u8) -> bool {
        self.flags & f != 0
    }
}

/// The most common Vietnamese surnames (keys).
const SURNAMES: [&str; 16] = [
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
    "dương", "lý",
];

/// Middle names that mark a following given name (keys).
const MIDDLE_NAMES: [&str; 14] = [
    "văn", "thị", "hữu", "đức", "công", "quang", "ngọc", "xuân", "thanh", "minh", "đình", "kim", "trọng",
    "quốc",
];

/// Surface forms remembered before the table starts over.
const LIMIT: usize = 1 << 16;
/// Longer surface forms (URLs, runs of letters) get ids but are not
/// remembered by surface.
const MAX_REMEMBERED: usize = 32;

/// A short surface form held inline (its length, then its bytes, packed
/// into four words): hashing and comparing it takes a few word operations,
/// with no pointer to follow and no call to `memcmp`, and a table entry is
/// small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Surface([u32; 4]);

/// Longest surface held inline.
const INLINE: usize = 15;

impl Surface {
    #[inline]
    fn new(s: &str) -> Option<Surface> {
        let mut bytes = [0; INLINE + 1];
        bytes[0] = s.len() as u8;
        bytes.get_mut(1..1 + s.len())?.copy_from_slice(s.as_bytes());
        let word = |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        Some(Surface([word(0), word(4), word(8), word(12)]))
    }
}

/// Interned syllables and keys. Ids stay valid until [`Syllables::begin`]
/// starts a new generation.
#[derive(Debug, Default)]
pub(crate) struct Syllables {
    by_surface: FxHashMap<Surface, Syl>,
    /// Surface forms longer than [`INLINE`] bytes.
    by_long_surface: FxHashMap<Box<str>, Syl>,
    by_key: FxHashMap<Box<str>, u32>,
    /// Key texts, one after another; `ranges[id]` is where key `id` is.
    keys: String,
    ranges: Vec<(u32, u32)>,
    /// By key id: the id of the key without diacritics, and the key's hash.
    folded: Vec<u32>,
    hashes: Vec<u64>,
    generation: u64,
    buf: String,
}

impl Syllables {
    /// Start a text: when the table is full it starts over, and ids handed
    /// out before are no longer valid. Returns the generation.
    pub fn begin(&mut self) -> u64 {
        if self.by_surface.len() + self.by_long_surface.len() >= LIMIT || self.ranges.len() >= 2 * LIMIT {
            self.by_surface.clear();
            self.by_long_surface.clear();
            self.by_key.clear();
            self.keys.clear();
            self.ranges.clear();
            self.folded.clear();
            self.hashes.clear();
            self.generation += 1;
        }
        self.generation
    }

    /// The current generation (see [`Syllables::begin`]).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The syllable written `surface` (normalized text, no spaces).
    #[inline]
    pub fn get(&mut self, surface: &str) -> Syl {
        let Some(inline) = Surface::new(surface) else {
            return self.get_long(surface);
        };
        if let Some(s) = self.by_surface.get(&inline) {
            return *s;
        }
        let syl = self.compute(surface);
        self.by_surface.insert(inline, syl);
        syl
    }

    #[cold]
    fn get_long(&mut self, surface: &str) -> Syl {
        if let Some(s) = self.by_long_surface.get(surface) {
            return *s;
        }
        let syl = self.compute(surface);
        if surface.len() <= MAX_REMEMBERED {
            self.by_long_surface.insert(surface.into(), syl);
        }
        syl
    }

    /// The id of key `key` without diacritics ("nong" for "nông").
    #[inline]
    pub fn folded(&self, key: u32) -> u32 {
        self.folded[key as usize]
    }

    /// The hash of key `key` (for learned features).
    #[inline]
    pub fn hash(&self, key: u32) -> u64 {
        self.hashes[key as usize]
    }

    /// The key text of key id `id`.
    #[inline]
    pub fn key(&self, id: u32) -> &str {
        let (a, b) = self.ranges[id as usize];
        &self.keys[a as usize..b as usize]
    }

    fn compute(&mut self, surface: &str) -> Syl {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        push_key(surface, &mut buf);
        let key = self.intern(&buf);
        let mut flags = 0;
        let mut chars = surface.chars();
        if chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase) {
            flags |= flag::CAPITALIZED;
        }
        if surface.chars().any(char::is_uppercase) {
            flags |= flag::UPPER;
        }
        if SURNAMES.contains(&buf.as_str()) {
            flags |= flag::SURNAME;
        }
        if MIDDLE_NAMES.contains(&buf.as_str()) {
            flags |= flag::MIDDLE_NAME;
        }
        self.buf = buf;
        Syl { key, flags }
    }

    /// The id of key `key`, given one (with its folded form and hash)
    /// when it is new.
    fn intern(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.by_key.get(key) {
            return id;
        }
        let id = self.ranges.len() as u32;
        let start = self.keys.len() as u32;
        self.keys.push_str(key);
        self.ranges.push((start, self.keys.len() as u32));
        self.by_key.insert(key.into(), id);
        self.hashes.push(key_hash(key));
        // The folded key is its own when the key has no diacritics.
        self.folded.push(id);
        if let std::borrow::Cow::Owned(f) = strip_diacritics(key) {
            let folded = self.intern(&f);
            self.folded[id as usize] = folded;
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_tone_style_share_a_key() {
        let mut t = Syllables::default();
        t.begin();
        let a = t.get("Hoà");
        let b = t.get("hòa");
        let c = t.get("HOÀ");
        assert_eq!(a.key, b.key);
        assert_eq!(a.key, c.key);
        assert_eq!(t.key(a.key), "hòa");
        assert_eq!(t.key(t.folded(a.key)), "hoa");
        assert!(a.is(flag::CAPITALIZED) && a.is(flag::UPPER));
        assert!(!b.is(flag::UPPER));
        assert!(!c.is(flag::CAPITALIZED) && c.is(flag::UPPER));
        assert!(t.get("Nguyễn").is(flag::SURNAME));
        assert!(t.get("thị").is(flag::MIDDLE_NAME));
        assert_eq!(t.get("hoa").key, t.folded(a.key));
        assert_eq!(t.hash(a.key), key_hash("hòa"));
    }

    #[test]
    fn long_and_short_surfaces_share_keys() {
        let mut t = Syllables::default();
        t.begin();
        // 15 bytes (held inline), 16 bytes and more (held by the long table).
        for surface in [
            "nghiêngnghiên",
            "nghiêngnghiêng",
            "Nghiêngnghiêng",
            "ỀỀỀỀỀỀ",
            "internationalization",
        ] {
            let a = t.get(surface);
            assert_eq!(t.get(surface), a, "{surface}");
            assert_eq!(t.key(a.key), crate::dict::key_of(surface), "{surface}");
        }
        assert_eq!(t.get("nghiêngnghiêng").key, t.get("Nghiêngnghiêng").key);
        // Prefixes of the same bytes are different surfaces.
        assert_ne!(t.get("lú").key, t.get("lúa").key);
    }

    #[test]
    fn a_full_table_starts_a_new_generation() {
        let mut t = Syllables::default();
        let g = t.begin();
        for i in 0..LIMIT {
            t.get(&format!("x{i}"));
        }
        assert_eq!(t.begin(), g + 1);
        let s = t.get("lúa");
        assert_eq!(t.key(s.key), "lúa");
    }
}
