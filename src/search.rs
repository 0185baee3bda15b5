//! Fuzzy search over roles, skills and posting items.
//!
//! Scoring is skim's V2 algorithm (the `fuzzy-matcher` crate's
//! `SkimMatcherV2`, case-insensitive), reimplemented here so that a keystroke
//! costs little even on catalogs of a million items: see docs/PERFORMANCE.md.
//! The results are those of `SkimMatcherV2::default().ignore_case()` created
//! afresh for each string; the tests below hold the two together.
//!
//! What makes a keystroke cheap:
//! - every lower-cased string is stored once (a tool or a category name that
//!   many skills share is matched once per query), back to back in one arena,
//!   with a bit mask of the characters it holds, so most strings are ruled out
//!   by one AND;
//! - a string is only scored when the query can fit in it within the allowed
//!   span; the score and the matched positions come from one pass over a
//!   reused buffer, without allocating;
//! - when the query only grew (the user typed one more character), only the
//!   strings that held the previous query are looked at again;
//! - the work is split over the machine's cores when there is enough of it;
//! - the typo fallback runs only when the fuzzy matches do not fill the
//!   results, compares only words of a near enough length, and stops a
//!   distance as soon as it is too large.

use std::cmp::Reverse;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::model::{Catalog, Text};

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

impl Kind {
    fn bit(self) -> u8 {
        match self {
            Kind::Role => KIND_ROLE,
            Kind::Skill => KIND_SKILL,
            Kind::Requirement => KIND_REQUIREMENT,
            Kind::Responsibility => KIND_RESPONSIBILITY,
        }
    }
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

    fn code(self) -> u32 {
        match self {
            Weight::Name => 0,
            Weight::Tool => 1,
            Weight::Body => 2,
        }
    }
}

/// One searchable string of an entry. The text itself stays in the catalog
/// (see [`field_texts`]); the index keeps only its lower-cased form, once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub weight: Weight,
    /// The text lower-cased, as an id into the index's string table.
    key: u32,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub target: Target,
}

/// The cached tables of an [`Index`] (see [`Index::to_parts`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IndexParts {
    arena: String,
    ends: Vec<u32>,
    masks: Vec<u64>,
    flags: Vec<u8>,
    slots: Vec<u32>,
    starts: Vec<u32>,
}

/// Every searchable item of the catalog, in index order.
fn targets(c: &Catalog) -> impl Iterator<Item = Target> + '_ {
    (0..c.roles.len())
        .map(Target::Role)
        .chain((0..c.skills.len()).map(Target::Skill))
        .chain(c.postings.iter().enumerate().flat_map(|(p, posting)| {
            (0..posting.requirements.len())
                .map(move |i| Target::Requirement(p, i))
                .chain(
                    (0..posting.responsibilities.len()).map(move |i| Target::Responsibility(p, i)),
                )
        }))
}

/// How many fields [`field_texts`] gives an item, without building them.
fn field_count(c: &Catalog, target: Target) -> usize {
    match target {
        Target::Role(i) => {
            let r = &c.roles[i];
            3 + 2 * r.aliases.len()
                + r.key_tools.len()
                + 2
                + 2 * (r.activities.len() + r.outputs.len())
        }
        Target::Skill(i) => 3 + c.skills[i].tools.len() + 2,
        Target::Requirement(..) | Target::Responsibility(..) => 3,
    }
}

fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
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
            f.extend(r.key_tools.iter().map(|t| (&**t, Weight::Tool)));
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
            both(&mut f, &c.categories[s.category_idx].name, Weight::Body);
        }
        Target::Requirement(p, i) => {
            let r = &c.postings[p].requirements[i];
            both(&mut f, &r.text, Weight::Name);
            f.push((&r.id, Weight::Name));
        }
        Target::Responsibility(p, i) => {
            let r = &c.postings[p].responsibilities[i];
            both(&mut f, &r.text, Weight::Name);
            f.push((&r.id, Weight::Name));
        }
    }
    f
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

// Flags of an interned string.
const KIND_ROLE: u8 = 1;
const KIND_SKILL: u8 = 2;
const KIND_REQUIREMENT: u8 = 4;
const KIND_RESPONSIBILITY: u8 = 8;
const ALL_KINDS: u8 = 15;
/// Only ASCII: a byte is a character.
const ASCII: u8 = 16;
/// Used by a name field (for `closest`).
const IN_NAME: u8 = 32;
/// Used by a name or tool field (for the typo fallback).
const IN_NAME_OR_TOOL: u8 = 64;

/// Distinct strings, each once, back to back in one arena, with an
/// open-addressing table of their ids to find one without allocating.
#[derive(Default)]
struct Dedup {
    arena: String,
    /// End offset of each string in `arena`; it starts where the previous one ends.
    ends: Vec<u32>,
    /// Ids plus one (0 is empty), a power of two long; dropped once built.
    table: Vec<u32>,
}

impl Dedup {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, id: usize) -> &str {
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        &self.arena[start..self.ends[id] as usize]
    }

    /// The id of `s`, added if it is new, and whether it was.
    fn add(&mut self, s: &str) -> (u32, bool) {
        if (self.ends.len() + 1) * 2 > self.table.len() {
            // Grow to keep the table at most half full, and re-insert.
            let size = (self.table.len() * 2).max(1024);
            self.table = vec![0; size];
            for id in 0..self.ends.len() {
                let mut slot = hash(self.get(id).as_bytes()) as usize & (size - 1);
                while self.table[slot] != 0 {
                    slot = (slot + 1) & (size - 1);
                }
                self.table[slot] = id as u32 + 1;
            }
        }
        let mask = self.table.len() - 1;
        let mut slot = hash(s.as_bytes()) as usize & mask;
        loop {
            match self.table[slot] {
                0 => {
                    let id = u32::try_from(self.ends.len()).expect("fewer than 2^32 strings");
                    self.arena.push_str(s);
                    self.ends
                        .push(u32::try_from(self.arena.len()).expect("string table under 4 GiB"));
                    self.table[slot] = id + 1;
                    return (id, true);
                }
                t if self.get(t as usize - 1) == s => return (t - 1, false),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Done adding: keep only what lookups by id need.
    fn finish(&mut self) {
        self.table = Vec::new();
        self.arena.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// Every distinct lower-cased field text.
#[derive(Default)]
struct Strings {
    text: Dedup,
    /// Which characters each string holds (see `char_bit`).
    masks: Vec<u64>,
    flags: Vec<u8>,
}

impl Strings {
    fn len(&self) -> usize {
        self.text.len()
    }

    fn get(&self, id: usize) -> &str {
        self.text.get(id)
    }
}

/// Builds the string table, one field at a time.
#[derive(Default)]
struct Interner {
    strings: Strings,
    buf: String,
}

/// A 64-bit hash of a string: Fx-style mixing of 8-byte words, then a
/// finaliser so the low bits (the slot) depend on every byte.
fn hash(s: &[u8]) -> u64 {
    let mut h: u64 = s.len() as u64;
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        h = (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(0x517c_c1b7_2722_0a95);
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

impl Interner {
    fn intern(&mut self, text: &str, flags: u8) -> u32 {
        self.buf.clear();
        if text.is_ascii() {
            self.buf
                .extend(text.bytes().map(|b| b.to_ascii_lowercase() as char));
        } else if text.contains('Σ') {
            // A final sigma lower-cases by context: leave it to `to_lowercase`.
            self.buf.push_str(&text.to_lowercase());
        } else {
            // Otherwise `str::to_lowercase` is this, character by character.
            self.buf.extend(text.chars().flat_map(char::to_lowercase));
        }
        let s = &mut self.strings;
        let (id, new) = s.text.add(&self.buf);
        if new {
            s.masks
                .push(self.buf.chars().fold(0, |m, c| m | char_bit(c)));
            s.flags.push(if self.buf.is_ascii() { ASCII } else { 0 });
        }
        s.flags[id as usize] |= flags;
        id
    }
}

/// The words of some strings, each distinct word once: for edit distances,
/// which then cost one computation per distinct word and a lookup per use.
#[derive(Default)]
struct Words {
    words: Dedup,
    /// The words of each string, string after string.
    refs: Vec<u32>,
    /// Where each string's words start in `refs`, plus the end.
    starts: Vec<u32>,
}

impl Words {
    /// The words of the strings flagged `want`, split at `sep`.
    fn build(strings: &Strings, want: u8, sep: fn(char) -> bool) -> Words {
        let mut w = Words::default();
        w.starts.reserve(strings.len() + 1);
        w.starts.push(0);
        for id in 0..strings.len() {
            if strings.flags[id] & want != 0 {
                for word in strings.get(id).split(sep).filter(|x| !x.is_empty()) {
                    w.refs.push(w.words.add(word).0);
                }
            }
            w.starts
                .push(u32::try_from(w.refs.len()).expect("fewer than 2^32 words"));
        }
        w.words.finish();
        w.refs.shrink_to_fit();
        w
    }

    fn of(&self, string: usize) -> &[u32] {
        &self.refs[self.starts[string] as usize..self.starts[string + 1] as usize]
    }
}

/// The bit of a character in a string's mask: letters and digits have their
/// own; the rest share a few. A query character whose bit a string lacks
/// cannot match in it.
fn char_bit(c: char) -> u64 {
    let c = c.to_ascii_lowercase();
    let bit = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + (c as u32 - '0' as u32),
        ' ' => 36,
        _ if c.is_ascii() => 37 + c as u32 % 7,
        _ => 44 + (c as u32).wrapping_mul(2_654_435_761) % 20,
    };
    1 << bit
}

/// An entry's field as stored for matching: string id and weight.
#[derive(Clone, Copy)]
struct Slot(u32);

impl Slot {
    fn key(self) -> usize {
        (self.0 >> 2) as usize
    }
    fn factor(self) -> i64 {
        self.weight().factor()
    }
    fn weight(self) -> Weight {
        match self.0 & 3 {
            0 => Weight::Name,
            1 => Weight::Tool,
            _ => Weight::Body,
        }
    }
}

pub struct Index {
    pub entries: Vec<Entry>,
    strings: Strings,
    /// Every entry's fields, entry after entry, as (string id, weight).
    slots: Vec<Slot>,
    /// Where each entry's slots start, plus the end.
    starts: Vec<u32>,
    /// The words of name and tool strings (split at what is not alphanumeric,
    /// for the typo fallback) and of name strings (split at white space, for
    /// `closest`), built the first time they are needed.
    typo_words: OnceLock<Words>,
    name_words: OnceLock<Words>,
    /// Worker threads a query may use, and the least work worth a thread.
    threads: usize,
    parallel_min: usize,
    memo: Mutex<Memo>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index")
            .field("entries", &self.entries.len())
            .field("strings", &self.strings.len())
            .finish()
    }
}

/// What one query leaves for the next.
#[derive(Default)]
struct Memo {
    /// The last query and its kind filter, and every string that may hold it
    /// as a subsequence, with a lower bound of the narrowest span it fits in.
    last: Option<(Vec<char>, Option<Kind>)>,
    candidates: Vec<(u32, u32)>,
    /// Score per string for the current query, `NO_MATCH` when none; put
    /// back to `NO_MATCH` before the query returns.
    scores: Vec<i32>,
    /// The last `closest` query and its answer: drawing asks for it each frame.
    closest: Option<(String, Option<usize>)>,
}

const NO_MATCH: i32 = i32::MIN;

/// Below this many strings (or entries) a query runs on one thread: starting
/// threads would cost more than it saves.
const PARALLEL_MIN: usize = 16_384;

fn both<'a>(f: &mut Vec<(&'a str, Weight)>, t: &'a Text, w: Weight) {
    f.push((&t.en, w));
    f.push((&t.zh, w));
}

impl Index {
    pub fn build(c: &Catalog) -> Index {
        let mut b = Builder::default();
        let targets = targets(c);
        for target in targets {
            b.push(target, &field_texts(c, target));
        }
        b.starts.push(b.slots.len() as u32);
        let threads = threads();
        let mut strings = b.interner.strings;
        strings.text.finish();
        strings.masks.shrink_to_fit();
        strings.flags.shrink_to_fit();
        Index {
            entries: b.entries,
            strings,
            slots: b.slots,
            starts: b.starts,
            typo_words: OnceLock::new(),
            name_words: OnceLock::new(),
            threads,
            parallel_min: PARALLEL_MIN,
            memo: Mutex::new(Memo::default()),
        }
    }

    /// The index's tables, for the catalog cache (the entries are the
    /// catalog's items in order, so they are not stored).
    pub fn to_parts(&self) -> IndexParts {
        IndexParts {
            arena: self.strings.text.arena.clone(),
            ends: self.strings.text.ends.clone(),
            masks: self.strings.masks.clone(),
            flags: self.strings.flags.clone(),
            slots: self.slots.iter().map(|s| s.0).collect(),
            starts: self.starts.clone(),
        }
    }

    /// An index from cached tables, if they fit `c`: every offset, string id
    /// and field count is checked, so tables that do not belong to this
    /// catalog give `None`, never a panic later.
    pub fn from_parts(p: IndexParts, c: &Catalog) -> Option<Index> {
        let n = p.ends.len();
        if p.masks.len() != n || p.flags.len() != n {
            return None;
        }
        let mut prev = 0usize;
        for &e in &p.ends {
            let e = e as usize;
            if e < prev || !p.arena.is_char_boundary(e) {
                return None;
            }
            prev = e;
        }
        if prev != p.arena.len() {
            return None;
        }
        let entries: Vec<Entry> = targets(c).map(|target| Entry { target }).collect();
        if p.starts.len() != entries.len() + 1 || p.starts.first() != Some(&0) {
            return None;
        }
        if p.starts.last().map(|&x| x as usize) != Some(p.slots.len()) {
            return None;
        }
        for (i, e) in entries.iter().enumerate() {
            let (a, b) = (p.starts[i] as usize, p.starts[i + 1] as usize);
            if b < a || b - a != field_count(c, e.target) {
                return None;
            }
        }
        if p.slots
            .iter()
            .any(|&s| (s >> 2) as usize >= n || s & 3 == 3)
        {
            return None;
        }
        Some(Index {
            entries,
            strings: Strings {
                text: Dedup {
                    arena: p.arena,
                    ends: p.ends,
                    table: Vec::new(),
                },
                masks: p.masks,
                flags: p.flags,
            },
            slots: p.slots.into_iter().map(Slot).collect(),
            starts: p.starts,
            typo_words: OnceLock::new(),
            name_words: OnceLock::new(),
            threads: threads(),
            parallel_min: PARALLEL_MIN,
            memo: Mutex::new(Memo::default()),
        })
    }

    /// An entry's fields, in the order of [`field_texts`].
    pub fn fields(&self, entry: usize) -> Vec<Field> {
        self.slots(entry)
            .iter()
            .map(|s| Field {
                weight: s.weight(),
                key: s.key() as u32,
            })
            .collect()
    }

    fn slots(&self, entry: usize) -> &[Slot] {
        &self.slots[self.starts[entry] as usize..self.starts[entry + 1] as usize]
    }

    /// The best `limit` hits for `query`, best first. Fuzzy (subsequence)
    /// matches come first; a query with a typo that breaks the subsequence
    /// (a swapped or missing letter) still finds words within a small edit
    /// distance, ranked below the fuzzy matches.
    ///
    /// A match scattered over a long text (the letters of "pinecone" picked
    /// one by one out of a sentence) is noise, not a hit: the matched
    /// characters must lie within about one and a half times the query's
    /// length.
    pub fn query(&self, query: &str, kind: Option<Kind>, limit: usize) -> Vec<Hit> {
        let q: Vec<char> = query.trim().to_lowercase().chars().collect();
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut memo = self.memo.lock().unwrap_or_else(|poisoned| {
            // A query that panicked may have left scores behind: start afresh.
            let mut memo = poisoned.into_inner();
            *memo = Memo::default();
            memo
        });
        let memo = &mut *memo;

        // 1. Score the strings that can hold the query.
        let grew = matches!(&memo.last, Some((prev, k)) if *k == kind && q.starts_with(prev));
        let found = if grew {
            // A string that holds the longer query holds the shorter one, in
            // a span no narrower: only those need looking at again.
            let cands = std::mem::take(&mut memo.candidates);
            self.par(cands.len(), |r| {
                self.match_strings(&q, cands[r].iter().copied())
            })
        } else {
            let bits = kind.map_or(ALL_KINDS, Kind::bit);
            let flags = &self.strings.flags;
            self.par(self.strings.len(), |r| {
                self.match_strings(
                    &q,
                    r.filter(|&id| flags[id] & bits != 0)
                        .map(|id| (id as u32, 0)),
                )
            })
        };
        memo.candidates.clear();
        if memo.scores.len() != self.strings.len() {
            memo.scores = vec![NO_MATCH; self.strings.len()];
        }
        for part in &found {
            memo.candidates.extend_from_slice(&part.candidates);
            for &(id, score) in &part.scores {
                memo.scores[id as usize] = score;
            }
        }
        memo.last = Some((q.clone(), kind));

        // 2. Rank the entries by their best field.
        let scores = &memo.scores;
        let parts = self.par(self.entries.len(), |r| {
            let mut top = TopK::new(limit);
            let mut matched = 0;
            for i in r {
                if kind.is_some_and(|k| self.entries[i].target.kind() != k) {
                    continue;
                }
                if let Some((score, field)) = self.best_field(i, scores) {
                    matched += 1;
                    top.push(score, i, field);
                }
            }
            (top.into_sorted(), matched)
        });
        let matched: usize = parts.iter().map(|p| p.1).sum();
        let mut best: Vec<(i64, usize, usize)> = parts.into_iter().flat_map(|p| p.0).collect();
        best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        best.truncate(limit);

        let mut scratch = Scratch::default();
        let mut hits: Vec<Hit> = best
            .into_iter()
            .map(|(score, entry, field)| {
                let key = self.slots(entry)[field].key();
                scratch.skim(self.strings.get(key), &q);
                Hit {
                    entry,
                    score,
                    field,
                    positions: scratch.positions.clone(),
                }
            })
            .collect();

        // 3. Too few: add the entries within a small edit distance.
        if matched < limit {
            for (d, i) in self.typos(&q, kind, scores, limit - hits.len()) {
                hits.push(Hit {
                    entry: i,
                    score: -d,
                    field: 0,
                    positions: Vec::new(),
                });
            }
        }
        for part in &found {
            for &(id, _) in &part.scores {
                memo.scores[id as usize] = NO_MATCH;
            }
        }
        hits
    }

    /// The entry's best weighted score and its field; on a tie the earlier field.
    fn best_field(&self, entry: usize, scores: &[i32]) -> Option<(i64, usize)> {
        let mut best: Option<(i64, usize)> = None;
        for (fi, slot) in self.slots(entry).iter().enumerate() {
            let s = scores[slot.key()];
            if s == NO_MATCH {
                continue;
            }
            let s = i64::from(s) * slot.factor();
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, fi));
            }
        }
        best
    }

    /// Scores the strings `ids` against `q`. Each comes with a lower bound of
    /// the narrowest span `q` can fit in it. Returns the strings that may hold
    /// `q` (with a new lower bound, exact when it was worth computing) and of
    /// those the ones that match within the allowed span, with skim's score.
    fn match_strings(&self, q: &[char], ids: impl Iterator<Item = (u32, u32)>) -> Found {
        let n = q.len();
        let max_span = n + n / 2 + 2;
        let qmask = q.iter().fold(0, |m, &c| m | char_bit(c));
        let q_ascii = q.iter().all(char::is_ascii);
        let mut sc = Scratch::default();
        let mut out = Found::default();
        for (id, at_least) in ids {
            let i = id as usize;
            if qmask & !self.strings.masks[i] != 0 {
                continue;
            }
            let at_least = (at_least as usize).max(n - 1);
            if at_least >= max_span {
                // Too spread out for this query, maybe not for a longer one.
                out.candidates.push((id, at_least as u32));
                continue;
            }
            let s = self.strings.get(i);
            let ascii = self.strings.flags[i] & ASCII != 0;
            let span = if ascii {
                if !q_ascii {
                    continue;
                }
                narrowest(s.as_bytes(), q)
            } else {
                sc.chars.clear();
                sc.chars.extend(s.chars());
                narrowest(&sc.chars, q)
            };
            let Some(span) = span else { continue };
            out.candidates.push((id, span as u32));
            if span >= max_span {
                continue;
            }
            let score = if ascii {
                sc.skim_in(s.as_bytes(), q)
            } else {
                let chars = std::mem::take(&mut sc.chars);
                let r = sc.skim_in(&chars, q);
                sc.chars = chars;
                r
            };
            let Some(score) = score else { continue };
            let within = match (sc.positions.first(), sc.positions.last()) {
                (Some(a), Some(b)) => b - a < max_span,
                _ => true,
            };
            if within {
                out.scores.push((id, score as i32));
            }
        }
        out
    }

    /// Up to `want` entries that did not match but are within a small edit
    /// distance of the query, nearest first: (distance score, entry).
    fn typos(
        &self,
        q: &[char],
        kind: Option<Kind>,
        scores: &[i32],
        want: usize,
    ) -> Vec<(i64, usize)> {
        let q: String = q.iter().collect();
        let words: Vec<Vec<char>> = q.split_whitespace().map(|w| w.chars().collect()).collect();
        if words.is_empty() || want == 0 {
            return Vec::new();
        }
        let allowed: Vec<usize> = words.iter().map(|w| (w.len() / 4).max(1)).collect();
        let bits = kind.map_or(ALL_KINDS, Kind::bit);
        let nw = words.len();
        let table = self
            .typo_words
            .get_or_init(|| Words::build(&self.strings, IN_NAME_OR_TOOL, |c| !c.is_alphanumeric()));
        // Each distinct word against each query word (FAR beyond what is allowed)...
        let parts = self.par(table.words.len(), |r| {
            let mut rows = Default::default();
            let mut chars = Vec::new();
            let mut out = Vec::with_capacity(r.len() * nw);
            for v in r {
                let word = table.words.get(v);
                let ascii = word.is_ascii();
                if !ascii {
                    chars.clear();
                    chars.extend(word.chars());
                }
                let len = if ascii { word.len() } else { chars.len() };
                for (w, &limit) in words.iter().zip(&allowed) {
                    let d = if len.abs_diff(w.len()) > limit {
                        usize::MAX
                    } else if ascii {
                        osa_bounded(w, word.as_bytes(), limit, &mut rows)
                    } else {
                        osa_bounded(w, &chars, limit, &mut rows)
                    };
                    out.push(if d <= limit {
                        d.min(FAR as usize - 1) as u16
                    } else {
                        FAR
                    });
                }
            }
            out
        });
        let per_word: Vec<u16> = parts.concat();
        // ...then each string's nearest word, strings of names and tools only.
        let parts = self.par(self.strings.len(), |r| {
            let mut out = Vec::with_capacity(r.len() * nw);
            let mut best = vec![FAR; nw];
            for id in r {
                best.fill(FAR);
                if self.strings.flags[id] & bits != 0 {
                    for &v in table.of(id) {
                        let d = &per_word[v as usize * nw..(v as usize + 1) * nw];
                        for (b, &d) in best.iter_mut().zip(d) {
                            *b = (*b).min(d);
                        }
                    }
                }
                out.extend_from_slice(&best);
            }
            out
        });
        let dist: Vec<u16> = parts.concat();
        let parts = self.par(self.entries.len(), |r| {
            let mut out = Vec::new();
            for i in r {
                if kind.is_some_and(|k| self.entries[i].target.kind() != k)
                    || self.best_field(i, scores).is_some()
                {
                    continue;
                }
                let mut total = 0;
                let ok = (0..nw).all(|w| {
                    // The nearest word; on a tie, one in a name beats one in a tool.
                    let best = self
                        .slots(i)
                        .iter()
                        .filter(|s| s.weight() != Weight::Body)
                        .map(|s| {
                            (
                                dist[s.key() * nw + w],
                                usize::from(s.weight() != Weight::Name),
                            )
                        })
                        .min();
                    match best {
                        Some((d, rank)) if d != FAR => {
                            total += d as usize * 2 + rank;
                            true
                        }
                        _ => false,
                    }
                });
                if ok {
                    out.push((total as i64, i));
                }
            }
            out
        });
        let mut typo: Vec<(i64, usize)> = parts.concat();
        typo.sort();
        typo.truncate(want);
        typo
    }

    /// The entry whose name is closest to `query` by edit distance, for "did
    /// you mean" when nothing matches.
    pub fn closest(&self, query: &str) -> Option<usize> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return None;
        }
        if let Some((prev, answer)) = &self.memo.lock().unwrap_or_else(|e| e.into_inner()).closest
            && *prev == q
        {
            return *answer;
        }
        let qc: Vec<char> = q.chars().collect();
        // Distances above the best found so far need not be exact.
        let bound = AtomicUsize::new(usize::MAX);
        let table = self
            .name_words
            .get_or_init(|| Words::build(&self.strings, IN_NAME, char::is_whitespace));
        // Each distinct word of a name once. A distance above the best found
        // so far (any word's distance is one an entry has) need not be exact.
        let parts = self.par(table.words.len(), |r| {
            let mut rows = Default::default();
            let mut chars = Vec::new();
            let mut out = Vec::with_capacity(r.len());
            for v in r {
                let word = table.words.get(v);
                let limit = bound.load(Ordering::Relaxed);
                let d = if word.is_ascii() {
                    osa_bounded(&qc, word.as_bytes(), limit, &mut rows)
                } else {
                    chars.clear();
                    chars.extend(word.chars());
                    osa_bounded(&qc, &chars, limit, &mut rows)
                };
                if d <= limit {
                    bound.fetch_min(d, Ordering::Relaxed);
                }
                out.push(d);
            }
            out
        });
        let per_word: Vec<usize> = parts.concat();
        let parts = self.par(self.strings.len(), |r| {
            r.map(|id| {
                table
                    .of(id)
                    .iter()
                    .map(|&v| per_word[v as usize])
                    .min()
                    .unwrap_or(usize::MAX)
            })
            .collect::<Vec<usize>>()
        });
        let dist: Vec<usize> = parts.concat();
        let answer = (0..self.entries.len())
            .filter_map(|i| {
                self.slots(i)
                    .iter()
                    .filter(|s| s.weight() == Weight::Name)
                    .map(|s| dist[s.key()])
                    .filter(|&d| d != usize::MAX)
                    .min()
                    .map(|d| (d, i))
            })
            .min()
            .map(|(_, i)| i);
        self.memo.lock().unwrap_or_else(|e| e.into_inner()).closest = Some((q, answer));
        answer
    }

    /// Runs `f` over `0..len`, split over the worker threads when `len` is
    /// large enough; the parts come back in order.
    fn par<R: Send>(&self, len: usize, f: impl Fn(Range<usize>) -> R + Sync) -> Vec<R> {
        let threads = self.threads.min(len / self.parallel_min).max(1);
        if threads == 1 {
            return vec![f(0..len)];
        }
        let chunk = len.div_ceil(threads);
        let f = &f;
        std::thread::scope(|s| {
            let rest: Vec<_> = (1..threads)
                .map(|t| s.spawn(move || f(t * chunk..((t + 1) * chunk).min(len))))
                .collect();
            let mut out = vec![f(0..chunk.min(len))];
            out.extend(rest.into_iter().map(|h| h.join().expect("search worker")));
            out
        })
    }
}

#[derive(Default)]
struct Builder {
    interner: Interner,
    entries: Vec<Entry>,
    slots: Vec<Slot>,
    starts: Vec<u32>,
}

impl Builder {
    fn push(&mut self, target: Target, fields: &[(&str, Weight)]) {
        let kind = target.kind().bit();
        self.starts
            .push(u32::try_from(self.slots.len()).expect("fewer than 2^32 fields"));
        for &(text, weight) in fields {
            let use_flags = match weight {
                Weight::Name => IN_NAME | IN_NAME_OR_TOOL,
                Weight::Tool => IN_NAME_OR_TOOL,
                Weight::Body => 0,
            };
            let key = self.interner.intern(text, kind | use_flags);
            self.slots.push(Slot(key << 2 | weight.code()));
        }
        self.entries.push(Entry { target });
    }
}

/// What one worker found: strings holding the query (id, narrowest span) and
/// those that match (id, skim score).
#[derive(Default)]
struct Found {
    candidates: Vec<(u32, u32)>,
    scores: Vec<(u32, i32)>,
}

/// The best `k` of (score, entry, field): higher score first, then lower entry.
struct TopK {
    k: usize,
    heap: std::collections::BinaryHeap<Reverse<(i64, Reverse<usize>, usize)>>,
}

impl TopK {
    fn new(k: usize) -> Self {
        TopK {
            k,
            heap: Default::default(),
        }
    }

    fn push(&mut self, score: i64, entry: usize, field: usize) {
        if self.heap.len() == self.k
            && let Some(Reverse((s, Reverse(e), _))) = self.heap.peek()
            && (score, Reverse(entry)) <= (*s, Reverse(*e))
        {
            return;
        }
        self.heap.push(Reverse((score, Reverse(entry), field)));
        if self.heap.len() > self.k {
            self.heap.pop();
        }
    }

    fn into_sorted(self) -> Vec<(i64, usize, usize)> {
        self.heap
            .into_iter()
            .map(|Reverse((s, Reverse(e), f))| (s, e, f))
            .collect()
    }
}

/// A byte or a character of a string being matched.
trait Ch: Copy {
    fn ch(self) -> char;
    /// skim's class of the character.
    fn class(self) -> CharType;
}

impl Ch for u8 {
    fn ch(self) -> char {
        self as char
    }
    fn class(self) -> CharType {
        ASCII_TYPES[(self & 127) as usize]
    }
}

impl Ch for char {
    fn ch(self) -> char {
        self
    }
    fn class(self) -> CharType {
        if self.is_ascii() {
            ASCII_TYPES[self as usize]
        } else {
            CharType::Lower
        }
    }
}

/// skim's character test: equal, ignoring ASCII case.
fn same(a: char, b: char) -> bool {
    a.eq_ignore_ascii_case(&b)
}

/// The narrowest span (last - first position) over all ways `q` fits in `s`
/// as a subsequence, or None if it does not.
fn narrowest<T: Ch, P: Ch>(s: &[T], q: &[P]) -> Option<usize> {
    let (first, rest) = q.split_first()?;
    let first = first.ch();
    let mut best: Option<usize> = None;
    for start in 0..s.len() {
        if !same(s[start].ch(), first) {
            continue;
        }
        if rest.is_empty() {
            return Some(0);
        }
        // Greedy from `start`: the narrowest fit that starts there.
        let mut j = start + 1;
        let mut abandoned = false;
        for p in rest {
            let p = p.ch();
            loop {
                if j >= s.len() {
                    // It does not fit after this start, so after no later one.
                    return best;
                }
                if best.is_some_and(|b| j - start >= b) {
                    abandoned = true;
                    break;
                }
                j += 1;
                if same(s[j - 1].ch(), p) {
                    break;
                }
            }
            if abandoned {
                break;
            }
        }
        if !abandoned {
            best = Some(j - 1 - start);
        }
    }
    best
}

/// Reused buffers for matching one string.
#[derive(Default)]
struct Scratch {
    chars: Vec<char>,
    bonus: Vec<i32>,
    /// The first and the last place each query character can match in an
    /// alignment of the whole query.
    first: Vec<usize>,
    last: Vec<usize>,
    /// The previous and the current row of M and P.
    m_prev: Vec<i32>,
    p_prev: Vec<i32>,
    m_cur: Vec<i32>,
    p_cur: Vec<i32>,
    /// Per pattern row and column: bit 0 the M cell came by a match, bit 1 the
    /// P cell did.
    moves: Vec<u8>,
    positions: Vec<usize>,
}

// skim V2's default scoring.
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
const NEG_INFINITY: i32 = i16::MIN as i32;

#[derive(Clone, Copy, PartialEq, Eq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

/// `char_type` of every ASCII character, looked up instead of matched.
const ASCII_TYPES: [CharType; 128] = {
    let mut t = [CharType::Lower; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = char_type(i as u8 as char);
        i += 1;
    }
    t
};

const fn char_type(ch: char) -> CharType {
    match ch {
        '\0' => CharType::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharType::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharType::SoftSep,
        '0'..='9' => CharType::Number,
        'A'..='Z' => CharType::Upper,
        _ => CharType::Lower,
    }
}

fn in_place_bonus(prev: CharType, cur: CharType) -> i32 {
    match (prev, cur) {
        (CharType::Empty, _) | (CharType::HardSep, _) => BONUS_HEAD,
        (CharType::SoftSep, _) => BONUS_BREAK,
        (CharType::Lower, CharType::Upper) | (CharType::Number, CharType::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// No word within the allowed distance.
const FAR: u16 = u16::MAX;

impl Scratch {
    /// skim V2's score of `q` in `s`, case-insensitive, with the matched
    /// character positions left in `self.positions`; None if `q` is not a
    /// subsequence of `s`.
    fn skim(&mut self, s: &str, q: &[char]) -> Option<i64> {
        if q.is_empty() {
            self.positions.clear();
            return Some(0);
        }
        if s.is_ascii() {
            self.skim_in(s.as_bytes(), q)
        } else {
            let mut chars = std::mem::take(&mut self.chars);
            chars.clear();
            chars.extend(s.chars());
            let r = self.skim_in(&chars, q);
            self.chars = chars;
            r
        }
    }

    /// The alignment of `SkimMatcherV2::fuzzy` with positions: M is the best
    /// score of an alignment ending in a match at this column, P of one
    /// ending in a gap.
    ///
    /// Unlike skim, only the band of columns where a query character can
    /// match and the rest of the query still fit after it is computed: a cell
    /// outside it lies on no complete alignment, so the score, the moves along
    /// the best alignment and thus the positions are the same.
    fn skim_in<T: Ch, P: Ch>(&mut self, c: &[T], p: &[P]) -> Option<i64> {
        self.positions.clear();
        let n = p.len();
        // The first place each pattern character can match (skim's cheap test).
        self.first.clear();
        for (idx, &ch) in c.iter().enumerate() {
            if self.first.len() == n {
                break;
            }
            if same(ch.ch(), p[self.first.len()].ch()) {
                self.first.push(idx);
            }
        }
        if self.first.len() < n || n == 0 {
            return None;
        }
        let cols = c.len() + 1;
        // In-place bonus of column `col` (character `col - 1`).
        let bonus = |col: usize| {
            let prev = if col >= 2 {
                c[col - 2].class()
            } else {
                CharType::Empty
            };
            let b = in_place_bonus(prev, c[col - 1].class());
            if col == 1 {
                b * BONUS_FIRST_CHAR_MULTIPLIER
            } else {
                b
            }
        };
        let here = |ch: char, pch: char| {
            let penalty = if ch != pch { PENALTY_CASE_MISMATCH } else { 0 };
            (SCORE_MATCH + penalty).max(0)
        };
        if n == 1 {
            // One row: M = P[0] + bonus + match, P[0] being one gap (-1).
            let pch = p[0].ch();
            let mut best = (NEG_INFINITY, self.first[0]);
            for col in self.first[0] + 1..cols {
                let ch = c[col - 1].ch();
                if same(ch, pch) {
                    let score = GAP_EXTENSION + bonus(col) + here(ch, pch);
                    if score >= best.0 {
                        best = (score, col);
                    }
                }
            }
            self.positions.push(best.1 - 1);
            return Some(i64::from(best.0));
        }
        self.last.clear();
        self.last.resize(n, 0);
        let mut k = n;
        for idx in (0..c.len()).rev() {
            if k == 0 {
                break;
            }
            if same(c[idx].ch(), p[k - 1].ch()) {
                k -= 1;
                self.last[k] = idx;
            }
        }
        self.bonus.clear();
        self.bonus.resize(cols, 0);
        for col in self.first[0] + 1..=self.last[n - 1] + 1 {
            self.bonus[col] = bonus(col);
        }
        for v in [
            &mut self.m_prev,
            &mut self.p_prev,
            &mut self.m_cur,
            &mut self.p_cur,
        ] {
            v.clear();
            v.resize(cols, NEG_INFINITY);
        }
        // Row 0: nothing matched yet; a gap costs one.
        self.p_prev.fill(GAP_EXTENSION);
        if self.moves.len() < n * cols {
            self.moves.resize(n * cols, 0);
        }
        for (k, pk) in p.iter().enumerate() {
            let pch = pk.ch();
            let lo = self.first[k];
            // M can be finite up to the last place p[k] fits; the next row
            // reads P up to the last place p[k + 1] fits.
            let m_hi = self.last[k] + 1;
            let hi = if k + 1 < n { self.last[k + 1] } else { m_hi };
            // Left of the first possible match: nothing (fresh cells).
            self.m_cur[lo] = NEG_INFINITY;
            self.p_cur[lo] = NEG_INFINITY;
            let row_moves = &mut self.moves[k * cols..(k + 1) * cols];
            let (m_prev, p_prev) = (&self.m_prev, &self.p_prev);
            let (m_cur, p_cur) = (&mut self.m_cur, &mut self.p_cur);
            for col in lo + 1..=hi {
                let mut mv = 0u8;
                let ch = c[col - 1].ch();
                let m_score = if col <= m_hi && same(ch, pch) {
                    let bonus = self.bonus[col];
                    // skim's "previous match bonus" is always 0 in a fresh matrix.
                    let consecutive = bonus.max(BONUS_CONSECUTIVE);
                    let by_match = m_prev[col - 1] + consecutive;
                    let by_skip = p_prev[col - 1] + bonus;
                    if by_match >= by_skip {
                        mv = 1;
                        by_match + here(ch, pch)
                    } else {
                        by_skip + here(ch, pch)
                    }
                } else {
                    NEG_INFINITY
                };
                m_cur[col] = m_score;
                let by_match = GAP_START + GAP_EXTENSION + m_cur[col - 1];
                let by_skip = GAP_EXTENSION + p_cur[col - 1];
                p_cur[col] = if by_match >= by_skip {
                    mv |= 2;
                    by_match
                } else {
                    by_skip
                };
                row_moves[col] = mv;
            }
            std::mem::swap(&mut self.m_prev, &mut self.m_cur);
            std::mem::swap(&mut self.p_prev, &mut self.p_cur);
        }
        // The best end in the last row (now the previous one); on a tie the rightmost.
        let from = self.first[n - 1];
        let mut end = from;
        let mut score = self.m_prev[from];
        for col in from..=self.last[n - 1] + 1 {
            if self.m_prev[col] >= score {
                score = self.m_prev[col];
                end = col;
            }
        }
        // Walk back through the moves for the matched positions.
        let (mut i, mut j) = (n, end);
        let mut on_match = true;
        while i > 0 && j > self.first[0] {
            if on_match {
                self.positions.push(j - 1);
            }
            let mv = self.moves[(i - 1) * cols + j];
            let next = if on_match { mv & 1 != 0 } else { mv & 2 != 0 };
            if on_match {
                i -= 1;
            }
            j -= 1;
            on_match = next;
        }
        self.positions.reverse();
        Some(i64::from(score))
    }
}

/// Optimal string alignment distance, exact when at most `limit`; above
/// `limit` it returns some larger number.
fn osa_bounded<T: Ch>(a: &[char], b: &[T], limit: usize, rows: &mut [Vec<usize>; 3]) -> usize {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > limit {
        return limit.saturating_add(1);
    }
    let [r0, r1, r2] = rows;
    // r2: row i-2, r1: row i-1, r0: row i.
    for r in [&mut *r0, &mut *r1, &mut *r2] {
        r.clear();
        r.resize(m + 1, 0);
    }
    for (j, cell) in r1.iter_mut().enumerate() {
        *cell = j;
    }
    let mut prev_min = 0;
    for i in 1..=n {
        r0[0] = i;
        let mut row_min = r0[0];
        for j in 1..=m {
            let bj = b[j - 1].ch();
            let cost = usize::from(a[i - 1] != bj);
            let mut v = (r1[j] + 1).min(r0[j - 1] + 1).min(r1[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2].ch() && a[i - 2] == bj {
                v = v.min(r2[j - 2] + 1);
            }
            r0[j] = v;
            row_min = row_min.min(v);
        }
        // A transposition reaches back two rows, so stop only when both
        // the last two rows are beyond the limit.
        if row_min > limit && prev_min > limit {
            return limit.saturating_add(1);
        }
        prev_min = row_min;
        std::mem::swap(r2, r1);
        std::mem::swap(r1, r0);
    }
    r1[m]
}

/// Optimal string alignment distance: edits plus adjacent swaps, by character.
pub fn osa_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    osa_bounded(&a, &b, usize::MAX, &mut Default::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;

    #[test]
    fn osa_counts_a_swap_as_one() {
        assert_eq!(osa_distance("langchian", "langchain"), 1);
        assert_eq!(osa_distance("fulstak", "fullstack"), 2);
        assert_eq!(osa_distance("", "abc"), 3);
        assert_eq!(osa_distance("提示词", "提示词"), 0);
    }

    /// The textbook distance, to check the bounded one against.
    fn osa_reference(a: &str, b: &str) -> usize {
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

    /// A deterministic stream of strings that exercise every character class
    /// skim scores differently, doubled letters and non-ASCII text.
    fn samples() -> Vec<String> {
        let words = [
            "lang",
            "chain",
            "LangChain",
            "vector",
            "search",
            "prompt",
            "engineer",
            "engineering",
            "postgres",
            "evals",
            "ci",
            "full-stack",
            "fullstack",
            "llm",
            "feed",
            "see",
            "all",
            "balloon",
            "a",
            "ab",
            "x",
            "(rag)",
            "k8s",
            "gpt-4",
            "提示词",
            "工程师",
            "向量",
            "检索",
            "Σ",
            "ΣΑΣ",
            "i/o",
            "[beta]",
            "snake_case",
            "dot.net",
            "~tilde",
            "AaA",
        ];
        let mut seed: u64 = 7;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        (0..600)
            .map(|_| {
                let n = 1 + next() % 9;
                let sep = [" ", "", "-", " / ", "、"][next() % 5];
                (0..n)
                    .map(|_| words[next() % words.len()])
                    .collect::<Vec<_>>()
                    .join(sep)
            })
            .collect()
    }

    const QUERIES: [&str; 24] = [
        "l",
        "la",
        "lan",
        "langchain",
        "ee",
        "engineer",
        "ll",
        "fee",
        "balloo",
        "prompt eng",
        "vector search",
        "evals ci",
        "postgres",
        "fulstak",
        "提示词",
        "向量",
        "a",
        "aa",
        "k8",
        "-",
        "σ",
        "i/",
        "g4",
        "ab ab",
    ];

    #[test]
    fn skim_is_fuzzy_matchers_skim_v2() {
        let mut sc = Scratch::default();
        let mut compared = 0;
        for s in samples() {
            let lower = s.to_lowercase();
            for q in QUERIES {
                // A fresh matcher per string: fuzzy-matcher 0.3.7 reuses its
                // score matrix between calls without clearing it, so a shared
                // one gives scores that depend on what it matched before.
                let want = SkimMatcherV2::default()
                    .ignore_case()
                    .fuzzy_indices(&lower, q);
                let qc: Vec<char> = q.chars().collect();
                let got = sc.skim(&lower, &qc).map(|s| (s, sc.positions.clone()));
                assert_eq!(got, want, "{q:?} in {lower:?}");
                compared += usize::from(want.is_some());
            }
        }
        assert!(compared > 2000, "{compared}");
    }

    #[test]
    fn narrowest_span_is_the_minimum_over_alignments() {
        fn brute(s: &[char], q: &[char]) -> Option<usize> {
            // Every start; greedy from each start gives the narrowest end.
            (0..s.len())
                .filter_map(|a| {
                    if s[a] != q[0] {
                        return None;
                    }
                    let mut j = a + 1;
                    for &p in &q[1..] {
                        j += s[j..].iter().position(|&c| c == p)? + 1;
                    }
                    Some(if q.len() == 1 { 0 } else { j - 1 - a })
                })
                .min()
        }
        for s in samples() {
            let s: Vec<char> = s.to_lowercase().chars().collect();
            for q in QUERIES {
                let q: Vec<char> = q.chars().collect();
                assert_eq!(narrowest(&s, &q), brute(&s, &q), "{q:?} in {s:?}");
            }
        }
    }

    #[test]
    fn bounded_distance_is_exact_up_to_its_limit() {
        let samples = samples();
        let mut rows = Default::default();
        for a in samples.iter().take(80) {
            for b in samples.iter().skip(80).take(80) {
                let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                let want = osa_reference(a, b);
                for limit in [0, 1, 2, 3, 5, 8, usize::MAX] {
                    let got = osa_bounded(&ac, &bc, limit, &mut rows);
                    if want <= limit {
                        assert_eq!(got, want, "{a:?} {b:?} {limit}");
                    } else {
                        assert!(got > limit, "{a:?} {b:?} {limit}: {got} vs {want}");
                    }
                }
            }
        }
    }

    /// The search as it was first written, one string at a time, with a
    /// fresh skim matcher per string: what `Index::query` must return.
    fn reference_query(index: &Index, query: &str, kind: Option<Kind>, limit: usize) -> Vec<Hit> {
        let q = query.trim().to_lowercase();
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let lower = |f: &Field| index.strings.get(f.key as usize).to_string();
        let n = q.chars().count();
        let max_span = n + n / 2 + 2;
        let best_fuzzy = |e: usize| -> Option<(i64, (usize, Vec<usize>))> {
            index
                .fields(e)
                .iter()
                .enumerate()
                .filter_map(|(fi, f)| {
                    SkimMatcherV2::default()
                        .ignore_case()
                        .fuzzy_indices(&lower(f), &q)
                        .filter(|(_, pos)| match (pos.first(), pos.last()) {
                            (Some(a), Some(b)) => b - a < max_span,
                            _ => true,
                        })
                        .map(|(s, pos)| (s * f.weight.factor(), (fi, pos)))
                })
                .max_by(|a, b| a.0.cmp(&b.0).then(b.1.0.cmp(&a.1.0)))
        };
        let best_typo = |e: usize| -> Option<i64> {
            let mut total = 0;
            for w in q.split_whitespace() {
                let allowed = (w.chars().count() / 4).max(1);
                let (d, rank) = index
                    .fields(e)
                    .iter()
                    .filter(|f| f.weight != Weight::Body)
                    .flat_map(|f| {
                        let rank = usize::from(f.weight != Weight::Name);
                        lower(f)
                            .split(|c: char| !c.is_alphanumeric())
                            .filter(|x| !x.is_empty())
                            .map(move |x| (osa_reference(w, x), rank))
                            .collect::<Vec<_>>()
                    })
                    .min()?;
                if d > allowed {
                    return None;
                }
                total += d * 2 + rank;
            }
            Some(total as i64)
        };
        let mut fuzzy = Vec::new();
        let mut typo = Vec::new();
        for (i, e) in index.entries.iter().enumerate() {
            if kind.is_some_and(|k| e.target.kind() != k) {
                continue;
            }
            match best_fuzzy(i) {
                Some((score, (field, positions))) => fuzzy.push(Hit {
                    entry: i,
                    score,
                    field,
                    positions,
                }),
                None => {
                    if let Some(d) = best_typo(i) {
                        typo.push((d, i));
                    }
                }
            }
        }
        fuzzy.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        fuzzy.truncate(limit);
        typo.sort();
        let room = limit - fuzzy.len();
        fuzzy.extend(typo.into_iter().take(room).map(|(d, i)| Hit {
            entry: i,
            score: -d,
            field: 0,
            positions: Vec::new(),
        }));
        fuzzy
    }

    fn reference_closest(index: &Index, query: &str) -> Option<usize> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return None;
        }
        index
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, _)| {
                index
                    .fields(i)
                    .iter()
                    .filter(|f| f.weight == Weight::Name)
                    .flat_map(|f| {
                        index
                            .strings
                            .get(f.key as usize)
                            .split_whitespace()
                            .map(|w| osa_reference(&q, w))
                            .collect::<Vec<_>>()
                    })
                    .min()
                    .map(|d| (d, i))
            })
            .min()
            .map(|(_, i)| i)
    }

    #[test]
    fn query_agrees_with_the_reference_on_the_bundled_catalog() {
        let c = crate::loader::load_bundled().expect("bundled data");
        let one = Index::build(&c);
        // The same, split over three threads however little there is to do.
        let mut three = Index::build(&c);
        three.threads = 3;
        three.parallel_min = 1;
        for index in [one, three] {
            agrees_with_reference(&index);
        }
    }

    fn agrees_with_reference(index: &Index) {
        let typed = [
            "langchain",
            "postgres",
            "prompt eng",
            "vector search",
            "fulstak",
            "提示词",
            "evals ci",
            "pinecone",
            "ML Reseracher",
            "llamaindx",
            "zzqqxx",
            "e",
            "engineer",
        ];
        for word in typed {
            // Typed one character at a time, so the grown-query path runs too,
            // then rubbed out again.
            let chars: Vec<char> = word.chars().collect();
            let prefixes: Vec<String> = (1..=chars.len())
                .chain((1..chars.len()).rev())
                .map(|k| chars[..k].iter().collect())
                .collect();
            for q in &prefixes {
                for (kind, limit) in [(None, 50), (None, 3), (Some(Kind::Skill), 10)] {
                    assert_eq!(
                        index.query(q, kind, limit),
                        reference_query(index, q, kind, limit),
                        "{q:?} {kind:?} {limit}"
                    );
                }
                assert_eq!(index.closest(q), reference_closest(index, q), "{q:?}");
            }
        }
    }

    #[test]
    fn cached_tables_give_the_same_index_and_bad_ones_none() {
        let c = crate::loader::load_bundled().expect("bundled data");
        let built = Index::build(&c);
        for t in targets(&c) {
            assert_eq!(field_count(&c, t), field_texts(&c, t).len(), "{t:?}");
        }
        let parts = built.to_parts();
        let back = Index::from_parts(parts.clone(), &c).expect("fits its catalog");
        for q in [
            "prompt eng",
            "langchian",
            "提示词",
            "pinecone",
            "zzqqxxw",
            "s1",
        ] {
            assert_eq!(back.query(q, None, 50), built.query(q, None, 50), "{q}");
            assert_eq!(back.closest(q), built.closest(q), "{q}");
        }
        let broken: [fn(&mut IndexParts); 7] = [
            |p| {
                p.slots.pop();
            },
            |p| p.slots[0] = (p.ends.len() as u32) << 2,
            |p| p.slots[1] |= 3,
            |p| {
                p.masks.pop();
            },
            |p| p.arena.push('x'),
            |p| p.ends.swap(0, 1),
            |p| {
                p.starts.pop();
            },
        ];
        for (i, f) in broken.iter().enumerate() {
            let mut p = parts.clone();
            f(&mut p);
            assert!(Index::from_parts(p, &c).is_none(), "damage {i}");
        }
        // Tables of another catalog do not fit.
        let mut other = c.clone();
        other.skills.pop();
        assert!(Index::from_parts(parts, &other).is_none());
    }

    #[test]
    fn index_keeps_one_copy_of_each_string() {
        let c = crate::loader::load_bundled().expect("bundled data");
        let index = Index::build(&c);
        let fields: usize = (0..index.entries.len())
            .map(|e| index.fields(e).len())
            .sum();
        assert!(index.strings.len() < fields);
        for (i, e) in index.entries.iter().enumerate() {
            let texts = field_texts(&c, e.target);
            assert_eq!(texts.len(), index.fields(i).len());
            for (f, (text, weight)) in index.fields(i).iter().zip(texts) {
                assert_eq!(index.strings.get(f.key as usize), text.to_lowercase());
                assert_eq!(f.weight, weight);
            }
        }
    }
}
