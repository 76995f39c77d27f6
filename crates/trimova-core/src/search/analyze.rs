//! Texts and queries as search terms: segmented, folded and stemmed.

use crate::lang::Lang;
use frostem::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

/// The apostrophes a Ukrainian word is typed with (`м'ясо`, `м’ясо`, `мʼясо`): one word, and the
/// same word.
const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '\u{2bc}'];

/// A word folded for matching: lower case, apostrophes dropped, `ё` as `е`.
pub fn fold(word: &str) -> String {
    word.chars()
        .filter(|c| !APOSTROPHES.contains(c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// The stem of a folded word in `lang` (Snowball's algorithm for the language).
pub fn stem(word: &str, lang: Lang) -> String {
    // A newsroom's words repeat (most of a text is its commonest few thousand), so each thread
    // keeps the stems it made: indexing an archive stems each word once, not every time.
    thread_local! {
        static STEMS: std::cell::RefCell<std::collections::HashMap<(Lang, String), String>> =
            Default::default();
    }
    const KEPT_STEMS: usize = 200_000;
    let key = (lang, word.to_string());
    if let Some(hit) = STEMS.with(|s| s.borrow().get(&key).cloned()) {
        return hit;
    }
    let algorithm = match lang {
        Lang::Uk => Algorithm::Ukrainian,
        Lang::En => Algorithm::English,
        Lang::Ru => Algorithm::Russian,
    };
    let stemmed = Stemmer::new(algorithm).stem(word).into_owned();
    STEMS.with(|s| {
        let mut stems = s.borrow_mut();
        if stems.len() >= KEPT_STEMS {
            stems.clear();
        }
        stems.insert(key, stemmed.clone());
    });
    stemmed
}

/// The words of `text` (Unicode word boundaries; numbers count, punctuation does not), folded.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.unicode_words().map(fold).filter(|w| !w.is_empty())
}

/// The terms of a text written in `lang`, in order: each word's stem in that language.
pub fn terms(text: &str, lang: Lang) -> Vec<String> {
    words(text).map(|w| stem(&w, lang)).collect()
}

/// One word of a query, as the index is asked for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryTerm {
    /// The word, folded.
    pub word: String,
    /// Its stems in every language it could be written in (Latin letters: English; Cyrillic:
    /// Ukrainian and Russian), without repeats: a reader on `/uk/` who types a Russian or an
    /// English word finds the articles that have it.
    pub stems: Vec<String>,
    /// The last word of a query typed without a space after it: still being typed, matched as a
    /// prefix of the index's words.
    pub prefix: bool,
}

/// The terms of a query. At most `max_words` words are read (a query of 10,000 characters costs
/// no more than a short one); the last is a prefix unless the query ends in a space or a mark.
pub fn query_terms(query: &str, max_words: usize) -> Vec<QueryTerm> {
    let mut out: Vec<QueryTerm> = words(query)
        .take(max_words)
        .map(|word| {
            let cyrillic = word
                .chars()
                .any(|c| matches!(c, 'а'..='я' | 'є' | 'і' | 'ї' | 'ґ'));
            let langs: &[Lang] = if cyrillic {
                &[Lang::Uk, Lang::Ru]
            } else {
                &[Lang::En]
            };
            let mut stems: Vec<String> = Vec::new();
            for lang in langs {
                let s = stem(&word, *lang);
                if !stems.contains(&s) {
                    stems.push(s);
                }
            }
            QueryTerm {
                word,
                stems,
                prefix: false,
            }
        })
        .collect();
    let still_typing = query
        .chars()
        .last()
        .is_some_and(|c| c.is_alphanumeric() || APOSTROPHES.contains(&c));
    if let (true, Some(last)) = (still_typing, out.last_mut()) {
        last.prefix = true;
    }
    out
}

#[cfg(test)]
mod tests;
