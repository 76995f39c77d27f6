//! The reader's typographic choices on this page (`trimova_core::reading`): remembered in the
//! browser, applied as attributes on the page's root (or an embed's), changed by the reading
//! controls. On the site the service worker puts the same attributes on each page as it arrives
//! (src/sw.js), so it is painted in them and taking over here changes nothing on screen.

use crate::{browser, shelf};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use trimova_core::reading::{ReadingPrefs, ATTRIBUTE_PREFIX, STORAGE_KEY};

/// A context: the choices and the element they apply to.
#[derive(Clone, Copy)]
pub struct Reading {
    prefs: RwSignal<ReadingPrefs>,
    /// `<html>` on the site, the root inside a `<trimova-article>`; none when pre-rendering.
    root: StoredValue<Option<SendWrapper<web_sys::Element>>>,
}

impl Reading {
    /// Reads the remembered choices and applies them to `root` (`None`: the page's `<html>`).
    pub fn new(root: Option<web_sys::Element>) -> Reading {
        let prefs = browser::stored(STORAGE_KEY).map_or_else(ReadingPrefs::default, |text| {
            ReadingPrefs::from_stored(&text)
        });
        let root = root.or_else(browser::document_root);
        let reading = Reading {
            prefs: RwSignal::new(prefs),
            root: StoredValue::new(root.map(SendWrapper::new)),
        };
        reading.apply();
        // The worker may not have heard of them yet (chosen before it was installed); it needs
        // them for the next page, not this one.
        browser::in_next_task(move || shelf::share_reading(&prefs.to_stored()));
        reading
    }

    /// The page's choices; `None` where a host turned the controls off.
    pub fn current() -> Option<Reading> {
        use_context::<Reading>()
    }

    /// The choices (tracked).
    pub fn prefs(self) -> ReadingPrefs {
        self.prefs.get()
    }

    /// Changes the choices: applied at once and remembered for every page and language.
    pub fn change(self, change: impl FnOnce(&mut ReadingPrefs)) {
        self.prefs.update(change);
        self.apply();
        let stored = self.prefs.get_untracked().to_stored();
        browser::store(STORAGE_KEY, &stored);
        shelf::share_reading(&stored);
    }

    fn apply(self) {
        let prefs = self.prefs.get_untracked();
        self.root.with_value(|root| {
            let Some(root) = root else {
                return;
            };
            for (name, value) in prefs.attributes() {
                let name = format!("{ATTRIBUTE_PREFIX}{name}");
                let _ = match value {
                    Some(value) => root.set_attribute(&name, &value),
                    None => root.remove_attribute(&name),
                };
            }
        });
    }
}
