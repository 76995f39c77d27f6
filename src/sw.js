// Trimova's service worker, for reading without a network (the site only; an embed lives on its
// host's origin and never registers it). The build (scripts/post-build.mjs) fills in BUILD: this
// build's version and its files.
//
// - The app (hashed JS, wasm, CSS, the shell) is one set per build, precached on install under
//   the build's version. The machine translation and search modules join the set when a page
//   first uses them (or if the browser already holds them): a reader who never uses them never
//   downloads them. A new
//   build's worker waits until no page of the old one is open (no skipWaiting), so a running page
//   is never served another build's files; on activation the old set is deleted.
// - Pages always come from the network when there is one. Offline, a navigation gets this build's
//   shell, and the app draws the page from the data it was made of: an article file or a list
//   page, kept when the reader opened it (taken from the page itself, which carries it, so nothing
//   is downloaded twice) or when the app fetched it. One URL's data is never served for another.
// - Kept data is bounded (entries and bytes, oldest first; what the reader saved for offline is
//   kept), and a full disk costs the copy, never the page. The app asks what is kept, and saves or
//   unsaves an article, through the start-up module's port (src/boot.js, src/shelf.rs).
// - The reader's settings (src/reading.rs) arrive from the app: every page handed over gets their
//   attributes on its <html> as it streams through, so it is painted in them without a script.
// - The search index (`search/`) is left to the network: searching offline says it needs one.
// - Translation services are other origins, and asked with POST: never seen here. Machine
//   translations are kept by the app itself (localStorage), under its own rules.

const BUILD = /* filled in by the build */ null;

const APP_CACHE = `trimova-app-${BUILD.version}`;
const DATA_CACHE = 'trimova-data';
const INDEX = new URL('__trimova-data-index', self.registration.scope).href;
const READING = new URL('__trimova-reading', self.registration.scope).href;
const LIMITS = { entries: 400, bytes: 40 * 1024 * 1024 };
const APP_FILES = new Set([...BUILD.app, ...BUILD.modules].map((f) => new URL(f, self.registration.scope).href));
const SHELL = new URL(BUILD.shell, self.registration.scope).href;
// The search index: read from the network only (searching needs one), so that a reader's
// searches never push the articles and lists kept for offline out of the bounded data cache.
const SEARCH_INDEX = new URL('search/', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(APP_CACHE).then((cache) => cache.addAll(BUILD.app)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('trimova-app-') && name !== APP_CACHE) await caches.delete(name);
    }
    // Only pages of no build are open now (the first visit): this build serves them from here on.
    await self.clients.claim();
    // A module (machine translation, search) the page loaded before this worker was there, if
    // the browser holds it.
    const cache = await caches.open(APP_CACHE);
    for (const file of BUILD.modules) {
      const held = await fetch(file, { cache: 'only-if-cached', mode: 'same-origin' }).catch(() => null);
      if (held?.ok) await cache.put(file, held).catch(() => {});
    }
    // The site's settings, which a first visit read before this worker was there (from the
    // browser's cache when it has them: the app asks again, through here, when it next starts).
    const config = new URL('config.json', self.registration.scope).href;
    const response = await fetch(config, { cache: 'force-cache' }).catch(() => null);
    if (response?.ok) await keep(config, response);
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(event));
  } else if (APP_FILES.has(request.url)) {
    event.respondWith(appFile(event));
  } else if (new URL(request.url).pathname.endsWith('.json') && !request.url.startsWith(SEARCH_INDEX)) {
    event.respondWith(data(event));
  }
});

// What the start-up module's port asks (src/boot.js, src/shelf.rs); the answer, on the message's
// port, is the shelf: `{ kept: [file], saved: [file] }`, files relative to the site's base.
// - `{ keep: file, json }`: a page this worker did not see arrive (the visit that installed it)
//   hands over the data it carries;
// - `{ shelf: 'list' | 'save' | 'unsave', file }`: what is kept; the reader saves an article;
// - `{ reading: stored }`: the reader's settings, as the app remembers them.
self.addEventListener('message', (event) => {
  const { keep: kept, json, shelf, file, reading } = event.data ?? {};
  const url = typeof (kept ?? file) === 'string' ? siteFile(kept ?? file) : null;
  let change = Promise.resolve();
  if (typeof reading === 'string') change = rememberReading(reading);
  else if (url && typeof json === 'string') change = keepJson(url, json);
  else if (url && (shelf === 'save' || shelf === 'unsave')) change = mark(url, shelf === 'save');
  event.waitUntil(change.then(listShelf, listShelf).then((list) => event.ports?.[0]?.postMessage(list)));
});

/** `file`'s URL if it is a data file of this site, else null. */
function siteFile(file) {
  const url = new URL(file, self.registration.scope).href;
  return url.startsWith(self.registration.scope) && url.endsWith('.json') ? url : null;
}

async function listShelf() {
  const index = await readIndex(await caches.open(DATA_CACHE));
  const relative = (url) => url.slice(self.registration.scope.length);
  return {
    kept: Object.keys(index).map(relative),
    saved: Object.entries(index).filter(([, e]) => e.saved).map(([url]) => relative(url)),
  };
}

/** Saves (or unsaves) `url` for offline: fetched if it is not kept yet, then never evicted. */
async function mark(url, saved) {
  if (saved) {
    const kept = await caches.match(url, { cacheName: DATA_CACHE });
    const response = kept ?? await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return keep(url, response, true);
  }
  return serially(async () => {
    const cache = await caches.open(DATA_CACHE);
    const index = await readIndex(cache);
    if (index[url]) index[url].saved = false;
    await cache.put(INDEX, new Response(JSON.stringify(index)));
  });
}

async function appFile(event) {
  const { request } = event;
  const cached = await caches.match(request, { cacheName: APP_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  // A module (machine translation, search), the first time a page uses it: from then on part of
  // this build's set.
  if (response.ok) {
    const copy = response.clone();
    event.waitUntil(caches.open(APP_CACHE).then((cache) => cache.put(request, copy)).catch(() => {}));
  }
  return response;
}

async function page(event) {
  let response;
  try {
    response = await fetch(event.request);
    if (response.ok && response.headers.get('content-type')?.includes('text/html')) {
      event.waitUntil(keepPageData(response.clone()));
    }
  } catch (offline) {
    response = await caches.match(SHELL, { cacheName: APP_CACHE });
    if (!response) throw offline;
  }
  return withReading(response);
}

// The reader's settings as attributes (`data-tm-<name>="<value>"`); the app decides the names and
// values, so only their form is checked here.
let readingAttributes = null;

async function rememberReading(stored) {
  let settings = {};
  try { settings = JSON.parse(stored); } catch { /* a damaged value: the default look */ }
  const attributes = Object.entries(settings ?? {})
    .filter(([name, value]) => /^[a-z]{1,16}$/.test(name) && typeof value === 'string' && /^[a-z0-9]{1,16}$/.test(value))
    .map(([name, value]) => ` data-tm-${name}="${value}"`).join('');
  // Each page's app tells them again at its start: only a change is written.
  if (attributes === await currentReading()) return;
  readingAttributes = attributes;
  const cache = await caches.open(DATA_CACHE);
  await cache.put(READING, new Response(attributes)).catch(() => {});
}

async function currentReading() {
  if (readingAttributes === null) {
    const stored = await caches.match(READING, { cacheName: DATA_CACHE });
    readingAttributes = stored ? await stored.text() : '';
  }
  return readingAttributes;
}

/** `response` (an HTML page) with the reader's settings on its <html>, still streamed. */
async function withReading(response) {
  const attributes = await currentReading();
  if (!attributes || !response.headers.get('content-type')?.includes('text/html') || !response.body) return response;
  let done = false;
  let carry = '';
  const insert = new TransformStream({
    transform(chunk, controller) {
      if (done) { controller.enqueue(chunk); return; }
      carry += chunk;
      const at = carry.search(/<html\b/i);
      if (at >= 0) {
        done = true;
        controller.enqueue(carry.slice(0, at + 5) + attributes + carry.slice(at + 5));
        carry = '';
      } else if (carry.length > 4096) {
        done = true;
        controller.enqueue(carry);
      }
    },
    flush(controller) { if (carry) controller.enqueue(carry); },
  });
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(
    response.body.pipeThrough(new TextDecoderStream()).pipeThrough(insert).pipeThrough(new TextEncoderStream()),
    { status: response.status, statusText: response.statusText, headers },
  );
}

async function data(event) {
  const { request } = event;
  try {
    const response = await fetch(request);
    if (response.ok) event.waitUntil(keep(request.url, response.clone()));
    return response;
  } catch (offline) {
    const kept = await caches.match(request.url, { cacheName: DATA_CACHE });
    if (!kept) throw offline;
    return kept;
  }
}

// A pre-rendered page carries the file it was made from (crates/trimova-cli/src/shell.rs):
// `<script type="application/json" id="trimova-…-data" data-file="articles/x.json">`.
const PAGE_DATA = /<script type="application\/json" id="trimova-(?:article|list)-data"[^>]*\sdata-file="([^"]+)"[^>]*>([\s\S]*?)<\/script>/;

async function keepPageData(response) {
  const found = PAGE_DATA.exec(await response.text());
  const url = found && siteFile(found[1]);
  if (url) await keepJson(url, found[2]);
}

/** Keeps a copy of a data file the page carried (no download). */
function keepJson(url, json) {
  return keep(url, new Response(json, { headers: { 'content-type': 'application/json' } }));
}

// Reads and writes of the index one after another, in this worker.
let queue = Promise.resolve();
const serially = (work) => (queue = queue.then(work, work));

async function readIndex(cache) {
  const stored = await cache.match(INDEX);
  return stored ? stored.json() : {};
}

/** Keeps `response` as `url`'s data, within the limits: the oldest unsaved entries go first. */
function keep(url, response, saved = false) {
  return serially(async () => {
    const cache = await caches.open(DATA_CACHE);
    const index = await readIndex(cache);
    const body = await response.arrayBuffer();
    index[url] = { bytes: body.byteLength, at: Date.now(), saved: saved || Boolean(index[url]?.saved) };
    await evict(cache, index, url);
    const copy = new Response(body, { headers: response.headers });
    try {
      await cache.put(url, copy.clone());
    } catch (full) {
      // Quota: make room by half of what may go, once; else this copy is not kept.
      await evict(cache, index, url, 0.5);
      try { await cache.put(url, copy); } catch { delete index[url]; }
    }
    await cache.put(INDEX, new Response(JSON.stringify(index)));
  });
}

async function evict(cache, index, keeping, share = 0) {
  const total = () => Object.values(index).reduce((n, e) => n + e.bytes, 0);
  const candidates = Object.entries(index)
    .filter(([url, e]) => url !== keeping && !e.saved)
    .sort((a, b) => a[1].at - b[1].at);
  let drop = Math.ceil(candidates.length * share);
  for (const [url] of candidates) {
    if (drop <= 0 && Object.keys(index).length <= LIMITS.entries && total() <= LIMITS.bytes) break;
    await cache.delete(url);
    delete index[url];
    drop -= 1;
  }
}
