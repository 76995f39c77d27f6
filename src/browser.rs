//! The few things the app asks of the browser directly: where it is served from, the reader's
//! languages and remembered choice, the document head, and `Intl` formatting.

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use trimova_core::lang::{negotiate, negotiate_edition, ReaderPreference};
use trimova_core::Lang;
use wasm_bindgen::{JsCast, JsValue};

const REMEMBERED_LANG_KEY: &str = "trimova.lang";

/// Where the app is served from (`/` at a site root, `/news/` in a sub-directory), read from the
/// `<base href>` that Trunk writes from its `public_url`, so one build serves any path.
#[derive(Clone, Debug)]
pub struct Site {
    pub base: String,
}

impl Site {
    pub fn detect() -> Site {
        let base = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.base_uri().ok().flatten())
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|url| url.pathname())
            .unwrap_or_else(|| "/".into());
        Site { base }
    }

    /// The router's base: empty at a site root.
    pub fn router_base(&self) -> Option<String> {
        let trimmed = self.base.trim_end_matches('/');
        (!trimmed.is_empty()).then(|| trimmed.to_string())
    }
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The language the reader last picked in a switcher, if any (and if storage is allowed).
pub fn remembered_lang() -> Option<Lang> {
    let storage = window()?.local_storage().ok()??;
    Lang::from_code(&storage.get_item(REMEMBERED_LANG_KEY).ok()??)
}

/// Remembers an explicit choice. Storage can be disabled (private modes, embeds); then the choice
/// simply is not remembered.
pub fn remember_lang(lang: Lang) {
    if let Some(Ok(Some(storage))) = window().map(|w| w.local_storage()) {
        let _ = storage.set_item(REMEMBERED_LANG_KEY, lang.code());
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
pub fn set_document_head(lang: Lang, title: &str, description: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
    document.set_title(title);
    if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", description);
    }
}

fn locales(lang: Lang) -> Array {
    Array::of1(&JsValue::from_str(lang.code()))
}

fn call_format(formatter: Function, value: &JsValue) -> Option<String> {
    formatter
        .call1(&JsValue::UNDEFINED, value)
        .ok()?
        .as_string()
}

/// A count in the language's digits and grouping ("15 772", "15,772").
pub fn format_count(lang: Lang, n: u64) -> String {
    let formatter = Intl::NumberFormat::new(&locales(lang), &Object::new());
    call_format(formatter.format(), &JsValue::from_f64(n as f64)).unwrap_or_else(|| n.to_string())
}

/// A publication time in the reader's time zone: long date and short time in the language.
pub fn format_datetime(lang: Lang, rfc3339: &str) -> String {
    format_instant(
        lang,
        rfc3339,
        &[("dateStyle", "long"), ("timeStyle", "short")],
    )
}

/// A date alone, for lists.
pub fn format_date(lang: Lang, rfc3339: &str) -> String {
    format_instant(lang, rfc3339, &[("dateStyle", "medium")])
}

fn format_instant(lang: Lang, rfc3339: &str, style: &[(&str, &str)]) -> String {
    let date = Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return rfc3339.to_string();
    }
    let options = Object::new();
    for (key, value) in style {
        let _ = Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let formatter = Intl::DateTimeFormat::new(&locales(lang), &options);
    call_format(formatter.format(), date.unchecked_ref()).unwrap_or_else(|| rfc3339.to_string())
}

/// The browser's own CLDR plural category, used by tests to check the native rule against it.
pub fn intl_plural_keyword(lang: Lang, n: u64) -> Option<String> {
    let rules = Intl::PluralRules::new(&locales(lang), &Object::new());
    rules.select(n as f64).as_string()
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
