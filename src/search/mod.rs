//! Searching the archive, in one place.
//!
//! Every page has the masthead's search form, a plain GET form to `/<lang>/search/?q=…`. The
//! search code itself (the core's `search` layer, reading the index's files, drawing results) is
//! a wasm module of its own (`src/bin/search.rs`), so a reader who never searches never downloads
//! it: the start-up module fetches it when a reader focuses the search box (`src/boot.js`), and
//! the search page's view mounts it. As for machine translation (`crate::machine`), the folder
//! says which wasm a file ends up in: `app.rs` is the app's, `module/` the search module's, and
//! `protocol.rs` is the boundary both are built with.

pub mod app;
pub mod module;
pub mod protocol;
