//! Issue 15: the dated 2024–2026 layer (skills S43–S55, five postings, the
//! `LinkedIn` figures) is in the bundled data, sourced, labelled in both
//! languages, filterable in the checklist and counted by readiness, and
//! progress files written before it keep working.

use crate::common::{bundled_app, bundled_catalog, draw, rows};
use career_core::model::{Catalog, Lang, Layer, Provenance, RECENT_TAGS, provenance};
use career_core::readiness::role_readiness;
use career_core::search::{Index, Target};
use career_core::store::loader::load_bundled;
use career_core::store::progress::{self, State};
use career_core::text::is_web_address;
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::App;
#[allow(unused_imports)]
use career_explorer::tui::mode::Mode;
use career_explorer::tui::ui;

const LAYER_SKILLS: [&str; 13] = [
    "S43", "S44", "S45", "S46", "S47", "S48", "S49", "S50", "S51", "S52", "S53", "S54", "S55",
];

/// The screen at `w`x`h` as a terminal shows it, a row a line.
fn screen(a: &mut App, w: u16, h: u16) -> String {
    rows(&draw(a, w, h)).join("\n")
}

fn app(lang: Lang) -> App {
    let mut a = bundled_app(lang);
    a.update(Action::Resize(140, 60));
    a
}

/// Every basis tag the layer uses, with what uses it.
fn layer_bases(c: &Catalog) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for s in &c.skills {
        out.push((format!("skill {}", s.id), s.basis.clone()));
    }
    for (i, f) in c.boundary.figures.iter().enumerate() {
        out.push((format!("figure {i}"), f.basis.clone()));
    }
    for r in &c.roles {
        for (i, f) in r.facts.iter().enumerate() {
            out.push((format!("role {} fact {i}", r.id), f.basis.clone()));
        }
    }
    for n in c.about_notes() {
        out.push((format!("note {}", n.id), n.basis.clone()));
    }
    for p in &c.postings {
        out.push((format!("posting {}", p.id), p.basis.clone()));
        for item in p.responsibilities.iter().chain(&p.requirements) {
            for f in &item.context {
                out.push((format!("posting {} {}", p.id, item.id), f.basis.clone()));
            }
        }
    }
    out.retain(|(_, b)| provenance(b) == Provenance::Recent);
    out
}

#[test]
fn the_layer_skills_are_bundled_dated_and_in_two_new_categories() {
    let c = load_bundled().unwrap();
    let recent: Vec<&str> = c
        .skills
        .iter()
        .filter(|s| s.layer == Layer::Recent)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(recent, LAYER_SKILLS);
    for id in ["safety", "production"] {
        assert!(c.categories.iter().any(|k| k.id == id), "{id}");
    }
    for s in c.skills.iter().filter(|s| s.layer == Layer::Recent) {
        assert_eq!(provenance(&s.basis), Provenance::Recent, "{}", s.id);
        assert!(!s.roles.is_empty(), "{}", s.id);
    }
    // The 2023 checklist is untouched: S01–S42 stay of the 2023 layer.
    assert_eq!(
        c.skills
            .iter()
            .filter(|s| s.layer == Layer::Base2023)
            .count(),
        42
    );
    // B6: the 2023 coding-agent skill and its 2024–2026 counterpart point at each other.
    let s17 = &c.skills[c.skill_index("S17").unwrap()];
    let s54 = &c.skills[c.skill_index("S54").unwrap()];
    assert_eq!(s17.see_also, ["S54"]);
    assert_eq!(s54.see_also, ["S17"]);
    assert_eq!(s17.examples_from, Some(2023));
}

#[test]
fn every_layer_item_rests_on_a_tag_of_the_fact_sheets_source_table() {
    let c = load_bundled().unwrap();
    let items = layer_bases(&c);
    // Skills, figures, facts, the note, postings and NQ1's context.
    // 13 skills, 6 figures, 5 facts, 1 note, 5 postings, 1 context: 31.
    assert_eq!(items.len(), 31, "{items:?}");
    for (what, basis) in &items {
        for tag in basis {
            assert!(
                RECENT_TAGS.contains(&tag.as_str()),
                "{what}: `{tag}` mixes a 2023 tag into the 2024–2026 layer"
            );
            // A posting tag's addresses are on the posting; every other tag
            // has its entry, with a web address, in the sources.
            if tag.starts_with('P') {
                let p = c.postings.iter().find(|p| p.basis.contains(tag));
                assert!(
                    p.is_some_and(|p| !p.urls.is_empty()),
                    "{what}: no posting for {tag}"
                );
            } else {
                let s = c.notes.sources.iter().find(|s| &s.id == tag);
                let s = s.unwrap_or_else(|| panic!("{what}: no source `{tag}`"));
                assert!(
                    ui::notes::source_urls(&s.url).all(is_web_address),
                    "{tag}: {}",
                    s.url
                );
            }
        }
    }
}

#[test]
fn the_five_postings_are_bundled_with_source_addresses_after_notions_2023_ad() {
    let c = load_bundled().unwrap();
    assert_eq!(c.postings[0].id, "notion_ai_engineer");
    assert_eq!(c.postings[0].layer, Layer::Base2023);
    assert_eq!(c.postings[0].requirements[0].min_years, Some(8));
    let ids: Vec<&str> = c.postings[1..].iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "notion_model_behavior_2026",
            "notion_security_2026",
            "trust_safety_mle_2026",
            "mistral_function_calling_2026",
            "elastic_workchat_2026"
        ]
    );
    for p in &c.postings[1..] {
        assert_eq!(p.layer, Layer::Recent, "{}", p.id);
        assert!(p.reliability.is_some(), "{}", p.id);
        assert!(!p.urls.is_empty(), "{} has no source address", p.id);
        assert!(p.urls.iter().all(|u| is_web_address(u)), "{}", p.id);
    }
    // Only P1 carries a date; the others show as undated.
    assert!(c.postings[1].date.is_some());
    assert!(c.postings[2..].iter().all(|p| p.date.is_none()));
    // Items mapped as FACTS-2026 §b says.
    let item = |p: usize, id: &str| {
        let p = &c.postings[p];
        p.responsibilities
            .iter()
            .chain(&p.requirements)
            .find(|i| i.id == id)
            .unwrap()
            .skills
            .clone()
    };
    assert_eq!(item(3, "TSQ2"), ["S11", "S12", "S16", "S43", "S44"]);
    assert_eq!(item(2, "SER2"), ["S08", "S47", "S49", "S50"]);
    assert_eq!(item(5, "ELR3"), ["S19", "S46"]);
    assert_eq!(item(1, "MBR4"), ["S21", "S39", "S51"]);
    // The 2023 ad's items name no 2024–2026 skill.
    let p0 = &c.postings[0];
    for i in p0.responsibilities.iter().chain(&p0.requirements) {
        for s in &i.skills {
            assert!(!LAYER_SKILLS.contains(&s.as_str()), "{} names {s}", i.id);
        }
    }
}

#[test]
fn readiness_per_role_counts_the_layer_skills() {
    let c = load_bundled().unwrap();
    let ds = c.role_index("data_scientist").unwrap();
    let s45 = c.skill_index("S45").unwrap();
    assert!(c.index.role_skills[ds].contains(&s45));
    let done = |s: usize| {
        if s == s45 {
            State::Done
        } else {
            State::NotStarted
        }
    };
    let t = role_readiness(&c, ds, &done);
    assert_eq!(t.done, 1);
    let ai = c.role_index("ai_engineer").unwrap();
    let layer_for_ai = c.index.role_skills[ai]
        .iter()
        .filter(|&&s| c.skills[s].layer == Layer::Recent)
        .count();
    assert_eq!(layer_for_ai, 13);
}

#[test]
fn a_progress_file_written_before_the_layer_still_loads_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let before = "version: 1\nskills:\n  S01:\n    state: done\n    note: did it\n  S17:\n    state: learning\n";
    std::fs::write(&path, before).unwrap();
    let p = progress::load(&path).unwrap();
    assert_eq!(p.state("S01"), State::Done);
    assert_eq!(p.note("S01"), "did it");
    assert_eq!(p.state("S17"), State::Learning);
    assert_eq!(p.state("S43"), State::NotStarted);
    let mut a = App::new(bundled_catalog(), p, Lang::En);
    a.update(Action::Resize(120, 40));
    assert_eq!(a.tallies.overall.done, 1);
    assert_eq!(a.tallies.overall.total, 137);
    // Loading (and drawing) writes nothing.
    let _ = screen(&mut a, 120, 40);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn the_filter_key_cycles_both_2023_and_2024_2026_and_titles_the_pane() {
    let mut a = app(Lang::En);
    a.update(Action::GoPane(Pane::Skills));
    let all = screen(&mut a, 140, 60);
    assert!(all.contains("all layers"), "{all}");
    a.update(Action::CycleLayer);
    let old = screen(&mut a, 140, 60);
    assert!(old.contains("2023 only"), "{old}");
    assert_eq!(a.groups.len(), 42);
    assert_eq!(a.tallies.overall.total, 42);
    a.update(Action::End);
    let last = a.focused_skill().unwrap();
    assert_eq!(a.catalog.skills[last].id, "S42");
    a.update(Action::CycleLayer);
    let new = screen(&mut a, 140, 60);
    assert!(new.contains("2024–2026 only"), "{new}");
    assert_eq!(a.groups.len(), 13);
    assert!(!new.contains("S01 "), "{new}");
    for row in new
        .lines()
        .filter(|l| l.contains(" S4") || l.contains(" S5"))
    {
        if row.contains("[ ]") || row.contains("☐") {
            assert!(row.contains("24–26"), "row without its layer marker: {row}");
        }
    }
    a.update(Action::Home);
    let first = a.focused_skill().unwrap();
    assert_eq!(a.catalog.skills[first].layer, Layer::Recent);
    // Then the skills ads ask for only, then every layer again.
    a.update(Action::CycleLayer);
    assert_eq!(a.groups.len(), 82);
    assert!(screen(&mut a, 140, 60).contains("ads' skills only"));
    let ads = a.focused_skill().unwrap();
    assert_eq!(a.catalog.skills[ads].layer, Layer::Ads);
    a.update(Action::CycleLayer);
    assert_eq!(a.groups.len(), 137);
    assert_eq!(
        a.focused_skill(),
        Some(ads),
        "the cursor stays on its skill"
    );
    let _ = first;
    // The key is in the one table of bindings (help and hints).
    assert!(
        career_explorer::tui::keymap::BINDINGS
            .iter()
            .any(|b| b.action == Action::CycleLayer)
    );
}

#[test]
fn a_search_for_a_filtered_out_skill_shows_every_layer_again() {
    let mut a = app(Lang::En);
    a.update(Action::GoPane(Pane::Skills));
    a.update(Action::CycleLayer); // 2023 only
    let s47 = a.catalog.skill_index("S47").unwrap();
    a.jump_to(Target::Skill(s47));
    assert_eq!(a.skills.layer, None);
    assert_eq!(a.focused_skill(), Some(s47));
}

#[test]
fn nothing_of_the_layer_shows_without_its_label_in_either_language() {
    for (lang, mark) in [(Lang::En, "(2024–2026)"), (Lang::Zh, "（2024–2026）")] {
        let mut a = app(lang);
        // Pane 4: each 2024–2026 posting is labelled, with place and reliability.
        a.update(Action::GoPane(Pane::Jobs));
        for p in 1..a.catalog.postings.len() {
            a.jobs.posting = p;
            a.jobs.scroll = 0;
            let s = screen(&mut a, 140, 60);
            assert!(s.contains(mark), "{lang:?} posting {p}:\n{s}");
            let r = a.catalog.postings[p].reliability.unwrap();
            assert!(s.contains(career_core::i18n::reliability(lang, r)), "{s}");
        }
        // The Notion ad shows NQ1's later figure beside its 8+ years, labelled.
        a.jobs.posting = 0;
        let lines = ui::jobs::posting_lines(&a, 130).0;
        let text: Vec<String> = lines.iter().map(std::string::ToString::to_string).collect();
        let at = text.iter().position(|l| l.contains("3.7")).expect("3.7");
        let block = text[at..at + 4].join("");
        assert!(block.contains(mark.trim_start_matches('(')), "{block}");
        // Pane 3: a layer skill's detail carries the label.
        a.update(Action::GoPane(Pane::Skills));
        a.jump_to(Target::Skill(a.catalog.skill_index("S46").unwrap()));
        let s = screen(&mut a, 140, 60);
        assert!(s.contains(mark), "{s}");
        assert!(s.contains("24–26"), "{s}");
        // The about overlay: the figures under their own heading and caveat,
        // and the "what changed" note, labelled.
        a.mode = Mode::Notes;
        let lines: Vec<String> = ui::notes::lines(&a, 98)
            .iter()
            .map(std::string::ToString::to_string)
            .collect();
        let all = lines.join("\n");
        let l = career_core::i18n::labels(lang);
        assert!(all.contains(l.figures_recent), "{all}");
        let caveat_start: String = l.figures_caveat.chars().take(12).collect();
        assert!(all.contains(&caveat_start), "{all}");
        for f in a
            .catalog
            .boundary
            .figures
            .iter()
            .filter(|f| !f.basis.is_empty())
        {
            let value = f.value.get(lang);
            let line = lines.iter().find(|x| x.contains(value)).unwrap();
            let i = lines.iter().position(|x| x == line).unwrap();
            let block = lines[i..(i + 4).min(lines.len())].join("");
            assert!(
                block.contains(mark.trim_start_matches(['(', '（'])),
                "{block}"
            );
        }
        let title = a.catalog.notes.notes.last().unwrap().title.get(lang);
        assert!(all.contains(&format!(
            "{title}{}",
            if lang == Lang::En { " " } else { "" }
        )));
        assert!(all.contains(mark), "{all}");
    }
}

#[test]
fn the_new_search_keywords_find_their_skill_in_the_top_3() {
    let c = load_bundled().unwrap();
    let index = Index::build(&c);
    for (q, want) in [
        ("多模态", "S53"),
        ("本地模型", "S52"),
        ("可观测", "S46"),
        ("护栏", "S49"),
        ("MCP", "S47"),
        ("observability", "S46"),
        ("tracing", "S46"),
        ("context engineering", "S48"),
        ("local model", "S52"),
        ("multimodal", "S53"),
        ("speech", "S53"),
        ("copilot", "S54"),
        ("cursor", "S54"),
        ("coding agent", "S54"),
    ] {
        let target = Target::Skill(c.skill_index(want).unwrap());
        let got: Vec<Target> = index
            .query(q, None, 3)
            .into_iter()
            .map(|h| index.entries[h.entry].target)
            .collect();
        assert!(got.contains(&target), "{q}: {got:?}");
    }
}
