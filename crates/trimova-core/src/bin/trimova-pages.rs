//! Writes a page for every edition of every article into a built site, so that deep links are
//! real files: a plain static host answers them with 200 (not its 404 fallback), and crawlers and
//! link previews see the edition's language, title and description before any script runs.
//!
//! Usage: `cargo run -p trimova-core --bin trimova-pages -- DIST` (the Trunk post-build hook runs
//! it; run it again after adding articles to a deployed site without rebuilding).
//! For each `DIST/articles/<id>.json` and each edition `<lang>`, it writes
//! `DIST/<lang>/<id>/index.html`: `DIST/index.html` with `<html lang>`, `<title>` and
//! `<meta name="description">` filled in, and the article file preloaded so that it downloads
//! alongside the wasm instead of after it. `DIST/<lang>/index.html` gets the list's language.
//! Missing (machine-translated) editions get no page: they fall back to `404.html`, and search
//! engines should not index them anyway.

use std::path::Path;
use std::process::ExitCode;
use trimova_core::index::load_articles;
use trimova_core::route::article_file;
use trimova_core::translate::markup::escape;
use trimova_core::Lang;

fn main() -> ExitCode {
    let Some(dist) = std::env::args().nth(1) else {
        eprintln!("usage: trimova-pages DIST");
        return ExitCode::FAILURE;
    };
    match run(Path::new(&dist)) {
        Ok(count) => {
            println!("trimova-pages: wrote {count} edition pages into {dist}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("trimova-pages: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(dist: &Path) -> Result<usize, String> {
    let shell = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("{}/index.html: {e}", dist.display()))?;
    let articles = load_articles(&dist.join("articles"))?;
    let write = |dir: &Path, html: String| -> Result<(), String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        std::fs::write(dir.join("index.html"), html).map_err(|e| format!("{}: {e}", dir.display()))
    };
    for lang in Lang::ALL {
        write(&dist.join(lang.code()), page(&shell, lang, None)?)?;
    }
    let mut count = 0;
    for article in &articles {
        for (lang, edition) in &article.editions {
            let head = (
                format!("{} — Trimova", edition.title),
                edition.description(),
            );
            let html = page(&shell, *lang, Some(head))?;
            let preload = format!(
                "<link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\" />\n  </head>",
                article_file(&article.id)
            );
            write(
                &dist.join(lang.code()).join(&article.id),
                html.replacen("</head>", &preload, 1),
            )?;
            count += 1;
        }
    }
    Ok(count)
}

/// `shell` with its language, and title and description when given.
fn page(shell: &str, lang: Lang, head: Option<(String, String)>) -> Result<String, String> {
    let mut html = replace_between(shell, "<html lang=\"", "\"", lang.code())?;
    if let Some((title, description)) = head {
        html = replace_between(&html, "<title>", "</title>", &escape(&title))?;
        html = replace_between(
            &html,
            "<meta name=\"description\" content=\"",
            "\"",
            &escape(&description),
        )?;
    }
    Ok(html)
}

fn replace_between(text: &str, start: &str, end: &str, with: &str) -> Result<String, String> {
    let from = text
        .find(start)
        .ok_or_else(|| format!("index.html has no {start}"))?
        + start.len();
    let to = from
        + text[from..]
            .find(end)
            .ok_or_else(|| format!("index.html: {start} is not closed"))?;
    Ok(format!("{}{with}{}", &text[..from], &text[to..]))
}
