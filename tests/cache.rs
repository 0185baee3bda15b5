//! The binary cache of large `--data` catalogs, through the real binary: a
//! second run reads it, an edit or a damaged file makes it read the YAML
//! again, the opt-outs and small catalogs write nothing, and every output is
//! the same byte for byte with and without it. `XDG_CACHE_HOME` (and `HOME`)
//! always point into a temporary folder.
//!
//! `CAREER_EXPLORER_CACHE_DEBUG=1` makes the binary say on stderr what the
//! cache did ("cache: hit …", "cache: miss (…)", "cache: wrote …"): that is
//! how these tests see a hit.

#[path = "../examples/gen_catalog/catalog.rs"]
mod catalog;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, SystemTime};

use assert_cmd::Command;

/// A catalog of 5k items: 1.6 MiB of YAML, over the 1 MiB threshold, each
/// file under the loader's 4 MiB cap.
const ITEMS: usize = 5_000;

struct Env {
    _tmp: tempfile::TempDir,
    data: PathBuf,
    home: PathBuf,
    cache: PathBuf,
}

impl Env {
    /// A fresh home, cache folder and catalog, its files dated an hour ago
    /// (files modified in the last 2 s are not cached yet).
    fn new() -> Env {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        catalog::write_dir(&catalog::Shape::items(ITEMS), 1, &data).unwrap();
        let env = Env {
            data,
            home: tmp.path().join("home"),
            cache: tmp.path().join("xdg-cache"),
            _tmp: tmp,
        };
        std::fs::create_dir_all(&env.home).unwrap();
        env.age_files(3600);
        env
    }

    fn age_files(&self, secs: u64) {
        for name in career_explorer::loader::FILES {
            set_mtime(&self.data.join(name), secs);
        }
    }

    /// The binary with this home and cache folder, the cache's notes on.
    fn bare(&self) -> Command {
        let mut c = Command::cargo_bin("career-explorer").unwrap();
        c.env_clear()
            .env("HOME", &self.home)
            .env("XDG_CACHE_HOME", &self.cache)
            .env("XDG_DATA_HOME", self.home.join("share"))
            .env("CAREER_EXPLORER_CACHE_DEBUG", "1");
        c
    }

    /// The same, on the catalog.
    fn cmd(&self) -> Command {
        let mut c = self.bare();
        c.arg("--data").arg(&self.data);
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_with(self.cmd().args(args))
    }

    fn run_with(&self, cmd: &mut Command) -> Output {
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        out
    }

    /// The cache files written so far.
    fn cache_files(&self) -> Vec<PathBuf> {
        let dir = self.cache.join("career-explorer");
        let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(rd) => rd.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        };
        files.sort();
        files
    }

    /// The one catalog cache file, which must exist (a search also keeps
    /// its index beside it, in a `.idx` file).
    fn cache_file(&self) -> PathBuf {
        let files: Vec<PathBuf> = self
            .cache_files()
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "bin"))
            .collect();
        assert_eq!(files.len(), 1, "{files:?}");
        files[0].clone()
    }
}

fn set_mtime(path: &Path, secs_ago: u64) {
    let t = SystemTime::now() - Duration::from_secs(secs_ago);
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn hit(out: &Output) -> bool {
    text(&out.stderr).contains("cache: hit ")
}

/// The commands whose output must not depend on the cache.
const COMMANDS: &[&[&str]] = &[
    &["search", "langchain", "--limit", "50"],
    &["search", "prompt eng", "--limit", "50", "--json"],
    &["search", "提示词", "--limit", "50"],
    &["search", "fulstak", "--limit", "50"],
    &["search", "postgres", "--kind", "skill", "--json"],
    &["validate"],
    &["export", "--format", "json"],
    &["export", "--format", "markdown"],
    &["roles", "--json"],
    &["skills"],
    &["show", "ai_engineer", "--json"],
    &["progress"],
];

#[test]
fn a_second_run_reads_the_cache_and_prints_the_same() {
    let env = Env::new();
    let progress = env.home.join("progress.yaml");
    let args = |cmd: &[&str]| -> Vec<String> {
        let mut a: Vec<String> = cmd.iter().map(|s| s.to_string()).collect();
        a.extend(["--progress".into(), progress.display().to_string()]);
        a
    };

    let first = env.run(&["search", "langchain", "--limit", "50"]);
    let err = text(&first.stderr);
    assert!(err.contains("cache: miss"), "{err}");
    assert!(err.contains("cache: wrote"), "{err}");
    let file = env.cache_file();
    assert!(
        file.file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("catalog-")
    );

    let second = env.run(&["search", "langchain", "--limit", "50"]);
    assert!(hit(&second), "{}", text(&second.stderr));
    assert_eq!(text(&first.stdout), text(&second.stdout));

    for cmd in COMMANDS {
        let without = env.run_with(env.cmd().arg("--no-cache").args(args(cmd)));
        assert_eq!(text(&without.stderr), "cache: off\n");
        let with = env.run_with(env.cmd().args(args(cmd)));
        // `validate` checks the files themselves: it reads the YAML (and
        // refreshes the cache); every other command reads the cache.
        assert_eq!(
            hit(&with),
            cmd[0] != "validate",
            "{cmd:?}: {}",
            text(&with.stderr)
        );
        assert!(!without.stdout.is_empty(), "{cmd:?}");
        assert!(
            without.stdout == with.stdout,
            "{cmd:?} differs with the cache:\n{}\n---\n{}",
            text(&without.stdout),
            text(&with.stdout)
        );
    }
    // One file per data folder, rewritten in place, and the search index beside it.
    let index = file.with_extension("idx");
    assert_eq!(env.cache_files(), vec![file, index]);
}

#[test]
fn an_edited_file_is_read_again() {
    let env = Env::new();
    env.run(&["search", "optimise"]);
    assert!(hit(&env.run(&["search", "optimise"])));

    // Same size, another modification time: the new text is what shows.
    let skills = env.data.join("skills.yaml");
    let yaml = std::fs::read_to_string(&skills).unwrap();
    assert!(yaml.contains("Optimize") && !yaml.contains("Optimise"));
    std::fs::write(&skills, yaml.replace("Optimize", "Optimise")).unwrap();
    set_mtime(&skills, 1800);
    let edited = env.run(&["search", "optimise", "--limit", "50"]);
    assert!(!hit(&edited), "{}", text(&edited.stderr));
    assert!(text(&edited.stderr).contains("miss (stale"));
    assert!(text(&edited.stdout).contains("Optimise"));
    let again = env.run(&["search", "optimise", "--limit", "50"]);
    assert!(hit(&again), "{}", text(&again.stderr));
    assert_eq!(text(&edited.stdout), text(&again.stdout));

    // Only the modification time changes.
    set_mtime(&env.data.join("notes.yaml"), 7200);
    assert!(!hit(&env.run(&["roles"])));
    assert!(hit(&env.run(&["roles"])));

    // Another size: a comment line added.
    let roles = env.data.join("roles.yaml");
    let mut yaml = std::fs::read_to_string(&roles).unwrap();
    yaml.push_str("# one more line\n");
    std::fs::write(&roles, yaml).unwrap();
    set_mtime(&roles, 3600);
    assert!(!hit(&env.run(&["roles"])));
    assert!(hit(&env.run(&["roles"])));
}

#[test]
fn a_damaged_cache_is_ignored_and_rewritten() {
    let env = Env::new();
    let reference = env.run(&["--no-cache", "search", "langchain", "--limit", "50"]);
    env.run(&["search", "x"]);
    let file = env.cache_file();
    let good = std::fs::read(&file).unwrap();
    let mut flipped = good.clone();
    flipped[good.len() / 2] ^= 0x40;
    let mut garbage = vec![0u8; good.len()];
    for (i, b) in garbage.iter_mut().enumerate() {
        *b = (i * 7919 % 251) as u8;
    }
    // A text changed in place: it would still decode, to other names.
    let mut edited = good.clone();
    let mut n = 0;
    for i in 0..edited.len() - 9 {
        if &edited[i..i + 9] == b"LangChain" {
            edited[i + 1] = b'o';
            n += 1;
        }
    }
    assert!(n > 0);
    let mut wrong_length = good.clone();
    wrong_length.extend_from_slice(b"more");
    let damages: [(&str, Vec<u8>); 7] = [
        ("truncated", good[..good.len() / 2].to_vec()),
        ("header only", good[..20].to_vec()),
        ("empty", Vec::new()),
        ("a flipped bit", flipped),
        ("a name changed", edited),
        ("garbage", garbage),
        ("longer than its header says", wrong_length),
    ];
    for (what, bytes) in damages {
        std::fs::write(&file, &bytes).unwrap();
        let out = env.run(&["search", "langchain", "--limit", "50"]);
        let err = text(&out.stderr);
        assert!(err.contains("cache: miss"), "{what}: {err}");
        assert!(err.contains("cache: wrote"), "{what}: {err}");
        assert_eq!(text(&out.stdout), text(&reference.stdout), "{what}");
        // Rewritten: the next run reads it.
        assert!(hit(&env.run(&["search", "x"])), "{what}");
    }

    // Without the notes, nothing at all is said about it.
    let quiet_search = || {
        env.run_with(env.cmd().env_remove("CAREER_EXPLORER_CACHE_DEBUG").args([
            "search",
            "langchain",
            "--limit",
            "50",
        ]))
    };
    std::fs::write(&file, b"not a cache").unwrap();
    let out = quiet_search();
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), text(&reference.stdout));

    // A folder where the file should be: read the YAML, say nothing.
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    let out = quiet_search();
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), text(&reference.stdout));
}

#[test]
fn no_cache_and_its_variable_write_nothing() {
    let env = Env::new();
    let out = env.run(&["--no-cache", "search", "langchain"]);
    assert_eq!(text(&out.stderr), "cache: off\n");
    for value in ["1", "yes"] {
        let out = env.run_with(
            env.cmd()
                .env("CAREER_EXPLORER_NO_CACHE", value)
                .args(["roles"]),
        );
        assert_eq!(text(&out.stderr), "cache: off\n");
    }
    assert!(!env.cache.exists());
    // "0" or empty leave it on.
    for value in ["0", ""] {
        env.run_with(
            env.cmd()
                .env("CAREER_EXPLORER_NO_CACHE", value)
                .args(["roles"]),
        );
    }
    env.cache_file();
    // And an existing cache is not read either.
    let out = env.run(&["--no-cache", "roles"]);
    assert_eq!(text(&out.stderr), "cache: off\n");
}

#[test]
fn small_and_bundled_catalogs_write_nothing() {
    let env = Env::new();
    // The bundled catalog.
    let out = env.run_with(env.bare().args(["search", "langchain"]));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    // A folder holding the bundled files (about 60 KiB).
    let small = env.home.join("small");
    env.run_with(env.bare().args(["data", "--out"]).arg(&small));
    for name in career_explorer::loader::FILES {
        set_mtime(&small.join(name), 3600);
    }
    let out = env.run_with(
        env.bare()
            .arg("--data")
            .arg(&small)
            .args(["search", "langchain"]),
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("cache: not used") && err.contains("threshold"),
        "{err}"
    );
    assert!(!env.cache.exists());
}

#[test]
fn files_just_written_are_not_cached_yet() {
    let env = Env::new();
    env.age_files(0);
    let out = env.run(&["roles"]);
    assert!(
        text(&out.stderr).contains("not written (a data file was modified less than 2 s ago)"),
        "{}",
        text(&out.stderr)
    );
    assert!(env.cache_files().is_empty());
    env.age_files(60);
    env.run(&["roles"]);
    assert!(hit(&env.run(&["roles"])));
}

#[test]
fn a_cache_folder_that_cannot_be_made_is_silent() {
    let env = Env::new();
    // XDG_CACHE_HOME is a file: no folder can be made under it (even as root).
    std::fs::write(&env.cache, b"").unwrap();
    let reference = env.run(&["--no-cache", "search", "langchain"]);
    let out = env.run_with(
        env.cmd()
            .env_remove("CAREER_EXPLORER_CACHE_DEBUG")
            .args(["search", "langchain"]),
    );
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), text(&reference.stdout));
    let out = env.run(&["search", "langchain"]);
    assert!(text(&out.stderr).contains("cache: not written"));
}

#[test]
fn a_file_over_the_size_cap_is_refused_as_without_a_cache() {
    let env = Env::new();
    env.run(&["roles"]);
    env.cache_file();
    // skills.yaml grown past the 4 MiB cap by a comment.
    let skills = env.data.join("skills.yaml");
    let mut yaml = std::fs::read_to_string(&skills).unwrap();
    yaml.push('#');
    yaml.push_str(&"x".repeat(career_explorer::loader::MAX_FILE_BYTES as usize));
    yaml.push('\n');
    std::fs::write(&skills, yaml).unwrap();
    set_mtime(&skills, 3600);
    let with = env.cmd().arg("roles").output().unwrap();
    let without = env.cmd().args(["--no-cache", "roles"]).output().unwrap();
    assert_eq!(with.status.code(), Some(2));
    assert_eq!(without.status.code(), Some(2));
    assert_eq!(text(&with.stdout), text(&without.stdout));
    let err = text(&with.stderr);
    assert!(err.contains("over the size limit"), "{err}");
    assert!(err.ends_with(&text(&without.stderr).replace("cache: off\n", "")));
    // Loaded (and cached) under a raised limit, the cache still does not let a
    // run with the default limit in.
    let raised = env.run(&["--max-file-mb", "8", "roles"]);
    let raised_again = env.run(&["--max-file-mb", "8", "roles"]);
    assert!(hit(&raised_again), "{}", text(&raised_again.stderr));
    assert_eq!(raised.stdout, raised_again.stdout);
    let default = env.cmd().arg("roles").output().unwrap();
    assert_eq!(default.status.code(), Some(2), "{}", text(&default.stderr));
    assert!(
        text(&default.stderr).contains("raise the limit with --max-file-mb "),
        "{}",
        text(&default.stderr)
    );
}

/// A search keeps its index beside the catalog; the next search reads it and
/// prints what a search without any cache prints. A damaged index is
/// ignored and rewritten; an edited data file makes it stale.
#[test]
fn a_repeated_search_reads_the_cached_index() {
    let env = Env::new();
    let queries: [&[&str]; 3] = [
        &["search", "prompt eng", "--limit", "50", "--json"],
        &["search", "fulstak", "--limit", "50"],
        &["search", "提示词", "--kind", "skill"],
    ];
    let reference: Vec<Vec<u8>> = queries
        .iter()
        .map(|q| env.run_with(env.cmd().arg("--no-cache").args(*q)).stdout)
        .collect();
    let first = env.run(queries[0]);
    assert!(
        text(&first.stderr).contains("index wrote"),
        "{}",
        text(&first.stderr)
    );
    for (q, want) in queries.iter().zip(&reference) {
        let out = env.run(q);
        assert!(
            text(&out.stderr).contains("index hit"),
            "{}",
            text(&out.stderr)
        );
        assert_eq!(&out.stdout, want, "{q:?}");
    }
    let index = env
        .cache_files()
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "idx"));
    let index = index.expect("an index file");
    let mut bytes = std::fs::read(&index).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x40;
    std::fs::write(&index, &bytes).unwrap();
    let out = env.run(queries[1]);
    assert!(
        text(&out.stderr).contains("index miss"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr).contains("index wrote"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.stdout, reference[1]);
    assert!(text(&env.run(queries[1]).stderr).contains("index hit"));
    // Another command leaves the index alone; an edited file makes it stale.
    env.run(&["roles"]);
    set_mtime(&env.data.join("roles.yaml"), 1800);
    let out = env.run(queries[2]);
    assert!(
        text(&out.stderr).contains("index miss (stale"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.stdout, reference[2]);
}
