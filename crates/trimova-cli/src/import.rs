//! `trimova import`: plain-text pages (the old site's format) to article files.

use crate::args::ImportArgs;
use crate::failure::Failure;
use crate::files::{expand, Kind};
use crate::progress::Progress;
use crate::write::{write_whole, Durability};
use std::path::Path;
use trimova_core::import::{import_page, merge_pages, suggest_id, ImportedPage};
use trimova_core::{Article, Lang};

fn read_page(path: &Path, lang: Option<Lang>) -> Result<ImportedPage, Failure> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text =
        String::from_utf8(bytes).map_err(|_| format!("{}: is not UTF-8 text", path.display()))?;
    Ok(import_page(&text, lang).map_err(|e| format!("{}: {e}", path.display()))?)
}

pub fn run(args: ImportArgs) -> Result<(), Failure> {
    let files = expand(&args.files, Kind::Pages)?;
    if files.is_empty() {
        return Err(Failure::Usage(
            "no page files given (folders are searched for .txt files)".into(),
        ));
    }
    let to_stdout = args.out.is_none();
    if to_stdout && args.id.is_none() && files.len() > 1 {
        return Err(Failure::Usage(
            "several pages make several articles: give -o DIR to write them, or --id ID to merge them as editions of one".into(),
        ));
    }

    // Several files under one id are the editions of one article.
    if let Some(id) = &args.id {
        let pages = files
            .iter()
            .map(|f| read_page(f, args.lang))
            .collect::<Result<Vec<_>, _>>()?;
        let article = merge_pages(id, pages).map_err(|e| Failure::Input(e.to_string()))?;
        return write(&article, args.out.as_deref());
    }

    let progress = Progress::new(files.len() as u64, "importing");
    let mut problems = Vec::new();
    let mut written = 0;
    for file in &files {
        let result = read_page(file, args.lang).and_then(|page| {
            let id = suggest_id(&page.edition.title, &page.date);
            let article =
                merge_pages(&id, vec![page]).map_err(|e| format!("{}: {e}", file.display()))?;
            write(&article, args.out.as_deref())
        });
        match result {
            Ok(()) => written += 1,
            Err(message) => {
                if files.len() > 1 {
                    progress.println(&message.to_string());
                }
                problems.push(message);
            }
        }
        progress.inc();
    }
    progress.finish();
    if let Some(out) = &args.out {
        if files.len() > 1 {
            eprintln!(
                "trimova import: {written} articles written to {}, {} pages refused",
                out.display(),
                problems.len()
            );
        }
    }
    match problems.len() {
        0 => Ok(()),
        _ if files.len() == 1 => Err(problems.remove(0)),
        n => Err(Failure::Quiet(format!(
            "{n} of {} pages could not be imported",
            files.len()
        ))),
    }
}

/// Writes one article: to standard output, into a folder (as `ID.json`), or to a file.
fn write(article: &Article, out: Option<&Path>) -> Result<(), Failure> {
    let json = article.to_file();
    let Some(out) = out else {
        print!("{json}");
        return Ok(());
    };
    let path = if out.is_dir() || out.to_string_lossy().ends_with('/') {
        out.join(format!("{}.json", article.id))
    } else {
        out.to_path_buf()
    };
    write_whole(&path, json.as_bytes(), Durability::Now)
}
