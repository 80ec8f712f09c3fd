//! Topic tagging of Vietnamese agricultural news.
//!
//! A [`Tagger`] matches the weighted phrases of a [`Taxonomy`] over the
//! normalized, segmented title and text of an article (so both tone styles,
//! NFD, upper-case headlines and text without diacritics all match; in text
//! without diacritics, a phrase spelled like another word counts only where
//! its neighbours settle it, or where the taxonomy's `[folding]` section
//! declares that news hardly ever means the other word) and
//! answers two questions: is the article agricultural news (`agri`), and
//! which topics does it cover. Every topic comes with its evidence: the
//! phrases matched and their byte spans in the caller's title or text.
//!
//! A dash between words joins them as a space does ("sáng – xanh – sạch –
//! đẹp" matches the phrase written with spaces); so does a hyphen or an
//! underscore between two letters ("cao-su", and "thương_lái" in text
//! another tool segmented); ð and Ð read as đ and Đ; and a sentence that
//! repeats an earlier one word for word (a caption a web page prints twice)
//! counts once.
//!
//! ```
//! # #[cfg(feature = "embedded-data")] {
//! use agrivn::tag::Tagger;
//!
//! let tagger = Tagger::new();
//! let tags = tagger.tag(
//!     "Giá lợn hơi tăng mạnh, thương lái đổ về các trang trại",
//!     "Giá lợn hơi hôm nay tăng 2.000 đồng/kg. Người chăn nuôi phấn khởi khi đầu ra ổn định.",
//! );
//! assert!(tags.agri);
//! assert!(tags.topics.iter().any(|t| t.id == "prices"));
//! # }
//! ```

mod folding;
mod matcher;
mod run;
mod score;
mod tagger;
mod taxonomy;
mod worker;

use crate::segment::Span;
use serde::Serialize;

pub use tagger::{TagOptions, Tagger};
pub use taxonomy::{AgriSection, FoldingSection, MaskSection, Phrase, Taxonomy, Topic};
pub use worker::TagWorker;

/// Which field of an article a match is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The title.
    Title,
    /// The text.
    Text,
}

/// Why a topic was given: one matched phrase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The phrase as the taxonomy writes it.
    pub phrase: String,
    /// The field it was found in.
    pub field: Field,
    /// Byte span in that field of the caller's article.
    pub span: Span,
}

/// One topic of an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicTag {
    /// Topic id.
    pub id: String,
    /// Score (sum of weighted matches, two decimals).
    pub score: f64,
    /// The strongest matches.
    pub evidence: Vec<Evidence>,
}

/// The tags of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tags {
    /// Whether the article is agricultural news.
    pub agri: bool,
    /// The agricultural relevance score (two decimals).
    pub agri_score: f64,
    /// Topics, best first (empty when `agri` is false).
    pub topics: Vec<TopicTag>,
}
