//! Errors from loading a data folder. Each problem carries the file and, where
//! known, the line and column, so a user can go straight to the mistake.

use std::fmt;

use crate::i18n::Msg;
use crate::model::Lang;

/// One thing wrong with the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based line and column, when the parser or a search for the id found them.
    pub position: Option<(usize, usize)>,
    /// The offending id, if the problem is about one.
    pub id: Option<String>,
    pub message: String,
    /// The message as its facts, to say it in either language; `None` for
    /// a message in English only ([`Problem::render`] then shows `message`).
    pub said: Option<Box<Msg>>,
}

impl Problem {
    /// A problem whose message is `msg` (`message` is its English).
    pub fn new(
        file: String,
        position: Option<(usize, usize)>,
        id: Option<String>,
        msg: Msg,
    ) -> Self {
        Problem {
            file,
            position,
            id,
            message: msg.to_string(),
            said: Some(Box::new(msg)),
        }
    }

    /// The message alone in `lang` (English where it has no Chinese).
    pub fn message_in(&self, lang: Lang) -> String {
        self.said
            .as_ref()
            .map_or_else(|| self.message.clone(), |m| m.render(lang))
    }

    /// `file:line:col: message` in `lang`, sanitised as [`fmt::Display`] is.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = self.file.clone();
        if let Some((line, col)) = self.position {
            out.push_str(&format!(":{line}:{col}"));
        }
        out.push_str(crate::i18n::colon(lang));
        out.push_str(&self.message_in(lang));
        crate::text::sanitize(&out)
    }
}

/// Sanitised as it is printed: a message can quote ids and paths taken from
/// the input, and those must not reach the terminal as control sequences.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = self.file.clone();
        if let Some((line, col)) = self.position {
            out.push_str(&format!(":{line}:{col}"));
        }
        out.push_str(": ");
        out.push_str(&self.message);
        f.write_str(&crate::text::sanitize(&out))
    }
}

/// Loading failed; every problem found is listed, not only the first.
#[derive(Debug, Clone, thiserror::Error)]
pub struct DataError {
    pub problems: Vec<Problem>,
}

impl DataError {
    /// The heading ("invalid data: 2 problems") and each problem on a line
    /// of its own, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let n = self.problems.len();
        let head = if n == 1 {
            Msg::new("problems_one")
        } else {
            Msg::new("problems").text("n", n)
        };
        let mut out = format!("{}\n", head.render(lang));
        for p in &self.problems {
            out.push_str(&format!("  {}\n", p.render(lang)));
        }
        out
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}
