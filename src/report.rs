//! The self-assessment as a report: states and notes by category, readiness
//! per role, and the gap per posting with the next skills. One `Report` value
//! feeds the JSON export, the Markdown export and the `progress` summary.

use serde::Serialize;

use crate::model::{Catalog, Lang};
use crate::progress::{Progress, State};
use crate::readiness::{self, Coverage, Tally};

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
    /// Requirements covered (a partly covered one counts half), in percent.
    pub match_percent: usize,
    pub covered: usize,
    pub partly: usize,
    pub requirements: Vec<RequirementReport>,
    pub next_skills: Vec<NamedId>,
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
                match_percent: m.percent(),
                covered: m.covered,
                partly: m.partly,
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
    let mut out = format!(
        "# AI Engineer self-assessment\n\nOverall: {}/{} skills done ({}%).\n\n## Skills\n",
        o.done, o.total, o.percent
    );
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
            let tag = match s.state {
                State::Learning => " *(learning)*",
                State::Skipped => " *(skipped)*",
                _ => "",
            };
            out.push_str(&format!("- {mark} **{}** {}{tag}\n", s.id, md(&s.name)));
            if !s.note.is_empty() {
                out.push_str(&format!("  - note: {}\n", md(&s.note)));
            }
        }
    }
    out.push_str("\n## Readiness per role\n\n| role | done | needed | % |\n|---|---:|---:|---:|\n");
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
            "\n## {} — {}: match {}%\n\n| requirement | coverage | skills done |\n|---|---|---:|\n",
            md(&p.company),
            md(&p.title),
            p.match_percent
        ));
        for q in &p.requirements {
            out.push_str(&format!(
                "| {} {} | {} | {}/{} |\n",
                q.id,
                md(&q.text),
                q.coverage,
                q.done,
                q.total
            ));
        }
        if !p.next_skills.is_empty() {
            out.push_str("\nNext skills to learn:\n\n");
            for (i, s) in p.next_skills.iter().enumerate() {
                out.push_str(&format!("{}. **{}** {}\n", i + 1, s.id, md(&s.name)));
            }
        }
    }
    if !r.unknown_entries.is_empty() {
        out.push_str(&format!(
            "\nKept entries for skills not in this data: {}\n",
            r.unknown_entries.join(", ")
        ));
    }
    out
}

/// Escapes the characters that would break a Markdown table or emphasis.
fn md(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
}

/// The `progress` command's summary: plain text within 80 columns.
pub fn summary(r: &Report) -> String {
    use crate::text::{pad, truncate};
    let o = r.overall;
    let mut out = format!("Skills done: {}/{} ({}%)\n\n", o.done, o.total, o.percent);
    for cat in &r.categories {
        let marks: String = cat.skills.iter().map(|s| state_mark(s.state)).collect();
        out.push_str(&format!(
            "  {} {:>2}/{:<2} {}\n",
            pad(&cat.name, 32),
            cat.count.done,
            cat.count.total,
            truncate(&marks, 40)
        ));
    }
    out.push_str("\nReadiness per role:\n");
    for role in &r.roles {
        let c = role.count;
        let figure = if c.total == 0 {
            "   —  (no skill names it)".to_string()
        } else {
            format!("{:>3}%  ({}/{})", c.percent, c.done, c.total)
        };
        out.push_str(&format!("  {} {figure}\n", pad(&role.name, 32)));
    }
    for p in &r.postings {
        out.push_str(&format!(
            "\n{} — {}: match {}% ({} covered, {} partly, of {})\n",
            p.company,
            p.title,
            p.match_percent,
            p.covered,
            p.partly,
            p.requirements.len()
        ));
        for q in &p.requirements {
            out.push_str(&format!(
                "  {:<7} {} {}\n",
                q.coverage,
                q.id,
                truncate(&q.text, 64)
            ));
        }
        if !p.next_skills.is_empty() {
            out.push_str("  next skills:\n");
            for s in &p.next_skills {
                out.push_str(&format!("    {} {}\n", s.id, truncate(&s.name, 70)));
            }
        }
    }
    if !r.unknown_entries.is_empty() {
        out.push_str(&format!(
            "\nKept {} entries for skills not in this data.\n",
            r.unknown_entries.len()
        ));
    }
    out
}
