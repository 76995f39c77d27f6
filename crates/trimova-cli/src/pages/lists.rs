//! The list pages (`/<lang>/`, its older pages, months and tags) and `/`: each page's HTML and its
//! `list.json`, rendered only when the articles on it, or its place in the list, changed.

use super::manifest::{Fingerprint, Manifest, Record};
use super::{Context, Report};
use crate::failure::Failure;
use crate::shell::{data_script, Page};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use trimova::api::LIST_DATA;
use trimova::prerender::{render_body, PageData};
use trimova_core::archive::{self, by_newest, plan, ListPage, PlannedPage, Row};
use trimova_core::i18n::{messages, page_title};
use trimova_core::publish::list_head;
use trimova_core::{ArticleSummary, Lang};

/// The language `/` is pre-rendered in (the app then moves each reader to their own).
const ROOT_LANG: Lang = Lang::Uk;
/// A language to build the language-free part of a list page's path with (`*/page/3/`).
const ANY: Lang = Lang::Uk;

/// Every list page of the archive, planned from the manifest's records alone.
pub struct Listed<'a> {
    /// Newest first.
    pub rows: Vec<Row<'a>>,
    /// Each row's record, in the same order.
    pub records: Vec<&'a Record>,
    pub pages: Vec<PlannedPage>,
}

impl<'a> Listed<'a> {
    pub fn new(manifest: &'a Manifest) -> Listed<'a> {
        let mut listed: Vec<(Row, &Record)> = manifest
            .articles
            .iter()
            .map(|(id, r)| {
                let row = Row {
                    id,
                    published: &r.published,
                    at: r.published_at,
                    tags: &r.tags,
                };
                (row, r)
            })
            .collect();
        listed.par_sort_unstable_by(|(a, _), (b, _)| by_newest(a, b));
        let (rows, records): (Vec<Row>, Vec<&Record>) = listed.into_iter().unzip();
        let pages = plan(&rows);
        Listed {
            rows,
            records,
            pages,
        }
    }
}

/// One list page to have, in every language.
struct Wanted<'a> {
    /// The page's folder relative to the site with `*` for the language (`*/page/3/`).
    output: String,
    planned: &'a PlannedPage,
    fingerprint: String,
}

/// Renders the list pages whose fingerprint changed; returns every list output with its
/// fingerprint. `summaries` holds the summaries already read (the changed articles'), and gains
/// those of unchanged articles on pages that are rendered.
pub fn render(
    context: &Context,
    old: &Manifest,
    list: &Listed,
    summaries: &mut HashMap<String, ArticleSummary>,
    report: &mut Report,
) -> Result<BTreeMap<String, String>, Failure> {
    let wanted = wanted_pages(list);
    // The manifest is trusted: a page deleted by hand comes back with --full.
    let render: Vec<&Wanted> = wanted
        .iter()
        .filter(|w| old.outputs.get(&w.output) != Some(&w.fingerprint))
        .collect();
    report.kept += (wanted.len() - render.len()) * Lang::ALL.len();
    report.lists += render.len() * Lang::ALL.len();
    read_summaries(context, list, &render, summaries)?;
    let summaries = &*summaries;
    let jobs: Vec<(&Wanted, Lang)> = render
        .iter()
        .flat_map(|w| Lang::ALL.into_iter().map(move |lang| (*w, lang)))
        .collect();
    jobs.par_iter()
        .try_for_each(|&(w, lang)| write_page(context, list, summaries, w.planned, lang))?;
    Ok(wanted
        .into_iter()
        .map(|w| (w.output, w.fingerprint))
        .collect())
}

/// Every planned page with the fingerprint of what it shows: its place, and its articles' ids
/// and hashes.
fn wanted_pages<'a>(list: &'a Listed) -> Vec<Wanted<'a>> {
    list.pages
        .iter()
        .map(|page| {
            let path = page.at().path("", ANY);
            let output = format!("*{}", &path[1 + ANY.code().len()..]);
            let mut fingerprint = Fingerprint::default();
            fingerprint
                .add(&output)
                .add(&page.number.to_string())
                .add(&format!("{:?}", page.place))
                .add(page.name.as_deref().unwrap_or_default());
            for &i in &page.rows {
                fingerprint.add(list.rows[i].id).hash(list.records[i].hash);
            }
            Wanted {
                output,
                planned: page,
                fingerprint: fingerprint.finish(),
            }
        })
        .collect()
}

/// Reads the summaries of unchanged articles that appear on a page to render.
fn read_summaries(
    context: &Context,
    list: &Listed,
    render: &[&Wanted],
    summaries: &mut HashMap<String, ArticleSummary>,
) -> Result<(), Failure> {
    let missing: BTreeSet<&str> = render
        .iter()
        .flat_map(|w| w.planned.rows.iter().map(|&i| list.rows[i].id))
        .filter(|id| !summaries.contains_key(*id))
        .collect();
    let loaded: Vec<(String, ArticleSummary)> = missing
        .par_iter()
        .map(|id| {
            let article = context.read_article(id)?;
            Ok((id.to_string(), ArticleSummary::of(&article)))
        })
        .collect::<Result<_, Failure>>()?;
    summaries.extend(loaded);
    Ok(())
}

/// Writes one list page in `lang`: its `list.json` and its HTML (and `/` for the newest page of
/// the Ukrainian list).
fn write_page(
    context: &Context,
    list: &Listed,
    summaries: &HashMap<String, ArticleSummary>,
    planned: &PlannedPage,
    lang: Lang,
) -> Result<(), Failure> {
    let page = Arc::new(ListPage {
        format: archive::FORMAT.into(),
        lang,
        listing: planned.listing.clone(),
        number: planned.number,
        place: planned.place,
        name: planned.name.clone(),
        entries: planned
            .rows
            .iter()
            .map(|&i| summaries[list.rows[i].id].list_entry(lang))
            .collect(),
    });
    let json = page.to_file();
    let at = page.at();
    let dir = PathBuf::from(at.path("", lang).trim_start_matches('/'));
    context.write(&dir.join(archive::LIST_FILE), &json)?;
    context.write(
        &dir.join("index.html"),
        &list_html(context, &page, &at.path(&context.site.base, lang))?,
    )?;
    if lang == ROOT_LANG && page.listing == archive::Listing::Latest && at.page.is_none() {
        context.write(
            Path::new("index.html"),
            &list_html(context, &page, &context.site.base)?,
        )?;
    }
    Ok(())
}

/// The HTML of a list page shown at `path`, carrying its entries.
fn list_html(context: &Context, page: &Arc<ListPage>, path: &str) -> Result<String, Failure> {
    let base = &context.site.base;
    let text = messages(page.lang);
    context.shell.page(&Page {
        lang: page.lang,
        title: &page_title(&page.heading()),
        description: text.tagline,
        head: &list_head(context.site, page.lang, &page.at()),
        data: &data_script(
            LIST_DATA,
            &page.at().data_file(page.lang),
            None,
            &page.to_file(),
        ),
        body: &render_body(base, path, PageData::List(Arc::clone(page))),
    })
}

/// The files an output recorded in the manifest stands for: a list page (`*/page/3/`) is its
/// `index.html` and `list.json` in every language (and `/` for the newest Ukrainian page);
/// anything else is one file.
pub fn files_of(output: &str) -> Vec<PathBuf> {
    let Some(dir) = output.strip_prefix('*') else {
        return vec![PathBuf::from(output)];
    };
    let mut files: Vec<PathBuf> = Lang::ALL
        .iter()
        .flat_map(|l| {
            let folder = PathBuf::from(format!("{}{dir}", l.code()));
            [folder.join("index.html"), folder.join(archive::LIST_FILE)]
        })
        .collect();
    if dir == "/" {
        files.push(PathBuf::from("index.html"));
    }
    files
}
