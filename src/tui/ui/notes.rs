//! The notes overlay: the line's background, the two model traits, the
//! capabilities, the article's notes and the sources, for reading at leisure.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::theme::theme;
use super::{popup, render_lines, wrapped};
use crate::tui::app::App;
use career_core::i18n::labels;
use career_core::model::Note;

/// The overlay's lines at `width` columns.
pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    lines_and_anchors(app, width).0
}

/// The line at which each note of [`career_core::model::Catalog::about_notes`]
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
            out.extend(super::wrapped_with_basis(
                lang,
                note.title.get(lang),
                &note.basis,
                width,
                theme().emphasis,
                "• ",
            ));
            out.extend(wrapped(note.body.get(lang), width, Style::new(), "  "));
            if !note.named.is_empty() {
                let named: Vec<&str> = note.named.iter().map(|x| x.get(lang)).collect();
                let mut named = named.join(career_core::i18n::list_sep(lang));
                if let Some(y) = note.examples_from {
                    let sep = if lang == career_core::model::Lang::Zh {
                        ""
                    } else {
                        " "
                    };
                    named = format!("{named}{sep}{}", career_core::i18n::examples_from(lang, y));
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
        // Each address whole, on lines of its own (see `ui::link`).
        for url in source_urls(&s.url) {
            out.extend(super::link::url_lines(url, width, URL_INDENT, theme().dim));
        }
    }
    (out, anchors)
}

/// The lead of a source's address lines.
const URL_INDENT: &str = "  ";

/// The addresses of a source's `url` field: several are separated by ` ; `;
/// `none` (a source with no address, whose title says so) gives none.
pub fn source_urls(url: &str) -> impl Iterator<Item = &str> {
    url.split(" ; ")
        .map(str::trim)
        .filter(|u| !u.is_empty() && *u != "none")
}

/// Draws the overlay over `body`.
pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let l = labels(app.lang);
    let title = format!("{} · i/Esc {}", l.notes_title, l.close);
    let inner = popup(frame, body, &title);
    let lines = lines(app, inner.width as usize);
    render_lines(frame, inner, lines, app.overlay_scroll);
    let urls: Vec<&str> = app
        .catalog
        .notes
        .sources
        .iter()
        .flat_map(|s| source_urls(&s.url))
        .collect();
    super::link::mark(frame.buffer_mut(), inner, &urls, URL_INDENT);
}
