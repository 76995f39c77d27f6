//! LibreTranslate (<https://docs.libretranslate.com>).
//!
//! `POST /translate` with JSON `{"q": [...], "source": "uk", "target": "ru", "format": "html",
//! "api_key": "..."}` answers `{"translatedText": [...]}`; errors are `{"error": "..."}` with status
//! 400, 403, 429 or 500. `GET /languages` lists `{code, name, targets}`.

use super::{
    error_body, json_body, status_error, success_json, Facts, HttpRequest, HttpResponse, Limits,
    PairCatalogue, Provider, ProviderError, TranslateCall,
};
use crate::lang::Lang;
use serde::Deserialize;
use serde_json::json;

pub(super) const FACTS: Facts = Facts {
    code: "libretranslate",
    name: "LibreTranslate",
    limits: Limits {
        max_segments: 50,
        max_chars: 5000,
        max_segment_chars: 2500,
        concurrency: 2,
    },
    public_endpoint: None,
    joins_batches: false,
};

#[derive(Deserialize)]
struct Answer {
    #[serde(rename = "translatedText")]
    text: Texts,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Texts {
    Many(Vec<String>),
    One(String),
}

#[derive(Deserialize, Default)]
struct Failure {
    #[serde(default)]
    error: String,
}

#[derive(Deserialize)]
struct Language {
    code: String,
    #[serde(default)]
    targets: Vec<String>,
}

/// LibreTranslate's wire format.
pub struct LibreTranslate;

impl Provider for LibreTranslate {
    fn translate_request(&self, call: &TranslateCall) -> HttpRequest {
        let mut body = json!({ "q": call.texts, "source": call.from.code(), "target": call.to.code(), "format": "html" });
        if let Some(key) = call.key {
            body["api_key"] = json!(key);
        }
        HttpRequest::post_json(format!("{}/translate", call.base), &body)
    }

    fn parse_translation(&self, response: &HttpResponse) -> Result<Vec<String>, ProviderError> {
        if response.status != 200 {
            let failure: Failure = error_body(response);
            if response.status == 400 && failure.error.contains("not supported") {
                return Err(ProviderError::PairNotSupported);
            }
            return Err(status_error(response, failure.error));
        }
        let answer: Answer = json_body(response)?;
        Ok(match answer.text {
            Texts::Many(texts) => texts,
            Texts::One(text) => vec![text],
        })
    }
}

impl PairCatalogue for LibreTranslate {
    fn pairs_request(&self, base: &str) -> Option<HttpRequest> {
        Some(HttpRequest::get(format!("{base}/languages")))
    }

    fn parse_pairs(&self, response: &HttpResponse) -> Result<Vec<(Lang, Lang)>, ProviderError> {
        let languages: Vec<Language> = success_json(response)?;
        Ok(languages
            .iter()
            .filter_map(|l| Some((Lang::from_code(&l.code)?, &l.targets)))
            .flat_map(|(from, targets)| {
                targets.iter().filter_map(move |t| {
                    Lang::from_code(t).filter(|t| *t != from).map(|t| (from, t))
                })
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn builds_a_batch_request_with_the_key() {
        let r = LibreTranslate.translate_request(&TranslateCall {
            base: "https://lt.example",
            key: Some("k1"),
            from: Lang::En,
            to: Lang::Uk,
            texts: &["a".into(), "<b>b</b>".into()],
        });
        assert_eq!(r.url, "https://lt.example/translate");
        let body: Value = serde_json::from_str(r.body.as_deref().unwrap()).unwrap();
        assert_eq!(
            body,
            json!({"q": ["a", "<b>b</b>"], "source": "en", "target": "uk", "format": "html", "api_key": "k1"})
        );
        let no_key = LibreTranslate.translate_request(&TranslateCall {
            base: "https://lt.example",
            key: None,
            from: Lang::En,
            to: Lang::Uk,
            texts: &["a".into()],
        });
        assert!(!no_key.body.unwrap().contains("api_key"));
    }

    #[test]
    fn reads_translations_and_errors() {
        let ok = HttpResponse {
            status: 200,
            retry_after: None,
            body: r#"{"translatedText": ["x", "y"]}"#.into(),
        };
        assert_eq!(
            LibreTranslate.parse_translation(&ok),
            Ok(vec!["x".into(), "y".into()])
        );
        let err = |status: u16, msg: &str| HttpResponse {
            status,
            retry_after: None,
            body: format!(r#"{{"error": "{msg}"}}"#),
        };
        assert_eq!(
            LibreTranslate.parse_translation(&err(400, "zz is not supported")),
            Err(ProviderError::PairNotSupported)
        );
        assert_eq!(
            LibreTranslate.parse_translation(&err(403, "Invalid API key")),
            Err(ProviderError::Forbidden("Invalid API key".into()))
        );
        assert_eq!(
            LibreTranslate.parse_translation(&err(429, "Slowdown: 20 per 1 minute")),
            Err(ProviderError::RateLimited { retry_after: None })
        );
        assert_eq!(
            LibreTranslate.parse_translation(&err(500, "boom")),
            Err(ProviderError::Server(500, "boom".into()))
        );
    }

    #[test]
    fn lists_pairs() {
        let r = HttpResponse {
            status: 200,
            retry_after: None,
            body: r#"[{"code": "en", "name": "English", "targets": ["en", "uk", "de"]}, {"code": "uk", "name": "Ukrainian", "targets": ["en"]}]"#.into(),
        };
        assert_eq!(
            LibreTranslate.parse_pairs(&r),
            Ok(vec![(Lang::En, Lang::Uk), (Lang::Uk, Lang::En)])
        );
    }
}
