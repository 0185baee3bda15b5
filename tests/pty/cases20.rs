//! Issue 20's cases (`../shared/cases/`), one test each, named after the
//! case's folder, and issue 18's one way out: every subcommand, found in
//! clap's command tree, ends quietly into a closed pipe and into `head -1`.
//! The binary runs under a temp HOME and XDG_* folders; pseudo-terminal
//! tests wait on what they assert.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use clap::CommandFactory;

use crate::harness as pty;

const BIN: &str = env!("CARGO_BIN_EXE_career-explorer");

/// An ad with two requirements, in our own words.
const AD: &str = "AI Engineer\n\nResponsibilities\n- Build retrieval pipelines with LangChain\n\nRequirements\n- 3+ years of Python\n- Prompt engineering\n";

/// A temp home: HOME and the XDG folders inside it.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `$XDG_DATA_HOME`: where the progress file and own postings live.
    fn data(&self) -> PathBuf {
        self.path().join("data")
    }

    fn postings(&self) -> PathBuf {
        self.data().join("career-explorer/postings")
    }

    /// The binary with `args`, under this home, English, no colour.
    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(BIN);
        c.args(args)
            .env("HOME", self.path())
            .env("XDG_DATA_HOME", self.data())
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("XDG_CACHE_HOME", self.path().join("cache"))
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("CAREER_EXPLORER_MAX_FILE_MB")
            .stdin(Stdio::null());
        c
    }

    /// Runs the binary to its end, at most 20 s (a hang fails the test).
    fn run(&self, args: &[&str]) -> Output {
        finish(
            self.cmd(args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap(),
        )
    }

    /// A file with `text` in the home, returned as a path.
    fn file(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path().join(name);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).unwrap();
        }
        std::fs::write(&p, text).unwrap();
        p
    }
}

/// Waits for `child` at most 20 s, then kills it and fails: nothing the
/// user names may make the app hang.
fn finish(mut child: std::process::Child) -> Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("the command hung (killed after 20 s)");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(ok.success());
}

/// Every file under `dir` with its bytes (symlinks as their target's name).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        let t = e.file_type().unwrap();
        if t.is_dir() {
            out.extend(snapshot(&p));
        } else if t.is_file() {
            out.insert(p.clone(), std::fs::read(&p).unwrap());
        } else {
            out.insert(p.clone(), b"(not a file)".to_vec());
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Issue 18 point 4 and case sigpipe-panic-new-commands.

/// The arguments that make each subcommand run (its path in the command
/// tree, space-separated, to its arguments; `{AD}` and `{OUT}` are filled in),
/// and the own posting it removes, if it removes one.
const RUNS: &[(&str, &[&str], Option<&str>)] = &[
    ("roles", &["roles"], None),
    ("show", &["show", "ai_engineer"], None),
    ("compare", &["compare", "ml_engineer", "ai_engineer"], None),
    ("skills", &["skills"], None),
    ("search", &["search", "rag"], None),
    ("progress", &["progress"], None),
    ("export", &["export"], None),
    ("validate", &["validate"], None),
    ("screenshots", &["screenshots", "--out", "{OUT}"], None),
    ("schema", &["schema", "roles"], None),
    ("data", &["data", "--out", "{OUT}"], None),
    ("postings", &["postings"], None),
    (
        "postings import",
        &["postings", "import", "{AD}", "--company", "X", "--dry-run"],
        None,
    ),
    (
        "postings remove",
        &["postings", "remove", "mine"],
        Some("mine"),
    ),
    ("profile", &["profile"], None),
    ("gap", &["gap"], None),
    ("completions", &["completions", "bash"], None),
    ("notes", &["notes"], None),
    ("help", &["help"], None),
    ("config", &["config"], None),
    ("plan", &["plan"], None),
    ("demand", &["demand"], None),
    ("postings show", &["postings", "show", "mine"], None),
    (
        "postings edit",
        &["postings", "edit", "mine", "Q1", "--required"],
        None,
    ),
    ("man", &["man"], None),
    // A dry run: the data folder must stay as it is.
    (
        "skills set",
        &[
            "skills",
            "set",
            "python",
            "rag",
            "--state",
            "done",
            "--dry-run",
        ],
        None,
    ),
];

/// Every subcommand's path in clap's command tree ("postings import").
fn subcommand_paths(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
    for sub in cmd.get_subcommands() {
        let path = format!("{prefix}{}", sub.get_name());
        out.push(path.clone());
        subcommand_paths(sub, &format!("{path} "), out);
    }
}

/// A home with an own posting `mine`, a profile with a role, and an ad.
fn home_for_runs() -> (Home, PathBuf) {
    let home = Home::new();
    let ad = home.file("ad.txt", AD);
    let out = home.run(&["postings", "import", ad.to_str().unwrap(), "--id", "mine"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = home.run(&["profile", "--role", "fullstack_engineer", "--years", "3"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    (home, ad)
}

/// `args` with `{AD}` and a fresh `{OUT}` folder (outside the data folder).
fn filled(home: &Home, ad: &Path, args: &[&str], n: usize) -> Vec<String> {
    args.iter()
        .map(|a| match *a {
            "{AD}" => ad.display().to_string(),
            "{OUT}" => home.path().join(format!("out-{n}")).display().to_string(),
            a => a.to_string(),
        })
        .collect()
}

/// Runs `args` with stdout a pipe whose reader is already gone.
fn into_closed_pipe(home: &Home, args: &[String]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    finish(
        home.cmd(&args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    )
}

/// Runs `args` into `head -1`: the first line read, then the reader gone.
fn into_head(home: &Home, args: &[String]) -> Output {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut child = home
        .cmd(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    let stdout = child.stdout.take().unwrap();
    BufReader::new(stdout).read_line(&mut first).unwrap();
    // The reader goes away here, as head's does.
    finish(child)
}

#[test]
fn sigpipe_panic_new_commands() {
    let mut paths = Vec::new();
    subcommand_paths(&career_explorer::cli::Cli::command(), "", &mut paths);
    let mut built = career_explorer::cli::Cli::command();
    built.build();
    subcommand_paths(&built, "", &mut paths);
    paths.sort();
    paths.dedup();
    let mut runs: Vec<(String, Vec<&str>, Option<&str>)> = Vec::new();
    for p in &paths {
        // clap's own `help X` and `X help` run as they are written.
        if p != "help" && p.split(' ').any(|w| w == "help") {
            runs.push((p.clone(), p.split(' ').collect(), None));
            continue;
        }
        let row = RUNS.iter().find(|(path, _, _)| path == p);
        let Some((_, args, removes)) = row else {
            panic!("subcommand `{p}` has no arguments in RUNS: add a row so it is checked");
        };
        runs.push((p.clone(), args.to_vec(), *removes));
    }
    assert!(runs.len() >= 18, "{paths:?}");
    let mut n = 0;
    for (path, args, removes) in &runs {
        for way in ["closed pipe", "head -1"] {
            let (home, ad) = home_for_runs();
            n += 1;
            let args = filled(&home, &ad, args, n);
            let before = snapshot(&home.data());
            let out = match way {
                "closed pipe" => into_closed_pipe(&home, &args),
                _ => into_head(&home, &args),
            };
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "`{path}` into a {way}: {err}");
            // A dry run's report goes to stderr by design (stdout is the
            // YAML, to redirect into a file); any other word is a message.
            let report = args.contains(&"--dry-run".to_string()) && err.starts_with("Read ");
            if report {
                assert!(!err.contains("error") && !err.contains("panicked"), "{err}");
            } else {
                assert_eq!(err, "", "`{path}` into a {way}: nothing on stderr");
            }
            let mut expected = before;
            if let Some(id) = removes {
                let file = home.postings().join(format!("{id}.yaml"));
                assert!(expected.remove(&file).is_some());
            }
            assert_eq!(
                snapshot(&home.data()).keys().collect::<Vec<_>>(),
                expected.keys().collect::<Vec<_>>(),
                "`{path}` into a {way}: the data folder is unchanged"
            );
            assert_eq!(snapshot(&home.data()), expected, "`{path}` into a {way}");
        }
    }
}

/// `gap` and the import report cut nothing into a pipe, wrap to `--width`.
#[test]
fn no_output_is_cut_at_a_fixed_width() {
    let home = Home::new();
    let long = format!(
        "AI Engineer\n\nResponsibilities\n- {}\n\nRequirements\n- Prompt engineering and {}\n",
        "design retrieval pipelines ".repeat(6).trim(),
        "evaluation of model output ".repeat(5).trim()
    );
    let ad = home.file("long.txt", &long);
    let ad = ad.to_str().unwrap();
    let piped = home.run(&["postings", "import", ad, "--dry-run"]);
    let report = text(&piped.stderr);
    assert!(
        report.contains(&"evaluation of model output ".repeat(5).trim().to_string()),
        "nothing cut into a pipe: {report}"
    );
    let cut = report.lines().filter(|l| !l.starts_with("Left out"));
    assert!(cut.clone().all(|l| !l.contains('…')), "{report}");
    let narrow = home.run(&["--width", "40", "postings", "import", ad, "--dry-run"]);
    let report = text(&narrow.stderr);
    assert!(report.lines().all(|l| l.chars().count() <= 40), "{report}");
    assert!(report.contains("evaluation"), "wrapped, not cut: {report}");
    let gap = home.run(&["--width", "40", "gap", "--role", "fullstack_engineer"]);
    let out = text(&gap.stdout);
    assert!(gap.status.success(), "{}", text(&gap.stderr));
    assert!(
        out.lines().skip(1).all(|l| l.chars().count() <= 40),
        "{out}"
    );
    let wide = home.run(&["gap", "--role", "fullstack_engineer"]);
    assert!(!text(&wide.stdout).contains('…'));
}

// ---------------------------------------------------------------------------
// Files the app opens are checked to be regular first.

#[test]
fn fifo_lock_or_data_file_hangs() {
    let home = Home::new();
    let p = home.file("f/p.yaml", "version: 1\nskills: {}\n");
    let mut lock = p.clone().into_os_string();
    lock.push(".lock");
    mkfifo(Path::new(&lock));
    let p = p.to_str().unwrap();
    let out = home.run(&["profile", "--progress", p, "--years", "3"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("p.yaml.lock: not a regular file (a FIFO)"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(p).unwrap(),
        "version: 1\nskills: {}\n"
    );
    // The app starts too (its saves say why they fail), and quits.
    let mut app = pty::App::spawn(100, 30, &["--lang", "en", "--progress", p]);
    app.wait_for("? help");
    app.send(b"q");
    assert!(app.wait_exit().0.success());

    // A FIFO as a data file, as an ad to import, in the own postings.
    let d = home.path().join("d");
    assert!(
        home.run(&["data", "--out", d.to_str().unwrap()])
            .status
            .success()
    );
    std::fs::remove_file(d.join("notes.yaml")).unwrap();
    mkfifo(&d.join("notes.yaml"));
    for args in [
        &["validate", "--data", d.to_str().unwrap()][..],
        &["--data", d.to_str().unwrap(), "roles"],
    ] {
        let out = home.run(args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("error: invalid data"), "{err}");
        assert!(err.contains("not a regular file (a FIFO)"), "{err}");
    }
    let fifo_ad = home.path().join("ad.fifo");
    mkfifo(&fifo_ad);
    let out = home.run(&["postings", "import", fifo_ad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not a regular file (a FIFO)"));
    std::fs::create_dir_all(home.postings()).unwrap();
    mkfifo(&home.postings().join("pipe.yaml"));
    assert!(home.run(&["postings"]).status.success());
}

// ---------------------------------------------------------------------------
// Text from outside is sanitised on every command and in every error.

#[test]
fn import_filename_escapes_reach_terminal() {
    let home = Home::new();
    let name = "ad\u{1b}]52;c;SGVsbG8=\u{7}\u{1b}[2J.txt";
    let ad = home.file(name, AD);
    let ad = ad.to_str().unwrap();
    let saved = home.run(&["postings", "import", ad, "--company", "X", "--id", "x1"]);
    assert!(saved.status.success(), "{}", text(&saved.stderr));
    let dry = home.run(&["postings", "import", ad, "--company", "X", "--dry-run"]);
    for out in [&saved, &dry] {
        let all = [&out.stdout[..], &out.stderr[..]].concat();
        assert!(
            !all.contains(&0x1b) && !all.contains(&0x07),
            "{}",
            text(&all)
        );
        assert!(text(&all).contains("Read "));
    }
    let listed = home.run(&["postings", "--json"]);
    assert!(!listed.stdout.contains(&0x1b));
}

/// Escape sequences fed through every way text comes in: file names and
/// paths, ad text, data, the progress file, arguments and the environment.
#[test]
fn escape_sequences_from_outside_never_reach_the_terminal() {
    const ESC: &str = "\u{1b}]52;c;SGk=\u{7}\u{1b}[2J\u{9b}31m";
    let home = Home::new();
    let ad = home.file(
        &format!("a{ESC}.txt"),
        &format!("Title {ESC}\n\nRequirements\n- Python {ESC}\n- Prompt engineering\n"),
    );
    let ad = ad.to_str().unwrap();
    let odd_dir = home.path().join(format!("x{ESC}"));
    let odd = odd_dir.join("p.yaml");
    let progress = home.file(
        "p.yaml",
        &format!("version: 1\nskills:\n  S01:\n    state: done\n    note: \"n {}\"\n  S02:\n    state: {}\n", "\\e]52;c;SGk=\\a", "\\e[2J"),
    );
    let progress = progress.to_str().unwrap();
    std::fs::create_dir_all(home.postings()).unwrap();
    std::fs::write(
        home.postings().join(format!("bad{ESC}.yaml")),
        format!("id: [{ESC}\n"),
    )
    .unwrap();
    let runs: Vec<Vec<String>> = vec![
        vec![
            "postings",
            "import",
            ad,
            "--company",
            ESC,
            "--title",
            ESC,
            "--id",
            "e1",
        ],
        vec!["postings", "import", ad, "--dry-run"],
        vec!["postings"],
        vec!["postings", "remove", ESC],
        vec!["skills", "--progress", progress],
        vec!["export", "--progress", progress],
        vec!["show", ESC],
        vec!["compare", ESC, "ai_engineer"],
        vec!["search", ESC],
        vec!["notes", ESC],
        vec!["gap", "--role", ESC],
        vec!["gap", "--role", "fullstack_engineer", "--posting", ESC],
        vec!["profile", "--role", ESC, "--progress", progress],
        vec!["skills", "--progress", odd.to_str().unwrap()],
        vec!["--data", odd_dir.to_str().unwrap(), "roles"],
        vec!["validate", "--data", odd_dir.to_str().unwrap()],
        vec!["data", "--out", ad],
        vec!["export", "--output", odd.to_str().unwrap()],
    ]
    .into_iter()
    .map(|v| v.into_iter().map(str::to_string).collect())
    .collect();
    for args in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = home.run(&args);
        for (what, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let s = text(bytes);
            assert!(
                !bytes.contains(&0x1b) && !bytes.contains(&0x07) && !s.contains('\u{9b}'),
                "{args:?}: an escape on {what}: {s:?}"
            );
        }
    }
    let out = home
        .cmd(&["roles"])
        .env("CAREER_EXPLORER_MAX_FILE_MB", ESC)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.contains(&0x1b), "{}", text(&out.stderr));
}

// ---------------------------------------------------------------------------
// The progress file: the profile, bounded numbers, linear reading.

#[test]
fn profile_section_duplicated() {
    for slip in [
        "years: -1",
        "years: 3.5",
        "years: \"4\"",
        "age: 3",
        "years: 61",
    ] {
        let home = Home::new();
        let before = format!(
            "version: 1\nprofile:\n  {slip}\nskills:\n  S01:\n    state: done\n    note: my note\n"
        );
        let p = home.file("p.yaml", &before);
        let p = p.to_str().unwrap();
        let out = home.run(&["profile", "--progress", p, "--years", "3"]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{slip}: {err}");
        assert!(err.contains("p.yaml:3:"), "{slip}: at its line: {err}");
        assert!(err.contains("fix the `profile` section first"), "{err}");
        assert_eq!(std::fs::read_to_string(p).unwrap(), before, "{slip}");
        // A skill change (the app's save) keeps the section once, as written.
        let mut progress = career_core::store::progress::load(Path::new(p)).unwrap();
        assert!(progress.bad_profile().is_some());
        progress.profile.years = Some(5);
        progress.set_state(
            "S02",
            career_core::store::progress::State::Done,
            "2026-12-01T00:00:00Z".into(),
        );
        career_core::store::progress::save_merged(
            Path::new(p),
            &mut progress,
            Duration::from_secs(2),
        )
        .unwrap();
        let after = std::fs::read_to_string(p).unwrap();
        assert_eq!(after.matches("profile:").count(), 1, "{after}");
        assert!(after.contains(slip) && after.contains("S02"), "{after}");
        let out = home.run(&["skills", "--progress", p]);
        assert!(out.status.success(), "{slip}: {}", text(&out.stderr));
    }
}

#[test]
fn years_overflow_wraps_to_zero() {
    let home = Home::new();
    // Too large even to read as a number: the file is refused, at the spot.
    let p = home.file(
        "y.yaml",
        "version: 1\nprofile:\n  years: 99999999999999999999\n",
    );
    let out = home.run(&["profile", "--progress", p.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("y.yaml:3:10: "),
        "{}",
        text(&out.stderr)
    );
    for (value, col) in [("4294967295", 10), ("61", 10)] {
        let p = home.file(
            "y.yaml",
            &format!("version: 1\nprofile:\n  years: {value}\n  role: fullstack_engineer\n"),
        );
        let out = home.run(&["profile", "--progress", p.to_str().unwrap()]);
        let (o, e) = (text(&out.stdout), text(&out.stderr));
        assert!(out.status.success(), "{e}");
        assert!(
            e.contains(&format!("y.yaml:3:{col}: `profile` does not read")),
            "{value}: refused at its line and column: {e}"
        );
        assert!(e.contains("0..=60"), "{e}");
        assert!(o.contains("years of experience: not given"), "{o}");
    }
    // `+` saturates at the bound, whatever the value in memory.
    use career_explorer::tui::action::Action;
    let mut app = career_explorer::tui::app::App::new(
        career_core::store::loader::load_bundled().unwrap(),
        career_core::store::progress::Progress::new(),
        career_core::model::Lang::En,
    );
    app.update(Action::Resize(100, 30));
    app.update(Action::GoPane(career_explorer::tui::action::Pane::Jobs));
    for start in [u32::MAX, 60, 59] {
        app.progress.profile.years = Some(start);
        app.update(Action::YearsUp);
        assert_eq!(app.progress.profile.years, Some(60), "from {start}");
    }
}

#[test]
fn progress_near_limit_quadratic_load() {
    // Positions stay right in a large file (read in one pass): the slip in
    // the last of 16,000 entries is placed at its own line and column.
    let mut yaml = String::from("version: 1\nskills:\n");
    for i in 0..16_000 {
        yaml.push_str(&format!(
            "  unknown_{i:05}:\n    state: done\n    note: n\n"
        ));
    }
    yaml.push_str("  S05:\n    state: Mastered\n");
    let home = Home::new();
    let p = home.file("big.yaml", &yaml);
    let out = home.run(&["skills", "--progress", p.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    let line = 2 + 16_000 * 3 + 2;
    assert!(
        err.contains(&format!(
            "big.yaml:{line}:12: skill S05: unknown state `Mastered`"
        )),
        "{err}"
    );
}

// ---------------------------------------------------------------------------
// Error texts and exit codes.

#[test]
fn cli_error_text_and_exit_status() {
    let home = Home::new();
    let afile = home.file("afile", "x\n");
    let under = afile.join("p.yaml");
    let out = home.run(&["skills", "--progress", under.to_str().unwrap()]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.starts_with("error: "), "{err}");
    assert_eq!(
        err.matches("Not a directory").count(),
        1,
        "the cause once: {err}"
    );
    // The system fails an import (the postings folder is a file): 1.
    let ad = home.file("ad.txt", AD);
    std::fs::create_dir_all(home.data().join("career-explorer")).unwrap();
    std::fs::write(home.postings(), "not a folder").unwrap();
    let out = home.run(&["postings", "import", ad.to_str().unwrap(), "--company", "X"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.lines()
            .last()
            .unwrap_or("")
            .starts_with("error: cannot save "),
        "{err}"
    );
    std::fs::remove_file(home.postings()).unwrap();
    // Bad input: 2, the same shape.
    for args in [
        &["postings", "remove", "nope"][..],
        &["postings", "import", "/nonexistent/ad.txt"],
        &["show", "nope"],
        &["gap", "--role", "nope"],
        &["profile", "--role", "nope"],
    ] {
        let out = home.run(args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("error: ") && err.ends_with('\n'), "{err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
    }
}

// ---------------------------------------------------------------------------
// Writes leave nothing behind.

#[test]
fn hardlinked_progress_split() {
    // A deliberate choice (README, "Your progress file"): a save renames a
    // new file into place, so a crash never leaves half a file; the other
    // names of a hard-linked file keep the old content, and the app says so.
    let home = Home::new();
    let p = home.file("p.yaml", "version: 1\nskills:\n  S01:\n    state: done\n");
    std::fs::hard_link(&p, home.path().join("backup.yaml")).unwrap();
    let out = home.run(&["profile", "--progress", p.to_str().unwrap(), "--years", "4"]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("other hard links"), "{err}");
    assert!(std::fs::read_to_string(&p).unwrap().contains("years: 4"));
    // In the app, a start-up notice.
    let mut app = pty::App::spawn(
        120,
        30,
        &["--lang", "en", "--progress", p.to_str().unwrap()],
    );
    // One link now: the save split them. Link again to see the notice.
    drop(app.wait_for("? help"));
    app.send(b"q");
    app.wait_exit();
    std::fs::remove_file(home.path().join("backup.yaml")).unwrap();
    std::fs::hard_link(&p, home.path().join("backup.yaml")).unwrap();
    let mut app = pty::App::spawn(
        120,
        30,
        &["--lang", "en", "--progress", p.to_str().unwrap()],
    );
    app.wait_for("other hard links");
    app.send(b"q");
    app.wait_exit();
}

#[test]
fn import_killed_leaves_temp_files() {
    let home = Home::new();
    std::fs::create_dir_all(home.postings()).unwrap();
    let old = home.postings().join(".posting-AbC123.tmp");
    let fresh = home.postings().join(".posting-XyZ789.tmp");
    let other = home.postings().join(".notes.tmp");
    for f in [&old, &fresh, &other] {
        std::fs::write(f, "id: half").unwrap();
    }
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for f in [&old, &other] {
        std::fs::File::options()
            .write(true)
            .open(f)
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();
    }
    let out = home.run(&["postings"]);
    assert!(out.status.success());
    assert!(
        !old.exists(),
        "a stale temp file of a killed import is removed"
    );
    assert!(fresh.exists(), "one an import may still be writing is kept");
    assert!(other.exists(), "nothing else is touched");
}

// ---------------------------------------------------------------------------
// Bounded fields from files.

#[test]
fn long_company_slows_skills_pane() {
    let home = Home::new();
    let ad = home.file("ad.txt", AD);
    let long = "C".repeat(100_000);
    let out = home.run(&[
        "postings",
        "import",
        ad.to_str().unwrap(),
        "--company",
        &long,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--company is 100000 characters: at most 200"));
    assert!(!home.postings().exists() || snapshot(&home.postings()).is_empty());
    // A hand-written file with one is left out, with its line and column.
    let out = home.run(&["postings", "import", ad.to_str().unwrap(), "--id", "longco"]);
    assert!(out.status.success());
    let file = home.postings().join("longco.yaml");
    let yaml = std::fs::read_to_string(&file).unwrap();
    let company = yaml
        .lines()
        .position(|l| l.starts_with("company:"))
        .unwrap()
        + 1;
    let yaml = yaml
        .lines()
        .map(|l| {
            if l.starts_with("company:") {
                format!("company: {long}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&file, yaml).unwrap();
    let out = home.run(&["postings"]);
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("longco.yaml:{company}:1: posting `longco`: the company name is 100000 characters; at most 200")),
        "{err}"
    );
    assert!(!text(&out.stdout).contains("longco"));
}

// ---------------------------------------------------------------------------
// The terminal.

/// Sends `signal` to the app and checks it ends with 128 + its number and
/// the terminal handed back: main screen, mouse reporting off, cursor shown.
fn signal_restores(signal: &str, code: u32) {
    let home = Home::new();
    let p = home.path().join("p.yaml");
    let mut app = pty::App::spawn(
        100,
        30,
        &["--lang", "en", "--progress", p.to_str().unwrap()],
    );
    app.wait_until("the first frame, mouse on", |s| {
        s.contents().contains("? help") && s.mouse_protocol_mode() != vt100::MouseProtocolMode::None
    });
    let ok = Command::new("kill")
        .args([&format!("-{signal}"), &app.pid().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let (status, screen) = app.wait_exit();
    assert_eq!(status.exit_code(), code, "{signal}");
    assert!(!screen.alternate_screen(), "{signal}: main screen");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "{signal}: mouse off"
    );
    assert!(!screen.hide_cursor(), "{signal}: cursor shown");
}

#[test]
fn sigquit_leaves_terminal_broken() {
    for (signal, n) in [("QUIT", 3), ("USR1", 10), ("USR2", 12), ("ALRM", 14)] {
        signal_restores(signal, 128 + n);
    }
}

#[test]
fn term_unset_and_locale() {
    let home = Home::new();
    // TERM unset (or empty) is treated as TERM=dumb: the app is refused,
    // before anything is read, with a word on what to do.
    let mut app = pty::App::spawn_program(100, 30, "env", &["-u", "TERM", BIN, "--lang", "en"]);
    let (status, screen) = app.wait_exit();
    assert_eq!(status.exit_code(), 2);
    assert!(
        screen.contents().contains("TERM is not set"),
        "{}",
        pty::dump(&screen)
    );
    // A deliberate choice (README, "Languages and terminals"): output is
    // UTF-8 whatever the locale's charset; LANG=C and POSIX pick English,
    // zh_* (any charset) picks Chinese.
    let roles = |var: &str, value: &str| {
        let out = home
            .cmd(&["roles"])
            .env_remove("LANG")
            .env(var, value)
            .output()
            .unwrap();
        assert!(out.status.success());
        text(&out.stdout)
    };
    let utf8 = roles("LANG", "C.UTF-8");
    assert_eq!(roles("LANG", "C"), utf8);
    assert_eq!(roles("LC_ALL", "POSIX"), utf8);
    assert!(career_core::text::has_han(&roles("LANG", "zh_CN.GB18030")));
}

#[test]
fn startup_notices_hide_each_other() {
    let home = Home::new();
    let postings = home.path().join("xdg/career-explorer/postings");
    std::fs::create_dir_all(&postings).unwrap();
    std::fs::write(postings.join("broken.yaml"), "id: x\n  bad: [\n").unwrap();
    std::fs::write(postings.join("worse.yaml"), "id: [\n").unwrap();
    let xdg = home.path().join("xdg");
    let env = [("XDG_DATA_HOME", xdg.to_str().unwrap())];
    // a) a bad entry and two posting files left out: every notice shows.
    let p = home.file(
        "p.yaml",
        "version: 1\nskills:\n  S01:\n    state: mastered\n",
    );
    let args = ["--lang", "en", "--progress", p.to_str().unwrap()];
    let mut app = pty::App::spawn_env(160, 40, BIN, &args, &env);
    app.wait_until("every notice", |s| {
        let c = s.contents().replace('\n', "");
        c.contains("unknown state `mastered`")
            && c.contains("broken.yaml")
            && c.contains("worse.yaml")
    });
    app.send(b"q");
    app.wait_exit();
    // b) a file that does not read: the tick's notice joins, never replaces.
    let q = home.file("q.yaml", "version: 1\nskills:\n\tS01: done\n");
    let args = ["--lang", "en", "--progress", q.to_str().unwrap()];
    let mut app = pty::App::spawn_env(160, 40, BIN, &args, &env);
    app.wait_for("progress file not read");
    // Past two ticks: the posting notice is still there.
    std::thread::sleep(Duration::from_millis(1200));
    let s = app.wait_for("progress file not read");
    assert!(
        s.contents().replace('\n', "").contains("broken.yaml"),
        "{}",
        pty::dump(&s)
    );
    app.send(b"q");
    app.wait_exit();
}

#[test]
fn hand_edit_slip_while_running_not_reported() {
    let home = Home::new();
    let p = home.path().join("he/p.yaml");
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    let mut app = pty::App::spawn(
        140,
        30,
        &["--lang", "en", "--progress", p.to_str().unwrap()],
    );
    app.wait_for("? help");
    app.send(b"3");
    app.wait_for("[ ] S01");
    app.send(b" ");
    app.wait_for("[x] S01");
    let start = Instant::now();
    while !std::fs::read_to_string(&p)
        .unwrap_or_default()
        .contains("S01")
    {
        assert!(start.elapsed() < Duration::from_secs(20), "saved");
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut f = std::fs::OpenOptions::new().append(true).open(&p).unwrap();
    std::io::Write::write_all(
        &mut f,
        b"  S05:\n    state: Mastered\n    note: my hand note\n",
    )
    .unwrap();
    drop(f);
    let s = app.wait_until("the slip reported", |s| {
        s.contents()
            .replace('\n', "")
            .contains("skill S05: unknown state `Mastered`")
    });
    assert!(s.contents().contains("p.yaml:"), "{}", pty::dump(&s));
    app.send(b"q");
    app.wait_exit();
}

#[test]
fn typed_input_flood_quadratic() {
    use career_explorer::tui::action::{Action, EditKey};
    let mut app = career_explorer::tui::app::App::new(
        career_core::store::loader::load_bundled().unwrap(),
        career_core::store::progress::Progress::new(),
        career_core::model::Lang::En,
    );
    app.update(Action::Resize(100, 30));
    app.update(Action::GoPane(career_explorer::tui::action::Pane::Skills));
    app.update(Action::EditNote);
    for _ in 0..5000 {
        app.update(Action::Edit(EditKey::Char('w')));
    }
    let career_explorer::tui::mode::Mode::EditNote(ed) = &app.mode else {
        panic!("the note editor is open");
    };
    assert_eq!(
        ed.field.text().chars().count(),
        4096,
        "typed text has the paste's cap"
    );
    assert_eq!(
        app.status.as_deref(),
        Some("the field holds at most 4096 characters")
    );
    // The view of a full field is laid out in one pass; its cursor fits.
    let (shown, col) = ed.field.view(60);
    assert_eq!((shown.chars().count(), col), (59, 59));
}

#[test]
fn crowded_spectrum_unreadable() {
    let ten = "spectrum: [ml_researcher, ml_engineer, research_engineer, data_scientist, \
               llm_training_engineer, mlops_engineer, ai_engineer, fullstack_engineer, \
               prompt_engineer, product_manager]";
    let mut texts = career_core::store::loader::bundled_texts().map(str::to_string);
    texts[0] = texts[0].replacen(
        "spectrum: [ml_researcher, ml_engineer, ai_engineer, fullstack_engineer]",
        ten,
        1,
    );
    let [a, b, c, d, e] = &texts;
    let catalog = career_core::store::loader::load_texts([a, b, c, d, e]).unwrap();
    let mut app = career_explorer::tui::app::App::new(
        catalog,
        career_core::store::progress::Progress::new(),
        career_core::model::Lang::En,
    );
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    app.update(career_explorer::tui::action::Action::Resize(80, 24));
    career_explorer::tui::draw(&mut t, &mut app).unwrap();
    let buf = t.backend().buffer();
    let screen: String = (0..8)
        .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect();
    // Each box shows a readable short form, none a cut fragment.
    for short in ["MLR", "MLE", "RE", "DS", "LTE", "AIE", "PM"] {
        assert!(
            screen.split(['│', '┃', ' ']).any(|w| w == short),
            "{short}:\n{screen}"
        );
    }
    assert!(
        !screen.contains("Re…") && !screen.contains("Da…"),
        "{screen}"
    );
}

#[test]
fn incomplete_escape_sequence_swallows_keys() {
    let home = Home::new();
    let p = home.path().join("p.yaml");
    let mut app = pty::App::spawn(
        100,
        30,
        &["--lang", "en", "--progress", p.to_str().unwrap()],
    );
    app.wait_for("? help");
    // Each unfinished sequence, then a pause (the terminal's next key comes
    // later than the sequence's own bytes would), then a pane key.
    let pause = || std::thread::sleep(Duration::from_millis(400));
    for (start, pane_key, title) in [
        (&b"\x1b["[..], b"3", "Skills checklist"),
        (b"\x1b[<65;", b"1", "The API line"),
        (b"\x1bO", b"3", "Skills checklist"),
        (b"\x1b]11;rgb:ffff/ffff/ffff", b"1", "The API line"),
        (b"\x1b[200~abc", b"3", "Skills checklist"),
    ] {
        app.send(start);
        pause();
        app.send(pane_key);
        app.wait_until(&format!("{title} after {start:?}"), |s| {
            pty::lines(s).get(1).is_some_and(|l| l.contains(title))
        });
    }
    // And q still quits.
    app.send(b"\x1b[<");
    pause();
    app.send(b"q");
    assert!(app.wait_exit().0.success());
}
