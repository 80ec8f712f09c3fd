//! The byte layout of a syllable trie, and its builder. Shared by the
//! build script (which embeds the default dictionary's trie) and the
//! library (which builds tries for user dictionaries and taxonomies).
//!
//! All numbers are little-endian `u32`:
//!
//! ```text
//! "AGRIVNTR" version n_syllables n_nodes n_syllable_bytes
//! syllable_offsets[n_syllables + 1]   where each syllable's text starts
//! root[n_syllables]                   child of the root per syllable, or NONE
//! node_syllables[n_nodes]             syllable of the edge into each node (root: NONE)
//! first_child[n_nodes + 1]            children of node i: nodes first_child[i]..first_child[i + 1]
//! values[n_nodes]                     value of the key ending at a node, or NONE
//! syllable bytes                      the syllables, sorted, concatenated
//! ```
//!
//! Syllable ids are the ranks of the syllables in byte order. Nodes are
//! numbered breadth first, node 0 being the root, so the children of a
//! node are consecutive nodes sorted by syllable: a step finds the child by
//! binary search among them, and the child's number is where it was found
//! (no separate edge array to read). The root's children are also in the
//! direct table `root`.

use std::collections::BTreeMap;

/// First bytes of a trie.
pub const TRIE_MAGIC: &[u8; 8] = b"AGRIVNTR";
/// Layout version.
pub const TRIE_VERSION: u32 = 2;
/// Header length in bytes.
pub const TRIE_HEADER_LEN: usize = 8 + 4 * 4;
/// No such syllable, node or value.
pub const NONE: u32 = u32::MAX;

/// Lay out a trie of `entries`: keys (syllables joined by one space) and
/// their values. Values that do not fit below [`NONE`] and empty keys are
/// left out; a repeated key keeps its last value.
pub fn build_trie<'a>(entries: impl IntoIterator<Item = (&'a str, u64)>) -> Vec<u8> {
    let entries: Vec<(&str, u32)> = entries
        .into_iter()
        .filter(|(k, _)| !k.is_empty())
        .filter_map(|(k, v)| u32::try_from(v).ok().filter(|&v| v != NONE).map(|v| (k, v)))
        .collect();
    let mut syllables: BTreeMap<&str, u32> = BTreeMap::new();
    for (k, _) in &entries {
        for s in k.split(' ') {
            syllables.insert(s, 0);
        }
    }
    for (i, id) in syllables.values_mut().enumerate() {
        *id = i as u32;
    }
    // Nodes: value and children by syllable id.
    let mut values: Vec<u32> = vec![NONE];
    let mut children: Vec<BTreeMap<u32, u32>> = vec![BTreeMap::new()];
    for (k, v) in &entries {
        let mut node = 0usize;
        for s in k.split(' ') {
            let syl = syllables[s];
            let next = values.len() as u32;
            let child = *children[node].entry(syl).or_insert(next);
            if child == next {
                values.push(NONE);
                children.push(BTreeMap::new());
            }
            node = child as usize;
        }
        values[node] = *v;
    }
    // Number the nodes breadth first, so that siblings are consecutive.
    let n_syl = syllables.len();
    let n_nodes = values.len();
    let mut order = Vec::with_capacity(n_nodes);
    let mut new_id = vec![0u32; n_nodes];
    let mut node_syl = vec![NONE; n_nodes];
    order.push(0usize);
    let mut k = 0;
    while k < order.len() {
        let old = order[k];
        for (&syl, &child) in &children[old] {
            new_id[child as usize] = order.len() as u32;
            node_syl[order.len()] = syl;
            order.push(child as usize);
        }
        k += 1;
    }
    let syl_bytes: usize = syllables.keys().map(|s| s.len()).sum();
    let mut out = Vec::with_capacity(TRIE_HEADER_LEN + 4 * (2 * n_syl + 3 * n_nodes + 2) + syl_bytes);
    out.extend_from_slice(TRIE_MAGIC);
    for n in [TRIE_VERSION, n_syl as u32, n_nodes as u32, syl_bytes as u32] {
        out.extend_from_slice(&n.to_le_bytes());
    }
    let push = |out: &mut Vec<u8>, n: u32| out.extend_from_slice(&n.to_le_bytes());
    let mut offset = 0u32;
    for s in syllables.keys() {
        push(&mut out, offset);
        offset += s.len() as u32;
    }
    push(&mut out, offset);
    let mut root = vec![NONE; n_syl];
    for (&syl, &child) in &children[0] {
        root[syl as usize] = new_id[child as usize];
    }
    for r in root {
        push(&mut out, r);
    }
    for &syl in &node_syl {
        push(&mut out, syl);
    }
    let mut first = 1u32;
    for &old in &order {
        push(&mut out, first);
        first += children[old].len() as u32;
    }
    push(&mut out, first);
    for &old in &order {
        push(&mut out, values[old]);
    }
    for s in syllables.keys() {
        out.extend_from_slice(s.as_bytes());
    }
    out
}
