//! The progress file may use anchors and aliases (`PyYAML` writes them for
//! repeated entries), but `serde_yaml` expands every alias: this pass over
//! yaml-rust2's events bounds what they would make before `serde_yaml` reads
//! the file. (Data files refuse anchors outright: [`crate::store::yamlcheck`].)

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};

use crate::i18n::Msg;
use crate::store::yamlcheck::{Refusal, refuse_at};

/// The bound on anchors and aliases for a file that may use them (the
/// progress file): `serde_yaml` expands every alias, so the values the aliases
/// would make are counted first, and a file where they exceed `max` is
/// refused at the alias that crosses it, as is an alias inside its own
/// anchor and a second document (`serde_yaml` refuses that without a
/// position). A syntax error is left to `serde_yaml` (`syntax` is set).
pub fn bound_aliases(text: &str, max: usize) -> Result<(), Refusal> {
    let mut parser = Parser::new_from_str(text);
    // Values made by each finished anchor, and per open collection its
    // anchor and the values in it so far.
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    let mut open: Vec<(usize, usize)> = Vec::new();
    let (mut expanded, mut documents) = (0usize, 0);
    loop {
        let (event, mark) = parser.next_token().map_err(|e| Refusal {
            syntax: true,
            ..refuse_at(*e.marker(), Msg::reader(e.info()))
        })?;
        let (made, anchor) = match event {
            Event::StreamEnd => return Ok(()),
            Event::DocumentStart => {
                documents += 1;
                if documents > 1 {
                    return Err(refuse_at(mark, Msg::new("progress_second_doc")));
                }
                continue;
            }
            Event::Scalar(_, _, anchor, _) => (1, anchor),
            Event::Alias(id) => {
                let Some(&size) = sizes.get(&id) else {
                    return Err(refuse_at(mark, Msg::new("alias_in_anchor")));
                };
                expanded = expanded.saturating_add(size);
                if expanded > max {
                    return Err(refuse_at(mark, Msg::new("alias_expand").text("max", max)));
                }
                (size, 0)
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                open.push((anchor, 1));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (anchor, made) = open.pop().expect("the parser balances collections");
                (made, anchor)
            }
            _ => continue,
        };
        if anchor != 0 {
            sizes.insert(anchor, made);
        }
        if let Some(parent) = open.last_mut() {
            parent.1 = parent.1.saturating_add(made);
        }
    }
}
