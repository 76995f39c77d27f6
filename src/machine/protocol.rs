//! The boundary between the app and the machine translation module, typed on both sides: what
//! the app hands the module ([`MachineJob`]), what the module asks of the app ([`AppCall`]), and
//! the module's one export ([`MachineModule`]). Both modules are built from this crate, so each
//! side reads the other's values with the same types.

use serde::{Deserialize, Serialize};
use trimova_core::config::TranslationConfig;
use trimova_core::{Article, Lang};

/// What the app hands the module to draw one machine edition.
#[derive(Serialize, Deserialize)]
pub struct MachineJob {
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
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "call")]
pub enum AppCall {
    ShowEdition {
        lang: Lang,
        title: String,
        description: String,
    },
    Tell {
        event: String,
        detail: serde_json::Value,
    },
    FollowEdition {
        lang: Lang,
    },
    Leave,
}

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
        /// (a `MachineJob` as JSON) into `root`; `app` takes each `AppCall` as JSON.
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
                description: "Лид".into(),
            },
            AppCall::Tell {
                event: "translationend".into(),
                detail: serde_json::json!({ "from": "uk", "to": "ru", "ok": true }),
            },
            AppCall::FollowEdition { lang: Lang::Uk },
            AppCall::Leave,
        ];
        for call in calls {
            let json = serde_json::to_string(&call).unwrap();
            assert_eq!(serde_json::from_str::<AppCall>(&json).unwrap(), call);
        }
    }
}
