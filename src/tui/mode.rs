//! What the keyboard is talking to. One value decides which key table reads
//! a key ([`crate::tui::keymap::action_for`]) and which branch of
//! [`crate::tui::app::App::update`] acts on it, so two of them can never be
//! open at once.

use crate::tui::app::{NoteEditor, SearchState};
use crate::tui::picker::SkillPicker;

/// The input mode, with the state only that mode has.
#[derive(Debug, Clone, Default)]
pub enum Mode {
    /// The panes: every binding of the keymap table.
    #[default]
    Normal,
    /// The help overlay (`?`): scroll keys, Esc closes.
    Help,
    /// The about overlay (`i`): scroll keys, Esc closes.
    Notes,
    /// The note editor of one skill: keys are text.
    EditNote(NoteEditor),
    /// The search box: keys are text, arrows pick a result.
    Search(SearchState),
    /// "Quit with unsaved changes?": `y` or `n`.
    ConfirmQuit(String),
    /// The skill picker of a requirement of an own posting (pane 4, `e`):
    /// keys are text, arrows pick a skill, Enter adds it.
    PickSkill(SkillPicker),
}

/// The mode without its state: what the keymap needs to pick a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModeKind {
    Normal,
    Help,
    Notes,
    EditNote,
    Search,
    ConfirmQuit,
    PickSkill,
}

impl Mode {
    /// Which kind of mode this is.
    pub fn kind(&self) -> ModeKind {
        match self {
            Mode::Normal => ModeKind::Normal,
            Mode::Help => ModeKind::Help,
            Mode::Notes => ModeKind::Notes,
            Mode::EditNote(_) => ModeKind::EditNote,
            Mode::Search(_) => ModeKind::Search,
            Mode::ConfirmQuit(_) => ModeKind::ConfirmQuit,
            Mode::PickSkill(_) => ModeKind::PickSkill,
        }
    }

    /// Whether a full-screen overlay (help or about) is open.
    pub fn is_overlay(&self) -> bool {
        matches!(self, Mode::Help | Mode::Notes)
    }
}
