//! The app's navigation on its own site: the URL's path as a signal, links inside the site
//! followed without a reload, back and forward, and redirects that replace the history entry.
//!
//! Trimova has one route (`trimova_core::route::Page` parses every path), so it needs none of a
//! router's matching. A router also costs bytes in a hydrating app: leptos_router wraps each
//! route's view in an `AnyView`, and an `AnyView` keeps its view's asynchronous hydration code
//! alive (see `bench/CUTS.md`). This is the part of a router Trimova uses, in plain code.

use leptos::prelude::*;

/// The path on screen (with the site's base), in context on the site's pages. Embedded viewers
/// have none: they never read or change the host's URL.
#[derive(Clone, Copy)]
pub struct Navigation {
    path: RwSignal<String>,
}

impl Navigation {
    /// Starts at `path`. In the browser it then follows the reader: links to pages under `base`
    /// (the site's path, `/` or `/news/`) are followed in place, and back and forward update it.
    pub fn new(path: String, base: &str) -> Navigation {
        let navigation = Navigation {
            path: RwSignal::new(path),
        };
        #[cfg(target_arch = "wasm32")]
        browser::listen(navigation, base.trim_end_matches('/').to_string());
        #[cfg(not(target_arch = "wasm32"))]
        let _ = base;
        navigation
    }

    /// The navigation in context, if the views are on the site's own page.
    pub fn current() -> Option<Navigation> {
        use_context::<Navigation>()
    }

    pub fn path(self) -> Signal<String> {
        self.path.into()
    }

    /// Moves to `to` in place of the current history entry: how a view names the language in the
    /// URL (`/` to `/<lang>/`, `/<id>` to `/<lang>/<id>`).
    pub fn redirect(self, to: &str) {
        #[cfg(target_arch = "wasm32")]
        browser::go(self, to, true);
        #[cfg(not(target_arch = "wasm32"))]
        self.path.set(to.to_string());
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::Navigation;
    use leptos::ev;
    use leptos::prelude::*;
    use trimova_core::route::Page;
    use wasm_bindgen::JsCast;

    pub fn go(navigation: Navigation, to: &str, replace: bool) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(history) = window.history() {
            let state = wasm_bindgen::JsValue::NULL;
            let _ = if replace {
                history.replace_state_with_url(&state, "", Some(to))
            } else {
                history.push_state_with_url(&state, "", Some(to))
            };
        }
        let path = window.location().pathname().unwrap_or_else(|_| to.into());
        navigation.path.set(path);
    }

    pub fn listen(navigation: Navigation, base: String) {
        // The app lives as long as the page: so do its listeners.
        std::mem::forget(window_event_listener(ev::popstate, move |_| {
            if let Some(path) = web_sys::window().and_then(|w| w.location().pathname().ok()) {
                navigation.path.set(path);
            }
        }));
        std::mem::forget(window_event_listener(ev::click, move |ev| {
            if let Some(to) = followed_here(&ev, &base) {
                ev.prevent_default();
                go(navigation, &to, false);
                // A new page starts at its top, as after a reload.
                if let Some(window) = web_sys::window() {
                    window.scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
        }));
    }

    /// Where a click goes, if it is a plain click on a link to another page of the site, which the
    /// app can show in place. Anything else (a new tab or window, a download, another site, a file
    /// that is no page of the app such as a feed or a PDF, a part of this page, what a view has
    /// handled) is the browser's.
    fn followed_here(ev: &web_sys::MouseEvent, base: &str) -> Option<String> {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return None;
        }
        let path = ev.composed_path();
        let link = (0..path.length())
            .find_map(|i| path.get(i).dyn_into::<web_sys::HtmlAnchorElement>().ok())?;
        if !link.target().is_empty() || link.has_attribute("download") || link.href().is_empty() {
            return None;
        }
        let location = web_sys::window()?.location();
        let url = web_sys::Url::new(&link.href()).ok()?;
        let pathname = url.pathname();
        let same_page = pathname == location.pathname().ok()? && url.search().is_empty();
        if url.origin() != location.origin().ok()?
            || !(pathname == base || pathname.starts_with(&format!("{base}/")))
            || Page::parse(&pathname, base) == Page::NotFound
            || (same_page && !url.hash().is_empty())
        {
            return None;
        }
        Some(format!("{pathname}{}{}", url.search(), url.hash()))
    }
}
