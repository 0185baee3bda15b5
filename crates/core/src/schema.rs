//! JSON Schemas for the data files and the progress file, generated from the
//! Rust types, so that an editor with the YAML language server can validate
//! and complete them. The committed copies live in `schema/<kind>.schema.json`
//! (regenerate with `career-explorer schema KIND`; `tests/cli/schema.rs`
//! checks that they are fresh).

use schemars::Schema;

use crate::model::{Boundary, NotesFile, PostingsFile, RolesFile, SkillsFile};
use crate::store::progress::Progress;

/// Every kind of file that has a schema, data files in `loader::FILES` order.
pub const KINDS: [&str; 7] = [
    "boundary",
    "roles",
    "skills",
    "postings",
    "notes",
    "resources",
    "progress",
];

/// The schema of one kind of file (one of [`KINDS`]) as pretty JSON ending in
/// a newline, or `None` for an unknown kind.
pub fn schema_json(kind: &str) -> Option<String> {
    let (mut schema, what) = match kind {
        "boundary" => (
            schemars::schema_for!(Boundary),
            "boundary.yaml: the API line, the spectrum of roles and the two workflows.",
        ),
        "roles" => (
            schemars::schema_for!(RolesFile),
            "roles.yaml: the roles, what each does and how it differs from the AI Engineer.",
        ),
        "skills" => (
            schemars::schema_for!(SkillsFile),
            "skills.yaml: the skill categories and the skills checklist.",
        ),
        "postings" => (
            schemars::schema_for!(PostingsFile),
            "postings.yaml: job postings, each item mapped to the skills that cover it.",
        ),
        "notes" => (
            schemars::schema_for!(NotesFile),
            "notes.yaml: background notes (model traits, capabilities, side notes) and sources.",
        ),
        "resources" => (
            schemars::schema_for!(crate::resources::ResourcesFile),
            "resources.yaml: where to learn each skill (title, publisher, address, language, kind, cost, day checked) and our effort estimate in hours.",
        ),
        "progress" => (
            schemars::schema_for!(Progress),
            "The progress file: your state and note for each skill, by skill id.",
        ),
        _ => return None,
    };
    schema.insert(
        "$id".into(),
        format!("urn:career-explorer:schema:{kind}").into(),
    );
    schema.insert("title".into(), format!("career-explorer {kind}").into());
    schema.insert("description".into(), what.into());
    if kind == "progress" {
        describe_progress(&mut schema);
    }
    let mut text = serde_json::to_string_pretty(&schema).ok()?;
    text.push('\n');
    Some(text)
}

/// Field descriptions the progress types cannot carry as doc comments.
fn describe_progress(schema: &mut Schema) {
    for (pointer, text) in [
        ("/properties/version", "Format version of the file: 1."),
        (
            "/properties/skills",
            "One entry per skill id (as in skills.yaml, e.g. `S01`). Entries for ids the data does not know are kept.",
        ),
        (
            "/$defs/Entry/properties/state",
            "`not_started`, `learning`, `done`, or `skipped` (not relevant to you: left out of every count).",
        ),
        ("/$defs/Entry/properties/note", "Your note on the skill."),
        (
            "/$defs/Entry/properties/evidence",
            "What shows the skill: an address or a path (a repo, a demo, a certificate).",
        ),
    ] {
        if let Some(obj) = schema
            .pointer_mut(pointer)
            .and_then(serde_json::Value::as_object_mut)
        {
            obj.insert("description".into(), text.into());
        }
    }
}

/// The schema kind of a file, by its name (a path is fine): `roles.yaml` is
/// `roles`, `progress.yaml` is `progress`. Other names have no kind.
pub fn file_kind(file_name: &str) -> Option<&'static str> {
    let name = std::path::Path::new(file_name).file_name()?.to_str()?;
    let stem = name.strip_suffix(".yaml")?;
    KINDS.iter().copied().find(|k| *k == stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_schema_naming_it() {
        for kind in KINDS {
            let text = schema_json(kind).expect(kind);
            assert!(text.ends_with("}\n"));
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(v["$id"], format!("urn:career-explorer:schema:{kind}"));
            assert_eq!(v["title"], format!("career-explorer {kind}"));
        }
        assert!(schema_json("nope").is_none());
    }

    #[test]
    fn file_names_map_to_kinds() {
        assert_eq!(file_kind("roles.yaml"), Some("roles"));
        assert_eq!(file_kind("data/boundary.yaml"), Some("boundary"));
        assert_eq!(file_kind("progress.yaml"), Some("progress"));
        assert_eq!(file_kind("roles.yml"), None);
        assert_eq!(file_kind("other.yaml"), None);
        assert_eq!(file_kind("schema.yaml"), None);
    }
}
