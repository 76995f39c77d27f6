//! How a machine edition's translation goes, inside its notice: progress while it runs, and
//! when it failed, why, with a retry.

use crate::components::notice::Alert;
use crate::machine::module::translation::{RunningTranslation, Status};
use leptos::either::Either;
use leptos::prelude::*;
use trimova_core::i18n::messages;
use trimova_core::Lang;

#[component]
pub fn TranslationStatus(translation: RunningTranslation, lang: Lang) -> impl IntoView {
    let text = messages(lang);
    move || match translation.status.get() {
        Status::Running { done, total } => Some(Either::Left(view! {
            <p class="mt-progress" role="status">
                <span>{text.translating(done, total)}</span>
                <progress max=total value=done></progress>
            </p>
        })),
        Status::Failed(error) => Some(Either::Right(view! {
            <Alert message=text.translation_error(&error).to_string() explanation=text.translation_failed
                detail=Some(error.to_string()) retry=Some((text.retry, Callback::new(move |()| translation.retry())))>
                ""
            </Alert>
        })),
        Status::Done => None,
    }
}
