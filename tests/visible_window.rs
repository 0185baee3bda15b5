//! Drawing touches only what is visible: the checklist of a catalog with
//! 100,000 skills is drawn with no more allocations than one with 1,000.
//! A counting allocator (this test binary only) measures the draw.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use career_core::model::Lang;
use career_core::store::loader::{bundled_texts, load_texts};
use career_core::store::progress::Progress;
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The bundled catalog with `n` skills: the 137 real ones (the posting
/// refers to them) and synthetic ones spread over the ten categories.
fn app_with_skills(n: usize) -> App {
    let texts = bundled_texts();
    let mut skills = texts[2].to_string();
    let cats = [
        "model_literacy",
        "prompting",
        "orchestration",
        "agents",
        "evals_data",
        "crossing_line",
        "product_stack",
        "data_infra",
        "staying_current",
        "delivery",
    ];
    for i in 137..n {
        skills.push_str(&format!(
            "  - id: X{i}\n    category: {}\n    name: {{en: \"Synthetic skill number {i} about vector search\", zh: \"合成技能 {i}\"}}\n    roles: [ai_engineer]\n",
            cats[i % cats.len()]
        ));
    }
    let catalog = load_texts([texts[0], texts[1], &skills, texts[3], texts[4]]).unwrap();
    assert_eq!(catalog.skills.len(), n.max(137));
    let mut a = App::new(catalog, Progress::new(), Lang::En);
    a.update(Action::Resize(100, 30));
    a.update(Action::GoPane(Pane::Skills));
    a.update(Action::PageDown);
    a
}

fn draw_allocs(a: &mut App) -> usize {
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    career_explorer::tui::draw(&mut t, a).unwrap();
    let before = ALLOCS.load(Ordering::Relaxed);
    career_explorer::tui::draw(&mut t, a).unwrap();
    ALLOCS.load(Ordering::Relaxed) - before
}

#[test]
fn the_checklist_draw_does_not_grow_with_the_catalog() {
    let small = draw_allocs(&mut app_with_skills(1_000));
    let large = draw_allocs(&mut app_with_skills(100_000));
    assert!(small > 0);
    // The same visible window: the same work, give or take a few strings.
    assert!(
        large <= small + small / 10,
        "allocations per draw: {small} with 1k skills, {large} with 100k"
    );
}
