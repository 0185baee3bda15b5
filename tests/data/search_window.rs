//! The span pre-filter of search (`holds_within`) leaves out only texts that
//! skim's alignment could not pass the span rule in: the results stay the
//! same while the long texts of hundreds of ads are skipped cheaply.

use career_core::search::{holds_within, skim};
use proptest::prelude::*;

/// Brute force: some run of at most `span` characters holds `q` in order.
fn any_window(text: &[char], q: &[char], span: usize) -> bool {
    (0..text.len()).any(|a| {
        let mut want = q.iter().peekable();
        for &c in text[a..].iter().take(span) {
            if want.peek() == Some(&&c) {
                want.next();
            }
        }
        want.peek().is_none()
    })
}

proptest! {
    #[test]
    fn agrees_with_a_brute_force_scan(text in "[abc ]{0,40}", q in "[abc]{1,5}") {
        let t: Vec<char> = text.chars().collect();
        let q: Vec<char> = q.chars().collect();
        let span = q.len() + q.len() / 2 + 2;
        prop_assert_eq!(holds_within(&text, &q, span), any_window(&t, &q, span));
    }

    #[test]
    fn never_drops_an_alignment_the_span_rule_keeps(text in "[a-e 检索]{0,60}", q in "[a-e检]{2,6}") {
        let chars: Vec<char> = q.chars().collect();
        let span = chars.len() + chars.len() / 2 + 2;
        if let Some((_, pos)) = skim(&text, &q, true)
            && let (Some(a), Some(b)) = (pos.first(), pos.last())
            && b - a < span
        {
            prop_assert!(holds_within(&text, &chars, span), "{text:?} {q:?} {pos:?}");
        }
    }
}
