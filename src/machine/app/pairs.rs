//! The pairs of languages the configured translation service makes, which the app needs to offer a
//! machine edition at all: asked once and remembered for a day, so a reader of human editions
//! never loads the machine module for them.

use crate::browser::{store, stored};
use crate::fetch::send;
use std::collections::HashMap;
use trimova_core::config::TranslationConfig;
use trimova_core::provider::ProviderError;
use trimova_core::Lang;

const PAIRS_STORAGE_KEY: &str = "trimova.pairs.v1";
const PAIRS_MAX_AGE_MS: f64 = 24.0 * 3600.0 * 1000.0;

/// Pairs per service (`provider|endpoint`), with when they were asked (ms since the epoch).
type SavedPairs = HashMap<String, (f64, Vec<(Lang, Lang)>)>;

/// The pairs the configured service translates, asked once and remembered for a day.
pub async fn pairs(config: &TranslationConfig) -> Result<Vec<(Lang, Lang)>, ProviderError> {
    let key = format!("{}|{}", config.provider.code(), config.base_url());
    let now = js_sys::Date::now();
    let saved: Option<SavedPairs> =
        stored(PAIRS_STORAGE_KEY).and_then(|j| serde_json::from_str(&j).ok());
    let mut saved = saved.unwrap_or_default();
    if let Some((at, pairs)) = saved.get(&key) {
        if now - at < PAIRS_MAX_AGE_MS {
            return Ok(pairs.clone());
        }
    }
    let response = match config.pairs_request() {
        Some(request) => Some(send(&request, None, Some(config.timeout_ms)).await?.into()),
        None => None,
    };
    let pairs = config.provider.parse_pairs(response.as_ref())?;
    saved.insert(key, (now, pairs.clone()));
    if let Ok(json) = serde_json::to_string(&saved) {
        store(PAIRS_STORAGE_KEY, &json);
    }
    Ok(pairs)
}
