//! The article format, version 1 (`trimova.article/1`): model, parsing and validation.
//!
//! The contract is documented in `docs/article-format.md`. Parsing is strict about structure (a
//! malformed article is reported with the JSON path of the field at fault) and lenient about
//! extensions (unknown fields are kept and ignored; unknown block types are kept as
//! [`Block::Unsupported`] and skipped by renderers).

mod block;
mod field;
#[cfg(not(target_arch = "wasm32"))]
mod file;
mod parse;
mod rules;
mod untranslated;

pub use block::{Block, Inline, Run};
pub use field::Field;
#[cfg(not(target_arch = "wasm32"))]
pub use file::{id_of_file, load_articles, parse_article_file, read_article_file};
pub(crate) use parse::parse_json;
pub use parse::{article_problems, parse_article, FormatError};
pub use rules::is_valid_id;
pub use untranslated::{marked, unmarked, BlockMarks, Stretch, Untranslated};

use crate::lang::Lang;
use crate::{safety, timestamp};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub const FORMAT: &str = "trimova.article/1";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub format: String,
    pub id: String,
    /// RFC 3339 with offset.
    pub published: String,
    #[serde(default)]
    pub updated: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub views: Option<u64>,
    /// The language the article was written in.
    pub original: Lang,
    #[serde(default)]
    pub tags: Vec<String>,
    pub editions: BTreeMap<Lang, Edition>,
    /// Fields this version does not know, kept so that tools can round-trip a file.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edition {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    pub body: Vec<Block>,
    /// Present when this edition is a translation of another one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<Translation>,
    /// In a machine translation, the words its service left in the source language in the
    /// plain-text fields (title, lead, headings, captions...); the body's runs carry their own.
    #[serde(default, skip_serializing_if = "Untranslated::is_empty")]
    pub untranslated: Untranslated,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Translation {
    pub from: Lang,
    pub by: TranslatedBy,
    /// For machine translations: which service produced it (e.g. `apertium`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TranslatedBy {
    Human,
    Machine,
}

impl Article {
    /// The file as the tools write it: pretty JSON with a final newline, unknown fields kept.
    pub fn to_file(&self) -> String {
        serde_json::to_string_pretty(self).expect("an article always serialises") + "\n"
    }

    /// The editions a newsroom wrote or had translated by people, in switcher order.
    pub fn human_editions(&self) -> Vec<(Lang, &Edition)> {
        self.editions
            .iter()
            .filter(|(_, e)| e.is_human())
            .map(|(l, e)| (*l, e))
            .collect()
    }

    /// Editions present, in switcher order.
    pub fn languages(&self) -> Vec<Lang> {
        self.editions.keys().copied().collect()
    }

    /// Publication instant in seconds since the epoch (validated on parse).
    pub fn published_at(&self) -> i64 {
        timestamp::parse_rfc3339(&self.published).unwrap_or(0)
    }
}

impl Edition {
    /// The first image a reader would be shown, with its alt text (for previews and lists).
    pub fn lead_image(&self) -> Option<(&str, &str)> {
        self.body.iter().find_map(|b| match b {
            Block::Image { src, alt, .. } if safety::is_safe_image(src) => {
                Some((src.as_str(), alt.as_str()))
            }
            _ => None,
        })
    }

    /// The machine translation this edition is, if it is one (published by `trimova translate`).
    pub fn machine_translation(&self) -> Option<&Translation> {
        self.translation
            .as_ref()
            .filter(|t| t.by == TranslatedBy::Machine)
    }

    /// Written by the newsroom: an original, or a human translation.
    pub fn is_human(&self) -> bool {
        self.machine_translation().is_none()
    }

    /// Words a reader reads: title, lead and every text block.
    pub fn word_count(&self) -> usize {
        let words = |s: &str| {
            s.split_whitespace()
                .filter(|w| w.chars().any(crate::lang::is_letter_or_digit))
                .count()
        };
        let body: usize = self.body_texts().iter().map(|t| words(t)).sum();
        words(&self.title) + words(self.lead.as_deref().unwrap_or("")) + body
    }

    /// The texts of the body a reader reads, in order: paragraphs, subheads, quotes and their
    /// attribution, list items, captions (for word counts and search).
    pub fn body_texts(&self) -> Vec<String> {
        let mut out = Vec::new();
        for block in &self.body {
            match block {
                Block::Paragraph { text } => out.push(text.plain_text()),
                Block::Heading { text } => out.push(text.clone()),
                Block::Quote { text, attribution } => {
                    out.push(text.plain_text());
                    out.extend(attribution.clone());
                }
                Block::List { items, .. } => out.extend(items.iter().map(Inline::plain_text)),
                Block::Image { caption, .. } => out.extend(caption.clone()),
                Block::Unsupported(_) => {}
            }
        }
        out
    }

    /// Words a machine translation left in the source language that a reader sees marked: the
    /// marked runs of the body and the marked stretches of every other field but alt texts (read
    /// aloud whole, never shown marked).
    pub fn untranslated_words(&self) -> usize {
        let words = |text: &str| text.split_whitespace().count();
        let runs: usize = self
            .body
            .iter()
            .flat_map(Block::inlines)
            .filter_map(|inline| match inline {
                Inline::Runs(runs) => Some(runs),
                Inline::Plain(_) => None,
            })
            .flatten()
            .filter(|run| run.untranslated)
            .map(|run| words(&run.text))
            .sum();
        let fields: usize = self
            .untranslated
            .iter()
            .filter(|(field, _)| !matches!(field, Field::Alt(_)))
            .filter_map(|(field, stretches)| Some((self.plain_text_of(field)?, stretches)))
            .map(|(text, stretches)| match marked(text, stretches) {
                Inline::Runs(runs) => runs
                    .iter()
                    .filter(|run| run.untranslated)
                    .map(|run| words(&run.text))
                    .sum(),
                Inline::Plain(_) => 0,
            })
            .sum();
        runs + fields
    }

    /// The text of a plain-text field (title, dateline, lead, a heading, an attribution, a
    /// caption, an alt text); `None` for inline text and fields this edition does not have.
    pub fn plain_text_of(&self, field: Field) -> Option<&str> {
        let block = field.block().and_then(|i| self.body.get(i));
        match (field, block) {
            (Field::Title, _) => Some(&self.title),
            (Field::Dateline, _) => self.dateline.as_deref(),
            (Field::Lead, _) => self.lead.as_deref(),
            (Field::Text(_), Some(Block::Heading { text })) => Some(text),
            (Field::Attribution(_), Some(Block::Quote { attribution, .. })) => {
                attribution.as_deref()
            }
            (Field::Caption(_), Some(Block::Image { caption, .. })) => caption.as_deref(),
            (Field::Alt(_), Some(Block::Image { alt, .. })) => Some(alt),
            _ => None,
        }
    }

    /// Whole minutes to read at 200 words a minute, never less than one.
    pub fn reading_minutes(&self) -> u64 {
        (self.word_count() as u64).div_ceil(200).max(1)
    }

    /// A one-line summary for `<meta name="description">`: the lead, else the first paragraph,
    /// cut at a word boundary near 160 characters.
    pub fn description(&self) -> String {
        let source = self
            .lead
            .clone()
            .filter(|l| !l.trim().is_empty())
            .or_else(|| {
                self.body.iter().find_map(|b| match b {
                    Block::Paragraph { text } => Some(text.plain_text()),
                    _ => None,
                })
            });
        let text = source.unwrap_or_default();
        let text = text.trim();
        if text.chars().count() <= 160 {
            return text.to_string();
        }
        let cut: String = text.chars().take(160).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
        format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
    }
}

#[cfg(test)]
mod tests;
