//! Correcting a requirement of one of the user's own postings in pane 4:
//! the skill picker (`e`: type to filter skills with the search, Enter adds,
//! Ctrl-D removes) and required ↔ preferred (`t`). `update` changes the
//! catalog in memory, records the step to undo and queues the file's
//! rewrite; the terminal loop writes it ([`flush_posting_writes`]), so
//! `update` stays free of files.

use std::path::PathBuf;
use std::sync::Arc;

use crate::tui::action::{Action, EditKey};
use crate::tui::app::App;
use crate::tui::mode::Mode;
use crate::tui::textfield::TextField;
use career_core::model::{Catalog, Lang};
use career_core::search::Target;
use career_core::store::history::{Change, PostingItems};
use career_core::store::posting_edit::{self, ItemEdit};

/// How many skills the picker lists for a query.
const PICKER_LIMIT: usize = 50;

/// The skill picker of one requirement.
#[derive(Debug, Clone, Default)]
pub struct SkillPicker {
    /// The posting and requirement (indices in the catalog).
    pub posting: usize,
    pub item: usize,
    pub field: TextField,
    /// The skills listed: the requirement's own for an empty query, else
    /// the search's skill hits.
    pub hits: Vec<usize>,
    pub selected: usize,
}

/// A rewrite of an own posting's file the loop owes: requirement `item`
/// from `expect` to `new`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingWrite {
    pub file: PathBuf,
    pub posting: String,
    pub item: String,
    pub expect: ItemEdit,
    pub new: ItemEdit,
}

/// The app's catalog as the history's view of the postings: a change sets
/// the requirement in memory and queues its file's rewrite.
pub struct AppPostings<'a> {
    pub catalog: &'a mut Arc<Catalog>,
    pub writes: &'a mut Vec<PostingWrite>,
}

impl PostingItems for AppPostings<'_> {
    fn item(&self, posting: &str, item: &str) -> Option<ItemEdit> {
        let p = self.catalog.postings.iter().find(|p| p.id == posting)?;
        p.requirements
            .iter()
            .find(|r| r.id == item)
            .map(ItemEdit::of)
    }

    fn set_item(&mut self, posting: &str, item: &str, value: &ItemEdit) {
        let Ok((p, i, file)) = posting_edit::locate(self.catalog, posting, item) else {
            return;
        };
        let file = file.to_path_buf();
        let expect = ItemEdit::of(&self.catalog.postings[p].requirements[i]);
        let skills = Arc::clone(self.catalog);
        let c = Arc::make_mut(self.catalog);
        posting_edit::apply_to_item(&skills, &mut c.postings[p].requirements[i], value);
        self.writes.push(PostingWrite {
            file,
            posting: posting.to_string(),
            item: item.to_string(),
            expect,
            new: value.clone(),
        });
    }
}

impl App {
    /// The selected requirement of pane 4 as (posting id, item id), when it
    /// is on one of the user's own postings; else the status line says why.
    fn editable_requirement(&mut self) -> Option<(String, String)> {
        let p = self.catalog.postings.get(self.jobs.posting)?;
        let r = p.requirements.get(self.jobs.selected)?;
        let ids = (p.id.clone(), r.id.clone());
        match posting_edit::locate(&self.catalog, &ids.0, &ids.1) {
            Ok(_) => Some(ids),
            Err(e) => {
                self.status = Some(e.message(self.lang).to_string());
                None
            }
        }
    }

    /// `e` on pane 4: opens the picker on the selected requirement.
    pub(crate) fn open_picker(&mut self) {
        if self.editable_requirement().is_none() {
            return;
        }
        let mut picker = SkillPicker {
            posting: self.jobs.posting,
            item: self.jobs.selected,
            ..SkillPicker::default()
        };
        picker.hits = self.picker_hits(&picker);
        self.mode = Mode::PickSkill(picker);
    }

    /// `t` on pane 4: the selected requirement from required to preferred
    /// or back.
    pub(crate) fn toggle_preferred(&mut self) {
        let Some((posting, item)) = self.editable_requirement() else {
            return;
        };
        let mut edit = self.item_edit(&posting, &item);
        edit.preferred = !edit.preferred;
        self.edit_requirement(&posting, &item, edit);
    }

    fn item_edit(&self, posting: &str, item: &str) -> ItemEdit {
        AppPostings::item_of(&self.catalog, posting, item).unwrap_or(ItemEdit {
            skills: Vec::new(),
            preferred: false,
            evidence: Default::default(),
        })
    }

    /// Sets requirement `item` of own posting `posting` to `edit`: in
    /// memory, in the history (to undo), and queued for its file.
    fn edit_requirement(&mut self, posting: &str, item: &str, edit: ItemEdit) {
        let before = self.item_edit(posting, item);
        if before == edit {
            return;
        }
        let mut store = AppPostings {
            catalog: &mut self.catalog,
            writes: &mut self.posting_writes,
        };
        store.set_item(posting, item, &edit);
        self.history.record(vec![Change::PostingItem {
            posting: posting.to_string(),
            item: item.to_string(),
            before: before.clone(),
            after: edit.clone(),
        }]);
        self.refresh_catalog();
        self.status = Some(format!(
            "{posting} {item}: {} → {}",
            career_core::i18n::item_edit_text(self.lang, &before.skills, before.preferred),
            career_core::i18n::item_edit_text(self.lang, &edit.skills, edit.preferred)
        ));
    }

    /// The checklist's groups again after an edit changed the catalog.
    pub(crate) fn refresh_catalog(&mut self) {
        self.groups = career_core::model::SkillGroups::of(&self.catalog, self.skills.layer);
    }

    /// The skills the picker lists: for an empty query the requirement's
    /// own, else the search's skill hits.
    fn picker_hits(&self, picker: &SkillPicker) -> Vec<usize> {
        let query = picker.field.text();
        if query.trim().is_empty() {
            return self
                .catalog
                .postings
                .get(picker.posting)
                .and_then(|p| p.requirements.get(picker.item))
                .map(|r| r.skill_idx.clone())
                .unwrap_or_default();
        }
        let index = self.searcher.index();
        index
            .query(query, Some(career_core::search::Kind::Skill), PICKER_LIMIT)
            .into_iter()
            .filter_map(|h| match index.entries[h.entry].target {
                Target::Skill(s) => Some(s),
                _ => None,
            })
            .collect()
    }

    /// Keys in the picker: arrows pick, text filters, Enter adds the
    /// selected skill, Ctrl-D removes it, Esc closes.
    pub(crate) fn update_picker(&mut self, action: Action) {
        let Mode::PickSkill(mut picker) = std::mem::take(&mut self.mode) else {
            return;
        };
        let n = picker.hits.len();
        let last = n.saturating_sub(1);
        match action {
            Action::Up => picker.selected = picker.selected.saturating_sub(1),
            Action::Down => picker.selected = (picker.selected + 1).min(last),
            Action::PageUp => picker.selected = picker.selected.saturating_sub(10),
            Action::PageDown => picker.selected = (picker.selected + 10).min(last),
            Action::Back | Action::Edit(EditKey::Cancel) => return,
            Action::Edit(EditKey::Submit) => self.picker_change(&picker, true),
            Action::RemoveSkill => self.picker_change(&picker, false),
            Action::Edit(key) if picker.field.edit(key) => {
                picker.hits = self.picker_hits(&picker);
                picker.selected = 0;
            }
            _ => {}
        }
        if matches!(action, Action::RemoveSkill) && picker.field.text().trim().is_empty() {
            // The list is the requirement's skills: show it as it is now.
            picker.hits = self.picker_hits(&picker);
            picker.selected = picker.selected.min(picker.hits.len().saturating_sub(1));
        }
        self.mode = Mode::PickSkill(picker);
    }

    /// Adds (`add`) or removes the picker's selected skill.
    fn picker_change(&mut self, picker: &SkillPicker, add: bool) {
        let Some(&skill) = picker.hits.get(picker.selected) else {
            return;
        };
        let ids = self.catalog.postings.get(picker.posting).and_then(|p| {
            let r = p.requirements.get(picker.item)?;
            Some((p.id.clone(), r.id.clone()))
        });
        let Some((posting, item)) = ids else {
            return;
        };
        let id = self.catalog.skills[skill].id.clone();
        let before = self.item_edit(&posting, &item);
        let (add_list, remove_list) = if add {
            (vec![id], Vec::new())
        } else {
            (Vec::new(), vec![id])
        };
        match posting_edit::apply(&self.catalog, &before, &add_list, &remove_list, None) {
            Ok(edit) if edit == before => {
                self.status = Some(picker_says(self.lang, add).to_string());
            }
            Ok(edit) => self.edit_requirement(&posting, &item, edit),
            Err(e) => self.status = Some(e.message(self.lang).to_string()),
        }
    }
}

impl AppPostings<'_> {
    fn item_of(all: &Catalog, posting: &str, item: &str) -> Option<ItemEdit> {
        let p = all.postings.iter().find(|p| p.id == posting)?;
        p.requirements
            .iter()
            .find(|r| r.id == item)
            .map(ItemEdit::of)
    }
}

/// Why Enter or Ctrl-D changed nothing.
fn picker_says(lang: Lang, add: bool) -> &'static str {
    match (lang, add) {
        (Lang::En, true) => "the requirement names this skill already",
        (Lang::Zh, true) => "这条要求已经对应这个技能",
        (Lang::En, false) => "the requirement does not name this skill",
        (Lang::Zh, false) => "这条要求没有对应这个技能",
    }
}

/// Writes the posting files the last updates changed. A write that fails
/// puts the requirement back as its file has it and says why in the status
/// line; the file is never left half-written. The terminal loop calls this
/// after every update; tests call it where the loop would.
pub fn flush_posting_writes(app: &mut App) {
    let writes = std::mem::take(&mut app.posting_writes);
    for w in writes {
        if let Err(e) = posting_edit::write(&w.file, &w.item, &w.expect, &w.new) {
            let mut store = AppPostings {
                catalog: &mut app.catalog,
                writes: &mut Vec::new(),
            };
            store.set_item(&w.posting, &w.item, &w.expect);
            app.refresh_catalog();
            app.status = Some(e.message(app.lang).to_string());
        }
    }
}
