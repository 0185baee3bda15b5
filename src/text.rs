//! Text helpers shared by the loader and the UI: sanitising untrusted strings
//! and measuring, wrapping and cutting them by display width (CJK is two columns).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Makes a string from a data file safe to put on a terminal.
///
/// Tabs become spaces and line breaks a single space (our texts are single
/// paragraphs); other C0/C1 controls and DEL become a visible U+FFFD; bidi
/// overrides and invisible characters are dropped, since they can reorder or
/// hide what the user reads. ZWJ/ZWNJ stay: emoji and some scripts need them.
pub fn sanitize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\t' => out.push_str("    "),
            '\n' | '\u{2028}' | '\u{2029}' => out.push(' '),
            '\r' => {}
            '\u{061C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => {}
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' => {}
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Display width in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` columns, ending with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Pads `s` with spaces to exactly `cols` columns (cutting it if longer).
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = truncate(s, cols);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// Wraps `s` into lines of at most `max` columns. Breaks at spaces where it
/// can; a run without spaces (Chinese, or a long word) breaks between characters.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_w = 0;
    for word in split_keep_cjk(s) {
        let word_w = width(word);
        if word == " " {
            if line_w > 0 && line_w < max {
                line.push(' ');
                line_w += 1;
            }
            continue;
        }
        if line_w + word_w > max && line_w > 0 {
            lines.push(line.trim_end().to_string());
            line.clear();
            line_w = 0;
        }
        if word_w > max {
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if line_w + cw > max {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0;
                }
                line.push(c);
                line_w += cw;
            }
        } else {
            line.push_str(word);
            line_w += word_w;
        }
    }
    if !line.trim_end().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Splits into words, single spaces, and single wide characters (so CJK text
/// can break between any two characters, as it should).
fn split_keep_cjk(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let wide = c.width().unwrap_or(0) > 1;
        if c == ' ' || wide {
            if let Some(st) = start.take() {
                parts.push(&s[st..i]);
            }
            parts.push(&s[i..i + c.len_utf8()]);
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        parts.push(&s[st..]);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_replaces_controls_and_drops_bidi() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\u{FFFD}[31mb");
        assert_eq!(sanitize("x\u{202E}y\u{200B}z"), "xyz");
        assert_eq!(sanitize("a\tb"), "a    b");
        assert_eq!(sanitize("a\nb\u{2028}c"), "a b c");
        assert_eq!(sanitize("\u{9b}2J\u{7f}"), "\u{FFFD}2J\u{FFFD}");
        assert_eq!(sanitize("👩\u{200D}💻"), "👩\u{200D}💻");
    }

    #[test]
    fn truncate_counts_wide_chars_as_two() {
        assert_eq!(truncate("机器学习工程师", 6), "机器…");
        assert_eq!(width(&truncate("机器学习工程师", 6)), 5);
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("abcd", 0), "");
    }

    #[test]
    fn wrap_breaks_latin_at_spaces_and_cjk_anywhere() {
        assert_eq!(
            wrap("the quick brown fox", 10),
            vec!["the quick", "brown fox"]
        );
        let zh = wrap("熟悉大模型能力并做成产品", 8);
        assert!(zh.iter().all(|l| width(l) <= 8), "{zh:?}");
        assert_eq!(zh.concat(), "熟悉大模型能力并做成产品");
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn pad_fills_to_exact_width() {
        assert_eq!(width(&pad("机器", 7)), 7);
        assert_eq!(pad("abcdef", 4), "abc…");
    }
}
