//! What both benches share: the two catalogs, loaded through the real loader,
//! and the criterion settings.

#![allow(dead_code)]

#[path = "../../examples/gen_catalog/catalog.rs"]
mod catalog;

use std::path::PathBuf;
use std::time::Duration;

use career_core::model::Catalog;
use career_core::store::loader::{self, Limits};

/// The per-file limit the ESCO-sized folder needs, as `--max-file-mb 16`.
pub const ESCO_LIMITS_MB: u64 = 16;

/// A catalog to measure: the bundled one, or the ESCO-sized one the
/// generator wrote into a temporary folder.
pub struct Size {
    pub name: &'static str,
    /// The folder for `load_dir_with`; `None` for the bundled data.
    pub dir: Option<PathBuf>,
    pub yaml_bytes: usize,
    pub catalog: Catalog,
    /// The folder of own postings read after the catalog (`ads`).
    pub postings: Option<PathBuf>,
}

fn load(dir: Option<&PathBuf>) -> Catalog {
    match dir {
        None => loader::load_bundled().expect("the bundled data loads"),
        Some(dir) => loader::load_dir_with(dir, Limits::from_mb(ESCO_LIMITS_MB))
            .expect("the generated catalog loads"),
    }
}

impl Size {
    /// Loads and validates the catalog again, as a start does.
    pub fn load(&self) -> Catalog {
        let mut c = load(self.dir.as_ref());
        if let Some(p) = &self.postings {
            career_core::store::own::attach(&mut c, p);
        }
        c
    }
}

/// Holds the temporary folder for as long as the sizes are used.
pub struct Sizes {
    _tmp: tempfile::TempDir,
    pub all: Vec<Size>,
}

/// The bundled catalog, the bundled one with the own postings of
/// `BENCH_POSTINGS=DIR` when set (`ads`), and the ESCO-sized one (seed 1);
/// `BENCH_SIZES=bundled`, `=ads` or `=esco` keeps one.
pub fn sizes() -> Sizes {
    let only = std::env::var("BENCH_SIZES").ok();
    let wanted = |name: &str| {
        only.as_deref()
            .is_none_or(|o| o.split(',').any(|x| x == name))
    };
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let mut all = Vec::new();
    if wanted("bundled") {
        let yaml_bytes = [
            include_str!("../../data/boundary.yaml"),
            include_str!("../../data/roles.yaml"),
            include_str!("../../data/skills.yaml"),
            include_str!("../../data/postings.yaml"),
            include_str!("../../data/notes.yaml"),
        ]
        .iter()
        .map(|t| t.len())
        .sum();
        all.push(Size {
            name: "bundled",
            dir: None,
            yaml_bytes,
            catalog: load(None),
            postings: None,
        });
    }
    // The bundled catalog with the user's own postings of a folder, as a
    // start reads them: `BENCH_POSTINGS=DIR` (bench/ads.sh imports 870
    // generated ads and points it at their folder).
    if let Some(dir) = std::env::var_os("BENCH_POSTINGS").filter(|_| wanted("ads")) {
        let mut catalog = load(None);
        let problems = career_core::store::own::attach(&mut catalog, std::path::Path::new(&dir));
        assert!(
            problems.is_empty(),
            "the postings of BENCH_POSTINGS load: {problems:?}"
        );
        let yaml_bytes = std::fs::read_dir(&dir).map_or(0, |d| {
            d.flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len() as usize)
                .sum()
        });
        all.push(Size {
            name: "ads",
            dir: None,
            yaml_bytes,
            catalog,
            postings: Some(PathBuf::from(dir)),
        });
    }
    if wanted("esco") {
        let dir = tmp.path().join("esco");
        let w = catalog::write_dir(&catalog::Shape::esco(), 1, &dir)
            .expect("write the ESCO-sized catalog");
        all.push(Size {
            name: "esco",
            yaml_bytes: w.yaml_bytes(),
            catalog: load(Some(&dir)),
            dir: Some(dir),
            postings: None,
        });
    }
    Sizes { _tmp: tmp, all }
}

/// Short runs: every bench of a file within a couple of minutes on 2 cores.
pub fn criterion() -> criterion::Criterion {
    criterion::Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
        .configure_from_args()
}

/// Whether criterion was asked only to list or to test the benches, when the
/// hand-made percentile tables are skipped too.
pub fn quick_mode() -> bool {
    std::env::args().any(|a| a == "--list" || a == "--test" || a == "--exact")
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

pub fn mib(b: usize) -> f64 {
    b as f64 / (1024.0 * 1024.0)
}

/// Nearest-rank percentile of sorted samples.
pub fn pct(sorted: &[Duration], p: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[(sorted.len() * p).div_ceil(100).max(1) - 1]
}

/// p50 / p95 / max of some samples, in ms, as a table's cells.
pub fn cells(samples: &[Duration]) -> String {
    let mut s = samples.to_vec();
    s.sort();
    format!(
        "{:.3} | {:.3} | {:.3} | {}",
        ms(pct(&s, 50)),
        ms(pct(&s, 95)),
        ms(*s.last().unwrap_or(&Duration::ZERO)),
        s.len()
    )
}
