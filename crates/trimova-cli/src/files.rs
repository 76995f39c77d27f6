//! Which files a command works on: the files given, and in the folders given, those of a kind.

use crate::failure::Failure;
use std::path::{Path, PathBuf};

/// The kinds of file the commands read.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Plain-text pages, `*.txt`.
    Pages,
    /// Article files, `*.json` but `index.json`.
    Articles,
    /// Article files and indexes, `*.json`.
    Json,
}

impl Kind {
    pub fn matches(self, path: &Path) -> bool {
        let ext = |e: &str| path.extension().is_some_and(|x| x == e);
        match self {
            Kind::Pages => ext("txt"),
            Kind::Json => ext("json"),
            Kind::Articles => ext("json") && path.file_name().is_some_and(|n| n != "index.json"),
        }
    }
}

/// `paths` with every folder replaced by its files of `kind`, sorted by name.
pub fn expand(paths: &[PathBuf], kind: Kind) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let entries = std::fs::read_dir(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| kind.matches(p))
            .collect();
        // By name: comparing whole paths component by component is slow on 100,000 files.
        found.sort_by_cached_key(|p| p.file_name().map(|n| n.to_os_string()));
        files.extend(found);
    }
    Ok(files)
}
