// Trimova's benchmark (not a test: it prints figures, it asserts nothing).
//   node bench/run.mjs [--runs N]       (after `make build`; `make bench` does both)
// Reports the release bundle sizes (raw, gzip, brotli), Lighthouse FCP/LCP of the seed article against
// the same article as static HTML, time to first article paint, edition-switch
// latency and requests per article view, measured in headless Chromium against dist/ served over HTTP;
// then, for the long sample article translated uk -> ru through a real local Apertium APy: requests
// made, the translation's wall time in the browser against the sum of the same API calls made
// directly one after another, and the time to the first translated paragraph.
import { readdir, readFile, mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { launchBrowser, startSite, startCmsHost, apyUrl, DIST, ROOT, CHROMIUM_ARGS } from '../e2e/helpers.mjs';
import { serve } from '../scripts/serve.mjs';
import { buildTrimova } from './common.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
const LONG = 'winter-blackout-building-guide-2026-11';
const TRILINGUAL = 'lviv-tram-depot-library-2026-10';
const SEED = 'north-korea-shells-2024-06';

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

async function bundleSizes() {
  const rows = [];
  for (const file of await readdir(DIST)) {
    const kind = { '.wasm': 'wasm', '.js': 'js', '.css': 'css' }[extname(file)];
    if (!kind) continue;
    const data = await readFile(join(DIST, file));
    rows.push({
      kind,
      file,
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  rows.sort((a, b) => a.kind.localeCompare(b.kind));
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  console.log('\nRelease bundle (dist/)');
  console.log('kind  raw          gzip         brotli       file');
  for (const r of [...rows, { kind: 'total', file: '', ...total }]) {
    console.log(`${r.kind.padEnd(5)} ${kb(r.raw).padEnd(12)} ${kb(r.gzip).padEnd(12)} ${kb(r.brotli).padEnd(12)} ${r.file}`);
  }
}

// Records, inside the page, when the first <article> heading is in the DOM and painted.
const PAINT_PROBE = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('article h1')) {
      observer.disconnect();
      requestAnimationFrame(() => { window.__articlePaint = performance.now(); });
    }
  }).observe(document, { childList: true, subtree: true });
};

async function timings(browser, url) {
  const paints = [];
  const switches = [];
  const requests = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ locale: 'uk-UA' });
    const page = await context.newPage();
    await page.addInitScript(PAINT_PROBE);
    let count = 0;
    page.on('request', () => count++);
    await page.goto(`${url}/uk/${LONG}`);
    await page.waitForFunction(() => window.__articlePaint !== undefined);
    paints.push(await page.evaluate(() => window.__articlePaint));
    await page.waitForLoadState('networkidle');
    requests.push(count);

    await page.goto(`${url}/uk/${TRILINGUAL}`);
    await page.waitForSelector('html[data-app=started] article[lang=uk]');
    for (const lang of ['en', 'ru', 'uk']) {
      // From the click to the new edition's heading painted.
      const took = await page.evaluate(async (lang) => {
        const start = performance.now();
        document.querySelector(`.switcher a[hreflang=${lang}]`).click();
        while (!document.querySelector(`article[lang=${lang}] h1`)) await new Promise((r) => setTimeout(r, 0));
        await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - start;
      }, lang);
      switches.push(took);
    }
    await context.close();
  }
  console.log(`\nIn headless Chromium, ${RUNS} cold loads (median, min–max)`);
  console.log(`time to first article paint (${LONG}): ${ms(median(paints))} (${ms(Math.min(...paints))}–${ms(Math.max(...paints))})`);
  console.log(`edition switch, click to painted (${switches.length} switches): ${ms(median(switches))} (${ms(Math.min(...switches))}–${ms(Math.max(...switches))})`);
  console.log(`requests per cold article view (document, css, favicon; after the first paint boot.js, loader.js, glue js, wasm, config.json; the article is in the page): ${median(requests)}`);
}

// In the page: when the first paragraph is shown translated, and when the translation is complete.
const TRANSLATION_PROBE = () => {
  new MutationObserver(() => {
    if (window.__firstTranslated === undefined && document.querySelector('.mt-block:not(.pending) .mt-shown p[lang=ru]')) {
      window.__firstTranslated = performance.now();
    }
    if (window.__translated === undefined && document.querySelector('article.machine') && !document.querySelector('.mt-progress')) {
      window.__translated = performance.now();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
};

async function translation(browser) {
  const apy = apyUrl();
  const site = await startSite({ config: { translation: { provider: 'apertium', endpoint: apy, glossary: ['UNN', 'Bloomberg'] } } });
  const runs = [];
  try {
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      const context = await browser.newContext({ locale: 'ru-RU' });
      const page = await context.newPage();
      await page.addInitScript(TRANSLATION_PROBE);
      const sent = [];
      page.on('request', (r) => r.url().startsWith(apy) && sent.push({ url: r.url(), method: r.method(), body: r.postData() }));
      await page.goto(`${site.url}/ru/${LONG}`);
      await page.waitForFunction(() => window.__translated !== undefined, null, { timeout: 120_000 });
      const [first, done, start] = await page.evaluate(() => [
        window.__firstTranslated,
        window.__translated,
        performance.getEntriesByType('resource').find((e) => e.name.endsWith('.json') && e.name.includes('/articles/'))?.responseEnd ?? 0,
      ]);
      await context.close();
      // The same calls, made directly from here one after another.
      let direct = 0;
      for (const call of sent) {
        const t0 = performance.now();
        const r = await fetch(call.url, call.method === 'POST'
          ? { method: 'POST', body: call.body, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' } }
          : {});
        await r.text();
        direct += performance.now() - t0;
      }
      // And every segment on its own, one request each, as APy was called before batching.
      let single = 0;
      for (const call of sent.filter((c) => c.method === 'POST')) {
        const form = new URLSearchParams(call.body);
        for (const q of form.get('q').split(/<hr data-trimova="\d+">/)) {
          form.set('q', q);
          const t0 = performance.now();
          const r = await fetch(call.url, { method: 'POST', body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' } });
          await r.text();
          single += performance.now() - t0;
        }
      }
      runs.push({ requests: sent.length, first: first - start, wall: done - start, direct, single });
    }
  } finally {
    await site.close();
  }
  const m = (k) => median(runs.map((r) => r[k]));
  console.log(`\nMachine translation of ${LONG} (uk -> ru, real APy on 127.0.0.1, cold cache, median of ${runs.length})`);
  console.log(`requests to the service: ${m('requests')} (1 listPairs + batches of segments, separated by markers APy keeps)`);
  console.log(`wall time in the browser, article loaded -> last segment shown: ${ms(m('wall'))}`);
  console.log(`sum of the same calls made directly, one at a time: ${ms(m('direct'))}`);
  console.log(`ratio browser / direct: ${(m('wall') / m('direct')).toFixed(2)}`);
  console.log(`sum of the segments' own calls, one request each, one at a time: ${ms(m('single'))} (browser / that: ${(m('wall') / m('single')).toFixed(2)})`);
  console.log(`time to the first translated paragraph: ${ms(m('first'))}`);
}

// Pre-rendered pages against the same pages with every script removed (plain static HTML with the
// same CSS), served by the same server in the same run; and the bytes on the first paint's path
// beside the previous release's (bench/first-paint-previous.json).
async function lighthouseComparison() {
  const dir = join(ROOT, 'bench', 'lighthouse');
  if (!existsSync(join(dir, 'node_modules', 'lighthouse'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  }
  const { compare, accessibilityInThemes } = await import('./lighthouse/run.mjs');
  const { PAGES, GOALS, firstPaint, firstPaintBytes } = await import('./first-paint.mjs');

  const previous = JSON.parse(await readFile(join(ROOT, 'bench', 'first-paint-previous.json'), 'utf8'));
  console.log(`\nFirst-paint path (HTML + CSS, gzip), against the previous release (${previous.release})`);
  for (const page of PAGES) {
    const now = await firstPaintBytes(DIST, page);
    const before = previous.pages[page];
    const change = before ? `${now.total - before.total >= 0 ? '+' : ''}${now.total - before.total} B` : 'new';
    console.log(`${page.padEnd(36)} HTML ${String(now.html).padStart(6)} B  CSS ${String(now.css).padStart(6)} B  total ${String(now.total).padStart(6)} B  (previous ${before?.total ?? '?'} B, ${change})`);
  }

  const runs = Math.max(1, Math.min(RUNS, 5));
  const r = await firstPaint(DIST, PAGES, { compare, runs, flags: CHROMIUM_ARGS });
  console.log(`\nLighthouse 12, mobile (simulated slow 4G, 4x CPU), median of ${runs}, plain HTTP + gzip; goals: FCP within ${GOALS.fcp}x and LCP within ${GOALS.lcp}x of the static page, TBT at most ${GOALS.tbt} ms, CLS ${GOALS.cls}`);
  for (const page of PAGES) {
    const [t, s] = [r[page], r[`${page} static`]];
    const fcp = t.fcp / s.fcp;
    const lcp = t.lcp / s.lcp;
    const met = fcp <= GOALS.fcp && lcp <= GOALS.lcp && t.tbt <= GOALS.tbt && t.cls <= GOALS.cls;
    console.log(`${page.padEnd(36)} FCP ${ms(t.fcp)} / ${ms(s.fcp)} = ${fcp.toFixed(2)}x  LCP ${ms(t.lcp)} / ${ms(s.lcp)} = ${lcp.toFixed(2)}x  TBT ${ms(t.tbt)}  CLS ${t.cls.toFixed(3)}  performance ${t.scores.performance}  ${met ? 'goals met' : 'GOALS NOT MET'}`);
    if (t.failing.length) console.log(`  audits not passed: ${t.failing.join(', ')}`);
  }

  // Every reading theme, at the largest text size, as a reader who chose it sees the page.
  const { server, url } = await serve([DIST]);
  try {
    const themes = await accessibilityInThemes(`${url}/${PAGES[0]}`, ['auto', 'light', 'dark', 'sepia', 'contrast'], CHROMIUM_ARGS);
    console.log(`Lighthouse accessibility by reading theme (largest text): ${Object.entries(themes)
      .map(([t, x]) => `${t} ${x.score}${x.failing.length ? ` (${x.failing.join(', ')})` : ''}`).join(', ')}`);
  } finally {
    server.close();
  }
}

// The command line: import throughput on a generated archive, and what publish-time translation of
// the samples costs, first run and rerun.
async function commandLine() {
  const bin = buildTrimova();
  const dir = await mkdtemp(join(tmpdir(), 'trimova-archive-'));
  const pages = join(dir, 'pages');
  await mkdir(pages);
  const COUNT = 10_000;
  const words = 'city council bridge tram library winter power station museum river school hospital market'.split(' ');
  for (let i = 0; i < COUNT; i++) {
    const w = (k) => words[(i * 7 + k * 3) % words.length];
    const body = Array.from({ length: 8 }, (_, k) => `The ${w(k)} near the ${w(k + 1)} was discussed again on day ${k + 1}, and residents asked about the ${w(k + 2)}.`);
    const text = [` date 2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')} ukenru`,
      `Report ${i} on the ${w(0)} and the ${w(1)}`, `Report ${i} on the ${w(0)} and the ${w(1)}`,
      'Lviv  \u2022  TRB', '\u00a0\u2022\u00a0' + (i * 13 % 50000) + '\u00a0views',
      `A short lead about the ${w(2)}.`, ...body.slice(0, 4), 'Details', ...body.slice(4),
      'We will keep working on it', '- the mayor said.', 'Ivana Petrenko', 'Ivana Petrenko'].join('\n\n');
    await writeFile(join(pages, `${String(i).padStart(5, '0')}.txt`), text);
  }
  const t0 = performance.now();
  execFileSync(bin, ['import', '-o', join(dir, 'articles') + '/', pages], { stdio: 'ignore' });
  const took = performance.now() - t0;
  console.log(`\ntrimova import: ${COUNT} generated pages in ${ms(took)} (${Math.round(COUNT / (took / 1000))} pages/s, release build)`);

  const apy = apyUrl();
  const copy = join(dir, 'samples');
  await mkdir(copy);
  for (const f of await readdir(join(DIST, 'articles'))) {
    if (f !== 'index.json') await writeFile(join(copy, f), await readFile(join(DIST, 'articles', f)));
  }
  await writeFile(join(dir, 'config.json'), JSON.stringify({ translation: { provider: 'apertium', endpoint: apy, glossary: ['UNN', 'Bloomberg'] } }));
  for (const label of ['first run', 'rerun']) {
    const t = performance.now();
    const r = spawnSync(bin, ['translate', '--config', join(dir, 'config.json'), '--cache', join(dir, 'cache'), copy], { encoding: 'utf8' });
    const line = r.stderr.trim().split('\n').pop();
    console.log(`trimova translate of the samples (APy, uk<->ru), ${label}: ${line.replace('trimova translate: ', '')} in ${ms(performance.now() - t)}`);
  }
}

const brotli = (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** wasm + js + css of a built app folder, raw and brotli. */
async function appBytes(dir, files) {
  let raw = 0;
  let br = 0;
  for (const file of files) {
    const data = await readFile(join(dir, file));
    raw += data.length;
    br += brotli(data);
  }
  return { raw, br };
}

/** The app's files (wasm, js, css at the top of dist/) that `page` asks for, as they come. */
function appFilesAsked(page) {
  const asked = new Set();
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.slice(1);
    if (/^[^/]+\.(wasm|js|css)$/.test(name)) asked.add(name);
  });
  return asked;
}

// What a reader's first load costs against a floor: a bare Leptos 0.8 CSR app with a router,
// gloo-net and serde_json (bench/floor), built with the same profile and wasm-opt in this run.
async function firstLoad(browser) {
  const floorDir = join(ROOT, 'bench', 'floor');
  execFileSync('cargo', ['fetch', '--locked'], { cwd: floorDir, stdio: 'ignore' });
  execFileSync('trunk', ['build', '--release', '--offline'], {
    cwd: floorDir,
    stdio: 'ignore',
    // The same tools as Trimova's build (wasm-opt from npm, wasm-bindgen from cargo install).
    env: {
      ...process.env,
      PATH: `${join(ROOT, 'node_modules', '.bin')}:${join(process.env.HOME ?? '', '.cargo', 'bin')}:${process.env.PATH}`,
      CARGO_TARGET_DIR: join(ROOT, 'target', 'floor'),
    },
  });
  const floorDist = join(ROOT, 'target', 'floor-dist');
  const floorFiles = (await readdir(floorDist)).filter((f) => /\.(wasm|js|css)$/.test(f));
  const floor = await appBytes(floorDist, floorFiles);

  // The app's files a reader of a human edition actually asks for, with machine translation
  // configured (a real APy): the seed's English edition, then a switch to Ukrainian. Then what
  // opening its machine edition (Russian) adds.
  const site = await startSite({ config: { translation: { provider: 'apertium', endpoint: apyUrl() } } });
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const asked = appFilesAsked(page);
  await page.goto(`${site.url}/en/${SEED}`);
  await page.waitForSelector('html[data-app=started]');
  await page.click('.switcher a[hreflang=uk]');
  await page.waitForSelector('article[lang=uk]');
  await page.waitForLoadState('networkidle');
  const human = await appBytes(DIST, [...asked]);
  const humanFiles = new Set(asked);
  await page.click('.switcher a[hreflang=ru]');
  await page.waitForSelector('article.machine');
  await page.waitForLoadState('networkidle');
  await context.close();
  await site.close();
  const machine = await appBytes(DIST, [...asked].filter((f) => !humanFiles.has(f)));
  // The site's files; embed.js is counted on its own, below.
  const everything = await appBytes(DIST, (await readdir(DIST)).filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'embed.js'));
  const embedded = await embedLoad(browser);
  const row = (name, x) => `${name.padEnd(34)} ${kb(x.raw).padEnd(12)} ${kb(x.br).padEnd(12)} ${(x.br / floor.br).toFixed(2)}x`;
  console.log('\nFirst load against the floor (wasm + js + css, brotli -q 11)');
  console.log(`${''.padEnd(34)} ${'raw'.padEnd(12)} ${'brotli'.padEnd(12)} vs floor`);
  console.log(row('floor (bench/floor)', floor));
  console.log(row('reader of a human edition', human));
  console.log(row('machine edition adds', machine));
  console.log(row('everything', everything));
  console.log(row('embed.js (<trimova-article>)', await appBytes(DIST, ['embed.js'])));
  console.log(row('host page with two embeds', embedded));
}

// What a CMS page embedding two articles (examples/cms/) asks of Trimova's folder.
async function embedLoad(browser) {
  const host = await startCmsHost();
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const asked = appFilesAsked(page);
  await page.goto(`${host.url}/examples/cms/`);
  for (const id of ['first', 'second']) await page.locator(`#${id} article`).waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  await host.close();
  return appBytes(DIST, [...asked]);
}

await bundleSizes();
await commandLine();
await lighthouseComparison();
const browser = await launchBrowser();
const site = await startSite();
try {
  await firstLoad(browser);
  await timings(browser, site.url);
  await translation(browser);
} finally {
  await browser.close();
  await site.close();
}
