use crate::surface::Surface;
use leptos::prelude::*;

/// The main area of a view. On the app's own page it is the document's `<main>` (the skip link's
/// target); embedded in a host's page, which has a `<main>` of its own, it is a plain box.
#[component]
pub fn Content(#[prop(optional)] busy: bool, children: Children) -> impl IntoView {
    let busy = busy.then_some("true");
    if Surface::current().is_embedded() {
        view! { <div class="content" aria-busy=busy>{children()}</div> }.into_any()
    } else {
        view! { <main id="content" aria-busy=busy>{children()}</main> }.into_any()
    }
}
