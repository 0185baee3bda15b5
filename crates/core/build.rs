//! Checks the bundled data (`data/*.yaml`) when the crate is built, with the
//! very loader a `--data DIR` folder goes through at start, and writes the
//! checked catalog to `$OUT_DIR/bundled.postcard` for
//! `store::loader::load_bundled` (see `src/store/frozen.rs`).
//!
//! A bundled file that breaks a rule fails the build, each problem printed
//! with its file, line and column (`data/skills.yaml:12:5: ...`).
//!
//! The loader's modules are compiled in here from `src/` as they are (a
//! build script cannot depend on its own crate): the check is the same code,
//! not a copy of it.

// The build uses the loader, not every function of the modules it compiles.
#![allow(dead_code)]

#[path = "src/error.rs"]
mod error;
#[path = "src/model/mod.rs"]
mod model;
#[path = "src/text.rs"]
mod text;

/// The messages of the loader ([`i18n::Msg`]); the build prints them in
/// English only, so the Chinese helpers of `i18n.rs` are not needed here.
#[path = "src/i18n"]
mod i18n {
    mod files;
    pub use files::{Arg, Msg};

    use crate::model::Lang;

    pub fn colon(_: Lang) -> &'static str {
        ": "
    }
    pub fn list_sep(_: Lang) -> &'static str {
        ", "
    }
    pub fn io_error_zh(_: Lang, _: std::io::ErrorKind) -> Option<&'static str> {
        None
    }
}

#[path = "src/store"]
mod store {
    pub mod frozen;
    pub mod loader;
    pub mod regular;
    pub mod yamlcheck;
    pub mod yamlpos;

    /// The catalog the build writes does not exist yet while it is built.
    pub(crate) const BUNDLED_CATALOG: &[u8] = &[];
}

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=../../data");
    println!("cargo::rerun-if-changed=build.rs");
    let catalog = match store::loader::load_texts(store::loader::bundled_texts()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("the bundled data (data/*.yaml) does not pass the loader's checks:");
            for p in &e.problems {
                eprintln!("{p}");
            }
            return ExitCode::FAILURE;
        }
    };
    let bytes = match store::frozen::freeze(catalog) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("the checked bundled catalog cannot be written: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(out) = std::env::var_os("OUT_DIR") else {
        eprintln!("OUT_DIR is not set: build.rs runs under cargo");
        return ExitCode::FAILURE;
    };
    let path = PathBuf::from(out).join("bundled.postcard");
    if let Err(e) = std::fs::write(&path, bytes) {
        eprintln!("cannot write {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
