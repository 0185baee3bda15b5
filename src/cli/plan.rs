//! The commands from gap to plan: `plan`, `demand` and `progress --history`.
//! Text without escapes (it pipes cleanly) or JSON with `--json`.

use std::sync::OnceLock;

use serde_json::{Value, json};

use career_core::dates;
use career_core::demand;
use career_core::i18n::{labels, plan_labels};
use career_core::model::{Catalog, Lang};
use career_core::plan::{self, Target};
use career_core::report::{self, Report};
use career_core::resources::Resources;
use career_core::store::progress::Progress;
use career_core::text::truncate;
use career_core::trend;

/// What the plan needs beyond the catalog, set once at start.
pub struct Context {
    pub resources: Resources,
    /// Hours per week from the config file (or its default).
    pub hours_per_week: u32,
}

static CONTEXT: OnceLock<Context> = OnceLock::new();

/// Sets the resources and pace the plan commands and the export use.
pub fn set_context(ctx: Context) {
    let _ = CONTEXT.set(ctx);
}

fn context() -> &'static Context {
    static EMPTY: OnceLock<Context> = OnceLock::new();
    CONTEXT.get().unwrap_or_else(|| {
        EMPTY.get_or_init(|| Context {
            resources: Resources::default(),
            hours_per_week: 5,
        })
    })
}

/// The resources and the hours per week set at start (the app's pane 5
/// plans with them).
pub fn resources_and_pace() -> (&'static Resources, u32) {
    let ctx = context();
    (&ctx.resources, ctx.hours_per_week)
}

fn json_text(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default() + "\n"
}

/// The target `--posting`, `--all` or `--role` name (all postings when none).
pub fn target(c: &Catalog, posting: Option<&str>, role: Option<&str>) -> Result<Target, String> {
    if let Some(id) = posting {
        return c
            .postings
            .iter()
            .position(|p| p.id == id)
            .map(Target::Posting)
            .ok_or_else(|| {
                let known: Vec<&str> = c.postings.iter().map(|p| p.id.as_str()).collect();
                super::commands::unknown_id(
                    c,
                    crate::cli::cli_text().plan_unknown_posting,
                    id,
                    &known,
                    &[career_core::search::Kind::Posting],
                )
            });
    }
    if let Some(id) = role {
        return super::commands::find_role(c, id).map(Target::Role);
    }
    Ok(Target::Postings(plan::all_postings(c).0))
}

/// The plan report for `target` at `hours_per_week` (the config's when `None`).
pub fn plan_report(
    c: &Catalog,
    p: &Progress,
    target: &Target,
    hours_per_week: Option<u32>,
    lang: Lang,
) -> report::PlanReport {
    let ctx = context();
    let hours = hours_per_week.unwrap_or(ctx.hours_per_week);
    let built = plan::build(c, &ctx.resources, p, target, Some(hours), dates::today());
    report::plan_report(c, &ctx.resources, &built, lang)
}

/// `career-explorer plan`.
pub fn plan_text(
    c: &Catalog,
    p: &Progress,
    t: &Target,
    hours: Option<u32>,
    lang: Lang,
    json: bool,
    width: usize,
) -> String {
    let pr = plan_report(c, p, t, hours, lang);
    if json {
        serde_json::to_string_pretty(&pr).unwrap_or_default() + "\n"
    } else {
        report::plan_text(&pr, lang, width)
    }
}

/// Adds the plan for all the user's postings to an export.
pub fn attach_plan(r: &mut Report, c: &Catalog, p: &Progress, lang: Lang) {
    let t = Target::Postings(plan::all_postings(c).0);
    r.plan = Some(plan_report(c, p, &t, None, lang));
}

/// `career-explorer demand`.
pub fn demand_text(c: &Catalog, p: &Progress, lang: Lang, json: bool, width: usize) -> String {
    let d = demand::build(c, p);
    let l = plan_labels(lang);
    let of = d.postings.len();
    if json {
        let rows: Vec<Value> = d
            .rows
            .iter()
            .map(|r| {
                json!({
                    "id": c.skills[r.skill].id,
                    "name": c.skills[r.skill].name.get(lang),
                    "state": r.state,
                    "asked_by": r.asked_by,
                    "of": of,
                    "completes": r.completes,
                })
            })
            .collect();
        let ids: Vec<&str> = d
            .postings
            .iter()
            .map(|&i| c.postings[i].id.as_str())
            .collect();
        return json_text(&json!({"own": d.own, "postings": ids, "skills": rows}));
    }
    let scope = if d.own { l.demand_own } else { l.demand_all };
    let colon = career_core::i18n::colon(lang);
    let scope = format!("{scope}{colon}{of}");
    let mut out = format!(
        "{}\n",
        career_core::i18n::with_paren(lang, l.demand_title, &scope)
    );
    let states = &labels(lang).state_names;
    for r in &d.rows {
        let line = format!(
            "  {}  {}{colon}{} · {} · {}",
            c.skills[r.skill].id,
            c.skills[r.skill].name.get(lang),
            demand_words(l.asked_by, r.asked_by, of),
            l.completes.replace("{n}", &r.completes.to_string()),
            states[r.state as usize]
        );
        out.push_str(&truncate(&line, width));
        out.push('\n');
    }
    out
}

/// "asked by 5 of 8".
pub fn demand_words(pattern: &str, n: usize, m: usize) -> String {
    demand::asked_by_words(pattern, n, m)
}

/// The role readiness is drawn for: the AI Engineer's, else the first.
pub fn chart_role(c: &Catalog) -> usize {
    trend::chart_role(c)
}

/// `career-explorer progress --history [--since DATE]`.
pub fn history_text(
    c: &Catalog,
    p: &Progress,
    since: Option<&str>,
    lang: Lang,
    json: bool,
    width: usize,
) -> Result<String, String> {
    let since_day = match since {
        Some(s) => Some(
            dates::parse_day(s)
                .filter(|_| s.len() == 10)
                .ok_or_else(|| {
                    career_core::i18n::fill(crate::cli::cli_text().since_not_date, &[("s", s)])
                })?,
        ),
        None => None,
    };
    let l = plan_labels(lang);
    let role = chart_role(c);
    let (postings, own) = plan::all_postings(c);
    let changes: Vec<_> = trend::changes(p)
        .into_iter()
        .filter(|r| since_day.is_none_or(|d| dates::parse_day(&r.date).is_some_and(|x| x >= d)))
        .collect();
    let weeks = trend::weeks(c, p, role, &postings, since_day, dates::today());
    if json {
        return Ok(history_json(c, role, &postings, &changes, &weeks));
    }
    let mut out = format!("{}\n", l.history_title);
    if changes.is_empty() {
        out.push_str(l.no_history);
        out.push('\n');
        return Ok(out);
    }
    let states = &labels(lang).state_names;
    for r in &changes {
        out.push_str(&truncate(
            &format!("  {}  {}  {}", r.date, r.skill, states[r.state as usize]),
            width,
        ));
        out.push('\n');
    }
    let role_name = c.roles.get(role).map_or("", |r| r.name.get(lang));
    out.push_str(&truncate(
        &format!(
            "\n{} · {} = {role_name} · {} = {}\n",
            l.week,
            l.readiness,
            l.coverage,
            if own { l.target_all_own } else { l.target_all }
        ),
        width,
    ));
    for w in &weeks {
        out.push_str(&truncate(&week_line(w, lang), width));
        out.push('\n');
    }
    Ok(out)
}

/// `progress --history --json`: the role readiness is for, the changes and
/// each week's figures with the coverage per posting id.
fn history_json(
    c: &Catalog,
    role: usize,
    postings: &[usize],
    changes: &[career_core::store::progress::timeline::Record],
    weeks: &[trend::Week],
) -> String {
    let weeks: Vec<Value> = weeks
        .iter()
        .map(|w| {
            let cov: serde_json::Map<String, Value> = postings
                .iter()
                .zip(&w.coverage)
                .map(|(&i, pct)| (c.postings[i].id.clone(), json!(pct)))
                .collect();
            json!({"week": dates::format_day(w.start), "changes": w.changes, "done": w.done, "readiness": w.readiness, "coverage": cov})
        })
        .collect();
    json_text(&json!({
        "role": c.roles.get(role).map(|r| r.id.as_str()),
        "changes": changes,
        "weeks": weeks,
    }))
}

/// One week's line of `progress --history`: its first day, the changes, the
/// skills done, the readiness and the mean coverage.
fn week_line(w: &trend::Week, lang: Lang) -> String {
    let l = plan_labels(lang);
    // The mean over the postings something can measure; "—" when none can.
    let measured: Vec<usize> = w.coverage.iter().flatten().copied().collect();
    let mean = measured
        .iter()
        .sum::<usize>()
        .checked_div(measured.len())
        .map_or_else(|| "—".to_string(), |m| format!("{m}%"));
    format!(
        "  {}  {} {:>3}  {} {:>3}  {} {:>3}%  {} {:>4}",
        dates::format_day(w.start),
        l.changes,
        w.changes,
        l.done,
        w.done,
        l.readiness,
        w.readiness,
        l.coverage,
        mean
    )
}
