//! The terminal loop: draw, read one event, turn it into an action, update,
//! save if progress changed. Every [`TICK`] a save that failed is retried and,
//! with nothing unsaved, the progress file is checked for changes made on
//! disk (merged in). Quitting with unsaved changes tries once more, then asks.
//! The terminal is restored however the loop ends.

pub mod action;
pub mod app;
pub mod bindings;
pub mod checklist;
pub mod clipboard;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod mode;
pub mod mouse;
pub mod picker;
pub mod plan_view;
pub mod posting_rows;
pub mod remember;
pub mod screenshots;
pub mod textfield;
pub mod ui;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use crossterm::event::Event;
use ratatui::backend::Backend;
use ratatui::{DefaultTerminal, Terminal};

use crate::tui::action::Action;
use crate::tui::app::{App, Effect};
use career_core::i18n::labels;
use career_core::store::progress;
use career_core::store::progress::{ProgressError, Stamp};

/// How often a failed save is retried and the file checked for changes.
pub const TICK: Duration = Duration::from_millis(500);

/// How long the last save on quit waits for another process's lock.
const QUIT_PATIENCE: Duration = Duration::from_secs(2);

pub fn run(app: &mut App, progress_path: Option<PathBuf>) -> anyhow::Result<()> {
    // try_init also installs a panic hook that restores the terminal first.
    let mut terminal = ratatui::try_init()
        .context("career-explorer needs an interactive terminal (for scripts, see --help)")?;
    // ratatui's panic hook leaves the alternate screen; ours also shows the cursor.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    enable_input_modes();
    if let Err(e) = restore_on_signals() {
        restore();
        return Err(e).context("cannot install signal handlers");
    }
    let result = event_loop(&mut terminal, app, progress_path);
    restore();
    result
}

/// What wakes the loop: a terminal event, a search answer from the worker,
/// or a job-control signal.
enum Msg {
    Input(std::io::Result<Event>),
    Answer(career_core::searcher::Answer),
    /// SIGTSTP from outside (`kill -TSTP`): suspend as Ctrl-Z does.
    Suspend,
    /// SIGCONT: take the terminal again and repaint (also after `kill -STOP`).
    Continue,
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    progress_path: Option<PathBuf>,
) -> anyhow::Result<()> {
    let rx = start_threads(app)?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let path = progress_path.as_deref();
    let mut saver = Saver::default();
    let mut last_tick = Instant::now();
    while !app.quit {
        send_copy(terminal, app);
        draw(terminal, app)?;
        // Lets the end-to-end tests check the terminal is restored after a panic.
        assert!(
            test_switch("CAREER_EXPLORER_PANIC_AFTER_DRAW").is_none(),
            "panic requested by CAREER_EXPLORER_PANIC_AFTER_DRAW"
        );
        match rx.recv_timeout(TICK.saturating_sub(last_tick.elapsed())) {
            Ok(msg) => take_waiting(terminal, app, &rx, msg, path, &mut saver)?,
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                anyhow::bail!("the input thread stopped")
            }
        }
        if last_tick.elapsed() >= TICK {
            last_tick = Instant::now();
            if let Some(p) = path {
                saver.tick(app, p);
            }
        }
        if app.quit
            && !app.quit_anyway
            && !app.dirty.is_empty()
            && let Some(p) = path
        {
            last_try(app, p);
        }
    }
    if app.quit_anyway {
        anyhow::bail!(
            "{} unsaved change(s) lost: {}",
            app.dirty.len(),
            app.status.as_deref().unwrap_or("not saved")
        );
    }
    Ok(())
}

/// Starts the search worker, the signal watcher and the input reader, all
/// sending to the one channel returned.
fn start_threads(app: &mut App) -> anyhow::Result<mpsc::Receiver<Msg>> {
    let (tx, rx) = mpsc::channel();
    // Input and search answers arrive on one channel, so a keystroke is drawn
    // while a long search still runs.
    let answers = tx.clone();
    suspend_on_signals(tx.clone()).context("cannot install signal handlers")?;
    // Lets the end-to-end tests hold answers back, to see typing is not.
    let delay = test_switch("CAREER_EXPLORER_SEARCH_DELAY_MS")
        .and_then(|v| v.parse().ok())
        .map(std::time::Duration::from_millis);
    app.searcher.start_worker(move |a| {
        if let Some(d) = delay {
            std::thread::sleep(d);
        }
        answers.send(Msg::Answer(a)).is_ok()
    });
    // Our own reader, not crossterm's: it gives up an unfinished escape
    // sequence after a pause instead of swallowing the keys after it.
    input::spawn(move |event| tx.send(Msg::Input(event)).is_ok())
        .context("cannot start the input thread")?;
    Ok(rx)
}

/// Acts on `msg` and on every message already waiting after it, so the next
/// draw shows them all; stops early once the app quits.
fn take_waiting(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    rx: &mpsc::Receiver<Msg>,
    mut msg: Msg,
    path: Option<&Path>,
    saver: &mut Saver,
) -> anyhow::Result<()> {
    loop {
        let suspend = match msg {
            Msg::Suspend => true,
            Msg::Continue => {
                resume(terminal, app)?;
                false
            }
            msg => handle(app, msg, path, saver)?,
        };
        if suspend {
            suspend_and_resume(terminal, app)?;
        }
        match rx.try_recv() {
            Ok(next) if !app.quit => msg = next,
            _ => return Ok(()),
        }
    }
}

/// Acts on one message; returns whether the user asked to suspend (Ctrl-Z).
fn handle(
    app: &mut App,
    msg: Msg,
    progress_path: Option<&Path>,
    saver: &mut Saver,
) -> anyhow::Result<bool> {
    let event = match msg {
        Msg::Answer(answer) => {
            app.receive(answer);
            return Ok(false);
        }
        Msg::Input(event) => event.context("cannot read from the terminal")?,
        Msg::Suspend => return Ok(true),
        Msg::Continue => return Ok(false),
    };
    let action = match event {
        Event::Key(key) if key.is_press() => app.keys.action_for(app.mode.kind(), key),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        // Bracketed paste: the whole paste as one event, never as keys.
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Mouse(m) => mouse::action_for(m, app.mode.kind(), &app.layout),
        _ => None,
    };
    if action == Some(Action::Suspend) {
        return Ok(true);
    }
    if let Some(action) = action
        && app.update(action) == Effect::Save
        && let Some(path) = progress_path
    {
        saver.save(app, path);
    }
    // An edit of an own posting (or its undo) is written to its file here.
    picker::flush_posting_writes(app);
    Ok(false)
}

/// Ctrl-Z or SIGTSTP: hands the terminal back as it was found (raw mode off,
/// main screen, mouse reporting and bracketed paste off, cursor shown), stops
/// the process, and once continued (`fg`) takes the terminal again and
/// repaints the whole frame.
fn suspend_and_resume(terminal: &mut DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    restore();
    // SIGSTOP, not SIGTSTP: our own SIGTSTP handler would only call us again.
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)
        .context("cannot suspend the app")?;
    resume(terminal, app)
}

/// Raw mode, the alternate screen, mouse capture and bracketed paste on again,
/// the cursor hidden, and the next frame drawn in full at the current size.
/// Harmless to repeat: SIGCONT comes after our own stop too.
fn resume(terminal: &mut DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    crossterm::terminal::enable_raw_mode().context("cannot take the terminal back")?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    enable_input_modes();
    terminal.hide_cursor()?;
    // A resize to the current size clears the screen and forgets the last
    // frame, so the next one is drawn in full. (`Terminal::clear` would ask
    // the terminal for the cursor position, an answer our input thread eats.)
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    app.update(Action::Resize(size.width, size.height));
    Ok(())
}

/// SIGTSTP (`kill -TSTP`) suspends the way Ctrl-Z does; SIGCONT repaints.
/// Both go through the loop, which owns the terminal.
fn suspend_on_signals(tx: mpsc::Sender<Msg>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGTSTP};
    let mut signals = signal_hook::iterator::Signals::new([SIGTSTP, SIGCONT])?;
    std::thread::Builder::new()
        .name("job-control".into())
        .spawn(move || {
            for sig in signals.forever() {
                let msg = if sig == SIGTSTP {
                    Msg::Suspend
                } else {
                    Msg::Continue
                };
                if tx.send(msg).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Sends the text `y` asked to copy (OSC 52) through the terminal backend,
/// between two frames. A failed write is said in the status line.
fn send_copy<B: Backend + std::io::Write>(terminal: &mut Terminal<B>, app: &mut App) {
    if let Some(text) = app.to_copy.take()
        && let Err(e) = clipboard::send(terminal.backend_mut(), &text)
    {
        app.status = Some(e.to_string());
    }
}

/// Draws `app` and hands it the layout drawn. When that layout moved a
/// scroll position (after a resize, another posting, a search result that
/// opens part-way down), draws once more, so the screen always shows the
/// state as it now is.
pub fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &mut App) -> Result<(), B::Error> {
    for _ in 0..2 {
        let mut drawn = None;
        terminal.draw(|frame| drawn = Some(ui::draw(app, frame)))?;
        let moved = drawn.is_some_and(|layout| app.set_layout(layout));
        if !moved {
            break;
        }
    }
    Ok(())
}

/// Quitting with changes not saved: one more try (waiting a little for a
/// lock); if it fails, the app stays open and asks whether to quit anyway.
fn last_try(app: &mut App, path: &Path) {
    if save_with(app, path, QUIT_PATIENCE).is_err() {
        app.quit = false;
        let l = labels(app.lang);
        let question = format!(
            "{}. {}",
            app.status.as_deref().unwrap_or(l.saved_error),
            l.quit_unsaved.replace("{n}", &app.dirty.len().to_string())
        );
        app.ask_quit(question);
    }
}

/// Remembers why the last save failed, so a tick retries only when that can
/// help: a lock or the system (any tick), or a file that did not read (once
/// it has changed).
#[derive(Default)]
struct Saver {
    failed: Option<(bool, Option<Stamp>)>,
}

impl Saver {
    fn save(&mut self, app: &mut App, path: &Path) {
        self.failed = match save_with(app, path, progress::APP_PATIENCE) {
            Ok(()) => None,
            Err(e) => Some((
                matches!(e, ProgressError::Locked { .. } | ProgressError::Io { .. }),
                progress::stamp(path).ok().flatten(),
            )),
        };
    }

    /// Retries a failed save, or merges in what changed on disk.
    fn tick(&mut self, app: &mut App, path: &Path) {
        if !app.dirty.is_empty() {
            let retry = match &self.failed {
                None => true,
                Some((any_tick, stamp)) => {
                    *any_tick || progress::stamp(path).ok().flatten() != *stamp
                }
            };
            if retry {
                self.save(app, path);
            }
            return;
        }
        match progress::refresh(path, &mut app.progress) {
            Ok(false) => {}
            Ok(true) => {
                app.refresh_tallies();
                // The file reads again: a word that it did not is out of
                // date; other notices stay. Entries that do not read are
                // said as at start.
                let not_read = labels(app.lang).not_read;
                app.status = app
                    .status
                    .take()
                    .map(|s| {
                        let kept: Vec<&str> =
                            s.lines().filter(|l| !l.starts_with(not_read)).collect();
                        kept.join("\n")
                    })
                    .filter(|s| !s.is_empty());
                if let Some(notice) = app.progress_notice(path) {
                    app.add_notice(notice);
                }
            }
            Err(e) => {
                app.add_notice(format!(
                    "{} {}",
                    labels(app.lang).not_read,
                    e.render(app.lang)
                ));
            }
        }
    }
}

/// Writes the changes, merged per field with what is on disk (the app then
/// shows the merged result). A failed save keeps the changes in memory (and
/// queued in `dirty`) and says why in the status line; the next change, the
/// next tick and quitting retry.
pub fn save(app: &mut App, path: &Path) {
    let _ = save_with(app, path, progress::APP_PATIENCE);
}

fn save_with(app: &mut App, path: &Path, patience: Duration) -> Result<(), ProgressError> {
    let result = progress::save_merged(path, &mut app.progress, patience);
    app.refresh_tallies();
    app.status = match &result {
        Ok(()) => {
            app.dirty.clear();
            // A saved change clears the last save's error, not what the
            // action said (an undo's message).
            let l = labels(app.lang);
            app.status
                .take()
                .filter(|m| !m.starts_with(l.saved_error) && !m.starts_with(l.not_read))
        }
        Err(e) => Some(format!(
            "{}{}{}",
            labels(app.lang).saved_error,
            career_core::i18n::colon(app.lang),
            e.render(app.lang)
        )),
    };
    result
}

/// SIGTERM, SIGHUP (terminal closed), SIGINT, SIGQUIT, SIGUSR1/2, SIGALRM and
/// the other catchable signals that terminate by default end the app with
/// the terminal restored (raw mode off, alternate screen left, mouse
/// reporting off, cursor shown) and status 128 + the signal's number. Progress is
/// already on disk: it is saved after every change.
fn restore_on_signals() -> std::io::Result<()> {
    use signal_hook::consts::{
        SIGALRM, SIGHUP, SIGINT, SIGPROF, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGXCPU,
        SIGXFSZ,
    };
    // Every signal whose default action ends the process and that may be
    // caught: left to its default, it would leave the terminal broken.
    let mut signals = signal_hook::iterator::Signals::new([
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ,
    ])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            restore();
            std::process::exit(128 + sig);
        }
    });
    Ok(())
}

/// Mouse capture and bracketed paste on. A terminal that supports neither
/// simply sends no mouse events, and pastes as typed keys.
fn enable_input_modes() {
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::event::EnableMouseCapture,
        crossterm::event::EnableBracketedPaste
    );
}

/// Mouse capture and bracketed paste off, raw mode off, alternate screen
/// left, cursor shown.
fn restore() {
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::event::DisableBracketedPaste,
        crossterm::event::DisableMouseCapture
    );
    ratatui::restore();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
}

/// A switch the end-to-end tests set in the environment: read only in debug
/// builds (the binary `cargo test` runs); a release binary has none.
#[cfg(debug_assertions)]
fn test_switch(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

#[cfg(not(debug_assertions))]
fn test_switch(_name: &str) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn test_switches_are_read_in_debug_builds_only() {
        // PATH is set wherever tests run.
        assert_eq!(super::test_switch("PATH").is_some(), cfg!(debug_assertions));
    }
}
