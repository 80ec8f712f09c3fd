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
    /// It ends where the next output char begins in the original, so it
    /// takes in spaces normalization dropped after the range (at the end of
    /// a line or of the text): [`OffsetMap::span_in`] leaves them out.
    pub fn span_to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.to_original(start);
        let e = self.to_original(end).max(s);
        (s, e)
    }

    /// The range of `original` (the text this map was made from) that the
    /// output range `start..end` was made from, without the line breaks and
    /// spaces normalization dropped after it: a
    /// word before trailing spaces ("lúa  \n") ends where it ends in
    /// `original`. Like [`OffsetMap::span_to_original`] otherwise.
    ///
    /// ```
    /// use agrivn::Normalizer;
    ///
    /// let original = "Giá lúa \u{a0} \nhôm nay";
    /// let n = Normalizer::new().normalize_with_offsets(original);
    /// assert_eq!(n.text, "Giá lúa\nhôm nay");
    /// let (s, e) = n.map.span_in(original, 0, "Giá lúa".len());
    /// assert_eq!(&original[s..e], "Giá lúa");
    /// ```
    pub fn span_in(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let (s, e) = self.span_to_original(start, end);
        if self.identity {
            return (s, e);
        }
        (s, without_dropped_end(original, s, e))
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

/// The end of `original[start..end]` without the spaces, line breaks and
/// invisible chars at its end, which normalization drops after a word
/// (never trimmed to nothing).
pub(crate) fn without_dropped_end(original: &str, start: usize, end: usize) -> usize {
    let Some(range) = original.get(start..end) else {
        return end;
    };
    let mut kept = range;
    while let Some(c) = kept.chars().next_back() {
        // Spaces, line breaks, and invisible chars normalization drops (a
        // zero-width joiner, a soft hyphen, a direction mark), but not the
        // variation selector of an emoji ("❤️"), which it keeps.
        let dropped = super::chars::is_space(c)
            || super::chars::is_line_break(c)
            || (super::chars::is_ignorable(c)
                && !matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}'));
        if !dropped {
            break;
        }
        let before = &kept[..kept.len() - c.len_utf8()];
        // A no-break space after a UTF-8 lead byte read as Windows-1252
        // ("Ã\u{a0}" is "à") is the end of a damaged letter, not a space.
        if c == '\u{a0}' && before.ends_with(|b| ('\u{c2}'..='\u{df}').contains(&b)) {
            break;
        }
        kept = before;
    }
    if kept.is_empty() { end } else { start + kept.len() }
}

/// The map of a transform that keeps whitespace-separated tokens in place
/// (legacy decoding): output token `i` maps to original token `i`, its
/// chars as [`align_chars`] aligns them. When the token counts differ, the
/// whole text is aligned the same way, as one token.
pub(crate) fn align_by_tokens(original: &str, output: &str) -> OffsetMap {
    let mut entries = Vec::with_capacity(output.len());
    let mut orig_tokens = token_bounds(original);
    let mut out_tokens = token_bounds(output);
    let same_count = token_bounds(original).count() == token_bounds(output).count();
    if same_count {
        // Whitespace before the first token maps to the original's start,
        // whitespace after a token to the end of its original token.
        let mut out_done = 0;
        let mut orig_done = 0;
        while let (Some((os, oe)), Some((gs, ge))) = (out_tokens.next(), orig_tokens.next()) {
            for (o, _) in output[out_done..os].char_indices() {
                entries.push(((out_done + o) as u32, orig_done as u32));
            }
            align_chars(&original[gs..ge], gs, &output[os..oe], os, &mut entries);
            out_done = oe;
            orig_done = ge;
        }
        for (o, _) in output[out_done..].char_indices() {
            entries.push(((out_done + o) as u32, orig_done as u32));
        }
    } else {
        align_chars(original, 0, output, 0, &mut entries);
    }
    OffsetMap::from_entries(entries, output.len(), original.len())
}

/// Entries for the chars of `output` (at byte `out_base` of the whole
/// output) made from `original` (at `orig_base`). The common leading chars
/// map one to one; after them each char is looked for in the original
/// from where the last one was found: a char kept as it was maps to
/// itself, an ASCII char (a letter, a space, a full stop) found a little
/// further on maps to where it is found, and a rewritten letter maps to
/// the original char in its place, the next one taking the char after.
/// Original chars that no output char was made from go with the char
/// before them if it was rewritten ("aù" is "á" in VNI), else with the
/// char after ("\\." is "." in VIQR), so that a span ends where its last
/// word ends in the original.
fn align_chars(
    original: &str,
    orig_base: usize,
    output: &str,
    out_base: usize,
    entries: &mut Vec<(u32, u32)>,
) {
    /// How far an ASCII char is looked for: a few rewritten letters.
    const REACH: usize = 32;
    let prefix = original
        .chars()
        .zip(output.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    for (o, _) in output[..prefix].char_indices() {
        entries.push(((out_base + o) as u32, (orig_base + o) as u32));
    }
    let mut i = prefix;
    let mut after_rewritten = false;
    for (o, c) in output[prefix..].char_indices() {
        let rest = &original[i..];
        let at = if rest.starts_with(c) {
            i += c.len_utf8();
            after_rewritten = false;
            i - c.len_utf8()
        } else if let Some(k) = c
            .is_ascii()
            .then(|| {
                rest.as_bytes()[..rest.len().min(REACH)]
                    .iter()
                    .position(|&b| b == c as u8)
            })
            .flatten()
        {
            // ASCII bytes are char boundaries.
            let at = if after_rewritten { i + k } else { i };
            i += k + 1;
            after_rewritten = false;
            at
        } else {
            let at = i;
            i += rest.chars().next().map_or(0, char::len_utf8);
            after_rewritten = true;
            at
        };
        entries.push(((out_base + prefix + o) as u32, (orig_base + at) as u32));
    }
}

/// The whitespace-separated tokens of `s`. Only ASCII whitespace
/// separates: the transforms aligned here leave it as it is, while a
/// no-break space can be a byte of damaged text they rewrite ("chÃ\u{a0}o"
/// is "chào" read as Windows-1252).
fn token_bounds(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut iter = s.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = iter.peek() {
            if c.is_ascii_whitespace() {
                iter.next();
            } else {
                break;
            }
        }
        let (start, _) = *iter.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = iter.peek() {
            if c.is_ascii_whitespace() {
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
    fn a_span_in_the_original_leaves_out_what_normalization_dropped_after_it() {
        let n = crate::normalize::Normalizer::new();
        for (original, word, want) in [
            ("lúa \u{200d}", "lúa", "lúa"),
            ("lúa \u{ad}\n", "lúa", "lúa"),
            ("\u{200f}עברית\u{200e}", "עברית", "עברית"),
            ("❤\u{fe0f} ", "❤\u{fe0f}", "❤\u{fe0f}"),
        ] {
            let r = n.normalize_with_offsets(original);
            let at = r
                .text
                .find(word)
                .unwrap_or_else(|| panic!("{word} in {:?}", r.text));
            let (s, e) = r.map.span_in(original, at, at + word.len());
            assert_eq!(&original[s..e], want, "{original:?}");
        }
    }

    #[test]
    fn a_span_ending_inside_a_token_ends_there_in_the_original() {
        // "Ð" repaired to "Đ" elsewhere in the text: "Nam" of "Nam," still
        // ends before the comma.
        let original = "Việt Nam, Ð";
        let output = "Việt Nam, Đ";
        let m = align_by_tokens(original, output);
        let (s, e) = m.span_to_original(0, output.find(',').unwrap());
        assert_eq!(&original[s..e], "Việt Nam");
        // Mojibake: the letters around the repaired one keep their places.
        let original = "xuáº¥t khẩu";
        let output = "xuất khẩu";
        let m = align_by_tokens(original, output);
        assert_eq!(m.span_to_original(0, "xuất".len()), (0, "xuáº¥t".len()));
        assert_eq!(m.span_to_original(0, "xu".len()), (0, 2));
        // "à" read as Windows-1252 ends in a no-break space: still one token.
        let original = "xin chÃ\u{a0}o hợp tác xã Ð";
        let output = "xin chào hợp tác xã Đ";
        let m = align_by_tokens(original, output);
        for word in ["chào", "hợp", "tác", "xã"] {
            let at = output.find(word).unwrap();
            let (s, e) = m.span_to_original(at, at + word.len());
            let want = if word == "chào" { "chÃ\u{a0}o" } else { word };
            assert_eq!(&original[s..e], want);
        }
    }

    #[test]
    fn token_alignment_keeps_tokens_in_place() {
        let m = align_by_tokens("n«ng th«n", "nông thôn");
        let (s, e) = m.span_to_original(6, 11);
        assert_eq!(&"n«ng th«n"[s..e], "th«n");
    }
}
