//! Issue 23: no English chrome under `--lang zh` in clap's help of every
//! subcommand (enumerated from the command tree) or in its usage errors.

use assert_cmd::Command;
use clap::CommandFactory;

fn bin() -> Command {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let home = HOME.get_or_init(|| tempfile::tempdir().unwrap()).path();
    let mut c = Command::cargo_bin("career-explorer").unwrap();
    c.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("CAREER_EXPLORER_LANG")
        .env("LANG", "C.UTF-8");
    c
}

/// Every command path of the tree: `[]`, `["roles"]`, `["postings", "import"]`…
fn paths(cmd: &clap::Command, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(prefix.clone());
    for s in cmd.get_subcommands() {
        let mut p = prefix.clone();
        p.push(s.get_name().to_string());
        paths(s, p, out);
    }
}

/// Words clap writes on its own, and any run of two English words outside
/// placeholders (`<FILE>`), flags, ids, paths and the allowed proper names.
fn english_chrome(text: &str) -> Vec<String> {
    const CLAP: [&str; 10] = [
        "Usage",
        "Options",
        "Commands",
        "Arguments",
        "Print help",
        "Print version",
        "possible values",
        "[default",
        "[OPTIONS]",
        "error:",
    ];
    const NAMES: [&str; 4] = ["Unknown company", "JSON Schema", "AI Engineer", "Rise of"];
    let mut found: Vec<String> = CLAP
        .iter()
        .filter(|w| text.contains(*w))
        .map(std::string::ToString::to_string)
        .collect();
    let mut cleaned = text.to_string();
    for n in NAMES {
        cleaned = cleaned.replace(n, "");
    }
    // Example command lines are code.
    for line in cleaned.lines().filter(|l| {
        !l.trim_start()
            .trim_start_matches("用法：")
            .starts_with("career-explorer ")
    }) {
        let words: Vec<&str> = line
            .split(|c: char| {
                !(c.is_ascii_alphabetic()
                    || c == '-'
                    || c == '_'
                    || c == '<'
                    || c == '>'
                    || c == '/'
                    || c == '.'
                    || c == '$')
            })
            .filter(|w| !w.is_empty())
            .collect();
        // Two plain words in a row (not a flag, placeholder, id or path) read as English.
        let plain = |w: &str| {
            w.len() > 1
                && w.chars().all(|c| c.is_ascii_alphabetic())
                && w.chars().any(|c| c.is_ascii_lowercase())
        };
        for pair in words.windows(2) {
            if plain(pair[0])
                && plain(pair[1])
                && line.contains(&format!("{} {}", pair[0], pair[1]))
            {
                found.push(format!("{} {}  ←  {line}", pair[0], pair[1]));
            }
        }
    }
    found
}

#[test]
fn every_subcommand_help_is_chinese() {
    let mut all = Vec::new();
    paths(&career_explorer::cli::Cli::command(), Vec::new(), &mut all);
    assert!(all.len() > 20, "{all:?}");
    for path in all {
        let out = bin()
            .args(["--lang", "zh"])
            .args(&path)
            .arg("--help")
            .output()
            .unwrap();
        assert!(out.status.success(), "{path:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("用法："), "{path:?}\n{text}");
        let bad = english_chrome(&text);
        assert!(bad.is_empty(), "{path:?}: {bad:#?}\n{text}");
    }
    // A zh locale asks for it too.
    let out = bin()
        .env("LANG", "zh_CN.UTF-8")
        .args(["roles", "--help"])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("用法："));
}

#[test]
fn usage_errors_are_chinese_and_exit_2() {
    for args in [
        &["bogus"][..],
        &["--nope"],
        &["show"],
        &["export", "--format", "xml"],
        &["profile", "--years", "99"],
        &["--width", "10", "roles"],
        &["search", "rag", "--kind", "nothing"],
        &["roles", "extra"],
    ] {
        let out = bin().args(["--lang", "zh"]).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("错误："), "{args:?}: {err}");
        let bad = english_chrome(&err);
        assert!(bad.is_empty(), "{args:?}: {bad:#?}\n{err}");
    }
}
