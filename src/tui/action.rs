//! Everything a user can ask for. Keys (and later mouse events) become these;
//! `App::update` is the only place that acts on them.

/// The five panes, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Boundary,
    Compare,
    Skills,
    Jobs,
    /// From gap to plan: the plan, demand, postings overview and history
    /// views ([`crate::tui::plan_view`]).
    Plan,
}

impl Pane {
    pub const ALL: [Pane; 5] = [
        Pane::Boundary,
        Pane::Compare,
        Pane::Skills,
        Pane::Jobs,
        Pane::Plan,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % Pane::ALL.len()]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }
}

/// Not `Copy`: a paste carries its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// `q` or Ctrl-C. With the note editor open, the draft is kept first.
    Quit,
    /// Esc: closes an overlay; in the main view it does nothing.
    Back,
    NextPane,
    PrevPane,
    GoPane(Pane),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    /// Space: tick or untick the focused skill (done).
    Toggle,
    /// Mark the focused skill as being learned, or clear that.
    ToggleLearning,
    /// Mark the focused skill as not relevant (skipped), or clear that.
    ToggleSkipped,
    /// Open the note editor for the focused skill.
    EditNote,
    /// Open the evidence editor (an address or a path) for the focused skill.
    EditEvidence,
    /// A key typed into the note editor.
    Edit(EditKey),
    /// Compare: swap the two roles.
    Swap,
    /// Skills: scroll the skill detail box down or up one line (`J`/`K`).
    DetailDown,
    DetailUp,
    /// Job pane: one year of experience more, or less (the profile).
    YearsUp,
    YearsDown,
    /// Job pane: the next role as the user's current role (the profile).
    NextRole,
    /// Job pane: open the skill picker of the selected requirement (own
    /// postings only).
    EditSkills,
    /// Job pane: switch the selected requirement between required and
    /// preferred (own postings only).
    TogglePreferred,
    /// Skill picker: remove the selected skill from the requirement.
    RemoveSkill,
    /// Skills: cycle which layers the checklist shows (both → 2023 →
    /// 2024–2026).
    CycleLayer,
    ToggleHelp,
    /// `/`: open the search overlay.
    OpenSearch,
    ToggleNotes,
    ToggleLang,
    Resize(u16, u16),
    /// A left click at (column, row).
    /// A click on a role box or name of pane 1: its slot.
    SelectRole(usize),
    /// A click on a compare picker: 0 left, 1 right.
    PickSide(usize),
    /// A click on a skill row (cursor position); on its checkbox, it ticks.
    ClickSkill {
        pos: usize,
        on_box: bool,
    },
    /// A click on a requirement of pane 4.
    SelectRequirement(usize),
    /// The mouse wheel: true for up.
    Wheel(bool),
    /// The answer to a yes/no prompt (quit with unsaved changes).
    Confirm(bool),
    /// Text pasted by the terminal (bracketed paste): inserted into the note
    /// editor or the search box as text, never read as keys; ignored elsewhere.
    Paste(String),
    /// `u`: undo the last change to the user's data.
    Undo,
    /// Ctrl-R: redo what was undone.
    Redo,
    /// `y`: copy the selected skill or requirement as text (OSC 52).
    Copy,
    /// Pane 5: the next view (plan, demand, postings, history).
    NextView,
    /// Pane 5: the postings overview sorted by coverage, or in list order.
    ToggleSort,
    /// Pane 5: the plan's next target (all postings, one posting, a role).
    NextTarget,
    /// Enter: open the selected row where it lives. Pane 4: the row's skill
    /// in pane 3 (a requirement: its first skill not done; Esc there comes
    /// back). Pane 5: a skill in pane 3, a posting in pane 4. One action, so
    /// one config name (`open`) for one key.
    Open,
    /// A click on a row of pane 5's list: select it.
    SelectPlanRow(usize),
    /// Ctrl-Z: hand the terminal back and stop until `fg`. The terminal loop
    /// acts on it; `App::update` ignores it.
    Suspend,
}

/// What a key does inside the one-line note editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKey {
    Char(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Ctrl-Left or Alt-B: to the start of this or the previous word.
    WordLeft,
    /// Ctrl-Right or Alt-F: past the end of this or the next word.
    WordRight,
    /// Ctrl-W or Alt-Backspace: delete the word before the cursor.
    DeleteWordBack,
    /// Alt-D: delete the word after the cursor.
    DeleteWordForward,
    /// Ctrl-U: delete from the start of the line to the cursor.
    DeleteToStart,
    /// Ctrl-K: delete from the cursor to the end of the line.
    DeleteToEnd,
    /// Ctrl-Y: insert again what the last deletions of words or line
    /// parts took (readline's yank).
    Yank,
    /// Enter: keep the note.
    Submit,
    /// Esc: drop the changes.
    Cancel,
}
