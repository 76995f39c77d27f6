//! The few things the app asks of the browser directly: where it is served from, the reader's
//! languages and remembered choice, and the document head.
//!
//! When the same components render natively (the build's pre-rendering, `ssr`) there is no
//! browser: every function here then answers "nothing known" and changes nothing.

use trimova_core::lang::{negotiate, negotiate_edition, ReaderPreference};
use trimova_core::Lang;

const REMEMBERED_LANG_KEY: &str = "trimova.lang";

/// Where the app is served from (`/` at a site root, `/news/` in a sub-directory), read from the
/// `<base href>` that Trunk writes from its `public_url`, so one build serves any path.
#[derive(Clone, Debug)]
pub struct AppRoot {
    pub base: String,
    /// The language of the pre-rendered page the app adopted, if it adopted one. The list at `/`
    /// is pre-rendered in it, so the app's first render must use it too (then it moves on to the
    /// reader's own language).
    pub adopted_lang: Option<Lang>,
}

impl AppRoot {
    /// The site as the browser sees it; `adopted` when the app hydrates a pre-rendered page.
    pub fn detect(adopted: bool) -> AppRoot {
        let document = window().and_then(|w| w.document());
        let base = document
            .as_ref()
            .and_then(|d| d.base_uri().ok().flatten())
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|url| url.pathname())
            .unwrap_or_else(|| "/".into());
        let adopted_lang = adopted
            .then(|| document?.document_element()?.get_attribute("lang"))
            .flatten()
            .and_then(|code| Lang::from_code(&code));
        AppRoot { base, adopted_lang }
    }
}

/// The path of the page the app starts on (`/` when there is no browser).
pub fn path() -> String {
    window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into())
}

#[cfg(target_arch = "wasm32")]
fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Natively (pre-rendering) there is no window, and `web_sys` must not be called at all.
#[cfg(not(target_arch = "wasm32"))]
fn window() -> Option<web_sys::Window> {
    None
}

/// What the reader's browser keeps under `key` (`localStorage`), if storage is allowed.
pub fn stored(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

/// Keeps `value` under `key`. Storage can be disabled or full (private modes, embeds in a
/// sandboxed frame); then the choice simply is not remembered.
pub fn store(key: &str, value: &str) {
    if let Some(Ok(Some(storage))) = window().map(|w| w.local_storage()) {
        let _ = storage.set_item(key, value);
    }
}

/// The language the reader last picked in a switcher, if any (and if storage is allowed).
pub fn remembered_lang() -> Option<Lang> {
    Lang::from_code(&stored(REMEMBERED_LANG_KEY)?)
}

/// Remembers an explicit choice of language.
pub fn remember_lang(lang: Lang) {
    store(REMEMBERED_LANG_KEY, lang.code());
}

/// The page's `<html>` element.
pub fn document_root() -> Option<web_sys::Element> {
    window()?.document()?.document_element()
}

/// Before the page is printed, each `.print-source` link shows its whole address (the markup,
/// the same pre-rendered and in the app, has only the path: the site's origin is the browser's).
pub fn spell_out_addresses_when_printing() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::prelude::*;
        let Some(page) = window() else {
            return;
        };
        let spell = Closure::<dyn Fn()>::new(|| {
            let Some(document) = window().and_then(|w| w.document()) else {
                return;
            };
            let Ok(links) = document.query_selector_all(".print-source a") else {
                return;
            };
            for i in 0..links.length() {
                if let Some(link) = links
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::HtmlAnchorElement>().ok())
                {
                    link.set_text_content(Some(&link.href()));
                }
            }
        });
        let _ =
            page.add_event_listener_with_callback("beforeprint", spell.as_ref().unchecked_ref());
        // Lives as long as the page.
        spell.forget();
    }
}

/// `navigator.languages`, most preferred first.
pub fn browser_languages() -> Vec<String> {
    window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The language to show when the URL may not say: see `trimova_core::lang::negotiate`.
pub fn choose_lang(url: Option<Lang>, available: &[Lang], fallback: Lang) -> Lang {
    let browser = browser_languages();
    let pref = ReaderPreference {
        url,
        remembered: remembered_lang(),
        browser: &browser,
    };
    negotiate(&pref, available, fallback)
}

/// The edition of an article to show: see `trimova_core::lang::negotiate_edition`.
pub fn choose_edition(url: Option<Lang>, human: &[Lang], machine: &[Lang], original: Lang) -> Lang {
    let browser = browser_languages();
    let pref = ReaderPreference {
        url,
        remembered: remembered_lang(),
        browser: &browser,
    };
    negotiate_edition(&pref, human, machine, original)
}

/// Makes `<html lang>`, `<title>` and `<meta name=description>` describe what is on screen.
/// Only what differs is written: on a pre-rendered page all three already say it, and each write
/// costs the browser work while the app starts (a new title is sent to the browser's tab, a new
/// `lang` restyles the page).
pub fn set_document_head(lang: Lang, title: &str, description: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let set = |element: &web_sys::Element, name: &str, value: &str| {
        if element.get_attribute(name).as_deref() != Some(value) {
            let _ = element.set_attribute(name, value);
        }
    };
    if let Some(html) = document.document_element() {
        set(&html, "lang", lang.code());
    }
    if document.title() != title {
        document.set_title(title);
    }
    if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
        set(&meta, "content", description);
    }
}

/// Adds or removes `<meta name="robots" content="noindex">`: machine translations are not pages
/// a newsroom wants search engines to index as its own.
pub fn set_noindex(noindex: bool) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let existing = document.query_selector("meta[name=robots]").ok().flatten();
    match (existing, noindex) {
        (None, true) => {
            if let (Ok(meta), Some(head)) = (document.create_element("meta"), document.head()) {
                let _ = meta.set_attribute("name", "robots");
                let _ = meta.set_attribute("content", "noindex");
                let _ = head.append_child(&meta);
            }
        }
        (Some(meta), false) => meta.remove(),
        _ => {}
    }
}

/// Resolves in a later task of the event loop. The app's start runs as few tasks as it can, and
/// each one a phone spends on it is time a tap waits; work that need not be in the task that
/// adopts the page (fetching the configuration, asking the service worker) waits for this first.
pub async fn next_task() {
    #[cfg(target_arch = "wasm32")]
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Runs `work` in a later task (see [`next_task`]). Natively (pre-rendering) nothing runs later.
pub fn in_next_task(work: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    leptos::task::spawn_local(async move {
        next_task().await;
        work();
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = work;
}

/// Runs `work` as a named span of the page's performance timeline (`performance.measure`), so
/// that the app's start shows in a browser's profiler and in the benchmark (bench/run.mjs)
/// stage by stage.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = window().and_then(|w| w.performance());
    let start = format!("{name} start");
    if let Some(performance) = &performance {
        let _ = performance.mark(&start);
    }
    let done = work();
    if let Some(performance) = performance {
        let _ = performance.measure_with_start_mark(name, &start);
    }
    done
}

/// Marks `<html data-app="started">` once the app runs (hydrated or rendered), for tests and for
/// stylesheets that want to tell a page with a running app from one without.
pub fn mark_started() {
    if let Some(html) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("data-app", "started");
    }
}
