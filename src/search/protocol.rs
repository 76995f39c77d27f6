//! The boundary between the app and the search module: the module's one export, typed on the
//! app's side. The module reads the query from the page's address itself, so a search is the
//! same whether the app or a reload opened it.

#[cfg(target_arch = "wasm32")]
pub use wasm::*;

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// The search module's bindings, as its loader resolves them.
        pub type SearchModule;

        /// The module's one export (`src/bin/search.rs`): draws the search of the page's address
        /// into `root`, in `lang` (a language code), for a site served under `base`.
        #[wasm_bindgen(method, catch, js_name = mountSearch)]
        pub fn mount_search(
            this: &SearchModule,
            root: &web_sys::HtmlElement,
            lang: &str,
            base: &str,
        ) -> Result<MountedSearch, JsValue>;

        /// A search on screen; `free` unmounts it (its requests are aborted).
        pub type MountedSearch;

        #[wasm_bindgen(method)]
        pub fn free(this: &MountedSearch);
    }

    impl crate::lazy_module::ModuleView for MountedSearch {
        fn free(self) {
            MountedSearch::free(&self);
        }
    }
}
