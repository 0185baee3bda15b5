//! Data-loader tests: every kind of mistake in a `--data` folder is reported
//! with its file, line and column (and id, where there is one), `validate`
//! lists every problem and exits 2, and nothing from a data file reaches the
//! terminal unfiltered.
//!
//! Each case copies the bundled `data/*.yaml` into a temporary folder, makes
//! one targeted text edit, and computes the expected position from the edited
//! text, so the tests keep working when the bundled data grows.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::{bin, data_copy};
use career_core::error::Problem;
use career_core::model::{Catalog, Text};
use career_core::store::loader::{load_bundled, load_dir};
use tempfile::TempDir;

// ---------- helpers ----------

/// A copy of the bundled data folder, edited by one test.
struct DataDir {
    dir: TempDir,
}

impl DataDir {
    fn new() -> Self {
        DataDir { dir: data_copy() }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn file(&self, name: &str) -> PathBuf {
        self.path().join(name)
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.file(name)).expect("read data file")
    }

    /// Replaces the first `from` found after the first `anchor` in `name` with
    /// `to`. Returns the edited text and the byte offset where `to` starts.
    fn edit(&self, name: &str, anchor: &str, from: &str, to: &str) -> (String, usize) {
        let text = self.read(name);
        let a = text
            .find(anchor)
            .unwrap_or_else(|| panic!("{name}: anchor {anchor:?} not found"));
        let at = a + text[a..]
            .find(from)
            .unwrap_or_else(|| panic!("{name}: {from:?} not found after {anchor:?}"));
        let edited = format!("{}{to}{}", &text[..at], &text[at + from.len()..]);
        std::fs::write(self.file(name), &edited).expect("write data file");
        (edited, at)
    }

    /// Replaces the text from `start` up to (not including) the next `end`,
    /// both searched after `anchor`. Returns the edited text and the offset of `to`.
    fn replace_block(
        &self,
        name: &str,
        anchor: &str,
        start: &str,
        end: &str,
        to: &str,
    ) -> (String, usize) {
        let text = self.read(name);
        let a = text.find(anchor).expect("anchor");
        let s = a + text[a..].find(start).expect("block start");
        let e = s + text[s..].find(end).expect("block end");
        let edited = format!("{}{to}{}", &text[..s], &text[e..]);
        std::fs::write(self.file(name), &edited).expect("write data file");
        (edited, s)
    }

    /// Loads the folder, expecting it to fail, and returns the problems.
    fn problems(&self) -> Vec<Problem> {
        match load_dir(self.path()) {
            Ok(_) => panic!("the edited data folder loaded without a problem"),
            Err(e) => {
                assert!(!e.problems.is_empty(), "an error must list a problem");
                e.problems
            }
        }
    }

    fn load_ok(&self) -> Catalog {
        load_dir(self.path()).unwrap_or_else(|e| panic!("expected the folder to load:\n{e}"))
    }

    /// Runs `career-explorer validate --data <this folder>`.
    fn validate(&self) -> Output {
        bin()
            .arg("validate")
            .arg("--data")
            .arg(self.path())
            .output()
            .expect("run career-explorer")
    }
}

/// 1-based line and column (counted in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Position of the only occurrence of `needle` in `text`.
fn pos_of(text: &str, needle: &str) -> (usize, usize) {
    assert_eq!(
        text.matches(needle).count(),
        1,
        "{needle:?} must occur exactly once in the edited text"
    );
    line_col(text, text.find(needle).unwrap())
}

/// Position of the first `needle` at or after byte offset `from`.
fn pos_after(text: &str, from: usize, needle: &str) -> (usize, usize) {
    let rel = text[from..]
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not found"));
    line_col(text, from + rel)
}

/// The file name a problem points at (the loader may print a full path).
fn file_name(p: &Problem) -> &str {
    Path::new(&p.file)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_else(|| panic!("problem file {:?} has no file name", p.file))
}

/// Asserts there is exactly one problem and returns it.
fn single(problems: &[Problem]) -> &Problem {
    assert_eq!(
        problems.len(),
        1,
        "expected exactly one problem, got {problems:#?}"
    );
    &problems[0]
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts `validate` failed cleanly: exit 2, no panic, and returns stderr.
fn assert_exit_2(out: &Output) -> String {
    let err = stderr(out);
    assert_eq!(
        out.status.code(),
        Some(2),
        "validate must exit 2; stdout: {}; stderr: {err}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!err.contains("panicked"), "validate panicked: {err}");
    assert!(
        !err.trim().is_empty(),
        "validate must explain the failure on stderr"
    );
    err
}

/// `validate` printed `<file>:<line>:<col>: ` for this problem (any directory prefix).
fn assert_reported(err: &str, file: &str, (line, col): (usize, usize)) {
    let needle = format!("{file}:{line}:{col}: ");
    assert!(
        err.contains(&needle),
        "stderr should contain {needle:?}, got:\n{err}"
    );
}

fn assert_no_terminal_controls(bytes: &[u8]) {
    for bad in [0x1b_u8, 0x07] {
        assert!(
            !bytes.contains(&bad),
            "output contains byte {bad:#04x}: {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

/// The unedited copy is valid, so every failure below comes from its edit.
#[test]
fn unedited_copy_validates_ok() {
    let data = DataDir::new();
    let out = data.validate();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.starts_with("ok: 11 roles, 137 skills in 20 categories, 6 postings"),
        "{stdout}"
    );
    assert!(out.stderr.is_empty(), "stderr: {}", stderr(&out));
}

// ---------- 1. YAML syntax ----------

#[test]
fn unclosed_bracket_is_reported_at_the_parser_error() {
    let data = DataDir::new();
    // ml_researcher's key_tools as a flow list that is never closed.
    let (text, at) = data.replace_block(
        "roles.yaml",
        "id: ml_researcher",
        "    key_tools:\n",
        "    vs_ai_engineer:",
        "    key_tools: [\"PyTorch\", \"GPU clusters\"\n",
    );
    // The parser notices at the next key, where it wanted `,` or `]`.
    let expected = pos_after(&text, at, "vs_ai_engineer:");
    assert_eq!(expected.0, line_col(&text, at).0 + 1);

    let problems = data.problems();
    let p = single(&problems);
    assert_eq!(file_name(p), "roles.yaml");
    assert_eq!(p.position, Some(expected), "{p}");
    assert!(p.message.contains(']'), "message should name the `]`: {p}");

    let err = assert_exit_2(&data.validate());
    assert_reported(&err, "roles.yaml", expected);
    assert!(err.contains(&p.message), "{err}");
}

#[test]
fn bad_indentation_is_reported_at_the_misindented_line() {
    let data = DataDir::new();
    // ml_researcher's `summary:` one column left of its siblings.
    let (text, at) = data.edit(
        "roles.yaml",
        "id: ml_researcher",
        "\n    summary:\n",
        "\n   summary:\n",
    );
    // The parser stops at the misindented key: its line, column 4.
    let expected = line_col(&text, at + "\n   ".len());
    assert_eq!(expected.1, 4);

    let problems = data.problems();
    let p = single(&problems);
    assert_eq!(file_name(p), "roles.yaml");
    assert_eq!(
        p.position,
        Some(expected),
        "the position should be the misindented line, got: {p}"
    );

    let err = assert_exit_2(&data.validate());
    assert_reported(&err, "roles.yaml", expected);
}

// ---------- 2. unknown field ----------

#[test]
fn unknown_field_is_named_with_its_file_and_line() {
    let data = DataDir::new();
    let (text, _) = data.edit(
        "roles.yaml",
        "",
        "  - id: ml_researcher\n",
        "  - id: ml_researcher\n    colour: blue\n",
    );
    let expected = pos_of(&text, "colour: blue");

    let problems = data.problems();
    let p = single(&problems);
    assert_eq!(file_name(p), "roles.yaml");
    assert_eq!(p.position, Some(expected), "{p}");
    assert!(p.message.contains("colour"), "{p}");
    assert!(p.message.contains("unknown field"), "{p}");

    let err = assert_exit_2(&data.validate());
    assert_reported(&err, "roles.yaml", expected);
    assert!(err.contains("colour"), "{err}");
}

// ---------- 3. duplicate id ----------

#[test]
fn duplicate_skill_id_points_at_the_second_declaration() {
    let data = DataDir::new();
    let (text, at) = data.edit("skills.yaml", "", "  - id: S02\n", "  - id: S01\n");
    let first = line_col(&text, text.find("  - id: S01\n").unwrap());
    let second = line_col(&text, at + "  - id: ".len());
    assert!(second.0 > first.0);

    let problems = data.problems();
    let dups: Vec<_> = problems
        .iter()
        .filter(|p| p.message.contains("duplicate"))
        .collect();
    assert_eq!(
        dups.len(),
        1,
        "one duplicate problem expected: {problems:#?}"
    );
    let p = dups[0];
    assert_eq!(file_name(p), "skills.yaml");
    assert_eq!(p.id.as_deref(), Some("S01"));
    assert_eq!(p.position, Some(second), "{p}");
    assert!(p.message.contains("S01"), "{p}");
}

// ---------- 4. dangling references ----------

/// Makes one edit that leaves `bad_id` dangling, then checks the single problem.
fn assert_dangling(file: &str, anchor: &str, from: &str, to: &str, bad_id: &str) {
    let data = DataDir::new();
    let (text, at) = data.edit(file, anchor, from, to);
    // The offending reference is the `bad_id` inside the replacement.
    let rel = to.find(bad_id).expect("the replacement holds the bad id");
    let expected = line_col(&text, at + rel);

    let problems = data.problems();
    let p = single(&problems);
    assert_eq!(file_name(p), file, "{p}");
    assert_eq!(p.id.as_deref(), Some(bad_id), "{p}");
    assert_eq!(p.position, Some(expected), "{p}");
    assert!(p.message.contains(bad_id), "{p}");

    let err = assert_exit_2(&data.validate());
    assert_reported(&err, file, expected);
}

#[test]
fn skill_naming_an_unknown_role() {
    assert_dangling(
        "skills.yaml",
        "id: S02\n",
        "roles: [ai_engineer, ml_engineer]",
        "roles: [ai_engineer, ml_enginer]",
        "ml_enginer",
    );
}

#[test]
fn posting_requirement_naming_an_unknown_skill() {
    assert_dangling(
        "postings.yaml",
        "id: NQ2\n",
        "skills: [S09, S14,",
        "skills: [S09, S99,",
        "S99",
    );
}

#[test]
fn spectrum_naming_an_unknown_role() {
    assert_dangling(
        "boundary.yaml",
        "",
        "spectrum: [ml_researcher, ml_engineer,",
        "spectrum: [ml_researcher, ml_enginer,",
        "ml_enginer",
    );
}

#[test]
fn role_naming_an_unknown_workflow() {
    assert_dangling(
        "roles.yaml",
        "id: product_manager\n",
        "workflow: ai_engineering\n",
        "workflow: ai_enginering\n",
        "ai_enginering",
    );
}

/// `ml_engineering` cut short to `ml_engineer` inside the `ml_engineer` role:
/// the bad workflow equals the role's own id, which must not mislead the search.
#[test]
fn role_naming_its_own_id_as_workflow_is_reported_at_the_workflow_line() {
    assert_dangling(
        "roles.yaml",
        "id: ml_engineer\n",
        "workflow: ml_engineering\n",
        "workflow: ml_engineer\n",
        "ml_engineer",
    );
}

#[test]
fn skill_naming_an_unknown_category() {
    assert_dangling(
        "skills.yaml",
        "id: S05\n",
        "category: model_literacy\n",
        "category: model_literacyy\n",
        "model_literacyy",
    );
}

// ---------- 5. every problem is reported ----------

#[test]
fn validate_reports_every_problem_not_only_the_first() {
    let data = DataDir::new();
    let mut expected = Vec::new();
    for (file, anchor, from, to, bad) in [
        (
            "skills.yaml",
            "id: S02\n",
            "roles: [ai_engineer, ml_engineer]",
            "roles: [ai_engineer, ml_enginer]",
            "ml_enginer",
        ),
        (
            "skills.yaml",
            "id: S05\n",
            "category: model_literacy\n",
            "category: model_literacyy\n",
            "model_literacyy",
        ),
        (
            "postings.yaml",
            "id: NQ2\n",
            "skills: [S09, S14,",
            "skills: [S09, S99,",
            "S99",
        ),
    ] {
        let (text, at) = data.edit(file, anchor, from, to);
        expected.push((file, line_col(&text, at + to.find(bad).unwrap()), bad));
    }

    let problems = data.problems();
    assert_eq!(problems.len(), 3, "{problems:#?}");
    for (file, pos, bad) in &expected {
        assert!(
            problems.iter().any(|p| file_name(p) == *file
                && p.position == Some(*pos)
                && p.id.as_deref() == Some(*bad)),
            "missing {file}:{pos:?} `{bad}` in {problems:#?}"
        );
    }

    let err = assert_exit_2(&data.validate());
    for (file, pos, bad) in &expected {
        assert_reported(&err, file, *pos);
        assert!(err.contains(bad), "{err}");
    }
}

/// A file that cannot be read must not hide a syntax error in another file.
#[test]
fn a_missing_file_does_not_hide_a_syntax_error_elsewhere() {
    let data = DataDir::new();
    std::fs::remove_file(data.file("notes.yaml")).unwrap();
    let (text, at) = data.replace_block(
        "roles.yaml",
        "id: ml_researcher",
        "    key_tools:\n",
        "    vs_ai_engineer:",
        "    key_tools: [\"PyTorch\", \"GPU clusters\"\n",
    );
    let syntax = pos_after(&text, at, "vs_ai_engineer:");

    let problems = data.problems();
    assert!(
        problems.iter().any(|p| file_name(p) == "notes.yaml"),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| file_name(p) == "roles.yaml" && p.position == Some(syntax)),
        "the syntax error in roles.yaml is not reported: {problems:#?}"
    );
}

// ---------- 6. missing file, folder in place of a file ----------

#[test]
fn missing_file_is_named() {
    let data = DataDir::new();
    std::fs::remove_file(data.file("notes.yaml")).unwrap();

    let problems = data.problems();
    let p = single(&problems);
    assert_eq!(file_name(p), "notes.yaml");
    assert_eq!(p.position, None);
    assert!(p.message.contains("missing"), "{p}");

    let err = assert_exit_2(&data.validate());
    assert!(err.contains("notes.yaml"), "{err}");
    assert!(err.contains("missing"), "{err}");
}

#[test]
fn folder_in_place_of_a_file_is_a_clear_problem() {
    let data = DataDir::new();
    std::fs::remove_file(data.file("notes.yaml")).unwrap();
    std::fs::create_dir(data.file("notes.yaml")).unwrap();

    let problems = data.problems();
    let p = single(&problems);
    assert_eq!(file_name(p), "notes.yaml");
    assert_eq!(p.position, None);
    assert!(p.message.contains("directory"), "{p}");

    let err = assert_exit_2(&data.validate());
    assert!(err.contains("notes.yaml"), "{err}");
    assert!(err.contains("directory"), "{err}");
}

// ---------- 7. invalid UTF-8 ----------

#[test]
fn invalid_utf8_is_reported_with_line_and_column() {
    let data = DataDir::new();
    let text = data.read("roles.yaml");
    // A stray 0xFF in the middle of the first Chinese name, after four CJK chars.
    let target = "      zh: \"机器学习研究员\"";
    let at = text.find(target).expect("first role's Chinese name") + target.find("研").unwrap();
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(at, 0xFF);
    std::fs::write(data.file("roles.yaml"), &bytes).unwrap();
    let expected = line_col(&text, at);
    assert_eq!(expected.1, "      zh: \"机器学习".chars().count() + 1);

    let problems = data.problems();
    let p = single(&problems);
    assert_eq!(file_name(p), "roles.yaml");
    assert_eq!(p.position, Some(expected), "{p}");
    assert!(p.message.contains("UTF-8"), "{p}");

    let err = assert_exit_2(&data.validate());
    assert_reported(&err, "roles.yaml", expected);
}

// ---------- 8. wrong type ----------

#[test]
fn unknown_enum_value_is_reported_at_its_line() {
    let data = DataDir::new();
    let (text, at) = data.edit(
        "roles.yaml",
        "id: ml_researcher\n",
        "side: left\n",
        "side: sideways\n",
    );
    let expected = line_col(&text, at + "side: ".len());

    let problems = data.problems();
    let p = single(&problems);
    assert_eq!(file_name(p), "roles.yaml");
    assert_eq!(p.position, Some(expected), "{p}");
    assert!(p.message.contains("sideways"), "{p}");

    let err = assert_exit_2(&data.validate());
    assert_reported(&err, "roles.yaml", expected);
}

#[test]
fn number_in_place_of_a_list_is_reported_at_its_line() {
    let data = DataDir::new();
    let (text, at) = data.replace_block(
        "roles.yaml",
        "id: ml_researcher",
        "    activities:\n",
        "    outputs:",
        "    activities: 5\n",
    );
    let expected = line_col(&text, at + "    activities: ".len());

    let problems = data.problems();
    let p = single(&problems);
    assert_eq!(file_name(p), "roles.yaml");
    assert_eq!(p.position, Some(expected), "{p}");
    assert!(p.message.contains("activities"), "{p}");

    let err = assert_exit_2(&data.validate());
    assert_reported(&err, "roles.yaml", expected);
}

// ---------- 9. control characters ----------

/// No C0/C1 control, DEL or bidi override survives into a loaded text.
fn assert_terminal_safe(s: &str) {
    for c in s.chars() {
        assert!(
            c >= ' ' && c != '\u{7f}' && !('\u{80}'..='\u{9f}').contains(&c),
            "control char {c:?} in {s:?}"
        );
        assert!(
            !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'),
            "bidi control {c:?} in {s:?}"
        );
    }
}

#[test]
fn escape_sequences_and_bidi_overrides_in_names_are_sanitised() {
    let data = DataDir::new();
    data.edit(
        "roles.yaml",
        "id: ml_researcher\n",
        "      en: \"ML Researcher\"\n",
        "      en: \"ML \\e[31mResearcher\\u001b[2J\\u009b1m\"\n",
    );
    data.edit(
        "roles.yaml",
        "id: ml_researcher\n",
        "      zh: \"机器学习研究员\"\n",
        "      zh: \"机器学习\u{202E}研究员\\u202E\"\n",
    );
    // The edit really put the escapes and the override in the file.
    let text = data.read("roles.yaml");
    assert!(text.contains("\\e[31m") && text.contains('\u{202E}'));

    let catalog = data.load_ok();
    let role = catalog.role("ml_researcher").expect("ml_researcher");
    assert_terminal_safe(&role.name.en);
    assert_terminal_safe(&role.name.zh);
    assert!(!role.name.en.contains('\u{1b}'));
    assert!(role.name.en.starts_with("ML "), "{}", role.name.en);
    assert!(role.name.en.contains("Researcher"), "{}", role.name.en);
    assert!(role.name.en.contains("[31m"), "the printable rest is kept");
    assert_eq!(role.name.zh.as_str(), "机器学习研究员");
}

#[test]
fn escape_in_an_unknown_field_name_does_not_reach_stderr() {
    let data = DataDir::new();
    let (text, _) = data.edit(
        "roles.yaml",
        "",
        "  - id: ml_researcher\n",
        "  - id: ml_researcher\n    \"\\e]0;pwned\\a\": 1\n",
    );
    let expected = pos_of(&text, "\"\\e]0;pwned");

    let problems = data.problems();
    let p = single(&problems);
    assert_eq!(file_name(p), "roles.yaml");
    assert_eq!(p.position, Some(expected), "{p}");
    assert!(p.message.contains("unknown field"), "{p}");
    assert_no_terminal_controls(p.to_string().as_bytes());

    let out = data.validate();
    let err = assert_exit_2(&out);
    assert_no_terminal_controls(&out.stderr);
    assert_reported(&err, "roles.yaml", expected);
    assert!(err.contains("]0;pwned"), "{err}");
}

/// Ids are not `Clean` text: an escape in a reference or an id must still be
/// filtered before it is printed.
#[test]
fn escapes_in_ids_do_not_reach_stderr() {
    let data = DataDir::new();
    // A dangling role reference and an invalid skill id, both holding escapes.
    data.edit(
        "skills.yaml",
        "id: S02\n",
        "roles: [ai_engineer, ml_engineer]",
        "roles: [ai_engineer, \"\\e]0;pwned\\a\"]",
    );
    data.edit("skills.yaml", "", "  - id: S03\n", "  - id: \"S\\e[2J\"\n");

    let problems = data.problems();
    for p in &problems {
        assert_no_terminal_controls(p.to_string().as_bytes());
    }

    let out = data.validate();
    let err = assert_exit_2(&out);
    assert_no_terminal_controls(&out.stderr);
    assert!(err.contains("]0;pwned"), "{err}");
    assert!(err.contains("[2J"), "{err}");
}

/// A raw ESC byte (not a YAML escape) is refused by the parser; the problem
/// must point at the byte, not at the start of the file.
#[test]
fn raw_control_byte_is_reported_at_its_position() {
    let data = DataDir::new();
    let (text, at) = data.edit(
        "roles.yaml",
        "id: ml_researcher\n",
        "ML Researcher",
        "ML \u{1b}[31mResearcher",
    );
    let expected = line_col(&text, at + "ML ".len());

    let problems = data.problems();
    let p = single(&problems);
    assert_eq!(file_name(p), "roles.yaml");
    assert_eq!(p.position, Some(expected), "{p}");
    assert_no_terminal_controls(p.to_string().as_bytes());

    let out = data.validate();
    let err = assert_exit_2(&out);
    assert_no_terminal_controls(&out.stderr);
    assert_reported(&err, "roles.yaml", expected);
}

// ---------- 10. the bundled data ----------

#[test]
fn bundled_data_has_the_expected_shape() {
    let c = load_bundled().unwrap_or_else(|e| panic!("bundled data must load:\n{e}"));
    assert_eq!(c.roles.len(), 11);
    assert_eq!(c.skills.len(), 137);
    assert_eq!(c.categories.len(), 20);
    assert_eq!(c.postings.len(), 6);

    let posting = &c.postings[0];
    assert_eq!(posting.responsibilities.len(), 4);
    assert_eq!(
        posting
            .responsibilities
            .iter()
            .filter(|r| r.emphasis)
            .count(),
        3
    );
    assert_eq!(posting.requirements.len(), 4);
    for req in &posting.requirements {
        assert!(
            !req.skills.is_empty(),
            "requirement {} has no skill",
            req.id
        );
        assert_eq!(
            req.skill_idx.len(),
            req.skills.len(),
            "requirement {} skills not all resolved",
            req.id
        );
    }
}

#[test]
fn bundled_data_has_every_fact_sheet_role() {
    let c = load_bundled().expect("bundled data");
    for id in [
        "ml_researcher",
        "ml_engineer",
        "ai_engineer",
        "fullstack_engineer",
        "prompt_engineer",
        "research_engineer",
        "data_scientist",
        "llm_training_engineer",
        "mlops_engineer",
        "product_manager",
        "data_engineer",
    ] {
        assert!(
            c.role(id).is_some(),
            "role `{id}` missing from the bundled data"
        );
    }
}

#[test]
fn bundled_texts_are_filled_in_both_languages() {
    let c = load_bundled().expect("bundled data");
    let mut texts: Vec<(String, &Text)> = Vec::new();
    for r in &c.roles {
        let id = &r.id;
        texts.push((format!("role {id} name"), &r.name));
        texts.push((format!("role {id} summary"), &r.summary));
        texts.push((format!("role {id} iteration.note"), &r.iteration.note));
        if let Some(t) = &r.vs_ai_engineer {
            texts.push((format!("role {id} vs_ai_engineer"), t));
        }
        for (what, list) in [
            ("aliases", &r.aliases),
            ("activities", &r.activities),
            ("outputs", &r.outputs),
        ] {
            for (i, t) in list.iter().enumerate() {
                texts.push((format!("role {id} {what}[{i}]"), t));
            }
        }
        for (i, f) in r.facts.iter().enumerate() {
            assert!(!f.en.trim().is_empty(), "role {id} facts[{i}]: empty `en`");
            assert!(!f.zh.trim().is_empty(), "role {id} facts[{i}]: empty `zh`");
        }
    }
    for s in &c.skills {
        texts.push((format!("skill {} name", s.id), &s.name));
    }
    for cat in &c.categories {
        texts.push((format!("category {} name", cat.id), &cat.name));
    }
    assert!(texts.len() > 11 * 6 + 42 + 10);
    for (what, t) in texts {
        assert!(!t.en.trim().is_empty(), "{what}: empty `en`");
        assert!(!t.zh.trim().is_empty(), "{what}: empty `zh`");
    }
}

/// Case null-and-empty-text-accepted: `en: ~` showed as "~", `zh: null` as
/// "null", and `en:` / `en: ""` gave a role with no name, all "ok". Each is
/// refused at the value's line and column, as a missing text is.
#[test]
fn null_and_empty_text_accepted() {
    for blank in ["~", "null", "\"\"", "''", "\"  \"", ""] {
        let d = DataDir::new();
        let (text, at) = d.edit(
            "roles.yaml",
            "id: ml_engineer",
            "en: \"ML Engineer\"",
            &format!("en: {blank}"),
        );
        let problems = d.problems();
        assert_eq!(problems.len(), 1, "{blank:?}: {problems:?}");
        let p = &problems[0];
        assert_eq!(file_name(p), "roles.yaml");
        assert!(
            p.message.contains("empty or null text"),
            "{blank:?}: {}",
            p.message
        );
        let (line, _) = line_col(&text, at);
        assert_eq!(p.position.map(|x| x.0), Some(line), "{blank:?}: {p:?}");
    }
    // A Chinese text too, and through the command: exit 2 with file:line:col.
    let d = DataDir::new();
    let (text, at) = d.edit(
        "roles.yaml",
        "id: ml_researcher",
        "zh: \"机器学习研究员\"",
        "zh: null",
    );
    let out = d.validate();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let (line, col) = pos_after(&text, at, "null");
    assert!(err.contains(&format!("roles.yaml:{line}:{col}:")), "{err}");
}

#[test]
fn an_unknown_basis_tag_on_a_skill_is_reported_where_it_stands() {
    assert_dangling(
        "skills.yaml",
        "id: S03\n",
        "basis: [suggested]",
        "basis: [sedd]",
        "sedd",
    );
}

#[test]
fn an_unknown_basis_tag_on_a_role_field_or_the_crossing_is_reported() {
    assert_dangling(
        "roles.yaml",
        "id: data_engineer\n",
        "key_tools: [seed, suggested]",
        "key_tools: [seed, sugested]",
        "sugested",
    );
    assert_dangling(
        "boundary.yaml",
        "crossing:\n",
        "basis: [essay, suggested]",
        "basis: [esay, suggested]",
        "esay",
    );
}

#[test]
fn a_fact_may_be_plain_text_or_carry_a_basis() {
    let data = DataDir::new();
    data.edit(
        "roles.yaml",
        "id: ml_engineer\n",
        "      - en: \"Typical products",
        "      - basis: [essay]\n        en: \"Typical products",
    );
    let c = data.load_ok();
    let facts = &c.role("ml_engineer").unwrap().facts;
    assert!(facts[0].basis.is_empty());
    assert_eq!(facts[2].basis, ["essay"]);
}
