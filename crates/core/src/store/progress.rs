//! The user's self-assessment: one YAML file, theirs to edit.
//!
//! Reading is lenient but precise ([`read`]): harmless variations load, a real
//! error names the line and column, and an entry that does not read is
//! reported and kept as written while the rest loads. Nothing here ever
//! renames, moves or drops the file. Saving ([`save_merged`]) re-reads the
//! file under a lock and merges per field (state, note) against what was last
//! read, so a hand edit or a second window is merged, not overwritten; then
//! writes atomically (temp file beside the target, the old file's mode,
//! fsync, rename), through a symlink to its target.

mod aliases;
mod read;
pub mod timeline;
mod write;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use serde::{Deserialize, Serialize};

pub use read::{MAX_ALIAS_VALUES, MAX_BYTES, parse};
pub use write::{quote, to_yaml};

/// Where a user stands on one skill.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum State {
    #[default]
    NotStarted,
    Learning,
    Done,
    Skipped,
}

impl State {
    /// The names written in the file, in the order of `State`'s variants.
    pub const NAMES: [&'static str; 4] = ["not_started", "learning", "done", "skipped"];
    const ALL: [State; 4] = [
        State::NotStarted,
        State::Learning,
        State::Done,
        State::Skipped,
    ];

    /// The name written in the file, e.g. `not_started`.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// Reads a state name in any capitalisation, with `_`, `-` or a space
    /// between words (`Done`, `DONE`, `not started`); `None` if it is none.
    pub fn parse(s: &str) -> Option<State> {
        let norm: String = s
            .trim()
            .chars()
            .map(|c| {
                if c == '-' || c == ' ' {
                    '_'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        Self::NAMES
            .iter()
            .position(|n| *n == norm)
            .map(|i| Self::ALL[i])
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub state: State,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When the state last changed, UTC, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<String>,
    /// What shows the skill: an address or a path (a repo, a demo, a
    /// certificate).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    /// The day of the evidence, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_date: Option<String>,
}

/// The file's shape; `version` lets a later release migrate it. `disk` holds
/// what the file had besides the entries, and what they were when last read
/// or written (it takes no part in comparisons).
#[derive(Debug, Clone, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub version: u32,
    #[serde(default)]
    pub skills: BTreeMap<String, Entry>,
    /// What the user says about themselves (years, current role).
    #[serde(default, skip_serializing_if = "Profile::is_empty")]
    pub profile: Profile,
    /// Each skill's state before the first record of `history`.
    #[serde(default, skip_serializing_if = "timeline::Baseline::is_empty")]
    pub history_baseline: timeline::Baseline,
    /// Every change of a skill's state with its day, oldest first, at most
    /// [`timeline::CAP`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<timeline::Record>,
    #[serde(skip)]
    #[schemars(skip)]
    pub disk: Disk,
}

impl PartialEq for Progress {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
            && self.skills == other.skills
            && self.profile == other.profile
    }
}

impl Eq for Progress {}

/// What the file held when last read or written, beyond the entries.
#[derive(Debug, Clone, Default)]
pub struct Disk {
    /// The entries as last read or written: the base of the per-field merge
    /// (a field that differs from it was changed here).
    pub base: BTreeMap<String, Entry>,
    /// The profile as last read or written: the base of its merge.
    pub base_profile: Profile,
    /// The history as last read or written: records not in it are new here.
    pub base_history: Vec<timeline::Record>,
    /// Entries and top-level keys that do not read; kept as written on save.
    pub bad: Vec<Bad>,
    /// The comment lines the file started with; written back on save.
    pub header: Vec<String>,
    /// Whether the file had CRLF line ends (kept on save).
    pub crlf: bool,
    /// The file's identity, size and time when last read or written.
    pub stamp: Option<Stamp>,
}

/// An entry (or a top-level key) that does not read, kept as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bad {
    /// The skill id (or the top-level key).
    pub key: String,
    /// In `skills` (else a top-level key).
    pub in_skills: bool,
    /// 1-based line and column of the slip.
    pub line: usize,
    pub col: usize,
    /// The cause, e.g. "skill S01: unknown state `mastered`, ...".
    pub message: crate::i18n::Msg,
    key_node: serde_yaml::Value,
    node: read::Loose,
}

impl Bad {
    /// `FILE:LINE:COL: cause`.
    pub fn describe(&self, path: &Path) -> String {
        self.describe_in(path, crate::model::Lang::En)
    }

    /// `FILE:LINE:COL: cause`, the cause in `lang`.
    pub fn describe_in(&self, path: &Path, lang: crate::model::Lang) -> String {
        format!(
            "{}:{}:{}{}{}",
            path.display(),
            self.line,
            self.col,
            crate::i18n::colon(lang),
            self.message.render(lang)
        )
    }
}

/// A file's identity and change marks, to notice it changed on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    ino: u64,
    dev: u64,
}

impl Stamp {
    fn of(m: &std::fs::Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt;
        Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            ino: m.ino(),
            dev: m.dev(),
        }
    }
}

/// Why the progress file could not be read or written. Every message names
/// the full path; a slip in the file also its line and column.
#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is not a regular file ({kind}): the progress file must be one", .path.display())]
    NotRegular { path: PathBuf, kind: &'static str },
    #[error("{} is {size} bytes: a progress file may be at most {} MiB; it was not read", .path.display(), MAX_BYTES >> 20)]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}:{line}:{col}: {message}", .path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        col: usize,
        message: crate::i18n::Msg,
    },
    #[error("{} was written by a newer career-explorer (version {version}); this one reads version {VERSION}: upgrade to use it (the file is left as it is)", .path.display())]
    Newer { path: PathBuf, version: u64 },
    #[error("{} is read-only: make it writable to save", .path.display())]
    ReadOnly { path: PathBuf },
    #[error("waiting for the lock on {}, held by another career-explorer", .lock.display())]
    Locked { lock: PathBuf },
    /// The lock file cannot be made or opened: named as the lock file, since
    /// it is not the file the user gave.
    #[error("lock file {}: {source}", .lock.display())]
    LockFile {
        lock: PathBuf,
        source: std::io::Error,
    },
}

impl ProgressError {
    /// The error in `lang` (in English as its `Display` says it), the
    /// file's place as it is: the one wording of the CLI and the TUI.
    pub fn render(&self, lang: crate::model::Lang) -> String {
        use crate::i18n::{Msg, cli_labels, colon, fill, io_reason};
        let t = cli_labels(lang);
        let shown = |p: &Path| p.display().to_string();
        match self {
            ProgressError::Io { path, source } => {
                format!("{}{}{}", shown(path), colon(lang), io_reason(lang, source))
            }
            ProgressError::NotRegular { path, kind } => fill(
                t.progress_not_regular,
                &[
                    ("path", &shown(path)),
                    ("kind", crate::i18n::file_kind(lang, kind)),
                ],
            ),
            ProgressError::TooLarge { path, size } => fill(
                t.progress_too_large,
                &[
                    ("path", &shown(path)),
                    ("size", &size.to_string()),
                    ("max", &(MAX_BYTES >> 20).to_string()),
                ],
            ),
            ProgressError::Syntax {
                path,
                line,
                col,
                message,
            } => format!(
                "{}:{line}:{col}{}{}",
                path.display(),
                colon(lang),
                message.render(lang)
            ),
            ProgressError::Newer { path, version } => fill(
                t.progress_newer,
                &[
                    ("path", &shown(path)),
                    ("version", &version.to_string()),
                    ("ours", &VERSION.to_string()),
                ],
            ),
            ProgressError::ReadOnly { path } => {
                fill(t.progress_read_only, &[("path", &shown(path))])
            }
            ProgressError::Locked { lock } => Msg::new("progress_locked")
                .text("lock", lock.display())
                .render(lang),
            ProgressError::LockFile { lock, source } => Msg::new("lock_file")
                .text("lock", lock.display())
                .text("e", io_reason(lang, source))
                .render(lang),
        }
    }

    /// Whether the file's content or kind is at fault (exit status 2), not
    /// the system.
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            ProgressError::NotRegular { .. }
                | ProgressError::TooLarge { .. }
                | ProgressError::Syntax { .. }
                | ProgressError::Newer { .. }
        )
    }
}

/// The user's experience and current role: the experience checks of
/// requirements read `years`, the role-to-job gap reads `role`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Years of professional experience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    /// The id of the user's current role (e.g. `fullstack_engineer`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

impl Profile {
    /// Nothing given.
    pub fn is_empty(&self) -> bool {
        self.years.is_none() && self.role.is_none()
    }
}

/// The most years of experience a profile holds (defined in the model, which
/// the build-time check of the bundled data compiles too).
pub use crate::model::MAX_YEARS;

/// In the `changed` set of [`save_merged`]: the profile changed (not a
/// skill id, which cannot hold parentheses).
pub const PROFILE_KEY: &str = "(profile)";

pub const VERSION: u32 = 1;

impl Progress {
    pub fn new() -> Self {
        Progress {
            version: VERSION,
            skills: BTreeMap::new(),
            profile: Profile::default(),
            history_baseline: timeline::Baseline::default(),
            history: Vec::new(),
            disk: Disk::default(),
        }
    }

    pub fn state(&self, id: &str) -> State {
        self.skills.get(id).map(|e| e.state).unwrap_or_default()
    }

    pub fn is_done(&self, id: &str) -> bool {
        self.state(id) == State::Done
    }

    pub fn set_state(&mut self, id: &str, state: State, now: String) {
        let entry = self.skills.entry(id.to_string()).or_default();
        if entry.state != state {
            entry.state = state;
            timeline::record(
                &mut self.history,
                &mut self.history_baseline,
                id,
                state,
                &now,
            );
            entry.changed = Some(now);
        }
    }

    /// The evidence of skill `id` (an address or a path) and its day.
    pub fn evidence(&self, id: &str) -> (&str, Option<&str>) {
        self.skills.get(id).map_or(("", None), |e| {
            (e.evidence.as_str(), e.evidence_date.as_deref())
        })
    }

    /// Sets the evidence of skill `id`, sanitised and trimmed; its day is
    /// `date` (`None` clears it with an empty address).
    pub fn set_evidence(&mut self, id: &str, evidence: &str, date: Option<String>) {
        let clean = crate::text::sanitize(evidence.trim());
        let e = self.skills.entry(id.to_string()).or_default();
        e.evidence_date = if clean.is_empty() { None } else { date };
        e.evidence = clean;
    }

    /// Pressing a state's key sets it, or clears it back to not started.
    pub fn toggle_state(&mut self, id: &str, state: State, now: String) {
        let next = if self.state(id) == state {
            State::NotStarted
        } else {
            state
        };
        self.set_state(id, next, now);
    }

    pub fn note(&self, id: &str) -> &str {
        self.skills.get(id).map_or("", |e| e.note.as_str())
    }

    pub fn set_note(&mut self, id: &str, note: &str) {
        let clean = crate::text::sanitize(note.trim());
        self.skills.entry(id.to_string()).or_default().note = clean;
    }

    /// Ids with an entry that `known` does not recognise (kept, never dropped).
    pub fn unknown_ids<'a>(&'a self, known: impl Fn(&str) -> bool + 'a) -> Vec<&'a str> {
        self.skills
            .keys()
            .map(String::as_str)
            .filter(|id| !known(id))
            .collect()
    }

    /// The entry for `id` that did not read, if there is one: the app leaves
    /// that skill alone until the file is fixed.
    pub fn bad_entry(&self, id: &str) -> Option<&Bad> {
        self.disk.bad.iter().find(|b| b.in_skills && b.key == id)
    }

    /// The `profile` section, if it did not read: kept as written, and the
    /// profile cannot be changed until the file is fixed.
    pub fn bad_profile(&self) -> Option<&Bad> {
        self.disk
            .bad
            .iter()
            .find(|b| !b.in_skills && b.key == "profile")
    }

    /// Whether memory differs from what was last read or written.
    pub fn has_changes(&self) -> bool {
        self.skills != self.disk.base || self.profile != self.disk.base_profile
    }
}

/// The default location: `$XDG_DATA_HOME/career-explorer/progress.yaml`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "career-explorer")
        .map(|d| d.data_dir().join("progress.yaml"))
}

/// The file a path names: a symlink is followed (even to a file not made
/// yet), so saves update the target and the link stays.
pub fn resolve(path: &Path) -> Result<PathBuf, ProgressError> {
    match std::fs::canonicalize(path) {
        Ok(p) => Ok(p),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut p = path.to_path_buf();
            for _ in 0..40 {
                let Ok(target) = std::fs::read_link(&p) else {
                    break;
                };
                p = match p.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            Ok(p)
        }
        Err(source) => Err(ProgressError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

fn check_regular(path: &Path, m: &std::fs::Metadata) -> Result<(), ProgressError> {
    let Some(kind) = super::regular::not_regular(m) else {
        return Ok(());
    };
    Err(ProgressError::NotRegular {
        path: path.to_path_buf(),
        kind,
    })
}

/// The stamp of the file `path` names now (`None` if there is none).
pub fn stamp(path: &Path) -> Result<Option<Stamp>, ProgressError> {
    let target = resolve(path)?;
    match std::fs::metadata(&target) {
        Ok(m) => Ok(Some(Stamp::of(&m))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(ProgressError::Io {
            path: target,
            source,
        }),
    }
}

/// Reads the progress file without changing anything: a fresh `Progress` if
/// there is none. A FIFO or device is refused without opening it; a file over
/// [`MAX_BYTES`] without reading it. Entries that do not read are in
/// `disk.bad`; errors are in [`ProgressError`].
pub fn load(path: &Path) -> Result<Progress, ProgressError> {
    load_at(&resolve(path)?)
}

fn load_at(target: &Path) -> Result<Progress, ProgressError> {
    let io = |source| ProgressError::Io {
        path: target.to_path_buf(),
        source,
    };
    let meta = match std::fs::metadata(target) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Progress::new()),
        Err(e) => return Err(io(e)),
    };
    check_regular(target, &meta)?;
    let too_large = |size| ProgressError::TooLarge {
        path: target.to_path_buf(),
        size,
    };
    if meta.len() > MAX_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    super::regular::open_read(target)
        .map_err(io)?
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let mut p = read::parse(&bytes, target)?;
    p.disk.stamp = Some(Stamp::of(&meta));
    Ok(p)
}

/// Three-way merge per field: for each skill, the state (with its change
/// time) and the note each come from `mine` if `mine` changed them since
/// `mine.disk.base`, else from `disk`. An entry that does not read on disk is
/// kept as it is there. The result's `disk` is `disk`'s (its base is what
/// the file holds).
pub fn merge(mine: &Progress, disk: Progress) -> Progress {
    let base = &mine.disk.base;
    let mut skills = disk.skills.clone();
    let ids: BTreeSet<&String> = mine.skills.keys().chain(base.keys()).collect();
    for id in ids {
        let m = mine.skills.get(id).cloned().unwrap_or_default();
        let b = base.get(id).cloned().unwrap_or_default();
        if m == b || disk.bad_entry(id).is_some() {
            continue;
        }
        let mut e = disk.skills.get(id).cloned().unwrap_or_default();
        if (m.state, &m.changed) != (b.state, &b.changed) {
            e.state = m.state;
            e.changed = m.changed;
        }
        if m.note != b.note {
            e.note = m.note;
        }
        if (&m.evidence, &m.evidence_date) != (&b.evidence, &b.evidence_date) {
            e.evidence = m.evidence;
            e.evidence_date = m.evidence_date;
        }
        if e == Entry::default() {
            skills.remove(id);
        } else {
            skills.insert(id.clone(), e);
        }
    }
    // The profile, per field in the same way: ours where we changed it;
    // a section that does not read on disk is left as it is there (as a
    // skill entry that does not read), never written a second time.
    let mut profile = disk.profile.clone();
    let base_profile = if disk.bad_profile().is_some() {
        &mine.profile
    } else {
        &mine.disk.base_profile
    };
    if mine.profile.years != base_profile.years {
        profile.years = mine.profile.years;
    }
    if mine.profile.role != base_profile.role {
        profile.role = mine.profile.role.clone();
    }
    let mut history = disk.history;
    let mut history_baseline = disk.history_baseline;
    timeline::merge(
        &mine.history,
        &mine.disk.base_history,
        &mut history,
        &mut history_baseline,
    );
    Progress {
        version: VERSION,
        skills,
        profile,
        history_baseline,
        history,
        disk: disk.disk,
    }
}

/// How long a save in the app waits for another process's lock before it
/// gives up and says so (it retries later).
pub const APP_PATIENCE: Duration = Duration::from_millis(100);

/// Saves `progress` merged per field over what is on disk now (see
/// [`merge`]), under an exclusive lock on `<file>.lock` waited for at most
/// `patience`. On success `progress` holds the merged state, which is also
/// the new base. The file is written only if the merge changed it. A file on
/// disk that does not read (or is newer, read-only, not regular, too large)
/// is never written over: the error says why and the changes stay in memory.
pub fn save_merged(
    path: &Path,
    progress: &mut Progress,
    patience: Duration,
) -> Result<(), ProgressError> {
    let target = resolve(path)?;
    let _lock = lock(&target, patience)?;
    let disk = load_at(&target)?;
    let existed = disk.disk.stamp.is_some();
    let on_disk = (
        disk.skills.clone(),
        disk.profile.clone(),
        disk.history.clone(),
    );
    let mut merged = merge(progress, disk);
    if (&merged.skills, &merged.profile, &merged.history) != (&on_disk.0, &on_disk.1, &on_disk.2)
        || !existed
    {
        merged.disk.stamp = write::replace(&target, &to_yaml(&merged))?;
    }
    merged.disk.base = merged.skills.clone();
    merged.disk.base_profile = merged.profile.clone();
    merged.disk.base_history = merged.history.clone();
    *progress = merged;
    Ok(())
}

/// Reads the file again if it changed on disk since it was last read or
/// written, and merges it under the changes not saved yet (see [`merge`]).
/// Returns whether it had changed. If it no longer reads, memory is left as
/// it is and the error says why (once per change of the file).
pub fn refresh(path: &Path, progress: &mut Progress) -> Result<bool, ProgressError> {
    let target = resolve(path)?;
    let now = match std::fs::metadata(&target) {
        Ok(m) => Some(Stamp::of(&m)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(ProgressError::Io {
                path: target,
                source,
            });
        }
    };
    if now == progress.disk.stamp {
        return Ok(false);
    }
    progress.disk.stamp = now;
    let disk = load_at(&target)?;
    *progress = merge(progress, disk);
    Ok(true)
}

/// Holds an exclusive lock on `<target>.lock` until dropped; waits at most
/// `patience` for another process to let go, else [`ProgressError::Locked`].
fn lock(target: &Path, patience: Duration) -> Result<std::fs::File, ProgressError> {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let lock_path = target.with_file_name(name);
    let io = |source| ProgressError::LockFile {
        lock: lock_path.clone(),
        source,
    };
    if let Some(dir) = lock_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    // Checked to be a regular file first: a FIFO here would hang the open.
    let file = super::regular::open_lock(&lock_path).map_err(io)?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < patience => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(ProgressError::Locked { lock: lock_path });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
        }
    }
}

/// How many names the progress file at `path` has, when more than one: a
/// save replaces the file by renaming a new one over it (so a crash never
/// leaves half a file), which leaves the other hard links with the old
/// content. The app and `profile` warn; `None` for one name or no file.
pub fn hard_links(path: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    let target = resolve(path).ok()?;
    let n = std::fs::metadata(target).ok()?.nlink();
    (n > 1).then_some(n)
}

/// Removes temp files a killed save left behind, if no other instance holds
/// the lock (then it may be mid-save, and nothing is removed). Returns how
/// many were removed. Never waits.
pub fn clean_stale_temp_files(path: &Path) -> usize {
    let Ok(target) = resolve(path) else { return 0 };
    let Ok(_lock) = lock(&target, Duration::ZERO) else {
        return 0;
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            n.starts_with(write::TEMP_PREFIX) && n.ends_with(write::TEMP_SUFFIX)
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// Writes the whole file atomically (no merge, no lock): a temp file beside
/// the target (a symlink is followed) with the old file's mode, fsync,
/// rename. A crash at any moment leaves the old file or the new one.
pub fn save(path: &Path, progress: &Progress) -> Result<(), ProgressError> {
    write::replace(&resolve(path)?, &to_yaml(progress)).map(|_| ())
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The current time as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_rfc3339() -> String {
    format_rfc3339(unix_now())
}

/// Formats Unix seconds as RFC 3339 UTC (Howard Hinnant's civil-from-days).
pub fn format_rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Progress {
        parse(text.as_bytes(), Path::new("p.yaml")).unwrap()
    }

    fn slip(text: &str) -> String {
        parse(text.as_bytes(), Path::new("p.yaml"))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn rfc3339_known_dates() {
        assert_eq!(format_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_rfc3339(1_796_000_000), "2026-11-30T00:53:20Z");
    }

    #[test]
    fn round_trip_keeps_unknown_ids() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.yaml");
        let mut p = Progress::new();
        p.set_state("S01", State::Done, "t1".into());
        p.set_state("not_in_catalog", State::Learning, "t2".into());
        save(&path, &p).unwrap();
        let back = load(&path).unwrap();
        assert_eq!(back, p);
        assert!(back.disk.bad.is_empty());
    }

    #[test]
    fn a_file_that_does_not_parse_is_an_error_and_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.yaml");
        std::fs::write(&path, "skills: [unclosed").unwrap();
        let e = load(&path).unwrap_err().to_string();
        assert!(e.starts_with(&format!("{}:2:1: ", path.display())), "{e}");
        let mut p = Progress::new();
        p.set_state("S01", State::Done, "t".into());
        let e = save_merged(&path, &mut p, APP_PATIENCE).unwrap_err();
        assert!(e.is_bad_input(), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "skills: [unclosed");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            2,
            "file and lock only"
        );
    }

    #[test]
    fn states_read_in_any_capitalisation() {
        for s in ["done", "Done", "DONE", " done "] {
            assert_eq!(State::parse(s), Some(State::Done), "{s}");
        }
        assert_eq!(State::parse("Not Started"), Some(State::NotStarted));
        assert_eq!(State::parse("not-started"), Some(State::NotStarted));
        assert_eq!(State::parse("mastered"), None);
        for (i, n) in State::NAMES.iter().enumerate() {
            assert_eq!(State::parse(n).map(|s| s as usize), Some(i));
            assert_eq!(State::ALL[i].name(), *n);
        }
    }

    #[test]
    fn harmless_variations_load() {
        let want = {
            let mut p = Progress::new();
            p.skills.insert(
                "S01".into(),
                Entry {
                    state: State::Done,
                    note: "n".into(),
                    ..Entry::default()
                },
            );
            p
        };
        for text in [
            "\u{FEFF}version: 1\nskills:\n  S01:\n    state: done\n    note: n\n",
            "version: 1\r\nskills:\r\n  S01:\r\n    state: Done\r\n    note: n\r\n",
            "# mine\nskills: {S01: {state: DONE, note: \"n\"}}  # flow\n",
            "version: \"1\"\nskills:\n  S01: {state: done, note: n}\n",
            "version: 1\nbase: &b {state: done, note: n}\nskills:\n  S01: *b\n",
        ] {
            let p = parsed(text);
            assert_eq!(p, want, "{text:?}");
            assert_eq!(
                p.disk.bad.len(),
                usize::from(text.contains("base:")),
                "{text:?}"
            );
        }
        let p = parsed(
            "version: 1\nskills:\n  S01:\n    state: done\n    note: ~\n  S02: learning\n  S03:\n",
        );
        assert_eq!(p.note("S01"), "");
        assert_eq!(p.state("S02"), State::Learning);
        assert!(p.disk.bad.is_empty());
        for empty in ["", "# only a comment\n", "~\n", "version: 1\nskills: ~\n"] {
            assert_eq!(parsed(empty), Progress::new(), "{empty:?}");
        }
    }

    #[test]
    fn slips_name_line_column_and_cause() {
        let e = slip("version: 1\nskills:\n  S01: {state: done\n");
        assert!(e.starts_with("p.yaml:"), "{e}");
        assert_eq!(
            slip("version: 2\nskills: {}\n"),
            "p.yaml was written by a newer career-explorer (version 2); this one reads version 1: upgrade to use it (the file is left as it is)"
        );
        assert!(slip("version: x\n").starts_with("p.yaml:1:10: `version` must be 1"));
        assert!(slip("- a\n- b\n").starts_with("p.yaml:1:1: the file must be a mapping"));
        assert!(slip("a: 1\n---\nb: 2\n").contains("second YAML document"));
        assert!(slip("skills: {}\nskills: {}\n").starts_with("p.yaml:2:1: `skills` appears twice"));
        let latin1 = parse(
            b"version: 1\nskills:\n  S01:\n    note: caf\xe9\n",
            Path::new("p.yaml"),
        );
        assert_eq!(
            latin1.unwrap_err().to_string(),
            "p.yaml:4:14: not UTF-8 (byte 0xE9): save the file as UTF-8"
        );
    }

    #[test]
    fn one_bad_entry_is_reported_and_kept_the_rest_loads() {
        let text = "version: 1\nskills:\n  S01:\n    state: mastered\n    note: finished\n  S02:\n    state: learning\n  S01:\n    state: done\n  S03: [x]\nextra: 5\n";
        let p = parsed(text);
        assert_eq!(p.state("S02"), State::Learning);
        let msgs: Vec<String> = p
            .disk
            .bad
            .iter()
            .map(|b| b.describe(Path::new("p.yaml")))
            .collect();
        assert_eq!(msgs.len(), 4, "{msgs:#?}");
        assert!(msgs[0].starts_with("p.yaml:4:12: skill S01: unknown state `mastered`, expected one of not_started, learning, done, skipped"), "{}", msgs[0]);
        assert!(
            msgs[1].starts_with("p.yaml:8:3: skill S01: appears again"),
            "{}",
            msgs[1]
        );
        assert!(
            msgs[2].starts_with("p.yaml:10:8: skill S03:"),
            "{}",
            msgs[2]
        );
        assert!(
            msgs[3].starts_with("p.yaml:11:1: unknown top-level key `extra`"),
            "{}",
            msgs[3]
        );
        // Written back, the bad entries read the same.
        let again = parsed(&to_yaml(&p));
        assert_eq!(again, p);
        let keys = |p: &Progress| -> Vec<(String, bool)> {
            p.disk
                .bad
                .iter()
                .map(|b| (b.key.clone(), b.in_skills))
                .collect()
        };
        let (back, first) = (keys(&again), keys(&p));
        assert_eq!(back, first);
        assert!(to_yaml(&p).contains("state: mastered"));
    }

    #[test]
    fn an_alias_bomb_is_refused_not_expanded() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = i - 1;
            text.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n", p = if prev == 0 { String::new() } else { prev.to_string() }));
        }
        let e = slip(&text);
        assert!(
            e.contains("aliases (*name) expand to more than 100000 values"),
            "{e}"
        );
    }

    #[test]
    fn quoting_round_trips_every_character() {
        let all: String = (0u32..0x300)
            .chain([0x2028, 0x2029, 0xFEFF, 0xFFFD, 0x1F600])
            .filter_map(char::from_u32)
            .collect();
        let text = format!(
            "version: 1\nskills:\n  S01:\n    state: done\n    note: {}\n",
            quote(&all)
        );
        let p = parse(text.as_bytes(), Path::new("p")).unwrap();
        assert_eq!(p.note("S01"), crate::text::sanitize(&all));
        for s in [
            "yes",
            "No",
            "on",
            "OFF",
            "y",
            "n",
            "~",
            "null",
            "12:30",
            "1_000",
            "0755",
            "2024-01-01",
            "=",
            "<<",
            "",
        ] {
            let q = quote(s);
            assert!(q.starts_with('"') && q.ends_with('"'), "{q}");
        }
    }

    #[test]
    fn toggling_a_state_sets_it_then_clears_it() {
        let mut p = Progress::new();
        p.toggle_state("S01", State::Done, "t1".into());
        assert_eq!(p.state("S01"), State::Done);
        assert_eq!(p.skills["S01"].changed.as_deref(), Some("t1"));
        p.toggle_state("S01", State::Learning, "t2".into());
        assert_eq!(p.state("S01"), State::Learning, "another state replaces");
        p.toggle_state("S01", State::Learning, "t3".into());
        assert_eq!(p.state("S01"), State::NotStarted);
        p.toggle_state("S01", State::Skipped, "t4".into());
        assert_eq!(p.state("S01"), State::Skipped);
        assert_eq!(p.skills["S01"].changed.as_deref(), Some("t4"));
        assert_eq!(p.state("S99"), State::NotStarted, "no entry: not started");
    }

    #[test]
    fn notes_are_trimmed_and_sanitised() {
        let mut p = Progress::new();
        p.set_note("S01", "  did the RAG tutorial\u{1b}[2J  ");
        assert_eq!(p.note("S01"), "did the RAG tutorial\u{FFFD}[2J");
        assert_eq!(
            p.state("S01"),
            State::NotStarted,
            "a note alone keeps the state"
        );
    }

    #[test]
    fn two_writers_keep_both_changes_per_field() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.yaml");
        let mut a = load(&path).unwrap();
        let mut b = load(&path).unwrap();
        a.set_state("S01", State::Done, "t".into());
        a.set_note("S02", "from a");
        save_merged(&path, &mut a, APP_PATIENCE).unwrap();
        b.set_state("S02", State::Learning, "t".into());
        save_merged(&path, &mut b, APP_PATIENCE).unwrap();
        let disk = load(&path).unwrap();
        assert_eq!(disk.state("S01"), State::Done, "first writer's change kept");
        assert_eq!(disk.state("S02"), State::Learning);
        assert_eq!(
            disk.note("S02"),
            "from a",
            "the other field of the same skill kept"
        );
        assert_eq!(b, disk, "the second sees the first's change");
        assert!(
            refresh(&path, &mut a).unwrap(),
            "a notices the file changed"
        );
        assert_eq!(a, disk);
    }

    #[test]
    fn the_profile_is_merged_per_field_and_written_only_when_given() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.yaml");
        let mut a = load(&path).unwrap();
        let mut b = load(&path).unwrap();
        a.profile.years = Some(4);
        a.profile.role = Some("fullstack_engineer".into());
        save_merged(&path, &mut a, APP_PATIENCE).unwrap();
        // Another copy that changed only a skill keeps the profile on disk.
        b.set_state("S02", State::Done, "t".into());
        save_merged(&path, &mut b, APP_PATIENCE).unwrap();
        let disk = load(&path).unwrap();
        assert_eq!(
            disk.profile.years,
            Some(4),
            "a skill save keeps the profile"
        );
        assert_eq!(disk.profile.role.as_deref(), Some("fullstack_engineer"));
        assert_eq!(
            b.profile, disk.profile,
            "the other copy sees it after its save"
        );
        // Per field: one copy changes the years, the other the role.
        let mut c = load(&path).unwrap();
        let mut d = load(&path).unwrap();
        c.profile.years = Some(5);
        save_merged(&path, &mut c, APP_PATIENCE).unwrap();
        d.profile.role = Some("data_scientist".into());
        save_merged(&path, &mut d, APP_PATIENCE).unwrap();
        let disk = load(&path).unwrap();
        assert_eq!(disk.profile.years, Some(5));
        assert_eq!(disk.profile.role.as_deref(), Some("data_scientist"));
        // No profile: no section in the file.
        save(&path, &Progress::new()).unwrap();
        assert!(!std::fs::read_to_string(&path).unwrap().contains("profile"));
    }

    #[test]
    fn stale_temp_files_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.yaml");
        std::fs::write(dir.path().join(".progress-abc.tmp"), "half").unwrap();
        std::fs::write(dir.path().join("keep.txt"), "x").unwrap();
        assert_eq!(clean_stale_temp_files(&path), 1);
        assert!(dir.path().join("keep.txt").exists());
    }

    #[test]
    fn missing_file_is_a_fresh_start() {
        let dir = tempfile::tempdir().unwrap();
        let p = load(&dir.path().join("none.yaml")).unwrap();
        assert!(p.skills.is_empty());
    }
}
