//! The reader's typographic choices on this page (`trimova_core::reading`): remembered in the
//! browser, applied as attributes on the page's root (or an embed's), changed by the reading
//! controls. On a pre-rendered page `src/reading.js` applied the same attributes before the first
//! paint, so taking over here changes nothing on screen.

use crate::browser;
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
    pub fn provide(root: Option<web_sys::Element>) {
        let prefs = browser::stored(STORAGE_KEY).map_or_else(ReadingPrefs::default, |text| {
            ReadingPrefs::from_stored(&text)
        });
        let root = root.or_else(browser::document_root);
        let reading = Reading {
            prefs: RwSignal::new(prefs),
            root: StoredValue::new(root.map(SendWrapper::new)),
        };
        reading.apply();
        provide_context(reading);
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
        browser::store(STORAGE_KEY, &self.prefs.get_untracked().to_stored());
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
