//! What the lists and the search results show of the articles read this run (titles, leads,
//! images), kept in a file rather than in memory. A full build reads every article, and these
//! grow with the archive's text: held in memory they were most of what a 100,000-article build
//! grew by. Each is written once, as it is read, and read back by every page that shows it; the
//! page cache keeps the reads cheap, and the kernel, not this program, decides what stays in
//! memory.
//!
//! The file is in the site folder (its disk; a `/tmp` in memory would hold it in memory again)
//! and is removed as soon as it is open, so no run, killed or not, leaves it behind.

use crate::failure::Failure;
use std::fs::{File, OpenOptions};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use trimova_core::ArticleSummary;

/// Where the file is while it is opened (one run at a time holds the site's lock).
const FILE: &str = ".trimova-summaries";

/// Where one summary is in the file.
#[derive(Clone, Copy, Debug)]
pub struct Kept {
    at: u64,
    len: u32,
}

pub struct Summaries {
    file: File,
    /// The end of what is written or reserved.
    end: AtomicU64,
    /// Where each article's summary is, by its place among this run's records (sorted by id).
    at: Vec<Option<Kept>>,
}

impl Summaries {
    /// An empty store in `dist` for the summaries of `articles` records.
    pub fn new(dist: &Path, articles: usize) -> Result<Summaries, Failure> {
        let path = dist.join(FILE);
        let describe = |e: std::io::Error| crate::write::describe(&path, &e);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)
            .map_err(describe)?;
        std::fs::remove_file(&path).map_err(describe)?;
        Ok(Summaries {
            file,
            end: AtomicU64::new(0),
            at: vec![None; articles],
        })
    }

    /// Writes `summary`, from any thread; the caller says where it goes with [`Summaries::set`].
    pub fn put(&self, summary: &ArticleSummary) -> Result<Kept, Failure> {
        let bytes = serde_json::to_vec(summary).expect("a summary serialises");
        let len = bytes.len() as u32;
        let at = self.end.fetch_add(u64::from(len), Ordering::Relaxed);
        self.file
            .write_all_at(&bytes, at)
            .map_err(|e| crate::write::describe(Path::new(FILE), &e))?;
        Ok(Kept { at, len })
    }

    /// Records that the summary of the record at `position` is `kept`.
    pub fn set(&mut self, position: usize, kept: Kept) {
        self.at[position] = Some(kept);
    }

    /// Whether the summary of the record at `position` is here.
    pub fn has(&self, position: usize) -> bool {
        self.at[position].is_some()
    }

    /// The summary of the record at `position`, if it was kept.
    pub fn get(&self, position: usize) -> Result<Option<ArticleSummary>, Failure> {
        let Some(Kept { at, len }) = self.at[position] else {
            return Ok(None);
        };
        let mut bytes = vec![0; len as usize];
        self.file
            .read_exact_at(&mut bytes, at)
            .map_err(|e| crate::write::describe(Path::new(FILE), &e))?;
        let summary = serde_json::from_slice(&bytes)
            .map_err(|e| format!("{FILE}: a summary cannot be read back: {e}"))?;
        Ok(Some(summary))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rayon::prelude::*;
    use trimova_core::article::parse_article;

    fn summary(id: &str, title: &str) -> ArticleSummary {
        let json = format!(
            r#"{{"format":"trimova.article/1","id":"{id}","published":"2026-01-02T03:04:05Z",
            "original":"uk","editions":{{"uk":{{"title":"{title}","lead":"Лід","body":[]}}}}}}"#
        );
        ArticleSummary::of(&parse_article(&json, Some(id)).unwrap())
    }

    #[test]
    fn summaries_put_from_many_threads_read_back_as_they_were_and_leave_no_file() {
        let dir = std::env::temp_dir().join(format!("trimova-summaries-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut store = Summaries::new(&dir, 200).unwrap();
        let written: Vec<(usize, ArticleSummary)> = (0..200)
            .filter(|p| p % 3 != 0)
            .map(|p| {
                (
                    p,
                    summary(&format!("a{p}"), &format!("Заголовок «{p}» ʼ\\\" <b>")),
                )
            })
            .collect();
        let kept: Vec<(usize, Kept)> = written
            .par_iter()
            .map(|(p, s)| (*p, store.put(s).unwrap()))
            .collect();
        for (p, k) in kept {
            store.set(p, k);
        }
        for (p, s) in &written {
            assert_eq!(store.get(*p).unwrap().as_ref(), Some(s));
        }
        assert!(!store.has(0) && store.get(3).unwrap().is_none());
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            0,
            "the file is gone"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
