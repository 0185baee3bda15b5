//! career-explorer: a terminal app to explore the AI Engineer career.
//!
//! The career domain and its storage live in the `career-core` crate; this
//! package holds the two ways in: the command line ([`cli`]) and the
//! full-screen app ([`tui`]).
//!
//! Data flows one way: YAML (bundled, or `--data DIR`) is loaded and validated
//! once into an immutable catalog; key and mouse events become
//! [`tui::action::Action`]s; [`tui::app::App::update`] changes state;
//! [`tui::ui::draw`] renders it and returns the layout it drew; the progress
//! file is saved after a change.

pub mod cli;
pub mod config;
pub mod tui;
