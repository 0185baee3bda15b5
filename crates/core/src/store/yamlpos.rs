//! Where things stand in a YAML text. `serde_yaml` gives a line and column
//! only with its own errors; a problem found after it read a file (a
//! duplicate id, an unknown state) is placed by finding the item in the text:
//! a declaration `id: X`, a word, a mapping key and its value.

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The starts of a text's lines, to place many offsets in it at the cost of
/// one pass over the text: [`line_col`] counts from the start every time,
/// which makes placing every entry of a large file quadratic.
pub struct LineIndex<'a> {
    src: &'a str,
    /// Byte offset of each line's first byte; the first is 0.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the lines of `src`.
    pub fn new(src: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { src, starts }
    }

    /// 1-based line and column (in characters) of a byte offset, as
    /// [`line_col`] gives them.
    pub fn at(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.src[start..offset].chars().count() + 1)
    }
}

/// Byte offset of `word` at or after `from`, standing alone (not inside a longer id).
pub fn find_word(src: &str, word: &str, from: usize) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut start = from.min(src.len());
    while !src.is_char_boundary(start) {
        start += 1;
    }
    while let Some(rel) = src.get(start..)?.find(word) {
        let at = start + rel;
        let before = src[..at].chars().next_back();
        let after = src[at + word.len()..].chars().next();
        if !before.is_some_and(is_word) && !after.is_some_and(is_word) {
            return Some(at);
        }
        start = at + word.len();
    }
    None
}

/// Byte offset of the value of the `nth` declaration `id: <id>` in `src`.
pub fn find_decl(src: &str, id: &str, nth: usize) -> Option<usize> {
    let mut found = 0;
    let mut from = 0;
    while let Some(at) = find_word(src, "id", from) {
        from = at + 2;
        let rest = &src[from..];
        let after_colon = rest.trim_start_matches([' ', '\t']);
        let Some(value) = after_colon.strip_prefix(':') else {
            continue;
        };
        let value = value.trim_start_matches([' ', '\t']);
        let quoted = value.strip_prefix(['"', '\'']);
        let unquoted = quoted.unwrap_or(value);
        if unquoted.starts_with(id)
            && !unquoted[id.len()..]
                .chars()
                .next()
                .is_some_and(|ch| ch.is_alphanumeric() || ch == '_')
        {
            if found == nth {
                return Some(src.len() - value.len());
            }
            found += 1;
        }
    }
    None
}

/// Byte offset of the first thing at or after `from` that is not blank, a
/// line break, a comment or a document start (`---`).
pub fn content_start(src: &str, from: usize) -> usize {
    let mut at = from.min(src.len());
    loop {
        let rest = &src[at..];
        let trimmed = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        at += rest.len() - trimmed.len();
        if trimmed.starts_with('#') {
            at += trimmed.find('\n').unwrap_or(trimmed.len());
        } else if trimmed.starts_with("---")
            && trimmed[3..].chars().next().is_none_or(char::is_whitespace)
        {
            at += 3;
        } else {
            return at;
        }
    }
}

/// Where `key` is written as a mapping key (plain or quoted, then `:`)
/// between byte offsets `from` and `to`, not in a comment: the offsets of
/// the key and of its value. With `line_start`, only a key at the start of a
/// line counts (a top-level key in block style).
pub fn find_key(
    src: &str,
    key: &str,
    from: usize,
    to: usize,
    line_start: bool,
) -> Option<(usize, usize)> {
    let to = to.min(src.len());
    let mut start = from;
    while let Some(at) = find_word(src, key, start).filter(|&at| at < to) {
        start = at + key.len();
        let line = &src[src[..at].rfind('\n').map_or(0, |i| i + 1)..at];
        let quote = line.chars().next_back().filter(|c| matches!(c, '"' | '\''));
        let before = &line[..line.len() - quote.map_or(0, char::len_utf8)];
        let lead = before.trim_end_matches([' ', '\t']);
        let in_comment = lead.trim_start().starts_with('#') || lead.contains(" #");
        let placed = if line_start {
            before.is_empty()
        } else {
            lead.is_empty() || lead.ends_with(['{', ',', '-', '?'])
        };
        let rest = &src[start..];
        let rest = match quote {
            Some(q) => match rest.strip_prefix(q) {
                Some(r) => r,
                None => continue,
            },
            None => rest,
        };
        let Some(value) = rest.trim_start_matches([' ', '\t']).strip_prefix(':') else {
            continue;
        };
        let separated =
            quote.is_some() || value.is_empty() || value.starts_with(char::is_whitespace);
        if placed && separated && !in_comment {
            return Some((
                at - quote.map_or(0, char::len_utf8),
                content_start(src, src.len() - value.len()),
            ));
        }
    }
    None
}

/// A `serde_yaml` error as (line and column, cause): the position taken out of
/// the message, or found from the byte offset some reader errors give
/// instead (with line and column 1:1).
pub fn serde_error(err: &serde_yaml::Error, text: &str) -> (Option<(usize, usize)>, String) {
    let mut message = err.to_string();
    let mut position = err.location().map(|l| (l.line(), l.column()));
    if let Some(i) = message.rfind(" at position ") {
        let offset = message[i + 13..].trim().parse::<usize>().ok();
        if let Some(offset) = offset.filter(|_| matches!(position, None | Some((1, 1)))) {
            position = Some(line_col(text, offset));
            message.truncate(i);
        }
    }
    if let Some((line, col)) = position {
        message = message.replacen(&format!(" at line {line} column {col}"), "", 1);
    }
    (position, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_index_places_offsets_as_line_col_does() {
        let text = "a: 1\n\nbé: [x,\n  提, y]\n";
        let lines = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(lines.at(offset), line_col(text, offset), "{offset}");
        }
    }

    #[test]
    fn find_decl_finds_nth_declaration() {
        let src = "a:\n  - id: foo\n  - {id: \"foo\", x: 1}\n  - id: foobar\n";
        assert_eq!(line_col(src, find_decl(src, "foo", 0).unwrap()), (2, 9));
        assert_eq!(line_col(src, find_decl(src, "foo", 1).unwrap()), (3, 10));
        assert!(find_decl(src, "foo", 2).is_none());
    }

    #[test]
    fn find_word_skips_longer_ids() {
        let src = "ai_engineer_x ai_engineer";
        assert_eq!(find_word(src, "ai_engineer", 0), Some(14));
    }

    #[test]
    fn find_key_finds_keys_not_words() {
        let src =
            "# S01: old\nskills:\n  S01:   # here\n    note: \"S01\"\n  'S02': {state: done}\n";
        let at = |k, from, top| {
            find_key(src, k, from, src.len(), top)
                .map(|(k, v)| (line_col(src, k), line_col(src, v)))
        };
        assert_eq!(at("S01", 0, false), Some(((3, 3), (4, 5))));
        assert_eq!(at("S02", 0, false), Some(((5, 3), (5, 10))));
        assert_eq!(at("state", 0, false), Some(((5, 11), (5, 18))));
        assert_eq!(at("skills", 0, true), Some(((2, 1), (3, 3))));
        assert_eq!(at("S01", 0, true), None);
        assert_eq!(content_start("\u{FEFF}", 0), 0);
        assert_eq!(line_col(src, content_start(src, 0)), (2, 1));
    }
}
