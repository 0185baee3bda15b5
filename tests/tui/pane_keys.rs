//! Issue 23 points 3 and 4: pane 4's Enter opens a skill in pane 3 and Esc
//! comes back; pane 4 lists every skill and names each posting in full; the
//! footer names pane 4's keys; pane 3's categories start at the top; pane
//! 1's role detail says who works its way and what its side produces.

use crate::common;

use career_core::model::Lang;
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::posting_rows::{JobRow, job_rows};
use common::{bundled_app, draw, lines};

/// The screen's rows with the spaces taken out, joined: Chinese and wrapped
/// text compare without the layout's padding.
fn compact(app: &mut career_explorer::tui::app::App, w: u16, h: u16) -> String {
    lines(&draw(app, w, h))
        .iter()
        .map(|r| r.replace(' ', ""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every line pane 4's posting box can show, scrolled from top to bottom.
fn whole_posting(app: &mut career_explorer::tui::app::App, w: u16, h: u16) -> String {
    let mut seen = String::new();
    app.jobs.scroll = 0;
    loop {
        seen.push_str(&compact(app, w, h));
        if app.jobs.scroll >= app.layout.jobs.max_scroll {
            return seen;
        }
        app.update(Action::PageDown);
    }
}

/// Enter on a skill row of pane 4 (a next skill, a gap skill) opens that
/// skill in pane 3, focused with its detail shown; Esc comes back to the
/// posting as it was. Enter on a requirement opens its first skill not done.
#[test]
fn pane_4_enter_opens_the_skill_in_pane_3_and_esc_comes_back() {
    for lang in [Lang::En, Lang::Zh] {
        let mut app = bundled_app(lang);
        app.update(Action::GoPane(Pane::Jobs));
        app.update(Action::NextRole);
        draw(&mut app, 80, 24);
        let rows = job_rows(&app);
        let first_skill_row = rows
            .iter()
            .position(|r| matches!(r, JobRow::Skill(_)))
            .expect("a next skill to learn");
        for _ in 0..first_skill_row {
            app.update(Action::Down);
            draw(&mut app, 80, 24);
        }
        let JobRow::Skill(s) = rows[first_skill_row] else {
            unreachable!()
        };
        let (selected, scroll, posting) = (app.jobs.selected, app.jobs.scroll, app.jobs.posting);
        app.update(Action::Open);
        assert_eq!(app.pane, Pane::Skills);
        assert_eq!(app.focused_skill(), Some(s));
        let id = app.catalog.skills[s].id.clone();
        let screen = compact(&mut app, 80, 24);
        assert!(screen.contains(&format!("┌{id}·")), "{screen}");
        assert!(app.status.as_deref().unwrap_or("").contains(&id));
        app.update(Action::Back);
        assert_eq!(app.pane, Pane::Jobs);
        assert_eq!(
            (app.jobs.selected, app.jobs.scroll, app.jobs.posting),
            (selected, scroll, posting)
        );
        // Esc in pane 3 without a jump does nothing.
        app.update(Action::GoPane(Pane::Skills));
        app.update(Action::Back);
        assert_eq!(app.pane, Pane::Skills);
        // The last row (a gap skill) and a requirement.
        app.update(Action::GoPane(Pane::Jobs));
        app.update(Action::End);
        let JobRow::Skill(last) = *job_rows(&app).last().unwrap() else {
            panic!("the gap's skills come last")
        };
        app.update(Action::Open);
        assert_eq!(app.focused_skill(), Some(last));
        app.update(Action::Back);
        app.update(Action::Home);
        app.update(Action::Open);
        let r = &app.catalog.postings[app.jobs.posting].requirements[0];
        assert_eq!(app.focused_skill(), r.skill_idx.first().copied());
    }
}

/// Pane 4 cuts no list: at 80x24 in both languages, every skill of the
/// role-to-job gap shows in the posting box and every skill covering a
/// requirement in the side box (which `J` scrolls), with no "… +N".
#[test]
fn pane_4_lists_every_skill() {
    for lang in [Lang::En, Lang::Zh] {
        let mut app = bundled_app(lang);
        app.update(Action::GoPane(Pane::Jobs));
        app.update(Action::NextRole);
        for p in 0..app.catalog.postings.len() {
            app.jobs.posting = p;
            app.jobs.selected = 0;
            let text = whole_posting(&mut app, 80, 24);
            assert!(!text.contains("…+"), "posting {p}:\n{text}");
            for row in job_rows(&app) {
                if let JobRow::Skill(s) = row {
                    let id = &app.catalog.skills[s].id;
                    assert!(text.contains(id.as_str()), "{id} of posting {p}");
                }
            }
            for (i, r) in app.catalog.postings[p]
                .requirements
                .clone()
                .iter()
                .enumerate()
            {
                app.jobs.selected = i;
                app.jobs.side_scroll = 0;
                let mut side = compact(&mut app, 80, 24);
                while app.jobs.side_scroll < app.layout.jobs.side.max_scroll {
                    app.update(Action::DetailDown);
                    side.push_str(&compact(&mut app, 80, 24));
                }
                assert!(!side.contains("…+"), "{}", r.id);
                for &s in &r.skill_idx {
                    let id = &app.catalog.skills[s].id;
                    assert!(side.contains(id.as_str()), "{id} of {}", r.id);
                }
            }
        }
    }
}

/// At 80 columns the posting box's first line names the posting in full
/// (company and title, wrapped), whatever the cut title bar shows.
#[test]
fn pane_4_names_every_posting_in_full_at_80_columns() {
    for lang in [Lang::En, Lang::Zh] {
        let mut app = bundled_app(lang);
        app.update(Action::GoPane(Pane::Jobs));
        for p in 0..app.catalog.postings.len() {
            app.jobs.posting = p;
            let posting = &app.catalog.postings[p];
            let name = format!("{}—{}", posting.company.get(lang), posting.title.get(lang))
                .replace(' ', "");
            // The box's rows below its title bar, joined without line breaks.
            let body: String = lines(&draw(&mut app, 80, 24))[2..8]
                .iter()
                .map(|r| r.replace([' ', '│'], ""))
                .collect();
            assert!(body.starts_with(&name), "{lang:?} {p}: {body}");
        }
    }
}

/// Pane 4's footer names its own keys at 80x24 in both languages: rows,
/// postings, Enter, years and role.
#[test]
fn pane_4_footer_names_its_keys() {
    for lang in [Lang::En, Lang::Zh] {
        let mut app = bundled_app(lang);
        app.update(Action::GoPane(Pane::Jobs));
        let footer = lines(&draw(&mut app, 80, 24))[23].clone();
        for key in ["↑/k ↓/j ", "←/h →/l ", "Enter ", "+/- ", " r ", "? "] {
            assert!(footer.contains(key), "{lang:?}: {key} in {footer}");
        }
    }
}

/// → in pane 3 puts the category reached at the top of the list, its
/// header first (USABILITY F23).
#[test]
fn pane_3_next_category_starts_at_the_top() {
    for lang in [Lang::En, Lang::Zh] {
        let mut app = bundled_app(lang);
        app.update(Action::GoPane(Pane::Skills));
        for _ in 0..2 {
            draw(&mut app, 80, 24);
            app.update(Action::Right);
        }
        let rows = lines(&draw(&mut app, 80, 24));
        assert!(rows[2].starts_with("│▾"), "{lang:?}: {}", rows[2]);
        let s = app.focused_skill().unwrap();
        assert!(rows[3].contains(app.catalog.skills[s].id.as_str()));
    }
}

/// Pane 1's role detail says what the role's side of the line produces and
/// who works the role's way (CONTENT-REVIEW-2 45 and 49).
#[test]
fn pane_1_detail_says_what_the_side_produces_and_who_works_this_way() {
    for lang in [Lang::En, Lang::Zh] {
        let mut app = bundled_app(lang);
        let b = app.catalog.boundary.clone();
        let mut seen = String::new();
        for _ in 0..40 {
            seen.push_str(&compact(&mut app, 160, 60));
            app.update(Action::Down);
        }
        for t in &b.consumers.produces {
            assert!(
                seen.contains(&t.get(lang).replace(' ', "")),
                "{}",
                t.get(lang)
            );
        }
        let ai = b
            .workflows
            .iter()
            .map(|w| w.who.get(lang).replace(' ', ""))
            .filter(|w| seen.contains(w.as_str()))
            .count();
        assert!(ai >= 1, "a workflow's who in the detail:\n{seen}");
    }
}

/// Pane 2 (USABILITY F15): the role headers point up and down (↑/↓ change
/// the role), a "│" parts the two value columns, the iteration rows are
/// named in full and the place on the spectrum says what it counts.
#[test]
fn pane_2_labels_and_columns_read_clearly() {
    for (w, h) in [(80, 24), (160, 45)] {
        let mut app = bundled_app(Lang::En);
        app.update(Action::GoPane(Pane::Compare));
        let rows = lines(&draw(&mut app, w, h));
        let text = rows.join("\n");
        assert!(text.contains("▲ ML Engineer ▼"), "{text}");
        assert!(!text.contains('◀'), "{text}");
        let summary = rows.iter().find(|r| r.contains("Summary")).unwrap();
        assert_eq!(summary.matches('│').count(), 4, "{summary}");
        assert!(text.contains("box 2 of 4 (pane 1)"), "{text}");
        let all = lines(&draw(&mut app, w, 120)).join("\n");
        assert!(all.contains("Iteration cost"), "{all}");
    }
}

/// The help overlay (USABILITY F24): "+/-" once (no "-" row under it), the
/// new pane-4 keys, and sections for the search overlay and the mouse.
#[test]
fn help_names_every_key_once_with_search_and_mouse() {
    for lang in [Lang::En, Lang::Zh] {
        let mut app = bundled_app(lang);
        draw(&mut app, 100, 30);
        let rows: Vec<String> = career_explorer::tui::ui::help::lines(&app, 100)
            .iter()
            .map(ToString::to_string)
            .collect();
        let keys = |k: &str| {
            rows.iter()
                .filter(|r| r.trim_start().starts_with(k))
                .count()
        };
        // Once per pane that binds it: pane 4's years and pane 5's hours.
        assert_eq!(keys("+/- "), 2, "{rows:#?}");
        assert_eq!(keys("- "), 0, "{rows:#?}");
        assert_eq!(keys("J/K "), 1, "{rows:#?}");
        assert!(rows.iter().any(|r| r.contains("Ctrl-p/n")), "{rows:#?}");
        let (search, mouse) = match lang {
            Lang::En => ("Search (/)", "Mouse"),
            Lang::Zh => ("搜索（/）", "鼠标"),
        };
        assert!(rows.iter().any(|r| r == search), "{rows:#?}");
        assert!(rows.iter().any(|r| r == mouse), "{rows:#?}");
        assert!(rows.iter().any(|r| r.trim_start().starts_with("Enter ")));
    }
}

/// Pane 1 names every role at 80x24 and wide, in both languages: no "+N
/// more" (USABILITY F13, CONTENT-REVIEW-2 49 and 52).
#[test]
fn pane_1_names_every_role_without_more() {
    for lang in [Lang::En, Lang::Zh] {
        for (w, h) in [(80, 24), (100, 30), (160, 45)] {
            let mut app = bundled_app(lang);
            let text = compact(&mut app, w, h);
            for n in 1..10 {
                let cut = [format!("+{n}more"), format!("另{n}个")];
                assert!(!cut.iter().any(|c| text.contains(c.as_str())), "{text}");
            }
            // The spectrum's boxes may wrap a name; the rows under them not.
            let spectrum = app.catalog.index.spectrum.len();
            for r in app
                .catalog
                .index
                .pane_roles()
                .skip(spectrum)
                .collect::<Vec<_>>()
            {
                let name = app.catalog.roles[r].name.get(lang).replace(' ', "");
                assert!(text.contains(&name), "{lang:?} {w}x{h}: {name}\n{text}");
            }
        }
    }
}

/// A requirement that names no skill says so in the side box, and how it
/// counts (an experience threshold against your years, or not mapped), in
/// both languages; the box is never an empty "0/0".
#[test]
fn a_requirement_with_no_skill_says_what_it_is_in_the_side_box() {
    use career_explorer::tui::ui::jobs::side_lines;
    for lang in [Lang::En, Lang::Zh] {
        let app = bundled_app(lang);
        let mut found = [false, false];
        for (p, posting) in app.catalog.postings.iter().enumerate() {
            for (q, r) in posting.requirements.iter().enumerate() {
                if !r.skill_idx.is_empty() {
                    continue;
                }
                let mut app = bundled_app(lang);
                app.update(Action::GoPane(Pane::Jobs));
                for _ in 0..p {
                    app.update(Action::Right);
                }
                for _ in 0..q {
                    app.update(Action::Down);
                }
                let (_, rows) = side_lines(&app, 60).unwrap();
                let text: String = rows.iter().map(ToString::to_string).collect();
                let (threshold, unmapped) = match lang {
                    Lang::En => ("experience threshold", "not mapped"),
                    Lang::Zh => ("经验门槛", "未对应任何技能"),
                };
                let want = if r.min_years.is_some() {
                    threshold
                } else {
                    unmapped
                };
                assert!(text.contains(want), "{} {}: {text}", posting.id, r.id);
                found[usize::from(r.min_years.is_some())] = true;
            }
        }
        assert_eq!(found, [true, true], "the bundled data has both kinds");
    }
}

/// USABILITY I6: pane 2 starts from the user's own role (the profile's)
/// against the AI Engineer; with no role, or the AI Engineer itself, it
/// keeps the ML Engineer on the left.
#[test]
fn compare_starts_from_the_users_own_role() {
    use career_core::store::progress::Progress;
    let c = common::bundled_catalog();
    let idx = |id: &str| c.role_index(id).unwrap();
    let ai = idx("ai_engineer");
    let with_role = |role: Option<&str>| {
        let mut p = Progress::new();
        p.profile.role = role.map(str::to_string);
        career_explorer::tui::app::App::new(c.clone(), p, Lang::En)
            .compare
            .roles
    };
    assert_eq!(
        with_role(Some("fullstack_engineer")),
        [idx("fullstack_engineer"), ai]
    );
    assert_eq!(with_role(Some("ai_engineer"))[1], ai);
    assert_ne!(with_role(Some("ai_engineer"))[0], ai);
    assert_eq!(with_role(None), with_role(Some("no_such_role")));
}

/// A years key while the progress file's `profile` section does not read
/// says where, in the language shown ("at line 3:3" / "第 3 行第 3 列"),
/// and changes nothing.
#[test]
fn a_profile_key_on_an_unreadable_profile_says_where_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.yaml");
    std::fs::write(&path, "version: 1\nprofile:\n  years: \"4\"\nskills: {}\n").unwrap();
    for (lang, want) in [(Lang::En, "at line 3:"), (Lang::Zh, "位置：第 3 行第")] {
        let progress = career_core::store::progress::load(&path).unwrap();
        assert!(progress.bad_profile().is_some());
        let mut app =
            career_explorer::tui::app::App::new(common::bundled_catalog(), progress, lang);
        app.update(Action::GoPane(Pane::Jobs));
        app.update(Action::YearsUp);
        let status = app.status.clone().unwrap_or_default();
        assert!(status.contains(want), "{status}");
        assert_eq!(app.progress.profile.years, None, "{status}");
    }
}
