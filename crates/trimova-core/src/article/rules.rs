//! What the type system cannot check about an article (versions, ids, dates, titles), and what an
//! editor should hear about although a reader never sees it.

use super::{Article, Block, FormatError, FORMAT};
use crate::{safety, timestamp};
use serde_json::Value;

/// Whether `id` can be an article id: lower-case ASCII letters, digits and hyphens, as used in URLs
/// and file names.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 120
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        // Its page would be at the search page's address.
        && id != crate::route::SEARCH
}

impl Article {
    /// Checks what the type system cannot: versions, ids, dates, non-empty titles. The first
    /// problem; [`Article::problems`] lists them all.
    pub fn validate(&self) -> Result<(), FormatError> {
        match self.problems().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }

    /// Every problem [`Article::validate`] checks for, in file order.
    pub fn problems(&self) -> Vec<FormatError> {
        let mut out = Vec::new();
        if self.format != FORMAT {
            out.push(FormatError::at(
                "format",
                format!("must be \"{FORMAT}\", found \"{}\"", self.format),
            ));
        }
        if !is_valid_id(&self.id) {
            out.push(FormatError::at(
                "id",
                "must be lower-case letters, digits and hyphens",
            ));
        }
        if timestamp::parse_rfc3339(&self.published).is_none() {
            out.push(FormatError::at(
                "published",
                "must be an RFC 3339 date-time with offset, like 2024-06-14T10:05:00+03:00",
            ));
        }
        if let Some(updated) = &self.updated {
            if timestamp::parse_rfc3339(updated).is_none() {
                out.push(FormatError::at(
                    "updated",
                    "must be null or an RFC 3339 date-time with offset",
                ));
            }
        }
        if self.editions.is_empty() {
            out.push(FormatError::at(
                "editions",
                "must hold at least one edition",
            ));
        }
        for (lang, edition) in &self.editions {
            if edition.title.trim().is_empty() {
                out.push(FormatError::at(
                    format!("editions.{lang}.title"),
                    "must not be empty",
                ));
            }
            if let Some(t) = &edition.translation {
                if t.from == *lang {
                    out.push(FormatError::at(
                        format!("editions.{lang}.translation.from"),
                        "cannot be the edition's own language",
                    ));
                }
            }
            for (field, stretches) in edition.untranslated.iter() {
                let at = format!("editions.{lang}.untranslated.{field}");
                let Some(text) = edition.plain_text_of(field) else {
                    out.push(FormatError::at(
                        at,
                        "names no plain-text field of this edition (inline text marks its runs)",
                    ));
                    continue;
                };
                let len = text.chars().count();
                let mut done = 0;
                for (k, &[start, end]) in stretches.iter().enumerate() {
                    if start < done || start >= end || end > len {
                        out.push(FormatError::at(
                            format!("{at}[{k}]"),
                            format!(
                                "must be [start, end] characters in order within the {len} of the text"
                            ),
                        ));
                    }
                    done = done.max(end);
                }
            }
        }
        out
    }

    /// Things a reader never sees but an editor should: skipped blocks and neutralised URLs.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (lang, edition) in &self.editions {
            for (i, block) in edition.body.iter().enumerate() {
                let at = format!("editions.{lang}.body[{i}]");
                match block {
                    Block::Unsupported(v) => {
                        let kind = v.get("type").and_then(Value::as_str).unwrap_or("?");
                        out.push(format!("{at}: unknown block type \"{kind}\" skipped"));
                    }
                    Block::Image { src, .. } if !safety::is_safe_image(src) => {
                        out.push(format!(
                            "{at}.src: only http(s) and relative images are shown; image skipped"
                        ));
                    }
                    _ => {}
                }
                for inline in block.inlines() {
                    for run in inline.runs() {
                        if run.href.is_some() && run.safe_href().is_none() {
                            out.push(format!(
                                "{at}: link {:?} is not http(s) or mailto; shown as text",
                                run.href.unwrap_or_default()
                            ));
                        }
                    }
                }
            }
        }
        out
    }
}
