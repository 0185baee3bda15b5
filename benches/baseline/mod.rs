#![allow(dead_code)]
//! THE ORIGINAL src/search.rs (commit 319b087), kept for the benchmarks:
//! the "before" figures, and the results the new search must reproduce.
//!
//! Fuzzy search over roles, skills and posting items. The strings to match
//! are collected and lower-cased once, when the catalog loads; a query only
//! runs the matcher. The matcher (skim's) sits behind this module alone, so it
//! can be swapped if the benchmarks ask for it.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use career_explorer::model::{Catalog, Lang, Text};

/// What a result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Role(usize),
    Skill(usize),
    /// (posting, item): a requirement of a posting.
    Requirement(usize, usize),
    /// (posting, item): a responsibility of a posting.
    Responsibility(usize, usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Role,
    Skill,
    Requirement,
    Responsibility,
}

impl Target {
    pub fn kind(self) -> Kind {
        match self {
            Target::Role(_) => Kind::Role,
            Target::Skill(_) => Kind::Skill,
            Target::Requirement(..) => Kind::Requirement,
            Target::Responsibility(..) => Kind::Responsibility,
        }
    }
}

/// How much a match in a field counts: a name beats a tool, a tool beats a
/// word deep in a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Name,
    Tool,
    Body,
}

impl Weight {
    fn factor(self) -> i64 {
        match self {
            Weight::Name => 4,
            Weight::Tool => 3,
            Weight::Body => 1,
        }
    }
}

/// One searchable string of an entry.
#[derive(Debug, Clone)]
pub struct Field {
    /// As shown (for highlighting).
    pub text: String,
    /// Lower-cased once, for matching.
    lower: String,
    pub weight: Weight,
    /// The language of the text, or None for language-neutral strings (tools, ids).
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub target: Target,
    /// Names first (en, zh), then the rest.
    pub fields: Vec<Field>,
}

/// A match: the entry, its score, the field that matched best and the
/// matched character positions in that field's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
    pub field: usize,
    pub positions: Vec<usize>,
}

pub struct Index {
    pub entries: Vec<Entry>,
}

fn field(text: &str, weight: Weight, lang: Option<Lang>) -> Field {
    Field {
        text: text.to_string(),
        lower: text.to_lowercase(),
        weight,
        lang,
    }
}

fn both(t: &Text, weight: Weight) -> [Field; 2] {
    [
        field(&t.en, weight, Some(Lang::En)),
        field(&t.zh, weight, Some(Lang::Zh)),
    ]
}

impl Index {
    pub fn build(c: &Catalog) -> Index {
        let mut entries = Vec::new();
        for (i, r) in c.roles.iter().enumerate() {
            let mut f: Vec<Field> = both(&r.name, Weight::Name).into();
            f.push(field(&r.id, Weight::Name, None));
            for a in &r.aliases {
                f.extend(both(a, Weight::Name));
            }
            f.extend(r.key_tools.iter().map(|t| field(t, Weight::Tool, None)));
            f.extend(both(&r.summary, Weight::Body));
            for a in r.activities.iter().chain(&r.outputs) {
                f.extend(both(a, Weight::Body));
            }
            entries.push(Entry {
                target: Target::Role(i),
                fields: f,
            });
        }
        for (i, s) in c.skills.iter().enumerate() {
            let mut f: Vec<Field> = both(&s.name, Weight::Name).into();
            f.push(field(&s.id, Weight::Name, None));
            f.extend(s.tools.iter().map(|t| field(t, Weight::Tool, None)));
            f.extend(both(&c.categories[s.category_idx].name, Weight::Body));
            entries.push(Entry {
                target: Target::Skill(i),
                fields: f,
            });
        }
        for (pi, p) in c.postings.iter().enumerate() {
            for (ii, r) in p.requirements.iter().enumerate() {
                let mut f: Vec<Field> = both(&r.text, Weight::Name).into();
                f.push(field(&r.id, Weight::Name, None));
                entries.push(Entry {
                    target: Target::Requirement(pi, ii),
                    fields: f,
                });
            }
            for (ii, r) in p.responsibilities.iter().enumerate() {
                let mut f: Vec<Field> = both(&r.text, Weight::Name).into();
                f.push(field(&r.id, Weight::Name, None));
                entries.push(Entry {
                    target: Target::Responsibility(pi, ii),
                    fields: f,
                });
            }
        }
        Index { entries }
    }

    /// The best `limit` hits for `query`, best first. Fuzzy (subsequence)
    /// matches come first; a query with a typo that breaks the subsequence
    /// (a swapped or missing letter) still finds words within a small edit
    /// distance, ranked below the fuzzy matches.
    pub fn query(&self, query: &str, kind: Option<Kind>, limit: usize) -> Vec<Hit> {
        let q = query.trim().to_lowercase();
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let matcher = SkimMatcherV2::default().ignore_case();
        let candidates = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| kind.is_none_or(|k| e.target.kind() == k));
        // Keep the best `limit` in a min-heap: no sort of the whole corpus.
        let mut heap: BinaryHeap<Reverse<(i64, Reverse<usize>)>> = BinaryHeap::new();
        let mut typo: Vec<(i64, usize)> = Vec::new();
        for (i, e) in candidates {
            match best_fuzzy(&matcher, e, &q) {
                Some((score, _)) => {
                    heap.push(Reverse((score, Reverse(i))));
                    if heap.len() > limit {
                        heap.pop();
                    }
                }
                None => {
                    if let Some(d) = best_typo(e, &q) {
                        typo.push((d, i));
                    }
                }
            }
        }
        let mut best: Vec<(i64, usize)> = heap
            .into_iter()
            .map(|Reverse((s, Reverse(i)))| (s, i))
            .collect();
        best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut hits: Vec<Hit> = best
            .into_iter()
            .map(|(score, i)| {
                let (_, (field, positions)) =
                    best_fuzzy(&matcher, &self.entries[i], &q).expect("matched above");
                Hit {
                    entry: i,
                    score,
                    field,
                    positions,
                }
            })
            .collect();
        if hits.len() < limit {
            typo.sort();
            for (d, i) in typo.into_iter().take(limit - hits.len()) {
                hits.push(Hit {
                    entry: i,
                    score: -d,
                    field: 0,
                    positions: Vec::new(),
                });
            }
        }
        hits
    }

    /// The entry whose name is closest to `query` by edit distance, for "did
    /// you mean" when nothing matches.
    pub fn closest(&self, query: &str) -> Option<usize> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return None;
        }
        self.entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                e.fields
                    .iter()
                    .filter(|f| f.weight == Weight::Name)
                    .flat_map(|f| f.lower.split_whitespace())
                    .map(|w| osa_distance(&q, w))
                    .min()
                    .map(|d| (d, i))
            })
            .min()
            .map(|(_, i)| i)
    }
}

/// The best weighted fuzzy score over an entry's fields, with the field and
/// matched positions.
///
/// A match scattered over a long text (the letters of "pinecone" picked one
/// by one out of a sentence) is noise, not a hit: the matched characters must
/// lie within about one and a half times the query's length.
fn best_fuzzy(m: &SkimMatcherV2, e: &Entry, q: &str) -> Option<(i64, (usize, Vec<usize>))> {
    let n = q.chars().count();
    let max_span = n + n / 2 + 2;
    e.fields
        .iter()
        .enumerate()
        .filter_map(|(fi, f)| {
            m.fuzzy_indices(&f.lower, q)
                .filter(|(_, pos)| match (pos.first(), pos.last()) {
                    (Some(a), Some(b)) => b - a < max_span,
                    _ => true,
                })
                .map(|(s, pos)| (s * f.weight.factor(), (fi, pos)))
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.0.cmp(&a.1.0)))
}

/// For a query that is not a subsequence of anything: the smallest edit
/// distance between a query word and a word of a name or tool, if small enough.
fn best_typo(e: &Entry, q: &str) -> Option<i64> {
    let words: Vec<&str> = q.split_whitespace().collect();
    let mut total = 0;
    for w in &words {
        let allowed = (w.chars().count() / 4).max(1);
        // The nearest word; on a tie, one in a name beats one in a tool.
        let (d, rank) = e
            .fields
            .iter()
            .filter(|f| f.weight != Weight::Body)
            .flat_map(|f| {
                let rank = usize::from(f.weight != Weight::Name);
                f.lower
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|x| !x.is_empty())
                    .map(move |x| (osa_distance(w, x), rank))
            })
            .min()?;
        if d > allowed {
            return None;
        }
        total += d * 2 + rank;
    }
    Some(total as i64)
}

/// Optimal string alignment distance: edits plus adjacent swaps, by character.
pub fn osa_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}
