//! What search engines, feed readers and link previews read: the `<head>` of every human
//! edition's page (canonical URL, `hreflang` alternates, Open Graph, JSON-LD `NewsArticle`), the
//! sitemap and an Atom feed per language.
//!
//! Machine-translated editions never appear here: they are not the newsroom's own text, and their
//! pages are `noindex`.

use crate::archive::ListAt;
use crate::article::Article;
use crate::html::escape;
use crate::i18n::messages;
use crate::lang::Lang;
use crate::route::{article_path, list_path};
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
    let human = article.human_editions();
    human
        .iter()
        .find(|(l, _)| *l == article.original)
        .or(human.first())
        .map(|(l, _)| *l)
}

/// Tags for the `<head>` of the page of one human edition (`None` if `lang` is not one).
pub fn edition_head(site: &Site, article: &Article, lang: Lang) -> Option<String> {
    let human = article.human_editions();
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
    let human = article.human_editions();
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
mod tests;
