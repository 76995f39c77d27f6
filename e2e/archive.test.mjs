// A newsroom's archive: a few thousand generated articles (scripts/generate-archive.mjs) published
// with `trimova pages` into a copy of the build, read with scripts off (every list page, month
// and tag, the sitemaps and feeds) and with scripts on (moving between list pages in place
// fetches that page's entries and nothing else).
import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { LANGS, launchBrowser, newReader, closeReaders, settled, publishedArchive } from './helpers.mjs';

const COUNT = 3000;
const NOW = Date.parse('2026-12-02T12:00:00Z');
const ORIGIN = process.env.TRIMOVA_SITE_URL ?? 'http://127.0.0.1:8080';
const PAGE_SIZE = 30;
const FEED_SIZE = 50;

let browser;
let site;
let articles; // newest first: { id, published, tags, langs, original }

before(async () => {
  const archive = await publishedArchive({ count: COUNT, now: NOW, origin: ORIGIN });
  articles = archive.made.map((a, i) => ({ ...a, original: i % 3 === 2 ? 'en' : 'uk' }));
  site = archive;
  browser = await launchBrowser();
});
afterEach(closeReaders);
after(async () => {
  await browser?.close();
  await site?.close();
});

async function scriptless() {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'uk-UA' });
  return { context, page: await context.newPage() };
}

/** Where a reader of `lang` is sent for an article: its edition, else the original. */
const hrefFor = (lang, a) => `/${a.langs.includes(lang) ? lang : a.original}/${a.id}`;

/**
 * Follows rel=next from `start` to the end, scripts off; returns every entry's link in order,
 * and checks each page is self-canonical and linked back with rel=prev.
 */
async function walk(page, start) {
  const hrefs = [];
  let path = start;
  let previous = null;
  for (let pages = 0; path; pages++) {
    assert.ok(pages < 1000, 'the walk ends');
    const response = await page.goto(site.url + path);
    assert.equal(response.status(), 200, path);
    assert.equal(await page.$eval('link[rel=canonical]', (l) => l.getAttribute('href')), ORIGIN + path, path);
    assert.equal(await page.$eval('a[rel=prev]', (a) => a.getAttribute('href')).catch(() => null), previous, `${path} links back`);
    hrefs.push(...await page.$$eval('.article-item h3 a', (as) => as.map((a) => a.getAttribute('href'))));
    previous = path;
    path = await page.$eval('a[rel=next]', (a) => a.getAttribute('href')).catch(() => null);
  }
  return hrefs;
}

describe('the archive with scripts off', () => {
  test('rel=next from /<lang>/ reaches every article once, newest first', async () => {
    const { page } = await scriptless();
    for (const lang of LANGS) {
      const hrefs = await walk(page, `/${lang}/`);
      assert.deepEqual(hrefs, articles.map((a) => hrefFor(lang, a)), lang);
    }
    // `/` is the Ukrainian list's newest page.
    await page.goto(`${site.url}/`);
    const first = await page.$$eval('.article-item h3 a', (as) => as.map((a) => a.getAttribute('href')));
    assert.equal(first[0], hrefFor('uk', articles[0]));
    assert.ok(first.length >= PAGE_SIZE && first.length < 2 * PAGE_SIZE, `${first.length} entries`);
  });

  test('a month and a tag list exactly their articles, and entries show what a news list shows', async () => {
    const { page } = await scriptless();
    const november = await walk(page, '/en/2026/11/');
    assert.deepEqual(november, articles.filter((a) => a.published.startsWith('2026-11')).map((a) => hrefFor('en', a)));
    const energy = await walk(page, '/ru/tag/energy/');
    assert.deepEqual(energy, articles.filter((a) => a.tags.includes('Energy')).map((a) => hrefFor('ru', a)));
    assert.equal(await page.textContent('h1'), 'Тег: Energy · Страница 1', 'the oldest page says which it is');
    await page.goto(`${site.url}/ru/tag/energy/`);
    assert.equal(await page.textContent('h1'), 'Тег: Energy');

    await page.goto(`${site.url}/en/`);
    const day = await page.$eval('.list-day-heading a', (a) => ({ href: a.getAttribute('href'), text: a.textContent }));
    assert.deepEqual(day, { href: '/en/2026/12/', text: 'December 2, 2026' });
    const withImage = articles.findIndex((a, i) => i % 4 === 0);
    const item = await page.$$eval('.article-item', (lis, i) => {
      const li = lis[i];
      return {
        time: li.querySelector('.item-meta time').textContent,
        lead: li.querySelector('.item-lead')?.textContent ?? null,
        img: li.querySelector('img.thumbnail')?.getAttribute('src') ?? null,
        editions: [...li.querySelectorAll('.edition-badges abbr')].map((a) => a.textContent),
      };
    }, withImage);
    assert.match(item.time, /^\d{1,2}:\d\d (AM|PM)$/);
    assert.ok(item.lead && item.lead.length > 20, 'the lead is shown');
    assert.match(item.img, /^media\/archive-\d\.svg$/);
    assert.deepEqual(item.editions, articles[withImage].langs);
    // An article without a Russian edition, in the Russian list: the original's title, marked.
    await page.goto(`${site.url}/ru/`);
    const marked = await page.$$eval('.article-item', (lis) => lis[1].querySelector('.original-marker')?.textContent);
    assert.equal(marked, '(на украинском)');
  });

  test('the sitemap index lists files within the protocol holding every human edition once, and the list pages', async () => {
    const { context, page } = await newReader(browser);
    await page.goto(`${site.url}/uk/`);
    const found = await page.evaluate(async () => {
      const parse = async (path) => {
        const doc = new DOMParser().parseFromString(await (await fetch(path)).text(), 'application/xml');
        if (doc.querySelector('parsererror')) throw new Error(`${path} is not well-formed`);
        return doc;
      };
      const index = await parse('/sitemap.xml');
      const files = [...index.getElementsByTagName('loc')].map((l) => new URL(l.textContent).pathname);
      const out = { files, urls: {}, news: [] };
      for (const file of files) {
        const doc = await parse(file);
        const urls = [...doc.getElementsByTagName('url')];
        out.urls[file] = urls.map((u) => ({
          loc: u.getElementsByTagName('loc')[0].textContent,
          lastmod: u.getElementsByTagName('lastmod')[0]?.textContent ?? null,
          alternates: u.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link').length,
          news: u.getElementsByTagNameNS('http://www.google.com/schemas/sitemap-news/0.9', 'publication_date')[0]?.textContent ?? null,
          title: u.getElementsByTagNameNS('http://www.google.com/schemas/sitemap-news/0.9', 'title')[0]?.textContent ?? null,
        }));
      }
      return out;
    });
    const editions = articles.flatMap((a) => a.langs.map((l) => `${ORIGIN}/${l}/${a.id}`)).sort();
    const listed = Object.entries(found.urls).filter(([f]) => f.includes('/articles-')).flatMap(([, u]) => u);
    assert.deepEqual(listed.map((u) => u.loc).sort(), editions, 'every human edition, once');
    for (const u of listed) {
      const article = articles.find((a) => u.loc.endsWith(`/${a.id}`));
      assert.equal(u.alternates, article.langs.length, u.loc);
      assert.equal(u.lastmod, article.published, u.loc);
    }
    for (const [file, urls] of Object.entries(found.urls)) assert.ok(urls.length <= 50000, file);
    const lists = Object.entries(found.urls).filter(([f]) => f.includes('/lists-')).flatMap(([, u]) => u.map((x) => x.loc));
    for (const path of ['/uk/', '/en/page/1/', '/ru/2026/11/', '/uk/tag/energy/']) assert.ok(lists.includes(ORIGIN + path), path);
    // Google News: exactly the human editions of the last two days.
    const news = Object.entries(found.urls).filter(([f]) => f.includes('/news-')).flatMap(([, u]) => u);
    const recent = articles.filter((a) => Date.parse(a.published) >= NOW - 2 * 86400e3);
    assert.deepEqual(news.map((u) => u.loc).sort(), recent.flatMap((a) => a.langs.map((l) => `${ORIGIN}/${l}/${a.id}`)).sort());
    for (const [file, urls] of Object.entries(found.urls)) if (file.includes('/news-')) assert.ok(urls.length <= 1000, file);
    assert.ok(news.every((u) => u.news && u.title), 'each names its date and title');
    await context.close();
  });

  test('each feed holds the newest 50 of its language, newest first', async () => {
    const { context, page } = await newReader(browser);
    await page.goto(`${site.url}/uk/`);
    for (const lang of LANGS) {
      const ids = await page.evaluate(async (path) => {
        const doc = new DOMParser().parseFromString(await (await fetch(path)).text(), 'application/xml');
        return [...doc.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('id')[0].textContent);
      }, `/${lang}/feed.xml`);
      const expected = articles.filter((a) => a.langs.includes(lang)).slice(0, FEED_SIZE).map((a) => `${ORIGIN}/${lang}/${a.id}`);
      assert.deepEqual(ids, expected, lang);
    }
    await context.close();
  });
});

describe('the archive with scripts on', () => {
  test('moving between list pages, to a month and to a tag fetches only that page\'s entries', async () => {
    const { page } = await newReader(browser, { locale: 'en-US' });
    const fetched = [];
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'fetch') fetched.push({ path: new URL(r.url()).pathname, bytes: (await r.body()).length });
    });
    await page.goto(`${site.url}/en/`);
    await settled(page);
    await page.evaluate(() => { window.samePage = true; });
    const before = fetched.filter((f) => f.path.endsWith('.json') && f.path !== '/config.json');
    assert.deepEqual(before, [], 'the page carries its entries');

    await page.click('a[rel=next]');
    const pages = Math.floor(COUNT / PAGE_SIZE);
    await page.waitForURL(`${site.url}/en/page/${pages - 1}/`);
    await page.waitForSelector(`.article-item a[href="${hrefFor('en', articles[COUNT - (pages - 1) * PAGE_SIZE])}"]`);
    await page.click('a[rel=next]');
    await page.waitForURL(`${site.url}/en/page/${pages - 2}/`);
    await page.waitForSelector('.article-item');
    assert.match(await page.title(), /Page \d+/);
    await page.click('.list-day-heading a');
    await page.waitForURL(/\/en\/2026\/1[12]\/$/);
    await page.waitForSelector('.article-item');
    const data = fetched.filter((f) => f.path.endsWith('.json') && f.path !== '/config.json');
    assert.deepEqual(data.map((f) => f.path), [
      `/en/page/${pages - 1}/list.json`,
      `/en/page/${pages - 2}/list.json`,
      new URL(page.url()).pathname + 'list.json',
    ]);
    for (const f of data) assert.ok(f.bytes < 64 * 1024, `${f.path}: ${f.bytes} bytes`);

    // An article's tag leads to the tag's page, in place; its editions switch with no request.
    const id = articles[0].id;
    await page.goto(`${site.url}/en/${id}`);
    await settled(page);
    await page.evaluate(() => { window.samePage = true; });
    const count = fetched.length;
    await page.click('.switcher a[hreflang=uk]');
    await page.waitForURL(`${site.url}/uk/${id}`);
    assert.equal(fetched.length, count, 'switching editions asks for nothing');
    const tag = articles[0].tags[0];
    await page.click(`.tags a:text-is("${tag}")`);
    await page.waitForURL(`${site.url}/uk/tag/${tag.toLowerCase()}/`);
    await page.waitForSelector('.article-item');
    assert.equal(await page.evaluate(() => window.samePage), true, 'all in place');
    assert.deepEqual(fetched.slice(count).map((f) => f.path), [`/uk/tag/${tag.toLowerCase()}/list.json`]);
    assert.deepEqual(page.errors, []);
  });
});
