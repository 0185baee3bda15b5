//! Reading the progress file: leniently (a BOM, CRLF, flow style, comments,
//! aliases within a bound, any capitalisation of a state, `~` as no note, a
//! missing `version`) but precisely: every problem has a line and a column.
//!
//! `serde_yaml` reads the text (after [`super::aliases::bound_aliases`]);
//! mappings keep their pairs in order, duplicates too ([`Loose`]), so each
//! skill entry is checked on its own: one bad entry is reported and kept as
//! written while the rest loads. A slip of the YAML itself is placed by
//! `serde_yaml`; a problem found afterwards by finding its key in the text.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::de::value::{EnumAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Deserialize, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};
use serde_yaml::Value;

use super::{Bad, Disk, Entry, MAX_YEARS, Profile, Progress, ProgressError, State, VERSION};
use crate::i18n::{Arg, Msg};
use crate::store::yamlpos::{LineIndex, content_start, find_key, line_col, serde_error};

/// Largest progress file read, in bytes (16 MiB); a larger one is refused
/// before it is read.
pub const MAX_BYTES: u64 = 16 << 20;

/// At most this many values may be made by expanding aliases (`*name`), so a
/// small file cannot expand to gigabytes.
pub const MAX_ALIAS_VALUES: usize = 100_000;

/// A YAML node as `serde_yaml` reads it, but a mapping keeps its pairs in
/// order, duplicate keys too (`serde_yaml`'s `Mapping` refuses a duplicate,
/// and a skill id given twice is reported and kept, not a broken file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loose {
    Map(Vec<(Value, Loose)>),
    Other(Value),
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Loose, E> {
        Ok(Loose::Other(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose::Other(Value::Number(v.into())))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose::Other(Value::Number(v.into())))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Loose, E> {
        Ok(Loose::Other(Value::Number(v.into())))
    }
    fn visit_str<E>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose::Other(Value::String(v.into())))
    }
    fn visit_unit<E>(self) -> Result<Loose, E> {
        Ok(Loose::Other(Value::Null))
    }
    fn visit_none<E>(self) -> Result<Loose, E> {
        Ok(Loose::Other(Value::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        Loose::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Loose, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Loose::Other)
    }
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Loose, A::Error> {
        Value::deserialize(EnumAccessDeserializer::new(data)).map(Loose::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        let mut pairs = Vec::new();
        while let Some(pair) = map.next_entry::<Value, Loose>()? {
            pairs.push(pair);
        }
        Ok(Loose::Map(pairs))
    }
}

/// A scalar's text (`None` for a sequence or mapping); a local tag is
/// looked through.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::Null => Some("~".into()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        Value::Tagged(t) => text_of(&t.value),
        Value::Sequence(_) | Value::Mapping(_) => None,
    }
}

fn scalar(node: &Loose) -> Option<String> {
    match node {
        Loose::Other(v) => text_of(v),
        Loose::Map(_) => None,
    }
}

type Slip = (usize, usize, Msg);

/// Finds, in order, where the keys `serde_yaml` read are written. A key not
/// found (an escape in a quoted key, say) is placed at the last one found;
/// after a few such misses the search stops, so a file of them stays linear.
struct Seeker<'a> {
    text: &'a str,
    cursor: usize,
    misses: usize,
}

/// Searches a seeker gives up after.
const MAX_MISSES: usize = 8;

impl<'a> Seeker<'a> {
    fn new(text: &'a str, from: usize) -> Self {
        Seeker {
            text,
            cursor: from,
            misses: 0,
        }
    }

    /// The offsets of the next `key` before `to` and of its value.
    fn next(&mut self, key: &Value, to: usize, line_start: bool) -> (usize, usize) {
        let found = text_of(key)
            .filter(|_| self.misses < MAX_MISSES)
            .and_then(|k| {
                let find = |top| find_key(self.text, &k, self.cursor, to, top);
                find(line_start).or_else(|| find(false).filter(|_| line_start))
            });
        if let Some((k, v)) = found {
            self.cursor = v.max(k + 1);
            (k, v)
        } else {
            self.misses += 1;
            (self.cursor, self.cursor)
        }
    }
}

/// The top-level keys a progress file has.
const TOP_KEYS: [&str; 5] = [
    "version",
    "profile",
    "skills",
    "history",
    "history_baseline",
];

/// The fields of a skill entry.
const ENTRY_FIELDS: [&str; 5] = ["state", "note", "changed", "evidence", "evidence_date"];

/// Names written in the file, as a list in a message (in backticks in Chinese).
fn codes(names: &[&str]) -> Arg {
    Arg::Msgs(
        names
            .iter()
            .map(|n| Msg::new("code").text("c", n))
            .collect(),
    )
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

/// The document `serde_yaml` reads from `text`, aliases bounded first.
fn document(text: &str) -> Result<Loose, Slip> {
    let serde_slip = |e: serde_yaml::Error| {
        let (at, message) = serde_error(&e, text);
        let message = if message == "recursion limit exceeded" {
            Msg::new("progress_deep")
        } else {
            Msg::reader(message)
        };
        let (line, col) = at.unwrap_or((1, 1));
        (line, col, message)
    };
    if let Err(r) = super::aliases::bound_aliases(text, MAX_ALIAS_VALUES) {
        // A syntax error: serde_yaml's words for it (its check does not
        // expand aliases), else the pre-pass's.
        if r.syntax
            && let Err(e) = serde_yaml::from_str::<serde::de::IgnoredAny>(text)
        {
            return Err(serde_slip(e));
        }
        return Err((r.line, r.col, r.message));
    }
    serde_yaml::from_str::<Loose>(text).map_err(serde_slip)
}

/// Reads a progress file's bytes. Harmless variations load; a file that does
/// not parse as YAML, is not UTF-8, has a `version` above 1 or a top level
/// that is not a mapping is an error with its line and column. Entries that do
/// not read are listed in `disk.bad` (and kept on save); the rest loads.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Progress, ProgressError> {
    let slip = |s: Slip| syntax_error(path, s);
    let text = decode(bytes).map_err(slip)?;
    let mut progress = Progress::new();
    progress.disk = Disk {
        header: header(text),
        crlf: text.contains("\r\n"),
        ..Disk::default()
    };
    let lines = LineIndex::new(text);
    let Some(pairs) = top_level_pairs(text, &lines).map_err(slip)? else {
        return Ok(progress);
    };
    let mut seek = Seeker::new(text, 0);
    let spots: Vec<(usize, usize)> = pairs
        .iter()
        .map(|(k, _)| seek.next(k, text.len(), true))
        .collect();
    let top = TopLevel {
        text,
        lines: &lines,
        spots: &spots,
    };
    top.check_unique_keys(&pairs).map_err(slip)?;
    top.check_version(&pairs, path)?;
    for (i, (key, value)) in pairs.into_iter().enumerate() {
        top.read_pair(i, key, value, &mut progress).map_err(slip)?;
    }
    progress.disk.base = progress.skills.clone();
    progress.disk.base_profile = progress.profile.clone();
    progress.disk.base_history = progress.history.clone();
    Ok(progress)
}

/// A slip at its line and column in the file at `path`.
fn syntax_error(path: &Path, (line, col, message): Slip) -> ProgressError {
    ProgressError::Syntax {
        path: path.to_path_buf(),
        line,
        col,
        message,
    }
}

/// The file's bytes as UTF-8 text without a leading BOM; UTF-16 or bytes
/// that are not UTF-8 are a slip (at the first bad byte).
fn decode(bytes: &[u8]) -> Result<&str, Slip> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err((1, 1, Msg::new("utf16")));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let (line, col) = line_col(valid, at);
        (
            line,
            col,
            Msg::new("progress_not_utf8").text("byte", format!("{:02X}", bytes[at])),
        )
    })?;
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text))
}

/// The top-level pairs of the document in `text`: `None` for an empty
/// document, a slip when it is not a mapping.
fn top_level_pairs(text: &str, lines: &LineIndex) -> Result<Option<Vec<(Value, Loose)>>, Slip> {
    match document(text)? {
        Loose::Other(Value::Null) => Ok(None),
        Loose::Map(pairs) => Ok(Some(pairs)),
        Loose::Other(_) => {
            let (line, col) = lines.at(content_start(text, 0));
            Err((line, col, Msg::new("progress_not_map")))
        }
    }
}

/// The document's text with where each top-level key and its value are
/// written (`spots`, one per pair, in order).
struct TopLevel<'a> {
    text: &'a str,
    lines: &'a LineIndex<'a>,
    spots: &'a [(usize, usize)],
}

impl TopLevel<'_> {
    /// Line and column of the byte offset `offset`.
    fn at(&self, offset: usize) -> (usize, usize) {
        self.lines.at(offset)
    }

    /// Where the value of the `i`th pair (written at `value`) ends: at the
    /// next key, else at the end of the text.
    fn end_of(&self, i: usize, value: usize) -> usize {
        self.spots
            .get(i + 1)
            .map_or(self.text.len(), |s| s.0.max(value))
    }

    /// No top-level key is written twice.
    fn check_unique_keys(&self, pairs: &[(Value, Loose)]) -> Result<(), Slip> {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for ((key, _), &(k, _)) in pairs.iter().zip(self.spots) {
            let name = text_of(key).unwrap_or_default();
            let (line, col) = self.at(k);
            if let Some(first) = seen.insert(name.clone(), line) {
                let msg = Msg::new("key_twice")
                    .text("name", name)
                    .text("first", first);
                return Err((line, col, msg));
            }
        }
        Ok(())
    }

    /// The version, checked first: a newer file is refused whatever else it
    /// holds; a missing `version` reads as this one.
    fn check_version(&self, pairs: &[(Value, Loose)], path: &Path) -> Result<(), ProgressError> {
        let version = pairs
            .iter()
            .zip(self.spots)
            .find(|((k, _), _)| text_of(k).as_deref() == Some("version"));
        if let Some(((_, v), &(_, value_at))) = version {
            match scalar(v).map(|t| t.trim().parse::<u64>()) {
                Some(Ok(n)) if n == u64::from(VERSION) => {}
                Some(Ok(n)) if n > u64::from(VERSION) => {
                    return Err(ProgressError::Newer {
                        path: path.to_path_buf(),
                        version: n,
                    });
                }
                _ => {
                    let (line, col) = self.at(value_at);
                    let message = Msg::new("version_must").text("v", VERSION);
                    return Err(syntax_error(path, (line, col, message)));
                }
            }
        }
        Ok(())
    }

    /// Reads the `i`th top-level pair into `progress`; a section that does
    /// not read is kept as written in `disk.bad`.
    fn read_pair(
        &self,
        i: usize,
        key: Value,
        value: Loose,
        progress: &mut Progress,
    ) -> Result<(), Slip> {
        let (k, v) = self.spots[i];
        match text_of(&key).as_deref() {
            Some("version") => {}
            Some("profile") if profile(&value).is_ok() => {
                progress.profile = profile(&value).unwrap_or_default();
            }
            Some("profile") => {
                let bad = self.bad_profile(i, key, value);
                progress.disk.bad.push(bad);
            }
            Some("history") if history(&value).is_ok() => {
                progress.history = history(&value).unwrap_or_default();
            }
            Some("history_baseline") if baseline(&value).is_ok() => {
                progress.history_baseline = baseline(&value).unwrap_or_default();
            }
            Some("skills") => {
                let span = (v, self.end_of(i, v));
                read_skills(value, (self.lines, self.text), span, progress)?;
            }
            name => {
                let name = name.unwrap_or("?").to_string();
                let bad = self.bad_key(name, k, key, value);
                progress.disk.bad.push(bad);
            }
        }
        Ok(())
    }

    /// The `profile` section (the `i`th pair) that does not read, placed
    /// where its slip is.
    fn bad_profile(&self, i: usize, key: Value, value: Loose) -> Bad {
        let (k, v) = self.spots[i];
        let (spot, why) = profile(&value)
            .err()
            .unwrap_or((Spot::Value, Msg::reader("")));
        let (line, col) = self.at(spot.find(&value, self.text, (k, v, self.end_of(i, v))));
        Bad {
            key: "profile".into(),
            in_skills: false,
            line,
            col,
            message: Msg::new("profile_unread").arg("why", Arg::Msgs(vec![why])),
            key_node: key,
            node: value,
        }
    }

    /// A top-level key `name` (written at `k`) that is unknown, or a history
    /// section that does not read.
    fn bad_key(&self, name: String, k: usize, key: Value, value: Loose) -> Bad {
        let (line, col) = self.at(k);
        Bad {
            message: match name.as_str() {
                "history" | "history_baseline" => Msg::new("history_unread").text("name", &name),
                _ => Msg::new("unknown_top_key")
                    .text("name", &name)
                    .arg("keys", codes(&TOP_KEYS)),
            },
            key: name,
            in_skills: false,
            line,
            col,
            key_node: key,
            node: value,
        }
    }
}

/// A node as a plain YAML value (mappings rebuilt from their pairs; a
/// duplicate key keeps the last).
fn plain(node: &Loose) -> Value {
    match node {
        Loose::Other(v) => v.clone(),
        Loose::Map(pairs) => {
            Value::Mapping(pairs.iter().map(|(k, v)| (k.clone(), plain(v))).collect())
        }
    }
}

/// The `history` list: `{date, skill, state}` records with real days and
/// known states (in any capitalisation); anything else does not read.
fn history(node: &Loose) -> Result<Vec<super::timeline::Record>, ()> {
    let Value::Sequence(items) = plain(node) else {
        return if matches!(node, Loose::Other(Value::Null)) {
            Ok(Vec::new())
        } else {
            Err(())
        };
    };
    items
        .iter()
        .map(|item| {
            let field = |k: &str| item.get(k).and_then(text_of);
            let date = field("date")
                .filter(|d| crate::dates::parse_day(d).is_some())
                .ok_or(())?;
            let state = field("state").and_then(|s| State::parse(&s)).ok_or(())?;
            let skill = field("skill").ok_or(())?;
            let known = item.as_mapping().is_some_and(|m| m.len() == 3);
            known
                .then_some(super::timeline::Record {
                    date: date[..10].to_string(),
                    skill,
                    state,
                })
                .ok_or(())
        })
        .collect()
}

/// The `history_baseline` mapping: `date` and `skills` (skill id to state).
fn baseline(node: &Loose) -> Result<super::timeline::Baseline, ()> {
    let v = plain(node);
    let mut b = super::timeline::Baseline::default();
    let Value::Mapping(m) = v else {
        return if v.is_null() { Ok(b) } else { Err(()) };
    };
    for (k, v) in &m {
        match (text_of(k).as_deref(), v) {
            (Some("date"), v) => {
                b.date = Some(
                    text_of(v)
                        .filter(|d| crate::dates::parse_day(d).is_some())
                        .ok_or(())?,
                );
            }
            (Some("skills"), Value::Mapping(skills)) => {
                for (id, state) in skills {
                    let id = text_of(id).ok_or(())?;
                    let state = text_of(state).and_then(|s| State::parse(&s)).ok_or(())?;
                    b.skills.insert(id, state);
                }
            }
            (Some("skills"), Value::Null) => {}
            _ => return Err(()),
        }
    }
    Ok(b)
}

/// The `profile` section: `years` (a whole number in 0..=[`MAX_YEARS`]) and
/// `role` (a role id), both optional; anything else does not read (the
/// section is then kept as written and reported where the slip is).
fn profile(node: &Loose) -> Result<Profile, (Spot, Msg)> {
    let expected = || Arg::Msgs(vec![Msg::new("profile_expected")]);
    let pairs = match node {
        Loose::Other(Value::Null) => return Ok(Profile::default()),
        Loose::Map(pairs) => pairs,
        Loose::Other(_) => {
            let msg = Msg::new("profile_not_map").arg("expected", expected());
            return Err((Spot::Value, msg));
        }
    };
    let mut p = Profile::default();
    for (i, (k, v)) in pairs.iter().enumerate() {
        match (text_of(k).as_deref(), v) {
            (Some("years" | "role"), Loose::Other(Value::Null)) => {}
            (Some("years"), Loose::Other(Value::Number(n))) => {
                let years = n
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .filter(|y| *y <= MAX_YEARS);
                p.years = Some(years.ok_or_else(|| {
                    (
                        Spot::FieldValue(i),
                        Msg::new("years_range").text("n", n).text("max", MAX_YEARS),
                    )
                })?);
            }
            (Some("role"), Loose::Other(Value::String(r))) => p.role = Some(r.clone()),
            (Some("years" | "role"), _) => {
                return Err((Spot::FieldValue(i), Msg::new("profile_expected")));
            }
            _ => {
                let msg = Msg::new("profile_unknown_field").arg("expected", expected());
                return Err((Spot::FieldKey(i), msg));
            }
        }
    }
    Ok(p)
}

/// Reads the entries of `skills`, whose value is written in `text` between
/// the byte offsets `span` (`lines` indexes `text`).
fn read_skills(
    value: Loose,
    (lines, text): (&LineIndex<'_>, &str),
    span: (usize, usize),
    progress: &mut Progress,
) -> Result<(), Slip> {
    let at = |offset| lines.at(offset);
    let entries = match value {
        Loose::Other(Value::Null) => return Ok(()),
        Loose::Map(entries) => entries,
        Loose::Other(_) => {
            let (line, col) = at(span.0);
            return Err((line, col, Msg::new("skills_not_map")));
        }
    };
    let mut seek = Seeker::new(text, span.0);
    let spots: Vec<(usize, usize)> = entries
        .iter()
        .map(|(k, _)| seek.next(k, span.1, false))
        .collect();
    let mut first: BTreeMap<String, usize> = BTreeMap::new();
    for (i, ((key, value), &(k, v))) in entries.into_iter().zip(&spots).enumerate() {
        let (line, col) = at(k);
        let Some(id) = text_of(&key).filter(|_| !matches!(key, Value::Tagged(_))) else {
            return Err((line, col, Msg::new("skill_id_text")));
        };
        let found = if let Some(first) = first.get(&id) {
            Err((Spot::Key, Msg::new("entry_again").text("first", first)))
        } else {
            first.insert(id.clone(), line);
            entry(&value)
        };
        match found {
            Ok(e) => {
                progress.skills.insert(id, e);
            }
            Err((spot, message)) => {
                let end = spots.get(i + 1).map_or(span.1, |s| s.0.max(v));
                let (line, col) = at(spot.find(&value, text, (k, v, end)));
                progress.disk.bad.push(Bad {
                    message: Msg::new("entry_unread")
                        .text("id", &id)
                        .arg("why", Arg::Msgs(vec![message])),
                    key: id,
                    in_skills: true,
                    line,
                    col,
                    key_node: key,
                    node: value,
                });
            }
        }
    }
    Ok(())
}

/// Where in an entry a problem is.
enum Spot {
    /// The skill id.
    Key,
    /// The entry's value.
    Value,
    /// The key of the entry's `n`th field.
    FieldKey(usize),
    /// The value of the entry's `n`th field.
    FieldValue(usize),
}

impl Spot {
    /// The byte offset of the spot in the entry `node`, written in `text`
    /// with its key at `key`, its value at `value`, and ending before `end`.
    /// A field not found (in an anchor written elsewhere) is placed at the
    /// entry's value.
    fn find(&self, node: &Loose, text: &str, (key, value, end): (usize, usize, usize)) -> usize {
        let (n, want_value) = match *self {
            Spot::Key => return key,
            Spot::Value => return value,
            Spot::FieldKey(n) => (n, false),
            Spot::FieldValue(n) => (n, true),
        };
        let Loose::Map(pairs) = node else {
            return value;
        };
        let mut seek = Seeker::new(text, value);
        let mut spot = (value, value);
        for (k, _) in pairs.iter().take(n + 1) {
            spot = seek.next(k, end, false);
        }
        if seek.misses > 0 {
            value
        } else if want_value {
            spot.1
        } else {
            spot.0
        }
    }
}

fn entry(value: &Loose) -> Result<Entry, (Spot, Msg)> {
    let state_of = |n: &Loose, spot: Spot| match scalar(n) {
        Some(t) => State::parse(&t).ok_or_else(|| {
            (
                spot,
                Msg::new("unknown_state")
                    .text("state", &t)
                    .arg("names", codes(&State::NAMES)),
            )
        }),
        None => Err((spot, Msg::new("state_word"))),
    };
    let pairs = match value {
        Loose::Other(Value::Null) => return Ok(Entry::default()),
        // `S01: done`, a shorthand for the state alone.
        Loose::Other(v) if text_of(v).is_some() => {
            return Ok(Entry {
                state: state_of(value, Spot::Value)?,
                ..Entry::default()
            });
        }
        // A local tag (`!mine {state: done}`) is looked through.
        Loose::Other(Value::Tagged(t)) if t.value.is_mapping() => {
            let m = t.value.as_mapping().into_iter().flatten();
            let pairs = m.map(|(k, v)| (k.clone(), Loose::Other(v.clone())));
            return entry(&Loose::Map(pairs.collect()));
        }
        Loose::Other(_) => {
            return Err((Spot::Value, Msg::new("entry_not_map")));
        }
        Loose::Map(pairs) => pairs,
    };
    let mut e = Entry::default();
    let mut fields: Vec<String> = Vec::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        let name = text_of(k).unwrap_or_else(|| "?".into());
        if fields.contains(&name) {
            return Err((
                Spot::FieldKey(i),
                Msg::new("field_twice").text("name", name),
            ));
        }
        let text = |what: &'static str| match v {
            Loose::Other(Value::Null) => Ok(None),
            _ => scalar(v).map(Some).ok_or_else(|| {
                let msg = Msg::new("must_be_text").arg("what", Arg::Word(what));
                (Spot::FieldValue(i), msg)
            }),
        };
        match name.as_str() {
            "state" => e.state = state_of(v, Spot::FieldValue(i))?,
            "note" => e.note = crate::text::sanitize(&text("a note")?.unwrap_or_default()),
            "changed" => e.changed = text("`changed`")?,
            "evidence" => {
                e.evidence = crate::text::sanitize(&text("evidence")?.unwrap_or_default());
            }
            "evidence_date" => e.evidence_date = text("`evidence_date`")?,
            _ => {
                let msg = Msg::new("entry_unknown_field")
                    .text("name", name)
                    .arg("fields", codes(&ENTRY_FIELDS));
                return Err((Spot::FieldKey(i), msg));
            }
        }
        fields.push(name);
    }
    Ok(e)
}
