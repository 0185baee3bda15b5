//! The config file, `$XDG_CONFIG_HOME/career-explorer/config.toml`, and the
//! settings in force: each from a flag, else the environment, else the
//! file, else the default (the language also from the locale, after the
//! file, and from the remembered state last).
//!
//! A file that does not read is an error at its file, line and column; the
//! app does not start on half of it. A missing file is no error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::tui::bindings::{self, Key, Keymap};
use career_core::i18n::{Arg, Msg};
use career_core::model::Lang;

/// The largest config file read, in bytes.
const MAX_BYTES: u64 = 1 << 20;

/// The environment variable that gives the language (beats the file).
pub const LANG_ENV: &str = "CAREER_EXPLORER_LANG";
/// The environment variable that gives the data folder (beats the file).
pub const DATA_ENV: &str = "CAREER_EXPLORER_DATA";

/// The hours per week a learning plan assumes when none are given.
pub const DEFAULT_HOURS: u32 = 5;

/// Colours: on unless `NO_COLOR` is set (auto), always, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorMode {
    Auto,
    Always,
    Never,
}

impl ColorMode {
    fn name(self) -> &'static str {
        match self {
            ColorMode::Auto => "auto",
            ColorMode::Always => "always",
            ColorMode::Never => "never",
        }
    }
}

/// Where a setting in force came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env(&'static str),
    File,
    Locale,
    /// Remembered from the last run (the state file).
    State,
    Default,
}

/// Why the config file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A slip in the file, at its 1-based line and column (in characters).
    #[error("{}:{line}:{col}: {message}", .path.display())]
    At {
        path: PathBuf,
        line: usize,
        col: usize,
        message: Msg,
    },
    /// The file as a whole: not regular, too large, unreadable.
    #[error("{}: {message}", .path.display())]
    File { path: PathBuf, message: Msg },
}

impl ConfigError {
    /// The error as its `Display` says it (in English), the message in
    /// `lang`: the place stays as it is.
    pub fn render(&self, lang: Lang) -> String {
        let colon = career_core::i18n::colon(lang);
        match self {
            ConfigError::At {
                path,
                line,
                col,
                message,
            } => format!(
                "{}:{line}:{col}{colon}{}",
                path.display(),
                message.render(lang)
            ),
            ConfigError::File { path, message } => {
                format!("{}{colon}{}", path.display(), message.render(lang))
            }
        }
    }
}

/// The system's error `e`, English in its own words.
fn io_msg(e: &std::io::Error) -> Msg {
    Msg::new("io").arg("e", Arg::Io(e.to_string(), e.kind()))
}

/// The file's shape. Every field is optional; an unknown one is an error.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileShape {
    language: Option<Spanned<String>>,
    color: Option<Spanned<String>>,
    data: Option<Spanned<String>>,
    hours_per_week: Option<Spanned<i64>>,
    copy: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
}

/// What the config file says, checked.
#[derive(Debug, Clone, Default)]
pub struct FileConfig {
    pub lang: Option<Lang>,
    pub color: Option<ColorMode>,
    pub data: Option<PathBuf>,
    pub hours_per_week: Option<u32>,
    pub copy: Option<bool>,
    /// The user's keys per action name, as written, in file order.
    pub keys: Vec<(String, Vec<Key>)>,
}

/// The config file's place: `$XDG_CONFIG_HOME/career-explorer/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "career-explorer")
        .map(|d| d.config_dir().join("config.toml"))
}

/// Reads the config file at `path`: `Ok(None)` when there is none. It must
/// be a regular file (a FIFO or a device is refused before reading).
pub fn load(path: &Path) -> Result<Option<FileConfig>, ConfigError> {
    let whole = |message: Msg| ConfigError::File {
        path: path.to_path_buf(),
        message,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(whole(io_msg(&e))),
    };
    if !meta.is_file() {
        return Err(whole(Msg::new("cfg_not_regular")));
    }
    if meta.len() > MAX_BYTES {
        return Err(whole(Msg::new("cfg_too_large").text("len", meta.len())));
    }
    let text = std::fs::read_to_string(path).map_err(|e| whole(io_msg(&e)))?;
    parse(&text, path).map(Some)
}

/// Reads config text; errors name `path` with the line and column.
pub fn parse(text: &str, path: &Path) -> Result<FileConfig, ConfigError> {
    let at = |span: std::ops::Range<usize>, message: Msg| error_at(text, path, span, message);
    let shape: FileShape = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let said = Arg::TomlReader(e.message().trim().to_string());
        at(span, Msg::new("cfg_toml").arg("text", said))
    })?;
    let mut out = FileConfig {
        copy: shape.copy,
        ..FileConfig::default()
    };
    if let Some(v) = &shape.language {
        out.lang = Some(match v.get_ref().as_str() {
            "en" => Lang::En,
            "zh" => Lang::Zh,
            other => {
                return Err(at(v.span(), quoted("cfg_language", other)));
            }
        });
    }
    if let Some(v) = &shape.color {
        out.color = Some(match v.get_ref().as_str() {
            "auto" => ColorMode::Auto,
            "always" => ColorMode::Always,
            "never" => ColorMode::Never,
            other => {
                return Err(at(v.span(), quoted("cfg_color", other)));
            }
        });
    }
    if let Some(v) = &shape.data {
        out.data = Some(data_path(v.get_ref(), path));
    }
    if let Some(v) = &shape.hours_per_week {
        match u32::try_from(*v.get_ref()) {
            Ok(h) if (1..=168).contains(&h) => out.hours_per_week = Some(h),
            _ => {
                let given = Msg::new("cfg_hours").text("v", v.get_ref());
                return Err(at(v.span(), given));
            }
        }
    }
    out.keys = read_keys(&shape.keys, text, path)?;
    Ok(out)
}

/// A slip at byte `span.start` of `text`, as <file:line:col>.
fn error_at(text: &str, path: &Path, span: std::ops::Range<usize>, message: Msg) -> ConfigError {
    let (line, col) = line_col(text, span.start);
    ConfigError::At {
        path: path.to_path_buf(),
        line,
        col,
        message,
    }
}

/// The `[keys]` table, checked in file order (so the error names the first
/// slip): known action names, keys that read, no key given twice.
fn read_keys(
    table: &BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    text: &str,
    path: &Path,
) -> Result<Vec<(String, Vec<Key>)>, ConfigError> {
    let at = |span: std::ops::Range<usize>, message: Msg| error_at(text, path, span, message);
    let mut keys: Vec<_> = table.iter().collect();
    keys.sort_by_key(|(name, _)| name.span().start);
    let mut out: Vec<(String, Vec<Key>)> = Vec::new();
    for (name, value) in keys {
        if bindings::action_named(name.get_ref()).is_none() {
            let names = bindings::ACTION_NAMES.iter().map(|(n, _)| *n);
            let unknown = quoted("cfg_unknown_action", name.get_ref())
                .arg("names", bindings::code_list(names));
            return Err(at(name.span(), unknown));
        }
        let written: Vec<String> = match value.get_ref() {
            toml::Value::String(s) => vec![s.clone()],
            toml::Value::Array(items) => items
                .iter()
                .map(|i| i.as_str().map(str::to_string))
                .collect::<Option<_>>()
                .ok_or_else(|| at(value.span(), Msg::new("cfg_keys_text")))?,
            _ => {
                return Err(at(value.span(), Msg::new("cfg_key_value")));
            }
        };
        let mut list = Vec::new();
        for w in &written {
            let key = bindings::parse_key(w).map_err(|m| at(key_span(text, value, w), m))?;
            if let Some((other, _)) = out.iter().find(|(_, ks)| ks.contains(&key)) {
                let twice = quoted("cfg_key_twice", w).text("action", other);
                return Err(at(key_span(text, value, w), twice));
            }
            list.push(key);
        }
        out.push((name.get_ref().clone(), list));
    }
    Ok(out)
}

/// Message `key` with `{v}`, the value the user wrote, quoted.
fn quoted(key: &'static str, written: &str) -> Msg {
    Msg::new(key).arg("v", Arg::Quoted(written.to_string()))
}

/// Where key `written` stands inside `value` (a list), else the value.
fn key_span(text: &str, value: &Spanned<toml::Value>, written: &str) -> std::ops::Range<usize> {
    let span = value.span();
    let inside = text.get(span.clone()).unwrap_or("");
    match inside.find(&format!("\"{written}\"")) {
        Some(i) => span.start + i..span.start + i + written.len() + 2,
        None => span,
    }
}

/// A data folder as the file gives it: `~/` is the home folder, and a
/// relative path is taken from the config file's folder.
fn data_path(written: &str, config: &Path) -> PathBuf {
    if let Some(rest) = written.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        return Path::new(&home).join(rest);
    }
    let p = Path::new(written);
    match config.parent() {
        Some(dir) if p.is_relative() => dir.join(p),
        _ => p.to_path_buf(),
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// What the command line gave (flags beat everything).
#[derive(Debug, Clone, Default)]
pub struct Flags {
    pub lang: Option<Lang>,
    pub color: Option<ColorMode>,
    pub data: Option<PathBuf>,
}

/// The settings in force, each with where it came from.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where the config file was looked for, and whether it was there.
    pub file: Option<(PathBuf, bool)>,
    /// `None` until the state file is read: the language is then
    /// remembered, or English.
    pub lang: (Option<Lang>, Source),
    pub color: (ColorMode, Source),
    /// Whether the app draws without colour.
    pub monochrome: bool,
    pub data: (Option<PathBuf>, Source),
    pub hours_per_week: (u32, Source),
    pub copy: (bool, Source),
    /// The key table in force, and the remapped actions (name, keys).
    pub keymap: Arc<Keymap>,
    pub remapped: Vec<(String, Vec<Key>)>,
}

/// Settles each setting: the flag, else the environment (`env` looks a
/// variable up), else the file, else the default.
pub fn resolve(
    flags: &Flags,
    file: Option<&FileConfig>,
    file_path: Option<(PathBuf, bool)>,
    env: impl Fn(&str) -> Option<String>,
) -> Settings {
    let env = |k: &str| env(k).filter(|v| !v.is_empty());
    let none = FileConfig::default();
    let f = file.unwrap_or(&none);
    let lang = if let Some(l) = flags.lang {
        (Some(l), Source::Flag("--lang"))
    } else if let Some(l) = env(LANG_ENV).and_then(|v| lang_named(&v)) {
        (Some(l), Source::Env(LANG_ENV))
    } else if let Some(l) = f.lang {
        (Some(l), Source::File)
    } else if let Some(l) = locale_lang(&env) {
        (Some(l), Source::Locale)
    } else {
        (None, Source::Default)
    };
    let no_color = env("NO_COLOR").is_some();
    let color = match (flags.color, f.color) {
        (Some(c), _) => (c, Source::Flag("--color")),
        (None, _) if no_color => (ColorMode::Never, Source::Env("NO_COLOR")),
        (None, Some(c)) => (c, Source::File),
        (None, None) => (ColorMode::Auto, Source::Default),
    };
    let monochrome = match color.0 {
        ColorMode::Always => false,
        ColorMode::Never => true,
        ColorMode::Auto => no_color,
    };
    let data = if let Some(d) = &flags.data {
        (Some(d.clone()), Source::Flag("--data"))
    } else if let Some(d) = env(DATA_ENV) {
        (Some(PathBuf::from(d)), Source::Env(DATA_ENV))
    } else if let Some(d) = &f.data {
        (Some(d.clone()), Source::File)
    } else {
        (None, Source::Default)
    };
    let pick = |v: Option<u32>, d: u32| v.map_or((d, Source::Default), |v| (v, Source::File));
    let copy = f
        .copy
        .map_or((true, Source::Default), |c| (c, Source::File));
    let mut keymap = Keymap::default();
    for (name, keys) in &f.keys {
        if let Some(action) = bindings::action_named(name) {
            keymap.remap(&action, keys);
        }
    }
    Settings {
        file: file_path,
        lang,
        color,
        monochrome,
        data,
        hours_per_week: pick(f.hours_per_week, DEFAULT_HOURS),
        copy,
        keymap: Arc::new(keymap),
        remapped: f.keys.clone(),
    }
}

fn lang_named(v: &str) -> Option<Lang> {
    match v.to_ascii_lowercase().as_str() {
        "en" => Some(Lang::En),
        "zh" => Some(Lang::Zh),
        _ => None,
    }
}

/// The language the locale names (POSIX order: `LC_ALL`, `LC_MESSAGES`, LANG,
/// the first set and not empty). `C` and `POSIX` name none.
pub fn locale_lang(env: &impl Fn(&str) -> Option<String>) -> Option<Lang> {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| env(v))
        .find(|v| !v.is_empty())?;
    let name = locale.split(['.', '@']).next().unwrap_or("");
    if name == "C" || name == "POSIX" || name.is_empty() {
        return None;
    }
    Some(if name.to_ascii_lowercase().starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    })
}

impl Source {
    /// Where the setting came from, in `lang`.
    fn describe(&self, file: Option<&Path>, lang: Lang) -> String {
        let msg = match self {
            Source::Flag(f) => Msg::new("src_flag").text("flag", f),
            Source::Env(v) => Msg::new("src_env").text("var", v),
            Source::File => match file {
                Some(p) => Msg::new("src_file_at").text("path", p.display()),
                None => Msg::new("src_file"),
            },
            Source::Locale => Msg::new("src_locale"),
            Source::State => Msg::new("src_state"),
            Source::Default => Msg::new("src_default"),
        };
        msg.render(lang)
    }
}

/// `career-explorer config`: every setting in force and where it came
/// from, the comments in `lang`.
pub fn describe(s: &Settings, lang: Lang) -> String {
    let file = s.file.as_ref().map(|(p, _)| p.as_path());
    let head = match &s.file {
        Some((p, true)) => Msg::new("cfg_file").text("path", p.display()),
        Some((p, false)) => Msg::new("cfg_file_absent").text("path", p.display()),
        None => Msg::new("cfg_no_home"),
    };
    let mut out = format!("{}\n", head.render(lang));
    let mut line = |name: &str, value: String, src: &Source| {
        out.push_str(&format!(
            "{name:<16} {value:<24} # {}\n",
            src.describe(file, lang)
        ));
    };
    let language = match s.lang.0 {
        Some(Lang::En) => "en".to_string(),
        Some(Lang::Zh) => "zh".to_string(),
        None => Msg::new("cfg_lang_unset").render(lang),
    };
    line("language", language, &s.lang.1);
    line("color", s.color.0.name().to_string(), &s.color.1);
    let data = s.data.0.as_ref().map_or(
        career_core::i18n::cli_labels(lang).bundled.to_string(),
        |d| d.display().to_string(),
    );
    line("data", data, &s.data.1);
    line(
        "hours_per_week",
        s.hours_per_week.0.to_string(),
        &s.hours_per_week.1,
    );
    line("copy", s.copy.0.to_string(), &s.copy.1);
    for (name, keys) in &s.remapped {
        let shown: Vec<String> = keys.iter().map(|&k| bindings::key_label(k)).collect();
        line(&format!("keys.{name}"), shown.join(" "), &Source::File);
    }
    out
}

/// `career-explorer config --default`: a config file with every setting at
/// its default, commented out, and every action with its built-in keys; the
/// comments in `lang`.
pub fn default_file(lang: Lang) -> String {
    let mut out = Msg::new("cfg_default_head").render(lang);
    out.push_str(&format!("# hours_per_week = {DEFAULT_HOURS}\n\n"));
    out.push_str(&Msg::new("cfg_default_keys").render(lang));
    let builtin = Keymap::builtin();
    for (name, action) in bindings::ACTION_NAMES {
        let keys: Vec<String> = builtin
            .keys_of(action)
            .iter()
            .map(|&k| format!("{:?}", key_config_name(k)))
            .collect();
        out.push_str(&format!("# {name} = [{}]\n", keys.join(", ")));
    }
    out
}

/// How the config file writes a key (what [`bindings::parse_key`] reads).
fn key_config_name(key: Key) -> String {
    let label = bindings::key_label(key);
    let named = [
        ("Space", "space"),
        ("←", "left"),
        ("→", "right"),
        ("↑", "up"),
        ("↓", "down"),
        ("PgUp", "pageup"),
        ("PgDn", "pagedown"),
        ("Del", "delete"),
        ("Ins", "insert"),
    ];
    if let Some((_, n)) = named.iter().find(|(l, _)| *l == label) {
        return n.to_string();
    }
    if label.chars().count() == 1 {
        return label;
    }
    label.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;

    fn path() -> PathBuf {
        PathBuf::from("/c/config.toml")
    }

    #[test]
    fn lines_and_columns_count_characters() {
        assert_eq!(line_col("a\nbc", 0), (1, 1));
        assert_eq!(line_col("a\nbc", 3), (2, 2));
        assert_eq!(line_col("语言\nx", 6), (1, 3));
    }

    #[test]
    fn the_default_file_reads_back_and_changes_nothing() {
        let text = default_file(Lang::En);
        let c = parse(&text, &path()).unwrap();
        assert!(c.lang.is_none() && c.keys.is_empty());
        // Uncommented, every line still reads and gives the built-in keys.
        let open: String = text
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|l| l.contains(" = "))
                    .unwrap_or(l)
            })
            .map(|l| if l.starts_with('#') { "" } else { l })
            .collect::<Vec<_>>()
            .join("\n");
        let c = parse(&open, &path()).unwrap();
        assert_eq!(c.hours_per_week, Some(DEFAULT_HOURS));
        let s = resolve(&Flags::default(), Some(&c), None, |_| None);
        for (row, builtin) in s.keymap.rows().iter().zip(Keymap::builtin().rows()) {
            assert_eq!(row.keys, builtin.keys, "{:?}", row.action);
        }
    }

    #[test]
    fn the_chinese_default_file_has_the_same_settings() {
        let zh = default_file(Lang::Zh);
        let c = parse(&zh, &path()).unwrap();
        assert!(c.lang.is_none() && c.keys.is_empty());
        // Only the comments differ: the same settings, commented out alike.
        let settings = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| l.contains(" = ") || l.starts_with('['))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(settings(&zh), settings(&default_file(Lang::En)));
    }

    #[test]
    fn settings_and_keys_read() {
        let c = parse(
            "language = \"zh\"\ncolor = \"never\"\nhours_per_week = 8\ncopy = false\n[keys]\ndone = \"t\"\nquit = [\"Q\", \"ctrl-q\"]\n",
            &path(),
        )
        .unwrap();
        assert_eq!(c.lang, Some(Lang::Zh));
        assert_eq!(c.color, Some(ColorMode::Never));
        assert_eq!((c.hours_per_week, c.copy), (Some(8), Some(false)));
        assert_eq!(c.keys[0].0, "done");
        assert_eq!(c.keys[1].1.len(), 2);
    }

    #[test]
    fn an_unknown_action_or_key_is_an_error_at_its_line_and_column() {
        let e = parse("language = \"en\"\n[keys]\n  dnoe = \"t\"\n", &path()).unwrap_err();
        assert_eq!(
            e.to_string().split(": unknown").next(),
            Some("/c/config.toml:3:3")
        );
        assert!(e.to_string().contains("\"dnoe\""), "{e}");
        let e = parse("[keys]\nquit = [\"q\", \"hyper-x\"]\n", &path()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("/c/config.toml:2:14: unknown key"),
            "{e}"
        );
        let e = parse("[keys]\nquit = \"t\"\ndone = \"t\"\n", &path()).unwrap_err();
        assert!(e.to_string().starts_with("/c/config.toml:3:8:"), "{e}");
        assert!(e.to_string().contains("already the key of quit"), "{e}");
    }

    #[test]
    fn bad_values_and_syntax_are_errors_at_their_place() {
        let e = parse("hours_per_week = 0\n", &path()).unwrap_err();
        assert!(e.to_string().starts_with("/c/config.toml:1:18:"), "{e}");
        let e = parse("\ncolour = \"never\"\n", &path()).unwrap_err();
        assert!(e.to_string().starts_with("/c/config.toml:2:1:"), "{e}");
        assert!(e.to_string().contains("colour"), "{e}");
        let e = parse("language = \"fr\"\n", &path()).unwrap_err();
        assert!(e.to_string().starts_with("/c/config.toml:1:12:"), "{e}");
        let e = parse("language = \n", &path()).unwrap_err();
        assert!(e.to_string().starts_with("/c/config.toml:1:"), "{e}");
    }

    #[test]
    fn flags_beat_the_environment_beat_the_file() {
        let file = parse(
            "language = \"zh\"\ncolor = \"always\"\ndata = \"/f\"\n",
            &path(),
        )
        .unwrap();
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                vars.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let s = resolve(
            &Flags::default(),
            Some(&file),
            None,
            env(&[("LANG", "en_US.UTF-8")]),
        );
        assert_eq!(
            s.lang,
            (Some(Lang::Zh), Source::File),
            "the file beats the locale"
        );
        assert_eq!(s.color, (ColorMode::Always, Source::File));
        assert!(!s.monochrome);
        let s = resolve(
            &Flags::default(),
            Some(&file),
            None,
            env(&[(LANG_ENV, "en"), ("NO_COLOR", "1"), (DATA_ENV, "/e")]),
        );
        assert_eq!(s.lang, (Some(Lang::En), Source::Env(LANG_ENV)));
        assert_eq!(s.color, (ColorMode::Never, Source::Env("NO_COLOR")));
        assert_eq!(s.data, (Some(PathBuf::from("/e")), Source::Env(DATA_ENV)));
        let flags = Flags {
            lang: Some(Lang::Zh),
            color: Some(ColorMode::Always),
            data: Some("/x".into()),
        };
        let s = resolve(
            &flags,
            Some(&file),
            None,
            env(&[(LANG_ENV, "en"), ("NO_COLOR", "1")]),
        );
        assert_eq!(s.lang.1, Source::Flag("--lang"));
        assert!(!s.monochrome, "--color always beats NO_COLOR");
        assert_eq!(s.data.1, Source::Flag("--data"));
        // Nothing anywhere: the language is left to the remembered state.
        let s = resolve(&Flags::default(), None, None, env(&[("LANG", "C.UTF-8")]));
        assert_eq!(s.lang, (None, Source::Default));
    }

    #[test]
    fn remapped_keys_are_in_the_table() {
        let file = parse("[keys]\ndone = \"t\"\n", &path()).unwrap();
        let s = resolve(&Flags::default(), Some(&file), None, |_| None);
        assert_eq!(
            s.keymap.keys_of(&Action::Toggle),
            &[bindings::parse_key("t").unwrap()]
        );
        assert!(describe(&s, Lang::En).contains("keys.done"));
    }

    #[test]
    fn a_fifo_is_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("config.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let e = load(&fifo).unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
        assert!(load(&dir.path().join("none.toml")).unwrap().is_none());
    }
}
