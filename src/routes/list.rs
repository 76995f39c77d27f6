use crate::api::{self, LoadError};
use crate::browser::{choose_lang, set_document_head, AppRoot};
use crate::components::list_day::ListDay;
use crate::components::masthead::Masthead;
use crate::components::notice::Notice;
use crate::components::pagination::Pagination;
use crate::components::switcher::{EditionKind, SwitcherEntry};
use crate::navigation::Navigation;
use leptos::either::EitherOf5;
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::archive::{ListAt, ListPage};
use trimova_core::i18n::messages;
use trimova_core::i18n::page_title;
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
    let resource = LocalResource::new({
        let base = site.base.clone();
        move || api::list_page(base.clone(), lang.get(), at.get())
    });
    // The page already here is shown at once (hydration needs it); another is fetched. While
    // it is on its way the resource still holds the page before, which is not shown.
    let page = Signal::derive(move || {
        let (lang, at) = (lang.get(), at.get());
        match api::cached_list(lang, &at) {
            Some(page) => Some(Ok(page)),
            None => resource
                .get()
                .filter(|r| r.as_ref().map_or(true, |p| p.lang == lang && p.at() == at)),
        }
    });

    let navigation = Navigation::current();
    Effect::new({
        let base = site.base.clone();
        move |_| {
            if let (None, Some(navigation)) = (url_lang.get(), navigation) {
                navigation.redirect(&list_path(&base, choose_lang(None, &Lang::ALL, Lang::Uk)));
            }
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

    move || {
        let lang = lang.get();
        let at = at.get();
        let text = messages(lang);
        let base = site.base.clone();
        let entries = Lang::ALL
            .into_iter()
            .map(|l| SwitcherEntry {
                lang: l,
                href: at.path(&base, l),
                edition: EditionKind::Human,
            })
            .collect::<Vec<_>>();
        let (heading, content) = match page.get() {
            None => (
                text.articles_heading.to_string(),
                EitherOf5::A(view! { <p class="loading" role="status">{text.loading}</p> }),
            ),
            Some(Ok(page)) if page.entries.is_empty() => (
                page.heading(),
                EitherOf5::B(view! { <p>{text.no_articles}</p> }),
            ),
            Some(Ok(page)) => (page.heading(), EitherOf5::C(list_content(page, &base))),
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
                let retry = Callback::new(move |_| resource.refetch());
                (
                    text.articles_heading.to_string(),
                    EitherOf5::E(view! {
                        <Notice title=text.network_title body=text.network_body detail=Some(detail) retry=Some((text.retry, retry))>
                            ""
                        </Notice>
                    }),
                )
            }
        };
        view! {
            <Masthead lang entries />
            <main id="content">
                <h1 class="list-heading">{heading}</h1>
                {content}
            </main>
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
