//! The Atom feed of one language (RFC 4287): its newest human editions, newest first.

use super::xml::Xml;
use super::Site;
use crate::article::{Article, Edition};
use crate::i18n::messages;
use crate::lang::Lang;

/// Entries a feed holds unless configured otherwise: a feed reader polls often, and needs only
/// what is new since it last looked.
pub const FEED_SIZE: usize = 50;

/// One entry: a human edition of an article.
pub struct FeedEntry<'a> {
    pub article: &'a Article,
    pub edition: &'a Edition,
}

/// The feed of `lang` holding `entries`, which the caller has chosen and ordered newest first.
pub fn feed(site: &Site, lang: Lang, entries: &[FeedEntry]) -> String {
    let modified = |a: &Article| a.updated.clone().unwrap_or_else(|| a.published.clone());
    let updated = entries
        .iter()
        .map(|e| modified(e.article))
        .max_by_key(|t| crate::timestamp::parse_rfc3339(t).unwrap_or(i64::MIN))
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let text = messages(lang);
    let (list, feed_url) = (site.list_url(lang), site.feed_url(lang));
    let mut xml = Xml::new();
    let attrs = [
        ("xmlns", "http://www.w3.org/2005/Atom"),
        ("xml:lang", lang.code()),
    ];
    xml.element("feed", &attrs, |xml| {
        xml.text("id", &list);
        xml.text(
            "title",
            &format!("{} — {}", site.name, text.articles_heading),
        );
        xml.text("subtitle", text.tagline);
        xml.text("updated", &updated);
        xml.element("author", &[], |xml| xml.text("name", &site.name));
        let self_link = [
            ("rel", "self"),
            ("type", "application/atom+xml"),
            ("href", &feed_url),
        ];
        xml.empty("link", &self_link);
        let html = [
            ("rel", "alternate"),
            ("type", "text/html"),
            ("hreflang", lang.code()),
            ("href", &list),
        ];
        xml.empty("link", &html);
        for FeedEntry { article, edition } in entries {
            let url = site.edition_url(lang, &article.id);
            xml.element("entry", &[], |xml| {
                xml.text("id", &url);
                xml.text("title", &edition.title);
                let link = [
                    ("rel", "alternate"),
                    ("type", "text/html"),
                    ("hreflang", lang.code()),
                    ("href", &url),
                ];
                xml.empty("link", &link);
                xml.text("published", &article.published);
                xml.text("updated", &modified(article));
                for author in &edition.authors {
                    xml.element("author", &[], |xml| xml.text("name", author));
                }
                for tag in &article.tags {
                    xml.empty("category", &[("term", tag)]);
                }
                xml.text("summary", &edition.description());
            });
        }
    });
    xml.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_article;

    #[test]
    fn entries_are_written_in_the_order_given_with_escaped_text() {
        let article = |id: &str, published: &str| {
            parse_article(
                &format!(
                    r#"{{"format": "trimova.article/1", "id": "{id}", "published": "{published}",
                    "original": "uk", "tags": ["A&B"], "editions": {{"uk": {{"title": "Т <{id}>",
                    "authors": ["Авторка"], "body": []}}}}}}"#
                ),
                None,
            )
            .unwrap()
        };
        let (newer, older) = (
            article("b-2", "2025-01-01T00:00:00Z"),
            article("a-1", "2024-06-14T10:05:00+03:00"),
        );
        let entries: Vec<FeedEntry> = [&newer, &older]
            .into_iter()
            .map(|a| FeedEntry {
                article: a,
                edition: &a.editions[&Lang::Uk],
            })
            .collect();
        let site = Site::new("https://news.example.org", "/", "Trimova").unwrap();
        let xml = feed(&site, Lang::Uk, &entries);
        assert!(xml.find("/uk/b-2").unwrap() < xml.find("/uk/a-1").unwrap());
        assert!(xml.contains("<updated>2025-01-01T00:00:00Z</updated>"));
        assert!(xml.contains("<title>Т &lt;b-2&gt;</title>"), "{xml}");
        assert!(xml.contains(r#"<category term="A&amp;B"/>"#), "{xml}");
        assert!(xml.contains(r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="uk">"#));
    }
}
