//! A safety pass over a YAML file before it is deserialised. It walks the
//! parser's events (no values are built) and refuses what our data never
//! needs but an attacker could use: anchors and aliases (one small file can
//! expand to gigabytes), very deep nesting, several documents in one file,
//! duplicate keys, tab indentation and empty files. Every refusal names the
//! line and column and says what to do instead.

use std::collections::HashSet;

use yaml_rust2::parser::{Event, Parser};

/// Deeper nesting than this is refused (our files need about six levels).
pub const MAX_DEPTH: usize = 64;

/// What is wrong and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub line: usize,
    pub col: usize,
    pub message: String,
    /// A plain syntax error (not one of our refusals).
    pub syntax: bool,
}

fn refuse(line: usize, col: usize, message: impl Into<String>) -> Refusal {
    Refusal {
        line,
        col,
        message: message.into(),
        syntax: false,
    }
}

/// Where we are while walking: in a mapping (expecting a key or a value, and
/// the keys seen so far) or in a sequence.
enum Frame {
    Map {
        want_key: bool,
        keys: HashSet<String>,
    },
    Seq,
}

fn too_deep() -> String {
    format!("nested more than {MAX_DEPTH} levels deep: flatten the structure")
}

pub fn check(text: &str) -> Result<(), Refusal> {
    let has_content = text
        .lines()
        .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    if !has_content {
        return Err(refuse(
            1,
            1,
            "the file is empty: it needs the top-level keys of its kind (see docs/DATA.md or the bundled data/)",
        ));
    }
    for (i, line) in text.lines().enumerate() {
        let indent: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        if let Some(col) = indent.chars().position(|c| c == '\t') {
            return Err(refuse(
                i + 1,
                col + 1,
                "a tab in the indentation: YAML indents with spaces only",
            ));
        }
    }

    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut documents = 0;
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            let m = e.marker();
            if e.info().contains("recursion limit") {
                return refuse(m.line(), m.col() + 1, too_deep());
            }
            Refusal {
                syntax: true,
                ..refuse(m.line(), m.col() + 1, e.info().to_string())
            }
        })?;
        let (line, col) = (mark.line(), mark.col() + 1);
        let anchored = match &event {
            Event::Scalar(_, _, anchor, _)
            | Event::SequenceStart(anchor, _)
            | Event::MappingStart(anchor, _) => *anchor != 0,
            _ => false,
        };
        if anchored {
            return Err(refuse(
                line,
                col,
                "anchors (&name) are not allowed in data files: write each value out in full",
            ));
        }
        match event {
            Event::StreamEnd => break,
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(refuse(
                        line,
                        col,
                        "a second YAML document (---) in one file: keep one document per file",
                    ));
                }
            }
            Event::Alias(_) => {
                return Err(refuse(
                    line,
                    col,
                    "aliases (*name) are not allowed in data files: write the value out in full",
                ));
            }
            Event::Scalar(value, ..) => {
                if let Some(Frame::Map { want_key, keys }) = stack.last_mut() {
                    if *want_key && !keys.insert(value.clone()) {
                        return Err(refuse(
                            line,
                            col,
                            format!(
                                "duplicate key `{value}`: each key may appear once in a mapping"
                            ),
                        ));
                    }
                    *want_key = !*want_key;
                }
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(refuse(line, col, too_deep()));
                }
                stack.push(match event {
                    Event::MappingStart(..) => Frame::Map {
                        want_key: true,
                        keys: HashSet::new(),
                    },
                    _ => Frame::Seq,
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                // The closed collection was a key or a value of its parent.
                if let Some(Frame::Map { want_key, .. }) = stack.last_mut() {
                    *want_key = !*want_key;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> (usize, usize, String) {
        let r = check(text).unwrap_err();
        (r.line, r.col, r.message)
    }

    #[test]
    fn plain_data_passes() {
        assert_eq!(check("a: 1\nb:\n  - {c: 2, d: [x, y]}\n  - e: f\n"), Ok(()));
        assert_eq!(
            check("# comment\n---\nk: \"tab\\tinside is fine\"\n"),
            Ok(())
        );
    }

    #[test]
    fn aliases_and_anchors_are_refused_where_they_stand() {
        let (line, col, msg) = at("a: &x [1, 2]\nb: *x\n");
        assert_eq!((line, col), (1, 7), "at the anchored sequence");
        assert!(msg.contains("anchors"), "{msg}");
        let (line, _, msg) = at("a: [1]\nb:\n  - *y\n");
        assert_eq!(line, 3);
        assert!(msg.contains("aliases") || msg.contains("unknown"), "{msg}");
    }

    #[test]
    fn duplicate_keys_are_refused_at_the_second() {
        let (line, col, msg) = at("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n");
        assert_eq!((line, col), (5, 3));
        assert!(msg.contains("duplicate key `c`"), "{msg}");
        // The same key in two different mappings is fine.
        assert_eq!(check("- c: 1\n- c: 2\n"), Ok(()));
        assert_eq!(check("x: {c: 1}\ny: {c: 2}\n"), Ok(()));
    }

    #[test]
    fn depth_documents_tabs_and_empty_files() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        let (line, col, msg) = at(&deep);
        assert_eq!((line, col), (1, MAX_DEPTH + 1));
        assert!(msg.contains("levels deep"), "{msg}");
        let (line, _, msg) = at("a: 1\n---\nb: 2\n");
        assert_eq!(line, 2);
        assert!(msg.contains("second YAML document"), "{msg}");
        let (line, col, msg) = at("a:\n\t- 1\n");
        assert_eq!((line, col), (2, 1));
        assert!(msg.contains("tab"), "{msg}");
        assert!(at("").2.contains("empty"));
        assert!(at("# only a comment\n\n").2.contains("empty"));
    }
}
