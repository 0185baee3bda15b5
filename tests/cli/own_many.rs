//! Hundreds of own postings are read on several threads (issue 21, point 3):
//! they still join in file-name order, each is still checked, and an id
//! taken by an earlier posting is still refused at its line and column.

use career_core::store::loader::load_bundled;
use career_core::store::own;

fn posting(id: &str, skill: &str) -> String {
    format!(
        "id: {id}\ncompany: Example {id}\ntitle: AI Engineer {id}\nrole: ai_engineer\n\
         source: made up for a test\nresponsibilities:\n- id: R1\n  text: Build retrieval pipelines.\n  \
         skills: [rag]\nrequirements:\n- id: Q1\n  text: Python in production.\n  skills: [{skill}]\n"
    )
}

#[test]
fn many_postings_join_in_order_and_each_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let n = 150;
    for i in 0..n {
        let id = format!("ad_{i:03}");
        // One names a skill that does not exist; one repeats an earlier id.
        let skill = if i == 70 { "no_such_skill" } else { "python" };
        let id = if i == 120 { "ad_010".to_string() } else { id };
        std::fs::write(
            dir.path().join(format!("ad_{i:03}.yaml")),
            posting(&id, skill),
        )
        .unwrap();
    }
    let mut c = load_bundled().unwrap();
    let bundled = c.postings.len();
    let problems = own::attach(&mut c, dir.path());
    assert_eq!(c.postings.len(), bundled + n - 2, "{problems:?}");
    let own: Vec<&str> = c.postings[bundled..]
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    let mut sorted = own.clone();
    sorted.sort_unstable();
    assert_eq!(own, sorted, "file-name order");
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].file.ends_with("ad_070.yaml") && problems[0].position.is_some());
    let dup = &problems[1];
    assert!(dup.file.ends_with("ad_120.yaml"), "{dup}");
    assert_eq!(dup.position, Some((1, 5)), "{dup}");
    assert!(dup.message.contains("taken"), "{dup}");
    // Their skills are resolved as one by one.
    let python = c.skill_index("python").unwrap();
    assert!(
        c.postings[bundled..]
            .iter()
            .all(|p| p.requirements[0].skill_idx == [python])
    );
}
