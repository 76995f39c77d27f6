use crate::api::{self, LoadError};
use crate::browser::{choose_lang, set_document_head, AppRoot};
use crate::components::content::Content;
use crate::components::list_day::ListDay;
use crate::components::masthead::Masthead;
use crate::components::notice::Notice;
use crate::components::pagination::Pagination;
use crate::components::switcher::{EditionKind, SwitcherEntry};
use crate::hydrate_later::hydrate_later;
use crate::navigation::Navigation;
use leptos::either::EitherOf5;
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::archive::{ListAt, ListPage};
use trimova_core::i18n::{messages, page_title};
use trimova_core::route::list_path;
use trimova_core::Lang;

/// `/`, `/<lang>/` and every other page of a list (`/<lang>/page/<k>/`, a month's, a tag's): one
/// page of entries, which the page carries or the app fetches alone, never the whole archive.
#[component]
pub fn ArticleList(url_lang: Signal<Option<Lang>>, at: Signal<ListAt>) -> impl IntoView {
    let site = expect_context::<AppRoot>();
    // `/` is pre-rendered in one language; adopting it, the app renders that language first and
    // then moves to `/<lang>/` for the reader's own (below), as `/<id>` does.
    let adopted = site.adopted_lang;
    let lang = Memo::new(move |_| match (url_lang.get(), adopted) {
        (None, Some(lang)) => lang,
        (url, _) => choose_lang(url, &Lang::ALL, Lang::Uk),
    });
    let (page, resource) = load_list_page(site.base.clone(), lang, at);
    follow_the_list(url_lang, lang, page, site.base.clone());
    move || {
        let (lang, at, base) = (lang.get(), at.get(), site.base.clone());
        let entries = Lang::ALL
            .into_iter()
            .map(|l| SwitcherEntry {
                lang: l,
                href: at.path(&base, l),
                edition: EditionKind::Human,
            })
            .collect::<Vec<_>>();
        let retry = Callback::new(move |_| resource.refetch());
        let (heading, content) = shown(page.get(), lang, &at, &base, retry);
        view! {
            <Masthead lang entries />
            // Hydrated in a task of its own, after the masthead: see `hydrate_later`.
            {hydrate_later("the main area", move || view! {
                <Content>
                    <h1 class="list-heading">{heading}</h1>
                    {content}
                </Content>
            })}
        }
    }
}

/// A list page as a view reads it: nothing yet, or what loading it gave.
type LoadedPage = Option<Result<Arc<ListPage>, LoadError>>;

/// The page of `lang` at `at`: the one already here is shown at once (hydration needs it);
/// another is fetched, and while it is on its way the resource still holds the page before,
/// which is not shown.
fn load_list_page(
    base: String,
    lang: Memo<Lang>,
    at: Signal<ListAt>,
) -> (
    Signal<LoadedPage>,
    LocalResource<Result<Arc<ListPage>, LoadError>>,
) {
    let resource = LocalResource::new(move || api::list_page(base.clone(), lang.get(), at.get()));
    let page = Signal::derive(move || {
        let (lang, at) = (lang.get(), at.get());
        match api::cached_list(lang, &at) {
            Some(page) => Some(Ok(page)),
            None => resource
                .get()
                .filter(|r| r.as_ref().map_or(true, |p| p.lang == lang && p.at() == at)),
        }
    });
    (page, resource)
}

/// `/` moves to the reader's own `/<lang>/`; the document's title follows the page.
fn follow_the_list(
    url_lang: Signal<Option<Lang>>,
    lang: Memo<Lang>,
    page: Signal<LoadedPage>,
    base: String,
) {
    let navigation = Navigation::current();
    Effect::new(move |_| {
        if let (None, Some(navigation)) = (url_lang.get(), navigation) {
            navigation.redirect(&list_path(&base, choose_lang(None, &Lang::ALL, Lang::Uk)));
        }
    });
    Effect::new(move |_| {
        let lang = lang.get();
        let heading = match page.get() {
            Some(Ok(page)) => page.heading(),
            _ => messages(lang).articles_heading.to_string(),
        };
        set_document_head(lang, &page_title(&heading), messages(lang).tagline);
    });
}

/// The heading and the content of the page as it stands: loading, empty, its days, or why it
/// could not be loaded (with a retry where one can help).
fn shown(
    page: LoadedPage,
    lang: Lang,
    at: &ListAt,
    base: &str,
    retry: Callback<()>,
) -> (String, impl IntoView) {
    let text = messages(lang);
    match page {
        None => (
            text.articles_heading.to_string(),
            EitherOf5::A(view! { <p class="loading" role="status">{text.loading}</p> }),
        ),
        Some(Ok(page)) if page.entries.is_empty() => (
            page.heading(),
            EitherOf5::B(view! { <p>{text.no_articles}</p> }),
        ),
        Some(Ok(page)) => (page.heading(), EitherOf5::C(list_content(page, base))),
        Some(Err(LoadError::Malformed(e))) => (
            text.articles_heading.to_string(),
            EitherOf5::D(
                view! { <Notice title=text.malformed_title body=text.malformed_body detail=Some(e.to_string())>""</Notice> },
            ),
        ),
        Some(Err(e)) => {
            let detail = match e {
                LoadError::Network(d) => d,
                _ => format!("{}: 404", at.data_file(lang)),
            };
            (
                text.articles_heading.to_string(),
                EitherOf5::E(view! {
                    <Notice title=text.network_title body=text.network_body detail=Some(detail) retry=Some((text.retry, retry))>
                        ""
                    </Notice>
                }),
            )
        }
    }
}

/// The days of a page, then the way to its neighbours.
fn list_content(page: Arc<ListPage>, base: &str) -> impl IntoView {
    let days = page
        .days()
        .into_iter()
        .map(|(day, entries)| {
            view! { <ListDay lang=page.lang day=day.to_string() entries=entries.to_vec() /> }
        })
        .collect_view();
    view! {
        {days}
        <Pagination page=Arc::clone(&page) base=base.to_string() />
    }
}
