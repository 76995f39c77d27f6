//! Search across the archive in the three languages: what a text's words are for matching, the
//! same natively (building the index) and in the browser (reading a query).
//!
//! What is here: the language layer (`analyze`), the ranking (`rank`), the index's files
//! (`index`) and keeping them (`update`). A word is what Unicode word segmentation (UAX #29)
//! says it is, folded to lower case with the apostrophes Ukrainian is typed with (`'`, `’`, `ʼ`)
//! dropped and `ё` read as `е`, then stemmed in its language with Snowball's algorithms for
//! English, Russian and Ukrainian (the `frostem` crate, version 2: the first to carry Ukrainian).

pub mod analyze;
pub mod index;
pub mod rank;
pub mod update;

pub use analyze::{fold, query_terms, stem, terms, QueryTerm};
