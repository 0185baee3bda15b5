//! Issue 19, point 6: one rule everywhere. For the same progress and
//! profile, every surface (pane 4, `postings` and `postings --json`,
//! `postings show`, `progress` and `progress --json`, `gap --posting`, the
//! JSON and the Markdown export) gives every requirement the mark of
//! `readiness::requirement_status`. HOME and XDG_* point at temp folders.

use std::path::PathBuf;

use assert_cmd::Command;
use career_core::model::{Catalog, Lang};
use career_core::readiness::{Coverage, requirement_status};
use career_core::store::loader::load_bundled;
use career_core::store::progress::{self, Progress, State};
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::Value;

/// An own posting with every kind of requirement: a bare threshold, an
/// any-of, a preferred one, one no skill covers (not mapped), and NQ1's
/// first skills with a threshold.
const OWN: &str = "id: own_mix
company: Mixco
title: AI Engineer
role: ai_engineer
source: written for this test
responsibilities: []
requirements:
- id: Q1
  text: 5+ years building software
  min_years: 5
- id: Q2
  text: Python, Go or Java
  skills: [python, go, java]
  evidence:
    python: Python
  any_of: true
- id: Q3
  text: Kubernetes is a plus
  skills: [kubernetes]
  preferred: true
- id: Q4
  text: A degree in a related field
- id: Q5
  text: Shipped LLM products
  skills: [S01, S02]
  min_years: 8
";

/// A temp home with the own posting and a progress file: every skill of
/// NQ1 done, `python` done, and `years` in the profile.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new(years: Option<u32>) -> Home {
        let dir = tempfile::tempdir().unwrap();
        let postings = dir.path().join("data/career-explorer/postings");
        std::fs::create_dir_all(&postings).unwrap();
        std::fs::write(postings.join("own_mix.yaml"), OWN).unwrap();
        let c = load_bundled().unwrap();
        let nq1 = &c.postings[0].requirements[0];
        assert_eq!(nq1.id, "NQ1");
        let mut p = Progress::new();
        let t = || "2026-01-01T00:00:00Z".to_string();
        for s in nq1.skills.iter().chain(["python".to_string()].iter()) {
            p.set_state(s, State::Done, t());
        }
        p.profile.years = years;
        p.profile.role = Some("fullstack_engineer".into());
        progress::save(&dir.path().join("data/career-explorer/progress.yaml"), &p).unwrap();
        Home { dir }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data/career-explorer")
    }

    fn run(&self, args: &[&str]) -> String {
        let d = self.dir.path();
        let out = Command::cargo_bin("career-explorer")
            .unwrap()
            .env("HOME", d)
            .env("XDG_DATA_HOME", d.join("data"))
            .env("XDG_CONFIG_HOME", d.join("config"))
            .env("XDG_CACHE_HOME", d.join("cache"))
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .args(["--lang", "en"])
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

    /// The catalog and progress the binary sees.
    fn catalog_and_progress(&self) -> (Catalog, Progress) {
        let mut c = load_bundled().unwrap();
        let problems = career_core::store::own::attach(&mut c, &self.data().join("postings"));
        assert!(problems.is_empty(), "{problems:?}");
        let p = progress::load(&self.data().join("progress.yaml")).unwrap();
        (c, p)
    }
}

/// (posting id, requirement id, mark) for every requirement, by the rule.
type Marks = Vec<(String, String, Coverage)>;

fn expected(c: &Catalog, p: &Progress) -> Marks {
    let state = |s: usize| p.state(&c.skills[s].id);
    let mut out = Vec::new();
    for posting in &c.postings {
        for r in &posting.requirements {
            let st = requirement_status(r, &state, p.profile.years);
            out.push((posting.id.clone(), r.id.clone(), st.coverage));
        }
    }
    out
}

/// The mark a word stands for: "not mapped" and "`not_mapped`" both.
fn word(w: &str) -> Coverage {
    let code = w.trim().replace(' ', "_");
    Coverage::from_code(&code).unwrap_or_else(|| panic!("no mark {w:?}"))
}

/// The marks of a JSON list of requirements (the export's shape).
fn by_id(json: &Value) -> Vec<Coverage> {
    json.as_array()
        .unwrap()
        .iter()
        .map(|q| word(q["coverage"].as_str().unwrap()))
        .collect()
}

fn marks_only(m: &Marks) -> Vec<Coverage> {
    m.iter().map(|x| x.2).collect()
}

/// `postings --json`: each posting's `requirement_status`.
fn from_postings_json(h: &Home) -> Vec<Coverage> {
    let v: Value = serde_json::from_str(&h.run(&["postings", "--json"])).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .flat_map(|p| by_id(&p["requirement_status"]))
        .collect()
}

/// `postings`: the line "    NQ1 covered · NQ2 not mapped" of each posting.
fn from_postings_text(h: &Home) -> Vec<Coverage> {
    let text = h.run(&["postings"]);
    let mut out = Vec::new();
    for line in text.lines().filter(|l| l.starts_with("    ")) {
        // The figures line and a 2024–2026 posting's layer and reliability.
        if line.contains("skill coverage") || line.trim_start().starts_with(['(', '（']) {
            continue;
        }
        for part in line.trim().split(" · ") {
            let (_, w) = part.split_once(' ').unwrap();
            out.push(word(w));
        }
    }
    out
}

/// `progress`: each requirement row "  covered    NQ1 text".
fn from_progress_text(h: &Home) -> Vec<Coverage> {
    let text = h.run(&["progress"]);
    let words = ["not mapped", "covered", "partly", "missing"];
    text.lines()
        .filter_map(|l| {
            let rest = l.strip_prefix("  ")?;
            let w = words.iter().find(|w| rest.starts_with(*w))?;
            // A word, its padding, then an id: never a category name.
            let after = rest[w.len()..].trim_start();
            after
                .split(' ')
                .next()
                .filter(|id| id.chars().any(|c| c.is_ascii_digit()))?;
            Some(word(w))
        })
        .collect()
}

/// The report JSON (`progress --json` or `export --format json`).
fn from_report_json(text: &str, years: Option<u32>) -> Vec<Coverage> {
    let v: Value = serde_json::from_str(text).unwrap();
    assert_eq!(v["profile"]["years"].as_u64(), years.map(u64::from));
    assert_eq!(v["profile"]["role"], "fullstack_engineer");
    v["postings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| by_id(&p["requirements"]))
        .collect()
}

/// The Markdown export: the mark column of each requirements table.
fn from_markdown(h: &Home, years: Option<u32>) -> Vec<Coverage> {
    let text = h.run(&["export", "--format", "markdown"]);
    let profile = match years {
        Some(y) => format!("years of experience {y}"),
        None => "years of experience not given".to_string(),
    };
    assert!(text.contains(&profile), "{text}");
    let mut out = Vec::new();
    let mut in_table = false;
    for line in text.lines() {
        if line.starts_with("| requirement |") {
            in_table = true;
            continue;
        }
        if !line.starts_with('|') {
            in_table = false;
        }
        if in_table && !line.starts_with("|---") {
            let cells: Vec<&str> = line.trim_matches('|').rsplit(" | ").collect();
            out.push(word(cells[1]));
        }
    }
    out
}

/// `postings show ID` (text and JSON) and `gap --posting ID` (text and
/// JSON) of every posting.
fn from_show_and_gap(h: &Home, c: &Catalog) -> [Vec<Coverage>; 4] {
    let mut out: [Vec<Coverage>; 4] = Default::default();
    for p in &c.postings {
        let text = h.run(&["postings", "show", &p.id]);
        out[0].extend(text.lines().filter_map(bracket_mark));
        let v: Value =
            serde_json::from_str(&h.run(&["postings", "show", &p.id, "--json"])).unwrap();
        out[1].extend(by_id(&v["requirements"]));
        let gap = h.run(&["gap", "--posting", &p.id]);
        let after = gap.split_once("\nRequirements · ").unwrap().1;
        out[2].extend(after.lines().filter_map(bracket_mark));
        let v: Value =
            serde_json::from_str(&h.run(&["gap", "--posting", &p.id, "--json"])).unwrap();
        out[3].extend(by_id(&v["requirements"]));
    }
    out
}

/// The mark of a line that starts one with "[✓ covered]" (pane 4, show,
/// gap), if it does.
fn bracket_mark(line: &str) -> Option<Coverage> {
    let line = line.trim_start_matches(['│', ' ']);
    let inner = line.strip_prefix('[')?.split(']').next()?;
    let (glyph, w) = inner.trim().split_once(' ')?;
    ["✓", "~", "✗", "?"].contains(&glyph).then(|| word(w))
}

/// Pane 4 through `TestBackend`: every posting drawn tall enough to show all
/// of it, the mark on each requirement's first line.
fn from_pane_4(c: Catalog, p: Progress) -> Vec<Coverage> {
    let n = c.postings.len();
    let mut app = App::new(c, p, Lang::En);
    app.update(Action::GoPane(Pane::Jobs));
    app.update(Action::Resize(200, 400));
    let mut out = Vec::new();
    for i in 0..n {
        assert_eq!(app.jobs.posting, i);
        let mut t = Terminal::new(TestBackend::new(200, 400)).unwrap();
        t.draw(|f| {
            career_explorer::tui::ui::draw(&app, f);
        })
        .unwrap();
        let buf = t.backend().buffer().clone();
        // The posting's box is the left column of a wide screen.
        for y in 0..400 {
            let row: String = (0..120).map(|x| buf[(x, y)].symbol().to_string()).collect();
            if let Some(m) = bracket_mark(&row) {
                out.push(m);
            }
        }
        app.update(Action::Right);
    }
    out
}

fn compare_all(years: Option<u32>) {
    let h = Home::new(years);
    let (c, p) = h.catalog_and_progress();
    let want = expected(&c, &p);
    let marks = marks_only(&want);
    // The test is worth something only if the four states all occur.
    for s in Coverage::ALL {
        assert!(marks.contains(&s), "{s:?} never occurs: {want:?}");
    }
    let surfaces: Vec<(&str, Vec<Coverage>)> = {
        let [show, show_json, gap, gap_json] = from_show_and_gap(&h, &c);
        vec![
            ("postings --json", from_postings_json(&h)),
            ("postings", from_postings_text(&h)),
            ("postings show", show),
            ("postings show --json", show_json),
            ("gap --posting", gap),
            ("gap --posting --json", gap_json),
            ("progress", from_progress_text(&h)),
            (
                "progress --json",
                from_report_json(&h.run(&["progress", "--json"]), years),
            ),
            (
                "export json",
                from_report_json(&h.run(&["export", "--format", "json"]), years),
            ),
            ("export markdown", from_markdown(&h, years)),
            ("pane 4", from_pane_4(c.clone(), p.clone())),
        ]
    };
    for (name, got) in surfaces {
        assert_eq!(got.len(), want.len(), "{name}: {got:?}");
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(
                *g, w.2,
                "{name}: {} {} is {g:?}, the rule says {:?}",
                w.0, w.1, w.2
            );
        }
    }
}

#[test]
fn every_surface_marks_every_requirement_alike_with_six_years() {
    compare_all(Some(6));
    // The case the issue reported: with 6 years, NQ1 (8+ years, every
    // skill done) is partly, never covered and never missing.
    let h = Home::new(Some(6));
    let (c, p) = h.catalog_and_progress();
    let nq1 = expected(&c, &p).into_iter().find(|x| x.1 == "NQ1").unwrap();
    assert_eq!(nq1.2, Coverage::Partly);
}

#[test]
fn every_surface_marks_every_requirement_alike_with_no_years() {
    compare_all(None);
}

#[test]
fn the_met_figure_names_its_base_on_every_surface() {
    let h = Home::new(Some(6));
    // Own posting: Q4 is not mapped, so the base is 4 of its 5.
    let (c, p) = h.catalog_and_progress();
    let state = |s: usize| p.state(&c.skills[s].id);
    let own = c.postings.iter().find(|x| x.id == "own_mix").unwrap();
    let m = career_core::readiness::posting_match_for(own, &state, p.profile.years);
    let met = format!(
        "{} of {} mappable requirements met",
        m.covered,
        m.mappable()
    );
    assert_eq!((m.mappable(), m.not_mapped), (4, 1));
    for args in [
        vec!["postings"],
        vec!["postings", "show", "own_mix"],
        vec!["progress"],
        vec!["gap", "--posting", "own_mix"],
        vec!["export", "--format", "markdown"],
    ] {
        let text = h.run(&args);
        assert!(text.contains(&met), "{args:?}: {text}");
    }
    let zh = Command::cargo_bin("career-explorer")
        .unwrap()
        .env("HOME", h.dir.path())
        .env("XDG_DATA_HOME", h.dir.path().join("data"))
        .env("XDG_CONFIG_HOME", h.dir.path().join("config"))
        .args(["--lang", "zh", "postings", "show", "own_mix"])
        .output()
        .unwrap();
    let zh = String::from_utf8(zh.stdout).unwrap();
    assert!(
        zh.contains(&format!(
            "可匹配的 {} 项要求中满足 {} 项",
            m.mappable(),
            m.covered
        )),
        "{zh}"
    );
}

/// A posting nothing can measure (its requirements name no skill and no
/// threshold) shows its skill coverage as "—" on every surface, and `null`
/// in JSON: never "0%", which would read as "none of it done".
#[test]
fn a_posting_with_nothing_to_measure_shows_a_dash_everywhere() {
    let h = Home::new(None);
    let (c, p) = h.catalog_and_progress();
    let state = |s: usize| p.state(&c.skills[s].id);
    let i = (0..c.postings.len())
        .find(|&i| {
            career_core::readiness::posting_match_for(&c.postings[i], &state, None)
                .coverage()
                .is_none()
        })
        .expect("the bundled data has a posting with nothing to measure");
    let id = c.postings[i].id.clone();
    let title = c.postings[i].title.get(Lang::En).to_string();

    let list = h.run(&["postings"]);
    let block: Vec<&str> = list
        .lines()
        .skip_while(|l| !l.starts_with(&id))
        .take(3)
        .collect();
    assert!(
        block.iter().any(|l| l.contains("skill coverage —")),
        "{block:?}"
    );
    assert!(
        !block.iter().any(|l| l.contains("skill coverage 0%")),
        "{block:?}"
    );

    let json: Value = serde_json::from_str(&h.run(&["postings", "--json"])).unwrap();
    let entry = json
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap();
    assert!(entry["skill_coverage_percent"].is_null(), "{entry}");

    let show = h.run(&["postings", "show", &id]);
    assert!(
        show.lines().nth(1).unwrap().starts_with("skill coverage —"),
        "{show}"
    );

    let md = h.run(&["export", "--format", "markdown"]);
    let head = md
        .lines()
        .find(|l| l.starts_with("## ") && l.contains(&title))
        .unwrap();
    assert!(head.contains("skill coverage —"), "{head}");
    let export: Value = serde_json::from_str(&h.run(&["export", "--format", "json"])).unwrap();
    let entry = export["postings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap();
    assert!(entry["match_percent"].is_null(), "{entry}");

    let progress = h.run(&["progress"]);
    let lines: Vec<&str> = progress.lines().collect();
    let at = lines.iter().position(|l| l.ends_with(&title)).unwrap();
    assert!(
        lines[at + 1].trim_start().starts_with("skill coverage —"),
        "{progress}"
    );

    let mut app = App::new(c, p, Lang::En);
    app.update(Action::GoPane(Pane::Jobs));
    for _ in 0..i {
        app.update(Action::Right);
    }
    let mut t = Terminal::new(TestBackend::new(160, 45)).unwrap();
    t.draw(|f| {
        career_explorer::tui::ui::draw(&app, f);
    })
    .unwrap();
    let buf = t.backend().buffer().clone();
    let top: String = (0..160).map(|x| buf[(x, 1)].symbol().to_string()).collect();
    assert!(top.contains("skill coverage —"), "{top}");
}
