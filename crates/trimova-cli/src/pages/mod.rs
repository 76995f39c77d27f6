//! `trimova pages DIST`: every human edition and every list page as a complete page, rendered by
//! the app's own components (so the page is what the app shows), plus the sitemaps and feeds.
//!
//! Incremental: the manifest (`manifest.rs`) remembers what was rendered from what, and a run
//! renders only the pages whose inputs changed, whatever the archive's size. Articles stream
//! through: what stays in memory per article is its record; what lists show of it is kept on
//! disk (`summaries.rs`).

mod articles;
mod gathered;
mod lists;
mod manifest;
mod search;
mod summaries;
mod syndication;

use crate::args::PagesArgs;
use crate::failure::Failure;
use crate::files::Kind;
use crate::lock::{lock, WhenBusy};
use crate::progress::Progress;
use crate::shell::Shell;
use crate::write::{is_temporary, write_whole, Durability, Unflushed};
use articles::{
    article_files, files_as_recorded, merge_by_id, pair, scan, ArticleFile, Paired, Scanned,
};
use manifest::{Manifest, Record};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use summaries::Summaries;
use trimova_core::article::read_article_file;
use trimova_core::publish::Site;
use trimova_core::Article;

pub struct Options {
    pub dist: PathBuf,
    pub site_url: String,
    pub site_name: String,
    /// Render everything, whatever the manifest says.
    pub full: bool,
    /// The ids of the only article files that changed, when the caller knows them (`--changed`):
    /// the others are not looked at. `None`: every file is.
    pub changed: Option<BTreeSet<String>>,
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
    /// Articles put into the search index or taken out of it.
    pub indexed: usize,
    /// The time the search index took (a benchmark compares it with Pagefind's).
    pub index_seconds: f64,
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
    /// Everything is rendered again (no manifest, or `--full`): the search index too.
    pub full: bool,
    /// The only article files that changed, if the caller said (ids); not on a full build.
    pub changed: Option<&'a BTreeSet<String>>,
    /// What this run wrote and removed, flushed before the manifest records it.
    pub unflushed: Unflushed,
}

impl Context<'_> {
    /// Writes a derived file whole (flushed with the rest before the manifest is written).
    pub fn write(&self, relative: &Path, text: &str) -> Result<(), Failure> {
        self.write_bytes(relative, text.as_bytes())
    }

    pub fn write_bytes(&self, relative: &Path, bytes: &[u8]) -> Result<(), Failure> {
        let path = self.dist.join(relative);
        write_whole(&path, bytes, Durability::Batched)?;
        self.unflushed.wrote(&path);
        Ok(())
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
        self.unflushed.removed(&path);
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
        Ok(read_article_file(&path)?)
    }
}

/// Renders what changed in `options.dist`, one run at a time.
/// `trimova pages`: renders what the change touches and prints what it did.
pub fn command(args: PagesArgs) -> Result<(), Failure> {
    let changed = (!args.changed.is_empty())
        .then(|| changed_ids(&args.dist, &args.changed))
        .transpose()?;
    let options = Options {
        dist: args.dist,
        site_url: args.site_url,
        site_name: args.site_name,
        full: args.full,
        changed,
        when_busy: if args.no_wait {
            WhenBusy::Stop
        } else {
            WhenBusy::Wait
        },
        feed_size: args.feed_size,
        now: news_clock(),
    };
    let r = run(&options)?;
    println!(
        "trimova pages: {} in {}: rendered {} edition pages, {} list pages, {} sitemaps and feeds; kept {}; removed {}; indexed {} articles for search in {:.2} s",
        if r.full { "full build" } else { "changes only" },
        options.dist.display(),
        r.editions,
        r.lists,
        r.syndication,
        r.kept,
        r.removed,
        r.indexed,
        r.index_seconds,
    );
    Ok(())
}

/// The ids of the article files given to `--changed`, which must be the site's own (in its
/// `articles/` folder, named `<id>.json`), whether they are there or were removed.
fn changed_ids(dist: &Path, files: &[PathBuf]) -> Result<BTreeSet<String>, Failure> {
    let articles = dist.join("articles");
    let folder = |path: &Path| std::fs::canonicalize(path).ok();
    let ours = folder(&articles);
    files
        .iter()
        .map(|file| {
            let parent = file
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            let id = trimova_core::article::id_of_file(file).filter(|_| {
                Kind::Articles.matches(file) && ours.is_some() && folder(parent) == ours
            });
            id.map(str::to_owned).ok_or_else(|| {
                Failure::Usage(format!(
                    "--changed {}: not an article file of {} (<id>.json)",
                    file.display(),
                    articles.display()
                ))
            })
        })
        .collect()
}

/// The time the news sitemap counts back from: SOURCE_DATE_EPOCH (reproducible builds), else now.
fn news_clock() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        })
}

fn run(options: &Options) -> Result<Report, Failure> {
    let _lock = lock(&options.dist, "pages", options.when_busy)?;
    build(options)
}

fn build(options: &Options) -> Result<Report, Failure> {
    let dist = options.dist.as_path();
    let running = dist.join(RUNNING);
    let killed = running.exists();
    if killed {
        remove_temporaries(dist)?;
    }
    write_whole(&running, b"", Durability::Now)?;
    let (shell, stamp) = read_shell(dist, options)?;
    let site = Site::new(&options.site_url, &shell.base(), &options.site_name)?;
    let started_ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    // The folder of article files is listed while last run's manifest is read: at 100,000
    // articles each takes a tenth of a second or more, the one mostly in the kernel, the other
    // decoding on one core.
    let (old, listed) = rayon::join(
        || {
            (!options.full)
                .then(|| Manifest::read(dist, &stamp))
                .flatten()
        },
        || {
            options
                .changed
                .is_none()
                .then(|| article_files(&dist.join("articles"), started_ns))
        },
    );
    let mut report = Report {
        full: old.is_none(),
        ..Report::default()
    };
    // A run killed while it updated the index may have written pages the index never got: the
    // index is built again whole.
    let index_full = report.full || killed;
    if index_full {
        search::clear(dist)?;
    }
    let context = Context {
        dist,
        started_ns,
        shell: &shell,
        site: &site,
        full: index_full,
        changed: options.changed.as_ref().filter(|_| !index_full),
        unflushed: Unflushed::new(dist),
    };
    let mut old = old.unwrap_or_else(|| Manifest::new(stamp.clone()));
    let mut new = Manifest::new(stamp);
    let dated_before: Vec<(String, i64)> = old
        .articles
        .iter()
        .map(|(id, r)| (id.clone(), r.published_at))
        .collect();

    // 1. Article files: the changed ones are parsed and their edition pages rendered.
    let Articles {
        records,
        mut summaries,
        indexing,
        changed,
        gone,
    } = render_articles(
        &context,
        std::mem::take(&mut old.articles),
        listed,
        &mut report,
    )?;
    new.articles = records;

    // The search index, from the same reading of the files.
    let index_started = std::time::Instant::now();
    report.indexed = search::render(
        &context,
        search::Run {
            indexing,
            before: &dated_before,
            records: &new.articles,
            changed,
            gone,
            summaries: &summaries,
        },
    )?;
    drop(dated_before);
    report.lists += search::write_pages(&context)?;
    report.index_seconds = index_started.elapsed().as_secs_f64();

    // 2. List pages, then sitemaps and feeds, each only where its inputs changed.
    let list = lists::Listed::new(&new);
    let mut outputs = lists::render(&context, &old, &list, &mut summaries, &mut report)?;
    drop(summaries);
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

    // 3. Everything written is on disk before the manifest says it is there.
    context.unflushed.flush()?;
    new.write(dist)?;
    let _ = std::fs::remove_file(&running);
    Ok(report)
}

/// The app shell and the stamp of everything that, changed, renders the whole site again (this
/// version of trimova, the search index's format, the shell and its hashed assets, the site's
/// URL and name). `404.html` is
/// the untouched shell (index.html becomes the pre-rendered list), so running this again on a
/// deployed site starts from the same shell.
fn read_shell(dist: &Path, options: &Options) -> Result<(Shell, String), Failure> {
    let shell_path = dist.join("404.html");
    let shell_text = std::fs::read_to_string(&shell_path).map_err(|e| {
        format!(
            "{}: {e} (is this a site built by trunk?)",
            shell_path.display()
        )
    })?;
    let stamp = manifest::Fingerprint::default()
        .add(env!("CARGO_PKG_VERSION"))
        .add(trimova_core::search::index::FORMAT)
        .add(&shell_text)
        .add(&options.site_url)
        .add(&options.site_name)
        .finish();
    let shell = Shell::new(shell_text).map_err(|e| format!("{}: {e}", shell_path.display()))?;
    Ok((shell, stamp))
}

/// What the articles' step leaves for the lists: every article's record, by id, and the
/// summaries of the articles it read.
struct Articles {
    records: Vec<(String, Record)>,
    summaries: Summaries,
    /// How the index is kept, with what the articles' step gathered for it.
    indexing: search::Indexing,
    /// The terms of the articles whose files changed (when the index is updated, not built).
    changed: HashMap<String, search::TermsChange>,
    /// The articles whose files are gone, with what the index held of them (updates).
    gone: Vec<(String, trimova_core::search::Terms)>,
}

/// Renders the edition pages of the article files that changed since `before` (the old
/// manifest's records, which move to the new one; none is copied), and removes the pages of
/// articles whose file is gone. `listed`: the article files, if the folder was listed already.
fn render_articles(
    context: &Context,
    before: Vec<(String, Record)>,
    listed: Option<Result<Vec<ArticleFile>, Failure>>,
    report: &mut Report,
) -> Result<Articles, Failure> {
    let folder = context.dist.join("articles");
    let files = match (context.changed, listed) {
        (Some(changed), _) => files_as_recorded(&folder, &before, changed, context.started_ns)?,
        (None, Some(listed)) => listed?,
        (None, None) => article_files(&folder, context.started_ns)?,
    };
    let Paired {
        same,
        to_read,
        gone,
    } = pair(files, before);
    report.kept += same.iter().map(|(_, r)| r.pages.len()).sum::<usize>();
    let articles = same.len() + to_read.len();
    let indexing = search::Indexing::new(context, articles);
    let mut summaries = Summaries::new(context.dist, articles)?;
    let progress = Progress::new(to_read.len() as u64, "articles");
    let scanned: Vec<Scanned> = to_read
        .into_par_iter()
        .map(|(file, before)| {
            let scanned = scan(context, &indexing, &summaries, file, before);
            progress.inc();
            scanned
        })
        .collect::<Result<_, Failure>>()?;
    progress.finish();
    let mut changed = HashMap::new();
    let mut read = Vec::with_capacity(scanned.len());
    for s in scanned {
        if let Some(terms) = s.terms {
            changed.insert(s.id.clone(), terms);
        }
        report.editions += s.rendered;
        report.removed += s.removed;
        if s.rendered == 0 {
            report.kept += s.record.pages.len();
        }
        if let Some(kept) = s.summary {
            summaries.set(s.position, kept);
        }
        read.push((s.id, s.record));
    }
    let mut gone_terms = Vec::with_capacity(gone.len());
    for (id, record) in gone {
        // What the index held of it, from its pages before they go.
        if let search::Indexing::Update = indexing {
            gone_terms.push((id.clone(), search::indexed_terms(context, &id, &record)?));
        }
        for page in record.outputs(&id) {
            context.remove(&page)?;
            report.removed += 1;
        }
    }
    Ok(Articles {
        records: merge_by_id(same, read),
        summaries,
        indexing,
        changed,
        gone: gone_terms,
    })
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
