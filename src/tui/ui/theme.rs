//! Colours and emphasis in one place. Only foreground colours and modifiers:
//! the terminal's own background stays, so light and dark themes both work.

use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub title: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub border: Style,
    pub border_focus: Style,
    pub selected: Style,
    pub dim: Style,
    pub label: Style,
    pub left_side: Style,
    pub right_side: Style,
    pub api_line: Style,
    pub arrow: Style,
    pub done: Style,
    pub todo: Style,
    pub covered: Style,
    pub partly: Style,
    pub missing: Style,
    pub emphasis: Style,
    pub differs: Style,
    pub key: Style,
    pub error: Style,
    pub note: Style,
}

pub const THEME: Theme = Theme {
    title: Style::new().add_modifier(Modifier::BOLD),
    tab: Style::new(),
    tab_active: Style::new()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::UNDERLINED),
    border: Style::new().fg(Color::DarkGray),
    border_focus: Style::new().fg(Color::Cyan),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    dim: Style::new().fg(Color::DarkGray),
    label: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    left_side: Style::new().fg(Color::Magenta),
    right_side: Style::new().fg(Color::Blue),
    api_line: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    arrow: Style::new().fg(Color::Yellow),
    done: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
    todo: Style::new(),
    covered: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
    partly: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    missing: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    emphasis: Style::new().add_modifier(Modifier::BOLD),
    differs: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    note: Style::new().fg(Color::Cyan).add_modifier(Modifier::ITALIC),
};

static MONOCHROME: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Chosen once at start from `NO_COLOR` and --color.
pub fn set_monochrome(on: bool) {
    MONOCHROME.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// The theme in force: colours, or (`NO_COLOR`) the same emphasis without colour.
/// Every state also differs in its glyph, so nothing depends on colour alone.
pub fn theme() -> &'static Theme {
    if MONOCHROME.load(std::sync::atomic::Ordering::Relaxed) {
        &MONO
    } else {
        &THEME
    }
}

const fn plain(s: Style) -> Style {
    Style {
        fg: None,
        bg: None,
        underline_color: None,
        ..s
    }
}

/// THEME with every colour removed; dim text keeps the DIM modifier instead.
pub const MONO: Theme = Theme {
    title: plain(THEME.title),
    tab: plain(THEME.tab),
    tab_active: plain(THEME.tab_active),
    border: Style::new(),
    border_focus: Style::new().add_modifier(Modifier::BOLD),
    selected: plain(THEME.selected),
    dim: Style::new().add_modifier(Modifier::DIM),
    label: plain(THEME.label),
    left_side: Style::new(),
    right_side: Style::new(),
    api_line: plain(THEME.api_line),
    arrow: Style::new(),
    done: plain(THEME.done),
    todo: plain(THEME.todo),
    covered: plain(THEME.covered),
    partly: plain(THEME.partly),
    missing: plain(THEME.missing),
    emphasis: plain(THEME.emphasis),
    differs: plain(THEME.differs),
    key: plain(THEME.key),
    error: plain(THEME.error),
    note: plain(THEME.note),
};
