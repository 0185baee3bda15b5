//! Issue 11 point 3: the catalog cache is gone. Neither the app's commands
//! nor a large `--data` catalog write anything under `$XDG_CACHE_HOME` or
//! the home folder (the progress file lives under `$XDG_DATA_HOME`).

use std::path::PathBuf;

use crate::common::{BIN, bundled_data, data_copy, files_below};

#[test]
fn commands_write_nothing_under_the_cache_or_home() {
    let home = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let data_home = tempfile::tempdir().unwrap();
    // A --data folder over 1 MiB: the size the old cache kept.
    let data = data_copy();
    let mut skills = std::fs::read_to_string(bundled_data().join("skills.yaml")).unwrap();
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
        let out = assert_cmd::Command::new(BIN)
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
    assert_eq!(
        files_below(cache.path()),
        Vec::<PathBuf>::new(),
        "nothing cached"
    );
    assert_eq!(
        files_below(home.path()),
        Vec::<PathBuf>::new(),
        "nothing in the home folder"
    );
}
