// The first paint of pre-rendered pages against the same pages as static HTML (every script
// removed, the same CSS), side by side in one run, and the bytes on the first paint's path.
// Measured as a reader's first visit is (and as issue reports measure it): Lighthouse mobile with
// its simulated throttling, the built site served gzip-compressed over plain HTTP by a static
// server, medians of `runs`. Used by bench/run.mjs.
import { readFile, writeFile, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '../scripts/serve.mjs';

/** The pages measured: the seed article's human editions, a Russian one, and a list. */
export const PAGES = [
  'uk/north-korea-shells-2024-06',
  'en/north-korea-shells-2024-06',
  'ru/lviv-tram-depot-library-2026-10',
  'uk',
];

/** What the issue asks of each page, as ratios to its static twin and absolute bounds. */
export const GOALS = { fcp: 1.05, lcp: 1.1, tbt: 50, cls: 0 };

const staticTwin = (html) => html
  .replace(/<script\b[\s\S]*?<\/script>\s*/g, '')
  .replace(/<link rel="modulepreload"[^>]*>/g, '');

/**
 * Bytes the browser needs before it can paint `page`: its HTML and the stylesheets it links,
 * gzip-compressed as the server sends them.
 */
export async function firstPaintBytes(dist, page) {
  const html = await readFile(join(dist, page, 'index.html'));
  const css = [...html.toString().matchAll(/<link rel="stylesheet" href="\/?([^"]+)"/g)].map((m) => m[1]);
  const gz = (data) => gzipSync(data, { level: 6 }).length;
  let cssBytes = 0;
  for (const file of css) cssBytes += gz(await readFile(join(dist, file)));
  return { html: gz(html), css: cssBytes, total: gz(html) + cssBytes };
}

/**
 * Lighthouse on each of `pages` and on its static twin, interleaved, each served at its own
 * address on a server of its own (so the app starts as it would). Returns medians by page.
 */
export async function firstPaint(dist, pages, { compare, runs, flags }) {
  const targets = {};
  const servers = [];
  for (const page of pages) {
    const html = await readFile(join(dist, page, 'index.html'), 'utf8');
    const layer = await mkdtemp(join(tmpdir(), 'trimova-static-'));
    await mkdir(join(layer, page), { recursive: true });
    await writeFile(join(layer, page, 'index.html'), staticTwin(html));
    const site = await serve([dist]);
    const twin = await serve([layer, dist]);
    servers.push(site.server, twin.server);
    targets[page] = `${site.url}/${page}/`.replace(/\/+$/, '/');
    targets[`${page} static`] = `${twin.url}/${page}/`.replace(/\/+$/, '/');
  }
  try {
    return await compare(targets, { runs, flags });
  } finally {
    for (const server of servers) server.close();
  }
}
