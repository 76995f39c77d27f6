//! The app's URLs: `/` and `/<lang>/` list the newest articles, `/<lang>/page/<k>/`, a month's
//! `/<lang>/YYYY/MM/` and a tag's `/<lang>/tag/<slug>/` the rest of the archive (see `archive`),
//! `/<lang>/<id>` shows one edition, and `/<id>` an article in the language negotiated for the
//! reader.

use crate::archive::ListAt;
use crate::article::is_valid_id;
use crate::lang::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    List {
        lang: Option<Lang>,
        at: ListAt,
    },
    Article {
        lang: Option<Lang>,
        id: String,
    },
    /// `/<lang>/search/`: the results of the query in the page's address.
    Search {
        lang: Lang,
    },
    NotFound,
}

/// The path segment of the search page, which no article id may take.
pub const SEARCH: &str = "search";

/// `/<lang>/search/` under `base`; the query goes after it (`?q=…`).
pub fn search_path(base: &str, lang: Lang) -> String {
    format!("{}/{}/{SEARCH}/", base.trim_end_matches('/'), lang.code())
}

impl Page {
    /// Matches a URL path (without query or fragment). `base` is the path the app is served under
    /// (`/` for a site root), so the same build works in a sub-directory.
    pub fn parse(path: &str, base: &str) -> Page {
        let base = base.trim_end_matches('/');
        let Some(rest) = path.strip_prefix(base) else {
            return Page::NotFound;
        };
        let rest = rest.strip_suffix("index.html").unwrap_or(rest);
        let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Page::List {
                lang: None,
                at: ListAt::latest(),
            },
            [one] => match Lang::from_code(one) {
                Some(lang) => Page::List {
                    lang: Some(lang),
                    at: ListAt::latest(),
                },
                None if is_valid_id(one) => Page::Article {
                    lang: None,
                    id: one.to_string(),
                },
                None => Page::NotFound,
            },
            [lang, id] => match Lang::from_code(lang) {
                Some(lang) if *id == SEARCH => Page::Search { lang },
                Some(lang) if is_valid_id(id) => Page::Article {
                    lang: Some(lang),
                    id: id.to_string(),
                },
                _ => Page::NotFound,
            },
            [lang, rest @ ..] => match (Lang::from_code(lang), ListAt::parse(rest)) {
                (Some(lang), Some(at)) => Page::List {
                    lang: Some(lang),
                    at,
                },
                _ => Page::NotFound,
            },
        }
    }
}

/// `/<lang>/<id>` under `base`.
pub fn article_path(base: &str, lang: Lang, id: &str) -> String {
    format!("{}/{}/{}", base.trim_end_matches('/'), lang.code(), id)
}

/// `/<lang>/` under `base`.
pub fn list_path(base: &str, lang: Lang) -> String {
    format!("{}/{}/", base.trim_end_matches('/'), lang.code())
}

/// The newest page of a tag's listing (`/<lang>/tag/<slug>/`, its entries in that folder's
/// `list.json`); `None` for a tag that slugs to nothing.
pub fn tag_list(tag: &str) -> Option<ListAt> {
    let slug = crate::slug::slug(tag);
    (!slug.is_empty()).then_some(ListAt {
        listing: crate::archive::Listing::Tag { slug },
        page: None,
    })
}

/// Where an article file is fetched from, relative to the site root.
pub fn article_file(id: &str) -> String {
    format!("articles/{id}.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_documented_urls() {
        let latest = |lang| Page::List {
            lang,
            at: ListAt::latest(),
        };
        assert_eq!(Page::parse("/", "/"), latest(None));
        assert_eq!(Page::parse("/index.html", "/"), latest(None));
        assert_eq!(Page::parse("/en/", "/"), latest(Some(Lang::En)));
        assert_eq!(Page::parse("/ru", "/"), latest(Some(Lang::Ru)));
        assert_eq!(
            Page::parse("/uk/2024/06/page/2/index.html", "/"),
            Page::List {
                lang: Some(Lang::Uk),
                at: ListAt {
                    listing: crate::archive::Listing::Month {
                        year: 2024,
                        month: 6
                    },
                    page: Some(2)
                }
            }
        );
        assert_eq!(Page::parse("/de/2024/06/", "/"), Page::NotFound);
        assert_eq!(
            Page::parse("/uk/north-korea-shells-2024-06", "/"),
            Page::Article {
                lang: Some(Lang::Uk),
                id: "north-korea-shells-2024-06".into()
            }
        );
        assert_eq!(
            Page::parse("/some-story", "/"),
            Page::Article {
                lang: None,
                id: "some-story".into()
            }
        );
        assert_eq!(Page::parse("/de/some-story", "/"), Page::NotFound);
        assert_eq!(Page::parse("/uk/Bad%20Id", "/"), Page::NotFound);
        assert_eq!(Page::parse("/uk/a/b", "/"), Page::NotFound);
    }

    #[test]
    fn the_search_page_has_an_address_in_each_language_that_no_article_takes() {
        assert_eq!(
            Page::parse("/uk/search/", "/"),
            Page::Search { lang: Lang::Uk }
        );
        assert_eq!(
            Page::parse("/news/en/search/index.html", "/news/"),
            Page::Search { lang: Lang::En }
        );
        assert_eq!(search_path("/news/", Lang::Ru), "/news/ru/search/");
        assert_eq!(Page::parse("/search", "/"), Page::NotFound);
        assert!(!crate::article::is_valid_id("search"));
    }

    #[test]
    fn works_under_a_sub_directory() {
        assert_eq!(
            Page::parse("/news/trimova/en/x-1", "/news/trimova/"),
            Page::Article {
                lang: Some(Lang::En),
                id: "x-1".into()
            }
        );
        assert_eq!(
            Page::parse("/elsewhere/en/x-1", "/news/trimova/"),
            Page::NotFound
        );
        assert_eq!(
            article_path("/news/trimova/", Lang::Ru, "x-1"),
            "/news/trimova/ru/x-1"
        );
        assert_eq!(list_path("/", Lang::Uk), "/uk/");
    }

    #[test]
    fn built_paths_parse_back() {
        for lang in Lang::ALL {
            let p = article_path("/", lang, "story-7");
            assert_eq!(
                Page::parse(&p, "/"),
                Page::Article {
                    lang: Some(lang),
                    id: "story-7".into()
                }
            );
            assert_eq!(
                Page::parse(&list_path("/", lang), "/"),
                Page::List {
                    lang: Some(lang),
                    at: ListAt::latest()
                }
            );
        }
    }
}
