use crate::browser::{format_count, format_datetime};
use crate::components::blocks::BodyBlock;
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::article::TranslatedBy;
use trimova_core::i18n::messages;
use trimova_core::{Article, Lang};

/// One edition of an article, as semantic HTML. The caller guarantees the edition exists.
#[component]
pub fn ArticleView(article: Arc<Article>, lang: Lang) -> impl IntoView {
    let Some(edition) = article.editions.get(&lang).cloned() else {
        return ().into_any();
    };
    let text = messages(lang);
    let published_label = format_datetime(lang, &article.published);
    let updated = article
        .updated
        .clone()
        .map(|u| (format_datetime(lang, &u), u));
    let views = article
        .views
        .map(|n| text.views(lang, n, &format_count(lang, n)));
    let reading = text.reading_time(edition.reading_minutes());
    let kicker = [edition.dateline.clone(), article.source.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    let human_translation = edition
        .translation
        .as_ref()
        .filter(|t| t.by == TranslatedBy::Human)
        .map(|t| text.translated_from(t.from));
    let authors = (!edition.authors.is_empty()).then(|| edition.authors.join(", "));
    let tags = article.tags.clone();

    view! {
        <article class="article" lang=lang.code()>
            <header class="article-header">
                {(!kicker.is_empty()).then(|| view! { <p class="kicker">{kicker.join(" · ")}</p> })}
                <h1>{edition.title.clone()}</h1>
                <p class="meta">
                    <time datetime=article.published.clone()>{published_label}</time>
                    {updated
                        .map(|(label, iso)| {
                            view! {
                                <span class="updated">
                                    {text.updated} " " <time datetime=iso>{label}</time>
                                </span>
                            }
                        })}
                    {views.map(|v| view! { <span class="views">{v}</span> })}
                    <span class="reading-time">{reading}</span>
                </p>
                {edition.lead.clone().map(|lead| view! { <p class="lead">{lead}</p> })}
            </header>
            <div class="article-body">
                {edition.body.iter().cloned().map(|block| view! { <BodyBlock block /> }).collect_view()}
            </div>
            <footer class="article-footer">
                {authors.map(|a| view! { <p class="byline">{text.by} " " <span class="author">{a}</span></p> })}
                {human_translation.map(|t| view! { <p class="translation-note">{t}</p> })}
                {(!tags.is_empty())
                    .then(|| {
                        view! {
                            <div class="tags">
                                <h2 class="visually-hidden">{text.tags}</h2>
                                <ul>{tags.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                            </div>
                        }
                    })}
            </footer>
        </article>
    }
    .into_any()
}
