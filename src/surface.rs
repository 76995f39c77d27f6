//! Where the app draws: the whole page, or an element inside somebody else's page.
//!
//! On its own site the app owns the page: the URL names the edition, and `<html lang>`, the title
//! and the robots meta follow what is on screen. Embedded as `<trimova-article>` in a newsroom's CMS
//! page it owns nothing outside its element: the edition lives in a signal (mirrored in the
//! element's `lang` attribute), and what happens is told to the host as DOM events instead.
//! Views ask the `Surface` in context rather than the document, so one set of components serves
//! both. The machine translation view runs in a wasm module of its own, loaded when it is needed
//! (`machine`); there its surface is `Delegate`: every call goes back to the app's surface as a
//! typed `machine::protocol::AppCall`.

use crate::browser::{set_document_head, set_noindex};
use crate::machine::protocol::{call_app, AppCall};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use trimova_core::Lang;

/// Where the views on screen live (a context; `Page` when none is provided).
#[derive(Clone, Copy)]
pub enum Surface {
    Page,
    Embed(Embedding),
    Delegate(Delegate),
}

/// The app's surface as seen from the machine translation module: each [`AppCall`] goes to a
/// function of the app's that carries it out on the app's own `Surface` (`machine::app::loader`).
#[derive(Clone, Copy)]
pub struct Delegate(Callback<AppCall, bool>);

impl Delegate {
    /// Only the machine module makes one, so the app never carries the code that sends a call
    /// (`protocol::call_app`); it only runs the callback its variant holds.
    pub fn new(app: js_sys::Function) -> Delegate {
        let app = SendWrapper::new(app);
        Delegate(Callback::new(move |call| call_app(&app, call)))
    }

    /// Sends `call` to the app: `true` when the app handled a followed link.
    fn send(&self, call: AppCall) -> bool {
        self.0.run(call)
    }
}

/// An app inside a `<trimova-article>` element.
#[derive(Clone, Copy)]
pub struct Embedding {
    /// The edition asked for: by the host (the `lang` attribute) or by the reader (a switcher
    /// link); `None` until one of them, or the reader's negotiated language, has chosen.
    pub lang: RwSignal<Option<Lang>>,
    host: StoredValue<SendWrapper<web_sys::HtmlElement>>,
    /// The edition last announced, so that redrawing the same one announces nothing.
    announced: StoredValue<Option<(Lang, bool)>>,
}

/// What went wrong, as a host reads it in `trimova:error`'s `detail.kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    Malformed,
    Network,
    Translation,
}

impl ErrorKind {
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not-found",
            ErrorKind::Malformed => "malformed",
            ErrorKind::Network => "network",
            ErrorKind::Translation => "translation",
        }
    }
}

impl Embedding {
    pub fn new(host: web_sys::HtmlElement, lang: Option<Lang>) -> Embedding {
        Embedding {
            lang: RwSignal::new(lang),
            host: StoredValue::new(SendWrapper::new(host)),
            announced: StoredValue::new(None),
        }
    }

    /// Dispatches `trimova:<name>` on the element: bubbling and composed, so a listener on the
    /// element, on an ancestor or on the document hears it. `detail` is a flat JSON object, as text.
    fn dispatch(&self, name: &str, detail: &str) {
        #[cfg(target_arch = "wasm32")]
        self.host.with_value(|host| {
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            // serde_json wrote the text (here or in the machine module), so it parses; were it
            // ever not to, the event still goes, without a detail, rather than not at all.
            if let Ok(detail) = js_sys::JSON::parse(detail) {
                init.set_detail(&detail);
            }
            if let Ok(event) =
                web_sys::CustomEvent::new_with_event_init_dict(&format!("trimova:{name}"), &init)
            {
                let _ = host.dispatch_event(&event);
            }
        });
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (name, detail);
    }
}

impl Surface {
    /// The surface of the views being built.
    pub fn current() -> Surface {
        use_context::<Surface>().unwrap_or(Surface::Page)
    }

    pub fn is_embedded(self) -> bool {
        matches!(self, Surface::Embed(_))
    }

    /// An edition is on screen. The page's head follows it; an embed's element takes its `lang`
    /// and tells the host (`trimova:languagechange`), once per change.
    pub fn show_edition(self, lang: Lang, title: &str, description: &str, machine: bool) {
        match self {
            Surface::Page => {
                set_document_head(lang, title, description);
                // Machine translations are not the newsroom's text to index.
                set_noindex(machine);
            }
            Surface::Delegate(d) => {
                d.send(AppCall::ShowEdition {
                    lang,
                    title: title.to_string(),
                    description: description.to_string(),
                });
            }
            Surface::Embed(embedding) => {
                if embedding.announced.get_value() == Some((lang, machine)) {
                    return;
                }
                embedding.announced.set_value(Some((lang, machine)));
                embedding.host.with_value(|host| {
                    let _ = host.set_attribute("lang", lang.code());
                });
                embedding.dispatch(
                    "languagechange",
                    &serde_json::json!({ "lang": lang.code(), "machine": machine }).to_string(),
                );
            }
        }
    }

    /// Something other than an edition fills the view (an error, a missing edition): the page's
    /// head says so in `lang`; an embed keeps quiet here (errors are told by `error`).
    pub fn show_message(self, lang: Lang, title: &str) {
        if let Surface::Page = self {
            set_document_head(lang, title, "");
        }
    }

    /// The view that showed a machine translation went away.
    pub fn leave_machine_edition(self) {
        match self {
            Surface::Page => set_noindex(false),
            Surface::Delegate(d) => {
                d.send(AppCall::Leave);
            }
            Surface::Embed(_) => {}
        }
    }

    /// Tells an embedding host `trimova:<event>` with `detail` (a flat JSON object). The page has
    /// no one to tell: what happens is on screen.
    pub fn tell(self, event: &str, detail: serde_json::Value) {
        self.tell_text(event, detail.to_string());
    }

    /// `tell`, with `detail` already JSON text (as a machine module's call carries it).
    fn tell_text(self, event: &str, detail: String) {
        match self {
            Surface::Embed(embedding) => embedding.dispatch(event, &detail),
            Surface::Delegate(d) => {
                d.send(AppCall::Tell {
                    event: event.to_string(),
                    detail,
                });
            }
            Surface::Page => {}
        }
    }

    /// Something failed (the view shows it; an embedding host hears it too).
    pub fn error(self, kind: ErrorKind, message: &str) {
        self.tell(
            "error",
            serde_json::json!({ "kind": kind.code(), "message": message }),
        );
    }

    /// A machine translation from `from` to `to` starts (or starts again, after a retry).
    pub fn translation_started(self, from: Lang, to: Lang, segments: usize) {
        self.tell(
            "translationstart",
            serde_json::json!({ "from": from.code(), "to": to.code(), "segments": segments }),
        );
    }

    /// A machine translation ended: `ok` when every segment arrived.
    pub fn translation_ended(self, from: Lang, to: Lang, ok: bool) {
        self.tell(
            "translationend",
            serde_json::json!({ "from": from.code(), "to": to.code(), "ok": ok }),
        );
    }

    /// The click handler of a link to the edition `lang`: see `follow_edition_link`. A click that
    /// asks for a new tab or window (modifier keys, another button) is left to the browser.
    pub fn on_edition_link(self, lang: Lang) -> impl Fn(web_sys::MouseEvent) + Clone + 'static {
        move |ev: web_sys::MouseEvent| {
            let plain = ev.button() == 0
                && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
            if plain && !ev.default_prevented() && self.follow_edition_link(lang) {
                ev.prevent_default();
            }
        }
    }

    /// Moves to the edition `lang` when the reader follows a link to it. On the page `navigation`
    /// follows the link itself (`false`: let it); in an embed the link must not take the host
    /// page away, so the edition changes in place (`true`: the click was handled).
    pub fn follow_edition_link(self, lang: Lang) -> bool {
        match self {
            Surface::Page => false,
            Surface::Embed(embedding) => {
                embedding.lang.set(Some(lang));
                true
            }
            Surface::Delegate(d) => d.send(AppCall::FollowEdition { lang }),
        }
    }

    /// Carries out a call from the machine module on this (the app's) surface. `true`: a followed
    /// edition link was handled (the module's view then keeps the browser from following it).
    pub fn answer(self, call: AppCall) -> bool {
        match call {
            AppCall::ShowEdition {
                lang,
                title,
                description,
            } => self.show_edition(lang, &title, &description, true),
            AppCall::Tell { event, detail } => self.tell_text(&event, detail),
            AppCall::FollowEdition { lang } => return self.follow_edition_link(lang),
            AppCall::Leave => self.leave_machine_edition(),
        }
        false
    }
}
