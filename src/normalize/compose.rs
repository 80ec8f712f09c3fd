//! Canonical composition of one base letter and its marks, with the
//! Vietnamese rules on top of NFC: a shape mark (circumflex, breve, horn)
//! typed after a tone mark is moved before it, and a mark repeated is kept
//! once.

use super::chars::{SHAPE_MARKS, ccc};
use unicode_normalization::char::{compose, decompose_canonical};

/// Marks of one cluster; clusters longer than this keep their extra marks
/// uncomposed, in input order (pathological input only).
const MAX_MARKS: usize = 16;

/// Scratch space for one cluster: a base and its combining marks.
#[derive(Default)]
pub(crate) struct Cluster {
    /// The first char, not yet decomposed: most clusters get no marks and
    /// are written back as they came.
    raw: Option<char>,
    base: Option<char>,
    marks: [char; MAX_MARKS],
    n: usize,
    overflow: String,
}

impl Cluster {
    pub(crate) fn clear(&mut self) {
        self.raw = None;
        self.base = None;
        self.n = 0;
        self.overflow.clear();
    }

    /// Start a new cluster with `c`.
    pub(crate) fn start(&mut self, c: char) {
        self.clear();
        self.raw = Some(c);
    }

    /// Add a character (fully decomposed first).
    pub(crate) fn push(&mut self, c: char) {
        if let Some(r) = self.raw.take() {
            decompose_canonical(r, |d| self.push_decomposed(d));
        }
        decompose_canonical(c, |d| self.push_decomposed(d));
    }

    fn push_decomposed(&mut self, d: char) {
        if self.base.is_none() && self.n == 0 && ccc(d) == 0 {
            self.base = Some(d);
        } else if self.n < MAX_MARKS {
            self.marks[self.n] = d;
            self.n += 1;
        } else {
            self.overflow.push(d);
        }
    }

    /// Write the composed cluster to `out`.
    pub(crate) fn write(&mut self, out: &mut String) {
        if let Some(r) = self.raw.take() {
            if super::chars::is_stable(r) {
                out.push(r);
                return;
            }
            decompose_canonical(r, |d| self.push_decomposed(d));
        }
        let marks = &mut self.marks[..self.n];
        // Stable sort by combining class; among class-230 marks, Vietnamese
        // shape marks come before tone marks.
        marks.sort_by_key(|&m| (ccc(m), !SHAPE_MARKS.contains(&m)));
        // Collapse identical repeated marks.
        let mut n = 0;
        for i in 0..marks.len() {
            if n == 0 || marks[n - 1] != marks[i] {
                marks[n] = marks[i];
                n += 1;
            }
        }
        let marks = &marks[..n];
        let Some(mut cur) = self.base else {
            out.extend(marks.iter());
            out.push_str(&self.overflow);
            return;
        };
        let mut rest = [char::default(); MAX_MARKS];
        let mut r = 0;
        for &m in marks {
            let blocked = r > 0 && ccc(rest[r - 1]) >= ccc(m);
            match (!blocked).then(|| compose(cur, m)).flatten() {
                Some(c) => cur = c,
                None => {
                    rest[r] = m;
                    r += 1;
                }
            }
        }
        out.push(cur);
        out.extend(rest[..r].iter());
        out.push_str(&self.overflow);
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
