//! Tests that set or measure something for the whole process, kept out of
//! the other binaries so that no other test sees it: the colour and link
//! switches (color, hyperlink) and a counting global allocator
//! (`visible_window`). The tests that flip a switch take `SWITCHES` first, so
//! they never run at the same time.

#[path = "../common/mod.rs"]
mod common;

mod color;
mod hyperlink;
mod visible_window;

/// Held by every test that flips the process-wide colour or link switch, or
/// whose measure could depend on them.
pub static SWITCHES: std::sync::Mutex<()> = std::sync::Mutex::new(());
