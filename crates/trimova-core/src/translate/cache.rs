//! The translation cache: keys that notice edits, and a size-bounded least-recently-used store
//! that the app keeps in memory and persists in `localStorage`.

use crate::lang::Lang;
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
/// translated again and an unchanged one is not, whatever else in the article changed. The `/2`
/// is the form of what is stored: since it, words left untranslated are marked, so translations
/// stored before are asked for again.
pub fn cache_key(
    article_id: &str,
    source_text: &str,
    from: Lang,
    to: Lang,
    provider: &str,
) -> String {
    format!(
        "{provider}/2:{from}>{to}:{article_id}:{:016x}",
        content_hash(source_text)
    )
}

/// Size-bounded translation store. Looking up and storing cost O(1); evicting (only when full)
/// scans for the least recently used entry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TranslationCache {
    /// Upper bound on stored characters (keys and values).
    max_chars: usize,
    /// key -> (translation, when last used)
    entries: HashMap<String, (String, u64)>,
    clock: u64,
    chars: usize,
}

/// The persisted form: entries least recently used first, so loading restores their order.
#[derive(Serialize, Deserialize)]
struct Saved {
    entries: Vec<(String, String)>,
}

fn size(key: &str, value: &str) -> usize {
    key.chars().count() + value.chars().count()
}

impl TranslationCache {
    pub fn new(max_chars: usize) -> Self {
        TranslationCache {
            max_chars,
            ..Default::default()
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }

    /// The cached translation, marked as just used.
    pub fn get(&mut self, key: &str) -> Option<String> {
        let now = self.tick();
        let (value, used) = self.entries.get_mut(key)?;
        *used = now;
        Some(value.clone())
    }

    /// Stores a translation, evicting the least recently used ones beyond the size bound.
    pub fn insert(&mut self, key: String, value: String) {
        let now = self.tick();
        self.chars += size(&key, &value);
        if let Some((old, _)) = self.entries.insert(key.clone(), (value, now)) {
            self.chars -= size(&key, &old);
        }
        while self.chars > self.max_chars {
            let Some(oldest) = self
                .entries
                .iter()
                .min_by_key(|(_, (_, used))| *used)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            if let Some((v, _)) = self.entries.remove(&oldest) {
                self.chars -= size(&oldest, &v);
            }
        }
    }

    pub fn to_json(&self) -> String {
        let mut entries: Vec<(&String, &(String, u64))> = self.entries.iter().collect();
        entries.sort_by_key(|(_, (_, used))| *used);
        let saved = Saved {
            entries: entries
                .into_iter()
                .map(|(k, (v, _))| (k.clone(), v.clone()))
                .collect(),
        };
        serde_json::to_string(&saved).unwrap_or_default()
    }

    /// Restores a persisted cache; anything unreadable starts empty (it is only a cache).
    pub fn from_json(json: &str, max_chars: usize) -> Self {
        let saved: Saved = serde_json::from_str(json).unwrap_or(Saved {
            entries: Vec::new(),
        });
        let mut cache = TranslationCache::new(max_chars);
        for (k, v) in saved.entries {
            cache.insert(k, v);
        }
        cache
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
