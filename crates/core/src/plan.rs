//! The learning plan: the skills still lacking for a target (one posting,
//! the user's postings, or a role), foundations first, each with where to
//! learn it, our effort estimate and, given hours per week, a target date.
//!
//! Which skills: every not-done, not-skipped skill of an open requirement
//! (for an any-of requirement, one alternative: one being learnt, else the
//! one most open requirements name); for a role, the skills that name it.
//! Then the concepts that practise a planned checklist task (`relates_to`)
//! and are not done join as its foundations. Order: a concept before the
//! tasks it practises; otherwise by category order, then by how many open
//! requirements a skill closes (more first), then catalog order.

use crate::model::Catalog;
use crate::readiness::{Coverage, requirement_status};
use crate::resources::Resources;
use crate::store::progress::{Progress, State};

/// What the plan is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// One posting (an index of `Catalog::postings`).
    Posting(usize),
    /// Several postings: the user's own, else all (see [`all_postings`]).
    Postings(Vec<usize>),
    /// A role (an index of `Catalog::roles`).
    Role(usize),
}

/// The postings "all my ads" means: the user's own, or every posting when
/// they have none; the flag says whether they are the user's own.
pub fn all_postings(c: &Catalog) -> (Vec<usize>, bool) {
    let own: Vec<usize> = (0..c.postings.len())
        .filter(|&p| c.is_own_posting(p))
        .collect();
    if own.is_empty() {
        ((0..c.postings.len()).collect(), false)
    } else {
        (own, true)
    }
}

/// One skill to learn.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub skill: usize,
    /// Not started or learning.
    pub state: State,
    /// Open requirements of the target that name it.
    pub closes: usize,
    /// The planned checklist tasks it is a foundation of (empty when the
    /// target asks for it itself).
    pub foundation_of: Vec<usize>,
    /// Our estimate in hours, `(low, high)`, when there is one.
    pub effort: Option<(u32, u32)>,
    /// Hours from the plan's start to this skill's end, by the mid
    /// estimate (a skill without one adds nothing).
    pub cumulative: f64,
    /// The day (days since 1970-01-01) it should be learnt by, when hours
    /// per week are given.
    pub due: Option<i64>,
}

/// The whole plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub target: Target,
    pub steps: Vec<Step>,
    /// The target's skills already done, with whether each has evidence.
    pub done: Vec<(usize, bool)>,
    /// Sum of the estimates, `(low, high)` hours.
    pub hours: (u32, u32),
    /// The hours of the mid estimate, the plan's dates are computed from.
    pub mid_hours: f64,
    pub hours_per_week: Option<u32>,
    /// The day the plan starts (today).
    pub start: i64,
    /// The day the last skill is due.
    pub finish: Option<i64>,
}

/// The skills `target` asks for and how many open requirements each
/// closes (a role's skills close none).
fn wanted(c: &Catalog, p: &Progress, target: &Target) -> Vec<(usize, usize)> {
    let state = |s: usize| p.state(&c.skills[s].id);
    let open_skill = |s: usize| !matches!(state(s), State::Done | State::Skipped);
    let postings = match target {
        Target::Role(r) => {
            return (0..c.skills.len())
                .filter(|&s| c.skills[s].role_idx.contains(r) && open_skill(s))
                .map(|s| (s, 0))
                .collect();
        }
        Target::Posting(i) => vec![*i],
        Target::Postings(v) => v.clone(),
    };
    let open: Vec<_> = postings
        .iter()
        .filter_map(|&i| c.postings.get(i))
        .flat_map(|p| &p.requirements)
        .filter(|r| {
            !r.skill_idx.is_empty()
                && requirement_status(r, &state, p.profile.years).coverage != Coverage::Covered
        })
        .collect();
    let hits = |s: usize| open.iter().filter(|r| r.skill_idx.contains(&s)).count();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for r in &open {
        let mut picks: Vec<usize> = r
            .skill_idx
            .iter()
            .copied()
            .filter(|&s| open_skill(s))
            .collect();
        if r.any_of {
            let best = picks
                .iter()
                .copied()
                .max_by_key(|&s| (state(s) == State::Learning, hits(s), usize::MAX - s));
            picks = best.into_iter().collect();
        }
        for s in picks {
            if !out.iter().any(|&(o, _)| o == s) {
                out.push((s, hits(s)));
            }
        }
    }
    out
}

/// The plan for `target`: the steps in order with their resources' skills
/// estimated from `res`; with `hours_per_week`, dates from `today` (days
/// since 1970-01-01).
pub fn build(
    c: &Catalog,
    res: &Resources,
    p: &Progress,
    target: &Target,
    hours_per_week: Option<u32>,
    today: i64,
) -> Plan {
    let mut wanted = wanted(c, p, target);
    let mut foundations: Vec<(usize, Vec<usize>)> = Vec::new();
    for &(task, _) in &wanted {
        for (s, skill) in c.skills.iter().enumerate() {
            let open = !matches!(p.state(&skill.id), State::Done | State::Skipped);
            if open && skill.relates_idx.contains(&task) {
                match foundations.iter_mut().find(|(f, _)| *f == s) {
                    Some((_, of)) => of.push(task),
                    None => foundations.push((s, vec![task])),
                }
            }
        }
    }
    for (s, _) in &foundations {
        if !wanted.iter().any(|(w, _)| w == s) {
            wanted.push((*s, 0));
        }
    }
    let order = order(c, &wanted);
    let mut steps = Vec::new();
    let (mut low, mut high, mut mid) = (0u32, 0u32, 0f64);
    for (s, closes) in order {
        let effort = res.effort(s);
        if let Some((l, h)) = effort {
            low += l;
            high += h;
            mid += f64::from(l + h) / 2.0;
        }
        let asked = wanted
            .iter()
            .any(|&(w, n)| w == s && (n > 0 || matches!(target, Target::Role(_))));
        let foundation_of = foundations
            .iter()
            .find(|(f, _)| *f == s)
            .filter(|_| !asked)
            .map(|(_, of)| of.clone())
            .unwrap_or_default();
        steps.push(Step {
            skill: s,
            state: p.state(&c.skills[s].id),
            closes,
            foundation_of,
            effort,
            cumulative: mid,
            due: hours_per_week.map(|h| due(today, mid, h)),
        });
    }
    let done = done_skills(c, p, target);
    Plan {
        target: target.clone(),
        finish: hours_per_week.map(|h| due(today, mid, h)),
        steps,
        done,
        hours: (low, high),
        mid_hours: mid,
        hours_per_week,
        start: today,
    }
}

/// The day `hours` of work end at `per_week` hours a week from `today`.
fn due(today: i64, hours: f64, per_week: u32) -> i64 {
    let weeks = hours / f64::from(per_week.max(1));
    today + (weeks * 7.0).ceil() as i64
}

/// `wanted` in plan order: a stable topological order of "concept before
/// the task it practises", picking among the free skills the earliest
/// category, then the most requirements closed, then catalog order.
fn order(c: &Catalog, wanted: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut left: Vec<(usize, usize)> = wanted.to_vec();
    let key = |&(s, closes): &(usize, usize)| (c.skills[s].category_idx, usize::MAX - closes, s);
    left.sort_by_key(key);
    let mut out = Vec::with_capacity(left.len());
    while !left.is_empty() {
        // A skill is free when no skill still left practises into it.
        let free = left
            .iter()
            .position(|&(s, _)| {
                !left
                    .iter()
                    .any(|&(f, _)| f != s && c.skills[f].relates_idx.contains(&s))
            })
            .unwrap_or(0);
        out.push(left.remove(free));
    }
    out
}

/// The target's skills (and their foundations) already done, with whether
/// each has evidence.
fn done_skills(c: &Catalog, p: &Progress, target: &Target) -> Vec<(usize, bool)> {
    let named = |s: usize| match target {
        Target::Role(r) => c.skills[s].role_idx.contains(r),
        Target::Posting(i) => c.postings.get(*i).is_some_and(|x| names(x, s)),
        Target::Postings(v) => v
            .iter()
            .filter_map(|&i| c.postings.get(i))
            .any(|x| names(x, s)),
    };
    // A concept that practises a task the target names is its foundation.
    let wanted = |s: usize| named(s) || c.skills[s].relates_idx.iter().any(|&t| named(t));
    (0..c.skills.len())
        .filter(|&s| p.is_done(&c.skills[s].id) && wanted(s))
        .map(|s| (s, !p.evidence(&c.skills[s].id).0.is_empty()))
        .collect()
}

fn names(p: &crate::model::Posting, s: usize) -> bool {
    p.requirements.iter().any(|r| r.skill_idx.contains(&s))
}

/// The skills a plan can hold for any target: every skill a requirement,
/// a role or a `relates_to` names (the resources test checks each has a
/// resource).
pub fn plannable(c: &Catalog) -> Vec<usize> {
    (0..c.skills.len())
        .filter(|&s| {
            let sk = &c.skills[s];
            !sk.role_idx.is_empty()
                || !sk.relates_idx.is_empty()
                || c.postings.iter().any(|p| names(p, s))
        })
        .collect()
}
