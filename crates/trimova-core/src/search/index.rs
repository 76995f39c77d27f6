//! The index's files: a term dictionary split into nodes by the terms' first letters, each node
//! a small file the browser fetches only for the words it is asked for.
//!
//! # Layout (under the site folder)
//! - `search/t/x<hex>.bin`: the node for the terms that begin with the prefix whose UTF-8 bytes
//!   are `<hex>` (`x.bin` is the root, every term). A node is a **leaf** (its terms, each with
//!   how many articles have it and its best postings) while its terms fit in [`NODE_LIMIT`]
//!   bytes; past that it is a **split**: the term equal to its prefix, if any, and one child per
//!   next letter, each a node of its own. A query word walks from the root to its leaf (a few
//!   small requests, the upper ones cached), so no file grows with the archive: a growing
//!   dictionary splits into more nodes, not bigger ones.
//! - `search/m/<term hex>/<YYYY-MM>.bin`: for a term in more than [`KEPT`] articles, every
//!   posting of one month ([`MonthPage`]); its node holds only its best [`KEPT`] by impact (newest
//!   first among equals) and the months that have a page. A query answers from the best, and
//!   reads month pages, newest first, only when asked for more or filtered by month.
//! - `search/d/<key>.json`: one article's summary as results show it ([`Doc`]).
//! - `search/meta.json`: the number of articles, which the rarity of a term is measured against.
//!
//! Nothing else is kept for the index: what a changed article takes out is worked out again
//! from the article as it was published (the command line reads it from its pages), and an
//! update reads the nodes and month pages a change touches and writes them back. Publishing an
//! article costs a few small files per term, whatever the term's number of articles; only when
//! one of a term's best postings goes are its month pages read to choose the best again.
//!
//! # Why this shape
//! Every file is a function of the archive as it is, not of its history: which nodes exist
//! depends only on the terms and their postings, and a posting's impact only on its own article
//! ([`super::rank::impact`]). So a publish rewrites the nodes of the terms it touches and their
//! ancestors, and ends with the files a full build writes, byte for byte.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const FORMAT: &str = "trimova.search/3";

/// A node's terms, encoded, in bytes, past which it splits (the most a word's lookup fetches of
/// its leaf, before compression). Tests use a small one, so that a few articles split nodes.
#[cfg(not(test))]
pub const NODE_LIMIT: usize = 12 * 1024;
#[cfg(test)]
pub const NODE_LIMIT: usize = 700;

/// Postings a term keeps in the published index: its best by impact. (Tests: a few, so that
/// choosing the best is exercised.)
#[cfg(not(test))]
pub const KEPT: usize = 200;
#[cfg(test)]
pub const KEPT: usize = 6;

/// An article as the index knows it: roughly when it was published, in seconds since the epoch
/// (see [`article_keys`]), so recency needs no lookup.
pub type Key = u32;

/// One article that has a term, and how much the term matters in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub key: Key,
    pub impact: u8,
}

/// A term and its postings, as a node holds it (the browser reads it, and an update starts from
/// it). A term in at most [`KEPT`] articles has all its postings here; one in more has its best
/// [`KEPT`], and every posting is in its month pages ([`month_path`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub term: String,
    /// How many articles have the term.
    pub articles: u32,
    /// Newest first; written as the first key and then the steps down to each next one.
    #[serde(with = "descending")]
    pub postings: Vec<Posting>,
    /// For a term with more articles than [`KEPT`]: the months ([`month_of`]) that have a page of
    /// its postings, oldest first.
    #[serde(default, with = "ascending")]
    pub months: Vec<u32>,
}

/// Whether `a` ranks before `b` among a term's postings: the higher impact, then the newer (keys
/// are unique, so the order is total).
pub fn better(a: &Posting, b: &Posting) -> std::cmp::Ordering {
    b.impact.cmp(&a.impact).then(b.key.cmp(&a.key))
}

impl Entry {
    /// The entry of a term from all its postings (in any order), and, for a term with more than
    /// [`KEPT`], its month pages: what a full build writes, and an update that has them all.
    pub fn from_all(term: String, postings: Vec<Posting>) -> (Entry, BTreeMap<u32, MonthPage>) {
        let pages = if postings.len() > KEPT {
            month_pages(&postings)
        } else {
            BTreeMap::new()
        };
        let entry = Entry {
            term,
            articles: postings.len() as u32,
            postings: best_of(postings),
            months: pages.keys().copied().collect(),
        };
        (entry, pages)
    }

    /// A term whose postings are in month pages, beyond the best held here.
    pub fn is_paged(&self) -> bool {
        self.articles as usize > KEPT
    }

    /// Whether its postings are all of them.
    pub fn is_complete(&self) -> bool {
        self.postings.len() as u32 == self.articles
    }

    /// What the entry adds to its node's size.
    pub fn size(&self) -> u32 {
        postcard::to_allocvec(self).map_or(0, |b| b.len() as u32)
    }
}

/// The best [`KEPT`] of `postings` ([`better`]; all of them if there are no more), newest first,
/// chosen without sorting them all.
pub fn best_of(mut postings: Vec<Posting>) -> Vec<Posting> {
    if postings.len() > KEPT {
        postings.select_nth_unstable_by(KEPT - 1, better);
        postings.truncate(KEPT);
    }
    newest_first(&mut postings);
    postings
}

/// The order postings are kept in, in an entry and in a month page.
pub fn newest_first(postings: &mut [Posting]) {
    postings.sort_unstable_by_key(|p| std::cmp::Reverse(p.key));
}

/// `postings` by month, each month's newest first.
pub fn month_pages(postings: &[Posting]) -> BTreeMap<u32, MonthPage> {
    let mut pages: BTreeMap<u32, MonthPage> = BTreeMap::new();
    for p in postings {
        pages.entry(month_of(p.key)).or_default().postings.push(*p);
    }
    for page in pages.values_mut() {
        newest_first(&mut page.postings);
    }
    pages
}

/// One node of the dictionary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Node {
    /// The terms under this prefix, sorted.
    Leaf(Vec<Entry>),
    Split {
        /// The size of everything under this prefix (what decides, after a change, whether it
        /// folds back into a leaf).
        size: u32,
        /// The term that is this prefix itself.
        own: Option<Entry>,
        /// Each next letter that begins a child, with the child's size.
        children: Vec<(char, u32)>,
    },
}

impl Node {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a node always encodes")
    }

    pub fn decode(bytes: &[u8]) -> Result<Node, postcard::Error> {
        postcard::from_bytes(bytes)
    }

    /// The size of everything under this node.
    pub fn size(&self) -> u32 {
        match self {
            Node::Leaf(entries) => entries.iter().map(Entry::size).sum(),
            Node::Split { size, .. } => *size,
        }
    }
}

/// The file name of the node for `prefix` (its UTF-8 bytes in hex: safe on every host).
pub fn node_name(prefix: &str) -> String {
    format!("{}.bin", node_stem(prefix))
}

fn node_stem(prefix: &str) -> String {
    let mut name = String::with_capacity(1 + 2 * prefix.len());
    name.push('x');
    for b in prefix.bytes() {
        name.push_str(&format!("{b:02x}"));
    }
    name
}

/// A month as the index counts them: months since January 1970, of an article's key (UTC).
pub fn month_of(key: Key) -> u32 {
    let (y, m) = crate::timestamp::month_of(key as i64);
    (y - 1970) as u32 * 12 + (m - 1)
}

/// The keys of a month's articles.
pub fn month_keys(month: u32) -> std::ops::Range<Key> {
    let start = |month: u32| {
        let (y, m) = (1970 + month / 12, month % 12 + 1);
        crate::timestamp::parse_rfc3339(&format!("{y:04}-{m:02}-01T00:00:00Z")).unwrap_or(0) as Key
    };
    start(month)..start(month + 1)
}

/// The folder of a paged term's month pages (named by its UTF-8 bytes in hex), wherever in the
/// dictionary its node is: a node that splits or folds moves no page.
pub fn months_folder(term: &str) -> String {
    let mut hex = String::with_capacity(2 * term.len());
    for b in term.bytes() {
        hex.push_str(&format!("{b:02x}"));
    }
    format!("search/m/{hex}")
}

/// Where a paged term's postings of one month are.
pub fn month_path(term: &str, month: u32) -> String {
    format!(
        "{}/{}-{:02}.bin",
        months_folder(term),
        1970 + month / 12,
        month % 12 + 1
    )
}

/// A paged term's postings in one month, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthPage {
    #[serde(with = "descending")]
    pub postings: Vec<Posting>,
}

impl MonthPage {
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a month page always encodes")
    }

    pub fn decode(bytes: &[u8]) -> Result<MonthPage, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

/// Where the node for `prefix` is, relative to the site folder.
pub fn node_path(prefix: &str) -> String {
    format!("search/t/{}", node_name(prefix))
}

/// Where an article's summary is, relative to the site folder.
pub fn doc_path(key: Key) -> String {
    format!("search/d/{key:08x}.json")
}

pub const META_PATH: &str = "search/meta.json";

/// What the browser reads first: how many articles there are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    pub format: String,
    pub articles: u32,
}

/// An article as a result shows it (what a news list shows, in every edition) and what the
/// filters read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    pub key: Key,
    #[serde(flatten)]
    pub summary: crate::ArticleSummary,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The editions that are machine translations (published in the file): a result shown in
    /// one says so.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub machine: Vec<crate::Lang>,
}

/// The nodes that `entries` (sorted by term, all beginning with `prefix`) make, parents after
/// their children; returns the size of them all. The one definition of the layout: a full build
/// and an update both use it (a full build through [`plan`] and [`Filling`], its entries being
/// too many to hold at once).
pub fn layout(prefix: &str, entries: Vec<Entry>, out: &mut Vec<(String, Node)>) -> u32 {
    // Each entry's size once: a deep node would otherwise measure its entries at every level.
    let sized: Vec<(&str, u32)> = entries
        .iter()
        .map(|e| (e.term.as_str(), e.size()))
        .collect();
    let mut planned = Vec::new();
    let size = plan(prefix, &sized, &mut planned);
    drop(sized);
    let mut filling = Filling::new(entries.into_iter().map(Ok::<Entry, String>));
    for node in planned {
        out.push(filling.fill(node).expect("the entries are at hand"));
    }
    size
}

/// A node as [`plan`] shapes it: its entries by their place in the sorted terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    pub prefix: String,
    pub shape: Shape,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    /// The entries at these places.
    Leaf(std::ops::Range<usize>),
    Split {
        size: u32,
        own: Option<usize>,
        children: Vec<(char, u32)>,
    },
}

/// The nodes that terms of these sizes make (sorted, all beginning with `prefix`), parents after
/// their children, leaves in the order of their terms; returns the size of them all. Needs the
/// terms and their sizes, not their entries.
pub fn plan(prefix: &str, terms: &[(&str, u32)], out: &mut Vec<Planned>) -> u32 {
    let places: Vec<(usize, &str)> = terms.iter().enumerate().map(|(i, t)| (i, t.0)).collect();
    plan_places(prefix, terms, places, out)
}

/// `places`: the terms under `prefix`, each with its place among `terms`.
fn plan_places(
    prefix: &str,
    terms: &[(&str, u32)],
    places: Vec<(usize, &str)>,
    out: &mut Vec<Planned>,
) -> u32 {
    let size: u32 = places.iter().map(|&(i, _)| terms[i].1).sum();
    if size as usize <= NODE_LIMIT {
        let range = places
            .first()
            .map_or(0..0, |&(first, _)| first..first + places.len());
        out.push(Planned {
            prefix: prefix.to_string(),
            shape: Shape::Leaf(range),
        });
        return size;
    }
    let (own, groups) = by_next_letter(places, prefix, |(_, term)| term);
    let children = groups
        .into_iter()
        .map(|(c, group)| {
            let child = format!("{prefix}{c}");
            (c, plan_places(&child, terms, group, out))
        })
        .collect();
    out.push(Planned {
        prefix: prefix.to_string(),
        shape: Shape::Split {
            size,
            own: own.first().map(|&(i, _)| i),
            children,
        },
    });
    size
}

/// Nodes filled, in [`plan`]'s order, from the entries in the order of their terms, read as they
/// are needed: only a split's own entry, read before its children's, waits for its node.
pub struct Filling<I> {
    entries: I,
    read: usize,
    waiting: BTreeMap<usize, Entry>,
}

impl<E: From<String>, I: Iterator<Item = Result<Entry, E>>> Filling<I> {
    pub fn new(entries: I) -> Filling<I> {
        Filling {
            entries,
            read: 0,
            waiting: BTreeMap::new(),
        }
    }

    /// The entry at `place`; an error if the entries end before it (a spill cut short).
    fn take(&mut self, place: usize) -> Result<Entry, E> {
        while self.read <= place {
            let entry = self
                .entries
                .next()
                .ok_or_else(|| E::from(format!("the index's entries end before term {place}")))??;
            self.waiting.insert(self.read, entry);
            self.read += 1;
        }
        Ok(self
            .waiting
            .remove(&place)
            .expect("each planned entry is taken once"))
    }

    /// The node `planned` shapes, with its entries.
    pub fn fill(&mut self, planned: Planned) -> Result<(String, Node), E> {
        let node = match planned.shape {
            Shape::Leaf(range) => {
                Node::Leaf(range.map(|i| self.take(i)).collect::<Result<_, _>>()?)
            }
            Shape::Split {
                size,
                own,
                children,
            } => Node::Split {
                size,
                own: own.map(|i| self.take(i)).transpose()?,
                children,
            },
        };
        Ok((planned.prefix, node))
    }
}

/// Splits `items` (sorted by term, every term beginning with `prefix`) the way a split node
/// does: those whose term is the prefix itself, and the others by the letter after it, in order.
pub fn by_next_letter<T>(
    items: Vec<T>,
    prefix: &str,
    term: impl Fn(&T) -> &str,
) -> (Vec<T>, Vec<(char, Vec<T>)>) {
    let depth = prefix.chars().count();
    let mut own = Vec::new();
    let mut groups: Vec<(char, Vec<T>)> = Vec::new();
    for item in items {
        match term(&item).chars().nth(depth) {
            None => own.push(item),
            Some(c) => match groups.last_mut() {
                Some((last, group)) if *last == c => group.push(item),
                _ => groups.push((c, vec![item])),
            },
        }
    }
    (own, groups)
}

/// Every article's key, in the order given: when it was published, in seconds since the epoch,
/// with articles taken oldest first (then by id) and each moved on past the one before where two
/// share a second. A function of the set of articles, so a full build and an update agree; a
/// change moves only the keys of articles published in the same run of seconds.
pub fn article_keys(articles: &[(i64, &str)]) -> Vec<Key> {
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| articles[a].cmp(&articles[b]));
    let mut keys = vec![0; articles.len()];
    let mut next: i64 = 0;
    for i in order {
        let key = articles[i].0.clamp(next, Key::MAX as i64);
        keys[i] = key as Key;
        next = key + 1;
    }
    keys
}

/// An article's terms, each with its impact: what its postings will be.
pub fn article_postings(terms: super::rank::ArticleTerms) -> super::Terms {
    let lengths = terms.lengths;
    terms
        .counts
        .into_iter()
        .filter_map(|(term, counts)| {
            let impact = super::rank::impact(counts, lengths);
            (impact > 0).then_some((term, impact))
        })
        .collect()
}

/// The term a tag is indexed as: a mark no word can carry, then the tag's slug. A tag filter is
/// then one more term of the query.
pub fn tag_term(slug: &str) -> String {
    format!("#{slug}")
}

/// Postings written newest first as the first key and the steps down to each next key: small
/// numbers, which postcard writes in a byte or two.
mod descending {
    use super::Posting;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(postings: &[Posting], s: S) -> Result<S::Ok, S::Error> {
        let mut previous = None;
        let steps: Vec<(u32, u8)> = postings
            .iter()
            .map(|p| {
                let step = previous.map_or(p.key, |prev: u32| prev.wrapping_sub(p.key));
                previous = Some(p.key);
                (step, p.impact)
            })
            .collect();
        steps.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Posting>, D::Error> {
        let steps = Vec::<(u32, u8)>::deserialize(d)?;
        let mut previous: Option<u32> = None;
        let mut out = Vec::with_capacity(steps.len());
        for (step, impact) in steps {
            let key = match previous {
                None => step,
                Some(prev) => prev
                    .checked_sub(step)
                    .filter(|_| step > 0)
                    .ok_or_else(|| serde::de::Error::custom("postings out of order"))?,
            };
            previous = Some(key);
            out.push(Posting { key, impact });
        }
        Ok(out)
    }
}

/// Ascending numbers written as the first and then the steps up to each next one.
mod ascending {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(values: &[u32], s: S) -> Result<S::Ok, S::Error> {
        let mut previous = 0;
        let steps: Vec<u32> = values
            .iter()
            .map(|v| {
                let step = v.wrapping_sub(previous);
                previous = *v;
                step
            })
            .collect();
        steps.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
        let steps = Vec::<u32>::deserialize(d)?;
        let mut previous: u32 = 0;
        steps
            .into_iter()
            .map(|step| {
                previous = previous
                    .checked_add(step)
                    .ok_or_else(|| serde::de::Error::custom("months out of range"))?;
                Ok(previous)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
