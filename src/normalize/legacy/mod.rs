//! Legacy encodings.
