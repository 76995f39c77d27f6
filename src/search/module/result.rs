//! One result: what a news list shows of an article (title, time, editions, lead) with the
//! words the query matched highlighted, as text.

use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::i18n::messages;
use trimova_core::locale::date_medium;
use trimova_core::route::article_path;
use trimova_core::search::index::Doc;
use trimova_core::search::messages::search_messages;
use trimova_core::search::query::{highlights, Query};
use trimova_core::Lang;

/// An article found, shown in the reader's language where it has that edition, else in the
/// original's (marked); found through a machine translation, it says so.
#[component]
pub fn SearchResult(doc: Arc<Doc>, lang: Lang, base: String, query: Query) -> impl IntoView {
    let text = messages(lang);
    let entry = doc.summary.list_entry(lang);
    let shown = entry.lang;
    let href = article_path(&base, shown, &entry.id);
    let original = (shown != lang).then(|| format!("({})", text.in_language(shown)));
    let machine = doc
        .machine
        .contains(&shown)
        .then(|| search_messages(lang).machine_marked);
    let editions = entry
        .editions
        .iter()
        .map(|l| view! { <li><abbr lang=l.code() title=l.native_name()>{l.code()}</abbr></li> })
        .collect_view();
    let title = highlighted(&entry.title, shown, &query);
    let lead = entry.lead.as_deref().map(
        |l| view! { <p class="item-lead" lang=shown.code()>{highlighted(l, shown, &query)}</p> },
    );
    view! {
        <li class="article-item">
            <div class="item-text">
                <h2 class="search-result-title">
                    <a href=href hreflang=shown.code() lang=shown.code()>{title}</a>
                </h2>
                <div class="item-meta">
                    <time datetime=entry.published.clone()>{date_medium(lang, &entry.published)}</time>
                    {original.map(|m| view! { <span class="original-marker">{m}</span> })}
                    {machine.map(|m| view! { <span class="original-marker">{m}</span> })}
                    <ul class="edition-badges" aria-label=text.editions>{editions}</ul>
                </div>
                {lead}
            </div>
        </li>
    }
}

/// `text` as text nodes, the words `query` matches in `<mark>`: never parsed as HTML.
fn highlighted(text: &str, lang: Lang, query: &Query) -> impl IntoView {
    let chars: Vec<char> = text.chars().collect();
    let piece = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end) in highlights(text, lang, query) {
        if start > at {
            parts.push(view! { {piece(at, start)} }.into_any());
        }
        parts.push(view! { <mark>{piece(start, end)}</mark> }.into_any());
        at = end;
    }
    if at < chars.len() {
        parts.push(view! { {piece(at, chars.len())} }.into_any());
    }
    parts
}
