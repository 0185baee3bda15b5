//! A posting itself is a search target: its title or company finds it, and
//! Enter opens it in pane 4, so nobody walks hundreds of postings with →
//! (issue 21, point 3).

use career_core::model::Lang;
use career_core::search::{Index, Kind, Target};
use career_core::store::loader::load_bundled;
use career_core::store::progress::Progress;
use career_explorer::tui::action::{Action, EditKey, Pane};
use career_explorer::tui::app::App;

#[test]
fn a_posting_is_found_by_its_title_and_its_company() {
    let c = load_bundled().unwrap();
    let index = Index::build(&c);
    let mistral = c
        .postings
        .iter()
        .position(|p| p.id == "mistral_function_calling_2026")
        .expect("the bundled Mistral posting");
    for q in ["function calling architect", "mistral"] {
        let hits = index.query(q, Some(Kind::Posting), 5);
        let targets: Vec<Target> = hits.iter().map(|h| index.entries[h.entry].target).collect();
        assert_eq!(targets.first(), Some(&Target::Posting(mistral)), "{q}");
    }
}

#[test]
fn enter_on_a_posting_opens_it_in_pane_4() {
    let mut a = App::new(load_bundled().unwrap(), Progress::new(), Lang::En);
    a.update(Action::Resize(100, 30));
    let security = a
        .catalog
        .postings
        .iter()
        .position(|p| p.id == "notion_security_2026")
        .expect("the bundled security posting");
    a.update(Action::OpenSearch);
    for ch in "software engineer, security".chars() {
        a.update(Action::Edit(EditKey::Char(ch)));
    }
    let first = a.search().and_then(|s| s.hits.first()).map(|h| h.target);
    assert_eq!(first, Some(Target::Posting(security)));
    a.update(Action::Edit(EditKey::Submit));
    assert!(a.search().is_none());
    assert_eq!((a.pane, a.jobs.posting), (Pane::Jobs, security));
}

#[test]
fn the_search_command_lists_a_posting_with_its_kind() {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("career-explorer").unwrap();
    cmd.env("HOME", home.path());
    for var in [
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_STATE_HOME",
        "XDG_CACHE_HOME",
    ] {
        cmd.env(var, home.path().join(var));
    }
    let out = cmd
        .args([
            "search", "mistral", "--kind", "posting", "--json", "--lang", "en",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v[0]["kind"], "posting", "{text}");
    assert_eq!(v[0]["id"], "mistral_function_calling_2026", "{text}");
}
