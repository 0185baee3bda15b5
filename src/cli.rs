//! Command-line parsing and the non-interactive commands.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::action::{Action, Pane};
use crate::app::App;
use crate::model::{Catalog, Lang};
use crate::progress::{self, Progress};
use crate::{commands, loader, report, search, tui, ui};
use anyhow::Context;

#[derive(Parser, Debug)]
#[command(
    name = "career-explorer",
    version,
    about = "Explore the AI Engineer career in your terminal: the API boundary, role comparison, a skills checklist and real job requirements.",
    after_help = "Examples:\n  career-explorer                          start the app\n  career-explorer --lang zh                start in Chinese\n  career-explorer show ai_engineer         one role in full\n  career-explorer compare ml_engineer ai_engineer\n  career-explorer search langchain --json  for scripts\n  career-explorer export --format markdown --output me.md\n  career-explorer validate --data ./my-data\n  career-explorer completions bash > ~/.local/share/bash-completion/completions/career-explorer\n\nExit status: 0 ok, 1 runtime error, 2 bad input or usage."
)]
pub struct Cli {
    /// Load the YAML files from this folder instead of the bundled data.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Language of the interface (default: from LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Progress file (default: $XDG_DATA_HOME/career-explorer/progress.yaml).
    #[arg(long, global = true, value_name = "FILE")]
    pub progress: Option<PathBuf>,
    /// Colours in the app: auto (on unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, default_value = "auto")]
    pub color: ColorArg,
    /// Largest data file --data may load, in MiB (default 4; or set
    /// CAREER_EXPLORER_MAX_FILE_MB). Raise it for very large catalogs.
    #[arg(
        long,
        global = true,
        value_name = "MiB",
        allow_negative_numbers = true,
        value_parser = loader::parse_max_file_mb
    )]
    pub max_file_mb: Option<u64>,
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
    Requirement,
    Responsibility,
    Note,
}

impl From<KindArg> for search::Kind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Role => search::Kind::Role,
            KindArg::Skill => search::Kind::Skill,
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
        #[arg(long)]
        json: bool,
    },
    /// Show one role in full, with your readiness for it.
    Show {
        /// A role id, e.g. ai_engineer (see `career-explorer roles`).
        role: String,
        #[arg(long)]
        json: bool,
    },
    /// Compare two roles dimension by dimension.
    Compare {
        left: String,
        right: String,
        #[arg(long)]
        json: bool,
    },
    /// List the skills with your state for each.
    Skills {
        #[arg(long)]
        json: bool,
    },
    /// Fuzzy-search roles, skills and posting items.
    Search {
        query: String,
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
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
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(crate::schema::KINDS))]
        kind: String,
    },
    /// Write the bundled data files (and their schemas) to a folder, to edit as your own.
    Data {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the article's ideas (the about overlay, `i`): model traits,
    /// capabilities, notes and sources; or one of them by id.
    Notes {
        /// A note or source id, e.g. contempt_chain (all when omitted).
        id: Option<String>,
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
    let cli = Cli::parse();
    // These do not depend on the data: they work even when --data is broken.
    match &cli.command {
        Some(Command::Schema { kind }) => {
            print!("{}", crate::schema::schema_json(kind).unwrap_or_default());
            return ExitCode::SUCCESS;
        }
        Some(Command::Data { out }) => return exit_with(write_data(out)),
        _ => {}
    }
    let limits = match pick_limits(cli.max_file_mb, |k| std::env::var(k).ok()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {}", crate::text::sanitize(&e));
            return ExitCode::from(2);
        }
    };
    let catalog = match loader::load_with(cli.data.as_deref(), limits) {
        Ok(c) => c,
        Err(e) => {
            eprint!("{e}");
            return ExitCode::from(2);
        }
    };
    let lang = pick_lang(cli.lang, |k| std::env::var(k).ok());
    let mono = match cli.color {
        ColorArg::Always => false,
        ColorArg::Never => true,
        ColorArg::Auto => std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    };
    ui::theme::set_monochrome(mono);
    let term = std::env::var("TERM").ok();
    ui::link::set_enabled(ui::link::wanted(mono, term.as_deref()));
    let result = match cli.command {
        None => run_tui(catalog, lang, cli.progress),
        Some(cmd) => run_command(cmd, &catalog, lang, cli.progress),
    };
    exit_with(result)
}

/// 0 on success; else the error on stderr and 2 for bad input, 1 otherwise.
fn exit_with(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", crate::text::sanitize(&format!("{e:#}")));
            ExitCode::from(if e.is::<BadInput>() { 2 } else { 1 })
        }
    }
}

fn run_command(
    cmd: Command,
    catalog: &Catalog,
    lang: Lang,
    progress_path: Option<PathBuf>,
) -> anyhow::Result<()> {
    let role = |id: &str| commands::find_role(catalog, id).map_err(BadInput);
    let text = match cmd {
        Command::Validate => commands::validated(catalog, lang),
        Command::Roles { json } => commands::roles(catalog, lang, json),
        Command::Notes { id, json } => {
            commands::notes(catalog, id.as_deref(), lang, json).map_err(BadInput)?
        }
        Command::Show { role: id, json } => {
            let p = read_progress(progress_path)?;
            commands::show(catalog, role(&id)?, &p, lang, json)
        }
        Command::Compare { left, right, json } => {
            let p = read_progress(progress_path)?;
            commands::compare(catalog, [role(&left)?, role(&right)?], &p, lang, json)
        }
        Command::Skills { json } => {
            commands::skills(catalog, &read_progress(progress_path)?, lang, json)
        }
        Command::Search {
            query,
            kind,
            json,
            limit,
        } => {
            let kind = kind.map(Into::into);
            commands::search(catalog, &query, kind, limit, json, lang)
        }
        Command::Progress { json } => {
            let r = report::build(catalog, &read_progress(progress_path)?, lang);
            if json {
                report::to_json(&r)
            } else {
                report::summary(&r)
            }
        }
        Command::Export { format, output } => {
            let r = report::build(catalog, &read_progress(progress_path)?, lang);
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
        Command::Screenshots { out } => return write_screenshots(catalog, &out),
        Command::Schema { .. } | Command::Data { .. } => unreachable!("handled before loading"),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "career-explorer", &mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        }
    };
    print!("{text}");
    Ok(())
}

/// Writes the bundled YAML files to `out`, with the schemas beside them in
/// `out/schema/` and each file's editor comment pointing there. Existing
/// files are not overwritten.
fn write_data(out: &Path) -> anyhow::Result<()> {
    let schema_dir = out.join("schema");
    std::fs::create_dir_all(&schema_dir)
        .with_context(|| format!("cannot create {}", schema_dir.display()))?;
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    for (name, text) in loader::FILES.iter().zip(loader::bundled_texts()) {
        let kind = crate::schema::file_kind(name).unwrap_or_default();
        let text = text.replacen("$schema=../schema/", "$schema=./schema/", 1);
        files.push((out.join(name), text));
        files.push((
            schema_dir.join(format!("{kind}.schema.json")),
            crate::schema::schema_json(kind).unwrap_or_default(),
        ));
    }
    files.push((
        schema_dir.join("progress.schema.json"),
        crate::schema::schema_json("progress").unwrap_or_default(),
    ));
    if let Some((path, _)) = files.iter().find(|(p, _)| p.exists()) {
        return Err(BadInput(format!(
            "{} exists; choose an empty folder (nothing was written)",
            path.display()
        ))
        .into());
    }
    for (path, text) in files {
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
        println!("{}", path.display());
    }
    Ok(())
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
        eprintln!("warning: {}", crate::text::sanitize(&bad.describe(&path)));
    }
    Ok(p)
}

/// An error in what the user gave us (exit status 2), not in running.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BadInput(pub String);

fn run_tui(catalog: Catalog, lang: Lang, path: Option<PathBuf>) -> anyhow::Result<()> {
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
    let mut app = App::new(catalog, progress, lang);
    app.status = match (&refused, &path) {
        (Some(e), _) => Some(format!("{} {e}", crate::i18n::labels(lang).not_read)),
        (None, Some(p)) => startup_notice(&app, p),
        (None, None) => None,
    };
    tui::run(app, path)
}

/// What the user should know at start: entries of the progress file at
/// `path` that do not read (each with its line and column; they are kept),
/// or entries for skills this data set does not have (kept, not shown).
pub fn startup_notice(app: &App, path: &Path) -> Option<String> {
    let l = crate::i18n::labels(app.lang);
    let bad = &app.progress.disk.bad;
    if !bad.is_empty() {
        let list: Vec<String> = bad.iter().map(|b| b.describe(path)).collect();
        return Some(format!("{} {}", l.bad_kept, list.join("; ")));
    }
    let unknown = app
        .progress
        .unknown_ids(|id| app.catalog.skill_index(id).is_some());
    (!unknown.is_empty()).then(|| {
        format!(
            "{} {}: {}",
            l.unknown_kept,
            unknown.len(),
            unknown.join(", ")
        )
    })
}

/// Draws the app into an off-screen buffer of the given size.
pub fn render(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal
        .draw(|f| ui::draw(app, f))
        .expect("drawing to a test backend cannot fail");
    terminal.backend().buffer().clone()
}

/// The skills ticked in the screenshots, so the job pane shows a real mix.
pub const SCREENSHOT_TICKS: [&str; 6] = ["S01", "S06", "S10", "S12", "S27", "S28"];

fn write_screenshots(catalog: &Catalog, out: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(out)?;
    for (name, svg) in screenshot_svgs(catalog) {
        let path = out.join(&name);
        std::fs::write(&path, svg)?;
        println!("{}", path.display());
        // PNGs too where rsvg-convert is installed (Debian: librsvg2-bin).
        let png = path.with_extension("png");
        let made = std::process::Command::new("rsvg-convert")
            .arg(&path)
            .arg("-o")
            .arg(&png)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            println!("{}", png.display());
        }
    }
    Ok(())
}

/// Every pane in both languages at 100x30, as (file name, SVG).
pub fn screenshot_svgs(catalog: &Catalog) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for lang in [Lang::En, Lang::Zh] {
        for pane in Pane::ALL {
            let mut p = Progress::new();
            for id in SCREENSHOT_TICKS {
                p.set_state(id, progress::State::Done, "2026-01-01T00:00:00Z".into());
            }
            let mut app = App::new(catalog.clone(), p, lang);
            app.update(Action::Resize(100, 30));
            app.update(Action::GoPane(pane));
            let buf = render(&app, 100, 30);
            let name = format!("{}-{}.svg", pane_slug(pane), lang.code());
            out.push((name, ui::svg::buffer_to_svg(&buf)));
        }
    }
    out
}

pub fn pane_slug(pane: Pane) -> &'static str {
    match pane {
        Pane::Boundary => "1-boundary",
        Pane::Compare => "2-compare",
        Pane::Skills => "3-skills",
        Pane::Jobs => "4-jobs",
    }
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
