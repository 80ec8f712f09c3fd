//! Reading a record's bytes as text: UTF-8, a named legacy byte encoding,
//! or an encoding detected record by record.
//!
//! Archives put together over the years mix UTF-8 with records saved in
//! VNI, TCVN3 or VISCII, either as raw bytes (not valid UTF-8) or as the
//! Windows-1252 view a scraper made of them ("Vieät Nam" for "Việt Nam").
//! Both are decoded here, before the record is parsed, so the output holds
//! Unicode text and evidence spans point into it.

use std::borrow::Cow;

use crate::normalize::{Detection, Encoding, detect, legacy};

/// How the bytes of a record are read.
///
/// ```
/// # #[cfg(feature = "embedded-data")] {
/// use agrivn::normalize::{Encoding, legacy};
/// use agrivn::pipeline::{InputEncoding, Line, Pipeline};
///
/// // A JSON line whose text is in VNI-Windows bytes, not UTF-8.
/// let mut bytes = br#"{"id": "1", "title": "", "text": ""#.to_vec();
/// bytes.extend(legacy::encode("Giá lúa tăng, nông dân phấn khởi.", Encoding::Vni).unwrap());
/// bytes.extend(br#""}"#);
/// let line = Line { number: 1, len: bytes.len(), bytes, truncated: false, ..Default::default() };
///
/// let strict = Pipeline::new();
/// assert!(strict.tag_lines(std::slice::from_ref(&line))[0].is_err());
///
/// let auto = Pipeline::new().input_encoding(InputEncoding::Auto);
/// let tagged = auto.tag_lines(std::slice::from_ref(&line)).remove(0).unwrap();
/// assert_eq!(tagged.encoding, Encoding::Vni);
/// assert!(tagged.json.contains("Giá lúa tăng"));
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputEncoding {
    /// UTF-8 only: a record that is not valid UTF-8 is rejected.
    #[default]
    Utf8,
    /// Every record is in this legacy byte encoding (VNI, TCVN3, VISCII,
    /// VPS, Windows-1258), as raw bytes or as the Windows-1252 view of
    /// them. VIQR and Telex are ASCII transforms of text, not byte
    /// encodings: read them through the tagger's normalizer
    /// ([`NormalizerBuilder::source_encoding`](crate::normalize::NormalizerBuilder::source_encoding));
    /// here they, and [`Encoding::Utf8`], mean UTF-8.
    Legacy(Encoding),
    /// UTF-8 where the record is UTF-8 and reads as such; otherwise the
    /// legacy byte encoding detected in the record itself. A record that is
    /// not valid UTF-8 and in which no encoding is recognised is rejected.
    Auto,
}

impl InputEncoding {
    /// The text of one record's bytes, read as this says, and the encoding
    /// it was read in ([`Encoding::Utf8`] when it was not decoded). A UTF-8
    /// byte-order mark at the start (files saved by Windows tools) is left
    /// out.
    ///
    /// ```
    /// use agrivn::normalize::{Encoding, legacy};
    /// use agrivn::pipeline::InputEncoding;
    ///
    /// let vni = legacy::encode("Hợp tác xã nông nghiệp", Encoding::Vni).unwrap();
    /// let (text, enc) = InputEncoding::Auto.read(&vni).unwrap();
    /// assert_eq!((text.as_ref(), enc), ("Hợp tác xã nông nghiệp", Encoding::Vni));
    /// assert!(InputEncoding::Utf8.read(&vni).is_err());
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::Record`](crate::ErrorKind::Record) when the bytes are
    /// not UTF-8 and no legacy encoding is named or recognised.
    pub fn read(self, bytes: &[u8]) -> crate::Result<(Cow<'_, str>, Encoding)> {
        decode(bytes, self)
            .map(|d| (d.text, d.encoding))
            .map_err(|m| crate::Error::new(crate::ErrorKind::Record, m))
    }
}

/// How sure detection must be before a record that is not valid UTF-8 is
/// decoded instead of rejected.
const MIN_CONFIDENCE: f32 = 0.6;

/// How sure detection must be before valid UTF-8 is taken for the
/// Windows-1252 view of a legacy encoding: valid UTF-8 is kept unless the
/// evidence is strong.
const MIN_VIEW_CONFIDENCE: f32 = 0.8;

/// Bytes of a record that detection looks at first: a title and a lead
/// hold dozens of words, and detection is right on 99.5% of single lines of
/// 40 to 200 bytes (tests/legacy_detect.rs). Only when the sample leaves
/// detection unsure is the whole record read.
const DETECT_SAMPLE: usize = 512;

/// Detection on a sample of `bytes`, then on all of them if unsure.
fn detect_record(bytes: &[u8], min_confidence: f32) -> Detection {
    let d = detect(&bytes[..bytes.len().min(DETECT_SAMPLE)]);
    if bytes.len() <= DETECT_SAMPLE || (is_byte_encoding(d.encoding) && d.confidence >= min_confidence) {
        d
    } else {
        detect(bytes)
    }
}

/// A record's text and the encoding it was read in.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: Encoding,
}

/// The UTF-8 byte-order mark that Windows tools write at the start of a
/// file: not part of the record.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Read `record` as `how` says, without a leading byte-order mark; the
/// error is a message for the user, with byte offsets into `record`.
pub(crate) fn decode(record: &[u8], how: InputEncoding) -> Result<Decoded<'_>, String> {
    let skip = if record.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    };
    let bytes = &record[skip..];
    // Vietnamese text is mostly multi-byte letters, on which the standard
    // library's validation took 4-6% of the time of tagging.
    let utf8 = simdutf8::compat::from_utf8(bytes);
    match how {
        InputEncoding::Legacy(enc) if is_byte_encoding(enc) => Ok(decode_as(bytes, utf8.ok(), enc)),
        InputEncoding::Utf8 | InputEncoding::Legacy(_) => match utf8 {
            Ok(s) => Ok(unchanged(s)),
            Err(e) => Err(format!("invalid UTF-8 at byte {}", skip + e.valid_up_to())),
        },
        InputEncoding::Auto => match utf8 {
            Ok(s) => Ok(match viewed_legacy(s) {
                Some(enc) => decode_as(bytes, Some(s), enc),
                None => unchanged(s),
            }),
            Err(e) => {
                let d = detect_record(bytes, MIN_CONFIDENCE);
                if is_byte_encoding(d.encoding) && d.confidence >= MIN_CONFIDENCE {
                    Ok(decode_as(bytes, None, d.encoding))
                } else {
                    Err(format!(
                        "invalid UTF-8 at byte {}, and no legacy encoding recognised (best guess {}, confidence {:.2})",
                        skip + e.valid_up_to(),
                        d.encoding,
                        d.confidence
                    ))
                }
            }
        },
    }
}

/// The legacy encoding most often among `encodings`, if any.
pub(crate) fn dominant_legacy(encodings: impl Iterator<Item = Encoding>) -> Option<Encoding> {
    let mut counts: Vec<(Encoding, usize)> = Vec::new();
    for enc in encodings.filter(|&e| is_byte_encoding(e)) {
        match counts.iter_mut().find(|(e, _)| *e == enc) {
            Some((_, n)) => *n += 1,
            None => counts.push((enc, 1)),
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map(|(e, _)| e)
}

fn unchanged(s: &str) -> Decoded<'_> {
    Decoded {
        text: Cow::Borrowed(s),
        encoding: Encoding::Utf8,
    }
}

/// Encodings that map bytes to letters (as opposed to ASCII transforms).
fn is_byte_encoding(enc: Encoding) -> bool {
    matches!(
        enc,
        Encoding::Vni | Encoding::Tcvn3 | Encoding::Viscii | Encoding::Vps | Encoding::Cp1258
    )
}

/// Decode a record in `enc`: its raw bytes, or, when it is valid UTF-8
/// whose letters Windows-1252 has, the Windows-1252 view of them (chars
/// outside Windows-1252, such as an emoji, pass through). Raw legacy bytes
/// can happen to be valid UTF-8 in a short record (VISCII "bưởi" is "b",
/// U+07F7, "i"): chars mostly outside Windows-1252 show it is no view. The
/// result is composed to NFC.
fn decode_as<'a>(bytes: &'a [u8], utf8: Option<&'a str>, enc: Encoding) -> Decoded<'a> {
    // Printable ASCII reads the same in every byte encoding (VISCII and VPS
    // put letters in C0, so control bytes are decoded).
    if bytes.iter().all(|&b| (0x20..0x80).contains(&b) || b == b'\t') {
        if let Some(s) = utf8 {
            return unchanged(s);
        }
    }
    let raw = match utf8.filter(|s| is_view(s)) {
        Some(s) => legacy::decode_cp1252_view(s, enc),
        None => legacy::decode(bytes, enc),
    };
    Decoded {
        text: Cow::Owned(compose(raw)),
        encoding: enc,
    }
}

/// Whether valid UTF-8 can be a Windows-1252 view: nine in ten of its
/// non-ASCII chars have a Windows-1252 byte. Unicode Vietnamese fails
/// within its first few dozen letters (ư, ơ, đ, ạ…), so this stops early.
fn is_view(s: &str) -> bool {
    let (mut outside, mut non_ascii) = (0usize, 0usize);
    for c in s.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if legacy::cp1252_byte(c).is_none() {
            outside += 1;
            if outside > 8 && outside * 10 > non_ascii {
                return false;
            }
        }
    }
    outside * 10 <= non_ascii
}

fn compose(s: String) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        s.nfc().collect()
    }
}

/// The legacy encoding of which `s` is the Windows-1252 view, when the
/// evidence is strong: its chars have Windows-1252 bytes ([`is_view`]),
/// and the bytes read as Vietnamese in a legacy encoding, surely and more
/// surely than the text reads as it is. (VISCII shares many letters with Latin-1, so its
/// view reads as Vietnamese in part.)
fn viewed_legacy(s: &str) -> Option<Encoding> {
    if s.is_ascii() {
        return None;
    }
    if !is_view(s) {
        return None;
    }
    let bytes: Vec<u8> = s.chars().filter_map(legacy::cp1252_byte).collect();
    let view = detect_record(&bytes, MIN_VIEW_CONFIDENCE);
    if !is_byte_encoding(view.encoding) || view.confidence < MIN_VIEW_CONFIDENCE {
        return None;
    }
    let as_is = detect(s.as_bytes());
    (as_is.encoding != Encoding::Utf8 || as_is.confidence < view.confidence).then_some(view.encoding)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Giá lúa tăng mạnh, nông dân Đồng Tháp phấn khởi vì được mùa.";

    #[test]
    fn utf8_is_borrowed_in_every_mode() {
        for how in [
            InputEncoding::Utf8,
            InputEncoding::Auto,
            InputEncoding::Legacy(Encoding::Utf8),
        ] {
            let d = decode(TEXT.as_bytes(), how).unwrap();
            assert!(matches!(d.text, Cow::Borrowed(_)));
            assert_eq!(d.encoding, Encoding::Utf8);
        }
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_record() {
        let mut utf8 = UTF8_BOM.to_vec();
        utf8.extend_from_slice(TEXT.as_bytes());
        let mut vni = UTF8_BOM.to_vec();
        vni.extend(legacy::encode(TEXT, Encoding::Vni).unwrap());
        for (bytes, how, enc) in [
            (&utf8, InputEncoding::Utf8, Encoding::Utf8),
            (&utf8, InputEncoding::Auto, Encoding::Utf8),
            (&vni, InputEncoding::Auto, Encoding::Vni),
            (&vni, InputEncoding::Legacy(Encoding::Vni), Encoding::Vni),
        ] {
            let d = decode(bytes, how).unwrap();
            assert_eq!((d.text.as_ref(), d.encoding), (TEXT, enc), "{how:?}");
        }
        // Offsets in messages count the mark.
        let mut bad = UTF8_BOM.to_vec();
        bad.extend_from_slice(b"ab\xff");
        let err = decode(&bad, InputEncoding::Utf8).unwrap_err();
        assert!(err.contains("at byte 5"), "{err}");
    }

    #[test]
    fn raw_legacy_bytes_are_detected_or_named() {
        for enc in [
            Encoding::Vni,
            Encoding::Tcvn3,
            Encoding::Viscii,
            Encoding::Vps,
            Encoding::Cp1258,
        ] {
            let bytes = legacy::encode(TEXT, enc).unwrap();
            let auto = decode(&bytes, InputEncoding::Auto).unwrap();
            assert_eq!((auto.text.as_ref(), auto.encoding), (TEXT, enc), "{enc}");
            let named = decode(&bytes, InputEncoding::Legacy(enc)).unwrap();
            assert_eq!(named.text, TEXT, "{enc}");
            assert!(decode(&bytes, InputEncoding::Utf8).is_err(), "{enc}");
        }
    }

    #[test]
    fn windows_1252_view_of_vni_is_decoded() {
        let bytes = legacy::encode(TEXT, Encoding::Vni).unwrap();
        let view: String = bytes.iter().map(|&b| legacy::cp1252_char(b)).collect();
        let auto = decode(view.as_bytes(), InputEncoding::Auto).unwrap();
        assert_eq!((auto.text.as_ref(), auto.encoding), (TEXT, Encoding::Vni));
        // without detection, the view is kept as it is
        assert_eq!(decode(view.as_bytes(), InputEncoding::Utf8).unwrap().text, view);
    }

    #[test]
    fn a_named_encoding_reads_a_view_with_an_emoji_and_raw_bytes_that_look_like_utf8() {
        let bytes = legacy::encode(TEXT, Encoding::Vni).unwrap();
        let mut view: String = bytes.iter().map(|&b| legacy::cp1252_char(b)).collect();
        view.push_str(" 🌾");
        let d = decode(view.as_bytes(), InputEncoding::Legacy(Encoding::Vni)).unwrap();
        assert_eq!(d.text, format!("{TEXT} 🌾"));
        // VISCII "bưởi" happens to be valid UTF-8 ("b", U+07F7, "i").
        let raw = legacy::encode("bưởi", Encoding::Viscii).unwrap();
        assert!(std::str::from_utf8(&raw).is_ok());
        let d = decode(&raw, InputEncoding::Legacy(Encoding::Viscii)).unwrap();
        assert_eq!(d.text, "bưởi");
    }

    #[test]
    fn a_view_with_an_emoji_is_detected() {
        let bytes = legacy::encode(TEXT, Encoding::Tcvn3).unwrap();
        let view: String = bytes.iter().map(|&b| legacy::cp1252_char(b)).collect::<String>() + " 🌾";
        let d = decode(view.as_bytes(), InputEncoding::Auto).unwrap();
        assert_eq!(
            (d.text.as_ref(), d.encoding),
            (format!("{TEXT} 🌾").as_str(), Encoding::Tcvn3)
        );
    }

    #[test]
    fn latin_text_in_utf8_is_not_taken_for_a_legacy_view() {
        let french = "Le café était très apprécié à Paris, déjà en été.";
        let d = decode(french.as_bytes(), InputEncoding::Auto).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), (french, Encoding::Utf8));
    }

    #[test]
    fn garbage_is_rejected_with_the_byte_offset() {
        let bytes = [b'a', b'b', 0xFF, 0xFE, 0x00, 0x81];
        let err = decode(&bytes, InputEncoding::Auto).unwrap_err();
        assert!(err.starts_with("invalid UTF-8 at byte 2"), "{err}");
    }
}
