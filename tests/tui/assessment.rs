//! The self-assessment through `App::update`: skill states, notes typed in the
//! editor (Chinese too), readiness per role and the job pane's next skills.

use crate::common::{app_at, focus_skill, shown, terminal, type_text};
use career_core::model::Lang;
use career_core::store::progress::State;
use career_explorer::tui::action::{Action, EditKey, Pane};
use career_explorer::tui::app::{App, Effect};

fn app() -> App {
    app_at(Lang::En, 100, 30)
}

fn row<'a>(s: &'a str, id: &str) -> &'a str {
    s.lines().find(|l| l.contains(&format!(" {id} "))).unwrap()
}

#[test]
fn each_state_has_its_own_checkbox_and_keys_toggle_back() {
    let mut a = app();
    focus_skill(&mut a, "S02");
    assert_eq!(a.update(Action::ToggleLearning), Effect::Save);
    assert!(row(&shown(&mut a), "S02").contains("[~] S02"));
    a.update(Action::ToggleSkipped);
    assert!(row(&shown(&mut a), "S02").contains("[-] S02"));
    a.update(Action::Toggle);
    assert!(row(&shown(&mut a), "S02").contains("[x] S02"));
    a.update(Action::Toggle);
    assert!(row(&shown(&mut a), "S02").contains("[ ] S02"));
    assert_eq!(a.progress.state("S02"), State::NotStarted);
    assert!(a.dirty.contains("S02"), "the change is queued for saving");
    let entry = &a.progress.skills["S02"];
    assert_eq!(entry.changed.as_deref(), Some("2026-11-29T00:00:00Z"));
}

#[test]
fn skipped_skills_leave_the_denominators() {
    let mut a = app();
    focus_skill(&mut a, "S01");
    a.update(Action::Toggle);
    let s = shown(&mut a);
    assert!(s.contains("Skills checklist · all layers · 1/137"), "{s}");
    let header = s.lines().find(|l| l.contains("Model literacy")).unwrap();
    assert!(header.contains("1/7"), "{header}");
    focus_skill(&mut a, "S02");
    a.update(Action::ToggleSkipped);
    let s = shown(&mut a);
    assert!(s.contains("Skills checklist · all layers · 1/136"), "{s}");
    let header = s.lines().find(|l| l.contains("Model literacy")).unwrap();
    assert!(header.contains("1/6"), "{header}");
}

#[test]
fn a_note_is_typed_edited_and_shown_under_the_skill() {
    let mut a = app();
    focus_skill(&mut a, "S11");
    a.update(Action::EditNote);
    assert!(a.editor().is_some());
    type_text(&mut a, "did the RAG tutoral");
    // Fix the typo in the middle: cursor left 2, insert 'i'.
    a.update(Action::Edit(EditKey::Left));
    a.update(Action::Edit(EditKey::Left));
    a.update(Action::Edit(EditKey::Char('i')));
    a.update(Action::Edit(EditKey::End));
    type_text(&mut a, ", need evals");
    assert!(shown(&mut a).contains("✎ Note: did the RAG tutorial, need evals"));
    assert_eq!(a.update(Action::Edit(EditKey::Submit)), Effect::Save);
    assert!(a.editor().is_none());
    assert_eq!(a.progress.note("S11"), "did the RAG tutorial, need evals");
    let s = shown(&mut a);
    let lines: Vec<&str> = s.lines().collect();
    let at = lines.iter().position(|l| l.contains(" S11 ")).unwrap();
    assert!(
        lines[at + 1].contains("✎ did the RAG tutorial, need evals"),
        "{s}"
    );
    // Keys typed in the editor do not act as commands: 'q' is text.
    a.update(Action::EditNote);
    type_text(&mut a, " q");
    assert!(!a.quit);
    a.update(Action::Edit(EditKey::Cancel));
    assert_eq!(
        a.progress.note("S11"),
        "did the RAG tutorial, need evals",
        "Esc drops the edit"
    );
}

#[test]
fn chinese_notes_work_with_the_cursor() {
    let mut a = app();
    focus_skill(&mut a, "S06");
    a.update(Action::EditNote);
    type_text(&mut a, "提示工程");
    a.update(Action::Edit(EditKey::Left));
    a.update(Action::Edit(EditKey::Left));
    type_text(&mut a, "词");
    a.update(Action::Edit(EditKey::Backspace));
    a.update(Action::Edit(EditKey::Home));
    a.update(Action::Edit(EditKey::Delete));
    a.update(Action::Edit(EditKey::Submit));
    assert_eq!(a.progress.note("S06"), "示工程");
    let s = shown(&mut a);
    assert!(s.contains("✎ 示工程"), "{s}");
}

#[test]
fn the_editor_puts_the_cursor_after_the_text() {
    let mut a = app();
    focus_skill(&mut a, "S01");
    a.update(Action::EditNote);
    type_text(&mut a, "提示");
    let mut t = terminal(&mut a, 100, 30);
    let pos = t.get_cursor_position().unwrap();
    let s = t.backend().to_string();
    let line = s.lines().nth(pos.y as usize).unwrap();
    assert!(
        line.contains("✎ Note: 提示"),
        "the cursor is on the editor line: {line}"
    );
    // "│✎ Note: " is 9 columns, then two wide characters.
    assert_eq!(pos.x, 9 + 4, "{line}");
}

#[test]
fn role_readiness_shows_on_boundary_and_compare() {
    let mut a = app();
    let s = shown(&mut a);
    let needed = a.catalog.index.role_skill_count[a.catalog.role_index("ai_engineer").unwrap()];
    assert!(
        s.contains(&format!("Your readiness: ░░░░░░░░░░ 0/{needed} (0%)")),
        "{s}"
    );
    focus_skill(&mut a, "S01");
    a.update(Action::Toggle);
    a.update(Action::GoPane(Pane::Boundary));
    assert!(shown(&mut a).contains(&format!("1/{needed}")));
    a.update(Action::GoPane(Pane::Compare));
    // Scroll the table until the readiness row is on screen.
    let mut s = shown(&mut a);
    for _ in 0..40 {
        if s.contains("Your readiness") {
            break;
        }
        a.update(Action::PageDown);
        s = shown(&mut a);
    }
    let row = s
        .lines()
        .find(|l| l.contains("Your readiness"))
        .expect("row shown");
    assert!(row.contains(&format!("1/{needed}")), "{row}");
}

#[test]
fn the_job_pane_suggests_next_skills_and_they_change_as_you_learn() {
    let mut a = app();
    a.update(Action::GoPane(Pane::Jobs));
    // Page sizes come from the last draw, as in the terminal loop.
    shown(&mut a);
    a.update(Action::PageDown);
    let s = shown(&mut a);
    assert!(s.contains("Next skills to learn"), "{s}");
    let first = s
        .lines()
        .skip_while(|l| !l.contains("Next skills to learn"))
        .nth(1)
        .unwrap()
        .to_string();
    let id = first
        .split_whitespace()
        .find(|w| w.starts_with('S'))
        .unwrap()
        .to_string();
    // Learn the first suggestion: it leaves the list.
    focus_skill(&mut a, &id);
    a.update(Action::Toggle);
    a.update(Action::GoPane(Pane::Jobs));
    a.update(Action::PageDown);
    let s = shown(&mut a);
    let after: Vec<&str> = s
        .lines()
        .skip_while(|l| !l.contains("Next skills to learn"))
        .collect();
    assert!(
        !after.iter().take(6).any(|l| l.contains(&format!(" {id} "))),
        "{s}"
    );
}
