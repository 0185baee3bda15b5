//! Pane 3: the skills checklist, grouped by category with a count per group,
//! and the focused skill's detail. Only the visible rows are built.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::boundary::labelled;
use super::theme::THEME;
use super::{areas, block, render_lines, wrapped};
use crate::app::App;
use crate::i18n::labels;
use crate::model::Catalog;
use crate::text;

const WIDE: u16 = 120;
const DETAIL_HEIGHT: u16 = 8;

fn parts(body: Rect) -> (Rect, Rect) {
    if body.width >= WIDE {
        let [list, detail] =
            Layout::horizontal([Constraint::Percentage(60), Constraint::Fill(1)]).areas(body);
        (list, detail)
    } else {
        let [list, detail] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(DETAIL_HEIGHT)]).areas(body);
        (list, detail)
    }
}

/// Rows inside the list box.
pub fn list_height(size: Rect) -> usize {
    parts(areas(size).body).0.height.saturating_sub(2) as usize
}

/// A row of the grouped list: a category header or a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Header(usize),
    Skill { skill: usize, pos: usize },
}

/// Row number of the skill at cursor position `pos` (headers count as rows).
pub fn row_of(c: &Catalog, pos: usize) -> usize {
    let mut row = 0;
    let mut seen = 0;
    for g in &c.index.groups {
        row += 1;
        if pos < seen + g.skills.len() {
            return row + pos - seen;
        }
        seen += g.skills.len();
        row += g.skills.len();
    }
    row.saturating_sub(1)
}

pub fn is_first_in_group(c: &Catalog, pos: usize) -> bool {
    let mut seen = 0;
    for g in &c.index.groups {
        if pos == seen {
            return true;
        }
        seen += g.skills.len();
    }
    false
}

/// The rows from `offset`, at most `count`, without walking skills above them.
fn rows(c: &Catalog, offset: usize, count: usize) -> Vec<Row> {
    let mut out = Vec::with_capacity(count);
    let mut row = 0;
    let mut pos = 0;
    for g in &c.index.groups {
        let group_rows = 1 + g.skills.len();
        if row + group_rows <= offset {
            row += group_rows;
            pos += g.skills.len();
            continue;
        }
        if row >= offset {
            out.push(Row::Header(g.category));
        }
        row += 1;
        for (k, &skill) in g.skills.iter().enumerate() {
            if row >= offset {
                out.push(Row::Skill {
                    skill,
                    pos: pos + k,
                });
            }
            row += 1;
            if out.len() == count {
                return out;
            }
        }
        pos += g.skills.len();
        if out.len() == count {
            return out;
        }
    }
    out
}

pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let c = &app.catalog;
    let lang = app.lang;
    let l = labels(lang);
    let (list, detail) = parts(body);
    let done_total = c
        .skills
        .iter()
        .filter(|s| app.progress.is_done(&s.id))
        .count();
    let title = format!("{} · {}/{}", l.skills_title, done_total, c.skills.len());
    let b = block(&title, true);
    let inner = b.inner(list);
    frame.render_widget(b, list);
    let width = inner.width as usize;
    let mut lines = Vec::new();
    for row in rows(c, app.skills.offset, inner.height as usize) {
        lines.push(match row {
            Row::Header(cat) => {
                let g = c.index.groups.iter().find(|g| g.category == cat);
                let (done, n) = g.map_or((0, 0), |g| {
                    (
                        g.skills.iter().filter(|&&s| app.is_done(s)).count(),
                        g.skills.len(),
                    )
                });
                let name = c.categories[cat].name.get(lang);
                let count = format!(" {done}/{n}");
                let name_w = width.saturating_sub(text::width(&count) + 2);
                Line::from(vec![
                    Span::styled(format!("▾ {}", text::truncate(name, name_w)), THEME.label),
                    Span::styled(count, if done == n { THEME.done } else { THEME.dim }),
                ])
            }
            Row::Skill { skill, pos } => {
                let s = &c.skills[skill];
                let done = app.is_done(skill);
                let (mark, mark_style) = if done {
                    ("[x]", THEME.done)
                } else {
                    ("[ ]", THEME.todo)
                };
                let head = format!("  {mark} {} ", s.id);
                let name = text::pad(s.name.get(lang), width.saturating_sub(text::width(&head)));
                let mut line = Line::from(vec![
                    Span::raw("  "),
                    Span::styled(mark, mark_style),
                    Span::styled(format!(" {} ", s.id), THEME.dim),
                    Span::raw(name),
                ]);
                if pos == app.skills.cursor {
                    line = line.style(THEME.selected);
                }
                line
            }
        });
    }
    render_lines(frame, inner, lines, 0);
    draw_detail(app, frame, detail);
}

fn draw_detail(app: &App, frame: &mut Frame, area: Rect) {
    let c = &app.catalog;
    let lang = app.lang;
    let l = labels(lang);
    let Some(skill) = app.focused_skill() else {
        return;
    };
    let s = &c.skills[skill];
    let b = block(&s.id, false);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let width = inner.width as usize;
    let mut lines = wrapped(s.name.get(lang), width, THEME.emphasis, "");
    let roles: Vec<&str> = s
        .role_idx
        .iter()
        .map(|&r| c.roles[r].name.get(lang))
        .collect();
    lines.extend(labelled(
        l.needed_by,
        &roles.join(crate::i18n::list_sep(lang)),
        width,
    ));
    // Narrow: the item ids on one line. Wide (detail beside the list): each item in full.
    let items = c.index.covers[skill].iter().map(|r| {
        let p = &c.postings[r.posting];
        let list = if r.requirement {
            &p.requirements
        } else {
            &p.responsibilities
        };
        (p, &list[r.item])
    });
    if area.width >= 50 && area.height >= 16 {
        lines.push(Line::styled(l.covers, THEME.label));
        for (p, item) in items {
            let s = format!("{} {}: {}", p.company, item.id, item.text.get(lang));
            lines.extend(wrapped(&s, width, ratatui::style::Style::new(), "  • "));
        }
    } else {
        let ids: Vec<String> = items
            .map(|(p, item)| format!("{} {}", p.company, item.id))
            .collect();
        let ids = if ids.is_empty() {
            l.nothing.to_string()
        } else {
            ids.join(crate::i18n::list_sep(lang))
        };
        lines.extend(labelled(l.covers, &ids, width));
    }
    if !s.tools.is_empty() {
        let tools: Vec<&str> = s.tools.iter().map(|t| t.as_str()).collect();
        lines.extend(labelled(
            l.tools,
            &tools.join(crate::i18n::list_sep(lang)),
            width,
        ));
    }
    render_lines(frame, inner, lines, 0);
}
