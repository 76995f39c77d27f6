//! What crawlers and feed readers fetch: `sitemap.xml` (an index), the sitemap files it lists,
//! the Google News sitemap and a feed per language; each written only when what it lists changed.

use super::lists::Listed;
use super::manifest::{Fingerprint, Manifest, Record};
use super::{Context, Options, Report};
use crate::failure::Failure;
use std::collections::BTreeMap;
use std::path::Path;
use trimova_core::archive::{Listing, Place, PlannedPage};
use trimova_core::publish::{
    self, news_sitemap, sitemap_index, urlset, FeedEntry, NewsItem, SitemapUrl, MAX_NEWS_URLS,
    MAX_URLS,
};
use trimova_core::timestamp::parse_rfc3339;
use trimova_core::Lang;

/// Articles per sitemap file: oldest first, so the full files change only when one of their
/// articles is edited, and then 2 MB is written again, not 11 (2,000 articles are at most 6,000
/// URLs, well under the protocol's 50,000 and 50 MB).
const ARTICLES_PER_SITEMAP: usize = 2_000;
/// Older list pages per sitemap file (3,000 URLs): a listing's pages, counted from the oldest,
/// fill its files in order, so a new page lands in its listing's last file and leaves the
/// others, and every other listing's, as they were.
const PAGES_PER_SITEMAP: u32 = 1_000;
const _: () = assert!(
    ARTICLES_PER_SITEMAP * 3 <= MAX_URLS && PAGES_PER_SITEMAP as usize * 3 <= MAX_URLS,
    "a sitemap file within the protocol's URLs, whatever an article's editions"
);
/// How far back the news sitemap reaches (Google News: the last two days).
const NEWS_SECONDS: i64 = 2 * 24 * 3600;

/// One output: where, what it was made from, and how to make it.
struct Output<'a> {
    path: String,
    fingerprint: String,
    lastmod: String,
    make: Box<dyn FnOnce() -> Result<String, Failure> + 'a>,
}

/// The articles every output is made from, oldest first, so that only the last sitemap file
/// takes new ones; and the newest change among list rows.
struct Sources<'a> {
    context: &'a Context<'a>,
    list: &'a Listed<'a>,
    articles: Vec<(&'a str, &'a Record)>,
}

impl<'a> Sources<'a> {
    /// The last change among rows (positions newest first), as written.
    fn newest_of(&self, positions: impl Iterator<Item = usize>) -> String {
        positions
            .map(|i| self.list.records[i])
            .max_by_key(|r| r.modified_at)
            .map_or(String::new(), |r| r.modified.clone())
    }
}

/// Writes the sitemaps and feeds whose inputs changed since `old`; returns every output's
/// fingerprint, for the manifest.
pub fn render(
    context: &Context,
    old: &Manifest,
    list: &Listed,
    options: &Options,
    report: &mut Report,
) -> Result<BTreeMap<String, String>, Failure> {
    let articles = list
        .rows
        .iter()
        .zip(&list.records)
        .rev()
        .map(|(row, record)| (row.id, *record))
        .collect();
    let sources = Sources {
        context,
        list,
        articles,
    };
    let mut outputs = article_sitemaps(&sources);
    outputs.extend(list_sitemaps(&sources));
    outputs.extend(news_sitemaps(&sources, options.now));
    let index = index_of(context.site, &outputs);
    outputs.push(index);
    outputs.extend(feeds(&sources, options.feed_size));

    // Fingerprints are made of ids and hashes only; the XML is made only for files that changed.
    let mut recorded = BTreeMap::new();
    for output in outputs {
        let unchanged = old.outputs.get(&output.path) == Some(&output.fingerprint);
        if unchanged {
            report.kept += 1;
        } else {
            context.write(Path::new(&output.path), &(output.make)()?)?;
            report.syndication += 1;
        }
        recorded.insert(output.path, output.fingerprint);
    }
    Ok(recorded)
}

/// Every human edition, `ARTICLES_PER_SITEMAP` articles a file, oldest first.
fn article_sitemaps<'a>(sources: &'a Sources<'a>) -> Vec<Output<'a>> {
    let site = sources.context.site;
    let n = sources.articles.len();
    let mut outputs = Vec::new();
    for (k, chunk) in sources.articles.chunks(ARTICLES_PER_SITEMAP).enumerate() {
        let mut fingerprint = Fingerprint::default();
        for (id, record) in chunk {
            fingerprint.add(id).hash(record.hash);
        }
        let from_oldest = k * ARTICLES_PER_SITEMAP;
        outputs.push(Output {
            path: format!("sitemaps/articles-{}.xml", k + 1),
            fingerprint: fingerprint.finish(),
            lastmod: sources.newest_of((from_oldest..from_oldest + chunk.len()).map(|i| n - 1 - i)),
            make: Box::new(move || {
                let urls: Vec<SitemapUrl> = chunk
                    .iter()
                    .flat_map(|(id, record)| edition_urls(site, id, record))
                    .collect();
                Ok(urlset(&urls))
            }),
        });
    }
    outputs
}

/// The list pages (each in every language), with the newest change among their articles. The
/// newest page of every listing changes with each article published: they share one small file.
/// The older ones are filed by listing and number, so their files stay as they are.
fn list_sitemaps<'a>(sources: &'a Sources<'a>) -> Vec<Output<'a>> {
    let site = sources.context.site;
    let mut files: BTreeMap<String, Vec<&PlannedPage>> = BTreeMap::new();
    for page in &sources.list.pages {
        files.entry(list_sitemap(page)).or_default().push(page);
    }
    let mut outputs = Vec::new();
    for (path, pages) in files {
        let mut fingerprint = Fingerprint::default();
        let lastmods: Vec<String> = pages
            .iter()
            .map(|page| sources.newest_of(page.rows.iter().copied()))
            .collect();
        for (page, lastmod) in pages.iter().zip(&lastmods) {
            fingerprint.add(&page.at().path("/", Lang::Uk)).add(lastmod);
        }
        outputs.push(Output {
            path,
            fingerprint: fingerprint.finish(),
            lastmod: lastmods
                .iter()
                .max_by_key(|m| parse_rfc3339(m).unwrap_or(i64::MIN))
                .cloned()
                .unwrap_or_default(),
            make: Box::new(move || {
                let mut urls = Vec::new();
                for (page, lastmod) in pages.iter().zip(&lastmods) {
                    let list_at = page.at();
                    let alternates: Vec<(Lang, String)> = Lang::ALL
                        .iter()
                        .map(|l| (*l, site.url(&list_at.path(&site.base, *l))))
                        .collect();
                    for (_, loc) in &alternates {
                        urls.push(SitemapUrl {
                            loc: loc.clone(),
                            lastmod: lastmod.clone(),
                            alternates: alternates.clone(),
                        });
                    }
                }
                Ok(urlset(&urls))
            }),
        });
    }
    outputs
}

/// Google News: the human editions of the two days before `now`, newest first.
fn news_sitemaps<'a>(sources: &'a Sources<'a>, now: i64) -> Vec<Output<'a>> {
    let (context, site) = (sources.context, sources.context.site);
    let since = now - NEWS_SECONDS;
    let news: Vec<(&str, Lang, u128)> = sources
        .articles
        .iter()
        .rev()
        .take_while(|(_, r)| r.published_at >= since)
        .filter(|(_, r)| r.published_at <= now)
        .flat_map(|(id, r)| r.pages.iter().map(move |lang| (*id, *lang, r.hash)))
        .collect();
    let mut outputs = Vec::new();
    for (k, chunk) in news.chunks(MAX_NEWS_URLS).enumerate() {
        let mut fingerprint = Fingerprint::default();
        for (id, lang, hash) in chunk {
            fingerprint.add(id).add(lang.code()).hash(*hash);
        }
        let chunk = chunk.to_vec();
        outputs.push(Output {
            path: format!("sitemaps/news-{}.xml", k + 1),
            fingerprint: fingerprint.finish(),
            lastmod: String::new(),
            make: Box::new(move || {
                let mut items = Vec::new();
                // An article's editions are side by side: each file is read once.
                let mut last: Option<(&str, trimova_core::Article)> = None;
                for &(id, lang, _) in &chunk {
                    if last.as_ref().is_none_or(|(read, _)| *read != id) {
                        last = Some((id, context.read_article(id)?));
                    }
                    let (_, article) = last.as_ref().expect("just read");
                    items.push(NewsItem {
                        loc: site.edition_url(lang, id),
                        lang,
                        title: article.editions[&lang].title.clone(),
                        published: article.published.clone(),
                    });
                }
                Ok(news_sitemap(&site.name, &items))
            }),
        });
    }
    outputs
}

/// `sitemap.xml`: the index of every sitemap file in `outputs`.
fn index_of<'a>(site: &publish::Site, outputs: &[Output]) -> Output<'a> {
    let mut index = Fingerprint::default();
    let files: Vec<(String, String)> = outputs
        .iter()
        .map(|o| {
            index.add(&o.path).add(&o.fingerprint);
            (
                site.url(&format!("{}{}", site.base, o.path)),
                o.lastmod.clone(),
            )
        })
        .collect();
    Output {
        path: "sitemap.xml".into(),
        fingerprint: index.finish(),
        lastmod: String::new(),
        make: Box::new(move || Ok(sitemap_index(&files))),
    }
}

/// A feed per language: its newest `size` human editions.
fn feeds<'a>(sources: &'a Sources<'a>, size: usize) -> Vec<Output<'a>> {
    let (context, site) = (sources.context, sources.context.site);
    let mut outputs = Vec::new();
    for lang in Lang::ALL {
        let newest: Vec<&(&str, &Record)> = sources
            .articles
            .iter()
            .rev()
            .filter(|(_, r)| r.pages.contains(&lang))
            .take(size)
            .collect();
        let mut fingerprint = Fingerprint::default();
        fingerprint.add(lang.code());
        for (id, record) in &newest {
            fingerprint.add(id).hash(record.hash);
        }
        let ids: Vec<&str> = newest.iter().map(|(id, _)| *id).collect();
        outputs.push(Output {
            path: format!("{}/feed.xml", lang.code()),
            fingerprint: fingerprint.finish(),
            lastmod: String::new(),
            make: Box::new(move || {
                let read: Vec<_> = ids
                    .iter()
                    .map(|id| context.read_article(id))
                    .collect::<Result<_, _>>()?;
                let entries: Vec<FeedEntry> = read
                    .iter()
                    .map(|article| FeedEntry {
                        article,
                        edition: &article.editions[&lang],
                    })
                    .collect();
                Ok(publish::feed(site, lang, &entries))
            }),
        });
    }
    outputs
}

/// The sitemap file a list page is in: `sitemaps/lists-newest.xml` for the newest page of every
/// listing, else its listing's file for its number (`lists-latest-1.xml`, `lists-2026-11-1.xml`,
/// `lists-tag-energy-1.xml`).
fn list_sitemap(page: &PlannedPage) -> String {
    if page.place == Place::Newest {
        return "sitemaps/lists-newest.xml".into();
    }
    let listing = match &page.listing {
        Listing::Latest => "latest".to_string(),
        Listing::Month { year, month } => format!("{year:04}-{month:02}"),
        Listing::Tag { slug } => format!("tag-{slug}"),
    };
    let k = (page.number - 1) / PAGES_PER_SITEMAP + 1;
    format!("sitemaps/lists-{listing}-{k}.xml")
}

/// Each human edition of an article, with the others as alternates.
fn edition_urls(site: &publish::Site, id: &str, record: &Record) -> Vec<SitemapUrl> {
    let alternates: Vec<(Lang, String)> = record
        .pages
        .iter()
        .map(|l| (*l, site.edition_url(*l, id)))
        .collect();
    alternates
        .iter()
        .map(|(_, loc)| SitemapUrl {
            loc: loc.clone(),
            lastmod: record.modified.clone(),
            alternates: alternates.clone(),
        })
        .collect()
}
