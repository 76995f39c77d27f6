//! Writes `articles/index.json` from the article files beside it.
//!
//! Usage: `cargo run -p trimova-core --bin trimova-index [DIR]` (DIR defaults to `public/articles`).
//! Every file is validated first; the command fails, naming the file and field, if one is not.

use std::path::PathBuf;
use std::process::ExitCode;
use trimova_core::Index;

fn main() -> ExitCode {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "public/articles".into()),
    );
    match run(&dir) {
        Ok(count) => {
            println!(
                "wrote {} with {count} articles",
                dir.join("index.json").display()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("trimova-index: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &std::path::Path) -> Result<usize, String> {
    let articles = trimova_core::index::load_articles(dir)?;
    let index = Index::from_articles(&articles);
    let json = serde_json::to_string_pretty(&index).map_err(|e| e.to_string())? + "\n";
    std::fs::write(dir.join("index.json"), json).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(articles.len())
}
