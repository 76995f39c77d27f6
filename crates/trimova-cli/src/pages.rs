//! `trimova pages DIST`: every human edition and every list as a complete page, rendered by the
//! app's own components (so the page is what the app shows), plus the sitemap and feeds.

use crate::files::{expand, Kind};
use crate::shell::{data_script, Page, Shell};
use std::path::Path;
use std::sync::Arc;
use trimova::api::{EMBEDDED_ARTICLE, EMBEDDED_INDEX};
use trimova::prerender::{render_body, PageData};
use trimova_core::article::parse_article;
use trimova_core::i18n::messages;
use trimova_core::publish::{self, edition_head, human_editions, list_head, page_title, Site};
use trimova_core::route::{article_path, list_path};
use trimova_core::{Article, Index, Lang};

pub struct Written {
    pub editions: usize,
    pub lists: usize,
    pub feeds: usize,
}

/// The language `/` is pre-rendered in (the app then moves each reader to their own).
const ROOT_LANG: Lang = Lang::Uk;

pub fn run(dist: &Path, site_url: &str, site_name: &str) -> Result<Written, String> {
    // 404.html is the untouched app shell (index.html becomes the pre-rendered list below), so
    // running this again on a deployed site starts from the same shell.
    let shell_path = dist.join("404.html");
    let shell = std::fs::read_to_string(&shell_path).map_err(|e| {
        format!(
            "{}: {e} (is this a site built by trunk?)",
            shell_path.display()
        )
    })?;
    let shell = Shell::new(shell).map_err(|e| format!("{}: {e}", shell_path.display()))?;
    let base = shell.base();
    let site = Site::new(site_url, &base, site_name)?;
    let articles = read_articles(&dist.join("articles"))?;

    // The index the lists are rendered from is the one the app fetches: keep the file in step.
    let index = Arc::new(Index::from_articles(
        articles.iter().map(|(a, _)| a.as_ref()),
    ));
    let index_json = index.to_file();
    write(&dist.join("articles").join("index.json"), &index_json)?;

    let mut written = Written {
        editions: 0,
        lists: 0,
        feeds: 0,
    };
    for (article, text) in &articles {
        for (lang, edition) in human_editions(article) {
            let path = article_path(&base, lang, &article.id);
            let body = render_body(&base, &path, PageData::Article(Arc::clone(article)));
            let head = edition_head(&site, article, lang).unwrap_or_default();
            let html = shell.page(&Page {
                lang,
                title: &page_title(&edition.title),
                description: &edition.description(),
                head: &head,
                data: &data_script(EMBEDDED_ARTICLE, Some(&article.id), text),
                body: &body,
            })?;
            write(
                &dist.join(lang.code()).join(&article.id).join("index.html"),
                &html,
            )?;
            written.editions += 1;
        }
    }

    let index_data = data_script(EMBEDDED_INDEX, None, &index_json);
    let list_page = |lang: Lang, path: &str| -> Result<String, String> {
        let text = messages(lang);
        let body = render_body(&base, path, PageData::List(Arc::clone(&index)));
        shell.page(&Page {
            lang,
            title: &page_title(text.articles_heading),
            description: text.tagline,
            head: &list_head(&site, lang),
            data: &index_data,
            body: &body,
        })
    };
    for lang in Lang::ALL {
        let html = list_page(lang, &list_path(&base, lang))?;
        write(&dist.join(lang.code()).join("index.html"), &html)?;
        written.lists += 1;
    }
    write(&dist.join("index.html"), &list_page(ROOT_LANG, &base)?)?;
    written.lists += 1;

    let plain: Vec<&Article> = articles.iter().map(|(a, _)| a.as_ref()).collect();
    write(&dist.join("sitemap.xml"), &publish::sitemap(&site, &plain))?;
    for lang in Lang::ALL {
        write(
            &dist.join(lang.code()).join("feed.xml"),
            &publish::feed(&site, &plain, lang),
        )?;
        written.feeds += 1;
    }
    Ok(written)
}

/// Every article file in `dir` (not index.json), validated, with its text as it is on disk (the
/// page embeds that text, so the app adopts exactly what it would have fetched).
fn read_articles(dir: &Path) -> Result<Vec<(Arc<Article>, String)>, String> {
    expand(&[dir.to_path_buf()], Kind::Articles)?
        .into_iter()
        .map(|path| {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let id = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            let article =
                parse_article(&text, Some(id)).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((Arc::new(article), text))
        })
        .collect()
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
