//! Pane 1: the role spectrum split by the API line, the two workflows, and the
//! selected role's detail.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::theme::theme;
use super::{block, render_lines, wrapped};
use crate::tui::app::App;
use crate::tui::layout::BoundaryLayout;
use career_core::i18n::{self, labels};
use career_core::model::{Lang, Role, Side};
use career_core::present::readiness_text;
use career_core::readiness;
use career_core::text;

/// Panes this wide put the role detail and the line's notes side by side.
const WIDE: u16 = 140;
/// Width of the API column between the two sides.
const API_COL: u16 = 7;

struct Parts {
    diagram: Rect,
    workflows: Rect,
    detail: Rect,
    about: Option<Rect>,
}

fn parts(app: &App, body: Rect) -> Parts {
    let flow_h = if body.height >= 40 { 6 } else { 4 };
    // Border, side labels, boxes, two arrows, two lines of other roles and
    // one for the roles on neither side.
    let neither = u16::from(!app.catalog.index.also_neither.is_empty());
    let diagram_h = 2 + 1 + box_height(app, body.width) + 2 + 2 + neither;
    let [diagram, workflows, bottom] = Layout::vertical([
        Constraint::Length(diagram_h),
        Constraint::Length(flow_h),
        Constraint::Fill(1),
    ])
    .areas(body);
    if body.width >= WIDE {
        let [detail, about] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(bottom);
        Parts {
            diagram,
            workflows,
            detail,
            about: Some(about),
        }
    } else {
        Parts {
            diagram,
            workflows,
            detail: bottom,
            about: None,
        }
    }
}

/// What pane 1 puts where in `body`: every role box and "Also" name with
/// its slot, and the detail box's rows and scroll limit.
pub fn measure(app: &App, body: Rect) -> BoundaryLayout {
    let p = parts(app, body);
    let d = p.detail;
    let lines = selected(app).map_or(0, |r| detail_lines(app, r, inner_width(d)).len());
    let mut roles: Vec<(Rect, usize)> = box_rects(app, p.diagram)
        .into_iter()
        .map(|(slot, r)| (r, slot))
        .collect();
    for (pieces, rect) in also_rows(app, p.diagram) {
        let mut x = rect.x;
        for (t, slot) in pieces {
            let w = text::width(&t) as u16;
            if let Some(slot) = slot {
                roles.push((Rect::new(x, rect.y, w, 1), slot));
            }
            x += w;
        }
    }
    BoundaryLayout {
        roles,
        page: d.height.saturating_sub(2),
        max_scroll: super::max_scroll(lines, d.height.saturating_sub(2)),
    }
}

fn inner_width(r: Rect) -> usize {
    r.width.saturating_sub(2) as usize
}

fn selected(app: &App) -> Option<&Role> {
    let i = app.catalog.index.pane_roles().nth(app.boundary.slot)?;
    app.catalog.roles.get(i)
}

pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let p = parts(app, body);
    draw_diagram(app, frame, p.diagram);
    draw_workflows(app, frame, p.workflows);
    let l = labels(app.lang);
    if let Some(role) = selected(app) {
        let n = app.catalog.index.pane_role_count();
        let title = format!(
            "{}{}{} · {}/{}",
            l.detail,
            colon(l.detail),
            role.name.get(app.lang),
            app.boundary.slot + 1,
            n
        );
        let b = block(&title, true);
        let inner = b.inner(p.detail);
        frame.render_widget(b, p.detail);
        let lines = detail_lines(app, role, inner.width as usize);
        let more = lines.len() > inner.height as usize + app.boundary.scroll as usize;
        render_lines(frame, inner, lines, app.boundary.scroll);
        if more {
            more_marker(frame, p.detail);
        }
    }
    if let Some(about) = p.about {
        let b = block(l.about_line, false);
        let inner = b.inner(about);
        frame.render_widget(b, about);
        render_lines(frame, inner, about_lines(app, inner.width as usize), 0);
    }
}

/// A "more below" arrow on the bottom border of a scrolled box.
pub fn more_marker(frame: &mut Frame, area: Rect) {
    if area.width < 6 || area.height < 2 {
        return;
    }
    let r = Rect::new(area.right() - 5, area.bottom() - 1, 3, 1);
    frame.render_widget(Span::styled(" ▼ ", theme().key), r);
}

/// Width of each role box when `n` boxes share `side_w` columns.
fn box_width(side_w: u16, n: u16) -> u16 {
    if n == 0 {
        return 0;
    }
    (side_w.saturating_sub(n - 1) / n).min(26)
}

/// Box height: 3 rows, or 4 when a role name needs two lines at this width.
fn box_height(app: &App, body_width: u16) -> u16 {
    let c = &app.catalog;
    let side_w = body_width.saturating_sub(2 + API_COL) / 2;
    let (l, r) = c
        .index
        .spectrum
        .split_at(c.index.left_count.min(c.index.spectrum.len()));
    let fits = |ids: &[usize]| {
        let inner = box_width(side_w, ids.len() as u16).saturating_sub(2) as usize;
        ids.iter()
            .all(|&i| text::width(c.roles[i].name.get(app.lang)) <= inner)
    };
    if fits(l) && fits(r) { 3 } else { 4 }
}

/// Where the diagram's parts go inside its block: the inner area, the role
/// boxes' height and the width of each side (the API column between them).
struct Diagram {
    inner: Rect,
    box_h: u16,
    half: u16,
}

/// The diagram's geometry in `area` (its block included), or `None` when
/// there is no room to draw it: shared by drawing and by mouse clicks.
fn diagram(app: &App, area: Rect) -> Option<Diagram> {
    let inner = super::inside(area);
    let box_h = box_height(app, area.width);
    (inner.width >= API_COL + 10 && inner.height >= box_h + 4).then(|| Diagram {
        inner,
        box_h,
        half: (inner.width - API_COL) / 2,
    })
}

fn draw_diagram(app: &App, frame: &mut Frame, area: Rect) {
    let c = &app.catalog;
    let l = labels(app.lang);
    let b = block(c.boundary.name.get(app.lang), false);
    frame.render_widget(b, area);
    let Some(Diagram { inner, box_h, half }) = diagram(app, area) else {
        return;
    };
    let left = Rect::new(inner.x, inner.y, half, inner.height);
    let api = Rect::new(inner.x + half, inner.y, API_COL, inner.height);
    let right = Rect::new(
        api.right(),
        inner.y,
        inner.width - half - API_COL,
        inner.height,
    );

    // Side labels and the API line itself.
    let lang = app.lang;
    let label_row = |r: Rect| Rect::new(r.x, r.y, r.width, 1);
    frame.render_widget(
        Line::styled(
            text::truncate(c.boundary.producers.label.get(lang), half as usize),
            theme().left_side.add_modifier(Modifier::BOLD),
        )
        .centered(),
        label_row(left),
    );
    frame.render_widget(
        Line::styled(
            text::truncate(c.boundary.consumers.label.get(lang), right.width as usize),
            theme().right_side.add_modifier(Modifier::BOLD),
        )
        .centered(),
        label_row(right),
    );
    frame.render_widget(
        Line::styled(l.api, theme().api_line).centered(),
        label_row(api),
    );
    // The dotted line runs down the diagram; the two arrow rows cross it.
    let mid = api.x + API_COL / 2;
    let arrows_y = inner.y + 1 + box_h;
    for y in (api.y + 1..inner.bottom()).filter(|&y| y != arrows_y && y != arrows_y + 1) {
        frame.render_widget(Span::styled("┊", theme().api_line), Rect::new(mid, y, 1, 1));
    }

    // Role boxes, left side then right side.
    draw_boxes(app, frame, &box_rects(app, area));

    draw_crossing(app, frame, inner, arrows_y);
    draw_also(app, frame, area);
}

/// What crosses the line, on the two arrow rows from `y`, across it.
fn draw_crossing(app: &App, frame: &mut Frame, inner: Rect, y: u16) {
    let crossing = &app.catalog.boundary.crossing;
    let w = inner.width as usize;
    let leftward = format!("◀── {} ──", crossing.leftward.get(app.lang));
    let rightward = format!("── {} ──▶", crossing.rightward.get(app.lang));
    for (k, text) in [leftward, rightward].into_iter().enumerate() {
        frame.render_widget(
            Line::styled(text::truncate(&text, w), theme().arrow).centered(),
            Rect::new(inner.x, y + k as u16, inner.width, 1),
        );
    }
}

/// Roles that belong to a side but are not drawn as boxes, on up to two
/// lines, then those on neither side: each can be selected.
fn draw_also(app: &App, frame: &mut Frame, area: Rect) {
    for (names, rect) in also_rows(app, area) {
        let line: Vec<Span> = names
            .into_iter()
            .map(|(t, slot)| {
                let style = match slot {
                    Some(s) if s == app.boundary.slot => {
                        theme().selected.add_modifier(Modifier::BOLD)
                    }
                    _ => theme().dim,
                };
                Span::styled(t, style)
            })
            .collect();
        frame.render_widget(Line::from(line), rect);
    }
}

/// One row of "Also: a · b" names: its pieces (a name with its pane-1 slot,
/// or a label or separator with none), and where it is drawn (centred).
type AlsoRow = (Vec<(String, Option<usize>)>, Rect);

/// The "Also" rows under the diagram's boxes: each side's off-spectrum
/// roles under that side, then the roles on neither side across the whole
/// width, if there is room. Shared by drawing and by mouse clicks.
fn also_rows(app: &App, area: Rect) -> Vec<AlsoRow> {
    let c = &app.catalog;
    let Some(Diagram { inner, box_h, half }) = diagram(app, area) else {
        return Vec::new();
    };
    let also_y = inner.y + 1 + box_h + 2;
    let neither_rows = u16::from(!c.index.also_neither.is_empty());
    let rows = inner.bottom().saturating_sub(also_y + neither_rows).min(2);
    let first = c.index.spectrum.len();
    let right_first = first + c.index.also_left.len();
    let neither_first = right_first + c.index.also_right.len();
    let right = Rect::new(
        inner.x + half + API_COL,
        also_y,
        inner.width - half - API_COL,
        rows,
    );
    let sides = [
        (
            &c.index.also_left,
            first,
            Rect::new(inner.x, also_y, half, rows),
        ),
        (&c.index.also_right, right_first, right),
    ];
    // When a side would cut its names ("+N more"), every name goes on
    // full-width rows instead, if they fit there.
    let cut = sides.iter().any(|(ids, first_slot, rect)| {
        let names = slot_names(app, ids, *first_slot);
        flow(labels(app.lang).also, &names, None, rect.width as usize).len() > usize::from(rows)
    });
    if cut {
        let groups = [
            (
                i18n::pane_one_labels(app.lang).also_left,
                &c.index.also_left,
                first,
            ),
            (
                i18n::pane_one_labels(app.lang).also_right,
                &c.index.also_right,
                right_first,
            ),
            (
                labels(app.lang).not_on_line,
                &c.index.also_neither,
                neither_first,
            ),
        ];
        let all = rows + neither_rows;
        let lines = flow_groups(app, &groups, inner.width as usize);
        if lines.len() <= usize::from(all) {
            return lines
                .into_iter()
                .enumerate()
                .map(|(row, pieces)| {
                    let w: usize = pieces.iter().map(|(t, _)| text::width(t)).sum();
                    (pieces, Rect::new(inner.x, also_y + row as u16, w as u16, 1))
                })
                .collect();
        }
    }
    let mut out = Vec::new();
    let mut used = 0;
    for (ids, first_slot, rect) in sides {
        let packed = pack_also(app, labels(app.lang).also, ids, first_slot, rect);
        used = used.max(packed.len() as u16);
        out.extend(packed);
    }
    // Neither side: across the whole width, on the next free row.
    let y = also_y + used;
    if y < inner.bottom() {
        let rect = Rect::new(inner.x, y, inner.width, 1);
        let label = labels(app.lang).not_on_line;
        out.extend(pack_also(
            app,
            label,
            &c.index.also_neither,
            neither_first,
            rect,
        ));
    }
    out
}

/// The roles `ids` with their pane-1 slots, from `first_slot` on.
fn slot_names<'a>(app: &'a App, ids: &[usize], first_slot: usize) -> Vec<(&'a str, usize)> {
    ids.iter()
        .enumerate()
        .map(|(k, &i)| (app.catalog.roles[i].name.get(app.lang), first_slot + k))
        .collect()
}

/// Groups of names ("Also: a · b", "Right of the line: c", …) flowed one
/// after another over rows of `width`, each name whole, breaking between
/// names; a group's label starts it, two spaces after the group before.
fn flow_groups(
    app: &App,
    groups: &[(&str, &Vec<usize>, usize)],
    width: usize,
) -> Vec<Vec<(String, Option<usize>)>> {
    let mut lines: Vec<Vec<(String, Option<usize>)>> = vec![Vec::new()];
    let line_w =
        |l: &Vec<(String, Option<usize>)>| -> usize { l.iter().map(|(t, _)| text::width(t)).sum() };
    for &(label, ids, first_slot) in groups.iter().filter(|g| !g.1.is_empty()) {
        let head = format!("{label}{}", colon(label).trim_end());
        let first_sep = if head.ends_with('：') { "" } else { " " };
        let mut pieces = vec![(head, None)];
        pieces.extend(
            slot_names(app, ids, first_slot)
                .into_iter()
                .map(|(n, s)| (n.to_string(), Some(s))),
        );
        for (i, (text_, slot)) in pieces.into_iter().enumerate() {
            let cur = lines.len() - 1;
            let used = line_w(&lines[cur]);
            let sep = match i {
                0 if used > 0 => "  ",
                0 => "",
                1 => first_sep,
                _ => " · ",
            };
            if used + text::width(sep) + text::width(&text_) <= width {
                if !sep.is_empty() {
                    lines[cur].push((sep.to_string(), None));
                }
                lines[cur].push((text_, slot));
            } else {
                if i > 1 {
                    lines[cur].push((" ·".to_string(), None));
                }
                lines.push(vec![(text::truncate(&text_, width), slot)]);
            }
        }
    }
    lines
}

/// The roles `ids` (pane-1 slots from `first_slot` on) packed into `rect`,
/// each row centred.
fn pack_also(app: &App, label: &str, ids: &[usize], first_slot: usize, rect: Rect) -> Vec<AlsoRow> {
    if ids.is_empty() || rect.height == 0 {
        return Vec::new();
    }
    let names: Vec<(&str, usize)> = ids
        .iter()
        .enumerate()
        .map(|(k, &i)| (app.catalog.roles[i].name.get(app.lang), first_slot + k))
        .collect();
    let width = rect.width as usize;
    pack_names(
        label,
        &names,
        width,
        rect.height as usize,
        app.boundary.slot,
        labels(app.lang).more,
    )
    .into_iter()
    .enumerate()
    .map(|(row, pieces)| {
        let w: usize = pieces.iter().map(|(t, _)| text::width(t)).sum();
        let x = rect.x + (width.saturating_sub(w) / 2) as u16;
        (pieces, Rect::new(x, rect.y + row as u16, w as u16, 1))
    })
    .collect()
}

/// "Also: a · b · c" packed into at most `rows` lines of `width`, breaking
/// only between names. When not every name fits, the last piece is "+N
/// more" (its slot is the first name left out, so a click reaches it), and
/// the name of slot `keep` (the selected role) is always among those shown.
/// Each piece is a name with its slot, or a label or separator.
fn pack_names(
    label: &str,
    names: &[(&str, usize)],
    width: usize,
    rows: usize,
    keep: usize,
    more: &str,
) -> Vec<Vec<(String, Option<usize>)>> {
    let all = flow(label, names, None, width);
    if all.len() <= rows {
        return all;
    }
    let kept = names.iter().position(|&(_, s)| s == keep);
    for k in (0..names.len()).rev() {
        let mut shown: Vec<(&str, usize)> = names[..k].to_vec();
        if let Some(i) = kept.filter(|&i| i >= k) {
            shown.push(names[i]);
        }
        let hidden = names.len() - shown.len();
        let first_hidden = names
            .iter()
            .map(|&(_, s)| s)
            .find(|s| !shown.iter().any(|&(_, t)| t == *s));
        let marker = (more.replace("{n}", &hidden.to_string()), first_hidden);
        let lines = flow(label, &shown, Some(marker), width);
        if lines.len() <= rows {
            return lines;
        }
    }
    flow(label, &[], None, width)
}

/// `label: a · b · c` (and an optional last marker) wrapped to `width`,
/// breaking only between names; a name wider than a line is cut.
fn flow(
    label: &str,
    names: &[(&str, usize)],
    marker: Option<(String, Option<usize>)>,
    width: usize,
) -> Vec<Vec<(String, Option<usize>)>> {
    let head = format!("{label}{}", colon(label).trim_end());
    // No space after a full-width colon.
    let first_sep = if head.ends_with('：') { "" } else { " " };
    let mut lines: Vec<Vec<(String, Option<usize>)>> = vec![vec![(head, None)]];
    let line_w =
        |l: &Vec<(String, Option<usize>)>| -> usize { l.iter().map(|(t, _)| text::width(t)).sum() };
    let pieces = names
        .iter()
        .map(|&(n, s)| (n.to_string(), Some(s)))
        .chain(marker);
    for (i, (name, slot)) in pieces.enumerate() {
        let sep = if i == 0 { first_sep } else { " · " };
        let cur = lines.len() - 1;
        let used = line_w(&lines[cur]);
        if used + text::width(sep) + text::width(&name) <= width {
            lines[cur].push((sep.to_string(), None));
            lines[cur].push((name, slot));
        } else {
            if i > 0 {
                lines[cur].push((" ·".to_string(), None));
            }
            lines.push(vec![(text::truncate(&name, width), slot)]);
        }
    }
    lines
}

/// ": " after a Latin label, "：" after a Chinese one.
pub fn colon(label: &str) -> &'static str {
    if text::width(label) > label.chars().count() {
        "："
    } else {
        ": "
    }
}

/// Each spectrum slot's box on screen, given the diagram's area: shared by
/// drawing and by mouse clicks.
fn box_rects(app: &App, area: Rect) -> Vec<(usize, Rect)> {
    let c = &app.catalog;
    let Some(Diagram { inner, box_h, half }) = diagram(app, area) else {
        return Vec::new();
    };
    let sides = [
        Rect::new(inner.x, inner.y + 1, half, box_h),
        Rect::new(
            inner.x + half + API_COL,
            inner.y + 1,
            inner.width - half - API_COL,
            box_h,
        ),
    ];
    let left_count = c.index.left_count.min(c.index.spectrum.len());
    let groups = [0..left_count, left_count..c.index.spectrum.len()];
    let mut out = Vec::new();
    for (side, slots) in sides.into_iter().zip(groups) {
        let n = slots.len() as u16;
        if n == 0 || side.width < n * 4 {
            continue;
        }
        let box_w = box_width(side.width, n);
        let total = box_w * n + (n - 1);
        let mut x = side.x + (side.width - total) / 2;
        for slot in slots {
            out.push((slot, Rect::new(x, side.y, box_w, box_h)));
            x += box_w + 1;
        }
    }
    out
}

fn draw_boxes(app: &App, frame: &mut Frame, boxes: &[(usize, Rect)]) {
    for &(slot, rect) in boxes {
        let role = &app.catalog.roles[app.catalog.index.spectrum[slot]];
        let is_sel = slot == app.boundary.slot;
        let side_style = match role.side {
            Side::Left => theme().left_side,
            _ => theme().right_side,
        };
        let (border, name_style, kind) = if is_sel {
            (
                side_style.add_modifier(Modifier::BOLD),
                theme().selected.add_modifier(Modifier::BOLD),
                BorderType::Thick,
            )
        } else {
            (side_style, Style::new(), BorderType::Plain)
        };
        let inner_w = rect.width.saturating_sub(2) as usize;
        let rows = rect.height.saturating_sub(2) as usize;
        let name: Vec<Line> = box_label(role, app.lang, inner_w, rows)
            .into_iter()
            .map(|s| Line::styled(s, name_style).centered())
            .collect();
        let b = Block::bordered().border_type(kind).border_style(border);
        frame.render_widget(Paragraph::new(name).block(b), rect);
    }
}

/// What a role's box shows: its name (see [`box_name`]) when it fits
/// whole; else, so a crowded spectrum stays readable, its shortest
/// one-word alias that fits (`AIE`, `MLE`, `DS`), else the initials of its
/// English name (`RE` for Research Engineer). The selected role's full name
/// is in the detail box below.
fn box_label(
    role: &career_core::model::Role,
    lang: career_core::model::Lang,
    width: usize,
    rows: usize,
) -> Vec<String> {
    let full = box_name(role.name.get(lang), width, rows);
    if !full.iter().any(|l| l.ends_with('…')) {
        return full;
    }
    let alias = role
        .aliases
        .iter()
        .map(|a| a.get(lang))
        .filter(|a| !a.contains(char::is_whitespace) && text::width(a) <= width)
        .min_by_key(|a| text::width(a));
    let short = alias.map_or_else(|| initials(&role.name.en), str::to_string);
    box_name(&short, width, rows)
}

/// The first letter of each word of `name`, upper-cased: "RE" for
/// "Research Engineer".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .flat_map(char::to_uppercase)
        .collect()
}

/// A role's name in a box `width` columns wide and `rows` lines high:
/// whole words, as many to a line as fit; a word too wide for the box is
/// cut with "…" rather than split over two lines ("Res/ear" read as two
/// words), while Chinese wraps between characters as it may; a name that
/// needs more lines than the box has ends in "…".
fn box_name(name: &str, width: usize, rows: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        // Wider than its character count: it holds wide (CJK) characters.
        let pieces = if text::width(word) > word.chars().count() {
            text::wrap(word, width)
        } else {
            vec![text::truncate(word, width)]
        };
        for piece in pieces {
            match lines.last_mut() {
                Some(last) if text::width(last) + 1 + text::width(&piece) <= width => {
                    last.push(' ');
                    last.push_str(&piece);
                }
                _ => lines.push(piece),
            }
        }
    }
    if lines.len() > rows.max(1) {
        lines.truncate(rows.max(1));
        if let Some(last) = lines.last_mut().filter(|l| !l.ends_with('…')) {
            *last = text::truncate(&format!("{last}…"), width);
        }
    }
    lines
}

fn draw_workflows(app: &App, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let l = labels(lang);
    let b = block(l.workflows, false);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let flows = &app.catalog.boundary.workflows;
    let name_w = flows
        .iter()
        .map(|f| text::width(f.name.get(lang)))
        .max()
        .unwrap_or(0)
        .min(24);
    // Rows for each workflow's note, wrapped, when the box has room (the
    // selected role's detail shows its workflow's note in full).
    let note_rows = (inner.height as usize).saturating_sub(flows.len()) / flows.len().max(1);
    let mut lines = Vec::new();
    for f in flows {
        let mut spans = vec![Span::styled(
            text::pad(f.name.get(lang), name_w),
            theme().label,
        )];
        spans.push(Span::raw("  "));
        for (i, step) in f.steps.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" ──▶ ", theme().arrow));
            }
            spans.push(Span::styled(
                format!("[{}]", step.get(lang)),
                theme().emphasis,
            ));
        }
        let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
        let room = (inner.width as usize).saturating_sub(used + 2);
        if room > 8 {
            spans.push(Span::styled(
                format!("  {}", text::truncate(f.who.get(lang), room)),
                theme().dim,
            ));
        }
        lines.push(Line::from(spans));
        if note_rows > 0 {
            let indent = " ".repeat(name_w + 2);
            let mut note = wrapped(f.note.get(lang), inner.width as usize, theme().dim, &indent);
            if note.len() > note_rows {
                note.truncate(note_rows);
                if let Some(last) = note.last_mut() {
                    let cut = text::truncate(&format!("{last}…"), inner.width as usize);
                    *last = Line::styled(cut, theme().dim);
                }
            }
            lines.extend(note);
        }
    }
    render_lines(frame, inner, lines, 0);
}

/// The role's workflow in its detail: the steps and name, who works this
/// way and the note, which the workflows box has no room for on a small
/// terminal.
fn workflow_lines(
    w: &career_core::model::Workflow,
    lang: Lang,
    width: usize,
) -> Vec<Line<'static>> {
    let steps: Vec<&str> = w.steps.iter().map(|s| s.get(lang)).collect();
    let s = i18n::with_paren(lang, &steps.join(" → "), w.name.get(lang));
    let mut out = labelled(labels(lang).workflow, &s, width);
    out.extend(labelled(
        i18n::pane_one_labels(lang).who,
        w.who.get(lang),
        width,
    ));
    out.extend(wrapped(w.note.get(lang), width, theme().dim, "  "));
    out
}

/// The selected role's full description, wrapped to `width`.
pub fn detail_lines(app: &App, role: &Role, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let l = labels(lang);
    let side_style = match role.side {
        Side::Left => theme().left_side,
        Side::Right => theme().right_side,
        Side::Neither => theme().dim,
    };
    let mut out = wrapped(i18n::side(lang, role.side), width, side_style, "");
    if let Some(i) = app.catalog.role_index(&role.id) {
        out.extend(readiness_lines(app, i, width));
    }
    out.extend(wrapped(role.summary.get(lang), width, Style::new(), ""));
    if !role.aliases.is_empty() {
        let names: Vec<&str> = role.aliases.iter().map(|a| a.get(lang)).collect();
        out.extend(labelled(
            l.aliases,
            &names.join(i18n::list_sep(lang)),
            width,
        ));
    }
    let basis = &role.basis_of;
    let head = |label: &str, b: &[String]| i18n::with_basis(lang, label, b);
    out.push(Line::styled(head(l.does, &basis.activities), theme().label));
    for a in &role.activities {
        out.extend(wrapped(a.get(lang), width, Style::new(), "  • "));
    }
    let outputs: Vec<&str> = role.outputs.iter().map(|o| o.get(lang)).collect();
    out.extend(labelled(
        &head(l.outputs, &basis.outputs),
        &outputs.join(i18n::item_sep(lang)),
        width,
    ));
    out.extend(side_products(app, role.side, width));
    let iter = i18n::iteration(lang, &role.iteration);
    out.extend(labelled(&head(l.iteration, &basis.iteration), &iter, width));
    let tools: Vec<&str> = role.key_tools.iter().map(|t| t.get(lang)).collect();
    let tools_label = i18n::dated_label(lang, &head(l.tools, &basis.key_tools), role.examples_from);
    out.extend(labelled(
        &tools_label,
        &tools.join(i18n::list_sep(lang)),
        width,
    ));
    if let Some(w) = role
        .workflow
        .as_deref()
        .and_then(|w| app.catalog.workflow(w))
    {
        out.extend(workflow_lines(w, lang, width));
    }
    if let Some(vs) = &role.vs_ai_engineer {
        out.extend(labelled(
            &head(l.vs_ai, &basis.vs_ai_engineer),
            vs.get(lang),
            width,
        ));
    }
    if !role.facts.is_empty() {
        out.push(Line::styled(l.facts, theme().label));
        for f in &role.facts {
            out.extend(super::wrapped_with_basis(
                lang,
                f.get(lang),
                &f.basis,
                width,
                Style::new(),
                "  • ",
            ));
        }
    }
    out
}

/// What the role's side of the line produces (boundary.yaml's `produces`:
/// weights and endpoints on the left, products on the right); nothing for a
/// role on neither side.
fn side_products(app: &App, side: Side, width: usize) -> Vec<Line<'static>> {
    let b = &app.catalog.boundary;
    let lang = app.lang;
    let Some(part) = (match side {
        Side::Left => Some(&b.producers),
        Side::Right => Some(&b.consumers),
        Side::Neither => None,
    }) else {
        return Vec::new();
    };
    let label = i18n::pane_one_labels(lang)
        .side_produces
        .replace("{side}", part.label.get(lang));
    let mut out = vec![Line::styled(label, theme().label)];
    for item in &part.produces {
        out.extend(wrapped(item.get(lang), width, Style::new(), "  • "));
    }
    out
}

/// "Your readiness: ████░░ 12/30 (40%)" for a role: its skills done out of
/// those that name it, skipped ones left out.
pub fn readiness_lines(app: &App, role: usize, width: usize) -> Vec<Line<'static>> {
    let l = labels(app.lang);
    let t = readiness::role_readiness(&app.catalog, role, &app.state_fn());
    let value = readiness_text(app.lang, t, 10);
    labelled(l.readiness, &value, width)
}

/// "Label: value", wrapped, the label in the label style.
pub fn labelled(label: &str, value: &str, width: usize) -> Vec<Line<'static>> {
    let first = format!("{label}{}", colon(label));
    let mut lines = wrapped(value, width, Style::new(), &first);
    if let Some(line) = lines.first_mut() {
        line.spans[0].style = theme().label;
    }
    lines
}

/// The line's summary, how it can be crossed, and the rough figures.
pub fn about_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    let l = labels(lang);
    let b = &app.catalog.boundary;
    let mut out = wrapped(b.summary.get(lang), width, Style::new(), "");
    out.extend(wrapped(b.permeability.get(lang), width, Style::new(), ""));
    let crossing = i18n::with_basis(lang, l.crossing, &b.crossing.basis);
    out.push(Line::styled(crossing, theme().label));
    for t in [&b.crossing.leftward, &b.crossing.rightward] {
        out.extend(wrapped(t.get(lang), width, Style::new(), "  • "));
    }
    // The 2023 estimates, then the 2024–2026 figures under their own
    // heading and caveat: a later figure never reads as a 2023 one.
    let recent = |f: &&career_core::model::Figure| {
        career_core::model::provenance(&f.basis) == career_core::model::Provenance::Recent
    };
    let (new, old): (Vec<_>, Vec<_>) = b.figures.iter().partition(recent);
    for (heading, figures) in [(l.figures, &old), (l.figures_recent, &new)] {
        if figures.is_empty() {
            continue;
        }
        out.push(Line::styled(heading, theme().label));
        if heading == l.figures_recent {
            out.extend(wrapped(l.figures_caveat, width, theme().dim, "  "));
        }
        for f in figures {
            let first = format!("  {} ", f.value.get(lang));
            let label = f.label.get(lang);
            let mut lines =
                super::wrapped_with_basis(lang, label, &f.basis, width, Style::new(), &first);
            if let Some(line) = lines.first_mut() {
                line.spans[0].style = theme().emphasis;
            }
            out.extend(lines);
        }
    }
    if !b.why.is_empty() {
        out.push(Line::styled(l.why, theme().label));
        for w in &b.why {
            out.extend(wrapped(w.get(lang), width, Style::new(), "  • "));
        }
    }
    out
}
