//! Reading the progress file: leniently (a BOM, CRLF, flow style, comments,
//! aliases within a bound, any capitalisation of a state, `~` as no note, a
//! missing `version`) but precisely: every problem has a line and a column.
//!
//! The text is parsed with yaml-rust2's event parser into a small tree that
//! keeps each node's position; each skill entry is then checked on its own,
//! so one bad entry is reported and kept as written while the rest loads.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::TScalarStyle;

use super::{Bad, Disk, Entry, Progress, ProgressError, State, VERSION};

/// Largest progress file read, in bytes (16 MiB); a larger one is refused
/// before it is read.
pub const MAX_BYTES: u64 = 16 << 20;

/// At most this many values may be made by expanding aliases (`*name`), so a
/// small file cannot expand to gigabytes.
pub const MAX_ALIAS_VALUES: usize = 100_000;

/// Deeper nesting than this is refused (a progress file needs three levels).
const MAX_DEPTH: usize = 64;

/// One YAML node with the 1-based line and column where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Yaml {
    pub kind: Kind,
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Scalar {
        text: String,
        /// Written without quotes (so `~` and the empty text are null).
        plain: bool,
        /// The tag as written back, e.g. `!!str`.
        tag: Option<String>,
    },
    Seq(Vec<Yaml>),
    Map(Vec<(Yaml, Yaml)>),
}

impl Yaml {
    fn count(&self) -> usize {
        match &self.kind {
            Kind::Scalar { .. } => 1,
            Kind::Seq(v) => 1 + v.iter().map(Yaml::count).sum::<usize>(),
            Kind::Map(m) => 1 + m.iter().map(|(k, v)| k.count() + v.count()).sum::<usize>(),
        }
    }

    fn is_null(&self) -> bool {
        matches!(&self.kind, Kind::Scalar { text, plain: true, tag: None }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    fn scalar(&self) -> Option<&str> {
        match &self.kind {
            Kind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }
}

fn tag_text(tag: Tag) -> String {
    match tag.handle.as_str() {
        "tag:yaml.org,2002:" | "!!" => format!("!!{}", tag.suffix),
        "!" => format!("!{}", tag.suffix),
        h => format!("!<{h}{}>", tag.suffix),
    }
}

type Slip = (usize, usize, String);

/// A collection being read: its node and, in a mapping, the key waiting for
/// its value.
struct Open {
    node: Yaml,
    key: Option<Yaml>,
    anchor: usize,
}

/// Builds the tree of the one document in `text` (`None` if it has none).
fn build(text: &str) -> Result<Option<Yaml>, Slip> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Open> = Vec::new();
    let mut anchors: HashMap<usize, Yaml> = HashMap::new();
    let mut root = None;
    let mut documents = 0;
    let mut expanded = 0usize;
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            (
                e.marker().line(),
                e.marker().col() + 1,
                e.info().to_string(),
            )
        })?;
        let (line, col) = (mark.line(), mark.col() + 1);
        let (node, anchor) = match event {
            Event::StreamEnd => return Ok(root),
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err((
                        line,
                        col,
                        "a second YAML document (---): a progress file holds one".into(),
                    ));
                }
                continue;
            }
            Event::Scalar(text, style, anchor, tag) => (
                Yaml {
                    kind: Kind::Scalar {
                        text,
                        plain: style == TScalarStyle::Plain,
                        tag: tag.map(tag_text),
                    },
                    line,
                    col,
                },
                anchor,
            ),
            Event::Alias(id) => {
                let node = anchors.get(&id).cloned().ok_or((
                    line,
                    col,
                    "an alias (*name) to no anchor".to_string(),
                ))?;
                expanded += node.count();
                if expanded > MAX_ALIAS_VALUES {
                    return Err((
                        line,
                        col,
                        format!(
                            "aliases (*name) expand to more than {MAX_ALIAS_VALUES} values: write the entries out instead"
                        ),
                    ));
                }
                (node, 0)
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.len() >= MAX_DEPTH {
                    return Err((
                        line,
                        col,
                        format!("nested more than {MAX_DEPTH} levels deep"),
                    ));
                }
                let kind = if matches!(event, Event::MappingStart(..)) {
                    Kind::Map(Vec::new())
                } else {
                    Kind::Seq(Vec::new())
                };
                stack.push(Open {
                    node: Yaml { kind, line, col },
                    key: None,
                    anchor,
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let open = stack.pop().expect("the parser balances collections");
                (open.node, open.anchor)
            }
            _ => continue,
        };
        if anchor != 0 {
            anchors.insert(anchor, node.clone());
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(open) => match &mut open.node.kind {
                Kind::Seq(items) => items.push(node),
                Kind::Map(pairs) => match open.key.take() {
                    None => open.key = Some(node),
                    Some(key) => pairs.push((key, node)),
                },
                Kind::Scalar { .. } => unreachable!("only collections are open"),
            },
        }
    }
}

/// 1-based line and column (in characters) of byte `at` in `bytes`.
fn position(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, col)
}

/// The comment lines (and blank lines between them) at the top of the file.
fn header(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .lines()
        .map(|l| l.trim_end().to_string())
        .take_while(|l| l.is_empty() || l.starts_with('#'))
        .collect();
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

/// Reads a progress file's bytes. Harmless variations load; a file that does
/// not parse as YAML, is not UTF-8, has a `version` above 1 or a top level
/// that is not a mapping is an error with its line and column. Entries that do
/// not read are listed in `disk.bad` (and kept on save); the rest loads.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Progress, ProgressError> {
    let slip = |(line, col, message): Slip| ProgressError::Syntax {
        path: path.to_path_buf(),
        line,
        col,
        message,
    };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(slip((1, 1, "the file is UTF-16: save it as UTF-8".into())));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let (line, col) = position(bytes, at);
        slip((
            line,
            col,
            format!(
                "not UTF-8 (byte 0x{:02X}): save the file as UTF-8",
                bytes[at]
            ),
        ))
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut progress = Progress::new();
    progress.disk = Disk {
        header: header(text),
        crlf: text.contains("\r\n"),
        ..Disk::default()
    };
    let Some(root) = build(text).map_err(slip)? else {
        return Ok(progress);
    };
    if root.is_null() {
        return Ok(progress);
    }
    let Kind::Map(pairs) = root.kind else {
        return Err(slip((
            root.line,
            root.col,
            "the file must be a mapping with `version` and `skills`".into(),
        )));
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (key, _) in &pairs {
        let name = key.scalar().unwrap_or_default().to_string();
        if let Some(first) = seen.insert(name.clone(), key.line) {
            return Err(slip((
                key.line,
                key.col,
                format!("`{name}` appears twice (first on line {first})"),
            )));
        }
    }
    // The version first: a newer file is refused whatever else it holds.
    if let Some((_, v)) = pairs.iter().find(|(k, _)| k.scalar() == Some("version")) {
        match v.scalar().map(|t| t.trim().parse::<u64>()) {
            Some(Ok(n)) if n == u64::from(VERSION) => {}
            Some(Ok(n)) if n > u64::from(VERSION) => {
                return Err(ProgressError::Newer {
                    path: path.to_path_buf(),
                    version: n,
                });
            }
            _ => {
                return Err(slip((
                    v.line,
                    v.col,
                    format!("`version` must be {VERSION}"),
                )));
            }
        }
    }
    for (key, value) in pairs {
        match key.scalar() {
            Some("version") => {}
            Some("skills") => read_skills(value, &mut progress).map_err(slip)?,
            _ => {
                let name = key.scalar().unwrap_or("?").to_string();
                progress.disk.bad.push(Bad {
                    key: name.clone(),
                    in_skills: false,
                    line: key.line,
                    col: key.col,
                    message: format!(
                        "unknown top-level key `{name}` (expected version, skills); kept as written"
                    ),
                    key_node: key,
                    node: value,
                });
            }
        }
    }
    progress.disk.base = progress.skills.clone();
    Ok(progress)
}

fn read_skills(value: Yaml, progress: &mut Progress) -> Result<(), Slip> {
    if value.is_null() {
        return Ok(());
    }
    let Kind::Map(entries) = value.kind else {
        return Err((
            value.line,
            value.col,
            "`skills` must be a mapping from skill id to entry".into(),
        ));
    };
    let mut first: BTreeMap<String, usize> = BTreeMap::new();
    for (key, value) in entries {
        let Some(id) = key.scalar().map(str::to_string) else {
            return Err((key.line, key.col, "a skill id must be a text".into()));
        };
        let found = if let Some(line) = first.get(&id) {
            Err((
                key.line,
                key.col,
                format!("appears again (first on line {line})"),
            ))
        } else {
            first.insert(id.clone(), key.line);
            entry(&value)
        };
        match found {
            Ok(e) => {
                progress.skills.insert(id, e);
            }
            Err((line, col, message)) => progress.disk.bad.push(Bad {
                message: format!("skill {id}: {message}; kept as written"),
                key: id,
                in_skills: true,
                line,
                col,
                key_node: key,
                node: value,
            }),
        }
    }
    Ok(())
}

fn entry(value: &Yaml) -> Result<Entry, Slip> {
    let at = |n: &Yaml, msg: String| (n.line, n.col, msg);
    let state_of = |n: &Yaml| match n.scalar() {
        Some(t) => State::parse(t).ok_or_else(|| {
            at(
                n,
                format!(
                    "unknown state `{t}`, expected one of {}",
                    State::NAMES.join(", ")
                ),
            )
        }),
        None => Err(at(n, "a state must be a word".into())),
    };
    if value.is_null() {
        return Ok(Entry::default());
    }
    let pairs = match &value.kind {
        // `S01: done`, a shorthand for the state alone.
        Kind::Scalar { .. } => {
            return Ok(Entry {
                state: state_of(value)?,
                ..Entry::default()
            });
        }
        Kind::Seq(_) => {
            return Err(at(
                value,
                "an entry must be a mapping with state, note and changed".into(),
            ));
        }
        Kind::Map(pairs) => pairs,
    };
    let mut e = Entry::default();
    let mut fields: Vec<&str> = Vec::new();
    for (k, v) in pairs {
        let name = k.scalar().unwrap_or("?");
        if fields.contains(&name) {
            return Err(at(k, format!("`{name}` appears twice")));
        }
        fields.push(name);
        let text = |what: &str| match v.scalar() {
            _ if v.is_null() => Ok(None),
            Some(t) => Ok(Some(t.to_string())),
            None => Err(at(v, format!("{what} must be a text"))),
        };
        match name {
            "state" => e.state = state_of(v)?,
            "note" => e.note = crate::text::sanitize(&text("a note")?.unwrap_or_default()),
            "changed" => e.changed = text("`changed`")?,
            _ => {
                return Err(at(
                    k,
                    format!("unknown field `{name}` (expected state, note, changed)"),
                ));
            }
        }
    }
    Ok(e)
}
