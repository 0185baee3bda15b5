//! The status line: the current pane's key hints, and any message. A
//! message is always shown whole: at the right of the line when it fits in
//! half of it, else over the whole line and as many rows above as it needs.
//! It stays until the user's next action (`App::update` clears it).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::theme;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{EDIT_KEYS, PICKER_KEYS, SEARCH_KEYS, Scope};
use career_core::i18n::labels;
use career_core::text;

const SEP: &str = " · ";

/// Whether the message fits at the right of the status line, in half of it.
fn fits_beside_hints(message: &str, width: u16) -> bool {
    text::width(message) <= usize::from(width / 2)
}

/// A message too long for half the status line: drawn last, over the whole
/// status line and the rows above it, wrapped, so none of it is cut (up to
/// half the screen; beyond that the last row ends in "…").
pub fn draw_long_message(app: &App, frame: &mut Frame, status: Rect) {
    let Some(message) = app.status.as_deref() else {
        return;
    };
    if fits_beside_hints(message, status.width) {
        return;
    }
    let width = usize::from(status.width);
    let mut lines = text::wrap(message, width);
    let max_rows = usize::from((frame.area().height / 2).max(1));
    if lines.len() > max_rows {
        let rest = lines[max_rows - 1..].join(" ");
        lines.truncate(max_rows - 1);
        lines.push(text::truncate(&rest, width));
    }
    let rows = lines.len() as u16;
    let area = Rect {
        y: (status.y + 1).saturating_sub(rows),
        height: rows.min(status.y + 1),
        ..status
    };
    frame.render_widget(Clear, area);
    for (i, line) in lines.into_iter().enumerate() {
        let row = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        frame.render_widget(Span::styled(line, theme().error), row);
    }
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let message = app
        .status
        .as_deref()
        .filter(|m| fits_beside_hints(m, area.width))
        .unwrap_or("");
    let msg_w = text::width(message) as u16;
    let [hints_area, msg_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(msg_w)]).areas(area);

    // The help hint, which always shows, by its action: its key may be remapped.
    let help_key = app
        .keys
        .rows()
        .iter()
        .find(|b| b.action == Action::ToggleHelp)
        .map_or("?", |b| b.keys_label.as_str());
    let hints: Vec<(&str, &str)> = if app.search().is_some() {
        SEARCH_KEYS
            .iter()
            .map(|(k, l)| (*k, l[lang as usize]))
            .collect()
    } else if matches!(app.mode, crate::tui::mode::Mode::PickSkill(_)) {
        PICKER_KEYS
            .iter()
            .map(|(k, l)| (*k, l[lang as usize]))
            .collect()
    } else if app.editor().is_some() {
        EDIT_KEYS
            .iter()
            .map(|(k, l)| (*k, l[lang as usize]))
            .collect()
    } else if !app.mode.is_overlay() {
        let pane = Scope::Pane(app.pane);
        let rows = app.keys.rows();
        // The editing keys of pane 4 show where they work: on your postings.
        let own = app.catalog.is_own_posting(app.jobs.posting);
        let shown = |b: &&crate::tui::bindings::Row| {
            own || !matches!(b.action, Action::EditSkills | Action::TogglePreferred)
        };
        rows.iter()
            .filter(|b| b.hint && b.scope == pane)
            .filter(shown)
            .chain(rows.iter().filter(|b| b.hint && b.scope == Scope::Global))
            .map(|b| (b.keys_label.as_str(), b.label(lang)))
            .collect()
    } else {
        vec![("↑↓ PgUp PgDn", ""), ("Esc", labels(lang).close)]
    };
    // The help hint always shows; the others as long as they fit, in order.
    let cost = |(k, l): &(&str, &str)| text::width(k) + 1 + text::width(l) + text::width(SEP);
    let mut room = (hints_area.width as usize)
        .saturating_sub(hints.iter().find(|h| h.0 == help_key).map_or(0, cost));
    let mut spans = Vec::new();
    for h in &hints {
        if h.0 != help_key {
            if cost(h) > room {
                continue;
            }
            room -= cost(h);
        }
        if !spans.is_empty() {
            spans.push(Span::styled(SEP, theme().dim));
        }
        spans.push(Span::styled(h.0.to_string(), theme().key));
        if !h.1.is_empty() {
            spans.push(Span::raw(format!(" {}", h.1)));
        }
    }
    frame.render_widget(Line::from(spans), hints_area);
    if !message.is_empty() {
        frame.render_widget(
            Span::styled(text::truncate(message, msg_w as usize), theme().error),
            msg_area,
        );
    }
}

/// The quit prompt in full: wrapped in a box at the bottom of `body`, so
/// the path and the error are never cut off. (A long status message is
/// drawn whole by [`draw_long_message`].)
pub fn draw_panel(app: &App, frame: &mut Frame, body: Rect) {
    let (message, style) = match app.quit_prompt() {
        Some(q) => (q, theme().emphasis),
        None => return,
    };
    let lines = super::wrapped(
        message,
        usize::from(body.width.saturating_sub(2)),
        style,
        "",
    );
    let h = (lines.len() as u16).saturating_add(2).min(body.height);
    let area = Rect::new(body.x, body.bottom().saturating_sub(h), body.width, h);
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(Block::bordered()), area);
}
