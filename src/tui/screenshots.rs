//! Off-screen drawing: the app into a buffer of a given size, and the
//! screenshots of every pane in both languages that the README shows (made
//! by `career-explorer screenshots`, checked by a test).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::tui::action::{Action, Pane};
use crate::tui::app::App;
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

/// Every pane in both languages at 100x30, as (file name, SVG).
pub fn screenshot_svgs(catalog: &Catalog) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for lang in [Lang::En, Lang::Zh] {
        for pane in Pane::ALL {
            let mut p = Progress::new();
            for id in SCREENSHOT_TICKS {
                p.set_state(id, progress::State::Done, "2026-01-01T00:00:00Z".into());
            }
            let mut app = App::new(catalog.clone(), p, lang);
            app.update(Action::Resize(100, 30));
            app.update(Action::GoPane(pane));
            let buf = render(&mut app, 100, 30);
            let name = format!("{}-{}.svg", pane_slug(pane), lang.code());
            out.push((name, ui::svg::buffer_to_svg(&buf)));
        }
    }
    out
}

pub fn pane_slug(pane: Pane) -> &'static str {
    match pane {
        Pane::Boundary => "1-boundary",
        Pane::Compare => "2-compare",
        Pane::Skills => "3-skills",
        Pane::Jobs => "4-jobs",
    }
}
