//! `skills set ID... [--state S] [--note TEXT] [--evidence A [--evidence-date D]]`:
//! pane 3's Space/p/x, `n` and `E` from the command line. The change goes
//! through the store the app saves with ([`progress::save_merged`]: the lock,
//! the per-field merge with what is on disk, the dated history record of a
//! state change); all ids are checked before anything is written.

use std::path::{Path, PathBuf};

use clap::{ArgGroup, Subcommand, ValueEnum};
use serde_json::{Value, json};

use career_core::i18n::{self, fill, skill_set_labels};
use career_core::model::{Catalog, Lang};
use career_core::search;
use career_core::store::progress::{self, Entry, Progress, State};

use super::{BadInput, Out, commands, out, warn};

/// What `career-explorer skills` does besides listing.
#[derive(Subcommand, Debug)]
pub enum SkillsAction {
    /// Set the state, note or evidence of skills, as pane 3 does (Space/p/x, n, E).
    ///
    /// Saved merged with the progress file, as the app saves (a state change
    /// gets a dated history record). Every id is checked first: if one is
    /// unknown, nothing is set.
    #[command(group(
        ArgGroup::new("what")
            .required(true)
            .multiple(true)
            .args(["state", "note", "evidence"])
    ))]
    Set {
        /// The skills' ids, e.g. python, rag (see `career-explorer skills`).
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
        /// The new state.
        #[arg(long, value_enum)]
        state: Option<StateArg>,
        /// The note, in place of the one there ("" clears it).
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// What shows the skill: an address or a path ("" clears it).
        #[arg(long, value_name = "ADDRESS|PATH")]
        evidence: Option<String>,
        /// The evidence's day (default: today, UTC).
        #[arg(long, value_name = "YYYY-MM-DD", requires = "evidence")]
        evidence_date: Option<String>,
        /// Say what would change and save nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
}

/// A skill's state as the command line names it.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum StateArg {
    // Named as in the progress file and `skills --json`; `not-started`
    // reads too.
    #[value(name = "not_started", alias = "not-started")]
    NotStarted,
    Learning,
    Done,
    Skipped,
}

impl From<StateArg> for State {
    fn from(s: StateArg) -> Self {
        match s {
            StateArg::NotStarted => State::NotStarted,
            StateArg::Learning => State::Learning,
            StateArg::Done => State::Done,
            StateArg::Skipped => State::Skipped,
        }
    }
}

/// The fields `skills set` was asked to set, checked.
struct Wanted {
    state: Option<State>,
    note: Option<String>,
    /// The address or path and its day (`YYYY-MM-DD`, given or today).
    evidence: Option<(String, Option<String>)>,
    /// Whether the evidence's day was given (else an unchanged address
    /// keeps the day it has).
    day_given: bool,
}

/// One skill's entry before and after.
struct Changed {
    skill: usize,
    before: Entry,
    after: Entry,
}

/// Runs `skills set`: checks every id and value, reads the progress file
/// (refusing one that does not read, or an entry of these skills that does
/// not), sets the fields, saves unless nothing changed or `dry_run`, and
/// writes one line per skill (or JSON).
pub fn run(
    action: SkillsAction,
    catalog: &Catalog,
    lang: Lang,
    progress_path: Option<PathBuf>,
    out: Out,
) -> anyhow::Result<()> {
    let SkillsAction::Set {
        ids,
        state,
        note,
        evidence,
        evidence_date,
        dry_run,
        json,
    } = action;
    let skills = resolve(catalog, &ids)?;
    let wanted = checked(state, note, evidence, evidence_date)?;
    let t = skill_set_labels(out::lang());
    let path = progress_path
        .or_else(progress::default_path)
        .ok_or_else(|| anyhow::anyhow!(t.no_home))?;
    let mut p = load(&path)?;
    for &s in &skills {
        if let Some(bad) = p.bad_entry(&catalog.skills[s].id) {
            let l = i18n::labels(out::lang());
            return Err(BadInput(format!("{} {}", l.fix_entry_first, bad.describe(&path))).into());
        }
    }
    let changes = apply(catalog, &mut p, &skills, &wanted);
    let any = changes.iter().any(|c| c.before != c.after);
    let saved = any && !dry_run;
    if saved {
        save(&path, &mut p, lang)?;
    }
    let text = if json {
        to_json(catalog, &changes, &path, saved, dry_run, lang)
    } else {
        let last = match (dry_run, any) {
            (true, _) => t.dry_run,
            (false, true) => t.saved,
            (false, false) => t.nothing_changed,
        };
        let mut text = lines(catalog, &changes, &wanted, lang);
        text.push_str(&fill(last, &[("path", &path.display().to_string())]));
        out.para(&(text + "\n"))
    };
    out.write(&text)
}

/// The skills `ids` name, each once, in the order given; an unknown id is
/// bad input naming every unknown one with the nearest ids, and nothing is
/// read or written.
fn resolve(catalog: &Catalog, ids: &[String]) -> anyhow::Result<Vec<usize>> {
    let t = skill_set_labels(out::lang());
    let mut skills = Vec::new();
    let mut unknown = Vec::new();
    for id in ids {
        match catalog.skill_index(id) {
            Some(s) if !skills.contains(&s) => skills.push(s),
            Some(_) => {}
            None => {
                let mut text = fill(t.unknown_skill, &[("id", id)]);
                let near = commands::nearest_ids(catalog, id, &[search::Kind::Skill]);
                text.push_str(&commands::did_you_mean(&near));
                unknown.push(text);
            }
        }
    }
    if unknown.is_empty() {
        return Ok(skills);
    }
    unknown.push(t.nothing_saved.to_string());
    // "…; did you mean `python`? unknown skill `x`; nothing was saved".
    let mut text = String::new();
    for part in unknown {
        text.push_str(match (text.chars().last(), out::lang()) {
            (None, _) => "",
            (Some('?' | '？'), Lang::En) => " ",
            (Some('?' | '？'), Lang::Zh) => "",
            (_, Lang::En) => "; ",
            (_, Lang::Zh) => "；",
        });
        text.push_str(&part);
    }
    Err(BadInput(text).into())
}

/// The fields asked for, checked: a note or evidence longer than the app's
/// field holds, or an evidence day that is not one, is bad input. The
/// evidence's day is today when none is given.
fn checked(
    state: Option<StateArg>,
    note: Option<String>,
    evidence: Option<String>,
    evidence_date: Option<String>,
) -> anyhow::Result<Wanted> {
    let t = skill_set_labels(out::lang());
    let max = crate::tui::textfield::MAX_CHARS;
    let plan = i18n::plan_labels(out::lang());
    for (what, text) in [(t.note, &note), (plan.evidence, &evidence)] {
        let n = text.as_deref().map_or(0, |s| s.trim().chars().count());
        if n > max {
            let n = n.to_string();
            let max = max.to_string();
            return Err(BadInput(fill(
                t.too_long,
                &[("what", what), ("n", &n), ("max", &max)],
            ))
            .into());
        }
    }
    if let Some(d) = &evidence_date
        && (d.len() != 10 || career_core::dates::parse_day(d).is_none())
    {
        return Err(BadInput(fill(t.bad_date, &[("s", d)])).into());
    }
    let today = progress::now_rfc3339().get(..10).map(str::to_string);
    let day_given = evidence_date.is_some();
    Ok(Wanted {
        day_given,
        state: state.map(Into::into),
        note,
        evidence: evidence.map(|e| {
            let day = evidence_date.or(today);
            (e, day)
        }),
    })
}

/// Reads the progress file; one that does not read is refused as the app
/// refuses to save over it (bad input when its content is at fault).
/// Entries of other skills that do not read are warned about and kept.
fn load(path: &Path) -> anyhow::Result<Progress> {
    let p = progress::load(path).map_err(|e| -> anyhow::Error {
        let text = format!(
            "{} {}",
            skill_set_labels(out::lang()).not_read,
            super::progress_error(&e)
        );
        if e.is_bad_input() {
            BadInput(text).into()
        } else {
            anyhow::anyhow!(text)
        }
    })?;
    for bad in &p.disk.bad {
        warn(&career_core::text::sanitize(&bad.describe(path)));
    }
    Ok(p)
}

/// Sets the wanted fields of each skill in `p` with the store's setters (a
/// state change gets its time and its dated history record). Evidence equal
/// to the one there keeps its day unless a day was given.
fn apply(catalog: &Catalog, p: &mut Progress, skills: &[usize], w: &Wanted) -> Vec<Changed> {
    let now = progress::now_rfc3339();
    let mut changes = Vec::new();
    for &s in skills {
        let id = catalog.skills[s].id.as_str();
        let before = p.skills.get(id).cloned().unwrap_or_default();
        if let Some(state) = w.state {
            p.set_state(id, state, now.clone());
        }
        if let Some(note) = &w.note
            && p.note(id) != note.trim()
        {
            p.set_note(id, note);
        }
        if let Some((evidence, day)) = &w.evidence {
            let (old, old_day) = p.evidence(id);
            let same = old == evidence.trim();
            if !same || (w.day_given && !old.is_empty() && old_day != day.as_deref()) {
                p.set_evidence(id, evidence, day.clone());
            }
        }
        let after = p.skills.get(id).cloned().unwrap_or_default();
        changes.push(Changed {
            skill: s,
            before,
            after,
        });
    }
    changes
}

/// Saves `p` merged per field with what is on disk, as the app and
/// `profile` save; a file with other hard links is warned about.
fn save(path: &Path, p: &mut Progress, lang: Lang) -> anyhow::Result<()> {
    if let Some(n) = progress::hard_links(path) {
        warn(&format!(
            "{}: {} ({n})",
            path.display(),
            i18n::labels(lang).hard_linked
        ));
    }
    progress::save_merged(path, p, std::time::Duration::from_secs(2)).map_err(
        |e| -> anyhow::Error {
            let why = super::progress_error(&e);
            if e.is_bad_input() {
                let not_read = skill_set_labels(out::lang()).not_read;
                BadInput(format!("{not_read} {why}")).into()
            } else {
                anyhow::anyhow!(why).context(super::cannot("save", path))
            }
        },
    )
}

/// One line per skill: "python Python: not started → done; note “…”;
/// evidence “…” (2026-12-05)", each field asked for said, changed or not.
fn lines(catalog: &Catalog, changes: &[Changed], w: &Wanted, lang: Lang) -> String {
    let t = skill_set_labels(lang);
    let l = i18n::labels(lang);
    let evidence = i18n::plan_labels(lang).evidence;
    let (colon, sep, space) = match lang {
        Lang::En => (": ", "; ", " "),
        Lang::Zh => ("：", "；", ""),
    };
    let quoted = |s: &str| {
        if s.is_empty() {
            t.cleared.to_string()
        } else {
            format!("“{}”", career_core::text::sanitize(s))
        }
    };
    let mut out = String::new();
    for c in changes {
        let (b, a) = (&c.before, &c.after);
        let mut parts = Vec::new();
        if w.state.is_some() {
            let (from, to) = (
                l.state_names[b.state as usize],
                l.state_names[a.state as usize],
            );
            parts.push(if b.state == a.state {
                i18n::with_paren(lang, to, t.unchanged)
            } else {
                format!("{from} → {to}")
            });
        }
        if w.note.is_some() {
            let what = if b.note == a.note {
                t.unchanged.to_string()
            } else {
                quoted(&a.note)
            };
            parts.push(format!("{}{space}{what}", t.note));
        }
        if w.evidence.is_some() {
            let what = if (&b.evidence, &b.evidence_date) == (&a.evidence, &a.evidence_date) {
                t.unchanged.to_string()
            } else {
                match a.evidence_date.as_deref() {
                    Some(day) if !a.evidence.is_empty() => {
                        i18n::with_paren(lang, &quoted(&a.evidence), day)
                    }
                    _ => quoted(&a.evidence),
                }
            };
            parts.push(format!("{evidence}{space}{what}"));
        }
        let skill = &catalog.skills[c.skill];
        out.push_str(&format!(
            "{} {}{colon}{}\n",
            skill.id,
            skill.name.get(lang),
            parts.join(sep)
        ));
    }
    out
}

/// The JSON of `skills set`: the file, whether it was saved, and each
/// skill's fields before and after.
fn to_json(
    catalog: &Catalog,
    changes: &[Changed],
    path: &Path,
    saved: bool,
    dry_run: bool,
    lang: Lang,
) -> String {
    let entry = |e: &Entry| {
        json!({
            "state": e.state.name(),
            "note": e.note,
            "evidence": e.evidence,
            "evidence_date": e.evidence_date,
        })
    };
    let skills: Vec<Value> = changes
        .iter()
        .map(|c| {
            json!({
                "id": catalog.skills[c.skill].id,
                "name": catalog.skills[c.skill].name.get(lang),
                "changed": c.before != c.after,
                "before": entry(&c.before),
                "after": entry(&c.after),
            })
        })
        .collect();
    let v = json!({
        "file": path.display().to_string(),
        "saved": saved,
        "dry_run": dry_run,
        "skills": skills,
    });
    serde_json::to_string_pretty(&v).expect("plain values") + "\n"
}
