//! Trimova's browser app: a thin Leptos layer over `trimova-core`, which holds every decision that
//! needs no browser (format, validation, languages, plurals, routes, URL safety, messages).
//!
//! The same components run in two places: natively (Leptos's `ssr`), where the build pre-renders
//! every human edition into a complete page (`prerender`), and in the browser (`hydrate`), where
//! the app adopts such a page instead of drawing it again.

#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod fetch;
pub mod hydrate_later;
pub mod lazy_module;
pub mod machine;
pub mod navigation;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod reading;
pub mod routes;
pub mod search;
pub mod shelf;
pub mod surface;

pub use app::{App, SiteContext};

/// Entry point of the wasm binary. A pre-rendered page is hydrated: its nodes, the reader's scroll
/// position, selection and focus stay as they are. A bare shell (`404.html` answering a path the
/// build did not pre-render) is rendered from scratch.
///
/// On a slow phone, compiling and running the app's code for the first time is long work, so
/// the start is cut into tasks, none of which keeps a tap waiting for long: this one (the wasm
/// instantiated), adopting the page's data, making the app's contexts, hydrating the page's
/// frame, and then its parts (`hydrate_later`).
#[cfg(target_arch = "wasm32")]
pub fn run_site() {
    use leptos::prelude::*;
    console_error_panic_hook::set_once();
    // As `hydrate_body` would, but before it: the contexts are made (and spawn work) first.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    browser::spell_out_addresses_when_printing();
    browser::in_next_task(|| {
        let adopted = browser::measured("trimova: adopt the page's data", api::adopt_page_data);
        let site = browser::AppRoot::detect(adopted == Some(true));
        if adopted != Some(true) {
            if adopted == Some(false) {
                // Pre-rendered markup whose data cannot be read: start over rather than adopt it.
                if let Some(body) = document().body() {
                    body.set_inner_html("");
                }
            }
            let context = SiteContext::new(site, browser::path());
            leptos::mount::mount_to_body(move || view! { <App context /> });
            browser::mark_started();
            return;
        }
        browser::in_next_task(move || {
            // Kept for the page's life, as the app's own root is.
            let owner = Owner::new();
            let context = browser::measured("trimova: make the app's contexts", || {
                owner.with(|| SiteContext::new(site, browser::path()))
            });
            std::mem::forget(owner);
            browser::in_next_task(move || {
                browser::measured("trimova: hydrate", || {
                    leptos::mount::hydrate_body(move || view! { <App context /> })
                });
                // After the page's parts, whose own tasks (`hydrate_later`) were asked for first.
                browser::in_next_task(browser::mark_started);
            });
        });
    });
}
