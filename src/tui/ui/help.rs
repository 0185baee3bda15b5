//! The help overlay: every binding of the key table in force (the user's
//! remapped keys included), global ones first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::theme;
use super::{popup, render_lines};
use crate::tui::action::Pane;
use crate::tui::app::App;
use crate::tui::keymap::{CTRL_KEYS, EDIT_KEYS, PICKER_KEYS, SEARCH_KEYS, Scope};
use career_core::i18n::labels;
use career_core::text;

const KEY_W: usize = 14;

pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let l = labels(lang);
    let mut out = Vec::new();
    let scopes = std::iter::once((Scope::Global, l.app)).chain(
        Pane::ALL
            .iter()
            .map(|&p| (Scope::Pane(p), super::tab_names(lang)[p.index()])),
    );
    for (scope, heading) in scopes {
        out.push(Line::styled(heading.to_string(), theme().label));
        let rows: Vec<_> = app
            .keys
            .rows()
            .iter()
            .filter(|b| b.scope == scope)
            .collect();
        for (i, b) in rows.iter().enumerate() {
            // A row whose keys an earlier row already names with its
            // partner ("+/-" then "-") is not repeated.
            let named = rows[..i].iter().any(|a| {
                crate::tui::bindings::partner(&a.action).as_ref() == Some(&b.action)
                    && a.keys_label.contains(b.keys_label.as_str())
            });
            if named {
                continue;
            }
            out.push(Line::from(vec![
                Span::styled(
                    format!("  {}", text::pad(&b.keys_label, KEY_W)),
                    theme().key,
                ),
                Span::raw(text::truncate(
                    b.label(lang),
                    width.saturating_sub(KEY_W + 2),
                )),
            ]));
        }
        if scope == Scope::Global {
            for (keys, label) in CTRL_KEYS {
                out.push(Line::from(vec![
                    Span::styled(format!("  {}", text::pad(keys, KEY_W)), theme().key),
                    Span::raw(label[lang as usize]),
                ]));
            }
        }
        out.push(Line::default());
    }
    let h = career_core::i18n::help_labels(lang);
    section(&mut out, h.search, SEARCH_KEYS, lang);
    section(&mut out, h.picker, PICKER_KEYS, lang);
    section(&mut out, l.note_editor, EDIT_KEYS, lang);
    section(&mut out, h.mouse, MOUSE, lang);
    out
}

/// What the mouse does, for the help overlay.
const MOUSE: &[(&str, [&str; 2])] = &[
    (
        "click",
        [
            "a tab, a role, a side, a skill (its box ticks it) or a requirement",
            "标签、角色、左/右栏、技能（点方框即勾选）或任职要求",
        ],
    ),
    (
        "wheel",
        ["scroll the list or text under it", "滚动其下的列表或文字"],
    ),
];

/// A heading and its rows of keys and what they do.
fn section(
    out: &mut Vec<Line<'static>>,
    heading: &str,
    rows: &[(&str, [&'static str; 2])],
    lang: career_core::model::Lang,
) {
    out.push(Line::styled(heading.to_string(), theme().label));
    for (keys, label) in rows {
        out.push(Line::from(vec![
            Span::styled(format!("  {}", text::pad(keys, KEY_W)), theme().key),
            Span::raw(label[lang as usize]),
        ]));
    }
    out.push(Line::default());
}

pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let l = labels(app.lang);
    let help_key = app
        .keys
        .rows()
        .iter()
        .find(|r| r.action == crate::tui::action::Action::ToggleHelp)
        .map_or("?", |r| r.keys_label.as_str());
    let title = format!("{} · {help_key}/Esc {}", l.help_title, l.close);
    let inner = popup(frame, body, &title);
    render_lines(
        frame,
        inner,
        lines(app, inner.width as usize),
        app.overlay_scroll,
    );
}
