//! Which edition a missing one is translated from.

use crate::article::Article;
use crate::article::Edition;
use crate::lang::Lang;

/// Why no edition can be translated into the target.
#[derive(Clone, Debug, PartialEq)]
pub enum NoSource {
    /// The service has no pair from any human edition into the target; `from` is the one that
    /// would have been used (the original if human), for the message.
    PairMissing { from: Lang },
}

/// Picks the source for a machine translation into `target`: human editions before machine ones,
/// the article's original first, and only those the service can translate from (`pairs`).
pub fn choose_source(
    article: &Article,
    target: Lang,
    pairs: &[(Lang, Lang)],
) -> Result<Lang, NoSource> {
    let is_human = |lang: &Lang| article.editions.get(lang).is_some_and(Edition::is_human);
    let mut candidates: Vec<Lang> = article
        .languages()
        .into_iter()
        .filter(|l| *l != target)
        .collect();
    // Human first, then the original, then switcher order (a stable sort keeps the latter).
    candidates.sort_by_key(|l| (!is_human(l), *l != article.original));
    candidates
        .iter()
        .copied()
        .find(|from| pairs.contains(&(*from, target)))
        .ok_or(NoSource::PairMissing {
            from: candidates.first().copied().unwrap_or(article.original),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_article;

    fn article(original: &str, editions: &[(&str, Option<&str>)]) -> Article {
        let eds: serde_json::Map<String, serde_json::Value> = editions
            .iter()
            .map(|(l, by)| {
                let mut e = serde_json::json!({"title": "t", "body": []});
                if let Some(by) = by {
                    e["translation"] = serde_json::json!({"from": original, "by": by});
                }
                (l.to_string(), e)
            })
            .collect();
        let v = serde_json::json!({"format": "trimova.article/1", "id": "a", "published": "2024-01-01T00:00:00Z",
                                   "original": original, "editions": eds});
        parse_article(&v.to_string(), None).unwrap()
    }

    const APY: [(Lang, Lang); 2] = [(Lang::Uk, Lang::Ru), (Lang::Ru, Lang::Uk)];
    const ALL: [(Lang, Lang); 6] = [
        (Lang::Uk, Lang::Ru),
        (Lang::Ru, Lang::Uk),
        (Lang::Uk, Lang::En),
        (Lang::En, Lang::Uk),
        (Lang::En, Lang::Ru),
        (Lang::Ru, Lang::En),
    ];

    #[test]
    fn the_original_first() {
        let a = article("en", &[("en", None), ("uk", Some("human"))]);
        assert_eq!(choose_source(&a, Lang::Ru, &ALL), Ok(Lang::En));
    }

    #[test]
    fn only_pairs_the_service_has() {
        let a = article("en", &[("en", None), ("uk", Some("human"))]);
        assert_eq!(choose_source(&a, Lang::Ru, &APY), Ok(Lang::Uk));
        let en_only = article("en", &[("en", None)]);
        assert_eq!(
            choose_source(&en_only, Lang::Ru, &APY),
            Err(NoSource::PairMissing { from: Lang::En })
        );
    }

    #[test]
    fn human_editions_before_machine_ones() {
        let a = article(
            "en",
            &[("en", None), ("uk", Some("machine")), ("ru", Some("human"))],
        );
        assert_eq!(choose_source(&a, Lang::Uk, &APY), Ok(Lang::Ru));
        let only_machine = article("en", &[("en", None), ("uk", Some("machine"))]);
        assert_eq!(
            choose_source(&only_machine, Lang::Ru, &APY),
            Ok(Lang::Uk),
            "a machine edition beats nothing"
        );
    }
}
