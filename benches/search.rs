//! Search, for the bundled catalog and an ESCO-sized one (see
//! `benches/frames.rs`), with nine realistic queries typed one character at
//! a time: "prompt eng", "rag", "vector database", "langchain", "evals",
//! "检索", "fine-tuning", the typo "pinecoen", and "zzqqxxw", which matches
//! nothing (the overlay then asks for the closest name).
//!
//! Criterion measures means:
//! - `index_build/SIZE`: `Index::build`, once per catalog (the first search);
//! - `keystroke/SIZE`: one keystroke, `index.query(prefix, None, 50)` (and
//!   `closest` when nothing matched), the mean over every prefix of the nine
//!   queries typed in order;
//! - `ui_keystroke/SIZE`: what the UI thread does for a search keystroke
//!   while the worker thread searches: `App::update` for the typed character
//!   (or a Backspace) and the redraw at 200x60.
//!
//! Then, since a mean hides the slow keystrokes, it times every keystroke
//! itself (`Instant` around each, several repetitions) and prints p50 / p95
//! / max tables: per query; and, with the search worker as the terminal loop
//! runs it, the time from a keystroke until it is drawn, and until the frame
//! with its results is drawn (waiting for each answer before the next key).
//!
//! ```sh
//! cargo bench --bench search                   # everything, about 1 minute
//! BENCH_SIZES=esco cargo bench --bench search  # one catalog
//! ```

mod common;

use std::hint::black_box;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use career_core::model::{Catalog, Lang};
use career_core::search::Index;
use career_core::store::progress::Progress;
use career_explorer::tui::action::{Action, EditKey};
use career_explorer::tui::app::App;
use career_explorer::tui::ui;
use criterion::{Criterion, SamplingMode};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// What the search overlay asks for.
const LIMIT: usize = 50;

const QUERIES: [&str; 9] = [
    "prompt eng",
    "rag",
    "vector database",
    "langchain",
    "evals",
    "检索",
    "fine-tuning",
    "pinecoen",
    "zzqqxxw",
];

/// Every prefix of `q`, as typed.
fn prefixes(q: &str) -> Vec<String> {
    let chars: Vec<char> = q.chars().collect();
    (1..=chars.len())
        .map(|k| chars[..k].iter().collect())
        .collect()
}

/// Every prefix of every query, in typing order.
fn keystrokes() -> Vec<String> {
    QUERIES.iter().flat_map(|q| prefixes(q)).collect()
}

/// One keystroke's search, as the overlay asks for it.
fn search(index: &Index, q: &str) -> usize {
    let hits = index.query(q, None, LIMIT);
    if hits.is_empty() {
        black_box(index.closest(q));
    }
    black_box(hits).len()
}

/// An App at 200x60 whose search index is built (as by a first search), and
/// a terminal to draw it in.
fn app(c: &Catalog) -> (App, Terminal<TestBackend>) {
    let mut app = App::new(c.clone(), Progress::new(), Lang::En);
    app.update(Action::Resize(200, 60));
    app.searcher.index();
    let term = Terminal::new(TestBackend::new(200, 60)).expect("test backend");
    (app, term)
}

fn benches(c: &mut Criterion, sizes: &common::Sizes, keys: &[String]) {
    let mut g = c.benchmark_group("index_build");
    g.sampling_mode(SamplingMode::Flat);
    for s in &sizes.all {
        if s.dir.is_some() {
            g.sample_size(10);
        }
        g.bench_function(s.name, |b| b.iter(|| black_box(Index::build(&s.catalog))));
    }
    g.finish();

    let mut g = c.benchmark_group("keystroke");
    for s in &sizes.all {
        let index = Index::build(&s.catalog);
        let mut k = 0;
        g.bench_function(s.name, |b| {
            b.iter(|| {
                search(&index, &keys[k % keys.len()]);
                k += 1;
            });
        });
    }
    g.finish();

    let mut g = c.benchmark_group("ui_keystroke");
    for s in &sizes.all {
        let (mut app, mut term) = app(&s.catalog);
        app.searcher.start_worker(|_| true);
        app.update(Action::OpenSearch);
        let query: Vec<char> = "langchain".chars().collect();
        let mut k = 0;
        g.bench_function(s.name, |b| {
            b.iter(|| {
                // Type the query, then delete it, and again.
                let key = match query.get(k % (2 * query.len())) {
                    Some(&ch) => EditKey::Char(ch),
                    None => EditKey::Backspace,
                };
                app.update(Action::Edit(key));
                term.draw(|f| {
                    ui::draw(&app, f);
                })
                .expect("draw");
                k += 1;
            });
        });
    }
    g.finish();
}

/// Per query and in all, p50 / p95 / max of one keystroke's search.
fn percentiles(sizes: &common::Sizes) {
    println!(
        "\nOne keystroke's search, index.query(prefix, None, {LIMIT}) + closest() when empty (ms):\n"
    );
    println!("| catalog | query | p50 | p95 | max | keystrokes |");
    println!("|---|---|---|---|---|---|");
    for s in &sizes.all {
        let index = Index::build(&s.catalog);
        let reps = if s.dir.is_some() { 10 } else { 50 };
        let mut all = Vec::new();
        let mut rows = Vec::new();
        for q in QUERIES {
            let mut times = Vec::new();
            let mut hits = 0;
            for _ in 0..reps {
                for p in prefixes(q) {
                    let t = Instant::now();
                    hits = search(&index, &p);
                    times.push(t.elapsed());
                }
            }
            rows.push(format!(
                "| {} | {q} ({hits} hits) | {} |",
                s.name,
                common::cells(&times)
            ));
            all.extend(times);
        }
        for r in rows {
            println!("{r}");
        }
        println!("| {} | **all** | {} |", s.name, common::cells(&all));
    }
}

/// With the worker: from a keystroke until it is drawn (the UI thread's
/// update + redraw), and until the frame with its answer is drawn.
fn typing(sizes: &common::Sizes) {
    println!(
        "\nTyping in the search overlay with the worker thread, 200x60, waiting for each answer \
         (ms):\n"
    );
    println!("| catalog | measure | p50 | p95 | max | keystrokes |");
    println!("|---|---|---|---|---|---|");
    for s in &sizes.all {
        let (tx, rx) = mpsc::channel();
        let (mut app, mut term) = app(&s.catalog);
        app.searcher.start_worker(move |a| tx.send(a).is_ok());
        let reps = if s.dir.is_some() { 5 } else { 20 };
        let (mut drawn, mut arrived) = (Vec::new(), Vec::new());
        for _ in 0..reps {
            for q in QUERIES {
                app.mode = career_explorer::tui::mode::Mode::Normal;
                app.update(Action::OpenSearch);
                let mut typed = String::new();
                for ch in q.chars() {
                    typed.push(ch);
                    let t = Instant::now();
                    app.update(Action::Edit(EditKey::Char(ch)));
                    term.draw(|f| {
                        ui::draw(&app, f);
                    })
                    .expect("draw");
                    drawn.push(t.elapsed());
                    loop {
                        let a = rx.recv_timeout(Duration::from_secs(10)).expect("an answer");
                        let mine = a.query == typed;
                        app.receive(a);
                        if mine {
                            break;
                        }
                    }
                    term.draw(|f| {
                        ui::draw(&app, f);
                    })
                    .expect("draw");
                    arrived.push(t.elapsed());
                }
            }
        }
        println!(
            "| {} | keystroke drawn | {} |",
            s.name,
            common::cells(&drawn)
        );
        println!(
            "| {} | results drawn | {} |",
            s.name,
            common::cells(&arrived)
        );
    }
}

fn main() {
    let sizes = common::sizes();
    let keys = keystrokes();
    let mut c = common::criterion();
    benches(&mut c, &sizes, &keys);
    c.final_summary();
    if !common::quick_mode() {
        percentiles(&sizes);
        typing(&sizes);
    }
}
