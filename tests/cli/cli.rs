//! The scriptable commands: `progress`, `export`, `validate`, `--help`,
//! `--version`, run as a user would, through the real binary.

use assert_cmd::Command;

// `bin()` runs the binary under a temp home: the user's own postings (read
// from `$XDG_DATA_HOME`) never come from the real one.
use crate::common::{BIN, Home, bin, files_below};

/// A progress file with S01 done and a note, S02 learning, S03 skipped, and an
/// entry for a skill this data set does not have.
fn progress_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("progress.yaml");
    std::fs::write(
        &path,
        "version: 1\nskills:\n  S01:\n    state: done\n    note: did the RAG tutorial | need evals\n    changed: 2026-11-01T10:00:00Z\n  S02:\n    state: learning\n  S03:\n    state: skipped\n  S33:\n    state: done\n  S34:\n    state: done\n  retired_skill:\n    state: done\n",
    )
    .unwrap();
    path
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn json_export_has_a_stable_versioned_shape() {
    let dir = tempfile::tempdir().unwrap();
    let p = progress_file(&dir);
    let text = stdout(
        bin()
            .args(["--lang", "en", "export", "--format", "json", "--progress"])
            .arg(&p),
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["lang"], "en");
    // S03 is skipped: 137 skills, 136 counted; S01, S33, S34 done.
    assert_eq!(v["overall"]["done"], 3);
    assert_eq!(v["overall"]["total"], 136);
    let cat = &v["categories"][0];
    assert_eq!(cat["id"], "model_literacy");
    assert_eq!(
        (cat["done"].as_u64(), cat["total"].as_u64()),
        (Some(1), Some(6))
    );
    let s01 = &cat["skills"][0];
    assert_eq!(s01["id"], "S01");
    assert_eq!(s01["state"], "done");
    assert_eq!(s01["note"], "did the RAG tutorial | need evals");
    assert_eq!(s01["changed"], "2026-11-01T10:00:00Z");
    assert_eq!(cat["skills"][1]["state"], "learning");
    assert_eq!(cat["skills"][2]["state"], "skipped");
    let roles = v["roles"].as_array().unwrap();
    assert_eq!(roles.len(), 11);
    assert!(roles.iter().any(|r| r["id"] == "ai_engineer"));
    let posting = &v["postings"][0];
    assert_eq!(posting["id"], "notion_ai_engineer");
    let nq3 = posting["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "NQ3")
        .unwrap();
    assert_eq!(
        nq3["coverage"], "partly",
        "S33 and S34 are two of NQ3's four skills: half is partly, not covered"
    );
    // NQ3 counts its half, NQ1 its one skill in many: well under a quarter.
    let pct = posting["match_percent"].as_u64().unwrap();
    assert!(pct > 0 && pct < 25, "{pct}");
    assert!(!posting["next_skills"].as_array().unwrap().is_empty());
    assert_eq!(v["unknown_entries"][0], "retired_skill");
}

#[test]
fn markdown_export_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = progress_file(&dir);
    let out = dir.path().join("report.md");
    let printed = stdout(
        bin()
            .args([
                "--lang",
                "en",
                "export",
                "--format",
                "markdown",
                "--progress",
            ])
            .arg(&p)
            .arg("--output")
            .arg(&out),
    );
    assert!(
        printed.is_empty(),
        "nothing on stdout when --output is given"
    );
    let md = std::fs::read_to_string(out).unwrap();
    assert!(md.starts_with("# AI Engineer self-assessment"));
    assert!(md.contains("- [x] **S01**"), "{md}");
    assert!(
        md.contains("  - note: did the RAG tutorial \\| need evals"),
        "pipes escaped: {md}"
    );
    assert!(md.contains("*(learning)*") && md.contains("*(skipped)*"));
    assert!(
        md.contains("| NQ3 Strong with data-pipeline technology"),
        "{md}"
    );
    assert!(md.contains("Next skills to learn:"));
}

#[test]
fn export_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let p = progress_file(&dir);
    let text = stdout(
        bin()
            .args(["--lang", "zh", "export", "--format", "json", "--progress"])
            .arg(&p),
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["lang"], "zh");
    assert_eq!(v["categories"][0]["name"], "模型认知");
}

#[test]
fn progress_summary_fits_80_columns_and_has_no_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let p = progress_file(&dir);
    let text = stdout(
        bin()
            .args(["--lang", "en", "--width", "80", "progress", "--progress"])
            .arg(&p),
    );
    assert!(text.starts_with("Skills done: 3/136 (2%)"), "{text}");
    assert!(
        text.contains("Model literacy") && text.contains("[x][~][-]"),
        "{text}"
    );
    assert!(text.contains("skill coverage"), "{text}");
    assert!(text.contains("Kept 1 entries"), "{text}");
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    assert!(
        !text.bytes().any(|b| b == 0x1b),
        "no escape bytes when piped"
    );
}

#[test]
fn missing_progress_file_is_a_fresh_start_for_reports() {
    let dir = tempfile::tempdir().unwrap();
    let text = stdout(
        bin()
            .args(["--lang", "en", "progress", "--progress"])
            .arg(dir.path().join("none.yaml")),
    );
    assert!(text.starts_with("Skills done: 0/137 (0%)"), "{text}");
    assert!(
        !dir.path().join("none.yaml").exists(),
        "a report creates no file"
    );
}

#[test]
fn a_broken_progress_file_is_bad_input_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("progress.yaml");
    std::fs::write(&p, "skills: [unclosed").unwrap();
    let out = bin()
        .args(["progress", "--progress"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    // The file, line, column and cause.
    let at = format!("{}:2:1: ", p.display());
    assert!(err.contains(&at) && err.contains("expected"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        "skills: [unclosed",
        "not moved by a report"
    );
}

#[test]
fn help_and_version() {
    let help = stdout(bin().arg("--help"));
    for word in [
        "validate",
        "progress",
        "export",
        "screenshots",
        "--data",
        "--lang",
        "--progress",
        "Exit status",
    ] {
        assert!(help.contains(word), "{word} in --help:\n{help}");
    }
    let version = stdout(bin().arg("--version"));
    assert_eq!(
        version.trim(),
        format!("career-explorer {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = bin().args(["--lang", "fr"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin().args(["export", "--format", "pdf"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_bad_file_size_limit_is_a_usage_error() {
    for bad in ["0", "abc", "-1", "2.5"] {
        let out = bin()
            .args(["validate", "--max-file-mb", bad])
            .env_remove("CAREER_EXPLORER_MAX_FILE_MB")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {err}");
        assert!(err.contains("--max-file-mb"), "{bad}: {err}");
        assert!(err.contains("whole number"), "{bad}: {err}");

        let out = bin()
            .arg("validate")
            .env("CAREER_EXPLORER_MAX_FILE_MB", bad)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {err}");
        assert!(err.contains("CAREER_EXPLORER_MAX_FILE_MB"), "{bad}: {err}");
        assert!(err.contains("whole number"), "{bad}: {err}");
        assert!(out.stdout.is_empty());
    }
    // A good value changes nothing for the bundled data.
    let ok = stdout(bin().args(["validate", "--max-file-mb", "64"]));
    assert!(ok.starts_with("ok: 11 roles"), "{ok}");
}

/// The child's stdin and stdout are a null device and a pipe, whatever
/// terminal `cargo test` itself runs in: it must refuse, never take the
/// terminal (crossterm would open /dev/tty) and wait for keys.
#[test]
fn the_tui_without_a_terminal_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.yaml");
    let mut child = std::process::Command::new(BIN)
        .arg("--progress")
        .arg(&progress)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Bounded: were it to take the terminal it would wait for keys forever.
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("the app did not refuse within 20 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "nothing drawn into the pipe");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        "error: the full-screen app needs a terminal (stdout is not one); for scripts use the commands: career-explorer --help"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!progress.exists(), "a refused start touches nothing");
}

#[test]
fn listing_commands_have_json_and_clean_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = progress_file(&dir);
    let cases: [&[&str]; 6] = [
        &["roles"],
        &["show", "ai_engineer"],
        &["compare", "ml_engineer", "ai_engineer"],
        &["skills"],
        &["search", "langchain"],
        &["progress"],
    ];
    for args in cases {
        // Text: fits 80 columns when asked, no escape bytes, even with colour forced on.
        let text = stdout(
            bin()
                .args([
                    "--lang",
                    "en",
                    "--width",
                    "80",
                    "--color",
                    "always",
                    "--progress",
                ])
                .arg(&p)
                .args(args),
        );
        assert!(!text.is_empty(), "{args:?}");
        assert!(!text.bytes().any(|b| b == 0x1b), "{args:?}: escape bytes");
        for line in text.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= 80,
                "{args:?}: {line}"
            );
        }
        // JSON parses.
        let json = stdout(
            bin()
                .args(["--lang", "en", "--progress"])
                .arg(&p)
                .args(args)
                .arg("--json"),
        );
        let v: serde_json::Value =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        assert!(!v.is_null());
    }
}

#[test]
fn roles_show_compare_and_skills_say_the_right_things() {
    let dir = tempfile::tempdir().unwrap();
    let p = progress_file(&dir);
    let roles = stdout(bin().args(["--lang", "en", "roles"]));
    assert_eq!(roles.lines().count(), 11);
    assert!(roles.lines().next().unwrap().starts_with("ml_researcher"));
    assert!(roles.contains("ai_engineer") && roles.contains("3/4"));
    let v: serde_json::Value =
        serde_json::from_str(&stdout(bin().args(["roles", "--json"]))).unwrap();
    assert_eq!(v[2]["id"], "ai_engineer");
    assert_eq!(v[2]["spectrum_position"], 3);
    assert_eq!(v[4]["spectrum_position"], serde_json::Value::Null);

    let show: serde_json::Value = serde_json::from_str(&stdout(
        bin()
            .args(["--lang", "zh", "--progress"])
            .arg(&p)
            .args(["show", "ai_engineer", "--json"]),
    ))
    .unwrap();
    assert_eq!(show["name"], "AI 工程师");
    assert_eq!(show["side"], "right");
    assert!(
        show["readiness"]["done"].as_u64().unwrap() >= 1,
        "S01 is done"
    );

    let cmp: serde_json::Value = serde_json::from_str(&stdout(bin().args([
        "--lang",
        "en",
        "compare",
        "ml_engineer",
        "ml_engineer",
        "--json",
    ])))
    .unwrap();
    assert!(
        cmp["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["differs"] == false)
    );
    let text = stdout(bin().args(["--lang", "en", "compare", "ml_engineer", "ai_engineer"]));
    assert!(text.contains("≠ Side"), "{text}");

    let skills = stdout(
        bin()
            .args(["--lang", "en", "--progress"])
            .arg(&p)
            .arg("skills"),
    );
    assert!(skills.contains("[x] S01") && skills.contains("[~] S02") && skills.contains("[-] S03"));

    let out = bin().args(["show", "ai_enginer"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown role `ai_enginer`"));
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete"),
        ("zsh", "#compdef"),
        ("fish", "complete -c career-explorer"),
    ] {
        let text = stdout(bin().args(["completions", shell]));
        assert!(text.contains(marker), "{shell}");
        assert!(text.contains("export"), "{shell} completes subcommands");
    }
}

#[test]
fn schema_and_data_commands() {
    let v: serde_json::Value =
        serde_json::from_str(&stdout(bin().args(["schema", "roles"]))).unwrap();
    assert_eq!(v["title"], "career-explorer roles");
    let out = bin().args(["schema", "bogus"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));

    // `data --out` writes a folder that validates, with schemas beside it.
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("my-data");
    stdout(bin().args(["data", "--out"]).arg(&target));
    let roles = std::fs::read_to_string(target.join("roles.yaml")).unwrap();
    assert!(roles.starts_with("# yaml-language-server: $schema=./schema/roles.schema.json"));
    for kind in [
        "boundary", "roles", "skills", "postings", "notes", "progress",
    ] {
        assert!(
            target
                .join("schema")
                .join(format!("{kind}.schema.json"))
                .exists(),
            "{kind}"
        );
    }
    let ok = stdout(bin().args(["validate", "--data"]).arg(&target));
    assert!(ok.starts_with("ok: 11 roles"), "{ok}");
    // A second time it refuses, and changes nothing.
    std::fs::write(target.join("roles.yaml"), "mine").unwrap();
    let out = bin().args(["data", "--out"]).arg(&target).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(target.join("roles.yaml")).unwrap(),
        "mine"
    );
}

#[test]
fn screenshots_command_writes_every_pane_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(bin().args(["screenshots", "--out"]).arg(dir.path()));
    for pane in ["1-boundary", "2-compare", "3-skills", "4-jobs"] {
        for lang in ["en", "zh"] {
            let svg = dir.path().join(format!("{pane}-{lang}.svg"));
            let text = std::fs::read_to_string(&svg).unwrap();
            assert!(text.starts_with("<svg"), "{}", svg.display());
            assert!(out.contains(&format!("{pane}-{lang}.svg")));
        }
    }
}

/// Runs the binary with `args`, its stdout a pipe whose reader is already gone.
fn into_closed_pipe(args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    std::process::Command::new(BIN)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap()
}

/// Case sigpipe-panic-and-half-written-data-folder: every printing command
/// panicked (exit 101, "failed printing to stdout: Broken pipe") when the
/// reader of its output went away; `data --out` left a half-written folder.
/// Now each ends quietly with 0, and the data folder is whole.
#[test]
fn sigpipe_panic_and_half_written_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let p = progress_file(&dir);
    let p = p.to_str().unwrap();
    let commands: [&[&str]; 15] = [
        &["roles"],
        &["roles", "--json"],
        &["skills"],
        &["skills", "--json"],
        &["export"],
        &["export", "--format", "json"],
        &["progress"],
        &["progress", "--json"],
        &["completions", "bash"],
        &["search", "rag"],
        &["search", "rag", "--json"],
        &["compare", "ml_engineer", "ai_engineer"],
        &["show", "ai_engineer"],
        &["schema", "roles"],
        &["validate"],
    ];
    for args in commands {
        let mut all = vec!["--progress", p];
        all.extend_from_slice(args);
        let out = into_closed_pipe(&all);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}: nothing on stderr");
    }

    let data = dir.path().join("pd");
    let out = into_closed_pipe(&["data", "--out", data.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(err, "");
    // The folder is whole: every file there, and it validates.
    let listed = stdout(bin().args(["data", "--out"]).arg(dir.path().join("again")));
    let mut expected: Vec<String> = listed.lines().map(|l| l.replace("again", "pd")).collect();
    expected.sort();
    let mut found: Vec<String> = files_below(&data)
        .iter()
        .map(|f| f.display().to_string())
        .collect();
    found.sort();
    assert_eq!(found, expected);
    assert_eq!(
        found.len(),
        13,
        "five data files and resources.yaml, seven schemas"
    );
    stdout(bin().args(["validate", "--data"]).arg(&data));
    // No temporary folder left beside it.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["again", "pd", "progress.yaml"]);
}

#[test]
fn data_out_takes_a_new_or_empty_folder_and_refuses_anything_else() {
    let dir = tempfile::tempdir().unwrap();
    // A new folder, its parents made.
    let new = dir.path().join("a/b/new");
    let listed = stdout(bin().args(["data", "--out"]).arg(&new));
    assert_eq!(listed.lines().count(), 13);
    // An existing empty folder.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    stdout(bin().args(["data", "--out"]).arg(&empty));
    assert_eq!(files_below(&empty).len(), 13);
    // A folder with anything in it: refused, named, untouched.
    let full = dir.path().join("full");
    std::fs::create_dir(&full).unwrap();
    std::fs::write(full.join("notes.txt"), "mine").unwrap();
    let out = bin().args(["data", "--out"]).arg(&full).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        format!(
            "error: {} is not empty (it holds notes.txt); choose a new or empty folder (nothing was written)",
            full.display()
        )
    );
    assert_eq!(files_below(&full), [full.join("notes.txt")]);
    // A file.
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let out = bin().args(["data", "--out"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("exists and is not a folder"),
        "{out:?}"
    );
}

/// Into a pipe (as here) text is never cut: `skills | grep Pinecone` finds
/// the skill whose name is longer than 80 columns. `--width N` cuts.
#[test]
fn text_into_a_pipe_is_not_cut_and_width_cuts_it() {
    let long = "Create embeddings and store and query them in a vector database such as Pinecone";
    let text = stdout(bin().args(["--lang", "en", "skills"]));
    let line = text.lines().find(|l| l.contains("Pinecone")).expect(&text);
    // Review 2, HEDGE 7: the dated tools say so in `skills` too.
    assert_eq!(line, format!("  [ ] S12 {long} (2023 examples)"));
    let show = stdout(bin().args(["--lang", "en", "show", "ai_engineer"]));
    assert!(
        show.lines()
            .any(|l| unicode_width::UnicodeWidthStr::width(l) > 80)
    );
    for width in ["40", "80", "100"] {
        let n: usize = width.parse().unwrap();
        for cmd in [
            &["skills"][..],
            &["show", "ai_engineer"],
            &["progress"],
            &["roles"],
        ] {
            let text = stdout(bin().args(["--lang", "en", "--width", width]).args(cmd));
            for l in text.lines() {
                assert!(
                    unicode_width::UnicodeWidthStr::width(l) <= n,
                    "{cmd:?} {width}: {l}"
                );
            }
        }
    }
    let text = stdout(bin().args(["--lang", "en", "--width", "80", "skills"]));
    assert!(!text.contains("Pinecone"), "cut at 80: {text}");
    let out = bin().args(["--width", "39", "roles"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_missing_data_folder_is_said_to_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let out = bin()
        .args(["validate", "--data"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}: does not exist", missing.display())),
        "{err}"
    );
    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    let out = bin()
        .args(["validate", "--data"])
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}: is not a folder", file.display())),
        "{err}"
    );
}

/// A requirement or duty found by search names its posting: the same words
/// stand in many ads (issue 23).
#[test]
fn a_requirement_found_by_search_names_its_posting() {
    let out = bin()
        .args([
            "search",
            "data-pipeline",
            "--kind",
            "requirement",
            "--width",
            "200",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.contains("NQ3"))
        .unwrap_or_else(|| panic!("NQ3 in the results: {text}"));
    assert!(line.contains("Notion · "), "{line}");
}

/// USABILITY F30: every argument of every command says what it is in
/// `--help` (`skills --help` showed `--json` with nothing beside it).
#[test]
fn every_argument_has_a_help_line() {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            if a.get_help().is_none_or(|h| h.to_string().trim().is_empty()) {
                missing.push(format!("{path} {}", a.get_id()));
            }
        }
        for s in cmd.get_subcommands() {
            walk(s, &format!("{path} {}", s.get_name()), missing);
        }
    }
    let mut cmd = career_explorer::cli::Cli::command();
    cmd.build();
    let mut missing = Vec::new();
    walk(&cmd, "career-explorer", &mut missing);
    assert!(missing.is_empty(), "{missing:#?}");
}

/// USABILITY F30: a folder `data --out` refuses says how much it holds, not
/// only one name; `gap` from a role to itself says there is no gap.
#[test]
fn data_refusal_counts_and_gap_to_itself_says_no_gap() {
    let home = Home::new();
    let dir = home.path().join("full");
    std::fs::create_dir(&dir).unwrap();
    for f in ["a.txt", "b.txt", "c.txt"] {
        std::fs::write(dir.join(f), "x").unwrap();
    }
    let out = home
        .cmd()
        .args(["data", "--out"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("holds 3 entries"), "{err}");
    let out = home
        .cmd()
        .args(["gap", "--role", "ai_engineer"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("there is no gap"), "{text}");
    assert!(!text.contains("0 skill(s)"), "{text}");
}

/// CONTENT-REVIEW-2 finding 50: `show <role>` prints "Also called" and the
/// workflow's name and note, as pane 1 does, in both languages.
#[test]
fn show_role_names_its_aliases_and_its_workflow_note() {
    use career_core::model::Lang;
    let c = career_core::store::loader::load_bundled().unwrap();
    let home = Home::new();
    for (lang, code, also) in [
        (Lang::En, "en", "Also called: "),
        (Lang::Zh, "zh", "又称："),
    ] {
        for role in ["ml_researcher", "ai_engineer"] {
            let r = c.role(role).unwrap();
            let out = home
                .cmd()
                .args(["--lang", code, "show", role])
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            let names: Vec<&str> = r.aliases.iter().map(|a| a.get(lang)).collect();
            let sep = career_core::i18n::list_sep(lang);
            assert!(
                text.contains(&format!("{also}{}", names.join(sep))),
                "{role} {code}: {text}"
            );
            let Some(w) = r.workflow.as_deref().and_then(|w| c.workflow(w)) else {
                assert_ne!(role, "ai_engineer", "the AI Engineer has a workflow");
                continue;
            };
            // Into a pipe nothing is wrapped: the note is whole on its line.
            assert!(text.contains(w.note.get(lang)), "{role} {code}: {text}");
            assert!(text.contains(w.name.get(lang)), "{role} {code}: {text}");
        }
    }
}

/// CONTENT-REVIEW-2 finding 47: into a pipe `gap` cuts nothing — neither
/// the skill names nor the posting's requirements.
#[test]
fn gap_into_a_pipe_cuts_no_name_and_no_requirement() {
    use career_core::model::Lang;
    let c = career_core::store::loader::load_bundled().unwrap();
    let home = Home::new();
    let out = home
        .cmd()
        .args([
            "gap",
            "--role",
            "fullstack_engineer",
            "--posting",
            "notion_ai_engineer",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('…'), "{text}");
    let p = c
        .postings
        .iter()
        .find(|p| p.id == "notion_ai_engineer")
        .unwrap();
    for r in &p.requirements {
        assert!(text.contains(r.text.get(Lang::En)), "{}: {text}", r.id);
    }
}

/// CONTENT-REVIEW-2 finding 46: `skills --json` gives what pane 3's detail
/// shows, the job items a skill counts toward and its "see also" skills.
#[test]
fn skills_json_gives_the_job_items_a_skill_covers_and_its_see_also() {
    let home = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("career-explorer")
        .unwrap()
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .args(["--lang", "en", "skills", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let c = career_core::store::loader::load_bundled().unwrap();
    let skills = v.as_array().unwrap();
    assert!(
        skills
            .iter()
            .any(|s| !s["see_also"].as_array().unwrap().is_empty())
    );
    let mut covered = 0;
    for s in skills {
        for r in s["covers"].as_array().unwrap() {
            let p = c.postings.iter().find(|p| p.id == r["posting"]).unwrap();
            let list = if r["requirement"] == true {
                &p.requirements
            } else {
                &p.responsibilities
            };
            let item = list.iter().find(|q| q.id == r["item"]).unwrap();
            assert!(item.skills.iter().any(|k| *k == s["id"]), "{s}");
            covered += 1;
        }
    }
    assert!(covered > 20, "{covered}");
}
