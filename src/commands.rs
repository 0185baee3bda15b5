//! The scriptable commands' output: plain text that carries no escape
//! sequences (so it pipes cleanly), or JSON with `--json`. Text is laid out
//! for a width: long lines are wrapped or cut to fit it, and with
//! [`UNLIMITED`] (output into a pipe or a file) nothing is cut.

use serde_json::{Value, json};

use crate::i18n::{self, labels};
use crate::model::{Catalog, Lang, Role, Side};
use crate::progress::{Progress, State};
use crate::readiness;
use crate::search;
use crate::text::{pad, truncate, wrap};

/// A width that cuts nothing: every item stays on one full line.
pub const UNLIMITED: usize = usize::MAX / 4;

fn side_code(s: Side) -> &'static str {
    match s {
        Side::Left => "left",
        Side::Right => "right",
        Side::Neither => "neither",
    }
}

fn json_text(v: &Value) -> String {
    serde_json::to_string_pretty(v).expect("plain values") + "\n"
}

/// Wraps `s` under a hanging indent so every line fits `width` columns.
fn wrapped(s: &str, indent: usize, width: usize) -> String {
    wrap(s, width.saturating_sub(indent))
        .into_iter()
        .map(|l| format!("{}{l}\n", " ".repeat(indent)))
        .collect()
}

/// A role id given on the command line, or a clear error listing the known ones.
pub fn find_role(c: &Catalog, id: &str) -> Result<usize, String> {
    c.role_index(id).ok_or_else(|| {
        let known: Vec<&str> = c.roles.iter().map(|r| r.id.as_str()).collect();
        format!("unknown role `{id}`; known roles: {}", known.join(", "))
    })
}

fn spectrum_place(c: &Catalog, role: usize) -> Option<usize> {
    c.index
        .spectrum
        .iter()
        .position(|&r| r == role)
        .map(|p| p + 1)
}

pub fn roles(c: &Catalog, lang: Lang, json: bool, width: usize) -> String {
    if json {
        let items: Vec<Value> = c
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| {
                json!({
                    "id": r.id,
                    "name": r.name.get(lang),
                    "side": side_code(r.side),
                    "spectrum_position": spectrum_place(c, i),
                    "summary": r.summary.get(lang),
                })
            })
            .collect();
        return json_text(&Value::Array(items));
    }
    let mut out = String::new();
    for (i, r) in c.roles.iter().enumerate() {
        let place = spectrum_place(c, i).map_or("-".to_string(), |p| {
            format!("{p}/{}", c.index.spectrum.len())
        });
        let line = format!(
            "{} {} {} {}",
            pad(&r.id, 22),
            pad(side_code(r.side), 7),
            pad(&place, 4),
            r.name.get(lang)
        );
        out.push_str(&truncate(&line, width));
        out.push('\n');
    }
    out
}

fn role_json(c: &Catalog, i: usize, progress: &Progress, lang: Lang) -> Value {
    let r: &Role = &c.roles[i];
    let state = |s: usize| progress.state(&c.skills[s].id);
    let t = readiness::role_readiness(c, i, &state);
    let texts = |v: &[crate::model::Text]| -> Vec<String> {
        v.iter().map(|t| t.get(lang).to_string()).collect()
    };
    json!({
        "id": r.id,
        "name": r.name.get(lang),
        "aliases": texts(&r.aliases),
        "side": side_code(r.side),
        "spectrum_position": spectrum_place(c, i),
        "summary": r.summary.get(lang),
        "activities": texts(&r.activities),
        "outputs": texts(&r.outputs),
        "iteration": {
            "cost": i18n::level(Lang::En, r.iteration.cost),
            "speed": i18n::speed(Lang::En, r.iteration.speed),
            "note": r.iteration.note.get(lang),
        },
        "key_tools": r.key_tools.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
        "workflow": r.workflow,
        "vs_ai_engineer": r.vs_ai_engineer.as_ref().map(|t| t.get(lang)),
        "facts": texts(&r.facts),
        "readiness": {"done": t.done, "total": t.total, "percent": t.percent()},
    })
}

pub fn show(
    c: &Catalog,
    role: usize,
    progress: &Progress,
    lang: Lang,
    json: bool,
    width: usize,
) -> String {
    if json {
        return json_text(&role_json(c, role, progress, lang));
    }
    let l = labels(lang);
    let r = &c.roles[role];
    let state = |s: usize| progress.state(&c.skills[s].id);
    let mut out = format!("{} ({})\n", r.name.get(lang), r.id);
    out.push_str(&wrapped(i18n::side(lang, r.side), 0, width));
    out.push_str(&wrapped(r.summary.get(lang), 0, width));
    let section = |out: &mut String, title: &str, items: Vec<String>| {
        if items.is_empty() {
            return;
        }
        out.push_str(&format!("\n{title}\n"));
        for it in items {
            let lines = wrap(&it, width.saturating_sub(4));
            for (k, line) in lines.iter().enumerate() {
                out.push_str(if k == 0 { "  - " } else { "    " });
                out.push_str(line);
                out.push('\n');
            }
        }
    };
    let texts = |v: &[crate::model::Text]| v.iter().map(|t| t.get(lang).to_string()).collect();
    section(&mut out, l.does, texts(&r.activities));
    section(&mut out, l.outputs, texts(&r.outputs));
    section(
        &mut out,
        l.iteration,
        vec![i18n::iteration(lang, &r.iteration)],
    );
    section(
        &mut out,
        l.tools,
        vec![
            r.key_tools
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ],
    );
    if let Some(w) = r.workflow.as_deref().and_then(|w| c.workflow(w)) {
        let steps: Vec<&str> = w.steps.iter().map(|s| s.get(lang)).collect();
        section(&mut out, l.workflow, vec![steps.join(" -> ")]);
    }
    if let Some(vs) = &r.vs_ai_engineer {
        section(&mut out, l.vs_ai, vec![vs.get(lang).to_string()]);
    }
    section(&mut out, l.facts, texts(&r.facts));
    let t = readiness::role_readiness(c, role, &state);
    let ready = if t.total == 0 {
        l.no_skills.to_string()
    } else {
        format!("{}/{} ({}%)", t.done, t.total, t.percent())
    };
    section(&mut out, l.readiness, vec![ready]);
    out
}

pub fn compare(
    c: &Catalog,
    pair: [usize; 2],
    progress: &Progress,
    lang: Lang,
    json: bool,
    width: usize,
) -> String {
    let state = |s: usize| progress.state(&c.skills[s].id);
    let dims = crate::ui::compare::dims(c, pair, &state, lang);
    let [a, b] = pair.map(|i| &c.roles[i]);
    if json {
        let rows: Vec<Value> = dims
            .iter()
            .map(|d| {
                json!({
                    "dimension": d.label,
                    "left": d.cells[0].join("\n"),
                    "right": d.cells[1].join("\n"),
                    "differs": d.differs,
                })
            })
            .collect();
        return json_text(&json!({"left": a.id, "right": b.id, "dimensions": rows}));
    }
    let names = [a.name.get(lang), b.name.get(lang)];
    let name_w = names
        .iter()
        .map(|n| crate::text::width(n))
        .max()
        .unwrap_or(0)
        .min(24);
    let mut out = format!("{}  vs  {}\n", names[0], names[1]);
    for d in &dims {
        let mark = if d.differs { "≠" } else { "=" };
        out.push_str(&format!("\n{mark} {}\n", d.label));
        for (name, cells) in names.iter().zip(&d.cells) {
            let head = format!("    {}  ", pad(name, name_w));
            let indent = crate::text::width(&head);
            // One line per list item, continuation lines under the text.
            let mut first = true;
            for item in cells {
                let (bullet, body) = match item.strip_prefix("• ") {
                    Some(rest) => ("- ", rest),
                    None => ("", item.as_str()),
                };
                let lines = wrap(body, width.saturating_sub(indent + bullet.len()));
                for (k, line) in lines.into_iter().enumerate() {
                    out.push_str(&if first {
                        head.clone()
                    } else {
                        " ".repeat(indent)
                    });
                    first = false;
                    out.push_str(if k == 0 {
                        bullet
                    } else {
                        &"  "[..bullet.len()]
                    });
                    out.push_str(&line);
                    out.push('\n');
                }
            }
        }
    }
    out
}

fn state_code(s: State) -> &'static str {
    match s {
        State::NotStarted => "not_started",
        State::Learning => "learning",
        State::Done => "done",
        State::Skipped => "skipped",
    }
}

pub fn skills(c: &Catalog, progress: &Progress, lang: Lang, json: bool, width: usize) -> String {
    if json {
        let items: Vec<Value> = c
            .skills
            .iter()
            .map(|s| {
                json!({
                    "id": s.id,
                    "category": s.category,
                    "name": s.name.get(lang),
                    "state": state_code(progress.state(&s.id)),
                    "note": progress.note(&s.id),
                    "roles": s.roles,
                    "tools": s.tools.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
                })
            })
            .collect();
        return json_text(&Value::Array(items));
    }
    let state = |s: usize| progress.state(&c.skills[s].id);
    let mut out = String::new();
    for (gi, g) in c.index.groups.iter().enumerate() {
        let t = readiness::group_readiness(c, gi, &state);
        out.push_str(&format!(
            "{} ({}/{})\n",
            c.categories[g.category].name.get(lang),
            t.done,
            t.total
        ));
        for &s in &g.skills {
            let skill = &c.skills[s];
            let mark = match state(s) {
                State::Done => "[x]",
                State::Learning => "[~]",
                State::Skipped => "[-]",
                State::NotStarted => "[ ]",
            };
            let line = format!("  {mark} {} {}", skill.id, skill.name.get(lang));
            out.push_str(&truncate(&line, width));
            out.push('\n');
        }
    }
    out
}

/// (kind, id, name) of a search target, in `lang`.
pub fn describe(c: &Catalog, t: search::Target, lang: Lang) -> (&'static str, String, String) {
    match t {
        search::Target::Role(i) => (
            "role",
            c.roles[i].id.clone(),
            c.roles[i].name.get(lang).into(),
        ),
        search::Target::Skill(i) => (
            "skill",
            c.skills[i].id.clone(),
            c.skills[i].name.get(lang).into(),
        ),
        search::Target::Requirement(p, i) => {
            let r = &c.postings[p].requirements[i];
            ("requirement", r.id.clone(), r.text.get(lang).into())
        }
        search::Target::Responsibility(p, i) => {
            let r = &c.postings[p].responsibilities[i];
            ("responsibility", r.id.clone(), r.text.get(lang).into())
        }
    }
}

/// Results of `search` as text lines (kind, id, name) or a JSON array, and
/// whether anything matched. With no match the text is empty (the caller
/// says so on stderr) and the JSON is `[]`.
pub fn search(
    c: &Catalog,
    query: &str,
    kind: Option<search::Kind>,
    limit: usize,
    json: bool,
    lang: Lang,
    width: usize,
) -> (String, bool) {
    let index = search::Index::build(c);
    let hits = index.query(query, kind, limit);
    let rows: Vec<(&'static str, String, String)> = hits
        .iter()
        .map(|h| describe(c, index.entries[h.entry].target, lang))
        .collect();
    if json {
        let items: Vec<Value> = rows
            .iter()
            .zip(&hits)
            .map(|((kind, id, name), h)| {
                json!({"kind": kind, "id": id, "name": name, "score": h.score})
            })
            .collect();
        return (json_text(&Value::Array(items)), !rows.is_empty());
    }
    let text = rows
        .iter()
        .map(|(kind, id, name)| {
            let line = format!("{kind:<14} {id:<20} {name}");
            truncate(&line, width) + "\n"
        })
        .collect();
    (text, !rows.is_empty())
}
