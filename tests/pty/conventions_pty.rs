//! The real binary in a pseudo-terminal: a key remapped in the config file
//! works, undo shows in the status line, and where the user left off is
//! restored at the next start.

use crate::harness as pty;

use std::path::Path;

use pty::*;

/// The environment of a run whose HOME and XDG folders are under `home`
/// (the same for two runs, so the second sees what the first left).
fn env_at(home: &Path) -> Vec<(String, String)> {
    let at = |sub: &str| home.join(sub).to_string_lossy().into_owned();
    vec![
        ("HOME".into(), at("")),
        ("XDG_DATA_HOME".into(), at("data")),
        ("XDG_CONFIG_HOME".into(), at("config")),
        ("XDG_CACHE_HOME".into(), at("cache")),
        ("XDG_STATE_HOME".into(), at("state")),
    ]
}

fn spawn_at(home: &Path) -> App {
    let env = env_at(home);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    App::spawn_env(100, 30, BIN, &[], &env)
}

#[test]
fn a_key_remapped_in_the_config_file_ticks_a_skill_and_undo_says_so() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("config/career-explorer");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "[keys]\ndone = \"t\"\n").unwrap();
    let mut app = spawn_at(home.path());
    app.send(b"3");
    app.wait_until("the checklist with the remapped hint", |s| {
        highlighted_skill(s).is_some() && s.contents().contains("t done")
    });
    let id = highlighted_skill(&app.screen()).unwrap();
    app.send(b" ");
    app.send(b"t");
    app.wait_until("the skill ticked by t", |s| {
        checkbox_of(s, &id) == Some("[x]")
    });
    app.send(b"u");
    app.wait_for(&format!("undid: {id} done → not started"));
    app.wait_until("the tick gone", |s| checkbox_of(s, &id) == Some("[ ]"));
    app.send(b"q");
    let (status, _) = app.wait_exit();
    assert!(status.success());
    let progress = std::fs::read_to_string(home.path().join("data/career-explorer/progress.yaml"))
        .expect("the progress file");
    assert!(
        !progress.contains("state: done"),
        "the undo was saved: {progress}"
    );
}

#[test]
fn the_pane_skill_and_language_are_restored_at_the_next_start() {
    let home = tempfile::tempdir().unwrap();
    let mut app = spawn_at(home.path());
    app.send(b"3");
    app.wait_until("the checklist", |s| highlighted_skill(s).is_some());
    for _ in 0..3 {
        app.press_and_wait_change(b"j", "the cursor to move", highlighted_skill);
    }
    let id = highlighted_skill(&app.screen()).unwrap();
    app.send(b"L");
    app.wait_for("技能清单");
    app.send(b"q");
    let (status, _) = app.wait_exit();
    assert!(status.success());
    let state = std::fs::read_to_string(home.path().join("state/career-explorer/state.toml"))
        .expect("the state file");
    assert!(state.contains(&format!("skill = \"{id}\"")), "{state}");

    let mut again = spawn_at(home.path());
    again.wait_until("the same skill focused, in Chinese", |s| {
        highlighted_skill(s).as_deref() == Some(id.as_str()) && s.contents().contains("技能清单")
    });
    again.send(b"q");
    again.wait_exit();
}

#[test]
fn a_broken_state_file_is_ignored_without_a_word() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("state/career-explorer");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("state.toml"), "pane = [not toml\n").unwrap();
    let mut app = spawn_at(home.path());
    app.wait_for("AI Engineer");
    app.send(b"q");
    let (status, _) = app.wait_exit();
    assert!(status.success());
}

#[test]
fn y_sends_the_selected_skill_through_osc_52() {
    let home = tempfile::tempdir().unwrap();
    let mut app = spawn_at(home.path());
    app.send(b"3");
    app.wait_until("the checklist", |s| highlighted_skill(s).is_some());
    let id = highlighted_skill(&app.screen()).unwrap();
    app.send(b"y");
    app.wait_for(&format!("copied: {id} "));
    let raw = app.raw.lock().unwrap().clone();
    let raw = String::from_utf8_lossy(&raw);
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + 7;
    let end = start + raw[start..].find('\x07').expect("ended by BEL");
    use base64::Engine;
    let text = base64::engine::general_purpose::STANDARD
        .decode(&raw[start..end])
        .expect("base64");
    assert!(String::from_utf8_lossy(&text).starts_with(&format!("{id} ")));
    app.send(b"q");
    app.wait_exit();
}

/// USABILITY I12: a start with nothing ticked says where to begin; once a
/// skill is ticked, the next start no longer does.
#[test]
fn a_first_start_says_where_to_begin_until_a_skill_is_ticked() {
    let home = tempfile::tempdir().unwrap();
    let mut app = spawn_at(home.path());
    app.wait_for("New here? 3 tick the skills you have");
    app.send(b"3");
    app.wait_until("the checklist", |s| highlighted_skill(s).is_some());
    let id = highlighted_skill(&app.screen()).unwrap();
    app.send(b" ");
    app.wait_until("the skill ticked", |s| checkbox_of(s, &id) == Some("[x]"));
    app.send(b"q");
    let (status, _) = app.wait_exit();
    assert!(status.success());
    let mut again = spawn_at(home.path());
    let screen = again.wait_until("the checklist again", |s| highlighted_skill(s).is_some());
    assert!(
        !screen.contents().contains("New here?"),
        "{}",
        dump(&screen)
    );
    again.send(b"q");
    assert!(again.wait_exit().0.success());
}
