//! Web addresses: laid out whole, and made OSC 8 hyperlinks where the
//! terminal gets colour.
//!
//! A line of text never cuts or breaks an address: each address gets lines
//! of its own ([`url_lines`]), and one wider than the box continues on the
//! next line at the box's edge, so every character is shown. Ratatui has no
//! hyperlink widget, so after the text is drawn, [`mark`] wraps each cell of
//! an address in `ESC ] 8 ; ; URL ESC \` … `ESC ] 8 ; ; ESC \` (the
//! approach of ratatui's `hyperlink` example), with the whole address as the
//! target even in a continued piece, and [`CellDiffOption::ForcedWidth`] so
//! the escape is not counted as columns. Only addresses that passed
//! [`career_core::text::is_web_address`] (printable ASCII, no space) are linked;
//! under `NO_COLOR`, `--color never` or `TERM=dumb` nothing is
//! ([`set_enabled`]), and tests drawing into a `TestBackend` see plain text
//! unless they turn links on.

use std::num::NonZeroU16;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

static ENABLED: AtomicBool = AtomicBool::new(false);

/// Turns hyperlinks on or off (off by default). The CLI turns them on when
/// it draws in colour on a terminal that is not `dumb`.
pub fn set_enabled(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}

/// Whether addresses are drawn as hyperlinks.
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// Whether the app should draw hyperlinks: in colour, and not on a `dumb`
/// terminal (`term` is `$TERM`).
pub fn wanted(monochrome: bool, term: Option<&str>) -> bool {
    !monochrome && term != Some("dumb")
}

/// The pieces `url` is shown in at `room` columns: the whole address when it
/// fits, else consecutive pieces of `room` characters (addresses are ASCII).
pub fn pieces(url: &str, room: usize) -> Vec<&str> {
    let room = room.max(1);
    let mut out = Vec::new();
    let mut rest = url;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (head, tail) = rest.split_at(cut.max(1));
        out.push(head);
        rest = tail;
    }
    out.push(rest);
    out
}

/// `url` as lines of `width` columns, each starting with `indent`.
pub fn url_lines(url: &str, width: usize, indent: &str, style: Style) -> Vec<Line<'static>> {
    let room = width
        .saturating_sub(career_core::text::width(indent))
        .max(1);
    pieces(url, room)
        .into_iter()
        .map(|p| {
            Line::from(vec![
                Span::raw(indent.to_string()),
                Span::styled(p.to_string(), style),
            ])
        })
        .collect()
}

/// Makes every shown piece of `urls` in `area` a hyperlink to its whole
/// address, when links are enabled. `indent` is the lead [`url_lines`] was
/// given: pieces are looked for right after it.
pub fn mark(buf: &mut Buffer, area: Rect, urls: &[&str], indent: &str) {
    if !enabled() {
        return;
    }
    let lead = career_core::text::width(indent) as u16;
    let room = area.width.saturating_sub(lead).max(1) as usize;
    let urls: Vec<&str> = urls
        .iter()
        .copied()
        .filter(|u| career_core::text::is_web_address(u))
        .collect();
    for y in area.top()..area.bottom() {
        let x0 = area.x + lead;
        let row: String = (x0..area.right())
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        let row = row.trim_end();
        if row.is_empty() || !row.is_ascii() {
            continue;
        }
        let Some(url) = urls
            .iter()
            .find(|u| pieces(u, room).contains(&row))
            .copied()
        else {
            continue;
        };
        let open = format!("\u{1b}]8;;{url}\u{1b}\\");
        let close = "\u{1b}]8;;\u{1b}\\";
        for (i, ch) in row.chars().enumerate() {
            let cell = &mut buf[(x0 + i as u16, y)];
            cell.set_symbol(&format!("{open}{ch}{close}"));
            cell.set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::MIN));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_keep_every_character_in_order() {
        let url = "https://example.com/a/very/long/path";
        assert_eq!(pieces(url, 100), vec![url]);
        let p = pieces(url, 10);
        assert!(p.iter().all(|x| x.len() <= 10));
        assert_eq!(p.concat(), url);
    }

    #[test]
    fn links_only_in_colour_and_not_on_a_dumb_terminal() {
        assert!(wanted(false, Some("xterm-256color")));
        assert!(wanted(false, None));
        assert!(!wanted(true, Some("xterm")));
        assert!(!wanted(false, Some("dumb")));
    }
}
