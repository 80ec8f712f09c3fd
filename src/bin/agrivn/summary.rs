//! The summary of `agrivn tag`: counts kept while records are recorded,
//! written on stderr at the end, and on request as Hadoop Streaming
//! counters or as a JSON file.

use std::collections::BTreeMap;
use std::path::Path;

use agrivn::normalize::Encoding;
use agrivn::pipeline::{RecordErrorKind, TaggedLine};
use anyhow::{Context, Result};

#[derive(Default)]
pub struct Summary {
    pub read: u64,
    pub tagged: u64,
    pub rejected: u64,
    pub agri: u64,
    /// Bytes of the records read, line breaks included.
    pub bytes: u64,
    /// Tagged records written (the others were left out by a filter).
    pub written: u64,
    per_topic: BTreeMap<String, u64>,
    /// Lines decoded from each legacy encoding.
    decoded: BTreeMap<&'static str, u64>,
    /// Records rejected, per reason.
    rejected_by: BTreeMap<&'static str, u64>,
}

/// What the summary suggests when records were rejected.
pub struct Hints<'a> {
    /// Lines that are not UTF-8 are rejected (no `--encoding`).
    pub strict_utf8: bool,
    /// The text field records are read for.
    pub text_field: &'a str,
}

impl Summary {
    /// A record of `len` bytes tagged, and written unless a filter left it
    /// out.
    pub fn tagged(&mut self, len: usize, tagged: &TaggedLine, written: bool) {
        self.read += 1;
        self.bytes += len as u64 + 1;
        self.tagged += 1;
        self.written += u64::from(written);
        if tagged.encoding != Encoding::Utf8 {
            *self.decoded.entry(tagged.encoding.name()).or_default() += 1;
        }
        self.agri += u64::from(tagged.tags.agri);
        for t in &tagged.tags.topics {
            match self.per_topic.get_mut(&t.id) {
                Some(n) => *n += 1,
                None => {
                    self.per_topic.insert(t.id.clone(), 1);
                }
            }
        }
    }

    /// A record of `len` bytes rejected for `kind`.
    pub fn rejected(&mut self, len: usize, kind: RecordErrorKind) {
        self.read += 1;
        self.bytes += len as u64 + 1;
        self.rejected += 1;
        *self.rejected_by.entry(reason(kind)).or_default() += 1;
    }

    fn rejected_for(&self, kind: RecordErrorKind) -> u64 {
        self.rejected_by.get(reason(kind)).copied().unwrap_or(0)
    }

    /// The summary on stderr; `filter` names the option that left tagged
    /// records out, if any.
    pub fn print(&self, secs: f64, filter: Option<&str>, hints: &Hints) {
        eprintln!(
            "agrivn tag: read {} tagged {} rejected {} agricultural {} ({:.1} MB in {:.2} s, {:.1} MB/s)",
            self.read,
            self.tagged,
            self.rejected,
            self.agri,
            self.bytes as f64 / 1e6,
            secs,
            self.bytes as f64 / 1e6 / secs.max(1e-9)
        );
        if let Some(option) = filter {
            eprintln!(
                "agrivn tag: written {} ({} tagged articles left out by {option})",
                self.written,
                self.tagged - self.written,
            );
        }
        if !self.decoded.is_empty() {
            eprintln!(
                "agrivn tag: decoded from legacy encodings: {}",
                list(&self.decoded)
            );
        }
        let unreadable = self.rejected_for(RecordErrorKind::InvalidUtf8);
        if unreadable > 0 && hints.strict_utf8 {
            eprintln!(
                "agrivn tag: {unreadable} rejected as not UTF-8; --encoding auto reads VNI, TCVN3, VISCII, VPS and Windows-1258"
            );
        }
        let without_text = self.rejected_for(RecordErrorKind::MissingText);
        if without_text > 0 {
            eprintln!(
                "agrivn tag: {without_text} rejected without a string field {:?}; --text-field (and --title-field, --id-field) name the fields of other archives",
                hints.text_field
            );
        }
        if !self.per_topic.is_empty() {
            eprintln!("agrivn tag: topics: {}", list(&self.per_topic));
        }
    }

    /// The summary in the Hadoop Streaming protocol: one stderr line per
    /// counter, in the groups "agrivn" and "agrivn topics".
    pub fn hadoop_counters(&self, filtered: bool) {
        let mut counters = vec![
            ("read", self.read),
            ("tagged", self.tagged),
            ("rejected", self.rejected),
            ("agricultural", self.agri),
            ("bytes", self.bytes),
        ];
        if filtered {
            counters.push(("written", self.written));
        }
        for (name, n) in counters {
            eprintln!("reporter:counter:agrivn,{name},{n}");
        }
        for (topic, n) in &self.per_topic {
            eprintln!("reporter:counter:agrivn topics,{topic},{n}");
        }
    }

    /// The summary as one JSON object in the file `path`.
    pub fn write_json(&self, path: &Path, secs: f64, skipped: u64) -> Result<()> {
        let json = serde_json::json!({
            "read": self.read,
            "tagged": self.tagged,
            "rejected": self.rejected,
            "rejected_by_reason": self.rejected_by,
            "agricultural": self.agri,
            "written": self.written,
            "skipped_by_resume": skipped,
            "topics": self.per_topic,
            "decoded": self.decoded,
            "bytes": self.bytes,
            "seconds": secs,
        });
        std::fs::write(path, format!("{json}\n")).with_context(|| format!("cannot write {}", path.display()))
    }
}

/// The name of a rejection reason in the JSON summary.
fn reason(kind: RecordErrorKind) -> &'static str {
    match kind {
        RecordErrorKind::InvalidUtf8 => "invalid_utf8",
        RecordErrorKind::InvalidJson => "invalid_json",
        RecordErrorKind::MissingText => "missing_text",
        RecordErrorKind::TooLarge => "too_large",
        RecordErrorKind::Empty => "empty",
        _ => "other",
    }
}

fn list<K: std::fmt::Display>(counts: &BTreeMap<K, u64>) -> String {
    let items: Vec<String> = counts.iter().map(|(k, v)| format!("{k} {v}")).collect();
    items.join(", ")
}
