//! `trimova index`: `index.json`, the newest articles, for other tools (the app never reads it).

use crate::args::IndexArgs;
use crate::failure::Failure;
use crate::write::{write_whole, Durability};
use trimova_core::article::load_articles;
use trimova_core::Index;

pub fn run(args: &IndexArgs) -> Result<(), Failure> {
    let articles = load_articles(&args.dir)?;
    let mut index = Index::from_articles(&articles);
    index.articles.truncate(args.limit);
    let path = args.dir.join("index.json");
    write_whole(&path, index.to_file().as_bytes(), Durability::Now)?;
    println!(
        "trimova index: wrote {} with the newest {} of {} articles",
        path.display(),
        index.articles.len(),
        articles.len()
    );
    Ok(())
}
