//! Repair of UTF-8 text that was decoded as Windows-1252 ("Viá»‡t").

use super::cp1252;

/// Whether `c` can come out of a plausible repair: Latin letters and
/// marks, Latin-1 and general punctuation, currency and letterlike
/// symbols, and the five C1 controls that stand for undefined cp1252
/// bytes (still-mojibake text on the way out of double mojibake). Anything else (Syriac, CJK …) means the "repair" was a
/// coincidence.
fn plausible(c: char) -> bool {
    matches!(
        u32::from(c),
        0x00..=0x7F
            | 0x81
            | 0x8D
            | 0x8F
            | 0x90
            | 0x9D
            | 0xA0..=0x24F
            | 0x300..=0x36F
            | 0x1E00..=0x1EFF
            | 0x2000..=0x206F
            | 0x20A0..=0x20CF
            | 0x2100..=0x214F
    )
}

/// Decode `bytes` as UTF-8 if that gives plausible text with a non-ASCII
/// char.
fn fix(bytes: &[u8]) -> Option<&str> {
    let s = std::str::from_utf8(bytes).ok()?;
    if s.is_ascii() || !s.chars().all(plausible) {
        return None;
    }
    Some(s)
}

/// Where each output char of a repair comes from: (byte offset in the
/// output, byte offset in the input) for every char written, when the
/// caller wants offsets.
type Map<'m> = Option<&'m mut Vec<(u32, u32)>>;

/// Appends `s`, which stands at byte `base` of the input, as it is.
fn push_same(s: &str, base: usize, out: &mut String, map: &mut Map<'_>) {
    if let Some(m) = map {
        m.extend(
            s.char_indices()
                .map(|(k, _)| ((out.len() + k) as u32, (base + k) as u32)),
        );
    }
    out.push_str(s);
}

/// Appends `decoded`, the UTF-8 read from the bytes of the chars of
/// `from` (at byte `base` of the input, one byte each): its char at byte
/// `b` comes from the `b`-th char of `from`.
fn push_decoded(decoded: &str, from: &str, base: usize, out: &mut String, map: &mut Map<'_>) {
    if let Some(m) = map {
        let starts: Vec<usize> = from.char_indices().map(|(k, _)| k).collect();
        m.extend(
            decoded
                .char_indices()
                .map(|(b, _)| ((out.len() + b) as u32, (base + starts[b]) as u32)),
        );
    }
    out.push_str(decoded);
}

/// Repair one run of cp1252-encodable chars (given as its bytes), which
/// starts at byte `base` of the input: the whole run if it is valid UTF-8,
/// else each whitespace-separated piece that is.
fn repair_run(run: &str, base: usize, bytes: &[u8], out: &mut String, map: &mut Map<'_>) -> bool {
    if let Some(s) = fix(bytes) {
        push_decoded(s, run, base, out, map);
        return s != run;
    }
    let mut changed = false;
    let mut buf = Vec::new();
    let mut at = base;
    for piece in run.split_inclusive(|c: char| c.is_ascii_whitespace()) {
        let word = piece.trim_end_matches(|c: char| c.is_ascii_whitespace());
        let tail = &piece[word.len()..];
        buf.clear();
        buf.extend(word.chars().filter_map(cp1252::char_to_byte));
        match fix(&buf) {
            Some(s) if s != word => {
                push_decoded(s, word, at, out, map);
                changed = true;
            }
            _ => push_same(word, at, out, map),
        }
        push_same(tail, at + word.len(), out, map);
        at += piece.len();
    }
    changed
}

/// One round of "UTF-8 read as Windows-1252" repair.
///
/// Every maximal run of chars that Windows-1252 can encode (the undefined
/// bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are accepted as U+0081 etc.) is
/// turned back into bytes; if they are valid UTF-8 the run is replaced by
/// the decoded text, otherwise each whitespace-separated word of the run
/// that is valid UTF-8 is. Returns the repaired text if anything changed
/// and the result has a non-ASCII char, else `None`. Call it again on the
/// result to undo double mojibake.
pub fn repair_mojibake_once(text: &str) -> Option<String> {
    repair_mojibake_mapped(text, None)
}

/// [`repair_mojibake_once`], recording in `map` where each char of the
/// result comes from (see [`Map`]).
pub(crate) fn repair_mojibake_mapped(text: &str, mut map: Map<'_>) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut run_start: Option<usize> = None;
    let mut bytes: Vec<u8> = Vec::new();
    let mut has_high = false;
    for (i, c) in text.char_indices() {
        match cp1252::char_to_byte(c) {
            Some(b) => {
                if run_start.is_none() {
                    run_start = Some(i);
                }
                has_high |= b >= 0x80;
                bytes.push(b);
            }
            None => {
                if let Some(s) = run_start.take() {
                    changed |= flush(&text[s..i], s, &bytes, has_high, &mut out, &mut map);
                }
                bytes.clear();
                has_high = false;
                push_same(&text[i..i + c.len_utf8()], i, &mut out, &mut map);
            }
        }
    }
    if let Some(s) = run_start {
        changed |= flush(&text[s..], s, &bytes, has_high, &mut out, &mut map);
    }
    (changed && !out.is_ascii() && out != text).then_some(out)
}

fn flush(run: &str, base: usize, bytes: &[u8], has_high: bool, out: &mut String, map: &mut Map<'_>) -> bool {
    if has_high {
        repair_run(run, base, bytes, out, map)
    } else {
        push_same(run, base, out, map);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mojibake(s: &str) -> String {
        s.bytes().map(cp1252::byte_to_char).collect()
    }

    #[test]
    fn repairs_own_examples() {
        let originals = [
            "Giá cà phê hôm nay",
            "Người nông dân Đồng Tháp",
            "Lúa gạo xuất khẩu tăng 5%",
            "Thừa Thiên – Huế “mùa vàng”",
            "Sản lượng ước đạt 1,2 triệu tấn",
            "Ề ờ Ở Ợ",
        ];
        for s in originals {
            let bad = mojibake(s);
            assert_eq!(repair_mojibake_once(&bad).as_deref(), Some(s), "{bad}");
            // twice mis-decoded needs two rounds
            let worse = mojibake(&bad);
            let once = repair_mojibake_once(&worse).unwrap();
            assert_eq!(once, bad);
            assert_eq!(repair_mojibake_once(&once).as_deref(), Some(s));
        }
    }

    #[test]
    fn repairs_mixed_text() {
        // only some words are mojibake; the rest is proper Unicode
        let text = format!("{} đồng, giá {} tăng", mojibake("Lợn"), mojibake("heo"));
        assert_eq!(
            repair_mojibake_once(&text).as_deref(),
            Some("Lợn đồng, giá heo tăng")
        );
        let text = format!("café {} Sơn", mojibake("Lạng"));
        assert_eq!(repair_mojibake_once(&text).as_deref(), Some("café Lạng Sơn"));
    }

    #[test]
    fn leaves_good_text_alone() {
        let good = [
            "Giá cà phê hôm nay",
            "plain ascii",
            "",
            "Ðắk Lắk",
            "ðồng",
            "café au lait",
            "Ý…",
            "Â",
        ];
        for s in good {
            assert_eq!(repair_mojibake_once(s), None, "{s}");
        }
    }
}
