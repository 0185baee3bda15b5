//! Writes a synthetic catalog that `career-explorer --data DIR` loads:
//! boundary.yaml and notes.yaml copied from the bundled data, roles.yaml the
//! bundled roles plus synthetic ones, skills.yaml and postings.yaml generated.
//! Also writes corpus.txt, one line per searchable item, for `fzf --filter`.
//!
//! ```sh
//! cargo run --release --example gen_catalog -- --items 10000 --out /tmp/cat-10k
//! ```
//!
//! The same `--items` and `--seed` always give the same files.

#[path = "../benches/synth/mod.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: gen_catalog --items N --out DIR [--seed S]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut items: Option<usize> = None;
    let mut out: Option<PathBuf> = None;
    let mut seed: u64 = 1;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next();
        match (a.as_str(), v) {
            ("--items", Some(v)) => items = parse_count(&v),
            ("--out", Some(v)) => out = Some(PathBuf::from(v)),
            ("--seed", Some(v)) => match v.parse() {
                Ok(s) => seed = s,
                Err(_) => return usage(),
            },
            _ => return usage(),
        }
    }
    let (Some(items), Some(out)) = (items, out) else {
        return usage();
    };
    match write(items, seed, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// "10000", "10k", "1m" or "1M".
fn parse_count(s: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    let (digits, mult) = match lower.strip_suffix('k') {
        Some(d) => (d, 1_000),
        None => match lower.strip_suffix('m') {
            Some(d) => (d, 1_000_000),
            None => (lower.as_str(), 1),
        },
    };
    digits.parse::<usize>().ok().map(|n| n * mult)
}

fn write(items: usize, seed: u64, out: &std::path::Path) -> std::io::Result<()> {
    let w = synth::write_dir(items, seed, out)?;
    let limit = career_explorer::loader::MAX_FILE_BYTES as usize;
    for &(name, bytes) in &w.files {
        if name.ends_with(".yaml") && bytes > limit {
            let mb = bytes.div_ceil(1024 * 1024);
            eprintln!(
                "note: {name} is {bytes} bytes, over the loader's default {limit}-byte limit \
                 per data file: load it with `career-explorer --data DIR --max-file-mb {mb}`"
            );
        }
    }
    let sh = synth::Shape::of(items);
    println!(
        "{}: {items} items = {} roles + {} skills + {} requirements ({} postings, {} \
         responsibilities, {} categories); {} bytes of YAML",
        out.display(),
        w.catalog.roles.len(),
        sh.skills,
        sh.postings * sh.requirements_per_posting,
        sh.postings,
        sh.postings * sh.responsibilities_per_posting,
        sh.categories,
        w.yaml_bytes()
    );
    Ok(())
}
