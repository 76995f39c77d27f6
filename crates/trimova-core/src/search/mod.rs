//! Search across the archive in the three languages: what a text's words are for matching, the
//! same natively (building the index) and in the browser (reading a query).
//!
//! This is the language layer only (`analyze`). A word is what Unicode word segmentation (UAX #29)
//! says it is, folded to lower case with the apostrophes Ukrainian is typed with (`'`, `’`, `ʼ`)
//! dropped and `ё` read as `е`, then stemmed in its language: Snowball's English and Russian
//! algorithms (the `frostem` crate), and for Ukrainian, for which no registry carries a Snowball
//! stemmer, a light suffix stripper of our own (`ukrainian`).

pub mod analyze;
mod ukrainian;

pub use analyze::{fold, query_terms, stem, terms, QueryTerm};
