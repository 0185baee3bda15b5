//! The learning plan as a report: one [`PlanReport`] feeds `plan --json`,
//! `plan`'s text, the export's `plan` section and its Markdown.

use serde::Serialize;

use super::{Report, md};
use crate::dates::format_day;
use crate::i18n::plan_labels;
use crate::model::{Catalog, Lang};
use crate::plan::{Plan, Target};
use crate::resources::Resources;
use crate::store::progress::State;

/// How many resources each step lists.
pub const RESOURCES_PER_STEP: usize = 3;

#[derive(Debug, Clone, Serialize)]
pub struct PlanReport {
    /// `posting`, `postings` or `role`.
    pub target_kind: &'static str,
    /// The posting or role ids the plan is for.
    pub target: Vec<String>,
    /// The target in words, in the report's language.
    pub target_name: String,
    /// Whether `postings` are the user's own (else all: they have none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub own_postings: Option<bool>,
    /// Our estimate: the sum of the steps' low and high hours, and the mid
    /// estimate the dates come from.
    pub hours_low: u32,
    pub hours_high: u32,
    pub hours_mid: f64,
    pub hours_per_week: Option<u32>,
    pub start: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finish: Option<String>,
    /// How effort and dates are reached, in words.
    pub basis: String,
    pub steps: Vec<StepReport>,
    /// The target's skills already done; `evidence` when one is given.
    pub done: Vec<DoneReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepReport {
    pub id: String,
    pub name: String,
    pub state: State,
    /// Open requirements of the target it names.
    pub closes: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub foundation_of: Vec<String>,
    /// Our estimate in hours, `[low, high]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effort_hours: Option<[u32; 2]>,
    pub cumulative_hours: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    pub resources: Vec<ResourceReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResourceReport {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
    pub lang: &'static str,
    pub kind: &'static str,
    pub cost: &'static str,
    pub checked: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DoneReport {
    pub id: String,
    pub name: String,
    pub evidence: bool,
}

/// The plan `plan` as a report in `lang`, with up to three resources a
/// step (the language's first).
pub fn plan_report(c: &Catalog, res: &Resources, plan: &Plan, lang: Lang) -> PlanReport {
    let l = plan_labels(lang);
    let target = target_report(c, &plan.target, lang);
    let steps = plan
        .steps
        .iter()
        .map(|st| step_report(c, res, st, lang))
        .collect();
    let done = plan
        .done
        .iter()
        .map(|&(s, evidence)| DoneReport {
            id: c.skills[s].id.clone(),
            name: c.skills[s].name.get(lang).to_string(),
            evidence,
        })
        .collect();
    PlanReport {
        target_kind: target.kind,
        target: target.ids,
        target_name: target.name,
        own_postings: target.own,
        hours_low: plan.hours.0,
        hours_high: plan.hours.1,
        hours_mid: plan.mid_hours,
        hours_per_week: plan.hours_per_week,
        start: format_day(plan.start),
        finish: plan.finish.map(format_day),
        basis: format!("{} · {}", l.estimate, l.dates_basis),
        steps,
        done,
    }
}

/// A plan's target as the report gives it.
struct TargetReport {
    /// `posting`, `postings` or `role`.
    kind: &'static str,
    ids: Vec<String>,
    /// In words, in the report's language.
    name: String,
    /// For `postings`: whether they are the user's own.
    own: Option<bool>,
}

/// The posting, postings or role `target` names, in `lang`.
fn target_report(c: &Catalog, target: &Target, lang: Lang) -> TargetReport {
    let l = plan_labels(lang);
    match target {
        Target::Posting(i) => {
            let p = &c.postings[*i];
            TargetReport {
                kind: "posting",
                ids: vec![p.id.clone()],
                name: format!("{} — {}", p.company.get(lang), p.title.get(lang)),
                own: None,
            }
        }
        Target::Postings(v) => {
            let own = v.iter().all(|&i| c.is_own_posting(i)) && !v.is_empty();
            let name = if own { l.target_all_own } else { l.target_all };
            TargetReport {
                kind: "postings",
                ids: v.iter().map(|&i| c.postings[i].id.clone()).collect(),
                name: name.to_string(),
                own: Some(own),
            }
        }
        Target::Role(r) => {
            let role = &c.roles[*r];
            TargetReport {
                kind: "role",
                ids: vec![role.id.clone()],
                name: format!("{} {}", l.target_role, role.name.get(lang)),
                own: None,
            }
        }
    }
}

/// One step with its figures and up to [`RESOURCES_PER_STEP`] resources.
fn step_report(c: &Catalog, res: &Resources, st: &crate::plan::Step, lang: Lang) -> StepReport {
    StepReport {
        id: c.skills[st.skill].id.clone(),
        name: c.skills[st.skill].name.get(lang).to_string(),
        state: st.state,
        closes: st.closes,
        foundation_of: st
            .foundation_of
            .iter()
            .map(|&t| c.skills[t].id.clone())
            .collect(),
        effort_hours: st.effort.map(|(a, b)| [a, b]),
        cumulative_hours: st.cumulative,
        due: st.due.map(format_day),
        resources: res
            .for_skill(st.skill, lang, RESOURCES_PER_STEP)
            .into_iter()
            .map(|r| ResourceReport {
                id: r.id.clone(),
                title: r.title.get(lang).to_string(),
                publisher: r.publisher.to_string(),
                url: r.url.to_string(),
                lang: r.lang.code(),
                kind: r.kind.code(),
                cost: r.cost.code(),
                checked: r.checked.clone(),
            })
            .collect(),
    }
}

/// One step's head line: "3. rag  RAG  4–10 h (our estimate) · by 2027-01-04".
pub fn step_line(st: &StepReport, n: usize, lang: Lang) -> String {
    let l = plan_labels(lang);
    let mut line = format!("{n}. {} {}", st.id, st.name);
    if st.state == State::Learning {
        line.push_str(" [~]");
    }
    match st.effort_hours {
        Some([a, b]) => line.push_str(&format!(
            " · {}",
            crate::i18n::with_paren(lang, &format!("{a}–{b} {}", l.hours), l.estimate)
        )),
        None => line.push_str(&format!(" · {} ?", l.effort)),
    }
    if let Some(d) = &st.due {
        line.push_str(&format!(" · {} {d}", l.by));
    }
    if st.closes > 0 {
        line.push_str(&format!(" · {} {}", l.closes, st.closes));
    }
    if !st.foundation_of.is_empty() {
        let ids = st.foundation_of.join(crate::i18n::list_sep(lang));
        line.push_str(" · ");
        line.push_str(&l.foundation_of.replace("{ids}", &ids));
    }
    line
}

/// A resource as one line: "title — publisher (zh, course, free) url".
pub fn resource_line(r: &ResourceReport, lang: Lang) -> String {
    let named = format!("{} — {}", r.title, r.publisher);
    format!(
        "{} {}",
        crate::i18n::with_paren(lang, &named, &resource_facts(r, lang)),
        r.url
    )
}

/// A resource's language, kind and cost in `lang`: "zh, course, free",
/// "中文、课程、免费".
fn resource_facts(r: &ResourceReport, lang: Lang) -> String {
    let l = plan_labels(lang);
    let kind = match r.kind {
        "docs" => l.kinds[0],
        "course" => l.kinds[1],
        "book" => l.kinds[2],
        _ => l.kinds[3],
    };
    let cost = if r.cost == "paid" { l.paid } else { l.free };
    let sep = crate::i18n::list_sep(lang);
    [crate::i18n::lang_code_name(lang, r.lang), kind, cost].join(sep)
}

/// The head of a plan: target, totals, pace and finish, the basis.
pub fn head_lines(pr: &PlanReport, lang: Lang) -> Vec<String> {
    let l = plan_labels(lang);
    let colon = crate::i18n::colon(lang);
    let mut out = vec![format!("{}{colon}{}", l.plan_for, pr.target_name)];
    let hours = format!("{}–{} {}", pr.hours_low, pr.hours_high, l.hours);
    let mut total = format!(
        "{}{colon}{} · {}",
        l.total,
        pr.steps.len(),
        crate::i18n::with_paren(lang, &hours, l.estimate)
    );
    match (pr.hours_per_week, &pr.finish) {
        (Some(h), Some(f)) => total.push_str(&format!(" · {h} {} · {} {f}", l.per_week, l.by)),
        _ => total.push_str(&format!(" · {}", l.no_pace)),
    }
    out.push(total);
    out.push(l.dates_basis.to_string());
    out
}

/// The plan as plain text for the terminal or a pipe (no escapes), every
/// line cut to `width` columns.
pub fn plan_text(pr: &PlanReport, lang: Lang, width: usize) -> String {
    let l = plan_labels(lang);
    let cut = |s: &str| crate::text::truncate(s, width);
    let mut out = String::new();
    for line in head_lines(pr, lang) {
        out.push_str(&cut(&line));
        out.push('\n');
    }
    out.push('\n');
    if pr.steps.is_empty() {
        out.push_str(l.nothing_left);
        out.push('\n');
    }
    for (i, st) in pr.steps.iter().enumerate() {
        out.push_str(&cut(&step_line(st, i + 1, lang)));
        out.push('\n');
        if st.resources.is_empty() {
            out.push_str(&format!("   - {}\n", l.no_resource));
        }
        for r in &st.resources {
            out.push_str(&cut(&format!("   - {}", resource_line(r, lang))));
            out.push('\n');
        }
    }
    if !pr.done.is_empty() {
        out.push('\n');
        out.push_str(&cut(&done_line(pr, lang)));
        out.push('\n');
    }
    out
}

/// "Done for this target: 3 (2 with evidence): python ✓, sql".
pub fn done_line(pr: &PlanReport, lang: Lang) -> String {
    let l = plan_labels(lang);
    let with = pr.done.iter().filter(|d| d.evidence).count();
    let ids: Vec<String> = pr
        .done
        .iter()
        .map(|d| {
            if d.evidence {
                format!("{} ✓{}", d.id, l.evidence)
            } else {
                d.id.clone()
            }
        })
        .collect();
    let colon = crate::i18n::colon(lang);
    let count = crate::i18n::with_paren(
        lang,
        &pr.done.len().to_string(),
        &format!("{with} {}", l.with_evidence),
    );
    format!(
        "{}{colon}{count}{colon}{}",
        l.done_for_target,
        ids.join(", ")
    )
}

/// The plan as Markdown (with its resources linked).
pub fn plan_markdown(pr: &PlanReport, lang: Lang) -> String {
    let l = plan_labels(lang);
    let mut out = format!("\n## {}\n\n", l.views[0]);
    for line in head_lines(pr, lang) {
        out.push_str(&format!("{}\n\n", md(&line)));
    }
    for (i, st) in pr.steps.iter().enumerate() {
        out.push_str(&format!("{}\n", md(&step_line(st, i + 1, lang))));
        for r in &st.resources {
            let linked = format!("[{}]({}) — {}", md(&r.title), r.url, md(&r.publisher));
            out.push_str(&format!(
                "   - {}\n",
                crate::i18n::with_paren(lang, &linked, &resource_facts(r, lang))
            ));
        }
    }
    if !pr.done.is_empty() {
        out.push_str(&format!("\n{}\n", md(&done_line(pr, lang))));
    }
    out
}

/// The export's plan and history sections, after the rest.
pub(super) fn append_markdown(r: &Report, out: &mut String) {
    let lang = r.language();
    if let Some(pr) = &r.plan {
        out.push_str(&plan_markdown(pr, lang));
    }
    if !r.history.is_empty() {
        let l = plan_labels(lang);
        out.push_str(&format!("\n## {}\n\n", l.history_title));
        let states = &crate::i18n::labels(lang).state_names;
        for h in &r.history {
            let state = states[h.state as usize];
            out.push_str(&format!("- {} {} → {state}\n", h.date, md(&h.skill)));
        }
    }
}
