//! The languages Trimova publishes in, and how the first one shown to a reader is chosen.

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// Whether `c` is a letter or a digit (`char::is_alphanumeric`), answered without Unicode's
/// tables for ASCII and Cyrillic, the letters of every edition: that lookup was a fortieth of a
/// full build in the search index's words, and two fifths of the pages' word counts (which were
/// a sixtieth of a full build).
pub fn is_letter_or_digit(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\x7f' => false,
        // Cyrillic's letters (the block's signs and combining marks, U+0482-0489, are not).
        'Ѐ'..='ҁ' | 'Ҋ'..='ӿ' => true,
        _ => c.is_alphabetic() || c.is_numeric(),
    }
}

/// An edition language. The set is closed on purpose: every UI string, plural rule and switcher
/// entry exists for each of these, so adding one is a deliberate change, not a data accident.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Uk,
    En,
    Ru,
}

impl Lang {
    /// Switcher order: the newsroom's home language first.
    pub const ALL: [Lang; 3] = [Lang::Uk, Lang::En, Lang::Ru];

    /// BCP 47 code, as used in URLs, `lang`, `hreflang` and the article format.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Uk => "uk",
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language's name in itself (what a reader looks for in a switcher).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Uk => "Українська",
            Lang::En => "English",
            Lang::Ru => "Русский",
        }
    }

    /// Exact code match, as required in URLs and in the article format.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Lenient match for browser language tags: `uk-UA`, `EN_us`, `ru` all match by primary subtag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        Lang::from_code(&primary)
    }
}

// Deserialized from a plain string (not as an enum) so that, as a map key, the language shows in
// error paths like `editions.uk.title`.
impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Lang::from_code(&code).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown language \"{code}\"; expected uk, en or ru"
            ))
        })
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What is known about the reader when a page opens without a language in its URL (or with one).
#[derive(Clone, Debug, Default)]
pub struct ReaderPreference<'a> {
    /// The language segment of the URL, if the URL has one.
    pub url: Option<Lang>,
    /// The language the reader last chose (persisted by the app).
    pub remembered: Option<Lang>,
    /// `navigator.languages`, most preferred first.
    pub browser: &'a [String],
}

/// The reader's languages, most wanted first: the remembered choice, then the browser's.
fn wanted<'a>(pref: &'a ReaderPreference<'_>) -> impl Iterator<Item = Lang> + 'a {
    pref.remembered
        .into_iter()
        .chain(pref.browser.iter().filter_map(|t| Lang::from_tag(t)))
}

/// Chooses the language to show among `available` ones.
///
/// Order: the URL; else the remembered choice; else the browser's languages; else `fallback` (the
/// site default for the article list). Apart from the URL, which is always honoured (it is an
/// explicit request), a candidate is taken only if it is in `available`.
pub fn negotiate(pref: &ReaderPreference<'_>, available: &[Lang], fallback: Lang) -> Lang {
    negotiate_edition(pref, available, &[], fallback)
}

/// Chooses the edition of an article to show: the URL's; else the first of the reader's
/// languages (remembered, then browser) that has a human edition; else the first that the
/// configured service can machine-translate into; else the original. So a reader of Russian and
/// Ukrainian gets the Ukrainian original of a uk/en article rather than a machine translation into
/// Russian, and a reader of Russian alone gets the machine translation rather than a language they
/// did not ask for.
pub fn negotiate_edition(
    pref: &ReaderPreference<'_>,
    human: &[Lang],
    machine: &[Lang],
    original: Lang,
) -> Lang {
    if let Some(lang) = pref.url {
        return lang;
    }
    wanted(pref)
        .find(|l| human.contains(l))
        .or_else(|| wanted(pref).find(|l| machine.contains(l)))
        .unwrap_or(original)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn codes_round_trip_and_tags_match_by_primary_subtag() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_tag("uk-UA"), Some(Lang::Uk));
        assert_eq!(Lang::from_tag("EN_us"), Some(Lang::En));
        assert_eq!(Lang::from_tag("ru"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("de-DE"), None);
        assert_eq!(
            Lang::from_code("UK"),
            None,
            "URLs and the format use exact lower-case codes"
        );
    }

    #[test]
    fn url_wins_even_when_the_edition_is_missing() {
        let browser = tags(&["en-US"]);
        let pref = ReaderPreference {
            url: Some(Lang::Ru),
            remembered: Some(Lang::En),
            browser: &browser,
        };
        assert_eq!(negotiate(&pref, &[Lang::Uk, Lang::En], Lang::Uk), Lang::Ru);
    }

    #[test]
    fn remembered_choice_beats_browser_languages() {
        let browser = tags(&["en-US", "uk"]);
        let pref = ReaderPreference {
            url: None,
            remembered: Some(Lang::Uk),
            browser: &browser,
        };
        assert_eq!(negotiate(&pref, &Lang::ALL, Lang::Ru), Lang::Uk);
    }

    #[test]
    fn browser_languages_are_tried_in_order_among_available_editions() {
        let browser = tags(&["de-DE", "ru-RU", "en"]);
        let pref = ReaderPreference {
            url: None,
            remembered: None,
            browser: &browser,
        };
        assert_eq!(negotiate(&pref, &[Lang::Uk, Lang::En], Lang::Uk), Lang::En);
        assert_eq!(negotiate(&pref, &Lang::ALL, Lang::Uk), Lang::Ru);
    }

    #[test]
    fn human_editions_in_any_wanted_language_beat_machine_ones() {
        let browser = tags(&["ru-RU", "uk"]);
        let pref = ReaderPreference {
            url: None,
            remembered: None,
            browser: &browser,
        };
        assert_eq!(
            negotiate_edition(&pref, &[Lang::Uk, Lang::En], &[Lang::Ru], Lang::Uk),
            Lang::Uk
        );
        let only_ru = tags(&["ru"]);
        let pref = ReaderPreference {
            url: None,
            remembered: None,
            browser: &only_ru,
        };
        assert_eq!(
            negotiate_edition(&pref, &[Lang::Uk, Lang::En], &[Lang::Ru], Lang::Uk),
            Lang::Ru
        );
        assert_eq!(
            negotiate_edition(&pref, &[Lang::En], &[], Lang::En),
            Lang::En
        );
    }

    #[test]
    fn unavailable_preferences_fall_back_to_the_original() {
        let browser = tags(&["fr"]);
        let pref = ReaderPreference {
            url: None,
            remembered: Some(Lang::En),
            browser: &browser,
        };
        assert_eq!(negotiate(&pref, &[Lang::Ru], Lang::Ru), Lang::Ru);
        assert_eq!(
            negotiate(&ReaderPreference::default(), &[Lang::Uk], Lang::Uk),
            Lang::Uk
        );
    }

    #[test]
    fn letters_and_digits_are_what_unicode_says_for_every_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(
                is_letter_or_digit(c),
                c.is_alphanumeric(),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }
}
