//! Why a call to a translation service failed, in terms the reader-facing layer and the retry
//! policy can act on.

use super::HttpResponse;
use std::fmt;

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

/// `Retry-After` in seconds: HTTP's `delay-seconds`, a whole number (RFC 9110, 10.2.3). The
/// HTTP-date form is rare from APIs and is treated as absent, as is anything else. (Whole numbers
/// only also keeps a float parser out of the app, which reads this for the pair catalogue.)
pub fn parse_retry_after(value: Option<&str>) -> Option<f64> {
    let seconds = value?.trim();
    let whole = !seconds.is_empty() && seconds.bytes().all(|b| b.is_ascii_digit());
    // Digits only, so the one failure left is overflow: a wait longer than any we would keep.
    whole.then(|| {
        seconds
            .parse::<u32>()
            .map_or(f64::from(u32::MAX), f64::from)
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_in_seconds() {
        assert_eq!(parse_retry_after(Some(" 3 ")), Some(3.0));
        assert_eq!(parse_retry_after(Some("0")), Some(0.0));
        // Not delay-seconds: a fraction, a sign, a date.
        assert_eq!(parse_retry_after(Some("0.5")), None);
        assert_eq!(parse_retry_after(Some("+3")), None);
        assert_eq!(parse_retry_after(Some("")), None);
        assert_eq!(
            parse_retry_after(Some("Wed, 21 Oct 2015 07:28:00 GMT")),
            None
        );
        assert_eq!(parse_retry_after(Some("-1")), None);
        assert_eq!(parse_retry_after(None), None);
    }
}
