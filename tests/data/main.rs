//! The bundled catalog and data folders: the content review's corrections,
//! the loader's reports on every kind of mistake, the YAML safety rules,
//! hostile files, the search terms and the dated 2024-2026 layer.

#[path = "../common/mod.rs"]
mod common;

mod bundled_frozen;
mod content;
mod hostile;
mod layer_2026;
mod review2;
mod search_terms;
mod search_window;
mod validation;
mod yaml_rules;
