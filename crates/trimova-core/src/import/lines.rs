//! The lines of a flattened page, cleaned, and what each kind of line says: the date, the view
//! counter, the dateline, a subhead, an author's name, a quote's attribution, the language.

use crate::lang::Lang;

/// A non-empty line of the page, cleaned, with its 1-based line number.
#[derive(Clone, Debug)]
pub(super) struct Unit {
    pub(super) line: usize,
    pub(super) text: String,
}

/// Removes what a flattened page carries but a reader never sees: BOM, soft hyphens, zero-width
/// characters, odd spaces; normalises line ends and collapses runs of spaces.
pub(super) fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        match c {
            '\u{feff}' | '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\r' => {}
            c if c.is_whitespace() => space = true,
            c => {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

pub(super) fn units(text: &str) -> Vec<Unit> {
    text.split('\n')
        .enumerate()
        .map(|(i, line)| Unit {
            line: i + 1,
            text: clean_line(line),
        })
        .filter(|u| !u.text.is_empty())
        .collect()
}

/// `date 2024-06-14 …` or `date 2024-06 …`: the date as `YYYY-MM-DD`.
pub(super) fn parse_date_line(text: &str) -> Option<String> {
    let rest = text.strip_prefix("date ")?;
    let token = rest.split(' ').next()?;
    let parts: Vec<&str> = token.split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (year, month, day) = match parts.as_slice() {
        [y, m, d] => (num(y, 4)?, num(m, 2)?, num(d, 2)?),
        [y, m] => (num(y, 4)?, num(m, 2)?, 1),
        _ => return None,
    };
    let date = format!("{year:04}-{month:02}-{day:02}");
    crate::timestamp::parse_rfc3339(&format!("{date}T00:00:00Z"))?;
    Some(date)
}

const VIEW_WORDS: [&str; 8] = [
    "views",
    "view",
    "переглядів",
    "перегляди",
    "перегляд",
    "просмотров",
    "просмотра",
    "просмотр",
];

/// ` • 15772 views` (and the Ukrainian and Russian forms): the count.
pub(super) fn parse_views(text: &str) -> Option<u64> {
    let text = text.trim_start_matches(['•', '·', ' ']);
    let (number, word) = text.rsplit_once(' ')?;
    if !VIEW_WORDS.contains(&word.to_lowercase().as_str()) {
        return None;
    }
    let digits: String = number.chars().filter(|c| !c.is_whitespace()).collect();
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// `Kyiv • UNN`: the dateline and the agency.
pub(super) fn parse_dateline(text: &str) -> Option<(String, String)> {
    let (place, agency) = text.split_once(" • ")?;
    let (place, agency) = (place.trim(), agency.trim());
    let short = |s: &str| !s.is_empty() && s.chars().count() <= 60 && !s.contains('•');
    (short(place) && short(agency)).then(|| (place.to_string(), agency.to_string()))
}

/// Subheads the format is known to use, in the three languages.
const SUBHEADS: [&str; 18] = [
    "Details",
    "Recall",
    "Addendum",
    "Reference",
    "Background",
    "Context",
    "Подробиці",
    "Деталі",
    "Нагадаємо",
    "Доповнено",
    "Довідка",
    "Контекст",
    "Подробности",
    "Детали",
    "Напомним",
    "Дополнено",
    "Справка",
    "Контекст",
];

pub(super) fn is_subhead(text: &str) -> bool {
    SUBHEADS.contains(&text)
}

/// A line that reads like a person's name: two to four capitalised words, no sentence punctuation.
pub(super) fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split(' ').collect();
    (2..=4).contains(&words.len())
        && text.chars().count() <= 60
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
        && !text.ends_with('.')
}

/// `- Shin Wonsik said.` (hyphen, en or em dash): the attribution without its dash.
pub(super) fn attribution(text: &str) -> Option<String> {
    let rest = text
        .strip_prefix("- ")
        .or_else(|| text.strip_prefix("– "))
        .or_else(|| text.strip_prefix("— "))?;
    (!rest.trim().is_empty()).then(|| rest.trim().to_string())
}

/// The language of a text by its letters: Ukrainian (і ї є ґ), Russian (ы э ъ ё), or English
/// (Latin). `None` when it cannot tell.
pub fn detect_language(text: &str) -> Option<Lang> {
    let (mut latin, mut cyrillic, mut uk, mut ru) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' => latin += 1,
            'і' | 'ї' | 'є' | 'ґ' => {
                uk += 1;
                cyrillic += 1
            }
            'ы' | 'э' | 'ъ' | 'ё' => {
                ru += 1;
                cyrillic += 1
            }
            '\u{400}'..='\u{4ff}' => cyrillic += 1,
            _ => {}
        }
    }
    if latin + cyrillic == 0 {
        return None;
    }
    if latin > cyrillic {
        return Some(Lang::En);
    }
    match uk.cmp(&ru) {
        std::cmp::Ordering::Greater => Some(Lang::Uk),
        std::cmp::Ordering::Less => Some(Lang::Ru),
        std::cmp::Ordering::Equal => None,
    }
}
