//! The user's own postings (issue 13): import from an ad's text, kept in
//! `$XDG_DATA_HOME/career-explorer/postings/` beside the bundled catalog,
//! listed, removed, measured with an honest match, and the gap from the
//! user's role. HOME and XDG_* point at temp folders in every run.

use std::path::PathBuf;

use crate::common::{Home, bundled_data, fixture, screen};
use assert_cmd::Command;
use career_core::model::Lang;
use career_core::store::loader::load_bundled;
use career_core::store::progress::{Progress, State};
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::App;

fn ad_path(name: &str) -> PathBuf {
    fixture(&format!("ads/{name}.txt"))
}

fn out(c: &mut Command) -> (Option<i32>, String, String) {
    let o = c.output().unwrap();
    (
        o.status.code(),
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    )
}

#[test]
fn import_lists_and_removes_an_own_posting_beside_the_bundled_one() {
    let home = Home::new();
    let (file, saved) = import_northwind(&home);
    listed_after_the_bundled_ones(&home);
    a_second_import_keeps_the_first(&home, &file, &saved);
    only_an_own_posting_is_removed(&home, &file);
}

/// `postings import` of the enterprise ad with `more` arguments after it.
fn import_enterprise(home: &Home, more: &[&str]) -> (Option<i32>, String, String) {
    let ad = ad_path("03_enterprise_en");
    out(home
        .cmd()
        .args(["postings", "import", ad.to_str().unwrap()])
        .args(more))
}

/// Imports the enterprise ad as Northwind's: it says what it understood
/// and saves the file; gives the file and its text.
fn import_northwind(home: &Home) -> (PathBuf, String) {
    let (code, text, err) = import_enterprise(
        home,
        &["--company", "Northwind", "--title", "Senior AI Engineer"],
    );
    assert_eq!(code, Some(0), "{err}");
    // What it understood: items with their skills, the unmapped flagged.
    assert!(
        text.contains("4 responsibilities, 4 requirements"),
        "{text}"
    );
    // Each skill with the words that named it.
    assert!(
        text.contains("→ guardrails_safety") && text.contains("← \"prompt injection\""),
        "{text}"
    );
    assert!(text.contains("experience: 5+ years"), "{text}");
    assert!(
        text.contains("Excellent written communication") && text.contains("Left out ("),
        "{text}"
    );
    let file = home.postings().join("northwind_senior_ai_engineer.yaml");
    assert!(file.exists(), "{text}");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("min_years: 5"), "{saved}");
    (file, saved)
}

/// `postings --json` lists the bundled postings, then the own one.
fn listed_after_the_bundled_ones(home: &Home) {
    let (code, json, err) = out(home.cmd().args(["postings", "--json"]));
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = v.as_array().unwrap();
    let bundled = load_bundled().unwrap().postings.len();
    assert_eq!(rows.len(), bundled + 1, "{json}");
    assert_eq!(rows[0]["id"], "notion_ai_engineer");
    assert!(rows[..bundled].iter().all(|r| r["own"] == false), "{json}");
    let own = &rows[bundled];
    assert_eq!(own["id"], "northwind_senior_ai_engineer");
    assert_eq!(own["own"], true);
    assert_eq!(own["requirements"], 4);
}

/// The same id again is not overwritten: the next import gets its own, and
/// an `--id` that exists is refused.
fn a_second_import_keeps_the_first(home: &Home, file: &std::path::Path, saved: &str) {
    let (code, again, _) = import_enterprise(
        home,
        &["--company", "Northwind", "--title", "Senior AI Engineer"],
    );
    assert_eq!(code, Some(0));
    assert!(again.contains("northwind_senior_ai_engineer_2"), "{again}");
    assert_eq!(std::fs::read_to_string(file).unwrap(), saved);
    let (code, _, err) = import_enterprise(home, &["--id", "northwind_senior_ai_engineer"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("exists already"), "{err}");
}

/// A bundled posting cannot be removed; the own one is, file and all.
fn only_an_own_posting_is_removed(home: &Home, file: &std::path::Path) {
    let (code, _, err) = out(home
        .cmd()
        .args(["postings", "remove", "notion_ai_engineer"]));
    assert_eq!(code, Some(2));
    assert!(
        err.contains("bundled posting and cannot be removed"),
        "{err}"
    );
    let (code, text, err) =
        out(home
            .cmd()
            .args(["postings", "remove", "northwind_senior_ai_engineer"]));
    assert_eq!(code, Some(0), "{err}");
    assert!(text.contains("removed"), "{text}");
    assert!(!file.exists());
}

#[test]
fn dry_run_prints_the_yaml_and_saves_nothing_and_stdin_works() {
    let home = Home::new();
    let ad = std::fs::read_to_string(ad_path("02_bigco_zh")).unwrap();
    let (code, yaml, report) = out(home
        .cmd()
        .args([
            "postings",
            "import",
            "-",
            "--dry-run",
            "--company",
            "某科技",
        ])
        .write_stdin(ad));
    assert_eq!(code, Some(0), "{report}");
    assert!(yaml.contains("min_years: 3"), "{yaml}");
    assert!(yaml.contains("vector_databases"), "{yaml}");
    assert!(
        yaml.contains("preferred: true"),
        "nice-to-haves are marked: {yaml}"
    );
    assert!(yaml.contains("evidence:"), "{yaml}");
    assert!(report.contains("standard input"), "{report}");
    assert!(!home.postings().exists(), "a dry run saves nothing");
    // The title came from the ad's first line; the id falls back to `posting`.
    assert!(yaml.contains("大模型应用开发工程师"), "{yaml}");
}

#[test]
fn an_ad_with_no_requirements_is_imported_with_a_warning_in_both_languages() {
    let home = Home::new();
    let (code, text, err) = out(home
        .cmd()
        .args(["postings", "import", "-", "--company", "Snackco"])
        .write_stdin("We are hiring! Great snacks.\nApply today.\n"));
    assert_eq!(code, Some(0), "{err}");
    assert!(text.contains("no requirement was found"), "{text}");
    assert!(text.contains("没有找到任职要求"), "{text}");
    assert!(
        text.contains("Left out ("),
        "every line left out is listed: {text}"
    );
    assert!(home.postings().exists());
    // An empty ad is still an error: there is nothing to import.
    let (code, _, err) = out(home
        .cmd()
        .args(["postings", "import", "-"])
        .write_stdin("  \n"));
    assert_eq!(code, Some(2));
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn dry_run_json_prints_the_posting_with_evidence() {
    let home = Home::new();
    let (code, json, err) = out(home.cmd().args([
        "postings",
        "import",
        ad_path("01_startup_en").to_str().unwrap(),
        "--company",
        "Brightloom",
        "--dry-run",
        "--json",
    ]));
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let q = &v["posting"]["requirements"];
    assert_eq!(q[1]["skills"][0], "python");
    assert_eq!(q[1]["evidence"]["python"], "Python");
    assert_eq!(q[0]["min_years"], 4);
    assert!(v["left_out"].as_array().is_some_and(|l| !l.is_empty()));
    assert!(!home.postings().exists(), "a dry run saves nothing");
    let (_, help, _) = out(home.cmd().args(["postings", "import", "--help"]));
    assert!(help.contains("--json"));
}

#[test]
fn a_broken_own_file_is_reported_at_its_line_and_left_alone() {
    let home = Home::new();
    std::fs::create_dir_all(home.postings()).unwrap();
    let broken = home.postings().join("broken.yaml");
    let text = "id: broken\ncompany: X\ntitle: T\nrole: ai_engineer\nsource: s\nresponsibilities: []\nrequirements:\n  - id: Q1\n    text: ok\n    skills: [S99]\n";
    std::fs::write(&broken, text).unwrap();
    let bad_yaml = home.postings().join("bad.yaml");
    std::fs::write(&bad_yaml, "id: bad\ncompany: [unclosed\n").unwrap();
    let good = home.postings().join("good.yaml");
    std::fs::write(
        &good,
        "id: good\ncompany: Good Co\ntitle: AI Engineer\nrole: ai_engineer\nsource: pasted\nresponsibilities: []\nrequirements:\n  - id: Q1\n    text: Build RAG\n    skills: [S11]\n",
    )
    .unwrap();
    let (code, text_out, err) = out(home.cmd().args(["postings"]));
    assert_eq!(code, Some(0), "the rest of the app still starts: {err}");
    assert!(
        err.contains(&format!("{}:10:14", broken.display())) && err.contains("unknown skill `S99`"),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}:3:1", bad_yaml.display())),
        "{err}"
    );
    assert!(text_out.contains("good"), "{text_out}");
    assert!(!text_out.contains("broken"), "{text_out}");
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        text,
        "never rewritten"
    );
    // validate fails on them; --data replaces the whole catalog and skips them.
    let (code, _, _) = out(home.cmd().args(["validate"]));
    assert_eq!(code, Some(2));
    let data = bundled_data();
    let (code, listed, err) = out(home
        .cmd()
        .args(["postings", "--data", data.to_str().unwrap()]));
    assert_eq!(code, Some(0), "{err}");
    assert!(err.is_empty() && !listed.contains("good"), "{listed}{err}");
}

#[test]
fn profile_and_gap_from_the_command_line() {
    let home = Home::new();
    let progress = home.path().join("p.yaml");
    let p = progress.to_str().unwrap();
    let (code, _, err) = out(home.cmd().args(["gap", "--progress", p]));
    assert_eq!(code, Some(2));
    assert!(err.contains("profile --role"), "{err}");
    let (code, text, err) = out(home.cmd().args([
        "profile",
        "--years",
        "4",
        "--role",
        "fullstack_engineer",
        "--progress",
        p,
    ]));
    assert_eq!(code, Some(0), "{err}");
    assert!(
        text.contains('4') && text.contains("Full-stack Engineer"),
        "{text}"
    );
    let saved = std::fs::read_to_string(&progress).unwrap();
    assert!(saved.contains("years: 4") && saved.contains("role: fullstack_engineer"));
    let (code, _, err) = out(home
        .cmd()
        .args(["profile", "--role", "astronaut", "--progress", p]));
    assert_eq!(code, Some(2), "{err}");
    let (code, json, err) = out(home.cmd().args([
        "gap",
        "--posting",
        "notion_ai_engineer",
        "--json",
        "--progress",
        p,
    ]));
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ids: Vec<&str> = v["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"S33") && ids.contains(&"S11"), "{ids:?}");
    assert!(!ids.contains(&"S27"), "React is a fullstack skill: {ids:?}");
    let (code, text, _) = out(home.cmd().args(["gap", "--progress", p]));
    assert_eq!(code, Some(0));
    assert!(
        text.starts_with("From Full-stack Engineer to AI Engineer"),
        "{text}"
    );
}

/// Pane 4 on an own posting written in one language: its title says it is
/// the user's, its texts show in both languages, marked untranslated.
#[test]
fn pane_4_shows_an_own_posting_marked_and_untranslated() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.yaml"),
        "id: mine\ncompany: Mine Co\ntitle: AI Engineer\nrole: ai_engineer\nsource: pasted\nresponsibilities: []\nrequirements:\n  - id: Q1\n    text: Build RAG over our docs\n    skills: [S11, S12]\n  - id: Q2\n    text: Kind to colleagues\n",
    )
    .unwrap();
    let mut c = load_bundled().unwrap();
    let problems = career_core::store::own::attach(&mut c, dir.path());
    assert!(problems.is_empty(), "{problems:?}");
    // Own postings come after the bundled ones.
    let n = c.postings.len();
    assert!(c.is_own_posting(n - 1) && (0..n - 1).all(|p| !c.is_own_posting(p)));
    let mut app = App::new(c, Progress::new(), Lang::En);
    app.update(Action::GoPane(Pane::Jobs));
    for _ in 1..n {
        app.update(Action::Right);
    }
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("Mine Co — AI Engineer"), "{s}");
    assert!(s.contains(&format!("yours · posting {n}/{n}")), "{s}");
    assert!(s.contains("? not mapped"), "{s}");
    assert!(s.contains("Your file:"), "{s}");
    app.update(Action::ToggleLang);
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("Build RAG over our docs （未翻译）"), "{s}");
}

/// The content review's cases (B5, D7) on the bundled posting.
#[test]
fn the_honest_match_on_notion_nq1() {
    let c = load_bundled().unwrap();
    let nq1 = c.postings[0]
        .requirements
        .iter()
        .find(|r| r.id == "NQ1")
        .unwrap()
        .skills
        .clone();
    let n = nq1.len();
    let app_with = |done: &[String], years: Option<u32>| {
        let mut p = Progress::new();
        for id in done {
            p.set_state(id, State::Done, "t".into());
        }
        p.profile.years = years;
        let mut a = App::new(c.clone(), p, Lang::En);
        a.update(Action::GoPane(Pane::Jobs));
        a
    };
    let nq1_line = |s: &str| -> String {
        let lines: Vec<&str> = s.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains("Has built AI"))
            .unwrap();
        lines[at].to_string()
    };
    // One of NQ1's skills done: 1/n, partly, never covered.
    let mut a = app_with(&nq1[..1], None);
    let s = screen(&mut a, 200, 60);
    assert!(s.contains(&format!("NQ1 1/{n}")), "{s}");
    assert!(nq1_line(&s).contains("[~ partly ]"), "{s}");
    assert!(
        s.contains("skill coverage 1% · 0 of 4 mappable requirements met"),
        "{s}"
    );
    // Every NQ1 skill done, no years given: still not covered.
    let mut a = app_with(&nq1, None);
    let s = screen(&mut a, 200, 60);
    assert!(
        s.contains(&format!("NQ1 {n}/{n} · 8+ years of experience · not given")),
        "{s}"
    );
    assert!(nq1_line(&s).contains("[~ partly ]"), "{s}");
    // Years 3: shown beside the threshold, not met.
    let mut a = app_with(&nq1, Some(3));
    let s = screen(&mut a, 200, 60);
    assert!(
        s.contains("8+ years of experience · you, all years: 3"),
        "{s}"
    );
    assert!(nq1_line(&s).contains("[~ partly ]"), "{s}");
    // Years 8: covered.
    let mut a = app_with(&nq1, Some(8));
    let s = screen(&mut a, 200, 60);
    assert!(s.contains("you, all years: 8 ✓"), "{s}");
    assert!(nq1_line(&s).contains("[✓ covered]"), "{s}");
    assert!(s.contains("· 1 of 4 mappable requirements met"), "{s}");
    // In Chinese.
    let mut a = app_with(&nq1, Some(3));
    a.update(Action::ToggleLang);
    let s = screen(&mut a, 200, 60);
    assert!(s.contains("8 年以上经验 · 你的总年限：3 年"), "{s}");
}

/// The profile keys of pane 4 change the years and the role, and ask for a
/// save; the gap from the role shows.
#[test]
fn pane_4_sets_years_and_role_and_shows_the_gap() {
    let c = load_bundled().unwrap();
    let mut a = App::new(c, Progress::new(), Lang::En);
    a.update(Action::GoPane(Pane::Jobs));
    let s = screen(&mut a, 100, 80);
    assert!(s.contains("Press r to give your current role"), "{s}");
    assert_eq!(
        a.update(Action::YearsUp),
        career_explorer::tui::app::Effect::Save
    );
    a.update(Action::YearsUp);
    assert_eq!(a.progress.profile.years, Some(2));
    a.update(Action::YearsDown);
    assert_eq!(a.progress.profile.years, Some(1));
    assert!(a.dirty.contains(career_core::store::progress::PROFILE_KEY));
    for _ in 0..a.catalog.roles.len() {
        if a.progress.profile.role.as_deref() == Some("fullstack_engineer") {
            break;
        }
        a.update(Action::NextRole);
    }
    let s = screen(&mut a, 100, 80);
    assert!(
        s.contains("Needed here, not by your role (Full-stack Engineer)"),
        "{s}"
    );
    assert!(
        s.contains("8+ years of experience · you, all years: 1"),
        "{s}"
    );
}
