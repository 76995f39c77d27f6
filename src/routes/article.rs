use crate::api::{self, LoadError};
use crate::browser::{choose_lang, set_document_head, Site};
use crate::components::article::ArticleView;
use crate::components::masthead::Masthead;
use crate::components::notice::Notice;
use crate::components::switcher::SwitcherEntry;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use std::sync::Arc;
use trimova_core::i18n::messages;
use trimova_core::route::{article_path, list_path};
use trimova_core::{Article, Lang};

/// `/<lang>/<id>` (and `/<id>`): one article, in the edition the URL or the reader asks for.
#[component]
pub fn ArticlePage(id: String, url_lang: Signal<Option<Lang>>) -> impl IntoView {
    let site = expect_context::<Site>();
    let article = LocalResource::new({
        let id = id.clone();
        move || api::article(id.clone())
    });

    // The edition language on screen: the URL's, or (for `/<id>`) the negotiated one.
    let lang = Memo::new(move |_| match article.get() {
        Some(Ok(a)) => choose_lang(url_lang.get(), &a.languages(), a.original),
        _ => choose_lang(url_lang.get(), &Lang::ALL, Lang::Uk),
    });

    // `/<id>` becomes `/<lang>/<id>` once the language is known, so the URL always names it.
    let navigate = use_navigate();
    Effect::new({
        let (id, base) = (id.clone(), site.base.clone());
        move |_| {
            if url_lang.get().is_none() && matches!(article.get(), Some(Ok(_))) {
                let to = article_path(&base, lang.get(), &id);
                navigate(
                    &to,
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
        }
    });

    Effect::new(move |_| {
        let lang = lang.get();
        let text = messages(lang);
        match article.get() {
            Some(Ok(a)) => match a.editions.get(&lang) {
                Some(e) => {
                    set_document_head(lang, &format!("{} — Trimova", e.title), &e.description())
                }
                None => set_document_head(
                    lang,
                    &format!("{} — Trimova", text.missing_edition_title),
                    "",
                ),
            },
            Some(Err(LoadError::NotFound)) => {
                set_document_head(lang, &format!("{} — Trimova", text.not_found_title), "")
            }
            Some(Err(LoadError::Malformed(_))) => {
                set_document_head(lang, &format!("{} — Trimova", text.malformed_title), "")
            }
            Some(Err(LoadError::Network(_))) => {
                set_document_head(lang, &format!("{} — Trimova", text.network_title), "")
            }
            None => {}
        }
    });

    move || {
        let lang = lang.get();
        let text = messages(lang);
        let base = site.base.clone();
        let switcher = |available: &[Lang]| -> Vec<SwitcherEntry> {
            Lang::ALL
                .into_iter()
                .map(|l| SwitcherEntry {
                    lang: l,
                    href: article_path(&base, l, &id),
                    available: available.contains(&l),
                })
                .collect()
        };
        let all_articles = view! { <p><a href=list_path(&base, lang)>{text.all_articles}</a></p> };
        let content = match article.get() {
            None => {
                return view! {
                    <Masthead lang entries=switcher(&Lang::ALL) />
                    <main id="content" aria-busy="true">
                        <p class="loading" role="status">{text.loading}</p>
                    </main>
                }
                .into_any();
            }
            Some(Ok(a)) if a.editions.contains_key(&lang) => {
                let entries = switcher(&a.languages());
                return view! {
                    <Masthead lang entries />
                    <main id="content">
                        <ArticleView article=a lang />
                        {all_articles}
                    </main>
                }
                .into_any();
            }
            Some(Ok(a)) => missing_edition(&a, lang, &base),
            Some(Err(LoadError::NotFound)) => {
                view! { <Notice title=text.not_found_title body=text.not_found_body>{all_articles}</Notice> }.into_any()
            }
            Some(Err(LoadError::Malformed(e))) => view! {
                <Notice title=text.malformed_title body=text.malformed_body detail=e.to_string()>
                    {all_articles}
                </Notice>
            }
            .into_any(),
            Some(Err(LoadError::Network(e))) => {
                let retry = Callback::new(move |_| article.refetch());
                view! {
                    <Notice title=text.network_title body=text.network_body detail=e retry=(text.retry, retry)>
                        {all_articles}
                    </Notice>
                }
                .into_any()
            }
        };
        let entries = match article.get() {
            Some(Ok(a)) => switcher(&a.languages()),
            _ => switcher(&Lang::ALL),
        };
        view! {
            <Masthead lang entries />
            <main id="content">{content}</main>
        }
        .into_any()
    }
}

/// The requested edition does not exist: say so in that language and link to those that do.
/// (Machine translation will take this place when a provider is configured.)
fn missing_edition(article: &Arc<Article>, lang: Lang, base: &str) -> AnyView {
    let text = messages(lang);
    let links = article
        .editions
        .iter()
        .map(|(l, e)| {
            let href = article_path(base, *l, &article.id);
            view! {
                <li>
                    <a href=href hreflang=l.code() lang=l.code()>
                        <span class="edition-name">{l.native_name()}</span>
                        ": "
                        <cite>{e.title.clone()}</cite>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="notice missing-edition" lang=lang.code()>
            <h1>{text.missing_edition_title}</h1>
            <p>{text.missing_edition_body}</p>
            <ul class="edition-links">{links}</ul>
        </section>
    }
    .into_any()
}
