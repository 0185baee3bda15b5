//! Hostile data files: each one is refused with exit status 2 and a message
//! naming the file, line and column; nothing panics, nothing aborts, and
//! memory stays bounded: every run is under `ulimit -v` (400 MB of address
//! space), so a file that made the loader balloon would abort instead of
//! exiting 2. The bundled data loads under the same limit.

use std::path::Path;
use std::process::Output;

use crate::common::{BIN, data_copy};

/// A copy of the bundled data with `file` replaced by `bytes`.
fn data_with(file: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = data_copy();
    std::fs::write(dir.path().join(file), bytes).unwrap();
    dir
}

/// `career-explorer validate --data DIR` under a 400 MB address-space limit.
fn validate_limited(dir: &Path) -> Output {
    validate_limited_with(dir, &[], None)
}

/// The same with extra arguments and `CAREER_EXPLORER_MAX_FILE_MB` (unset when `None`).
fn validate_limited_with(dir: &Path, args: &[&str], env_mb: Option<&str>) -> Output {
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg("ulimit -v 400000 && exec \"$0\" validate --data \"$@\"")
        .arg(BIN)
        .arg(dir)
        .args(args)
        .env_remove("CAREER_EXPLORER_MAX_FILE_MB");
    if let Some(mb) = env_mb {
        cmd.env("CAREER_EXPLORER_MAX_FILE_MB", mb);
    }
    cmd.output().unwrap()
}

/// Asserts a clean refusal: exit 2, `file:line:col:` on stderr, no control bytes.
fn refused(file: &str, bytes: &[u8]) -> String {
    let dir = data_with(file, bytes);
    let out = validate_limited(dir.path());
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{file}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    let needle = format!("{file}:");
    let at = err
        .find(&needle)
        .unwrap_or_else(|| panic!("names {file}: {err}"));
    let rest = &err[at + needle.len()..];
    let mut parts = rest.splitn(3, ':');
    let line = parts.next().and_then(|l| l.parse::<usize>().ok());
    let col = parts.next().and_then(|c| c.parse::<usize>().ok());
    assert!(line.is_some() && col.is_some(), "line and column: {err}");
    assert!(
        !out.stderr
            .iter()
            .any(|&b| b < 0x20 && b != b'\n' || b == 0x7f),
        "control bytes on stderr: {err:?}"
    );
    err
}

#[test]
fn the_bundled_data_loads_under_the_memory_limit() {
    let dir = data_with("notes.yaml", include_bytes!("../../data/notes.yaml"));
    let out = validate_limited(dir.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn alias_expansion_is_refused() {
    // Nine levels of ten aliases each: a billion strings if expanded.
    let mut y = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        let refs = vec![format!("*{prev}"); 10].join(",");
        y.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    y.push_str("roles: *i\n");
    let err = refused("roles.yaml", y.as_bytes());
    assert!(err.contains("roles.yaml:1:"), "at the first anchor: {err}");
    assert!(err.contains("anchors") || err.contains("aliases"), "{err}");
}

#[test]
fn a_huge_file_is_refused_before_parsing() {
    let mut y = b"roles:\n  - id: \"".to_vec();
    y.extend(std::iter::repeat_n(b'x', 5 * 1024 * 1024));
    y.extend(b"\"\n");
    let dir = data_with("roles.yaml", &y);
    let out = validate_limited(dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("roles.yaml") && err.contains("byte limit"),
        "{err}"
    );
}

/// The bundled roles.yaml behind about 5.5 MiB of comment lines: valid, but
/// over the default limit.
fn large_valid_roles() -> tempfile::TempDir {
    let mut y = Vec::new();
    for _ in 0..57_000 {
        y.extend_from_slice(b"# ");
        y.extend(std::iter::repeat_n(b'x', 98));
        y.push(b'\n');
    }
    y.extend_from_slice(include_bytes!("../../data/roles.yaml"));
    assert!(y.len() > 5 * 1024 * 1024 + 512 * 1024 && y.len() < 6 * 1024 * 1024);
    data_with("roles.yaml", &y)
}

#[test]
fn the_size_refusal_names_the_file_its_size_and_the_way_out() {
    let dir = large_valid_roles();
    let out = validate_limited(dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let size = std::fs::metadata(dir.path().join("roles.yaml"))
        .unwrap()
        .len();
    assert!(err.contains("roles.yaml"), "{err}");
    assert!(err.contains(&format!("{size} bytes")), "{err}");
    assert!(err.contains("4194304 byte limit (4 MiB)"), "{err}");
    assert!(
        err.contains("--max-file-mb 6 or CAREER_EXPLORER_MAX_FILE_MB=6"),
        "{err}"
    );
}

#[test]
fn a_larger_limit_from_the_flag_or_the_environment_loads_a_large_file() {
    let dir = large_valid_roles();
    let loads = |args: &[&str], env: Option<&str>| {
        let out = validate_limited_with(dir.path(), args, env);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        match out.status.code() {
            Some(0) => {
                assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: 11 roles"));
                true
            }
            Some(2) if err.contains("byte limit") => false,
            code => panic!("{args:?} {env:?}: exit {code:?}: {err}"),
        }
    };
    assert!(loads(&["--max-file-mb", "6"], None));
    assert!(loads(&[], Some("6")));
    assert!(!loads(&["--max-file-mb", "5"], None));
    assert!(!loads(&[], Some("5")));
    // The flag wins over the variable, either way.
    assert!(!loads(&["--max-file-mb", "5"], Some("6")));
    assert!(loads(&["--max-file-mb", "6"], Some("5")));
}

/// A valid catalog whose skills.yaml is about 6 MiB: the bundled skills and
/// 28,000 more like them.
fn large_valid_skills() -> tempfile::TempDir {
    let mut y = String::from_utf8(include_bytes!("../../data/skills.yaml").to_vec()).unwrap();
    for i in 0..28_000 {
        y.push_str(&format!(
            "  - id: K{i:07}\n    category: delivery\n    name: {{en: \"Ship feature {i} behind a flag and watch its evals\", zh: \"在功能开关后发布功能 {i} 并观察评估\"}}\n    roles: [ai_engineer, fullstack_engineer]\n    tools: [\"LangChain\", \"Ragas\"]\n"
        ));
    }
    assert!(y.len() > 5 * 1024 * 1024 && y.len() < 7 * 1024 * 1024);
    data_with("skills.yaml", y.as_bytes())
}

/// A large file loads in bounded memory: `serde_yaml` holds a document's
/// parser events while it builds the values (about 15x the file: 106 MiB of
/// peak RSS for this 6.7 MiB skills.yaml, measured), so the bound is that
/// of issue 11's largest catalog (150 MiB RSS for an ESCO-sized catalog,
/// whose largest file is smaller than this one) plus the binary's mappings:
/// 200 MB of address space. The streaming loader this replaced held 80 MB.
#[test]
fn a_large_catalog_loads_in_bounded_memory() {
    let dir = large_valid_skills();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 200000 && exec \"$0\" validate --max-file-mb 8 --data \"$1\"")
        .arg(BIN)
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let ok = String::from_utf8_lossy(&out.stdout);
    assert!(ok.starts_with("ok: 11 roles, 28137 skills"), "{ok}");
}

#[test]
fn deep_nesting_is_refused() {
    let y = format!("roles: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let err = refused("roles.yaml", y.as_bytes());
    assert!(err.contains("levels deep"), "{err}");
}

#[test]
fn control_and_bidi_characters_never_reach_the_terminal() {
    // In a key: an unknown field whose name carries an OSC title change.
    let y = "roles:\n  - id: x\n    \"\\e]0;pwned\\a\\u202e\": 1\n";
    refused("roles.yaml", y.as_bytes());
    // In values: raw ESC and BEL bytes inside a quoted string.
    let y = b"roles:\n  - id: \"a\x1b[2Jb\x07\"\n";
    refused("roles.yaml", y);
}

#[test]
fn invalid_utf8_is_refused_with_its_position() {
    let err = refused("skills.yaml", b"categories: []\nskills: [\xff]\n");
    assert!(err.contains("skills.yaml:2:10"), "{err}");
    assert!(err.contains("UTF-8"), "{err}");
}

#[test]
fn empty_and_comment_only_files_are_refused() {
    let err = refused("notes.yaml", b"");
    assert!(err.contains("empty"), "{err}");
    let err = refused("notes.yaml", b"# nothing here\n\n");
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn a_directory_in_place_of_a_file_is_refused() {
    let dir = data_with("notes.yaml", b"x: 1\n");
    std::fs::remove_file(dir.path().join("notes.yaml")).unwrap();
    std::fs::create_dir(dir.path().join("notes.yaml")).unwrap();
    let out = validate_limited(dir.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("notes.yaml") && err.contains("directory"),
        "{err}"
    );
}

#[test]
fn duplicate_keys_are_refused() {
    let y = "categories: []\ncategories: []\nskills: []\n";
    let err = refused("skills.yaml", y.as_bytes());
    assert!(err.contains("skills.yaml:2:1"), "{err}");
    assert!(err.contains("duplicate key `categories`"), "{err}");
}

#[test]
fn wrong_types_and_unknown_fields_are_refused() {
    let err = refused("skills.yaml", b"categories: 5\nskills: []\n");
    assert!(err.contains("skills.yaml:1:"), "{err}");
    let err = refused("skills.yaml", b"categories: []\nskills: []\nextra: 1\n");
    assert!(err.contains("unknown field `extra`"), "{err}");
}

#[test]
fn several_documents_are_refused() {
    let err = refused(
        "skills.yaml",
        b"categories: []\nskills: []\n---\ncategories: []\n",
    );
    assert!(err.contains("skills.yaml:3:"), "{err}");
    assert!(err.contains("one document per file"), "{err}");
}

#[test]
fn tabs_in_indentation_are_refused() {
    let err = refused("skills.yaml", b"categories:\n\t- id: x\nskills: []\n");
    assert!(err.contains("skills.yaml:2:1"), "{err}");
    assert!(err.contains("spaces"), "{err}");
}

#[test]
fn anchors_in_the_progress_file_load_within_a_bound() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("progress.yaml");
    std::fs::write(
        &p,
        "version: 1\nskills:\n  S01: &e {state: done}\n  S02: *e\n",
    )
    .unwrap();
    let progress = career_core::store::progress::load(&p).unwrap();
    assert!(progress.is_done("S01") && progress.is_done("S02"));
    // A billion laughs: refused with its line and column, not expanded.
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        bomb.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            vec![format!("*a{p}"); 10].join(", ")
        ));
    }
    std::fs::write(&p, &bomb).unwrap();
    let err = career_core::store::progress::load(&p)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with(&format!("{}:", p.display())), "{err}");
    assert!(err.contains("aliases (*name) expand to more than"), "{err}");
    assert_eq!(std::fs::read_to_string(&p).unwrap(), bomb, "left alone");
}
