use crate::browser::AppRoot;
use crate::components::reader_controls::ReaderControls;
use crate::components::switcher::{LanguageSwitcher, SwitcherEntry};
use crate::hydrate_later::hydrate_later;
use crate::navigation::Navigation;
use crate::surface::Surface;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;
use trimova_core::config::Config;
use trimova_core::i18n::messages;
use trimova_core::route::{list_path, search_path};
use trimova_core::Lang;

/// The site header: skip link, name, tagline, the search box, the language switcher and the
/// reading settings.
/// Embedded in a host's page, which has its own header, only the switcher and the settings.
#[component]
pub fn Masthead(lang: Lang, entries: Vec<SwitcherEntry>) -> impl IntoView {
    let site = expect_context::<AppRoot>();
    let config = use_context::<LocalResource<Arc<Config>>>();
    let text = messages(lang);
    // The newsroom's `languages` (config.json) choose and order the switcher; the language on
    // screen is always listed. A memo, so the config arriving redraws nothing unless it reorders.
    let shown = Memo::new(move |_| {
        let order = config
            .and_then(|c| c.get())
            .map_or_else(|| Lang::ALL.to_vec(), |c| c.languages.clone());
        let mut shown: Vec<SwitcherEntry> = entries
            .iter()
            .filter(|e| order.contains(&e.lang) || e.lang == lang)
            .cloned()
            .collect();
        shown.sort_by_key(|e| {
            order
                .iter()
                .position(|l| *l == e.lang)
                .unwrap_or(usize::MAX)
        });
        shown
    });
    let switcher = move || view! { <LanguageSwitcher current=lang entries=shown.get() /> };
    if Surface::current().is_embedded() {
        return Either::Left(view! {
            <div class="embed-bar">{switcher} <ReaderControls lang /></div>
        });
    }
    // To this page's content. A bare `#content` would resolve against `<base href>`, that is the
    // site's root page, not this one.
    let path = Navigation::current().map(Navigation::path);
    let skip = move || format!("{}#content", path.map(|p| p.get()).unwrap_or_default());
    Either::Right(view! {
        <a class="skip-link" href=skip>{text.skip_to_content}</a>
        // Hydrated in a task of its own: see `hydrate_later`.
        {hydrate_later("the masthead", move || view! {
            <header class="masthead">
                <a class="brand" href=list_path(&site.base, lang)>
                    <span class="brand-name">"Trimova"</span>
                    <span class="brand-tagline">{text.tagline}</span>
                </a>
                // A plain GET form: it searches before the app starts, and with scripts off it
                // reaches the page that says search needs them.
                <form class="masthead-search" role="search" aria-label=text.search method="get" action=search_path(&site.base, lang)>
                    <label class="visually-hidden" for="masthead-search">{text.search}</label>
                    <input id="masthead-search" type="search" name="q" autocomplete="off" enterkeyhint="search" />
                    <button type="submit">{text.search}</button>
                </form>
                <div class="masthead-tools">{switcher} <ReaderControls lang /></div>
                // Shown by the stylesheet while `<html data-offline>` (src/boot.js).
                <p class="offline-notice" role="status">{text.offline}</p>
            </header>
        })}
    })
}
