//! What crawlers and feed readers fetch: `sitemap.xml` (an index), the sitemap files it lists,
//! the Google News sitemap and a feed per language; each written only when what it lists changed.

use super::lists::{at_of, Listed};
use super::manifest::{Fingerprint, Manifest, Record};
use super::{Context, Options, Report};
use std::collections::BTreeMap;
use std::path::Path;
use trimova_core::publish::{
    self, news_sitemap, sitemap_index, urlset, FeedEntry, NewsItem, SitemapUrl, MAX_NEWS_URLS,
    MAX_URLS,
};
use trimova_core::timestamp::parse_rfc3339;
use trimova_core::Lang;

/// Articles per sitemap file: three editions each stay well under the protocol's 50,000 URLs
/// (and 50 MB), and the oldest files, full, never change again.
const ARTICLES_PER_SITEMAP: usize = 10_000;
/// How far back the news sitemap reaches (Google News: the last two days).
const NEWS_SECONDS: i64 = 2 * 24 * 3600;

/// One output: where, what it was made from, and how to make it.
struct Output<'a> {
    path: String,
    fingerprint: String,
    lastmod: String,
    make: Box<dyn FnOnce() -> Result<String, String> + 'a>,
}

pub fn render(
    context: &Context,
    old: &Manifest,
    new: &Manifest,
    list: &Listed,
    options: &Options,
    report: &mut Report,
) -> Result<BTreeMap<String, String>, String> {
    let site = context.site;
    let mut articles: Vec<(&String, &Record)> = new.articles.iter().collect();
    let at = |r: &Record| parse_rfc3339(&r.published).unwrap_or(0);
    // Oldest first, so that only the last sitemap file takes new articles.
    articles.sort_by(|(a, ra), (b, rb)| at(ra).cmp(&at(rb)).then_with(|| a.cmp(b)));
    let mut outputs: Vec<Output> = Vec::new();

    for (k, chunk) in articles.chunks(ARTICLES_PER_SITEMAP).enumerate() {
        let mut fingerprint = Fingerprint::default();
        for (id, record) in chunk {
            fingerprint.add(id).add(&record.hash);
        }
        let urls: Vec<SitemapUrl> = chunk
            .iter()
            .flat_map(|(id, record)| edition_urls(site, id, record))
            .collect();
        outputs.push(Output {
            path: format!("sitemaps/articles-{}.xml", k + 1),
            fingerprint: fingerprint.finish(),
            lastmod: newest(urls.iter().map(|u| u.lastmod.as_str())),
            make: Box::new(move || Ok(urlset(&urls))),
        });
    }

    // The list pages, with the newest change among their articles.
    let rows = &list.rows;
    let mut list_urls = Vec::new();
    for page in &list.pages {
        let list_at = at_of(page);
        let lastmod = newest(
            page.rows
                .iter()
                .map(|&i| new.articles[rows[i].id].modified.as_str()),
        );
        for lang in Lang::ALL {
            list_urls.push(SitemapUrl {
                loc: site.url(&list_at.path(&site.base, lang)),
                lastmod: lastmod.clone(),
                alternates: Lang::ALL
                    .iter()
                    .map(|l| (*l, site.url(&list_at.path(&site.base, *l))))
                    .collect(),
            });
        }
    }
    for (k, chunk) in list_urls.chunks(MAX_URLS).enumerate() {
        let mut fingerprint = Fingerprint::default();
        for url in chunk {
            fingerprint.add(&url.loc).add(&url.lastmod);
        }
        outputs.push(Output {
            path: format!("sitemaps/lists-{}.xml", k + 1),
            fingerprint: fingerprint.finish(),
            lastmod: newest(chunk.iter().map(|u| u.lastmod.as_str())),
            make: Box::new({
                let chunk = chunk.to_vec();
                move || Ok(urlset(&chunk))
            }),
        });
    }

    // Google News: the human editions of the last two days, newest first.
    let since = options.now - NEWS_SECONDS;
    let recent: Vec<(String, Vec<Lang>, String)> = articles
        .iter()
        .rev()
        .take_while(|(_, r)| at(r) >= since)
        .filter(|(_, r)| at(r) <= options.now)
        .map(|(id, r)| (id.to_string(), r.pages.clone(), r.hash.clone()))
        .collect();
    let mut news: Vec<(String, Lang, String)> = Vec::new();
    for (id, langs, hash) in &recent {
        for lang in langs {
            news.push((id.clone(), *lang, hash.clone()));
        }
    }
    for (k, chunk) in news.chunks(MAX_NEWS_URLS).enumerate() {
        let mut fingerprint = Fingerprint::default();
        for (id, lang, hash) in chunk {
            fingerprint.add(id).add(lang.code()).add(hash);
        }
        let chunk = chunk.to_vec();
        outputs.push(Output {
            path: format!("sitemaps/news-{}.xml", k + 1),
            fingerprint: fingerprint.finish(),
            lastmod: String::new(),
            make: Box::new(move || {
                let mut items = Vec::new();
                for (id, lang, _) in &chunk {
                    let (article, _) = context.read_article(id)?;
                    items.push(NewsItem {
                        loc: site.edition_url(*lang, id),
                        lang: *lang,
                        title: article.editions[lang].title.clone(),
                        published: article.published.clone(),
                    });
                }
                Ok(news_sitemap(&site.name, &items))
            }),
        });
    }

    // The index of every sitemap file above.
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
    outputs.push(Output {
        path: "sitemap.xml".into(),
        fingerprint: index.finish(),
        lastmod: String::new(),
        make: Box::new(move || Ok(sitemap_index(&files))),
    });

    // A feed per language: its newest human editions.
    for lang in Lang::ALL {
        let ids: Vec<String> = articles
            .iter()
            .rev()
            .filter(|(_, r)| r.pages.contains(&lang))
            .take(options.feed_size)
            .map(|(id, _)| id.to_string())
            .collect();
        let mut fingerprint = Fingerprint::default();
        fingerprint.add(lang.code());
        for id in &ids {
            fingerprint.add(id).add(&new.articles[id].hash);
        }
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
                    .map(|(article, _)| FeedEntry {
                        article,
                        edition: &article.editions[&lang],
                    })
                    .collect();
                Ok(publish::feed(site, lang, &entries))
            }),
        });
    }

    let mut recorded = BTreeMap::new();
    for output in outputs {
        let unchanged = old.outputs.get(&output.path) == Some(&output.fingerprint)
            && context.dist.join(&output.path).exists();
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

/// The newest of RFC 3339 times ("" for none).
fn newest<'a>(times: impl Iterator<Item = &'a str>) -> String {
    times
        .max_by_key(|t| parse_rfc3339(t).unwrap_or(i64::MIN))
        .unwrap_or_default()
        .to_string()
}
