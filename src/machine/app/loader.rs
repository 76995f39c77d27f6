//! The app's side of loading the machine module: the loader the start-up module (or `embed.js`)
//! gave, a prefetch when a reader points at a machine edition, and mounting the module's view with
//! the app answering its calls.

#[cfg(target_arch = "wasm32")]
pub use wasm::{mount, set_loader, LoadedMachineEdition};

/// Starts loading the machine translation module ahead of need: the reader is pointing at, or
/// has focused, a link to a machine edition. The load is shared with the view that follows.
pub fn prefetch() {
    #[cfg(target_arch = "wasm32")]
    wasm::prefetch();
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use crate::lazy_module::{describe, ModuleLoader};
    use crate::machine::protocol::{received_call, MachineModule, MountedMachineEdition};
    use crate::surface::Surface;
    use std::cell::Cell;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    thread_local! {
        static LOADER: ModuleLoader = const { ModuleLoader::new("machine translation") };
        static PREFETCHED: Cell<bool> = const { Cell::new(false) };
    }

    /// Keeps the function that loads the machine translation module: `() => Promise<bindings>`.
    pub fn set_loader(loader: js_sys::Function) {
        LOADER.with(|l| l.set(loader));
    }

    pub fn prefetch() {
        // Once a page: the loader keeps what it loads (and a view that finds it failed asks again).
        // Never for a reader who asked to save data: the module then loads when it is used.
        if PREFETCHED.with(|asked| asked.replace(true)) || saves_data() {
            return;
        }
        if let Ok(promise) = load() {
            // A failure is the view's to tell, if the reader goes on to open the edition. (Once a
            // page, so the handler may live as long as the page.)
            let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
            let _ = promise.catch(&ignore);
            ignore.forget();
        }
    }

    /// `navigator.connection.saveData` (the `Save-Data` preference; Chromium's only).
    fn saves_data() -> bool {
        let connection = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"connection".into()).ok());
        connection
            .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()).ok())
            .is_some_and(|s| s.is_truthy())
    }

    fn load() -> Result<js_sys::Promise, String> {
        LOADER.with(ModuleLoader::load)
    }

    /// The module's view, and the function through which it calls the app; both live until
    /// `free`.
    pub struct LoadedMachineEdition {
        view: MountedMachineEdition,
        _app: Closure<dyn Fn(js_sys::Array) -> bool>,
    }

    impl crate::lazy_module::ModuleView for LoadedMachineEdition {
        fn free(self) {
            self.view.free();
        }
    }

    /// Loads the module (once per page) and mounts a machine edition for `job` (a `MachineEditionRequest`
    /// as JSON) into `root`, its calls answered on `surface`.
    pub async fn mount(
        root: web_sys::HtmlDivElement,
        job: &str,
        surface: Surface,
    ) -> Result<LoadedMachineEdition, String> {
        let module: MachineModule = wasm_bindgen_futures::JsFuture::from(load()?)
            .await
            .map_err(describe)?
            .unchecked_into();
        let app = Closure::<dyn Fn(js_sys::Array) -> bool>::new(move |call: js_sys::Array| {
            // Both sides are this crate's `AppCall`; a call that does not read is a bug of ours,
            // and answered as not handled.
            received_call(&call).is_some_and(|call| surface.answer(call))
        });
        let view = module
            .mount_machine_edition(&root, job, app.as_ref().unchecked_ref())
            .map_err(describe)?;
        Ok(LoadedMachineEdition { view, _app: app })
    }
}
