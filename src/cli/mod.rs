//! Command-line parsing and the non-interactive commands.

pub mod commands;
pub mod help_zh;
pub mod import_many;
pub mod man;
pub mod out;
pub mod plan;
pub mod posting_edit;
pub mod postings;

pub use out::{Out, say, warn};

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
        left: String,
        right: String,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// List the skills with your state for each.
    Skills {
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Fuzzy-search roles, skills, posting items and the background topics.
    Search {
        query: String,
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
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
        #[arg(long)]
        json: bool,
    },
    /// The skills your postings ask for, most asked first, with your state
    /// and what ticking each would complete.
    Demand {
        #[arg(long)]
        json: bool,
    },
    /// Write a report (states and notes, readiness, gap per posting).
    Export {
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
        #[arg(long, value_name = "DIR", default_value = "screenshots")]
        out: PathBuf,
    },
    /// Print the JSON Schema of a data file kind or the progress file (see docs/DATA.md).
    Schema {
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(career_core::schema::KINDS))]
        kind: String,
    },
    /// Write the bundled data files (and their schemas) to a folder, to edit as your own.
    Data {
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
    Completions { shell: clap_complete::Shell },
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
            .map_err(|e| format!("{}: {e}", loader::MAX_FILE_MB_ENV)),
        None => Ok(loader::Limits::default()),
    }
}

pub fn main() -> ExitCode {
    let cli = help_zh::parse();
    let out = Out::stdout(cli.width);
    // These need neither the config file nor the data.
    match &cli.command {
        Some(Command::Config { default: true }) => {
            return exit_with(out.write(&crate::config::default_file()));
        }
        Some(Command::Man) => return exit_with(out.write(&man::page())),
        _ => {}
    }
    // A config file that does not read stops everything: nothing runs on half of it.
    let settings = match settings(&cli) {
        Ok(s) => s,
        Err(e) => {
            say(&format!(
                "error: {}\n",
                career_core::text::sanitize(&e.to_string())
            ));
            return ExitCode::from(2);
        }
    };
    // These do not depend on the data: they work even when --data is broken.
    match &cli.command {
        Some(Command::Config { .. }) => {
            return exit_with(out.write(&crate::config::describe(&settings)));
        }
        Some(Command::Schema { kind }) => {
            return exit_with(
                out.write(&career_core::schema::schema_json(kind).unwrap_or_default()),
            );
        }
        Some(Command::Data { out: dir }) => return exit_with(write_data(dir, out)),
        _ => {}
    }
    let limits = match pick_limits(cli.max_file_mb, |k| std::env::var(k).ok()) {
        Ok(l) => l,
        Err(e) => {
            say(&format!("error: {}\n", career_core::text::sanitize(&e)));
            return ExitCode::from(2);
        }
    };
    let data = settings.data.0.clone();
    let mut catalog = match loader::load_with(data.as_deref(), limits) {
        Ok(c) => c,
        Err(e) => {
            // The same shape as every other error: `error: ` and the text.
            say(&format!("error: {e}"));
            return ExitCode::from(2);
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
            warn(&format!(
                "{p} (this posting is left out; the file is not changed)"
            ));
        }
        if matches!(cli.command, Some(Command::Validate)) {
            return ExitCode::from(2);
        }
    }
    let resources = match career_core::resources::load(data.as_deref(), &catalog, limits) {
        Ok(r) => r,
        Err(e) => {
            say(&e.to_string());
            return ExitCode::from(2);
        }
    };
    plan::set_context(plan::Context {
        resources,
        hours_per_week: settings.hours_per_week.0,
    });
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
                "error: {}\n",
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
        let part = cause.to_string();
        if text.ends_with(&part) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
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
    let role = |id: &str| commands::find_role(catalog, id).map_err(BadInput);
    let text = match cmd {
        Command::Validate => commands::validated(catalog, lang),
        Command::Roles { json } => commands::roles(catalog, lang, json, width),
        Command::Notes { id, json } => {
            commands::notes(catalog, id.as_deref(), lang, json, width).map_err(BadInput)?
        }
        Command::Show { role: id, json } => {
            let p = read_progress(progress_path)?;
            match catalog.skill_index(&id) {
                Some(s) if catalog.role_index(&id).is_none() => {
                    commands::show_skill(catalog, s, &p, lang, json, width)
                }
                _ => commands::show(catalog, role(&id)?, &p, lang, json, width),
            }
        }
        Command::Compare { left, right, json } => {
            let p = read_progress(progress_path)?;
            let pair = [role(&left)?, role(&right)?];
            commands::compare(catalog, pair, &p, lang, json, width)
        }
        Command::Skills { json } => {
            commands::skills(catalog, &read_progress(progress_path)?, lang, json, width)
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
        Command::Export { format, output } => {
            let p = read_progress(progress_path)?;
            let mut r = report::build(catalog, &p, lang);
            plan::attach_plan(&mut r, catalog, &p, lang);
            let text = match format {
                Format::Markdown => report::to_markdown(&r),
                Format::Json => report::to_json(&r),
            };
            match output {
                Some(path) => {
                    std::fs::write(&path, text)
                        .with_context(|| format!("cannot write {}", path.display()))?;
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

/// Writes the bundled YAML files to `out`, with the schemas beside them in
/// `out/schema/` and each file's editor comment pointing there.
///
/// `out` must not exist or be an empty folder: nothing is overwritten or
/// mixed in. The files are written into a hidden temporary folder beside
/// `out`, which is then renamed to `out`, so an interrupted run leaves no
/// half-written folder. The paths are printed only once all are in place.
fn write_data(out: &Path, writer: Out) -> anyhow::Result<()> {
    let refuse = |why: String| -> anyhow::Error {
        BadInput(format!(
            "{why}; choose a new or empty folder (nothing was written)"
        ))
        .into()
    };
    if let Ok(meta) = std::fs::symlink_metadata(out) {
        if !meta.is_dir() {
            return Err(refuse(format!(
                "{} exists and is not a folder",
                out.display()
            )));
        }
        let first = std::fs::read_dir(out)
            .with_context(|| format!("cannot read {}", out.display()))?
            .next();
        if let Some(entry) = first {
            let name = entry?.file_name();
            return Err(refuse(format!(
                "{} is not empty (it holds {})",
                out.display(),
                name.to_string_lossy()
            )));
        }
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent)
        .with_context(|| format!("cannot create {}", parent.display()))?;
    let tmp = tempfile::Builder::new()
        .prefix(".career-explorer-data-")
        // The usual folder mode (0777 less the umask), not tempfile's 0700.
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o777))
        .tempdir_in(parent)
        .with_context(|| format!("cannot create a temporary folder in {}", parent.display()))?;
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
    std::fs::create_dir(tmp.path().join("schema"))
        .with_context(|| format!("cannot write in {}", tmp.path().display()))?;
    for (name, text) in &names {
        let path = tmp.path().join(name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    // rename(2) replaces an empty folder; a folder that appeared meanwhile
    // with something in it makes it fail, and the temporary folder goes.
    std::fs::rename(tmp.path(), out).with_context(|| format!("cannot create {}", out.display()))?;
    // Renamed away: nothing left for the guard to remove.
    let _ = tmp.keep();
    let listing: String = names
        .iter()
        .map(|(name, _)| format!("{}\n", out.join(name).display()))
        .collect();
    writer.write(&listing)
}

/// The progress for a report; read only, so a broken file is left where it
/// is. Entries that do not read are warned about on stderr; the rest is used.
fn read_progress(path: Option<PathBuf>) -> anyhow::Result<Progress> {
    let Some(path) = path.or_else(progress::default_path) else {
        return Ok(Progress::new());
    };
    let p = progress::load(&path).map_err(|e| -> anyhow::Error {
        if e.is_bad_input() {
            BadInput(e.to_string()).into()
        } else {
            e.into()
        }
    })?;
    for bad in &p.disk.bad {
        warn(&career_core::text::sanitize(&bad.describe(&path)));
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
        return Err(BadInput(format!(
            "the full-screen app needs a terminal ({why}); for scripts use the commands: career-explorer --help"
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
        (Some(e), _) => vec![format!("{} {e}", l.not_read)],
        (None, Some(p)) => startup_notice(&app, p).into_iter().collect(),
        (None, None) => Vec::new(),
    };
    for notice in notices {
        app.add_notice(notice);
    }
    if let Some(p) = &path
        && let Some(n) = progress::hard_links(p)
    {
        app.add_notice(format!("{} ({n})", l.hard_linked));
    }
    for (i, problem) in own_problems.iter().enumerate() {
        app.add_notice(format!(
            "{} {}/{}: {problem}",
            l.own_left_out,
            i + 1,
            own_problems.len()
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
    use crate::cli::postings::{self, PostingsAction};
    let own_dir = || {
        career_core::store::own::default_data_dir()
            .map(|d| career_core::store::own::postings_dir(&d))
            .ok_or_else(|| anyhow::anyhow!("no home folder: cannot find where your postings live"))
    };
    let text = match cmd {
        Command::Postings { action: None, json } => {
            postings::list(catalog, &read_progress(progress_path)?, lang, json, out)
        }
        Command::Postings {
            action:
                Some(PostingsAction::Import {
                    files,
                    company,
                    title,
                    id,
                    role,
                    dry_run,
                    json,
                    timeout,
                }),
            ..
        } => {
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
            return import_many::run(catalog, &own_dir()?, &files, &opts, &run);
        }
        Command::Postings {
            action: Some(PostingsAction::Show { id, json }),
            ..
        } => {
            crate::cli::posting_edit::show(catalog, &read_progress(progress_path)?, &id, lang, json)
                .map_err(BadInput)?
        }
        Command::Postings {
            action:
                Some(PostingsAction::Edit {
                    id,
                    item,
                    add,
                    remove,
                    preferred,
                    required,
                }),
            ..
        } => {
            let kind = (preferred || required).then_some(preferred);
            crate::cli::posting_edit::edit(catalog, &id, &item, &add, &remove, kind, lang).map_err(
                |e| match e {
                    career_core::store::posting_edit::EditError::Input(_) => {
                        anyhow::Error::from(BadInput(e.to_string()))
                    }
                    career_core::store::posting_edit::EditError::File(_) => anyhow::anyhow!("{e}"),
                },
            )?
        }
        Command::Postings {
            action: Some(PostingsAction::Remove { id }),
            ..
        } => {
            use career_core::store::own::{RemoveError, remove};
            let file = remove(catalog, &id).map_err(|e| -> anyhow::Error {
                match e {
                    RemoveError::Input(why) => BadInput(why).into(),
                    RemoveError::System(why) => anyhow::anyhow!(why),
                }
            })?;
            format!(
                "removed {}
",
                file.display()
            )
        }
        Command::Profile {
            years,
            role,
            clear,
            json,
        } => {
            let mut p = read_progress(progress_path.clone())?;
            if years.is_some() || role.is_some() || clear {
                let path = progress_path
                    .clone()
                    .or_else(progress::default_path)
                    .ok_or_else(|| anyhow::anyhow!("no home folder: cannot save the profile"))?;
                if let Some(bad) = p.bad_profile() {
                    return Err(BadInput(format!(
                        "{}: fix the `profile` section first (it is kept as written); nothing was saved",
                        bad.describe(&path)
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
                p.profile.role = role.or(p.profile.role);
                if let Some(n) = progress::hard_links(&path) {
                    warn(&format!(
                        "{}: {} ({n})",
                        path.display(),
                        career_core::i18n::labels(lang).hard_linked
                    ));
                }
                // Merged per field with what is on disk, as the app saves.
                progress::save_merged(&path, &mut p, std::time::Duration::from_secs(2))
                    .with_context(|| format!("cannot save {}", path.display()))?;
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
                return Err(BadInput(
                    "no current role: give it once with career-explorer profile --role ID (or pass --role)".into(),
                )
                .into());
            };
            postings::gap_text(catalog, &p, &from, posting.as_deref(), lang, json, out)
                .map_err(BadInput)?
        }
        _ => unreachable!("only the commands above come here"),
    };
    out.write(&text)
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
