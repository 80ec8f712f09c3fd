//! VIQR, Vietnamese Quoted-Readable (RFC 1456): ASCII mnemonics written
//! after the vowel they belong to.
//!
//! Shape marks: `(` breve (a( = ă), `^` circumflex (a^ e^ o^), `+` horn
//! (o+ u+); tone marks: `'` sắc, `` ` `` huyền, `?` hỏi, `~` ngã, `.` nặng.
//! `dd`/`DD` at the start of a word, and `DD` anywhere (abbreviations such
//! as `HDDQT` = HĐQT), is đ/Đ. A backslash before a mark char
//! stands for the literal char and is consumed (`Kho^ng\.` = "Không.").
//!
//! A mark char is read as a mark only when it follows a letter that can
//! carry it (RFC 1456: it must combine with the previous letter into a
//! Vietnamese letter), so `A+`, `50.000` or `g?` keep their punctuation.
//! Marks at the very end of a word are kept as punctuation when applying
//! them would not give a well-formed syllable and the word has no other
//! marks (`mua?` and `Hello?` stay, `thuy?` is thuỷ, `o^to^` is ôtô).

use super::letters::{self, Tone};

/// Word counts gathered while decoding (for detection).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Stats {
    /// ASCII words seen.
    pub(super) words: usize,
    /// Words that took marks and form a valid syllable.
    pub(super) hits: usize,
}

fn is_mark(c: char) -> bool {
    matches!(c, '(' | '^' | '+' | '\'' | '`' | '?' | '~' | '.')
}

/// A token that is an e-mail or web address.
fn is_address(token: &[char]) -> bool {
    let has = |pattern: &str| {
        let p: Vec<char> = pattern.chars().collect();
        token
            .windows(p.len())
            .any(|w| w.iter().zip(&p).all(|(a, b)| a.eq_ignore_ascii_case(b)))
    };
    token.contains(&'@') || has("://") || has("www.")
}

/// An English contraction such as `it's`, `don't`, `we're`, `I'll`.
fn is_contraction(word: &[char]) -> bool {
    let Some(q) = word.iter().rposition(|&c| c == '\'') else {
        return false;
    };
    let tail: String = word[q + 1..].iter().map(|c| c.to_ascii_lowercase()).collect();
    matches!(tail.as_str(), "s" | "t" | "m" | "d" | "re" | "ll" | "ve")
}

fn tone_of(c: char) -> Option<Tone> {
    match c {
        '\'' => Some(Tone::Acute),
        '`' => Some(Tone::Grave),
        '?' => Some(Tone::Hook),
        '~' => Some(Tone::Tilde),
        '.' => Some(Tone::Dot),
        _ => None,
    }
}

/// One letter of a word with the marks attached to it.
#[derive(Clone, Copy)]
struct Unit {
    letter: char,
    upper: bool,
    group: Option<u8>,
    tone: Tone,
    marks: usize,
}

impl Unit {
    fn new(c: char) -> Self {
        let v = letters::vowel(c);
        Unit {
            letter: c.to_ascii_lowercase(),
            upper: c.is_ascii_uppercase(),
            group: v.map(|v| v.group),
            tone: Tone::None,
            marks: 0,
        }
    }

    /// Attach mark char `m` if this letter can carry it.
    fn apply(&mut self, m: char) -> bool {
        let Some(g) = self.group else {
            return false;
        };
        let shaped = match (m, g) {
            ('(', letters::G_A) => Some(letters::G_A_BREVE),
            ('^', letters::G_A) => Some(letters::G_A_CIRC),
            ('^', letters::G_E) => Some(letters::G_E_CIRC),
            ('^', letters::G_O) => Some(letters::G_O_CIRC),
            ('+', letters::G_O) => Some(letters::G_O_HORN),
            ('+', letters::G_U) => Some(letters::G_U_HORN),
            _ => None,
        };
        if let Some(s) = shaped {
            if self.tone != Tone::None {
                return false;
            }
            self.group = Some(s);
            self.marks += 1;
            return true;
        }
        match tone_of(m) {
            Some(t) if self.tone == Tone::None => {
                self.tone = t;
                self.marks += 1;
                true
            }
            _ => false,
        }
    }

    fn push_to(&self, out: &mut String, with_marks: bool) {
        match self.group {
            Some(g) if with_marks => out.push(letters::vowel_char(g, self.tone, self.upper)),
            _ if self.letter == 'đ' => out.push(if self.upper { 'Đ' } else { 'đ' }),
            _ if self.upper => out.push(self.letter.to_ascii_uppercase()),
            _ => out.push(self.letter),
        }
    }
}

/// Decode VIQR text.
pub(super) fn decode(text: &str) -> String {
    decode_with_stats(text).0
}

/// Decode VIQR text and count the words that were converted.
pub(super) fn decode_with_stats(text: &str) -> (String, Stats) {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut out = String::with_capacity(text.len());
    let mut stats = Stats::default();
    let mut units: Vec<Unit> = Vec::new();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        // An address (e-mail, URL) is not VIQR: "example.com", "?b=c".
        if i == 0 || chars[i - 1].is_whitespace() {
            let end = chars[i..]
                .iter()
                .position(|c| c.is_whitespace())
                .map_or(n, |k| i + k);
            if is_address(&chars[i..end]) {
                // Written as it is, but for the escapes of mark chars that
                // follow a letter ("nhandan\\.vn"), which are VIQR's.
                let mut k = i;
                while k < end {
                    if chars[k] == '\\' && k + 1 < end && is_mark(chars[k + 1]) {
                        k += 1;
                    }
                    out.push(chars[k]);
                    k += 1;
                }
                i = end;
                continue;
            }
        }
        if c == '\\' && i + 1 < n && is_mark(chars[i + 1]) {
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        let at_boundary = i == 0 || !chars[i - 1].is_alphabetic();
        if !c.is_ascii_alphabetic() || !at_boundary {
            out.push(c);
            i += 1;
            continue;
        }
        // a word: letters, each followed by the marks it can carry
        let start = i;
        units.clear();
        while i < n && chars[i].is_ascii_alphabetic() {
            if letters::starts_dd(&chars, i, units.is_empty()) {
                units.push(Unit {
                    letter: 'đ',
                    upper: chars[i] == 'D',
                    group: None,
                    tone: Tone::None,
                    marks: 1,
                });
                i += 2;
                continue;
            }
            let mut u = Unit::new(chars[i]);
            i += 1;
            while i < n && is_mark(chars[i]) && u.apply(chars[i]) {
                i += 1;
            }
            units.push(u);
        }
        stats.words += 1;
        let marked = units.iter().any(|u| u.marks > 0);
        if !marked {
            out.extend(&chars[start..i]);
            continue;
        }
        let mut word = String::with_capacity(3 * units.len());
        for u in &units {
            u.push_to(&mut word, true);
        }
        if letters::is_syllable(&word) {
            stats.hits += 1;
            out.push_str(&word);
            continue;
        }
        // trailing marks that do not make a syllable are punctuation,
        // unless the word has marks elsewhere too (o^to^ = ôtô)
        let last = units.last().copied();
        let marked_before = units.iter().rev().skip(1).any(|u| u.marks > 0);
        match last {
            Some(l) if l.marks > 0 && l.letter != 'đ' && !marked_before => {
                word.clear();
                let keep = units.len() - 1;
                for u in &units[..keep] {
                    u.push_to(&mut word, true);
                }
                l.push_to(&mut word, false);
                out.push_str(&word);
                out.extend(&chars[i - l.marks..i]);
            }
            _ if is_contraction(&chars[start..i]) => out.extend(&chars[start..i]),
            _ => out.push_str(&word),
        }
    }
    (out, stats)
}

fn shape_mnemonic(group: u8) -> Option<char> {
    match letters::GROUP_SHAPE[usize::from(group)] {
        letters::Shape::None => None,
        letters::Shape::Breve => Some('('),
        letters::Shape::Circumflex => Some('^'),
        letters::Shape::Horn => Some('+'),
    }
}

fn tone_mnemonic(tone: Tone) -> Option<char> {
    match tone {
        Tone::None => None,
        Tone::Acute => Some('\''),
        Tone::Grave => Some('`'),
        Tone::Hook => Some('?'),
        Tone::Tilde => Some('~'),
        Tone::Dot => Some('.'),
    }
}

/// Encode NFC `text` as VIQR; `None` if it has a non-ASCII char that is
/// not a Vietnamese letter. A mark char that follows a letter is escaped.
pub(super) fn encode(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + text.len() / 3);
    let mut prev_letter = false;
    let mut iter = text.chars().peekable();
    while let Some(c) = iter.next() {
        if c.is_ascii() {
            if is_mark(c) && prev_letter {
                out.push('\\');
            }
            if c == '\\' && iter.peek().is_some_and(|&n| is_mark(n)) {
                out.push('\\');
            }
            out.push(c);
            prev_letter = c.is_ascii_alphabetic();
            continue;
        }
        match c {
            'đ' => out.push_str("dd"),
            'Đ' => out.push_str("DD"),
            _ => {
                let v = letters::vowel(c)?;
                let base = char::from(letters::GROUP_ASCII[usize::from(v.group)]);
                out.push(if v.upper { base.to_ascii_uppercase() } else { base });
                out.extend(shape_mnemonic(v.group));
                out.extend(tone_mnemonic(v.tone));
            }
        }
        prev_letter = true;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn leaves_addresses_alone() {
        assert_eq!(
            decode("Lie^n he^. user@example.com, http://x.vn/a?b=c hoa(.c www.mard.gov.vn"),
            "Liên hệ user@example.com, http://x.vn/a?b=c hoặc www.mard.gov.vn"
        );
        // What the encoder writes for an address comes back as it was.
        for address in [
            "nhandandientu@nhandan.vn",
            "https://www.facebook.com/Hateco.Fulfillment?x=1",
        ] {
            let written = encode(&format!("Liên hệ: {address}")).unwrap();
            assert_eq!(decode(&written), format!("Liên hệ: {address}"), "{written}");
        }
    }

    #[test]
    fn decodes_own_examples() {
        let cases = [
            ("Vie^.t Nam", "Việt Nam"),
            ("DDa('k La('k", "Đắk Lắk"),
            ("ca` phe^ ta(ng gia'", "cà phê tăng giá"),
            ("ngu+o+`i no^ng da^n", "người nông dân"),
            ("Ba'n 50.000 ddo^`ng\\.", "Bán 50.000 đồng."),
            ("Ba.n o+? dda^u\\?", "Bạn ở đâu?"),
            ("Sao the^'?", "Sao thế?"),
            ("Hoa.?", "Hoạ?"),
            ("A+ B+ 1+1", "A+ B+ 1+1"),
            ("the^' a..", "thế ạ."),
            ("mua? ho^m nay", "mua? hôm nay"),
            ("thu? ddo^ HA` NO^.I", "thủ đô HÀ NỘI"),
            ("Hello? It's me, we're here.", "Hello? It's me, we're here."),
            ("a\\(b\\^c", "a(b^c"),
            ("\\", "\\"),
            ("o+", "ơ"),
            (
                "HDDQT (DDHDDCDD) GDDDT o^to^ 20trie^.u",
                "HĐQT (ĐHĐCĐ) GDĐT ôtô 20triệu",
            ),
            ("Dda(k ddi", "Đăk đi"),
            ("x^'", "x^'"),
        ];
        for (input, want) in cases {
            let got: String = decode(input).nfc().collect();
            assert_eq!(got, want, "{input}");
        }
    }

    #[test]
    fn encode_escapes_marks_after_letters() {
        let cases = [
            ("Không.", "Kho^ng\\."),
            ("Có mua?", "Co' mua\\?"),
            ("50.000 đồng", "50.000 ddo^`ng"),
            ("(Hà Nội)", "(Ha` No^.i)"),
            ("a\\.", "a\\\\."),
        ];
        for (input, want) in cases {
            assert_eq!(encode(input).as_deref(), Some(want), "{input}");
            let back: String = decode(want).nfc().collect();
            assert_eq!(back, input, "{want}");
        }
        assert_eq!(encode("“x”"), None);
    }

    #[test]
    fn counts_converted_words() {
        let (_, s) = decode_with_stats("Vie^.t Nam xua^'t kha^?u ga.o");
        assert_eq!((s.words, s.hits), (5, 4));
        let (_, s) = decode_with_stats("It's e.g. fine? Yes.");
        assert_eq!(s.hits, 0);
    }
}
