//! The app's side of the service worker (src/sw.js), through the port the start-up module hands
//! it (src/boot.js): the reader's offline shelf, that is which files the worker keeps (the lists
//! say which articles open without a network) and saving an article for offline (on its page);
//! and the reader's settings, which the worker puts on each page as it arrives. An embed, a
//! browser without service workers and the pre-rendering build have no port, and show nothing of
//! it.

use leptos::prelude::*;
use serde::Deserialize;
use std::collections::HashSet;

/// What the worker keeps: files relative to the site's base (`articles/<id>.json`).
#[derive(Debug, Default, Deserialize)]
pub struct Kept {
    kept: HashSet<String>,
    /// Those the reader saved, which are never evicted.
    saved: HashSet<String>,
}

/// A context on the site's pages.
#[derive(Clone, Copy)]
pub struct Shelf {
    kept: RwSignal<Option<Kept>>,
}

impl Shelf {
    /// The shelf, empty until the worker says what it keeps (asked in the next task).
    pub fn start() -> Shelf {
        let shelf = Shelf {
            kept: RwSignal::new(None),
        };
        // The marks wait for the worker's answer anyway: asked after the page is adopted.
        crate::browser::in_next_task(move || shelf.ask(port::list()));
        shelf
    }

    pub fn current() -> Option<Shelf> {
        use_context::<Shelf>()
    }

    /// Whether the worker keeps `file` (tracked); `None` until it has answered, and always without
    /// one. Read in place: every mark on a list asks, and the sets hold up to the worker's cap.
    pub fn keeps(self, file: &str) -> Option<bool> {
        self.kept
            .with(|k| k.as_ref().map(|k| k.kept.contains(file)))
    }

    /// Whether the reader saved `file` for offline reading (tracked), as `keeps`.
    pub fn saved(self, file: &str) -> Option<bool> {
        self.kept
            .with(|k| k.as_ref().map(|k| k.saved.contains(file)))
    }

    /// Saves `file` for offline reading, or lets it go (`saved` false).
    pub fn save(self, file: &str, saved: bool) {
        self.ask(port::save(file, saved));
    }

    fn ask(self, answer: Option<port::Answer>) {
        #[cfg(target_arch = "wasm32")]
        if let Some(answer) = answer {
            leptos::task::spawn_local(async move {
                if let Some(kept) = port::read(answer).await {
                    self.kept.try_set(Some(kept));
                }
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = answer;
    }
}

#[cfg(target_arch = "wasm32")]
pub use port::set_port;

/// Tells the worker the reader's settings as remembered (`ReadingPrefs::to_stored`): it puts
/// their attributes on every page it hands over, so a page is painted in them at once.
pub fn share_reading(stored: &str) {
    #[cfg(target_arch = "wasm32")]
    port::reading(stored);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = stored;
}

#[cfg(target_arch = "wasm32")]
mod port {
    use super::Kept;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// The start-up module's way to the service worker (`worker` in src/boot.js).
        pub type WorkerPort;

        #[wasm_bindgen(method)]
        fn list(this: &WorkerPort) -> js_sys::Promise;

        #[wasm_bindgen(method)]
        fn save(this: &WorkerPort, file: &str, saved: bool) -> js_sys::Promise;

        #[wasm_bindgen(method, js_name = reading)]
        fn share_reading(this: &WorkerPort, stored: &str) -> js_sys::Promise;
    }

    pub type Answer = js_sys::Promise;

    thread_local! {
        static PORT: RefCell<Option<WorkerPort>> = const { RefCell::new(None) };
    }

    /// Keeps the start-up module's port.
    pub fn set_port(port: JsValue) {
        PORT.with(|p| *p.borrow_mut() = Some(port.unchecked_into()));
    }

    pub fn list() -> Option<Answer> {
        PORT.with(|p| p.borrow().as_ref().map(WorkerPort::list))
    }

    pub fn save(file: &str, saved: bool) -> Option<Answer> {
        PORT.with(|p| p.borrow().as_ref().map(|port| port.save(file, saved)))
    }

    pub fn reading(stored: &str) {
        PORT.with(|p| {
            if let Some(port) = p.borrow().as_ref() {
                let _ = port.share_reading(stored);
            }
        });
    }

    /// The worker's answer; `None` without a worker (or if it could not answer).
    pub async fn read(answer: Answer) -> Option<Kept> {
        let value = wasm_bindgen_futures::JsFuture::from(answer).await.ok()?;
        let json = js_sys::JSON::stringify(&value).ok()?.as_string()?;
        serde_json::from_str(&json).ok()
    }
}

/// Natively there is no worker.
#[cfg(not(target_arch = "wasm32"))]
mod port {
    pub type Answer = ();

    pub fn list() -> Option<Answer> {
        None
    }

    pub fn save(_: &str, _: bool) -> Option<Answer> {
        None
    }
}
