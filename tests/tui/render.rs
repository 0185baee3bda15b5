//! Render tests: each pane drawn into ratatui's `TestBackend` and compared with an
//! insta snapshot (text), plus style checks where colour carries meaning.

use crate::common::{bundled_catalog, draw, find, focus_skill, screen};
use career_core::model::Lang;
use career_core::store::loader::load_bundled;
use career_core::store::progress::{Progress, State};
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::{App, Effect};
use ratatui::style::{Color, Modifier};

/// The skills ticked in every snapshot, so the job pane shows each marker kind.
const TICKS: [&str; 6] = ["S01", "S06", "S10", "S12", "S27", "S28"];

fn app(lang: Lang, ticks: &[&str]) -> App {
    let mut p = Progress::new();
    for id in ticks {
        p.set_state(id, State::Done, "2026-01-01T00:00:00Z".into());
    }
    let mut app = App::new(bundled_catalog(), p, lang);
    app.clock = || "2026-01-01T00:00:00Z".into();
    app
}

fn slug(p: Pane) -> &'static str {
    career_explorer::tui::screenshots::pane_slug(p)
}

#[test]
fn every_pane_in_english_and_chinese_at_100x30_and_80x24() {
    for pane in Pane::ALL {
        for (lang, w, h) in [(Lang::En, 100, 30), (Lang::Zh, 100, 30), (Lang::En, 80, 24)] {
            let mut a = app(lang, &TICKS);
            a.update(Action::GoPane(pane));
            let name = format!("{}-{}-{w}x{h}", slug(pane), lang.code());
            insta::assert_snapshot!(name, screen(&mut a, w, h));
        }
    }
}

#[test]
fn chinese_at_80x24() {
    for pane in Pane::ALL {
        let mut a = app(Lang::Zh, &TICKS);
        a.update(Action::GoPane(pane));
        insta::assert_snapshot!(format!("{}-zh-80x24", slug(pane)), screen(&mut a, 80, 24));
    }
}

#[test]
fn wide_terminal_uses_the_room() {
    let mut a = app(Lang::En, &TICKS);
    insta::assert_snapshot!("1-boundary-en-200x60", screen(&mut a, 200, 60));
    a.update(Action::GoPane(Pane::Jobs));
    insta::assert_snapshot!("4-jobs-en-200x60", screen(&mut a, 200, 60));
}

#[test]
fn help_and_notes_overlays() {
    let mut a = app(Lang::En, &[]);
    a.update(Action::ToggleHelp);
    insta::assert_snapshot!("help-en-100x30", screen(&mut a, 100, 30));
    a.update(Action::ToggleNotes);
    insta::assert_snapshot!("notes-en-100x30", screen(&mut a, 100, 30));
    a.update(Action::Back);
    assert!(!a.quit, "Esc closes the overlay");
    assert!(!a.mode.is_overlay());
    a.update(Action::Back);
    assert!(
        !a.quit,
        "Esc never quits from the main view (q and Ctrl-C do)"
    );
}

#[test]
fn too_small_terminal_says_how_big_it_must_be() {
    let mut a = app(Lang::En, &[]);
    let s = screen(&mut a, 59, 19);
    assert!(s.contains("Terminal too small"), "{s}");
    assert!(s.contains("59x19 < 60x20"), "{s}");
    // At the minimum itself the panes are drawn.
    let s = screen(&mut a, 60, 20);
    assert!(s.contains("API line"), "{s}");
}

#[test]
fn selecting_along_the_spectrum_moves_the_highlight_and_detail() {
    let mut a = app(Lang::En, &[]);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("Role: AI Engineer · 3/11"), "{s}");
    a.update(Action::Left);
    a.update(Action::Left);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("Role: ML Researcher · 1/11"), "{s}");
    a.update(Action::Left);
    assert!(
        screen(&mut a, 100, 30).contains("1/11"),
        "stays at the left end"
    );
    // Past the spectrum's last box, the roles listed under it.
    for _ in 0..12 {
        a.update(Action::Right);
    }
    assert!(screen(&mut a, 100, 30).contains("Role: Data Engineer · 11/11"));
    // Home and End scroll the role's detail; they never change the role (F22).
    a.update(Action::End);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("Role: Data Engineer · 11/11"), "{s}");
    assert_eq!(a.boundary.scroll, a.layout.boundary.max_scroll);
    a.update(Action::Home);
    assert_eq!(a.boundary.scroll, 0);
    assert!(screen(&mut a, 100, 30).contains("Role: Data Engineer · 11/11"));
}

#[test]
fn selected_role_box_is_thick_and_reversed() {
    let mut a = app(Lang::En, &[]);
    let buf = draw(&mut a, 100, 30);
    let pos = find(&buf, "AI Engineer").expect("AI Engineer box");
    assert!(buf[pos].modifier.contains(Modifier::REVERSED));
    let pos = find(&buf, "ML Engineer").expect("ML Engineer box");
    assert!(!buf[pos].modifier.contains(Modifier::REVERSED));
    assert!(find(&buf, "┏").is_some(), "thick border on the selection");
}

#[test]
fn compare_marks_differences_and_sameness() {
    let mut a = app(Lang::En, &[]);
    a.update(Action::GoPane(Pane::Compare));
    let s = screen(&mut a, 100, 30);
    assert!(
        s.contains("≠ Side"),
        "ML Engineer and AI Engineer differ in side:\n{s}"
    );
    // Both sides on the same role: nothing differs.
    a.update(Action::Right);
    while a.compare.roles[1] != a.compare.roles[0] {
        a.update(Action::Down);
    }
    let s = screen(&mut a, 100, 30);
    assert!(!s.contains('≠'), "{s}");
    assert!(s.contains("= Side"), "{s}");
    a.update(Action::Swap);
    assert_eq!(a.compare.roles[0], a.compare.roles[1]);
}

#[test]
fn compare_picks_each_side_and_swaps() {
    let mut a = app(Lang::En, &[]);
    a.update(Action::GoPane(Pane::Compare));
    let before = a.compare.roles;
    a.update(Action::Down);
    assert_ne!(a.compare.roles[0], before[0], "left side changed");
    assert_eq!(a.compare.roles[1], before[1]);
    a.update(Action::Right);
    a.update(Action::Up);
    assert_ne!(a.compare.roles[1], before[1], "right side changed");
    let now = a.compare.roles;
    a.update(Action::Swap);
    assert_eq!(a.compare.roles, [now[1], now[0]]);
}

#[test]
fn ticking_a_skill_updates_counts_and_the_job_marker() {
    let mut a = app(Lang::En, &[]);
    a.update(Action::GoPane(Pane::Jobs));
    let s = screen(&mut a, 100, 30);
    assert!(
        s.contains("skill coverage 0% · 0 of 4 mappable requirements met"),
        "{s}"
    );
    // NQ3 (Spark, DBT) is covered by four skills; ticking two is partly.
    for id in ["S33", "S34"] {
        focus_skill(&mut a, id);
        assert_eq!(a.update(Action::Toggle), Effect::Save);
    }
    let s = screen(&mut a, 100, 30);
    let header = s
        .lines()
        .find(|l| l.contains("Data infrastructure"))
        .unwrap();
    assert!(
        header.contains("███████░░░ 2/3"),
        "category gauge and count: {header}"
    );
    assert!(s.contains("Skills checklist · all layers · 2/137"), "{s}");
    a.update(Action::GoPane(Pane::Jobs));
    let s = screen(&mut a, 100, 40);
    assert!(
        s.contains("skill coverage 12% · 0 of 4 mappable requirements met"),
        "{s}"
    );
    let line = s.lines().find(|l| l.contains("Spark and DBT")).unwrap();
    assert!(
        line.contains("[~ partly ]"),
        "half of NQ3 is partly: {line}"
    );
    // All four (S20 and S35 too) cover it.
    for id in ["S20", "S35"] {
        // The checklist is in category order, not id order: from the top,
        // down until the skill is focused.
        focus_skill(&mut a, id);
        a.update(Action::Toggle);
    }
    a.update(Action::GoPane(Pane::Jobs));
    let buf = draw(&mut a, 100, 40);
    let s = screen(&mut a, 100, 40);
    assert!(
        s.contains("skill coverage 25% · 1 of 4 mappable requirements met"),
        "{s}"
    );
    let line = s.lines().find(|l| l.contains("Spark and DBT")).unwrap();
    assert!(line.contains("[✓ covered]"), "{line}");
    let pos = find(&buf, "✓ covered").unwrap();
    assert_eq!(buf[pos].fg, Color::Green);
    let pos = find(&buf, "✗ missing").unwrap();
    assert_eq!(buf[pos].fg, Color::Red);
    // Untick one: partly covered.
    a.update(Action::GoPane(Pane::Skills));
    a.update(Action::Toggle);
    a.update(Action::GoPane(Pane::Jobs));
    let s = screen(&mut a, 100, 40);
    let line = s.lines().find(|l| l.contains("Spark and DBT")).unwrap();
    assert!(line.contains("[~ partly ]"), "{line}");
}

#[test]
fn skills_list_scrolls_to_keep_the_cursor_visible() {
    let mut a = app(Lang::En, &[]);
    a.update(Action::GoPane(Pane::Skills));
    a.update(Action::End);
    let last = a.focused_skill().unwrap();
    let last_id = a.catalog.skills[last].id.clone();
    let s = screen(&mut a, 80, 24);
    assert!(s.contains(&format!(" {last_id} ")), "{s}");
    assert!(!s.contains("S01 "), "{s}");
    a.update(Action::Home);
    let s = screen(&mut a, 80, 24);
    assert!(
        s.contains("Model literacy"),
        "the first header shows again:\n{s}"
    );
    a.update(Action::PageDown);
    let s = screen(&mut a, 80, 24);
    let focused = a.focused_skill().unwrap();
    assert!(s.contains(&a.catalog.skills[focused].id), "{s}");
}

#[test]
fn skills_left_right_jump_between_categories() {
    let mut a = app(Lang::En, &[]);
    a.update(Action::GoPane(Pane::Skills));
    a.update(Action::Right);
    let first_prompting = a.catalog.index.groups[0].skills.len();
    assert_eq!(a.skills.cursor, first_prompting);
    a.update(Action::Down);
    a.update(Action::Left);
    assert_eq!(a.skills.cursor, first_prompting, "back to the group start");
    a.update(Action::Left);
    assert_eq!(a.skills.cursor, 0);
}

#[test]
fn language_switches_at_run_time() {
    let mut a = app(Lang::En, &[]);
    assert!(screen(&mut a, 100, 30).contains("Model producers"));
    a.update(Action::ToggleLang);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("API 分界线"), "{s}");
    assert!(!s.contains("Model producers"), "{s}");
}

#[test]
fn status_line_shows_the_pane_hints() {
    let mut a = app(Lang::En, &[]);
    a.update(Action::GoPane(Pane::Skills));
    let s = screen(&mut a, 100, 30);
    let last = s.lines().last().unwrap();
    assert!(
        last.contains("Space done") && last.contains("p learning"),
        "{last}"
    );
    assert!(last.contains("? help"), "{last}");
    a.update(Action::GoPane(Pane::Compare));
    let s = screen(&mut a, 80, 24);
    let last = s.lines().last().unwrap();
    assert!(last.contains("s swap") && last.contains("? help"), "{last}");
}

#[test]
fn every_size_from_tiny_to_huge_draws_without_panic() {
    for pane in Pane::ALL {
        let mut a = app(Lang::Zh, &TICKS);
        a.update(Action::GoPane(pane));
        for (w, h) in [
            (0, 0),
            (1, 1),
            (10, 3),
            (59, 19),
            (60, 20),
            (61, 21),
            (79, 23),
            (133, 41),
            (300, 120),
        ] {
            draw(&mut a, w, h);
        }
    }
}

#[test]
fn committed_screenshots_match_what_the_code_draws() {
    let catalog = load_bundled().unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    for (name, svg) in career_explorer::tui::screenshots::screenshot_svgs(&catalog) {
        let committed = std::fs::read_to_string(dir.join(&name)).unwrap_or_default();
        assert!(
            committed == svg,
            "screenshots/{name} is stale: run `cargo run --release -- screenshots --out screenshots/`"
        );
    }
}

#[test]
fn growing_the_terminal_after_scrolling_leaves_no_blank_rows() {
    let mut a = app(Lang::En, &[]);
    a.update(Action::GoPane(Pane::Skills));
    a.update(Action::Resize(80, 24));
    a.update(Action::End);
    let last = a.focused_skill().unwrap();
    let last_id = a.catalog.skills[last].id.clone();
    let s = screen(&mut a, 150, 40);
    let rows: Vec<&str> = s.lines().collect();
    // Row 38 is the list's bottom border; the row above it holds the last skill.
    assert!(rows[37].contains(&last_id), "{s}");
    assert!(
        rows[2].contains("[ ]") || rows[2].contains('▾'),
        "rows above are filled, not blank:\n{s}"
    );
}
