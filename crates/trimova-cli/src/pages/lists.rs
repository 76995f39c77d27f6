//! The list pages (`/<lang>/`, its older pages, months and tags) and `/`: each page's HTML and its
//! `list.json`, rendered only when the articles on it, or its place in the list, changed.

use super::manifest::{Fingerprint, Manifest, Record};
use super::summaries::Summaries;
use super::{Context, Report};
use crate::failure::Failure;
use crate::shell::{data_script, Page};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
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
    /// Each row's place among the manifest's records, in the same order.
    pub positions: Vec<usize>,
    pub pages: Vec<PlannedPage>,
}

impl<'a> Listed<'a> {
    pub fn new(manifest: &'a Manifest) -> Listed<'a> {
        let mut listed: Vec<(Row, (&Record, usize))> = manifest
            .articles
            .iter()
            .enumerate()
            .map(|(position, (id, r))| {
                let row = Row {
                    id,
                    published: &r.published,
                    at: r.published_at,
                    tags: &r.tags,
                };
                (row, (r, position))
            })
            .collect();
        listed.par_sort_unstable_by(|(a, _), (b, _)| by_newest(a, b));
        let (rows, of): (Vec<Row>, Vec<(&Record, usize)>) = listed.into_iter().unzip();
        let (records, positions) = of.into_iter().unzip();
        let pages = plan(&rows);
        Listed {
            rows,
            records,
            positions,
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
    summaries: &mut Summaries,
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
    // A page's summaries are read once for its three languages.
    render.par_iter().try_for_each(|w| {
        let shown = w
            .planned
            .rows
            .iter()
            .map(|&i| {
                summaries.get(list.positions[i])?.ok_or_else(|| {
                    Failure::from(format!("{}: no summary was read", list.rows[i].id))
                })
            })
            .collect::<Result<Vec<ArticleSummary>, Failure>>()?;
        Lang::ALL
            .into_iter()
            .try_for_each(|lang| write_page(context, &shown, w.planned, lang))
    })?;
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
    summaries: &mut Summaries,
) -> Result<(), Failure> {
    let missing: BTreeSet<usize> = render
        .iter()
        .flat_map(|w| w.planned.rows.iter().copied())
        .filter(|&i| !summaries.has(list.positions[i]))
        .collect();
    let store = &*summaries;
    let loaded: Vec<_> = missing
        .par_iter()
        .map(|&i| {
            let article = context.read_article(list.rows[i].id)?;
            Ok((list.positions[i], store.put(&ArticleSummary::of(&article))?))
        })
        .collect::<Result<_, Failure>>()?;
    for (position, kept) in loaded {
        summaries.set(position, kept);
    }
    Ok(())
}

/// Writes one list page in `lang`: its `list.json` and its HTML (and `/` for the newest page of
/// the Ukrainian list). `shown`: the summaries of its articles, in its order.
fn write_page(
    context: &Context,
    shown: &[ArticleSummary],
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
        entries: shown.iter().map(|s| s.list_entry(lang)).collect(),
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
