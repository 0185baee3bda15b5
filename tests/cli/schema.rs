//! The JSON Schemas in `schema/`: fresh, and in agreement with the data.

use std::path::{Path, PathBuf};

use career_core::schema::{KINDS, file_kind, schema_json};
use career_core::store::loader::FILES;
use career_core::store::progress::{self, Progress, State};
use serde_json::Value;

const REGENERATE: &str = "for k in boundary roles skills postings notes resources progress; do \
     cargo run -q -- schema $k > schema/$k.schema.json; done";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema_path(kind: &str) -> PathBuf {
    root().join("schema").join(format!("{kind}.schema.json"))
}

/// The committed schema of `kind`, compiled.
fn compile(kind: &str) -> (boon::Schemas, boon::SchemaIndex) {
    let path = schema_path(kind);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: Value = serde_json::from_str(&text).unwrap();
    let loc = path.to_str().unwrap();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource(loc, json).unwrap();
    let mut schemas = boon::Schemas::new();
    let index = compiler
        .compile(loc, &mut schemas)
        .unwrap_or_else(|e| panic!("{kind} schema does not compile: {e:#}"));
    (schemas, index)
}

/// Validates `value` against the committed schema of `kind`; the error as text.
fn validate(kind: &str, value: &Value) -> Result<(), String> {
    let (schemas, index) = compile(kind);
    schemas.validate(value, index).map_err(|e| format!("{e:#}"))
}

fn bundled(name: &str) -> (String, Value) {
    let text = std::fs::read_to_string(root().join("data").join(name)).unwrap();
    let value = serde_yaml::from_str::<Value>(&text).unwrap();
    (text, value)
}

#[test]
fn committed_schemas_are_fresh() {
    for kind in KINDS {
        let path = schema_path(kind);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        let fresh = schema_json(kind).unwrap();
        assert!(
            committed == fresh,
            "{} is stale or missing; regenerate the schemas with:\n  {REGENERATE}",
            path.display()
        );
    }
}

#[test]
fn bundled_data_files_validate_against_their_schemas() {
    for name in FILES {
        let kind = file_kind(name).unwrap_or_else(|| panic!("{name} has no schema kind"));
        let (text, value) = bundled(name);
        let modeline = format!("# yaml-language-server: $schema=../schema/{kind}.schema.json");
        assert_eq!(
            text.lines().next(),
            Some(modeline.as_str()),
            "data/{name} must start with the schema comment"
        );
        if let Err(e) = validate(kind, &value) {
            panic!("data/{name} does not validate against schema/{kind}.schema.json:\n{e}");
        }
    }
}

#[test]
fn a_role_with_an_unknown_field_fails() {
    let (_, mut roles) = bundled("roles.yaml");
    roles["roles"][0]
        .as_object_mut()
        .unwrap()
        .insert("colour".into(), "blue".into());
    let err = validate("roles", &roles).expect_err("an unknown field must be refused");
    assert!(err.contains("colour"), "{err}");
}

#[test]
fn a_skill_without_a_name_fails() {
    let (_, mut skills) = bundled("skills.yaml");
    skills["skills"][0].as_object_mut().unwrap().remove("name");
    let err = validate("skills", &skills).expect_err("a missing name must be refused");
    assert!(err.contains("name"), "{err}");
}

#[test]
fn a_text_without_chinese_and_a_bad_enum_fail() {
    let (_, mut roles) = bundled("roles.yaml");
    roles["roles"][0]["name"]
        .as_object_mut()
        .unwrap()
        .remove("zh");
    assert!(validate("roles", &roles).is_err(), "zh is required");

    let (_, mut roles) = bundled("roles.yaml");
    roles["roles"][0]["side"] = "middle".into();
    assert!(
        validate("roles", &roles).is_err(),
        "side is left/right/neither"
    );

    // The loader takes `low` for a speed (an alias of `slow`); so must the schema.
    let (_, mut roles) = bundled("roles.yaml");
    roles["roles"][0]["iteration"]["speed"] = "low".into();
    assert_eq!(validate("roles", &roles), Ok(()));
}

#[test]
fn a_saved_progress_file_validates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let mut p = Progress::new();
    p.set_state("S01", State::Done, progress::now_rfc3339());
    p.set_state("S02", State::Learning, progress::now_rfc3339());
    p.set_state("S03", State::Skipped, progress::now_rfc3339());
    p.set_note("S02", "halfway through the RAG tutorial");
    p.set_note("S04", "a note alone");
    progress::save(&path, &p).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let value = serde_yaml::from_str::<Value>(&text).unwrap();
    assert_eq!(file_kind(path.to_str().unwrap()), Some("progress"));
    if let Err(e) = validate("progress", &value) {
        panic!("a saved progress file does not validate:\n{text}\n{e}");
    }

    let mut bad = value.clone();
    bad["skills"]["S01"]["state"] = "finished".into();
    assert!(validate("progress", &bad).is_err(), "unknown state");
    let mut bad = value;
    bad["skills"]["S01"]
        .as_object_mut()
        .unwrap()
        .insert("colour".into(), "blue".into());
    assert!(validate("progress", &bad).is_err(), "unknown entry field");
}
