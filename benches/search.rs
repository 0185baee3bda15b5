//! Per-keystroke search latency: seven queries typed one character at a time
//! into the search of synthetic catalogs of 1k, 10k and 100k items (1M with
//! `--sizes 1m` or `SEARCH_BENCH_SIZES=1k,10k,100k,1m`), as the search overlay
//! does (50 results; `closest` when nothing matches, as drawing asks for it).
//!
//! ```sh
//! cargo bench --bench search                          # 1k, 10k, 100k
//! cargo bench --bench search -- --sizes 1m            # the 1M catalog (about 2 GB of RAM)
//! cargo bench --bench search -- --baseline            # also the original search (slow)
//! cargo bench --bench search -- --check --sizes 1k,10k  # results equal the original's
//! ```
//!
//! A plain `harness = false` bench: std::time::Instant around each keystroke.

mod baseline;
mod synth;

use std::time::{Duration, Instant};

use career_explorer::model::Catalog;
use career_explorer::search::Index;

/// What the search overlay asks for (App::SEARCH_LIMIT).
const LIMIT: usize = 50;

/// Typed too, apart: matches nothing in any catalog.
const NO_MATCH: &str = "zzqqxxw";

struct Opts {
    sizes: Vec<usize>,
    reps: Option<usize>,
    baseline: bool,
    check: bool,
}

fn opts() -> Opts {
    let mut o = Opts {
        sizes: std::env::var("SEARCH_BENCH_SIZES")
            .unwrap_or_else(|_| "1k,10k,100k".into())
            .split(',')
            .map(synth::parse_size)
            .collect(),
        reps: None,
        baseline: std::env::var_os("SEARCH_BENCH_BASELINE").is_some(),
        check: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--sizes" => {
                o.sizes = args
                    .next()
                    .expect("--sizes LIST")
                    .split(',')
                    .map(synth::parse_size)
                    .collect()
            }
            "--reps" => o.reps = args.next().and_then(|v| v.parse().ok()),
            "--baseline" => o.baseline = true,
            "--check" => o.check = true,
            _ => {} // cargo passes --bench
        }
    }
    o
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Nearest-rank percentile of sorted samples.
fn pct(sorted: &[Duration], p: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = (sorted.len() * p).div_ceil(100).max(1);
    sorted[rank - 1]
}

/// Every prefix of `q`, as typed.
fn prefixes(q: &str) -> Vec<String> {
    let chars: Vec<char> = q.chars().collect();
    (1..=chars.len())
        .map(|k| chars[..k].iter().collect())
        .collect()
}

struct Run {
    /// Per query: keystroke times.
    per_query: Vec<Vec<Duration>>,
    /// Keystrokes that found nothing and asked for `closest`.
    empty: usize,
}

impl Run {
    fn all(&self) -> Vec<Duration> {
        let mut v: Vec<Duration> = self.per_query.concat();
        v.sort();
        v
    }
}

/// Types every query `reps` times; `key` runs one keystroke and says whether
/// it found nothing.
fn type_queries(reps: usize, mut key: impl FnMut(&str) -> bool) -> Run {
    let mut per_query = vec![Vec::new(); synth::QUERIES.len()];
    let mut empty = 0;
    for _ in 0..reps {
        for (qi, q) in synth::QUERIES.iter().enumerate() {
            for p in prefixes(q) {
                let t = Instant::now();
                let none = key(&p);
                let took = t.elapsed();
                if std::env::var_os("SEARCH_BENCH_VERBOSE").is_some() {
                    eprintln!("  {p:?}: {:.3} ms", ms(took));
                }
                per_query[qi].push(took);
                empty += usize::from(none);
            }
        }
    }
    Run { per_query, empty }
}

fn size_label(n: usize) -> String {
    if n >= 1_000_000 && n.is_multiple_of(1_000_000) {
        format!("{}M", n / 1_000_000)
    } else if n >= 1_000 && n.is_multiple_of(1_000) {
        format!("{}k", n / 1_000)
    } else {
        n.to_string()
    }
}

fn row(label: &str, size: usize, entries: usize, build: Duration, run: &Run) {
    let all = run.all();
    println!(
        "| {label} | {} | {entries} | {:.1} | {:.3} | {:.3} | {:.3} | {} |",
        size_label(size),
        ms(build),
        ms(pct(&all, 50)),
        ms(pct(&all, 95)),
        ms(*all.last().unwrap_or(&Duration::ZERO)),
        all.len()
    );
}

fn per_query_rows(label: &str, size: usize, run: &Run) {
    for (q, samples) in synth::QUERIES.iter().zip(&run.per_query) {
        let mut s = samples.clone();
        s.sort();
        println!(
            "| {label} | {} | {q} | {:.3} | {:.3} | {:.3} |",
            size_label(size),
            ms(pct(&s, 50)),
            ms(pct(&s, 95)),
            ms(*s.last().unwrap_or(&Duration::ZERO)),
        );
    }
}

fn check(c: &Catalog, new: &Index) {
    let old = baseline::Index::build(c);
    let mut keystrokes = 0;
    for q in synth::QUERIES.iter().chain([&NO_MATCH]) {
        for p in prefixes(q) {
            let a: Vec<_> = new
                .query(&p, None, LIMIT)
                .into_iter()
                .map(|h| (h.entry, h.score, h.field, h.positions))
                .collect();
            let b: Vec<_> = old
                .query(&p, None, LIMIT)
                .into_iter()
                .map(|h| (h.entry, h.score, h.field, h.positions))
                .collect();
            assert_eq!(a, b, "results differ for {p:?}");
            if a.is_empty() {
                assert_eq!(
                    new.closest(&p),
                    old.closest(&p),
                    "closest differs for {p:?}"
                );
            }
            keystrokes += 1;
        }
    }
    println!(
        "check: {} items, {keystrokes} keystrokes: results identical to the original search",
        size_label(c.skills.len() + c.roles.len())
    );
}

fn main() {
    let o = opts();
    println!(
        "search bench: {} cores, limit {LIMIT}, queries {:?}\n",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        synth::QUERIES
    );
    let mut totals = Vec::new();
    let mut queries = Vec::new();
    let mut nomatch_rows = Vec::new();
    for &size in &o.sizes {
        let t = Instant::now();
        let c = synth::in_memory(size, 1);
        let gen_time = t.elapsed();
        let t = Instant::now();
        let index = Index::build(&c);
        let build = t.elapsed();
        eprintln!(
            "{}: catalog generated in {:.0} ms, index built in {:.0} ms",
            size_label(size),
            ms(gen_time),
            ms(build)
        );
        if o.check {
            check(&c, &index);
        }
        let reps = o.reps.unwrap_or(if size >= 1_000_000 { 2 } else { 5 });
        let run = type_queries(reps, |q| {
            let hits = index.query(q, None, LIMIT);
            if hits.is_empty() {
                // Drawing an empty result asks for the nearest name.
                std::hint::black_box(index.closest(q));
                return true;
            }
            std::hint::black_box(&hits);
            false
        });
        totals.push(("new", size, index.entries.len(), build, run));
        // A query nothing matches: every keystroke falls back to the typo
        // search, and the overlay then asks for the closest name.
        let mut nomatch = Vec::new();
        for _ in 0..reps {
            for p in prefixes(NO_MATCH) {
                let t = Instant::now();
                let hits = index.query(&p, None, LIMIT);
                let searched = t.elapsed();
                let closest = hits.is_empty().then(|| {
                    let t = Instant::now();
                    std::hint::black_box(index.closest(&p));
                    t.elapsed()
                });
                nomatch.push((p, hits.len(), searched, closest));
            }
        }
        nomatch_rows.push((size, nomatch));
        if o.baseline && size <= 100_000 {
            let t = Instant::now();
            let old = baseline::Index::build(&c);
            let build = t.elapsed();
            let run = type_queries(1, |q| {
                let hits = old.query(q, None, LIMIT);
                if hits.is_empty() {
                    std::hint::black_box(old.closest(q));
                    return true;
                }
                std::hint::black_box(&hits);
                false
            });
            totals.push(("original", size, old.entries.len(), build, run));
        }
        queries.push(size);
    }
    println!("Per keystroke, all seven queries (ms):\n");
    println!("| search | items | entries | index build ms | p50 | p95 | max | keystrokes |");
    println!("|---|---|---|---|---|---|---|---|");
    for (label, size, entries, build, run) in &totals {
        row(label, *size, *entries, *build, run);
    }
    println!("\nPer query (ms):\n");
    println!("| search | items | query | p50 | p95 | max |");
    println!("|---|---|---|---|---|---|");
    for (label, size, _, _, run) in &totals {
        per_query_rows(label, *size, run);
    }
    println!("\nA query nothing matches, {NO_MATCH:?}, typed (ms; the last rep):\n");
    println!("| items | keystroke | hits | query ms | closest() ms |");
    println!("|---|---|---|---|---|");
    for (size, rows) in &nomatch_rows {
        let last = rows.len() - NO_MATCH.chars().count();
        for (p, n, searched, closest) in &rows[last..] {
            println!(
                "| {} | {p} | {n} | {:.3} | {} |",
                size_label(*size),
                ms(*searched),
                closest.map_or("–".into(), |d| format!("{:.3}", ms(d)))
            );
        }
    }
    let empty: Vec<String> = totals
        .iter()
        .map(|(l, s, _, _, r)| format!("{l} {}: {}", size_label(*s), r.empty))
        .collect();
    println!(
        "\nkeystrokes with no result (closest() timed too): {}",
        empty.join(", ")
    );
}
