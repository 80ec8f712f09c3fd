//! Segment stdin line by line with one reusable worker (no allocation per
//! token), writing words joined by `_`.
//!
//!     echo "Hợp tác xã nông nghiệp Tân Phú" | cargo run --example segment_lines

use std::io::{BufRead, Write};

use agrivn::segment::Segmenter;

fn main() -> std::io::Result<()> {
    let mut worker = Segmenter::new().worker();
    let mut out = String::new();
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        out.clear();
        worker.segment_to_line(&line?, &mut out);
        writeln!(lock, "{out}")?;
    }
    Ok(())
}
