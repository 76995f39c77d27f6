//! `trimova pages DIST`: every human edition and every list page as a complete page, rendered by
//! the app's own components (so the page is what the app shows), plus the sitemaps and feeds.
//!
//! Incremental: the manifest (`manifest.rs`) remembers what was rendered from what, and a run
//! renders only the pages whose inputs changed, whatever the archive's size. Articles stream
//! through: what stays in memory per article is its record and, while needed, its list entry.

mod lists;
mod manifest;
mod syndication;

use crate::files::Kind;
use crate::lock::{lock, WhenBusy};
use crate::progress::Progress;
use crate::shell::{data_script, Page, Shell};
use crate::write::{is_temporary, sync_folder, write_whole, Durability};
use crate::Failure;
use manifest::{content_hash, Manifest, Record};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use trimova::api::ARTICLE_DATA;
use trimova::prerender::{render_body, PageData};
use trimova_core::index::parse_article_file;
use trimova_core::publish::{edition_head, human_editions, page_title, Site};
use trimova_core::route::article_path;
use trimova_core::timestamp::parse_rfc3339;
use trimova_core::{Article, IndexEntry};

pub struct Options {
    pub dist: PathBuf,
    pub site_url: String,
    pub site_name: String,
    /// Render everything, whatever the manifest says.
    pub full: bool,
    pub when_busy: WhenBusy,
    /// Entries in each language's feed.
    pub feed_size: usize,
    /// The time "the last two days" of the news sitemap count back from (seconds since the epoch).
    pub now: i64,
}

/// What a run did, for the summary line.
#[derive(Default, Debug)]
pub struct Report {
    pub full: bool,
    pub editions: usize,
    pub lists: usize,
    /// Sitemap files and feeds.
    pub syndication: usize,
    pub kept: usize,
    pub removed: usize,
}

/// A run's mark, there while it writes and gone when it has finished. Its temporary files sit
/// beside the files they replace: a rename within one folder is what makes writing 300,000 pages
/// fast (one across folders takes the file system's single rename lock; a full build spent half
/// its time waiting for it). A run that finds the mark was killed before: it first removes the
/// temporary files the killed one left behind.
const RUNNING: &str = ".trimova-running";

/// How close to a run's start a file's modification time must be not to be trusted.
const RACY_NS: u64 = 2_000_000_000;

/// What every renderer needs.
pub struct Context<'a> {
    pub dist: &'a Path,
    /// When this run started, in nanoseconds since the epoch.
    pub started_ns: u64,
    pub shell: &'a Shell,
    pub site: &'a Site,
}

impl Context<'_> {
    /// Writes a derived file whole (flushed with the rest before the manifest is written).
    pub fn write(&self, relative: &Path, text: &str) -> Result<(), Failure> {
        write_whole(
            &self.dist.join(relative),
            text.as_bytes(),
            Durability::Batched,
        )
    }

    /// Removes a derived file and the folders it leaves empty (up to the site folder).
    pub fn remove(&self, relative: &Path) -> Result<(), Failure> {
        let path = self.dist.join(relative);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            // Already gone, or not a file of ours (a folder named like an old output).
            Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::IsADirectory) => {}
            Err(e) => return Err(crate::write::describe(&path, &e).into()),
        }
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| *d != self.dist) {
            if std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
        Ok(())
    }

    /// An article file, read and validated (the message names the file and the field).
    pub fn read_article(&self, id: &str) -> Result<Article, Failure> {
        let path = self.dist.join("articles").join(format!("{id}.json"));
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(parse_article_file(&path, &text)?)
    }
}

/// Renders what changed in `options.dist`, one run at a time.
pub fn run(options: &Options) -> Result<Report, Failure> {
    let _lock = lock(&options.dist, "pages", options.when_busy)?;
    build(options)
}

fn build(options: &Options) -> Result<Report, Failure> {
    let dist = options.dist.as_path();
    let running = dist.join(RUNNING);
    if running.exists() {
        remove_temporaries(dist)?;
    }
    write_whole(&running, b"", Durability::Now)?;
    // 404.html is the untouched app shell (index.html becomes the pre-rendered list), so running
    // this again on a deployed site starts from the same shell.
    let shell_path = dist.join("404.html");
    let shell_text = std::fs::read_to_string(&shell_path).map_err(|e| {
        format!(
            "{}: {e} (is this a site built by trunk?)",
            shell_path.display()
        )
    })?;
    let stamp = manifest::Fingerprint::default()
        .add(env!("CARGO_PKG_VERSION"))
        .add(&shell_text)
        .add(&options.site_url)
        .add(&options.site_name)
        .finish();
    let shell = Shell::new(shell_text).map_err(|e| format!("{}: {e}", shell_path.display()))?;
    let site = Site::new(&options.site_url, &shell.base(), &options.site_name)?;
    let context = Context {
        dist,
        started_ns: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
        shell: &shell,
        site: &site,
    };
    let old = (!options.full)
        .then(|| Manifest::read(dist, &stamp))
        .flatten();
    let mut report = Report {
        full: old.is_none(),
        ..Report::default()
    };
    let mut old = old.unwrap_or_else(|| Manifest::new(stamp.clone()));
    let mut new = Manifest::new(stamp);

    // 1. Article files: the changed ones are parsed and their edition pages rendered. Records
    // move from the old manifest to the new one; none is copied.
    let files = article_files(&dist.join("articles"), context.started_ns)?;
    let Paired {
        same,
        to_read,
        gone,
    } = pair(files, std::mem::take(&mut old.articles));
    report.kept += same.iter().map(|(_, r)| r.pages.len()).sum::<usize>();
    let progress = Progress::new(to_read.len() as u64, "articles");
    let scanned: Vec<Scanned> = to_read
        .into_par_iter()
        .map(|(file, before)| {
            let scanned = scan(&context, file, before);
            progress.inc();
            scanned
        })
        .collect::<Result<_, Failure>>()?;
    progress.finish();
    let mut entries: HashMap<String, IndexEntry> = HashMap::new();
    let mut read = Vec::with_capacity(scanned.len());
    for s in scanned {
        report.editions += s.rendered;
        report.removed += s.removed;
        if s.rendered == 0 {
            report.kept += s.record.pages.len();
        }
        if let Some(entry) = s.entry {
            entries.insert(s.id.clone(), entry);
        }
        read.push((s.id, s.record));
    }
    new.articles = merge_by_id(same, read);
    // 2. Articles whose file is gone: their pages go too.
    for (id, record) in &gone {
        for page in record.outputs(id) {
            context.remove(&page)?;
            report.removed += 1;
        }
    }

    // 3. List pages, then sitemaps and feeds, each only where its inputs changed.
    let list = lists::Listed::new(&new);
    let mut outputs = lists::render(&context, &old, &list, &mut entries, &mut report)?;
    outputs.extend(syndication::render(
        &context,
        &old,
        &list,
        options,
        &mut report,
    )?);
    drop(list);
    for output in old.outputs.keys() {
        if !outputs.contains_key(output) {
            for file in lists::files_of(output) {
                context.remove(&file)?;
            }
            report.removed += 1;
        }
    }
    new.outputs = outputs;

    // 4. Everything written is on disk before the manifest says it is there.
    sync_folder(dist)?;
    new.write(dist)?;
    let _ = std::fs::remove_file(&running);
    Ok(report)
}

/// Removes the temporary files a killed run left among the site's folders (not in `articles/`,
/// which is the editors', and which `pages` never writes). Only after a kill: it walks the site.
fn remove_temporaries(dist: &Path) -> Result<(), Failure> {
    let articles = dist.join("articles");
    let mut folders = vec![dist.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries =
            std::fs::read_dir(&folder).map_err(|e| crate::write::describe(&folder, &e))?;
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() && path != articles => folders.push(path),
                Ok(t) if t.is_file() && is_temporary(&path) => {
                    std::fs::remove_file(&path).map_err(|e| crate::write::describe(&path, &e))?;
                }
                _ => {}
            }
        }
    }
    Ok(())
}

/// One article file after the scan.
struct Scanned {
    id: String,
    record: Record,
    /// Its list entry, when the file changed (its pages were rendered from it).
    entry: Option<IndexEntry>,
    rendered: usize,
    removed: usize,
}

/// An article file in the folder, as `stat` sees it.
struct ArticleFile {
    id: String,
    path: PathBuf,
    len: u64,
    /// 0 when it cannot be trusted (see `RACY_NS`).
    mtime_ns: u64,
}

/// The article files in `dir` (not `index.json`), sorted by id, with their size and time: read
/// with the folder (one `statx` relative to it per file, on every core).
fn article_files(dir: &Path, started_ns: u64) -> Result<Vec<ArticleFile>, Failure> {
    let listed = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut entries = Vec::new();
    for entry in listed {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        if Kind::Articles.matches(Path::new(&entry.file_name())) {
            entries.push(entry);
        }
    }
    let mut files = entries
        .into_par_iter()
        .map(|entry| {
            let path = entry.path();
            let meta = entry
                .metadata()
                .map_err(|e| format!("{}: {e}", path.display()))?;
            let mtime_ns = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as u64);
            // A file changed within the clock's granularity of this run could change again
            // with the same size and time: recorded with no time, it is hashed next run
            // ("racy git").
            let mtime_ns = if mtime_ns + RACY_NS >= started_ns {
                0
            } else {
                mtime_ns
            };
            let id = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            Ok(ArticleFile {
                id,
                path,
                len: meta.len(),
                mtime_ns,
            })
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    files.par_sort_unstable_by(|a, b| a.id.cmp(&b.id));
    Ok(files)
}

/// The article files against last run's records.
struct Paired {
    /// Files of the size and time recorded: their records, as they were.
    same: Vec<(String, Record)>,
    /// Files to read, each with its record from last time, if it had one.
    to_read: Vec<(ArticleFile, Option<Record>)>,
    /// Records whose file is gone.
    gone: Vec<(String, Record)>,
}

/// Walks the files and the records side by side (both sorted by id).
fn pair(files: Vec<ArticleFile>, records: Vec<(String, Record)>) -> Paired {
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
fn merge_by_id(a: Vec<(String, Record)>, b: Vec<(String, Record)>) -> Vec<(String, Record)> {
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
fn scan(context: &Context, file: ArticleFile, before: Option<Record>) -> Result<Scanned, Failure> {
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
                entry: None,
                rendered: 0,
                removed: 0,
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
        pages: human_editions(&article)
            .into_iter()
            .map(|(l, _)| l)
            .collect(),
    };
    let id = file.id;
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
    Ok(Scanned {
        entry: Some(IndexEntry::of(&article)),
        rendered: record.pages.len(),
        id,
        record,
        removed,
    })
}

/// The page of one human edition, carrying the article file it was rendered from.
fn edition_page(
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
        data: &data_script(ARTICLE_DATA, Some(&article.id), text),
        body: &body,
    })
}
