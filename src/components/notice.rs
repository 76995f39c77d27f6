use leptos::prelude::*;

/// A message in place of content: something is missing or went wrong. It is announced to screen
/// readers and can carry a technical detail (for editors), a retry and links onward.
#[component]
pub fn Notice<C: IntoView + 'static>(
    title: &'static str,
    body: &'static str,
    #[prop(optional)] detail: Option<String>,
    #[prop(optional)] retry: Option<(&'static str, Callback<()>)>,
    children: TypedChildren<C>,
) -> impl IntoView {
    view! {
        <section class="notice" role="alert">
            <h1>{title}</h1>
            <p>{body}</p>
            {detail.map(|d| view! { <p><code class="notice-detail">{d}</code></p> })}
            {retry
                .map(|(label, on_retry)| {
                    view! {
                        <p>
                            <button type="button" class="retry" on:click=move |_| on_retry.run(())>
                                {label}
                            </button>
                        </p>
                    }
                })}
            {children.into_inner()()}
        </section>
    }
}
