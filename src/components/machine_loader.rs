//! Where a machine edition goes: the app's side of the machine translation module.
//!
//! `MachineEdition` and the translation client are a wasm module of their own (`src/bin/
//! machine.rs`): most readers open human editions and never need the providers' wire formats,
//! batching, retries and the machine view. The start-up script (or `embed.js`) hands the app a
//! function that loads that module once, checking its integrity; this component calls it when a
//! machine edition is shown, mounts the module's view into a box of its own, and answers the
//! module's calls to the surface (`surface::Delegate`) with the app's own `Surface`.

use crate::components::machine::MachineJob;
use crate::surface::Surface;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::config::TranslationConfig;
use trimova_core::i18n::messages;
use trimova_core::route::article_path;
use trimova_core::{Article, Lang};

#[cfg(target_arch = "wasm32")]
thread_local! {
    static LOADER: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the function that loads the machine translation module: `() => Promise<bindings>`.
#[cfg(target_arch = "wasm32")]
pub fn set_loader(loader: js_sys::Function) {
    LOADER.with(|l| *l.borrow_mut() = Some(loader));
}

/// Starts loading the machine translation module ahead of need: the reader is pointing at, or
/// has focused, a link to a machine edition. The load is shared with the view that follows.
pub fn prefetch() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{closure::Closure, JsValue};
        thread_local! {
            static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
        }
        // Once a page: the loader keeps what it loads (and a view that finds it failed asks again).
        if ASKED.with(|asked| asked.replace(true)) {
            return;
        }
        if let Ok(promise) = wasm::load() {
            // A failure is the view's to tell, if the reader goes on to open the edition. (Once a
            // page, so the handler may live as long as the page.)
            let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
            let _ = promise.catch(&ignore);
            ignore.forget();
        }
    }
}

/// The machine edition `to` of `article`, made from its edition `from` by the loaded module.
#[component]
pub fn LazyMachineEdition(
    article: Arc<Article>,
    from: Lang,
    to: Lang,
    config: TranslationConfig,
    base: String,
) -> impl IntoView {
    let surface = Surface::current();
    let text = messages(to);
    let root = NodeRef::<leptos::html::Div>::new();
    let state = RwSignal::new(Loading::Pending);
    let attempt = RwSignal::new(0u32);
    let original_href = article_path(&base, from, &article.id);
    let job = serde_json::to_string(&MachineJob {
        article: (*article).clone(),
        from,
        to,
        config,
        base,
    })
    .unwrap_or_default();

    #[cfg(target_arch = "wasm32")]
    {
        let mounted = StoredValue::new_local(None::<wasm::Mounted>);
        Effect::new(move |_| {
            attempt.track();
            let Some(root) = root.get() else {
                return;
            };
            state.set(Loading::Pending);
            let job = job.clone();
            leptos::task::spawn_local(async move {
                match wasm::mount(root, &job, surface).await {
                    Ok(view) => match mounted.try_set_value(Some(view)) {
                        None => {
                            state.try_set(Loading::Done);
                        }
                        // Gone while the module loaded: take the view straight down again.
                        Some(view) => view.into_iter().for_each(wasm::Mounted::free),
                    },
                    Err(message) => {
                        surface.error(crate::surface::ErrorKind::Network, &message);
                        state.try_set(Loading::Failed(message));
                    }
                }
            });
        });
        on_cleanup(move || {
            // Unmounts the module's view: its requests are aborted, its job cancelled.
            if let Some(Some(view)) = mounted.try_update_value(Option::take) {
                view.free();
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (job, surface);

    let status = move || match state.get() {
        Loading::Pending => Some(Either::Left(
            view! { <p class="loading" role="status">{text.loading}</p> },
        )),
        Loading::Done => None,
        Loading::Failed(detail) => Some(Either::Right(view! {
            <div class="mt-error" role="alert">
                <p><strong>{text.translation_unavailable}</strong></p>
                <p><code class="notice-detail">{detail}</code></p>
                <p class="mt-actions">
                    <button type="button" class="retry" on:click=move |_| attempt.update(|n| *n += 1)>{text.retry}</button>
                    <a href=original_href.clone() hreflang=from.code() lang=from.code() on:click=surface.on_edition_link(from)>
                        {text.read_original}
                    </a>
                </p>
            </div>
        })),
    };
    view! {
        {status}
        <div class="machine-root" node_ref=root></div>
    }
}

#[derive(Clone, Debug, PartialEq)]
// Natively (pre-rendering) a machine edition is never drawn, so it never leaves `Pending`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Loading {
    Pending,
    Done,
    Failed(String),
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use crate::surface::Surface;
    use trimova_core::Lang;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    /// One method of the hooks object: every hook takes at most three arguments.
    type Hook = dyn Fn(JsValue, JsValue, JsValue) -> JsValue;

    /// The module's view with the hooks it calls; both live until `free`.
    pub struct Mounted {
        view: JsValue,
        _hooks: Vec<Closure<Hook>>,
    }

    impl Mounted {
        pub fn free(self) {
            if let Ok(free) = js_sys::Reflect::get(&self.view, &"free".into()) {
                if let Ok(free) = free.dyn_into::<js_sys::Function>() {
                    let _ = free.call0(&self.view);
                }
            }
        }
    }

    /// Asks the start-up script's loader for the module: it loads it once a page and hands every
    /// caller the same promise.
    pub fn load() -> Result<js_sys::Promise, String> {
        let loader = super::LOADER
            .with(|l| l.borrow().clone())
            .ok_or("the start-up script gave no way to load machine translation")?;
        loader
            .call0(&JsValue::NULL)
            .map_err(describe)?
            .dyn_into()
            .map_err(describe)
    }

    /// Loads the module (once per page) and mounts a `MachineView` for `job` into `root`.
    pub async fn mount(
        root: web_sys::HtmlDivElement,
        job: &str,
        surface: Surface,
    ) -> Result<Mounted, String> {
        let promise = load()?;
        let bindings = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .map_err(describe)?;
        let constructor: js_sys::Function = js_sys::Reflect::get(&bindings, &"MachineView".into())
            .map_err(describe)?
            .dyn_into()
            .map_err(describe)?;
        let (hooks, closures) = hooks(surface);
        let args = js_sys::Array::of3(&root.into(), &job.into(), &hooks.into());
        let view = js_sys::Reflect::construct(&constructor, &args).map_err(describe)?;
        Ok(Mounted {
            view,
            _hooks: closures,
        })
    }

    /// The object the module calls for everything outside its box (see `surface::Delegate`).
    fn hooks(surface: Surface) -> (js_sys::Object, Vec<Closure<Hook>>) {
        let lang = |v: &JsValue| v.as_string().and_then(|c| Lang::from_code(&c));
        let text = |v: &JsValue| v.as_string().unwrap_or_default();
        let table: Vec<(&str, Box<Hook>)> = vec![
            (
                "showEdition",
                Box::new(move |l, title, description| {
                    if let Some(l) = lang(&l) {
                        surface.show_edition(l, &text(&title), &text(&description), true);
                    }
                    JsValue::UNDEFINED
                }),
            ),
            (
                "tell",
                Box::new(move |event, detail, _| {
                    if let Ok(detail) = serde_json::from_str(&text(&detail)) {
                        surface.tell(&text(&event), detail);
                    }
                    JsValue::UNDEFINED
                }),
            ),
            (
                "followEdition",
                Box::new(move |l, _, _| {
                    lang(&l)
                        .is_some_and(|l| surface.follow_edition_link(l))
                        .into()
                }),
            ),
            (
                "leave",
                Box::new(move |_, _, _| {
                    surface.leave_machine_edition();
                    JsValue::UNDEFINED
                }),
            ),
        ];
        let object = js_sys::Object::new();
        let closures = table
            .into_iter()
            .map(|(name, hook)| {
                let closure = Closure::wrap(hook);
                let _ = js_sys::Reflect::set(&object, &name.into(), closure.as_ref());
                closure
            })
            .collect();
        (object, closures)
    }

    fn describe(error: JsValue) -> String {
        error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| error.as_string())
            .unwrap_or_else(|| format!("{error:?}"))
    }
}
