// Reading without a network, end to end: the service worker (src/sw.js) in Chromium, the network
// cut with the browser's own switch, and a new build deployed while a tab is open.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeReaders, launchBrowser, newReader, sampleArticles, apyUrl, squash, DIST } from './helpers.mjs';
import { serve } from '../scripts/serve.mjs';

const SEED = 'north-korea-shells-2024-06'; // uk original, en human, ru machine-translated here
const TRAM = 'lviv-tram-depot-library-2026-10';
const RUSSIAN_ONLY = /[ыэъё]/i;

let browser, articles;
const servers = [];
before(async () => {
  browser = await launchBrowser();
  articles = await sampleArticles();
});
afterEach(closeReaders);
after(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((ok) => { s.closeAllConnections(); s.close(ok); })));
});

/** A copy of dist/ (a test may deploy over it) with translation through the real APy. */
async function site() {
  const dir = await mkdtemp(join(tmpdir(), 'trimova-offline-'));
  await cp(DIST, dir, { recursive: true });
  await writeFile(join(dir, 'config.json'), JSON.stringify({
    languages: ['uk', 'en', 'ru'],
    translation: { provider: 'apertium', endpoint: apyUrl(), glossary: ['UNN', 'Bloomberg'] },
  }));
  const { server, url } = await serve([dir]);
  servers.push(server);
  return { dir, url };
}

const title = (page) => page.textContent('article h1').then(squash);

/** Opens `url` and waits until the app runs and the service worker has taken the page. */
async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector('html[data-app=started]');
  await page.waitForFunction(() => navigator.serviceWorker?.controller);
}

/** Waits for the article (or message) the app draws. */
const drawn = (page) => page.waitForSelector('main#content:not([aria-busy]) :is(article, .notice)');

test('articles opened before open again offline, in every edition the reader saw, machine translation included', async () => {
  const s = await site();
  const { context, page } = await newReader(browser, { locale: 'uk-UA', serviceWorkers: 'allow' });
  const seed = articles.find((a) => a.id === SEED);
  await open(page, `${s.url}/uk/${SEED}`);
  await page.locator('.switcher').getByRole('link', { name: /Русский/ }).click();
  await page.waitForSelector('article.machine');
  await page.waitForFunction(() => !document.querySelector('.mt-progress'), null, { timeout: 60_000 });
  const russian = await title(page);
  assert.match(russian, RUSSIAN_ONLY);
  assert.equal(await page.locator('.offline-notice').isVisible(), false, 'no notice while online');

  await context.setOffline(true);
  await page.goto(`${s.url}/uk/${SEED}`);
  await drawn(page);
  assert.equal(await title(page), squash(seed.editions.uk.title), 'the human edition, offline');
  assert.ok(await page.locator('.offline-notice').isVisible(), 'a quiet notice says the reader is offline');
  assert.match(await page.locator('.offline-notice').textContent(), /мережі/);

  await page.locator('.switcher').getByRole('link', { name: 'English' }).click();
  await page.waitForURL(`${s.url}/en/${SEED}`);
  await drawn(page);
  assert.equal(await title(page), squash(seed.editions.en.title), 'another edition of the same article');

  await page.goto(`${s.url}/ru/${SEED}`);
  await page.waitForSelector('article.machine');
  await page.waitForFunction(() => !document.querySelector('.mt-progress'), null, { timeout: 10_000 });
  assert.equal(await title(page), russian, 'the machine translation, without asking the service');
  assert.equal(await page.locator('.mt-block.pending').count(), 0);
  assert.equal(await page.locator('.mt-error, [role=alert]').count(), 0);

  // An article never opened is not another article's page: it says it cannot be loaded.
  await page.goto(`${s.url}/uk/${TRAM}`);
  await drawn(page);
  assert.equal(await page.locator('article').count(), 0);
  assert.ok(await page.getByRole('button', { name: 'Спробувати ще раз' }).isVisible());

  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  assert.equal(await page.locator('.offline-notice').isVisible(), false, 'the notice goes with the network back');
});

test('a new build deployed while a tab is open: the tab keeps its build, the next visit runs the new one', async () => {
  const s = await site();
  const { context, page } = await newReader(browser, { locale: 'en-GB', serviceWorkers: 'allow' });
  await open(page, `${s.url}/en/${SEED}`);
  const oldCss = await page.getAttribute('link[rel=stylesheet]', 'href');
  const oldVersion = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('trimova-app-')));
  assert.equal(oldVersion.length, 1);

  // The deploy: a stylesheet changed, so it has a new name everywhere, and the worker a new build.
  const name = oldCss.replace(/^\//, '');
  const newName = name.replace(/-([0-9a-f]+)\.css$/, '-0000deploy0000.css');
  await writeFile(join(s.dir, newName), `${await readFile(join(s.dir, name), 'utf8')}\n/* deployed */\n`);
  const rewrite = async (file) => {
    const text = await readFile(file, 'utf8');
    if (text.includes(name)) await writeFile(file, text.replaceAll(name, newName).replace(/"version":"[0-9a-f]+"/, '"version":"deployed"'));
  };
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.(html|js)$/.test(entry.name)) await rewrite(path);
    }
  };
  await walk(s.dir);
  await rename(join(s.dir, name), join(s.dir, `${name}.gone`));

  // The open tab goes on with its own build: reading, switching, its files from its cache.
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  await page.locator('.switcher').getByRole('link', { name: 'Українська' }).click();
  await page.waitForURL(`${s.url}/uk/${SEED}`);
  await drawn(page);
  assert.equal(await page.getAttribute('link[rel=stylesheet]', 'href'), oldCss);
  assert.ok(!requested.some((u) => u.includes('0000deploy0000')), 'no file of the new build in the old tab');
  // The new build installs, then waits: it never takes over the open tab.
  await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r.waiting)));
  assert.equal(await page.getAttribute('link[rel=stylesheet]', 'href'), oldCss);

  // The next visit, once no page of the old build is open, runs the new build.
  await page.close();
  const next = await context.newPage();
  await next.goto(`${s.url}/en/${SEED}`);
  await next.waitForSelector('html[data-app=started]');
  await next.waitForFunction(async () => (await caches.keys()).includes('trimova-app-deployed'));
  assert.equal(await next.getAttribute('link[rel=stylesheet]', 'href'), `/${newName}`);
  assert.ok(await next.evaluate(() => getComputedStyle(document.body).backgroundColor !== ''));
  await next.waitForFunction(async () => !(await caches.keys()).some((k) => k.startsWith('trimova-app-') && k !== 'trimova-app-deployed'));
});

test('a reader saves an article for offline; the list says which articles open without a network', async () => {
  const s = await site();
  const { context, page } = await newReader(browser, { locale: 'en-GB', serviceWorkers: 'allow' });
  const tram = articles.find((a) => a.id === TRAM);
  await open(page, `${s.url}/en/`);
  const item = (id) => page.locator('.article-item', { has: page.locator(`a[href$="/${id}"]`) });
  await item(TRAM).locator('.offline-mark').waitFor({ state: 'attached' });
  assert.equal(await item(TRAM).locator('.offline-mark.kept').count(), 0, 'not opened, not saved');

  // Saved from its page, the article is kept although the reader leaves it for another.
  await open(page, `${s.url}/en/${TRAM}`);
  const save = page.getByRole('button', { name: 'Save for reading offline' });
  assert.equal(await save.getAttribute('aria-pressed'), 'false');
  await save.click();
  await page.waitForSelector('.save-offline[aria-pressed=true]');
  await page.goto(`${s.url}/en/`);
  await page.waitForSelector('html[data-app=started]');
  await item(TRAM).locator('.offline-mark.kept').waitFor();
  assert.equal(squash(await item(TRAM).locator('.offline-mark').textContent()), 'available offline');
  assert.equal(await item(SEED).locator('.offline-mark:not(.kept)').isVisible(), false, 'online, nothing is said of the others');

  await context.setOffline(true);
  await page.goto(`${s.url}/en/`);
  await page.waitForSelector('.article-item .offline-mark.kept');
  assert.ok(await item(SEED).locator('.offline-mark:not(.kept)').isVisible(), 'offline, the others say they need a network');
  assert.equal(squash(await item(SEED).locator('.offline-mark').textContent()), 'needs a network');
  await item(TRAM).locator('h3 a').click();
  await page.waitForURL(`${s.url}/en/${TRAM}`);
  await drawn(page);
  assert.equal(await title(page), squash(tram.editions.en.title), 'the saved article opens offline');
  // Its tags lead to lists this reader never opened: they say so.
  const tag = page.locator('.tags li').first();
  assert.equal(squash(await tag.locator('.offline-mark').textContent()), 'needs a network');
  assert.ok(await tag.locator('.offline-mark').isVisible());

  // Unsaved, it goes back to being one kept copy among others.
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Save for reading offline' }).click();
  await page.waitForSelector('.save-offline[aria-pressed=false]');
});

test('with no room left for copies, pages still work; only the offline copy is missing', async () => {
  const s = await site();
  const { page } = await newReader(browser, { locale: 'en-GB', serviceWorkers: 'allow' });
  await open(page, `${s.url}/en/${SEED}`);
  // Then the disk fills up: the origin's quota falls below what it already uses.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: s.url, quotaSize: 1024 });
  await page.goto(`${s.url}/en/${TRAM}`);
  await drawn(page);
  const tram = articles.find((a) => a.id === TRAM);
  assert.equal(await title(page), squash(tram.editions.en.title));
  await page.locator('.switcher').getByRole('link', { name: 'Українська' }).click();
  await page.waitForURL(`${s.url}/uk/${TRAM}`);
  await drawn(page);
  assert.equal(await title(page), squash(tram.editions.uk.title));
  assert.deepEqual(page.errors, []);
});

test('search, once used, is kept: offline, the search page says searching needs a network, with a retry', async () => {
  const s = await site();
  const { context, page } = await newReader(browser, { locale: 'uk-UA', serviceWorkers: 'allow' });
  await open(page, `${s.url}/uk/search/?q=${encodeURIComponent('трамвайне депо')}`);
  await page.locator('.search-results a').first().waitFor();
  // The worker has kept the module the page loaded.
  await page.waitForFunction(async () => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      if ((await cache.keys()).some((r) => /trimova-search_bg/.test(r.url))) return true;
    }
    return false;
  });
  // The index's files are not kept: they would push kept articles out of the bounded cache.
  const kept = await page.evaluate(async () => (await (await caches.open('trimova-data')).keys()).map((r) => r.url));
  assert.deepEqual(kept.filter((url) => url.includes('/search/')), []);

  await context.setOffline(true);
  await page.goto(`${s.url}/uk/search/?q=${encodeURIComponent('фортеця')}`);
  const alert = page.locator('.search-outcome [role=alert]');
  await alert.waitFor();
  assert.match(squash(await alert.textContent()), /Для пошуку потрібна мережа/);
  assert.ok(await alert.getByRole('button', { name: 'Спробувати ще раз' }).isVisible());
  assert.equal(await page.inputValue('#search-q'), 'фортеця', 'the query is kept');
  await context.setOffline(false);
});
