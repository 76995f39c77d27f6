//! Translation providers' wire formats, as pure code: building requests, parsing answers and
//! errors, limits. Each service implements [`Provider`] in a file of its own; [`ProviderKind`]
//! names the one a newsroom chose. The browser and the command line only send what these build
//! and hand back what they got.

pub mod apertium;
pub mod deepl;
mod error;
pub mod google;
mod http;
mod kind;
pub mod libretranslate;

pub(crate) use error::status_error;
pub use error::{parse_retry_after, ProviderError};
pub(crate) use http::form_encode;
pub(crate) use http::{error_body, json_body, success_json};
pub use http::{HttpRequest, HttpResponse};
pub use kind::ProviderKind;

use crate::lang::Lang;

/// How a provider's answer marks a word the service left untranslated, once the service's own
/// mark is read (Apertium's `*`): the markup reader (`translate::markup`) keeps such words marked.
pub const UNTRANSLATED: (&str, &str) = ("<mark>", "</mark>");

/// What a service is, as data: its names, how it wants to be called, where it answers.
pub struct Facts {
    /// Short stable name, used in cache keys and the article format's `translation.provider`.
    pub code: &'static str,
    /// The service's name as shown in the machine-translation notice.
    pub name: &'static str,
    pub limits: Limits,
    /// Where the service answers when `config.json` names no endpoint; `None`: it must name one.
    pub public_endpoint: Option<&'static str>,
    /// Whether a batch is sent as several texts joined into one (the service has no batch form).
    pub joins_batches: bool,
}

/// One request's worth of translation: `texts` (HTML fragments) from `from` to `to`, for the
/// service at `base`, with the newsroom's `key` if it has one.
#[derive(Clone, Copy)]
pub struct TranslateCall<'a> {
    pub base: &'a str,
    pub key: Option<&'a str>,
    pub from: Lang,
    pub to: Lang,
    pub texts: &'a [String],
}

/// One translation service's wire format. What it is, as data, is its `FACTS`, and which pairs it
/// has its [`PairCatalogue`]: reading those never pulls every wire format into the app's wasm
/// through this trait's vtable.
pub trait Provider: Sync {
    /// The HTTP request for `call`.
    fn translate_request(&self, call: &TranslateCall) -> HttpRequest;

    /// The translations in a `response`, in the order sent (not yet counted).
    fn parse_translation(&self, response: &HttpResponse) -> Result<Vec<String>, ProviderError>;

    /// `translated` (of `source`) without the service's own annotations.
    fn clean_output(&self, _source: &str, translated: &str) -> String {
        translated.to_string()
    }
}

/// How a service says which language pairs it has. Apart from [`Provider`] because the app asks
/// it before any machine edition is shown, and must not carry every wire format for that.
pub trait PairCatalogue: Sync {
    /// The request asking the service at `base` which pairs it has; `None`: it cannot be asked.
    fn pairs_request(&self, _base: &str) -> Option<HttpRequest> {
        None
    }

    /// The pairs among Trimova's languages in the answer to `pairs_request`.
    fn parse_pairs(&self, response: &HttpResponse) -> Result<Vec<(Lang, Lang)>, ProviderError> {
        Err(status_error(response, "this service lists no pairs".into()))
    }
}

/// How a provider wants to be called.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// Segments per request (1: no batch form).
    pub max_segments: usize,
    /// Characters per request, all segments together.
    pub max_chars: usize,
    /// Longer segments are split at sentence boundaries below this.
    pub max_segment_chars: usize,
    /// Requests in flight at once.
    pub concurrency: usize,
}
