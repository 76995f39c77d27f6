// The reader, end to end: the release build in Chromium, served like a plain static host.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  withSiteAndBrowser, startSite, startSubdirectorySite, newReader, settled, screenshot, plain, squash,
  LANGS, NATIVE_NAMES, STRICT_CSP, ROOT, inlineScriptSource,
} from './helpers.mjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

let browser, site, articles;
withSiteAndBrowser((ready) => ({ browser, site, articles } = ready));

const byId = (id) => articles.find((a) => a.id === id);
const SEED = 'north-korea-shells-2024-06';
const TRILINGUAL = 'lviv-tram-depot-library-2026-10';
const RU_ONLY = 'kharkiv-metro-concerts-2026-09';

describe('every sample article in every edition', () => {
  test('existing editions render their content as semantic HTML', async () => {
    const { context, page } = await newReader(browser);
    for (const article of articles) {
      for (const [lang, edition] of Object.entries(article.editions)) {
        await page.goto(`${site.url}/${lang}/${article.id}`);
        await settled(page);
        const where = `${lang}/${article.id}`;
        assert.equal(await page.getAttribute('html', 'lang'), lang, where);
        assert.equal(await page.getAttribute('article', 'lang'), lang, where);
        assert.equal(squash(await page.textContent('article h1')), squash(edition.title), where);
        assert.equal(await page.title(), `${edition.title} — Trimova`, where);
        assert.equal(await page.getAttribute('article time', 'datetime'), article.published, where);
        if (edition.lead) {
          assert.equal(squash(await page.textContent('.lead')), squash(edition.lead), where);
          assert.ok(edition.lead.startsWith((await page.getAttribute('meta[name=description]', 'content')).replace(/…$/, '')), where);
        }
        const blocks = (type) => edition.body.filter((b) => b.type === type);
        const paragraphs = await page.$$eval('.article-body > p', (ps) => ps.map((p) => p.textContent));
        assert.deepEqual(paragraphs.map(squash), blocks('paragraph').map((b) => squash(plain(b.text))), where);
        assert.deepEqual(
          (await page.$$eval('.article-body > h2', (hs) => hs.map((h) => h.textContent))).map(squash),
          blocks('heading').map((b) => squash(b.text)),
          where,
        );
        const quotes = await page.$$eval('.article-body figure.quote', (fs) =>
          fs.map((f) => [f.querySelector('blockquote').textContent, f.querySelector('figcaption')?.textContent ?? null]));
        assert.deepEqual(quotes.map(([q, a]) => [squash(q), a && squash(a)]),
          blocks('quote').map((b) => [squash(plain(b.text)), b.attribution ?? null]), where);
        const images = await page.$$eval('.article-body figure.image img', (is) => is.map((i) => [i.getAttribute('src'), i.alt]));
        assert.deepEqual(images, blocks('image').map((b) => [b.src, b.alt]), where);
        const listItems = await page.$$eval('.article-body :is(ul, ol) > li', (ls) => ls.length);
        assert.equal(listItems, blocks('list').reduce((n, l) => n + l.items.length, 0), where);
        for (const author of edition.authors ?? []) {
          assert.ok((await page.textContent('.byline')).includes(author), where);
        }
        assert.equal(await page.$$eval('h1', (hs) => hs.length), 1, `${where}: one h1`);
        assert.equal(await page.getAttribute(`.switcher a[hreflang=${lang}]`, 'aria-current'), 'page', where);
      }
    }
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.failedRequests, []);
    await context.close();
  });

  test('view counts use the language\'s digits and plural forms', async () => {
    const { context, page } = await newReader(browser);
    const expect = [
      [`/uk/${SEED}`, '15 772 перегляди'],
      [`/en/${SEED}`, '15,772 views'],
      [`/uk/${TRILINGUAL}`, '1 перегляд'],
      [`/en/${TRILINGUAL}`, '1 view'],
      [`/ru/${TRILINGUAL}`, '1 просмотр'],
      [`/ru/${RU_ONLY}`, '21 просмотр'],
      ['/uk/winter-blackout-building-guide-2026-11', '4 105 переглядів'],
    ];
    for (const [path, text] of expect) {
      await page.goto(site.url + path);
      await settled(page);
      assert.equal(squash(await page.textContent('.views')), text, path);
    }
    await page.goto(`${site.url}/uk/${SEED}`);
    await settled(page);
    assert.match(squash(await page.textContent('article time')), /14 червня 2024/);
    assert.match(await page.textContent('.reading-time'), /^\d+ хв читання$/);
    await context.close();
  });

  test('a missing edition explains itself in that language and links to the existing ones', async () => {
    const { context, page } = await newReader(browser);
    await page.goto(`${site.url}/ru/${SEED}`);
    await settled(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    assert.equal(squash(await page.textContent('main h1')), 'Этой статьи нет на русском');
    const links = await page.$$eval('.edition-links a', (as) => as.map((a) => [a.getAttribute('href'), a.hreflang, a.lang]));
    assert.deepEqual(links, [[`/uk/${SEED}`, 'uk', 'uk'], [`/en/${SEED}`, 'en', 'en']]);
    assert.ok(await page.$('.switcher a.missing[hreflang=ru][aria-current=page]'), 'switcher marks ru as missing');
    await page.click('.edition-links a[hreflang=en]');
    await page.waitForURL(`${site.url}/en/${SEED}`);
    assert.equal(squash(await page.textContent('article h1')), squash(byId(SEED).editions.en.title));

    await page.goto(`${site.url}/en/${RU_ONLY}`);
    await settled(page);
    assert.equal(squash(await page.textContent('main h1')), 'This article is not available in English');
    await context.close();
  });
});

describe('switching editions', () => {
  test('is instant: URL, <html lang>, title and description follow, and no request is made', async () => {
    const { context, page } = await newReader(browser);
    await page.goto(`${site.url}/uk/${TRILINGUAL}`);
    await settled(page);
    const requests = [];
    // Chromium asks again for the tab's icon after each history change; that is the browser's
    // doing, not the app's, so only other requests count.
    page.on('request', (r) => !/\/favicon-[0-9a-f]+\.svg$/.test(r.url()) && requests.push(r.url()));
    for (const lang of ['en', 'ru', 'uk', 'ru']) {
      const edition = byId(TRILINGUAL).editions[lang];
      await page.click(`.switcher a[hreflang=${lang}]`);
      await page.waitForURL(`${site.url}/${lang}/${TRILINGUAL}`);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      assert.equal(squash(await page.textContent('article h1')), squash(edition.title));
      assert.equal(await page.title(), `${edition.title} — Trimova`);
      assert.equal(await page.getAttribute('meta[name=description]', 'content'), edition.lead);
      assert.equal(await page.textContent('.switcher a[aria-current=page]'), NATIVE_NAMES[lang]);
    }
    assert.deepEqual(requests, [], 'switching between existing editions fetches nothing');
    await page.goBack();
    await page.waitForURL(`${site.url}/uk/${TRILINGUAL}`);
    assert.equal(await page.getAttribute('article', 'lang'), 'uk');
    await context.close();
  });

  test('links within the site open in place; the skip link and links elsewhere are the browser\'s', async () => {
    const { context, page } = await newReader(browser, { locale: 'en-US' });
    await page.route('https://city-adm.lviv.ua/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>elsewhere</title>' }));
    await page.goto(`${site.url}/en/${TRILINGUAL}`);
    await settled(page);
    await page.evaluate(() => { window.samePage = true; });

    // The skip link moves to the content: the page stays, nothing is redrawn.
    const heading = await page.$('article h1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}/en/${TRILINGUAL}#content`);
    assert.ok(await heading.evaluate((h) => h.isConnected), 'the article was not drawn again');

    // The brand leads to the list, drawn in place (the page's own state survives).
    await page.click('.brand');
    await page.waitForURL(`${site.url}/en/`);
    await page.waitForSelector('ol.article-list');
    assert.equal(await page.evaluate(() => window.samePage), true, 'no reload');
    await page.goBack();
    await page.waitForSelector(`article[lang=en] h1`);
    assert.equal(await page.evaluate(() => window.samePage), true);

    // So is a link to a file of the site that is no page of the app (a feed, a PDF).
    await page.evaluate(() => {
      const link = Object.assign(document.createElement('a'), { href: '/sitemap.xml', textContent: 'sitemap' });
      document.querySelector('.article-body').append(link);
    });
    await page.click('.article-body a[href="/sitemap.xml"]');
    await page.waitForURL(`${site.url}/sitemap.xml`);
    assert.equal(await page.evaluate(() => window.samePage), undefined, 'a real navigation');
    await page.goBack();
    await page.waitForSelector('article[lang=en] h1');

    // A link to another site is a real navigation.
    await page.click('.article-body a[href^="https://city-adm.lviv.ua"]');
    await page.waitForURL('https://city-adm.lviv.ua/');
    assert.equal(await page.title(), 'elsewhere');
    await context.close();
  });

  test('switcher links carry hreflang, lang and the language\'s own name', async () => {
    const { context, page } = await newReader(browser);
    await page.goto(`${site.url}/en/${SEED}`);
    await settled(page);
    const links = await page.$$eval('.switcher a', (as) => as.map((a) => [a.hreflang, a.lang, a.textContent, a.getAttribute('href')]));
    assert.deepEqual(links, LANGS.map((l) => [l, l, NATIVE_NAMES[l], `/${l}/${SEED}`]));
    assert.equal(await page.getAttribute('.switcher', 'aria-label'), 'Edition language');
    await context.close();
  });

  test('the remembered choice survives a reload and picks the language of URLs without one', async () => {
    const { context, page } = await newReader(browser, { locale: 'uk-UA' });
    await page.goto(`${site.url}/uk/${TRILINGUAL}`);
    await settled(page);
    await page.click('.switcher a[hreflang=en]');
    await page.waitForURL(`${site.url}/en/${TRILINGUAL}`);
    await page.goto(`${site.url}/`);
    await settled(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.textContent('main h1'), 'Articles');
    await page.goto(`${site.url}/${SEED}`);
    await page.waitForURL(`${site.url}/en/${SEED}`);
    await settled(page);
    assert.equal(await page.getAttribute('article', 'lang'), 'en');
    // Remembered English, but this article has no English edition: the original is shown.
    await page.goto(`${site.url}/${RU_ONLY}`);
    await page.waitForURL(`${site.url}/ru/${RU_ONLY}`);
    await context.close();
  });

  test('without a remembered choice the browser languages decide, then the original', async () => {
    const { context, page } = await newReader(browser, { locale: 'ru-RU' });
    await page.goto(`${site.url}/${TRILINGUAL}`);
    await page.waitForURL(`${site.url}/ru/${TRILINGUAL}`);
    await page.goto(`${site.url}/${SEED}`);
    await page.waitForURL(`${site.url}/uk/${SEED}`);
    await page.goto(`${site.url}/`);
    await settled(page);
    assert.equal(await page.textContent('main h1'), 'Статьи');
    await context.close();
  });

  test('deep links survive a refresh on a plain static host', async () => {
    const { context, page } = await newReader(browser);
    // Every edition of a built article is a real page: 200, and its head is right before any script.
    const response = await page.goto(`${site.url}/en/${TRILINGUAL}`);
    assert.equal(response.status(), 200);
    const raw = await response.text();
    assert.match(raw, /<html lang="en">/);
    assert.ok(raw.includes(`<title>${byId(TRILINGUAL).editions.en.title} — Trimova</title>`));
    await settled(page);
    await page.reload();
    await settled(page);
    assert.equal(squash(await page.textContent('article h1')), squash(byId(TRILINGUAL).editions.en.title));
    // An article published after the build has no page of its own: the host's 404.html is the app.
    const late = await page.goto(`${site.url}/en/hostile-sample`);
    assert.equal(late.status(), 404);
    await settled(page);
    assert.ok(await page.$('article[lang=en]'));
    await context.close();
  });
});

describe('the article list', () => {
  test('lists every article newest first, titled in the reader\'s language or the marked original', async () => {
    const { context, page } = await newReader(browser);
    await page.goto(`${site.url}/en/`);
    await settled(page);
    const items = await page.$$eval('.article-item', (lis) => lis.map((li) => ({
      title: li.querySelector('h3 a').textContent,
      lang: li.querySelector('h3 a').lang,
      href: li.querySelector('h3 a').getAttribute('href'),
      marker: li.querySelector('.original-marker')?.textContent ?? null,
      editions: [...li.querySelectorAll('.edition-badges abbr')].map((a) => a.lang),
      datetime: li.querySelector('time').getAttribute('datetime'),
    })));
    const newestFirst = [...articles].sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
    assert.deepEqual(items.map((i) => i.href), newestFirst.map((a) => `/${a.editions.en ? 'en' : a.original}/${a.id}`));
    for (const [item, article] of items.map((item, i) => [item, newestFirst[i]])) {
      const shown = article.editions.en ? 'en' : article.original;
      assert.equal(item.title, article.editions[shown].title);
      assert.equal(item.lang, shown);
      assert.equal(item.marker, shown === 'en' ? null : `(in ${{ uk: 'Ukrainian', ru: 'Russian' }[shown]})`);
      assert.deepEqual(item.editions, LANGS.filter((l) => article.editions[l]));
      assert.equal(item.datetime, article.published);
    }
    await page.click(`.article-item a[href="/en/${SEED}"]`);
    await page.waitForURL(`${site.url}/en/${SEED}`);
    await settled(page);
    assert.ok(await page.$('article[lang=en]'));
    await context.close();
  });
});

describe('errors', () => {
  test('an unknown article says so in the reader\'s language and the app goes on', async () => {
    const { context, page } = await newReader(browser);
    await page.goto(`${site.url}/uk/no-such-article`);
    await settled(page);
    assert.equal(await page.textContent('main h1'), 'Статтю не знайдено');
    await page.click('.switcher a[hreflang=en]');
    await page.waitForURL(`${site.url}/en/no-such-article`);
    assert.equal(await page.textContent('main h1'), 'Article not found');
    await page.click('text=All articles');
    await page.waitForSelector('.article-item');
    await page.goto(`${site.url}/de/whatever/else`);
    await settled(page);
    // The reader chose English in the switcher above, so the app keeps speaking English.
    assert.equal(await page.textContent('main h1'), 'Page not found');
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('a malformed article names the field or line at fault', async () => {
    const { context, page } = await newReader(browser);
    await page.goto(`${site.url}/uk/broken-body-sample`);
    await settled(page);
    assert.equal(await page.textContent('main h1'), 'Не вдалося прочитати статтю');
    assert.match(await page.textContent('.notice-detail'), /^editions\.uk\.body\[1\]: missing field `text`/);
    await page.goto(`${site.url}/en/syntax-error-sample`);
    await settled(page);
    assert.equal(await page.textContent('main h1'), 'This article could not be read');
    assert.match(await page.textContent('.notice-detail'), /line 5/);
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('an unreachable server gives a message and a retry that works', async () => {
    // A pre-rendered page carries its article; one published after the build (here a fixture,
    // answered by 404.html) is fetched, and that request can fail.
    const { context, page } = await newReader(browser);
    await page.route('**/articles/*.json', (route) => route.abort('connectionrefused'));
    await page.goto(`${site.url}/en/en-only-sample`);
    await settled(page);
    assert.equal(await page.textContent('main h1'), 'Could not reach the server');
    assert.equal(await page.textContent('button.retry'), 'Try again');
    await page.unroute('**/articles/*.json');
    await page.click('button.retry');
    await page.waitForSelector('article[lang=en]');
    assert.equal(await page.textContent('article h1'), 'A short note that exists only in English');
    await context.close();
  });
});

describe('safety', () => {
  test('article text stays text, and only http(s)/mailto links and safe images reach the page', async () => {
    const { context, page } = await newReader(browser);
    await page.goto(`${site.url}/en/hostile-sample`);
    await settled(page);
    assert.equal(await page.textContent('article h1'), '<img src=x onerror="window.__pwned=1"> is only text');
    assert.equal(await page.textContent('.lead'), '<script>window.__pwned = 2</script>');
    assert.equal(await page.textContent('blockquote'), '<b>not bold</b>');
    assert.equal(await page.$$eval('article img, article script, article b, article i', (e) => e.length), 0);
    // The article's own links (not its address, which stands under it on paper).
    const hrefs = await page.$$eval('article a:not(.print-source a)', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, ['https://example.org/']);
    assert.match(await page.textContent('.article-body p'), /a javascript link and a safe link/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.ok(page.warnings.some((w) => w.includes('unknown block type "poll" skipped')), page.warnings.join('\n'));
    await context.close();
  });
});

describe('hosting', () => {
  test('the same app built for a sub-directory works there, deep links and all', async () => {
    const sub = await startSubdirectorySite();
    try {
      const { page } = await newReader(browser, { locale: 'en-US' });
      await page.goto(`${sub.url}/news/`);
      await settled(page);
      const hrefs = await page.$$eval('.article-item h3 a', (as) => as.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.length >= 4 && hrefs.every((h) => /^\/news\/(uk|en|ru)\/[a-z0-9-]+$/.test(h)), hrefs.join());
      await page.click(`.article-item a[href="/news/en/${SEED}"]`);
      await page.waitForURL(`${sub.url}/news/en/${SEED}`);
      await page.click('.switcher a[hreflang=uk]');
      await page.waitForURL(`${sub.url}/news/uk/${SEED}`);
      const response = await page.reload();
      assert.equal(response.status(), 200);
      await settled(page);
      assert.equal(squash(await page.textContent('article h1')), squash(byId(SEED).editions.uk.title));
      assert.equal(await page.getAttribute('.brand', 'href'), '/news/uk/');
      assert.deepEqual(page.failedRequests, []);
      assert.deepEqual(page.errors, []);
      // Pre-rendered for the sub-directory: its links and canonical URL carry /news/.
      const off = await browser.newContext({ javaScriptEnabled: false });
      const scriptless = await off.newPage();
      await scriptless.goto(`${sub.url}/news/en/${SEED}`);
      assert.equal(squash(await scriptless.textContent('article h1')), squash(byId(SEED).editions.en.title));
      assert.equal(await scriptless.getAttribute('.switcher a[hreflang=uk]', 'href'), `/news/uk/${SEED}`);
      assert.match(await scriptless.getAttribute('link[rel=canonical]', 'href'), new RegExp(`/news/en/${SEED}$`));
      await off.close();
    } finally {
      await sub.close();
    }
  });

  test('runs under a strict Content-Security-Policy, the one the README gives', async () => {
    const source = await inlineScriptSource();
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(`script-src 'self' 'wasm-unsafe-eval' ${source};`),
      `the README's policy names the pages' inline script as the build writes it (${source})`);
    const csp = `default-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${source}; style-src 'self'; img-src 'self'; `
      + "connect-src 'self'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";
    const strict = await startSite({ headers: { 'content-security-policy': csp } });
    const { context, page } = await newReader(browser);
    const violations = [];
    page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
    await page.goto(`${strict.url}/uk/winter-blackout-building-guide-2026-11`);
    await settled(page);
    assert.ok(await page.$('article figure.image img'));
    await page.click('.switcher a[hreflang=en]');
    await settled(page);
    assert.deepEqual(violations, []);
    assert.deepEqual(page.errors, []);
    await context.close();
    await strict.close();
  });

  test("a host whose policy does not name the inline script still serves every page's text", async () => {
    const older = await startSite({ headers: { 'content-security-policy': STRICT_CSP } });
    const { context, page } = await newReader(browser);
    const refused = [];
    page.on('console', (m) => /Content Security Policy/.test(m.text()) && refused.push(m.text()));
    await page.goto(`${older.url}/uk/winter-blackout-building-guide-2026-11`);
    await page.waitForLoadState('load');
    assert.ok((await page.textContent('article h1')).length > 10, 'the pre-rendered article reads');
    assert.equal(await page.getAttribute('html', 'data-app'), null, 'the app does not start');
    assert.equal(refused.length, 1, 'the browser names the one script it refused');
    await context.close();
    await older.close();
  });
});

describe('looks', () => {
  test('screenshots of one article in each language, light and dark, desktop and phone', async () => {
    for (const colorScheme of ['light', 'dark']) {
      for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
        const { context, page } = await newReader(browser, { colorScheme, viewport });
        for (const lang of LANGS) {
          await page.goto(`${site.url}/${lang}/${TRILINGUAL}`);
          await settled(page);
          await page.evaluate(() => document.fonts.ready);
          const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          assert.equal(bg === 'rgb(20, 20, 20)', colorScheme === 'dark', `${colorScheme} theme follows prefers-color-scheme`);
          await screenshot(page, `${TRILINGUAL}-${lang}-${colorScheme}-${name}`);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${name}: no horizontal scrolling (${overflow}px)`);
        await context.close();
      }
    }
  });

  test('the text column keeps a readable measure', async () => {
    const { context, page } = await newReader(browser, { viewport: { width: 1600, height: 900 } });
    await page.goto(`${site.url}/uk/winter-blackout-building-guide-2026-11`);
    await settled(page);
    // Characters per rendered line of the longest paragraph: its length over its line count.
    const { charsPerLine, fontSize, lineHeight } = await page.$$eval('.article-body > p', (ps) => {
      const p = ps.reduce((a, b) => (b.textContent.length > a.textContent.length ? b : a));
      const s = getComputedStyle(p);
      const lineHeight = parseFloat(s.lineHeight);
      const lines = Math.round(p.getBoundingClientRect().height / lineHeight);
      return { charsPerLine: p.textContent.length / lines, fontSize: parseFloat(s.fontSize), lineHeight };
    });
    assert.ok(charsPerLine > 55 && charsPerLine < 80, `about 65 characters a line, got ${charsPerLine.toFixed(0)}`);
    assert.ok(lineHeight / fontSize >= 1.45, `comfortable line height, got ${(lineHeight / fontSize).toFixed(2)}`);
    await context.close();
  });
});
