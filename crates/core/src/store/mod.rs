//! Storage: the YAML data files (bundled or `--data DIR`), the progress
//! file and the user's own postings. Every reader checks a file is regular
//! before it reads it and reports a slip with file, line and column.

pub mod frozen;
pub mod history;
pub mod loader;
pub mod own;
pub mod posting_edit;
pub mod progress;
pub mod regular;
pub mod yamlcheck;
pub mod yamlpos;

/// The bundled catalog, checked and written by `build.rs` (see [`frozen`]).
pub(crate) const BUNDLED_CATALOG: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/bundled.postcard"));
