//! Chinese line breaking as the user sees it: every pane and overlay drawn in
//! Chinese through ratatui's `TestBackend`, each buffer row read back, and the
//! kinsoku rules checked on what is on screen. Closing punctuation must not
//! begin a line and opening punctuation must not end one, in any column.

use crate::common::{bundled_app, draw, rows};
use career_core::model::Lang;
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::App;
use ratatui::buffer::Buffer;

/// Marks that must never begin a line (UAX #14 classes CL, EX, NS).
const NO_START: &[char] = &[
    '，', '。', '、', '；', '：', '！', '？', '）', '」', '』', '】', '》', '”',
];
/// Marks that must never end a line (UAX #14 class OP).
const NO_END: &[char] = &['（', '「', '『', '【', '《', '“'];

/// Box borders, bullets and markers the panes draw around the text: a token
/// is checked after these are taken off its ends.
const DECORATION: &[char] = &[
    '│', '┃', '║', '─', '━', '┌', '┐', '└', '┘', '┏', '┓', '┗', '┛', '├', '┤', '┬', '┴', '┼', '•',
    '✓', '✗', '·', '▸', '▾', '▶', '◀', '►', '○', '●', '◆', '◇', '≠', '=', '█', '░', '▲', '▼', '↑',
    '↓', '←', '→', '[', ']', '…',
];

fn app() -> App {
    bundled_app(Lang::Zh)
}

/// The kinsoku breaches on a screen, as "row N: reason: row text".
///
/// A row can hold several columns (the compare pane draws two side by side,
/// padded with spaces), so each whitespace-separated token is one possible
/// line start or end. No sentence in the data puts a space before a closing
/// mark or after an opening one, so a token starting with a closing mark is
/// a wrapped line starting with it, and likewise for opening marks at the end.
fn breaches(buf: &Buffer, no_start: &[char], no_end: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    for (y, row) in rows(buf).iter().enumerate() {
        let tokens = row
            .split(|c: char| c.is_whitespace() || "│┃║".contains(c))
            .map(|t| t.trim_matches(|c| DECORATION.contains(&c)))
            .filter(|t| !t.is_empty());
        for token in tokens {
            let first = token.chars().next().unwrap();
            let last = token.chars().next_back().unwrap();
            if no_start.contains(&first) {
                out.push(format!("row {y}: starts with {first}: {row}"));
            }
            if no_end.contains(&last) {
                out.push(format!("row {y}: ends with {last}: {row}"));
            }
        }
    }
    out
}

/// Every screen a user can reach without typing, as the actions that open
/// it: the five panes, pane 1 and pane 4 scrolled a page, and the help and
/// about overlays.
fn screens() -> Vec<(String, Vec<Action>)> {
    let mut out: Vec<(String, Vec<Action>)> = Pane::ALL
        .iter()
        .map(|&p| (format!("pane {}", p.index() + 1), vec![Action::GoPane(p)]))
        .collect();
    out.push(("pane 1, PageDown".into(), vec![Action::PageDown]));
    out.push((
        "pane 4, PageDown".into(),
        vec![Action::GoPane(Pane::Jobs), Action::PageDown],
    ));
    out.push(("help ?".into(), vec![Action::ToggleHelp]));
    out.push(("about i".into(), vec![Action::ToggleNotes]));
    out
}

/// The app after `actions`, drawn at `w`x`h`.
fn screen_after(actions: &[Action], w: u16, h: u16) -> Buffer {
    let mut a = app();
    for action in actions {
        a.update(action.clone());
    }
    draw(&mut a, w, h)
}

#[test]
fn no_pane_breaks_a_chinese_line_before_closing_or_after_opening_punctuation() {
    let mut failures = Vec::new();
    let mut rows_checked = 0;
    for (w, h) in [(80, 24), (100, 30), (60, 20)] {
        for (name, actions) in screens() {
            let buf = screen_after(&actions, w, h);
            rows_checked += rows(&buf).len();
            for b in breaches(&buf, NO_START, NO_END) {
                failures.push(format!("{name} at {w}x{h}, {b}"));
            }
        }
    }
    assert_eq!(rows_checked, 9 * (24 + 30 + 20));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The recorded failing case: "pane 1, `PageDown` once: the role detail (AI
/// Engineer) shows '…完全不训练模型也能做得很好' then '。' on a line of its
/// own; press 4, `PageDown` once: '…团队的公司之一' then '。'. At 60x20 pane 4
/// has lines starting '、`MySQL` 等关系型数据库…' and '、Node.js、Postgres。'; at
/// 80x24 pane 2 has rows starting with '）' and '。'."
#[test]
fn cjk_line_start_punctuation() {
    let cases = [
        ("pane 1, PageDown", 100, 30, vec![Action::PageDown]),
        (
            "pane 4, PageDown",
            100,
            30,
            vec![Action::GoPane(Pane::Jobs), Action::PageDown],
        ),
        ("pane 4", 60, 20, vec![Action::GoPane(Pane::Jobs)]),
        ("pane 2", 80, 24, vec![Action::GoPane(Pane::Compare)]),
    ];
    for (name, w, h, actions) in cases {
        let buf = screen_after(&actions, w, h);
        let found = breaches(&buf, NO_START, &[]);
        assert!(
            found.is_empty(),
            "{name} at {w}x{h}:\n{}\n\n{}",
            found.join("\n"),
            rows(&buf).join("\n")
        );
    }
}

#[test]
fn the_checker_sees_a_breach_in_a_column() {
    // Guards the test above against passing vacuously: a closing mark at the
    // start of the right-hand column, an opening one ending the left one.
    let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 30, 2));
    buf.set_string(0, 0, "│ • 模型（   。能力 │", ratatui::style::Style::new());
    buf.set_string(0, 1, "│ ✓ 模型能力很好。 │", ratatui::style::Style::new());
    let found = breaches(&buf, NO_START, NO_END);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("row 0: ends with （"), "{found:?}");
    assert!(found[1].starts_with("row 0: starts with 。"), "{found:?}");
}

/// `show` for every role and `compare` for every pair, in Chinese: no printed
/// line starts with a closing mark or ends with an opening one.
#[test]
fn show_and_compare_in_chinese_keep_the_kinsoku_rules() {
    use career_core::store::loader::load_bundled;
    use career_core::store::progress::Progress;
    use career_explorer::cli::commands;
    let c = load_bundled().expect("bundled data");
    let p = Progress::new();
    let mut outputs = Vec::new();
    for i in 0..c.roles.len() {
        outputs.push((
            format!("show {}", c.roles[i].id),
            commands::show(&c, i, &p, Lang::Zh, false, 80),
        ));
        for j in 0..c.roles.len() {
            if i != j {
                let name = format!("compare {} {}", c.roles[i].id, c.roles[j].id);
                outputs.push((name, commands::compare(&c, [i, j], &p, Lang::Zh, false, 80)));
            }
        }
    }
    let mut failures = Vec::new();
    for (name, out) in &outputs {
        let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 100, 1));
        for line in out.lines() {
            buf.reset();
            buf.set_string(0, 0, line, ratatui::style::Style::new());
            for b in breaches(&buf, NO_START, NO_END) {
                failures.push(format!("{name}: {b}"));
            }
        }
    }
    assert!(outputs.len() > 100);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every Chinese text of the data wrapped at every width from 20 to 120 (the
/// wrap both the panes and `show` use): each line fits, none starts with a
/// closing mark or ends with an opening one.
#[test]
fn every_chinese_text_wraps_by_the_kinsoku_rules_at_every_width() {
    let dir = crate::common::bundled_data();
    let mut texts = Vec::new();
    for name in career_core::store::loader::FILES {
        let yaml = std::fs::read_to_string(dir.join(name)).unwrap();
        for line in yaml.lines() {
            let Some(zh) = line.trim_start().strip_prefix("zh: ") else {
                continue;
            };
            let zh = zh.trim().trim_start_matches('{').trim_end_matches('}');
            if let Ok(s) = serde_yaml::from_str::<String>(zh) {
                texts.push(s);
            }
        }
    }
    assert!(texts.len() > 250, "{}", texts.len());
    let mut failures = Vec::new();
    for t in &texts {
        for width in 20..=120 {
            for line in career_core::text::wrap(t, width) {
                let w = career_core::text::width(&line);
                let first = line.chars().next();
                let last = line.chars().next_back();
                if w > width
                    || first.is_some_and(|c| NO_START.contains(&c))
                    || last.is_some_and(|c| NO_END.contains(&c))
                {
                    failures.push(format!("width {width}: {line:?} (of {t:?})"));
                }
            }
        }
    }
    failures.truncate(20);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
