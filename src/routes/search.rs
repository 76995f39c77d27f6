use crate::browser::{set_document_head, AppRoot};
use crate::components::masthead::Masthead;
use crate::components::switcher::{EditionKind, SwitcherEntry};
use crate::search::app::LazySearch;
use leptos::prelude::*;
use trimova_core::i18n::{messages, page_title};
use trimova_core::route::{list_path, search_path};
use trimova_core::Lang;

/// `/<lang>/search/`: the page around the results, which the search module draws (the query is
/// in the address, so a search can be shared, reloaded and gone back to).
#[component]
pub fn SearchPage(lang: Lang) -> impl IntoView {
    let site = expect_context::<AppRoot>();
    let text = messages(lang);
    set_document_head(lang, &page_title(text.search), "");
    let entries = Lang::ALL
        .into_iter()
        .map(|l| SwitcherEntry {
            lang: l,
            href: search_path(&site.base, l),
            edition: EditionKind::Human,
        })
        .collect::<Vec<_>>();
    view! {
        <Masthead lang entries />
        <main id="content" class="search-page">
            <h1 class="list-heading">{text.search}</h1>
            // Shown only with scripts off (the stylesheet's `scripting` media query).
            <p class="needs-scripts">
                {text.search_needs_javascript} " "
                <a href=list_path(&site.base, lang)>{text.all_articles}</a>
            </p>
            <LazySearch lang base=site.base.clone() />
        </main>
    }
}
