//! Input read ahead on a thread of its own, so that the tagger can tell
//! input that is slow to come from input that has ended: `agrivn tag` at
//! the end of a pipe from a feed or a crawler writes each burst of articles
//! as soon as it has come, instead of waiting for a chunk to fill. The
//! thread also decompresses gzip input while the tagger works.

use std::io::{self, BufRead, Read};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, sync_channel};
use std::time::Duration;

/// Blocks read ahead at most.
const AHEAD: usize = 4;
/// How often a wait for input looks whether a signal asked the run to end.
const POLL: Duration = Duration::from_millis(100);

/// A reader fed by a thread. `fill_buf` says once that nothing has come
/// yet (an error of kind [`io::ErrorKind::WouldBlock`]), then waits.
pub struct Prefetch {
    blocks: Receiver<io::Result<Vec<u8>>>,
    buf: Vec<u8>,
    pos: usize,
    /// Whether the caller was told that nothing has come yet.
    said_waiting: bool,
    done: bool,
    /// The reading thread, joined when the input has ended (so that what
    /// its reader says when dropped, such as a UTF-16 warning, is said
    /// before the summary).
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Prefetch {
    pub fn new(mut inner: Box<dyn BufRead + Send>) -> Prefetch {
        let (tx, rx) = sync_channel(AHEAD);
        let thread = std::thread::spawn(move || {
            loop {
                let block = match inner.fill_buf() {
                    Ok([]) => return,
                    Ok(b) => b.to_vec(),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return;
                    }
                };
                inner.consume(block.len());
                if tx.send(Ok(block)).is_err() {
                    // The reader was dropped.
                    return;
                }
            }
        });
        Prefetch {
            blocks: rx,
            buf: Vec::new(),
            pos: 0,
            said_waiting: false,
            done: false,
            thread: Some(thread),
        }
    }
}

impl Drop for Prefetch {
    fn drop(&mut self) {
        // Once the input has ended; a thread still reading is left.
        if let Some(thread) = self.thread.take().filter(|t| self.done || t.is_finished()) {
            let _ = thread.join();
        }
    }
}

impl BufRead for Prefetch {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.pos >= self.buf.len() && !self.done {
            let next = match self.blocks.try_recv() {
                Ok(block) => Some(block),
                Err(TryRecvError::Empty) if !self.said_waiting => {
                    self.said_waiting = true;
                    return Err(io::ErrorKind::WouldBlock.into());
                }
                Err(TryRecvError::Empty) => loop {
                    // Waiting, until a signal asks the run to end.
                    match self.blocks.recv_timeout(POLL) {
                        Ok(block) => break Some(block),
                        Err(RecvTimeoutError::Timeout) if crate::interrupt::requested() => {
                            self.done = true;
                            // Still waiting for input: not joined.
                            self.thread.take();
                            return Err(io::Error::other("stopped by a signal"));
                        }
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => break None,
                    }
                },
                Err(TryRecvError::Disconnected) => None,
            };
            self.said_waiting = false;
            match next {
                Some(Ok(block)) => {
                    self.buf = block;
                    self.pos = 0;
                }
                Some(Err(e)) => {
                    self.done = true;
                    return Err(e);
                }
                None => self.done = true,
            }
        }
        Ok(&self.buf[self.pos.min(self.buf.len())..])
    }

    fn consume(&mut self, n: usize) {
        self.pos += n;
    }
}

impl Read for Prefetch {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = loop {
            match self.fill_buf() {
                Ok(available) => {
                    let n = available.len().min(out.len());
                    out[..n].copy_from_slice(&available[..n]);
                    break n;
                }
                // A plain read waits.
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
                Err(e) => return Err(e),
            }
        };
        self.consume(n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_is_read_in_order_and_waiting_is_said_once() {
        let text: Vec<u8> = (0..100_000u32)
            .flat_map(|i| format!("{i}\n").into_bytes())
            .collect();
        let mut p = Prefetch::new(Box::new(io::BufReader::with_capacity(
            1000,
            io::Cursor::new(text.clone()),
        )));
        let mut read = Vec::new();
        let mut waits_in_a_row = 0;
        loop {
            match p.fill_buf() {
                Ok([]) => break,
                Ok(b) => {
                    waits_in_a_row = 0;
                    read.extend_from_slice(b);
                    let n = b.len();
                    p.consume(n);
                }
                Err(e) => {
                    assert_eq!(e.kind(), io::ErrorKind::WouldBlock);
                    waits_in_a_row += 1;
                    assert_eq!(waits_in_a_row, 1, "asked again, it waits");
                }
            }
        }
        assert_eq!(read, text);
    }
}
