//! The pseudo-terminal harness shared by the end-to-end suites
//! (`tests/pty/e2e_pty.rs`, `tests/pty/progress_cases.rs`): the real binary
//! in a pty, its output fed into a terminal emulator (vt100), and waits on
//! what the screen shows, never on fixed sleeps. Each suite uses part of it.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub use crate::common::BIN;
pub const DEADLINE: Duration = Duration::from_secs(20);
pub const POLL: Duration = Duration::from_millis(20);

/// The app running in a pty, with its output fed into a terminal emulator.
pub struct App {
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the app wrote, as written.
    pub raw: Arc<Mutex<Vec<u8>>>,
    pub child: Box<dyn Child + Send + Sync>,
    pub writer: Box<dyn Write + Send>,
    pub reader: Option<JoinHandle<()>>,
    // Kept open so the pty stays alive for the child's whole life.
    pub _master: Box<dyn MasterPty + Send>,
    // HOME and XDG_* of the child.
    pub _home: tempfile::TempDir,
}

impl App {
    pub fn spawn(cols: u16, rows: u16, args: &[&str]) -> App {
        App::spawn_program(cols, rows, BIN, args)
    }

    pub fn spawn_program(cols: u16, rows: u16, program: &str, args: &[&str]) -> App {
        App::spawn_env(cols, rows, program, args, &[])
    }

    /// As `spawn_program`, with HOME and the XDG folders under `home` (the
    /// user's own postings live in `home/data/career-explorer/postings`).
    pub fn spawn_at_home(cols: u16, rows: u16, program: &str, args: &[&str], home: &Path) -> App {
        let at = |sub: &str| home.join(sub).to_string_lossy().into_owned();
        let (h, data, config, cache) = (at(""), at("data"), at("config"), at("cache"));
        let env = [
            ("HOME", h.as_str()),
            ("XDG_DATA_HOME", data.as_str()),
            ("XDG_CONFIG_HOME", config.as_str()),
            ("XDG_CACHE_HOME", cache.as_str()),
        ];
        App::spawn_env(cols, rows, program, args, &env)
    }

    /// Spawns `program` with TERM=xterm-256color, or what `env` sets.
    pub fn spawn_env(
        cols: u16,
        rows: u16,
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> App {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("LC_ALL");
        cmd.env_remove("LC_MESSAGES");
        cmd.env_remove("NO_COLOR");
        let home = tempfile::tempdir().expect("a home for the child");
        for (var, sub) in [
            ("HOME", ""),
            ("XDG_DATA_HOME", "data"),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_CACHE_HOME", "cache"),
            ("XDG_STATE_HOME", "state"),
        ] {
            cmd.env(var, home.path().join(sub));
        }
        for (var, value) in env {
            cmd.env(var, value);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn the app");
        // Only the child holds the slave now, so reads end when it exits.
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            NonZeroU16::new(rows).expect("rows > 0"),
            NonZeroU16::new(cols).expect("cols > 0"),
            0,
        )));
        let sink = Arc::clone(&parser);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_sink = Arc::clone(&raw);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
                        sink.lock().unwrap().process(&buf[..n]);
                    }
                }
            }
        });
        App {
            parser,
            raw,
            child,
            writer,
            reader: Some(reader),
            _master: pty.master,
            _home: home,
        }
    }

    /// Pastes `text` as a terminal does: inside the bracketed-paste markers
    /// if the app turned that mode on, else as typed bytes with each line
    /// break sent as Enter (CR).
    pub fn paste(&mut self, text: &str) {
        if self.screen().bracketed_paste() {
            let mut bytes = b"\x1b[200~".to_vec();
            bytes.extend_from_slice(text.as_bytes());
            bytes.extend_from_slice(b"\x1b[201~");
            self.send(&bytes);
        } else {
            self.send(text.replace("\r\n", "\r").replace('\n', "\r").as_bytes());
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    pub fn send(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    pub fn screen(&self) -> vt100::Screen {
        self.parser.lock().unwrap().screen().clone()
    }

    /// Polls the screen until `pred` holds; panics with the screen after the deadline.
    pub fn wait_until(
        &mut self,
        what: &str,
        pred: impl Fn(&vt100::Screen) -> bool,
    ) -> vt100::Screen {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return screen;
            }
            if start.elapsed() > DEADLINE {
                let exited = self.child.try_wait().ok().flatten();
                panic!(
                    "timed out after {DEADLINE:?} waiting for {what} (child exit: {exited:?}); screen:\n{}",
                    dump(&screen)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    pub fn wait_for(&mut self, text: &str) -> vt100::Screen {
        self.wait_until(&format!("{text:?} on screen"), |s| {
            s.contents().contains(text)
        })
    }

    /// Waits for the child to exit, then for the reader to drain the pty,
    /// and returns the exit status and the final screen.
    pub fn wait_exit(&mut self) -> (portable_pty::ExitStatus, vt100::Screen) {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                break status;
            }
            assert!(
                start.elapsed() <= DEADLINE,
                "the app did not exit within {DEADLINE:?}; screen:\n{}",
                dump(&self.screen())
            );
            std::thread::sleep(POLL);
        };
        let reader = self.reader.take().expect("reader joined once");
        while !reader.is_finished() {
            assert!(
                start.elapsed() <= DEADLINE * 2,
                "the pty reader did not finish after the app exited"
            );
            std::thread::sleep(POLL);
        }
        reader.join().expect("reader thread panicked");
        (status, self.screen())
    }

    /// Presses `key` and waits until `probe` reads something other than before.
    pub fn press_and_wait_change<T: PartialEq + std::fmt::Debug>(
        &mut self,
        key: &[u8],
        what: &str,
        probe: impl Fn(&vt100::Screen) -> T,
    ) -> T {
        let before = probe(&self.screen());
        self.send(key);
        let screen = self.wait_until(what, |s| probe(s) != before);
        probe(&screen)
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // Only if a test failed half-way: do not leave the app running.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The visible rows, one string each (wide characters once, no padding).
pub fn lines(screen: &vt100::Screen) -> Vec<String> {
    let (_, cols) = screen.size();
    screen.rows(0, cols.get()).collect()
}

/// Quits with `q` and waits for a clean exit; returns the last screen.
pub fn quit_ok(app: &mut App) -> vt100::Screen {
    app.send(b"q");
    let (status, screen) = app.wait_exit();
    assert!(
        status.success(),
        "exit status {status:?}\n{}",
        dump(&screen)
    );
    screen
}

/// The screen with row numbers, for failure messages.
pub fn dump(screen: &vt100::Screen) -> String {
    lines(screen)
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{i:2}|{l}\n"))
        .collect()
}

/// The cells of a row as (column, text), wide-character continuations skipped.
pub fn row_cells(screen: &vt100::Screen, row: u16) -> Vec<(u16, String)> {
    let (_, cols) = screen.size();
    (0..cols.get())
        .filter_map(|c| {
            let cell = screen.cell(row, c)?;
            (!cell.is_wide_continuation()).then(|| {
                let t = cell.contents();
                (
                    c,
                    if t.is_empty() {
                        " ".into()
                    } else {
                        t.to_string()
                    },
                )
            })
        })
        .collect()
}

/// The screen column where `needle` starts in `row`, if it is there.
pub fn find_col(screen: &vt100::Screen, row: u16, needle: &str) -> Option<u16> {
    let cells = row_cells(screen, row);
    let mut text = String::new();
    let mut col_at = Vec::new();
    for (c, t) in &cells {
        for _ in 0..t.len() {
            col_at.push(*c);
        }
        text.push_str(t);
    }
    text.find(needle).map(|i| col_at[i])
}

/// The skill id of the highlighted (inverse video) checklist row in pane 3,
/// once the detail box below the list (drawn after it) names the same skill:
/// a frame still being written is never taken for a settled one.
pub fn highlighted_skill(screen: &vt100::Screen) -> Option<String> {
    let all = lines(screen);
    let detail = all.iter().find_map(|l| {
        let digits = l.strip_prefix("┌ S")?.split(' ').next()?;
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| format!("S{digits}"))
    })?;
    let highlighted = all.iter().enumerate().find_map(|(row, line)| {
        // Any state's box: [ ], [x], [~], ...
        let j = line.find("] S")?;
        let id: String = line[j + 2..].chars().take(3).collect();
        let col = find_col(screen, row as u16, &id)?;
        screen
            .cell(row as u16, col)
            .is_some_and(vt100::Cell::inverse)
            .then_some(id)
    })?;
    (highlighted == detail).then_some(highlighted)
}

/// "[x]" or "[ ]" in front of a skill id in the checklist.
pub fn checkbox_of(screen: &vt100::Screen, id: &str) -> Option<&'static str> {
    let text = screen.contents();
    if text.contains(&format!("[x] {id} ")) {
        Some("[x]")
    } else if text.contains(&format!("[ ] {id} ")) {
        Some("[ ]")
    } else {
        None
    }
}

/// Moves the pane-3 cursor down until `id` is the highlighted skill.
pub fn move_cursor_to(app: &mut App, id: &str) {
    for _ in 0..100 {
        let now = app.wait_until("a highlighted skill row", |s| {
            highlighted_skill(s).is_some()
        });
        if highlighted_skill(&now).as_deref() == Some(id) {
            return;
        }
        app.press_and_wait_change(b"j", "the highlight to move down", highlighted_skill);
    }
    panic!("never reached {id}; screen:\n{}", dump(&app.screen()));
}
