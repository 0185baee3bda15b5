//! Drawing touches only what is visible: the checklist of a catalog with
//! 100,000 skills is drawn with no more allocations than one with 1,000.
//! A counting allocator (this test binary only) measures the draw. It counts
//! per thread, so the other tests of the binary, running beside this one in
//! threads of their own, do not add to the count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use crate::common::bundled_with;
use career_core::model::Lang;
use career_core::store::progress::Progress;
use career_explorer::tui::action::{Action, Pane};
use career_explorer::tui::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

struct Counting;

thread_local! {
    // Const-initialised and without a destructor: reading it never allocates,
    // so the allocator may use it.
    static ALLOCS: Cell<usize> = const { Cell::new(0) };
}

/// The allocations made so far by this thread.
fn allocs() -> usize {
    ALLOCS.with(Cell::get)
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCS.try_with(|n| n.set(n.get() + 1));
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
    let catalog = bundled_with(2, |bundled| {
        let mut skills = bundled.to_string();
        for i in 137..n {
            skills.push_str(&format!(
                "  - id: X{i}\n    category: {}\n    name: {{en: \"Synthetic skill number {i} about vector search\", zh: \"合成技能 {i}\"}}\n    roles: [ai_engineer]\n",
                cats[i % cats.len()]
            ));
        }
        skills
    });
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
    let before = allocs();
    career_explorer::tui::draw(&mut t, a).unwrap();
    allocs() - before
}

#[test]
fn the_checklist_draw_does_not_grow_with_the_catalog() {
    // The colour and link switches stay as they are while it measures.
    let _switches = crate::SWITCHES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let small = draw_allocs(&mut app_with_skills(1_000));
    let large = draw_allocs(&mut app_with_skills(100_000));
    assert!(small > 0);
    // The same visible window: the same work, give or take a few strings.
    assert!(
        large <= small + small / 10,
        "allocations per draw: {small} with 1k skills, {large} with 100k"
    );
}
