//! A newsroom's whole archive as readers browse it: the newest articles at `/<lang>/`, older ones
//! page by page, a month's at `/<lang>/YYYY/MM/`, a tag's at `/<lang>/tag/<slug>/`.
//!
//! Pages are numbered from the **oldest**: page 1 holds the first `PAGE_SIZE` articles ever
//! published, and only the newest page (shown at the listing's own URL) takes new ones. So
//! publishing an article rewrites that newest page, and once in `PAGE_SIZE` times the page that
//! it hands `PAGE_SIZE` articles to; every older page keeps its URL and its content for good,
//! which is also what search engines and caches want of an archive.

mod listing;
mod plan;

pub use listing::{page_count, page_range, ListAt, ListEntry, ListPage, Listing, Place, Thumbnail};
pub use plan::{by_newest, newest_first, plan, PlannedPage, Row};

/// Articles on a page (the newest page holds from `PAGE_SIZE` to `2 * PAGE_SIZE - 1`).
///
/// Thirty entries with lead and thumbnail are about six phone screens and 40 KB of HTML: a
/// page reads at once on a slow network, and a day of 300 articles is ten pages.
pub const PAGE_SIZE: usize = 30;

/// What a list page's data file is called, beside its `index.html`.
pub const LIST_FILE: &str = "list.json";

/// The format of a list page's data.
/// (2: a page says its `place` among the listing's pages instead of their number.)
pub const FORMAT: &str = "trimova.list/2";
