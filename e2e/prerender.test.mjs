// Pre-rendered pages, end to end: what a reader without scripts, a crawler and a link preview get,
// and the app adopting the page (hydration) without disturbing a reader who already started.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  withSiteAndBrowser, newReader, settled, openWithAppHeld, plain, squash, LANGS, DIST, ROOT,
} from './helpers.mjs';
import { serve } from '../scripts/serve.mjs';

// The origin the build was told it is published at (scripts/test.sh sets it; this is the default).
const ORIGIN = process.env.TRIMOVA_SITE_URL ?? 'http://127.0.0.1:8080';
const SEED = 'north-korea-shells-2024-06';

let browser, site, articles;
withSiteAndBrowser((ready) => ({ browser, site, articles } = ready));

const humanEditions = (article) => Object.entries(article.editions)
  .filter(([, e]) => !e.translation || e.translation.by === 'human')
  .map(([lang]) => lang);
const allHumanPages = () => articles.flatMap((a) => humanEditions(a).map((lang) => [a, lang]));
const byNewest = (a, b) => Date.parse(b.published) - Date.parse(a.published) || a.id.localeCompare(b.id);

/** A reader whose browser runs no script at all. */
async function scriptlessReader() {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const page = await context.newPage();
  return { context, page };
}

/**
 * The body as a canonical tree: elements with sorted attributes (an empty `class` counts as none)
 * and text; comments (the renderer's markers) dropped and adjacent texts joined.
 */
function canonicalBody() {
  const walk = (node) => {
    const out = [];
    let text = '';
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        // The shell's own indentation around what the app renders into <body>.
        if (node !== document.body || child.data.trim()) text += child.data;
        continue;
      }
      // The shell's apology for readers without scripts, which the app renders after.
      if (child.nodeType !== Node.ELEMENT_NODE || child.tagName === 'NOSCRIPT') continue;
      // What the service worker keeps is the browser's, not the page's (src/shelf.rs): its box is
      // compared, what the app puts in it once the worker answers is not.
      if (node.classList?.contains('offline-shelf')) continue;
      if (text) { out.push(text); text = ''; }
      const attrs = [...child.attributes]
        .filter((a) => !(a.name === 'class' && a.value.trim() === ''))
        .map((a) => `${a.name}=${JSON.stringify(a.value.trim().split(/\s+/).sort().join(' '))}`)
        .sort();
      out.push({ tag: child.tagName.toLowerCase(), attrs, children: walk(child) });
    }
    if (text) out.push(text);
    return out;
  };
  return JSON.stringify(walk(document.body));
}

describe('with JavaScript off', () => {
  test('every human edition is a complete page: content, head, switcher links to the other editions', async () => {
    const { context, page } = await scriptlessReader();
    for (const [article, lang] of allHumanPages()) {
      const edition = article.editions[lang];
      const where = `${lang}/${article.id}`;
      const response = await page.goto(`${site.url}/${lang}/${article.id}`);
      assert.equal(response.status(), 200, where);
      assert.equal(await page.getAttribute('html', 'lang'), lang, where);
      assert.equal(await page.title(), `${edition.title} — Trimova`, where);
      assert.equal(squash(await page.textContent('article h1')), squash(edition.title), where);
      assert.equal(await page.getAttribute('article time', 'datetime'), article.published, where);
      const paragraphs = await page.$$eval('.article-body > p', (ps) => ps.map((p) => p.textContent));
      assert.deepEqual(paragraphs.map(squash),
        edition.body.filter((b) => b.type === 'paragraph').map((b) => squash(plain(b.text))), where);
      if (edition.lead) assert.equal(squash(await page.textContent('.lead')), squash(edition.lead), where);
      if (article.views != null) assert.match(await page.textContent('.views'), /\d/, where);
      assert.match(await page.textContent('.reading-time'), /\d/, where);
      for (const author of edition.authors ?? []) assert.ok((await page.textContent('.byline')).includes(author), where);
      for (const tag of article.tags ?? []) assert.ok((await page.$$eval('.tags li', (ls) => ls.map((l) => l.textContent))).includes(tag), where);
      assert.equal(await page.$('noscript'), null, `${where}: no apology where the content is`);
      assert.equal(await page.$('[aria-busy]'), null, `${where}: nothing is loading`);
      // The switcher is plain links; each existing edition's link opens its page.
      for (const other of humanEditions(article)) {
        assert.equal(await page.getAttribute(`.switcher a[hreflang=${other}]`, 'href'), `/${other}/${article.id}`, where);
      }
    }
    const other = humanEditions(await byIdArticle(SEED)).find((l) => l !== 'uk');
    await page.goto(`${site.url}/uk/${SEED}`);
    await page.click(`.switcher a[hreflang=${other}]`);
    await page.waitForURL(`${site.url}/${other}/${SEED}`);
    assert.equal(squash(await page.textContent('article h1')), squash((await byIdArticle(SEED)).editions[other].title));
    await context.close();
  });

  test('the lists read and lead to the articles', async () => {
    const { context, page } = await scriptlessReader();
    const newest = [...articles].sort(byNewest);
    for (const path of ['/', '/uk/', '/en/', '/ru/']) {
      const response = await page.goto(site.url + path);
      assert.equal(response.status(), 200, path);
      const lang = path === '/' ? 'uk' : path.slice(1, 3);
      assert.equal(await page.getAttribute('html', 'lang'), lang, path);
      const ids = await page.$$eval('.article-list h3 a', (as) => as.map((a) => a.getAttribute('href').split('/').pop()));
      assert.deepEqual(ids, newest.map((a) => a.id), path);
      assert.equal(await page.$('noscript'), null, path);
    }
    await page.goto(`${site.url}/en/`);
    await page.click(`.article-list a[href="/en/${SEED}"]`);
    await page.waitForURL(`${site.url}/en/${SEED}`);
    assert.ok(await page.$('article h1'));
    await context.close();
  });
});

const byIdArticle = async (id) => articles.find((a) => a.id === id);

describe('one source of markup', () => {
  test('each pre-rendered page is exactly what the app draws for it', async () => {
    const { context: off, page: scriptless } = await scriptlessReader();
    for (const [article, lang] of allHumanPages()) {
      const where = `${lang}/${article.id}`;
      await scriptless.goto(`${site.url}/${lang}/${article.id}`);
      const prerendered = await scriptless.evaluate(canonicalBody);
      // `/<id>` is no page of its own: the host answers with 404.html, the bare app shell, and the
      // app renders from scratch for a reader of that language.
      const { page } = await newReader(browser, { locale: lang });
      await page.goto(`${site.url}/${article.id}`);
      await page.waitForURL(`${site.url}/${lang}/${article.id}`);
      await settled(page);
      assert.equal(await page.evaluate(canonicalBody), prerendered, where);
      assert.deepEqual(page.errors, [], where);
      await page.context().close();
    }
    await off.close();
  });
});

describe('the app adopts the page', () => {
  test('scroll, selection, focus and the nodes themselves survive the app\'s start; no layout shift', async () => {
    const { context, page } = await newReader(browser, { locale: 'uk-UA', viewport: { width: 390, height: 700 } });
    // The wasm arrives late, as on a slow network: the reader starts reading first.
    const release = await openWithAppHeld(page, `${site.url}/uk/${SEED}`);
    assert.equal(await page.getAttribute('html', 'data-app'), null, 'the app has not started yet');
    const before = await page.evaluate(() => {
      // The reader tabbed to the switcher, scrolled down to read, and selected a passage.
      const link = document.querySelector('.switcher a[hreflang=en]');
      link.focus();
      const paragraph = document.querySelectorAll('.article-body > p')[2];
      window.scrollTo(0, paragraph.getBoundingClientRect().top + window.scrollY - 120);
      const range = document.createRange();
      range.setStart(paragraph.firstChild, 4);
      range.setEnd(paragraph.firstChild, 40);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      window.__before = { paragraph, link, h1: document.querySelector('article h1'), main: document.querySelector('main') };
      return { scrollY: window.scrollY, selected: getSelection().toString() };
    });
    assert.ok(before.scrollY > 0 && before.selected.length > 10, JSON.stringify(before));
    release();
    await page.waitForSelector('html[data-app=started]');
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const afterStart = await page.evaluate(() => ({
      scrollY: window.scrollY,
      selected: getSelection().toString(),
      sameParagraph: window.__before.paragraph === document.querySelectorAll('.article-body > p')[2]
        && window.__before.paragraph.isConnected,
      sameH1: window.__before.h1 === document.querySelector('article h1'),
      sameMain: window.__before.main === document.querySelector('main'),
      focused: document.activeElement === window.__before.link,
      cls: window.__cls,
    }));
    assert.deepEqual(afterStart, {
      scrollY: before.scrollY, selected: before.selected, sameParagraph: true, sameH1: true, sameMain: true, focused: true, cls: 0,
    });
    assert.deepEqual(page.errors, []);

    // And from there everything works as before: switching is instant and asks nothing.
    const requests = [];
    // Chromium asks for the favicon again on a URL change; that is the browser, not the app.
    page.on('request', (r) => !/\/favicon-[0-9a-f]+\.svg$/.test(r.url()) && requests.push(r.url()));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}/en/${SEED}`);
    await page.waitForSelector('article[lang=en]');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.deepEqual(requests, [], 'no request for another edition of the same article');
    assert.equal(await page.evaluate(() => localStorage.getItem('trimova.lang')), 'en');
    await context.close();
  });

  test('the article the page was rendered from is not downloaded again', async () => {
    const { context, page } = await newReader(browser);
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${site.url}/en/${SEED}`);
    await page.waitForSelector('html[data-app=started]');
    await page.waitForLoadState('networkidle');
    assert.ok(!fetched.some((p) => p.startsWith('/articles/')), fetched.join(' '));
    assert.ok(!fetched.some((p) => p.endsWith('.wasm')) || fetched.indexOf(fetched.find((p) => p.endsWith('.css'))) < fetched.findIndex((p) => p.endsWith('.wasm')),
      'the stylesheet is asked for before the wasm');
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('`/` starts in its pre-rendered language, then moves to the reader\'s list', async () => {
    const { context, page } = await newReader(browser, { locale: 'ru-RU' });
    await page.goto(`${site.url}/`);
    await page.waitForURL(`${site.url}/ru/`);
    await page.waitForSelector('html[lang=ru]');
    assert.equal(squash(await page.textContent('main h1')), 'Статьи');
    assert.deepEqual(page.errors, []);
    await context.close();
  });
});

describe('search and sharing', () => {
  test('each human edition has canonical, hreflang alternates, Open Graph and JSON-LD from the article', async () => {
    const { context, page } = await scriptlessReader();
    for (const [article, lang] of allHumanPages()) {
      const where = `${lang}/${article.id}`;
      const edition = article.editions[lang];
      const url = (l) => `${ORIGIN}/${l}/${article.id}`;
      await page.goto(`${site.url}/${lang}/${article.id}`);
      assert.equal(await page.getAttribute('link[rel=canonical]', 'href'), url(lang), where);
      const alternates = await page.$$eval('link[rel=alternate][hreflang]:not([type])', (ls) => ls.map((l) => [l.hreflang, l.href]));
      const humans = humanEditions(article);
      const original = humans.includes(article.original) ? article.original : humans[0];
      assert.deepEqual(alternates, [...humans.map((l) => [l, url(l)]), ['x-default', url(original)]], where);
      const og = Object.fromEntries(await page.$$eval('meta[property^="og:"]:not([property="og:locale:alternate"])', (ms) => ms.map((m) => [m.getAttribute('property'), m.content])));
      assert.equal(og['og:type'], 'article', where);
      assert.equal(og['og:title'], edition.title, where);
      assert.equal(og['og:url'], url(lang), where);
      assert.equal(og['og:description'], await page.getAttribute('meta[name=description]', 'content'), where);
      assert.equal(og['og:locale'], { uk: 'uk_UA', en: 'en_US', ru: 'ru_RU' }[lang], where);
      const image = edition.body.find((b) => b.type === 'image');
      assert.equal(og['og:image'], image ? new URL(image.src, `${ORIGIN}/`).href : undefined, where);
      const localeAlternates = await page.$$eval('meta[property="og:locale:alternate"]', (ms) => ms.map((m) => m.content));
      assert.equal(localeAlternates.length, humans.length - 1, where);
      assert.equal(await page.getAttribute('meta[property="article:published_time"]', 'content'), article.published, where);
      assert.equal(await page.getAttribute('meta[property="article:modified_time"]', 'content'), article.updated ?? article.published, where);

      const ld = JSON.parse(await page.textContent('script[type="application/ld+json"]'));
      assert.equal(ld['@type'], 'NewsArticle', where);
      assert.equal(ld.headline, edition.title, where);
      assert.equal(ld.inLanguage, lang, where);
      assert.equal(ld.datePublished, article.published, where);
      assert.equal(ld.dateModified, article.updated ?? article.published, where);
      assert.deepEqual(ld.author.map((a) => a.name), edition.authors ?? [], where);
      assert.equal(ld.publisher.name, 'Trimova', where);
      if (lang === original) {
        assert.deepEqual((ld.workTranslation ?? []).map((t) => t['@id']), humans.filter((l) => l !== lang).map(url), where);
      } else {
        assert.equal(ld.translationOfWork['@id'], url(original), where);
      }
    }
    await context.close();
  });

  test('sitemap.xml and the Atom feeds are well-formed and list exactly the human editions', async () => {
    const { context, page } = await newReader(browser);
    await page.goto(`${site.url}/uk/`);
    const parsed = await page.evaluate(async () => {
      const parse = async (path) => {
        const text = await (await fetch(path)).text();
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        if (doc.querySelector('parsererror')) throw new Error(`${path} is not well-formed XML`);
        return doc;
      };
      // sitemap.xml is an index; the editions are in its articles-* files.
      const index = await parse('/sitemap.xml');
      const files = [...index.getElementsByTagName('loc')].map((l) => new URL(l.textContent).pathname);
      const xhtml = 'http://www.w3.org/1999/xhtml';
      const urls = [];
      for (const file of files.filter((f) => f.includes('/articles-'))) {
        const sitemap = await parse(file);
        urls.push(...[...sitemap.getElementsByTagName('url')].map((u) => ({
          loc: u.getElementsByTagName('loc')[0].textContent,
          alternates: [...u.getElementsByTagNameNS(xhtml, 'link')].map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]),
        })));
      }
      const feeds = {};
      for (const lang of ['uk', 'en', 'ru']) {
        const feed = await parse(`/${lang}/feed.xml`);
        feeds[lang] = {
          root: feed.documentElement.namespaceURI,
          entries: [...feed.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('id')[0].textContent),
        };
      }
      return { urls, feeds };
    });
    const expected = allHumanPages().map(([a, l]) => `${ORIGIN}/${l}/${a.id}`).sort();
    assert.deepEqual(parsed.urls.map((u) => u.loc).sort(), expected);
    for (const u of parsed.urls) {
      const id = u.loc.split('/').pop();
      const article = articles.find((a) => a.id === id);
      assert.deepEqual(u.alternates, humanEditions(article).map((l) => [l, `${ORIGIN}/${l}/${id}`]), u.loc);
    }
    for (const lang of LANGS) {
      assert.equal(parsed.feeds[lang].root, 'http://www.w3.org/2005/Atom');
      const newest = articles.filter((a) => humanEditions(a).includes(lang)).sort(byNewest);
      assert.deepEqual(parsed.feeds[lang].entries, newest.map((a) => `${ORIGIN}/${lang}/${a.id}`), lang);
    }
    await context.close();
  });
});

describe('publishing', () => {
  test('an article added to a deployed site opens through 404.html, and `trimova pages` pre-renders it', async () => {
    const dist = await mkdtemp(join(tmpdir(), 'trimova-deployed-'));
    await cp(DIST, dist, { recursive: true });
    const id = 'lviv-tram-depot-library-2026-10';
    const fresh = JSON.parse(await readFile(join(DIST, 'articles', `${id}.json`), 'utf8'));
    fresh.id = 'added-after-build-2026-11';
    fresh.editions.en.title = 'An article published after the build';
    await writeFile(join(dist, 'articles', `${fresh.id}.json`), JSON.stringify(fresh, null, 2));
    const { server, url } = await serve([dist]);
    try {
      const { page } = await newReader(browser, { locale: 'en-US' });
      const before = await page.goto(`${url}/en/${fresh.id}`);
      assert.equal(before.status(), 404, 'not pre-rendered yet: the host answers with 404.html');
      await settled(page);
      assert.equal(squash(await page.textContent('article h1')), 'An article published after the build');

      execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'trimova-cli', '--bin', 'trimova', '--', 'pages', dist], { cwd: ROOT, stdio: 'pipe' });
      const { context: off, page: scriptless } = await scriptlessReader();
      const after = await scriptless.goto(`${url}/en/${fresh.id}`);
      assert.equal(after.status(), 200);
      assert.equal(squash(await scriptless.textContent('article h1')), 'An article published after the build');
      await scriptless.goto(`${url}/en/`);
      assert.ok(await scriptless.$(`.article-list a[href="/en/${fresh.id}"]`), 'the list has it too');
      await off.close();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
