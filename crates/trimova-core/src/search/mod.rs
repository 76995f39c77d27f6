//! Search across the archive in the three languages: what a text's words are for matching, the
//! same natively (building the index) and in the browser (reading a query).
//!
//! What is here: the language layer (`analyze`), the ranking (`rank`), the index's files
//! (`index`), keeping them (`update`) and answering a query from them (`query`). A word is what Unicode word segmentation (UAX #29)
//! says it is, folded to lower case with the apostrophes Ukrainian is typed with (`'`, `’`, `ʼ`)
//! dropped and `ё` read as `е`, then stemmed in its language with Snowball's algorithms for
//! English, Russian and Ukrainian (the `frostem` crate, version 2: the first to carry Ukrainian).

pub mod analyze;
pub mod index;
pub mod messages;
pub mod params;
pub mod query;
pub mod rank;
pub mod update;

pub use analyze::{fold, query_terms, stem, terms, QueryTerm};

use crate::article::Article;
use index::{article_postings, tag_term};
use rank::ArticleTerms;

/// An article's terms, sorted, each with its impact: what the index holds of the article.
pub type Terms = Vec<(String, u8)>;

/// What the index holds of `article`: its terms with their impacts, sorted, its tags as terms
/// of their own (for the tag filter).
pub fn article_terms(article: &Article) -> Terms {
    let mut terms = article_postings(ArticleTerms::of(article));
    for tag in &article.tags {
        terms.push((tag_term(&crate::slug::slug(tag)), 1));
    }
    terms.sort_unstable();
    terms.dedup_by(|a, b| a.0 == b.0);
    terms
}
