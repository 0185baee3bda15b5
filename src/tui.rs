//! The terminal loop: draw, read one event, turn it into an action, update,
//! save if progress changed. The terminal is restored however the loop ends.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use anyhow::Context;
use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use ratatui::DefaultTerminal;

use crate::action::Action;
use crate::app::{App, Effect};
use crate::i18n::labels;
use crate::{keymap, progress, ui};

pub fn run(mut app: App, progress_path: Option<PathBuf>) -> anyhow::Result<()> {
    // try_init also installs a panic hook that restores the terminal first.
    let mut terminal = ratatui::try_init()
        .context("career-explorer needs an interactive terminal (for scripts, see --help)")?;
    // ratatui's panic hook leaves the alternate screen; ours also shows the cursor.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    // Mouse capture: a terminal that does not support it simply sends nothing.
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::EnableMouseCapture);
    if let Err(e) = restore_on_signals() {
        restore();
        return Err(e).context("cannot install signal handlers");
    }
    let result = event_loop(&mut terminal, &mut app, progress_path);
    restore();
    result
}

/// What wakes the loop: a terminal event, or a search answer from the worker.
enum Msg {
    Input(std::io::Result<Event>),
    Answer(crate::searcher::Answer),
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    progress_path: Option<PathBuf>,
) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel();
    // Input and search answers arrive on one channel, so a keystroke is drawn
    // while a long search still runs.
    let answers = tx.clone();
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
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                let event = event::read();
                let failed = event.is_err();
                if tx.send(Msg::Input(event)).is_err() || failed {
                    return;
                }
            }
        })
        .context("cannot start the input thread")?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    while !app.quit {
        terminal.draw(|frame| ui::draw(app, frame))?;
        // Lets the end-to-end tests check the terminal is restored after a panic.
        if test_switch("CAREER_EXPLORER_PANIC_AFTER_DRAW").is_some() {
            panic!("panic requested by CAREER_EXPLORER_PANIC_AFTER_DRAW");
        }
        let mut msg = rx.recv().context("the input thread stopped")?;
        // Take everything already waiting before drawing again.
        loop {
            handle(app, msg, progress_path.as_deref())?;
            match rx.try_recv() {
                Ok(next) if !app.quit => msg = next,
                _ => break,
            }
        }
    }
    Ok(())
}

fn handle(app: &mut App, msg: Msg, progress_path: Option<&Path>) -> anyhow::Result<()> {
    let event = match msg {
        Msg::Answer(answer) => {
            app.receive(answer);
            return Ok(());
        }
        Msg::Input(event) => event.context("cannot read from the terminal")?,
    };
    let action = match event {
        Event::Key(key) if key.is_press() && app.search.is_some() => keymap::search_action_for(key),
        Event::Key(key) if key.is_press() && app.editor.is_some() => keymap::edit_action_for(key),
        Event::Key(key) if key.is_press() => keymap::action_for(key),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(true)),
            MouseEventKind::ScrollDown => Some(Action::Wheel(false)),
            _ => None,
        },
        _ => None,
    };
    if let Some(action) = action
        && app.update(action) == Effect::Save
        && let Some(path) = progress_path
    {
        save(app, path);
    }
    Ok(())
}

/// Writes the changed entries. A failed save keeps the change in memory (and
/// queued in `dirty`) and says so in the status line; the next change retries.
pub fn save(app: &mut App, path: &Path) {
    let result = progress::save_merged(path, &mut app.progress, &app.dirty);
    app.refresh_tallies();
    app.status = match result {
        Ok(()) => {
            app.dirty.clear();
            None
        }
        Err(e) => Some(format!("{}: {e}", labels(app.lang).saved_error)),
    };
}

/// SIGTERM, SIGHUP (terminal closed) and SIGINT end the app with the terminal
/// restored: raw mode off, alternate screen left, cursor shown. Progress is
/// already on disk: it is saved after every change.
fn restore_on_signals() -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            restore();
            std::process::exit(128 + sig);
        }
    });
    Ok(())
}

/// Mouse capture off, raw mode off, alternate screen left, cursor shown.
fn restore() {
    let _ = crossterm::execute!(std::io::stdout(), crossterm::event::DisableMouseCapture);
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
