//! Issue 14 point 4: what the data holds can be reached in the app. Here:
//! the workflow notes, which the workflows box cut (or hid) on small
//! terminals, are wrapped in full in the selected role's detail.

use crate::common::{Home, bin, bundled_app, screen, type_text};
use career_core::model::Lang;
use career_core::store::loader::load_bundled;
use career_explorer::tui::action::Action;
use career_explorer::tui::ui;

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
        let mut a = bundled_app(lang);
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

/// Search finds the about overlay's notes, and Enter opens the overlay at
/// the note (issue 14 point 4).
#[test]
fn search_finds_a_note_and_opens_the_about_overlay_there() {
    use career_explorer::tui::action::EditKey;
    use career_explorer::tui::mode::ModeKind;
    for (lang, query) in [(Lang::En, "contempt chain"), (Lang::Zh, "鄙视链")] {
        let mut a = bundled_app(lang);
        a.update(Action::Resize(80, 24));
        a.update(Action::OpenSearch);
        type_text(&mut a, query);
        a.update(Action::Edit(EditKey::Submit));
        assert_eq!(a.mode.kind(), ModeKind::Notes, "{query}");
        let screen = screen(&mut a, 80, 24);
        assert!(a.overlay_scroll > 0, "scrolled to the note");
        let note = a
            .catalog
            .about_notes()
            .find(|n| n.id == "contempt_chain")
            .unwrap();
        let title: String = note.title.get(lang).chars().take(6).collect();
        let on_screen: String = screen.split_whitespace().collect();
        assert!(on_screen.contains(&title.replace(' ', "")), "{screen}");
    }
}

/// `search --kind note` lists notes only.
#[test]
fn search_command_lists_notes() {
    let out = bin()
        .args(["search", "--kind", "note", "--json", "android"])
        .output()
        .unwrap();
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["kind"] == "note"), "{hits:?}");
    assert!(hits.iter().any(|h| h["id"] == "android_wave"), "{hits:?}");
}

/// `career-explorer notes [ID]` prints the about overlay's notes (issue 14
/// point 4): all of them, or one; an unknown id is bad input (exit 2).
#[test]
fn notes_command_prints_the_about_notes() {
    let run = |args: &[&str]| bin().args(args).output().unwrap();
    let c = load_bundled().unwrap();
    let all = String::from_utf8(run(&["notes"]).stdout).unwrap();
    for n in c.about_notes() {
        assert!(all.contains(&format!("[{}]", n.id)), "{}", n.id);
    }
    for s in &c.notes.sources {
        // URLs are printed whole; "none" (no address, which the title
        // says) is not printed as a word.
        for url in s.url.split(" ; ").filter(|u| *u != "none") {
            assert!(all.lines().any(|l| l.contains(url)), "{url}");
        }
    }
    assert!(!all.lines().any(|l| l.trim() == "none"), "{all}");
    let one = String::from_utf8(run(&["--lang", "zh", "notes", "android_wave"]).stdout).unwrap();
    assert!(
        one.contains("[android_wave]") && !one.contains("[contempt_chain]"),
        "{one}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&run(&["notes", "--json", "karpathy_reply"]).stdout).unwrap();
    assert_eq!(json[0]["id"], "karpathy_reply");
    let bad = run(&["notes", "nope"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown note `nope`"));
}

/// Compare has Also-called and Facts rows (issue 14 point 4): the facts of
/// every role, on the spectrum or not, can be read in the app.
#[test]
fn compare_shows_every_roles_facts_and_other_titles() {
    use career_core::store::progress::State;
    let c = load_bundled().unwrap();
    let none = |_: usize| State::NotStarted;
    for lang in [Lang::En, Lang::Zh] {
        let l = career_core::i18n::labels(lang);
        for (i, r) in c.roles.iter().enumerate() {
            let other = usize::from(i == 0);
            let dims = career_core::present::dims(&c, [i, other], &none, lang);
            let facts = dims
                .iter()
                .find(|d| d.label == l.facts)
                .expect("a Facts row");
            let shown = facts.cells[0].join(" ");
            for f in &r.facts {
                assert!(shown.contains(f.get(lang)), "{}: {shown}", r.id);
            }
            let aliases = dims
                .iter()
                .find(|d| d.label == l.aliases)
                .expect("an Also-called row");
            for a in &r.aliases {
                assert!(aliases.cells[0].join(" ").contains(a.get(lang)), "{}", r.id);
            }
        }
    }
}

/// The export carries a posting's responsibilities, with the ★ of the
/// emphasised ones (review (g)).
#[test]
fn the_export_has_the_responsibilities() {
    let run = |args: &[&str]| {
        let out = Home::new().cmd().args(args).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let md = run(&["export", "--format", "markdown"]);
    assert!(md.contains("- ★ NR1 ") && md.contains("- NR3 "), "{md}");
    let json: serde_json::Value =
        serde_json::from_str(&run(&["export", "--format", "json"])).unwrap();
    let r = &json["postings"][0]["responsibilities"];
    assert_eq!(r[0]["id"], "NR1");
    assert_eq!(r[0]["emphasis"], true);
    assert_eq!(r[2]["emphasis"], false);
}
