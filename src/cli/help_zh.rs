//! clap's help and usage errors in Chinese. The command tree is defined once
//! in English (`cli::Cli`); under Chinese (`--lang zh`, else
//! `CAREER_EXPLORER_LANG` or a `zh…` locale) [`localize`] replaces every
//! `about`, every argument's `help` and clap's own template words with the
//! Chinese text below, so `--help` of every subcommand reads in one language.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgMatches, Command, CommandFactory, FromArgMatches};

use crate::cli::Cli;

/// Parses the process's arguments like `Cli::parse`, with the help and the
/// usage errors in Chinese when the language asked for is Chinese.
pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let zh = wants_chinese(&args, |k| std::env::var(k).ok());
    let cmd = if zh {
        localize(Cli::command())
    } else {
        Cli::command()
    };
    let result = cmd
        .try_get_matches_from(&args)
        .and_then(|m: ArgMatches| Cli::from_arg_matches(&m));
    match result {
        Ok(cli) => cli,
        Err(e) if zh => exit_zh(e),
        Err(e) => e.exit(),
    }
}

/// Whether the arguments (`--lang zh`, `--lang=zh`) or, without the flag,
/// the environment (`env` looks one up) ask for Chinese.
pub fn wants_chinese(args: &[std::ffi::OsString], env: impl Fn(&str) -> Option<String>) -> bool {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    for (i, a) in args.iter().enumerate() {
        if let Some(v) = a.strip_prefix("--lang=") {
            return v == "zh";
        }
        if a == "--lang" {
            return args.get(i + 1).is_some_and(|v| v == "zh");
        }
    }
    crate::cli::early_lang(None, env) == career_core::model::Lang::Zh
}

/// `cmd` with every text clap prints in Chinese: the about of each command,
/// the help of each argument, the help template's headings.
pub fn localize(mut cmd: Command) -> Command {
    // Built first, so clap's own `--help`, `--version` and `help` exist to translate.
    cmd.build();
    translate(cmd, "")
}

/// The help layout with Chinese headings (clap's own words are English).
const TEMPLATE: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// Applies the Chinese texts to `cmd` (its path is `path`) and its
/// subcommands, recursively.
fn translate(mut cmd: Command, path: &str) -> Command {
    let here = if path.is_empty() {
        cmd.get_name().to_string()
    } else {
        format!("{path} {}", cmd.get_name())
    };
    if let Some(about) = about_zh(&here) {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    if path.is_empty() {
        cmd = cmd.after_help(AFTER_HELP_ZH);
    }
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .trim_start_matches("Usage: ")
        .replace("[OPTIONS]", "[选项]")
        .replace("[COMMAND]", "[命令]")
        .replace("<COMMAND>", "<命令>");
    cmd = cmd
        .help_template(TEMPLATE)
        .override_usage(usage)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .mut_args(|a| {
            let id = a.get_id().as_str().to_string();
            let a = match arg_zh(&here, &id) {
                Some(h) => {
                    let h = with_values(h, &a);
                    a.help(h).long_help(None::<&str>)
                }
                None => a,
            };
            let a = a.hide_possible_values(true).hide_default_value(true);
            if a.is_positional() {
                a.help_heading("参数")
            } else {
                a.help_heading("选项")
            }
        });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let here = here.clone();
        cmd = cmd.mut_subcommand(name, move |s| translate(s, &here));
    }
    cmd
}

/// `help` followed by the argument's choices and default, in Chinese (clap
/// prints them in English, so they are hidden from its own line).
fn with_values(help: &str, a: &clap::Arg) -> String {
    let mut out = help.to_string();
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && a.get_action().takes_values() {
        out.push_str(&format!("（可选值：{}）", values.join("、")));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && a.get_action().takes_values() {
        out.push_str(&format!("（默认：{}）", defaults.join("、")));
    }
    out
}

const AFTER_HELP_ZH: &str = "示例：\n  career-explorer                          启动程序\n  career-explorer --lang zh                以中文启动\n  career-explorer show ai_engineer         查看一个角色的全部内容\n  career-explorer compare ml_engineer ai_engineer\n  career-explorer search langchain --json  供脚本使用\n  career-explorer export --format markdown --output me.md\n  career-explorer validate --data ./my-data\n  career-explorer completions bash > ~/.local/share/bash-completion/completions/career-explorer\n\n输出到管道或文件时文字从不截断；在终端中按终端宽度排版（或用 --width N 指定）。\n\n退出状态：0 成功（读取输出的一方提前关闭时也是，如 | head）；1 搜索无结果或运行出错；\n2 输入或用法有误（没有终端时启动全屏程序也是）。";

/// The Chinese about of the command at `path` ("career-explorer postings import").
fn about_zh(path: &str) -> Option<&'static str> {
    let sub = path.strip_prefix("career-explorer").unwrap_or(path).trim();
    if sub == "help" || sub.ends_with(" help") {
        return Some("显示帮助，或给定子命令的帮助");
    }
    if let Some(rest) = sub.strip_prefix("help ") {
        return about_zh(&format!("career-explorer {rest}"));
    }
    Some(match sub {
        "" => {
            "在终端里探索 AI 工程师职业：API 分界线、角色对比、技能清单与真实招聘启事的任职要求。"
        }
        "roles" => "列出角色：id、所在侧、光谱位置、名称。",
        "show" => "完整显示一个角色，以及你对它的准备度。",
        "compare" => "逐项对比两个角色。",
        "skills" => "列出技能清单及你每项的状态；用 set 子命令设置状态、笔记和证据。",
        "skills set" => {
            "设置一项或多项技能的状态、笔记或证据，与面板 3 的空格键、p、x、n、E 相同；与进度文件合并保存，和程序保存时一样；先核对全部 id，有一个未知就一项也不改。"
        }
        "search" => "模糊搜索角色、技能、招聘启事的条目和背景话题。",
        "progress" => "你的进度摘要：技能、各角色准备度、与招聘启事的匹配。",
        "export" => "写出一份报告（技能状态与笔记、准备度、每份招聘启事的差距）。",
        "validate" => "检查一个数据文件夹，报告发现的每个问题。",
        "screenshots" => "把每个面板（中英文，100x30）渲染成 SVG，有 rsvg-convert 时另存 PNG。",
        "schema" => "输出某类数据文件或进度文件的 JSON Schema（见 docs/DATA.md）。",
        "data" => "把内置数据文件（及其 Schema）写到一个文件夹，供你改成自己的数据。",
        "postings" => {
            "列出招聘启事（内置的和你自己的）及你的技能覆盖率；导入一则招聘启事；删除你自己的。"
        }
        "plan" => {
            "学习计划：你的招聘启事（或其中一则、或一个角色）还缺的技能，基础在前，每项附学习资源、我们估计的用时，以及按你的节奏算出的目标日期。"
        }
        "demand" => {
            "你的招聘启事要求的技能，按被要求的次数排序，附你的状态，以及勾选每项能补全几条任职要求。"
        }
        "postings show" => {
            "一则招聘启事：每条任职要求的标记（已覆盖、部分覆盖、未覆盖、未映射）、类别、年限核对和每项技能的依据。"
        }
        "postings edit" => {
            "修改你自己的一则招聘启事中的一条任职要求：增删技能，或设为加分项或必需；改动原地保存在它的文件中。"
        }
        "postings import" => {
            "读入招聘启事（文本、保存的网页或网址；中文或英文），存为你自己的招聘启事。"
        }
        "postings remove" => "删除你自己的一份招聘启事（内置的不能删除）。",
        "profile" => "查看或设置你的工作年限和当前角色（面板 4 的经验检查和 gap 命令会用到）。",
        "gap" => "某份招聘启事（或 AI 工程师角色）需要、而你当前角色不涵盖的技能：要补的差距。",
        "completions" => "输出 shell 补全脚本（bash、zsh、fish、elvish、powershell）。",
        "config" => {
            "显示当前生效的设置及各自来源（参数、环境变量、配置文件、默认值）；--default 输出一份带注释的配置文件。"
        }
        "man" => "输出本手册页（roff 格式）：career-explorer man > career-explorer.1",
        "notes" => {
            "输出背景内容（即 i 浮层）：模型的特点、所需能力、延伸话题与来源；或按 id 输出其中一项。"
        }
        _ => return None,
    })
}

/// The Chinese help of argument `id` of the command at `path`.
fn arg_zh(path: &str, id: &str) -> Option<&'static str> {
    let sub = path.strip_prefix("career-explorer").unwrap_or(path).trim();
    Some(match (sub, id) {
        ("progress", "json") => "以 JSON 输出完整报告（与导出的结构相同，见 docs/EXPORT.md）。",
        (_, "data") => {
            "从这个文件夹读取 YAML 数据，而不是内置数据（默认：CAREER_EXPLORER_DATA，其次是配置文件的 data）。"
        }
        (_, "lang") => {
            "界面语言（默认：CAREER_EXPLORER_LANG、配置文件、LC_ALL / LC_MESSAGES / LANG，最后是上次运行时的语言）。"
        }
        (_, "progress") => "进度文件（默认：$XDG_DATA_HOME/career-explorer/progress.yaml）。",
        (_, "color") => {
            "程序中的颜色：auto（未设置 NO_COLOR 时开启）、always 或 never（默认：配置文件中的值，其次是 auto）。"
        }
        (_, "max_file_mb") => {
            "--data 可读取的单个数据文件上限，单位 MiB（默认 4；也可设置 CAREER_EXPLORER_MAX_FILE_MB）。"
        }
        (_, "width") => {
            "把文字输出截断或折行到 N 列（至少 40）。默认：终端宽度；输出到管道或文件时不截断。"
        }
        ("postings import", "json") => {
            "以 JSON 输出这份招聘启事（含薪资、未采用的行及原因和警告），不输出报告和 YAML；多则招聘启事时输出数组，每项含其结果。"
        }
        (_, "json") => "以 JSON 输出，供脚本使用。",
        (_, "help") => "显示帮助",
        (_, "version") => "显示版本号",
        ("show", "role") => "角色 id，例如 ai_engineer（见 career-explorer roles）。",
        ("compare", "left") => "左侧角色的 id。",
        ("compare", "right") => "右侧角色的 id。",
        ("search", "query") => "要搜索的内容：名称、工具或关键词，中英文皆可。",
        ("search", "kind") => "只搜索这一类：角色、技能、任职要求、岗位职责或背景话题。",
        ("search", "limit") => "最多显示几条结果。",
        ("export", "format") => "报告格式：markdown 或 json。",
        ("export", "output") => "写到这个文件，而不是标准输出。",
        ("screenshots", "out") => "存放截图的文件夹。",
        ("schema", "kind") => "数据文件的种类，或 progress（进度文件）。",
        ("data", "out") => "写出数据的文件夹（须为空或不存在）。",
        ("postings import", "files") => {
            "每一则招聘启事：文本文件、保存的网页（.html）、http(s) 网址、文件夹（读其中的 .html、.htm、.txt 和 .md 文件），或用 - 表示标准输入。"
        }
        ("postings import", "company") => {
            "招聘的公司（缺省取网页 JobPosting 数据中的雇主，再取招聘启事中明确的线索如“About X”“关于X”，再缺省为“Unknown company”）。"
        }
        ("postings import", "title") => {
            "职位名称（缺省取网页 JobPosting 数据中的职位，再缺省取招聘启事的第一行，若它像一个标题）。"
        }
        ("postings import", "timeout") => "读取一个网址的时间上限（秒）。",
        ("postings import", "id") => "这份招聘启事的 id（缺省由公司和职位名称生成）。",
        ("postings import", "role") => "这份招聘启事招聘的角色 id。",
        ("postings import", "dry_run") => "只输出这份招聘启事的 YAML，不保存任何内容。",
        ("plan", "posting") => "一则招聘启事（见 career-explorer postings）。",
        ("plan", "all") => "你全部的招聘启事（你还没有时用全部招聘启事）：缺省即此。",
        ("plan", "role") => "一个角色，例如 ai_engineer（见 career-explorer roles）。",
        ("plan", "hours_per_week") => "你每周学习的小时数（缺省取配置文件中的 hours_per_week）。",
        ("progress", "history") => {
            "你的技能状态每一次改动及日期，以及按周的数字（完成的技能、准备度、覆盖率）。"
        }
        ("progress", "since") => "与 --history 一起用：从这一天起（YYYY-MM-DD）。",
        ("postings show" | "postings edit", "id") => "招聘启事 id（见 career-explorer postings）。",
        ("postings edit", "item") => {
            "任职要求的 id，例如 Q3（用 postings 的 show 子命令可以查看）。"
        }
        ("postings edit", "add") => "要加上的技能 id（可重复）。",
        ("postings edit", "remove") => "要去掉的技能 id（可重复）。",
        ("postings edit", "preferred") => "设为加分项（计一半）。",
        ("postings edit", "required") => "设为必需。",
        ("postings remove", "id") => "要删除的招聘启事 id（只能是你自己的）。",
        ("profile", "years") => "你的工作年限（0–60）。",
        ("profile", "role") => "角色 id，例如 fullstack_engineer（见 career-explorer roles）。",
        ("profile", "clear") => "清除已填写的年限和角色。",
        ("gap", "posting") => "招聘启事 id（见 career-explorer postings）；缺省为 AI 工程师角色。",
        ("gap", "role") => "从这个角色算起，而不是你档案中的角色。",
        ("completions", "shell") => "shell 的名称。",
        ("config", "default") => "输出一份所有设置都取默认值、并带注释的配置文件。",
        ("notes", "id") => "一个话题或来源的 id，例如 contempt_chain（省略时输出全部）。",
        _ => return skills_arg_zh(sub, id),
    })
}

/// The Chinese help of argument `id` of `skills set` (`sub` is the path
/// after the program's name).
fn skills_arg_zh(sub: &str, id: &str) -> Option<&'static str> {
    Some(match (sub, id) {
        ("skills set", "ids") => "技能 id，例如 python、rag（见 career-explorer skills）。",
        ("skills set", "state") => "新的状态。",
        ("skills set", "note") => "笔记，替换原有的笔记（\"\" 即清除）。",
        ("skills set", "evidence") => "能证明这项技能的东西：网址或路径（\"\" 即清除）。",
        ("skills set", "evidence_date") => "证据的日期（缺省为今天）。",
        ("skills set", "dry_run") => "只说明会改动什么，不保存任何内容。",
        _ => return None,
    })
}

/// Prints a usage error in Chinese and exits as clap would (status 2; 0 for
/// `--help` and `--version`, which clap renders from the Chinese texts).
fn exit_zh(e: clap::Error) -> ! {
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.exit()
    }
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => career_core::text::sanitize(s),
        Some(ContextValue::Strings(v)) => career_core::text::sanitize(&v.join("、")),
        _ => String::new(),
    };
    let what = ctx(ContextKind::InvalidArg);
    let value = ctx(ContextKind::InvalidValue);
    let valid = ctx(ContextKind::ValidValue);
    let msg = match e.kind() {
        ErrorKind::UnknownArgument => format!("未知参数“{what}”"),
        ErrorKind::InvalidSubcommand => {
            format!("未知命令“{}”", ctx(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue if valid.is_empty() => format!("参数 {what} 的值“{value}”无效"),
        ErrorKind::InvalidValue => format!("参数 {what} 的值“{value}”无效；可选值：{valid}"),
        ErrorKind::ValueValidation => format!("参数 {what} 的值“{value}”无效"),
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{what}"),
        ErrorKind::ArgumentConflict => match ctx(ContextKind::PriorArg) {
            prior if prior.is_empty() => format!("参数 {what} 不能与其他参数同时使用"),
            prior => format!("参数 {what} 不能与 {prior} 同时使用"),
        },
        ErrorKind::TooManyValues if !value.is_empty() => {
            format!("多余的参数“{value}”")
        }
        ErrorKind::TooManyValues => "多余的参数".to_string(),
        ErrorKind::WrongNumberOfValues | ErrorKind::NoEquals => {
            format!("参数 {what} 的值个数不对")
        }
        ErrorKind::MissingSubcommand => "缺少子命令".to_string(),
        ErrorKind::InvalidUtf8 => "参数不是有效的 UTF-8 文本".to_string(),
        _ => "命令行用法有误".to_string(),
    };
    // clap's "a similar argument / command exists" tip, in Chinese.
    let similar = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|k| match e.get(k) {
        Some(ContextValue::String(s)) => Some(vec![s.clone()]),
        Some(ContextValue::Strings(v)) if !v.is_empty() => Some(v.clone()),
        _ => None,
    })
    .map(|v| {
        let quoted: Vec<String> = v
            .iter()
            .map(|s| format!("`{}`", career_core::text::sanitize(s)))
            .collect();
        quoted.join(" 或 ")
    });
    let tip = similar.map_or_else(String::new, |s| format!("\n\n提示：你是不是要输入 {s}？"));
    eprintln!("错误：{msg}{tip}\n\n运行 career-explorer --help（或 某命令 --help）查看用法。");
    std::process::exit(2)
}
