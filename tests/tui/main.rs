//! The panes as drawn into ratatui's `TestBackend`, driven through
//! `App::update`: snapshots, mouse, terminal manners, the self-assessment,
//! Chinese line breaking, search and what the data lets the user reach.

#[path = "../common/mod.rs"]
mod common;

mod assessment;
mod cjk_wrap;
mod conventions;
mod crowded_spectrum;
mod every_size;
mod evidence_view;
mod glossary;
mod jobs_edge;
mod layer_view;
mod manners;
mod mouse;
mod pane_keys;
mod plan_view;
mod reachable;
mod render;
mod search;
mod search_posting;
