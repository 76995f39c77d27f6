use crate::api::{self, LoadError};
use crate::browser::{choose_edition, choose_lang, Site};
use crate::components::article::ArticleView;
use crate::components::content::Content;
use crate::components::machine_loader::LazyMachineEdition;
use crate::components::masthead::Masthead;
use crate::components::missing_edition::{MissingEdition, MissingNote};
use crate::components::notice::Notice;
use crate::components::switcher::{EditionKind, SwitcherEntry};
use crate::navigation::Navigation;
use crate::surface::{ErrorKind, Surface};
use crate::translation;
use leptos::either::{Either, EitherOf3, EitherOf5};
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::config::Config;
use trimova_core::i18n::messages;
use trimova_core::publish::{human_editions, page_title};
use trimova_core::route::{article_path, list_path};
use trimova_core::translate::source::{choose_source, NoSource};
use trimova_core::Lang;

/// `/<lang>/<id>` (and `/<id>`): one article, in the edition the URL or the reader asks for.
/// Embedded, the article may come from any URL (`src`); its id is then the file's own.
#[component]
pub fn ArticlePage(
    id: String,
    url_lang: Signal<Option<Lang>>,
    #[prop(default = None)] src: Option<String>,
) -> impl IntoView {
    let site = expect_context::<Site>();
    let surface = Surface::current();
    let here = match &src {
        None => api::cached_article(&id),
        Some(_) => None,
    };
    let resource = LocalResource::new({
        let (base, id) = (site.base.clone(), id.clone());
        move || {
            let (base, id, src) = (base.clone(), id.clone(), src.clone());
            async move {
                match src {
                    Some(url) => api::article_at(url).await,
                    None => api::article(base, id).await,
                }
            }
        }
    });
    let article = api::here_or_fetched(here, resource);
    // The id links are made of: the route's, or the file's once it is read.
    let id = Memo::new(move |_| match article.get() {
        Some(Ok(a)) => a.id.clone(),
        _ => id.clone(),
    });

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

    // `/<id>` becomes `/<lang>/<id>` once the language is known, so the URL always names it. An
    // embed has no URL of its own: the negotiated language becomes its choice (and `lang`).
    let navigation = Navigation::current();
    Effect::new({
        let base = site.base.clone();
        move |_| {
            let known = readable.get().is_some_and(|r| r.machine.is_some());
            if url_lang.get().is_none() && known {
                match (surface, navigation) {
                    (Surface::Embed(embedding), _) => embedding.lang.set(Some(lang.get())),
                    (Surface::Page, Some(navigation)) => {
                        navigation.redirect(&article_path(&base, lang.get(), &id.get()))
                    }
                    // (An article page is never drawn by the machine translation module.)
                    (Surface::Page, None) | (Surface::Delegate(_), _) => {}
                }
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
                Some(e) => surface.show_edition(
                    lang,
                    &page_title(&e.title),
                    &e.description(),
                    !e.is_human(),
                ),
                // The machine edition shows itself as its title arrives.
                None if matches!(shown.get(), Shown::Machine { .. }) => {}
                None => surface.show_message(lang, &page_title(text.missing_edition_title)),
            },
            Some(Err(e)) => surface.show_message(lang, &page_title(load_error_title(text, &e))),
            None => {}
        }
    });
    // An embedding host hears of a failed load once, whatever the language on screen.
    Effect::new(move |_| {
        if let Some(Err(e)) = article.get() {
            let kind = match e {
                LoadError::NotFound => ErrorKind::NotFound,
                LoadError::Malformed(_) => ErrorKind::Malformed,
                LoadError::Network(_) => ErrorKind::Network,
            };
            surface.error(kind, &e.to_string());
        }
    });

    // A memo of plain data: the header is redrawn only when what it shows changes, so nodes the
    // reader is using (a focused switcher link) stay when, say, the config arrives with nothing new.
    let entries = Memo::new({
        let base = site.base.clone();
        move |_| {
            let id = id.get();
            // Before the article is known every language is offered as a plain link.
            let editions = readable.get();
            Lang::ALL
                .into_iter()
                .map(|l| {
                    let edition = match &editions {
                        None => EditionKind::Human,
                        Some(r) if r.human.contains(&l) => EditionKind::Human,
                        Some(r) if r.published.contains(&l) => EditionKind::PublishedMachine,
                        Some(r) if r.machine.as_ref().is_some_and(|m| m.contains(&l)) => {
                            EditionKind::MachineOnDemand
                        }
                        Some(_) => EditionKind::Missing,
                    };
                    SwitcherEntry {
                        lang: l,
                        href: article_path(&base, l, &id),
                        edition,
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
        // An embed shows one article; the host's page is the way onward.
        let all_articles = (!surface.is_embedded())
            .then(|| view! { <p><a href=list_path(&base, lang)>{text.all_articles}</a></p> });
        let a = article.get_untracked().and_then(Result::ok);
        match (state, a) {
            (Shown::Edition(lang), Some(a)) => EitherOf5::A(view! {
                <Content>
                    <ArticleView article=a lang />
                    {all_articles}
                </Content>
            }),
            (Shown::Machine { from, to }, Some(a)) => {
                let config = config.get_untracked().and_then(|c| c.translator().cloned());
                EitherOf5::B(match (a.editions.contains_key(&from), config) {
                    (true, Some(config)) => Either::Left(view! {
                        <Content>
                            <LazyMachineEdition article=a from to config base=base.clone() />
                            {all_articles}
                        </Content>
                    }),
                    _ => Either::Right(loading(text)),
                })
            }
            (Shown::Missing(lang, note), Some(a)) => {
                let retry = Callback::new(move |_| pairs.refetch());
                EitherOf5::C(view! {
                    <Content>
                        <MissingEdition article=a lang base note retry />
                    </Content>
                })
            }
            (Shown::Failed(_, e), _) => {
                let content = match e {
                    LoadError::NotFound => EitherOf3::A(view! {
                        <Notice title=text.not_found_title body=text.not_found_body>{all_articles}</Notice>
                    }),
                    LoadError::Malformed(e) => EitherOf3::B(view! {
                        <Notice title=text.malformed_title body=text.malformed_body detail=e.to_string()>
                            {all_articles}
                        </Notice>
                    }),
                    LoadError::Network(e) => {
                        let retry = Callback::new(move |_| resource.refetch());
                        EitherOf3::C(view! {
                            <Notice title=text.network_title body=text.network_body detail=e retry=(text.retry, retry)>
                                {all_articles}
                            </Notice>
                        })
                    }
                };
                EitherOf5::D(view! { <Content>{content}</Content> })
            }
            _ => EitherOf5::E(loading(text)),
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

fn loading(text: &'static trimova_core::i18n::Messages) -> impl IntoView {
    view! {
        <Content busy=true>
            <p class="loading" role="status">{text.loading}</p>
        </Content>
    }
}

/// The heading of the message shown when the article could not be loaded.
fn load_error_title(text: &'static trimova_core::i18n::Messages, e: &LoadError) -> &'static str {
    match e {
        LoadError::NotFound => text.not_found_title,
        LoadError::Malformed(_) => text.malformed_title,
        LoadError::Network(_) => text.network_title,
    }
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
