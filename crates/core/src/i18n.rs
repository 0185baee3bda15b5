//! The app's own words (tabs, headings, hints) in both languages. Content
//! text comes from the data files; only the chrome lives here.

use crate::model::{Iteration, Lang, Level, Provenance, Side, Speed};

/// Every label of the app's chrome, in one language.
pub struct Labels {
    pub app: &'static str,
    pub tabs: [&'static str; 4],
    pub lang_name: &'static str,
    pub too_small: &'static str,
    pub api: &'static str,
    pub also: &'static str,
    /// Before the roles on neither side of the line, in pane 1.
    pub not_on_line: &'static str,
    /// The last piece of a list cut to fit: `{n}` is how many are left out.
    pub more: &'static str,
    pub workflows: &'static str,
    pub detail: &'static str,
    pub about_line: &'static str,
    pub figures: &'static str,
    pub why: &'static str,
    pub left_of_line: &'static str,
    pub right_of_line: &'static str,
    pub neither_side: &'static str,
    pub on_spectrum: &'static str,
    pub off_spectrum: &'static str,
    pub does: &'static str,
    pub outputs: &'static str,
    pub iteration: &'static str,
    pub cost: &'static str,
    pub speed: &'static str,
    pub tools: &'static str,
    pub workflow: &'static str,
    pub vs_ai: &'static str,
    pub facts: &'static str,
    pub aliases: &'static str,
    pub compare_title: &'static str,
    pub dimension: &'static str,
    pub side: &'static str,
    pub spectrum_place: &'static str,
    pub summary: &'static str,
    pub skills_needed: &'static str,
    pub differs: &'static str,
    pub same: &'static str,
    pub skills_title: &'static str,
    pub needed_by: &'static str,
    pub covers: &'static str,
    pub nothing: &'static str,
    pub responsibilities: &'static str,
    pub requirements: &'static str,
    pub covered: &'static str,
    pub partly: &'static str,
    pub missing: &'static str,
    pub experience: &'static str,
    pub covering_skills: &'static str,
    pub source: &'static str,
    pub match_label: &'static str,
    pub match_word: &'static str,
    pub next_skills: &'static str,
    /// A requirement's experience check: "8+ years · you, all years: 3" (the
    /// profile holds total years, not years in the field the ad names).
    pub years_you: &'static str,
    pub years_not_given: &'static str,
    /// The mark of a requirement no skill or threshold is mapped to.
    pub not_mapped: &'static str,
    /// In pane 4's title, on a posting from the user's own folder.
    pub own_posting: &'static str,
    /// After a text given in the other language only.
    pub untranslated: &'static str,
    /// Pane 4's role-to-job gap: its heading, and the hint when no role is given.
    pub gap_from: &'static str,
    pub gap_no_role: &'static str,
    /// Before an own posting's file, at the foot of pane 4.
    pub own_file: &'static str,
    /// At start: own posting files left out for their problems.
    pub own_left_out: &'static str,
    /// A profile key pressed while the file's `profile` section does not read.
    pub profile_unread: &'static str,
    /// The progress file has other hard links, which a save leaves behind.
    pub hard_linked: &'static str,
    pub state_names: [&'static str; 4],
    pub note: &'static str,
    pub readiness: &'static str,
    pub overall: &'static str,
    pub note_editor: &'static str,
    pub no_skills: &'static str,
    pub search_title: &'static str,
    pub search_hint: &'static str,
    pub no_match: &'static str,
    /// Before the item nearest to a query that matched nothing.
    pub no_match_closest: &'static str,
    /// While a search runs off the UI thread.
    pub searching: &'static str,
    pub results: &'static str,
    pub result: &'static str,
    pub emphasised: &'static str,
    /// Pane 4 when the data holds no posting, and how to add one.
    pub no_postings: &'static str,
    pub no_postings_hint: &'static str,
    /// Under "Requirements" when a posting lists none.
    pub no_requirements: &'static str,
    pub help_title: &'static str,
    pub notes_title: &'static str,
    pub traits: &'static str,
    pub capabilities: &'static str,
    pub notes: &'static str,
    pub sources: &'static str,
    pub saved_error: &'static str,
    /// Before the message of a progress file that does not read at start.
    pub not_read: &'static str,
    /// Before the list of progress entries that do not read.
    pub bad_kept: &'static str,
    /// When the user changes a skill whose entry in the file does not read.
    pub fix_entry_first: &'static str,
    /// The quit prompt after a failed save; `{n}` is the number of changes.
    pub quit_unsaved: &'static str,
    pub unknown_kept: &'static str,
    /// Said when a paste was longer than `textfield::MAX_PASTE`; `{}` is that number.
    pub paste_cut: &'static str,
    /// Undo and redo in the status line: "undid: S01 done → learning".
    pub undid: &'static str,
    pub redid: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    /// An undo whose field another window changed since: not undone.
    pub changed_elsewhere: &'static str,
    /// A value that is not there (no note, no years, no role) in undo messages.
    pub history_empty: &'static str,
    pub history_note: &'static str,
    pub history_years: &'static str,
    pub history_role: &'static str,
    /// `y`: "copied: …"; and why nothing was copied.
    pub copied: &'static str,
    pub copy_off: &'static str,
    pub nothing_to_copy: &'static str,
    /// A key typed into a field that holds its most characters.
    pub field_full: &'static str,
    pub key: &'static str,
    pub action: &'static str,
    pub close: &'static str,
    /// After an item that only the app adds (basis `suggested`).
    pub our_addition: &'static str,
    /// Heading of what crosses the API line (the about overlay).
    pub crossing: &'static str,
    /// After an item partly added by the app (`suggested` and a source).
    pub partly_ours: &'static str,
    /// After an item from the 2024–2026 layer.
    pub recent: &'static str,
    /// Before a posting's date.
    pub date: &'static str,
    /// A posting with no date.
    pub undated: &'static str,
    /// The checklist's layer filter, in the pane title: both layers, 2023
    /// only, 2024–2026 only (see [`crate::model::LayerFilter`]).
    pub layer_filters: [&'static str; 4],
    /// Before a posting's place.
    pub place: &'static str,
    /// Before a posting's reliability label.
    pub reliability: &'static str,
    /// The reliability labels, in [`crate::model::Reliability`] order.
    pub reliability_names: [&'static str; 5],
    /// Heading of a posting's web addresses.
    pub links: &'static str,
    /// Heading of the 2024–2026 figures in the about overlay.
    pub figures_recent: &'static str,
    /// The caveat under the 2024–2026 figures.
    pub figures_caveat: &'static str,
    /// Before the skills a skill is paired with.
    pub see_also: &'static str,
    /// The CLI's chrome (`progress`, `export`, `search`).
    pub cli: Cli,
}

/// Words of the plain-text and Markdown reports.
pub struct Cli {
    pub skills_done: &'static str,
    pub readiness_per_role: &'static str,
    pub no_skill_names_it: &'static str,
    pub next_skills: &'static str,
    pub report_title: &'static str,
    pub overall: &'static str,
    pub skills_heading: &'static str,
    pub role_table: &'static str,
    pub requirement_table: &'static str,
    pub next_skills_md: &'static str,
    pub learning: &'static str,
    pub skipped: &'static str,
    pub note: &'static str,
    pub kept_entries: &'static str,
    /// `{}` is the number of kept entries.
    pub kept_count: &'static str,
    /// Before the query that found nothing (in Chinese, `{}` is the query).
    pub no_match_for: &'static str,
    /// `validate`'s report; `{roles}` and the like are the counts.
    pub validated: &'static str,
    /// Sides in the `roles` listing: left, right, neither.
    pub sides: [&'static str; 3],
    /// Search result kinds: role, skill, requirement, responsibility, note.
    pub kinds: [&'static str; 5],
}

pub const EN: Labels = Labels {
    app: "career-explorer",
    tabs: [
        "1 API line",
        "2 Compare roles",
        "3 Skills",
        "4 Job requirements",
    ],
    lang_name: "EN",
    too_small: "Terminal too small",
    api: "API",
    also: "Also",
    not_on_line: "Not on the line",
    more: "+{n} more",
    workflows: "Two workflows",
    detail: "Role",
    about_line: "About the line",
    figures: "Rough figures (2023 estimates)",
    why: "Why the line exists",
    left_of_line: "left of the API line (trains and serves models)",
    right_of_line: "right of the API line (builds products)",
    neither_side: "on neither side of the line",
    on_spectrum: "spectrum",
    off_spectrum: "not drawn on the spectrum",
    does: "Does",
    outputs: "Produces",
    iteration: "Iteration",
    cost: "cost",
    speed: "speed",
    tools: "Key tools",
    workflow: "Workflow",
    vs_ai: "vs AI Engineer",
    facts: "Facts",
    aliases: "Also called",
    compare_title: "Compare roles",
    dimension: "Dimension",
    side: "Side",
    spectrum_place: "On the spectrum",
    summary: "Summary",
    skills_needed: "Skills for this role",
    differs: "differs",
    same: "same",
    skills_title: "Skills checklist",
    needed_by: "Roles that need it",
    covers: "Covers job items",
    nothing: "none",
    responsibilities: "Responsibilities",
    requirements: "Requirements",
    covered: "covered",
    partly: "partly",
    missing: "missing",
    experience: "years of experience",
    covering_skills: "Skills that cover it",
    source: "Source",
    match_label: "met",
    match_word: "skill coverage",
    next_skills: "Next skills to learn (they cover the most open requirements)",
    years_you: "you, all years:",
    years_not_given: "not given",
    not_mapped: "not mapped",
    own_posting: "yours",
    untranslated: "(untranslated)",
    gap_from: "Needed here, not by your role",
    own_file: "Your file:",
    own_left_out: "your posting files left out (not changed):",
    hard_linked: "the progress file has other hard links: a save writes a new file in its place, so the other names keep the old content (a symbolic link is followed instead)",
    profile_unread: "the profile is not changed: fix the `profile` section of the progress file first (kept as written), at line {line}:{col}",
    gap_no_role: "Press r to give your current role (or career-explorer profile --role ID) and see the skills this job needs that it does not; + and - set your years.",
    state_names: ["not started", "learning", "done", "skipped"],
    note: "Note",
    readiness: "Your readiness",
    overall: "overall",
    note_editor: "Note editor (n in the skills pane)",
    no_skills: "— (no skill in the checklist names this role)",
    search_title: "Search roles, skills, postings and topics",
    search_hint: "Type a name, a tool (langchain, postgres) or a word, in English or 中文",
    no_match: "No match.",
    no_match_closest: "No match. Closest:",
    searching: "searching…",
    results: "results",
    result: "result",
    emphasised: "emphasised in the source",
    no_postings: "No job postings in this data.",
    no_postings_hint: "Import a job ad with career-explorer postings import ad.txt, or add one to postings.yaml in your --data folder (docs/DATA.md shows how).",
    no_requirements: "This posting lists no requirements, so there is nothing to match.",
    help_title: "Keys",
    notes_title: "Background: ideas and sources",
    traits: "Two traits of large models",
    capabilities: "What an AI Engineer needs",
    notes: "More topics",
    sources: "Sources",
    saved_error: "not saved",
    not_read: "progress file not read; the app saves nothing over it until it reads:",
    bad_kept: "progress entries that do not read, kept in the file as written:",
    fix_entry_first: "fix this skill's entry in the progress file first:",
    quit_unsaved: "Quit anyway and lose {n} unsaved change(s)? y/n",
    unknown_kept: "progress entries kept for skills not in this data",
    paste_cut: "the paste was cut to its first {} characters",
    undid: "undid",
    redid: "redid",
    nothing_to_undo: "nothing to undo",
    nothing_to_redo: "nothing to redo",
    changed_elsewhere: "not undone, changed in another window since",
    history_empty: "none",
    history_note: "note",
    history_years: "years",
    history_role: "role",
    copied: "copied",
    copy_off: "copying is off (TERM=dumb, or copy = false in the config file)",
    nothing_to_copy: "nothing to copy here: select a skill (3) or a requirement (4)",
    field_full: "the field holds at most {} characters",
    key: "Key",
    action: "Action",
    close: "close",
    our_addition: "(our addition)",
    crossing: "What crosses the line",
    partly_ours: "(partly our addition)",
    recent: "(2024–2026)",
    date: "Date",
    undated: "undated",
    layer_filters: [
        "all layers",
        "2023 only",
        "2024–2026 only",
        "ads' skills only",
    ],
    place: "Place",
    reliability: "Reliability",
    reliability_names: [
        "the employer's own page",
        "job-board copy (aggregator)",
        "secondary coverage",
        "written by a vendor",
        "roadmap.sh's own repository",
    ],
    links: "Links",
    figures_recent: "2024–2026 figures (LinkedIn, secondary coverage)",
    figures_caveat: "LinkedIn's \"AI engineer\" includes ML engineers, so these figures do not show whether swyx's predicted flip (more AI Engineer than ML Engineer listings) has happened.",
    see_also: "See also",
    cli: Cli {
        skills_done: "Skills done:",
        readiness_per_role: "Readiness per role:",
        no_skill_names_it: "(no skill names it)",
        next_skills: "next skills:",
        report_title: "AI Engineer self-assessment",
        overall: "Overall: {done}/{total} skills done ({percent}%).",
        skills_heading: "Skills",
        role_table: "| role | done | needed | % |",
        requirement_table: "| requirement | coverage | skills done |",
        next_skills_md: "Next skills to learn:",
        learning: "learning",
        skipped: "skipped",
        note: "note",
        kept_entries: "Kept entries for skills not in this data:",
        kept_count: "Kept {} entries for skills not in this data.",
        no_match_for: "no match for",
        validated: "ok: {roles} roles, {skills} skills in {categories} categories, {postings} postings",
        sides: ["left", "right", "not on the line"],
        kinds: ["role", "skill", "requirement", "responsibility", "topic"],
    },
};

pub const ZH: Labels = Labels {
    app: "career-explorer",
    tabs: ["1 API 分界线", "2 角色对比", "3 技能清单", "4 任职要求"],
    lang_name: "中文",
    too_small: "终端窗口太小",
    api: "API",
    also: "另有",
    not_on_line: "分界线之外",
    more: "另 {n} 个",
    workflows: "两种工作流程",
    detail: "角色",
    about_line: "关于分界线",
    figures: "粗略数字（2023 年估计）",
    why: "分界线为何存在",
    left_of_line: "位于 API 分界线左侧（训练、部署模型）",
    right_of_line: "位于 API 分界线右侧（做产品）",
    neither_side: "不在分界线任何一侧",
    on_spectrum: "光谱位置",
    off_spectrum: "光谱图中未标出",
    does: "工作内容",
    outputs: "产出",
    iteration: "迭代",
    cost: "成本",
    speed: "速度",
    tools: "主要工具",
    workflow: "工作流程",
    vs_ai: "与 AI 工程师之别",
    facts: "要点",
    aliases: "又称",
    compare_title: "角色对比",
    dimension: "维度",
    side: "所在侧",
    spectrum_place: "光谱位置",
    summary: "概述",
    skills_needed: "此角色的技能",
    differs: "不同",
    same: "相同",
    skills_title: "技能清单",
    needed_by: "需要它的角色",
    covers: "可覆盖的招聘条目",
    nothing: "无",
    responsibilities: "岗位职责",
    requirements: "任职要求",
    covered: "已覆盖",
    partly: "部分覆盖",
    missing: "未覆盖",
    experience: "年以上经验",
    covering_skills: "可覆盖该条的技能",
    source: "来源",
    match_label: "条已满足",
    match_word: "技能覆盖率",
    next_skills: "下一步该学的技能（覆盖最多尚未满足的任职要求）",
    years_you: "你的总年限：",
    years_not_given: "未填写",
    not_mapped: "未对应",
    own_posting: "你的",
    untranslated: "（未翻译）",
    gap_from: "此招聘启事需要、你的角色不涵盖的技能",
    own_file: "你的文件：",
    own_left_out: "未载入的自有招聘启事文件（未改动）：",
    hard_linked: "进度文件还有其他硬链接：保存时会写入新文件替换它，其他名称仍保留旧内容（符号链接则会被跟随）",
    profile_unread: "个人资料未改动：请先修正进度文件中的 `profile` 部分（已原样保留），位置：第 {line} 行第 {col} 列",
    gap_no_role: "按 r 填写你当前的角色（或 career-explorer profile --role ID），即可看到此招聘启事需要而该角色不涵盖的技能；+ 和 - 设置工作年限。",
    state_names: ["未开始", "学习中", "已完成", "已跳过"],
    note: "笔记",
    readiness: "你的准备度",
    overall: "总体",
    note_editor: "笔记编辑（技能清单中按 n）",
    no_skills: "—（清单中没有技能标注此角色）",
    search_title: "搜索角色、技能、招聘启事与背景",
    search_hint: "输入名称、工具（如 langchain、postgres）或关键词，中英文皆可",
    no_match: "无匹配结果。",
    no_match_closest: "无匹配结果。最接近的：",
    searching: "搜索中…",
    results: "条结果",
    result: "条结果",
    emphasised: "原文加粗",
    no_postings: "这份数据里没有招聘启事。",
    no_postings_hint: "用 career-explorer postings import ad.txt 导入一则招聘启事，或在 --data 文件夹的 postings.yaml 中添加（做法见 docs/DATA.md）。",
    no_requirements: "这则招聘启事没有列出任职要求，无从匹配。",
    help_title: "按键",
    notes_title: "背景：观点与来源",
    traits: "大模型的两个特点",
    capabilities: "AI 工程师需要的能力",
    notes: "延伸话题",
    sources: "来源",
    saved_error: "未保存",
    not_read: "未读取进度文件；在它能读取之前，本程序不会覆盖它：",
    bad_kept: "进度文件中有无法读取的条目，已按原样保留：",
    fix_entry_first: "请先在进度文件中修正此技能的条目：",
    quit_unsaved: "仍要退出并丢失 {n} 项未保存的更改吗？y/n",
    unknown_kept: "已保留当前数据中不存在的技能进度",
    paste_cut: "粘贴的文本过长，只保留了前 {} 个字符",
    undid: "已撤销",
    redid: "已重做",
    nothing_to_undo: "没有可撤销的更改",
    nothing_to_redo: "没有可重做的更改",
    changed_elsewhere: "未撤销：此后已在另一个窗口中更改",
    history_empty: "无",
    history_note: "笔记",
    history_years: "年限",
    history_role: "角色",
    copied: "已复制",
    copy_off: "复制已关闭（TERM=dumb，或配置文件中 copy = false）",
    nothing_to_copy: "这里没有可复制的内容：请选择一个技能（3）或一条任职要求（4）",
    field_full: "此输入框最多容纳 {} 个字符",
    key: "按键",
    action: "作用",
    close: "关闭",
    our_addition: "（本工具补充）",
    crossing: "跨越分界线的内容",
    partly_ours: "（部分为本工具补充）",
    recent: "（2024–2026）",
    date: "日期",
    undated: "未注明日期",
    layer_filters: ["全部层", "仅 2023", "仅 2024–2026", "仅招聘技能"],
    place: "地点",
    reliability: "可靠性",
    reliability_names: [
        "雇主官方页面",
        "招聘聚合网站转载",
        "二手报道",
        "供应商撰写",
        "roadmap.sh 项目自己的仓库",
    ],
    links: "链接",
    figures_recent: "2024–2026 年的数字（领英，据二手报道）",
    figures_caveat: "领英的“AI 工程师”也包括机器学习工程师，因此这些数字无法说明 swyx 预言的反转（AI 工程师职位多于机器学习工程师职位）是否已经发生。",
    see_also: "另见",
    cli: Cli {
        skills_done: "已完成技能：",
        readiness_per_role: "各角色准备度：",
        no_skill_names_it: "（没有技能标注此角色）",
        next_skills: "建议下一步学习：",
        report_title: "AI 工程师自我评估",
        overall: "总体：已完成 {done}/{total} 项技能（{percent}%）。",
        skills_heading: "技能",
        role_table: "| 角色 | 已完成 | 所需 | % |",
        requirement_table: "| 任职要求 | 覆盖 | 已完成技能 |",
        next_skills_md: "下一步该学的技能：",
        learning: "学习中",
        skipped: "已跳过",
        note: "笔记",
        kept_entries: "已保留当前数据中不存在的技能条目：",
        kept_count: "已保留 {} 条当前数据中不存在的技能进度。",
        no_match_for: "没有与“{}”匹配的结果",
        validated: "数据有效：{roles} 个角色，{skills} 项技能（分 {categories} 类），{postings} 则招聘启事",
        sides: ["左侧", "右侧", "两侧之外"],
        kinds: ["角色", "技能", "任职要求", "岗位职责", "背景"],
    },
};

pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

pub fn level(lang: Lang, level: Level) -> &'static str {
    let i = level as usize;
    match lang {
        Lang::En => ["very low", "low", "medium", "high", "very high"][i],
        Lang::Zh => ["很低", "低", "中等", "高", "很高"][i],
    }
}

pub fn speed(lang: Lang, speed: Speed) -> &'static str {
    let i = speed as usize;
    match lang {
        Lang::En => ["very slow", "slow", "medium", "fast", "very fast"][i],
        Lang::Zh => ["很慢", "慢", "中等", "快", "很快"][i],
    }
}

pub fn side(lang: Lang, side: Side) -> &'static str {
    let l = labels(lang);
    match side {
        Side::Left => l.left_of_line,
        Side::Right => l.right_of_line,
        Side::Neither => l.neither_side,
    }
}

/// The separator between items of a run-in list: ", " or the Chinese "、".
pub fn list_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Zh => "、",
    }
}

/// "cost low, speed fast: `<note>`", for the role detail and `career-explorer show`.
pub fn iteration(lang: Lang, it: &Iteration) -> String {
    let l = labels(lang);
    let (cost, speed_word, note) = (
        level(lang, it.cost),
        speed(lang, it.speed),
        it.note.get(lang),
    );
    match lang {
        Lang::En => format!("{} {cost}, {} {speed_word}: {note}", l.cost, l.speed),
        Lang::Zh => format!("{}{cost}，{}{speed_word}：{note}", l.cost, l.speed),
    }
}

/// The marker for an item's `basis`: "(our addition)", "(partly our
/// addition)", "(2024–2026)", or nothing for a sourced item.
pub fn basis_mark(lang: Lang, basis: &[String]) -> Option<&'static str> {
    let l = labels(lang);
    match crate::model::provenance(basis) {
        Provenance::Sourced => None,
        Provenance::Ours => Some(l.our_addition),
        Provenance::PartlyOurs => Some(l.partly_ours),
        Provenance::Recent => Some(l.recent),
    }
}

/// `text` followed by its basis marker, if it has one.
pub fn with_basis(lang: Lang, text: &str, basis: &[String]) -> String {
    match basis_mark(lang, basis) {
        Some(m) if lang == Lang::Zh => format!("{text}{m}"),
        Some(m) => format!("{text} {m}"),
        None => text.to_string(),
    }
}

/// `inner` in brackets: "(inner)" in English, "（inner）" in Chinese, whose
/// text takes the full-width pair and no space before it.
pub fn paren(lang: Lang, inner: &str) -> String {
    match lang {
        Lang::En => format!("({inner})"),
        Lang::Zh => format!("（{inner}）"),
    }
}

/// `text` then its bracketed `inner`: "Model literacy (0/7)" or "模型认知（0/7）".
pub fn with_paren(lang: Lang, text: &str, inner: &str) -> String {
    match lang {
        Lang::En => format!("{text} {}", paren(lang, inner)),
        Lang::Zh => format!("{text}{}", paren(lang, inner)),
    }
}

/// Below this many skills a role's readiness is said to be a thin measure.
pub const THIN_ROLE: usize = 5;

/// The warning after a readiness figure that rests on fewer than
/// [`THIN_ROLE`] skills ("a thin measure: only 1 skill names this role"),
/// else `None`. `total` is the number of skills naming the role.
pub fn thin_measure(lang: Lang, total: usize) -> Option<String> {
    if total == 0 || total >= THIN_ROLE {
        return None;
    }
    Some(match (lang, total) {
        (Lang::En, 1) => "a thin measure: only 1 skill names this role".to_string(),
        (Lang::En, n) => format!("a thin measure: only {n} skills name this role"),
        (Lang::Zh, n) => format!("参考有限：只有 {n} 项技能对应该角色"),
    })
}

/// What the markers after a line mean, as one sentence for the export:
/// "(our addition)", "(partly our addition)", "(2024–2026)" and
/// "(2023 examples)" (usability review F31: they were never explained).
pub fn marks_legend(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "Marks: (our addition) is this app's own suggestion, in none of the sources; \
             (partly our addition) is partly so; (2024–2026) comes from the later sources, \
             each named with how far it can be trusted; (2023 examples) names the tools of 2023."
        }
        Lang::Zh => {
            "标记说明：（本工具补充）是本工具自己的建议，不见于任何来源；（部分为本工具补充）是其中一部分如此；\
             （2024–2026）出自后来的资料，每条都注明来源及其可靠程度；（2023 年的例子）列的是 2023 年的工具。"
        }
    }
}

/// "(2023 examples)" for a list of examples from `year`.
pub fn examples_from(lang: Lang, year: u16) -> String {
    match lang {
        Lang::En => format!("({year} examples)"),
        Lang::Zh => format!("（{year} 年的例子）"),
    }
}

/// `label` followed by "(2023 examples)" when the list is dated.
pub fn dated_label(lang: Lang, label: &str, year: Option<u16>) -> String {
    match year {
        Some(y) if lang == Lang::Zh => format!("{label}{}", examples_from(lang, y)),
        Some(y) => format!("{label} {}", examples_from(lang, y)),
        None => label.to_string(),
    }
}

/// The list separator for a role's outputs: "; " or "；".
pub fn item_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "; ",
        Lang::Zh => "；",
    }
}

/// The checklist's layer filter as the pane title shows it.
pub fn layer_filter_name(lang: Lang, f: crate::model::LayerFilter) -> &'static str {
    let names = labels(lang).layer_filters;
    match f {
        None => names[0],
        Some(crate::model::Layer::Base2023) => names[1],
        Some(crate::model::Layer::Recent) => names[2],
        Some(crate::model::Layer::Ads) => names[3],
    }
}

/// "Demand in ads" / "招聘需求": the label of a skill's demand figures.
pub fn demand_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Demand in ads",
        Lang::Zh => "招聘需求",
    }
}

/// A skill's demand as one line: the share of each set of ads that names
/// it, with the count, the base and the date counted.
pub fn demand_line(lang: Lang, d: &crate::model::Demand) -> String {
    match lang {
        Lang::En => format!(
            "{:.1}% of {} English ads ({}), {:.1}% of {} Chinese ads ({}); counted {}",
            d.en_share, d.en_base, d.en_ads, d.zh_share, d.zh_base, d.zh_ads, d.counted
        ),
        Lang::Zh => format!(
            "{} 则英文招聘启事中 {:.1}%（{} 则），{} 则中文招聘启事中 {:.1}%（{} 则）；统计于 {}",
            d.en_base, d.en_share, d.en_ads, d.zh_base, d.zh_share, d.zh_ads, d.counted
        ),
    }
}

/// The sources of a skill's demand figures, one line each (the survey's
/// figure too, when the skill has one).
pub fn demand_sources(lang: Lang, d: &crate::model::Demand) -> Vec<String> {
    let (en, zh, fg) = match lang {
        Lang::En => ("English ads", "Chinese ads", "Survey"),
        Lang::Zh => ("英文招聘启事", "中文招聘启事", "调查"),
    };
    let colon = colon(lang);
    let mut out = vec![
        format!("{en}{colon}{}", d.source.en),
        format!("{zh}{colon}{}", d.source.zh),
    ];
    if let Some(g) = &d.field_guide {
        let figs: Vec<String> = g
            .figures
            .iter()
            .map(|f| match f.pct {
                Some(pct) => format!("{} {} ({pct:.1}%, {})", f.label, f.jobs, f.base),
                None => format!("{} {} ({})", f.label, f.jobs, f.base),
            })
            .collect();
        out.push(format!(
            "{fg}{colon}{} — {}",
            figs.join(list_sep(lang)),
            g.source
        ));
    }
    out
}

/// "Practised by" / "练习任务": the checklist tasks that practise a skill of the ads' layer.
pub fn practised_by(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Practised by",
        Lang::Zh => "练习任务",
    }
}

/// "Practises" / "可练到": the ads' skills a checklist task practises.
pub fn practises(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Practises",
        Lang::Zh => "可练到",
    }
}

/// "S10 done: tick LangChain?": a task is done and a skill it practises is
/// not; never counted on the user's behalf.
pub fn tick_hint(lang: Lang, task: &str, skill: &str) -> String {
    match lang {
        Lang::En => format!("{task} done: tick {skill}?"),
        Lang::Zh => format!("{task} 已完成：勾选 {skill}？"),
    }
}

/// "To check" / "待确认": the tick hints of a skill's detail.
pub fn hints_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "To check",
        Lang::Zh => "待确认",
    }
}

/// "3 of 7 mappable requirements met": the met figure with its base.
pub fn met_of(lang: Lang, met: usize, mappable: usize) -> String {
    match lang {
        Lang::En => format!("{met} of {mappable} mappable requirements met"),
        Lang::Zh => format!("可匹配的 {mappable} 项要求中满足 {met} 项"),
    }
}

/// A requirement's mark in words: covered, partly, missing, not mapped.
pub fn coverage_word(lang: Lang, c: crate::readiness::Coverage) -> &'static str {
    use crate::readiness::Coverage;
    let l = labels(lang);
    match c {
        Coverage::Covered => l.covered,
        Coverage::Partly => l.partly,
        Coverage::Missing => l.missing,
        Coverage::NotMapped => l.not_mapped,
    }
}

/// A requirement's mark as drawn: "✓ covered", "~ partly", "✗ missing",
/// "? not mapped".
pub fn coverage_mark(lang: Lang, c: crate::readiness::Coverage) -> String {
    use crate::readiness::Coverage;
    let glyph = match c {
        Coverage::Covered => '✓',
        Coverage::Partly => '~',
        Coverage::Missing => '✗',
        Coverage::NotMapped => '?',
    };
    format!("{glyph} {}", coverage_word(lang, c))
}

/// "Profile: 6 years of experience · current role: ML engineer" (or "not
/// given"): what the requirements were measured against.
pub fn profile_line(lang: Lang, years: Option<u32>, role: Option<&str>) -> String {
    let l = labels(lang);
    match lang {
        Lang::En => format!(
            "Profile: years of experience {} · current role {}",
            years.map_or_else(|| l.years_not_given.to_string(), |y| y.to_string()),
            role.unwrap_or(l.years_not_given)
        ),
        Lang::Zh => format!(
            "个人资料：工作年限 {} · 当前角色 {}",
            years.map_or_else(|| l.years_not_given.to_string(), |y| format!("{y} 年")),
            role.unwrap_or(l.years_not_given)
        ),
    }
}

/// "required" or "preferred": a requirement's kind.
pub fn required_or_preferred(lang: Lang, preferred: bool) -> &'static str {
    match (lang, preferred) {
        (Lang::En, false) => "required",
        (Lang::En, true) => "preferred",
        (Lang::Zh, false) => "必需",
        (Lang::Zh, true) => "加分项",
    }
}

/// A requirement's editable part in words, for the undo message:
/// "python, rag (preferred)", "none (required)".
pub fn item_edit_text(lang: Lang, skills: &[String], preferred: bool) -> String {
    let list = if skills.is_empty() {
        labels(lang).history_empty.to_string()
    } else {
        skills.join(list_sep(lang))
    };
    match lang {
        Lang::En => format!("[{list}] {}", required_or_preferred(lang, preferred)),
        Lang::Zh => format!("[{list}] {}", required_or_preferred(lang, preferred)),
    }
}

/// "any one of:" before an any-of requirement's text.
pub fn any_of_lead(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "any one of:",
        Lang::Zh => "任选其一：",
    }
}

/// "(preferred)" after a preferred requirement's text.
pub fn preferred_mark(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "(preferred)",
        Lang::Zh => "（加分项）",
    }
}

/// "3/7 mappable met": [`met_of`] for a narrow title, its base still named.
pub fn met_of_short(lang: Lang, met: usize, mappable: usize) -> String {
    match lang {
        Lang::En => format!("{met}/{mappable} mappable met"),
        Lang::Zh => format!("可匹配要求满足 {met}/{mappable}"),
    }
}

/// "Evidence" / "依据": the words of an item that named a skill.
pub fn evidence_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Evidence",
        Lang::Zh => "依据",
    }
}

/// The marks of a requirement's kind: preferred (weighs half) and any-of
/// (one alternative is enough).
pub fn item_flags(lang: Lang, preferred: bool, any_of: bool) -> String {
    let (p, a) = match lang {
        Lang::En => ("preferred", "any one of"),
        Lang::Zh => ("加分项", "任选其一"),
    };
    let mut out = Vec::new();
    if preferred {
        out.push(p);
    }
    if any_of {
        out.push(a);
    }
    out.join(list_sep(lang))
}

/// One line of a batch import's report: `name` imported as `id`, saved
/// to `to` (or, on a dry run, would be).
pub fn import_imported(lang: Lang, dry_run: bool, name: &str, id: &str, to: &str) -> String {
    match (lang, dry_run) {
        (Lang::En, false) => format!("imported  {name} → {to}"),
        (Lang::En, true) => format!("would import  {name} as {id}"),
        (Lang::Zh, false) => format!("已导入  {name} → {to}"),
        (Lang::Zh, true) => format!("将导入  {name}，id {id}"),
    }
}

/// One line of a batch import's report: `name` skipped as the same ad as
/// posting `id`.
pub fn import_duplicate(lang: Lang, name: &str, id: &str) -> String {
    match lang {
        Lang::En => format!("skipped  {name}: the same ad as posting {id}"),
        Lang::Zh => format!("已跳过  {name}：与招聘启事 {id} 相同"),
    }
}

/// One line of a batch import's report: `name` failed, and why.
pub fn import_failed(lang: Lang, name: &str, why: &str) -> String {
    match lang {
        Lang::En => format!("failed  {name}: {why}"),
        Lang::Zh => format!("失败  {name}：{why}"),
    }
}

/// The closing line of a batch import: how many were imported (or would
/// be, on a dry run), skipped as duplicates, and failed.
pub fn import_summary(
    lang: Lang,
    dry_run: bool,
    imported: usize,
    dup: usize,
    failed: usize,
) -> String {
    match (lang, dry_run) {
        (Lang::En, false) => {
            format!("imported {imported}, skipped {dup} as duplicates, failed {failed}")
        }
        (Lang::En, true) => format!(
            "would import {imported}, skip {dup} as duplicates, failed {failed} (dry run: nothing saved)"
        ),
        (Lang::Zh, false) => format!("已导入 {imported} 个，跳过重复 {dup} 个，失败 {failed} 个"),
        (Lang::Zh, true) => {
            format!("将导入 {imported} 个，跳过重复 {dup} 个，失败 {failed} 个（试运行：未保存）")
        }
    }
}

/// A reliability label in `lang`.
pub fn reliability(lang: Lang, r: crate::model::Reliability) -> &'static str {
    labels(lang).reliability_names[r as usize]
}

/// The words of the plan, demand, postings overview, history and evidence
/// (kept apart from [`Labels`] so these views join without touching it).
pub struct PlanLabels {
    /// The pane's tab.
    pub tab: &'static str,
    /// The pane's views, in the order `v` cycles them.
    pub views: [&'static str; 4],
    pub plan_for: &'static str,
    pub target_all_own: &'static str,
    pub target_all: &'static str,
    pub target_role: &'static str,
    pub nothing_left: &'static str,
    pub effort: &'static str,
    /// "our estimate", beside every effort figure.
    pub estimate: &'static str,
    pub hours: &'static str,
    pub by: &'static str,
    pub total: &'static str,
    pub per_week: &'static str,
    /// How the dates are computed.
    pub dates_basis: &'static str,
    pub no_pace: &'static str,
    pub closes: &'static str,
    /// After a step: the skills it is the foundation of, `{ids}`.
    pub foundation_of: &'static str,
    pub no_resource: &'static str,
    pub free: &'static str,
    pub paid: &'static str,
    pub kinds: [&'static str; 4],
    pub done_for_target: &'static str,
    pub with_evidence: &'static str,
    pub evidence: &'static str,
    pub evidence_edit: &'static str,
    pub evidence_hint: &'static str,
    pub demand_title: &'static str,
    pub demand_own: &'static str,
    pub demand_all: &'static str,
    /// "asked by {n} of {m}".
    pub asked_by: &'static str,
    /// "completes {n}".
    pub completes: &'static str,
    pub overview_title: &'static str,
    pub sorted_by_coverage: &'static str,
    pub sorted_by_order: &'static str,
    pub history_title: &'static str,
    pub no_history: &'static str,
    pub week: &'static str,
    pub changes: &'static str,
    pub done: &'static str,
    pub readiness: &'static str,
    pub coverage: &'static str,
    pub hints: &'static str,
}

const PLAN_EN: PlanLabels = PlanLabels {
    tab: "5 Plan",
    views: ["Plan", "Demand", "Postings", "History"],
    plan_for: "Plan for",
    target_all_own: "all your postings",
    target_all: "all postings (you have none of your own)",
    target_role: "role",
    nothing_left: "Nothing left to learn for this target.",
    effort: "effort",
    estimate: "our estimate",
    hours: "h",
    by: "by",
    total: "total",
    per_week: "h/week",
    dates_basis: "dates from the mid estimate (mean of low and high), from today",
    no_pace: "give hours per week (--hours-per-week N, or hours_per_week in the config file) for dates",
    closes: "closes",
    foundation_of: "foundation of {ids}",
    no_resource: "no resource listed",
    free: "free",
    paid: "paid",
    kinds: ["docs", "course", "book", "tutorial"],
    done_for_target: "Done for this target",
    with_evidence: "with evidence",
    evidence: "evidence",
    evidence_edit: "Evidence (an address or a path)",
    evidence_hint: "Enter keeps it (dated today) · Esc drops the edit · empty clears it",
    demand_title: "Skills your postings ask for",
    demand_own: "counted over your own postings",
    demand_all: "counted over all postings (you have none of your own)",
    asked_by: "asked by {n} of {m}",
    completes: "completes {n}",
    overview_title: "Coverage of every posting",
    sorted_by_coverage: "sorted by coverage",
    sorted_by_order: "in list order",
    history_title: "Progress over time",
    no_history: "No change recorded yet: tick a skill in pane 3.",
    week: "week",
    changes: "changes",
    done: "done",
    readiness: "readiness",
    coverage: "coverage",
    hints: "v view · ↑↓ move · Enter open · o sort · t target",
};

const PLAN_ZH: PlanLabels = PlanLabels {
    tab: "5 计划",
    views: ["学习计划", "需求", "招聘概览", "历史"],
    plan_for: "计划目标",
    target_all_own: "你的全部招聘启事",
    target_all: "全部招聘启事（你还没有自己的）",
    target_role: "角色",
    nothing_left: "这个目标已没有要学的技能。",
    effort: "用时",
    estimate: "我们的估计",
    hours: "小时",
    by: "完成于",
    total: "合计",
    per_week: "小时/周",
    dates_basis: "日期按中间估计（低值与高值的平均）从今天算起",
    no_pace: "给出每周小时数（--hours-per-week N，或配置文件中的 hours_per_week）即可算出日期",
    closes: "可满足",
    foundation_of: "为 {ids} 打基础",
    no_resource: "暂无资源",
    free: "免费",
    paid: "付费",
    kinds: ["文档", "课程", "书", "教程"],
    done_for_target: "此目标已完成",
    with_evidence: "有证据",
    evidence: "证据",
    evidence_edit: "证据（网址或路径）",
    evidence_hint: "Enter 保存（日期为今天）· Esc 放弃 · 留空即清除",
    demand_title: "你的招聘启事要求的技能",
    demand_own: "按你自己的招聘启事统计",
    demand_all: "按全部招聘启事统计（你还没有自己的）",
    asked_by: "{m} 则中有 {n} 则要求",
    completes: "可满足 {n} 项",
    overview_title: "各招聘启事的覆盖率",
    sorted_by_coverage: "按覆盖率排序",
    sorted_by_order: "按列表顺序",
    history_title: "进度随时间的变化",
    no_history: "尚无记录：在第 3 个面板勾选技能即可。",
    week: "周",
    changes: "变化",
    done: "已完成",
    readiness: "准备度",
    coverage: "覆盖率",
    hints: "v 视图 · ↑↓ 移动 · Enter 打开 · o 排序 · t 目标",
};

/// The plan's words in `lang`.
pub fn plan_labels(lang: Lang) -> &'static PlanLabels {
    match lang {
        Lang::En => &PLAN_EN,
        Lang::Zh => &PLAN_ZH,
    }
}

/// The words of pane 5's views in the app (beside [`PlanLabels`], which the
/// commands share): headings, the pace, the chart's lines.
pub struct PlanViewLabels {
    /// "{n} skills to learn".
    pub to_learn: &'static str,
    /// The heading of the selected skill's resources.
    pub learn_from: &'static str,
    /// After the hours per week: which keys change them.
    pub pace_keys: &'static str,
    /// "readiness for {role}", the chart's first line.
    pub chart_role: &'static str,
    /// "coverage of {posting}", the chart's second line.
    pub chart_posting: &'static str,
    /// "{n} weeks from {date}".
    pub weeks_from: &'static str,
    /// [`Self::weeks_from`] for one week.
    pub week_from: &'static str,
    /// A posting with nothing its skills can measure.
    pub not_measurable: &'static str,
    /// The demand view when no posting names a skill.
    pub no_demand: &'static str,
    /// The postings overview without postings.
    pub no_postings: &'static str,
    /// Where a plan for a role comes from when that role is the user's.
    pub your_role: &'static str,
    /// The key that changes the target, in the plan's heading.
    pub target_keys: &'static str,
}

const PLAN_VIEW_EN: PlanViewLabels = PlanViewLabels {
    to_learn: "{n} skills to learn",
    learn_from: "Where to learn it",
    pace_keys: "+/- to change",
    chart_role: "readiness for {role}",
    chart_posting: "coverage of {posting}",
    weeks_from: "{n} weeks from {date}",
    week_from: "{n} week from {date}",
    not_measurable: "nothing to measure",
    no_demand: "None of these postings names a skill.",
    no_postings: "No postings yet: add one with career-explorer postings import.",
    your_role: "your role",
    target_keys: "T target · ←/→ which",
};

const PLAN_VIEW_ZH: PlanViewLabels = PlanViewLabels {
    to_learn: "还要学 {n} 项技能",
    learn_from: "学习资源",
    pace_keys: "+/- 调整",
    chart_role: "{role}的准备度",
    chart_posting: "{posting}的技能覆盖率",
    weeks_from: "自 {date} 起共 {n} 周",
    week_from: "自 {date} 起共 {n} 周",
    not_measurable: "无可衡量项",
    no_demand: "这些招聘启事都没有对应技能。",
    no_postings: "还没有招聘启事：用 career-explorer postings import 导入一则。",
    your_role: "你的角色",
    target_keys: "T 目标 · ←/→ 切换",
};

/// Pane 5's words in `lang`.
pub fn plan_view_labels(lang: Lang) -> &'static PlanViewLabels {
    match lang {
        Lang::En => &PLAN_VIEW_EN,
        Lang::Zh => &PLAN_VIEW_ZH,
    }
}

/// The command line's own sentences: errors, headings and reports the CLI
/// writes. A `{name}` in a text is filled in with [`fill`].
#[derive(Debug)]
pub struct CliLabels {
    /// Before every error line.
    pub error: &'static str,
    /// Before every warning line.
    pub warning: &'static str,
    /// A posting's kind in `search`'s results.
    pub posting_kind: &'static str,
    /// `{id}` is no role; `{known}` lists the roles.
    pub unknown_role: &'static str,
    /// `{id}` is no posting; `{known}` lists the postings.
    pub unknown_posting: &'static str,
    /// `plan --posting {id}` names no posting.
    pub plan_unknown_posting: &'static str,
    /// `{id}` is no note or source; `{known}` lists them.
    pub unknown_note: &'static str,
    /// After an unknown id: the nearest ids, `{ids}`.
    pub did_you_mean: &'static str,
    /// Between the ids of [`Self::did_you_mean`].
    pub or: &'static str,
    /// `--since {s}` does not read as a day.
    pub since_not_date: &'static str,
    /// `gap` without a current role.
    pub no_current_role: &'static str,
    /// `postings remove {id}` of a bundled posting.
    pub bundled_not_removable: &'static str,
    /// `postings remove` done: `{file}` is gone.
    pub removed: &'static str,
    /// A file `{path}` that could not be written.
    pub cannot_write: &'static str,
    /// A file `{path}` that could not be read.
    pub cannot_read: &'static str,
    /// A file `{path}` that could not be saved.
    pub cannot_save: &'static str,
    /// A folder `{path}` that could not be made.
    pub cannot_create: &'static str,
    /// `data --out {path}` names a file.
    pub not_a_folder: &'static str,
    /// `data --out {path}` names a folder holding `{name}` alone.
    pub folder_not_empty: &'static str,
    /// `data --out {path}` names a folder holding `{n}` entries, `{name}` the first.
    pub folder_not_empty_many: &'static str,
    /// After the two above.
    pub choose_new_folder: &'static str,
    /// No home folder to keep the postings in.
    pub no_home_postings: &'static str,
    /// No home folder to save the profile in.
    pub no_home_profile: &'static str,
    /// The profile section of `{where}` does not read.
    pub bad_profile: &'static str,
    /// An own posting `{problem}` that does not read.
    pub own_left_out: &'static str,
    /// The full-screen app without a terminal (`{why}`).
    pub needs_terminal: &'static str,
    /// The reasons for [`Self::needs_terminal`]: stdout, stdin, dumb, unset.
    pub terminal_why: [&'static str; 4],
    /// A bundled posting's mark in `postings`.
    pub bundled: &'static str,
    /// `postings` with none.
    pub no_postings: &'static str,
    /// `profile`'s first label.
    pub years_of_experience: &'static str,
    /// `profile`'s second label.
    pub current_role: &'static str,
    /// `gap`'s head line: `{from}`, `{to}`, `{n}` skills, `{open}` not done.
    pub gap_head: &'static str,
    /// `gap` from a role to itself: `{role}`.
    pub gap_same_role: &'static str,
    /// Import report: `{source}` read, `{r}` duties, `{q}` requirements.
    pub import_read: &'static str,
    /// Import report: the salary's label.
    pub import_salary: &'static str,
    /// Import report: the duties' heading.
    pub responsibilities: &'static str,
    /// Import report: the requirements' heading.
    pub requirements: &'static str,
    /// Import report: `{y}` years of experience asked.
    pub import_years: &'static str,
    /// Import report: an item with no skill by design (`{why}`).
    pub import_no_skill: &'static str,
    /// Import report: an item mapped to no skill.
    pub import_unmapped: &'static str,
    /// Import report: `{n}` requirements (`{ids}`) not mapped.
    pub import_not_mapped: &'static str,
    /// Import report: `{n}` lines left out.
    pub import_left_out: &'static str,
    /// Import report: a line's number `{n}`.
    pub import_line: &'static str,
    /// Import: no requirement found in the ad.
    pub import_no_requirements: &'static str,
    /// Import: saved as `{file}` with id `{id}`.
    pub import_saved: &'static str,
    /// Import: `{failed}` of `{n}` inputs failed.
    pub import_failed_count: &'static str,
    /// Import: no ad given.
    pub import_no_ad: &'static str,
    /// Standard input, as a source.
    pub stdin: &'static str,
    /// An imported posting's `source`: where it was read, `{source}`.
    pub imported_from: &'static str,
    /// A path that is no regular file but `{kind}`.
    pub not_regular: &'static str,
    /// An ad `{what}` over `{max}` MiB.
    pub ad_too_large: &'static str,
    /// An ad `{what}` that is not UTF-8.
    pub ad_not_utf8: &'static str,
    /// A folder given to import with no ad file in it.
    pub folder_no_ads: &'static str,
    /// A folder given to import that cannot be read: `{why}`.
    pub folder_unreadable: &'static str,
    /// `--id`/`--title` with several ads.
    pub id_title_one_ad: &'static str,
    /// An import's id `{id}` that is not valid.
    pub invalid_id: &'static str,
    /// An import's `--id {id}` taken already.
    pub id_taken: &'static str,
    /// The progress file `{path}` is no regular file but `{kind}`.
    pub progress_not_regular: &'static str,
    /// The progress file `{path}` is `{size}` bytes, over `{max}` MiB.
    pub progress_too_large: &'static str,
    /// The progress file `{path}` has version `{version}`; this one reads `{ours}`.
    pub progress_newer: &'static str,
    /// The progress file `{path}` cannot be written.
    pub progress_read_only: &'static str,
}

/// The colon after a label: `": "` in English, `"："` in Chinese.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

/// A resource's language code (`zh`, `en`) as a word in `lang`; the code
/// itself in English and for a code with no word here.
pub fn lang_code_name(lang: Lang, code: &str) -> &str {
    match (lang, code) {
        (Lang::Zh, "zh") => "中文",
        (Lang::Zh, "en") => "英文",
        _ => code,
    }
}

/// Fills each `{name}` of `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

const CLI_EN: CliLabels = CliLabels {
    error: "error: ",
    warning: "warning: ",
    posting_kind: "posting",
    unknown_role: "unknown role `{id}`; known roles: {known}",
    unknown_posting: "no posting `{id}`; postings: {known}",
    plan_unknown_posting: "unknown posting `{id}`; see career-explorer postings",
    unknown_note: "unknown note `{id}`; known notes: {known}",
    did_you_mean: "did you mean {ids}?",
    or: " or ",
    since_not_date: "--since `{s}` is not a date: give it as YYYY-MM-DD",
    no_current_role: "no current role: give it once with career-explorer profile --role ID (or pass --role)",
    bundled_not_removable: "`{id}` is a bundled posting and cannot be removed; only your own postings can",
    removed: "removed {file}",
    cannot_write: "cannot write {path}",
    cannot_read: "cannot read {path}",
    cannot_save: "cannot save {path}",
    cannot_create: "cannot create {path}",
    not_a_folder: "{path} exists and is not a folder",
    folder_not_empty: "{path} is not empty (it holds {name})",
    folder_not_empty_many: "{path} is not empty (it holds {n} entries: {name} and more)",
    choose_new_folder: "; choose a new or empty folder (nothing was written)",
    no_home_postings: "no home folder: cannot find where your postings live",
    no_home_profile: "no home folder: cannot save the profile",
    bad_profile: "{where}: fix the `profile` section first (it is kept as written); nothing was saved",
    own_left_out: "{problem} (this posting is left out; the file is not changed)",
    needs_terminal: "the full-screen app needs a terminal ({why}); for scripts use the commands: career-explorer --help",
    terminal_why: [
        "stdout is not one",
        "stdin is not one",
        "TERM=dumb cannot show it",
        "TERM is not set",
    ],
    bundled: "bundled",
    no_postings: "No postings. Import one: career-explorer postings import ad.txt",
    years_of_experience: "years of experience",
    current_role: "current role",
    gap_head: "From {from} to {to}: {n} skill(s) needed that the role does not cover, {open} not done yet.",
    gap_same_role: "{role} is both the role you measure from and the target: there is no gap.",
    import_read: "Read {source}: {r} responsibilities, {q} requirements.",
    import_salary: "Salary:",
    responsibilities: "Responsibilities",
    requirements: "Requirements",
    import_years: "experience: {y}+ years",
    import_no_skill: "no skill by design ({why})",
    import_unmapped: "not mapped to any skill (kept; add skill ids in the file)",
    import_not_mapped: "Not mapped: {n} requirement(s) ({ids}), kept with no skills.",
    import_left_out: "Left out ({n} line(s), with the reason)",
    import_line: "line {n}",
    // Both languages: the ad may be in either.
    import_no_requirements: "Warning: no requirement was found in this ad; what was found is imported, and the lines left out are listed below with their reason (add the requirements to the file by hand).\n警告：这则招聘启事中没有找到任职要求；已导入找到的内容，未采用的行及原因列在下方（可在文件中手动补充任职要求）。",
    import_saved: "Saved as {file} (id {id}).\nSee your match: career-explorer, then 4 (←/→ to reach it), or career-explorer postings.",
    import_failed_count: "{failed} of {n} input(s) failed",
    import_no_ad: "no ad given",
    stdin: "standard input",
    imported_from: "Imported from {source}",
    not_regular: "not a regular file ({kind})",
    ad_too_large: "{what} is over {max} MiB: that is not a job ad",
    ad_not_utf8: "{what} is not UTF-8 text",
    folder_no_ads: "the folder holds no .html, .htm, .txt or .md file",
    folder_unreadable: "cannot read the folder: {why}",
    id_title_one_ad: "--id and --title name one posting: give one ad with them (nothing was imported)",
    invalid_id: "`{id}` is not a valid id: use letters, digits, _ and - only (at most 64)",
    id_taken: "a posting `{id}` exists already; choose another --id (remove yours with career-explorer postings remove {id})",
    progress_not_regular: "{path} is not a regular file ({kind}): the progress file must be one",
    progress_too_large: "{path} is {size} bytes: a progress file may be at most {max} MiB; it was not read",
    progress_newer: "{path} was written by a newer career-explorer (version {version}); this one reads version {ours}: upgrade to use it (the file is left as it is)",
    progress_read_only: "{path} is read-only: make it writable to save",
};

const CLI_ZH: CliLabels = CliLabels {
    error: "错误：",
    warning: "警告：",
    posting_kind: "招聘启事",
    unknown_role: "未知角色 `{id}`；已有角色：{known}",
    unknown_posting: "没有招聘启事 `{id}`；已有招聘启事：{known}",
    plan_unknown_posting: "没有招聘启事 `{id}`；用 career-explorer postings 查看已有的",
    unknown_note: "未知背景话题 `{id}`；已有：{known}",
    did_you_mean: "你要找的是不是 {ids}？",
    or: " 或 ",
    since_not_date: "--since 的值 `{s}` 不是日期：请写成 YYYY-MM-DD",
    no_current_role: "还没有当前角色：用 career-explorer profile --role ID 设置一次（或加上 --role）",
    bundled_not_removable: "`{id}` 是内置招聘启事，不能删除；只能删除你自己的招聘启事",
    removed: "已删除 {file}",
    cannot_write: "无法写入 {path}",
    cannot_read: "无法读取 {path}",
    cannot_save: "无法保存 {path}",
    cannot_create: "无法创建 {path}",
    not_a_folder: "{path} 已存在，且不是文件夹",
    folder_not_empty: "{path} 不是空文件夹（其中有 {name}）",
    folder_not_empty_many: "{path} 不是空文件夹（其中有 {n} 项：{name} 等）",
    choose_new_folder: "；请选一个新的或空的文件夹（什么都没有写入）",
    no_home_postings: "找不到主目录：不知道你的招聘启事存放在哪里",
    no_home_profile: "找不到主目录：无法保存个人资料",
    bad_profile: "{where}：请先修好 `profile` 部分（它保持原样）；什么都没有保存",
    own_left_out: "{problem}（这则招聘启事没有载入；文件没有改动）",
    needs_terminal: "全屏程序需要终端（{why}）；脚本请用各个命令：career-explorer --help",
    terminal_why: [
        "标准输出不是终端",
        "标准输入不是终端",
        "TERM=dumb 无法显示",
        "没有设置 TERM",
    ],
    bundled: "内置",
    no_postings: "还没有招聘启事。导入一则：career-explorer postings import ad.txt",
    years_of_experience: "工作年限",
    current_role: "当前角色",
    gap_head: "从{from}到{to}：需补 {n} 项技能（该角色不涵盖），其中 {open} 项未完成。",
    gap_same_role: "{role}既是出发角色也是目标：没有差距。",
    import_read: "已读取 {source}：{r} 条岗位职责，{q} 条任职要求。",
    import_salary: "薪资：",
    responsibilities: "岗位职责",
    requirements: "任职要求",
    import_years: "经验：{y} 年以上",
    import_no_skill: "按设计不对应技能（{why}）",
    import_unmapped: "未对应任何技能（已保留；可在文件中添加技能 id）",
    import_not_mapped: "未对应：{n} 条任职要求（{ids}），已保留，不含技能。",
    import_left_out: "未采用的行（{n} 行，附原因）",
    import_line: "第 {n} 行",
    import_no_requirements: "警告：这则招聘启事中没有找到任职要求；已导入找到的内容，未采用的行及原因列在下方（可在文件中手动补充任职要求）。",
    import_saved: "已保存为 {file}（id {id}）。\n查看匹配情况：运行 career-explorer 后按 4（用 ←/→ 找到它），或运行 career-explorer postings。",
    import_failed_count: "{n} 项输入中有 {failed} 项失败",
    import_no_ad: "没有给出招聘启事",
    stdin: "标准输入",
    imported_from: "导入自 {source}",
    not_regular: "不是普通文件（而是{kind}）",
    ad_too_large: "{what} 超过 {max} MiB：这不是一则招聘启事",
    ad_not_utf8: "{what} 不是 UTF-8 文本",
    folder_no_ads: "这个文件夹里没有 .html、.htm、.txt 或 .md 文件",
    folder_unreadable: "无法读取这个文件夹：{why}",
    id_title_one_ad: "--id 和 --title 只能用于一则招聘启事：请只给一则（什么都没有导入）",
    invalid_id: "`{id}` 不是有效的 id：只能用字母、数字、_ 和 -（最多 64 个字符）",
    id_taken: "招聘启事 `{id}` 已经存在；请换一个 --id（删除你自己的可用 career-explorer postings remove {id}）",
    progress_not_regular: "{path} 不是普通文件（而是{kind}）：进度文件必须是普通文件",
    progress_too_large: "{path} 有 {size} 字节：进度文件最大 {max} MiB；没有读取",
    progress_newer: "{path} 由更新版本的 career-explorer 写入（版本 {version}）；这一版读取版本 {ours}：请升级后再用（文件保持原样）",
    progress_read_only: "{path} 是只读的：改为可写才能保存",
};

/// The command line's sentences in `lang`.
pub fn cli_labels(lang: Lang) -> &'static CliLabels {
    match lang {
        Lang::En => &CLI_EN,
        Lang::Zh => &CLI_ZH,
    }
}

/// An import report's reason code (why a line was left out, why an item
/// has no skill) in `lang`; the code itself when it has no Chinese word.
pub fn import_reason(lang: Lang, code: &str) -> &str {
    if lang == Lang::En {
        return code;
    }
    match code {
        "title" => "职位名称",
        "salary" => "薪资",
        "heading" => "标题",
        "sub_heading" => "小标题",
        "lead_in" => "引导语",
        "blurb" => "简介",
        "prose_after_list" => "列表后的正文",
        "eeo" => "平等就业声明",
        "location" => "工作地点",
        "link" => "链接",
        "blank_bullet" => "空条目",
        "duplicate" => "重复",
        "about" => "公司介绍",
        "benefits" => "福利",
        "logistics" => "招聘流程",
        "apply" => "申请方式",
        "not_required" => "非必需",
        "unknown_section" => "未识别的部分",
        "years" => "工作年限",
        "degree" => "学历",
        "work_auth" => "工作许可",
        "language" => "语言",
        "availability" => "到岗时间",
        other => other,
    }
}

/// The system's reason for a failed file operation, in Chinese (English
/// keeps the system's own text, so this gives `None` for it); `None` too for
/// a kind with no Chinese sentence here.
pub fn io_error_zh(lang: Lang, kind: std::io::ErrorKind) -> Option<&'static str> {
    use std::io::ErrorKind as K;
    if lang == Lang::En {
        return None;
    }
    Some(match kind {
        K::NotFound => "没有这个文件或文件夹",
        K::PermissionDenied => "没有权限",
        K::IsADirectory => "这是一个文件夹，不是文件",
        K::NotADirectory => "路径中有一项不是文件夹",
        K::AlreadyExists => "已经存在",
        K::DirectoryNotEmpty => "文件夹不是空的",
        K::ReadOnlyFilesystem => "文件系统只读",
        K::StorageFull => "磁盘空间不足",
        K::InvalidData => "内容不是有效的 UTF-8 文本",
        K::TimedOut => "超时",
        K::Interrupted => "被中断",
        _ => "系统错误",
    })
}

/// The system's reason for a failed file operation in `lang`: in English
/// its own text; in Chinese a sentence for its kind, a path that is no
/// regular file (`store::regular`'s "not a regular file (a FIFO)") named as
/// what it is.
pub fn io_reason(lang: Lang, e: &std::io::Error) -> String {
    let text = e.to_string();
    let prefix = cli_labels(Lang::En)
        .not_regular
        .split('{')
        .next()
        .unwrap_or_default();
    if lang == Lang::Zh
        && let Some(kind) = text.strip_prefix(prefix).and_then(|r| r.strip_suffix(')'))
    {
        return fill(
            cli_labels(lang).not_regular,
            &[("kind", file_kind(lang, kind))],
        );
    }
    io_error_zh(lang, e.kind()).map_or(text, str::to_string)
}

/// A kind of file that is not a regular one (`a folder`, `a FIFO`… as
/// `store::regular` names them) in `lang`.
pub fn file_kind(lang: Lang, kind: &str) -> &str {
    if lang == Lang::En {
        return kind;
    }
    match kind {
        "a folder" => "文件夹",
        "a FIFO" => "管道",
        "a device" => "设备",
        "a socket" => "套接字",
        "not a file" => "其他非文件",
        other => other,
    }
}

/// Pane 4's jump to a skill in pane 3, the way back, and which posting it shows.
pub struct JumpLabels {
    /// Under a skill row's name in pane 4's side box.
    pub hint: &'static str,
    /// The status line after the jump; `{id}` is the skill's id.
    pub opened: &'static str,
    /// The status line when a requirement has no skill to open.
    pub nothing: &'static str,
    /// Which posting of how many pane 4 shows; `{n}` of `{m}`.
    pub posting_of: &'static str,
}

const JUMP_EN: JumpLabels = JumpLabels {
    hint: "Enter: open it in 3 Skills (Esc there comes back here)",
    opened: "{id} from the posting · Esc: back to the posting",
    nothing: "no skill covers this requirement",
    posting_of: "posting {n}/{m}",
};

const JUMP_ZH: JumpLabels = JumpLabels {
    hint: "Enter：在第 3 栏技能清单中打开（在那里按 Esc 返回此处）",
    opened: "来自招聘启事的 {id} · Esc：返回招聘启事",
    nothing: "没有技能可覆盖这条要求",
    posting_of: "第 {n}/{m} 则",
};

/// The jump's words in `lang`.
pub fn jump_labels(lang: Lang) -> &'static JumpLabels {
    match lang {
        Lang::En => &JUMP_EN,
        Lang::Zh => &JUMP_ZH,
    }
}

/// Pane 1's role detail: who works the role's way, and what its side makes.
pub struct PaneOneLabels {
    /// Before the workflow's "who".
    pub who: &'static str,
    /// The head of the side's products; `{side}` is the side's name
    /// ("Model consumers").
    pub side_produces: &'static str,
    /// The left and right sides' "Also" names when they share full-width
    /// rows.
    pub also_left: &'static str,
    pub also_right: &'static str,
}

const PANE_ONE_EN: PaneOneLabels = PaneOneLabels {
    who: "Who works this way",
    side_produces: "{side}: what they produce",
    also_left: "Left of the line",
    also_right: "Right of the line",
};

const PANE_ONE_ZH: PaneOneLabels = PaneOneLabels {
    who: "谁这样工作",
    side_produces: "{side}的产出",
    also_left: "分界线左侧另有",
    also_right: "分界线右侧另有",
};

/// Pane 1's role-detail words in `lang`.
pub fn pane_one_labels(lang: Lang) -> &'static PaneOneLabels {
    match lang {
        Lang::En => &PANE_ONE_EN,
        Lang::Zh => &PANE_ONE_ZH,
    }
}

/// Pane 2's (and `compare`'s) row names and place on the spectrum, in full.
pub struct CompareRowLabels {
    /// The iteration-cost row.
    pub cost: &'static str,
    /// The iteration-speed row.
    pub speed: &'static str,
    /// A role's place among the spectrum's boxes; `{n}` its box from the
    /// left, `{m}` how many boxes pane 1 draws.
    pub place: &'static str,
}

const COMPARE_ROWS_EN: CompareRowLabels = CompareRowLabels {
    cost: "Iteration cost",
    speed: "Iteration speed",
    place: "box {n} of {m} (pane 1)",
};

const COMPARE_ROWS_ZH: CompareRowLabels = CompareRowLabels {
    cost: "迭代成本",
    speed: "迭代速度",
    place: "第 {n} 格，共 {m} 格（第 1 栏）",
};

/// The comparison's row words in `lang`.
pub fn compare_row_labels(lang: Lang) -> &'static CompareRowLabels {
    match lang {
        Lang::En => &COMPARE_ROWS_EN,
        Lang::Zh => &COMPARE_ROWS_ZH,
    }
}

/// The help overlay's headings for the keys outside the key table.
pub struct HelpLabels {
    pub search: &'static str,
    pub picker: &'static str,
    pub mouse: &'static str,
}

const HELP_EN: HelpLabels = HelpLabels {
    search: "Search (/)",
    picker: "Skill picker (pane 4, e)",
    mouse: "Mouse",
};

const HELP_ZH: HelpLabels = HelpLabels {
    search: "搜索（/）",
    picker: "技能选择器（面板 4，e）",
    mouse: "鼠标",
};

/// The help overlay's headings in `lang`.
pub fn help_labels(lang: Lang) -> &'static HelpLabels {
    match lang {
        Lang::En => &HELP_EN,
        Lang::Zh => &HELP_ZH,
    }
}

/// Pane 4's side box for a requirement that names no skill: what it is and
/// how it counts. `min_years` is its experience threshold, if any; `years`
/// the user's total years (`None`: not given).
pub fn no_skill_side(lang: Lang, min_years: Option<u32>, years: Option<u32>) -> Vec<String> {
    match (lang, min_years) {
        (Lang::En, Some(n)) => vec![
            format!("No skill: an experience threshold of {n}+ years."),
            match years {
                Some(y) => format!("Yours: {y} years in all (+/- to change)."),
                None => "Yours: not given yet (+/- to set them).".to_string(),
            },
        ],
        (Lang::Zh, Some(n)) => vec![
            format!("不对应技能：经验门槛 {n} 年以上。"),
            match years {
                Some(y) => format!("你的总年限：{y} 年（+/- 调整）。"),
                None => "你的年限：尚未填写（+/- 设置）。".to_string(),
            },
        ],
        (Lang::En, None) => vec![
            "No skill names this requirement (not mapped): it does not count in the skill coverage. Add skills with e on your own postings.".to_string(),
        ],
        (Lang::Zh, None) => vec![
            "这条任职要求未对应任何技能：不计入技能覆盖率。你自己的招聘启事可按 e 添加技能。".to_string(),
        ],
    }
}

/// The import report's words on where a posting's company and title came
/// from, and how to set them.
pub struct ImportNamingLabels {
    /// The label of the company line.
    pub company: &'static str,
    /// The label of the title line.
    pub title: &'static str,
    /// Given by the user with `{flag}`.
    pub given: &'static str,
    /// From the page's `JobPosting` data.
    pub page: &'static str,
    /// The company guessed from line `{n}`, whose text is `{text}`.
    pub guessed: &'static str,
    /// The title read from line `{n}` (`{text}`).
    pub from_line: &'static str,
    /// Found nowhere: the placeholder is used.
    pub not_found: &'static str,
    /// How to set it: `{flag}` on import, or `{field}:` in the file.
    pub how_to_set: &'static str,
    /// Between where it came from and how to set it.
    pub then: &'static str,
    /// The whole line: `{value}` and where it came `{from}`.
    pub shown: &'static str,
}

const IMPORT_NAMING_EN: ImportNamingLabels = ImportNamingLabels {
    company: "Company:",
    title: "Title:",
    given: "given with {flag}",
    page: "from the page's data",
    guessed: "guessed from line {n} \"{text}\"",
    from_line: "from line {n} of the ad",
    not_found: "not found",
    how_to_set: "to set it, import with {flag} NAME or edit `{field}:` in the posting's file",
    then: "; ",
    shown: "{value} ({from})",
};

const IMPORT_NAMING_ZH: ImportNamingLabels = ImportNamingLabels {
    company: "公司：",
    title: "岗位名称：",
    given: "由 {flag} 指定",
    page: "取自网页的结构化数据",
    guessed: "据第 {n} 行“{text}”推测",
    from_line: "取自招聘启事第 {n} 行",
    not_found: "未找到",
    how_to_set: "如需设定，导入时加 {flag} 名称，或在招聘启事文件中修改 `{field}:`",
    then: "；",
    shown: "{value}（{from}）",
};

/// The import report's naming words in `lang`.
pub fn import_naming_labels(lang: Lang) -> &'static ImportNamingLabels {
    match lang {
        Lang::En => &IMPORT_NAMING_EN,
        Lang::Zh => &IMPORT_NAMING_ZH,
    }
}

/// What an imported posting is called when neither the ad nor the user
/// names it: (title, company), in the interface's language at import time.
pub fn import_placeholders(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => ("Imported job ad", "Unknown company"),
        Lang::Zh => ("导入的招聘启事", "未知公司"),
    }
}

/// The status line on a start with nothing ticked yet: where to begin. It
/// stands where the footer's keys are, so it ends with the help key too.
pub fn first_run(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "New here? 3 tick the skills you have · 4 match job ads · 5 plan · ? help",
        Lang::Zh => "第一次用？3 勾选已掌握的技能 · 4 对照招聘启事 · 5 学习计划 · ? 帮助",
    }
}

// ---------------------------------------------------------------------------
// Problems of the files the user gives (issue 23.2): a `--data` folder, the
// progress file, own postings, and the `config` command's words. Their
// sentences are in `i18n/files.rs`, which `build.rs` compiles with the
// loader (it cannot compile this file, which needs the whole model).

mod files;
pub use files::{Arg, FILE_MSGS, Msg, reader_zh};

/// The words of `skills set` (setting skill states, notes and evidence from
/// the command line). Templates: `{id}` a skill id, `{path}` the progress
/// file, `{what}` a field's name, `{n}` and `{max}` counts, `{s}` a value.
pub struct SkillSetLabels {
    /// An id that is no skill of the catalog.
    pub unknown_skill: &'static str,
    /// After the unknown ids: the command wrote nothing.
    pub nothing_saved: &'static str,
    /// `--evidence-date {s}` is not a day.
    pub bad_date: &'static str,
    /// A note or evidence `{what}` longer than the app's field holds.
    pub too_long: &'static str,
    /// No home folder, so no default progress file.
    pub no_home: &'static str,
    /// The file did not read: the same refusal the app gives, then why.
    pub not_read: &'static str,
    /// The note's name in a line of changes.
    pub note: &'static str,
    /// A field given the value it already had.
    pub unchanged: &'static str,
    /// A note or evidence set to nothing.
    pub cleared: &'static str,
    /// The changes were written to `{path}`.
    pub saved: &'static str,
    /// Nothing differed: `{path}` was not touched.
    pub nothing_changed: &'static str,
    /// `--dry-run`: `{path}` was not touched.
    pub dry_run: &'static str,
}

const SKILL_SET_EN: SkillSetLabels = SkillSetLabels {
    unknown_skill: "unknown skill `{id}`",
    nothing_saved: "nothing was saved (the skill ids are listed by career-explorer skills)",
    bad_date: "--evidence-date `{s}` is not a date: give it as YYYY-MM-DD",
    too_long: "the {what} has {n} characters; the app keeps at most {max}",
    no_home: "no home folder to keep the progress file in: name one with --progress FILE",
    not_read: "the progress file does not read, so nothing is written over it until it does:",
    note: "note",
    unchanged: "unchanged",
    cleared: "cleared",
    saved: "saved {path}",
    nothing_changed: "nothing changed; {path} left as it was",
    dry_run: "dry run: nothing saved to {path}",
};

const SKILL_SET_ZH: SkillSetLabels = SkillSetLabels {
    unknown_skill: "未知技能 `{id}`",
    nothing_saved: "未保存任何内容（技能 id 可用 career-explorer skills 查看）",
    bad_date: "--evidence-date `{s}` 不是日期：请写成 YYYY-MM-DD",
    too_long: "{what}有 {n} 个字符；本程序最多保留 {max} 个",
    no_home: "找不到主文件夹来存放进度文件：请用 --progress 指定一个文件",
    not_read: "进度文件无法读取；在它能读取之前，不会覆盖它：",
    note: "笔记",
    unchanged: "未改变",
    cleared: "已清除",
    saved: "已保存 {path}",
    nothing_changed: "没有改动；{path} 保持原样",
    dry_run: "试运行：未保存到 {path}",
};

/// The words of `skills set` in `lang`.
pub fn skill_set_labels(lang: Lang) -> &'static SkillSetLabels {
    match lang {
        Lang::En => &SKILL_SET_EN,
        Lang::Zh => &SKILL_SET_ZH,
    }
}
