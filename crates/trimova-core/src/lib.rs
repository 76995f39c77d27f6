//! Browser-free core of Trimova: every decision that needs no browser, compiled into the app's
//! wasm, the machine translation module and the `trimova` command line alike, and tested natively
//! with `cargo test`. The Leptos app and the command line are thin layers that carry out what
//! this crate decides.
//!
//! # A guide to the modules
//!
//! **The article and its files**
//! - [`article`]: the article format (`trimova.article/1`): the model, body blocks, reading with
//!   JSON-path errors, validation, the [`article::Field`]s of an edition, the words a machine
//!   edition left untranslated, and (natively) reading `<id>.json` files.
//! - [`index`]: `index.json` and [`ArticleSummary`], what lists, feeds and the index say of an
//!   article.
//! - [`import`]: the old site's plain-text pages turned into editions.
//! - [`safety`]: which links and images may reach a page.
//!
//! **Readers and their languages**
//! - [`lang`]: the three languages and negotiation (URL, remembered choice, browser).
//! - [`i18n`]: every message a reader sees, in each language; [`plural`] picks CLDR forms for it.
//! - [`locale`]: dates and counts as each language writes them (the same natively and in the
//!   browser, so pre-rendered pages and the app agree).
//! - [`reading`]: a reader's settings (text size, theme, ...) and the attributes that apply them.
//!
//! **The site**
//! - [`route`]: URLs of articles and lists, and reading them back.
//! - [`archive`]: the browsable lists (newest, older pages, months, tags): which pages exist and
//!   what one holds.
//! - [`publish`]: what crawlers and feed readers read: head tags, JSON-LD, sitemaps, feeds.
//! - [`config`]: `config.json`, read at run time (languages, the translation service).
//! - [`html`], [`slug`], [`timestamp`]: escaping, ids and slugs from titles, RFC 3339.
//! - [`search`]: the words of texts and queries for searching the archive (segmented, folded,
//!   stemmed in each language); the index that uses them is still to come.
//!
//! **Machine translation**
//! - [`provider`]: one file per translation service behind one trait, as data in and out (no
//!   HTTP client here); [`provider::ProviderKind`] says how to add one.
//! - [`translate`]: the one translation job ([`translate::job`]) that plans batches, retries,
//!   caches and hands out requests for the browser or the command line to send, with an edition
//!   cut into segments and put back ([`translate::segment`]).

pub mod archive;
pub mod article;
pub mod config;
pub mod html;
pub mod i18n;
pub mod import;
pub mod index;
pub mod lang;
pub mod locale;
pub mod plural;
pub mod provider;
pub mod publish;
pub mod reading;
pub mod route;
pub mod safety;
pub mod search;
pub mod slug;
pub mod timestamp;
pub mod translate;

#[cfg(test)]
mod test_support;

pub use article::{Article, Block, Edition, FormatError, Inline, Run};
pub use index::{ArticleSummary, Index};
pub use lang::Lang;
