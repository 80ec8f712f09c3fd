//! Every dictionary word starting at a syllable, in one walk of the FST.

use super::Dictionary;

/// A dictionary word found in a sequence of syllable keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Number of syllables the word spans.
    pub len: usize,
    /// The word's id (its FST value), for [`Dictionary::info`].
    pub id: u64,
}

impl Dictionary {
    /// Call `found` for every word that starts at `keys[0]`, shortest first,
    /// walking the FST node by node without allocating. `keys` are syllable
    /// keys (see [`crate::normalize::push_key`]); at most `max_len` syllables
    /// are tried.
    pub fn prefixes<'k>(
        &self,
        keys: impl IntoIterator<Item = &'k str>,
        max_len: usize,
        found: impl FnMut(Match),
    ) {
        walk_prefixes(self.fst(), keys, max_len, found);
    }
}

/// Walk `fst` over syllable keys joined by one space; call `found` for each
/// key of the FST that is a prefix made of whole syllables, shortest first.
pub(crate) fn walk_prefixes<'k, D: AsRef<[u8]>>(
    fst: &fst::raw::Fst<D>,
    keys: impl IntoIterator<Item = &'k str>,
    max_len: usize,
    mut found: impl FnMut(Match),
) {
    let mut node = fst.root();
    let mut out = fst::raw::Output::zero();
    for (n, key) in keys.into_iter().take(max_len).enumerate() {
        let sep = (n > 0).then_some(b' ');
        for b in sep.into_iter().chain(key.bytes()) {
            match node.find_input(b) {
                Some(i) => {
                    let t = node.transition(i);
                    out = out.cat(t.out);
                    node = fst.node(t.addr);
                }
                None => return,
            }
        }
        if node.is_final() {
            found(Match {
                len: n + 1,
                id: out.cat(node.final_output()).value(),
            });
        }
    }
}

impl Dictionary {
    /// The id of the word whose key is exactly `key`.
    pub(crate) fn lookup_key(&self, key: &str) -> Option<u64> {
        self.fst().get(key).map(|o| o.value())
    }
}

/// Where a walk stands after a first syllable: the word it completes, and
/// the node after the separating space when longer words continue.
#[derive(Debug, Clone, Copy)]
struct Start {
    single: Option<u64>,
    after_space: Option<(fst::raw::CompiledAddr, u64)>,
}

/// Most first syllables a [`PrefixCache`] remembers before it starts over.
const CACHE_LIMIT: usize = 1 << 16;
/// Longer keys (not syllables: URLs, runs of letters) are not cached.
const MAX_CACHED_KEY: usize = 32;

/// A per-thread cache of walks over first syllables, which repeat a lot in
/// running text; it saves walking their bytes through the FST again.
#[derive(Debug, Default)]
pub struct PrefixCache {
    map: std::collections::HashMap<Box<str>, Start, std::hash::BuildHasherDefault<Fnv>>,
}

/// FNV-1a: short keys, no need for a keyed hash.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

impl Dictionary {
    fn start(&self, key: &str) -> Start {
        let fst = self.fst();
        let mut node = fst.root();
        let mut out = fst::raw::Output::zero();
        for b in key.bytes() {
            match node.find_input(b) {
                Some(i) => {
                    let t = node.transition(i);
                    out = out.cat(t.out);
                    node = fst.node(t.addr);
                }
                None => {
                    return Start {
                        single: None,
                        after_space: None,
                    };
                }
            }
        }
        let single = node.is_final().then(|| out.cat(node.final_output()).value());
        let after_space = node.find_input(b' ').map(|i| {
            let t = node.transition(i);
            (t.addr, out.cat(t.out).value())
        });
        Start { single, after_space }
    }

    /// [`Dictionary::prefixes`] with the walk over the first syllable taken
    /// from `cache` when it was seen before.
    pub fn prefixes_cached<'k>(
        &self,
        cache: &mut PrefixCache,
        keys: impl IntoIterator<Item = &'k str>,
        max_len: usize,
        mut found: impl FnMut(Match),
    ) {
        let mut keys = keys.into_iter().take(max_len);
        let Some(first) = keys.next() else { return };
        let start = match cache.map.get(first) {
            Some(s) => *s,
            None => {
                let s = self.start(first);
                if first.len() <= MAX_CACHED_KEY {
                    if cache.map.len() >= CACHE_LIMIT {
                        cache.map.clear();
                    }
                    cache.map.insert(first.into(), s);
                }
                s
            }
        };
        if let Some(id) = start.single {
            found(Match { len: 1, id });
        }
        let Some((addr, out0)) = start.after_space else {
            return;
        };
        let fst = self.fst();
        let mut node = fst.node(addr);
        let mut out = fst::raw::Output::new(out0);
        for (n, key) in keys.enumerate() {
            let sep = (n > 0).then_some(b' ');
            for b in sep.into_iter().chain(key.bytes()) {
                match node.find_input(b) {
                    Some(i) => {
                        let t = node.transition(i);
                        out = out.cat(t.out);
                        node = fst.node(t.addr);
                    }
                    None => return,
                }
            }
            if node.is_final() {
                found(Match {
                    len: n + 2,
                    id: out.cat(node.final_output()).value(),
                });
            }
        }
    }
}
