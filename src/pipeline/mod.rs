//! Whole-article processing: normalize, segment and tag, one article or a
//! batch in parallel (order kept), and JSON Lines records in and out, in
//! UTF-8 or in the legacy encodings of old archives ([`InputEncoding`]).
//!
//! ```
//! # #[cfg(feature = "embedded-data")] {
//! use agrivn::pipeline::{Article, Pipeline};
//!
//! let pipeline = Pipeline::new();
//! let articles = vec![
//!     Article::new("1", "HTX nông nghiệp Tân Phú mở rộng liên kết", "Hợp tác xã đã ký hợp đồng bao tiêu lúa với doanh nghiệp."),
//!     Article::new("2", "Đội tuyển thắng 2-0", "Trận đấu diễn ra tối qua trên sân Mỹ Đình."),
//! ];
//! let tags = pipeline.tag_batch(&articles);
//! assert!(tags[0].agri && !tags[1].agri);
//! # }
//! ```

mod decode;
mod reader;
mod record;
mod stream;

use serde::{Deserialize, Serialize};

use crate::normalize::legacy::Encoding;
use crate::pool::Lender;
use crate::tag::{TagWorker, Tagger, Tags};
pub use decode::InputEncoding;
pub use reader::{Framing, Line, LineReader};
use record::Reading;
pub use record::{RecordError, RecordErrorKind, RecordFields, TaggedLine};
pub use stream::{CHUNK_BYTES, CHUNK_LINES, CHUNK_WAIT};

/// Most articles of a batch one thread tags before the others may take
/// what is left.
#[cfg(feature = "parallel")]
const PIECE_ITEMS: usize = 4;

/// Default limit on one record (a JSON line or a text file), in bytes.
pub const DEFAULT_MAX_RECORD_BYTES: usize = 16 * 1024 * 1024;

/// A news article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Identifier.
    pub id: String,
    /// Headline (may be empty).
    #[serde(default)]
    pub title: String,
    /// Body text.
    pub text: String,
}

impl Article {
    /// A new article.
    pub fn new(id: impl Into<String>, title: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            id: id.into(),
            title: title.into(),
            text: text.into(),
        }
    }
}

/// Normalize, segment and tag; cheap to clone, `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Pipeline {
    tagger: Tagger,
    reading: Reading,
}

#[cfg(feature = "embedded-data")]
impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

/// What became of a line of a chunk: tagged, or, skipped, judged without
/// tagging (the encoding it would be read in, or why it would be rejected).
pub(crate) enum Outcome {
    Tagged(Result<TaggedLine, RecordError>),
    Judged(Result<Encoding, RecordError>),
}

impl Outcome {
    fn error(&self) -> Option<&RecordError> {
        match self {
            Outcome::Tagged(r) => r.as_ref().err(),
            Outcome::Judged(r) => r.as_ref().err(),
        }
    }
}

impl Pipeline {
    /// A pipeline with the embedded dictionary and taxonomy.
    #[cfg(feature = "embedded-data")]
    pub fn new() -> Pipeline {
        Pipeline::with_tagger(Tagger::new())
    }

    /// A pipeline around `tagger`.
    pub fn with_tagger(tagger: Tagger) -> Pipeline {
        Pipeline {
            tagger,
            reading: Reading {
                limit: DEFAULT_MAX_RECORD_BYTES,
                how: InputEncoding::Utf8,
                fields: RecordFields::default(),
                drop: Vec::new(),
            },
        }
    }

    /// Records larger than `bytes` are rejected instead of tagged.
    pub fn max_record_bytes(mut self, bytes: usize) -> Self {
        self.reading.limit = bytes;
        self
    }

    /// How records are read (default: UTF-8 only). See [`InputEncoding`].
    pub fn input_encoding(mut self, how: InputEncoding) -> Self {
        self.reading.how = how;
        self
    }

    /// Which fields of a record hold its id, title and text (default:
    /// `id`, `title`, `text`).
    ///
    /// ```
    /// # #[cfg(feature = "embedded-data")] {
    /// use agrivn::pipeline::{Line, Pipeline, RecordFields};
    ///
    /// let fields = RecordFields { id: "url".into(), title: "headline".into(), text: "body".into() };
    /// let pipeline = Pipeline::new().record_fields(fields);
    /// let bytes = r#"{"url":"a","headline":"Giá lúa tăng","body":"Thương lái thu mua lúa."}"#.as_bytes().to_vec();
    /// let line = Line { number: 1, len: bytes.len(), bytes, truncated: false, ..Default::default() };
    /// assert!(pipeline.tag_lines(&[line])[0].as_ref().unwrap().tags.agri);
    /// # }
    /// ```
    pub fn record_fields(mut self, fields: RecordFields) -> Self {
        self.reading.fields = fields;
        self
    }

    /// Fields of the input record left out of the tagged line (default:
    /// none), such as the text of an archive whose tags are joined back to
    /// it by id. The tags themselves (`agri`, `agri_score`, `topics`) are
    /// always written.
    ///
    /// ```
    /// # #[cfg(feature = "embedded-data")] {
    /// use agrivn::pipeline::{Line, Pipeline};
    ///
    /// let pipeline = Pipeline::new().drop_fields(["text", "title"]);
    /// let bytes = r#"{"id":"a","title":"Giá lúa tăng","text":"Thương lái thu mua lúa."}"#.as_bytes().to_vec();
    /// let line = Line { number: 1, len: bytes.len(), bytes, truncated: false, ..Default::default() };
    /// let tagged = pipeline.tag_lines(&[line]).remove(0).unwrap();
    /// assert!(tagged.json.starts_with(r#"{"id":"a","agri":true,"#));
    /// # }
    /// ```
    pub fn drop_fields<S: Into<String>>(mut self, fields: impl IntoIterator<Item = S>) -> Self {
        self.reading.drop = fields.into_iter().map(Into::into).collect();
        self
    }

    /// The record size limit.
    pub fn record_limit(&self) -> usize {
        self.reading.limit
    }

    /// The tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// A per-thread worker.
    pub fn worker(&self) -> TagWorker {
        self.tagger.worker()
    }

    /// Tag one article (as [`Tagger::tag`], with a warm worker).
    pub fn tag(&self, article: &Article) -> Tags {
        self.tagger.tag(&article.title, &article.text)
    }

    /// Tag articles in parallel (sequentially without the `parallel`
    /// feature); the result is in input order and equal to tagging each
    /// article alone.
    pub fn tag_batch(&self, articles: &[Article]) -> Vec<Tags> {
        self.map_batch(articles, |w, a| w.tag(&a.title, &a.text))
    }

    /// Tag JSON Lines records in parallel, in order: each line becomes the
    /// tagged line or the reason it was rejected.
    ///
    /// With [`InputEncoding::Auto`], a line that is not UTF-8 and in which
    /// detection cannot decide (an English story with one curly quote, say)
    /// is read in the legacy encoding most lines of `lines` were decoded
    /// from; when there is none, it is rejected.
    pub fn tag_lines(&self, lines: &[Line]) -> Vec<Result<TaggedLine, RecordError>> {
        self.tag_chunk(lines, &vec![false; lines.len()])
            .into_iter()
            .filter_map(|outcome| match outcome {
                Outcome::Tagged(result) => Some(result),
                // None: no line is skipped.
                Outcome::Judged(_) => None,
            })
            .collect()
    }

    /// [`tag_lines`](Self::tag_lines) for the lines `skip` does not mark;
    /// the others are judged without tagging, as
    /// [`check_line`](Self::check_line) does. A line detection cannot
    /// settle is read in the legacy encoding most lines of `lines` were
    /// read in, skipped or not: a chunk gives each line the same result
    /// whichever of its lines are skipped.
    pub(crate) fn tag_chunk(&self, lines: &[Line], skip: &[bool]) -> Vec<Outcome> {
        let reading = &self.reading;
        let run = |w: &mut TagWorker, line: &Line, skip: bool, reading: &Reading| {
            if skip {
                Outcome::Judged(record::parse_line(line, reading).map(|(_, enc)| enc))
            } else {
                Outcome::Tagged(record::tag_line(w, line, reading))
            }
        };
        let items: Vec<(&Line, bool)> = lines.iter().zip(skip.iter().copied()).collect();
        let mut outcomes = self.map_batch(&items, |w, &(line, skip)| run(w, line, skip, reading));
        if reading.how == InputEncoding::Auto {
            let read_in = outcomes.iter().filter_map(|o| match o {
                Outcome::Tagged(Ok(t)) => Some(t.encoding),
                Outcome::Judged(Ok(enc)) => Some(*enc),
                _ => None,
            });
            if let Some(enc) = decode::dominant_legacy(read_in) {
                let mut worker = None;
                let named = Reading {
                    how: InputEncoding::Legacy(enc),
                    ..reading.clone()
                };
                for (&(line, skip), outcome) in items.iter().zip(outcomes.iter_mut()) {
                    if outcome
                        .error()
                        .is_some_and(|e| e.kind == RecordErrorKind::InvalidUtf8)
                    {
                        let lent = worker.get_or_insert_with(|| self.tagger.lend());
                        *outcome = run(lent.worker(), line, skip, &named);
                    }
                }
            }
        }
        outcomes
    }

    /// Whether [`tag_lines`](Self::tag_lines) would tag `line` or reject
    /// it, and why, found without tagging it (a hundred times faster). A
    /// line in a legacy encoding that detection cannot settle is judged on
    /// its own here, not by the lines around it.
    ///
    /// ```
    /// # #[cfg(feature = "embedded-data")] {
    /// use agrivn::pipeline::{Line, Pipeline, RecordErrorKind};
    ///
    /// let line = |s: &str| Line { number: 7, len: s.len(), bytes: s.as_bytes().to_vec(), truncated: false, ..Default::default() };
    /// let pipeline = Pipeline::new();
    /// assert!(pipeline.check_line(&line(r#"{"id": "a", "text": "Giá lúa tăng."}"#)).is_ok());
    /// let missing = pipeline.check_line(&line(r#"{"id": "b", "title": "Giá lúa"}"#)).unwrap_err();
    /// assert_eq!(missing.kind, RecordErrorKind::MissingText);
    /// assert_eq!(missing.line, 7);
    /// # }
    /// ```
    pub fn check_line(&self, line: &Line) -> Result<(), RecordError> {
        record::parse_line(line, &self.reading).map(|_| ())
    }

    /// Tag a plain-text article, such as a `.txt` file: `text.bytes` holds
    /// the whole file, whose first line is the title and the rest the text.
    /// The tagged line is a JSON object with the id, title and text (under
    /// the names of [`record_fields`](Self::record_fields)) besides the
    /// tags. The bytes are read like a record of
    /// [`tag_lines`](Self::tag_lines).
    ///
    /// ```
    /// # #[cfg(feature = "embedded-data")] {
    /// use agrivn::pipeline::{Line, Pipeline};
    ///
    /// let bytes = "Giá cà phê tăng\nGiá cà phê nhân xô tại Tây Nguyên tăng 500 đồng/kg.".as_bytes().to_vec();
    /// let file = Line { number: 1, len: bytes.len(), bytes, truncated: false, ..Default::default() };
    /// let tagged = Pipeline::new().tag_plain_text("news/1.txt", &file).unwrap();
    /// assert!(tagged.tags.agri);
    /// assert!(tagged.json.starts_with(r#"{"id":"news/1.txt","title":"Giá cà phê tăng""#));
    /// # }
    /// ```
    pub fn tag_plain_text(&self, id: &str, text: &Line) -> Result<TaggedLine, RecordError> {
        record::tag_plain_text(self.tagger.lend().worker(), id, text, &self.reading)
    }

    /// Tag plain-text articles (id, whole file) in parallel, in order; each
    /// as [`tag_plain_text`](Self::tag_plain_text) tags it.
    pub fn tag_plain_texts(&self, texts: &[(String, Line)]) -> Vec<Result<TaggedLine, RecordError>> {
        let reading = &self.reading;
        self.map_batch(texts, |w, (id, text)| {
            record::tag_plain_text(w, id, text, reading)
        })
    }

    fn map_batch<T: Sync, R: Send>(&self, items: &[T], f: impl Fn(&mut TagWorker, &T) -> R + Sync) -> Vec<R> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            // Pieces of a few articles keep every thread busy to the end of
            // a batch of uneven articles; they borrow the tagger's warm
            // workers.
            items
                .par_iter()
                .with_max_len(PIECE_ITEMS)
                .map_init(|| self.tagger.lend(), |lent, item| f(lent.worker(), item))
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            let mut lent = self.tagger.lend();
            items.iter().map(|item| f(lent.worker(), item)).collect()
        }
    }
}
