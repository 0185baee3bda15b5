//! Pane 4 on data people may bring: no postings at all, a posting with no
//! requirements, a company name longer than the screen (issue 12 point 4).

use crate::common::{bundled_with, screen};
use career_core::model::Lang;
use career_core::store::progress::Progress;
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::App;

/// The bundled data with postings.yaml (index 3) replaced by `edit` of it.
fn app_with_postings(edit: impl Fn(&str) -> String, lang: Lang) -> App {
    let mut app = App::new(bundled_with(3, edit), Progress::new(), lang);
    app.update(Action::GoPane(Pane::Jobs));
    app
}

/// Case no-postings-blank-pane: `postings: []` loaded, and pane 4 was blank.
#[test]
fn no_postings_blank_pane() {
    for (lang, says, how) in [
        (Lang::En, "No job postings in this data.", "postings.yaml"),
        (Lang::Zh, "这份数据里没有招聘启事。", "postings.yaml"),
    ] {
        let mut a = app_with_postings(|_| "postings: []\n".into(), lang);
        for (w, h) in [(80, 24), (60, 20)] {
            let s = screen(&mut a, w, h);
            assert!(s.contains(says), "{s}");
            assert!(s.contains(how), "{s}");
        }
    }
    let mut a = app_with_postings(|_| "postings: []\n".into(), Lang::En);
    insta::assert_snapshot!("jobs-no-postings-en-80x24", screen(&mut a, 80, 24));
}

/// The same case's second half: a posting with no requirements showed
/// "match 0% · 0/0 covered", an empty section and a legend for nothing.
#[test]
fn a_posting_without_requirements_says_so() {
    let strip = |t: &str| {
        // Cut the requirements list down to nothing, keep the rest.
        let start = t.find("    requirements:").expect("requirements");
        let end = start + t[start..].find("    observations:").expect("observations");
        let mut out = t[..start].to_string();
        out.push_str("    requirements: []\n");
        out.push_str(&t[end..]);
        // And no emphasis among the responsibilities.
        out.replace("emphasis: true", "emphasis: false")
    };
    let mut a = app_with_postings(strip, Lang::En);
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("skill coverage —"), "{s}");
    assert!(!s.contains("0/0"), "{s}");
    assert!(s.contains("lists no requirements"), "{s}");
    assert!(!s.contains("emphasised in the source"), "{s}");
}

/// Case long-company-hides-match: a 500-character company name pushed the
/// match figure out of the title at 80x24. (Since issue 20 a company name
/// holds at most 200 characters: the longest one allowed.)
#[test]
fn long_company_hides_match() {
    let long = format!("Long{}", "x".repeat(196));
    for (lang, figure) in [
        (Lang::En, "skill coverage 0% · 0"),
        (Lang::Zh, "技能覆盖率 0% · 可匹配"),
    ] {
        let mut a = app_with_postings(
            |t| t.replacen("company: \"Notion\"", &format!("company: \"{long}\""), 1),
            lang,
        );
        for (w, h) in [(80, 24), (60, 20), (200, 60)] {
            let s = screen(&mut a, w, h);
            assert!(s.contains(figure), "{w}x{h}: {s}");
            // The met figure names its base, in full or short.
            assert!(
                s.contains("mappable") || s.contains("可匹配"),
                "{w}x{h}: {s}"
            );
            assert!(s.contains("Longxxx"), "{s}");
            assert!(s.contains('…'), "the company is cut, not the figure: {s}");
        }
    }
}

/// Moving to another posting opens it at its top (what the job does), not
/// scrolled down to its first requirement.
#[test]
fn another_posting_opens_at_its_top() {
    let mut a = app_with_postings(std::string::ToString::to_string, Lang::En);
    assert!(a.catalog.postings.len() > 1);
    for (w, h) in [(80, 24), (100, 30)] {
        screen(&mut a, w, h);
        a.update(Action::Right);
        let s = screen(&mut a, w, h);
        assert_eq!(a.jobs.scroll, 0, "{s}");
        assert!(s.contains("Responsibilities"), "{w}x{h}: {s}");
        a.update(Action::Left);
    }
}
