use crate::api::{self, LoadError};
use crate::browser::{choose_edition, choose_lang, set_document_head, set_noindex, Site};
use crate::components::article::ArticleView;
use crate::components::machine::MachineEdition;
use crate::components::masthead::Masthead;
use crate::components::missing_edition::{MissingEdition, MissingNote};
use crate::components::notice::Notice;
use crate::components::switcher::SwitcherEntry;
use crate::translation;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::sync::Arc;
use trimova_core::article::TranslatedBy;
use trimova_core::config::Config;
use trimova_core::i18n::messages;
use trimova_core::publish::{human_editions, page_title};
use trimova_core::route::{article_path, list_path};
use trimova_core::translate::source::{choose_source, NoSource};
use trimova_core::Lang;

/// `/<lang>/<id>` (and `/<id>`): one article, in the edition the URL or the reader asks for.
#[component]
pub fn ArticlePage(id: String, url_lang: Signal<Option<Lang>>) -> impl IntoView {
    let site = expect_context::<Site>();
    let resource = LocalResource::new({
        let id = id.clone();
        move || api::article(id.clone())
    });
    let article = api::here_or_fetched(api::cached_article(&id), resource);

    // Machine translation: the configured service and the pairs it has (asked once).
    let config = expect_context::<LocalResource<Arc<Config>>>();
    let pairs = LocalResource::new(move || async move {
        let config = config.await;
        match config.translator() {
            Some(t) => Some(translation::pairs(t).await),
            None => None,
        }
    });
    // The editions a reader can get. Human ones, and machine ones published in the file, are
    // known with the article; those the service can make once it has said what it has (`None`
    // until then, and always while pre-rendering).
    let readable = Memo::new(move |_| {
        let Some(Ok(a)) = article.get() else {
            return None;
        };
        let human: Vec<Lang> = human_editions(&a).into_iter().map(|(l, _)| l).collect();
        let published: Vec<Lang> = a
            .languages()
            .into_iter()
            .filter(|l| !human.contains(l))
            .collect();
        let service = config
            .get()
            .and_then(|c| match (c.translator(), pairs.get()) {
                (Some(_), None) => None,
                (Some(_), Some(Some(Ok(p)))) => Some(
                    Lang::ALL
                        .into_iter()
                        .filter(|l| {
                            !a.editions.contains_key(l) && choose_source(&a, *l, &p).is_ok()
                        })
                        .collect::<Vec<_>>(),
                ),
                _ => Some(Vec::new()),
            });
        Some(Readable {
            human,
            machine: service.map(|s| [published.clone(), s].concat()),
            published,
            original: a.original,
        })
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

    // `/<id>` becomes `/<lang>/<id>` once the language is known, so the URL always names it.
    let navigate = use_navigate();
    Effect::new({
        let (id, base) = (id.clone(), site.base.clone());
        move |_| {
            let known = readable.get().is_some_and(|r| r.machine.is_some());
            if url_lang.get().is_none() && known {
                let to = article_path(&base, lang.get(), &id);
                navigate(&to, super::redirect());
            }
        }
    });

    // What the main area shows. A memo of plain data, so that resources settling again on equal
    // values, or the switcher's data arriving, never re-create the view (and never restart a
    // translation job); only a real change does, and that cancels the job in flight.
    let shown = Memo::new(move |_| {
        let lang = lang.get();
        let Some(loaded) = article.get() else {
            return Shown::Loading;
        };
        let a = match loaded {
            Ok(a) => a,
            Err(e) => return Shown::Failed(lang, e),
        };
        if url_lang.get().is_none() {
            // `/<id>`: the redirect to `/<lang>/<id>` is on its way; render nothing twice.
            return Shown::Loading;
        }
        if a.editions.contains_key(&lang) {
            return Shown::Edition(lang);
        }
        let text = messages(lang);
        match (config.get(), pairs.get()) {
            (None, _) => Shown::Loading,
            (Some(c), _) if c.translator().is_none() => Shown::Missing(lang, None),
            (Some(_), None | Some(None)) => Shown::Loading,
            (Some(_), Some(Some(Err(e)))) => Shown::Missing(
                lang,
                Some(MissingNote {
                    text: text.translation_error(&e).to_string(),
                    detail: Some(e.to_string()),
                    retry: true,
                }),
            ),
            (Some(_), Some(Some(Ok(p)))) => match choose_source(&a, lang, &p) {
                Ok(from) => Shown::Machine { from, to: lang },
                Err(NoSource::PairMissing { from }) => Shown::Missing(
                    lang,
                    Some(MissingNote {
                        text: text.cannot_translate_from(from),
                        detail: None,
                        retry: false,
                    }),
                ),
            },
        }
    });

    Effect::new(move |_| {
        let lang = lang.get();
        let text = messages(lang);
        match article.get() {
            Some(Ok(a)) => match a.editions.get(&lang) {
                Some(e) => {
                    set_document_head(lang, &page_title(&e.title), &e.description());
                    // Machine translations are not the newsroom's text to index.
                    let machine = e
                        .translation
                        .as_ref()
                        .is_some_and(|t| t.by == TranslatedBy::Machine);
                    set_noindex(machine);
                }
                // The machine edition sets the head itself as its title arrives.
                None if matches!(shown.get(), Shown::Machine { .. }) => {}
                None => set_document_head(lang, &page_title(text.missing_edition_title), ""),
            },
            Some(Err(LoadError::NotFound)) => {
                set_document_head(lang, &page_title(text.not_found_title), "")
            }
            Some(Err(LoadError::Malformed(_))) => {
                set_document_head(lang, &page_title(text.malformed_title), "")
            }
            Some(Err(LoadError::Network(_))) => {
                set_document_head(lang, &page_title(text.network_title), "")
            }
            None => {}
        }
    });

    // A memo of plain data: the header is redrawn only when what it shows changes, so nodes the
    // reader is using (a focused switcher link) stay when, say, the config arrives with nothing new.
    let entries = Memo::new({
        let (base, id) = (site.base.clone(), id.clone());
        move |_| {
            // Before the article is known every language is offered as a plain link.
            let editions = readable.get();
            Lang::ALL
                .into_iter()
                .map(|l| {
                    let (available, machine) = match &editions {
                        Some(r) => (
                            r.human.contains(&l),
                            r.published.contains(&l)
                                || r.machine.as_ref().is_some_and(|m| m.contains(&l)),
                        ),
                        None => (true, false),
                    };
                    SwitcherEntry {
                        lang: l,
                        href: article_path(&base, l, &id),
                        available,
                        machine,
                    }
                })
                .collect::<Vec<_>>()
        }
    });
    let masthead = move || view! { <Masthead lang=lang.get() entries=entries.get() /> };

    let main = move || {
        let base = site.base.clone();
        let state = shown.get();
        let lang = lang.get_untracked();
        let text = messages(lang);
        let all_articles = view! { <p><a href=list_path(&base, lang)>{text.all_articles}</a></p> };
        let a = article.get_untracked().and_then(Result::ok);
        match (state, a) {
            (Shown::Edition(lang), Some(a)) => view! {
                <main id="content">
                    <ArticleView article=a lang />
                    {all_articles}
                </main>
            }
            .into_any(),
            (Shown::Machine { from, to }, Some(a)) => {
                let config = config.get_untracked().and_then(|c| c.translator().cloned());
                match (a.editions.get(&from).cloned(), config) {
                    (Some(original), Some(config)) => view! {
                        <main id="content">
                            <MachineEdition article=a original from to config base=base.clone() />
                            {all_articles}
                        </main>
                    }
                    .into_any(),
                    _ => loading(text),
                }
            }
            (Shown::Missing(lang, note), Some(a)) => {
                let retry = Callback::new(move |_| pairs.refetch());
                view! {
                    <main id="content">
                        <MissingEdition article=a lang base note retry />
                    </main>
                }
                .into_any()
            }
            (Shown::Failed(_, e), _) => {
                let content = match e {
                    LoadError::NotFound => view! {
                        <Notice title=text.not_found_title body=text.not_found_body>{all_articles}</Notice>
                    }
                    .into_any(),
                    LoadError::Malformed(e) => view! {
                        <Notice title=text.malformed_title body=text.malformed_body detail=e.to_string()>
                            {all_articles}
                        </Notice>
                    }
                    .into_any(),
                    LoadError::Network(e) => {
                        let retry = Callback::new(move |_| resource.refetch());
                        view! {
                            <Notice title=text.network_title body=text.network_body detail=e retry=(text.retry, retry)>
                                {all_articles}
                            </Notice>
                        }
                        .into_any()
                    }
                };
                view! { <main id="content">{content}</main> }.into_any()
            }
            _ => loading(text),
        }
    };

    view! {
        {masthead}
        {main}
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Loading,
    Edition(Lang),
    Machine { from: Lang, to: Lang },
    Missing(Lang, Option<MissingNote>),
    Failed(Lang, LoadError),
}

fn loading(text: &'static trimova_core::i18n::Messages) -> AnyView {
    view! {
        <main id="content" aria-busy="true">
            <p class="loading" role="status">{text.loading}</p>
        </main>
    }
    .into_any()
}

/// The editions of the article on screen, by how a reader can get them.
#[derive(Clone, Debug, PartialEq)]
struct Readable {
    human: Vec<Lang>,
    /// Machine translations published in the article file.
    published: Vec<Lang>,
    /// Every machine edition a reader can get: the published ones and those the service can make;
    /// `None` until the service (if any) has said what it can translate.
    machine: Option<Vec<Lang>>,
    original: Lang,
}
