//! career-explorer: a terminal app to explore the AI Engineer career.
//!
//! Data flows one way: YAML (bundled, or `--data DIR`) is loaded and validated
//! once into an immutable [`model::Catalog`]; key events become
//! [`action::Action`]s; [`app::App::update`] changes state; [`ui::draw`]
//! renders it; the progress file is saved after a change.

pub mod action;
pub mod app;
pub mod cli;
pub mod commands;
pub mod error;
pub mod gap;
pub mod i18n;
pub mod import;
pub mod keymap;
pub mod loader;
pub mod model;
pub mod own;
pub mod postings;
pub mod progress;
pub mod readiness;
pub mod report;
pub mod schema;
pub mod search;
pub mod searcher;
pub mod text;
pub mod textfield;
pub mod tui;
pub mod ui;
pub mod yamlcheck;
pub mod yamlpos;
