//! Apertium APy (<https://wiki.apertium.org/wiki/Apertium-apy>).
//!
//! `POST /translate` with form fields `langpair=ukr|rus`, `q`, `markUnknown=yes`, `format=html`;
//! answers `{"responseData":{"translatedText":"..."},"responseStatus":200}`, errors
//! `{"status":"error","code":400,"message":"Bad Request","explanation":"That pair is not installed"}`.
//! There is no batch form, but APy's HTML deformatter passes tags through where they are: several
//! texts go in one request, separated by `<hr data-trimova="N">` (N: the index of the text after
//! it), and the answer is split at the same markers (checked against the real server in the
//! end-to-end tests). A batch whose markers do not all come back, in order, yields a wrong count,
//! and the clients send its texts apart. `GET /listPairs` lists the installed pairs.

use super::UNTRANSLATED;
use super::{
    error_body, form_encode, json_body, status_error, success_json, Facts, HttpRequest,
    HttpResponse, Limits, PairCatalogue, Provider, ProviderError, TranslateCall,
};
use crate::lang::Lang;
use serde::Deserialize;

pub(super) const FACTS: Facts = Facts {
    code: "apertium",
    name: "Apertium",
    limits: Limits {
        max_segments: 40,
        max_chars: 3000,
        // APy cuts its output at around 10k characters under load, still answering 200; segments are
        // kept far below that so a cut never happens, and a suspiciously short answer is refused.
        max_segment_chars: 3000,
        concurrency: 4,
    },
    public_endpoint: None,
    joins_batches: true,
};

/// APy names languages by ISO 639-3 codes.
pub fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::Uk => "ukr",
        Lang::En => "eng",
        Lang::Ru => "rus",
    }
}

fn from_code(code: &str) -> Option<Lang> {
    Lang::ALL.into_iter().find(|l| self::code(*l) == code)
}

const MARKER: &str = "<hr data-trimova=\"";

fn marker(index: usize) -> String {
    format!("{MARKER}{index}\">")
}

/// `texts` as one text, each after the first preceded by its marker.
pub fn join_batch(texts: &[String]) -> String {
    let mut q = String::new();
    for (i, text) in texts.iter().enumerate() {
        if i > 0 {
            q.push_str(&marker(i));
        }
        q.push_str(text);
    }
    q
}

/// The texts of a batch's answer: cut at markers 1, 2, … in order. Where one is missing the cut
/// stops, so the count falls short and the caller notices.
pub fn split_batch(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    for next in 1.. {
        let marker = marker(next);
        let Some(at) = rest.find(&marker) else {
            break;
        };
        out.push(rest[..at].to_string());
        rest = &rest[at + marker.len()..];
    }
    out.push(rest.to_string());
    out
}

#[derive(Deserialize)]
struct Answer {
    #[serde(rename = "responseData")]
    data: Option<Data>,
    #[serde(rename = "responseStatus")]
    status: Option<u16>,
}

#[derive(Deserialize)]
struct Data {
    #[serde(rename = "translatedText")]
    text: String,
}

#[derive(Deserialize, Default)]
struct Failure {
    #[serde(default)]
    explanation: String,
    #[serde(default)]
    message: String,
}

#[derive(Deserialize)]
struct Pairs {
    #[serde(rename = "responseData")]
    data: Vec<Pair>,
}

#[derive(Deserialize)]
struct Pair {
    #[serde(rename = "sourceLanguage")]
    source: String,
    #[serde(rename = "targetLanguage")]
    target: String,
}

/// Apertium's wire format.
pub struct Apertium;

impl Provider for Apertium {
    fn translate_request(&self, call: &TranslateCall) -> HttpRequest {
        let q = join_batch(call.texts);
        let body = format!(
            "langpair={}&q={}&markUnknown=yes&format=html",
            form_encode(&format!("{}|{}", code(call.from), code(call.to))),
            form_encode(&q)
        );
        HttpRequest {
            method: "POST",
            url: format!("{}/translate", call.base),
            headers: vec![(
                "content-type",
                "application/x-www-form-urlencoded; charset=UTF-8".into(),
            )],
            body: Some(body),
        }
    }

    fn parse_translation(&self, response: &HttpResponse) -> Result<Vec<String>, ProviderError> {
        if response.status != 200 {
            let failure: Failure = error_body(response);
            if response.status == 400 && failure.explanation.contains("not installed") {
                return Err(ProviderError::PairNotSupported);
            }
            let message = [failure.message, failure.explanation]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>();
            return Err(status_error(response, message.join(": ")));
        }
        let answer: Answer = json_body(response)?;
        match (answer.status, answer.data) {
            (Some(200) | None, Some(data)) => Ok(split_batch(&data.text)),
            (status, _) => Err(ProviderError::Malformed(format!(
                "no responseData.translatedText (responseStatus {status:?})"
            ))),
        }
    }

    /// Apertium marks words in its output: `#` before one it could not generate (even with
    /// `markUnknown=no`), and with `markUnknown=yes`, `*` before one it did not know and `@` before one
    /// missing from its bilingual dictionary; both of the latter are left in the source language.
    /// Readers should not see the marks: `#` is dropped, and a word left untranslated is wrapped in
    /// [`UNTRANSLATED`] so that it is shown marked instead of passed off as translated. A mark that
    /// was in the source itself (a hashtag, a footnote star, a handle) is left alone.
    fn clean_output(&self, source: &str, translated: &str) -> String {
        let mut out = String::with_capacity(translated.len());
        let mut chars = translated.chars().peekable();
        let mut prev = ' ';
        while let Some(c) = chars.next() {
            let word_start =
                !prev.is_alphanumeric() && chars.peek().is_some_and(|n| n.is_alphanumeric());
            prev = c;
            if !word_start || source.contains(c) {
                out.push(c);
                continue;
            }
            match c {
                '#' => {}
                '*' | '@' => {
                    out.push_str(UNTRANSLATED.0);
                    while let Some(&n) = chars.peek() {
                        let inner = matches!(n, '\'' | '’' | 'ʼ' | '-')
                            && prev.is_alphanumeric()
                            && chars.clone().nth(1).is_some_and(char::is_alphanumeric);
                        if !(n.is_alphanumeric() || inner) {
                            break;
                        }
                        out.push(n);
                        prev = n;
                        chars.next();
                    }
                    out.push_str(UNTRANSLATED.1);
                }
                _ => out.push(c),
            }
        }
        out
    }
}

impl PairCatalogue for Apertium {
    fn pairs_request(&self, base: &str) -> Option<HttpRequest> {
        Some(HttpRequest::get(format!("{base}/listPairs")))
    }

    fn parse_pairs(&self, response: &HttpResponse) -> Result<Vec<(Lang, Lang)>, ProviderError> {
        let pairs: Pairs = success_json(response)?;
        Ok(pairs
            .data
            .iter()
            .filter_map(|p| Some((from_code(&p.source)?, from_code(&p.target)?)))
            .collect())
    }
}

#[cfg(test)]
mod tests;
