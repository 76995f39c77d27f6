//! Machine translation of missing editions, as pure logic: segments, markup, planning, caching,
//! source choice, retry policy, and the job that puts them together ([`job::TranslationJob`]).
//! The browser and the command line only carry its requests and answers.

pub mod cache;
pub mod job;
pub mod markup;
pub mod plan;
pub mod retry;
pub mod segment;
pub mod source;

use crate::article::Article;

/// Terms that must come back exactly as sent: the configured glossary, the authors' names and the
/// credited source. Longest first, so that "Ольга Розгон" wins over "Ольга".
pub fn protected_terms(article: &Article, glossary: &[String]) -> Vec<String> {
    let mut terms: Vec<String> = glossary
        .iter()
        .cloned()
        .chain(
            article
                .editions
                .values()
                .flat_map(|e| e.authors.iter().cloned()),
        )
        .chain(article.source.iter().cloned())
        .filter(|t| !t.trim().is_empty())
        .collect();
    terms.sort_by(|a, b| {
        b.chars()
            .count()
            .cmp(&a.chars().count())
            .then_with(|| a.cmp(b))
    });
    terms.dedup();
    terms
}
