//! Colour: `NO_COLOR` and --color never give a screen with no colour at all,
//! where every state still reads apart by its glyph. The choice is
//! process-wide (it is made once at start), so this test lives in the
//! `process_wide` binary and holds `SWITCHES` while it flips it.

use crate::common::{bundled_catalog, draw, screen};
use career_core::model::Lang;
use career_core::store::progress::{Progress, State};
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::App;
use career_explorer::tui::ui;
use ratatui::style::Color;

fn colours(a: &mut App) -> usize {
    draw(a, 100, 30)
        .content()
        .iter()
        .filter(|c| c.fg != Color::Reset || c.bg != Color::Reset)
        .count()
}

#[test]
fn monochrome_has_no_colour_and_keeps_every_state_apart() {
    let _switches = crate::SWITCHES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut p = Progress::new();
    for (id, s) in [
        ("S01", State::Done),
        ("S02", State::Learning),
        ("S03", State::Skipped),
    ] {
        p.set_state(id, s, "t".into());
    }
    let mut a = App::new(bundled_catalog(), p, Lang::En);
    a.update(Action::Resize(100, 30));
    for pane in Pane::ALL {
        a.update(Action::GoPane(pane));
        assert!(colours(&mut a) > 0, "colour by default on {pane:?}");
    }
    ui::theme::set_monochrome(true);
    for pane in Pane::ALL {
        a.update(Action::GoPane(pane));
        assert_eq!(colours(&mut a), 0, "no colour on {pane:?}");
    }
    a.update(Action::GoPane(Pane::Skills));
    let s = screen(&mut a, 100, 30);
    for mark in ["[x] S01", "[~] S02", "[-] S03", "[ ] S04"] {
        assert!(s.contains(mark), "{mark}: {s}");
    }
    // The terminal's own background stays everywhere, in colour too.
    ui::theme::set_monochrome(false);
    assert!(
        draw(&mut a, 100, 30)
            .content()
            .iter()
            .all(|c| c.bg == Color::Reset)
    );
}
