//! A line reader with a size limit: a line longer than the limit is skipped
//! to its end without being buffered, so one huge line cannot exhaust memory.

use std::io::BufRead;

/// One input line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number.
    pub number: u64,
    /// The record: the line's bytes without its line break (LF or CRLF)
    /// and, on the first line, without a UTF-8 byte-order mark; empty when
    /// `truncated`.
    pub bytes: Vec<u8>,
    /// The record was longer than the limit; `len` gives its length.
    pub truncated: bool,
    /// Length of the record in bytes (of `bytes`, or what they would have
    /// held when `truncated`): what the size limit counts.
    pub len: usize,
    /// What the input held around the record besides the final LF: a
    /// byte-order mark before it, a CR after it. [`Line::original`] puts
    /// them back.
    pub framing: Framing,
}

/// What a line of the input held around its record, besides the final LF.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Framing {
    /// A UTF-8 byte-order mark before the record (the first line only).
    pub bom: bool,
    /// A CR after the record (a CRLF line break, or a CR at the end of the
    /// input).
    pub cr: bool,
}

impl Framing {
    /// Bytes of the line that are not the record, besides the LF.
    pub fn len(self) -> usize {
        3 * usize::from(self.bom) + usize::from(self.cr)
    }

    /// Whether the line held nothing but the record and its LF.
    pub fn is_empty(self) -> bool {
        !self.bom && !self.cr
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Line {
    /// Length of the line in the input, without its LF: the record with
    /// its byte-order mark and CR.
    pub fn input_len(&self) -> usize {
        self.len + self.framing.len()
    }

    /// The line as the input held it, without its LF: the record with its
    /// byte-order mark and CR (for a `truncated` line, only them).
    ///
    /// ```
    /// use agrivn::pipeline::LineReader;
    ///
    /// let mut lines = LineReader::new(&b"\xEF\xBB\xBF{\"a\":1}\r\n\r\n"[..], 100);
    /// let first = lines.next_line().unwrap().unwrap();
    /// assert_eq!(first.bytes, b"{\"a\":1}");
    /// assert_eq!(&first.original()[..], b"\xEF\xBB\xBF{\"a\":1}\r");
    /// let second = lines.next_line().unwrap().unwrap();
    /// assert_eq!((second.bytes.len(), &second.original()[..]), (0, &b"\r"[..]));
    /// ```
    pub fn original(&self) -> std::borrow::Cow<'_, [u8]> {
        if self.framing.is_empty() {
            return std::borrow::Cow::Borrowed(&self.bytes);
        }
        let mut v = Vec::with_capacity(self.bytes.len() + self.framing.len());
        if self.framing.bom {
            v.extend_from_slice(BOM);
        }
        v.extend_from_slice(&self.bytes);
        if self.framing.cr {
            v.push(b'\r');
        }
        std::borrow::Cow::Owned(v)
    }
}

/// Reads lines of at most `limit` bytes.
#[derive(Debug)]
pub struct LineReader<R> {
    inner: R,
    limit: usize,
    number: u64,
}

impl<R: BufRead> LineReader<R> {
    /// A reader over `inner`, keeping lines of at most `limit` bytes.
    pub fn new(inner: R, limit: usize) -> Self {
        LineReader {
            inner,
            limit,
            number: 0,
        }
    }

    /// Lines read so far: the number of the last line read.
    pub fn lines_read(&self) -> u64 {
        self.number
    }

    /// Append lines to `chunk` until this call has added `max_lines` lines
    /// or `max_bytes` bytes of them, or the input ends. Returns the number
    /// of lines added: 0 at the end of input.
    ///
    /// # Errors
    /// The I/O errors of the underlying reader; the lines read before the
    /// error are in `chunk`.
    pub fn read_chunk(
        &mut self,
        chunk: &mut Vec<Line>,
        max_lines: usize,
        max_bytes: usize,
    ) -> std::io::Result<usize> {
        self.read_chunk_within(chunk, max_lines, max_bytes, None)
    }

    /// [`read_chunk`](Self::read_chunk), which also stops after a line
    /// once `max_wait` has passed since the call began, or when the reader
    /// says it has nothing to give yet (an error of kind
    /// [`WouldBlock`](std::io::ErrorKind::WouldBlock) between two lines;
    /// asked again, it should wait): input that comes slowly (a feed, a
    /// pipe from a crawler) is handed on as it comes, not held until a
    /// chunk is full.
    ///
    /// # Errors
    /// As [`read_chunk`](Self::read_chunk).
    pub fn read_chunk_within(
        &mut self,
        chunk: &mut Vec<Line>,
        max_lines: usize,
        max_bytes: usize,
        max_wait: Option<std::time::Duration>,
    ) -> std::io::Result<usize> {
        let began = max_wait.map(|w| (std::time::Instant::now(), w));
        let (mut lines, mut bytes) = (0, 0);
        while lines < max_lines && bytes < max_bytes {
            let line = match self.next_line() {
                Ok(Some(line)) => line,
                Ok(None) => break,
                // The input has nothing more for now: the lines read are
                // handed on, or, when there are none, the input is asked
                // again.
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                    if lines > 0 {
                        break;
                    }
                    continue;
                }
                Err(e) => return Err(e),
            };
            lines += 1;
            bytes += line.bytes.len();
            chunk.push(line);
            if began.is_some_and(|(t, w)| t.elapsed() >= w) {
                break;
            }
        }
        Ok(lines)
    }

    /// The next line, `Ok(None)` at the end of input.
    ///
    /// # Errors
    /// The I/O errors of the underlying reader. An error of kind
    /// [`WouldBlock`](std::io::ErrorKind::WouldBlock) is returned only
    /// before a line starts; within a line the reader is asked again.
    pub fn next_line(&mut self) -> std::io::Result<Option<Line>> {
        let mut bytes = Vec::new();
        // Bytes of the line, without its LF.
        let mut len = 0usize;
        let mut truncated = false;
        let mut any = false;
        // The line is kept while it may still be a record within the limit
        // with a byte-order mark and a CR around it, which are not counted.
        let keep = self.limit.saturating_add(BOM.len() + 1);
        // Whether the line starts with a byte-order mark (first line only),
        // once its first bytes are read; its last byte so far.
        let mut bom = None;
        let mut last = None;
        loop {
            let buf = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                // Nothing to read yet: said before a line starts (the
                // caller may hand on the lines it has), waited for within
                // one (the reader is asked again, and is expected to wait).
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock && any => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                break;
            }
            any = true;
            let (chunk, done) = match memchr_newline(buf) {
                Some(i) => (&buf[..i], Some(i + 1)),
                None => (buf, None),
            };
            len += chunk.len();
            if let Some(&b) = chunk.last() {
                last = Some(b);
            }
            if !truncated {
                if bytes.len() + chunk.len() > keep {
                    truncated = true;
                    let head: Vec<u8> = bytes.iter().chain(chunk).take(BOM.len()).copied().collect();
                    bom = Some(self.number == 0 && head == BOM);
                    bytes = Vec::new();
                } else {
                    bytes.extend_from_slice(chunk);
                }
            }
            let consumed = done.unwrap_or(buf.len());
            self.inner.consume(consumed);
            if done.is_some() {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        // A byte-order mark some editors write at the start of a file, and
        // the CR of a CRLF line break: not part of the record (nor counted
        // by the limit).
        let framing = Framing {
            bom: bom.unwrap_or_else(|| self.number == 0 && bytes.starts_with(BOM)),
            cr: last == Some(b'\r'),
        };
        let len = len - framing.len();
        if !truncated {
            if len > self.limit {
                truncated = true;
                bytes = Vec::new();
            } else {
                if framing.cr {
                    bytes.pop();
                }
                if framing.bom {
                    bytes.drain(..BOM.len());
                }
            }
        }
        self.number += 1;
        Ok(Some(Line {
            number: self.number,
            bytes,
            truncated,
            len,
            framing,
        }))
    }
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&x| x == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_dropped_from_the_first_line_only() {
        let input = b"\xEF\xBB\xBF{\"a\":1}\r\n\xEF\xBB\xBFx\n";
        let mut r = LineReader::new(&input[..], 100);
        let a = r.next_line().unwrap().unwrap();
        assert_eq!(
            (a.bytes.as_slice(), a.len, a.input_len()),
            (&b"{\"a\":1}"[..], 7, 11)
        );
        let b = r.next_line().unwrap().unwrap();
        assert_eq!(b.bytes.as_slice(), b"\xEF\xBB\xBFx");
    }

    #[test]
    fn the_original_line_keeps_its_byte_order_mark_and_cr() {
        let input = b"\xEF\xBB\xBF{\"a\":1}\r\n\r\nx\r\ny\n\xEF\xBB\xBFz\r";
        let mut r = LineReader::new(&input[..], 100);
        let mut originals = Vec::new();
        while let Some(line) = r.next_line().unwrap() {
            originals.push(line.original().into_owned());
        }
        let want: Vec<&[u8]> = vec![
            b"\xEF\xBB\xBF{\"a\":1}\r",
            b"\r",
            b"x\r",
            b"y",
            b"\xEF\xBB\xBFz\r",
        ];
        assert_eq!(originals, want);
        // Only the first line of a file starts with a byte-order mark that
        // is not part of the record.
        let mut r = LineReader::new(&b"\xEF\xBB\xBF\r\n"[..], 100);
        let line = r.next_line().unwrap().unwrap();
        assert_eq!((line.bytes.len(), line.len), (0, 0));
        assert_eq!(&line.original()[..], b"\xEF\xBB\xBF\r");
    }

    #[test]
    fn the_limit_counts_the_record_without_its_cr_and_byte_order_mark() {
        let record = "x".repeat(100);
        for input in [
            format!("{record}\n"),
            format!("{record}\r\n"),
            format!("\u{feff}{record}\r\n"),
            format!("\u{feff}{record}"),
        ] {
            let line = LineReader::new(input.as_bytes(), 100)
                .next_line()
                .unwrap()
                .unwrap();
            assert!(!line.truncated, "{input:?}");
            assert_eq!(
                (line.len, line.bytes.as_slice()),
                (100, record.as_bytes()),
                "{input:?}"
            );
            let line = LineReader::new(input.as_bytes(), 99)
                .next_line()
                .unwrap()
                .unwrap();
            assert!(line.truncated && line.bytes.is_empty(), "{input:?}");
            assert_eq!(line.len, 100, "{input:?}");
        }
        // Long lines skipped as they are read, split across reads.
        for input in [
            format!("{}\r\n", "x".repeat(1000)),
            format!("\u{feff}{}\r", "x".repeat(1000)),
        ] {
            let reader = std::io::BufReader::with_capacity(7, input.as_bytes());
            let line = LineReader::new(reader, 100).next_line().unwrap().unwrap();
            assert!(line.truncated && line.bytes.is_empty());
            let without_lf = input.strip_suffix('\n').unwrap_or(&input);
            assert_eq!(
                (line.len, line.input_len()),
                (1000, without_lf.len()),
                "{input:?}"
            );
        }
    }

    #[test]
    fn chunks_end_at_the_line_or_byte_limit_and_keep_what_preceded_an_error() {
        let mut r = LineReader::new(&b"aa\nbb\ncc\ndd\n"[..], 100);
        let mut chunk = Vec::new();
        assert_eq!(r.read_chunk(&mut chunk, 3, 100).unwrap(), 3);
        assert_eq!(
            r.read_chunk(&mut chunk, 3, 1).unwrap(),
            1,
            "one line reaches the byte limit"
        );
        assert_eq!(r.read_chunk(&mut chunk, 3, 100).unwrap(), 0, "end of input");
        let numbers: Vec<u64> = chunk.iter().map(|l| l.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
        // A read error after two lines: they stay in the chunk.
        let failing = std::io::Read::chain(&b"aa\nbb\ncc"[..], Failing);
        let mut r = LineReader::new(std::io::BufReader::with_capacity(4, failing), 100);
        let mut chunk = Vec::new();
        assert!(r.read_chunk(&mut chunk, 10, 100).is_err());
        assert_eq!(chunk.len(), 2);
    }

    /// A reader whose every read fails.
    struct Failing;

    impl std::io::Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk gone"))
        }
    }

    #[test]
    fn long_lines_are_skipped_not_buffered() {
        let input = format!("short\n{}\nlast", "x".repeat(100));
        let mut r = LineReader::new(input.as_bytes(), 10);
        let a = r.next_line().unwrap().unwrap();
        assert_eq!(
            (a.number, a.bytes.as_slice(), a.truncated),
            (1, &b"short"[..], false)
        );
        let b = r.next_line().unwrap().unwrap();
        assert!(b.truncated && b.bytes.is_empty() && b.len == 100);
        let c = r.next_line().unwrap().unwrap();
        assert_eq!((c.number, c.bytes.as_slice()), (3, &b"last"[..]));
        assert!(r.next_line().unwrap().is_none());
    }
}
