//! The command line's store of translations already paid for: a journal of one JSON line per
//! segment (`[key, translation]`), appended as they arrive. An interrupted run loses at most the
//! requests in flight, and since nothing is ever rewritten in place, a crash or a full disk can
//! cut only the line being appended (which the next run skips).

use crate::failure::Failure;
use crate::write::{describe, write_whole, Durability};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use trimova_core::translate::job::Store;

pub struct Journal {
    entries: HashMap<String, String>,
    file: Option<std::fs::File>,
    path: PathBuf,
}

impl Journal {
    /// The journal in `dir`; with `writable` false (a dry run) nothing is written.
    pub fn open(dir: &Path, writable: bool) -> Result<Journal, Failure> {
        let path = dir.join("translations.jsonl");
        let mut entries = HashMap::new();
        if let Ok(text) = std::fs::read_to_string(&path) {
            // A line cut short by an interruption is skipped, not fatal.
            for line in text.lines() {
                if let Ok((key, value)) = serde_json::from_str::<(String, String)>(line) {
                    entries.insert(key, value);
                }
            }
        }
        let file = if writable {
            std::fs::create_dir_all(dir).map_err(|e| describe(dir, &e))?;
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .map_err(|e| describe(&path, &e))?;
            // After a line cut short (a kill, a full disk), start the next on a line of its own,
            // so that only the cut one is lost. Lines already there are never rewritten.
            if std::fs::read(&path).is_ok_and(|b| b.last().is_some_and(|c| *c != b'\n')) {
                let _ = writeln!(file);
            }
            Some(file)
        } else {
            None
        };
        Ok(Journal {
            entries,
            file,
            path,
        })
    }

    /// At the end of a run, the journal is rewritten whole (through a temporary file and a
    /// rename) with one line per translation, so it does not grow with reruns. If that cannot be
    /// written the journal stays as it is, which loses nothing.
    pub fn compact(&mut self) {
        if self.file.take().is_none() {
            return;
        }
        let mut keys: Vec<&String> = self.entries.keys().collect();
        keys.sort();
        let mut text = String::new();
        for key in keys {
            let line =
                serde_json::to_string(&(key, &self.entries[key])).expect("strings serialise");
            text.push_str(&line);
            text.push('\n');
        }
        if let Err(e) = write_whole(&self.path, text.as_bytes(), Durability::Now) {
            eprintln!("trimova translate: {e} (the cache is kept as it was)");
        }
    }
}

impl Store for Journal {
    fn get(&mut self, key: &str) -> Option<String> {
        self.entries.get(key).cloned()
    }

    fn put(&mut self, key: String, translation: String) {
        if let Some(file) = &mut self.file {
            let line = serde_json::to_string(&(&key, &translation)).expect("strings serialise");
            // A cache that cannot be written only costs a later run some requests.
            let _ = writeln!(file, "{line}");
        }
        self.entries.insert(key, translation);
    }
}
