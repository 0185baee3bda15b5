//! The user's own postings: one YAML file per posting in
//! `$XDG_DATA_HOME/career-explorer/postings/`, each with the schema of one
//! posting of `data/postings.yaml`, loaded beside the bundled catalog.
//!
//! The user's files are theirs: a file that does not parse or names an
//! unknown skill is reported with its file, line and column and left out of
//! the catalog, never changed. New files are written atomically and never
//! over an existing one; a file is removed only when the user asks.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Problem;
use crate::i18n::{Arg, Msg};
use crate::model::{Catalog, Posting};
use crate::store::loader;

/// The folder under the data folder that holds the own postings.
pub const POSTINGS_DIR: &str = "postings";

/// The user's data folder, `$XDG_DATA_HOME/career-explorer` (where the
/// progress file lives too), or `None` when no home can be found.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "career-explorer").map(|d| d.data_dir().to_path_buf())
}

/// The folder of own postings under a data folder.
pub fn postings_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(POSTINGS_DIR)
}

/// The YAML files of `dir`, by name; hidden files (a save's temp files) are
/// skipped. A missing folder holds none.
fn posting_files(dir: &Path) -> Result<Vec<PathBuf>, Problem> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            let msg = Msg::new("own_folder").arg("e", Arg::Io(e.to_string(), e.kind()));
            return Err(Problem::new(dir.display().to_string(), None, None, msg));
        }
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            let name = name.unwrap_or_default();
            !name.starts_with('.') && (name.ends_with(".yaml") || name.ends_with(".yml"))
        })
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// Adds the postings in the files of `dir` to `c` (after the bundled ones)
/// and returns the problems of the files left out: each names its file and,
/// where known, the line and column. A missing folder adds nothing.
///
/// Every file is read and checked at each start. The files are parsed on
/// up to [`MAX_READERS`] threads (a few hundred saved ads are megabytes of
/// YAML); the postings join in file-name order whatever the threads' pace,
/// and an id taken by an earlier posting is refused as before.
pub fn attach(c: &mut Catalog, dir: &Path) -> Vec<Problem> {
    clean_stale_temp_files(dir);
    let files = match posting_files(dir) {
        Ok(f) => f,
        Err(p) => return vec![p],
    };
    let read = read_all(c, &files);
    let mut problems = Vec::new();
    let mut taken: std::collections::HashSet<String> =
        c.postings.iter().map(|p| p.id.clone()).collect();
    let mut added = false;
    for (path, result) in files.into_iter().zip(read) {
        match result {
            Ok(read) if !taken.insert(read.posting.id.clone()) => problems.push(Problem::new(
                path.display().to_string(),
                read.id_position,
                Some(read.posting.id.clone()),
                Msg::new("own_id_taken").text("id", &read.posting.id),
            )),
            Ok(read) => {
                c.postings.push(read.posting);
                c.index.own_postings.push(path);
                added = true;
            }
            Err(mut p) => problems.append(&mut p),
        }
    }
    if added {
        loader::reindex(c);
    }
    problems
}

/// At most this many threads parse the own postings.
pub const MAX_READERS: usize = 8;

/// Fewer files than this a thread are read on the calling thread alone.
const FILES_PER_READER: usize = 32;

/// Each file of `files` read with [`read_posting`], in order, on as many
/// threads as the machine has cores (at most [`MAX_READERS`]).
fn read_all(c: &Catalog, files: &[PathBuf]) -> Vec<Result<ReadPosting, Vec<Problem>>> {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let readers = cores
        .min(MAX_READERS)
        .min(files.len().div_ceil(FILES_PER_READER))
        .max(1);
    if readers == 1 {
        return files.iter().map(|f| read_posting(c, f)).collect();
    }
    let chunk = files.len().div_ceil(readers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || part.iter().map(|f| read_posting(c, f)).collect::<Vec<_>>())
            })
            .collect();
        let mut out = Vec::with_capacity(files.len());
        for (h, part) in handles.into_iter().zip(files.chunks(chunk)) {
            match h.join() {
                Ok(mut read) => out.append(&mut read),
                // A reader that panicked (a bug): its files read again here,
                // so the panic shows where it happened.
                Err(_) => out.extend(part.iter().map(|f| read_posting(c, f))),
            }
        }
        out
    })
}

/// A posting read from its file, and where its id is declared there (for
/// the problem when another posting has the id).
struct ReadPosting {
    posting: Posting,
    id_position: Option<(usize, usize)>,
}

/// One own posting, parsed and checked against the catalog (all but whether
/// its id is taken, which [`attach`] checks in order), its skills resolved.
fn read_posting(c: &Catalog, path: &Path) -> Result<ReadPosting, Vec<Problem>> {
    let name = path.display().to_string();
    let text = loader::read_text(path, loader::MAX_FILE_BYTES).map_err(|p| vec![p])?;
    let mut posting: Posting = loader::parse_text(&name, &text)?;
    let mut problems = Vec::new();
    check(c, &posting, &text, &name, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    for item in posting
        .responsibilities
        .iter_mut()
        .chain(posting.requirements.iter_mut())
    {
        item.skill_idx = item
            .skills
            .iter()
            .filter_map(|s| c.skill_index(s))
            .collect();
    }
    let id_position = loader::decl_position(&text, &posting.id);
    Ok(ReadPosting {
        posting,
        id_position,
    })
}

/// Every problem of an own posting `p` (read from `text`, named `file`)
/// against the catalog it joins.
fn check(c: &Catalog, p: &Posting, text: &str, file: &str, problems: &mut Vec<Problem>) {
    let mut at = |position: Option<(usize, usize)>, id: &str, msg: Msg| {
        problems.push(Problem::new(
            file.to_string(),
            position,
            Some(id.to_string()),
            msg,
        ));
    };
    for (word, message) in loader::posting_bounds(p) {
        at(loader::ref_position(text, &p.id, &word), &p.id, message);
    }
    if !loader::is_valid_id(&p.id) {
        at(
            loader::decl_position(text, &p.id),
            &p.id,
            Msg::new("own_id_invalid").text("id", &p.id),
        );
    }
    if c.role_index(&p.role).is_none() {
        at(
            loader::ref_position(text, &p.id, &p.role),
            &p.role,
            Msg::new("own_role")
                .text("posting", &p.id)
                .text("id", &p.role),
        );
    }
    let mut seen = std::collections::HashSet::new();
    for item in p.responsibilities.iter().chain(&p.requirements) {
        if !loader::is_valid_id(&item.id) || !seen.insert(item.id.as_str()) {
            at(
                loader::decl_position(text, &item.id),
                &item.id,
                Msg::new("own_item_id").text("id", &item.id),
            );
        }
        for key in loader::bad_evidence(item) {
            at(
                loader::evidence_position(text, &item.id, key),
                key,
                loader::evidence_message(item, key),
            );
        }
        for s in &item.skills {
            if c.skill_index(s).is_none() {
                at(
                    loader::ref_position(text, &item.id, s),
                    s,
                    Msg::new("own_skill").text("item", &item.id).text("id", s),
                );
            }
        }
    }
}

/// The temp file an import writes before linking it into place is named
/// `TEMP_PREFIX…TEMP_SUFFIX`, so one a killed import left is found again.
pub const TEMP_PREFIX: &str = ".posting-";
/// See [`TEMP_PREFIX`].
pub const TEMP_SUFFIX: &str = ".tmp";

/// How old a left temp file must be before it is removed: an import that is
/// still writing its file (another process) finishes long before.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes the temp files killed imports left in `dir` (named
/// [`TEMP_PREFIX`]…[`TEMP_SUFFIX`], regular, older than a minute) and
/// returns how many went. Nothing else is touched; errors are ignored.
pub fn clean_stale_temp_files(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
        })
        .filter(|e| {
            e.metadata().is_ok_and(|m| {
                m.is_file()
                    && m.modified()
                        .ok()
                        .and_then(|t| now.duration_since(t).ok())
                        .is_some_and(|age| age >= STALE_AFTER)
            })
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// Writes `text` as the own posting `id` in `dir`, atomically (a temp file
/// in the folder, synced, then linked into place) and never over an existing
/// file: an existing `<id>.yaml` is an error. Returns the file written.
pub fn save_new(dir: &Path, id: &str, text: &str) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(format!("{id}.yaml"));
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(&path).map_err(|e| e.error)?;
    Ok(path)
}

/// Why a posting was not removed: the id given (exit status 2), or the
/// system (exit status 1).
#[derive(Debug, thiserror::Error)]
pub enum RemoveError {
    /// No such posting, or a bundled one.
    #[error("{0}")]
    Input(String),
    /// The file could not be removed.
    #[error("{0}")]
    System(String),
}

/// Deletes the file of own posting `id` from the catalog, and returns it.
/// A bundled posting, or an id no posting has, is an error that says so.
pub fn remove(c: &Catalog, id: &str) -> Result<PathBuf, RemoveError> {
    let Some(p) = c.postings.iter().position(|p| p.id == id) else {
        let known: Vec<&str> = c.postings.iter().map(|p| p.id.as_str()).collect();
        return Err(RemoveError::Input(format!(
            "no posting `{id}`; postings: {}",
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        )));
    };
    let Some(file) = c.own_posting_file(p) else {
        return Err(RemoveError::Input(format!(
            "`{id}` is a bundled posting and cannot be removed; only your own postings can"
        )));
    };
    std::fs::remove_file(file)
        .map_err(|e| RemoveError::System(format!("cannot remove {}: {e}", file.display())))?;
    Ok(file.to_path_buf())
}
