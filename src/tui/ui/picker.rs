//! The skill picker over pane 4: the requirement and the skills it names,
//! the filter line, then the skills listed (✓ on those it names already).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::theme::theme;
use super::{popup, render_lines};
use crate::tui::app::App;
use crate::tui::picker::SkillPicker;
use career_core::model::Lang;
use career_core::text;

/// The picker's title and the lead of its list, in `lang`.
fn words(lang: Lang) -> (&'static str, &'static str, &'static str) {
    match lang {
        Lang::En => (
            "Skills of",
            "its skills (Ctrl-D removes the selected one):",
            "type to find a skill to add (name, id or a word ads use)",
        ),
        Lang::Zh => (
            "技能：",
            "已对应的技能（Ctrl-D 移除所选）：",
            "输入以查找要添加的技能（名称、编号或招聘常用词）",
        ),
    }
}

pub fn draw(app: &App, picker: &SkillPicker, frame: &mut Frame, body: Rect) {
    let lang = app.lang;
    let (title_lead, own_lead, hint) = words(lang);
    let Some(r) = app
        .catalog
        .postings
        .get(picker.posting)
        .and_then(|p| p.requirements.get(picker.item))
    else {
        return;
    };
    let sep = if lang == Lang::Zh { "" } else { " " };
    let title = format!(
        "{title_lead}{sep}{} · {}",
        r.id,
        career_core::i18n::required_or_preferred(lang, r.preferred)
    );
    let inner = popup(frame, body, &title);
    if inner.height < 4 || inner.width < 10 {
        return;
    }
    let width = inner.width as usize;
    frame.render_widget(
        Line::styled(text::truncate(r.text.get(lang), width), theme().dim),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    let (shown, cursor_col) = picker.field.view(width.saturating_sub(3));
    frame.render_widget(
        Line::from(vec![Span::styled("+ ", theme().key), Span::raw(shown)]),
        Rect::new(inner.x, inner.y + 1, inner.width, 1),
    );
    frame.set_cursor_position((inner.x + 2 + cursor_col as u16, inner.y + 1));
    let lead = if picker.field.text().trim().is_empty() {
        if r.skill_idx.is_empty() {
            hint
        } else {
            own_lead
        }
    } else {
        hint
    };
    frame.render_widget(
        Line::styled(text::truncate(lead, width), theme().dim),
        Rect::new(inner.x, inner.y + 2, inner.width, 1),
    );
    let list = Rect::new(inner.x, inner.y + 3, inner.width, inner.height - 3);
    let rows = usize::from(list.height).max(1);
    let first = (picker.selected / rows) * rows;
    let lines = picker
        .hits
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, &s)| {
            let skill = &app.catalog.skills[s];
            let mark = if r.skill_idx.contains(&s) {
                "✓ "
            } else {
                "  "
            };
            let words = r
                .evidence
                .get(&skill.id)
                .map(|w| format!(" ← “{}”", w.as_str()))
                .unwrap_or_default();
            let row = format!("{mark}{} {}{words}", skill.id, skill.name.get(lang));
            let line = Line::raw(text::truncate(&row, width));
            if i == picker.selected {
                line.style(theme().selected)
            } else {
                line
            }
        })
        .collect();
    render_lines(frame, list, lines, 0);
}
