//! The fetch layer: article files and list pages, with an in-memory cache and abort-on-cleanup.
//!
//! A pre-rendered page carries the data it was rendered from (`<script type="application/json">`);
//! the app adopts it into the same cache before its first render, so hydration finds the article
//! without a second download, and the pre-renderer fills the cache the same way natively.

use crate::fetch::send;
use crate::surface::ErrorKind;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use trimova_core::archive::{ListAt, ListPage};
use trimova_core::article::{parse_article, FormatError};
use trimova_core::config::Config;
use trimova_core::i18n::Messages;
use trimova_core::provider::HttpRequest;
use trimova_core::route::article_file;
use trimova_core::{Article, Lang};

/// Why something could not be loaded, as the reader will be told.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The server has no such file (404, or a host's HTML fallback page instead of JSON).
    NotFound,
    /// The file is there but breaks the format; says where.
    Malformed(FormatError),
    /// The server could not be reached or answered with an error.
    Network(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotFound => f.write_str("no such article"),
            LoadError::Malformed(e) => write!(f, "{e}"),
            LoadError::Network(e) => f.write_str(e),
        }
    }
}

/// How a failed load is told: to a reader (heading and explanation, in their language) and to an
/// embedding host (`trimova:error`'s kind).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Explained {
    pub kind: ErrorKind,
    pub title: &'static str,
    pub body: &'static str,
}

impl LoadError {
    pub fn explained(&self, text: &'static Messages) -> Explained {
        let (kind, title, body) = match self {
            LoadError::NotFound => (
                ErrorKind::NotFound,
                text.not_found_title,
                text.not_found_body,
            ),
            LoadError::Malformed(_) => (
                ErrorKind::Malformed,
                text.malformed_title,
                text.malformed_body,
            ),
            LoadError::Network(_) => (ErrorKind::Network, text.network_title, text.network_body),
        };
        Explained { kind, title, body }
    }

    /// The technical detail shown under the explanation (the field at fault, the network's
    /// error); a missing article needs none.
    pub fn detail(&self) -> Option<String> {
        match self {
            LoadError::NotFound => None,
            e => Some(e.to_string()),
        }
    }
}

thread_local! {
    // Articles already loaded in this page's life: going back to one, or switching its editions,
    // costs no request.
    static ARTICLES: RefCell<HashMap<String, Arc<Article>>> = RefCell::new(HashMap::new());
    // List pages already loaded, by data file: going back to one costs no request.
    static LIST_PAGES: RefCell<HashMap<String, Arc<ListPage>>> = RefCell::new(HashMap::new());
}

/// The id of the `<script type="application/json">` in which a pre-rendered article page carries
/// its article file (the start-up script that `scripts/post-build.mjs` writes looks for it, and
/// for `LIST_DATA`). Not "trimova-article": that is the CMS element.
pub const ARTICLE_DATA: &str = "trimova-article-data";
/// The id of the `<script type="application/json">` in which a pre-rendered list page carries
/// its entries.
pub const LIST_DATA: &str = "trimova-list-data";

/// The id of the empty `<script type="application/json">` that marks a pre-rendered search page
/// (it carries no data: the results are the search module's), so the app adopts it too.
pub const SEARCH_PAGE: &str = "trimova-search-page";

/// Puts an article into the cache, as if it had been fetched.
pub fn preload_article(article: Arc<Article>) {
    ARTICLES.with(|cache| cache.borrow_mut().insert(article.id.clone(), article));
}

/// Puts a list page into the cache, as if it had been fetched.
pub fn preload_list(page: Arc<ListPage>) {
    let file = page.at().data_file(page.lang);
    LIST_PAGES.with(|cache| cache.borrow_mut().insert(file, page));
}

/// Forgets everything loaded: the pre-renderer renders page after page on one thread, and must
/// not keep every article of the archive.
pub fn forget_all() {
    ARTICLES.with(|cache| cache.borrow_mut().clear());
    LIST_PAGES.with(|cache| cache.borrow_mut().clear());
}

/// The article, if it is already here (no request, no waiting: hydration needs it at once).
pub fn cached_article(id: &str) -> Option<Arc<Article>> {
    ARTICLES.with(|cache| cache.borrow().get(id).cloned())
}

/// A list page, if it is already here.
pub fn cached_list(lang: Lang, at: &ListAt) -> Option<Arc<ListPage>> {
    LIST_PAGES.with(|cache| cache.borrow().get(&at.data_file(lang)).cloned())
}

/// What a view shows: the data already here (a pre-rendered page's, adopted before the first
/// render, which must show it at once), else what `fetched` brings. Refetching is `fetched`'s.
pub fn here_or_fetched<T: Send + Sync + 'static>(
    here: Option<Arc<T>>,
    fetched: LocalResource<Result<Arc<T>, LoadError>>,
) -> Signal<Option<Result<Arc<T>, LoadError>>> {
    Signal::derive(move || match &here {
        Some(data) => Some(Ok(Arc::clone(data))),
        None => fetched.get(),
    })
}

/// Adopts the data a pre-rendered page carries. `Some(true)`: the page has it and it is now in the
/// cache; `Some(false)`: the page claims pre-rendered data that cannot be read (the app then
/// renders afresh); `None`: a plain app shell.
#[cfg(target_arch = "wasm32")]
pub fn adopt_page_data() -> Option<bool> {
    let document = web_sys::window()?.document()?;
    if let Some(script) = document.get_element_by_id(ARTICLE_DATA) {
        let id = script.get_attribute("data-id")?;
        let text = script.text_content().unwrap_or_default();
        return Some(adopt(parse_article(&text, Some(&id)), preload_article));
    }
    if document.get_element_by_id(SEARCH_PAGE).is_some() {
        return Some(true);
    }
    let text = document.get_element_by_id(LIST_DATA)?.text_content();
    Some(adopt(
        ListPage::parse(&text.unwrap_or_default()),
        preload_list,
    ))
}

/// Keeps what was read, or says on the console why it could not be.
#[cfg(target_arch = "wasm32")]
fn adopt<T>(read: Result<T, FormatError>, keep: fn(Arc<T>)) -> bool {
    match read {
        Ok(data) => {
            keep(Arc::new(data));
            true
        }
        Err(e) => {
            web_sys::console::error_1(&format!("the data the page carries: {e}").into());
            false
        }
    }
}

/// GETs `url` as text. The request is aborted if the reactive owner that started it is cleaned
/// up first, e.g. when the reader navigates away.
async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let controller = web_sys::AbortController::new().ok();
    let on_cleanup = SendWrapper::new(controller.clone());
    Owner::on_cleanup(move || {
        if let Some(controller) = on_cleanup.take() {
            controller.abort();
        }
    });
    let response = send(
        &HttpRequest::get(url.to_string()),
        controller.as_ref(),
        None,
    )
    .await
    .map_err(|e| LoadError::Network(e.to_string()))?;
    let is_html = response
        .content_type
        .as_deref()
        .is_some_and(|t| t.starts_with("text/html"));
    match response.status {
        404 | 410 => Err(LoadError::NotFound),
        // Static hosts that answer every path with the app's HTML page (SPA fallback).
        200 if is_html => Err(LoadError::NotFound),
        200..=299 => Ok(response.text()),
        status => Err(LoadError::Network(format!(
            "HTTP {status} {}",
            response.status_text
        ))),
    }
}

/// The article with this id, validated, from the cache or from its file under `base` (the site's
/// base path, or an embed's absolute folder URL).
pub async fn article(base: String, id: String) -> Result<Arc<Article>, LoadError> {
    if let Some(hit) = cached_article(&id) {
        return Ok(hit);
    }
    read_article(&format!("{base}{}", article_file(&id)), Some(&id)).await
}

/// The article file at `url`, whatever its id (an embed's `src`), validated and then cached under
/// its id like any other.
pub async fn article_at(url: String) -> Result<Arc<Article>, LoadError> {
    read_article(&url, None).await
}

async fn read_article(url: &str, id: Option<&str>) -> Result<Arc<Article>, LoadError> {
    let text = fetch_text(url).await?;
    let article = Arc::new(parse_article(&text, id).map_err(LoadError::Malformed)?);
    for warning in article.warnings() {
        web_sys::console::warn_1(&format!("article {}: {warning}", article.id).into());
    }
    preload_article(Arc::clone(&article));
    Ok(article)
}

/// One page of a list under `base`: only that page's entries, whatever the archive's size.
pub async fn list_page(base: String, lang: Lang, at: ListAt) -> Result<Arc<ListPage>, LoadError> {
    if let Some(hit) = cached_list(lang, &at) {
        return Ok(hit);
    }
    let text = fetch_text(&format!("{base}{}", at.data_file(lang))).await?;
    let page = Arc::new(ListPage::parse(&text).map_err(LoadError::Malformed)?);
    preload_list(Arc::clone(&page));
    Ok(page)
}

/// The runtime configuration (`config.json` beside `index.html`, or an embed's `config`). None, or
/// one that cannot be read, means no translation: the app still works, and says why in the console.
pub async fn config(url: String) -> Arc<Config> {
    let config = match fetch_text(&url).await {
        Ok(text) => Config::parse(&text).unwrap_or_else(|e| {
            web_sys::console::error_1(&format!("{url}: {e}; machine translation is off").into());
            Config::default()
        }),
        Err(LoadError::NotFound) => Config::default(),
        Err(e) => {
            web_sys::console::warn_1(&format!("{url}: {e}; machine translation is off").into());
            Config::default()
        }
    };
    Arc::new(config)
}
