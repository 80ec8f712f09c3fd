//! Ctrl-C, or a cluster's SIGTERM, ends `agrivn tag` after the chunk it is
//! tagging: what was tagged is written, the summary is printed, and
//! `--resume` continues from there. A second signal ends it at once.

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Exit status of a run ended by a signal (128 + SIGINT).
pub const STATUS: i32 = 130;

/// Catch the signals; if that fails they end the run as they would anyway.
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        if REQUESTED.swap(true, Ordering::SeqCst) {
            std::process::exit(STATUS);
        }
    });
}

/// Whether a signal asked the run to end.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}
