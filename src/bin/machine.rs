//! The machine translation module: `MachineEdition` and the translation client, built as a wasm
//! module of its own so that a reader of a human edition never downloads them. The app loads it
//! the first time a machine edition is shown and mounts one view per machine edition on screen,
//! through the boundary in `trimova::machine::protocol`.

#[cfg(target_arch = "wasm32")]
mod entry {
    use leptos::prelude::*;
    use std::sync::Arc;
    use trimova::browser::AppRoot;
    use trimova::machine::module::edition::MachineEdition;
    use trimova::machine::protocol::MachineEditionRequest;
    use trimova::surface::{Delegate, Surface};
    use wasm_bindgen::prelude::*;

    /// One machine edition on screen. `free()` unmounts it: its requests are aborted and its job
    /// cancelled. (The app knows it as `protocol::MountedMachineEdition`.)
    #[wasm_bindgen]
    pub struct MachineView(#[allow(dead_code)] Box<dyn std::any::Any>);

    /// The module's one export, `protocol::MachineModule::mount_machine_edition`: the machine
    /// edition of `job` (a `MachineEditionRequest` as JSON) drawn into `root`, calling `app` with each
    /// `AppCall` (encoded) for everything outside its box.
    #[wasm_bindgen(js_name = mountMachineEdition)]
    pub fn mount_machine_edition(
        root: web_sys::HtmlElement,
        job: &str,
        app: js_sys::Function,
    ) -> Result<MachineView, JsError> {
        console_error_panic_hook::set_once();
        let MachineEditionRequest {
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
            provide_context(Surface::Delegate(Delegate::new(app)));
            // The app's root, so links drawn here (the footer's tags, the page's address) carry
            // the site's base as the app's do.
            provide_context(AppRoot {
                base,
                adopted_lang: None,
            });
            let article = Arc::new(article);
            view! { <MachineEdition article original from to config /> }
        });
        Ok(MachineView(Box::new(view)))
    }
}

fn main() {}
