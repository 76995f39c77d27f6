#!/usr/bin/env node
// Search across a whole archive, Trimova against Pagefind 1.6.0 on Hugo's build of the same
// generated archive, side by side in one run: index build time and peak memory, files and bytes
// on disk, time and bytes in Chromium for the same queries (a first query and a second one), the
// time to republish one added and one edited article (Pagefind indexes everything again), and
// how often the expected article is in the top three of a labelled set of queries.
//
//   (cd bench/search && npm ci) && node bench/search/run.mjs [20000 100000]
//
// Needs a release build in dist/ (`make build`) and `hugo` (apt-get install hugo); builds
// `trimova` with the `cli` profile. Not a test: it prints figures.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, makeArticle } from '../../scripts/generate-archive.mjs';
import { serve } from '../../scripts/serve.mjs';
import { launchBrowser, DIST, ROOT } from '../../e2e/helpers.mjs';
import { NOW, buildTrimova, editOneAddOne, timed } from '../common.mjs';

const TRIMOVA = buildTrimova();
const PAGEFIND = join(ROOT, 'bench', 'search', 'node_modules', '.bin', 'pagefind');

/** Files and bytes under `dir`. */
async function disk(dir) {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(join(entry.parentPath ?? entry.path, entry.name))).size;
  }
  return { files, bytes };
}

// Inflected forms of the generator's nouns (scripts/generate-archive.mjs), as a reader types them.
const INFLECTED = {
  uk: { місто: 'міста', рада: 'ради', школа: 'школи', бюджет: 'бюджету', вулиця: 'вулиці', лікарня: 'лікарні', бібліотека: 'бібліотеки', ремонт: 'ремонту', трамвай: 'трамваю', громада: 'громади', музей: 'музею', дорога: 'дороги', фестиваль: 'фестивалю', вокзал: 'вокзалу', ринок: 'ринку' },
  ru: { город: 'города', совет: 'совета', школа: 'школы', бюджет: 'бюджета', улица: 'улицы', больница: 'больницы', библиотека: 'библиотеки', ремонт: 'ремонта', трамвай: 'трамвая', община: 'общины', музей: 'музея', дорога: 'дороги', фестиваль: 'фестиваля', вокзал: 'вокзала', рынок: 'рынка' },
  en: { city: 'cities', council: 'councils', school: 'schools', budget: 'budgets', street: 'streets', hospital: 'hospitals', library: 'libraries', tram: 'trams', community: 'communities', museum: 'museums', road: 'roads', festival: 'festivals', station: 'stations', market: 'markets', bridge: 'bridges' },
};

/**
 * The labelled set: for sampled articles, a query a reader would type for it in each language,
 * and the article expected in the top three. Names made of syllables are the rare words (the
 * rarest of a title's, counted over the whole archive's titles); nouns are the common ones,
 * typed inflected. A third of the queries are the name alone, a third the name and an inflected
 * noun, a third the title's two rarest names.
 */
function labelled(count) {
  const seen = new Map();
  const titles = [];
  for (let i = 0; i < count; i++) {
    const a = makeArticle(i, NOW);
    titles.push(a);
    for (const e of Object.values(a.editions)) {
      for (const w of e.title.split(' ').slice(1)) seen.set(w, (seen.get(w) ?? 0) + 1);
    }
  }
  const queries = [];
  for (let n = 0; queries.length < 36 && n < count; n++) {
    const a = titles[(n * 7919) % count];
    const lang = ['uk', 'en', 'ru'][queries.length % 3];
    if (!a.editions[lang]) continue;
    const words = a.editions[lang].title.split(' ');
    const names = words.slice(1).filter((w) => /^[A-ZА-ЯІЇЄҐ]/.test(w)).sort((x, y) => seen.get(x) - seen.get(y));
    const nouns = words.map((w) => w.toLowerCase()).filter((w) => INFLECTED[lang][w]);
    if (names.length < 2 || !nouns.length) continue;
    const kind = Math.floor(queries.length / 3) % 3;
    const q = [names[0], `${names[0]} ${INFLECTED[lang][nouns[0]]}`, `${names[0]} ${names[1]}`][kind];
    queries.push({ lang, q, expected: a.id });
  }
  return queries;
}

/** Runs `queries` on a page of `url`; returns per query the ids found (top 3), ms and bytes. */
async function inBrowser(browser, makeUrl, read, queries) {
  const out = [];
  const context = await browser.newContext();
  for (const { lang, q } of queries) {
    // Each query on a fresh page of one browser: the first finds nothing cached, the next ones
    // what the earlier ones left in the HTTP cache.
    const page = await context.newPage();
    let bytes = 0;
    const counting = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      // Index and results only: not either side's code (Pagefind's wasm is named wasm.*), nor
      // the search page itself.
      if (r.request().resourceType() !== 'document' && /\/(search|pagefind)\//.test(path)
        && !/\.(js|wasm)$/.test(path) && !/\/wasm\.[^/]*$/.test(path)) {
        counting.push(r.body().then((b) => { bytes += b.length; }, () => {}));
      }
    });
    const started = Date.now();
    await page.goto(makeUrl(lang, q));
    const ids = await read(page, q);
    const ms = Date.now() - started;
    await Promise.all(counting);
    out.push({ ids, ms, bytes });
    await page.close();
  }
  await context.close();
  return out;
}

async function trimovaIds(page) {
  await page.waitForSelector('.search-outcome :is(.search-status, [role=alert])');
  await page.waitForFunction(() => !/…$/.test(document.querySelector('.search-outcome')?.textContent.trim() ?? ''));
  return page.$$eval('.search-results h2 a', (as) => as.slice(0, 3).map((a) => a.getAttribute('href').split('/').pop()));
}

async function pagefindIds(page, q) {
  return page.evaluate(async (query) => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.init();
    const found = await pagefind.search(query);
    const top = await Promise.all(found.results.slice(0, 3).map((r) => r.data()));
    // Hugo's pages are at /<lang>/posts/<id>/.
    return top.map((d) => d.url.split('/').filter(Boolean).pop());
  }, q);
}

const counts = process.argv.slice(2).map(Number);
const browser = await launchBrowser();
for (const count of counts.length ? counts : [20000]) {
  const work = await mkdtemp(join(tmpdir(), `trimova-search-bench-${count}-`));
  const site = join(work, 'site');
  const hugo = join(work, 'hugo');
  await cp(DIST, site, { recursive: true });
  for (const f of await readdir(join(site, 'articles'))) await rm(join(site, 'articles', f));
  await generate({ count, out: join(site, 'articles'), hugo, now: NOW });
  // A search page per language for Pagefind (its index is chosen by the page's <html lang>).
  for (const lang of ['uk', 'en', 'ru']) {
    await writeFile(join(hugo, 'static', `search-${lang}.html`), `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>search</title></head><body></body></html>\n`);
  }
  console.log(`\n${count} articles, generated in ${work}`);

  const t = timed(TRIMOVA, ['pages', site, '--full'], ROOT);
  const indexSeconds = Number(t.out.match(/for search in ([\d.]+) s/)?.[1]);
  const h = timed('hugo', ['--quiet'], hugo);
  const p = timed(PAGEFIND, ['--site', 'public', '--silent'], hugo);
  const trimovaDisk = await disk(join(site, 'search'));
  const pagefindDisk = await disk(join(hugo, 'public', 'pagefind'));
  console.log(`  Trimova: trimova pages (pages and index) ${t.seconds.toFixed(1)} s, ${t.mb.toFixed(0)} MB; its index step ${indexSeconds.toFixed(1)} s`);
  console.log(`  Hugo ${h.seconds.toFixed(1)} s, then Pagefind ${p.seconds.toFixed(1)} s, ${p.mb.toFixed(0)} MB`);
  console.log(`  index step vs Pagefind: ${(indexSeconds / p.seconds).toFixed(2)}x its time; whole run's memory ${(t.mb / p.mb).toFixed(2)}x its memory`);
  console.log(`  on disk: Trimova ${trimovaDisk.files} files, ${(trimovaDisk.bytes / 1e6).toFixed(1)} MB; Pagefind ${pagefindDisk.files} files, ${(pagefindDisk.bytes / 1e6).toFixed(1)} MB`);

  // Republishing one added and one edited article: Trimova updates; Pagefind indexes all again.
  const article = await editOneAddOne(join(site, 'articles'));
  const r = timed(TRIMOVA, ['pages', site], ROOT);
  // Another edit, then a run with the page cache dropped (root only), read from the disk.
  const file = join(site, 'articles', `${article.id}.json`);
  const editedThenCold = async (mark, extra) => {
    article.editions.uk.title += mark;
    await writeFile(file, JSON.stringify(article, null, 2));
    await new Promise((ok) => setTimeout(ok, 2100));
    execFileSync('sh', ['-c', 'sync; echo 3 > /proc/sys/vm/drop_caches || true'], { stdio: 'ignore' });
    return timed(TRIMOVA, ['pages', site, ...extra], ROOT);
  };
  const cold = await editedThenCold(' (ще раз)', []);
  // And as a publishing hook would run it, naming the file it wrote (`--changed`).
  const told = await editedThenCold(' (і ще)', ['--changed', file]);
  const rp = timed(PAGEFIND, ['--site', 'public', '--silent'], hugo);
  console.log(`  republish 1 added + 1 edited: Trimova ${r.seconds.toFixed(2)} s (one more edit with the page cache dropped: ${cold.seconds.toFixed(2)} s; told what changed, also cold: ${told.seconds.toFixed(2)} s); Pagefind ${rp.seconds.toFixed(1)} s (after Hugo)`);

  // The same queries in Chromium, and the labelled set's top-3 hits.
  const queries = labelled(count);
  const trimovaSite = await serve([site]);
  const hugoSite = await serve([join(hugo, 'public')]);
  const tq = await inBrowser(browser, (lang, q) => `${trimovaSite.url}/${lang}/search/?q=${encodeURIComponent(q)}`, trimovaIds, queries);
  const pq = await inBrowser(browser, (lang) => `${hugoSite.url}/search-${lang}.html`, pagefindIds, queries);
  const hits = (results) => results.filter((r, k) => r.ids.includes(queries[k].expected)).length;
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const two = (results) => results.filter((_, k) => queries[k].q.includes(' '));
  console.log(`  queries (${queries.length}, ${two(queries).length} of two words), median bytes of index and results (uncompressed): Trimova ${median(tq.map((r) => r.bytes))}, Pagefind ${median(pq.map((r) => r.bytes))}; two-word max: Trimova ${Math.max(...two(tq).map((r) => r.bytes))}, Pagefind ${Math.max(...two(pq).map((r) => r.bytes))}`);
  console.log(`  the first query (nothing cached): Trimova ${tq[0].bytes} bytes in ${tq[0].ms} ms, Pagefind ${pq[0].bytes} bytes in ${pq[0].ms} ms`);
  console.log(`  median time to results: Trimova ${median(tq.map((r) => r.ms))} ms, Pagefind ${median(pq.map((r) => r.ms))} ms`);
  console.log(`  expected article in the top 3: Trimova ${hits(tq)}/${queries.length}, Pagefind ${hits(pq)}/${queries.length}`);
  // The queries either side missed, for whoever works on ranking next.
  queries.forEach(({ lang, q, expected }, k) => {
    const [t, p] = [tq[k].ids.includes(expected), pq[k].ids.includes(expected)];
    if (!t || !p) console.log(`    ${lang} "${q}" -> ${expected}: Trimova ${t ? 'found' : `missed (${tq[k].ids.join(', ')})`}, Pagefind ${p ? 'found' : 'missed'}`);
  });
  for (const side of [trimovaSite, hugoSite]) {
    side.server.closeAllConnections();
    side.server.close();
  }
  await rm(work, { recursive: true, force: true });
}
await browser.close();
