//! A mouse event becomes an [`Action`] by looking up where it landed in the
//! layout the last draw produced. Only on the panes: while the note editor,
//! the search box or the quit question is open, the mouse acts on nothing;
//! over an overlay only the wheel scrolls.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use crate::tui::action::{Action, Pane};
use crate::tui::layout::Layout;
use crate::tui::mode::ModeKind;

/// The action for a mouse event, if any.
pub fn action_for(event: MouseEvent, mode: ModeKind, layout: &Layout) -> Option<Action> {
    match event.kind {
        MouseEventKind::Down(MouseButton::Left) => click(event.column, event.row, mode, layout),
        MouseEventKind::ScrollUp | MouseEventKind::ScrollDown
            if matches!(mode, ModeKind::Normal | ModeKind::Help | ModeKind::Notes) =>
        {
            Some(Action::Wheel(event.kind == MouseEventKind::ScrollUp))
        }
        _ => None,
    }
}

/// The action for a left click at `(x, y)`: a tab switches pane; a role box
/// or name, a compare side, a skill or a requirement is selected; a skill's
/// checkbox ticks it.
pub fn click(x: u16, y: u16, mode: ModeKind, layout: &Layout) -> Option<Action> {
    if mode != ModeKind::Normal || layout.too_small {
        return None;
    }
    if y == 0 {
        return layout.tab_at(x).map(Action::GoPane);
    }
    match layout.pane {
        Pane::Boundary => layout.role_at(x, y).map(Action::SelectRole),
        Pane::Compare => layout.side_at(x, y).map(Action::PickSide),
        Pane::Skills => layout
            .skill_at(x, y)
            .map(|(pos, on_box)| Action::ClickSkill { pos, on_box }),
        Pane::Jobs => layout.requirement_at(x, y).map(Action::SelectRequirement),
        Pane::Plan => layout.plan_row_at(x, y).map(Action::SelectPlanRow),
    }
}
