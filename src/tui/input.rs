//! Reading the terminal's input: bytes from the tty turned into crossterm
//! [`Event`]s, with a timeout on sequences that never finish.
//!
//! crossterm's own reader waits for an escape sequence to end with no time
//! limit, so after an unfinished one (Alt+[ is `ESC [`, the start of a
//! mouse report `ESC [ <`, a paste start `ESC [ 200 ~` with no end) it
//! swallowed every key that followed, `q` and Ctrl-C included (issue 20,
//! incomplete-escape-sequence-swallows-keys). Terminals and readline drop an
//! unfinished sequence after a short pause; so does this reader: after
//! [`SEQUENCE_TIMEOUT`] with no byte, `ESC` and one byte become that key with
//! Alt, anything longer is dropped, and a paste with no end is handed over
//! as it is after [`PASTE_TIMEOUT`]. The parser is pure ([`Parser`]); the
//! thread ([`spawn`]) only polls and reads.

use std::time::Duration;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// How long an unfinished escape sequence waits for its next byte.
pub const SEQUENCE_TIMEOUT: Duration = Duration::from_millis(50);

/// How long a bracketed paste with no end marker waits for its next byte: a
/// paste arrives in a burst, so a pause this long means its end was lost.
pub const PASTE_TIMEOUT: Duration = Duration::from_millis(150);

/// The most bytes one paste event carries; a longer paste comes in parts
/// (the text fields keep only their first 4,096 characters anyway).
const MAX_PASTE_BYTES: usize = 1 << 20;

const ESC: u8 = 0x1b;

/// Turns the terminal's bytes into events. Feed it what was read; when
/// nothing more came for [`Parser::timeout`], call [`Parser::flush`].
#[derive(Debug, Default)]
pub struct Parser {
    /// Bytes of a sequence not finished yet.
    pending: Vec<u8>,
    /// Inside a bracketed paste: its bytes so far.
    paste: Option<Vec<u8>>,
}

/// What one look at the start of the pending bytes found.
enum Step {
    /// An event (or nothing, for a sequence we ignore) from the first `n` bytes.
    Done(usize, Option<Event>),
    /// The bytes so far may be the start of a sequence: wait for more.
    Wait,
}

impl Parser {
    /// How long to wait for the next byte before [`Parser::flush`]: `None`
    /// when nothing is pending (wait as long as it takes).
    pub fn timeout(&self) -> Option<Duration> {
        if self.paste.is_some() {
            Some(PASTE_TIMEOUT)
        } else if self.pending.is_empty() {
            None
        } else {
            Some(SEQUENCE_TIMEOUT)
        }
    }

    /// The events in `bytes`, read together. `more` says whether more bytes
    /// were waiting to be read: a lone `ESC` at the end of a read with
    /// nothing after it is the Esc key at once (as crossterm has it).
    pub fn feed(&mut self, bytes: &[u8], more: bool) -> Vec<Event> {
        let mut out = Vec::new();
        for &b in bytes {
            if let Some(paste) = &mut self.paste {
                paste.push(b);
                if paste.ends_with(b"\x1b[201~") {
                    paste.truncate(paste.len() - 6);
                    out.extend(self.end_paste());
                } else if paste.len() >= MAX_PASTE_BYTES {
                    out.extend(self.end_paste());
                    self.paste = Some(Vec::new());
                }
                continue;
            }
            self.pending.push(b);
            self.drain(&mut out);
        }
        if !more && self.pending == [ESC] {
            self.pending.clear();
            out.push(key(KeyCode::Esc, KeyModifiers::NONE));
        }
        out
    }

    /// Nothing came for a while: an unfinished sequence is given up (`ESC`
    /// and one byte as that key with Alt, `ESC` alone as Esc, anything longer
    /// dropped), and a paste with no end is handed over as it is.
    pub fn flush(&mut self) -> Vec<Event> {
        if self.paste.is_some() {
            return self.end_paste().into_iter().collect();
        }
        let pending = std::mem::take(&mut self.pending);
        match pending.as_slice() {
            [ESC] => vec![key(KeyCode::Esc, KeyModifiers::NONE)],
            [ESC, b] if b.is_ascii() && !b.is_ascii_control() => {
                vec![key(
                    KeyCode::Char(char::from(*b)),
                    KeyModifiers::ALT | shift_of(char::from(*b)),
                )]
            }
            _ => Vec::new(),
        }
    }

    /// The paste so far as one event (nothing for an empty one).
    fn end_paste(&mut self) -> Option<Event> {
        let bytes = self.paste.take()?;
        (!bytes.is_empty()).then(|| Event::Paste(String::from_utf8_lossy(&bytes).into_owned()))
    }

    /// Takes every complete event off the front of the pending bytes.
    fn drain(&mut self, out: &mut Vec<Event>) {
        while !self.pending.is_empty() {
            match step(&self.pending) {
                Step::Wait => return,
                Step::Done(n, event) => {
                    self.pending.drain(..n);
                    match event {
                        Some(Event::Paste(_)) => {
                            // The start marker: what follows is the paste.
                            self.paste = Some(std::mem::take(&mut self.pending));
                            if let Some(p) = &self.paste
                                && p.ends_with(b"\x1b[201~")
                            {
                                let mut p = p.clone();
                                p.truncate(p.len() - 6);
                                self.paste = Some(p);
                                out.extend(self.end_paste());
                            }
                            return;
                        }
                        Some(e) => out.push(e),
                        None => {}
                    }
                }
            }
        }
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn shift_of(c: char) -> KeyModifiers {
    if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    }
}

/// The first event in `b` (never empty), as crossterm reads keys.
fn step(b: &[u8]) -> Step {
    match b[0] {
        ESC => escape(b),
        b'\r' => Step::Done(1, Some(key(KeyCode::Enter, KeyModifiers::NONE))),
        b'\t' => Step::Done(1, Some(key(KeyCode::Tab, KeyModifiers::NONE))),
        0x7f => Step::Done(1, Some(key(KeyCode::Backspace, KeyModifiers::NONE))),
        c @ 0x01..=0x1a => Step::Done(
            1,
            Some(key(
                KeyCode::Char(char::from(c - 1 + b'a')),
                KeyModifiers::CONTROL,
            )),
        ),
        c @ 0x1c..=0x1f => Step::Done(
            1,
            Some(key(
                KeyCode::Char(char::from(c - 0x1c + b'4')),
                KeyModifiers::CONTROL,
            )),
        ),
        0 => Step::Done(1, Some(key(KeyCode::Char(' '), KeyModifiers::CONTROL))),
        _ => utf8(b),
    }
}

/// One UTF-8 character; a byte that cannot start or continue one is dropped.
fn utf8(b: &[u8]) -> Step {
    let len = match b[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Done(1, None),
    };
    if b.len() < len {
        if b[1..].iter().all(|&c| (0x80..=0xbf).contains(&c)) {
            return Step::Wait;
        }
        return Step::Done(1, None);
    }
    match std::str::from_utf8(&b[..len])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => Step::Done(len, Some(key(KeyCode::Char(c), shift_of(c)))),
        None => Step::Done(1, None),
    }
}

/// A sequence that starts with `ESC`.
fn escape(b: &[u8]) -> Step {
    let Some(&second) = b.get(1) else {
        return Step::Wait;
    };
    match second {
        b'[' => csi(b),
        b'O' => match b.get(2) {
            None => Step::Wait,
            Some(&c) => Step::Done(3, ss3(c)),
        },
        // OSC, DCS, APC, PM, SOS: terminal replies, up to BEL or ESC \.
        b']' | b'P' | b'_' | b'^' | b'X' => string_sequence(b),
        ESC => Step::Done(1, Some(key(KeyCode::Esc, KeyModifiers::NONE))),
        _ => match step(&b[1..]) {
            Step::Wait => Step::Wait,
            Step::Done(n, Some(Event::Key(mut k))) => {
                k.modifiers |= KeyModifiers::ALT;
                Step::Done(n + 1, Some(Event::Key(k)))
            }
            Step::Done(n, e) => Step::Done(n + 1, e),
        },
    }
}

/// `ESC O` and a letter: arrows, Home, End, F1–F4.
fn ss3(c: u8) -> Option<Event> {
    let code = match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + c - b'P'),
        _ => return None,
    };
    Some(key(code, KeyModifiers::NONE))
}

/// A string sequence (`ESC ]` ... BEL or `ESC \`): read whole, ignored.
fn string_sequence(b: &[u8]) -> Step {
    for i in 2..b.len() {
        if b[i] == 0x07 {
            return Step::Done(i + 1, None);
        }
        if b[i] == b'\\' && b[i - 1] == ESC {
            return Step::Done(i + 1, None);
        }
    }
    Step::Wait
}

/// `ESC [` parameters, intermediates and a final byte. A byte that cannot be
/// part of one ends the sequence unread and is read on its own.
fn csi(b: &[u8]) -> Step {
    if b.get(2) == Some(&b'M') {
        // An X10 mouse report: three bytes follow.
        return if b.len() < 6 {
            Step::Wait
        } else {
            Step::Done(6, x10_mouse(b[3], b[4], b[5]))
        };
    }
    for (i, &c) in b.iter().enumerate().skip(2) {
        match c {
            0x20..=0x3f => {}
            0x40..=0x7e => return Step::Done(i + 1, csi_event(&b[2..i], c)),
            _ => return Step::Done(i, None),
        }
    }
    Step::Wait
}

/// The modifiers a CSI parameter carries (1 + a bit set: 1 shift, 2 alt, 4 ctrl).
fn modifiers(param: Option<u16>) -> KeyModifiers {
    let bits = param.unwrap_or(1).saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

/// The event of a complete CSI sequence with parameters `params` and final
/// byte `last`; `None` for one we do not use (replies, focus).
fn csi_event(params: &[u8], last: u8) -> Option<Event> {
    if params.first() == Some(&b'<') {
        return sgr_mouse(&params[1..], last);
    }
    let text = std::str::from_utf8(params).ok()?;
    if text.starts_with(['?', '>', '=']) {
        return None;
    }
    let nums: Vec<Option<u16>> = text.split(';').map(|p| p.parse().ok()).collect();
    let m = modifiers(nums.get(1).copied().flatten());
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'Z' => return Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        b'P'..=b'S' if !text.is_empty() => KeyCode::F(1 + last - b'P'),
        b'~' => match nums.first().copied().flatten()? {
            200 => return Some(Event::Paste(String::new())),
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            n @ 11..=15 => KeyCode::F((n - 10) as u8),
            n @ 17..=21 => KeyCode::F((n - 11) as u8),
            n @ 23..=24 => KeyCode::F((n - 12) as u8),
            _ => return None,
        },
        _ => return None,
    };
    Some(key(code, m))
}

/// An SGR mouse report: `button;column;row` and `M` (press, drag) or `m`
/// (release), columns and rows from 1.
fn sgr_mouse(params: &[u8], last: u8) -> Option<Event> {
    let text = std::str::from_utf8(params).ok()?;
    let mut it = text.split(';').map(|p| p.parse::<u16>().ok());
    let (cb, x, y) = (it.next()??, it.next()??, it.next()??);
    mouse(cb, x.saturating_sub(1), y.saturating_sub(1), last == b'm')
}

/// An X10 mouse report: each byte is 32 more than its value.
fn x10_mouse(cb: u8, x: u8, y: u8) -> Option<Event> {
    let cb = u16::from(cb.checked_sub(32)?);
    let release = cb & 3 == 3 && cb & 64 == 0 && cb & 32 == 0;
    let x = u16::from(x.saturating_sub(33));
    let y = u16::from(y.saturating_sub(33));
    mouse(if release { cb & !3 } else { cb }, x, y, release)
}

/// A mouse event from a report's button byte `cb` (always one: the
/// callers return what it gives as their own `Option`).
#[allow(clippy::unnecessary_wraps)]
fn mouse(cb: u16, column: u16, row: u16, release: bool) -> Option<Event> {
    let button = match cb & 3 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        2 => MouseButton::Right,
        _ => MouseButton::Left,
    };
    let kind = if cb & 64 != 0 {
        match cb & 3 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if cb & 32 != 0 {
        if cb & 3 == 3 {
            MouseEventKind::Moved
        } else {
            MouseEventKind::Drag(button)
        }
    } else if release {
        MouseEventKind::Up(button)
    } else {
        MouseEventKind::Down(button)
    };
    let mut modifiers = KeyModifiers::NONE;
    if cb & 4 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if cb & 8 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if cb & 16 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    Some(Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers,
    }))
}

/// Reads standard input (a terminal) on a thread of its own and hands each
/// event to `send`, until `send` returns false or reading fails (the error
/// is handed over last). A window size change (SIGWINCH) is an
/// [`Event::Resize`].
pub fn spawn(
    send: impl Fn(std::io::Result<Event>) -> bool + Send + Clone + 'static,
) -> std::io::Result<()> {
    let on_resize = send.clone();
    let mut signals = signal_hook::iterator::Signals::new([signal_hook::consts::SIGWINCH])?;
    std::thread::Builder::new()
        .name("resize".into())
        .spawn(move || {
            for _ in signals.forever() {
                if let Ok((w, h)) = crossterm::terminal::size()
                    && !on_resize(Ok(Event::Resize(w, h)))
                {
                    return;
                }
            }
        })?;
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || read_loop(&send))?;
    Ok(())
}

/// Polls and reads fd 0, feeding the parser, until `send` refuses.
fn read_loop(send: &impl Fn(std::io::Result<Event>) -> bool) {
    let mut parser = Parser::default();
    let mut buf = [0u8; 4096];
    loop {
        let events = match wait_readable(parser.timeout()) {
            Err(e) => {
                send(Err(e));
                return;
            }
            Ok(false) => parser.flush(),
            Ok(true) => {
                // SAFETY: reads into a buffer we own, at most its length.
                let n = unsafe { libc::read(0, buf.as_mut_ptr().cast(), buf.len()) };
                match n {
                    0 => {
                        send(Err(std::io::ErrorKind::UnexpectedEof.into()));
                        return;
                    }
                    n if n < 0 => {
                        let e = std::io::Error::last_os_error();
                        if e.kind() == std::io::ErrorKind::Interrupted {
                            continue;
                        }
                        send(Err(e));
                        return;
                    }
                    n => {
                        let n = usize::try_from(n).unwrap_or(0);
                        let more = wait_readable(Some(Duration::ZERO)).unwrap_or(false);
                        parser.feed(&buf[..n], more)
                    }
                }
            }
        };
        for e in events {
            if !send(Ok(e)) {
                return;
            }
        }
    }
}

/// Waits until fd 0 can be read (true) or `timeout` passed (false; `None`
/// waits as long as it takes).
fn wait_readable(timeout: Option<Duration>) -> std::io::Result<bool> {
    let ms = timeout.map_or(-1, |t| i32::try_from(t.as_millis()).unwrap_or(i32::MAX));
    let mut fd = libc::pollfd {
        fd: 0,
        events: libc::POLLIN,
        revents: 0,
    };
    loop {
        // SAFETY: one pollfd we own, for the length we pass.
        let r = unsafe { libc::poll(&raw mut fd, 1, ms) };
        if r >= 0 {
            return Ok(r > 0);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(events: &[Event]) -> Vec<(KeyCode, KeyModifiers)> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Key(k) => Some((k.code, k.modifiers)),
                _ => None,
            })
            .collect()
    }

    const NONE: KeyModifiers = KeyModifiers::NONE;

    #[test]
    fn plain_keys_and_sequences_read_as_crossterm_reads_them() {
        let mut p = Parser::default();
        let e = p.feed(
            b"aQ\r\t\x7f\x03\x1b[A\x1b[1;5C\x1b[3~\x1bOP\x1b[Z\xe6\x8f\x90",
            false,
        );
        assert_eq!(
            keys(&e),
            vec![
                (KeyCode::Char('a'), NONE),
                (KeyCode::Char('Q'), KeyModifiers::SHIFT),
                (KeyCode::Enter, NONE),
                (KeyCode::Tab, NONE),
                (KeyCode::Backspace, NONE),
                (KeyCode::Char('c'), KeyModifiers::CONTROL),
                (KeyCode::Up, NONE),
                (KeyCode::Right, KeyModifiers::CONTROL),
                (KeyCode::Delete, NONE),
                (KeyCode::F(1), NONE),
                (KeyCode::BackTab, KeyModifiers::SHIFT),
                (KeyCode::Char('提'), NONE),
            ]
        );
        assert_eq!(p.timeout(), None);
        assert_eq!(keys(&p.feed(b"\x1b", false)), vec![(KeyCode::Esc, NONE)]);
        assert_eq!(
            keys(&p.feed(b"\x1bx", false)),
            vec![(KeyCode::Char('x'), KeyModifiers::ALT)]
        );
    }

    #[test]
    fn mouse_reports_and_a_paste() {
        let mut p = Parser::default();
        let e = p.feed(b"\x1b[<0;5;3M\x1b[<0;5;3m\x1b[<65;1;1M", false);
        let kinds: Vec<_> = e
            .iter()
            .map(|e| match e {
                Event::Mouse(m) => (m.kind, m.column, m.row),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            kinds,
            vec![
                (MouseEventKind::Down(MouseButton::Left), 4, 2),
                (MouseEventKind::Up(MouseButton::Left), 4, 2),
                (MouseEventKind::ScrollDown, 0, 0),
            ]
        );
        let e = p.feed(b"\x1b[200~a\x1bb\r\x1b[201~q", false);
        assert_eq!(e[0], Event::Paste("a\x1bb\r".into()));
        assert_eq!(keys(&e[1..]), vec![(KeyCode::Char('q'), NONE)]);
    }

    #[test]
    fn an_unfinished_sequence_gives_way_to_the_keys_after_it() {
        let mut p = Parser::default();
        // Alt+[ : on its own after the pause, it is that key.
        assert!(p.feed(b"\x1b[", true).is_empty());
        assert_eq!(p.timeout(), Some(SEQUENCE_TIMEOUT));
        assert_eq!(
            keys(&p.flush()),
            vec![(KeyCode::Char('['), KeyModifiers::ALT)]
        );
        assert_eq!(keys(&p.feed(b"3", false)), vec![(KeyCode::Char('3'), NONE)]);
        // The start of a mouse report: dropped, then q is q.
        assert!(p.feed(b"\x1b[<65;", false).is_empty());
        assert!(keys(&p.flush()).is_empty());
        assert_eq!(keys(&p.feed(b"q", false)), vec![(KeyCode::Char('q'), NONE)]);
        // ESC O (Alt+Shift+O) alone.
        assert!(p.feed(b"\x1bO", false).is_empty());
        assert_eq!(
            keys(&p.flush()),
            vec![(KeyCode::Char('O'), KeyModifiers::ALT | KeyModifiers::SHIFT)]
        );
        // A paste with no end: handed over after its pause; keys work again.
        assert!(p.feed(b"\x1b[200~abc", false).is_empty());
        assert_eq!(p.timeout(), Some(PASTE_TIMEOUT));
        assert_eq!(p.flush(), vec![Event::Paste("abc".into())]);
        assert_eq!(
            keys(&p.feed(b"\x03", false)),
            vec![(KeyCode::Char('c'), KeyModifiers::CONTROL)]
        );
        // An OSC reply is read whole and ignored.
        let e = p.feed(b"\x1b]11;rgb:0000/0000/0000\x07q", false);
        assert_eq!(keys(&e), vec![(KeyCode::Char('q'), NONE)]);
        // A byte that cannot be in a sequence ends it and is read.
        let e = p.feed(b"\x1b[2\x03", false);
        assert_eq!(keys(&e), vec![(KeyCode::Char('c'), KeyModifiers::CONTROL)]);
    }
}
