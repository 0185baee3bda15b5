//! Runs the overlay's queries: inline (tests, scripts) or on a worker thread,
//! so typing is echoed in the next frame however large the catalog. The index
//! is built the first time someone searches, not at start.

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, OnceLock};

use crate::model::Catalog;
use crate::search::{self, Index, Target};

/// How many results the overlay keeps.
pub const LIMIT: usize = 50;

/// One result, with what the overlay needs to draw it (so drawing never
/// touches the index).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub target: Target,
    /// The text of the field that matched best, as shown.
    pub field: String,
    /// Matched character positions in `field`; empty for a typo match.
    pub positions: Vec<usize>,
}

/// The answer to one query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answer {
    pub query: String,
    pub hits: Vec<Found>,
    /// When nothing matched: the item whose name is closest to the query.
    pub closest: Option<Target>,
}

impl Answer {
    pub fn of(catalog: &Catalog, index: &Index, query: &str) -> Answer {
        let hits: Vec<Found> = index
            .query(query, None, LIMIT)
            .into_iter()
            .map(|h| {
                let target = index.entries[h.entry].target;
                let fields = search::field_texts(catalog, target);
                Found {
                    target,
                    field: fields.get(h.field).map_or("", |f| f.0).to_string(),
                    positions: h.positions,
                }
            })
            .collect();
        let closest = if hits.is_empty() {
            index.closest(query).map(|i| index.entries[i].target)
        } else {
            None
        };
        Answer {
            query: query.to_string(),
            hits,
            closest,
        }
    }
}

/// Answers queries over one catalog.
pub struct Searcher {
    catalog: Arc<Catalog>,
    index: Arc<OnceLock<Index>>,
    /// Set once a worker runs: queries go to it instead of running inline.
    worker: Option<Sender<String>>,
}

impl Searcher {
    pub fn new(catalog: Arc<Catalog>) -> Self {
        Searcher {
            catalog,
            index: Arc::new(OnceLock::new()),
            worker: None,
        }
    }

    /// The index, built now if no one has searched yet.
    pub fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::build(&self.catalog))
    }

    /// Whether the index has been built (it is built on the first query).
    pub fn is_built(&self) -> bool {
        self.index.get().is_some()
    }

    /// Asks for `query`'s answer. Inline, it is returned at once; with a
    /// worker, `None` is returned and the answer is sent to the worker's
    /// callback.
    pub fn ask(&self, query: &str) -> Option<Answer> {
        match &self.worker {
            Some(tx) if tx.send(query.to_string()).is_ok() => None,
            // No worker, or it died: answer here rather than never.
            _ => Some(Answer::of(&self.catalog, self.index(), query)),
        }
    }

    /// Starts a worker thread: from now on `ask` returns at once and each
    /// answer goes to `reply`. Only the newest waiting query is answered.
    pub fn start_worker(&mut self, reply: impl Fn(Answer) -> bool + Send + 'static) {
        let (tx, rx) = mpsc::channel::<String>();
        let catalog = Arc::clone(&self.catalog);
        let index = Arc::clone(&self.index);
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || work(&catalog, &index, &rx, reply))
            .expect("cannot start the search thread");
        self.worker = Some(tx);
    }
}

/// The worker's loop: take the newest query, answer it, until the app is gone.
fn work(
    catalog: &Catalog,
    index: &OnceLock<Index>,
    rx: &Receiver<String>,
    reply: impl Fn(Answer) -> bool,
) {
    while let Ok(mut query) = rx.recv() {
        // Keystrokes that came while the last query ran are superseded.
        while let Ok(newer) = rx.try_recv() {
            query = newer;
        }
        let index = index.get_or_init(|| Index::build(catalog));
        if !reply(Answer::of(catalog, index, &query)) {
            return;
        }
    }
}

/// The user's own words that match `query`: each skill whose note or
/// evidence in `progress` holds the query's characters close together (the
/// span rule of [`Index::query`]), best first, at most `limit`. The hit is
/// the skill, its field the note or evidence as written, so Enter goes to it.
pub fn own_words(
    c: &Catalog,
    progress: &crate::store::progress::Progress,
    query: &str,
    limit: usize,
) -> Vec<Found> {
    let q = search::fold(query.trim());
    if !q.chars().any(char::is_alphanumeric) {
        return Vec::new();
    }
    let len = q.chars().count();
    let max_span = len + len / 2 + 2;
    let mut hits: Vec<(i64, Found)> = Vec::new();
    for (i, skill) in c.skills.iter().enumerate() {
        let (evidence, _) = progress.evidence(&skill.id);
        for text in [progress.note(&skill.id), evidence] {
            if text.is_empty() {
                continue;
            }
            let Some((score, positions)) = search::skim(&search::fold(text), &q, true) else {
                continue;
            };
            let close = match (positions.first(), positions.last()) {
                (Some(a), Some(b)) => b - a < max_span,
                _ => false,
            };
            if close {
                let found = Found {
                    target: Target::Skill(i),
                    field: text.to_string(),
                    positions,
                };
                hits.push((score, found));
                break;
            }
        }
    }
    hits.sort_by_key(|h| std::cmp::Reverse(h.0));
    hits.into_iter().take(limit).map(|(_, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::loader::load_bundled;

    #[test]
    fn the_index_is_built_on_the_first_query_only() {
        let s = Searcher::new(Arc::new(load_bundled().unwrap()));
        assert!(!s.is_built());
        let a = s.ask("prompt eng").expect("inline answers at once");
        assert!(s.is_built());
        assert_eq!(a.query, "prompt eng");
        assert!(!a.hits.is_empty());
        assert_eq!(a.closest, None);
        let none = s.ask("zzqqxxw").unwrap();
        assert!(none.hits.is_empty());
        assert!(
            none.closest.is_some(),
            "a query with no match names the closest item"
        );
    }

    #[test]
    fn a_worker_answers_the_newest_query_and_matches_inline() {
        let catalog = Arc::new(load_bundled().unwrap());
        let inline = Searcher::new(Arc::clone(&catalog));
        let mut s = Searcher::new(catalog);
        let (tx, rx) = mpsc::channel();
        s.start_worker(move |a| tx.send(a).is_ok());
        for q in ["p", "pr", "pro", "prom", "promp", "prompt"] {
            assert_eq!(s.ask(q), None, "a worker never answers inline");
        }
        // Every answer is for a query asked, in order, and the last is the newest.
        let mut got = Vec::new();
        while got.last().map(|a: &Answer| a.query.as_str()) != Some("prompt") {
            got.push(rx.recv().expect("an answer"));
        }
        assert!(got.len() <= 6);
        for a in &got {
            assert_eq!(Some(a), inline.ask(&a.query).as_ref(), "{}", a.query);
        }
    }
}
