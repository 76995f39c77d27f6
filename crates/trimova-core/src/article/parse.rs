//! Reading article files: the first problem with its JSON path (for the app), or all of them (for
//! editors' tools).

use super::{Article, Block, Translation, Untranslated};
use crate::lang::Lang;
use serde::de;
use serde_json::Value;
use std::fmt;

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
    pub(super) fn at(path: impl Into<String>, message: impl Into<String>) -> Self {
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
    check::<Untranslated>(
        fields.get("untranslated"),
        &format!("{at}.untranslated"),
        out,
    );
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
