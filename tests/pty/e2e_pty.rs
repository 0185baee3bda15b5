//! End-to-end tests: the real binary in a pseudo-terminal, its output parsed
//! by a terminal emulator (vt100), keys written as bytes. Every wait polls the
//! parsed screen until a deadline; the deadline is only a failure bound. A
//! test waits on the very condition it asserts: never on one thing, then an
//! assertion on another that may not have arrived yet. HOME and XDG_* point
//! at a temporary folder; the app never sees the terminal `cargo test` runs in.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::common::{Home, copy_bundled_data, fixture};
use crate::harness::*;

/// The English text of requirement NQ4 starts with this (data/postings.yaml).
const NQ4_START: &str = "Strong in any part of Notion";

/// The requirement id in the title of the pane-4 detail box.
fn selected_requirement(screen: &vt100::Screen) -> Option<String> {
    lines(screen).iter().find_map(|l| {
        let i = l.find("Skills that cover it")?;
        let head = l[..i].trim_end();
        let id = head.rsplit(' ').next()?;
        id.starts_with("NQ").then(|| id.to_string())
    })
}

/// The coverage marker ("covered", "partly", "missing") on NQ4's first line.
fn nq4_marker(screen: &vt100::Screen) -> Option<String> {
    let line = lines(screen).into_iter().find(|l| l.contains(NQ4_START))?;
    for (glyph, word) in [("✓", "covered"), ("~", "partly"), ("✗", "missing")] {
        if line.contains(&format!("[{glyph} {word}")) {
            return Some(word.to_string());
        }
    }
    Some(format!("no marker in {line:?}"))
}

/// N in the pane-4 title's "skill coverage P% · N of M mappable
/// requirements met".
fn covered_count(screen: &vt100::Screen) -> Option<u32> {
    let text = screen.contents();
    let i = text.find("skill coverage ")?;
    let rest = &text[i..];
    let met = rest.split(" · ").nth(1)?;
    met.split(' ').next()?.parse().ok()
}

/// Selects requirement `id` in pane 4 (moving down), so it is scrolled into view.
fn select_requirement(app: &mut App, id: &str) {
    for _ in 0..20 {
        let now = app.wait_until("the requirement detail box", |s| {
            selected_requirement(s).is_some()
        });
        if selected_requirement(&now).as_deref() == Some(id) {
            return;
        }
        app.press_and_wait_change(
            b"j",
            "the next requirement to be selected",
            selected_requirement,
        );
    }
    panic!("never selected {id}; screen:\n{}", dump(&app.screen()));
}

fn tick_focused(app: &mut App, id: &str) {
    app.send(b" ");
    app.wait_until(&format!("{id} ticked"), |s| {
        checkbox_of(s, id) == Some("[x]")
    });
}

#[test]
fn switch_panes_tick_skill_marker_changes_and_terminal_restored() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.yaml");
    let progress_arg = progress.to_str().unwrap();
    let mut app = App::spawn(100, 30, &["--lang", "en", "--progress", progress_arg]);

    app.wait_until(
        "the first frame on the alternate screen, the cursor hidden",
        |s| {
            let text = s.contents();
            text.contains("API line")
                && text.contains("Model producers")
                && s.alternate_screen()
                && s.hide_cursor()
        },
    );

    // Pane 2: the two role columns with "vs" between them.
    app.send(b"2");
    app.wait_until("the compare pane", |s| {
        let text = s.contents();
        text.contains("┌ Compare roles") && text.contains("│ vs │")
    });

    // Pane 4: nothing ticked, NQ4 is missing.
    app.send(b"4");
    app.wait_for("skill coverage ");
    select_requirement(&mut app, "NQ4");
    let screen = app.wait_until("NQ4's line", |s| nq4_marker(s).is_some());
    assert_eq!(
        nq4_marker(&screen).as_deref(),
        Some("missing"),
        "screen:\n{}",
        dump(&screen)
    );
    let before = covered_count(&screen).expect("title count");

    // Pane 3: tick S27, S28, S29 and S31, all four of NQ4's skills.
    app.send(b"3");
    app.wait_until("the skills checklist", |s| highlighted_skill(s).is_some());
    for id in ["S27", "S28", "S29", "S31"] {
        move_cursor_to(&mut app, id);
        tick_focused(&mut app, id);
    }

    // Pane 4 again: NQ4 is covered and the title counts one more.
    app.send(b"4");
    app.wait_for("skill coverage ");
    select_requirement(&mut app, "NQ4");
    let screen = app.wait_until("NQ4's line", |s| nq4_marker(s).is_some());
    assert_eq!(
        nq4_marker(&screen).as_deref(),
        Some("covered"),
        "screen:\n{}",
        dump(&screen)
    );
    assert_eq!(
        covered_count(&screen),
        Some(before + 1),
        "screen:\n{}",
        dump(&screen)
    );

    let screen = quit_ok(&mut app);
    assert!(
        !screen.alternate_screen(),
        "still on the alternate screen after exit"
    );
    assert!(!screen.hide_cursor(), "cursor still hidden after exit");

    let saved = std::fs::read_to_string(&progress).expect("progress file written");
    assert!(saved.contains("S27"), "progress file:\n{saved}");
    assert!(saved.contains("S28"), "progress file:\n{saved}");
    assert!(saved.contains("done"), "progress file:\n{saved}");
}

#[test]
fn progress_comes_back_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.yaml");
    let progress_arg = progress.to_str().unwrap();
    let args = ["--lang", "en", "--progress", progress_arg];

    let mut app = App::spawn(100, 30, &args);
    app.wait_for("Model producers");
    app.send(b"3");
    let screen = app.wait_until("the skills checklist", |s| highlighted_skill(s).is_some());
    assert_eq!(highlighted_skill(&screen).as_deref(), Some("S01"));
    assert_eq!(checkbox_of(&screen, "S01"), Some("[ ]"));
    tick_focused(&mut app, "S01");
    quit_ok(&mut app);

    let mut app = App::spawn(100, 30, &args);
    app.wait_for("Model producers");
    app.send(b"3");
    app.wait_until("S01 ticked after the restart", |s| {
        checkbox_of(s, "S01") == Some("[x]")
    });
    quit_ok(&mut app);
}

fn is_right_border(s: &str) -> bool {
    matches!(s, "│" | "┐" | "┘" | "┤" | "┃" | "┓" | "┛" | "┫")
}

/// Rows 1..=28 (between the tab line and the status line) whose last column is a border.
fn right_border_rows(screen: &vt100::Screen) -> Vec<u16> {
    let (rows, cols) = screen.size();
    (1..rows.get() - 1)
        .filter(|&r| {
            screen
                .cell(r, cols.get() - 1)
                .is_some_and(|c| is_right_border(c.contents()))
        })
        .collect()
}

/// Boxes whose sides are not straight: from every top corner, the column
/// below must be side glyphs down to the matching bottom corner.
fn crooked_boxes(screen: &vt100::Screen) -> Vec<String> {
    const SIDES: [(&str, &[&str], &str); 4] = [
        ("┐", &["│", "┤"], "┘"),
        ("┌", &["│", "├"], "└"),
        ("┓", &["┃", "┫"], "┛"),
        ("┏", &["┃", "┣"], "┗"),
    ];
    let (rows, cols) = screen.size();
    let at = |r: u16, c: u16| screen.cell(r, c).map_or("", |x| x.contents());
    let mut bad = Vec::new();
    for r in 0..rows.get() {
        for c in 0..cols.get() {
            for (corner, side, bottom) in SIDES {
                if at(r, c) != corner {
                    continue;
                }
                let mut rr = r + 1;
                loop {
                    let g = at(rr, c);
                    if g == bottom {
                        break;
                    }
                    if !side.contains(&g) {
                        bad.push(format!(
                            "{corner} at row {r} col {c}: {g:?} at row {rr} instead of a side or {bottom}"
                        ));
                        break;
                    }
                    rr += 1;
                }
            }
        }
    }
    bad
}

/// Each pane's key and a hint from the status line, the last row drawn, so
/// seeing it means the whole frame has arrived.
const PANES: [(&[u8], &str, &str); 4] = [
    (b"1", "move along spectrum", "沿光谱移动"),
    (b"2", "pick side", "切换左/右栏"),
    (b"3", "p learning", "p 标为学习中"),
    (b"4", "Enter → skill", "Enter 打开技能"),
];

#[test]
fn chinese_interface_lines_up() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.yaml");
    let progress_arg = progress.to_str().unwrap();

    // The English screens tell which rows have a right border.
    let mut en = App::spawn(100, 30, &["--lang", "en", "--progress", progress_arg]);
    en.wait_for("Model producers");
    let mut expected = Vec::new();
    for (key, hint, _) in PANES {
        en.send(key);
        let screen = en.wait_for(hint);
        let rows = right_border_rows(&screen);
        assert!(
            rows.len() >= 20,
            "the English pane should be mostly boxed; rows with a right border: {rows:?}\n{}",
            dump(&screen)
        );
        let crooked = crooked_boxes(&screen);
        assert!(crooked.is_empty(), "{crooked:#?}\n{}", dump(&screen));
        expected.push(rows);
    }
    quit_ok(&mut en);

    let mut zh = App::spawn(100, 30, &["--lang", "zh", "--progress", progress_arg]);
    zh.wait_for("API 分界线");
    for ((key, _, hint), expected) in PANES.into_iter().zip(expected) {
        zh.send(key);
        let screen = zh.wait_for(hint);
        assert_eq!(
            right_border_rows(&screen),
            expected,
            "pane {}: right borders differ from the English layout; Chinese screen:\n{}",
            String::from_utf8_lossy(key),
            dump(&screen)
        );
        let crooked = crooked_boxes(&screen);
        assert!(
            crooked.is_empty(),
            "pane {}: {crooked:#?}\n{}",
            String::from_utf8_lossy(key),
            dump(&screen)
        );
    }
    quit_ok(&mut zh);
}

#[test]
fn data_dir_override_changes_what_panes_show() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    copy_bundled_data(&data);
    let roles = data.join("roles.yaml");
    let text = std::fs::read_to_string(&roles).unwrap();
    let from = "- id: ai_engineer\n    name:\n      en: \"AI Engineer\"";
    let to = "- id: ai_engineer\n    name:\n      en: \"AI Builder\"";
    assert!(text.contains(from), "roles.yaml changed shape");
    std::fs::write(&roles, text.replacen(from, to, 1)).unwrap();

    let out = Command::new(BIN)
        .args(["validate", "--data"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "validate failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );

    let progress = dir.path().join("p.yaml");
    let mut app = App::spawn(
        100,
        30,
        &[
            "--lang",
            "en",
            "--data",
            data.to_str().unwrap(),
            "--progress",
            progress.to_str().unwrap(),
        ],
    );
    app.wait_for("Model producers");
    app.wait_for("AI Builder");
    quit_ok(&mut app);
}

#[test]
fn too_small_terminal_says_how_big() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.yaml");
    let mut app = App::spawn(
        40,
        10,
        &["--lang", "en", "--progress", progress.to_str().unwrap()],
    );
    // Both lines must appear (the wait fails after the deadline, with the screen).
    app.wait_until("\"too small\" and the minimum size 60x20", |s| {
        let text = s.contents();
        text.to_lowercase().contains("too small") && text.contains("60x20")
    });
    quit_ok(&mut app);
}

/// The "skill coverage P%" figure in the pane-4 title.
fn match_percent(screen: &vt100::Screen) -> Option<u32> {
    let text = screen.contents();
    let i = text.find("skill coverage ")?;
    text[i + 15..].split('%').next()?.trim().parse().ok()
}

#[test]
fn tick_and_note_survive_a_restart_and_the_match_moves() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.yaml");
    let progress_arg = progress.to_str().unwrap();
    let args = ["--lang", "en", "--progress", progress_arg];

    let mut app = App::spawn(100, 30, &args);
    app.wait_for("Model producers");
    app.send(b"4");
    let before = app.wait_until("the match figure", |s| match_percent(s).is_some());
    let (pct0, covered0) = (
        match_percent(&before).unwrap(),
        covered_count(&before).unwrap(),
    );

    // Spark and DBT (S33, S34) are two of NQ3's four skills: ticking both is
    // half of it, partly covered: the figure rises, no requirement is met.
    app.send(b"3");
    move_cursor_to(&mut app, "S33");
    tick_focused(&mut app, "S33");
    app.send(b"n");
    app.wait_for("Enter save the note");
    app.send("spark 教程 done".as_bytes());
    app.wait_for("✎ Note: spark 教程 done");
    app.send(b"\r");
    app.wait_for("✎ spark 教程 done");
    move_cursor_to(&mut app, "S34");
    tick_focused(&mut app, "S34");
    quit_ok(&mut app);

    let saved = std::fs::read_to_string(&progress).unwrap();
    assert!(saved.contains("spark 教程 done"), "{saved}");

    let mut app = App::spawn(100, 30, &args);
    app.wait_for("Model producers");
    app.send(b"3");
    move_cursor_to(&mut app, "S33");
    app.wait_until("S33 ticked, with its note", |s| {
        s.contents().contains("✎ spark 教程 done") && checkbox_of(s, "S33") == Some("[x]")
    });
    move_cursor_to(&mut app, "S34");
    app.wait_until("S34 ticked", |s| checkbox_of(s, "S34") == Some("[x]"));
    app.send(b"4");
    let after = app.wait_until("the match figure", |s| match_percent(s).is_some());
    assert!(match_percent(&after).unwrap() > pct0, "{}", dump(&after));
    assert_eq!(covered_count(&after).unwrap(), covered0, "{}", dump(&after));
    quit_ok(&mut app);
}

#[test]
fn search_jumps_to_the_prompt_engineer() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.yaml");
    let mut app = App::spawn(
        100,
        30,
        &["--lang", "en", "--progress", progress.to_str().unwrap()],
    );
    app.wait_for("Model producers");
    app.send(b"/");
    app.wait_for("Search roles, skills, postings and topics");
    app.send(b"prompt eng");
    app.wait_for("/ prompt eng");
    // Results come from the search thread, a frame or so after the echo.
    app.wait_for("role   Prompt Engineer");
    app.send(b"\r");
    // Its detail in pane 1, where every role has one.
    app.wait_until("the role shown and the overlay closed", |s| {
        let text = s.contents();
        text.contains("Role: Prompt Engineer") && !text.contains("Search roles")
    });
    quit_ok(&mut app);
}

// Needs a test switch, which only a debug build reads.
#[cfg(debug_assertions)]
#[test]
fn typing_is_drawn_while_a_slow_search_runs() {
    // Every answer is held back 1.5 s on the search thread (long beside the
    // 20 ms poll, short enough not to slow the suite). Were matching on the
    // UI thread, the typed query could never be on screen with "searching…".
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.yaml");
    let mut app = App::spawn_program(
        100,
        30,
        "/usr/bin/env",
        &[
            "CAREER_EXPLORER_SEARCH_DELAY_MS=1500",
            BIN,
            "--lang",
            "en",
            "--progress",
            progress.to_str().unwrap(),
        ],
    );
    app.wait_for("Model producers");
    app.send(b"/");
    app.wait_for("Search roles, skills, postings and topics");
    app.send(b"prompt eng");
    // The query and "searching…" are one frame; wait for both.
    let screen = app.wait_until("the typed query with \"searching…\"", |s| {
        let text = s.contents();
        text.contains("/ prompt eng") && text.contains("searching…")
    });
    assert!(
        !screen.contents().contains("Prompt Engineer"),
        "{}",
        dump(&screen)
    );
    // The answer to the newest query arrives, the stale ones are dropped.
    let screen = app.wait_until("results for the whole query", |s| {
        s.contents().contains("role   Prompt Engineer") && !s.contents().contains("searching")
    });
    assert!(
        screen.contents().contains("/ prompt eng"),
        "{}",
        dump(&screen)
    );
    app.send(b"\r");
    app.wait_for("Role: Prompt Engineer");
    quit_ok(&mut app);
}

/// Pids of the direct children of `pid` (Linux /proc).
fn children_of(pid: u32) -> Vec<u32> {
    std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|p| p.parse().ok())
        .collect()
}

/// Runs the app from a shell that, once the app ends, prints its exit code
/// and the terminal's modes; sends `signal` to the app and checks the
/// terminal was handed back as it was found.
fn signal_restores_the_terminal(signal: &str, code: i32) {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.yaml");
    let script = r#""$0" --lang en --progress "$1"; echo "EXIT=$?"; stty -a; sleep 30"#;
    if signal == "PANIC" {
        let script = format!("CAREER_EXPLORER_PANIC_AFTER_DRAW=1 {script}");
        let mut app = App::spawn_program(
            100,
            30,
            "sh",
            &["-c", &script, BIN, progress.to_str().unwrap()],
        );
        app.wait_for(&format!("EXIT={code}"));
        let screen = app.wait_until("stty's modes", |s| s.contents().contains("icanon"));
        assert_restored(&screen);
        return;
    }
    let mut app = App::spawn_program(
        100,
        30,
        "sh",
        &["-c", script, BIN, progress.to_str().unwrap()],
    );
    // The cursor escape may come after the first text: wait for both.
    app.wait_until("the first frame, the cursor hidden", |s| {
        s.contents().contains("Model producers") && s.alternate_screen() && s.hide_cursor()
    });
    let shell = app.child.process_id().expect("shell pid");
    let app_pid = (0..200)
        .find_map(|_| {
            let kids = children_of(shell);
            if kids.is_empty() {
                std::thread::sleep(POLL);
            }
            kids.first().copied()
        })
        .expect("the app runs under the shell");
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &app_pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    app.wait_for(&format!("EXIT={code}"));
    let screen = app.wait_until("stty's modes", |s| s.contents().contains("icanon"));
    assert_restored(&screen);
}

/// Whether the screen shows the terminal handed back: main screen, cursor
/// shown, cooked mode in stty's report (what `assert_restored` checks).
fn assert_restored(screen: &vt100::Screen) {
    assert!(
        !screen.alternate_screen(),
        "alternate screen left: {}",
        dump(screen)
    );
    assert!(!screen.hide_cursor(), "cursor shown");
    let modes = screen.contents();
    assert!(
        !modes.contains("-icanon") && !modes.contains("-echo "),
        "cooked mode: {modes}"
    );
    assert!(
        modes.contains(" icanon") && modes.contains(" echo "),
        "{modes}"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_the_terminal("TERM", 143);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores_the_terminal("HUP", 129);
}

#[test]
fn sigint_restores_the_terminal() {
    signal_restores_the_terminal("INT", 130);
}

// Needs a test switch, which only a debug build reads.
#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal() {
    signal_restores_the_terminal("PANIC", 101);
}

/// Cells drawn with a colour other than the terminal's default.
fn coloured_cells(screen: &vt100::Screen) -> usize {
    let (rows, cols) = screen.size();
    (0..rows.get())
        .flat_map(|r| (0..cols.get()).map(move |c| (r, c)))
        .filter(|&(r, c)| {
            screen.cell(r, c).is_some_and(|cell| {
                cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default
            })
        })
        .count()
}

#[test]
fn no_color_in_the_environment_turns_colour_off() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.yaml");
    let p = progress.to_str().unwrap();
    let mut app = App::spawn(100, 30, &["--lang", "en", "--progress", p]);
    let screen = app.wait_for("? help");
    assert!(coloured_cells(&screen) > 0, "colour by default");
    quit_ok(&mut app);
    let mut app = App::spawn_program(
        100,
        30,
        "env",
        &["NO_COLOR=1", BIN, "--lang", "en", "--progress", p],
    );
    let screen = app.wait_for("? help");
    assert_eq!(coloured_cells(&screen), 0, "{}", dump(&screen));
    quit_ok(&mut app);
    let mut app = App::spawn(
        100,
        30,
        &["--color", "never", "--lang", "en", "--progress", p],
    );
    let screen = app.wait_for("? help");
    assert_eq!(coloured_cells(&screen), 0);
    quit_ok(&mut app);
}

/// A case's input file, copied into tests/cases/.
fn case_file(case: &str, name: &str) -> String {
    let path = fixture("cases").join(case).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The note editor's line ("✎ Note: ..."), if it is open (its key hints
/// show in the status line).
fn editor_line(screen: &vt100::Screen) -> Option<String> {
    if !screen.contents().contains("Enter save the note") {
        return None;
    }
    lines(screen).into_iter().find(|l| l.contains("✎ Note: "))
}

/// Starts the app on a fresh progress file and opens the note editor on S01.
fn app_with_note_editor(dir: &Path) -> App {
    let progress = dir.join("p.yaml");
    let mut app = App::spawn(
        100,
        30,
        &["--lang", "en", "--progress", progress.to_str().unwrap()],
    );
    app.wait_for("Model producers");
    app.send(b"3");
    app.wait_until("S01 highlighted", |s| {
        highlighted_skill(s).as_deref() == Some("S01")
    });
    app.send(b"n");
    app.wait_until("the note editor open", |s| editor_line(s).is_some());
    app
}

/// Case paste-newline-runs-commands: a two-line paste into the note editor
/// submitted the note at the line break and ran the rest as keys (x skipped
/// S01, Space ticked it, q quit). A paste is text: the editor stays open
/// with the line break turned into a space; nothing else happens.
#[test]
fn paste_newline_runs_commands() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_note_editor(dir.path());
    app.paste(&case_file("paste-newline-runs-commands", "paste.txt"));
    app.wait_until("the whole paste in the open editor, as one line", |s| {
        editor_line(s).is_some_and(|l| l.contains("Note: line one x q"))
            && checkbox_of(s, "S01") == Some("[ ]")
    });
    assert!(
        app.child.try_wait().unwrap().is_none(),
        "the app is still running"
    );
    assert!(
        !dir.path().join("p.yaml").exists(),
        "nothing was saved or ticked"
    );
    // Enter keeps it, as typed text would be kept.
    app.send(b"\r");
    app.wait_for("✎ line one x q");
    quit_ok(&mut app);
    let saved = std::fs::read_to_string(dir.path().join("p.yaml")).unwrap();
    assert!(saved.contains("line one x q"), "{saved}");
    assert!(
        !saved.contains("done") && !saved.contains("skipped"),
        "no key of the paste ran: {saved}"
    );
}

/// Enters a long paste into the note editor and checks all of it arrives
/// at once, without another key, and is saved whole.
fn long_input_arrives_whole(send: impl FnOnce(&mut App, &str)) {
    let text = case_file("large-paste-stalls", "paste.txt");
    let text = text.trim_end();
    assert_eq!(text.len(), 1805);
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_note_editor(dir.path());
    send(&mut app, text);
    app.wait_until("the end of the paste in the editor", |s| {
        editor_line(s).is_some_and(|l| l.contains("0358 0359 ZZEND"))
    });
    app.send(b"\r");
    app.wait_until("the editor closed", |s| editor_line(s).is_none());
    quit_ok(&mut app);
    let saved = std::fs::read_to_string(dir.path().join("p.yaml")).unwrap();
    assert!(saved.contains(text), "the whole paste is the note: {saved}");
}

/// Case large-paste-stalls: of a 1,805-character paste only about 1 KiB
/// arrived; the rest waited for the next key press, however long.
#[test]
fn large_paste_stalls() {
    long_input_arrives_whole(super::harness::App::paste);
}

/// The same fault without bracketed paste (a terminal that lacks it, or
/// typing that fast): input beyond 1 KiB must not wait for another key.
#[test]
fn a_long_burst_of_typed_input_arrives_whole() {
    long_input_arrives_whole(|app, text| app.send(text.as_bytes()));
}

/// The process state letter in /proc/PID/stat ("T" when stopped).
fn process_state(pid: u32) -> String {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit(')')
        .next()
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or("")
        .to_string()
}

/// The pty's modes as `stty -a` reports them, read through the child's stdin.
fn tty_modes(pid: u32) -> String {
    let tty = std::fs::read_link(format!("/proc/{pid}/fd/0")).expect("the child's tty");
    let out = Command::new("stty")
        .arg("-F")
        .arg(&tty)
        .arg("-a")
        .output()
        .expect("stty");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Stops the app with `stop` (Ctrl-Z or SIGTSTP); checks the terminal is
/// handed back and the process stopped; continues it (what `fg` sends) and
/// checks the whole frame is drawn again and keys act at once (raw mode).
fn suspend_and_resume(stop: impl FnOnce(&mut App)) {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.yaml");
    let mut app = App::spawn(
        100,
        30,
        &["--lang", "en", "--progress", progress.to_str().unwrap()],
    );
    app.wait_until(
        "the first frame, the cursor hidden, mouse reporting on",
        |s| {
            s.contents().contains("? help")
                && s.alternate_screen()
                && s.hide_cursor()
                && s.mouse_protocol_mode() != vt100::MouseProtocolMode::None
        },
    );
    let pid = app.pid();
    stop(&mut app);
    app.wait_until(
        "main screen back, cursor shown, mouse reporting and bracketed paste off",
        |s| {
            !s.alternate_screen()
                && !s.hide_cursor()
                && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
                && !s.bracketed_paste()
        },
    );
    let start = Instant::now();
    while process_state(pid) != "T" {
        assert!(start.elapsed() < DEADLINE, "the app did not stop");
        std::thread::sleep(POLL);
    }
    let modes = tty_modes(pid);
    assert!(
        modes.contains(" icanon") && modes.contains(" echo "),
        "cooked mode while stopped: {modes}"
    );
    let status = Command::new("kill")
        .args(["-CONT", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    // Re-entering the alternate screen blanks it: the frame must be drawn anew.
    app.wait_until("the whole frame drawn again", |s| {
        let text = s.contents();
        s.alternate_screen()
            && s.hide_cursor()
            && text.contains("Model producers")
            && text.contains("? help")
    });
    let modes = tty_modes(pid);
    assert!(modes.contains("-icanon"), "raw mode again: {modes}");
    // One key, no Enter: raw mode.
    app.send(b"3");
    app.wait_until("the skills checklist", |s| highlighted_skill(s).is_some());
    quit_ok(&mut app);
}

/// Case sigtstp-fg-broken-terminal: a SIGTSTP from outside stopped the app
/// with the terminal still in the alternate screen, raw mode and mouse
/// reporting; after fg the screen was not redrawn.
#[test]
fn sigtstp_fg_broken_terminal() {
    suspend_and_resume(|app| {
        let status = Command::new("kill")
            .args(["-TSTP", &app.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    });
}

/// Ctrl-Z (raw mode makes it a key, 0x1a) suspends the same way.
#[test]
fn ctrl_z_suspends_and_fg_resumes() {
    suspend_and_resume(|app| app.send(&[0x1a]));
}

/// Runs the app in a pty through `sh -c script` and returns its exit code
/// and every byte it wrote to the terminal.
fn refused_start(script: &str, env: &[(&str, &str)], dir: &Path) -> (u32, String, Vec<u8>) {
    let progress = dir.join("p.yaml");
    let out = dir.join("out.txt");
    let mut app = App::spawn_env(
        100,
        30,
        "sh",
        &[
            "-c",
            script,
            BIN,
            progress.to_str().unwrap(),
            out.to_str().unwrap(),
        ],
        env,
    );
    let (status, screen) = app.wait_exit();
    let raw = app.raw.lock().unwrap().clone();
    assert!(!progress.exists(), "a refused start touches nothing");
    (status.exit_code(), screen.contents(), raw)
}

/// Case tui-with-stdout-redirected: with stdout redirected to a file the app
/// ran blind in raw mode, drawing into the file. It must refuse: exit 2, one
/// line on the terminal saying why, nothing written to the file.
#[test]
fn tui_with_stdout_redirected() {
    let dir = tempfile::tempdir().unwrap();
    let (code, text, _) = refused_start(
        r#"exec "$0" --lang en --progress "$1" > "$2""#,
        &[],
        dir.path(),
    );
    assert_eq!(code, 2, "{text}");
    assert_eq!(
        text.trim(),
        "error: the full-screen app needs a terminal (stdout is not one); for scripts use the commands: career-explorer --help"
    );
    let written = std::fs::read(dir.path().join("out.txt")).unwrap();
    assert!(
        written.is_empty(),
        "{} bytes drawn into the file",
        written.len()
    );
}

/// Case term-dumb-ignored: with TERM=dumb the app sent the full-screen UI
/// (alternate screen, mouse reporting, colours) to a terminal that cannot
/// show it. It must refuse: exit 2, one plain line, no escape sequence.
#[test]
fn term_dumb_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let (code, text, raw) = refused_start(
        r#"exec "$0" --lang en --progress "$1""#,
        &[("TERM", "dumb")],
        dir.path(),
    );
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("needs a terminal (TERM=dumb cannot show it)")
            && text.contains("career-explorer --help"),
        "{text}"
    );
    assert!(
        !raw.contains(&0x1b),
        "escape sequences sent to a dumb terminal: {:?}",
        String::from_utf8_lossy(&raw)
    );
}

/// The screen's text with all white space removed, so a message wrapped
/// over several rows reads as one string.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Case status-message-cut-at-half-width: the message about the progress
/// file was cut to half the terminal's width, hiding the path the user
/// needs. (The file is no longer moved aside: the message now names the
/// slip's file, line and column.) It must show whole, at 80 and at 120
/// columns, and stay until the next action.
#[test]
fn status_message_cut_at_half_width() {
    for cols in [80u16, 120] {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("a-rather-long-folder-name");
        std::fs::create_dir(&folder).unwrap();
        let progress = folder.join("progress.yaml");
        std::fs::write(
            &progress,
            case_file("status-message-cut-at-half-width", "progress.yaml"),
        )
        .unwrap();
        let mut app = App::spawn(
            cols,
            24,
            &["--lang", "en", "--progress", progress.to_str().unwrap()],
        );
        // The message names the file, the line and column and the cause: all
        // of it must be on screen (wrapped, never cut).
        let whole = |s: &vt100::Screen| {
            squeezed(&s.contents()).contains(&squeezed(&format!(
                "{}:4:12: skill S01: unknown state `Mastered`",
                progress.display()
            )))
        };
        app.wait_until("the whole message, path, line and column", whole);
        // The next action dismisses it.
        app.send(b"3");
        app.wait_until("the message gone, the checklist's hints shown", |s| {
            let text = s.contents();
            !text.contains("do not read") && text.contains("p learning")
        });
        quit_ok(&mut app);
    }
}
/// Issue 13: an ad imported from the command line is in pane 4 at the next
/// start, marked as the user's own, with its skill coverage.
#[test]
fn an_imported_ad_shows_in_pane_4() {
    let home = Home::new();
    let out = home
        .cmd()
        .args(["postings", "import"])
        .arg(fixture("ads/01_startup_en.txt"))
        .args(["--company", "Brightloom"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let progress = home.path().join("p.yaml");
    let args = ["--lang", "en", "--progress", progress.to_str().unwrap()];
    let mut app = App::spawn_at_home(100, 30, BIN, &args, home.path());
    app.wait_for("Model producers");
    app.send(b"4");
    app.wait_for("Notion — AI Engineer");
    // Own postings come after the bundled ones.
    let n = career_core::store::loader::load_bundled()
        .unwrap()
        .postings
        .len()
        + 1;
    app.send(&vec![b'l'; n - 1]);
    let yours = format!("yours · posting {n}/{n}");
    let screen = app.wait_until("the imported posting, marked as yours", |s| {
        let t = s.contents();
        // The title's head is cut first to keep the figures whole.
        t.contains("Brightloom — AI Engineer") && t.contains(&yours)
    });
    let text = screen.contents();
    assert!(
        text.contains("skill coverage 0% · 0 of 7 mappable requirements met"),
        "{}",
        dump(&screen)
    );
    assert!(
        text.contains("4+ years of experience · not given"),
        "{}",
        dump(&screen)
    );
    quit_ok(&mut app);
}
