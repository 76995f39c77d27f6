//! The boundary between the app and the machine translation module, typed on both sides: what
//! the app hands the module ([`MachineEditionRequest`]), what the module asks of the app ([`AppCall`]), and
//! the module's one export ([`MachineModule`]). Both modules are built from this crate, so each
//! side reads the other's values with the same types.

use serde::{Deserialize, Serialize};
use trimova_core::config::TranslationConfig;
use trimova_core::{Article, Lang};

/// What the app hands the module to draw one machine edition.
#[derive(Serialize, Deserialize)]
pub struct MachineEditionRequest {
    pub article: Article,
    pub from: Lang,
    pub to: Lang,
    pub config: TranslationConfig,
    /// The site's base, for the link to the original.
    pub base: String,
}

/// What the module's view asks of the app, for everything outside its box: the module's own
/// `Surface` is `Delegate`, which sends these; the app carries them out on its own surface
/// (`Surface::answer`).
///
/// A call crosses as a short list of strings ([`AppCall::encode`], [`AppCall::decode`]) rather
/// than as JSON: the app reads it without serde's buffering of tagged enums, which the first load
/// would otherwise carry for four small messages.
#[derive(Clone, Debug, PartialEq)]
pub enum AppCall {
    ShowEdition {
        lang: Lang,
        title: String,
        description: String,
    },
    /// `trimova:<event>` for an embedding host; `detail` is the event's detail as JSON text,
    /// which the app hands to the browser as it is.
    Tell {
        event: String,
        detail: String,
    },
    FollowEdition {
        lang: Lang,
    },
    Leave,
}

impl AppCall {
    /// The call as the strings that cross: its name, then its fields in order.
    pub fn encode(self) -> Vec<String> {
        match self {
            AppCall::ShowEdition {
                lang,
                title,
                description,
            } => vec![SHOW_EDITION.into(), lang.code().into(), title, description],
            AppCall::Tell { event, detail } => vec![TELL.into(), event, detail],
            AppCall::FollowEdition { lang } => vec![FOLLOW_EDITION.into(), lang.code().into()],
            AppCall::Leave => vec![LEAVE.into()],
        }
    }

    /// The call `encode` wrote; `None` for anything else (a name, a language or a number of
    /// fields it never writes).
    pub fn decode(parts: Vec<String>) -> Option<AppCall> {
        let mut parts = parts.into_iter();
        let name = parts.next()?;
        let mut field = || parts.next();
        let call = match name.as_str() {
            SHOW_EDITION => AppCall::ShowEdition {
                lang: Lang::from_code(&field()?)?,
                title: field()?,
                description: field()?,
            },
            TELL => AppCall::Tell {
                event: field()?,
                detail: field()?,
            },
            FOLLOW_EDITION => AppCall::FollowEdition {
                lang: Lang::from_code(&field()?)?,
            },
            LEAVE => AppCall::Leave,
            _ => return None,
        };
        field().is_none().then_some(call)
    }
}

/// Sends `call` to the app's function `app` (the machine module's side of the boundary): `true`
/// when the app handled a followed link. An app that cannot be reached handles nothing, and the
/// link is left to the browser.
pub fn call_app(app: &js_sys::Function, call: AppCall) -> bool {
    let parts: js_sys::Array = call
        .encode()
        .into_iter()
        .map(wasm_bindgen::JsValue::from)
        .collect();
    app.call1(&wasm_bindgen::JsValue::NULL, &parts)
        .is_ok_and(|handled| handled.is_truthy())
}

/// The call `call_app` sent, as the app's function receives it; `None` for anything else.
pub fn received_call(parts: &js_sys::Array) -> Option<AppCall> {
    let parts: Option<Vec<String>> = parts.iter().map(|part| part.as_string()).collect();
    AppCall::decode(parts?)
}

const SHOW_EDITION: &str = "show-edition";
const TELL: &str = "tell";
const FOLLOW_EDITION: &str = "follow-edition";
const LEAVE: &str = "leave";

#[cfg(target_arch = "wasm32")]
pub use wasm::*;

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// The machine module's bindings, as its loader resolves them.
        pub type MachineModule;

        /// The module's one export (`src/bin/machine.rs`): mounts a machine edition for `job`
        /// (a `MachineEditionRequest` as JSON) into `root`; `app` takes each `AppCall`, encoded (an array of
        /// strings), and answers whether it handled a followed link.
        #[wasm_bindgen(method, catch, js_name = mountMachineEdition)]
        pub fn mount_machine_edition(
            this: &MachineModule,
            root: &web_sys::HtmlElement,
            job: &str,
            app: &js_sys::Function,
        ) -> Result<MountedMachineEdition, JsValue>;

        /// A machine edition on screen; `free` unmounts it (its job is cancelled, its requests
        /// aborted).
        pub type MountedMachineEdition;

        #[wasm_bindgen(method)]
        pub fn free(this: &MountedMachineEdition);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_read_back_as_they_were_sent() {
        let calls = [
            AppCall::ShowEdition {
                lang: Lang::Ru,
                title: "Заголовок".into(),
                description: "".into(),
            },
            AppCall::Tell {
                event: "translationend".into(),
                detail: r#"{"from":"uk","to":"ru","ok":true}"#.into(),
            },
            AppCall::FollowEdition { lang: Lang::Uk },
            AppCall::Leave,
        ];
        for call in calls {
            assert_eq!(AppCall::decode(call.clone().encode()), Some(call));
        }
    }

    #[test]
    fn anything_else_is_not_a_call() {
        let parts = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for wrong in [
            parts(&[]),
            parts(&["show-edition", "de", "Title", "Lead"]),
            parts(&["show-edition", "uk", "Title"]),
            parts(&["follow-edition", "uk", "extra"]),
            parts(&["leave", ""]),
            parts(&["navigate", "uk"]),
        ] {
            assert_eq!(AppCall::decode(wrong.clone()), None, "{wrong:?}");
        }
    }
}
