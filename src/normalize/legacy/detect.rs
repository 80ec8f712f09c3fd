//! Which encoding a byte string is in.
//!
//! Every candidate decoding is scored by how Vietnamese it looks: each word
//! with a non-ASCII letter counts for the candidate if it is a well-formed
//! syllable (more if it is a frequent one) and against it if it is not;
//! control codes, U+FFFD and stray symbols glued to letters count against
//! it. Valid UTF-8 that reads as Vietnamese wins outright. Pure ASCII is
//! UTF-8 unless VIQR marks or Telex keys are clearly present.

use std::sync::OnceLock;

use super::letters;
use super::{Encoding, decode, telex, viqr};

/// The result of [`detect`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// The most likely encoding.
    pub encoding: Encoding,
    /// How sure the guess is, in `0.0..=1.0`: about 0.5 when several
    /// encodings read the bytes equally well (pure ASCII, or text whose
    /// letters sit at the same bytes in several encodings), near 1 when one
    /// reading is clearly Vietnamese and the others are not.
    pub confidence: f32,
}

/// Frequent syllables of Vietnamese (news) text, lowercase NFC.
const FREQUENT: &str = "của và các là được có cho trong người những một với đã không năm \
    này để đến tại về từ theo cũng nhiều khi như sẽ đó hơn sản xuất nông nghiệp thị trường giá \
    lúa gạo cà phê hồ tiêu xã huyện tỉnh thành phố việt nam hà nội chí minh đồng tấn triệu tỷ \
    nghìn ngày tháng chính phủ bộ phát triển kinh tế hợp tác dân nước mới cao thấp tăng giảm \
    hiện nay đang bà con hộ vụ mùa cây trồng chăn nuôi lợn gà bò thủy thuỷ tôm cá khẩu nhập \
    doanh công ty sự việc làm vào ra lại rất đây đầu tư vốn hỗ trợ chương trình dự án quản lý \
    chất lượng an toàn thực phẩm môi khí hậu biến đổi mưa lũ hạn mặn đất nhà quốc gia tổng cục \
    thống kê số liệu cùng kỳ so mức khoảng trên dưới sau trước giữa ngoài cả vùng bằng sông cửu \
    long miền bắc trung tây nguyên thụ thu hoạch diện tích năng suất giống phân bón thuốc bảo vệ \
    vật kỹ thuật khoa học động viên tiếp tục đồng thời bởi vì nên nếu thì mà hay hoặc chỉ còn \
    đều đi nhận thấy biết nói cho biết theo đó ông chủ tịch ban hội liên minh ủy uỷ nhân xây \
    dựng cơ sở vật tiền lãi suất vay ngân hàng tín dụng đối tượng hiệu quả mô hình điểm kế \
    hoạch mục tiêu đạt tỷ lệ phần trăm tuy nhiên trên địa bàn cấp sở ngành địa phương bình quân \
    khác mỗi người hết tất hiện đại hóa hoá tiêu chuẩn xuất khẩu thương mại giao dịch đơn vị \
    hàng hóa hoá chế biến nhà máy lao động thị xã quận phường thôn bản tổ chức cá nhân tham gia \
    đề án kinh doanh tư nhân hợp tác xã thành viên trang trại rau quả trái cây thủy sản heo \
    quảng ngãi bình định phú yên khánh hòa hoà thuận đắk lắk kon tum lai lâm tiền bến \
    tre trà vinh cần thơ sóc trăng bạc liêu cà mau kiên tháp vĩnh dương phước bà rịa vũng tàu \
    thừa thiên huế trị tĩnh nghệ hóa hoá lào cai bái điện biên sơn lạng bằng kạn thái tuyên \
    quang thọ phúc hải phòng hưng đà nẵng mê kông cửu đông đồng nai hậu hòa bình hoà bình \
    lợi ích nhuận phải nhất cần mỹ vững bền hành đạo lãnh nhiệm kết tốt lớn nhỏ tuần qua vừa";

/// [`letters::syllable_key`]s of [`FREQUENT`], sorted.
fn frequent() -> &'static [u64] {
    static KEYS: OnceLock<Vec<u64>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut v: Vec<u64> = FREQUENT
            .split_whitespace()
            .filter_map(letters::syllable_key)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// Evidence for and against one reading.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    good: f32,
    bad: f32,
}

impl Score {
    fn rank(self) -> f32 {
        self.good - 1.5 * self.bad
    }

    /// Share of the evidence that is for the reading, smoothed.
    fn plausibility(self) -> f32 {
        (self.good + 0.5) / (self.good + self.bad + 1.0)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Punctuation that ordinary Vietnamese text uses next to letters.
fn common_punct(c: char) -> bool {
    matches!(
        c,
        '\u{a0}'
            | '«'
            | '»'
            | '°'
            | '©'
            | '®'
            | '·'
            | '–'
            | '—'
            | '‘'
            | '’'
            | '“'
            | '”'
            | '…'
            | '•'
            | '€'
            | '₫'
            | '™'
    )
}

fn is_junk_control(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        || ('\u{80}'..='\u{9f}').contains(&c)
        || c == '\u{fffd}'
}

/// Score `text` as Vietnamese (precomposed or decomposed; no
/// normalization needed).
fn score(text: &str) -> Score {
    let mut s = Score::default();
    let freq = frequent();
    let mut prev_alpha = false;
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if is_word_char(c) {
            let mut end = start + c.len_utf8();
            let mut ascii = c.is_ascii();
            while let Some(&(i, d)) = iter.peek() {
                if !is_word_char(d) {
                    break;
                }
                ascii &= d.is_ascii();
                end = i + d.len_utf8();
                iter.next();
            }
            prev_alpha = true;
            if ascii {
                continue;
            }
            match letters::syllable_key(&text[start..end]) {
                Some(k) => s.good += if freq.binary_search(&k).is_ok() { 1.5 } else { 1.0 },
                None => s.bad += 1.0,
            }
            continue;
        }
        if is_junk_control(c) {
            s.bad += 1.0;
        } else if !c.is_ascii() && !c.is_whitespace() && !c.is_numeric() {
            let after = iter.peek().is_some_and(|&(_, d)| d.is_alphabetic());
            let glued = if common_punct(c) {
                prev_alpha && after
            } else {
                prev_alpha || after
            };
            if glued {
                s.bad += 1.0;
            }
        }
        prev_alpha = false;
    }
    s
}

/// Legacy byte encodings in tie-break order.
///
/// Windows-1258 first: when no reading is Vietnamese it is the one that
/// leaves Latin-1 text alone; then by how common the encodings were.
const BYTE_CANDIDATES: [Encoding; 5] = [
    Encoding::Cp1258,
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Viscii,
    Encoding::Vps,
];

fn confidence(best: Score, margin: f32) -> f32 {
    let sure = 1.0 - (-margin / 3.0).exp();
    (best.plausibility() * (0.5 + 0.5 * sure)).clamp(0.0, 1.0)
}

/// VIQR or Telex, if `text` (without Unicode Vietnamese letters) clearly
/// has their patterns.
fn ascii_transform(text: &str) -> Option<Detection> {
    let (_, v) = viqr::decode_with_stats(text);
    let (_, t) = telex::decode_with_stats(text);
    let ratio = |hits: usize, words: usize| {
        #[allow(clippy::cast_precision_loss)]
        let r = hits as f32 / words.max(1) as f32;
        r
    };
    let rv = ratio(v.hits, v.words);
    let rt = ratio(t.hits, t.words);
    let enough = |hits: usize, words: usize| hits >= 2 || (hits == 1 && words <= 3);
    if enough(v.hits, v.words) && rv >= 0.2 && rv >= rt {
        return Some(Detection {
            encoding: Encoding::Viqr,
            confidence: (0.5 + rv).min(1.0),
        });
    }
    if enough(t.hits, t.words) && rt >= 0.4 {
        return Some(Detection {
            encoding: Encoding::Telex,
            confidence: (0.3 + rt).min(1.0),
        });
    }
    None
}

/// Which encoding `bytes` most likely is.
///
/// Valid UTF-8 with Vietnamese letters is [`Encoding::Utf8`]. Pure ASCII is
/// `Utf8` (confidence 0.5: every byte encoding reads it the same) unless
/// VIQR marks (`Vie^.t`) or Telex keys (`Vieetj`) turn most words into
/// Vietnamese syllables. Otherwise each legacy byte encoding is decoded
/// and the most Vietnamese-looking reading wins. Empty input is `Utf8`
/// with confidence 0.
pub fn detect(bytes: &[u8]) -> Detection {
    if bytes.is_empty() {
        return Detection {
            encoding: Encoding::Utf8,
            confidence: 0.0,
        };
    }
    // a sequence cut off at the end (a prefix of a longer input) still
    // counts as UTF-8
    let utf8 = match std::str::from_utf8(bytes) {
        Ok(s) => Some(s),
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()]).ok(),
        Err(_) => None,
    };
    let mut utf8_score = None;
    if let Some(text) = utf8 {
        let s = score(text);
        if s.good > 0.0 && s.good >= 2.0 * s.bad {
            return Detection {
                encoding: Encoding::Utf8,
                confidence: confidence(s, s.good),
            };
        }
        if s.good == 0.0 {
            if let Some(d) = ascii_transform(text) {
                return d;
            }
        }
        let c0_letters = bytes
            .iter()
            .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c));
        if bytes.is_ascii() && !c0_letters {
            return Detection {
                encoding: Encoding::Utf8,
                confidence: 0.5,
            };
        }
        utf8_score = Some(s);
    }
    let mut best = (Encoding::Utf8, Score::default(), f32::NEG_INFINITY);
    let mut second = f32::NEG_INFINITY;
    let mut consider = |enc: Encoding, s: Score, bonus: f32| {
        let r = s.rank() + bonus;
        if r > best.2 {
            second = best.2;
            best = (enc, s, r);
        } else if r > second {
            second = r;
        }
    };
    if let Some(s) = utf8_score {
        consider(Encoding::Utf8, s, 0.5);
    }
    for enc in BYTE_CANDIDATES {
        consider(enc, score(&decode(bytes, enc)), 0.0);
    }
    let (encoding, s, r) = best;
    let margin = if second.is_finite() {
        r - second
    } else {
        r.max(0.0)
    };
    Detection {
        encoding,
        confidence: confidence(s, margin),
    }
}

#[cfg(test)]
mod tests {
    use super::super::encode;
    use super::*;

    const SAMPLES: &[&str] = &[
        "Giá lúa gạo tại Đồng bằng sông Cửu Long tăng mạnh trong tuần qua.",
        "Người nông dân Đắk Lắk phấn khởi vì cà phê được mùa, được giá.",
        "Hợp tác xã đã hỗ trợ thành viên tiêu thụ hơn 500 tấn rau quả.",
        "Thuỷ sản xuất khẩu sang thị trường Mỹ giảm so với cùng kỳ năm ngoái.",
    ];

    #[test]
    fn frequent_words_are_syllables() {
        for w in FREQUENT.split_whitespace() {
            assert!(letters::is_syllable(w), "{w}");
        }
    }

    #[test]
    fn detects_each_encoding_of_own_sentences() {
        for text in SAMPLES {
            for enc in Encoding::ALL {
                let bytes = encode(text, enc).unwrap();
                let d = detect(&bytes);
                assert_eq!(d.encoding, enc, "{enc}: {text}");
                assert!((0.0..=1.0).contains(&d.confidence));
            }
        }
    }

    #[test]
    fn truncated_utf8_prefix_is_utf8() {
        let text = SAMPLES.join(" ");
        let bytes = text.as_bytes();
        let mid_chars = text
            .char_indices()
            .filter(|(_, c)| c.len_utf8() > 1)
            .map(|(i, _)| i + 1)
            .skip(3)
            .take(3);
        for cut in mid_chars {
            assert!(!text.is_char_boundary(cut));
            let d = detect(&bytes[..cut]);
            assert_eq!(d.encoding, Encoding::Utf8, "cut at {cut}");
        }
    }

    #[test]
    fn ascii_defaults_to_utf8() {
        let english = "The price of pork rises as supply is short, says the ministry. \
                       It was the third increase this year for farmers in the north.";
        for text in ["", "hello", "Gia lua tang manh", english, "50.000 dong/kg?"] {
            let d = detect(text.as_bytes());
            assert_eq!(d.encoding, Encoding::Utf8, "{text}");
            assert!(d.confidence <= 0.5, "{text}");
        }
    }

    #[test]
    fn short_transform_inputs() {
        assert_eq!(detect(b"Co' mua\\? Kho^ng\\.").encoding, Encoding::Viqr);
        assert_eq!(detect(b"noong thoon mowis").encoding, Encoding::Telex);
        assert_eq!(detect(b"La.ng So+n").encoding, Encoding::Viqr);
    }

    #[test]
    fn c0_letters_are_not_ascii() {
        // VISCII keeps Ỷ Ỹ Ỵ in C0; VPS keeps Ạ Ậ … there
        let d = detect(b"M\x19 K\x14");
        assert_eq!(d.encoding, Encoding::Viscii, "{d:?}");
    }

    #[test]
    fn garbage_gets_low_confidence() {
        let bytes: Vec<u8> = (0x80..=0xFFu8).collect();
        let d = detect(&bytes);
        assert!(d.confidence < 0.5, "{d:?}");
    }
}
