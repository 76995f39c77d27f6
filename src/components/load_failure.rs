use crate::api::LoadError;
use crate::components::notice::Notice;
use leptos::prelude::*;
use trimova_core::i18n::messages;
use trimova_core::Lang;

/// What a reader sees when a file could not be loaded: why, the detail, a retry where one can
/// help (the network), and `children` (the way onward).
#[component]
pub fn LoadFailure<C: IntoView + 'static>(
    error: LoadError,
    lang: Lang,
    retry: Callback<()>,
    children: TypedChildren<C>,
) -> impl IntoView {
    let text = messages(lang);
    let explained = error.explained(text);
    let retry = matches!(error, LoadError::Network(_)).then_some((text.retry, retry));
    view! {
        <Notice title=explained.title body=explained.body detail=error.detail() retry>
            {children.into_inner()()}
        </Notice>
    }
}
