//! Pane 2: two roles side by side, one row per dimension, differences marked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::theme;
use super::{areas, block, render_lines};
use crate::tui::app::App;
use career_core::i18n::{self, labels};
use career_core::model::{Catalog, Lang, Role};
use career_core::store::progress::State;
use career_core::text;

const PICKER_HEIGHT: u16 = 3;
/// Columns for the marker ("≠"/"=") before each dimension.
const MARK_W: usize = 2;

fn parts(body: Rect) -> (Rect, Rect) {
    let [picker, table] =
        Layout::vertical([Constraint::Length(PICKER_HEIGHT), Constraint::Fill(1)]).areas(body);
    (picker, table)
}

/// Rows inside the table box.
pub fn table_height(size: Rect) -> u16 {
    parts(areas(size).body).1.height.saturating_sub(2)
}

pub fn max_scroll(app: &App) -> u16 {
    let table = parts(areas(app.size).body).1;
    let lines = table_lines(app, table.width.saturating_sub(2) as usize).len();
    super::max_scroll(lines, table.height.saturating_sub(2))
}

pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let (picker, table) = parts(body);
    draw_picker(app, frame, picker);
    let l = labels(app.lang);
    let b = block(l.compare_title, false);
    let inner = b.inner(table);
    frame.render_widget(b, table);
    let lines = table_lines(app, inner.width as usize);
    let more = lines.len() > inner.height as usize + app.compare.scroll as usize;
    render_lines(frame, inner, lines, app.compare.scroll);
    if more {
        super::boundary::more_marker(frame, table);
    }
}

fn picker_parts(area: Rect) -> [Rect; 3] {
    Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(4),
        Constraint::Fill(1),
    ])
    .areas(area)
}

/// The side (0 left, 1 right) whose role picker is under a click.
pub fn side_at(app: &App, x: u16, y: u16) -> Option<usize> {
    let [left, _, right] = picker_parts(parts(areas(app.size).body).0);
    let at = ratatui::layout::Position { x, y };
    [left, right].iter().position(|r| r.contains(at))
}

fn draw_picker(app: &App, frame: &mut Frame, area: Rect) {
    let [left, vs, right] = picker_parts(area);
    for (side, rect) in [(0, left), (1, right)] {
        let role = &app.catalog.roles[app.compare.roles[side]];
        let active = app.compare.active == side;
        let b = block("", active);
        let inner = b.inner(rect);
        frame.render_widget(b, rect);
        let name = format!(
            "◀ {} ▶",
            text::truncate(
                role.name.get(app.lang),
                inner.width.saturating_sub(4) as usize
            )
        );
        let style = if active {
            theme().selected
        } else {
            theme().title
        };
        frame.render_widget(Line::styled(name, style).centered(), inner);
    }
    frame.render_widget(
        Line::styled("vs", theme().dim).centered(),
        Rect::new(vs.x, vs.y + 1, vs.width, 1),
    );
}

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
    let list = |items: &[career_core::model::Text], basis: &[String]| -> Vec<String> {
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
        let t = career_core::readiness::role_readiness(c, i, state);
        super::boundary::readiness_text(lang, t, 8)
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

/// The table as lines: marker, dimension, left cell, right cell; cells wrap.
pub fn table_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let label_w = if width >= 120 { 22 } else { 16 };
    let col_w = width.saturating_sub(MARK_W + label_w + 3) / 2;
    let mut out = Vec::new();
    for d in dims(&app.catalog, app.compare.roles, &app.state_fn(), lang) {
        let wrap = |cell: &[String]| -> Vec<String> {
            cell.iter().flat_map(|s| wrap_bullet(s, col_w)).collect()
        };
        let [left, right] = [wrap(&d.cells[0]), wrap(&d.cells[1])];
        let label = text::wrap(d.label, label_w);
        let rows = left.len().max(right.len()).max(label.len());
        let (mark, mark_style, label_style) = if d.differs {
            ("≠", theme().differs, theme().differs)
        } else {
            ("=", theme().dim, theme().label)
        };
        for i in 0..rows {
            let cell = |v: &[String]| text::pad(v.get(i).map_or("", |s| s.as_str()), col_w);
            out.push(Line::from(vec![
                Span::styled(
                    text::pad(if i == 0 { mark } else { "" }, MARK_W),
                    mark_style,
                ),
                Span::styled(
                    text::pad(label.get(i).map_or("", |s| s.as_str()), label_w),
                    label_style,
                ),
                Span::styled(" │ ", theme().dim),
                Span::styled(cell(&left), Style::new()),
                Span::styled(" ", theme().dim),
                Span::styled(cell(&right), Style::new()),
            ]));
        }
    }
    out
}

/// Wraps a cell; bullet items indent their continuation lines under the text.
fn wrap_bullet(s: &str, width: usize) -> Vec<String> {
    match s.strip_prefix("• ") {
        Some(rest) => text::wrap(rest, width.saturating_sub(2))
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    format!("• {l}")
                } else {
                    format!("  {l}")
                }
            })
            .collect(),
        None => text::wrap(s, width),
    }
}
