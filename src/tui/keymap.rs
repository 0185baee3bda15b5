//! The one table of key bindings. It drives key matching, the status-line
//! hints and the help overlay, so the three can never disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::action::{Action, EditKey, Pane};
use crate::tui::mode::ModeKind;
use career_core::model::Lang;

/// Where a binding's label applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Pane(Pane),
}

pub struct Binding {
    pub keys: &'static [KeyCode],
    /// The keys are pressed with Ctrl (Ctrl-R); else plain.
    pub ctrl: bool,
    /// How the keys are written in hints and help.
    pub keys_label: &'static str,
    pub action: Action,
    pub scope: Scope,
    pub label: [&'static str; 2],
    /// Shown in the status line (the help overlay shows every binding).
    pub hint: bool,
}

impl Binding {
    pub fn label(&self, lang: Lang) -> &'static str {
        self.label[lang as usize]
    }
}

use KeyCode::{
    BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right,
    Tab, Up,
};
use Pane::{Boundary, Compare, Jobs, Plan, Skills};

const fn b(
    keys: &'static [KeyCode],
    keys_label: &'static str,
    action: Action,
    scope: Scope,
    label: [&'static str; 2],
    hint: bool,
) -> Binding {
    Binding {
        keys,
        ctrl: false,
        keys_label,
        action,
        scope,
        label,
        hint,
    }
}

/// A row whose keys are pressed with Ctrl.
const fn ctrl(mut binding: Binding) -> Binding {
    binding.ctrl = true;
    binding
}

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    b(&[Left, Char('h')], "←/h →/l", Action::Left, Scope::Pane(Boundary), ["move along spectrum", "沿光谱移动"], true),
    b(&[Up, Char('k')], "↑/k ↓/j", Action::Up, Scope::Pane(Boundary), ["scroll the role detail", "滚动角色详情"], false),
    b(&[Left, Char('h')], "←/h →/l", Action::Left, Scope::Pane(Compare), ["pick side", "切换左/右栏"], true),
    b(&[Up, Char('k')], "↑/k ↓/j", Action::Up, Scope::Pane(Compare), ["change role", "切换角色"], true),
    b(&[Char('s')], "s", Action::Swap, Scope::Pane(Compare), ["swap", "交换"], true),
    b(&[Up, Char('k')], "↑/k ↓/j", Action::Up, Scope::Pane(Skills), ["move", "移动"], true),
    b(&[Char(' ')], "Space", Action::Toggle, Scope::Pane(Skills), ["done", "标为完成"], true),
    b(&[Char('p')], "p", Action::ToggleLearning, Scope::Pane(Skills), ["learning", "标为学习中"], true),
    b(&[Char('x')], "x", Action::ToggleSkipped, Scope::Pane(Skills), ["skip", "标为跳过"], true),
    b(&[Char('n')], "n", Action::EditNote, Scope::Pane(Skills), ["note", "写笔记"], true),
    b(&[Char('E')], "E", Action::EditEvidence, Scope::Pane(Skills), ["evidence", "证据"], false),
    b(&[Char('f')], "f", Action::CycleLayer, Scope::Pane(Skills), ["show: all / 2023 / 2024–2026 / ads", "显示：全部 / 2023 / 2024–2026 / 招聘技能"], true),
    b(&[Left, Char('h')], "←/h →/l", Action::Left, Scope::Pane(Skills), ["previous / next category", "上一类 / 下一类"], false),
    b(&[Char('J')], "J", Action::DetailDown, Scope::Pane(Skills), ["scroll the skill detail down", "向下滚动技能详情"], false),
    b(&[Char('K')], "K", Action::DetailUp, Scope::Pane(Skills), ["scroll the skill detail up", "向上滚动技能详情"], false),
    b(&[Up, Char('k')], "↑/k ↓/j", Action::Up, Scope::Pane(Jobs), ["move", "移动"], true),
    b(&[Left, Char('h')], "←/h →/l", Action::Left, Scope::Pane(Jobs), ["posting", "招聘启事"], true),
    b(&[Enter], "Enter", Action::Open, Scope::Pane(Jobs), ["→ skill", "打开技能"], true),
    b(&[Char('J')], "J/K", Action::DetailDown, Scope::Pane(Jobs), ["scroll the side box", "滚动侧栏"], false),
    b(&[Esc], "Esc", Action::Back, Scope::Pane(Skills), ["back to the posting (after Enter in 4)", "返回招聘启事（在第 4 栏按 Enter 之后）"], false),
    // Global bindings. The pane rows above only label keys; these make every key work everywhere.
    b(&[Up, Char('k')], "↑/k", Action::Up, Scope::Global, ["up", "上"], false),
    b(&[Down, Char('j')], "↓/j", Action::Down, Scope::Global, ["down", "下"], false),
    b(&[Left, Char('h')], "←/h", Action::Left, Scope::Global, ["left", "左"], false),
    b(&[Right, Char('l')], "→/l", Action::Right, Scope::Global, ["right", "右"], false),
    b(&[PageUp], "PgUp", Action::PageUp, Scope::Global, ["page up", "上翻一页"], false),
    b(&[PageDown], "PgDn", Action::PageDown, Scope::Global, ["page down", "下翻一页"], false),
    b(&[Home, Char('g')], "Home/g", Action::Home, Scope::Global, ["first item", "第一项"], false),
    b(&[End, Char('G')], "End/G", Action::End, Scope::Global, ["last item", "最后一项"], false),
    b(&[Char('1')], "1", Action::GoPane(Boundary), Scope::Global, ["API line pane", "API 分界线"], false),
    b(&[Char('2')], "2", Action::GoPane(Compare), Scope::Global, ["compare roles pane", "角色对比"], false),
    b(&[Char('3')], "3", Action::GoPane(Skills), Scope::Global, ["skills checklist pane", "技能清单"], false),
    b(&[Char('+'), Char('=')], "+/-", Action::YearsUp, Scope::Pane(Jobs), ["years", "年限"], true),
    b(&[Char('-')], "-", Action::YearsDown, Scope::Pane(Jobs), ["fewer years", "减少年限"], false),
    b(&[Char('r')], "r", Action::NextRole, Scope::Pane(Jobs), ["role", "角色"], true),
    b(&[Char('e')], "e", Action::EditSkills, Scope::Pane(Jobs), ["edit skills", "修改技能"], true),
    b(&[Char('t')], "t", Action::TogglePreferred, Scope::Pane(Jobs), ["required ↔ preferred", "必需 ↔ 加分项"], true),
    b(&[Char('v')], "v", Action::NextView, Scope::Pane(Plan), ["next view", "下一视图"], true),
    b(&[Up, Char('k')], "↑/k ↓/j", Action::Up, Scope::Pane(Plan), ["move", "移动"], true),
    b(&[Enter], "Enter", Action::Open, Scope::Pane(Plan), ["open", "打开"], true),
    b(&[Char('T')], "T", Action::NextTarget, Scope::Pane(Plan), ["target", "目标"], true),
    b(&[Left, Char('h')], "←/h →/l", Action::Left, Scope::Pane(Plan), ["the target's posting or role", "目标的招聘启事或角色"], false),
    b(&[Char('+'), Char('=')], "+/-", Action::YearsUp, Scope::Pane(Plan), ["hours per week", "每周小时数"], true),
    b(&[Char('o')], "o", Action::ToggleSort, Scope::Pane(Plan), ["sort postings", "招聘概览排序"], true),
    b(&[Char('4')], "4", Action::GoPane(Jobs), Scope::Global, ["job requirements pane", "任职要求"], false),
    b(&[Char('5')], "5", Action::GoPane(Plan), Scope::Global, ["plan pane (plan, demand, postings, history)", "计划（学习计划、需求、招聘概览、历史）"], false),
    b(&[Tab], "Tab", Action::NextPane, Scope::Global, ["next pane", "下一个面板"], false),
    b(&[BackTab], "Shift-Tab", Action::PrevPane, Scope::Global, ["previous pane", "上一个面板"], false),
    b(&[Char('u')], "u", Action::Undo, Scope::Global, ["undo the last change to your data", "撤销上一次对你数据的更改"], false),
    ctrl(b(&[Char('r')], "Ctrl-R", Action::Redo, Scope::Global, ["redo what was undone", "重做刚撤销的更改"], false)),
    b(&[Char('y')], "y", Action::Copy, Scope::Global, ["copy the selected skill or requirement", "复制所选技能或任职要求"], false),
    b(&[Char('/')], "/", Action::OpenSearch, Scope::Global, ["search", "搜索"], true),
    b(&[Char('i')], "i", Action::ToggleNotes, Scope::Global, ["background", "背景"], true),
    b(&[Char('L')], "L", Action::ToggleLang, Scope::Global, ["中文", "English"], true),
    b(&[Char('?')], "?", Action::ToggleHelp, Scope::Global, ["help", "帮助"], true),
    b(&[Char('q')], "q", Action::Quit, Scope::Global, ["quit", "退出"], true),
    b(&[Esc], "Esc", Action::Back, Scope::Global, ["close overlay", "关闭浮层"], false),
];

/// The action for a key in `mode` with the built-in bindings (see
/// [`crate::tui::bindings::Keymap::action_for`] for the user's).
pub fn action_for(mode: ModeKind, key: KeyEvent) -> Option<Action> {
    crate::tui::bindings::Keymap::builtin().action_for(mode, key)
}

/// Keys on the panes and overlays, besides the table's: Ctrl-C quits and
/// Ctrl-Z suspends from anywhere (see [`CTRL_KEYS`]); they cannot be remapped.
pub fn fixed_action_for(key: KeyEvent) -> Option<Action> {
    if !key.modifiers.contains(KeyModifiers::CONTROL) {
        return None;
    }
    match key.code {
        Char('c') => Some(Action::Quit),
        Char('z') => Some(Action::Suspend),
        _ => None,
    }
}

/// Keys while a yes/no prompt is open, the search box or the note editor is:
/// not the table's (text goes in there). `None` for the other modes.
pub fn text_action_for(mode: ModeKind, key: KeyEvent) -> Option<Option<Action>> {
    match mode {
        ModeKind::ConfirmQuit => Some(confirm_action_for(key)),
        ModeKind::Search => Some(search_action_for(key)),
        ModeKind::EditNote => Some(edit_action_for(key)),
        ModeKind::PickSkill => Some(picker_action_for(key)),
        ModeKind::Normal | ModeKind::Help | ModeKind::Notes => None,
    }
}

/// Keys while the note editor is open: text goes in, Enter keeps, Esc drops.
/// The line-editing keys are readline's (Emacs mode): Ctrl-A/E, Ctrl-B/F,
/// Ctrl-U/K, Ctrl-W, Ctrl-Y, Alt-B/F/D, Alt-Backspace, Ctrl-Left/Right.
pub fn edit_action_for(key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let k = match key.code {
        Char('c') if ctrl => return Some(Action::Quit),
        Char('z') if ctrl => return Some(Action::Suspend),
        Char('a') if ctrl => EditKey::Home,
        Char('e') if ctrl => EditKey::End,
        Char('b') if ctrl => EditKey::Left,
        Char('f') if ctrl => EditKey::Right,
        Char('h') if ctrl => EditKey::Backspace,
        Char('d') if ctrl => EditKey::Delete,
        Char('u') if ctrl => EditKey::DeleteToStart,
        Char('k') if ctrl => EditKey::DeleteToEnd,
        Char('w') if ctrl => EditKey::DeleteWordBack,
        Char('y') if ctrl => EditKey::Yank,
        Char(_) if ctrl => return None,
        Char('b') if alt => EditKey::WordLeft,
        Char('f') if alt => EditKey::WordRight,
        Char('d') if alt => EditKey::DeleteWordForward,
        Backspace if alt => EditKey::DeleteWordBack,
        Left if ctrl || alt => EditKey::WordLeft,
        Right if ctrl || alt => EditKey::WordRight,
        Char(c) => EditKey::Char(c),
        Backspace => EditKey::Backspace,
        Delete => EditKey::Delete,
        Left => EditKey::Left,
        Right => EditKey::Right,
        Home => EditKey::Home,
        End => EditKey::End,
        Enter => EditKey::Submit,
        Esc => EditKey::Cancel,
        _ => return None,
    };
    Some(Action::Edit(k))
}

/// Keys in the search overlay: text edits the query, arrows pick a result.
fn search_action_for(key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        Up => Some(Action::Up),
        Down => Some(Action::Down),
        Char('p') if ctrl => Some(Action::Up),
        Char('n') if ctrl => Some(Action::Down),
        PageUp => Some(Action::PageUp),
        PageDown => Some(Action::PageDown),
        _ => edit_action_for(key),
    }
}

/// Keys in the skill picker: text filters the skills, arrows pick one,
/// Enter adds it, Ctrl-D removes a skill the requirement names, Esc closes.
fn picker_action_for(key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        Char('d') if ctrl => Some(Action::RemoveSkill),
        Esc => Some(Action::Back),
        _ => search_action_for(key),
    }
}

/// The skill picker's keys, for the status line and the help overlay.
pub const PICKER_KEYS: &[(&str, [&str; 2])] = &[
    ("↑↓", ["pick a skill", "选择技能"]),
    ("Enter", ["add it", "添加"]),
    ("Ctrl-D", ["remove it", "移除"]),
    ("Esc", ["close", "关闭"]),
];

pub const SEARCH_KEYS: &[(&str, [&str; 2])] = &[
    ("↑↓ Ctrl-p/n", ["pick a result", "选择结果"]),
    ("Enter", ["go to it", "跳转"]),
    ("Esc", ["close", "关闭"]),
];

/// Control keys that work everywhere, for the help overlay (the table's keys
/// are plain keys; these are matched in [`action_for`] and [`edit_action_for`]).
pub const CTRL_KEYS: &[(&str, [&str; 2])] = &[
    (
        "Ctrl-C",
        ["quit (keeps an open note)", "退出（保留正在写的笔记）"],
    ),
    ("Ctrl-Z", ["suspend; fg resumes", "挂起；fg 恢复"]),
];

/// Help lines for the editor and the search box (not bindings of the
/// table: it is a text field; see [`edit_action_for`]).
pub const EDIT_KEYS: &[(&str, [&str; 2])] = &[
    ("Enter", ["save the note", "保存笔记"]),
    ("Esc", ["cancel", "取消"]),
    ("←/→ Home/End", ["move the cursor", "移动光标"]),
    ("Ctrl-A/E", ["start / end of the line", "行首 / 行尾"]),
    (
        "Alt-B/F",
        [
            "word back / forward (also Ctrl-←/→)",
            "后退 / 前进一个词（也可 Ctrl-←/→）",
        ],
    ),
    ("Backspace/Del", ["delete", "删除"]),
    ("Ctrl-W", ["delete the word before", "删除前一个词"]),
    (
        "Ctrl-U/K",
        ["delete to the start / end", "删除到行首 / 行尾"],
    ),
    ("Ctrl-Y", ["put back what was deleted", "放回刚删除的文字"]),
    ("Ctrl-C", ["keep the note and quit", "保存笔记并退出"]),
    (
        "paste",
        [
            "inserted as text (line breaks become spaces)",
            "作为文本插入（换行变空格）",
        ],
    ),
];

/// Keys while a yes/no prompt is open: `y` answers yes; `n` and Esc no.
fn confirm_action_for(key: KeyEvent) -> Option<Action> {
    match key.code {
        Char('y' | 'Y') => Some(Action::Confirm(true)),
        Char('n' | 'N') | Esc => Some(Action::Confirm(false)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn the_mode_picks_the_table() {
        assert_eq!(
            action_for(ModeKind::Normal, key(Char('q'))),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(ModeKind::EditNote, key(Char('q'))),
            Some(Action::Edit(EditKey::Char('q')))
        );
        assert_eq!(
            action_for(ModeKind::Search, key(Char('q'))),
            Some(Action::Edit(EditKey::Char('q')))
        );
        assert_eq!(action_for(ModeKind::Search, key(Up)), Some(Action::Up));
        assert_eq!(
            action_for(ModeKind::ConfirmQuit, key(Char('y'))),
            Some(Action::Confirm(true))
        );
        assert_eq!(action_for(ModeKind::ConfirmQuit, key(Char('q'))), None);
        assert_eq!(action_for(ModeKind::Help, key(Esc)), Some(Action::Back));
    }

    #[test]
    fn vim_and_arrow_keys_match() {
        assert_eq!(
            action_for(ModeKind::Normal, key(Char('j'))),
            Some(Action::Down)
        );
        assert_eq!(action_for(ModeKind::Normal, key(Down)), Some(Action::Down));
        assert_eq!(
            action_for(ModeKind::Normal, key(Char('k'))),
            Some(Action::Up)
        );
        assert_eq!(
            action_for(ModeKind::Normal, key(Char('h'))),
            Some(Action::Left)
        );
        assert_eq!(
            action_for(ModeKind::Normal, key(Right)),
            Some(Action::Right)
        );
        assert_eq!(
            action_for(ModeKind::Normal, key(Char('3'))),
            Some(Action::GoPane(Pane::Skills))
        );
        assert_eq!(
            action_for(ModeKind::Normal, key(BackTab)),
            Some(Action::PrevPane)
        );
        assert_eq!(
            action_for(ModeKind::Normal, key(Char(' '))),
            Some(Action::Toggle)
        );
        assert_eq!(
            action_for(ModeKind::Normal, key(Char('x'))),
            Some(Action::ToggleSkipped)
        );
        assert_eq!(action_for(ModeKind::Normal, key(Char('z'))), None);
    }

    #[test]
    fn ctrl_c_quits_ctrl_z_suspends_and_other_ctrl_keys_do_nothing() {
        let ctrl = |c| KeyEvent::new(Char(c), KeyModifiers::CONTROL);
        assert_eq!(action_for(ModeKind::Normal, ctrl('c')), Some(Action::Quit));
        assert_eq!(
            action_for(ModeKind::Normal, ctrl('z')),
            Some(Action::Suspend)
        );
        assert_eq!(edit_action_for(ctrl('z')), Some(Action::Suspend));
        assert_eq!(search_action_for(ctrl('z')), Some(Action::Suspend));
        assert_eq!(action_for(ModeKind::Normal, ctrl('j')), None);
    }

    #[test]
    fn editor_keys_insert_text_and_keep_ctrl_c() {
        assert_eq!(
            edit_action_for(key(Char('q'))),
            Some(Action::Edit(EditKey::Char('q')))
        );
        assert_eq!(
            edit_action_for(key(Char('提'))),
            Some(Action::Edit(EditKey::Char('提')))
        );
        assert_eq!(
            edit_action_for(key(Enter)),
            Some(Action::Edit(EditKey::Submit))
        );
        assert_eq!(
            edit_action_for(key(Esc)),
            Some(Action::Edit(EditKey::Cancel))
        );
        let ctrl = |c| KeyEvent::new(Char(c), KeyModifiers::CONTROL);
        assert_eq!(edit_action_for(ctrl('c')), Some(Action::Quit));
        assert_eq!(
            edit_action_for(ctrl('a')),
            Some(Action::Edit(EditKey::Home))
        );
    }

    #[test]
    fn every_binding_has_both_labels() {
        for b in BINDINGS {
            assert!(
                !b.label[0].is_empty() && !b.label[1].is_empty(),
                "{}",
                b.keys_label
            );
        }
    }
}
