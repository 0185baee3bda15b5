//! Case crowded-spectrum-unreadable: with all ten left and right roles on the
//! spectrum, at 80 columns the boxes are a few cells wide and names were cut
//! into fragments ("ML/Res", "Res/ear", "Fullst/ack"). A box shows whole
//! words, or a word cut with "…", never a piece of a word as if it were one.

use std::collections::HashSet;

use crate::common::{bundled_with, draw, lines};
use career_core::model::Lang;
use career_core::store::progress::Progress;
use career_explorer::tui::app::App;

const TEN: &str = "spectrum: [ml_researcher, ml_engineer, research_engineer, data_scientist, \
                   llm_training_engineer, mlops_engineer, ai_engineer, fullstack_engineer, \
                   prompt_engineer, product_manager]";

/// The short forms crowded boxes show: aliases and initials.
const SHORT: [&str; 10] = [
    "MLR", "MLE", "RE", "DS", "LTE", "ME", "AIE", "FE", "PE", "PM",
];

fn crowded(lang: Lang) -> App {
    let catalog = bundled_with(0, |boundary| {
        let ten = boundary.replacen(
            "spectrum: [ml_researcher, ml_engineer, ai_engineer, fullstack_engineer]",
            TEN,
            1,
        );
        assert!(ten.contains("prompt_engineer, product_manager]"));
        ten
    });
    App::new(catalog, Progress::new(), lang)
}

/// The text of every role box on screen: the runs between two box borders
/// on the rows of the diagram that hold names.
fn box_texts(screen: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for row in screen.iter().take(8) {
        for cell in row.split(['│', '┃']) {
            let t = cell.trim();
            if !t.is_empty() && !t.contains(['─', '━', '┌', '┐', '└', '┘', '┏', '┓', '┗', '┛'])
            {
                out.push(t.to_string());
            }
        }
    }
    out
}

fn screen(app: &mut App, w: u16, h: u16) -> Vec<String> {
    lines(&draw(app, w, h))
}

#[test]
fn crowded_spectrum_unreadable() {
    let app = crowded(Lang::En);
    let words: HashSet<String> = app
        .catalog
        .index
        .spectrum
        .iter()
        .flat_map(|&r| app.catalog.roles[r].name.en.split_whitespace())
        .map(str::to_string)
        // A crowded box shows the role's short alias or initials (issue 20).
        .chain(SHORT.iter().map(std::string::ToString::to_string))
        .collect();
    for (w, h) in [(80, 24), (100, 30), (60, 20)] {
        let mut app = crowded(Lang::En);
        let s = screen(&mut app, w, h);
        let texts = box_texts(&s);
        let mut names_seen = 0;
        for t in &texts {
            for token in t.split_whitespace() {
                let whole = words.contains(token);
                let cut = token
                    .strip_suffix('…')
                    .is_some_and(|p| !p.is_empty() && words.iter().any(|w| w.starts_with(p)));
                if whole || cut {
                    names_seen += 1;
                } else if words.iter().any(|w| w.contains(token) && w != token) {
                    panic!("{w}x{h}: a fragment {token:?} in a box:\n{}", s.join("\n"));
                }
            }
        }
        // At the smallest size (60 columns) six boxes share 25 columns: a
        // box may show only "…" there, but never a fragment.
        if w >= 80 {
            assert!(
                names_seen >= 10,
                "{w}x{h}: the ten boxes show names:\n{}",
                s.join("\n")
            );
        }
    }
}
