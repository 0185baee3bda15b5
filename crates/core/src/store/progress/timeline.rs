//! The progress file's history of state changes: one `{date, skill, state}`
//! record per change (the same skill changed twice on one day keeps the
//! last), at most [`CAP`] records; the oldest are folded into a baseline
//! (each skill's state before the first record kept), so the file stays
//! small while readiness can still be drawn from the first day on.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::State;

/// The most records kept; older ones are folded into the baseline.
pub const CAP: usize = 1000;

/// One change of a skill's state, on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The day of the change, `YYYY-MM-DD` (UTC).
    pub date: String,
    /// The skill id.
    pub skill: String,
    /// The state it changed to.
    pub state: State,
}

/// Each skill's state before the first record kept, and the day of the last
/// record folded in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default)]
    pub skills: BTreeMap<String, State>,
}

impl Baseline {
    /// Nothing folded in yet.
    pub fn is_empty(&self) -> bool {
        self.date.is_none() && self.skills.is_empty()
    }
}

/// Adds the change of `skill` to `state` on `date` (the first ten
/// characters of an RFC 3339 time; a time that is not one records nothing),
/// replacing a record of the same skill on the same day; then folds what
/// is over [`CAP`] into the baseline.
pub fn record(
    history: &mut Vec<Record>,
    baseline: &mut Baseline,
    skill: &str,
    state: State,
    now: &str,
) {
    let Some(day) = crate::dates::parse_day(now) else {
        return;
    };
    let date = crate::dates::format_day(day);
    history.retain(|r| !(r.skill == skill && r.date == date));
    history.push(Record {
        date,
        skill: skill.to_string(),
        state,
    });
    trim(history, baseline);
}

/// Folds the oldest records into the baseline until at most [`CAP`] remain.
pub fn trim(history: &mut Vec<Record>, baseline: &mut Baseline) {
    if history.len() <= CAP {
        return;
    }
    let over = history.len() - CAP;
    for r in history.drain(..over) {
        baseline.skills.insert(r.skill, r.state);
        baseline.date = Some(r.date);
    }
}

/// The history after a merge: `disk`'s records, plus those in `mine` that
/// were not there when last read (`base`), each replacing a record of the
/// same skill and day; ordered by day (stable), trimmed to [`CAP`].
pub fn merge(mine: &[Record], base: &[Record], disk: &mut Vec<Record>, baseline: &mut Baseline) {
    for r in mine.iter().filter(|r| !base.contains(r)) {
        disk.retain(|d| !(d.skill == r.skill && d.date == r.date));
        disk.push(r.clone());
    }
    disk.sort_by(|a, b| a.date.cmp(&b.date));
    trim(disk, baseline);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_record_per_skill_and_day_and_the_oldest_fold_into_the_baseline() {
        let (mut h, mut b) = (Vec::new(), Baseline::default());
        record(
            &mut h,
            &mut b,
            "S01",
            State::Learning,
            "2026-12-01T10:00:00Z",
        );
        record(&mut h, &mut b, "S01", State::Done, "2026-12-01T11:00:00Z");
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].state, State::Done);
        record(&mut h, &mut b, "S02", State::Done, "not a time");
        assert_eq!(h.len(), 1, "a time that is no time records nothing");
        for i in 0..CAP {
            let day = crate::dates::format_day(20_000 + i as i64);
            record(&mut h, &mut b, &format!("X{i}"), State::Done, &day);
        }
        assert_eq!(h.len(), CAP);
        assert_eq!(b.skills.get("S01"), Some(&State::Done));
        assert_eq!(b.date.as_deref(), Some("2026-12-01"));
    }
}
