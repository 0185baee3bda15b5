//! Issue 23: every role at every size, and a skill detail that scrolls.

use crate::common;

use career_core::model::Lang;
use career_explorer::tui::action::{Action, Pane};
use common::{bundled_app, draw, lines};
use ratatui::style::Modifier;

/// At 80x24 and wide, in both languages, selecting any role of pane 1 marks
/// it in the diagram: a spectrum role by its heavy box, any other by its name
/// drawn reversed among the "Also" rows (a "+N more" gives way to it).
#[test]
fn pane_1_draws_and_marks_every_selected_role() {
    for lang in [Lang::En, Lang::Zh] {
        for (w, h) in [(80, 24), (100, 30), (160, 45)] {
            let mut app = bundled_app(lang);
            let n = app.catalog.index.pane_role_count();
            let spectrum = app.catalog.index.spectrum.len();
            for slot in 0..n {
                app.update(Action::SelectRole(slot));
                let buf = draw(&mut app, w, h);
                let rows = lines(&buf);
                let end = rows
                    .iter()
                    .position(|r| {
                        r.replace(' ', "").contains(if lang == Lang::En {
                            "Twoworkflows"
                        } else {
                            "两种工作流程"
                        })
                    })
                    .expect("workflows box");
                let diagram = rows[..end].join("\n");
                if slot < spectrum {
                    assert!(
                        diagram.contains('┏'),
                        "{lang:?} {w}x{h} slot {slot}:\n{diagram}"
                    );
                    continue;
                }
                let i = app.catalog.index.pane_roles().nth(slot).unwrap();
                let name = app.catalog.roles[i].name.get(lang).to_string();
                let compact: String = diagram
                    .split('\n')
                    .map(|r| r.replace(' ', ""))
                    .collect::<Vec<_>>()
                    .join("\n");
                assert!(
                    compact.contains(&name.replace(' ', "")),
                    "{lang:?} {w}x{h}: {name} not drawn:\n{diagram}"
                );
                // Its cells are drawn reversed (selected).
                let (x, y) = app
                    .layout
                    .boundary
                    .roles
                    .iter()
                    .find(|(_, s)| *s == slot)
                    .map(|(r, _)| (r.x, r.y))
                    .expect("a clickable name");
                assert!(
                    buf[(x, y)].modifier.contains(Modifier::REVERSED),
                    "{lang:?} {w}x{h}: {name} not marked"
                );
            }
        }
    }
}

/// Pane 3's detail keeps every line: at 80x24 `J` scrolls S54's detail down to
/// its last line (its tools and pair), `K` back up; another skill starts at the top.
#[test]
fn pane_3_detail_scrolls_to_its_last_line() {
    for lang in [Lang::En, Lang::Zh] {
        let mut app = bundled_app(lang);
        app.update(Action::GoPane(Pane::Skills));
        let pos = (0..app.catalog.grouped_len())
            .find(|&p| {
                app.catalog
                    .skill_at(p)
                    .map(|(_, s)| app.catalog.skills[s].id.as_str())
                    == Some("S54")
            })
            .unwrap();
        for _ in 0..pos {
            draw(&mut app, 80, 24);
            app.update(Action::Down);
        }
        draw(&mut app, 80, 24);
        assert!(
            app.layout.skills.detail.max_scroll > 0,
            "S54's detail is longer than its box"
        );
        for _ in 0..20 {
            app.update(Action::DetailDown);
            draw(&mut app, 80, 24);
        }
        let text = lines(&draw(&mut app, 80, 24)).join("\n");
        assert!(text.contains("Codex"), "{text}");
        assert!(text.contains("S17"), "{text}");
        app.update(Action::DetailUp);
        assert!(app.skills.detail_scroll < app.layout.skills.detail.max_scroll);
        app.update(Action::Down);
        assert_eq!(app.skills.detail_scroll, 0);
    }
}

/// Pane 4: `+`, `-` and `r` say in the status line what they set.
#[test]
fn pane_4_profile_keys_say_what_they_set() {
    let mut app = bundled_app(Lang::En);
    app.update(Action::GoPane(Pane::Jobs));
    app.update(Action::YearsUp);
    assert_eq!(app.status.as_deref(), Some("years: 1"));
    app.update(Action::YearsDown);
    assert_eq!(app.status.as_deref(), Some("years: 0"));
    app.update(Action::YearsDown);
    assert_eq!(app.status.as_deref(), Some("years: not given"));
    for _ in 0..4 {
        app.update(Action::NextRole);
    }
    assert_eq!(
        app.status.as_deref(),
        Some("role: Full-stack Engineer (4/11)")
    );
    app.update(Action::ToggleLang);
    app.update(Action::YearsUp);
    assert_eq!(app.status.as_deref(), Some("年限：1"));
}
