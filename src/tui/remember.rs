//! Where the user left off: the pane, the selections, the layer filter and
//! the language, kept in `$XDG_STATE_HOME/career-explorer/state.toml` and
//! restored at the next start.
//!
//! Selections are kept as ids, not positions, so a changed catalog restores
//! what is still there and leaves the rest at its default. The file is a
//! convenience: a missing or broken one is ignored without a word, and it
//! is written atomically (a temporary file renamed over it) on quit.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::{Settings, Source};
use crate::tui::action::Pane;
use crate::tui::app::App;
use career_core::model::{Lang, Layer};

/// The largest state file read; a bigger one is ignored.
const MAX_BYTES: u64 = 64 << 10;

/// What is remembered. Every field is optional: a value that no longer
/// fits (an id gone from the catalog) is skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    /// "boundary", "compare", "skills", "jobs" or "plan".
    pub pane: Option<String>,
    /// The role selected in pane 1.
    pub role: Option<String>,
    /// The two roles of pane 2, left and right.
    pub compare: Option<Vec<String>>,
    /// The skill under the cursor in pane 3.
    pub skill: Option<String>,
    /// The posting open in pane 4, and its selected requirement.
    pub posting: Option<String>,
    pub requirement: Option<String>,
    /// "both", "2023" or "2024-2026".
    pub layer: Option<String>,
    /// "en" or "zh": used only when no flag, environment, config file or
    /// locale gives the language.
    pub lang: Option<String>,
}

const PANES: [(&str, Pane); 5] = [
    ("boundary", Pane::Boundary),
    ("compare", Pane::Compare),
    ("skills", Pane::Skills),
    ("jobs", Pane::Jobs),
    ("plan", Pane::Plan),
];

/// The state file's place: `$XDG_STATE_HOME/career-explorer/state.toml`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "career-explorer")
        .and_then(|d| d.state_dir().map(|s| s.join("state.toml")))
}

/// What the last run left, or nothing (no file, not a regular file, too
/// large, or not readable as the state: all ignored).
pub fn load() -> Remembered {
    default_path().map(|p| load_from(&p)).unwrap_or_default()
}

/// Reads the state at `path`; anything amiss gives the empty state.
pub fn load_from(path: &Path) -> Remembered {
    let ok = std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() <= MAX_BYTES);
    if !ok {
        return Remembered::default();
    }
    std::fs::read_to_string(path)
        .ok()
        .and_then(|t| toml::from_str(&t).ok())
        .unwrap_or_default()
}

/// Writes what `app` shows now, if the state file has a place; a failure
/// is not worth stopping the quit for and is ignored.
pub fn save(app: &App) {
    if let Some(p) = default_path() {
        let _ = save_to(&p, &Remembered::of(app));
    }
}

/// Writes `state` to `path` atomically: a temporary file beside it, then
/// renamed over it.
pub fn save_to(path: &Path, state: &Remembered) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let text = toml::to_string(state).map_err(std::io::Error::other)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".state-")
        .tempfile_in(dir)?;
    tmp.write_all(b"# Where career-explorer was left; rewritten on quit. Safe to delete.\n")?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

impl Remembered {
    /// What `app` shows now, by ids.
    pub fn of(app: &App) -> Remembered {
        let c = &app.catalog;
        let role_id = |r: usize| c.roles.get(r).map(|r| r.id.clone());
        let posting = app.catalog.postings.get(app.jobs.posting);
        Remembered {
            pane: PANES
                .iter()
                .find(|(_, p)| *p == app.pane)
                .map(|(n, _)| n.to_string()),
            role: app
                .catalog
                .index
                .pane_roles()
                .nth(app.boundary.slot)
                .and_then(role_id),
            compare: app.compare.roles.iter().map(|&r| role_id(r)).collect(),
            skill: app.focused_skill().map(|s| c.skills[s].id.clone()),
            posting: posting.map(|p| p.id.clone()),
            requirement: posting
                .and_then(|p| p.requirements.get(app.jobs.selected))
                .map(|r| r.id.clone()),
            layer: Some(
                match app.skills.layer {
                    None => "both",
                    Some(Layer::Base2023) => "2023",
                    Some(Layer::Recent) => "2024-2026",
                    Some(Layer::Ads) => "ads",
                }
                .to_string(),
            ),
            lang: Some(
                match app.lang {
                    Lang::En => "en",
                    Lang::Zh => "zh",
                }
                .to_string(),
            ),
        }
    }

    /// The language to start in: the settings' if anything gave one, else
    /// the remembered one, else English.
    pub fn lang_for(&self, settings: &Settings) -> Lang {
        if let (Some(l), _) = settings.lang {
            return l;
        }
        debug_assert_eq!(settings.lang.1, Source::Default);
        match self.lang.as_deref() {
            Some("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// Puts `app` where the last run left it, as far as the ids are still
    /// in the catalog.
    pub fn restore(&self, app: &mut App) {
        let layer = match self.layer.as_deref() {
            Some("2023") => Some(Layer::Base2023),
            Some("2024-2026") => Some(Layer::Recent),
            Some("ads") => Some(Layer::Ads),
            _ => None,
        };
        if layer.is_some() {
            app.set_layer_filter(layer);
        }
        if let Some(pane) = PANES.iter().find(|(n, _)| Some(*n) == self.pane.as_deref()) {
            app.pane = pane.1;
        }
        let c = std::sync::Arc::clone(&app.catalog);
        if let Some(slot) = self
            .role
            .as_deref()
            .and_then(|id| c.role_index(id))
            .and_then(|r| c.index.pane_roles().position(|s| s == r))
        {
            app.boundary.slot = slot;
        }
        if let Some(pair) = &self.compare {
            for (side, id) in pair.iter().take(2).enumerate() {
                if let Some(r) = c.role_index(id) {
                    app.compare.roles[side] = r;
                }
            }
        }
        if let Some((_, pos)) = self
            .skill
            .as_deref()
            .and_then(|id| c.skill_index(id))
            .and_then(|s| app.groups.group_and_position(&c, s))
        {
            app.skills.cursor = pos;
        }
        if let Some(p) = self
            .posting
            .as_deref()
            .and_then(|id| c.postings.iter().position(|p| p.id == id))
        {
            app.jobs.posting = p;
            let reqs = &c.postings[p].requirements;
            if let Some(i) = self
                .requirement
                .as_deref()
                .and_then(|id| reqs.iter().position(|r| r.id == id))
            {
                app.jobs.selected = i;
                app.jobs.reveal = true;
            }
        }
    }
}
