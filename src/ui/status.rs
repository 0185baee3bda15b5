//! The status line: the current pane's key hints, and any message.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

use super::theme::THEME;
use crate::app::{App, Overlay};
use crate::i18n::labels;
use crate::keymap::{BINDINGS, Scope};
use crate::text;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let mut spans = Vec::new();
    let mut push = |key: &str, label: &str| {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", THEME.dim));
        }
        spans.push(Span::styled(key.to_string(), THEME.key));
        spans.push(Span::raw(format!(" {label}")));
    };
    if app.overlay == Overlay::None {
        let pane = Scope::Pane(app.pane);
        for b in BINDINGS.iter().filter(|b| b.hint && b.scope == pane) {
            push(b.keys_label, b.label(lang));
        }
        for b in BINDINGS
            .iter()
            .filter(|b| b.hint && b.scope == Scope::Global)
        {
            push(b.keys_label, b.label(lang));
        }
    } else {
        push("↑↓ PgUp PgDn", "");
        push("Esc", labels(lang).close);
    }
    let message = app.status.as_deref().unwrap_or("");
    let msg_w = (text::width(message) as u16).min(area.width / 2);
    let [hints, msg] =
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(msg_w)]).areas(area);
    frame.render_widget(Line::from(spans), hints);
    if !message.is_empty() {
        frame.render_widget(
            Span::styled(text::truncate(message, msg_w as usize), THEME.error),
            msg,
        );
    }
}
