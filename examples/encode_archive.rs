//! Write a JSON Lines archive in a legacy Vietnamese encoding, as old
//! archives hold it: to try `agrivn tag --encoding auto` (or
//! `InputEncoding::Auto`) on real text.
//!
//!     cargo run --release --example encode_archive -- vni < news.jsonl > news-vni.jsonl
//!
//! Each line's `id`, `title` and `text` are kept (other fields dropped);
//! chars the encoding cannot write (curly quotes in VISCII, say) are
//! dropped from the title and text first (in Telex, whole words it cannot
//! write). Byte encodings (vni, tcvn3,
//! viscii, vps, cp1258) encode the whole line; viqr and telex, which are
//! ASCII conventions, only the title and text. A second argument `plain` writes
//! the same lines in UTF-8 instead, to compare tags with.

use std::io::{BufRead, Write};

use agrivn::normalize::Encoding;
use agrivn::normalize::legacy::encode;

/// `text` without the chars `enc` cannot write, and (Telex) without the
/// words it cannot write, such as two syllables glued together.
fn representable(text: &str, enc: Encoding) -> String {
    let mut buf = [0u8; 4];
    let chars: String = text
        .chars()
        .filter(|c| encode(c.encode_utf8(&mut buf), enc).is_some())
        .collect();
    if encode(&chars, enc).is_some() {
        return chars;
    }
    chars
        .split_inclusive(char::is_whitespace)
        .filter(|piece| encode(piece, enc).is_some())
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let enc: Encoding = args
        .next()
        .ok_or("usage: encode_archive ENCODING [plain] < in.jsonl > out.jsonl")?
        .parse()?;
    let plain = args.next().is_some_and(|a| a == "plain");
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (n, line) in std::io::stdin().lock().lines().enumerate() {
        let line = line?;
        let article: serde_json::Value =
            serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let field = |k: &str| representable(article[k].as_str().unwrap_or(""), enc);
        let json = serde_json::json!({"id": article["id"], "title": field("title"), "text": field("text")})
            .to_string();
        let cannot = || format!("line {}: cannot be written in {enc}", n + 1);
        if plain {
            out.write_all(json.as_bytes())?;
        } else if matches!(enc, Encoding::Viqr | Encoding::Telex) {
            // ASCII conventions of the text, not of the JSON around it.
            let ascii = |k: &str| -> Result<String, String> {
                let bytes = encode(&field(k), enc).ok_or_else(cannot)?;
                String::from_utf8(bytes).map_err(|e| e.to_string())
            };
            let json =
                serde_json::json!({"id": article["id"], "title": ascii("title")?, "text": ascii("text")?});
            out.write_all(json.to_string().as_bytes())?;
        } else {
            out.write_all(&encode(&json, enc).ok_or_else(cannot)?)?;
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
