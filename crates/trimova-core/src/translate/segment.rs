//! An edition cut into translation segments (one per block text, attribution, list item, caption,
//! title, lead...) and put back together from their translations.

use super::markup::{html_to_runs, html_to_text, protect, runs_to_html};
use crate::article::{Block, Edition, Inline, Run};
use std::collections::HashMap;

/// Where a segment's text lives in an edition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
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

impl Slot {
    /// The body block this slot belongs to, if any.
    pub fn block(self) -> Option<usize> {
        match self {
            Slot::Text(i)
            | Slot::Attribution(i)
            | Slot::Item(i, _)
            | Slot::Caption(i)
            | Slot::Alt(i) => Some(i),
            Slot::Title | Slot::Dateline | Slot::Lead => None,
        }
    }
}

/// One piece of an edition to translate: its source as an HTML fragment.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub slot: Slot,
    pub html: String,
    /// Link targets referenced by `<a href="N">` in `html`.
    pub links: Vec<String>,
}

/// Every translatable text of `edition`, in reading order. `terms` are sent as placeholders.
pub fn segments(edition: &Edition, terms: &[String]) -> Vec<Segment> {
    let plain = |slot: Slot, text: &str| {
        (!text.trim().is_empty()).then(|| Segment {
            slot,
            html: protect(text, terms),
            links: vec![],
        })
    };
    let rich = |slot: Slot, inline: &Inline| {
        let mut links = vec![];
        let html = runs_to_html(&inline.runs(), terms, &mut links);
        (!inline.plain_text().trim().is_empty()).then_some(Segment { slot, html, links })
    };
    let mut out: Vec<Segment> = [
        plain(Slot::Title, &edition.title),
        plain(Slot::Dateline, edition.dateline.as_deref().unwrap_or("")),
        plain(Slot::Lead, edition.lead.as_deref().unwrap_or("")),
    ]
    .into_iter()
    .flatten()
    .collect();
    for (i, block) in edition.body.iter().enumerate() {
        match block {
            Block::Paragraph { text } => out.extend(rich(Slot::Text(i), text)),
            Block::Heading { text } => out.extend(plain(Slot::Text(i), text)),
            Block::Quote { text, attribution } => {
                out.extend(rich(Slot::Text(i), text));
                out.extend(plain(
                    Slot::Attribution(i),
                    attribution.as_deref().unwrap_or(""),
                ));
            }
            Block::List { items, .. } => out.extend(
                items
                    .iter()
                    .enumerate()
                    .filter_map(|(j, item)| rich(Slot::Item(i, j), item)),
            ),
            Block::Image { alt, caption, .. } => {
                out.extend(plain(Slot::Alt(i), alt));
                out.extend(plain(Slot::Caption(i), caption.as_deref().unwrap_or("")));
            }
            Block::Unsupported(_) => {}
        }
    }
    out
}

/// `edition` with every slot in `translated` (slot -> translated fragment) replaced. `source`
/// gives each slot's segment, for its links; slots not in `translated` keep the original text.
pub fn apply(
    edition: &Edition,
    source: &[Segment],
    translated: &HashMap<Slot, String>,
    terms: &[String],
) -> Edition {
    let mut out = edition.clone();
    let links: HashMap<Slot, &[String]> = source
        .iter()
        .map(|s| (s.slot, s.links.as_slice()))
        .collect();
    let text = |slot: Slot| translated.get(&slot).map(|html| html_to_text(html, terms));
    let rich = |slot: Slot, original: &Inline| -> Inline {
        match translated.get(&slot) {
            Some(html) => simplify(html_to_runs(
                html,
                links.get(&slot).copied().unwrap_or_default(),
                terms,
            )),
            None => original.clone(),
        }
    };
    if let Some(t) = text(Slot::Title) {
        out.title = t;
    }
    if let Some(t) = text(Slot::Dateline) {
        out.dateline = Some(t);
    }
    if let Some(t) = text(Slot::Lead) {
        out.lead = Some(t);
    }
    for (i, block) in out.body.iter_mut().enumerate() {
        match block {
            Block::Paragraph { text: t } => *t = rich(Slot::Text(i), t),
            Block::Heading { text: t } => {
                if let Some(new) = text(Slot::Text(i)) {
                    *t = new;
                }
            }
            Block::Quote {
                text: t,
                attribution,
            } => {
                *t = rich(Slot::Text(i), t);
                if let Some(new) = text(Slot::Attribution(i)) {
                    *attribution = Some(new);
                }
            }
            Block::List { items, .. } => {
                for (j, item) in items.iter_mut().enumerate() {
                    *item = rich(Slot::Item(i, j), item);
                }
            }
            Block::Image { alt, caption, .. } => {
                if let Some(new) = text(Slot::Alt(i)) {
                    *alt = new;
                }
                if let Some(new) = text(Slot::Caption(i)) {
                    *caption = Some(new);
                }
            }
            Block::Unsupported(_) => {}
        }
    }
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

/// The slots of `source` not in `translated` yet, in reading order.
pub fn missing_slots(source: &[Segment], translated: &HashMap<Slot, String>) -> Vec<Slot> {
    source
        .iter()
        .map(|s| s.slot)
        .filter(|slot| !translated.contains_key(slot))
        .collect()
}

/// What a machine edition's header shows while it is being translated: the translated title,
/// dateline and lead where they are in (`shown`), the rest of `original`, and which of the
/// header's slots still show the source text.
pub fn header_of(shown: &Edition, original: &Edition, missing: &[Slot]) -> (Edition, Vec<Slot>) {
    let header = Edition {
        title: shown.title.clone(),
        dateline: shown.dateline.clone(),
        lead: shown.lead.clone(),
        ..original.clone()
    };
    let untranslated = missing
        .iter()
        .copied()
        .filter(|s| s.block().is_none())
        .collect();
    (header, untranslated)
}

#[cfg(test)]
mod tests;
