//! Writes a synthetic catalog that `career-explorer --data DIR` loads:
//! boundary.yaml and notes.yaml copied from the bundled data, roles.yaml the
//! bundled roles plus generated ones, skills.yaml and postings.yaml generated.
//!
//! ```sh
//! # The size of the ESCO taxonomy: 3,000 roles, 14,000 skills, 80
//! # categories, 300 postings (10 requirements, 3 responsibilities each).
//! cargo run --release --example gen_catalog -- --shape esco --out /tmp/cat-esco
//! # About N searchable items (roles + skills + requirements).
//! cargo run --release --example gen_catalog -- --items 5000 --out /tmp/cat-5k
//! ```
//!
//! The same shape and `--seed` always give the same files.

mod catalog;

use std::path::PathBuf;
use std::process::ExitCode;

use catalog::Shape;

fn usage() -> ExitCode {
    eprintln!("usage: gen_catalog (--shape esco | --items N) --out DIR [--seed S]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut shape: Option<Shape> = None;
    let mut out: Option<PathBuf> = None;
    let mut seed: u64 = 1;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next();
        match (a.as_str(), v.as_deref()) {
            ("--shape", Some("esco")) => shape = Some(Shape::esco()),
            ("--items", Some(v)) => match v.parse() {
                Ok(n) => shape = Some(Shape::items(n)),
                Err(_) => return usage(),
            },
            ("--out", Some(v)) => out = Some(PathBuf::from(v)),
            ("--seed", Some(v)) => match v.parse() {
                Ok(s) => seed = s,
                Err(_) => return usage(),
            },
            _ => return usage(),
        }
    }
    let (Some(shape), Some(out)) = (shape, out) else {
        return usage();
    };
    let w = match catalog::write_dir(&shape, seed, &out) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mib = |b: usize| b as f64 / (1024.0 * 1024.0);
    println!(
        "{}: {} roles, {} skills in {} categories, {} postings ({} requirements, {} \
         responsibilities); {:.2} MiB of YAML",
        out.display(),
        shape.roles,
        shape.skills,
        shape.categories,
        shape.postings,
        shape.postings * shape.requirements_per_posting,
        shape.postings * shape.responsibilities_per_posting,
        mib(w.yaml_bytes())
    );
    let limit = career_core::store::loader::MAX_FILE_BYTES as usize;
    let (_, largest) = w.largest();
    for &(name, bytes) in &w.files {
        if bytes > limit {
            eprintln!(
                "note: {name} is {:.2} MiB, over the loader's default limit of {} MiB per data \
                 file: load the folder with `career-explorer --data {} --max-file-mb {}`",
                mib(bytes),
                limit / (1024 * 1024),
                out.display(),
                largest.div_ceil(1024 * 1024)
            );
        }
    }
    ExitCode::SUCCESS
}
