//! Pane 4: a job posting, its responsibilities (emphasis kept) and its
//! requirements, each marked covered, partly or missing from the ticked skills.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::boundary::{colon, more_marker};
use super::theme::theme;
use super::{block, render_lines, skill_mark, wrapped};
use crate::tui::app::App;
use crate::tui::layout::JobsLayout;
use crate::tui::posting_rows::skill_rows;
use career_core::i18n::labels;
use career_core::model::{Lang, Layer, Posting, PostingItem};
use career_core::readiness::{Coverage, posting_match_for, requirement_status};
use career_core::store::progress::State;
use career_core::text;

const WIDE: u16 = 140;
const DETAIL_HEIGHT: u16 = 8;

fn parts(body: Rect) -> (Rect, Rect) {
    super::main_and_detail(body, WIDE, DETAIL_HEIGHT)
}

/// What pane 4 puts where in `body`: the posting box's inside, the
/// requirement on each of its rows, every requirement's lines, and the
/// box's rows and scroll limit.
pub fn measure(app: &App, body: Rect) -> JobsLayout {
    let (top, side) = parts(body);
    let text = super::inside(top);
    let side_page = super::inside(side).height;
    let side_len = side_lines(app, super::inside(side).width as usize).map_or(0, |(_, l)| l.len());
    let (lines, spans) = posting_lines(app, text.width as usize);
    let scroll = usize::from(app.jobs.scroll);
    let rows = (0..usize::from(text.height))
        .map(|y| {
            spans
                .iter()
                .position(|&(a, b)| (a..=b).contains(&(scroll + y)))
        })
        .collect();
    let to_u16 = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    JobsLayout {
        text,
        rows,
        item_lines: spans.iter().map(|&(a, b)| (to_u16(a), to_u16(b))).collect(),
        page: text.height,
        max_scroll: super::max_scroll(lines.len(), text.height),
        side: crate::tui::layout::Scroll {
            page: side_page,
            max_scroll: super::max_scroll(side_len, side_page),
        },
    }
}

/// A requirement's mark as drawn ("✓ covered") and its colour.
fn marker(lang: Lang, cov: Coverage) -> (String, Style) {
    let style = match cov {
        Coverage::Covered => theme().covered,
        Coverage::Partly => theme().partly,
        Coverage::Missing => theme().missing,
        Coverage::NotMapped => theme().dim,
    };
    (career_core::i18n::coverage_mark(lang, cov), style)
}

/// A requirement's text with its kind: "any one of: …" and "… (preferred)".
fn requirement_text(lang: Lang, r: &PostingItem) -> String {
    let mut t = shown_text(&r.text, lang);
    if r.any_of {
        let sep = if lang == Lang::Zh { "" } else { " " };
        t = format!("{}{sep}{t}", career_core::i18n::any_of_lead(lang));
    }
    if r.preferred {
        let sep = if lang == Lang::Zh { "" } else { " " };
        t = format!("{t}{sep}{}", career_core::i18n::preferred_mark(lang));
    }
    t
}

/// The posting as lines, and the (first, last) line of each row ↑/↓ walk:
/// its requirements, then its skill rows (see [`crate::tui::posting_rows`]).
pub fn posting_lines(app: &App, width: usize) -> (Vec<Line<'static>>, Vec<(usize, usize)>) {
    let Some(p) = app.catalog.postings.get(app.jobs.posting) else {
        return (Vec::new(), Vec::new());
    };
    let mut out = wrapped(&heading(app, p), width, theme().emphasis, "");
    duty_lines(app, p, width, &mut out);
    let mut spans = requirement_lines(app, p, width, &mut out);
    let rows = skill_rows(app, p, app.jobs.posting);
    let mut row = spans.len();
    let mut skill_row = |s: usize, out: &mut Vec<Line<'static>>| {
        let start = out.len();
        let mut lines = skill_lines(app, s, width);
        if row == app.jobs.selected {
            reverse(&mut lines);
        }
        out.extend(lines);
        spans.push((start, out.len() - 1));
        row += 1;
    };
    if !rows.next.is_empty() {
        out.push(Line::default());
        out.push(Line::styled(labels(app.lang).next_skills, theme().label));
        for &s in &rows.next {
            skill_row(s, &mut out);
        }
    }
    out.push(Line::default());
    match &rows.gap {
        None => out.extend(wrapped(
            labels(app.lang).gap_no_role,
            width,
            theme().dim,
            "",
        )),
        Some((from, open)) => {
            out.extend(gap_head(app, *from, open.len(), width));
            for &s in open {
                skill_row(s, &mut out);
            }
        }
    }
    fact_lines(app, p, width, &mut out);
    (out, spans)
}

/// The posting's company and title in full: the box's title may cut them.
fn heading(app: &App, p: &Posting) -> String {
    format!("{} — {}", p.company.get(app.lang), p.title.get(app.lang))
}

/// Draws `lines` reversed: the selected row.
fn reverse(lines: &mut [Line<'static>]) {
    for line in lines {
        *line = std::mem::take(line).patch_style(Style::new().add_modifier(Modifier::REVERSED));
    }
}

/// The posting's head: the 2024–2026 notice, then its responsibilities
/// (★ for an emphasised one, with the legend when there is one).
fn duty_lines(app: &App, p: &Posting, width: usize, out: &mut Vec<Line<'static>>) {
    let lang = app.lang;
    let l = labels(lang);
    // A 2024–2026 posting says so first, with how far its copy can be trusted.
    if p.layer == Layer::Recent {
        let mut head = l.recent.to_string();
        if let Some(r) = p.reliability {
            head.push_str(" · ");
            head.push_str(career_core::i18n::reliability(lang, r));
        }
        out.extend(wrapped(&head, width, theme().label, ""));
    }
    out.push(Line::styled(l.responsibilities, theme().label));
    for r in &p.responsibilities {
        let (first, style) = if r.emphasis {
            ("★ ", theme().emphasis)
        } else {
            ("· ", Style::new())
        };
        out.extend(wrapped(&shown_text(&r.text, lang), width, style, first));
        out.extend(context_lines(lang, r, width));
    }
    // The legend only when there is an emphasis to explain.
    if p.responsibilities.iter().any(|r| r.emphasis) {
        out.push(Line::from(vec![
            Span::styled("★ ", theme().emphasis),
            Span::styled(l.emphasised, theme().dim),
        ]));
    }
}

/// The requirements, each with its coverage mark, id, tally and years, the
/// selected one reversed; returns the (first, last) line of each.
fn requirement_lines(
    app: &App,
    p: &Posting,
    width: usize,
    out: &mut Vec<Line<'static>>,
) -> Vec<(usize, usize)> {
    let lang = app.lang;
    let l = labels(lang);
    out.push(Line::default());
    out.push(Line::styled(l.requirements, theme().label));
    if p.requirements.is_empty() {
        out.extend(wrapped(l.no_requirements, width, theme().dim, ""));
    }
    let state = app.state_fn();
    let years = app.progress.profile.years;
    let status: Vec<_> = p
        .requirements
        .iter()
        .map(|r| requirement_status(r, &state, years))
        .collect();
    // "? not mapped" widens the marks only where a requirement shows it.
    let any_unmapped = status.iter().any(|st| st.coverage == Coverage::NotMapped);
    let mark_w = Coverage::ALL
        .iter()
        .filter(|&&c| c != Coverage::NotMapped || any_unmapped)
        .map(|&c| text::width(&marker(lang, c).0))
        .max()
        .unwrap_or(0)
        + 3;
    let mut spans = Vec::new();
    for (i, (r, st)) in p.requirements.iter().zip(&status).enumerate() {
        let start = out.len();
        let (n, total) = (st.tally.done, st.tally.total);
        let (mark, mark_style) = marker(lang, st.coverage);
        let first = format!("[{}] ", text::pad(&mark, mark_w - 3));
        let mut lines = wrapped(&requirement_text(lang, r), width, Style::new(), &first);
        if let Some(line) = lines.first_mut() {
            line.spans[0].style = mark_style;
        }
        let indent = " ".repeat(text::width(&first));
        let mut extra = format!("{indent}{} {n}/{total}", r.id);
        if let Some(y) = r.min_years {
            extra.push_str(&years_line(lang, y, years));
        }
        lines.push(Line::styled(extra, theme().dim));
        lines.extend(context_lines(lang, r, width));
        if i == app.jobs.selected {
            reverse(&mut lines);
        }
        out.extend(lines);
        spans.push((start, out.len() - 1));
    }
    spans
}

/// The posting's facts at the end, dimmed: date, own file, source, place,
/// reliability, links (each address whole) and observations.
fn fact_lines(app: &App, p: &Posting, width: usize, out: &mut Vec<Line<'static>>) {
    let lang = app.lang;
    let l = labels(lang);
    out.push(Line::default());
    let date = p.date.as_ref().map_or(l.undated, |d| d.get(lang));
    let mut facts = vec![format!("{}{}{date}", l.date, colon(l.date))];
    if let Some(file) = app.catalog.own_posting_file(app.jobs.posting) {
        facts.push(format!("{} {}", l.own_file, file.display()));
    }
    facts.push(format!(
        "{}{}{}",
        l.source,
        colon(l.source),
        p.source.get(lang)
    ));
    if let Some(place) = &p.place {
        facts.push(format!("{}{}{}", l.place, colon(l.place), place.get(lang)));
    }
    if let Some(r) = p.reliability {
        let label = career_core::i18n::reliability(lang, r);
        facts.push(format!("{}{}{label}", l.reliability, colon(l.reliability)));
    }
    for f in &facts {
        out.extend(wrapped(f, width, theme().dim, ""));
    }
    if !p.urls.is_empty() {
        out.push(Line::styled(
            format!("{}{}", l.links, colon(l.links)),
            theme().dim,
        ));
        // Each address whole, on lines of its own (see `ui::link`).
        for u in &p.urls {
            out.extend(super::link::url_lines(u, width, URL_INDENT, theme().dim));
        }
    }
    for o in &p.observations {
        out.extend(wrapped(o.get(lang), width, theme().dim, "• "));
    }
}

/// A skill as a row of pane 4's lists (next skills, the gap): its state's
/// mark, its id and its name, wrapped to `width` columns.
fn skill_lines(app: &App, s: usize, width: usize) -> Vec<Line<'static>> {
    let skill = &app.catalog.skills[s];
    let (mark, style) = skill_mark(app.state(s));
    let first = format!("{mark} {} ", skill.id);
    let mut lines = wrapped(skill.name.get(app.lang), width, Style::new(), &first);
    if let Some(line) = lines.first_mut() {
        line.spans[0].style = style;
    }
    lines
}

/// The head of the role-to-job gap: from the user's role to this posting,
/// how many of the skills it names that the role does not are not done.
fn gap_head(app: &App, from: usize, open: usize, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let l = labels(lang);
    wrapped(
        &format!(
            "{} ({}) · {}",
            l.gap_from,
            app.catalog.roles[from].name.get(lang),
            match lang {
                career_core::model::Lang::En => format!("{open} not done"),
                career_core::model::Lang::Zh => format!("未完成 {open} 项"),
            }
        ),
        width,
        theme().label,
        "",
    )
}

/// A text in `lang`, marked "(untranslated)" when the data gave it in the
/// other language only.
pub fn shown_text(t: &career_core::model::Text, lang: career_core::model::Lang) -> String {
    if t.untranslated(lang) {
        format!("{} {}", t.get(lang), labels(lang).untranslated)
    } else {
        t.get(lang).to_string()
    }
}

/// " · 8+ years of experience · you: 3" (or "not given"; "✓" after the
/// years when they reach the threshold): a requirement's threshold and the
/// user's years, side by side.
pub fn years_line(lang: career_core::model::Lang, min: u32, years: Option<u32>) -> String {
    let l = labels(lang);
    let you = match (years, lang) {
        (None, _) => l.years_not_given.to_string(),
        (Some(y), career_core::model::Lang::En) => format!("{} {y}", l.years_you),
        (Some(y), career_core::model::Lang::Zh) => format!("{}{y} 年", l.years_you),
    };
    let met = if years.is_some_and(|y| y >= min) {
        " ✓"
    } else {
        ""
    };
    match lang {
        career_core::model::Lang::En => format!(" · {min}+ {} · {you}{met}", l.experience),
        career_core::model::Lang::Zh => format!(" · {min} {} · {you}{met}", l.experience),
    }
}

/// The lead of a posting's address lines.
const URL_INDENT: &str = "  ";

/// An item's later facts, each with its basis marker ("(2024–2026)").
fn context_lines(lang: Lang, item: &PostingItem, width: usize) -> Vec<Line<'static>> {
    item.context
        .iter()
        .flat_map(|f| {
            super::wrapped_with_basis(lang, f.get(lang), &f.basis, width, theme().dim, "  ↳ ")
        })
        .collect()
}

/// The posting box's title in at most `width` columns: the company and the
/// job's title, cut first, then the match figure ("—" when the posting lists
/// no requirements) and which posting of how many, always whole.
fn title(app: &App, p: &Posting, width: usize) -> String {
    let l = labels(app.lang);
    let m = posting_match_for(p, &app.state_fn(), app.progress.profile.years);
    let n = app.catalog.postings.len();
    let mut which = if n > 1 {
        // Named, so it never reads as another score beside "2 of 4 met".
        let which = career_core::i18n::jump_labels(app.lang)
            .posting_of
            .replace("{n}", &(app.jobs.posting + 1).to_string())
            .replace("{m}", &n.to_string());
        format!(" · {which}")
    } else {
        String::new()
    };
    if app.catalog.is_own_posting(app.jobs.posting) {
        which = format!(" · {}{which}", l.own_posting);
    }
    let met = |short: bool| {
        if short {
            career_core::i18n::met_of_short(app.lang, m.covered, m.mappable())
        } else {
            career_core::i18n::met_of(app.lang, m.covered, m.mappable())
        }
    };
    let figure = |short: bool| {
        let figure = career_core::present::coverage_figure(app.lang, m.coverage());
        match m.coverage() {
            None => figure,
            Some(_) => format!("{figure} · {}", met(short)),
        }
    };
    // The met figure in full where the title has room, else its short form.
    let mut tail = format!(" · {}{which}", figure(false));
    if width.saturating_sub(text::width(&tail)) < 12 {
        tail = format!(" · {}{which}", figure(true));
    }
    let head = format!("{} — {}", p.company.get(app.lang), p.title.get(app.lang));
    let room = width.saturating_sub(text::width(&tail)).max(1);
    format!("{}{tail}", text::truncate(&head, room))
}

pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let Some(p) = app.catalog.postings.get(app.jobs.posting) else {
        let l = labels(app.lang);
        let b = block(l.tabs[3], true);
        let inner = b.inner(body);
        frame.render_widget(b, body);
        let width = inner.width as usize;
        let mut lines = wrapped(l.no_postings, width, Style::new(), "");
        lines.extend(wrapped(l.no_postings_hint, width, theme().dim, ""));
        render_lines(frame, inner, lines, 0);
        return;
    };
    let (top, detail) = parts(body);
    // The block's title sits between the corners, with a space each side.
    let b = block(&title(app, p, top.width.saturating_sub(4) as usize), true);
    let inner = b.inner(top);
    frame.render_widget(b, top);
    let (lines, _) = posting_lines(app, inner.width as usize);
    let more = lines.len() > inner.height as usize + app.jobs.scroll as usize;
    render_lines(frame, inner, lines, app.jobs.scroll);
    let urls: Vec<&str> = p
        .urls
        .iter()
        .map(career_core::model::Clean::as_str)
        .collect();
    super::link::mark(frame.buffer_mut(), inner, &urls, URL_INDENT);
    if more {
        more_marker(frame, top);
    }
    draw_detail(app, frame, detail);
}

/// The side box's title and lines: the skills that cover the selected
/// requirement (done first), or the selected skill row's skill. Every skill
/// is listed; the box scrolls (`J`/`K`).
pub fn side_lines(app: &App, width: usize) -> Option<(String, Vec<Line<'static>>)> {
    let l = labels(app.lang);
    let p = app.catalog.postings.get(app.jobs.posting)?;
    let Some(r) = p.requirements.get(app.jobs.selected) else {
        let s = crate::tui::posting_rows::skill_to_open(app)?;
        let skill = &app.catalog.skills[s];
        let title = format!("{} · {}", skill.id, l.state_names[app.state(s) as usize]);
        let mut lines = wrapped(skill.name.get(app.lang), width, Style::new(), "");
        lines.extend(wrapped(jump_hint(app.lang), width, theme().dim, ""));
        return Some((title, lines));
    };
    let t = requirement_status(r, &app.state_fn(), app.progress.profile.years).tally;
    let title = format!("{} {} · {}/{}", r.id, l.covering_skills, t.done, t.total);
    // Done skills first, then those being learned: they show what already counts.
    let rank = |s: usize| match app.state(s) {
        State::Done => 0,
        State::Learning => 1,
        State::NotStarted => 2,
        State::Skipped => 3,
    };
    if r.skill_idx.is_empty() {
        let years = app.progress.profile.years;
        let lines = career_core::i18n::no_skill_side(app.lang, r.min_years, years)
            .iter()
            .flat_map(|t| wrapped(t, width, theme().dim, ""))
            .collect();
        return Some((title, lines));
    }
    let mut skills: Vec<usize> = r.skill_idx.clone();
    skills.sort_by_key(|&s| rank(s));
    let lines = skills
        .into_iter()
        .flat_map(|s| skill_evidence_line(app, r, s, width))
        .collect();
    Some((title, lines))
}

/// "Enter: open it in 3 Skills · Esc there: back here".
fn jump_hint(lang: Lang) -> &'static str {
    career_core::i18n::jump_labels(lang).hint
}

/// The side box (see [`side_lines`]), scrolled by `app.jobs.side_scroll`,
/// with ▼ while lines are below.
fn draw_detail(app: &App, frame: &mut Frame, area: Rect) {
    let Some((title, lines)) = side_lines(app, super::inside(area).width as usize) else {
        return;
    };
    let b = block(&title, false);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let scroll = app
        .jobs
        .side_scroll
        .min(super::max_scroll(lines.len(), inner.height));
    let more = lines.len() > usize::from(scroll) + usize::from(inner.height);
    render_lines(frame, inner, lines, scroll);
    if more {
        more_marker(frame, area);
    }
}

/// One skill of the selected requirement: its state, id and name, and the
/// words of the ad that named it ("python Python ← “Python 3”"), wrapped.
fn skill_evidence_line(app: &App, r: &PostingItem, s: usize, width: usize) -> Vec<Line<'static>> {
    let skill = &app.catalog.skills[s];
    let (mark, style) = skill_mark(app.state(s));
    let head = format!("{mark} {} ", skill.id);
    let evidence = r
        .evidence
        .get(&skill.id)
        .map(|w| format!(" ← “{}”", w.as_str()))
        .unwrap_or_default();
    let name = format!("{}{evidence}", skill.name.get(app.lang));
    let mut lines = wrapped(&name, width, Style::new(), &head);
    if let Some(line) = lines.first_mut() {
        line.spans[0].style = style;
    }
    lines
}
