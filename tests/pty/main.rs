//! The end-to-end suites: the real binary in a pseudo-terminal, read back
//! through a terminal emulator (`harness`). `tests/repeat-pty.sh` runs this
//! binary many times in a row to catch a flaky test.

#[path = "../common/mod.rs"]
mod common;

mod harness;

mod cases20;
mod conventions_pty;
mod e2e_pty;
mod import_pages_pty;
mod progress_cases;
