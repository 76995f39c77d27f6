//! Texts and queries as search terms: segmented, folded and stemmed.

use crate::lang::{is_letter_or_digit, Lang};
use frostem::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use unicode_segmentation::UnicodeSegmentation;

/// The apostrophes a Ukrainian word is typed with (`м'ясо`, `м’ясо`, `мʼясо`): one word, and the
/// same word.
const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '\u{2bc}'];

/// A word folded for matching: lower case, apostrophes dropped, `ё` as `е`.
pub fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    fold_into(word, &mut folded);
    folded
}

/// The words of a text (UAX #29's word boundaries, keeping the pieces with a letter or a digit):
/// `unicode_words`, with [`is_letter_or_digit`]'s shortcut for the letters a newsroom writes.
fn unicode_words(text: &str) -> impl Iterator<Item = &str> {
    text.split_word_bounds()
        .filter(|piece| piece.chars().any(is_letter_or_digit))
}

/// [`fold`] into a buffer of the caller's (emptied first), so a text's words reuse one.
fn fold_into(word: &str, folded: &mut String) {
    folded.clear();
    for c in word.chars() {
        match c {
            c if APOSTROPHES.contains(&c) => {}
            'ё' | 'Ё' => folded.push('е'),
            // Most of a newsroom's words are ASCII or Cyrillic, whose lower case is an offset;
            // looking it up in Unicode's tables took a tenth of a full build's indexing.
            'A'..='Z' => folded.push(c.to_ascii_lowercase()),
            'А'..='Я' => folded.push(offset(c, 0x20)),
            'Ѐ'..='Џ' => folded.push(offset(c, 0x50)),
            '\0'..='\x7f' | 'а'..='я' | 'ѐ'..='џ' => folded.push(c),
            _ => folded.extend(c.to_lowercase()),
        }
    }
}

/// The character `by` code points after `c` (only called where that is a character).
fn offset(c: char, by: u32) -> char {
    char::from_u32(c as u32 + by).unwrap_or(c)
}

/// The stem of a folded word in `lang` (Snowball's algorithm for the language).
pub fn stem(word: &str, lang: Lang) -> String {
    with_stem(word, lang, str::to_string)
}

/// Calls `f` with the stem of a folded word in `lang`, without a copy when it was made before.
/// (`f` runs while the cache is held: it must not stem words itself.)
fn with_stem<R>(word: &str, lang: Lang, f: impl FnOnce(&str) -> R) -> R {
    // A newsroom's words repeat (most of a text is its commonest few thousand), so each thread
    // keeps the stems it made, by language: indexing an archive stems each word once, and
    // looking one up allocates nothing.
    thread_local! {
        static STEMS: std::cell::RefCell<[FxHashMap<Box<str>, Box<str>>; 3]> =
            Default::default();
    }
    const KEPT_STEMS: usize = 100_000;
    let slot = lang as usize;
    STEMS.with(|stems| {
        let mut stems = stems.borrow_mut();
        let stems = &mut stems[slot];
        if let Some(hit) = stems.get(word) {
            return f(hit);
        }
        let algorithm = match lang {
            Lang::Uk => Algorithm::Ukrainian,
            Lang::En => Algorithm::English,
            Lang::Ru => Algorithm::Russian,
        };
        let stemmed = Stemmer::new(algorithm).stem(word);
        let out = f(&stemmed);
        if stems.len() >= KEPT_STEMS {
            stems.clear();
        }
        stems.insert(word.into(), stemmed.into());
        out
    })
}

/// The words of `text` (Unicode word boundaries; numbers count, punctuation does not), folded.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    unicode_words(text).map(fold).filter(|w| !w.is_empty())
}

/// The terms of a text written in `lang`, in order: each word's stem in that language.
pub fn terms(text: &str, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for_each_term(text, lang, |term| out.push(term.to_string()));
    out
}

/// Calls `f` with each term of a text written in `lang`, in order (what [`terms`] collects),
/// lent rather than made: an article's words are counted, most of them seen before. `f` must not
/// stem words itself (see [`with_stem`]).
pub(crate) fn for_each_term(text: &str, lang: Lang, mut f: impl FnMut(&str)) {
    let mut folded = String::new();
    for word in unicode_words(text) {
        fold_into(word, &mut folded);
        if !folded.is_empty() {
            with_stem(&folded, lang, &mut f);
        }
    }
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
