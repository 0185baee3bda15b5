//! Issue 23 point 2, the files the user gives: under `--lang zh` the
//! problems of a `--data` folder, a progress file, an own posting and the
//! `config` command's comments are Chinese (the English-word check of
//! [`super::zh_every_command`]), each still at its `file:line:col`; in
//! English they read as they always did.

use std::path::Path;

use crate::common::{Home, bundled_data, copy_bundled_data, fixture};
use crate::zh_every_command::{allowed, english, half_width_brackets};

/// Runs the binary in `home` in `lang` and gives (status, stdout, stderr).
fn run(home: &Home, lang: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let out = home
        .cmd()
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A copy of the bundled data in `home`/`name` with `edit` made to `file`.
fn broken_data(home: &Home, name: &str, edits: &[(&str, &str, &str)]) -> String {
    let dir = home.path().join(name);
    std::fs::create_dir(&dir).unwrap();
    copy_bundled_data(&dir);
    for (file, from, to) in edits {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
    dir.display().to_string()
}

/// The `file:line:col` places of an English report: the start of each
/// line that names one, up to its `: `.
fn places(english_text: &str) -> Vec<String> {
    english_text
        .lines()
        .filter_map(|l| {
            let l = l
                .trim_start()
                .strip_prefix("error: ")
                .unwrap_or(l.trim_start());
            let l = l.strip_prefix("warning: ").unwrap_or(l);
            let (place, _) = l.split_once(": ")?;
            let mut parts = place.rsplitn(3, ':');
            let numbers =
                parts.next()?.parse::<usize>().is_ok() && parts.next()?.parse::<usize>().is_ok();
            numbers.then(|| place.to_string())
        })
        .collect()
}

/// The Chinese text has no English words and no half-width brackets
/// against Chinese, and every place of the English text followed by `：`.
fn check_chinese(what: &str, zh: &str, en: &str, failures: &mut Vec<String>) {
    let bad = english(zh, &allowed());
    if !bad.is_empty() || !half_width_brackets(zh).is_empty() {
        failures.push(format!("{what}: {bad:?}\n{zh}"));
    }
    let places = places(en);
    if places.is_empty() {
        failures.push(format!("{what}: no file:line:col in the English\n{en}"));
    }
    for place in places {
        if !zh.contains(&format!("{place}：")) {
            failures.push(format!("{what}: `{place}` lost\n{zh}"));
        }
    }
}

#[test]
fn a_broken_data_folder_is_reported_in_chinese_at_its_places() {
    let home = Home::new();
    let cases = [
        (
            "duplicate id and unknown references",
            vec![
                ("roles.yaml", "  - id: ml_engineer", "  - id: ml_researcher"),
                ("postings.yaml", "skills: [S06,", "skills: [nosuch, S06,"),
                ("roles.yaml", "basis: [li-2026]", "basis: [li-2099]"),
            ],
        ),
        (
            "syntax",
            vec![("skills.yaml", "see_also: [S54]", "see_also: [S54")],
        ),
        (
            "wrong type",
            vec![(
                "postings.yaml",
                "skills: [S06,",
                "skills: 7\n        x: [S06,",
            )],
        ),
        (
            "refused YAML",
            vec![("notes.yaml", "traits:\n", "traits: &a\n")],
        ),
        (
            "duplicate key",
            vec![("notes.yaml", "traits:\n", "x: 1\nx: 2\ntraits:\n")],
        ),
    ];
    let mut failures = Vec::new();
    for (i, (what, edits)) in cases.iter().enumerate() {
        let dir = broken_data(&home, &format!("data{i}"), edits);
        let (code, _, en) = run(&home, "en", &["--data", &dir, "validate"]);
        assert_eq!(code, Some(2), "{what}: {en}");
        let (code, _, zh) = run(&home, "zh", &["--data", &dir, "validate"]);
        assert_eq!(code, Some(2), "{what}: {zh}");
        assert!(zh.starts_with("错误：数据有误："), "{what}: {zh}");
        check_chinese(what, &zh, &en, &mut failures);
    }
    // The resources file of a folder that is otherwise sound.
    let dir = broken_data(&home, "res", &[]);
    let text = std::fs::read_to_string(bundled_data().join("resources.yaml")).unwrap();
    let text = text
        .replacen("checked: 2026-12-05", "checked: soon", 1)
        .replacen(
            "{skill: python, hours: [20, 40]}",
            "{skill: pythn, hours: [40, 20]}",
            1,
        );
    std::fs::write(Path::new(&dir).join("resources.yaml"), text).unwrap();
    let (code, _, en) = run(&home, "en", &["--data", &dir, "validate"]);
    assert_eq!(code, Some(2), "{en}");
    assert!(en.contains("is not a date (YYYY-MM-DD)"), "{en}");
    let (_, _, zh) = run(&home, "zh", &["--data", &dir, "validate"]);
    check_chinese("resources", &zh, &en, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_english_of_a_broken_data_folder_is_unchanged() {
    let home = Home::new();
    let dir = broken_data(
        &home,
        "d",
        &[("postings.yaml", "skills: [S06,", "skills: [nosuch, S06,")],
    );
    let (_, _, en) = run(&home, "en", &["--data", &dir, "validate"]);
    let want = format!(
        "error: invalid data: 1 problem\n  {dir}/postings.yaml:22:18: posting item `NR1` names unknown skill `nosuch`\n"
    );
    assert_eq!(en, want);
    let dir = broken_data(
        &home,
        "s",
        &[("skills.yaml", "see_also: [S54]", "see_also: [S54")],
    );
    let (_, _, en) = run(&home, "en", &["--data", &dir, "validate"]);
    assert!(
        en.contains("/skills.yaml:233:3: did not find expected ',' or ']', while parsing a flow sequence at line 231 column 15\n"),
        "{en}"
    );
    let dir = broken_data(
        &home,
        "t",
        &[(
            "postings.yaml",
            "skills: [S06,",
            "skills: 7\n        x: [S06,",
        )],
    );
    let (_, _, en) = run(&home, "en", &["--data", &dir, "validate"]);
    assert!(
        en.contains(": postings[0].responsibilities[0].skills: invalid type: integer `7`, expected a sequence"),
        "{en}"
    );
}

/// A progress file at `home`/`name` holding `text`.
fn progress_file(home: &Home, name: &str, text: &str) -> String {
    let path = home.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn a_broken_progress_file_is_reported_in_chinese_at_its_places() {
    let home = Home::new();
    let mut failures = Vec::new();
    let broken = [
        ("syntax", "version: 1\nskills: [\n"),
        ("version", "version: x\n"),
        ("not a mapping", "- 1\n"),
        ("twice", "version: 1\nversion: 1\n"),
    ];
    for (what, text) in broken {
        let path = progress_file(&home, &format!("{what}.yaml"), text);
        let (code, _, en) = run(&home, "en", &["--progress", &path, "skills"]);
        assert_eq!(code, Some(2), "{what}: {en}");
        let (code, _, zh) = run(&home, "zh", &["--progress", &path, "skills"]);
        assert_eq!(code, Some(2), "{what}: {zh}");
        assert!(zh.starts_with("错误："), "{what}: {zh}");
        check_chinese(what, &zh, &en, &mut failures);
    }
    // Entries that do not read: warned about, kept, the rest used.
    let path = progress_file(
        &home,
        "entries.yaml",
        "version: 1\nskills:\n  S01: mastered\n  S02: {state: done, colour: x}\n  S03: {state: [1]}\n  S04: {note: [1]}\n  S05: [1]\n  S06: done\n  S06: done\nprofile: {years: 900}\nhistory: 3\nbogus: 1\n",
    );
    let (code, _, en) = run(&home, "en", &["--progress", &path, "skills"]);
    assert_eq!(code, Some(0), "{en}");
    assert!(
        en.contains(":3:8: skill S01: unknown state `mastered`, expected one of not_started, learning, done, skipped; kept as written"),
        "{en}"
    );
    let (code, _, zh) = run(&home, "zh", &["--progress", &path, "skills"]);
    assert_eq!(code, Some(0), "{zh}");
    assert_eq!(zh.lines().count(), en.lines().count(), "{zh}");
    assert!(zh.contains("未知状态 `mastered`"), "{zh}");
    check_chinese("entries", &zh, &en, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_broken_own_posting_is_reported_in_chinese_at_its_places() {
    let home = Home::new();
    let ad = fixture("ads/02_bigco_zh.txt").display().to_string();
    let (code, _, err) = run(&home, "zh", &["postings", "import", &ad, "--id", "my_ad"]);
    assert_eq!(code, Some(0), "{err}");
    let dir = home.postings();
    let text = std::fs::read_to_string(dir.join("my_ad.yaml")).unwrap();
    let role = text
        .lines()
        .find_map(|l| l.strip_prefix("role: "))
        .unwrap()
        .to_string();
    let bad = text.replacen("id: my_ad", "id: bad_ad", 1).replacen(
        &format!("role: {role}"),
        "role: nobody",
        1,
    );
    std::fs::write(dir.join("bad_ad.yaml"), bad).unwrap();
    std::fs::write(dir.join("taken.yaml"), &text).unwrap();
    std::fs::write(dir.join("typo.yaml"), "id: [\n").unwrap();
    std::fs::write(dir.join("shape.yaml"), "id: x\nrole: 3\n").unwrap();
    let (code, _, en) = run(&home, "en", &["validate"]);
    assert_eq!(code, Some(2), "{en}");
    assert!(
        en.contains(": posting `bad_ad` names unknown role `nobody` (see career-explorer roles)"),
        "{en}"
    );
    let (code, _, zh) = run(&home, "zh", &["validate"]);
    assert_eq!(code, Some(2), "{zh}");
    let mut failures = Vec::new();
    check_chinese("own postings", &zh, &en, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The comments of a config file's lines: what follows `#`, but not a
/// setting commented out (`# language = "en"`), whose words are the file's.
fn comments(text: &str) -> String {
    text.lines()
        .filter_map(|l| l.split_once('#').map(|(_, c)| c))
        .filter(|c| !c.contains(" = "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn config_speaks_chinese_in_its_comments() {
    let home = Home::new();
    for args in [&["config"][..], &["config", "--default"]] {
        let (code, zh, _) = run(&home, "zh", args);
        assert_eq!(code, Some(0), "{args:?}");
        let said = comments(&zh);
        let bad = english(&said, &allowed());
        assert!(bad.is_empty(), "{args:?}: {bad:?}\n{zh}");
        assert!(half_width_brackets(&zh).is_empty(), "{args:?}\n{zh}");
        let (_, en, _) = run(&home, "en", args);
        let lines = |t: &str| t.lines().count();
        assert_eq!(lines(&zh), lines(&en), "{args:?}\n{zh}\n{en}");
    }
    let (_, en, _) = run(&home, "en", &["config"]);
    assert!(en.contains("# default\n"), "{en}");
    assert!(en.starts_with("# config file: "), "{en}");
    let (_, en, _) = run(&home, "en", &["config", "--default"]);
    assert!(
        en.starts_with(
            "# career-explorer configuration: $XDG_CONFIG_HOME/career-explorer/config.toml\n"
        ),
        "{en}"
    );
    assert!(
        en.contains("# action it had. The built-in keys:\n[keys]\n"),
        "{en}"
    );
}

/// The per-file limit from the environment that is not a size.
#[test]
fn a_bad_size_limit_in_the_environment_is_said_in_chinese() {
    let home = Home::new();
    let out = home
        .cmd()
        .env("CAREER_EXPLORER_MAX_FILE_MB", "abc")
        .args(["--lang", "zh", "roles"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("错误：CAREER_EXPLORER_MAX_FILE_MB："),
        "{err}"
    );
    assert!(english(&err, &allowed()).is_empty(), "{err}");
    let out = home
        .cmd()
        .env("CAREER_EXPLORER_MAX_FILE_MB", "abc")
        .args(["roles"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: CAREER_EXPLORER_MAX_FILE_MB: `abc` is not a size in MiB: give a whole number from 1 to 1048576 (the default is 4)\n"
    );
}

/// Runs the binary in `home` with `envs` set and `args`; gives (status, stderr).
fn run_env(home: &Home, envs: &[(&str, &str)], args: &[&str]) -> (Option<i32>, String) {
    let out = home
        .cmd()
        .envs(envs.iter().copied())
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Puts `text` in `home`'s config file.
fn config_file(home: &Home, text: &str) {
    let dir = home.path().join("config/career-explorer");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), text).unwrap();
}

/// Each slip of the config file, and the English it was always said in
/// (after the file's name and place).
const CONFIG_SLIPS: [(&str, &str, &str); 12] = [
    (
        "unknown setting",
        "\ncolour = \"never\"\n",
        ":2:1: unknown field `colour`, expected one of `language`, `color`, `data`, `hours_per_week`, `copy`, `keys`\n",
    ),
    (
        "syntax",
        "language = \n",
        ":1:12: string values must be quoted, expected literal string\n",
    ),
    (
        "wrong type",
        "hours_per_week = \"x\"\n",
        ":1:18: invalid type: string \"x\", expected i64\n",
    ),
    (
        "language",
        "language = \"fr\"\n",
        ":1:12: language \"fr\": write \"en\" or \"zh\"\n",
    ),
    (
        "colour",
        "color = \"blue\"\n",
        ":1:9: color \"blue\": write \"auto\", \"always\" or \"never\"\n",
    ),
    (
        "hours",
        "hours_per_week = 0\n",
        ":1:18: hours_per_week 0: a whole number from 1 to 168\n",
    ),
    (
        "unknown action",
        "[keys]\n  dnoe = \"t\"\n",
        ":2:3: unknown action \"dnoe\" in [keys]; the actions: up, down, left, right, page_up, page_down, first, last, pane_1, pane_2, pane_3, pane_4, pane_5, next_view, sort, target, open, next_pane, prev_pane, swap, done, learning, skip, note, evidence, layer, detail_down, detail_up, years_up, years_down, next_role, edit_skills, preferred, undo, redo, copy, search, about, language, help, quit, back\n",
    ),
    (
        "unknown key",
        "[keys]\nquit = [\"q\", \"hyper-x\"]\n",
        ":2:14: unknown key \"hyper-x\": write one character, f1 to f12, ctrl- and a letter, or one of space, enter, esc, tab, shift-tab, backspace, delete, insert, left, right, up, down, home, end, pageup, pagedown\n",
    ),
    (
        "ctrl and no letter",
        "[keys]\nquit = \"ctrl-12\"\n",
        ":2:8: unknown key \"ctrl-12\": after ctrl- comes one letter\n",
    ),
    (
        "the app's own key",
        "[keys]\nquit = \"ctrl-c\"\n",
        ":2:8: ctrl-c is the app's own (quit, suspend) and cannot be remapped\n",
    ),
    (
        "a key given twice",
        "[keys]\nquit = \"t\"\ndone = \"t\"\n",
        ":3:8: \"t\" is already the key of quit\n",
    ),
    (
        "a key not text",
        "[keys]\nquit = 3\n",
        ":2:8: write a key as text (\"t\") or a list ([\"t\", \"space\"])\n",
    ),
];

#[test]
fn config_file_slips_are_said_in_chinese_at_their_places() {
    let home = Home::new();
    let file = home.path().join("config/career-explorer/config.toml");
    let file = file.display().to_string();
    let mut failures = Vec::new();
    for (what, text, english_tail) in CONFIG_SLIPS {
        config_file(&home, text);
        let (code, en) = run_env(&home, &[], &["roles"]);
        assert_eq!(code, Some(2), "{what}: {en}");
        // The English as it always was.
        assert_eq!(en, format!("error: {file}{english_tail}"), "{what}");
        // The language from the flag, else the environment: the file that
        // might have named it did not read.
        let by_flag = run_env(&home, &[], &["--lang", "zh", "roles"]);
        let by_env = run_env(&home, &[("CAREER_EXPLORER_LANG", "zh")], &["roles"]);
        let by_locale = run_env(&home, &[("LANG", "zh_CN.UTF-8")], &["roles"]);
        for (how, (code, zh)) in [("flag", by_flag), ("env", by_env), ("locale", by_locale)] {
            assert_eq!(code, Some(2), "{what} ({how}): {zh}");
            assert!(zh.starts_with(&format!("错误：{file}:")), "{what}: {zh}");
            check_chinese(&format!("{what} ({how})"), &zh, &en, &mut failures);
        }
    }
    // The parser's own words stay, quoted after a Chinese lead.
    config_file(&home, "language = \n");
    let (_, zh) = run_env(&home, &[], &["--lang", "zh", "roles"]);
    assert!(
        zh.ends_with(":1:12：TOML 读取出错（读取器原话：“string values must be quoted, expected literal string”）\n"),
        "{zh}"
    );
    // `--lang en` beats a Chinese environment.
    let (_, en) = run_env(
        &home,
        &[("CAREER_EXPLORER_LANG", "zh")],
        &["--lang", "en", "roles"],
    );
    assert!(en.starts_with("error: "), "{en}");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_config_file_that_is_no_file_is_said_in_chinese() {
    let home = Home::new();
    let file = home.path().join("config/career-explorer/config.toml");
    std::fs::create_dir_all(&file).unwrap();
    let file = file.display().to_string();
    let (code, en) = run_env(&home, &[], &["roles"]);
    assert_eq!(code, Some(2), "{en}");
    assert_eq!(
        en,
        format!("error: {file}: not a regular file: the config file must be one\n")
    );
    let (code, zh) = run_env(&home, &[], &["--lang", "zh", "roles"]);
    assert_eq!(code, Some(2), "{zh}");
    assert_eq!(
        zh,
        format!("错误：{file}：不是普通文件：配置文件必须是普通文件\n")
    );
}

#[test]
fn a_held_progress_lock_is_said_in_chinese() {
    let home = Home::new();
    let progress = home.path().join("p.yaml");
    let lock_path = home.path().join("p.yaml.lock");
    let lock = std::fs::File::create(&lock_path).unwrap();
    lock.lock().unwrap();
    let p = progress.display().to_string();
    let args = ["--progress", p.as_str(), "profile", "--years", "3"];
    let (code, _, en) = run(&home, "en", &args);
    assert_eq!(code, Some(1), "{en}");
    let held = format!(
        "waiting for the lock on {}, held by another career-explorer",
        lock_path.display()
    );
    assert!(en.starts_with("error: cannot save "), "{en}");
    assert!(en.ends_with(&format!(": {held}\n")), "{en}");
    let (code, _, zh) = run(&home, "zh", &args);
    assert_eq!(code, Some(1), "{zh}");
    assert!(zh.starts_with("错误："), "{zh}");
    assert!(zh.contains("上的锁由另一个"), "{zh}");
    assert!(english(&zh, &allowed()).is_empty(), "{zh}");
    assert!(half_width_brackets(&zh).is_empty(), "{zh}");
    drop(lock);
    // The lock file is a folder: it cannot be opened.
    std::fs::remove_file(&lock_path).unwrap();
    std::fs::create_dir(&lock_path).unwrap();
    let (code, _, en) = run(&home, "en", &args);
    assert_eq!(code, Some(1), "{en}");
    assert!(
        en.ends_with(&format!(
            ": lock file {}: not a regular file (a folder)\n",
            lock_path.display()
        )),
        "{en}"
    );
    let (_, _, zh) = run(&home, "zh", &args);
    assert!(
        zh.ends_with(&format!(
            "：锁文件 {}：不是普通文件（而是文件夹）\n",
            lock_path.display()
        )),
        "{zh}"
    );
    assert!(english(&zh, &allowed()).is_empty(), "{zh}");
}
