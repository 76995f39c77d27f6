//! What the command line accepts: the commands, their arguments and their `--help` texts, in one
//! place (as ripgrep keeps its flags apart from what they do). Each command's module receives its
//! arguments as the struct defined here.

use crate::failure::Failure;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use trimova_core::Lang;

#[derive(Parser)]
#[command(
    name = "trimova",
    version,
    about = "Build and maintain a Trimova news site: import plain-text pages, validate articles, write the index, pre-rendered pages, sitemap and feeds",
    long_about = None
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Turn plain-text pages (the format of the old site's pages) into article files (format v1).
    ///
    /// A page starts with " date YYYY-MM-DD", then the title, the dateline ("City • AGENCY"), the
    /// view counter, the lead, the body (subheads, quotes with "- attribution") and the author.
    /// With one FILE and no -o the article goes to standard output. With --id, all FILEs are
    /// editions of that one article (the first is the original); without, each FILE is an article
    /// named from its title and date, written into -o DIR. Folders are searched for .txt files.
    Import(ImportArgs),

    /// Check article files and index.json against the format, printing every problem with its
    /// JSON path (editions.uk.body[3].text). Folders are searched for .json files.
    Validate(ValidateArgs),

    /// Fill the missing editions of articles through the translation service in config.json,
    /// once, at publish time: the app shows them as machine translations without asking the
    /// service again.
    ///
    /// The editions are written into the article files ("translation": {"by": "machine", ...}).
    /// A rerun sends nothing; an interrupted run continues where it stopped; an edition whose
    /// source changed is made again, sending only the segments that changed (the cache on disk
    /// keeps every translation paid for). Folders are searched for article files.
    Translate(TranslateArgs),

    /// Write DIR/index.json, the newest articles, from the article files in DIR.
    ///
    /// For other tools (a CMS's "latest news" box): the app itself never reads it, and it holds
    /// at most --limit articles whatever the archive's size. Every file is validated first;
    /// nothing is written if one is invalid, and the message names the file and the field.
    Index(IndexArgs),

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
    Pages(PagesArgs),
}

/// The arguments of `trimova import`.
#[derive(Args)]
pub struct ImportArgs {
    /// The pages' language; detected from their letters when not given.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Merge the FILEs as the editions of one article with this id.
    #[arg(long)]
    pub id: Option<String>,
    /// Where to write: a folder (for several articles), or a file.
    #[arg(short, long, value_name = "OUT")]
    pub out: Option<PathBuf>,
    /// Page files or folders of them.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// The arguments of `trimova validate`.
#[derive(Args)]
pub struct ValidateArgs {
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// The arguments of `trimova translate`.
#[derive(Args)]
pub struct TranslateArgs {
    /// The app's config.json naming the service (provider, endpoint, api_key, glossary).
    #[arg(long, default_value = "public/config.json")]
    pub config: PathBuf,
    /// Languages to fill, comma-separated (default: the config's languages).
    #[arg(long, value_delimiter = ',', value_parser = parse_lang)]
    pub to: Option<Vec<Lang>>,
    /// Where translations already paid for are kept.
    #[arg(long, default_value = ".trimova-cache")]
    pub cache: PathBuf,
    /// Print what would be sent (segments, characters, requests) and send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Article files or folders of them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// The arguments of `trimova index`.
#[derive(Args)]
pub struct IndexArgs {
    /// The folder of article files.
    #[arg(default_value = "public/articles")]
    pub dir: PathBuf,
    /// How many of the newest articles it lists.
    #[arg(long, default_value_t = 100)]
    pub limit: usize,
}

/// The arguments of `trimova pages`.
#[derive(Args)]
pub struct PagesArgs {
    /// The built site (holding 404.html, the app shell, and articles/).
    pub dist: PathBuf,
    /// The site's public origin, used for canonical URLs, hreflang, Open Graph, JSON-LD, the
    /// sitemap and feeds. The path comes from the build's public_url (`<base href>`).
    #[arg(
        long,
        env = "TRIMOVA_SITE_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub site_url: String,
    /// The publisher's name in metadata and feeds.
    #[arg(long, env = "TRIMOVA_SITE_NAME", default_value = "Trimova")]
    pub site_name: String,
    /// Render everything, as on a new site.
    #[arg(long)]
    pub full: bool,
    /// An article file that changed (written or removed) since the last run; give one per
    /// article. The other articles are then taken as the last run recorded them, without looking
    /// at their files: for a publishing hook that knows what it wrote, so that one article is
    /// published without a look at every file of the archive (a cold disk takes a second for
    /// 100,000). A run without it looks at every file, and catches up with any change not given.
    #[arg(long, value_name = "FILE", conflicts_with = "full")]
    pub changed: Vec<PathBuf>,
    /// Stop (exit 3) instead of waiting when another run works on DIST.
    #[arg(long)]
    pub no_wait: bool,
    /// Entries in each language's feed.
    #[arg(long, default_value_t = trimova_core::publish::FEED_SIZE)]
    pub feed_size: usize,
}

pub fn parse_lang(code: &str) -> Result<Lang, Failure> {
    Lang::from_code(code)
        .ok_or_else(|| Failure::Usage(format!("{code:?} is not one of uk, en, ru")))
}
