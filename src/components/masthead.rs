use crate::browser::Site;
use crate::components::switcher::{LanguageSwitcher, SwitcherEntry};
use leptos::prelude::*;
use trimova_core::i18n::messages;
use trimova_core::route::list_path;
use trimova_core::Lang;

/// The site header: skip link, name, tagline and the language switcher.
#[component]
pub fn Masthead(lang: Lang, entries: Vec<SwitcherEntry>) -> impl IntoView {
    let site = expect_context::<Site>();
    let text = messages(lang);
    view! {
        <a class="skip-link" href="#content">{text.skip_to_content}</a>
        <header class="masthead">
            <a class="brand" href=list_path(&site.base, lang)>
                <span class="brand-name">"Trimova"</span>
                <span class="brand-tagline">{text.tagline}</span>
            </a>
            <LanguageSwitcher current=lang entries />
        </header>
    }
}
