//! Across all my ads: which skills the user's postings ask for most, and
//! what ticking each would do. The postings counted are the user's own, or
//! every posting when they have none ([`crate::plan::all_postings`]); the
//! result says which.

use crate::model::Catalog;
use crate::readiness::{Coverage, requirement_status};
use crate::store::progress::{Progress, State};

/// One skill's demand over the postings counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub skill: usize,
    pub state: State,
    /// How many of the postings name it in a requirement.
    pub asked_by: usize,
    /// How many open requirements would be covered (by skills) were it
    /// done now.
    pub completes: usize,
}

/// The ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Demand {
    /// The postings counted (indices of `Catalog::postings`).
    pub postings: Vec<usize>,
    /// Whether they are the user's own (else every posting: the user has none).
    pub own: bool,
    /// Most asked first, then most completed, then catalog order.
    pub rows: Vec<Row>,
}

/// Ranks the skills the user's postings ask for.
pub fn build(c: &Catalog, p: &Progress) -> Demand {
    let (postings, own) = crate::plan::all_postings(c);
    let state = |s: usize| p.state(&c.skills[s].id);
    let mut rows: Vec<Row> = Vec::new();
    for s in 0..c.skills.len() {
        let asked_by = postings
            .iter()
            .filter(|&&i| {
                c.postings[i]
                    .requirements
                    .iter()
                    .any(|r| r.skill_idx.contains(&s))
            })
            .count();
        if asked_by == 0 {
            continue;
        }
        let ticked = |x: usize| if x == s { State::Done } else { state(x) };
        let completes = postings
            .iter()
            .flat_map(|&i| &c.postings[i].requirements)
            .filter(|r| r.skill_idx.contains(&s))
            .filter(|r| {
                // The one rule, with the profile's years: a requirement the
                // skill would complete, not one its years still hold open.
                let years = p.profile.years;
                requirement_status(r, &state, years).coverage != Coverage::Covered
                    && requirement_status(r, &ticked, years).coverage == Coverage::Covered
            })
            .count();
        rows.push(Row {
            skill: s,
            state: state(s),
            asked_by,
            completes,
        });
    }
    rows.sort_by(|a, b| {
        (b.asked_by, b.completes)
            .cmp(&(a.asked_by, a.completes))
            .then(a.skill.cmp(&b.skill))
    });
    Demand {
        postings,
        own,
        rows,
    }
}

/// "asked by 5 of 8": `pattern` (the labels' `asked_by`) with `n` and `m`
/// filled in; the command and the app's demand view both write it so.
pub fn asked_by_words(pattern: &str, n: usize, m: usize) -> String {
    pattern
        .replace("{n}", &n.to_string())
        .replace("{m}", &m.to_string())
}
