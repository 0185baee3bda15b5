//! career-core: the career domain of career-explorer and its storage.
//!
//! Nothing here knows about a terminal: no ratatui, crossterm or clap. The
//! CLI and the TUI (the `career-explorer` package) sit on top of it.
//!
//! - [`model`]: the catalog types (roles, skills, postings, bilingual text)
//!   and their JSON Schema.
//! - [`store`]: reading and checking YAML (bundled, `--data DIR`), the
//!   progress file, the user's own postings.
//! - [`import`]: reading a job ad into a posting.
//! - [`readiness`], [`gap`], [`report`], [`search`], [`searcher`]: what the
//!   user sees computed once, for every surface; [`plan`], [`demand`],
//!   [`trend`] and [`resources`]: what to learn next, from where, by when.
//! - [`text`], [`i18n`], [`error`]: sanitising and measuring text, the
//!   bilingual labels, the error types.

pub mod dates;
pub mod demand;
pub mod error;
pub mod gap;
pub mod i18n;
pub mod import;
pub mod model;
pub mod plan;
pub mod present;
pub mod readiness;
pub mod report;
pub mod resources;
pub mod schema;
pub mod search;
pub mod searcher;
pub mod store;
pub mod text;
pub mod trend;
