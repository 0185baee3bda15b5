//! The self-assessment as a report: states and notes by category, readiness
//! per role, and the gap per posting with the next skills. One `Report` value
//! feeds the JSON export, the Markdown export and the `progress` summary.

mod planned;

pub use planned::{
    PlanReport, head_lines, plan_markdown, plan_report, plan_text, resource_line, step_line,
};

use serde::Serialize;

use crate::model::{Catalog, Lang};
use crate::readiness::{self, Coverage, Tally, Years};
use crate::store::progress::{Progress, State};

/// Bumped only when a field is removed or changes meaning (adding is fine).
pub const REPORT_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Report {
    pub version: u32,
    pub lang: &'static str,
    /// The profile the requirements were measured against.
    pub profile: ProfileReport,
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

/// The user's years of experience and current role, as the export and
/// every requirement's experience check read them.
#[derive(Debug, Serialize)]
pub struct ProfileReport {
    /// `null` when not given: then no experience threshold is met.
    pub years: Option<u32>,
    /// The current role's id, `null` when not given.
    pub role: Option<String>,
    /// Its name in the report's language.
    pub role_name: Option<String>,
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
    /// "(2023 examples)" when the skill's tools are dated examples.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub examples: Option<String>,
    /// A 2024–2026 skill's sources with their reliability (see
    /// [`crate::present::sources_line`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sources: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct RoleReport {
    pub id: String,
    pub name: String,
    #[serde(flatten)]
    pub count: Count,
    /// "a thin measure: only 1 skill names this role" when fewer than
    /// [`crate::i18n::THIN_ROLE`] skills name it; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thin_measure: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PostingReport {
    pub id: String,
    pub company: String,
    pub title: String,
    /// When the posting was seen, in words; absent when it is undated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where the posting comes from, in words.
    pub source: String,
    /// "(2024–2026)" for a posting of the dated layer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<&'static str>,
    /// Its reliability label, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reliability: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// The skill coverage in percent (README, the coverage rule); `null`
    /// when nothing in the posting can be measured.
    pub match_percent: Option<usize>,
    /// Requirements met in full (skills and years).
    pub covered: usize,
    pub partly: usize,
    pub missing: usize,
    /// Requirements that name no skill and no threshold.
    pub not_mapped: usize,
    /// The met figure's base: the requirements a skill or threshold measures.
    pub mappable: usize,
    /// "3 of 7 mappable requirements met", in the report's language.
    pub met: String,
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
    /// `covered`, `partly`, `missing` or `not_mapped` (see
    /// [`readiness::requirement_status`]).
    pub coverage: &'static str,
    pub done: usize,
    pub total: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_years: Option<u32>,
    /// With `min_years`: `met`, `not_met` or `not_given` against the profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<&'static str>,
    pub preferred: bool,
    pub any_of: bool,
    pub skills: Vec<String>,
    /// For each skill, the words of the ad that named it (when known).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub evidence: std::collections::BTreeMap<String, String>,
}

/// A years check as the report writes it.
pub fn years_code(y: Years) -> &'static str {
    match y {
        Years::Met => "met",
        Years::NotMet(_) => "not_met",
        Years::NotGiven => "not_given",
    }
}

#[derive(Debug, Serialize)]
pub struct NamedId {
    pub id: String,
    pub name: String,
}

/// How many next skills a report lists per posting.
pub const NEXT_SKILLS: usize = 5;

/// The report of `progress` over catalog `c`, in `lang`: every figure from
/// the readiness functions, every requirement's mark from
/// [`readiness::requirement_status`].
pub fn build(c: &Catalog, progress: &Progress, lang: Lang) -> Report {
    let state = |s: usize| progress.state(&c.skills[s].id);
    let years = progress.profile.years;
    let postings = c
        .postings
        .iter()
        .map(|p| posting_report(c, p, &state, years, lang))
        .collect();
    Report {
        version: REPORT_VERSION,
        lang: lang.code(),
        profile: profile_report(c, progress, lang),
        overall: readiness::overall(c, &state).into(),
        categories: category_reports(c, progress, &state, lang),
        roles: role_reports(c, &state, lang),
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

/// The profile's years and role, the role named in `lang`.
fn profile_report(c: &Catalog, progress: &Progress, lang: Lang) -> ProfileReport {
    let role = progress.profile.role.clone();
    ProfileReport {
        years: progress.profile.years,
        role_name: role
            .as_deref()
            .and_then(|r| c.role(r))
            .map(|r| r.name.get(lang).to_string()),
        role,
    }
}

/// Each category group with its readiness and its skills, in group order.
fn category_reports(
    c: &Catalog,
    progress: &Progress,
    state: &impl Fn(usize) -> State,
    lang: Lang,
) -> Vec<CategoryReport> {
    c.index
        .groups
        .iter()
        .enumerate()
        .map(|(gi, g)| CategoryReport {
            id: c.categories[g.category].id.clone(),
            name: c.categories[g.category].name.get(lang).into(),
            count: readiness::group_readiness(c, gi, state).into(),
            skills: g
                .skills
                .iter()
                .map(|&s| skill_report(c, progress, s, state(s), lang))
                .collect(),
        })
        .collect()
}

/// Skill `s` in state `state` with the user's entry (note, evidence, day
/// changed) and its sources.
fn skill_report(
    c: &Catalog,
    progress: &Progress,
    s: usize,
    state: State,
    lang: Lang,
) -> SkillReport {
    let skill = &c.skills[s];
    let entry = progress.skills.get(&skill.id);
    SkillReport {
        id: skill.id.clone(),
        name: skill.name.get(lang).into(),
        state,
        note: entry.map(|e| e.note.clone()).unwrap_or_default(),
        changed: entry.and_then(|e| e.changed.clone()),
        evidence: entry.map(|e| e.evidence.clone()).unwrap_or_default(),
        evidence_date: entry.and_then(|e| e.evidence_date.clone()),
        basis: skill.basis.clone(),
        marker: crate::i18n::basis_mark(lang, &skill.basis),
        examples: skill
            .examples_from
            .map(|y| crate::i18n::examples_from(lang, y)),
        sources: crate::present::sources_line(c, lang, &skill.basis),
    }
}

/// Each role with its readiness, in catalog order.
fn role_reports(c: &Catalog, state: &impl Fn(usize) -> State, lang: Lang) -> Vec<RoleReport> {
    c.roles
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let t = readiness::role_readiness(c, i, state);
            RoleReport {
                id: r.id.clone(),
                name: r.name.get(lang).into(),
                count: t.into(),
                thin_measure: crate::i18n::thin_measure(lang, t.total),
            }
        })
        .collect()
}

/// One requirement as the report gives it, its mark by the one rule.
pub fn requirement_report(
    r: &crate::model::PostingItem,
    state: &impl Fn(usize) -> State,
    years: Option<u32>,
    lang: Lang,
) -> RequirementReport {
    let st = readiness::requirement_status(r, state, years);
    RequirementReport {
        id: r.id.clone(),
        text: r.text.get(lang).into(),
        coverage: st.coverage.code(),
        done: st.tally.done,
        total: st.tally.total,
        min_years: r.min_years,
        years: st.years.map(years_code),
        preferred: r.preferred,
        any_of: r.any_of,
        skills: r.skills.clone(),
        evidence: r
            .evidence
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect(),
    }
}

/// One posting with the figures of [`readiness::posting_match_for`].
fn posting_report(
    c: &Catalog,
    p: &crate::model::Posting,
    state: &impl Fn(usize) -> State,
    years: Option<u32>,
    lang: Lang,
) -> PostingReport {
    let m = readiness::posting_match_for(p, state, years);
    PostingReport {
        id: p.id.clone(),
        company: p.company.get(lang).to_string(),
        title: p.title.get(lang).into(),
        date: p.date.as_ref().map(|d| d.get(lang).to_string()),
        source: p.source.get(lang).to_string(),
        layer: (p.layer == crate::model::Layer::Recent).then_some(crate::i18n::labels(lang).recent),
        reliability: p.reliability.map(|r| crate::i18n::reliability(lang, r)),
        place: p.place.as_ref().map(|x| x.get(lang).to_string()),
        links: p
            .urls
            .iter()
            .map(std::string::ToString::to_string)
            .collect(),
        match_percent: m.coverage(),
        covered: m.covered,
        partly: m.partly,
        missing: m.missing,
        not_mapped: m.not_mapped,
        mappable: m.mappable(),
        met: crate::i18n::met_of(lang, m.covered, m.mappable()),
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
            .map(|r| requirement_report(r, state, years, lang))
            .collect(),
        next_skills: readiness::next_skills(c, p, state, NEXT_SKILLS)
            .into_iter()
            .map(|s| NamedId {
                id: c.skills[s].id.clone(),
                name: c.skills[s].name.get(lang).into(),
            })
            .collect(),
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
    let mut out = markdown_head(r);
    for cat in &r.categories {
        markdown_category(&mut out, cat, r.language());
    }
    markdown_roles(&mut out, r);
    for p in &r.postings {
        markdown_posting(&mut out, p, r.language());
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
            crate::i18n::labels(r.language()).cli.kept_entries,
            r.unknown_entries.join(", ")
        ));
    }
    planned::append_markdown(r, &mut out);
    out
}

/// The title, the overall figure, the profile line and the skills heading.
fn markdown_head(r: &Report) -> String {
    let o = r.overall;
    let cli = &crate::i18n::labels(r.language()).cli;
    let overall = cli
        .overall
        .replace("{done}", &o.done.to_string())
        .replace("{total}", &o.total.to_string())
        .replace("{percent}", &o.percent.to_string());
    let profile = crate::i18n::profile_line(
        r.language(),
        r.profile.years,
        r.profile.role_name.as_deref().or(r.profile.role.as_deref()),
    );
    format!(
        "# {}\n\n{overall}\n\n{}\n\n{}\n\n## {}\n",
        cli.report_title,
        md(&profile),
        md(crate::i18n::marks_legend(r.language())),
        cli.skills_heading
    )
}

/// A category's heading with its count, then each skill as a task.
fn markdown_category(out: &mut String, cat: &CategoryReport, lang: Lang) {
    out.push_str(&format!(
        "\n### {}\n\n",
        md(&crate::i18n::with_paren(
            lang,
            &cat.name,
            &format!("{}/{}", cat.count.done, cat.count.total)
        )),
    ));
    for s in &cat.skills {
        markdown_skill(out, s, lang);
    }
}

/// One skill as a task (ticked when done; learning or skipped in words),
/// with its markers, then its sources, note and evidence as sub-items.
fn markdown_skill(out: &mut String, s: &SkillReport, lang: Lang) {
    let l = crate::i18n::labels(lang);
    let cli = &l.cli;
    let zh = lang == Lang::Zh;
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
    let marker: String = [s.marker.map(str::to_string), s.examples.clone()]
        .into_iter()
        .flatten()
        .map(|m| format!(" *{m}*"))
        .collect();
    out.push_str(&format!(
        "- {mark} **{}** {}{marker}{tag}\n",
        s.id,
        md(&s.name)
    ));
    let colon = if zh { "：" } else { ": " };
    if let Some(src) = &s.sources {
        out.push_str(&format!("  - {}{colon}{}\n", l.sources, md(src)));
    }
    if !s.note.is_empty() {
        out.push_str(&format!("  - {}{colon}{}\n", cli.note, md(&s.note)));
    }
    if !s.evidence.is_empty() {
        out.push_str(&format!(
            "  - {}{colon}{}{}\n",
            crate::i18n::plan_labels(lang).evidence,
            md(&s.evidence),
            s.evidence_date
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default()
        ));
    }
}

/// The readiness per role as a table.
fn markdown_roles(out: &mut String, r: &Report) {
    let cli = &crate::i18n::labels(r.language()).cli;
    out.push_str(&format!(
        "\n## {}\n\n{}\n|---|---:|---:|---:|\n",
        cli.readiness_per_role.trim_end_matches([':', '：']),
        cli.role_table
    ));
    for role in &r.roles {
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            md(&match &role.thin_measure {
                Some(w) => crate::i18n::with_paren(r.language(), &role.name, w),
                None => role.name.clone(),
            }),
            role.count.done,
            role.count.total,
            role.count.percent
        ));
    }
}

/// A coverage code (`covered`, `partly`, `missing`, `not_mapped`) in `lang`.
fn coverage_word(lang: Lang, code: &str) -> &'static str {
    Coverage::from_code(code).map_or("", |c| crate::i18n::coverage_word(lang, c))
}

/// " (any one of · preferred)" after a requirement's text, or nothing.
fn flags(lang: Lang, q: &RequirementReport) -> String {
    let f = crate::i18n::item_flags(lang, q.preferred, q.any_of);
    match (f.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::Zh) => format!("（{f}）"),
        (false, Lang::En) => format!(" ({f})"),
    }
}

/// One posting's section of the Markdown report: its figures, what the job
/// does, every requirement with its mark, the next skills.
fn markdown_posting(out: &mut String, p: &PostingReport, lang: Lang) {
    let l = crate::i18n::labels(lang);
    let cli = &l.cli;
    let zh = lang == Lang::Zh;
    out.push_str(&format!(
        "\n## {} — {}{}{} · {}\n\n",
        md(&p.company),
        md(&p.title),
        if zh { "：" } else { ": " },
        crate::present::coverage_figure(lang, p.match_percent),
        p.met
    ));
    posting_provenance_md(out, p, l, zh);
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
            "| {} {}{} | {} | {}/{} |\n",
            q.id,
            md(&q.text),
            md(&flags(lang, q)),
            coverage_word(lang, q.coverage),
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
/// A posting's layer and reliability, date, place, source and links, as
/// Markdown lines under its heading.
fn posting_provenance_md(out: &mut String, p: &PostingReport, l: &crate::i18n::Labels, zh: bool) {
    let colon = if zh { "：" } else { ": " };
    let mark: Vec<&str> = [p.layer, p.reliability].into_iter().flatten().collect();
    if !mark.is_empty() {
        out.push_str(&format!("{}\n\n", md(&mark.join(" · "))));
    }
    let date = p.date.as_deref().unwrap_or(l.undated);
    out.push_str(&format!("{}{colon}{}\n\n", l.date, md(date)));
    if let Some(place) = &p.place {
        out.push_str(&format!("{}{colon}{}\n\n", l.place, md(place)));
    }
    out.push_str(&format!("{}{colon}{}\n\n", l.source, md(&p.source)));
    if !p.links.is_empty() {
        out.push_str(&format!("{}{colon}\n\n", l.links));
        for u in &p.links {
            out.push_str(&format!("- <{u}>\n"));
        }
        out.push('\n');
    }
}

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
    let profile = crate::i18n::profile_line(
        r.language(),
        r.profile.years,
        r.profile.role_name.as_deref().or(r.profile.role.as_deref()),
    );
    let lang = r.language();
    let done = crate::i18n::with_paren(
        lang,
        &format!("{}/{}", o.done, o.total),
        &format!("{}%", o.percent),
    );
    let sep = if lang == Lang::Zh { "" } else { " " };
    let mut out = format!("{}{sep}{done}\n{profile}\n\n", cli.skills_done);
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
            let figure = format!("{:>3}% {}", c.percent, paren_count(lang, c));
            match &role.thin_measure {
                Some(w) => format!("{figure} · {w}"),
                None => figure,
            }
        };
        out.push_str(&format!("  {} {figure}\n", pad(&role.name, 32)));
    }
    for p in &r.postings {
        summary_posting(&mut out, p, r.language());
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

/// "(3/5)" as a count in the summary's column: in Chinese the full-width
/// brackets, in English a space before the half-width ones keeps the column.
fn paren_count(lang: Lang, c: Count) -> String {
    let inner = format!("{}/{}", c.done, c.total);
    match lang {
        Lang::Zh => crate::i18n::paren(lang, &inner),
        Lang::En => format!(" {}", crate::i18n::paren(lang, &inner)),
    }
}

/// One posting in the `progress` summary: its figures ("3 of 7 mappable
/// requirements met"), each requirement with its mark, the next skills.
fn summary_posting(out: &mut String, p: &PostingReport, lang: Lang) {
    use crate::text::pad;
    let l = crate::i18n::labels(lang);
    let partly = match lang {
        Lang::En => format!("{} {}", p.partly, l.partly),
        Lang::Zh => format!("{} {} 条", l.partly, p.partly),
    };
    let sep = if lang == Lang::Zh { "：" } else { ": " };
    let figure = format!(
        "{} · {} · {partly}",
        crate::present::coverage_figure(lang, p.match_percent),
        p.met
    );
    let head = format!("{} — {}", p.company, p.title);
    // A long job title: the figure goes on a line of its own, so the
    // summary keeps to 80 columns.
    if crate::text::width(&head) + crate::text::width(&figure) + 2 > 80 {
        out.push_str(&format!(
            "\n{}\n  {figure}\n",
            crate::text::truncate(&head, 80)
        ));
    } else {
        out.push_str(&format!("\n{head}{sep}{figure}\n"));
    }
    let word_w = Coverage::ALL
        .iter()
        .map(|&c| crate::text::width(crate::i18n::coverage_word(lang, c)))
        .max()
        .unwrap_or(10);
    for q in &p.requirements {
        out.push_str(&format!(
            "  {} {} {}{}\n",
            pad(coverage_word(lang, q.coverage), word_w),
            q.id,
            q.text,
            flags(lang, q)
        ));
    }
    if !p.next_skills.is_empty() {
        out.push_str(&format!("  {}\n", l.cli.next_skills));
        for s in &p.next_skills {
            out.push_str(&format!("    {} {}\n", s.id, s.name));
        }
    }
}
