use crate::browser::remember_lang;
use crate::components::machine_loader;
use crate::surface::Surface;
use leptos::prelude::*;
use trimova_core::i18n::messages;
use trimova_core::Lang;

/// One entry of the language switcher.
#[derive(Clone, Debug, PartialEq)]
pub struct SwitcherEntry {
    pub lang: Lang,
    pub href: String,
    /// Whether an edition in this language exists (a missing one still links to its explanation).
    pub available: bool,
    /// A missing edition that the configured service will machine-translate.
    pub machine: bool,
}

/// Links to the other editions, each named in its own language, with `hreflang` and `lang` so
/// screen readers pronounce them right. Following one is remembered as the reader's choice.
#[component]
pub fn LanguageSwitcher(current: Lang, entries: Vec<SwitcherEntry>) -> impl IntoView {
    let label = messages(current).switcher_label;
    let surface = Surface::current();
    view! {
        <nav class="switcher" aria-label=label>
            <ul>
                {entries
                    .into_iter()
                    .map(|entry| {
                        let lang = entry.lang;
                        let is_current = lang == current;
                        let note = entry.machine.then_some(messages(current).machine_translation);
                        // A machine edition needs its module: start it as the reader heads there.
                        let machine = entry.machine && !is_current;
                        let ahead = move || {
                            if machine {
                                machine_loader::prefetch();
                            }
                        };
                        view! {
                            <li>
                                <a
                                    href=entry.href
                                    hreflang=lang.code()
                                    lang=lang.code()
                                    aria-current=is_current.then_some("page")
                                    class:missing=!entry.available && !entry.machine
                                    class:machine=entry.machine
                                    title=note
                                    on:pointerenter=move |_| ahead()
                                    on:focus=move |_| ahead()
                                    on:click={
                                        let follow = surface.on_edition_link(lang);
                                        move |ev| {
                                            remember_lang(lang);
                                            follow(ev);
                                        }
                                    }
                                >
                                    {lang.native_name()}
                                    {note.map(|n| view! { <span class="visually-hidden">" (" {n} ")"</span> })}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
