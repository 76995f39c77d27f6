use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::archive::ListPage;
use trimova_core::i18n::messages;

/// Plain links to the newer and older pages of a list (`rel="prev"` / `rel="next"`), so the
/// whole archive can be walked with scripts off, and by crawlers.
#[component]
pub fn Pagination(page: Arc<ListPage>, base: String) -> impl IntoView {
    let text = messages(page.lang);
    let newer = page.newer().map(|at| at.path(&base, page.lang));
    let older = page.older().map(|at| at.path(&base, page.lang));
    (newer.is_some() || older.is_some()).then(|| {
        view! {
            <nav class="pagination" aria-label=text.list_pages>
                {newer.map(|href| view! { <a rel="prev" href=href>"← " {text.newer}</a> })}
                {older.map(|href| view! { <a rel="next" href=href>{text.older} " →"</a> })}
            </nav>
        }
    })
}
