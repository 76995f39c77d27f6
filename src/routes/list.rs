use crate::api::{self, LoadError};
use crate::browser::{choose_lang, set_document_head, Site};
use crate::components::masthead::Masthead;
use crate::components::notice::Notice;
use crate::components::switcher::{EditionKind, SwitcherEntry};
use crate::navigation::Navigation;
use leptos::either::EitherOf5;
use leptos::prelude::*;
use trimova_core::format::date_medium;
use trimova_core::i18n::messages;
use trimova_core::publish::page_title;
use trimova_core::route::{article_path, list_path};
use trimova_core::{IndexEntry, Lang};

/// `/` and `/<lang>/`: every article, newest first, titled in the reader's language where it can be.
#[component]
pub fn ArticleList(url_lang: Signal<Option<Lang>>) -> impl IntoView {
    let site = expect_context::<Site>();
    let resource = LocalResource::new({
        let base = site.base.clone();
        move || api::index(base.clone())
    });
    let index = api::here_or_fetched(api::cached_index(), resource);
    // `/` is pre-rendered in one language; adopting it, the app renders that language first and
    // then moves to `/<lang>/` for the reader's own (below), as `/<id>` does.
    let adopted = site.adopted_lang;
    let lang = Memo::new(move |_| match (url_lang.get(), adopted) {
        (None, Some(lang)) => lang,
        (url, _) => choose_lang(url, &Lang::ALL, Lang::Uk),
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
        let text = messages(lang);
        set_document_head(lang, &page_title(text.articles_heading), text.tagline);
    });

    move || {
        let lang = lang.get();
        let text = messages(lang);
        let base = site.base.clone();
        let entries = Lang::ALL
            .into_iter()
            .map(|l| SwitcherEntry {
                lang: l,
                href: list_path(&base, l),
                edition: EditionKind::Human,
            })
            .collect::<Vec<_>>();
        let content = match index.get() {
            None => EitherOf5::A(view! { <p class="loading" role="status">{text.loading}</p> }),
            Some(Ok(index)) if index.articles.is_empty() => {
                EitherOf5::B(view! { <p>{text.no_articles}</p> })
            }
            Some(Ok(index)) => EitherOf5::C(view! {
                <ol class="article-list">
                    {index.articles.iter().map(|entry| list_item(entry, lang, &base)).collect_view()}
                </ol>
            }),
            Some(Err(LoadError::Malformed(e))) => EitherOf5::D(
                view! { <Notice title=text.malformed_title body=text.malformed_body detail=e.to_string()>""</Notice> },
            ),
            Some(Err(e)) => {
                let detail = match e {
                    LoadError::Network(d) => d,
                    _ => "articles/index.json: 404".into(),
                };
                let retry = Callback::new(move |_| resource.refetch());
                EitherOf5::E(view! {
                    <Notice title=text.network_title body=text.network_body detail retry=(text.retry, retry)>
                        ""
                    </Notice>
                })
            }
        };
        view! {
            <Masthead lang entries />
            <main id="content">
                <h1 class="list-heading">{text.articles_heading}</h1>
                {content}
            </main>
        }
    }
}

fn list_item(entry: &IndexEntry, lang: Lang, base: &str) -> impl IntoView {
    let text = messages(lang);
    let (title_lang, title) = entry.title_for(lang);
    let href = article_path(base, title_lang, &entry.id);
    let marker = (title_lang != lang).then(|| format!("({})", text.in_language(title_lang)));
    let editions = entry
        .editions
        .iter()
        .map(|l| view! { <li><abbr lang=l.code() title=l.native_name()>{l.code()}</abbr></li> })
        .collect_view();
    view! {
        <li class="article-item">
            <h2>
                <a href=href hreflang=title_lang.code() lang=title_lang.code()>{title.to_string()}</a>
            </h2>
            <div class="item-meta">
                <time datetime=entry.published.clone()>{date_medium(lang, &entry.published)}</time>
                {marker.map(|m| view! { <span class="original-marker">{m}</span> })}
                <ul class="edition-badges" aria-label=text.editions>{editions}</ul>
            </div>
        </li>
    }
}
