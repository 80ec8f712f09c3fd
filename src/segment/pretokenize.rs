//! The pre-tokenizer: splits normalized text into syllables, numbers, dates,
//! units, abbreviations, URLs, e-mail addresses, hashtags and punctuation,
//! keeping together what belongs together ("60.000", "1/8/2014", "đồng/kg",
//! "NN&PTNT", "TP.HCM"). One pass, linear time.

use super::TokenKind;

/// A pre-token: a byte range of the normalized text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// A line break or punctuation lies between this piece and the previous
    /// syllable (words never span it).
    pub newline_before: bool,
}

/// `char::is_alphanumeric` with fast paths for ASCII and the Latin letters
/// Vietnamese uses.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF) {
        !matches!(c, '×' | '÷')
    } else {
        c.is_alphanumeric()
    }
}

/// Characters that join alphanumeric runs when they stand between two of them.
fn is_connector(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '-' | '/' | '&' | '\'' | '’' | '_' | ':' | '@' | '+'
    )
}

/// Split `text` (normalized: single spaces, `\n` line breaks) into pieces.
pub(crate) fn pretokenize(text: &str, out: &mut Vec<Piece>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut newline = true;
    let mut start = 0;
    while start <= bytes.len() {
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b' ' || b == b'\n')
            .map_or(bytes.len(), |p| start + p);
        let chunk = &text[start..end];
        if chunk.is_empty() {
            newline = true;
        } else {
            if is_plain_syllable(chunk) {
                out.push(Piece {
                    start,
                    end,
                    kind: TokenKind::Word,
                    newline_before: newline,
                });
            } else {
                split_chunk(chunk, start, newline, out);
                join_spaced_number(bytes, out);
            }
            newline = bytes.get(end) == Some(&b'\n');
        }
        start = end + 1;
    }
}

/// "10 . 000", "84 . 4": a number whose dot stands between single spaces,
/// as in text tokenized word by word, is one number, as "10.000" is. A
/// spaced comma is left alone: it more often separates a list ("cấp 1 , 2
/// , 3"). Looks at the last three pieces.
fn join_spaced_number(text: &[u8], out: &mut Vec<Piece>) {
    let n = out.len();
    if n < 3 {
        return;
    }
    let (a, p, b) = (out[n - 3], out[n - 2], out[n - 1]);
    let spaced = |x: &Piece, y: &Piece| x.end + 1 == y.start && text[x.end] == b' ';
    if a.kind == TokenKind::Number
        && b.kind == TokenKind::Number
        && p.end == p.start + 1
        && text[p.start] == b'.'
        && spaced(&a, &p)
        && spaced(&p, &b)
    {
        out.truncate(n - 2);
        out[n - 3].end = b.end;
    }
}

/// Whether `chunk` is letters only (the common case: one syllable), which
/// needs no further splitting.
#[inline]
fn is_plain_syllable(chunk: &str) -> bool {
    chunk.chars().all(|c| !c.is_ascii_digit() && is_alnum(c))
}

fn split_chunk(chunk: &str, base: usize, mut newline: bool, out: &mut Vec<Piece>) {
    let mut push = |s: usize, e: usize, kind: TokenKind, out: &mut Vec<Piece>| {
        out.push(Piece {
            start: base + s,
            end: base + e,
            kind,
            newline_before: newline,
        });
        newline = false;
    };
    let starts =
        |p: &str| chunk.len() >= p.len() && chunk.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if starts("http://") || starts("https://") || starts("www.") {
        let end = trim_trailing_punct(chunk);
        push(0, end, TokenKind::Url, out);
        if end < chunk.len() {
            punct_run(chunk, end, chunk.len(), &mut |s, e, k| push(s, e, k, out));
        }
        return;
    }
    let bytes = chunk.as_bytes();
    let mut i = 0;
    while i < chunk.len() {
        let c = chunk[i..].chars().next().unwrap_or(' ');
        if is_alnum(c) {
            let end = core_end(chunk, i);
            let mut end2 = end;
            // "TP." "H." "Th.": a dot that ends a short abbreviation.
            if bytes.get(end) == Some(&b'.') && end + 1 == chunk.len() && is_abbrev_with_dot(&chunk[i..end]) {
                end2 = end + 1;
            }
            let kind = classify(&chunk[i..end2]);
            push(i, end2, kind, out);
            i = end2;
        } else if c == '#' && chunk[i + 1..].chars().next().is_some_and(is_alnum) {
            let end = core_end(chunk, i + 1);
            push(i, end, TokenKind::Hashtag, out);
            i = end;
        } else {
            // A run of the same punctuation char ("...", "!!") is one token.
            let mut e = i + c.len_utf8();
            while chunk[e..].starts_with(c) {
                e += c.len_utf8();
            }
            // Marks stay on the char they belong to.
            while let Some(m) = chunk[e..]
                .chars()
                .next()
                .filter(|&m| unicode_normalization::char::is_combining_mark(m))
            {
                e += m.len_utf8();
            }
            let kind = if c.is_alphabetic() || c.is_numeric() {
                TokenKind::Word
            } else if c.is_ascii_punctuation() || is_unicode_punct(c) {
                TokenKind::Punct
            } else {
                e = emoji_sequence_end(chunk, e);
                TokenKind::Symbol
            };
            push(i, e, kind, out);
            i = e;
        }
    }
}

/// The end of an emoji sequence whose first char ends at `e`: variation
/// selectors, skin tones and tag characters stay on it, and a zero-width
/// joiner joins the char after it ("👨\u{200d}👩" is one symbol).
fn emoji_sequence_end(chunk: &str, mut e: usize) -> usize {
    while let Some(n) = chunk[e..].chars().next() {
        if matches!(n, '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}') {
            e += n.len_utf8();
        } else if n == '\u{200D}' {
            match chunk[e + n.len_utf8()..].chars().next() {
                Some(m) if !m.is_whitespace() => e += n.len_utf8() + m.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    e
}

fn punct_run(chunk: &str, from: usize, to: usize, push: &mut impl FnMut(usize, usize, TokenKind)) {
    let mut i = from;
    while i < to {
        let c = chunk[i..].chars().next().unwrap_or(' ');
        push(i, i + c.len_utf8(), TokenKind::Punct);
        i += c.len_utf8();
    }
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '‘' | '’' | '…' | '–' | '—' | '«' | '»' | '•' | '·' | '„' | '‚'
    )
}

fn trim_trailing_punct(s: &str) -> usize {
    s.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'', '»', '”', '’', ']'])
        .len()
}

/// End of the alphanumeric core starting at `i`: alphanumeric chars and
/// marks, joined by connectors that stand between two of them; a `%` right
/// after a digit is part of it. A comma between two letters, or a full
/// stop between a lower-case and an upper-case letter, joins nothing: it
/// is punctuation whose space was lost ("tăng.Thương lái", "tươi,nông
/// dân"), while "10.000", "1,5", "TP.HCM" and "vnexpress.net" stay whole.
fn core_end(s: &str, i: usize) -> usize {
    let mut end = i;
    let mut iter = s[i..].char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((k, c)) = iter.next() {
        if is_alnum(c) || unicode_normalization::char::is_combining_mark(c) {
            end = i + k + c.len_utf8();
            if is_alnum(c) {
                prev = Some(c);
            }
        } else if c == '%' && prev.is_some_and(|p| p.is_ascii_digit()) {
            end = i + k + 1;
            break;
        } else if let Some(&(_, next)) = iter.peek().filter(|&&(_, n)| is_connector(c) && is_alnum(n)) {
            let letter = |x: char| x.is_alphabetic();
            let lost_space = match c {
                ',' => prev.is_some_and(letter) && letter(next),
                '.' => prev.is_some_and(char::is_lowercase) && next.is_uppercase(),
                _ => false,
            };
            if lost_space {
                break;
            }
        } else {
            break;
        }
    }
    end
}

/// Title and place words written with a dot before a name or number
/// ("TP. Huế", "ĐT. 0123", "PGS. TS. Lê"), in any case.
const DOTTED: &[&str] = &[
    "tp", "tx", "tt", "th", "gs", "ts", "pgs", "ths", "bs", "ks", "cn", "nxb",
];

fn is_abbrev_with_dot(core: &str) -> bool {
    // One letter (an initial, "Nguyễn V. A.", or "Q. 1", "P. 5") or a word
    // of `DOTTED`. Any other abbreviation before a dot ends a sentence:
    // "…xây dựng NTM.", "…xuất khẩu sang Mỹ."
    (core.chars().count() == 1 && core.chars().all(char::is_alphabetic))
        || DOTTED.iter().any(|d| d.eq_ignore_ascii_case(core))
        || matches!(core, "ĐT" | "Đt" | "đt")
}

/// The kind of an alphanumeric core.
fn classify(core: &str) -> TokenKind {
    let mut digits = 0;
    let mut letters = 0;
    let mut upper = 0;
    let mut seps = 0;
    let mut slash = false;
    let mut dash = false;
    let mut dot = false;
    let mut amp = false;
    let mut at = false;
    for c in core.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if is_alnum(c) {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
        } else {
            seps += 1;
            match c {
                '/' => slash = true,
                '-' => dash = true,
                '.' => dot = true,
                '&' => amp = true,
                '@' => at = true,
                _ => {}
            }
        }
    }
    if at && letters > 0 && dot {
        return TokenKind::Email;
    }
    if core.ends_with('%') && letters == 0 {
        return TokenKind::Percent;
    }
    if letters == 0 && digits > 0 {
        if (slash || dash) && !dot && is_date(core) {
            return TokenKind::Date;
        }
        return TokenKind::Number;
    }
    if seps == 0 {
        return TokenKind::Word;
    }
    if dot && !core.ends_with('.') && letters > 3 && is_domain(core) {
        return TokenKind::Url;
    }
    if slash && letters > 0 {
        return TokenKind::Unit;
    }
    if amp || (upper == letters && letters > 1) || core.ends_with('.') {
        return TokenKind::Abbreviation;
    }
    let _ = dash;
    TokenKind::Word
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split(['/', '-']).collect();
    let ok = |p: &str, max: u32| p.len() <= 2 && p.parse::<u32>().is_ok_and(|v| (1..=max).contains(&v));
    match parts.as_slice() {
        [d, m] => ok(d, 31) && ok(m, 12),
        [d, m, y] => ok(d, 31) && ok(m, 12) && (y.len() == 4 || y.len() == 2),
        _ => false,
    }
}

fn is_domain(s: &str) -> bool {
    let tld = s.rsplit('.').next().unwrap_or("");
    matches!(
        tld,
        "vn" | "com" | "net" | "org" | "gov" | "edu" | "info" | "io" | "biz"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(&str, TokenKind)> {
        let mut v = Vec::new();
        pretokenize(s, &mut v);
        v.iter().map(|p| (&s[p.start..p.end], p.kind)).collect()
    }

    #[test]
    fn keeps_numbers_dates_units_together() {
        use TokenKind::*;
        assert_eq!(
            kinds("Giá 60.000 đồng/kg, ngày 1/8/2014 tăng 3,5%."),
            vec![
                ("Giá", Word),
                ("60.000", Number),
                ("đồng/kg", Unit),
                (",", Punct),
                ("ngày", Word),
                ("1/8/2014", Date),
                ("tăng", Word),
                ("3,5%", Percent),
                (".", Punct)
            ]
        );
        assert_eq!(
            kinds("Bộ NN&PTNT tại TP.HCM, xem https://x.vn/a."),
            vec![
                ("Bộ", Word),
                ("NN&PTNT", Abbreviation),
                ("tại", Word),
                ("TP.HCM", Abbreviation),
                (",", Punct),
                ("xem", Word),
                ("https://x.vn/a", Url),
                (".", Punct)
            ]
        );
        assert_eq!(
            kinds("#nongsan a@b.vn"),
            vec![("#nongsan", Hashtag), ("a@b.vn", Email)]
        );
    }

    #[test]
    fn punctuation_that_lost_its_space_still_parts_words() {
        use TokenKind::*;
        assert_eq!(
            kinds("giá tăng.Thương lái mua lúa tươi,nông dân"),
            vec![
                ("giá", Word),
                ("tăng", Word),
                (".", Punct),
                ("Thương", Word),
                ("lái", Word),
                ("mua", Word),
                ("lúa", Word),
                ("tươi", Word),
                (",", Punct),
                ("nông", Word),
                ("dân", Word)
            ]
        );
        // Where the dot or comma belongs to the word, it stays.
        assert_eq!(
            kinds("1,5 tấn TP.HCM vnexpress.net Q.1"),
            vec![
                ("1,5", Number),
                ("tấn", Word),
                ("TP.HCM", Abbreviation),
                ("vnexpress.net", Url),
                ("Q.1", Word)
            ]
        );
    }

    #[test]
    fn a_number_written_with_spaces_around_its_dot_is_one_number() {
        use TokenKind::*;
        assert_eq!(
            kinds("đạt 10 . 000 . 000 tấn , tăng 84 . 4 %"),
            vec![
                ("đạt", Word),
                ("10 . 000 . 000", Number),
                ("tấn", Word),
                (",", Punct),
                ("tăng", Word),
                ("84 . 4", Number),
                ("%", Punct)
            ]
        );
        // A list, and a sentence that ends on a number, stay apart.
        assert_eq!(
            kinds("cấp 1 , 2 năm 2020 .\n2021"),
            vec![
                ("cấp", Word),
                ("1", Number),
                (",", Punct),
                ("2", Number),
                ("năm", Word),
                ("2020", Number),
                (".", Punct),
                ("2021", Number)
            ]
        );
    }

    #[test]
    fn a_word_in_capitals_before_a_full_stop_ends_the_sentence() {
        use TokenKind::*;
        // Written in capitals, "MỚI." is a word and a full stop; "TP." and
        // "ĐT." stay abbreviations.
        assert_eq!(
            kinds("GIÁ LÚA MỚI. NÔNG DÂN"),
            vec![
                ("GIÁ", Word),
                ("LÚA", Word),
                ("MỚI", Word),
                (".", Punct),
                ("NÔNG", Word),
                ("DÂN", Word)
            ]
        );
        assert_eq!(kinds("TP. Huế")[0], ("TP.", Abbreviation));
        assert_eq!(kinds("ĐT. 0123")[0], ("ĐT.", Abbreviation));
        // An abbreviation at the end of a sentence keeps its full stop
        // apart, as a word does.
        assert_eq!(
            kinds("xây dựng NTM. Năm nay"),
            vec![
                ("xây", Word),
                ("dựng", Word),
                ("NTM", Word),
                (".", Punct),
                ("Năm", Word),
                ("nay", Word)
            ]
        );
        assert_eq!(kinds("sang Mỹ. Giá")[1..3], [("Mỹ", Word), (".", Punct)]);
        assert_eq!(
            kinds("PGS. TS. Lê")[..2],
            [("PGS.", Abbreviation), ("TS.", Abbreviation)]
        );
    }
}
