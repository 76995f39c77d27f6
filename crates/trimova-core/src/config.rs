//! The runtime configuration, `config.json` next to `index.html`: changed without a rebuild.
//!
//! Documented in `docs/configuration.md`. Everything in it is public (it is served to every
//! reader), so an API key here is a key anyone can read.

use crate::article::{parse_json, FormatError};
use crate::lang::Lang;
use crate::provider::{HttpRequest, ProviderKind, TranslateCall};
use serde::{de, Deserialize, Deserializer, Serialize};

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(from = "ConfigFile")]
pub struct Config {
    /// Languages the switcher offers, in order.
    pub languages: Vec<Lang>,
    /// The translation service; none when the file names none (or `"provider": "none"`).
    pub translation: Option<TranslationConfig>,
}

/// `config.json` as written, where `"provider": "none"` is one way of saying "no translation".
#[derive(Deserialize)]
struct ConfigFile {
    #[serde(default = "all_languages")]
    languages: Vec<Lang>,
    #[serde(default)]
    translation: Option<TranslationConfig<ProviderChoice>>,
}

impl From<ConfigFile> for Config {
    fn from(file: ConfigFile) -> Config {
        let translation = file.translation.and_then(|t| match t.provider {
            ProviderChoice::Off => None,
            ProviderChoice::Use(provider) => Some(TranslationConfig {
                provider,
                endpoint: t.endpoint,
                api_key: t.api_key,
                glossary: t.glossary,
                timeout_ms: t.timeout_ms,
            }),
        });
        Config {
            languages: file.languages,
            translation,
        }
    }
}

/// A provider as `config.json` names it, or `none`.
enum ProviderChoice {
    Off,
    Use(ProviderKind),
}

impl<'de> Deserialize<'de> for ProviderChoice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        if code == "none" {
            return Ok(ProviderChoice::Off);
        }
        ProviderKind::from_code(&code)
            .map(ProviderChoice::Use)
            .ok_or_else(|| {
                de::Error::unknown_variant(
                    &code,
                    &["apertium", "libretranslate", "google", "deepl", "none"],
                )
            })
    }
}

/// Serializable too: the app hands it to its machine translation module, loaded on demand.
/// (`P` is what names the provider: `ProviderKind`, or in the file, also "none".)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TranslationConfig<P = ProviderKind> {
    pub provider: P,
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

    /// The translation settings, if a provider is configured.
    pub fn translator(&self) -> Option<&TranslationConfig> {
        self.translation.as_ref()
    }
}

impl TranslationConfig {
    /// The endpoint without a trailing slash, or the provider's public default.
    pub fn base_url(&self) -> String {
        self.provider.base_url(self.endpoint.as_deref())
    }

    /// The request translating `texts` (HTML fragments) from `from` to `to`.
    pub fn translate_request(&self, from: Lang, to: Lang, texts: &[String]) -> HttpRequest {
        self.provider.translate_request(&TranslateCall {
            base: &self.base_url(),
            key: self.api_key.as_deref(),
            from,
            to,
            texts,
        })
    }

    /// The request asking the service which pairs it has, if it can be asked.
    pub fn pairs_request(&self) -> Option<HttpRequest> {
        self.provider.pairs_request(&self.base_url())
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
