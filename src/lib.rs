//! agrivn: Vietnamese news text — normalization, word segmentation against
//! an FST dictionary, and agricultural topic tagging, from one article in a
//! Rust program to archives of millions on the command line.
//!
//! ```
//! # #[cfg(feature = "embedded-data")] {
//! use agrivn::normalize::{Normalizer, ToneStyle};
//! use agrivn::segment::Segmenter;
//! use agrivn::tag::Tagger;
//!
//! // Every Unicode form and tone style to one canonical text.
//! let n = Normalizer::builder().tone_style(ToneStyle::Classic).build();
//! assert_eq!(n.normalize("Thanh Hoa\u{301}"), "Thanh Hóa");
//!
//! // Words, with byte spans in the caller's own text.
//! let text = "Hợp tác xã nông nghiệp Tân Phú";
//! let words: Vec<&str> = Segmenter::new().segment(text).iter().map(|t| &text[t.span]).collect();
//! assert_eq!(words, ["Hợp tác xã nông nghiệp", "Tân Phú"]);
//!
//! // Topics of an article, each with its evidence.
//! let tags = Tagger::new().tag("Giá lúa tăng, thương lái thu mua mạnh", "Giá lúa hôm nay tăng 200 đồng/kg.");
//! assert!(tags.agri);
//! assert_eq!(tags.topics[0].id, "prices");
//! # }
//! ```
//!
//! # How text flows
//!
//! [`normalize`] gives NFC text with Vietnamese mark order, clean whitespace
//! and an [`normalize::OffsetMap`] back to the original; [`segment`] cuts it
//! into [`segment::Token`]s over a [`dict::Dictionary`]; [`tag`] matches the
//! phrases of a [`tag::Taxonomy`]; [`pipeline`] runs all three over batches
//! in parallel and over JSON Lines records. Models are immutable and cheap to
//! clone (an `Arc` inside); per-thread workers own their scratch buffers.
//! Loading can fail with an [`Error`]; processing text never fails and never
//! panics.
//!
//! # Crate features
//!
//! - `embedded-data` (default): the dictionary (compiled from `data/dict/`
//!   into an FST at build time) and the taxonomy (`data/taxonomy.toml`) are
//!   embedded; without it, load your own with [`dict::Dictionary::load`] and
//!   [`tag::Taxonomy::load`].
//! - `parallel` (default): batch tagging on all cores with rayon.
//! - `cli`: the `agrivn` command-line tool (clap, indicatif, anyhow; flate2
//!   for gzip-compressed input).
//!
//! # Performance
//!
//! Measured on real news text (`../shared/articles`, 6.5 MB) on one core of
//! a shared 2-core machine; medians of `cargo bench` (the README has the
//! table, the commands and the spread):
//!
//! - normalization: already-normalized text is checked and returned
//!   borrowed at about 400 MiB/s, four times unicode-normalization's NFC on
//!   the same text;
//! - the embedded dictionary opens in about 0.1 ms (its FST is read in
//!   place, only the syllable trie is decoded);
//! - word segmentation: about 46 MiB/s; on the same files, counting
//!   start-up, 45 times pyvi's speed and 150 times underthesea's
//!   (`scripts/compare_peers.sh`);
//! - tagging, end to end: about 30 MiB/s an article at a time, twice that
//!   with [`pipeline::Pipeline::tag_batch`] on two cores.
#![deny(missing_docs)]

pub mod dict;
pub mod error;
pub mod normalize;
pub mod pipeline;
mod pool;
pub mod segment;
pub mod tag;

pub use error::{Error, ErrorKind, Result};
pub use normalize::{Normalizer, ToneStyle};

/// The README's examples, compiled as doc tests.
#[cfg(all(doctest, feature = "embedded-data"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
