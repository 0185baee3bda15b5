//! Synthetic catalogs for the benchmarks: realistic AI-engineering text in
//! English and Chinese, 6 to 14 words a line, deterministic (a seeded LCG).
//!
//! "Items" are roles + skills + posting requirements, mostly skills: about 1 %
//! roles (on top of the 11 bundled ones, which the bundled boundary.yaml
//! names), 9 % requirements (ten per posting, each posting also has three
//! responsibilities), the rest skills, in 10 + sqrt(items)/2 categories.
//!
//! Shared by `examples/gen_catalog.rs` (which writes the five YAML files) and
//! the benches (which build the same catalog in memory, for sizes past the
//! loader's per-file limit).

#![allow(dead_code)]

use std::fmt::Write as _;

use career_explorer::model::{
    Catalog, Category, Clean, Index, Iteration, Level, Posting, PostingItem, Role, Side, Skill,
    Speed, Text,
};

/// A deterministic 64-bit LCG (Knuth's MMIX constants); no rand crate needed.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// Verbs that open a line, with their Chinese.
const VERBS: &[(&str, &str)] = &[
    ("Build", "构建"),
    ("Design", "设计"),
    ("Ship", "交付"),
    ("Evaluate", "评估"),
    ("Deploy", "部署"),
    ("Debug", "调试"),
    ("Monitor", "监控"),
    ("Optimize", "优化"),
    ("Prototype", "原型化"),
    ("Fine-tune", "微调"),
    ("Benchmark", "基准测试"),
    ("Integrate", "集成"),
    ("Automate", "自动化"),
    ("Scale", "扩展"),
    ("Document", "记录"),
    ("Review", "审查"),
    ("Migrate", "迁移"),
    ("Index", "索引"),
    ("Label", "标注"),
    ("Test", "测试"),
];

/// Words of the AI-engineering trade, with their Chinese.
const WORDS: &[(&str, &str)] = &[
    ("retrieval", "检索"),
    ("augmented", "增强"),
    ("generation", "生成"),
    ("vector", "向量"),
    ("search", "搜索"),
    ("prompt", "提示词"),
    ("engineering", "工程"),
    ("prompts", "提示词"),
    ("templates", "模板"),
    ("embeddings", "嵌入"),
    ("semantic", "语义"),
    ("ranking", "排序"),
    ("reranking", "重排序"),
    ("pipelines", "管道"),
    ("agents", "智能体"),
    ("tool", "工具"),
    ("calling", "调用"),
    ("function", "函数"),
    ("structured", "结构化"),
    ("outputs", "输出"),
    ("JSON", "JSON"),
    ("schemas", "模式"),
    ("evals", "评测"),
    ("evaluation", "评估"),
    ("harness", "框架"),
    ("regression", "回归"),
    ("tests", "测试"),
    ("CI", "CI"),
    ("continuous", "持续"),
    ("integration", "集成"),
    ("datasets", "数据集"),
    ("golden", "黄金"),
    ("feedback", "反馈"),
    ("loops", "循环"),
    ("user", "用户"),
    ("product", "产品"),
    ("features", "功能"),
    ("latency", "延迟"),
    ("cost", "成本"),
    ("tokens", "令牌"),
    ("context", "上下文"),
    ("window", "窗口"),
    ("chunking", "分块"),
    ("documents", "文档"),
    ("knowledge", "知识"),
    ("base", "库"),
    ("hybrid", "混合"),
    ("keyword", "关键词"),
    ("full-stack", "全栈"),
    ("fullstack", "全栈"),
    ("frontend", "前端"),
    ("backend", "后端"),
    ("APIs", "接口"),
    ("streaming", "流式"),
    ("responses", "响应"),
    ("chat", "对话"),
    ("interfaces", "界面"),
    ("guardrails", "护栏"),
    ("safety", "安全"),
    ("filters", "过滤器"),
    ("hallucination", "幻觉"),
    ("detection", "检测"),
    ("observability", "可观测性"),
    ("tracing", "追踪"),
    ("logging", "日志"),
    ("dashboards", "仪表盘"),
    ("fine-tuning", "微调"),
    ("LoRA", "LoRA"),
    ("adapters", "适配器"),
    ("open", "开源"),
    ("models", "模型"),
    ("hosting", "托管"),
    ("inference", "推理"),
    ("serving", "服务"),
    ("GPU", "GPU"),
    ("clusters", "集群"),
    ("batch", "批量"),
    ("jobs", "任务"),
    ("data", "数据"),
    ("warehouse", "仓库"),
    ("relational", "关系型"),
    ("databases", "数据库"),
    ("Postgres", "Postgres"),
    ("SQL", "SQL"),
    ("queries", "查询"),
    ("caching", "缓存"),
    ("rate", "速率"),
    ("limits", "限制"),
    ("multimodal", "多模态"),
    ("images", "图像"),
    ("speech", "语音"),
    ("transcription", "转写"),
    ("classification", "分类"),
    ("extraction", "抽取"),
    ("summarization", "摘要"),
    ("translation", "翻译"),
    ("customer", "客户"),
    ("support", "支持"),
    ("tickets", "工单"),
    ("workflows", "工作流"),
    ("orchestration", "编排"),
    ("memory", "记忆"),
    ("planning", "规划"),
    ("reasoning", "推理"),
    ("benchmarks", "基准"),
    ("leaderboards", "排行榜"),
    ("papers", "论文"),
    ("experiments", "实验"),
    ("A/B", "A/B"),
    ("metrics", "指标"),
    ("quality", "质量"),
    ("reliability", "可靠性"),
    ("production", "生产"),
    ("incidents", "事故"),
    ("privacy", "隐私"),
    ("compliance", "合规"),
    ("teams", "团队"),
    ("stakeholders", "利益相关方"),
    ("roadmaps", "路线图"),
    ("LangChain", "LangChain"),
    ("LlamaIndex", "LlamaIndex"),
    ("pgvector", "pgvector"),
    ("Pinecone", "Pinecone"),
    ("TypeScript", "TypeScript"),
    ("Python", "Python"),
];

/// Small words that join the others (English only; Chinese joins directly).
const JOINS: &[&str] = &[
    "and", "with", "for", "in", "across", "using", "from", "into",
];

/// Tools, libraries and services.
pub const TOOLS: &[&str] = &[
    "LangChain",
    "LlamaIndex",
    "pgvector",
    "Pinecone",
    "Weaviate",
    "Qdrant",
    "Milvus",
    "Chroma",
    "Elasticsearch",
    "OpenSearch",
    "Postgres",
    "MySQL",
    "Redis",
    "Kafka",
    "Spark",
    "dbt",
    "Airflow",
    "Dagster",
    "React",
    "TypeScript",
    "Node.js",
    "Next.js",
    "FastAPI",
    "Django",
    "Flask",
    "Docker",
    "Kubernetes",
    "Terraform",
    "GitHub Actions",
    "OpenAI API",
    "Anthropic API",
    "Gemini API",
    "Hugging Face",
    "PyTorch",
    "JAX",
    "vLLM",
    "Ollama",
    "llama.cpp",
    "Weights & Biases",
    "MLflow",
    "Ray",
    "DSPy",
    "Outlines",
    "Instructor",
    "promptfoo",
    "Ragas",
    "LangSmith",
    "Langfuse",
    "Helicone",
    "OpenTelemetry",
    "Grafana",
    "Sentry",
    "Vercel",
    "Supabase",
    "Snowflake",
    "BigQuery",
    "DuckDB",
    "Pandas",
    "Polars",
    "Jupyter",
];

/// A line of 6 to 14 words: (English, Chinese).
pub fn line(r: &mut Lcg) -> (String, String) {
    let words = r.range(6, 14);
    let (v_en, v_zh) = *r.pick(VERBS);
    let mut en = String::from(v_en);
    let mut zh = String::from(v_zh);
    let mut k = 1;
    while k < words {
        if k > 1 && k + 1 < words && r.below(4) == 0 {
            en.push(' ');
            en.push_str(r.pick::<&str>(JOINS));
            k += 1;
            continue;
        }
        let (w_en, w_zh) = *r.pick(WORDS);
        en.push(' ');
        en.push_str(w_en);
        // Latin names keep a space on each side in Chinese text.
        if w_zh.is_ascii() {
            zh.push(' ');
            zh.push_str(w_zh);
            zh.push(' ');
        } else {
            zh.push_str(w_zh);
        }
        k += 1;
    }
    (en, zh.trim().replace("  ", " "))
}

fn text(r: &mut Lcg) -> Text {
    let (en, zh) = line(r);
    Text {
        en: Clean::new(&en),
        zh: Clean::new(&zh),
    }
}

/// How a size splits into roles, skills, postings and categories.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub items: usize,
    /// Synthetic roles, on top of the 11 bundled ones.
    pub roles: usize,
    pub skills: usize,
    pub postings: usize,
    pub requirements_per_posting: usize,
    pub responsibilities_per_posting: usize,
    pub categories: usize,
}

pub const BUNDLED_ROLES: usize = 11;

impl Shape {
    pub fn of(items: usize) -> Shape {
        let roles = items / 100;
        let requirements_per_posting = 10;
        let postings = (items * 9 / 100).div_ceil(requirements_per_posting).max(1);
        let skills = items
            .saturating_sub(BUNDLED_ROLES + roles + postings * requirements_per_posting)
            .max(1);
        Shape {
            items,
            roles,
            skills,
            postings,
            requirements_per_posting,
            responsibilities_per_posting: 3,
            categories: 10 + items.isqrt() / 2,
        }
    }
}

/// The synthetic part of a catalog.
pub struct Synth {
    pub shape: Shape,
    /// Synthetic roles only (the bundled ones come first in the catalog).
    pub roles: Vec<Role>,
    pub categories: Vec<Category>,
    pub skills: Vec<Skill>,
    pub postings: Vec<Posting>,
}

/// Generates the synthetic roles, categories, skills and postings of `items`
/// items. `bundled_roles` are the ids of the roles already in the catalog.
pub fn generate(items: usize, seed: u64, bundled_roles: &[String]) -> Synth {
    let shape = Shape::of(items);
    let mut r = Lcg::new(seed);
    let levels = [
        Level::VeryLow,
        Level::Low,
        Level::Medium,
        Level::High,
        Level::VeryHigh,
    ];
    let speeds = [
        Speed::VerySlow,
        Speed::Slow,
        Speed::Medium,
        Speed::Fast,
        Speed::VeryFast,
    ];
    let roles: Vec<Role> = (0..shape.roles)
        .map(|i| Role {
            id: format!("role_{i:06}"),
            name: text(&mut r),
            aliases: (0..r.below(3)).map(|_| text(&mut r)).collect(),
            side: *r.pick(&[Side::Left, Side::Right, Side::Neither]),
            summary: text(&mut r),
            activities: (0..r.range(2, 4)).map(|_| text(&mut r)).collect(),
            outputs: (0..r.range(1, 3)).map(|_| text(&mut r)).collect(),
            iteration: Iteration {
                cost: *r.pick(&levels),
                speed: *r.pick(&speeds),
                note: text(&mut r),
            },
            key_tools: (0..r.range(2, 5))
                .map(|_| Clean::new(r.pick::<&str>(TOOLS)))
                .collect(),
            workflow: None,
            vs_ai_engineer: Some(text(&mut r)),
            facts: (0..r.below(3)).map(|_| text(&mut r)).collect(),
        })
        .collect();
    let role_ids: Vec<String> = bundled_roles
        .iter()
        .cloned()
        .chain(roles.iter().map(|x| x.id.clone()))
        .collect();
    let categories: Vec<Category> = (0..shape.categories)
        .map(|i| {
            let (en, zh) = line(&mut r);
            // Category names are short: the first three words.
            let en: Vec<&str> = en.split(' ').take(3).collect();
            let zh: String = zh.chars().take(6).collect();
            Category {
                id: format!("cat_{i:04}"),
                name: Text {
                    en: Clean::new(&en.join(" ")),
                    zh: Clean::new(zh.trim()),
                },
            }
        })
        .collect();
    let skills: Vec<Skill> = (0..shape.skills)
        .map(|i| {
            let category_idx = r.below(categories.len());
            let role_idx: Vec<usize> = {
                let mut v: Vec<usize> = (0..r.range(1, 3))
                    .map(|_| r.below(role_ids.len()))
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            Skill {
                id: format!("K{i:07}"),
                category: categories[category_idx].id.clone(),
                name: text(&mut r),
                roles: role_idx.iter().map(|&x| role_ids[x].clone()).collect(),
                tools: (0..r.below(4))
                    .map(|_| Clean::new(r.pick::<&str>(TOOLS)))
                    .collect(),
                category_idx,
                role_idx,
            }
        })
        .collect();
    let item = |r: &mut Lcg, id: String, lo: usize, hi: usize| {
        let mut skill_idx: Vec<usize> = (0..r.range(lo, hi))
            .map(|_| r.below(skills.len()))
            .collect();
        skill_idx.sort_unstable();
        skill_idx.dedup();
        PostingItem {
            id,
            text: text(r),
            emphasis: r.below(4) == 0,
            skills: skill_idx.iter().map(|&s| skills[s].id.clone()).collect(),
            min_years: (r.below(5) == 0).then(|| r.range(2, 10) as u32),
            skill_idx,
        }
    };
    let postings: Vec<Posting> = (0..shape.postings)
        .map(|p| {
            let (company, _) = line(&mut r);
            let company: Vec<&str> = company.split(' ').skip(1).take(2).collect();
            Posting {
                id: format!("post_{p:06}"),
                company: Clean::new(&company.join(" ")),
                title: text(&mut r),
                role: role_ids[r.below(role_ids.len())].clone(),
                source: text(&mut r),
                responsibilities: (0..shape.responsibilities_per_posting)
                    .map(|k| item(&mut r, format!("P{p:06}R{k}"), 1, 4))
                    .collect(),
                requirements: (0..shape.requirements_per_posting)
                    .map(|k| item(&mut r, format!("P{p:06}Q{k}"), 2, 6))
                    .collect(),
                observations: (0..r.below(2)).map(|_| text(&mut r)).collect(),
            }
        })
        .collect();
    Synth {
        shape,
        roles,
        categories,
        skills,
        postings,
    }
}

/// The bundled catalog with the synthetic items in place of its skills,
/// categories and postings (its roles kept, the synthetic ones added), with
/// every index resolved as the loader would. For sizes the loader refuses.
pub fn in_memory(items: usize, seed: u64) -> Catalog {
    let mut c = career_explorer::loader::load_bundled().expect("bundled data");
    let ids: Vec<String> = c.roles.iter().map(|x| x.id.clone()).collect();
    let s = generate(items, seed, &ids);
    c.roles.extend(s.roles);
    c.categories = s.categories;
    c.skills = s.skills;
    c.postings = s.postings;
    c.index = derive_index(&c);
    c.finish_index();
    c
}

/// What the loader derives once the references resolve: its own function,
/// given the spectrum as validation resolves it.
fn derive_index(c: &Catalog) -> Index {
    let spectrum: Vec<usize> = c
        .boundary
        .spectrum
        .iter()
        .filter_map(|id| c.role_index(id))
        .collect();
    let left_count = spectrum
        .iter()
        .filter(|&&i| c.roles[i].side == Side::Left)
        .count();
    career_explorer::loader::derive_index(c, spectrum, left_count)
}

// ---------- YAML ----------

/// A double-quoted YAML scalar.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn text_yaml(out: &mut String, indent: &str, key: &str, t: &Text) {
    let _ = writeln!(out, "{indent}{key}: {{en: {}, zh: {}}}", q(&t.en), q(&t.zh));
}

fn texts_yaml(out: &mut String, indent: &str, key: &str, ts: &[Text]) {
    if ts.is_empty() {
        let _ = writeln!(out, "{indent}{key}: []");
        return;
    }
    let _ = writeln!(out, "{indent}{key}:");
    for t in ts {
        let _ = writeln!(out, "{indent}  - {{en: {}, zh: {}}}", q(&t.en), q(&t.zh));
    }
}

fn list_yaml(items: impl IntoIterator<Item = String>) -> String {
    let v: Vec<String> = items.into_iter().collect();
    format!("[{}]", v.join(", "))
}

fn level(l: Level) -> &'static str {
    match l {
        Level::VeryLow => "very_low",
        Level::Low => "low",
        Level::Medium => "medium",
        Level::High => "high",
        Level::VeryHigh => "very_high",
    }
}

fn speed(s: Speed) -> &'static str {
    match s {
        Speed::VerySlow => "very_slow",
        Speed::Slow => "slow",
        Speed::Medium => "medium",
        Speed::Fast => "fast",
        Speed::VeryFast => "very_fast",
    }
}

/// The synthetic roles, as entries to append to the bundled roles.yaml.
pub fn roles_yaml(roles: &[Role]) -> String {
    let mut out = String::new();
    for r in roles {
        let _ = writeln!(out, "\n  - id: {}", r.id);
        text_yaml(&mut out, "    ", "name", &r.name);
        texts_yaml(&mut out, "    ", "aliases", &r.aliases);
        let side = match r.side {
            Side::Left => "left",
            Side::Right => "right",
            Side::Neither => "neither",
        };
        let _ = writeln!(out, "    side: {side}");
        text_yaml(&mut out, "    ", "summary", &r.summary);
        texts_yaml(&mut out, "    ", "activities", &r.activities);
        texts_yaml(&mut out, "    ", "outputs", &r.outputs);
        let _ = writeln!(out, "    iteration:");
        let _ = writeln!(out, "      cost: {}", level(r.iteration.cost));
        let _ = writeln!(out, "      speed: {}", speed(r.iteration.speed));
        text_yaml(&mut out, "      ", "note", &r.iteration.note);
        let _ = writeln!(
            out,
            "    key_tools: {}",
            list_yaml(r.key_tools.iter().map(|t| q(t)))
        );
        if let Some(vs) = &r.vs_ai_engineer {
            text_yaml(&mut out, "    ", "vs_ai_engineer", vs);
        }
        texts_yaml(&mut out, "    ", "facts", &r.facts);
    }
    out
}

pub fn skills_yaml(s: &Synth) -> String {
    let mut out = String::from("# Synthetic skills (examples/gen_catalog.rs).\ncategories:\n");
    for c in &s.categories {
        let _ = writeln!(out, "  - id: {}", c.id);
        text_yaml(&mut out, "    ", "name", &c.name);
    }
    out.push_str("\nskills:\n");
    for k in &s.skills {
        let _ = writeln!(out, "  - id: {}", k.id);
        let _ = writeln!(out, "    category: {}", k.category);
        text_yaml(&mut out, "    ", "name", &k.name);
        let _ = writeln!(out, "    roles: {}", list_yaml(k.roles.iter().cloned()));
        if !k.tools.is_empty() {
            let _ = writeln!(
                out,
                "    tools: {}",
                list_yaml(k.tools.iter().map(|t| q(t)))
            );
        }
    }
    out
}

pub fn postings_yaml(s: &Synth) -> String {
    let mut out = String::from("# Synthetic postings (examples/gen_catalog.rs).\npostings:\n");
    let items = |out: &mut String, key: &str, items: &[PostingItem]| {
        let _ = writeln!(out, "    {key}:");
        for it in items {
            let _ = writeln!(out, "      - id: {}", it.id);
            text_yaml(out, "        ", "text", &it.text);
            let _ = writeln!(out, "        emphasis: {}", it.emphasis);
            let _ = writeln!(
                out,
                "        skills: {}",
                list_yaml(it.skills.iter().cloned())
            );
            if let Some(y) = it.min_years {
                let _ = writeln!(out, "        min_years: {y}");
            }
        }
    };
    for p in &s.postings {
        let _ = writeln!(out, "  - id: {}", p.id);
        let _ = writeln!(out, "    company: {}", q(&p.company));
        text_yaml(&mut out, "    ", "title", &p.title);
        let _ = writeln!(out, "    role: {}", p.role);
        text_yaml(&mut out, "    ", "source", &p.source);
        items(&mut out, "responsibilities", &p.responsibilities);
        items(&mut out, "requirements", &p.requirements);
        texts_yaml(&mut out, "    ", "observations", &p.observations);
    }
    out
}

/// One line per searchable item (what `career-explorer search` ranks), for
/// `fzf --filter`: kind, id, English and Chinese name, tools.
pub fn corpus_lines(c: &Catalog) -> String {
    let mut out = String::new();
    for r in &c.roles {
        let tools: Vec<&str> = r.key_tools.iter().map(|t| t.as_str()).collect();
        let _ = writeln!(
            out,
            "role {} {} {} {}",
            r.id,
            r.name.en,
            r.name.zh,
            tools.join(" ")
        );
    }
    for s in &c.skills {
        let tools: Vec<&str> = s.tools.iter().map(|t| t.as_str()).collect();
        let _ = writeln!(
            out,
            "skill {} {} {} {}",
            s.id,
            s.name.en,
            s.name.zh,
            tools.join(" ")
        );
    }
    for p in &c.postings {
        for (kind, items) in [
            ("requirement", &p.requirements),
            ("responsibility", &p.responsibilities),
        ] {
            for it in items {
                let _ = writeln!(out, "{kind} {} {} {}", it.id, it.text.en, it.text.zh);
            }
        }
    }
    out
}

const BOUNDARY_YAML: &str = include_str!("../../data/boundary.yaml");
const ROLES_YAML: &str = include_str!("../../data/roles.yaml");
const NOTES_YAML: &str = include_str!("../../data/notes.yaml");

/// What `write_dir` wrote.
pub struct Written {
    pub catalog: Catalog,
    /// (file name, bytes), the five YAML files then corpus.txt.
    pub files: Vec<(&'static str, usize)>,
}

impl Written {
    pub fn yaml_bytes(&self) -> usize {
        self.files
            .iter()
            .filter(|(n, _)| n.ends_with(".yaml"))
            .map(|f| f.1)
            .sum()
    }
}

/// Writes a data folder `career-explorer --data` reads (boundary.yaml and
/// notes.yaml as bundled, roles.yaml the bundled roles plus synthetic ones,
/// skills.yaml and postings.yaml generated) and corpus.txt (one line per
/// searchable item, for `fzf --filter`).
pub fn write_dir(items: usize, seed: u64, out: &std::path::Path) -> std::io::Result<Written> {
    std::fs::create_dir_all(out)?;
    let catalog = in_memory(items, seed);
    let bundled = career_explorer::loader::load_bundled()
        .map(|c| c.roles.len())
        .unwrap_or(BUNDLED_ROLES);
    let s = Synth {
        shape: Shape::of(items),
        roles: catalog.roles[bundled..].to_vec(),
        categories: catalog.categories.clone(),
        skills: catalog.skills.clone(),
        postings: catalog.postings.clone(),
    };
    let files = [
        ("boundary.yaml", BOUNDARY_YAML.to_string()),
        (
            "roles.yaml",
            format!("{ROLES_YAML}{}", roles_yaml(&s.roles)),
        ),
        ("skills.yaml", skills_yaml(&s)),
        ("postings.yaml", postings_yaml(&s)),
        ("notes.yaml", NOTES_YAML.to_string()),
        ("corpus.txt", corpus_lines(&catalog)),
    ];
    let mut sizes = Vec::new();
    for (name, text) in &files {
        std::fs::write(out.join(name), text)?;
        sizes.push((*name, text.len()));
    }
    Ok(Written {
        catalog,
        files: sizes,
    })
}

/// An item count as the benches take it: `1000`, `10k`, `1m`.
pub fn parse_size(s: &str) -> usize {
    let l = s.trim().to_ascii_lowercase();
    let (d, m) = if let Some(d) = l.strip_suffix('k') {
        (d, 1_000)
    } else if let Some(d) = l.strip_suffix('m') {
        (d, 1_000_000)
    } else {
        (l.as_str(), 1)
    };
    d.parse::<usize>().expect("a size such as 10k or 1m") * m
}

/// The seven queries the benchmarks type.
pub const QUERIES: [&str; 7] = [
    "langchain",
    "postgres",
    "prompt eng",
    "vector search",
    "fulstak",
    "提示词",
    "evals ci",
];
