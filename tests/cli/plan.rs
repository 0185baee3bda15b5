//! From gap to plan (issue 22): the resources file, the plan's order and
//! dates, the demand ranking, the progress history and evidence, through the
//! core and through the real binary in a pipe.

use std::path::Path;

use assert_cmd::Command;
use career_core::dates;
use career_core::model::{Catalog, Lang};
use career_core::plan::{self, Target};
use career_core::resources::{self, Resources};
use career_core::store::history::History;
use career_core::store::loader::load_bundled;
use career_core::store::progress::{self, Progress, State, timeline};
use serde_json::Value;

fn bundled() -> (Catalog, Resources) {
    let c = load_bundled().unwrap();
    let r = resources::bundled(&c).unwrap();
    (c, r)
}

#[test]
fn every_resource_has_every_field_and_every_plannable_skill_has_one() {
    let (c, r) = bundled();
    assert!(r.file.resources.len() >= 180, "{}", r.file.resources.len());
    for x in &r.file.resources {
        assert!(
            !x.id.is_empty() && !x.title.en.is_empty() && !x.title.zh.is_empty(),
            "{}",
            x.id
        );
        assert!(!x.publisher.is_empty(), "{}", x.id);
        assert!(
            x.url.starts_with("https://") || x.url.starts_with("http://"),
            "{}",
            x.id
        );
        assert!(resources::is_date(&x.checked), "{}", x.id);
        assert!(!x.skills.is_empty(), "{}", x.id);
    }
    let plannable = plan::plannable(&c);
    assert!(plannable.len() > 100, "{}", plannable.len());
    for s in plannable {
        let id = &c.skills[s].id;
        assert!(
            !r.for_skill(s, Lang::En, 3).is_empty(),
            "{id} has no resource"
        );
        assert!(r.effort(s).is_some(), "{id} has no effort estimate");
    }
    // Chinese users see Chinese resources first where there are any.
    let python = c.skill_index("python").unwrap();
    assert_eq!(r.for_skill(python, Lang::Zh, 3)[0].lang.code(), "zh");
    assert_eq!(r.for_skill(python, Lang::En, 3)[0].lang.code(), "en");
}

#[test]
fn a_bad_resources_file_names_file_line_and_column() {
    let (c, _) = bundled();
    let text = "resources:\n  - id: good\n    title: T\n    publisher: P\n    url: \"https://example.org/\"\n    lang: en\n    kind: docs\n    cost: free\n    checked: 2026-02-30\n    skills: [python, no_such_skill]\neffort:\n  - {skill: python, hours: [9, 3]}\n";
    let e = resources::from_text("r.yaml", text, &c)
        .unwrap_err()
        .to_string();
    assert!(e.contains("r.yaml:9:14"), "{e}");
    assert!(e.contains("not a date"), "{e}");
    assert!(
        e.contains("r.yaml:10:22") && e.contains("unknown skill `no_such_skill`"),
        "{e}"
    );
    assert!(
        e.contains("r.yaml:12:13") && e.contains("low <= high"),
        "{e}"
    );
    let bad_lang = text.replace("lang: en", "lang: fr");
    let e = resources::from_text("r.yaml", &bad_lang, &c)
        .unwrap_err()
        .to_string();
    assert!(e.contains("r.yaml:6:11"), "{e}");
}

#[test]
fn a_data_folder_may_leave_the_resources_out() {
    let (c, _) = bundled();
    let dir = tempfile::tempdir().unwrap();
    let r = resources::load(Some(dir.path()), &c, Default::default()).unwrap();
    assert!(r.file.resources.is_empty());
    std::fs::write(dir.path().join("resources.yaml"), "resources: [\n").unwrap();
    let e = resources::load(Some(dir.path()), &c, Default::default()).unwrap_err();
    assert!(e.to_string().contains("resources.yaml:"), "{e}");
}

fn position(p: &plan::Plan, c: &Catalog, id: &str) -> Option<usize> {
    let s = c.skill_index(id)?;
    p.steps.iter().position(|st| st.skill == s)
}

#[test]
fn foundations_come_first_ticking_moves_the_plan_on_and_dates_add_up() {
    let (c, r) = bundled();
    let mut p = Progress::new();
    let t = Target::Postings(plan::all_postings(&c).0);
    let today = dates::parse_day("2026-12-07").unwrap();
    let before = plan::build(&c, &r, &p, &t, Some(5), today);
    assert!(!before.steps.is_empty());
    // Every concept that practises a planned task comes before it.
    for (i, st) in before.steps.iter().enumerate() {
        for &task in &c.skills[st.skill].relates_idx {
            if let Some(j) = before.steps.iter().position(|x| x.skill == task) {
                assert!(
                    i < j,
                    "{} after {}",
                    c.skills[st.skill].id,
                    c.skills[task].id
                );
            }
        }
    }
    // Cumulative mid hours and dates: the last step ends the plan.
    let last = before.steps.last().unwrap();
    assert_eq!(before.finish, last.due);
    assert!((before.mid_hours - f64::from(before.hours.0 + before.hours.1) / 2.0).abs() < 1e-9);
    let weeks = before.mid_hours / 5.0;
    assert_eq!(before.finish, Some(today + (weeks * 7.0).ceil() as i64));
    // Ticking the first step takes it out and brings the finish nearer.
    let first = c.skills[before.steps[0].skill].id.clone();
    p.set_state(&first, State::Done, "2026-12-07T10:00:00Z".into());
    let after = plan::build(&c, &r, &p, &t, Some(5), today);
    assert_eq!(position(&after, &c, &first), None);
    assert!(after.finish < before.finish);
    assert!(
        after
            .done
            .iter()
            .any(|&(s, ev)| c.skills[s].id == first && !ev)
    );
    // With evidence, the done skill is marked so.
    p.set_evidence(
        &first,
        "https://github.com/me/demo",
        Some("2026-12-07".into()),
    );
    let marked = plan::build(&c, &r, &p, &t, Some(5), today);
    assert!(
        marked
            .done
            .iter()
            .any(|&(s, ev)| c.skills[s].id == first && ev)
    );
}

#[test]
fn a_role_plan_lists_the_roles_skills_not_done() {
    let (c, r) = bundled();
    let role = c.role_index("ai_engineer").unwrap();
    let p = Progress::new();
    let plan = plan::build(&c, &r, &p, &Target::Role(role), None, 0);
    for s in 0..c.skills.len() {
        if c.skills[s].role_idx.contains(&role) {
            assert!(
                position(&plan, &c, &c.skills[s].id).is_some(),
                "{}",
                c.skills[s].id
            );
        }
    }
    assert_eq!(plan.finish, None, "no pace, no dates");
}

#[test]
fn demand_counts_postings_and_what_ticking_completes() {
    let (c, _) = bundled();
    let d = career_core::demand::build(&c, &Progress::new());
    assert!(!d.own, "no own postings: every posting counts");
    assert_eq!(d.postings.len(), c.postings.len());
    for w in d.rows.windows(2) {
        assert!((w[0].asked_by, w[0].completes) >= (w[1].asked_by, w[1].completes));
    }
    let top = &d.rows[0];
    assert!(top.asked_by >= 1 && top.asked_by <= d.postings.len());
}

#[test]
fn each_state_change_is_recorded_bounded_and_merged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.yaml");
    // An old file (no history) loads unchanged and saves without one.
    std::fs::write(
        &path,
        "version: 1\nskills:\n  S01:\n    state: done\n    changed: \"2026-11-02T08:00:00Z\"\n",
    )
    .unwrap();
    let mut a = progress::load(&path).unwrap();
    assert!(a.history.is_empty());
    let mut b = progress::load(&path).unwrap();
    a.set_state("S02", State::Learning, "2026-12-01T09:00:00Z".into());
    progress::save_merged(&path, &mut a, progress::APP_PATIENCE).unwrap();
    b.set_state("S03", State::Done, "2026-12-02T09:00:00Z".into());
    progress::save_merged(&path, &mut b, progress::APP_PATIENCE).unwrap();
    let disk = progress::load(&path).unwrap();
    let ids: Vec<&str> = disk.history.iter().map(|r| r.skill.as_str()).collect();
    assert_eq!(ids, ["S02", "S03"], "both writers' records kept, by day");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("  - {date: \"2026-12-01\", skill: S02, state: learning}"),
        "{text}"
    );
    // A hand edit of the history is read and kept on the next save.
    let edited = text.replace("state: learning}", "state: done}");
    std::fs::write(&path, edited).unwrap();
    let mut c = progress::load(&path).unwrap();
    assert_eq!(c.history[0].state, State::Done);
    c.set_note("S04", "n");
    progress::save_merged(&path, &mut c, progress::APP_PATIENCE).unwrap();
    assert_eq!(progress::load(&path).unwrap().history[0].state, State::Done);
    // The S01 entry's `changed` day stands in for its record.
    let changes = career_core::trend::changes(&disk);
    assert_eq!(changes[0].skill, "S01");
    assert_eq!(changes[0].date, "2026-11-02");
    // A history that does not read is reported and kept as written.
    std::fs::write(
        &path,
        "version: 1\nhistory: [{date: someday, skill: S01, state: done}]\n",
    )
    .unwrap();
    let bad = progress::load(&path).unwrap();
    assert!(
        bad.disk.bad[0]
            .describe(Path::new("p"))
            .starts_with("p:2:1: `history` does not read")
    );
    assert!(progress::to_yaml(&bad).contains("someday"));
}

#[test]
fn the_history_is_capped_and_the_oldest_fold_into_the_baseline() {
    let mut p = Progress::new();
    for i in 0..timeline::CAP + 5 {
        let day = dates::format_day(20_000 + i as i64);
        p.set_state(&format!("X{i}"), State::Done, format!("{day}T00:00:00Z"));
    }
    assert_eq!(p.history.len(), timeline::CAP);
    assert_eq!(p.history_baseline.skills.len(), 5);
    let back = progress::parse(progress::to_yaml(&p).as_bytes(), Path::new("p")).unwrap();
    assert_eq!(back.history, p.history);
    assert_eq!(back.history_baseline, p.history_baseline);
}

#[test]
fn evidence_is_kept_merged_per_field_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.yaml");
    let mut a = progress::load(&path).unwrap();
    let mut b = progress::load(&path).unwrap();
    a.set_evidence(
        "S10",
        "https://github.com/me/rag\u{1b}[2J",
        Some("2026-12-01".into()),
    );
    progress::save_merged(&path, &mut a, progress::APP_PATIENCE).unwrap();
    b.set_note("S10", "from b");
    progress::save_merged(&path, &mut b, progress::APP_PATIENCE).unwrap();
    let disk = progress::load(&path).unwrap();
    assert_eq!(
        disk.evidence("S10"),
        ("https://github.com/me/rag\u{FFFD}[2J", Some("2026-12-01"))
    );
    assert_eq!(disk.note("S10"), "from b");
    // Undo covers it.
    let mut p = disk.clone();
    let before = p.skills["S10"].clone();
    p.set_evidence("S10", "", None);
    let mut h = History::default();
    h.record(career_core::store::history::Change::skill(
        "S10",
        &before,
        &p.skills["S10"],
    ));
    h.undo(&mut p, Lang::En);
    assert_eq!(p.evidence("S10").0, "https://github.com/me/rag\u{FFFD}[2J");
}

fn cli(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("career-explorer").unwrap();
    cmd.env_clear()
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd
}

fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_new_commands_print_json_and_text_into_a_pipe() {
    let home = tempfile::tempdir().unwrap();
    let progress = home.path().join("p.yaml");
    std::fs::write(&progress, "version: 1\nskills:\n  python:\n    state: done\n    evidence: \"https://github.com/me/py\"\n    evidence_date: \"2026-12-01\"\nhistory:\n  - {date: \"2026-12-01\", skill: python, state: done}\n").unwrap();
    let p = progress.to_str().unwrap();
    let plan = json_of(cli(home.path()).args([
        "plan",
        "--json",
        "--hours-per-week",
        "10",
        "--progress",
        p,
    ]));
    assert_eq!(plan["target_kind"], "postings");
    assert_eq!(plan["hours_per_week"], 10);
    assert!(
        plan["steps"][0]["resources"][0]["url"]
            .as_str()
            .unwrap()
            .starts_with("http")
    );
    assert!(
        plan["steps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["id"] != "python")
    );
    let role = json_of(cli(home.path()).args([
        "plan",
        "--role",
        "ai_engineer",
        "--json",
        "--progress",
        p,
    ]));
    assert_eq!(role["target"][0], "ai_engineer");
    let demand = json_of(cli(home.path()).args(["demand", "--json", "--progress", p]));
    assert_eq!(demand["own"], false);
    assert!(demand["skills"][0]["asked_by"].as_u64().unwrap() >= 1);
    let history =
        json_of(cli(home.path()).args(["progress", "--history", "--json", "--progress", p]));
    assert_eq!(history["changes"][0]["skill"], "python");
    assert!(history["weeks"][0]["done"].as_u64().unwrap() >= 1);
    // The one coverage rule: a posting nothing can measure is null, not 0.
    let cov = &history["weeks"][0]["coverage"];
    assert!(cov["notion_model_behavior_2026"].is_null(), "{cov}");
    assert!(cov["notion_ai_engineer"].is_u64(), "{cov}");
    let export = json_of(cli(home.path()).args(["export", "--format", "json", "--progress", p]));
    assert!(export["plan"]["steps"].is_array());
    assert_eq!(export["history"][0]["skill"], "python");
    let text = cli(home.path())
        .args([
            "--lang",
            "zh",
            "plan",
            "--posting",
            "notion_ai_engineer",
            "--progress",
            p,
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.starts_with("计划目标：Notion"), "{text}");
    assert!(!text.contains('\u{1b}'), "no escapes into a pipe");
    let bad = cli(home.path())
        .args([
            "progress",
            "--history",
            "--since",
            "yesterday",
            "--progress",
            p,
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
