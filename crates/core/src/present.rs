//! Figures and texts the CLI and the TUI both show, made once here so the
//! two never disagree: the dimensions of a role comparison, a readiness
//! figure with its text gauge.

use crate::i18n::{self, labels};
use crate::model::{Catalog, Lang, Role};
use crate::readiness::{self, Tally};
use crate::store::progress::State;

/// One dimension: its label, each side's text, and whether they differ.
pub struct Dim {
    pub label: &'static str,
    pub cells: [Vec<String>; 2],
    pub differs: bool,
}

/// What a dimension's cells are made from.
struct Ctx<'a> {
    c: &'a Catalog,
    lang: Lang,
    state: &'a dyn Fn(usize) -> State,
}

/// One side's cell of a dimension: its lines.
type CellFn = fn(&Ctx, &Role) -> Vec<String>;

/// The dimensions of two roles, for the pane and for `career-explorer compare`:
/// side, place on the spectrum, summary, activities, outputs, iteration cost
/// and speed, tools, workflow, skills and readiness, the line against the AI
/// Engineer, other titles and facts. A dimension differs when its two cells do.
pub fn dims(
    c: &Catalog,
    pair: [usize; 2],
    state: &impl Fn(usize) -> State,
    lang: Lang,
) -> Vec<Dim> {
    let l = labels(lang);
    let ctx = Ctx { c, lang, state };
    let rows: [(&'static str, CellFn); 14] = [
        (l.side, side_cell),
        (l.spectrum_place, place_cell),
        (l.summary, summary_cell),
        (l.does, activities_cell),
        (l.outputs, outputs_cell),
        (i18n::compare_row_labels(lang).cost, cost_cell),
        (i18n::compare_row_labels(lang).speed, speed_cell),
        (l.tools, tools_cell),
        (l.workflow, workflow_cell),
        (l.skills_needed, count_cell),
        (l.readiness, readiness_cell),
        (l.vs_ai, vs_cell),
        // Other titles and the facts, as the role detail has them: every
        // role's facts can be read here, on the spectrum or not.
        (l.aliases, aliases_cell),
        (l.facts, facts_cell),
    ];
    rows.into_iter()
        .map(|(label, cell)| {
            let cells = pair.map(|i| cell(&ctx, &c.roles[i]));
            Dim {
                label,
                differs: cells[0] != cells[1],
                cells,
            }
        })
        .collect()
}

fn one(s: String) -> Vec<String> {
    vec![s]
}

fn role_index(x: &Ctx, r: &Role) -> usize {
    x.c.role_index(&r.id).unwrap_or(0)
}

/// Items as bullets, then their basis marker on a line of its own.
fn bullets(x: &Ctx, items: &[crate::model::Text], basis: &[String]) -> Vec<String> {
    let mut out: Vec<String> = items
        .iter()
        .map(|t| format!("• {}", t.get(x.lang)))
        .collect();
    out.extend(i18n::basis_mark(x.lang, basis).map(String::from));
    out
}

fn side_cell(x: &Ctx, r: &Role) -> Vec<String> {
    one(i18n::side(x.lang, r.side).into())
}

fn place_cell(x: &Ctx, r: &Role) -> Vec<String> {
    let i = role_index(x, r);
    let spectrum = &x.c.index.spectrum;
    one(match spectrum.iter().position(|&s| s == i) {
        Some(p) => i18n::compare_row_labels(x.lang)
            .place
            .replace("{n}", &(p + 1).to_string())
            .replace("{m}", &spectrum.len().to_string()),
        None => labels(x.lang).off_spectrum.to_string(),
    })
}

fn summary_cell(x: &Ctx, r: &Role) -> Vec<String> {
    one(r.summary.get(x.lang).into())
}

fn activities_cell(x: &Ctx, r: &Role) -> Vec<String> {
    bullets(x, &r.activities, &r.basis_of.activities)
}

fn outputs_cell(x: &Ctx, r: &Role) -> Vec<String> {
    bullets(x, &r.outputs, &r.basis_of.outputs)
}

fn cost_cell(x: &Ctx, r: &Role) -> Vec<String> {
    let level = i18n::level(x.lang, r.iteration.cost);
    one(i18n::with_basis(x.lang, level, &r.basis_of.iteration))
}

fn speed_cell(x: &Ctx, r: &Role) -> Vec<String> {
    let speed = i18n::speed(x.lang, r.iteration.speed);
    one(i18n::with_basis(x.lang, speed, &r.basis_of.iteration))
}

fn tools_cell(x: &Ctx, r: &Role) -> Vec<String> {
    let lang = x.lang;
    let t: Vec<&str> = r.key_tools.iter().map(|t| t.get(lang)).collect();
    let t = i18n::with_basis(lang, &t.join(i18n::list_sep(lang)), &r.basis_of.key_tools);
    one(match r.examples_from {
        Some(y) if lang == Lang::Zh => format!("{t}{}", i18n::examples_from(lang, y)),
        Some(y) => format!("{t} {}", i18n::examples_from(lang, y)),
        None => t,
    })
}

fn workflow_cell(x: &Ctx, r: &Role) -> Vec<String> {
    one(r
        .workflow
        .as_deref()
        .and_then(|w| x.c.workflow(w))
        .map_or_else(
            || "—".into(),
            |w| {
                let steps: Vec<&str> = w.steps.iter().map(|s| s.get(x.lang)).collect();
                steps.join(" → ")
            },
        ))
}

fn count_cell(x: &Ctx, r: &Role) -> Vec<String> {
    let i = role_index(x, r);
    let n = x.c.index.role_skill_count.get(i).copied().unwrap_or(0);
    one(n.to_string())
}

fn readiness_cell(x: &Ctx, r: &Role) -> Vec<String> {
    let t = readiness::role_readiness(x.c, role_index(x, r), &|s| (x.state)(s));
    one(readiness_text(x.lang, t, 8))
}

fn vs_cell(x: &Ctx, r: &Role) -> Vec<String> {
    one(r.vs_ai_engineer.as_ref().map_or_else(
        || "—".into(),
        |t| i18n::with_basis(x.lang, t.get(x.lang), &r.basis_of.vs_ai_engineer),
    ))
}

fn aliases_cell(x: &Ctx, r: &Role) -> Vec<String> {
    if r.aliases.is_empty() {
        return one("—".into());
    }
    let names: Vec<&str> = r.aliases.iter().map(|t| t.get(x.lang)).collect();
    one(names.join(i18n::list_sep(x.lang)))
}

fn facts_cell(x: &Ctx, r: &Role) -> Vec<String> {
    if r.facts.is_empty() {
        return one("—".into());
    }
    r.facts
        .iter()
        .map(|f| format!("• {}", i18n::with_basis(x.lang, f.get(x.lang), &f.basis)))
        .collect()
}

/// "████░░ 12/30 (40%)", or a plain word when no skill names the role; a
/// role named by few skills gets [`readiness_figure`]'s warning.
pub fn readiness_text(lang: Lang, t: readiness::Tally, gauge_w: usize) -> String {
    if t.total == 0 {
        return labels(lang).no_skills.to_string();
    }
    format!("{} {}", gauge(t, gauge_w), readiness_figure(lang, t))
}

/// A posting's coverage as every surface words it: "skill coverage 42%" or,
/// with nothing to measure, "skill coverage —". `coverage` is
/// [`readiness::Match::coverage`].
pub fn coverage_figure(lang: Lang, coverage: Option<usize>) -> String {
    let word = labels(lang).match_word;
    match coverage {
        Some(p) => format!("{word} {p}%"),
        None => format!("{word} —"),
    }
}

/// A role's readiness as words and figures, the same in every output:
/// "12/30 (40%)" ("12/30（40%）" in Chinese), and after it, when fewer than
/// [`i18n::THIN_ROLE`] skills name the role, "· a thin measure: only 1
/// skill names this role", so that one tick is not read as "100% ready".
pub fn readiness_figure(lang: Lang, t: readiness::Tally) -> String {
    let figure = i18n::with_paren(
        lang,
        &format!("{}/{}", t.done, t.total),
        &format!("{}%", t.percent()),
    );
    match i18n::thin_measure(lang, t.total) {
        Some(w) => format!("{figure} · {w}"),
        None => figure,
    }
}

/// A text gauge such as `████░░░░` for `t`, `width` cells wide.
pub fn gauge(t: Tally, width: usize) -> String {
    let full = (t.ratio() * width as f64).round() as usize;
    let full = full.min(width);
    "█".repeat(full) + &"░".repeat(width - full)
}

/// A skill of the ads' layer left undone while a checklist task that
/// practises it is done: `task` done, `skill` not. The app asks ("S10 done:
/// tick `LangChain`?") and never counts it on the user's behalf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TickHint {
    pub task: usize,
    pub skill: usize,
}

/// Every [`TickHint`] of the catalog for these states, in skill order: a
/// skill neither done nor skipped, one of whose `relates_to` tasks is done.
pub fn tick_hints(c: &Catalog, state: &impl Fn(usize) -> State) -> Vec<TickHint> {
    let mut out = Vec::new();
    for (skill, s) in c.skills.iter().enumerate() {
        if matches!(state(skill), State::Done | State::Skipped) {
            continue;
        }
        for &task in &s.relates_idx {
            if state(task) == State::Done {
                out.push(TickHint { task, skill });
            }
        }
    }
    out
}

/// The hint's sentence in `lang`, with the skill's id and name.
pub fn tick_hint_text(c: &Catalog, h: TickHint, lang: Lang) -> String {
    let skill = &c.skills[h.skill];
    let name = format!("{} ({})", skill.name.get(lang), skill.id);
    i18n::tick_hint(lang, &c.skills[h.task].id, &name)
}

/// What a skill's detail adds beyond its name, as (label, lines) rows, for
/// pane 3 and `career-explorer show SKILL`: its demand in ads with source,
/// base and date; the tasks that practise it, or the ads' skills a task
/// practises; and the tick hints that concern it.
pub fn skill_extras(
    c: &Catalog,
    skill: usize,
    state: &impl Fn(usize) -> State,
    lang: Lang,
) -> Vec<(String, Vec<String>)> {
    let s = &c.skills[skill];
    let mut out = Vec::new();
    if let Some(d) = &s.demand {
        let mut lines = vec![i18n::demand_line(lang, d)];
        lines.extend(i18n::demand_sources(lang, d));
        out.push((i18n::demand_label(lang).to_string(), lines));
    }
    let names = |list: &[usize]| -> Vec<String> {
        list.iter()
            .map(|&o| format!("{} {}", c.skills[o].id, c.skills[o].name.get(lang)))
            .collect()
    };
    if !s.relates_idx.is_empty() {
        out.push((i18n::practised_by(lang).to_string(), names(&s.relates_idx)));
    }
    let by = c
        .index
        .related_by
        .get(skill)
        .map_or(&[][..], |v| v.as_slice());
    if !by.is_empty() {
        out.push((i18n::practises(lang).to_string(), names(by)));
    }
    let hints: Vec<String> = tick_hints(c, state)
        .into_iter()
        .filter(|h| h.skill == skill || h.task == skill)
        .map(|h| tick_hint_text(c, h, lang))
        .collect();
    if !hints.is_empty() {
        out.push((i18n::hints_label(lang).to_string(), hints));
    }
    out
}

/// Where a skill comes from, as `career-explorer show SKILL` prints it under
/// its name: its basis marker and "(2023 examples)" on one line when it has
/// either, then "Sources: …" with each source's reliability for a
/// 2024–2026 skill ([`sources_line`]). Empty for a skill with none of these.
pub fn skill_provenance(c: &Catalog, skill: usize, lang: Lang) -> Vec<String> {
    let s = &c.skills[skill];
    let marks: Vec<String> = [
        i18n::basis_mark(lang, &s.basis).map(str::to_string),
        s.examples_from.map(|y| i18n::examples_from(lang, y)),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut out = Vec::new();
    if !marks.is_empty() {
        out.push(marks.join(if lang == Lang::Zh { "" } else { " " }));
    }
    if let Some(src) = sources_line(c, lang, &s.basis) {
        let colon = if lang == Lang::Zh { "：" } else { ": " };
        out.push(format!("{}{colon}{src}", labels(lang).sources));
    }
    out
}

/// A posting's layer and reliability on one line, as pane 4 and the export
/// give them ("(2024–2026) · job-board copy (aggregator)"), for `postings`
/// and `postings show`; `None` for a posting with neither (the 2023 ad, an
/// import without a reliability).
pub fn posting_provenance(p: &crate::model::Posting, lang: Lang) -> Option<String> {
    let layer = (p.layer == crate::model::Layer::Recent).then_some(labels(lang).recent);
    let reliability = p.reliability.map(|r| i18n::reliability(lang, r));
    let parts: Vec<&str> = [layer, reliability].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// A skill's demand as JSON-ready figures (`skills --json`, `show SKILL --json`).
pub fn demand_json(d: &crate::model::Demand) -> serde_json::Value {
    serde_json::json!({
        "en": {"share_percent": d.en_share, "ads": d.en_ads, "base": d.en_base, "source": d.source.en.as_str()},
        "zh": {"share_percent": d.zh_share, "ads": d.zh_ads, "base": d.zh_base, "source": d.source.zh.as_str()},
        "counted": d.counted.as_str(),
        "field_guide": d.field_guide.as_ref().map(|g| serde_json::json!({
            "source": g.source.as_str(),
            "figures": g.figures.iter().map(|f| serde_json::json!({
                "label": f.label.as_str(), "jobs": f.jobs, "percent": f.pct, "base": f.base.as_str()
            })).collect::<Vec<_>>(),
        })),
    })
}

/// Where a 2024–2026 item comes from, as one line: each source's title (its
/// reliability label is part of it), and for a posting tag (`P1`…`P5`) the
/// posting's name with its reliability. `None` for an item with no
/// 2024–2026 source (the 2023 layer is marked by its own basis marker).
pub fn sources_line(c: &Catalog, lang: Lang, basis: &[String]) -> Option<String> {
    if crate::model::provenance(basis) != crate::model::Provenance::Recent {
        return None;
    }
    let parts: Vec<String> = basis
        .iter()
        .filter(|t| t.as_str() != "suggested")
        .filter_map(|tag| source_name(c, lang, tag))
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(parts.join(i18n::item_sep(lang)))
}

/// One basis tag as a reader sees it: a posting's company and title with its
/// reliability, else the source's title.
fn source_name(c: &Catalog, lang: Lang, tag: &str) -> Option<String> {
    if let Some(p) = c.postings.iter().find(|p| p.basis.iter().any(|b| b == tag)) {
        let name = format!("{} — {}", p.company.get(lang), p.title.get(lang));
        return Some(match p.reliability {
            Some(r) if lang == Lang::Zh => format!("{name}（{}）", i18n::reliability(lang, r)),
            Some(r) => format!("{name} ({})", i18n::reliability(lang, r)),
            None => name,
        });
    }
    let s = c.notes.sources.iter().find(|s| s.id == tag)?;
    Some(s.title.get(lang).to_string())
}
