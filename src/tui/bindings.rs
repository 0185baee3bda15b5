//! The key table in force: [`keymap::BINDINGS`] with the user's overrides
//! from the config file applied. Matching, the status-line hints and the
//! help overlay all read this one value, so a remapped key shows wherever it
//! works.

use std::sync::{Arc, LazyLock};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::action::{Action, Pane};
use crate::tui::keymap::{self, BINDINGS, Scope};
use crate::tui::mode::ModeKind;
use career_core::i18n::{Arg, Msg};
use career_core::model::Lang;

/// One key: a key code, with Ctrl or without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

/// One row of the table in force.
#[derive(Debug, Clone)]
pub struct Row {
    pub keys: Vec<Key>,
    /// How the keys are written in hints and help.
    pub keys_label: String,
    pub action: Action,
    pub scope: Scope,
    pub label: [&'static str; 2],
    /// Shown in the status line (the help overlay shows every row).
    pub hint: bool,
}

impl Row {
    /// The row's description in `lang`.
    pub fn label(&self, lang: Lang) -> &'static str {
        self.label[lang as usize]
    }
}

/// The key table in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    rows: Vec<Row>,
}

/// The names the config file gives the actions (`[keys]` table), with the
/// action each stands for.
pub const ACTION_NAMES: &[(&str, Action)] = &[
    ("up", Action::Up),
    ("down", Action::Down),
    ("left", Action::Left),
    ("right", Action::Right),
    ("page_up", Action::PageUp),
    ("page_down", Action::PageDown),
    ("first", Action::Home),
    ("last", Action::End),
    ("pane_1", Action::GoPane(Pane::Boundary)),
    ("pane_2", Action::GoPane(Pane::Compare)),
    ("pane_3", Action::GoPane(Pane::Skills)),
    ("pane_4", Action::GoPane(Pane::Jobs)),
    ("pane_5", Action::GoPane(Pane::Plan)),
    ("next_view", Action::NextView),
    ("sort", Action::ToggleSort),
    ("target", Action::NextTarget),
    ("open", Action::Open),
    ("next_pane", Action::NextPane),
    ("prev_pane", Action::PrevPane),
    ("swap", Action::Swap),
    ("done", Action::Toggle),
    ("learning", Action::ToggleLearning),
    ("skip", Action::ToggleSkipped),
    ("note", Action::EditNote),
    ("evidence", Action::EditEvidence),
    ("layer", Action::CycleLayer),
    ("detail_down", Action::DetailDown),
    ("detail_up", Action::DetailUp),
    ("years_up", Action::YearsUp),
    ("years_down", Action::YearsDown),
    ("next_role", Action::NextRole),
    ("edit_skills", Action::EditSkills),
    ("preferred", Action::TogglePreferred),
    ("undo", Action::Undo),
    ("redo", Action::Redo),
    ("copy", Action::Copy),
    ("search", Action::OpenSearch),
    ("about", Action::ToggleNotes),
    ("language", Action::ToggleLang),
    ("help", Action::ToggleHelp),
    ("quit", Action::Quit),
    ("back", Action::Back),
];

/// The action a config name stands for.
pub fn action_named(name: &str) -> Option<Action> {
    ACTION_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, a)| a.clone())
}

/// The config name of an action of the table.
pub fn action_name(action: &Action) -> Option<&'static str> {
    ACTION_NAMES
        .iter()
        .find(|(_, a)| a == action)
        .map(|(n, _)| *n)
}

/// Named keys, as the config file writes them (lower case) and as hints
/// show them.
const NAMED: &[(&str, KeyCode, &str)] = &[
    ("space", KeyCode::Char(' '), "Space"),
    ("enter", KeyCode::Enter, "Enter"),
    ("esc", KeyCode::Esc, "Esc"),
    ("tab", KeyCode::Tab, "Tab"),
    ("shift-tab", KeyCode::BackTab, "Shift-Tab"),
    ("backspace", KeyCode::Backspace, "Backspace"),
    ("delete", KeyCode::Delete, "Del"),
    ("insert", KeyCode::Insert, "Ins"),
    ("left", KeyCode::Left, "←"),
    ("right", KeyCode::Right, "→"),
    ("up", KeyCode::Up, "↑"),
    ("down", KeyCode::Down, "↓"),
    ("home", KeyCode::Home, "Home"),
    ("end", KeyCode::End, "End"),
    ("pageup", KeyCode::PageUp, "PgUp"),
    ("pagedown", KeyCode::PageDown, "PgDn"),
];

/// Reads a key as the config file writes it: one character (`"q"`, `"?"`,
/// `"Q"`), a name (`"space"`, `"pagedown"`, `"f5"`), or `"ctrl-"` and a
/// letter. Ctrl-C and Ctrl-Z are the app's own and cannot be taken.
pub fn parse_key(text: &str) -> Result<Key, Msg> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Ok(Key {
            code: KeyCode::Char(c),
            ctrl: false,
        });
    }
    let lower = text.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("ctrl-") {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            (Some('c' | 'z'), None) => Err(Msg::new("key_reserved").text("key", text)),
            (Some(c), None) if c.is_ascii_lowercase() => Ok(Key {
                code: KeyCode::Char(c),
                ctrl: true,
            }),
            _ => Err(Msg::new("key_ctrl").arg("v", Arg::Quoted(text.to_string()))),
        };
    }
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
        && (1..=12).contains(&n)
    {
        return Ok(Key {
            code: KeyCode::F(n),
            ctrl: false,
        });
    }
    NAMED
        .iter()
        .find(|(name, _, _)| *name == lower)
        .map(|(_, code, _)| Key {
            code: *code,
            ctrl: false,
        })
        .ok_or_else(|| {
            let names = NAMED.iter().map(|(n, _, _)| *n);
            Msg::new("key_unknown")
                .arg("v", Arg::Quoted(text.to_string()))
                .arg("names", code_list(names))
        })
}

/// `names` as a list of the config file's words: run together in English,
/// each in backticks in Chinese.
pub fn code_list<'a>(names: impl Iterator<Item = &'a str>) -> Arg {
    Arg::Msgs(names.map(|n| Msg::new("code").text("c", n)).collect())
}

/// How a key is written in hints and help: "q", "Space", "←", "Ctrl-R".
pub fn key_label(key: Key) -> String {
    let plain = match key.code {
        KeyCode::Char(c) if key.ctrl => c.to_ascii_uppercase().to_string(),
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        code => NAMED
            .iter()
            .find(|(_, c, _)| *c == code)
            .map_or_else(|| format!("{code:?}"), |(_, _, shown)| shown.to_string()),
    };
    if key.ctrl {
        format!("Ctrl-{plain}")
    } else {
        plain
    }
}

fn keys_label(keys: &[Key]) -> String {
    if keys.is_empty() {
        return "—".to_string();
    }
    keys.iter()
        .map(|&k| key_label(k))
        .collect::<Vec<_>>()
        .join("/")
}

/// The action shown after a row's own in a two-part label ("←/h →/l").
pub(crate) fn partner(action: &Action) -> Option<Action> {
    match action {
        Action::Left => Some(Action::Right),
        Action::Up => Some(Action::Down),
        Action::YearsUp => Some(Action::YearsDown),
        Action::DetailDown => Some(Action::DetailUp),
        _ => None,
    }
}

static BUILTIN: LazyLock<Arc<Keymap>> = LazyLock::new(|| {
    Arc::new(Keymap {
        rows: BINDINGS
            .iter()
            .map(|b| Row {
                keys: b
                    .keys
                    .iter()
                    .map(|&code| Key { code, ctrl: b.ctrl })
                    .collect(),
                keys_label: b.keys_label.to_string(),
                action: b.action.clone(),
                scope: b.scope,
                label: b.label,
                hint: b.hint,
            })
            .collect(),
    })
});

impl Default for Keymap {
    fn default() -> Self {
        Keymap::builtin().as_ref().clone()
    }
}

impl Keymap {
    /// The built-in table, [`BINDINGS`], shared.
    pub fn builtin() -> Arc<Keymap> {
        Arc::clone(&BUILTIN)
    }

    /// The rows, in the table's order.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The keys that do `action` (its first row's).
    pub fn keys_of(&self, action: &Action) -> &[Key] {
        self.rows
            .iter()
            .find(|r| r.action == *action)
            .map_or(&[], |r| r.keys.as_slice())
    }

    /// The table with `action`'s keys replaced by `keys`: every row of that
    /// action takes them, and rows of other actions give them up (so a key
    /// means one thing). Labels of the rows touched are written anew.
    pub fn remap(&mut self, action: &Action, keys: &[Key]) {
        for row in &mut self.rows {
            if row.action == *action {
                row.keys = keys.to_vec();
            } else {
                row.keys.retain(|k| !keys.contains(k));
            }
        }
        let builtin = Keymap::builtin();
        let changed: Vec<Action> = self
            .rows
            .iter()
            .zip(builtin.rows())
            .filter(|(mine, theirs)| mine.keys != theirs.keys)
            .map(|(mine, _)| mine.action.clone())
            .collect();
        let own: Vec<(Action, Vec<Key>)> = self
            .rows
            .iter()
            .map(|r| (r.action.clone(), r.keys.clone()))
            .collect();
        let keys_of = |a: &Action| {
            own.iter()
                .find(|(b, _)| b == a)
                .map_or(&[][..], |(_, k)| k.as_slice())
        };
        for (row, theirs) in self.rows.iter_mut().zip(builtin.rows()) {
            let pair =
                partner(&row.action).filter(|_| theirs.keys_label != keys_label(&theirs.keys));
            let touched =
                changed.contains(&row.action) || pair.as_ref().is_some_and(|p| changed.contains(p));
            if !touched {
                continue;
            }
            row.keys_label = match &pair {
                Some(p) => format!("{} {}", keys_label(&row.keys), keys_label(keys_of(p))),
                None => keys_label(&row.keys),
            };
        }
    }

    /// The action for a key in `mode`: the one place that picks a table.
    pub fn action_for(&self, mode: ModeKind, key: KeyEvent) -> Option<Action> {
        if let Some(action) = keymap::text_action_for(mode, key) {
            return action;
        }
        if let Some(action) = keymap::fixed_action_for(key) {
            return Some(action);
        }
        let wanted = Key {
            code: key.code,
            ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
        };
        self.rows
            .iter()
            .find(|r| r.keys.contains(&wanted))
            .map(|r| r.action.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn every_action_of_the_table_has_a_name() {
        for b in BINDINGS {
            assert!(action_name(&b.action).is_some(), "{:?}", b.action);
        }
        for (name, action) in ACTION_NAMES {
            assert_eq!(action_named(name).as_ref(), Some(action));
        }
    }

    #[test]
    fn keys_read_as_written_in_the_config() {
        let k = |code, ctrl| Ok(Key { code, ctrl });
        assert_eq!(parse_key("Q"), k(KeyCode::Char('Q'), false));
        assert_eq!(parse_key("space"), k(KeyCode::Char(' '), false));
        assert_eq!(parse_key("PageDown"), k(KeyCode::PageDown, false));
        assert_eq!(parse_key("ctrl-t"), k(KeyCode::Char('t'), true));
        assert_eq!(parse_key("f5"), k(KeyCode::F(5), false));
        assert!(parse_key("ctrl-c").is_err());
        assert!(
            parse_key("hyper-x")
                .unwrap_err()
                .to_string()
                .contains("unknown key")
        );
        assert_eq!(key_label(parse_key("ctrl-r").unwrap()), "Ctrl-R");
    }

    #[test]
    fn a_remapped_key_works_and_shows_and_the_old_one_is_free() {
        let mut map = Keymap::default();
        let t = parse_key("t").unwrap();
        map.remap(&Action::Toggle, &[t]);
        assert_eq!(
            map.action_for(ModeKind::Normal, press(KeyCode::Char('t'))),
            Some(Action::Toggle)
        );
        assert_eq!(
            map.action_for(ModeKind::Normal, press(KeyCode::Char(' '))),
            None
        );
        let row = map
            .rows()
            .iter()
            .find(|r| r.action == Action::Toggle)
            .unwrap();
        assert_eq!(row.keys_label, "t");
        // A key taken from another action: that action keeps its others.
        map.remap(&Action::Quit, &[parse_key("h").unwrap()]);
        assert_eq!(
            map.action_for(ModeKind::Normal, press(KeyCode::Char('h'))),
            Some(Action::Quit)
        );
        let left = map
            .rows()
            .iter()
            .find(|r| r.action == Action::Left && r.scope == Scope::Pane(Pane::Boundary))
            .unwrap();
        assert_eq!(left.keys_label, "← →/l");
        // Text still goes into the editor.
        assert_eq!(
            map.action_for(ModeKind::EditNote, press(KeyCode::Char('t'))),
            Some(Action::Edit(crate::tui::action::EditKey::Char('t')))
        );
    }

    #[test]
    fn redo_is_a_ctrl_key() {
        let map = Keymap::builtin();
        let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
        assert_eq!(map.action_for(ModeKind::Normal, ctrl_r), Some(Action::Redo));
        assert_eq!(
            map.action_for(ModeKind::Normal, press(KeyCode::Char('u'))),
            Some(Action::Undo)
        );
    }
}
