use crate::components::save_offline::OfflineMark;
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::archive::{ListAt, ListPage};
use trimova_core::i18n::messages;

/// Plain links to the newer and older pages of a list (`rel="prev"` / `rel="next"`), so the
/// whole archive can be walked with scripts off, and by crawlers.
#[component]
pub fn Pagination(page: Arc<ListPage>, base: String) -> impl IntoView {
    let text = messages(page.lang);
    let lang = page.lang;
    let link = |at: ListAt| (at.path(&base, lang), at.data_file(lang));
    let newer = page.newer().map(link);
    let older = page.older().map(link);
    (newer.is_some() || older.is_some()).then(|| {
        view! {
            <nav class="pagination" aria-label=text.list_pages>
                {newer.map(|(href, file)| view! {
                    <a rel="prev" href=href>"← " {text.newer} <OfflineMark file lang /></a>
                })}
                {older.map(|(href, file)| view! {
                    <a rel="next" href=href>{text.older} " →" <OfflineMark file lang /></a>
                })}
            </nav>
        }
    })
}
