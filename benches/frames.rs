//! Startup and frames, for the bundled catalog and an ESCO-sized one (3,000
//! roles, 14,000 skills, 10.1 MiB of YAML, written by the generator of
//! `examples/gen_catalog` into a temporary folder and read by the real
//! loader with a 16 MiB per-file limit, as `--max-file-mb 16` would):
//!
//! - `load/SIZE`: load + validate (for `bundled`, the catalog checked at
//!   build time and embedded compact; `load/bundled_yaml` reads and checks
//!   the same YAML as a start did before, for comparison);
//! - `first_frame/SIZE`: `App::new` and the first frame drawn into a
//!   `TestBackend` at 80x24 (the catalog's clone before it is not timed);
//! - `draw/SIZE/WxH/VIEW`: one frame of each pane, the help and the search
//!   overlay (with "langchain" typed and answered), and pane 5's four
//!   views (plan, demand, overview, history), at 80x24 and 200x60.
//!
//! ```sh
//! cargo bench --bench frames                        # everything, about 2 minutes
//! cargo bench --bench frames -- first_frame         # a criterion filter
//! BENCH_SIZES=esco cargo bench --bench frames       # one catalog
//! ```

mod common;

use std::hint::black_box;
use std::time::Duration;

use career_core::model::{Catalog, Lang};
use career_core::store::progress::Progress;
use career_explorer::tui::action::{Action, EditKey, Pane};
use career_explorer::tui::app::App;
use career_explorer::tui::plan_view::PlanSub;
use career_explorer::tui::ui;
use criterion::{BatchSize, Criterion, SamplingMode};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(c: Catalog, w: u16, h: u16) -> App {
    let resources = career_core::resources::bundled(&c).unwrap_or_default();
    let mut app = App::new(c, Progress::new(), Lang::En);
    app.resources = std::sync::Arc::new(resources);
    app.update(Action::Resize(w, h));
    app
}

const VIEWS: [&str; 10] = [
    "boundary", "compare", "skills", "jobs", "plan", "demand", "overview", "history", "help",
    "search",
];

/// Puts an App in the state a view is drawn in.
fn show(app: &mut App, view: &str) {
    match view {
        "help" => {
            app.update(Action::ToggleHelp);
        }
        // Pane 5's views: each computed from the state as it is drawn.
        "demand" | "overview" | "history" => {
            app.update(Action::GoPane(Pane::Plan));
            let sub = match view {
                "demand" => PlanSub::Demand,
                "overview" => PlanSub::Postings,
                _ => PlanSub::History,
            };
            while app.plan.sub != sub {
                app.update(Action::NextView);
            }
        }
        "search" => {
            app.update(Action::OpenSearch);
            for ch in "langchain".chars() {
                app.update(Action::Edit(EditKey::Char(ch)));
            }
        }
        _ => {
            let pane = Pane::ALL
                .into_iter()
                .find(|p| format!("{p:?}").eq_ignore_ascii_case(view))
                .expect("a pane");
            app.update(Action::GoPane(pane));
        }
    }
}

fn benches(c: &mut Criterion, sizes: &common::Sizes) {
    let mut g = c.benchmark_group("load");
    g.sampling_mode(SamplingMode::Flat);
    for s in &sizes.all {
        if s.dir.is_some() {
            g.sample_size(10).measurement_time(Duration::from_secs(5));
        }
        g.bench_function(s.name, |b| b.iter(|| black_box(s.load())));
        if s.name == "bundled" {
            let texts = career_core::store::loader::bundled_texts();
            g.bench_function("bundled_yaml", |b| {
                b.iter(|| black_box(career_core::store::loader::load_texts(texts)));
            });
        }
    }
    g.finish();

    let mut g = c.benchmark_group("first_frame");
    g.sampling_mode(SamplingMode::Flat);
    for s in &sizes.all {
        if s.dir.is_some() {
            g.sample_size(10);
        }
        g.bench_function(s.name, |b| {
            b.iter_batched(
                || s.catalog.clone(),
                |catalog| {
                    let app = app(catalog, 80, 24);
                    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
                    term.draw(|f| {
                        ui::draw(&app, f);
                    })
                    .expect("draw");
                    // Dropped after the clock stops.
                    (app, term)
                },
                BatchSize::PerIteration,
            );
        });
    }
    g.finish();

    let mut g = c.benchmark_group("draw");
    for s in &sizes.all {
        for (w, h) in [(80u16, 24u16), (200, 60)] {
            for view in VIEWS {
                let mut app = app(s.catalog.clone(), w, h);
                show(&mut app, view);
                let mut term = Terminal::new(TestBackend::new(w, h)).expect("test backend");
                g.bench_function(format!("{}/{w}x{h}/{view}", s.name), |b| {
                    b.iter(|| {
                        term.draw(|f| {
                            ui::draw(&app, f);
                        })
                        .expect("draw");
                    });
                });
            }
        }
    }
    g.finish();
}

fn main() {
    let sizes = common::sizes();
    for s in &sizes.all {
        eprintln!(
            "{}: {:.2} MiB of YAML, {} roles, {} skills, {} postings",
            s.name,
            common::mib(s.yaml_bytes),
            s.catalog.roles.len(),
            s.catalog.skills.len(),
            s.catalog.postings.len()
        );
    }
    let mut c = common::criterion();
    benches(&mut c, &sizes);
    c.final_summary();
}
