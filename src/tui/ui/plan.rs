//! Pane 5, from gap to plan: the plan, demand, postings overview and
//! history views (`v` cycles them). Every figure comes from the core
//! (`plan`, `report::plan_report`, `demand`, `readiness`, `trend`) through
//! [`crate::tui::plan_view`]; this module only lays it out.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Paragraph};

use super::theme::theme;
use super::{block, inside, main_and_detail, render_lines, skill_mark, wrapped};
use crate::tui::app::App;
use crate::tui::layout::PlanLayout;
use crate::tui::plan_view::{PlanSub, TargetKind};
use career_core::dates::format_day;
use career_core::i18n::{plan_labels, plan_view_labels, with_paren};
use career_core::model::Lang;
use career_core::readiness::Tally;
use career_core::report::{self, PlanReport};
use career_core::store::progress::State;
use career_core::text;

/// From this width on, the plan's detail box sits beside the list.
const WIDE: u16 = 120;
/// The detail box's height under the list on a narrow screen.
const DETAIL_H: u16 = 8;

/// A view's list: its heading lines, its rows (each with the view's row
/// it is, `None` for one that is no row), and the detail box's lines.
struct Content {
    head: Vec<Line<'static>>,
    rows: Vec<(Line<'static>, Option<usize>)>,
    /// The selected row (a position in the view's rows).
    cursor: usize,
    /// The plan's detail box: its title and lines (other views have none).
    detail: Option<(String, Vec<Line<'static>>)>,
}

/// Where the parts of pane 5 go: the view switcher, the heading, the list
/// and the detail box.
struct Areas {
    switcher: Rect,
    head: Rect,
    list: Rect,
    detail: Option<Rect>,
}

fn areas(body: Rect, head_h: u16, detail: bool) -> Areas {
    let inner = inside(body);
    let [switcher, head, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(head_h),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let (list, detail) = if detail {
        let (list, d) = main_and_detail(rest, WIDE, DETAIL_H);
        (list, Some(d))
    } else {
        (rest, None)
    };
    Areas {
        switcher,
        head,
        list,
        detail,
    }
}

/// A label's colon in `lang`.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

/// The first row shown so that `cursor` is among `height` rows.
fn offset(cursor: usize, height: usize) -> usize {
    (cursor + 1).saturating_sub(height.max(1))
}

/// The content of the shown view, laid out for lines of `width` columns.
fn content(app: &App, width: usize) -> Content {
    match app.plan.sub {
        PlanSub::Plan => plan_content(app, width),
        PlanSub::Demand => demand_content(app, width),
        PlanSub::Postings => overview_content(app, width),
        PlanSub::History => Content {
            head: Vec::new(),
            rows: Vec::new(),
            cursor: 0,
            detail: None,
        },
    }
}

/// What pane 5 shows of content `c` in `body`: the list's rows on screen,
/// the page and how many rows the view has.
fn layout_of(c: &Content, body: Rect) -> PlanLayout {
    let a = areas(body, c.head.len() as u16, c.detail.is_some());
    let height = usize::from(a.list.height);
    let first = offset(c.cursor, height);
    PlanLayout {
        list: a.list,
        rows: c
            .rows
            .iter()
            .skip(first)
            .take(height)
            .map(|r| r.1)
            .collect(),
        page: a.list.height.max(1),
        count: c.rows.iter().filter_map(|r| r.1).max().map_or(0, |m| m + 1),
    }
}

/// Draws pane 5 in `body` and returns what it drew ([`PlanLayout`]); the
/// view's figures are computed once a frame, here.
pub fn draw(app: &App, frame: &mut Frame, body: Rect) -> PlanLayout {
    frame.render_widget(block(plan_labels(app.lang).tab, true), body);
    if app.plan.sub == PlanSub::History {
        let inner = inside(body);
        let [switcher, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
        frame.render_widget(switcher_line(app), switcher);
        draw_history(app, frame, rest);
        return PlanLayout::default();
    }
    let width = usize::from(inside(body).width);
    let c = content(app, width);
    let drawn = layout_of(&c, body);
    let a = areas(body, c.head.len() as u16, c.detail.is_some());
    frame.render_widget(switcher_line(app), a.switcher);
    frame.render_widget(Paragraph::new(c.head), a.head);
    let height = usize::from(a.list.height);
    let first = offset(c.cursor, height);
    let lines: Vec<Line> = c
        .rows
        .into_iter()
        .skip(first)
        .take(height)
        .map(|(line, row)| {
            if row == Some(c.cursor) {
                line.style(theme().selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), a.list);
    if let (Some(area), Some((title, lines))) = (a.detail, c.detail) {
        let b = block(&title, false);
        let inner = b.inner(area);
        frame.render_widget(b, area);
        render_lines(frame, inner, lines, 0);
    }
    drawn
}

/// "Plan │ Demand │ Postings │ History", the shown view highlighted.
fn switcher_line(app: &App) -> Line<'static> {
    let l = plan_labels(app.lang);
    let mut spans = Vec::new();
    for (i, name) in l.views.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", theme().dim));
        }
        let style = if i == app.plan.sub as usize {
            theme().tab_active
        } else {
            theme().tab
        };
        spans.push(Span::styled(*name, style));
    }
    Line::from(spans)
}

/// The plan as the core reports it (the same as `career-explorer plan`).
fn plan_report(app: &App) -> PlanReport {
    report::plan_report(&app.catalog, &app.resources, &app.current_plan(), app.lang)
}

/// The plan's heading: what it is for, then the totals and the pace.
fn plan_head(app: &App, pr: &PlanReport, width: usize) -> Vec<Line<'static>> {
    let l = plan_labels(app.lang);
    let v = plan_view_labels(app.lang);
    let mut target = pr.target_name.clone();
    let role_is_yours = app.plan.kind == TargetKind::Role
        && app.progress.profile.role.as_deref()
            == app.catalog.roles.get(app.plan.role).map(|r| r.id.as_str());
    if role_is_yours {
        target = with_paren(app.lang, &target, v.your_role);
    }
    let first = with_paren(
        app.lang,
        &format!("{}{}{target}", l.plan_for, colon(app.lang)),
        v.target_keys,
    );
    let totals = with_paren(
        app.lang,
        &format!(
            "{} · {}–{} {}",
            v.to_learn.replace("{n}", &pr.steps.len().to_string()),
            pr.hours_low,
            pr.hours_high,
            l.hours,
        ),
        l.estimate,
    );
    let mut pace = with_paren(
        app.lang,
        &format!("{} {}", app.plan.hours_per_week, l.per_week),
        v.pace_keys,
    );
    if let Some(f) = &pr.finish {
        pace.push_str(&format!(" · {} {f} · {}", l.by, l.dates_basis));
    }
    vec![
        Line::styled(text::truncate(&first, width), theme().title),
        Line::styled(text::truncate(&totals, width), theme().label),
        Line::styled(text::truncate(&pace, width), theme().label),
    ]
}

fn plan_content(app: &App, width: usize) -> Content {
    let pr = plan_report(app);
    let l = plan_labels(app.lang);
    let cursor = app.plan.cursor[PlanSub::Plan as usize].min(pr.steps.len().saturating_sub(1));
    let list_w = if width >= usize::from(WIDE) - 2 {
        width * 6 / 10
    } else {
        width
    };
    let mut rows: Vec<(Line<'static>, Option<usize>)> = Vec::new();
    if pr.steps.is_empty() {
        rows.push((Line::styled(l.nothing_left, theme().done), None));
    }
    for (i, st) in pr.steps.iter().enumerate() {
        let (mark, style) = skill_mark(st.state);
        let mut tail = match st.effort_hours {
            Some([a, b]) => format!("{a}–{b} {}", l.hours),
            None => format!("{} ?", l.effort),
        };
        if let Some(d) = &st.due {
            tail.push_str(&format!(" · {} {d}", l.by));
        }
        let head = format!(" {}. {} {}", i + 1, st.id, st.name);
        let room = list_w.saturating_sub(text::width(mark) + text::width(&tail) + 2);
        let line = Line::from(vec![
            Span::styled(mark, style),
            Span::raw(text::pad(&text::truncate(&head, room), room)),
            Span::raw("  "),
            Span::styled(tail, theme().dim),
        ]);
        rows.push((line, Some(i)));
    }
    let detail = plan_detail(app, &pr, cursor, width);
    Content {
        head: plan_head(app, &pr, width),
        rows,
        cursor,
        detail: Some(detail),
    }
}

/// The detail box: the selected step in full with where to learn it, then
/// the target's skills already done with their evidence marks.
fn plan_detail(
    app: &App,
    pr: &PlanReport,
    cursor: usize,
    width: usize,
) -> (String, Vec<Line<'static>>) {
    let lang = app.lang;
    let l = plan_labels(lang);
    let v = plan_view_labels(lang);
    // The box is beside the list from WIDE on, else under it: its inside.
    let w = if width >= usize::from(WIDE) - 2 {
        width - width * 6 / 10 - 2
    } else {
        width.saturating_sub(2)
    };
    let mut out = Vec::new();
    if let Some(st) = pr.steps.get(cursor) {
        out.extend(wrapped(
            &report::step_line(st, cursor + 1, lang),
            w,
            theme().emphasis,
            "",
        ));
        if st.resources.is_empty() {
            out.push(Line::styled(format!("  {}", l.no_resource), theme().dim));
        }
        for r in &st.resources {
            out.extend(wrapped(
                &report::resource_line(r, lang),
                w,
                Style::default(),
                "  • ",
            ));
        }
    }
    if !pr.done.is_empty() {
        let with = pr.done.iter().filter(|d| d.evidence).count();
        out.push(Line::default());
        out.push(Line::styled(
            format!(
                "{} ({}, {with} {})",
                l.done_for_target,
                pr.done.len(),
                l.with_evidence
            ),
            theme().label,
        ));
        for d in &pr.done {
            let (mark, style) = skill_mark(State::Done);
            let ev = if d.evidence {
                format!("  ✓ {}", l.evidence)
            } else {
                String::new()
            };
            let line = text::truncate(&format!(" {} {}{ev}", d.id, d.name), w.saturating_sub(4));
            out.push(Line::from(vec![Span::styled(mark, style), Span::raw(line)]));
        }
    }
    (v.learn_from.to_string(), out)
}

fn demand_content(app: &App, width: usize) -> Content {
    let d = app.current_demand();
    let l = plan_labels(app.lang);
    let of = d.postings.len();
    let scope = if d.own { l.demand_own } else { l.demand_all };
    let head = vec![Line::styled(
        text::truncate(
            &with_paren(
                app.lang,
                l.demand_title,
                &format!("{scope}{}{of}", colon(app.lang)),
            ),
            width,
        ),
        theme().title,
    )];
    let mut rows: Vec<(Line<'static>, Option<usize>)> = Vec::new();
    if d.rows.is_empty() {
        rows.push((
            Line::styled(plan_view_labels(app.lang).no_demand, theme().dim),
            None,
        ));
    }
    for (i, r) in d.rows.iter().enumerate() {
        let skill = &app.catalog.skills[r.skill];
        let (mark, style) = skill_mark(r.state);
        let tail = format!(
            "{} · {}",
            career_core::demand::asked_by_words(l.asked_by, r.asked_by, of),
            l.completes.replace("{n}", &r.completes.to_string())
        );
        let head = format!(" {} {}", skill.id, skill.name.get(app.lang));
        let room = width.saturating_sub(text::width(mark) + text::width(&tail) + 2);
        rows.push((
            Line::from(vec![
                Span::styled(mark, style),
                Span::raw(text::pad(&text::truncate(&head, room), room)),
                Span::raw("  "),
                Span::styled(tail, theme().dim),
            ]),
            Some(i),
        ));
    }
    let cursor = app.plan.cursor[PlanSub::Demand as usize].min(d.rows.len().saturating_sub(1));
    Content {
        head,
        rows,
        cursor,
        detail: None,
    }
}

fn overview_content(app: &App, width: usize) -> Content {
    let l = plan_labels(app.lang);
    let v = plan_view_labels(app.lang);
    let order = if app.plan.by_coverage {
        l.sorted_by_coverage
    } else {
        l.sorted_by_order
    };
    let head = vec![Line::styled(
        text::truncate(
            &with_paren(app.lang, &format!("{} · {order}", l.overview_title), "o"),
            width,
        ),
        theme().title,
    )];
    let bar_w = if width >= 100 { 20 } else { 10 };
    let all = app.overview_rows();
    let mut rows: Vec<(Line<'static>, Option<usize>)> = Vec::new();
    if all.is_empty() {
        rows.push((Line::styled(v.no_postings, theme().dim), None));
    }
    for (i, &(p, pct)) in all.iter().enumerate() {
        let posting = &app.catalog.postings[p];
        let (bar, figure, style) = match pct {
            Some(pct) => (
                super::gauge(
                    Tally {
                        done: pct,
                        total: 100,
                    },
                    bar_w,
                ),
                format!("{pct:>3}%"),
                coverage_style(pct),
            ),
            None => ("·".repeat(bar_w), "  —".to_string(), theme().dim),
        };
        let mut name = format!(
            "{} — {}",
            posting.company.get(app.lang),
            posting.title.get(app.lang)
        );
        if pct.is_none() {
            name = with_paren(app.lang, &name, v.not_measurable);
        }
        let room = width.saturating_sub(bar_w + 7);
        rows.push((
            Line::from(vec![
                Span::styled(bar, style),
                Span::raw(format!(" {figure}  ")),
                Span::raw(text::truncate(&name, room)),
            ]),
            Some(i),
        ));
    }
    let cursor = app.plan.cursor[PlanSub::Postings as usize].min(all.len().saturating_sub(1));
    Content {
        head,
        rows,
        cursor,
        detail: None,
    }
}

/// A bar's colour by its coverage: the pane-4 colours of covered, partly
/// and missing.
fn coverage_style(pct: usize) -> Style {
    match pct {
        100 => theme().covered,
        0 => theme().missing,
        _ => theme().partly,
    }
}

/// The history view: readiness for a role and coverage of a posting, per
/// week, as a chart; a plain sentence when nothing is recorded yet.
fn draw_history(app: &App, frame: &mut Frame, area: Rect) {
    let l = plan_labels(app.lang);
    let v = plan_view_labels(app.lang);
    let width = usize::from(area.width);
    let weeks = app.history_weeks();
    let [head, chart_area] =
        Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(area);
    let title = Line::styled(text::truncate(l.history_title, width), theme().title);
    let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else {
        let lines = vec![
            title,
            Line::default(),
            Line::styled(l.no_history, theme().emphasis),
        ];
        frame.render_widget(Paragraph::new(lines), area);
        return;
    };
    let role = app
        .catalog
        .roles
        .get(app.history_role())
        .map_or("", |r| r.name.get(app.lang));
    let posting = app
        .catalog
        .postings
        .get(app.history_posting())
        .map(|p| format!("{} — {}", p.company.get(app.lang), p.title.get(app.lang)));
    // "1 week from", "3 weeks from" (Chinese has one form).
    let template = if weeks.len() == 1 {
        v.week_from
    } else {
        v.weeks_from
    };
    let since = template
        .replace("{n}", &weeks.len().to_string())
        .replace("{date}", &format_day(first.start));
    let latest = format!(
        "{} {} · {} {}% · {} {}",
        l.week,
        format_day(last.start),
        l.readiness,
        last.readiness,
        l.done,
        last.done
    );
    let latest = match last.coverage.first() {
        Some(Some(c)) => format!("{latest} · {} {c}%", l.coverage),
        Some(None) => format!("{latest} · {} —", l.coverage),
        None => latest,
    };
    let head_lines = vec![
        Line::styled(
            text::truncate(&format!("{} · {since}", l.history_title), width),
            theme().title,
        ),
        Line::styled(text::truncate(&latest, width), theme().label),
        Line::default(),
    ];
    frame.render_widget(Paragraph::new(head_lines), head);
    let role_name = v.chart_role.replace("{role}", role);
    let posting_name = posting.map(|p| v.chart_posting.replace("{posting}", &p));
    draw_chart(
        app,
        frame,
        chart_area,
        &weeks,
        &role_name,
        posting_name.as_deref(),
    );
}

/// The chart of `weeks`: x the week, y percent; one line for readiness and
/// one for the posting's coverage (when there is a posting).
fn draw_chart(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    weeks: &[career_core::trend::Week],
    role_name: &str,
    posting_name: Option<&str>,
) {
    let l = plan_labels(app.lang);
    // One week alone is drawn as a flat line across the chart.
    // A week with nothing to measure ("—") has no point on its line.
    let points = |f: &dyn Fn(&career_core::trend::Week) -> Option<usize>| -> Vec<(f64, f64)> {
        let mut v: Vec<(f64, f64)> = weeks
            .iter()
            .enumerate()
            .filter_map(|(i, w)| f(w).map(|y| (i as f64, y as f64)))
            .collect();
        if let [(_, y)] = v[..] {
            v.push((1.0, y));
        }
        v
    };
    let readiness = points(&|w| Some(w.readiness));
    let coverage = points(&|w| w.coverage.first().copied().flatten());
    let legend_w = usize::from(area.width / 2).max(10);
    let mut sets = vec![
        Dataset::default()
            .name(text::truncate(role_name, legend_w))
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme().right_side)
            .data(&readiness),
    ];
    if let Some(p) = posting_name {
        sets.push(
            Dataset::default()
                .name(text::truncate(p, legend_w))
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme().done)
                .data(&coverage),
        );
    }
    let last_x = (weeks.len().max(2) - 1) as f64;
    let first_day = weeks
        .first()
        .map(|w| format_day(w.start))
        .unwrap_or_default();
    let last_day = weeks
        .last()
        .map(|w| format_day(w.start))
        .unwrap_or_default();
    let chart = Chart::new(sets)
        .x_axis(
            Axis::default()
                .title(Span::styled(l.week, theme().dim))
                .style(theme().dim)
                .bounds([0.0, last_x])
                .labels([first_day, last_day]),
        )
        .y_axis(
            Axis::default()
                .title(Span::styled("%", theme().dim))
                .style(theme().dim)
                .bounds([0.0, 100.0])
                .labels(["0", "50", "100"]),
        )
        .legend_position(Some(ratatui::widgets::LegendPosition::TopLeft))
        .hidden_legend_constraints((Constraint::Percentage(90), Constraint::Percentage(50)));
    frame.render_widget(chart, area);
}
