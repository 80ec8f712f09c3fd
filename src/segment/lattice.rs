//! The lattice of dictionary words over runs of syllables, and its best path.

use super::model::{Candidate, SegmentModel, join_feature, split_feature};
use super::pretokenize::{Piece, pretokenize};
use super::syllables::{Syl, Syllables, flag};
use super::{Span, Token, TokenKind};
use crate::dict::{Dictionary, NONE, ROOT, SyllableIds};

/// Longest word tried, in syllables.
pub(crate) const MAX_WORD: usize = 8;

/// Per-thread buffers.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pieces: Vec<Piece>,
    /// The syllables of the last run keyed.
    pub(crate) syls: Vec<Syl>,
    /// Their key hashes (for learned features).
    pub(crate) hashes: Vec<u64>,
    /// Learned weight of a boundary before each syllable of a run.
    split_w: Vec<f32>,
    /// Running sums of the learned weights of joining syllable i to i + 1.
    join_cum: Vec<f32>,
    best: Vec<Best>,
    /// The best path of the last run.
    pub(crate) path: Vec<PathWord>,
    /// The syllables of the texts segmented so far.
    pub(crate) syllables: Syllables,
    /// Syllable keys mapped to the dictionary trie's syllables.
    trie_ids: SyllableIds,
    /// The dictionary trie's syllable id of each syllable of a run.
    pub(crate) trie_syls: Vec<u32>,
    /// Every syllable keyed in the current text: its start and what the
    /// table knows of it (the tagger reads it instead of keying again).
    pub(crate) text_syls: Vec<(usize, Syl)>,
    /// The line being segmented has every word capitalized (a headline in
    /// title case): capitals there say nothing of names.
    title_case: bool,
}

impl Scratch {
    /// Start a text: the syllable table may start over, and what is keyed
    /// by its ids with it.
    pub(crate) fn begin(&mut self) {
        let generation = self.syllables.begin();
        self.trie_ids.sync(generation);
        self.text_syls.clear();
        self.title_case = false;
    }
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

/// End of the run of syllables that starts at syllable piece `i`: words
/// never span punctuation or a line break.
pub(crate) fn run_end(pieces: &[Piece], i: usize) -> usize {
    i + 1
        + pieces[i + 1..]
            .iter()
            .take_while(|p| is_syllable(p) && !p.newline_before)
            .count()
}

/// The name that a rule proposes starting at syllable `j` of a run keyed
/// into `syls`, as its end and kind: a run of capitalized syllables (not
/// the first word of a line); in text without capitals, a surname, a common
/// middle name and a given name; and, only with learned weights (`learned`)
/// to judge it, a surname and any two syllables. The lattice and the
/// training's gold paths both ask this.
pub(crate) fn name_at(
    syls: &[Syl],
    run: &[Piece],
    j: usize,
    any_capital: bool,
    learned: bool,
) -> Option<(usize, Candidate)> {
    if syls[j].is(flag::CAPITALIZED) {
        let k = j + syls[j..]
            .iter()
            .take(MAX_WORD)
            .take_while(|y| y.is(flag::CAPITALIZED))
            .count();
        (k - j >= 2 && !(j == 0 && run[0].newline_before)).then_some((k, Candidate::CapitalizedName))
    } else if j + 2 < syls.len() && !any_capital && syls[j].is(flag::SURNAME) {
        if syls[j + 1].is(flag::MIDDLE_NAME) {
            Some((j + 3, Candidate::LowercaseName))
        } else {
            learned.then_some((j + 3, Candidate::SurnameTriple))
        }
    } else {
        None
    }
}

/// Segment normalized `text`, pushing tokens with spans in `text`.
pub(crate) fn segment(
    text: &str,
    dict: &Dictionary,
    model: Option<&SegmentModel>,
    s: &mut Scratch,
    out: &mut Vec<Token>,
) {
    pretokenize(text, &mut s.pieces);
    s.begin();
    let pieces = std::mem::take(&mut s.pieces);
    let mut i = 0;
    while i < pieces.len() {
        let p = pieces[i];
        // Every line starts a run or a piece of its own.
        if i == 0 || line_break(text, &pieces[i - 1], &p) {
            s.title_case = is_title_case(text, &pieces[i..]);
        }
        if is_syllable(&p) {
            let j = run_end(&pieces, i);
            segment_run(text, &pieces[i..j], dict, model, s, out);
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
                let y = s.syllables.get(&text[p.start..p.end]);
                dict.lookup_key(s.syllables.key(y.key))
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

/// Whether a line break lies between two pieces.
fn line_break(text: &str, before: &Piece, after: &Piece) -> bool {
    text.as_bytes()[before.end..after.start].contains(&b'\n')
}

/// Whether the line that starts with `line[0]` writes every word
/// capitalized, as some sites write headlines ("Hiệu Quả Từ Mô Hình Nuôi
/// Dê"): at least five capitalized words and at most one lower-case word in
/// ten (words in capitals are neither). Ordinary text is told after its
/// first few words.
fn is_title_case(text: &str, line: &[Piece]) -> bool {
    let (mut capitalized, mut lower) = (0usize, 0usize);
    for (k, p) in line.iter().enumerate() {
        if k > 0 && line_break(text, &line[k - 1], p) {
            break;
        }
        if !is_syllable(p) {
            continue;
        }
        let word = &text[p.start..p.end];
        match word.chars().next() {
            Some(c) if c.is_lowercase() => lower += 1,
            // "Lúa" is capitalized, "HTX" is not.
            Some(c) if c.is_uppercase() => {
                capitalized += usize::from(word.chars().skip(1).any(char::is_lowercase))
            }
            _ => {}
        }
        if lower > capitalized / 10 + 1 {
            return false;
        }
    }
    capitalized >= 5 && lower * 10 <= capitalized
}

/// Score of a word of `len` syllables.
fn word_score(len: usize, known: bool) -> f32 {
    match (len, known) {
        (1, true) => -1.0,
        (1, false) => -1.05,
        (n, _) => -1.0 + 0.01 * n as f32,
    }
}

/// Dictionary score of two syllables no rule joins: below two unknown
/// single syllables, so only learned weights can make it win.
const UNKNOWN_PAIR: f32 = -2.2;
/// The same for three syllables starting with a surname.
const UNKNOWN_TRIPLE: f32 = -3.3;

/// The best path so far to a position of a run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Best {
    score: f32,
    /// Length of the last word, in syllables.
    len: u32,
    /// Dictionary id + 1 of the last word (0: none).
    id: u64,
    kind: Candidate,
}

/// One word of a best path: syllables `a..b` of the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PathWord {
    pub a: usize,
    pub b: usize,
    /// Dictionary id + 1 (0: none).
    pub id: u64,
    pub kind: Candidate,
}

/// Candidate word `a..b` of kind `kind` with dictionary score `score`:
/// keep it as the best path to `b` when it is.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn consider(
    best: &mut [Best],
    model: Option<&SegmentModel>,
    hashes: &[u64],
    split_w: &[f32],
    join_cum: &[f32],
    a: usize,
    b: usize,
    score: f32,
    id: u64,
    kind: Candidate,
) {
    let learned = match model {
        Some(m) => m.score(hashes, a, b, kind, split_w[a] + join_cum[b - 1] - join_cum[a]),
        None => 0.0,
    };
    let sc = best[a].score + score + learned;
    if sc > best[b].score {
        best[b] = Best {
            score: sc,
            len: (b - a) as u32,
            id,
            kind,
        };
    }
}

/// Key the syllables of `run` into `s.syls`, `s.hashes` and `s.trie_syls`.
pub(crate) fn key_run(text: &str, run: &[Piece], dict: &Dictionary, s: &mut Scratch) {
    let trie = dict.trie();
    s.syls.clear();
    s.hashes.clear();
    s.trie_syls.clear();
    for p in run {
        let mut syl = s.syllables.get(&text[p.start..p.end]);
        if s.title_case {
            syl.flags &= !flag::CAPITALIZED;
        }
        s.syls.push(syl);
        s.text_syls.push((p.start, syl));
        s.hashes.push(s.syllables.hash(syl.key));
        s.trie_syls.push(s.trie_ids.get(trie, &s.syllables, syl.key));
    }
}

/// The best path through the lattice of a run keyed by [`key_run`], into
/// `s.path` (first word first).
pub(crate) fn best_path(run: &[Piece], dict: &Dictionary, model: Option<&SegmentModel>, s: &mut Scratch) {
    let n = run.len();
    let trie = dict.trie();
    let start = Best {
        score: f32::NEG_INFINITY,
        len: 0,
        id: 0,
        kind: Candidate::KnownSyllable,
    };
    s.best.clear();
    s.best.resize(n + 1, start);
    s.best[0].score = 0.0;
    let any_capital = s.syls.iter().any(|y| y.is(flag::UPPER));
    // Learned weights of the boundary before each syllable, and running sums
    // of the weights of joining each syllable to the next.
    s.split_w.clear();
    s.join_cum.clear();
    if let Some(m) = model {
        s.join_cum.push(0.0);
        for i in 0..n {
            s.split_w.push(if i == 0 {
                0.0
            } else {
                m.weight(split_feature(s.hashes[i - 1], s.hashes[i]))
            });
            if i + 1 < n {
                let w = m.weight(join_feature(s.hashes[i], s.hashes[i + 1]));
                s.join_cum.push(s.join_cum[i] + w);
            }
        }
    }
    let (split_w, join_cum) = (&s.split_w, &s.join_cum);
    let hashes = &s.hashes;
    let best = &mut s.best;
    let consider = |best: &mut [Best], a: usize, b: usize, score: f32, id: u64, kind: Candidate| {
        consider(best, model, hashes, split_w, join_cum, a, b, score, id, kind);
    };
    for j in 0..n {
        if best[j].score == f32::NEG_INFINITY {
            continue;
        }
        let mut single_known = None;
        let mut pair_known = false;
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
                    pair_known |= len == 2;
                    // Curated names and terms (places, the agricultural
                    // lexicon, abbreviations) win ties against general words.
                    let sc = word_score(len, true) + if dict.is_curated(id) { 0.005 } else { 0.0 };
                    consider(best, j, k + 1, sc, id + 1, Candidate::DictWord);
                }
            }
        }
        let (kind, id) = match single_known {
            Some(id) => (Candidate::KnownSyllable, id + 1),
            None => (Candidate::UnknownSyllable, 0),
        };
        consider(best, j, j + 1, word_score(1, single_known.is_some()), id, kind);
        // Names: a capitalized run; in text without capitals, a surname
        // and two more syllables.
        match name_at(&s.syls, run, j, any_capital, model.is_some()) {
            Some((k, Candidate::SurnameTriple)) => {
                consider(best, j, k, UNKNOWN_TRIPLE, 0, Candidate::SurnameTriple);
            }
            Some((k, kind)) => consider(best, j, k, word_score(k - j, true) + 0.5, 0, kind),
            None => {}
        }
        if model.is_some() && j + 1 < n && !pair_known {
            consider(best, j, j + 2, UNKNOWN_PAIR, 0, Candidate::UnknownPair);
        }
    }
    s.path.clear();
    let mut i = n;
    while i > 0 {
        let w = s.best[i];
        let len = (w.len as usize).max(1);
        s.path.push(PathWord {
            a: i - len,
            b: i,
            id: w.id,
            kind: w.kind,
        });
        i -= len;
    }
    s.path.reverse();
}

fn segment_run(
    text: &str,
    run: &[Piece],
    dict: &Dictionary,
    model: Option<&SegmentModel>,
    s: &mut Scratch,
    out: &mut Vec<Token>,
) {
    key_run(text, run, dict, s);
    best_path(run, dict, model, s);
    for &PathWord { a, b, id, kind } in &s.path {
        let kind = match kind {
            Candidate::CapitalizedName | Candidate::LowercaseName | Candidate::SurnameTriple => {
                TokenKind::Name
            }
            // A learned unknown pair is a name when it is written as one.
            Candidate::UnknownPair if s.syls[a..b].iter().all(|y| y.is(flag::CAPITALIZED)) => TokenKind::Name,
            _ => TokenKind::Word,
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

#[cfg(all(test, feature = "embedded-data"))]
mod tests {
    use crate::segment::Segmenter;

    #[test]
    fn a_worker_stays_right_after_its_syllable_table_starts_over() {
        let seg = Segmenter::new();
        let mut w = seg.worker();
        let text = "Giá lúa tại Hợp tác xã tăng";
        let before: Vec<_> = w.segment(text).to_vec();
        // More distinct syllables than the table keeps: it starts over.
        let junk: String = (0..70_000).map(|i| format!("x{i} ")).collect();
        w.segment(&junk);
        assert_eq!(w.segment(text), &before[..]);
        assert!(before.iter().any(|t| &text[t.span] == "Hợp tác xã"));
    }

    #[test]
    fn a_headline_in_title_case_is_segmented_as_in_sentence_case() {
        let seg = Segmenter::new();
        let words = |text: &str| -> Vec<String> {
            seg.segment(text)
                .iter()
                .map(|t| text[t.span].to_lowercase())
                .collect()
        };
        let sentence = "Hiệu quả từ mô hình nuôi dê ở Ninh Hòa\nÔng Nguyễn Văn Thành nuôi dê.";
        let title = "Hiệu Quả Từ Mô Hình Nuôi Dê Ở Ninh Hòa\nÔng Nguyễn Văn Thành nuôi dê.";
        assert_eq!(words(title), words(sentence));
        assert!(
            words(title).contains(&"mô hình".to_string()),
            "{:?}",
            words(title)
        );
        // The next line is ordinary text: its name is still one token.
        let name = seg
            .segment(title)
            .into_iter()
            .find(|t| &title[t.span] == "Nguyễn Văn Thành");
        assert_eq!(name.map(|t| t.kind), Some(crate::segment::TokenKind::Name));
    }
}
