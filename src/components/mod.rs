pub mod article;
pub mod blocks;
pub mod masthead;
pub mod notice;
pub mod switcher;
