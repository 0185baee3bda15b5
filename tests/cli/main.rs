//! The command line, run as a user would: the scriptable commands through the
//! real binary, the Chinese voice of their output, the user's own postings,
//! the job-ad importer, the JSON Schemas, and no cache written anywhere.

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod import_ads;
mod import_naming;
mod import_pages;
mod no_cache;
mod one_rule;
mod own_many;
mod own_postings;
mod plan;
mod posting_edit;
mod schema;
mod skills_set;
mod zh_chrome;
mod zh_every_command;
mod zh_file_problems;
mod zh_help;
