//! Issue 23 point 2: under `--lang zh` every command's own text is Chinese —
//! its `--help`, an ordinary run, and the errors the app writes. The
//! commands come from clap's tree (a command added without a case here
//! fails the test). The check flags every word of three or more Latin
//! letters that is not allowed: a word is allowed when the data itself uses
//! it outside its English texts (names of tools, companies, sources), or it
//! is a technical name listed below. Ids, flags, paths, file names, command
//! lines and quoted values (`…`, “…”) are not words.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;

use clap::CommandFactory;

use crate::common::{Home, bundled_data, fixture};

/// English chrome this test exists to catch: none may ever be allowed.
const CHROME: &[&str] = &[
    "error",
    "warning",
    "unknown",
    "known",
    "role",
    "roles",
    "posting",
    "postings",
    "skill",
    "skills",
    "bundled",
    "years",
    "experience",
    "current",
    "From",
    "needed",
    "cannot",
    "read",
    "write",
    "folder",
    "saved",
    "Saved",
    "did",
    "mean",
    "Read",
    "Title",
    "Responsibilities",
    "Requirements",
    "requirements",
    "Left",
    "mapped",
    "readiness",
    "estimate",
    "Also",
    "called",
    "Usage",
    "Options",
    "Commands",
    "Print",
    "such",
    "directory",
    "removed",
    "exists",
    "not",
];

/// Technical names the Chinese text uses as they are.
const TECH: &[&str] = &[
    "JSON",
    "YAML",
    "TOML",
    "SVG",
    "PNG",
    "HTML",
    "MiB",
    "Schema",
    "roff",
    "UTF",
    "URL",
    "YYYY",
    "TERM",
    "dumb",
    "shell",
    "bash",
    "zsh",
    "fish",
    "elvish",
    "powershell",
    "http",
    "https",
    "rsvg",
    "convert",
    "auto",
    "always",
    "never",
    "markdown",
    "json",
    "JobPosting",
    "Debian",
    "Esc",
    "Enter",
    "Tab",
    "GitHub",
    "LANG",
    // Values of `skills set --state` (the state names of the progress
    // file), listed as clap lists a value that does not read.
    "done",
    "skipped",
];

/// Keys whose values are codes the program turns into words (`kind: docs`
/// is shown as 文档), not words shown as they are.
const CODE_KEYS: &[&str] = &["kind", "cost", "lang", "side", "layer", "level", "speed"];

/// Every string of `v` that Chinese output may show as written: names,
/// sources, the Chinese halves of bilingual texts and texts that exist in
/// English only (titles of English works) — not the English half of a text
/// that has a Chinese one, and not codes ([`CODE_KEYS`]).
fn data_strings(v: &serde_yaml::Value, out: &mut Vec<String>) {
    match v {
        serde_yaml::Value::String(s) => out.push(s.clone()),
        serde_yaml::Value::Sequence(items) => items.iter().for_each(|x| data_strings(x, out)),
        serde_yaml::Value::Mapping(m) => {
            let has_zh = m.contains_key("zh");
            for (k, x) in m {
                let key = k.as_str().unwrap_or("");
                let english_half = key == "en" && has_zh;
                if !english_half && !CODE_KEYS.contains(&key) {
                    data_strings(x, out);
                }
            }
        }
        _ => {}
    }
}

/// The words the check allows: the data's own (English texts left out), the
/// Chinese ads imported below, and [`TECH`]; never one of [`CHROME`].
pub(crate) fn allowed() -> HashSet<String> {
    let mut texts = Vec::new();
    let dir = bundled_data();
    let mut files: Vec<String> = career_core::store::loader::FILES
        .iter()
        .map(|s| (*s).to_string())
        .collect();
    files.push(career_core::resources::FILE.to_string());
    for name in files {
        let text = std::fs::read_to_string(dir.join(&name)).unwrap();
        let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        data_strings(&v, &mut texts);
    }
    texts.push(std::fs::read_to_string(fixture("ads/02_bigco_zh.txt")).unwrap());
    let mut words: HashSet<String> = texts.iter().flat_map(|t| words(t)).collect();
    words.extend(TECH.iter().map(|w| (*w).to_string()));
    for w in CHROME {
        words.remove(*w);
    }
    words
}

/// The Latin words of `text` that are words: command lines, quoted values,
/// ids, flags, paths and file names taken out first.
fn words(text: &str) -> Vec<String> {
    // Quoted values and command lines are not prose.
    let mut plain = String::new();
    let mut quote: Option<char> = None;
    let mut rest = text;
    while let Some(ch) = rest.chars().next() {
        if quote.is_none() && rest.starts_with("career-explorer") {
            // The command line runs to the first character that is not ASCII.
            let end = rest.find(|c: char| !c.is_ascii()).unwrap_or(rest.len());
            plain.push(' ');
            rest = &rest[end..];
            continue;
        }
        match (quote, ch) {
            (None, '`') => quote = Some('`'),
            (None, '“') => quote = Some('”'),
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, c) => plain.push(c),
        }
        rest = &rest[ch.len_utf8()..];
    }
    let token_char = |c: char| c.is_ascii_alphanumeric() || "_./$@-<>'\\".contains(c);
    plain
        .split(|c: char| !token_char(c))
        .filter(|t| !t.is_empty())
        // Ids, env variables, paths, addresses, files, flags, placeholders.
        .filter(|t| {
            !t.contains(['_', '/', '.', '$', '@', '<', '>', '\\'])
                && !t.starts_with('-')
                && !t.contains(|c: char| c.is_ascii_digit())
        })
        .flat_map(|t| {
            t.split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
                .map(|w| w.trim_matches('\'').to_string())
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 3)
        .collect()
}

/// Half-width brackets touching a Chinese character: Chinese text takes
/// full-width ones (（）). Each is given with its line.
pub(crate) fn half_width_brackets(text: &str) -> Vec<String> {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    text.lines()
        .filter(|line| {
            let chars: Vec<char> = line.chars().collect();
            chars.windows(2).any(|w| {
                (han(w[0]) && (w[1] == '(' || w[1] == ')'))
                    || ((w[0] == '(' || w[0] == ')') && han(w[1]))
            })
        })
        .map(str::to_string)
        .collect()
}

/// The words of `text` the check does not allow.
pub(crate) fn english(text: &str, allowed: &HashSet<String>) -> BTreeSet<String> {
    words(text)
        .into_iter()
        .filter(|w| !allowed.contains(w))
        .collect()
}

/// Every command path of clap's tree but `help` (clap's own, checked by
/// `zh_help`): `["roles"]`, `["postings", "import"]`…
fn paths(cmd: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
    for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let mut p = prefix.to_vec();
        p.push(s.get_name().to_string());
        out.push(p.clone());
        paths(s, &p, out);
    }
}

/// The names of every command and argument and every value an argument
/// takes: in `--help`, clap lists them.
fn tree_names(cmd: &clap::Command, out: &mut HashSet<String>) {
    out.insert(cmd.get_name().to_string());
    // clap adds `help` when it builds the tree.
    out.insert("help".to_string());
    for a in cmd.get_arguments() {
        out.insert(a.get_id().to_string());
        for n in a.get_value_names().unwrap_or_default() {
            out.extend(n.split('|').map(str::to_string));
        }
        for v in a.get_possible_values() {
            out.insert(v.get_name().to_string());
        }
    }
    for s in cmd.get_subcommands() {
        tree_names(s, out);
    }
}

/// An ordinary run of the command at `path`, `None` for the commands whose
/// output is a file format for programs, not text for people: the schema
/// (JSON Schema), completions (shell code), man (roff, English by design)
/// and `config` (a config file's lines: its keys and comments).
fn ordinary(path: &[String], home: &Home) -> Option<Vec<String>> {
    let s = |v: &[&str]| Some(v.iter().map(|x| (*x).to_string()).collect());
    let dir = |name: &str| home.path().join(name).display().to_string();
    let ad = fixture("ads/02_bigco_zh.txt").display().to_string();
    let p: Vec<&str> = path.iter().map(String::as_str).collect();
    match p.as_slice() {
        ["roles"] => s(&["roles"]),
        ["show"] => s(&["show", "ml_researcher"]),
        ["compare"] => s(&["compare", "ml_engineer", "ai_engineer"]),
        ["skills"] => s(&["skills"]),
        ["skills", "set"] => s(&[
            "skills",
            "set",
            "python",
            "rag",
            "--state",
            "done",
            "--note",
            "每天练习",
            "--evidence",
            "https://example.com/rag-demo",
        ]),
        ["search"] => s(&["search", "rag"]),
        ["progress"] => s(&["progress", "--history"]),
        ["plan"] => s(&["plan"]),
        ["demand"] => s(&["demand"]),
        ["export"] => s(&["export", "--format", "markdown"]),
        ["validate"] => s(&["validate"]),
        ["screenshots"] => Some(vec!["screenshots".into(), "--out".into(), dir("shots")]),
        ["data"] => Some(vec!["data".into(), "--out".into(), dir("data-copy")]),
        ["postings"] => s(&["postings"]),
        ["postings", "import"] => Some(vec![
            "postings".into(),
            "import".into(),
            ad,
            "--company".into(),
            "某科技公司".into(),
            "--id".into(),
            "my_ad".into(),
        ]),
        ["postings", "show"] => s(&["postings", "show", "my_ad"]),
        ["postings", "edit"] => s(&["postings", "edit", "my_ad", "Q1", "--add", "python"]),
        ["postings", "remove"] => s(&["postings", "remove", "my_ad"]),
        ["profile"] => s(&["profile", "--years", "6", "--role", "fullstack_engineer"]),
        ["gap"] => s(&[
            "gap",
            "--role",
            "fullstack_engineer",
            "--posting",
            "notion_ai_engineer",
        ]),
        ["notes"] => s(&["notes", "contempt_chain"]),
        ["schema" | "completions" | "man" | "config"] => None,
        other => panic!("no ordinary run for {other:?}: add one here"),
    }
}

/// Runs the binary in Chinese in `home` and gives (status, stdout, stderr).
fn run(home: &Home, args: &[String]) -> (Option<i32>, String, String) {
    let mut cmd = home.cmd();
    cmd.args(["--lang", "zh"]);
    if !args.iter().any(|a| a == "--progress") {
        cmd.arg("--progress").arg(home.path().join("progress.yaml"));
    }
    let out = cmd.args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_check_finds_english_words_and_allows_names() {
    let allowed = allowed();
    for w in CHROME {
        assert!(!allowed.contains(*w), "{w}");
    }
    let found = english(
        "error: unknown role `nobody`; known roles: ai_engineer — 用 LangChain 与 Pinecone",
        &allowed,
    );
    let want: BTreeSet<String> = ["error", "unknown", "role", "known", "roles"]
        .iter()
        .map(|w| (*w).to_string())
        .collect();
    assert_eq!(found, want);
    // Command lines, flags, paths and quoted values are not words.
    let none = english(
        "运行 career-explorer postings import ad.txt 或加上 --role；见 docs/DATA.md、“Unknown company”",
        &allowed,
    );
    assert!(none.is_empty(), "{none:?}");
    // A half-width bracket against a Chinese character is found; one after
    // a space (a name in its own language, "菜鸟教程 (Runoob)") is not.
    assert_eq!(
        half_width_brackets("模型认知(0/7)\n菜鸟教程 (Runoob)").len(),
        1
    );
}

#[test]
fn every_command_speaks_chinese_in_help_runs_and_errors() {
    let allowed = allowed();
    let mut with_names = allowed.clone();
    let root = career_explorer::cli::Cli::command();
    tree_names(&root, &mut with_names);
    let mut all = Vec::new();
    paths(&root, &[], &mut all);
    assert!(all.len() > 20, "{all:?}");
    // Imported first: show, edit and remove then have a posting of yours.
    all.sort_by_key(|p| match p.get(1).map(String::as_str) {
        Some("import") => 0,
        Some("remove") => 2,
        _ => 1,
    });
    let home = Home::new();
    let mut failures = Vec::new();
    for path in &all {
        let mut help = path.clone();
        help.push("--help".into());
        let (code, text, _) = run(&home, &help);
        assert_eq!(code, Some(0), "{help:?}");
        let bad = english(&text, &with_names);
        if !bad.is_empty() {
            failures.push(format!("{help:?}: {bad:?}\n{text}"));
        }
        let Some(args) = ordinary(path, &home) else {
            continue;
        };
        let (code, out, err) = run(&home, &args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        let bad = english(&format!("{out}\n{err}"), &allowed);
        if !bad.is_empty() {
            failures.push(format!("{args:?}: {bad:?}\n{out}\n{err}"));
        }
        let brackets = half_width_brackets(&format!("{out}\n{err}"));
        if !brackets.is_empty() {
            failures.push(format!("{args:?}: half-width brackets: {brackets:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The slips of `postings edit` and `postings import` on a posting of one's
/// own (`my_ad`, imported from `ad`) and on a bundled one.
fn own_posting_cases(ad: &str) -> Vec<Vec<String>> {
    [
        vec![
            "postings",
            "edit",
            "notion_ai_engineer",
            "NQ1",
            "--add",
            "python",
        ],
        vec!["postings", "edit", "my_ad", "Q99", "--add", "python"],
        vec!["postings", "edit", "my_ad", "Q1", "--add", "nosuch"],
        vec!["postings", "edit", "my_ad", "Q1", "--add", "pythn"],
        vec!["postings", "edit", "my_ad", "Q1", "--remove", "sql"],
        vec!["postings", "edit", "nothing", "Q1", "--add", "python"],
        vec!["postings", "import", ad, "--id", "my_ad"],
        vec!["postings", "import", ad, "--id", "Not Valid!"],
    ]
    .iter()
    .map(|v| v.iter().map(|x| (*x).to_string()).collect())
    .collect()
}

/// The slips of `skills set`: unknown ids (one near a known id), no field
/// to set, a state or a day that is none, and a progress file (`folder`)
/// that does not read.
fn skills_set_cases(folder: &str) -> Vec<Vec<String>> {
    [
        &["skills", "set", "pythn", "--state", "done"][..],
        &["skills", "set", "python", "nosuch", "--note", "笔记"],
        &["skills", "set", "python"],
        &["skills", "set", "python", "--state", "mastered"],
        &[
            "skills",
            "set",
            "python",
            "--evidence",
            "https://example.com",
            "--evidence-date",
            "2026-13-01",
        ],
        &[
            "--progress",
            folder,
            "skills",
            "set",
            "python",
            "--state",
            "done",
        ],
    ]
    .iter()
    .map(|v| v.iter().map(|x| (*x).to_string()).collect())
    .collect()
}

#[test]
fn every_error_the_app_writes_is_chinese() {
    let allowed = allowed();
    let home = Home::new();
    let folder = home.path().join("a-folder");
    std::fs::create_dir(&folder).unwrap();
    let missing = home.path().join("no-such").join("ad.txt");
    let path = |p: &Path| p.display().to_string();
    let cases: Vec<Vec<String>> = [
        vec!["show", "pythn"],
        vec!["show", "nobody"],
        vec!["compare", "ai_engineer", "nobody"],
        vec!["postings", "show", "nothing"],
        vec!["postings", "remove", "notion_ai_engineer"],
        vec!["postings", "remove", "nothing"],
        vec![
            "gap",
            "--role",
            "ai_enginer",
            "--posting",
            "notion_ai_engineer",
        ],
        vec!["gap"],
        vec!["gap", "--role", "ai_engineer", "--posting", "nothing"],
        vec!["plan", "--posting", "nothing"],
        vec!["plan", "--role", "nobody"],
        vec!["profile", "--role", "nobody"],
        vec!["notes", "nothing"],
        vec!["progress", "--history", "--since", "2020"],
        vec!["--width", "10", "roles"],
        vec!["profile", "--years", "99"],
        vec!["export", "--format", "xml"],
        vec!["roles", "--bogus"],
        vec!["bogus"],
        vec!["show"],
    ]
    .iter()
    .map(|v| v.iter().map(|x| (*x).to_string()).collect())
    .chain([
        vec!["postings".into(), "import".into(), path(&missing)],
        vec!["export".into(), "--output".into(), path(&missing)],
        vec!["export".into(), "--output".into(), path(&folder)],
        vec!["--progress".into(), path(&folder), "skills".into()],
        vec!["data".into(), "--out".into(), path(&fixture("ads"))],
    ])
    .chain(skills_set_cases(&path(&folder)))
    .collect();
    // A posting of one's own, for the edit and import slips below.
    let ad = path(&fixture("ads/02_bigco_zh.txt"));
    let import = ["postings", "import", &ad, "--id", "my_ad"].map(String::from);
    assert_eq!(run(&home, &import).0, Some(0));
    let own = own_posting_cases(&ad);
    let mut failures = Vec::new();
    for args in cases.iter().chain(&own) {
        let (code, out, err) = run(&home, args);
        assert_ne!(code, Some(0), "{args:?} must fail: {out}");
        assert!(err.starts_with("错误："), "{args:?}: {err}");
        if args.contains(&"pythn".to_string()) {
            assert!(err.contains("`python`"), "{args:?}: {err}");
        }
        let bad = english(&err, &allowed);
        if !bad.is_empty() || !half_width_brackets(&err).is_empty() {
            failures.push(format!("{args:?}: {bad:?}\n{err}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// F29: an unknown id names the nearest ids, by search's typo tolerance,
/// in both languages; nothing is suggested for an id near nothing.
#[test]
fn an_unknown_id_suggests_the_nearest() {
    let home = Home::new();
    for (lang, args, want) in [
        ("zh", &["show", "ai_enginer"][..], "`ai_engineer`"),
        ("en", &["show", "pythn"], "did you mean `python`?"),
        (
            "en",
            &["profile", "--role", "fullstack"],
            "`fullstack_engineer`",
        ),
        (
            "zh",
            &["postings", "show", "notion_ai"],
            "`notion_ai_engineer`",
        ),
        ("en", &["notes", "contempt"], "`contempt_chain`"),
    ] {
        let out = home
            .cmd()
            .args(["--lang", lang])
            .args(args)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(err.contains(want), "{args:?}: {err}");
    }
    let out = home.cmd().args(["show", "zzzzzz"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("did you mean"), "{err}");
}

/// A Chinese locale without `--lang` asks for the same Chinese errors.
#[test]
fn a_chinese_locale_gives_chinese_errors() {
    let home = Home::new();
    let out = home
        .cmd()
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("CAREER_EXPLORER_LANG")
        .args(["show", "nobody"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("错误：未知角色"), "{err}");
}

/// clap's own tips (a similar command or flag) and the conflicting flag's
/// name reach the Chinese usage errors too.
#[test]
fn clap_tips_and_conflicts_are_said_in_chinese() {
    let home = Home::new();
    for (args, want) in [
        (&["rols"][..], "提示：你是不是要输入"),
        (&["roles", "--jsn"], "--json"),
        (&["plan", "--all", "--role", "ai_engineer"], "不能与 --role"),
    ] {
        let out = home
            .cmd()
            .args(["--lang", "zh"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("错误："), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
        let bad = english(&err, &allowed());
        assert!(bad.is_empty(), "{args:?}: {bad:?}\n{err}");
    }
}

/// `CAREER_EXPLORER_LANG=zh` asks for Chinese help and usage errors too,
/// as it does for the rest (it beats the locale).
#[test]
fn the_language_variable_gives_chinese_help_and_usage_errors() {
    let home = Home::new();
    let run = |args: &[&str]| {
        home.cmd()
            .env("CAREER_EXPLORER_LANG", "zh")
            .args(args)
            .output()
            .unwrap()
    };
    let help = String::from_utf8(run(&["roles", "--help"]).stdout).unwrap();
    assert!(help.contains("用法："), "{help}");
    let err = String::from_utf8(run(&["rols"]).stderr).unwrap();
    assert!(err.starts_with("错误："), "{err}");
}

/// `search` names a posting it finds a posting, not a background topic.
#[test]
fn search_calls_a_posting_a_posting() {
    let home = Home::new();
    for (lang, word) in [("en", "posting"), ("zh", "招聘启事")] {
        let out = home
            .cmd()
            .args(["--lang", lang, "search", "notion", "--kind", "posting"])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let first = text.lines().next().unwrap_or_default();
        assert!(first.starts_with(word), "{lang}: {text}");
    }
}
