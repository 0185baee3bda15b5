//! Issue 19, point 5 and the evidence check of point 4: correcting a
//! requirement of one of your own postings, on the command line
//! (`postings edit`) and in pane 4 (the skill picker, required ↔
//! preferred, undo). HOME and XDG_* point at temp folders.

use std::path::PathBuf;

use assert_cmd::Command;
use career_core::model::Lang;
use career_core::store::loader::load_bundled;
use career_core::store::progress::Progress;
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::App;
use career_explorer::tui::mode::ModeKind;
use career_explorer::tui::picker::flush_posting_writes;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// An own posting as a person might write it: comments, a flow list, a
/// block list with evidence.
const OWN: &str = "# My notes on the Mixco ad.
id: own_mix
company: Mixco
title: AI Engineer
role: ai_engineer
source: written for this test
responsibilities: []
requirements:
- id: Q1
  text: Python, Go or Java   # they said any of these
  skills: [python, go, java]
  any_of: true
- id: Q3
  text: Kubernetes in production
  skills:
  - kubernetes
  - docker
  evidence:
    kubernetes: Kubernetes
    docker: production containers
- id: Q4
  text: A degree in a related field
";

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        let h = Home { dir };
        std::fs::create_dir_all(h.postings()).unwrap();
        std::fs::write(h.file(), OWN).unwrap();
        h
    }

    fn postings(&self) -> PathBuf {
        self.dir.path().join("data/career-explorer/postings")
    }

    fn file(&self) -> PathBuf {
        self.postings().join("own_mix.yaml")
    }

    fn text(&self) -> String {
        std::fs::read_to_string(self.file()).unwrap()
    }

    fn run(&self, lang: &str, args: &[&str]) -> (i32, String, String) {
        let d = self.dir.path();
        let o = Command::cargo_bin("career-explorer")
            .unwrap()
            .env("HOME", d)
            .env("XDG_DATA_HOME", d.join("data"))
            .env("XDG_CONFIG_HOME", d.join("config"))
            .env("XDG_CACHE_HOME", d.join("cache"))
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .args(["--lang", lang])
            .args(args)
            .output()
            .unwrap();
        (
            o.status.code().unwrap_or(-1),
            String::from_utf8(o.stdout).unwrap(),
            String::from_utf8(o.stderr).unwrap(),
        )
    }

    /// The app on the bundled catalog and this home's own postings.
    fn app(&self) -> App {
        let mut c = load_bundled().unwrap();
        let problems = career_core::store::own::attach(&mut c, &self.postings());
        assert!(problems.is_empty(), "{problems:?}");
        App::new(c, Progress::new(), Lang::En)
    }
}

#[test]
fn postings_edit_changes_only_that_requirement_and_the_file_still_loads() {
    let h = Home::new();
    let (code, out, err) = h.run(
        "en",
        &[
            "postings",
            "edit",
            "own_mix",
            "Q3",
            "--add",
            "rag",
            "--remove",
            "kubernetes",
            "--preferred",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("own_mix Q3: skills kubernetes, docker → docker, rag; required → preferred"),
        "{out}"
    );
    let want = OWN.replace(
        "  skills:\n  - kubernetes\n  - docker\n  evidence:\n    kubernetes: Kubernetes\n    docker: production containers\n",
        "  skills:\n  - docker\n  - rag\n  preferred: true\n  evidence:\n    docker: production containers\n",
    );
    assert_eq!(h.text(), want, "only Q3 changed, comments and layout kept");
    // No temp file left beside it.
    let names: Vec<_> = std::fs::read_dir(h.postings()).unwrap().collect();
    assert_eq!(names.len(), 1);
    // It loads, and every surface sees the change.
    let (code, json, err) = h.run("en", &["postings", "show", "own_mix", "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "no problem with the file: {err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let q3 = &v["requirements"][1];
    assert_eq!(q3["skills"], serde_json::json!(["docker", "rag"]));
    assert_eq!(q3["preferred"], true);
    assert_eq!(
        q3["evidence"],
        serde_json::json!({"docker": "production containers"})
    );
    // A flow list stays a flow list, its comment kept; back to required.
    let (code, _, err) = h.run(
        "en",
        &["postings", "edit", "own_mix", "Q1", "--remove", "java"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        h.text()
            .contains("  skills: [python, go]\n  any_of: true\n"),
        "{}",
        h.text()
    );
    assert!(h.text().contains("# they said any of these"));
    let (code, out, _) = h.run("zh", &["postings", "edit", "own_mix", "Q3", "--required"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("加分项 → 必需") && out.contains("已保存"),
        "{out}"
    );
    assert!(
        !h.text().contains("preferred"),
        "false is the default: {}",
        h.text()
    );
}

#[test]
fn bad_ids_and_bundled_postings_are_refused_in_both_languages() {
    let h = Home::new();
    let cases: [(&[&str], &str, &str); 6] = [
        (
            &[
                "postings",
                "edit",
                "notion_ai_engineer",
                "NQ1",
                "--add",
                "python",
            ],
            "bundled posting and is read-only",
            "内置招聘启事，只读",
        ),
        (
            &["postings", "edit", "nope", "Q1", "--add", "python"],
            "no posting `nope`",
            "没有招聘启事",
        ),
        (
            &["postings", "edit", "own_mix", "Q9", "--add", "python"],
            "has no requirement `Q9`; its requirements: Q1, Q3, Q4",
            "没有任职要求 `Q9`",
        ),
        (
            &["postings", "edit", "own_mix", "Q1", "--add", "cobol_x"],
            "no skill `cobol_x`",
            "没有技能",
        ),
        (
            &["postings", "edit", "own_mix", "Q1", "--remove", "rag"],
            "does not name skill `rag`",
            "没有对应技能",
        ),
        (
            &[
                "postings",
                "edit",
                "own_mix",
                "Q1",
                "--preferred",
                "--required",
            ],
            "cannot be used with",
            "",
        ),
    ];
    for (args, en, zh) in cases {
        let (code, out, err) = h.run("en", args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.contains(en), "{args:?}: {err}");
        assert!(err.contains(zh), "{args:?}: {err}");
        assert_eq!(h.text(), OWN, "{args:?}: the file is untouched");
    }
}

#[test]
fn evidence_for_a_skill_the_item_does_not_name_is_reported_where_it_is() {
    let h = Home::new();
    std::fs::write(
        h.file(),
        OWN.replace(
            "    docker: production containers\n",
            "    docker: production containers\n    rust: Rust\n",
        ),
    )
    .unwrap();
    let (code, _, err) = h.run("en", &["postings"]);
    assert_eq!(code, 0, "the app still runs: {err}");
    let line = OWN
        .lines()
        .position(|l| l.contains("docker: production"))
        .unwrap()
        + 2;
    assert!(
        err.contains(&format!("own_mix.yaml:{line}:5")) && err.contains("evidence for `rust`"),
        "{err}"
    );
    // The same check on a --data folder: file, line and column.
    let data = tempfile::tempdir().unwrap();
    let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for name in career_core::store::loader::FILES {
        std::fs::copy(bundled.join(name), data.path().join(name)).unwrap();
    }
    let postings = std::fs::read_to_string(data.path().join("postings.yaml")).unwrap();
    let anchor = "        min_years: 8\n";
    assert!(postings.contains(anchor));
    let edited = postings.replacen(
        anchor,
        &format!("{anchor}        evidence: {{S99: words}}\n"),
        1,
    );
    std::fs::write(data.path().join("postings.yaml"), &edited).unwrap();
    let line = edited[..edited.find("S99: words").unwrap()].lines().count();
    let (code, _, err) = h.run("en", &["validate", "--data", data.path().to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(
        err.contains(&format!("postings.yaml:{line}:")) && err.contains("evidence for `S99`"),
        "{err}"
    );
    // The bundled data passes.
    assert!(load_bundled().is_ok());
}

fn key(app: &mut App, code: KeyCode, ctrl: bool) {
    let m = if ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    let action = app
        .keys
        .action_for(app.mode.kind(), KeyEvent::new(code, m))
        .unwrap_or_else(|| panic!("{code:?} does nothing in {:?}", app.mode.kind()));
    app.update(action);
    // What the terminal loop does after every update.
    flush_posting_writes(app);
}

fn screen(app: &mut App) -> String {
    app.update(Action::Resize(120, 40));
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| {
        let layout = career_explorer::tui::ui::draw(app, f);
        app.set_layout(layout);
    })
    .unwrap();
    let buf = t.backend().buffer().clone();
    (0..40)
        .map(|y| {
            (0..120)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                + "\n"
        })
        .collect()
}

#[test]
fn the_picker_adds_and_removes_skills_and_undo_puts_the_file_back() {
    let h = Home::new();
    let mut app = h.app();
    app.update(Action::GoPane(Pane::Jobs));
    e_on_a_bundled_posting_says_why_not(&mut app);
    to_own_q3(&mut app);
    pick_rag(&h, &mut app);
    ctrl_d_takes_kubernetes_off(&h, &mut app);
    t_makes_it_preferred(&h, &mut app);
    undo_thrice_then_redo(&h, &mut app);
}

/// On a bundled posting, `e` only says why not.
fn e_on_a_bundled_posting_says_why_not(app: &mut App) {
    key(app, KeyCode::Char('e'), false);
    assert_eq!(app.mode.kind(), ModeKind::Normal);
    assert!(
        app.status.as_deref().unwrap().contains("read-only"),
        "{:?}",
        app.status
    );
}

/// To the own posting (the last) and its Q3 (the second requirement): its
/// evidence, its any-of requirement and the edit hint show.
fn to_own_q3(app: &mut App) {
    app.update(Action::End);
    for _ in 0..app.catalog.postings.len() {
        app.update(Action::Right);
    }
    app.update(Action::Home);
    app.update(Action::Down);
    let s = screen(app);
    assert!(
        s.contains("kubernetes Kubernetes ← “Kubernetes”"),
        "evidence shown: {s}"
    );
    assert!(s.contains("any one of: Python, Go or Java"), "{s}");
    assert!(
        s.contains("e edit skills"),
        "the hint shows on your posting: {s}"
    );
}

/// `e` opens the picker (Q3's skills first); typing finds rag, Enter on it
/// adds it to the file.
fn pick_rag(h: &Home, app: &mut App) {
    key(app, KeyCode::Char('e'), false);
    assert_eq!(app.mode.kind(), ModeKind::PickSkill);
    let s = screen(app);
    assert!(s.contains("Skills of Q3"), "{s}");
    assert!(s.contains("✓ kubernetes"), "its skills first: {s}");
    assert!(s.contains("Enter add it"), "the picker's keys: {s}");
    for c in "retrieval aug".chars() {
        key(app, KeyCode::Char(c), false);
    }
    let s = screen(app);
    assert!(s.contains("rag Retrieval-augmented generation"), "{s}");
    // Down to it, as a person would.
    let rag = app.catalog.skill_index("rag").unwrap();
    let at = match &app.mode {
        career_explorer::tui::mode::Mode::PickSkill(p) => p.hits.iter().position(|&s| s == rag),
        _ => None,
    };
    for _ in 0..at.expect("rag listed") {
        key(app, KeyCode::Down, false);
    }
    key(app, KeyCode::Enter, false);
    assert!(
        h.text().contains("  - kubernetes\n  - docker\n  - rag\n"),
        "{}",
        h.text()
    );
}

/// Back to the empty query: its skills, then Ctrl-D takes the first off,
/// with its evidence; Esc closes the picker.
fn ctrl_d_takes_kubernetes_off(h: &Home, app: &mut App) {
    for _ in 0.."retrieval aug".len() {
        key(app, KeyCode::Backspace, false);
    }
    key(app, KeyCode::Char('d'), true);
    assert!(
        h.text().contains(
            "  skills:\n  - docker\n  - rag\n  evidence:\n    docker: production containers\n"
        ),
        "kubernetes and its evidence gone: {}",
        h.text()
    );
    key(app, KeyCode::Esc, false);
    assert_eq!(app.mode.kind(), ModeKind::Normal);
}

/// `t` turns the requirement preferred, in the file and on screen.
fn t_makes_it_preferred(h: &Home, app: &mut App) {
    key(app, KeyCode::Char('t'), false);
    assert!(h.text().contains("  preferred: true\n"), "{}", h.text());
    let s = screen(app);
    assert!(s.contains("Kubernetes in production (preferred)"), "{s}");
}

/// Three steps back: the file is as the user wrote it; and redo does it
/// again.
fn undo_thrice_then_redo(h: &Home, app: &mut App) {
    for _ in 0..3 {
        key(app, KeyCode::Char('u'), false);
    }
    assert!(
        app.status
            .as_deref()
            .unwrap()
            .starts_with("undid: own_mix Q3"),
        "{:?}",
        app.status
    );
    assert_eq!(
        h.text(),
        OWN,
        "skills, evidence and kind as the user wrote them"
    );
    key(app, KeyCode::Char('r'), true);
    assert!(h.text().contains("  - rag\n"), "{}", h.text());
}
