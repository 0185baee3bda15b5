//! Pane 5, from gap to plan (issue 22): the plan, demand, postings overview
//! and history views. Snapshots of each at 80x24 and 160x45 in English and
//! Chinese; Enter jumps, the sort toggles, the target switches, a tick moves
//! the plan on, the history says plainly when there is none; the help
//! overlay lists the keys.

use std::sync::Arc;

use crate::common;

use career_core::model::Lang;
use career_core::store::progress::{Progress, State};
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::App;
use career_explorer::tui::plan_view::{PlanSub, TargetKind};
use common::{NOW, bundled_catalog, click, draw, screen, shown};

/// Skills ticked on these days (the history's weeks), as the screenshots'.
const TICKS: [(&str, &str); 6] = [
    ("S01", "2026-10-05T10:00:00Z"),
    ("S06", "2026-10-20T10:00:00Z"),
    ("S10", "2026-11-02T10:00:00Z"),
    ("S12", "2026-11-10T10:00:00Z"),
    ("S27", "2026-11-20T10:00:00Z"),
    ("S28", "2026-11-25T10:00:00Z"),
];

/// The bundled app with the bundled resources, its clock at [`NOW`], on
/// pane 5; with `ticks`, six skills done over eight weeks.
fn app(lang: Lang, ticks: bool) -> App {
    let mut p = Progress::new();
    if ticks {
        for (id, when) in TICKS {
            p.set_state(id, State::Done, when.into());
        }
    }
    let catalog = bundled_catalog();
    let res = career_core::resources::bundled(&catalog).expect("bundled resources");
    let mut a = App::new(catalog, p, lang);
    a.resources = Arc::new(res);
    a.clock = || NOW.into();
    a.update(Action::GoPane(Pane::Plan));
    a
}

fn view(a: &mut App, sub: PlanSub) {
    while a.plan.sub != sub {
        a.update(Action::NextView);
    }
}

#[test]
fn every_view_renders_in_both_languages_at_two_sizes() {
    for lang in [Lang::En, Lang::Zh] {
        for sub in PlanSub::ALL {
            for (w, h) in [(80, 24), (160, 45)] {
                let mut a = app(lang, true);
                view(&mut a, sub);
                let name = format!("plan-{sub:?}-{}-{w}x{h}", lang.code()).to_lowercase();
                insta::assert_snapshot!(name, screen(&mut a, w, h));
            }
        }
    }
}

#[test]
fn the_plan_lists_what_is_left_foundations_first_with_effort_and_dates() {
    let mut a = app(Lang::En, true);
    let s = screen(&mut a, 160, 45);
    let plan = a.current_plan();
    assert!(!plan.steps.is_empty());
    // A foundation comes before the task it practises.
    for (i, st) in plan.steps.iter().enumerate() {
        for &task in &st.foundation_of {
            let at = plan.steps.iter().position(|x| x.skill == task);
            assert!(at.is_none_or(|t| t > i), "{st:?}");
        }
    }
    assert!(s.contains("5 h/week"), "{s}");
    assert!(s.contains("our estimate"), "{s}");
    assert!(s.contains("by 20"), "{s}");
    // The pace changes with + and -, and the dates with it.
    let before = a.current_plan().finish;
    a.update(Action::YearsUp);
    assert_eq!(a.plan.hours_per_week, 6);
    assert!(a.current_plan().finish <= before);
    assert!(shown(&mut a).contains("6 h/week"));
    for _ in 0..10 {
        a.update(Action::YearsDown);
    }
    assert_eq!(a.plan.hours_per_week, 1, "never below one hour");
}

#[test]
fn enter_on_a_plan_step_jumps_to_that_skill_in_pane_3() {
    let mut a = app(Lang::En, true);
    draw(&mut a, 100, 30);
    a.update(Action::Down);
    let want = a.current_plan().steps[1].skill;
    a.update(Action::Open);
    assert_eq!(a.pane, Pane::Skills);
    assert_eq!(a.focused_skill(), Some(want));
}

#[test]
fn ticking_a_skill_in_pane_3_moves_the_plan_on() {
    let mut a = app(Lang::En, true);
    draw(&mut a, 100, 30);
    let first = a.current_plan().steps[0].skill;
    let id = a.catalog.skills[first].id.clone();
    assert!(shown(&mut a).contains(&id));
    a.update(Action::Open);
    a.update(Action::Toggle);
    assert!(a.is_done(first));
    a.update(Action::GoPane(Pane::Plan));
    let plan = a.current_plan();
    assert!(plan.steps.iter().all(|s| s.skill != first));
    assert!(plan.done.iter().any(|&(s, _)| s == first));
    let row = format!("1. {id} ");
    assert!(!shown(&mut a).contains(&row));
}

#[test]
fn the_target_switches_between_all_postings_a_posting_and_a_role() {
    let mut a = app(Lang::En, true);
    a.update(Action::GoPane(Pane::Jobs));
    a.update(Action::Right);
    a.update(Action::GoPane(Pane::Plan));
    assert_eq!(a.plan.kind, TargetKind::All);
    assert!(shown(&mut a).contains("Plan for: all postings"));
    a.update(Action::NextTarget);
    assert_eq!(a.plan.kind, TargetKind::Posting);
    assert_eq!(a.plan.posting, 1, "the posting open in pane 4");
    let p = &a.catalog.postings[1];
    let company = p.company.get(Lang::En).to_string();
    assert!(shown(&mut a).contains(&company));
    a.update(Action::Right);
    assert_eq!(a.plan.posting, 2);
    a.update(Action::NextTarget);
    assert_eq!(a.plan.kind, TargetKind::Role);
    let role = a.catalog.roles[a.plan.role].name.get(Lang::En).to_string();
    assert!(shown(&mut a).contains(&role));
    a.update(Action::NextTarget);
    assert_eq!(a.plan.kind, TargetKind::All);
}

#[test]
fn demand_shows_the_same_figures_as_the_command() {
    let mut a = app(Lang::En, true);
    view(&mut a, PlanSub::Demand);
    let s = screen(&mut a, 160, 45);
    let d = a.current_demand();
    let top = &d.rows[0];
    let words = format!(
        "asked by {} of {} · completes {}",
        top.asked_by,
        d.postings.len(),
        top.completes
    );
    assert!(s.contains(&words), "{words}\n{s}");
    // Enter goes to the skill in pane 3.
    a.update(Action::Down);
    let want = d.rows[1].skill;
    a.update(Action::Open);
    assert_eq!((a.pane, a.focused_skill()), (Pane::Skills, Some(want)));
}

#[test]
fn the_overview_sorts_by_coverage_and_enter_opens_the_posting() {
    let mut a = app(Lang::En, true);
    view(&mut a, PlanSub::Postings);
    let rows = a.overview_rows();
    assert_eq!(rows.len(), a.catalog.postings.len());
    // Coverage from the one rule, highest first.
    {
        let state = a.state_fn();
        for &(p, pct) in &rows {
            let m = career_core::readiness::posting_match_for(
                &a.catalog.postings[p],
                &state,
                a.progress.profile.years,
            );
            assert_eq!(pct, m.measurable().then(|| m.percent()));
        }
    }
    assert!(rows.windows(2).all(|w| w[0].1 >= w[1].1));
    assert!(shown(&mut a).contains("sorted by coverage"));
    a.update(Action::ToggleSort);
    let listed: Vec<usize> = a.overview_rows().iter().map(|r| r.0).collect();
    assert_eq!(listed, (0..a.catalog.postings.len()).collect::<Vec<_>>());
    assert!(shown(&mut a).contains("in list order"));
    a.update(Action::ToggleSort);
    a.update(Action::Down);
    let want = a.overview_rows()[1].0;
    a.update(Action::Open);
    assert_eq!((a.pane, a.jobs.posting), (Pane::Jobs, want));
}

#[test]
fn a_click_on_a_row_selects_it() {
    let mut a = app(Lang::En, true);
    view(&mut a, PlanSub::Postings);
    draw(&mut a, 100, 30);
    let list = a.layout.plan.list;
    // The third row of the list, and a row of the heading above it.
    click(&mut a, list.x + 3, list.y + 2);
    assert_eq!(a.plan.cursor[PlanSub::Postings as usize], 2);
    click(&mut a, list.x + 3, list.y - 1);
    assert_eq!(a.plan.cursor[PlanSub::Postings as usize], 2);
}

#[test]
fn the_history_says_plainly_when_there_is_none_and_draws_a_chart_when_there_is() {
    let mut a = app(Lang::En, false);
    view(&mut a, PlanSub::History);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("No change recorded yet"), "{s}");
    let mut a = app(Lang::En, true);
    view(&mut a, PlanSub::History);
    let weeks = a.history_weeks();
    assert_eq!(weeks.len(), 8, "from the week of 2026-10-05 to NOW's");
    let s = screen(&mut a, 100, 30);
    assert!(!s.contains("No change recorded yet"), "{s}");
    assert!(s.contains("readiness for AI Engineer"), "{s}");
    assert!(s.contains("2026-10-05"), "{s}");
    let last = weeks.last().unwrap();
    assert!(s.contains(&format!("readiness {}%", last.readiness)), "{s}");
}

#[test]
fn the_help_overlay_and_the_footer_list_pane_5s_keys() {
    let mut a = app(Lang::En, true);
    let footer = screen(&mut a, 160, 45);
    let last = footer.lines().nth(44).unwrap_or_default().to_string();
    for key in [
        "v next view",
        "Enter open",
        "T target",
        "+/- hours per week",
        "o sort postings",
    ] {
        assert!(last.contains(key), "{key}: {last}");
    }
    a.update(Action::ToggleHelp);
    let mut seen = String::new();
    for _ in 0..12 {
        seen.push_str(&screen(&mut a, 100, 45));
        a.update(Action::PageDown);
    }
    for key in [
        "5 Plan",
        "next view",
        "sort postings",
        "the target's posting or role",
    ] {
        assert!(seen.contains(key), "{key}");
    }
}

#[test]
fn pane_5_without_postings_says_so_and_every_key_is_safe() {
    let catalog = common::bundled_with(3, |_| "postings: []\n".into());
    let mut a = App::new(catalog, Progress::new(), Lang::En);
    a.clock = || NOW.into();
    a.update(Action::GoPane(Pane::Plan));
    for sub in PlanSub::ALL {
        view(&mut a, sub);
        for action in [
            Action::NextTarget,
            Action::Right,
            Action::Down,
            Action::End,
            Action::Open,
            Action::ToggleSort,
            Action::SelectPlanRow(3),
        ] {
            a.update(action);
            screen(&mut a, 80, 24);
            // Enter may have gone to a skill of the role's plan.
            a.update(Action::GoPane(Pane::Plan));
        }
    }
    view(&mut a, PlanSub::Postings);
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("No postings yet"), "{s}");
    assert_ne!(a.plan.kind, TargetKind::Posting, "no posting to plan for");
}

#[test]
fn pane_5_is_remembered_like_the_others() {
    use career_explorer::tui::remember::Remembered;
    let a = app(Lang::En, false);
    let kept = Remembered::of(&a);
    assert_eq!(kept.pane.as_deref(), Some("plan"));
    let mut b = common::bundled_app(Lang::En);
    kept.restore(&mut b);
    assert_eq!(b.pane, Pane::Plan);
}
