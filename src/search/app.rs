//! The app's side of search: the box the search module draws the results into once loaded,
//! with the loading shown, and a module that cannot be loaded explained with a retry.

use crate::components::notice::Alert;
use crate::lazy_module::Loading;
use leptos::either::Either;
use leptos::prelude::*;
use trimova_core::i18n::messages;
use trimova_core::route::list_path;
use trimova_core::Lang;

#[cfg(target_arch = "wasm32")]
thread_local! {
    static LOADER: crate::lazy_module::ModuleLoader =
        const { crate::lazy_module::ModuleLoader::new("search") };
}

/// Keeps the function that loads the search module (`() => Promise<bindings>`).
#[cfg(target_arch = "wasm32")]
pub fn set_loader(loader: js_sys::Function) {
    LOADER.with(|l| l.set(loader));
}

/// The results of the search in the page's address, drawn by the search module.
#[component]
pub fn LazySearch(lang: Lang, base: String) -> impl IntoView {
    let text = messages(lang);
    let root = NodeRef::<leptos::html::Div>::new();
    let state = RwSignal::new(Loading::Pending);
    let attempt = RwSignal::new(0u32);
    let lists = list_path(&base, lang);

    #[cfg(target_arch = "wasm32")]
    crate::lazy_module::mount_in_box(root, attempt, state, move |root| {
        let base = base.clone();
        async move {
            use crate::search::protocol::SearchModule;
            use wasm_bindgen::JsCast;
            let promise = LOADER.with(|l| l.load())?;
            let bindings = wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .map_err(crate::lazy_module::describe)?;
            let module: SearchModule = bindings.unchecked_into();
            module
                .mount_search(&root, lang.code(), &base)
                .map_err(crate::lazy_module::describe)
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (base, attempt);

    let status = move || match state.get() {
        Loading::Pending => Some(Either::Left(
            view! { <p class="loading" role="status">{text.loading}</p> },
        )),
        Loading::Done => None,
        Loading::Failed(detail) => Some(Either::Right({
            let lists = lists.clone();
            view! {
                <Alert message=text.search_unavailable.to_string() detail=Some(detail)
                    retry=Some((text.retry, Callback::new(move |()| attempt.update(|n| *n += 1))))>
                    <a href=lists>{text.all_articles}</a>
                </Alert>
            }
        })),
    };
    view! {
        {status}
        <div class="search-root" node_ref=root></div>
    }
}
