// Shared set-up for the end-to-end suites: Debian's Chromium driven by playwright-core, and the
// release build in dist/ served like a plain static host (with test fixtures layered on top).
import { before, after, afterEach } from 'node:test';
import { chromium } from 'playwright-core';
import { cp, readFile, readdir, mkdir, mkdtemp, rm, writeFile, symlink, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/serve.mjs';
import { generate } from '../scripts/generate-archive.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
export const FIXTURES = join(ROOT, 'e2e', 'fixtures');
export const ARTIFACTS = join(ROOT, 'artifacts');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Serves dist/ (and the fixtures) on a free port; returns { url, close }. With `config`, a
 * `config.json` holding it is served too (without, the site has none: translation is off).
 */
export async function startSite({ config, headers } = {}) {
  const layers = [DIST, FIXTURES];
  if (config) {
    const dir = await mkdtemp(join(tmpdir(), 'trimova-site-'));
    await writeFile(join(dir, 'config.json'), JSON.stringify(config));
    layers.unshift(dir);
  }
  const { server, url } = await serve(layers, { headers });
  return { url, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}

/** The Content-Security-Policy a strict host sends: no inline script or style anywhere. */
export const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * The source a Content-Security-Policy names to allow the site's one inline script
 * (src/paint-first.js, as the build inlines it in every page): `'sha256-…'`, worked out from the
 * built page as a browser does.
 */
export async function inlineScriptSource(dist = DIST) {
  const html = await readFile(join(dist, '404.html'), 'utf8');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:json|ld\+json)")[^>]*>([\s\S]*?)<\/script>/g)];
  if (inline.length !== 1) throw new Error(`404.html has ${inline.length} inline scripts, not one`);
  return `'sha256-${createHash('sha256').update(inline[0][1]).digest('base64')}'`;
}

/**
 * Serves the example CMS page (`examples/cms/`, at /examples/cms/) beside dist/ under the strict
 * CSP, as a newsroom serving Trimova's folder on its own origin would; with `config`, a
 * `config.json` holding it sits beside `embed.js`.
 */
export async function startCmsHost({ config } = {}) {
  const host = await mkdtemp(join(tmpdir(), 'trimova-cms-'));
  await symlink(join(ROOT, 'examples'), join(host, 'examples'));
  if (config) await writeFile(join(host, 'config.json'), JSON.stringify(config));
  const { server, url } = await serve([host, DIST, FIXTURES], { headers: { 'content-security-policy': STRICT_CSP } });
  return { url, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}

/**
 * Serves the build made with `--public-url /news/` (target/dist-news) under /news/ of a host
 * whose root has nothing else but the 404.html fallback, as a CMS sub-directory would; `config`
 * replaces its config.json.
 */
export async function startSubdirectorySite({ config } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'trimova-host-'));
  await symlink(join(ROOT, 'target', 'dist-news'), join(root, 'news'));
  await copyFile(join(ROOT, 'target', 'dist-news', '404.html'), join(root, '404.html'));
  const layers = [root];
  if (config) {
    const dir = await mkdtemp(join(tmpdir(), 'trimova-host-config-'));
    await mkdir(join(dir, 'news'));
    await writeFile(join(dir, 'news', 'config.json'), JSON.stringify(config));
    layers.unshift(dir);
  }
  const { server, url } = await serve(layers);
  return { url, close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }) };
}

/**
 * The usual set-up of a suite: one browser and the release build served for all its tests, the
 * sample articles, readers closed after each test. `receive` gets `{ browser, site, articles }`
 * once they are ready (before the first test).
 */
export function withSiteAndBrowser(receive) {
  const ready = {};
  before(async () => {
    ready.browser = await launchBrowser();
    ready.site = await startSite();
    ready.articles = await sampleArticles();
    receive(ready);
  });
  afterEach(closeReaders);
  after(async () => {
    await ready.browser?.close();
    await ready.site?.close();
  });
}

/** A real Apertium APy on 127.0.0.1 (APY_URL if the caller started one, else scripts/apy.sh). */
export function apyUrl() {
  if (process.env.APY_URL) return process.env.APY_URL;
  return execFileSync(join(ROOT, 'scripts', 'apy.sh'), [process.env.APY_PORT ?? '2737'], { encoding: 'utf8' }).trim();
}

const openContexts = new Set();

/** Closes the readers a test left open (a failing test stops before its own clean-up). */
export async function closeReaders() {
  await Promise.all([...openContexts].map((c) => c.close().catch(() => {})));
  openContexts.clear();
}

/**
 * A fresh reader: own storage, a language and a time zone, console errors collected. The site's
 * service worker is blocked unless `serviceWorkers: 'allow'` (e2e/offline.test.mjs tests it): a
 * worker answers requests itself, out of reach of the faults and holds a test puts on the page's
 * network, depending on how soon it has taken the page.
 */
export async function newReader(browser, { locale = 'uk-UA', colorScheme = 'light', viewport, serviceWorkers = 'block' } = {}) {
  const context = await browser.newContext({ locale, timezoneId: 'Europe/Kyiv', colorScheme, viewport, serviceWorkers });
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  const page = await context.newPage();
  page.errors = [];
  page.warnings = [];
  page.failedRequests = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    // Chromium logs every HTTP error status; those are checked through `failedRequests` instead,
    // because a deep link is *meant* to arrive as the host's 404.html.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) page.errors.push(m.text());
    if (m.type() === 'warning') page.warnings.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') page.failedRequests.push(`${r.status()} ${r.url()}`);
  });
  return { context, page };
}

/** The sample articles exactly as shipped (the test compares the page with the source data). */
export async function sampleArticles() {
  const dir = join(DIST, 'articles');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json') && f !== 'index.json');
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8'))));
}

export const LANGS = ['uk', 'en', 'ru'];
export const NATIVE_NAMES = { uk: 'Українська', en: 'English', ru: 'Русский' };

export const plain = (inline) => (typeof inline === 'string' ? inline : inline.map((r) => r.text).join(''));
/** Text as the browser reports it: collapse every kind of space (Intl uses U+00A0/U+202F). */
export const squash = (s) => s.replace(/\s+/gu, ' ').trim();

/**
 * Waits until the app runs (on a pre-rendered page: has adopted it) and shows something other
 * than its loading state. Before that, a pre-rendered page reads but its links are plain links.
 */
export async function settled(page) {
  await page.waitForSelector('html[data-app=started]');
  await page.waitForSelector('main#content:not([aria-busy]) :is(article, .notice, ol.article-list, h1)');
}

/**
 * Opens `url` with the app's wasm held back, as on a slow network: `load` comes (the stylesheet is
 * in) while the app has not started, so what is on screen is the page alone. Layout shifts are
 * summed in `window.__cls` from the start. Returns `release`, which lets the wasm through.
 */
export async function openWithAppHeld(page, url) {
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(url, { waitUntil: 'load' });
  return release;
}

export async function screenshot(page, name) {
  const dir = join(ARTIFACTS, 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}

/**
 * A copy of the build with `count` generated articles (scripts/generate-archive.mjs) and the files
 * of `extra` folders as its articles, published with `trimova pages` and served like a plain
 * static host. Returns `{ dir, url, made, publish, close }`; `publish()` runs `trimova pages`
 * again (after a test changed the articles).
 */
export async function publishedArchive({ count, now, extra = [], origin = 'https://news.example.org' }) {
  const dir = await mkdtemp(join(tmpdir(), 'trimova-archive-'));
  await cp(DIST, dir, { recursive: true });
  for (const f of await readdir(join(dir, 'articles'))) await rm(join(dir, 'articles', f));
  const made = await generate({ count, out: join(dir, 'articles'), now });
  for (const folder of extra) await cp(folder, join(dir, 'articles'), { recursive: true });
  const publish = () => execFileSync('cargo', ['run', '--quiet', '--offline', '-p', 'trimova-cli', '--bin', 'trimova', '--', 'pages', dir], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, SOURCE_DATE_EPOCH: String(now / 1000), TRIMOVA_SITE_URL: origin },
  });
  publish();
  const { server, url } = await serve([dir]);
  const close = async () => {
    await new Promise((ok) => { server.closeAllConnections(); server.close(ok); });
    await rm(dir, { recursive: true, force: true });
  };
  return { dir, url, made, publish, close };
}
