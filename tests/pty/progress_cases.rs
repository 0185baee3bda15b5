//! The failing cases of issue 12 about the progress file, one test each,
//! named after its case folder; the inputs are copies in `tests/cases/`.
//! Every test drives the real binary (a command, or the app in a
//! pseudo-terminal parsed by vt100, with the pty harness of `e2e_pty.rs`),
//! so each can be run against an older build to see it fail. Every wait polls
//! the screen or the file for the very condition asserted; the deadline is
//! only a failure bound. HOME and XDG_* point into temp folders.

use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use crate::common::fixture;
use crate::harness::*;

/// The app at 100x30 with `args`, HOME and XDG_* pointed into `home`.
fn spawn(home: &Path, args: &[&str]) -> App {
    App::spawn_at_home(100, 30, BIN, args, home)
}

fn case(name: &str, file: &str) -> PathBuf {
    fixture("cases").join(name).join(file)
}

/// A temp folder for HOME and XDG_*, and a copy of a case's input in it.
fn setup(name: &str, file: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.yaml");
    std::fs::copy(case(name, file), &p).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
    (dir, p)
}

/// Runs a command of the binary with HOME and XDG_* in `home`.
fn run(home: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("d"))
        .env("XDG_CACHE_HOME", home.join("c"))
        .env("XDG_CONFIG_HOME", home.join("g"))
        .output()
        .unwrap()
}

/// `skills --json` on progress file `p`: (exit code, id -> (state, note), stderr).
fn skills(home: &Path, p: &Path) -> (Option<i32>, Vec<(String, String, String)>, String) {
    let out = run(
        home,
        &["--progress", p.to_str().unwrap(), "skills", "--json"],
    );
    let rows = serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .ok()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
        .iter()
        .map(|s| {
            let f = |k: &str| s[k].as_str().unwrap_or_default().to_string();
            (f("id"), f("state"), f("note"))
        })
        .collect();
    (
        out.status.code(),
        rows,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn entry(rows: &[(String, String, String)], id: &str) -> (String, String) {
    let r = rows
        .iter()
        .find(|r| r.0 == id)
        .unwrap_or_else(|| panic!("{id} missing: {rows:?}"));
    (r.1.clone(), r.2.clone())
}

/// Polls `path` until `pred` holds for its text; panics after the deadline.
fn wait_file(path: &Path, what: &str, pred: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if pred(&text) {
            return text;
        }
        assert!(
            start.elapsed() < DEADLINE,
            "timed out waiting for {what}; {}:\n{text}",
            path.display()
        );
        std::thread::sleep(POLL);
    }
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

/// Opens pane 3 and waits for the checklist.
fn skills_pane(app: &mut App) {
    app.send(b"3");
    app.wait_until("the checklist", |s| checkbox_of(s, "S01").is_some());
}

/// Puts the cursor on `id` and presses Space; waits for the tick on screen.
fn tick(app: &mut App, id: &str) {
    move_cursor_to(app, id);
    app.send(b" ");
    app.wait_until(&format!("{id} ticked"), |s| {
        checkbox_of(s, id) == Some("[x]")
    });
}

/// The screen's rows, borders and padding trimmed, joined by spaces: a
/// message wrapped over several rows reads as one line.
fn flat(s: &vt100::Screen) -> String {
    lines(s)
        .iter()
        .map(|l| l.trim_matches(|c| c == ' ' || c == '│'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `path` (a temp path, no spaces) is on screen, read across
/// wrapped rows (a long path may wrap after a `/`).
fn shows_path(s: &vt100::Screen, path: &str) -> bool {
    flat(s).replace(' ', "").contains(path)
}

/// Waits until `text` is on screen, read across wrapped rows.
fn wait_text(app: &mut App, text: &str) {
    app.wait_until(&format!("{text:?} on screen"), |s| flat(s).contains(text));
}

#[test]
fn bom_progress_moved_aside() {
    let (home, p) = setup("bom-progress-moved-aside", "progress.yaml");
    let before = std::fs::read(&p).unwrap();
    let (code, rows, err) = skills(home.path(), &p);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        entry(&rows, "S01"),
        ("done".into(), "saved from Windows Notepad".into())
    );
    // The app: S01 shows ticked, nothing is renamed.
    let mut app = spawn(
        home.path(),
        &["--lang", "en", "--progress", p.to_str().unwrap()],
    );
    skills_pane(&mut app);
    app.wait_until("S01 ticked", |s| checkbox_of(s, "S01") == Some("[x]"));
    quit_ok(&mut app);
    assert_eq!(std::fs::read(&p).unwrap(), before, "untouched");
    assert_eq!(
        names(home.path()),
        ["p.yaml", "p.yaml.lock"],
        "nothing moved"
    );
}

/// What a file loads: (id, state, note) each.
type Loads = &'static [(&'static str, &'static str, &'static str)];

/// Each file of the case: what loads, and the warning (`file:line:col:
/// cause`) if any.
const ONE_SLIP_FILES: [(&str, Loads, Option<&str>); 6] = [
    (
        "unknown-state.yaml",
        &[
            ("S01", "not_started", ""),
            ("S02", "learning", ""),
            ("S03", "done", ""),
        ],
        Some(
            "p.yaml:4:12: skill S01: unknown state `mastered`, expected one of not_started, learning, done, skipped",
        ),
    ),
    (
        "capital-state.yaml",
        &[
            ("S01", "done", ""),
            ("S02", "learning", ""),
            ("S03", "done", ""),
        ],
        None,
    ),
    (
        "note-only.yaml",
        &[
            ("S01", "not_started", "remember to redo the evals"),
            ("S02", "learning", ""),
        ],
        None,
    ),
    (
        "no-version.yaml",
        &[
            ("S01", "done", ""),
            ("S02", "learning", ""),
            ("S03", "done", ""),
        ],
        None,
    ),
    (
        "bom.yaml",
        &[("S01", "done", ""), ("S02", "learning", "")],
        None,
    ),
    (
        "dup-key.yaml",
        &[("S01", "done", ""), ("S02", "learning", "")],
        Some("p.yaml:7:3: skill S01: appears again (first on line 3)"),
    ),
];

#[test]
fn progress_one_slip_moves_all_aside() {
    let name = "progress-one-slip-moves-all-aside";
    for (file, want, warning) in ONE_SLIP_FILES {
        skills_load_in_place(name, file, want, warning);
    }
    app_keeps_the_slip_as_written(name);
}

/// `skills --json` on the case's `file` exits 0 with `want` loaded, warns
/// with `warning` (else says nothing), and leaves the file as and where it
/// was.
fn skills_load_in_place(name: &str, file: &str, want: Loads, warning: Option<&str>) {
    let (home, p) = setup(name, file);
    let before = std::fs::read(&p).unwrap();
    let (code, rows, err) = skills(home.path(), &p);
    assert_eq!(code, Some(0), "{file}: {err}");
    for (id, state, note) in want {
        assert_eq!(
            entry(&rows, id),
            (state.to_string(), note.to_string()),
            "{file} {id}"
        );
    }
    match warning {
        Some(w) => assert!(err.contains(w), "{file}: stderr {err:?}"),
        None => assert!(err.is_empty(), "{file}: stderr {err:?}"),
    }
    assert_eq!(std::fs::read(&p).unwrap(), before, "{file} untouched");
    assert_eq!(names(home.path()), ["p.yaml"], "{file}: nothing moved");
}

/// The app with the unknown state: the rest shows, the full message with
/// the full path shows, a tick elsewhere keeps the bad entry as written.
fn app_keeps_the_slip_as_written(name: &str) {
    let (home, p) = setup(name, "unknown-state.yaml");
    let mut app = spawn(
        home.path(),
        &["--lang", "en", "--progress", p.to_str().unwrap()],
    );
    // The message shows at start, whole; it stays until the next action.
    let at = format!("{}:4:12:", p.display());
    app.wait_until("the full path, line and column", |s| shows_path(s, &at));
    skills_pane(&mut app);
    app.wait_until("S03 ticked, S01 not", |s| {
        checkbox_of(s, "S03") == Some("[x]") && checkbox_of(s, "S01") == Some("[ ]")
    });
    tick(&mut app, "S04");
    let text = wait_file(&p, "S04 saved", |t| t.contains("S04"));
    assert!(
        text.contains("state: mastered") && text.contains("finished the course"),
        "{text}"
    );
    assert!(text.contains("S03:\n    state: done"), "{text}");
    quit_ok(&mut app);
    assert_eq!(names(home.path()), ["p.yaml", "p.yaml.lock"]);
}

#[test]
fn progress_version_2_downgraded() {
    let (home, p) = setup("progress-version-2-downgraded", "v2.yaml");
    let before = std::fs::read(&p).unwrap();
    let out = run(home.path(), &["--progress", p.to_str().unwrap(), "skills"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("written by a newer career-explorer (version 2); this one reads version 1"),
        "{err}"
    );
    // The app says so, and a change is not saved over the file.
    let mut app = spawn(
        home.path(),
        &["--lang", "en", "--progress", p.to_str().unwrap()],
    );
    wait_text(&mut app, "(version 2)");
    skills_pane(&mut app);
    move_cursor_to(&mut app, "S03");
    app.send(b" ");
    wait_text(&mut app, "not saved");
    app.send(b"q");
    wait_text(&mut app, "Quit anyway");
    app.send(b"y");
    let (status, _) = app.wait_exit();
    assert!(!status.success(), "changes lost: a failure status");
    assert_eq!(std::fs::read(&p).unwrap(), before, "never rewritten");
}

#[test]
fn progress_null_note_becomes_tilde() {
    let (home, p) = setup("progress-null-note-becomes-tilde", "note-null.yaml");
    let (code, rows, err) = skills(home.path(), &p);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(entry(&rows, "S01"), ("done".into(), String::new()));
}

/// The YAML 1.1 values `PyYAML` would read as something other than a string.
const YAML11_TRAPS: [&str; 14] = [
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "n",
    "~",
    "null",
    "12:30",
    "1_000",
    "0755",
    "2024-01-01",
    "=",
    "<<",
];

#[test]
fn yaml11_notes_unquoted() {
    let (home, p) = setup("yaml11-notes-unquoted", "progress.yaml");
    let text = tick_s01_and_read(home.path(), &p);
    for (id, note) in [
        ("S02", "yes"),
        ("S03", "No"),
        ("S04", "on"),
        ("S05", "12:30"),
        ("S06", "1_000"),
        ("S07", "2024-01-01"),
    ] {
        assert!(
            text.contains(&format!(
                "  {id}:\n    state: learning\n    note: \"{note}\"\n"
            )),
            "{id}:\n{text}"
        );
    }
    assert!(
        text.contains("    changed: \"20"),
        "the change time is quoted:\n{text}"
    );
    // Every trap as a note, written by the app, read back by PyYAML.
    let mut hand = String::from("version: 1\nskills:\n");
    for (i, t) in YAML11_TRAPS.iter().enumerate() {
        hand.push_str(&format!(
            "  S{:02}: {{state: learning, note: '{t}'}}\n",
            i + 10
        ));
    }
    std::fs::write(&p, &hand).unwrap();
    let text = tick_s01_and_read(home.path(), &p);
    for (i, t) in YAML11_TRAPS.iter().enumerate() {
        assert!(
            text.contains(&format!("    note: \"{t}\"\n")),
            "S{:02}:\n{text}",
            i + 10
        );
    }
    pyyaml_reads_traps_as_text(&p);
}

/// Ticks S01 in the app on progress file `p` and quits; the file as saved.
fn tick_s01_and_read(home: &Path, p: &Path) -> String {
    let mut app = spawn(home, &["--lang", "en", "--progress", p.to_str().unwrap()]);
    skills_pane(&mut app);
    tick(&mut app, "S01");
    let text = wait_file(p, "S01 saved", |t| t.contains("S01"));
    quit_ok(&mut app);
    text
}

/// `PyYAML` reads each trap note of `p` (`S10` on) back as the same string
/// and the change time of `S01` as a string; skipped when `python3` has no
/// `PyYAML`.
fn pyyaml_reads_traps_as_text(p: &Path) {
    let py = "import sys, yaml\nd = yaml.safe_load(open(sys.argv[1]))\nfor k, v in sorted(d['skills'].items()):\n    print(k, repr(v.get('note')), type(v.get('changed')).__name__)\n";
    match Command::new("python3").args(["-c", "import yaml"]).output() {
        Ok(o) if o.status.success() => {
            let out = Command::new("python3")
                .args(["-c", py])
                .arg(p)
                .output()
                .unwrap();
            let got = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            for (i, t) in YAML11_TRAPS.iter().enumerate() {
                assert!(
                    got.contains(&format!("S{:02} '{t}' NoneType", i + 10)),
                    "{t}: {got}"
                );
            }
            assert!(
                got.contains("S01 None str"),
                "the change time a string: {got}"
            );
        }
        _ => eprintln!("python3 with PyYAML not found: the PyYAML read-back is skipped"),
    }
}

#[test]
fn first_save_drops_comments_and_mode() {
    let (home, p) = setup("first-save-drops-comments-and-mode", "with-comments.yaml");
    let mut app = spawn(
        home.path(),
        &["--lang", "en", "--progress", p.to_str().unwrap()],
    );
    skills_pane(&mut app);
    tick(&mut app, "S03");
    let text = wait_file(&p, "S03 saved", |t| t.contains("S03"));
    quit_ok(&mut app);
    assert!(
        text.starts_with("# my notes\n"),
        "the leading comment kept:\n{text}"
    );
    assert!(
        text.contains("S01:\n    state: done\n    note: \"did it\""),
        "{text}"
    );
    assert!(text.contains("S02:\n    state: learning"), "{text}");
    assert_eq!(mode(&p), 0o644, "the file's mode kept");
}

#[test]
fn symlink_progress_replaced() {
    let home = tempfile::tempdir().unwrap();
    let (dot, link) = (home.path().join("dotfiles"), home.path().join("home"));
    std::fs::create_dir_all(&dot).unwrap();
    std::fs::create_dir_all(&link).unwrap();
    let target = dot.join("progress.yaml");
    std::fs::write(&target, "version: 1\nskills:\n  S01:\n    state: done\n").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o664)).unwrap();
    let p = link.join("progress.yaml");
    std::os::unix::fs::symlink(&target, &p).unwrap();
    let mut app = spawn(
        home.path(),
        &["--lang", "en", "--progress", p.to_str().unwrap()],
    );
    skills_pane(&mut app);
    tick(&mut app, "S02");
    let text = wait_file(&target, "S02 saved in the target", |t| t.contains("S02"));
    quit_ok(&mut app);
    assert!(text.contains("S01:\n    state: done"), "{text}");
    assert!(
        std::fs::symlink_metadata(&p)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays"
    );
    assert_eq!(std::fs::read_link(&p).unwrap(), target);
    assert_eq!(mode(&target), 0o664, "the target's mode kept");
}

#[test]
fn hand_edit_while_running_moved_aside_silently() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("mid");
    std::fs::create_dir(&dir).unwrap();
    let p = dir.join("p.yaml");
    let mut app = spawn(
        home.path(),
        &["--lang", "en", "--progress", p.to_str().unwrap()],
    );
    skills_pane(&mut app);
    tick(&mut app, "S01");
    wait_file(&p, "S01 saved", |t| t.contains("S01"));
    // A hand edit while the app runs (a capital D): noticed and shown.
    let mut f = std::fs::OpenOptions::new().append(true).open(&p).unwrap();
    f.write_all(b"  S05:\n    state: Done\n    note: my long hand-written note about S05\n")
        .unwrap();
    drop(f);
    app.wait_until("S05 ticked from the file", |s| {
        checkbox_of(s, "S05") == Some("[x]")
    });
    tick(&mut app, "S02");
    let text = wait_file(&p, "S02 saved", |t| t.contains("S02"));
    for want in [
        "S01:\n    state: done",
        "S05:\n    state: done\n    note: \"my long hand-written note about S05\"",
    ] {
        assert!(text.contains(want), "{want}:\n{text}");
    }
    // A hand edit with a real slip: never written over, the app says where.
    let mut f = std::fs::OpenOptions::new().append(true).open(&p).unwrap();
    f.write_all(b"  S06: {state: done\n").unwrap();
    drop(f);
    let broken = std::fs::read(&p).unwrap();
    let line = String::from_utf8_lossy(&broken).lines().count() + 1;
    let at = format!("{}:{line}:", p.display());
    app.wait_until("the slip's file, line and column", |s| shows_path(s, &at));
    move_cursor_to(&mut app, "S03");
    app.send(b" ");
    app.wait_until("not saved", |s| {
        flat(s).contains("not saved") && shows_path(s, &at)
    });
    assert_eq!(
        std::fs::read(&p).unwrap(),
        broken,
        "the file as the user left it"
    );
    assert_eq!(
        names(&dir),
        ["p.yaml", "p.yaml.lock"],
        "nothing moved aside"
    );
    app.send(b"q");
    wait_text(&mut app, "Quit anyway");
    app.send(b"y");
    let (status, _) = app.wait_exit();
    assert!(!status.success());
}

#[test]
fn two_instances_lost_note() {
    let home = tempfile::tempdir().unwrap();
    let p = home.path().join("progress.yaml");
    let arg = p.to_str().unwrap();
    let mut a = spawn(home.path(), &["--lang", "en", "--progress", arg]);
    let mut b = spawn(home.path(), &["--lang", "en", "--progress", arg]);
    skills_pane(&mut a);
    skills_pane(&mut b);
    move_cursor_to(&mut a, "S01");
    a.send(b"n");
    a.send(b"important note from window A\r");
    wait_file(&p, "A's note saved", |t| {
        t.contains("important note from window A")
    });
    move_cursor_to(&mut b, "S01");
    b.send(b" ");
    let text = wait_file(&p, "B's tick saved", |t| t.contains("state: done"));
    assert!(
        text.contains("note: \"important note from window A\""),
        "A's note kept:\n{text}"
    );
    // Each window shows the other's change: B after its save, A when the file changed.
    wait_text(&mut b, "important note from window A");
    a.wait_until("S01 ticked in window A", |s| {
        checkbox_of(s, "S01") == Some("[x]")
    });
    quit_ok(&mut a);
    quit_ok(&mut b);
}

/// A folder where the lock file should be: every save fails, even as root.
fn block(p: &Path) -> PathBuf {
    let lock = p.with_file_name("p.yaml.lock");
    let _ = std::fs::remove_file(&lock);
    std::fs::create_dir(&lock).unwrap();
    lock
}

#[test]
fn quit_after_failed_save() {
    let home = tempfile::tempdir().unwrap();
    let p = home.path().join("p.yaml");
    std::fs::write(&p, "version: 1\nskills:\n  S01: {state: done}\n").unwrap();
    let lock = block(&p);
    let mut app = spawn(
        home.path(),
        &["--lang", "en", "--progress", p.to_str().unwrap()],
    );
    skills_pane(&mut app);
    tick(&mut app, "S02");
    wait_text(&mut app, "not saved");
    // Quit while saves fail: asked, and `n` goes back to the app.
    app.send(b"q");
    wait_text(&mut app, "Quit anyway and lose 1 unsaved change(s)? y/n");
    app.send(b"n");
    app.wait_until("the prompt gone", |s| !s.contents().contains("Quit anyway"));
    // The folder is writable again: quitting saves, exit status 0.
    std::fs::remove_dir(&lock).unwrap();
    quit_ok(&mut app);
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.contains("S02:\n    state: done"), "{text}");

    // Still failing: `y` quits, with a failure status.
    block(&p);
    let before = std::fs::read(&p).unwrap();
    let mut app = spawn(
        home.path(),
        &["--lang", "en", "--progress", p.to_str().unwrap()],
    );
    skills_pane(&mut app);
    tick(&mut app, "S03");
    app.send(b"q");
    wait_text(&mut app, "Quit anyway");
    app.send(b"y");
    let (status, _) = app.wait_exit();
    assert!(!status.success(), "lost changes: exit status {status:?}");
    assert_eq!(std::fs::read(&p).unwrap(), before);
}

#[test]
fn lock_held_blank_start_and_frozen_saves() {
    let home = tempfile::tempdir().unwrap();
    let p = home.path().join("lk.yaml");
    std::fs::write(&p, "version: 1\nskills: {}\n").unwrap();
    let lock = std::fs::File::create(home.path().join("lk.yaml.lock")).unwrap();
    lock.lock().unwrap();
    let mut app = spawn(
        home.path(),
        &["--lang", "en", "--progress", p.to_str().unwrap()],
    );
    // Drawn at once while the lock is held.
    skills_pane(&mut app);
    tick(&mut app, "S01");
    wait_text(&mut app, "waiting for the lock");
    // Still answering keys.
    app.send(b"?");
    app.wait_for("Keys");
    app.send(b"\x1b");
    app.wait_until("help closed", |s| !s.contents().contains("Keys"));
    assert!(!std::fs::read_to_string(&p).unwrap().contains("S01"));
    lock.unlock().unwrap();
    wait_file(&p, "S01 saved once the lock is free", |t| {
        t.contains("S01:\n    state: done")
    });
    app.wait_until("the message gone", |s| {
        !s.contents().contains("waiting for the lock")
    });
    quit_ok(&mut app);
}

// ---------------------------------------------------------------------------
// The pty harness (a copy of the one in e2e_pty.rs, with HOME and XDG_*).
// ---------------------------------------------------------------------------
