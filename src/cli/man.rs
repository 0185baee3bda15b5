//! The manual page, generated from the clap definition so it never drifts
//! from `--help`; `docs/career-explorer.1` is this output, kept in step by
//! a test.

use clap::CommandFactory;

use crate::cli::Cli;

/// The man page in roff, as `man` reads it.
pub fn page() -> String {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = clap_mangen::Man::new(Cli::command()).render(&mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}
