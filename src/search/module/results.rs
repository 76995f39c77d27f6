//! The search page's content, drawn by the search module: the form with the query kept, what
//! was found (announced), the results a page at a time, and what went wrong with a retry.

use super::reader::{IndexReader, ReadError};
use super::result::SearchResult;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::i18n::messages;
use trimova_core::locale::count;
use trimova_core::route::search_path;
use trimova_core::search::index::Doc;
use trimova_core::search::messages::search_messages;
use trimova_core::search::params::SearchParams;
use trimova_core::search::query::{Budget, Order, Query, Ranked};
use trimova_core::Lang;

/// Results drawn at a time ("more results" draws the next).
const PAGE: usize = 10;

/// Where a search stands.
#[derive(Clone, Debug)]
enum State {
    /// Nothing asked yet (an empty box).
    Empty,
    /// Asked something with no words in it.
    NoWords,
    Searching,
    Found {
        ranked: Arc<Ranked>,
        docs: Vec<Arc<Doc>>,
        /// What the ranking could read of common words' month pages (more results read more).
        budget: Budget,
    },
    Failed(ReadError),
}

/// The search of the page's address (`params`), in `lang`.
#[component]
pub fn SearchResults(lang: Lang, base: String, params: SearchParams) -> impl IntoView {
    let text = search_messages(lang);
    let reader = Arc::new(send_wrapper::SendWrapper::new(IndexReader::new(
        base.clone(),
    )));
    let query = Query::parse(&params.q);
    let state = RwSignal::new(match &query {
        _ if params.q.trim().is_empty() => State::Empty,
        Err(_) => State::NoWords,
        Ok(_) => State::Searching,
    });
    let attempt = RwSignal::new(0u32);
    let controller = StoredValue::new_local(web_sys::AbortController::new().ok());
    on_cleanup(move || {
        if let Some(Some(c)) = controller.try_get_value() {
            c.abort();
        }
    });

    if let Ok(query) = query.clone() {
        let (reader, params) = (reader.clone(), params.clone());
        Effect::new(move |_| {
            attempt.track();
            state.set(State::Searching);
            let (reader, params, query) = (reader.clone(), params.clone(), query.clone());
            let Some(Some(c)) = controller.try_get_value() else {
                return;
            };
            leptos::task::spawn_local(async move {
                let budget = Budget::ASK;
                let found = async {
                    let ranked = reader.search(&query, &params, budget, &c).await?;
                    let first: Vec<_> = ranked.results.iter().take(PAGE).map(|r| r.item).collect();
                    let docs = reader.docs(&first, &c).await?;
                    Ok::<_, ReadError>(State::Found {
                        ranked: Arc::new(ranked),
                        docs,
                        budget,
                    })
                };
                state.try_set(found.await.unwrap_or_else(State::Failed));
            });
        });
    }

    // The next results: those already ranked, or, when the ranking is not all of them (common
    // words), a ranking that reads more of their month pages.
    let more = {
        let (reader, params, query) = (reader.clone(), params.clone(), query.clone());
        move |_| {
            let State::Found {
                ranked,
                docs,
                budget,
            } = state.get_untracked()
            else {
                return;
            };
            let Some(Some(c)) = controller.try_get_value() else {
                return;
            };
            let (reader, params, query) = (reader.clone(), params.clone(), query.clone());
            leptos::task::spawn_local(async move {
                let more = async {
                    let (ranked, budget) = match (&query, docs.len() >= ranked.results.len()) {
                        (Ok(query), true) if !ranked.complete => {
                            let budget = budget.and_one_more_ask();
                            (
                                Arc::new(reader.search(query, &params, budget, &c).await?),
                                budget,
                            )
                        }
                        _ => (ranked, budget),
                    };
                    let shown: Vec<_> = ranked
                        .results
                        .iter()
                        .take(docs.len() + PAGE)
                        .map(|r| r.item)
                        .collect();
                    let docs = reader.docs(&shown, &c).await?;
                    Ok::<_, ReadError>(State::Found {
                        ranked,
                        docs,
                        budget,
                    })
                };
                state.set(more.await.unwrap_or_else(State::Failed));
            });
        }
    };

    let words = query.clone().ok();
    let links_base = base.clone();
    let q = params.q.clone();
    let content = move || match state.get() {
        State::Empty => EitherOf4::A(()),
        State::NoWords => EitherOf4::B(view! { <p class="search-status">{text.no_words}</p> }),
        State::Searching => EitherOf4::B(view! { <p class="search-status">{text.searching}</p> }),
        State::Failed(error) => EitherOf4::C(failure(lang, error, attempt)),
        State::Found { ranked, docs, .. } => {
            EitherOf4::D({
                let words = words.clone().unwrap_or_else(|| Query {
                    words: vec![],
                    cut: false,
                });
                let total = ranked.results.len();
                let said = if total == 0 {
                    format!("{} «{}».", text.nothing_found, q)
                } else {
                    text.count(
                        lang,
                        total as u64,
                        &count(lang, total as u64),
                        ranked.complete,
                    )
                };
                let cut = words
                    .cut
                    .then(|| view! { <p class="search-note">{text.cut}</p> });
                let left = total > docs.len() || !ranked.complete;
                let base = links_base.clone();
                let items = docs
                .into_iter()
                .map(|doc| view! { <SearchResult doc lang base=base.clone() query=words.clone() /> })
                .collect_view();
                view! {
                    <p class="search-status">{said}</p>
                    {cut}
                    <ol class="article-list search-results">{items}</ol>
                    {left.then(|| view! {
                        <button type="button" class="search-more" on:click=more.clone()>{text.more}</button>
                    })}
                }
            })
        }
    };
    view! {
        <SearchForm lang base params />
        // Announced as it changes: what was found, or why nothing could be.
        <div class="search-outcome" aria-live="polite">{content}</div>
    }
}

/// What went wrong, in the reader's language, with a retry.
fn failure(lang: Lang, error: ReadError, attempt: RwSignal<u32>) -> impl IntoView {
    let text = search_messages(lang);
    let (message, detail) = match error {
        ReadError::Offline => (text.offline, None),
        ReadError::Failed(d) => (text.failed, Some(d)),
        ReadError::Damaged(d) => (text.damaged, Some(d)),
    };
    view! {
        <div class="mt-error" role="alert">
            <p><strong>{message}</strong></p>
            {detail.map(|d| view! { <p><code class="notice-detail">{d}</code></p> })}
            <p class="mt-actions">
                <button type="button" class="retry" on:click=move |_| attempt.update(|n| *n += 1)>
                    {messages(lang).retry}
                </button>
            </p>
        </div>
    }
}

/// The query, kept, and the filters: a plain GET form to this page, so what it asks is in the
/// address (shared, reloaded, gone back to).
#[component]
fn SearchForm(lang: Lang, base: String, params: SearchParams) -> impl IntoView {
    let text = search_messages(lang);
    let month = params
        .month
        .map(|(y, m)| format!("{y:04}-{m:02}"))
        .unwrap_or_default();
    let newest = params.order == Order::Newest;
    let input = NodeRef::<leptos::html::Input>::new();
    let empty = params.q.trim().is_empty();
    // An empty page is for typing: the box takes the focus.
    Effect::new(move |_| {
        if let (true, Some(input)) = (empty, input.get()) {
            let _ = input.focus();
        }
    });
    view! {
        <form class="search-form" role="search" aria-label=text.query_label method="get" action=search_path(&base, lang)>
            <p class="search-box">
                <label for="search-q">{text.query_label}</label>
                <input id="search-q" type="search" name="q" prop:value=params.q.clone()
                    node_ref=input autocomplete="off" enterkeyhint="search" maxlength="200" />
                <button type="submit">{text.submit}</button>
            </p>
            <fieldset class="search-filters">
                <label>
                    {text.order} " "
                    <select name="order">
                        <option value="" selected=!newest>{text.by_relevance}</option>
                        <option value="newest" selected=newest>{text.newest_first}</option>
                    </select>
                </label>
                <label>
                    {text.month} " "
                    <input type="month" name="month" value=month min="1970-01" />
                </label>
                <label>
                    {text.tag} " "
                    <input type="text" name="tag" value=params.tag.clone().unwrap_or_default()
                        placeholder=text.any size="12" />
                </label>
                <button type="submit">{text.apply}</button>
            </fieldset>
        </form>
    }
}
