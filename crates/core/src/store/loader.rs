//! Reads the five YAML files (bundled, or from `--data DIR`), parses them and
//! checks every id and cross-reference, collecting all problems before failing.
//!
//! Each file is read whole, checked against the safety rules of
//! [`crate::store::yamlcheck`] (no anchors or aliases, bounded depth, ...) and then
//! deserialised by `serde_yaml` straight into the model types. A file over
//! [`MAX_FILE_BYTES`] is refused before it is read unless a larger [`Limits`]
//! is given.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{DataError, Problem};
use crate::i18n::{Arg, Msg};
use crate::model::{
    Catalog, Group, Index, ItemRef, Lang, Layer, NotesFile, PostingsFile, RolesFile, Side,
    SkillsFile,
};
use crate::store::yamlpos::{find_decl, find_word, line_col};
use crate::text::is_web_address;

/// The files a data folder must hold.
pub const FILES: [&str; 5] = [
    "boundary.yaml",
    "roles.yaml",
    "skills.yaml",
    "postings.yaml",
    "notes.yaml",
];

/// A data file larger than this is refused before it is parsed, unless a
/// larger limit is asked for ([`Limits`]).
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The environment variable that raises the per-file limit, in MiB
/// (`--max-file-mb` wins over it).
pub const MAX_FILE_MB_ENV: &str = "CAREER_EXPLORER_MAX_FILE_MB";

/// The largest limit `--max-file-mb` accepts, in MiB (1 TiB).
pub const MAX_FILE_MB_CEILING: u64 = 1024 * 1024;

const MIB: u64 = 1024 * 1024;

/// What a load accepts. The default refuses any data file over
/// [`MAX_FILE_BYTES`] (4 MiB); a larger catalog needs an explicit limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A data file larger than this many bytes is refused before it is read.
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: MAX_FILE_BYTES,
        }
    }
}

impl Limits {
    /// A limit of `mb` MiB per data file.
    pub fn from_mb(mb: u64) -> Self {
        Limits {
            max_file_bytes: mb.saturating_mul(MIB),
        }
    }
}

/// Reads a per-file limit in MiB, as given to `--max-file-mb` or in
/// `CAREER_EXPLORER_MAX_FILE_MB`: a whole number from 1 to 1048576.
pub fn parse_max_file_mb(s: &str) -> Result<u64, String> {
    match s.trim().parse::<u64>() {
        Ok(mb) if (1..=MAX_FILE_MB_CEILING).contains(&mb) => Ok(mb),
        _ => Err(not_a_size(s).to_string()),
    }
}

/// Why `s` is not a per-file limit ([`parse_max_file_mb`]), to say in
/// either language.
pub fn not_a_size(s: &str) -> Msg {
    Msg::new("not_a_size")
        .text("s", s)
        .text("max", MAX_FILE_MB_CEILING)
        .text("default", MAX_FILE_BYTES / MIB)
}

const BUNDLED: [&str; 5] = [
    include_str!("../../../../data/boundary.yaml"),
    include_str!("../../../../data/roles.yaml"),
    include_str!("../../../../data/skills.yaml"),
    include_str!("../../../../data/postings.yaml"),
    include_str!("../../../../data/notes.yaml"),
];

/// One data file: its name (as shown in messages) and its text.
struct Source<'t> {
    name: String,
    text: Cow<'t, str>,
}

impl Source<'_> {
    fn text(&self) -> &str {
        &self.text
    }
}

/// A file read whole, but no further than the limit: one that grew past it
/// since its size was checked (or a device that never ends) is an error,
/// not a hang. Text that is not UTF-8 is refused at its line and column.
pub(crate) fn read_text(path: &Path, limit: u64) -> Result<String, Problem> {
    let problem =
        |position, msg: Msg| Problem::new(path.display().to_string(), position, None, msg);
    let mut bytes = Vec::new();
    super::regular::open_read(path)
        .and_then(|f| f.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(|e| problem(None, cannot_read(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(problem(None, too_large(bytes.len() as u64, limit)));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // The prefix is valid UTF-8: its length is the offset of the bad byte.
        let at = line_col(std::str::from_utf8(valid).unwrap_or_default(), valid.len());
        problem(Some(at), Msg::new("not_utf8"))
    })
}

/// Loads the data bundled into the binary, or the folder given.
pub fn load(dir: Option<&Path>) -> Result<Catalog, DataError> {
    load_with(dir, Limits::default())
}

/// [`load`] with a limit of its own on the size of each data file.
pub fn load_with(dir: Option<&Path>, limits: Limits) -> Result<Catalog, DataError> {
    match dir {
        Some(dir) => load_dir_with(dir, limits),
        None => load_bundled(),
    }
}

/// Loads the data compiled into the binary (`data/*.yaml`), as `build.rs`
/// checked it: no YAML is read at start (see [`crate::store::frozen`]).
pub fn load_bundled() -> Result<Catalog, DataError> {
    super::frozen::thaw(super::BUNDLED_CATALOG)
}

/// The bundled files' texts, in the order of `FILES`.
pub const fn bundled_texts() -> [&'static str; 5] {
    BUNDLED
}

/// Loads from texts held in memory, in the order of `FILES` (for the fuzzer
/// and tests that do not want a folder).
pub fn load_texts(texts: [&str; 5]) -> Result<Catalog, DataError> {
    let sources = FILES
        .iter()
        .zip(texts)
        .map(|(name, text)| Source {
            name: format!("data/{name}"),
            text: Cow::Borrowed(text),
        })
        .collect();
    build(sources)
}

/// Loads the folder `dir`, refusing any data file over [`MAX_FILE_BYTES`].
pub fn load_dir(dir: &Path) -> Result<Catalog, DataError> {
    load_dir_with(dir, Limits::default())
}

/// [`load_dir`] with a limit of its own on the size of each data file.
pub fn load_dir_with(dir: &Path, limits: Limits) -> Result<Catalog, DataError> {
    if !dir.is_dir() {
        let msg = match std::fs::metadata(dir) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Msg::new("dir_missing"),
            Err(e) => Msg::new("dir_unreadable").arg("e", Arg::Io(e.to_string(), e.kind())),
            Ok(_) => Msg::new("dir_not_folder"),
        };
        let msg = msg.text("files", FILES.join(", "));
        return Err(DataError {
            problems: vec![Problem::new(dir.display().to_string(), None, None, msg)],
        });
    }
    let mut problems = Vec::new();
    let mut sources = Vec::new();
    for name in FILES {
        let path = dir.join(name);
        match check_file(&path, limits).and_then(|()| read_text(&path, limits.max_file_bytes)) {
            Ok(text) => sources.push(Source {
                name: path.display().to_string(),
                text: Cow::Owned(text),
            }),
            Err(p) => problems.push(p),
        }
    }
    if !problems.is_empty() {
        // Still parse the files that can be read, so their problems show too.
        for src in &sources {
            parse::<serde::de::IgnoredAny>(src, &mut problems);
        }
        return Err(DataError { problems });
    }
    build(sources)
}

/// A data file that exists, is a file and is within the size limit.
fn check_file(path: &Path, limits: Limits) -> Result<(), Problem> {
    let name = path.display().to_string();
    let problem = |msg: Msg| Problem::new(name.clone(), None, None, msg);
    let meta = std::fs::metadata(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            problem(Msg::new("file_missing").text("files", FILES.join(", ")))
        } else {
            problem(cannot_read(&e))
        }
    })?;
    if meta.is_dir() {
        return Err(problem(Msg::new("file_is_dir")));
    }
    if meta.len() > limits.max_file_bytes {
        return Err(problem(too_large(meta.len(), limits.max_file_bytes)));
    }
    Ok(())
}

/// "cannot read: <the system's reason>".
fn cannot_read(e: &std::io::Error) -> Msg {
    Msg::new("cannot_read").arg("e", Arg::Io(e.to_string(), e.kind()))
}

/// Why a file over the limit is refused, and how to raise the limit.
fn too_large(len: u64, limit: u64) -> Msg {
    let need = len.div_ceil(MIB);
    Msg::new("too_large")
        .text("len", len)
        .text("mib", format!("{:.1}", len as f64 / MIB as f64))
        .text("limit", limit)
        .text(
            "limit_h",
            if limit.is_multiple_of(MIB) {
                format!("{} MiB", limit / MIB)
            } else {
                format!("{:.1} MiB", limit as f64 / MIB as f64)
            },
        )
        .text("need", need)
        .text("env", MAX_FILE_MB_ENV)
}

/// The file as a `T`: first the safety rules ([`crate::store::yamlcheck`]), which
/// `serde_yaml` does not apply by itself, then `serde_yaml`. A problem is added
/// with the file, line and column.
fn parse<T: DeserializeOwned>(src: &Source, problems: &mut Vec<Problem>) -> Option<T> {
    let text = src.text();
    let refusal = match crate::store::yamlcheck::check(text) {
        Ok(()) => None,
        // serde_yaml words a plain syntax error better; the text is safe
        // up to it, and serde_yaml stops there too.
        Err(r) if r.syntax => None,
        Err(r) => Some(r),
    };
    if let Some(r) = refusal {
        problems.push(Problem {
            message: crate::text::sanitize(&r.message.to_string()),
            ..Problem::new(src.name.clone(), Some((r.line, r.col)), None, r.message)
        });
        return None;
    }
    let err = match serde_yaml::from_str::<T>(text) {
        Ok(v) => return Some(v),
        Err(e) => e,
    };
    // Typed parsing stops at the first shape error, which can sit above a
    // syntax error. Report the syntax error when there is one: it is the cause.
    let err = match serde_yaml::from_str::<serde::de::IgnoredAny>(text) {
        Err(syntax) => syntax,
        Ok(_) => err,
    };
    // The reader's errors (e.g. a raw control character) carry only a byte
    // offset, in the message; `serde_error` derives the real position.
    let (position, message) = crate::store::yamlpos::serde_error(&err, text);
    problems.push(Problem {
        message: crate::text::sanitize(&message),
        ..Problem::new(src.name.clone(), position, None, Msg::reader(&message))
    });
    None
}

fn build(sources: Vec<Source<'_>>) -> Result<Catalog, DataError> {
    let sources =
        <[Source<'_>; 5]>::try_from(sources).map_err(|_| DataError { problems: vec![] })?;
    let mut problems = Vec::new();
    let [b, r, s, p, n] = &sources;
    let boundary = parse::<crate::model::Boundary>(b, &mut problems);
    let roles = parse::<RolesFile>(r, &mut problems);
    let skills = parse::<SkillsFile>(s, &mut problems);
    let postings = parse::<PostingsFile>(p, &mut problems);
    let notes = parse::<NotesFile>(n, &mut problems);
    let (Some(boundary), Some(roles), Some(skills), Some(postings), Some(notes)) =
        (boundary, roles, skills, postings, notes)
    else {
        return Err(DataError { problems });
    };
    let mut catalog = Catalog {
        boundary,
        roles: roles.roles,
        categories: skills.categories,
        skills: skills.skills,
        postings: postings.postings,
        notes,
        index: Index::default(),
    };
    let files = Files {
        boundary: b,
        roles: r,
        skills: s,
        postings: p,
        notes: n,
    };
    validate(&mut catalog, &files, &mut problems);
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(DataError { problems })
    }
}

struct Files<'a, 't> {
    boundary: &'a Source<'t>,
    roles: &'a Source<'t>,
    skills: &'a Source<'t>,
    postings: &'a Source<'t>,
    notes: &'a Source<'t>,
}

/// Builds problems that point at where an id stands in its file.
struct Reporter<'p> {
    problems: &'p mut Vec<Problem>,
}

impl Reporter<'_> {
    /// A problem with the `nth` declaration `id: <id>` in `src`.
    fn at_decl(&mut self, src: &Source, id: &str, nth: usize, msg: Msg) {
        self.problems.push(Problem::new(
            src.name.clone(),
            find_decl(src.text(), id, nth).map(|o| line_col(src.text(), o)),
            Some(id.to_string()),
            msg,
        ));
    }

    /// A problem with a reference `target` made by the item declared as `owner`.
    fn at_ref(&mut self, src: &Source, owner: &str, target: &str, msg: Msg) {
        // Search after the owner's own id, which may spell the same word.
        let text = src.text();
        let from = find_decl(text, owner, 0).map_or(0, |o| o + owner.len());
        let at = find_word(text, target, from).or_else(|| find_word(text, target, 0));
        self.problems.push(Problem::new(
            src.name.clone(),
            at.map(|o| line_col(text, o)),
            Some(target.to_string()),
            msg,
        ));
    }
}

/// Checks every id and reference of `c` (problems go to `problems`, in the
/// order the phases below run); when all resolve, fills in the derived
/// indices.
fn validate(c: &mut Catalog, f: &Files, problems: &mut Vec<Problem>) {
    let mut rep = Reporter { problems };
    check_all_ids(c, f, &mut rep);
    check_not_empty(c, f, &mut rep);
    let ids = IdMaps::new(c);
    let (spectrum, left_count) = resolve_spectrum(c, f, &ids, &mut rep);
    check_role_workflows(c, f, &ids, &mut rep);
    check_basis(c, f, &mut rep);
    check_layer(c, f, &mut rep);
    let (skill_category, skill_roles) = resolve_skill_refs(c, f, &ids, &mut rep);
    let skill_relates = resolve_relates(c, f, &ids, &mut rep);
    check_posting_bounds(c, f, &mut rep);
    let item_skills = resolve_posting_refs(c, f, &ids, &mut rep);

    if !rep.problems.is_empty() {
        return;
    }
    // The id maps are done with: free them before the index is built.
    drop(ids);

    // All references resolve: fill in the derived indices.
    for ((skill, (cat, roles)), relates) in c
        .skills
        .iter_mut()
        .zip(skill_category.into_iter().zip(skill_roles))
        .zip(skill_relates)
    {
        skill.category_idx = cat;
        skill.role_idx = roles;
        skill.relates_idx = relates;
    }
    for (posting, per_posting) in c.postings.iter_mut().zip(item_skills) {
        let mut it = per_posting.into_iter();
        for item in posting
            .responsibilities
            .iter_mut()
            .chain(posting.requirements.iter_mut())
        {
            item.skill_idx = it.next().unwrap_or_default();
        }
    }
    c.index = derive_index(c, spectrum, left_count);
    c.finish_index();
}

/// Every id of every kind is valid and declared once: roles, categories,
/// skills, postings, workflows, notes, then each posting's items.
fn check_all_ids(c: &Catalog, f: &Files, rep: &mut Reporter) {
    check_ids(rep, f.roles, "role", c.roles.iter().map(|x| x.id.as_str()));
    check_ids(
        rep,
        f.skills,
        "category",
        c.categories.iter().map(|x| x.id.as_str()),
    );
    check_ids(
        rep,
        f.skills,
        "skill",
        c.skills.iter().map(|x| x.id.as_str()),
    );
    check_ids(
        rep,
        f.postings,
        "posting",
        c.postings.iter().map(|x| x.id.as_str()),
    );
    check_ids(
        rep,
        f.boundary,
        "workflow",
        c.boundary.workflows.iter().map(|x| x.id.as_str()),
    );
    let note_ids = c
        .notes
        .traits
        .iter()
        .chain(&c.notes.capabilities)
        .chain(&c.notes.notes)
        .map(|x| x.id.as_str())
        .chain(c.notes.sources.iter().map(|x| x.id.as_str()));
    check_ids(rep, f.notes, "note", note_ids);
    for posting in &c.postings {
        let items = posting
            .responsibilities
            .iter()
            .chain(&posting.requirements)
            .map(|x| x.id.as_str());
        check_ids(rep, f.postings, "posting item", items);
    }
}

/// The catalog has at least one role, one skill and one category.
fn check_not_empty(c: &Catalog, f: &Files, rep: &mut Reporter) {
    for (what, empty) in [
        ("roles", c.roles.is_empty()),
        ("skills", c.skills.is_empty()),
        ("categories", c.categories.is_empty()),
    ] {
        if empty {
            let file = if what == "roles" { f.roles } else { f.skills };
            let msg = Msg::new("none_of").arg("what", Arg::Word(what));
            rep.problems
                .push(Problem::new(file.name.clone(), None, None, msg));
        }
    }
}

/// Id -> index maps (the first of duplicate ids, as a scan would find), so a
/// reference resolves in O(1): validation stays linear in the catalog.
struct IdMaps<'a> {
    roles: HashMap<&'a str, usize>,
    skills: HashMap<&'a str, usize>,
    categories: HashMap<&'a str, usize>,
    workflows: HashMap<&'a str, usize>,
}

impl<'a> IdMaps<'a> {
    fn new(c: &'a Catalog) -> Self {
        fn first_index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, usize> {
            let mut m = HashMap::new();
            for (i, id) in ids.enumerate() {
                m.entry(id).or_insert(i);
            }
            m
        }
        IdMaps {
            roles: first_index(c.roles.iter().map(|x| x.id.as_str())),
            skills: first_index(c.skills.iter().map(|x| x.id.as_str())),
            categories: first_index(c.categories.iter().map(|x| x.id.as_str())),
            workflows: first_index(c.boundary.workflows.iter().map(|x| x.id.as_str())),
        }
    }
}

/// The spectrum: every id is a role, left-side roles come first, then
/// right-side; it is not empty. Gives the drawn roles' indices and how many
/// of them are left-side.
fn resolve_spectrum(
    c: &Catalog,
    f: &Files,
    ids: &IdMaps,
    rep: &mut Reporter,
) -> (Vec<usize>, usize) {
    let mut spectrum = Vec::new();
    let mut left_count = 0;
    let mut seen_right = false;
    for id in &c.boundary.spectrum {
        let Some(&i) = ids.roles.get(id.as_str()) else {
            rep.at_ref(
                f.boundary,
                "spectrum",
                id,
                Msg::new("spectrum_unknown").text("id", id),
            );
            continue;
        };
        match c.roles[i].side {
            Side::Left if seen_right => rep.at_ref(
                f.boundary,
                "spectrum",
                id,
                Msg::new("spectrum_order").text("id", id),
            ),
            Side::Left => left_count += 1,
            Side::Right => seen_right = true,
            Side::Neither => rep.at_ref(
                f.boundary,
                "spectrum",
                id,
                Msg::new("spectrum_neither").text("id", id),
            ),
        }
        spectrum.push(i);
    }
    if c.boundary.spectrum.is_empty() {
        rep.problems.push(Problem::new(
            f.boundary.name.clone(),
            find_word(f.boundary.text(), "spectrum", 0).map(|o| line_col(f.boundary.text(), o)),
            None,
            Msg::new("spectrum_empty"),
        ));
    }
    (spectrum, left_count)
}

/// A role's `workflow` names a known workflow.
fn check_role_workflows(c: &Catalog, f: &Files, ids: &IdMaps, rep: &mut Reporter) {
    for role in &c.roles {
        if let Some(w) = &role.workflow
            && !ids.workflows.contains_key(w.as_str())
        {
            rep.at_ref(
                f.roles,
                &role.id,
                w,
                Msg::new("role_workflow")
                    .text("role", &role.id)
                    .text("id", w),
            );
        }
    }
}

/// Each skill's category and roles as indices; an unknown one is reported
/// (an unknown category stands as 0 until the problems stop the load).
fn resolve_skill_refs(
    c: &Catalog,
    f: &Files,
    ids: &IdMaps,
    rep: &mut Reporter,
) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut skill_category = Vec::with_capacity(c.skills.len());
    let mut skill_roles = Vec::with_capacity(c.skills.len());
    for skill in &c.skills {
        let cat = ids.categories.get(skill.category.as_str()).copied();
        if cat.is_none() {
            rep.at_ref(
                f.skills,
                &skill.id,
                &skill.category,
                Msg::new("skill_category")
                    .text("skill", &skill.id)
                    .text("id", &skill.category),
            );
        }
        skill_category.push(cat.unwrap_or(0));
        let mut idx = Vec::with_capacity(skill.roles.len());
        for r in &skill.roles {
            match ids.roles.get(r.as_str()).copied() {
                Some(i) => idx.push(i),
                None => rep.at_ref(
                    f.skills,
                    &skill.id,
                    r,
                    Msg::new("skill_role")
                        .text("skill", &skill.id)
                        .text("id", r),
                ),
            }
        }
        skill_roles.push(idx);
    }
    (skill_category, skill_roles)
}

/// Each posting's bounded fields are in bounds ([`posting_bounds`]).
fn check_posting_bounds(c: &Catalog, f: &Files, rep: &mut Reporter) {
    for posting in &c.postings {
        for (word, msg) in posting_bounds(posting) {
            rep.at_ref(f.postings, &posting.id, &word, msg);
        }
    }
}

/// Each posting names a known role, and each of its items known skills and
/// evidence only for its own skills. Gives, per posting, each item's skill
/// indices (responsibilities first, then requirements).
fn resolve_posting_refs(
    c: &Catalog,
    f: &Files,
    ids: &IdMaps,
    rep: &mut Reporter,
) -> Vec<Vec<Vec<usize>>> {
    let mut item_skills = Vec::new();
    for posting in &c.postings {
        if !ids.roles.contains_key(posting.role.as_str()) {
            rep.at_ref(
                f.postings,
                &posting.id,
                &posting.role,
                Msg::new("posting_role")
                    .text("posting", &posting.id)
                    .text("id", &posting.role),
            );
        }
        let per_posting = posting
            .responsibilities
            .iter()
            .chain(&posting.requirements)
            .map(|item| resolve_item_refs(item, f, ids, rep))
            .collect();
        item_skills.push(per_posting);
    }
    item_skills
}

/// One posting item's skills as indices (an unknown one is reported), then
/// its evidence keys that are not among its skills.
fn resolve_item_refs(
    item: &crate::model::PostingItem,
    f: &Files,
    ids: &IdMaps,
    rep: &mut Reporter,
) -> Vec<usize> {
    let mut idx = Vec::with_capacity(item.skills.len());
    for s in &item.skills {
        match ids.skills.get(s.as_str()).copied() {
            Some(i) => idx.push(i),
            None => rep.at_ref(
                f.postings,
                &item.id,
                s,
                Msg::new("item_skill").text("item", &item.id).text("id", s),
            ),
        }
    }
    for key in bad_evidence(item) {
        rep.problems.push(Problem::new(
            f.postings.name.clone(),
            evidence_position(f.postings.text(), &item.id, key),
            Some(key.to_string()),
            evidence_message(item, key),
        ));
    }
    idx
}

/// Each skill's `relates_to` as skill indices; an unknown id is reported.
/// A skill of the `ads` layer carries its demand figures.
fn resolve_relates(c: &Catalog, f: &Files, ids: &IdMaps, rep: &mut Reporter) -> Vec<Vec<usize>> {
    let mut out = Vec::with_capacity(c.skills.len());
    for skill in &c.skills {
        let mut idx = Vec::with_capacity(skill.relates_to.len());
        for r in &skill.relates_to {
            match ids.skills.get(r.as_str()).copied() {
                Some(i) => idx.push(i),
                None => rep.at_ref(
                    f.skills,
                    &skill.id,
                    r,
                    Msg::new("relates_unknown")
                        .text("skill", &skill.id)
                        .text("id", r),
                ),
            }
        }
        if skill.layer == Layer::Ads && skill.demand.is_none() {
            rep.at_decl(
                f.skills,
                &skill.id,
                0,
                Msg::new("ads_no_demand").text("skill", &skill.id),
            );
        }
        out.push(idx);
    }
    out
}

/// Every `basis` tag is one of the known source tags: a typo would otherwise
/// hide (or invent) an "our addition" marker.
fn check_basis(c: &Catalog, f: &Files, rep: &mut Reporter) {
    let mut check = |src: &Source, owner: &str, what: Msg, basis: &[String]| {
        for tag in basis.iter().filter(|t| !crate::model::is_basis_tag(t)) {
            rep.at_ref(src, owner, tag, unknown_basis(&what, tag));
        }
    };
    check(
        f.boundary,
        "crossing",
        Msg::new("what_crossing"),
        &c.boundary.crossing.basis,
    );
    for role in &c.roles {
        for (field, basis) in role.basis_of.fields() {
            check(
                f.roles,
                &role.id,
                Msg::new("what_role_field")
                    .text("role", &role.id)
                    .text("field", field),
                basis,
            );
        }
        for (n, fact) in role.facts.iter().enumerate() {
            check(
                f.roles,
                &role.id,
                Msg::new("what_role_fact")
                    .text("role", &role.id)
                    .text("n", n),
                &fact.basis,
            );
        }
    }
    for skill in &c.skills {
        check(
            f.skills,
            &skill.id,
            Msg::new("what_skill").text("id", &skill.id),
            &skill.basis,
        );
    }
    for (n, fig) in c.boundary.figures.iter().enumerate() {
        let what = Msg::new("what_figure").text("n", n);
        check(f.boundary, "figures", what, &fig.basis);
    }
    for note in c.about_notes() {
        check(
            f.notes,
            &note.id,
            Msg::new("what_note").text("id", &note.id),
            &note.basis,
        );
    }
    for p in &c.postings {
        let what = Msg::new("what_posting").text("id", &p.id);
        check(f.postings, &p.id, what, &p.basis);
        for item in p.responsibilities.iter().chain(&p.requirements) {
            for (n, fact) in item.context.iter().enumerate() {
                check(
                    f.postings,
                    &item.id,
                    Msg::new("what_item_context")
                        .text("posting", &p.id)
                        .text("item", &item.id)
                        .text("n", n),
                    &fact.basis,
                );
            }
        }
    }
}

/// "`what` has unknown basis tag `tag`; known tags: …".
fn unknown_basis(what: &Msg, tag: &str) -> Msg {
    let tags = format!(
        "{}, {}",
        crate::model::BASIS_TAGS.join(", "),
        crate::model::RECENT_TAGS.join(", ")
    );
    Msg::new("basis_unknown")
        .arg("what", Arg::Msgs(vec![what.clone()]))
        .text("tag", tag)
        .text("tags", tags)
}

/// The 2024–2026 layer keeps its sources: each of its skills and postings
/// rests on a 2024–2026 source tag, and each of its postings has a web
/// address and a reliability label. Every posting address is a whole
/// `http(s)://` address (no spaces), so it can be printed and linked whole.
fn check_layer(c: &Catalog, f: &Files, rep: &mut Reporter) {
    for skill in &c.skills {
        for other in &skill.see_also {
            if !c.skills.iter().any(|s| &s.id == other) {
                rep.at_ref(
                    f.skills,
                    &skill.id,
                    other,
                    Msg::new("see_also_unknown")
                        .text("skill", &skill.id)
                        .text("id", other),
                );
            }
        }
    }
    let recent = |basis: &[String]| {
        basis
            .iter()
            .any(|t| crate::model::RECENT_TAGS.contains(&t.as_str()))
    };
    for skill in &c.skills {
        if skill.layer == Layer::Recent && !recent(&skill.basis) {
            rep.at_decl(
                f.skills,
                &skill.id,
                0,
                Msg::new("recent_no_source")
                    .text("skill", &skill.id)
                    .text("tags", crate::model::RECENT_TAGS.join(", ")),
            );
        }
    }
    for p in &c.postings {
        let mut missing = Vec::new();
        if p.layer == Layer::Recent {
            if !recent(&p.basis) {
                missing.push(Msg::new("lacks_basis"));
            }
            if p.urls.is_empty() {
                missing.push(Msg::new("lacks_urls"));
            }
            if p.reliability.is_none() {
                missing.push(Msg::new("lacks_reliability"));
            }
        }
        if !missing.is_empty() {
            rep.at_decl(
                f.postings,
                &p.id,
                0,
                Msg::new("posting_lacks")
                    .text("posting", &p.id)
                    .arg("missing", Arg::Msgs(missing)),
            );
        }
        for url in &p.urls {
            if !is_web_address(url) {
                rep.at_ref(
                    f.postings,
                    &p.id,
                    url,
                    Msg::new("bad_url").text("posting", &p.id).text("url", url),
                );
            }
        }
    }
}

/// Parses one YAML text as a `T` under the same rules as a data file (the
/// safety checks, then `serde_yaml`); each problem names `name` and, where
/// known, the line and column.
pub(crate) fn parse_text<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, Vec<Problem>> {
    let src = Source {
        name: name.to_string(),
        text: Cow::Borrowed(text),
    };
    let mut problems = Vec::new();
    parse::<T>(&src, &mut problems).ok_or(problems)
}

/// Line and column of the first declaration `id: <id>` in `text`.
/// The most characters a company name or a posting title may have: far
/// more than any real one, and short enough that laying it out stays cheap.
pub const MAX_NAME_CHARS: usize = 200;

/// The bounded fields of `p` that are out of bounds: a company name or
/// title over [`MAX_NAME_CHARS`] characters, an experience threshold over
/// [`crate::store::progress::MAX_YEARS`]. Each is the word to place the
/// problem at (after the posting's id) and its message.
pub fn posting_bounds(p: &crate::model::Posting) -> Vec<(String, Msg)> {
    let mut out = Vec::new();
    let long = |s: &str| s.chars().count() > MAX_NAME_CHARS;
    let company_chars = [Lang::En, Lang::Zh]
        .map(|l| p.company.get(l).chars().count())
        .into_iter()
        .max()
        .unwrap_or(0);
    if company_chars > MAX_NAME_CHARS {
        out.push((
            "company".to_string(),
            Msg::new("company_long")
                .text("posting", &p.id)
                .text("n", company_chars)
                .text("max", MAX_NAME_CHARS),
        ));
    }
    if long(&p.title.en) || long(&p.title.zh) {
        out.push((
            "title".to_string(),
            Msg::new("title_long")
                .text("posting", &p.id)
                .text("max", MAX_NAME_CHARS),
        ));
    }
    let max = crate::model::MAX_YEARS;
    for item in p.responsibilities.iter().chain(&p.requirements) {
        if let Some(y) = item.min_years.filter(|&y| y > max) {
            out.push((
                y.to_string(),
                Msg::new("min_years_range")
                    .text("posting", &p.id)
                    .text("item", &item.id)
                    .text("y", y)
                    .text("max", max),
            ));
        }
    }
    out
}

pub(crate) fn decl_position(text: &str, id: &str) -> Option<(usize, usize)> {
    find_decl(text, id, 0).map(|o| line_col(text, o))
}

/// Line and column of `word` standing alone in `text`, looked for after the
/// declaration of `owner` first.
pub(crate) fn ref_position(text: &str, owner: &str, word: &str) -> Option<(usize, usize)> {
    let from = find_decl(text, owner, 0).map_or(0, |o| o + owner.len());
    find_word(text, word, from)
        .or_else(|| find_word(text, word, 0))
        .map(|o| line_col(text, o))
}

/// The evidence keys of `item` that are not among its skills: each names
/// the words that matched a skill, so it must be one of them.
pub(crate) fn bad_evidence(item: &crate::model::PostingItem) -> impl Iterator<Item = &str> {
    item.evidence
        .keys()
        .filter(|k| !item.skills.contains(k))
        .map(String::as_str)
}

/// "posting item `Q3` has evidence for `rust`, which is not one of its skills".
pub(crate) fn evidence_message(item: &crate::model::PostingItem, key: &str) -> Msg {
    let skills = if item.skills.is_empty() {
        Arg::Msgs(vec![Msg::new("none")])
    } else {
        Arg::Text(item.skills.join(", "))
    };
    Msg::new("evidence_not_skill")
        .text("item", &item.id)
        .text("key", key)
        .arg("skills", skills)
}

/// Line and column of the evidence key `key` (`key:`) of the item declared
/// as `owner`.
pub(crate) fn evidence_position(text: &str, owner: &str, key: &str) -> Option<(usize, usize)> {
    let mut from = find_decl(text, owner, 0).map_or(0, |o| o + owner.len());
    while let Some(at) = find_word(text, key, from) {
        let after = text[at + key.len()..].trim_start_matches(['"', '\'']);
        if after.starts_with(':') {
            return Some(line_col(text, at));
        }
        from = at + key.len();
    }
    ref_position(text, owner, key)
}

/// Whether `id` is a valid id: letters, digits, `_` and `-`, 1 to 64.
pub fn is_valid_id(id: &str) -> bool {
    valid_id(id)
}

/// Derives the lookups again after postings were added to a validated
/// catalog (their `skill_idx` resolved); the own-postings list is kept.
pub(crate) fn reindex(c: &mut Catalog) {
    let own = std::mem::take(&mut c.index.own_postings);
    let spectrum = std::mem::take(&mut c.index.spectrum);
    let left_count = c.index.left_count;
    c.index = derive_index(c, spectrum, left_count);
    c.finish_index();
    c.index.own_postings = own;
}

/// The lookups drawing needs, once every reference resolved.
fn derive_index(c: &Catalog, spectrum: Vec<usize>, left_count: usize) -> Index {
    let [also_left, also_right, also_neither] = off_spectrum_roles(c, &spectrum);
    let (role_skill_count, role_skills) = role_skills(c);
    Index {
        spectrum,
        left_count,
        also_left,
        also_right,
        also_neither,
        groups: skill_groups(c),
        covers: item_covers(c),
        role_skill_count,
        related_by: related_by(c),
        role_skills,
        // The id lookups come from `Catalog::finish_index`.
        ..Index::default()
    }
}

/// The roles the spectrum does not draw, by side: left, right, neither.
fn off_spectrum_roles(c: &Catalog, spectrum: &[usize]) -> [Vec<usize>; 3] {
    let mut drawn = vec![false; c.roles.len()];
    for &i in spectrum {
        drawn[i] = true;
    }
    let off: Vec<usize> = (0..c.roles.len()).filter(|&i| !drawn[i]).collect();
    [Side::Left, Side::Right, Side::Neither].map(|side| {
        off.iter()
            .copied()
            .filter(|&i| c.roles[i].side == side)
            .collect()
    })
}

/// The skills by category, in category order; a category without skills
/// has no group.
fn skill_groups(c: &Catalog) -> Vec<Group> {
    // One pass over the skills, each into its category's group.
    let mut groups: Vec<Group> = (0..c.categories.len())
        .map(|category| Group {
            category,
            skills: Vec::new(),
        })
        .collect();
    for (i, skill) in c.skills.iter().enumerate() {
        groups[skill.category_idx].skills.push(i);
    }
    groups.retain(|g| !g.skills.is_empty());
    groups
}

/// For each skill, the posting items that name it, in posting order
/// (each posting's responsibilities before its requirements).
fn item_covers(c: &Catalog) -> Vec<Vec<ItemRef>> {
    // Each skill's list is allocated at its size: counted first, then filled.
    let mut covered = vec![0usize; c.skills.len()];
    for posting in &c.postings {
        for x in posting.responsibilities.iter().chain(&posting.requirements) {
            for &s in &x.skill_idx {
                covered[s] += 1;
            }
        }
    }
    let mut covers: Vec<Vec<ItemRef>> = covered.into_iter().map(Vec::with_capacity).collect();
    for (pi, posting) in c.postings.iter().enumerate() {
        let tagged = posting
            .responsibilities
            .iter()
            .enumerate()
            .map(|(i, x)| (false, i, x))
            .chain(
                posting
                    .requirements
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (true, i, x)),
            );
        for (requirement, item, x) in tagged {
            for &s in &x.skill_idx {
                covers[s].push(ItemRef {
                    posting: pi,
                    requirement,
                    item,
                });
            }
        }
    }
    covers
}

/// For each role, how many skill-to-role links name it, and its skills
/// (each once, in skill order).
fn role_skills(c: &Catalog) -> (Vec<usize>, Vec<Vec<usize>>) {
    let mut role_skill_count = vec![0; c.roles.len()];
    for s in &c.skills {
        for &r in &s.role_idx {
            role_skill_count[r] += 1;
        }
    }
    let mut role_skills: Vec<Vec<usize>> = role_skill_count
        .iter()
        .map(|&n| Vec::with_capacity(n))
        .collect();
    for (i, s) in c.skills.iter().enumerate() {
        for &r in &s.role_idx {
            // A skill that names a role twice still counts once here.
            if role_skills[r].last() != Some(&i) {
                role_skills[r].push(i);
            }
        }
    }
    (role_skill_count, role_skills)
}

/// For each skill, the skills whose `relates_to` names it.
fn related_by(c: &Catalog) -> Vec<Vec<usize>> {
    let mut related_by = vec![Vec::new(); c.skills.len()];
    for (i, s) in c.skills.iter().enumerate() {
        for &r in &s.relates_idx {
            related_by[r].push(i);
        }
    }
    related_by
}

fn check_ids<'a>(
    rep: &mut Reporter,
    src: &Source,
    kind: &'static str,
    ids: impl Iterator<Item = &'a str>,
) {
    // How many times each id was declared so far (more than 0: a duplicate).
    let mut counts: HashMap<&str, usize> = HashMap::with_capacity(ids.size_hint().0);
    for id in ids {
        let nth = counts.entry(id).or_insert(0);
        if !valid_id(id) {
            rep.at_decl(
                src,
                id,
                *nth,
                Msg::new("id_invalid")
                    .arg("kind", Arg::Word(kind))
                    .text("id", id),
            );
        }
        if *nth > 0 {
            let msg = Msg::new("id_duplicate")
                .arg("kind", Arg::Word(kind))
                .text("id", id);
            rep.at_decl(src, id, *nth, msg);
        }
        *nth += 1;
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_catalog_loads() {
        let c = load_bundled().expect("bundled data is valid");
        assert_eq!(c.roles.len(), 11);
        assert_eq!(c.skills.len(), 137);
        assert_eq!(c.categories.len(), 20);
        assert_eq!(c.index.spectrum.len(), 4);
        assert_eq!(c.index.left_count, 2);
    }

    #[test]
    fn max_file_mb_values() {
        assert_eq!(parse_max_file_mb("64"), Ok(64));
        assert_eq!(parse_max_file_mb(" 1 "), Ok(1));
        assert_eq!(
            parse_max_file_mb(&MAX_FILE_MB_CEILING.to_string()),
            Ok(MAX_FILE_MB_CEILING)
        );
        for bad in [
            "0",
            "-1",
            "1.5",
            "",
            "abc",
            "4MB",
            "1048577",
            "99999999999999999999",
        ] {
            let e = parse_max_file_mb(bad).unwrap_err();
            assert!(e.contains("whole number"), "{bad}: {e}");
        }
        assert_eq!(Limits::from_mb(4), Limits::default());
        assert_eq!(Limits::from_mb(64).max_file_bytes, 64 << 20);
    }

    #[test]
    fn the_size_refusal_says_how_to_raise_the_limit() {
        let m = too_large(23_910_690, MAX_FILE_BYTES).to_string();
        assert!(m.contains("23910690 bytes (22.8 MiB)"), "{m}");
        assert!(m.contains("4194304 byte limit (4 MiB)"), "{m}");
        assert!(
            m.contains("--max-file-mb 23 or CAREER_EXPLORER_MAX_FILE_MB=23"),
            "{m}"
        );
    }
}
