//! The progress file under stress: a folder that refuses writes, a saver
//! killed mid-write, two instances saving at once, entries for skills the
//! data does not know, and a file that does not parse.
//!
//! Tests that need a second process re-run this test binary on one `child_*`
//! test, which does nothing unless its environment variable is set.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::sleep;
use std::time::Duration;

use crate::common::bundled_catalog;
use career_core::model::Lang;
use career_core::store::progress::{
    Progress, State, clean_stale_temp_files, format_rfc3339, load, save, save_merged,
};
use career_explorer::cli::startup_notice;
use career_explorer::tui;
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::{App, Effect};

const CHILD_FILE: &str = "PERSIST_CHILD_FILE";
const MERGE_FILE: &str = "PERSIST_MERGE_FILE";
const MERGE_PREFIX: &str = "PERSIST_MERGE_PREFIX";
const READ_ONLY_DIR: &str = "PERSIST_READ_ONLY_DIR";

/// The kill loop's child stops by itself once this file is gone (its parent
/// test ended and removed the temp folder), so an orphan cannot spin forever.
const RUNNING_MARKER: &str = "parent-is-running";
/// Uid and gid of `nobody`, for the read-only folder run when tests run as root.
const NOBODY: u32 = 65_534;

fn app_with(progress: Progress) -> App {
    let mut a = App::new(bundled_catalog(), progress, Lang::En);
    a.clock = || "2026-11-29T00:00:00Z".into();
    a.update(Action::Resize(100, 30));
    a
}

/// Ticks the skill below the cursor in the checklist, as a user would, and
/// returns its id.
fn tick_next(app: &mut App) -> String {
    app.update(Action::GoPane(Pane::Skills));
    app.update(Action::Down);
    let skill = app.focused_skill().expect("a skill has the focus");
    let id = app.catalog.skills[skill].id.clone();
    assert_eq!(app.progress.state(&id), State::NotStarted, "{id} was open");
    assert_eq!(app.update(Action::Toggle), Effect::Save);
    assert_eq!(app.progress.state(&id), State::Done);
    id
}

/// Every file (with its bytes) and folder (None) below `root`.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Option<Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![root.to_path_buf()];
    while let Some(dir) = todo.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                out.insert(p.clone(), None);
                todo.push(p);
            } else {
                out.insert(p.clone(), Some(fs::read(&p).unwrap()));
            }
        }
    }
    out
}

fn temp_files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(".progress-") && n.ends_with(".tmp")
        })
        .map(|e| e.path())
        .collect()
}

/// This test binary. `/proc/self/exe` runs it even when a rebuild has
/// replaced the file during the run (`current_exe` then names a deleted path).
fn this_binary() -> PathBuf {
    let proc = Path::new("/proc/self/exe");
    if proc.exists() {
        proc.to_path_buf()
    } else {
        std::env::current_exe().unwrap()
    }
}

/// This test binary, run on exactly one test of this file.
fn child(test: &str) -> Command {
    child_of(this_binary(), test)
}

/// The full name of this file's test `test`: the binary names its tests by
/// their path below the crate root (`persistence::child_save_loop`).
fn test_name(test: &str) -> String {
    let module = module_path!().split_once("::").map_or("", |(_, m)| m);
    format!("{module}::{test}")
}

/// `exe` run on exactly the test `test` of this file.
fn child_of(exe: PathBuf, test: &str) -> Command {
    let mut c = Command::new(exe);
    c.args([
        "--exact",
        &test_name(test),
        "--nocapture",
        "--test-threads",
        "1",
    ])
    .stdin(Stdio::null());
    c
}

/// Waits for a child; a hang guard (kill and fail after ~120 s), not a timing
/// assertion.
fn wait_bounded(child: &mut Child, what: &str) -> ExitStatus {
    for _ in 0..12_000 {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("{what} still running after 120 s");
}

/// Waits for a child that pipes its output; returns its status and output.
fn finish(mut child: Child, what: &str) -> (ExitStatus, String) {
    let status = wait_bounded(&mut child, what);
    let mut out = String::new();
    if let Some(mut s) = child.stdout.take() {
        s.read_to_string(&mut out).unwrap();
    }
    if let Some(mut s) = child.stderr.take() {
        s.read_to_string(&mut out).unwrap();
    }
    (status, out)
}

// ---------------------------------------------------------------------------
// 1. A folder that refuses the write
// ---------------------------------------------------------------------------

/// One change saved; the save blocked by `block`; a second change must fail
/// to save without losing it or touching anything on disk; `unblock`; a third
/// change must save both pending changes (the retry).
fn fail_then_retry(root: &Path, path: &Path, block: impl FnOnce(), unblock: impl FnOnce()) {
    let mut app = app_with(Progress::new());
    let first = tick_next(&mut app);
    tui::save(&mut app, path);
    assert_eq!(app.status, None, "the first save works");
    assert!(app.dirty.is_empty());
    let saved = fs::read(path).unwrap();

    block();
    let before = snapshot(root);
    let second = tick_next(&mut app);
    tui::save(&mut app, path);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("not saved"), "status line: {status:?}");
    assert_eq!(
        app.progress.state(&second),
        State::Done,
        "the change stays in memory"
    );
    assert_eq!(app.progress.state(&first), State::Done);
    assert!(
        app.dirty.contains(&second),
        "the change stays queued: {:?}",
        app.dirty
    );
    assert_eq!(
        snapshot(root),
        before,
        "a failed save changes nothing on disk"
    );
    // The app goes on working.
    app.update(Action::Up);
    app.update(Action::Down);
    assert!(!app.quit);

    unblock();
    assert_eq!(
        fs::read(path).unwrap(),
        saved,
        "the old file is byte-identical"
    );
    let third = tick_next(&mut app);
    tui::save(&mut app, path);
    assert_eq!(app.status, None, "the retry saves");
    assert!(app.dirty.is_empty(), "{:?}", app.dirty);
    let disk = load(path).unwrap();
    assert!(disk.disk.bad.is_empty());
    for id in [&first, &second, &third] {
        assert_eq!(disk.state(id), State::Done, "{id} on disk");
    }
    assert_eq!(disk, app.progress, "disk and memory agree");
}

/// Puts the folder's mode back even if the test fails, so it can be removed.
struct Writable<'a>(&'a Path);

impl Drop for Writable<'_> {
    fn drop(&mut self) {
        let _ = fs::set_permissions(self.0, fs::Permissions::from_mode(0o755));
    }
}

/// Whether a read-only folder stops this process (false for root).
fn folder_permissions_apply(base: &Path) -> bool {
    let dir = base.join("probe");
    fs::create_dir(&dir).unwrap();
    let guard = Writable(&dir);
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).unwrap();
    let refused = fs::write(dir.join("probe.txt"), "x").is_err();
    drop(guard);
    fs::remove_dir_all(&dir).unwrap();
    refused
}

/// The real thing: the progress folder becomes read-only (chmod 0o555).
fn read_only_folder(base: &Path) {
    let dir = base.join("data");
    fs::create_dir(&dir).unwrap();
    let _guard = Writable(&dir);
    let chmod = |mode| fs::set_permissions(&dir, fs::Permissions::from_mode(mode)).unwrap();
    fail_then_retry(
        &dir,
        &dir.join("progress.yaml"),
        || chmod(0o555),
        || chmod(0o755),
    );
}

#[test]
fn read_only_folder_keeps_the_app_running_and_retries() {
    let base = tempfile::tempdir().unwrap();

    if folder_permissions_apply(base.path()) {
        read_only_folder(base.path());
    } else {
        // Root ignores folder permissions: run the chmod case in a child
        // that has dropped to `nobody`.
        // tempdir() makes its folder 0o700; nobody must get through it.
        fs::set_permissions(base.path(), fs::Permissions::from_mode(0o755)).unwrap();
        let dir = base.path().join("as-nobody");
        fs::create_dir(&dir).unwrap();
        std::os::unix::fs::chown(&dir, Some(NOBODY), Some(NOBODY)).unwrap();
        let spawned = child("child_read_only_folder")
            .env(READ_ONLY_DIR, &dir)
            .uid(NOBODY)
            .gid(NOBODY)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn();
        match spawned {
            Ok(c) => {
                let (status, out) = finish(c, "the read-only child");
                assert!(status.success(), "as nobody: {status}\n{out}");
                assert!(out.contains("1 passed"), "the child test ran: {out}");
            }
            // No CAP_SETUID, or `nobody` cannot run this binary: the two
            // cases below still block a root save.
            Err(e) => eprintln!("read-only folder as nobody skipped: {e}"),
        }
    }

    // Blocks that stop root too. The lock file's path is a folder: the save
    // cannot take the lock and must not write around it.
    let root = base.path().join("lock-blocked");
    let path = root.join("progress.yaml");
    let lock = root.join("progress.yaml.lock");
    fail_then_retry(
        &root,
        &path,
        || {
            let _ = fs::remove_file(&lock);
            fs::create_dir(&lock).unwrap();
        },
        || fs::remove_dir(&lock).unwrap(),
    );

    // The progress folder is replaced by a regular file; the old folder
    // (with the old progress file) is kept beside it and comes back after.
    let root = base.path().join("folder-is-a-file");
    let folder = root.join("progress-dir");
    let away = root.join("progress-dir.away");
    fail_then_retry(
        &root,
        &folder.join("progress.yaml"),
        || {
            fs::rename(&folder, &away).unwrap();
            fs::write(&folder, "a file where the folder was").unwrap();
        },
        || {
            fs::remove_file(&folder).unwrap();
            fs::rename(&away, &folder).unwrap();
        },
    );
}

/// Child of the test above when it runs as root: the chmod case as `nobody`.
#[test]
fn child_read_only_folder() {
    let Some(dir) = std::env::var_os(READ_ONLY_DIR) else {
        return;
    };
    let dir = PathBuf::from(dir);
    assert!(
        folder_permissions_apply(&dir),
        "the child still ignores folder permissions"
    );
    read_only_folder(&dir);
}

// ---------------------------------------------------------------------------
// 2. kill -9 during saves
// ---------------------------------------------------------------------------

/// Save number `n` of process `pid`: 42 skills in changing states and a note
/// of changing length (up to ~4 KB) that starts with "pid <pid> save <n>".
fn varied_progress(pid: u32, n: u64) -> Progress {
    let mut p = Progress::new();
    let states = [
        State::NotStarted,
        State::Learning,
        State::Done,
        State::Skipped,
    ];
    for i in 1..=42u64 {
        let id = format!("S{i:02}");
        p.set_state(
            &id,
            states[((i + n) % 4) as usize],
            format_rfc3339(n * 60 + i),
        );
        if (i + n).is_multiple_of(5) {
            p.set_note(&id, &format!("note {n} for {id}"));
        }
    }
    let filler = "x".repeat(((n * 397) % 4000) as usize);
    p.set_note("S01", &format!("pid {pid} save {n} {filler}"));
    p
}

/// The (pid, n) a file written by `varied_progress` was made from.
fn writer_of(p: &Progress) -> Option<(u32, u64)> {
    let mut words = p.note("S01").split_whitespace();
    match (words.next(), words.next(), words.next(), words.next()) {
        (Some("pid"), Some(pid), Some("save"), Some(n)) => {
            Some((pid.parse().ok()?, n.parse().ok()?))
        }
        _ => None,
    }
}

/// 0..=30 ms, from a linear congruential generator seeded by `i`.
fn delay_ms(i: u64) -> u64 {
    let x = i
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    (x >> 33) % 31
}

#[test]
fn killing_a_saver_never_leaves_a_torn_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    fs::write(dir.path().join(RUNNING_MARKER), "").unwrap();
    let (mut found, mut by_this_child) = (0, 0);
    for i in 0..200u64 {
        let mut c = child("child_save_loop")
            .env(CHILD_FILE, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Even rounds wait for this child's first save, so the kill lands in
        // the middle of its save loop; odd rounds kill at any moment, start-up
        // included.
        if i.is_multiple_of(2) {
            let marker = format!("pid {} save ", c.id());
            let mut seen = false;
            for _ in 0..10_000 {
                if fs::read(&path).is_ok_and(|b| String::from_utf8_lossy(&b).contains(&marker)) {
                    seen = true;
                    break;
                }
                sleep(Duration::from_millis(1));
            }
            if !seen {
                let _ = c.kill();
                let _ = c.wait();
                panic!("round {i}: the child never saved");
            }
        }
        sleep(Duration::from_millis(delay_ms(i)));
        c.kill().unwrap();
        c.wait().unwrap();

        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                assert_eq!(found, 0, "round {i}: the file vanished after a save");
                continue;
            }
            Err(e) => panic!("round {i}: {e}"),
        };
        found += 1;
        assert!(!bytes.is_empty(), "round {i}: empty progress file");
        let disk = load(&path).unwrap_or_else(|e| {
            panic!(
                "round {i}: torn file: {e}\n{}",
                String::from_utf8_lossy(&bytes)
            )
        });
        // Not just parseable: exactly one whole save.
        let (pid, n) = writer_of(&disk).unwrap_or_else(|| panic!("round {i}: no marker"));
        assert_eq!(disk, varied_progress(pid, n), "round {i}: a mix of saves");
        if pid == c.id() {
            by_this_child += 1;
        }
    }
    assert!(found > 100, "only {found} of 200 rounds found a file");
    assert!(
        by_this_child >= 100,
        "only {by_this_child} kills hit a saving child"
    );

    let stale = temp_files(dir.path());
    assert!(!stale.is_empty(), "200 kills mid-save left no temp file");
    assert_eq!(clean_stale_temp_files(&path), stale.len());
    assert_eq!(temp_files(dir.path()), Vec::<PathBuf>::new());
    assert!(load(&path).is_ok(), "cleaning kept the progress file");
    eprintln!(
        "kill loop: {found} files checked, {} temp files cleaned",
        stale.len()
    );
}

/// Child of the kill loop: saves a changing progress until killed.
#[test]
fn child_save_loop() {
    let Some(path) = std::env::var_os(CHILD_FILE) else {
        return;
    };
    let path = PathBuf::from(path);
    let running = path.with_file_name(RUNNING_MARKER);
    let pid = std::process::id();
    for n in 0..1_000_000 {
        if !running.exists() {
            return;
        }
        save(&path, &varied_progress(pid, n)).unwrap();
    }
}

// ---------------------------------------------------------------------------
// 3. Two instances saving at once
// ---------------------------------------------------------------------------

#[test]
fn two_processes_saving_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let writers: Vec<Child> = ["A", "B"]
        .into_iter()
        .map(|prefix| {
            child("child_merge_writer")
                .env(MERGE_FILE, &path)
                .env(MERGE_PREFIX, prefix)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    // Both wait for this, so their saves overlap.
    fs::write(dir.path().join("go"), "").unwrap();
    for (w, prefix) in writers.into_iter().zip(["A", "B"]) {
        let (status, out) = finish(w, &format!("writer {prefix}"));
        assert!(status.success(), "writer {prefix}: {status}\n{out}");
        assert!(out.contains("1 passed"), "writer {prefix} ran: {out}");
    }
    let disk = load(&path).unwrap();
    assert!(disk.disk.bad.is_empty());
    let missing: Vec<String> = ["A", "B"]
        .iter()
        .flat_map(|p| (0..100).map(move |i| format!("{p}{i:03}")))
        .filter(|id| disk.state(id) != State::Done)
        .collect();
    assert!(missing.is_empty(), "lost: {missing:?}");
    assert_eq!(disk.skills.len(), 200);
}

/// Child of the test above: 100 merged saves of its own ids.
#[test]
fn child_merge_writer() {
    let (Some(path), Some(prefix)) = (
        std::env::var_os(MERGE_FILE),
        std::env::var(MERGE_PREFIX).ok(),
    ) else {
        return;
    };
    let path = PathBuf::from(path);
    let go = path.with_file_name("go");
    let mut waited = 0;
    while !go.exists() {
        assert!(waited < 10_000, "no go signal");
        sleep(Duration::from_millis(1));
        waited += 1;
    }
    let mut p = Progress::new();
    for i in 0..100 {
        let id = format!("{prefix}{i:03}");
        p.set_state(&id, State::Done, "2026-11-29T00:00:00Z".into());
        // A long patience: the other writer holds the lock in turns.
        save_merged(&path, &mut p, Duration::from_secs(60)).unwrap();
        assert_eq!(p.state(&id), State::Done, "own change kept after merge");
    }
}

// ---------------------------------------------------------------------------
// 4. Entries for skills the data does not have
// ---------------------------------------------------------------------------

#[test]
fn unknown_ids_survive_a_save_from_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    fs::write(
        &path,
        "version: 1\n\
         skills:\n  \
           old_skill_from_v0:\n    \
             state: learning\n    \
             note: from the first data set\n    \
             changed: 2024-05-01T10:00:00Z\n  \
           S01:\n    \
             state: done\n",
    )
    .unwrap();
    let progress = load(&path).unwrap();
    assert!(progress.disk.bad.is_empty());
    let old = progress.skills["old_skill_from_v0"].clone();
    assert_eq!(old.state, State::Learning);
    assert_eq!(old.note, "from the first data set");

    let mut app = app_with(progress);
    let msg = startup_notice(&app, &path).unwrap_or_default();
    assert!(msg.contains("old_skill_from_v0"), "startup notice: {msg:?}");
    assert!(!msg.contains("S01"), "S01 is known: {msg:?}");

    let ticked = tick_next(&mut app);
    tui::save(&mut app, &path);
    assert_eq!(app.status, None);
    let disk = load(&path).unwrap();
    assert!(disk.disk.bad.is_empty());
    assert_eq!(
        disk.skills.get("old_skill_from_v0"),
        Some(&old),
        "kept as is"
    );
    assert_eq!(disk.state("S01"), State::Done);
    assert_eq!(disk.state(&ticked), State::Done);
    assert_eq!(disk.skills.len(), 3, "{disk:?}");
}

// ---------------------------------------------------------------------------
// 5. A file that does not parse
// ---------------------------------------------------------------------------

/// A file that does not parse is never moved or written over: the app's
/// saves are refused with the file, line, column and cause, the changes stay
/// in memory, and once the user fixes the file the next save merges them.
#[test]
fn a_file_that_does_not_parse_is_left_alone_and_not_saved_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let garbage: [(&[u8], &str); 2] = [
        (b"skills: [unclosed", ":2:1: "),
        // Well-formed YAML but not UTF-8 (Latin-1 bytes in the note).
        (
            b"version: 1\nskills:\n  S01:\n    state: done\n    note: caf\xe9 \xff\xfe\n",
            ":5:14: not UTF-8",
        ),
    ];
    for (bad, at) in garbage {
        fs::write(&path, bad).unwrap();
        let err = load(&path).unwrap_err().to_string();
        assert!(err.starts_with(&format!("{}{at}", path.display())), "{err}");
        let mut app = app_with(Progress::new());
        let ticked = tick_next(&mut app);
        tui::save(&mut app, &path);
        let status = app.status.clone().unwrap_or_default();
        assert!(
            status.contains("not saved") && status.contains(at),
            "{status}"
        );
        assert!(app.dirty.contains(&ticked), "the change stays queued");
        assert_eq!(fs::read(&path).unwrap(), bad, "byte for byte");
        let names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "nothing moved aside: {names:?}");

        fs::write(&path, "version: 1\nskills:\n  S40: {state: learning}\n").unwrap();
        tui::save(&mut app, &path);
        assert_eq!(app.status, None);
        let disk = load(&path).unwrap();
        assert_eq!(disk.state(&ticked), State::Done);
        assert_eq!(
            disk.state("S40"),
            State::Learning,
            "the fixed file's entry kept"
        );
    }
}

// ---------------------------------------------------------------------------
// 6. A full disk
// ---------------------------------------------------------------------------

/// A save that hits the file-size limit (what a full disk looks like to a
/// writer: the write fails part-way) keeps the old file byte-identical, leaves
/// no temp file, and the app keeps running with a visible message. The child
/// runs under `ulimit -f 2` (1 KiB) with SIGXFSZ ignored, so the write fails
/// with EFBIG instead of killing it.
#[test]
fn a_full_disk_keeps_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let mut p = Progress::new();
    p.set_state("S01", State::Done, "2026-11-29T00:00:00Z".into());
    save(&path, &p).unwrap();
    let before = fs::read(&path).unwrap();
    assert!(before.len() < 1024, "the old file fits under the limit");

    let script =
        r#"trap '' XFSZ; ulimit -f 2 && exec "$0" --exact "$1" --nocapture --test-threads 1"#;
    let child = Command::new("sh")
        .args(["-c", script])
        // A real path: /proc/self/exe would name the shell inside it.
        .arg(std::env::current_exe().unwrap())
        .arg(test_name("child_disk_full"))
        .env("PERSIST_FULL_FILE", &path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (status, out) = finish(child, "the disk-full child");
    assert!(status.success(), "{out}");
    assert!(out.contains("1 passed"), "the child ran its test: {out}");
    assert_eq!(fs::read(&path).unwrap(), before, "old file byte-identical");
    assert!(temp_files(dir.path()).is_empty(), "no temp file left");
}

#[test]
fn child_disk_full() {
    let Some(path) = std::env::var_os("PERSIST_FULL_FILE").map(PathBuf::from) else {
        return;
    };
    let before = fs::read(&path).unwrap();
    let progress = career_core::store::progress::load(&path).unwrap();
    let mut app = app_with(progress);
    // A long note makes the new file larger than the 1 KiB limit.
    let id = tick_next(&mut app);
    app.progress.set_note(&id, &"x".repeat(4096));
    tui::save(&mut app, &path);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("not saved"), "{status}");
    assert!(app.dirty.contains(&id), "the change stays queued");
    assert_eq!(app.progress.state(&id), State::Done, "and in memory");
    assert_eq!(fs::read(&path).unwrap(), before);
}

// ---------------------------------------------------------------------------
// 7. Files that are not what they should be
// ---------------------------------------------------------------------------

/// A FIFO or a device is refused at once (not opened, so never hung on) and
/// never renamed or written; saves over it are refused too.
#[test]
fn a_fifo_or_a_device_is_refused_not_hung_on_or_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("progress.yaml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    for (path, kind) in [
        (fifo.as_path(), "a FIFO"),
        (Path::new("/dev/null"), "a device"),
    ] {
        let err = load(path).unwrap_err();
        assert!(err.is_bad_input());
        assert_eq!(
            err.to_string(),
            format!(
                "{} is not a regular file ({kind}): the progress file must be one",
                path.display()
            )
        );
    }
    let mut app = app_with(Progress::new());
    tick_next(&mut app);
    tui::save(&mut app, &fifo);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("not a regular file (a FIFO)"), "{status}");
    let kind = fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "still the FIFO"
    );
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(
        names.len(),
        2,
        "the FIFO and the lock file, nothing renamed"
    );
}

/// A file over 16 MiB is refused before it is read, with its size.
#[test]
fn a_file_over_16_mib_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let f = fs::File::create(&path).unwrap();
    // Sparse: no 17 MiB written, and nothing in it would parse anyway.
    f.set_len(17 << 20).unwrap();
    let err = load(&path).unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "{} is 17825792 bytes: a progress file may be at most 16 MiB; it was not read",
            path.display()
        )
    );
}

/// A read-only file is not written over: the save says so and waits.
#[test]
fn a_read_only_file_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    fs::write(&path, "version: 1\nskills: {}\n").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let mut app = app_with(Progress::new());
    let id = tick_next(&mut app);
    tui::save(&mut app, &path);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("is read-only"), "{status}");
    assert!(app.dirty.contains(&id));
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "version: 1\nskills: {}\n"
    );
}

/// CRLF line ends and a leading comment block survive a save; a change on
/// disk while the app has nothing unsaved is merged in, not moved aside.
#[test]
fn crlf_and_comments_are_kept_and_disk_changes_merged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    fs::write(
        &path,
        "# mine\r\n# two\r\nversion: 1\r\nskills:\r\n  S40: {state: skipped}\r\n",
    )
    .unwrap();
    let mut app = app_with(load(&path).unwrap());
    let id = tick_next(&mut app);
    tui::save(&mut app, &path);
    assert_eq!(app.status, None);
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("# mine\r\n# two\r\nversion: 1\r\n"),
        "{text:?}"
    );
    assert!(!text.replace("\r\n", "").contains('\n'), "{text:?}");
    fs::write(
        &path,
        text.replace("S40:\r\n    state: skipped", "S40:\r\n    state: done"),
    )
    .unwrap();
    assert!(career_core::store::progress::refresh(&path, &mut app.progress).unwrap());
    assert_eq!(app.progress.state("S40"), State::Done, "merged from disk");
    assert_eq!(app.progress.state(&id), State::Done, "own change kept");
}
