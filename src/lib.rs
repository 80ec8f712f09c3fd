//! agrivn: Vietnamese news text.
#![deny(missing_docs)]

pub mod dict;
pub mod error;
pub mod normalize;
pub mod pipeline;
pub mod segment;
pub mod tag;

pub use error::{Error, ErrorKind, Result};
pub use normalize::{Normalizer, ToneStyle};
