//! The safety rules a data file must meet before `serde_yaml` reads it. They
//! refuse what our data never needs but an attacker could use: anchors and
//! aliases (one small file can expand to gigabytes: `serde_yaml` expands them),
//! nesting deeper than [`MAX_DEPTH`], several documents in one file, duplicate
//! keys, tab indentation, control characters and empty files. Every refusal
//! names the 1-based line and column and says what to do instead.
//!
//! [`check`] walks the file's parser events (yaml-rust2's parser, no values
//! built), so its memory is the nesting depth and the keys of the open
//! mappings, whatever the file's size.

use std::collections::HashSet;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::Marker;

use crate::i18n::Msg;

/// Deeper nesting than this is refused (our files need about six levels).
pub const MAX_DEPTH: usize = 64;

/// What is wrong and where (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub line: usize,
    pub col: usize,
    pub message: Msg,
    /// A plain syntax error (not one of our refusals): `serde_yaml` words
    /// those better, so the loader asks it instead.
    pub syntax: bool,
}

fn refuse(line: usize, col: usize, message: Msg) -> Refusal {
    Refusal {
        line,
        col,
        message,
        syntax: false,
    }
}

/// A refusal at a parser mark (0-based column) as a 1-based position.
pub(crate) fn refuse_at(mark: Marker, message: Msg) -> Refusal {
    refuse(mark.line(), mark.col() + 1, message)
}

/// A character YAML does not allow in a stream: C0 and C1 controls but tab,
/// line feed, carriage return and NEL; DEL; U+FFFE and U+FFFF.
fn forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}'))
        || c == '\u{fffe}'
        || c == '\u{ffff}'
}

/// Checks a whole file: the rules on its characters, then on its events.
/// Returns the first rule broken, by precedence: an empty (or comment-only)
/// file, a tab in the indentation, a control character, then what the
/// parser meets first (an anchor, an alias, too deep, a second document, a
/// duplicate key, or a syntax error).
pub fn check(text: &str) -> Result<(), Refusal> {
    let mut tab = None;
    let mut control = None;
    let mut content = false;
    for (n, line) in text.split('\n').enumerate() {
        let body = line.trim_start_matches([' ', '\t']);
        if tab.is_none()
            && let Some(i) = line[..line.len() - body.len()].find('\t')
        {
            tab = Some((n + 1, line[..i].chars().count() + 1));
        }
        content |= !body.trim().is_empty() && !body.starts_with('#');
        if control.is_none()
            && let Some(i) = line.find(forbidden)
        {
            control = Some((n + 1, line[..i].chars().count() + 1));
        }
    }
    if !content {
        return Err(refuse(1, 1, Msg::new("yaml_empty")));
    }
    if let Some((line, col)) = tab {
        return Err(refuse(line, col, Msg::new("yaml_tab")));
    }
    if let Some((line, col)) = control {
        return Err(refuse(line, col, Msg::new("yaml_control")));
    }
    check_events(text)
}

/// One open collection: for a mapping, whether the next node is a key, and
/// the keys so far.
struct Frame {
    map: bool,
    want_key: bool,
    keys: HashSet<String>,
}

fn too_deep() -> Msg {
    Msg::new("yaml_deep").text("max", MAX_DEPTH)
}

fn check_events(text: &str) -> Result<(), Refusal> {
    let mut parser = Parser::new_from_str(text);
    let mut state = Walk::default();
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            if e.info().contains("recursion limit") {
                refuse_at(*e.marker(), too_deep())
            } else {
                Refusal {
                    syntax: true,
                    ..refuse_at(*e.marker(), Msg::reader(e.info()))
                }
            }
        })?;
        if matches!(event, Event::StreamEnd) {
            return Ok(());
        }
        state.take(&event, mark)?;
    }
}

/// Where the walk over the events is: the open collections and how many
/// documents began.
#[derive(Default)]
struct Walk {
    frames: Vec<Frame>,
    documents: usize,
}

impl Walk {
    /// Checks one event against the rules and follows the nesting.
    fn take(&mut self, event: &Event, mark: Marker) -> Result<(), Refusal> {
        let is_key = self.is_key(event);
        match event {
            Event::Scalar(_, _, anchor, _)
            | Event::SequenceStart(anchor, _)
            | Event::MappingStart(anchor, _)
                if *anchor != 0 =>
            {
                Err(refuse_at(mark, Msg::new("yaml_anchor")))
            }
            Event::Alias(_) => Err(refuse_at(mark, Msg::new("yaml_alias"))),
            Event::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(refuse_at(mark, Msg::new("yaml_second_doc")));
                }
                Ok(())
            }
            Event::Scalar(value, ..) if is_key => self.key(value, mark),
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if self.frames.len() >= MAX_DEPTH {
                    return Err(refuse_at(mark, too_deep()));
                }
                self.frames.push(Frame {
                    map: matches!(event, Event::MappingStart(..)),
                    want_key: true,
                    keys: HashSet::new(),
                });
                Ok(())
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.frames.pop();
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Whether `event` is a node in a key's place: the nodes of a mapping are
    /// a key and a value by turns.
    fn is_key(&mut self, event: &Event) -> bool {
        let node = matches!(
            event,
            Event::Scalar(..)
                | Event::Alias(_)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
        );
        node && self.frames.last_mut().is_some_and(|f| {
            let key = f.map && f.want_key;
            f.want_key = !key;
            key
        })
    }

    /// A key of the innermost mapping: refused when it was already given.
    fn key(&mut self, value: &str, mark: Marker) -> Result<(), Refusal> {
        let Some(frame) = self.frames.last_mut() else {
            return Ok(());
        };
        if frame.keys.insert(value.to_string()) {
            Ok(())
        } else {
            Err(refuse_at(mark, Msg::new("yaml_dup_key").text("key", value)))
        }
    }
}
