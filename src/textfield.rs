//! A one-line text field: the note editor and the search box share it. The
//! text is kept as chars so the cursor moves by character, CJK included.

use crate::action::EditKey;
use crate::text;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    pub chars: Vec<char>,
    /// Cursor position, 0..=chars.len().
    pub cursor: usize,
}

impl TextField {
    /// A field holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let cursor = chars.len();
        TextField { chars, cursor }
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    /// Applies an editing key. Submit and Cancel are the owner's to handle.
    pub fn edit(&mut self, key: EditKey) {
        match key {
            EditKey::Char(c) if !c.is_control() => {
                self.chars.insert(self.cursor, c);
                self.cursor += 1;
            }
            EditKey::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                self.chars.remove(self.cursor);
            }
            EditKey::Delete if self.cursor < self.chars.len() => {
                self.chars.remove(self.cursor);
            }
            EditKey::Left => self.cursor = self.cursor.saturating_sub(1),
            EditKey::Right => self.cursor = (self.cursor + 1).min(self.chars.len()),
            EditKey::Home => self.cursor = 0,
            EditKey::End => self.cursor = self.chars.len(),
            _ => {}
        }
    }

    /// The part of the text to show in `width` columns, keeping the cursor in
    /// view, and the cursor's column within it.
    pub fn view(&self, width: usize) -> (String, usize) {
        let w = |cs: &[char]| cs.iter().map(|&c| char_width(c)).sum::<usize>();
        let mut start = 0;
        while start < self.cursor && w(&self.chars[start..self.cursor]) >= width.max(1) {
            start += 1;
        }
        let cursor_col = w(&self.chars[start..self.cursor]);
        let mut shown = String::new();
        let mut used = 0;
        for &ch in &self.chars[start..] {
            let cw = char_width(ch);
            if used + cw > width {
                break;
            }
            used += cw;
            shown.push(ch);
        }
        (shown, cursor_col)
    }
}

fn char_width(c: char) -> usize {
    text::width(c.encode_utf8(&mut [0; 4]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(s: &str, cursor: usize) -> TextField {
        TextField {
            chars: s.chars().collect(),
            cursor,
        }
    }

    #[test]
    fn editing_moves_by_character() {
        let mut f = TextField::new("ab");
        f.edit(EditKey::Left);
        f.edit(EditKey::Char('提'));
        assert_eq!((f.text().as_str(), f.cursor), ("a提b", 2));
        f.edit(EditKey::Backspace);
        f.edit(EditKey::Home);
        f.edit(EditKey::Delete);
        assert_eq!(f.text(), "b");
        f.edit(EditKey::Char('\u{1b}'));
        assert_eq!(f.text(), "b", "control characters are not typed");
        f.edit(EditKey::End);
        f.edit(EditKey::Right);
        assert_eq!(f.cursor, 1);
    }

    #[test]
    fn view_keeps_the_cursor_visible() {
        assert_eq!(field("hello", 2).view(10), ("hello".into(), 2));
        let (shown, col) = field("abcdefghij", 10).view(5);
        assert_eq!((shown.as_str(), col), ("ghij", 4));
        assert_eq!(field("提示词", 3).view(10), ("提示词".into(), 6));
        let (shown, col) = field("提示词工程", 5).view(6);
        assert!(text::width(&shown) <= 6 && col <= 6, "{shown} {col}");
    }
}
