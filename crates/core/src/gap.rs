//! From the user's role to the job: the skills a posting (or a target role)
//! needs that the user's current role does not, i.e. what a Fullstack
//! Engineer or a Data Scientist actually has to close.

use crate::model::{Catalog, Posting};

/// What the gap is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A posting, by index: the skills its responsibilities and
    /// requirements name.
    Posting(usize),
    /// A role, by index: the skills that name it.
    Role(usize),
}

/// The skills a posting names, in catalog order, each once.
pub fn posting_skills(p: &Posting) -> Vec<usize> {
    let mut v: Vec<usize> = p
        .responsibilities
        .iter()
        .chain(&p.requirements)
        .flat_map(|x| x.skill_idx.iter().copied())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The skills `target` needs that role `from` does not (no skill of the
/// catalog names `from` among its roles), in catalog order. Empty when an
/// index is out of range.
pub fn gap(c: &Catalog, from: usize, target: Target) -> Vec<usize> {
    let needed = match target {
        Target::Posting(p) => c.postings.get(p).map(posting_skills).unwrap_or_default(),
        Target::Role(r) => c.index.role_skills.get(r).cloned().unwrap_or_default(),
    };
    if from >= c.roles.len() {
        return Vec::new();
    }
    needed
        .into_iter()
        .filter(|&s| !c.skills[s].role_idx.contains(&from))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::loader::load_bundled;

    #[test]
    fn a_fullstack_engineer_lacks_the_ai_skills_not_the_web_ones() {
        let c = load_bundled().unwrap();
        let fs = c.role_index("fullstack_engineer").unwrap();
        let ai = c.role_index("ai_engineer").unwrap();
        let g = gap(&c, fs, Target::Role(ai));
        let ids: Vec<&str> = g.iter().map(|&s| c.skills[s].id.as_str()).collect();
        assert!(
            ids.contains(&"S11"),
            "RAG is not a fullstack skill: {ids:?}"
        );
        assert!(!ids.contains(&"S27"), "React is: {ids:?}");
        // The AI Engineer's own gap to its role is empty.
        assert!(gap(&c, ai, Target::Role(ai)).is_empty());
        let notion = c
            .postings
            .iter()
            .position(|p| p.id == "notion_ai_engineer")
            .unwrap();
        let g = gap(&c, fs, Target::Posting(notion));
        let ids: Vec<&str> = g.iter().map(|&s| c.skills[s].id.as_str()).collect();
        assert!(ids.contains(&"S33") && !ids.contains(&"S29"), "{ids:?}");
    }
}
