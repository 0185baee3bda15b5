//! USABILITY-REVIEW item I9: `skills set` sets skill states, notes and
//! evidence from the command line, through the store the app saves with
//! (the dated history record, the per-field merge with hand edits, the
//! refusal of a file that does not read), all or nothing. HOME and XDG_*
//! point at temp folders.

use std::path::PathBuf;

use career_core::model::Lang;
use career_core::store::loader::load_bundled;
use career_core::store::progress::{self, State};
use career_explorer::tui::app::App;

use crate::common::Home;

/// A home and its progress file (not written yet).
fn home() -> (Home, PathBuf) {
    let home = Home::new();
    let path = home.path().join("progress.yaml");
    (home, path)
}

/// Runs the binary with `--progress path` and `args`: (status, stdout, stderr).
fn run(home: &Home, path: &std::path::Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = home
        .cmd()
        .arg("--progress")
        .arg(path)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn today() -> String {
    progress::now_rfc3339()[..10].to_string()
}

/// The entry of `id` in `skills --json`.
fn listed(home: &Home, path: &std::path::Path, id: &str) -> serde_json::Value {
    let (code, out, err) = run(home, path, &["skills", "--json"]);
    assert_eq!(code, Some(0), "{err}");
    let all: serde_json::Value = serde_json::from_str(&out).unwrap();
    all.as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap()
        .clone()
}

#[test]
fn a_state_set_shows_in_skills_json_and_in_the_app() {
    let (home, path) = home();
    let (code, out, err) = run(
        &home,
        &path,
        &["skills", "set", "python", "--state", "done"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(err, "");
    assert_eq!(
        out,
        format!(
            "python Python: not started → done\nsaved {}\n",
            path.display()
        )
    );
    assert_eq!(listed(&home, &path, "python")["state"], "done");
    // The app reads the same file and shows the skill done.
    let catalog = load_bundled().unwrap();
    let s = catalog.skill_index("python").unwrap();
    let app = App::new(catalog, progress::load(&path).unwrap(), Lang::En);
    assert_eq!(app.state(s), State::Done);
    // `skills` lists it ticked.
    let (_, list, _) = run(&home, &path, &["skills"]);
    assert!(list.contains("[x] python Python"), "{list}");
}

#[test]
fn a_state_change_gains_a_dated_history_record() {
    let (home, path) = home();
    let (code, _, err) = run(
        &home,
        &path,
        &["skills", "set", "rag", "--state", "learning"],
    );
    assert_eq!(code, Some(0), "{err}");
    let p = progress::load(&path).unwrap();
    let last = p.history.last().expect("a record");
    assert_eq!(
        (last.date.as_str(), last.skill.as_str(), last.state),
        (today().as_str(), "rag", State::Learning)
    );
    assert!(
        p.skills["rag"]
            .changed
            .as_deref()
            .unwrap()
            .starts_with(&today())
    );
    let (code, out, _) = run(&home, &path, &["progress", "--history"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("rag"), "{out}");
    // The same state again changes nothing: no new record, the file untouched.
    let before = std::fs::read(&path).unwrap();
    let (code, out, _) = run(
        &home,
        &path,
        &["skills", "set", "rag", "--state", "learning"],
    );
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with(
            "rag Retrieval-augmented generation (RAG): learning (unchanged)\nnothing changed;"
        ),
        "{out}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_note_and_evidence_are_saved() {
    let (home, path) = home();
    let args = [
        "skills",
        "set",
        "python",
        "--note",
        "  scripts at work  ",
        "--evidence",
        "https://github.com/me/tools",
        "--evidence-date",
        "2026-11-30",
    ];
    let (code, out, err) = run(&home, &path, &args);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with(
            "python Python: note “scripts at work”; evidence “https://github.com/me/tools” (2026-11-30)\n"
        ),
        "{out}"
    );
    let p = progress::load(&path).unwrap();
    let e = &p.skills["python"];
    assert_eq!(e.note, "scripts at work");
    assert_eq!(e.evidence, "https://github.com/me/tools");
    assert_eq!(e.evidence_date.as_deref(), Some("2026-11-30"));
    assert_eq!(e.state, State::NotStarted);
    assert!(p.history.is_empty(), "no state changed");
    assert_eq!(listed(&home, &path, "python")["note"], "scripts at work");
    // Evidence without a day is dated today, as the app dates it.
    let (code, _, _) = run(
        &home,
        &path,
        &["skills", "set", "rag", "--evidence", "./demo.mp4"],
    );
    assert_eq!(code, Some(0));
    let p = progress::load(&path).unwrap();
    assert_eq!(p.evidence("rag"), ("./demo.mp4", Some(today().as_str())));
    // "" clears a note.
    let (code, out, _) = run(&home, &path, &["skills", "set", "python", "--note", ""]);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("python Python: note cleared\n"), "{out}");
    assert_eq!(progress::load(&path).unwrap().note("python"), "");
}

#[test]
fn two_ids_at_once_each_get_a_line() {
    let (home, path) = home();
    let args = [
        "skills", "set", "python", "rag", "python", "--state", "done",
    ];
    let (code, out, err) = run(&home, &path, &args);
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines.len(),
        3,
        "one line a skill (python once), then saved: {out}"
    );
    assert_eq!(lines[0], "python Python: not started → done");
    assert_eq!(
        lines[1],
        "rag Retrieval-augmented generation (RAG): not started → done"
    );
    let p = progress::load(&path).unwrap();
    assert!(p.is_done("python") && p.is_done("rag"));
    assert_eq!(p.history.len(), 2);
}

/// A hand-written file: its comment, a note on another skill, a flow entry.
const HAND: &str = "# my progress, kept by hand\nversion: 1\nskills:\n  docker: {state: done, note: \"at work\"}\n";

#[test]
fn an_unknown_id_writes_nothing_and_suggests_the_nearest() {
    let (home, path) = home();
    std::fs::write(&path, HAND).unwrap();
    let args = ["skills", "set", "python", "pythn", "--state", "done"];
    let (code, out, err) = run(&home, &path, &args);
    assert_eq!(code, Some(2), "bad input: {err}");
    assert_eq!(out, "");
    assert!(
        err.starts_with("error: unknown skill `pythn`; did you mean `python`?"),
        "{err}"
    );
    assert!(err.contains("nothing was saved"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), HAND);
    let names: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, ["progress.yaml"], "no lock file, no temp file");
}

#[test]
fn the_rest_of_a_hand_written_file_is_kept() {
    let (home, path) = home();
    std::fs::write(&path, HAND).unwrap();
    let (code, _, err) = run(
        &home,
        &path,
        &["skills", "set", "python", "--state", "done"],
    );
    assert_eq!(code, Some(0), "{err}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# my progress, kept by hand\n"), "{text}");
    let p = progress::load(&path).unwrap();
    assert_eq!(p.note("docker"), "at work");
    assert!(p.is_done("docker") && p.is_done("python"));
    assert_eq!(p.skills.len(), 2);
}

#[test]
fn a_file_that_does_not_read_is_left_alone() {
    let (home, path) = home();
    let broken = "skills: [unclosed\n";
    std::fs::write(&path, broken).unwrap();
    let (code, out, err) = run(
        &home,
        &path,
        &["skills", "set", "python", "--state", "done"],
    );
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(out, "");
    assert!(
        err.starts_with(
            "error: the progress file does not read, so nothing is written over it until it does:"
        ),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    // An entry of the skill asked for that does not read: refused, as the app refuses.
    let bad_entry = "version: 1\nskills:\n  python: {state: mastered}\n  rag: done\n";
    std::fs::write(&path, bad_entry).unwrap();
    let args = ["skills", "set", "rag", "python", "--state", "learning"];
    let (code, _, err) = run(&home, &path, &args);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("fix this skill's entry in the progress file first:"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        bad_entry,
        "rag untouched too"
    );
}

#[test]
fn a_dry_run_and_bad_values_write_nothing() {
    let (home, path) = home();
    std::fs::write(&path, HAND).unwrap();
    let args = [
        "skills",
        "set",
        "docker",
        "--state",
        "learning",
        "--dry-run",
        "--json",
    ];
    let (code, out, err) = run(&home, &path, &args);
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["saved"], false);
    assert_eq!(v["dry_run"], true);
    assert_eq!(v["skills"][0]["id"], "docker");
    assert_eq!(v["skills"][0]["before"]["state"], "done");
    assert_eq!(v["skills"][0]["after"]["state"], "learning");
    assert_eq!(v["skills"][0]["changed"], true);
    for bad in [
        &[
            "skills",
            "set",
            "docker",
            "--evidence",
            "x",
            "--evidence-date",
            "2026-02-30",
        ][..],
        &["skills", "set", "docker", "--state", "mastered"],
        &["skills", "set", "docker"],
        &["skills", "set", "--state", "done"],
    ] {
        let (code, _, err) = run(&home, &path, bad);
        assert_eq!(code, Some(2), "{bad:?}: {err}");
    }
    let long = "n".repeat(career_explorer::tui::textfield::MAX_CHARS + 1);
    let (code, _, err) = run(&home, &path, &["skills", "set", "docker", "--note", &long]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("the note has 4097 characters"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), HAND);
}

#[test]
fn chinese_lines_and_errors() {
    let (home, path) = home();
    let args = [
        "--lang",
        "zh",
        "skills",
        "set",
        "rag",
        "--state",
        "done",
        "--note",
        "做过演示",
    ];
    let (code, out, err) = run(&home, &path, &args);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        out,
        format!(
            "rag 检索增强生成（RAG）：未开始 → 已完成；笔记“做过演示”\n已保存 {}\n",
            path.display()
        )
    );
    let (code, _, err) = run(
        &home,
        &path,
        &["--lang", "zh", "skills", "set", "rga", "--state", "done"],
    );
    assert_eq!(code, Some(2));
    assert!(err.starts_with("错误：未知技能 `rga`"), "{err}");
    assert!(err.contains("未保存任何内容"), "{err}");
}

#[test]
fn a_held_lock_is_waited_for_then_nothing_is_written() {
    let (home, path) = home();
    std::fs::write(&path, HAND).unwrap();
    // Another career-explorer saving: it holds the lock beside the file.
    let lock = std::fs::File::create(home.path().join("progress.yaml.lock")).unwrap();
    lock.lock().unwrap();
    let (code, _, err) = run(
        &home,
        &path,
        &["skills", "set", "python", "--state", "done"],
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("waiting for the lock"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), HAND);
    lock.unlock().unwrap();
    let (code, _, err) = run(
        &home,
        &path,
        &["skills", "set", "python", "--state", "done"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(progress::load(&path).unwrap().is_done("python"));
}

#[test]
fn a_held_lock_is_said_in_chinese() {
    let (home, path) = home();
    let lock = std::fs::File::create(home.path().join("progress.yaml.lock")).unwrap();
    lock.lock().unwrap();
    let args = ["--lang", "zh", "skills", "set", "python", "--state", "done"];
    let (code, _, err) = run(&home, &path, &args);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.starts_with("错误：无法保存 "), "{err}");
    assert!(err.contains("锁由另一个 career-explorer 进程持有"), "{err}");
    assert!(!path.exists());
}
