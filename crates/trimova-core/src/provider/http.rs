//! HTTP exchanges described as data, so that the core builds and reads them without a client:
//! the browser (gloo-net) and the command line (ureq) send what is built here.

use super::{status_error, ProviderError};

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

/// The JSON body of a successful answer that has no error shape of its own (a list of pairs): any
/// other status is an error carrying the start of the body.
pub(crate) fn success_json<T: serde::de::DeserializeOwned>(
    response: &HttpResponse,
) -> Result<T, ProviderError> {
    if response.status != 200 {
        let start = response.body.chars().take(200).collect();
        return Err(status_error(response, start));
    }
    json_body(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_encoding_matches_the_urlencoded_rules() {
        assert_eq!(form_encode("ukr|rus"), "ukr%7Crus");
        assert_eq!(form_encode("a b&c=d"), "a+b%26c%3Dd");
        assert_eq!(form_encode("Київ"), "%D0%9A%D0%B8%D1%97%D0%B2");
    }
}
