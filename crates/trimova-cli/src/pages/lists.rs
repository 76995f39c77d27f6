//! The list pages (`/<lang>/`, its older pages, months and tags) and `/`: each page's HTML and its
//! `list.json`, rendered only when the articles on it, or its place in the list, changed.

use super::manifest::{Fingerprint, Manifest};
use super::{Context, Report};
use crate::shell::{data_script, Page};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use trimova::api::EMBEDDED_LIST;
use trimova::prerender::{render_body, PageData};
use trimova_core::archive::{self, newest_first, plan, ListAt, ListPage, PlannedPage, Row};
use trimova_core::i18n::messages;
use trimova_core::publish::{list_head, page_title};
use trimova_core::timestamp::parse_rfc3339;
use trimova_core::{IndexEntry, Lang};

/// The language `/` is pre-rendered in (the app then moves each reader to their own).
const ROOT_LANG: Lang = Lang::Uk;
/// The output `/` is recorded under.
const ROOT: &str = "index.html";

/// Every list page of the archive, planned from the manifest's records alone.
pub struct Listed<'a> {
    /// Newest first.
    pub rows: Vec<Row<'a>>,
    pub pages: Vec<PlannedPage>,
}

impl<'a> Listed<'a> {
    pub fn new(manifest: &'a Manifest) -> Listed<'a> {
        let mut rows: Vec<Row> = manifest
            .articles
            .iter()
            .map(|(id, r)| Row {
                id,
                published: &r.published,
                at: parse_rfc3339(&r.published).unwrap_or(0),
                tags: &r.tags,
            })
            .collect();
        newest_first(&mut rows);
        let pages = plan(&rows);
        Listed { rows, pages }
    }
}

/// One list page to have in one language.
struct Wanted<'a> {
    /// The page's folder relative to the site (`uk/page/3/`), or `ROOT`.
    output: String,
    lang: Lang,
    planned: &'a PlannedPage,
    fingerprint: String,
}

/// Renders the list pages whose fingerprint changed; returns every list output with its
/// fingerprint. `entries` holds the list entries already read (the changed articles'), and gains
/// those of unchanged articles on pages that are rendered.
pub fn render(
    context: &Context,
    old: &Manifest,
    new: &Manifest,
    list: &Listed,
    entries: &mut HashMap<String, IndexEntry>,
    report: &mut Report,
) -> Result<BTreeMap<String, String>, String> {
    let rows = &list.rows;
    let hashes: Vec<&str> = rows
        .iter()
        .map(|r| new.articles[r.id].hash.as_str())
        .collect();
    let mut wanted = Vec::new();
    for page in &list.pages {
        let mut fingerprint = Fingerprint::default();
        fingerprint
            .add(&at_of(page).path("/", ROOT_LANG))
            .add(&page.number.to_string())
            .add(&page.pages.to_string())
            .add(page.name.as_deref().unwrap_or_default());
        for &i in &page.rows {
            fingerprint.add(rows[i].id).add(hashes[i]);
        }
        let (at, fingerprint) = (at_of(page), fingerprint.finish());
        for lang in Lang::ALL {
            let fingerprint = format!("{fingerprint} {}", lang.code());
            if page.listing == archive::Listing::Latest && at.page.is_none() && lang == ROOT_LANG {
                wanted.push(Wanted {
                    output: ROOT.into(),
                    lang,
                    planned: page,
                    fingerprint: format!("root {fingerprint}"),
                });
            }
            wanted.push(Wanted {
                output: at.path("/", lang)[1..].to_string(),
                lang,
                planned: page,
                fingerprint,
            });
        }
    }
    let (keep, render): (Vec<&Wanted>, Vec<&Wanted>) = wanted.iter().partition(|w| {
        old.outputs.get(&w.output) == Some(&w.fingerprint)
            && files_of(&w.output)
                .iter()
                .all(|f| context.dist.join(f).exists())
    });
    report.kept += keep.len();
    report.lists += render.len();

    // The entries of unchanged articles that appear on a page to render.
    let missing: BTreeSet<&str> = render
        .iter()
        .flat_map(|w| w.planned.rows.iter().map(|&i| rows[i].id))
        .filter(|id| !entries.contains_key(*id))
        .collect();
    let loaded: Vec<(String, IndexEntry)> = missing
        .par_iter()
        .map(|id| {
            let (article, _) = context.read_article(id)?;
            Ok((id.to_string(), IndexEntry::of(&article)))
        })
        .collect::<Result<_, String>>()?;
    entries.extend(loaded);

    let entries = &*entries;
    render.par_iter().try_for_each(|w| {
        let page = Arc::new(ListPage {
            format: archive::FORMAT.into(),
            lang: w.lang,
            listing: w.planned.listing.clone(),
            number: w.planned.number,
            pages: w.planned.pages,
            name: w.planned.name.clone(),
            entries: w
                .planned
                .rows
                .iter()
                .map(|&i| entries[rows[i].id].list_entry(w.lang))
                .collect(),
        });
        let json = page.to_file();
        let base = &context.site.base;
        let at = page.at();
        let path = if w.output == ROOT {
            base.clone()
        } else {
            at.path(base, w.lang)
        };
        let text = messages(w.lang);
        let html = context.shell.page(&Page {
            lang: w.lang,
            title: &page_title(&page.heading()),
            description: text.tagline,
            head: &list_head(context.site, w.lang, &at),
            data: &data_script(EMBEDDED_LIST, None, &json),
            body: &render_body(base, &path, PageData::List(Arc::clone(&page))),
        })?;
        if w.output == ROOT {
            return context.write(Path::new(ROOT), &html);
        }
        let dir = Path::new(&w.output);
        context.write(&dir.join(archive::LIST_FILE), &json)?;
        context.write(&dir.join("index.html"), &html)
    })?;
    Ok(wanted
        .into_iter()
        .map(|w| (w.output, w.fingerprint))
        .collect())
}

/// Where a planned page lives.
pub fn at_of(page: &PlannedPage) -> ListAt {
    ListAt {
        listing: page.listing.clone(),
        page: (page.number < page.pages).then_some(page.number),
    }
}

/// The files an output recorded in the manifest stands for: a list page's folder holds its
/// `index.html` and `list.json`; anything else is one file.
pub fn files_of(output: &str) -> Vec<PathBuf> {
    match output.strip_suffix('/') {
        Some(dir) => vec![
            Path::new(dir).join("index.html"),
            Path::new(dir).join(archive::LIST_FILE),
        ],
        None => vec![PathBuf::from(output)],
    }
}
