//! How far the user's ticked skills go toward a posting. Plain functions over
//! the catalog and a "is this skill done" test, so they test without a terminal.

use crate::model::{Posting, PostingItem};

/// How well an item is covered by the skills ticked so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coverage {
    /// At least half of the skills that cover it are done.
    Covered,
    /// Some, but fewer than half.
    Partly,
    /// None done (or no skill can cover it).
    Missing,
}

/// (done, total, coverage) for one responsibility or requirement.
pub fn coverage(item: &PostingItem, done: impl Fn(usize) -> bool) -> (usize, usize, Coverage) {
    let total = item.skill_idx.len();
    let n = item.skill_idx.iter().filter(|&&s| done(s)).count();
    let cov = if n > 0 && n * 2 >= total {
        Coverage::Covered
    } else if n > 0 {
        Coverage::Partly
    } else {
        Coverage::Missing
    };
    (n, total, cov)
}

/// How many of a posting's requirements are covered, out of how many.
pub fn posting_match(posting: &Posting, done: impl Fn(usize) -> bool) -> (usize, usize) {
    let covered = posting
        .requirements
        .iter()
        .filter(|r| coverage(r, &done).2 == Coverage::Covered)
        .count();
    (covered, posting.requirements.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    fn item(skills: Vec<usize>) -> PostingItem {
        PostingItem {
            id: "X".into(),
            text: Text::default(),
            emphasis: false,
            skills: vec![],
            min_years: None,
            skill_idx: skills,
        }
    }

    #[test]
    fn half_or_more_is_covered_some_is_partly_none_is_missing() {
        let it = item(vec![1, 2, 3, 4]);
        assert_eq!(coverage(&it, |_| false), (0, 4, Coverage::Missing));
        assert_eq!(coverage(&it, |s| s == 2), (1, 4, Coverage::Partly));
        assert_eq!(coverage(&it, |s| s <= 2), (2, 4, Coverage::Covered));
        assert_eq!(coverage(&item(vec![]), |_| true), (0, 0, Coverage::Missing));
        assert_eq!(coverage(&item(vec![7]), |s| s == 7).2, Coverage::Covered);
    }
}
