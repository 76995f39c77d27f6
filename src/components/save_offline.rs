use crate::shelf::Shelf;
use leptos::prelude::*;
use trimova_core::i18n::messages;
use trimova_core::Lang;

/// "Save for reading offline" on an article's page: a toggle, pressed while the article is saved.
/// Its box is there from the first paint (the pre-rendered page's too), and the button appears in
/// it once the service worker has said what it keeps: nothing moves.
#[component]
pub fn SaveForOffline(file: String, lang: Lang) -> impl IntoView {
    let shelf = Shelf::current();
    let label = messages(lang).save_offline;
    let button = move || {
        let shelf = shelf?;
        let saved = shelf.kept()?.saved.contains(&file);
        let file = file.clone();
        Some(view! {
            <button
                type="button"
                class="save-offline"
                aria-pressed=saved.to_string()
                on:click=move |_| shelf.save(&file, !saved)
            >
                {label}
            </button>
        })
    };
    view! { <div class="offline-shelf">{button}</div> }
}
