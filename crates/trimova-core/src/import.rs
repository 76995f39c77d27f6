//! The plain-text page format newsroom archives hold: a page flattened to text, one paragraph per
//! line, blank lines between. What is known of it (from a real sample):
//!
//! ```text
//!  date 2024-06-14 ukenru            <- date (or YYYY-MM), then header leftovers: ignored
//! Title                              <- often printed twice
//! Kyiv  •  UNN                       <- dateline and agency (the article's source)
//!  • 15772 views                     <- view counter (NBSPs; Ukrainian and Russian forms too)
//! Lead paragraph
//! Body paragraphs, with subheads alone on a short line (Details, Recall, ...)
//! A quoted paragraph
//! - Shin Wonsik said.                <- attribution: with the paragraph before, one quote block
//! Olga Rozgon                        <- the author, often twice; "also read" headlines may follow
//! ```
//!
//! The importer never panics and never returns half an article: input that is not this format is
//! an [`ImportError`] naming the line.

use crate::article::{Article, Block, Edition, Inline, FORMAT};
use crate::Lang;
use serde_json::Map;
use std::collections::BTreeMap;
use std::fmt;

/// Why a text could not be imported, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line in the file, when one line is at fault.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ImportError {}

fn error(line: Option<usize>, message: impl Into<String>) -> ImportError {
    ImportError {
        line,
        message: message.into(),
    }
}

/// One edition read from a page, with the article-level facts the page states.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedPage {
    pub lang: Lang,
    /// `YYYY-MM-DD` (the first of the month when the page gives only `YYYY-MM`).
    pub date: String,
    pub source: Option<String>,
    pub views: Option<u64>,
    pub edition: Edition,
}

/// A non-empty line of the page, cleaned, with its 1-based line number.
#[derive(Clone, Debug)]
struct Unit {
    line: usize,
    text: String,
}

/// Removes what a flattened page carries but a reader never sees: BOM, soft hyphens, zero-width
/// characters, odd spaces; normalises line ends and collapses runs of spaces.
fn clean_line(line: &str) -> String {
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

fn units(text: &str) -> Vec<Unit> {
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
fn parse_date_line(text: &str) -> Option<String> {
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
fn parse_views(text: &str) -> Option<u64> {
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
fn parse_dateline(text: &str) -> Option<(String, String)> {
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

fn is_subhead(text: &str) -> bool {
    SUBHEADS.contains(&text)
}

/// A line that reads like a person's name: two to four capitalised words, no sentence punctuation.
fn is_name(text: &str) -> bool {
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
fn attribution(text: &str) -> Option<String> {
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

/// Reads one page. `lang` overrides the detected language.
pub fn import_page(text: &str, lang: Option<Lang>) -> Result<ImportedPage, ImportError> {
    let units = units(text);
    let mut rest = units.as_slice();
    let Some((first, tail)) = rest.split_first() else {
        return Err(error(None, "the file is empty"));
    };
    let date = parse_date_line(&first.text).ok_or_else(|| {
        error(
            Some(first.line),
            format!(
                "expected the page's first line to be \" date YYYY-MM-DD\", found {:?}",
                first.text.chars().take(60).collect::<String>()
            ),
        )
    })?;
    rest = tail;

    let (title_unit, tail) = rest
        .split_first()
        .ok_or_else(|| error(Some(first.line), "the page ends before its title"))?;
    let title = title_unit.text.clone();
    rest = tail;
    if rest.first().is_some_and(|u| u.text == title) {
        rest = &rest[1..];
    }

    let mut dateline = None;
    let mut source = None;
    let mut views = None;
    // The dateline and the counter come right after the title, in either order.
    for _ in 0..2 {
        let Some(unit) = rest.first() else { break };
        if dateline.is_none() {
            if let Some((place, agency)) = parse_dateline(&unit.text) {
                dateline = Some(place);
                source = Some(agency);
                rest = &rest[1..];
                continue;
            }
        }
        if views.is_none() {
            if let Some(n) = parse_views(&unit.text) {
                views = Some(n);
                rest = &rest[1..];
                continue;
            }
        }
        break;
    }
    if dateline.is_none() && views.is_none() {
        let line = rest.first().map_or(title_unit.line, |u| u.line);
        return Err(error(
            Some(line),
            "expected a dateline (\"City • AGENCY\") or a view counter (\"• 123 views\") after the title",
        ));
    }

    // The author closes the article, often twice; "also read" headlines may follow it.
    let mut authors = Vec::new();
    if let Some(at) = (1..rest.len())
        .rev()
        .find(|&i| rest[i].text == rest[i - 1].text && is_name(&rest[i].text))
    {
        authors.push(rest[at].text.clone());
        rest = &rest[..at - 1];
    } else if rest.last().is_some_and(|u| is_name(&u.text)) {
        authors.push(rest[rest.len() - 1].text.clone());
        rest = &rest[..rest.len() - 1];
    }

    let (lead, body_units) = match rest.split_first() {
        Some((lead, body)) if !is_subhead(&lead.text) => (Some(lead.text.clone()), body),
        _ => (None, rest),
    };
    let mut body: Vec<Block> = Vec::new();
    for unit in body_units {
        if let Some(who) = attribution(&unit.text) {
            match body.pop() {
                Some(Block::Paragraph { text }) => {
                    body.push(Block::Quote {
                        text,
                        attribution: Some(who),
                    });
                }
                other => {
                    body.extend(other);
                    body.push(Block::Paragraph {
                        text: Inline::Plain(unit.text.clone()),
                    });
                }
            }
        } else if is_subhead(&unit.text) {
            body.push(Block::Heading {
                text: unit.text.clone(),
            });
        } else {
            body.push(Block::Paragraph {
                text: Inline::Plain(unit.text.clone()),
            });
        }
    }
    // A trailing subhead introduces nothing.
    while matches!(body.last(), Some(Block::Heading { .. })) {
        body.pop();
    }
    if lead.is_none() && body.is_empty() {
        return Err(error(
            Some(title_unit.line),
            "the page has a title but no text",
        ));
    }

    let sample: String = std::iter::once(title.as_str())
        .chain(lead.as_deref())
        .chain(body_units.iter().map(|u| u.text.as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    let lang = match lang {
        Some(lang) => lang,
        None => detect_language(&sample).ok_or_else(|| {
            error(
                None,
                "cannot tell the page's language from its letters; give --lang",
            )
        })?,
    };
    Ok(ImportedPage {
        lang,
        date,
        source,
        views,
        edition: Edition {
            title,
            dateline,
            lead,
            authors,
            body,
            translation: None,
            extra: Map::new(),
        },
    })
}

/// An article id from a title and date: transliterated, lower-case, hyphenated, dated.
pub fn suggest_id(title: &str, date: &str) -> String {
    let slug = crate::slug::slug(title);
    let words: Vec<&str> = slug.split('-').take(8).collect();
    let month = date.get(..7).unwrap_or(date);
    let mut id = words.join("-");
    if id.is_empty() {
        id = "article".into();
    }
    format!("{id}-{month}")
}

/// Merges pages (the editions of one article) into an article. The first page's language is the
/// original; its date, source and view count are the article's.
pub fn merge_pages(id: &str, pages: Vec<ImportedPage>) -> Result<Article, ImportError> {
    let Some(first) = pages.first() else {
        return Err(error(None, "no page to import"));
    };
    if !crate::article::is_valid_id(id) {
        return Err(error(
            None,
            format!("{id:?} cannot be an article id: use lower-case letters, digits and hyphens"),
        ));
    }
    let published = format!("{}T00:00:00Z", first.date);
    let (original, source, views) = (first.lang, first.source.clone(), first.views);
    let mut editions = BTreeMap::new();
    for page in pages {
        if editions.contains_key(&page.lang) {
            return Err(error(
                None,
                format!("two pages are the {} edition of {id}", page.lang),
            ));
        }
        editions.insert(page.lang, page.edition);
    }
    let article = Article {
        format: FORMAT.to_string(),
        id: id.to_string(),
        published,
        updated: None,
        source,
        views,
        original,
        tags: Vec::new(),
        editions,
        extra: Map::new(),
    };
    article
        .validate()
        .map_err(|e| error(None, format!("the imported article is not valid: {e}")))?;
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The real archive page the project was given (`shared/seeds/` beside the repository; it is
    /// a news outlet's text, so it is read from there rather than copied in).
    fn seed() -> String {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/seeds/000_09893ec7c448737d.txt"
        );
        std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{path}: {e} (the seed page lives in shared/seeds/)"))
    }

    #[test]
    fn the_seed_page_becomes_an_article() {
        let page = import_page(&seed(), None).unwrap();
        assert_eq!(page.lang, Lang::En);
        assert_eq!(page.date, "2024-06-14");
        assert_eq!(page.source.as_deref(), Some("UNN"));
        assert_eq!(page.views, Some(15772));
        let e = &page.edition;
        assert_eq!(
            e.title,
            "Kim Jong Un sends millions of artillery shells to Russia - Bloomberg"
        );
        assert_eq!(e.dateline.as_deref(), Some("Kyiv"));
        assert!(e
            .lead
            .as_deref()
            .unwrap()
            .starts_with("North Korea has shipped containers"));
        assert_eq!(e.authors, ["Olga Rozgon"]);
        let headings: Vec<&str> = e
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Heading { text } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(headings, ["Details", "Recall"]);
        let quotes: Vec<_> = e
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Quote { text, attribution } => {
                    Some((text.plain_text(), attribution.clone()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(quotes.len(), 1);
        assert!(quotes[0]
            .0
            .starts_with("Putin is expected to seek closer security cooperation"));
        assert_eq!(quotes[0].1.as_deref(), Some("Shin Wonsik said."));
        let article = merge_pages("kim-shells-2024-06", vec![page]).unwrap();
        assert_eq!(article.published, "2024-06-14T00:00:00Z");
        assert_eq!(article.original, Lang::En);
    }

    fn ukrainian() -> String {
        "\u{feff} date 2024-06 ukenru 41.2 44.5\r\n\
         Зустріч у Ки\u{ad}єві\r\n\r\nЗустріч у Києві\r\n\
         Київ\u{a0} • \u{a0}УНН\r\n\
         \u{a0}•\u{a0}1\u{a0}204\u{a0}переглядів\r\n\
         Лід про зустріч і її підсумки.\r\n\
         Подробиці\r\n\
         Перший абзац тексту з\u{200b}ї подробицями.\r\n\
         Цитата учасника зустрічі\r\n\
         – сказала вона.\r\n\
         Нагадаємо\r\n\
         Ще один абзац.\r\n\
         Ольга Розгон\r\nОльга Розгон\r\n\
         Читайте також: інша новина\r\n"
            .to_string()
    }

    #[test]
    fn oddities_and_ukrainian_forms() {
        let page = import_page(&ukrainian(), None).unwrap();
        assert_eq!(page.lang, Lang::Uk);
        assert_eq!(page.date, "2024-06-01");
        assert_eq!(page.views, Some(1204));
        assert_eq!(page.source.as_deref(), Some("УНН"));
        assert_eq!(page.edition.title, "Зустріч у Києві");
        assert_eq!(page.edition.authors, ["Ольга Розгон"]);
        let texts: Vec<String> = page.edition.body.iter().map(|b| format!("{b:?}")).collect();
        assert!(
            texts.iter().all(|t| !t.contains("Читайте також")),
            "also-read dropped"
        );
        assert!(texts
            .iter()
            .any(|t| t.contains("Перший абзац тексту зї подробицями")));
        assert!(matches!(
            &page.edition.body[2],
            Block::Quote { attribution: Some(a), .. } if a == "сказала вона."
        ));
    }

    #[test]
    fn russian_forms_and_language() {
        let text = " date 2024-06-14\nВстреча\n • 21 просмотр\nЛид о встрече, это ещё не всё.\nПодробности\nТекст.\n";
        let page = import_page(text, None).unwrap();
        assert_eq!(page.lang, Lang::Ru);
        assert_eq!(page.views, Some(21));
        assert!(page.edition.authors.is_empty());
        assert!(matches!(&page.edition.body[0], Block::Heading { text } if text == "Подробности"));
        assert_eq!(import_page(text, Some(Lang::Uk)).unwrap().lang, Lang::Uk);
    }

    #[test]
    fn what_is_not_the_format_is_refused_with_its_line() {
        let e = import_page("Hello world\nthis is prose\n", None).unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(import_page("", None).unwrap_err().message.contains("empty"));
        assert!(import_page(" date 2024-13-01\nT\n • 1 view\nx\n", None).is_err());
        let truncated: String = seed().chars().take(60).collect();
        assert!(import_page(&truncated, None).is_err());
        let e = import_page(" date 2024-06-14\nTitle\nno counter here\nmore\n", None).unwrap_err();
        assert_eq!(e.line, Some(3));
    }

    #[test]
    fn editions_merge_and_ids_are_made_from_titles() {
        let en = import_page(&seed(), None).unwrap();
        let uk = import_page(&ukrainian(), None).unwrap();
        let article = merge_pages("shells-2024-06", vec![en.clone(), uk]).unwrap();
        assert_eq!(article.languages(), [Lang::Uk, Lang::En]);
        assert_eq!(article.original, Lang::En);
        assert!(merge_pages("shells", vec![en.clone(), en.clone()]).is_err());
        assert!(merge_pages("Not An Id", vec![en]).is_err());
        assert_eq!(
            suggest_id("Зустріч у Києві!", "2024-06-01"),
            "zustrich-u-kyievi-2024-06"
        );
        assert_eq!(suggest_id("???", "2024-06-01"), "article-2024-06");
    }
}
