//! Trimova's browser app: a thin Leptos layer over `trimova-core`, which holds every decision that
//! needs no browser (format, validation, languages, plurals, routes, URL safety, messages).

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod routes;
pub mod translation;

pub use app::App;

/// Entry point of the wasm binary: mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
