//! Words a machine translation left in the source language, in an edition's plain-text fields.
//!
//! Inline text (paragraphs, quotes, list items) carries such words as runs marked `untranslated`.
//! The other fields (title, dateline, lead, headings, attributions, captions, alt texts) are plain
//! strings everywhere a page puts them as text (`<title>`, feeds, lists, Open Graph), so their
//! marks are kept beside them, as character stretches per field: the string stays clean and a
//! renderer that wants the marks asks for them.

use super::{Field, Inline, Run};
use serde::de::{self, Deserializer};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `[start, end)` of a field's text, in characters (Unicode scalar values).
pub type Stretch = [usize; 2];

/// The untranslated stretches of an edition's plain-text fields, by field; in files the edition's
/// `untranslated` object, like `{"title": [[12, 20]], "body[4].caption": [[0, 7]]}`.
///
/// A sorted list rather than a map: an edition has a handful of such fields, and a map type of its
/// own would cost the app's wasm more than every use of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Untranslated(Vec<(Field, Vec<Stretch>)>);

impl Serialize for Untranslated {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (field, stretches) in &self.0 {
            map.serialize_entry(field, stretches)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Untranslated {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Read through `Value`, whose reader the app carries anyway, rather than a typed map
        // reader of its own for a field that only machine editions have.
        let Value::Object(map) = Value::deserialize(deserializer)? else {
            return Err(de::Error::custom(
                "must be an object of field paths, like {\"title\": [[12, 20]]}",
            ));
        };
        let mut out = Untranslated::default();
        for (path, stretches) in map {
            let field: Field = path.parse().map_err(|_| {
                de::Error::custom(format!(
                    "\"{path}\" is not a text field of an edition (like \"title\", \"lead\" or \"body[2].caption\")"
                ))
            })?;
            let stretches = stretches
                .as_array()
                .and_then(|all| all.iter().map(stretch).collect::<Option<Vec<_>>>())
                .ok_or_else(|| {
                    de::Error::custom(format!(
                        "\"{path}\" must hold [start, end] pairs of character offsets"
                    ))
                })?;
            out.set(field, stretches);
        }
        Ok(out)
    }
}

/// One `[start, end]` pair of whole numbers.
fn stretch(value: &Value) -> Option<Stretch> {
    let offset = |v: &Value| usize::try_from(v.as_u64()?).ok();
    match value.as_array()?.as_slice() {
        [start, end] => Some([offset(start)?, offset(end)?]),
        _ => None,
    }
}

/// The stretches of one body block's plain-text fields, for the renderer of that block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BlockMarks {
    /// A heading's text (a paragraph's or a quote's text marks its runs instead).
    pub text: Vec<Stretch>,
    pub attribution: Vec<Stretch>,
    pub caption: Vec<Stretch>,
}

impl Untranslated {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The stretches of `field`, in order; none when it has no marks.
    pub fn get(&self, field: Field) -> &[Stretch] {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(&[], |(_, s)| s.as_slice())
    }

    /// Records `field`'s stretches (a field without any is not written), in field order.
    pub fn set(&mut self, field: Field, stretches: Vec<Stretch>) {
        match self.0.binary_search_by_key(&field, |(f, _)| *f) {
            Ok(at) if stretches.is_empty() => {
                self.0.remove(at);
            }
            Ok(at) => self.0[at].1 = stretches,
            Err(_) if stretches.is_empty() => {}
            Err(at) => self.0.insert(at, (field, stretches)),
        }
    }

    /// Keeps the marks of the fields `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(Field) -> bool) {
        self.0.retain(|(field, _)| keep(*field));
    }

    pub fn iter(&self) -> impl Iterator<Item = (Field, &[Stretch])> {
        self.0.iter().map(|(field, s)| (*field, s.as_slice()))
    }

    /// The text of `field` with its untranslated stretches marked.
    pub fn mark(&self, field: Field, text: &str) -> Inline {
        marked(text, self.get(field))
    }

    /// The marks of body block `i`.
    pub fn of_block(&self, i: usize) -> BlockMarks {
        BlockMarks {
            text: self.get(Field::Text(i)).to_vec(),
            attribution: self.get(Field::Attribution(i)).to_vec(),
            caption: self.get(Field::Caption(i)).to_vec(),
        }
    }
}

/// Runs as plain text and the stretches of it that were marked untranslated (adjacent marked runs
/// make one stretch).
pub fn unmarked(runs: &[Run]) -> (String, Vec<Stretch>) {
    let mut text = String::new();
    let mut stretches: Vec<Stretch> = Vec::new();
    let mut at = 0;
    for run in runs {
        let len = run.text.chars().count();
        if run.untranslated && len > 0 {
            match stretches.last_mut() {
                Some(last) if last[1] == at => last[1] = at + len,
                _ => stretches.push([at, at + len]),
            }
        }
        text.push_str(&run.text);
        at += len;
    }
    (text, stretches)
}

/// `text` with `stretches` marked untranslated: one plain string when nothing is marked. Stretches
/// out of order, empty or past the end (a hand-edited file) are skipped, never a panic.
pub fn marked(text: &str, stretches: &[Stretch]) -> Inline {
    // Byte offset of every character boundary, the end included.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(at, _)| at)
        .chain([text.len()])
        .collect();
    let mut runs = Vec::new();
    let mut done = 0;
    for &[start, end] in stretches {
        if start < done || start >= end || end >= bounds.len() {
            continue;
        }
        push(&mut runs, &text[bounds[done]..bounds[start]], false);
        push(&mut runs, &text[bounds[start]..bounds[end]], true);
        done = end;
    }
    if runs.is_empty() {
        return Inline::Plain(text.to_string());
    }
    push(&mut runs, &text[bounds[done]..], false);
    Inline::Runs(runs)
}

fn push(runs: &mut Vec<Run>, text: &str, untranslated: bool) {
    if !text.is_empty() {
        runs.push(Run {
            text: text.to_string(),
            untranslated,
            ..Run::default()
        });
    }
}
