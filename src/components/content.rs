use crate::surface::Surface;
use leptos::either::Either;
use leptos::prelude::*;

/// The main area of a view. On the app's own page it is the document's `<main>` (the skip link's
/// target); embedded in a host's page, which has a `<main>` of its own, it is a plain box.
/// (Typed children, not `Children`: see `bench/CUTS.md` on what type-erased views cost.)
#[component]
pub fn Content<C: IntoView + 'static>(
    #[prop(optional)] busy: bool,
    children: TypedChildren<C>,
) -> impl IntoView {
    let busy = busy.then_some("true");
    let children = children.into_inner()();
    if Surface::current().is_embedded() {
        Either::Left(view! { <div class="content" aria-busy=busy>{children}</div> })
    } else {
        Either::Right(view! { <main id="content" aria-busy=busy>{children}</main> })
    }
}
