use crate::surface::Surface;
use leptos::prelude::*;
use trimova_core::i18n::messages;
use trimova_core::Lang;

/// The disclosure on a machine-translated edition, whether it was translated at publish time or
/// is being translated in the browser: from which language and by which service, and the way to
/// the original. Inside a `<trimova-article>` that link switches the element, never the host
/// page. An edition being translated adds its side-by-side toggle and, as children, its progress
/// or its error.
#[component]
pub fn MachineNotice(
    /// The language of the machine edition.
    lang: Lang,
    from: Lang,
    /// The service's name as readers know it ("Apertium").
    provider: String,
    /// Where the original edition is.
    original: String,
    /// Words the service left untranslated (counted when there are any).
    #[prop(into)]
    untranslated: Signal<usize>,
    #[prop(optional)] parallel: Option<RwSignal<bool>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let text = messages(lang);
    let surface = Surface::current();
    let toggle = parallel.map(|parallel| {
        view! {
            <button type="button" class="mt-parallel" aria-pressed=move || parallel.get().to_string()
                on:click=move |_| parallel.update(|p| *p = !*p)>
                {text.side_by_side}
            </button>
        }
    });
    view! {
        <aside class="mt-notice" aria-label=text.machine_translation>
            <p class="mt-label">{text.machine_notice(from, &provider)}</p>
            <p class="mt-actions">
                <a href=original hreflang=from.code() lang=from.code() on:click=surface.on_edition_link(from)>
                    {text.read_original}
                </a>
                {toggle}
            </p>
            {move || {
                let count = untranslated.get();
                (count > 0).then(|| view! { <p class="mt-untranslated">{text.untranslated_words(count)}</p> })
            }}
            {children.map(|children| children())}
        </aside>
    }
}
