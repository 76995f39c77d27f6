//! An edition cut into translation segments (one per block text, attribution, list item, caption,
//! title, lead...) and put back together from their translations.

use super::markup::{html_to_runs, protect, runs_to_html};
use crate::article::{unmarked, Block, Edition, Field, Inline, Run, Untranslated};
use std::collections::HashMap;

/// One piece of an edition to translate: its source as an HTML fragment.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub field: Field,
    pub html: String,
    /// Link targets referenced by `<a href="N">` in `html`.
    pub links: Vec<String>,
}

/// Every translatable text of `edition`, in reading order. `terms` are sent as placeholders.
pub fn segments(edition: &Edition, terms: &[String]) -> Vec<Segment> {
    let plain = |field: Field, text: &str| {
        (!text.trim().is_empty()).then(|| Segment {
            field,
            html: protect(text, terms),
            links: vec![],
        })
    };
    let rich = |field: Field, inline: &Inline| {
        let mut links = vec![];
        let html = runs_to_html(&inline.runs(), terms, &mut links);
        (!inline.plain_text().trim().is_empty()).then_some(Segment { field, html, links })
    };
    let mut out: Vec<Segment> = [
        plain(Field::Title, &edition.title),
        plain(Field::Dateline, edition.dateline.as_deref().unwrap_or("")),
        plain(Field::Lead, edition.lead.as_deref().unwrap_or("")),
    ]
    .into_iter()
    .flatten()
    .collect();
    for (i, block) in edition.body.iter().enumerate() {
        match block {
            Block::Paragraph { text } => out.extend(rich(Field::Text(i), text)),
            Block::Heading { text } => out.extend(plain(Field::Text(i), text)),
            Block::Quote { text, attribution } => {
                out.extend(rich(Field::Text(i), text));
                out.extend(plain(
                    Field::Attribution(i),
                    attribution.as_deref().unwrap_or(""),
                ));
            }
            Block::List { items, .. } => out.extend(
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(j, item)| rich(Field::Item(i, j), item)),
            ),
            Block::Image { alt, caption, .. } => {
                out.extend(plain(Field::Alt(i), alt));
                out.extend(plain(Field::Caption(i), caption.as_deref().unwrap_or("")));
            }
            Block::Unsupported(_) => {}
        }
    }
    out
}

/// `edition` with every field in `translated` (field -> translated fragment) replaced. `source`
/// gives each field's segment, for its links; fields not in `translated` keep the original text.
pub fn apply(
    edition: &Edition,
    source: &[Segment],
    translated: &HashMap<Field, String>,
    terms: &[String],
) -> Edition {
    let mut out = edition.clone();
    let links: HashMap<Field, &[String]> = source
        .iter()
        .map(|s| (s.field, s.links.as_slice()))
        .collect();
    // A plain-text field's translation; the stretches of it the service left untranslated go
    // into `marks`.
    let mut marks = Untranslated::default();
    let text = |field: Field, marks: &mut Untranslated| {
        let (text, stretches) = unmarked(&html_to_runs(translated.get(&field)?, &[], terms));
        marks.set(field, stretches);
        Some(text)
    };
    let rich = |field: Field, original: &Inline| -> Inline {
        match translated.get(&field) {
            Some(html) => simplify(html_to_runs(
                html,
                links.get(&field).copied().unwrap_or_default(),
                terms,
            )),
            None => original.clone(),
        }
    };
    if let Some(t) = text(Field::Title, &mut marks) {
        out.title = t;
    }
    if let Some(t) = text(Field::Dateline, &mut marks) {
        out.dateline = Some(t);
    }
    if let Some(t) = text(Field::Lead, &mut marks) {
        out.lead = Some(t);
    }
    for (i, block) in out.body.iter_mut().enumerate() {
        match block {
            Block::Paragraph { text: t } => *t = rich(Field::Text(i), t),
            Block::Heading { text: t } => {
                if let Some(new) = text(Field::Text(i), &mut marks) {
                    *t = new;
                }
            }
            Block::Quote {
                text: t,
                attribution,
            } => {
                *t = rich(Field::Text(i), t);
                if let Some(new) = text(Field::Attribution(i), &mut marks) {
                    *attribution = Some(new);
                }
            }
            Block::List { items, .. } => {
                for (j, item) in items.iter_mut().enumerate() {
                    *item = rich(Field::Item(i, j), item);
                }
            }
            Block::Image { alt, caption, .. } => {
                if let Some(new) = text(Field::Alt(i), &mut marks) {
                    *alt = new;
                }
                if let Some(new) = text(Field::Caption(i), &mut marks) {
                    *caption = Some(new);
                }
            }
            Block::Unsupported(_) => {}
        }
    }
    out.untranslated = marks;
    out
}

/// One unmarked run is a plain string.
fn simplify(runs: Vec<Run>) -> Inline {
    match runs.as_slice() {
        [only] if !only.strong && !only.em && !only.untranslated && only.href.is_none() => {
            Inline::Plain(only.text.clone())
        }
        _ => Inline::Runs(runs),
    }
}

/// The fields of `source` not in `translated` yet, in reading order.
pub fn missing_fields(source: &[Segment], translated: &HashMap<Field, String>) -> Vec<Field> {
    source
        .iter()
        .map(|s| s.field)
        .filter(|field| !translated.contains_key(field))
        .collect()
}

/// What a machine edition's header shows while it is being translated: the translated title,
/// dateline and lead where they are in (`shown`, with the words left untranslated in them), the
/// rest of `original`, and which of the header's fields still wait for their translation.
pub fn header_of(shown: &Edition, original: &Edition, missing: &[Field]) -> (Edition, Vec<Field>) {
    let mut untranslated = shown.untranslated.clone();
    untranslated.retain(|field| field.block().is_none());
    let header = Edition {
        title: shown.title.clone(),
        dateline: shown.dateline.clone(),
        lead: shown.lead.clone(),
        untranslated,
        ..original.clone()
    };
    let pending = missing
        .iter()
        .copied()
        .filter(|s| s.block().is_none())
        .collect();
    (header, pending)
}

#[cfg(test)]
mod tests;
