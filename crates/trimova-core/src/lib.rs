//! Browser-free core of Trimova.
//!
//! Everything here compiles and is tested natively with `cargo test`: the article format (parsing and
//! validation), the language model and negotiation, CLDR plural choice, URL building and route
//! matching, the safety rules for links and images, and the reader-facing messages. The Leptos app in
//! the top-level crate is a thin layer that renders what this crate decides.

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
pub mod slug;
pub mod timestamp;
pub mod translate;

pub use article::{Article, Block, Edition, FormatError, Inline, Run};
pub use index::{ArticleSummary, Index};
pub use lang::Lang;
