//! Every article's terms as postings by term, for a full build of the search index: gathered
//! from every core while the articles are read, in memory up to a budget, past which what is
//! held is sorted by term and written to a spill file beside the site; at the end the spills and
//! what is still held are merged, term by term in order (the way Lucene and SPIMI build an
//! index). So the postings a build holds at once do not grow with the archive's text.
//!
//! Each posting carries its article's place among the run's records: an article's key is known
//! only once every article has been read. The terms' entries, built from the merge, go to a spill
//! of their own, read back as the dictionary's nodes are written (`search::full_build`).

use crate::failure::Failure;
use rustc_hash::{FxBuildHasher, FxHashMap};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::hash::BuildHasher;
use std::io::{BufReader, BufWriter, ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use trimova_core::search::Terms;

/// A term's postings as gathered: (the article's place among the records, impact).
pub type Postings = Vec<(u32, u8)>;

/// Postings held in memory before they are written to a spill: about 40 MB with their terms'
/// tables. 20,000 generated articles have fewer (nothing is spilled); 100,000 spill twice.
pub const BUDGET: usize = 1 << 22;

/// The folder of the spills, inside the site folder so they are on its disk (a `/tmp` in memory
/// would hold them in memory again); removed when the index is built, and by the next full build
/// of the index after a killed run.
pub const SPILLS: &str = ".trimova-index-spills";

const SHARDS: usize = 64;

/// Some terms, each with its postings.
type Shard = FxHashMap<String, Postings>;

pub struct Gathered {
    shards: Vec<Mutex<Shard>>,
    /// Postings in the shards now.
    held: AtomicUsize,
    budget: usize,
    /// The spills written so far, and the lock of the one thread that writes them (one at a time).
    spills: Mutex<Vec<PathBuf>>,
    folder: PathBuf,
    /// Which records' terms are in (a run that read only some of the files adds the rest).
    added: Vec<AtomicBool>,
}

/// The shard a term goes to (any fixed hash; terms are sorted when they leave).
fn shard_of(term: &str) -> usize {
    FxBuildHasher.hash_one(term) as usize % SHARDS
}

impl Gathered {
    /// Gathers the terms of `articles` records, writing spills into `folder` past `budget`
    /// postings.
    pub fn new(articles: usize, folder: PathBuf, budget: usize) -> Gathered {
        Gathered {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
            held: AtomicUsize::new(0),
            budget,
            spills: Mutex::default(),
            folder,
            added: (0..articles).map(|_| AtomicBool::new(false)).collect(),
        }
    }

    /// Whether the terms of the record at `position` are in.
    pub fn has(&self, position: usize) -> bool {
        self.added[position].load(Ordering::Relaxed)
    }

    /// Adds the terms of the article at `position` among the records; past the budget, writes
    /// what is held to a spill.
    pub fn add(&self, position: usize, terms: Terms) -> Result<(), Failure> {
        // Counted before they are in, so that a spill taking them never counts more out than in.
        let count = terms.len();
        let held = self.held.fetch_add(count, Ordering::Relaxed) + count;
        let mut by_shard: Vec<(usize, String, u8)> = terms
            .into_iter()
            .map(|(term, impact)| (shard_of(&term), term, impact))
            .collect();
        by_shard.sort_unstable_by_key(|(shard, _, _)| *shard);
        let mut terms = by_shard.into_iter().peekable();
        while let Some(&(index, _, _)) = terms.peek() {
            let mut shard = self.shards[index]
                .lock()
                .expect("no thread panics holding it");
            while let Some((_, term, impact)) = terms.next_if(|(i, _, _)| *i == index) {
                let posting = (position as u32, impact);
                match shard.get_mut(&term) {
                    Some(postings) => postings.push(posting),
                    None => {
                        shard.insert(term, vec![posting]);
                    }
                }
            }
        }
        self.added[position].store(true, Ordering::Relaxed);
        if held > self.budget {
            // One thread writes; the others go on adding to the emptied shards.
            if let Ok(mut spills) = self.spills.try_lock() {
                if self.held.load(Ordering::Relaxed) > self.budget {
                    let path = self.folder.join(format!("{}.bin", spills.len()));
                    write_spill(&path, self.take_sorted())?;
                    spills.push(path);
                }
            }
        }
        Ok(())
    }

    /// Everything the shards hold, sorted by term; the shards left empty.
    fn take_sorted(&self) -> Vec<(String, Postings)> {
        let mut all = Vec::new();
        for shard in &self.shards {
            let taken = std::mem::take(&mut *shard.lock().expect("no thread panics holding it"));
            let postings: usize = taken.values().map(Vec::len).sum();
            self.held.fetch_sub(postings, Ordering::Relaxed);
            all.extend(taken);
        }
        all.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        all
    }

    /// Every term with all its postings, in the order of the terms.
    pub fn into_sorted(self) -> Result<Merged, Failure> {
        let held = self.take_sorted();
        let spills = self
            .spills
            .into_inner()
            .expect("no thread panicked holding it");
        let mut sources: Vec<Source> = spills
            .iter()
            .map(|path| Spill::open(path).map(Source::Spill))
            .collect::<Result<_, _>>()?;
        sources.push(Source::Held(held.into_iter()));
        let mut merged = Merged {
            heads: Vec::new(),
            sources,
            order: BinaryHeap::new(),
        };
        for i in 0..merged.sources.len() {
            let head = merged.sources[i].next()?;
            merged.heads.push(None);
            merged.queue(i, head);
        }
        Ok(merged)
    }
}

/// The terms and postings of every spill and of what was held, merged: each term once, in order.
pub struct Merged {
    sources: Vec<Source>,
    /// Each source's next term, taken out of it.
    heads: Vec<Option<Postings>>,
    order: BinaryHeap<Reverse<(String, usize)>>,
}

impl Merged {
    fn queue(&mut self, source: usize, head: Option<(String, Postings)>) {
        if let Some((term, postings)) = head {
            self.heads[source] = Some(postings);
            self.order.push(Reverse((term, source)));
        }
    }
}

impl Iterator for Merged {
    type Item = Result<(String, Postings), Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        let Reverse((term, first)) = self.order.pop()?;
        let mut postings = self.heads[first].take().unwrap_or_default();
        let mut from = vec![first];
        while let Some(Reverse((_, source))) = self.order.peek_mut().and_then(|top| {
            (top.0 .0 == term).then(|| std::collections::binary_heap::PeekMut::pop(top))
        }) {
            postings.extend(self.heads[source].take().unwrap_or_default());
            from.push(source);
        }
        for source in from {
            match self.sources[source].next() {
                Ok(head) => self.queue(source, head),
                Err(e) => return Some(Err(e)),
            }
        }
        Some(Ok((term, postings)))
    }
}

enum Source {
    Spill(Spill),
    Held(std::vec::IntoIter<(String, Postings)>),
}

impl Source {
    fn next(&mut self) -> Result<Option<(String, Postings)>, Failure> {
        match self {
            Source::Spill(spill) => Ok(spill.next()?),
            Source::Held(held) => Ok(held.next()),
        }
    }
}

/// A file of items written in order and read back in order by the same `trimova pages`
/// (postings by term, entries): each item's postcard after its length. A kill leaves it to the
/// next full build of the index, which removes the folder first.
pub struct SpillWriter {
    path: PathBuf,
    out: BufWriter<File>,
}

impl SpillWriter {
    pub fn create(path: &Path) -> Result<SpillWriter, Failure> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| crate::write::describe(folder, &e))?;
        }
        let file = File::create(path).map_err(|e| crate::write::describe(path, &e))?;
        Ok(SpillWriter {
            path: path.to_path_buf(),
            out: BufWriter::with_capacity(1 << 16, file),
        })
    }

    /// Appends an item already encoded with postcard.
    pub fn push_encoded(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        self.out
            .write_all(&(bytes.len() as u32).to_le_bytes())
            .and_then(|()| self.out.write_all(bytes))
            .map_err(|e| crate::write::describe(&self.path, &e).into())
    }

    pub fn push<T: Serialize>(&mut self, item: &T) -> Result<(), Failure> {
        self.push_encoded(&postcard::to_allocvec(item).expect("an item encodes"))
    }

    pub fn finish(mut self) -> Result<(), Failure> {
        self.out
            .flush()
            .map_err(|e| crate::write::describe(&self.path, &e).into())
    }
}

/// A spill as it is read back.
pub struct Spill {
    path: PathBuf,
    reader: BufReader<File>,
    buffer: Vec<u8>,
}

impl Spill {
    pub fn open(path: &Path) -> Result<Spill, Failure> {
        let file = File::open(path).map_err(|e| crate::write::describe(path, &e))?;
        Ok(Spill {
            path: path.to_path_buf(),
            reader: BufReader::with_capacity(1 << 16, file),
            buffer: Vec::new(),
        })
    }

    /// The next item, none at the end.
    pub fn next<T: DeserializeOwned>(&mut self) -> Result<Option<T>, String> {
        let damaged = |e: &dyn std::fmt::Display| format!("{}: {e}", self.path.display());
        let mut length = [0; 4];
        match self.reader.read_exact(&mut length) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::UnexpectedEof => return Ok(None),
            Err(e) => return Err(damaged(&e)),
        }
        self.buffer.resize(u32::from_le_bytes(length) as usize, 0);
        self.reader
            .read_exact(&mut self.buffer)
            .map_err(|e| damaged(&e))?;
        postcard::from_bytes(&self.buffer)
            .map(Some)
            .map_err(|e| damaged(&e))
    }
}

/// Writes `terms` (sorted) to a spill at `path`.
fn write_spill(path: &Path, terms: Vec<(String, Postings)>) -> Result<(), Failure> {
    let mut spill = SpillWriter::create(path)?;
    for item in &terms {
        spill.push(item)?;
    }
    spill.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Article `i`'s terms: a few shared by many articles, a few of its own.
    fn terms_of(i: usize) -> Terms {
        let mut terms: Terms = (0..5)
            .map(|t| (format!("common{}", (i + t) % 7), (i % 250) as u8 + 1))
            .chain((0..3).map(|t| (format!("own{i}-{t}"), 9)))
            .collect();
        terms.sort();
        terms
    }

    fn gather(budget: usize, folder: &Path) -> (Vec<(String, Postings)>, usize) {
        let articles = 500;
        let gathered = Gathered::new(articles, folder.to_path_buf(), budget);
        // In the order several cores would read them: not the records' order.
        for i in (0..articles)
            .rev()
            .step_by(2)
            .chain((0..articles).step_by(2))
        {
            gathered.add(i, terms_of(i)).unwrap();
        }
        let spills = gathered.spills.lock().unwrap().len();
        let mut merged: Vec<(String, Postings)> = gathered
            .into_sorted()
            .unwrap()
            .map(Result::unwrap)
            .collect();
        for (_, postings) in &mut merged {
            postings.sort_unstable();
        }
        (merged, spills)
    }

    #[test]
    fn spills_merge_into_what_memory_alone_gathers() {
        let folder = std::env::temp_dir().join(format!("trimova-spills-{}", std::process::id()));
        let (in_memory, no_spills) = gather(usize::MAX, &folder);
        let (spilled, spills) = gather(100, &folder);
        std::fs::remove_dir_all(&folder).unwrap();
        assert_eq!(no_spills, 0);
        assert!(spills >= 10, "{spills} spills");
        assert_eq!(spilled, in_memory);
        // Each term once, in order, with every article that has it.
        assert!(spilled.windows(2).all(|w| w[0].0 < w[1].0));
        let common0 = &spilled.iter().find(|(t, _)| t == "common0").unwrap().1;
        assert_eq!(
            common0.len(),
            (0..500)
                .filter(|i| (0..5).any(|t| (i + t) % 7 == 0))
                .count()
        );
        assert_eq!(spilled.len(), 7 + 500 * 3);
    }
}
