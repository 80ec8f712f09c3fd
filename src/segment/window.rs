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
/// break, else after the last sentence end followed by a space (of any
/// kind: a no-break space, a tab) and no digit ("10 . 000" is a number),
/// else after the last comma, semicolon, colon or closing bracket or quote
/// followed by a space (no word runs across them), else after the last
/// space (a word may then be cut, in a run of `max / 2` bytes without any
/// of these), else after the first space that follows (no token is cut,
/// however long).
fn window_len(text: &str, max: usize) -> (usize, usize) {
    if text.len() <= max {
        return (text.len(), 0);
    }
    let lo = ceil_char(text, max / 2);
    let hi = floor_char(text, max).max(lo);
    let region = &text[lo..hi];
    if let Some(i) = region.rfind('\n') {
        return (lo + i + 1, 1);
    }
    // Scanning back: the last space met, the last one after a comma (or
    // other mark no word runs across), and the char after each char.
    let mut last_space: Option<(usize, usize)> = None;
    let mut last_pause: Option<(usize, usize)> = None;
    let mut after: Option<(usize, char)> = None;
    for (i, c) in region.char_indices().rev() {
        if let Some((j, space)) = after.filter(|&(_, a)| a.is_whitespace()) {
            let end = lo + j + space.len_utf8();
            let number_goes_on = text[end..].starts_with(|d: char| d.is_ascii_digit());
            if matches!(c, '.' | '!' | '?') && !number_goes_on {
                return (end, 1 + space.len_utf8());
            }
            if last_pause.is_none() && matches!(c, ',' | ';' | ':' | ')' | ']' | '"' | '”' | '’' | '»') {
                last_pause = Some((end, c.len_utf8() + space.len_utf8()));
            }
        }
        if last_space.is_none() && c.is_whitespace() {
            last_space = Some((lo + i + c.len_utf8(), c.len_utf8()));
        }
        after = Some((i, c));
    }
    last_pause.or(last_space).unwrap_or_else(|| {
        // No space in half a window: the window runs on to the next one,
        // so that no token is cut.
        match text[hi..].char_indices().find(|&(_, c)| c.is_whitespace()) {
            Some((i, c)) => (hi + i + c.len_utf8(), c.len_utf8()),
            None => (text.len(), 0),
        }
    })
}

/// The char boundary of `s` at or before byte `i` (its end past it).
pub(crate) fn floor_char(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The char boundary of `s` at or after byte `i`.
fn ceil_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
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

    #[test]
    fn a_window_ends_at_spaces_of_every_kind_but_not_inside_a_number() {
        // A sentence ends before a no-break space or a tab.
        assert_eq!(window_len("abcd.\u{a0}fg hijk", 9), (7, 3));
        assert_eq!(window_len("ab cd.\tfghijk", 9), (7, 2));
        // Without a space of any kind the window runs on to one.
        assert_eq!(window_len("abcdefghij\u{a0}k", 6), (12, 2));
        // "10 . 000" is one number, not a sentence end: the window ends
        // at the last space instead.
        assert_eq!(window_len("giá 10 . 000 đ", 14), (14, 1));
        // A comma before the last space wins over it.
        assert_eq!(window_len("ab cd ef, gh ij kl", 16), (10, 2));
    }
}
