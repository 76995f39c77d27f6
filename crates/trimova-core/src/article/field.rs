//! Where a text lives in an edition: the unit a translation is cut into, and the key under which a
//! machine edition records the words its service left untranslated.

use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A text field of an edition. In files it is written as its JSON path inside the edition:
/// `title`, `dateline`, `lead`, `body[3].text`, `body[3].attribution`, `body[3].items[1]`,
/// `body[3].caption`, `body[3].alt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Title,
    Dateline,
    Lead,
    /// The text of body block N (paragraph, heading or quote).
    Text(usize),
    Attribution(usize),
    Item(usize, usize),
    Caption(usize),
    Alt(usize),
}

impl Field {
    /// The body block this field belongs to, if any.
    pub fn block(self) -> Option<usize> {
        match self {
            Field::Text(i)
            | Field::Attribution(i)
            | Field::Item(i, _)
            | Field::Caption(i)
            | Field::Alt(i) => Some(i),
            Field::Title | Field::Dateline | Field::Lead => None,
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Title => f.write_str("title"),
            Field::Dateline => f.write_str("dateline"),
            Field::Lead => f.write_str("lead"),
            Field::Text(i) => write!(f, "body[{i}].text"),
            Field::Attribution(i) => write!(f, "body[{i}].attribution"),
            Field::Item(i, j) => write!(f, "body[{i}].items[{j}]"),
            Field::Caption(i) => write!(f, "body[{i}].caption"),
            Field::Alt(i) => write!(f, "body[{i}].alt"),
        }
    }
}

/// A string that is not the path of an edition's text field.
#[derive(Debug, PartialEq, Eq)]
pub struct NotAField;

impl FromStr for Field {
    type Err = NotAField;

    fn from_str(path: &str) -> Result<Self, NotAField> {
        match path {
            "title" => return Ok(Field::Title),
            "dateline" => return Ok(Field::Dateline),
            "lead" => return Ok(Field::Lead),
            _ => {}
        }
        let (block, rest) = path
            .strip_prefix("body[")
            .and_then(|p| p.split_once("]."))
            .ok_or(NotAField)?;
        let i = index(block)?;
        Ok(match rest {
            "text" => Field::Text(i),
            "attribution" => Field::Attribution(i),
            "caption" => Field::Caption(i),
            "alt" => Field::Alt(i),
            _ => {
                let item = rest
                    .strip_prefix("items[")
                    .and_then(|r| r.strip_suffix(']'))
                    .ok_or(NotAField)?;
                Field::Item(i, index(item)?)
            }
        })
    }
}

/// A decimal index as written in a path: digits only, no sign, no leading zero.
fn index(digits: &str) -> Result<usize, NotAField> {
    let canonical = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    canonical
        .then(|| digits.parse().ok())
        .flatten()
        .ok_or(NotAField)
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
