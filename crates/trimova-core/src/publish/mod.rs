//! What search engines, feed readers and link previews read: the `<head>` of every human
//! edition's page (canonical URL, `hreflang` alternates, Open Graph, JSON-LD `NewsArticle`), the
//! sitemap and an Atom feed per language.
//!
//! Machine-translated editions never appear here: they are not the newsroom's own text, and their
//! pages are `noindex`.

use crate::archive::ListAt;
use crate::article::{Article, Edition};
use crate::i18n::messages;
use crate::route::{article_path, list_path};
use crate::translate::markup::escape;
use crate::Lang;
use serde_json::{json, Value};

mod feed;
mod sitemap;
mod xml;

pub use feed::{feed, FeedEntry, FEED_SIZE};
pub use sitemap::{
    news_sitemap, sitemap_index, urlset, NewsItem, SitemapUrl, MAX_NEWS_URLS, MAX_URLS,
};

/// Where the site is published: what absolute URLs are built from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// The public origin, `https://news.example.org` (no path, no trailing slash).
    pub origin: String,
    /// The path the site is served under: `/`, or `/news/` for a sub-directory build.
    pub base: String,
    /// The publisher's name, for Open Graph, JSON-LD and feeds.
    pub name: String,
}

impl Site {
    /// `origin` may be given with a trailing slash or a path; only scheme, host and port are kept
    /// (the path comes from the build's `public_url`).
    pub fn new(origin: &str, base: &str, name: &str) -> Result<Site, String> {
        let origin = origin.trim();
        let rest = origin
            .strip_prefix("https://")
            .or_else(|| origin.strip_prefix("http://"))
            .ok_or_else(|| format!("site URL {origin:?} must start with https:// or http://"))?;
        let host = rest.split('/').next().unwrap_or_default();
        if host.is_empty() || host.contains(['?', '#', ' ', '@']) {
            return Err(format!("site URL {origin:?} has no valid host"));
        }
        let scheme_len = origin.len() - rest.len();
        let base = format!("/{}/", base.trim_matches('/')).replace("//", "/");
        Ok(Site {
            origin: format!("{}{host}", &origin[..scheme_len]),
            base,
            name: name.to_string(),
        })
    }

    /// An absolute URL for a path that already includes the base.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    pub fn edition_url(&self, lang: Lang, id: &str) -> String {
        self.url(&article_path(&self.base, lang, id))
    }

    pub fn list_url(&self, lang: Lang) -> String {
        self.url(&list_path(&self.base, lang))
    }

    pub fn feed_url(&self, lang: Lang) -> String {
        self.url(&format!("{}{}/feed.xml", self.base, lang.code()))
    }

    /// A URL in the article (an image) made absolute: relative ones are relative to the site.
    fn resolve(&self, src: &str) -> String {
        if src.starts_with("http://") || src.starts_with("https://") {
            src.to_string()
        } else if let Some(rooted) = src.strip_prefix('/') {
            self.url(&format!("/{rooted}"))
        } else {
            self.url(&format!("{}{src}", self.base))
        }
    }
}

/// The editions a newsroom wrote or had translated by people, in switcher order.
pub fn human_editions(article: &Article) -> Vec<(Lang, &Edition)> {
    article
        .editions
        .iter()
        .filter(|(_, e)| e.is_human())
        .map(|(l, e)| (*l, e))
        .collect()
}

/// `<title>` of a page showing `heading`.
pub fn page_title(heading: &str) -> String {
    format!("{heading} — Trimova")
}

/// The Open Graph locale of a language.
fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Uk => "uk_UA",
        Lang::En => "en_US",
        Lang::Ru => "ru_RU",
    }
}

/// The original edition, or failing a human original, the first human edition.
fn original_edition(article: &Article) -> Option<Lang> {
    let human = human_editions(article);
    human
        .iter()
        .find(|(l, _)| *l == article.original)
        .or(human.first())
        .map(|(l, _)| *l)
}

/// Tags for the `<head>` of the page of one human edition (`None` if `lang` is not one).
pub fn edition_head(site: &Site, article: &Article, lang: Lang) -> Option<String> {
    let human = human_editions(article);
    let (_, edition) = human.iter().find(|(l, _)| *l == lang)?;
    let url = site.edition_url(lang, &article.id);
    let mut tags = vec![format!(
        r#"<link rel="canonical" href="{}" />"#,
        escape(&url)
    )];
    for (l, _) in &human {
        tags.push(format!(
            r#"<link rel="alternate" hreflang="{}" href="{}" />"#,
            l.code(),
            escape(&site.edition_url(*l, &article.id))
        ));
    }
    if let Some(original) = original_edition(article) {
        tags.push(format!(
            r#"<link rel="alternate" hreflang="x-default" href="{}" />"#,
            escape(&site.edition_url(original, &article.id))
        ));
    }
    tags.push(feed_link(site, lang));
    let meta = |property: &str, content: &str| {
        format!(
            r#"<meta property="{property}" content="{}" />"#,
            escape(content)
        )
    };
    tags.push(meta("og:type", "article"));
    tags.push(meta("og:site_name", &site.name));
    tags.push(meta("og:title", &edition.title));
    tags.push(meta("og:description", &edition.description()));
    tags.push(meta("og:url", &url));
    tags.push(meta("og:locale", og_locale(lang)));
    for (l, _) in human.iter().filter(|(l, _)| *l != lang) {
        tags.push(meta("og:locale:alternate", og_locale(*l)));
    }
    if let Some((src, alt)) = edition.lead_image() {
        tags.push(meta("og:image", &site.resolve(src)));
        tags.push(meta("og:image:alt", alt));
    }
    tags.push(meta("article:published_time", &article.published));
    tags.push(meta(
        "article:modified_time",
        article.updated.as_deref().unwrap_or(&article.published),
    ));
    for tag in &article.tags {
        tags.push(meta("article:tag", tag));
    }
    let card = if edition.lead_image().is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    tags.push(format!(r#"<meta name="twitter:card" content="{card}" />"#));
    tags.push(format!(
        r#"<script type="application/ld+json">{}</script>"#,
        script_json(&news_article(site, article, lang)?)
    ));
    Some(tags.join("\n    "))
}

/// Tags for the `<head>` of a list page: itself as canonical (every page of a list is its own),
/// the same page in the other languages, and the feed.
pub fn list_head(site: &Site, lang: Lang, at: &ListAt) -> String {
    let mut tags = vec![format!(
        r#"<link rel="canonical" href="{}" />"#,
        escape(&site.url(&at.path(&site.base, lang)))
    )];
    for l in Lang::ALL {
        tags.push(format!(
            r#"<link rel="alternate" hreflang="{}" href="{}" />"#,
            l.code(),
            escape(&site.url(&at.path(&site.base, l)))
        ));
    }
    tags.push(feed_link(site, lang));
    tags.join("\n    ")
}

fn feed_link(site: &Site, lang: Lang) -> String {
    format!(
        r#"<link rel="alternate" type="application/atom+xml" hreflang="{}" title="{} — {}" href="{}" />"#,
        lang.code(),
        escape(&site.name),
        escape(messages(lang).articles_heading),
        escape(&site.feed_url(lang))
    )
}

/// JSON for inside a `<script>` element: `<` escaped so no text can close the element.
pub fn script_json(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// Schema.org `NewsArticle` for one human edition, linked to the others as translations.
pub fn news_article(site: &Site, article: &Article, lang: Lang) -> Option<Value> {
    let human = human_editions(article);
    let (_, edition) = human.iter().find(|(l, _)| *l == lang)?;
    let url = site.edition_url(lang, &article.id);
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": edition.title,
        "description": edition.description(),
        "inLanguage": lang.code(),
        "datePublished": article.published,
        "dateModified": article.updated.as_deref().unwrap_or(&article.published),
        "author": edition.authors.iter().map(|a| json!({"@type": "Person", "name": a})).collect::<Vec<_>>(),
        "publisher": {"@type": "Organization", "name": site.name, "url": site.url(&site.base)},
    });
    if let Some((src, _)) = edition.lead_image() {
        value["image"] = json!([site.resolve(src)]);
    }
    if !article.tags.is_empty() {
        value["keywords"] = json!(article.tags);
    }
    if let Some(dateline) = &edition.dateline {
        value["dateline"] = json!(dateline);
    }
    let original = original_edition(article);
    let link = |l: Lang| json!({"@type": "NewsArticle", "@id": site.edition_url(l, &article.id), "inLanguage": l.code()});
    if original == Some(lang) {
        let translations: Vec<Value> = human
            .iter()
            .filter(|(l, _)| *l != lang)
            .map(|(l, _)| link(*l))
            .collect();
        if !translations.is_empty() {
            value["workTranslation"] = json!(translations);
        }
    } else if let Some(original) = original {
        value["translationOfWork"] = link(original);
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_article;

    fn article(json: &str) -> Article {
        parse_article(json, None).unwrap()
    }

    const TWO_EDITIONS: &str = r#"{
      "format": "trimova.article/1", "id": "a-1", "published": "2024-06-14T10:05:00+03:00",
      "original": "uk", "tags": ["Тег"],
      "editions": {
        "uk": { "title": "Заголовок <b>", "lead": "Лід", "authors": ["Авторка"],
                "body": [{"type": "image", "src": "media/a.svg", "alt": "Опис"}] },
        "en": { "title": "Headline", "translation": {"from": "uk", "by": "human"}, "body": [] },
        "ru": { "title": "Машинный", "translation": {"from": "uk", "by": "machine", "provider": "apertium"}, "body": [] }
      } }"#;

    fn site() -> Site {
        Site::new("https://news.example.org/", "/news/", "Trimova").unwrap()
    }

    #[test]
    fn site_urls_keep_only_the_origin_and_add_the_base() {
        let s = Site::new("https://news.example.org/ignored/path", "news", "N").unwrap();
        assert_eq!(s.origin, "https://news.example.org");
        assert_eq!(s.base, "/news/");
        assert_eq!(
            s.edition_url(Lang::En, "x"),
            "https://news.example.org/news/en/x"
        );
        assert_eq!(
            Site::new("http://h:8080", "/", "N")
                .unwrap()
                .list_url(Lang::Uk),
            "http://h:8080/uk/"
        );
        assert!(Site::new("news.example.org", "/", "N").is_err());
        assert!(Site::new("https://", "/", "N").is_err());
    }

    #[test]
    fn machine_editions_are_left_out_of_everything() {
        let a = article(TWO_EDITIONS);
        let langs: Vec<Lang> = human_editions(&a).into_iter().map(|(l, _)| l).collect();
        assert_eq!(langs, [Lang::Uk, Lang::En]);
        assert!(edition_head(&site(), &a, Lang::Ru).is_none());
        let head = edition_head(&site(), &a, Lang::Uk).unwrap();
        assert!(!head.contains("/ru/a-1"), "{head}");
    }

    #[test]
    fn head_has_canonical_alternates_open_graph_and_escaped_text() {
        let a = article(TWO_EDITIONS);
        let head = edition_head(&site(), &a, Lang::En).unwrap();
        for expected in [
            r#"<link rel="canonical" href="https://news.example.org/news/en/a-1" />"#,
            r#"<link rel="alternate" hreflang="uk" href="https://news.example.org/news/uk/a-1" />"#,
            r#"<link rel="alternate" hreflang="x-default" href="https://news.example.org/news/uk/a-1" />"#,
            r#"<meta property="og:locale" content="en_US" />"#,
            r#"<meta property="og:locale:alternate" content="uk_UA" />"#,
            r#"<meta property="article:published_time" content="2024-06-14T10:05:00+03:00" />"#,
        ] {
            assert!(head.contains(expected), "{expected} not in {head}");
        }
        let uk = edition_head(&site(), &a, Lang::Uk).unwrap();
        assert!(uk.contains(r#"content="Заголовок &lt;b&gt;""#));
        assert!(uk.contains(
            r#"<meta property="og:image" content="https://news.example.org/news/media/a.svg" />"#
        ));
        assert!(!uk.contains("<b>"));
    }

    #[test]
    fn json_ld_links_translations_both_ways() {
        let a = article(TWO_EDITIONS);
        let uk = news_article(&site(), &a, Lang::Uk).unwrap();
        assert_eq!(uk["@type"], "NewsArticle");
        assert_eq!(uk["inLanguage"], "uk");
        assert_eq!(uk["author"][0]["name"], "Авторка");
        assert_eq!(
            uk["workTranslation"][0]["@id"],
            "https://news.example.org/news/en/a-1"
        );
        assert_eq!(uk["workTranslation"].as_array().unwrap().len(), 1);
        let en = news_article(&site(), &a, Lang::En).unwrap();
        assert_eq!(
            en["translationOfWork"]["@id"],
            "https://news.example.org/news/uk/a-1"
        );
        assert_eq!(en["dateModified"], "2024-06-14T10:05:00+03:00");
        let text = script_json(&uk);
        assert!(!text.contains('<'));
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), uk);
    }
}
