//! A trie over whole syllables, for walking keys syllable by syllable.
//!
//! Dictionary and phrase keys are syllables joined by one space. Walking an
//! FST over running text decodes one node per byte; the syllable trie takes
//! one step per syllable instead: a syllable's id is looked up once per
//! distinct syllable (see [`SyllableIds`]), the root's children are a
//! direct table, and a deeper node's few children are found by binary
//! search in a flat array. The layout is in [`super::trie_format`]; the
//! default dictionary's trie is built by the build script and embedded;
//! opening it decodes the arrays once.

use std::borrow::Cow;

pub(crate) use super::trie_format::NONE;
use super::trie_format::{TRIE_HEADER_LEN, TRIE_MAGIC, TRIE_VERSION, build_trie};
use crate::segment::Syllables;
use crate::{Error, ErrorKind, Result};

/// The root node.
pub(crate) const ROOT: u32 = 0;

/// Keys made of syllables, as a trie whose edges are syllable ids.
#[derive(Debug)]
pub(crate) struct SyllableTrie {
    bytes: Cow<'static, [u8]>,
    /// Where each syllable's text starts, from the start of the syllable
    /// bytes (`n_syl + 1` entries).
    syl_offsets: Vec<u32>,
    /// The root's child per syllable id.
    root: Vec<u32>,
    /// The syllable of each node's edge, apart from the rest of the node:
    /// a step's binary search over siblings touches only these, four
    /// bytes each.
    node_syls: Vec<u32>,
    /// The nodes. Siblings are consecutive and sorted by syllable, so a
    /// step searches its node's children and lands on the child it needs,
    /// whose value and children are beside its syllable.
    nodes: Vec<Node>,
    /// Where the syllable bytes start, in bytes.
    syl_bytes: usize,
}

/// A node: the syllable of the edge into it, its children (nodes
/// `first..end`) and its value.
#[derive(Debug, Clone, Copy)]
struct Node {
    first: u32,
    end: u32,
    value: u32,
}

impl SyllableTrie {
    /// A trie of `entries` (keys of syllables joined by one space, values).
    pub(crate) fn build<'a>(entries: impl IntoIterator<Item = (&'a str, u64)>) -> SyllableTrie {
        SyllableTrie::from_bytes(Cow::Owned(build_trie(entries))).expect("a freshly built trie is valid")
    }

    /// Open a trie laid out by [`build_trie`].
    pub(crate) fn from_bytes(bytes: Cow<'static, [u8]>) -> Result<SyllableTrie> {
        let bad = |what: &str| Error::new(ErrorKind::ModelFormat, format!("syllable trie: {what}"));
        if bytes.len() < TRIE_HEADER_LEN || &bytes[..8] != TRIE_MAGIC {
            return Err(bad("no AGRIVNTR header"));
        }
        let word = |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        if word(8) != TRIE_VERSION {
            return Err(bad("unknown layout version"));
        }
        let (n_syl, n_nodes, n_bytes) = (word(12) as usize, word(16) as usize, word(20) as usize);
        // Arrays of u32 after the header: offsets, root, node syllables,
        // first children, values.
        let n_words = (n_syl + 1)
            .checked_add(n_syl)
            .and_then(|n| n.checked_add(n_nodes.checked_mul(3)?))
            .and_then(|n| n.checked_add(1))
            .ok_or_else(|| bad("sizes overflow"))?;
        let syl_bytes = n_words
            .checked_mul(4)
            .and_then(|n| n.checked_add(TRIE_HEADER_LEN))
            .ok_or_else(|| bad("sizes overflow"))?;
        if n_nodes == 0 || n_nodes >= NONE as usize || Some(bytes.len()) != syl_bytes.checked_add(n_bytes) {
            return Err(bad("length does not match its header"));
        }
        let mut words = bytes[TRIE_HEADER_LEN..syl_bytes]
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let mut take = |n: usize| -> Vec<u32> { words.by_ref().take(n).collect() };
        let syl_offsets = take(n_syl + 1);
        let root = take(n_syl);
        let node_syls = take(n_nodes);
        let first = take(n_nodes + 1);
        let values = take(n_nodes);
        let in_nodes = |n: u32| n == NONE || (n as usize) < n_nodes;
        if !root.iter().all(|&n| in_nodes(n))
            || first.windows(2).any(|w| w[0] > w[1])
            || first.last().is_none_or(|&f| f as usize > n_nodes)
            || syl_offsets.windows(2).any(|w| w[0] > w[1])
            || syl_offsets.last().is_none_or(|&o| o as usize != n_bytes)
        {
            return Err(bad("node or syllable offsets out of order"));
        }
        let nodes = (0..n_nodes)
            .map(|i| Node {
                first: first[i],
                end: first[i + 1],
                value: values[i],
            })
            .collect();
        Ok(SyllableTrie {
            bytes,
            syl_offsets,
            root,
            nodes,
            node_syls,
            syl_bytes,
        })
    }

    fn syllable_text(&self, id: usize) -> &[u8] {
        let a = self.syl_offsets[id] as usize;
        let b = self.syl_offsets[id + 1] as usize;
        &self.bytes[self.syl_bytes + a..self.syl_bytes + b]
    }

    /// The id of syllable `key`, or [`NONE`] when no key has it.
    pub(crate) fn syllable(&self, key: &str) -> u32 {
        let (mut lo, mut hi) = (0, self.root.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.syllable_text(mid).cmp(key.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return mid as u32,
            }
        }
        NONE
    }

    /// The node reached from `node` by syllable `syl`, or [`NONE`].
    #[inline]
    pub(crate) fn child(&self, node: u32, syl: u32) -> u32 {
        if node == ROOT {
            return self.root.get(syl as usize).copied().unwrap_or(NONE);
        }
        let Some(n) = self.nodes.get(node as usize) else {
            return NONE;
        };
        let Some(siblings) = self.node_syls.get(n.first as usize..n.end as usize) else {
            return NONE;
        };
        match siblings.binary_search(&syl) {
            Ok(i) => n.first + i as u32,
            Err(_) => NONE,
        }
    }

    /// The value of the key that ends at `node`.
    #[inline]
    pub(crate) fn value(&self, node: u32) -> Option<u32> {
        let v = self.nodes.get(node as usize)?.value;
        (v != NONE).then_some(v)
    }

    /// Bytes held.
    pub(crate) fn size_bytes(&self) -> usize {
        self.bytes.len()
            + 4 * (self.syl_offsets.len() + self.root.len())
            + std::mem::size_of::<Node>() * self.nodes.len()
            + 4 * self.node_syls.len()
    }
}

/// Syllable key ids of a per-thread [`Syllables`] table mapped to the
/// syllable ids of one trie, filled as syllables are met.
#[derive(Debug, Default)]
pub(crate) struct SyllableIds {
    ids: Vec<u32>,
    generation: u64,
}

/// Not looked up yet.
const UNSET: u32 = NONE - 1;

impl SyllableIds {
    /// Forget the mapping when the table's ids changed meaning.
    pub(crate) fn sync(&mut self, generation: u64) {
        if self.generation != generation {
            self.ids.clear();
            self.generation = generation;
        }
    }

    /// The trie's id for key id `key` of `syllables`.
    #[inline]
    pub(crate) fn get(&mut self, trie: &SyllableTrie, syllables: &Syllables, key: u32) -> u32 {
        let i = key as usize;
        match self.ids.get(i) {
            Some(&id) if id != UNSET => return id,
            _ => {}
        }
        if i >= self.ids.len() {
            self.ids.resize(i + 1, UNSET);
        }
        let id = trie.syllable(syllables.key(key));
        self.ids[i] = id;
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_find_every_key_of_whole_syllables() {
        let t = SyllableTrie::build([
            ("hợp", 1),
            ("hợp tác", 2),
            ("hợp tác xã", 3),
            ("tác", 4),
            ("xã", 5),
        ]);
        let walk = |syls: &[&str]| {
            let mut node = ROOT;
            let mut found = Vec::new();
            for s in syls {
                node = t.child(node, t.syllable(s));
                if node == NONE {
                    break;
                }
                found.extend(t.value(node));
            }
            found
        };
        assert_eq!(walk(&["hợp", "tác", "xã"]), vec![1, 2, 3]);
        assert_eq!(walk(&["tác", "xã"]), vec![4]);
        assert_eq!(walk(&["tá"]), Vec::<u32>::new());
        assert_eq!(walk(&["xã", "hợp"]), vec![5]);
        assert_eq!(t.syllable("lúa"), NONE);
    }

    #[test]
    fn damaged_bytes_are_an_error() {
        let mut bytes = build_trie([("hợp tác", 1)]);
        assert!(SyllableTrie::from_bytes(Cow::Owned(bytes.clone())).is_ok());
        bytes.pop();
        assert!(SyllableTrie::from_bytes(Cow::Owned(bytes)).is_err());
        assert!(SyllableTrie::from_bytes(Cow::Borrowed(b"AGRIVN")).is_err());
    }

    const SYLLABLES: [&str; 8] = ["hợp", "tác", "xã", "nông", "thôn", "mới", "lúa", "gạo"];

    /// Walk `syls` from the root: the value found after each syllable.
    fn walk(t: &SyllableTrie, syls: &[usize]) -> Vec<Option<u32>> {
        let mut node = ROOT;
        syls.iter()
            .map(|&s| {
                node = t.child(node, t.syllable(SYLLABLES[s]));
                if node == NONE { None } else { t.value(node) }
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

        /// Every prefix of every walk finds exactly the keys the entries
        /// have, with their last value.
        #[test]
        fn walks_agree_with_a_map(
            entries in proptest::collection::vec((proptest::collection::vec(0..8usize, 1..5), 0..1000u32), 0..40),
            probes in proptest::collection::vec(proptest::collection::vec(0..8usize, 1..6), 1..20),
        ) {
            let keys: Vec<(String, u64)> = entries
                .iter()
                .map(|(k, v)| (k.iter().map(|&s| SYLLABLES[s]).collect::<Vec<_>>().join(" "), u64::from(*v)))
                .collect();
            let map: std::collections::BTreeMap<&str, u32> =
                keys.iter().map(|(k, v)| (k.as_str(), *v as u32)).collect();
            let t = SyllableTrie::build(keys.iter().map(|(k, v)| (k.as_str(), *v)));
            for probe in probes.iter().chain(entries.iter().map(|(k, _)| k)) {
                let found = walk(&t, probe);
                for (n, got) in found.iter().enumerate() {
                    let key = probe[..=n].iter().map(|&s| SYLLABLES[s]).collect::<Vec<_>>().join(" ");
                    proptest::prop_assert_eq!(*got, map.get(key.as_str()).copied(), "key {}", key);
                }
            }
        }

        /// Damaged bytes are refused or give a trie whose walks do not panic.
        #[test]
        fn damaged_tries_never_panic(at in 0..400usize, byte in 0..=255u8, cut in 0..400usize) {
            let mut bytes = build_trie([("hợp tác", 1), ("hợp tác xã", 2), ("nông thôn mới", 3), ("lúa", 4)]);
            let at = at % bytes.len();
            bytes[at] = byte;
            bytes.truncate(bytes.len() - cut % 8);
            if let Ok(t) = SyllableTrie::from_bytes(Cow::Owned(bytes)) {
                for probe in [[0usize, 1, 2], [3, 4, 5], [6, 6, 6]] {
                    walk(&t, &probe);
                }
                for node in [ROOT, 1, 5, 1000, NONE] {
                    for syl in [0, 1, 7, 1000, NONE] {
                        let _ = (t.child(node, syl), t.value(node));
                    }
                }
            }
        }
    }
}
