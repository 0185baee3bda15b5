//! The user's self-assessment: one YAML file, read once at start and written
//! atomically on every change. Entries for ids the catalog does not know are
//! kept untouched (the user may switch between data sets).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

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

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub state: State,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When the state last changed, UTC, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<String>,
}

/// The file's shape; `version` lets a later release migrate it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    pub version: u32,
    #[serde(default)]
    pub skills: BTreeMap<String, Entry>,
    /// What the user says about themselves (years, current role).
    #[serde(default, skip_serializing_if = "Profile::is_empty")]
    pub profile: Profile,
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
            entry.changed = Some(now);
        }
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
}

/// What loading found besides the progress itself.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LoadNotice {
    /// Where an unreadable file was moved to.
    pub corrupt_moved_to: Option<PathBuf>,
}

/// The default location: `$XDG_DATA_HOME/career-explorer/progress.yaml`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "career-explorer")
        .map(|d| d.data_dir().join("progress.yaml"))
}

/// Reads the progress file. A missing file is a fresh start; a file that does not
/// parse is renamed to `<name>.corrupt-<unix time>` (never overwritten) and reported.
pub fn load(path: &Path) -> std::io::Result<(Progress, LoadNotice)> {
    match read(path)? {
        Some(p) => Ok((p, LoadNotice::default())),
        None => {
            let aside = corrupt_name(path);
            std::fs::rename(path, &aside)?;
            Ok((
                Progress::new(),
                LoadNotice {
                    corrupt_moved_to: Some(aside),
                },
            ))
        }
    }
}

/// Reads the progress file without changing anything: a fresh `Progress` if
/// there is no file, `None` if it does not parse.
pub fn read(path: &Path) -> std::io::Result<Option<Progress>> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Some(Progress::new())),
        Err(e) => return Err(e),
    };
    let parsed = std::str::from_utf8(&bytes)
        .ok()
        .filter(|t| crate::yamlcheck::check(t).is_ok())
        .and_then(|t| serde_yaml::from_str::<Progress>(t).ok());
    Ok(parsed.map(|mut p| {
        for e in p.skills.values_mut() {
            e.note = crate::text::sanitize(&e.note);
        }
        p
    }))
}

fn corrupt_name(path: &Path) -> PathBuf {
    let secs = unix_now();
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".corrupt-{secs}"));
    let mut aside = path.with_file_name(&name);
    let mut n = 1;
    while aside.exists() {
        let mut again = name.clone();
        again.push(format!("-{n}"));
        aside = path.with_file_name(again);
        n += 1;
    }
    aside
}

/// Saves the entries named in `changed`, merged over what is on disk now, so
/// a second instance's changes to other skills are not lost. The read-merge-
/// write runs under an exclusive lock on `<file>.lock`. On success `progress`
/// holds the merged state (the other instance's changes included).
pub fn save_merged(
    path: &Path,
    progress: &mut Progress,
    changed: &std::collections::BTreeSet<String>,
) -> std::io::Result<()> {
    let _lock = lock(path)?;
    let mut merged = match std::fs::read(path) {
        Ok(bytes) => std::str::from_utf8(&bytes)
            .ok()
            .filter(|t| crate::yamlcheck::check(t).is_ok())
            .and_then(|t| serde_yaml::from_str::<Progress>(t).ok())
            // Unreadable on disk now: our full state replaces it, but the
            // unreadable file is kept aside first, as at start.
            .map_or_else(
                || {
                    std::fs::rename(path, corrupt_name(path))?;
                    Ok::<_, std::io::Error>(progress.clone())
                },
                Ok,
            )?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => progress.clone(),
        Err(e) => return Err(e),
    };
    for id in changed {
        if id == PROFILE_KEY {
            merged.profile = progress.profile.clone();
            continue;
        }
        match progress.skills.get(id) {
            Some(entry) => merged.skills.insert(id.clone(), entry.clone()),
            None => merged.skills.remove(id),
        };
    }
    merged.version = VERSION;
    save(path, &merged)?;
    *progress = merged;
    Ok(())
}

/// Holds an exclusive lock on `<file>.lock` until dropped.
fn lock(path: &Path) -> std::io::Result<std::fs::File> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let lock_path = path.with_file_name(name);
    if let Some(dir) = lock_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path)?;
    file.lock()?;
    Ok(file)
}

/// Removes temp files a killed save left behind, under the lock so that no
/// other instance is mid-save. Returns how many were removed.
pub fn clean_stale_temp_files(path: &Path) -> usize {
    let Ok(_lock) = lock(path) else { return 0 };
    let dir = match path.parent() {
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
            n.starts_with(TEMP_PREFIX) && n.ends_with(TEMP_SUFFIX)
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

const TEMP_PREFIX: &str = ".progress-";
const TEMP_SUFFIX: &str = ".tmp";

/// Writes the file atomically: a temp file in the same folder, fsync, rename.
/// A crash at any moment leaves the old file or the new one, never a torn one.
pub fn save(path: &Path, progress: &Progress) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let text = serde_yaml::to_string(progress).map_err(std::io::Error::other)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(b"# career-explorer progress: skill states and notes\n")?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
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
        let (back, notice) = load(&path).unwrap();
        assert_eq!(back, p);
        assert_eq!(notice, LoadNotice::default());
    }

    #[test]
    fn corrupt_file_is_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.yaml");
        std::fs::write(&path, "skills: [unclosed").unwrap();
        let (p, notice) = load(&path).unwrap();
        assert_eq!(p, Progress::new());
        let aside = notice.corrupt_moved_to.expect("reported");
        assert_eq!(std::fs::read_to_string(aside).unwrap(), "skills: [unclosed");
        assert!(!path.exists());
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
    fn two_writers_keep_both_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.yaml");
        let (mut a, _) = load(&path).unwrap();
        let (mut b, _) = load(&path).unwrap();
        a.set_state("S01", State::Done, "t".into());
        save_merged(&path, &mut a, &["S01".to_string()].into()).unwrap();
        b.set_state("S02", State::Learning, "t".into());
        save_merged(&path, &mut b, &["S02".to_string()].into()).unwrap();
        let (disk, _) = load(&path).unwrap();
        assert_eq!(disk.state("S01"), State::Done, "first writer's change kept");
        assert_eq!(disk.state("S02"), State::Learning);
        assert_eq!(
            b.state("S01"),
            State::Done,
            "the second sees the first's change"
        );
    }

    #[test]
    fn the_profile_is_saved_only_when_it_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.yaml");
        let (mut a, _) = load(&path).unwrap();
        let (mut b, _) = load(&path).unwrap();
        a.profile.years = Some(4);
        a.profile.role = Some("fullstack_engineer".into());
        save_merged(&path, &mut a, &[PROFILE_KEY.to_string()].into()).unwrap();
        b.set_state("S02", State::Done, "t".into());
        save_merged(&path, &mut b, &["S02".to_string()].into()).unwrap();
        let (disk, _) = load(&path).unwrap();
        assert_eq!(
            disk.profile.years,
            Some(4),
            "a skill save keeps the profile"
        );
        assert_eq!(disk.profile.role.as_deref(), Some("fullstack_engineer"));
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
        let (p, _) = load(&dir.path().join("none.yaml")).unwrap();
        assert!(p.skills.is_empty());
    }
}
