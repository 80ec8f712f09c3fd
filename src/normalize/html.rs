//! HTML character references, decoded exactly once.

/// Named references news pages use: Latin-1, Vietnamese letters and common
/// punctuation. The first group may appear without the final `;` (HTML5
/// legacy references).
const LEGACY: &[(&str, char)] = &[
    ("nbsp", '\u{A0}'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("copy", '©'),
    ("reg", '®'),
    ("deg", '°'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("middot", '·'),
    ("plusmn", '±'),
    ("times", '×'),
    ("divide", '÷'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Atilde", 'Ã'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Otilde", 'Õ'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Yacute", 'Ý'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("yacute", 'ý'),
    ("ETH", 'Ð'),
    ("eth", 'ð'),
    ("Auml", 'Ä'),
    ("auml", 'ä'),
    ("Ouml", 'Ö'),
    ("ouml", 'ö'),
    ("Uuml", 'Ü'),
    ("uuml", 'ü'),
    ("szlig", 'ß'),
    ("ccedil", 'ç'),
    ("Ccedil", 'Ç'),
    ("ntilde", 'ñ'),
    ("Ntilde", 'Ñ'),
    ("euml", 'ë'),
    ("iuml", 'ï'),
    ("sect", '§'),
    ("para", '¶'),
    ("cent", '¢'),
    ("pound", '£'),
    ("yen", '¥'),
    ("shy", '\u{AD}'),
    ("micro", 'µ'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("acute", '´'),
];

/// References that need the final `;`.
const STRICT: &[(&str, char)] = &[
    ("apos", '\''),
    ("hellip", '…'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("sbquo", '‚'),
    ("bdquo", '„'),
    ("bull", '•'),
    ("euro", '€'),
    ("trade", '™'),
    ("prime", '′'),
    ("permil", '‰'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("minus", '−'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("Abreve", 'Ă'),
    ("abreve", 'ă'),
    ("Dstrok", 'Đ'),
    ("dstrok", 'đ'),
    ("Utilde", 'Ũ'),
    ("utilde", 'ũ'),
    ("Itilde", 'Ĩ'),
    ("itilde", 'ĩ'),
    ("alpha", 'α'),
    ("beta", 'β'),
    ("micro", 'µ'),
    ("dagger", '†'),
    ("loz", '◊'),
];

fn lookup(name: &str, with_semicolon: bool) -> Option<char> {
    let find = |t: &[(&str, char)]| t.iter().find(|(n, _)| *n == name).map(|&(_, c)| c);
    find(LEGACY).or_else(|| if with_semicolon { find(STRICT) } else { None })
}

/// HTML maps numeric references to C1 controls to Windows-1252 chars.
const C1_AS_CP1252: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2C6}',
    '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}', '\u{90}', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}',
    '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

/// Decode the reference starting at `s` (which begins with `&`): the char and
/// the number of bytes consumed.
fn reference(s: &str) -> Option<(char, usize)> {
    let body = &s[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 3),
            None => (num, 10, 2),
        };
        let len = digits
            .bytes()
            .take(8)
            .take_while(|b| (*b as char).is_digit(radix))
            .count();
        if len == 0 {
            return None;
        }
        let v = u32::from_str_radix(&digits[..len], radix).ok()?;
        let c = match v {
            0 => '\u{FFFD}',
            0x80..=0x9F => C1_AS_CP1252[(v - 0x80) as usize],
            _ => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        let semi = digits[len..].starts_with(';') as usize;
        return Some((c, skip + len + semi));
    }
    let len = body
        .bytes()
        .take(10)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &body[..len];
    if body[len..].starts_with(';') {
        lookup(name, true).map(|c| (c, len + 2))
    } else {
        // Legacy references: the longest prefix that is a known name.
        (2..=len)
            .rev()
            .find_map(|n| lookup(&name[..n], false).map(|c| (c, n + 1)))
    }
}

/// Decode references once; `entries` receives `(output byte, input byte)` for
/// each output char. `None` when there is nothing to decode.
pub(crate) fn decode(s: &str, entries: &mut Vec<(u32, u32)>) -> Option<String> {
    if !s.contains('&') {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    entries.clear();
    let mut i = 0;
    let mut changed = false;
    while let Some(c) = s[i..].chars().next() {
        if c == '&' {
            if let Some((d, n)) = reference(&s[i..]) {
                entries.push((out.len() as u32, i as u32));
                out.push(d);
                i += n;
                changed = true;
                continue;
            }
        }
        entries.push((out.len() as u32, i as u32));
        out.push(c);
        i += c.len_utf8();
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_numeric_and_legacy_references() {
        let mut e = Vec::new();
        let table = [
            ("n&ocirc;ng", "nông"),
            ("m&#7899;i", "mới"),
            ("m&#x1EDB;i", "mới"),
            ("A &amp; B", "A & B"),
            ("50&nbsp000", "50\u{A0}000"),
            ("&amp;amp;", "&amp;"),
        ];
        for (input, want) in table {
            assert_eq!(decode(input, &mut e).as_deref(), Some(want), "{input}");
        }
        assert_eq!(decode("a &unknown; b", &mut e), None);
    }
}
