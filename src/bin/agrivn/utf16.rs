//! Input saved as UTF-16 (Windows "Unicode" text, which starts with a
//! byte-order mark) read as the UTF-8 the rest of agrivn reads.

use std::io::{self, BufRead, Read};

/// The byte order of UTF-16 input, if `head` starts with its byte-order
/// mark; without one, if it starts with two ASCII characters (`{"`, a
/// letter), each with its zero byte, or if its first bytes have the shape
/// of Vietnamese text in UTF-16 (a text file that starts with "Đồng"):
/// UTF-8 text has no zero byte at all.
pub fn byte_order(head: &[u8]) -> Option<Order> {
    let ascii = |b: u8| b != 0 && b.is_ascii();
    match *head {
        [0xFF, 0xFE, ..] => Some(Order::Little),
        [0xFE, 0xFF, ..] => Some(Order::Big),
        [a, 0, b, 0, ..] if ascii(a) && ascii(b) => Some(Order::Little),
        [0, a, 0, b, ..] if ascii(a) && ascii(b) => Some(Order::Big),
        _ => shape(head),
    }
}

/// Bytes of the head [`shape`] looks at.
const SHAPE_BYTES: usize = 2048;

/// UTF-16 by the shape of its first code units: in Vietnamese text most
/// are ASCII (a zero high byte) and the others are Latin letters with
/// marks, combining marks, the Vietnamese block or punctuation (high byte
/// 0x00–0x03, 0x1E or 0x20), while their low bytes are never all zero.
fn shape(head: &[u8]) -> Option<Order> {
    let units = head.len().min(SHAPE_BYTES) / 2;
    if units < 8 {
        return None;
    }
    let pairs = || head[..units * 2].chunks_exact(2).map(|p| (p[0], p[1]));
    let text_like = |high: u8, low: u8| matches!(high, 0x00..=0x03 | 0x1E | 0x20) && (high != 0 || low != 0);
    // High bytes first (big-endian), then low bytes first (little-endian).
    let share = |big: bool| {
        let (mut text, mut zero_high) = (0, 0);
        for (a, b) in pairs() {
            let (high, low) = if big { (a, b) } else { (b, a) };
            text += usize::from(text_like(high, low));
            zero_high += usize::from(high == 0 && low != 0);
        }
        // Nearly every unit text-like, and at least a third of them ASCII.
        text * 20 >= units * 19 && zero_high * 3 >= units
    };
    if share(false) {
        Some(Order::Little)
    } else if share(true) {
        Some(Order::Big)
    } else {
        None
    }
}

/// UTF-16 byte order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    Little,
    Big,
}

/// A reader of UTF-16 bytes that yields UTF-8, the byte-order mark left
/// out. A lone surrogate or a final odd byte becomes U+FFFD, as Windows
/// tools show it; when the reader is dropped, stderr says how many there
/// were in the input named `name`.
pub struct Utf16Reader<R> {
    inner: R,
    name: String,
    order: Order,
    /// UTF-8 decoded and not yet read.
    out: Vec<u8>,
    /// The block of input being decoded.
    raw: Vec<u8>,
    pos: usize,
    /// A high surrogate waiting for its pair.
    high: Option<u16>,
    /// A byte waiting for its pair.
    odd: Option<u8>,
    started: bool,
    done: bool,
    replaced: u64,
    /// Line breaks decoded so far, and the line of the first replacement.
    lines: u64,
    first_replaced_line: Option<u64>,
}

impl<R: BufRead> Utf16Reader<R> {
    pub fn new(inner: R, order: Order, name: &str) -> Self {
        Utf16Reader {
            inner,
            name: name.to_owned(),
            order,
            out: Vec::with_capacity(1 << 16),
            raw: Vec::new(),
            pos: 0,
            high: None,
            odd: None,
            started: false,
            done: false,
            replaced: 0,
            lines: 0,
            first_replaced_line: None,
        }
    }

    /// Code units that could not be decoded and were written as U+FFFD.
    #[cfg(test)]
    pub fn replaced(&self) -> u64 {
        self.replaced
    }

    /// A code unit that cannot be decoded, written as U+FFFD.
    fn replace(&mut self) {
        self.replaced += 1;
        self.first_replaced_line.get_or_insert(self.lines + 1);
        self.push(char::REPLACEMENT_CHARACTER);
    }

    fn push(&mut self, c: char) {
        if c == '\n' {
            self.lines += 1;
        }
        let mut buf = [0u8; 4];
        self.out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    fn unit(&mut self, unit: u16) {
        match (self.high.take(), unit) {
            (Some(h), 0xDC00..=0xDFFF) => {
                let c = 0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                self.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            (high, _) => {
                if high.is_some() {
                    self.replace();
                }
                match unit {
                    0xD800..=0xDBFF => self.high = Some(unit),
                    0xDC00..=0xDFFF => self.replace(),
                    _ => self.push(char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER)),
                }
            }
        }
    }

    /// Decode the next block of input into `out`.
    fn fill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.pos = 0;
        // The block is copied out of the inner buffer (into a buffer kept
        // between blocks) so that decoding can update `self`.
        let mut bytes = std::mem::take(&mut self.raw);
        bytes.clear();
        loop {
            match self.inner.fill_buf() {
                Ok(b) => break bytes.extend_from_slice(b),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
        self.inner.consume(bytes.len());
        if bytes.is_empty() {
            self.done = true;
            if self.high.take().is_some() || self.odd.take().is_some() {
                self.replace();
            }
            return Ok(());
        }
        let mut rest = &bytes[..];
        if let Some(first) = self.odd.take() {
            self.pair(first, rest[0]);
            rest = &rest[1..];
        }
        let mut pairs = rest.chunks_exact(2);
        for p in pairs.by_ref() {
            self.pair(p[0], p[1]);
        }
        self.odd = pairs.remainder().first().copied();
        self.raw = bytes;
        Ok(())
    }

    fn pair(&mut self, a: u8, b: u8) {
        let unit = match self.order {
            Order::Little => u16::from_le_bytes([a, b]),
            Order::Big => u16::from_be_bytes([a, b]),
        };
        // The byte-order mark itself is not text.
        if !self.started {
            self.started = true;
            if unit == 0xFEFF {
                return;
            }
        }
        self.unit(unit);
    }
}

impl<R> Drop for Utf16Reader<R> {
    fn drop(&mut self) {
        if let Some(line) = self.first_replaced_line {
            crate::progress::say(format_args!(
                "agrivn: {}:{line}: {} broken UTF-16 code units read as U+FFFD (the first on this line)",
                self.name, self.replaced
            ));
        }
    }
}

impl<R: BufRead> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() && !self.done {
            self.fill()?;
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, order: Order) -> Vec<u8> {
        let mut v = Vec::new();
        for u in std::iter::once(0xFEFF).chain(text.encode_utf16()) {
            v.extend_from_slice(&match order {
                Order::Little => u.to_le_bytes(),
                Order::Big => u.to_be_bytes(),
            });
        }
        v
    }

    fn read_all(bytes: &[u8], capacity: usize) -> (String, u64) {
        let order = byte_order(bytes).unwrap();
        let mut r = Utf16Reader::new(io::BufReader::with_capacity(capacity, bytes), order, "test");
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        (s, r.replaced())
    }

    #[test]
    fn both_byte_orders_read_back_in_any_block_size() {
        let text = "{\"id\":\"1\",\"text\":\"Giá lúa tăng 🌾\"}\n{\"id\":\"2\"}\n";
        for order in [Order::Little, Order::Big] {
            let bytes = utf16(text, order);
            // Odd block sizes split code units and surrogate pairs.
            for capacity in [1, 2, 3, 5, 7, 64] {
                assert_eq!(
                    read_all(&bytes, capacity),
                    (text.to_owned(), 0),
                    "{order:?} {capacity}"
                );
            }
        }
    }

    #[test]
    fn broken_units_become_replacement_characters_and_are_counted() {
        let mut bytes = utf16("a", Order::Little);
        bytes.extend_from_slice(&0xD800u16.to_le_bytes()); // lone high surrogate
        bytes.extend_from_slice(&u16::from(b'b').to_le_bytes());
        bytes.extend_from_slice(&0xDC00u16.to_le_bytes()); // lone low surrogate
        bytes.push(b'c'); // odd final byte
        assert_eq!(read_all(&bytes, 3), ("a\u{FFFD}b\u{FFFD}\u{FFFD}".to_owned(), 3));
    }

    proptest::proptest! {
        /// Any code units, in any block size, read as the standard library
        /// reads them lossily.
        #[test]
        fn any_units_read_as_std_reads_them(
            units in proptest::collection::vec(proptest::prelude::any::<u16>(), 0..200),
            capacity in 1usize..70,
            little in proptest::prelude::any::<bool>(),
        ) {
            let order = if little { Order::Little } else { Order::Big };
            let bytes: Vec<u8> = std::iter::once(0xFEFF)
                .chain(units.iter().copied())
                .flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect();
            let mut r = Utf16Reader::new(io::BufReader::with_capacity(capacity, &bytes[..]), order, "test");
            let mut s = String::new();
            r.read_to_string(&mut s).unwrap();
            proptest::prop_assert_eq!(s, String::from_utf16_lossy(&units));
        }
    }

    #[test]
    fn a_byte_order_mark_or_zero_bytes_between_ascii_say_utf16() {
        assert_eq!(byte_order(b"{\"id\":1}"), None);
        assert_eq!(byte_order("Giá".as_bytes()), None);
        assert_eq!(byte_order(&[0xFF, 0xFE, b'{', 0]), Some(Order::Little));
        assert_eq!(byte_order(&[0xFE, 0xFF, 0, b'{']), Some(Order::Big));
        assert_eq!(byte_order(&[b'{', 0, b'"', 0]), Some(Order::Little));
        assert_eq!(byte_order(&[0, b'G', 0, b'i']), Some(Order::Big));
        // Zero bytes around non-ASCII or zero are not text.
        assert_eq!(byte_order(&[0x80, 0, b'a', 0]), None);
        assert_eq!(byte_order(&[0, 0, 0, 0]), None);
    }

    #[test]
    fn vietnamese_text_in_utf16_without_a_mark_is_known_by_its_shape() {
        let text = "Đồng Tháp: nông dân thu hoạch lúa hè thu, giá lúa tươi 6.500 đồng/kg.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(byte_order(&le), Some(Order::Little));
        assert_eq!(byte_order(&be), Some(Order::Big));
        // The same text in UTF-8, and bytes that are not text, are not UTF-16.
        assert_eq!(byte_order(text.as_bytes()), None);
        assert_eq!(
            byte_order(&[
                0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xED, 0x5A, 0x6B, 0x73, 0xDB, 0xC6
            ]),
            None
        );
        assert_eq!(byte_order(&[0; 64]), None);
    }

    #[test]
    fn without_a_mark_the_text_reads_whole() {
        let text = "{\"id\":\"1\",\"text\":\"Giá lúa\"}\n";
        for order in [Order::Little, Order::Big] {
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| match order {
                    Order::Little => u.to_le_bytes(),
                    Order::Big => u.to_be_bytes(),
                })
                .collect();
            assert_eq!(byte_order(&bytes), Some(order));
            let mut r = Utf16Reader::new(&bytes[..], order, "test");
            let mut s = String::new();
            r.read_to_string(&mut s).unwrap();
            assert_eq!(s, text);
        }
    }
}
