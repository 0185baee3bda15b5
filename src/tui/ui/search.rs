//! The search overlay: the query line, then the results tagged with their
//! kind, the matched characters highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::theme::theme;
use super::{popup, render_lines};
use crate::tui::app::{App, SearchState};
use career_core::i18n::labels;
use career_core::model::Lang;
use career_core::search::{Kind, Target};
use career_core::searcher::Found;
use career_core::text;

/// The kind of a search hit, as the CLI names it too (one word each; the
/// background topics are "topic" / 背景, never the user's notes).
pub fn kind_label(kind: Kind, lang: Lang) -> &'static str {
    let kinds = career_core::i18n::labels(lang).cli.kinds;
    match kind {
        Kind::Role => kinds[0],
        Kind::Skill => kinds[1],
        Kind::Requirement => kinds[2],
        Kind::Responsibility => kinds[3],
        Kind::Note => kinds[4],
        Kind::Posting => {
            if lang == Lang::Zh {
                "招聘启事"
            } else {
                "posting"
            }
        }
    }
}

/// The name an item goes by in the interface language.
fn name(app: &App, t: Target) -> String {
    let c = &app.catalog;
    let lang = app.lang;
    match t {
        Target::Role(i) => c.roles[i].name.get(lang).into(),
        Target::Skill(i) => format!("{} {}", c.skills[i].id, c.skills[i].name.get(lang)),
        Target::Posting(p) => {
            let p = &c.postings[p];
            format!("{} · {}", p.title.get(lang), p.company.get(lang))
        }
        // A requirement or duty names its posting first: the same words
        // stand in many ads.
        Target::Requirement(p, i) => {
            let r = &c.postings[p].requirements[i];
            format!(
                "{} {} {}",
                c.postings[p].company.get(lang),
                r.id,
                r.text.get(lang)
            )
        }
        Target::Responsibility(p, i) => {
            let r = &c.postings[p].responsibilities[i];
            format!(
                "{} {} {}",
                c.postings[p].company.get(lang),
                r.id,
                r.text.get(lang)
            )
        }
        Target::Note(i) => c
            .about_notes()
            .nth(i)
            .map_or_else(String::new, |n| n.title.get(lang).into()),
    }
}

/// `s` with the characters at `positions` highlighted.
fn highlighted(s: &str, positions: &[usize], base: Style) -> Vec<Span<'static>> {
    let hl = theme().key.add_modifier(Modifier::UNDERLINED);
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_hl = false;
    for (i, ch) in s.chars().enumerate() {
        let on = positions.contains(&i);
        if on != run_hl && !run.is_empty() {
            let style = if run_hl { hl } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_hl = on;
        run.push(ch);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hl { hl } else { base }));
    }
    spans
}

/// One result line: kind tag, name, and where the match was when it was not the name.
fn hit_line(app: &App, hit: &Found, width: usize, selected: bool) -> Line<'static> {
    let tag = format!("{:<6} ", kind_label(hit.target.kind(), app.lang));
    let tag_w = text::width(&tag);
    let shown = name(app, hit.target);
    let field = &hit.field;
    let mut spans = vec![Span::styled(tag, theme().dim)];
    let room = width.saturating_sub(tag_w);
    if hit.positions.is_empty() {
        // A typo match: no positions to light up.
        spans.push(Span::raw(text::truncate(&shown, room)));
    } else if shown.contains(field.as_str()) {
        let offset = shown[..shown.find(field.as_str()).unwrap_or(0)]
            .chars()
            .count();
        let pos: Vec<usize> = hit.positions.iter().map(|p| p + offset).collect();
        spans.extend(highlighted(
            &text::truncate(&shown, room),
            &pos,
            Style::new(),
        ));
    } else {
        let name_part = text::truncate(&shown, room / 2);
        let used = text::width(&name_part) + 3;
        spans.push(Span::raw(name_part));
        spans.push(Span::styled(" · ", theme().dim));
        let rest = text::truncate(field, room.saturating_sub(used));
        spans.extend(highlighted(&rest, &hit.positions, theme().dim));
    }
    let line = Line::from(spans);
    if selected {
        line.style(theme().selected)
    } else {
        line
    }
}

pub fn draw(app: &App, st: &SearchState, frame: &mut Frame, body: Rect) {
    let l = labels(app.lang);
    let inner = popup(frame, body, l.search_title);
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    let width = inner.width as usize;
    let (shown, cursor_col) = st.field.view(width.saturating_sub(3));
    frame.render_widget(
        Line::from(vec![Span::styled("/ ", theme().key), Span::raw(shown)]),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    frame.set_cursor_position((inner.x + 2 + cursor_col as u16, inner.y));
    let query = st.field.text();
    let status = if query.trim().is_empty() {
        l.search_hint.to_string()
    } else if st.pending() && (st.hits.is_empty() || st.answered.trim().is_empty()) {
        l.searching.to_string()
    } else if st.hits.is_empty() {
        match st.closest {
            Some(t) => {
                format!(
                    "{} {} {}",
                    l.no_match_closest,
                    kind_label(t.kind(), app.lang),
                    name(app, t)
                )
            }
            None => l.no_match.to_string(),
        }
    } else {
        let n = st.hits.len();
        let count = format!("{n} {}", if n == 1 { l.result } else { l.results });
        // Older results stay up (as fzf does) until the newer ones arrive.
        if st.pending() {
            format!("{count} · {}", l.searching)
        } else {
            count
        }
    };
    frame.render_widget(
        Line::styled(text::truncate(&status, width), theme().dim),
        Rect::new(inner.x, inner.y + 1, inner.width, 1),
    );
    let list = Rect::new(inner.x, inner.y + 2, inner.width, inner.height - 2);
    let rows = list.height as usize;
    // Keep the selection in view without state: scroll by whole pages.
    let first = (st.selected / rows.max(1)) * rows.max(1);
    let lines = st
        .hits
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, h)| hit_line(app, h, width, i == st.selected))
        .collect();
    render_lines(frame, list, lines, 0);
}
