//! Wasm modules of Trimova's own that the app loads only when a reader needs them (machine
//! translation, search). The start-up module (`src/boot.js`, or `embed.js`) hands the app one
//! function per module, which loads it once a page and checks its integrity (`src/loader.js`);
//! a [`ModuleLoader`] keeps that function and calls it, and [`mount_in_box`] puts a module's
//! view into a box of the app's.

#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;
#[cfg(target_arch = "wasm32")]
use std::cell::RefCell;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::{JsCast, JsValue};

/// Where a module's view stands in its box.
#[derive(Clone, Debug, PartialEq)]
// Natively (pre-rendering) a module is never loaded, so its box never leaves `Pending`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub enum Loading {
    Pending,
    Done,
    Failed(String),
}

/// A module's view on screen, which `free` takes down.
pub trait ModuleView: 'static {
    fn free(self);
}

/// Mounts a module's view into `root` once the box is in the page, and again each time
/// `attempt` changes (a retry): `mount` loads the module and draws into the box, and `state`
/// says how that went. The view is taken down with the box's owner, or at once if the owner
/// went while the module loaded.
#[cfg(target_arch = "wasm32")]
pub fn mount_in_box<V, Fut>(
    root: NodeRef<leptos::html::Div>,
    attempt: RwSignal<u32>,
    state: RwSignal<Loading>,
    mount: impl Fn(web_sys::HtmlDivElement) -> Fut + 'static,
) where
    V: ModuleView,
    Fut: std::future::Future<Output = Result<V, String>> + 'static,
{
    let mounted = StoredValue::new_local(None::<V>);
    let mount = std::rc::Rc::new(mount);
    Effect::new(move |_| {
        attempt.track();
        let Some(root) = root.get() else {
            return;
        };
        state.set(Loading::Pending);
        let mount = mount.clone();
        leptos::task::spawn_local(async move {
            match mount(root).await {
                Ok(view) => match mounted.try_set_value(Some(view)) {
                    None => {
                        state.try_set(Loading::Done);
                    }
                    Some(view) => view.into_iter().for_each(V::free),
                },
                Err(message) => {
                    state.try_set(Loading::Failed(message));
                }
            }
        });
    });
    on_cleanup(move || {
        if let Some(Some(view)) = mounted.try_update_value(Option::take) {
            view.free();
        }
    });
}

/// The function that loads one module: `() => Promise<its bindings>`.
#[cfg(target_arch = "wasm32")]
pub struct ModuleLoader {
    /// What the module does, for the message when there is no way to load it.
    what: &'static str,
    function: RefCell<Option<js_sys::Function>>,
}

#[cfg(target_arch = "wasm32")]
impl ModuleLoader {
    pub const fn new(what: &'static str) -> ModuleLoader {
        ModuleLoader {
            what,
            function: RefCell::new(None),
        }
    }

    pub fn set(&self, function: js_sys::Function) {
        *self.function.borrow_mut() = Some(function);
    }

    /// Asks for the module: every caller gets the same load.
    pub fn load(&self) -> Result<js_sys::Promise, String> {
        let function = self
            .function
            .borrow()
            .clone()
            .ok_or_else(|| format!("the start-up script gave no way to load {}", self.what))?;
        function
            .call0(&JsValue::NULL)
            .map_err(describe)?
            .dyn_into()
            .map_err(describe)
    }

    /// The module's bindings, once loaded.
    pub async fn bindings<T: JsCast>(&self) -> Result<T, String> {
        let promise = self.load()?;
        Ok(wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(describe)?
            .unchecked_into())
    }
}

/// A JavaScript error as a message.
#[cfg(target_arch = "wasm32")]
pub fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
