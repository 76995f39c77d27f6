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

pub use app::App;

/// Entry point of the wasm binary. A pre-rendered page is hydrated: its nodes, the reader's scroll
/// position, selection and focus stay as they are. A bare shell (`404.html` answering a path the
/// build did not pre-render) is rendered from scratch.
#[cfg(target_arch = "wasm32")]
pub fn run_site() {
    use leptos::prelude::*;
    console_error_panic_hook::set_once();
    let adopted = browser::measured("trimova: adopt the page's data", api::adopt_page_data);
    let site = browser::AppRoot::detect(adopted == Some(true));
    browser::spell_out_addresses_when_printing();
    if adopted == Some(true) {
        // In a task of its own: instantiating the wasm and adopting the page are each a long
        // task on a slow phone; together they would block input twice as long.
        set_timeout(
            move || {
                browser::measured("trimova: hydrate", || {
                    leptos::mount::hydrate_body(move || view! { <App site path=browser::path() /> })
                });
                // After the main area, whose own task (`hydrate_later`) was asked for first.
                set_timeout(browser::mark_started, std::time::Duration::ZERO);
            },
            std::time::Duration::ZERO,
        );
        return;
    }
    if adopted == Some(false) {
        // Pre-rendered markup whose data cannot be read: start over rather than adopt it.
        if let Some(body) = document().body() {
            body.set_inner_html("");
        }
    }
    leptos::mount::mount_to_body(move || view! { <App site path=browser::path() /> });
    browser::mark_started();
}
