//! What `trimova pages` rendered last time (`DIST/.trimova-pages`, postcard): each article
//! file's content hash and the edition pages it produced, and a fingerprint of the inputs of
//! every other output, so the next run renders only what a change touches.

use crate::failure::Failure;
use crate::write::{write_whole, Durability};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use trimova_core::Lang;

/// (2: records in a list sorted by id, hashes as numbers, times parsed once.)
const FORMAT: &str = "trimova.pages/4";
pub const FILE: &str = ".trimova-pages";

#[derive(Default, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    /// The app shell, the site and this program: when any changes, everything is rendered again.
    pub stamp: String,
    /// Sorted by id. A list, not a map: every run walks it beside the sorted folder listing, and
    /// reading 100,000 records into a map costs more than the rest of a small run.
    pub articles: Vec<(String, Record)>,
    /// Every other output (a list page's folder, a sitemap, a feed) and the fingerprint of what
    /// it was rendered from.
    pub outputs: BTreeMap<String, String>,
}

/// One article file as it was rendered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Size and modification time: when both are as recorded the file is not read again (as
    /// git's index does); otherwise its hash decides.
    pub len: u64,
    pub mtime_ns: u64,
    pub hash: u128,
    pub published: String,
    /// `published` in seconds since the epoch, parsed once, when the file changed.
    pub published_at: i64,
    /// `updated`, or else `published`.
    pub modified: String,
    pub modified_at: i64,
    pub tags: Vec<String>,
    /// The human editions, each of which produced `<lang>/<id>/index.html`.
    #[serde(with = "langs")]
    pub pages: Vec<Lang>,
}

impl Record {
    /// The edition pages this article produced, relative to the site folder.
    pub fn outputs(&self, id: &str) -> impl Iterator<Item = PathBuf> + '_ {
        let id = id.to_string();
        self.pages
            .iter()
            .map(move |l| Path::new(l.code()).join(&id).join("index.html"))
    }
}

impl Manifest {
    pub fn new(stamp: String) -> Manifest {
        Manifest {
            format: FORMAT.into(),
            stamp,
            ..Manifest::default()
        }
    }

    /// The manifest in `dist`, if there is a readable one of this format and `stamp`.
    pub fn read(dist: &Path, stamp: &str) -> Option<Manifest> {
        let bytes = std::fs::read(dist.join(FILE)).ok()?;
        // One that cannot be read (another version, a damaged disk) means a full build.
        let manifest: Manifest = postcard::from_bytes(&bytes).ok()?;
        (manifest.format == FORMAT && manifest.stamp == stamp).then_some(manifest)
    }

    pub fn write(&self, dist: &Path) -> Result<(), Failure> {
        let bytes = postcard::to_stdvec(self).expect("a manifest always serialises");
        write_whole(&dist.join(FILE), &bytes, Durability::Now)
    }
}

/// Languages as one byte, a bit for each of `Lang::ALL` (postcard, a format without names,
/// cannot write `Lang`, which reads itself only from its code).
mod langs {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use trimova_core::Lang;

    pub fn serialize<S: Serializer>(langs: &[Lang], s: S) -> Result<S::Ok, S::Error> {
        let bits = Lang::ALL
            .iter()
            .enumerate()
            .filter(|(_, l)| langs.contains(l))
            .fold(0u8, |bits, (i, _)| bits | 1 << i);
        bits.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Lang>, D::Error> {
        let bits = u8::deserialize(d)?;
        Ok(Lang::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| bits & 1 << i != 0)
            .map(|(_, l)| *l)
            .collect())
    }
}

/// A hash of a sequence of strings (each length-prefixed, so no two sequences collide by
/// concatenation). The parts are gathered and hashed once: a streaming hasher fed 300,000 ids
/// a run spends more time copying them into its buffer than hashing.
#[derive(Default, Clone)]
pub struct Fingerprint(Vec<u8>);

impl Fingerprint {
    pub fn add(&mut self, part: &str) -> &mut Self {
        self.0.extend_from_slice(&(part.len() as u64).to_le_bytes());
        self.0.extend_from_slice(part.as_bytes());
        self
    }

    pub fn hash(&mut self, hash: u128) -> &mut Self {
        self.0.extend_from_slice(&hash.to_le_bytes());
        self
    }

    pub fn finish(&self) -> String {
        format!("{:032x}", xxhash_rust::xxh3::xxh3_128(&self.0))
    }
}

/// The content hash of a file's bytes.
pub fn content_hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}
