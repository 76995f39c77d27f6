use crate::browser::AppRoot;
use crate::components::blocks::{BodyBlock, InlineText, UntranslatedMark};
use crate::components::machine_notice::MachineNotice;
use crate::components::save_offline::{OfflineMark, SaveForOffline};
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::article::{Edition, Field, TranslatedBy};
use trimova_core::i18n::messages;
use trimova_core::locale::{count, datetime_long};
use trimova_core::provider::ProviderKind;
use trimova_core::route::{article_file, article_path, tag_list};
use trimova_core::{Article, Lang};

/// One edition of an article, as semantic HTML. The caller guarantees the edition exists.
#[component]
pub fn ArticleView(article: Arc<Article>, lang: Lang) -> impl IntoView {
    let edition = article.editions.get(&lang).cloned()?;
    // Each block with the marks of its plain-text fields (a machine edition's words left
    // untranslated in headings, attributions and captions).
    let body: Vec<_> = (edition.body.iter().cloned().enumerate())
        .map(|(i, block)| (block, edition.untranslated.of_block(i)))
        .collect();
    // An edition machine-translated at publish time (`trimova translate`) says so, as one
    // translated in the browser does.
    let machine = edition
        .machine_translation()
        .map(|t| (t.from, t.provider.clone()));
    let from = machine.as_ref().map(|(from, _)| from.code());
    let untranslated = edition.untranslated_words();
    let notice = machine.map(|(from, provider)| {
        provide_context(UntranslatedMark { from, to: lang });
        view! { <PublishedMachineNotice article=Arc::clone(&article) lang from provider untranslated /> }
    });
    Some(view! {
        <article class="article" class:machine=from.is_some() lang=lang.code() data-machine-translated=from>
            {notice}
            <ArticleHeader article=Arc::clone(&article) edition=edition.clone() lang />
            <div class="article-body">
                {body.into_iter().map(|(block, marks)| view! { <BodyBlock block marks /> }).collect_view()}
            </div>
            <ArticleFooter article=Arc::clone(&article) edition lang />
            <SaveForOffline file=article_file(&article.id) lang />
        </article>
    })
}

/// The note on a machine translation published in the article file, with the way to the original.
#[component]
fn PublishedMachineNotice(
    article: Arc<Article>,
    lang: Lang,
    from: Lang,
    provider: Option<String>,
    untranslated: usize,
) -> impl IntoView {
    let base = expect_context::<AppRoot>().base;
    let provider = provider.map_or_else(
        || "?".to_string(),
        |code| ProviderKind::from_code(&code).map_or(code, |kind| kind.display_name().to_string()),
    );
    let original = article_path(&base, from, &article.id);
    view! { <MachineNotice lang from provider original untranslated /> }
}

/// Kicker, headline, date, views, reading time and lead, with the words a machine translation left
/// untranslated marked. `pending` names the fields still showing the source text while a machine
/// translation is on its way, and that text's language.
#[component]
pub fn ArticleHeader(
    article: Arc<Article>,
    edition: Edition,
    lang: Lang,
    #[prop(optional)] pending: Option<(Lang, Vec<Field>)>,
) -> impl IntoView {
    let text = messages(lang);
    let lang_of = |field: Field| {
        pending
            .as_ref()
            .filter(|(_, fields)| fields.contains(&field))
            .map(|(source, _)| source.code())
    };
    let published_label = datetime_long(lang, &article.published);
    let updated = article
        .updated
        .clone()
        .map(|u| (datetime_long(lang, &u), u));
    let views = article.views.map(|n| text.views(lang, n, &count(lang, n)));
    let reading = text.reading_time(edition.reading_minutes());
    let dateline = edition
        .dateline
        .clone()
        .map(|d| edition.untranslated.mark(Field::Dateline, &d))
        .map(|text| view! { <span class="dateline" lang=lang_of(Field::Dateline)><InlineText text /></span> });
    let source = article
        .source
        .clone()
        .map(|s| view! { <span class="source">{s}</span> });
    let separator = (dateline.is_some() && source.is_some()).then_some(" · ");
    let title = edition.untranslated.mark(Field::Title, &edition.title);
    let lead = edition
        .lead
        .as_deref()
        .map(|lead| edition.untranslated.mark(Field::Lead, lead));
    let has_kicker = dateline.is_some() || source.is_some();
    view! {
        <header class="article-header">
            {has_kicker.then(|| view! { <p class="kicker">{dateline}{separator}{source}</p> })}
            <h1 lang=lang_of(Field::Title)><InlineText text=title /></h1>
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
            {lead.map(|text| view! { <p class="lead" lang=lang_of(Field::Lead)><InlineText text /></p> })}
        </header>
    }
}

/// Byline, the note on a human translation, and tags.
#[component]
pub fn ArticleFooter(article: Arc<Article>, edition: Edition, lang: Lang) -> impl IntoView {
    let text = messages(lang);
    let human_translation = edition
        .translation
        .as_ref()
        .filter(|t| t.by == TranslatedBy::Human)
        .map(|t| text.translated_from(t.from));
    let authors = (!edition.authors.is_empty()).then(|| edition.authors.join(", "));
    let base = expect_context::<AppRoot>().base;
    // Each tag links to its page (and says, offline, whether that page's file is kept); a tag with
    // nothing to slug (only punctuation) has none.
    let tags: Vec<(String, Option<(String, String)>)> = article
        .tags
        .iter()
        .map(|t| {
            let link = tag_list(t).map(|at| (at.path(&base, lang), at.data_file(lang)));
            (t.clone(), link)
        })
        .collect();
    // On paper the page's address and language stand under the article (`print-source`).
    let address = article_path(&base, lang, &article.id);
    let href = address.clone();
    view! {
        <footer class="article-footer">
            {authors.map(|a| view! { <p class="byline">{text.by} " " <span class="author">{a}</span></p> })}
            {human_translation.map(|t| view! { <p class="translation-note">{t}</p> })}
            {(!tags.is_empty())
                .then(|| {
                    view! {
                        <div class="tags">
                            <h2 class="visually-hidden">{text.tags}</h2>
                            <ul>
                                {tags
                                    .into_iter()
                                    .map(|(t, href)| match href {
                                        Some((href, file)) => Either::Left(view! {
                                            <li><a href=href>{t}</a> <OfflineMark file lang /></li>
                                        }),
                                        None => Either::Right(view! { <li>{t}</li> }),
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })}
            <p class="print-source">
                <a href=href>{address}</a>
                " · "
                {lang.native_name()}
            </p>
        </footer>
    }
}
