//! A JSON Lines stream tagged in parallel chunks with bounded memory: what
//! `agrivn tag` does with an archive, for programs that link the crate.

use std::io::BufRead;

use super::{Line, LineReader, Outcome, Pipeline, RecordError, TaggedLine};
use crate::{Error, ErrorKind};

/// Most lines read before a chunk is tagged in parallel.
pub const CHUNK_LINES: usize = 4096;
/// Most bytes of lines read before a chunk is tagged in parallel.
pub const CHUNK_BYTES: usize = 32 << 20;
/// Longest time lines are gathered before a chunk is tagged: input that
/// comes slowly is tagged as it comes (each line written once the next one
/// arrives, or the input ends), not when 4096 lines have come.
pub const CHUNK_WAIT: std::time::Duration = std::time::Duration::from_millis(200);

impl Pipeline {
    /// Tag every JSON Lines record of `input`, in order, with memory
    /// bounded by one chunk ([`CHUNK_LINES`] lines or [`CHUNK_BYTES`]
    /// bytes, whichever comes first, or the lines read in [`CHUNK_WAIT`])
    /// whatever the size of the input. Each
    /// chunk is tagged in parallel; `each` gets every line with its tagged
    /// line or the reason it was rejected, in input order. Returns the
    /// number of lines read.
    ///
    /// ```
    /// # #[cfg(feature = "embedded-data")] {
    /// use agrivn::pipeline::Pipeline;
    ///
    /// let archive = concat!(
    ///     r#"{"id":"1","title":"Giá lúa tăng","text":"Thương lái thu mua lúa."}"#, "\n",
    ///     "not json\n",
    ///     r#"{"id":"3","title":"Đội tuyển thắng 2-0","text":"Trận đấu tối qua."}"#, "\n",
    /// );
    /// let mut out = Vec::new();
    /// let mut rejected = Vec::new();
    /// let read = Pipeline::new()
    ///     .tag_reader(archive.as_bytes(), |line, result| {
    ///         match result {
    ///             Ok(tagged) => out.push(tagged.json),
    ///             Err(e) => rejected.push((line.number, e.kind)),
    ///         }
    ///         Ok(())
    ///     })
    ///     .unwrap();
    /// assert_eq!((read, out.len(), rejected.len()), (3, 2, 1));
    /// assert!(out[0].contains(r#""agri":true"#) && out[1].contains(r#""agri":false"#));
    /// # }
    /// ```
    ///
    /// # Errors
    /// When reading fails (a truncated gzip stream, a failing disk), the
    /// lines read before are tagged and given to `each` first; the error is
    /// then [`ErrorKind::Io`], with the number of the line that could not be
    /// read as its [`line`](Error::line) and the I/O error as its
    /// [`source`](std::error::Error::source). The first
    /// error `each` returns stops the stream and is returned as it is.
    pub fn tag_reader<R: BufRead>(
        &self,
        input: R,
        each: impl FnMut(&Line, Result<TaggedLine, RecordError>) -> crate::Result<()>,
    ) -> crate::Result<u64> {
        self.tag_reader_skipping(input, |_| false, |_, _| {}, each, || Ok(()))
    }

    /// [`tag_reader`](Self::tag_reader), leaving out the lines for which
    /// `skip` is true: they are counted as read and given to `skipped`
    /// with what tagging them would give, tagged or rejected (found
    /// without tagging them, as [`check_line`](Self::check_line) finds
    /// it), but neither tagged nor given to `each` (`agrivn tag --resume`
    /// skips the lines an interrupted run tagged). Every line gets the
    /// result it gets without skipping: a line in a legacy encoding that
    /// detection cannot settle is still read in the encoding of most lines
    /// of its chunk, skipped lines included. `chunk_done` is called after
    /// the lines of each chunk are given, when the stream is about to read
    /// on: the moment to flush what was written, for a reader downstream.
    ///
    /// # Errors
    /// As [`tag_reader`](Self::tag_reader).
    pub fn tag_reader_skipping<R: BufRead>(
        &self,
        input: R,
        mut skip: impl FnMut(&Line) -> bool,
        mut skipped: impl FnMut(&Line, Result<(), RecordError>),
        mut each: impl FnMut(&Line, Result<TaggedLine, RecordError>) -> crate::Result<()>,
        mut chunk_done: impl FnMut() -> crate::Result<()>,
    ) -> crate::Result<u64> {
        let mut reader = LineReader::new(input, self.record_limit());
        let mut chunk: Vec<Line> = Vec::with_capacity(CHUNK_LINES);
        let mut skips: Vec<bool> = Vec::with_capacity(CHUNK_LINES);
        loop {
            let read = reader.read_chunk_within(&mut chunk, CHUNK_LINES, CHUNK_BYTES, Some(CHUNK_WAIT));
            if !chunk.is_empty() {
                skips.clear();
                skips.extend(chunk.iter().map(&mut skip));
                for (line, outcome) in chunk.iter().zip(self.tag_chunk(&chunk, &skips)) {
                    match outcome {
                        Outcome::Tagged(result) => each(line, result)?,
                        Outcome::Judged(result) => skipped(line, result.map(|_| ())),
                    }
                }
                chunk.clear();
                chunk_done()?;
            }
            match read {
                Ok(0) => return Ok(reader.lines_read()),
                Ok(_) => {}
                Err(e) => {
                    return Err(Error::new(ErrorKind::Io, "read failed")
                        .with_line(reader.lines_read() + 1)
                        .with_source(e));
                }
            }
        }
    }
}

#[cfg(all(test, feature = "embedded-data"))]
mod tests {
    use std::io::{self, Read};

    use super::*;

    /// Lines of `text`, then a read error.
    struct Failing<'a>(&'a [u8]);

    impl Read for Failing<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "stream cut"));
            }
            let n = buf.len().min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn lines(n: usize) -> String {
        (1..=n)
            .map(|i| {
                format!(
                    "{{\"id\":\"{i}\",\"title\":\"Giá lúa tăng\",\"text\":\"Thương lái thu mua lúa {i}.\"}}\n"
                )
            })
            .collect()
    }

    #[test]
    fn chunks_keep_order_and_match_tagging_line_by_line() {
        let text = lines(CHUNK_LINES + 10);
        let pipeline = Pipeline::new();
        let mut seen = Vec::new();
        let read = pipeline
            .tag_reader(text.as_bytes(), |line, result| {
                let one = pipeline.tag_lines(std::slice::from_ref(line)).remove(0);
                assert_eq!(result, one, "line {}", line.number);
                seen.push(line.number);
                Ok(())
            })
            .unwrap();
        assert_eq!(read as usize, CHUNK_LINES + 10);
        assert!(seen.iter().copied().eq(1..=read));
    }

    #[test]
    fn a_read_error_comes_after_the_lines_read_before_it() {
        let text = lines(5);
        let input = io::BufReader::with_capacity(7, Failing(text.as_bytes()));
        let mut tagged = 0;
        let err = Pipeline::new()
            .tag_reader(input, |_, result| {
                tagged += usize::from(result.is_ok());
                Ok(())
            })
            .unwrap_err();
        assert_eq!(tagged, 5);
        assert_eq!((err.kind(), err.line()), (&ErrorKind::Io, Some(6)));
        assert_eq!(err.to_string(), "line 6: read failed");
        let cause = std::error::Error::source(&err).map(ToString::to_string);
        assert_eq!(cause.as_deref(), Some("stream cut"));
    }

    #[test]
    fn skipped_lines_are_counted_not_tagged_and_the_callback_error_stops() {
        let text = lines(10);
        let mut given = Vec::new();
        let mut judged = Vec::new();
        let read = Pipeline::new()
            .tag_reader_skipping(
                text.as_bytes(),
                |l| l.number <= 4,
                |line, verdict| judged.push((line.number, verdict.is_ok())),
                |line, _| {
                    given.push(line.number);
                    Ok(())
                },
                || Ok(()),
            )
            .unwrap();
        assert_eq!((read, given), (10, (5..=10).collect::<Vec<_>>()));
        assert_eq!(judged, [(1, true), (2, true), (3, true), (4, true)]);
        let err = Pipeline::new()
            .tag_reader(text.as_bytes(), |line, _| {
                if line.number == 3 {
                    Err(Error::new(ErrorKind::Io, "output closed"))
                } else {
                    Ok(())
                }
            })
            .unwrap_err();
        assert_eq!(err.to_string(), "output closed");
    }
}
