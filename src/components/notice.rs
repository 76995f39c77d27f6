use leptos::prelude::*;

/// A message in place of content: something is missing or went wrong. It is announced to screen
/// readers and can carry a technical detail (for editors), a retry and links onward.
#[component]
pub fn Notice<C: IntoView + 'static>(
    title: &'static str,
    body: &'static str,
    #[prop(optional_no_strip)] detail: Option<String>,
    #[prop(optional_no_strip)] retry: Option<(&'static str, Callback<()>)>,
    children: TypedChildren<C>,
) -> impl IntoView {
    view! {
        <section class="notice" role="alert">
            <NoticeText title body detail retry />
            {children.into_inner()()}
        </section>
    }
}

/// What every notice says, apart from its links onward: one copy of this code, whatever the
/// children of the notices that use it.
#[component]
fn NoticeText(
    title: &'static str,
    body: &'static str,
    detail: Option<String>,
    retry: Option<(&'static str, Callback<()>)>,
) -> impl IntoView {
    view! {
        <h1>{title}</h1>
        <p>{body}</p>
        {detail.map(|d| view! { <p><code class="notice-detail">{d}</code></p> })}
        {retry.map(|retry| view! { <p><RetryButton retry=Some(retry) /></p> })}
    }
}

/// A failure inside a view that stays usable around it (a translation that did not work, a
/// module that did not load, a service that cannot be asked): what went wrong, a technical
/// detail, a retry, and what else the reader can do (`children`).
#[component]
pub fn Alert<C: IntoView + 'static>(
    message: String,
    #[prop(optional)] explanation: Option<&'static str>,
    #[prop(optional_no_strip)] detail: Option<String>,
    #[prop(optional_no_strip)] retry: Option<(&'static str, Callback<()>)>,
    children: TypedChildren<C>,
) -> impl IntoView {
    view! {
        <div class="mt-error" role="alert">
            <p><strong>{message}</strong> {explanation.map(|e| format!(" {e}"))}</p>
            {detail.map(|d| view! { <p><code class="notice-detail">{d}</code></p> })}
            <p class="mt-actions">
                <RetryButton retry />
                {children.into_inner()()}
            </p>
        </div>
    }
}

/// A retry, where one can help.
#[component]
fn RetryButton(retry: Option<(&'static str, Callback<()>)>) -> impl IntoView {
    retry.map(|(label, on_retry)| {
        view! {
            <button type="button" class="retry" on:click=move |_| on_retry.run(())>
                {label}
            </button>
        }
    })
}
