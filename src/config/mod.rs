//! The user's configuration: a TOML file with colours, key bindings, default `--data` paths and
//! mouse on/off, plus the `NO_COLOR` convention. Every mistake in the file is an error naming the
//! file, line and column; nothing falls back to a default silently.
//!
//! [`Config::parse`] is pure. [`Config::load_from_env`] finds the file (`$AGENDA_TUI_CONFIG`,
//! else `$XDG_CONFIG_HOME/agenda-tui/config.toml`, else `~/.config/agenda-tui/config.toml`) and
//! reads it. See `docs/export-and-config.md`.

mod colours;
mod command;
mod keys;
mod print;

use crate::fsio::line_column;
use crate::keymap::{Action, Context, Key, Keymap, bindable_actions};
pub use colours::{Colour, ThemeColours};
pub use command::split_command;
use keys::{acting_context, contexts_overlap};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The environment variable naming the config file; a file it names must exist.
pub const CONFIG_ENV: &str = "AGENDA_TUI_CONFIG";
/// The environment variable that turns colour off when set and not empty (no-color.org).
pub const NO_COLOR_ENV: &str = "NO_COLOR";
/// Config files larger than this are refused.
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The keys the user gave one action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    /// The action.
    pub action: Action,
    /// Its keys, in the order written; they replace the action's default keys.
    pub keys: Vec<Key>,
}

/// The effective configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Colours as configured (see [`Config::ui_theme`] for what to draw with).
    pub theme: ThemeColours,
    /// The actions whose keys the user set, in action-name order.
    pub keys: Vec<KeyOverride>,
    /// Corpus paths used when `--data` is not given (relative paths already resolved against
    /// the config file's directory; `~/` expanded by [`Config::load_from_env`]).
    pub data: Vec<PathBuf>,
    /// Mouse capture on (clicks and scrolling) or off (the terminal's own selection works).
    pub mouse: bool,
    /// The program (and its arguments) `y` writes the copied text to, run without a shell;
    /// `None`: tmux's buffer inside tmux, else OSC 52.
    pub copy_command: Option<Vec<String>>,
    /// True when `NO_COLOR` is set and not empty: draw without colour, keep the selection
    /// visible with reverse video and bold.
    pub no_color: bool,
    /// `open_command`: the program (and its first arguments) that opens an article's URL;
    /// empty for the system's (`xdg-open`, or `open` on macOS).
    pub open_command: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeColours::default(),
            keys: Vec::new(),
            data: Vec::new(),
            mouse: true,
            copy_command: None,
            no_color: false,
            open_command: Vec::new(),
        }
    }
}

/// Where the effective configuration came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigSource {
    /// This file.
    File(PathBuf),
    /// The built-in defaults, because there is no file at the default location (named when
    /// there is one: neither `XDG_CONFIG_HOME` nor `HOME` may be set).
    Defaults(Option<PathBuf>),
}

impl fmt::Display for ConfigSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigSource::File(path) => write!(f, "{}", path.display()),
            ConfigSource::Defaults(Some(path)) => {
                write!(f, "defaults (no file at {})", path.display())
            }
            ConfigSource::Defaults(None) => {
                write!(f, "defaults (neither XDG_CONFIG_HOME nor HOME is set)")
            }
        }
    }
}

/// Where to look for the config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigLocation {
    /// Named by `AGENDA_TUI_CONFIG`: it must exist.
    Explicit(PathBuf),
    /// The default location: a missing file there means the defaults.
    Default(PathBuf),
    /// No location can be worked out (no `XDG_CONFIG_HOME`, no `HOME`).
    Nowhere,
}

impl ConfigLocation {
    /// Work the location out from environment variables, read through `var`:
    /// `AGENDA_TUI_CONFIG`, else `$XDG_CONFIG_HOME/agenda-tui/config.toml` (an absolute
    /// `XDG_CONFIG_HOME` only, as the XDG spec says), else `$HOME/.config/agenda-tui/config.toml`.
    /// Empty variables count as unset.
    pub fn from_vars(var: impl Fn(&str) -> Option<OsString>) -> Self {
        let set = |name: &str| var(name).filter(|v| !v.is_empty());
        if let Some(path) = set(CONFIG_ENV) {
            return ConfigLocation::Explicit(PathBuf::from(path));
        }
        if let Some(xdg) = set("XDG_CONFIG_HOME").map(PathBuf::from)
            && xdg.is_absolute()
        {
            return ConfigLocation::Default(xdg.join("agenda-tui").join("config.toml"));
        }
        match set("HOME") {
            Some(home) => ConfigLocation::Default(
                PathBuf::from(home)
                    .join(".config")
                    .join("agenda-tui")
                    .join("config.toml"),
            ),
            None => ConfigLocation::Nowhere,
        }
    }
}

/// Why the configuration could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// The file could not be read (missing when named by `AGENDA_TUI_CONFIG`, a directory, no
    /// permission...).
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's explanation.
        message: String,
    },
    /// The file is not a valid config.
    Invalid {
        /// The file.
        path: PathBuf,
        /// Line and column (1-based, column in characters), when known.
        at: Option<(usize, usize)>,
        /// What is wrong.
        message: String,
    },
    /// More than one mistake in the file, in the order they appear.
    Several(Vec<ConfigError>),
}

impl ConfigError {
    /// The process exit status for this failure: 2 for an invalid file, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            ConfigError::Invalid { .. } | ConfigError::Several(_) => 2,
            ConfigError::Io { .. } => 1,
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Io { path, message } => {
                write!(f, "error: config {}: {message}", path.display())
            }
            ConfigError::Invalid {
                path,
                at: Some((line, column)),
                message,
            } => write!(f, "error: {}:{line}:{column}: {message}", path.display()),
            ConfigError::Invalid {
                path,
                at: None,
                message,
            } => write!(f, "error: {}: {message}", path.display()),
            ConfigError::Several(errors) => {
                let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
                f.write_str(&lines.join("\n"))
            }
        }
    }
}

impl std::error::Error for ConfigError {}

/// The keys a config file may have at its top level.
pub const TOP_LEVEL_KEYS: [&str; 6] = [
    "data",
    "mouse",
    "copy_command",
    "open_command",
    "theme",
    "keys",
];

/// `open_command` as written: one program, or a program and its first arguments.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum OpenCommand {
    Program(String),
    WithArguments(Vec<String>),
}

/// The file being parsed, for located errors.
struct Source<'a> {
    path: &'a Path,
    text: &'a str,
}

impl Source<'_> {
    /// An error at `span` of the text (or the file as a whole).
    fn error(&self, span: Option<Range<usize>>, message: String) -> ConfigError {
        ConfigError::Invalid {
            path: self.path.to_path_buf(),
            at: span.map(|s| line_column(self.text.as_bytes(), s.start)),
            message,
        }
    }

    /// The `[keys]` table as overrides: action names known, key strings valid, no key given to
    /// two actions that would compete for it, no typing key for a search-bar-only action. Each
    /// mistake is added to `errors` and the rest is still checked.
    fn key_overrides(
        &self,
        table: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
        errors: &mut Vec<ConfigError>,
    ) -> Vec<KeyOverride> {
        let defaults = Keymap::default();
        // Each (context, key) bound so far, with its action.
        let mut claimed: Vec<(Context, Key, Action)> = Vec::new();
        let mut overrides = Vec::new();
        for (name, written) in table {
            let Some(action) =
                Action::from_name(name.get_ref()).filter(|a| bindable_actions().contains(a))
            else {
                let known: Vec<&str> = bindable_actions().into_iter().map(Action::name).collect();
                errors.push(self.error(
                    Some(name.span()),
                    format!(
                        "unknown action \"{}\"; actions are: {}",
                        name.get_ref(),
                        known.join(", ")
                    ),
                ));
                continue;
            };
            let contexts: Vec<Context> = defaults
                .bindings
                .iter()
                .filter(|b| b.action == action)
                .map(|b| b.context)
                .collect();
            let mut keys: Vec<Key> = Vec::new();
            for entry in &written {
                let key = match entry.get_ref().parse::<Key>() {
                    Ok(key) => key,
                    Err(e) => {
                        errors.push(self.error(Some(entry.span()), e));
                        continue;
                    }
                };
                let acting: Vec<Context> = contexts
                    .iter()
                    .filter_map(|&c| acting_context(c, &key))
                    .collect();
                if acting.is_empty() {
                    errors.push(self.error(
                        Some(entry.span()),
                        format!(
                            "\"{}\" types text in the search bar and cannot run {}; use Ctrl-, Alt- or a named key",
                            key,
                            action.name()
                        ),
                    ));
                    continue;
                }
                for &context in &acting {
                    let rival = claimed.iter().find(|(c, k, a)| {
                        *k == key && *a != action && contexts_overlap(*c, context)
                    });
                    if let Some(&(_, _, other)) = rival {
                        errors.push(self.error(
                            Some(entry.span()),
                            format!(
                                "key \"{}\" is bound to both {} and {}",
                                key,
                                other.name(),
                                action.name()
                            ),
                        ));
                        break;
                    }
                    claimed.push((context, key, action));
                }
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            overrides.push(KeyOverride { action, keys });
        }
        overrides
    }

    /// The `data` paths, relative ones resolved against the config file's directory; `~/` is
    /// left for [`Config::load_with_vars`] to expand. An empty path is added to `errors`.
    fn data_paths(
        &self,
        written: &[Spanned<String>],
        errors: &mut Vec<ConfigError>,
    ) -> Vec<PathBuf> {
        let base = self.path.parent().unwrap_or(Path::new(""));
        let mut paths = Vec::new();
        for entry in written {
            let text = entry.get_ref();
            if text.trim().is_empty() {
                errors.push(self.error(Some(entry.span()), "empty data path".to_string()));
                continue;
            }
            let path = PathBuf::from(text);
            let home_relative = text == "~" || text.starts_with("~/");
            paths.push(if path.is_absolute() || home_relative {
                path
            } else {
                base.join(path)
            });
        }
        paths
    }

    /// `value` read as a `T`, or `None` with the mistake added to `errors`.
    fn section<T: serde::de::DeserializeOwned>(
        &self,
        value: toml::Spanned<DeValue<'_>>,
        errors: &mut Vec<ConfigError>,
    ) -> Option<T> {
        let whole = value.span();
        T::deserialize(toml::de::ValueDeserializer::from(value))
            .map_err(|e| {
                let span = e.span().or(Some(whole));
                errors.push(self.error(span, e.message().trim().to_string()));
            })
            .ok()
    }

    /// The `[theme]` table: each entry is checked on its own so that every wrong colour or
    /// name is reported.
    fn theme(
        &self,
        value: toml::Spanned<DeValue<'_>>,
        errors: &mut Vec<ConfigError>,
    ) -> Option<ThemeColours> {
        let before = errors.len();
        if let DeValue::Table(table) = value.get_ref() {
            for (name, colour) in table.iter() {
                let mut one = DeTable::new();
                one.insert(name.clone(), colour.clone());
                let span = name.span().start..colour.span().end;
                let _: Option<ThemeColours> =
                    self.section(toml::Spanned::new(span, DeValue::Table(one)), errors);
            }
        }
        if errors.len() > before {
            return None;
        }
        self.section(value, errors)
    }

    /// `copy_command`: a program and its arguments separated by spaces (quotes keep spaces
    /// inside an argument); run without a shell.
    fn copy_command(
        &self,
        value: toml::Spanned<DeValue<'_>>,
        errors: &mut Vec<ConfigError>,
    ) -> Option<Vec<String>> {
        let span = value.span();
        let text: String = self.section(value, errors)?;
        match split_command(&text) {
            Ok(argv) if !argv.is_empty() => Some(argv),
            Ok(_) => {
                errors.push(self.error(Some(span), "empty copy_command".to_string()));
                None
            }
            Err(message) => {
                errors.push(self.error(Some(span), message));
                None
            }
        }
    }
}

impl Config {
    /// Parse config `text`; `path` names the file in errors and is the base of relative `data`
    /// paths. `no_color` is left false (it comes from the environment, not the file). Every
    /// mistake is reported, each at its line and column ([`ConfigError::Several`] when there
    /// is more than one).
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let source = Source { path, text };
        let (root, syntax) = DeTable::parse_recoverable(text);
        let mut errors: Vec<ConfigError> = syntax
            .iter()
            .map(|e| source.error(e.span(), e.message().trim().to_string()))
            .collect();
        let mut config = Config::default();
        if errors.is_empty() {
            for (key, value) in root.into_inner() {
                match key.get_ref().as_ref() {
                    "theme" => {
                        if let Some(theme) = source.theme(value, &mut errors) {
                            config.theme = theme;
                        }
                    }
                    "keys" => {
                        if let Some(table) = source.section(value, &mut errors) {
                            config.keys = source.key_overrides(table, &mut errors);
                        }
                    }
                    "data" => {
                        if let Some(list) =
                            source.section::<Vec<Spanned<String>>>(value, &mut errors)
                        {
                            config.data = source.data_paths(&list, &mut errors);
                        }
                    }
                    "mouse" => {
                        if let Some(mouse) = source.section(value, &mut errors) {
                            config.mouse = mouse;
                        }
                    }
                    "copy_command" => {
                        config.copy_command = source.copy_command(value, &mut errors);
                    }
                    "open_command" => {
                        if let Some(command) = source.section::<OpenCommand>(value, &mut errors) {
                            config.open_command = match command {
                                OpenCommand::Program(program) => vec![program],
                                OpenCommand::WithArguments(words) => words,
                            }
                            .into_iter()
                            .filter(|w| !w.is_empty())
                            .collect();
                        }
                    }
                    other => errors.push(source.error(
                        Some(key.span()),
                        format!(
                            "unknown field `{other}`, expected one of {}",
                            TOP_LEVEL_KEYS.map(|k| format!("`{k}`")).join(", ")
                        ),
                    )),
                }
            }
        }
        errors.sort_by_key(|e| match e {
            ConfigError::Invalid { at, .. } => *at,
            _ => None,
        });
        match errors.len() {
            0 => Ok(config),
            1 => Err(errors.remove(0)),
            _ => Err(ConfigError::Several(errors)),
        }
    }

    /// The URL opener: `open_command` when set, else `open` on macOS and `xdg-open` elsewhere.
    pub fn opener(&self) -> Vec<String> {
        if !self.open_command.is_empty() {
            return self.open_command.clone();
        }
        let system = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        vec![system.to_string()]
    }

    /// Find and read the config as the environment says (see [`ConfigLocation::from_vars`]),
    /// expand `~/` in `data` with `HOME`, and set [`Config::no_color`] from `NO_COLOR`.
    pub fn load_from_env() -> Result<(Config, ConfigSource), ConfigError> {
        Config::load_with_vars(|name| std::env::var_os(name))
    }

    /// [`Config::load_from_env`] with the environment read through `var` (for tests).
    pub fn load_with_vars(
        var: impl Fn(&str) -> Option<OsString>,
    ) -> Result<(Config, ConfigSource), ConfigError> {
        let (mut config, source) = match ConfigLocation::from_vars(&var) {
            ConfigLocation::Explicit(path) => match read_config(&path)? {
                Some(text) => (Config::parse(&path, &text)?, ConfigSource::File(path)),
                None => {
                    return Err(ConfigError::Io {
                        path,
                        message: format!("no such file (named by {CONFIG_ENV})"),
                    });
                }
            },
            ConfigLocation::Default(path) => match read_config(&path)? {
                Some(text) => (Config::parse(&path, &text)?, ConfigSource::File(path)),
                None => (Config::default(), ConfigSource::Defaults(Some(path))),
            },
            ConfigLocation::Nowhere => (Config::default(), ConfigSource::Defaults(None)),
        };
        if let Some(home) = var("HOME").filter(|h| !h.is_empty()) {
            let home = PathBuf::from(home);
            for path in &mut config.data {
                if let Ok(rest) = path.strip_prefix("~") {
                    *path = home.join(rest);
                }
            }
        }
        config.no_color = var(NO_COLOR_ENV).is_some_and(|v| !v.is_empty());
        Ok((config, source))
    }

    /// The corpus paths to load: `cli_data` (`--data`) when given, else the config's `data`;
    /// empty means the embedded seed corpus.
    pub fn data_paths(&self, cli_data: &[PathBuf]) -> Vec<PathBuf> {
        if cli_data.is_empty() {
            self.data.clone()
        } else {
            cli_data.to_vec()
        }
    }
}

/// The text of the config file at `path`, `None` when there is no file there.
fn read_config(path: &Path) -> Result<Option<String>, ConfigError> {
    let io = |message: String| ConfigError::Io {
        path: path.to_path_buf(),
        message,
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e.to_string())),
    };
    if meta.is_dir() {
        return Err(io("is a directory".into()));
    }
    if meta.len() > MAX_CONFIG_BYTES {
        return Err(io(format!(
            "file is {} bytes, over the {MAX_CONFIG_BYTES} byte limit",
            meta.len()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| io(e.to_string()))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Some(text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                at: Some(line_column(prefix.as_bytes(), prefix.len())),
                message: "not valid UTF-8".into(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::Theme;
    use ratatui::crossterm::event::KeyEvent;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    use ratatui::style::{Color, Modifier};
    use std::collections::HashMap;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("/cfg/config.toml"), text)
    }

    fn error_of(text: &str) -> String {
        parse(text).expect_err("should be invalid").to_string()
    }

    fn event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(parse("").expect("valid"), Config::default());
        assert_eq!(
            parse("# nothing\n").expect("valid").keymap(),
            Keymap::default()
        );
    }

    #[test]
    fn open_command_is_a_program_or_a_program_with_arguments() {
        let one = parse("open_command = \"firefox\"\n").expect("valid");
        assert_eq!(one.open_command, ["firefox"]);
        assert_eq!(one.opener(), ["firefox"]);
        let many = parse("open_command = [\"firefox\", \"--new-tab\"]\n").expect("valid");
        assert_eq!(many.opener(), ["firefox", "--new-tab"]);
        let text = many.to_toml_string(&ConfigSource::Defaults(None));
        assert!(
            text.contains("open_command = [\"firefox\", \"--new-tab\"]"),
            "{text}"
        );
        let system = parse("").expect("valid").opener();
        assert!(system == ["xdg-open"] || system == ["open"], "{system:?}");
        assert!(parse("open_command = 3\n").is_err());
    }

    #[test]
    fn every_field_is_read() {
        let config = parse(
            r##"
data = ["corpora", "/abs/seed.json", "~/more"]
mouse = false

[theme]
accent = "light-red"
heading = "#FF8800"
match = "none"
dim = "Dark_Grey"
selection = "blue"
quote = "default"

[keys]
quit = ["x", "Ctrl-q"]
"##,
        )
        .expect("valid");
        assert_eq!(
            config.data,
            [
                PathBuf::from("/cfg/corpora"),
                PathBuf::from("/abs/seed.json"),
                PathBuf::from("~/more")
            ]
        );
        assert!(!config.mouse);
        assert_eq!(config.theme.accent, Colour::Color(Color::LightRed));
        assert_eq!(config.theme.heading, Colour::Color(Color::Rgb(255, 136, 0)));
        assert_eq!(config.theme.matched, Colour::None);
        assert_eq!(config.theme.dim, Colour::Color(Color::DarkGray));
        assert_eq!(config.theme.selection, Colour::Color(Color::Blue));
        assert_eq!(config.theme.quote, Colour::Color(Color::Reset));
        assert_eq!(config.theme.narrative, ThemeColours::default().narrative);
        assert_eq!(
            config.keys,
            [KeyOverride {
                action: Action::Quit,
                keys: vec![Key::char('x'), Key::ctrl('q')]
            }]
        );
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let message = error_of("mouse = true\n[theme\naccent = \"cyan\"\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:2:"),
            "{message}"
        );
        let message = error_of("mouse = true\nmouse = false\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:2:1:"),
            "{message}"
        );
    }

    #[test]
    fn unknown_fields_are_errors_with_their_place() {
        let message = error_of("mouse = true\ncolour = \"red\"\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:2:1:"),
            "{message}"
        );
        assert!(message.contains("colour"), "{message}");
        let message = error_of("[theme]\naccent = \"red\"\n  backgroud = \"red\"\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:3:3:"),
            "{message}"
        );
    }

    #[test]
    fn wrong_types_are_errors_with_their_place() {
        let message = error_of("mouse = \"yes\"\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:1:9:"),
            "{message}"
        );
        let message = error_of("[keys]\nquit = \"q\"\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:2:8:"),
            "{message}"
        );
        let message = error_of("data = \"corpus.json\"\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:1:8:"),
            "{message}"
        );
    }

    #[test]
    fn bad_colours_are_errors_with_their_place() {
        let message = error_of("[theme]\nheading = \"yellow\"\naccent = \"chartreuse\"\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:3:10:"),
            "{message}"
        );
        assert!(
            message.contains("unknown colour \"chartreuse\""),
            "{message}"
        );
        let message = error_of("[theme]\ndim = \"#12345\"\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:2:7:"),
            "{message}"
        );
        assert!(message.contains("#RRGGBB"), "{message}");
        assert!(parse("[theme]\ndim = \"#12345g\"\n").is_err());
        assert!(parse("[theme]\ndim = 3\n").is_err());
        assert!(parse("[theme]\ndim = \"256\"\n").is_err());
    }

    #[test]
    fn unknown_actions_are_errors_with_their_place() {
        let message = error_of("[keys]\nmove_down = [\"j\"]\nfly_away = [\"f\"]\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:3:1:"),
            "{message}"
        );
        assert!(message.contains("unknown action \"fly_away\""), "{message}");
        assert!(message.contains("move_down"), "{message}");
    }

    #[test]
    fn bad_key_strings_are_errors_with_their_place() {
        let message = error_of("[keys]\nquit = [\"q\", \"Ctrl-Hyper-q\"]\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:2:14:"),
            "{message}"
        );
        assert!(
            message.contains("invalid key \"Ctrl-Hyper-q\""),
            "{message}"
        );
        for bad in [
            "",
            "F25",
            "F0",
            "Shift-Up",
            "Shift-1",
            "Ctrl-Shift-a",
            "\u{1b}",
            "\t",
            "qq",
            "Ctrl-",
        ] {
            assert!(bad.parse::<Key>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn key_strings_parse_into_keys() {
        let cases = [
            ("j", Key::char('j')),
            ("G", Key::char('G')),
            ("Shift-g", Key::char('G')),
            ("?", Key::char('?')),
            ("-", Key::char('-')),
            (
                "Ctrl--",
                Key {
                    code: KeyCode::Char('-'),
                    modifiers: KeyModifiers::CONTROL,
                },
            ),
            ("Space", Key::char(' ')),
            (" ", Key::char(' ')),
            ("Ctrl-x", Key::ctrl('x')),
            ("ctrl-X", Key::ctrl('x')),
            (
                "Alt-x",
                Key {
                    code: KeyCode::Char('x'),
                    modifiers: KeyModifiers::ALT,
                },
            ),
            (
                "Ctrl-Alt-Del",
                Key {
                    code: KeyCode::Delete,
                    modifiers: KeyModifiers::CONTROL | KeyModifiers::ALT,
                },
            ),
            ("Shift-Tab", Key::plain(KeyCode::BackTab)),
            ("PgDn", Key::plain(KeyCode::PageDown)),
            ("pagedown", Key::plain(KeyCode::PageDown)),
            ("F5", Key::plain(KeyCode::F(5))),
            ("f12", Key::plain(KeyCode::F(12))),
            ("Esc", Key::plain(KeyCode::Esc)),
            ("한", Key::char('한')),
        ];
        for (text, key) in cases {
            assert_eq!(text.parse::<Key>(), Ok(key), "{text}");
        }
    }

    #[test]
    fn every_default_key_round_trips_through_its_string() {
        for binding in Keymap::default().bindings {
            for key in binding.keys {
                assert_eq!(key.to_string().parse::<Key>(), Ok(key), "{key:?}");
            }
        }
    }

    #[test]
    fn every_bindable_action_has_a_distinct_name() {
        let actions = bindable_actions();
        for &action in &actions {
            assert_eq!(Action::from_name(action.name()), Some(action));
        }
        let mut names: Vec<&str> = actions.iter().map(|&a| a.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), actions.len());
    }

    #[test]
    fn a_remapped_key_replaces_the_defaults_of_its_action() {
        let config = parse("[keys]\nmove_down = [\"n\", \"Down\", \"Ctrl-n\"]\n").expect("valid");
        let map = config.keymap();
        let n = event(KeyCode::Char('n'), KeyModifiers::NONE);
        let j = event(KeyCode::Char('j'), KeyModifiers::NONE);
        let ctrl_n = event(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(map.action_for(Context::Panes, &n), Some(Action::MoveDown));
        assert_eq!(map.action_for(Context::Panes, &j), None);
        assert_eq!(
            map.action_for(Context::Panes, &ctrl_n),
            Some(Action::MoveDown)
        );
        assert_eq!(
            map.action_for(Context::SearchBar, &ctrl_n),
            Some(Action::MoveDown)
        );
        // In the search bar "n" still types.
        assert_eq!(map.action_for(Context::SearchBar, &n), None);
    }

    #[test]
    fn a_key_taken_from_another_action_moves_to_the_new_one() {
        let config = parse("[keys]\nquit = [\"j\"]\n").expect("valid");
        let map = config.keymap();
        let j = event(KeyCode::Char('j'), KeyModifiers::NONE);
        let q = event(KeyCode::Char('q'), KeyModifiers::NONE);
        let down = event(KeyCode::Down, KeyModifiers::NONE);
        assert_eq!(map.action_for(Context::Panes, &j), Some(Action::Quit));
        assert_eq!(map.action_for(Context::Panes, &q), None);
        assert_eq!(
            map.action_for(Context::Panes, &down),
            Some(Action::MoveDown)
        );
        let config = parse("[keys]\nfocus_search = [\"Esc\"]\n").expect("valid");
        let esc = event(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(
            config.keymap().action_for(Context::Panes, &esc),
            Some(Action::FocusSearch)
        );
    }

    #[test]
    fn one_key_for_two_actions_is_an_error() {
        let message = error_of("[keys]\nmove_down = [\"x\"]\nquit = [\"Down\", \"x\"]\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:3:17:"),
            "{message}"
        );
        assert!(
            message.contains("bound to both move_down and quit"),
            "{message}"
        );
        // Contexts that never see the same key press do not conflict.
        assert!(parse("[keys]\nquit = [\"Ctrl-a\"]\ncursor_start = [\"Ctrl-a\"]\n").is_ok());
    }

    #[test]
    fn typing_keys_cannot_run_search_bar_actions() {
        let message = error_of("[keys]\ncursor_left = [\"h\"]\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:2:16:"),
            "{message}"
        );
        assert!(parse("[keys]\ncursor_left = [\"Alt-h\", \"Left\"]\n").is_ok());
    }

    #[test]
    fn a_key_taken_in_the_panes_stays_global_elsewhere() {
        let config = parse("[keys]\nquit = [\"Esc\"]\n").expect("valid");
        let map = config.keymap();
        let esc = event(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(map.action_for(Context::Panes, &esc), Some(Action::Quit));
        assert_eq!(map.action_for(Context::SearchBar, &esc), Some(Action::Back));
    }

    #[test]
    fn export_prompt_keys_are_their_own_context() {
        let config = parse("[keys]\nexport_json = [\"k\"]\nexport_csv = [\"Ctrl-c\"]\n")
            .expect("a prompt key may repeat a pane key");
        let map = config.keymap();
        let k = event(KeyCode::Char('k'), KeyModifiers::NONE);
        let ctrl_c = event(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(map.action_for(Context::Panes, &k), Some(Action::MoveUp));
        assert_eq!(
            map.action_for(Context::ExportPrompt, &k),
            Some(Action::ExportJson)
        );
        assert_eq!(
            map.action_for(Context::ExportPrompt, &ctrl_c),
            Some(Action::ExportCsv)
        );
        assert_eq!(
            map.action_for(Context::Panes, &ctrl_c),
            Some(Action::ForceQuit)
        );
    }

    #[test]
    fn a_typing_key_for_a_global_action_acts_in_the_panes_only() {
        let config = parse("[keys]\nback = [\"q\", \"Esc\"]\n").expect("valid");
        let map = config.keymap();
        let q = event(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(map.action_for(Context::Panes, &q), Some(Action::Back));
        assert_eq!(map.action_for(Context::SearchBar, &q), None);
        assert!(map.bindings.iter().all(|b| b.action != Action::Quit));
        let message = error_of("[keys]\nback = [\"x\"]\nquit = [\"x\"]\n");
        assert!(message.contains("bound to both back and quit"), "{message}");
        assert!(parse("[keys]\nback = [\"x\"]\ndelete_backward = [\"Ctrl-x\"]\n").is_ok());
    }

    #[test]
    fn an_empty_list_unbinds_an_action() {
        let config = parse("[keys]\nquit = []\n").expect("valid");
        let q = event(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(config.keymap().action_for(Context::Panes, &q), None);
    }

    #[test]
    fn empty_data_paths_are_errors() {
        let message = error_of("data = [\"ok.json\", \" \"]\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:1:20:"),
            "{message}"
        );
    }

    #[test]
    fn columns_count_characters() {
        let message = error_of("# 한국어\n[theme]\naccent = \"한\"\n");
        assert!(
            message.starts_with("error: /cfg/config.toml:3:10:"),
            "{message}"
        );
    }

    #[test]
    fn printed_config_parses_back_to_itself() {
        let text = "data = [\"/x/a.json\"]\nmouse = false\n[theme]\nmatch = \"#0a0b0c\"\n[keys]\nquit = [\"x\", \"F10\"]\nmove_up = [\"Up\", \"Ctrl-k\"]\n";
        let config = parse(text).expect("valid");
        let printed = config.to_toml_string(&ConfigSource::File("/cfg/config.toml".into()));
        assert!(printed.contains("# source: /cfg/config.toml"), "{printed}");
        assert!(printed.contains("quit = [\"x\", \"F10\"]"), "{printed}");
        assert!(
            printed.contains("# move_down = [\"Down\", \"j\", \"Ctrl-n\"]"),
            "{printed}"
        );
        assert_eq!(parse(&printed).expect("printed config is valid"), config);
        let defaults = Config::default().to_toml_string(&ConfigSource::Defaults(None));
        assert_eq!(parse(&defaults).expect("valid"), Config::default());
    }

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> + use<> {
        let map: HashMap<String, OsString> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), OsString::from(v)))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn the_location_follows_the_environment() {
        assert_eq!(
            ConfigLocation::from_vars(vars(&[
                (CONFIG_ENV, "/etc/a.toml"),
                ("XDG_CONFIG_HOME", "/x"),
                ("HOME", "/h")
            ])),
            ConfigLocation::Explicit("/etc/a.toml".into())
        );
        assert_eq!(
            ConfigLocation::from_vars(vars(&[
                (CONFIG_ENV, ""),
                ("XDG_CONFIG_HOME", "/x"),
                ("HOME", "/h")
            ])),
            ConfigLocation::Default("/x/agenda-tui/config.toml".into())
        );
        assert_eq!(
            ConfigLocation::from_vars(vars(&[("XDG_CONFIG_HOME", "relative"), ("HOME", "/h")])),
            ConfigLocation::Default("/h/.config/agenda-tui/config.toml".into())
        );
        assert_eq!(
            ConfigLocation::from_vars(vars(&[])),
            ConfigLocation::Nowhere
        );
    }

    #[test]
    fn a_missing_default_file_is_the_defaults_but_a_named_one_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let home = dir.path().to_string_lossy().into_owned();
        let (config, source) = Config::load_with_vars(vars(&[("HOME", &home)])).expect("defaults");
        assert_eq!(config, Config::default());
        assert_eq!(
            source,
            ConfigSource::Defaults(Some(dir.path().join(".config/agenda-tui/config.toml")))
        );
        let missing = dir
            .path()
            .join("missing.toml")
            .to_string_lossy()
            .into_owned();
        let err = Config::load_with_vars(vars(&[(CONFIG_ENV, &missing)])).expect_err("missing");
        assert!(matches!(err, ConfigError::Io { .. }));
        assert!(err.to_string().contains(CONFIG_ENV), "{err}");
        let err = Config::load_with_vars(vars(&[(CONFIG_ENV, &home)])).expect_err("a directory");
        assert!(err.to_string().contains("is a directory"), "{err}");
    }

    #[test]
    fn a_file_is_read_and_home_expanded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let config_dir = dir.path().join("agenda-tui");
        std::fs::create_dir(&config_dir).expect("mkdir");
        let file = config_dir.join("config.toml");
        std::fs::write(&file, "data = [\"~/corpus\", \"rel.json\"]\n").expect("write");
        let xdg = dir.path().to_string_lossy().into_owned();
        let (config, source) =
            Config::load_with_vars(vars(&[("XDG_CONFIG_HOME", &xdg), ("HOME", "/home/u")]))
                .expect("valid");
        assert_eq!(source, ConfigSource::File(file));
        assert_eq!(
            config.data,
            [PathBuf::from("/home/u/corpus"), config_dir.join("rel.json")]
        );
        std::fs::write(config_dir.join("config.toml"), b"mouse = \xff\n").expect("write");
        let err = Config::load_with_vars(vars(&[("XDG_CONFIG_HOME", &xdg)])).expect_err("bad");
        assert!(err.to_string().contains(":1:9: not valid UTF-8"), "{err}");
    }

    #[test]
    fn configured_colours_reach_the_ui_theme() {
        let config = parse("[theme]\naccent = \"#102030\"\ndim = \"none\"\nselection = \"blue\"\n")
            .expect("valid");
        let theme = config.ui_theme();
        assert_eq!(theme.accent.fg, Some(Color::Rgb(16, 32, 48)));
        assert_eq!(theme.dim.fg, None);
        assert_eq!(theme.heading, Theme::default().heading);
        assert_eq!(theme.selected_focused.bg, Some(Color::Blue));
        assert!(
            !theme
                .selected_focused
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        assert_eq!(
            theme.selected_unfocused,
            Theme::default().selected_unfocused
        );
        let no_color = Config {
            no_color: true,
            ..config
        };
        assert_eq!(no_color.ui_theme(), Theme::monochrome());
    }

    #[test]
    fn no_color_needs_a_non_empty_value() {
        let (config, _) = Config::load_with_vars(vars(&[(NO_COLOR_ENV, "1")])).expect("ok");
        assert!(config.no_color);
        assert_eq!(config.ui_theme(), Theme::monochrome());
        let (config, _) = Config::load_with_vars(vars(&[(NO_COLOR_ENV, "")])).expect("ok");
        assert!(!config.no_color);
        assert_eq!(config.ui_theme(), Theme::default());
        let printed = Config {
            no_color: true,
            ..Config::default()
        }
        .to_toml_string(&ConfigSource::Defaults(None));
        assert!(printed.contains("NO_COLOR is set"));
    }

    #[test]
    fn data_paths_prefer_the_command_line() {
        let config = Config {
            data: vec!["/cfg/a.json".into()],
            ..Config::default()
        };
        assert_eq!(config.data_paths(&[]), [PathBuf::from("/cfg/a.json")]);
        assert_eq!(
            config.data_paths(&["b.json".into()]),
            [PathBuf::from("b.json")]
        );
    }

    #[test]
    fn the_documented_example_is_valid() {
        let doc = include_str!("../../docs/export-and-config.md");
        let start = doc.find("```toml\n").expect("example block") + "```toml\n".len();
        let end = start + doc[start..].find("```").expect("block end");
        let config = Config::parse(
            Path::new("/home/me/.config/agenda-tui/config.toml"),
            &doc[start..end],
        )
        .expect("the example parses");
        assert!(!config.mouse);
        assert_eq!(config.theme.matched, Colour::Color(Color::Indexed(208)));
        let j = event(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(
            config.keymap().action_for(Context::Panes, &j),
            Some(Action::MoveDown)
        );
    }

    #[test]
    fn every_action_and_theme_field_is_documented() {
        let doc = include_str!("../../docs/export-and-config.md");
        for action in bindable_actions() {
            let row = format!("| `{}` |", action.name());
            assert!(doc.contains(&row), "{row} missing from the docs");
        }
        for (name, _) in ThemeColours::default().fields() {
            let row = format!("| `{name}` |");
            assert!(doc.contains(&row), "{row} missing from the docs");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 1000, failure_persistence: None, ..Default::default() })]

        #[test]
        fn any_text_parses_or_fails_without_panicking(text in "\\PC{0,200}") {
            let _ = parse(&text);
            let _ = parse(&format!("[keys]\nquit = [\"{}\"]\n[theme]\naccent = \"{}\"\n", text, text));
        }

        #[test]
        fn remapped_keys_always_reach_their_action_and_typing_stays_typing(
            picks in proptest::collection::vec((0usize..64, proptest::collection::vec(0usize..19, 0..4)), 0..6)
        ) {
            const POOL: [&str; 19] = [
                "j", "k", "q", "x", "Esc", "Enter", "Ctrl-n", "Ctrl-u", "Up", "Down", "Tab",
                "Shift-Tab", "/", "?", "G", "Alt-x", "F5", "Space", "Ctrl-c",
            ];
            let actions = bindable_actions();
            let mut text = String::from("[keys]\n");
            let mut used = std::collections::HashSet::new();
            for (action, keys) in &picks {
                let action = actions[action % actions.len()];
                if !used.insert(action) {
                    continue;
                }
                let list: Vec<String> = keys.iter().map(|&k| format!("\"{}\"", POOL[k])).collect();
                text.push_str(&format!("{} = [{}]\n", action.name(), list.join(", ")));
            }
            let Ok(config) = parse(&text) else { return Ok(()) };
            let map = config.keymap();
            let defaults = Keymap::default();
            for over in &config.keys {
                for key in &over.keys {
                    let press = event(key.code, key.modifiers);
                    for binding in defaults.bindings.iter().filter(|b| b.action == over.action) {
                        if let Some(context) = acting_context(binding.context, key) {
                            let probe = if context == Context::Global { Context::Panes } else { context };
                            proptest::prop_assert_eq!(map.action_for(probe, &press), Some(over.action), "{}", text);
                        }
                    }
                }
            }
            for c in ['j', 'k', 'q', 'x', '/', '?', 'G', ' '] {
                let press = event(KeyCode::Char(c), KeyModifiers::NONE);
                proptest::prop_assert_eq!(map.action_for(Context::SearchBar, &press), None, "{}", text);
            }
        }

        #[test]
        fn parsed_keys_print_back_to_themselves(text in "\\PC{0,12}") {
            if let Ok(key) = text.parse::<Key>() {
                proptest::prop_assert_eq!(key.to_string().parse::<Key>(), Ok(key));
            }
        }
    }

    #[test]
    fn colours_print_as_they_parse() {
        for text in [
            "none",
            "default",
            "#00ff7f",
            "light-magenta",
            "dark-gray",
            "white",
        ] {
            let colour: Colour = text.parse().expect("valid");
            assert_eq!(colour.to_string(), text);
        }
    }

    #[test]
    fn every_mistake_is_reported_each_at_its_line_and_column() {
        let text = "mouse = \"yes\"\n[theme]\naccent = \"chartreuse-ish\"\nborder = \"red\"\ndim = \"nope\"\n[keys]\nquit = [\"Ctrl-\"]\nfly = [\"x\"]\n";
        let err = parse(text).expect_err("invalid");
        let ConfigError::Several(errors) = &err else {
            panic!("several errors expected: {err}");
        };
        let places: Vec<Option<(usize, usize)>> = errors
            .iter()
            .map(|e| match e {
                ConfigError::Invalid { at, .. } => *at,
                _ => None,
            })
            .collect();
        assert_eq!(
            places,
            [
                Some((1, 9)),
                Some((3, 10)),
                Some((4, 1)),
                Some((5, 7)),
                Some((7, 9)),
                Some((8, 1))
            ],
            "{err}"
        );
        let message = err.to_string();
        assert_eq!(message.lines().count(), 6, "{message}");
        assert!(
            message
                .lines()
                .all(|l| l.starts_with("error: /cfg/config.toml:")),
            "{message}"
        );
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn several_syntax_errors_are_all_reported() {
        let err = parse("mouse = \nkeys = [\n").expect_err("invalid");
        assert!(
            err.to_string().starts_with("error: /cfg/config.toml:1:"),
            "{err}"
        );
    }

    #[test]
    fn copy_command_is_split_without_a_shell_and_round_trips() {
        let config = parse("copy_command = \"xclip -selection 'clip board' \\\"$HOME\\\"\"\n")
            .expect("valid");
        assert_eq!(
            config.copy_command,
            Some(vec![
                "xclip".to_string(),
                "-selection".to_string(),
                "clip board".to_string(),
                "$HOME".to_string(),
            ])
        );
        let printed = config.to_toml_string(&ConfigSource::Defaults(None));
        assert_eq!(parse(&printed).expect("round trip"), config, "{printed}");
        assert!(error_of("copy_command = \"  \"").contains("empty copy_command"));
        assert!(error_of("copy_command = \"wl-copy 'open\"").contains("unclosed '"));
        assert_eq!(
            split_command("a  b\\ c"),
            Ok(vec!["a".into(), "b c".into()])
        );
    }
}
