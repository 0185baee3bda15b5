//! Issue 23: the Chinese interface uses one term each for posting,
//! requirement, coverage and note (docs/GLOSSARY.md): every pane in Chinese
//! at 80x24 and wide, the overlays, and every command under `--lang zh`.

use crate::common;

use assert_cmd::Command;
use career_core::model::Lang;
use career_explorer::tui::action::{Action, Pane};
use common::{bundled_app, screen};

/// The variants the glossary rules out.
const NOT_USED: [&str; 10] = [
    "招聘广告",
    "招聘岗位",
    "岗位要求",
    "技能要求",
    "岗位条目",
    "原文旁注",
    "覆盖情况",
    "对应岗位条目",
    "匹配度",
    "就绪度",
];

fn check(what: &str, text: &str) {
    let compact = text.replace(' ', "");
    for v in NOT_USED {
        assert!(!compact.contains(v), "{what}: uses {v}\n{text}");
    }
}

#[test]
fn every_pane_and_overlay_in_chinese_uses_the_glossary_terms() {
    for (w, h) in [(80, 24), (160, 45)] {
        for pane in Pane::ALL {
            let mut app = bundled_app(Lang::Zh);
            app.update(Action::GoPane(pane));
            check(&format!("{pane:?} {w}x{h}"), &screen(&mut app, w, h));
            for overlay in [Action::ToggleHelp, Action::ToggleNotes] {
                let mut app = bundled_app(Lang::Zh);
                app.update(Action::GoPane(pane));
                app.update(overlay.clone());
                for _ in 0..12 {
                    check(&format!("{overlay:?} {w}x{h}"), &screen(&mut app, w, h));
                    app.update(Action::PageDown);
                }
            }
        }
    }
}

#[test]
fn every_command_in_chinese_uses_the_glossary_terms() {
    let home = tempfile::tempdir().unwrap();
    for args in [
        &["roles"][..],
        &["show", "ai_engineer"],
        &["compare", "ml_engineer", "ai_engineer"],
        &["skills"],
        &["notes"],
        &["progress"],
        &["export", "--format", "markdown"],
        &["postings"],
        &["profile"],
        &["gap", "--role", "fullstack_engineer"],
        &["search", "要求"],
        &["validate"],
        &["--help"],
    ] {
        let out = Command::cargo_bin("career-explorer")
            .unwrap()
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .args(["--lang", "zh"])
            .args(args)
            .output()
            .unwrap();
        check(&format!("{args:?}"), &String::from_utf8_lossy(&out.stdout));
        check(&format!("{args:?}"), &String::from_utf8_lossy(&out.stderr));
    }
}
