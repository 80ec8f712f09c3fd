//! Offset maps from normalized text back to the caller's original text.

/// Maps byte offsets in a normalized text back to byte offsets in the
/// original text it was made from.
///
/// An identity map (the text did not change) costs nothing. Otherwise the map
/// holds one entry per output character: where it starts in the output and
/// where the original characters it came from start. Offsets are stored as
/// `u32`: texts up to 4 GiB (the command line rejects records over 16 MiB).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// `(output byte, original byte)` for each output char, sorted by output.
    entries: Vec<(u32, u32)>,
    /// Length of the output text in bytes.
    out_len: u32,
    /// Length of the original text in bytes.
    orig_len: u32,
    identity: bool,
}

impl OffsetMap {
    /// The map of a text that normalization left unchanged.
    pub fn identity(len: usize) -> Self {
        OffsetMap {
            entries: Vec::new(),
            out_len: len as u32,
            orig_len: len as u32,
            identity: true,
        }
    }

    pub(crate) fn from_entries(entries: Vec<(u32, u32)>, out_len: usize, orig_len: usize) -> Self {
        OffsetMap {
            entries,
            out_len: out_len as u32,
            orig_len: orig_len as u32,
            identity: false,
        }
    }

    /// Whether output offsets equal original offsets.
    pub fn is_identity(&self) -> bool {
        self.identity
    }

    /// The original byte offset of output byte offset `out`.
    ///
    /// An offset at or past the end of the output maps to the end of the
    /// original; an offset inside a character maps to that character's start.
    pub fn to_original(&self, out: usize) -> usize {
        if self.identity {
            return out.min(self.orig_len as usize);
        }
        if out >= self.out_len as usize {
            return self.orig_len as usize;
        }
        let i = self.entries.partition_point(|&(o, _)| o as usize <= out);
        if i == 0 {
            return 0;
        }
        self.entries[i - 1].1 as usize
    }

    /// The original byte range of the output range `start..end`.
    ///
    /// The result always lies inside the original text and `start <= end`.
    pub fn span_to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.to_original(start);
        let e = self.to_original(end).max(s);
        (s, e)
    }

    /// Compose `self` (output → intermediate) with `inner` (intermediate →
    /// original) into a map output → original.
    pub(crate) fn then(self, inner: &OffsetMap) -> OffsetMap {
        if inner.identity {
            return OffsetMap {
                orig_len: inner.orig_len,
                ..self
            };
        }
        if self.identity {
            return inner.clone();
        }
        let entries = self
            .entries
            .iter()
            .map(|&(o, m)| (o, inner.to_original(m as usize) as u32))
            .collect();
        OffsetMap::from_entries(entries, self.out_len as usize, inner.orig_len as usize)
    }
}

/// A coarse map for a transform that keeps whitespace-separated tokens in
/// place (legacy decoding, mojibake repair): output token `i` maps to original
/// token `i`. When the token counts differ every offset maps to the start of
/// the original, so results still fall inside it.
pub(crate) fn align_by_tokens(original: &str, output: &str) -> OffsetMap {
    let orig_tokens: Vec<(usize, usize)> = token_bounds(original).collect();
    let out_tokens: Vec<(usize, usize)> = token_bounds(output).collect();
    let mut entries = Vec::with_capacity(output.len() / 2);
    if orig_tokens.len() == out_tokens.len() {
        let mut t = 0;
        for (o, _) in output.char_indices() {
            while t + 1 < out_tokens.len() && o >= out_tokens[t + 1].0 {
                t += 1;
            }
            let orig = match (out_tokens.get(t), orig_tokens.get(t)) {
                (Some(&(os, oe)), Some(&(gs, _))) if o >= os && o < oe => gs,
                (Some(&(_, oe)), Some(&(_, ge))) if o >= oe => ge,
                (_, Some(&(gs, _))) => gs,
                _ => 0,
            };
            entries.push((o as u32, orig as u32));
        }
    } else {
        entries.push((0, 0));
    }
    OffsetMap::from_entries(entries, output.len(), original.len())
}

fn token_bounds(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut iter = s.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = iter.peek() {
            if c.is_whitespace() {
                iter.next();
            } else {
                break;
            }
        }
        let (start, _) = *iter.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = iter.peek() {
            if c.is_whitespace() {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        Some((start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_offsets_to_themselves() {
        let m = OffsetMap::identity(10);
        assert_eq!(m.to_original(3), 3);
        assert_eq!(m.to_original(99), 10);
    }

    #[test]
    fn entries_map_char_starts_and_end() {
        // output "ab" made from original "a\u{301}b" style text of 5 bytes
        let m = OffsetMap::from_entries(vec![(0, 0), (1, 3)], 2, 5);
        assert_eq!(m.span_to_original(0, 1), (0, 3));
        assert_eq!(m.span_to_original(1, 2), (3, 5));
    }

    #[test]
    fn token_alignment_keeps_tokens_in_place() {
        let m = align_by_tokens("n«ng th«n", "nông thôn");
        let (s, e) = m.span_to_original(7, 13);
        assert_eq!(&"n«ng th«n"[s..e], "th«n");
    }
}
