//! Progress over time, from the progress file's history: the changes, and
//! per week the skills done, the readiness for a role and the coverage of
//! postings at the week's end. A file written before the history existed
//! still gives a line: each entry's `changed` time stands in for the record
//! of its current state.

use std::collections::BTreeMap;

use crate::dates;
use crate::model::Catalog;
use crate::readiness::{posting_match_for, role_readiness};
use crate::store::progress::timeline::Record;
use crate::store::progress::{Progress, State};

/// The role whose readiness the history draws unless asked for another:
/// the AI Engineer's (the app's subject), else the first.
pub fn chart_role(c: &Catalog) -> usize {
    c.role_index("ai_engineer").unwrap_or(0)
}

/// The figures at the end of one week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    /// The week's Monday, days since 1970-01-01.
    pub start: i64,
    /// State changes in the week.
    pub changes: usize,
    /// Skills done at its end.
    pub done: usize,
    /// Readiness for the role asked for, whole percent.
    pub readiness: usize,
    /// Skill coverage of each posting asked for, whole percent, in order;
    /// `None` for a posting nothing can measure ([`crate::readiness::Match::coverage`]).
    pub coverage: Vec<Option<usize>>,
}

/// Every change known, oldest first: the history's records, and for a skill
/// with none, its entry's `changed` day as the record of its state now.
pub fn changes(p: &Progress) -> Vec<Record> {
    let mut out = p.history.clone();
    for (id, e) in &p.skills {
        let recorded = out.iter().any(|r| &r.skill == id);
        let day = e.changed.as_deref().and_then(dates::parse_day);
        if let (false, Some(day), true) = (recorded, day, e.state != State::NotStarted) {
            out.push(Record {
                date: dates::format_day(day),
                skill: id.clone(),
                state: e.state,
            });
        }
    }
    out.sort_by(|a, b| a.date.cmp(&b.date));
    out
}

/// The weeks from the first change (or `since`, if later) to `today`, with
/// the figures for `role` and `postings` at each week's end.
pub fn weeks(
    c: &Catalog,
    p: &Progress,
    role: usize,
    postings: &[usize],
    since: Option<i64>,
    today: i64,
) -> Vec<Week> {
    let all = changes(p);
    let mut states: BTreeMap<String, State> = p.history_baseline.skills.clone();
    let Some(first) = all.iter().filter_map(|r| dates::parse_day(&r.date)).min() else {
        return Vec::new();
    };
    let mut week = dates::week_start(first.max(since.unwrap_or(first)));
    let last = dates::week_start(today.max(first));
    let mut next = 0;
    let mut out = Vec::new();
    while week <= last {
        let end = week + 7;
        let mut changed = 0;
        while let Some(r) = all.get(next) {
            let day = dates::parse_day(&r.date).unwrap_or(i64::MIN);
            if day >= end {
                break;
            }
            changed += usize::from(day >= week);
            states.insert(r.skill.clone(), r.state);
            next += 1;
        }
        let state = |s: usize| states.get(&c.skills[s].id).copied().unwrap_or_default();
        out.push(Week {
            start: week,
            changes: changed,
            done: (0..c.skills.len())
                .filter(|&s| state(s) == State::Done)
                .count(),
            readiness: role_readiness(c, role, &state).percent(),
            coverage: postings
                .iter()
                .filter_map(|&i| c.postings.get(i))
                .map(|x| posting_match_for(x, &state, p.profile.years).coverage())
                .collect(),
        });
        week = end;
    }
    out
}
