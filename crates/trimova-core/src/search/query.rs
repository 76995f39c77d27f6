//! Answering a query from the index's nodes: which nodes a word needs, what it finds in them,
//! and the articles that have every word, best first. The browser fetches; this decides.

use super::analyze::{query_terms, QueryTerm};
use super::index::{Entry, Key, Node};
use super::rank::{by_newest, by_relevance, score, Scored};
use std::collections::HashMap;

/// Words of a query that are read; the rest are ignored (and the reader told).
pub const MAX_WORDS: usize = 8;

/// Characters of a query that are read: a pasted page costs no more than a sentence.
pub const MAX_CHARS: usize = 200;

/// A word still being typed is matched as a prefix from this many letters on.
pub const MIN_PREFIX: usize = 2;

/// Completions of a prefix that are searched (the commonest in its leaf).
pub const MAX_COMPLETIONS: usize = 12;

/// A query as the index is asked it.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    pub words: Vec<QueryTerm>,
    /// The query had more than [`MAX_WORDS`] words or [`MAX_CHARS`] characters.
    pub cut: bool,
}

/// Why a query cannot be asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Nothing but spaces, marks or control characters.
    NoWords,
}

impl Query {
    /// Reads what a reader typed: bounded work whatever its length.
    pub fn parse(typed: &str) -> Result<Query, Refusal> {
        let mut end = typed.len();
        let mut cut = false;
        if let Some((i, _)) = typed.char_indices().nth(MAX_CHARS) {
            end = i;
            cut = true;
        }
        let clean: String = typed[..end]
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let words = query_terms(&clean, MAX_WORDS + 1);
        if words.is_empty() {
            return Err(Refusal::NoWords);
        }
        cut |= words.len() > MAX_WORDS;
        let mut words = words;
        words.truncate(MAX_WORDS);
        Ok(Query { words, cut })
    }

    /// Every string a lookup walks towards: each word's stems and, for a word being typed, the
    /// word itself (its completions).
    pub fn targets(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for w in &self.words {
            for t in w.stems.iter().chain(w.prefix.then_some(&w.word)) {
                if !out.contains(t) {
                    out.push(t.clone());
                }
            }
        }
        out
    }
}

/// The node a lookup for `target` needs after the node for `prefix`, if any: a split node sends
/// it on to the child for its next letter; a leaf has all there is.
pub fn next_node(node: &Node, prefix: &str, target: &str) -> Option<String> {
    let Node::Split { children, .. } = node else {
        return None;
    };
    let next = target.chars().nth(prefix.chars().count())?;
    children
        .iter()
        .any(|(c, _)| *c == next)
        .then(|| format!("{prefix}{next}"))
}

/// What one word finds in the node its lookups ended at (the node for `prefix`).
pub fn matches<'a>(word: &QueryTerm, prefix: &str, node: &'a Node) -> Vec<&'a Entry> {
    let mut found: Vec<&Entry> = Vec::new();
    match node {
        Node::Leaf(entries) => {
            for e in entries {
                if word.stems.contains(&e.term) {
                    found.push(e);
                }
            }
            if word.prefix && word.word.chars().count() >= MIN_PREFIX {
                let mut completions: Vec<&Entry> = entries
                    .iter()
                    .filter(|e| e.term.starts_with(&word.word) && !found.contains(e))
                    .collect();
                completions.sort_by_key(|e| std::cmp::Reverse(e.articles));
                completions.truncate(MAX_COMPLETIONS);
                found.extend(completions);
            }
        }
        // A word that is the prefix of a split node: its own term (a word so short that its
        // completions are thousands is not completed).
        Node::Split { own: Some(e), .. } if word.stems.contains(&e.term) && e.term == prefix => {
            found.push(e)
        }
        Node::Split { .. } => {}
    }
    found
}

/// The nodes a query has fetched so far, by prefix; kept between queries (the upper nodes serve
/// every word).
#[derive(Clone, Debug, Default)]
pub struct Lookup {
    nodes: HashMap<String, Node>,
}

impl Lookup {
    pub fn add(&mut self, prefix: String, node: Node) {
        self.nodes.insert(prefix, node);
    }

    /// The node each target's walk has reached: its prefix, and the node if it is here.
    fn reached(&self, target: &str) -> (String, Option<&Node>) {
        let mut prefix = String::new();
        loop {
            let Some(node) = self.nodes.get(&prefix) else {
                return (prefix, None);
            };
            match next_node(node, &prefix, target) {
                Some(next) => prefix = next,
                None => return (prefix, Some(node)),
            }
        }
    }

    /// The nodes still to fetch for `query` (none when every walk has ended), at most one per
    /// target: fetch them all at once, add them, and ask again.
    pub fn wanted(&self, query: &Query) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for target in query.targets() {
            if let (prefix, None) = self.reached(&target) {
                if !out.contains(&prefix) {
                    out.push(prefix);
                }
            }
        }
        out
    }

    /// What each word of `query` found, once nothing is wanted.
    pub fn found(&self, query: &Query) -> Vec<Vec<&Entry>> {
        query
            .words
            .iter()
            .map(|word| {
                let mut entries: Vec<&Entry> = Vec::new();
                for target in word.stems.iter().chain(word.prefix.then_some(&word.word)) {
                    if let (prefix, Some(node)) = self.reached(target) {
                        for e in matches(word, &prefix, node) {
                            if !entries.iter().any(|x| x.term == e.term) {
                                entries.push(e);
                            }
                        }
                    }
                }
                entries
            })
            .collect()
    }
}

/// The order results are asked in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    Relevance,
    Newest,
}

/// The articles that have every word, ordered; and whether the list is all of them (it is not
/// when a common word's published postings are only its best).
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub results: Vec<Scored<Key>>,
    pub complete: bool,
}

/// Ranks the articles that have every word: `found[i]` is what word `i` found (any of its
/// entries counts, the best of them scoring); `within`, if given, limits them to a range of
/// keys (a month) and `tagged` to the postings of a tag.
pub fn rank(
    found: &[Vec<&Entry>],
    articles: u32,
    order: Order,
    within: Option<std::ops::Range<Key>>,
    tagged: Option<&Entry>,
) -> Ranked {
    let mut complete = true;
    let mut totals: Option<HashMap<Key, f32>> = None;
    for entries in found {
        let mut best: HashMap<Key, f32> = HashMap::new();
        for e in entries {
            complete &= e.postings.len() as u32 == e.articles;
            for p in &e.postings {
                let s = score(p.impact, e.articles, articles);
                let slot = best.entry(p.key).or_insert(0.0);
                *slot = slot.max(s);
            }
        }
        totals = Some(match totals {
            None => best,
            Some(mut t) => {
                t.retain(|k, _| best.contains_key(k));
                for (k, s) in t.iter_mut() {
                    *s += best[k];
                }
                t
            }
        });
    }
    if let Some(tag) = tagged {
        complete &= tag.postings.len() as u32 == tag.articles;
    }
    let mut results: Vec<Scored<Key>> = totals
        .unwrap_or_default()
        .into_iter()
        .filter(|(k, _)| within.as_ref().is_none_or(|r| r.contains(k)))
        .filter(|(k, _)| tagged.is_none_or(|t| t.postings.iter().any(|p| p.key == *k)))
        .map(|(item, score)| Scored {
            item,
            score,
            published_at: item as i64,
        })
        .collect();
    // A stable order before the sort, so equal results come out the same every time.
    results.sort_by_key(|r| std::cmp::Reverse(r.item));
    match order {
        Order::Relevance => by_relevance(&mut results),
        Order::Newest => by_newest(&mut results),
    }
    Ranked { results, complete }
}

/// The stretches of `text` (character offsets, `[start, end)`) that a query's words match: a
/// word whose stem in `lang` is one of a query word's stems, or, for a word being typed, that
/// begins with it. What a result highlights, as text.
pub fn highlights(text: &str, lang: crate::Lang, query: &Query) -> Vec<(usize, usize)> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = Vec::new();
    let mut chars_before = 0;
    let mut last_byte = 0;
    for (byte, word) in text.unicode_word_indices() {
        chars_before += text[last_byte..byte].chars().count();
        last_byte = byte;
        let folded = super::analyze::fold(word);
        let stem = super::analyze::stem(&folded, lang);
        let hit = query.words.iter().any(|q| {
            q.stems.contains(&stem)
                || (q.prefix && q.word.chars().count() >= MIN_PREFIX && folded.starts_with(&q.word))
        });
        if hit {
            let len = word.chars().count();
            out.push((chars_before, chars_before + len));
        }
    }
    out
}

#[cfg(test)]
mod tests;
