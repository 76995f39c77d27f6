//! The runtime configuration, `config.json` next to `index.html`: changed without a rebuild.
//!
//! Documented in `docs/configuration.md`. Everything in it is public (it is served to every
//! reader), so an API key here is a key anyone can read.

use crate::article::{parse_json, FormatError};
use crate::provider::ProviderKind;
use crate::Lang;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Config {
    /// Languages the switcher offers, in order.
    #[serde(default = "all_languages")]
    pub languages: Vec<Lang>,
    #[serde(default)]
    pub translation: Option<TranslationConfig>,
}

/// Serializable too: the app hands it to its machine translation module, loaded on demand.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TranslationConfig {
    pub provider: ProviderKind,
    /// Base URL of the service (for `deepl`, the newsroom's proxy).
    #[serde(default)]
    pub endpoint: Option<String>,
    #[serde(default)]
    pub api_key: Option<String>,
    /// Terms sent through untranslated (names of outlets, brands).
    #[serde(default)]
    pub glossary: Vec<String>,
    /// How long one request may take before it is abandoned (and retried).
    #[serde(default = "default_timeout_ms")]
    pub timeout_ms: u32,
}

fn default_timeout_ms() -> u32 {
    // APy needs a few seconds for a long paragraph on a busy two-core server.
    20_000
}

fn all_languages() -> Vec<Lang> {
    Lang::ALL.to_vec()
}

impl Default for Config {
    fn default() -> Self {
        Config {
            languages: all_languages(),
            translation: None,
        }
    }
}

impl Config {
    pub fn parse(json: &str) -> Result<Config, FormatError> {
        let config: Config = parse_json(json)?;
        let err = |path: &str, message: &str| FormatError {
            path: path.into(),
            message: message.into(),
            line: None,
            column: None,
        };
        if config.languages.is_empty() {
            return Err(err("languages", "must list at least one language"));
        }
        if let Some(t) = &config.translation {
            if t.provider.needs_endpoint()
                && t.endpoint.as_deref().is_none_or(|e| e.trim().is_empty())
            {
                return Err(err("translation.endpoint", "is required for this provider"));
            }
            if let Some(endpoint) = &t.endpoint {
                if !(endpoint.starts_with("http://") || endpoint.starts_with("https://")) {
                    return Err(err("translation.endpoint", "must be an http(s) URL"));
                }
            }
        }
        Ok(config)
    }

    /// The translation settings, if a provider other than `none` is configured.
    pub fn translator(&self) -> Option<&TranslationConfig> {
        self.translation
            .as_ref()
            .filter(|t| t.provider != ProviderKind::None)
    }
}

impl TranslationConfig {
    /// The endpoint without a trailing slash, or the provider's public default.
    pub fn base_url(&self) -> String {
        self.endpoint
            .clone()
            .unwrap_or_else(|| self.provider.default_endpoint().to_string())
            .trim_end_matches('/')
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_example() {
        let c = Config::parse(
            r#"{ "languages": ["uk", "en", "ru"],
                 "translation": { "provider": "apertium", "endpoint": "http://127.0.0.1:2737/", "api_key": null,
                                  "glossary": ["UNN", "Bloomberg"] } }"#,
        )
        .unwrap();
        let t = c.translator().unwrap();
        assert_eq!(t.provider, ProviderKind::Apertium);
        assert_eq!(t.base_url(), "http://127.0.0.1:2737");
        assert_eq!(t.glossary, ["UNN", "Bloomberg"]);
        assert_eq!(t.timeout_ms, 20_000);
    }

    #[test]
    fn none_and_missing_mean_no_translation() {
        assert!(Config::parse(r#"{"translation": {"provider": "none"}}"#)
            .unwrap()
            .translator()
            .is_none());
        assert!(Config::parse("{}").unwrap().translator().is_none());
        assert_eq!(Config::parse("{}").unwrap().languages, Lang::ALL);
    }

    #[test]
    fn names_what_is_wrong() {
        let e = Config::parse(r#"{"translation": {"provider": "deepl"}}"#).unwrap_err();
        assert_eq!(e.path, "translation.endpoint");
        let e = Config::parse(r#"{"translation": {"provider": "yandex"}}"#).unwrap_err();
        assert_eq!(e.path, "translation.provider");
        let e =
            Config::parse(r#"{"translation": {"provider": "apertium", "endpoint": "ftp://x"}}"#)
                .unwrap_err();
        assert_eq!(e.path, "translation.endpoint");
        let google =
            Config::parse(r#"{"translation": {"provider": "google", "api_key": "k"}}"#).unwrap();
        assert_eq!(
            google.translator().unwrap().base_url(),
            "https://translation.googleapis.com"
        );
    }
}
