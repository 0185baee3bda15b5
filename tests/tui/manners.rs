//! Terminal manners of the app state (issue 12): Esc never quits from the
//! main view, a paste is text and never keys, the mouse does nothing under
//! the note editor, Ctrl-C keeps a note being written, and a status message
//! is shown whole and stays until the next action.

use crate::common::{app_at, shown};
use career_core::model::Lang;
use career_core::store::progress::State;
use career_explorer::tui;
use career_explorer::tui::action::{Action, EditKey, Pane};
use career_explorer::tui::app::{App, Effect};
use career_explorer::tui::textfield::MAX_PASTE;

fn app(w: u16, h: u16) -> App {
    app_at(Lang::En, w, h)
}

/// The app on pane 3 with the note editor open on S01.
fn editing() -> App {
    let mut a = app(100, 30);
    a.update(Action::GoPane(Pane::Skills));
    a.update(Action::EditNote);
    assert!(a.editor().is_some());
    a
}

#[test]
fn esc_closes_overlays_and_never_quits() {
    let mut a = app(100, 30);
    for pane in Pane::ALL {
        a.update(Action::GoPane(pane));
        a.update(Action::Back);
        assert!(!a.quit, "Esc quit from {pane:?}");
    }
    a.update(Action::ToggleHelp);
    a.update(Action::Back);
    assert!(!a.mode.is_overlay());
    assert!(!a.quit);
    a.update(Action::Quit);
    assert!(a.quit, "q and Ctrl-C quit");
}

#[test]
fn a_paste_is_text_in_the_editor_never_keys() {
    let mut a = editing();
    let effect = a.update(Action::Paste("line one\r\nx q\nL?".into()));
    assert_eq!(effect, Effect::None);
    let ed = a.editor().expect("the editor stays open");
    assert_eq!(ed.field.text(), "line one x q L?");
    assert_eq!(a.state(0), State::NotStarted);
    assert!(!a.quit && a.lang == Lang::En && !a.mode.is_overlay());
    assert_eq!(a.update(Action::Edit(EditKey::Submit)), Effect::Save);
    assert_eq!(a.note(0), "line one x q L?");
    assert_eq!(a.state(0), State::NotStarted);
}

#[test]
fn a_paste_goes_into_the_search_box_and_searches() {
    let mut a = app(100, 30);
    a.update(Action::OpenSearch);
    a.update(Action::Paste("prompt\nengineer".into()));
    let st = a.search().expect("search open");
    assert_eq!(st.field.text(), "prompt engineer");
    assert!(!a.quit);
}

#[test]
fn a_paste_in_the_main_view_is_ignored() {
    let mut a = app(100, 30);
    a.update(Action::GoPane(Pane::Skills));
    let (pane, cursor) = (a.pane, a.skills.cursor);
    // Every one of these is a key binding.
    let effect = a.update(Action::Paste(" xjjj4q?L/".into()));
    assert_eq!(effect, Effect::None);
    assert_eq!((a.pane, a.skills.cursor), (pane, cursor));
    assert!(!a.quit && a.search().is_none() && !a.mode.is_overlay());
    assert_eq!((a.lang, a.state(0)), (Lang::En, State::NotStarted));
}

#[test]
fn a_long_paste_is_cut_with_a_message() {
    let mut a = editing();
    let long = "ab".repeat(MAX_PASTE);
    a.update(Action::Paste(long));
    let ed = a.editor().unwrap();
    assert_eq!(ed.field.text().chars().count(), MAX_PASTE);
    let status = a.status.clone().unwrap_or_default();
    assert_eq!(
        status,
        format!("the paste was cut to its first {MAX_PASTE} characters")
    );
}

#[test]
fn the_mouse_does_nothing_under_the_note_editor() {
    let mut a = editing();
    let before = (a.pane, a.skills.cursor, a.skills.offset, a.state(0));
    for action in [
        Action::Wheel(false),
        Action::Wheel(false),
        Action::Wheel(true),
    ] {
        assert_eq!(a.update(action.clone()), Effect::None, "{action:?}");
        let now = (a.pane, a.skills.cursor, a.skills.offset, a.state(0));
        assert_eq!(now, before, "{action:?} acted beneath the editor");
        assert!(a.editor().is_some());
    }
    for (x, y) in [(4, 3), (20, 0), (10, 10)] {
        let clicked = career_explorer::tui::mouse::click(x, y, a.mode.kind(), &a.layout);
        assert_eq!(clicked, None, "a click at {x},{y} acted beneath the editor");
    }
}

#[test]
fn ctrl_c_in_the_note_editor_keeps_the_draft() {
    let mut a = editing();
    for c in "draft".chars() {
        a.update(Action::Edit(EditKey::Char(c)));
    }
    assert_eq!(a.update(Action::Quit), Effect::Save, "the note is saved");
    assert!(a.quit);
    assert_eq!(a.note(0), "draft");
    assert!(a.dirty.contains("S01"));
}

#[test]
fn a_status_message_stays_until_the_next_action() {
    let mut a = app(100, 30);
    a.status = Some("something to read".into());
    a.update(Action::Resize(120, 40));
    assert_eq!(a.status.as_deref(), Some("something to read"));
    a.update(Action::Down);
    assert_eq!(a.status, None);
}

#[test]
fn a_long_status_message_is_shown_whole() {
    let path = "/tmp/a-rather-long-folder-name/progress.yaml.unreadable-2026-11-29T00-00-00Z";
    let message = format!("progress file was unreadable; kept aside as {path}");
    for (w, h) in [(60, 20), (80, 24), (120, 30)] {
        let mut a = app(w, h);
        a.status = Some(message.clone());
        let s = shown(&mut a);
        let squeezed: String = s
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '"')
            .collect();
        let want: String = message.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(squeezed.contains(&want), "{w}x{h}:\n{s}");
    }
    // A short one stays at the right of the status line, beside the hints.
    let mut a = app(100, 30);
    a.status = Some("not saved: disk full".into());
    let s = shown(&mut a);
    let last = s.lines().nth(29).unwrap();
    assert!(
        last.contains("not saved: disk full") && last.contains("? help"),
        "{s}"
    );
}

#[test]
fn a_lock_error_names_the_lock_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.yaml");
    let lock = dir.path().join("p.yaml.lock");
    // A folder where the lock file should be: it cannot be opened for writing.
    std::fs::create_dir(&lock).unwrap();
    let mut a = app(100, 30);
    a.update(Action::GoPane(Pane::Skills));
    assert_eq!(a.update(Action::Toggle), Effect::Save);
    tui::save(&mut a, &path);
    let status = a.status.clone().unwrap_or_default();
    assert!(
        status.contains(&format!("lock file {}", lock.display())),
        "{status}"
    );
    // In Chinese the status line says it in Chinese (issue 23 point 2).
    let mut a = app_at(Lang::Zh, 100, 30);
    a.update(Action::GoPane(Pane::Skills));
    assert_eq!(a.update(Action::Toggle), Effect::Save);
    tui::save(&mut a, &path);
    let status = a.status.clone().unwrap_or_default();
    assert_eq!(
        status,
        format!(
            "未保存：锁文件 {}：不是普通文件（而是文件夹）",
            lock.display()
        )
    );
}
