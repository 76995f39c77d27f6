pub mod article;
pub mod blocks;
pub mod content;
pub mod machine;
pub mod masthead;
pub mod missing_edition;
pub mod notice;
pub mod switcher;
