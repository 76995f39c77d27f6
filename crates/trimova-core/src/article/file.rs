//! Article files on disk (`<id>.json`), for the native tools: the one way they are found, named and
//! read, so that every command reports a bad file the same way (the file, then the field).

use super::{parse_article, Article};
use std::path::Path;

/// The id a file's name gives it (`north-korea-shells-2024-06.json` → `north-korea-shells-2024-06`).
pub fn id_of_file(path: &Path) -> Option<&str> {
    path.file_stem().and_then(|s| s.to_str())
}

/// The article in `text`, read from `path` (whose name is its id), validated; the message names
/// the file and the field at fault.
pub fn parse_article_file(path: &Path, text: &str) -> Result<Article, String> {
    parse_article(text, Some(id_of_file(path).unwrap_or_default()))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads and validates the article file at `path`.
pub fn read_article_file(path: &Path) -> Result<Article, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_article_file(path, &text)
}

/// Reads and validates every article file (`<id>.json`) in `dir`, skipping `index.json`, in name
/// order.
pub fn load_articles(dir: &Path) -> Result<Vec<Article>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && p.file_name().is_some_and(|n| n != "index.json")
        })
        .collect();
    paths.sort();
    paths.iter().map(|path| read_article_file(path)).collect()
}
