//! Drawing. `draw` reads the app and paints one frame; it never changes state,
//! reads files or parses. One module per pane; overlays are drawn last.

pub mod boundary;
pub mod compare;
pub mod help;
pub mod jobs;
pub mod link;
pub mod notes;
pub mod picker;
pub mod plan;
pub mod search;
pub mod skills;
pub mod status;
pub mod svg;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::layout::{Layout as Drawn, OverlayLayout};
use crate::tui::mode::Mode;
use career_core::i18n::labels;
pub use career_core::present::gauge;
use career_core::store::progress::State;
use career_core::text;
use theme::theme;

/// Below this the panes cannot be drawn legibly; we say so instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

/// The screen's fixed regions, shared by drawing and by scrolling maths.
pub struct Areas {
    pub tabs: Rect,
    pub body: Rect,
    pub status: Rect,
}

pub fn areas(size: Rect) -> Areas {
    let [tabs, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(size);
    Areas { tabs, body, status }
}

/// A main area and a detail box: side by side from `wide` columns on, else
/// the detail (`detail_h` rows) under the main area. Panes 3 and 4 use it.
pub fn main_and_detail(body: Rect, wide: u16, detail_h: u16) -> (Rect, Rect) {
    let [main, detail] = if body.width >= wide {
        Layout::horizontal([Constraint::Percentage(60), Constraint::Fill(1)]).areas(body)
    } else {
        Layout::vertical([Constraint::Fill(1), Constraint::Length(detail_h)]).areas(body)
    };
    (main, detail)
}

/// The inside of a bordered box.
pub fn inside(r: Rect) -> Rect {
    r.inner(ratatui::layout::Margin::new(1, 1))
}

pub fn too_small(size: Rect) -> bool {
    size.width < MIN_WIDTH || size.height < MIN_HEIGHT
}

/// Draws the whole screen from `app` and returns what it drew: the areas a
/// click can land on, page sizes and scroll limits (see [`Drawn`]).
pub fn draw(app: &App, frame: &mut Frame) -> Drawn {
    let size = frame.area();
    if too_small(size) {
        draw_too_small(app, frame, size);
        return Drawn {
            size,
            too_small: true,
            pane: app.pane,
            ..Drawn::default()
        };
    }
    let a = areas(size);
    draw_tabs(app, frame, a.tabs);
    // Pane 5 returns what it drew (its figures are the costly ones); the
    // others are measured after the draw.
    let mut plan_drawn = None;
    match app.pane {
        Pane::Boundary => boundary::draw(app, frame, a.body),
        Pane::Compare => compare::draw(app, frame, a.body),
        Pane::Skills => skills::draw(app, frame, a.body),
        Pane::Jobs => jobs::draw(app, frame, a.body),
        Pane::Plan => plan_drawn = Some(plan::draw(app, frame, a.body)),
    }
    status::draw(app, frame, a.status);
    match &app.mode {
        Mode::Help => help::draw(app, frame, a.body),
        Mode::Notes => notes::draw(app, frame, a.body),
        Mode::Search(st) => search::draw(app, st, frame, a.body),
        Mode::PickSkill(picker) => picker::draw(app, picker, frame, a.body),
        _ => {}
    }
    status::draw_panel(app, frame, a.body);
    status::draw_long_message(app, frame, a.status);
    let mut drawn = measure(app, size);
    if let Some(plan) = plan_drawn {
        drawn.plan = plan;
    }
    drawn
}

/// The layout of a frame of `size`: what [`draw`] returns. Only the shown
/// pane is measured, and pane 5 by its draw; the others keep their defaults.
fn measure(app: &App, size: Rect) -> Drawn {
    let a = areas(size);
    let tabs = tab_ranges(app, size.width)
        .into_iter()
        .zip(Pane::ALL)
        .map(|((x0, x1), p)| (x0, x1, p))
        .collect();
    let mut out = Drawn {
        size,
        too_small: false,
        pane: app.pane,
        tabs,
        overlay: overlay_layout(app, size),
        ..Drawn::default()
    };
    match app.pane {
        Pane::Boundary => out.boundary = boundary::measure(app, a.body),
        Pane::Compare => out.compare = compare::measure(app, a.body),
        Pane::Skills => out.skills = skills::measure(app, a.body),
        Pane::Jobs => out.jobs = jobs::measure(app, a.body),
        Pane::Plan => {}
    }
    out
}

fn draw_too_small(app: &App, frame: &mut Frame, size: Rect) {
    let l = labels(app.lang);
    let msg = vec![
        Line::styled(l.too_small, theme().error),
        Line::raw(format!(
            "{}x{} < {MIN_WIDTH}x{MIN_HEIGHT}",
            size.width, size.height
        )),
        Line::raw("q: quit"),
    ];
    let top = size.height.saturating_sub(3) / 2;
    let area = Rect::new(size.x, size.y + top, size.width, size.height - top);
    frame.render_widget(Paragraph::new(msg).alignment(Alignment::Center), area);
}

fn draw_tabs(app: &App, frame: &mut Frame, area: Rect) {
    let l = labels(app.lang);
    // The app's name only where there is room for it and all five tabs.
    let mut spans = if area.width >= 100 {
        vec![Span::styled(format!(" {} ", l.app), theme().title)]
    } else {
        Vec::new()
    };
    for (i, name) in tab_names(app.lang).iter().enumerate() {
        spans.push(Span::styled(
            if spans.is_empty() { " " } else { " │ " },
            theme().dim,
        ));
        let style = if i == app.pane.index() {
            theme().tab_active
        } else {
            theme().tab
        };
        spans.push(Span::styled(*name, style));
    }
    let lang = format!("[{}] ", l.lang_name);
    let right = text::width(&lang) as u16;
    let [left_area, right_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(right)]).areas(area);
    frame.render_widget(Line::from(spans), left_area);
    frame.render_widget(Line::styled(lang, theme().dim), right_area);
}

/// The five tabs' labels in `lang`: the first four panes', then the plan's.
pub fn tab_names(lang: career_core::model::Lang) -> [&'static str; 5] {
    let [a, b, c, d] = labels(lang).tabs;
    [a, b, c, d, career_core::i18n::plan_labels(lang).tab]
}

/// The x range of each tab's label on the tab row, for mouse clicks. It
/// follows `draw_tabs`: the app's name first when the row is wide enough,
/// then the labels with their separators.
pub fn tab_ranges(app: &App, width: u16) -> [(u16, u16); 5] {
    let l = labels(app.lang);
    let mut x = if width >= 100 {
        text::width(&format!(" {} ", l.app))
    } else {
        0
    };
    let mut out = [(0, 0); 5];
    for (i, name) in tab_names(app.lang).iter().enumerate() {
        x += if x == 0 { 1 } else { 3 };
        let w = text::width(name);
        out[i] = (x as u16, (x + w) as u16);
        x += w;
    }
    out
}

/// The checkbox of a skill state: shape and colour both differ, so the states
/// stay apart without colour too.
pub fn skill_mark(state: State) -> (&'static str, Style) {
    match state {
        State::Done => ("[x]", theme().done),
        State::Learning => ("[~]", theme().partly),
        State::Skipped => ("[-]", theme().dim),
        State::NotStarted => ("[ ]", theme().todo),
    }
}

/// A bordered block with a title; the focused one gets the accent colour.
pub fn block(title: &str, focused: bool) -> Block<'static> {
    let style = if focused {
        theme().border_focus
    } else {
        theme().border
    };
    let b = Block::bordered().border_style(style);
    if title.is_empty() {
        b
    } else {
        b.title(Line::styled(format!(" {title} "), theme().title))
    }
}

/// Wraps `s` to `width` columns as lines in `style`, the first line prefixed
/// by `first` and the rest indented to match.
pub fn wrapped(s: &str, width: usize, style: Style, first: &str) -> Vec<Line<'static>> {
    let indent = text::width(first);
    let body = width.saturating_sub(indent).max(1);
    text::wrap(s, body)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 {
                first.to_string()
            } else {
                " ".repeat(indent)
            };
            Line::from(vec![Span::raw(lead), Span::styled(l, style)])
        })
        .collect()
}

/// As [`wrapped`], for `s` followed by its basis marker ("(2024–2026)"):
/// the marker is kept whole on one line, never broken at its dash.
pub fn wrapped_with_basis(
    lang: career_core::model::Lang,
    s: &str,
    basis: &[String],
    width: usize,
    style: Style,
    first: &str,
) -> Vec<Line<'static>> {
    let Some(mark) = career_core::i18n::basis_mark(lang, basis) else {
        return wrapped(s, width, style, first);
    };
    // Wrapped with a stand-in of the marker's width that has no break
    // opportunity inside, then the stand-in is swapped back.
    let stand_in: String = "\u{E000}".repeat(text::width(mark));
    let joined = career_core::i18n::with_basis(lang, s, basis).replace(mark, &stand_in);
    wrapped(&joined, width, style, first)
        .into_iter()
        .map(|line| {
            let spans: Vec<Span<'static>> = line
                .spans
                .into_iter()
                .map(|sp| {
                    if sp.content.contains(&stand_in) {
                        let c = sp.content.replace(&stand_in, mark);
                        Span::styled(c, sp.style)
                    } else {
                        sp
                    }
                })
                .collect();
            Line::from(spans)
        })
        .collect()
}

/// Renders the lines from `scroll` on, only as many as fit.
pub fn render_lines(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>, scroll: u16) {
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(scroll as usize)
        .take(area.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(visible), area);
}

/// A centred popup over `area`, cleared, with a border and title.
pub fn popup(frame: &mut Frame, area: Rect, title: &str) -> Rect {
    let w = area.width.saturating_sub(4).min(100);
    let h = area.height.saturating_sub(2);
    let rect = Rect::new(
        area.x + (area.width.saturating_sub(w)) / 2,
        area.y + (area.height.saturating_sub(h)) / 2,
        w,
        h,
    );
    // The whole body, margins too: no line of the pane beneath shows
    // through beside the popup.
    frame.render_widget(Clear, area);
    let b = block(title, true);
    let inner = b.inner(rect);
    frame.render_widget(b, rect);
    inner
}

/// The inner size of the popup used by overlays, for scrolling maths.
pub fn popup_inner(size: Rect) -> Rect {
    let body = areas(size).body;
    let w = body.width.saturating_sub(4).min(100);
    let h = body.height.saturating_sub(2);
    Rect::new(0, 0, w.saturating_sub(2), h.saturating_sub(2))
}

/// The open overlay's rows and scroll limit, and the line of the note it
/// was opened at (a search result).
fn overlay_layout(app: &App, size: Rect) -> OverlayLayout {
    let inner = popup_inner(size);
    let width = inner.width as usize;
    let lines = match app.mode {
        Mode::Help => help::lines(app, width).len(),
        Mode::Notes => notes::lines(app, width).len(),
        _ => return OverlayLayout::default(),
    };
    let max = max_scroll(lines, inner.height);
    let anchor_line = match (&app.mode, app.note_anchor) {
        (Mode::Notes, Some(i)) => Some(
            u16::try_from(notes::note_line(app, i, width))
                .unwrap_or(u16::MAX)
                .min(max),
        ),
        _ => None,
    };
    OverlayLayout {
        // As before the layout: the screen less the tab and status rows and
        // the popup's margins and borders.
        page: size.height.saturating_sub(6).max(1),
        max_scroll: max,
        anchor_line,
    }
}

/// The largest useful scroll offset for `lines` lines in `height` rows.
pub fn max_scroll(lines: usize, height: u16) -> u16 {
    u16::try_from(lines.saturating_sub(height as usize)).unwrap_or(u16::MAX)
}
