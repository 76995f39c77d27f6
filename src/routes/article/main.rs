//! The main area of an article page: the edition, the machine edition being made, the missing
//! edition explained, or why the article could not be loaded.

use super::model::Shown;
use crate::browser::AppRoot;
use crate::components::article::ArticleView;
use crate::components::content::Content;
use crate::components::load_failure::LoadFailure;
use crate::components::missing_edition::MissingEdition;
use crate::machine::app::lazy::LazyMachineEdition;
use crate::surface::Surface;
use leptos::either::EitherOf5;
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::config::TranslationConfig;
use trimova_core::i18n::messages;
use trimova_core::route::list_path;
use trimova_core::{Article, Lang};

#[component]
pub fn ArticleMain(
    shown: Shown,
    article: Option<Arc<Article>>,
    /// The language on screen (of the messages, while nothing else is).
    lang: Lang,
    config: Option<TranslationConfig>,
    retry_article: Callback<()>,
    retry_pairs: Callback<()>,
) -> impl IntoView {
    let base = expect_context::<AppRoot>().base;
    let text = messages(lang);
    // An embed shows one article; the host's page is the way onward.
    let all_articles = (!Surface::current().is_embedded())
        .then(|| view! { <p><a href=list_path(&base, lang)>{text.all_articles}</a></p> });
    match (shown, article, config) {
        (Shown::Edition(lang), Some(article), _) => EitherOf5::A(view! {
            <Content>
                <ArticleView article lang />
                {all_articles}
            </Content>
        }),
        (Shown::Machine { from, to }, Some(article), Some(config))
            if article.editions.contains_key(&from) =>
        {
            EitherOf5::B(view! {
                <Content>
                    <LazyMachineEdition article from to config base />
                    {all_articles}
                </Content>
            })
        }
        (Shown::Missing(lang, note), Some(article), _) => EitherOf5::C(view! {
            <Content>
                <MissingEdition article lang base note retry=retry_pairs />
            </Content>
        }),
        (Shown::Failed(lang, error), _, _) => EitherOf5::D(view! {
            <Content>
                <LoadFailure error lang retry=retry_article>{all_articles}</LoadFailure>
            </Content>
        }),
        _ => EitherOf5::E(view! {
            <Content busy=true>
                <p class="loading" role="status">{text.loading}</p>
            </Content>
        }),
    }
}
