//! `trimova validate`: every problem of article files and indexes, with its JSON path.

use crate::failure::Failure;
use crate::files::{expand, Kind};
use std::path::{Path, PathBuf};
use trimova_core::article::{article_problems, id_of_file};
use trimova_core::Index;

fn problems(file: &Path) -> Vec<String> {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => return vec![e.to_string()],
    };
    if file.file_name().is_some_and(|n| n == "index.json") {
        return Index::parse(&text)
            .err()
            .map(|e| e.to_string())
            .into_iter()
            .collect();
    }
    article_problems(&text, id_of_file(file))
        .into_iter()
        .map(|p| p.to_string())
        .collect()
}

pub fn run(paths: &[PathBuf]) -> Result<(), Failure> {
    let files = expand(paths, Kind::Json)?;
    if files.is_empty() {
        return Err(Failure::Usage("no .json files found".into()));
    }
    let mut bad = 0;
    let mut count = 0;
    for file in &files {
        let found = problems(file);
        count += found.len();
        if !found.is_empty() {
            bad += 1;
        }
        for problem in found {
            println!("{}: {problem}", file.display());
        }
    }
    if count == 0 {
        eprintln!("trimova validate: {} files, no problem", files.len());
        Ok(())
    } else {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        Err(Failure::Quiet(format!(
            "{} in {bad} of {}",
            plural(count, "problem"),
            plural(files.len(), "file")
        )))
    }
}
