//! Which encoding a byte string is in.
//!
//! Every candidate decoding is scored by how Vietnamese it looks: each word
//! with a non-ASCII letter counts for the candidate if it is a well-formed
//! syllable (more if it is a frequent one) and against it if it is not;
//! control codes, U+FFFD and stray symbols glued to letters count against
//! it. Valid UTF-8 that reads as Vietnamese wins outright. Pure ASCII is
//! UTF-8 unless VIQR marks or Telex keys are clearly present.

use std::collections::HashSet;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

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
    đề án kinh doanh tư nhân hợp tác xã thành viên trang trại rau quả trái cây thủy sản heo";

fn frequent() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| FREQUENT.split_whitespace().collect())
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
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || ('\u{80}'..='\u{9f}').contains(&c) || c == '\u{fffd}'
}

/// Score NFC `text` as Vietnamese.
fn score(text: &str) -> Score {
    let mut s = Score::default();
    let chars: Vec<char> = text.chars().collect();
    let freq = frequent();
    let mut word = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_word_char(c) {
            word.clear();
            while i < chars.len() && is_word_char(chars[i]) {
                word.push(chars[i]);
                i += 1;
            }
            if word.is_ascii() {
                continue;
            }
            if letters::is_syllable(&word) {
                let lower = word.to_lowercase();
                s.good += if freq.contains(lower.as_str()) { 1.5 } else { 1.0 };
            } else {
                s.bad += 1.0;
            }
            continue;
        }
        if is_junk_control(c) {
            s.bad += 1.0;
        } else if !c.is_ascii() && !c.is_whitespace() && !c.is_numeric() {
            let before = i > 0 && chars[i - 1].is_alphabetic();
            let after = i + 1 < chars.len() && chars[i + 1].is_alphabetic();
            let glued = if common_punct(c) { before && after } else { before || after };
            if glued {
                s.bad += 1.0;
            }
        }
        i += 1;
    }
    s
}

/// Legacy byte encodings in tie-break order.
const BYTE_CANDIDATES: [Encoding; 5] = [
    Encoding::Cp1258,
    Encoding::Vni,
    Encoding::Tcvn3,
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
    let utf8 = std::str::from_utf8(bytes).ok();
    let mut utf8_score = None;
    if let Some(text) = utf8 {
        let nfc: String = text.nfc().collect();
        let s = score(&nfc);
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
        if bytes.is_ascii() {
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
        let text: String = decode(bytes, enc).nfc().collect();
        consider(enc, score(&text), 0.0);
    }
    let (encoding, s, r) = best;
    let margin = if second.is_finite() { r - second } else { r.max(0.0) };
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
    fn garbage_gets_low_confidence() {
        let bytes: Vec<u8> = (0x80..=0xFFu8).collect();
        let d = detect(&bytes);
        assert!(d.confidence < 0.5, "{d:?}");
    }
}
