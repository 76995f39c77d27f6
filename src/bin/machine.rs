//! The machine translation module: `MachineEdition` and the translation client, built as a wasm
//! module of its own so that a reader of a human edition never downloads them. The app loads it
//! the first time a machine edition is shown (`components::machine_loader`) and mounts one
//! `MachineView` per machine edition on screen.

#[cfg(target_arch = "wasm32")]
mod entry {
    use leptos::prelude::*;
    use std::sync::Arc;
    use trimova::components::machine::{MachineEdition, MachineJob};
    use trimova::surface::{Delegate, Surface};
    use wasm_bindgen::prelude::*;

    /// One machine edition, drawn into an element the app gives. `free()` unmounts it: its
    /// requests are aborted and its job cancelled.
    #[wasm_bindgen]
    pub struct MachineView(#[allow(dead_code)] Box<dyn std::any::Any>);

    #[wasm_bindgen]
    impl MachineView {
        /// `job`: a `MachineJob` as JSON; `hooks`: the app's surface (see `surface::Delegate`).
        #[wasm_bindgen(constructor)]
        pub fn new(
            root: web_sys::HtmlElement,
            job: &str,
            hooks: js_sys::Object,
        ) -> Result<MachineView, JsError> {
            console_error_panic_hook::set_once();
            let MachineJob {
                article,
                from,
                to,
                config,
                base,
            } = serde_json::from_str(job)?;
            let original = article
                .editions
                .get(&from)
                .cloned()
                .ok_or_else(|| JsError::new("the source edition is not in the article"))?;
            let view = leptos::mount::mount_to(root, move || {
                provide_context(Surface::Delegate(Delegate::new(hooks)));
                let article = Arc::new(article);
                view! { <MachineEdition article original from to config base /> }
            });
            Ok(MachineView(Box::new(view)))
        }
    }
}

fn main() {}
