//! JSON Lines records: an article object in, the same object with `agri`,
//! `agri_score` and `topics` added out. Every other field is kept as it was.

use serde_json::{Map, Value};

use super::Line;
use super::decode::{Decoded, InputEncoding, decode};
use crate::normalize::Encoding;
use crate::tag::{TagWorker, Tags};

/// Why a record was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecordErrorKind {
    /// The line is not valid UTF-8 (nor, when detecting, in a recognised
    /// legacy encoding).
    InvalidUtf8,
    /// The line is not a JSON object.
    InvalidJson,
    /// The object has no string text field.
    MissingText,
    /// The line is longer than the record limit.
    TooLarge,
    /// The line is empty.
    Empty,
}

/// A rejected record: its line and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// 1-based line number.
    pub line: u64,
    /// What is wrong.
    pub kind: RecordErrorKind,
    /// A message for the user.
    pub message: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for RecordError {}

/// A tagged record: the output line and the tags in it.
#[derive(Debug, Clone, PartialEq)]
pub struct TaggedLine {
    /// The input object with `agri`, `agri_score` and `topics` added, as one
    /// line of JSON (no line break).
    pub json: String,
    /// The tags that were added.
    pub tags: Tags,
    /// The encoding the record was read in: [`Encoding::Utf8`], or the
    /// legacy encoding it was decoded from (the output holds the decoded
    /// text, and the spans point into it).
    pub encoding: Encoding,
}

/// Names of the fields of a JSON Lines record that hold its id, title and
/// text. Archives name them otherwise (`url`, `headline`, `body`…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFields {
    /// The id (read by `agrivn tag --resume`, written for text files).
    pub id: String,
    /// The title (optional in a record).
    pub title: String,
    /// The text (required).
    pub text: String,
}

impl Default for RecordFields {
    fn default() -> Self {
        RecordFields {
            id: "id".into(),
            title: "title".into(),
            text: "text".into(),
        }
    }
}

/// How records are read: size limit, encoding, field names.
#[derive(Debug, Clone)]
pub(crate) struct Reading {
    pub limit: usize,
    pub how: InputEncoding,
    pub fields: RecordFields,
    /// Fields of the record left out of the output line.
    pub drop: Vec<String>,
}

fn reject(line: &Line, kind: RecordErrorKind, message: impl Into<String>) -> RecordError {
    RecordError {
        line: line.number,
        kind,
        message: message.into(),
    }
}

/// Tag one JSON Lines record, read as `reading` says.
pub(crate) fn tag_line(
    worker: &mut TagWorker,
    line: &Line,
    reading: &Reading,
) -> Result<TaggedLine, RecordError> {
    let (obj, encoding) = parse_line(line, reading)?;
    let tags = {
        // A string: `parse_line` checked it.
        let body = match obj.get(&reading.fields.text) {
            Some(Value::String(b)) => b.as_str(),
            _ => "",
        };
        let title = match obj.get(&reading.fields.title) {
            Some(Value::String(t)) => t.as_str(),
            _ => "",
        };
        worker.tag(title, body)
    };
    Ok(TaggedLine {
        json: write_tagged(obj, &tags, &reading.drop),
        tags,
        encoding,
    })
}

/// Read, decode and parse one JSON Lines record as `reading` says, and
/// check that it has a text: everything [`tag_line`] does but the tagging.
pub(crate) fn parse_line(
    line: &Line,
    reading: &Reading,
) -> Result<(Map<String, Value>, Encoding), RecordError> {
    let decoded = read(line, reading, "empty line")?;
    let text = decoded.text.as_ref();
    // Say how a decoded line was read, since its bytes are not what the
    // parser saw.
    let read_as = match decoded.encoding {
        Encoding::Utf8 => String::new(),
        enc => format!(" (read as {enc})"),
    };
    let obj: Map<String, Value> = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(m)) => m,
        Ok(_) => {
            return Err(reject(
                line,
                RecordErrorKind::InvalidJson,
                format!("not a JSON object{read_as}"),
            ));
        }
        Err(e) => {
            return Err(reject(
                line,
                RecordErrorKind::InvalidJson,
                format!("invalid JSON{read_as}: {e}"),
            ));
        }
    };
    if !matches!(obj.get(&reading.fields.text), Some(Value::String(_))) {
        return Err(reject(
            line,
            RecordErrorKind::MissingText,
            format!("no string field {:?}{read_as}", reading.fields.text),
        ));
    }
    Ok((obj, decoded.encoding))
}

/// Tag a plain-text article (`line` holds the whole text): its first line
/// is the title, the rest the text. The output object holds the id, title
/// and text (trimmed) besides the tags.
pub(crate) fn tag_plain_text(
    worker: &mut TagWorker,
    id: &str,
    line: &Line,
    reading: &Reading,
) -> Result<TaggedLine, RecordError> {
    let decoded = read(line, reading, "empty file")?;
    let whole = decoded.text.as_ref();
    // The first line break of any kind (a bare CR in old Mac files).
    let (title, body) = match whole.find(['\n', '\r']) {
        Some(i) => (&whole[..i], &whole[i + 1..]),
        None => (whole, ""),
    };
    let (title, body) = (title.trim(), body.trim());
    let tags = worker.tag(title, body);
    let mut obj = Map::new();
    let fields = &reading.fields;
    obj.insert(fields.id.clone(), Value::String(id.to_owned()));
    obj.insert(fields.title.clone(), Value::String(title.to_owned()));
    obj.insert(fields.text.clone(), Value::String(body.to_owned()));
    Ok(TaggedLine {
        json: write_tagged(obj, &tags, &reading.drop),
        tags,
        encoding: decoded.encoding,
    })
}

/// The text of a record within the size limit, decoded and not blank;
/// `empty` says what a blank one is.
fn read<'a>(line: &'a Line, reading: &Reading, empty: &str) -> Result<Decoded<'a>, RecordError> {
    let limit = reading.limit;
    if line.truncated || line.len > limit {
        return Err(reject(
            line,
            RecordErrorKind::TooLarge,
            format!("record of {} bytes exceeds the limit of {limit} bytes", line.len),
        ));
    }
    let decoded =
        decode(&line.bytes, reading.how).map_err(|m| reject(line, RecordErrorKind::InvalidUtf8, m))?;
    if decoded.text.trim().is_empty() {
        return Err(reject(line, RecordErrorKind::Empty, empty));
    }
    Ok(decoded)
}

fn write_tagged(mut obj: Map<String, Value>, tags: &Tags, drop: &[String]) -> String {
    for field in drop {
        obj.shift_remove(field);
    }
    obj.insert("agri".into(), Value::Bool(tags.agri));
    obj.insert("agri_score".into(), serde_json::json!(tags.agri_score));
    obj.insert(
        "topics".into(),
        serde_json::to_value(&tags.topics).unwrap_or(Value::Array(Vec::new())),
    );
    serde_json::to_string(&obj).unwrap_or_default()
}
