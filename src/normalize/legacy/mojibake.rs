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

/// Repair one run of cp1252-encodable chars (given as its bytes): the whole
/// run if it is valid UTF-8, else each whitespace-separated piece that is.
fn repair_run(run: &str, bytes: &[u8], out: &mut String) -> bool {
    if let Some(s) = fix(bytes) {
        out.push_str(s);
        return s != run;
    }
    let mut changed = false;
    let mut pieces = run.split_inclusive(|c: char| c.is_ascii_whitespace());
    let mut buf = Vec::new();
    for piece in pieces.by_ref() {
        let word = piece.trim_end_matches(|c: char| c.is_ascii_whitespace());
        let tail = &piece[word.len()..];
        buf.clear();
        buf.extend(word.chars().filter_map(cp1252::char_to_byte));
        match fix(&buf) {
            Some(s) if s != word => {
                out.push_str(s);
                changed = true;
            }
            _ => out.push_str(word),
        }
        out.push_str(tail);
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
                    changed |= flush(&text[s..i], &bytes, has_high, &mut out);
                }
                bytes.clear();
                has_high = false;
                out.push(c);
            }
        }
    }
    if let Some(s) = run_start {
        changed |= flush(&text[s..], &bytes, has_high, &mut out);
    }
    (changed && !out.is_ascii() && out != text).then_some(out)
}

fn flush(run: &str, bytes: &[u8], has_high: bool, out: &mut String) -> bool {
    if has_high {
        repair_run(run, bytes, out)
    } else {
        out.push_str(run);
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
