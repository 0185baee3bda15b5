//! Pane 3: the skills checklist, grouped by category with a count per group,
//! and the focused skill's detail. Only the visible rows are built.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::boundary::colon;
use super::boundary::labelled;
use super::theme::theme;
use super::{block, gauge, render_lines, skill_mark, wrapped};
use crate::tui::app::App;
use crate::tui::checklist::{Row, rows};
use crate::tui::layout::SkillsLayout;
use career_core::i18n::labels;
use career_core::model::Layer;
use career_core::store::progress::State;
use career_core::text;
use ratatui::style::Style;

const WIDE: u16 = 120;
const DETAIL_HEIGHT: u16 = 8;

fn parts(body: Rect) -> (Rect, Rect) {
    super::main_and_detail(body, WIDE, DETAIL_HEIGHT)
}

/// The marker a row shows after the skill's id: "2024–26 " (a year range, not
/// a number range) for a skill of the
/// 2024–2026 layer (the detail spells the layer out), nothing for 2023.
pub fn layer_mark(layer: Layer) -> &'static str {
    match layer {
        Layer::Base2023 => "",
        Layer::Recent => "2024–26 ",
        Layer::Ads => "ads ",
    }
}

/// What pane 3 puts where in `body`: the list's inside, the skill on each
/// drawn row, the list's height, and the detail box's scrolling.
pub fn measure(app: &App, body: Rect) -> SkillsLayout {
    let (list_box, detail) = parts(body);
    let list = super::inside(list_box);
    let detail_page = super::inside(detail).height;
    let detail_lines = app
        .focused_skill()
        .map_or(0, |s| detail_lines(app, s, detail).len());
    let height = usize::from(list.height);
    let rows = rows(app, app.skills.offset, height)
        .into_iter()
        .map(|r| match r {
            Row::Skill { pos, .. } => Some(pos),
            _ => None,
        })
        .collect();
    SkillsLayout {
        list,
        rows,
        height,
        detail: crate::tui::layout::Scroll {
            page: detail_page,
            max_scroll: super::max_scroll(detail_lines, detail_page),
        },
    }
}

pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let c = &app.catalog;
    let lang = app.lang;
    let l = labels(lang);
    let (list, detail) = parts(body);
    let all = app.tallies.overall;
    let title = format!(
        "{} · {} · {}/{} {} {}%",
        l.skills_title,
        career_core::i18n::layer_filter_name(lang, app.skills.layer),
        all.done,
        all.total,
        gauge(all, 10),
        all.percent()
    );
    let b = block(&title, app.editor().is_none());
    let inner = b.inner(list);
    frame.render_widget(b, list);
    let width = inner.width as usize;
    let mut lines = Vec::new();
    for row in rows(app, app.skills.offset, inner.height as usize) {
        lines.push(match row {
            Row::Header(cat) => {
                let g = app.groups.groups.binary_search_by_key(&cat, |g| g.category);
                let t = g.map_or_else(|_| Default::default(), |g| app.tallies.groups[g]);
                let name = c.categories[cat].name.get(lang);
                let count = format!(" {} {}/{}", gauge(t, 10), t.done, t.total);
                let name_w = width.saturating_sub(text::width(&count) + 2);
                let complete = t.total > 0 && t.done == t.total;
                Line::from(vec![
                    Span::styled(format!("▾ {}", text::pad(name, name_w)), theme().label),
                    Span::styled(count, if complete { theme().done } else { theme().dim }),
                ])
            }
            Row::Skill { skill, pos } => {
                let s = &c.skills[skill];
                let (mark, mark_style) = skill_mark(app.state(skill));
                let layer = layer_mark(s.layer);
                let head = format!("  {mark} {} {layer}", s.id);
                let name = text::pad(s.name.get(lang), width.saturating_sub(text::width(&head)));
                let name_style = if app.state(skill) == State::Skipped {
                    theme().dim
                } else {
                    Style::new()
                };
                let mut line = Line::from(vec![
                    Span::raw("  "),
                    Span::styled(mark, mark_style),
                    Span::styled(format!(" {} ", s.id), theme().dim),
                    Span::styled(layer, theme().label),
                    Span::styled(name, name_style),
                ]);
                if pos == app.skills.cursor {
                    line = line.style(theme().selected);
                }
                line
            }
            Row::Note(skill) => {
                let lead = "        ✎ ";
                let note = text::truncate(app.note(skill), width.saturating_sub(text::width(lead)));
                Line::from(vec![Span::raw(lead), Span::styled(note, theme().note)])
            }
        });
    }
    render_lines(frame, inner, lines, 0);
    draw_detail(app, frame, detail);
}

fn draw_detail(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let l = labels(lang);
    let Some(skill) = app.focused_skill() else {
        return;
    };
    let s = &app.catalog.skills[skill];
    let state = app.state(skill);
    let pl = career_core::i18n::plan_labels(lang);
    // The editor's field: the note, or the evidence.
    let field_name = match app.editor() {
        Some(ed) if ed.evidence => pl.evidence,
        _ => l.note,
    };
    let title = match app.editor() {
        Some(_) => format!("{} · {} · Enter ✓ · Esc ✗", s.id, field_name),
        None => format!("{} · {}", s.id, l.state_names[state as usize]),
    };
    let b = block(&title, app.editor().is_some());
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = inner.width as usize;
    // The editor goes first so it is always visible, whatever the box height.
    if let Some(ed) = app.editor() {
        let lead = format!("✎ {}{}", field_name, colon(field_name));
        let (shown, cursor_col) = ed.field.view(width.saturating_sub(text::width(&lead) + 1));
        let line = Line::from(vec![
            Span::styled(lead.clone(), theme().label),
            Span::raw(shown),
        ]);
        render_lines(frame, inner, vec![line], 0);
        let x = inner.x + (text::width(&lead) + cursor_col) as u16;
        if inner.height > 0 && x < inner.right() {
            frame.set_cursor_position((x, inner.y));
        }
        let rest = Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        };
        render_lines(frame, rest, detail_lines(app, skill, area), 0);
        return;
    }
    let lines = detail_lines(app, skill, area);
    let scroll = app
        .skills
        .detail_scroll
        .min(super::max_scroll(lines.len(), inner.height));
    let more = lines.len() > usize::from(scroll) + usize::from(inner.height);
    render_lines(frame, inner, lines, scroll);
    if more {
        super::boundary::more_marker(frame, area);
    }
}

/// The focused skill's detail, for a box of `area`: its name, basis marker
/// and sources, the user's note, the roles that need it, the job items it
/// covers, its pairs and tools. Every line is kept; the box scrolls.
pub fn detail_lines(app: &App, skill: usize, area: Rect) -> Vec<Line<'static>> {
    let c = &app.catalog;
    let lang = app.lang;
    let l = labels(lang);
    let s = &c.skills[skill];
    let width = super::inside(area).width as usize;
    let mut lines = own_lines(app, skill, width);
    let state = |s: usize| app.state(s);
    let extras = career_core::present::skill_extras(c, skill, &state, lang);
    // The tick hints first: they ask something of the user.
    let hints = career_core::i18n::hints_label(lang);
    for (_, rows) in extras.iter().filter(|(label, _)| label == hints) {
        for row in rows {
            lines.extend(wrapped(row, width, theme().partly, "? "));
        }
    }
    if !s.role_idx.is_empty() {
        let roles: Vec<&str> = s
            .role_idx
            .iter()
            .map(|&r| c.roles[r].name.get(lang))
            .collect();
        lines.extend(labelled(
            l.needed_by,
            &roles.join(career_core::i18n::list_sep(lang)),
            width,
        ));
    }
    lines.extend(cover_lines(app, skill, area, width));
    lines.extend(pair_and_tool_lines(app, skill, width));
    for (label, rows) in extras.iter().filter(|(label, _)| label != hints) {
        lines.extend(labelled(label, &rows[0], width));
        for row in &rows[1..] {
            lines.extend(wrapped(row, width, theme().dim, "  "));
        }
    }
    lines
}

/// The skill's name, basis marker and sources, then the user's own note and
/// evidence (left out while the editor shows that field).
fn own_lines(app: &App, skill: usize, width: usize) -> Vec<Line<'static>> {
    let c = &app.catalog;
    let lang = app.lang;
    let l = labels(lang);
    let s = &c.skills[skill];
    let mut lines = Vec::new();
    lines.extend(wrapped(s.name.get(lang), width, theme().emphasis, ""));
    // The basis marker on a line of its own, so it is never split by the wrap.
    if let Some(mark) = career_core::i18n::basis_mark(lang, &s.basis) {
        lines.push(Line::styled(mark, theme().dim));
    }
    if let Some(src) = career_core::present::sources_line(c, lang, &s.basis) {
        lines.extend(labelled(l.sources, &src, width));
    }
    if app.editor().is_none() && !app.note(skill).is_empty() {
        lines.extend(labelled(l.note, app.note(skill), width));
    }
    let (evidence, day) = app.progress.evidence(&s.id);
    if !app.editor().is_some_and(|ed| ed.evidence) && !evidence.is_empty() {
        let shown = match day {
            Some(d) => format!("{evidence} ({d})"),
            None => evidence.to_string(),
        };
        lines.extend(labelled(
            career_core::i18n::plan_labels(lang).evidence,
            &shown,
            width,
        ));
    }
    lines
}

/// The job items the skill covers. Narrow: the item ids on one line. Wide
/// (a box of 50x16 or more): each item in full.
fn cover_lines(app: &App, skill: usize, area: Rect, width: usize) -> Vec<Line<'static>> {
    let c = &app.catalog;
    let lang = app.lang;
    let l = labels(lang);
    let items = c.index.covers[skill].iter().map(|r| {
        let p = &c.postings[r.posting];
        let list = if r.requirement {
            &p.requirements
        } else {
            &p.responsibilities
        };
        (p, &list[r.item])
    });
    let mut lines = Vec::new();
    if area.width >= 50 && area.height >= 16 {
        lines.push(Line::styled(l.covers, theme().label));
        for (p, item) in items {
            let s = format!(
                "{} {}: {}",
                p.company.get(lang),
                item.id,
                item.text.get(lang)
            );
            lines.extend(wrapped(&s, width, Style::new(), "  • "));
        }
    } else {
        let ids: Vec<String> = items
            .map(|(p, item)| format!("{} {}", p.company.get(lang), item.id))
            .collect();
        let ids = if ids.is_empty() {
            l.nothing.to_string()
        } else {
            ids.join(career_core::i18n::list_sep(lang))
        };
        lines.extend(labelled(l.covers, &ids, width));
    }
    lines
}

/// The skill's pairs ("see also", each with its basis) and its example tools.
fn pair_and_tool_lines(app: &App, skill: usize, width: usize) -> Vec<Line<'static>> {
    let c = &app.catalog;
    let lang = app.lang;
    let l = labels(lang);
    let s = &c.skills[skill];
    let mut lines = Vec::new();
    if !s.see_also.is_empty() {
        let pairs: Vec<String> = s
            .see_also
            .iter()
            .filter_map(|id| c.skill_index(id))
            .map(|o| {
                let other = &c.skills[o];
                career_core::i18n::with_basis(lang, &other.id, &other.basis)
            })
            .collect();
        lines.extend(labelled(
            l.see_also,
            &pairs.join(career_core::i18n::list_sep(lang)),
            width,
        ));
    }
    if !s.tools.is_empty() {
        let tools: Vec<&str> = s
            .tools
            .iter()
            .map(career_core::model::Clean::as_str)
            .collect();
        lines.extend(labelled(
            &career_core::i18n::dated_label(lang, l.tools, s.examples_from),
            &tools.join(career_core::i18n::list_sep(lang)),
            width,
        ));
    }
    lines
}
