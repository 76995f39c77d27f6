// Machine translation end to end: the release build in Chromium, a real Apertium APy on
// 127.0.0.1 behind a fault-injecting proxy, and stubs speaking LibreTranslate's, Google's and
// DeepL's wire formats (translating through the same APy).
import { test, before, after, afterEach, describe } from 'node:test';
import assert from 'node:assert/strict';
import { closeReaders, launchBrowser, startSite, startSubdirectorySite, newReader, sampleArticles, plain, squash, apyUrl } from './helpers.mjs';
import { startProviders } from './providers.mjs';

let browser, stub, articles;
const sites = [];

before(async () => {
  browser = await launchBrowser();
  stub = await startProviders(apyUrl());
  articles = await sampleArticles();
});
afterEach(closeReaders);
after(async () => {
  await browser?.close();
  await Promise.all(sites.map((s) => s.close()));
  await stub?.close();
});

const SEED = 'north-korea-shells-2024-06';
const LONG = 'winter-blackout-building-guide-2026-11';
const byId = (id) => articles.find((a) => a.id === id);
const CYRILLIC = /[а-яёіїєґ]/i;
const RUSSIAN_ONLY = /[ыэъё]/i;

async function site(translation = {}) {
  const s = await startSite({
    config: {
      languages: ['uk', 'en', 'ru'],
      translation: { provider: 'apertium', endpoint: `${stub.url}/apy`, glossary: ['UNN', 'Bloomberg'], timeout_ms: 1500, ...translation },
    },
  });
  sites.push(s);
  return s;
}

/** The texts an edition is translated as (one segment each), as the app cuts them. */
function segmentsOf(edition) {
  const out = [edition.title, edition.dateline, edition.lead];
  for (const b of edition.body) {
    if (b.type === 'paragraph' || b.type === 'heading') out.push(plain(b.text));
    if (b.type === 'quote') out.push(plain(b.text), b.attribution);
    if (b.type === 'list') out.push(...b.items.map(plain));
    if (b.type === 'image') out.push(b.alt, b.caption);
  }
  return out.filter((t) => t && t.trim());
}

/** A fresh reader on a fresh site, on `id`'s Russian machine edition once it is translated. */
async function openTranslated(id) {
  stub.reset();
  const s = await site();
  const { context, page } = await newReader(browser);
  await page.goto(`${s.url}/ru/${id}`);
  await settledTranslation(page);
  return { s, context, page };
}

/** Waits until the translation has finished (or failed). */
async function settledTranslation(page) {
  await page.waitForSelector('article.machine');
  await page.waitForFunction(() => !document.querySelector('.mt-progress'), null, { timeout: 60_000 });
}

const translateCalls = (prefix = '/apy/translate') => stub.log.filter((e) => e.path === prefix);

describe('through a real Apertium APy', () => {
  test('the seed article reads in Russian, translated from Ukrainian, structure kept and labelled', async () => {
    const { context, page } = await openTranslated(SEED);
    const uk = byId(SEED).editions.uk;

    assert.equal(await page.getAttribute('article', 'lang'), 'ru');
    assert.equal(await page.getAttribute('article', 'data-machine-translated'), 'uk');
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    assert.equal(squash(await page.textContent('.mt-label')), 'Машинный перевод с украинского (Apertium)');
    assert.equal(await page.getAttribute('.mt-actions a', 'href'), `/uk/${SEED}`);
    assert.equal(await page.getAttribute('meta[name=robots]', 'content'), 'noindex');
    assert.ok(await page.$('.switcher a.machine[hreflang=ru][aria-current=page]'), 'switcher marks the machine edition');

    const title = squash(await page.textContent('article h1'));
    assert.notEqual(title, squash(uk.title));
    assert.match(title, CYRILLIC);
    assert.ok(title.includes('Bloomberg'), `glossary term kept: ${title}`);
    assert.equal(await page.title(), `${title} — Trimova`);

    // One block per source block, each showing Russian now.
    assert.equal(await page.$$eval('.mt-block', (b) => b.length), uk.body.length);
    const shown = await page.$$eval('.mt-shown > [lang]', (els) => els.map((e) => [e.lang, e.textContent]));
    assert.equal(shown.length, uk.body.length);
    assert.ok(shown.every(([lang]) => lang === 'ru'), JSON.stringify(shown.map(([l]) => l)));
    const paragraphs = uk.body.map((b, i) => [b, i]).filter(([b]) => b.type === 'paragraph');
    for (const [block, i] of paragraphs) {
      const [, text] = shown[i];
      assert.notEqual(squash(text), squash(plain(block.text)), `block ${i} translated`);
      assert.match(text, CYRILLIC);
    }
    assert.ok(shown.some(([, t]) => RUSSIAN_ONLY.test(t)), 'real Russian output');
    const quote = await page.$eval('figure.quote', (f) => [f.lang, f.querySelector('figcaption').textContent]);
    assert.equal(quote[0], 'ru');
    assert.match(quote[1], /Шин|Шін/);
    assert.ok((await page.textContent('.byline')).includes('Ольга Розгон'), 'author names unchanged');

    // Segments travel in batches (APy keeps the separators between them), each exactly once,
    // plus the pairs, asked once.
    const batches = translateCalls().map((c) => new URLSearchParams(c.body).get('q'));
    const sentTexts = batches.flatMap((q) => q.split(/<hr data-trimova="\d+">/));
    assert.equal(sentTexts.length, segmentsOf(uk).length);
    assert.ok(batches.length < sentTexts.length, `${batches.length} requests for ${sentTexts.length} segments`);
    assert.equal(stub.log.filter((e) => e.path === '/apy/listPairs').length, 1);
    const sent = new URLSearchParams(translateCalls()[0].body);
    assert.equal(sent.get('langpair'), 'ukr|rus');
    assert.equal(sent.get('markUnknown'), 'yes');
    assert.equal(sent.get('format'), 'html');

    // The original of any paragraph, in place.
    await page.click('.mt-block:first-child .mt-toggle');
    assert.equal(await page.getAttribute('.mt-block:first-child .mt-toggle', 'aria-expanded'), 'true');
    assert.equal(squash(await page.textContent('.mt-block:first-child .mt-original [lang=uk]')), squash(plain(uk.body[0].text)));

    // Side by side: every block shows both.
    await page.click('.mt-parallel');
    assert.equal(await page.$$eval('.article-body.parallel .mt-block .mt-original', (o) => o.length), uk.body.length);

    // Leaving the machine edition drops the noindex.
    await page.click('.switcher a[hreflang=uk]');
    await page.waitForSelector('article[lang=uk]:not(.machine)');
    assert.equal(await page.$('meta[name=robots]'), null);
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('words Apertium does not know stay Ukrainian, marked as such and counted, not passed off as Russian', async () => {
    const { context, page } = await openTranslated(SEED);
    const uk = byId(SEED).editions.uk;
    const source = segmentsOf(uk).join(' ');
    const marked = await page.$$eval('.article-body .mt-shown .untranslated', (els) =>
      els.map((e) => ({ text: e.textContent, lang: e.lang, title: e.title, block: [...document.querySelectorAll('.mt-block')].indexOf(e.closest('.mt-block')) })));
    assert.ok(marked.length >= 2, `the seed has words APy does not know: ${JSON.stringify(marked)}`);
    for (const word of marked) {
      assert.equal(word.lang, 'uk', word.text);
      assert.equal(word.title, 'не переведено');
      assert.ok(source.includes(word.text), `"${word.text}" is the source's own word`);
      assert.doesNotMatch(word.text, /[*@#]/, 'no service marks shown');
    }
    // The marks came back through the batch separators: marked words in more than one text of a batch.
    assert.ok(new Set(marked.map((w) => w.block)).size >= 2, JSON.stringify(marked));
    assert.ok(translateCalls().length < segmentsOf(uk).length, 'sent in batches');
    // The count covers every marked word the reader sees, the header's too (the originals shown on
    // demand are not translations).
    const seen = await page.$$eval('article .untranslated', (els) => els.filter((e) => !e.closest('.mt-original')).map((e) => e.textContent));
    const words = seen.reduce((n, w) => n + w.trim().split(/\s+/).length, 0);
    assert.equal(squash(await page.textContent('.mt-untranslated')), `Слов, которых сервис не знал (подчёркнуты пунктиром): ${words}`);
    // The reader sees the mark: a dotted underline.
    assert.equal(await page.$eval('.untranslated', (e) => getComputedStyle(e).textDecorationStyle), 'dotted');
    // Nothing of APy's own marks reaches the page.
    assert.doesNotMatch(await page.textContent('article'), /(^|\s)[*#@][а-яіїєґ]/i);
    await context.close();
  });

  test('every Ukrainian word left in the Russian headline and lead is marked, and the page title shows no mark', async () => {
    const { context, page } = await openTranslated(SEED);
    const uk = byId(SEED).editions.uk;
    const glossary = ['UNN', 'Bloomberg'];
    // What APy itself says it left untranslated, asked directly: each word it marks with '*'.
    const unknownIn = async (text) => {
      const answer = await fetch(`${apyUrl()}/translate`, { method: 'POST', body: new URLSearchParams({ langpair: 'ukr|rus', q: text, markUnknown: 'yes' }) });
      const { responseData } = await answer.json();
      return [...responseData.translatedText.matchAll(/\*([\p{L}\p{M}'’ʼ-]+)/gu)].map((m) => m[1]).filter((w) => !glossary.includes(w));
    };
    let header = 0;
    for (const [where, text] of [['article h1', uk.title], ['article .lead', uk.lead]]) {
      const expected = await unknownIn(text);
      assert.ok(expected.length >= 1, `APy leaves words of the ${where} untranslated: ${text}`);
      const marked = await page.$$eval(`${where} .untranslated`, (els) => els.map((e) => ({ text: e.textContent, lang: e.lang, title: e.title })));
      assert.deepEqual(marked.flatMap((m) => m.text.trim().split(/\s+/)).sort(), [...expected].sort(), where);
      assert.ok(marked.every((m) => m.lang === 'uk' && m.title === 'не переведено'), JSON.stringify(marked));
      header += expected.length;
    }
    // The tab's title is the Russian headline as plain text: none of the engine's marks.
    const headline = squash(await page.textContent('article h1'));
    assert.match(headline, /России/);
    const title = await page.title();
    assert.ok(title.startsWith(headline), `${title} / ${headline}`);
    assert.doesNotMatch(title, /[*@#<>]/);
    const description = await page.getAttribute('meta[name=description]', 'content');
    assert.ok(squash(await page.textContent('article .lead')).startsWith(description.replace(/…$/, '')), description);
    assert.doesNotMatch(description, /[*@#<>]/);
    // The notice counts them with the body's.
    const count = Number((await page.textContent('.mt-untranslated')).match(/(\d+)\s*$/)[1]);
    const body = await page.$$eval('.article-body .mt-shown .untranslated', (els) => els.reduce((n, e) => n + e.textContent.trim().split(/\s+/).length, 0));
    assert.equal(count, header + body);
    assert.deepEqual(page.errors, []);
    await context.close();
  });

  test('marks and links survive; a cached re-view makes no request', async () => {
    const { context, page } = await openTranslated(LONG);
    const uk = byId(LONG).editions.uk;
    const runs = uk.body.flatMap((b) => [b.text, ...(b.items ?? [])]).filter(Array.isArray).flat();
    const hrefs = await page.$$eval('.mt-shown a', (as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(hrefs, runs.filter((r) => r.href).map((r) => r.href));
    // Counted as stretches: a word the service did not know, inside a strong run, splits it into
    // elements that stand side by side.
    const stretches = (tag) => page.$$eval(`.mt-shown ${tag}`, (els) => els.filter((e) => e.previousSibling?.nodeName !== e.nodeName).length);
    assert.equal(await stretches('strong'), runs.filter((r) => r.strong).length);
    assert.equal(await stretches('em'), runs.filter((r) => r.em).length);
    assert.match(await page.textContent('.mt-shown a[href="https://eefund.org.ua/"]'), CYRILLIC);
    // 80 segments, about 14,000 characters: the pairs, then a handful of batches.
    const first = stub.log.length;
    assert.ok(first >= 2 && first <= 10, `${first} requests for the long article`);

    await page.reload();
    await settledTranslation(page);
    assert.equal(stub.log.length, first, 'reload: everything from the cache, no request');
    assert.equal(await page.$$eval('.mt-block.pending', (b) => b.length), 0);
    await context.close();
  });

  test('renders as segments arrive, cancels on switching away, and never shows a late answer', async (t) => {
    stub.reset();
    stub.setDelay(300);
    t.after(() => stub.setDelay(0));
    const s = await site();
    const { context, page } = await newReader(browser);
    const aborted = [];
    page.on('requestfailed', (r) => r.url().includes('/apy/translate') && aborted.push(r.failure()?.errorText));
    await page.goto(`${s.url}/ru/${LONG}`);
    await page.waitForFunction(() => /Переводим: [1-9]\d* из \d+/.test(document.querySelector('.mt-progress')?.textContent ?? ''));
    await page.waitForSelector('.mt-block:not(.pending) .mt-shown > [lang=ru]');
    assert.ok(await page.$('.mt-block.pending .mt-shown > [lang=uk]'), 'untranslated blocks show the original, marked');
    assert.ok(await page.$('.mt-progress'), 'still translating while the first blocks are shown');

    await page.click('.switcher a[hreflang=uk]');
    await page.waitForSelector('article[lang=uk]:not(.machine)');
    await page.waitForTimeout(1000);
    assert.ok(aborted.length >= 1, 'requests in flight were aborted');
    assert.ok(aborted.every((e) => /ABORTED/.test(e)), aborted.join());
    assert.equal(await page.$('main [lang=ru]'), null, 'no Russian on the Ukrainian page');

    // Fast back and forth: whatever arrives late must not land on the page shown last.
    for (const lang of ['ru', 'uk', 'ru', 'uk']) await page.click(`.switcher a[hreflang=${lang}]`);
    await page.waitForURL(`${s.url}/uk/${LONG}`);
    await page.waitForTimeout(1500);
    assert.equal(await page.getAttribute('article', 'lang'), 'uk');
    assert.equal(squash(await page.textContent('article h1')), squash(byId(LONG).editions.uk.title));
    assert.equal(await page.$('main [lang=ru], .mt-notice'), null);
    assert.equal(await page.title(), `${byId(LONG).editions.uk.title} — Trimova`);
    stub.setDelay(0);
    await context.close();
  });

  test('a reader of Russian opening a link without a language gets the Russian machine edition', async () => {
    stub.reset();
    const s = await site();
    const { page } = await newReader(browser, { locale: 'ru-RU' });
    await page.goto(`${s.url}/${SEED}`);
    await page.waitForURL(`${s.url}/ru/${SEED}`);
    await settledTranslation(page);
    assert.equal(await page.getAttribute('article', 'data-machine-translated'), 'uk');
    // A human edition in a language the reader asked for still wins over a machine one.
    await page.goto(`${s.url}/lviv-tram-depot-library-2026-10`);
    await page.waitForURL(`${s.url}/ru/lviv-tram-depot-library-2026-10`);
    await page.waitForSelector('article[lang=ru]:not(.machine)');
  });

  test('on a site in a sub-directory, a machine edition links within it', async () => {
    stub.reset();
    const sub = await startSubdirectorySite({
      config: { languages: ['uk', 'en', 'ru'], translation: { provider: 'apertium', endpoint: `${stub.url}/apy` } },
    });
    try {
      const { page } = await newReader(browser);
      await page.goto(`${sub.url}/news/ru/${SEED}`);
      await settledTranslation(page);
      // The notice's way back, the footer's tags and the address printed under the article.
      const own = await page.$$eval('article.machine a', (as) => as.map((a) => a.getAttribute('href')).filter((h) => h.startsWith('/')));
      assert.ok(own.length >= 3, own.join());
      assert.deepEqual(own.filter((h) => !h.startsWith('/news/')), []);
      assert.ok(own.includes(`/news/uk/${SEED}`), own.join());
      assert.ok(own.includes('/news/ru/tag/north-korea/'), own.join());
      assert.equal(await page.getAttribute('article.machine .print-source a', 'href'), `/news/ru/${SEED}`);
    } finally {
      await sub.close();
    }
  });

  test('a service without the pair says so instead of failing', async () => {
    stub.reset();
    const s = await site();
    const { context, page } = await newReader(browser);
    await page.goto(`${s.url}/ru/en-only-sample`);
    await page.waitForSelector('.missing-edition');
    assert.equal(squash(await page.textContent('.missing-edition .mt-error')), 'Сервис перевода не умеет переводить с английского.');
    assert.deepEqual(await page.$$eval('.edition-links a', (as) => as.map((a) => a.hreflang)), ['en']);
    assert.ok(await page.$('.switcher a.missing[hreflang=ru]'));
    assert.equal(translateCalls().length, 0);
    await context.close();
  });
});

describe('faults', () => {
  test('a service that cannot be reached at all: the edition is explained, with a retry', async () => {
    stub.reset();
    // Port 9 (discard) on loopback: nothing listens there.
    const s = await site({ endpoint: 'http://127.0.0.1:9' });
    const { page } = await newReader(browser);
    await page.goto(`${s.url}/ru/${SEED}`);
    await page.waitForSelector('.missing-edition .mt-error');
    assert.equal(squash(await page.textContent('.missing-edition .mt-error p')), 'Не удалось связаться с сервисом перевода.');
    assert.deepEqual(await page.$$eval('.edition-links a', (as) => as.map((a) => a.hreflang)), ['uk', 'en']);
    await page.click('.missing-edition button.retry');
    await page.waitForSelector('.missing-edition .mt-error');
    await page.click('.switcher a[hreflang=uk]');
    await page.waitForSelector('article[lang=uk]');
  });

  const pairMissing = { status: 400, body: { status: 'error', code: 400, message: 'Bad Request', explanation: 'That pair is not installed' } };
  const cases = [
    ['400 pair not installed', { ...pairMissing, times: 99 }, 'Сервис перевода не поддерживает эту пару языков.'],
    ['403', { status: 403, body: { status: 'error', code: 403, message: 'Forbidden' }, times: 99 }, 'Сервис перевода отклонил запрос (проверьте ключ доступа).'],
    ['500', { status: 500, body: { status: 'error', code: 500, message: 'Internal Server Error' }, times: 99 }, 'В сервисе перевода произошла ошибка.'],
    ['malformed body', { status: 200, body: '<html>oops</html>', times: 99 }, 'Сервис перевода прислал ответ, который нельзя использовать.'],
    ['503 that never ends', { status: 503, headers: { 'retry-after': '0' }, times: 999 }, 'Сервис перевода сейчас перегружен.'],
    ['timeout', { hang: true, name: 'hang', times: 999 }, 'Сервис перевода не ответил вовремя.'],
    ['CORS refused', { noCors: true, name: 'no-cors', times: 99 }, 'Не удалось связаться с сервисом перевода.'],
    ['cut-off answers', { truncate: true, name: 'truncate', times: 999, match: (e) => (new URLSearchParams(e.body).get('q') ?? '').length >= 200 },
      'Сервис перевода прислал ответ, который нельзя использовать.'],
  ];
  for (const [name, fault, message] of cases) {
    test(`${name}: a clear message, the original readable, and a retry that works`, async () => {
      stub.reset();
      stub.fault(fault);
      const s = await site();
      const { context, page } = await newReader(browser);
      await page.goto(`${s.url}/ru/${SEED}`);
      await page.waitForSelector('.mt-error', { timeout: 60_000 });
      assert.equal(squash(await page.textContent('.mt-error strong')), message);
      // Everything not translated shows the Ukrainian original, marked as such.
      const uk = byId(SEED).editions.uk;
      const pending = await page.$$eval('.mt-block.pending .mt-shown > [lang=uk]', (e) => e.length);
      assert.ok(pending >= 1, 'the original stays readable');
      assert.equal(await page.$$eval('.mt-block', (b) => b.length), uk.body.length);
      stub.clearFaults();
      await page.click('.mt-error button.retry');
      await settledTranslation(page);
      assert.equal(await page.$('.mt-error'), null);
      assert.equal(await page.$$eval('.mt-block.pending', (b) => b.length), 0);
      // The browser itself reports refused CORS requests on the console; nothing else may appear.
      assert.deepEqual(page.errors.filter((e) => !/CORS policy|net::ERR_FAILED/.test(e)), []);
      await context.close();
    });
  }

  test('a batch whose separators are lost is sent again apart, and nothing runs together', async () => {
    stub.reset();
    stub.fault({ dropMarkers: true, name: 'dropMarkers', times: 1 });
    const s = await site();
    const { context, page } = await newReader(browser);
    await page.goto(`${s.url}/ru/${SEED}`);
    await settledTranslation(page);
    assert.equal(await page.$('.mt-error'), null);
    const mangled = stub.log.find((e) => e.fault === 'dropMarkers');
    assert.ok(mangled, 'the fault was met');
    const parts = new URLSearchParams(mangled.body).get('q').split(/<hr data-trimova="\d+">/);
    assert.ok(parts.length > 1, 'it was a batch');
    // Each text of that batch reached the page on its own, in its own block.
    const uk = byId(SEED).editions.uk;
    assert.equal(await page.$$eval('.mt-block', (b) => b.length), uk.body.length);
    assert.equal(await page.$$eval('.mt-block.pending', (b) => b.length), 0);
    const resent = stub.log.filter((e) => e.path === '/apy/translate' && !e.fault && e.at >= mangled.at);
    const resentTexts = resent.flatMap((e) => new URLSearchParams(e.body).get('q').split(/<hr data-trimova="\d+">/));
    for (const part of parts) assert.ok(resentTexts.includes(part), `sent again: ${part.slice(0, 40)}`);
    await context.close();
  });

  test('429 and 503 are retried after Retry-After, with no message when a retry succeeds', async () => {
    stub.reset();
    stub.fault({ status: 429, headers: { 'retry-after': '1' }, body: { status: 'error', code: 429, message: 'Too Many Requests' }, times: 1 });
    stub.fault({ status: 503, headers: { 'retry-after': '0' }, body: '', times: 2 });
    const s = await site();
    const { context, page } = await newReader(browser);
    await page.goto(`${s.url}/ru/${SEED}`);
    await settledTranslation(page);
    assert.equal(await page.$('.mt-error'), null);
    const limited = stub.log.find((e) => e.fault === 429);
    const retried = stub.log.filter((e) => e.body === limited.body && e !== limited && !e.fault);
    assert.equal(retried.length, 1, 'the limited text was sent again once it succeeded');
    assert.ok(retried[0].at - limited.at >= 1000, `waited ${retried[0].at - limited.at} ms for Retry-After: 1`);
    assert.equal(stub.log.filter((e) => e.fault === 503).length, 2);
    await context.close();
  });
});

describe('other providers (stubs with their exact wire formats)', () => {
  test('LibreTranslate: one batched request with the key, /languages asked once', async () => {
    stub.reset();
    const s = await site({ provider: 'libretranslate', endpoint: `${stub.url}/libretranslate`, api_key: 'lt-key' });
    const { context, page } = await newReader(browser);
    await page.goto(`${s.url}/ru/${SEED}`);
    await settledTranslation(page);
    const calls = translateCalls('/libretranslate/translate');
    assert.equal(calls.length, 1);
    const body = JSON.parse(calls[0].body);
    assert.equal(body.q.length, segmentsOf(byId(SEED).editions.uk).length);
    assert.deepEqual([body.source, body.target, body.format, body.api_key], ['uk', 'ru', 'html', 'lt-key']);
    assert.equal(stub.log.filter((e) => e.path === '/libretranslate/languages').length, 1);
    assert.equal(squash(await page.textContent('.mt-label')), 'Машинный перевод с украинского (LibreTranslate)');
    assert.match(await page.textContent('article h1'), RUSSIAN_ONLY);
    await context.close();
  });

  test('LibreTranslate: a wrong number of translations is refused', async () => {
    stub.reset();
    stub.fault({ status: 200, body: { translatedText: ['только одна'] }, times: 9 });
    const s = await site({ provider: 'libretranslate', endpoint: `${stub.url}/libretranslate` });
    const { context, page } = await newReader(browser);
    await page.goto(`${s.url}/ru/${SEED}`);
    await page.waitForSelector('.mt-error');
    assert.match(await page.textContent('.mt-error code'), /sent \d+ texts, got 1 translations/);
    assert.equal(await page.$('text=только одна'), null, 'a mismatched answer is never shown');
    await context.close();
  });

  test('Google v2: one request, key in the query, html format; quota errors are named', async () => {
    stub.reset();
    const s = await site({ provider: 'google', endpoint: `${stub.url}/google`, api_key: 'g-key' });
    const { context, page } = await newReader(browser);
    await page.goto(`${s.url}/ru/${SEED}`);
    await settledTranslation(page);
    const calls = translateCalls('/google/language/translate/v2');
    assert.equal(calls.length, 1);
    assert.equal(new URLSearchParams(calls[0].query).get('key'), 'g-key');
    assert.equal(JSON.parse(calls[0].body).format, 'html');
    await context.close();

    stub.reset();
    stub.fault({
      status: 403,
      body: { error: { code: 403, message: 'Daily Limit Exceeded', errors: [{ message: 'Daily Limit Exceeded', domain: 'usageLimits', reason: 'dailyLimitExceeded' }] } },
      times: 9,
    });
    const other = await newReader(browser);
    await other.page.goto(`${s.url}/ru/${SEED}`);
    await other.page.waitForSelector('.mt-error');
    assert.equal(squash(await other.page.textContent('.mt-error strong')), 'Лимит сервиса перевода на этот период исчерпан.');
    await other.context.close();
  });

  test('DeepL through a proxy: auth header, 413 splits and resends, 456 is a quota message', async () => {
    stub.reset();
    stub.fault({ status: 413, body: { message: 'Request Entity Too Large' }, times: 1 });
    const s = await site({ provider: 'deepl', endpoint: `${stub.url}/deepl`, api_key: 'd-key:fx' });
    const { context, page } = await newReader(browser);
    await page.goto(`${s.url}/ru/${SEED}`);
    await settledTranslation(page);
    const calls = translateCalls('/deepl/v2/translate');
    const sizes = calls.map((c) => JSON.parse(c.body).text.length);
    const total = segmentsOf(byId(SEED).editions.uk).length;
    assert.deepEqual(sizes, [total, Math.floor(total / 2), total - Math.floor(total / 2)], 'split in halves after 413');
    assert.ok(calls.every((c) => c.authorization === 'DeepL-Auth-Key d-key:fx'));
    const body = JSON.parse(calls[0].body);
    assert.deepEqual([body.source_lang, body.target_lang, body.tag_handling], ['UK', 'RU', 'html']);
    assert.equal(await page.$('.mt-error'), null);
    await context.close();

    stub.reset();
    stub.fault({ status: 456, body: { message: 'Quota exceeded' }, times: 9 });
    const other = await newReader(browser);
    await other.page.goto(`${s.url}/ru/${SEED}`);
    await other.page.waitForSelector('.mt-error');
    assert.equal(squash(await other.page.textContent('.mt-error strong')), 'Лимит сервиса перевода на этот период исчерпан.');
    await other.context.close();
  });
});

describe('configuration', () => {
  test('config.json chooses and orders the switcher languages without a rebuild', async () => {
    const s = await startSite({ config: { languages: ['ru', 'uk'], translation: { provider: 'none' } } });
    sites.push(s);
    const { context, page } = await newReader(browser);
    await page.goto(`${s.url}/uk/${SEED}`);
    await page.waitForSelector('article[lang=uk]');
    await page.waitForFunction(() => document.querySelectorAll('.switcher a').length === 2);
    assert.deepEqual(await page.$$eval('.switcher a', (as) => as.map((a) => a.hreflang)), ['ru', 'uk']);
    // Translation is off: the missing edition is explained, nothing is asked of any service.
    await page.click('.switcher a[hreflang=ru]');
    await page.waitForSelector('.missing-edition');
    assert.equal(await page.$('.mt-error'), null);
    await context.close();
  });

  test('a broken config.json leaves the reader working, translation off', async () => {
    const s = await startSite({ config: { translation: { provider: 'yandex' } } });
    sites.push(s);
    const { context, page } = await newReader(browser);
    await page.goto(`${s.url}/ru/${SEED}`);
    await page.waitForSelector('.missing-edition');
    assert.ok(page.errors.some((e) => e.includes('config.json: translation.provider')), page.errors.join('\n'));
    await page.click('.switcher a[hreflang=uk]');
    await page.waitForSelector('article[lang=uk]');
    await context.close();
  });
});

describe('machine translation is loaded when needed', () => {
  const isMachineModule = (url) => /\/trimova-machine[^/]*\.(js|wasm)$/.test(url);

  test('human editions never load the machine module; pointing at a machine edition starts it, once', async () => {
    stub.reset();
    const s = await site();
    const { page } = await newReader(browser, { locale: 'en-US' });
    const loaded = [];
    page.on('request', (r) => { if (isMachineModule(r.url())) loaded.push(new URL(r.url()).pathname); });
    await page.goto(`${s.url}/en/${SEED}`);
    await page.waitForSelector('html[data-app=started]');
    await page.click('.switcher a[hreflang=uk]');
    await page.waitForSelector('article[lang=uk]');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(loaded, [], 'a reader of human editions downloads no translation code');

    // Pointing at the machine edition's link starts the download; the click then reuses it.
    const early = page.waitForRequest((r) => isMachineModule(r.url()));
    await page.hover('.switcher a[hreflang=ru]');
    await early;
    assert.ok(await page.$('article[lang=uk]'), 'still on the human edition');
    await page.click('.switcher a[hreflang=ru]');
    await settledTranslation(page);
    assert.equal(loaded.length, 2, `glue and wasm, once: ${loaded}`);
    await page.click('.switcher a[hreflang=en]');
    await page.waitForSelector('article[lang=en]:not(.machine)');
    await page.click('.switcher a[hreflang=ru]');
    await settledTranslation(page);
    assert.equal(loaded.length, 2, 'the module is not fetched again');
    assert.deepEqual(page.errors, []);
  });

  test('a reader who asked to save data downloads nothing ahead: the module comes when the edition is opened', async () => {
    stub.reset();
    const s = await site();
    const { page } = await newReader(browser, { locale: 'en-US' });
    // Chromium's Save-Data preference, as the page reads it.
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) }));
    const loaded = [];
    page.on('request', (r) => { if (isMachineModule(r.url())) loaded.push(r.url()); });
    await page.goto(`${s.url}/en/${SEED}`);
    await page.waitForSelector('html[data-app=started]');
    await page.hover('.switcher a[hreflang=ru]');
    await page.focus('.switcher a[hreflang=ru]');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(loaded, [], 'pointing at the link fetched nothing');
    await page.click('.switcher a[hreflang=ru]');
    await settledTranslation(page);
    assert.equal(loaded.length, 2, 'the module came with the edition');
  });

  test('a machine module that cannot be loaded is said in the reader language, with a retry and the original', async () => {
    stub.reset();
    const s = await site();
    const { page } = await newReader(browser, { locale: 'ru-RU' });
    const blocked = (url) => isMachineModule(url.href);
    await page.route(blocked, (route) => route.abort());
    await page.goto(`${s.url}/ru/${SEED}`);
    await page.waitForSelector('.mt-error');
    assert.equal(squash(await page.textContent('.mt-error strong')), 'Машинный перевод сейчас недоступен.');
    assert.equal(await page.getAttribute('.mt-error a', 'href'), `/uk/${SEED}`);
    assert.ok(await page.$('.switcher a[hreflang=uk]'), 'the switcher still works');

    await page.unroute(blocked);
    await page.click('.mt-error button.retry');
    await settledTranslation(page);
    assert.equal(await page.$('.mt-error'), null);
    assert.match(await page.textContent('article h1'), RUSSIAN_ONLY);
  });
});
