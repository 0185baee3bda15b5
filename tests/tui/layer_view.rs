//! The `f` layer filter shows a view of the checklist's groups: index lists
//! into the one catalog, never a copy of it (issue 21, point 4).

use std::sync::Arc;

use career_core::model::{Lang, Layer, SkillGroups};
use career_core::store::loader::load_bundled;
use career_core::store::progress::Progress;
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::App;

#[test]
fn the_filter_keeps_the_one_catalog_and_its_indices() {
    let mut a = App::new(load_bundled().unwrap(), Progress::new(), Lang::En);
    let before = Arc::as_ptr(&a.catalog);
    a.update(Action::GoPane(Pane::Skills));
    for _ in 0..4 {
        a.update(Action::CycleLayer);
        // The same catalog: only the groups changed.
        assert_eq!(Arc::as_ptr(&a.catalog), before);
        let shown = &a.groups;
        for pos in 0..shown.len() {
            let (g, s) = shown.skill_at(pos).expect("a skill at every position");
            assert_eq!(shown.group_and_position(&a.catalog, s), Some((g, pos)));
            if let Some(layer) = shown.filter {
                assert_eq!(a.catalog.skills[s].layer, layer);
            }
        }
        assert_eq!(shown.skill_at(shown.len()), None);
    }
    assert_eq!(
        a.skills.layer, None,
        "four presses come back to every layer"
    );
}

#[test]
fn each_layer_shows_exactly_its_skills() {
    let c = load_bundled().unwrap();
    let all = SkillGroups::of(&c, None);
    assert_eq!(all.len(), c.skills.len());
    let mut sum = 0;
    for layer in Layer::ALL {
        let shown = SkillGroups::of(&c, Some(layer));
        let want = c.skills.iter().filter(|s| s.layer == layer).count();
        assert_eq!(shown.len(), want, "{layer:?}");
        assert!(shown.groups.iter().all(|g| !g.skills.is_empty()));
        assert!(shown.is_group_start(0) || shown.is_empty());
        sum += shown.len();
    }
    assert_eq!(sum, c.skills.len());
}
