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
mod tests {
    use super::*;
    use crate::article::parse_article;
    use crate::Lang;

    fn edition() -> Edition {
        let json = r#"{"format": "trimova.article/1", "id": "s", "published": "2024-06-14T10:05:00+03:00", "original": "uk",
          "editions": {"uk": {"title": "Заголовок UNN", "dateline": "Київ", "lead": "Лід", "authors": ["Ольга Розгон"],
            "body": [
              {"type": "paragraph", "text": [{"text": "Сказав "}, {"text": "Шін", "strong": true, "href": "https://x.example/"}]},
              {"type": "heading", "text": "Подробиці"},
              {"type": "quote", "text": "Цитата", "attribution": "Шін Вон Сік"},
              {"type": "list", "items": ["один", "два"]},
              {"type": "image", "src": "a.svg", "alt": "Опис", "caption": "Підпис", "credit": "Фото: Т."},
              {"type": "poll"}
            ]}}}"#;
        parse_article(json, None).unwrap().editions[&Lang::Uk].clone()
    }

    #[test]
    fn a_header_shows_what_arrived_and_names_what_did_not() {
        let original = edition();
        let source = segments(&original, &[]);
        let done = HashMap::from([
            (Slot::Title, "Заголовок".to_string()),
            (Slot::Text(0), "x".into()),
        ]);
        let missing = missing_slots(&source, &done);
        assert!(!missing.contains(&Slot::Title) && !missing.contains(&Slot::Text(0)));
        assert_eq!(missing.len(), source.len() - 2);
        let shown = apply(&original, &source, &done, &[]);
        let (header, untranslated) = header_of(&shown, &original, &missing);
        assert_eq!(header.title, "Заголовок");
        assert_eq!(header.lead.as_deref(), Some("Лід"));
        assert_eq!(
            header.body, original.body,
            "the header carries no translated body"
        );
        assert_eq!(untranslated, [Slot::Dateline, Slot::Lead]);
    }

    #[test]
    fn every_text_is_a_segment_in_reading_order() {
        let segs = segments(&edition(), &["UNN".into()]);
        let slots: Vec<Slot> = segs.iter().map(|s| s.slot).collect();
        assert_eq!(
            slots,
            [
                Slot::Title,
                Slot::Dateline,
                Slot::Lead,
                Slot::Text(0),
                Slot::Text(1),
                Slot::Text(2),
                Slot::Attribution(2),
                Slot::Item(3, 0),
                Slot::Item(3, 1),
                Slot::Alt(4),
                Slot::Caption(4),
            ]
        );
        assert_eq!(segs[0].html, "Заголовок <span data-k=\"0\"></span>");
        assert_eq!(segs[3].html, "Сказав <a href=\"0\"><b>Шін</b></a>");
        assert_eq!(segs[3].links, ["https://x.example/"]);
    }

    #[test]
    fn translations_land_in_their_slots_and_the_rest_stays() {
        let ed = edition();
        let terms = vec!["UNN".to_string()];
        let segs = segments(&ed, &terms);
        let mut done = HashMap::new();
        done.insert(
            Slot::Title,
            "Заголовок <span data-k=\"0\"></span>".to_string(),
        );
        done.insert(
            Slot::Text(0),
            "Сказал <a href=\"0\"><b>Шин</b></a>".to_string(),
        );
        done.insert(Slot::Item(3, 1), "два!".to_string());
        done.insert(Slot::Caption(4), "Подпись".to_string());
        let out = apply(&ed, &segs, &done, &terms);
        assert_eq!(out.title, "Заголовок UNN");
        let Block::Paragraph { text } = &out.body[0] else {
            panic!()
        };
        let runs = text.runs();
        assert_eq!(runs[0].text, "Сказал ");
        assert_eq!(
            (
                runs[1].text.as_str(),
                runs[1].strong,
                runs[1].href.as_deref()
            ),
            ("Шин", true, Some("https://x.example/"))
        );
        assert_eq!(out.body[1], ed.body[1], "untranslated heading stays");
        let Block::List { items, .. } = &out.body[3] else {
            panic!()
        };
        assert_eq!(items[0].plain_text(), "один");
        assert_eq!(items[1].plain_text(), "два!");
        let Block::Image {
            caption, credit, ..
        } = &out.body[4]
        else {
            panic!()
        };
        assert_eq!(
            (caption.as_deref(), credit.as_deref()),
            (Some("Подпись"), Some("Фото: Т."))
        );
        assert_eq!(out.authors, ed.authors, "names are never translated");
    }
}
