//! Issue 11 point 3: the catalog cache is gone. Neither the app's commands
//! nor a large `--data` catalog write anything under `$XDG_CACHE_HOME` or
//! the home folder (the progress file lives under `$XDG_DATA_HOME`).

use std::path::Path;

/// Every file below `dir`, as paths relative to it.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out
}

#[test]
fn commands_write_nothing_under_the_cache_or_home() {
    let home = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let data_home = tempfile::tempdir().unwrap();
    // A --data folder over 1 MiB: the size the old cache kept.
    let data = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for f in career_core::store::loader::FILES {
        std::fs::copy(src.join(f), data.path().join(f)).unwrap();
    }
    let mut skills = std::fs::read_to_string(src.join("skills.yaml")).unwrap();
    for i in 0..9000 {
        skills.push_str(&format!(
            "  - id: K{i:05}\n    category: delivery\n    name: {{en: \"Ship feature {i} behind a flag\", zh: \"功能 {i}\"}}\n    roles: [ai_engineer]\n    tools: [\"LangChain\"]\n"
        ));
    }
    assert!(skills.len() > 1024 * 1024);
    std::fs::write(data.path().join("skills.yaml"), skills).unwrap();
    let d = data.path().to_str().unwrap();
    for args in [
        vec!["validate", "--data", d],
        vec!["search", "--data", d, "ship feature"],
        vec!["search", "--data", d, "ship feature"],
        vec!["skills", "--data", d],
        vec!["roles"],
        vec!["search", "rag"],
        vec!["progress"],
    ] {
        let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_career-explorer"))
            .args(&args)
            .env("HOME", home.path())
            .env("XDG_CACHE_HOME", cache.path())
            .env("XDG_DATA_HOME", data_home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .output()
            .unwrap();
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(files(cache.path()), Vec::<String>::new(), "nothing cached");
    assert_eq!(
        files(home.path()),
        Vec::<String>::new(),
        "nothing in the home folder"
    );
}
