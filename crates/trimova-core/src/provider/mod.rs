//! Translation providers' wire formats, as pure code: building requests, parsing answers and
//! errors, limits. The browser layer only sends what these build and hands back what it got.

pub mod apertium;
pub mod deepl;
pub mod google;
pub mod libretranslate;

use crate::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderKind {
    Apertium,
    Libretranslate,
    Google,
    Deepl,
}

/// An HTTP request to make, described without any HTTP client.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpRequest {
    pub method: &'static str,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<String>,
}

impl HttpRequest {
    /// `POST url` with a JSON body.
    pub fn post_json(url: String, body: &serde_json::Value) -> HttpRequest {
        HttpRequest {
            method: "POST",
            url,
            headers: vec![("content-type", "application/json".into())],
            body: Some(body.to_string()),
        }
    }

    /// `GET url`.
    pub fn get(url: String) -> HttpRequest {
        HttpRequest {
            method: "GET",
            url,
            headers: vec![],
            body: None,
        }
    }
}

/// What came back: status, the `Retry-After` header if any, and the body text.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpResponse {
    pub status: u16,
    pub retry_after: Option<String>,
    pub body: String,
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

/// Why a provider call failed, in terms the reader-facing layer can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum ProviderError {
    /// The service does not translate this pair (APy 400 "That pair is not installed").
    PairNotSupported,
    /// The key is missing, wrong or not allowed (403).
    Forbidden(String),
    /// The account's quota is spent (DeepL 456, Google 403 with a limit reason).
    QuotaExceeded(String),
    /// The request was too large (413): split and resend.
    TooLarge,
    /// Slow down (429); seconds from `Retry-After` when given.
    RateLimited { retry_after: Option<f64> },
    /// Temporarily unavailable (502, 503, 504).
    Unavailable { retry_after: Option<f64> },
    /// Another client error (400 and the like).
    Rejected(u16, String),
    /// A server error (500 and the like).
    Server(u16, String),
    /// The answer could not be read.
    Malformed(String),
    /// The answer held a different number of translations than texts were sent.
    WrongCount { expected: usize, got: usize },
    /// The answer looks cut short (APy under load answers 200 with a truncated text).
    Truncated,
    /// No answer: network failure or CORS refusal (the browser does not say which).
    Network(String),
    /// No answer in time.
    Timeout,
}

impl ProviderError {
    /// Worth trying again by itself, after a pause.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ProviderError::RateLimited { .. }
                | ProviderError::Unavailable { .. }
                | ProviderError::Timeout
                | ProviderError::Truncated
        )
    }

    pub fn retry_after(&self) -> Option<f64> {
        match self {
            ProviderError::RateLimited { retry_after }
            | ProviderError::Unavailable { retry_after } => *retry_after,
            _ => None,
        }
    }
}

impl fmt::Display for ProviderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProviderError::PairNotSupported => write!(f, "language pair not supported"),
            ProviderError::Forbidden(m) => write!(f, "403 forbidden: {m}"),
            ProviderError::QuotaExceeded(m) => write!(f, "quota exceeded: {m}"),
            ProviderError::TooLarge => write!(f, "413 request too large"),
            ProviderError::RateLimited { .. } => write!(f, "429 too many requests"),
            ProviderError::Unavailable { .. } => write!(f, "service unavailable"),
            ProviderError::Rejected(s, m) | ProviderError::Server(s, m) => {
                write!(f, "HTTP {s}: {m}")
            }
            ProviderError::Malformed(m) => write!(f, "unreadable answer: {m}"),
            ProviderError::WrongCount { expected, got } => {
                write!(f, "sent {expected} texts, got {got} translations")
            }
            ProviderError::Truncated => write!(f, "translation cut short"),
            ProviderError::Network(m) => write!(f, "network error: {m}"),
            ProviderError::Timeout => write!(f, "timed out"),
        }
    }
}

/// `Retry-After` in seconds (the HTTP-date form is rare from APIs and is treated as absent).
pub fn parse_retry_after(value: Option<&str>) -> Option<f64> {
    value?
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0)
}

/// The error for an HTTP status that the provider's own parser did not claim.
pub(crate) fn status_error(response: &HttpResponse, message: String) -> ProviderError {
    let retry_after = parse_retry_after(response.retry_after.as_deref());
    match response.status {
        403 => ProviderError::Forbidden(message),
        413 => ProviderError::TooLarge,
        429 => ProviderError::RateLimited { retry_after },
        502..=504 => ProviderError::Unavailable { retry_after },
        s @ 400..=499 => ProviderError::Rejected(s, message),
        s => ProviderError::Server(s, message),
    }
}

/// `application/x-www-form-urlencoded` encoding of one value.
pub fn form_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl ProviderKind {
    pub const ALL: [ProviderKind; 4] = [
        ProviderKind::Apertium,
        ProviderKind::Libretranslate,
        ProviderKind::Google,
        ProviderKind::Deepl,
    ];

    /// The provider of a `code` (as `config.json` and the article format's
    /// `translation.provider` write it).
    pub fn from_code(code: &str) -> Option<ProviderKind> {
        ProviderKind::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn needs_endpoint(self) -> bool {
        matches!(
            self,
            ProviderKind::Apertium | ProviderKind::Libretranslate | ProviderKind::Deepl
        )
    }

    pub fn default_endpoint(self) -> &'static str {
        match self {
            ProviderKind::Google => "https://translation.googleapis.com",
            _ => "",
        }
    }

    /// The service's name as shown in the machine-translation notice.
    pub fn display_name(self) -> &'static str {
        match self {
            ProviderKind::Apertium => "Apertium",
            ProviderKind::Libretranslate => "LibreTranslate",
            ProviderKind::Google => "Google Translate",
            ProviderKind::Deepl => "DeepL",
        }
    }

    /// Short stable name, used in cache keys and the article format's `translation.provider`.
    pub fn code(self) -> &'static str {
        match self {
            ProviderKind::Apertium => "apertium",
            ProviderKind::Libretranslate => "libretranslate",
            ProviderKind::Google => "google",
            ProviderKind::Deepl => "deepl",
        }
    }

    /// Whether a batch is several texts joined into one (APy, which has no batch form), so that a
    /// wrong count means the joins were lost and the texts should be sent apart.
    pub fn joins_batches(self) -> bool {
        self == ProviderKind::Apertium
    }

    pub fn limits(self) -> Limits {
        match self {
            ProviderKind::Apertium => apertium::LIMITS,
            ProviderKind::Libretranslate => libretranslate::LIMITS,
            ProviderKind::Google => google::LIMITS,
            ProviderKind::Deepl => deepl::LIMITS,
        }
    }

    /// The service's base URL: `endpoint` without a trailing slash, or the public default.
    pub fn base_url(self, endpoint: Option<&str>) -> String {
        endpoint
            .unwrap_or_else(|| self.default_endpoint())
            .trim_end_matches('/')
            .to_string()
    }

    /// The request translating `texts` (HTML fragments) from `from` to `to`, to the service at
    /// `base`.
    pub fn translate_request(
        self,
        base: &str,
        key: Option<&str>,
        from: Lang,
        to: Lang,
        texts: &[String],
    ) -> HttpRequest {
        match self {
            ProviderKind::Apertium => apertium::translate_request(base, from, to, texts),
            ProviderKind::Libretranslate => {
                libretranslate::translate_request(base, key, from, to, texts)
            }
            ProviderKind::Google => google::translate_request(base, key, from, to, texts),
            ProviderKind::Deepl => deepl::translate_request(base, key, from, to, texts),
        }
    }

    /// The translations in `response`, one per text sent (`expected`), in order.
    pub fn parse_translation(
        self,
        response: &HttpResponse,
        expected: usize,
    ) -> Result<Vec<String>, ProviderError> {
        let texts = match self {
            ProviderKind::Apertium => apertium::parse_translation(response),
            ProviderKind::Libretranslate => libretranslate::parse_translation(response),
            ProviderKind::Google => google::parse_translation(response),
            ProviderKind::Deepl => deepl::parse_translation(response),
        }?;
        if texts.len() != expected {
            return Err(ProviderError::WrongCount {
                expected,
                got: texts.len(),
            });
        }
        Ok(texts)
    }

    /// The translations of `texts` in `response`, ready to show: one per text, the service's own
    /// marks removed; an answer that looks cut short is refused as truncated.
    pub fn read_answer(
        self,
        response: &HttpResponse,
        texts: &[String],
    ) -> Result<Vec<String>, ProviderError> {
        let out = self.parse_translation(response, texts.len())?;
        if texts.iter().zip(&out).any(|(s, t)| looks_truncated(s, t)) {
            return Err(ProviderError::Truncated);
        }
        Ok(out
            .iter()
            .zip(texts)
            .map(|(t, s)| self.clean_output(s, t))
            .collect())
    }

    /// Removes a service's own annotations from a translation of `source`.
    pub fn clean_output(self, source: &str, translated: &str) -> String {
        match self {
            ProviderKind::Apertium => apertium::clean_output(source, translated),
            _ => translated.to_string(),
        }
    }

    /// The request asking the service at `base` which pairs it has, if it can be asked.
    pub fn pairs_request(self, base: &str) -> Option<HttpRequest> {
        match self {
            ProviderKind::Apertium => Some(apertium::pairs_request(base)),
            ProviderKind::Libretranslate => Some(libretranslate::pairs_request(base)),
            _ => None,
        }
    }

    /// The pairs among Trimova's languages that the service has. Providers that cannot be asked
    /// (Google, DeepL) translate between all three.
    pub fn parse_pairs(
        self,
        response: Option<&HttpResponse>,
    ) -> Result<Vec<(Lang, Lang)>, ProviderError> {
        match (self, response) {
            (ProviderKind::Apertium, Some(r)) => apertium::parse_pairs(r),
            (ProviderKind::Libretranslate, Some(r)) => libretranslate::parse_pairs(r),
            _ => Ok(Lang::ALL
                .iter()
                .flat_map(|a| Lang::ALL.iter().map(move |b| (*a, *b)))
                .filter(|(a, b)| a != b)
                .collect()),
        }
    }
}

/// The error body of a failed call in the provider's shape, or an empty one when it has none (a
/// proxy's HTML page, an empty 503): the status alone then decides.
pub(crate) fn error_body<T: serde::de::DeserializeOwned + Default>(response: &HttpResponse) -> T {
    serde_json::from_str(&response.body).unwrap_or_default()
}

/// Parses a JSON body, mapping failure to [`ProviderError::Malformed`].
pub(crate) fn json_body<T: serde::de::DeserializeOwned>(
    response: &HttpResponse,
) -> Result<T, ProviderError> {
    serde_json::from_str(&response.body).map_err(|e| ProviderError::Malformed(e.to_string()))
}

/// A translation much shorter than its source was probably cut off (APy answers 200 with a
/// truncated text under load). Short texts are exempt: their lengths vary too much.
fn looks_truncated(source: &str, translated: &str) -> bool {
    let (s, t) = (source.chars().count(), translated.chars().count());
    s >= 200 && t * 2 < s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_is_noticed() {
        let source = "слово ".repeat(100);
        let cut: String = source.chars().take(100).collect();
        assert!(looks_truncated(&source, &cut));
        assert!(!looks_truncated(&source, &source));
        assert!(!looks_truncated("Так.", "Y"));
    }

    #[test]
    fn form_encoding_matches_the_urlencoded_rules() {
        assert_eq!(form_encode("ukr|rus"), "ukr%7Crus");
        assert_eq!(form_encode("a b&c=d"), "a+b%26c%3Dd");
        assert_eq!(form_encode("Київ"), "%D0%9A%D0%B8%D1%97%D0%B2");
    }

    #[test]
    fn retry_after_in_seconds() {
        assert_eq!(parse_retry_after(Some(" 3 ")), Some(3.0));
        assert_eq!(parse_retry_after(Some("0.5")), Some(0.5));
        assert_eq!(
            parse_retry_after(Some("Wed, 21 Oct 2015 07:28:00 GMT")),
            None
        );
        assert_eq!(parse_retry_after(Some("-1")), None);
        assert_eq!(parse_retry_after(None), None);
    }

    #[test]
    fn counts_are_checked_for_every_provider() {
        let r = HttpResponse {
            status: 200,
            retry_after: None,
            body: r#"{"translatedText": ["a", "b"]}"#.into(),
        };
        assert_eq!(
            ProviderKind::Libretranslate.parse_translation(&r, 3),
            Err(ProviderError::WrongCount {
                expected: 3,
                got: 2
            })
        );
    }

    #[test]
    fn google_and_deepl_are_assumed_to_have_every_pair() {
        let pairs = ProviderKind::Google.parse_pairs(None).unwrap();
        assert_eq!(pairs.len(), 6);
        assert!(pairs.contains(&(Lang::En, Lang::Uk)));
    }
}
