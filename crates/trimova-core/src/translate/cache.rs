//! The translation cache: keys that notice edits, and a size-bounded least-recently-used store
//! that the app keeps in memory and persists in `localStorage`.

use crate::Lang;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// FNV-1a, 64 bits: stable across builds and platforms (unlike `std`'s hasher), which a key that
/// is persisted needs. Not cryptographic; collisions only cost a wrong cache hit between two texts
/// of the same article, pair and provider.
pub fn content_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Key of one segment's translation. The source text is part of it, so an edited paragraph is
/// translated again and an unchanged one is not, whatever else in the article changed.
pub fn cache_key(
    article_id: &str,
    source_text: &str,
    from: Lang,
    to: Lang,
    provider: &str,
) -> String {
    format!(
        "{provider}:{from}>{to}:{article_id}:{:016x}",
        content_hash(source_text)
    )
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TranslationCache {
    /// Upper bound on stored characters (keys and values).
    max_chars: usize,
    /// Least recently used first.
    #[serde(rename = "entries")]
    order: Vec<(String, String)>,
    #[serde(skip)]
    index: HashMap<String, usize>,
    #[serde(skip)]
    chars: usize,
}

impl TranslationCache {
    pub fn new(max_chars: usize) -> Self {
        TranslationCache {
            max_chars,
            ..Default::default()
        }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The cached translation, marked as just used.
    pub fn get(&mut self, key: &str) -> Option<String> {
        let at = *self.index.get(key)?;
        let entry = self.order.remove(at);
        let value = entry.1.clone();
        self.order.push(entry);
        self.reindex();
        Some(value)
    }

    /// Stores a translation, evicting the least recently used ones beyond the size bound.
    pub fn insert(&mut self, key: String, value: String) {
        if let Some(at) = self.index.get(&key).copied() {
            self.order.remove(at);
        }
        self.order.push((key, value));
        self.chars = self
            .order
            .iter()
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum();
        while self.chars > self.max_chars && !self.order.is_empty() {
            let (k, v) = self.order.remove(0);
            self.chars -= k.chars().count() + v.chars().count();
        }
        self.reindex();
    }

    fn reindex(&mut self) {
        self.index = self
            .order
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.clone(), i))
            .collect();
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Restores a persisted cache; anything unreadable starts empty (it is only a cache).
    pub fn from_json(json: &str, max_chars: usize) -> Self {
        let mut cache: TranslationCache = serde_json::from_str(json).unwrap_or_default();
        let entries = std::mem::take(&mut cache.order);
        let mut fresh = TranslationCache::new(max_chars);
        for (k, v) in entries {
            fresh.insert(k, v);
        }
        fresh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_change_with_the_text_and_nothing_else_of_the_article() {
        let a = cache_key("story", "Перший абзац.", Lang::Uk, Lang::Ru, "apertium");
        assert_eq!(
            a,
            cache_key("story", "Перший абзац.", Lang::Uk, Lang::Ru, "apertium")
        );
        assert_ne!(
            a,
            cache_key("story", "Перший абзац!", Lang::Uk, Lang::Ru, "apertium")
        );
        assert_ne!(
            a,
            cache_key("story", "Перший абзац.", Lang::Uk, Lang::En, "apertium")
        );
        assert_ne!(
            a,
            cache_key("story", "Перший абзац.", Lang::Uk, Lang::Ru, "deepl")
        );
        assert_ne!(
            a,
            cache_key("other", "Перший абзац.", Lang::Uk, Lang::Ru, "apertium")
        );
        assert_eq!(content_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn evicts_least_recently_used_beyond_the_bound() {
        let mut c = TranslationCache::new(30);
        c.insert("k1".into(), "aaaaaaaa".into()); // 10 chars
        c.insert("k2".into(), "bbbbbbbb".into()); // 20
        assert_eq!(c.get("k1").as_deref(), Some("aaaaaaaa")); // k1 now most recent
        c.insert("k3".into(), "cccccccc".into()); // 30: fits
        c.insert("k4".into(), "dddddddd".into()); // 40: evict k2
        assert_eq!(c.get("k2"), None);
        assert!(c.get("k1").is_some() && c.get("k3").is_some() && c.get("k4").is_some());
        assert_eq!(c.len(), 3);
    }

    #[test]
    fn persists_and_restores_within_a_new_bound() {
        let mut c = TranslationCache::new(1000);
        for i in 0..5 {
            c.insert(format!("k{i}"), "x".repeat(10));
        }
        let restored = TranslationCache::from_json(&c.to_json(), 40);
        assert_eq!(
            restored.len(),
            3,
            "only the most recent fit the smaller bound"
        );
        let mut restored = restored;
        assert!(restored.get("k4").is_some() && restored.get("k1").is_none());
        assert!(TranslationCache::from_json("not json", 10).is_empty());
    }
}
