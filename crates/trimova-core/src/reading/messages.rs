//! What the reading controls say, in the reader's language (plain data, as in `i18n`).

use super::{Font, Scale, Theme};
use crate::lang::Lang;

pub struct ReadingMessages {
    /// The button that opens the panel, and the panel's name.
    pub settings: &'static str,
    pub close: &'static str,
    pub reset: &'static str,
    /// Size, width, line spacing, letter spacing, word spacing (in `Scale::ALL` order).
    scales: [&'static str; 5],
    pub font: &'static str,
    /// Serif, sans-serif.
    fonts: [&'static str; 2],
    pub theme: &'static str,
    /// Automatic, light, dark, sepia, high contrast.
    themes: [&'static str; 5],
    /// "3 of 9", with `{n}` and `{of}`.
    step_of: &'static str,
}

impl ReadingMessages {
    pub fn scale(&self, scale: Scale) -> &'static str {
        self.scales[scale as usize]
    }

    pub fn font_name(&self, font: Font) -> &'static str {
        self.fonts[font as usize]
    }

    pub fn theme_name(&self, theme: Theme) -> &'static str {
        self.themes[theme as usize]
    }

    /// A slider's position in words, counted from 1.
    pub fn step_of(&self, step: u8, steps: u8) -> String {
        self.step_of
            .replace("{n}", &(step + 1).to_string())
            .replace("{of}", &steps.to_string())
    }
}

const UK: ReadingMessages = ReadingMessages {
    settings: "Налаштування читання",
    close: "Закрити",
    reset: "Скинути",
    scales: [
        "Розмір тексту",
        "Ширина колонки",
        "Міжрядковий інтервал",
        "Відстань між літерами",
        "Відстань між словами",
    ],
    font: "Шрифт",
    fonts: ["Із засічками", "Без засічок"],
    theme: "Тема",
    themes: [
        "Як у системі",
        "Світла",
        "Темна",
        "Сепія",
        "Висока контрастність",
    ],
    step_of: "{n} з {of}",
};

const EN: ReadingMessages = ReadingMessages {
    settings: "Reading settings",
    close: "Close",
    reset: "Reset",
    scales: [
        "Text size",
        "Column width",
        "Line spacing",
        "Letter spacing",
        "Word spacing",
    ],
    font: "Font",
    fonts: ["Serif", "Sans-serif"],
    theme: "Theme",
    themes: ["Automatic", "Light", "Dark", "Sepia", "High contrast"],
    step_of: "{n} of {of}",
};

const RU: ReadingMessages = ReadingMessages {
    settings: "Настройки чтения",
    close: "Закрыть",
    reset: "Сбросить",
    scales: [
        "Размер текста",
        "Ширина колонки",
        "Межстрочный интервал",
        "Расстояние между буквами",
        "Расстояние между словами",
    ],
    font: "Шрифт",
    fonts: ["С засечками", "Без засечек"],
    theme: "Тема",
    themes: [
        "Как в системе",
        "Светлая",
        "Тёмная",
        "Сепия",
        "Высокая контрастность",
    ],
    step_of: "{n} из {of}",
};

pub fn reading_messages(lang: Lang) -> &'static ReadingMessages {
    match lang {
        Lang::Uk => &UK,
        Lang::En => &EN,
        Lang::Ru => &RU,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_every_choice_and_counts_steps() {
        for lang in Lang::ALL {
            let text = reading_messages(lang);
            assert!(Scale::ALL.iter().all(|s| !text.scale(*s).is_empty()));
            assert!(Theme::ALL.iter().all(|t| !text.theme_name(*t).is_empty()));
            assert!(text.step_of(0, 9).starts_with('1') && text.step_of(0, 9).ends_with('9'));
        }
        assert_eq!(reading_messages(Lang::En).step_of(4, 9), "5 of 9");
    }
}
