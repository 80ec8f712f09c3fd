//! Canonical composition of one base letter and its marks, with the
//! Vietnamese rules on top of NFC: a shape mark (circumflex, breve, horn)
//! typed after a tone mark is moved before it, and a mark repeated is kept
//! once.

use super::chars::{SHAPE_MARKS, ccc};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{compose, decompose_canonical};

/// Scratch space for one cluster: a base and its combining marks. The
/// buffers are reused from cluster to cluster.
#[derive(Default)]
pub(crate) struct Cluster {
    /// The first char, not yet decomposed: most clusters get no marks and
    /// are written back as they came.
    raw: Option<char>,
    base: Option<char>,
    marks: Vec<char>,
    rest: Vec<char>,
    /// The chars as they came, for clusters outside Vietnamese (marks other
    /// than U+0300..U+036F, or no Latin base), which get plain NFC.
    input: Vec<char>,
}

impl Cluster {
    pub(crate) fn clear(&mut self) {
        self.raw = None;
        self.base = None;
        self.marks.clear();
        self.input.clear();
    }

    /// Start a new cluster with `c`.
    pub(crate) fn start(&mut self, c: char) {
        self.clear();
        self.raw = Some(c);
    }

    /// Add a character (fully decomposed first).
    pub(crate) fn push(&mut self, c: char) {
        if let Some(r) = self.raw.take() {
            self.input.push(r);
            decompose_canonical(r, |d| self.push_decomposed(d));
        }
        self.input.push(c);
        decompose_canonical(c, |d| self.push_decomposed(d));
    }

    fn push_decomposed(&mut self, d: char) {
        if self.base.is_none() && self.marks.is_empty() && ccc(d) == 0 {
            self.base = Some(d);
        } else {
            self.marks.push(d);
        }
    }

    /// Write the composed cluster to `out`.
    pub(crate) fn write(&mut self, out: &mut String) {
        if let Some(r) = self.raw.take() {
            if super::chars::is_stable(r) {
                out.push(r);
                return;
            }
            self.input.push(r);
            decompose_canonical(r, |d| self.push_decomposed(d));
        }
        let vietnamese = self
            .base
            .is_some_and(|b| b.is_ascii_alphabetic() || super::chars::is_latin_letter(b))
            && self.marks.iter().all(|m| ('\u{300}'..='\u{36F}').contains(m));
        if !vietnamese {
            out.extend(self.input.iter().copied().nfc());
            return;
        }
        // Stable sort by combining class; among class-230 marks, Vietnamese
        // shape marks come before tone marks. Then a repeated mark is kept once.
        self.marks.sort_by_key(|&m| (ccc(m), !SHAPE_MARKS.contains(&m)));
        self.marks.dedup();
        let Some(mut cur) = self.base else {
            out.extend(self.marks.iter());
            return;
        };
        self.rest.clear();
        for &m in &self.marks {
            let blocked = self.rest.last().is_some_and(|&r| ccc(r) >= ccc(m));
            match (!blocked).then(|| compose(cur, m)).flatten() {
                Some(c) => cur = c,
                None => self.rest.push(m),
            }
        }
        out.push(cur);
        out.extend(self.rest.iter());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        let mut c = Cluster::default();
        let mut chars = s.chars();
        c.start(chars.next().unwrap());
        for ch in chars {
            c.push(ch);
        }
        let mut out = String::new();
        c.write(&mut out);
        out
    }

    #[test]
    fn composes_vietnamese_clusters() {
        let table = [
            ("e\u{302}\u{301}", "ế"),
            ("e\u{301}\u{302}", "ế"),
            ("a\u{301}\u{306}", "ắ"),
            ("o\u{31B}\u{323}", "ợ"),
            ("o\u{323}\u{31B}", "ợ"),
            ("ế\u{301}", "ế"),
            ("ă\u{300}", "ằ"),
            ("a\u{341}", "á"),
        ];
        for (input, want) in table {
            assert_eq!(run(input), want, "{input:?}");
        }
    }

    #[test]
    fn keeps_marks_that_do_not_compose() {
        assert_eq!(run("q\u{301}"), "q\u{301}");
    }
}
