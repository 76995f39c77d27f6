//! A reader's typographic choices: text size, width, line, letter and word spacing, font and
//! theme. What each can be, how the choices are remembered, and the attributes that apply them.
//!
//! A choice is applied as a `data-tm-<setting>` attribute on the page's root (`<html>`, or the
//! root inside a `<trimova-article>`); the stylesheet maps each value to the look. A setting at its
//! default has no attribute. The choices are remembered as those same attributes, so the service
//! worker that puts them on each page as it arrives, before its first paint (`src/sw.js`), knows
//! nothing of the vocabulary: it copies what it finds, and this module is the one place that
//! decides it.

mod messages;

pub use messages::{reading_messages, ReadingMessages};

use serde_json::{Map, Value};

/// The key under which the choices are kept in the browser's `localStorage`.
pub const STORAGE_KEY: &str = "trimova.reading";

/// The prefix of the attributes that apply a choice (`data-tm-size="5"`).
pub const ATTRIBUTE_PREFIX: &str = "data-tm-";

/// A setting moved in steps (a slider).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scale {
    Size,
    Width,
    Leading,
    Letters,
    Words,
}

impl Scale {
    pub const ALL: [Scale; 5] = [
        Scale::Size,
        Scale::Width,
        Scale::Leading,
        Scale::Letters,
        Scale::Words,
    ];

    /// The attribute's name after the prefix, and the key in storage.
    pub fn key(self) -> &'static str {
        match self {
            Scale::Size => "size",
            Scale::Width => "width",
            Scale::Leading => "leading",
            Scale::Letters => "letters",
            Scale::Words => "words",
        }
    }

    /// How many steps (the stylesheet has a rule for each but the default).
    pub fn steps(self) -> u8 {
        match self {
            Scale::Size => 9,
            _ => 5,
        }
    }

    /// The step a new reader sees: the size and width the site was designed at, the text's own
    /// spacing.
    pub fn default_step(self) -> u8 {
        match self {
            Scale::Size => 3,
            Scale::Width | Scale::Leading => 2,
            Scale::Letters | Scale::Words => 0,
        }
    }
}

/// The typeface of running text (headings and controls keep the interface's).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Font {
    #[default]
    Serif,
    Sans,
}

impl Font {
    pub const ALL: [Font; 2] = [Font::Serif, Font::Sans];

    pub fn code(self) -> &'static str {
        match self {
            Font::Serif => "serif",
            Font::Sans => "sans",
        }
    }

    pub fn from_code(code: &str) -> Option<Font> {
        Font::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// The colours. `Auto` follows the system's light or dark preference.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
    Sepia,
    Contrast,
}

impl Theme {
    pub const ALL: [Theme; 5] = [
        Theme::Auto,
        Theme::Light,
        Theme::Dark,
        Theme::Sepia,
        Theme::Contrast,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Sepia => "sepia",
            Theme::Contrast => "contrast",
        }
    }

    pub fn from_code(code: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// Every choice a reader has made (or the defaults).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadingPrefs {
    steps: [u8; 5],
    pub font: Font,
    pub theme: Theme,
}

impl Default for ReadingPrefs {
    fn default() -> Self {
        ReadingPrefs {
            steps: Scale::ALL.map(Scale::default_step),
            font: Font::default(),
            theme: Theme::default(),
        }
    }
}

impl ReadingPrefs {
    pub fn step(&self, scale: Scale) -> u8 {
        self.steps[scale as usize]
    }

    /// Sets `scale` to `step`, kept within its range.
    pub fn set_step(&mut self, scale: Scale, step: u8) {
        self.steps[scale as usize] = step.min(scale.steps() - 1);
    }

    pub fn is_default(&self) -> bool {
        *self == ReadingPrefs::default()
    }

    /// The attributes that apply these choices, one per setting away from its default, names
    /// without the prefix. Every setting is listed, with `None` where its attribute is removed.
    pub fn attributes(&self) -> Vec<(&'static str, Option<String>)> {
        let mut out: Vec<(&'static str, Option<String>)> = Scale::ALL
            .iter()
            .map(|&s| {
                let step = self.step(s);
                (
                    s.key(),
                    (step != s.default_step()).then(|| step.to_string()),
                )
            })
            .collect();
        out.push((
            "font",
            (self.font != Font::default()).then(|| self.font.code().to_string()),
        ));
        out.push((
            "theme",
            (self.theme != Theme::default()).then(|| self.theme.code().to_string()),
        ));
        out
    }

    /// The choices as remembered: the attributes that are set, as a JSON object.
    pub fn to_stored(&self) -> String {
        let map: Map<String, Value> = self
            .attributes()
            .into_iter()
            .filter_map(|(k, v)| Some((k.to_string(), Value::String(v?))))
            .collect();
        Value::Object(map).to_string()
    }

    /// Choices as remembered. Whatever does not read (another version's keys, a value out of
    /// range, a damaged entry) is left at its default: a reader never loses the page to it.
    pub fn from_stored(text: &str) -> ReadingPrefs {
        let mut prefs = ReadingPrefs::default();
        let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) else {
            return prefs;
        };
        let value = |key: &str| map.get(key).and_then(Value::as_str);
        for scale in Scale::ALL {
            if let Some(step) = value(scale.key()).and_then(|v| v.parse::<u8>().ok()) {
                if step < scale.steps() {
                    prefs.set_step(scale, step);
                }
            }
        }
        if let Some(font) = value("font").and_then(Font::from_code) {
            prefs.font = font;
        }
        if let Some(theme) = value("theme").and_then(Theme::from_code) {
            prefs.theme = theme;
        }
        prefs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_reader_has_no_attributes_and_nothing_to_remember() {
        let prefs = ReadingPrefs::default();
        assert!(prefs.attributes().iter().all(|(_, v)| v.is_none()));
        assert_eq!(prefs.to_stored(), "{}");
        assert_eq!(ReadingPrefs::from_stored("{}"), prefs);
    }

    #[test]
    fn choices_are_remembered_and_read_back() {
        let mut prefs = ReadingPrefs::default();
        prefs.set_step(Scale::Size, 8);
        prefs.set_step(Scale::Words, 1);
        prefs.font = Font::Sans;
        prefs.theme = Theme::Sepia;
        let stored = prefs.to_stored();
        let json: Value = serde_json::from_str(&stored).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"size": "8", "words": "1", "font": "sans", "theme": "sepia"})
        );
        assert_eq!(ReadingPrefs::from_stored(&stored), prefs);
        assert!(!prefs.is_default());
    }

    #[test]
    fn steps_stay_in_range() {
        let mut prefs = ReadingPrefs::default();
        prefs.set_step(Scale::Width, 200);
        assert_eq!(prefs.step(Scale::Width), 4);
        for scale in Scale::ALL {
            assert!(scale.default_step() < scale.steps());
        }
        assert!(Scale::Size.steps() >= 9 && Scale::Width.steps() >= 5);
    }

    #[test]
    fn damaged_or_foreign_entries_fall_back_to_defaults() {
        for text in [
            "",
            "null",
            "[1]",
            "{\"size\": 5}",
            "{\"size\": \"99\"}",
            "not json",
        ] {
            assert_eq!(
                ReadingPrefs::from_stored(text),
                ReadingPrefs::default(),
                "{text}"
            );
        }
        let partly = ReadingPrefs::from_stored(r#"{"theme": "neon", "leading": "4", "x": "1"}"#);
        assert_eq!(partly.theme, Theme::Auto);
        assert_eq!(partly.step(Scale::Leading), 4);
    }
}
