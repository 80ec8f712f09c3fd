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

use serde::{Deserialize, Serialize};

use crate::tag::{TagWorker, Tagger, Tags};
pub use decode::InputEncoding;
pub use reader::{Line, LineReader};
pub use record::{RecordError, RecordErrorKind, TaggedLine};

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
    max_record_bytes: usize,
    input_encoding: InputEncoding,
}

#[cfg(feature = "embedded-data")]
impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
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
            max_record_bytes: DEFAULT_MAX_RECORD_BYTES,
            input_encoding: InputEncoding::Utf8,
        }
    }

    /// Records larger than `bytes` are rejected instead of tagged.
    pub fn max_record_bytes(mut self, bytes: usize) -> Self {
        self.max_record_bytes = bytes;
        self
    }

    /// How records are read (default: UTF-8 only). See [`InputEncoding`].
    pub fn input_encoding(mut self, how: InputEncoding) -> Self {
        self.input_encoding = how;
        self
    }

    /// The record size limit.
    pub fn record_limit(&self) -> usize {
        self.max_record_bytes
    }

    /// The tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// A per-thread worker.
    pub fn worker(&self) -> TagWorker {
        self.tagger.worker()
    }

    /// Tag one article.
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
        let (limit, how) = (self.max_record_bytes, self.input_encoding);
        let mut results = self.map_batch(lines, |w, l| record::tag_line(w, l, limit, how));
        if how == InputEncoding::Auto {
            if let Some(enc) =
                decode::dominant_legacy(results.iter().filter_map(|r| r.as_ref().ok().map(|t| t.encoding)))
            {
                let mut worker = None;
                for (line, result) in lines.iter().zip(results.iter_mut()) {
                    if matches!(result, Err(e) if e.kind == RecordErrorKind::InvalidUtf8) {
                        let w = worker.get_or_insert_with(|| self.worker());
                        *result = record::tag_line(w, line, limit, InputEncoding::Legacy(enc));
                    }
                }
            }
        }
        results
    }

    /// Tag a plain-text article, such as a `.txt` file: `text.bytes` holds
    /// the whole file, whose first line is the title and the rest the text.
    /// The tagged line is a JSON object with `id`, `title` and `text`
    /// besides the tags. The bytes are read like a record of
    /// [`tag_lines`](Self::tag_lines).
    ///
    /// ```
    /// # #[cfg(feature = "embedded-data")] {
    /// use agrivn::pipeline::{Line, Pipeline};
    ///
    /// let bytes = "Giá cà phê tăng\nGiá cà phê nhân xô tại Tây Nguyên tăng 500 đồng/kg.".as_bytes().to_vec();
    /// let file = Line { number: 1, len: bytes.len(), bytes, truncated: false };
    /// let tagged = Pipeline::new().tag_plain_text("news/1.txt", &file).unwrap();
    /// assert!(tagged.tags.agri);
    /// assert!(tagged.json.starts_with(r#"{"id":"news/1.txt","title":"Giá cà phê tăng""#));
    /// # }
    /// ```
    pub fn tag_plain_text(&self, id: &str, text: &Line) -> Result<TaggedLine, RecordError> {
        record::tag_plain_text(
            &mut self.worker(),
            id,
            text,
            self.max_record_bytes,
            self.input_encoding,
        )
    }

    fn map_batch<T: Sync, R: Send>(&self, items: &[T], f: impl Fn(&mut TagWorker, &T) -> R + Sync) -> Vec<R> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            items
                .par_iter()
                .with_min_len(4)
                .map_init(|| self.worker(), |w, item| f(w, item))
                .collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            let mut w = self.worker();
            items.iter().map(|item| f(&mut w, item)).collect()
        }
    }
}
