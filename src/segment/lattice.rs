//! The lattice of dictionary words over runs of syllables, and its best path.

use super::pretokenize::{Piece, pretokenize};
use super::syllables::{Syl, Syllables, flag};
use super::{Span, Token, TokenKind};
use crate::dict::{Dictionary, NONE, ROOT, SyllableIds, source};
use crate::normalize::push_key;

/// Longest word tried, in syllables.
const MAX_WORD: usize = 8;

/// Per-thread buffers.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pieces: Vec<Piece>,
    keys: String,
    syls: Vec<Syl>,
    best: Vec<(f32, u32, u64)>,
    path: Vec<(usize, usize, u64)>,
    /// The syllables of the texts segmented so far.
    pub(crate) syllables: Syllables,
    /// Syllable keys mapped to the dictionary trie's syllables.
    trie_ids: SyllableIds,
    /// The dictionary trie's syllable id of each syllable of a run.
    trie_syls: Vec<u32>,
}

/// Magnitude words that join a preceding number ("3,7 triệu").
const MAGNITUDES: [&str; 5] = ["nghìn", "ngàn", "triệu", "tỷ", "tỉ"];

fn is_magnitude(word: &str) -> bool {
    MAGNITUDES.iter().any(|m| {
        m.len() == word.len()
            && m.chars()
                .zip(word.chars())
                .all(|(a, b)| b.to_lowercase().eq(std::iter::once(a)))
    })
}

fn is_syllable(p: &Piece) -> bool {
    p.kind == TokenKind::Word
}

/// Segment normalized `text`, pushing tokens with spans in `text`.
pub(crate) fn segment(text: &str, dict: &Dictionary, s: &mut Scratch, out: &mut Vec<Token>) {
    pretokenize(text, &mut s.pieces);
    let generation = s.syllables.begin();
    s.trie_ids.sync(generation);
    let pieces = std::mem::take(&mut s.pieces);
    let mut i = 0;
    while i < pieces.len() {
        let p = pieces[i];
        if is_syllable(&p) {
            let mut j = i + 1;
            while j < pieces.len() && is_syllable(&pieces[j]) && !pieces[j].newline_before {
                j += 1;
            }
            segment_run(text, &pieces[i..j], dict, s, out);
            i = j;
        } else if p.kind == TokenKind::Number
            && pieces.get(i + 1).is_some_and(|n| {
                n.kind == TokenKind::Word && !n.newline_before && is_magnitude(&text[n.start..n.end])
            })
        {
            out.push(Token {
                span: Span {
                    start: p.start,
                    end: pieces[i + 1].end,
                },
                kind: TokenKind::Number,
                word: None,
            });
            i += 2;
        } else {
            let word = if p.kind == TokenKind::Abbreviation {
                s.keys.clear();
                push_key(&text[p.start..p.end], &mut s.keys);
                dict.lookup_key(&s.keys)
            } else {
                None
            };
            out.push(Token {
                span: Span {
                    start: p.start,
                    end: p.end,
                },
                kind: p.kind,
                word,
            });
            i += 1;
        }
    }
    s.pieces = pieces;
}

/// Score of a word of `len` syllables.
fn word_score(len: usize, known: bool) -> f32 {
    match (len, known) {
        (1, true) => -1.0,
        (1, false) => -1.05,
        (n, _) => -1.0 + 0.01 * n as f32,
    }
}

fn segment_run(text: &str, run: &[Piece], dict: &Dictionary, s: &mut Scratch, out: &mut Vec<Token>) {
    let n = run.len();
    let trie = dict.trie();
    s.syls.clear();
    s.trie_syls.clear();
    for p in run {
        let syl = s.syllables.get(&text[p.start..p.end]);
        s.syls.push(syl);
        s.trie_syls.push(s.trie_ids.get(trie, &s.syllables, syl.key));
    }
    // best[i] = (score, length of last word, word id + 1) for the prefix of i syllables.
    s.best.clear();
    s.best.resize(n + 1, (f32::NEG_INFINITY, 0, 0));
    s.best[0] = (0.0, 0, 0);
    let any_capital = s.syls.iter().any(|y| y.is(flag::UPPER));
    for j in 0..n {
        let base = s.best[j].0;
        if base == f32::NEG_INFINITY {
            continue;
        }
        let mut single_known = None;
        let mut node = ROOT;
        for k in j..n.min(j + MAX_WORD) {
            node = trie.child(node, s.trie_syls[k]);
            if node == NONE {
                break;
            }
            if let Some(id) = trie.value(node) {
                let id = u64::from(id);
                let len = k + 1 - j;
                if len == 1 {
                    single_known = Some(id);
                } else {
                    // Curated names and terms (places, the agricultural
                    // lexicon, abbreviations) win ties against general words.
                    let curated =
                        dict.info(id).sources & (source::PLACE | source::AGRI | source::ABBREV) != 0;
                    let sc = base + word_score(len, true) + if curated { 0.005 } else { 0.0 };
                    if sc > s.best[k + 1].0 {
                        s.best[k + 1] = (sc, len as u32, id + 1);
                    }
                }
            }
        }
        let sc = base + word_score(1, single_known.is_some());
        if sc > s.best[j + 1].0 {
            s.best[j + 1] = (sc, 1, single_known.map_or(0, |id| id + 1));
        }
        // A capitalized run is a name.
        if s.syls[j].is(flag::CAPITALIZED) {
            let mut k = j + 1;
            while k < n && k - j < MAX_WORD && s.syls[k].is(flag::CAPITALIZED) {
                k += 1;
            }
            if k - j >= 2 && !(j == 0 && run[0].newline_before) {
                let sc = base + word_score(k - j, true) + 0.5;
                if sc > s.best[k].0 {
                    s.best[k] = (sc, (k - j) as u32, 0);
                }
            }
        } else if j + 2 < n
            && !any_capital
            && s.syls[j].is(flag::SURNAME)
            && s.syls[j + 1].is(flag::MIDDLE_NAME)
        {
            // Text without capitals (lower-cased input): a surname, a common
            // middle name and a given name are still a name.
            let sc = base + word_score(3, true) + 0.5;
            if sc > s.best[j + 3].0 {
                s.best[j + 3] = (sc, 3, 0);
            }
        }
    }
    s.path.clear();
    let mut i = n;
    while i > 0 {
        let (_, len, id) = s.best[i];
        let len = (len as usize).max(1);
        s.path.push((i - len, i, id));
        i -= len;
    }
    for &(a, b, id) in s.path.iter().rev() {
        let kind = if b - a >= 2 && id == 0 {
            TokenKind::Name
        } else {
            TokenKind::Word
        };
        out.push(Token {
            span: Span {
                start: run[a].start,
                end: run[b - 1].end,
            },
            kind,
            word: id.checked_sub(1),
        });
    }
}
