//! The checklist's rows: category headers, skills and their notes, in the
//! grouped order of the checklist (`App::groups`: one layer's, or all). Plain arithmetic over the catalog and the
//! tallies, shared by drawing (which rows show) and by the keys (keeping the
//! cursor in view); nothing here draws.

use crate::tui::app::App;

/// A row of the grouped list: a category header, a skill, or a skill's note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Header(usize),
    Skill { skill: usize, pos: usize },
    Note(usize),
}

/// How many rows a skill takes: one, plus one for its note.
fn skill_rows(app: &App, skill: usize) -> usize {
    1 + usize::from(app.tallies.has_note[skill])
}

/// Rows a whole group takes: its header, its skills and their notes.
fn group_rows(app: &App, g: usize) -> usize {
    1 + app.groups.groups[g].skills.len() + app.tallies.notes[g]
}

/// Row number of the skill at cursor position `pos` (headers and notes count).
/// Whole groups before it count by their totals; only its own group is walked.
pub fn row_of(app: &App, pos: usize) -> usize {
    let Some((g, _)) = app.groups.skill_at(pos) else {
        return total_rows(app).saturating_sub(1);
    };
    let mut row: usize = (0..g).map(|g| group_rows(app, g)).sum::<usize>() + 1;
    let before = pos - app.groups.starts[g];
    if app.tallies.notes[g] == 0 {
        // No notes in the group: one row a skill.
        return row + before;
    }
    for &skill in &app.groups.groups[g].skills[..before] {
        row += skill_rows(app, skill);
    }
    row
}

/// All rows of the list.
pub fn total_rows(app: &App) -> usize {
    app.groups.groups.len() + app.groups.len() + app.tallies.notes_total
}

/// The rows from `offset`, at most `count`. Whole groups above the window are
/// skipped by their row count, without building their rows.
pub fn rows(app: &App, offset: usize, count: usize) -> Vec<Row> {
    let mut out = Vec::with_capacity(count);
    let mut row = 0;
    let mut pos = 0;
    let push = |out: &mut Vec<Row>, row: &mut usize, r: Row| {
        if *row >= offset && out.len() < count {
            out.push(r);
        }
        *row += 1;
    };
    for (gi, g) in app.groups.groups.iter().enumerate() {
        if out.len() == count {
            break;
        }
        let span = group_rows(app, gi);
        if row + span <= offset {
            row += span;
            pos += g.skills.len();
            continue;
        }
        push(&mut out, &mut row, Row::Header(g.category));
        // Without notes, the skills above the window skip by arithmetic.
        let mut skip = 0;
        if app.tallies.notes[gi] == 0 && offset > row {
            skip = (offset - row).min(g.skills.len());
            row += skip;
            pos += skip;
        }
        for &skill in &g.skills[skip..] {
            push(&mut out, &mut row, Row::Skill { skill, pos });
            if app.tallies.has_note[skill] {
                push(&mut out, &mut row, Row::Note(skill));
            }
            pos += 1;
        }
    }
    out
}
