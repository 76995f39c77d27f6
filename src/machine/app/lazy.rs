//! Where a machine edition goes in the app: a box the machine module draws into once loaded
//! (`loader`), with the loading shown, and a failure to load explained with a retry.

use crate::components::notice::Alert;
use crate::lazy_module::Loading;
use crate::machine::protocol::MachineEditionRequest;
use crate::surface::Surface;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::config::TranslationConfig;
use trimova_core::i18n::messages;
use trimova_core::route::article_path;
use trimova_core::{Article, Lang};

/// The machine edition `to` of `article`, made from its edition `from` by the loaded module.
#[component]
pub fn LazyMachineEdition(
    article: Arc<Article>,
    from: Lang,
    to: Lang,
    config: TranslationConfig,
    base: String,
) -> impl IntoView {
    let surface = Surface::current();
    let text = messages(to);
    let root = NodeRef::<leptos::html::Div>::new();
    let state = RwSignal::new(Loading::Pending);
    let attempt = RwSignal::new(0u32);
    let original_href = article_path(&base, from, &article.id);
    let job = serde_json::to_string(&MachineEditionRequest {
        article: (*article).clone(),
        from,
        to,
        config,
        base,
    })
    .map_err(|e| e.to_string());

    #[cfg(target_arch = "wasm32")]
    crate::lazy_module::mount_in_box(root, attempt, state, move |root| {
        let job = job.clone();
        async move {
            let mounted = match &job {
                Ok(job) => crate::machine::app::loader::mount(root, job, surface).await,
                Err(e) => Err(e.clone()),
            };
            // Unmounted, the view's requests are aborted and its job cancelled.
            mounted.inspect_err(|message| {
                surface.error(crate::surface::ErrorKind::Network, message);
            })
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (job, surface);

    let status = move || match state.get() {
        Loading::Pending => Some(Either::Left(
            view! { <p class="loading" role="status">{text.loading}</p> },
        )),
        Loading::Done => None,
        Loading::Failed(detail) => Some(Either::Right({
            let original_href = original_href.clone();
            view! {
                <Alert message=text.translation_unavailable.to_string() detail=Some(detail)
                    retry=Some((text.retry, Callback::new(move |()| attempt.update(|n| *n += 1))))>
                    <a href=original_href hreflang=from.code() lang=from.code() on:click=surface.on_edition_link(from)>
                        {text.read_original}
                    </a>
                </Alert>
            }
        })),
    };
    view! {
        {status}
        <div class="machine-root" node_ref=root></div>
    }
}
