//! Pane 2: two roles side by side, one row per dimension, differences marked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::theme;
use super::{block, render_lines};
use crate::tui::app::App;
use crate::tui::layout::CompareLayout;
use career_core::i18n::labels;
use career_core::present::dims;
use career_core::text;

const PICKER_HEIGHT: u16 = 3;
/// Columns for the marker ("≠"/"=") before each dimension.
const MARK_W: usize = 2;

fn parts(body: Rect) -> (Rect, Rect) {
    let [picker, table] =
        Layout::vertical([Constraint::Length(PICKER_HEIGHT), Constraint::Fill(1)]).areas(body);
    (picker, table)
}

/// What pane 2 puts where in `body`: the two pickers, the table's rows
/// and scroll limit.
pub fn measure(app: &App, body: Rect) -> CompareLayout {
    let (picker, table) = parts(body);
    let [left, _, right] = picker_parts(picker);
    let lines = table_lines(app, table.width.saturating_sub(2) as usize).len();
    CompareLayout {
        sides: [left, right],
        page: table.height.saturating_sub(2),
        max_scroll: super::max_scroll(lines, table.height.saturating_sub(2)),
    }
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

fn draw_picker(app: &App, frame: &mut Frame, area: Rect) {
    let [left, vs, right] = picker_parts(area);
    for (side, rect) in [(0, left), (1, right)] {
        let role = &app.catalog.roles[app.compare.roles[side]];
        let active = app.compare.active == side;
        let b = block("", active);
        let inner = b.inner(rect);
        frame.render_widget(b, rect);
        let name = format!(
            "▲ {} ▼",
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

/// The table as lines: marker, dimension, left cell, right cell; cells wrap.
pub fn table_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let label_w = if width >= 120 { 22 } else { 16 };
    // The two value columns, a "│" between them so they never read as one.
    let col_w = width.saturating_sub(MARK_W + label_w + 6) / 2;
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
                Span::styled(" │ ", theme().dim),
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
