//! Search: ranking on the bundled catalog, the overlay through `App::update`,
//! and the `search` command in text and JSON.

use crate::common::{app_at, bin, shown, terminal, type_text};
use career_core::model::Lang;
use career_core::search::{Index, Kind, Target};
use career_core::store::loader::load_bundled;
use career_explorer::tui::action::{Action, EditKey, Pane};
use career_explorer::tui::app::App;
use ratatui::style::Modifier;

fn top(index: &Index, q: &str, kind: Option<Kind>, n: usize) -> Vec<Target> {
    index
        .query(q, kind, n)
        .into_iter()
        .map(|h| index.entries[h.entry].target)
        .collect()
}

fn role(c: &career_core::model::Catalog, id: &str) -> Target {
    Target::Role(c.role_index(id).unwrap())
}

fn skill(c: &career_core::model::Catalog, id: &str) -> Target {
    Target::Skill(c.skill_index(id).unwrap())
}

#[test]
fn a_name_match_ranks_above_a_match_deep_in_a_text() {
    let c = load_bundled().unwrap();
    let index = Index::build(&c);
    // "Prompt Engineer" is a role name; "prompt" also sits inside many skill texts.
    assert_eq!(
        top(&index, "prompt eng", None, 1),
        vec![role(&c, "prompt_engineer")]
    );
    assert_eq!(
        top(&index, "data engineer", None, 1),
        vec![role(&c, "data_engineer")]
    );
    // A tool named by both: the skill whose name says Pinecone, then the role that lists it.
    let pine = top(&index, "pinecone", None, 3);
    assert_eq!(&pine[..2], &[skill(&c, "S12"), role(&c, "ai_engineer")]);
}

#[test]
fn typos_still_find_the_target_in_the_top_3() {
    let c = load_bundled().unwrap();
    let index = Index::build(&c);
    for (q, want) in [
        ("fulstak", role(&c, "fullstack_engineer")),
        ("langchian", skill(&c, "S10")),
        ("pinecon", skill(&c, "S12")),
        ("llamaindx", skill(&c, "S11")),
        ("promt engineer", role(&c, "prompt_engineer")),
        ("ML Reseracher", role(&c, "ml_researcher")),
    ] {
        let got = top(&index, q, None, 3);
        assert!(got.contains(&want), "{q}: {got:?}");
    }
}

#[test]
fn chinese_queries_find_chinese_names() {
    let c = load_bundled().unwrap();
    let index = Index::build(&c);
    assert_eq!(
        top(&index, "提示词", None, 1),
        vec![role(&c, "prompt_engineer")]
    );
    assert_eq!(
        top(&index, "全栈", None, 1),
        vec![role(&c, "fullstack_engineer")]
    );
    assert!(top(&index, "向量", None, 3).contains(&skill(&c, "S12")));
}

#[test]
fn case_does_not_matter_and_kinds_filter() {
    let c = load_bundled().unwrap();
    let index = Index::build(&c);
    assert_eq!(
        top(&index, "POSTGRES", None, 5),
        top(&index, "postgres", None, 5)
    );
    let skills = top(&index, "postgres", Some(Kind::Skill), 10);
    assert!(!skills.is_empty() && skills.iter().all(|t| matches!(t, Target::Skill(_))));
    let reqs = top(&index, "postgres", Some(Kind::Requirement), 10);
    assert!(reqs.len() >= 2 && reqs.iter().all(|t| matches!(t, Target::Requirement(..))));
    assert!(top(&index, "zzqqxx", None, 5).is_empty());
    assert!(top(&index, "   ", None, 5).is_empty());
}

#[test]
fn results_are_cut_to_the_limit_best_first() {
    let c = load_bundled().unwrap();
    let index = Index::build(&c);
    let hits = index.query("e", None, 7);
    assert_eq!(hits.len(), 7);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

fn app() -> App {
    app_at(Lang::En, 100, 30)
}

#[test]
fn overlay_shows_tagged_results_with_highlights() {
    let mut a = app();
    a.update(Action::OpenSearch);
    type_text(&mut a, "pinecone");
    let t = terminal(&mut a, 100, 30);
    insta::assert_snapshot!("search-overlay-pinecone", t.backend());
    // The matched letters of "Pinecone" in the first result are underlined.
    let buf = t.backend().buffer();
    let row: String = (0..100).map(|x| buf[(x, 5)].symbol().to_string()).collect();
    let col = row
        .find("Pinecone")
        .map(|b| row[..b].chars().count())
        .unwrap();
    assert!(
        buf[(col as u16, 5)].modifier.contains(Modifier::UNDERLINED),
        "{row}"
    );
    assert!(!buf[(2, 5)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn enter_jumps_to_the_item_and_esc_restores() {
    let mut a = app();
    a.update(Action::GoPane(Pane::Skills));
    a.update(Action::OpenSearch);
    type_text(&mut a, "prompt eng");
    a.update(Action::Edit(EditKey::Submit));
    assert!(a.search().is_none());
    // An off-spectrum role opens its detail in pane 1, as a spectrum one does.
    assert_eq!(a.pane, Pane::Boundary);
    let pe = a.catalog.role_index("prompt_engineer").unwrap();
    assert_eq!(a.catalog.index.pane_roles().nth(a.boundary.slot), Some(pe));
    assert!(
        terminal(&mut a, 100, 30)
            .backend()
            .to_string()
            .contains("Role: Prompt Engineer")
    );

    // A spectrum role selects its slot on the boundary pane.
    a.update(Action::OpenSearch);
    type_text(&mut a, "ml researcher");
    a.update(Action::Edit(EditKey::Submit));
    assert_eq!((a.pane, a.boundary.slot), (Pane::Boundary, 0));

    // A skill is focused in the checklist, a requirement selected in its posting.
    a.update(Action::OpenSearch);
    type_text(&mut a, "spark");
    a.update(Action::Edit(EditKey::Submit));
    assert_eq!(a.pane, Pane::Skills);
    assert_eq!(a.focused_skill(), a.catalog.skill_index("spark_big_data"));
    a.update(Action::OpenSearch);
    type_text(&mut a, "dbt");
    let reqs: Vec<usize> = (0..a.search().unwrap().hits.len()).collect();
    assert!(!reqs.is_empty());
    // Move to the requirement result and go there.
    while !matches!(
        a.search().unwrap().hits[a.search().unwrap().selected].target,
        Target::Requirement(..)
    ) {
        a.update(Action::Down);
    }
    a.update(Action::Edit(EditKey::Submit));
    assert_eq!(
        (a.pane, a.jobs.selected),
        (Pane::Jobs, 2),
        "NQ3 is the third requirement"
    );

    // Esc leaves everything as it was.
    let (pane, sel) = (a.pane, a.jobs.selected);
    a.update(Action::OpenSearch);
    type_text(&mut a, "agent");
    a.update(Action::Down);
    a.update(Action::Edit(EditKey::Cancel));
    assert!(a.search().is_none());
    assert_eq!((a.pane, a.jobs.selected), (pane, sel));
}

#[test]
fn keys_typed_into_search_are_text_not_commands() {
    let mut a = app();
    a.update(Action::OpenSearch);
    type_text(&mut a, "q3 L");
    assert!(!a.quit);
    assert_eq!(a.pane, Pane::Boundary);
    assert_eq!(a.lang, Lang::En);
    assert_eq!(a.search().unwrap().field.text(), "q3 L");
}

#[test]
fn an_empty_result_says_so_and_suggests_the_closest() {
    let mut a = app();
    a.update(Action::OpenSearch);
    type_text(&mut a, "zzqqxxw");
    let s = shown(&mut a);
    assert!(s.contains("No match. Closest:"), "{s}");
}

/// With a worker, a keystroke returns at once: the overlay shows the typed
/// query and "searching…" over the older results; an answer to a query typed
/// over since is dropped, the newest one shown.
#[test]
fn answers_from_a_worker_arrive_later_and_stale_ones_are_dropped() {
    let mut a = app();
    let (tx, rx) = std::sync::mpsc::channel();
    a.searcher.start_worker(move |ans| tx.send(ans).is_ok());
    a.update(Action::OpenSearch);
    type_text(&mut a, "pine");
    let st = a.search().unwrap();
    assert!(st.hits.is_empty() && st.pending());
    let screen = shown(&mut a);
    assert!(
        screen.contains("/ pine") && screen.contains("searching…"),
        "{screen}"
    );
    // Whatever the worker answered first is for an older query than "pinec".
    type_text(&mut a, "c");
    let mut last = None;
    while last
        .as_ref()
        .map(|x: &career_core::searcher::Answer| x.query.as_str())
        != Some("pinec")
    {
        let ans = rx.recv().unwrap();
        a.receive(ans.clone());
        if ans.query != "pinec" {
            assert!(
                a.search().unwrap().hits.is_empty(),
                "stale answer {:?} dropped",
                ans.query
            );
        }
        last = Some(ans);
    }
    let st = a.search().unwrap();
    assert!(!st.pending());
    assert_eq!(st.hits[0].target, skill(&a.catalog, "S12"));
    let screen = shown(&mut a);
    assert!(!screen.contains("searching"), "{screen}");
    // Typing on keeps the shown results until the new ones come.
    type_text(&mut a, "o");
    let st = a.search().unwrap();
    assert!(st.pending() && !st.hits.is_empty());
    let screen = shown(&mut a);
    assert!(screen.contains("results · searching…"), "{screen}");
    // Enter acts on what is on screen.
    a.update(Action::Edit(EditKey::Submit));
    assert_eq!(a.pane, Pane::Skills);
    assert_eq!(a.focused_skill(), a.catalog.skill_index("S12"));
}

/// The index is built by the first search, not at start.
#[test]
fn the_search_index_waits_for_the_first_search() {
    let mut a = app();
    for act in [
        Action::NextPane,
        Action::Down,
        Action::NextPane,
        Action::Toggle,
    ] {
        a.update(act);
    }
    terminal(&mut a, 100, 30);
    assert!(!a.searcher.is_built());
    a.update(Action::OpenSearch);
    assert!(
        !a.searcher.is_built(),
        "opening the overlay searches nothing yet"
    );
    type_text(&mut a, "p");
    assert!(a.searcher.is_built());
}

#[test]
fn search_command_text_and_json() {
    let out = bin()
        .args(["--lang", "en", "search", "pinecone", "--limit", "2"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].starts_with("skill") && lines[0].contains("S12"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("role") && lines[1].contains("ai_engineer"),
        "{text}"
    );

    let out = bin()
        .args([
            "--lang",
            "zh",
            "search",
            "提示词",
            "--json",
            "--kind",
            "role",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items[0]["kind"], "role");
    assert_eq!(items[0]["id"], "prompt_engineer");
    assert_eq!(items[0]["name"], "提示词工程师");
    assert!(items.iter().all(|i| i["kind"] == "role"));

    // No match: exit status 1 (like grep), nothing on stdout, the reason on stderr.
    let out = bin().args(["search", "zzqqxx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "no match for \"zzqqxx\"\n"
    );
}

/// Case typo-search-noise: a query of symbols, or one character found
/// nowhere, listed 41 typo "results" (`search -- '%'`); it must say no match.
#[test]
fn typo_search_noise() {
    for q in ["%", "#", "|", "?", "🙂"] {
        let out = bin()
            .args(["search", "--limit", "100", "--", q])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{q}");
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(text.starts_with("no match"), "{q}: {text}");
        let out = bin()
            .args(["search", "--json", "--limit", "100", "--", q])
            .output()
            .unwrap();
        let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(hits, serde_json::json!([]), "{q}");
    }
    // In the app: no results, no count, no "closest" guess for a symbol.
    let mut a = app();
    a.update(Action::OpenSearch);
    type_text(&mut a, "%");
    let s = shown(&mut a);
    assert!(s.contains("No match"), "{s}");
    assert!(!s.contains("results") && !s.contains("Closest"), "{s}");
}

#[test]
fn short_and_symbol_queries_get_no_typo_matches() {
    let c = load_bundled().unwrap();
    let index = Index::build(&c);
    for q in ["%", "#", "|", "?", "🙂", "zq", "x"] {
        assert!(
            index.query(q, None, 100).iter().all(|h| h.score > 0),
            "{q:?}"
        );
    }
    for q in ["%", "🙂", "  "] {
        assert_eq!(index.closest(q), None, "{q:?}");
    }
    assert!(index.closest("zq").is_some());
}

/// fuzzy-matcher's `SkimMatcherV2` carries state from one scored string to the
/// next when reused; `search::skim` makes a matcher per string, so a string's
/// score and positions never depend on what was scored before (issue 11).
#[test]
fn a_score_does_not_depend_on_what_was_scored_before() {
    // The pair that shows a reused matcher's carried state, then every
    // pair of a few catalog strings, each way round.
    let texts = [
        "tool calling",
        "collect logs",
        "prompt engineer",
        "langchain",
        "llamaindex",
        "向量数据库 pinecone",
        "evals in ci",
    ];
    let queries = ["ll", "l", "ng", "pin", "向量", "evals", "le"];
    for q in queries {
        for a in texts {
            for positions in [true, false] {
                let alone = career_core::search::skim(a, q, positions);
                for b in texts {
                    let _ = career_core::search::skim(b, q, !positions);
                    let _ = career_core::search::skim(b, q, positions);
                    assert_eq!(
                        career_core::search::skim(a, q, positions),
                        alone,
                        "{q:?} in {a:?} after {b:?}"
                    );
                }
            }
        }
    }
    assert_eq!(
        career_core::search::skim("tool calling", "ll", true).map(|s| s.0),
        Some(35)
    );
}

/// The user's own notes are searched too, first: a word only a note holds
/// finds its skill, and Enter goes there (issue 23).
#[test]
fn your_own_notes_are_searchable_and_come_first() {
    let mut a = crate::common::bundled_app(Lang::En);
    a.progress
        .set_note("S03", "homework with zebrafish embeddings");
    a.update(Action::OpenSearch);
    for c in "zebrafish".chars() {
        a.update(Action::Edit(EditKey::Char(c)));
    }
    let st = a.search().expect("the search box is open");
    let first = st.hits.first().expect("a hit");
    assert_eq!(
        first.target,
        Target::Skill(a.catalog.skill_index("S03").unwrap())
    );
    assert!(first.field.contains("zebrafish"), "{}", first.field);
    a.update(Action::Edit(EditKey::Submit));
    assert_eq!(a.pane, Pane::Skills);
    assert_eq!(a.focused_skill(), a.catalog.skill_index("S03"));
}

/// What people type first: an exact name or keyword ranks above fuzzy hits
/// (`rag` gives the RAG skills first).
#[test]
fn an_exact_name_or_keyword_ranks_first() {
    let c = load_bundled().unwrap();
    let index = Index::build(&c);
    let hits = index.query("rag", None, 5);
    let ids: Vec<String> = hits
        .iter()
        .take(2)
        .map(|h| match index.entries[h.entry].target {
            Target::Skill(s) => c.skills[s].id.clone(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(ids, ["rag", "S11"], "the RAG skills first");
}
