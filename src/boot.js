// Trimova's start-up module on the site's pages. The build (scripts/post-build.mjs) gives it a
// content-hashed name and fills in ASSETS: the app's and the machine module's files (`{ href,
// integrity }` each), whose integrity is checked as Trunk's preload tags would have.
import { load, once } from './loader.js';

const ASSETS = /* filled in by the build */ null;

// Asked for by the page's inline script (src/paint-first.js) once the page has painted.
const prerendered = document.querySelector('#trimova-article-data, #trimova-list-data'); // src/api.rs: ARTICLE_DATA, LIST_DATA
// Machine translation is a module of its own, loaded the first time a machine edition is shown;
// so is search, loaded when a reader focuses a search box (ahead of the results page, which
// mounts it).
const loadMachine = once(ASSETS.machineGlue, ASSETS.machineWasm);
const loadSearch = once(ASSETS.searchGlue, ASSETS.searchWasm);
addEventListener('focusin', (event) => {
  if (event.target.matches?.('input[name="q"]')) loadSearch().catch(() => {});
});
// The way to the service worker (src/sw.js; the app's side is src/shelf.rs): what it keeps, saving
// an article for offline, the reader's settings. Each call answers `{ kept, saved }` (files), or
// null without a worker.
async function ask(message) {
  const registration = await navigator.serviceWorker?.ready;
  if (!registration?.active) return null;
  const { port1, port2 } = new MessageChannel();
  const answer = new Promise((ok) => { port1.onmessage = (event) => ok(event.data); });
  registration.active.postMessage(message, [port2]);
  return answer;
}
const worker = {
  list: () => ask({ shelf: 'list' }),
  save: (file, saved) => ask({ shelf: saved ? 'save' : 'unsave', file }),
  // The reader's settings, as the app remembers them (src/reading.rs): the worker puts them on
  // every page it hands over.
  reading: (stored) => ask({ reading: stored }),
};
// The first use of localStorage in a page waits for the browser to load it (up to 7 ms here);
// done now, while the app's code downloads, it is not part of the app's start, which reads the
// reader's settings from it while hydrating.
try { localStorage.length; } catch { /* storage off: the app falls back to defaults */ }
const bindings = await load(ASSETS.glue, ASSETS.wasm);
bindings.start(loadMachine, worker, loadSearch);

// Reading without a network (src/sw.js), registered once the app has started (`<html
// data-app="started">`, src/browser.rs): the worker's own start-up would otherwise share a phone's
// cores with the app's, and make each of the app's start-up tasks longer.
// `data-offline` on <html> tells the stylesheet to show the masthead's quiet offline notice.
const offline = () => document.documentElement.toggleAttribute('data-offline', !navigator.onLine);
addEventListener('online', offline);
addEventListener('offline', offline);
offline();
whenStarted(() => navigator.serviceWorker?.register(new URL('sw.js', document.baseURI)).then(() => {
  // The page the worker did not see arrive (the first visit): it keeps the data the page carries.
  if (prerendered?.dataset.file) ask({ keep: prerendered.dataset.file, json: prerendered.textContent });
}).catch((error) => {
  console.warn('trimova: no offline reading', error);
}));

function whenStarted(then) {
  const root = document.documentElement;
  if (root.dataset.app === 'started') return then();
  const watch = new MutationObserver(() => {
    if (root.dataset.app !== 'started') return;
    watch.disconnect();
    then();
  });
  watch.observe(root, { attributes: true, attributeFilter: ['data-app'] });
}
