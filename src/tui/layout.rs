//! What the last draw produced: where each clickable thing is, how many rows
//! each scrolling area shows and how far it scrolls. [`crate::tui::ui::draw`]
//! returns it; the mouse turns a click into an [`crate::tui::action::Action`]
//! by looking it up here ([`crate::tui::mouse`]), and
//! [`crate::tui::app::App::update`] reads page sizes and scroll limits from
//! it, so the state never calls drawing code.

use ratatui::layout::{Position, Rect};

use crate::tui::action::Pane;

/// One frame's layout. `Default` is the layout before the first draw: no
/// areas, one-row pages, nothing to scroll.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// The frame's size.
    pub size: Rect,
    /// The terminal was below the minimum size: only a message was drawn.
    pub too_small: bool,
    /// The pane drawn under any overlay.
    pub pane: Pane,
    /// Each pane's tab on the top row: its columns `[start, end)`.
    pub tabs: Vec<(u16, u16, Pane)>,
    pub boundary: BoundaryLayout,
    pub compare: CompareLayout,
    pub skills: SkillsLayout,
    pub jobs: JobsLayout,
    pub plan: PlanLayout,
    pub overlay: OverlayLayout,
}

/// A scrolling area: rows shown and the largest useful offset.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scroll {
    pub page: u16,
    pub max_scroll: u16,
}

/// Pane 1: the role boxes and the names in the "Also" rows, each with its
/// pane-1 slot, and the detail box's scrolling.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoundaryLayout {
    pub roles: Vec<(Rect, usize)>,
    /// Rows inside the detail box.
    pub page: u16,
    pub max_scroll: u16,
}

/// Pane 2: the two role pickers (left, right) and the table's scrolling.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompareLayout {
    pub sides: [Rect; 2],
    pub page: u16,
    pub max_scroll: u16,
}

/// Pane 3: the list's inside, its rows as drawn (the cursor position of a
/// skill row; `None` for a header or a note) and its height in rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SkillsLayout {
    pub list: Rect,
    pub rows: Vec<Option<usize>>,
    pub height: usize,
    /// The skill detail box's scrolling (`J`/`K`).
    pub detail: Scroll,
}

/// Pane 4: the posting box's inside, which requirement each drawn row
/// belongs to, the (first, last) line of every requirement, and scrolling.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobsLayout {
    pub text: Rect,
    pub rows: Vec<Option<usize>>,
    pub item_lines: Vec<(u16, u16)>,
    pub page: u16,
    pub max_scroll: u16,
    /// The side box (the selected row's skills): its scrolling.
    pub side: Scroll,
}

/// Pane 5: the list's inside, which row of the view each drawn row is
/// (`None` for a heading or a line that belongs to none) and the rows a
/// page moves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanLayout {
    pub list: Rect,
    pub rows: Vec<Option<usize>>,
    pub page: u16,
    /// How many rows the view has (the cursor's bound), counted by the draw.
    pub count: usize,
}

/// The help or about overlay: its scrolling and, when it was opened at a
/// note, the line that note starts on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OverlayLayout {
    pub page: u16,
    pub max_scroll: u16,
    pub anchor_line: Option<u16>,
}

impl Layout {
    /// The pane whose tab is under column `x` of the top row.
    pub fn tab_at(&self, x: u16) -> Option<Pane> {
        self.tabs
            .iter()
            .find(|&&(a, b, _)| (a..b).contains(&x))
            .map(|&(_, _, p)| p)
    }

    /// The pane-1 slot of the role box or name under `(x, y)`.
    pub fn role_at(&self, x: u16, y: u16) -> Option<usize> {
        let at = Position { x, y };
        self.boundary
            .roles
            .iter()
            .find(|(r, _)| r.contains(at))
            .map(|&(_, slot)| slot)
    }

    /// The compare side (0 left, 1 right) whose picker is under `(x, y)`.
    pub fn side_at(&self, x: u16, y: u16) -> Option<usize> {
        let at = Position { x, y };
        self.compare.sides.iter().position(|r| r.contains(at))
    }

    /// The skill (cursor position) on the list row under `(x, y)`, and
    /// whether the click was on its checkbox (columns 2–4 of the row).
    pub fn skill_at(&self, x: u16, y: u16) -> Option<(usize, bool)> {
        let list = self.skills.list;
        if !list.contains(Position { x, y }) {
            return None;
        }
        let pos = (*self.skills.rows.get(usize::from(y - list.y))?)?;
        Some((pos, (list.x + 2..list.x + 5).contains(&x)))
    }

    /// The row of pane 5's view under `(x, y)`.
    pub fn plan_row_at(&self, x: u16, y: u16) -> Option<usize> {
        let list = self.plan.list;
        if !list.contains(Position { x, y }) {
            return None;
        }
        *self.plan.rows.get(usize::from(y - list.y))?
    }

    /// The requirement whose lines are under `(x, y)`.
    pub fn requirement_at(&self, x: u16, y: u16) -> Option<usize> {
        let text = self.jobs.text;
        if !text.contains(Position { x, y }) {
            return None;
        }
        *self.jobs.rows.get(usize::from(y - text.y))?
    }
}
