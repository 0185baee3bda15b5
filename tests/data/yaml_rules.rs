//! The safety rules of a data file ([`career_core::store::yamlcheck::check`]):
//! each refusal at its line and column.

use career_core::store::yamlcheck::{MAX_DEPTH, check};

fn at(text: &str) -> (usize, usize, String) {
    let r = check(text).unwrap_err();
    (r.line, r.col, r.message.to_string())
}

#[test]
fn plain_data_passes() {
    assert_eq!(check("a: 1\nb:\n  - {c: 2, d: [x, y]}\n  - e: f\n"), Ok(()));
    assert_eq!(
        check("# comment\n---\nk: \"tab\\tinside is fine\"\n"),
        Ok(())
    );
}

#[test]
fn aliases_and_anchors_are_refused_where_they_stand() {
    let (line, col, msg) = at("a: &x [1, 2]\nb: *x\n");
    assert_eq!((line, col), (1, 7), "at the anchored sequence");
    assert!(msg.contains("anchors"), "{msg}");
    let (line, _, msg) = at("a: [1]\nb:\n  - *y\n");
    assert_eq!(line, 3);
    assert!(msg.contains("aliases") || msg.contains("unknown"), "{msg}");
}

#[test]
fn duplicate_keys_are_refused_at_the_second() {
    let (line, col, msg) = at("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n");
    assert_eq!((line, col), (5, 3));
    assert!(msg.contains("duplicate key `c`"), "{msg}");
    // The same key in two different mappings is fine.
    assert_eq!(check("- c: 1\n- c: 2\n"), Ok(()));
    assert_eq!(check("x: {c: 1}\ny: {c: 2}\n"), Ok(()));
    // A value equal to a key is not a key.
    assert_eq!(check("a: b\nb: a\n"), Ok(()));
    // Keys of a closed nested mapping do not leak into its parent.
    assert_eq!(check("a:\n  x: 1\n  y: 2\nx: 3\ny:\n  a: 1\n"), Ok(()));
}

#[test]
fn duplicate_keys_in_a_large_mapping() {
    let mut y: String = (0..100).map(|i| format!("k{i}: {i}\n")).collect();
    assert_eq!(check(&y), Ok(()));
    y.push_str("k7: again\n");
    let (line, col, msg) = at(&y);
    assert_eq!((line, col), (101, 1));
    assert!(msg.contains("duplicate key `k7`"), "{msg}");
    // Nested under a large mapping, a small one starts afresh.
    let mut y: String = (0..40).map(|i| format!("k{i}: {i}\n")).collect();
    y.push_str("n:\n  k1: 1\n  k2: 2\n");
    assert_eq!(check(&y), Ok(()));
}

#[test]
fn depth_documents_tabs_and_empty_files() {
    let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
    let (line, col, msg) = at(&deep);
    assert_eq!((line, col), (1, MAX_DEPTH + 1));
    assert!(msg.contains("levels deep"), "{msg}");
    let (line, _, msg) = at("a: 1\n---\nb: 2\n");
    assert_eq!(line, 2);
    assert!(msg.contains("second YAML document"), "{msg}");
    let (line, col, msg) = at("a:\n\t- 1\n");
    assert_eq!((line, col), (2, 1));
    assert!(msg.contains("tab"), "{msg}");
    let (line, col, _) = at("a:\n  - 1\n  \t- 2\n");
    assert_eq!((line, col), (3, 3));
    assert!(at("").2.contains("empty"));
    assert!(at("# only a comment\n\n").2.contains("empty"));
}

#[test]
fn tabs_after_the_indentation_are_fine() {
    assert_eq!(check("a: \t1\nb: [1,\t2]\n"), Ok(()));
    assert_eq!(check("a: 1\t# note\n"), Ok(()));
}

#[test]
fn control_characters_are_refused_where_they_stand() {
    for (text, pos) in [
        ("a: \"x\u{1b}[2J\"\n", (1, 6)),
        ("a: 1\nb: x\u{7f}\n", (2, 5)),
        ("a: 1\nb: 提\u{0}\n", (2, 5)),
        ("a: \u{9b}1m\n", (1, 4)),
        ("a: x\u{fffe}\n", (1, 5)),
    ] {
        let (line, col, msg) = at(text);
        assert_eq!((line, col), pos, "{text:?}");
        assert_eq!(msg, "control characters are not allowed");
    }
    // NEL, bidi marks, BOM and CJK are characters YAML allows.
    assert_eq!(check("a: x\u{85}y\u{202e}z\u{feff}提\r\n"), Ok(()));
    // A tab in the indentation is reported first, wherever it is.
    let (line, _, msg) = at("a: \u{1b}\nb:\n\t- 1\n");
    assert_eq!(line, 3);
    assert!(msg.contains("tab"), "{msg}");
}
