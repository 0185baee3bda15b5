//! A one-line text field: the note editor and the search box share it.
//!
//! The editing is `tui-input`'s `Input` (no backend features): the cursor
//! moves and deletes by extended grapheme cluster (UAX #29), so a ZWJ emoji
//! or a letter with a combining mark is one step. What is shown and where the
//! cursor stands are measured with [`text::width`], the width layout uses.

use tui_input::{Input, InputRequest};
use unicode_segmentation::UnicodeSegmentation;
use unicode_truncate::UnicodeTruncateStr;

use crate::tui::action::EditKey;
use career_core::text;

#[derive(Debug, Clone, Default)]
pub struct TextField {
    input: Input,
}

impl PartialEq for TextField {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text() && self.input.cursor() == other.input.cursor()
    }
}

impl Eq for TextField {}

impl TextField {
    /// A field holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Self {
        TextField {
            input: Input::new(text.to_string()),
        }
    }

    /// What the field holds.
    pub fn text(&self) -> &str {
        self.input.value()
    }

    /// The text before the cursor (the cursor is always on a cluster boundary).
    pub fn before_cursor(&self) -> &str {
        let chars = self.input.cursor();
        let byte = self
            .text()
            .char_indices()
            .nth(chars)
            .map_or(self.text().len(), |(i, _)| i);
        &self.text()[..byte]
    }

    /// Applies an editing key: a printable char is inserted at the cursor;
    /// Left/Right/Backspace/Delete act on one grapheme cluster; Home/End go to
    /// the ends; the word and line keys act as readline's do (`tui-input`'s
    /// requests, which also keep what they delete for Yank). Submit and Cancel are the owner's to handle. Returns whether
    /// the text changed.
    pub fn edit(&mut self, key: EditKey) -> bool {
        let request = match key {
            // A full field takes no more: typed text has the paste's cap, so
            // a flood of keys costs the same per key however long it runs.
            EditKey::Char(_) if self.is_full() => return false,
            EditKey::Char(c) if !c.is_control() => InputRequest::InsertChar(c),
            EditKey::Backspace => InputRequest::DeletePrevChar,
            EditKey::Delete => InputRequest::DeleteNextChar,
            EditKey::Left => InputRequest::GoToPrevChar,
            EditKey::Right => InputRequest::GoToNextChar,
            EditKey::Home => InputRequest::GoToStart,
            EditKey::End => InputRequest::GoToEnd,
            EditKey::WordLeft => InputRequest::GoToPrevWord,
            // tui-input's next word is vi's `w` (the next word's start);
            // readline's Alt-F and Alt-D go to this word's end.
            EditKey::WordRight => InputRequest::SetCursor(self.word_end()),
            EditKey::DeleteWordForward => return self.delete_to(self.word_end()),
            EditKey::DeleteWordBack => InputRequest::DeletePrevWord,
            EditKey::DeleteToStart => InputRequest::DeleteFromStart,
            EditKey::DeleteToEnd => InputRequest::DeleteTillEnd,
            EditKey::Yank => InputRequest::Yank,
            _ => return false,
        };
        let changed = self
            .input
            .handle(request)
            .is_some_and(|changed| changed.value);
        // A combining mark after the cursor joins a character typed before
        // it into one cluster ("a" + U+0301): step to the cluster's end, so
        // the cursor never stands inside one.
        let at = self.before_cursor().len();
        if let Some(end) = self
            .text()
            .grapheme_indices(true)
            .map(|(i, g)| (i, i + g.len()))
            .find(|&(start, end)| start < at && at < end)
            .map(|(_, end)| end)
        {
            let chars = self.text()[..end].chars().count();
            self.input = std::mem::take(&mut self.input).with_cursor(chars);
        }
        changed
    }

    /// The cursor position (in chars) at the end of the word under or after
    /// the cursor, as readline's Alt-F finds it: past anything that is not
    /// a letter or digit, then past letters and digits.
    fn word_end(&self) -> usize {
        let at = self.input.cursor();
        let mut chars = self.text().chars().skip(at).peekable();
        let mut n = at;
        while chars.next_if(|c| !c.is_alphanumeric()).is_some() {
            n += 1;
        }
        while chars.next_if(|c| c.is_alphanumeric()).is_some() {
            n += 1;
        }
        n
    }

    /// Deletes from the cursor to char position `end`; returns whether
    /// anything went.
    fn delete_to(&mut self, end: usize) -> bool {
        let at = self.input.cursor();
        if end <= at {
            return false;
        }
        for _ in at..end {
            self.input.handle(InputRequest::DeleteNextChar);
        }
        true
    }

    /// Inserts `text` at the cursor as typed text (see [`clean_paste`] for
    /// what a paste becomes first). Returns whether the text changed.
    pub fn insert(&mut self, text: &str) -> bool {
        let mut changed = false;
        for c in text.chars() {
            changed |= self.edit(EditKey::Char(c));
        }
        changed
    }

    /// The part of the text to show in `width` columns and the cursor's column
    /// within it (0..`width`, so the cursor cell is inside the field). The
    /// text scrolls by whole clusters to keep the cursor in view; widths are
    /// [`text::width`] columns.
    pub fn view(&self, width: usize) -> (String, usize) {
        let before = self.before_cursor();
        let room = width.saturating_sub(1);
        // Walk back from the cursor while the clusters fit: one pass, so a
        // long field costs no more to draw than it has characters.
        let mut start = before.len();
        let mut cursor_col = 0;
        for (i, g) in before.grapheme_indices(true).rev() {
            let w = text::width(g);
            if cursor_col + w > room {
                break;
            }
            cursor_col += w;
            start = i;
        }
        let (shown, _) = self.text()[start..].unicode_truncate(width);
        (shown.to_string(), cursor_col)
    }
}

/// The most characters one paste inserts; the rest is cut, and the app says so.
pub const MAX_PASTE: usize = 4096;

/// The most characters a field holds, typed or pasted: the paste's cap.
pub const MAX_CHARS: usize = MAX_PASTE;

impl TextField {
    /// Whether the field holds [`MAX_CHARS`] characters: typing adds no more.
    pub fn is_full(&self) -> bool {
        self.text().chars().nth(MAX_CHARS - 1).is_some()
    }
}

/// A paste made fit for a one-line field: each line break (CR, LF or CRLF)
/// and tab becomes one space, other control characters are dropped, and the
/// result is cut at [`MAX_PASTE`] characters. Returns the text and whether
/// it was cut.
pub fn clean_paste(text: &str) -> (String, bool) {
    let mut out = String::new();
    let mut count = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                ' '
            }
            '\n' | '\t' => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        if count == MAX_PASTE {
            return (out, true);
        }
        out.push(c);
        count += 1;
    }
    (out, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A field holding `s` with the cursor after `clusters` grapheme clusters.
    fn field(s: &str, clusters: usize) -> TextField {
        let mut f = TextField::new(s);
        f.edit(EditKey::Home);
        for _ in 0..clusters {
            f.edit(EditKey::Right);
        }
        f
    }

    #[test]
    fn a_character_typed_before_a_combining_mark_leaves_the_cursor_after_the_cluster() {
        let mut f = TextField::new("\u{301}");
        f.edit(EditKey::Home);
        f.edit(EditKey::Char('a'));
        assert_eq!(f.text(), "a\u{301}");
        assert_eq!(f.before_cursor(), "a\u{301}");
    }

    #[test]
    fn editing_moves_by_character() {
        let mut f = TextField::new("ab");
        f.edit(EditKey::Left);
        assert!(f.edit(EditKey::Char('提')));
        assert_eq!((f.text(), f.before_cursor()), ("a提b", "a提"));
        assert!(f.edit(EditKey::Backspace));
        f.edit(EditKey::Home);
        assert!(f.edit(EditKey::Delete));
        assert_eq!(f.text(), "b");
        assert!(
            !f.edit(EditKey::Char('\u{1b}')),
            "control characters are not typed"
        );
        assert_eq!(f.text(), "b");
        f.edit(EditKey::End);
        assert!(!f.edit(EditKey::Right));
        assert_eq!(f.before_cursor(), "b");
    }

    #[test]
    fn the_cursor_steps_over_whole_clusters() {
        let scientist = "👩\u{200D}🔬";
        let mut f = TextField::new(&format!("a{scientist}e\u{301}b"));
        f.edit(EditKey::Left);
        assert_eq!(f.before_cursor(), format!("a{scientist}e\u{301}"));
        f.edit(EditKey::Left);
        assert_eq!(f.before_cursor(), format!("a{scientist}"));
        f.edit(EditKey::Left);
        assert_eq!(f.before_cursor(), "a");
        f.edit(EditKey::Delete);
        assert_eq!(f.text(), "ae\u{301}b", "Delete takes the whole emoji");
        f.edit(EditKey::End);
        f.edit(EditKey::Left);
        f.edit(EditKey::Backspace);
        assert_eq!(f.text(), "ab", "Backspace takes the letter with its accent");
        // The cursor column is the layout width of what precedes it.
        let f = field(&format!("{scientist}{scientist}提"), 2);
        assert_eq!(f.view(20), (format!("{scientist}{scientist}提"), 4));
        assert_eq!(text::width(f.before_cursor()), 4);
    }

    #[test]
    fn a_paste_becomes_one_line_of_text() {
        assert_eq!(clean_paste("line one\nx q"), ("line one x q".into(), false));
        assert_eq!(clean_paste("a\r\nb\rc\td"), ("a b c d".into(), false));
        assert_eq!(clean_paste("a\u{1b}[Ab"), ("a[Ab".into(), false));
        let long = "x".repeat(MAX_PASTE + 10);
        let (text, cut) = clean_paste(&long);
        assert_eq!((text.chars().count(), cut), (MAX_PASTE, true));
        let exact = "提".repeat(MAX_PASTE);
        assert_eq!(clean_paste(&exact), (exact.clone(), false));
        let mut f = TextField::new("ab");
        f.edit(EditKey::Left);
        assert!(f.insert("xy"));
        assert_eq!((f.text(), f.before_cursor()), ("axyb", "axy"));
    }

    #[test]
    fn view_keeps_the_cursor_visible() {
        assert_eq!(field("hello", 2).view(10), ("hello".into(), 2));
        let (shown, col) = field("abcdefghij", 10).view(5);
        assert_eq!((shown.as_str(), col), ("ghij", 4));
        assert_eq!(field("提示词", 3).view(10), ("提示词".into(), 6));
        let (shown, col) = field("提示词工程", 5).view(6);
        assert_eq!((shown.as_str(), col), ("工程", 4));
        for width in 0..8 {
            for at in 0..=5 {
                let (shown, col) = field("提示a词工程", at).view(width);
                assert!(text::width(&shown) <= width, "{shown} in {width}");
                assert!(col < width.max(1), "cursor {col} in {width}");
            }
        }
    }

    #[test]
    fn readline_keys_move_and_delete_by_word_and_line() {
        let mut f = TextField::new("learn rust today");
        f.edit(EditKey::WordLeft);
        assert_eq!(f.before_cursor(), "learn rust ");
        f.edit(EditKey::WordLeft);
        assert_eq!(f.before_cursor(), "learn ");
        f.edit(EditKey::WordRight);
        assert_eq!(f.before_cursor(), "learn rust");
        assert!(f.edit(EditKey::DeleteToEnd));
        assert_eq!(f.text(), "learn rust");
        assert!(f.edit(EditKey::DeleteWordBack));
        assert_eq!(f.text(), "learn ");
        // Kills in a row add up, as in readline: Ctrl-Y puts back both.
        assert!(f.edit(EditKey::Yank));
        assert_eq!(f.text(), "learn rust today");
        f.edit(EditKey::Left);
        assert!(f.edit(EditKey::DeleteToStart));
        assert_eq!((f.text(), f.before_cursor()), ("y", ""));
        let mut f = TextField::new("提示 词");
        f.edit(EditKey::Home);
        assert!(f.edit(EditKey::DeleteWordForward));
        assert_eq!(f.text(), " 词");
    }
}
