//! The search module: reading the index's files (`reader`) and drawing the search page's
//! content (`results`, one `result` each). Compiled into `src/bin/search.rs` only.

pub mod reader;
pub mod result;
pub mod results;
