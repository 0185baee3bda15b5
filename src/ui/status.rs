//! The status line: the current pane's key hints, and any message.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

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
