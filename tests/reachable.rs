//! Issue 14 point 4: what the data holds can be reached in the app. Here:
//! the workflow notes, which the workflows box cut (or hid) on small
//! terminals, are wrapped in full in the selected role's detail.

use career_explorer::action::Action;
use career_explorer::app::App;
use career_explorer::loader::load_bundled;
use career_explorer::model::Lang;
use career_explorer::progress::Progress;
use career_explorer::ui;

fn text_of(lines: &[ratatui::text::Line]) -> String {
    lines
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words of `s`, so wrapping (which drops spaces at line ends) does not matter.
fn words(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

#[test]
fn every_workflow_note_is_in_full_in_a_role_detail() {
    for lang in [Lang::En, Lang::Zh] {
        let mut a = App::new(load_bundled().unwrap(), Progress::new(), lang);
        a.update(Action::Resize(80, 24));
        let c = a.catalog.clone();
        for w in &c.boundary.workflows {
            let role = c
                .roles
                .iter()
                .find(|r| r.workflow.as_deref() == Some(w.id.as_str()))
                .expect("a role follows each workflow");
            let shown = text_of(&ui::boundary::detail_lines(&a, role, 76));
            let shown_words = words(&shown).join("");
            let note = words(w.note.get(lang)).join("");
            assert!(shown_words.contains(&note), "{lang:?} {}: {shown}", w.id);
        }
    }
}
