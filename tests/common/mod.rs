//! Helpers shared by the test binaries: one copy, declared by each binary's
//! `main.rs` as `mod common`. Each binary uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use career_core::model::{Catalog, Lang};
use career_core::store::loader::{FILES, bundled_texts, load_bundled, load_texts};
use career_core::store::progress::Progress;
use career_explorer::tui::action::{Action, EditKey, Pane};
use career_explorer::tui::app::{App, Effect};
use career_explorer::tui::mouse;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use unicode_width::UnicodeWidthStr;

// ---------------------------------------------------------------------------
// The app and what it draws
// ---------------------------------------------------------------------------

/// The time the app's clock gives in the tests that fix it.
pub const NOW: &str = "2026-11-29T00:00:00Z";

/// The bundled catalog, loaded once per test binary: each call gets a
/// clone, the same as a fresh load.
pub fn bundled_catalog() -> Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG
        .get_or_init(|| load_bundled().expect("bundled data loads"))
        .clone()
}

/// The app on the bundled catalog with an empty progress, in `lang`.
pub fn bundled_app(lang: Lang) -> App {
    App::new(bundled_catalog(), Progress::new(), lang)
}

/// The bundled catalog with data file `file` (an index into `FILES`:
/// boundary, roles, skills, postings, notes) replaced by `edit` of its text.
pub fn bundled_with(file: usize, edit: impl FnOnce(&str) -> String) -> Catalog {
    let mut texts = bundled_texts().map(str::to_string);
    texts[file] = edit(&texts[file]);
    let [a, b, c, d, e] = &texts;
    load_texts([a, b, c, d, e]).expect("edited data loads")
}

/// The bundled app in `lang` at `w`x`h`, its clock fixed at [`NOW`].
pub fn app_at(lang: Lang, w: u16, h: u16) -> App {
    let mut a = bundled_app(lang);
    a.clock = || NOW.into();
    a.update(Action::Resize(w, h));
    a
}

/// Draws `app` at `w`x`h` as the terminal loop does (resize, draw, hand the
/// app the layout, draw again if that moved a scroll position) and returns a
/// test terminal holding the settled frame.
pub fn terminal(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize(w, h));
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
    terminal
}

/// Draws `app` at `w`x`h` (see [`terminal`]) and returns the buffer.
pub fn draw(app: &mut App, w: u16, h: u16) -> Buffer {
    terminal(app, w, h).backend().buffer().clone()
}

/// Draws `app` at its current size and returns its buffer.
pub fn redraw(app: &mut App) -> Buffer {
    let (w, h) = (app.size.width, app.size.height);
    draw(app, w, h)
}

/// The screen of `app` at `w`x`h` as `TestBackend` prints it: a row a line,
/// each in double quotes, a wide character once.
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    terminal(app, w, h).backend().to_string()
}

/// [`screen`] at the app's current size.
pub fn shown(app: &mut App) -> String {
    let (w, h) = (app.size.width, app.size.height);
    screen(app, w, h)
}

/// The bytes a real terminal receives for one frame of `app` at `w`x`h`
/// (after the layout has settled as in [`terminal`]): what crossterm writes,
/// escape sequences and all.
pub fn frame_bytes(app: &mut App, w: u16, h: u16) -> Vec<u8> {
    app.update(Action::Resize(w, h));
    let mut scratch = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    career_explorer::tui::draw(&mut scratch, app).expect("drawing to a test backend");
    let mut out = Vec::new();
    {
        let backend = CrosstermBackend::new(&mut out);
        let viewport = Viewport::Fixed(Rect::new(0, 0, w, h));
        let mut t = Terminal::with_options(backend, TerminalOptions { viewport })
            .expect("a terminal writing into memory");
        t.draw(|f| {
            career_explorer::tui::ui::draw(app, f);
        })
        .expect("drawing into memory");
    }
    out
}

/// The buffer's rows with every cell's symbol, trailing spaces kept (the
/// blank cell after a wide character included).
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

/// The buffer as one text, a row a line (see [`lines`]).
pub fn text(buf: &Buffer) -> String {
    lines(buf).join("\n")
}

/// Each row as a terminal shows it, a wide character once (the cell it
/// covers is skipped, not read as a space), with the column of each char.
pub fn rows_with_columns(buf: &Buffer) -> Vec<(String, Vec<u16>)> {
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let (mut text, mut cols) = (String::new(), Vec::new());
            let mut x = 0;
            while x < area.width {
                let sym = buf[(x, y)].symbol();
                for ch in sym.chars() {
                    text.push(ch);
                    cols.push(x);
                }
                x += UnicodeWidthStr::width(sym).max(1) as u16;
            }
            (text, cols)
        })
        .collect()
}

/// Each row as a terminal shows it, a wide character once.
pub fn rows(buf: &Buffer) -> Vec<String> {
    rows_with_columns(buf)
        .into_iter()
        .map(|(text, _)| text)
        .collect()
}

/// Column and row of the first cell showing `needle`.
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    rows_with_columns(buf)
        .iter()
        .enumerate()
        .find_map(|(y, (row, cols))| {
            let b = row.find(needle)?;
            Some((cols[row[..b].chars().count()], y as u16))
        })
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

/// Opens pane 3 and moves the cursor from the top down to skill `id`.
pub fn focus_skill(app: &mut App, id: &str) {
    app.update(Action::GoPane(Pane::Skills));
    app.update(Action::Home);
    let target = app.catalog.skill_index(id).expect("a bundled skill id");
    for _ in 0..app.catalog.skills.len() {
        if app.focused_skill() == Some(target) {
            break;
        }
        app.update(Action::Down);
    }
    assert_eq!(app.focused_skill(), Some(target), "{id} reached");
}

/// Types `text` into the open text field (search box or note editor), a
/// character at a time.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(EditKey::Char(c)));
    }
}

// ---------------------------------------------------------------------------
// Data folders and files
// ---------------------------------------------------------------------------

/// The bundled data folder, `data/` of the package.
pub fn bundled_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A path below the package's `tests/` folder (fixtures: `ads/`, `cases/`).
pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(path)
}

/// Copies the bundled data files into `dir`.
pub fn copy_bundled_data(dir: &Path) {
    let src = bundled_data();
    for name in FILES {
        std::fs::copy(src.join(name), dir.join(name))
            .unwrap_or_else(|e| panic!("copy data/{name}: {e}"));
    }
}

/// A temp folder holding a copy of the bundled data files.
pub fn data_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_bundled_data(dir.path());
    dir
}

/// Every file below `dir`, recursively.
pub fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            out.extend(files_below(&path));
        } else {
            out.push(path);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The binary, under a home of its own
// ---------------------------------------------------------------------------

/// The app's binary, built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_career-explorer");

/// A home of its own: HOME and the XDG folders inside one temp dir, so no
/// run reads or writes the real home (the user's own postings live under
/// `$XDG_DATA_HOME`).
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The binary with HOME and XDG_{DATA,CONFIG,CACHE}_HOME in this home,
    /// in an English UTF-8 locale whatever the caller's (`--lang` or `LANG`
    /// set after this call still choose).
    pub fn cmd(&self) -> assert_cmd::Command {
        let d = self.path();
        let mut c = assert_cmd::Command::new(BIN);
        c.env("HOME", d)
            .env("XDG_DATA_HOME", d.join("data"))
            .env("XDG_CONFIG_HOME", d.join("config"))
            .env("XDG_CACHE_HOME", d.join("cache"))
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        c
    }

    /// Where the user's own postings are kept in this home.
    pub fn postings(&self) -> PathBuf {
        self.path().join("data/career-explorer/postings")
    }
}

/// The binary under one temp home shared by the runs that read no progress
/// and write nothing there.
pub fn bin() -> assert_cmd::Command {
    static HOME: OnceLock<Home> = OnceLock::new();
    HOME.get_or_init(Home::new).cmd()
}
