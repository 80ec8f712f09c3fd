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

/// Follow `bytes` from `node`; `None` when the FST has no such path.
fn step<'f, D: AsRef<[u8]>>(
    fst: &'f fst::raw::Fst<D>,
    mut node: fst::raw::Node<'f>,
    mut out: fst::raw::Output,
    bytes: impl IntoIterator<Item = u8>,
) -> Option<(fst::raw::Node<'f>, fst::raw::Output)> {
    for b in bytes {
        let t = node.transition(node.find_input(b)?);
        out = out.cat(t.out);
        node = fst.node(t.addr);
    }
    Some((node, out))
}

/// Walk from `node` over syllable keys joined by one space; call `found`
/// for each final state, counting `done` syllables already walked.
fn walk_from<'f, 'k, D: AsRef<[u8]>>(
    fst: &'f fst::raw::Fst<D>,
    mut node: fst::raw::Node<'f>,
    mut out: fst::raw::Output,
    keys: impl IntoIterator<Item = &'k str>,
    done: usize,
    mut found: impl FnMut(Match),
) {
    for (n, key) in keys.into_iter().enumerate() {
        let sep = (n > 0).then_some(b' ');
        match step(fst, node, out, sep.into_iter().chain(key.bytes())) {
            Some((next, o)) => (node, out) = (next, o),
            None => return,
        }
        if node.is_final() {
            found(Match {
                len: done + n + 1,
                id: out.cat(node.final_output()).value(),
            });
        }
    }
}

/// Walk `fst` over syllable keys joined by one space; call `found` for each
/// key of the FST that is a prefix made of whole syllables, shortest first.
pub(crate) fn walk_prefixes<'k, D: AsRef<[u8]>>(
    fst: &fst::raw::Fst<D>,
    keys: impl IntoIterator<Item = &'k str>,
    max_len: usize,
    found: impl FnMut(Match),
) {
    walk_from(
        fst,
        fst.root(),
        fst::raw::Output::zero(),
        keys.into_iter().take(max_len),
        0,
        found,
    );
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
        let Some((node, out)) = step(fst, fst.root(), fst::raw::Output::zero(), key.bytes()) else {
            return Start {
                single: None,
                after_space: None,
            };
        };
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
        walk_from(fst, fst.node(addr), fst::raw::Output::new(out0), keys, 1, found);
    }
}
