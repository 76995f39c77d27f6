// <trimova-article> inside a real WordPress: Debian's WordPress with its default theme and
// Trimova's plugin (integrations/wordpress/trimova), started by scripts/wordpress.sh on 127.0.0.1
// with a database of its own; dist/ served from a second origin, as a CDN would (with CORS).
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeReaders, launchBrowser, newReader, squash, ROOT, DIST } from './helpers.mjs';
import { serve } from '../scripts/serve.mjs';

const SEED = 'north-korea-shells-2024-06';
const TRAM = 'lviv-tram-depot-library-2026-10';

let browser, cdn, posts, articles;

const freePort = () => new Promise((ok) => {
  const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => ok(port)); });
});

before(async () => {
  browser = await launchBrowser();
  // Beside dist/, a plain page with the same element, to compare the WordPress post with.
  const plain = await mkdtemp(join(tmpdir(), 'trimova-plain-'));
  await writeFile(join(plain, 'plain.html'), `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Plain</title>
<script type="module" src="/embed.js"></script></head><body><trimova-article article="${SEED}" lang="en"></trimova-article></body></html>`);
  cdn = await serve([plain, DIST], { headers: { 'access-control-allow-origin': '*' } });
  const port = await freePort();
  const out = execFileSync(join(ROOT, 'scripts', 'wordpress.sh'), ['start', String(port), `${cdn.url}/`], { encoding: 'utf8' });
  posts = JSON.parse(out.trim().split('\n').at(-1));
  articles = Object.fromEntries(await Promise.all([SEED, TRAM].map(async (id) => [id, JSON.parse(await readFile(join(DIST, 'articles', `${id}.json`), 'utf8'))])));
});
afterEach(closeReaders);
after(async () => {
  execFileSync(join(ROOT, 'scripts', 'wordpress.sh'), ['stop']);
  await browser?.close();
  cdn?.server.closeAllConnections();
  cdn?.server.close();
});

/** Opens a post, recording what it asks of Trimova's origin and the events the elements send. */
async function openPost(name) {
  const { page } = await newReader(browser, { locale: 'de-DE' });
  page.fromTrimova = [];
  page.on('request', (r) => { if (r.url().startsWith(cdn.url)) page.fromTrimova.push(r.url()); });
  await page.addInitScript(() => {
    window.seen = [];
    document.addEventListener('trimova:languagechange', (e) => window.seen.push({ id: e.target.id || e.target.getAttribute('article'), detail: e.detail }));
  });
  await page.goto(posts[name]);
  return page;
}

const shown = (element) => element.locator('.content:not([aria-busy]) :is(article, .notice)').first().waitFor();
const headline = async (element) => squash(await element.locator('article h1').textContent());

test('a post with the shortcode shows the article and switches it in place; the post stays as it was', async () => {
  const page = await openPost('one');
  const element = page.locator('trimova-article');
  await shown(element);
  assert.equal(await headline(element), squash(articles[SEED].editions.en.title));
  const before = await page.evaluate(() => ({ url: location.href, title: document.title, lang: document.documentElement.lang }));
  assert.equal(before.title.startsWith('One article'), true, before.title);

  await element.getByRole('link', { name: 'Українська' }).click();
  await element.locator('article[lang=uk]').waitFor();
  assert.equal(await headline(element), squash(articles[SEED].editions.uk.title));
  assert.deepEqual(await page.evaluate(() => ({ url: location.href, title: document.title, lang: document.documentElement.lang })), before);
  assert.deepEqual((await page.evaluate(() => window.seen)).map((e) => e.detail.lang), ['en', 'uk'], 'a listener on the post hears each edition');
  assert.deepEqual(page.errors, []);
});

test('two articles in one post work on their own; a Custom HTML block works too', async () => {
  const page = await openPost('two');
  const [first, second] = [page.locator('trimova-article').nth(0), page.locator('trimova-article').nth(1)];
  await shown(first);
  await shown(second);
  assert.equal(await first.getAttribute('lang'), 'uk', 'the plugin\'s default language');
  assert.equal(await headline(second), squash(articles[TRAM].editions.ru.title));
  await first.getByRole('link', { name: 'English' }).click();
  await first.locator('article[lang=en]').waitFor();
  assert.equal(await headline(second), squash(articles[TRAM].editions.ru.title), 'the other one stays');

  const html = await openPost('html');
  await shown(html.locator('trimova-article'));
  assert.equal(await headline(html.locator('trimova-article')), squash(articles[TRAM].editions.en.title));
});

test('the theme\'s styles stay outside: the article looks as on a plain page', async () => {
  const look = (page) => page.locator('trimova-article').first().evaluate((host) => {
    const root = host.shadowRoot;
    const style = (sel) => {
      const s = getComputedStyle(root.querySelector(sel));
      return [s.fontFamily, s.fontSize, s.lineHeight, s.color, s.letterSpacing, s.fontWeight].join(' | ');
    };
    return { h1: style('h1'), p: style('.article-body > p'), meta: style('.meta'), link: style('.switcher a'), box: style('.trimova-embed') };
  });
  const page = await openPost('one');
  await shown(page.locator('trimova-article'));
  const inWordPress = await look(page);
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).fontFamily), '', 'the theme styles its own text');
  // The same element on a plain page (no theme at all).
  const { page: plain } = await newReader(browser, { locale: 'de-DE' });
  await plain.goto(`${cdn.url}/plain.html`);
  await shown(plain.locator('trimova-article'));
  assert.deepEqual(inWordPress, await look(plain));
});

test('axe finds no violation inside the embed on the WordPress post', async () => {
  const page = await openPost('one');
  await shown(page.locator('trimova-article'));
  await page.evaluate(await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const result = await page.evaluate(() => window.axe.run(
    { include: [{ fromShadowDom: ['trimova-article', '.trimova-embed'] }] },
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
  ));
  assert.deepEqual(result.violations.map((v) => v.id), []);
  assert.ok(result.passes.length > 10);
});

test('a post without an article loads nothing of Trimova\'s; hostile shortcode attributes stay text', async () => {
  const page = await openPost('none');
  await page.waitForLoadState('networkidle');
  assert.deepEqual(page.fromTrimova, []);
  assert.equal(await page.locator('script[src*="embed.js"]').count(), 0);

  const hostile = await openPost('hostile');
  const dialogs = [];
  hostile.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await hostile.waitForLoadState('networkidle');
  await hostile.mouse.move(200, 300);
  assert.deepEqual(dialogs, [], 'no script of the attributes ran');
  const attributes = await hostile.locator('trimova-article').evaluateAll((els) => els.map((e) => e.getAttributeNames().sort().join(' ')));
  assert.ok(attributes.every((names) => /^(article|lang|reader-controls|src)( (article|lang|reader-controls|src))*$/.test(names)), attributes.join('; '));
  assert.equal(await hostile.locator('.entry-content img, .entry-content script').count(), 0);
});
