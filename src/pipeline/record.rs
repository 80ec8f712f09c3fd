//! JSON Lines records: an article object in, the same object with `agri`,
//! `agri_score` and `topics` added out. Every other field is kept as it was.

use serde_json::{Map, Value};

use super::Line;
use crate::tag::{TagWorker, Tags};

/// Why a record was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecordErrorKind {
    /// The line is not valid UTF-8.
    InvalidUtf8,
    /// The line is not a JSON object.
    InvalidJson,
    /// The object has no string `text` field.
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
}

fn reject(line: &Line, kind: RecordErrorKind, message: impl Into<String>) -> RecordError {
    RecordError {
        line: line.number,
        kind,
        message: message.into(),
    }
}

/// Tag one JSON Lines record.
pub(crate) fn tag_line(worker: &mut TagWorker, line: &Line, limit: usize) -> Result<TaggedLine, RecordError> {
    if line.truncated || line.len > limit {
        return Err(reject(
            line,
            RecordErrorKind::TooLarge,
            format!("record of {} bytes exceeds the limit of {limit} bytes", line.len),
        ));
    }
    let text = std::str::from_utf8(&line.bytes).map_err(|e| {
        reject(
            line,
            RecordErrorKind::InvalidUtf8,
            format!("invalid UTF-8 at byte {}", e.valid_up_to()),
        )
    })?;
    if text.trim().is_empty() {
        return Err(reject(line, RecordErrorKind::Empty, "empty line"));
    }
    let obj: Map<String, Value> = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(m)) => m,
        Ok(_) => return Err(reject(line, RecordErrorKind::InvalidJson, "not a JSON object")),
        Err(e) => {
            return Err(reject(
                line,
                RecordErrorKind::InvalidJson,
                format!("invalid JSON: {e}"),
            ));
        }
    };
    let tags = {
        let Some(Value::String(body)) = obj.get("text") else {
            return Err(reject(
                line,
                RecordErrorKind::MissingText,
                "no string field \"text\"",
            ));
        };
        let title = match obj.get("title") {
            Some(Value::String(t)) => t.as_str(),
            _ => "",
        };
        worker.tag(title, body)
    };
    Ok(TaggedLine {
        json: write_tagged(obj, &tags),
        tags,
    })
}

fn write_tagged(mut obj: Map<String, Value>, tags: &Tags) -> String {
    obj.insert("agri".into(), Value::Bool(tags.agri));
    obj.insert("agri_score".into(), serde_json::json!(tags.agri_score));
    obj.insert(
        "topics".into(),
        serde_json::to_value(&tags.topics).unwrap_or(Value::Array(Vec::new())),
    );
    serde_json::to_string(&obj).unwrap_or_default()
}
