//! Legacy Vietnamese encodings: decoding to Unicode, encoding, detection
//! and repair of UTF-8 text that was read as Windows-1252 ("mojibake").
//!
//! Supported encodings ([`Encoding`]):
//!
//! * **VNI-Windows** ([`Encoding::Vni`]): a base letter followed by a mark
//!   byte (`"oâ"` = ô, `"ôù"` = ớ); a few letters have a byte of their own
//!   (`ñ` = đ, `ô` = ơ, `ö` = ư, `ò` = ị …).
//! * **TCVN 5712:1993** ([`Encoding::Tcvn3`], "ABC", `.VnTime` fonts): one
//!   byte per letter. The decoder accepts the full VN1 repertoire, of which
//!   TCVN3 (VN3) is the subset without capital toned letters; the encoder
//!   writes those capitals at their VN1 positions.
//! * **VISCII** ([`Encoding::Viscii`], RFC 1456): one byte per letter; six
//!   capitals sit in the C0 range.
//! * **VPS** ([`Encoding::Vps`]): one byte per letter; fourteen capitals sit
//!   in the C0 range.
//! * **Windows-1258** ([`Encoding::Cp1258`]): precomposed shape letters plus
//!   combining tone marks.
//! * **VIQR** ([`Encoding::Viqr`], RFC 1456): ASCII mnemonics such as
//!   `Vie^.t`, ``ddu+o+`ng``, with `\` escaping a literal mark character.
//! * **Telex** ([`Encoding::Telex`]): raw keystrokes of the Telex input
//!   method (`nguwowif` = người).
//!
//! Decoders never panic and run in linear time. Their output may be
//! decomposed (base letter + combining marks); callers compose it (NFC).

use std::fmt;
use std::str::FromStr;

pub(crate) mod cp1252;
mod cp1258;
mod detect;
mod letters;
mod mojibake;
mod single_byte;
mod tcvn3;
mod telex;
mod viqr;
mod viscii;
mod vni;
mod vps;

pub use detect::{Detection, detect};
pub(crate) use mojibake::repair_mojibake_mapped;
pub use mojibake::repair_mojibake_once;

/// A text encoding that Vietnamese text may arrive in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 (Unicode).
    Utf8,
    /// VNI-Windows: base letter followed by a mark byte.
    Vni,
    /// TCVN 5712:1993 (TCVN3 / VN3 "ABC"; VN1 capitals are accepted too).
    Tcvn3,
    /// VISCII (RFC 1456).
    Viscii,
    /// VPS (Vietnamese Professionals Society).
    Vps,
    /// VIQR mnemonics (RFC 1456), plain ASCII.
    Viqr,
    /// Windows-1258.
    Cp1258,
    /// Raw Telex keystrokes, plain ASCII.
    Telex,
}

impl Encoding {
    /// Every encoding, in declaration order.
    pub const ALL: [Encoding; 8] = [
        Encoding::Utf8,
        Encoding::Vni,
        Encoding::Tcvn3,
        Encoding::Viscii,
        Encoding::Vps,
        Encoding::Viqr,
        Encoding::Cp1258,
        Encoding::Telex,
    ];

    /// The canonical lowercase name: `"utf-8"`, `"vni"`, `"tcvn3"`,
    /// `"viscii"`, `"vps"`, `"viqr"`, `"cp1258"` or `"telex"`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Vni => "vni",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Viscii => "viscii",
            Encoding::Vps => "vps",
            Encoding::Viqr => "viqr",
            Encoding::Cp1258 => "cp1258",
            Encoding::Telex => "telex",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Encoding {
    type Err = crate::Error;

    /// Parse an encoding name, case-insensitively. Besides the canonical
    /// names this accepts `utf8`, `vni-windows`, `abc`, `tcvn`, `tcvn5712`,
    /// `windows-1258` and `cp-1258`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim().to_ascii_lowercase().replace('_', "-");
        let enc = match key.as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "vni" | "vni-windows" | "vni-win" => Encoding::Vni,
            "tcvn3" | "abc" | "tcvn" | "tcvn5712" | "tcvn-5712" | "vn3" => Encoding::Tcvn3,
            "viscii" => Encoding::Viscii,
            "vps" => Encoding::Vps,
            "viqr" => Encoding::Viqr,
            "cp1258" | "cp-1258" | "windows-1258" | "windows1258" => Encoding::Cp1258,
            "telex" => Encoding::Telex,
            _ => {
                return Err(crate::Error::new(
                    crate::ErrorKind::InvalidOption,
                    format!(
                        "unknown encoding {s:?} (expected one of utf-8, vni, tcvn3, viscii, vps, viqr, cp1258, telex)"
                    ),
                ));
            }
        };
        Ok(enc)
    }
}

/// Decode raw bytes in `enc` to Unicode.
///
/// [`Encoding::Utf8`] decodes lossily (invalid sequences become U+FFFD);
/// [`Encoding::Viqr`] and [`Encoding::Telex`] read the bytes as UTF-8 and
/// then apply their text transform. The output may be decomposed (base
/// letter + combining marks); NFC-normalize it afterwards.
pub fn decode(bytes: &[u8], enc: Encoding) -> String {
    match enc {
        Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Encoding::Vni => vni::decode(bytes),
        Encoding::Tcvn3 => single_byte::decode(bytes, &tcvn3::TABLE),
        Encoding::Viscii => single_byte::decode(bytes, &viscii::TABLE),
        Encoding::Vps => single_byte::decode(bytes, &vps::TABLE),
        Encoding::Cp1258 => single_byte::decode(bytes, &cp1258::TABLE),
        Encoding::Viqr => viqr::decode(&String::from_utf8_lossy(bytes)),
        Encoding::Telex => telex::decode(&String::from_utf8_lossy(bytes)),
    }
}

/// Decode text that a scraper already decoded as Windows-1252.
///
/// Each char of `text` that Windows-1252 can encode (the five bytes that
/// Windows-1252 leaves undefined are accepted as U+0081, U+008D, U+008F,
/// U+0090 and U+009D, and any other C1 control as its own byte) is mapped
/// back to its byte and decoded as `enc`; chars outside Windows-1252 pass
/// through unchanged. [`Encoding::Viqr`], [`Encoding::Telex`] and
/// [`Encoding::Utf8`] are plain-text transforms applied to `text` directly
/// (`Utf8` returns it unchanged).
pub fn decode_cp1252_view(text: &str, enc: Encoding) -> String {
    match enc {
        Encoding::Utf8 => text.to_owned(),
        Encoding::Viqr => viqr::decode(text),
        Encoding::Telex => telex::decode(text),
        _ => {
            let mut out = String::with_capacity(text.len() + text.len() / 2);
            let mut run: Vec<u8> = Vec::new();
            for c in text.chars() {
                match cp1252::char_to_byte(c) {
                    Some(b) => run.push(b),
                    None => {
                        if !run.is_empty() {
                            out.push_str(&decode(&run, enc));
                            run.clear();
                        }
                        out.push(c);
                    }
                }
            }
            if !run.is_empty() {
                out.push_str(&decode(&run, enc));
            }
            out
        }
    }
}

/// The char Windows-1252 gives byte `b`, as browsers decode it (the five
/// undefined bytes give the C1 controls of the same value).
pub fn cp1252_char(b: u8) -> char {
    cp1252::byte_to_char(b)
}

/// The Windows-1252 byte of `c`, if it has one (the inverse of
/// [`cp1252_char`]).
///
/// ```
/// use agrivn::normalize::legacy::{cp1252_byte, cp1252_char};
///
/// assert_eq!(cp1252_byte('ä'), Some(0xE4));
/// assert_eq!(cp1252_char(0xE4), 'ä');
/// assert_eq!(cp1252_byte('ệ'), None);
/// ```
pub fn cp1252_byte(c: char) -> Option<u8> {
    cp1252::char_to_byte(c)
}

/// Encode `text` in `enc`.
///
/// The text is NFC-normalized first. Returns `None` when a char cannot be
/// represented (for example a curly quote in VISCII, or any non-ASCII char
/// that is not a Vietnamese letter in VIQR or Telex). VIQR and Telex
/// produce ASCII. Telex puts the tone key at the end of each syllable and
/// has no escape mechanism, so an ASCII word that happens to read as Telex
/// (`"as"`) does not survive a round trip.
pub fn encode(text: &str, enc: Encoding) -> Option<Vec<u8>> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    let composed: String;
    let text = if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text
    } else {
        composed = text.nfc().collect();
        &composed
    };
    match enc {
        Encoding::Utf8 => Some(text.as_bytes().to_vec()),
        Encoding::Vni => vni::encode(text),
        Encoding::Tcvn3 => single_byte::encode(text, &tcvn3::TABLE),
        Encoding::Viscii => single_byte::encode(text, &viscii::TABLE),
        Encoding::Vps => single_byte::encode(text, &vps::TABLE),
        Encoding::Cp1258 => cp1258::encode(text),
        Encoding::Viqr => viqr::encode(text).map(String::into_bytes),
        Encoding::Telex => telex::encode(text).map(String::into_bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn nfc(s: &str) -> String {
        s.nfc().collect()
    }

    #[test]
    fn names_round_trip() {
        for enc in Encoding::ALL {
            assert_eq!(enc.name().parse::<Encoding>().unwrap(), enc);
            assert_eq!(enc.to_string(), enc.name());
            assert_eq!(enc.name().to_uppercase().parse::<Encoding>().unwrap(), enc);
        }
        let aliases = [
            ("UTF8", Encoding::Utf8),
            ("Windows-1258", Encoding::Cp1258),
            ("ABC", Encoding::Tcvn3),
            (" tcvn3 ", Encoding::Tcvn3),
        ];
        for (name, enc) in aliases {
            assert_eq!(name.parse::<Encoding>().unwrap(), enc, "{name}");
        }
        let err = "latin-9".parse::<Encoding>().unwrap_err();
        assert_eq!(err.kind(), &crate::ErrorKind::InvalidOption);
    }

    /// (encoding, bytes, expected after NFC): own examples.
    const BYTE_CASES: &[(Encoding, &[u8], &str)] = &[
        (Encoding::Vni, b"Vie\xe4t Nam", "Việt Nam"),
        (Encoding::Vni, b"c\xf6\xf4\xf8ng", "cường"),
        (Encoding::Vni, b"\xd1o\xe0ng b\xe6ng", "Đồng bỉng"),
        (Encoding::Vni, b"kh\xf4\xfb \xf1i", "khở đi"),
        (Encoding::Tcvn3, b"Vi\xd6t Nam", "Việt Nam"),
        (Encoding::Tcvn3, b"c\xad\xeang", "cường"),
        (Encoding::Tcvn3, b"\xa7i h\xe4c", "Đi học"),
        (Encoding::Viscii, b"Vi\xaet Nam", "Việt Nam"),
        (Encoding::Viscii, b"c\xdf\xb6ng", "cường"),
        (Encoding::Viscii, b"\x1e", "Ỵ"),
        (Encoding::Vps, b"Vi\x8ct Nam", "Việt Nam"),
        (Encoding::Vps, b"c\xdc\xa9ng", "cường"),
        (Encoding::Vps, b"\x02n", "Ạn"),
        (Encoding::Cp1258, b"Vi\xea\xf2t Nam", "Việt Nam"),
        (Encoding::Cp1258, b"c\xfd\xf5\xccng", "cường"),
        (Encoding::Utf8, b"Vi\xe1\xbb\x87t", "Việt"),
        (Encoding::Utf8, b"a\xff", "a\u{fffd}"),
    ];

    #[test]
    fn decodes_own_examples() {
        for (enc, bytes, want) in BYTE_CASES {
            let got = nfc(&decode(bytes, *enc));
            assert_eq!(got, nfc(want), "{enc} {bytes:?}");
        }
    }

    #[test]
    fn cp1252_view_matches_byte_decoding() {
        for (enc, bytes, want) in BYTE_CASES {
            if *enc == Encoding::Utf8 {
                continue;
            }
            let view: String = bytes.iter().map(|&b| cp1252::byte_to_char(b)).collect();
            let got = nfc(&decode_cp1252_view(&view, *enc));
            assert_eq!(got, nfc(want), "{enc} {view:?}");
        }
        // chars outside cp1252 pass through
        assert_eq!(
            nfc(&decode_cp1252_view("Vie\u{e4}t \u{2192} \u{1ea1}", Encoding::Vni)),
            "Việt → ạ"
        );
    }

    #[test]
    fn text_transforms_through_both_entry_points() {
        let cases = [
            (Encoding::Viqr, "Ha` No^.i", "Hà Nội"),
            (Encoding::Telex, "Haf Nooij", "Hà Nội"),
            (Encoding::Utf8, "Hà Nội", "Hà Nội"),
        ];
        for (enc, input, want) in cases {
            assert_eq!(nfc(&decode(input.as_bytes(), enc)), want);
            assert_eq!(nfc(&decode_cp1252_view(input, enc)), want);
        }
    }

    #[test]
    fn encode_round_trips_vietnamese_alphabet() {
        let mut alphabet = String::new();
        for g in letters::VOWELS_LOWER.iter().chain(letters::VOWELS_UPPER.iter()) {
            for c in g {
                alphabet.push(*c);
                alphabet.push(' ');
            }
        }
        alphabet.push_str("đ Đ b c d g h k l m n p q r s t v x");
        for enc in [
            Encoding::Utf8,
            Encoding::Vni,
            Encoding::Tcvn3,
            Encoding::Viscii,
            Encoding::Vps,
            Encoding::Cp1258,
        ] {
            let bytes = encode(&alphabet, enc).unwrap_or_else(|| panic!("{enc} cannot encode"));
            assert_eq!(nfc(&decode(&bytes, enc)), alphabet, "{enc}");
        }
        let sentence = "Người nông dân Đắk Lắk thu hoạch cà phê, giá tăng 5%.";
        for enc in Encoding::ALL {
            let bytes = encode(sentence, enc).unwrap();
            assert_eq!(nfc(&decode(&bytes, enc)), sentence, "{enc}");
        }
    }

    fn shared_file(rel: &str) -> Option<std::path::PathBuf> {
        let beside = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared")
            .join(rel);
        let fixed = std::path::Path::new("/work/shared").join(rel);
        [beside, fixed].into_iter().find(|p| p.is_file())
    }

    fn hex_bytes(hex: &str) -> Vec<u8> {
        (0..hex.len() / 2)
            .filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
            .collect()
    }

    /// The shared conformance cases of class `legacy_encoding`, read at run
    /// time: decoding (bytes and Windows-1252 view) and mojibake repair.
    #[test]
    fn shared_legacy_encoding_cases() {
        let Some(path) = shared_file("normalization/cases.jsonl") else {
            eprintln!("SKIP shared_legacy_encoding_cases: normalization/cases.jsonl not found");
            return;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let (mut decoded, mut repaired) = (0, 0);
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let case: serde_json::Value = serde_json::from_str(line).unwrap();
            if case["class"] != "legacy_encoding" {
                continue;
            }
            let id = case["id"].as_str().unwrap_or("?");
            let input = case["input"].as_str().unwrap();
            let expected = case["expected"].as_str().unwrap();
            let options = &case["options"];
            if let Some(name) = options["source_encoding"].as_str() {
                let enc: Encoding = name.parse().unwrap();
                assert_eq!(nfc(&decode_cp1252_view(input, enc)), expected, "{id} view");
                let bytes = match case["input_hex"].as_str() {
                    Some(hex) => hex_bytes(hex),
                    None => input.as_bytes().to_vec(),
                };
                assert_eq!(nfc(&decode(&bytes, enc)), expected, "{id} bytes");
                decoded += 1;
            } else if options["repair"] == true {
                let mut s = input.to_owned();
                for _ in 0..4 {
                    match repair_mojibake_once(&s) {
                        Some(next) => s = next,
                        None => break,
                    }
                }
                assert_eq!(nfc(&s), expected, "{id} repair");
                repaired += 1;
            }
        }
        eprintln!("shared legacy_encoding cases: {decoded} decoded, {repaired} repaired");
        assert!(decoded > 0);
    }

    #[test]
    fn never_panics_on_arbitrary_bytes() {
        let mut all: Vec<u8> = (0..=255u8).collect();
        all.extend((0..=255u8).rev());
        all.extend_from_slice(b"\\.\\?a\\d\xe1\xbb");
        let mut seed = 0x2545_f491_u32;
        for _ in 0..2000 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            all.push((seed & 0xff) as u8);
        }
        for end in [0, 1, 2, 3, 17, all.len()] {
            let bytes = &all[..end];
            for enc in Encoding::ALL {
                let text = decode(bytes, enc);
                let _ = decode_cp1252_view(&text, enc);
                let _ = encode(&text, enc);
            }
            let _ = detect(bytes);
            let _ = repair_mojibake_once(&String::from_utf8_lossy(bytes));
        }
    }
}
