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
fn walk_prefixes<'k, D: AsRef<[u8]>>(
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
