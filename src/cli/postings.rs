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

/// What `career-explorer postings` does besides listing.
#[derive(Subcommand, Debug)]
pub enum PostingsAction {
    /// Read a job ad (plain text, English or Chinese) into a posting of your own.
    Import {
        /// The ad as a text file, or `-` for standard input.
        file: PathBuf,
        /// The hiring company (else "Unknown company").
        #[arg(long)]
        company: Option<String>,
        /// The job title (else the ad's first line, when it reads as one).
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
        /// and the warnings) instead of the report and YAML.
        #[arg(long)]
        json: bool,
    },
    /// Delete one of your own postings (bundled ones cannot be removed).
    Remove { id: String },
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
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        "standard input".to_string()
    } else {
        std::fs::File::open(file)
            .and_then(|f| f.take(MAX_AD_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        file.display().to_string()
    };
    if bytes.len() as u64 > MAX_AD_BYTES {
        return Err(format!("{what} is over 1 MiB: that is not a job ad"));
    }
    String::from_utf8(bytes).map_err(|_| format!("{what} is not UTF-8 text"))
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
) -> Result<Imported, String> {
    let role = opts.role.as_deref().unwrap_or("ai_engineer");
    if c.role_index(role).is_none() {
        return Err(crate::cli::commands::find_role(c, role).unwrap_err());
    }
    if text.trim().is_empty() {
        return Err(format!(
            "{source} is empty: there is no ad to read; nothing was saved"
        ));
    }
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
        return Err(format!(
            "`{id}` is not a valid id: use letters, digits, _ and - only (at most 64)"
        ));
    }
    if opts.id.is_some() && taken(&id) {
        return Err(format!(
            "a posting `{id}` exists already; choose another --id (remove yours with career-explorer postings remove {id})"
        ));
    }
    let mut opts = opts.clone();
    opts.source = format!("Imported from {source}");
    let posting = import::posting(&parsed, &id, &opts);
    let yaml = import::to_yaml(&posting);
    let report = report(c, &parsed, source);
    let saved = if dry_run {
        None
    } else {
        Some(
            career_core::store::own::save_new(dir, &id, &yaml).map_err(|e| {
                format!(
                    "cannot save {}: {e}",
                    dir.join(format!("{id}.yaml")).display()
                )
            })?,
        )
    };
    let json = serde_json::to_string_pretty(&json!({
        "posting": posting,
        "salary": parsed.salary,
        "left_out": parsed.left_out,
        "warnings": parsed.warnings,
        "saved": saved.as_ref().map(|p| p.display().to_string()),
    }))
    .expect("plain values")
        + "\n";
    Ok(Imported {
        report,
        yaml,
        json,
        id,
        saved,
    })
}

/// The warning for an ad in which no requirement was found, in both languages.
pub const NO_REQUIREMENTS: &str = "Warning: no requirement was found in this ad; what was found is imported, \
    and the lines left out are listed below with their reason (add the requirements to the file by hand).\n\
    警告：这则招聘中没有找到任职要求；已导入找到的内容，未采用的行及原因列在下方（可在文件中手动补充要求）。\n";

/// One item of the report: id, text, its marks, experience, and each skill
/// with the words that named it.
fn report_item(c: &Catalog, out: &mut String, id: &str, item: &import::Item) -> bool {
    let flags = career_core::i18n::item_flags(Lang::En, item.preferred, item.any_of);
    let flags = if flags.is_empty() {
        String::new()
    } else {
        format!(" ({flags})")
    };
    out.push_str(&format!(
        "  {id:<4}{}{flags}\n",
        career_core::text::truncate(&item.text, 72)
    ));
    if let Some(y) = item.min_years {
        out.push_str(&format!("        experience: {y}+ years\n"));
    }
    if let Some(why) = item.no_skill {
        out.push_str(&format!("        · no skill by design ({why})\n"));
    }
    for s in &item.skills {
        let name = c
            .skill_index(s)
            .map(|i| c.skills[i].name.get(Lang::En))
            .unwrap_or("");
        let words = item.evidence.get(s).map(String::as_str).unwrap_or("");
        out.push_str(&format!(
            "        → {s} {} ← \"{}\"\n",
            career_core::text::truncate(name, 40),
            career_core::text::truncate(words, 40)
        ));
    }
    let unmapped = item.skills.is_empty() && item.min_years.is_none() && item.no_skill.is_none();
    if unmapped {
        out.push_str("        ! not mapped to any skill (kept; add skill ids in the file)\n");
    }
    unmapped
}

/// What the importer understood: each item with its skills and the words
/// that named them, the items it could not map flagged, and every line it
/// left out with the reason.
fn report(c: &Catalog, p: &Parsed, source: &str) -> String {
    let mut out = format!(
        "Read {source}: {} responsibilities, {} requirements.\n",
        p.responsibilities.len(),
        p.requirements.len()
    );
    if let Some(t) = &p.title {
        out.push_str(&format!("Title: {}\n", career_core::text::truncate(t, 72)));
    }
    if let Some(s) = &p.salary {
        out.push_str(&format!("Salary: {}\n", career_core::text::truncate(s, 72)));
    }
    if p.warnings.contains(&"no_requirements") {
        out.push_str(NO_REQUIREMENTS);
    }
    let mut unmapped = Vec::new();
    for (head, prefix, items) in [
        ("Responsibilities", "R", &p.responsibilities),
        ("Requirements", "Q", &p.requirements),
    ] {
        out.push_str(&format!("\n{head}\n"));
        for (i, item) in items.iter().enumerate() {
            let id = format!("{prefix}{}", i + 1);
            if report_item(c, &mut out, &id, item) && prefix == "Q" {
                unmapped.push(id);
            }
        }
    }
    if !unmapped.is_empty() {
        out.push_str(&format!(
            "\nNot mapped: {} requirement(s) ({}), kept with no skills.\n",
            unmapped.len(),
            unmapped.join(", ")
        ));
    }
    if !p.left_out.is_empty() {
        out.push_str(&format!(
            "\nLeft out ({} line(s), with the reason)\n",
            p.left_out.len()
        ));
        for l in &p.left_out {
            out.push_str(&format!(
                "  line {:<4} {:<16} {}\n",
                l.line,
                l.reason,
                career_core::text::truncate(&l.text, 56)
            ));
        }
    }
    out
}

/// `career-explorer postings`: every posting, bundled and own, with the
/// user's skill coverage and requirements met.
pub fn list(c: &Catalog, progress: &Progress, lang: Lang, json: bool) -> String {
    let state = |s: usize| progress.state(&c.skills[s].id);
    let years = progress.profile.years;
    let rows: Vec<Value> = c
        .postings
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let m = posting_match_for(p, &state, years);
            json!({
                "id": p.id,
                "company": p.company.as_str(),
                "title": p.title.get(lang),
                "own": c.is_own_posting(i),
                "file": c.own_posting_file(i).map(|f| f.display().to_string()),
                "skill_coverage_percent": m.percent(),
                "requirements_met": m.covered,
                "requirements_partly": m.partly,
                "requirements": m.total,
            })
        })
        .collect();
    if json {
        return serde_json::to_string_pretty(&Value::Array(rows)).expect("plain values") + "\n";
    }
    if rows.is_empty() {
        return "No postings. Import one: career-explorer postings import ad.txt\n".into();
    }
    let l = labels(lang);
    let mut out = String::new();
    for r in &rows {
        let whose = if r["own"] == true {
            l.own_posting
        } else {
            "bundled"
        };
        out.push_str(&format!(
            "{}  [{whose}]  {} — {}\n    {} {}% · {}/{} {}\n",
            r["id"].as_str().unwrap_or(""),
            r["company"].as_str().unwrap_or(""),
            r["title"].as_str().unwrap_or(""),
            l.match_word,
            r["skill_coverage_percent"],
            r["requirements_met"],
            r["requirements"],
            l.match_label,
        ));
    }
    out
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
) -> Result<String, String> {
    let from_i = crate::cli::commands::find_role(c, from)?;
    let (target, to_id, to_name) = match posting {
        Some(id) => {
            let p = c.postings.iter().position(|p| p.id == id).ok_or_else(|| {
                let known: Vec<&str> = c.postings.iter().map(|p| p.id.as_str()).collect();
                format!("no posting `{id}`; postings: {}", known.join(", "))
            })?;
            let name = format!(
                "{} — {}",
                c.postings[p].company,
                c.postings[p].title.get(lang)
            );
            (Target::Posting(p), id.to_string(), name)
        }
        None => {
            let r = crate::cli::commands::find_role(c, "ai_engineer")?;
            (
                Target::Role(r),
                "ai_engineer".to_string(),
                c.roles[r].name.get(lang).to_string(),
            )
        }
    };
    let skills = gap::gap(c, from_i, target);
    let state = |s: usize| progress.state(&c.skills[s].id);
    let open = skills.iter().filter(|&&s| state(s) != State::Done).count();
    if json {
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
        let v = json!({
            "from_role": from,
            "to": match target { Target::Posting(_) => "posting", Target::Role(_) => "role" },
            "to_id": to_id,
            "skills": items,
            "open": open,
        });
        return Ok(serde_json::to_string_pretty(&v).expect("plain values") + "\n");
    }
    let mut out = format!(
        "From {} to {to_name}: {} skill(s) needed that the role does not cover, {open} not done yet.\n",
        c.roles[from_i].name.get(lang),
        skills.len()
    );
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
        out.push_str(&format!(
            "  {mark} {} {}{evidence}\n",
            c.skills[s].id,
            career_core::text::truncate(c.skills[s].name.get(lang), 68)
        ));
    }
    Ok(out)
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
        Some(id) => c
            .role(id)
            .map_or_else(|| id.clone(), |r| format!("{} ({id})", r.name.get(lang))),
        None => labels(lang).years_not_given.to_string(),
    };
    format!("years of experience: {years}\ncurrent role: {role}\n")
}
