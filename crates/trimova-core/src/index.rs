//! `articles/index.json`: the list of published articles, newest first.
//!
//! The index is derived data: `cargo run --bin trimova -- index` writes it from the
//! article files, and a test keeps the committed one in step with them.

use crate::archive::{ListEntry, Thumbnail};
use crate::article::{parse_json, Article, FormatError};
use crate::lang::Lang;
use crate::timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const FORMAT: &str = "trimova.index/1";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub format: String,
    pub articles: Vec<ArticleSummary>,
}

/// What the lists, feeds and `index.json` say of one article: its id, date, editions and each
/// edition's title, lead and first image (no body, whatever the article's length).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub id: String,
    pub published: String,
    pub original: Lang,
    /// Editions present in the article file, in switcher order.
    pub editions: Vec<Lang>,
    pub titles: BTreeMap<Lang, String>,
    /// Each edition's one-line summary (`Edition::description`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub leads: BTreeMap<Lang, String>,
    /// Each edition's first image that a reader would be shown.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub images: BTreeMap<Lang, Thumbnail>,
}

impl ArticleSummary {
    pub fn of(a: &Article) -> ArticleSummary {
        ArticleSummary {
            id: a.id.clone(),
            published: a.published.clone(),
            original: a.original,
            editions: a.languages(),
            titles: a
                .editions
                .iter()
                .map(|(l, e)| (*l, e.title.clone()))
                .collect(),
            leads: a
                .editions
                .iter()
                .map(|(l, e)| (*l, e.description()))
                .filter(|(_, d)| !d.is_empty())
                .collect(),
            images: a
                .editions
                .iter()
                .filter_map(|(l, e)| {
                    let (src, alt) = e.lead_image()?;
                    Some((
                        *l,
                        Thumbnail {
                            src: src.into(),
                            alt: alt.into(),
                        },
                    ))
                })
                .collect(),
        }
    }

    /// The entry as a list shows it to a reader of `lang`.
    pub fn list_entry(&self, lang: Lang) -> ListEntry {
        let (shown, title) = self.title_for(lang);
        ListEntry {
            id: self.id.clone(),
            published: self.published.clone(),
            lang: shown,
            title: title.to_string(),
            lead: self.leads.get(&shown).cloned(),
            editions: self.editions.clone(),
            image: self.images.get(&shown).cloned(),
        }
    }

    /// The title to list for a reader of `lang`: theirs if the edition exists, else the original's
    /// (the `Lang` returned says which, so the view can mark it).
    pub fn title_for(&self, lang: Lang) -> (Lang, &str) {
        let pick = [lang, self.original]
            .into_iter()
            .chain(self.editions.iter().copied());
        pick.filter_map(|l| self.titles.get(&l).map(|t| (l, t.as_str())))
            .next()
            .unwrap_or((lang, self.id.as_str()))
    }
}

impl Index {
    /// Builds the index of `articles`, newest first (ties broken by id for a stable file).
    pub fn from_articles<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Index {
        let mut entries: Vec<(i64, ArticleSummary)> = articles
            .into_iter()
            .map(|a| (a.published_at(), ArticleSummary::of(a)))
            .collect();
        entries.sort_by(|(ta, a), (tb, b)| tb.cmp(ta).then_with(|| a.id.cmp(&b.id)));
        Index {
            format: FORMAT.to_string(),
            articles: entries.into_iter().map(|(_, e)| e).collect(),
        }
    }

    /// The file as the tools write it: pretty JSON with a final newline.
    pub fn to_file(&self) -> String {
        serde_json::to_string_pretty(self).expect("an index always serialises") + "\n"
    }

    /// Parses an index file; entries are re-sorted newest first whatever order the file has.
    pub fn parse(json: &str) -> Result<Index, FormatError> {
        let mut index: Index = parse_json(json)?;
        if index.format != FORMAT {
            return Err(FormatError {
                path: "format".into(),
                message: format!("must be \"{FORMAT}\", found \"{}\"", index.format),
                line: None,
                column: None,
            });
        }
        let at = |e: &ArticleSummary| timestamp::parse_rfc3339(&e.published).unwrap_or(i64::MIN);
        index.articles.sort_by_key(|e| std::cmp::Reverse(at(e)));
        Ok(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_article;

    fn article(id: &str, published: &str, editions: &[(&str, &str)], original: &str) -> Article {
        let eds: serde_json::Map<String, serde_json::Value> = editions
            .iter()
            .map(|(l, t)| (l.to_string(), serde_json::json!({"title": t, "body": []})))
            .collect();
        let v = serde_json::json!({"format": "trimova.article/1", "id": id, "published": published,
                                   "original": original, "editions": eds});
        parse_article(&v.to_string(), Some(id)).unwrap()
    }

    #[test]
    fn newest_first_by_instant_not_by_text() {
        let a = article("a", "2024-06-14T10:00:00+03:00", &[("uk", "А")], "uk");
        // a reads "10:00" but is 07:00Z; b reads "09:30" and is 09:30Z, so b is the newer one.
        let b = article("b", "2024-06-14T09:30:00+00:00", &[("en", "B")], "en");
        let c = article("c", "2023-01-01T00:00:00Z", &[("ru", "В")], "ru");
        let index = Index::from_articles([&c, &a, &b]);
        let ids: Vec<&str> = index.articles.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["b", "a", "c"]);
        let reparsed = Index::parse(&serde_json::to_string(&index).unwrap()).unwrap();
        assert_eq!(reparsed, index);
    }

    #[test]
    fn titles_fall_back_to_the_original() {
        let a = article(
            "a",
            "2024-06-14T10:00:00+03:00",
            &[("uk", "Укр"), ("en", "Eng")],
            "uk",
        );
        let entry = &Index::from_articles([&a]).articles[0];
        assert_eq!(entry.title_for(Lang::En), (Lang::En, "Eng"));
        assert_eq!(entry.title_for(Lang::Ru), (Lang::Uk, "Укр"));
    }

    #[test]
    fn rejects_other_formats() {
        let err = Index::parse(r#"{"format":"x","articles":[]}"#).unwrap_err();
        assert_eq!(err.path, "format");
    }
}
