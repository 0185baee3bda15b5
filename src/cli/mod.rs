//! Command-line parsing and the non-interactive commands.

pub mod commands;
pub mod help_zh;
pub mod import_many;
pub mod man;
pub mod out;
pub mod plan;
pub mod posting_edit;
pub mod postings;
pub mod skills_set;

pub use out::{Out, cli_text, say, warn};

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::tui;

use crate::tui::app::App;
use crate::tui::ui;
use anyhow::Context;
use career_core::model::{Catalog, Lang};
use career_core::report;
use career_core::search;
use career_core::store::loader;
use career_core::store::progress::{self, Progress};

#[derive(Parser, Debug)]
#[command(
    name = "career-explorer",
    version,
    about = "Explore the AI Engineer career in your terminal: the API boundary, role comparison, a skills checklist and real job requirements.",
    after_help = "Examples:\n  career-explorer                          start the app\n  career-explorer --lang zh                start in Chinese\n  career-explorer show ai_engineer         one role in full\n  career-explorer compare ml_engineer ai_engineer\n  career-explorer search langchain --json  for scripts\n  career-explorer export --format markdown --output me.md\n  career-explorer validate --data ./my-data\n  career-explorer completions bash > ~/.local/share/bash-completion/completions/career-explorer\n\nText output into a pipe or a file is never cut; on a terminal it fits the\nterminal's width (or --width N).\n\nExit status: 0 ok (also when the reader of the output goes away, as with | head);\n1 search found nothing, or a runtime error; 2 bad input or usage (also: the\nfull-screen app started without a terminal)."
)]
pub struct Cli {
    /// Load the YAML files from this folder instead of the bundled data
    /// (default: `CAREER_EXPLORER_DATA`, else the config file's `data`).
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Language of the interface (default: `CAREER_EXPLORER_LANG`, the config
    /// file, `LC_ALL` / `LC_MESSAGES` / LANG, then the last run's).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Progress file (default: $XDG_DATA_HOME/career-explorer/progress.yaml).
    #[arg(long, global = true, value_name = "FILE")]
    pub progress: Option<PathBuf>,
    /// Colours in the app: auto (on unless `NO_COLOR` is set), always or never
    /// (default: the config file's, else auto).
    #[arg(long, global = true, value_enum)]
    pub color: Option<ColorArg>,
    /// Largest data file --data may load, in MiB (default 4; or set
    /// `CAREER_EXPLORER_MAX_FILE_MB`). Raise it for very large catalogs.
    #[arg(
        long,
        global = true,
        value_name = "MiB",
        allow_negative_numbers = true,
        value_parser = loader::parse_max_file_mb
    )]
    pub max_file_mb: Option<u64>,
    /// Cut or wrap text output to N columns (at least 40). Default: the
    /// terminal's width; into a pipe or a file, nothing is cut.
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(40..))]
    pub width: Option<u16>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    En,
    Zh,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Role,
    Skill,
    Posting,
    Requirement,
    Responsibility,
    Note,
}

impl From<KindArg> for search::Kind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Role => search::Kind::Role,
            KindArg::Skill => search::Kind::Skill,
            KindArg::Posting => search::Kind::Posting,
            KindArg::Requirement => search::Kind::Requirement,
            KindArg::Responsibility => search::Kind::Responsibility,
            KindArg::Note => search::Kind::Note,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List the roles: id, side of the API line, place on the spectrum, name.
    Roles {
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Show one role in full, with your readiness for it; or one skill, with
    /// its demand in job ads and the checklist tasks that practise it.
    Show {
        /// A role id, e.g. `ai_engineer` (see `career-explorer roles`), or a
        /// skill id, e.g. python or S10 (see `career-explorer skills`).
        role: String,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Compare two roles dimension by dimension.
    Compare {
        /// The left role's id.
        left: String,
        /// The right role's id.
        right: String,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// List the skills with your state for each; set states, notes and
    /// evidence (`skills set`).
    Skills {
        #[command(subcommand)]
        action: Option<crate::cli::skills_set::SkillsAction>,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Fuzzy-search roles, skills, posting items and the background topics.
    Search {
        /// What to look for: a name, a tool or a word, in English or Chinese.
        query: String,
        /// Search only this kind of item.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
        /// Show at most this many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Print a summary of your progress: skills, readiness per role, job match.
    Progress {
        /// The full report as JSON (the export's shape, see docs/EXPORT.md).
        #[arg(long)]
        json: bool,
        /// The changes of your skills' states with their days, and the
        /// figures by week (skills done, readiness, coverage).
        #[arg(long)]
        history: bool,
        /// With --history: from this day on (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", requires = "history")]
        since: Option<String>,
    },
    /// A learning plan: the skills you still lack for your postings (or one
    /// posting, or a role), foundations first, each with resources, our
    /// effort estimate and a target date at your pace.
    Plan {
        /// One posting (see `career-explorer postings`).
        #[arg(long, value_name = "ID", conflicts_with_all = ["all", "role"])]
        posting: Option<String>,
        /// All your postings (all postings when you have none): the default.
        #[arg(long, conflicts_with = "role")]
        all: bool,
        /// A role, e.g. `ai_engineer` (see `career-explorer roles`).
        #[arg(long, value_name = "ID")]
        role: Option<String>,
        /// Hours a week you study (default: the config file's `hours_per_week`).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=168))]
        hours_per_week: Option<u32>,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// The skills your postings ask for, most asked first, with your state
    /// and what ticking each would complete.
    Demand {
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Write a report (states and notes, readiness, gap per posting).
    Export {
        /// The report's format.
        #[arg(long, value_enum, default_value = "markdown")]
        format: Format,
        /// Write here instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Check a data folder and report every problem found.
    Validate,
    /// Render every pane (English and Chinese, 100x30) to SVG, and PNG where rsvg-convert exists.
    Screenshots {
        /// The folder the pictures go to.
        #[arg(long, value_name = "DIR", default_value = "screenshots")]
        out: PathBuf,
    },
    /// Print the JSON Schema of a data file kind or the progress file (see docs/DATA.md).
    Schema {
        /// A data file kind, or progress (the progress file).
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(career_core::schema::KINDS))]
        kind: String,
    },
    /// Write the bundled data files (and their schemas) to a folder, to edit as your own.
    Data {
        /// The folder to write to (new, or empty).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// List the postings, bundled and your own, with your skill coverage;
    /// import a job ad as your own posting; remove one of yours.
    Postings {
        #[command(subcommand)]
        action: Option<crate::cli::postings::PostingsAction>,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Show or set your years of experience and current role (pane 4's
    /// experience checks and `gap` read them).
    Profile {
        /// Your years of experience (0–60).
        #[arg(long, value_parser = clap::value_parser!(u32).range(0..=i64::from(progress::MAX_YEARS)))]
        years: Option<u32>,
        /// A role id, e.g. `fullstack_engineer` (see `career-explorer roles`).
        #[arg(long, value_name = "ID")]
        role: Option<String>,
        /// Forget the years and role given.
        #[arg(long)]
        clear: bool,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// The skills a posting (or the AI Engineer role) needs that your
    /// current role does not: the gap to close.
    Gap {
        /// A posting id (see `career-explorer postings`); else the AI Engineer role.
        #[arg(long, value_name = "ID")]
        posting: Option<String>,
        /// Measure from this role instead of your profile's.
        #[arg(long, value_name = "ID")]
        role: Option<String>,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the settings in force and where each came from (flag,
    /// environment, config file, default); --default prints a commented
    /// config file to start from.
    Config {
        /// Print a config file with every setting at its default, commented.
        #[arg(long)]
        default: bool,
    },
    /// Print this manual page (roff): career-explorer man > career-explorer.1
    Man,
    /// Print the background (the `i` overlay): model traits, capabilities,
    /// more topics and sources; or one of them by id.
    Notes {
        /// A note or source id, e.g. `contempt_chain` (all when omitted).
        id: Option<String>,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
}

/// Picks the language from the flag, else the locale variables (`env` looks one up).
pub fn pick_lang(flag: Option<LangArg>, env: impl Fn(&str) -> Option<String>) -> Lang {
    match flag {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Zh) => Lang::Zh,
        None => {
            // POSIX order: the first of these that is set and not empty wins.
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| env(v))
                .find(|v| !v.is_empty())
                .unwrap_or_default();
            if locale.to_ascii_lowercase().starts_with("zh") {
                Lang::Zh
            } else {
                Lang::En
            }
        }
    }
}

/// The language known before the config file is read, for clap's help and
/// usage errors and for errors before the settings: the flag, else
/// `CAREER_EXPLORER_LANG` (`en` or `zh`), else the locale (`env` looks a
/// variable up).
pub fn early_lang(flag: Option<LangArg>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if flag.is_none() {
        match env(crate::config::LANG_ENV)
            .map(|v| v.to_ascii_lowercase())
            .as_deref()
        {
            Some("zh") => return Lang::Zh,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    pick_lang(flag, env)
}

/// The per-file limit: the flag, else `CAREER_EXPLORER_MAX_FILE_MB` (`env`
/// looks it up; empty counts as unset), else the default 4 MiB.
pub fn pick_limits(
    flag: Option<u64>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<loader::Limits, String> {
    if let Some(mb) = flag {
        return Ok(loader::Limits::from_mb(mb));
    }
    match env(loader::MAX_FILE_MB_ENV).filter(|v| !v.is_empty()) {
        Some(v) => loader::parse_max_file_mb(&v)
            .map(loader::Limits::from_mb)
            .map_err(|_| {
                let lang = out::lang();
                format!(
                    "{}{}{}",
                    loader::MAX_FILE_MB_ENV,
                    career_core::i18n::colon(lang),
                    loader::not_a_size(&v).render(lang)
                )
            }),
        None => Ok(loader::Limits::default()),
    }
}

pub fn main() -> ExitCode {
    let cli = help_zh::parse();
    out::set_lang(early_lang(cli.lang, |k| std::env::var(k).ok()));
    let out = Out::stdout(cli.width);
    // These need neither the config file nor the data.
    match &cli.command {
        Some(Command::Config { default: true }) => {
            return exit_with(out.write(&crate::config::default_file(out::lang())));
        }
        Some(Command::Man) => return exit_with(out.write(&man::page())),
        _ => {}
    }
    // A config file that does not read stops everything: nothing runs on half of it.
    let settings = match settings(&cli) {
        Ok(s) => s,
        Err(e) => {
            say(&format!(
                "{}{}\n",
                cli_text().error,
                career_core::text::sanitize(&e.render(out::lang()))
            ));
            return ExitCode::from(2);
        }
    };
    if let Some(l) = settings.lang.0 {
        out::set_lang(l);
    }
    if let Some(code) = run_without_data(&cli, &settings, out) {
        return code;
    }
    let (catalog, own_problems) = match load_data(&cli, &settings) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let lang = settings.lang.0.unwrap_or(Lang::En);
    let mono = settings.monochrome;
    ui::theme::set_monochrome(mono);
    let term = std::env::var("TERM").ok();
    ui::link::set_enabled(ui::link::wanted(mono, term.as_deref()));
    let result = match cli.command {
        None => run_tui(catalog, &settings, cli.progress, &own_problems),
        Some(cmd) => run_command(cmd, &catalog, lang, cli.progress, out),
    };
    exit_with(result)
}

/// Runs the commands that do not depend on the data (they work even when
/// --data is broken) and gives their exit status; `None` for the others.
fn run_without_data(cli: &Cli, settings: &crate::config::Settings, out: Out) -> Option<ExitCode> {
    match &cli.command {
        Some(Command::Config { .. }) => Some(exit_with(
            out.write(&crate::config::describe(settings, out::lang())),
        )),
        Some(Command::Schema { kind }) => Some(exit_with(
            out.write(&career_core::schema::schema_json(kind).unwrap_or_default()),
        )),
        Some(Command::Data { out: dir }) => Some(exit_with(write_data(dir, out))),
        _ => None,
    }
}

/// Loads the catalog (with the user's own postings joined to the bundled
/// data) and the resources, and sets the plan's context. Gives the catalog and
/// the own postings left out, or the exit status when loading stops the run.
fn load_data(
    cli: &Cli,
    settings: &crate::config::Settings,
) -> Result<(Catalog, Vec<career_core::error::Problem>), ExitCode> {
    let limits = match pick_limits(cli.max_file_mb, |k| std::env::var(k).ok()) {
        Ok(l) => l,
        Err(e) => {
            say(&format!(
                "{}{}\n",
                cli_text().error,
                career_core::text::sanitize(&e)
            ));
            return Err(ExitCode::from(2));
        }
    };
    let data = settings.data.0.clone();
    let mut catalog = match loader::load_with(data.as_deref(), limits) {
        Ok(c) => c,
        Err(e) => {
            // The same shape as every other error: `error: ` and the text.
            say(&format!("{}{}", cli_text().error, e.render(out::lang())));
            return Err(ExitCode::from(2));
        }
    };
    // The user's own postings join the bundled data (`--data` replaces both).
    let own_problems = match (&data, career_core::store::own::default_data_dir()) {
        (None, Some(dir)) => career_core::store::own::attach(
            &mut catalog,
            &career_core::store::own::postings_dir(&dir),
        ),
        _ => Vec::new(),
    };
    if !own_problems.is_empty() && cli.command.is_some() {
        for p in &own_problems {
            warn(&career_core::i18n::fill(
                cli_text().own_left_out,
                &[("problem", &p.render(out::lang()))],
            ));
        }
        if matches!(cli.command, Some(Command::Validate)) {
            return Err(ExitCode::from(2));
        }
    }
    let resources = match career_core::resources::load(data.as_deref(), &catalog, limits) {
        Ok(r) => r,
        Err(e) => {
            say(&e.render(out::lang()));
            return Err(ExitCode::from(2));
        }
    };
    plan::set_context(plan::Context {
        resources,
        hours_per_week: settings.hours_per_week.0,
    });
    Ok((catalog, own_problems))
}

/// The settings in force: the flags, the environment and the config file
/// (see [`crate::config`]).
fn settings(cli: &Cli) -> Result<crate::config::Settings, crate::config::ConfigError> {
    use crate::config::{self, ColorMode, Flags};
    let path = config::default_path();
    let file = match &path {
        Some(p) => config::load(p)?,
        None => None,
    };
    let flags = Flags {
        lang: cli.lang.map(|l| match l {
            LangArg::En => Lang::En,
            LangArg::Zh => Lang::Zh,
        }),
        color: cli.color.map(|c| match c {
            ColorArg::Auto => ColorMode::Auto,
            ColorArg::Always => ColorMode::Always,
            ColorArg::Never => ColorMode::Never,
        }),
        data: cli.data.clone(),
    };
    let found = file.is_some();
    Ok(config::resolve(
        &flags,
        file.as_ref(),
        path.map(|p| (p, found)),
        |k| std::env::var(k).ok(),
    ))
}

/// 0 on success; else the error on stderr and 2 for bad input, 1 otherwise.
fn exit_with(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is::<NoMatch>() => ExitCode::from(1),
        Err(e) => {
            say(&format!(
                "{}{}\n",
                cli_text().error,
                career_core::text::sanitize(&error_text(&e))
            ));
            ExitCode::from(if e.is::<BadInput>() { 2 } else { 1 })
        }
    }
}

/// The error and its causes joined by ": ", each cause said once: an error
/// whose own text already ends with its cause's (an I/O error quoted in the
/// message) does not repeat it.
pub fn error_text(e: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in e.chain() {
        // The system's reason in Chinese when the command line speaks it.
        let part = if let Some(e) = cause.downcast_ref::<progress::ProgressError>() {
            progress_error(e)
        } else {
            cause
                .downcast_ref::<std::io::Error>()
                .map_or_else(|| cause.to_string(), io_reason)
        };
        if text.ends_with(&part) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(if out::lang() == Lang::Zh { "：" } else { ": " });
        }
        text.push_str(&part);
    }
    text
}

fn run_command(
    cmd: Command,
    catalog: &Catalog,
    lang: Lang,
    progress_path: Option<PathBuf>,
    out: Out,
) -> anyhow::Result<()> {
    let width = out.width();
    let text = match cmd {
        Command::Validate => commands::validated(catalog, lang),
        Command::Roles { json } => commands::roles(catalog, lang, json, width),
        Command::Notes { id, json } => {
            commands::notes(catalog, id.as_deref(), lang, json, width).map_err(BadInput)?
        }
        Command::Skills {
            action: Some(action),
            ..
        } => return skills_set::run(action, catalog, lang, progress_path, out),
        cmd @ (Command::Show { .. } | Command::Compare { .. } | Command::Skills { .. }) => {
            run_catalog_view(cmd, catalog, lang, progress_path, width)?
        }
        Command::Search {
            query,
            kind,
            json,
            limit,
        } => {
            let kind = kind.map(Into::into);
            let (text, matched) = commands::search(catalog, &query, kind, limit, json, lang, width);
            if !matched {
                out.write(&text)?;
                say(&commands::no_match(&query, lang));
                return Err(NoMatch.into());
            }
            text
        }
        cmd @ (Command::Progress { .. } | Command::Plan { .. } | Command::Demand { .. }) => {
            run_planning(cmd, catalog, lang, progress_path, width)?
        }
        Command::Export { format, output } => {
            let text = export_text(catalog, lang, progress_path, format)?;
            match output {
                Some(path) => {
                    std::fs::write(&path, text).with_context(|| cannot("write", &path))?;
                    return Ok(());
                }
                None => text,
            }
        }
        Command::Screenshots { out: dir } => return write_screenshots(catalog, &dir, out),
        cmd @ (Command::Postings { .. } | Command::Profile { .. } | Command::Gap { .. }) => {
            return run_mine(cmd, catalog, lang, progress_path, out);
        }
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "career-explorer", &mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        }
        // Schema, Data, Config and Man.
        _ => unreachable!("handled before loading"),
    };
    out.write(&text)
}

/// The text of `show`, `compare` and `skills`: roles and skills with the
/// user's progress, `width` columns wide.
fn run_catalog_view(
    cmd: Command,
    catalog: &Catalog,
    lang: Lang,
    progress_path: Option<PathBuf>,
    width: usize,
) -> anyhow::Result<String> {
    let role = |id: &str| commands::find_role(catalog, id).map_err(BadInput);
    Ok(match cmd {
        Command::Show { role: id, json } => {
            let p = read_progress(progress_path)?;
            match catalog.skill_index(&id) {
                Some(s) if catalog.role_index(&id).is_none() => {
                    commands::show_skill(catalog, s, &p, lang, json, width)
                }
                _ => {
                    let r = catalog.role_index(&id).ok_or_else(|| {
                        let known: Vec<&str> =
                            catalog.roles.iter().map(|r| r.id.as_str()).collect();
                        BadInput(commands::unknown_id(
                            catalog,
                            cli_text().unknown_role,
                            &id,
                            &known,
                            &[search::Kind::Role, search::Kind::Skill],
                        ))
                    })?;
                    commands::show(catalog, r, &p, lang, json, width)
                }
            }
        }
        Command::Compare { left, right, json } => {
            let p = read_progress(progress_path)?;
            let pair = [role(&left)?, role(&right)?];
            commands::compare(catalog, pair, &p, lang, json, width)
        }
        Command::Skills { json, .. } => {
            commands::skills(catalog, &read_progress(progress_path)?, lang, json, width)
        }
        _ => unreachable!("only show, compare and skills come here"),
    })
}

/// The text of `progress` (with or without --history), `plan` and `demand`.
fn run_planning(
    cmd: Command,
    catalog: &Catalog,
    lang: Lang,
    progress_path: Option<PathBuf>,
    width: usize,
) -> anyhow::Result<String> {
    Ok(match cmd {
        Command::Progress {
            history: true,
            since,
            json,
        } => plan::history_text(
            catalog,
            &read_progress(progress_path)?,
            since.as_deref(),
            lang,
            json,
            width,
        )
        .map_err(BadInput)?,
        Command::Plan {
            posting,
            role,
            hours_per_week,
            json,
            ..
        } => {
            let t = plan::target(catalog, posting.as_deref(), role.as_deref()).map_err(BadInput)?;
            let p = read_progress(progress_path)?;
            plan::plan_text(catalog, &p, &t, hours_per_week, lang, json, width)
        }
        Command::Demand { json } => {
            plan::demand_text(catalog, &read_progress(progress_path)?, lang, json, width)
        }
        Command::Progress { json, .. } => {
            let r = report::build(catalog, &read_progress(progress_path)?, lang);
            if json {
                report::to_json(&r)
            } else {
                report::summary(&r, width)
            }
        }
        _ => unreachable!("only progress, plan and demand come here"),
    })
}

/// The report `export` writes, in `format`, with the plan attached.
fn export_text(
    catalog: &Catalog,
    lang: Lang,
    progress_path: Option<PathBuf>,
    format: Format,
) -> anyhow::Result<String> {
    let p = read_progress(progress_path)?;
    let mut r = report::build(catalog, &p, lang);
    plan::attach_plan(&mut r, catalog, &p, lang);
    Ok(match format {
        Format::Markdown => report::to_markdown(&r),
        Format::Json => report::to_json(&r),
    })
}

/// Writes the bundled YAML files to `out`, with the schemas beside them in
/// `out/schema/` and each file's editor comment pointing there.
///
/// `out` must not exist or be an empty folder: nothing is overwritten or
/// mixed in. The files are written into a hidden temporary folder beside
/// `out`, which is then renamed to `out`, so an interrupted run leaves no
/// half-written folder. The paths are printed only once all are in place.
fn write_data(out: &Path, writer: Out) -> anyhow::Result<()> {
    refuse_unless_new_or_empty(out)?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).with_context(|| cannot("create", parent))?;
    let tmp = tempfile::Builder::new()
        .prefix(".career-explorer-data-")
        // The usual folder mode (0777 less the umask), not tempfile's 0700.
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o777))
        .tempdir_in(parent)
        .with_context(|| cannot("create", parent))?;
    let names = data_files();
    std::fs::create_dir(tmp.path().join("schema")).with_context(|| cannot("write", tmp.path()))?;
    for (name, text) in &names {
        let path = tmp.path().join(name);
        std::fs::write(&path, text).with_context(|| cannot("write", &path))?;
    }
    // rename(2) replaces an empty folder; a folder that appeared meanwhile
    // with something in it makes it fail, and the temporary folder goes.
    std::fs::rename(tmp.path(), out).with_context(|| cannot("create", out))?;
    // Renamed away: nothing left for the guard to remove.
    let _ = tmp.keep();
    let listing: String = names
        .iter()
        .map(|(name, _)| format!("{}\n", out.join(name).display()))
        .collect();
    writer.write(&listing)
}

/// Ok when `out` does not exist or is an empty folder; else the bad-input
/// error that says why nothing is written there.
fn refuse_unless_new_or_empty(out: &Path) -> anyhow::Result<()> {
    let t = cli_text();
    let refuse =
        |why: String| -> anyhow::Error { BadInput(format!("{why}{}", t.choose_new_folder)).into() };
    if let Ok(meta) = std::fs::symlink_metadata(out) {
        if !meta.is_dir() {
            return Err(refuse(career_core::i18n::fill(
                t.not_a_folder,
                &[("path", &out.display().to_string())],
            )));
        }
        let mut entries = std::fs::read_dir(out).with_context(|| cannot("read", out))?;
        if let Some(entry) = entries.next() {
            let name = entry?.file_name();
            // How many, so one name does not read as all there is (F30).
            let n = 1 + entries.count();
            let template = if n == 1 {
                t.folder_not_empty
            } else {
                t.folder_not_empty_many
            };
            return Err(refuse(career_core::i18n::fill(
                template,
                &[
                    ("path", &out.display().to_string()),
                    ("name", &name.to_string_lossy()),
                    ("n", &n.to_string()),
                ],
            )));
        }
    }
    Ok(())
}

/// The files `data` writes: each bundled YAML file (its editor comment
/// pointing at `./schema/`) and the schemas, as (path inside the folder, text).
fn data_files() -> Vec<(PathBuf, String)> {
    let mut names: Vec<(PathBuf, String)> = Vec::new();
    for (name, text) in loader::FILES.iter().zip(loader::bundled_texts()) {
        let kind = career_core::schema::file_kind(name).unwrap_or_default();
        let text = text.replacen("$schema=../schema/", "$schema=./schema/", 1);
        names.push((PathBuf::from(name), text));
        names.push((
            Path::new("schema").join(format!("{kind}.schema.json")),
            career_core::schema::schema_json(kind).unwrap_or_default(),
        ));
    }
    names.push((
        PathBuf::from(career_core::resources::FILE),
        career_core::resources::bundled_text().replacen(
            "$schema=../schema/",
            "$schema=./schema/",
            1,
        ),
    ));
    names.push((
        Path::new("schema").join("resources.schema.json"),
        career_core::schema::schema_json("resources").unwrap_or_default(),
    ));
    names.push((
        Path::new("schema").join("progress.schema.json"),
        career_core::schema::schema_json("progress").unwrap_or_default(),
    ));
    names
}

/// The progress for a report; read only, so a broken file is left where it
/// is. Entries that do not read are warned about on stderr; the rest is used.
fn read_progress(path: Option<PathBuf>) -> anyhow::Result<Progress> {
    let Some(path) = path.or_else(progress::default_path) else {
        return Ok(Progress::new());
    };
    let p = progress::load(&path).map_err(|e| -> anyhow::Error {
        if e.is_bad_input() {
            BadInput(progress_error(&e)).into()
        } else if out::lang() == Lang::Zh {
            anyhow::anyhow!(progress_error(&e))
        } else {
            e.into()
        }
    })?;
    for bad in &p.disk.bad {
        warn(&career_core::text::sanitize(
            &bad.describe_in(&path, out::lang()),
        ));
    }
    Ok(p)
}

/// An error in what the user gave us (exit status 2), not in running.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadInput(pub String);

/// `search` found nothing: exit status 1, the message already on stderr.
#[derive(Debug, thiserror::Error)]
#[error("no match")]
pub struct NoMatch;

/// Why the full-screen app cannot run here, if it cannot: it needs stdin and
/// stdout to be terminals, and a `TERM` that is set, not empty and not
/// `dumb` (without one, nothing says the terminal reads escape sequences).
pub fn no_terminal_reason(
    stdin_is_tty: bool,
    stdout_is_tty: bool,
    term: Option<&str>,
) -> Option<&'static str> {
    if !stdout_is_tty {
        Some("stdout is not one")
    } else if !stdin_is_tty {
        Some("stdin is not one")
    } else if term == Some("dumb") {
        Some("TERM=dumb cannot show it")
    } else if term.is_none_or(str::is_empty) {
        Some("TERM is not set")
    } else {
        None
    }
}

fn run_tui(
    catalog: Catalog,
    settings: &crate::config::Settings,
    path: Option<PathBuf>,
    own_problems: &[career_core::error::Problem],
) -> anyhow::Result<()> {
    let term = std::env::var("TERM").ok();
    let stdin_tty = std::io::stdin().is_terminal();
    let stdout_tty = std::io::stdout().is_terminal();
    // Before anything is read or moved aside: a refused start changes nothing.
    if let Some(why) = no_terminal_reason(stdin_tty, stdout_tty, term.as_deref()) {
        let l = career_core::i18n::cli_labels(Lang::En);
        let why = l
            .terminal_why
            .iter()
            .position(|w| *w == why)
            .map_or(why, |i| cli_text().terminal_why[i]);
        return Err(BadInput(career_core::i18n::fill(
            cli_text().needs_terminal,
            &[("why", why)],
        ))
        .into());
    }
    let path = path.or_else(progress::default_path);
    let (progress, refused) = match &path {
        Some(p) => {
            progress::clean_stale_temp_files(p);
            match progress::load(p) {
                Ok(progress) => (progress, None),
                // Start anyway, with the message shown: saves then refuse to
                // write over the file until it reads (see progress::save_merged).
                Err(e) => (Progress::new(), Some(e)),
            }
        }
        None => (Progress::new(), None),
    };
    let remembered = tui::remember::load();
    let lang = remembered.lang_for(settings);
    let mut app = App::new(catalog, progress, lang);
    app.keys = std::sync::Arc::clone(&settings.keymap);
    app.copy_enabled = tui::clipboard::wanted(term.as_deref(), settings.copy.0);
    let (resources, hours) = plan::resources_and_pace();
    app.resources = std::sync::Arc::new(resources.clone());
    app.plan.hours_per_week = hours;
    remembered.restore(&mut app);
    let l = career_core::i18n::labels(lang);
    // Every notice on a line of its own: none hides another.
    let notices = match (&refused, &path) {
        (Some(e), _) => vec![format!("{} {}", l.not_read, e.render(lang))],
        (None, Some(p)) => startup_notice(&app, p).into_iter().collect(),
        (None, None) => Vec::new(),
    };
    for notice in notices {
        app.add_notice(notice);
    }
    // Until the first skill is ticked: where to start (USABILITY I12).
    if app.progress.skills.is_empty() && refused.is_none() {
        app.add_notice(career_core::i18n::first_run(lang).to_string());
    }
    if let Some(p) = &path
        && let Some(n) = progress::hard_links(p)
    {
        app.add_notice(format!("{} ({n})", l.hard_linked));
    }
    for (i, problem) in own_problems.iter().enumerate() {
        app.add_notice(format!(
            "{} {}/{}: {}",
            l.own_left_out,
            i + 1,
            own_problems.len(),
            problem.render(lang)
        ));
    }
    let result = tui::run(&mut app, path);
    tui::remember::save(&app);
    result
}

/// What the user should know at start: entries of the progress file at
/// `path` that do not read (each with its line and column; they are kept),
/// or entries for skills this data set does not have (kept, not shown).
pub fn startup_notice(app: &App, path: &Path) -> Option<String> {
    app.progress_notice(path)
}

/// The commands about the user's own postings and profile.
fn run_mine(
    cmd: Command,
    catalog: &Catalog,
    lang: Lang,
    progress_path: Option<PathBuf>,
    out: Out,
) -> anyhow::Result<()> {
    let text = match cmd {
        Command::Postings { action, json } => {
            match run_postings(action, json, catalog, lang, progress_path, out)? {
                Some(text) => text,
                None => return Ok(()),
            }
        }
        Command::Profile {
            years,
            role,
            clear,
            json,
        } => {
            let mut p = read_progress(progress_path.clone())?;
            if years.is_some() || role.is_some() || clear {
                save_profile(catalog, &mut p, progress_path, years, role, clear, lang)?;
            }
            postings::profile_text(catalog, &p, lang, json)
        }
        Command::Gap {
            posting,
            role,
            json,
        } => {
            let p = read_progress(progress_path)?;
            let Some(from) = role.or_else(|| p.profile.role.clone()) else {
                return Err(BadInput(cli_text().no_current_role.into()).into());
            };
            postings::gap_text(catalog, &p, &from, posting.as_deref(), lang, json, out)
                .map_err(BadInput)?
        }
        _ => unreachable!("only the commands above come here"),
    };
    out.write(&text)
}

/// `postings` and its actions: the text to print, or `None` when the action
/// (an import) has written its own output.
fn run_postings(
    action: Option<postings::PostingsAction>,
    json: bool,
    catalog: &Catalog,
    lang: Lang,
    progress_path: Option<PathBuf>,
    out: Out,
) -> anyhow::Result<Option<String>> {
    use crate::cli::postings::PostingsAction;
    let own_dir = || {
        career_core::store::own::default_data_dir()
            .map(|d| career_core::store::own::postings_dir(&d))
            .ok_or_else(|| anyhow::anyhow!(cli_text().no_home_postings))
    };
    Ok(Some(match action {
        None => postings::list(catalog, &read_progress(progress_path)?, lang, json, out),
        Some(PostingsAction::Import {
            files,
            company,
            title,
            id,
            role,
            dry_run,
            json,
            timeout,
        }) => {
            let opts = career_core::import::Options {
                company,
                title,
                id,
                role: Some(role),
                lang,
                ..Default::default()
            };
            let run = import_many::Run {
                dry_run,
                json,
                timeout: std::time::Duration::from_secs(timeout),
                lang,
                out,
            };
            import_many::run(catalog, &own_dir()?, &files, &opts, &run)?;
            return Ok(None);
        }
        Some(PostingsAction::Show { id, json }) => {
            crate::cli::posting_edit::show(catalog, &read_progress(progress_path)?, &id, lang, json)
                .map_err(BadInput)?
        }
        Some(PostingsAction::Edit {
            id,
            item,
            add,
            remove,
            preferred,
            required,
        }) => {
            let kind = (preferred || required).then_some(preferred);
            edit_posting(catalog, [&id, &item], &add, &remove, kind, lang)?
        }
        Some(PostingsAction::Remove { id }) => {
            use career_core::store::own::{RemoveError, remove};
            let i = postings::find_posting(catalog, &id).map_err(BadInput)?;
            if !catalog.is_own_posting(i) {
                return Err(BadInput(career_core::i18n::fill(
                    cli_text().bundled_not_removable,
                    &[("id", &id)],
                ))
                .into());
            }
            let file = remove(catalog, &id).map_err(|e| -> anyhow::Error {
                match e {
                    RemoveError::Input(why) => BadInput(why).into(),
                    RemoveError::System(why) => anyhow::anyhow!(why),
                }
            })?;
            career_core::i18n::fill(cli_text().removed, &[("file", &file.display().to_string())])
                + "\n"
        }
    }))
}

/// `postings edit` of requirement `item` of posting `id`: the text to
/// print, or the error in the command line's language (in English with
/// the Chinese too, as the ad may be in either), an unknown skill id
/// followed by the nearest ids.
fn edit_posting(
    catalog: &Catalog,
    [id, item]: [&str; 2],
    add: &[String],
    remove: &[String],
    kind: Option<bool>,
    lang: Lang,
) -> anyhow::Result<String> {
    use career_core::store::posting_edit::EditError;
    crate::cli::posting_edit::edit(catalog, id, item, add, remove, kind, lang).map_err(|e| {
        let mut text = if lang == Lang::Zh {
            e.message(lang).to_string()
        } else {
            e.to_string()
        };
        let unknown = add.iter().find(|s| catalog.skill_index(s).is_none());
        if let Some(s) = unknown.filter(|s| text.contains(&format!("`{s}`"))) {
            let near = commands::nearest_ids(catalog, s, &[search::Kind::Skill]);
            text.push_str(&commands::did_you_mean(&near));
        }
        match e {
            EditError::Input(_) => BadInput(text).into(),
            EditError::File(_) => anyhow::anyhow!(text),
        }
    })
}

/// Sets the profile in `p` from `profile`'s flags and saves it, merged per
/// field with what is on disk; refuses while the file's profile section does
/// not read, or when the role is not one of the catalog's.
fn save_profile(
    catalog: &Catalog,
    p: &mut Progress,
    progress_path: Option<PathBuf>,
    years: Option<u32>,
    role: Option<String>,
    clear: bool,
    lang: Lang,
) -> anyhow::Result<()> {
    let path = progress_path
        .or_else(progress::default_path)
        .ok_or_else(|| anyhow::anyhow!(cli_text().no_home_profile))?;
    if let Some(bad) = p.bad_profile() {
        return Err(BadInput(career_core::i18n::fill(
            cli_text().bad_profile,
            &[("where", &bad.describe_in(&path, lang))],
        ))
        .into());
    }
    if let Some(r) = &role {
        commands::find_role(catalog, r).map_err(BadInput)?;
    }
    if clear {
        p.profile = progress::Profile::default();
    }
    p.profile.years = years.or(p.profile.years);
    p.profile.role = role.or(p.profile.role.take());
    if let Some(n) = progress::hard_links(&path) {
        warn(&format!(
            "{}: {} ({n})",
            path.display(),
            career_core::i18n::labels(lang).hard_linked
        ));
    }
    // Merged per field with what is on disk, as the app saves.
    progress::save_merged(&path, p, std::time::Duration::from_secs(2))
        .with_context(|| cannot("save", &path))?;
    Ok(())
}

fn write_screenshots(catalog: &Catalog, dir: &Path, out: Out) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, svg) in crate::tui::screenshots::screenshot_svgs(catalog) {
        let path = dir.join(&name);
        std::fs::write(&path, svg)?;
        out.write(&format!("{}\n", path.display()))?;
        // PNGs too where rsvg-convert is installed (Debian: librsvg2-bin).
        let png = path.with_extension("png");
        let made = std::process::Command::new("rsvg-convert")
            .arg(&path)
            .arg("-o")
            .arg(&png)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            out.write(&format!("{}\n", png.display()))?;
        }
    }
    Ok(())
}

/// "cannot read|write|save PATH" in the command line's language, for an
/// error's context (the cause follows it, see [`error_text`]).
fn cannot(what: &str, path: &Path) -> String {
    let t = cli_text();
    let template = match what {
        "read" => t.cannot_read,
        "save" => t.cannot_save,
        "create" => t.cannot_create,
        _ => t.cannot_write,
    };
    career_core::i18n::fill(template, &[("path", &path.display().to_string())])
}

/// The system's reason for a failed file operation in the command line's
/// language (a path that is no regular file named as what it is).
pub fn io_reason(e: &std::io::Error) -> String {
    career_core::i18n::io_reason(out::lang(), e)
}

/// A progress file that does not read, said in the command line's
/// language (a syntax slip keeps the reader's own words after its place).
fn progress_error(e: &progress::ProgressError) -> String {
    e.render(out::lang())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn language_from_flag_then_locale() {
        assert_eq!(
            pick_lang(Some(LangArg::Zh), env(&[("LANG", "en_US.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            pick_lang(Some(LangArg::En), env(&[("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(pick_lang(None, env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(pick_lang(None, env(&[("LANG", "en_GB.UTF-8")])), Lang::En);
        assert_eq!(pick_lang(None, env(&[])), Lang::En);
        // LC_ALL overrides LANG; an empty LC_ALL does not.
        let both = [("LC_ALL", "zh_TW.UTF-8"), ("LANG", "en_US.UTF-8")];
        assert_eq!(pick_lang(None, env(&both)), Lang::Zh);
        let empty = [("LC_ALL", ""), ("LANG", "zh_CN.UTF-8")];
        assert_eq!(pick_lang(None, env(&empty)), Lang::Zh);
    }

    #[test]
    fn the_app_needs_terminals_and_a_term_that_is_not_dumb() {
        assert_eq!(no_terminal_reason(true, true, Some("xterm-256color")), None);
        assert_eq!(
            no_terminal_reason(true, true, None),
            Some("TERM is not set")
        );
        assert_eq!(
            no_terminal_reason(true, true, Some("")),
            Some("TERM is not set")
        );
        assert_eq!(
            no_terminal_reason(true, false, Some("xterm")),
            Some("stdout is not one")
        );
        assert_eq!(
            no_terminal_reason(false, true, Some("xterm")),
            Some("stdin is not one")
        );
        assert_eq!(
            no_terminal_reason(true, true, Some("dumb")),
            Some("TERM=dumb cannot show it")
        );
    }

    #[test]
    fn file_limit_from_flag_then_environment() {
        let var = loader::MAX_FILE_MB_ENV;
        assert_eq!(pick_limits(None, env(&[])), Ok(loader::Limits::default()));
        assert_eq!(
            pick_limits(None, env(&[(var, "64")])),
            Ok(loader::Limits::from_mb(64))
        );
        // The flag wins, even over a bad variable.
        assert_eq!(
            pick_limits(Some(8), env(&[(var, "64")])),
            Ok(loader::Limits::from_mb(8))
        );
        assert_eq!(
            pick_limits(Some(8), env(&[(var, "lots")])),
            Ok(loader::Limits::from_mb(8))
        );
        assert_eq!(
            pick_limits(None, env(&[(var, "")])),
            Ok(loader::Limits::default())
        );
        for bad in ["0", "lots", "-3", "2.5"] {
            let e = pick_limits(None, env(&[(var, bad)])).unwrap_err();
            assert!(e.starts_with(var) && e.contains("whole number"), "{e}");
        }
    }
}
