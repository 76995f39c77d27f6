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
        let saved = shelf.saved(&file)?;
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

/// Beside a link: whether what it leads to opens without a network. Once the worker has said what
/// it keeps, a link whose `file` is kept says "available offline" where `kept_said` asks for it
/// (list entries), and one whose file is not says "needs a network", shown only while offline.
#[component]
pub fn OfflineMark(file: String, lang: Lang, #[prop(optional)] kept_said: bool) -> impl IntoView {
    let shelf = Shelf::current();
    let text = messages(lang);
    move || {
        let kept = shelf?.keeps(&file)?;
        if kept && !kept_said {
            return None;
        }
        let said = if kept {
            text.available_offline
        } else {
            text.needs_network
        };
        Some(view! { <span class="offline-mark" class:kept=kept>{said}</span> })
    }
}
