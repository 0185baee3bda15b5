//! Writing the progress file: the text (every note and time double-quoted, so
//! YAML 1.1 readers such as `PyYAML` read back the same strings) and the atomic
//! save (temp file beside the target, the old file's mode, fsync, rename).

use std::io::Write;
use std::path::Path;

use serde_yaml::Value;

use super::read::Loose;
use super::{Progress, ProgressError, Stamp, VERSION};

pub(super) const TEMP_PREFIX: &str = ".progress-";
pub(super) const TEMP_SUFFIX: &str = ".tmp";

const DEFAULT_HEADER: &str = "# career-explorer progress: skill states and notes";

/// `s` as a YAML double-quoted scalar that YAML 1.1 and 1.2 readers both read
/// back as the same string: `"` and `\` escaped, and every character `PyYAML`
/// does not accept as printable, or reads as a line break (U+0085, U+2028,
/// U+2029), written as an escape.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{20}'..='\u{7E}' => out.push(c),
            '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..
                if !matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}') =>
            {
                out.push(c);
            }
            c => out.push_str(&format!("\\u{:04X}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// Whether `s` can be written as a plain key that YAML 1.1 and 1.2 readers
/// both read as this string (ids such as `S01`).
fn plain_key(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null"
        )
}

fn key(s: &str) -> String {
    if plain_key(s) {
        s.to_string()
    } else {
        quote(s)
    }
}

/// A scalar `v` as written back: a string plain if every YAML 1.1 and 1.2
/// reader reads it back as that string (else double-quoted), a number, a
/// boolean or null plain, a local tag before its value; `None` for a
/// sequence or mapping.
fn scalar(v: &Value) -> Option<String> {
    Some(match v {
        Value::Null => "~".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => key(s),
        Value::Tagged(t) => format!("{} {}", t.tag, scalar(&t.value)?),
        Value::Sequence(_) | Value::Mapping(_) => return None,
    })
}

/// A key as written back (a sequence or mapping as a key reads as `"?"`).
fn key_value(k: &Value) -> String {
    scalar(k).unwrap_or_else(|| quote("?"))
}

/// Writes the pairs of a mapping in block style after a key's `:` or a `-`.
fn emit_pairs<'a, V: 'a>(
    pairs: impl ExactSizeIterator<Item = (&'a Value, &'a V)>,
    indent: usize,
    out: &mut String,
    emit_value: impl Fn(&V, usize, &mut String),
) {
    if pairs.len() == 0 {
        out.push_str(" {}\n");
        return;
    }
    out.push('\n');
    for (k, v) in pairs {
        out.push_str(&" ".repeat(indent));
        out.push_str(&key_value(k));
        out.push(':');
        emit_value(v, indent + 2, out);
    }
}

/// Writes `v` in block style after a key's `:` or a `-`.
fn emit_value(v: &Value, indent: usize, out: &mut String) {
    match v {
        Value::Sequence(items) if items.is_empty() => out.push_str(" []\n"),
        Value::Sequence(items) => {
            out.push('\n');
            for item in items {
                out.push_str(&" ".repeat(indent));
                out.push('-');
                emit_value(item, indent + 2, out);
            }
        }
        Value::Mapping(m) => emit_pairs(m.iter(), indent, out, emit_value),
        Value::Tagged(t) if scalar(&t.value).is_none() => {
            out.push(' ');
            out.push_str(&t.tag.to_string());
            emit_value(&t.value, indent, out);
        }
        _ => {
            out.push(' ');
            out.push_str(&scalar(v).unwrap_or_default());
            out.push('\n');
        }
    }
}

/// Writes `node` in block style after a key's `:` or a `-`.
fn emit(node: &Loose, indent: usize, out: &mut String) {
    match node {
        Loose::Map(pairs) => emit_pairs(pairs.iter().map(|(k, v)| (k, v)), indent, out, emit),
        Loose::Other(v) => emit_value(v, indent, out),
    }
}

/// The file's text: the comment block the file started with (or ours),
/// `version`, the entries by id, then the entries and keys that did not read,
/// as they were written. CRLF line ends if the file had them.
pub fn to_yaml(p: &Progress) -> String {
    let mut out = String::new();
    if p.disk.header.is_empty() {
        out.push_str(DEFAULT_HEADER);
        out.push('\n');
    }
    for line in &p.disk.header {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&format!("version: {VERSION}\n"));
    // A section that did not read is written below as it was, never twice.
    if !p.profile.is_empty() && p.bad_profile().is_none() {
        out.push_str("profile:\n");
        if let Some(y) = p.profile.years {
            out.push_str(&format!("  years: {y}\n"));
        }
        if let Some(r) = &p.profile.role {
            out.push_str(&format!("  role: {}\n", key(r)));
        }
    }
    // Before `skills`, so that `skills` stays last: an entry appended to
    // the file by hand still lands in it.
    history_yaml(p, &mut out);
    let bad_entries: Vec<_> = p.disk.bad.iter().filter(|b| b.in_skills).collect();
    if p.skills.is_empty() && bad_entries.is_empty() {
        out.push_str("skills: {}\n");
    } else {
        out.push_str("skills:\n");
    }
    for (id, e) in &p.skills {
        out.push_str(&format!("  {}:\n    state: {}\n", key(id), e.state.name()));
        if !e.note.is_empty() {
            out.push_str(&format!("    note: {}\n", quote(&e.note)));
        }
        if let Some(c) = &e.changed {
            out.push_str(&format!("    changed: {}\n", quote(c)));
        }
        if !e.evidence.is_empty() {
            out.push_str(&format!("    evidence: {}\n", quote(&e.evidence)));
        }
        if let Some(d) = &e.evidence_date {
            out.push_str(&format!("    evidence_date: {}\n", quote(d)));
        }
    }
    for b in bad_entries {
        out.push_str("  ");
        out.push_str(&key_value(&b.key_node));
        out.push(':');
        emit(&b.node, 4, &mut out);
    }
    for b in p.disk.bad.iter().filter(|b| !b.in_skills) {
        out.push_str(&key_value(&b.key_node));
        out.push(':');
        emit(&b.node, 2, &mut out);
    }
    if p.disk.crlf {
        out = out.replace('\n', "\r\n");
    }
    out
}

/// The history sections, one flow-style line per record (compact, and
/// still easy to edit by hand); nothing when there is no history.
fn history_yaml(p: &Progress, out: &mut String) {
    let b = &p.history_baseline;
    if !b.is_empty() {
        out.push_str("history_baseline:\n");
        if let Some(d) = &b.date {
            out.push_str(&format!("  date: {}\n", quote(d)));
        }
        out.push_str("  skills:");
        if b.skills.is_empty() {
            out.push_str(" {}");
        }
        out.push('\n');
        for (id, state) in &b.skills {
            out.push_str(&format!("    {}: {}\n", key(id), state.name()));
        }
    }
    if !p.history.is_empty() {
        out.push_str("history:\n");
    }
    for r in &p.history {
        out.push_str(&format!(
            "  - {{date: {}, skill: {}, state: {}}}\n",
            quote(&r.date),
            key(&r.skill),
            r.state.name()
        ));
    }
}

/// Replaces `target` (a resolved path, not a symlink) with `text` atomically:
/// a temp file in the same folder with the old file's mode, fsync, rename,
/// fsync of the folder. A read-only or non-regular target is refused.
/// Returns the new file's stamp.
pub(super) fn replace(target: &Path, text: &str) -> Result<Option<Stamp>, ProgressError> {
    let io = |source| ProgressError::Io {
        path: target.to_path_buf(),
        source,
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let old = match std::fs::metadata(target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    if let Some(m) = &old {
        super::check_regular(target, m)?;
        if m.permissions().readonly() {
            return Err(ProgressError::ReadOnly {
                path: target.to_path_buf(),
            });
        }
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(text.as_bytes()).map_err(io)?;
    if let Some(m) = &old {
        tmp.as_file().set_permissions(m.permissions()).map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(target).map_err(|e| io(e.error))?;
    // The rename itself is durable once the folder is synced (best effort:
    // some file systems refuse to open a folder for syncing).
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(std::fs::metadata(target).ok().map(|m| Stamp::of(&m)))
}
