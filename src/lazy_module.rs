//! Wasm modules of Trimova's own that the app loads only when a reader needs them (machine
//! translation, search). The start-up module (`src/boot.js`, or `embed.js`) hands the app one
//! function per module, which loads it once a page and checks its integrity (`src/loader.js`);
//! a [`ModuleLoader`] keeps that function and calls it.

use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// The function that loads one module: `() => Promise<its bindings>`.
pub struct ModuleLoader {
    /// What the module does, for the message when there is no way to load it.
    what: &'static str,
    function: RefCell<Option<js_sys::Function>>,
}

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
pub fn describe(error: JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
