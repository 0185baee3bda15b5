//! Issue 15 point 4: source addresses are OSC 8 hyperlinks in colour mode,
//! printed whole (never cut), and plain under monochrome (`NO_COLOR`,
//! `--color never`) or `TERM=dumb`. It flips the process-wide colour and
//! link switches, so it lives in the `process_wide` binary and holds
//! `SWITCHES` while it does.

use crate::common::bundled_app;
use crate::common::frame_bytes;
use career_core::model::Lang;
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::App;
#[allow(unused_imports)]
use career_explorer::tui::mode::Mode;
use career_explorer::tui::ui;

/// The bytes of one frame at 120x60.
fn bytes(a: &mut App) -> Vec<u8> {
    frame_bytes(a, 120, 60)
}

/// The printable text of a byte stream: OSC sequences dropped, CSI too.
fn visible(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(b);
    let mut out = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some(']') => {
                // Up to the string terminator ESC \.
                while let Some(c) = it.next() {
                    if c == '\u{1b}' && it.peek() == Some(&'\\') {
                        it.next();
                        break;
                    }
                }
            }
            Some('[') => {
                for c in it.by_ref() {
                    if ('\u{40}'..='\u{7e}').contains(&c) {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn addresses_are_hyperlinks_in_colour_and_plain_in_monochrome() {
    let _switches = crate::SWITCHES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut a = bundled_app(Lang::En);
    a.update(Action::Resize(120, 60));
    a.update(Action::GoPane(Pane::Jobs));
    a.jobs.posting = 5; // Elastic: one address
    let url = a.catalog.postings[5].urls[0].to_string();
    let open = format!("\u{1b}]8;;{url}\u{1b}\\");
    let close = "\u{1b}]8;;\u{1b}\\";

    // Colour on a capable terminal: every character of the address is
    // linked to the whole address.
    ui::theme::set_monochrome(false);
    ui::link::set_enabled(ui::link::wanted(false, Some("xterm-256color")));
    let colour = String::from_utf8(bytes(&mut a)).unwrap();
    for ch in url.chars() {
        assert!(
            colour.contains(&format!("{open}{ch}{close}")),
            "{ch:?} of {url} not linked"
        );
    }
    // Shown whole: the visible text holds the address unbroken (it fits).
    assert!(visible(colour.as_bytes()).contains(&url));

    // A source address wider than the overlay continues on the next line,
    // every piece linked to the whole address.
    a.mode = Mode::Notes;
    let src = a
        .catalog
        .notes
        .sources
        .iter()
        .find(|s| s.id == "li-2026")
        .unwrap();
    let long = ui::notes::source_urls(&src.url).next().unwrap().to_string();
    assert!(long.len() > 100, "{long}");
    let lines = ui::notes::lines(&a, 98);
    let at = lines
        .iter()
        .position(|l| l.to_string().contains("[li-2026]"))
        .unwrap();
    a.overlay_scroll = at as u16;
    let over = String::from_utf8(bytes(&mut a)).unwrap();
    let long_open = format!("\u{1b}]8;;{long}\u{1b}\\");
    let linked: String = over
        .split(&long_open)
        .skip(1)
        .filter_map(|s| s.split(close).next())
        .collect();
    assert_eq!(
        linked, long,
        "every character shown, in order, linked whole"
    );

    // NO_COLOR / --color never: plain text, no OSC at all.
    ui::theme::set_monochrome(true);
    ui::link::set_enabled(ui::link::wanted(true, Some("xterm-256color")));
    a.mode = Mode::Normal;
    let mono = String::from_utf8(bytes(&mut a)).unwrap();
    assert!(!mono.contains("\u{1b}]"), "an OSC under monochrome");
    assert!(mono.contains(&url));

    // TERM=dumb, even in colour: plain.
    ui::theme::set_monochrome(false);
    ui::link::set_enabled(ui::link::wanted(false, Some("dumb")));
    let dumb = String::from_utf8(bytes(&mut a)).unwrap();
    assert!(!dumb.contains("\u{1b}]"), "an OSC on a dumb terminal");
}
