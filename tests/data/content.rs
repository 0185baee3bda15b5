//! The content review's corrections, pinned: each error of CONTENT-REVIEW.md
//! (a) has a test that reads the loaded catalog, so it cannot come back
//! unnoticed; the glossary (e2) holds in every Chinese text; what rests on
//! `suggested` is marked as the app's own addition everywhere it shows; and
//! what ages (the posting, the 2023 examples, anecdotes and figures) is dated.

use crate::common::{bundled_data, screen};
use career_core::model::Layer;
use career_core::model::{Catalog, Lang, Provenance, Speed, provenance};
use career_core::report;
use career_core::search::Target;
use career_core::store::loader::load_bundled;
use career_core::store::progress::Progress;
use career_explorer::cli::commands;
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::App;
use serde_yaml::Value;

fn catalog() -> Catalog {
    load_bundled().expect("bundled data")
}

/// Every `(path, text)` under a key `key` in the bundled YAML files.
fn texts(key: &str) -> Vec<(String, String)> {
    fn walk(v: &Value, path: String, key: &str, out: &mut Vec<(String, String)>) {
        match v {
            Value::Mapping(m) => {
                for (k, v) in m {
                    let k = k.as_str().unwrap_or("?");
                    match v {
                        Value::String(s) if k == key => out.push((path.clone(), s.clone())),
                        _ => walk(v, format!("{path}.{k}"), key, out),
                    }
                }
            }
            Value::Sequence(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, format!("{path}[{i}]"), key, out);
                }
            }
            _ => {}
        }
    }
    let dir = bundled_data();
    let mut out = Vec::new();
    for name in career_core::store::loader::FILES {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let v: Value = serde_yaml::from_str(&text).unwrap();
        walk(&v, name.to_string(), key, &mut out);
    }
    assert!(out.len() > 300, "{key}: only {} texts found", out.len());
    out
}

fn zh_texts() -> Vec<(String, String)> {
    texts("zh")
}

/// The zh texts holding `needle`, as "path: text".
fn zh_with(needle: &str) -> Vec<String> {
    zh_texts()
        .into_iter()
        .filter(|(_, t)| t.contains(needle))
        .map(|(p, t)| format!("{p}: {t}"))
        .collect()
}

fn role<'a>(c: &'a Catalog, id: &str) -> &'a career_core::model::Role {
    c.role(id).unwrap_or_else(|| panic!("role {id}"))
}

// ---------- (a) the eight errors ----------

#[test]
fn e1_llama_is_an_open_large_model_not_a_small_one() {
    let c = catalog();
    let models = c.notes.capabilities.iter().find(|n| n.id == "models");
    let body = &models.expect("capabilities[models]").body;
    assert!(
        body.en.contains("open large models such as LLaMA"),
        "{}",
        body.en
    );
    assert!(!body.en.contains("small open ones such as LLaMA"));
    assert!(body.en.contains("smallest open models on Hugging Face"));
    assert!(body.zh.contains("LLaMA 等开源大模型"), "{}", body.zh);
    assert!(!body.zh.contains("LLaMA 这样的小型开源模型"));
}

#[test]
fn e2_validation_is_cheaper_not_the_cost_saved() {
    assert_eq!(zh_with("所节省的成本"), Vec::<String>::new());
    let c = catalog();
    assert!(c.boundary.figures[2].label.zh.contains("便宜的倍数"));
}

#[test]
fn e3_riley_goodside_was_at_scale_ai_in_mid_2023() {
    assert_eq!(zh_with("后加入 Scale AI"), Vec::<String>::new());
    let c = catalog();
    let fact = role(&c, "ai_engineer")
        .facts
        .iter()
        .find(|f| f.en.contains("Riley Goodside"))
        .expect("the examples fact");
    assert!(fact.en.contains("(at Scale AI in mid-2023)"), "{}", fact.en);
    assert!(!fact.en.contains("now at"), "{}", fact.en);
    assert!(
        fact.zh.contains("2023 年年中任职于 Scale AI"),
        "{}",
        fact.zh
    );
}

#[test]
fn e4_ml_researcher_iterates_slowly_not_very_slowly() {
    let c = catalog();
    assert_eq!(role(&c, "ml_researcher").iteration.speed, Speed::Slow);
}

#[test]
fn e5_data_lake_and_data_warehouse_stay_a_pair() {
    let c = catalog();
    let obs = &c.postings[0].observations[1];
    assert!(obs.zh.contains("也分不清数据湖和数据仓库的"), "{}", obs.zh);
    assert!(obs.en.contains("data warehouses"));
}

#[test]
fn e6_android_engineers_apps_perform_better_not_get_written_faster() {
    let c = catalog();
    let note = c.notes.notes.iter().find(|n| n.id == "contempt_chain");
    let body = &note.expect("notes[contempt_chain]").body;
    assert!(
        body.zh.contains("写出的 App 可能确实更规范、性能更好"),
        "{}",
        body.zh
    );
    assert!(!body.zh.contains("写起 App 来"));
    assert!(body.en.contains("better-performing Android apps"));
}

#[test]
fn e7_gpt3_clause_cannot_be_read_as_much_mentioned() {
    assert_eq!(zh_with("而非常被提到"), Vec::<String>::new());
    // Review 2, HEDGE 4: the Chinese keeps the attribution to the source article.
    assert_eq!(
        zh_with("而不是中文原帖所说的、当时常被提到的 GPT-3").len(),
        1
    );
}

#[test]
fn e8_the_funding_rounds_are_not_called_seed_rounds() {
    assert_eq!(zh_with("种子轮"), Vec::<String>::new());
    let c = catalog();
    let why = &c.boundary.why[1];
    assert!(!why.en.contains("seed round"), "{}", why.en);
    assert!(
        why.en.contains("very large early funding rounds"),
        "{}",
        why.en
    );
    assert!(why.zh.contains("巨额早期融资"), "{}", why.zh);
    for figure in ["Inflection $1.3b", "Mistral $113m", "Reka $58m"] {
        assert!(why.en.contains(figure), "{figure}");
    }
}

// ---------- (b) hedges ----------

#[test]
fn b1_karpathy_says_probably_and_names_llm_training_engineers() {
    let c = catalog();
    let fact = &role(&c, "llm_training_engineer").facts[1];
    assert!(
        fact.en.contains("will probably far outnumber"),
        "{}",
        fact.en
    );
    assert!(fact.zh.contains("很可能") && fact.zh.contains("大模型训练工程师"));
    assert_eq!(zh_with("大模型工程师"), Vec::<String>::new());
    assert_eq!(zh_with("机器学习/大模型工程师"), Vec::<String>::new());
    let reply = c.notes.notes.iter().find(|n| n.id == "karpathy_reply");
    let body = &reply.expect("karpathy_reply").body;
    assert!(body.en.contains("probably far outnumber"));
    assert!(body.en.contains("both too narrow and too broad"), "D6");
    assert!(body.zh.contains("很可能远超"));
}

#[test]
fn b4_research_scientist_is_not_an_unqualified_alias() {
    let c = catalog();
    for a in &role(&c, "ml_researcher").aliases {
        if a.en.contains("Research Scientist") {
            assert!(a.en.contains("unverified") && a.zh.contains("未经核实"));
        }
    }
}

// ---------- (e2) one term each ----------

#[test]
fn e2_glossary_holds_in_every_chinese_text() {
    for banned in [
        "种子文章",
        "提示注入",
        "提示泄露",
        "追踪前沿",
        "持续跟进",
        "评估集",
    ] {
        assert_eq!(zh_with(banned), Vec::<String>::new(), "{banned}");
    }
    let vague: Vec<String> = zh_with("文章")
        .into_iter()
        .filter(|t| !t.contains("swyx") && !t.contains("中文原帖"))
        .collect();
    assert_eq!(vague, Vec::<String>::new(), "文章 without naming whose");
    let seed_en: Vec<String> = texts("en")
        .into_iter()
        .filter(|(_, t)| t.contains("the seed"))
        .map(|(p, t)| format!("{p}: {t}"))
        .collect();
    assert_eq!(
        seed_en,
        Vec::<String>::new(),
        "en: 'the seed' is project jargon"
    );
}

#[test]
fn no_source_points_at_a_path_inside_the_project() {
    let c = catalog();
    for s in &c.notes.sources {
        assert!(!s.url.starts_with("shared/"), "{}: {}", s.id, s.url);
        assert!(!s.title.get(Lang::Zh).is_empty());
        assert_ne!(s.title.get(Lang::Zh), s.title.get(Lang::En), "{}", s.id);
    }
}

#[test]
fn generic_key_tools_and_figure_values_have_chinese_forms() {
    let c = catalog();
    let t = |id: &str| -> Vec<String> {
        role(&c, id)
            .key_tools
            .iter()
            .map(|t| t.get(Lang::Zh).to_string())
            .collect()
    };
    assert!(t("ml_researcher").contains(&"GPU 集群".to_string()));
    assert!(t("mlops_engineer").contains(&"模型推理服务".to_string()));
    assert!(t("product_manager").contains(&"产品数据分析".to_string()));
    for f in &c.boundary.figures {
        let v = f.value.get(Lang::Zh);
        assert!(!v.contains('x') && !v.contains('m'), "figure value {v}");
    }
    assert!(
        c.boundary
            .figures
            .iter()
            .any(|f| f.value.get(Lang::En) == "~5 years → 1 afternoon"),
        "D3 keeps its \"about\" in English too (review 2, HEDGE 5)"
    );
}

// ---------- (c) basis ----------

const OURS: [&str; 8] = ["S03", "S07", "S13", "S16", "S19", "S38", "S39", "S41"];
const PARTLY: [&str; 7] = ["S05", "S06", "S09", "S26", "S27", "S28", "S40"];

fn skill_basis(c: &Catalog, id: &str) -> Provenance {
    provenance(&c.skills[c.skill_index(id).unwrap()].basis)
}

#[test]
fn skills_carry_their_fact_sheet_basis() {
    let c = catalog();
    for id in OURS {
        assert_eq!(skill_basis(&c, id), Provenance::Ours, "{id}");
    }
    for id in PARTLY {
        assert_eq!(skill_basis(&c, id), Provenance::PartlyOurs, "{id}");
    }
    assert_eq!(skill_basis(&c, "S01"), Provenance::Sourced);
    // The ads' layer rests on its demand counts (source, base, date) instead.
    assert!(
        c.skills
            .iter()
            .all(|s| !s.basis.is_empty() || (s.layer == Layer::Ads && s.demand.is_some())),
        "every skill has a basis"
    );
    assert_eq!(
        provenance(&c.boundary.crossing.basis),
        Provenance::PartlyOurs
    );
    let de = role(&c, "data_engineer");
    assert_eq!(provenance(&de.basis_of.activities), Provenance::Ours);
    assert_eq!(provenance(&de.basis_of.key_tools), Provenance::PartlyOurs);
}

/// The skills pane's detail box with skill `id` focused.
fn pane3(c: &Catalog, lang: Lang, id: &str) -> String {
    let mut app = App::new(c.clone(), Progress::new(), lang);
    app.update(Action::Resize(100, 30));
    app.update(Action::GoPane(Pane::Skills));
    app.jump_to(Target::Skill(c.skill_index(id).unwrap()));
    screen(&mut app, 100, 30)
}

#[test]
fn our_additions_are_marked_in_pane_3_skills_and_the_export() {
    let c = catalog();
    let p = Progress::new();
    for (lang, ours, partly) in [
        (Lang::En, "(our addition)", "(partly our addition)"),
        (Lang::Zh, "（本工具补充）", "（部分为本工具补充）"),
    ] {
        let listing = commands::skills(&c, &p, lang, false, 80);
        let md = report::to_markdown(&report::build(&c, &p, lang));
        let line = |text: &str, id: &str| -> String {
            text.lines()
                .find(|l| l.contains(&format!("{id} ")) || l.contains(&format!("**{id}**")))
                .unwrap_or_else(|| panic!("no line for {id}"))
                .to_string()
        };
        for id in OURS {
            assert!(pane3(&c, lang, id).contains(ours), "pane 3 {id} {lang:?}");
            assert!(line(&listing, id).ends_with(ours), "skills {id}");
            assert!(line(&md, id).contains(ours), "markdown {id}");
        }
        assert!(line(&listing, "S05").ends_with(partly));
        for text in [
            pane3(&c, lang, "S01"),
            line(&listing, "S01"),
            line(&md, "S01"),
        ] {
            assert!(
                !text.contains(ours) && !text.contains(partly),
                "S01: {text}"
            );
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&report::to_json(&report::build(&c, &p, Lang::En))).unwrap();
    let skill = |id: &str| {
        json["categories"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c["skills"].as_array().unwrap())
            .find(|s| s["id"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(skill("S03")["basis"], serde_json::json!(["suggested"]));
    assert_eq!(skill("S03")["marker"], "(our addition)");
    assert_eq!(skill("S01")["basis"], serde_json::json!(["essay", "seed"]));
    assert!(skill("S01").get("marker").is_none());
}

#[test]
fn role_additions_are_marked_in_show() {
    let c = catalog();
    let p = Progress::new();
    let i = c.role_index("research_engineer").unwrap();
    let en = commands::show(&c, i, &p, Lang::En, false, 80);
    assert!(en.contains("Does (our addition)\n"), "{en}");
    assert!(
        en.contains("vs AI Engineer (partly our addition)\n"),
        "{en}"
    );
    let zh = commands::show(&c, i, &p, Lang::Zh, false, 80);
    assert!(zh.contains("工作内容（本工具补充）\n"), "{zh}");
    let ai = commands::show(
        &c,
        c.role_index("ai_engineer").unwrap(),
        &p,
        Lang::En,
        false,
        80,
    );
    assert!(!ai.contains("our addition"), "{ai}");
}

// ---------- dates ----------

#[test]
fn what_ages_says_when_it_is_from() {
    let c = catalog();
    let p = Progress::new();
    let date = c.postings[0].date.as_ref().expect("the posting is dated");
    assert!(date.en.contains("August 2023") && date.zh.contains("2023 年 8 月"));
    let md = report::to_markdown(&report::build(&c, &p, Lang::En));
    assert!(md.contains("Date: by about August 2023"), "{md}");
    let ai = role(&c, "ai_engineer");
    assert_eq!(ai.examples_from, Some(2023));
    let show = commands::show(
        &c,
        c.role_index("ai_engineer").unwrap(),
        &p,
        Lang::En,
        false,
        80,
    );
    assert!(show.contains("Key tools (2023 examples)\n"), "{show}");
    for id in ["S15", "S17"] {
        assert_eq!(
            c.skills[c.skill_index(id).unwrap()].examples_from,
            Some(2023)
        );
    }
    for id in ["models", "tools"] {
        let n = c.notes.capabilities.iter().find(|n| n.id == id).unwrap();
        assert_eq!(n.examples_from, Some(2023), "{id}");
    }
    // The pay anecdotes and the essay's estimates say they are 2023's.
    for r in &c.roles {
        for f in &r.facts {
            if f.en.contains("anecdote") || f.en.contains("rough estimate") {
                assert!(
                    f.en.contains("2023") && f.zh.contains("2023"),
                    "{}: {}",
                    r.id,
                    f.en
                );
            }
        }
    }
}

#[test]
fn pane_4_shows_the_posting_date() {
    let c = catalog();
    for (lang, want) in [
        (Lang::En, "Date: by about August"),
        (Lang::Zh, "日期：约 2023 年 8 月"),
    ] {
        let mut app = App::new(c.clone(), Progress::new(), lang);
        app.update(Action::Resize(100, 30));
        app.update(Action::GoPane(Pane::Jobs));
        app.update(Action::End);
        let mut seen = String::new();
        for _ in 0..10 {
            seen.push_str(&screen(&mut app, 100, 30));
            app.update(Action::PageDown);
        }
        assert!(seen.contains(want), "{lang:?}:\n{seen}");
    }
}

// ---------- review 2 (CONTENT-REVIEW-2.md): its errors and the data fixes ----------

/// ERROR 2: S45's Chinese joins code rules *and* a model judge; "加大模型"
/// reads first as "increase model".
#[test]
fn review2_e2_s45_cannot_be_read_as_increase_model_review() {
    assert_eq!(zh_with("加大模型"), Vec::<String>::new());
    let c = catalog();
    let s45 = &c.skills[c.skill_index("S45").unwrap()];
    assert!(
        s45.name.zh.contains("用代码规则和大模型评审"),
        "{}",
        s45.name.zh
    );
}

/// ERROR 3: the roadmap's October 2024 date is its first publication; MCP
/// and context engineering came later, and the note says so in both languages.
#[test]
fn review2_e3_the_roadmap_date_does_not_cover_mcp_and_context_engineering() {
    let c = catalog();
    let note = c.notes.notes.iter().find(|n| n.id == "since_2023").unwrap();
    let (en, zh) = (note.body.en.as_str(), note.body.zh.as_str());
    assert!(!en.contains("(published October 2024)"), "{en}");
    assert!(en.contains("first published October 2024"), "{en}");
    assert!(
        en.contains("added later") && en.contains("September 2025"),
        "{en}"
    );
    assert!(!zh.contains("（2024 年 10 月发布）"), "{zh}");
    assert!(
        zh.contains("2024 年 10 月首次发布") && zh.contains("后来加的"),
        "{zh}"
    );
    assert!(zh.contains("2025 年 9 月"), "{zh}");
}

/// Review 2, findings 10, 12, 35, 59: the hedges and data fixes hold.
#[test]
fn review2_hedges_and_data_fixes() {
    let c = catalog();
    let chain = c
        .notes
        .notes
        .iter()
        .find(|n| n.id == "contempt_chain")
        .unwrap();
    assert!(chain.body.en.contains("until supply and demand"));
    assert!(chain.body.zh.contains("直到供需关系扭转"));
    let elastic = c
        .postings
        .iter()
        .find(|p| p.id == "elastic_workchat_2026")
        .unwrap();
    assert!(
        elastic.place.is_some(),
        "Elastic's place is said to be unknown"
    );
    let ts = c
        .postings
        .iter()
        .find(|p| p.id == "trust_safety_mle_2026")
        .unwrap();
    assert_eq!(ts.company.get(Lang::En), "Unnamed employer");
    assert_eq!(ts.company.get(Lang::Zh), "未署名雇主");
    let s15 = &c.skills[c.skill_index("S15").unwrap()];
    assert_eq!(s15.see_also, ["S16", "S55"]);
    assert_eq!(role(&c, "ml_researcher").examples_from, Some(2023));
    assert_eq!(zh_with("成本中，"), Vec::<String>::new());
}
