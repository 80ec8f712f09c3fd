//! A line reader with a size limit: a line longer than the limit is skipped
//! to its end without being buffered, so one huge line cannot exhaust memory.

use std::io::BufRead;

/// One input line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number.
    pub number: u64,
    /// The bytes without the line break; empty when `truncated`.
    pub bytes: Vec<u8>,
    /// The line was longer than the limit; `len` gives its length.
    pub truncated: bool,
    /// Length of the line in bytes.
    pub len: usize,
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
        let (mut lines, mut bytes) = (0, 0);
        while lines < max_lines && bytes < max_bytes {
            let Some(line) = self.next_line()? else {
                break;
            };
            lines += 1;
            bytes += line.bytes.len();
            chunk.push(line);
        }
        Ok(lines)
    }

    /// The next line, `Ok(None)` at the end of input.
    ///
    /// # Errors
    /// The I/O errors of the underlying reader.
    pub fn next_line(&mut self) -> std::io::Result<Option<Line>> {
        let mut bytes = Vec::new();
        let mut len = 0usize;
        let mut truncated = false;
        let mut any = false;
        loop {
            let buf = match self.inner.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
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
            if !truncated {
                if bytes.len() + chunk.len() > self.limit {
                    truncated = true;
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
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
        if self.number == 0 && bytes.starts_with(b"\xEF\xBB\xBF") {
            // A byte-order mark some editors write at the start of a file
            // (`len` still counts it: it is the line's length in the input).
            bytes.drain(..3);
        }
        self.number += 1;
        Ok(Some(Line {
            number: self.number,
            bytes,
            truncated,
            len,
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
        assert_eq!((a.bytes.as_slice(), a.len), (&b"{\"a\":1}"[..], 11));
        let b = r.next_line().unwrap().unwrap();
        assert_eq!(b.bytes.as_slice(), b"\xEF\xBB\xBFx");
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
