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

mod lines;

pub use lines::detect_language;

use crate::article::{Article, Block, Edition, Inline, FORMAT};
use crate::lang::Lang;
use lines::{
    attribution, is_name, is_subhead, parse_date_line, parse_dateline, parse_views, units, Unit,
};
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

/// Reads one page. `lang` overrides the detected language.
pub fn import_page(text: &str, lang: Option<Lang>) -> Result<ImportedPage, ImportError> {
    let units = units(text);
    let (date, rest) = read_date(&units)?;
    let (title_unit, rest) = read_title(rest, units[0].line)?;
    let title = title_unit.text.clone();
    let (kicker, rest) = read_kicker(rest, title_unit.line)?;
    let (authors, rest) = take_authors(rest);
    let (lead, body_units) = match rest.split_first() {
        Some((lead, body)) if !is_subhead(&lead.text) => (Some(lead.text.clone()), body),
        _ => (None, rest),
    };
    let body = body_blocks(body_units);
    if lead.is_none() && body.is_empty() {
        return Err(error(
            Some(title_unit.line),
            "the page has a title but no text",
        ));
    }
    let lang = match lang {
        Some(lang) => lang,
        None => {
            let sample: String = std::iter::once(title.as_str())
                .chain(lead.as_deref())
                .chain(body_units.iter().map(|u| u.text.as_str()))
                .collect::<Vec<_>>()
                .join(" ");
            detect_language(&sample).ok_or_else(|| {
                error(
                    None,
                    "cannot tell the page's language from its letters; give --lang",
                )
            })?
        }
    };
    Ok(ImportedPage {
        lang,
        date,
        source: kicker.source,
        views: kicker.views,
        edition: Edition {
            title,
            dateline: kicker.dateline,
            lead,
            authors,
            body,
            translation: None,
            untranslated: Default::default(),
            extra: Map::new(),
        },
    })
}

/// The page's first line, ` date YYYY-MM-DD`.
fn read_date(units: &[Unit]) -> Result<(String, &[Unit]), ImportError> {
    let Some((first, rest)) = units.split_first() else {
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
    Ok((date, rest))
}

/// The title, often printed twice. `after` is the line before it.
fn read_title(units: &[Unit], after: usize) -> Result<(&Unit, &[Unit]), ImportError> {
    let (title, mut rest) = units
        .split_first()
        .ok_or_else(|| error(Some(after), "the page ends before its title"))?;
    if rest.first().is_some_and(|u| u.text == title.text) {
        rest = &rest[1..];
    }
    Ok((title, rest))
}

/// What stands between the title and the text: the dateline with its agency, and the counter.
#[derive(Default)]
struct Kicker {
    dateline: Option<String>,
    source: Option<String>,
    views: Option<u64>,
}

/// The dateline and the counter, which come right after the title (line `title`), in either
/// order; at least one of them must be there.
fn read_kicker(mut rest: &[Unit], title: usize) -> Result<(Kicker, &[Unit]), ImportError> {
    let mut kicker = Kicker::default();
    for _ in 0..2 {
        let Some(unit) = rest.first() else { break };
        if kicker.dateline.is_none() {
            if let Some((place, agency)) = parse_dateline(&unit.text) {
                kicker.dateline = Some(place);
                kicker.source = Some(agency);
                rest = &rest[1..];
                continue;
            }
        }
        if kicker.views.is_none() {
            if let Some(n) = parse_views(&unit.text) {
                kicker.views = Some(n);
                rest = &rest[1..];
                continue;
            }
        }
        break;
    }
    if kicker.dateline.is_none() && kicker.views.is_none() {
        let line = rest.first().map_or(title, |u| u.line);
        return Err(error(
            Some(line),
            "expected a dateline (\"City • AGENCY\") or a view counter (\"• 123 views\") after the title",
        ));
    }
    Ok((kicker, rest))
}

/// The author closes the article, often twice; "also read" headlines may follow it. Returns the
/// author and what comes before them.
fn take_authors(rest: &[Unit]) -> (Vec<String>, &[Unit]) {
    if let Some(at) = (1..rest.len())
        .rev()
        .find(|&i| rest[i].text == rest[i - 1].text && is_name(&rest[i].text))
    {
        return (vec![rest[at].text.clone()], &rest[..at - 1]);
    }
    match rest.split_last() {
        Some((last, before)) if is_name(&last.text) => (vec![last.text.clone()], before),
        _ => (Vec::new(), rest),
    }
}

/// The body: paragraphs, subheads, and a paragraph followed by a dash attribution as one quote.
fn body_blocks(units: &[Unit]) -> Vec<Block> {
    let mut body: Vec<Block> = Vec::new();
    for unit in units {
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
    body
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
mod tests;
