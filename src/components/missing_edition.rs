use crate::components::notice::Alert;
use crate::surface::Surface;
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::i18n::messages;
use trimova_core::route::article_path;
use trimova_core::{Article, Lang};

/// Why a missing edition is not machine-translated, when a service is configured.
#[derive(Clone, Debug, PartialEq)]
pub struct MissingNote {
    pub text: String,
    pub detail: Option<String>,
    /// Asking the service again may help (it could not be reached).
    pub retry: bool,
}

/// The requested edition does not exist (and is not being translated): say so in that language
/// and link to those that do.
#[component]
pub fn MissingEdition(
    article: Arc<Article>,
    lang: Lang,
    base: String,
    note: Option<MissingNote>,
    retry: Callback<()>,
) -> impl IntoView {
    let text = messages(lang);
    let surface = Surface::current();
    let links = article
        .editions
        .iter()
        .map(|(l, e)| {
            let href = article_path(&base, *l, &article.id);
            view! {
                <li>
                    <a href=href hreflang=l.code() lang=l.code() on:click=surface.on_edition_link(*l)>
                        <span class="edition-name">{l.native_name()}</span>
                        ": "
                        <cite>{e.title.clone()}</cite>
                    </a>
                </li>
            }
        })
        .collect_view();
    let note = note.map(|n| {
        view! {
            <Alert message=n.text detail=n.detail retry=n.retry.then_some((text.retry, retry))>""</Alert>
        }
    });
    view! {
        <section class="notice missing-edition" lang=lang.code()>
            <h1>{text.missing_edition_title}</h1>
            {note}
            <p>{text.missing_edition_body}</p>
            <ul class="edition-links">{links}</ul>
        </section>
    }
}
