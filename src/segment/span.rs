//! Byte spans into the caller's text.

/// A byte range `start..end` in the caller's original text.
///
/// ```
/// use agrivn::segment::Span;
/// let text = "giá lúa";
/// assert_eq!(&text[Span { start: 5, end: 9 }], "lúa");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Number of bytes (0 for a span that ends before it starts).
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// As a `Range`.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

impl std::ops::Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

/// So that `&text[span]` reads the same when `text` is a `String`.
///
/// ```
/// use agrivn::segment::Span;
/// let text = String::from("giá lúa");
/// assert_eq!(&text[Span { start: 5, end: 9 }], "lúa");
/// ```
impl std::ops::Index<Span> for String {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self.as_str()[span]
    }
}
