use crate::api;
use crate::browser::Site;
use crate::routes::{article::ArticlePage, list::ArticleList, not_found::PageNotFound};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use trimova_core::route::Page;
use trimova_core::Lang;

/// The whole app: one router, and a page chosen from the URL by `trimova_core::route`.
#[component]
pub fn App(site: Site) -> impl IntoView {
    let router_base = site.router_base().unwrap_or_default();
    let config = format!("{}config.json", site.base);
    provide_context(site);
    // Read once per page load; views wait for it only where translation is concerned.
    provide_context(LocalResource::new(move || api::config(config.clone())));
    view! {
        <Router base=router_base>
            <Routes fallback=|| view! { <PageNotFound lang=None /> }>
                <Route path=path!("") view=CurrentPage />
                <Route path=path!("/*any") view=CurrentPage />
            </Routes>
        </Router>
    }
}

/// Which view the path asks for. The language is kept apart from it, so switching editions of
/// the same article keeps the same view (and its loaded article) and only re-renders the text.
#[derive(Clone, Debug, PartialEq)]
enum View {
    List,
    Article(String),
    NotFound,
}

#[component]
fn CurrentPage() -> impl IntoView {
    let site = expect_context::<Site>();
    let location = use_location();
    let page = Memo::new(move |_| Page::parse(&location.pathname.get(), &site.base));
    let url_lang: Signal<Option<Lang>> = Signal::derive(move || match page.get() {
        Page::List { lang } | Page::Article { lang, .. } => lang,
        Page::NotFound => None,
    });
    let view = Memo::new(move |_| match page.get() {
        Page::List { .. } => View::List,
        Page::Article { id, .. } => View::Article(id),
        Page::NotFound => View::NotFound,
    });
    move || match view.get() {
        View::List => view! { <ArticleList url_lang /> }.into_any(),
        View::Article(id) => view! { <ArticlePage id url_lang /> }.into_any(),
        View::NotFound => view! { <PageNotFound lang=None /> }.into_any(),
    }
}
