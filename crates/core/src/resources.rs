//! Learning resources and effort estimates (`data/resources.yaml`): where to
//! learn each skill, and how many hours it takes by our estimate. Loaded
//! beside the catalog and checked against it (every skill id known, every
//! value in its set, every date a real date), each problem with its file,
//! line and column. A `--data DIR` folder may leave the file out: the plan
//! then lists no resources and no effort.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{DataError, Problem};
use crate::i18n::{Arg, Msg};
use crate::model::{Catalog, Clean, Lang, Text};
use crate::store::loader;
use crate::store::yamlpos::{find_word, line_col};

/// The bundled file's name, also the name looked for in a `--data` folder.
pub const FILE: &str = "resources.yaml";

const BUNDLED: &str = include_str!("../../../data/resources.yaml");

/// The language a resource is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResourceLang {
    En,
    Zh,
}

impl ResourceLang {
    /// The interface language this resource suits.
    pub fn lang(self) -> Lang {
        match self {
            ResourceLang::En => Lang::En,
            ResourceLang::Zh => Lang::Zh,
        }
    }

    /// `en` or `zh`, as written in the file.
    pub fn code(self) -> &'static str {
        match self {
            ResourceLang::En => "en",
            ResourceLang::Zh => "zh",
        }
    }
}

/// What kind of material a resource is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    Docs,
    Course,
    Book,
    Tutorial,
}

impl ResourceKind {
    /// The name written in the file.
    pub fn code(self) -> &'static str {
        match self {
            ResourceKind::Docs => "docs",
            ResourceKind::Course => "course",
            ResourceKind::Book => "book",
            ResourceKind::Tutorial => "tutorial",
        }
    }
}

/// Whether a resource costs money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Cost {
    Free,
    Paid,
}

impl Cost {
    /// `free` or `paid`.
    pub fn code(self) -> &'static str {
        match self {
            Cost::Free => "free",
            Cost::Paid => "paid",
        }
    }
}

/// One place to learn from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// Unique among resources; letters, digits, `_` and `-`.
    #[schemars(pattern(crate::model::json_shape::ID_PATTERN))]
    pub id: String,
    /// Its title, `{en, zh}` or one plain string.
    pub title: Text,
    /// Who publishes it.
    pub publisher: Clean,
    /// Its address (http or https), exactly as found in public material.
    pub url: Clean,
    /// The language it is written in.
    pub lang: ResourceLang,
    pub kind: ResourceKind,
    pub cost: Cost,
    /// The day the address was checked, `YYYY-MM-DD`.
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub checked: String,
    /// The skill ids it serves (concepts or checklist tasks).
    #[schemars(inner(pattern(crate::model::json_shape::ID_PATTERN)))]
    pub skills: Vec<String>,
}

/// Our estimate of the hours one skill takes: `[low, high]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Effort {
    #[schemars(pattern(crate::model::json_shape::ID_PATTERN))]
    pub skill: String,
    /// Low and high estimate in hours of focused work.
    pub hours: [u32; 2],
}

/// The file's shape.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResourcesFile {
    #[serde(default)]
    pub resources: Vec<Resource>,
    #[serde(default)]
    pub effort: Vec<Effort>,
}

/// The resources, indexed by skill (positions in `Catalog::skills`).
#[derive(Debug, Clone, Default)]
pub struct Resources {
    pub file: ResourcesFile,
    /// Per skill: the positions in `file.resources` that serve it, file order.
    pub by_skill: Vec<Vec<usize>>,
    /// Per skill: its effort estimate in hours, if one is given.
    pub effort: Vec<Option<(u32, u32)>>,
}

impl Resources {
    /// At most `n` resources for `skill`: those in `lang` first, then the
    /// others, each group in file order.
    pub fn for_skill(&self, skill: usize, lang: Lang, n: usize) -> Vec<&Resource> {
        let all = self.by_skill.get(skill).map_or(&[][..], Vec::as_slice);
        let pick = |same: bool| {
            all.iter()
                .map(|&r| &self.file.resources[r])
                .filter(move |r| (r.lang.lang() == lang) == same)
        };
        pick(true).chain(pick(false)).take(n).collect()
    }

    /// The effort estimate of `skill` in hours, `(low, high)`.
    pub fn effort(&self, skill: usize) -> Option<(u32, u32)> {
        self.effort.get(skill).copied().flatten()
    }
}

/// The bundled resources, checked against `c`.
pub fn bundled(c: &Catalog) -> Result<Resources, DataError> {
    from_text("data/resources.yaml", BUNDLED, c)
}

/// The bundled text (for `career-explorer data`).
pub const fn bundled_text() -> &'static str {
    BUNDLED
}

/// The resources for a catalog loaded from `dir` (bundled when `None`): a
/// folder without `resources.yaml` has none; a file that is there is read
/// within `limits` and checked.
pub fn load(
    dir: Option<&Path>,
    c: &Catalog,
    limits: loader::Limits,
) -> Result<Resources, DataError> {
    let Some(dir) = dir else { return bundled(c) };
    let path = dir.join(FILE);
    let name = path.display().to_string();
    let problem = |msg: Msg| DataError {
        problems: vec![Problem::new(name.clone(), None, None, msg)],
    };
    match std::fs::metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(index(c, ResourcesFile::default()));
        }
        Err(e) => {
            let msg = Msg::new("cannot_read").arg("e", Arg::Io(e.to_string(), e.kind()));
            return Err(problem(msg));
        }
        Ok(m) if !m.is_file() => {
            return Err(problem(Msg::new("res_not_regular")));
        }
        Ok(m) if m.len() > limits.max_file_bytes => {
            let msg = Msg::new("res_too_large")
                .text("len", m.len())
                .text("limit", limits.max_file_bytes);
            return Err(problem(msg));
        }
        Ok(_) => {}
    }
    let text = loader::read_text(&path, limits.max_file_bytes)
        .map_err(|p| DataError { problems: vec![p] })?;
    from_text(&name, &text, c)
}

/// Parses and checks `text` (named `name` in messages) against `c`.
pub fn from_text(name: &str, text: &str, c: &Catalog) -> Result<Resources, DataError> {
    let file: ResourcesFile =
        loader::parse_text(name, text).map_err(|problems| DataError { problems })?;
    let problems = check(&file, name, text, c);
    if problems.is_empty() {
        Ok(index(c, file))
    } else {
        Err(DataError { problems })
    }
}

fn index(c: &Catalog, file: ResourcesFile) -> Resources {
    let mut by_skill = vec![Vec::new(); c.skills.len()];
    for (i, r) in file.resources.iter().enumerate() {
        for s in r.skills.iter().filter_map(|s| c.skill_index(s)) {
            by_skill[s].push(i);
        }
    }
    let mut effort = vec![None; c.skills.len()];
    for e in &file.effort {
        if let Some(s) = c.skill_index(&e.skill) {
            effort[s] = Some((e.hours[0], e.hours[1]));
        }
    }
    Resources {
        file,
        by_skill,
        effort,
    }
}

/// Whether `s` is a real calendar day written `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    crate::dates::parse_day(s).is_some()
}

/// Every problem of `file` (read from `text`) against the catalog: each
/// resource's in order, then each effort entry's.
fn check(file: &ResourcesFile, name: &str, text: &str, c: &Catalog) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_resources(file, name, text, c, &mut problems);
    check_efforts(file, name, text, c, &mut problems);
    problems
}

/// Each resource has a valid id given once, a web address, a checked day,
/// known skills (at least one), a title and a publisher.
fn check_resources(
    file: &ResourcesFile,
    name: &str,
    text: &str,
    c: &Catalog,
    problems: &mut Vec<Problem>,
) {
    let mut at = |owner: &str, word: &str, msg: Msg| {
        problems.push(Problem::new(
            name.to_string(),
            loader::ref_position(text, owner, word),
            Some(owner.to_string()),
            msg,
        ));
    };
    let mut seen = std::collections::BTreeSet::new();
    for r in &file.resources {
        if !loader::is_valid_id(&r.id) {
            at(&r.id, &r.id, Msg::new("res_id").text("id", &r.id));
        }
        if !seen.insert(r.id.as_str()) {
            at(&r.id, &r.id, Msg::new("res_twice").text("id", &r.id));
        }
        if !crate::text::is_web_address(&r.url) {
            at(&r.id, "url", Msg::new("res_url").text("id", &r.id));
        }
        if !is_date(&r.checked) {
            at(
                &r.id,
                &r.checked,
                Msg::new("res_checked")
                    .text("id", &r.id)
                    .text("checked", &r.checked),
            );
        }
        if r.skills.is_empty() {
            at(&r.id, "skills", Msg::new("res_no_skill").text("id", &r.id));
        }
        for s in r.skills.iter().filter(|s| c.skill_index(s).is_none()) {
            at(
                &r.id,
                s,
                Msg::new("res_skill").text("id", &r.id).text("skill", s),
            );
        }
        if r.title.en.is_empty() || r.publisher.is_empty() {
            at(&r.id, "title", Msg::new("res_title").text("id", &r.id));
        }
    }
}

/// Each effort entry names a known skill, once, with hours `[low, high]`
/// where `0 < low <= high`.
fn check_efforts(
    file: &ResourcesFile,
    name: &str,
    text: &str,
    c: &Catalog,
    problems: &mut Vec<Problem>,
) {
    // An effort entry is found after the `effort:` key, each after the last.
    let mut from = text.find("\neffort:").unwrap_or(0);
    let mut efforts = std::collections::BTreeSet::new();
    for e in &file.effort {
        let found = find_word(text, &e.skill, from);
        from = found.map_or(from, |o| o + 1);
        let mut slip = |msg: Msg| {
            problems.push(Problem::new(
                name.to_string(),
                found.map(|o| line_col(text, o)),
                Some(e.skill.clone()),
                msg,
            ));
        };
        if c.skill_index(&e.skill).is_none() {
            slip(Msg::new("effort_skill").text("skill", &e.skill));
        }
        if !efforts.insert(e.skill.as_str()) {
            slip(Msg::new("effort_twice").text("skill", &e.skill));
        }
        if e.hours[0] == 0 || e.hours[0] > e.hours[1] {
            slip(Msg::new("effort_hours").text("skill", &e.skill));
        }
    }
}
