//! The commands about postings and the user: `postings` (list, import,
//! remove), `profile` and `gap`. Each returns the text to print, or an error
//! message for bad input.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use serde_json::{Value, json};

use career_core::gap::{self, Target};
use career_core::i18n::labels;
use career_core::import::{self, Options, Parsed};
use career_core::model::{Catalog, Lang};
use career_core::readiness::posting_match_for;
use career_core::store::progress::{Progress, State};
use career_core::text::sanitize;

use super::Out;

/// What `career-explorer postings` does besides listing.
#[derive(Subcommand, Debug)]
pub enum PostingsAction {
    /// Read job ads (text, saved pages or links; English or Chinese) into postings of your own.
    Import {
        /// Each ad: a text file, a saved page (.html), an http(s) address, a
        /// folder (its .html, .htm, .txt and .md files), or `-` for standard input.
        #[arg(required = true, value_name = "FILE|DIR|URL|-")]
        files: Vec<PathBuf>,
        /// The hiring company (else the page's `JobPosting` employer, else a clear cue of the ad such as "About X", else "Unknown company").
        #[arg(long)]
        company: Option<String>,
        /// The job title (else the page's `JobPosting` title, else the ad's first line when it reads as one).
        #[arg(long)]
        title: Option<String>,
        /// The posting's id (else made from the company and title).
        #[arg(long)]
        id: Option<String>,
        /// The role id the posting hires for.
        #[arg(long, default_value = "ai_engineer")]
        role: String,
        /// Print the posting's YAML and save nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the posting as JSON (with its salary, the lines left out
        /// and the warnings) instead of the report and YAML; for several ads,
        /// an array with each one's outcome.
        #[arg(long)]
        json: bool,
        /// The time limit, in seconds, for reading one link.
        #[arg(long, value_name = "SECS", default_value_t = 20,
              value_parser = clap::value_parser!(u64).range(1..=600))]
        timeout: u64,
    },
    /// Delete one of your own postings (bundled ones cannot be removed).
    Remove {
        /// The id of the posting to delete (one of your own).
        id: String,
    },
    /// One posting with every requirement marked (covered, partly, missing,
    /// not mapped), its kind, its years check and each skill's evidence.
    Show {
        /// The posting's id (see career-explorer postings).
        id: String,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Correct a requirement of one of your own postings: add or remove
    /// skills, mark it preferred or required. Saved in its file in place.
    Edit {
        /// The posting's id (see career-explorer postings).
        id: String,
        /// The requirement's id, e.g. Q3 (see career-explorer postings show ID).
        item: String,
        /// A skill id to add (repeatable).
        #[arg(long, value_name = "SKILL")]
        add: Vec<String>,
        /// A skill id to remove (repeatable).
        #[arg(long, value_name = "SKILL")]
        remove: Vec<String>,
        /// Mark it a nice-to-have (weighs half).
        #[arg(long, conflicts_with = "required")]
        preferred: bool,
        /// Mark it required.
        #[arg(long)]
        required: bool,
    },
}

/// The largest ad `import` reads: far more than any job ad.
const MAX_AD_BYTES: u64 = 1 << 20;

/// Reads the ad from `file`, or standard input for `-`.
pub fn read_ad(file: &Path) -> Result<String, String> {
    let mut bytes = Vec::new();
    let what = if file == Path::new("-") {
        std::io::stdin()
            .take(MAX_AD_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{}: {e}", crate::cli::cli_text().stdin))?;
        crate::cli::cli_text().stdin.to_string()
    } else {
        career_core::store::regular::open_read(file)
            .and_then(|f| f.take(MAX_AD_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| cannot_read(&file.display().to_string(), &e))?;
        file.display().to_string()
    };
    if bytes.len() as u64 > MAX_AD_BYTES {
        return Err(career_core::i18n::fill(
            crate::cli::cli_text().ad_too_large,
            &[("what", &what), ("max", &(MAX_AD_BYTES >> 20).to_string())],
        ));
    }
    String::from_utf8(bytes).map_err(|_| {
        career_core::i18n::fill(crate::cli::cli_text().ad_not_utf8, &[("what", &what)])
    })
}

/// What an import produced: the report to print, the YAML and JSON of the
/// posting, and where it was saved (`None` for a dry run).
#[derive(Debug)]
pub struct Imported {
    pub report: String,
    pub yaml: String,
    /// The posting with the importer's findings (salary, lines left out,
    /// warnings), as `--json` prints it.
    pub json: String,
    pub id: String,
    pub saved: Option<PathBuf>,
    /// What tells this ad from others (a batch skips a duplicate).
    pub key: import::AdKey,
    /// `json` as a value, before `saved` is known.
    value: Value,
}

/// Imports the ad `text` (read from `source`) into `dir` (the own postings
/// folder) unless `dry_run`. An ad is never refused for its layout: what was
/// found is imported, and the report warns when no requirement was. An
/// unknown role or an `--id` in use is an error; nothing is written then.
pub fn import(
    c: &Catalog,
    dir: &Path,
    text: &str,
    source: &str,
    opts: &Options,
    dry_run: bool,
    out: Out,
) -> Result<Imported, String> {
    let mut done = prepare(c, dir, text, source, opts, out)?;
    if !dry_run {
        save(dir, &mut done)?;
    }
    Ok(done)
}

/// Reads the ad `text` into a posting for `dir` without saving it: its
/// report, YAML, JSON (`saved` null) and key. Errors as [`import`].
pub fn prepare(
    c: &Catalog,
    dir: &Path,
    text: &str,
    source: &str,
    opts: &Options,
    out: Out,
) -> Result<Imported, String> {
    // A file name is text from outside: it may hold escape sequences.
    let source = &sanitize(source);
    let role = opts.role.as_deref().unwrap_or("ai_engineer");
    if c.role_index(role).is_none() {
        return Err(crate::cli::commands::find_role(c, role).unwrap_err());
    }
    let max = career_core::store::loader::MAX_NAME_CHARS;
    for (flag, given) in [("--company", &opts.company), ("--title", &opts.title)] {
        if let Some(n) = given
            .as_ref()
            .map(|s| s.chars().count())
            .filter(|&n| n > max)
        {
            return Err(format!(
                "{flag} is {n} characters: at most {max}; nothing was saved"
            ));
        }
    }
    if text.trim().is_empty() {
        return Err(format!(
            "{source} is empty: there is no ad to read; nothing was saved"
        ));
    }
    let opts = &import::naming::with_guess(opts, text);
    let parsed = import::understand(&import::matcher(c), text, opts.company.as_deref());
    let taken =
        |id: &str| c.postings.iter().any(|p| p.id == id) || dir.join(format!("{id}.yaml")).exists();
    let title = opts
        .title
        .clone()
        .or_else(|| parsed.title.clone())
        .unwrap_or_default();
    let id = import::choose_id(opts, &title, taken);
    if !career_core::store::loader::is_valid_id(&id) {
        return Err(career_core::i18n::fill(
            crate::cli::cli_text().invalid_id,
            &[("id", &id)],
        ));
    }
    if opts.id.is_some() && taken(&id) {
        return Err(career_core::i18n::fill(
            crate::cli::cli_text().id_taken,
            &[("id", &id)],
        ));
    }
    let mut opts = opts.clone();
    opts.source =
        career_core::i18n::fill(crate::cli::cli_text().imported_from, &[("source", source)]);
    let posting = import::posting(&parsed, &id, &opts);
    let names = import::naming::report_lines(&opts, &parsed, &posting.company, &posting.title);
    let value = json!({
        "posting": posting,
        "names": import::naming::origins(&opts, &parsed),
        "salary": parsed.salary,
        "left_out": parsed.left_out,
        "warnings": parsed.warnings,
        "saved": Value::Null,
    });
    Ok(Imported {
        report: report(c, &parsed, source, &names, out, crate::cli::out::lang()),
        yaml: import::to_yaml(&posting),
        json: serde_json::to_string_pretty(&value).expect("plain values") + "\n",
        key: import::AdKey::of_new(&posting),
        id,
        saved: None,
        value,
    })
}

/// Saves a [`prepare`]d posting in `dir` (never over a file) and notes
/// where in its JSON.
pub fn save(dir: &Path, done: &mut Imported) -> Result<(), String> {
    let path = career_core::store::own::save_new(dir, &done.id, &done.yaml).map_err(|e| {
        let path = dir.join(format!("{}.yaml", done.id)).display().to_string();
        let head = career_core::i18n::fill(crate::cli::cli_text().cannot_save, &[("path", &path)]);
        format!("{head}: {e}")
    })?;
    done.value["saved"] = Value::String(path.display().to_string());
    done.json = serde_json::to_string_pretty(&done.value).expect("plain values") + "\n";
    done.saved = Some(path);
    Ok(())
}

/// "cannot read PATH: why" in the command line's language.
pub fn cannot_read(path: &str, e: &std::io::Error) -> String {
    let why = crate::cli::io_reason(e);
    let head = career_core::i18n::fill(crate::cli::cli_text().cannot_read, &[("path", path)]);
    let colon = if crate::cli::out::lang() == Lang::Zh {
        "："
    } else {
        ": "
    };
    format!("{head}{colon}{why}")
}

/// The warning for an ad in which no requirement was found, in the command
/// line's language.
pub fn no_requirements() -> &'static str {
    crate::cli::cli_text().import_no_requirements
}

/// One item of the report: id, text, its marks, experience, and each skill
/// with the words that named it, laid out for `out_to`'s width. Returns
/// whether the item is left unmapped.
fn report_item(
    c: &Catalog,
    out: &mut String,
    (out_to, lang): (Out, Lang),
    id: &str,
    item: &import::Item,
) -> bool {
    use career_core::i18n::{fill, import_reason};
    let t = career_core::i18n::cli_labels(lang);
    let flags = career_core::i18n::item_flags(lang, item.preferred, item.any_of);
    let flags = if flags.is_empty() {
        String::new()
    } else if lang == Lang::Zh {
        format!("（{flags}）")
    } else {
        format!(" ({flags})")
    };
    out.push_str(&out_to.item(&format!("  {id:<4}"), &format!("{}{flags}", item.text), 6));
    if let Some(y) = item.min_years {
        out.push_str(&format!(
            "        {}\n",
            fill(t.import_years, &[("y", &y.to_string())])
        ));
    }
    if let Some(why) = item.no_skill {
        let why = import_reason(lang, why);
        out.push_str(&out_to.item("        ·", &fill(t.import_no_skill, &[("why", why)]), 10));
    }
    for s in &item.skills {
        let name = c.skill_index(s).map_or("", |i| c.skills[i].name.get(lang));
        let words = item.evidence.get(s).map_or("", String::as_str);
        let head = format!("        → {s}");
        let indent = career_core::text::width(&head) + 1;
        out.push_str(&out_to.item(&head, &format!("{name} ← \"{words}\""), indent));
    }
    let unmapped = item.skills.is_empty() && item.min_years.is_none() && item.no_skill.is_none();
    if unmapped {
        out.push_str(&out_to.item("        !", t.import_unmapped, 10));
    }
    unmapped
}

/// What the importer understood: each item with its skills and the words
/// that named them, the items it could not map flagged, and every line it
/// left out with the reason; laid out for `out_to`'s width (nothing cut).
fn report(
    c: &Catalog,
    p: &Parsed,
    source: &str,
    names: &[(String, String)],
    out_to: Out,
    lang: Lang,
) -> String {
    use career_core::i18n::fill;
    let t = career_core::i18n::cli_labels(lang);
    let mut out = out_to.para(&fill(
        t.import_read,
        &[
            ("source", source),
            ("r", &p.responsibilities.len().to_string()),
            ("q", &p.requirements.len().to_string()),
        ],
    ));
    // A Chinese label ends in its own full-width colon: no space after it.
    let indent =
        |label: &str| career_core::text::width(label) + usize::from(!label.ends_with('：'));
    for (label, text) in names {
        out.push_str(&out_to.item(label, text, indent(label)));
    }
    if let Some(v) = &p.salary {
        out.push_str(&out_to.item(t.import_salary, v, indent(t.import_salary)));
    }
    if p.warnings.contains(&"no_requirements") {
        out.push_str(&out_to.para(t.import_no_requirements));
    }
    let mut unmapped = Vec::new();
    for (head, prefix, items) in [
        (t.responsibilities, "R", &p.responsibilities),
        (t.requirements, "Q", &p.requirements),
    ] {
        out.push_str(&format!("\n{head}\n"));
        for (i, item) in items.iter().enumerate() {
            let id = format!("{prefix}{}", i + 1);
            if report_item(c, &mut out, (out_to, lang), &id, item) && prefix == "Q" {
                unmapped.push(id);
            }
        }
    }
    if !unmapped.is_empty() {
        out.push('\n');
        out.push_str(&out_to.para(&fill(
            t.import_not_mapped,
            &[
                ("n", &unmapped.len().to_string()),
                ("ids", &unmapped.join(career_core::i18n::list_sep(lang))),
            ],
        )));
    }
    if !p.left_out.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            fill(t.import_left_out, &[("n", &p.left_out.len().to_string())])
        ));
        for l in &p.left_out {
            let line = fill(t.import_line, &[("n", &l.line.to_string())]);
            let reason = career_core::i18n::import_reason(lang, l.reason);
            let head = format!(
                "  {} {}",
                career_core::text::pad(&line, 9),
                career_core::text::pad(reason, 16)
            );
            let indent = career_core::text::width(&head) + 1;
            out.push_str(&out_to.item(&head, &l.text, indent));
        }
    }
    out
}

/// `career-explorer postings`: every posting, bundled and own, with the
/// user's skill coverage and requirements met, laid out for `out`'s width.
pub fn list(c: &Catalog, progress: &Progress, lang: Lang, json: bool, out_to: Out) -> String {
    let rows = list_rows(c, progress, lang);
    if json {
        return serde_json::to_string_pretty(&Value::Array(rows)).expect("plain values") + "\n";
    }
    if rows.is_empty() {
        return format!("{}\n", career_core::i18n::cli_labels(lang).no_postings);
    }
    rows.iter().map(|r| list_entry(r, lang, out_to)).collect()
}

/// Every posting as `postings --json` gives it: figures by the one rule,
/// each requirement's mark, the provenance.
fn list_rows(c: &Catalog, progress: &Progress, lang: Lang) -> Vec<Value> {
    let state = |s: usize| progress.state(&c.skills[s].id);
    let years = progress.profile.years;
    c.postings
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let m = posting_match_for(p, &state, years);
            json!({
                "id": p.id,
                "company": p.company.get(lang),
                "title": p.title.get(lang),
                "own": c.is_own_posting(i),
                "file": c.own_posting_file(i).map(|f| f.display().to_string()),
                "skill_coverage_percent": m.coverage(),
                "requirements_met": m.covered,
                "requirements_partly": m.partly,
                "requirements_missing": m.missing,
                "requirements_not_mapped": m.not_mapped,
                "requirements_mappable": m.mappable(),
                "requirements": m.total,
                "met": career_core::i18n::met_of(lang, m.covered, m.mappable()),
                "requirement_status": crate::cli::posting_edit::requirements_json(c, progress, i, lang),
                "provenance": career_core::present::posting_provenance(p, lang),
            })
        })
        .collect()
}

/// One posting of `postings` as text: its name, provenance, figures and
/// each requirement's mark.
fn list_entry(r: &Value, lang: Lang, out_to: Out) -> String {
    let l = labels(lang);
    let mut out = String::new();
    {
        let whose = if r["own"] == true {
            l.own_posting
        } else {
            career_core::i18n::cli_labels(lang).bundled
        };
        out.push_str(&out_to.item(
            "",
            &format!(
                "{}  [{whose}]  {} — {}",
                r["id"].as_str().unwrap_or(""),
                r["company"].as_str().unwrap_or(""),
                r["title"].as_str().unwrap_or(""),
            ),
            0,
        ));
        if let Some(mark) = r["provenance"].as_str() {
            out.push_str(&out_to.item("", mark, 4));
        }
        out.push_str(&out_to.item(
            "",
            &format!(
                "{} · {}",
                career_core::present::coverage_figure(
                    lang,
                    r["skill_coverage_percent"].as_u64().map(|p| p as usize)
                ),
                r["met"].as_str().unwrap_or(""),
            ),
            4,
        ));
        // Each requirement's mark, by the one rule (as pane 4 shows it).
        let marks: Vec<String> = r["requirement_status"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|q| {
                let code = q["coverage"].as_str().unwrap_or("");
                let word = career_core::readiness::Coverage::from_code(code)
                    .map_or(code, |c| career_core::i18n::coverage_word(lang, c));
                format!("{} {word}", q["id"].as_str().unwrap_or(""))
            })
            .collect();
        if !marks.is_empty() {
            out.push_str(&format!("    {}\n", marks.join(" · ")));
        }
    }
    out
}

/// The posting `id` names, or the error that lists the postings and the
/// nearest ids to it.
pub fn find_posting(c: &Catalog, id: &str) -> Result<usize, String> {
    c.postings.iter().position(|p| p.id == id).ok_or_else(|| {
        let known: Vec<&str> = c.postings.iter().map(|p| p.id.as_str()).collect();
        crate::cli::commands::unknown_id(
            c,
            crate::cli::cli_text().unknown_posting,
            id,
            &known,
            &[career_core::search::Kind::Posting],
        )
    })
}

/// `career-explorer gap`: the skills the posting `posting` (or, without
/// one, the AI Engineer role) needs that the role `from` does not.
pub fn gap_text(
    c: &Catalog,
    progress: &Progress,
    from: &str,
    posting: Option<&str>,
    lang: Lang,
    json: bool,
    out_to: Out,
) -> Result<String, String> {
    let from_i = crate::cli::commands::find_role(c, from)?;
    let (target, to_id, to_name) = gap_target(c, posting, lang)?;
    let skills = gap::gap(c, from_i, target);
    let state = |s: usize| progress.state(&c.skills[s].id);
    let open = skills.iter().filter(|&&s| state(s) != State::Done).count();
    if json {
        return Ok(gap_json(c, progress, from, target, &to_id, &skills, lang));
    }
    let t = career_core::i18n::cli_labels(lang);
    let from_name = c.roles[from_i].name.get(lang);
    if skills.is_empty() && target == Target::Role(from_i) {
        return Ok(out_to.para(&career_core::i18n::fill(
            t.gap_same_role,
            &[("role", from_name)],
        )));
    }
    let mut out = out_to.para(&career_core::i18n::fill(
        t.gap_head,
        &[
            ("from", from_name),
            ("to", &to_name),
            ("n", &skills.len().to_string()),
            ("open", &open.to_string()),
        ],
    ));
    for &s in &skills {
        let mark = match state(s) {
            State::Done => "[x]",
            State::Learning => "[~]",
            State::Skipped => "[-]",
            State::NotStarted => "[ ]",
        };
        // A done skill with evidence says so (issue 22).
        let shown = !progress.evidence(&c.skills[s].id).0.is_empty() && state(s) == State::Done;
        let evidence = if shown {
            format!(" ✓{}", career_core::i18n::plan_labels(lang).evidence)
        } else {
            String::new()
        };
        let head = format!("  {mark} {}", c.skills[s].id);
        let indent = career_core::text::width(&head) + 1;
        let name = format!("{}{evidence}", c.skills[s].name.get(lang));
        out.push_str(&out_to.item(&head, &name, indent));
    }
    if let Target::Posting(p) = target {
        out.push_str(&gap_requirements(c, progress, p, lang, out_to));
    }
    Ok(out)
}

/// What `gap` measures to: the posting `posting` (its id checked), else the
/// AI Engineer role; with its id and its name in `lang`.
fn gap_target(
    c: &Catalog,
    posting: Option<&str>,
    lang: Lang,
) -> Result<(Target, String, String), String> {
    Ok(if let Some(id) = posting {
        let p = find_posting(c, id)?;
        let name = format!(
            "{} — {}",
            c.postings[p].company.get(lang),
            c.postings[p].title.get(lang)
        );
        (Target::Posting(p), id.to_string(), name)
    } else {
        let r = crate::cli::commands::find_role(c, "ai_engineer")?;
        (
            Target::Role(r),
            "ai_engineer".to_string(),
            c.roles[r].name.get(lang).to_string(),
        )
    })
}

/// `gap --json`: the skills of the gap with their state and evidence, the
/// count not done, and for a posting its requirements.
fn gap_json(
    c: &Catalog,
    progress: &Progress,
    from: &str,
    target: Target,
    to_id: &str,
    skills: &[usize],
    lang: Lang,
) -> String {
    let state = |s: usize| progress.state(&c.skills[s].id);
    let open = skills.iter().filter(|&&s| state(s) != State::Done).count();
    let items: Vec<Value> = skills
        .iter()
        .map(|&s| {
            json!({
                "id": c.skills[s].id,
                "name": c.skills[s].name.get(lang),
                "state": serde_json::to_value(state(s)).unwrap_or(Value::Null),
                "evidence": !progress.evidence(&c.skills[s].id).0.is_empty(),
            })
        })
        .collect();
    let mut v = json!({
        "from_role": from,
        "to": match target { Target::Posting(_) => "posting", Target::Role(_) => "role" },
        "to_id": to_id,
        "skills": items,
        "open": open,
    });
    if let Target::Posting(p) = target {
        v["requirements"] = crate::cli::posting_edit::requirements_json(c, progress, p, lang);
    }
    serde_json::to_string_pretty(&v).expect("plain values") + "\n"
}

/// The posting's requirements under the gap: the met figure and each
/// requirement's mark by the one rule, so the gap reads beside pane 4.
fn gap_requirements(c: &Catalog, progress: &Progress, p: usize, lang: Lang, out_to: Out) -> String {
    let state = |s: usize| progress.state(&c.skills[s].id);
    let years = progress.profile.years;
    let posting = &c.postings[p];
    let m = posting_match_for(posting, &state, years);
    let mut out = format!(
        "\n{} · {}\n",
        labels(lang).requirements,
        career_core::i18n::met_of(lang, m.covered, m.mappable())
    );
    for r in &posting.requirements {
        let st = career_core::readiness::requirement_status(r, &state, years);
        // Wrapped to the width, never cut (into a pipe, one line each).
        let head = format!(
            "  [{}] {}",
            career_core::i18n::coverage_mark(lang, st.coverage),
            r.id
        );
        let indent = career_core::text::width(&head) + 1;
        out.push_str(&out_to.item(&head, r.text.get(lang), indent));
    }
    out
}

/// The profile as text or JSON.
pub fn profile_text(c: &Catalog, progress: &Progress, lang: Lang, json: bool) -> String {
    let p = &progress.profile;
    if json {
        return serde_json::to_string_pretty(&json!({"years": p.years, "role": p.role}))
            .expect("plain values")
            + "\n";
    }
    let years = p.years.map_or_else(
        || labels(lang).years_not_given.to_string(),
        |y| y.to_string(),
    );
    let role = match &p.role {
        Some(id) => c.role(id).map_or_else(
            || id.clone(),
            |r| career_core::i18n::with_paren(lang, r.name.get(lang), id),
        ),
        None => labels(lang).years_not_given.to_string(),
    };
    let t = career_core::i18n::cli_labels(lang);
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    format!(
        "{}{colon}{years}\n{}{colon}{role}\n",
        t.years_of_experience, t.current_role
    )
}
