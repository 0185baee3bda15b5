//! How far the user's skills go: per category, per role, per posting, and
//! which skills to learn next. Plain functions over the catalog and a skill
//! state lookup, so they test without a terminal.

use crate::model::{Catalog, Posting, PostingItem, SkillGroups};
use crate::store::progress::{Progress, State};

/// A requirement's status: the one rule every surface (pane 4, `postings`,
/// `progress`, `gap`, both exports) shows. See README, the coverage rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// Its skills are done (every counted one; one alternative of an any-of
    /// requirement) and, when it sets `min_years`, the user's years reach it.
    Covered,
    /// Some of its skills are done but not all, or all are and the years
    /// are short or not given.
    Partly,
    /// None of its skills is done (or they are all skipped), or it is only
    /// a threshold the years do not reach.
    Missing,
    /// It names no skill and no threshold: nothing can measure it. Never
    /// shown as missing, never counted in the met figure's base.
    NotMapped,
}

impl Coverage {
    /// The four states in the order surfaces list them.
    pub const ALL: [Coverage; 4] = [
        Coverage::Covered,
        Coverage::Partly,
        Coverage::Missing,
        Coverage::NotMapped,
    ];

    /// The code JSON and the exports write: `covered`, `partly`, `missing`,
    /// `not_mapped`.
    pub fn code(self) -> &'static str {
        match self {
            Coverage::Covered => "covered",
            Coverage::Partly => "partly",
            Coverage::Missing => "missing",
            Coverage::NotMapped => "not_mapped",
        }
    }

    /// The state a [`Coverage::code`] stands for.
    pub fn from_code(code: &str) -> Option<Coverage> {
        Coverage::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// How a requirement's experience threshold (`min_years`) compares with the
/// years the user gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Years {
    /// The user's years reach the threshold.
    Met,
    /// They fall short: the user's years, for "8+ years · you: 3".
    NotMet(u32),
    /// The user has not said how many years they have.
    NotGiven,
}

/// The experience check of a requirement: `None` when it sets no
/// `min_years`, else met, not met or not given against `years`.
pub fn years_check(item: &PostingItem, years: Option<u32>) -> Option<Years> {
    let min = item.min_years?;
    Some(match years {
        None => Years::NotGiven,
        Some(y) if y >= min => Years::Met,
        Some(y) => Years::NotMet(y),
    })
}

/// Everything a surface shows of one requirement's standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    /// The mark: covered, partly, missing or not mapped.
    pub coverage: Coverage,
    /// Its skills done out of counted (skipped ones leave; an any-of
    /// requirement with one alternative done counts 1/1).
    pub tally: Tally,
    /// The experience check, when it sets `min_years`.
    pub years: Option<Years>,
    /// A nice-to-have: weighs half in the skill coverage.
    pub preferred: bool,
    /// One of its skills is enough.
    pub any_of: bool,
}

/// THE rule: a requirement's [`Status`] from its skills' states (through
/// `state`), its `min_years` against the user's `years` (`None`: not given,
/// so no threshold is met) and its kind (any-of, preferred). Every surface
/// calls this and nothing else to mark a requirement.
pub fn requirement_status(
    item: &PostingItem,
    state: &impl Fn(usize) -> State,
    years: Option<u32>,
) -> Status {
    let (tally, skills) = skill_coverage(item, state);
    let check = years_check(item, years);
    let coverage = match (check, item.skill_idx.is_empty()) {
        (None, true) => Coverage::NotMapped,
        (None, false) => skills,
        (Some(Years::Met), true) => Coverage::Covered,
        (Some(_), true) => Coverage::Missing,
        (Some(Years::Met), false) => skills,
        (Some(_), false) if tally.done > 0 => Coverage::Partly,
        (Some(_), false) => Coverage::Missing,
    };
    Status {
        coverage,
        tally,
        years: check,
        preferred: item.preferred,
        any_of: item.any_of,
    }
}

/// Done out of counted: skipped skills leave the denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub done: usize,
    pub total: usize,
}

impl Tally {
    /// Counts `skills`, leaving skipped ones out.
    pub fn of(skills: impl IntoIterator<Item = usize>, state: &impl Fn(usize) -> State) -> Tally {
        let mut t = Tally::default();
        for s in skills {
            match state(s) {
                State::Skipped => {}
                State::Done => {
                    t.done += 1;
                    t.total += 1;
                }
                _ => t.total += 1,
            }
        }
        t
    }

    /// Whole percent, 0 when there is nothing to count.
    pub fn percent(self) -> usize {
        (self.done * 100).checked_div(self.total).unwrap_or(0)
    }

    /// 0.0..=1.0, for gauges.
    pub fn ratio(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.done as f64 / self.total as f64
        }
    }
}

/// The tally and mark of an item by its skills alone: covered when every
/// counted (not skipped) skill is done, partly when some are, missing when
/// none are. A single skill ticked among many is "partly", with its share
/// in the tally (1/17), never "covered". Years and "not mapped" are
/// [`requirement_status`]'s business.
fn skill_coverage(item: &PostingItem, state: &impl Fn(usize) -> State) -> (Tally, Coverage) {
    let mut t = Tally::of(item.skill_idx.iter().copied(), state);
    // Any-of: one alternative done is the whole requirement.
    if item.any_of && t.done > 0 {
        t = Tally { done: 1, total: 1 };
    }
    let cov = if t.done > 0 && t.done == t.total {
        Coverage::Covered
    } else if t.done > 0 {
        Coverage::Partly
    } else {
        Coverage::Missing
    };
    (t, cov)
}

/// A posting's figures, all from [`requirement_status`]: how many
/// requirements are covered, partly, missing and not mapped; and the skill
/// coverage, the weighted mean share of done skills over the requirements
/// that name skills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Match {
    pub covered: usize,
    pub partly: usize,
    pub missing: usize,
    pub not_mapped: usize,
    pub total: usize,
    /// The weight of the requirements that name at least one counted
    /// skill (2 for a required one, 1 for a preferred one): the skill
    /// coverage is averaged over these.
    pub counted: usize,
    /// The sum of their weighted done shares, in ten-thousandths (1/17 = 588).
    pub shares: usize,
}

impl Match {
    /// The skill coverage in whole percent: each requirement that names
    /// skills counts its share of done skills (one of 17 counts 1/17, not
    /// half), a required one twice a preferred one. 0 when no requirement
    /// names a skill.
    pub fn percent(self) -> usize {
        (self.shares / 100).checked_div(self.counted).unwrap_or(0)
    }

    /// The met figure's base: the requirements a skill or a threshold can
    /// measure (all but the not mapped ones).
    pub fn mappable(self) -> usize {
        self.total - self.not_mapped
    }

    /// Whether there is a skill coverage to show at all.
    pub fn measurable(self) -> bool {
        self.counted > 0 || self.covered > 0
    }

    /// THE skill coverage every surface shows: whole percent, or `None`
    /// when nothing in the posting can be measured (no requirement names a
    /// skill or a threshold), which is shown as "—", never as 0%.
    pub fn coverage(self) -> Option<usize> {
        self.measurable().then(|| self.percent())
    }
}

/// THE posting figures for a user with `years` of experience (`None`: not
/// given, so no requirement with `min_years` is met in full). Every surface
/// takes its "skill coverage" and "N of M mappable requirements met" here.
pub fn posting_match_for(
    posting: &Posting,
    state: &impl Fn(usize) -> State,
    years: Option<u32>,
) -> Match {
    let mut m = Match {
        total: posting.requirements.len(),
        ..Match::default()
    };
    for r in &posting.requirements {
        let st = requirement_status(r, state, years);
        // A preferred requirement weighs half of a required one.
        let weight = if r.preferred { 1 } else { 2 };
        if let Some(share) = (st.tally.done * 10_000).checked_div(st.tally.total) {
            m.counted += weight;
            m.shares += share * weight;
        }
        match st.coverage {
            Coverage::Covered => m.covered += 1,
            Coverage::Partly => m.partly += 1,
            Coverage::Missing => m.missing += 1,
            Coverage::NotMapped => m.not_mapped += 1,
        }
    }
    m
}

/// Done / needed for a role: the skills that name it, skipped ones left out.
pub fn role_readiness(c: &Catalog, role: usize, state: &impl Fn(usize) -> State) -> Tally {
    match c.index.role_skills.get(role) {
        Some(skills) => Tally::of(skills.iter().copied(), state),
        // An index built by hand (unit tests) may not list them: scan.
        None => Tally::of(
            (0..c.skills.len()).filter(|&s| c.skills[s].role_idx.contains(&role)),
            state,
        ),
    }
}

/// Done / counted in one category group.
pub fn group_readiness(c: &Catalog, group: usize, state: &impl Fn(usize) -> State) -> Tally {
    Tally::of(c.index.groups[group].skills.iter().copied(), state)
}

/// All skills, skipped ones left out.
pub fn overall(c: &Catalog, state: &impl Fn(usize) -> State) -> Tally {
    Tally::of(0..c.skills.len(), state)
}

/// The checklist's counts (overall, per group, notes per group) kept up to
/// date as progress changes, so drawing and scrolling cost the window, not
/// the catalog.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SkillTallies {
    pub overall: Tally,
    /// Per group of the [`SkillGroups`] the tallies were built for.
    pub groups: Vec<Tally>,
    /// Skills with a note, per group.
    pub notes: Vec<usize>,
    pub notes_total: usize,
    /// Per skill: whether it has a note (the list's row arithmetic asks
    /// this of every skill above the window; a map lookup each was slow).
    pub has_note: Vec<bool>,
}

impl SkillTallies {
    /// The counts of the checklist `shown` (the groups of one layer filter
    /// over `c`), from the progress entries: costs the entries, not the
    /// catalog.
    pub fn build(c: &Catalog, shown: &SkillGroups, progress: &Progress) -> Self {
        let groups: Vec<Tally> = shown
            .groups
            .iter()
            .map(|g| Tally {
                done: 0,
                total: g.skills.len(),
            })
            .collect();
        let mut t = SkillTallies {
            // The skills the checklist shows: all, or one layer's.
            overall: Tally {
                done: 0,
                total: shown.len(),
            },
            notes: vec![0; groups.len()],
            groups,
            notes_total: 0,
            has_note: vec![false; c.skills.len()],
        };
        for (id, entry) in &progress.skills {
            if let Some(skill) = c.skill_index(id) {
                t.count(c, shown, skill, entry.state, !entry.note.is_empty(), 1);
            }
        }
        t
    }

    /// One skill went from `before` to `after` (state, has a note).
    pub fn change(
        &mut self,
        c: &Catalog,
        shown: &SkillGroups,
        skill: usize,
        before: (State, bool),
        after: (State, bool),
    ) {
        self.count(c, shown, skill, before.0, before.1, -1);
        self.count(c, shown, skill, after.0, after.1, 1);
    }

    /// Adds (`sign` 1) or takes back (-1) what one skill's entry contributes
    /// beyond a not-started skill without a note.
    fn count(
        &mut self,
        c: &Catalog,
        shown: &SkillGroups,
        skill: usize,
        state: State,
        note: bool,
        sign: isize,
    ) {
        let Some((g, _)) = shown.group_and_position(c, skill) else {
            return;
        };
        let step = |n: &mut usize, by: isize| *n = n.saturating_add_signed(by * sign);
        for t in [&mut self.overall, &mut self.groups[g]] {
            match state {
                State::Done => step(&mut t.done, 1),
                State::Skipped => step(&mut t.total, -1),
                _ => {}
            }
        }
        if note {
            step(&mut self.notes[g], 1);
            step(&mut self.notes_total, 1);
            self.has_note[skill] = sign > 0;
        }
    }
}

/// The next skills to learn for a posting: greedy set cover of the
/// requirements not yet covered. Each round takes the not-done, not-skipped
/// skill that appears in the most still-open requirements; ties go to the skill
/// more roles need, then to catalog order. Stops when every open requirement
/// has a pick or after `limit` picks.
pub fn next_skills(
    c: &Catalog,
    posting: &Posting,
    state: &impl Fn(usize) -> State,
    limit: usize,
) -> Vec<usize> {
    let mut open: Vec<&PostingItem> = posting
        .requirements
        .iter()
        .filter(|r| skill_coverage(r, state).1 != Coverage::Covered)
        .collect();
    // Only a skill named by an open requirement can have hits: look at those
    // (ascending, as a scan of the catalog would) instead of every skill.
    let mut candidates: Vec<usize> = open
        .iter()
        .flat_map(|r| r.skill_idx.iter().copied())
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let mut picks = Vec::new();
    while !open.is_empty() && picks.len() < limit {
        let best = candidates
            .iter()
            .copied()
            .filter(|&s| !matches!(state(s), State::Done | State::Skipped) && !picks.contains(&s))
            .map(|s| {
                let hits = open.iter().filter(|r| r.skill_idx.contains(&s)).count();
                (s, hits, c.skills[s].role_idx.len())
            })
            .filter(|&(_, hits, _)| hits > 0)
            // Most hits, then most roles, then the earliest skill.
            .max_by(|a, b| (a.1, a.2).cmp(&(b.1, b.2)).then(b.0.cmp(&a.0)));
        let Some((skill, _, _)) = best else { break };
        picks.push(skill);
        open.retain(|r| !r.skill_idx.contains(&skill));
    }
    picks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Group, Index, NotesFile, Skill, Text};

    fn item(id: &str, skills: Vec<usize>) -> PostingItem {
        PostingItem {
            id: id.into(),
            text: Text::default(),
            emphasis: false,
            skills: vec![],
            min_years: None,
            preferred: false,
            any_of: false,
            evidence: Default::default(),
            context: vec![],
            keywords: vec![],
            skill_idx: skills,
        }
    }

    fn states(v: &[(usize, State)]) -> impl Fn(usize) -> State + '_ {
        move |s| {
            v.iter()
                .find(|x| x.0 == s)
                .map_or(State::NotStarted, |x| x.1)
        }
    }

    /// Five skills; skill i is needed by `roles[i]` roles; one posting.
    fn catalog(roles: [usize; 5], reqs: Vec<Vec<usize>>) -> (Catalog, Posting) {
        let skills = (0..5)
            .map(|i| Skill {
                id: format!("S{i}"),
                category: "c".into(),
                name: Text::default(),
                roles: vec![],
                tools: vec![],
                basis: vec![],
                examples_from: None,
                layer: Default::default(),
                see_also: vec![],
                keywords: vec![],
                terms: None,
                relates_to: vec![],
                demand: None,
                category_idx: 0,
                relates_idx: vec![],
                role_idx: (0..roles[i]).collect(),
            })
            .collect();
        let posting = Posting {
            id: "p".into(),
            company: crate::model::Term::Name(crate::model::Clean::new("Co")),
            title: Text::default(),
            role: "r".into(),
            source: Text::default(),
            date: None,
            place: None,
            urls: vec![],
            reliability: None,
            layer: Default::default(),
            basis: vec![],
            responsibilities: vec![],
            requirements: reqs
                .into_iter()
                .enumerate()
                .map(|(i, s)| item(&format!("R{i}"), s))
                .collect(),
            observations: vec![],
        };
        let c = Catalog {
            boundary: serde_yaml::from_str(include_str!("../../../data/boundary.yaml")).unwrap(),
            roles: vec![],
            categories: vec![Category {
                id: "c".into(),
                name: Text::default(),
            }],
            skills,
            postings: vec![posting.clone()],
            notes: NotesFile {
                traits: vec![],
                capabilities: vec![],
                notes: vec![],
                sources: vec![],
            },
            index: Index {
                groups: vec![Group {
                    category: 0,
                    skills: (0..5).collect(),
                }],
                ..Index::default()
            },
        };
        (c, posting)
    }

    #[test]
    fn all_is_covered_some_is_partly_none_is_missing() {
        let it = item("X", vec![1, 2, 3, 4]);
        let none = states(&[]);
        assert_eq!(
            skill_coverage(&it, &none),
            (Tally { done: 0, total: 4 }, Coverage::Missing)
        );
        let one = [(2, State::Done)];
        assert_eq!(skill_coverage(&it, &states(&one)).1, Coverage::Partly);
        let three = [(1, State::Done), (2, State::Done), (3, State::Done)];
        assert_eq!(skill_coverage(&it, &states(&three)).1, Coverage::Partly);
        let all = [
            (1, State::Done),
            (2, State::Done),
            (3, State::Done),
            (4, State::Done),
        ];
        assert_eq!(skill_coverage(&it, &states(&all)).1, Coverage::Covered);
        assert_eq!(
            skill_coverage(&item("E", vec![]), &none).1,
            Coverage::Missing
        );
    }

    #[test]
    fn learning_does_not_count_and_skipped_leaves_the_denominator() {
        let it = item("X", vec![1, 2, 3, 4]);
        let v = [
            (1, State::Done),
            (2, State::Learning),
            (3, State::Skipped),
            (4, State::Skipped),
        ];
        let (t, cov) = skill_coverage(&it, &states(&v));
        assert_eq!(t, Tally { done: 1, total: 2 });
        assert_eq!(cov, Coverage::Partly, "1 of 2 counted skills is partly");
        assert_eq!(t.percent(), 50);
        assert_eq!(Tally::default().percent(), 0);
        let all_skipped = [(1, State::Skipped), (2, State::Skipped)];
        let two = item("Y", vec![1, 2]);
        assert_eq!(
            skill_coverage(&two, &states(&all_skipped)).1,
            Coverage::Missing,
            "nothing done is never covered"
        );
        let done_or_skipped = [(1, State::Done), (2, State::Skipped)];
        assert_eq!(
            skill_coverage(&two, &states(&done_or_skipped)).1,
            Coverage::Covered
        );
    }

    #[test]
    fn skill_coverage_weighs_each_requirement_by_its_done_share() {
        let (_, p) = catalog([1; 5], vec![vec![0], vec![1, 2, 3], vec![4]]);
        let v = [(0, State::Done), (1, State::Done)];
        let m = posting_match_for(&p, &states(&v), None);
        assert_eq!((m.covered, m.partly, m.total), (1, 1, 3));
        // (1 + 1/3 + 0) / 3 = 44%
        assert_eq!(m.percent(), 44);
    }

    #[test]
    fn any_of_is_covered_by_one_alternative_and_preferred_weighs_half() {
        let (_, mut p) = catalog([1; 5], vec![vec![0, 1, 2], vec![3]]);
        p.requirements[0].any_of = true;
        let one = [(1, State::Done)];
        assert_eq!(
            skill_coverage(&p.requirements[0], &states(&one)).1,
            Coverage::Covered
        );
        // Required R0 covered, preferred R1 open: (2 * 1 + 1 * 0) / 3 = 66%.
        p.requirements[1].preferred = true;
        assert_eq!(posting_match_for(&p, &states(&one), None).percent(), 66);
        p.requirements[1].preferred = false;
        assert_eq!(posting_match_for(&p, &states(&one), None).percent(), 50);
    }

    #[test]
    fn a_threshold_is_met_only_by_the_years_given() {
        let mut it = item("Q", vec![0, 1]);
        it.min_years = Some(5);
        let all = [(0, State::Done), (1, State::Done)];
        let s = states(&all);
        assert_eq!(years_check(&it, None), Some(Years::NotGiven));
        assert_eq!(years_check(&it, Some(3)), Some(Years::NotMet(3)));
        assert_eq!(years_check(&it, Some(5)), Some(Years::Met));
        assert_eq!(requirement_status(&it, &s, None).coverage, Coverage::Partly);
        assert_eq!(
            requirement_status(&it, &s, Some(4)).coverage,
            Coverage::Partly
        );
        assert_eq!(
            requirement_status(&it, &s, Some(9)).coverage,
            Coverage::Covered
        );
        let none = states(&[]);
        assert_eq!(
            requirement_status(&it, &none, Some(9)).coverage,
            Coverage::Missing
        );
        // A bare threshold: the years decide alone.
        let mut bare = item("B", vec![]);
        bare.min_years = Some(3);
        assert_eq!(
            requirement_status(&bare, &none, Some(3)).coverage,
            Coverage::Covered
        );
        assert_eq!(
            requirement_status(&bare, &none, None).coverage,
            Coverage::Missing
        );
        assert_eq!(years_check(&item("N", vec![]), Some(3)), None);
    }

    /// The mark of `it` for the skill states `v` and `years`.
    fn mark(it: &PostingItem, v: &[(usize, State)], years: Option<u32>) -> Coverage {
        requirement_status(it, &states(v), years).coverage
    }

    #[test]
    fn the_one_rule_has_four_states() {
        let it = item("Q", vec![0, 1]);
        assert_eq!(mark(&it, &[], None), Coverage::Missing);
        assert_eq!(mark(&it, &[(0, State::Done)], None), Coverage::Partly);
        let both = [(0, State::Done), (1, State::Done)];
        assert_eq!(mark(&it, &both, None), Coverage::Covered);
        // No skill and no threshold: its own state, never missing.
        let bare = item("N", vec![]);
        let st = requirement_status(&bare, &states(&both), Some(10));
        assert_eq!(st.coverage, Coverage::NotMapped);
        assert_eq!(st.tally, Tally::default());
        // Skipped skills leave the count: 1 done of 1 counted is covered.
        let skip = [(0, State::Done), (1, State::Skipped)];
        assert_eq!(mark(&it, &skip, None), Coverage::Covered);
        assert_eq!(
            requirement_status(&it, &states(&skip), None).tally,
            Tally { done: 1, total: 1 }
        );
        for c in Coverage::ALL {
            assert_eq!(Coverage::from_code(c.code()), Some(c));
        }
    }

    #[test]
    fn any_of_preferred_and_years_in_the_one_rule() {
        let mut it = item("A", vec![0, 1, 2]);
        it.any_of = true;
        let st = requirement_status(&it, &states(&[(2, State::Done)]), None);
        assert_eq!(
            (st.coverage, st.tally),
            (Coverage::Covered, Tally { done: 1, total: 1 })
        );
        assert!(st.any_of && !st.preferred);
        // Preferred marks like any other requirement.
        it.preferred = true;
        assert_eq!(mark(&it, &[(2, State::Done)], None), Coverage::Covered);
        assert!(requirement_status(&it, &states(&[]), None).preferred);
        // Years: all skills done, threshold 5.
        it.min_years = Some(5);
        let done = [(2, State::Done)];
        assert_eq!(mark(&it, &done, None), Coverage::Partly, "not given");
        assert_eq!(mark(&it, &done, Some(4)), Coverage::Partly, "short");
        assert_eq!(mark(&it, &done, Some(5)), Coverage::Covered);
        assert_eq!(
            requirement_status(&it, &states(&done), Some(4)).years,
            Some(Years::NotMet(4))
        );
        // A bare threshold is mapped: missing, not "not mapped".
        let mut bare = item("Y", vec![]);
        bare.min_years = Some(3);
        assert_eq!(mark(&bare, &[], None), Coverage::Missing);
    }

    #[test]
    fn the_met_figure_counts_over_the_mappable_requirements() {
        let (_, p) = catalog([1; 5], vec![vec![0], vec![1], vec![], vec![]]);
        let m = posting_match_for(&p, &states(&[(0, State::Done)]), None);
        assert_eq!((m.covered, m.missing, m.not_mapped), (1, 1, 2));
        assert_eq!((m.mappable(), m.total), (2, 4));
        assert_eq!(m.percent(), 50, "not mapped requirements weigh nothing");
    }

    #[test]
    fn next_skills_is_a_greedy_cover_of_open_requirements() {
        // R0 {0,1}, R1 {1,2}, R2 {2,3}, R3 {4}. Skill 1 and 2 each hit two;
        // 2 is needed by more roles, so it goes first; then 0 or 1 for R0
        // (1 has more roles), then 4 for R3.
        let (c, p) = catalog(
            [1, 2, 3, 1, 1],
            vec![vec![0, 1], vec![1, 2], vec![2, 3], vec![4]],
        );
        assert_eq!(next_skills(&c, &p, &states(&[]), 10), vec![2, 1, 4]);
        assert_eq!(next_skills(&c, &p, &states(&[]), 2), vec![2, 1], "limit");
        // Done skill 2 is half of R1 and of R2: both stay open (partly), so
        // 1 (R0 and R1) goes first, then 3 for R2, then 4 for R3.
        let done = [(2, State::Done)];
        assert_eq!(next_skills(&c, &p, &states(&done), 10), vec![1, 3, 4]);
        // Skipped skills are never suggested.
        let skipped = [(1, State::Skipped), (2, State::Skipped)];
        assert_eq!(next_skills(&c, &p, &states(&skipped), 10), vec![0, 3, 4]);
    }

    #[test]
    fn ties_with_equal_roles_go_to_catalog_order() {
        let (c, p) = catalog([1; 5], vec![vec![3, 1]]);
        assert_eq!(next_skills(&c, &p, &states(&[]), 5), vec![1]);
    }
}
