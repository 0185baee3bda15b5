//! Evidence in pane 3 (issue 22): `e` opens an editor like the note's, Enter
//! keeps the address dated today, the detail shows it, `u` takes it back.
//! Render snapshots at 80x24 and 160x45, in English and Chinese.

use career_core::model::Lang;
use career_core::store::loader::load_bundled;
use career_core::store::progress::Progress;
use career_explorer::tui::action::{Action, EditKey, Pane};
use career_explorer::tui::app::{App, Effect};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(lang: Lang, w: u16, h: u16) -> App {
    let mut a = App::new(load_bundled().unwrap(), Progress::new(), lang);
    a.clock = || "2026-12-05T09:00:00Z".into();
    a.update(Action::Resize(w, h));
    a
}

fn screen(a: &mut App) -> String {
    let mut t = Terminal::new(TestBackend::new(a.size.width, a.size.height)).unwrap();
    career_explorer::tui::draw(&mut t, a).unwrap();
    t.backend().to_string()
}

fn focus(a: &mut App, id: &str) {
    a.update(Action::GoPane(Pane::Skills));
    a.update(Action::Home);
    let target = a.catalog.skill_index(id).unwrap();
    while a.focused_skill() != Some(target) {
        a.update(Action::Down);
    }
}

fn give_evidence(a: &mut App, id: &str, text: &str) -> Effect {
    focus(a, id);
    a.update(Action::EditEvidence);
    for c in text.chars() {
        a.update(Action::Edit(EditKey::Char(c)));
    }
    a.update(Action::Edit(EditKey::Submit))
}

#[test]
fn evidence_is_edited_shown_dated_and_undone() {
    let mut a = app(Lang::En, 100, 30);
    assert_eq!(
        give_evidence(&mut a, "S01", "github.com/me/compare"),
        Effect::Save
    );
    assert_eq!(
        a.progress.evidence("S01"),
        ("github.com/me/compare", Some("2026-12-05"))
    );
    let s = screen(&mut a);
    assert!(s.contains("github.com/me/compare (2026-12-05)"), "{s}");
    a.update(Action::Undo);
    assert_eq!(a.progress.evidence("S01").0, "");
    // Esc drops the edit.
    focus(&mut a, "S01");
    a.update(Action::EditEvidence);
    a.update(Action::Edit(EditKey::Char('x')));
    a.update(Action::Edit(EditKey::Cancel));
    assert_eq!(a.progress.evidence("S01").0, "");
}

#[test]
fn evidence_snapshots_in_both_languages_and_sizes() {
    for (lang, code) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        for (w, h) in [(80, 24), (160, 45)] {
            let mut a = app(lang, w, h);
            give_evidence(&mut a, "S01", "https://github.com/me/compare");
            let done = a.update(Action::Toggle);
            assert_eq!(done, Effect::Save);
            insta::assert_snapshot!(format!("evidence_{code}_{w}x{h}"), screen(&mut a));
            // The editor open, with its label.
            a.update(Action::EditEvidence);
            let s = screen(&mut a);
            let label = career_core::i18n::plan_labels(lang).evidence;
            assert!(s.contains(&format!("✎ {label}")), "{s}");
        }
    }
}
