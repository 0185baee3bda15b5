//! Fuzzy search over roles, skills and posting items.
//!
//! Every score comes from `fuzzy-matcher`'s `SkimMatcherV2` (skim's V2
//! algorithm), case-insensitive, on the lower-cased texts, through
//! [`skim`]: one fresh matcher per scored string, because a matcher reused
//! across strings carries state from one call to the next (checked with
//! fuzzy-matcher 0.3.7: `fuzzy_indices("tool calling", "ll")` scores 35
//! alone and 39 right after the same matcher scored "collect logs"), and
//! `use_cache(false)` panics. When the fuzzy matches do not fill the
//! results, items within a small edit distance follow (`strsim`'s optimal
//! string alignment distance), so a typo still finds its target.

use std::collections::HashMap;

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::{Catalog, Lang, Text};

/// What a result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Role(usize),
    Skill(usize),
    /// A posting itself, by its title, company and id: search finds it by
    /// name, so nobody walks hundreds of postings with →.
    Posting(usize),
    /// (posting, item): a requirement of a posting.
    Requirement(usize, usize),
    /// (posting, item): a responsibility of a posting.
    Responsibility(usize, usize),
    /// A note of the about overlay, by its place in [`Catalog::about_notes`].
    Note(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Role,
    Skill,
    Posting,
    Requirement,
    Responsibility,
    Note,
}

impl Target {
    pub fn kind(self) -> Kind {
        match self {
            Target::Role(_) => Kind::Role,
            Target::Skill(_) => Kind::Skill,
            Target::Posting(_) => Kind::Posting,
            Target::Requirement(..) => Kind::Requirement,
            Target::Responsibility(..) => Kind::Responsibility,
            Target::Note(_) => Kind::Note,
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
    /// What a field's skim score is multiplied by.
    pub fn factor(self) -> i64 {
        match self {
            Weight::Name => 4,
            Weight::Tool => 3,
            Weight::Body => 1,
        }
    }
}

/// One searchable item and its fields, in [`field_texts`] order.
#[derive(Debug, Clone)]
pub struct Entry {
    pub target: Target,
    /// Each field's weight and its lower-cased text, as an id into the
    /// index's distinct strings.
    fields: Vec<(Weight, usize)>,
}

/// A match: the entry (an index into [`Index::entries`]), its score (the
/// weighted skim score; a typo match scores below zero, nearer is higher),
/// the field that matched best (an index into [`field_texts`]) and the
/// matched character positions in that field's text (none for a typo).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
    pub field: usize,
    pub positions: Vec<usize>,
}

/// A skim score and the matched character positions.
type Match = (i64, Vec<usize>);

/// Skim's score of `query` in `text` and, when `positions` is asked for,
/// the matched character positions, from a matcher made for this one string
/// (see the module's doc); `None` when the query's characters are not all in
/// `text`, in order. Without positions skim fills two rows of its score
/// matrix instead of one per query character: the same score where
/// [`Index::query`] asks for it that way (a one-character query, or a
/// string shorter than the span), as a test checks, but not always on
/// longer strings.
pub fn skim(text: &str, query: &str, positions: bool) -> Option<Match> {
    SkimMatcherV2::default()
        .ignore_case()
        .fuzzy(text, query, positions)
}

/// `text` in lower case, one character for each character: where lower-casing
/// would lengthen a character ('İ' becomes "i̇"), its first lower-case
/// character stands for it. Match positions in the folded text are then the
/// positions of the characters shown, so the highlight marks exactly the
/// matched characters.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect()
}

/// Whether `query`'s characters all occur in `text`, in order: what skim
/// needs to match at all, checked without a matcher.
fn holds(text: &str, query: &[char]) -> bool {
    let mut want = query.iter().peekable();
    for c in text.chars() {
        if want.peek() == Some(&&c) {
            want.next();
        }
    }
    want.peek().is_none()
}

/// Whether `query`'s characters occur in `text`, in order, within a run of
/// at most `span` characters. A skim alignment passes [`Index::query`]'s
/// span rule only where such a run exists (the earliest match from its
/// first character ends no later than it does), so a long text without one
/// is left out before skim fills its score matrix: the results are the same,
/// the long texts of hundreds of ads cost a scan instead of a matrix.
pub fn holds_within(text: &str, query: &[char], span: usize) -> bool {
    let Some((&first, rest)) = query.split_first() else {
        return true;
    };
    let mut it = text.chars();
    while let Some(c) = it.next() {
        if c != first {
            continue;
        }
        let mut want = rest.iter().peekable();
        let mut used = 1;
        let mut j = it.clone();
        while used < span {
            let Some(&&w) = want.peek() else { break };
            match j.next() {
                // Out of text: no later start can finish either.
                None => return false,
                Some(c) => {
                    used += 1;
                    if c == w {
                        want.next();
                    }
                }
            }
        }
        if want.peek().is_none() {
            return true;
        }
    }
    false
}

/// The searchable items of a catalog, with their lower-cased texts, each
/// distinct text once (a tool or category many skills name is scored once
/// per query).
#[derive(Debug)]
pub struct Index {
    pub entries: Vec<Entry>,
    strings: Vec<String>,
    /// Each string's length in characters.
    lengths: Vec<usize>,
    /// The strings' words, made at the first query that needs them (a typo
    /// or "did you mean"): each distinct word is then measured once per
    /// query, not once per text that holds it.
    words: std::sync::OnceLock<Words>,
}

/// The distinct words of an [`Index`]'s strings.
#[derive(Debug, Default)]
struct Words {
    /// Each distinct word, and its length in characters.
    vocab: Vec<(String, usize)>,
    /// Per string: its words cut at every character that is not a letter or
    /// digit (what a typo is measured against), as ids into `vocab`.
    alnum: Vec<Vec<u32>>,
    /// Per string: its words cut at white space (what "did you mean"
    /// measures), as ids into `vocab`.
    spaced: Vec<Vec<u32>>,
}

impl Words {
    fn of(strings: &[String]) -> Words {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut vocab: Vec<(String, usize)> = Vec::new();
        let mut alnum = Vec::with_capacity(strings.len());
        let mut spaced = Vec::with_capacity(strings.len());
        for s in strings {
            let cut = s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty());
            alnum.push(cut.map(|w| intern(&mut ids, &mut vocab, w)).collect());
            let cut = s.split_whitespace();
            spaced.push(cut.map(|w| intern(&mut ids, &mut vocab, w)).collect());
        }
        Words {
            vocab,
            alnum,
            spaced,
        }
    }
}

/// The id of `w` in `vocab`, added when new.
fn intern<'a>(
    ids: &mut HashMap<&'a str, u32>,
    vocab: &mut Vec<(String, usize)>,
    w: &'a str,
) -> u32 {
    *ids.entry(w).or_insert_with(|| {
        vocab.push((w.to_string(), w.chars().count()));
        (vocab.len() - 1) as u32
    })
}

/// Every searchable item of the catalog, in index order.
fn targets(c: &Catalog) -> impl Iterator<Item = Target> + '_ {
    (0..c.roles.len())
        .map(Target::Role)
        .chain((0..c.skills.len()).map(Target::Skill))
        .chain(c.postings.iter().enumerate().flat_map(|(p, posting)| {
            std::iter::once(Target::Posting(p))
                .chain((0..posting.requirements.len()).map(move |i| Target::Requirement(p, i)))
                .chain(
                    (0..posting.responsibilities.len()).map(move |i| Target::Responsibility(p, i)),
                )
        }))
        .chain((0..c.about_notes().count()).map(Target::Note))
}

/// The searchable strings of an item, in field order: names first (en, zh,
/// id, aliases), then tools, then texts. `Hit::field` indexes this list.
pub fn field_texts(c: &Catalog, target: Target) -> Vec<(&str, Weight)> {
    let mut f: Vec<(&str, Weight)> = Vec::new();
    match target {
        Target::Role(i) => {
            let r = &c.roles[i];
            both(&mut f, &r.name, Weight::Name);
            f.push((&r.id, Weight::Name));
            for a in &r.aliases {
                both(&mut f, a, Weight::Name);
            }
            for t in &r.key_tools {
                term(&mut f, t, Weight::Tool);
            }
            f.extend(r.keywords.iter().map(|t| (&**t, Weight::Name)));
            both(&mut f, &r.summary, Weight::Body);
            for a in r.activities.iter().chain(&r.outputs) {
                both(&mut f, a, Weight::Body);
            }
        }
        Target::Skill(i) => {
            let s = &c.skills[i];
            both(&mut f, &s.name, Weight::Name);
            f.push((&s.id, Weight::Name));
            f.extend(s.tools.iter().map(|t| (&**t, Weight::Tool)));
            f.extend(s.keywords.iter().map(|t| (&**t, Weight::Name)));
            f.extend(s.term_words().map(|t| (&**t, Weight::Tool)));
            both(&mut f, &c.categories[s.category_idx].name, Weight::Body);
        }
        Target::Posting(p) => {
            let posting = &c.postings[p];
            both(&mut f, &posting.title, Weight::Name);
            f.push((posting.company.get(Lang::En), Weight::Name));
            if posting.company.get(Lang::Zh) != posting.company.get(Lang::En) {
                f.push((posting.company.get(Lang::Zh), Weight::Name));
            }
            f.push((&posting.id, Weight::Name));
        }
        Target::Requirement(p, i) | Target::Responsibility(p, i) => {
            let posting = &c.postings[p];
            let r = match target {
                Target::Requirement(..) => &posting.requirements[i],
                _ => &posting.responsibilities[i],
            };
            both(&mut f, &r.text, Weight::Name);
            f.push((&r.id, Weight::Name));
            f.extend(r.keywords.iter().map(|t| (&**t, Weight::Name)));
        }
        Target::Note(i) => {
            let n = c.about_notes().nth(i).expect("a note of the catalog");
            both(&mut f, &n.title, Weight::Name);
            f.push((&n.id, Weight::Name));
            for t in &n.named {
                term(&mut f, t, Weight::Tool);
            }
            f.extend(n.keywords.iter().map(|t| (&**t, Weight::Name)));
            both(&mut f, &n.body, Weight::Body);
        }
    }
    f
}

/// A term's one name, or its two texts.
fn term<'a>(f: &mut Vec<(&'a str, Weight)>, t: &'a crate::model::Term, w: Weight) {
    match t {
        crate::model::Term::Name(n) => f.push((n, w)),
        crate::model::Term::Text(t) => both(f, t, w),
    }
}

fn both<'a>(f: &mut Vec<(&'a str, Weight)>, t: &'a Text, w: Weight) {
    f.push((&t.en, w));
    f.push((&t.zh, w));
}

/// A typo is allowed in a query word of at least this many characters; a
/// shorter one (and a query without a letter or digit) has to match as it
/// is, or "e" and "%" would be a typo away from every short word.
const TYPO_MIN_CHARS: usize = 3;

/// How many edits a query word of `len` characters may be from a word.
fn typo_allowance(len: usize) -> usize {
    if len < TYPO_MIN_CHARS {
        0
    } else {
        (len / 4).max(1)
    }
}

impl Index {
    /// Indexes every role, skill, requirement and responsibility of `c`.
    pub fn build(c: &Catalog) -> Index {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut strings = Vec::new();
        let entries = targets(c)
            .map(|target| {
                let fields = field_texts(c, target)
                    .into_iter()
                    .map(|(text, weight)| {
                        let lower = fold(text);
                        let id = *ids.entry(lower).or_insert_with_key(|k| {
                            strings.push(k.clone());
                            strings.len() - 1
                        });
                        (weight, id)
                    })
                    .collect();
                Entry { target, fields }
            })
            .collect();
        let lengths = strings.iter().map(|s| s.chars().count()).collect();
        Index {
            entries,
            strings,
            lengths,
            words: std::sync::OnceLock::new(),
        }
    }

    /// The weights and lower-cased texts of an entry's fields.
    pub fn fields(&self, entry: usize) -> impl Iterator<Item = (Weight, &str)> + '_ {
        self.entries[entry]
            .fields
            .iter()
            .map(|&(w, id)| (w, self.strings[id].as_str()))
    }

    /// The best `limit` matches of `query` (case-insensitive), of one kind
    /// or all: the entries whose best field matches, highest weighted skim
    /// score first (on a tie the earlier entry), then, if they are fewer
    /// than `limit`, the entries a typo or two away, nearest first.
    ///
    /// A match scattered over a long text (the letters of "pinecone" picked
    /// one by one out of a sentence) is noise, not a hit: the matched
    /// characters must lie within about one and a half times the query's
    /// length.
    pub fn query(&self, query: &str, kind: Option<Kind>, limit: usize) -> Vec<Hit> {
        let q = fold(query.trim());
        // A query of symbols only ("%") finds nothing, even where a text
        // happens to hold the symbol ("26%").
        if q.is_empty() || limit == 0 || !q.chars().any(char::is_alphanumeric) {
            return Vec::new();
        }
        let chars: Vec<char> = q.chars().collect();
        let max_span = chars.len() + chars.len() / 2 + 2;
        // Each distinct string scored once, when an entry of the kind asked
        // for has it. The positions, which only the span rule and the
        // results need, are worked out only where they can matter.
        let mut scores: Vec<Option<Option<i64>>> = vec![None; self.strings.len()];
        let mut score = |id: usize| -> Option<i64> {
            *scores[id].get_or_insert_with(|| {
                let text = &self.strings[id];
                if !holds(text, &chars) {
                    return None;
                }
                if chars.len() == 1 || self.lengths[id] < max_span {
                    // Any alignment lies within the span.
                    return skim(text, &q, false).map(|m| m.0);
                }
                if !holds_within(text, &chars, max_span) {
                    return None;
                }
                skim(text, &q, true)
                    .filter(|(_, pos)| match (pos.first(), pos.last()) {
                        (Some(a), Some(b)) => b - a < max_span,
                        _ => true,
                    })
                    .map(|(s, _)| s)
            })
        };
        let mut hits = Vec::new();
        let mut unmatched = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            if kind.is_some_and(|k| e.target.kind() != k) {
                continue;
            }
            let mut best: Option<Hit> = None;
            for (fi, &(weight, id)) in e.fields.iter().enumerate() {
                if let Some(s) = score(id) {
                    let s = s * weight.factor();
                    if best.as_ref().is_none_or(|b| s > b.score) {
                        best = Some(Hit {
                            entry: i,
                            score: s,
                            field: fi,
                            positions: Vec::new(),
                        });
                    }
                }
            }
            match best {
                Some(hit) => hits.push(hit),
                None => unmatched.push(i),
            }
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        hits.truncate(limit);
        for hit in &mut hits {
            let id = self.entries[hit.entry].fields[hit.field].1;
            hit.positions = skim(&self.strings[id], &q, true).map_or_else(Vec::new, |m| m.1);
        }
        if hits.len() < limit {
            let room = limit - hits.len();
            hits.extend(self.typos(&q, unmatched, room));
        }
        hits
    }

    /// Up to `room` of `entries` whose names and tools hold every word of
    /// `q` within its typo allowance, nearest first: a word's distance
    /// counts twice, plus one when it is a tool's rather than a name's.
    fn typos(&self, q: &str, entries: Vec<usize>, room: usize) -> Vec<Hit> {
        let words: Vec<(&str, usize)> = q
            .split_whitespace()
            .map(|w| (w, w.chars().count()))
            .collect();
        if !words.iter().any(|&(_, n)| n >= TYPO_MIN_CHARS) || !q.chars().any(char::is_alphanumeric)
        {
            return Vec::new();
        }
        let table = self.words.get_or_init(|| Words::of(&self.strings));
        // Per query word, each vocabulary word's distance when within the
        // word's allowance (else none), measured once.
        let dist: Vec<(Vec<Option<usize>>, usize)> = words
            .iter()
            .map(|&(w, len)| {
                let allowed = typo_allowance(len);
                let d = table
                    .vocab
                    .iter()
                    .map(|(x, n)| (n.abs_diff(len) <= allowed).then(|| strsim::osa_distance(w, x)))
                    .collect();
                (d, allowed)
            })
            .collect();
        let mut found: Vec<(usize, usize)> = entries
            .into_iter()
            .filter_map(|i| {
                let mut total = 0;
                for (d, allowed) in &dist {
                    let (d, rank) = self.entries[i]
                        .fields
                        .iter()
                        .filter(|(weight, _)| *weight != Weight::Body)
                        .flat_map(|&(weight, id)| {
                            let rank = usize::from(weight != Weight::Name);
                            table.alnum[id]
                                .iter()
                                .filter_map(move |&w| d[w as usize].map(|d| (d, rank)))
                        })
                        .min()?;
                    if d > *allowed {
                        return None;
                    }
                    total += d * 2 + rank;
                }
                Some((total, i))
            })
            .collect();
        found.sort_unstable();
        found
            .into_iter()
            .take(room)
            .map(|(d, entry)| Hit {
                entry,
                score: -(d as i64),
                field: 0,
                positions: Vec::new(),
            })
            .collect()
    }

    /// The entry with a name word nearest to `query` by edit distance (on a
    /// tie the earlier entry), for "did you mean" when nothing matches;
    /// `None` for a query without a letter or digit.
    pub fn closest(&self, query: &str) -> Option<usize> {
        let q = fold(query.trim());
        if !q.chars().any(char::is_alphanumeric) {
            return None;
        }
        let len = q.chars().count();
        let table = self.words.get_or_init(|| Words::of(&self.strings));
        // Each distinct word measured at most once.
        let mut memo: Vec<Option<usize>> = vec![None; table.vocab.len()];
        // A word whose length differs from the query's by the best distance
        // so far or more cannot be nearer: it is not measured.
        let mut best: Option<(usize, usize)> = None;
        for (i, e) in self.entries.iter().enumerate() {
            let words = e
                .fields
                .iter()
                .filter(|(weight, _)| *weight == Weight::Name)
                .flat_map(|&(_, id)| table.spaced[id].iter());
            for &w in words {
                let bound = best.map_or(usize::MAX, |b| b.0);
                let (word, n) = &table.vocab[w as usize];
                if n.abs_diff(len) >= bound {
                    continue;
                }
                let d = *memo[w as usize].get_or_insert_with(|| strsim::osa_distance(&q, word));
                if d < bound {
                    best = Some((d, i));
                }
            }
        }
        best.map(|(_, i)| i)
    }
}

#[cfg(test)]
mod tests {
    /// A text whose lower-case form is longer than itself ('İ' lower-cases
    /// to two characters): the positions found in the folded text mark the
    /// matched characters of the text as shown.
    #[test]
    fn the_highlight_marks_the_matched_characters_whatever_case_folding_does() {
        let shown = "İİİ RAG pipeline";
        assert!(shown.to_lowercase().chars().count() > shown.chars().count());
        let folded = super::fold(shown);
        assert_eq!(folded.chars().count(), shown.chars().count());
        let (_, positions) = super::skim(&folded, "rag", true).expect("a match");
        let marked: String = shown
            .chars()
            .enumerate()
            .filter(|(i, _)| positions.contains(i))
            .map(|(_, c)| c)
            .collect();
        assert_eq!(marked, "RAG");
    }

    use super::*;

    #[test]
    fn the_score_alone_is_the_score_with_positions() {
        let c = crate::store::loader::load_bundled().expect("bundled data");
        let index = Index::build(&c);
        let mut compared = 0;
        // Where `query` uses the score alone: a one-character query, or a
        // string shorter than the span (skim's score-only pass can differ
        // on longer strings: "data e" in a 95-character sentence scores 60
        // alone and 50 with positions).
        for (text, &len) in index.strings.iter().zip(&index.lengths) {
            for q in [
                "e", "p", "向", "pr", "rag", "eng", "ll", "向量", "data e", "ci",
            ] {
                let n = q.chars().count();
                if n == 1 || len < n + n / 2 + 2 {
                    assert_eq!(
                        skim(text, q, false).map(|m| m.0),
                        skim(text, q, true).map(|m| m.0),
                        "{q:?} in {text:?}"
                    );
                    compared += 1;
                }
            }
        }
        assert!(compared > 1000, "{compared}");
    }

    #[test]
    fn holds_is_what_skim_needs() {
        for (text, q) in [
            ("langchain", "lch"),
            ("langchain", "hcl"),
            ("提示词", "示"),
            ("", "a"),
        ] {
            let chars: Vec<char> = q.chars().collect();
            assert_eq!(
                holds(text, &chars),
                skim(text, q, true).is_some(),
                "{q:?} {text:?}"
            );
        }
    }

    #[test]
    fn one_string_per_distinct_text() {
        let c = crate::store::loader::load_bundled().expect("bundled data");
        let index = Index::build(&c);
        let fields: usize = index.entries.iter().map(|e| e.fields.len()).sum();
        assert!(index.strings.len() < fields);
        for (i, e) in index.entries.iter().enumerate() {
            let texts = field_texts(&c, e.target);
            let lower: Vec<(Weight, String)> = texts.iter().map(|(t, w)| (*w, fold(t))).collect();
            let got: Vec<(Weight, String)> =
                index.fields(i).map(|(w, t)| (w, t.to_string())).collect();
            assert_eq!(got, lower);
        }
    }
}
