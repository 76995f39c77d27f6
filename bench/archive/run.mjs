#!/usr/bin/env node
// Publishing a whole archive, Trimova against Hugo (Debian's `hugo`) on the same content in the
// same run: full build wall time and peak memory (`/usr/bin/time -v`), republishing one added and
// one edited article, and what a reader's browser downloads to open and page through the lists.
//
//   node bench/archive/run.mjs [20000 100000]
//
// Needs a release build in dist/ (`make build`), `hugo` (apt-get install hugo) and `trimova`
// (built here with the `cli` profile). Not a test: it prints figures.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../../scripts/generate-archive.mjs';
import { serve } from '../../scripts/serve.mjs';
import { launchBrowser, DIST, ROOT } from '../../e2e/helpers.mjs';
import { NOW, buildTrimova, editOneAddOne, timed } from '../common.mjs';

const TRIMOVA = buildTrimova();

async function browse(site) {
  const browser = await launchBrowser();
  const { server, url } = await serve([site]);
  const context = await browser.newContext({ locale: 'uk-UA' });
  const page = await context.newPage();
  // Bytes by kind: the page itself, list data fetched in place, and the app's own files (the same
  // on every page, cached after the first).
  let bytes = {};
  page.on('response', async (r) => {
    const kind = r.request().resourceType() === 'document' ? 'page' : r.url().endsWith('list.json') ? 'data' : 'app';
    bytes[kind] = (bytes[kind] ?? 0) + (await r.body().catch(() => Buffer.alloc(0))).length;
  });
  const step = async (what, go) => {
    bytes = {};
    const start = Date.now();
    await go();
    await page.waitForSelector('html[data-app=started]');
    await page.waitForSelector('.article-item');
    await page.waitForLoadState('networkidle');
    return { what, ms: Date.now() - start, bytes };
  };
  const steps = [
    await step('open /uk/', () => page.goto(`${url}/uk/`)),
    await step('follow next in place', async () => { await page.click('a[rel=next]'); await page.waitForURL(/page/); }),
    await step('open a month', () => page.goto(`${url}/uk/2026/11/`)),
    await step('open a tag', () => page.goto(`${url}/uk/tag/energy/`)),
  ];
  await browser.close();
  server.closeAllConnections();
  server.close();
  return steps;
}

const counts = process.argv.slice(2).map(Number);
for (const count of counts.length ? counts : [20000, 100000]) {
  const work = await mkdtemp(join(tmpdir(), `trimova-bench-${count}-`));
  const site = join(work, 'site');
  const hugo = join(work, 'hugo');
  await cp(DIST, site, { recursive: true });
  for (const f of await readdir(join(site, 'articles'))) await rm(join(site, 'articles', f));
  await generate({ count, out: join(site, 'articles'), hugo, now: NOW });
  console.log(`\n${count} articles (${count * 8 / 3 | 0} human editions), generated in ${work}`);

  const h = timed('hugo', ['--quiet'], hugo);
  const t = timed(TRIMOVA, ['pages', site, '--full'], ROOT);
  // One article added, one edited; then the run that publishes them.
  await editOneAddOne(join(site, 'articles'));
  const r = timed(TRIMOVA, ['pages', site], ROOT);
  const noop = timed(TRIMOVA, ['pages', site], ROOT);
  console.log(`  Hugo full build:        ${h.seconds.toFixed(1)} s, ${h.mb.toFixed(0)} MB`);
  console.log(`  Trimova full build:     ${t.seconds.toFixed(1)} s, ${t.mb.toFixed(0)} MB  (${(t.seconds / h.seconds).toFixed(2)}x Hugo's time, ${(t.mb / h.mb).toFixed(3)}x its memory)`);
  console.log(`  republish 1 added + 1 edited: ${r.seconds.toFixed(2)} s, ${r.mb.toFixed(0)} MB  — ${r.out}`);
  console.log(`  rerun with no change:   ${noop.seconds.toFixed(2)} s`);
  if (count >= 100000 || counts.length) {
    for (const s of await browse(site)) {
      const kib = (k) => `${((s.bytes[k] ?? 0) / 1024).toFixed(1)} KiB ${k}`;
      console.log(`  browser: ${s.what.padEnd(22)} ${s.ms} ms; ${kib('page')}, ${kib('data')}, ${kib('app')} (uncompressed)`);
    }
  }
  await rm(work, { recursive: true, force: true });
}
