//! Reads a job ad as people paste it (English or Chinese, any layout: any
//! headings, bullets or none, numbered items run together on one line,
//! company blurb, salary and benefits around it) into a posting of the
//! user's own.
//!
//! Two steps, each in its own module:
//! - [`segment`] finds the sections from the text's shape and classes them
//!   by their wording; it gives the responsibilities and requirements, each
//!   requirement with its experience thresholds, whether it is preferred
//!   and whether one of its alternatives is enough (any-of), and every line
//!   it left out with the reason. It never refuses an ad.
//! - [`terms`] maps each item to the catalog skills its words name, through
//!   the `terms` of the skills of the `ads` layer, and keeps the words that
//!   matched as the evidence.
//!
//! Around them, [`html`] turns a saved job page into the ad's text (its
//! schema.org `JobPosting` data, else its visible text) and [`link`] reads
//! a page from a web address.
//!
//! docs/IMPORT.md describes both and the figures measured on real ads.

pub mod html;
pub mod link;
pub mod naming;
pub mod segment;
pub mod terms;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Catalog, TermContext};

/// One item read from the ad, with what the importer understood of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// The item's text as the ad words it (sanitised).
    pub text: String,
    /// Skill ids its words name, in the order they appear; empty: not mapped.
    pub skills: Vec<String>,
    /// For each skill of `skills`, the words of the text that named it.
    pub evidence: BTreeMap<String, String>,
    /// The experience threshold it sets (the first one it states).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_years: Option<u32>,
    /// Nice to have: from a preferred section, or the item says so.
    pub preferred: bool,
    /// The item offers alternatives and one is enough.
    pub any_of: bool,
    /// Why the item maps to no skill by design (`years`, `degree`,
    /// `location`, `work_auth`, `language`, `availability`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_skill: Option<&'static str>,
    /// The sub-heading or lead-in the item sits under.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// 1-based line of the ad where the item starts.
    pub line: usize,
}

/// A line of the ad that was not made an item, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    pub line: usize,
    pub text: String,
    /// A stable code (`heading`, `about`, `benefits`, `salary`, `blurb`…).
    pub reason: &'static str,
}

/// An ad read into its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Parsed {
    /// The job title when the ad opens with one (never an "About X" heading).
    pub title: Option<String>,
    /// The salary the ad states, kept apart from the title and the id.
    pub salary: Option<String>,
    pub responsibilities: Vec<Item>,
    pub requirements: Vec<Item>,
    /// Every non-blank piece that is no item, with its reason.
    pub left_out: Vec<LeftOut>,
    /// `no_requirements` when no requirement was found (the ad is still imported).
    pub warnings: Vec<&'static str>,
}

/// The import terms of every catalog skill that has `terms`, for a
/// [`terms::Matcher`]: one per spelling, English ones in every ad, a
/// Latin-script spelling only the Chinese list has only in Chinese text.
pub fn catalog_terms(c: &Catalog) -> Vec<terms::Term> {
    let mut out = Vec::new();
    for s in &c.skills {
        let Some(t) = &s.terms else { continue };
        let en_has = |a: &str| t.en.iter().any(|e| e.eq_ignore_ascii_case(a));
        let zh_only = t.zh.iter().filter(|a| !en_has(a));
        let tagged =
            t.en.iter()
                .map(|a| (a, terms::Scope::All))
                .chain(zh_only.map(|a| (a, terms::Scope::CjkText)));
        for (alias, scope) in tagged {
            let rule = t.rules.get(alias.as_str());
            let latin = !alias.chars().any(terms::is_cjk);
            out.push(terms::Term {
                skill: s.id.clone(),
                alias: alias.to_string(),
                case_sensitive: t.case_sensitive.iter().any(|c| c == alias),
                not_before: rule.map(|r| r.not_before.clone()).unwrap_or_default(),
                not_after: rule.map(|r| r.not_after.clone()).unwrap_or_default(),
                implies: t.implies.get(alias.as_str()).cloned().unwrap_or_default(),
                context: match rule.and_then(|r| r.context) {
                    Some(TermContext::List) => terms::Context::List,
                    Some(TermContext::Cjk) => terms::Context::Cjk,
                    None => terms::Context::Any,
                },
                scope: if latin { scope } else { terms::Scope::All },
            });
        }
    }
    out
}

/// The matcher of the catalog's import terms, built once per import.
pub fn matcher(c: &Catalog) -> terms::Matcher {
    terms::Matcher::new(catalog_terms(c))
}

/// `text` with every occurrence of `company` (ASCII case ignored) blanked
/// out, byte for byte: an employer named like a tool (`OpenAI`, Mistral)
/// names no skill in its own ad.
fn blank_company(text: &str, company: Option<&str>) -> String {
    let Some(name) = company.map(str::trim).filter(|n| n.chars().count() >= 2) else {
        return text.to_string();
    };
    let lower = text.to_ascii_lowercase();
    let needle = name.to_ascii_lowercase();
    let mut out = text.to_string();
    let mut from = 0;
    while let Some(at) = lower.get(from..).and_then(|r| r.find(&needle)) {
        let (a, b) = (from + at, from + at + needle.len());
        out.replace_range(a..b, &" ".repeat(b - a));
        from = b;
    }
    out
}

/// One item of [`segment`] mapped to skills with their evidence.
fn mapped(m: &terms::Matcher, it: &segment::Item, company: Option<&str>) -> Item {
    let mut skills = Vec::new();
    let mut evidence = BTreeMap::new();
    if it.no_skill.is_none() {
        for hit in m.map_line(&blank_company(&it.text, company)) {
            if let std::collections::btree_map::Entry::Vacant(e) = evidence.entry(hit.skill) {
                skills.push(e.key().clone());
                e.insert(hit.evidence);
            }
        }
    }
    Item {
        text: it.text.clone(),
        skills,
        evidence,
        min_years: it.min_years.first().copied(),
        preferred: it.preferred,
        any_of: it.any_of,
        no_skill: it.no_skill.map(segment::NoSkill::code),
        group: it.group.clone(),
        line: it.line,
    }
}

/// Reads an ad: its sections and items ([`segment::segment`]), each item
/// mapped by `m` (see [`matcher`]) with `company`'s name blanked. Every line
/// is sanitised first. Never fails; see [`Parsed::warnings`].
pub fn understand(m: &terms::Matcher, ad: &str, company: Option<&str>) -> Parsed {
    let clean: Vec<String> = ad.lines().map(crate::text::sanitize).collect();
    let s = segment::segment(&clean.join("\n"));
    Parsed {
        title: s.title.clone(),
        salary: s.salary.clone(),
        responsibilities: s
            .responsibilities()
            .map(|i| mapped(m, i, company))
            .collect(),
        requirements: s.requirements().map(|i| mapped(m, i, company)).collect(),
        left_out: s
            .left_out
            .iter()
            .map(|l| LeftOut {
                line: l.line,
                text: l.text.clone(),
                reason: l.reason.code(),
            })
            .collect(),
        warnings: s.warnings.iter().map(|w| w.code()).collect(),
    }
}

/// What the user tells the importer beside the ad.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub company: Option<String>,
    pub title: Option<String>,
    pub id: Option<String>,
    /// The role the posting hires for (default `ai_engineer`).
    pub role: Option<String>,
    /// Where the ad came from, for the posting's `source`.
    pub source: String,
    /// When the ad was posted, as its page says (the posting's `date`).
    pub date: Option<String>,
    /// The web addresses the ad was read from (the posting's `urls`).
    pub urls: Vec<String>,
    /// `company` came from the page's data, not from the user.
    pub page_company: bool,
    /// `title` came from the page's data, not from the user.
    pub page_title: bool,
    /// The line of the ad `company` was guessed from ([`naming::with_guess`]).
    pub company_cue: Option<naming::Cue>,
    /// The language of the report.
    pub lang: crate::model::Lang,
}

impl Options {
    /// Fills the title and company the user did not give with the page's
    /// (its `JobPosting` data), noting that they came from the page.
    pub fn fill_from_page(&mut self, title: Option<String>, company: Option<String>) {
        self.page_title = self.title.is_none() && title.is_some();
        self.page_company = self.company.is_none() && company.is_some();
        self.title = self.title.take().or(title);
        self.company = self.company.take().or(company);
    }
}

/// A posting id from the words of `s`: lower-case ASCII letters and digits
/// joined by `_`, at most 48 characters; empty if `s` has none.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for w in s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + w.len() + 1 > 48 {
            break;
        }
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(&w.to_ascii_lowercase());
    }
    out
}

/// The posting's id: `--id`, else from the company and title, else
/// `posting`; with `_2`, `_3`… when `taken` says one is in use (an `--id`
/// given is used as it is: the caller reports a clash).
pub fn choose_id(opts: &Options, title: &str, taken: impl Fn(&str) -> bool) -> String {
    if let Some(id) = &opts.id {
        return id.clone();
    }
    let mut base = slug(&format!(
        "{} {}",
        opts.company.as_deref().unwrap_or(""),
        title
    ));
    if base.is_empty() {
        base = "posting".into();
    }
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}_{n}");
        n += 1;
    }
    id
}

/// The posting as written to the user's file (and printed by `--json`), in
/// the schema of one posting of `postings.yaml`, texts as plain strings.
#[derive(Debug, Serialize)]
pub struct OutPosting {
    pub id: String,
    pub company: String,
    pub title: String,
    pub role: String,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub urls: Vec<String>,
    pub responsibilities: Vec<OutItem>,
    pub requirements: Vec<OutItem>,
}

/// One item of an [`OutPosting`].
#[derive(Debug, Serialize)]
pub struct OutItem {
    pub id: String,
    pub text: String,
    pub skills: Vec<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub evidence: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_years: Option<u32>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub preferred: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub any_of: bool,
}

/// The posting `p` would be saved as, with id `id`.
pub fn posting(p: &Parsed, id: &str, opts: &Options) -> OutPosting {
    let title = opts
        .title
        .clone()
        .or_else(|| p.title.clone())
        .unwrap_or_else(|| crate::i18n::import_placeholders(opts.lang).0.into());
    let company = opts
        .company
        .clone()
        .unwrap_or_else(|| crate::i18n::import_placeholders(opts.lang).1.into());
    let items = |list: &[Item], prefix: &str| -> Vec<OutItem> {
        list.iter()
            .enumerate()
            .map(|(i, x)| OutItem {
                id: format!("{prefix}{}", i + 1),
                text: x.text.clone(),
                skills: x.skills.clone(),
                evidence: x.evidence.clone(),
                min_years: x.min_years,
                preferred: x.preferred,
                any_of: x.any_of,
            })
            .collect()
    };
    OutPosting {
        id: id.to_string(),
        company,
        title,
        role: opts.role.clone().unwrap_or_else(|| "ai_engineer".into()),
        source: opts.source.clone(),
        date: opts.date.clone(),
        urls: opts.urls.clone(),
        responsibilities: items(&p.responsibilities, "R"),
        requirements: items(&p.requirements, "Q"),
    }
}

/// The posting as YAML, with a comment saying what to edit.
pub fn to_yaml(posting: &OutPosting) -> String {
    let body = serde_yaml::to_string(posting).unwrap_or_default();
    format!(
        "# Your own posting, imported by `career-explorer postings import`.\n\
         # Edit it freely: each item's `skills` are skill ids (career-explorer skills),\n\
         # `evidence` the words that named each, `min_years` an experience threshold,\n\
         # `preferred: true` a nice-to-have, `any_of: true` one of its skills is enough;\n\
         # a text may be a plain string or {{en: ..., zh: ...}}.\n\
         {body}"
    )
}

/// What makes two imported postings the same ad: where it was read from,
/// and its company, title and item texts (case and spacing ignored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdKey {
    /// The posting's `source` ("Imported from …").
    pub source: String,
    /// Company, title and every item's text, normalised.
    pub body: String,
}

/// `s` in lower case with runs of white space made one space.
fn normal(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl AdKey {
    fn new<'a>(
        source: &str,
        company: &str,
        title: &str,
        items: impl Iterator<Item = &'a str>,
    ) -> AdKey {
        let mut body = format!("{}\u{1F}{}", normal(company), normal(title));
        for t in items {
            body.push('\u{1F}');
            body.push_str(&normal(t));
        }
        AdKey {
            source: source.trim().to_string(),
            body,
        }
    }

    /// The key of a posting about to be saved.
    pub fn of_new(p: &OutPosting) -> AdKey {
        let items = p.responsibilities.iter().chain(&p.requirements);
        AdKey::new(
            &p.source,
            &p.company,
            &p.title,
            items.map(|i| i.text.as_str()),
        )
    }

    /// The key of a posting of the catalog (its English texts; imported
    /// ones hold the same words in both languages).
    pub fn of_posting(p: &crate::model::Posting) -> AdKey {
        let en = crate::model::Lang::En;
        let items = p.responsibilities.iter().chain(&p.requirements);
        AdKey::new(
            p.source.get(en),
            p.company.get(en),
            p.title.get(en),
            items.map(|i| i.text.get(en)),
        )
    }

    /// Whether `other` is the same ad: the same source, or the same
    /// company, title and items.
    pub fn same_ad(&self, other: &AdKey) -> bool {
        (!self.source.is_empty() && self.source == other.source) || self.body == other.body
    }
}
