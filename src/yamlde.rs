//! A serde `Deserializer` that reads YAML in one streaming pass: the bytes
//! are decoded a buffer at a time as yaml-rust2's parser asks for characters,
//! its events are pulled one at a time and each goes straight into the type
//! being built. Nothing but the typed values is held: no event list, no YAML
//! tree, and (from a file) not even the text. Every character and event goes
//! through the safety rules of [`crate::yamlcheck`] on the way, so a file is
//! refused at the same place, with the same message, as a separate check
//! would refuse it.
//!
//! Scalars resolve as serde_yaml resolves them (the YAML 1.2 core schema):
//! a plain `~`, `null`, `Null`, `NULL` or nothing is null, `true`/`false`
//! (also capitalised or upper case) a boolean, decimal, `0x`, `0o` and `0b`
//! integers, floats with `.inf` and `.nan`; a quoted or block scalar is
//! always a string, and a string field takes any scalar as written. Errors
//! carry serde's own wording (`unknown field`, `missing field`, `invalid
//! type`, ...), the path to the value (`roles[0].name`) and its line and
//! column.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::fmt::{self, Display};
use std::io::Read;
use std::rc::Rc;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Expected, IgnoredAny, IntoDeserializer, Unexpected,
    Visitor,
};
use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::{Marker, ScanError, TScalarStyle};

use crate::yamlcheck::{self, Checker, Refusal, TextRules};

// ---------- errors ----------

/// What kind of problem stopped the read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The YAML is well formed but does not fit the type (serde's messages).
    Data,
    /// One of the safety rules of [`crate::yamlcheck`].
    Refused,
    /// The YAML does not parse (yaml-rust2's message).
    Syntax,
    /// The bytes are not UTF-8, or could not be read.
    Input,
}

/// Why a file could not be read, and where.
#[derive(Debug)]
pub struct Error(Box<ErrorImpl>);

#[derive(Debug)]
struct ErrorImpl {
    kind: ErrorKind,
    message: String,
    /// 1-based line and column.
    position: Option<(usize, usize)>,
    /// The event the error was raised at, until `position` is worked out.
    mark: Option<Mark>,
    /// Where in the document, as `roles[0].name`; `None` at the top.
    path: Option<String>,
}

impl Error {
    fn new(kind: ErrorKind, message: String, position: Option<(usize, usize)>) -> Self {
        Error(Box::new(ErrorImpl {
            kind,
            message,
            position,
            mark: None,
            path: None,
        }))
    }

    fn refusal(r: Refusal) -> Self {
        let kind = if r.syntax {
            ErrorKind::Syntax
        } else {
            ErrorKind::Refused
        };
        Self::new(kind, r.message, Some((r.line, r.col)))
    }

    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// 1-based line and column, when known. An error read from a stream
    /// ([`from_reader`]) may place a node a little late (an empty value at
    /// the next line, a block scalar at its text); [`Error::resolve`] with the
    /// text read again places it exactly. [`from_str`] does that itself.
    pub fn position(&self) -> Option<(usize, usize)> {
        self.0
            .position
            .or_else(|| self.0.mark.map(|m| (m.at.line(), m.at.col() + 1)))
    }

    /// Places the error exactly in `text`, the text it was read from.
    pub fn resolve(&mut self, text: &str) {
        if let (None, Some(mark)) = (self.0.position, self.0.mark) {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            self.0.position = Some(mark.resolve(text));
        }
    }

    /// The message with the path in front (`roles[0]: missing field `name``),
    /// without the position.
    pub fn message(&self) -> String {
        match &self.0.path {
            Some(path) => format!("{path}: {}", self.0.message),
            None => self.0.message.clone(),
        }
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())?;
        if let Some((line, col)) = self.position() {
            write!(f, " at line {line} column {col}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Self::new(ErrorKind::Data, msg.to_string(), None)
    }
}

type Result<T, E = Error> = std::result::Result<T, E>;

/// Gives a data error raised at a value its place and path, unless it
/// already has them (it was raised deeper down).
fn fix(mut err: Error, mark: Mark, path: &Path) -> Error {
    if err.0.kind == ErrorKind::Data && err.0.position.is_none() && err.0.mark.is_none() {
        err.0.mark = Some(mark);
        if !matches!(path, Path::Root) {
            err.0.path = Some(path.to_string());
        }
    }
    err
}

// ---------- where a node starts ----------

/// An event's place: yaml-rust2's marker, and what to correct in it.
#[derive(Debug, Clone, Copy)]
struct Mark {
    at: Marker,
    hint: Hint,
}

/// yaml-rust2 places some nodes later than libyaml (and a reader) would:
/// an empty value at the next token, a block scalar at its first line of
/// text, a tagged node after its tag. Worked out from the text only when an
/// error is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    Exact,
    /// An empty plain scalar: just after the `:` or `-` before it.
    Empty,
    /// A `|` or `>` scalar: at its indicator (or the tag before it).
    Block,
    /// A tagged node: at its tag.
    Tagged,
}

impl Mark {
    fn of(event: &Event, at: Marker) -> Self {
        let hint = match event {
            Event::Scalar(_, TScalarStyle::Literal | TScalarStyle::Folded, ..) => Hint::Block,
            Event::Scalar(_, _, _, Some(_))
            | Event::SequenceStart(_, Some(_))
            | Event::MappingStart(_, Some(_)) => Hint::Tagged,
            Event::Scalar(v, TScalarStyle::Plain, 0, None) if v.is_empty() => Hint::Empty,
            _ => Hint::Exact,
        };
        Mark { at, hint }
    }

    /// 1-based line and column in `text`.
    fn resolve(self, text: &str) -> (usize, usize) {
        let exact = (self.at.line(), self.at.col() + 1);
        if self.hint == Hint::Exact {
            return exact;
        }
        // The byte offset of the marker: its line, then its column in chars
        // (past the end of the text, at a last line without a line break).
        let at = nth_line_start(text, self.at.line()).and_then(|start| {
            let rest = &text[start..];
            let col = rest
                .char_indices()
                .map(|(i, _)| i)
                .chain([rest.len()])
                .nth(self.at.col())?;
            Some((start + col, self.at.line()))
        });
        let (mut end, mut line) = at.unwrap_or((text.len(), text.matches('\n').count() + 1));
        // Walk back over blank and comment-only text to the last token.
        loop {
            let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
            let code = strip_comment(&text[start..end]).trim_end();
            if !code.is_empty() {
                return place(code, self.hint).map_or(exact, |col| (line, col));
            }
            if start == 0 {
                return exact;
            }
            end = start - 1;
            line -= 1;
        }
    }
}

/// Byte offset where 1-based line `line` starts.
fn nth_line_start(text: &str, line: usize) -> Option<usize> {
    if line <= 1 {
        return Some(0);
    }
    text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)
}

/// A line without its comment (a `#` at its start or after a blank).
fn strip_comment(line: &str) -> &str {
    let b = line.as_bytes();
    match (0..b.len()).find(|&i| b[i] == b'#' && (i == 0 || b[i - 1] == b' ' || b[i - 1] == b'\t'))
    {
        Some(i) => &line[..i],
        None => line,
    }
}

/// The 1-based column, in `code` (a line up to the node), where the node
/// really starts.
fn place(code: &str, hint: Hint) -> Option<usize> {
    let col = |byte: usize| code[..byte].chars().count() + 1;
    // The start of the last blank-separated word, and of the one before.
    let word_start = |s: &str| s.rfind([' ', '\t']).map_or(0, |i| i + 1);
    match hint {
        Hint::Empty => {
            let last = code.chars().next_back()?;
            let before = code[..code.len() - last.len_utf8()].chars().next_back();
            let lone = before.is_none_or(|c| c == ' ' || c == '\t');
            // Just after the indicator.
            (last == ':' || (last == '-' || last == '?') && lone).then(|| col(code.len()))
        }
        Hint::Block | Hint::Tagged => {
            let mut at = word_start(code);
            if hint == Hint::Block && !code[at..].starts_with(['|', '>']) {
                return None;
            }
            // A tag in front of the indicator is where the node starts.
            let head = code[..at].trim_end();
            let prev = word_start(head);
            if hint == Hint::Block && head[prev..].starts_with('!') {
                at = prev;
            }
            (hint == Hint::Block || code[at..].starts_with('!')).then(|| col(at))
        }
        Hint::Exact => None,
    }
}

// ---------- the path to a value, for messages ----------

#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Seq { parent: &'p Path<'p>, index: usize },
    Map { parent: &'p Path<'p>, key: &'p str },
    Unknown { parent: &'p Path<'p> },
}

impl Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Parent<'a>(&'a Path<'a>);
        impl Display for Parent<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self.0 {
                    Path::Root => Ok(()),
                    path => write!(f, "{path}."),
                }
            }
        }
        match self {
            Path::Root => f.write_str("."),
            Path::Seq { parent, index } => write!(f, "{parent}[{index}]"),
            Path::Map { parent, key } => write!(f, "{}{key}", Parent(parent)),
            Path::Unknown { parent } => write!(f, "{}?", Parent(parent)),
        }
    }
}

// ---------- the event stream ----------

/// The bytes being read: decoded a buffer at a time as the parser asks for
/// characters, and checked by [`TextRules`] on the way. Shared between the
/// parser's [`Chars`] and the [`Stream`], which asks how reading went.
struct Input<'a> {
    inner: Box<dyn Read + 'a>,
    /// Bytes read but not yet decoded (at most an incomplete character).
    raw: Vec<u8>,
    rules: TextRules,
    started: bool,
    eof: bool,
    failure: Option<Error>,
}

const CHUNK: usize = 64 * 1024;

impl<'a> Input<'a> {
    fn new(inner: Box<dyn Read + 'a>) -> Self {
        Input {
            inner,
            raw: Vec::new(),
            rules: TextRules::new(),
            started: false,
            eof: false,
            failure: None,
        }
    }

    /// Reads and decodes the next buffer into `out`; false at the end (or a
    /// failure).
    fn next_chunk(&mut self, out: &mut String) -> bool {
        out.clear();
        loop {
            if self.eof || self.failure.is_some() {
                return false;
            }
            let have = self.raw.len();
            self.raw.resize(have + CHUNK, 0);
            let n = match self.inner.read(&mut self.raw[have..]) {
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => 0,
                Err(e) => {
                    self.raw.truncate(have);
                    self.failure = Some(Error::new(
                        ErrorKind::Input,
                        format!("cannot read: {e}"),
                        None,
                    ));
                    return false;
                }
            };
            self.raw.truncate(have + n);
            self.eof = n == 0;
            let (valid, bad) = match std::str::from_utf8(&self.raw) {
                Ok(_) => (self.raw.len(), false),
                // An incomplete character at the end waits for more bytes.
                Err(e) => (e.valid_up_to(), e.error_len().is_some() || self.eof),
            };
            let mut piece = std::str::from_utf8(&self.raw[..valid]).expect("checked");
            if !self.started && !piece.is_empty() {
                self.started = true;
                // A byte-order mark is not content (libyaml skips it too).
                piece = piece.strip_prefix('\u{feff}').unwrap_or(piece);
            }
            self.rules.feed(piece);
            out.push_str(piece);
            self.raw.drain(..valid);
            if bad {
                let (line, col) = self.rules.position();
                self.failure = Some(Error::new(
                    ErrorKind::Input,
                    "invalid UTF-8: save the file as UTF-8".into(),
                    Some((line, col)),
                ));
            }
            if !out.is_empty() {
                return true;
            }
        }
    }

    /// Reads the rest, for the text rules, once the parser has stopped.
    fn finish(&mut self) {
        let mut scratch = String::new();
        while self.next_chunk(&mut scratch) {}
    }
}

/// The characters of an [`Input`], for the parser, from a buffer of its own.
struct Chars<'a> {
    input: Rc<RefCell<Input<'a>>>,
    buf: String,
    pos: usize,
}

impl Iterator for Chars<'_> {
    type Item = char;

    #[inline]
    fn next(&mut self) -> Option<char> {
        if self.pos >= self.buf.len() {
            if !self.input.borrow_mut().next_chunk(&mut self.buf) {
                return None;
            }
            self.pos = 0;
        }
        let b = self.buf.as_bytes()[self.pos];
        if b < 0x80 {
            self.pos += 1;
            return Some(char::from(b));
        }
        let c = self.buf[self.pos..].chars().next()?;
        self.pos += c.len_utf8();
        Some(c)
    }
}

/// The parser, one event of look-ahead, and the safety rules.
struct Stream<'a> {
    input: Rc<RefCell<Input<'a>>>,
    parser: Parser<Chars<'a>>,
    /// The parser's next event, read early to place a block mapping (see `pull`).
    raw: Option<Result<(Event, Marker), ScanError>>,
    /// Events pulled (and checked) but not yet used.
    ahead: VecDeque<(Event, Mark)>,
    /// An error met while looking ahead, for when the events before it are used.
    pending: Option<Error>,
    checker: Checker,
}

impl<'a> Stream<'a> {
    fn new(inner: Box<dyn Read + 'a>) -> Self {
        let input = Rc::new(RefCell::new(Input::new(inner)));
        Stream {
            parser: Parser::new(Chars {
                input: Rc::clone(&input),
                buf: String::with_capacity(CHUNK),
                pos: 0,
            }),
            input,
            raw: None,
            ahead: VecDeque::new(),
            pending: None,
            checker: Checker::new(),
        }
    }

    fn raw_next(&mut self) -> Result<(Event, Marker), ScanError> {
        match self.raw.take() {
            Some(r) => r,
            None => self.parser.next_token(),
        }
    }

    fn pull(&mut self) -> Result<(Event, Mark)> {
        let (event, mut mark) = self
            .raw_next()
            .map_err(|e| Error::refusal(yamlcheck::scan_error(&e)))?;
        if let Event::MappingStart(..) = event {
            // yaml-rust2 places a block mapping at its first `:`; it starts
            // at its first key (where libyaml, and a reader, place it).
            let next = self.parser.next_token();
            if let Ok((_, first)) = &next
                && first.index() < mark.index()
            {
                mark = *first;
            }
            self.raw = Some(next);
        }
        self.checker.event(&event, mark).map_err(Error::refusal)?;
        let mark = Mark::of(&event, mark);
        Ok((event, mark))
    }

    fn fill(&mut self) -> Result<()> {
        if self.ahead.is_empty() {
            if let Some(e) = self.pending.take() {
                return Err(e);
            }
            let event = self.pull()?;
            self.ahead.push_back(event);
        }
        Ok(())
    }

    fn peek(&mut self) -> Result<&(Event, Mark)> {
        self.fill()?;
        Ok(self.ahead.front().expect("just filled"))
    }

    fn next(&mut self) -> Result<(Event, Mark)> {
        match self.ahead.pop_front() {
            Some(event) => Ok(event),
            None => match self.pending.take() {
                Some(e) => Err(e),
                None => self.pull(),
            },
        }
    }

    /// Just inside a sequence: how many elements it has, if they are all
    /// scalars and it ends within `max` of them (`[a, b]`), so the list built
    /// from it can be allocated at its size.
    fn short_scalar_run(&mut self, max: usize) -> Option<usize> {
        let mut i = 0;
        loop {
            if i == self.ahead.len() {
                if i > max || self.pending.is_some() {
                    return None;
                }
                match self.pull() {
                    Ok(event) => self.ahead.push_back(event),
                    Err(e) => {
                        self.pending = Some(e);
                        return None;
                    }
                }
            }
            match self.ahead[i].0 {
                Event::Scalar(..) => i += 1,
                Event::SequenceEnd => return Some(i),
                _ => return None,
            }
        }
    }

    /// Reads (and checks) the rest of the stream.
    fn drain(&mut self) -> Result<()> {
        loop {
            if let (Event::StreamEnd, _) = self.next()? {
                return Ok(());
            }
        }
    }
}

// ---------- entry points ----------

/// Reads one YAML document into a `T`, applying [`crate::yamlcheck`]'s rules
/// on the way. When the document does not fit `T`, the rest of the file is
/// still read for a refusal or a syntax error, which is reported instead: a
/// file is refused for what it holds wherever it holds it.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    from_reader(text.as_bytes()).map_err(|mut e| {
        e.resolve(text);
        e
    })
}

/// [`from_str`] from bytes being read (a file): the text is decoded as it is
/// parsed and never held whole, so reading costs the values built and a
/// buffer. The order in which problems win: the bytes (not UTF-8, not
/// readable), then an empty file, a tab in the indentation, a control
/// character, then the first problem found in the document.
pub fn from_reader<'a, T: DeserializeOwned>(reader: impl Read + 'a) -> Result<T> {
    let mut stream = Stream::new(Box::new(reader));
    let result = match document::<T>(&mut stream) {
        Ok(value) => stream.drain().map(|()| value),
        Err(e) if e.kind() == ErrorKind::Data => stream.drain().and(Err(e)),
        Err(e) => Err(e),
    };
    let mut input = stream.input.borrow_mut();
    input.finish();
    if let Some(failure) = input.failure.take() {
        return Err(failure);
    }
    input.rules.finish().map_err(Error::refusal)?;
    result
}

fn document<T: DeserializeOwned>(stream: &mut Stream) -> Result<T> {
    loop {
        let (event, mark) = stream.next()?;
        match event {
            Event::DocumentStart => break,
            Event::StreamEnd => {
                return Err(Error::new(
                    ErrorKind::Data,
                    "EOF while parsing a value".into(),
                    Some((mark.at.line(), mark.at.col() + 1)),
                ));
            }
            _ => {}
        }
    }
    let mut de = Deserializer {
        stream,
        path: Path::Root,
        enum_tag: None,
    };
    T::deserialize(&mut de)
}

// ---------- scalars: the core schema, as serde_yaml reads it ----------

const TAG_NULL: &str = "tag:yaml.org,2002:null";
const TAG_BOOL: &str = "tag:yaml.org,2002:bool";
const TAG_INT: &str = "tag:yaml.org,2002:int";
const TAG_FLOAT: &str = "tag:yaml.org,2002:float";

/// A scalar event's parts.
struct Scalar {
    value: String,
    style: TScalarStyle,
    tag: Option<String>,
}

fn full_tag(tag: &Option<Tag>) -> Option<String> {
    tag.as_ref().map(|t| format!("{}{}", t.handle, t.suffix))
}

/// A local tag (`!name`) names an enum variant.
fn enum_tag(tag: &Option<Tag>) -> Option<String> {
    let full = full_tag(tag)?;
    let rest = full.strip_prefix('!')?;
    Some(if rest.is_empty() {
        full.clone()
    } else {
        rest.to_string()
    })
}

fn parse_null(s: &str) -> bool {
    matches!(s, "null" | "Null" | "NULL" | "~")
}

fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// Leading zeros followed by digits is a string in YAML 1.2.
fn digits_but_not_number(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    s.len() > 1 && s.starts_with('0') && s[1..].bytes().all(|b| b.is_ascii_digit())
}

type Radix<T> = fn(&str, u32) -> Result<T, std::num::ParseIntError>;

fn parse_radix<T>(rest: &str, radix: u32, from: Radix<T>) -> Option<T> {
    if rest.starts_with(['+', '-']) {
        return None;
    }
    from(rest, radix).ok()
}

fn parse_unsigned_int<T>(s: &str, from: Radix<T>) -> Option<T> {
    let unpositive = s.strip_prefix('+').unwrap_or(s);
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix)
            && let Some(int) = parse_radix(rest, radix, from)
        {
            return Some(int);
        }
    }
    if unpositive.starts_with(['+', '-']) || digits_but_not_number(s) {
        return None;
    }
    from(unpositive, 10).ok()
}

fn parse_negative_prefixed<T>(s: &str, from: Radix<T>) -> Option<T> {
    for (prefix, radix) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = s.strip_prefix(prefix)
            && let Ok(int) = from(&format!("-{rest}"), radix)
        {
            return Some(int);
        }
    }
    None
}

fn parse_signed_int<T>(s: &str, from: Radix<T>) -> Option<T> {
    let unpositive = match s.strip_prefix('+') {
        Some(u) if u.starts_with(['+', '-']) => return None,
        Some(u) => u,
        None => s,
    };
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unpositive.strip_prefix(prefix)
            && let Some(int) = parse_radix(rest, radix, from)
        {
            return Some(int);
        }
    }
    if let Some(int) = parse_negative_prefixed(s, from) {
        return Some(int);
    }
    if digits_but_not_number(s) {
        return None;
    }
    from(unpositive, 10).ok()
}

fn parse_negative_int<T>(s: &str, from: Radix<T>) -> Option<T> {
    if let Some(int) = parse_negative_prefixed(s, from) {
        return Some(int);
    }
    if digits_but_not_number(s) {
        return None;
    }
    from(s, 10).ok()
}

fn parse_f64(s: &str) -> Option<f64> {
    let unpositive = match s.strip_prefix('+') {
        Some(u) if u.starts_with(['+', '-']) => return None,
        Some(u) => u,
        None => s,
    };
    if let ".inf" | ".Inf" | ".INF" = unpositive {
        return Some(f64::INFINITY);
    }
    if let "-.inf" | "-.Inf" | "-.INF" = s {
        return Some(f64::NEG_INFINITY);
    }
    if let ".nan" | ".NaN" | ".NAN" = s {
        return Some(f64::NAN.copysign(1.0));
    }
    unpositive.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// An integer in any width serde can take, or the visitor back.
fn visit_int<'de, V: Visitor<'de>>(visitor: V, v: &str) -> Result<Result<V::Value>, V> {
    if let Some(int) = parse_unsigned_int(v, u64::from_str_radix) {
        return Ok(visitor.visit_u64(int));
    }
    if let Some(int) = parse_negative_int(v, i64::from_str_radix) {
        return Ok(visitor.visit_i64(int));
    }
    if let Some(int) = parse_unsigned_int(v, u128::from_str_radix) {
        return Ok(visitor.visit_u128(int));
    }
    if let Some(int) = parse_negative_int(v, i128::from_str_radix) {
        return Ok(visitor.visit_i128(int));
    }
    Err(visitor)
}

/// A plain scalar, typed by its text.
fn visit_untagged_scalar<'de, V: Visitor<'de>>(visitor: V, v: String) -> Result<V::Value> {
    if v.is_empty() || parse_null(&v) {
        return visitor.visit_unit();
    }
    if let Some(b) = parse_bool(&v) {
        return visitor.visit_bool(b);
    }
    let visitor = match visit_int(visitor, &v) {
        Ok(result) => return result,
        Err(visitor) => visitor,
    };
    if !digits_but_not_number(&v)
        && let Some(f) = parse_f64(&v)
    {
        return visitor.visit_f64(f);
    }
    visitor.visit_string(v)
}

/// Any scalar, typed by its tag, else (plain) by its text, else a string.
fn visit_scalar<'de, V: Visitor<'de>>(
    visitor: V,
    scalar: Scalar,
    tagged_already: bool,
) -> Result<V::Value> {
    let Scalar { value, style, tag } = scalar;
    match (tag.as_deref(), tagged_already) {
        (Some(TAG_BOOL), false) => match parse_bool(&value) {
            Some(b) => visitor.visit_bool(b),
            None => Err(de::Error::invalid_value(
                Unexpected::Str(&value),
                &"a boolean",
            )),
        },
        (Some(TAG_INT), false) => match visit_int(visitor, &value) {
            Ok(result) => result,
            Err(_) => Err(de::Error::invalid_value(
                Unexpected::Str(&value),
                &"an integer",
            )),
        },
        (Some(TAG_FLOAT), false) => match parse_f64(&value) {
            Some(f) => visitor.visit_f64(f),
            None => Err(de::Error::invalid_value(
                Unexpected::Str(&value),
                &"a float",
            )),
        },
        (Some(TAG_NULL), false) => {
            if parse_null(&value) {
                visitor.visit_unit()
            } else {
                Err(de::Error::invalid_value(Unexpected::Str(&value), &"null"))
            }
        }
        (Some(t), false) if t.starts_with('!') && style == TScalarStyle::Plain => {
            visit_untagged_scalar(visitor, value)
        }
        (Some(_), false) => visitor.visit_string(value),
        _ if style == TScalarStyle::Plain => visit_untagged_scalar(visitor, value),
        _ => visitor.visit_string(value),
    }
}

/// A plain scalar, or a block (`|`) scalar tagged with `expected`.
fn plain_or_tagged_literal(scalar: &Scalar, expected: &str, tagged_already: bool) -> bool {
    match scalar.style {
        TScalarStyle::Plain => true,
        TScalarStyle::Literal => !tagged_already && scalar.tag.as_deref() == Some(expected),
        _ => false,
    }
}

/// serde's "invalid type" error for what the event holds.
fn invalid_type(event: Event, exp: &dyn Expected) -> Error {
    enum Void {}
    struct InvalidType<'a> {
        exp: &'a dyn Expected,
    }
    impl<'de> Visitor<'de> for InvalidType<'_> {
        type Value = Void;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.exp.fmt(f)
        }
    }
    match event {
        Event::Scalar(value, style, _, tag) => {
            let scalar = Scalar {
                value,
                style,
                tag: full_tag(&tag),
            };
            match visit_scalar(InvalidType { exp }, scalar, false) {
                Ok(void) => match void {},
                Err(e) => e,
            }
        }
        Event::SequenceStart(..) => de::Error::invalid_type(Unexpected::Seq, exp),
        Event::MappingStart(..) => de::Error::invalid_type(Unexpected::Map, exp),
        _ => de::Error::custom("EOF while parsing a value"),
    }
}

// ---------- the deserializer ----------

/// Deserialises the value that starts at the stream's next event.
struct Deserializer<'s, 'a, 'p> {
    stream: &'s mut Stream<'a>,
    path: Path<'p>,
    /// Set while reading the content of a tagged enum variant: the node's
    /// tag was its variant, so the tag means nothing more.
    enum_tag: Option<(Option<&'static str>, String)>,
}

impl<'a> Deserializer<'_, 'a, '_> {
    fn next(&mut self) -> Result<(Event, Mark)> {
        self.enum_tag = None;
        self.stream.next()
    }

    /// Reads a scalar that is a number or a boolean, or fails with serde's
    /// "invalid type" for whatever is there.
    fn typed_scalar<'de, V: Visitor<'de>>(
        &mut self,
        visitor: V,
        tag: &str,
        parse: impl FnOnce(&str, V) -> Result<Result<V::Value>, V>,
    ) -> Result<V::Value> {
        let tagged_already = self.enum_tag.is_some();
        let (event, mark) = self.next()?;
        let result = match event {
            Event::Scalar(value, style, anchor, t) => {
                let scalar = Scalar {
                    value,
                    style,
                    tag: full_tag(&t),
                };
                if plain_or_tagged_literal(&scalar, tag, tagged_already) {
                    match parse(&scalar.value, visitor) {
                        Ok(result) => result,
                        Err(visitor) => Err(invalid_type(
                            Event::Scalar(scalar.value, scalar.style, anchor, t),
                            &visitor,
                        )),
                    }
                } else {
                    Err(invalid_type(
                        Event::Scalar(scalar.value, scalar.style, anchor, t),
                        &visitor,
                    ))
                }
            }
            other => Err(invalid_type(other, &visitor)),
        };
        result.map_err(|e| fix(e, mark, &self.path))
    }

    fn visit_sequence<'de, V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        let hint = self.stream.short_scalar_run(SHORT_LIST);
        let mut seq = SeqAccess {
            de: self,
            len: 0,
            empty: false,
            hint,
        };
        let value = visitor.visit_seq(&mut seq)?;
        let len = seq.len;
        // Whatever the visitor left is read and counted.
        let mut rest = SeqAccess {
            de: self,
            len,
            empty: false,
            hint: None,
        };
        while de::SeqAccess::next_element::<IgnoredAny>(&mut rest)?.is_some() {}
        let total = rest.len;
        self.next()?; // SequenceEnd
        if total != len {
            struct ExpectedSeq(usize);
            impl Expected for ExpectedSeq {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    if self.0 == 1 {
                        write!(f, "sequence of 1 element")
                    } else {
                        write!(f, "sequence of {} elements", self.0)
                    }
                }
            }
            return Err(de::Error::invalid_length(total, &ExpectedSeq(len)));
        }
        Ok(value)
    }

    fn visit_mapping<'de, V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        let mut map = MapAccess {
            de: self,
            len: 0,
            empty: false,
            key: String::new(),
            key_is_text: false,
        };
        let value = visitor.visit_map(&mut map)?;
        let len = map.len;
        let mut rest = MapAccess {
            de: self,
            len,
            empty: false,
            key: String::new(),
            key_is_text: false,
        };
        while de::MapAccess::next_entry::<IgnoredAny, IgnoredAny>(&mut rest)?.is_some() {}
        let total = rest.len;
        self.next()?; // MappingEnd
        if total != len {
            struct ExpectedMap(usize);
            impl Expected for ExpectedMap {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    if self.0 == 1 {
                        write!(f, "map containing 1 entry")
                    } else {
                        write!(f, "map containing {} entries", self.0)
                    }
                }
            }
            return Err(de::Error::invalid_length(total, &ExpectedMap(len)));
        }
        Ok(value)
    }

    /// Skips one node (a scalar or a whole collection), checking it.
    fn skip(&mut self) -> Result<()> {
        let mut depth = 0usize;
        loop {
            match self.next()?.0 {
                Event::SequenceStart(..) | Event::MappingStart(..) => depth += 1,
                Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth == 0 {
                return Ok(());
            }
        }
    }
}

/// An empty plain scalar (`key:` with nothing after it).
fn is_empty_plain(event: &Event) -> bool {
    matches!(event, Event::Scalar(v, TScalarStyle::Plain, ..) if v.is_empty())
}

macro_rules! forward_int {
    ($($method:ident => $via:ident,)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.$via(visitor)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'_, '_, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let tagged_already = self.enum_tag.is_some();
        let (event, mark) = self.stream.peek()?;
        let mark = *mark;
        let tag = match event {
            Event::Scalar(_, _, _, t) | Event::SequenceStart(_, t) | Event::MappingStart(_, t)
                if !tagged_already =>
            {
                enum_tag(t)
            }
            _ => None,
        };
        let result = if let Some(tag) = tag {
            visitor.visit_enum(EnumAccess {
                de: &mut *self,
                name: None,
                tag,
            })
        } else {
            match self.next()?.0 {
                Event::Scalar(value, style, _, t) => {
                    let scalar = Scalar {
                        value,
                        style,
                        tag: full_tag(&t),
                    };
                    visit_scalar(visitor, scalar, tagged_already)
                }
                Event::SequenceStart(..) => self.visit_sequence(visitor),
                Event::MappingStart(..) => self.visit_mapping(visitor),
                other => Err(invalid_type(other, &visitor)),
            }
        };
        result.map_err(|e| fix(e, mark, &self.path))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.typed_scalar(visitor, TAG_BOOL, |s, v| match parse_bool(s) {
            Some(b) => Ok(v.visit_bool(b)),
            None => Err(v),
        })
    }

    forward_int! {
        deserialize_i8 => deserialize_i64,
        deserialize_i16 => deserialize_i64,
        deserialize_i32 => deserialize_i64,
        deserialize_u8 => deserialize_u64,
        deserialize_u16 => deserialize_u64,
        deserialize_u32 => deserialize_u64,
        deserialize_f32 => deserialize_f64,
        deserialize_char => deserialize_str,
        deserialize_string => deserialize_str,
    }

    /// A key naming a field or a variant: any scalar, as written.
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (event, mark) = self.next()?;
        match event {
            Event::Scalar(value, ..) => visitor.visit_str(&value),
            other => Err(invalid_type(other, &visitor)),
        }
        .map_err(|e| fix(e, mark, &self.path))
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.typed_scalar(visitor, TAG_INT, |s, v| {
            match parse_signed_int(s, i64::from_str_radix) {
                Some(i) => Ok(v.visit_i64(i)),
                None => Err(v),
            }
        })
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.typed_scalar(visitor, TAG_INT, |s, v| {
            match parse_signed_int(s, i128::from_str_radix) {
                Some(i) => Ok(v.visit_i128(i)),
                None => Err(v),
            }
        })
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.typed_scalar(visitor, TAG_INT, |s, v| {
            match parse_unsigned_int(s, u64::from_str_radix) {
                Some(i) => Ok(v.visit_u64(i)),
                None => Err(v),
            }
        })
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.typed_scalar(visitor, TAG_INT, |s, v| {
            match parse_unsigned_int(s, u128::from_str_radix) {
                Some(i) => Ok(v.visit_u128(i)),
                None => Err(v),
            }
        })
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.typed_scalar(visitor, TAG_FLOAT, |s, v| match parse_f64(s) {
            Some(f) => Ok(v.visit_f64(f)),
            None => Err(v),
        })
    }

    /// Any scalar is a string, as written (`id: 12` is the id "12").
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (event, mark) = self.next()?;
        match event {
            Event::Scalar(mut value, ..) => {
                // The parser grows strings as it reads; keep no slack.
                value.shrink_to_fit();
                visitor.visit_string(value)
            }
            other => Err(invalid_type(other, &visitor)),
        }
        .map_err(|e| fix(e, mark, &self.path))
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(de::Error::custom(
            "serialization and deserialization of bytes in YAML is not implemented",
        ))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_bytes(visitor)
    }

    /// Null (plain `~`, `null`, nothing, or tagged `!!null`) is `None`;
    /// anything else, a quoted `"~"` included, is `Some`.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let tagged_already = self.enum_tag.is_some();
        let (event, mark) = self.stream.peek()?;
        let mark = *mark;
        let is_some = match event {
            Event::Scalar(value, style, _, tag) => {
                if *style != TScalarStyle::Plain {
                    true
                } else if let (Some(tag), false) = (full_tag(tag), tagged_already) {
                    if tag == TAG_NULL {
                        if parse_null(value) {
                            false
                        } else {
                            let e = de::Error::invalid_value(Unexpected::Str(value), &"null");
                            return Err(fix(e, mark, &self.path));
                        }
                    } else {
                        true
                    }
                } else {
                    !value.is_empty() && !parse_null(value)
                }
            }
            _ => true,
        };
        if is_some {
            visitor.visit_some(&mut *self)
        } else {
            self.next()?;
            visitor.visit_none()
        }
        .map_err(|e| fix(e, mark, &self.path))
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let tagged_already = self.enum_tag.is_some();
        let (event, mark) = self.next()?;
        match event {
            Event::Scalar(value, style, _, tag) => {
                let is_null = if style != TScalarStyle::Plain {
                    false
                } else if let (Some(tag), false) = (full_tag(&tag), tagged_already) {
                    tag == TAG_NULL && parse_null(&value)
                } else {
                    value.is_empty() || parse_null(&value)
                };
                if is_null {
                    visitor.visit_unit()
                } else {
                    Err(de::Error::invalid_value(Unexpected::Str(&value), &"null"))
                }
            }
            other => Err(invalid_type(other, &visitor)),
        }
        .map_err(|e| fix(e, mark, &self.path))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    /// A sequence; an empty plain scalar (`key:`) is an empty one.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (event, mark) = self.next()?;
        match event {
            Event::SequenceStart(..) => self.visit_sequence(visitor),
            e if is_empty_plain(&e) => visitor.visit_seq(SeqAccess {
                de: self,
                len: 0,
                empty: true,
                hint: Some(0),
            }),
            other => Err(invalid_type(other, &visitor)),
        }
        .map_err(|e| fix(e, mark, &self.path))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    /// A mapping; an empty plain scalar (`key:`) is an empty one.
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (event, mark) = self.next()?;
        match event {
            Event::MappingStart(..) => self.visit_mapping(visitor),
            e if is_empty_plain(&e) => visitor.visit_map(MapAccess {
                de: self,
                len: 0,
                empty: true,
                key: String::new(),
                key_is_text: false,
            }),
            other => Err(invalid_type(other, &visitor)),
        }
        .map_err(|e| fix(e, mark, &self.path))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_map(visitor)
    }

    /// A unit variant by name (`side: left`), or any variant by a local tag
    /// (`side: !left`, `x: !variant {..}`).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        enum Plan {
            ByName,
            ByTag(String),
            Untagged(Unexpected<'static>),
            Nested,
            End,
        }
        let (event, mark) = self.stream.peek()?;
        let mark = *mark;
        let plan = if self.enum_tag.is_some() {
            match event {
                Event::Scalar(v, ..) if !v.is_empty() => Plan::ByName,
                _ => Plan::Nested,
            }
        } else {
            match event {
                Event::Scalar(_, _, _, t) => enum_tag(t).map_or(Plan::ByName, Plan::ByTag),
                Event::MappingStart(_, t) => {
                    enum_tag(t).map_or(Plan::Untagged(Unexpected::Map), Plan::ByTag)
                }
                Event::SequenceStart(_, t) => {
                    enum_tag(t).map_or(Plan::Untagged(Unexpected::Seq), Plan::ByTag)
                }
                _ => Plan::End,
            }
        };
        match plan {
            Plan::ByName => visitor.visit_enum(UnitVariantAccess { de: &mut *self }),
            Plan::ByTag(tag) => visitor.visit_enum(EnumAccess {
                de: &mut *self,
                name: Some(name),
                tag,
            }),
            Plan::Untagged(what) => Err(de::Error::invalid_type(
                what,
                &"a YAML tag starting with '!'",
            )),
            Plan::Nested => {
                let message = match &self.enum_tag {
                    Some((Some(n), tag)) => format!(
                        "deserializing nested enum in {n}::{tag} from YAML is not supported yet"
                    ),
                    Some((None, tag)) => format!(
                        "deserializing nested enum in !{tag} from YAML is not supported yet"
                    ),
                    None => String::new(),
                };
                Err(de::Error::custom(message))
            }
            Plan::End => Err(de::Error::custom("EOF while parsing a value")),
        }
        .map_err(|e| fix(e, mark, &self.path))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip()?;
        visitor.visit_unit()
    }
}

struct SeqAccess<'x, 's, 'a, 'p> {
    de: &'x mut Deserializer<'s, 'a, 'p>,
    len: usize,
    empty: bool,
    /// How many elements there are, when that is known ahead.
    hint: Option<usize>,
}

/// Lists of up to this many scalars are counted before they are read.
const SHORT_LIST: usize = 16;

impl<'de> de::SeqAccess<'de> for SeqAccess<'_, '_, '_, '_> {
    type Error = Error;

    fn size_hint(&self) -> Option<usize> {
        self.hint.map(|n| n.saturating_sub(self.len))
    }

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.empty {
            return Ok(None);
        }
        if let (Event::SequenceEnd, _) = self.de.stream.peek()? {
            return Ok(None);
        }
        let path = Path::Seq {
            parent: &self.de.path,
            index: self.len,
        };
        let mut element = Deserializer {
            stream: &mut *self.de.stream,
            path,
            enum_tag: None,
        };
        self.len += 1;
        seed.deserialize(&mut element).map(Some)
    }
}

struct MapAccess<'x, 's, 'a, 'p> {
    de: &'x mut Deserializer<'s, 'a, 'p>,
    len: usize,
    empty: bool,
    /// The current key's text, for the path of its value.
    key: String,
    key_is_text: bool,
}

impl<'de> de::MapAccess<'de> for MapAccess<'_, '_, '_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.empty {
            return Ok(None);
        }
        match self.de.stream.peek()? {
            (Event::MappingEnd, _) => return Ok(None),
            (Event::Scalar(value, ..), _) => {
                self.key.clear();
                self.key.push_str(value);
                self.key_is_text = true;
            }
            _ => self.key_is_text = false,
        }
        self.len += 1;
        // A key is read with the mapping's own path, as serde_yaml does.
        seed.deserialize(&mut *self.de).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let path = if self.key_is_text {
            Path::Map {
                parent: &self.de.path,
                key: &self.key,
            }
        } else {
            Path::Unknown {
                parent: &self.de.path,
            }
        };
        let mut value = Deserializer {
            stream: &mut *self.de.stream,
            path,
            enum_tag: None,
        };
        seed.deserialize(&mut value)
    }
}

/// A variant named by a plain scalar: a unit variant only.
struct UnitVariantAccess<'x, 's, 'a, 'p> {
    de: &'x mut Deserializer<'s, 'a, 'p>,
}

impl<'de> de::EnumAccess<'de> for UnitVariantAccess<'_, '_, '_, '_> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        Ok((seed.deserialize(&mut *self.de)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for UnitVariantAccess<'_, '_, '_, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"newtype variant",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"tuple variant",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"struct variant",
        ))
    }
}

/// A variant named by a local tag; the tagged node is its content.
struct EnumAccess<'x, 's, 'a, 'p> {
    de: &'x mut Deserializer<'s, 'a, 'p>,
    name: Option<&'static str>,
    tag: String,
}

impl<'x, 's, 'a, 'p, 'de> de::EnumAccess<'de> for EnumAccess<'x, 's, 'a, 'p> {
    type Error = Error;
    type Variant = TaggedVariant<'x, 's, 'a, 'p>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self::Variant)> {
        let str_de: de::value::StrDeserializer<'_, Error> = self.tag.as_str().into_deserializer();
        let variant = seed.deserialize(str_de)?;
        self.de.enum_tag = Some((self.name, self.tag));
        Ok((variant, TaggedVariant { de: self.de }))
    }
}

struct TaggedVariant<'x, 's, 'a, 'p> {
    de: &'x mut Deserializer<'s, 'a, 'p>,
}

impl<'de> de::VariantAccess<'de> for TaggedVariant<'_, '_, '_, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        de::Deserialize::deserialize(&mut *self.de)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(&mut *self.de)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_seq(&mut *self.de, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_struct(&mut *self.de, "", fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Shapes {
        #[serde(default)]
        s: Option<String>,
        #[serde(default)]
        o: Option<Option<String>>,
        #[serde(default)]
        b: Option<bool>,
        #[serde(default)]
        u: Option<u32>,
        #[serde(default)]
        i: Option<i64>,
        #[serde(default)]
        f: Option<f64>,
        #[serde(default)]
        v: Option<Vec<String>>,
        #[serde(default)]
        e: Option<Side>,
        #[serde(default)]
        t: Option<Inner>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Side {
        Left,
        Right,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        en: String,
        zh: String,
    }

    /// Ours and serde_yaml's result: equal values, or the same message.
    fn same(yaml: &str) {
        let ours = from_str::<Shapes>(yaml)
            .map(|v| format!("{v:?}"))
            .map_err(|e| e.message());
        let theirs = serde_yaml::from_str::<Shapes>(yaml)
            .map(|v| format!("{v:?}"))
            .map_err(|e| {
                let m = e.to_string();
                match (m.find(" at line "), e.location()) {
                    (Some(i), Some(_)) => m[..i].to_string(),
                    _ => m,
                }
            });
        // Where serde_yaml loses the path of an error, ours keeps it.
        let ours = match (ours, &theirs) {
            (Err(o), Err(t)) if o.ends_with(&format!(": {t}")) => Err(t.clone()),
            (o, _) => o,
        };
        assert_eq!(ours, theirs, "{yaml:?}");
    }

    #[test]
    fn scalars_resolve_as_serde_yaml_resolves_them() {
        for v in [
            "x",
            "12",
            "-3",
            "1.5",
            "true",
            "yes",
            "~",
            "null",
            "NULL",
            "",
            "\"\"",
            "'~'",
            "\"12\"",
            "0x1F",
            "0o17",
            "0b101",
            "+7",
            "010",
            "-0x10",
            ".inf",
            "-.inf",
            ".nan",
            "1e3",
            "99999999999",
            "999999999999999999999999",
            "[a, b]",
            "{en: a, zh: b}",
            "|\n  x",
            ">-\n  x\n  y",
            "!!str 12",
            "!!int 12",
            "!!null ~",
            "!!null x",
            "!!bool true",
            "!!float 1",
            "True",
            "FALSE",
            "tru",
            "- a\n- b",
        ] {
            for field in ["s", "o", "b", "u", "i", "f", "v", "e", "t"] {
                same(&format!("{field}: {v}\n"));
            }
        }
    }

    #[test]
    fn shape_errors_carry_serde_wording_and_the_path() {
        for yaml in [
            "t: {en: a}\n",
            "t: {en: a, zh: b, fr: c}\n",
            "x: 1\n",
            "e: middle\n",
            "e: !left\n",
            "e: {left: 1}\n",
            "v: [a, [b]]\n",
            "t: [a]\n",
            "~\n",
            "[1]\n",
            "hello\n",
            "---\n",
        ] {
            same(yaml);
        }
        // serde_yaml loses the path and the place of a tag's variant.
        let e = from_str::<Shapes>("s: a\ne: !middle\n").unwrap_err();
        assert_eq!(
            e.message(),
            "e: unknown variant `middle`, expected `left` or `right`"
        );
        assert_eq!(e.position(), Some((2, 4)));
        let e = from_str::<Shapes>("s: a\nt:\n  en: a\n").unwrap_err();
        assert_eq!(e.message(), "t: missing field `zh`");
        assert_eq!(e.position(), Some((3, 3)), "at the mapping's first key");
        assert_eq!(e.kind(), ErrorKind::Data);
    }

    #[test]
    fn any_value_reads_as_serde_yaml_reads_it() {
        let yaml =
            "a: [1, -2, 1.5, true, ~, x, \"7\", 0x10, '', .inf]\nb: {c: {d: [e]}}\nf: |\n  g\n";
        let ours: serde_json::Value = from_str(yaml).unwrap();
        let theirs: serde_json::Value = serde_yaml::from_str(yaml).unwrap();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn the_safety_rules_hold_where_yamlcheck_puts_them() {
        for yaml in [
            "a: &x [1]\nb: 2\n",
            "a: [1]\nb: *x\n",
            "a: 1\nb: 2\na: 3\n",
            "a: 1\n---\nb: 2\n",
            "a:\n\t- 1\n",
            "",
            "# only\n",
            "a: \"x\u{1b}\"\n",
            &("a: ".to_string() + &"[".repeat(80) + &"]".repeat(80)),
        ] {
            let want = yamlcheck::check(yaml).unwrap_err();
            let got = from_str::<serde::de::IgnoredAny>(yaml).unwrap_err();
            let kind = if want.syntax {
                ErrorKind::Syntax
            } else {
                ErrorKind::Refused
            };
            assert_eq!(got.kind(), kind, "{yaml:?}");
            assert_eq!(got.message(), want.message, "{yaml:?}");
            assert_eq!(got.position(), Some((want.line, want.col)), "{yaml:?}");
        }
    }

    #[test]
    fn a_refusal_or_syntax_error_further_on_wins_over_a_shape_error() {
        let e = from_str::<Shapes>("x: 1\ns: &a b\n").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Refused);
        assert_eq!(e.position(), Some((2, 7)), "at the anchored node");
        let e = from_str::<Shapes>("x: 1\ns: [b\n").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Syntax);
        // A tab in the indentation, anywhere, comes first of all.
        let e = from_str::<Shapes>("x: 1\nt:\n\ten: a\n").unwrap_err();
        assert!(e.message().contains("tab"), "{e}");
        assert_eq!(e.position(), Some((3, 1)));
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Required {
        b: bool,
        u: u32,
    }

    #[test]
    fn late_nodes_are_placed_where_they_start() {
        // An empty value: just after its key's colon, not at the next line.
        let e = from_str::<Required>("b:\nu: 1\n").unwrap_err();
        assert_eq!(
            e.message(),
            "b: invalid type: unit value, expected a boolean"
        );
        assert_eq!(e.position(), Some((1, 3)));
        let e = from_str::<Required>("b:   # nothing\n\n  # here\nu: 1\n").unwrap_err();
        assert_eq!(e.position(), Some((1, 3)));
        // A block scalar: at its indicator, not at its text.
        let e = from_str::<Required>("b: true\nu: |\n  12\n").unwrap_err();
        assert_eq!(e.position(), Some((2, 4)));
        // A tagged scalar: at its tag.
        let e = from_str::<Shapes>("o: !!null x\n").unwrap_err();
        assert_eq!(e.position(), Some((1, 4)));
        // From a stream the text is not there to look back at: the position
        // is yaml-rust2's until the caller resolves it.
        let mut e = from_reader::<Required>("b:\nu: 1\n".as_bytes()).unwrap_err();
        assert_eq!(e.position(), Some((2, 1)));
        e.resolve("b:\nu: 1\n");
        assert_eq!(e.position(), Some((1, 3)));
    }

    #[test]
    fn short_lists_are_allocated_at_their_size() {
        let v: Vec<Vec<String>> = from_str("- [a, b, c]\n- [d]\n- []\n- - e\n  - f\n").unwrap();
        assert_eq!(v, [vec!["a", "b", "c"], vec!["d"], vec![], vec!["e", "f"]]);
        for inner in &v {
            assert_eq!(inner.capacity(), inner.len());
        }
    }

    /// A reader that hands out one byte at a time.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((&b, rest)), Some(slot)) => {
                    *slot = b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn characters_split_between_reads_are_whole() {
        let yaml = "t: {en: \"机器学习\", zh: \"研究员 é\"}\n";
        let a: Shapes = from_reader(Trickle(yaml.as_bytes())).unwrap();
        let b: Shapes = from_str(yaml).unwrap();
        assert_eq!(a, b);
        // Across a full buffer, too.
        let long = format!("s: \"{}提\"\n", "x".repeat(CHUNK - 6));
        let v: Shapes = from_reader(long.as_bytes()).unwrap();
        assert!(v.s.unwrap().ends_with('提'));
    }

    #[test]
    fn invalid_utf8_and_a_byte_order_mark() {
        let e = from_reader::<Shapes>(&b"s: a\nt: {en: \"\xff\"}\n"[..]).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Input);
        assert_eq!(e.message(), "invalid UTF-8: save the file as UTF-8");
        assert_eq!(e.position(), Some((2, 10)));
        let e = from_reader::<Shapes>(Trickle(b"s: \xe6\x9c")).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Input);
        let v: Shapes = from_str("\u{feff}s: a\n").unwrap();
        assert_eq!(v.s.as_deref(), Some("a"));
    }
}
