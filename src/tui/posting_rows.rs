//! Pane 4's rows that ↑/↓ walk: the posting's requirements, then the skills
//! it lists (the next skills to learn, then the skills of the role-to-job
//! gap). Plain lists over the catalog and the user's progress, shared by
//! drawing (what each row shows) and by the keys (Enter opens a skill).

use crate::tui::app::App;
use career_core::model::Posting;
use career_core::readiness::next_skills;
use career_core::store::progress::State;

/// How many "next skills" to suggest at most.
pub const NEXT_LIMIT: usize = 5;

/// The skill rows below a posting's requirements.
pub struct SkillRows {
    /// The next skills to learn for the posting, best first.
    pub next: Vec<usize>,
    /// The user's role and the posting's skills it does not name, not done
    /// yet (every one); `None` when no role is given.
    pub gap: Option<(usize, Vec<usize>)>,
}

impl SkillRows {
    /// Every skill row in the order drawn: next skills, then the gap.
    pub fn all(&self) -> impl Iterator<Item = usize> + '_ {
        let gap = self.gap.iter().flat_map(|(_, skills)| skills.iter());
        self.next.iter().chain(gap).copied()
    }
}

/// The skill rows of posting `p` for the user's progress and role.
pub fn skill_rows(app: &App, p: &Posting, at: usize) -> SkillRows {
    let state = app.state_fn();
    let next = next_skills(&app.catalog, p, &state, NEXT_LIMIT);
    let from = app
        .progress
        .profile
        .role
        .as_deref()
        .and_then(|r| app.catalog.role_index(r));
    let gap = from.map(|from| {
        let open = career_core::gap::gap(&app.catalog, from, career_core::gap::Target::Posting(at))
            .into_iter()
            .filter(|&s| app.state(s) != State::Done)
            .collect();
        (from, open)
    });
    SkillRows { next, gap }
}

/// What a row of pane 4 is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobRow {
    /// A requirement, by its index in the posting.
    Requirement(usize),
    /// A skill of the lists below the requirements, by its catalog index.
    Skill(usize),
}

/// Every row of the open posting that ↑/↓ walk, in order.
pub fn job_rows(app: &App) -> Vec<JobRow> {
    let Some(p) = app.catalog.postings.get(app.jobs.posting) else {
        return Vec::new();
    };
    let mut rows: Vec<JobRow> = (0..p.requirements.len()).map(JobRow::Requirement).collect();
    rows.extend(
        skill_rows(app, p, app.jobs.posting)
            .all()
            .map(JobRow::Skill),
    );
    rows
}

/// The skill Enter opens from pane 4's selected row: the skill itself, or
/// for a requirement its first covering skill not done yet (else its first).
pub fn skill_to_open(app: &App) -> Option<usize> {
    match job_rows(app).get(app.jobs.selected)? {
        JobRow::Skill(s) => Some(*s),
        JobRow::Requirement(i) => {
            let r = app.catalog.postings[app.jobs.posting]
                .requirements
                .get(*i)?;
            r.skill_idx
                .iter()
                .copied()
                .find(|&s| app.state(s) != State::Done)
                .or_else(|| r.skill_idx.first().copied())
        }
    }
}
