//! The messages about files the user gives — a `--data` folder, the
//! progress file and its lock, own postings, the config file — and the
//! `config` command's words, in both
//! languages. A message is kept as its facts ([`Msg`]: a key of
//! [`FILE_MSGS`] and the values) and said in either language when shown,
//! so each sentence has one row here. `build.rs` compiles this file with the
//! loader, so it needs nothing of the crate but [`Lang`] and the three
//! helpers of its parent ([`super::list_sep`], [`super::io_error_zh`]).

use crate::model::Lang;

use super::{io_error_zh, list_sep};

/// A value filled into a [`Msg`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as it is (an id, a path, a number).
    Text(String),
    /// A word of [`FILE_WORDS`], said in the message's language.
    Word(&'static str),
    /// A system error: its own text in English, a Chinese sentence for its kind.
    Io(String, std::io::ErrorKind),
    /// A YAML reader's own message ([`reader_zh`] in Chinese).
    Reader(String),
    /// The TOML reader's own message (of the config file), as [`Arg::Reader`].
    TomlReader(String),
    /// A value the user wrote: `"fr"` (Rust's quoting) in English, “fr” in
    /// Chinese.
    Quoted(String),
    /// Messages within the message, run together with [`list_sep`].
    Msgs(Vec<Msg>),
}

/// A message about a file the user gave, as its facts: said in either
/// language by [`Msg::render`] (its `Display` is the English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Msg {
    /// The message `key` of [`FILE_MSGS`], no values yet.
    pub fn new(key: &'static str) -> Msg {
        Msg {
            key,
            args: Vec::new(),
        }
    }

    /// With `{name}` filled by `value` as it is.
    #[must_use]
    pub fn text(self, name: &'static str, value: impl ToString) -> Msg {
        self.arg(name, Arg::Text(value.to_string()))
    }

    /// With `{name}` filled by `value`.
    #[must_use]
    pub fn arg(mut self, name: &'static str, value: Arg) -> Msg {
        self.args.push((name, value));
        self
    }

    /// A YAML reader's own message, as it is in English.
    pub fn reader(text: impl ToString) -> Msg {
        Msg::new("reader").arg("text", Arg::Reader(text.to_string()))
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let row = FILE_MSGS.iter().find(|(k, _, _)| *k == self.key);
        let template = row.map_or(self.key, |(_, en, zh)| match lang {
            Lang::En => en,
            Lang::Zh => zh,
        });
        let values: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, arg)| (*name, arg_text(lang, arg)))
            .collect();
        // One pass, so a value holding `{x}` is never filled again.
        let mut out = String::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                break;
            };
            match values.iter().find(|(n, _)| *n == &after[..close]) {
                Some((_, v)) => out.push_str(v),
                // Not a value's name (`{date, skills}`): written as it is.
                None => out.push_str(&rest[open..open + close + 2]),
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }
}

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// One value of a message in `lang`.
fn arg_text(lang: Lang, arg: &Arg) -> String {
    match arg {
        Arg::Text(t) => t.clone(),
        Arg::Word(w) => match lang {
            Lang::En => (*w).to_string(),
            Lang::Zh => FILE_WORDS
                .iter()
                .find(|(en, _)| en == w)
                .map_or(*w, |(_, zh)| zh)
                .to_string(),
        },
        Arg::Io(text, kind) => {
            io_error_zh(lang, *kind).map_or_else(|| text.clone(), str::to_string)
        }
        Arg::Reader(text) => match lang {
            Lang::En => text.clone(),
            Lang::Zh => reader_zh(text),
        },
        Arg::TomlReader(text) => match lang {
            Lang::En => text.clone(),
            Lang::Zh => reader_zh_in("TOML", text),
        },
        Arg::Quoted(text) => {
            let quoted = format!("{text:?}");
            match lang {
                Lang::En => quoted,
                Lang::Zh => format!("“{}”", &quoted[1..quoted.len() - 1]),
            }
        }
        Arg::Msgs(list) => list
            .iter()
            .map(|m| m.render(lang))
            .collect::<Vec<_>>()
            .join(list_sep(lang)),
    }
}

/// The phrases of `serde`'s and the YAML readers' messages said in Chinese,
/// the values they quote in backticks (they are the file's own words); a
/// message of another shape (a YAML syntax slip) is given as the reader
/// wrote it, in quotes, after a Chinese lead.
pub fn reader_zh(text: &str) -> String {
    reader_zh_in("YAML", text)
}

/// [`reader_zh`] for the reader of `format` (`YAML`, `TOML`).
fn reader_zh_in(format: &str, text: &str) -> String {
    const PHRASES: [(&str, &str); 7] = [
        ("invalid type: ", "类型不对："),
        ("invalid value: ", "取值不对："),
        ("invalid length ", "长度不对："),
        ("unknown field ", "未知字段"),
        ("unknown variant ", "未知取值"),
        ("missing field ", "缺少字段"),
        ("duplicate field ", "重复的字段"),
    ];
    let found = PHRASES
        .iter()
        .filter_map(|(en, zh)| text.find(en).map(|i| (i, *en, *zh)))
        .min_by_key(|(i, _, _)| *i);
    let Some((i, en, zh)) = found else {
        return format!("{format} 读取出错（读取器原话：“{text}”）");
    };
    let path = text[..i].trim_end_matches([':', ' ']);
    let place = if path.is_empty() {
        String::new()
    } else {
        format!("`{path}`：")
    };
    let rest = &text[i + en.len()..];
    let (got, expected) = match rest.split_once(", expected ") {
        Some((g, e)) => (g, Some(e)),
        None => (rest, None),
    };
    let got = reader_value_zh(got);
    let got = if zh.ends_with('：') {
        got.trim_start()
    } else {
        &got
    };
    let mut out = format!("{place}{zh}{got}");
    if let Some(e) = expected {
        let e = e.strip_prefix("one of ").unwrap_or(e);
        out.push_str(&format!("，应为{}", reader_value_zh(e)));
    }
    out
}

/// A value or a kind of value as `serde` names it ("string \"x\"", "a
/// sequence", "u32") in Chinese; the file's own words in backticks.
fn reader_value_zh(s: &str) -> String {
    const KINDS: [(&str, &str); 10] = [
        ("sequence", "列表"),
        ("a sequence", "列表"),
        ("map", "映射"),
        ("a map", "映射"),
        ("unit value", "空值"),
        ("a string", "文本"),
        ("a boolean", "布尔值"),
        ("a borrowed string", "文本"),
        ("a number", "数字"),
        ("a YAML value", "YAML 值"),
    ];
    const LEADS: [(&str, &str); 4] = [
        ("string ", "文本 "),
        ("integer ", "整数 "),
        ("floating point ", "小数 "),
        ("boolean ", "布尔值 "),
    ];
    let code = |v: &str| {
        if v.contains('`') {
            v.to_string()
        } else {
            format!("`{v}`")
        }
    };
    if let Some((_, zh)) = KINDS.iter().find(|(en, _)| *en == s) {
        return (*zh).to_string();
    }
    if let Some((en, zh)) = LEADS.iter().find(|(en, _)| s.starts_with(en)) {
        return format!("{zh}{}", code(&s[en.len()..]));
    }
    let number = ["u8", "u16", "u32", "u64", "usize", "i32", "i64"].contains(&s);
    if number {
        return format!("整数（{}）", code(s));
    }
    if let Some(name) = s.strip_prefix("struct ") {
        return format!("映射（{}）", code(name));
    }
    format!(" {}", code(s))
}

/// Words filled into [`FILE_MSGS`], English and Chinese.
const FILE_WORDS: &[(&str, &str)] = &[
    ("role", "角色"),
    ("roles", "角色"),
    ("category", "类别"),
    ("categories", "类别"),
    ("skill", "技能"),
    ("skills", "技能"),
    ("posting", "招聘启事"),
    ("posting item", "招聘启事条目"),
    ("workflow", "工作流"),
    ("note", "笔记"),
    ("a note", "笔记"),
    ("`changed`", "`changed`"),
    ("`evidence_date`", "`evidence_date`"),
    ("evidence", "证据"),
];

/// Every message of [`Msg`]: key, English, Chinese.
pub const FILE_MSGS: &[(&str, &str, &str)] = &[
    ("reader", "{text}", "{text}"),
    (
        "problems_one",
        "invalid data: 1 problem",
        "数据有误：1 个问题",
    ),
    (
        "problems",
        "invalid data: {n} problems",
        "数据有误：{n} 个问题",
    ),
    ("cannot_read", "cannot read: {e}", "无法读取：{e}"),
    (
        "too_large",
        "file is {len} bytes ({mib} MiB), larger than the {limit} byte limit ({limit_h}) for a data file; to load it, raise the limit with --max-file-mb {need} or {env}={need}",
        "文件有 {len} 字节（{mib} MiB），超过数据文件 {limit} 字节的上限（{limit_h}）；要加载它，请用 --max-file-mb {need} 或 {env}={need} 提高上限",
    ),
    (
        "not_utf8",
        "invalid UTF-8: a data file must be UTF-8 text",
        "不是有效的 UTF-8：数据文件必须是 UTF-8 文本",
    ),
    (
        "dir_missing",
        "does not exist: --data takes a folder holding {files}",
        "不存在：--data 需要一个含有 {files} 的文件夹",
    ),
    (
        "dir_unreadable",
        "cannot be read ({e}): --data takes a folder holding {files}",
        "无法读取（{e}）：--data 需要一个含有 {files} 的文件夹",
    ),
    (
        "dir_not_folder",
        "is not a folder: --data takes a folder holding {files}",
        "不是文件夹：--data 需要一个含有 {files} 的文件夹",
    ),
    (
        "file_missing",
        "missing file: a data folder needs {files}",
        "缺少文件：数据文件夹需要 {files}",
    ),
    (
        "file_is_dir",
        "is a directory, expected a YAML file",
        "这是一个文件夹，应为 YAML 文件",
    ),
    (
        "yaml_empty",
        "the file is empty: it needs the top-level keys of its kind (see docs/DATA.md or the bundled data/)",
        "文件是空的：它需要这类文件的顶层键（见 docs/DATA.md 或内置的 data/）",
    ),
    (
        "yaml_tab",
        "a tab in the indentation: YAML indents with spaces only",
        "缩进里有制表符：YAML 只能用空格缩进",
    ),
    (
        "yaml_control",
        "control characters are not allowed",
        "不允许出现控制字符",
    ),
    (
        "yaml_deep",
        "nested more than {max} levels deep: flatten the structure",
        "嵌套超过 {max} 层：请把结构改浅",
    ),
    (
        "yaml_anchor",
        "anchors (&name) are not allowed in data files: write each value out in full",
        "数据文件不允许锚点（`&name`）：请把每个值完整写出",
    ),
    (
        "yaml_alias",
        "aliases (*name) are not allowed in data files: write the value out in full",
        "数据文件不允许别名（`*name`）：请把值完整写出",
    ),
    (
        "yaml_second_doc",
        "a second YAML document (---) in one file: keep one document per file",
        "一个文件里有第二个 YAML 文档（---）：每个文件只放一个文档",
    ),
    (
        "yaml_dup_key",
        "duplicate key `{key}`: each key may appear once in a mapping",
        "键 `{key}` 重复：同一映射里每个键只能出现一次",
    ),
    (
        "id_invalid",
        "{kind} id `{id}` is not valid: use letters, digits, _ and - only (at most 64)",
        "{kind} id `{id}` 无效：只能用字母、数字、_ 和 -（最多 64 个）",
    ),
    (
        "id_duplicate",
        "duplicate {kind} id `{id}`",
        "{kind} id `{id}` 重复",
    ),
    (
        "none_of",
        "no {what}: at least one is needed",
        "没有{what}：至少需要一个",
    ),
    (
        "spectrum_unknown",
        "spectrum names unknown role `{id}`",
        "光谱里有未知角色 `{id}`",
    ),
    (
        "spectrum_order",
        "spectrum puts left-side role `{id}` right of the API line; list left-side roles first",
        "光谱把左侧角色 `{id}` 放在了 API 线右边；请先列左侧角色",
    ),
    (
        "spectrum_neither",
        "spectrum role `{id}` has side `neither`; only left or right roles can be drawn",
        "光谱角色 `{id}` 的 `side` 是 `neither`；只有左侧或右侧的角色能画出",
    ),
    (
        "spectrum_empty",
        "spectrum is empty: name the roles to draw, left to right",
        "光谱是空的：请从左到右写出要画的角色",
    ),
    (
        "role_workflow",
        "role `{role}` names unknown workflow `{id}`",
        "角色 `{role}` 引用了未知工作流 `{id}`",
    ),
    (
        "skill_category",
        "skill `{skill}` names unknown category `{id}`",
        "技能 `{skill}` 引用了未知类别 `{id}`",
    ),
    (
        "skill_role",
        "skill `{skill}` names unknown role `{id}`",
        "技能 `{skill}` 引用了未知角色 `{id}`",
    ),
    (
        "posting_role",
        "posting `{posting}` names unknown role `{id}`",
        "招聘启事 `{posting}` 引用了未知角色 `{id}`",
    ),
    (
        "item_skill",
        "posting item `{item}` names unknown skill `{id}`",
        "招聘启事条目 `{item}` 引用了未知技能 `{id}`",
    ),
    (
        "evidence_not_skill",
        "posting item `{item}` has evidence for `{key}`, which is not one of its skills ({skills}); add `{key}` to its skills or remove the evidence",
        "招聘启事条目 `{item}` 有 `{key}` 的证据，但 `{key}` 不在它的技能里（{skills}）；请把 `{key}` 加进它的技能，或删去这条证据",
    ),
    ("none", "none", "无"),
    (
        "relates_unknown",
        "skill `{skill}` names unknown skill `{id}` in relates_to",
        "技能 `{skill}` 的 `relates_to` 引用了未知技能 `{id}`",
    ),
    (
        "see_also_unknown",
        "skill `{skill}` names unknown skill `{id}` in see_also",
        "技能 `{skill}` 的 `see_also` 引用了未知技能 `{id}`",
    ),
    (
        "ads_no_demand",
        "skill `{skill}` is of layer ads but has no `demand` (how often ads ask for it)",
        "技能 `{skill}` 属于 `ads` 层，却没有 `demand`（招聘启事要求它的频率）",
    ),
    (
        "basis_unknown",
        "{what} has unknown basis tag `{tag}`; known tags: {tags}",
        "{what}有未知的 `basis` 标签 `{tag}`；可用的标签：{tags}",
    ),
    ("what_crossing", "the crossing", "交叉点"),
    (
        "what_role_field",
        "role `{role}` basis_of.{field}",
        "角色 `{role}` 的 `basis_of.{field}`",
    ),
    (
        "what_role_fact",
        "role `{role}` facts[{n}]",
        "角色 `{role}` 的 `facts[{n}]`",
    ),
    ("what_skill", "skill `{id}`", "技能 `{id}`"),
    ("what_figure", "figures[{n}]", "`figures[{n}]`"),
    ("what_note", "note `{id}`", "笔记 `{id}`"),
    ("what_posting", "posting `{id}`", "招聘启事 `{id}`"),
    (
        "what_item_context",
        "posting `{posting}` item `{item}` context[{n}]",
        "招聘启事 `{posting}` 条目 `{item}` 的 `context[{n}]`",
    ),
    (
        "recent_no_source",
        "skill `{skill}` is of layer 2024-2026 but its basis names no 2024–2026 source ({tags})",
        "技能 `{skill}` 属于 2024-2026 层，但它的 `basis` 没有 2024–2026 的来源（{tags}）",
    ),
    (
        "posting_lacks",
        "posting `{posting}` is of layer 2024-2026 but lacks {missing}",
        "招聘启事 `{posting}` 属于 2024-2026 层，但缺少{missing}",
    ),
    (
        "lacks_basis",
        "a 2024–2026 source tag in `basis`",
        "`basis` 里 2024–2026 的来源标签",
    ),
    (
        "lacks_urls",
        "a source address in `urls`",
        "`urls` 里的来源地址",
    ),
    (
        "lacks_reliability",
        "a `reliability` label",
        "`reliability` 标签",
    ),
    (
        "bad_url",
        "posting `{posting}` has `{url}` in `urls`: write one whole http:// or https:// address per entry, without spaces",
        "招聘启事 `{posting}` 的 `urls` 里有 `{url}`：每项写一个完整的 http:// 或 https:// 地址，不带空格",
    ),
    (
        "company_long",
        "posting `{posting}`: the company name is {n} characters; at most {max}",
        "招聘启事 `{posting}`：公司名有 {n} 个字符；最多 {max} 个",
    ),
    (
        "title_long",
        "posting `{posting}`: the title is over {max} characters",
        "招聘启事 `{posting}`：标题超过 {max} 个字符",
    ),
    (
        "min_years_range",
        "posting `{posting}` item `{item}`: min_years {y} is not in 0..={max}",
        "招聘启事 `{posting}` 条目 `{item}`：`min_years` {y} 不在 0..={max} 之内",
    ),
    (
        "own_folder",
        "cannot read the folder of your postings: {e}",
        "无法读取你的招聘启事文件夹：{e}",
    ),
    (
        "own_id_taken",
        "posting id `{id}` is taken by another posting; give this one another id",
        "招聘启事 id `{id}` 已被另一份招聘启事使用；请给这份换一个 id",
    ),
    (
        "own_id_invalid",
        "posting id `{id}` is not valid: use letters, digits, _ and - only (at most 64)",
        "招聘启事 id `{id}` 无效：只能用字母、数字、_ 和 -（最多 64 个）",
    ),
    (
        "own_role",
        "posting `{posting}` names unknown role `{id}` (see career-explorer roles)",
        "招聘启事 `{posting}` 引用了未知角色 `{id}`（可用 career-explorer roles 查看）",
    ),
    (
        "own_item_id",
        "posting item id `{id}` is not valid or is used twice in this posting",
        "招聘启事条目 id `{id}` 无效，或在这份招聘启事里用了两次",
    ),
    (
        "own_skill",
        "posting item `{item}` names unknown skill `{id}` (see career-explorer skills)",
        "招聘启事条目 `{item}` 引用了未知技能 `{id}`（可用 career-explorer skills 查看）",
    ),
    ("code", "{c}", "`{c}`"),
    (
        "progress_deep",
        "nested too deep (more than 128 levels)",
        "嵌套太深（超过 128 层）",
    ),
    (
        "progress_second_doc",
        "a second YAML document (---): a progress file holds one",
        "第二个 YAML 文档（---）：进度文件只能有一个",
    ),
    (
        "alias_in_anchor",
        "an alias (*name) inside its own anchor",
        "别名（`*name`）出现在它自己的锚点里",
    ),
    (
        "alias_expand",
        "aliases (*name) expand to more than {max} values: write the entries out instead",
        "别名（`*name`）展开后超过 {max} 个值：请把条目完整写出",
    ),
    (
        "utf16",
        "the file is UTF-16: save it as UTF-8",
        "文件是 UTF-16：请存成 UTF-8",
    ),
    (
        "progress_not_utf8",
        "not UTF-8 (byte 0x{byte}): save the file as UTF-8",
        "不是 UTF-8（字节 0x{byte}）：请把文件存成 UTF-8",
    ),
    (
        "progress_not_map",
        "the file must be a mapping with `version` and `skills`",
        "文件必须是含有 `version` 和 `skills` 的映射",
    ),
    (
        "key_twice",
        "`{name}` appears twice (first on line {first})",
        "`{name}` 出现了两次（第一次在第 {first} 行）",
    ),
    (
        "version_must",
        "`version` must be {v}",
        "`version` 必须是 {v}",
    ),
    (
        "profile_unread",
        "`profile` does not read: {why}; kept as written",
        "`profile` 无法读取：{why}；已按原样保留",
    ),
    (
        "history_unread",
        "`{name}` does not read (expected a list of {date, skill, state}, or {date, skills}); kept as written",
        "`{name}` 无法读取（应为 `{date, skill, state}` 或 `{date, skills}` 的列表）；已按原样保留",
    ),
    (
        "unknown_top_key",
        "unknown top-level key `{name}` (expected {keys}); kept as written",
        "未知的顶层键 `{name}`（可用的键：{keys}）；已按原样保留",
    ),
    (
        "profile_expected",
        "expected `years`, a whole number, and `role`, a role id",
        "应为 `years`（整数）和 `role`（角色 id）",
    ),
    (
        "profile_not_map",
        "not a mapping ({expected})",
        "不是映射（{expected}）",
    ),
    (
        "years_range",
        "years {n} is not a whole number in 0..={max}",
        "工作年限 {n} 不是 0..={max} 之间的整数",
    ),
    (
        "profile_unknown_field",
        "unknown field ({expected})",
        "未知字段（{expected}）",
    ),
    (
        "skills_not_map",
        "`skills` must be a mapping from skill id to entry",
        "`skills` 必须是从技能 id 到条目的映射",
    ),
    (
        "skill_id_text",
        "a skill id must be a text",
        "技能 id 必须是文本",
    ),
    (
        "entry_again",
        "appears again (first on line {first})",
        "再次出现（第一次在第 {first} 行）",
    ),
    (
        "entry_unread",
        "skill {id}: {why}; kept as written",
        "技能 {id}：{why}；已按原样保留",
    ),
    (
        "unknown_state",
        "unknown state `{state}`, expected one of {names}",
        "未知状态 `{state}`，应为以下之一：{names}",
    ),
    ("state_word", "a state must be a word", "状态必须是一个词"),
    (
        "entry_not_map",
        "an entry must be a mapping with state, note and changed",
        "条目必须是含有 `state`、`note` 和 `changed` 的映射",
    ),
    (
        "field_twice",
        "`{name}` appears twice",
        "`{name}` 出现了两次",
    ),
    ("must_be_text", "{what} must be a text", "{what}必须是文本"),
    (
        "entry_unknown_field",
        "unknown field `{name}` (expected {fields})",
        "未知字段 `{name}`（可用的字段：{fields}）",
    ),
    ("cfg_file", "# config file: {path}", "# 配置文件：{path}"),
    (
        "cfg_file_absent",
        "# config file: {path} (none there)",
        "# 配置文件：{path}（不存在）",
    ),
    (
        "cfg_no_home",
        "# config file: none (no home folder)",
        "# 配置文件：无（找不到主目录）",
    ),
    (
        "cfg_lang_unset",
        "en (or the last run's)",
        "en（或上次运行时的）",
    ),
    ("src_flag", "flag {flag}", "命令行参数 {flag}"),
    ("src_env", "environment {var}", "环境变量 {var}"),
    ("src_file_at", "config file {path}", "配置文件 {path}"),
    ("src_file", "config file", "配置文件"),
    (
        "src_locale",
        "locale (LC_ALL / LC_MESSAGES / LANG)",
        "系统语言环境（LC_ALL / LC_MESSAGES / LANG）",
    ),
    (
        "src_state",
        "remembered from the last run",
        "沿用上次运行的设置",
    ),
    ("src_default", "default", "默认值"),
    (
        "cfg_default_head",
        "# career-explorer configuration: $XDG_CONFIG_HOME/career-explorer/config.toml\n\
         # (usually ~/.config/career-explorer/config.toml). Every line is optional;\n\
         # a flag or the environment beats what is written here.\n\n\
         # Interface language: \"en\" or \"zh\" (else CAREER_EXPLORER_LANG, the locale).\n\
         # language = \"en\"\n\n\
         # Colours: \"auto\" (on unless NO_COLOR is set), \"always\" or \"never\".\n\
         # color = \"auto\"\n\n\
         # Load the YAML data files from this folder instead of the bundled data\n\
         # (~/ is your home; a relative path is taken from this file's folder).\n\
         # data = \"~/my-career-data\"\n\n\
         # Hours a week you can give to learning (a learning plan uses it).\n",
        "# career-explorer 配置文件：$XDG_CONFIG_HOME/career-explorer/config.toml\n\
         # （通常是 ~/.config/career-explorer/config.toml）。每一行都可以不写；\n\
         # 命令行参数和环境变量优先于这里写的设置。\n\n\
         # 界面语言：\"en\" 或 \"zh\"（不写则看 CAREER_EXPLORER_LANG，再看系统语言环境）。\n\
         # language = \"en\"\n\n\
         # 颜色：\"auto\"（除非设置了 NO_COLOR，否则有颜色）、\"always\" 或 \"never\"。\n\
         # color = \"auto\"\n\n\
         # 从这个文件夹读取 YAML 数据文件，而不用内置数据\n\
         # （~/ 是你的主目录；相对路径从本文件所在的文件夹算起）。\n\
         # data = \"~/my-career-data\"\n\n\
         # 你每周能用来学习的小时数（学习计划会用到）。\n",
    ),
    (
        "cfg_default_keys",
        "# `y` copies the selected skill or requirement through the terminal\n\
         # (OSC 52); false turns that off.\n\
         # copy = true\n\n\
         # Key bindings: an action and its key, or a list of keys. A key is one\n\
         # character (\"t\", \"?\"), a name (space, enter, esc, tab, shift-tab,\n\
         # backspace, delete, insert, left, right, up, down, home, end, pageup,\n\
         # pagedown, f1 to f12) or ctrl- and a letter. A key given here leaves the\n\
         # action it had. The built-in keys:\n\
         [keys]\n",
        "# `y` 通过终端（`OSC 52`）复制选中的技能或任职要求；\n\
         # 设为 `false` 则关闭。\n\
         # copy = true\n\n\
         # 快捷键：一个动作和它的按键，或一组按键。按键可以是一个字符\n\
         # （\"t\"、\"?\"）、一个键名（`space`、`enter`、`esc`、`tab`、`shift-tab`、\n\
         # `backspace`、`delete`、`insert`、`left`、`right`、`up`、`down`、`home`、`end`、\n\
         # `pageup`、`pagedown`、f1 到 f12），或 `ctrl-` 加一个字母。这里给出的按键\n\
         # 会离开它原来的动作。内置的按键：\n\
         [keys]\n",
    ),
    ("io", "{e}", "{e}"),
    (
        "cfg_not_regular",
        "not a regular file: the config file must be one",
        "不是普通文件：配置文件必须是普通文件",
    ),
    (
        "cfg_too_large",
        "{len} bytes: a config file may be at most 1 MiB",
        "有 {len} 字节：配置文件最大 1 MiB",
    ),
    ("cfg_toml", "{text}", "{text}"),
    (
        "cfg_language",
        "language {v}: write \"en\" or \"zh\"",
        "`language` 的值 {v} 不对：请写 `\"en\"` 或 `\"zh\"`",
    ),
    (
        "cfg_color",
        "color {v}: write \"auto\", \"always\" or \"never\"",
        "`color` 的值 {v} 不对：请写 `\"auto\"`、`\"always\"` 或 `\"never\"`",
    ),
    (
        "cfg_hours",
        "hours_per_week {v}: a whole number from 1 to 168",
        "`hours_per_week` 的值 {v} 不对：应为 1 到 168 之间的整数",
    ),
    (
        "cfg_unknown_action",
        "unknown action {v} in [keys]; the actions: {names}",
        "`[keys]` 中的动作 {v} 不存在；可用的动作：{names}",
    ),
    (
        "cfg_keys_text",
        "keys are written as text: \"t\"",
        "按键要写成文本：`\"t\"`",
    ),
    (
        "cfg_key_value",
        "write a key as text (\"t\") or a list ([\"t\", \"space\"])",
        "按键要写成文本（`\"t\"`）或列表（`[\"t\", \"space\"]`）",
    ),
    (
        "cfg_key_twice",
        "{v} is already the key of {action}",
        "{v} 已经是动作 `{action}` 的按键",
    ),
    (
        "key_reserved",
        "{key} is the app's own (quit, suspend) and cannot be remapped",
        "`{key}` 是本应用自己的按键（退出、挂起），不能改绑",
    ),
    (
        "key_ctrl",
        "unknown key {v}: after ctrl- comes one letter",
        "按键 {v} 不存在：`ctrl-` 后面只能跟一个字母",
    ),
    (
        "key_unknown",
        "unknown key {v}: write one character, f1 to f12, ctrl- and a letter, or one of {names}",
        "按键 {v} 不存在：请写一个字符、`f1` 到 `f12`、`ctrl-` 加一个字母，或下列之一：{names}",
    ),
    (
        "progress_locked",
        "waiting for the lock on {lock}, held by another career-explorer",
        "{lock} 上的锁由另一个 career-explorer 进程持有，正在等待它释放",
    ),
    ("lock_file", "lock file {lock}: {e}", "锁文件 {lock}：{e}"),
    (
        "not_a_size",
        "`{s}` is not a size in MiB: give a whole number from 1 to {max} (the default is {default})",
        "`{s}` 不是以 MiB 计的大小：请给出 1 到 {max} 之间的整数（默认是 {default}）",
    ),
    (
        "at_line_col",
        "line {line}, column {col}",
        "第 {line} 行第 {col} 列",
    ),
    (
        "res_not_regular",
        "is not a regular file, expected a YAML file",
        "不是普通文件，应为 YAML 文件",
    ),
    (
        "res_too_large",
        "file is {len} bytes, larger than the {limit} byte limit for a data file (raise it with --max-file-mb)",
        "文件有 {len} 字节，超过数据文件 {limit} 字节的上限（可用 --max-file-mb 提高）",
    ),
    (
        "res_id",
        "resource id `{id}` must be letters, digits, `_` or `-`",
        "资源 id `{id}` 只能用字母、数字、`_` 或 `-`",
    ),
    (
        "res_twice",
        "resource `{id}` appears twice",
        "资源 `{id}` 出现了两次",
    ),
    (
        "res_url",
        "resource `{id}`: url must be an http(s) address",
        "资源 `{id}`：`url` 必须是 http(s) 地址",
    ),
    (
        "res_checked",
        "resource `{id}`: checked `{checked}` is not a date (YYYY-MM-DD)",
        "资源 `{id}`：`checked` 的值 `{checked}` 不是日期（YYYY-MM-DD）",
    ),
    (
        "res_no_skill",
        "resource `{id}` serves no skill",
        "资源 `{id}` 没有对应任何技能",
    ),
    (
        "res_skill",
        "resource `{id}`: unknown skill `{skill}`",
        "资源 `{id}`：未知技能 `{skill}`",
    ),
    (
        "res_title",
        "resource `{id}` needs a title and a publisher",
        "资源 `{id}` 需要标题和发布者",
    ),
    (
        "effort_skill",
        "effort: unknown skill `{skill}`",
        "`effort`：未知技能 `{skill}`",
    ),
    (
        "effort_twice",
        "effort: skill `{skill}` is given twice",
        "`effort`：技能 `{skill}` 写了两次",
    ),
    (
        "effort_hours",
        "effort of `{skill}`: hours must be [low, high] with 0 < low <= high",
        "`{skill}` 的 `effort`：小时数必须写成 `[low, high]`，且 0 < `low` <= `high`",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of a template's `{name}` places, sorted, each once.
    fn places(template: &str) -> Vec<&str> {
        let mut out: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn every_row_has_one_key_and_the_same_places_in_both_languages() {
        let mut keys = std::collections::HashSet::new();
        for (key, en, zh) in FILE_MSGS {
            assert!(keys.insert(key), "{key} twice");
            assert_eq!(places(en), places(zh), "{key}");
            let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
            let chars: Vec<char> = zh.chars().collect();
            let half = chars.windows(2).any(|w| {
                (han(w[0]) && matches!(w[1], '(' | ')' | ':' | ','))
                    || (matches!(w[0], '(' | ')') && han(w[1]))
            });
            assert!(!half, "{key}: half-width punctuation against Chinese: {zh}");
        }
    }

    #[test]
    fn a_message_is_said_in_either_language() {
        let m = Msg::new("id_duplicate")
            .arg("kind", Arg::Word("role"))
            .text("id", "x{id}");
        assert_eq!(m.render(Lang::En), "duplicate role id `x{id}`");
        assert_eq!(m.render(Lang::Zh), "角色 id `x{id}` 重复");
        let literal = Msg::new("history_unread").text("name", "history");
        assert!(
            literal.to_string().contains("{date, skill, state}"),
            "{literal}"
        );
    }

    #[test]
    fn a_readers_message_keeps_its_values_and_says_the_rest_in_chinese() {
        assert_eq!(
            reader_zh("a[0].b: invalid type: string \"x\", expected u32"),
            "`a[0].b`：类型不对：文本 `\"x\"`，应为整数（`u32`）"
        );
        assert_eq!(
            reader_zh("unknown field `colour`, expected one of `a`, `b`"),
            "未知字段 `colour`，应为 `a`, `b`"
        );
        assert_eq!(reader_zh("missing field `id`"), "缺少字段 `id`");
        assert!(reader_zh("did not find expected key").contains("“did not find expected key”"));
    }
}
