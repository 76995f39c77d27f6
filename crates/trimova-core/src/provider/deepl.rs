//! DeepL API v2, through a proxy the newsroom runs (DeepL refuses calls from browsers).
//!
//! `POST /v2/translate` with JSON `{"text": [...], "source_lang": "UK", "target_lang": "RU",
//! "tag_handling": "html"}` and header `Authorization: DeepL-Auth-Key KEY` answers
//! `{"translations": [{"detected_source_language": "UK", "text": "..."}]}`. At most 50 texts and
//! 128 KiB a request; 413 means split, 429 back off, 456 quota exhausted.

use super::{
    error_body, json_body, status_error, Facts, HttpRequest, HttpResponse, Limits, PairCatalogue,
    Provider, ProviderError, TranslateCall,
};
use crate::lang::Lang;
use serde::Deserialize;
use serde_json::json;

pub(super) const FACTS: Facts = Facts {
    code: "deepl",
    name: "DeepL",
    limits: Limits {
        max_segments: 50,
        // 30,000 characters stay under 128 KiB even for Cyrillic (2 bytes each), JSON-escaped.
        max_chars: 30_000,
        max_segment_chars: 5000,
        concurrency: 2,
    },
    public_endpoint: None,
    joins_batches: false,
};

fn source_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Uk => "UK",
        Lang::En => "EN",
        Lang::Ru => "RU",
    }
}

/// Targets must name a variant of English.
fn target_code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "EN-GB",
        other => source_code(other),
    }
}

#[derive(Deserialize)]
struct Answer {
    translations: Vec<Translation>,
}

#[derive(Deserialize)]
struct Translation {
    text: String,
}

#[derive(Deserialize, Default)]
struct Failure {
    #[serde(default)]
    message: String,
}

/// DeepL's wire format.
pub struct DeepL;

impl Provider for DeepL {
    fn translate_request(&self, call: &TranslateCall) -> HttpRequest {
        let body = json!({
            "text": call.texts,
            "source_lang": source_code(call.from),
            "target_lang": target_code(call.to),
            "tag_handling": "html",
        });
        let mut request = HttpRequest::post_json(format!("{}/v2/translate", call.base), &body);
        if let Some(key) = call.key {
            request
                .headers
                .push(("authorization", format!("DeepL-Auth-Key {key}")));
        }
        request
    }

    fn parse_translation(&self, response: &HttpResponse) -> Result<Vec<String>, ProviderError> {
        if response.status != 200 {
            let failure: Failure = error_body(response);
            return Err(match response.status {
                456 => ProviderError::QuotaExceeded(failure.message),
                _ => status_error(response, failure.message),
            });
        }
        let answer: Answer = json_body(response)?;
        Ok(answer.translations.into_iter().map(|t| t.text).collect())
    }
}

/// It cannot be asked: every pair.
impl PairCatalogue for DeepL {}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn builds_a_v2_request_with_the_auth_header() {
        let r = DeepL.translate_request(&TranslateCall {
            base: "https://proxy.example/deepl",
            key: Some("abc:fx"),
            from: Lang::Uk,
            to: Lang::En,
            texts: &["а".into()],
        });
        assert_eq!(r.url, "https://proxy.example/deepl/v2/translate");
        assert!(r
            .headers
            .contains(&("authorization", "DeepL-Auth-Key abc:fx".into())));
        let body: Value = serde_json::from_str(r.body.as_deref().unwrap()).unwrap();
        assert_eq!(
            body,
            json!({"text": ["а"], "source_lang": "UK", "target_lang": "EN-GB", "tag_handling": "html"})
        );
        let proxied = DeepL.translate_request(&TranslateCall {
            base: "https://proxy.example",
            key: None,
            from: Lang::Ru,
            to: Lang::Uk,
            texts: &["а".into()],
        });
        assert_eq!(
            proxied.headers.len(),
            1,
            "a proxy that adds the key itself gets none from the browser"
        );
    }

    #[test]
    fn reads_translations_and_errors() {
        let ok = HttpResponse {
            status: 200,
            retry_after: None,
            body: r#"{"translations": [{"detected_source_language": "UK", "text": "Kyiv"}]}"#
                .into(),
        };
        assert_eq!(DeepL.parse_translation(&ok), Ok(vec!["Kyiv".into()]));
        let with = |status: u16, retry: Option<&str>| HttpResponse {
            status,
            retry_after: retry.map(String::from),
            body: r#"{"message": "m"}"#.into(),
        };
        assert_eq!(
            DeepL.parse_translation(&with(456, None)),
            Err(ProviderError::QuotaExceeded("m".into()))
        );
        assert_eq!(
            DeepL.parse_translation(&with(413, None)),
            Err(ProviderError::TooLarge)
        );
        assert_eq!(
            DeepL.parse_translation(&with(429, Some("4"))),
            Err(ProviderError::RateLimited {
                retry_after: Some(4.0)
            })
        );
        assert_eq!(
            DeepL.parse_translation(&with(403, None)),
            Err(ProviderError::Forbidden("m".into()))
        );
    }
}
