// Lighthouse (mobile, simulated slow 4G and CPU throttling: its defaults) on the seed article as
// Trimova serves it and on the same article as a plain static page with the same CSS (the
// pre-rendered page with every script removed), side by side in one run, so the ratio holds on
// a noisy machine. Used by bench/run.mjs; installed apart (`npm ci --prefix bench/lighthouse`).
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from 'playwright-core';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

async function audit(url, flags) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...flags],
  });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, logLevel: 'error', onlyCategories: CATEGORIES });
    const value = (id) => lhr.audits[id].numericValue;
    return {
      fcp: value('first-contentful-paint'),
      lcp: value('largest-contentful-paint'),
      tbt: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)])),
      failing: CATEGORIES.flatMap((c) => lhr.categories[c].auditRefs
        .filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1)
        .map((r) => `${c}: ${r.id}`)),
    };
  } finally {
    await chrome.kill();
  }
}

/** Audits each of `pages` ({ name: url }) `runs` times, interleaved; returns medians per page. */
export async function compare(pages, { runs = 3, flags = [] } = {}) {
  const results = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, url] of Object.entries(pages)) results[name].push(await audit(url, flags));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return Object.fromEntries(Object.entries(results).map(([name, rs]) => [name, {
    fcp: median(rs.map((r) => r.fcp)),
    lcp: median(rs.map((r) => r.lcp)),
    tbt: median(rs.map((r) => r.tbt)),
    cls: Math.max(...rs.map((r) => r.cls)),
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.min(...rs.map((r) => r.scores[c]))])),
    failing: [...new Set(rs.flatMap((r) => r.failing))],
  }]));
}

/**
 * Lighthouse's accessibility audit of `url` for a reader who chose each of `themes` at the largest
 * text size, remembered as the app remembers it (localStorage `trimova.reading`, written into a
 * profile first; Lighthouse is told to keep the profile's storage).
 */
export async function accessibilityInThemes(url, themes, flags = []) {
  const chromePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  const out = {};
  for (const theme of themes) {
    const profile = await mkdtemp(join(tmpdir(), 'trimova-lighthouse-'));
    const reader = await chromium.launchPersistentContext(profile, { executablePath: chromePath, args: flags, ignoreHTTPSErrors: true });
    const page = await reader.newPage();
    await page.goto(url);
    const choice = theme === 'auto' ? { size: '8' } : { size: '8', theme };
    await page.evaluate((value) => localStorage.setItem('trimova.reading', value), JSON.stringify(choice));
    await reader.close();
    const chrome = await chromeLauncher.launch({ chromePath, userDataDir: profile, chromeFlags: ['--headless=new', ...flags] });
    try {
      const { lhr } = await lighthouse(url, {
        port: chrome.port, logLevel: 'error', onlyCategories: ['accessibility'], disableStorageReset: true,
      });
      const failing = lhr.categories.accessibility.auditRefs
        .filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1)
        .map((r) => r.id);
      out[theme] = { score: Math.round(lhr.categories.accessibility.score * 100), failing };
    } finally {
      await chrome.kill();
    }
  }
  return out;
}
