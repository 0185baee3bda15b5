//! Content review 2 (CONTENT-REVIEW-2.md), the findings fixed in the data and
//! the core texts after the first pass, one test each: the thin readiness
//! measure (56), full-width brackets in Chinese figures (20), the 2023 dating
//! of the capabilities in `notes` (7), a 2024–2026 skill's sources in
//! `show SKILL` (8), and Llama named as today's model family (60). The
//! findings and their status are listed in docs/REVIEWS.md.

use crate::common::bin;
use career_core::model::{Catalog, Lang};
use career_core::readiness::Tally;
use career_core::store::loader::load_bundled;
use career_core::store::progress::Progress;
use career_core::{i18n, present, report};
use career_explorer::cli::commands;

fn catalog() -> Catalog {
    load_bundled().expect("bundled data")
}

fn role(c: &Catalog, id: &str) -> usize {
    c.role_index(id).expect("role")
}

fn skill(c: &Catalog, id: &str) -> usize {
    c.skills.iter().position(|s| s.id == id).expect("skill")
}

/// Finding 56: a role that one or two skills name reads "100%" after one
/// tick; every output says the figure rests on so few skills, in both
/// languages, and a role with enough skills carries no such warning.
#[test]
fn a_thin_role_says_how_few_skills_its_readiness_rests_on() {
    let c = catalog();
    let p = Progress::default();
    for (lang, words) in [
        (Lang::En, "a thin measure: only 1 skill names this role"),
        (Lang::Zh, "参考有限：只有 1 项技能对应该角色"),
    ] {
        let show = commands::show(&c, role(&c, "llm_training_engineer"), &p, lang, false, 200);
        assert!(show.contains(words), "show, {lang:?}:\n{show}");
        let ai = commands::show(&c, role(&c, "ai_engineer"), &p, lang, false, 200);
        assert!(!ai.contains(words), "ai_engineer is not thin:\n{ai}");
        let r = report::build(&c, &p, lang);
        let summary = report::summary(&r, usize::MAX);
        let md = report::to_markdown(&r);
        for (what, text) in [("progress", &summary), ("markdown", &md)] {
            let name = c.roles[role(&c, "data_scientist")].name.get(lang);
            let line = text
                .lines()
                .find(|l| {
                    let l = l.trim_start_matches(['|', ' ']);
                    l.starts_with(name)
                })
                .unwrap_or_else(|| panic!("{what}: no Data Scientist line\n{text}"));
            assert!(line.contains(words), "{what}, {lang:?}: {line}");
        }
        let json: serde_json::Value = serde_json::from_str(&report::to_json(&r)).unwrap();
        let roles = json["roles"].as_array().unwrap();
        let by_id = |id: &str| roles.iter().find(|r| r["id"] == id).unwrap().clone();
        assert_eq!(by_id("data_scientist")["thin_measure"], words);
        assert!(by_id("ai_engineer").get("thin_measure").is_none());
    }
    // The threshold: four skills are thin, five are not.
    assert!(i18n::thin_measure(Lang::En, 4).is_some());
    assert!(i18n::thin_measure(Lang::En, i18n::THIN_ROLE).is_none());
    assert!(i18n::thin_measure(Lang::En, 0).is_none());
}

/// Finding 20: a figure in a Chinese line sits in full-width brackets with
/// no space before them ("模型认知（0/7）", "0/1（0%）"), in `skills`,
/// `progress`, `show` and the Markdown export.
#[test]
fn chinese_figures_use_full_width_brackets() {
    let c = catalog();
    let p = Progress::default();
    let t = Tally { done: 3, total: 10 };
    assert_eq!(present::readiness_figure(Lang::Zh, t), "3/10（30%）");
    assert_eq!(present::readiness_figure(Lang::En, t), "3/10 (30%)");
    let r = report::build(&c, &p, Lang::Zh);
    let outputs = [
        ("skills", commands::skills(&c, &p, Lang::Zh, false, 300)),
        ("progress", report::summary(&r, usize::MAX)),
        ("markdown", report::to_markdown(&r)),
        (
            "show",
            commands::show(&c, role(&c, "ai_engineer"), &p, Lang::Zh, false, 300),
        ),
        (
            "show skill",
            commands::show_skill(&c, skill(&c, "S12"), &p, Lang::Zh, false, 300),
        ),
    ];
    let figure = regex_lite_figure();
    for (what, text) in &outputs {
        for line in text.lines() {
            assert!(
                !figure(line),
                "{what}: a half-width bracketed figure in Chinese: {line}"
            );
        }
    }
    assert!(outputs[0].1.contains("模型认知（0/7）"), "{}", outputs[0].1);
    assert!(outputs[1].1.contains("已完成技能：0/"), "{}", outputs[1].1);
}

/// True when `line` holds "(digits/digits)" or "(digits%)" in ASCII brackets.
fn regex_lite_figure() -> impl Fn(&str) -> bool {
    |line: &str| {
        line.split('(').skip(1).any(|rest| {
            let inner = rest.split(')').next().unwrap_or("");
            !inner.is_empty()
                && rest.contains(')')
                && inner
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || ch == '/' || ch == '%')
        })
    }
}

/// Finding 7: the capabilities' named models and tools are the essay's 2023
/// examples, and `notes` says so in both languages, as the `i` overlay does.
#[test]
fn notes_date_the_capabilities_examples() {
    for (lang, mark) in [("en", "(2023 examples)"), ("zh", "（2023 年的例子）")] {
        for id in ["models", "tools"] {
            let out = bin().args(["--lang", lang, "notes", id]).output().unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains(mark), "notes {id} --lang {lang}:\n{text}");
        }
    }
}

/// Finding 8: `show SKILL` gives a 2024–2026 skill's layer and its sources
/// with their reliability (a posting by company and title, "job-board
/// copy"), in text and JSON; a 2023 skill gets its basis mark and no
/// sources line.
#[test]
fn show_skill_gives_a_recent_skills_sources_and_reliability() {
    let c = catalog();
    let p = Progress::default();
    let s43 = skill(&c, "S43");
    let en = commands::show_skill(&c, s43, &p, Lang::En, false, 2000);
    assert!(en.contains("(2024–2026)"), "{en}");
    assert!(en.contains("Sources: roadmap.sh"), "{en}");
    assert!(
        en.contains("Mistral AI — Model Behaviour Architect"),
        "{en}"
    );
    assert!(en.contains("(job-board copy (aggregator))"), "{en}");
    let zh = commands::show_skill(&c, s43, &p, Lang::Zh, false, 2000);
    assert!(zh.contains("来源："), "{zh}");
    assert!(zh.contains("招聘聚合网站转载"), "{zh}");
    let json: serde_json::Value =
        serde_json::from_str(&commands::show_skill(&c, s43, &p, Lang::En, true, 2000)).unwrap();
    assert!(json["sources"].as_str().unwrap().contains("job-board copy"));
    let s03 = commands::show_skill(&c, skill(&c, "S03"), &p, Lang::En, false, 2000);
    assert!(s03.contains("(our addition)"), "{s03}");
    assert!(!s03.contains("Sources:"), "{s03}");
}

/// Finding 60: the model family has been spelled "Llama" since mid-2023;
/// `LLaMA` stays only inside the essay's 2023 lists (the capabilities note
/// and the AI Engineer's dated key tools), and the ads layer's open-weight
/// skill is 开源权重模型 in Chinese, as the glossary says.
#[test]
fn llama_is_spelled_as_today_outside_the_2023_lists() {
    let c = catalog();
    let s02 = &c.skills[skill(&c, "S02")];
    assert!(!s02.name.en.contains("LLaMA"), "{}", s02.name.en);
    assert!(s02.tools.iter().all(|t| t.as_str() != "LLaMA"));
    for s in &c.skills {
        assert!(
            s.examples_from.is_some() || !s.name.en.contains("LLaMA"),
            "{}: {}",
            s.id,
            s.name.en
        );
        if s.name.en.contains("Open-weight") {
            assert!(
                s.name.zh.contains("开源权重模型"),
                "{}: {}",
                s.id,
                s.name.zh
            );
        }
    }
}

/// Finding 9: `postings` and `postings show` name a 2024–2026 posting's
/// layer and reliability under its title, as pane 4 and the export do; the
/// 2023 ad gets no such line.
#[test]
fn postings_give_a_recent_postings_layer_and_reliability() {
    for (lang, mark) in [
        ("en", "(2024–2026) · job-board copy (aggregator)"),
        ("zh", "（2024–2026） · 招聘聚合网站转载"),
    ] {
        let run = |args: &[&str]| {
            let out = bin().args(["--lang", lang]).args(args).output().unwrap();
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        let list = run(&["postings"]);
        assert_eq!(
            list.matches(mark).count(),
            5,
            "postings --lang {lang}:\n{list}"
        );
        let show = run(&["postings", "show", "elastic_workchat_2026"]);
        assert!(show.contains(mark), "{show}");
        let notion = run(&["postings", "show", "notion_ai_engineer"]);
        assert!(!notion.contains("2024–2026"), "{notion}");
    }
}

/// Findings 5, 11, 21, 24 and 61: hedges and spellings the data must keep —
/// the "~" of an estimate, a partly sourced role line marked as such, ranges
/// with an en dash, S54 naming its 2023 counterpart once, dbt outside the
/// quoted Notion ad.
#[test]
fn hedged_data_stays_hedged() {
    let c = catalog();
    let figure = c
        .boundary
        .figures
        .iter()
        .find(|f| f.value.get(Lang::Zh).contains("约 5 年"))
        .expect("the 5 years figure");
    let en = figure.value.get(Lang::En);
    assert!(en.starts_with('~'), "{en}");
    let de = c.roles.iter().find(|r| r.id == "data_engineer").unwrap();
    assert_eq!(de.basis_of.vs_ai_engineer, ["seed", "suggested"]);
    assert!(c.roles.iter().all(|r| {
        r.aliases
            .iter()
            .all(|a| a.en.as_str() != "Full-stack Developer")
    }));
    let data: String = career_core::store::loader::FILES
        .iter()
        .map(|f| std::fs::read_to_string(crate::common::bundled_data().join(f)).unwrap())
        .collect();
    for range in ["10-100", "100-1000", "1,000-10,000"] {
        assert!(!data.contains(range), "ASCII range {range}");
    }
    let s54 = &c.skills[skill(&c, "S54")];
    assert!(!s54.name.en.contains("2024–2026"), "{}", s54.name.en);
    assert!(!s54.name.zh.contains("2024–2026"), "{}", s54.name.zh);
    for text in [de.summary.en.as_str(), de.summary.zh.as_str()] {
        assert!(text.contains("dbt") && !text.contains("DBT"), "{text}");
    }
}

/// Usability F31: the export explains its markers once, naming each exactly
/// as the lines carry it, in both languages.
#[test]
fn the_export_explains_its_markers() {
    let c = catalog();
    for lang in [Lang::En, Lang::Zh] {
        let l = i18n::labels(lang);
        let legend = i18n::marks_legend(lang);
        for mark in [
            l.our_addition.to_string(),
            l.partly_ours.to_string(),
            l.recent.to_string(),
            i18n::examples_from(lang, 2023),
        ] {
            assert!(legend.contains(&mark), "{lang:?}: {mark} not in {legend}");
        }
        let md = report::to_markdown(&report::build(&c, &Progress::default(), lang));
        assert!(md.contains(legend), "{lang:?}");
    }
}
