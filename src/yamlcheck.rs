//! The safety rules for a YAML file, checked before or while it is
//! deserialised. They refuse what our data never needs but an attacker could
//! use: anchors and aliases (one small file can expand to gigabytes), very
//! deep nesting, several documents in one file, duplicate keys, tab
//! indentation, control characters and empty files. Every refusal names the
//! line and column and says what to do instead.
//!
//! [`check`] walks a whole file's events (no values are built).
//! [`crate::yamlde`] applies the same rules, through [`prescan`] and
//! [`Checker`], while it deserialises, so a data file is read once.

use std::collections::HashSet;

use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::{Marker, ScanError};

/// Deeper nesting than this is refused (our files need about six levels).
pub const MAX_DEPTH: usize = 64;

/// A mapping with more keys than this checks for duplicates with a hash set;
/// below it, a scan of the keys so far is cheaper than hashing.
const SMALL_MAP: usize = 16;

/// What is wrong and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub line: usize,
    pub col: usize,
    pub message: String,
    /// A plain syntax error (not one of our refusals).
    pub syntax: bool,
}

fn refuse(line: usize, col: usize, message: impl Into<String>) -> Refusal {
    Refusal {
        line,
        col,
        message: message.into(),
        syntax: false,
    }
}

fn refuse_at(mark: Marker, message: impl Into<String>) -> Refusal {
    refuse(mark.line(), mark.col() + 1, message)
}

fn too_deep() -> String {
    format!("nested more than {MAX_DEPTH} levels deep: flatten the structure")
}

/// The parser's error as a refusal: running out of nesting is ours, anything
/// else is a syntax error.
pub fn scan_error(e: &ScanError) -> Refusal {
    let m = e.marker();
    if e.info().contains("recursion limit") {
        return refuse_at(*m, too_deep());
    }
    Refusal {
        syntax: true,
        ..refuse_at(*m, e.info())
    }
}

/// The rules that need no parser: an empty (or comment-only) file, a tab in
/// the indentation of any line, then a control character anywhere (the
/// characters YAML does not allow in a stream), in that order of precedence.
pub fn prescan(text: &str) -> Result<(), Refusal> {
    let mut rules = TextRules::new();
    rules.feed(text);
    rules.finish()
}

/// A character YAML does not allow in a stream: C0 and C1 controls but tab,
/// line feed, carriage return and NEL; DEL; U+FFFE and U+FFFF.
fn forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}'))
        || c == '\u{fffe}'
        || c == '\u{ffff}'
}

/// Where a line stands for the empty-file rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineStart {
    /// Only white space so far.
    Blank,
    /// A comment line.
    Comment,
    /// Something else: the file has content.
    Content,
}

/// [`prescan`]'s rules over a text given in pieces (each piece whole
/// characters), so a file can be checked as it is read.
#[derive(Debug, Clone)]
pub struct TextRules {
    line: usize,
    /// Characters so far in the current line.
    col: usize,
    in_indent: bool,
    start: LineStart,
    content: bool,
    tab: Option<(usize, usize)>,
    control: Option<(usize, usize)>,
}

impl Default for TextRules {
    fn default() -> Self {
        Self::new()
    }
}

impl TextRules {
    pub fn new() -> Self {
        TextRules {
            line: 1,
            col: 0,
            in_indent: true,
            start: LineStart::Blank,
            content: false,
            tab: None,
            control: None,
        }
    }

    /// 1-based line and column of the next character.
    pub fn position(&self) -> (usize, usize) {
        (self.line, self.col + 1)
    }

    /// Checks the next piece of the text.
    pub fn feed(&mut self, text: &str) {
        let mut rest = text;
        // Until the first line with content, character by character.
        while !self.content {
            let Some(c) = rest.chars().next() else {
                return;
            };
            rest = &rest[c.len_utf8()..];
            self.step(c);
        }
        self.scan(rest);
    }

    /// One character, keeping every piece of state.
    fn step(&mut self, c: char) {
        if c == '\n' {
            self.line += 1;
            self.col = 0;
            self.in_indent = true;
            self.start = LineStart::Blank;
            return;
        }
        let at = (self.line, self.col + 1);
        self.col += 1;
        if self.start == LineStart::Blank && !c.is_whitespace() {
            self.start = if c == '#' {
                LineStart::Comment
            } else {
                LineStart::Content
            };
            self.content |= self.start == LineStart::Content;
        }
        match c {
            ' ' => {}
            '\t' if self.in_indent => {
                self.tab.get_or_insert(at);
            }
            c if forbidden(c) => {
                self.control.get_or_insert(at);
                self.in_indent = false;
            }
            _ => self.in_indent = false,
        }
    }

    /// Once the file has content: only tabs and control characters matter,
    /// so the bytes are searched for them, and a position is worked out only
    /// for one that is found.
    fn scan(&mut self, text: &str) {
        let bytes = text.as_bytes();
        // Bytes that can start a tab, a carriage return or a forbidden
        // character (C0, DEL, C1 as 0xC2 0x80..0x9F, U+FFFE/F as 0xEF 0xBF ..).
        let suspect = |b: u8| (b < 0x20 && b != b'\n') || b == 0x7f || b == 0xc2 || b == 0xef;
        // Blocks without a suspect byte (nearly all) are passed over whole;
        // `fold` rather than `any` lets the compiler test a block at once.
        let next_suspect = |from: usize| {
            let mut start = from;
            for block in bytes[from..].chunks(32) {
                if block.iter().fold(false, |hit, &b| hit | suspect(b)) {
                    return block.iter().position(|&b| suspect(b)).map(|i| start + i);
                }
                start += block.len();
            }
            None
        };
        let mut from = 0;
        while let Some(at) = next_suspect(from) {
            let c = text[at..].chars().next().expect("a character boundary");
            from = at + c.len_utf8();
            let is_tab = c == '\t';
            if !(is_tab || forbidden(c)) || (is_tab && self.tab.is_some()) {
                continue;
            }
            if !is_tab && self.control.is_some() {
                continue;
            }
            // The line so far, and whether it is all indentation.
            let before = &text[..at];
            let (line, col, indent) = match before.rfind('\n') {
                Some(nl) => {
                    let head = &before[nl + 1..];
                    (
                        self.line + before.bytes().filter(|&b| b == b'\n').count(),
                        head.chars().count() + 1,
                        head.bytes().all(|b| b == b' ' || b == b'\t'),
                    )
                }
                None => (
                    self.line,
                    self.col + before.chars().count() + 1,
                    self.in_indent && before.bytes().all(|b| b == b' ' || b == b'\t'),
                ),
            };
            if is_tab {
                if indent {
                    self.tab = Some((line, col));
                }
            } else {
                self.control = Some((line, col));
            }
        }
        // Where the piece leaves the next one.
        match text.rfind('\n') {
            Some(nl) => {
                let tail = &text[nl + 1..];
                self.line += bytes.iter().filter(|&&b| b == b'\n').count();
                self.col = tail.chars().count();
                self.in_indent = tail.bytes().all(|b| b == b' ' || b == b'\t');
            }
            None => {
                self.col += text.chars().count();
                self.in_indent = self.in_indent && bytes.iter().all(|&b| b == b' ' || b == b'\t');
            }
        }
    }

    /// The first rule broken by the whole text, if any.
    pub fn finish(&self) -> Result<(), Refusal> {
        if !self.content {
            return Err(refuse(
                1,
                1,
                "the file is empty: it needs the top-level keys of its kind (see docs/DATA.md or the bundled data/)",
            ));
        }
        if let Some((line, col)) = self.tab {
            return Err(refuse(
                line,
                col,
                "a tab in the indentation: YAML indents with spaces only",
            ));
        }
        if let Some((line, col)) = self.control {
            return Err(refuse(line, col, "control characters are not allowed"));
        }
        Ok(())
    }
}

/// One open collection.
struct Frame {
    map: bool,
    /// In a mapping: the next node is a key.
    want_key: bool,
    /// This mapping's keys: `spans[spans_from..]`, text in `keys[keys_from..]`.
    spans_from: usize,
    keys_from: usize,
    /// The keys of a large mapping.
    big: Option<HashSet<Box<str>>>,
}

/// Applies the event rules one event at a time: anchors, aliases, nesting
/// deeper than [`MAX_DEPTH`], a second document, duplicate keys. The keys of
/// the open mappings are kept in one reused buffer, so a file of any size
/// costs no allocation per key.
#[derive(Default)]
pub struct Checker {
    frames: Vec<Frame>,
    documents: usize,
    keys: String,
    spans: Vec<(usize, usize)>,
}

impl Checker {
    pub fn new() -> Self {
        Self::default()
    }

    /// Checks the next event of the stream, at `mark`.
    pub fn event(&mut self, event: &Event, mark: Marker) -> Result<(), Refusal> {
        match event {
            Event::Scalar(_, _, anchor, _)
            | Event::SequenceStart(anchor, _)
            | Event::MappingStart(anchor, _)
                if *anchor != 0 =>
            {
                return Err(refuse_at(
                    mark,
                    "anchors (&name) are not allowed in data files: write each value out in full",
                ));
            }
            Event::DocumentStart => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(refuse_at(
                        mark,
                        "a second YAML document (---) in one file: keep one document per file",
                    ));
                }
            }
            Event::Alias(_) => {
                return Err(refuse_at(
                    mark,
                    "aliases (*name) are not allowed in data files: write the value out in full",
                ));
            }
            Event::Scalar(value, ..) => self.scalar(value, mark)?,
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if self.frames.len() >= MAX_DEPTH {
                    return Err(refuse_at(mark, too_deep()));
                }
                self.frames.push(Frame {
                    map: matches!(event, Event::MappingStart(..)),
                    want_key: true,
                    spans_from: self.spans.len(),
                    keys_from: self.keys.len(),
                    big: None,
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(f) = self.frames.pop() {
                    self.spans.truncate(f.spans_from);
                    self.keys.truncate(f.keys_from);
                }
                // The closed collection was a key or a value of its parent.
                self.flip();
            }
            _ => {}
        }
        Ok(())
    }

    /// Toggles key/value in the innermost mapping.
    fn flip(&mut self) {
        if let Some(f) = self.frames.last_mut()
            && f.map
        {
            f.want_key = !f.want_key;
        }
    }

    fn scalar(&mut self, value: &str, mark: Marker) -> Result<(), Refusal> {
        let Some(f) = self.frames.last_mut() else {
            return Ok(());
        };
        if !f.map {
            return Ok(());
        }
        f.want_key = !f.want_key;
        if f.want_key {
            // That was a value.
            return Ok(());
        }
        let duplicate = if let Some(set) = &mut f.big {
            !set.insert(value.into())
        } else {
            let mine = &self.spans[f.spans_from..];
            if mine.iter().any(|&(s, e)| &self.keys[s..e] == value) {
                true
            } else if mine.len() < SMALL_MAP {
                let start = self.keys.len();
                self.keys.push_str(value);
                self.spans.push((start, self.keys.len()));
                false
            } else {
                let mut set: HashSet<Box<str>> =
                    mine.iter().map(|&(s, e)| self.keys[s..e].into()).collect();
                set.insert(value.into());
                f.big = Some(set);
                false
            }
        };
        if duplicate {
            return Err(refuse_at(
                mark,
                format!("duplicate key `{value}`: each key may appear once in a mapping"),
            ));
        }
        Ok(())
    }
}

/// Checks a whole file: [`prescan`], then every event through a [`Checker`].
pub fn check(text: &str) -> Result<(), Refusal> {
    prescan(text)?;
    let mut parser = Parser::new_from_str(text);
    let mut checker = Checker::new();
    loop {
        let (event, mark) = parser.next_token().map_err(|e| scan_error(&e))?;
        if event == Event::StreamEnd {
            return Ok(());
        }
        checker.event(&event, mark)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> (usize, usize, String) {
        let r = check(text).unwrap_err();
        (r.line, r.col, r.message)
    }

    #[test]
    fn plain_data_passes() {
        assert_eq!(check("a: 1\nb:\n  - {c: 2, d: [x, y]}\n  - e: f\n"), Ok(()));
        assert_eq!(
            check("# comment\n---\nk: \"tab\\tinside is fine\"\n"),
            Ok(())
        );
    }

    #[test]
    fn aliases_and_anchors_are_refused_where_they_stand() {
        let (line, col, msg) = at("a: &x [1, 2]\nb: *x\n");
        assert_eq!((line, col), (1, 7), "at the anchored sequence");
        assert!(msg.contains("anchors"), "{msg}");
        let (line, _, msg) = at("a: [1]\nb:\n  - *y\n");
        assert_eq!(line, 3);
        assert!(msg.contains("aliases") || msg.contains("unknown"), "{msg}");
    }

    #[test]
    fn duplicate_keys_are_refused_at_the_second() {
        let (line, col, msg) = at("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n");
        assert_eq!((line, col), (5, 3));
        assert!(msg.contains("duplicate key `c`"), "{msg}");
        // The same key in two different mappings is fine.
        assert_eq!(check("- c: 1\n- c: 2\n"), Ok(()));
        assert_eq!(check("x: {c: 1}\ny: {c: 2}\n"), Ok(()));
        // A value equal to a key is not a key.
        assert_eq!(check("a: b\nb: a\n"), Ok(()));
        // Keys of a closed nested mapping do not leak into its parent.
        assert_eq!(check("a:\n  x: 1\n  y: 2\nx: 3\ny:\n  a: 1\n"), Ok(()));
    }

    #[test]
    fn duplicate_keys_in_a_large_mapping() {
        let mut y: String = (0..100).map(|i| format!("k{i}: {i}\n")).collect();
        assert_eq!(check(&y), Ok(()));
        y.push_str("k7: again\n");
        let (line, col, msg) = at(&y);
        assert_eq!((line, col), (101, 1));
        assert!(msg.contains("duplicate key `k7`"), "{msg}");
        // Nested under a large mapping, a small one starts afresh.
        let mut y: String = (0..40).map(|i| format!("k{i}: {i}\n")).collect();
        y.push_str("n:\n  k1: 1\n  k2: 2\n");
        assert_eq!(check(&y), Ok(()));
    }

    #[test]
    fn depth_documents_tabs_and_empty_files() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        let (line, col, msg) = at(&deep);
        assert_eq!((line, col), (1, MAX_DEPTH + 1));
        assert!(msg.contains("levels deep"), "{msg}");
        let (line, _, msg) = at("a: 1\n---\nb: 2\n");
        assert_eq!(line, 2);
        assert!(msg.contains("second YAML document"), "{msg}");
        let (line, col, msg) = at("a:\n\t- 1\n");
        assert_eq!((line, col), (2, 1));
        assert!(msg.contains("tab"), "{msg}");
        let (line, col, _) = at("a:\n  - 1\n  \t- 2\n");
        assert_eq!((line, col), (3, 3));
        assert!(at("").2.contains("empty"));
        assert!(at("# only a comment\n\n").2.contains("empty"));
    }

    #[test]
    fn tabs_after_the_indentation_are_fine() {
        assert_eq!(check("a: \t1\nb: [1,\t2]\n"), Ok(()));
        assert_eq!(check("a: 1\t# note\n"), Ok(()));
    }

    #[test]
    fn control_characters_are_refused_where_they_stand() {
        for (text, pos) in [
            ("a: \"x\u{1b}[2J\"\n", (1, 6)),
            ("a: 1\nb: x\u{7f}\n", (2, 5)),
            ("a: 1\nb: 提\u{0}\n", (2, 5)),
            ("a: \u{9b}1m\n", (1, 4)),
            ("a: x\u{fffe}\n", (1, 5)),
        ] {
            let (line, col, msg) = at(text);
            assert_eq!((line, col), pos, "{text:?}");
            assert_eq!(msg, "control characters are not allowed");
        }
        // NEL, bidi marks, BOM and CJK are characters YAML allows.
        assert_eq!(check("a: x\u{85}y\u{202e}z\u{feff}提\r\n"), Ok(()));
        // A tab in the indentation is reported first, wherever it is.
        let (line, _, msg) = at("a: \u{1b}\nb:\n\t- 1\n");
        assert_eq!(line, 3);
        assert!(msg.contains("tab"), "{msg}");
    }
}

#[cfg(test)]
mod text_rules_tests {
    use super::*;

    /// Every character through `step`: the rules at their plainest.
    fn slow(text: &str) -> Result<(), Refusal> {
        let mut rules = TextRules::new();
        for c in text.chars() {
            rules.step(c);
        }
        rules.finish()
    }

    /// The text in pieces of `size` bytes (cut back to character boundaries).
    fn in_pieces(text: &str, size: usize) -> Result<(), Refusal> {
        let mut rules = TextRules::new();
        let mut from = 0;
        while from < text.len() {
            let mut to = (from + size).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            rules.feed(&text[from..to]);
            from = to;
        }
        rules.finish()
    }

    #[test]
    fn pieces_and_characters_agree() {
        // A small generator of texts mixing the characters that matter.
        let atoms = [
            "a", " ", "\n", "\t", "# c", "\r", "提", "\u{1b}", "\u{7f}", "\u{85}", "\u{9b}",
            "\u{a0}", "\u{fffe}", "é", "k: v", "- ", "\u{3000}",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..3000 {
            let len = (next() % 40) as usize;
            let text: String = (0..len)
                .map(|_| atoms[(next() % atoms.len() as u64) as usize])
                .collect();
            let want = slow(&text);
            for size in [1, 2, 3, 7, 64] {
                assert_eq!(in_pieces(&text, size), want, "{text:?} in pieces of {size}");
            }
        }
    }
}
