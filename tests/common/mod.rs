//! Helpers shared by the test suites: one copy, used by every binary.
#![allow(dead_code)]

use career_core::model::Lang;
use career_core::store::loader::load_bundled;
use career_core::store::progress::Progress;
use career_explorer::tui::action::Action;
use career_explorer::tui::app::{App, Effect};
use career_explorer::tui::mouse;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The app on the bundled catalog with an empty progress, in `lang`.
pub fn bundled_app(lang: Lang) -> App {
    App::new(
        load_bundled().expect("bundled data loads"),
        Progress::new(),
        lang,
    )
}

/// Draws `app` at `w`x`h` as the terminal loop does (resize, draw, hand the
/// app the layout, draw again if that moved a scroll position) and returns
/// the buffer.
pub fn draw(app: &mut App, w: u16, h: u16) -> Buffer {
    if (app.size.width, app.size.height) != (w, h) {
        app.update(Action::Resize(w, h));
    }
    let mut scratch = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    career_explorer::tui::draw(&mut scratch, app).expect("drawing to a test backend");
    // The settled state in one clean frame: TestBackend keeps stale cells
    // beside wide characters when a frame is drawn over another.
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal
        .draw(|f| {
            career_explorer::tui::ui::draw(app, f);
        })
        .expect("drawing to a test backend");
    terminal.backend().buffer().clone()
}

/// Draws `app` at its current size and returns its buffer.
pub fn redraw(app: &mut App) -> Buffer {
    let (w, h) = (app.size.width, app.size.height);
    draw(app, w, h)
}

/// The buffer's rows as text, trailing spaces kept.
pub fn lines(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect()
}

/// The buffer as one text, a row a line.
pub fn text(buf: &Buffer) -> String {
    lines(buf).join("\n")
}

/// The screen of `app` at `w`x`h` as text.
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    text(&draw(app, w, h))
}

/// A left click at `(x, y)`, as the terminal loop handles it: the app is
/// drawn at its size, the click looked up in the layout drawn, the action
/// applied. Returns the update's effect (`Effect::None` when the click hit
/// nothing).
pub fn click(app: &mut App, x: u16, y: u16) -> Effect {
    redraw(app);
    match mouse::click(x, y, app.mode.kind(), &app.layout) {
        Some(action) => app.update(action),
        None => Effect::None,
    }
}

/// Applies `actions` in turn, drawing before each as the terminal loop does
/// (page sizes and scroll limits come from the last draw).
pub fn drive(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        redraw(app);
        app.update(a);
    }
}
