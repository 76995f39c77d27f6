//! Keeping the index: a full build, and an update that reads and writes only the nodes and month
//! pages a change touches (and the nodes' ancestors), ending with the files the full build writes.
//!
//! Files are reached through a [`Store`] (the site folder for the command line, a map in tests).
//! The index holds nothing but what the browser reads (see [`super::index`]): an update starts
//! from the published nodes and month pages.

use super::index::{
    best_of, better, by_next_letter, layout, month_of, month_path, months_folder, newest_first,
    node_path, plan, Entry, Filling, Key, MonthPage, Node, Posting, KEPT, NODE_LIMIT,
};
use std::collections::{BTreeMap, BTreeSet};

/// Files by path relative to the site folder.
pub trait Store {
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, String>;
    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), String>;
    fn remove(&mut self, path: &str) -> Result<(), String>;
    /// Removes a folder and everything in it (nothing if it is not there).
    fn remove_dir(&mut self, path: &str) -> Result<(), String>;
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

/// An article as the index holds it: its key and its terms with their impacts (what
/// [`super::article_terms`] makes of the article as it was published), so that when the article
/// changes or goes its old postings can be taken out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Indexed {
    pub key: Key,
    /// Sorted by term.
    pub terms: super::Terms,
}

/// Adds to `changes` what it takes to go from `before` to `after` (either may be absent: an
/// article added or removed): for an article that keeps its key, only the terms whose impact
/// changed, came or went (an edit to a title touches the title's words, not the body's).
pub fn diff(before: Option<&Indexed>, after: Option<&Indexed>, changes: &mut Changes) {
    let empty = Vec::new();
    let same_key = matches!((before, after), (Some(b), Some(a)) if a.key == b.key);
    let old = before.map_or(&empty, |b| &b.terms);
    let new = after.map_or(&empty, |a| &a.terms);
    let (mut old, mut new) = (old.iter().peekable(), new.iter().peekable());
    loop {
        let (take_old, take_new) = match (old.peek(), new.peek()) {
            (None, None) => break,
            (Some(_), None) => (true, false),
            (None, Some(_)) => (false, true),
            (Some((a, _)), Some((b, _))) => (a <= b, b <= a),
        };
        let (was, is) = (
            take_old.then(|| old.next()).flatten(),
            take_new.then(|| new.next()).flatten(),
        );
        if same_key && was == is {
            continue;
        }
        if let (Some((term, _)), Some(before)) = (was, before) {
            changes
                .entry(term.clone())
                .or_default()
                .removed
                .push(before.key);
        }
        if let (Some((term, impact)), Some(after)) = (is, after) {
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

/// Writes the whole index from every term's postings (in any order). The caller clears the old
/// files first.
pub fn build(
    store: &mut dyn Store,
    terms: impl IntoIterator<Item = (String, Vec<Posting>)>,
) -> Result<(), String> {
    let mut entries = Vec::new();
    for (term, postings) in terms {
        entries.push(build_term(store, term, postings)?);
    }
    build_nodes(store, entries)
}

/// A full build's first step for one term, independent of every other term's (so a caller
/// may take the terms on several cores): writes its month pages, if it has them, and returns
/// its entry for [`build_nodes`].
pub fn build_term(
    store: &mut dyn Store,
    term: String,
    postings: Vec<Posting>,
) -> Result<Entry, String> {
    let (entry, pages) = Entry::from_all(term, postings);
    write_pages(store, &entry.term, pages)?;
    Ok(entry)
}

/// A full build's last step: every term's entry (in any order) into the nodes.
pub fn build_nodes(store: &mut dyn Store, mut entries: Vec<Entry>) -> Result<(), String> {
    entries.sort_unstable_by(|a, b| a.term.cmp(&b.term));
    let terms: Vec<(String, u32)> = entries.iter().map(|e| (e.term.clone(), e.size())).collect();
    let terms: Vec<(&str, u32)> = terms.iter().map(|(t, s)| (t.as_str(), *s)).collect();
    build_nodes_from(store, &terms, entries.into_iter().map(Ok))
}

/// A full build's last step for entries too many to hold at once: `terms` are every term, sorted,
/// with the size of its entry ([`Entry::size`]); `entries` yields those entries in the same
/// order, each read once, when its node is written.
pub fn build_nodes_from(
    store: &mut dyn Store,
    terms: &[(&str, u32)],
    entries: impl Iterator<Item = Result<Entry, String>>,
) -> Result<(), String> {
    let mut planned = Vec::new();
    plan("", terms, &mut planned);
    let mut filling = Filling::new(entries);
    for node in planned {
        let (prefix, node) = filling.fill(node)?;
        write_node(store, &prefix, &node)?;
    }
    Ok(())
}

/// Applies `changes` to the index in `store`, by the size of the change.
pub fn update(store: &mut dyn Store, changes: Changes) -> Result<(), String> {
    apply(store, "", changes.into_iter().collect(), true).map(|_| ())
}

/// Applies `changes` (sorted by term, all beginning with `prefix`) under the node for `prefix`,
/// and returns the size of what is under it now.
fn apply(
    store: &mut dyn Store,
    prefix: &str,
    changes: Vec<(String, TermChange)>,
    root: bool,
) -> Result<u32, String> {
    let entries = match read_node(store, prefix)? {
        None => merge(store, Vec::new(), changes)?,
        Some(Node::Leaf(entries)) => merge(store, entries, changes)?,
        Some(Node::Split { own, children, .. }) => {
            match apply_to_split(store, prefix, own, children, changes)? {
                Applied::StillSplit(size) => return Ok(size),
                Applied::Folded(entries) => entries,
            }
        }
    };
    if entries.is_empty() && !root {
        store.remove(&node_path(prefix))?;
        return Ok(0);
    }
    let mut nodes = Vec::new();
    let size = layout(prefix, entries, &mut nodes);
    for (p, node) in nodes {
        write_node(store, &p, &node)?;
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
) -> Result<Applied, String> {
    let (own_changes, groups) = by_next_letter(changes, prefix, |(term, _)| term);
    let own = merge(store, own.into_iter().collect(), own_changes)?.pop();
    let mut sizes: BTreeMap<char, u32> = children.into_iter().collect();
    for (c, group) in groups {
        match apply(store, &format!("{prefix}{c}"), group, false)? {
            0 => sizes.remove(&c),
            size => sizes.insert(c, size),
        };
    }
    let size = own.as_ref().map_or(0, Entry::size) + sizes.values().sum::<u32>();
    if size as usize > NODE_LIMIT {
        let node = Node::Split {
            size,
            own,
            children: sizes.into_iter().collect(),
        };
        write_node(store, prefix, &node)?;
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
    store.remove(&node_path(prefix))
}

/// `entries` (sorted) with `changes` (sorted) applied; terms no article has any more are gone.
fn merge(
    store: &mut dyn Store,
    entries: Vec<Entry>,
    changes: Vec<(String, TermChange)>,
) -> Result<Vec<Entry>, String> {
    let mut out = Vec::with_capacity(entries.len() + changes.len());
    let mut entries = entries.into_iter().peekable();
    for (term, change) in changes {
        while let Some(e) = entries.next_if(|e| e.term < term) {
            out.push(e);
        }
        let entry = entries.next_if(|e| e.term == term).unwrap_or(Entry {
            term,
            articles: 0,
            postings: Vec::new(),
            months: Vec::new(),
        });
        out.extend(apply_to_term(store, entry, change)?);
    }
    out.extend(entries);
    Ok(out)
}

/// One term's entry (and month pages) with `change` applied; none if no article has it now.
fn apply_to_term(
    store: &mut dyn Store,
    mut entry: Entry,
    change: TermChange,
) -> Result<Option<Entry>, String> {
    // Every article the change concerns loses its old posting; those in `added` get a new one.
    let mut replaced = change.removed;
    replaced.extend(change.added.iter().map(|p| p.key));
    replaced.sort_unstable();
    replaced.dedup();
    let gone = |p: &Posting| replaced.binary_search(&p.key).is_ok();
    if !entry.is_paged() {
        // Every posting is at hand.
        let mut all = entry.postings;
        all.retain(|p| !gone(p));
        all.extend(change.added);
        if all.is_empty() {
            return Ok(None);
        }
        // (Past KEPT articles now: its pages are written for the first time.)
        let (entry, pages) = Entry::from_all(entry.term, all);
        write_pages(store, &entry.term, pages)?;
        return Ok(Some(entry));
    }
    // A paged term: only the months the change touches, each page read, edited and written back.
    let mut months: BTreeSet<u32> = entry.months.iter().copied().collect();
    let touched: BTreeSet<u32> = replaced.iter().map(|&k| month_of(k)).collect();
    let mut edited: BTreeMap<u32, MonthPage> = BTreeMap::new();
    for month in touched {
        let mut page = if months.contains(&month) {
            read_month(store, &entry.term, month)?
        } else {
            MonthPage::default()
        };
        let before = page.postings.len() as u32;
        page.postings.retain(|p| !gone(p));
        page.postings
            .extend(change.added.iter().filter(|p| month_of(p.key) == month));
        newest_first(&mut page.postings);
        entry.articles = entry.articles - before + page.postings.len() as u32;
        let path = month_path(&entry.term, month);
        if page.postings.is_empty() {
            store.remove(&path)?;
            months.remove(&month);
        } else {
            store.write(&path, &page.encode())?;
            months.insert(month);
        }
        edited.insert(month, page);
    }
    if !entry.is_paged() {
        // Down to a few articles: every posting goes back into the node, and the pages go.
        let all = all_postings(store, &entry.term, &months, &edited)?;
        store.remove_dir(&months_folder(&entry.term))?;
        return Ok(Some(Entry::from_all(entry.term, all).0));
    }
    // The best stay the best unless one of them went: every posting not among them ranks below
    // the last of them, so the new best are among the old ones left and the added ones that rank
    // above it. Only when too few are is every page read again.
    let last = entry.postings.iter().copied().max_by(better);
    let mut best: Vec<Posting> = entry
        .postings
        .iter()
        .copied()
        .filter(|p| !gone(p))
        .collect();
    best.extend(
        change
            .added
            .iter()
            .filter(|p| last.is_some_and(|last| better(p, &last).is_le())),
    );
    entry.postings = if best.len() >= KEPT {
        best_of(best)
    } else {
        best_of(all_postings(store, &entry.term, &months, &edited)?)
    };
    entry.months = months.into_iter().collect();
    Ok(Some(entry))
}

/// Every posting of a paged term: its pages in `months`, those just edited taken as they are.
fn all_postings(
    store: &dyn Store,
    term: &str,
    months: &BTreeSet<u32>,
    edited: &BTreeMap<u32, MonthPage>,
) -> Result<Vec<Posting>, String> {
    let mut all = Vec::new();
    for &month in months {
        match edited.get(&month) {
            Some(page) => all.extend(&page.postings),
            None => all.extend(read_month(store, term, month)?.postings),
        }
    }
    Ok(all)
}

fn write_pages(
    store: &mut dyn Store,
    term: &str,
    pages: BTreeMap<u32, MonthPage>,
) -> Result<(), String> {
    for (month, page) in pages {
        store.write(&month_path(term, month), &page.encode())?;
    }
    Ok(())
}

fn read_month(store: &dyn Store, term: &str, month: u32) -> Result<MonthPage, String> {
    let path = month_path(term, month);
    match store.read(&path)? {
        None => Err(format!("{path}: missing; the search index is damaged")),
        Some(bytes) => MonthPage::decode(&bytes)
            .map_err(|e| format!("{path}: the search index is damaged ({e})")),
    }
}

fn read_node(store: &dyn Store, prefix: &str) -> Result<Option<Node>, String> {
    let path = node_path(prefix);
    match store.read(&path)? {
        None => Ok(None),
        Some(bytes) => Node::decode(&bytes)
            .map(Some)
            .map_err(|e| format!("{path}: the search index is damaged ({e})")),
    }
}

fn write_node(store: &mut dyn Store, prefix: &str, node: &Node) -> Result<(), String> {
    store.write(&node_path(prefix), &node.encode())
}

#[cfg(test)]
mod tests;
