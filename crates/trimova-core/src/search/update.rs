//! Keeping the index: a full build, and an update that reads and writes only the nodes a change
//! touches (and their ancestors), ending with the files the full build writes.
//!
//! Files are reached through a [`Store`] (the site folder for the command line, a map in tests).
//! Each node is written twice: published (`search/t/…`, the best postings) and in the
//! publisher's state (`.trimova-search/t/…`, every posting), which is what an update reads.

use super::index::{
    by_next_letter, layout, month_of, month_pages, month_path, months_folder, node_name, node_path,
    paged_terms, Entry, Key, Node, Posting, NODE_LIMIT,
};
use std::collections::{BTreeMap, BTreeSet};

/// Where the publisher's own part of the index lives, never fetched by a browser.
pub const STATE: &str = ".trimova-search";

/// Files by path relative to the site folder.
pub trait Store {
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, String>;
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), String>;
    fn remove(&mut self, path: &str) -> Result<(), String>;
    /// Removes a folder and everything in it (nothing if it is not there).
    fn remove_dir(&mut self, path: &str) -> Result<(), String>;
}

/// Which of a node's month pages to write.
enum Months {
    /// All of them, the folder emptied first: the node is new, or which of its terms are paged
    /// changed.
    All,
    /// Those of the terms and months a change touched (one that has nothing left is removed).
    Touched(BTreeSet<(String, u32)>),
}

fn state_path(prefix: &str) -> String {
    format!("{STATE}/t/{}", node_name(prefix))
}

/// Where an article's indexed terms are kept, by id.
pub fn indexed_path(id: &str) -> String {
    format!("{STATE}/a/{id}.bin")
}

/// What changes for one term: the articles that lose it, and the postings it gains (an article
/// whose impact changed is in both).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermChange {
    pub removed: Vec<Key>,
    pub added: Vec<Posting>,
}

/// Every term a change touches.
pub type Changes = BTreeMap<String, TermChange>;

/// An article as the index holds it: its key and its terms with their impacts. The publisher
/// keeps the terms of every article ([`indexed_path`], without the key, which follows from the
/// archive), so that when the article changes or goes its old postings can be taken out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Indexed {
    pub key: Key,
    /// Sorted by term.
    pub terms: Vec<(String, u8)>,
}

/// An article's terms as the publisher keeps them.
pub fn encode_terms(terms: &[(String, u8)]) -> Vec<u8> {
    postcard::to_allocvec(terms).expect("an article's terms always encode")
}

pub fn decode_terms(bytes: &[u8]) -> Result<Vec<(String, u8)>, postcard::Error> {
    postcard::from_bytes(bytes)
}

/// Adds to `changes` what it takes to go from `before` to `after` (either may be absent: an
/// article added or removed). Nothing, when they are the same.
pub fn diff(before: Option<&Indexed>, after: Option<&Indexed>, changes: &mut Changes) {
    if before == after {
        return;
    }
    if let Some(before) = before {
        for (term, _) in &before.terms {
            changes
                .entry(term.clone())
                .or_default()
                .removed
                .push(before.key);
        }
    }
    if let Some(after) = after {
        for (term, impact) in &after.terms {
            changes
                .entry(term.clone())
                .or_default()
                .added
                .push(Posting {
                    key: after.key,
                    impact: *impact,
                });
        }
    }
}

/// Every term's entry from its postings (in any order): sorted by term, postings newest first.
/// What a full build writes from.
pub fn entries(terms: impl IntoIterator<Item = (String, Vec<Posting>)>) -> Vec<Entry> {
    let mut out: Vec<Entry> = terms
        .into_iter()
        .map(|(term, mut postings)| {
            postings.sort_unstable_by_key(|p| std::cmp::Reverse(p.key));
            Entry {
                term,
                articles: postings.len() as u32,
                postings,
                months: Vec::new(),
            }
        })
        .collect();
    out.sort_unstable_by(|a, b| a.term.cmp(&b.term));
    out
}

/// Writes the whole index from `entries` (every term, sorted, with all its postings newest
/// first). The caller clears the old nodes first.
pub fn build(store: &mut dyn Store, entries: Vec<Entry>) -> Result<(), String> {
    let mut nodes = Vec::new();
    layout("", entries, &mut nodes);
    for (prefix, node) in nodes {
        write_node(store, &prefix, &node, Months::All)?;
    }
    Ok(())
}

/// Applies `changes` to the index in `store`, by the size of the change.
pub fn update(store: &mut dyn Store, changes: Changes) -> Result<(), String> {
    apply(store, "", changes.into_iter().collect(), true).map(|_| ())
}

/// Applies `changes` (sorted by term, all beginning with `prefix`) under the node for `prefix`,
/// and returns the published size of what is under it now.
fn apply(
    store: &mut dyn Store,
    prefix: &str,
    changes: Vec<(String, TermChange)>,
    root: bool,
) -> Result<u32, String> {
    let touched: BTreeSet<(String, u32)> = changes
        .iter()
        .flat_map(|(term, c)| {
            let keys = c
                .removed
                .iter()
                .copied()
                .chain(c.added.iter().map(|p| p.key));
            keys.map(move |k| (term.clone(), month_of(k)))
        })
        .collect();
    let (entries, paged_before) = match read_node(store, prefix)? {
        None => (merge(Vec::new(), changes), None),
        Some(Node::Leaf(entries)) => {
            let paged: Vec<String> = entries
                .iter()
                .filter(|e| e.is_paged())
                .map(|e| e.term.clone())
                .collect();
            (merge(entries, changes), Some(paged))
        }
        Some(Node::Split { own, children, .. }) => {
            match apply_to_split(store, prefix, own, children, changes, touched.clone())? {
                Applied::StillSplit(size) => return Ok(size),
                Applied::Folded(entries) => (entries, None),
            }
        }
    };
    if entries.is_empty() && !root {
        remove_node(store, prefix)?;
        return Ok(0);
    }
    let mut nodes = Vec::new();
    let size = layout(prefix, entries, &mut nodes);
    // A leaf that stays a leaf, with the same terms paged: only the months the change touched.
    let in_place = match (&paged_before, nodes.as_slice()) {
        (Some(before), [(_, node @ Node::Leaf(_))]) => paged_terms(node) == *before,
        _ => false,
    };
    for (p, node) in nodes {
        let months = if in_place {
            Months::Touched(touched.clone())
        } else {
            Months::All
        };
        write_node(store, &p, &node, months)?;
    }
    Ok(size)
}

/// What became of a split node a change was applied to.
enum Applied {
    /// Still a split, written, of this size.
    StillSplit(u32),
    /// Small enough again: everything under it, to fold back into one leaf.
    Folded(Vec<Entry>),
}

/// Applies `changes` under a split node: its own term's, and each child's in turn.
fn apply_to_split(
    store: &mut dyn Store,
    prefix: &str,
    own: Option<Entry>,
    children: Vec<(char, u32)>,
    changes: Vec<(String, TermChange)>,
    touched: BTreeSet<(String, u32)>,
) -> Result<Applied, String> {
    let own_paged = own.as_ref().is_some_and(Entry::is_paged);
    let (own_changes, groups) = by_next_letter(changes, prefix, |(term, _)| term);
    let own = merge(own.into_iter().collect(), own_changes).pop();
    let mut sizes: BTreeMap<char, u32> = children.into_iter().collect();
    for (c, group) in groups {
        match apply(store, &format!("{prefix}{c}"), group, false)? {
            0 => sizes.remove(&c),
            size => sizes.insert(c, size),
        };
    }
    let size = own.as_ref().map_or(0, Entry::size) + sizes.values().sum::<u32>();
    if size as usize > NODE_LIMIT {
        let months = if own.as_ref().is_some_and(Entry::is_paged) == own_paged {
            Months::Touched(touched)
        } else {
            Months::All
        };
        let node = Node::Split {
            size,
            own,
            children: sizes.into_iter().collect(),
        };
        write_node(store, prefix, &node, months)?;
        return Ok(Applied::StillSplit(size));
    }
    let mut entries: Vec<Entry> = own.into_iter().collect();
    for c in sizes.keys() {
        gather(store, &format!("{prefix}{c}"), &mut entries)?;
    }
    entries.sort_by(|a, b| a.term.cmp(&b.term));
    Ok(Applied::Folded(entries))
}

/// Moves every entry under `prefix` into `into`, removing the nodes they were in.
fn gather(store: &mut dyn Store, prefix: &str, into: &mut Vec<Entry>) -> Result<(), String> {
    match read_node(store, prefix)? {
        None => {}
        Some(Node::Leaf(entries)) => into.extend(entries),
        Some(Node::Split { own, children, .. }) => {
            into.extend(own);
            for (c, _) in children {
                gather(store, &format!("{prefix}{c}"), into)?;
            }
        }
    }
    remove_node(store, prefix)
}

/// `entries` (sorted) with `changes` (sorted) applied; terms no article has any more are gone.
fn merge(entries: Vec<Entry>, changes: Vec<(String, TermChange)>) -> Vec<Entry> {
    let mut out = Vec::with_capacity(entries.len() + changes.len());
    let mut entries = entries.into_iter().peekable();
    for (term, change) in changes {
        while let Some(e) = entries.next_if(|e| e.term < term) {
            out.push(e);
        }
        let mut entry = entries.next_if(|e| e.term == term).unwrap_or(Entry {
            term,
            articles: 0,
            postings: Vec::new(),
            months: Vec::new(),
        });
        let mut replaced = change.removed;
        replaced.extend(change.added.iter().map(|p| p.key));
        replaced.sort_unstable();
        entry
            .postings
            .retain(|p| replaced.binary_search(&p.key).is_err());
        entry.postings.extend(change.added);
        entry.postings.sort_by_key(|p| std::cmp::Reverse(p.key));
        entry.articles = entry.postings.len() as u32;
        if !entry.postings.is_empty() {
            out.push(entry);
        }
    }
    out.extend(entries);
    out
}

fn read_node(store: &dyn Store, prefix: &str) -> Result<Option<Node>, String> {
    let path = state_path(prefix);
    match store.read(&path)? {
        None => Ok(None),
        Some(bytes) => Node::decode(&bytes)
            .map(Some)
            .map_err(|e| format!("{path}: the search index's state is damaged ({e})")),
    }
}

fn write_node(
    store: &mut dyn Store,
    prefix: &str,
    node: &Node,
    months: Months,
) -> Result<(), String> {
    store.write(&node_path(prefix), &node.published().encode())?;
    store.write(&state_path(prefix), &node.encode())?;
    let mut pages = month_pages(node);
    match months {
        Months::All => {
            store.remove_dir(&months_folder(prefix))?;
            for ((term, month), page) in pages {
                store.write(&month_path(prefix, &term, month), &page.encode())?;
            }
        }
        Months::Touched(touched) => {
            for (term, month) in touched {
                let path = month_path(prefix, &term, month);
                match pages.remove(&(term, month)) {
                    Some(page) => store.write(&path, &page.encode())?,
                    None => store.remove(&path)?,
                }
            }
        }
    }
    Ok(())
}

fn remove_node(store: &mut dyn Store, prefix: &str) -> Result<(), String> {
    store.remove(&node_path(prefix))?;
    store.remove(&state_path(prefix))?;
    store.remove_dir(&months_folder(prefix))
}

#[cfg(test)]
mod tests;
