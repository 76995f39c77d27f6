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
use crate::Lang;
use lines::{
    attribution, is_name, is_subhead, parse_date_line, parse_dateline, parse_views, units,
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
            untranslated: Default::default(),
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
mod tests;
