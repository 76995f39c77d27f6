//! `trimova`: the newsroom's command line over the same core (and, for pages, the same
//! components) as the app.
//!
//! Exit statuses: see `failure.rs`.

mod failure;
mod files;
mod import;
mod lock;
mod pages;
mod progress;
mod shell;
mod translate;
mod validate;
mod write;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use trimova_core::Lang;

pub use failure::Failure;

#[derive(Parser)]
#[command(
    name = "trimova",
    version,
    about = "Build and maintain a Trimova news site: import archive pages, validate articles, write the index, pre-rendered pages, sitemap and feeds",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Turn archive pages (the plain-text page format) into article files (format v1).
    ///
    /// A page starts with " date YYYY-MM-DD", then the title, the dateline ("City • AGENCY"), the
    /// view counter, the lead, the body (subheads, quotes with "- attribution") and the author.
    /// With one FILE and no -o the article goes to standard output. With --id, all FILEs are
    /// editions of that one article (the first is the original); without, each FILE is an article
    /// named from its title and date, written into -o DIR. Folders are searched for .txt files.
    Import {
        /// The pages' language; detected from their letters when not given.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Merge the FILEs as the editions of one article with this id.
        #[arg(long)]
        id: Option<String>,
        /// Where to write: a folder (for several articles), or a file.
        #[arg(short, long, value_name = "OUT")]
        out: Option<PathBuf>,
        /// Page files or folders of them.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Check article files and index.json against the format, printing every problem with its
    /// JSON path (editions.uk.body[3].text). Folders are searched for .json files.
    Validate {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Fill the missing editions of articles through the translation service in config.json,
    /// once, at publish time: the app shows them as machine translations without asking the
    /// service again.
    ///
    /// The editions are written into the article files ("translation": {"by": "machine", ...}).
    /// A rerun sends nothing; an interrupted run continues where it stopped; an edition whose
    /// source changed is made again, sending only the segments that changed (the cache on disk
    /// keeps every translation paid for). Folders are searched for article files.
    Translate {
        /// The app's config.json naming the service (provider, endpoint, api_key, glossary).
        #[arg(long, default_value = "public/config.json")]
        config: PathBuf,
        /// Languages to fill, comma-separated (default: the config's languages).
        #[arg(long, value_delimiter = ',', value_parser = parse_lang)]
        to: Option<Vec<Lang>>,
        /// Where translations already paid for are kept.
        #[arg(long, default_value = ".trimova-cache")]
        cache: PathBuf,
        /// Print what would be sent (segments, characters, requests) and send nothing.
        #[arg(long)]
        dry_run: bool,
        /// Article files or folders of them.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Write DIR/index.json, the newest articles, from the article files in DIR.
    ///
    /// For other tools (a CMS's "latest news" box): the app itself never reads it, and it holds
    /// at most --limit articles whatever the archive's size. Every file is validated first;
    /// nothing is written if one is invalid, and the message names the file and the field.
    Index {
        /// The folder of article files.
        #[arg(default_value = "public/articles")]
        dir: PathBuf,
        /// How many of the newest articles it lists.
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
    /// Pre-render a built site: a complete page for every human edition, the article lists
    /// (newest, older pages, months, tags), the sitemaps and an Atom feed per language.
    ///
    /// DIST is the output of `trunk build` (the Trunk post-build hook runs this). Run it again
    /// after adding, editing or removing files in DIST/articles of a deployed site: it renders
    /// only what the change touches (DIST/.trimova-pages remembers what it rendered from
    /// what), and removes the pages of removed articles. A new build of the app, another site URL
    /// or --full renders everything, on every core. Pages are rendered by the app's own
    /// components, so they are what the app shows, readable with scripts off, and the app adopts
    /// them when it starts. The news sitemap counts its two days back from SOURCE_DATE_EPOCH when
    /// set, else from now.
    Pages {
        /// The built site (holding 404.html, the app shell, and articles/).
        dist: PathBuf,
        /// The site's public origin, used for canonical URLs, hreflang, Open Graph, JSON-LD, the
        /// sitemap and feeds. The path comes from the build's public_url (`<base href>`).
        #[arg(
            long,
            env = "TRIMOVA_SITE_URL",
            default_value = "http://127.0.0.1:8080"
        )]
        site_url: String,
        /// The publisher's name in metadata and feeds.
        #[arg(long, env = "TRIMOVA_SITE_NAME", default_value = "Trimova")]
        site_name: String,
        /// Render everything, as on a new site.
        #[arg(long)]
        full: bool,
        /// Stop (exit 3) instead of waiting when another run works on DIST.
        #[arg(long)]
        no_wait: bool,
        /// Entries in each language's feed.
        #[arg(long, default_value_t = trimova_core::publish::FEED_SIZE)]
        feed_size: usize,
    },
}

fn parse_lang(code: &str) -> Result<Lang, Failure> {
    Lang::from_code(code)
        .ok_or_else(|| Failure::Usage(format!("{code:?} is not one of uk, en, ru")))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result: Result<(), Failure> = match cli.command {
        Command::Import {
            lang,
            id,
            out,
            files,
        } => import::run(import::Options {
            lang,
            id,
            out,
            files,
        }),
        Command::Validate { paths } => validate::run(&paths),
        Command::Translate {
            config,
            to,
            cache,
            dry_run,
            paths,
        } => translate::run(translate::Options {
            config,
            to,
            cache,
            dry_run,
            paths,
        }),
        Command::Index { dir, limit } => index(&dir, limit),
        Command::Pages {
            dist,
            site_url,
            site_name,
            full,
            no_wait,
            feed_size,
        } => {
            let options = pages::Options {
                dist,
                site_url,
                site_name,
                full,
                when_busy: if no_wait {
                    lock::WhenBusy::Stop
                } else {
                    lock::WhenBusy::Wait
                },
                feed_size,
                now: now(),
            };
            pages::run(&options).map(|r| {
                println!(
                    "trimova pages: {} in {}: rendered {} edition pages, {} list pages, {} sitemaps and feeds; kept {}; removed {}",
                    if r.full { "full build" } else { "changes only" },
                    options.dist.display(),
                    r.editions,
                    r.lists,
                    r.syndication,
                    r.kept,
                    r.removed,
                )
            })
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

/// The time the news sitemap counts back from: SOURCE_DATE_EPOCH (reproducible builds), else now.
fn now() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        })
}

fn index(dir: &std::path::Path, limit: usize) -> Result<(), Failure> {
    let articles = trimova_core::index::load_articles(dir)?;
    let mut index = trimova_core::Index::from_articles(&articles);
    index.articles.truncate(limit);
    let path = dir.join("index.json");
    write::write_whole(&path, index.to_file().as_bytes(), write::Durability::Now)?;
    println!(
        "trimova index: wrote {} with the newest {} of {} articles",
        path.display(),
        index.articles.len(),
        articles.len()
    );
    Ok(())
}
