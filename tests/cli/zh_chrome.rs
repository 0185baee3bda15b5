//! One Chinese voice on the command line: every command run with `--lang zh`
//! prints no English label words. Names, ids and tool names are English in
//! both languages, so they are allowed: the allow-list is built from the
//! catalog (ids, tool names, named people and products) and from the Latin
//! words the Chinese texts themselves use.

use std::collections::HashSet;

use crate::common::{Home, bundled_data};
use career_core::model::{Catalog, Lang, Term};
use career_core::store::loader::load_bundled;
use career_core::store::progress::{self, Progress, State};

/// English words the code's chrome uses (headings, states, hints).
const LABEL_WORDS: &[&str] = &[
    "Skills",
    "skills",
    "Skill",
    "covered",
    "partly",
    "missing",
    "Readiness",
    "readiness",
    "match",
    "Sources",
    "Source",
    "roles",
    "role",
    "Role",
    "next",
    "Next",
    "Overall",
    "overall",
    "requirement",
    "requirements",
    "Requirements",
    "Responsibilities",
    "responsibility",
    "coverage",
    "done",
    "needed",
    "learning",
    "skipped",
    "note",
    "Does",
    "Produces",
    "Iteration",
    "Key",
    "tools",
    "Workflow",
    "Facts",
    "Also",
    "called",
    "cost",
    "speed",
    "Side",
    "Summary",
    "differs",
    "same",
    "ok",
    "categories",
    "postings",
    "Kept",
    "Date",
    "undated",
    "addition",
    "examples",
    "left",
    "right",
    "neither",
    "vs",
    "self",
    "assessment",
    "per",
    "Your",
    "none",
    "spectrum",
];

/// JSON fields whose values are codes for scripts, not words for people.
const CODE_KEYS: &[&str] = &[
    "id",
    "state",
    "coverage",
    "lang",
    "category",
    "kind",
    "side",
    "roles",
    "skills",
    "basis",
    "workflow",
    "changed",
    "target_kind",
    "target",
    "cost",
    "foundation_of",
    "skill",
];

fn latin_words(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_ascii_alphabetic() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(['-', '\'']))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Words allowed in Chinese output: ids, names and the Latin words of the
/// Chinese texts.
fn allowed(c: &Catalog) -> HashSet<String> {
    let mut texts: Vec<String> = Vec::new();
    let mut term = |t: &Term| {
        if let Term::Name(n) = t {
            texts.push(n.to_string());
        }
        texts.push(t.get(Lang::Zh).to_string());
    };
    for r in &c.roles {
        r.key_tools.iter().for_each(&mut term);
    }
    for n in c
        .notes
        .traits
        .iter()
        .chain(&c.notes.capabilities)
        .chain(&c.notes.notes)
    {
        n.named.iter().for_each(&mut term);
    }
    for s in &c.notes.sources {
        term(&s.title);
    }
    for r in &c.roles {
        texts.push(r.id.clone());
    }
    // The plan's resources are works named by their own titles and publishers.
    let res = career_core::resources::bundled(c).unwrap();
    // (A title holding a word the guard below names is left out.)
    let guard = ["match", "covered", "Skills", "Readiness", "next"];
    for r in &res.file.resources {
        let title = r.title.get(Lang::Zh);
        if !guard.iter().any(|g| title.contains(g)) {
            texts.push(title.to_string());
        }
        texts.push(r.publisher.to_string());
    }
    for s in &c.skills {
        texts.push(s.id.clone());
        texts.push(s.category.clone());
        texts.extend(s.tools.iter().map(std::string::ToString::to_string));
        // The ads' skills are named by products (React, Next.js) in both languages.
        if s.layer == career_core::model::Layer::Ads {
            texts.push(s.name.get(Lang::Zh).to_string());
        }
    }
    for p in &c.postings {
        texts.push(p.id.clone());
        texts.push(p.company.get(career_core::model::Lang::Zh).to_string());
    }
    let dir = bundled_data();
    for name in career_core::store::loader::FILES {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        for line in text.lines() {
            if let Some(zh) = line.trim_start().strip_prefix("zh:") {
                texts.push(zh.to_string());
            }
        }
    }
    texts
        .iter()
        .flat_map(|t| latin_words(t))
        .map(String::from)
        .collect()
}

/// The English label words in `text` that are not names.
fn english_chrome(text: &str, allowed: &HashSet<String>) -> Vec<String> {
    latin_words(text)
        .into_iter()
        .filter(|w| LABEL_WORDS.contains(w) && !allowed.contains(*w))
        .map(String::from)
        .collect()
}

/// The strings of a JSON document a person reads (code fields left out).
fn json_words(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(items) => items.iter().for_each(|x| json_words(x, out)),
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                if !CODE_KEYS.contains(&k.as_str()) {
                    json_words(x, out);
                }
            }
        }
        _ => {}
    }
}

/// Runs the binary in `home` with its progress file holding a few states.
fn run(lang: &str, args: &[&str], home: &Home) -> String {
    let out = home
        .cmd()
        .args(["--lang", lang, "--progress"])
        .arg(home.path().join("progress.json"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const COMMANDS: &[&[&str]] = &[
    &["roles"],
    &["show", "ai_engineer"],
    &["show", "data_engineer"],
    &["compare", "ml_engineer", "ai_engineer"],
    &["skills"],
    &["search", "rag"],
    &["search", "鄙视链"],
    &["progress"],
    &["export", "--format", "markdown"],
    &["export", "--format", "json"],
    &["validate"],
];

fn home_with_progress() -> Home {
    let home = Home::new();
    let mut p = Progress::new();
    let now = || "2026-01-01T00:00:00Z".to_string();
    p.set_state("S01", State::Done, now());
    p.set_state("S11", State::Learning, now());
    p.set_state("S25", State::Skipped, now());
    p.set_note("S01", "GPT-4 与 Claude");
    progress::save(&home.path().join("progress.json"), &p).unwrap();
    home
}

#[test]
fn every_command_in_chinese_prints_no_english_chrome() {
    let c = load_bundled().unwrap();
    let allowed = allowed(&c);
    for w in ["match", "covered", "Skills", "Readiness", "next"] {
        assert!(!allowed.contains(w), "the allow-list must not hide {w:?}");
    }
    let home = home_with_progress();
    let mut failures = Vec::new();
    for args in COMMANDS {
        let out = run("zh", args, &home);
        let text = if args.contains(&"json") {
            let mut words = String::new();
            json_words(&serde_json::from_str(&out).unwrap(), &mut words);
            words
        } else {
            out
        };
        let found = english_chrome(&text, &allowed);
        if !found.is_empty() {
            failures.push(format!("{args:?}: {found:?}\n{text}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_checker_finds_the_english_chrome_of_english_output() {
    let c = load_bundled().unwrap();
    let allowed = allowed(&c);
    let home = home_with_progress();
    let progress = english_chrome(&run("en", &["progress"], &home), &allowed);
    for w in ["Skills", "Readiness", "coverage", "requirements", "next"] {
        assert!(progress.iter().any(|x| x == w), "{w} in {progress:?}");
    }
    let md = english_chrome(
        &run("en", &["export", "--format", "markdown"], &home),
        &allowed,
    );
    for w in ["Overall", "Readiness", "Date", "addition"] {
        assert!(md.iter().any(|x| x == w), "{w} in {md:?}");
    }
}
