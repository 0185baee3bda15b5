//! The one way out for every command's output and messages.
//!
//! Every command hands its text to an [`Out`]: it decides the width text is
//! laid out for (the terminal's on a terminal, `--width N` when given, none
//! into a pipe or a file), cleans what is written of escape sequences, and
//! treats a reader that went away (`| head -1`, a closed pipe) as a quiet
//! success. Messages for the user go to stderr through [`say`], cleaned the
//! same way.

use std::io::{IsTerminal, Write};

use anyhow::Context;
use career_core::model::Lang;
use career_core::text::sanitize_output;

use super::commands::UNLIMITED;

/// Where command output goes, and the width it is laid out for.
#[derive(Debug, Clone, Copy)]
pub struct Out {
    width: usize,
}

impl Out {
    /// The writer for standard output: `flag` (`--width N`) if given, else
    /// the terminal's width (80 if it cannot be read) when stdout is one,
    /// else [`UNLIMITED`]: into a pipe or a file nothing is cut.
    pub fn stdout(flag: Option<u16>) -> Self {
        let width = match flag {
            Some(n) => usize::from(n),
            None if std::io::stdout().is_terminal() => {
                crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w))
            }
            None => UNLIMITED,
        };
        Self { width }
    }

    /// A writer laid out for `width` columns (tests, and callers that know).
    pub fn with_width(width: usize) -> Self {
        Self { width }
    }

    /// The width in columns text is laid out for.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Lays `text` out as one item under a hanging `indent`: wrapped to the
    /// width (nothing cut), every line but the first indented.
    pub fn item(&self, first: &str, text: &str, indent: usize) -> String {
        let room = self.width.saturating_sub(indent).max(10);
        let lines = career_core::text::wrap(text, room);
        let mut out = String::new();
        for (i, line) in lines.iter().enumerate() {
            if i == 0 {
                out.push_str(first);
                let pad = indent.saturating_sub(career_core::text::width(first));
                out.push_str(&" ".repeat(pad));
            } else {
                out.push_str(&" ".repeat(indent));
            }
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    /// `text` with each of its lines wrapped to the width (nothing cut).
    pub fn para(&self, text: &str) -> String {
        text.lines().map(|l| self.item("", l, 0)).collect()
    }

    /// Writes `text` to stdout, cleaned of control characters. A reader that
    /// went away is not an error: the command ends quietly with status 0.
    /// Rust ignores SIGPIPE, so the write fails with `BrokenPipe` rather than
    /// killing us; we keep it that way (not `SIG_DFL`) so the full-screen app
    /// can always restore the terminal.
    pub fn write(&self, text: &str) -> anyhow::Result<()> {
        let clean = sanitize_output(text);
        let mut out = std::io::stdout().lock();
        match out.write_all(clean.as_bytes()).and_then(|()| out.flush()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            r => r.context("cannot write to standard output"),
        }
    }
}

/// Writes a message for the user to stderr, cleaned of control characters;
/// if even stderr is closed there is no one left to tell.
pub fn say(text: &str) {
    let _ = std::io::stderr().write_all(sanitize_output(text).as_bytes());
}

/// A warning line on stderr: `warning: TEXT` (`警告：TEXT` in Chinese).
pub fn warn(text: &str) {
    say(&format!("{}{text}\n", cli_text().warning));
}

/// Whether the command line speaks Chinese: set once the language is known
/// (see [`set_lang`]), read by the errors and warnings written anywhere.
static CHINESE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Sets the language of the command line's errors and warnings.
pub fn set_lang(lang: Lang) {
    CHINESE.store(lang == Lang::Zh, std::sync::atomic::Ordering::Relaxed);
}

/// The language of the command line's errors and warnings (English until set).
pub fn lang() -> Lang {
    if CHINESE.load(std::sync::atomic::Ordering::Relaxed) {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// The command line's sentences in its language.
pub fn cli_text() -> &'static career_core::i18n::CliLabels {
    career_core::i18n::cli_labels(lang())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_wraps_under_its_indent_and_cuts_nothing() {
        let out = Out::with_width(20);
        let text = out.item("  Q1", "one two three four five six seven", 6);
        assert_eq!(
            text,
            "  Q1  one two three\n      four five six\n      seven\n"
        );
        let wide = Out::with_width(UNLIMITED);
        let long = "word ".repeat(100);
        assert_eq!(wide.item("x", long.trim(), 2).lines().count(), 1);
    }
}
