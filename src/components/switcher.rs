use crate::browser::remember_lang;
use crate::machine::app::loader as machine_loader;
use crate::surface::Surface;
use leptos::prelude::*;
use trimova_core::i18n::messages;
use trimova_core::Lang;

/// One entry of the language switcher.
#[derive(Clone, Debug, PartialEq)]
pub struct SwitcherEntry {
    pub lang: Lang,
    pub href: String,
    pub edition: EditionKind,
}

/// What following an entry leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditionKind {
    /// The newsroom's own text (or a page that is not an article edition).
    Human,
    /// A machine translation published in the article file.
    PublishedMachine,
    /// A missing edition that the configured service will machine-translate in the browser.
    MachineOnDemand,
    /// No such edition: the link leads to the explanation.
    Missing,
}

impl EditionKind {
    fn is_machine(self) -> bool {
        matches!(
            self,
            EditionKind::PublishedMachine | EditionKind::MachineOnDemand
        )
    }
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
                        let kind = entry.edition;
                        let note = kind.is_machine().then_some(messages(current).machine_translation);
                        // Translating in the browser needs its module: start it as the reader
                        // heads there.
                        let ahead = move || {
                            if kind == EditionKind::MachineOnDemand && !is_current {
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
                                    class:missing=kind == EditionKind::Missing
                                    class:machine=kind.is_machine()
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
