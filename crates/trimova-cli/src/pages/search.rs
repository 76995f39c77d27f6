//! The search index, kept by the same run as the pages (see `trimova_core::search::index` for
//! its files). A full build writes it from every article's terms; otherwise only the articles
//! that changed, went, or moved key are taken out and put back, by the size of the change.
//!
//! Each article's terms are kept in `.trimova-search/a/<id>.bin`, written when its file is read
//! (`keep_terms`): what the next change takes out.

use super::manifest::Record;
use super::Context;
use crate::failure::Failure;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::Path;
use trimova_core::search::index::{
    article_keys, doc_path, Doc, Key, Meta, Posting, FORMAT, META_PATH,
};
use trimova_core::search::update::{
    build, decode_terms, diff, encode_terms, indexed_path, update, Changes, Indexed, Store, STATE,
};
use trimova_core::{Article, ArticleSummary};

/// An article's terms before and after its file changed (before: none if it is new, or in a
/// full build, which does not need them).
pub struct TermsChange {
    pub before: Option<Vec<(String, u8)>>,
    pub after: Vec<(String, u8)>,
}

/// Keeps the terms of an article whose file changed, and returns what they were (in a run that
/// updates the index).
pub fn keep_terms(
    context: &Context,
    article: &Article,
    full: bool,
) -> Result<Option<TermsChange>, Failure> {
    let after = trimova_core::search::article_terms(article);
    let path = indexed_path(&article.id);
    let before = if full {
        None
    } else {
        read_terms(context, &path)?
    };
    context.write_bytes(Path::new(&path), &encode_terms(&after))?;
    Ok((!full).then_some(TermsChange { before, after }))
}

/// Removes what a full build of the index writes again, before the run starts: the published
/// index, and, when every article is read again (`every_article`), the terms kept for each (else
/// they are current, and used).
pub fn clear(dist: &Path, every_article: bool) -> Result<(), Failure> {
    let dirs: &[&str] = if every_article {
        &["search", STATE]
    } else {
        &["search"]
    };
    for dir in dirs {
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
    pub full: bool,
    /// Last run's records (sorted by id), for the keys articles had.
    pub before: &'a [(String, i64)],
    /// This run's records, sorted by id.
    pub records: &'a [(String, Record)],
    /// The terms of the articles whose files changed, by id (updates only).
    pub changed: HashMap<String, TermsChange>,
    /// Ids of the articles whose files are gone.
    pub gone: Vec<String>,
    /// The summaries of the articles read this run (every one, in a full build).
    pub summaries: &'a HashMap<String, ArticleSummary>,
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
    let touched = if run.full {
        full_build(context, &mut store, &run, &keys)?
    } else {
        changes_only(context, &mut store, &run, &keys)?
    };
    let meta = Meta {
        format: FORMAT.into(),
        articles: run.records.len() as u32,
    };
    let json = serde_json::to_string(&meta).expect("meta serialises");
    context.write(Path::new(META_PATH), &json)?;
    Ok(touched)
}

fn full_build(
    context: &Context,
    store: &mut Site,
    run: &Run,
    keys: &[Key],
) -> Result<usize, Failure> {
    // Every article's terms, as postings by term, gathered on every core.
    let terms = run
        .records
        .par_iter()
        .zip(keys.par_iter())
        .try_fold(
            HashMap::<String, Vec<Posting>>::new,
            |mut acc, ((id, _), &key)| -> Result<_, Failure> {
                let terms = match read_terms(context, &indexed_path(id))? {
                    Some(terms) => terms,
                    // Not kept (a run was killed before it wrote them): from the file.
                    None => {
                        let article = context.read_article(id)?;
                        keep_terms(context, &article, true)?;
                        trimova_core::search::article_terms(&article)
                    }
                };
                for (term, impact) in terms {
                    acc.entry(term).or_default().push(Posting { key, impact });
                }
                Ok(acc)
            },
        )
        .try_reduce(HashMap::new, |mut a, mut b| {
            if a.len() < b.len() {
                std::mem::swap(&mut a, &mut b);
            }
            for (term, postings) in b {
                a.entry(term).or_default().extend(postings);
            }
            Ok(a)
        })?;
    build(store, terms)?;
    for id in &run.gone {
        context.remove(Path::new(&indexed_path(id)))?;
    }
    run.records
        .par_iter()
        .zip(keys.par_iter())
        .try_for_each(|((id, record), &key)| write_doc(context, run, id, record, key))?;
    Ok(run.records.len())
}

fn changes_only(
    context: &Context,
    store: &mut Site,
    run: &Run,
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
    let mut new_docs: Vec<(&str, &Record, Key)> = Vec::new();
    for ((id, record), &key) in run.records.iter().zip(keys) {
        let old_key = before.get(id.as_str()).copied();
        let (old_terms, new_terms) = match run.changed.get(id) {
            Some(change) => (change.before.clone(), change.after.clone()),
            // Unchanged, but moved key (an article published in the same second came or went).
            None if old_key.is_some_and(|k| k != key) => {
                let terms = read_terms(context, &indexed_path(id))?.unwrap_or_default();
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
        new_docs.push((id, record, key));
    }
    for id in &run.gone {
        let path = indexed_path(id);
        if let (Some(terms), Some(&key)) = (read_terms(context, &path)?, before.get(id.as_str())) {
            diff(Some(&Indexed { key, terms }), None, &mut changes);
            old_docs.push(key);
        }
        context.remove(Path::new(&path))?;
    }
    for key in &old_docs {
        context.remove(Path::new(&doc_path(*key)))?;
    }
    for (id, record, key) in &new_docs {
        write_doc(context, run, id, record, *key)?;
    }
    update(store, changes)?;
    Ok(new_docs.len() + run.gone.len())
}

/// Writes an article's summary as results show it.
fn write_doc(
    context: &Context,
    run: &Run,
    id: &str,
    record: &Record,
    key: Key,
) -> Result<(), Failure> {
    let summary = match run.summaries.get(id) {
        Some(s) => s.clone(),
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

fn read_terms(context: &Context, path: &str) -> Result<Option<Vec<(String, u8)>>, Failure> {
    match std::fs::read(context.dist.join(path)) {
        Ok(bytes) => decode_terms(&bytes).map(Some).map_err(|e| {
            format!("{path}: damaged ({e}); run `trimova pages --full` to index again").into()
        }),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(crate::write::describe(&context.dist.join(path), &e).into()),
    }
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
