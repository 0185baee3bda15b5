//! Off-screen drawing: the app into a buffer of a given size, and the
//! screenshots of every pane in both languages that the README shows (made
//! by `career-explorer screenshots`, checked by a test).

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::tui::action::{Action, Pane};
use crate::tui::app::App;
use crate::tui::plan_view::PlanSub;
use crate::tui::ui;
use career_core::model::{Catalog, Lang};
use career_core::store::progress::{self, Progress};

/// Draws the app into an off-screen buffer of the given size.
/// The app is resized to that size first, and handed the layout drawn, as
/// the terminal loop does.
pub fn render(app: &mut App, width: u16, height: u16) -> Buffer {
    app.update(Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    match crate::tui::draw(&mut terminal, app) {
        Ok(()) => {}
        Err(e) => match e {},
    }
    terminal.backend().buffer().clone()
}

/// The skills ticked in the screenshots, so the job pane shows a real mix.
pub const SCREENSHOT_TICKS: [&str; 6] = ["S01", "S06", "S10", "S12", "S27", "S28"];

/// The days the screenshot ticks were made (one a fortnight), so pane 5's
/// history has a line to draw.
const TICK_DAYS: [&str; 6] = [
    "2026-09-07T10:00:00Z",
    "2026-09-21T10:00:00Z",
    "2026-10-05T10:00:00Z",
    "2026-10-19T10:00:00Z",
    "2026-11-02T10:00:00Z",
    "2026-11-16T10:00:00Z",
];

/// "Now" in the screenshots: the plan's dates and the history's weeks
/// count from it, so the pictures do not change with the day they are made.
const SCREENSHOT_NOW: &str = "2026-11-30T09:00:00Z";

/// Every pane in both languages at 100x30, as (file name, SVG); pane 5
/// once for each of its views.
pub fn screenshot_svgs(catalog: &Catalog) -> Vec<(String, String)> {
    let resources = Arc::new(career_core::resources::bundled(catalog).unwrap_or_default());
    let mut out = Vec::new();
    for lang in [Lang::En, Lang::Zh] {
        for pane in Pane::ALL {
            let views: &[PlanSub] = if pane == Pane::Plan {
                &PlanSub::ALL
            } else {
                &[PlanSub::Plan]
            };
            for &sub in views {
                let mut p = Progress::new();
                for (id, day) in SCREENSHOT_TICKS.iter().zip(TICK_DAYS) {
                    p.set_state(id, progress::State::Done, day.into());
                }
                let mut app = App::new(catalog.clone(), p, lang);
                app.clock = || SCREENSHOT_NOW.into();
                app.resources = Arc::clone(&resources);
                app.plan.sub = sub;
                app.update(Action::Resize(100, 30));
                app.update(Action::GoPane(pane));
                let buf = render(&mut app, 100, 30);
                let name = format!("{}-{}.svg", shot_slug(pane, sub), lang.code());
                out.push((name, ui::svg::buffer_to_svg(&buf)));
            }
        }
    }
    out
}

/// A screenshot's name: the pane's slug, for pane 5 its view's.
fn shot_slug(pane: Pane, sub: PlanSub) -> &'static str {
    match (pane, sub) {
        (Pane::Plan, PlanSub::Demand) => "5-demand",
        (Pane::Plan, PlanSub::Postings) => "5-postings",
        (Pane::Plan, PlanSub::History) => "5-history",
        _ => pane_slug(pane),
    }
}

pub fn pane_slug(pane: Pane) -> &'static str {
    match pane {
        Pane::Boundary => "1-boundary",
        Pane::Compare => "2-compare",
        Pane::Skills => "3-skills",
        Pane::Jobs => "4-jobs",
        Pane::Plan => "5-plan",
    }
}
