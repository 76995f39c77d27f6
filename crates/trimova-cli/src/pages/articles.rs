//! The article files of a run: listed with their sizes and times, paired with last run's records,
//! and, where one changed, read and its editions rendered.

use super::manifest::{content_hash, Record};
use super::search::{self, Indexing};
use super::summaries::{Kept, Summaries};
use super::{Context, RACY_NS};
use crate::failure::Failure;
use crate::files::Kind;
use crate::io_workers::on_io_workers;
use crate::shell::{data_script, Page};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use trimova::api::ARTICLE_DATA;
use trimova::prerender::{render_body, PageData};
use trimova_core::article::{id_of_file, parse_article_file};
use trimova_core::i18n::page_title;
use trimova_core::publish::edition_head;
use trimova_core::route::{article_file, article_path};
use trimova_core::timestamp::parse_rfc3339;
use trimova_core::{Article, ArticleSummary};

/// One article file after the scan.
pub(super) struct Scanned {
    pub(super) id: String,
    /// Its place among this run's records.
    pub(super) position: usize,
    pub(super) record: Record,
    /// Where its summary was kept, when the file changed (its pages were rendered from it).
    pub(super) summary: Option<Kept>,
    pub(super) rendered: usize,
    pub(super) removed: usize,
    /// Its search terms before and after, when its content changed and the index is updated.
    pub(super) terms: Option<super::search::TermsChange>,
}

/// An article file in the folder, as `stat` sees it.
pub(super) struct ArticleFile {
    pub(super) id: String,
    /// Its place among the files, sorted by id: the place of its record in this run's records.
    pub(super) position: usize,
    pub(super) path: PathBuf,
    pub(super) len: u64,
    /// 0 when it cannot be trusted (see `RACY_NS`).
    pub(super) mtime_ns: u64,
}

/// The article files in `dir` (not `index.json`), sorted by id, with their size and time: read
/// with the folder (one `statx` relative to it per file, many at once: see `io_workers`).
pub(super) fn article_files(dir: &Path, started_ns: u64) -> Result<Vec<ArticleFile>, Failure> {
    let listed = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut entries = Vec::new();
    for entry in listed {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        if Kind::Articles.matches(Path::new(&entry.file_name())) {
            entries.push(entry);
        }
    }
    let files = on_io_workers(&entries, |entry| {
        let path = entry.path();
        let meta = entry
            .metadata()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok::<_, Failure>(as_stat_sees_it(path, &meta, started_ns))
    })?;
    Ok(in_id_order(files))
}

/// The article files as last run's `records` say they were, but for the `changed` ids (and any
/// recorded without a time to trust), whose files are looked at (`--changed`): a run told what
/// changed stats those alone. A changed file that is not there is gone.
pub(super) fn files_as_recorded(
    dir: &Path,
    records: &[(String, Record)],
    changed: &BTreeSet<String>,
    started_ns: u64,
) -> Result<Vec<ArticleFile>, Failure> {
    let path_of = |id: &str| dir.join(format!("{id}.json"));
    let (trusted, untrusted): (Vec<_>, Vec<_>) = records
        .iter()
        .filter(|(id, _)| !changed.contains(id))
        .partition(|(_, r)| r.mtime_ns != 0);
    let mut files: Vec<ArticleFile> = trusted
        .into_iter()
        .map(|(id, r)| ArticleFile {
            id: id.clone(),
            position: 0,
            path: path_of(id),
            len: r.len,
            mtime_ns: r.mtime_ns,
        })
        .collect();
    let looked_at = changed
        .iter()
        .chain(untrusted.into_iter().map(|(id, _)| id));
    for id in looked_at {
        let path = path_of(id);
        match std::fs::metadata(&path) {
            Ok(meta) => files.push(as_stat_sees_it(path, &meta, started_ns)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: {e}", path.display()).into()),
        }
    }
    Ok(in_id_order(files))
}

/// The files sorted by id, each with its place among them (what `pair` and the index rely on).
fn in_id_order(mut files: Vec<ArticleFile>) -> Vec<ArticleFile> {
    files.par_sort_unstable_by(|a, b| a.id.cmp(&b.id));
    for (position, file) in files.iter_mut().enumerate() {
        file.position = position;
    }
    files
}

/// An article file with the size and time `meta` gives it.
fn as_stat_sees_it(path: PathBuf, meta: &std::fs::Metadata, started_ns: u64) -> ArticleFile {
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64);
    // A file changed within the clock's granularity of this run could change again with the
    // same size and time: recorded with no time, it is hashed next run ("racy git").
    let mtime_ns = if mtime_ns + RACY_NS >= started_ns {
        0
    } else {
        mtime_ns
    };
    let id = id_of_file(&path).unwrap_or_default().to_string();
    ArticleFile {
        id,
        position: 0,
        path,
        len: meta.len(),
        mtime_ns,
    }
}

/// The article files against last run's records.
pub(super) struct Paired {
    /// Files of the size and time recorded: their records, as they were.
    pub(super) same: Vec<(String, Record)>,
    /// Files to read, each with its record from last time, if it had one.
    pub(super) to_read: Vec<(ArticleFile, Option<Record>)>,
    /// Records whose file is gone.
    pub(super) gone: Vec<(String, Record)>,
}

/// Walks the files and the records side by side (both sorted by id).
pub(super) fn pair(files: Vec<ArticleFile>, records: Vec<(String, Record)>) -> Paired {
    let mut paired = Paired {
        same: Vec::with_capacity(records.len()),
        to_read: Vec::new(),
        gone: Vec::new(),
    };
    let mut records = records.into_iter().peekable();
    for file in files {
        while records.peek().is_some_and(|(id, _)| *id < file.id) {
            paired.gone.extend(records.next());
        }
        match records.next_if(|(id, _)| *id == file.id) {
            Some((id, r))
                if r.len == file.len && r.mtime_ns == file.mtime_ns && r.mtime_ns != 0 =>
            {
                paired.same.push((id, r));
            }
            before => paired.to_read.push((file, before.map(|(_, r)| r))),
        }
    }
    paired.gone.extend(records);
    paired
}

/// Two lists sorted by id as one.
pub(super) fn merge_by_id(
    a: Vec<(String, Record)>,
    b: Vec<(String, Record)>,
) -> Vec<(String, Record)> {
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let mut b = b.into_iter().peekable();
    for item in a {
        while let Some(next) = b.next_if(|(id, _)| *id < item.0) {
            merged.push(next);
        }
        merged.push(item);
    }
    merged.extend(b);
    merged
}

/// Reads a file whose size or time changed, and renders its pages if its content did.
pub(super) fn scan(
    context: &Context,
    indexing: &Indexing,
    summaries: &Summaries,
    file: ArticleFile,
    before: Option<Record>,
) -> Result<Scanned, Failure> {
    let path = &file.path;
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let hash = content_hash(&bytes);
    let before = match before {
        Some(r) if r.hash == hash => {
            return Ok(Scanned {
                record: Record {
                    len: file.len,
                    mtime_ns: file.mtime_ns,
                    ..r
                },
                id: file.id,
                position: file.position,
                summary: None,
                rendered: 0,
                removed: 0,
                terms: None,
            })
        }
        before => before,
    };
    let text = String::from_utf8(bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let article = parse_article_file(path, &text)?;
    let modified = article
        .updated
        .clone()
        .unwrap_or_else(|| article.published.clone());
    let record = Record {
        len: file.len,
        mtime_ns: file.mtime_ns,
        hash,
        published_at: parse_rfc3339(&article.published).unwrap_or(0),
        published: article.published.clone(),
        modified_at: parse_rfc3339(&modified).unwrap_or(i64::MIN),
        modified,
        tags: article.tags.clone(),
        pages: article
            .human_editions()
            .into_iter()
            .map(|(l, _)| l)
            .collect(),
    };
    let id = file.id;
    // What the index holds of the article comes from its pages as they were, before they are
    // written again.
    let indexed = match (indexing, &before) {
        (Indexing::Update, Some(before)) => Some(search::indexed_terms(context, &id, before)?),
        _ => None,
    };
    let article = Arc::new(article);
    for &lang in &record.pages {
        let html = edition_page(context, &article, &text, lang)?;
        context.write(&Path::new(lang.code()).join(&id).join("index.html"), &html)?;
    }
    // Editions that are no longer human (or no longer there) lose their pages.
    let mut removed = 0;
    if let Some(before) = before {
        let now: Vec<PathBuf> = record.outputs(&id).collect();
        for page in before.outputs(&id).filter(|p| !now.contains(p)) {
            context.remove(&page)?;
            removed += 1;
        }
    }
    let terms = indexing.take_terms(file.position, &article, indexed)?;
    Ok(Scanned {
        terms,
        summary: Some(summaries.put(&ArticleSummary::of(&article))?),
        position: file.position,
        rendered: record.pages.len(),
        id,
        record,
        removed,
    })
}

/// The page of one human edition, carrying the article file it was rendered from.
pub(super) fn edition_page(
    context: &Context,
    article: &Arc<Article>,
    text: &str,
    lang: trimova_core::Lang,
) -> Result<String, Failure> {
    let base = &context.site.base;
    let edition = &article.editions[&lang];
    let path = article_path(base, lang, &article.id);
    let body = render_body(base, &path, PageData::Article(Arc::clone(article)));
    let head = edition_head(context.site, article, lang).unwrap_or_default();
    context.shell.page(&Page {
        lang,
        title: &page_title(&edition.title),
        description: &edition.description(),
        head: &head,
        data: &data_script(
            ARTICLE_DATA,
            &article_file(&article.id),
            Some(&article.id),
            text,
        ),
        body: &body,
    })
}
