// Searching the archive: a few thousand generated articles (scripts/generate-archive.mjs) and the
// articles written for these tests (e2e/fixtures/search/), published with `trimova pages` into a
// copy of the build, searched in Chromium through the masthead's form and the search page.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES, ROOT, launchBrowser, newReader, closeReaders, settled, squash, publishedArchive } from './helpers.mjs';

const COUNT = 3000;
const NOW = Date.parse('2026-12-02T12:00:00Z');
const WRITTEN = join(FIXTURES, 'search');

let browser;
let site;
let dist;
let publish;

before(async () => {
  site = await publishedArchive({ count: COUNT, now: NOW, extra: [WRITTEN] });
  dist = site.dir;
  publish = site.publish;
  browser = await launchBrowser();
});
afterEach(closeReaders);
after(async () => {
  await browser?.close();
  await site?.close();
});

/** A reader on the search page for `q` (`lang`'s), once its outcome is shown. */
async function search(q, { lang = 'uk', extra = '', reader } = {}) {
  const { page } = reader ?? await newReader(browser);
  await page.goto(`${site.url}/${lang}/search/?q=${encodeURIComponent(q)}${extra}`);
  await outcome(page);
  return page;
}

async function outcome(page) {
  await page.locator('.search-outcome :is(.search-status, [role=alert])').first().waitFor();
  await page.waitForFunction(() => !/…$/.test(document.querySelector('.search-outcome')?.textContent.trim() ?? ''));
}

/** The results as a reader sees them: title, where its link goes, and what is marked. */
const results = (page) => page.locator('.search-results > li').evaluateAll((items) => items.map((li) => {
  const a = li.querySelector('h2 a');
  return {
    title: a.textContent.replace(/\s+/g, ' ').trim(),
    href: a.getAttribute('href'),
    lang: a.getAttribute('lang'),
    marked: [...li.querySelectorAll('mark')].map((m) => m.textContent),
    note: [...li.querySelectorAll('.original-marker')].map((m) => m.textContent).join(' '),
  };
}));

const status = async (page) => squash(await page.locator('.search-status').first().textContent());

test('an inflected word finds its article in each language, the headline above the body, newest first on demand', async () => {
  let page = await search('стародавня фортеця');
  let found = await results(page);
  assert.deepEqual(found.map((r) => r.href), ['/uk/ancient-fortress-reopens-2026-11', '/uk/council-budget-repairs-2026-11'],
    'the headline\'s match first, though the body\'s article is newer');
  assert.deepEqual(found[0].marked, ['Стародавня', 'фортеця']);
  assert.equal(await status(page), '2 результати');

  page = await search('стародавня фортеця', { extra: '&order=newest' });
  assert.deepEqual((await results(page)).map((r) => r.href)[0], '/uk/council-budget-repairs-2026-11');

  page = await search('fortresses', { lang: 'en' });
  found = await results(page);
  assert.deepEqual(found.map((r) => r.href), ['/en/ancient-fortress-reopens-2026-11']);
  assert.deepEqual(found[0].marked, ['fortress']);

  page = await search('паромной переправы', { lang: 'ru' });
  assert.deepEqual((await results(page)).map((r) => r.href), ['/ru/river-ferry-resumes-2026-09']);
});

test('more results on demand, ten at a time, also past the best postings of common words', async () => {
  const page = await search('рада бюджет');
  assert.equal((await results(page)).length, 10);
  assert.match(await status(page), /^понад \d+ результат/, 'common words: not every match is counted');
  const more = page.getByRole('button', { name: 'Більше результатів' });
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('.search-results > li').length === 20);
  const shown = await results(page);
  assert.equal(new Set(shown.map((r) => r.href)).size, 20, 'no result twice');
});

test('an article is found through any edition and opens in the reader\'s language, or the original, marked', async () => {
  // An English word on the Ukrainian page: the article's Ukrainian edition.
  let found = await results(await search('fortress'));
  assert.deepEqual(found.map((r) => [r.href, r.lang]), [['/uk/ancient-fortress-reopens-2026-11', 'uk']]);
  // An article with no Ukrainian edition: its English one, marked as such.
  found = await results(await search('lighthouse'));
  assert.equal(found.length, 1);
  assert.equal(found[0].href, '/en/harbour-lighthouse-lamp-2026-08');
  assert.match(found[0].note, /англійською/);
  // A Russian article found from the English page.
  found = await results(await search('переправа', { lang: 'en' }));
  assert.deepEqual(found.map((r) => r.href), ['/ru/river-ferry-resumes-2026-09']);
});

test('the last word is matched as a prefix while typed, and the apostrophes are one', async () => {
  assert.deepEqual((await results(await search('стародав'))).map((r) => r.href).sort(),
    ['/uk/ancient-fortress-reopens-2026-11', '/uk/council-budget-repairs-2026-11']);
  for (const q of ["м'ясо", 'м’ясо', 'мʼясо']) {
    assert.deepEqual((await results(await search(`${q} `))).map((r) => r.href), ['/uk/market-meat-prices-2026-07'], q);
  }
});

test('a title that looks like markup stays text in the results', async () => {
  const page = await search('незвичайний заголовок');
  const [result] = await results(page);
  assert.equal(result.title, '<img src=x onerror="window.hacked=1">Незвичайний заголовок <b>жирним</b>');
  assert.equal(await page.locator('.search-results img, .search-results b, .search-results script').count(), 0);
  assert.equal(await page.evaluate(() => window.hacked), undefined);
  assert.deepEqual(page.errors, []);
});

test('nothing found is said plainly with the query kept; a query without words or of 10,000 characters is answered at once', async () => {
  let page = await search('ґзщхйцщ');
  assert.equal(await status(page), 'Нічого не знайдено за запитом «ґзщхйцщ».');
  assert.equal(await page.inputValue('#search-q'), 'ґзщхйцщ');
  assert.equal(await page.locator('.search-results > li').count(), 0);

  page = await search('?! … — «»');
  assert.equal(await status(page), 'Напишіть слово чи кілька слів, щоб шукати.');

  // 10,000 characters (as long as an address a host accepts allows), control characters in it.
  page = await search(`${'fortress '.repeat(1111)}\u0000\u0007`);
  assert.match(squash(await page.locator('.search-outcome').textContent()), /Запит задовгий: шукаємо за його першими словами/);
  assert.deepEqual(page.errors, []);
});

test('a search is in the address: reloaded, and gone back to from a result', async () => {
  const page = await search('стародавня фортеця');
  const before = await results(page);
  await page.reload();
  await outcome(page);
  assert.deepEqual(await results(page), before);
  await page.locator('.search-results a').first().click();
  await page.waitForURL(/ancient-fortress-reopens/, { waitUntil: 'commit' });
  await page.locator('article h1').waitFor();
  await page.goBack();
  await outcome(page);
  assert.deepEqual(await results(page), before);
});

test('the masthead searches before the app starts and with the keyboard alone; the module loads only when used', async () => {
  const { page } = await newReader(browser);
  const loaded = [];
  page.on('request', (r) => { if (/trimova-search/.test(r.url())) loaded.push(r.url()); });
  await page.goto(`${site.url}/uk/ancient-fortress-reopens-2026-11`);
  await settled(page);
  assert.equal(await page.locator('[role=search] input[name=q]').count(), 1);
  assert.deepEqual(loaded, [], 'an article page does not fetch the search code');
  // The skip link, then the brand, then the search box: a few tabs from the top.
  await page.keyboard.press('Tab');
  for (let i = 0; i < 5 && !(await page.evaluate(() => document.activeElement?.name === 'q')); i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'masthead-search');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /trimova-search_bg/.test(e.name)));
  await page.keyboard.type('фортеця');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/uk\/search\/\?q=/);
  await outcome(page);
  assert.equal((await results(page))[0].href, '/uk/ancient-fortress-reopens-2026-11');
  // On through the page to the first result, and into it.
  let steps = 0;
  while (!(await page.evaluate(() => document.activeElement?.matches('.search-results a')))) {
    assert.ok(++steps < 30, 'the results are reached by Tab');
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/uk\/ancient-fortress-reopens-2026-11$/, { waitUntil: 'commit' });
  assert.deepEqual(page.errors, []);
});

test('a two-word query reads a few small files of the index', async () => {
  const page = await search('стародавня фортеця');
  const files = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.startsWith('/search/'))
    .map((e) => ({ path: new URL(e.name).pathname, bytes: e.encodedBodySize })));
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  assert.ok(files.length <= 12, files.map((f) => f.path).join(' '));
  assert.ok(bytes > 0 && bytes < 100_000, `${bytes} bytes`);
  console.log(`# a two-word query at ${COUNT + 6} articles: ${files.length} files, ${bytes} bytes of index and results`);
});

test('filters by month and by tag narrow the results', async () => {
  let found = await results(await search('стародавня фортеця', { extra: '&month=2026-11&tag=Budget' }));
  assert.deepEqual(found.map((r) => r.href), ['/uk/council-budget-repairs-2026-11']);
  found = await results(await search('стародавня фортеця', { extra: '&month=2026-10' }));
  assert.deepEqual(found, []);
});

test('an article published is found, and one removed is gone, after trimova pages', async () => {
  const file = join(dist, 'articles', 'lantern-festival-2026-12.json');
  await writeFile(file, JSON.stringify({
    format: 'trimova.article/1', id: 'lantern-festival-2026-12', published: '2026-12-01T18:00:00+02:00', original: 'uk',
    editions: { uk: { title: 'Фестиваль ліхтарів засвітив набережну', lead: 'Сотні паперових ліхтариків пливли річкою.', body: [] } },
  }));
  publish();
  assert.deepEqual((await results(await search('ліхтарів'))).map((r) => r.href), ['/uk/lantern-festival-2026-12']);
  await rm(file);
  await rm(join(dist, 'articles', 'market-meat-prices-2026-07.json'));
  publish();
  assert.deepEqual(await results(await search('ліхтарів')), []);
  assert.deepEqual(await results(await search('мʼясо')), []);
  await cp(join(WRITTEN, 'market-meat-prices-2026-07.json'), join(dist, 'articles', 'market-meat-prices-2026-07.json'));
  publish();
});

test('a damaged index file is said, with a retry that works once it is whole', async () => {
  const meta = join(dist, 'search', 'meta.json');
  const whole = await readFile(meta);
  await writeFile(meta, whole.subarray(0, 10));
  try {
    const page = await search('фортеця');
    const alert = page.locator('.search-outcome [role=alert]');
    assert.match(squash(await alert.textContent()), /Файл пошукового покажчика пошкоджений/);
    await writeFile(meta, whole);
    await alert.getByRole('button', { name: 'Спробувати ще раз' }).click();
    await outcome(page);
    assert.ok((await results(page)).length > 0);
  } finally {
    await writeFile(meta, whole);
  }
});

test('with scripts off the search page says search needs them and links to the lists', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'uk-UA' });
  const page = await context.newPage();
  await page.goto(`${site.url}/uk/search/?q=фортеця`);
  const needs = page.locator('.needs-scripts');
  assert.ok(await needs.isVisible());
  assert.match(squash(await needs.textContent()), /Пошук працює, коли увімкнено JavaScript/);
  assert.equal(await needs.locator('a').getAttribute('href'), '/uk/');
  await context.close();
});

test('axe finds no violation on the search page, in every reading theme', async () => {
  const axe = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  for (const theme of [null, 'dark', 'sepia', 'contrast']) {
    const { page } = await newReader(browser, { colorScheme: theme === 'dark' ? 'dark' : 'light' });
    if (theme) await page.addInitScript((t) => document.documentElement.setAttribute('data-tm-theme', t), theme);
    await search('стародавня фортеця', { reader: { page } });
    await page.evaluate(axe);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), [], theme ?? 'default');
  }
});
