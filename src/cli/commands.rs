//! The scriptable commands' output: plain text that carries no escape
//! sequences (so it pipes cleanly), or JSON with `--json`. Text is laid out
//! for a width: long lines are wrapped or cut to fit it, and with
//! [`UNLIMITED`] (output into a pipe or a file) nothing is cut.

use serde_json::{Value, json};

use career_core::i18n::{self, labels};
use career_core::model::{Catalog, Lang, Role, Side};
use career_core::readiness;
use career_core::search;
use career_core::store::progress::{Progress, State};
use career_core::text::{pad, truncate, wrap};

/// A width that cuts nothing: every item stays on one full line.
pub const UNLIMITED: usize = usize::MAX / 4;

fn side_code(s: Side) -> &'static str {
    match s {
        Side::Left => "left",
        Side::Right => "right",
        Side::Neither => "neither",
    }
}

/// `a`, `word`, `b` run together as Chinese is written, with a space only
/// where a Chinese character meets a Latin letter or digit ("机器学习工程师与
/// AI 工程师").
fn zh_join(a: &str, word: &str, b: &str) -> String {
    let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let left = if latin(a.chars().next_back()) {
        " "
    } else {
        ""
    };
    let right = if latin(b.chars().next()) { " " } else { "" };
    format!("{a}{left}{word}{right}{b}")
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

/// A role id given on the command line, or a clear error listing the known
/// ones and the nearest to what was typed.
pub fn find_role(c: &Catalog, id: &str) -> Result<usize, String> {
    c.role_index(id).ok_or_else(|| {
        let known: Vec<&str> = c.roles.iter().map(|r| r.id.as_str()).collect();
        unknown_id(
            c,
            crate::cli::cli_text().unknown_role,
            id,
            &known,
            &[search::Kind::Role],
        )
    })
}

/// The error for an unknown `id`: `template` filled with it and the `known`
/// ids, then the ids of `kind` the app's search finds for it (typos
/// forgiven, names and prefixes too), nearest first.
pub fn unknown_id(
    c: &Catalog,
    template: &str,
    id: &str,
    known: &[&str],
    kinds: &[search::Kind],
) -> String {
    let sep = i18n::list_sep(crate::cli::out::lang());
    let mut text = i18n::fill(template, &[("id", id), ("known", &known.join(sep))]);
    text.push_str(&did_you_mean(&nearest_ids(c, id, kinds)));
    text
}

/// "; did you mean `a` or `b`?" in the command line's language; empty for
/// no ids.
pub fn did_you_mean(near: &[String]) -> String {
    if near.is_empty() {
        return String::new();
    }
    let t = crate::cli::cli_text();
    let ids: Vec<String> = near.iter().map(|n| format!("`{n}`")).collect();
    let semicolon = if crate::cli::out::lang() == Lang::Zh {
        "；"
    } else {
        "; "
    };
    format!(
        "{semicolon}{}",
        i18n::fill(t.did_you_mean, &[("ids", &ids.join(t.or))])
    )
}

/// Up to three ids of `kinds` the app's search finds for `query`, best
/// first, kept only when they are near it: the id holds what was typed
/// (`fullstack`), the name reads as it (`AI Engineer`), or the id is within
/// search's typo allowance (a quarter of the letters, at least one).
pub fn nearest_ids(c: &Catalog, query: &str, kinds: &[search::Kind]) -> Vec<String> {
    let index = search::Index::build(c);
    let q = search::fold(query.trim());
    let spaced = |s: &str| s.replace(['_', '-'], " ");
    let allowance = (q.chars().count() / 4).max(1);
    let near = |id: &str, name: &str| {
        let id = search::fold(id);
        (q.chars().count() >= 3 && id.contains(&q))
            || spaced(&search::fold(name)) == spaced(&q)
            || strsim::osa_distance(&q, &id) <= allowance
    };
    let mut ids: Vec<String> = Vec::new();
    for &kind in kinds {
        // `ai_enginer` is searched as the words `ai enginer`.
        for h in index.query(&spaced(query), Some(kind), 5) {
            let (_, id, _) = describe(c, index.entries[h.entry].target, Lang::En);
            let name = match index.entries[h.entry].target {
                search::Target::Role(r) => c.roles[r].name.get(Lang::En),
                _ => "",
            };
            if near(&id, name) && !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids.truncate(3);
    ids
}

fn spectrum_place(c: &Catalog, role: usize) -> Option<usize> {
    c.index
        .spectrum
        .iter()
        .position(|&r| r == role)
        .map(|p| p + 1)
}

/// What `validate` prints when the data is valid: the catalog's counts.
pub fn validated(c: &Catalog, lang: Lang) -> String {
    labels(lang)
        .cli
        .validated
        .replace("{roles}", &c.roles.len().to_string())
        .replace("{skills}", &c.skills.len().to_string())
        .replace("{categories}", &c.categories.len().to_string())
        .replace("{postings}", &c.postings.len().to_string())
        + "\n"
}

/// A side as the `roles` listing shows it, in words ("not on the line");
/// `--json` keeps the code (`neither`).
fn side_word(s: Side, lang: Lang) -> &'static str {
    labels(lang).cli.sides[s as usize]
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
    let side_w = labels(lang)
        .cli
        .sides
        .iter()
        .map(|s| career_core::text::width(s))
        .max()
        .unwrap_or(8);
    for (i, r) in c.roles.iter().enumerate() {
        let place = spectrum_place(c, i).map_or("-".to_string(), |p| {
            format!("{p}/{}", c.index.spectrum.len())
        });
        let line = format!(
            "{} {} {} {}",
            pad(&r.id, 22),
            pad(side_word(r.side, lang), side_w),
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
    let texts = |v: &[career_core::model::Text]| -> Vec<String> {
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
        "key_tools": r.key_tools.iter().map(|t| t.get(lang)).collect::<Vec<_>>(),
        "key_tools_examples_from": r.examples_from,
        "workflow": r.workflow,
        "vs_ai_engineer": r.vs_ai_engineer.as_ref().map(|t| t.get(lang)),
        "facts": r.facts.iter().map(|f| f.get(lang)).collect::<Vec<_>>(),
        "basis": {
            "activities": r.basis_of.activities,
            "outputs": r.basis_of.outputs,
            "key_tools": r.basis_of.key_tools,
            "iteration": r.basis_of.iteration,
            "vs_ai_engineer": r.basis_of.vs_ai_engineer,
            "facts": r.facts.iter().map(|f| &f.basis).collect::<Vec<_>>(),
        },
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
    let mut out = role_head(r, lang, width);
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
    let texts =
        |v: &[career_core::model::Text]| v.iter().map(|t| t.get(lang).to_string()).collect();
    // A section's title carries the marker of its basis ("(our addition)").
    let head = |label: &str, basis: &[String]| i18n::with_basis(lang, label, basis);
    let b = &r.basis_of;
    section(&mut out, &head(l.does, &b.activities), texts(&r.activities));
    section(&mut out, &head(l.outputs, &b.outputs), texts(&r.outputs));
    section(
        &mut out,
        &head(l.iteration, &b.iteration),
        vec![i18n::iteration(lang, &r.iteration)],
    );
    section(
        &mut out,
        &i18n::dated_label(lang, &head(l.tools, &b.key_tools), r.examples_from),
        vec![
            r.key_tools
                .iter()
                .map(|t| t.get(lang))
                .collect::<Vec<_>>()
                .join(i18n::list_sep(lang)),
        ],
    );
    if let Some(w) = r.workflow.as_deref().and_then(|w| c.workflow(w)) {
        // As pane 1 shows it: the steps, the workflow's name and its note.
        section(&mut out, l.workflow, vec![workflow_steps(w, lang)]);
        out.push_str(&wrapped(w.note.get(lang), 4, width));
    }
    if let Some(vs) = &r.vs_ai_engineer {
        section(
            &mut out,
            &head(l.vs_ai, &b.vs_ai_engineer),
            vec![vs.get(lang).to_string()],
        );
    }
    let facts = r
        .facts
        .iter()
        .map(|f| i18n::with_basis(lang, f.get(lang), &f.basis))
        .collect();
    section(&mut out, l.facts, facts);
    section(
        &mut out,
        l.readiness,
        vec![role_readiness_text(c, role, progress, lang)],
    );
    out
}

/// A workflow's steps and its name: "Product → Data → Model (fire, ready, aim)".
fn workflow_steps(w: &career_core::model::Workflow, lang: Lang) -> String {
    let steps: Vec<&str> = w.steps.iter().map(|s| s.get(lang)).collect();
    i18n::with_paren(lang, &steps.join(" → "), w.name.get(lang))
}

/// "3/50 (6%)", the user's readiness for the role, or the note that no
/// skill names it.
fn role_readiness_text(c: &Catalog, role: usize, progress: &Progress, lang: Lang) -> String {
    let state = |s: usize| progress.state(&c.skills[s].id);
    let t = readiness::role_readiness(c, role, &state);
    if t.total == 0 {
        labels(lang).no_skills.to_string()
    } else {
        career_core::present::readiness_figure(lang, t)
    }
}

/// The head of `show <role>`: the name and id, the side, the summary and
/// the other names it goes by ("Also called"), as pane 1 shows them.
fn role_head(r: &Role, lang: Lang, width: usize) -> String {
    let mut out = format!("{}\n", i18n::with_paren(lang, r.name.get(lang), &r.id));
    out.push_str(&wrapped(i18n::side(lang, r.side), 0, width));
    out.push_str(&wrapped(r.summary.get(lang), 0, width));
    if !r.aliases.is_empty() {
        let names: Vec<&str> = r.aliases.iter().map(|a| a.get(lang)).collect();
        let text = format!(
            "{}{}{}",
            labels(lang).aliases,
            i18n::colon(lang),
            names.join(i18n::list_sep(lang))
        );
        out.push_str(&wrapped(&text, 0, width));
    }
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
    let dims = career_core::present::dims(c, pair, &state, lang);
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
        .map(|n| career_core::text::width(n))
        .max()
        .unwrap_or(0)
        .min(24);
    let mut out = match lang {
        Lang::En => format!("{}  vs  {}\n", names[0], names[1]),
        Lang::Zh => format!("{}对比\n", zh_join(names[0], "与", names[1])),
    };
    for d in &dims {
        let mark = if d.differs { "≠" } else { "=" };
        out.push_str(&format!("\n{mark} {}\n", d.label));
        for (name, cells) in names.iter().zip(&d.cells) {
            let head = format!("    {}  ", pad(name, name_w));
            let indent = career_core::text::width(&head);
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

/// A layer as the data files write it.
fn layer_code(l: career_core::model::Layer) -> &'static str {
    match l {
        career_core::model::Layer::Base2023 => "2023",
        career_core::model::Layer::Recent => "2024-2026",
        career_core::model::Layer::Ads => "ads",
    }
}

/// The ids of the skills whose `relates_to` name `s`.
fn related_by(c: &Catalog, s: &career_core::model::Skill) -> Vec<String> {
    c.skill_index(&s.id)
        .and_then(|i| c.index.related_by.get(i))
        .map(|v| v.iter().map(|&o| c.skills[o].id.clone()).collect())
        .unwrap_or_default()
}

/// `career-explorer show SKILL`: one skill in full, with its demand in ads,
/// the tasks that practise it (or the skills a task practises) and any
/// tick hint.
pub fn show_skill(
    c: &Catalog,
    skill: usize,
    progress: &Progress,
    lang: Lang,
    json: bool,
    width: usize,
) -> String {
    let s = &c.skills[skill];
    let state = |i: usize| progress.state(&c.skills[i].id);
    if json {
        return json_text(&json!({
            "id": s.id,
            "category": s.category,
            "name": s.name.get(lang),
            "layer": layer_code(s.layer),
            "basis": s.basis,
            "examples_from": s.examples_from,
            "sources": career_core::present::sources_line(c, lang, &s.basis),
            "state": state_code(state(skill)),
            "note": progress.note(&s.id),
            "roles": s.roles,
            "tools": s.tools.iter().map(career_core::model::Clean::as_str).collect::<Vec<_>>(),
            "terms": s.term_words().map(career_core::model::Clean::as_str).collect::<Vec<_>>(),
            "relates_to": s.relates_to,
            "related_by": related_by(c, s),
            "demand": s.demand.as_ref().map(career_core::present::demand_json),
            "hints": career_core::present::tick_hints(c, &state)
                .into_iter()
                .filter(|h| h.skill == skill || h.task == skill)
                .map(|h| career_core::present::tick_hint_text(c, h, lang))
                .collect::<Vec<_>>(),
        }));
    }
    let l = labels(lang);
    let mut out = format!("{}\n", i18n::with_paren(lang, s.name.get(lang), &s.id));
    out.push_str(&wrapped(
        &format!(
            "{} · {}",
            c.categories[s.category_idx].name.get(lang),
            l.state_names[state(skill) as usize]
        ),
        0,
        width,
    ));
    for row in career_core::present::skill_provenance(c, skill, lang) {
        out.push_str(&wrapped(&row, 0, width));
    }
    for (label, rows) in career_core::present::skill_extras(c, skill, &state, lang) {
        out.push_str(&format!("\n{label}\n"));
        for row in rows {
            out.push_str(&wrapped(&row, 2, width));
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

/// `career-explorer skills`: each category with its done count, and each
/// skill with the user's state, its basis and examples marks and sources;
/// or all of it as JSON.
pub fn skills(c: &Catalog, progress: &Progress, lang: Lang, json: bool, width: usize) -> String {
    if json {
        return skills_json(c, progress, lang);
    }
    let state = |s: usize| progress.state(&c.skills[s].id);
    let mut out = String::new();
    for (gi, g) in c.index.groups.iter().enumerate() {
        let t = readiness::group_readiness(c, gi, &state);
        let head = i18n::with_paren(
            lang,
            c.categories[g.category].name.get(lang),
            &format!("{}/{}", t.done, t.total),
        );
        out.push_str(&truncate(&head, width));
        out.push('\n');
        for &s in &g.skills {
            let skill = &c.skills[s];
            let mark = match state(s) {
                State::Done => "[x]",
                State::Learning => "[~]",
                State::Skipped => "[-]",
                State::NotStarted => "[ ]",
            };
            out.push_str(&skill_line(skill, mark, lang, width));
            out.push('\n');
            if let Some(src) = career_core::present::sources_line(c, lang, &skill.basis) {
                let l = i18n::labels(lang);
                let colon = if lang == Lang::Zh { "：" } else { ": " };
                let text = format!("{}{colon}{src}", l.sources);
                for row in career_core::text::wrap(&text, width.saturating_sub(6).max(10)) {
                    out.push_str(&format!("      {row}\n"));
                }
            }
        }
    }
    out
}

/// The job items skill `skill` counts toward (pane 3's "Covers job items"):
/// each posting id, item id and whether it is a requirement.
fn covers_json(c: &Catalog, skill: usize) -> Vec<Value> {
    c.index.covers[skill]
        .iter()
        .map(|r| {
            let p = &c.postings[r.posting];
            let list = if r.requirement {
                &p.requirements
            } else {
                &p.responsibilities
            };
            json!({"posting": p.id, "item": list[r.item].id, "requirement": r.requirement})
        })
        .collect()
}

/// `skills --json`: every skill with its state, note, links and demand.
fn skills_json(c: &Catalog, progress: &Progress, lang: Lang) -> String {
    let items: Vec<Value> = c
        .skills
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "id": s.id,
                "category": s.category,
                "name": s.name.get(lang),
                "state": state_code(progress.state(&s.id)),
                "note": progress.note(&s.id),
                "roles": s.roles,
                "tools": s.tools.iter().map(career_core::model::Clean::as_str).collect::<Vec<_>>(),
                "basis": s.basis,
                "examples_from": s.examples_from,
                "layer": layer_code(s.layer),
                "terms": s.term_words().map(career_core::model::Clean::as_str).collect::<Vec<_>>(),
                "relates_to": s.relates_to,
                "related_by": related_by(c, s),
                "see_also": s.see_also,
                "covers": covers_json(c, i),
                "demand": s.demand.as_ref().map(career_core::present::demand_json),
            })
        })
        .collect();
    json_text(&Value::Array(items))
}

/// One skill's line of `skills`, at most `width` wide: its state mark, id
/// and name, and its basis and examples marks, which stay whole (the name is
/// cut before them).
fn skill_line(skill: &career_core::model::Skill, mark: &str, lang: Lang, width: usize) -> String {
    let line = format!("  {mark} {} {}", skill.id, skill.name.get(lang));
    // The markers stay whole: the name is cut before them.
    let marks: Vec<String> = [
        i18n::basis_mark(lang, &skill.basis).map(str::to_string),
        skill.examples_from.map(|y| i18n::examples_from(lang, y)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let marks = (!marks.is_empty()).then(|| marks.join(if lang == Lang::Zh { "" } else { " " }));
    match marks.as_deref() {
        Some(m) => {
            let m = if lang == Lang::Zh {
                m.to_string()
            } else {
                format!(" {m}")
            };
            let room = width - career_core::text::width(&m);
            format!("{}{m}", truncate(&line, room))
        }
        None => truncate(&line, width),
    }
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
        search::Target::Posting(p) => {
            let p = &c.postings[p];
            let name = format!("{} · {}", p.title.get(lang), p.company.get(lang));
            ("posting", p.id.clone(), name)
        }
        // A requirement or duty names its posting: the same words stand in
        // many ads.
        search::Target::Requirement(p, i) => {
            let r = &c.postings[p].requirements[i];
            let name = format!("{} · {}", c.postings[p].company.get(lang), r.text.get(lang));
            ("requirement", r.id.clone(), name)
        }
        search::Target::Responsibility(p, i) => {
            let r = &c.postings[p].responsibilities[i];
            let name = format!("{} · {}", c.postings[p].company.get(lang), r.text.get(lang));
            ("responsibility", r.id.clone(), name)
        }
        search::Target::Note(i) => {
            let n = c.about_notes().nth(i).expect("a note of the catalog");
            ("note", n.id.clone(), n.title.get(lang).into())
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
    let cli = &labels(lang).cli;
    let text = rows
        .iter()
        .map(|(kind, id, name)| {
            let kind = match *kind {
                "role" => cli.kinds[0],
                "skill" => cli.kinds[1],
                "requirement" => cli.kinds[2],
                "responsibility" => cli.kinds[3],
                // A posting itself, found by its title, company or id.
                "posting" => i18n::cli_labels(lang).posting_kind,
                _ => cli.kinds[4],
            };
            let kind = career_core::text::pad(kind, 14);
            let line = format!("{kind} {id:<20} {name}");
            truncate(&line, width) + "\n"
        })
        .collect();
    (text, !rows.is_empty())
}

/// What `search` says on stderr when nothing matches `query`, in `lang`.
pub fn no_match(query: &str, lang: Lang) -> String {
    let cli = &labels(lang).cli;
    let query = career_core::text::sanitize(query);
    match lang {
        Lang::En => format!("{} {query:?}\n", cli.no_match_for),
        Lang::Zh => cli.no_match_for.replace("{}", &query) + "\n",
    }
}

/// `notes --json`: the notes of `sections` and the sources `wanted` keeps.
fn notes_json(
    c: &Catalog,
    sections: &[(&str, &str, &Vec<career_core::model::Note>)],
    wanted: &dyn Fn(&str) -> bool,
    lang: Lang,
) -> String {
    let n = &c.notes;
    let mut items: Vec<Value> = Vec::new();
    for (kind, _, list) in sections {
        for x in list.iter().filter(|x| wanted(&x.id)) {
            let named: Vec<&str> = x.named.iter().map(|t| t.get(lang)).collect();
            items.push(json!({"kind": kind, "id": x.id, "title": x.title.get(lang),
                "body": x.body.get(lang), "named": named, "examples_from": x.examples_from}));
        }
    }
    for s in n.sources.iter().filter(|s| wanted(&s.id)) {
        let url = (s.url.as_str() != "none").then_some(s.url.as_str());
        items.push(json!({"kind": "source", "id": s.id, "title": s.title.get(lang), "url": url}));
    }
    json_text(&Value::Array(items))
}

/// The about overlay's notes as text (each note's title, body and the names
/// it mentions, under its section; then the sources) or JSON, all of them
/// or the one with id `only`. Errors: an unknown id, with the known ones.
pub fn notes(
    c: &Catalog,
    only: Option<&str>,
    lang: Lang,
    json: bool,
    width: usize,
) -> Result<String, String> {
    let l = labels(lang);
    let n = &c.notes;
    let sections = [
        ("trait", l.traits, &n.traits),
        ("capability", l.capabilities, &n.capabilities),
        ("note", l.notes, &n.notes),
    ];
    if let Some(id) = only
        && !c.about_notes().any(|x| x.id == id)
        && !n.sources.iter().any(|s| s.id == id)
    {
        let known: Vec<&str> = c
            .about_notes()
            .map(|x| x.id.as_str())
            .chain(n.sources.iter().map(|s| s.id.as_str()))
            .collect();
        return Err(unknown_id(
            c,
            crate::cli::cli_text().unknown_note,
            id,
            &known,
            &[search::Kind::Note],
        ));
    }
    let wanted = |id: &str| only.is_none_or(|o| o == id);
    if json {
        return Ok(notes_json(c, &sections, &wanted, lang));
    }
    let mut out = String::new();
    for (_, heading, list) in sections {
        let shown: Vec<_> = list.iter().filter(|x| wanted(&x.id)).collect();
        if shown.is_empty() {
            continue;
        }
        out.push_str(&format!("{heading}\n"));
        for x in shown {
            let title = i18n::with_basis(lang, x.title.get(lang), &x.basis);
            out.push_str(&format!("  {title} [{}]\n", x.id));
            out.push_str(&wrapped(x.body.get(lang), 4, width));
            if !x.named.is_empty() {
                let named: Vec<&str> = x.named.iter().map(|t| t.get(lang)).collect();
                let named =
                    i18n::dated_label(lang, &named.join(i18n::list_sep(lang)), x.examples_from);
                out.push_str(&wrapped(&named, 4, width));
            }
        }
        out.push('\n');
    }
    let sources: Vec<_> = n.sources.iter().filter(|s| wanted(&s.id)).collect();
    if !sources.is_empty() {
        out.push_str(&format!("{}\n", l.sources));
        for s in sources {
            out.push_str(&wrapped(
                &format!("[{}] {}", s.id, s.title.get(lang)),
                2,
                width,
            ));
            // A URL is printed whole, never wrapped; "none" (no address,
            // which the title says) prints nothing.
            if s.url.as_str() != "none" {
                out.push_str(&format!("    {}\n", s.url));
            }
        }
    }
    Ok(out)
}
