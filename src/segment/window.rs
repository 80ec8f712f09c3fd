//! Long texts are segmented (and tagged) a window at a time, so that a
//! worker's scratch (the normalized copy, its offset map, the lattice)
//! stays bounded however long the text: a 50 MB line costs the tokens it
//! gives, not twenty times its size. Windows end where the segmenter would break anyway, and the
//! next one starts with the break itself (the sentence's full stop), so
//! that its first word is read in the context it has in the whole text.

/// The most bytes segmented at once.
pub(crate) const WINDOW_BYTES: usize = 1 << 18;

/// The window that starts `text`: its length, and how many of its last
/// bytes (the break it ends with) the next window starts with, as context
/// whose tokens are not kept. All of `text` when it fits in `max` bytes;
/// otherwise the window ends, in its second half, after the last line
/// break, else after the last sentence end followed by a space, else after
/// the last space (a word may then be cut, in a run of `max / 2` bytes
/// without a sentence end), else after the first space or line break that
/// follows (no token is cut, however long).
fn window_len(text: &str, max: usize) -> (usize, usize) {
    if text.len() <= max {
        return (text.len(), 0);
    }
    let half = max / 2;
    let b = &text.as_bytes()[half..max];
    // ASCII bytes are char boundaries in UTF-8.
    let after = |found: Option<usize>, len: usize| found.map(|i| (half + i + len, len));
    after(b.iter().rposition(|&c| c == b'\n'), 1)
        .or_else(|| {
            after(
                b.windows(2)
                    .rposition(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' '),
                2,
            )
        })
        .or_else(|| after(b.iter().rposition(|&c| c == b' '), 1))
        .unwrap_or_else(|| {
            // No space in half a window: the window runs on to the next
            // one, so that no token is cut.
            let rest = &text.as_bytes()[max..];
            match rest.iter().position(|&c| c == b' ' || c == b'\n') {
                Some(i) => (max + i + 1, 1),
                None => (text.len(), 0),
            }
        })
}

/// The windows a text is segmented in: `(start, end, context)`, where the
/// first `context` bytes end the window before.
pub(crate) struct Windows<'a> {
    text: &'a str,
    /// Where the next window starts, and its context.
    next: Option<(usize, usize)>,
}

impl<'a> Windows<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Windows {
            text,
            next: (!text.is_empty()).then_some((0, 0)),
        }
    }

    pub(crate) fn next_window(&mut self) -> Option<(usize, usize, usize)> {
        let (start, context) = self.next?;
        let (len, next_context) = window_len(&self.text[start..], WINDOW_BYTES);
        let end = start + len;
        self.next = (end < self.text.len()).then_some((end - next_context, next_context));
        Some((start, end, context))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_ends_at_a_line_then_a_sentence_then_a_space() {
        assert_eq!(window_len("short", 8), (5, 0));
        // A line break in the second half wins.
        assert_eq!(window_len("abcde\nfghij", 8), (6, 1));
        // Then a sentence end.
        assert_eq!(window_len("abcd. fgh ijk", 8), (6, 2));
        // Then a space.
        assert_eq!(window_len("abcde fgh ijk", 8), (6, 1));
        // Then the first space after a run without one.
        assert_eq!(window_len("ạạạạạạ ạ", 8), (19, 1));
        assert_eq!(window_len("ạạạạạạạ", 8), (21, 0));
    }
}
