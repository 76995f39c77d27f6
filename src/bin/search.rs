//! The search module: the core's search layer, the index's reader and the results view, built
//! as a wasm module of its own so that a reader who never searches never downloads them. The
//! app loads it when a reader focuses a search box or opens the search page, whose view mounts
//! it through the boundary in `trimova::search::protocol`.

#[cfg(target_arch = "wasm32")]
mod entry {
    use leptos::prelude::*;
    use trimova::search::module::results::SearchResults;
    use trimova_core::search::params::SearchParams;
    use trimova_core::Lang;
    use wasm_bindgen::prelude::*;

    /// One search on screen. `free()` unmounts it, aborting its requests. (The app knows it as
    /// `protocol::MountedSearch`.)
    #[wasm_bindgen]
    pub struct SearchView(#[allow(dead_code)] Box<dyn std::any::Any>);

    /// The module's one export, `protocol::SearchModule::mount_search`: the search of the page's
    /// address, drawn into `root` in `lang`, for a site served under `base`.
    #[wasm_bindgen(js_name = mountSearch)]
    pub fn mount_search(
        root: web_sys::HtmlElement,
        lang: &str,
        base: &str,
    ) -> Result<SearchView, JsError> {
        console_error_panic_hook::set_once();
        let lang =
            Lang::from_code(lang).ok_or_else(|| JsError::new("not a language of Trimova's"))?;
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let params = SearchParams::parse(&search);
        let base = base.to_string();
        let view = leptos::mount::mount_to(root, move || {
            view! { <SearchResults lang base params /> }
        });
        Ok(SearchView(Box::new(view)))
    }
}

fn main() {}
