//! The command line, run as a user would: the scriptable commands through the
//! real binary, the Chinese voice of their output, the user's own postings,
//! the job-ad importer, the JSON Schemas, and no cache written anywhere.

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod import_ads;
mod no_cache;
mod own_postings;
mod schema;
mod zh_chrome;
