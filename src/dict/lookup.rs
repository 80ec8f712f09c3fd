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
