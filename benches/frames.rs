//! Startup and frame costs: load + validate, App::new, the search index build
//! (on the first search), drawing each pane into ratatui's TestBackend at
//! 80x24 and 200x60, and `App::update` per action (a search keystroke with
//! the worker thread, as the terminal loop runs it), for the bundled catalog
//! and synthetic ones.
//!
//! ```sh
//! cargo bench --bench frames                        # bundled, 1k, 10k, 100k
//! cargo bench --bench frames -- --sizes bundled,1m  # add the 1M catalog (slow, ~3 GB)
//! ```
//!
//! Synthetic catalogs go through the real loader (YAML in a temporary
//! folder), with the per-file limit raised as `--max-file-mb` does.
//! A plain `harness = false` bench: std::time::Instant around each call.

mod synth;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use career_explorer::action::{Action, Pane};
use career_explorer::app::App;
use career_explorer::model::{Catalog, Lang};
use career_explorer::progress::{Progress, State};
use career_explorer::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The system allocator, counting the bytes in use: the heap a catalog and
/// an App hold, measured exactly.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        IN_USE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        IN_USE.fetch_add(new_size, Ordering::Relaxed);
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn heap() -> usize {
    IN_USE.load(Ordering::Relaxed)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Size {
    Bundled,
    Items(usize),
}

impl Size {
    fn label(self) -> String {
        match self {
            Size::Bundled => "bundled".into(),
            Size::Items(n) if n >= 1_000_000 => format!("{}M", n / 1_000_000),
            Size::Items(n) if n >= 1_000 => format!("{}k", n / 1_000),
            Size::Items(n) => n.to_string(),
        }
    }
}

fn parse_size(s: &str) -> Size {
    if s.trim().eq_ignore_ascii_case("bundled") {
        Size::Bundled
    } else {
        Size::Items(synth::parse_size(s))
    }
}

fn sizes() -> Vec<Size> {
    let mut list =
        std::env::var("FRAMES_BENCH_SIZES").unwrap_or_else(|_| "bundled,1k,10k,100k".into());
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--sizes" {
            list = args.next().expect("--sizes LIST");
        }
    }
    list.split(',').map(parse_size).collect()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

struct Stats {
    p50: Duration,
    p95: Duration,
    max: Duration,
    n: usize,
}

/// Runs `f` until about `budget` has passed (at least 5, at most 200 times).
fn measure(budget: Duration, f: impl FnMut()) -> Stats {
    measure_n(5, budget, f)
}

/// Runs `f` until about `budget` has passed (at least `min`, at most 200 times).
fn measure_n(min: usize, budget: Duration, mut f: impl FnMut()) -> Stats {
    let mut v = Vec::new();
    let start = Instant::now();
    while v.len() < min || (v.len() < 200 && start.elapsed() < budget) {
        let t = Instant::now();
        f();
        v.push(t.elapsed());
    }
    v.sort();
    let at = |p: usize| v[(v.len() * p).div_ceil(100).max(1) - 1];
    Stats {
        p50: at(50),
        p95: at(95),
        max: *v.last().expect("samples"),
        n: v.len(),
    }
}

/// The skills ticked: as in the screenshots for the bundled catalog, every
/// 50th skill (with one learning and one skipped) for the synthetic ones.
fn progress(c: &Catalog, size: Size) -> Progress {
    let mut p = Progress::new();
    let now = "2026-01-01T00:00:00Z".to_string();
    match size {
        Size::Bundled => {
            for id in career_explorer::cli::SCREENSHOT_TICKS {
                p.set_state(id, State::Done, now.clone());
            }
        }
        Size::Items(_) => {
            for (i, s) in c.skills.iter().enumerate() {
                let state = match i % 150 {
                    0 | 50 => State::Done,
                    100 => State::Learning,
                    7 => State::Skipped,
                    _ => continue,
                };
                p.set_state(&s.id, state, now.clone());
            }
        }
    }
    p
}

struct Loaded {
    catalog: Catalog,
    yaml_bytes: usize,
    /// None when the loader refused the folder (and the catalog was built in memory).
    load: Option<Stats>,
    note: String,
}

/// Synthetic catalogs go past the default 4 MiB per file: load them as
/// `--max-file-mb` would let a user.
const NO_CAP: career_explorer::loader::Limits = career_explorer::loader::Limits {
    max_file_bytes: 1 << 40,
};

fn load(size: Size, tmp: &std::path::Path) -> Loaded {
    match size {
        Size::Bundled => {
            let yaml_bytes = [
                include_str!("../data/boundary.yaml"),
                include_str!("../data/roles.yaml"),
                include_str!("../data/skills.yaml"),
                include_str!("../data/postings.yaml"),
                include_str!("../data/notes.yaml"),
            ]
            .iter()
            .map(|t| t.len())
            .sum();
            let load = measure(Duration::from_millis(500), || {
                std::hint::black_box(career_explorer::loader::load_bundled().expect("bundled"));
            });
            Loaded {
                catalog: career_explorer::loader::load_bundled().expect("bundled"),
                yaml_bytes,
                load: Some(load),
                note: String::new(),
            }
        }
        Size::Items(n) => {
            let dir = tmp.join(size.label());
            let w = synth::write_dir(n, 1, &dir).expect("write the synthetic catalog");
            let yaml_bytes = w.yaml_bytes();
            match career_explorer::loader::load_dir_with(&dir, NO_CAP) {
                Ok(_) => {
                    let runs = if n >= 100_000 { 2 } else { 5 };
                    let load = measure_n(runs, Duration::from_secs(2), || {
                        std::hint::black_box(
                            career_explorer::loader::load_dir_with(&dir, NO_CAP).expect("loads"),
                        );
                    });
                    Loaded {
                        catalog: career_explorer::loader::load_dir_with(&dir, NO_CAP)
                            .expect("loads"),
                        yaml_bytes,
                        load: Some(load),
                        note: String::new(),
                    }
                }
                Err(e) => {
                    let first = e
                        .to_string()
                        .lines()
                        .nth(1)
                        .unwrap_or("")
                        .trim()
                        .to_string();
                    Loaded {
                        catalog: w.catalog,
                        yaml_bytes,
                        load: None,
                        note: first,
                    }
                }
            }
        }
    }
}

/// Puts an App in the state a frame is drawn in.
type Setup = Box<dyn Fn(&mut App)>;

fn app_for(c: &Catalog, size: Size, w: u16, h: u16) -> App {
    let mut app = App::new(c.clone(), progress(c, size), Lang::En);
    app.clock = || "2026-01-01T00:00:00Z".into();
    app.update(Action::Resize(w, h));
    app
}

fn main() {
    let sizes = sizes();
    let tmp = tempfile::tempdir().expect("a temporary folder");
    println!(
        "frames bench: {} cores\n",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let mut load_rows = Vec::new();
    let mut draw_rows = Vec::new();
    let mut update_rows = Vec::new();
    for &size in &sizes {
        let l = load(size, tmp.path());
        let c = &l.catalog;
        let items = c.roles.len()
            + c.skills.len()
            + c.postings
                .iter()
                .map(|p| p.requirements.len())
                .sum::<usize>();
        let before = heap();
        let catalog = c.clone();
        let catalog_heap = heap() - before;
        let p = progress(c, size);
        let t = Instant::now();
        let app = App::new(catalog, p, Lang::En);
        let app_new = t.elapsed();
        let app_heap = heap() - before;
        // The search index is built by the first search.
        let t = Instant::now();
        app.searcher.index();
        let index_build = t.elapsed();
        let searched_heap = heap() - before;
        let mib = |b: usize| b as f64 / (1024.0 * 1024.0);
        load_rows.push(format!(
            "| {} | {items} | {:.2} | {} | {:.2} | {:.2} | {:.2} | {:.1} | {:.1} | {:.2} | {:.1} |",
            size.label(),
            mib(l.yaml_bytes),
            l.load.as_ref().map_or_else(
                || format!("refused: {}", l.note),
                |s| format!("{:.2} (p95 {:.2})", ms(s.p50), ms(s.p95))
            ),
            ms(app_new),
            mib(catalog_heap),
            mib(app_heap),
            app_heap as f64 / l.yaml_bytes as f64,
            ms(index_build),
            mib(searched_heap),
            searched_heap as f64 / l.yaml_bytes as f64,
        ));
        drop(app);
        eprintln!("{}: loaded", size.label());

        for (w, h) in [(80u16, 24u16), (200, 60)] {
            let mut app = app_for(c, size, w, h);
            let mut term = Terminal::new(TestBackend::new(w, h)).expect("test backend");
            let mut views: Vec<(String, Setup)> = Pane::ALL
                .iter()
                .map(|&p| {
                    let f: Setup = Box::new(move |a: &mut App| {
                        a.search = None;
                        a.overlay = Default::default();
                        a.update(Action::GoPane(p));
                    });
                    (career_explorer::cli::pane_slug(p).to_string(), f)
                })
                .collect();
            views.push((
                "help".into(),
                Box::new(|a: &mut App| {
                    a.update(Action::GoPane(Pane::Boundary));
                    a.update(Action::ToggleHelp);
                }),
            ));
            views.push((
                "search overlay".into(),
                Box::new(|a: &mut App| {
                    a.overlay = Default::default();
                    a.update(Action::OpenSearch);
                    for ch in "langchain".chars() {
                        a.update(Action::Edit(career_explorer::action::EditKey::Char(ch)));
                    }
                }),
            ));
            for (name, setup) in &views {
                setup(&mut app);
                let s = measure(Duration::from_millis(400), || {
                    term.draw(|f| ui::draw(&app, f)).expect("draw");
                });
                draw_rows.push(format!(
                    "| {} | {w}x{h} | {name} | {:.3} | {:.3} | {:.3} | {} |",
                    size.label(),
                    ms(s.p50),
                    ms(s.p95),
                    ms(s.max),
                    s.n
                ));
            }
        }
        eprintln!("{}: drawn", size.label());

        // Update per action, at 200x60, on each pane.
        let mut app = app_for(c, size, 200, 60);
        let actions: [(Pane, &str, Vec<Action>); 8] = [
            (
                Pane::Boundary,
                "Right/Left",
                vec![Action::Right, Action::Left],
            ),
            (
                Pane::Boundary,
                "Down/Up (scroll)",
                vec![Action::Down, Action::Up],
            ),
            (
                Pane::Compare,
                "Down/Up (role)",
                vec![Action::Down, Action::Up],
            ),
            (Pane::Skills, "Down/Up", vec![Action::Down, Action::Up]),
            (
                Pane::Skills,
                "PageDown/Home",
                vec![Action::PageDown, Action::Home],
            ),
            (Pane::Skills, "Space (tick)", vec![Action::Toggle]),
            (Pane::Jobs, "Down/Up", vec![Action::Down, Action::Up]),
            (
                Pane::Jobs,
                "Right/Left (posting)",
                vec![Action::Right, Action::Left],
            ),
        ];
        for (pane, name, seq) in &actions {
            app.update(Action::GoPane(*pane));
            let mut k = 0;
            let s = measure(Duration::from_millis(300), || {
                app.update(seq[k % seq.len()]);
                k += 1;
            });
            update_rows.push(format!(
                "| {} | {} | {name} | {:.4} | {:.4} | {:.4} |",
                size.label(),
                career_explorer::cli::pane_slug(*pane),
                ms(s.p50),
                ms(s.p95),
                ms(s.max)
            ));
        }
        // A search keystroke as the terminal loop runs it: the query goes to
        // the worker thread; the UI thread updates and redraws the overlay.
        {
            let mut app = app_for(c, size, 200, 60);
            app.searcher.start_worker(|_| true);
            app.update(Action::OpenSearch);
            let mut term = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
            let query: Vec<char> = "langchain".chars().collect();
            let mut k = 0;
            let s = measure(Duration::from_millis(300), || {
                if k % (query.len() + 1) == query.len() {
                    for _ in 0..query.len() {
                        app.update(Action::Edit(career_explorer::action::EditKey::Backspace));
                    }
                } else {
                    app.update(Action::Edit(career_explorer::action::EditKey::Char(
                        query[k % (query.len() + 1)],
                    )));
                }
                term.draw(|f| ui::draw(&app, f)).expect("draw");
                k += 1;
            });
            update_rows.push(format!(
                "| {} | search | keystroke + redraw (worker) | {:.4} | {:.4} | {:.4} |",
                size.label(),
                ms(s.p50),
                ms(s.p95),
                ms(s.max)
            ));
        }
        let s = measure(Duration::from_millis(300), || {
            app.update(Action::NextPane);
        });
        update_rows.push(format!(
            "| {} | any | Tab (next pane) | {:.4} | {:.4} | {:.4} |",
            size.label(),
            ms(s.p50),
            ms(s.p95),
            ms(s.max)
        ));
        let mut flip = false;
        let s = measure(Duration::from_millis(300), || {
            flip = !flip;
            app.update(Action::Resize(if flip { 200 } else { 120 }, 60));
        });
        update_rows.push(format!(
            "| {} | any | Resize | {:.4} | {:.4} | {:.4} |",
            size.label(),
            ms(s.p50),
            ms(s.p95),
            ms(s.max)
        ));
        eprintln!("{}: updated", size.label());
    }
    println!(
        "Load and start (ms), and heap held (MiB): the catalog alone; the App (the catalog and \
         its progress); the search index build on the first search; the App after it\n"
    );
    println!(
        "| catalog | items | YAML MiB | load + validate ms | App::new ms | catalog heap MiB | App heap MiB | App heap / YAML | index build ms | App heap after a search MiB | / YAML |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for r in &load_rows {
        println!("{r}");
    }
    println!("\nDraw one frame into a TestBackend (ms):\n");
    println!("| catalog | size | view | p50 | p95 | max | frames |");
    println!("|---|---|---|---|---|---|---|");
    for r in &draw_rows {
        println!("{r}");
    }
    println!("\nApp::update per action at 200x60 (ms):\n");
    println!("| catalog | pane | action | p50 | p95 | max |");
    println!("|---|---|---|---|---|---|");
    for r in &update_rows {
        println!("{r}");
    }
}
