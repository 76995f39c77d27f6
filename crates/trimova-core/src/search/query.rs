//! Answering a query from the index's nodes: which nodes a word needs, what it finds in them,
//! and the articles that have every word, best first. The browser fetches; this decides.

use super::analyze::{query_terms, QueryTerm};
use super::index::{month_of, Entry, Key, MonthPage, Node, Posting};
use super::rank::{by_newest, by_relevance, in_headline, score, Scored};
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
    /// The query with a tag filter as one more word: the tag's own term, which every article with
    /// the tag has (it filters; [`rank`] is told it does not score).
    pub fn with_tag(&self, slug: &str) -> Query {
        let term = super::index::tag_term(slug);
        let mut out = self.clone();
        out.words.push(QueryTerm {
            word: term.clone(),
            stems: vec![term],
            prefix: false,
        });
        out
    }

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
    pub fn found(&self, query: &Query) -> Vec<Vec<Found<'_>>> {
        query
            .words
            .iter()
            .map(|word| {
                let mut found: Vec<Found> = Vec::new();
                for target in word.stems.iter().chain(word.prefix.then_some(&word.word)) {
                    if let (prefix, Some(node)) = self.reached(target) {
                        for entry in matches(word, &prefix, node) {
                            if !found.iter().any(|f| f.entry.term == entry.term) {
                                let completion = !word.stems.contains(&entry.term);
                                found.push(Found { entry, completion });
                            }
                        }
                    }
                }
                found
            })
            .collect()
    }
}

/// A term a word found (whose month pages hold the rest of its postings, if it has more than
/// its best).
#[derive(Clone, Debug)]
pub struct Found<'a> {
    pub entry: &'a Entry,
    /// Found as a longer word that begins with what was typed, not as the word or its forms.
    pub completion: bool,
}

/// What a completion's score counts for against the word itself: "Chulenlen" puts an article
/// about Chulenlen above one about Chulenlenda, however the two would score otherwise.
const COMPLETION_SHARE: f32 = 0.5;

/// One month of one paged term: the term, the month.
pub type PageId = (String, u32);

/// The month pages a query has read.
pub type MonthPages = HashMap<PageId, MonthPage>;

fn page_id(f: &Found, month: u32) -> PageId {
    (f.entry.term.clone(), month)
}

/// What the month pages a query reads before it answers may cost: a query of common words is
/// answered from the best postings and the pages of its best candidates' months, and says its
/// count is not all; asking for more results reads as much again.
///
/// Counted in postings (what the bytes are: two or three a posting) as well as in pages (each a
/// request): a common word's month holds thousands of postings, so a few of its pages are all an
/// ask reads, while a name in a few hundred articles has a few a month, and an ask reads many of
/// its months, finding the candidates the first pages would have left undecided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    pub pages: usize,
    pub postings: usize,
}

impl Budget {
    /// Nothing beyond the best postings in the nodes.
    pub const NONE: Budget = Budget {
        pages: 0,
        postings: 0,
    };

    /// One ask's worth: about 40 KB of postings, in at most 24 requests.
    pub const ASK: Budget = Budget {
        pages: 24,
        postings: 16_000,
    };

    /// As much again, for more results.
    pub fn and_one_more_ask(self) -> Budget {
        Budget {
            pages: self.pages + Budget::ASK.pages,
            postings: self.postings + Budget::ASK.postings,
        }
    }
}

/// What one word knows of the articles: each article it is known to have.
struct WordKnows {
    scores: HashMap<Key, Known>,
}

/// What a word knows of one article that has it.
#[derive(Clone, Copy, Default)]
struct Known {
    score: f32,
    in_headline: bool,
}

fn knows(found: &[Found], pages: &MonthPages, articles: u32) -> WordKnows {
    let mut scores: HashMap<Key, Known> = HashMap::new();
    for f in found {
        // A completion scores less, and does not count as the word in a headline: the word
        // itself in a body comes before a longer word it begins in a headline.
        let share = if f.completion { COMPLETION_SHARE } else { 1.0 };
        let mut add = |p: &Posting| {
            let s = score(p.impact, f.entry.articles, articles) * share;
            let known = scores.entry(p.key).or_default();
            known.score = known.score.max(s);
            known.in_headline |= !f.completion && in_headline(p.impact);
        };
        f.entry.postings.iter().for_each(&mut add);
        for month in &f.entry.months {
            if let Some(page) = pages.get(&page_id(f, *month)) {
                page.postings.iter().for_each(&mut add);
            }
        }
    }
    WordKnows { scores }
}

/// Whether `key` cannot have the word: every term it found lists all its articles for the
/// key's month (its best postings are all of them, or the month has no page, or the page is read).
fn surely_lacks(found: &[Found], pages: &MonthPages, key: Key) -> bool {
    let month = month_of(key);
    found.iter().all(|f| {
        f.entry.is_complete()
            || f.entry.months.binary_search(&month).is_err()
            || pages.contains_key(&page_id(f, month))
    })
}

/// The word whose articles are the fewest: its articles are the candidates.
fn driver(found: &[Vec<Found>]) -> Option<usize> {
    (0..found.len()).min_by_key(|&i| found[i].iter().map(|f| f.entry.articles).sum::<u32>())
}

/// The month pages still worth reading to answer the query (none when every candidate is
/// decided, or when the `budget` is spent): those of the driving word's newest months (newest
/// first) and of its best candidates' months, for the words that may have them; fetch them, add
/// them, ask again. A page is counted before it is read as its term's postings in an average
/// month; one more page is wanted while any of the budget is left.
pub fn months_wanted(
    found: &[Vec<Found>],
    pages: &MonthPages,
    articles: u32,
    order: Order,
    within: Option<&std::ops::Range<Key>>,
    budget: Budget,
) -> Vec<PageId> {
    let Some(d) = driver(found) else {
        return vec![];
    };
    let read: usize = pages.values().map(|p| p.postings.len()).sum();
    let mut room = Budget {
        pages: budget.pages.saturating_sub(pages.len()),
        postings: budget.postings.saturating_sub(read),
    };
    let mut wanted: Vec<PageId> = Vec::new();
    // Wants a page if `room` has any left; says whether it still has.
    let want = |f: &Found, month: u32, wanted: &mut Vec<PageId>, room: &mut Budget| {
        let page = page_id(f, month);
        if room.pages > 0
            && room.postings > 0
            && !pages.contains_key(&page)
            && !wanted.contains(&page)
        {
            let per_month = f.entry.articles as usize / f.entry.months.len().max(1);
            room.pages -= 1;
            room.postings = room.postings.saturating_sub(per_month.max(1));
            wanted.push(page);
        }
        room.pages > 0 && room.postings > 0
    };
    // A common driving word: its newest months first, for a newest-first order, with a third of
    // the room, so that the other words' pages of those months can be read too.
    if order == Order::Newest {
        let third = Budget {
            pages: room.pages.div_ceil(3),
            postings: room.postings.div_ceil(3),
        };
        let mut newest = third;
        'newest: for f in &found[d] {
            for month in f.entry.months.iter().rev() {
                if !want(f, *month, &mut wanted, &mut newest) {
                    break 'newest;
                }
            }
        }
        room.pages -= third.pages - newest.pages;
        room.postings -= third.postings - newest.postings;
    }
    let driving = knows(&found[d], pages, articles);
    let mut candidates: Vec<(Key, Known)> = driving
        .scores
        .into_iter()
        .filter(|(k, _)| within.is_none_or(|r| r.contains(k)))
        .collect();
    match order {
        // As the ranking will order them, as far as the driving word knows: its headline, then
        // its score, then the newer.
        Order::Relevance => candidates.sort_by(|a, b| {
            (b.1.in_headline.cmp(&a.1.in_headline))
                .then(b.1.score.total_cmp(&a.1.score))
                .then(b.0.cmp(&a.0))
        }),
        Order::Newest => candidates.sort_by_key(|c| std::cmp::Reverse(c.0)),
    }
    let others: Vec<(usize, HashMap<Key, Known>)> = (0..found.len())
        .filter(|&i| i != d)
        .map(|i| (i, knows(&found[i], pages, articles).scores))
        .collect();
    for (key, _) in candidates {
        let month = month_of(key);
        for (i, scores) in &others {
            if scores.contains_key(&key) {
                continue;
            }
            for f in &found[*i] {
                if !f.entry.is_complete()
                    && f.entry.months.binary_search(&month).is_ok()
                    && !want(f, month, &mut wanted, &mut room)
                {
                    return wanted;
                }
            }
        }
    }
    wanted
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
/// terms counts, the best of them scoring), `pages` the month pages read for it; the words past
/// the first `scored` only filter (a tag); `within` limits them to a range of keys (a month).
pub fn rank(
    found: &[Vec<Found>],
    pages: &MonthPages,
    articles: u32,
    scored: usize,
    order: Order,
    within: Option<&std::ops::Range<Key>>,
) -> Ranked {
    let Some(d) = driver(found) else {
        return Ranked {
            results: vec![],
            complete: true,
        };
    };
    let words: Vec<WordKnows> = found.iter().map(|f| knows(f, pages, articles)).collect();
    // The candidates are all the driving word's articles only if it lists them all.
    let mut complete = found[d].iter().all(|f| {
        f.entry.is_complete()
            || f.entry
                .months
                .iter()
                .all(|m| pages.contains_key(&page_id(f, *m)))
    });
    let mut results = Vec::new();
    'candidates: for &key in words[d].scores.keys() {
        if within.is_some_and(|r| !r.contains(&key)) {
            continue;
        }
        let mut total = 0.0;
        let mut headline_words = 0;
        for (i, word) in words.iter().enumerate() {
            match word.scores.get(&key) {
                Some(known) if i < scored => {
                    total += known.score;
                    headline_words += u32::from(known.in_headline);
                }
                // A filter (a tag): only whether the article has it.
                Some(_) => {}
                None => {
                    if !surely_lacks(&found[i], pages, key) {
                        complete = false;
                    }
                    continue 'candidates;
                }
            }
        }
        results.push(Scored {
            item: key,
            score: total,
            headline_words,
            published_at: key as i64,
        });
    }
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
