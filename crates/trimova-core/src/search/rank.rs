//! Ranking a newsroom expects: BM25F over an article's parts, the headline above the lead above the
//! body, and, between results that score about the same, the newer first.
//!
//! An article is one document whatever its editions: each part gathers the terms of that part in
//! every edition a reader can open (human ones, and machine ones published in the file), each in
//! its own language, so a query finds the article through any of them.

use super::analyze::for_each_term;
use crate::article::Article;
use crate::lang::Lang;
use rustc_hash::FxHashMap;

/// The parts of an article that are searched, in the order of their weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Headline = 0,
    Lead = 1,
    Body = 2,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Headline, Part::Lead, Part::Body];

    /// How much one occurrence here counts against one in the body.
    pub fn weight(self) -> f32 {
        match self {
            Part::Headline => 8.0,
            Part::Lead => 3.0,
            Part::Body => 1.0,
        }
    }
}

/// An article's terms, counted by part over all its readable editions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleTerms {
    /// Each term's occurrences in each part (indexed by [`Part`]).
    pub counts: FxHashMap<String, [u32; 3]>,
    /// Each part's length in terms.
    pub lengths: [u32; 3],
}

impl ArticleTerms {
    pub fn of(article: &Article) -> ArticleTerms {
        let mut out = ArticleTerms::default();
        for (lang, edition) in &article.editions {
            out.count(Part::Headline, &edition.title, *lang);
            if let Some(lead) = &edition.lead {
                out.count(Part::Lead, lead, *lang);
            }
            for text in edition.body_texts() {
                out.count(Part::Body, &text, *lang);
            }
        }
        out
    }

    fn count(&mut self, part: Part, text: &str, lang: Lang) {
        let part = part as usize;
        for_each_term(text, lang, |term| {
            self.lengths[part] += 1;
            match self.counts.get_mut(term) {
                Some(counts) => counts[part] += 1,
                None => {
                    let mut counts = [0; 3];
                    counts[part] = 1;
                    self.counts.insert(term.to_string(), counts);
                }
            }
        });
    }
}

/// BM25's saturation and length normalisation. K1 is higher than the usual 1.2 so that a word
/// in a headline still counts clearly above the same word in a short body, both of which
/// saturate.
const K1: f32 = 2.0;
const B: f32 = 0.75;

/// The length of each part, in terms, that counts as usual. Fixed rather than the archive's
/// averages: a term's impact in an article then depends on that article alone, so publishing
/// one article never changes the postings of another (an index kept by the size of the change).
/// Roughly two editions' worth, as most articles have.
const USUAL_LENGTHS: [f32; 3] = [20.0, 60.0, 800.0];

/// The most a term's weight can be: a saturated weight approaches K1 + 1.
const MAX_WEIGHT: f32 = K1 + 1.0;

/// The bit of an impact that says the term is in the article's headline (in any edition): a
/// query whose words are all in one article's headline is most likely asking for that article,
/// however often the words come up in the bodies of others (see [`by_relevance`]).
pub const IN_HEADLINE: u8 = 0x80;

/// The steps a term's weight is quantised into, in the impact's other seven bits.
const LEVELS: f32 = 127.0;

/// BM25F's share of one term in one article, before the rarity of the term is known: its
/// occurrences in each part (`frequencies`), weighted and normalised by that part's length
/// (`lengths`), then saturated once. Quantised into seven bits (0 only for a term the article
/// lacks), with [`IN_HEADLINE`] set for a term of the headline: what a posting stores.
pub fn impact(frequencies: [u32; 3], lengths: [u32; 3]) -> u8 {
    let weighted: f32 = Part::ALL
        .iter()
        .map(|&part| {
            let i = part as usize;
            let norm = 1.0 - B + B * lengths[i] as f32 / USUAL_LENGTHS[i];
            part.weight() * frequencies[i] as f32 / norm
        })
        .sum();
    if weighted == 0.0 {
        return 0;
    }
    let saturated = weighted * (K1 + 1.0) / (weighted + K1);
    let level = ((saturated / MAX_WEIGHT * LEVELS).round() as u8).clamp(1, LEVELS as u8);
    if frequencies[Part::Headline as usize] > 0 {
        level | IN_HEADLINE
    } else {
        level
    }
}

/// Whether a posting's term is in its article's headline.
pub fn in_headline(impact: u8) -> bool {
    impact & IN_HEADLINE != 0
}

/// How much a term found in `articles_with` of `articles` counts: BM25's idf, never negative.
pub fn rarity(articles_with: u32, articles: u32) -> f32 {
    let n = articles.max(1) as f32;
    let df = articles_with.min(articles) as f32;
    ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
}

/// The BM25F score of one term in one article, from its posting's `impact` and its rarity.
pub fn score(impact: u8, articles_with: u32, articles: u32) -> f32 {
    let level = (impact & !IN_HEADLINE) as f32;
    rarity(articles_with, articles) * level / LEVELS * MAX_WEIGHT
}

/// A result to order: its score, how many of the query's words its headline has, and when it
/// was published (seconds since the epoch).
#[derive(Clone, Debug, PartialEq)]
pub struct Scored<T> {
    pub item: T,
    pub score: f32,
    pub headline_words: u32,
    pub published_at: i64,
}

/// Orders results best first: those whose headlines have more of the query's words first (a
/// common word once in a headline says more of what an article is about than five times in a
/// short body, which BM25 saturates to about the same); then by score, scores within `NEAR` of
/// each other counting as a tie, which the newer article wins. (Rounded into steps of NEAR, so
/// the order is a total one.)
pub fn by_relevance<T>(results: &mut [Scored<T>]) {
    const NEAR: f32 = 0.05;
    let step = |s: f32| (s.max(0.0).ln_1p() / NEAR).floor() as i64;
    results.sort_by(|a, b| {
        b.headline_words
            .cmp(&a.headline_words)
            .then(step(b.score).cmp(&step(a.score)))
            .then(b.published_at.cmp(&a.published_at))
    });
}

/// Orders results newest first, whatever their scores.
pub fn by_newest<T>(results: &mut [Scored<T>]) {
    results.sort_by_key(|r| std::cmp::Reverse(r.published_at));
}

#[cfg(test)]
mod tests;
