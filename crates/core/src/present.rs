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

/// The dimensions of two roles, for the pane and for `career-explorer compare`.
pub fn dims(
    c: &Catalog,
    pair: [usize; 2],
    state: &impl Fn(usize) -> State,
    lang: Lang,
) -> Vec<Dim> {
    let l = labels(lang);
    let [a, b] = pair.map(|i| &c.roles[i]);
    let place = |r: &Role| -> String {
        let i = c.role_index(&r.id).unwrap_or(0);
        match c.index.spectrum.iter().position(|&s| s == i) {
            Some(p) => format!("{}/{}", p + 1, c.index.spectrum.len()),
            None => l.off_spectrum.to_string(),
        }
    };
    let list = |items: &[crate::model::Text], basis: &[String]| -> Vec<String> {
        let mut out: Vec<String> = items.iter().map(|t| format!("• {}", t.get(lang))).collect();
        out.extend(i18n::basis_mark(lang, basis).map(String::from));
        out
    };
    let marked = |s: String, basis: &[String]| i18n::with_basis(lang, &s, basis);
    let one = |s: String| vec![s];
    let workflow = |r: &Role| -> String {
        r.workflow
            .as_deref()
            .and_then(|w| c.workflow(w))
            .map(|w| {
                let steps: Vec<&str> = w.steps.iter().map(|s| s.get(lang)).collect();
                steps.join(" → ")
            })
            .unwrap_or_else(|| "—".into())
    };
    let vs = |r: &Role| -> String {
        r.vs_ai_engineer.as_ref().map_or_else(
            || "—".into(),
            |t| marked(t.get(lang).to_string(), &r.basis_of.vs_ai_engineer),
        )
    };
    let count = |r: &Role| -> String {
        let i = c.role_index(&r.id).unwrap_or(0);
        c.index
            .role_skill_count
            .get(i)
            .copied()
            .unwrap_or(0)
            .to_string()
    };
    let ready = |r: &Role| -> String {
        let i = c.role_index(&r.id).unwrap_or(0);
        let t = crate::readiness::role_readiness(c, i, state);
        readiness_text(lang, t, 8)
    };
    let mut out = vec![
        Dim {
            label: l.side,
            cells: [
                one(i18n::side(lang, a.side).into()),
                one(i18n::side(lang, b.side).into()),
            ],
            differs: a.side != b.side,
        },
        Dim {
            label: l.spectrum_place,
            cells: [one(place(a)), one(place(b))],
            differs: place(a) != place(b),
        },
        Dim {
            label: l.summary,
            cells: [
                one(a.summary.get(lang).into()),
                one(b.summary.get(lang).into()),
            ],
            differs: a.summary != b.summary,
        },
        Dim {
            label: l.does,
            cells: [
                list(&a.activities, &a.basis_of.activities),
                list(&b.activities, &b.basis_of.activities),
            ],
            differs: a.activities != b.activities,
        },
        Dim {
            label: l.outputs,
            cells: [
                list(&a.outputs, &a.basis_of.outputs),
                list(&b.outputs, &b.basis_of.outputs),
            ],
            differs: a.outputs != b.outputs,
        },
    ];
    let cost = |r: &Role| {
        marked(
            i18n::level(lang, r.iteration.cost).to_string(),
            &r.basis_of.iteration,
        )
    };
    let speed = |r: &Role| {
        marked(
            i18n::speed(lang, r.iteration.speed).to_string(),
            &r.basis_of.iteration,
        )
    };
    let tools = |r: &Role| -> String {
        let t: Vec<&str> = r.key_tools.iter().map(|t| t.get(lang)).collect();
        let t = marked(t.join(i18n::list_sep(lang)), &r.basis_of.key_tools);
        match r.examples_from {
            Some(y) if lang == Lang::Zh => format!("{t}{}", i18n::examples_from(lang, y)),
            Some(y) => format!("{t} {}", i18n::examples_from(lang, y)),
            None => t,
        }
    };
    out.extend([
        Dim {
            label: l.cost,
            cells: [one(cost(a)), one(cost(b))],
            differs: a.iteration.cost != b.iteration.cost,
        },
        Dim {
            label: l.speed,
            cells: [one(speed(a)), one(speed(b))],
            differs: a.iteration.speed != b.iteration.speed,
        },
        Dim {
            label: l.tools,
            cells: [one(tools(a)), one(tools(b))],
            differs: tools(a) != tools(b),
        },
        Dim {
            label: l.workflow,
            cells: [one(workflow(a)), one(workflow(b))],
            differs: workflow(a) != workflow(b),
        },
        Dim {
            label: l.skills_needed,
            cells: [one(count(a)), one(count(b))],
            differs: count(a) != count(b),
        },
        Dim {
            label: l.readiness,
            cells: [one(ready(a)), one(ready(b))],
            differs: ready(a) != ready(b),
        },
        Dim {
            label: l.vs_ai,
            cells: [one(vs(a)), one(vs(b))],
            differs: vs(a) != vs(b),
        },
    ]);
    // Other titles and the facts, as the role detail has them: every role's
    // facts can be read here, on the spectrum or not.
    let aliases = |r: &Role| -> Vec<String> {
        if r.aliases.is_empty() {
            return one("—".into());
        }
        let names: Vec<&str> = r.aliases.iter().map(|t| t.get(lang)).collect();
        one(names.join(i18n::list_sep(lang)))
    };
    let facts = |r: &Role| -> Vec<String> {
        if r.facts.is_empty() {
            return one("—".into());
        }
        r.facts
            .iter()
            .map(|f| format!("• {}", i18n::with_basis(lang, f.get(lang), &f.basis)))
            .collect()
    };
    out.extend([
        Dim {
            label: l.aliases,
            cells: [aliases(a), aliases(b)],
            differs: aliases(a) != aliases(b),
        },
        Dim {
            label: l.facts,
            cells: [facts(a), facts(b)],
            differs: a.facts != b.facts,
        },
    ]);
    out
}

/// "████░░ 12/30 (40%)", or a plain word when no skill names the role.
pub fn readiness_text(lang: Lang, t: readiness::Tally, gauge_w: usize) -> String {
    if t.total == 0 {
        return labels(lang).no_skills.to_string();
    }
    format!(
        "{} {}/{} ({}%)",
        gauge(t, gauge_w),
        t.done,
        t.total,
        t.percent()
    )
}

/// A text gauge such as `████░░░░` for `t`, `width` cells wide.
pub fn gauge(t: Tally, width: usize) -> String {
    let full = (t.ratio() * width as f64).round() as usize;
    let full = full.min(width);
    "█".repeat(full) + &"░".repeat(width - full)
}

/// A skill of the ads' layer left undone while a checklist task that
/// practises it is done: `task` done, `skill` not. The app asks ("S10 done:
/// tick LangChain?") and never counts it on the user's behalf.
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
