//! The self-assessment as a report: states and notes by category, readiness
//! per role, and the gap per posting with the next skills. One `Report` value
//! feeds the JSON export, the Markdown export and the `progress` summary.

mod planned;

pub use planned::{PlanReport, plan_markdown, plan_report, plan_text};

use serde::Serialize;

use crate::model::{Catalog, Lang};
use crate::readiness::{self, Coverage, Tally};
use crate::store::progress::{Progress, State};

/// Bumped only when a field is removed or changes meaning (adding is fine).
pub const REPORT_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Report {
    pub version: u32,
    pub lang: &'static str,
    pub overall: Count,
    pub categories: Vec<CategoryReport>,
    pub roles: Vec<RoleReport>,
    pub postings: Vec<PostingReport>,
    /// Progress entries for skills this data set does not have (kept in the file).
    pub unknown_entries: Vec<String>,
    /// "S10 done: tick LangChain?": a checklist task is done and a skill of
    /// the ads' layer it practises is not. Asked, never counted.
    pub hints: Vec<String>,
    /// The learning plan, when the report was asked with one (the export).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanReport>,
    /// Every change of a skill's state with its day, oldest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<crate::store::progress::timeline::Record>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Count {
    pub done: usize,
    /// Skills counted (skipped ones are left out).
    pub total: usize,
    pub percent: usize,
}

impl From<Tally> for Count {
    fn from(t: Tally) -> Self {
        Count {
            done: t.done,
            total: t.total,
            percent: t.percent(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct CategoryReport {
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub count: Count,
    pub skills: Vec<SkillReport>,
}

#[derive(Debug, Serialize)]
pub struct SkillReport {
    pub id: String,
    pub name: String,
    /// `not_started`, `learning`, `done` or `skipped`.
    pub state: State,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changed: Option<String>,
    /// What shows the skill (an address or a path), and its day.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence_date: Option<String>,
    /// The skill's source tags (`suggested`: the app's own addition).
    pub basis: Vec<String>,
    /// "(our addition)" or "(partly our addition)" in the report's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct RoleReport {
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub count: Count,
}

#[derive(Debug, Serialize)]
pub struct PostingReport {
    pub id: String,
    pub company: String,
    pub title: String,
    /// When the posting was seen, in words; absent when it is undated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Requirements covered (a partly covered one counts half), in percent.
    pub match_percent: usize,
    pub covered: usize,
    pub partly: usize,
    /// What the job does, in the posting's order; `emphasis` marks what the
    /// source set in bold (★ in the app).
    pub responsibilities: Vec<ResponsibilityReport>,
    pub requirements: Vec<RequirementReport>,
    pub next_skills: Vec<NamedId>,
}

#[derive(Debug, Serialize)]
pub struct ResponsibilityReport {
    pub id: String,
    pub text: String,
    pub emphasis: bool,
}

#[derive(Debug, Serialize)]
pub struct RequirementReport {
    pub id: String,
    pub text: String,
    /// `covered`, `partly` or `missing`.
    pub coverage: &'static str,
    pub done: usize,
    pub total: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_years: Option<u32>,
    pub skills: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct NamedId {
    pub id: String,
    pub name: String,
}

/// How many next skills a report lists per posting.
pub const NEXT_SKILLS: usize = 5;

pub fn build(c: &Catalog, progress: &Progress, lang: Lang) -> Report {
    let state = |s: usize| progress.state(&c.skills[s].id);
    let categories = c
        .index
        .groups
        .iter()
        .enumerate()
        .map(|(gi, g)| CategoryReport {
            id: c.categories[g.category].id.clone(),
            name: c.categories[g.category].name.get(lang).into(),
            count: readiness::group_readiness(c, gi, &state).into(),
            skills: g
                .skills
                .iter()
                .map(|&s| {
                    let id = &c.skills[s].id;
                    let entry = progress.skills.get(id);
                    SkillReport {
                        id: id.clone(),
                        name: c.skills[s].name.get(lang).into(),
                        state: state(s),
                        note: entry.map(|e| e.note.clone()).unwrap_or_default(),
                        changed: entry.and_then(|e| e.changed.clone()),
                        evidence: entry.map(|e| e.evidence.clone()).unwrap_or_default(),
                        evidence_date: entry.and_then(|e| e.evidence_date.clone()),
                        basis: c.skills[s].basis.clone(),
                        marker: crate::i18n::basis_mark(lang, &c.skills[s].basis),
                    }
                })
                .collect(),
        })
        .collect();
    let roles = c
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| RoleReport {
            id: r.id.clone(),
            name: r.name.get(lang).into(),
            count: readiness::role_readiness(c, i, &state).into(),
        })
        .collect();
    let postings = c
        .postings
        .iter()
        .map(|p| {
            let m = readiness::posting_match_for(p, &state, progress.profile.years);
            PostingReport {
                id: p.id.clone(),
                company: p.company.to_string(),
                title: p.title.get(lang).into(),
                date: p.date.as_ref().map(|d| d.get(lang).to_string()),
                match_percent: m.percent(),
                covered: m.covered,
                partly: m.partly,
                responsibilities: p
                    .responsibilities
                    .iter()
                    .map(|r| ResponsibilityReport {
                        id: r.id.clone(),
                        text: r.text.get(lang).into(),
                        emphasis: r.emphasis,
                    })
                    .collect(),
                requirements: p
                    .requirements
                    .iter()
                    .map(|r| {
                        let (t, cov) = readiness::coverage(r, &state);
                        RequirementReport {
                            id: r.id.clone(),
                            text: r.text.get(lang).into(),
                            coverage: coverage_name(cov),
                            done: t.done,
                            total: t.total,
                            min_years: r.min_years,
                            skills: r.skills.clone(),
                        }
                    })
                    .collect(),
                next_skills: readiness::next_skills(c, p, &state, NEXT_SKILLS)
                    .into_iter()
                    .map(|s| NamedId {
                        id: c.skills[s].id.clone(),
                        name: c.skills[s].name.get(lang).into(),
                    })
                    .collect(),
            }
        })
        .collect();
    Report {
        version: REPORT_VERSION,
        lang: lang.code(),
        overall: readiness::overall(c, &state).into(),
        categories,
        roles,
        postings,
        unknown_entries: progress
            .unknown_ids(|id| c.skill_index(id).is_some())
            .into_iter()
            .map(String::from)
            .collect(),
        hints: crate::present::tick_hints(c, &state)
            .into_iter()
            .map(|h| crate::present::tick_hint_text(c, h, lang))
            .collect(),
        plan: None,
        history: crate::trend::changes(progress),
    }
}

fn coverage_name(c: Coverage) -> &'static str {
    match c {
        Coverage::Covered => "covered",
        Coverage::Partly => "partly",
        Coverage::Missing => "missing",
    }
}

fn state_mark(s: State) -> &'static str {
    match s {
        State::Done => "[x]",
        State::Learning => "[~]",
        State::Skipped => "[-]",
        State::NotStarted => "[ ]",
    }
}

pub fn to_json(r: &Report) -> String {
    serde_json::to_string_pretty(r).expect("a report always serialises") + "\n"
}

/// Markdown: headings, task lists for the skills, tables for roles and requirements.
pub fn to_markdown(r: &Report) -> String {
    let o = r.overall;
    let l = crate::i18n::labels(r.language());
    let cli = &l.cli;
    let overall = cli
        .overall
        .replace("{done}", &o.done.to_string())
        .replace("{total}", &o.total.to_string())
        .replace("{percent}", &o.percent.to_string());
    let mut out = format!(
        "# {}\n\n{overall}\n\n## {}\n",
        cli.report_title, cli.skills_heading
    );
    let zh = r.language() == Lang::Zh;
    for cat in &r.categories {
        out.push_str(&format!(
            "\n### {} ({}/{})\n\n",
            md(&cat.name),
            cat.count.done,
            cat.count.total
        ));
        for s in &cat.skills {
            let mark = match s.state {
                State::Done => "[x]",
                _ => "[ ]",
            };
            let state = match s.state {
                State::Learning => Some(cli.learning),
                State::Skipped => Some(cli.skipped),
                _ => None,
            };
            let tag = match state {
                Some(w) if zh => format!(" *（{w}）*"),
                Some(w) => format!(" *({w})*"),
                None => String::new(),
            };
            let marker = match s.marker {
                Some(m) if zh => format!(" *{m}*"),
                Some(m) => format!(" *{m}*"),
                None => String::new(),
            };
            out.push_str(&format!(
                "- {mark} **{}** {}{marker}{tag}\n",
                s.id,
                md(&s.name)
            ));
            if !s.note.is_empty() {
                out.push_str(&format!(
                    "  - {}{}{}\n",
                    cli.note,
                    if zh { "：" } else { ": " },
                    md(&s.note)
                ));
            }
            if !s.evidence.is_empty() {
                out.push_str(&format!(
                    "  - {}{}{}{}\n",
                    crate::i18n::plan_labels(r.language()).evidence,
                    if zh { "：" } else { ": " },
                    md(&s.evidence),
                    s.evidence_date
                        .as_deref()
                        .map(|d| format!(" ({d})"))
                        .unwrap_or_default()
                ));
            }
        }
    }
    out.push_str(&format!(
        "\n## {}\n\n{}\n|---|---:|---:|---:|\n",
        cli.readiness_per_role.trim_end_matches([':', '：']),
        cli.role_table
    ));
    for role in &r.roles {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            md(&role.name),
            role.count.done,
            role.count.total,
            role.count.percent
        ));
    }
    for p in &r.postings {
        out.push_str(&format!(
            "\n## {} — {}{}{} {}%\n\n",
            md(&p.company),
            md(&p.title),
            if zh { "：" } else { ": " },
            l.match_word,
            p.match_percent
        ));
        let date = p.date.as_deref().unwrap_or(l.undated);
        out.push_str(&format!(
            "{}{}{}\n\n",
            l.date,
            if zh { "：" } else { ": " },
            md(date)
        ));
        if !p.responsibilities.is_empty() {
            out.push_str(&format!("{}\n\n", l.responsibilities));
            for q in &p.responsibilities {
                let star = if q.emphasis { "★ " } else { "" };
                out.push_str(&format!("- {star}{} {}\n", q.id, md(&q.text)));
            }
            out.push('\n');
        }
        out.push_str(&format!("{}\n|---|---|---:|\n", cli.requirement_table));
        for q in &p.requirements {
            out.push_str(&format!(
                "| {} {} | {} | {}/{} |\n",
                q.id,
                md(&q.text),
                coverage_word(l, q.coverage),
                q.done,
                q.total
            ));
        }
        if !p.next_skills.is_empty() {
            out.push_str(&format!("\n{}\n\n", cli.next_skills_md));
            for (i, s) in p.next_skills.iter().enumerate() {
                out.push_str(&format!("{}. **{}** {}\n", i + 1, s.id, md(&s.name)));
            }
        }
    }
    if !r.hints.is_empty() {
        out.push('\n');
        for h in &r.hints {
            out.push_str(&format!("- {}\n", md(h)));
        }
    }
    if !r.unknown_entries.is_empty() {
        out.push_str(&format!(
            "\n{} {}\n",
            cli.kept_entries,
            r.unknown_entries.join(", ")
        ));
    }
    planned::append_markdown(r, &mut out);
    out
}

/// A coverage code ("covered", "partly", "missing") in the labels' language.
fn coverage_word(l: &crate::i18n::Labels, code: &str) -> &'static str {
    match code {
        "covered" => l.covered,
        "partly" => l.partly,
        _ => l.missing,
    }
}

impl Report {
    /// The language the report was built in.
    pub fn language(&self) -> Lang {
        if self.lang == Lang::Zh.code() {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// Escapes the characters that would break a Markdown table or emphasis.
fn md(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
}

/// The `progress` command's summary: plain text, every line cut to `width`
/// columns (`commands::UNLIMITED` cuts nothing).
pub fn summary(r: &Report, width: usize) -> String {
    use crate::text::{pad, truncate};
    let o = r.overall;
    let l = crate::i18n::labels(r.language());
    let cli = &l.cli;
    let zh = r.language() == Lang::Zh;
    let mut out = format!(
        "{} {}/{} ({}%)\n\n",
        cli.skills_done, o.done, o.total, o.percent
    );
    for cat in &r.categories {
        let marks: String = cat.skills.iter().map(|s| state_mark(s.state)).collect();
        out.push_str(&format!(
            "  {} {:>2}/{:<2} {}\n",
            pad(&cat.name, 32),
            cat.count.done,
            cat.count.total,
            marks
        ));
    }
    out.push_str(&format!("\n{}\n", cli.readiness_per_role));
    for role in &r.roles {
        let c = role.count;
        let figure = if c.total == 0 {
            format!("   —  {}", cli.no_skill_names_it)
        } else {
            format!("{:>3}%  ({}/{})", c.percent, c.done, c.total)
        };
        out.push_str(&format!("  {} {figure}\n", pad(&role.name, 32)));
    }
    for p in &r.postings {
        let n = p.requirements.len();
        let line = if zh {
            format!(
                "\n{} — {}：{} {}%（{} {} 条、{} {} 条，共 {n} 条）\n",
                p.company,
                p.title,
                l.match_word,
                p.match_percent,
                l.covered,
                p.covered,
                l.partly,
                p.partly
            )
        } else {
            format!(
                "\n{} — {}: {} {}% ({} {}, {} {}, of {n})\n",
                p.company,
                p.title,
                l.match_word,
                p.match_percent,
                p.covered,
                l.covered,
                p.partly,
                l.partly
            )
        };
        // A long job title: the figure goes on a line of its own, so the
        // summary keeps to 80 columns.
        let head = format!("{} — {}", p.company, p.title);
        match line.trim_start_matches('\n').strip_prefix(head.as_str()) {
            Some(rest) if crate::text::width(line.trim()) > 80 => {
                let rest = rest.trim_start_matches([':', '：', ' ']);
                out.push_str(&format!("\n{}\n  {rest}", crate::text::truncate(&head, 80)));
            }
            _ => out.push_str(&line),
        }
        let word_w = [l.covered, l.partly, l.missing]
            .iter()
            .map(|w| crate::text::width(w))
            .max()
            .unwrap_or(7);
        for q in &p.requirements {
            out.push_str(&format!(
                "  {} {} {}\n",
                pad(coverage_word(l, q.coverage), word_w),
                q.id,
                q.text
            ));
        }
        if !p.next_skills.is_empty() {
            out.push_str(&format!("  {}\n", cli.next_skills));
            for s in &p.next_skills {
                out.push_str(&format!("    {} {}\n", s.id, s.name));
            }
        }
    }
    if !r.hints.is_empty() {
        out.push('\n');
        for h in &r.hints {
            out.push_str(&format!("? {h}\n"));
        }
    }
    if !r.unknown_entries.is_empty() {
        let n = r.unknown_entries.len().to_string();
        out.push_str(&format!("\n{}\n", cli.kept_count.replace("{}", &n)));
    }
    out.lines().map(|l| truncate(l, width) + "\n").collect()
}
