//! Learned weights that correct the segmenter's dictionary scores.
//!
//! Every candidate word of the lattice has a few features: the word itself,
//! its length and kind (see [`Candidate`]), its first and last syllable,
//! the pair of syllables at its left boundary, and each pair of syllables
//! it joins. A feature is hashed into a fixed table of weights; a
//! candidate's learned score is the sum of its features' weights, added to
//! the dictionary score. The weights
//! are trained with an averaged structured perceptron (see
//! [`mod@super::train`]) on word-segmented text.
//!
//! On disk (little-endian): `AGRIVNSM`, version `u32`, the number of
//! non-zero weights `u32`, then `(index u32, weight f32)` pairs.

use crate::{Error, ErrorKind, Result};

/// Bits of the feature hash: the table has `1 << BITS` weights.
pub(crate) const BITS: u32 = 18;
const SIZE: usize = 1 << BITS;
const MAGIC: &[u8; 8] = b"AGRIVNSM";
const VERSION: u32 = 1;

/// What a lattice candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Candidate {
    /// One syllable the dictionary knows.
    KnownSyllable = 0,
    /// One syllable the dictionary does not know.
    UnknownSyllable = 1,
    /// A dictionary word of two or more syllables.
    DictWord = 2,
    /// A run of capitalized syllables.
    CapitalizedName = 3,
    /// Surname, middle name and given name in text without capitals.
    LowercaseName = 4,
    /// Two syllables that no rule joins.
    UnknownPair = 5,
    /// A surname and two more syllables, in text without capitals.
    SurnameTriple = 6,
}

/// Learned weights of the segmenter. Cheap to clone (shared).
///
/// ```
/// # #[cfg(feature = "embedded-data")] {
/// use agrivn::dict::Dictionary;
/// use agrivn::segment::{SegmentModel, Segmenter};
///
/// let model = SegmentModel::embedded();
/// let bytes = model.to_bytes();
/// let again = SegmentModel::from_bytes(&bytes).unwrap();
/// assert_eq!(again.to_bytes(), bytes);
/// // The dictionary scores alone, without learned weights:
/// let plain = Segmenter::with_model(Dictionary::embedded(), None);
/// assert!(plain.model().is_none());
/// assert!(SegmentModel::from_bytes(b"not a model").is_err());
/// # }
/// ```
#[derive(Clone)]
pub struct SegmentModel {
    inner: std::sync::Arc<Weights>,
}

/// The weight table, and a compact copy of its non-zero entries for
/// scoring. Most features met in text were never trained: a bitmap answers
/// for them, and the few thousand trained weights sit in a small array
/// found by rank (the bits set before them), so scoring touches tens of
/// kilobytes that stay in cache instead of a megabyte that does not.
#[derive(Clone)]
struct Weights {
    weights: Vec<f32>,
    /// Per 64 features: which are non-zero, and how many non-zero features
    /// come before them (their first index in `compact`).
    blocks: Vec<Block>,
    /// The non-zero weights, in feature order.
    compact: Vec<f32>,
    /// Weights of the length features, by kind and length.
    len: [[f32; 7]; 7],
}

#[derive(Clone, Copy, Default)]
struct Block {
    nonzero: u64,
    rank: u32,
}

impl std::fmt::Debug for SegmentModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SegmentModel")
            .field("nonzero", &self.inner.compact.len())
            .finish()
    }
}

/// Mix `v` into hash `h`.
#[inline]
pub(crate) fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// A syllable key's hash.
pub(crate) fn key_hash(key: &str) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15;
    for chunk in key.as_bytes().chunks(8) {
        let mut b = [0u8; 8];
        b[..chunk.len()].copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(b));
    }
    mix(h, key.len() as u64)
}

/// Feature kinds (the first value mixed into a feature's hash).
mod tag {
    pub const WORD: u64 = 1;
    pub const LEN: u64 = 2;
    pub const SPLIT: u64 = 3;
    pub const JOIN: u64 = 4;
    pub const FIRST: u64 = 5;
    pub const LAST: u64 = 6;
}

#[inline]
fn index(h: u64) -> usize {
    (h >> (64 - BITS)) as usize
}

fn len_feature(kind: u64, len: usize) -> usize {
    index(mix(mix(tag::LEN, kind), len.min(6) as u64))
}

/// Index of the feature "a word boundary between syllables `x` and `y`".
#[inline]
pub(crate) fn split_feature(x: u64, y: u64) -> usize {
    index(mix(mix(tag::SPLIT, x), y))
}

/// Index of the feature "syllables `x` and `y` in one word".
#[inline]
pub(crate) fn join_feature(x: u64, y: u64) -> usize {
    index(mix(mix(tag::JOIN, x), y))
}

/// The features of candidate `hashes[a..b]` of kind `kind` that depend on
/// the whole candidate (the word, its first and last syllable).
#[inline(always)]
fn word_features(hashes: &[u64], a: usize, b: usize, kind: Candidate, mut f: impl FnMut(usize)) {
    let mut word = mix(tag::WORD, kind as u64);
    for &h in &hashes[a..b] {
        word = mix(word, h);
    }
    f(index(word));
    if b - a >= 2 {
        f(index(mix(mix(tag::FIRST, kind as u64), hashes[a])));
        f(index(mix(mix(tag::LAST, kind as u64), hashes[b - 1])));
    }
}

/// Call `f` with the table index of each feature of candidate
/// `hashes[a..b]` of kind `kind` (`hashes`: the run's syllable key hashes):
/// the word features, its length and kind, the boundary on its left and
/// each pair of syllables it joins.
pub(crate) fn features(hashes: &[u64], a: usize, b: usize, kind: Candidate, mut f: impl FnMut(usize)) {
    word_features(hashes, a, b, kind, &mut f);
    f(len_feature(kind as u64, b - a));
    if a > 0 {
        f(split_feature(hashes[a - 1], hashes[a]));
    }
    for i in a..b - 1 {
        f(join_feature(hashes[i], hashes[i + 1]));
    }
}

impl SegmentModel {
    /// A model whose weights are all zero (the dictionary scores alone).
    pub fn zero() -> SegmentModel {
        SegmentModel::from_weights(vec![0.0; SIZE])
    }

    /// The model trained on the UD Vietnamese VTB treebank and embedded in
    /// the crate (see `data/model/README.md`).
    #[cfg(feature = "embedded-data")]
    pub fn embedded() -> SegmentModel {
        static EMBEDDED: &[u8] = include_bytes!("../../data/model/segment.bin");
        static MODEL: std::sync::OnceLock<SegmentModel> = std::sync::OnceLock::new();
        MODEL
            .get_or_init(|| SegmentModel::from_bytes(EMBEDDED).expect("the embedded model is valid (tested)"))
            .clone()
    }

    /// Read a model written by [`SegmentModel::to_bytes`].
    ///
    /// # Errors
    /// [`ErrorKind::ModelFormat`] when the bytes are not such a model.
    pub fn from_bytes(bytes: &[u8]) -> Result<SegmentModel> {
        let bad = |what: &str| Error::new(ErrorKind::ModelFormat, format!("segment model: {what}"));
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(bad("no AGRIVNSM header"));
        }
        let word = |i: usize| [bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]];
        if u32::from_le_bytes(word(8)) != VERSION {
            return Err(bad("unknown version"));
        }
        let n = u32::from_le_bytes(word(12)) as usize;
        if Some(bytes.len()) != n.checked_mul(8).and_then(|b| b.checked_add(16)) {
            return Err(bad("length does not match its header"));
        }
        let mut weights = vec![0.0f32; SIZE];
        for k in 0..n {
            let p = 16 + 8 * k;
            let i = u32::from_le_bytes(word(p)) as usize;
            let w = f32::from_le_bytes(word(p + 4));
            if i >= SIZE || !w.is_finite() {
                return Err(bad("weight index out of range or not finite"));
            }
            weights[i] = w;
        }
        Ok(SegmentModel::from_weights(weights))
    }

    /// The model's bytes (non-zero weights only).
    pub fn to_bytes(&self) -> Vec<u8> {
        let nonzero: Vec<(usize, f32)> = self
            .inner
            .weights
            .iter()
            .enumerate()
            .filter(|(_, w)| **w != 0.0)
            .map(|(i, w)| (i, *w))
            .collect();
        let mut out = Vec::with_capacity(16 + 8 * nonzero.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        for (i, w) in nonzero {
            out.extend_from_slice(&(i as u32).to_le_bytes());
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// The weight of feature `i` (0 for most, found in the bitmap).
    #[inline(always)]
    pub(crate) fn weight(&self, i: usize) -> f32 {
        let w = &self.inner;
        let Some(block) = w.blocks.get(i / 64) else {
            return 0.0;
        };
        let bit = 1u64 << (i % 64);
        if block.nonzero & bit == 0 {
            0.0
        } else {
            let k = block.rank as usize + (block.nonzero & (bit - 1)).count_ones() as usize;
            w.compact.get(k).copied().unwrap_or(0.0)
        }
    }

    /// The learned score of a candidate whose boundary and join weights
    /// are given: `edges` is the weight of its left boundary plus the
    /// weights of the pairs it joins (see [`split_feature`], [`join_feature`]).
    #[inline(always)]
    pub(crate) fn score(&self, hashes: &[u64], a: usize, b: usize, kind: Candidate, edges: f32) -> f32 {
        let mut s = edges + self.inner.len[kind as usize][(b - a).min(6)];
        word_features(hashes, a, b, kind, |i| s += self.weight(i));
        s
    }

    pub(crate) fn from_weights(weights: Vec<f32>) -> SegmentModel {
        debug_assert_eq!(weights.len(), SIZE);
        let mut blocks = vec![Block::default(); SIZE / 64];
        for (i, w) in weights.iter().enumerate() {
            if *w != 0.0 {
                blocks[i / 64].nonzero |= 1 << (i % 64);
            }
        }
        let mut model = SegmentModel {
            inner: std::sync::Arc::new(Weights {
                weights,
                blocks,
                compact: Vec::new(),
                len: [[0.0; 7]; 7],
            }),
        };
        model.refresh();
        model
    }

    /// Add `delta` to weight `i` (training; scores see it after
    /// [`SegmentModel::refresh`]).
    pub(crate) fn add(&mut self, i: usize, delta: f32) {
        let w = std::sync::Arc::make_mut(&mut self.inner);
        w.weights[i] += delta;
        w.blocks[i / 64].nonzero |= 1 << (i % 64);
    }

    /// Rebuild the compact weights and the length table from the table
    /// (after [`SegmentModel::add`]).
    pub(crate) fn refresh(&mut self) {
        let w = std::sync::Arc::make_mut(&mut self.inner);
        w.compact.clear();
        for (k, block) in w.blocks.iter_mut().enumerate() {
            block.rank = w.compact.len() as u32;
            let mut bits = block.nonzero;
            while bits != 0 {
                let i = 64 * k + bits.trailing_zeros() as usize;
                w.compact.push(w.weights[i]);
                bits &= bits - 1;
            }
        }
        for kind in 0..7 {
            for n in 0..7 {
                w.len[kind][n] = w.weights[len_feature(kind as u64, n)];
            }
        }
    }

    pub(crate) fn table_size() -> usize {
        SIZE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(100))]

        /// The compact weights answer every feature as the full table does,
        /// after reading a model and after training updates.
        #[test]
        fn compact_weights_match_the_table(
            set in proptest::collection::vec((0..SIZE, -4.0f32..4.0), 0..200),
            updates in proptest::collection::vec((0..SIZE, -1.0f32..1.0), 0..50),
        ) {
            let mut table = vec![0.0f32; SIZE];
            for &(i, w) in &set {
                table[i] = w;
            }
            let mut model = SegmentModel::from_weights(table.clone());
            for &(i, w) in &updates {
                model.add(i, w);
                table[i] += w;
            }
            model.refresh();
            for i in set.iter().chain(&updates).map(|p| p.0).chain([0, 1, 63, 64, SIZE - 1]) {
                proptest::prop_assert_eq!(model.weight(i), table[i]);
            }
            proptest::prop_assert_eq!(model.weight(SIZE), 0.0);
        }
    }
}
