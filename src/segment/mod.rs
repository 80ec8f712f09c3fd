//! Word segmentation: Vietnamese writes syllables separated by spaces, and a
//! word is one or more of them ("nông thôn mới", "hợp tác xã").
//!
//! The [`Segmenter`] normalizes a copy of the text, pre-tokenizes it
//! (numbers, dates, units, URLs… stay whole), finds every dictionary word
//! starting at each syllable by walking the dictionary's syllable trie (each
//! distinct syllable is keyed and looked up once per worker), and takes the
//! best path through that lattice; capitalized runs become names. Tokens report byte spans in the
//! caller's original text, whatever its Unicode form, case or tone style.
//!
//! ```
//! # #[cfg(feature = "embedded-data")] {
//! use agrivn::segment::{Segmenter, TokenKind};
//!
//! let seg = Segmenter::new();
//! let text = "Giá lợn hơi tại Tiền Giang tăng 2.000 đồng/kg";
//! let words: Vec<&str> = seg.segment(text).iter().map(|t| &text[t.span]).collect();
//! assert!(words.contains(&"Giá lợn hơi"));
//! assert!(words.contains(&"Tiền Giang"));
//! assert!(words.contains(&"2.000"));
//! # }
//! ```

mod lattice;
mod model;
mod pretokenize;
mod span;
mod syllables;
mod train;
pub(crate) mod window;

use std::sync::Arc;

use crate::dict::Dictionary;
use crate::normalize::Normalizer;
use crate::pool::{Idle, Lender};
pub(crate) use lattice::Scratch;
pub use model::SegmentModel;
pub use span::Span;
pub(crate) use syllables::{Syllables, flag as syl_flag};
pub use train::{TrainOptions, TrainReport, train};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TokenKind {
    /// A word of one or more syllables.
    Word,
    /// A proper name (a capitalized run of syllables).
    Name,
    /// A number, possibly with a magnitude word ("60.000", "3,7 triệu").
    Number,
    /// A date ("12/5", "1/8/2014").
    Date,
    /// A percentage ("3,5%").
    Percent,
    /// A unit or price unit ("đồng/kg", "USD/tấn").
    Unit,
    /// An abbreviation ("HTX", "NN&PTNT", "TP.HCM").
    Abbreviation,
    /// A URL or domain name.
    Url,
    /// An e-mail address.
    Email,
    /// A hashtag.
    Hashtag,
    /// Punctuation.
    Punct,
    /// Any other symbol.
    Symbol,
}

/// One token: where it is in the caller's text, what it is, and its
/// dictionary word id when the dictionary knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the original text.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
    /// Dictionary word id (see [`Dictionary::info`]).
    pub word: Option<u64>,
}

/// Segments text into tokens. Cheap to clone, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Segmenter {
    inner: Arc<Inner>,
    /// Warm workers not in use, shared by the clones.
    idle: Arc<Idle<Worker>>,
}

#[derive(Debug)]
struct Inner {
    dict: Dictionary,
    model: Option<SegmentModel>,
    normalizer: Normalizer,
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

impl Segmenter {
    /// A segmenter over the embedded dictionary.
    #[cfg(feature = "embedded-data")]
    pub fn new() -> Segmenter {
        Segmenter::with_dictionary(Dictionary::embedded())
    }

    /// A segmenter over the empty dictionary (every syllable its own word,
    /// names and numbers still joined).
    #[cfg(not(feature = "embedded-data"))]
    pub fn new() -> Segmenter {
        Segmenter::with_dictionary(Dictionary::empty())
    }

    /// A segmenter over `dict`, with the embedded learned weights when the
    /// crate has them (feature `embedded-data`).
    pub fn with_dictionary(dict: Dictionary) -> Segmenter {
        #[cfg(feature = "embedded-data")]
        let model = Some(SegmentModel::embedded());
        #[cfg(not(feature = "embedded-data"))]
        let model = None;
        Segmenter::with_model(dict, model)
    }

    /// A segmenter over `dict` with learned weights `model` (`None`: the
    /// dictionary scores alone).
    pub fn with_model(dict: Dictionary, model: Option<SegmentModel>) -> Segmenter {
        Segmenter {
            inner: Arc::new(Inner {
                dict,
                model,
                normalizer: Normalizer::new(),
            }),
            idle: Arc::default(),
        }
    }

    /// The learned weights, if any.
    pub fn model(&self) -> Option<&SegmentModel> {
        self.inner.model.as_ref()
    }

    /// The dictionary.
    pub fn dictionary(&self) -> &Dictionary {
        &self.inner.dict
    }

    /// A worker that owns scratch buffers, for segmenting many texts on one
    /// thread without allocating per token.
    pub fn worker(&self) -> Worker {
        Worker {
            inner: Arc::clone(&self.inner),
            scratch: lattice::Scratch::default(),
            tokens: Vec::new(),
        }
    }

    /// Segment `text`, with a warm worker borrowed from the segmenter's
    /// pool (shared by its clones).
    pub fn segment(&self, text: &str) -> Vec<Token> {
        self.with_worker(|w| w.segment(text).to_vec())
    }

    /// Run `f` with a warm worker borrowed from the segmenter's pool, given
    /// back when `f` returns: for a parallel loop that segments many texts
    /// per task without making (and warming) a worker for each task.
    ///
    /// ```
    /// # #[cfg(feature = "embedded-data")] {
    /// use agrivn::segment::Segmenter;
    ///
    /// let seg = Segmenter::new();
    /// let mut line = String::new();
    /// seg.with_worker(|w| w.segment_to_line("Nông dân thu hoạch lúa", &mut line));
    /// assert!(line.starts_with("Nông_dân"));
    /// # }
    /// ```
    pub fn with_worker<R>(&self, f: impl FnOnce(&mut Worker) -> R) -> R {
        f(self.lend().worker())
    }
}

impl Lender for Segmenter {
    type Worker = Worker;

    fn fresh(&self) -> Worker {
        self.worker()
    }

    fn idle(&self) -> &Idle<Worker> {
        &self.idle
    }

    fn held(worker: &Worker) -> usize {
        worker.tokens.capacity()
    }
}

/// A segmenter with its own scratch buffers (one per thread).
#[derive(Debug)]
pub struct Worker {
    inner: Arc<Inner>,
    scratch: lattice::Scratch,
    tokens: Vec<Token>,
}

impl Worker {
    /// Segment `text`; the tokens live until the next call.
    pub fn segment(&mut self, text: &str) -> &[Token] {
        self.tokens.clear();
        let mut windows = window::Windows::new(text);
        while let Some((start, end, context)) = windows.next_window() {
            self.segment_window(&text[start..end], start, context);
        }
        &self.tokens
    }

    /// Segment `window`, which starts at byte `offset` of the caller's
    /// text, appending its tokens but those that start in its first
    /// `context` bytes (the end of the window before).
    fn segment_window(&mut self, window: &str, offset: usize, context: usize) {
        let inner = &self.inner;
        let normalized = inner.normalizer.normalize_with_offsets(window);
        let first = self.tokens.len();
        lattice::segment(
            &normalized.text,
            &inner.dict,
            inner.model.as_ref(),
            &mut self.scratch,
            &mut self.tokens,
        );
        let map = &normalized.map;
        if !map.is_identity() || offset > 0 {
            for t in &mut self.tokens[first..] {
                let (s, e) = map.span_in(window, t.span.start, t.span.end);
                t.span = Span {
                    start: s + offset,
                    end: e + offset,
                };
            }
        }
        if context > 0 {
            let skipped = self.tokens[first..]
                .iter()
                .take_while(|t| t.span.start < offset + context)
                .count();
            self.tokens.drain(first..first + skipped);
        }
    }

    /// Segment `text` a window at a time, giving `f` the tokens of each
    /// window in turn (spans in `text`): for texts of any size, whose
    /// tokens are then never all held at once. A window is at most 256 KiB
    /// and ends at a line break, the end of a sentence or a comma (only a
    /// text that runs 128 KiB without any may have a word cut where a
    /// window ends); the tokens are those [`Worker::segment`] gives.
    ///
    /// ```
    /// # #[cfg(feature = "embedded-data")] {
    /// use agrivn::segment::Segmenter;
    ///
    /// let text = "Nông dân thu hoạch lúa. ".repeat(50_000);
    /// let mut words = 0;
    /// Segmenter::new().worker().segment_each_window(&text, |tokens| words += tokens.len());
    /// // "Nông_dân thu_hoạch lúa ." each time.
    /// assert_eq!(words, 50_000 * 4);
    /// # }
    /// ```
    pub fn segment_each_window(&mut self, text: &str, mut f: impl FnMut(&[Token])) {
        let mut windows = window::Windows::new(text);
        while let Some((start, end, context)) = windows.next_window() {
            self.tokens.clear();
            self.segment_window(&text[start..end], start, context);
            f(&self.tokens);
        }
    }

    /// Segment `text` and write it in the format of word-segmented corpora:
    /// tokens separated by one space, the syllables of a word joined by `_`.
    /// A long text is written a window at a time
    /// ([`Worker::segment_each_window`]).
    pub fn segment_to_line(&mut self, text: &str, out: &mut String) {
        let mut first = true;
        self.segment_each_window(text, |tokens| {
            for t in tokens {
                if !first {
                    out.push(' ');
                }
                first = false;
                let mut space = false;
                for c in text[t.span].chars() {
                    if c.is_whitespace() {
                        space = true;
                    } else {
                        if space {
                            out.push('_');
                        }
                        space = false;
                        out.push(c);
                    }
                }
            }
        });
    }
}

/// Segment normalized `text` with `seg`'s dictionary and model, pushing
/// tokens with spans in `text`.
pub(crate) fn segment_normalized(text: &str, seg: &Segmenter, s: &mut Scratch, out: &mut Vec<Token>) {
    lattice::segment(text, &seg.inner.dict, seg.inner.model.as_ref(), s, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_longer_than_a_window_is_segmented_as_a_whole() {
        let seg = Segmenter::new();
        // A run of capitalized words opens the second sentence: read at
        // the start of a window without the full stop before it, it is cut
        // differently than in the whole text.
        let sentence = "Giá lúa hôm nay tăng mạnh. Phạm Hường Theo The Conversation Với nông dân. ";
        let n = window::WINDOW_BYTES / sentence.len() * 3;
        let text = sentence.repeat(n);
        let tokens = seg.segment(&text);
        assert_eq!(tokens.len() % n, 0);
        let per = tokens.len() / n;
        let second = &tokens[per..2 * per];
        for (k, rep) in tokens.chunks(per).enumerate().skip(1) {
            let shift = (k - 1) * sentence.len();
            for (a, b) in second.iter().zip(rep) {
                assert_eq!(
                    (a.span.start + shift, a.span.end + shift, a.kind),
                    (b.span.start, b.span.end, b.kind)
                );
            }
        }
        let mut line = String::new();
        seg.with_worker(|w| w.segment_to_line(&text, &mut line));
        let joined: Vec<String> = tokens.iter().map(|t| text[t.span].replace(' ', "_")).collect();
        assert_eq!(line, joined.join(" "));
    }

    #[test]
    fn an_emoji_sequence_is_one_symbol_and_no_token_is_empty() {
        let text = "Vui 👨\u{200d}👩\u{200d}👧 quá ❤\u{fe0f} 👍🏽 nhé";
        let tokens = Segmenter::new().segment(text);
        let words: Vec<&str> = tokens.iter().map(|t| &text[t.span]).collect();
        assert_eq!(
            words,
            ["Vui", "👨\u{200d}👩\u{200d}👧", "quá", "❤\u{fe0f}", "👍🏽", "nhé"]
        );
    }

    #[test]
    fn a_worker_that_segmented_a_huge_text_is_not_kept() {
        let seg = Segmenter::new();
        let keep = crate::pool::KEEP_ENTRIES;
        assert!(seg.segment(&"lúa ".repeat(keep + 1)).len() > keep);
        assert_eq!(seg.idle.len(), 0);
        seg.segment("lúa");
        assert_eq!(seg.clone().idle.len(), 1);
    }
}
