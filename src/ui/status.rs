//! The status line: the current pane's key hints, and any message.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::theme;
use crate::app::{App, Overlay};
use crate::i18n::labels;
use crate::keymap::{BINDINGS, EDIT_KEYS, SEARCH_KEYS, Scope};
use crate::text;

const SEP: &str = " · ";

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let message = app.status.as_deref().unwrap_or("");
    let msg_w = (text::width(message) as u16).min(area.width / 2);
    let [hints_area, msg_area] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(msg_w)]).areas(area);

    let hints: Vec<(&str, &str)> = if app.search.is_some() {
        SEARCH_KEYS
            .iter()
            .map(|(k, l)| (*k, l[lang as usize]))
            .collect()
    } else if app.editor.is_some() {
        EDIT_KEYS
            .iter()
            .map(|(k, l)| (*k, l[lang as usize]))
            .collect()
    } else if app.overlay == Overlay::None {
        let pane = Scope::Pane(app.pane);
        BINDINGS
            .iter()
            .filter(|b| b.hint && b.scope == pane)
            .chain(
                BINDINGS
                    .iter()
                    .filter(|b| b.hint && b.scope == Scope::Global),
            )
            .map(|b| (b.keys_label, b.label(lang)))
            .collect()
    } else {
        vec![("↑↓ PgUp PgDn", ""), ("Esc", labels(lang).close)]
    };
    // The help hint always shows; the others as long as they fit, in order.
    let cost = |(k, l): &(&str, &str)| text::width(k) + 1 + text::width(l) + text::width(SEP);
    let mut room = (hints_area.width as usize)
        .saturating_sub(hints.iter().find(|h| h.0 == "?").map_or(0, cost));
    let mut spans = Vec::new();
    for h in &hints {
        if h.0 != "?" {
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

/// The quit prompt, or a message too wide for the status line's half, in
/// full: wrapped in a box at the bottom of `body`, so a path or a line and
/// column is never cut off.
pub fn draw_panel(app: &App, frame: &mut Frame, body: Rect) {
    let (message, style) = match (&app.quit_prompt, &app.status) {
        (Some(q), _) => (q.as_str(), theme().emphasis),
        (None, Some(m)) if text::width(m) > usize::from(body.width / 2) => {
            (m.as_str(), theme().error)
        }
        _ => return,
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
