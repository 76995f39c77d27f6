//! Sitemaps within the protocol (sitemaps.org): files of at most 50,000 URLs under a sitemap
//! index, each human edition with its `xhtml:link` alternates, and a Google News sitemap of the
//! last two days.

use super::xml::Xml;
use crate::lang::Lang;

/// URLs a sitemap file may hold (the protocol's limit; 50 MB is never reached with this shape:
/// an edition with three alternates is about 600 bytes).
pub const MAX_URLS: usize = 50_000;
/// URLs a news sitemap file may hold (Google News' limit).
pub const MAX_NEWS_URLS: usize = 1_000;

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// One `<url>`.
#[derive(Clone, Debug)]
pub struct SitemapUrl {
    pub loc: String,
    /// W3C datetime (RFC 3339, as the article files have it).
    pub lastmod: String,
    /// `hreflang` alternates, this URL's own language among them.
    pub alternates: Vec<(Lang, String)>,
}

/// A sitemap file: `<urlset>` of `urls`.
pub fn urlset(urls: &[SitemapUrl]) -> String {
    let mut xml = Xml::new();
    let attrs = [
        ("xmlns", SITEMAP_NS),
        ("xmlns:xhtml", "http://www.w3.org/1999/xhtml"),
    ];
    xml.element("urlset", &attrs, |xml| {
        for url in urls {
            xml.element("url", &[], |xml| {
                xml.text("loc", &url.loc);
                xml.text("lastmod", &url.lastmod);
                for (lang, href) in &url.alternates {
                    xml.empty(
                        "xhtml:link",
                        &[
                            ("rel", "alternate"),
                            ("hreflang", lang.code()),
                            ("href", href),
                        ],
                    );
                }
            });
        }
    });
    xml.finish()
}

/// `sitemap.xml`: the index of the sitemap files, each `(url, lastmod)`.
pub fn sitemap_index(files: &[(String, String)]) -> String {
    let mut xml = Xml::new();
    xml.element("sitemapindex", &[("xmlns", SITEMAP_NS)], |xml| {
        for (loc, lastmod) in files {
            xml.element("sitemap", &[], |xml| {
                xml.text("loc", loc);
                if !lastmod.is_empty() {
                    xml.text("lastmod", lastmod);
                }
            });
        }
    });
    xml.finish()
}

/// One human edition in a news sitemap.
pub struct NewsItem {
    pub loc: String,
    pub lang: Lang,
    pub title: String,
    /// RFC 3339.
    pub published: String,
}

/// A Google News sitemap of `items` (at most `MAX_NEWS_URLS`), published by `publication`.
pub fn news_sitemap(publication: &str, items: &[NewsItem]) -> String {
    let mut xml = Xml::new();
    let attrs = [
        ("xmlns", SITEMAP_NS),
        (
            "xmlns:news",
            "http://www.google.com/schemas/sitemap-news/0.9",
        ),
    ];
    xml.element("urlset", &attrs, |xml| {
        for item in items {
            xml.element("url", &[], |xml| {
                xml.text("loc", &item.loc);
                xml.element("news:news", &[], |xml| {
                    xml.element("news:publication", &[], |xml| {
                        xml.text("news:name", publication);
                        xml.text("news:language", item.lang.code());
                    });
                    xml.text("news:publication_date", &item.published);
                    xml.text("news:title", &item.title);
                });
            });
        }
    });
    xml.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_carry_their_alternates_and_text_is_escaped() {
        let xml = urlset(&[SitemapUrl {
            loc: "https://n.example/uk/a?x=1&y=2".into(),
            lastmod: "2024-06-14T10:05:00+03:00".into(),
            alternates: vec![
                (Lang::Uk, "https://n.example/uk/a".into()),
                (Lang::En, "https://n.example/en/a".into()),
            ],
        }]);
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assert!(
            xml.contains("<loc>https://n.example/uk/a?x=1&amp;y=2</loc>"),
            "{xml}"
        );
        assert!(xml.contains(
            r#"<xhtml:link rel="alternate" hreflang="en" href="https://n.example/en/a"/>"#
        ));
    }

    #[test]
    fn news_items_name_publication_language_date_and_title() {
        let xml = news_sitemap(
            "Trimova & Co",
            &[NewsItem {
                loc: "https://n.example/ru/a".into(),
                lang: Lang::Ru,
                title: "Заголовок <b>".into(),
                published: "2024-06-14T10:05:00+03:00".into(),
            }],
        );
        for part in [
            "<news:name>Trimova &amp; Co</news:name>",
            "<news:language>ru</news:language>",
            "<news:publication_date>2024-06-14T10:05:00+03:00</news:publication_date>",
            "<news:title>Заголовок &lt;b&gt;</news:title>",
        ] {
            assert!(xml.contains(part), "{part} in {xml}");
        }
    }
}
