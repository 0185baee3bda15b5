//! A synthetic catalog, written as the five YAML files `career-explorer --data
//! DIR` reads: boundary.yaml and notes.yaml copied from the bundled data,
//! roles.yaml the bundled roles plus generated ones, skills.yaml and
//! postings.yaml generated. Text is AI-engineering vocabulary in English with
//! its Chinese, from a seeded LCG: the same shape and seed always give the
//! same bytes.
//!
//! Plain text out, nothing parsed back: the benches load what this writes
//! through the real loader. Used by `examples/gen_catalog` and, through
//! `#[path]`, by the benches.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// How many of each thing a catalog holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// All roles, the bundled ones included.
    pub roles: usize,
    pub skills: usize,
    pub categories: usize,
    pub postings: usize,
    pub requirements_per_posting: usize,
    pub responsibilities_per_posting: usize,
}

/// The roles of the bundled roles.yaml, kept first in every catalog
/// (boundary.yaml names four of them).
pub const BUNDLED_ROLES: usize = 11;

impl Shape {
    /// The size of the ESCO taxonomy: 3,000 occupations, 14,000 skills.
    pub const fn esco() -> Shape {
        Shape {
            roles: 3_000,
            skills: 14_000,
            categories: 80,
            postings: 300,
            requirements_per_posting: 10,
            responsibilities_per_posting: 3,
        }
    }

    /// About `items` searchable items (roles + skills + requirements): 1 %
    /// roles on top of the bundled ones, 9 % requirements (ten per posting,
    /// each posting also has three responsibilities), the rest skills, in
    /// 10 + sqrt(items)/2 categories.
    pub fn items(items: usize) -> Shape {
        let requirements_per_posting = 10;
        let roles = BUNDLED_ROLES + items / 100;
        let postings = (items * 9 / 100).div_ceil(requirements_per_posting).max(1);
        let skills = items
            .saturating_sub(roles + postings * requirements_per_posting)
            .max(1);
        Shape {
            roles,
            skills,
            categories: 10 + items.isqrt() / 2,
            postings,
            requirements_per_posting,
            responsibilities_per_posting: 3,
        }
    }

    /// Roles + skills + requirements: what the search ranks, responsibilities aside.
    pub fn items_count(&self) -> usize {
        self.roles + self.skills + self.postings * self.requirements_per_posting
    }
}

/// A deterministic 64-bit LCG (Knuth's MMIX constants); no rand crate needed.
struct Lcg(u64);

impl Lcg {
    fn new(seed: u64) -> Self {
        Lcg(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
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
const TOOLS: &[&str] = &[
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

/// Words that end a company name.
const COMPANY: &[&str] = &["Labs", "AI", "Systems", "Analytics", "Cloud", "Health"];

/// A text in both languages.
struct Text {
    en: String,
    zh: String,
}

/// Joins Chinese words: directly, but with a space on each side of a Latin
/// name ("构建 `LangChain` 管道").
fn join_zh(words: &[&str]) -> String {
    let mut zh = String::new();
    let mut latin_before = false;
    for w in words {
        let latin = w.is_ascii();
        if !zh.is_empty() && (latin || latin_before) {
            zh.push(' ');
        }
        zh.push_str(w);
        latin_before = latin;
    }
    zh
}

/// A line of `lo` to `hi` words that opens with a verb, as a checklist line
/// or a duty reads.
fn line(r: &mut Lcg, lo: usize, hi: usize) -> Text {
    let words = r.range(lo, hi);
    let (v_en, v_zh) = *r.pick(VERBS);
    let mut en = vec![v_en];
    let mut zh = vec![v_zh];
    let mut k = 1;
    while k < words {
        if k > 1 && k + 1 < words && r.below(4) == 0 {
            en.push(*r.pick(JOINS));
        } else {
            let (w_en, w_zh) = *r.pick(WORDS);
            en.push(w_en);
            zh.push(w_zh);
        }
        k += 1;
    }
    Text {
        en: en.join(" "),
        zh: join_zh(&zh),
    }
}

/// A name of `lo` to `hi` whole words, no verb ("Vector search pipelines",
/// "向量搜索管道"): both languages cut at the same word.
fn name(r: &mut Lcg, lo: usize, hi: usize) -> Text {
    let n = r.range(lo, hi);
    let words: Vec<(&str, &str)> = (0..n).map(|_| *r.pick(WORDS)).collect();
    let mut en = words.iter().map(|w| w.0).collect::<Vec<_>>().join(" ");
    if let Some(first) = en.get(..1) {
        en = first.to_uppercase() + &en[1..];
    }
    let zh: Vec<&str> = words.iter().map(|w| w.1).collect();
    Text {
        en,
        zh: join_zh(&zh),
    }
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

/// A flow list of `n` picks: `[a, b]`, sorted and without repeats.
fn picks(r: &mut Lcg, n: usize, from: &[String]) -> String {
    let mut idx: Vec<usize> = (0..n).map(|_| r.below(from.len())).collect();
    idx.sort_unstable();
    idx.dedup();
    let v: Vec<&str> = idx.iter().map(|&i| from[i].as_str()).collect();
    format!("[{}]", v.join(", "))
}

fn tools(r: &mut Lcg, n: usize) -> String {
    let v: Vec<String> = (0..n).map(|_| q(r.pick::<&str>(TOOLS))).collect();
    format!("[{}]", v.join(", "))
}

const BOUNDARY_YAML: &str = include_str!("../../data/boundary.yaml");
const ROLES_YAML: &str = include_str!("../../data/roles.yaml");
const NOTES_YAML: &str = include_str!("../../data/notes.yaml");

const LEVELS: [&str; 5] = ["very_low", "low", "medium", "high", "very_high"];
const SPEEDS: [&str; 5] = ["very_slow", "slow", "medium", "fast", "very_fast"];

/// The bundled roles.yaml with `shape.roles - BUNDLED_ROLES` roles appended;
/// and every role id, bundled first.
fn roles_yaml(r: &mut Lcg, shape: &Shape) -> (String, Vec<String>) {
    let mut ids: Vec<String> = ROLES_YAML
        .lines()
        .filter_map(|l| l.strip_prefix("  - id: "))
        .map(|id| id.trim().to_string())
        .collect();
    debug_assert_eq!(ids.len(), BUNDLED_ROLES);
    let mut out = String::from(ROLES_YAML);
    for i in 0..shape.roles.saturating_sub(ids.len()) {
        let id = format!("role_{i:05}");
        let _ = writeln!(out, "\n  - id: {id}");
        text_yaml(&mut out, "    ", "name", &name(r, 2, 4));
        let aliases: Vec<Text> = (0..r.below(3)).map(|_| name(r, 2, 4)).collect();
        texts_yaml(&mut out, "    ", "aliases", &aliases);
        let side = r.pick(&["left", "right", "neither"]);
        let _ = writeln!(out, "    side: {side}");
        text_yaml(&mut out, "    ", "summary", &line(r, 8, 16));
        let activities: Vec<Text> = (0..r.range(2, 4)).map(|_| line(r, 6, 14)).collect();
        texts_yaml(&mut out, "    ", "activities", &activities);
        let outputs: Vec<Text> = (0..r.range(1, 3)).map(|_| name(r, 2, 5)).collect();
        texts_yaml(&mut out, "    ", "outputs", &outputs);
        let _ = writeln!(out, "    iteration:");
        let _ = writeln!(out, "      cost: {}", r.pick(&LEVELS));
        let _ = writeln!(out, "      speed: {}", r.pick(&SPEEDS));
        text_yaml(&mut out, "      ", "note", &line(r, 6, 12));
        let n = r.range(2, 5);
        let _ = writeln!(out, "    key_tools: {}", tools(r, n));
        text_yaml(&mut out, "    ", "vs_ai_engineer", &line(r, 8, 16));
        let facts: Vec<Text> = (0..r.below(3)).map(|_| line(r, 8, 16)).collect();
        texts_yaml(&mut out, "    ", "facts", &facts);
        ids.push(id);
    }
    (out, ids)
}

/// skills.yaml; and every skill id.
fn skills_yaml(r: &mut Lcg, shape: &Shape, roles: &[String]) -> (String, Vec<String>) {
    let mut out = String::from("# Synthetic skills (examples/gen_catalog).\ncategories:\n");
    let categories: Vec<String> = (0..shape.categories.max(1))
        .map(|i| format!("cat_{i:04}"))
        .collect();
    for id in &categories {
        let _ = writeln!(out, "  - id: {id}");
        text_yaml(&mut out, "    ", "name", &name(r, 2, 3));
    }
    out.push_str("\nskills:\n");
    let ids: Vec<String> = (0..shape.skills).map(|i| format!("K{i:06}")).collect();
    for id in &ids {
        let _ = writeln!(out, "  - id: {id}");
        let _ = writeln!(out, "    category: {}", r.pick(&categories));
        text_yaml(&mut out, "    ", "name", &line(r, 8, 16));
        let n = r.range(1, 6);
        let _ = writeln!(out, "    roles: {}", picks(r, n, roles));
        let n = r.below(4);
        if n > 0 {
            let _ = writeln!(out, "    tools: {}", tools(r, n));
        }
    }
    (out, ids)
}

fn postings_yaml(r: &mut Lcg, shape: &Shape, roles: &[String], skills: &[String]) -> String {
    let mut out = String::from("# Synthetic postings (examples/gen_catalog).\npostings:\n");
    let items = |out: &mut String, r: &mut Lcg, key: &str, prefix: &str, n: usize, lo, hi| {
        let _ = writeln!(out, "    {key}:");
        for k in 0..n {
            let _ = writeln!(out, "      - id: {prefix}{k}");
            text_yaml(out, "        ", "text", &line(r, 6, 14));
            let _ = writeln!(out, "        emphasis: {}", r.below(4) == 0);
            let n = r.range(lo, hi);
            let _ = writeln!(out, "        skills: {}", picks(r, n, skills));
            if r.below(5) == 0 {
                let _ = writeln!(out, "        min_years: {}", r.range(2, 10));
            }
        }
    };
    for p in 0..shape.postings {
        let _ = writeln!(out, "  - id: post_{p:05}");
        let company = format!("{} {}", name(r, 1, 1).en, r.pick(COMPANY));
        let _ = writeln!(out, "    company: {}", q(&company));
        text_yaml(&mut out, "    ", "title", &name(r, 2, 4));
        let _ = writeln!(out, "    role: {}", r.pick(roles));
        text_yaml(&mut out, "    ", "source", &line(r, 8, 16));
        let n = shape.responsibilities_per_posting;
        items(
            &mut out,
            r,
            "responsibilities",
            &format!("P{p:05}R"),
            n,
            1,
            4,
        );
        let n = shape.requirements_per_posting;
        items(&mut out, r, "requirements", &format!("P{p:05}Q"), n, 2, 6);
        let observations: Vec<Text> = (0..r.below(2)).map(|_| line(r, 8, 16)).collect();
        texts_yaml(&mut out, "    ", "observations", &observations);
    }
    out
}

/// What `write_dir` wrote: (file name, bytes), in the loader's order.
pub struct Written {
    pub files: Vec<(&'static str, usize)>,
}

impl Written {
    pub fn yaml_bytes(&self) -> usize {
        self.files.iter().map(|f| f.1).sum()
    }

    pub fn largest(&self) -> (&'static str, usize) {
        *self
            .files
            .iter()
            .max_by_key(|f| f.1)
            .expect("five files written")
    }
}

/// Writes the five YAML files of a catalog of `shape` into `out` (created if
/// missing).
pub fn write_dir(shape: &Shape, seed: u64, out: &Path) -> std::io::Result<Written> {
    std::fs::create_dir_all(out)?;
    let mut r = Lcg::new(seed);
    let (roles, role_ids) = roles_yaml(&mut r, shape);
    let (skills, skill_ids) = skills_yaml(&mut r, shape, &role_ids);
    let postings = postings_yaml(&mut r, shape, &role_ids, &skill_ids);
    let files = [
        ("boundary.yaml", BOUNDARY_YAML.to_string()),
        ("roles.yaml", roles),
        ("skills.yaml", skills),
        ("postings.yaml", postings),
        ("notes.yaml", NOTES_YAML.to_string()),
    ];
    let mut sizes = Vec::new();
    for (name, text) in &files {
        std::fs::write(out.join(name), text)?;
        sizes.push((*name, text.len()));
    }
    Ok(Written { files: sizes })
}
