//! `/<lang>/<id>` (and `/<id>`): one article, in the edition the URL or the reader asks for.
//! What is shown is decided by the pure functions of `model`; this wires them to what loads
//! (`ArticlePage`), and `main` draws the main area.

mod main;
mod model;

use crate::api::{self, LoadError};
use crate::browser::{choose_edition, choose_lang, AppRoot};
use crate::components::masthead::Masthead;
use crate::hydrate_later::hydrate_later;
use crate::machine::app::pairs::pairs;
use crate::navigation::Navigation;
use crate::surface::Surface;
use leptos::prelude::*;
use main::ArticleMain;
use model::{readable, service_of, shown, switcher_entries, Readable, Shown};
use std::sync::Arc;
use trimova_core::config::Config;
use trimova_core::i18n::{messages, page_title};
use trimova_core::provider::ProviderError;
use trimova_core::route::article_path;
use trimova_core::{Article, Lang};

/// One article. Embedded, the article may come from any URL (`src`); its id is then the file's own.
#[component]
pub fn ArticlePage(
    id: String,
    url_lang: Signal<Option<Lang>>,
    #[prop(default = None)] src: Option<String>,
) -> impl IntoView {
    let site = expect_context::<AppRoot>();
    let surface = Surface::current();
    let (article, resource) = load_article(site.base.clone(), id.clone(), src);
    // The id links are made of: the route's, or the file's once it is read.
    let id = Memo::new(move |_| match article.get() {
        Some(Ok(a)) => a.id.clone(),
        _ => id.clone(),
    });
    // Machine translation: the configured service and the pairs it has (asked once).
    let config = expect_context::<LocalResource<Arc<Config>>>();
    let service_pairs = load_service_pairs(config);
    // What is known of the service: the config and the pairs (read with `service_of`).
    let known = move || (config.get(), service_pairs.get());
    let readable = Memo::new(move |_| match article.get() {
        Some(Ok(a)) => {
            let (config, pairs) = known();
            let service = service_of(config.as_deref(), pairs.as_ref().and_then(Option::as_ref));
            Some(readable(&a, service))
        }
        _ => None,
    });
    // The edition language on screen: the URL's, or (for `/<id>`) the negotiated one.
    let lang = Memo::new(move |_| match readable.get() {
        Some(Readable {
            human,
            machine: Some(machine),
            original,
            ..
        }) => choose_edition(url_lang.get(), &human, &machine, original),
        _ => choose_lang(url_lang.get(), &Lang::ALL, Lang::Uk),
    });
    name_the_language(url_lang, readable, lang, id, site.base.clone());

    // A memo of plain data, so that resources settling again on equal values never re-create the
    // view (and never restart a translation job); only a real change does, and that cancels it.
    let shown = Memo::new(move |_| match article.get() {
        None => Shown::Loading,
        Some(Err(e)) => Shown::Failed(lang.get(), e),
        // `/<id>`: the redirect to `/<lang>/<id>` is on its way; render nothing twice.
        Some(Ok(_)) if url_lang.get().is_none() => Shown::Loading,
        Some(Ok(a)) => {
            let (config, pairs) = known();
            let service = service_of(config.as_deref(), pairs.as_ref().and_then(Option::as_ref));
            shown(&a, lang.get(), service)
        }
    });
    tell_the_surface(surface, article, shown, lang);

    // Plain data: the header is redrawn only when what it shows changes, so nodes the reader is
    // using (a focused switcher link) stay when, say, the config arrives with nothing new.
    let entries = Memo::new({
        let base = site.base.clone();
        move |_| readable.with(|r| switcher_entries(&base, &id.get(), r.as_ref()))
    });
    let retry_article = Callback::new(move |()| resource.refetch());
    let retry_pairs = Callback::new(move |()| service_pairs.refetch());
    view! {
        {move || view! { <Masthead lang=lang.get() entries=entries.get() /> }}
        // Hydrated in a task of its own, after the masthead: see `hydrate_later`.
        {hydrate_later("the main area", move || move || {
            let config = config.get_untracked().and_then(|c| c.translator().cloned());
            let article = article.get_untracked().and_then(Result::ok);
            view! { <ArticleMain shown=shown.get() article lang=lang.get_untracked() config retry_article retry_pairs /> }
        })}
    }
}

/// The article as a view reads it: nothing yet, or what loading it gave.
type LoadedArticle = Option<Result<Arc<Article>, LoadError>>;
/// The pairs of the configured service, once asked; `None` without a service.
type ServicePairs = Option<Result<Vec<(Lang, Lang)>, ProviderError>>;

/// The article: the one the page carries or the cache holds, else its file (an embed's `src`, or
/// `<id>.json` under `base`); and the resource that fetches it, for a retry.
fn load_article(
    base: String,
    id: String,
    src: Option<String>,
) -> (
    Signal<LoadedArticle>,
    LocalResource<Result<Arc<Article>, LoadError>>,
) {
    let here = src.is_none().then(|| api::cached_article(&id)).flatten();
    let resource = LocalResource::new(move || {
        let (base, id, src) = (base.clone(), id.clone(), src.clone());
        async move {
            match src {
                Some(url) => api::article_at(url).await,
                None => api::article(base, id).await,
            }
        }
    });
    (api::here_or_fetched(here, resource), resource)
}

/// The pairs the configured service has (asked once).
fn load_service_pairs(config: LocalResource<Arc<Config>>) -> LocalResource<ServicePairs> {
    LocalResource::new(move || async move {
        match config.await.translator() {
            Some(t) => Some(pairs(t).await),
            None => None,
        }
    })
}

/// The page's title, description and language follow what is shown; an embedding host hears of a
/// failed load once, whatever the language on screen. (A machine edition shows itself as its
/// title arrives.)
fn tell_the_surface(
    surface: Surface,
    article: Signal<LoadedArticle>,
    shown: Memo<Shown>,
    lang: Memo<Lang>,
) {
    Effect::new(move |_| {
        let lang = lang.get();
        let text = messages(lang);
        match (shown.get(), article.get()) {
            (Shown::Edition(_), Some(Ok(a))) => {
                let e = &a.editions[&lang];
                surface.show_edition(lang, &page_title(&e.title), &e.description(), !e.is_human())
            }
            (Shown::Missing(..), _) => {
                surface.show_message(lang, &page_title(text.missing_edition_title))
            }
            (Shown::Failed(_, e), _) => {
                surface.show_message(lang, &page_title(e.explained(text).title))
            }
            _ => {}
        }
    });
    Effect::new(move |_| {
        if let Some(Err(e)) = article.get() {
            surface.error(
                e.explained(messages(lang.get_untracked())).kind,
                &e.to_string(),
            );
        }
    });
}

/// `/<id>` becomes `/<lang>/<id>` once the language is known, so the URL always names it. An
/// embed has no URL of its own: the negotiated language becomes its choice (and `lang`).
fn name_the_language(
    url_lang: Signal<Option<Lang>>,
    readable: Memo<Option<Readable>>,
    lang: Memo<Lang>,
    id: Memo<String>,
    base: String,
) {
    let (surface, navigation) = (Surface::current(), Navigation::current());
    Effect::new(move |_| {
        let known = readable.with(|r| r.as_ref().is_some_and(|r| r.machine.is_some()));
        if url_lang.get().is_some() || !known {
            return;
        }
        match (surface, navigation) {
            (Surface::Embed(embedding), _) => embedding.lang.set(Some(lang.get())),
            (Surface::Page, Some(navigation)) => {
                navigation.redirect(&article_path(&base, lang.get(), &id.get()))
            }
            // (An article page is never drawn by the machine translation module.)
            (Surface::Page, None) | (Surface::Delegate(_), _) => {}
        }
    });
}
