//! One block of a machine edition, with its original on demand or side by side.

use crate::components::blocks::BodyBlock;
use leptos::prelude::*;
use trimova_core::article::BlockMarks;
use trimova_core::i18n::messages;
use trimova_core::{Block, Lang};

/// One block of a machine translation: the translation (or, until it arrives, the original,
/// marked), and the original on demand or side by side.
#[component]
pub fn MachineBlock(
    source: Block,
    shown: Memo<Option<(Block, BlockMarks)>>,
    waiting: Memo<bool>,
    from: Lang,
    to: Lang,
    parallel: RwSignal<bool>,
) -> impl IntoView {
    let text = messages(to);
    let open = RwSignal::new(false);
    let has_text = !source.inlines().is_empty() || matches!(source, Block::Heading { .. });
    let original = {
        let source = source.clone();
        move || {
            (parallel.get() || open.get()).then(|| {
                view! { <div class="mt-original"><BodyBlock block=source.clone() lang=from /></div> }
            })
        }
    };
    view! {
        <div class="mt-block" class:pending=move || waiting.get()>
            {original}
            <div class="mt-shown">
                {move || {
                    let lang = if waiting.get() { from } else { to };
                    shown.get().map(|(block, marks)| view! { <BodyBlock block lang marks /> })
                }}
                {move || waiting.get().then(|| view! { <span class="mt-pending-label">{text.not_yet_translated}</span> })}
            </div>
            {move || {
                (has_text && !waiting.get() && !parallel.get())
                    .then(|| {
                        view! {
                            <button type="button" class="mt-toggle" aria-expanded=move || open.get().to_string()
                                on:click=move |_| open.update(|o| *o = !*o)>
                                {move || if open.get() { text.hide_original } else { text.show_original }}
                            </button>
                        }
                    })
            }}
        </div>
    }
}
