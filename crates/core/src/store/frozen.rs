//! The bundled catalog as the build checked it, in a compact form that loads
//! in well under a millisecond.
//!
//! `build.rs` runs the loader of [`crate::store::loader`] on `data/*.yaml`
//! (every safety rule and cross-reference check; a broken file fails the
//! build with its file, line and column) and writes the resulting
//! [`Catalog`] with [`freeze`]; [`crate::store::loader::load_bundled`]
//! reads it back with [`thaw`]. The format is postcard: compact, and read
//! field by field with no text to scan. The fields the YAML form leaves out
//! (`#[serde(skip)]`: what the loader resolves from ids) travel beside the
//! catalog, so nothing is resolved again at start.

use serde::{Deserialize, Serialize};

use crate::error::{DataError, Problem};
use crate::model::{Boundary, Catalog, Category, Index, NotesFile, Posting, Role, Skill};

/// A checked catalog, field by field.
#[derive(Serialize, Deserialize)]
struct Frozen {
    boundary: Boundary,
    roles: Vec<Role>,
    categories: Vec<Category>,
    skills: Vec<Skill>,
    postings: Vec<Posting>,
    notes: NotesFile,
    index: Index,
    resolved: Resolved,
}

/// What the loader resolved from ids, which the model's serde form skips.
#[derive(Serialize, Deserialize, Default)]
struct Resolved {
    /// Per skill: `category_idx`, `role_idx`, `relates_idx`.
    skill_category: Vec<usize>,
    skill_roles: Vec<Vec<usize>>,
    skill_relates: Vec<Vec<usize>>,
    /// Per posting, its responsibilities then its requirements: `skill_idx`.
    item_skills: Vec<Vec<usize>>,
}

/// The catalog `c` (checked by the loader) as bytes for [`thaw`], or why it
/// cannot be written.
pub fn freeze(c: Catalog) -> Result<Vec<u8>, String> {
    let mut resolved = Resolved::default();
    for s in &c.skills {
        resolved.skill_category.push(s.category_idx);
        resolved.skill_roles.push(s.role_idx.clone());
        resolved.skill_relates.push(s.relates_idx.clone());
    }
    for p in &c.postings {
        for item in p.responsibilities.iter().chain(&p.requirements) {
            resolved.item_skills.push(item.skill_idx.clone());
        }
    }
    let frozen = Frozen {
        boundary: c.boundary,
        roles: c.roles,
        categories: c.categories,
        skills: c.skills,
        postings: c.postings,
        notes: c.notes,
        index: c.index,
        resolved,
    };
    postcard::to_allocvec(&frozen).map_err(|e| e.to_string())
}

/// The catalog [`freeze`] wrote. Bytes that do not read back (a build that
/// went wrong) are an error naming the bundled data, never a panic.
pub fn thaw(bytes: &[u8]) -> Result<Catalog, DataError> {
    let broken = |message: String| DataError {
        problems: vec![Problem {
            file: "bundled data".into(),
            position: None,
            id: None,
            message,
            said: None,
        }],
    };
    let f: Frozen = postcard::from_bytes(bytes).map_err(|e| {
        broken(format!(
            "the catalog built into the binary does not read: {e}"
        ))
    })?;
    let mut c = Catalog {
        boundary: f.boundary,
        roles: f.roles,
        categories: f.categories,
        skills: f.skills,
        postings: f.postings,
        notes: f.notes,
        index: f.index,
    };
    let r = f.resolved;
    if r.skill_category.len() != c.skills.len()
        || r.skill_roles.len() != c.skills.len()
        || r.skill_relates.len() != c.skills.len()
    {
        return Err(broken(
            "the built-in catalog's skill indices do not match its skills".into(),
        ));
    }
    let skills = r
        .skill_category
        .into_iter()
        .zip(r.skill_roles)
        .zip(r.skill_relates);
    for (s, ((category, roles), relates)) in c.skills.iter_mut().zip(skills) {
        s.category_idx = category;
        s.role_idx = roles;
        s.relates_idx = relates;
    }
    let items = c.postings.iter_mut().flat_map(|p| {
        p.responsibilities
            .iter_mut()
            .chain(p.requirements.iter_mut())
    });
    let mut resolved = r.item_skills.into_iter();
    for item in items {
        item.skill_idx = resolved.next().ok_or_else(|| {
            broken("the built-in catalog's item indices do not match its postings".into())
        })?;
    }
    Ok(c)
}
