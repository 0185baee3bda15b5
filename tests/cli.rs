//! The scriptable commands: `progress`, `export`, `validate`, `--help`,
//! `--version`, run as a user would, through the real binary.

use assert_cmd::Command;

fn bin() -> Command {
    Command::cargo_bin("career-explorer").unwrap()
}

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
    // S03 is skipped: 55 skills, 54 counted; S01, S33, S34 done.
    assert_eq!(v["overall"]["done"], 3);
    assert_eq!(v["overall"]["total"], 54);
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
        nq3["coverage"], "covered",
        "S33 and S34 are two of NQ3's four skills"
    );
    assert!(posting["match_percent"].as_u64().unwrap() >= 25);
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
            .args(["--lang", "en", "progress", "--progress"])
            .arg(&p),
    );
    assert!(text.starts_with("Skills done: 3/54 (5%)"), "{text}");
    assert!(
        text.contains("Model literacy") && text.contains("[x][~][-]"),
        "{text}"
    );
    assert!(text.contains("match"), "{text}");
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
    assert!(text.starts_with("Skills done: 0/55 (0%)"), "{text}");
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

#[test]
fn the_tui_without_a_terminal_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .arg("--progress")
        .arg(dir.path().join("p.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs an interactive terminal"), "{err}");
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
        // Text: fits 80 columns, no escape bytes, even with colour forced on.
        let text = stdout(
            bin()
                .args(["--lang", "en", "--color", "always", "--progress"])
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
