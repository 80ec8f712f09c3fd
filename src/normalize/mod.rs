//! Normalization of Vietnamese text: one canonical form for every way the
//! same words reach a program.
//!
//! [`Normalizer::normalize`] composes to NFC, puts Vietnamese marks in the
//! right order and drops repeated ones, rewrites whitespace (Zs and TAB to one
//! space, line breaks to `\n`, each line trimmed), removes
//! Default_Ignorable characters (ZERO WIDTH JOINER inside emoji aside), folds
//! Cyrillic and Greek lookalikes inside Latin words and fullwidth forms to
//! ASCII. Tone style, HTML references, repair of damaged text and legacy
//! encodings are options. Without them the result is idempotent (the
//! `html` option decodes references exactly once, so `&amp;amp;` gives
//! `&amp;`; `repair` leaves damage it cannot read, such as mojibake cut by
//! a soft hyphen, which a later pass may read once the hyphen is gone), and
//! text that is already normalized comes back borrowed, without allocating.
//!
//! ```
//! use agrivn::normalize::{Normalizer, ToneStyle};
//!
//! let n = Normalizer::new();
//! assert_eq!(n.normalize("Gia\u{301}  lu\u{301}a"), "Giá lúa");
//!
//! let classic = Normalizer::builder().tone_style(ToneStyle::Classic).build();
//! assert_eq!(classic.normalize("Thanh Hoá"), "Thanh Hóa");
//! ```

mod chars;
mod compose;
mod fold;
mod html;
pub mod legacy;
mod offsets;
mod repair;
mod tone;

use std::borrow::Cow;

pub use fold::{fold, strip_diacritics};
pub use legacy::{Detection, Encoding, detect};
pub use offsets::OffsetMap;
pub(crate) use offsets::without_dropped_end;
pub use tone::ToneStyle;
pub use tone::push_key;

use chars::*;
use compose::Cluster;

/// Normalizes text. Cheap to copy and share between threads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Normalizer {
    tone_style: ToneStyle,
    html: bool,
    repair: bool,
    source_encoding: Option<Encoding>,
}

/// Builds a [`Normalizer`] with options.
#[derive(Debug, Clone, Copy, Default)]
pub struct NormalizerBuilder {
    inner: Normalizer,
}

impl NormalizerBuilder {
    /// Where tone marks go in the open rhymes oa, oe, uy (default: keep).
    pub fn tone_style(mut self, style: ToneStyle) -> Self {
        self.inner.tone_style = style;
        self
    }

    /// Decode HTML character references (`&ocirc;`, `&#7899;`, `&nbsp`)
    /// exactly once before normalizing.
    pub fn html(mut self, yes: bool) -> Self {
        self.inner.html = yes;
        self
    }

    /// Repair damaged text: UTF-8 read as Windows-1252 (to a fixpoint), ð/Ð/Ɖ
    /// for đ/Đ, spacing accents typed as tone marks.
    pub fn repair(mut self, yes: bool) -> Self {
        self.inner.repair = yes;
        self
    }

    /// The text is the Windows-1252 view of bytes in a legacy encoding (or
    /// VIQR / Telex text); decode it first. `Encoding::Utf8` means no decoding.
    pub fn source_encoding(mut self, enc: Encoding) -> Self {
        self.inner.source_encoding = (enc != Encoding::Utf8).then_some(enc);
        self
    }

    /// The normalizer.
    pub fn build(self) -> Normalizer {
        self.inner
    }
}

/// Normalized text with the map back to the original.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The normalized text.
    pub text: Cow<'a, str>,
    /// Byte offsets in `text` to byte offsets in the original.
    pub map: OffsetMap,
}

impl Normalizer {
    /// The default normalizer: tone placement preserved, no options.
    pub fn new() -> Self {
        Normalizer::default()
    }

    /// A builder for a normalizer with options.
    pub fn builder() -> NormalizerBuilder {
        NormalizerBuilder::default()
    }

    /// The tone style this normalizer writes.
    pub fn tone_style(&self) -> ToneStyle {
        self.tone_style
    }

    /// Normalize `text`. Borrowed when `text` is already normalized.
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.run(text, false).text
    }

    /// Normalize `text` and keep the map from the result back to `text`.
    pub fn normalize_with_offsets<'a>(&self, text: &'a str) -> Normalized<'a> {
        self.run(text, true)
    }

    fn run<'a>(&self, text: &'a str, want_map: bool) -> Normalized<'a> {
        // Optional steps that rewrite the text before normalization proper;
        // their maps are only built when the caller asked for offsets.
        let align = |from: &str, to: &str| {
            if want_map {
                offsets::align_by_tokens(from, to)
            } else {
                OffsetMap::identity(to.len())
            }
        };
        let mut pre: Option<(String, OffsetMap)> = None;
        if let Some(enc) = self.source_encoding {
            let decoded = legacy::decode_cp1252_view(text, enc);
            let map = align(text, &decoded);
            pre = Some((decoded, map));
        }
        if self.html {
            let cur = pre.as_ref().map_or(text, |(s, _)| s.as_str());
            let mut entries = Vec::new();
            if let Some(decoded) = html::decode(cur, &mut entries) {
                let map = OffsetMap::from_entries(entries, decoded.len(), cur.len());
                pre = Some(chain(pre, decoded, map));
            }
        }
        if self.repair {
            let cur = pre.as_ref().map_or(text, |(s, _)| s.as_str());
            if let Some((fixed, map)) = repair::repair(cur, want_map) {
                pre = Some(chain(pre, fixed, map));
            }
        }

        let input = pre.as_ref().map_or(text, |(s, _)| s.as_str());
        let mut entries = Vec::new();
        let main = if is_normalized(input) {
            None
        } else {
            Some(normalize_text(input, want_map.then_some(&mut entries)))
        };
        let mut cur_map = match &main {
            Some(s) if want_map => OffsetMap::from_entries(entries, s.len(), input.len()),
            _ => OffsetMap::identity(input.len()),
        };
        let mut out: Option<String> = main;
        let styled = tone::restyle(out.as_deref().unwrap_or(input), self.tone_style);
        if let Some(styled) = styled {
            if want_map {
                cur_map = restyled_map(out.as_deref().unwrap_or(input), &styled, cur_map);
            }
            out = Some(styled);
        }
        match (pre, out) {
            (None, None) => Normalized {
                text: Cow::Borrowed(text),
                map: OffsetMap::identity(text.len()),
            },
            (None, Some(s)) => Normalized {
                text: Cow::Owned(s),
                map: cur_map,
            },
            (Some((p, pmap)), out) => Normalized {
                text: Cow::Owned(out.unwrap_or(p)),
                map: if want_map { cur_map.then(&pmap) } else { cur_map },
            },
        }
    }
}

impl std::str::FromStr for ToneStyle {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "preserve" => Ok(ToneStyle::Preserve),
            "main-vowel" => Ok(ToneStyle::MainVowel),
            "classic" => Ok(ToneStyle::Classic),
            _ => Err(crate::Error::new(
                crate::ErrorKind::InvalidOption,
                format!("unknown tone style {s:?}: expected preserve, main-vowel or classic"),
            )),
        }
    }
}

fn chain(pre: Option<(String, OffsetMap)>, text: String, map: OffsetMap) -> (String, OffsetMap) {
    match pre {
        None => (text, map),
        Some((_, inner)) => (text, map.then(&inner)),
    }
}

/// Restyling keeps the number of chars; move each entry to its char's new
/// byte offset.
fn restyled_map(before: &str, after: &str, map: OffsetMap) -> OffsetMap {
    let before_map = if map.is_identity() {
        let entries = before.char_indices().map(|(i, _)| (i as u32, i as u32)).collect();
        OffsetMap::from_entries(entries, before.len(), before.len())
    } else {
        map
    };
    let entries = after
        .char_indices()
        .zip(before.char_indices())
        .map(|((a, _), (b, _))| (a as u32, before_map.to_original(b) as u32))
        .collect();
    let orig_len = before_map.to_original(before.len());
    OffsetMap::from_entries(entries, after.len(), orig_len)
}

/// Whether `s` is already in normalized form (conservative: `false` may be
/// returned for some normalized texts, which then take the full path).
pub(crate) fn is_normalized(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if x <= b' ' {
                // TAB, CR, VT and FF become a space or LF; no runs of spaces,
                // no space next to a line break.
                let next = b.get(i + 1).copied();
                let bad = match x {
                    b' ' => matches!(next, Some(b' ' | b'\n')),
                    b'\n' => next == Some(b' '),
                    b'\t' | b'\r' | 0x0B | 0x0C => true,
                    _ => false,
                };
                if bad {
                    return false;
                }
            }
            i += 1;
            continue;
        }
        // The common non-ASCII letters of Vietnamese, decided on the bytes.
        match (x, b.get(i + 1).copied().unwrap_or(0)) {
            // U+00A1..U+00BF except U+00AD (soft hyphen).
            (0xC2, y) if (0xA1..=0xBF).contains(&y) && y != 0xAD => i += 2,
            // U+00C0..U+023F: Latin-1 letters and Latin Extended-A/B.
            (0xC3..=0xC8, _) => i += 2,
            // U+1E00..U+1EFF: Latin Extended Additional (precomposed Vietnamese).
            (0xE1, 0xB8..=0xBB) => i += 3,
            // U+2010..U+2027 and U+2030..U+203F: dashes, quotes, ellipsis.
            (0xE2, 0x80) if matches!(b.get(i + 2), Some(0x90..=0xA7 | 0xB0..=0xBF)) => i += 3,
            _ => {
                let c = s[i..].chars().next().unwrap_or('\u{FFFD}');
                if !is_stable(c) {
                    return false;
                }
                i += c.len_utf8();
            }
        }
    }
    true
}

/// The full normalization pass. `map` receives `(output, input)` byte offsets
/// for each output char.
fn normalize_text(s: &str, mut map: Option<&mut Vec<(u32, u32)>>) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut pending_space: Option<usize> = None;
    let mut at_line_start = true;
    let mut cluster = Cluster::default();
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap_or('\u{FFFD}');
        if is_line_break(c) {
            let mut n = c.len_utf8();
            if c == '\r' && s[i + 1..].starts_with('\n') {
                n += 1;
            }
            record(&mut map, &out, i);
            out.push('\n');
            pending_space = None;
            at_line_start = true;
            i += n;
        } else if is_space(c) {
            if !at_line_start && pending_space.is_none() {
                pending_space = Some(i);
            }
            i += c.len_utf8();
        } else {
            let end = s[i..]
                .char_indices()
                .find(|&(_, c)| is_line_break(c) || is_space(c))
                .map_or(s.len(), |(k, _)| i + k);
            let mark = out.len();
            let map_mark = map.as_ref().map_or(0, |m| m.len());
            if let Some(sp) = pending_space {
                record(&mut map, &out, sp);
                out.push(' ');
            }
            let before = out.len();
            normalize_token(&s[i..end], i, &mut out, &mut cluster, &mut map);
            if out.len() == before {
                // Nothing but ignorables: no token, keep the pending space.
                out.truncate(mark);
                if let Some(m) = map.as_mut() {
                    m.truncate(map_mark);
                }
            } else {
                pending_space = None;
                at_line_start = false;
            }
            i = end;
        }
    }
    out
}

#[inline]
fn record(map: &mut Option<&mut Vec<(u32, u32)>>, out: &str, orig: usize) {
    if let Some(m) = map {
        m.push((out.len() as u32, orig as u32));
    }
}

/// Normalize one whitespace-free token starting at `base` in the input.
fn normalize_token(
    tok: &str,
    base: usize,
    out: &mut String,
    cluster: &mut Cluster,
    map: &mut Option<&mut Vec<(u32, u32)>>,
) {
    let fold_lookalikes = !tok.is_ascii()
        && tok.chars().any(|c| lookalike_of(c).is_some())
        && tok
            .chars()
            .any(|c| is_latin_letter(fullwidth_to_ascii(c).unwrap_or(c)));
    let mut open = false;
    let mut cluster_orig = 0;
    let mut prev: Option<char> = None;
    let mut iter = tok.char_indices().peekable();
    while let Some((k, c0)) = iter.next() {
        if c0.is_ascii() {
            // ASCII is never ignorable, a mark, fullwidth or a lookalike.
            if open {
                flush(cluster, cluster_orig, out, map);
            }
            cluster.start(c0);
            cluster_orig = base + k;
            open = true;
            prev = Some(c0);
            continue;
        }
        if is_ignorable(c0) {
            let next = iter.peek().map(|&(_, n)| n);
            let keep = match c0 {
                '\u{200D}' => prev.is_some_and(is_pictographic) && next.is_some_and(is_pictographic),
                '\u{FE00}'..='\u{FE0F}' => prev.is_some_and(is_pictographic),
                _ => false,
            };
            if !keep {
                continue;
            }
        }
        let mut c = fullwidth_to_ascii(c0).unwrap_or(c0);
        if fold_lookalikes {
            c = lookalike_of(c).unwrap_or(c);
        }
        let p = prev.replace(c);
        if open && ((is_mark(c) && !is_ignorable(c)) || (is_hangul_jamo_tail(c) && hangul_joins(p, c))) {
            cluster.push(c);
            continue;
        }
        if open {
            flush(cluster, cluster_orig, out, map);
        }
        cluster.start(c);
        cluster_orig = base + k;
        open = true;
    }
    if open {
        flush(cluster, cluster_orig, out, map);
    }
}

/// A Hangul vowel or trailing consonant jamo.
#[inline]
fn is_hangul_jamo_tail(c: char) -> bool {
    ('\u{1161}'..='\u{11C2}').contains(&c)
}

/// Whether the Hangul jamo `c` composes with `prev` into one syllable: a
/// vowel after a leading consonant, a trailing consonant after a vowel or
/// after a syllable without one (Korean written decomposed, as NFD gives it).
#[cold]
#[inline(never)]
fn hangul_joins(prev: Option<char>, c: char) -> bool {
    let (Some(p), c) = (prev.map(|p| p as u32), c as u32) else {
        return false;
    };
    match c {
        0x1161..=0x1175 => (0x1100..=0x1112).contains(&p),
        0x11A8..=0x11C2 => {
            (0x1161..=0x1175).contains(&p) || ((0xAC00..=0xD7A3).contains(&p) && (p - 0xAC00) % 28 == 0)
        }
        _ => false,
    }
}

fn flush(cluster: &mut Cluster, orig: usize, out: &mut String, map: &mut Option<&mut Vec<(u32, u32)>>) {
    let start = out.len();
    cluster.write(out);
    if let Some(m) = map {
        for (k, _) in out[start..].char_indices() {
            m.push(((start + k) as u32, orig as u32));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_text_is_borrowed() {
        let n = Normalizer::new();
        for s in ["Giá lợn hơi tăng", "", "HTX\nhai dòng", "東京"] {
            assert!(matches!(n.normalize(s), Cow::Borrowed(_)), "{s:?}");
        }
    }

    #[test]
    fn whitespace_and_ignorables() {
        let n = Normalizer::new();
        let table = [
            ("  a  b  ", "a b"),
            ("a\r\nb", "a\nb"),
            ("a \u{200B} b", "a b"),
            ("a\u{A0}\tb", "a b"),
            ("x \n y", "x\ny"),
        ];
        for (input, want) in table {
            assert_eq!(n.normalize(input), want, "{input:?}");
        }
    }

    #[test]
    fn offsets_point_into_the_original() {
        let n = Normalizer::new();
        let src = "  Gia\u{301}  lu\u{301}a";
        let r = n.normalize_with_offsets(src);
        assert_eq!(r.text, "Giá lúa");
        let (s, e) = r.map.span_to_original(5, r.text.len());
        assert_eq!(&src[s..e], "lu\u{301}a");
    }

    #[test]
    fn korean_written_decomposed_is_composed() {
        use unicode_normalization::UnicodeNormalization;
        let n = Normalizer::new();
        let nfc = "한국 농산물 수출 각";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfd, nfc);
        let r = n.normalize_with_offsets(&nfd);
        assert_eq!(r.text, nfc);
        // "농산물" maps back to its jamo.
        let start = nfc.find('농').unwrap();
        let (s, e) = r.map.span_to_original(start, start + "농산물".len());
        assert_eq!(&nfd[s..e], "농산물".nfd().collect::<String>());
        // Jamo that make no syllable stay as they are.
        assert_eq!(n.normalize("\u{1161}\u{11A8}"), "\u{1161}\u{11A8}");
    }

    #[test]
    fn signs_nfc_makes_letters_and_kana_with_sound_marks_are_composed() {
        let n = Normalizer::new();
        assert_eq!(n.normalize("\u{212A}"), "K");
        assert_eq!(n.normalize("x  \u{2126}"), "x \u{3A9}");
        assert_eq!(n.normalize("か\u{3099}"), "が");
    }

    #[test]
    fn repaired_words_map_to_exactly_what_they_were_made_from() {
        let n = Normalizer::builder().repair(true).build();
        let damage = |s: &str| -> String { s.bytes().map(legacy::cp1252::byte_to_char).collect() };
        // No-break spaces, a quote and an ellipsis damaged with the words.
        for clean in [
            "Giá\u{a0}lợn\u{a0}hơi\u{a0}tăng,\u{a0}thương lái",
            "“Đề án” lũ lụt” thủy lợi,",
            "đồng/kg… xin chào",
            "giá gà",
        ] {
            let original = damage(clean);
            let r = n.normalize_with_offsets(&original);
            let words: Vec<&str> = r
                .text
                .split([' ', ',', '“', '”', '…'])
                .filter(|w| !w.is_empty())
                .collect();
            assert!(words.len() >= 2, "{:?}", r.text);
            for w in words {
                let at = r.text.find(w).unwrap();
                let (s, e) = r.map.span_in(&original, at, at + w.len());
                assert_eq!(original[s..e], damage(w), "{w} in {clean}");
            }
        }
    }

    #[test]
    fn decoded_words_end_where_they_end_in_the_legacy_text() {
        use legacy::Encoding;
        let cases = [
            (
                Encoding::Vni,
                "Giaù luùa taêng,thöông laùi thu mua luùa.",
                [("thương lái", "thöông laùi"), ("tăng", "taêng"), ("lúa", "luùa")],
            ),
            (
                Encoding::Viqr,
                "Gia\u{301} lu\u{301}a cu?a HTX\\. Tha\u{300}nh vie^n",
                [("HTX", "HTX"), ("của", "cu?a"), ("viên", "vie^n")],
            ),
        ];
        for (enc, original, words) in cases {
            let original = if enc == Encoding::Viqr {
                // VIQR writes tone marks as ASCII: ' for the acute, ` for the grave.
                original.replace('\u{301}', "'").replace('\u{300}', "`")
            } else {
                original.to_string()
            };
            let r = Normalizer::builder()
                .source_encoding(enc)
                .build()
                .normalize_with_offsets(&original);
            for (word, was) in words {
                let at = r
                    .text
                    .find(word)
                    .unwrap_or_else(|| panic!("{word} in {:?}", r.text));
                let (s, e) = r.map.span_in(&original, at, at + word.len());
                assert_eq!(&original[s..e], was, "{enc:?} {:?}", r.text);
            }
        }
    }
}
