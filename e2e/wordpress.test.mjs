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

let browser, cdn, bare, posts, auth, login, site, articles;

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
  // The same files from an origin that forgot its CORS header.
  bare = await serve([DIST]);
  const port = await freePort();
  site = `http://127.0.0.1:${port}`;
  const out = execFileSync(join(ROOT, 'scripts', 'wordpress.sh'), ['start', String(port), `${cdn.url}/`], { encoding: 'utf8' });
  ({ posts, auth, login } = JSON.parse(out.trim().split('\n').at(-1)));
  articles = Object.fromEntries(await Promise.all([SEED, TRAM].map(async (id) => [id, JSON.parse(await readFile(join(DIST, 'articles', `${id}.json`), 'utf8'))])));
});
afterEach(closeReaders);
after(async () => {
  execFileSync(join(ROOT, 'scripts', 'wordpress.sh'), ['stop']);
  await browser?.close();
  for (const server of [cdn, bare]) {
    server?.server.closeAllConnections();
    server?.server.close();
  }
});

/** Opens a post, recording what it asks of Trimova's origin and the events the elements send. */
async function openPost(name, query = '') {
  const { page } = await newReader(browser, { locale: 'de-DE' });
  page.fromTrimova = [];
  page.on('request', (r) => { if (r.url().startsWith(cdn.url)) page.fromTrimova.push(r.url()); });
  await page.addInitScript(() => {
    window.seen = [];
    // An error event may come before the test listens: each element keeps its detail.
    document.addEventListener('trimova:error', (e) => { e.target.dataset.trimovaError = JSON.stringify(e.detail); }, true);
    document.addEventListener('trimova:languagechange', (e) => window.seen.push({ id: e.target.id || e.target.getAttribute('article'), detail: e.detail }));
  });
  await page.goto(posts[name] + query);
  return page;
}

/** The REST API as the block editor calls it, as the administrator (an application password). */
async function rest(path, init = {}) {
  const response = await fetch(`${site}/?rest_route=${path}`, {
    ...init,
    headers: { authorization: `Basic ${Buffer.from(auth).toString('base64')}`, 'content-type': 'application/json', ...init.headers },
  });
  const body = await response.json();
  assert.ok(response.ok, `${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Logs the administrator in, in `page`'s browser context. The login form is posted as a browser
 * posts it, but from the context's own request client: what is tested is the settings page, and
 * a click on the form raced the login page's own scripts once on a slow machine (the form came
 * back instead of the dashboard). A refused login fails here with WordPress's own message.
 */
async function logIn(page) {
  const request = page.context().request;
  // The login page sets the cookie WordPress checks for before it accepts a login.
  await request.get(`${site}/wp-login.php`);
  const response = await request.post(`${site}/wp-login.php`, {
    form: { log: login.user, pwd: login.password, 'wp-submit': 'Log In', testcookie: '1', redirect_to: `${site}/wp-admin/` },
  });
  const landed = response.url();
  const refusal = /id="login_error"[^>]*>([\s\S]*?)<\/div>/.exec(await response.text())?.[1];
  assert.match(landed, /\/wp-admin\//, `the login went to ${landed}: ${squash(refusal?.replace(/<[^>]+>/g, ' ') ?? 'no message')}`);
}

/** Waits for an element's `trimova:error`, and says what the reader sees in it. */
async function failure(page, selector = 'trimova-article') {
  const element = page.locator(selector).first();
  const error = await element.evaluate((host) => new Promise((ok) => {
    if (host.dataset.trimovaError) return ok(JSON.parse(host.dataset.trimovaError));
    host.addEventListener('trimova:error', (e) => ok(e.detail), { once: true });
  }));
  const message = squash(await element.locator('[role=alert]').first().textContent());
  const link = await element.locator('a.trimova-link').evaluateAll((as) => as.filter((a) => a.checkVisibility()).map((a) => a.href));
  return { error, message, link };
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

test('the block, inserted through the REST API as the editor does, shows the article, previews in the editor, and holds a link', async () => {
  const type = await rest('/wp/v2/block-types/trimova/article');
  assert.equal(type.title, 'Trimova article');
  const post = await rest('/wp/v2/posts', {
    method: 'POST',
    body: JSON.stringify({
      title: 'A block', slug: 'block-test', status: 'publish',
      content: `<!-- wp:trimova/article {"article":"${TRAM}","lang":"en","readerControls":false} /-->`,
    }),
  });
  // Gone again afterwards: on a rerun against the same WordPress, posts of earlier runs would
  // fill the feed another test reads (scripts/wordpress-setup.php removes any a failed run left).
  try {
    await showsTheBlock(post);
  } finally {
    await rest(`/wp/v2/posts/${post.id}&force=true`, { method: 'DELETE' });
  }
});

async function showsTheBlock(post) {
  // The editor's preview is the server's rendering of the block.
  const preview = await rest(`/wp/v2/block-renderer/trimova/article&context=edit&attributes[article]=${TRAM}&attributes[lang]=ru`);
  assert.match(preview.rendered, new RegExp(`<trimova-article article="${TRAM}" lang="ru">`));
  const { page } = await newReader(browser, { locale: 'de-DE' });
  await page.goto(post.link);
  const element = page.locator('.wp-block-trimova-article trimova-article');
  await shown(element);
  assert.equal(await headline(element), squash(articles[TRAM].editions.en.title));
  assert.equal(await element.getAttribute('reader-controls'), 'off');
  assert.equal(await element.locator('a.trimova-link').getAttribute('href'), `${cdn.url}/en/${TRAM}`);
  assert.equal(await element.locator('a.trimova-link').isVisible(), false, 'the viewer stands in its place');
  assert.deepEqual(page.errors, []);
}

test('an article\'s address pasted into a post, or into the editor, becomes the article', async () => {
  const page = await openPost('pasted');
  const element = page.locator('trimova-article');
  await shown(element);
  assert.equal(await element.getAttribute('article'), SEED);
  assert.equal(await headline(element), squash(articles[SEED].editions.en.title));
  // What the block editor asks when an address is pasted.
  const embed = await rest(`/oembed/1.0/proxy&url=${encodeURIComponent(`${cdn.url}/uk/${SEED}`)}`);
  assert.match(embed.html, new RegExp(`<trimova-article article="${SEED}" lang="uk">`));
});

test('a classic theme shows and switches the article as the block theme does', async () => {
  const page = await openPost('one', '&trimova-theme=classic');
  assert.equal(await page.locator('main.classic-content').count(), 1, 'the classic theme is the one in use');
  const element = page.locator('trimova-article');
  await shown(element);
  assert.equal(await headline(element), squash(articles[SEED].editions.en.title));
  await element.getByRole('link', { name: 'Українська' }).click();
  await element.locator('article[lang=uk]').waitFor();
  assert.deepEqual(page.errors, []);
});

test('src is limited to the configured origin; the origin must be https (http only on localhost), and the settings page says so', async () => {
  const page = await openPost('src');
  const srcs = await page.locator('trimova-article').evaluateAll((els) => els.map((e) => e.getAttribute('src')));
  assert.deepEqual(srcs, [`${cdn.url}/articles/${TRAM}.json`], 'the other site\'s file is not shown');
  await shown(page.locator('trimova-article'));
  assert.equal(await page.locator('trimova-article a.trimova-link').getAttribute('href'), `${cdn.url}/en/${TRAM}`);

  const { page: admin } = await newReader(browser, { locale: 'en-GB' });
  await logIn(admin);
  await admin.goto(`${site}/wp-admin/options-general.php?page=trimova`);
  await admin.fill('#trimova_origin', 'http://static.example.org/trimova/');
  await Promise.all([admin.waitForURL(/settings-updated/, { waitUntil: 'domcontentloaded' }), admin.click('#submit')]);
  assert.match(squash(await admin.locator('.notice-error, .error').first().textContent()), /cannot be Trimova's origin: give an https address/);
  assert.equal(await admin.inputValue('#trimova_origin'), `${cdn.url}/`, 'the previous origin is kept');
});

test('when the viewer cannot start, the element says so in the page\'s language, keeps its link and fires trimova:error', async () => {
  // No article named.
  const missing = await failure(await openPost('missing'));
  assert.equal(missing.error.kind, 'missing');
  assert.equal(missing.message, 'An article belongs here, but none is named.');
  // Trimova's origin is wrong, or forgot its CORS header: embed.js never runs.
  const closed = `http://127.0.0.1:${await freePort()}/`;
  for (const origin of [closed, `${bare.url}/`]) {
    const page = await openPost('one', `&trimova-origin=${encodeURIComponent(origin)}`);
    const seen = await failure(page);
    assert.equal(seen.error.kind, 'network', origin);
    assert.equal(seen.message, 'The article could not be shown here.');
    assert.deepEqual(seen.link, [`${origin}en/${SEED}`]);
  }
  // The site's policy does not allow WebAssembly: embed.js runs, the viewer cannot.
  const strict = await failure(await openPost('one', '&trimova-csp=strict'));
  assert.equal(strict.error.kind, 'network');
  assert.equal(strict.message, 'The article could not be shown here.');
  assert.deepEqual(strict.link, [`${cdn.url}/en/${SEED}`]);
});

test('with scripts off, a reader sees the link to the article', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(posts.one);
  const link = page.locator('trimova-article a.trimova-link');
  assert.equal(await link.isVisible(), true);
  assert.equal(await link.getAttribute('href'), `${cdn.url}/en/${SEED}`);
  assert.equal(squash(await link.textContent()), 'Read the article on the Trimova site');
  await context.close();
});

test('feeds carry the link to the article', async () => {
  const feed = await (await fetch(`${site}/?feed=rss2`)).text();
  assert.match(feed, new RegExp(`href=&quot;${cdn.url.replace(/[.:/]/g, (c) => `\\${c}`)}/en/${SEED}&quot;|href="${cdn.url}/en/${SEED}"`));
});

test('removing the plugin leaves none of its settings behind', async () => {
  const left = execFileSync('php', [join(ROOT, 'e2e', 'fixtures', 'wordpress', 'uninstall.php'), site], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(left.trim().split('\n').at(-1)), []);
  // Back as it was, for a rerun.
  execFileSync('php', [join(ROOT, 'scripts', 'wordpress-setup.php'), site, `${cdn.url}/`], { encoding: 'utf8' });
});
