//! The word dictionary: an [`fst::Map`] from normalized words to ids into a
//! table of word attributes.
//!
//! Keys are lower case, NFC, with tone marks of oa/oe/uy in the classic place,
//! syllables separated by one space, so text in either tone style, in any
//! case, NFC or NFD, finds the same words. The default dictionary is compiled
//! from `data/dict/` at build time and embedded: the FST is read in place,
//! and only the syllable trie's arrays and a bitmap of curated words are
//! built (about 0.2 ms) when it is opened.
//!
//! ```
//! # #[cfg(feature = "embedded-data")] {
//! use agrivn::dict::Dictionary;
//!
//! let dict = Dictionary::embedded();
//! assert!(dict.contains("hợp tác xã"));
//! assert!(dict.contains("HỢP TÁC XÃ"));
//! let user = Dictionary::from_words(["giống lúa ST25"]).unwrap();
//! let merged = dict.merge(&user).unwrap();
//! assert!(merged.contains("giống lúa st25"));
//! # }
//! ```

pub(crate) mod format;
mod lookup;
mod trie;
pub(crate) mod trie_format;

use std::borrow::Cow;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use fst::{Map, MapBuilder, Streamer};

use crate::normalize::Normalizer;
use crate::{Error, ErrorKind, Result};
pub use format::{WordInfo, source};
pub use lookup::Match;
pub(crate) use trie::{NONE, ROOT, SyllableIds, SyllableTrie};

/// Sources whose words are curated names and terms.
const CURATED: u8 = source::PLACE | source::AGRI | source::ABBREV;

#[cfg(feature = "embedded-data")]
static EMBEDDED_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dict.fst"));
#[cfg(feature = "embedded-data")]
static EMBEDDED_ATTRS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dict.attrs"));
#[cfg(feature = "embedded-data")]
static EMBEDDED_TRIE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dict.trie"));

/// A dictionary of Vietnamese words. Cheap to clone; `Send + Sync`.
#[derive(Clone)]
pub struct Dictionary {
    inner: Arc<Inner>,
}

struct Inner {
    map: Map<Cow<'static, [u8]>>,
    attrs: Cow<'static, [u8]>,
    /// The words as a syllable trie, built when first needed.
    trie: OnceLock<SyllableTrie>,
    /// One bit per word id: a curated name or term (see
    /// [`Dictionary::is_curated`]); small enough to stay in cache while
    /// segmenting, where the attribute table would not.
    curated: Vec<u64>,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dictionary").field("words", &self.len()).finish()
    }
}

impl Dictionary {
    /// The dictionary compiled into the crate from `data/dict/`. Opening it
    /// decodes the syllable trie's arrays (well under a millisecond); clone
    /// the result (or the segmenter holding it) rather than opening it again.
    #[cfg(feature = "embedded-data")]
    pub fn embedded() -> Dictionary {
        let dict = Self::from_parts(Cow::Borrowed(EMBEDDED_FST), Cow::Borrowed(EMBEDDED_ATTRS))
            .expect("the embedded dictionary is built by build.rs and valid");
        let trie = SyllableTrie::from_bytes(Cow::Borrowed(EMBEDDED_TRIE))
            .expect("the embedded syllable trie is built by build.rs and valid");
        let _ = dict.inner.trie.set(trie);
        dict
    }

    /// An empty dictionary.
    pub fn empty() -> Dictionary {
        Self::from_entries(std::iter::empty()).expect("an empty dictionary builds")
    }

    fn from_parts(fst: Cow<'static, [u8]>, attrs: Cow<'static, [u8]>) -> Result<Dictionary> {
        let map = Map::new(fst).map_err(|e| {
            Error::new(ErrorKind::Dictionary, "the dictionary FST is not valid").with_source(e)
        })?;
        if attrs.len() < format::HEADER_LEN || &attrs[..8] != format::MAGIC {
            return Err(Error::new(
                ErrorKind::ModelFormat,
                "the dictionary attribute table has no AGRIVNDA header; rebuild it with agrivn",
            ));
        }
        let version = u32::from_le_bytes([attrs[8], attrs[9], attrs[10], attrs[11]]);
        let n = u32::from_le_bytes([attrs[12], attrs[13], attrs[14], attrs[15]]) as usize;
        if version != format::VERSION {
            return Err(Error::new(
                ErrorKind::ModelFormat,
                format!(
                    "dictionary format version {version}, this agrivn reads {}; rebuild it",
                    format::VERSION
                ),
            ));
        }
        if attrs.len() != format::HEADER_LEN + n * format::RECORD_LEN || map.len() != n {
            return Err(Error::new(
                ErrorKind::Dictionary,
                "the dictionary attribute table does not match its FST",
            ));
        }
        let mut curated = vec![0u64; n.div_ceil(64)];
        for (id, record) in attrs[format::HEADER_LEN..]
            .chunks_exact(format::RECORD_LEN)
            .enumerate()
        {
            if WordInfo::from_bytes(record).sources & CURATED != 0 {
                curated[id / 64] |= 1 << (id % 64);
            }
        }
        Ok(Dictionary {
            inner: Arc::new(Inner {
                map,
                attrs,
                trie: OnceLock::new(),
                curated,
            }),
        })
    }

    /// Build a dictionary from words (any case, tone style or Unicode form;
    /// syllables separated by spaces or `_`).
    ///
    /// # Errors
    /// Never for valid UTF-8 words; the `Result` leaves room for limits.
    pub fn from_words<I, S>(words: I) -> Result<Dictionary>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let normalizer = Normalizer::new();
        Self::from_entries(words.into_iter().filter_map(|w| {
            let w = w.as_ref().replace('_', " ");
            let key = key_of(&normalizer.normalize(&w));
            (!key.is_empty()).then_some((
                key,
                WordInfo {
                    weight: 0.0,
                    sources: source::USER,
                },
            ))
        }))
    }

    /// Load a word list file (the format of `data/dict/*.txt`: one word a
    /// line, optional TAB and weight, `#` comments).
    ///
    /// # Errors
    /// [`ErrorKind::Io`] when the file cannot be read, [`ErrorKind::Dictionary`]
    /// (with the line) when it is not UTF-8.
    pub fn load(path: impl AsRef<Path>) -> Result<Dictionary> {
        let path = path.as_ref();
        let text = Error::read_utf8(path, ErrorKind::Dictionary)?;
        let normalizer = Normalizer::new();
        Self::from_entries(text.lines().filter_map(|line| {
            // The word is normalized, not the TAB and weight after it
            // (normalizing would make the TAB a space).
            let (word, weight) = match line.split_once('\t') {
                Some((word, weight)) => (word, Some(weight)),
                None => (line, None),
            };
            let mut line = normalizer.normalize(word).replace('_', " ");
            if let Some(weight) = weight {
                line.push('\t');
                line.push_str(weight);
            }
            let (key, weight) = format::parse_line(&line, crate::normalize::push_key)?;
            Some((
                key,
                WordInfo {
                    weight,
                    sources: source::USER,
                },
            ))
        }))
    }

    fn from_entries(entries: impl Iterator<Item = (String, WordInfo)>) -> Result<Dictionary> {
        let mut all: Vec<(String, WordInfo)> = entries.collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        let mut merged: Vec<(String, WordInfo)> = Vec::with_capacity(all.len());
        for (k, info) in all {
            match merged.last_mut() {
                Some((lk, li)) if *lk == k => li.add_source(info.sources, info.weight),
                _ => merged.push((k, info)),
            }
        }
        Self::build(merged.into_iter())
    }

    fn build(sorted: impl Iterator<Item = (String, WordInfo)>) -> Result<Dictionary> {
        let mut builder = MapBuilder::memory();
        let mut table = Vec::new();
        let mut n = 0usize;
        for (k, info) in sorted {
            builder
                .insert(&k, n as u64)
                .map_err(|e| Error::new(ErrorKind::Dictionary, "cannot build dictionary").with_source(e))?;
            table.extend_from_slice(&info.to_bytes());
            n += 1;
        }
        let fst = builder
            .into_inner()
            .map_err(|e| Error::new(ErrorKind::Dictionary, "cannot build dictionary").with_source(e))?;
        let mut attrs = format::header(n);
        attrs.extend_from_slice(&table);
        Self::from_parts(Cow::Owned(fst), Cow::Owned(attrs))
    }

    /// This dictionary with the words of `other` added.
    ///
    /// # Errors
    /// Only if the FST cannot be built (not expected for valid dictionaries).
    pub fn merge(&self, other: &Dictionary) -> Result<Dictionary> {
        let mut out: Vec<(String, WordInfo)> = Vec::with_capacity(self.len() + other.len());
        let mut a = self.inner.map.stream();
        let mut b = other.inner.map.stream();
        let mut next_a = a.next().map(|(k, v)| (k.to_vec(), v));
        let mut next_b = b.next().map(|(k, v)| (k.to_vec(), v));
        loop {
            let (key, info) = match (&next_a, &next_b) {
                (None, None) => break,
                (Some((ka, va)), Some((kb, vb))) if ka == kb => {
                    let mut info = self.info(*va);
                    let ib = other.info(*vb);
                    info.add_source(ib.sources, ib.weight);
                    let k = ka.clone();
                    next_a = a.next().map(|(k, v)| (k.to_vec(), v));
                    next_b = b.next().map(|(k, v)| (k.to_vec(), v));
                    (k, info)
                }
                (Some((ka, va)), Some((kb, _))) if ka < kb => {
                    let r = (ka.clone(), self.info(*va));
                    next_a = a.next().map(|(k, v)| (k.to_vec(), v));
                    r
                }
                (Some((ka, va)), None) => {
                    let r = (ka.clone(), self.info(*va));
                    next_a = a.next().map(|(k, v)| (k.to_vec(), v));
                    r
                }
                (_, Some((kb, vb))) => {
                    let r = (kb.clone(), other.info(*vb));
                    next_b = b.next().map(|(k, v)| (k.to_vec(), v));
                    r
                }
            };
            out.push((String::from_utf8(key).unwrap_or_default(), info));
        }
        Self::build(out.into_iter())
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.inner.map.len()
    }

    /// Whether the dictionary has no words.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes of memory the FST, the attribute table, the curated-word
    /// bitmap and (once built) the syllable index take.
    pub fn size_bytes(&self) -> usize {
        self.inner.map.as_fst().as_bytes().len()
            + self.inner.attrs.len()
            + 8 * self.inner.curated.len()
            + self.inner.trie.get().map_or(0, SyllableTrie::size_bytes)
    }

    /// Whether `word` (any case, tone style or Unicode form) is a word.
    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// The attributes of `word`, if it is a word.
    pub fn get(&self, word: &str) -> Option<WordInfo> {
        let key = key_of(&Normalizer::new().normalize(word));
        self.inner.map.get(key).map(|id| self.info(id))
    }

    /// Attributes of the word with id `id` (an FST value).
    pub fn info(&self, id: u64) -> WordInfo {
        let start = format::HEADER_LEN + id as usize * format::RECORD_LEN;
        self.inner
            .attrs
            .get(start..start + format::RECORD_LEN)
            .map(WordInfo::from_bytes)
            .unwrap_or_default()
    }

    /// Whether word `id` is a curated name or term (a place, the
    /// agricultural lexicon, an abbreviation): such words win ties against
    /// general words when segmenting.
    #[inline]
    pub(crate) fn is_curated(&self, id: u64) -> bool {
        let id = id as usize;
        self.inner
            .curated
            .get(id / 64)
            .is_some_and(|w| w & (1 << (id % 64)) != 0)
    }

    pub(crate) fn fst(&self) -> &fst::raw::Fst<Cow<'static, [u8]>> {
        self.inner.map.as_fst()
    }

    /// The words as a trie over syllables (built on first use, then shared
    /// by every clone and thread).
    pub(crate) fn trie(&self) -> &SyllableTrie {
        self.inner.trie.get_or_init(|| {
            let mut words = Vec::with_capacity(self.len());
            self.for_each_word(|k, v| words.push((k.to_owned(), v)));
            SyllableTrie::build(words.iter().map(|(k, v)| (k.as_str(), *v)))
        })
    }

    /// Call `f` with every word's key (see [`crate::normalize::push_key`])
    /// and id, in key order.
    pub(crate) fn for_each_word(&self, mut f: impl FnMut(&str, u64)) {
        let mut stream = self.inner.map.stream();
        while let Some((k, v)) = stream.next() {
            if let Ok(k) = std::str::from_utf8(k) {
                f(k, v);
            }
        }
    }

    /// Build the syllable index used by segmentation now rather than on
    /// the first text segmented. The default dictionary's is embedded and
    /// ready; a user or merged dictionary builds its own once (about 31 ms
    /// for 30,000 words), shared by every clone. Returns its size in bytes.
    pub fn warm_up(&self) -> usize {
        self.trie().size_bytes()
    }
}

/// The key of a whole (normalized) word: syllable keys joined by one space.
pub(crate) fn key_of(word: &str) -> String {
    let mut key = String::with_capacity(word.len());
    for (i, syl) in word.split_whitespace().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        crate::normalize::push_key(syl, &mut key);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_list_line_gives_its_word_and_its_weight() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("words.txt");
        std::fs::write(
            &path,
            "# farm words\nlúa gạo\t2.5\nHợp_tác_xã\t1\r\nnông   dân\n\nbò\tnot a number\n",
        )
        .unwrap();
        let d = Dictionary::load(&path).unwrap();
        assert_eq!(d.len(), 4);
        assert_eq!(d.get("lúa gạo").map(|i| i.weight), Some(2.5));
        assert_eq!(d.get("hợp tác xã").map(|i| i.weight), Some(1.0));
        assert!(d.contains("nông dân"));
        assert_eq!(d.get("bò").map(|i| i.weight), Some(0.0));
        assert!(!d.contains("lúa gạo 2.5"));
    }
}
