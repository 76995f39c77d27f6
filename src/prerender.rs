//! Pre-rendering (native, `ssr` feature): the HTML of a page exactly as the app's components draw
//! it, for the build to write into `dist/` and for the app to hydrate in the browser.

use crate::api;
use crate::app::{App, SiteContext};
use crate::browser::AppRoot;
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::archive::ListPage;
use trimova_core::Article;

/// What a page is rendered from. The same data goes into the page for the app to adopt.
pub enum PageData {
    Article(Arc<Article>),
    List(Arc<ListPage>),
    /// A page drawn from its address alone (the search page).
    Nothing,
}

/// The `<body>` content of the page at `path` (which includes `base`) on a site served under
/// `base` (`/`, or `/news/`).
pub fn render_body(base: &str, path: &str, data: PageData) -> String {
    match data {
        PageData::Article(article) => api::preload_article(article),
        PageData::List(page) => api::preload_list(page),
        PageData::Nothing => {}
    }
    let site = AppRoot {
        base: base.to_string(),
        adopted_lang: None,
    };
    let owner = Owner::new();
    let path = path.to_string();
    let html = owner.with(|| view! { <App context=SiteContext::new(site, path) /> }.to_html());
    owner.cleanup();
    api::forget_all();
    html
}
