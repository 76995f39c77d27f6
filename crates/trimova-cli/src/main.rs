//! `trimova`: the newsroom's command line over the same core (and, for pages, the same
//! components) as the app.
//!
//! Exit status: 0 on success, 1 when the input is at fault (the message names the file and the
//! field), 2 on a usage error (clap's own).

mod pages;
mod shell;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "trimova",
    version,
    about = "Build and maintain a Trimova news site: article index, pre-rendered pages, sitemap and feeds",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write DIR/index.json, the list of articles, from the article files in DIR.
    ///
    /// Every file is validated first; nothing is written if one is invalid, and the message names
    /// the file and the field at fault.
    Index {
        /// The folder of article files.
        #[arg(default_value = "public/articles")]
        dir: PathBuf,
    },
    /// Pre-render a built site: a complete page for every human edition, the article lists,
    /// sitemap.xml and an Atom feed per language.
    ///
    /// DIST is the output of `trunk build` (the Trunk post-build hook runs this). Run it again
    /// after adding articles to DIST/articles of a deployed site: the new editions get pages
    /// without a rebuild. Pages are rendered by the app's own components, so they are what the app
    /// shows, readable with scripts off, and the app adopts them when it starts.
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
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Index { dir } => index(&dir),
        Command::Pages {
            dist,
            site_url,
            site_name,
        } => pages::run(&dist, &site_url, &site_name).map(|written| {
            println!(
                "trimova pages: {} edition pages, {} list pages, sitemap.xml and {} feeds in {}",
                written.editions,
                written.lists,
                written.feeds,
                dist.display()
            )
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("trimova: {message}");
            ExitCode::from(1)
        }
    }
}

fn index(dir: &std::path::Path) -> Result<(), String> {
    let articles = trimova_core::index::load_articles(dir)?;
    let index = trimova_core::Index::from_articles(&articles);
    let json = serde_json::to_string_pretty(&index).map_err(|e| e.to_string())? + "\n";
    let path = dir.join("index.json");
    std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
    println!(
        "trimova index: wrote {} with {} articles",
        path.display(),
        articles.len()
    );
    Ok(())
}
