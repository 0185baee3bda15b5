//! `postings import` beyond one text file: saved job pages (`.html`),
//! web addresses, and several files or folders in one command.
//!
//! Each argument becomes one or more inputs (a folder: its `.html`, `.htm`,
//! `.txt` and `.md` files, by name, not its sub-folders). Each input is
//! read on its own (a file checked to be a regular file first, so a FIFO
//! fails instead of hanging), turned into ad text (a page through
//! `career_core::import::html`, a link through `career_core::import::link`)
//! and imported; in a batch an ad already among your postings is skipped as
//! a duplicate. One input that fails never stops the others: the summary
//! names each failure with its reason.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Value, json};

use career_core::i18n;
use career_core::import::{AdKey, Options, html, link};
use career_core::model::{Catalog, Lang};
use career_core::text::sanitize;

use crate::cli::out::{Out, say, warn};
use crate::cli::postings::{self, Imported};

/// The largest plain-text ad read from a file (a saved page may be up to
/// [`link::MAX_PAGE_BYTES`]).
const MAX_TEXT_BYTES: u64 = 1 << 20;

/// The file endings a folder's ads have.
const AD_ENDINGS: [&str; 4] = ["html", "htm", "txt", "md"];

/// Where one ad is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
    Link(String),
}

impl Input {
    /// How the input is named to the user and in the posting's `source`
    /// (sanitised: a file name may hold control characters).
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => crate::cli::cli_text().stdin.into(),
            Input::File(p) => sanitize(&p.display().to_string()),
            Input::Link(u) => sanitize(u),
        }
    }
}

/// One input of a command, or why an argument gave none (a folder that
/// cannot be read or holds no ad).
pub type Entry = (String, Result<Input, String>);

/// The inputs the arguments name, in order: `-`, a web address, a file,
/// or a folder's ad files sorted by name.
pub fn expand(args: &[PathBuf]) -> Vec<Entry> {
    let mut out = Vec::new();
    for arg in args {
        let text = arg.to_string_lossy();
        if arg.as_os_str() == "-" {
            out.push((Input::Stdin.name(), Ok(Input::Stdin)));
        } else if link::is_link(&text) {
            let input = Input::Link(text.into_owned());
            out.push((input.name(), Ok(input)));
        } else if text.contains("://") && !arg.exists() {
            let why = link::LinkError::Scheme.to_string();
            out.push((sanitize(&text), Err(why)));
        } else if arg.is_dir() {
            let name = sanitize(&arg.display().to_string());
            match folder_ads(arg) {
                Ok(files) if files.is_empty() => {
                    out.push((name, Err(crate::cli::cli_text().folder_no_ads.into())));
                }
                Ok(files) => out.extend(files.into_iter().map(|f| {
                    let input = Input::File(f);
                    (input.name(), Ok(input))
                })),
                Err(e) => out.push((
                    name,
                    Err(career_core::i18n::fill(
                        crate::cli::cli_text().folder_unreadable,
                        &[("why", &crate::cli::io_reason(&e))],
                    )),
                )),
            }
        } else {
            let input = Input::File(arg.clone());
            out.push((input.name(), Ok(input)));
        }
    }
    out
}

/// The ad files directly in `dir` (hidden ones left out), sorted by name.
fn folder_ads(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let hidden = p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            let ending = p
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .is_some_and(|e| AD_ENDINGS.contains(&e.as_str()));
            !hidden && ending && !p.is_dir()
        })
        .collect();
    files.sort();
    Ok(files)
}

/// An ad read from its input, with what its page says about it.
#[derive(Debug, Clone, Default)]
pub struct Ad {
    pub text: String,
    /// The input's name, for the report and the posting's `source`.
    pub source: String,
    pub title: Option<String>,
    pub company: Option<String>,
    pub date: Option<String>,
    pub urls: Vec<String>,
}

/// Reads the ad of `input`: a page (by its ending, its answer's type, or
/// its first bytes) becomes its `JobPosting` text or visible text.
pub fn read(input: &Input, timeout: Duration) -> Result<Ad, String> {
    let source = input.name();
    let (body, html_hint, urls) = match input {
        Input::Stdin => (postings::read_ad(Path::new("-"))?, false, Vec::new()),
        Input::File(path) => {
            let ending = path
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase());
            let page = matches!(ending.as_deref(), Some("html" | "htm"));
            let cap = if page {
                link::MAX_PAGE_BYTES
            } else {
                MAX_TEXT_BYTES
            };
            (read_file(path, cap)?, page, Vec::new())
        }
        Input::Link(url) => {
            let got = link::fetch(url, timeout).map_err(|e| format!("{source}: {e}"))?;
            let html = got.html;
            (got.body, html, vec![sanitize(&got.url)])
        }
    };
    let mut ad = Ad {
        source: source.clone(),
        urls,
        ..Ad::default()
    };
    if html_hint || html::looks_like_html(&body) {
        let page = html::read_page(&body);
        ad.text = page.text;
        ad.title = page.title;
        ad.company = page.company;
        ad.date = page.date;
    } else {
        ad.text = body;
    }
    if ad.text.trim().is_empty() {
        return Err(format!(
            "{source} is empty (no text): there is no ad to read; nothing was saved"
        ));
    }
    Ok(ad)
}

/// "NAME is over N MiB: that is not a job ad", in the command line's language.
fn too_large(name: &str, cap: u64) -> String {
    career_core::i18n::fill(
        crate::cli::cli_text().ad_too_large,
        &[("what", name), ("max", &(cap >> 20).to_string())],
    )
}

/// Reads `path` as UTF-8 text of at most `cap` bytes, after checking it is
/// a regular file (a FIFO or device would block or never end).
fn read_file(path: &Path, cap: u64) -> Result<String, String> {
    let name = sanitize(&path.display().to_string());
    // Checked to be a regular file before it is opened: a FIFO never hangs.
    let file = career_core::store::regular::open_read(path)
        .map_err(|e| postings::cannot_read(&name, &e))?;
    let meta = file
        .metadata()
        .map_err(|e| postings::cannot_read(&name, &e))?;
    if meta.len() > cap {
        return Err(too_large(&name, cap));
    }
    let mut bytes = Vec::new();
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| postings::cannot_read(&name, &e))?;
    if bytes.len() as u64 > cap {
        return Err(too_large(&name, cap));
    }
    String::from_utf8(bytes).map_err(|_| {
        career_core::i18n::fill(crate::cli::cli_text().ad_not_utf8, &[("what", &name)])
    })
}

/// The options for `ad`: the user's, with the page's title, company and
/// date filling what the user did not give.
pub fn options_for(ad: &Ad, given: &Options) -> Options {
    let mut o = given.clone();
    o.fill_from_page(ad.title.clone(), ad.company.clone());
    o.date = o.date.or_else(|| ad.date.clone());
    o.urls = ad.urls.clone();
    o
}

/// What became of one input of a batch.
#[derive(Debug)]
pub enum Outcome {
    Imported(Box<Imported>),
    /// Skipped: the same ad as this posting (already yours, or earlier in
    /// the batch).
    Duplicate(String),
    Failed(String),
}

/// Imports every entry into `dir` (nothing saved if `dry_run`), skipping
/// an ad already among the catalog's own postings or earlier in the batch.
/// A progress bar shows on stderr when it is a terminal.
pub fn run_batch(
    c: &Catalog,
    dir: &Path,
    entries: Vec<Entry>,
    given: &Options,
    dry_run: bool,
    timeout: Duration,
) -> Vec<(String, Outcome)> {
    let mut known: Vec<(String, AdKey)> = (0..c.postings.len())
        .filter(|&i| c.is_own_posting(i))
        .map(|i| (c.postings[i].id.clone(), AdKey::of_posting(&c.postings[i])))
        .collect();
    let bar = progress_bar(entries.len() as u64);
    let mut out = Vec::new();
    for (name, input) in entries {
        bar.set_message(name.clone());
        let outcome = match input {
            Err(why) => Outcome::Failed(why),
            Ok(input) => import_one(c, dir, &input, given, dry_run, timeout, &mut known),
        };
        bar.inc(1);
        out.push((name, outcome));
    }
    bar.finish_and_clear();
    out
}

/// Reads and imports one input of a batch, unless it is a duplicate of one
/// of `known` (which it then joins).
fn import_one(
    c: &Catalog,
    dir: &Path,
    input: &Input,
    given: &Options,
    dry_run: bool,
    timeout: Duration,
    known: &mut Vec<(String, AdKey)>,
) -> Outcome {
    let ad = match read(input, timeout) {
        Ok(ad) => ad,
        Err(why) => return Outcome::Failed(why),
    };
    let opts = options_for(&ad, given);
    let mut done = match postings::prepare(
        c,
        dir,
        &ad.text,
        &ad.source,
        &opts,
        Out::with_width(usize::MAX),
    ) {
        Ok(d) => d,
        Err(why) => return Outcome::Failed(why),
    };
    if let Some((id, _)) = known.iter().find(|(_, k)| k.same_ad(&done.key)) {
        return Outcome::Duplicate(id.clone());
    }
    if !dry_run && let Err(why) = postings::save(dir, &mut done) {
        return Outcome::Failed(why);
    }
    known.push((done.id.clone(), done.key.clone()));
    Outcome::Imported(Box::new(done))
}

/// A bar of `len` steps on stderr when it is a terminal; hidden otherwise
/// (a pipe or a file gets no bar, no escape codes).
fn progress_bar(len: u64) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() || len < 2 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// The batch's report: one line per input, then the summary.
pub fn report(outcomes: &[(String, Outcome)], dry_run: bool, lang: Lang) -> String {
    let mut out = String::new();
    for (name, o) in outcomes {
        let line = match o {
            Outcome::Imported(d) => {
                let to = match &d.saved {
                    Some(p) => sanitize(&p.display().to_string()),
                    None => format!("id {}", d.id),
                };
                i18n::import_imported(lang, dry_run, name, &d.id, &to)
            }
            Outcome::Duplicate(id) => i18n::import_duplicate(lang, name, id),
            Outcome::Failed(why) => i18n::import_failed(lang, name, &sanitize(why)),
        };
        out.push_str(&line);
        out.push('\n');
    }
    let (ok, dup, failed) = counts(outcomes);
    out.push_str(&i18n::import_summary(lang, dry_run, ok, dup, failed));
    out.push('\n');
    out
}

/// How many inputs were imported, skipped as duplicates, and failed.
pub fn counts(outcomes: &[(String, Outcome)]) -> (usize, usize, usize) {
    let mut n = (0, 0, 0);
    for (_, o) in outcomes {
        match o {
            Outcome::Imported(_) => n.0 += 1,
            Outcome::Duplicate(_) => n.1 += 1,
            Outcome::Failed(_) => n.2 += 1,
        }
    }
    n
}

/// The batch as JSON: an array, one object per input with `input` and
/// `outcome` (`imported`, `duplicate`, `failed`); an imported one carries
/// what a single `--json` import prints, a duplicate `duplicate_of`, a
/// failure its `reason`.
pub fn to_json(outcomes: &[(String, Outcome)]) -> String {
    let rows: Vec<Value> = outcomes
        .iter()
        .map(|(name, o)| match o {
            Outcome::Imported(d) => {
                let mut v = serde_json::from_str(&d.json).unwrap_or_else(|_| json!({}));
                v["input"] = json!(name);
                v["outcome"] = json!("imported");
                v["id"] = json!(d.id);
                v
            }
            Outcome::Duplicate(id) => {
                json!({"input": name, "outcome": "duplicate", "duplicate_of": id})
            }
            Outcome::Failed(why) => {
                json!({"input": name, "outcome": "failed", "reason": sanitize(why)})
            }
        })
        .collect();
    serde_json::to_string_pretty(&Value::Array(rows)).expect("plain values") + "\n"
}

/// How `postings import` runs, besides what names the ads.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    pub dry_run: bool,
    pub json: bool,
    /// The time limit for reading one link.
    pub timeout: Duration,
    pub lang: Lang,
    /// Where the output goes, and its width.
    pub out: Out,
}

/// `career-explorer postings import`: one ad as before (its full report, a
/// failure is bad input, exit status 2), or a batch (several arguments or a
/// folder: a line per input and the summary; exit status 1 when any input
/// failed, 0 when each was imported or skipped as a duplicate).
pub fn run(
    c: &Catalog,
    dir: &Path,
    files: &[PathBuf],
    given: &Options,
    run: &Run,
) -> anyhow::Result<()> {
    use crate::cli::BadInput;
    let single = files.len() == 1 && !files[0].is_dir();
    if !single {
        if given.id.is_some() || given.title.is_some() {
            return Err(BadInput(crate::cli::cli_text().id_title_one_ad.into()).into());
        }
        let outcomes = run_batch(c, dir, expand(files), given, run.dry_run, run.timeout);
        run.out.write(&if run.json {
            to_json(&outcomes)
        } else {
            report(&outcomes, run.dry_run, run.lang)
        })?;
        let (_, _, failed) = counts(&outcomes);
        if failed > 0 {
            anyhow::bail!(career_core::i18n::fill(
                crate::cli::cli_text().import_failed_count,
                &[
                    ("failed", &failed.to_string()),
                    ("n", &outcomes.len().to_string())
                ],
            ));
        }
        return Ok(());
    }
    let Some((_, input)) = expand(files).into_iter().next() else {
        return Err(BadInput(crate::cli::cli_text().import_no_ad.into()).into());
    };
    let ad = input
        .and_then(|i| read(&i, run.timeout))
        .map_err(BadInput)?;
    let opts = options_for(&ad, given);
    // A slip in the ad or the options is bad input; a save that fails is the
    // system's failure (exit status 1), never the ad's.
    let mut done =
        postings::prepare(c, dir, &ad.text, &ad.source, &opts, run.out).map_err(BadInput)?;
    if !run.dry_run {
        postings::save(dir, &mut done).map_err(|e| anyhow::anyhow!(e))?;
    }
    run.out.write(&single_output(&done, run.json, run.out))
}

/// What one imported ad prints: with `--json` its JSON (the warning of no
/// requirement also on stderr), on a dry run the YAML (the report on
/// stderr), else the report and where it was saved.
fn single_output(done: &Imported, json: bool, out: Out) -> String {
    if json {
        // The warning still reaches a person reading the terminal.
        if done.json.contains("\"no_requirements\"") {
            warn(postings::no_requirements());
        }
        return done.json.clone();
    }
    match &done.saved {
        None => {
            say(&done.report);
            done.yaml.clone()
        }
        Some(path) => format!(
            "{}\n{}",
            done.report,
            out.para(&career_core::i18n::fill(
                crate::cli::cli_text().import_saved,
                &[("file", &path.display().to_string()), ("id", &done.id)],
            ))
        ),
    }
}
