//! Errors from loading a data folder. Each problem carries the file and, where
//! known, the line and column, so a user can go straight to the mistake.

use std::fmt;

/// One thing wrong with the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// 1-based line and column, when the parser or a search for the id found them.
    pub position: Option<(usize, usize)>,
    /// The offending id, if the problem is about one.
    pub id: Option<String>,
    pub message: String,
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

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        writeln!(
            f,
            "invalid data: {n} problem{}",
            if n == 1 { "" } else { "s" }
        )?;
        for p in &self.problems {
            writeln!(f, "  {p}")?;
        }
        Ok(())
    }
}
