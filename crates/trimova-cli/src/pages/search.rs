//! The search index, kept by the same run as the pages (see `trimova_core::search::index` for
//! its files). A full build gathers every article's terms while the articles are read
//! ([`Indexing::Build`]); otherwise only the articles that changed, went, or moved key are taken
//! out and put back, by the size of the change.
//!
//! Nothing is kept for the index beside the site: what an article put into it is worked out
//! again from the article file its pages carry (`indexed_terms`), read before the pages are
//! written again or removed. A run that cannot (a page gone or damaged) says so and asks for a
//! full build; a killed run's successor builds the index whole (see `mod.rs`).

use super::gathered::{Gathered, Postings, Spill, SpillWriter, BUDGET, SPILLS};
use super::manifest::Record;
use super::summaries::Summaries;
use super::Context;
use crate::failure::Failure;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::Path;
use trimova::api::ARTICLE_DATA;
use trimova_core::article::parse_article;
use trimova_core::route::article_file;
use trimova_core::search::index::{
    article_keys, doc_path, Doc, Entry, Key, Meta, Posting, FORMAT, META_PATH,
};
use trimova_core::search::update::{
    build_nodes_from, build_term, diff, update, Changes, Indexed, Store,
};
use trimova_core::search::{article_terms, Terms};
use trimova_core::{Article, ArticleSummary};

/// How this run keeps the index while it reads the article files.
pub enum Indexing {
    /// Built whole: every article's terms are gathered as postings by term.
    Build(Gathered),
    /// Updated: a changed article's terms before and after go to the index step.
    Update,
}

impl Indexing {
    pub fn new(context: &Context, articles: usize) -> Indexing {
        if context.full {
            let spills = context.dist.join(SPILLS);
            Indexing::Build(Gathered::new(articles, spills, BUDGET))
        } else {
            Indexing::Update
        }
    }

    /// Takes the terms of an article whose content was read (at `position` among this run's
    /// records); `before`, what the index held of it (updates). Returns what the index step
    /// needs of it.
    pub fn take_terms(
        &self,
        position: usize,
        article: &Article,
        before: Option<Terms>,
    ) -> Result<Option<TermsChange>, Failure> {
        let after = article_terms(article);
        match self {
            Indexing::Build(gathered) => {
                gathered.add(position, after)?;
                Ok(None)
            }
            Indexing::Update => Ok(Some(TermsChange { before, after })),
        }
    }
}

/// An article's terms before and after its file changed (before: none if it is new).
pub struct TermsChange {
    pub before: Option<Terms>,
    pub after: Terms,
}

/// What the index holds of an article as `record` says it was published: the terms of the
/// article file its pages carry.
pub fn indexed_terms(context: &Context, id: &str, record: &Record) -> Result<Terms, Failure> {
    let mut why = String::from("it has no page");
    for lang in &record.pages {
        let page = Path::new(lang.code()).join(id).join("index.html");
        let html = match std::fs::read_to_string(context.dist.join(&page)) {
            Ok(html) => html,
            Err(e) => {
                why = format!("{}: {e}", page.display());
                continue;
            }
        };
        match crate::shell::read_data_script(&html, ARTICLE_DATA)
            .ok_or_else(|| "no article data".to_string())
            .and_then(|json| parse_article(json, Some(id)).map_err(|e| e.to_string()))
        {
            Ok(article) => return Ok(article_terms(&article)),
            Err(e) => why = format!("{}: {e}", page.display()),
        }
    }
    Err(format!(
        "{}: what the search index holds of it cannot be read ({why}); run `trimova pages --full` to build the site again",
        article_file(id)
    )
    .into())
}

/// Removes the published index before a full build of it, the spills a killed build left, and
/// the folder of each article's terms that sites built before `trimova.pages/4` kept beside it.
pub fn clear(dist: &Path) -> Result<(), Failure> {
    for dir in ["search", SPILLS, ".trimova-search"] {
        let path = dist.join(dir);
        match std::fs::remove_dir_all(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return Err(crate::write::describe(&path, &e).into()),
        }
    }
    Ok(())
}

/// What the index step needs of the run.
pub struct Run<'a> {
    pub indexing: Indexing,
    /// Last run's records (sorted by id), for the keys articles had.
    pub before: &'a [(String, i64)],
    /// This run's records, sorted by id.
    pub records: &'a [(String, Record)],
    /// The terms of the articles whose files changed, by id (updates only).
    pub changed: HashMap<String, TermsChange>,
    /// The articles whose files are gone, with what the index held of them (updates only).
    pub gone: Vec<(String, Terms)>,
    /// The summaries of the articles read this run (every one, in a full build).
    pub summaries: &'a Summaries,
}

/// Writes the index for this run; returns how many articles it took out or put in.
pub fn render(context: &Context, run: Run) -> Result<usize, Failure> {
    let dated: Vec<(i64, &str)> = run
        .records
        .iter()
        .map(|(id, r)| (r.published_at, id.as_str()))
        .collect();
    let keys = article_keys(&dated);
    let mut store = Site(context);
    let touched = match run.indexing {
        Indexing::Build(gathered) => full_build(
            context,
            &mut store,
            gathered,
            run.records,
            run.summaries,
            &keys,
        )?,
        Indexing::Update => changes_only(context, &mut store, run, &keys)?,
    };
    let meta = Meta {
        format: FORMAT.into(),
        articles: dated.len() as u32,
    };
    let json = serde_json::to_string(&meta).expect("meta serialises");
    context.write(Path::new(META_PATH), &json)?;
    Ok(touched)
}

fn full_build(
    context: &Context,
    store: &mut Site,
    gathered: Gathered,
    records: &[(String, Record)],
    summaries: &Summaries,
    keys: &[Key],
) -> Result<usize, Failure> {
    // Articles whose files were not read this run (a full build of the index after a killed
    // run, whose pages are current) are read now.
    records
        .par_iter()
        .enumerate()
        .filter(|(position, _)| !gathered.has(*position))
        .try_for_each(|(position, (id, _))| {
            gathered.add(position, article_terms(&context.read_article(id)?))
        })?;
    // The summaries are written while the terms are: the one is mostly making files, the
    // other has long stretches on one core (merging the gathered terms, laying out the nodes).
    let (terms, docs) = rayon::join(
        || write_terms(context, store, gathered, keys),
        || {
            records
                .par_iter()
                .enumerate()
                .zip(keys.par_iter())
                .try_for_each(|((position, (id, record)), &key)| {
                    write_doc(context, summaries, position, id, record, key)
                })
        },
    );
    terms.and(docs)?;
    Ok(records.len())
}

/// Each term's entry and month pages, a batch of terms at a time on every core, then the nodes.
fn write_terms(
    context: &Context,
    store: &mut Site,
    gathered: Gathered,
    keys: &[Key],
) -> Result<(), Failure> {
    const BATCH: usize = 4096;
    let keyed = |(term, postings): (String, Postings)| {
        let postings = postings
            .into_iter()
            .map(|(position, impact)| Posting {
                key: keys[position as usize],
                impact,
            })
            .collect();
        build_term(&mut Site(context), term, postings)
    };
    // The entries go to a spill as they are built; the nodes are planned from the terms and
    // their sizes alone, and filled from the spill.
    let entries_path = context.dist.join(SPILLS).join("entries.bin");
    let mut entries = SpillWriter::create(&entries_path)?;
    let mut terms: Vec<(String, u32)> = Vec::new();
    let mut batch = Vec::with_capacity(BATCH);
    let mut merged = gathered.into_sorted()?.peekable();
    while let Some(term) = merged.next() {
        batch.push(term?);
        if batch.len() == BATCH || merged.peek().is_none() {
            let built: Vec<Entry> = std::mem::take(&mut batch)
                .into_par_iter()
                .map(keyed)
                .collect::<Result<_, String>>()?;
            for entry in built {
                let bytes = postcard::to_allocvec(&entry).expect("an entry encodes");
                entries.push_encoded(&bytes)?;
                terms.push((entry.term, bytes.len() as u32));
            }
        }
    }
    entries.finish()?;
    let terms: Vec<(&str, u32)> = terms.iter().map(|(t, s)| (t.as_str(), *s)).collect();
    let mut spill = Spill::open(&entries_path)?;
    build_nodes_from(
        store,
        &terms,
        std::iter::from_fn(|| spill.next().transpose()),
    )?;
    drop(spill);
    let _ = std::fs::remove_dir_all(context.dist.join(SPILLS));
    Ok(())
}

fn changes_only(
    context: &Context,
    store: &mut Site,
    mut run: Run,
    keys: &[Key],
) -> Result<usize, Failure> {
    let before: HashMap<&str, Key> = {
        let dated: Vec<(i64, &str)> = run.before.iter().map(|(id, t)| (*t, id.as_str())).collect();
        let old = article_keys(&dated);
        dated.iter().map(|(_, id)| *id).zip(old).collect()
    };
    let mut changes = Changes::new();
    // Summaries are removed first and written after: an article may take the key another one
    // left in the same run.
    let mut old_docs: Vec<Key> = Vec::new();
    let mut new_docs: Vec<(usize, &str, &Record, Key)> = Vec::new();
    for (position, ((id, record), &key)) in run.records.iter().zip(keys).enumerate() {
        let old_key = before.get(id.as_str()).copied();
        let (old_terms, new_terms) = match run.changed.remove(id) {
            Some(change) => (change.before, change.after),
            // Unchanged, but moved key (an article published in the same second came or went).
            None if old_key.is_some_and(|k| k != key) => {
                let terms = indexed_terms(context, id, record)?;
                (Some(terms.clone()), terms)
            }
            None => continue,
        };
        let old = old_key
            .zip(old_terms)
            .map(|(key, terms)| Indexed { key, terms });
        let new = Indexed {
            key,
            terms: new_terms,
        };
        diff(old.as_ref(), Some(&new), &mut changes);
        old_docs.extend(old_key.filter(|k| *k != key));
        new_docs.push((position, id, record, key));
    }
    let gone = std::mem::take(&mut run.gone);
    let taken_out = gone.len();
    for (id, terms) in gone {
        if let Some(&key) = before.get(id.as_str()) {
            diff(Some(&Indexed { key, terms }), None, &mut changes);
            old_docs.push(key);
        }
    }
    for key in &old_docs {
        context.remove(Path::new(&doc_path(*key)))?;
    }
    for &(position, id, record, key) in &new_docs {
        write_doc(context, run.summaries, position, id, record, key)?;
    }
    update(store, changes)?;
    Ok(new_docs.len() + taken_out)
}

/// Writes the summary of the article at `position` among the records as results show it.
fn write_doc(
    context: &Context,
    summaries: &Summaries,
    position: usize,
    id: &str,
    record: &Record,
    key: Key,
) -> Result<(), Failure> {
    let summary = match summaries.get(position)? {
        Some(s) => s,
        // An unchanged article that moved key: its file is read again.
        None => ArticleSummary::of(&context.read_article(id)?),
    };
    let machine = summary
        .editions
        .iter()
        .filter(|l| !record.pages.contains(l))
        .copied()
        .collect();
    let doc = Doc {
        key,
        summary,
        tags: record.tags.clone(),
        machine,
    };
    let json = serde_json::to_string(&doc).expect("a doc serialises");
    context.write(Path::new(&doc_path(key)), &json)
}

/// The site folder as the index's store.
struct Site<'a>(&'a Context<'a>);

impl Store for Site<'_> {
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, String> {
        match std::fs::read(self.0.dist.join(path)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{path}: {e}")),
        }
    }

    fn write(&mut self, path: &str, bytes: &[u8]) -> Result<(), String> {
        self.0
            .write_bytes(Path::new(path), bytes)
            .map_err(|e| e.to_string())
    }

    fn remove(&mut self, path: &str) -> Result<(), String> {
        self.0.remove(Path::new(path)).map_err(|e| e.to_string())
    }

    fn remove_dir(&mut self, path: &str) -> Result<(), String> {
        let dir = self.0.dist.join(path);
        match std::fs::remove_dir_all(&dir) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
            Err(e) => Err(crate::write::describe(&dir, &e)),
        }
    }
}

/// The search page in each language (`<lang>/search/index.html`): the masthead and the box the
/// search module draws into. It depends on the shell alone: written when everything is.
pub fn write_pages(context: &Context) -> Result<usize, Failure> {
    use trimova::api::SEARCH_PAGE;
    use trimova::prerender::{render_body, PageData};
    use trimova_core::i18n::{messages, page_title};
    use trimova_core::route::search_path;
    let mut written = 0;
    for lang in trimova_core::Lang::ALL {
        let relative = Path::new(lang.code()).join("search").join("index.html");
        if !context.full && context.dist.join(&relative).exists() {
            continue;
        }
        let path = search_path(&context.site.base, lang);
        let body = render_body(&context.site.base, &path, PageData::Nothing);
        let html = context.shell.page(&crate::shell::Page {
            lang,
            title: &page_title(messages(lang).search),
            description: "",
            head: "<meta name=\"robots\" content=\"noindex\">",
            data: &format!("<script type=\"application/json\" id=\"{SEARCH_PAGE}\">{{}}</script>"),
            body: &body,
        })?;
        context.write(&relative, &html)?;
        written += 1;
    }
    Ok(written)
}
