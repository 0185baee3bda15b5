//! The notes overlay: the line's background, the two model traits, the
//! capabilities, the article's notes and the sources, for reading at leisure.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::theme::theme;
use super::{popup, render_lines, wrapped};
use crate::app::App;
use crate::i18n::labels;
use crate::model::Note;

/// The overlay's lines at `width` columns.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    lines_and_anchors(app, width).0
}

/// The line at which each note of [`crate::model::Catalog::about_notes`]
/// starts, at `width` columns: where a search result scrolls the overlay to.
pub fn note_line(app: &App, note: usize, width: usize) -> usize {
    lines_and_anchors(app, width)
        .1
        .get(note)
        .copied()
        .unwrap_or(0)
}

/// The overlay's lines, and the first line of each note (in
/// `about_notes` order).
fn lines_and_anchors(app: &App, width: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let lang = app.lang;
    let l = labels(lang);
    let n = &app.catalog.notes;
    let mut out = vec![Line::styled(l.about_line, theme().label)];
    let mut anchors = Vec::new();
    out.extend(super::boundary::about_lines(app, width));
    let mut section = |out: &mut Vec<Line<'static>>, title: &str, notes: &[Note]| {
        out.push(Line::default());
        out.push(Line::styled(title.to_string(), theme().label));
        for note in notes {
            anchors.push(out.len());
            out.extend(wrapped(note.title.get(lang), width, theme().emphasis, "• "));
            out.extend(wrapped(note.body.get(lang), width, Style::new(), "  "));
            if !note.named.is_empty() {
                let named: Vec<&str> = note.named.iter().map(|x| x.get(lang)).collect();
                let mut named = named.join(crate::i18n::list_sep(lang));
                if let Some(y) = note.examples_from {
                    let sep = if lang == crate::model::Lang::Zh {
                        ""
                    } else {
                        " "
                    };
                    named = format!("{named}{sep}{}", crate::i18n::examples_from(lang, y));
                }
                out.extend(wrapped(&named, width, theme().dim, "  "));
            }
        }
    };
    section(&mut out, l.traits, &n.traits);
    section(&mut out, l.capabilities, &n.capabilities);
    section(&mut out, l.notes, &n.notes);
    out.push(Line::default());
    out.push(Line::styled(l.sources, theme().label));
    for s in &n.sources {
        out.extend(wrapped(
            &format!("[{}] {}", s.id, s.title.get(lang)),
            width,
            Style::new(),
            "• ",
        ));
        out.extend(wrapped(&s.url, width, theme().dim, "  "));
    }
    (out, anchors)
}

/// Draws the overlay over `body`.
pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let l = labels(app.lang);
    let title = format!("{} · i/Esc {}", l.notes_title, l.close);
    let inner = popup(frame, body, &title);
    let lines = lines(app, inner.width as usize);
    render_lines(frame, inner, lines, app.overlay_scroll);
}
