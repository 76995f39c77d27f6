// <trimova-article> inside a newsroom's page: the example CMS page (examples/cms/) served beside
// the release build under a strict Content-Security-Policy, with a real APy for translation.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  closeReaders, launchBrowser, newReader, startCmsHost, apyUrl, ROOT, DIST, STRICT_CSP, squash,
} from './helpers.mjs';
import { serve } from '../scripts/serve.mjs';
import { startProviders } from './providers.mjs';

const SEED = 'north-korea-shells-2024-06'; // uk original, en human, ru missing
const TRAM = 'lviv-tram-depot-library-2026-10'; // uk, en, ru all human
const RUSSIAN_ONLY = /[ыэъё]/i;

let browser, stub, host;
before(async () => {
  browser = await launchBrowser();
  stub = await startProviders(apyUrl());
  host = await startCmsHost({
    config: {
      languages: ['uk', 'en', 'ru'],
      translation: { provider: 'apertium', endpoint: `${stub.url}/apy`, glossary: ['UNN', 'Bloomberg'], timeout_ms: 3000 },
    },
  });
});
afterEach(async () => {
  stub.reset();
  await closeReaders();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await stub?.close();
});

/** Opens the example page, recording every trimova:* event and CSP violation in the page. */
async function openHost({ locale = 'de-DE' } = {}) {
  const { page } = await newReader(browser, { locale });
  await page.addInitScript(() => {
    window.seen = [];
    for (const name of ['languagechange', 'translationstart', 'translationend', 'error']) {
      document.addEventListener(`trimova:${name}`, (e) => window.seen.push({ type: e.type, id: e.target.id, detail: e.detail }));
    }
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${host.url}/examples/cms/`);
  await shown(page, '#first');
  await shown(page, '#second');
  return page;
}

/** Waits until the element shows an article (or a message), not its loading state. */
async function shown(page, selector) {
  await page.locator(`${selector} .content:not([aria-busy]) :is(article, .notice)`).first().waitFor();
}

/** What the host owns, which no embedded viewer may change. */
async function hostState(page) {
  return page.evaluate(() => {
    const style = (sel, props) => {
      const s = getComputedStyle(document.querySelector(sel));
      return Object.fromEntries(props.map((p) => [p, s[p]]));
    };
    return {
      url: location.href,
      history: history.length,
      lang: document.documentElement.lang,
      title: document.title,
      meta: [...document.head.querySelectorAll('meta')].map((m) => m.outerHTML),
      head: document.head.children.length,
      styles: {
        intro: style('.intro', ['color', 'fontSize', 'textTransform', 'fontFamily']),
        title: style('.section-title', ['display', 'color']),
        box: style('.host-box', ['borderTopStyle', 'padding']),
        body: style('body', ['backgroundColor', 'lineHeight']),
      },
    };
  });
}

/** Adds a `<trimova-article>` to the host's <main> after load, as a client-side CMS would. */
const addViewer = (page, id, attributes) => page.evaluate(([id, attributes]) => {
  const element = Object.assign(document.createElement('trimova-article'), { id });
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.querySelector('main').append(element);
}, [id, attributes]);

const events = (page, type, id) => page.evaluate(([t, i]) => window.seen.filter((e) => e.type === t && (!i || e.id === i)), [type, id]);
const headline = (page, id) => page.locator(`#${id} h1`).textContent();

test('two embedded articles render and switch independently, leaving the host page as it was', async () => {
  const page = await openHost();
  const before = await hostState(page);
  const articles = Object.fromEntries(await Promise.all([SEED, TRAM].map(async (id) => [id, JSON.parse(await readFile(join(ROOT, 'public', 'articles', `${id}.json`), 'utf8'))])));

  assert.equal(squash(await headline(page, 'first')), squash(articles[SEED].editions.uk.title));
  assert.equal(squash(await headline(page, 'second')), squash(articles[TRAM].editions.en.title));
  assert.equal(await page.locator('#first').getAttribute('lang'), 'uk');

  await page.locator('#first').getByRole('link', { name: 'English' }).click();
  await page.locator('#first article[lang=en]').waitFor();
  assert.equal(squash(await headline(page, 'first')), squash(articles[SEED].editions.en.title));
  assert.equal(squash(await headline(page, 'second')), squash(articles[TRAM].editions.en.title), 'the other viewer stays');
  assert.equal(await page.locator('#first').getAttribute('lang'), 'en', 'the element reflects the edition in lang');

  await page.locator('#second').getByRole('link', { name: 'Русский' }).click();
  await page.locator('#second article[lang=ru]').waitFor();
  assert.equal(squash(await headline(page, 'second')), squash(articles[TRAM].editions.ru.title));
  assert.equal(squash(await headline(page, 'first')), squash(articles[SEED].editions.en.title));

  assert.deepEqual(await hostState(page), before, 'URL, history, <html lang>, title, meta and host styles unchanged');
  const changes = async (id) => (await events(page, 'trimova:languagechange', id)).map((e) => e.detail);
  assert.deepEqual(await changes('first'), [{ lang: 'uk', machine: false }, { lang: 'en', machine: false }]);
  assert.deepEqual(await changes('second'), [{ lang: 'en', machine: false }, { lang: 'ru', machine: false }]);
  assert.deepEqual(await page.evaluate(() => window.violations), [], 'no CSP violation');
  assert.deepEqual(page.errors, []);
});

test("the host's own history routing works beside the viewers, and theirs never answers it", async () => {
  const page = await openHost();
  await page.locator('#first').getByRole('link', { name: 'English' }).click();
  await page.locator('#first article[lang=en]').waitFor();
  const length = await page.evaluate(() => history.length);
  await page.getByRole('link', { name: 'Kultur' }).click();
  await page.waitForURL(/rubrik=kultur/);
  assert.equal(await page.title(), 'Beispielzeitung – Kultur');
  assert.equal(await page.evaluate(() => history.length), length + 1, 'one entry, the host\'s');
  await page.goBack();
  await page.waitForFunction(() => document.title === 'Beispielzeitung – Ausland');
  assert.equal(await page.locator('#first article').getAttribute('lang'), 'en', 'the viewer kept its edition');
  assert.equal(await page.locator('#second article').getAttribute('lang'), 'en');
  assert.deepEqual(page.errors, []);
});

test("the host's hostile rules stay outside; its --trimova-* custom properties come in", async () => {
  const page = await openHost();
  const inside = await page.evaluate(() => {
    const styleOf = (host, sel) => getComputedStyle(document.querySelector(host).shadowRoot.querySelector(sel));
    const p = styleOf('#first', '.article-body p');
    return {
      paragraph: { color: p.color, fontSize: p.fontSize, textTransform: p.textTransform, letterSpacing: p.letterSpacing, fontFamily: p.fontFamily },
      headline: styleOf('#first', 'h1').display,
      button: styleOf('#first', '.switcher a').display,
      link: styleOf('#second', '.article-body a').color,
      firstLink: styleOf('#first', '.switcher a:not([aria-current])').color,
      background: styleOf('#second', '.trimova-embed').backgroundColor,
      text: styleOf('#second', '.article-body p').color,
      font: styleOf('#second', '.article-body p').fontFamily,
      measure: styleOf('#second', '.article-body').maxWidth,
      firstMeasure: styleOf('#first', '.article-body').maxWidth,
    };
  });
  assert.notEqual(inside.paragraph.color, 'rgb(255, 0, 0)', 'p { color: red !important } stays out');
  assert.notEqual(inside.paragraph.fontSize, '30px');
  assert.equal(inside.paragraph.textTransform, 'none');
  assert.equal(inside.paragraph.letterSpacing, 'normal');
  assert.doesNotMatch(inside.paragraph.fontFamily, /Comic/);
  assert.notEqual(inside.headline, 'none', 'h1 { display: none } stays out');
  assert.notEqual(inside.firstLink, 'rgb(0, 128, 0)', 'a { color: green !important } stays out');
  // The themed element: the values host.css gives the custom properties.
  assert.equal(inside.link, 'rgb(138, 21, 56)', '--trimova-color-accent');
  assert.equal(inside.background, 'rgb(244, 239, 230)', '--trimova-color-background');
  assert.equal(inside.text, 'rgb(43, 33, 24)', '--trimova-color-text');
  assert.match(inside.font, /^"DejaVu Serif"/, '--trimova-font-body');
  assert.notEqual(inside.measure, inside.firstMeasure, '--trimova-measure');
});

test("the reader's dark colour scheme still applies inside the element", async () => {
  const { page } = await newReader(browser, { colorScheme: 'dark' });
  await page.goto(`${host.url}/examples/cms/`);
  await shown(page, '#first');
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector('#first').shadowRoot.querySelector('.trimova-embed')).backgroundColor);
  assert.equal(bg, 'rgb(20, 20, 20)');
});

test('setting lang from the host switches the edition; the element reports it', async () => {
  const page = await openHost();
  const title = JSON.parse(await readFile(join(ROOT, 'public', 'articles', `${TRAM}.json`), 'utf8')).editions.uk.title;
  await page.evaluate(() => document.querySelector('#second').setAttribute('lang', 'uk'));
  await page.locator('#second article[lang=uk]').waitFor();
  assert.equal(squash(await headline(page, 'second')), squash(title));
  const last = (await events(page, 'trimova:languagechange', 'second')).at(-1);
  assert.deepEqual(last.detail, { lang: 'uk', machine: false });
  assert.equal(await page.locator('#second .switcher a[aria-current=page]').getAttribute('lang'), 'uk');
});

test('a missing edition is machine-translated inside the element, with its events, and the host untouched', async () => {
  const page = await openHost();
  const before = await hostState(page);
  await page.locator('#first').getByRole('link', { name: /Русский/ }).click();
  await page.locator('#first article.machine[lang=ru]').waitFor();
  await page.locator('#first .mt-progress').waitFor({ state: 'detached' });
  assert.match(await headline(page, 'first'), RUSSIAN_ONLY);
  assert.match(await page.locator('#first .mt-label').textContent(), /Машинный перевод/);

  const start = await events(page, 'trimova:translationstart', 'first');
  const end = await events(page, 'trimova:translationend', 'first');
  assert.equal(start.length, 1);
  assert.equal(start[0].detail.from, 'uk');
  assert.equal(start[0].detail.to, 'ru');
  assert.ok(start[0].detail.segments > 10, JSON.stringify(start[0].detail));
  assert.deepEqual(end.map((e) => e.detail), [{ from: 'uk', to: 'ru', ok: true }]);
  assert.deepEqual((await events(page, 'trimova:languagechange', 'first')).at(-1).detail, { lang: 'ru', machine: true });
  assert.ok(stub.log.length > 0, 'the translation went through APy');

  // "Read the original" switches the element, not the host page.
  await page.locator('#first .mt-actions a').click();
  await page.locator('#first article[lang=uk]:not(.machine)').waitFor();
  assert.deepEqual(await hostState(page), before, 'no noindex meta, title, lang or URL change on the host');
  assert.deepEqual(page.errors, []);
});

test('a machine edition published in the article file: its link to the original switches the element, not the host page', async () => {
  const page = await openHost();
  const before = await hostState(page);
  await addViewer(page, 'published', { article: 'published-machine-sample', lang: 'ru' });
  await shown(page, '#published');
  await page.locator('#published article.machine[lang=ru]').waitFor();
  assert.match(await page.locator('#published .mt-label').textContent(), /Машинный перевод с украинского \(Apertium\)/);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.locator('#published .mt-actions a').click();
  await page.locator('#published article[lang=uk]:not(.machine)').waitFor();
  assert.match(await headline(page, 'published'), /нічну читальню/);
  assert.deepEqual(await hostState(page), before, 'the host page stayed where it was');
  assert.deepEqual(requests.filter((u) => !u.endsWith('.json')), [], 'no page was loaded');
  assert.deepEqual((await events(page, 'trimova:languagechange', 'published')).at(-1).detail, { lang: 'uk', machine: false });
  assert.deepEqual(page.errors, []);
});

test('a failing translation service reports an error event and keeps the original readable', async () => {
  const page = await openHost();
  stub.fault({ status: 503, body: { status: 'error', code: 503, message: 'down' }, times: 50 });
  await page.evaluate(() => document.querySelector('#first').setAttribute('lang', 'ru'));
  await page.locator('#first .mt-error').waitFor();
  const errors = await events(page, 'trimova:error', 'first');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].detail.kind, 'translation');
  assert.ok(errors[0].detail.message.length > 0);
  assert.deepEqual((await events(page, 'trimova:translationend', 'first')).map((e) => e.detail.ok), [false]);
  assert.ok(await page.locator('#first .mt-error button.retry').isVisible(), 'retry offered (host CSS hides its own buttons only)');
});

test('an element added later starts by itself; a removed one stops its requests', async () => {
  const page = await openHost();
  await addViewer(page, 'late', { article: TRAM, lang: 'en' });
  await shown(page, '#late');
  assert.equal(await page.locator('#late article').getAttribute('lang'), 'en');

  // A slow service: the translation is still running when the element goes.
  stub.setDelay(400);
  const requests = [];
  page.on('request', (r) => { if (r.url().startsWith(stub.url)) requests.push(r); });
  await addViewer(page, 'doomed', { article: SEED, lang: 'ru' });
  await page.waitForFunction(() => window.seen.some((e) => e.type === 'trimova:translationstart' && e.id === 'doomed'));
  await page.waitForTimeout(100);
  await page.evaluate(() => document.querySelector('#doomed').remove());
  const atRemoval = requests.length;
  await page.waitForTimeout(1500);
  assert.ok(atRemoval > 0, 'the translation had started');
  assert.equal(requests.length, atRemoval, 'no request after removal');
  const outcomes = await Promise.all(requests.map((r) => r.response().then((res) => (res ? 'answered' : 'aborted'))));
  assert.ok(outcomes.includes('aborted'), `requests in flight were aborted: ${outcomes}`);
  assert.equal(await events(page, 'trimova:translationend', 'doomed').then((e) => e.length), 0, 'a stopped job reports nothing');
});

test('src loads an article file from any URL; a bad id says so in the element and in an error event', async () => {
  const page = await openHost();
  await addViewer(page, 'bysrc', { src: '/articles/en-only-sample.json' });
  await addViewer(page, 'missing', { article: 'no-such-article', lang: 'en' });
  await shown(page, '#bysrc');
  assert.equal(await page.locator('#bysrc article').getAttribute('lang'), 'en');
  await shown(page, '#missing');
  assert.ok(await page.locator('#missing .notice').isVisible());
  assert.deepEqual((await events(page, 'trimova:error', 'missing')).map((e) => e.detail.kind), ['not-found']);
});

test('axe finds no violation inside the viewers', async () => {
  const page = await openHost();
  await page.locator('#first').getByRole('link', { name: /Русский/ }).click();
  await page.locator('#first .mt-progress').waitFor({ state: 'detached' });
  const axe = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axe);
  for (const id of ['first', 'second']) {
    const result = await page.evaluate((sel) => window.axe.run(
      { include: [{ fromShadowDom: [sel, '.trimova-embed'] }] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } },
    ), `#${id}`);
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    assert.deepEqual(found, [], `#${id}`);
    assert.ok(result.passes.length > 10, 'axe looked inside the shadow root');
  }
});

test('a host that resizes its root (62.5 %, 125 %) changes nothing inside the element; --trimova-scale does, on purpose', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'trimova-roots-'));
  const page = (name, css) => Promise.all([
    writeFile(join(dir, `${name}.css`), css),
    writeFile(join(dir, `${name}.html`), `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>
<link rel="stylesheet" href="/${name}.css"><script type="module" src="/embed.js"></script></head>
<body><p class="host-text">Host text</p><trimova-article id="viewer" article="${SEED}" lang="en"></trimova-article></body></html>`),
  ]);
  await page('plain', 'body { margin: 0; }');
  await page('small-root', 'html { font-size: 62.5%; } body { font-size: 1.6rem; margin: 0; }');
  await page('large-root', 'html { font-size: 125%; } body { margin: 0; }');
  await page('scaled', 'body { margin: 0; } trimova-article { --trimova-scale: 1.25; }');
  const { server, url } = await serve([dir, DIST], { headers: { 'content-security-policy': STRICT_CSP } });
  try {
    const sizes = async (name) => {
      const { page: p } = await newReader(browser, { locale: 'en-GB', viewport: { width: 1000, height: 800 } });
      await p.goto(`${url}/${name}.html`);
      await shown(p, '#viewer');
      return p.evaluate(() => {
        const root = document.querySelector('#viewer').shadowRoot;
        const px = (sel, prop) => getComputedStyle(root.querySelector(sel))[prop];
        return {
          headline: px('h1', 'fontSize'), body: px('.article-body > p', 'fontSize'), meta: px('.meta', 'fontSize'),
          padding: px('.trimova-embed', 'paddingLeft'), switcher: px('.switcher a', 'fontSize'), button: px('.reader-button', 'minWidth'),
        };
      });
    };
    const plain = await sizes('plain');
    assert.equal(plain.headline, '44px', 'the headline as designed, in the browser\'s default size');
    assert.deepEqual(await sizes('small-root'), plain, 'html { font-size: 62.5% }');
    assert.deepEqual(await sizes('large-root'), plain, 'html { font-size: 125% }');
    const scaled = await sizes('scaled');
    // The host scales the embed on purpose: sizes in rem by the factor, fluid ones (part vw) less.
    assert.equal(parseFloat(scaled.meta), parseFloat(plain.meta) * 1.25);
    assert.ok(parseFloat(scaled.body) > parseFloat(plain.body) * 1.15, `${plain.body} -> ${scaled.body}`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
