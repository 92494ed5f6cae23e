//! The `[theme]` table: colours as written in the config, and the [`Theme`] drawn with them.

use super::Config;
use crate::theme::Theme;
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use serde::de::{self, Deserializer};
use std::fmt;

/// A colour of the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    /// No colour of our own: the terminal's default shows through (`"none"`).
    None,
    /// This colour.
    Color(Color),
}

impl Colour {
    /// The ratatui colour, `None` for [`Colour::None`].
    pub fn color(self) -> Option<Color> {
        match self {
            Colour::None => None,
            Colour::Color(c) => Some(c),
        }
    }
}

/// Names of the 16 ANSI colours as written in the config, with the ratatui colour each means.
const COLOUR_NAMES: [(&str, Color); 16] = [
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark-gray", Color::DarkGray),
    ("light-red", Color::LightRed),
    ("light-green", Color::LightGreen),
    ("light-yellow", Color::LightYellow),
    ("light-blue", Color::LightBlue),
    ("light-magenta", Color::LightMagenta),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
];

impl std::str::FromStr for Colour {
    type Err = String;

    /// `"cyan"`, `"light-red"` (or `light_red`, any case; `grey` for `gray`), `"#RRGGBB"`, a
    /// 256-colour palette number `"0"` to `"255"`, `"default"` (the terminal's colour, reset)
    /// or `"none"`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let name = s.trim().to_ascii_lowercase().replace('_', "-");
        let name = name.replace("grey", "gray");
        if name == "none" {
            return Ok(Colour::None);
        }
        if name == "default" || name == "reset" {
            return Ok(Colour::Color(Color::Reset));
        }
        if !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()) {
            return name
                .parse::<u8>()
                .map(|i| Colour::Color(Color::Indexed(i)))
                .map_err(|_| format!("invalid colour \"{s}\": palette numbers are 0 to 255"));
        }
        if let Some(hex) = name.strip_prefix('#') {
            let channel = |i: usize| {
                hex.get(i..i + 2)
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            };
            if hex.len() == 6
                && let (Some(r), Some(g), Some(b)) = (channel(0), channel(2), channel(4))
            {
                return Ok(Colour::Color(Color::Rgb(r, g, b)));
            }
            return Err(format!(
                "invalid colour \"{s}\": write a hex colour as #RRGGBB"
            ));
        }
        COLOUR_NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, c)| Colour::Color(c))
            .ok_or_else(|| {
                let names: Vec<&str> = COLOUR_NAMES.iter().map(|(n, _)| *n).collect();
                format!(
                    "unknown colour \"{s}\": use one of {}, \"#RRGGBB\", 0 to 255, \"default\" or \"none\"",
                    names.join(", ")
                )
            })
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Colour::None => f.write_str("none"),
            Colour::Color(Color::Reset) => f.write_str("default"),
            Colour::Color(Color::Rgb(r, g, b)) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
            Colour::Color(Color::Indexed(i)) => write!(f, "{i}"),
            Colour::Color(c) => {
                let name = COLOUR_NAMES
                    .iter()
                    .find(|(_, known)| known == c)
                    .map_or("default", |(n, _)| n);
                f.write_str(name)
            }
        }
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(de::Error::custom)
    }
}

/// The colours of the browser as configured; [`Config::ui_theme`] turns them into the styles
/// the UI draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThemeColours {
    /// Focused pane borders, titles and key hints.
    pub accent: Colour,
    /// Headings in the detail pane and the help overlay.
    pub heading: Colour,
    /// The characters a search matched (written `match` in the file).
    #[serde(rename = "match")]
    pub matched: Colour,
    /// Secondary text: counts, ids, unfocused borders.
    pub dim: Colour,
    /// Background of the selected row; `none` shows the selection in reverse video.
    pub selection: Colour,
    /// The marker of quotes.
    pub quote: Colour,
    /// The marker of reported speech.
    pub reported: Colour,
    /// The marker of narration.
    pub narrative: Colour,
}

impl Default for ThemeColours {
    fn default() -> Self {
        ThemeColours {
            accent: Colour::Color(Color::Cyan),
            heading: Colour::Color(Color::Yellow),
            matched: Colour::Color(Color::LightRed),
            dim: Colour::Color(Color::DarkGray),
            selection: Colour::None,
            quote: Colour::Color(Color::Green),
            reported: Colour::Color(Color::Blue),
            narrative: Colour::Color(Color::Magenta),
        }
    }
}

impl ThemeColours {
    /// The fields as `(name in the file, colour)`, in file order.
    pub fn fields(&self) -> [(&'static str, Colour); 8] {
        [
            ("accent", self.accent),
            ("heading", self.heading),
            ("match", self.matched),
            ("dim", self.dim),
            ("selection", self.selection),
            ("quote", self.quote),
            ("reported", self.reported),
            ("narrative", self.narrative),
        ]
    }
}

impl Config {
    /// The styles to draw with: the default [`Theme`]'s emphasis with the configured colours,
    /// or [`Theme::monochrome`] under `NO_COLOR`. A `selection` colour becomes the background
    /// of the focused selection (bold, not reversed); `none` keeps reverse video.
    pub fn ui_theme(&self) -> Theme {
        if self.no_color {
            return Theme::monochrome();
        }
        let colours = &self.theme;
        let mut theme = Theme::default();
        theme.accent.fg = colours.accent.color();
        theme.heading.fg = colours.heading.color();
        theme.matched.fg = colours.matched.color();
        theme.dim.fg = colours.dim.color();
        theme.quote.fg = colours.quote.color();
        theme.reported.fg = colours.reported.color();
        theme.narrative.fg = colours.narrative.color();
        if let Some(background) = colours.selection.color() {
            theme.selected_focused = Style::new().bg(background).add_modifier(Modifier::BOLD);
        }
        theme
    }
}
