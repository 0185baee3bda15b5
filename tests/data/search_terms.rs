//! Issue 14 point 4 / content review (f): the words people type find what
//! they mean, in English and Chinese: each listed term has an expected item
//! in its top three results (names, tools and the `keywords` lists).

use career_core::model::Catalog;
use career_core::search::{Index, Target};
use career_core::store::loader::load_bundled;

/// "role:id", "skill:id", "req:id" or "note:id" for a result.
fn name(c: &Catalog, t: Target) -> String {
    match t {
        Target::Role(i) => format!("role:{}", c.roles[i].id),
        Target::Skill(i) => format!("skill:{}", c.skills[i].id),
        Target::Posting(p) => format!("posting:{}", c.postings[p].id),
        Target::Requirement(p, i) => format!("req:{}", c.postings[p].requirements[i].id),
        Target::Responsibility(p, i) => format!("resp:{}", c.postings[p].responsibilities[i].id),
        Target::Note(i) => format!("note:{}", c.about_notes().nth(i).unwrap().id),
    }
}

const TERMS: &[(&str, &[&str])] = &[
    // Chinese
    (
        "大语言模型",
        &[
            "role:ai_engineer",
            "role:llm_training_engineer",
            "skill:S03",
            "skill:S24",
        ],
    ),
    ("嵌入", &["skill:S12", "skill:S33", "req:NQ1"]),
    ("嵌入向量", &["skill:S12", "skill:S33", "req:NQ1"]),
    ("检索增强", &["skill:S11", "skill:S13"]),
    ("检索增强生成", &["skill:S11", "skill:S13"]),
    ("知识库", &["skill:S11"]),
    ("知识库问答", &["skill:S11"]),
    ("向量检索", &["skill:S12", "skill:S11"]),
    ("语义搜索", &["skill:S12", "skill:S11"]),
    ("代理", &["skill:S15", "skill:S16", "skill:S17"]),
    ("提示词注入", &["skill:S08"]),
    ("越狱", &["skill:S08"]),
    ("函数调用", &["skill:S16"]),
    ("结构化输出", &["skill:S06", "skill:S09"]),
    ("词元", &["skill:S03"]),
    ("令牌", &["skill:S03"]),
    ("推荐系统", &["skill:S36", "role:ml_engineer"]),
    ("自然语言处理", &["req:NQ1"]),
    ("算法工程师", &["role:ml_engineer"]),
    ("大模型应用开发", &["role:ai_engineer"]),
    ("AI 应用开发", &["role:ai_engineer"]),
    ("前端开发", &["role:fullstack_engineer", "skill:S27"]),
    ("后端开发", &["role:fullstack_engineer", "skill:S28"]),
    (
        "算力",
        &[
            "role:ml_researcher",
            "role:llm_training_engineer",
            "skill:S26",
        ],
    ),
    (
        "显卡",
        &[
            "role:ml_researcher",
            "role:llm_training_engineer",
            "skill:S26",
        ],
    ),
    ("闭源", &["skill:S01", "skill:S05"]),
    ("数据分析", &["role:data_scientist"]),
    ("工作年限", &["req:NQ1"]),
    ("八年", &["req:NQ1"]),
    ("研究科学家", &["role:ml_researcher"]),
    ("鄙视链", &["note:contempt_chain"]),
    ("安卓", &["note:android_wave", "note:contempt_chain"]),
    ("雷军", &["note:riding_the_wave"]),
    ("风口", &["note:riding_the_wave"]),
    ("移动互联网", &["note:android_wave", "note:riding_the_wave"]),
    ("必应", &["note:generalisation"]),
    ("新版必应", &["note:generalisation"]),
    ("ChatGPT", &["note:contempt_chain", "note:generalisation"]),
    ("卡帕西", &["note:karpathy_reply"]),
    ("软件 3.0", &["note:software_3_0"]),
    ("软件3.0", &["note:software_3_0"]),
    ("评估集", &["skill:S18"]),
    ("提示注入", &["skill:S08"]),
    ("切块", &["skill:S13"]),
    ("通讯", &["skill:S37"]),
    // English
    (
        "retrieval-augmented generation",
        &["skill:S11", "skill:S13"],
    ),
    ("retrieval augmented", &["skill:S11", "skill:S13"]),
    (
        "large language model",
        &[
            "role:ai_engineer",
            "role:llm_training_engineer",
            "skill:S03",
        ],
    ),
    (
        "large language models",
        &[
            "role:ai_engineer",
            "role:llm_training_engineer",
            "skill:S03",
        ],
    ),
    ("function calling", &["skill:S16"]),
    ("tool use", &["skill:S16"]),
    ("structured output", &["skill:S06", "skill:S09"]),
    ("JSON mode", &["skill:S06", "skill:S09"]),
    ("jailbreak", &["skill:S08"]),
    ("frontend", &["role:fullstack_engineer", "skill:S27"]),
    ("front-end", &["role:fullstack_engineer", "skill:S27"]),
    ("recommender", &["skill:S36", "role:ml_engineer"]),
    ("recsys", &["skill:S36", "role:ml_engineer"]),
    ("NLU", &["req:NQ1"]),
    ("devops", &["role:mlops_engineer"]),
    ("ML ops", &["role:mlops_engineer"]),
    ("k8s", &["role:mlops_engineer"]),
    ("open source", &["skill:S02", "skill:S05", "skill:S23"]),
    ("open-source", &["skill:S02", "skill:S05", "skill:S23"]),
    ("experience", &["req:NQ1"]),
    ("contempt chain", &["note:contempt_chain"]),
    ("android", &["note:android_wave", "note:contempt_chain"]),
    ("brockman", &["note:generalisation", "note:high_barrier"]),
    ("lei jun", &["note:riding_the_wave"]),
    ("software 3.0", &["note:software_3_0"]),
    ("research scientist", &["role:ml_researcher"]),
    ("new bing", &["note:generalisation"]),
    ("bing", &["note:generalisation"]),
    ("LoRA", &["skill:S05"]),
    ("SRE", &["skill:S23"]),
    ("HF", &["skill:S06"]),
    ("vision", &["skill:S07", "skill:computer_vision"]),
    ("NLP", &["role:ai_engineer"]),
];

#[test]
fn every_listed_term_finds_its_item_in_the_top_three() {
    let c = load_bundled().unwrap();
    let index = Index::build(&c);
    let mut misses = Vec::new();
    for (term, want) in TERMS {
        let top: Vec<String> = index
            .query(term, None, 3)
            .into_iter()
            .map(|h| name(&c, index.entries[h.entry].target))
            .collect();
        if !top.iter().any(|t| want.contains(&t.as_str())) {
            misses.push(format!("{term}: {top:?} (want one of {want:?})"));
        }
    }
    assert!(
        misses.is_empty(),
        "{} misses:\n{}",
        misses.len(),
        misses.join("\n")
    );
}
