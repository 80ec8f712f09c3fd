//! agrivn: Vietnamese news text.
#![deny(missing_docs)]

pub mod error;
pub mod normalize;

pub use error::{Error, ErrorKind, Result};
pub use normalize::{Normalizer, ToneStyle};
