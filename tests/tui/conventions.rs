//! What a terminal user expects (issue 24): undo and redo, copy, the config
//! file with its key overrides, and the man page kept in step with clap.

use crate::common;

use std::path::Path;

use assert_cmd::Command;
use career_core::model::Lang;
use career_explorer::config::{self, Flags};
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::Effect;
use common::{bundled_app, screen};

/// The app on pane 3 with the focused skill's id.
fn on_skills(lang: Lang) -> (career_explorer::tui::app::App, String) {
    let mut app = bundled_app(lang);
    app.update(Action::GoPane(Pane::Skills));
    let s = app.focused_skill().expect("a skill under the cursor");
    let id = app.catalog.skills[s].id.clone();
    (app, id)
}

#[test]
fn undo_and_redo_say_what_they_did_and_save_it() {
    let (mut app, id) = on_skills(Lang::En);
    assert_eq!(app.update(Action::Toggle), Effect::Save);
    app.update(Action::ToggleLearning);
    app.dirty.clear(); // as after a save
    assert_eq!(app.update(Action::Undo), Effect::Save, "an undo is saved");
    assert!(
        app.dirty.contains(&id),
        "and merged per field as any change"
    );
    let text = screen(&mut app, 120, 30);
    assert!(
        text.contains(&format!("undid: {id} learning → done")),
        "{text}"
    );
    app.update(Action::Undo);
    assert!(screen(&mut app, 120, 30).contains(&format!("undid: {id} done → not started")));
    app.update(Action::Undo);
    assert!(screen(&mut app, 120, 30).contains("nothing to undo"));
    assert_eq!(app.update(Action::Redo), Effect::Save);
    assert!(screen(&mut app, 120, 30).contains(&format!("redid: {id} not started → done")));
    assert!(app.is_done(app.focused_skill().unwrap()));
}

#[test]
fn undo_speaks_chinese_too_and_covers_notes_and_the_profile() {
    let (mut app, id) = on_skills(Lang::Zh);
    app.update(Action::EditNote);
    for c in "读书".chars() {
        app.update(Action::Edit(career_explorer::tui::action::EditKey::Char(c)));
    }
    app.update(Action::Edit(career_explorer::tui::action::EditKey::Submit));
    assert_eq!(app.note(app.focused_skill().unwrap()), "读书");
    app.update(Action::GoPane(Pane::Jobs));
    app.update(Action::YearsUp);
    app.update(Action::Undo);
    // Wide characters take two cells: compare without the blanks.
    let squeezed = |app: &mut career_explorer::tui::app::App| screen(app, 120, 30).replace(' ', "");
    let text = squeezed(&mut app);
    assert!(text.contains("已撤销:年限1→无"), "{text}");
    assert_eq!(app.progress.profile.years, None);
    app.update(Action::Undo);
    let text = squeezed(&mut app);
    assert!(text.contains(&format!("已撤销:{id}笔记")), "{text}");
    assert_eq!(app.note(app.focused_skill().unwrap()), "");
}

#[test]
fn y_copies_the_selected_skill_or_requirement_and_says_so() {
    let (mut app, id) = on_skills(Lang::En);
    assert_eq!(app.update(Action::Copy), Effect::None);
    let copied = app.to_copy.clone().expect("text to copy");
    assert!(copied.starts_with(&format!("{id} ")), "{copied}");
    assert!(screen(&mut app, 120, 30).contains(&format!("copied: {id} ")));
    app.update(Action::GoPane(Pane::Jobs));
    app.to_copy = None;
    app.update(Action::Copy);
    let req = &app.catalog.postings[0].requirements[0];
    assert_eq!(app.to_copy.as_deref(), Some(req.text.get(Lang::En)));
    // Off (TERM=dumb or the config switch): nothing is sent, and it says why.
    app.to_copy = None;
    app.copy_enabled = false;
    app.update(Action::Copy);
    assert!(app.to_copy.is_none());
    assert!(screen(&mut app, 120, 30).contains("copying is off"));
    app.update(Action::GoPane(Pane::Compare));
    app.copy_enabled = true;
    app.update(Action::Copy);
    assert!(screen(&mut app, 120, 30).contains("nothing to copy here"));
}

#[test]
fn the_help_overlay_and_the_hints_show_the_users_keys() {
    let file = config::parse(
        "[keys]\ndone = \"t\"\nhelp = \"f1\"\n",
        Path::new("config.toml"),
    )
    .expect("config reads");
    let settings = config::resolve(&Flags::default(), Some(&file), None, |_| None);
    let (mut app, _) = on_skills(Lang::En);
    app.keys = settings.keymap;
    let text = screen(&mut app, 120, 30);
    let status = text.lines().last().unwrap_or_default();
    assert!(status.contains("t done"), "{status}");
    assert!(status.contains("F1 help"), "{status}");
    assert!(!status.contains("Space"), "{status}");
    app.update(Action::ToggleHelp);
    let text = screen(&mut app, 120, 100);
    assert!(text.contains("Keys · F1/Esc close"), "{text}");
    let row = |label: &str| {
        text.lines()
            .find(|l| l.contains(label))
            .unwrap_or_default()
            .to_string()
    };
    assert!(row("  done").contains(" t "), "{text}");
    assert!(row("undo the last change").contains(" u "), "{text}");
    assert!(row("redo what was undone").contains("Ctrl-R"), "{text}");
    assert!(
        text.contains("Ctrl-W"),
        "the editor's readline keys: {text}"
    );
}

#[test]
fn the_man_page_is_in_step_with_the_clap_definition() {
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/career-explorer.1"),
    )
    .expect("docs/career-explorer.1");
    let now = career_explorer::cli::man::page();
    assert!(
        committed == now,
        "docs/career-explorer.1 is out of date: run `cargo run -- man > docs/career-explorer.1`"
    );
    assert!(now.contains(".TH career-explorer 1"));
}

/// The binary with HOME and XDG folders under `home`.
fn bin(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("career-explorer").expect("the binary");
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env_remove("CAREER_EXPLORER_LANG")
        .env_remove("CAREER_EXPLORER_DATA")
        .env_remove("NO_COLOR")
        .env("LANG", "C.UTF-8");
    cmd
}

fn write_config(home: &Path, text: &str) -> std::path::PathBuf {
    let dir = home.join("config/career-explorer");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_broken_config_file_stops_every_command_with_its_position() {
    let home = tempfile::tempdir().unwrap();
    let path = write_config(home.path(), "language = \"en\"\n[keys]\n  dnoe = \"t\"\n");
    let out = bin(home.path()).arg("roles").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:3:3: unknown action \"dnoe\"", path.display())),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    // The app does not start on half a file either.
    let out = bin(home.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // But the default file can always be printed, to start again from.
    let out = bin(home.path())
        .args(["config", "--default"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("# done = [\"space\"]"));
}

#[test]
fn a_fifo_in_place_of_the_config_file_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let path = write_config(home.path(), "");
    std::fs::remove_file(&path).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&path).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let out = bin(home.path())
        .arg("roles")
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}

#[test]
fn config_prints_each_setting_and_where_it_came_from() {
    let home = tempfile::tempdir().unwrap();
    let path = write_config(
        home.path(),
        "language = \"zh\"\ncolor = \"never\"\nhours_per_week = 8\n[keys]\nquit = \"Q\"\n",
    );
    let out = bin(home.path())
        .args(["config", "--color", "always"])
        .env("CAREER_EXPLORER_DATA", "/somewhere")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let line = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_default()
            .to_string()
    };
    // The file asks for Chinese: the comments say where in Chinese.
    let file = format!("配置文件 {}", path.display());
    assert!(
        line("language").contains("zh") && line("language").contains(&file),
        "{text}"
    );
    assert!(
        line("color").contains("always") && line("color").contains("命令行参数 --color"),
        "{text}"
    );
    assert!(
        line("data").contains("环境变量 CAREER_EXPLORER_DATA"),
        "{text}"
    );
    assert!(line("hours_per_week").contains('8'), "{text}");
    assert!(line("keys.quit").contains('Q'), "{text}");
    // Flag beats environment beats file, for the language as well.
    let out = bin(home.path())
        .args(["config"])
        .env("CAREER_EXPLORER_LANG", "en")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("environment CAREER_EXPLORER_LANG"), "{text}");
    let out = bin(home.path())
        .args(["config", "--lang", "en"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("flag --lang"));
}

#[test]
fn the_config_files_data_folder_is_loaded() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("mine");
    bin(home.path())
        .args(["data", "--out"])
        .arg(&data)
        .assert()
        .success();
    write_config(home.path(), "data = \"../../mine\"\n");
    let out = bin(home.path()).args(["config"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("mine"), "{text}");
    bin(home.path()).arg("validate").assert().success();
}
