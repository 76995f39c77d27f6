// Publish-time translation end to end: `trimova translate` on a copy of the samples, through a real
// Apertium APy on 127.0.0.1 (behind the fault-injecting proxy, which also counts requests), then
// the app showing the result as machine translation without asking the service anything.
import { test, before, after, afterEach, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { closeReaders, launchBrowser, newReader, settled, apyUrl, plain, DIST, ROOT } from './helpers.mjs';
import { startProviders } from './providers.mjs';
import { serve } from '../scripts/serve.mjs';

const run = promisify(execFile);
const SEED = 'north-korea-shells-2024-06';
const LONG = 'winter-blackout-building-guide-2026-11';

let browser, stub, work;

before(async () => {
  browser = await launchBrowser();
  stub = await startProviders(apyUrl());
  work = await mkdtemp(join(tmpdir(), 'trimova-publish-'));
});
afterEach(closeReaders);
after(async () => {
  await browser?.close();
  await stub?.close();
  await rm(work, { recursive: true, force: true });
});

/** Runs the CLI; resolves to { code, stdout, stderr } whatever the exit status. */
async function trimova(...args) {
  try {
    const { stdout, stderr } = await run('cargo', ['run', '--quiet', '--offline', '-p', 'trimova-cli', '--bin', 'trimova', '--', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const translations = () => stub.log.filter((e) => e.path === '/apy/translate');

describe('trimova translate', () => {
  let site, config, articles, cache;

  before(async () => {
    site = join(work, 'site');
    await cp(DIST, site, { recursive: true });
    articles = join(site, 'articles');
    cache = join(work, 'cache');
    config = join(work, 'config.json');
    await writeFile(config, JSON.stringify({
      languages: ['uk', 'en', 'ru'],
      translation: { provider: 'apertium', endpoint: `${stub.url}/apy`, glossary: ['UNN', 'Bloomberg'] },
    }));
  });

  test('fills the missing editions once; a rerun sends nothing; an edit resends only itself', async () => {
    stub.reset();
    const dry = await trimova('translate', '--config', config, '--cache', cache, '--to', 'ru', '--dry-run', articles);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /would send (\d+) segments, (\d+) characters, in (\d+) requests/);
    const [, , , planned] = dry.stdout.match(/would send (\d+) segments, (\d+) characters, in (\d+) requests/).map(Number);
    assert.equal(translations().length, 0, 'a dry run translates nothing');

    const first = await trimova('translate', '--config', config, '--cache', cache, '--to', 'ru', articles);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(translations().length, planned, 'as many requests as the dry run said');
    const seed = JSON.parse(await readFile(join(articles, `${SEED}.json`), 'utf8'));
    assert.deepEqual({ ...seed.editions.ru.translation, source_hash: undefined },
      { from: 'uk', by: 'machine', provider: 'apertium', source_hash: undefined });
    assert.match(seed.editions.ru.title, /[ыэъё]|России/);
    assert.ok(seed.editions.ru.body.length === seed.editions.uk.body.length);
    // Words APy did not know are published as such, not passed off as Russian.
    const unknown = seed.editions.ru.body.flatMap((b) => [b.text, ...(b.items ?? [])].filter(Array.isArray).flat()).filter((r) => r.untranslated);
    assert.ok(unknown.length >= 1, 'the seed has words APy does not know');
    assert.ok(unknown.every((r) => JSON.stringify(seed.editions.uk).includes(r.text.trim())), JSON.stringify(unknown));
    // So are those of the headline and lead, beside their clean text: stretches of Ukrainian words.
    const ru = seed.editions.ru;
    assert.ok(ru.untranslated?.title?.length >= 1 && ru.untranslated?.lead?.length >= 1, JSON.stringify(ru.untranslated));
    for (const [field, stretches] of Object.entries(ru.untranslated)) {
      if (!['title', 'lead'].includes(field)) continue;
      for (const [start, end] of stretches) {
        const word = [...ru[field]].slice(start, end).join('');
        assert.match(word, /^[\p{L}'’ʼ-]+( [\p{L}'’ʼ-]+)*$/u, word);
        assert.ok(seed.editions.uk[field].includes(word), `"${word}" is the Ukrainian ${field}'s own`);
      }
    }
    assert.doesNotMatch(ru.title + ru.lead, /[*@#<>]/);

    stub.reset();
    const again = await trimova('translate', '--config', config, '--cache', cache, '--to', 'ru', articles);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(translations().length, 0, 'a rerun sends nothing');
    assert.match(again.stderr, /0 machine editions written, \d+ up to date/);

    // An editor corrects one paragraph of the source: only that one is sent again.
    seed.editions.uk.body[0].text = 'Південнокорейська розвідка нарахувала щонайменше десять тисяч контейнерів.';
    await writeFile(join(articles, `${SEED}.json`), JSON.stringify(seed, null, 2));
    stub.reset();
    const edited = await trimova('translate', '--config', config, '--cache', cache, '--to', 'ru', articles);
    assert.equal(edited.code, 0, edited.stderr);
    assert.equal(translations().length, 1);
    assert.match(decodeURIComponent(translations()[0].body.replace(/\+/g, ' ')), /десять тисяч контейнерів/);
    const updated = JSON.parse(await readFile(join(articles, `${SEED}.json`), 'utf8'));
    assert.match(plain(updated.editions.ru.body[0].text), /десять тысяч|тысяч/);
    assert.notEqual(updated.editions.ru.translation.source_hash, seed.editions.ru.translation.source_hash);
  });

  test('the app shows the published machine edition, labelled, without asking the service', async () => {
    const { server, url } = await serve([site]);
    try {
      const { page } = await newReader(browser, { locale: 'ru-RU' });
      const asked = [];
      page.on('request', (r) => r.url().startsWith(stub.url) && asked.push(r.url()));
      // The site's own config names the service, so a request would be seen if one were made.
      await page.route('**/config.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ translation: { provider: 'apertium', endpoint: `${stub.url}/apy` } }) }));
      await page.goto(`${url}/ru/${LONG}`);
      await settled(page);
      const published = JSON.parse(await readFile(join(site, 'articles', `${LONG}.json`), 'utf8'));
      assert.equal((await page.textContent('article h1')).trim(), published.editions.ru.title);
      assert.equal(await page.getAttribute('article', 'data-machine-translated'), 'uk');
      assert.match(await page.textContent('.mt-notice .mt-label'), /Машинный перевод с украинского \(Apertium\)/);
      assert.equal(await page.getAttribute('.mt-notice a', 'href'), `/uk/${LONG}`);
      // Its words left untranslated are marked and counted as in the browser's own translation.
      const marked = await page.$$eval('.article-body .untranslated', (els) => els.map((e) => [e.lang, e.title, e.textContent]));
      const words = published.editions.ru.body.flatMap((b) => [b.text, ...(b.items ?? [])].filter(Array.isArray).flat()).filter((r) => r.untranslated);
      // Runs marked in the body, and the stretches of its headings, attributions and captions.
      const fields = Object.entries(published.editions.ru.untranslated ?? {});
      const inBody = fields.filter(([f]) => /^body\[\d+\]\.(text|attribution|caption)$/.test(f)).flatMap(([, s]) => s);
      assert.equal(marked.length, words.length + inBody.length);
      const inHeader = fields.filter(([f]) => ['title', 'dateline', 'lead'].includes(f)).flatMap(([, s]) => s);
      assert.equal(await page.$$eval('.article-header .untranslated', (els) => els.length), inHeader.length);
      assert.ok(marked.every(([lang, title]) => lang === 'uk' && title === 'не переведено'), JSON.stringify(marked));
      if (words.length) assert.match(await page.textContent('.mt-untranslated'), /Слов, которых сервис не знал .*: \d+/);
      assert.equal(await page.getAttribute('meta[name=robots]', 'content'), 'noindex');
      assert.ok(await page.$('.switcher a.machine[hreflang=ru]'));
      await page.waitForLoadState('networkidle');
      assert.deepEqual(asked.filter((u) => u.includes('/translate')), [], 'no translation request from the browser');
      assert.deepEqual(page.errors, []);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test('a failing service is reported, what was done is kept, and a rerun resumes', async () => {
    const fresh = join(work, 'fresh');
    await cp(join(DIST, 'articles'), fresh, { recursive: true });
    const freshCache = join(work, 'fresh-cache');
    stub.reset();
    // The service breaks after a few answers (a 500 is not retried: the run must say so).
    let answered = 0;
    stub.fault({ status: 500, body: { status: 'error', code: 500, message: 'boom' }, times: 1000, match: () => ++answered > 5 });
    const broken = await trimova('translate', '--config', config, '--cache', freshCache, '--to', 'ru', fresh);
    assert.equal(broken.code, 1, broken.stderr);
    assert.match(broken.stderr, /could not be translated; run again to resume/);
    const keptBefore = (await readFile(join(freshCache, 'translations.jsonl'), 'utf8')).trim().split('\n').length;
    assert.ok(keptBefore >= 5, `${keptBefore} translations kept`);
    stub.clearFaults();
    const requestsOf = (out) => Number(out.stdout.match(/in (\d+) requests/)[1]);
    const everything = requestsOf(await trimova('translate', '--config', config, '--cache', join(work, 'empty-cache'), '--to', 'ru', '--dry-run', fresh));
    const rest = requestsOf(await trimova('translate', '--config', config, '--cache', freshCache, '--to', 'ru', '--dry-run', fresh));
    assert.ok(rest < everything, `${rest} of ${everything} requests left`);
    stub.reset();
    const resumed = await trimova('translate', '--config', config, '--cache', freshCache, '--to', 'ru', fresh);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(translations().length, rest, 'the rerun sends only what the broken run had not');
  });

  test('a busy service (429 with Retry-After) is waited for and asked again', async () => {
    const one = join(work, 'one');
    await cp(join(DIST, 'articles', `${SEED}.json`), join(one, `${SEED}.json`), { recursive: true });
    stub.reset();
    stub.fault({ status: 429, headers: { 'retry-after': '0' }, body: { status: 'error', code: 429, message: 'Too Many Requests' }, times: 1 });
    const out = await trimova('translate', '--config', config, '--cache', join(work, 'busy-cache'), '--to', 'ru', one);
    assert.equal(out.code, 0, out.stderr);
    const limited = stub.log.find((e) => e.fault === 429);
    assert.ok(limited, 'the fault was met');
    assert.ok(stub.log.some((e) => e !== limited && e.body === limited.body && !e.fault), 'the same text was asked again');
    const article = JSON.parse(await readFile(join(one, `${SEED}.json`), 'utf8'));
    assert.equal(article.editions.ru.translation.by, 'machine');
  });

  test('on a full disk the article file stays as the editor wrote it, with a message naming it', async (t) => {
    // A tmpfs of a few hundred KiB holding one article (CI runs as root; elsewhere this is skipped).
    const disk = await mkdtemp(join(tmpdir(), 'trimova-full-'));
    try {
      await run('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk]);
    } catch {
      t.skip('mounting a tmpfs needs root');
      return;
    }
    try {
      const file = join(disk, `${SEED}.json`);
      const source = await readFile(join(DIST, 'articles', `${SEED}.json`));
      await writeFile(file, source);
      // Fill what is left of the disk.
      await run('sh', ['-c', `cat /dev/zero > ${join(disk, 'filler')} 2>/dev/null; true`]);
      stub.reset();
      const full = await trimova('translate', '--config', config, '--cache', join(work, 'full-disk-cache'), '--to', 'ru', file);
      assert.equal(full.code, 1, full.stderr);
      assert.match(full.stderr, new RegExp(`${SEED}\\.json: the disk is full`));
      assert.ok(translations().length > 0, 'it did translate');
      assert.deepEqual(await readFile(file), source, 'the source edition is not lost');
    } finally {
      await run('umount', [disk]).catch(() => {});
      await rm(disk, { recursive: true, force: true });
    }
  });

  test('usage and input errors have their own exit status', async () => {
    assert.equal((await trimova('translate', '--config', config)).code, 2);
    assert.equal((await trimova('translate', '--config', join(ROOT, 'public', 'config.json'), articles)).code, 1, 'a config without a service');
    assert.equal((await trimova('translate', '--config', config, '--to', 'de', articles)).code, 2);
  });
});
