//! The bundled catalog is checked when the crate is built and embedded
//! compact (`crates/core/build.rs`, `store/frozen.rs`): what starts the app
//! must be exactly what the loader makes of `data/*.yaml`.

use career_core::store::loader::{bundled_texts, load_bundled, load_texts};

#[test]
fn the_embedded_catalog_is_what_the_loader_makes_of_the_yaml() {
    let embedded = load_bundled().expect("the embedded catalog reads back");
    let from_yaml = load_texts(bundled_texts()).expect("the bundled YAML loads");
    // `Catalog` has no `PartialEq`; its debug form spells every field,
    // the resolved indices and the derived index included.
    assert_eq!(format!("{embedded:#?}"), format!("{from_yaml:#?}"));
    assert!(!embedded.index.groups.is_empty());
    assert!(embedded.skills.iter().any(|s| !s.role_idx.is_empty()));
}

#[test]
fn a_broken_bundled_file_is_reported_with_file_line_and_column() {
    // What build.rs prints when a bundled file breaks a rule: the loader's
    // problems, each with its file, line and column.
    let mut texts = bundled_texts().map(str::to_string);
    texts[2] = texts[2].replacen("category:", "category: [", 1);
    let [a, b, c, d, e] = &texts;
    let err = load_texts([a, b, c, d, e]).expect_err("a broken skills file must not load");
    let first = err.problems[0].to_string();
    assert!(first.starts_with("data/skills.yaml:"), "{first}");
    let pos = err.problems[0].position.expect("a line and column");
    assert!(pos.0 > 1 && pos.1 >= 1, "{pos:?}");
}
