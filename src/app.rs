use crate::api;
use crate::browser::{self, AppRoot};
use crate::navigation::Navigation;
use crate::reading::Reading;
use crate::routes::{
    article::ArticlePage, list::ArticleList, not_found::PageNotFound, search::SearchPage,
};
use crate::shelf::Shelf;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::archive::ListAt;
use trimova_core::config::Config;
use trimova_core::route::Page;
use trimova_core::Lang;

/// What every view of the site's page finds in context. Made before the views, so that a
/// pre-rendered page can make it in a task of its own before it is hydrated (`run_site`): on a
/// slow phone each of the two is a long task by itself.
pub struct SiteContext {
    site: AppRoot,
    navigation: Navigation,
    reading: Reading,
    shelf: Shelf,
    /// Read once per page load; views wait for it only where translation is concerned, so it is
    /// asked for after the page is adopted, not in the same task.
    config: LocalResource<Arc<Config>>,
}

impl SiteContext {
    /// The contexts of the site's page at `path`, made in the current owner.
    pub fn new(site: AppRoot, path: String) -> Self {
        let navigation = Navigation::new(path, &site.base);
        let config = format!("{}config.json", site.base);
        SiteContext {
            site,
            navigation,
            reading: Reading::new(None),
            shelf: Shelf::start(),
            config: LocalResource::new(move || {
                let config = config.clone();
                async move {
                    browser::next_task().await;
                    api::config(config).await
                }
            }),
        }
    }
}

/// The whole app on the site's page: a page chosen from the URL by `trimova_core::route`, which
/// the app's navigation keeps in step with the reader.
#[component]
pub fn App(context: SiteContext) -> impl IntoView {
    let SiteContext {
        site,
        navigation,
        reading,
        shelf,
        config,
    } = context;
    provide_context(site);
    provide_context(navigation);
    provide_context(reading);
    provide_context(shelf);
    provide_context(config);
    view! { <CurrentPage /> }
}

/// Which view the path asks for. The language is kept apart from it, so switching editions of
/// the same article keeps the same view (and its loaded article) and only re-renders the text.
#[derive(Clone, Debug, PartialEq)]
enum View {
    List,
    Article(String),
    Search(Lang),
    NotFound,
}

#[component]
fn CurrentPage() -> impl IntoView {
    let site = expect_context::<AppRoot>();
    let path = expect_context::<Navigation>().path();
    let page = Memo::new(move |_| Page::parse(&path.get(), &site.base));
    let url_lang: Signal<Option<Lang>> = Signal::derive(move || match page.get() {
        Page::List { lang, .. } | Page::Article { lang, .. } => lang,
        Page::Search { lang } => Some(lang),
        Page::NotFound => None,
    });
    // Which page of which list: moving between them keeps the list view and fetches one page.
    let list_at = Memo::new(move |_| match page.get() {
        Page::List { at, .. } => at,
        _ => ListAt::latest(),
    });
    let view = Memo::new(move |_| match page.get() {
        Page::List { .. } => View::List,
        Page::Article { id, .. } => View::Article(id),
        Page::Search { lang } => View::Search(lang),
        Page::NotFound => View::NotFound,
    });
    move || match view.get() {
        View::List => EitherOf4::A(view! { <ArticleList url_lang at=list_at.into() /> }),
        View::Article(id) => EitherOf4::B(view! { <ArticlePage id url_lang /> }),
        View::Search(lang) => EitherOf4::C(view! { <SearchPage lang /> }),
        View::NotFound => EitherOf4::D(view! { <PageNotFound lang=None /> }),
    }
}
