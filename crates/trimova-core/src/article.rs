//! The article format, version 1 (`trimova.article/1`): model, parsing and validation.
//!
//! The contract is documented in `docs/article-format.md`. Parsing is strict about structure (a
//! malformed article is reported with the JSON path of the field at fault) and lenient about
//! extensions (unknown fields are kept and ignored; unknown block types are kept as
//! [`Block::Unsupported`] and skipped by renderers).

use crate::{safety, timestamp, Lang};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

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

/// One block of an edition's body.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Paragraph {
        text: Inline,
    },
    Heading {
        text: String,
    },
    Quote {
        text: Inline,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attribution: Option<String>,
    },
    List {
        #[serde(default)]
        ordered: bool,
        items: Vec<Inline>,
    },
    Image {
        src: String,
        alt: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        credit: Option<String>,
    },
    /// A block type this version does not know. Kept (with its original JSON) so tools can
    /// round-trip it; renderers skip it with a console warning.
    #[serde(untagged)]
    Unsupported(Value),
}

/// The block types this version renders; anything else becomes [`Block::Unsupported`].
const KNOWN_BLOCKS: [&str; 5] = ["paragraph", "heading", "quote", "list", "image"];

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Mirror of `Block` without the catch-all, so serde does the field checking.
        #[derive(Deserialize)]
        #[serde(tag = "type", rename_all = "lowercase")]
        enum Known {
            Paragraph {
                text: Inline,
            },
            Heading {
                text: String,
            },
            Quote {
                text: Inline,
                #[serde(default)]
                attribution: Option<String>,
            },
            List {
                #[serde(default)]
                ordered: bool,
                items: Vec<Inline>,
            },
            Image {
                src: String,
                alt: String,
                #[serde(default)]
                caption: Option<String>,
                #[serde(default)]
                credit: Option<String>,
            },
        }

        let value = Value::deserialize(deserializer)?;
        let kind = match value.get("type") {
            Some(Value::String(kind)) => kind.as_str(),
            Some(_) => return Err(de::Error::custom("`type` must be a string")),
            None => return Err(de::Error::missing_field("type")),
        };
        if !KNOWN_BLOCKS.contains(&kind) {
            return Ok(Block::Unsupported(value));
        }
        let known = Known::deserialize(value).map_err(de::Error::custom)?;
        Ok(match known {
            Known::Paragraph { text } => Block::Paragraph { text },
            Known::Heading { text } => Block::Heading { text },
            Known::Quote { text, attribution } => Block::Quote { text, attribution },
            Known::List { ordered, items } => Block::List { ordered, items },
            Known::Image {
                src,
                alt,
                caption,
                credit,
            } => Block::Image {
                src,
                alt,
                caption,
                credit,
            },
        })
    }
}

/// Inline text: a plain string, or runs with marks and links.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    untagged,
    expecting = "a string or an array of runs like {\"text\": \"...\"}"
)]
pub enum Inline {
    Plain(String),
    Runs(Vec<Run>),
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Run {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub em: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// Left in the source language by a machine translation (the service did not know it): shown
    /// marked, never passed off as translated.
    #[serde(default, skip_serializing_if = "is_false")]
    pub untranslated: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Inline {
    /// The text without marks (for word counts, descriptions and translation).
    pub fn plain_text(&self) -> String {
        match self {
            Inline::Plain(s) => s.clone(),
            Inline::Runs(runs) => runs.iter().map(|r| r.text.as_str()).collect(),
        }
    }

    /// The runs of this text; a plain string is one unmarked run.
    pub fn runs(&self) -> Vec<Run> {
        match self {
            Inline::Plain(s) => vec![Run {
                text: s.clone(),
                ..Run::default()
            }],
            Inline::Runs(runs) => runs.clone(),
        }
    }
}

impl Run {
    /// The link target if it is one the app may make live; unsafe targets render as plain text.
    pub fn safe_href(&self) -> Option<&str> {
        self.href.as_deref().filter(|h| safety::is_safe_link(h))
    }
}

/// Why an article file could not be used, with the place at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// JSON path of the field at fault, like `editions.uk.body[3].text`; empty for syntax errors.
    pub path: String,
    pub message: String,
    /// 1-based position in the file, when the JSON parser knows it.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl FormatError {
    fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
        FormatError {
            path: path.into(),
            message: message.into(),
            line: None,
            column: None,
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

impl std::error::Error for FormatError {}

/// Parses JSON text into `T`, reporting the path and position of the first problem.
pub(crate) fn parse_json<T: de::DeserializeOwned>(json: &str) -> Result<T, FormatError> {
    // Natively (publishing 100,000 files), valid files take the plain parser, which is several
    // times faster; only a failure is parsed again for its path. In the browser, one parser
    // keeps the wasm small.
    #[cfg(not(target_arch = "wasm32"))]
    if let Ok(value) = serde_json::from_str(json) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        json_error(
            if path == "." || path == "?" {
                String::new()
            } else {
                path
            },
            e.into_inner(),
        )
    })?;
    de.end().map_err(|e| json_error(String::new(), e))?;
    Ok(value)
}

fn json_error(path: String, error: serde_json::Error) -> FormatError {
    let (line, column) = (error.line(), error.column());
    // serde_json appends its own " at line X column Y"; the position is reported separately.
    let text = error.to_string();
    let message = text.split(" at line ").next().unwrap_or(&text).to_string();
    FormatError {
        path,
        message,
        line: (line > 0).then_some(line),
        column: (line > 0).then_some(column),
    }
}

/// Parses and validates an article file. `expected_id` is the id the file was requested by: a file
/// served under the wrong name is an error, not a silent substitution.
pub fn parse_article(json: &str, expected_id: Option<&str>) -> Result<Article, FormatError> {
    let article: Article = parse_json(json)?;
    article.validate()?;
    if let Some(expected) = expected_id {
        if article.id != expected {
            return Err(FormatError::at(
                "id",
                format!(
                    "is \"{}\" but the file was requested as \"{expected}\"",
                    article.id
                ),
            ));
        }
    }
    Ok(article)
}

/// Every problem of an article file, each with its JSON path, in file order: syntax, then
/// structure (field by field and block by block, so one bad block does not hide the next), then
/// what [`Article::problems`] checks. Empty when the file is valid. For editors' tools; the app
/// stops at the first problem ([`parse_article`]).
pub fn article_problems(json: &str, expected_id: Option<&str>) -> Vec<FormatError> {
    let value: Value = match parse_json(json) {
        Ok(v) => v,
        Err(e) => return vec![e],
    };
    let Value::Object(map) = &value else {
        return vec![FormatError::at("", "an article file must be a JSON object")];
    };
    let mut out = Vec::new();
    for field in ["format", "id", "published", "original", "editions"] {
        if !map.contains_key(field) {
            out.push(FormatError::at(field, "is missing"));
        }
    }
    check::<String>(map.get("format"), "format", &mut out);
    check::<String>(map.get("id"), "id", &mut out);
    check::<String>(map.get("published"), "published", &mut out);
    check::<Option<String>>(map.get("updated"), "updated", &mut out);
    check::<Option<String>>(map.get("source"), "source", &mut out);
    check::<Option<u64>>(map.get("views"), "views", &mut out);
    check::<Lang>(map.get("original"), "original", &mut out);
    check::<Vec<String>>(map.get("tags"), "tags", &mut out);
    match map.get("editions") {
        None => {}
        Some(Value::Object(editions)) => {
            for (code, edition) in editions {
                let at = format!("editions.{code}");
                if Lang::from_code(code).is_none() {
                    out.push(FormatError::at(&at, "is not a language (uk, en or ru)"));
                }
                edition_problems(edition, &at, &mut out);
            }
        }
        Some(_) => out.push(FormatError::at(
            "editions",
            "must be an object of editions by language",
        )),
    }
    if !out.is_empty() {
        return out;
    }
    match serde_json::from_value::<Article>(value) {
        Ok(article) => {
            let mut out = article.problems();
            if let Some(expected) = expected_id.filter(|e| *e != article.id) {
                out.push(FormatError::at(
                    "id",
                    format!("is \"{}\" but the file is named \"{expected}\"", article.id),
                ));
            }
            out
        }
        Err(e) => vec![FormatError::at("", e.to_string())],
    }
}

fn edition_problems(edition: &Value, at: &str, out: &mut Vec<FormatError>) {
    let Value::Object(fields) = edition else {
        out.push(FormatError::at(at, "must be an object"));
        return;
    };
    for field in ["title", "body"] {
        if !fields.contains_key(field) {
            out.push(FormatError::at(format!("{at}.{field}"), "is missing"));
        }
    }
    check::<String>(fields.get("title"), &format!("{at}.title"), out);
    check::<Option<String>>(fields.get("dateline"), &format!("{at}.dateline"), out);
    check::<Option<String>>(fields.get("lead"), &format!("{at}.lead"), out);
    check::<Vec<String>>(fields.get("authors"), &format!("{at}.authors"), out);
    check::<Option<Translation>>(fields.get("translation"), &format!("{at}.translation"), out);
    match fields.get("body") {
        None => {}
        Some(Value::Array(blocks)) => {
            for (i, block) in blocks.iter().enumerate() {
                check::<Block>(Some(block), &format!("{at}.body[{i}]"), out);
            }
        }
        Some(_) => out.push(FormatError::at(
            format!("{at}.body"),
            "must be an array of blocks",
        )),
    }
}

/// Whether `value` (if present) reads as a `T`; if not, records why at `path`.
fn check<T: de::DeserializeOwned>(value: Option<&Value>, path: &str, out: &mut Vec<FormatError>) {
    let Some(value) = value else { return };
    if let Err(e) = serde_path_to_error::deserialize::<_, T>(value) {
        let inner = e.path().to_string();
        let full = match inner.as_str() {
            "." => path.to_string(),
            p if p.starts_with('[') => format!("{path}{p}"),
            p => format!("{path}.{p}"),
        };
        out.push(FormatError::at(full, e.into_inner().to_string()));
    }
}

/// Whether `id` can be an article id: lower-case ASCII letters, digits and hyphens, as used in URLs
/// and file names.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 120
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
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
        }
        out
    }

    /// The file as the tools write it: pretty JSON with a final newline, unknown fields kept.
    pub fn to_file(&self) -> String {
        serde_json::to_string_pretty(self).expect("an article always serialises") + "\n"
    }

    /// Editions present, in switcher order.
    pub fn languages(&self) -> Vec<Lang> {
        self.editions.keys().copied().collect()
    }

    /// Publication instant in seconds since the epoch (validated on parse).
    pub fn published_at(&self) -> i64 {
        timestamp::parse_rfc3339(&self.published).unwrap_or(0)
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

impl Block {
    /// The inline texts of this block (for scanning links and marks).
    pub fn inlines(&self) -> Vec<&Inline> {
        match self {
            Block::Paragraph { text } | Block::Quote { text, .. } => vec![text],
            Block::List { items, .. } => items.iter().collect(),
            _ => Vec::new(),
        }
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
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        };
        let body: usize = self
            .body
            .iter()
            .map(|b| match b {
                Block::Paragraph { text } => words(&text.plain_text()),
                Block::Heading { text } => words(text),
                Block::Quote { text, attribution } => {
                    words(&text.plain_text()) + words(attribution.as_deref().unwrap_or(""))
                }
                Block::List { items, .. } => items.iter().map(|i| words(&i.plain_text())).sum(),
                Block::Image { caption, .. } => words(caption.as_deref().unwrap_or("")),
                Block::Unsupported(_) => 0,
            })
            .sum();
        words(&self.title) + words(self.lead.as_deref().unwrap_or("")) + body
    }

    /// Words a machine translation left in the source language (marked runs of the body).
    pub fn untranslated_words(&self) -> usize {
        self.body
            .iter()
            .flat_map(Block::inlines)
            .filter_map(|inline| match inline {
                Inline::Runs(runs) => Some(runs),
                Inline::Plain(_) => None,
            })
            .flatten()
            .filter(|run| run.untranslated)
            .map(|run| run.text.split_whitespace().count())
            .sum()
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
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_problem_is_listed_with_its_path() {
        let mut a = sample();
        a["editions"]["uk"]["title"] = json!(7);
        a["editions"]["uk"]["body"] = json!([
            {"type": "paragraph", "text": "fine"},
            {"type": "paragraph"},
            {"type": "quote", "text": [{"strong": true}]},
        ]);
        a["published"] = json!(20240614);
        let problems = article_problems(&a.to_string(), None);
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "published",
                "editions.uk.title",
                "editions.uk.body[1]",
                "editions.uk.body[2]",
            ],
            "{problems:?}"
        );

        let mut b = sample();
        b["id"] = json!("Bad Id");
        b["published"] = json!("yesterday");
        let paths: Vec<String> = article_problems(&b.to_string(), Some("x"))
            .into_iter()
            .map(|p| p.path)
            .collect();
        assert_eq!(paths, ["id", "published", "id"]);
        assert!(article_problems(&sample().to_string(), None).is_empty());
        assert_eq!(article_problems("{", None).len(), 1);
    }

    fn sample() -> Value {
        json!({
            "format": "trimova.article/1", "id": "test-1", "published": "2024-06-14T10:05:00+03:00",
            "updated": null, "source": "UNN", "views": 15772, "original": "uk", "tags": ["A"],
            "editions": {
                "uk": { "title": "Заголовок", "dateline": "Київ", "lead": "Лід.", "authors": ["Автор"],
                        "body": [
                            {"type": "paragraph", "text": "Перший абзац."},
                            {"type": "heading", "text": "Подробиці"},
                            {"type": "quote", "text": [{"text": "Цитата", "em": true}], "attribution": "Хтось"},
                            {"type": "list", "items": ["а", [{"text": "б", "strong": true, "href": "https://example.org"}]]},
                            {"type": "image", "src": "media/a.svg", "alt": "Мапа", "caption": "Підпис"}
                        ] },
                "en": { "title": "Title", "body": [], "translation": {"from": "uk", "by": "human"} }
            }
        })
    }

    fn parse(v: &Value) -> Result<Article, FormatError> {
        parse_article(&v.to_string(), None)
    }

    #[test]
    fn parses_every_block_type_and_inline_form() {
        let a = parse(&sample()).unwrap();
        assert_eq!(a.views, Some(15772));
        assert_eq!(a.languages(), vec![Lang::Uk, Lang::En]);
        let uk = &a.editions[&Lang::Uk];
        assert_eq!(uk.body.len(), 5);
        assert!(
            matches!(&uk.body[2], Block::Quote { attribution: Some(who), .. } if who == "Хтось")
        );
        match &uk.body[3] {
            Block::List { ordered, items } => {
                assert!(!ordered);
                assert_eq!(items[1].runs()[0].safe_href(), Some("https://example.org"));
                assert!(items[1].runs()[0].strong);
            }
            other => panic!("expected a list, got {other:?}"),
        }
        assert_eq!(
            a.editions[&Lang::En].translation.as_ref().unwrap().by,
            TranslatedBy::Human
        );
        assert!(a.warnings().is_empty(), "{:?}", a.warnings());
    }

    #[test]
    fn unknown_fields_are_kept_and_round_trip() {
        let mut v = sample();
        v["x_cms_revision"] = json!(42);
        v["editions"]["uk"]["x_seo"] = json!({"slug": "s"});
        let a = parse(&v).unwrap();
        assert_eq!(a.extra["x_cms_revision"], json!(42));
        let back: Value = serde_json::to_value(&a).unwrap();
        assert_eq!(back["editions"]["uk"]["x_seo"]["slug"], "s");
        assert_eq!(back["x_cms_revision"], 42);
    }

    #[test]
    fn unknown_block_types_are_skipped_with_a_warning_not_an_error() {
        let mut v = sample();
        v["editions"]["uk"]["body"]
            .as_array_mut()
            .unwrap()
            .push(json!({"type": "poll", "question": "?"}));
        let a = parse(&v).unwrap();
        let last = a.editions[&Lang::Uk].body.last().unwrap();
        assert!(matches!(last, Block::Unsupported(raw) if raw["question"] == "?"));
        assert_eq!(
            a.warnings(),
            vec!["editions.uk.body[5]: unknown block type \"poll\" skipped".to_string()]
        );
        assert_eq!(
            serde_json::to_value(&a).unwrap()["editions"]["uk"]["body"][5]["type"],
            "poll"
        );
    }

    #[test]
    fn malformed_fields_are_named_by_path() {
        type Mutation = fn(&mut Value);
        let cases: Vec<(Mutation, &str)> = vec![
            (
                |v| v["editions"]["uk"]["body"][0] = json!({"type": "paragraph"}),
                "editions.uk.body[0]",
            ),
            (
                |v| v["editions"]["uk"]["body"][2]["text"] = json!(5),
                "editions.uk.body[2]",
            ),
            (|v| v["views"] = json!("many"), "views"),
            (|v| v["original"] = json!("de"), "original"),
            (
                |v| v["editions"]["de"] = json!({"title": "x", "body": []}),
                "editions.de",
            ),
            (|v| v["format"] = json!("trimova.article/2"), "format"),
            (|v| v["published"] = json!("14.06.2024"), "published"),
            (
                |v| v["editions"]["en"]["title"] = json!("  "),
                "editions.en.title",
            ),
            (|v| v["id"] = json!("Bad Id"), "id"),
            (
                |v| v["editions"]["en"]["translation"]["from"] = json!("en"),
                "editions.en.translation.from",
            ),
            (
                |v| {
                    v.as_object_mut().unwrap().remove("editions");
                },
                "",
            ),
        ];
        for (mutate, path) in cases {
            let mut v = sample();
            mutate(&mut v);
            let err = parse(&v).unwrap_err();
            assert_eq!(err.path, path, "{err}");
            assert!(!err.message.is_empty());
        }
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let err = parse_article(
            "{\n  \"format\": \"trimova.article/1\",\n  \"id\": \n}",
            None,
        )
        .unwrap_err();
        assert_eq!(err.line, Some(4));
        assert!(err.to_string().contains("line 4"), "{err}");
        let err = parse_article("{} trailing", None).unwrap_err();
        assert!(err.line.is_some(), "{err}");
    }

    #[test]
    fn a_file_served_under_another_id_is_rejected() {
        let err = parse_article(&sample().to_string(), Some("other")).unwrap_err();
        assert_eq!(err.path, "id");
    }

    #[test]
    fn unsafe_urls_are_neutralised_and_reported() {
        let mut v = sample();
        v["editions"]["uk"]["body"][3]["items"][1][0]["href"] = json!("javascript:alert(1)");
        v["editions"]["uk"]["body"][4]["src"] = json!("data:image/svg+xml,<svg onload=alert(1)>");
        let a = parse(&v).unwrap();
        let Block::List { items, .. } = &a.editions[&Lang::Uk].body[3] else {
            panic!()
        };
        assert_eq!(items[1].runs()[0].safe_href(), None);
        let w = a.warnings();
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].starts_with("editions.uk.body[3]") && w[1].starts_with("editions.uk.body[4].src"),
            "{w:?}"
        );
    }

    #[test]
    fn reading_time_and_description() {
        let a = parse(&sample()).unwrap();
        let uk = &a.editions[&Lang::Uk];
        assert_eq!(uk.reading_minutes(), 1);
        assert_eq!(uk.description(), "Лід.");
        let long = Edition {
            title: "t".into(),
            dateline: None,
            lead: None,
            authors: vec![],
            body: vec![Block::Paragraph {
                text: Inline::Plain("word ".repeat(401)),
            }],
            translation: None,
            extra: Map::new(),
        };
        assert_eq!(long.word_count(), 402);
        assert_eq!(long.reading_minutes(), 3);
        let d = long.description();
        assert!(d.ends_with('…') && d.chars().count() <= 161, "{d}");
    }
}
