//! App state and the one pure `update`: an `Action` in, a changed state (and
//! maybe a request to save) out. No terminal, no files, no drawing here.

use ratatui::layout::Rect;

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::tui::action::{Action, EditKey, Pane};
use crate::tui::bindings::Keymap;
use crate::tui::checklist;
use crate::tui::layout::Layout;
use crate::tui::mode::{Mode, ModeKind};
use crate::tui::textfield::TextField;
use career_core::model::{Catalog, Lang, SkillGroups};
use career_core::readiness::SkillTallies;
use career_core::search;
use career_core::searcher::{Answer, Found, Searcher};
use career_core::store::history::{Change, History, Outcome};
use career_core::store::progress::{Progress, State};

/// What the caller must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    /// Progress changed: write it out.
    Save,
}

#[derive(Debug, Clone, Default)]
pub struct BoundaryView {
    /// The selected role, as a position in `catalog.index.pane_roles()`:
    /// the spectrum's slots first, then the roles listed under it.
    pub slot: usize,
    pub scroll: u16,
}

#[derive(Debug, Clone, Default)]
pub struct CompareView {
    /// Role indices of the two sides.
    pub roles: [usize; 2],
    /// Which side Up/Down changes: 0 left, 1 right.
    pub active: usize,
    pub scroll: u16,
}

#[derive(Debug, Clone, Default)]
pub struct SkillsView {
    /// Position in the grouped order of skills (see `App::groups`).
    pub cursor: usize,
    /// Which layers the checklist shows: both (`None`), 2023 or 2024–2026.
    pub layer: career_core::model::LayerFilter,
    /// First visible row of the list (headers count as rows).
    pub offset: usize,
    /// First visible line of the skill detail box (`J`/`K`); back to 0
    /// when the cursor moves to another skill.
    pub detail_scroll: u16,
}

/// The note being written for a skill.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteEditor {
    pub skill: usize,
    pub field: TextField,
    /// The field edited is the skill's evidence, not its note.
    pub evidence: bool,
}

/// The search overlay: the query, its results, and which one is selected.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub field: TextField,
    /// The query `hits` answer: behind `field` while a worker searches.
    pub answered: String,
    pub hits: Vec<Found>,
    /// When nothing matched: the closest item, for "did you mean".
    pub closest: Option<search::Target>,
    pub selected: usize,
}

impl SearchState {
    /// Whether the results shown are for an older query than the one typed.
    pub fn pending(&self) -> bool {
        self.answered != self.field.text()
    }
}

#[derive(Debug, Clone, Default)]
pub struct JobsView {
    pub posting: usize,
    /// Selected requirement of the posting.
    pub selected: usize,
    pub scroll: u16,
    /// Scroll the selected requirement into view at the next draw (after a
    /// search result opened it).
    pub reveal: bool,
    /// The side box's scroll (`J`/`K`), back to 0 when the selection moves.
    pub side_scroll: u16,
    /// Set when Enter opened a skill of this pane in pane 3: Esc there
    /// comes back to the posting, as it was.
    pub opened_skill: bool,
}

pub struct App {
    /// The whole catalog, shared with the search worker; never changed.
    pub catalog: Arc<Catalog>,
    /// The checklist's groups under the layer filter (`skills.layer`):
    /// index lists into `catalog`, rebuilt when the filter changes.
    pub groups: SkillGroups,
    pub progress: Progress,
    pub lang: Lang,
    pub pane: Pane,
    /// What the keyboard talks to: the panes, an overlay, the note editor,
    /// the search box or the quit question.
    pub mode: Mode,
    pub overlay_scroll: u16,
    /// The about overlay opens scrolled to this note (a search result); the
    /// next draw turns it into `overlay_scroll`.
    pub note_anchor: Option<usize>,
    /// Terminal size, from the last resize.
    pub size: Rect,
    /// What the last draw produced: areas for the mouse, page sizes and
    /// scroll limits for the keys. Set by [`App::set_layout`].
    pub layout: Layout,
    pub boundary: BoundaryView,
    pub compare: CompareView,
    pub skills: SkillsView,
    pub jobs: JobsView,
    /// Answers search queries, inline or on a worker thread.
    pub searcher: Searcher,
    /// The checklist's counts, kept in step with `progress`.
    pub tallies: SkillTallies,
    /// Skill ids changed since the last successful save.
    pub dirty: BTreeSet<String>,
    /// A message for the status line (save errors, notices).
    pub status: Option<String>,
    /// The user chose to quit although changes could not be saved.
    pub quit_anyway: bool,
    pub quit: bool,
    /// Supplies "now" for change times; tests fix it.
    pub clock: fn() -> String,
    /// The key table in force (the config file's overrides applied).
    pub keys: Arc<Keymap>,
    /// This run's changes to the user's data, to undo and redo.
    pub history: History,
    /// Whether `y` may copy (off under `TERM=dumb` or by the config file).
    pub copy_enabled: bool,
    /// Text `y` asked to copy: the terminal loop sends it (OSC 52) and
    /// clears it. `update` stays free of the terminal.
    pub to_copy: Option<String>,
    /// Own-posting files to rewrite after an edit or its undo: the terminal
    /// loop writes them ([`crate::tui::picker::flush_posting_writes`]).
    pub posting_writes: Vec<crate::tui::picker::PostingWrite>,
    /// Pane 5's state (view, target, cursors, hours per week).
    pub plan: crate::tui::plan_view::PlanView,
    /// Where to learn each skill and our effort estimates, for the plan
    /// (empty until set: the terminal loop sets what the CLI loaded).
    pub resources: Arc<career_core::resources::Resources>,
}

impl App {
    pub fn new(catalog: Catalog, progress: Progress, lang: Lang) -> Self {
        let catalog = Arc::new(catalog);
        let searcher = Searcher::new(Arc::clone(&catalog));
        let groups = SkillGroups::of(&catalog, None);
        let tallies = SkillTallies::build(&catalog, &groups, &progress);
        let spectrum = &catalog.index.spectrum;
        let left_default = spectrum
            .get(catalog.index.left_count.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let right_default = catalog
            .role_index("ai_engineer")
            .or_else(|| spectrum.get(catalog.index.left_count).copied())
            .unwrap_or(0);
        // Compare starts from the user's own role when the profile names
        // one (USABILITY I6), against the AI Engineer.
        let left_default = progress
            .profile
            .role
            .as_deref()
            .and_then(|r| catalog.role_index(r))
            .filter(|&r| r != right_default)
            .unwrap_or(left_default);
        // Start on the AI Engineer: the role this app is about.
        let slot = spectrum
            .iter()
            .position(|&r| r == right_default)
            .unwrap_or(0);
        App {
            groups,
            boundary: BoundaryView { slot, scroll: 0 },
            compare: CompareView {
                roles: [left_default, right_default],
                active: 0,
                scroll: 0,
            },
            skills: SkillsView::default(),
            jobs: JobsView::default(),
            catalog,
            progress,
            lang,
            pane: Pane::Boundary,
            mode: Mode::Normal,
            overlay_scroll: 0,
            note_anchor: None,
            size: Rect::new(0, 0, 100, 30),
            layout: Layout::default(),
            searcher,
            tallies,
            dirty: BTreeSet::new(),
            status: None,
            quit_anyway: false,
            quit: false,
            clock: career_core::store::progress::now_rfc3339,
            keys: Keymap::builtin(),
            history: History::default(),
            copy_enabled: true,
            to_copy: None,
            posting_writes: Vec::new(),
            plan: crate::tui::plan_view::PlanView::default(),
            resources: Arc::default(),
        }
    }

    /// The skill under the cursor in the checklist.
    pub fn focused_skill(&self) -> Option<usize> {
        self.groups.skill_at(self.skills.cursor).map(|(_, s)| s)
    }

    /// Recounts the checklist after `progress` changed outside `update`
    /// (a save merges what other processes wrote).
    pub fn refresh_tallies(&mut self) {
        self.tallies = SkillTallies::build(&self.catalog, &self.groups, &self.progress);
    }

    /// Adds `notice` to the status line on a line of its own, below what is
    /// there: a later notice never hides an earlier one. A notice shown
    /// already is not added twice.
    pub fn add_notice(&mut self, notice: String) {
        self.status = match self.status.take() {
            Some(s) if s.lines().any(|l| l == notice) => Some(s),
            Some(s) if !s.is_empty() => Some(format!("{s}\n{notice}")),
            _ => Some(notice),
        };
    }

    /// What the user should know about the progress file at `path`: entries
    /// that do not read (each with its line and column; they are kept), or
    /// entries for skills this data set does not have (kept, not shown).
    pub fn progress_notice(&self, path: &std::path::Path) -> Option<String> {
        let l = career_core::i18n::labels(self.lang);
        let bad = &self.progress.disk.bad;
        if !bad.is_empty() {
            let list: Vec<String> = bad.iter().map(|b| b.describe_in(path, self.lang)).collect();
            return Some(format!("{} {}", l.bad_kept, list.join("; ")));
        }
        let unknown = self
            .progress
            .unknown_ids(|id| self.catalog.skill_index(id).is_some());
        (!unknown.is_empty()).then(|| {
            format!(
                "{} {}: {}",
                l.unknown_kept,
                unknown.len(),
                unknown.join(", ")
            )
        })
    }

    /// Whether `skill` may be changed: not while its entry in the file does
    /// not read (the status line then says where to fix it).
    fn may_change(&mut self, skill: usize) -> bool {
        let id = &self.catalog.skills[skill].id;
        match self.progress.bad_entry(id) {
            None => true,
            Some(bad) => {
                let l = career_core::i18n::labels(self.lang);
                let place = career_core::i18n::Msg::new("at_line_col")
                    .text("line", bad.line)
                    .text("col", bad.col);
                self.status = Some(format!(
                    "{} {}{}{}",
                    l.fix_entry_first,
                    place.render(self.lang),
                    career_core::i18n::colon(self.lang),
                    bad.message.render(self.lang)
                ));
                false
            }
        }
    }

    /// Changes one skill's progress entry, keeping the tallies in step and
    /// the change in the history (to undo).
    fn change_progress(&mut self, skill: usize, f: impl FnOnce(&mut Progress, &str)) {
        let id = self.catalog.skills[skill].id.clone();
        let before = (
            self.progress.state(&id),
            !self.progress.note(&id).is_empty(),
        );
        let entry_before = self.progress.skills.get(&id).cloned().unwrap_or_default();
        f(&mut self.progress, &id);
        let entry_after = self.progress.skills.get(&id).cloned().unwrap_or_default();
        self.history
            .record(Change::skill(&id, &entry_before, &entry_after));
        let after = (
            self.progress.state(&id),
            !self.progress.note(&id).is_empty(),
        );
        self.tallies
            .change(&self.catalog, &self.groups, skill, before, after);
        self.dirty.insert(id);
    }

    pub fn is_done(&self, skill: usize) -> bool {
        self.progress.is_done(&self.catalog.skills[skill].id)
    }

    pub fn state(&self, skill: usize) -> State {
        self.progress.state(&self.catalog.skills[skill].id)
    }

    /// A skill-index to state lookup for the readiness functions.
    pub fn state_fn(&self) -> impl Fn(usize) -> State + '_ {
        move |s| self.state(s)
    }

    pub fn note(&self, skill: usize) -> &str {
        self.progress.note(&self.catalog.skills[skill].id)
    }

    /// Accessors for the mode's state, for drawing and tests.
    pub fn search(&self) -> Option<&SearchState> {
        match &self.mode {
            Mode::Search(st) => Some(st),
            _ => None,
        }
    }

    /// The open note editor, if the mode is [`Mode::EditNote`].
    pub fn editor(&self) -> Option<&NoteEditor> {
        match &self.mode {
            Mode::EditNote(ed) => Some(ed),
            _ => None,
        }
    }

    /// The quit question, if one is shown.
    pub fn quit_prompt(&self) -> Option<&str> {
        match &self.mode {
            Mode::ConfirmQuit(q) => Some(q),
            _ => None,
        }
    }

    /// Asks "quit with unsaved changes?" over whatever is open.
    pub fn ask_quit(&mut self, question: String) {
        self.mode = Mode::ConfirmQuit(question);
    }

    /// The one update: an action in, the state changed, maybe a save asked
    /// for. The mode picks the branch.
    pub fn update(&mut self, action: Action) -> Effect {
        let effect = self.act(action);
        // Pane 4's skill rows change as skills are ticked: keep its selection on one.
        let rows = crate::tui::posting_rows::job_rows(self).len();
        self.jobs.selected = self.jobs.selected.min(rows.saturating_sub(1));
        effect
    }

    /// [`App::update`] before pane 4's selection is kept on a row.
    fn act(&mut self, action: Action) -> Effect {
        if let Action::Resize(w, h) = action {
            // Not a user's action: the status message stays.
            self.size = Rect::new(0, 0, w, h);
            return Effect::None;
        }
        if self.mode.kind() == ModeKind::ConfirmQuit {
            match action {
                Action::Confirm(true) => {
                    self.quit_anyway = true;
                    self.quit = true;
                }
                Action::Confirm(false) | Action::Back => self.mode = Mode::Normal,
                _ => {}
            }
            return Effect::None;
        }
        // A message stays until the user's next action.
        self.status = None;
        if let Action::Paste(text) = &action {
            return self.paste(text);
        }
        match self.mode.kind() {
            ModeKind::Search if action != Action::Quit => {
                self.update_search(action);
                Effect::None
            }
            ModeKind::EditNote => match action {
                // Ctrl-C while writing a note keeps the draft.
                Action::Quit => {
                    self.quit = true;
                    self.edit(EditKey::Submit)
                }
                Action::Edit(key) => self.edit(key),
                // Under an open note editor the mouse acts on nothing.
                _ => Effect::None,
            },
            ModeKind::Help | ModeKind::Notes => {
                self.update_overlay(action);
                Effect::None
            }
            ModeKind::PickSkill if action != Action::Quit => {
                self.update_picker(action);
                Effect::None
            }
            _ => self.update_normal(action),
        }
    }

    /// Keys and clicks over the help or about overlay.
    fn update_overlay(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Back => self.mode = Mode::Normal,
            Action::ToggleHelp => self.toggle_overlay(ModeKind::Help),
            Action::ToggleNotes => self.toggle_overlay(ModeKind::Notes),
            Action::OpenSearch => self.mode = Mode::Search(SearchState::default()),
            Action::ToggleLang => self.lang = self.lang.toggle(),
            Action::Wheel(up) => self.scroll_overlay(if up { Action::Up } else { Action::Down }),
            _ => self.scroll_overlay(action),
        }
    }

    /// Keys and clicks on the panes.
    fn update_normal(&mut self, action: Action) -> Effect {
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.toggle_overlay(ModeKind::Help),
            Action::OpenSearch => self.mode = Mode::Search(SearchState::default()),
            Action::ToggleNotes => self.toggle_overlay(ModeKind::Notes),
            Action::ToggleLang => self.lang = self.lang.toggle(),
            Action::Undo | Action::Redo => return self.undo_redo(action == Action::Undo),
            Action::Copy => self.copy_selected(),
            Action::Wheel(up) => {
                let step = if up { Action::Up } else { Action::Down };
                if self.pane == Pane::Compare {
                    let max = self.layout.compare.max_scroll;
                    self.compare.scroll = scroll(self.compare.scroll, step, 1, max);
                    return Effect::None;
                }
                return self.update_normal(step);
            }
            Action::NextPane => self.pane = self.pane.next(),
            Action::PrevPane => self.pane = self.pane.prev(),
            Action::GoPane(p) => self.pane = p,
            Action::SelectRole(slot) => {
                self.pane = Pane::Boundary;
                self.boundary.slot = slot;
                self.boundary.scroll = 0;
            }
            Action::PickSide(side) => {
                self.pane = Pane::Compare;
                self.compare.active = side.min(1);
            }
            Action::ClickSkill { pos, on_box } => {
                self.pane = Pane::Skills;
                self.skills.cursor = pos.min(self.groups.len().saturating_sub(1));
                self.scroll_skills_into_view();
                if on_box {
                    return self.set_focused(State::Done);
                }
            }
            Action::SelectRequirement(i) => {
                self.pane = Pane::Jobs;
                self.jobs.selected = i;
            }
            _ => {
                return match self.pane {
                    Pane::Boundary => {
                        self.update_boundary(action);
                        Effect::None
                    }
                    Pane::Compare => {
                        self.update_compare(action);
                        Effect::None
                    }
                    Pane::Skills => self.update_skills(action),
                    Pane::Jobs => self.update_jobs(action),
                    Pane::Plan => self.update_plan(action),
                };
            }
        }
        Effect::None
    }

    /// Takes the layout the last draw produced and keeps every position
    /// valid in it (after a resize, a language switch, a new posting). Returns
    /// whether a position moved, so the caller draws again at once.
    pub fn set_layout(&mut self, layout: Layout) -> bool {
        let before = (
            self.skills.offset,
            self.boundary.scroll,
            self.compare.scroll,
            self.jobs.scroll,
            self.overlay_scroll,
        );
        self.layout = layout;
        if let Some(line) = self.layout.overlay.anchor_line {
            self.overlay_scroll = line;
            self.note_anchor = None;
        }
        if self.jobs.reveal && self.drawn() && self.pane == Pane::Jobs {
            self.jobs.reveal = false;
            self.reveal_requirement(Action::Resize(0, 0));
        }
        // Only the pane drawn was measured: the others keep their places.
        match self.layout.pane {
            _ if self.layout.too_small => {}
            Pane::Boundary => {
                self.boundary.scroll = self.boundary.scroll.min(self.layout.boundary.max_scroll);
            }
            Pane::Compare => {
                self.compare.scroll = self.compare.scroll.min(self.layout.compare.max_scroll);
            }
            Pane::Skills => self.scroll_skills_into_view(),
            Pane::Jobs => self.jobs.scroll = self.jobs.scroll.min(self.layout.jobs.max_scroll),
            Pane::Plan => self.clamp_plan_cursor(),
        }
        if self.mode.is_overlay() {
            self.overlay_scroll = self.overlay_scroll.min(self.layout.overlay.max_scroll);
        }
        before
            != (
                self.skills.offset,
                self.boundary.scroll,
                self.compare.scroll,
                self.jobs.scroll,
                self.overlay_scroll,
            )
    }

    /// A paste goes into the search box or the note editor as text (see
    /// [`crate::tui::textfield::clean_paste`]); anywhere else it is ignored, never
    /// read as keys.
    fn paste(&mut self, text: &str) -> Effect {
        let (text, cut) = crate::tui::textfield::clean_paste(text);
        let field = match &mut self.mode {
            Mode::Search(st) => &mut st.field,
            Mode::EditNote(ed) => &mut ed.field,
            _ => return Effect::None,
        };
        let changed = field.insert(&text);
        if cut {
            let max = crate::tui::textfield::MAX_PASTE.to_string();
            self.status = Some(
                career_core::i18n::labels(self.lang)
                    .paste_cut
                    .replace("{}", &max),
            );
        }
        if changed
            && let Some(st) = self.search()
            && let Some(answer) = self.searcher.ask(st.field.text())
        {
            self.receive(answer);
        }
        Effect::None
    }

    fn toggle_overlay(&mut self, which: ModeKind) {
        self.mode = match (self.mode.kind(), which) {
            (now, w) if now == w => Mode::Normal,
            (_, ModeKind::Help) => Mode::Help,
            _ => Mode::Notes,
        };
        self.overlay_scroll = 0;
    }

    fn scroll_overlay(&mut self, action: Action) {
        let page = self.layout.overlay.page.max(1);
        let max = self.layout.overlay.max_scroll;
        self.overlay_scroll = scroll(self.overlay_scroll, action, page, max);
    }

    fn update_boundary(&mut self, action: Action) {
        let n = self.catalog.index.pane_role_count();
        let v = &mut self.boundary;
        match action {
            Action::Left => v.slot = v.slot.saturating_sub(1),
            Action::Right => v.slot = (v.slot + 1).min(n.saturating_sub(1)),
            _ => {}
        }
        // Home/End, like ↑/↓ and PgUp/PgDn, scroll the role detail (to its
        // top or bottom); only ←/→ and clicks change the role.
        if matches!(action, Action::Left | Action::Right) {
            self.boundary.scroll = 0;
        }
        let page = self.layout.boundary.page.max(1);
        let max = self.layout.boundary.max_scroll;
        self.boundary.scroll = scroll(self.boundary.scroll, action, page, max);
    }

    fn update_compare(&mut self, action: Action) {
        let n = self.catalog.roles.len();
        let v = &mut self.compare;
        let side = &mut v.roles[v.active];
        match action {
            Action::Left => v.active = 0,
            Action::Right => v.active = 1,
            Action::Up => *side = (*side + n - 1) % n.max(1),
            Action::Down => *side = (*side + 1) % n.max(1),
            Action::Swap => v.roles.swap(0, 1),
            _ => {}
        }
        let page = self.layout.compare.page.max(1);
        let max = self.layout.compare.max_scroll;
        let v = &mut self.compare;
        v.scroll = match action {
            Action::PageUp | Action::PageDown | Action::Home | Action::End => {
                scroll(v.scroll, action, page, max)
            }
            _ => v.scroll.min(max),
        };
    }

    /// Shows the checklist's skills of `layer` only (`None`: all), keeping
    /// the cursor on the focused skill when it stays shown.
    pub fn set_layer_filter(&mut self, layer: career_core::model::LayerFilter) {
        let focused = self.focused_skill();
        self.skills.layer = layer;
        self.groups = SkillGroups::of(&self.catalog, layer);
        self.refresh_tallies();
        self.skills.cursor = focused
            .and_then(|s| self.groups.group_and_position(&self.catalog, s))
            .map_or(0, |(_, pos)| pos);
        self.skills.offset = 0;
        self.scroll_skills_into_view();
    }

    fn update_skills(&mut self, action: Action) -> Effect {
        if action == Action::Back && self.jobs.opened_skill {
            // Back to the posting Enter opened this skill from.
            self.jobs.opened_skill = false;
            self.pane = Pane::Jobs;
            return Effect::None;
        }
        if action == Action::CycleLayer {
            self.set_layer_filter(career_core::model::next_layer_filter(self.skills.layer));
            return Effect::None;
        }
        let n = self.groups.len();
        let page = self.layout.skills.height.max(1);
        let detail = self.layout.skills.detail;
        let (prev_group, next_group) = (self.group_start(-1), self.group_start(1));
        let v = &mut self.skills;
        let last = n.saturating_sub(1);
        let before = v.cursor;
        match action {
            Action::DetailDown => {
                v.detail_scroll = (v.detail_scroll + 1).min(detail.max_scroll);
                return Effect::None;
            }
            Action::DetailUp => {
                v.detail_scroll = v.detail_scroll.saturating_sub(1);
                return Effect::None;
            }
            Action::Up => v.cursor = v.cursor.saturating_sub(1),
            Action::Down => v.cursor = (v.cursor + 1).min(last),
            Action::PageUp => v.cursor = v.cursor.saturating_sub(page),
            Action::PageDown => v.cursor = (v.cursor + page).min(last),
            Action::Home => v.cursor = 0,
            Action::End => v.cursor = last,
            Action::Left => v.cursor = prev_group,
            Action::Right => v.cursor = next_group,
            Action::Toggle => return self.set_focused(State::Done),
            Action::ToggleLearning => return self.set_focused(State::Learning),
            Action::ToggleSkipped => return self.set_focused(State::Skipped),
            Action::EditNote => {
                if let Some(skill) = self.focused_skill().filter(|&s| self.may_change(s)) {
                    let field = TextField::new(self.note(skill));
                    self.mode = Mode::EditNote(NoteEditor {
                        skill,
                        field,
                        evidence: false,
                    });
                }
            }
            Action::EditEvidence => {
                if let Some(skill) = self.focused_skill().filter(|&s| self.may_change(s)) {
                    let id = &self.catalog.skills[skill].id;
                    let field = TextField::new(self.progress.evidence(id).0);
                    self.mode = Mode::EditNote(NoteEditor {
                        skill,
                        field,
                        evidence: true,
                    });
                }
            }
            _ => {}
        }
        if self.skills.cursor != before {
            self.skills.detail_scroll = 0;
        }
        self.scroll_skills_into_view();
        if matches!(action, Action::Left | Action::Right)
            && self.skills.cursor != before
            && self.drawn()
        {
            // The category just reached starts at the top, its header first.
            let header = checklist::row_of(self, self.skills.cursor).saturating_sub(1);
            let room = checklist::total_rows(self).saturating_sub(self.layout.skills.height.max(1));
            self.skills.offset = header.min(room);
        }
        Effect::None
    }

    /// Cursor position of the first skill in the previous (-1) or next (1) category.
    fn group_start(&self, dir: i32) -> usize {
        let starts = &self.groups.starts;
        let cur = self.skills.cursor;
        let here = starts.partition_point(|&s| s <= cur).saturating_sub(1);
        if dir < 0 {
            if starts.get(here) == Some(&cur) && here > 0 {
                starts[here - 1]
            } else {
                starts.get(here).copied().unwrap_or(0)
            }
        } else {
            starts.get(here + 1).copied().unwrap_or(cur)
        }
    }

    /// Sets the focused skill to `state`, or back to not started if it was.
    fn set_focused(&mut self, state: State) -> Effect {
        let Some(skill) = self.focused_skill().filter(|&s| self.may_change(s)) else {
            return Effect::None;
        };
        let now = (self.clock)();
        self.change_progress(skill, |p, id| p.toggle_state(id, state, now));
        Effect::Save
    }

    fn update_search(&mut self, action: Action) {
        let Mode::Search(st) = &mut self.mode else {
            return;
        };
        let n = st.hits.len();
        match action {
            Action::Up => st.selected = st.selected.saturating_sub(1),
            Action::Down => st.selected = (st.selected + 1).min(n.saturating_sub(1)),
            Action::PageUp => st.selected = st.selected.saturating_sub(10),
            Action::PageDown => st.selected = (st.selected + 10).min(n.saturating_sub(1)),
            Action::Edit(EditKey::Cancel) | Action::Back => self.mode = Mode::Normal,
            Action::Edit(EditKey::Submit) => {
                // Enter acts on what is on screen, even if a newer query is pending.
                let target = st.hits.get(st.selected).map(|h| h.target);
                self.mode = Mode::Normal;
                if let Some(t) = target {
                    self.jump_to(t);
                }
            }
            Action::Edit(key) => {
                let full = matches!(key, EditKey::Char(_)) && st.field.is_full();
                if full {
                    self.status = Some(field_full(self.lang));
                } else if st.field.edit(key)
                    && let Some(answer) = self.searcher.ask(st.field.text())
                {
                    self.receive(answer);
                }
            }
            _ => {}
        }
    }

    /// Takes a search answer, if it answers what the field holds now (an
    /// answer to a query typed over since is dropped).
    pub fn receive(&mut self, answer: Answer) {
        let Mode::Search(st) = &mut self.mode else {
            return;
        };
        if answer.query != st.field.text() {
            return;
        }
        // The user's own notes and evidence first: their own words.
        let mut hits =
            career_core::searcher::own_words(&self.catalog, &self.progress, &answer.query, 10);
        let closest = if hits.is_empty() {
            answer.closest
        } else {
            None
        };
        hits.extend(answer.hits);
        st.answered = answer.query;
        st.hits = hits;
        st.closest = closest;
        st.selected = 0;
    }

    /// Shows a search result in its pane: the role selected, the skill
    /// focused, the requirement selected.
    pub fn jump_to(&mut self, target: search::Target) {
        match target {
            search::Target::Role(r) => {
                if let Some(slot) = self.catalog.index.pane_roles().position(|s| s == r) {
                    self.pane = Pane::Boundary;
                    self.boundary.slot = slot;
                    self.boundary.scroll = 0;
                }
            }
            search::Target::Skill(s) => {
                self.pane = Pane::Skills;
                if self.groups.group_and_position(&self.catalog, s).is_none() {
                    // Hidden by the layer filter: show every layer again.
                    self.set_layer_filter(None);
                }
                if let Some((_, pos)) = self.groups.group_and_position(&self.catalog, s) {
                    self.skills.cursor = pos;
                }
                self.scroll_skills_into_view();
            }
            search::Target::Requirement(p, i) => {
                self.pane = Pane::Jobs;
                self.jobs.posting = p;
                self.jobs.selected = i;
                // Scrolled into view by the next draw, which knows its lines.
                self.jobs.reveal = true;
            }
            search::Target::Posting(p) => {
                self.pane = Pane::Jobs;
                self.jobs.posting = p;
                self.jobs.selected = 0;
                self.jobs.scroll = 0;
            }
            search::Target::Responsibility(p, _) => {
                self.pane = Pane::Jobs;
                self.jobs.posting = p;
                self.jobs.selected = 0;
                self.jobs.scroll = 0;
            }
            search::Target::Note(i) => {
                // The about overlay, scrolled to the note.
                self.mode = Mode::Notes;
                self.overlay_scroll = 0;
                self.note_anchor = Some(i);
            }
        }
    }

    fn edit(&mut self, key: EditKey) -> Effect {
        let Mode::EditNote(ed) = &mut self.mode else {
            return Effect::None;
        };
        match key {
            EditKey::Cancel => self.mode = Mode::Normal,
            EditKey::Submit if ed.evidence => {
                let (skill, text) = (ed.skill, ed.field.text().to_string());
                self.mode = Mode::Normal;
                let id = &self.catalog.skills[skill].id;
                if self.progress.evidence(id).0 == text.trim() {
                    return Effect::None;
                }
                let day = (self.clock)().get(..10).map(str::to_string);
                self.change_progress(skill, |p, id| p.set_evidence(id, &text, day));
                return Effect::Save;
            }
            EditKey::Submit => {
                let (skill, text) = (ed.skill, ed.field.text().to_string());
                self.mode = Mode::Normal;
                if self.note(skill) == text.trim() {
                    return Effect::None;
                }
                self.change_progress(skill, |p, id| p.set_note(id, &text));
                self.scroll_skills_into_view();
                return Effect::Save;
            }
            other => {
                if matches!(other, EditKey::Char(_)) && ed.field.is_full() {
                    self.status = Some(field_full(self.lang));
                } else {
                    ed.field.edit(other);
                }
            }
        }
        Effect::None
    }

    /// Whether [`App::layout`] is of the screen as it is now: the same size
    /// and pane. Until the next draw, keeping things in view waits for it
    /// (the draw hands its layout to [`App::set_layout`], which does it).
    fn drawn(&self) -> bool {
        self.layout.size == self.size && self.layout.pane == self.pane && !self.layout.too_small
    }

    /// Keeps the cursor's row inside the visible window of the list.
    pub fn scroll_skills_into_view(&mut self) {
        if !self.drawn() {
            return;
        }
        let height = self.layout.skills.height.max(1);
        let row = checklist::row_of(self, self.skills.cursor);
        // The cursor's note row (if any) and, on a group's first skill, the
        // category header should show too.
        let bottom = match self.focused_skill() {
            Some(s) if !self.note(s).is_empty() => row + 1,
            _ => row,
        };
        let top = if self.groups.is_group_start(self.skills.cursor) {
            row.saturating_sub(1)
        } else {
            row
        };
        let total = checklist::total_rows(self);
        let v = &mut self.skills;
        if top < v.offset {
            v.offset = top;
        } else if bottom >= v.offset + height {
            v.offset = bottom + 1 - height;
        }
        // After a resize, no blank rows at the bottom while rows above are hidden.
        v.offset = v.offset.min(total.saturating_sub(height));
    }

    fn update_jobs(&mut self, action: Action) -> Effect {
        if let Some(effect) = self.update_profile(action.clone()) {
            return effect;
        }
        match action {
            Action::EditSkills => {
                self.open_picker();
                return Effect::None;
            }
            Action::TogglePreferred => {
                self.toggle_preferred();
                return Effect::None;
            }
            _ => {}
        }
        let postings = self.catalog.postings.len();
        let v = &mut self.jobs;
        match action {
            Action::Left if v.posting > 0 => {
                v.posting -= 1;
                v.selected = 0;
                v.scroll = 0;
            }
            Action::Right if v.posting + 1 < postings => {
                v.posting += 1;
                v.selected = 0;
                v.scroll = 0;
            }
            _ => {}
        }
        // The requirements, then the skill rows (they change as skills are ticked).
        let n = crate::tui::posting_rows::job_rows(self).len();
        let last = n.saturating_sub(1);
        let side_max = self.layout.jobs.side.max_scroll;
        let v = &mut self.jobs;
        let before = v.selected;
        v.selected = v.selected.min(last);
        match action {
            Action::Up => v.selected = v.selected.saturating_sub(1),
            Action::Down => v.selected = (v.selected + 1).min(last),
            Action::Home => v.selected = 0,
            Action::End => v.selected = last,
            Action::DetailDown => v.side_scroll = (v.side_scroll + 1).min(side_max),
            Action::DetailUp => v.side_scroll = v.side_scroll.saturating_sub(1),
            Action::Open => {
                self.open_skill();
                return Effect::None;
            }
            _ => {}
        }
        if self.jobs.selected != before || matches!(action, Action::Left | Action::Right) {
            self.jobs.side_scroll = 0;
        }
        self.reveal_requirement(action);
        Effect::None
    }

    /// Enter in pane 4: the selected skill row's skill (or the selected
    /// requirement's first skill not done) opens in pane 3, and Esc there
    /// comes back; the status line says so.
    fn open_skill(&mut self) {
        let Some(s) = crate::tui::posting_rows::skill_to_open(self) else {
            self.status = Some(
                career_core::i18n::jump_labels(self.lang)
                    .nothing
                    .to_string(),
            );
            return;
        };
        self.jump_to(search::Target::Skill(s));
        self.skills.detail_scroll = 0;
        self.jobs.opened_skill = true;
        let id = &self.catalog.skills[s].id;
        self.status = Some(
            career_core::i18n::jump_labels(self.lang)
                .opened
                .replace("{id}", id),
        );
    }

    /// Scrolls the posting: by a page, to its top after another posting
    /// opens, else so the selected requirement shows (lines from the last
    /// draw's layout).
    fn reveal_requirement(&mut self, action: Action) {
        if !self.drawn() {
            // Another posting opens at its top; otherwise the next draw
            // scrolls the selection into view.
            if matches!(action, Action::Left | Action::Right) {
                self.jobs.scroll = 0;
            } else {
                self.jobs.reveal = true;
            }
            return;
        }
        let page = self.layout.jobs.page.max(1);
        let max = self.layout.jobs.max_scroll;
        let (a, b) = self
            .layout
            .jobs
            .item_lines
            .get(self.jobs.selected)
            .copied()
            .unwrap_or((0, 0));
        let top = if self.jobs.selected == 0 { 0 } else { a };
        let bottom = b;
        let v = &mut self.jobs;
        v.scroll = match action {
            Action::PageUp | Action::PageDown => scroll(v.scroll, action, page, max),
            // Another posting opens at its top: its title and what the job does.
            Action::Left | Action::Right => 0,
            // Otherwise keep the selected requirement in view.
            _ if top < v.scroll => top,
            _ if bottom >= v.scroll + page => (bottom + 1).saturating_sub(page).min(max),
            _ => v.scroll.min(max),
        };
    }

    /// The profile keys of the job pane: years up or down (up from "not
    /// given" is 1, down from 0 is "not given" again), the next role as the
    /// current one (after the last, none). `None` for any other action.
    fn update_profile(&mut self, action: Action) -> Option<Effect> {
        use career_core::store::progress::MAX_YEARS;
        if !matches!(
            action,
            Action::YearsUp | Action::YearsDown | Action::NextRole
        ) {
            return None;
        }
        if let Some(bad) = self.progress.bad_profile() {
            let l = career_core::i18n::labels(self.lang);
            let at = l
                .profile_unread
                .replace("{line}", &bad.line.to_string())
                .replace("{col}", &bad.col.to_string());
            let colon = career_core::i18n::colon(self.lang);
            self.status = Some(format!("{at}{colon}{}", bad.message.render(self.lang)));
            return Some(Effect::None);
        }
        let before = self.progress.profile.clone();
        let p = &mut self.progress.profile;
        match action {
            Action::YearsUp => {
                p.years = Some(p.years.map_or(1, |y| y.saturating_add(1).min(MAX_YEARS)));
            }
            Action::YearsDown => p.years = p.years.and_then(|y| y.checked_sub(1)),
            Action::NextRole => {
                let at = p.role.as_deref().and_then(|r| self.catalog.role_index(r));
                let next = at.map_or(0, |i| i + 1);
                p.role = self.catalog.roles.get(next).map(|r| r.id.clone());
            }
            _ => return None,
        }
        self.history
            .record(Change::profile(&before, &self.progress.profile));
        self.dirty
            .insert(career_core::store::progress::PROFILE_KEY.to_string());
        self.status = Some(self.profile_status(action == Action::NextRole));
        Some(Effect::Save)
    }

    /// What `+`, `-` or `r` set, for the status line: "your years: 6", or
    /// "your role: Full-stack Engineer (4/11)" ("not given" when cleared).
    fn profile_status(&self, role: bool) -> String {
        let l = career_core::i18n::labels(self.lang);
        let kb = crate::tui::keymap::BINDINGS;
        let label = |a: Action| {
            kb.iter()
                .find(|b| b.action == a)
                .map_or("", |b| b.label(self.lang))
        };
        let colon = if self.lang == Lang::Zh { "：" } else { ": " };
        let p = &self.progress.profile;
        if role {
            let value = match p.role.as_deref().and_then(|r| self.catalog.role_index(r)) {
                Some(i) => format!(
                    "{} ({}/{})",
                    self.catalog.roles[i].name.get(self.lang),
                    i + 1,
                    self.catalog.roles.len()
                ),
                None => l.years_not_given.to_string(),
            };
            format!("{}{colon}{value}", label(Action::NextRole))
        } else {
            let value = p
                .years
                .map_or_else(|| l.years_not_given.to_string(), |y| y.to_string());
            format!("{}{colon}{value}", label(Action::YearsUp))
        }
    }

    /// `u` and Ctrl-R: one step of the history back or forward, saved like
    /// any change (its fields join `dirty`, merged per field on save). The
    /// status line says what changed, or why nothing did.
    fn undo_redo(&mut self, undo: bool) -> Effect {
        let mut postings = crate::tui::picker::AppPostings {
            catalog: &mut self.catalog,
            writes: &mut self.posting_writes,
        };
        let outcome = if undo {
            self.history
                .undo_in(&mut self.progress, &mut postings, self.lang)
        } else {
            self.history
                .redo_in(&mut self.progress, &mut postings, self.lang)
        };
        if !self.posting_writes.is_empty() {
            self.refresh_catalog();
        }
        match outcome {
            Outcome::Applied { keys, message } => {
                self.dirty.extend(keys);
                self.refresh_tallies();
                self.scroll_skills_into_view();
                self.status = Some(message);
                Effect::Save
            }
            Outcome::Nothing(message) | Outcome::Conflict(message) => {
                self.status = Some(message);
                Effect::None
            }
        }
    }

    /// The selected item as plain text, for `y`: the focused skill on
    /// pane 3, the selected requirement on pane 4; else nothing.
    pub fn selected_text(&self) -> Option<String> {
        let lang = self.lang;
        match self.pane {
            Pane::Skills => self.focused_skill().map(|s| {
                let skill = &self.catalog.skills[s];
                format!("{} {}", skill.id, skill.name.get(lang))
            }),
            Pane::Jobs => {
                let p = self.catalog.postings.get(self.jobs.posting)?;
                let r = p.requirements.get(self.jobs.selected)?;
                Some(r.text.get(lang).to_string())
            }
            _ => None,
        }
    }

    /// `y`: asks the terminal loop to copy the selected item, and says so.
    fn copy_selected(&mut self) {
        let l = career_core::i18n::labels(self.lang);
        if !self.copy_enabled {
            self.status = Some(l.copy_off.to_string());
            return;
        }
        match self.selected_text() {
            Some(text) => {
                let text = career_core::text::sanitize(&text);
                self.status = Some(format!(
                    "{}: {}",
                    l.copied,
                    career_core::text::truncate(&text, 60)
                ));
                self.to_copy = Some(text);
            }
            None => self.status = Some(l.nothing_to_copy.to_string()),
        }
    }
}

/// "the field holds at most 4096 characters", in `lang`.
fn field_full(lang: career_core::model::Lang) -> String {
    career_core::i18n::labels(lang)
        .field_full
        .replace("{}", &crate::tui::textfield::MAX_CHARS.to_string())
}

/// Applies a scrolling action to an offset, within 0..=max.
fn scroll(at: u16, action: Action, page: u16, max: u16) -> u16 {
    let next = match action {
        Action::Up => at.saturating_sub(1),
        Action::Down => at.saturating_add(1),
        Action::PageUp => at.saturating_sub(page),
        Action::PageDown => at.saturating_add(page),
        Action::Home => 0,
        Action::End => max,
        _ => at,
    };
    next.min(max)
}
