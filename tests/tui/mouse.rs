//! Mouse: crossterm-style clicks and wheel turns, as `Action`s through
//! `App::update`, land on what the rendered screen shows at that cell.

use crate::common::{self, app_at, redraw, rows};
use career_core::model::Lang;
use career_core::store::progress::State;
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::{App, Effect};
use career_explorer::tui::ui;

fn app(lang: Lang, w: u16, h: u16) -> App {
    app_at(lang, w, h)
}

/// Each row as text (a wide character once), drawn at the app's size.
fn screen(a: &mut App) -> Vec<String> {
    rows(&redraw(a))
}

/// Column and row of the first cell showing `needle`.
fn find(a: &mut App, needle: &str) -> (u16, u16) {
    let buf = redraw(a);
    common::find(&buf, needle)
        .unwrap_or_else(|| panic!("{needle} not on screen:\n{}", rows(&buf).join("\n")))
}

#[test]
fn clicking_a_tab_switches_pane_in_both_languages_and_widths() {
    for (lang, w) in [
        (Lang::En, 100),
        (Lang::En, 80),
        (Lang::Zh, 100),
        (Lang::Zh, 80),
    ] {
        let mut a = app(lang, w, 30);
        let tabs = career_explorer::tui::ui::tab_names(lang);
        for (i, pane) in Pane::ALL.iter().enumerate().rev() {
            let (x, y) = find(&mut a, tabs[i]);
            assert_eq!(y, 0);
            common::click(&mut a, x + 2, y);
            assert_eq!(a.pane, *pane, "{lang:?} {w}: tab {i}");
        }
    }
}

#[test]
fn clicking_a_role_box_selects_it() {
    let mut a = app(Lang::En, 100, 30);
    let (x, y) = find(&mut a, "ML Researcher");
    common::click(&mut a, x, y);
    assert_eq!(a.boundary.slot, 0);
    let (x, y) = find(&mut a, "Full-stack Engineer");
    // The box border, one row up, counts too.
    common::click(&mut a, x, y - 1);
    assert_eq!(a.boundary.slot, 3);
    // Empty space selects nothing.
    common::click(&mut a, 1, 25);
    assert_eq!(a.boundary.slot, 3);
}

/// Issue 14 point 4: every role has a detail view in pane 1; those not on
/// the spectrum are picked from the "Also" rows by click, as by ←/→.
#[test]
fn clicking_an_also_name_selects_that_role() {
    let mut a = app(Lang::En, 100, 30);
    let c = a.catalog.clone();
    for id in ["prompt_engineer", "data_scientist", "mlops_engineer"] {
        let name = c.role(id).unwrap().name.en.to_string();
        let (x, y) = find(&mut a, &name);
        common::click(&mut a, x + 1, y);
        let slot = c.index.pane_roles().position(|r| c.roles[r].id == id);
        assert_eq!(Some(a.boundary.slot), slot, "{id}");
    }
}

#[test]
fn every_role_is_reached_along_pane_1() {
    let mut a = app(Lang::En, 80, 24);
    // Home scrolls the detail; ← to the first role.
    for _ in 0..a.catalog.roles.len() {
        a.update(Action::Left);
    }
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..a.catalog.roles.len() + 2 {
        seen.insert(a.catalog.index.pane_roles().nth(a.boundary.slot).unwrap());
        a.update(Action::Right);
    }
    assert_eq!(seen.len(), a.catalog.roles.len(), "every role, by key");
}

#[test]
fn clicking_a_checkbox_ticks_and_a_name_only_focuses() {
    let mut a = app(Lang::En, 100, 30);
    a.update(Action::GoPane(Pane::Skills));
    let (x, y) = find(&mut a, "S03 ");
    // On the name: focus, no tick.
    assert_eq!(common::click(&mut a, x + 6, y), Effect::None);
    assert_eq!(a.focused_skill(), a.catalog.skill_index("S03"));
    assert_eq!(a.progress.state("S03"), State::NotStarted);
    // On the checkbox "[ ]" just left of the id: tick.
    assert_eq!(common::click(&mut a, x - 3, y), Effect::Save);
    assert_eq!(a.progress.state("S03"), State::Done);
    assert!(screen(&mut a)[y as usize].contains("[x] S03"));
    // Headers are not skills.
    let (hx, hy) = find(&mut a, "Model literacy");
    let before = a.skills.cursor;
    common::click(&mut a, hx, hy);
    assert_eq!(a.skills.cursor, before);
}

#[test]
fn the_wheel_moves_through_lists_and_scrolls_text() {
    let mut a = app(Lang::En, 100, 30);
    a.update(Action::GoPane(Pane::Skills));
    a.update(Action::Wheel(false));
    a.update(Action::Wheel(false));
    assert_eq!(a.skills.cursor, 2);
    a.update(Action::Wheel(true));
    assert_eq!(a.skills.cursor, 1);
    a.update(Action::GoPane(Pane::Compare));
    let roles = a.compare.roles;
    // Scroll limits come from the last draw, as in the terminal loop.
    common::redraw(&mut a);
    a.update(Action::Wheel(false));
    assert_eq!(a.compare.scroll, 1, "the wheel scrolls the table");
    assert_eq!(a.compare.roles, roles, "and leaves the roles alone");
    a.update(Action::GoPane(Pane::Boundary));
    common::redraw(&mut a);
    a.update(Action::Wheel(false));
    assert_eq!(a.boundary.scroll, 1);
}

#[test]
fn clicking_a_picker_or_a_requirement_selects_it() {
    let mut a = app(Lang::En, 100, 30);
    a.update(Action::GoPane(Pane::Compare));
    let (x, y) = find(&mut a, "▲ AI Engineer ▼");
    common::click(&mut a, x, y);
    assert_eq!(a.compare.active, 1);
    a.update(Action::Down);
    assert_ne!(
        a.compare.roles[1],
        a.catalog.role_index("ai_engineer").unwrap()
    );

    a.update(Action::GoPane(Pane::Jobs));
    // NQ2: NQ1's 2024–2026 context lines push NQ3 below a 30-row screen.
    let (x, y) = find(&mut a, "Understands how a system");
    common::click(&mut a, x, y);
    assert_eq!(a.jobs.selected, 1);
    assert!(
        screen(&mut a)
            .iter()
            .any(|r| r.contains("NQ2 Skills that cover it"))
    );
}

#[test]
fn clicks_do_nothing_under_an_overlay_or_on_a_tiny_terminal() {
    let mut a = app(Lang::En, 100, 30);
    a.update(Action::ToggleHelp);
    let labels = career_core::i18n::labels(Lang::En);
    let x = ui::tab_ranges(&a, 100)[2].0;
    common::click(&mut a, x, 0);
    assert_eq!(a.pane, Pane::Boundary);
    let mut a = app(Lang::En, 40, 10);
    common::click(&mut a, 2, 0);
    assert_eq!(a.pane, Pane::Boundary, "{}", labels.too_small);
}
