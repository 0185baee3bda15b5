//! Undo and redo of the changes the app makes to the user's data.
//!
//! Each [`Change`] is one field of the progress file with its value before
//! and after, so undoing it touches that field only: a note another window
//! wrote meanwhile is not rolled back with a state. A change whose field no
//! longer holds its "after" value (changed since, by another window) is not
//! undone over that: [`History::undo`] says so and drops it.
//!
//! New kinds of data (evidence, edits of own postings) join as new variants
//! of [`Change`] with their `read` and `write`.

use crate::i18n::labels;
use crate::model::Lang;
use crate::store::posting_edit::ItemEdit;
use crate::store::progress::{Entry, Profile, Progress, State};

/// Where the requirements of the user's own postings are read and changed
/// for an undo: the app's catalog (which also queues the file's rewrite).
pub trait PostingItems {
    /// Requirement `item` of posting `posting` as it stands, if there is one.
    fn item(&self, posting: &str, item: &str) -> Option<ItemEdit>;
    /// Sets it to `value`.
    fn set_item(&mut self, posting: &str, item: &str, value: &ItemEdit);
}

/// No postings: for callers whose history holds progress changes only.
pub struct NoPostings;

impl PostingItems for NoPostings {
    fn item(&self, _: &str, _: &str) -> Option<ItemEdit> {
        None
    }
    fn set_item(&mut self, _: &str, _: &str, _: &ItemEdit) {}
}

/// How many changes are kept to undo; the oldest go first.
pub const DEPTH: usize = 500;

/// One change to one field of the user's data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A skill's state, with its change time (restored with it, so the
    /// per-field merge sees the old value as the newest word).
    State {
        id: String,
        before: (State, Option<String>),
        after: (State, Option<String>),
    },
    /// A skill's note.
    Note {
        id: String,
        before: String,
        after: String,
    },
    /// A skill's evidence (address or path) with its day.
    Evidence {
        id: String,
        before: (String, Option<String>),
        after: (String, Option<String>),
    },
    /// The profile's years of experience.
    Years {
        before: Option<u32>,
        after: Option<u32>,
    },
    /// The profile's current role (an id).
    Role {
        before: Option<String>,
        after: Option<String>,
    },
    /// A requirement of one of the user's own postings: its skills and
    /// kind (saved to the posting's file, not the progress file).
    PostingItem {
        posting: String,
        item: String,
        before: ItemEdit,
        after: ItemEdit,
    },
}

/// A field's value, to compare and to put back.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    State(State, Option<String>),
    Text(String),
    Evidence(String, Option<String>),
    Years(Option<u32>),
    Role(Option<String>),
    Item(Option<ItemEdit>),
}

impl Change {
    /// The changes an action made to skill `id`'s entry, field by field
    /// (state with its time, note).
    pub fn skill(id: &str, b: &Entry, a: &Entry) -> Vec<Change> {
        let mut out = Vec::new();
        if (b.state, &b.changed) != (a.state, &a.changed) {
            out.push(Change::State {
                id: id.to_string(),
                before: (b.state, b.changed.clone()),
                after: (a.state, a.changed.clone()),
            });
        }
        if b.note != a.note {
            out.push(Change::Note {
                id: id.to_string(),
                before: b.note.clone(),
                after: a.note.clone(),
            });
        }
        if (&b.evidence, &b.evidence_date) != (&a.evidence, &a.evidence_date) {
            out.push(Change::Evidence {
                id: id.to_string(),
                before: (b.evidence.clone(), b.evidence_date.clone()),
                after: (a.evidence.clone(), a.evidence_date.clone()),
            });
        }
        out
    }

    /// The changes an action made to the profile, field by field.
    pub fn profile(b: &Profile, a: &Profile) -> Vec<Change> {
        let mut out = Vec::new();
        if b.years != a.years {
            out.push(Change::Years {
                before: b.years,
                after: a.years,
            });
        }
        if b.role != a.role {
            out.push(Change::Role {
                before: b.role.clone(),
                after: a.role.clone(),
            });
        }
        out
    }

    /// The key of the field in the save's `dirty` set: a skill id, or
    /// [`crate::store::progress::PROFILE_KEY`]; empty for a posting's
    /// requirement, which is no part of the progress file.
    pub fn key(&self) -> &str {
        match self {
            Change::State { id, .. } | Change::Note { id, .. } | Change::Evidence { id, .. } => id,
            Change::Years { .. } | Change::Role { .. } => crate::store::progress::PROFILE_KEY,
            Change::PostingItem { .. } => "",
        }
    }

    fn values(&self) -> (Value, Value) {
        match self {
            Change::State { before, after, .. } => (
                Value::State(before.0, before.1.clone()),
                Value::State(after.0, after.1.clone()),
            ),
            Change::Note { before, after, .. } => {
                (Value::Text(before.clone()), Value::Text(after.clone()))
            }
            Change::Evidence { before, after, .. } => (
                Value::Evidence(before.0.clone(), before.1.clone()),
                Value::Evidence(after.0.clone(), after.1.clone()),
            ),
            Change::Years { before, after } => (Value::Years(*before), Value::Years(*after)),
            Change::Role { before, after } => {
                (Value::Role(before.clone()), Value::Role(after.clone()))
            }
            Change::PostingItem { before, after, .. } => (
                Value::Item(Some(before.clone())),
                Value::Item(Some(after.clone())),
            ),
        }
    }

    fn read(&self, p: &Progress, items: &dyn PostingItems) -> Value {
        match self {
            Change::State { id, .. } => {
                let e = entry(p, id);
                Value::State(e.state, e.changed)
            }
            Change::Note { id, .. } => Value::Text(p.note(id).to_string()),
            Change::Evidence { id, .. } => {
                let e = entry(p, id);
                Value::Evidence(e.evidence, e.evidence_date)
            }
            Change::Years { .. } => Value::Years(p.profile.years),
            Change::Role { .. } => Value::Role(p.profile.role.clone()),
            Change::PostingItem { posting, item, .. } => Value::Item(items.item(posting, item)),
        }
    }

    fn write(&self, p: &mut Progress, items: &mut dyn PostingItems, value: Value) {
        match (self, value) {
            (Change::State { id, .. }, Value::State(state, changed)) => {
                let e = p.skills.entry(id.clone()).or_default();
                let moved = e.state != state;
                e.state = state;
                e.changed = changed;
                if moved {
                    // An undo is a change of state today, in the history too.
                    crate::store::progress::timeline::record(
                        &mut p.history,
                        &mut p.history_baseline,
                        id,
                        state,
                        &crate::store::progress::now_rfc3339(),
                    );
                }
                drop_if_empty(p, id);
            }
            (Change::Note { id, .. }, Value::Text(note)) => {
                p.skills.entry(id.clone()).or_default().note = note;
                drop_if_empty(p, id);
            }
            (Change::Evidence { id, .. }, Value::Evidence(evidence, date)) => {
                let e = p.skills.entry(id.clone()).or_default();
                e.evidence = evidence;
                e.evidence_date = date;
                drop_if_empty(p, id);
            }
            (Change::Years { .. }, Value::Years(y)) => p.profile.years = y,
            (Change::Role { .. }, Value::Role(r)) => p.profile.role = r,
            (Change::PostingItem { posting, item, .. }, Value::Item(Some(v))) => {
                items.set_item(posting, item, &v);
            }
            _ => {}
        }
    }

    /// "S01 done → learning" when going `from` → `to`, in `lang`.
    fn describe(&self, lang: Lang, from: &Value, to: &Value) -> String {
        let l = labels(lang);
        let show = |v: &Value| match v {
            Value::State(s, _) => l.state_names[*s as usize].to_string(),
            Value::Text(t) | Value::Evidence(t, _) if t.is_empty() => l.history_empty.to_string(),
            Value::Text(t) | Value::Evidence(t, _) => {
                format!("“{}”", crate::text::truncate(t, 24))
            }
            Value::Years(Some(y)) => y.to_string(),
            Value::Role(Some(r)) => r.clone(),
            Value::Years(None) | Value::Role(None) | Value::Item(None) => {
                l.history_empty.to_string()
            }
            Value::Item(Some(e)) => crate::i18n::item_edit_text(lang, &e.skills, e.preferred),
        };
        let what = match self {
            Change::State { id, .. } => id.clone(),
            Change::Note { id, .. } => format!("{id} {}", l.history_note),
            Change::Evidence { id, .. } => {
                format!("{id} {}", crate::i18n::plan_labels(lang).evidence)
            }
            Change::Years { .. } => l.history_years.to_string(),
            Change::Role { .. } => l.history_role.to_string(),
            Change::PostingItem { posting, item, .. } => format!("{posting} {item}"),
        };
        format!("{what} {} → {}", show(from), show(to))
    }
}

fn entry(p: &Progress, id: &str) -> Entry {
    p.skills.get(id).cloned().unwrap_or_default()
}

/// An entry back to nothing at all leaves the map, as if never written.
fn drop_if_empty(p: &mut Progress, id: &str) {
    if p.skills.get(id).is_some_and(|e| *e == Entry::default()) {
        p.skills.remove(id);
    }
}

/// What an undo or redo did, for the status line and the save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The fields changed back (their keys, for the save's `dirty` set),
    /// and the message: "undid: S01 done → learning".
    Applied { keys: Vec<String>, message: String },
    /// Nothing to undo (or redo): the message says so.
    Nothing(String),
    /// The field was changed since (by another window): left as it is, and
    /// the step dropped.
    Conflict(String),
}

/// The changes of this run, to undo and redo. One step may hold several
/// changes (a click that ticks a skill, a note edited); they go together.
#[derive(Debug, Clone, Default)]
pub struct History {
    done: Vec<Vec<Change>>,
    undone: Vec<Vec<Change>>,
}

impl History {
    /// Records one step (a no-op when `changes` is empty). A new step ends
    /// the redo chain, as in every editor.
    pub fn record(&mut self, changes: Vec<Change>) {
        if changes.is_empty() {
            return;
        }
        self.undone.clear();
        self.done.push(changes);
        if self.done.len() > DEPTH {
            self.done.remove(0);
        }
    }

    /// How many steps can be undone and redone.
    pub fn depth(&self) -> (usize, usize) {
        (self.done.len(), self.undone.len())
    }

    /// Undoes the last step in `p`.
    pub fn undo(&mut self, p: &mut Progress, lang: Lang) -> Outcome {
        self.undo_in(p, &mut NoPostings, lang)
    }

    /// Does again the last step undone.
    pub fn redo(&mut self, p: &mut Progress, lang: Lang) -> Outcome {
        self.redo_in(p, &mut NoPostings, lang)
    }

    /// Undoes the last step in `p` and the postings' requirements `items`.
    pub fn undo_in(
        &mut self,
        p: &mut Progress,
        items: &mut dyn PostingItems,
        lang: Lang,
    ) -> Outcome {
        self.step(p, items, lang, true)
    }

    /// Does again the last step undone, in `p` and `items`.
    pub fn redo_in(
        &mut self,
        p: &mut Progress,
        items: &mut dyn PostingItems,
        lang: Lang,
    ) -> Outcome {
        self.step(p, items, lang, false)
    }

    /// One step back (`undo`) or forward: taken from one stack, applied, and
    /// kept on the other when it applied.
    fn step(
        &mut self,
        p: &mut Progress,
        items: &mut dyn PostingItems,
        lang: Lang,
        undo: bool,
    ) -> Outcome {
        let l = labels(lang);
        let (from, to, nothing) = if undo {
            (&mut self.done, &mut self.undone, l.nothing_to_undo)
        } else {
            (&mut self.undone, &mut self.done, l.nothing_to_redo)
        };
        let Some(step) = from.pop() else {
            return Outcome::Nothing(nothing.to_string());
        };
        let outcome = apply(&step, p, items, lang, undo);
        if matches!(outcome, Outcome::Applied { .. }) {
            to.push(step);
        }
        outcome
    }
}

/// Puts a step's fields back (`undo`) or forward again. Only when every
/// field still holds what the step left there; else nothing is changed.
fn apply(
    step: &[Change],
    p: &mut Progress,
    items: &mut dyn PostingItems,
    lang: Lang,
    undo: bool,
) -> Outcome {
    let l = labels(lang);
    let verb = if undo { l.undid } else { l.redid };
    for c in step {
        let (before, after) = c.values();
        let expect = if undo { &after } else { &before };
        let now = c.read(p, items);
        if now != *expect {
            return Outcome::Conflict(format!(
                "{}: {}",
                l.changed_elsewhere,
                c.describe(lang, expect, &now)
            ));
        }
    }
    let mut keys = Vec::new();
    let mut said = Vec::new();
    let order: Box<dyn Iterator<Item = &Change>> = if undo {
        Box::new(step.iter().rev())
    } else {
        Box::new(step.iter())
    };
    for c in order {
        let (before, after) = c.values();
        let (from, to) = if undo {
            (after, before)
        } else {
            (before, after)
        };
        said.push(c.describe(lang, &from, &to));
        c.write(p, items, to);
        if !c.key().is_empty() && !keys.iter().any(|k| k == c.key()) {
            keys.push(c.key().to_string());
        }
    }
    Outcome::Applied {
        keys,
        message: format!("{verb}: {}", said.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn done(p: &mut Progress, id: &str, state: State, t: &str) -> Vec<Change> {
        let before = p.clone();
        p.toggle_state(id, state, t.to_string());
        Change::skill(id, &entry(&before, id), &entry(p, id))
    }

    #[test]
    fn undo_and_redo_walk_many_steps_back_and_forth() {
        let mut p = Progress::new();
        let mut h = History::default();
        h.record(done(&mut p, "S01", State::Learning, "t1"));
        h.record(done(&mut p, "S01", State::Done, "t2"));
        h.record(done(&mut p, "S02", State::Skipped, "t3"));
        assert_eq!(h.depth(), (3, 0));
        let Outcome::Applied { keys, message } = h.undo(&mut p, Lang::En) else {
            panic!("undo");
        };
        assert_eq!(
            (keys, message.as_str()),
            (vec!["S02".to_string()], "undid: S02 skipped → not started")
        );
        assert!(!p.skills.contains_key("S02"), "back to no entry at all");
        let Outcome::Applied { message, .. } = h.undo(&mut p, Lang::En) else {
            panic!("undo");
        };
        assert_eq!(message, "undid: S01 done → learning");
        assert_eq!(
            p.skills["S01"].changed.as_deref(),
            Some("t1"),
            "its time too"
        );
        let Outcome::Applied { message, .. } = h.undo(&mut p, Lang::Zh) else {
            panic!("undo");
        };
        assert!(message.contains("S01 学习中 → 未开始"), "{message}");
        assert!(matches!(h.undo(&mut p, Lang::En), Outcome::Nothing(_)));
        let Outcome::Applied { message, .. } = h.redo(&mut p, Lang::En) else {
            panic!("redo");
        };
        assert_eq!(message, "redid: S01 not started → learning");
        h.redo(&mut p, Lang::En);
        assert_eq!(p.state("S01"), State::Done);
        assert_eq!(h.depth(), (2, 1));
        // A new change ends the redo chain.
        h.record(done(&mut p, "S03", State::Done, "t4"));
        assert!(matches!(h.redo(&mut p, Lang::En), Outcome::Nothing(_)));
    }

    #[test]
    fn notes_and_the_profile_undo_field_by_field() {
        let mut p = Progress::new();
        let mut h = History::default();
        let before = p.clone();
        p.set_note("S01", "read the book");
        p.profile.years = Some(3);
        let mut step = Change::skill("S01", &entry(&before, "S01"), &entry(&p, "S01"));
        step.extend(Change::profile(&before.profile, &p.profile));
        h.record(step);
        let before = p.clone();
        p.profile.role = Some("ml_engineer".into());
        h.record(Change::profile(&before.profile, &p.profile));
        let Outcome::Applied { keys, message } = h.undo(&mut p, Lang::En) else {
            panic!("undo");
        };
        assert_eq!(keys, vec![crate::store::progress::PROFILE_KEY.to_string()]);
        assert_eq!(message, "undid: role ml_engineer → none");
        let Outcome::Applied { keys, message } = h.undo(&mut p, Lang::En) else {
            panic!("undo");
        };
        assert_eq!(keys.len(), 2);
        assert!(message.contains("years 3 → none"), "{message}");
        assert!(
            message.contains("S01 note “read the book” → none"),
            "{message}"
        );
        assert_eq!(p, Progress::new());
    }

    #[test]
    fn a_field_changed_elsewhere_is_not_undone_over() {
        let mut p = Progress::new();
        let mut h = History::default();
        h.record(done(&mut p, "S01", State::Done, "t1"));
        // Another window set it to learning; the merge brought that in.
        p.set_state("S01", State::Learning, "t2".into());
        let Outcome::Conflict(message) = h.undo(&mut p, Lang::En) else {
            panic!("conflict");
        };
        assert!(message.contains("S01"), "{message}");
        assert_eq!(p.state("S01"), State::Learning, "theirs stays");
        assert_eq!(h.depth(), (0, 0), "the step is dropped");
    }

    #[test]
    fn the_history_keeps_its_depth() {
        let mut p = Progress::new();
        let mut h = History::default();
        for i in 0..DEPTH + 10 {
            h.record(done(&mut p, "S01", State::Done, &i.to_string()));
        }
        assert_eq!(h.depth(), (DEPTH, 0));
    }
}
