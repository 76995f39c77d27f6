//! Google Cloud Translation, basic edition (v2).
//!
//! `POST /language/translate/v2?key=KEY` with JSON `{"q": [...], "source": "uk", "target": "ru",
//! "format": "html"}` answers `{"data": {"translations": [{"translatedText": "..."}]}}`; at most 128
//! segments a request and about 5,000 characters recommended. Errors are
//! `{"error": {"code": 403, "message": "...", "errors": [{"reason": "dailyLimitExceeded"}]}}`.

use super::{
    error_body, form_encode, json_body, status_error, Facts, HttpRequest, HttpResponse, Limits,
    PairCatalogue, Provider, ProviderError, TranslateCall,
};
use serde::Deserialize;
use serde_json::json;

pub(super) const FACTS: Facts = Facts {
    code: "google",
    name: "Google Translate",
    limits: Limits {
        max_segments: 128,
        max_chars: 5000,
        max_segment_chars: 2500,
        concurrency: 2,
    },
    public_endpoint: Some("https://translation.googleapis.com"),
    joins_batches: false,
};

#[derive(Deserialize)]
struct Answer {
    data: Data,
}

#[derive(Deserialize)]
struct Data {
    translations: Vec<Translation>,
}

#[derive(Deserialize)]
struct Translation {
    #[serde(rename = "translatedText")]
    text: String,
}

#[derive(Deserialize, Default)]
struct Failure {
    #[serde(default)]
    error: FailureBody,
}

#[derive(Deserialize, Default)]
struct FailureBody {
    #[serde(default)]
    message: String,
    #[serde(default)]
    errors: Vec<Reason>,
}

#[derive(Deserialize, Default)]
struct Reason {
    #[serde(default)]
    reason: String,
}

/// Google Translate's wire format.
pub struct Google;

impl Provider for Google {
    fn translate_request(&self, call: &TranslateCall) -> HttpRequest {
        let query = call
            .key
            .map(|k| format!("?key={}", form_encode(k)))
            .unwrap_or_default();
        HttpRequest::post_json(
            format!("{}/language/translate/v2{query}", call.base),
            &json!({ "q": call.texts, "source": call.from.code(), "target": call.to.code(), "format": "html" }),
        )
    }

    fn parse_translation(&self, response: &HttpResponse) -> Result<Vec<String>, ProviderError> {
        if response.status != 200 {
            let failure: Failure = error_body(response);
            let quota = failure
                .error
                .errors
                .iter()
                .any(|r| r.reason.contains("LimitExceeded") || r.reason.contains("quota"));
            return Err(match response.status {
                403 if quota => ProviderError::QuotaExceeded(failure.error.message),
                400 if failure.error.message.contains("language pair") => {
                    ProviderError::PairNotSupported
                }
                _ => status_error(response, failure.error.message),
            });
        }
        let answer: Answer = json_body(response)?;
        Ok(answer
            .data
            .translations
            .into_iter()
            .map(|t| t.text)
            .collect())
    }
}

/// It cannot be asked: every pair.
impl PairCatalogue for Google {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use serde_json::Value;

    #[test]
    fn builds_a_v2_request() {
        let r = Google.translate_request(&TranslateCall {
            base: "https://translation.googleapis.com",
            key: Some("AIza/x"),
            from: Lang::Uk,
            to: Lang::En,
            texts: &["а".into()],
        });
        assert_eq!(
            r.url,
            "https://translation.googleapis.com/language/translate/v2?key=AIza%2Fx"
        );
        let body: Value = serde_json::from_str(r.body.as_deref().unwrap()).unwrap();
        assert_eq!(
            body,
            json!({"q": ["а"], "source": "uk", "target": "en", "format": "html"})
        );
    }

    #[test]
    fn reads_translations_and_errors() {
        let ok = HttpResponse {
            status: 200,
            retry_after: None,
            body: r#"{"data": {"translations": [{"translatedText": "Kyiv"}, {"translatedText": "peace"}]}}"#.into(),
        };
        assert_eq!(
            Google.parse_translation(&ok),
            Ok(vec!["Kyiv".into(), "peace".into()])
        );
        let quota = HttpResponse {
            status: 403,
            retry_after: None,
            body: r#"{"error": {"code": 403, "message": "Daily Limit Exceeded", "errors": [{"message": "Daily Limit Exceeded", "domain": "usageLimits", "reason": "dailyLimitExceeded"}]}}"#.into(),
        };
        assert_eq!(
            Google.parse_translation(&quota),
            Err(ProviderError::QuotaExceeded("Daily Limit Exceeded".into()))
        );
        let key = HttpResponse {
            status: 403,
            retry_after: None,
            body: r#"{"error": {"code": 403, "message": "The request is missing a valid API key.", "errors": [{"reason": "forbidden"}]}}"#.into(),
        };
        assert!(matches!(
            Google.parse_translation(&key),
            Err(ProviderError::Forbidden(_))
        ));
    }
}
