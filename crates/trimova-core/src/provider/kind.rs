//! Which translation service a newsroom uses, and what holds for every service's answers (the
//! count of translations, answers cut short), whatever its wire format.

use super::{apertium, deepl, google, libretranslate, HttpRequest, HttpResponse};
use super::{Facts, Limits, PairCatalogue, Provider, ProviderError, TranslateCall};
use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// A translation service Trimova speaks to.
///
/// Adding one: a file beside this one with its `FACTS` and its `Provider` and `PairCatalogue`
/// implementations, and a variant here. The compiler then names the three matches below (kept
/// apart so that the app links the facts and the pair catalogue, never the wire formats), and the
/// test `all_holds_every_kind` names `ALL` if it was missed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProviderKind {
    Apertium,
    Libretranslate,
    Google,
    Deepl,
}

impl ProviderKind {
    pub const ALL: [ProviderKind; 4] = [
        ProviderKind::Apertium,
        ProviderKind::Libretranslate,
        ProviderKind::Google,
        ProviderKind::Deepl,
    ];

    /// What the service is: names, limits, endpoint, batch form.
    pub fn facts(self) -> &'static Facts {
        match self {
            ProviderKind::Apertium => &apertium::FACTS,
            ProviderKind::Libretranslate => &libretranslate::FACTS,
            ProviderKind::Google => &google::FACTS,
            ProviderKind::Deepl => &deepl::FACTS,
        }
    }

    /// The service's wire format (only the translation module and the command line call it).
    pub fn service(self) -> &'static dyn Provider {
        match self {
            ProviderKind::Apertium => &apertium::Apertium,
            ProviderKind::Libretranslate => &libretranslate::LibreTranslate,
            ProviderKind::Google => &google::Google,
            ProviderKind::Deepl => &deepl::DeepL,
        }
    }

    /// How the service lists its pairs.
    pub fn catalogue(self) -> &'static dyn PairCatalogue {
        match self {
            ProviderKind::Apertium => &apertium::Apertium,
            ProviderKind::Libretranslate => &libretranslate::LibreTranslate,
            ProviderKind::Google => &google::Google,
            ProviderKind::Deepl => &deepl::DeepL,
        }
    }

    /// The provider of a `code` (as `config.json` and the article format's
    /// `translation.provider` write it).
    pub fn from_code(code: &str) -> Option<ProviderKind> {
        ProviderKind::ALL.into_iter().find(|p| p.code() == code)
    }

    /// Short stable name, used in cache keys and the article format's `translation.provider`.
    pub fn code(self) -> &'static str {
        self.facts().code
    }

    /// The service's name as shown in the machine-translation notice.
    pub fn display_name(self) -> &'static str {
        self.facts().name
    }

    pub fn limits(self) -> Limits {
        self.facts().limits
    }

    /// Whether `config.json` must say where the service is (it has no public endpoint).
    pub fn needs_endpoint(self) -> bool {
        self.facts().public_endpoint.is_none()
    }

    /// Whether a batch is several texts joined into one (APy, which has no batch form), so that a
    /// wrong count means the joins were lost and the texts should be sent apart.
    pub fn joins_batches(self) -> bool {
        self.facts().joins_batches
    }

    /// The service's base URL: `endpoint` without a trailing slash, or the public one.
    pub fn base_url(self, endpoint: Option<&str>) -> String {
        endpoint
            .or(self.facts().public_endpoint)
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_string()
    }

    /// The request for `call`.
    pub fn translate_request(self, call: &TranslateCall) -> HttpRequest {
        self.service().translate_request(call)
    }

    /// The translations in `response`, one per text sent (`expected`), in order.
    pub fn parse_translation(
        self,
        response: &HttpResponse,
        expected: usize,
    ) -> Result<Vec<String>, ProviderError> {
        let texts = self.service().parse_translation(response)?;
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
        let service = self.service();
        Ok(out
            .iter()
            .zip(texts)
            .map(|(t, s)| service.clean_output(s, t))
            .collect())
    }

    /// The request asking the service at `base` which pairs it has, if it can be asked.
    pub fn pairs_request(self, base: &str) -> Option<HttpRequest> {
        self.catalogue().pairs_request(base)
    }

    /// The pairs among Trimova's languages that the service has, read from the answer to
    /// `pairs_request`. Services that cannot be asked (Google, DeepL) translate between all three.
    pub fn parse_pairs(
        self,
        response: Option<&HttpResponse>,
    ) -> Result<Vec<(Lang, Lang)>, ProviderError> {
        match response {
            Some(response) => self.catalogue().parse_pairs(response),
            None => Ok(Lang::ALL
                .iter()
                .flat_map(|a| Lang::ALL.iter().map(move |b| (*a, *b)))
                .filter(|(a, b)| a != b)
                .collect()),
        }
    }
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
    use crate::test_support::variants_serde_reads;

    #[test]
    fn all_holds_every_kind() {
        let all: Vec<&str> = ProviderKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(
            all,
            variants_serde_reads::<ProviderKind>("\"?\""),
            "ProviderKind::ALL in provider/kind.rs must hold every kind, each with its serde name as its code"
        );
    }

    #[test]
    fn truncation_is_noticed() {
        let source = "слово ".repeat(100);
        let cut: String = source.chars().take(100).collect();
        assert!(looks_truncated(&source, &cut));
        assert!(!looks_truncated(&source, &source));
        assert!(!looks_truncated("Так.", "Y"));
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

    #[test]
    fn each_kind_reads_back_from_its_code_and_only_google_has_a_public_endpoint() {
        for kind in ProviderKind::ALL {
            assert_eq!(ProviderKind::from_code(kind.code()), Some(kind));
            assert_eq!(kind.needs_endpoint(), kind != ProviderKind::Google);
        }
        assert_eq!(
            ProviderKind::Google.base_url(None),
            "https://translation.googleapis.com"
        );
        assert_eq!(
            ProviderKind::Apertium.base_url(Some("http://127.0.0.1:2737/")),
            "http://127.0.0.1:2737"
        );
    }
}
