//! The wasm binary's entry points, called by the start-up scripts `scripts/post-build.mjs` writes:
//! `start` by a page of the site, `Viewer` by `<trimova-article>` (`embed.js`). Loading the module
//! starts nothing, so the same files serve both. Machine translation is another module
//! (`src/bin/machine.rs`); both entry points take the function that loads it.

#[cfg(target_arch = "wasm32")]
mod entry {
    use trimova::embed::{mount, EmbedOptions, EmbeddedViewer};
    use trimova::machine::app::loader::set_loader;
    use trimova_core::Lang;
    use wasm_bindgen::prelude::*;

    /// Runs the app on the whole page. `machine` loads the machine translation module:
    /// `() => Promise<its bindings>`, called the first time a machine edition is shown; `worker` is
    /// the way to the service worker (`trimova::shelf`).
    #[wasm_bindgen]
    pub fn start(machine: js_sys::Function, worker: JsValue, search: js_sys::Function) {
        set_loader(machine);
        trimova::search::app::set_loader(search);
        trimova::shelf::set_port(worker);
        trimova::run_site();
    }

    /// One `<trimova-article>`'s viewer. `free()` it when the element leaves the page.
    #[wasm_bindgen]
    pub struct Viewer(EmbeddedViewer);

    #[wasm_bindgen]
    impl Viewer {
        /// `options`: `{ article, src, lang, base, config, readerControls }` as `embed.js` reads them from the
        /// element (`base` and `config` absolute URLs); `machine` loads the machine module.
        #[wasm_bindgen(constructor)]
        pub fn new(
            host: web_sys::HtmlElement,
            root: web_sys::HtmlElement,
            options: js_sys::Object,
            machine: js_sys::Function,
        ) -> Viewer {
            console_error_panic_hook::set_once();
            set_loader(machine);
            let text = |key: &str| {
                js_sys::Reflect::get(&options, &key.into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .filter(|v| !v.is_empty())
            };
            let options = EmbedOptions {
                article: text("article"),
                src: text("src"),
                lang: text("lang").as_deref().and_then(Lang::from_code),
                base: text("base").unwrap_or_else(|| "/".into()),
                config: text("config").unwrap_or_else(|| "config.json".into()),
                reader_controls: text("readerControls").as_deref() != Some("off"),
            };
            Viewer(mount(host, root, options))
        }

        /// The host changed the element's `lang`.
        #[wasm_bindgen(js_name = setLang)]
        pub fn set_lang(&self, lang: Option<String>) {
            self.0.set_lang(lang);
        }
    }
}

fn main() {}
