//! Issue 23: the Chinese interface uses one term each for posting,
//! requirement, coverage and note (docs/GLOSSARY.md): every pane in Chinese
//! at 80x24 and wide, the overlays, and every command under `--lang zh`.

use crate::common;

use assert_cmd::Command;
use career_core::model::Lang;
use career_explorer::tui::action::{Action, Pane};
use common::{bundled_app, screen};

/// The variants the glossary rules out (就绪度: readiness is 准备度).
const NOT_USED: [&str; 10] = [
    "就绪度",
    "招聘广告",
    "招聘岗位",
    "岗位要求",
    "技能要求",
    "岗位条目",
    "原文旁注",
    "覆盖情况",
    "对应岗位条目",
    "匹配度",
];

/// The glossary's terms only: for the data files and the label source,
/// whose lines also hold English and source citations.
fn check_terms(what: &str, text: &str) {
    let compact = text.replace(' ', "");
    for v in NOT_USED {
        assert!(!compact.contains(v), "{what}: uses {v}\n{text}");
    }
}

/// What the Chinese interface shows: the glossary's terms, and Chinese
/// brackets around Chinese words.
fn check(what: &str, text: &str) {
    check_terms(what, text);
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        for w in chars.windows(3) {
            assert!(
                !(is_cjk(w[0]) && w[1] == ' ' && w[2] == '（'),
                "{what}: a space before a full-width bracket: {line:?}\n{text}"
            );
        }
        if let Some(bad) = half_width_bracket(line) {
            panic!("{what}: half-width brackets in Chinese text: {bad:?}\n{text}");
        }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// A half-width bracket that Chinese typography writes full-width: one
/// right after a Chinese character, or one that holds a Chinese character
/// ("(我们的估计)", "(zh, 文档, 免费)"). Brackets around plain ASCII after
/// ASCII ("Python (3.12)") are left alone. Returns the offending piece.
fn half_width_bracket(line: &str) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c != '(' {
            continue;
        }
        let after_cjk = i > 0 && is_cjk(chars[i - 1]);
        let close = chars[i..].iter().position(|&d| d == ')').map(|j| i + j);
        let inner = &chars[i + 1..close.unwrap_or(chars.len())];
        if after_cjk || inner.iter().any(|&d| is_cjk(d)) {
            let end = close.map_or(chars.len(), |j| j + 1);
            return Some(chars[i.saturating_sub(6)..end].iter().collect());
        }
    }
    None
}

#[test]
fn every_pane_and_overlay_in_chinese_uses_the_glossary_terms() {
    for (w, h) in [(80, 24), (160, 45)] {
        for pane in Pane::ALL {
            let mut app = bundled_app(Lang::Zh);
            app.update(Action::GoPane(pane));
            check(&format!("{pane:?} {w}x{h}"), &screen(&mut app, w, h));
            // Pane 5's other views (demand, postings overview, history).
            for view in 1..4 {
                app.update(Action::NextView);
                check(
                    &format!("{pane:?} view {view} {w}x{h}"),
                    &screen(&mut app, w, h),
                );
            }
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

/// The bundled data's Chinese texts and the Chinese labels use the glossary
/// terms too, whether or not a pane happens to show them.
#[test]
fn the_data_and_the_labels_use_the_glossary_terms() {
    let dir = common::bundled_data();
    for name in career_core::store::loader::FILES {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        for line in text.lines().filter(|l| l.contains("zh")) {
            check_terms(name, line);
        }
    }
    let src = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core/src/i18n.rs"),
    )
    .unwrap();
    check_terms("i18n.rs", &src);
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
        &["plan"],
        &["demand"],
        &["progress", "--history"],
        &["progress", "--help"],
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
