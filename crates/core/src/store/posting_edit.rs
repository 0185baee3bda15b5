//! Correcting one requirement of the user's own posting: which skills it
//! names and whether it is required or preferred.
//!
//! The change goes to the posting's file in place: only the item's
//! `skills`, `preferred` and `evidence` (a removed skill's words go with it;
//! an undo brings them back) are rewritten;
//! every other line (comments, order, quoting) stays as the user wrote it.
//! The result is read back and compared with what was meant before it
//! replaces the file (a temp file beside it, synced, renamed over it), so a
//! layout this editor does not understand is refused, never garbled.
//! Bundled postings are read-only.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::model::{Catalog, Lang, Posting, PostingItem};
use crate::store::loader;

/// What an edit can change of a requirement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemEdit {
    /// Skill ids, in the order the file lists them.
    pub skills: Vec<String>,
    pub preferred: bool,
    /// The words of the ad that named each skill (only skills of `skills`).
    pub evidence: BTreeMap<String, String>,
}

impl ItemEdit {
    /// The editable part of `item` as it stands.
    pub fn of(item: &PostingItem) -> ItemEdit {
        ItemEdit {
            skills: item.skills.clone(),
            preferred: item.preferred,
            evidence: item
                .evidence
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().to_string()))
                .collect(),
        }
    }
}

/// Why an edit was not made, in English and Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// Bad input: no such posting, item or skill; a bundled posting.
    Input([String; 2]),
    /// The file could not be read, understood or written; nothing changed.
    File([String; 2]),
}

impl EditError {
    /// The message in `lang`.
    pub fn message(&self, lang: crate::model::Lang) -> &str {
        match self {
            EditError::Input(m) | EditError::File(m) => &m[lang as usize],
        }
    }
}

/// Both languages, English first: for the command line.
impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::Input([en, zh]) | EditError::File([en, zh]) => write!(f, "{en}\n{zh}"),
        }
    }
}

fn input(en: String, zh: String) -> EditError {
    EditError::Input([en, zh])
}

fn file_error(en: String, zh: String) -> EditError {
    EditError::File([en, zh])
}

/// Where requirement `item` of posting `posting` is: the posting's index,
/// the requirement's index, and the file of the own posting. Unknown ids
/// and bundled postings are [`EditError::Input`].
pub fn locate<'c>(
    c: &'c Catalog,
    posting: &str,
    item: &str,
) -> Result<(usize, usize, &'c Path), EditError> {
    let Some(p) = c.postings.iter().position(|p| p.id == posting) else {
        let known: Vec<&str> = c.postings.iter().map(|p| p.id.as_str()).collect();
        return Err(input(
            format!("no posting `{posting}`; postings: {}", known.join(", ")),
            format!("没有招聘启事 `{posting}`（可用 career-explorer postings 查看）"),
        ));
    };
    let Some(file) = c.own_posting_file(p) else {
        return Err(input(
            format!(
                "`{posting}` is a bundled posting and is read-only; only your own postings can be edited (import one with career-explorer postings import)"
            ),
            format!(
                "`{posting}` 是内置招聘启事，只读；只能修改你自己的招聘启事（可用 career-explorer postings import 导入）"
            ),
        ));
    };
    let reqs = &c.postings[p].requirements;
    let Some(i) = reqs.iter().position(|r| r.id == item) else {
        let known: Vec<&str> = reqs.iter().map(|r| r.id.as_str()).collect();
        return Err(input(
            format!(
                "posting `{posting}` has no requirement `{item}`; its requirements: {}",
                known.join(", ")
            ),
            format!(
                "招聘启事 `{posting}` 没有任职要求 `{item}`；它的任职要求：{}",
                known.join("、")
            ),
        ));
    };
    Ok((p, i, file))
}

/// `current` with the skills of `add` appended (once each), those of
/// `remove` taken out, and `preferred` set when given. A skill id the
/// catalog does not have, or a removal of a skill the item does not name,
/// is [`EditError::Input`].
pub fn apply(
    c: &Catalog,
    current: &ItemEdit,
    add: &[String],
    remove: &[String],
    preferred: Option<bool>,
) -> Result<ItemEdit, EditError> {
    let mut next = current.clone();
    for s in add {
        if c.skill_index(s).is_none() {
            return Err(input(
                format!("no skill `{s}` (see career-explorer skills, or search for it)"),
                format!("没有技能 `{s}`（可用 career-explorer skills 查看）"),
            ));
        }
        if !next.skills.contains(s) {
            next.skills.push(s.clone());
        }
    }
    for s in remove {
        let Some(at) = next.skills.iter().position(|x| x == s) else {
            return Err(input(
                format!(
                    "the requirement does not name skill `{s}`; it names: {}",
                    current.skills.join(", ")
                ),
                format!(
                    "这条任职要求没有对应技能 `{s}`；它对应：{}",
                    current.skills.join("、")
                ),
            ));
        };
        next.skills.remove(at);
    }
    if let Some(p) = preferred {
        next.preferred = p;
    }
    let kept = next.skills.clone();
    next.evidence.retain(|k, _| kept.contains(k));
    Ok(next)
}

/// Sets `item` to `edit` in memory: its skills (resolved against `c`), its
/// kind, and the evidence of the skills it keeps.
pub fn apply_to_item(c: &Catalog, item: &mut PostingItem, edit: &ItemEdit) {
    item.skills = edit.skills.clone();
    item.preferred = edit.preferred;
    item.evidence = edit
        .evidence
        .iter()
        .map(|(k, v)| (k.clone(), crate::model::Clean::new(v)))
        .collect();
    item.skill_idx = edit
        .skills
        .iter()
        .filter_map(|s| c.skill_index(s))
        .collect();
}

/// Rewrites requirement `item` of the posting in `file` from `expect` to
/// `new`. The file must still hold `expect` for it (else it was changed
/// since, and is left alone). Writes atomically; returns the file written.
pub fn write(
    file: &Path,
    item: &str,
    expect: &ItemEdit,
    new: &ItemEdit,
) -> Result<PathBuf, EditError> {
    let shown = file.display().to_string();
    // Through a link, the file it points to is edited; the link stays.
    let path = std::fs::canonicalize(file).map_err(|e| {
        file_error(
            format!("cannot read {shown}: {e}"),
            format!("无法读取 {shown}：{e}"),
        )
    })?;
    if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
        return Err(file_error(
            format!("{shown} is not a regular file; nothing was changed"),
            format!("{shown} 不是普通文件；未做任何更改"),
        ));
    }
    // `why` is a reader's message in each language (with its position).
    let unreadable = |[en, zh]: [String; 2]| {
        file_error(
            format!("cannot edit {shown}: {en}; nothing was changed"),
            format!("无法修改 {shown}（{zh}）；未做任何更改"),
        )
    };
    let both = |p: &crate::error::Problem, whole: bool| {
        [Lang::En, Lang::Zh].map(|l| if whole { p.render(l) } else { p.message_in(l) })
    };
    let text = loader::read_text(&path, loader::MAX_FILE_BYTES)
        .map_err(|p| unreadable(both(&p, false)))?;
    let old: Posting = loader::parse_text(&shown, &text)
        .map_err(|p| unreadable(p.first().map_or_else(Default::default, |p| both(p, true))))?;
    let Some(now) = old.requirements.iter().find(|r| r.id == item) else {
        return Err(unreadable([
            format!("it has no requirement `{item}` any more"),
            format!("它已没有任职要求 `{item}`"),
        ]));
    };
    if ItemEdit::of(now) != *expect {
        return Err(file_error(
            format!(
                "{shown} was changed since it was loaded ({item} differs); nothing was changed: restart the app to see it"
            ),
            format!("{shown} 在加载后被改动过（{item} 不同）；未做任何更改：请重新打开应用"),
        ));
    }
    let edited = edit_text(&text, &old, item, new).ok_or_else(|| {
        file_error(
            format!(
                "cannot edit {shown} in place: its layout around `{item}` is not one this editor understands; nothing was changed (edit its `skills` and `preferred` by hand)"
            ),
            format!("无法就地修改 {shown}：`{item}` 附近的写法无法识别；未做任何更改（请手动修改 `skills` 和 `preferred`）"),
        )
    })?;
    save(&path, &edited).map_err(|e| {
        file_error(
            format!("cannot write {shown}: {e}; nothing was changed"),
            format!("无法写入 {shown}：{e}；未做任何更改"),
        )
    })?;
    Ok(path)
}

/// Replaces `path` with `text`: a temp file in its folder (hidden, so the
/// loader skips it), synced, given the old file's permissions, renamed over.
fn save(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".posting-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// `text` (which parses as `old`) with requirement `item` set to `new`,
/// everything else as written; `None` when the layout is not understood or
/// the result does not read back as meant.
pub fn edit_text(text: &str, old: &Posting, item: &str, new: &ItemEdit) -> Option<String> {
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut block = item_block(&lines, item)?;
    block.skills_order = new.skills.clone();
    let old_item = old.requirements.iter().find(|r| r.id == item)?;
    let mut out: Vec<String> = lines.iter().map(std::string::ToString::to_string).collect();
    // Edit from the bottom up so the earlier regions keep their lines.
    let mut regions: Vec<(std::ops::Range<usize>, Vec<String>)> = Vec::new();
    let keys = block.keys(&lines);
    let find = |k: &str| {
        keys.iter()
            .find(|(name, _)| name == k)
            .map(|(_, r)| r.clone())
    };
    let mut skills_lines = block.render_skills(&lines, find("skills"), &new.skills, eol);
    if let Some(r) = find("preferred") {
        // `false` is the default: the key goes, as an undo of `t` leaves it.
        let line = new
            .preferred
            .then(|| block.key_line(&lines, r.start, "preferred", "true", eol));
        regions.push((r, line.into_iter().collect()));
    } else if new.preferred {
        let lead = " ".repeat(block.key_col);
        skills_lines.push(format!("{lead}preferred: true{eol}"));
    }
    let old_ev = ItemEdit::of(old_item).evidence;
    match find("evidence") {
        _ if old_ev == new.evidence => {}
        Some(r) => regions.push((
            r.clone(),
            block.render_evidence(&lines, r, &old_ev, &new.evidence, eol)?,
        )),
        None => skills_lines.extend(block.evidence_block(None, &new.evidence, eol)),
    }
    if let Some(r) = find("skills") {
        regions.push((r, skills_lines));
    } else {
        // After the item's last key: a new key cannot break a
        // multi-line value there.
        let at = keys.last().map_or(block.first + 1, |(_, r)| r.end);
        regions.push((at..at, skills_lines));
    }
    regions.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    for (r, new_lines) in regions {
        out.splice(r, new_lines);
    }
    let result: String = out.concat();
    // Read back: the posting must be the old one with this item changed.
    let mut want = old.clone();
    if let Some(w) = want.requirements.iter_mut().find(|r| r.id == item) {
        w.skills = new.skills.clone();
        w.preferred = new.preferred;
        w.evidence = new
            .evidence
            .iter()
            .map(|(k, v)| (k.clone(), crate::model::Clean::new(v)))
            .collect();
    }
    let got: Posting = loader::parse_text("edit", &result).ok()?;
    (format!("{got:?}") == format!("{want:?}")).then_some(result)
}

/// An item of a block sequence: its lines `[first, end)`, the column its
/// keys start at, and the order its skills are written in after the edit.
struct Block {
    first: usize,
    end: usize,
    key_col: usize,
    skills_order: Vec<String>,
}

fn self_position(order: &[String], k: &str) -> usize {
    order.iter().position(|s| s == k).unwrap_or(usize::MAX)
}

/// `s` as a YAML scalar: plain when it plainly reads back as the same
/// string (letters, digits, spaces and a few marks), else a JSON string,
/// which YAML reads as a double-quoted one.
fn yaml_string(s: &str) -> String {
    let plain = s.chars().any(char::is_alphabetic)
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '/' | '+'))
        && s.trim() == s
        && !s.starts_with(['-', '.'])
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
        );
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// The text of `line` from column `col` when it starts a `key:` there.
fn key_at(line: &str, col: usize) -> Option<(&str, &str)> {
    let rest = line.get(col..)?;
    let colon = rest.find(':')?;
    let key = &rest[..colon];
    let ok = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let after = &rest[colon + 1..];
    (ok && (after.is_empty() || after.starts_with([' ', '\r', '\n']))).then_some((key, after))
}

/// A plain or quoted scalar, its comment dropped.
fn scalar(value: &str) -> &str {
    let v = value.split(" #").next().unwrap_or("").trim();
    v.trim_matches(['"', '\''])
}

/// The block of requirement `item`: found after the top-level
/// `requirements:` key, as a `- ` entry holding `id: <item>`.
fn item_block(lines: &[&str], item: &str) -> Option<Block> {
    let start = lines
        .iter()
        .position(|l| key_at(l, 0).is_some_and(|(k, _)| k == "requirements"))?;
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        // The next top-level key ends the list (its entries may start at
        // column 0: `- id: Q1`).
        if !is_blank_or_comment(line) && indent(line) == 0 && !line.starts_with('-') {
            return None;
        }
        let ind = indent(line);
        let (col, first) = match line[ind..].strip_prefix("- ") {
            Some(rest) => (ind + 2 + indent(rest), true),
            None => (ind, false),
        };
        let Some(("id", value)) = key_at(line, col) else {
            continue;
        };
        if scalar(value) != item {
            continue;
        }
        let first_line = if first {
            i
        } else {
            // The `- ` is on an earlier line of this entry.
            (start + 1..i).rev().find(|&j| {
                let l = lines[j];
                indent(l) + 2 == col && l.trim_start().starts_with('-')
            })?
        };
        let end = (i + 1..lines.len())
            .find(|&j| !is_blank_or_comment(lines[j]) && indent(lines[j]) < col)
            .unwrap_or(lines.len());
        return Some(Block {
            first: first_line,
            end,
            key_col: col,
            skills_order: Vec::new(),
        });
    }
    None
}

impl Block {
    /// The item's keys, each with its lines (trailing blanks and comments
    /// left outside).
    fn keys(&self, lines: &[&str]) -> Vec<(String, std::ops::Range<usize>)> {
        let mut starts: Vec<(String, usize)> = Vec::new();
        for (j, line) in lines.iter().enumerate().take(self.end).skip(self.first) {
            if is_blank_or_comment(line) {
                continue;
            }
            let on_dash = j == self.first && line.trim_start().starts_with("- ");
            if (on_dash || indent(line) == self.key_col)
                && let Some((k, _)) = key_at(line, self.key_col)
            {
                starts.push((k.to_string(), j));
            }
        }
        let mut out = Vec::new();
        for (n, (k, s)) in starts.iter().enumerate() {
            let mut e = starts.get(n + 1).map_or(self.end, |x| x.1);
            while e > s + 1 && is_blank_or_comment(lines[e - 1]) {
                e -= 1;
            }
            out.push((k.clone(), *s..e));
        }
        out
    }

    /// What comes before a key on line `at`: the `- ` of the entry's first
    /// line, or the indentation.
    fn lead(&self, lines: &[&str], at: usize) -> String {
        lines[at][..self.key_col].to_string()
    }

    /// `key: value` on line `at`'s lead, its comment kept.
    fn key_line(&self, lines: &[&str], at: usize, key: &str, value: &str, eol: &str) -> String {
        let comment = lines[at]
            .trim_end()
            .split_once(" #")
            .map(|(_, c)| format!(" #{c}"))
            .unwrap_or_default();
        format!("{}{key}: {value}{comment}{eol}", self.lead(lines, at))
    }

    /// The `skills` key with `skills`, in the style it had (a flow list, or
    /// a block list at its indentation), and the lines it takes.
    fn render_skills(
        &self,
        lines: &[&str],
        region: Option<std::ops::Range<usize>>,
        skills: &[String],
        eol: &str,
    ) -> Vec<String> {
        let flow = format!("[{}]", skills.join(", "));
        let Some(r) = region else {
            return vec![format!("{}skills: {flow}{eol}", " ".repeat(self.key_col))];
        };
        let head = lines[r.start];
        let value = key_at(head, self.key_col).map_or("", |(_, v)| v);
        let block_style = scalar(value).is_empty() && !skills.is_empty();
        if !block_style {
            let comment = if r.len() == 1 {
                value
                    .split_once(" #")
                    .map(|(_, c)| format!(" #{}", c.trim_end()))
                    .unwrap_or_default()
            } else {
                String::new()
            };
            let lead = self.lead(lines, r.start);
            return vec![format!("{lead}skills: {flow}{comment}{eol}")];
        }
        let dash = lines[r.start + 1..r.end]
            .iter()
            .find(|l| l.trim_start().starts_with("- "))
            .map_or(self.key_col + 2, |l| indent(l));
        let mut out = vec![format!("{}skills:{eol}", self.lead(lines, r.start))];
        out.extend(
            skills
                .iter()
                .map(|s| format!("{}- {s}{eol}", " ".repeat(dash))),
        );
        out
    }

    /// The `evidence` key as `new`: when it only drops entries of `old`,
    /// the kept lines of a block mapping as written; else written anew;
    /// nothing when none is left. `None` for a layout not understood.
    fn render_evidence(
        &self,
        lines: &[&str],
        r: std::ops::Range<usize>,
        old: &BTreeMap<String, String>,
        new: &BTreeMap<String, String>,
        eol: &str,
    ) -> Option<Vec<String>> {
        if new.is_empty() {
            return Some(Vec::new());
        }
        let head = lines[r.start];
        let value = key_at(head, self.key_col).map_or("", |(_, v)| v);
        let subset = new.iter().all(|(k, v)| old.get(k) == Some(v));
        if !subset || !scalar(value).is_empty() {
            return Some(self.evidence_block(Some(self.lead(lines, r.start)), new, eol));
        }
        let body = &lines[r.start + 1..r.end];
        let col = body
            .iter()
            .find(|l| !is_blank_or_comment(l))
            .map(|l| indent(l))?;
        let mut out = vec![head.to_string()];
        let mut keep = true;
        for l in body {
            if !is_blank_or_comment(l) && indent(l) == col {
                let (k, _) = key_at(l, col).or_else(|| {
                    // A quoted key: "python": ...
                    let t = l.trim_start();
                    let q = t.chars().next().filter(|c| *c == '"' || *c == '\'')?;
                    let end = t[1..].find(q)?;
                    Some((&t[1..=end], ""))
                })?;
                keep = new.contains_key(k);
            }
            if keep {
                out.push(l.to_string());
            }
        }
        Some(out)
    }

    /// `evidence:` as a block mapping, each value a JSON string (valid
    /// YAML), after `lead` (the key's indentation when `None`).
    fn evidence_block(
        &self,
        lead: Option<String>,
        evidence: &BTreeMap<String, String>,
        eol: &str,
    ) -> Vec<String> {
        if evidence.is_empty() {
            return Vec::new();
        }
        let lead = lead.unwrap_or_else(|| " ".repeat(self.key_col));
        let inner = " ".repeat(self.key_col + 2);
        let mut out = vec![format!("{lead}evidence:{eol}")];
        // In the order of the skills, as a person lists them.
        let mut keys: Vec<&String> = evidence.keys().collect();
        keys.sort_by_key(|k| self_position(&self.skills_order, k));
        for k in keys {
            out.push(format!("{inner}{k}: {}{eol}", yaml_string(&evidence[k])));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# mine\nid: acme\ncompany: Acme\ntitle: T\nrole: ai_engineer\nsource: S\nresponsibilities: []\nrequirements:\n- id: Q1\n  text: Python # kept\n  skills:\n  - python\n  evidence:\n    python: Python\n  min_years: 5\n- id: Q3\n  text: Strong communication skills\n  skills:\n  - communication\n  evidence:\n    communication: communication skills\n- id: Q4\n  text: Rust\n  skills: [rust]  # mine\n";

    fn edit(item: &str, skills: &[&str], preferred: bool) -> Option<String> {
        let old: Posting = loader::parse_text("t", FILE).unwrap();
        let item = old.requirements.iter().find(|r| r.id == item).unwrap();
        let mut new = ItemEdit::of(item);
        new.skills = skills
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        new.preferred = preferred;
        let kept = new.skills.clone();
        new.evidence.retain(|k, _| kept.contains(k));
        edit_text(FILE, &old, &item.id, &new)
    }

    #[test]
    fn a_block_list_is_rewritten_in_its_style_and_the_rest_kept() {
        let out = edit("Q3", &["python"], true).expect("edited");
        assert!(
            out.contains("- id: Q3\n  text: Strong communication skills\n  skills:\n  - python\n  preferred: true\n- id: Q4"),
            "{out}"
        );
        assert!(out.starts_with("# mine\n") && out.contains("text: Python # kept\n"));
        let out = edit("Q1", &["python", "rag"], false).expect("edited");
        assert!(
            out.contains("  skills:\n  - python\n  - rag\n  evidence:\n    python: Python\n"),
            "{out}"
        );
    }

    #[test]
    fn a_flow_list_stays_a_flow_list_with_its_comment() {
        let out = edit("Q4", &["rust", "go"], false).expect("edited");
        assert!(
            out.ends_with("  skills: [rust, go]  # mine\n")
                || out.ends_with("  skills: [rust, go] # mine\n"),
            "{out}"
        );
        let out = edit("Q4", &[], true).expect("edited");
        assert!(
            out.contains("  skills: [] # mine\n  preferred: true\n"),
            "{out}"
        );
    }
}
